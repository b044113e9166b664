/* sr-session.h — who is acting: a signed-in person, or the command line.
 *
 * Every core function that changes data takes the session, checks the permission with
 * sr_session_check() before anything else, and records the session in the audit log.
 */
#pragma once

#include <glib-object.h>

#include "sr-roles.h"

G_BEGIN_DECLS

#define SR_TYPE_SESSION (sr_session_get_type ())
G_DECLARE_FINAL_TYPE (SrSession, sr_session, SR, SESSION, GObject)

/* Whether the person signed in with a password an administrator set, to be changed
 * before they go on. */
gboolean    sr_session_get_must_change_password (SrSession *self);
void        sr_session_set_must_change_password (SrSession *self,
                                                 gboolean   must_change);
SrSession  *sr_session_new_for_staff        (gint64       staff_id,
                                             const char  *login,
                                             const char  *display_name,
                                             SrRoles      roles);
SrSession  *sr_session_new_command_line     (void);
SrSession  *sr_session_new_setup            (void);

gint64      sr_session_get_staff_id         (SrSession   *self);
const char *sr_session_get_login            (SrSession   *self);
const char *sr_session_get_display_name     (SrSession   *self);
const char *sr_session_get_actor_label      (SrSession   *self);
SrRoles     sr_session_get_roles            (SrSession   *self);
gboolean    sr_session_is_command_line      (SrSession   *self);
gboolean    sr_session_may                  (SrSession   *self,
                                             SrAction     action);
gboolean    sr_session_check                (SrSession   *self,
                                             SrAction     action,
                                             GError     **error);

G_END_DECLS
