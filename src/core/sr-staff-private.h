/* sr-staff-private.h — for the first-run set-up and the demo, which add staff
 * without a signed-in administrator. The caller holds the transaction. */
#pragma once

#include "sr-staff.h"

G_BEGIN_DECLS

gint64 sr_staff_insert (SrContext   *ctx,
                        const char  *login,
                        const char  *display_name,
                        SrRoles      roles,
                        const char  *password_hash,
                        GError     **error);

G_END_DECLS
