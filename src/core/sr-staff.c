/* sr-staff.c — staff accounts and signing in. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>

#include "sr-audit.h"
#include "sr-error.h"
#include "sr-staff-private.h"

G_DEFINE_FINAL_TYPE (SrStaffMember, sr_staff_member, G_TYPE_OBJECT)

static void
sr_staff_member_finalize (GObject *object)
{
  SrStaffMember *self = SR_STAFF_MEMBER (object);

  g_free (self->login);
  g_free (self->display_name);
  g_free (self->phone);
  g_free (self->disabled_reason);
  g_free (self->team);
  G_OBJECT_CLASS (sr_staff_member_parent_class)->finalize (object);
}

static void
sr_staff_member_class_init (SrStaffMemberClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sr_staff_member_finalize;
}

static void
sr_staff_member_init (SrStaffMember *self)
{
}

/* Passwords ---------------------------------------------------------------------- */

static gboolean
ensure_sodium (GError **error)
{
  if (sodium_init () < 0)
    {
      g_set_error (error, SR_STORE_ERROR, SR_STORE_ERROR_FAILED,
                   _("The password library could not start."));
      return FALSE;
    }
  return TRUE;
}

char *
sr_password_hash (const char  *password,
                  GError     **error)
{
  char out[crypto_pwhash_STRBYTES];

  if (!ensure_sodium (error))
    return NULL;
  if (crypto_pwhash_str_alg (out, password, strlen (password),
                             crypto_pwhash_OPSLIMIT_INTERACTIVE,
                             crypto_pwhash_MEMLIMIT_INTERACTIVE,
                             crypto_pwhash_ALG_ARGON2ID13) != 0)
    {
      g_set_error (error, SR_STORE_ERROR, SR_STORE_ERROR_FAILED,
                   _("Not enough memory to protect the password."));
      return NULL;
    }
  return g_strdup (out);
}

gboolean
sr_password_verify (const char *hash,
                    const char *password)
{
  if (hash == NULL || password == NULL || sodium_init () < 0)
    return FALSE;
  return crypto_pwhash_str_verify (hash, password, strlen (password)) == 0;
}

static gboolean
password_needs_rehash (const char *hash)
{
  return crypto_pwhash_str_needs_rehash (hash, crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                         crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0;
}

gboolean
sr_password_check_rules (const char  *password,
                         const char  *login,
                         GError     **error)
{
  if (password == NULL || g_utf8_strlen (password, -1) < SR_MIN_PASSWORD_LENGTH)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                   _("A password needs at least %d characters."), SR_MIN_PASSWORD_LENGTH);
      return FALSE;
    }
  if (login != NULL)
    {
      g_autofree char *name = g_strstrip (g_strdup (login));
      if (*name != '\0' && g_ascii_strcasecmp (name, password) == 0)
        {
          g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                       _("The password may not be the sign-in name."));
          return FALSE;
        }
    }
  return TRUE;
}

/* Reading ------------------------------------------------------------------------- */

#define STAFF_COLUMNS "id, login, display_name, phone, roles, is_disabled, disabled_reason, team"

static SrStaffMember *
member_from_row (SrStmt *stmt)
{
  SrStaffMember *m = g_object_new (SR_TYPE_STAFF_MEMBER, NULL);

  m->id = sr_stmt_get_int (stmt, 0);
  m->login = sr_stmt_dup_text (stmt, 1);
  m->display_name = sr_stmt_dup_text (stmt, 2);
  m->phone = sr_stmt_dup_text (stmt, 3);
  m->roles = (SrRoles) sr_stmt_get_int (stmt, 4);
  m->is_disabled = sr_stmt_get_int (stmt, 5) != 0;
  m->disabled_reason = sr_stmt_dup_text (stmt, 6);
  m->team = sr_stmt_dup_text (stmt, 7);
  return m;
}

GPtrArray *
sr_staff_list (SrContext  *ctx,
               gboolean    include_disabled,
               GError    **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(SrStmt) stmt = NULL;
  SrStep step;

  stmt = sr_db_prepare (sr_context_get_db (ctx),
                        "SELECT " STAFF_COLUMNS " FROM staff "
                        "WHERE ?1 <> 0 OR is_disabled = 0 ORDER BY is_disabled, id", error);
  if (stmt == NULL)
    return NULL;
  sr_stmt_bind_int (stmt, 1, include_disabled);
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    g_ptr_array_add (rows, member_from_row (stmt));
  if (step == SR_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&rows);
}

