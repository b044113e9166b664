/* sr-office.c — the office, its settings and the first-run set-up. */
#include "config.h"

#include <glib/gstdio.h>

#include <glib/gi18n-lib.h>

#include "sr-audit.h"
#include "sr-error.h"
#include "sr-media.h"
#include "sr-office.h"
#include "sr-stages.h"
#include "sr-staff-private.h"


static const struct {
  const char *code;
  const char *label;
} office_kinds[] = {
  [SR_OFFICE_PROPERTY] = { "property", N_("Property sales office") },
  [SR_OFFICE_DECORATION] = { "decoration", N_("Home-decoration company") },
  [SR_OFFICE_HOUSEKEEPING] = { "housekeeping", N_("Housekeeping agency") },
};

const char *
sr_office_kind_get_code (SrOfficeKind kind)
{
  g_return_val_if_fail (kind <= SR_OFFICE_HOUSEKEEPING, NULL);
  return office_kinds[kind].code;
}

const char *
sr_office_kind_get_label (SrOfficeKind kind)
{
  g_return_val_if_fail (kind <= SR_OFFICE_HOUSEKEEPING, NULL);
  return _(office_kinds[kind].label);
}

gboolean
sr_office_kind_from_code (const char   *code,
                          SrOfficeKind *out_kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (office_kinds); i++)
    if (g_strcmp0 (office_kinds[i].code, code) == 0)
      {
        *out_kind = (SrOfficeKind) i;
        return TRUE;
      }
  return FALSE;
}

gboolean
sr_office_kind_has_units (SrOfficeKind kind)
{
  return kind == SR_OFFICE_PROPERTY;
}

gboolean
sr_office_exists (SrContext  *ctx,
                  gboolean   *out_exists,
                  GError    **error)
{
  gint64 n = 0;

  if (!sr_db_query_int (sr_context_get_db (ctx), "SELECT count(*) FROM office", &n, error))
    return FALSE;
  *out_exists = n > 0;
  return TRUE;
}

gboolean
sr_office_get (SrContext     *ctx,
               char         **out_name,
               SrOfficeKind  *out_kind,
               GError       **error)
{
  g_autoptr(SrStmt) stmt = sr_db_prepare (sr_context_get_db (ctx),
                                          "SELECT name, kind FROM office WHERE id = 1", error);
  SrStep step;

  if (stmt == NULL)
    return FALSE;
  step = sr_stmt_step (stmt, error);
  if (step == SR_STEP_DONE)
    g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_NOT_FOUND,
                 _("The office has not been set up yet."));
  if (step != SR_STEP_ROW)
    return FALSE;
  if (out_name != NULL)
    *out_name = sr_stmt_dup_text (stmt, 0);
  if (out_kind != NULL && !sr_office_kind_from_code (sr_stmt_get_text (stmt, 1), out_kind))
    *out_kind = SR_OFFICE_PROPERTY;
  return TRUE;
}

static gboolean
validate_office_name (const char  *name,
                      GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));

  if (*trimmed == '\0')
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("Give the office’s name."));
      return FALSE;
    }
  if (g_utf8_strlen (trimmed, -1) > 60)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                   _("The office’s name has at most 60 characters."));
      return FALSE;
    }
  return TRUE;
}

