/* sr-staff.h — staff accounts, passwords (Argon2id) and signing in. */
#pragma once

#include "sr-context.h"

G_BEGIN_DECLS

#define SR_MIN_PASSWORD_LENGTH 6
#define SR_SIGN_IN_FREE_ATTEMPTS 5

#define SR_TYPE_STAFF_MEMBER (sr_staff_member_get_type ())
G_DECLARE_FINAL_TYPE (SrStaffMember, sr_staff_member, SR, STAFF_MEMBER, GObject)

/* A staff account as read from the store. Fields are read-only for callers. */
struct _SrStaffMember
{
  GObject parent_instance;

  gint64 id;
  char *login;
  char *display_name;
  char *phone;
  SrRoles roles;
  gboolean is_disabled;
  char *disabled_reason;
  char *team;                /* the group (销售组 / 设计组) they work in; NULL: none */
};

/* Passwords. */
char          *sr_password_hash            (const char   *password,
                                            GError      **error);
gboolean       sr_password_verify          (const char   *hash,
                                            const char   *password);
/* At least SR_MIN_PASSWORD_LENGTH characters, and not the sign-in name (@login, may be
 * NULL) in any case. */
gboolean       sr_password_check_rules     (const char   *password,
                                            const char   *login,
                                            GError      **error);

/* Accounts. Each call checks SR_ACTION_MANAGE_STAFF and writes the audit log. */
gint64         sr_staff_add                (SrContext    *ctx,
                                            const char   *login,
                                            const char   *display_name,
                                            SrRoles       roles,
                                            const char   *password,
                                            GError      **error);
gboolean       sr_staff_update             (SrContext    *ctx,
                                            gint64        staff_id,
                                            const char   *display_name,
                                            const char   *phone,
                                            SrRoles       roles,
                                            GError      **error);
/* The group a person works in (NULL or "": none), at most 20 characters. */
gboolean       sr_staff_set_team           (SrContext    *ctx,
                                            gint64        staff_id,
                                            const char   *team,
                                            GError      **error);
/* The groups in use by active staff, in order. */
GStrv          sr_staff_teams              (SrContext    *ctx,
                                            GError      **error);
gboolean       sr_staff_set_disabled       (SrContext    *ctx,
                                            gint64        staff_id,
                                            gboolean      is_disabled,
                                            const char   *reason,
                                            GError      **error);
/* An administrator sets a new password; its owner must change it at the next sign-in
 * (sr_session_get_must_change_password). */
gboolean       sr_staff_reset_password     (SrContext    *ctx,
                                            gint64        staff_id,
                                            const char   *new_password,
                                            GError      **error);
gboolean       sr_staff_change_own_password (SrContext   *ctx,
                                            const char   *old_password,
                                            const char   *new_password,
                                            GError      **error);

GPtrArray     *sr_staff_list               (SrContext    *ctx,
                                            gboolean      include_disabled,
                                            GError      **error);
SrStaffMember *sr_staff_find               (SrContext    *ctx,
                                            gint64        staff_id,
                                            const char   *login,
                                            GError      **error);

/* Signing in: checks the password, counts wrong ones (after five in a row each further
 * attempt waits longer), records the outcome in the audit log. */
SrSession     *sr_staff_sign_in            (SrContext    *ctx,
                                            const char   *login,
                                            const char   *password,
                                            GError      **error);
gint64         sr_sign_in_delay_seconds    (gint64        failed_attempts);

G_END_DECLS