SrStaffMember *
sr_staff_find (SrContext   *ctx,
               gint64       staff_id,
               const char  *login,
               GError     **error)
{
  g_autoptr(SrStmt) stmt = NULL;
  SrStep step;

  stmt = sr_db_prepare (sr_context_get_db (ctx),
                        "SELECT " STAFF_COLUMNS " FROM staff WHERE id = ?1 OR login = ?2",
                        error);
  if (stmt == NULL)
    return NULL;
  sr_stmt_bind_int (stmt, 1, staff_id);
  sr_stmt_bind_text (stmt, 2, login);
  step = sr_stmt_step (stmt, error);
  if (step == SR_STEP_ROW)
    return member_from_row (stmt);
  if (step == SR_STEP_DONE)
    g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_NOT_FOUND,
                 _("There is no staff member “%s”."),
                 login != NULL ? login : "?");
  return NULL;
}

static char *
member_json (SrStaffMember *m)
{
  g_autoptr(SrJson) json = sr_json_new ();

  sr_json_add_text (json, "login", m->login);
  sr_json_add_text (json, "display_name", m->display_name);
  sr_json_add_text (json, "phone", m->phone);
  sr_json_add_int (json, "roles", m->roles);
  sr_json_add_bool (json, "is_disabled", m->is_disabled);
  sr_json_add_text (json, "disabled_reason", m->disabled_reason);
  return sr_json_end (json);
}

static gboolean
count_active_admins (SrContext *ctx,
                     gint64     except_id,
                     gint64    *out,
                     GError   **error)
{
  g_autoptr(SrStmt) stmt = NULL;

  stmt = sr_db_prepare (sr_context_get_db (ctx),
                        "SELECT count(*) FROM staff WHERE is_disabled = 0 AND (roles & 64) <> 0 "
                        "AND id <> ?1", error);
  if (stmt == NULL)
    return FALSE;
  sr_stmt_bind_int (stmt, 1, except_id);
  if (sr_stmt_step (stmt, error) != SR_STEP_ROW)
    return FALSE;
  *out = sr_stmt_get_int (stmt, 0);
  return TRUE;
}

/* Changing --------------------------------------------------------------------------- */

static gboolean
validate_login (const char  *login,
                GError     **error)
{
  if (login == NULL || *login == '\0')
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                   _("Give a sign-in name."));
      return FALSE;
    }
  for (const char *p = login; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_isspace (c) || c == ',' || c == '"' || c == '\'')
        {
          g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                       _("A sign-in name may not contain spaces, commas or quotes."));
          return FALSE;
        }
    }
  if (g_utf8_strlen (login, -1) > 32)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                   _("A sign-in name has at most 32 characters."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
validate_display_name (const char  *name,
                       GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));

  if (*trimmed == '\0')
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("Give the person’s name."));
      return FALSE;
    }
  if (g_utf8_strlen (trimmed, -1) > 40)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                   _("A name has at most 40 characters."));
      return FALSE;
    }
  return TRUE;
}

/* Adds a staff member without the permission check: also used by the first-run
 * assistant and the demo. The caller holds the transaction. */

gint64
sr_staff_insert (SrContext   *ctx,
                 const char  *login,
                 const char  *display_name,
                 SrRoles      roles,
                 const char  *password_hash,
                 GError     **error)
{
  g_autoptr(SrStmt) stmt = NULL;
  g_autoptr(SrJson) json = NULL;
  g_autofree char *after = NULL;
  g_autofree char *name = g_strstrip (g_strdup (display_name));
  gint64 id;

  if (!validate_login (login, error) || !validate_display_name (display_name, error))
    return 0;
  stmt = sr_db_prepare (sr_context_get_db (ctx),
                        "INSERT INTO staff (login, display_name, password_hash, roles, created_at) "
                        "VALUES (?1, ?2, ?3, ?4, ?5) "
                        "ON CONFLICT (login) DO NOTHING RETURNING id", error);
  if (stmt == NULL)
    return 0;
  sr_stmt_bind_text (stmt, 1, login);
  sr_stmt_bind_text (stmt, 2, name);
  sr_stmt_bind_text (stmt, 3, password_hash);
  sr_stmt_bind_int (stmt, 4, roles);
  sr_stmt_bind_int (stmt, 5, sr_context_now (ctx));
  switch (sr_stmt_step (stmt, error))
    {
    case SR_STEP_ROW:
      id = sr_stmt_get_int (stmt, 0);
      break;
    case SR_STEP_DONE:
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT,
                   _("The sign-in name “%s” is taken; choose another."), login);
      return 0;
    default:
      return 0;
    }
  g_clear_pointer (&stmt, sr_stmt_done);

  json = sr_json_new ();
  sr_json_add_text (json, "login", login);
  sr_json_add_text (json, "display_name", name);
  sr_json_add_int (json, "roles", roles);
  after = sr_json_end (json);
  if (!sr_audit_write (ctx, "add", "staff", id, NULL, after, error))
    return 0;
  return id;
}