gint64
sr_office_create_with_hash (SrContext    *ctx,
                            const char   *office_name,
                            SrOfficeKind  kind,
                            const char   *admin_login,
                            const char   *admin_name,
                            const char   *admin_password_hash,
                            GError      **error)
{
  SrDb *db = sr_context_get_db (ctx);
  g_autoptr(SrSession) setup = sr_session_new_setup ();
  g_autoptr(SrSession) previous = NULL;
  g_autoptr(SrStmt) stmt = NULL;
  g_autoptr(SrJson) json = sr_json_new ();
  g_autofree char *after = NULL;
  g_autofree char *name = g_strstrip (g_strdup (office_name != NULL ? office_name : ""));
  gboolean exists = FALSE;
  gint64 admin_id = 0;

  if (!validate_office_name (name, error))
    return 0;
  if (admin_login == NULL || *admin_login == '\0' || admin_name == NULL || *admin_name == '\0')
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                   _("Give the administrator’s sign-in name and name."));
      return 0;
    }

  /* The set-up acts as the first-run assistant in the audit log. */
  if (sr_context_get_session (ctx) != NULL)
    previous = g_object_ref (sr_context_get_session (ctx));
  sr_context_set_session (ctx, setup);

  if (!sr_db_begin (db, error))
    goto out;
  if (!sr_office_exists (ctx, &exists, error))
    goto fail;
  if (exists)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT,
                   _("This database already holds an office."));
      goto fail;
    }
  stmt = sr_db_prepare (db, "INSERT INTO office (id, name, kind, created_at) VALUES (1, ?1, ?2, ?3)",
                        error);
  if (stmt == NULL)
    goto fail;
  sr_stmt_bind_text (stmt, 1, name);
  sr_stmt_bind_text (stmt, 2, sr_office_kind_get_code (kind));
  sr_stmt_bind_int (stmt, 3, sr_context_now (ctx));
  if (!sr_stmt_exec (stmt, error))
    goto fail;
  g_clear_pointer (&stmt, sr_stmt_done);

  sr_json_add_text (json, "name", name);
  sr_json_add_text (json, "kind", sr_office_kind_get_code (kind));
  after = sr_json_end (json);
  if (!sr_audit_write (ctx, "create", "office", 1, NULL, after, error) ||
      !sr_stages_insert_preset (ctx, kind, error) ||
      !sr_media_insert_defaults (ctx, error))
    goto fail;

  admin_id = sr_staff_insert (ctx, admin_login, admin_name, SR_ROLE_ADMIN,
                              admin_password_hash, error);
  if (admin_id == 0 || !sr_db_commit (db, error))
    {
      admin_id = 0;
      goto fail;
    }
  goto out;

fail:
  sr_db_rollback (db);
out:
  sr_context_set_session (ctx, previous);
  if (admin_id != 0)
    sr_context_emit_changed (ctx, "office");
  return admin_id;
}

gint64
sr_office_create (SrContext    *ctx,
                  const char   *office_name,
                  SrOfficeKind  kind,
                  const char   *admin_login,
                  const char   *admin_name,
                  const char   *admin_password,
                  GError      **error)
{
  g_autofree char *hash = NULL;

  if (!validate_office_name (office_name, error) ||
      !sr_password_check_rules (admin_password, admin_login, error))
    return 0;
  hash = sr_password_hash (admin_password, error);
  if (hash == NULL)
    return 0;
  return sr_office_create_with_hash (ctx, office_name, kind, admin_login, admin_name, hash,
                                     error);
}

gboolean
sr_office_rename (SrContext   *ctx,
                  const char  *name,
                  GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  g_autofree char *trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));
  g_autofree char *old_name = NULL;
  g_autoptr(SrStmt) stmt = NULL;
  g_autoptr(SrJson) before = sr_json_new ();
  g_autoptr(SrJson) after = sr_json_new ();
  g_autofree char *before_json = NULL;
  g_autofree char *after_json = NULL;

  if (!sr_context_check (ctx, SR_ACTION_EDIT_OFFICE, error) ||
      !validate_office_name (trimmed, error))
    return FALSE;
  if (!sr_db_begin (db, error))
    return FALSE;
  if (!sr_office_get (ctx, &old_name, NULL, error))
    goto fail;
  stmt = sr_db_prepare (db, "UPDATE office SET name = ?1 WHERE id = 1", error);
  if (stmt == NULL)
    goto fail;
  sr_stmt_bind_text (stmt, 1, trimmed);
  if (!sr_stmt_exec (stmt, error))
    goto fail;
  g_clear_pointer (&stmt, sr_stmt_done);
  sr_json_add_text (before, "name", old_name);
  sr_json_add_text (after, "name", trimmed);
  before_json = sr_json_end (before);
  after_json = sr_json_end (after);
  if (!sr_audit_write (ctx, "rename", "office", 1, before_json, after_json, error) ||
      !sr_db_commit (db, error))
    goto fail;
  sr_context_emit_changed (ctx, "office");
  return TRUE;

