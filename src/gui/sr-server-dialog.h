/* sr-server-dialog.h — connecting this PC to the office server (PostgreSQL): server,
 * port, database, this PC's role and its password, TLS. The connection is tried before
 * anything is kept; then the address goes to the settings, the password to the desktop
 * keyring, and the window opens again on the server's office (its sign-in, or the
 * first-run assistant when the database is new). */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* @address: the settings' address to start from (NULL: none). */
GtkWidget *sr_server_dialog_new (GtkWindow  *parent,
                                 const char *address);
/* The address (postgresql://…, without password) for what the dialog's fields say; NULL
 * when a field needed is empty or the port is not a port. */
char      *sr_server_address    (const char *host,
                                 const char *port,
                                 const char *database,
                                 const char *user,
                                 gboolean    tls);

G_END_DECLS