gint64
sr_staff_add (SrContext   *ctx,
              const char  *login,
              const char  *display_name,
              SrRoles      roles,
              const char  *password,
              GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  g_autofree char *hash = NULL;
  gint64 id;

  if (!sr_context_check (ctx, SR_ACTION_MANAGE_STAFF, error) ||
      !validate_login (login, error) ||
      !validate_display_name (display_name, error) ||
      !sr_password_check_rules (password, login, error))
    return 0;
  if (roles == 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                   _("Give the person at least one role."));
      return 0;
    }
  hash = sr_password_hash (password, error);
  if (hash == NULL)
    return 0;

  if (!sr_db_begin (db, error))
    return 0;
  id = sr_staff_insert (ctx, login, display_name, roles, hash, error);
  if (id == 0 || !sr_db_commit (db, error))
    {
      sr_db_rollback (db);
      return 0;
    }
  sr_context_emit_changed (ctx, "staff");
  return id;
}

/* Runs @sql (which sets fields of staff ?1) in a transaction with its audit row. */
static gboolean
update_member (SrContext     *ctx,
               gint64         staff_id,
               const char    *action,
               SrStaffMember *changed,
               GError       **error)
{
  SrDb *db = sr_context_get_db (ctx);
  g_autoptr(SrStaffMember) before = NULL;
  g_autoptr(SrStmt) stmt = NULL;
  g_autofree char *before_json = NULL;
  g_autofree char *after_json = NULL;

  if (!sr_db_begin (db, error))
    return FALSE;

  before = sr_staff_find (ctx, staff_id, NULL, error);
  if (before == NULL)
    goto fail;

  /* The office must keep one administrator who can sign in. */
  if ((before->roles & SR_ROLE_ADMIN) && !before->is_disabled &&
      (!(changed->roles & SR_ROLE_ADMIN) || changed->is_disabled))
    {
      gint64 others = 0;
      if (!count_active_admins (ctx, staff_id, &others, error))
        goto fail;
      if (others == 0)
        {
          g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT,
                       _("%s is the last administrator: make someone else administrator first."),
                       before->display_name);
          goto fail;
        }
    }

  stmt = sr_db_prepare (db,
                        "UPDATE staff SET display_name = ?2, phone = ?3, roles = ?4, "
                        "is_disabled = ?5, disabled_reason = ?6 WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sr_stmt_bind_int (stmt, 1, staff_id);
  sr_stmt_bind_text (stmt, 2, changed->display_name);
  sr_stmt_bind_text (stmt, 3, changed->phone);
  sr_stmt_bind_int (stmt, 4, changed->roles);
  sr_stmt_bind_int (stmt, 5, changed->is_disabled);
  sr_stmt_bind_text (stmt, 6, changed->disabled_reason);
  if (!sr_stmt_exec (stmt, error))
    goto fail;
  g_clear_pointer (&stmt, sr_stmt_done);

  changed->login = g_strdup (before->login);
  before_json = member_json (before);
  after_json = member_json (changed);
  if (!sr_audit_write (ctx, action, "staff", staff_id, before_json, after_json, error) ||
      !sr_db_commit (db, error))
    goto fail;
  sr_context_emit_changed (ctx, "staff");
  return TRUE;

fail:
  sr_db_rollback (db);
  return FALSE;
}