fail:
  sr_db_rollback (db);
  return FALSE;
}

char *
sr_settings_get (SrContext  *ctx,
                 const char *key,
                 const char *fallback)
{
  g_autoptr(SrStmt) stmt = sr_db_prepare (sr_context_get_db (ctx),
                                          "SELECT value FROM settings WHERE key = ?1", NULL);

  if (stmt == NULL)
    return g_strdup (fallback);
  sr_stmt_bind_text (stmt, 1, key);
  if (sr_stmt_step (stmt, NULL) == SR_STEP_ROW)
    return sr_stmt_dup_text (stmt, 0);
  return g_strdup (fallback);
}

gint64
sr_settings_get_int (SrContext  *ctx,
                     const char *key,
                     gint64      fallback)
{
  g_autofree char *text = sr_settings_get (ctx, key, NULL);
  gint64 value;

  if (text == NULL || !g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &value, NULL))
    return fallback;
  return value;
}

gboolean
sr_settings_set (SrContext   *ctx,
                 const char  *key,
                 const char  *value,
                 GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  g_autofree char *old = NULL;
  g_autoptr(SrStmt) stmt = NULL;
  g_autoptr(SrJson) before = sr_json_new ();
  g_autoptr(SrJson) after = sr_json_new ();
  g_autofree char *before_json = NULL;
  g_autofree char *after_json = NULL;

  if (!sr_context_check (ctx, SR_ACTION_EDIT_OFFICE, error))
    return FALSE;
  if (!sr_db_begin (db, error))
    return FALSE;
  old = sr_settings_get (ctx, key, NULL);
  stmt = sr_db_prepare (db, "INSERT INTO settings (key, value) VALUES (?1, ?2) "
                        "ON CONFLICT (key) DO UPDATE SET value = excluded.value", error);
  if (stmt == NULL)
    goto fail;
  sr_stmt_bind_text (stmt, 1, key);
  sr_stmt_bind_text (stmt, 2, value);
  if (!sr_stmt_exec (stmt, error))
    goto fail;
  g_clear_pointer (&stmt, sr_stmt_done);
  sr_json_add_text (before, key, old);
  sr_json_add_text (after, key, value);
  before_json = sr_json_end (before);
  after_json = sr_json_end (after);
  if (!sr_audit_write (ctx, "set", "settings", 0, before_json, after_json, error) ||
      !sr_db_commit (db, error))
    goto fail;
  sr_context_emit_changed (ctx, "settings");
  return TRUE;

fail:
  sr_db_rollback (db);
  return FALSE;
}

/* Copies the database to @dest_path and logs who took the copy: Salesroom itself
 * (@actor_label), or the signed-in person (NULL). */
static gboolean
backup_and_log (SrContext   *ctx,
                const char  *dest_path,
                const char  *actor_label,
                GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  g_autoptr(SrJson) json = sr_json_new ();
  g_autofree char *after = NULL;

  if (!sr_db_backup_to (db, dest_path, error))
    return FALSE;
  /* The log says who took a copy, and where to. */
  sr_json_add_text (json, "file", dest_path);
  after = sr_json_end (json);
  if (!sr_db_begin (db, error))
    {
      g_unlink (dest_path);
      return FALSE;
    }
  if (!(actor_label != NULL ? sr_audit_write_as (ctx, 0, actor_label, "backup", "office", 1, NULL, after, error)
                             : sr_audit_write (ctx, "backup", "office", 1, NULL, after, error)) ||
      !sr_db_commit (db, error))
    {
      /* Without its line in the log the copy is not kept: no backup nobody can account for. */
      sr_db_rollback (db);
      g_unlink (dest_path);
      return FALSE;
    }
  return TRUE;
}

gboolean
sr_office_backup (SrContext   *ctx,
                  const char  *dest_path,
                  GError     **error)
{
  return sr_context_check (ctx, SR_ACTION_BACKUP, error) && backup_and_log (ctx, dest_path, NULL, error);
}

gboolean
sr_office_backup_automatic (SrContext   *ctx,
                            const char  *dest_path,
                            GError     **error)
{
  return backup_and_log (ctx, dest_path, "Salesroom (automatic backup)", error);
}
