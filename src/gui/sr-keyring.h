/* sr-keyring.h — the office server's password in the desktop keyring (libsecret), never in
 * a plain file. Kept per address (the address without its password). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The password kept for @address; NULL when none is kept or there is no keyring. */
char     *sr_keyring_lookup (const char  *address);
gboolean  sr_keyring_store  (const char  *address,
                             const char  *password,
                             GError     **error);

G_END_DECLS