gboolean
sr_staff_update (SrContext   *ctx,
                 gint64       staff_id,
                 const char  *display_name,
                 const char  *phone,
                 SrRoles      roles,
                 GError     **error)
{
  g_autoptr(SrStaffMember) current = NULL;
  g_autoptr(SrStaffMember) changed = NULL;

  if (!sr_context_check (ctx, SR_ACTION_MANAGE_STAFF, error) ||
      !validate_display_name (display_name, error))
    return FALSE;
  if (roles == 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                   _("Give the person at least one role."));
      return FALSE;
    }
  current = sr_staff_find (ctx, staff_id, NULL, error);
  if (current == NULL)
    return FALSE;

  changed = g_object_new (SR_TYPE_STAFF_MEMBER, NULL);
  changed->display_name = g_strstrip (g_strdup (display_name));
  changed->phone = (phone != NULL && *phone != '\0') ? g_strdup (phone) : NULL;
  changed->roles = roles;
  changed->is_disabled = current->is_disabled;
  changed->disabled_reason = g_strdup (current->disabled_reason);
  return update_member (ctx, staff_id, "update", changed, error);
}

gboolean
sr_staff_set_team (SrContext   *ctx,
                   gint64       staff_id,
                   const char  *team,
                   GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  g_autofree char *clean = g_strstrip (g_strdup (team != NULL ? team : ""));
  g_autoptr(SrJson) json = sr_json_new ();
  g_autofree char *after = NULL;

  if (!sr_context_check (ctx, SR_ACTION_MANAGE_STAFF, error))
    return FALSE;
  if (g_utf8_strlen (clean, -1) > 20)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("A group’s name has at most 20 characters."));
      return FALSE;
    }
  if (!sr_db_begin (db, error))
    return FALSE;
  if (!sr_db_run (db, error, "UPDATE staff SET team = nullif (?2, '') WHERE id = ?1", "it", staff_id, clean))
    goto fail;
  if (sr_db_changes (db) == 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_NOT_FOUND, _("No such staff member."));
      goto fail;
    }
  sr_json_add_text (json, "team", clean);
  after = sr_json_end (json);
  if (!sr_audit_write (ctx, "set-team", "staff", staff_id, NULL, after, error) || !sr_db_commit (db, error))
    goto fail;
  sr_context_emit_changed (ctx, "staff");
  return TRUE;

fail:
  sr_db_rollback (db);
  return FALSE;
}

GStrv
sr_staff_teams (SrContext  *ctx,
                GError    **error)
{
  g_autoptr(SrStmt) stmt = sr_db_prepare (sr_context_get_db (ctx), "SELECT DISTINCT team FROM staff "
                                          "WHERE team IS NOT NULL AND is_disabled = 0 ORDER BY team", error);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  SrStep step;

  if (stmt == NULL)
    return NULL;
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    g_strv_builder_add (builder, sr_stmt_get_text (stmt, 0));
  if (step == SR_STEP_ERROR)
    return NULL;
  return g_strv_builder_end (builder);
}

gboolean
sr_staff_set_disabled (SrContext   *ctx,
                       gint64       staff_id,
                       gboolean     is_disabled,
                       const char  *reason,
                       GError     **error)
{
  g_autoptr(SrStaffMember) current = NULL;
  g_autoptr(SrStaffMember) changed = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (reason != NULL ? reason : ""));

  if (!sr_context_check (ctx, SR_ACTION_MANAGE_STAFF, error))
    return FALSE;
  if (is_disabled && *trimmed == '\0')
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                   _("Say why the account is disabled."));
      return FALSE;
    }
  if (is_disabled && sr_session_get_staff_id (sr_context_get_session (ctx)) == staff_id)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT,
                   _("You cannot disable your own account."));
      return FALSE;
    }
  current = sr_staff_find (ctx, staff_id, NULL, error);
  if (current == NULL)
    return FALSE;

  changed = g_object_new (SR_TYPE_STAFF_MEMBER, NULL);
  changed->display_name = g_strdup (current->display_name);
  changed->phone = g_strdup (current->phone);
  changed->roles = current->roles;
  changed->is_disabled = is_disabled;
  changed->disabled_reason = is_disabled ? g_strstrip (g_strdup (reason)) : NULL;
  return update_member (ctx, staff_id, is_disabled ? "disable" : "enable", changed, error);
}

static gboolean
store_password (SrContext   *ctx,
                gint64       staff_id,
                const char  *hash,
                const char  *action,
                GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  g_autoptr(SrStmt) stmt = NULL;

  if (!sr_db_begin (db, error))
    return FALSE;
  stmt = sr_db_prepare (db,
                        "UPDATE staff SET password_hash = ?2, failed_attempts = 0, "
                        "last_failed_at = NULL, must_change_password = ?3 WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sr_stmt_bind_int (stmt, 1, staff_id);
  sr_stmt_bind_text (stmt, 2, hash);
  /* A password someone else set is the owner's to change at the next sign-in. */
  sr_stmt_bind_int (stmt, 3, g_strcmp0 (action, "reset-password") == 0);
  if (!sr_stmt_exec (stmt, error))
    goto fail;
  if (sr_db_changes (db) != 1)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_NOT_FOUND, _("No such staff member."));
      goto fail;
    }
  g_clear_pointer (&stmt, sr_stmt_done);
  /* The audit row says the password changed, never what it is. */
  if (!sr_audit_write (ctx, action, "staff", staff_id, NULL, "{\"password\":\"changed\"}",
                       error) ||
      !sr_db_commit (db, error))
    goto fail;
  return TRUE;

fail:
  sr_db_rollback (db);
  return FALSE;
}

gboolean
sr_staff_reset_password (SrContext   *ctx,
                         gint64       staff_id,
                         const char  *new_password,
                         GError     **error)
{
  g_autofree char *hash = NULL;

  g_autoptr(SrStaffMember) member = NULL;

  if (!sr_context_check (ctx, SR_ACTION_MANAGE_STAFF, error))
    return FALSE;
  member = sr_staff_find (ctx, staff_id, NULL, error);
  if (member == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_NOT_FOUND, _("No such staff member."));
      return FALSE;
    }
  if (!sr_password_check_rules (new_password, member->login, error))
    return FALSE;
  hash = sr_password_hash (new_password, error);
  return hash != NULL && store_password (ctx, staff_id, hash, "reset-password", error);
}

static char *
read_hash (SrContext  *ctx,
           gint64      staff_id,
           GError    **error)
{
  g_autoptr(SrStmt) stmt = sr_db_prepare (sr_context_get_db (ctx),
                                          "SELECT password_hash FROM staff WHERE id = ?1",
                                          error);
  if (stmt == NULL)
    return NULL;
  sr_stmt_bind_int (stmt, 1, staff_id);
  if (sr_stmt_step (stmt, error) != SR_STEP_ROW)
    return NULL;
  return sr_stmt_dup_text (stmt, 0);
}

gboolean
sr_staff_change_own_password (SrContext   *ctx,
                              const char  *old_password,
                              const char  *new_password,
                              GError     **error)
{
  SrSession *session = sr_context_get_session (ctx);
  g_autofree char *hash = NULL;
  g_autofree char *new_hash = NULL;

  if (session == NULL || sr_session_get_staff_id (session) == 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED, _("Sign in first."));
      return FALSE;
    }
  hash = read_hash (ctx, sr_session_get_staff_id (session), error);
  if (hash == NULL)
    return FALSE;
  if (!sr_password_verify (hash, old_password))
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED,
                   _("The current password is wrong."));
      return FALSE;
    }
  if (!sr_password_check_rules (new_password, sr_session_get_login (session), error))
    return FALSE;
  if (g_strcmp0 (old_password, new_password) == 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                   _("Choose a new password, not the one you have now."));
      return FALSE;
    }
  new_hash = sr_password_hash (new_password, error);
  if (new_hash == NULL ||
      !store_password (ctx, sr_session_get_staff_id (session), new_hash, "change-password", error))
    return FALSE;
  sr_session_set_must_change_password (session, FALSE);
  return TRUE;
}

/* Signing in --------------------------------------------------------------------------- */

/* After five wrong passwords in a row: 30 s, then 60 s, 120 s, … up to 15 minutes. */
gint64
sr_sign_in_delay_seconds (gint64 failed_attempts)
{
  gint64 delay = 30;

  if (failed_attempts < SR_SIGN_IN_FREE_ATTEMPTS)
    return 0;
  for (gint64 i = SR_SIGN_IN_FREE_ATTEMPTS; i < failed_attempts && delay < 900; i++)
    delay *= 2;
  return MIN (delay, 900);
}

static void
record_attempt (SrContext  *ctx,
                gint64      staff_id,
                const char *login,
                gboolean    ok,
                gint64      failed_attempts,
                const char *new_hash)
{
  SrDb *db = sr_context_get_db (ctx);
  g_autoptr(GError) error = NULL;
  g_autoptr(SrStmt) stmt = NULL;
  g_autoptr(SrJson) json = sr_json_new ();
  g_autofree char *after = NULL;
  g_autofree char *label = g_strdup_printf ("sign-in screen (%s)", login);

  if (!sr_db_begin (db, &error))
    goto out;
  if (staff_id > 0)
    {
      stmt = sr_db_prepare (db,
                            "UPDATE staff SET failed_attempts = ?2, last_failed_at = "
                            "CASE WHEN ?2 = 0 THEN NULL ELSE ?3 END, "
                            "password_hash = coalesce (?4, password_hash) WHERE id = ?1", &error);
      if (stmt == NULL)
        goto out;
      sr_stmt_bind_int (stmt, 1, staff_id);
      sr_stmt_bind_int (stmt, 2, failed_attempts);
      sr_stmt_bind_int (stmt, 3, sr_context_now (ctx));
      sr_stmt_bind_text (stmt, 4, new_hash);
      if (!sr_stmt_exec (stmt, &error))
        goto out;
    }
  sr_json_add_text (json, "login", login);
  sr_json_add_int (json, "failed_attempts", failed_attempts);
  after = sr_json_end (json);
  if (!sr_audit_write_as (ctx, ok ? staff_id : 0, label, ok ? "sign-in" : "sign-in-failed",
                          "staff", staff_id, NULL, after, &error))
    goto out;
  sr_db_commit (db, &error);

out:
  if (error != NULL)
    {
      /* Signing in still works on a database that cannot be written (read-only
       * file): the attempt is then not counted, and the log says why. */
      g_warning ("Could not record the sign-in attempt: %s", error->message);
      sr_db_rollback (db);
    }
}

SrSession *
sr_staff_sign_in (SrContext   *ctx,
                  const char  *login,
                  const char  *password,
                  GError     **error)
{
  g_autoptr(SrStmt) stmt = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *display_name = NULL;
  gint64 id, failed, last_failed;
  SrRoles roles;
  gboolean is_disabled, must_change;
  SrSession *session;
  SrStep step;

  stmt = sr_db_prepare (sr_context_get_db (ctx),
                        "SELECT id, display_name, password_hash, roles, is_disabled, "
                        "failed_attempts, coalesce (last_failed_at, 0), must_change_password "
                        "FROM staff WHERE login = ?1",
                        error);
  if (stmt == NULL)
    return NULL;
  sr_stmt_bind_text (stmt, 1, login);
  step = sr_stmt_step (stmt, error);
  if (step == SR_STEP_ERROR)
    return NULL;
  if (step == SR_STEP_DONE)
    {
      g_clear_pointer (&stmt, sr_stmt_done);
      record_attempt (ctx, 0, login != NULL ? login : "", FALSE, 0, NULL);
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED,
                   _("Wrong name or password."));
      return NULL;
    }
  id = sr_stmt_get_int (stmt, 0);
  display_name = sr_stmt_dup_text (stmt, 1);
  hash = sr_stmt_dup_text (stmt, 2);
  roles = (SrRoles) sr_stmt_get_int (stmt, 3);
  is_disabled = sr_stmt_get_int (stmt, 4) != 0;
  failed = sr_stmt_get_int (stmt, 5);
  last_failed = sr_stmt_get_int (stmt, 6);
  must_change = sr_stmt_get_int (stmt, 7) != 0;
  g_clear_pointer (&stmt, sr_stmt_done);

  {
    gint64 wait_until = last_failed + sr_sign_in_delay_seconds (failed);
    gint64 now = sr_context_now (ctx);
    if (failed >= SR_SIGN_IN_FREE_ATTEMPTS && now < wait_until)
      {
        g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_LOCKED,
                     _("Too many wrong passwords. Try again in %d seconds."),
                     (int) (wait_until - now));
        return NULL;
      }
  }

  if (!sr_password_verify (hash, password))
    {
      record_attempt (ctx, id, login, FALSE, failed + 1, NULL);
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED,
                   _("Wrong name or password."));
      return NULL;
    }
  if (is_disabled)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED,
                   _("The account %s is disabled. Ask the administrator."), login);
      return NULL;
    }

  {
    g_autofree char *new_hash = password_needs_rehash (hash) ? sr_password_hash (password, NULL)
                                                               : NULL;
    record_attempt (ctx, id, login, TRUE, 0, new_hash);
  }
  session = sr_session_new_for_staff (id, login, display_name, roles);
  sr_session_set_must_change_password (session, must_change);
  return session;
}
