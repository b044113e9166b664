/* sr-ordered.c — see sr-ordered-private.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sr-audit.h"
#include "sr-error.h"
#include "sr-ordered-private.h"

static gboolean
is_known_table (const char *table)
{
  return g_strcmp0 (table, "stages") == 0 || g_strcmp0 (table, "media_sources") == 0;
}

gboolean
sr_ordered_validate_name (const char  *name,
                          GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));

  if (*trimmed == '\0')
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("Give a name."));
      return FALSE;
    }
  if (g_utf8_strlen (trimmed, -1) > 30)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                   _("A name has at most 30 characters."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
name_taken (SrDb        *db,
            const char  *table,
            const char  *name,
            gint64       except_id,
            gboolean    *out_taken,
            GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE name = ?1 AND id <> ?2",
                                          table);
  g_autoptr(SrStmt) stmt = sr_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sr_stmt_bind_text (stmt, 1, name);
  sr_stmt_bind_int (stmt, 2, except_id);
  if (sr_stmt_step (stmt, error) != SR_STEP_ROW)
    return FALSE;
  *out_taken = sr_stmt_get_int (stmt, 0) > 0;
  return TRUE;
}

/* The caller checked the permission and holds the transaction. */
gint64
sr_ordered_add (SrContext   *ctx,
                const char  *table,
                const char  *name,
                const char  *extra_column,
                const char  *extra_value,
                GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  g_autofree char *trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));
  g_autofree char *sql = NULL;
  g_autoptr(SrStmt) stmt = NULL;
  g_autoptr(SrJson) json = sr_json_new ();
  g_autofree char *after = NULL;
  gboolean taken = FALSE;
  gint64 id;

  g_return_val_if_fail (is_known_table (table), 0);

  if (!sr_ordered_validate_name (trimmed, error) ||
      !name_taken (db, table, trimmed, 0, &taken, error))
    return 0;
  if (taken)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT,
                   _("“%s” is already in the list."), trimmed);
      return 0;
    }
  if (extra_column != NULL)
    sql = g_strdup_printf ("INSERT INTO %s (name, position, %s) "
                           "VALUES (?1, (SELECT coalesce (max (position), 0) + 1 FROM %s), ?2) "
                           "RETURNING id", table, extra_column, table);
  else
    sql = g_strdup_printf ("INSERT INTO %s (name, position) "
                           "VALUES (?1, (SELECT coalesce (max (position), 0) + 1 FROM %s)) "
                           "RETURNING id", table, table);
  stmt = sr_db_prepare (db, sql, error);
  if (stmt == NULL)
    return 0;
  sr_stmt_bind_text (stmt, 1, trimmed);
  if (extra_column != NULL)
    sr_stmt_bind_text (stmt, 2, extra_value);
  if (sr_stmt_step (stmt, error) != SR_STEP_ROW)
    return 0;
  id = sr_stmt_get_int (stmt, 0);
  g_clear_pointer (&stmt, sr_stmt_done);

  sr_json_add_text (json, "name", trimmed);
  if (extra_column != NULL)
    sr_json_add_text (json, extra_column, extra_value);
  after = sr_json_end (json);
  if (!sr_audit_write (ctx, "add", table, id, NULL, after, error))
    return 0;
  return id;
}

static gboolean
read_row (SrDb        *db,
          const char  *table,
          gint64       id,
          char       **out_name,
          gint64      *out_position,
          gboolean    *out_disabled,
          GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT name, position, is_disabled FROM %s "
                                          "WHERE id = ?1", table);
  g_autoptr(SrStmt) stmt = sr_db_prepare (db, sql, error);
  SrStep step;

  if (stmt == NULL)
    return FALSE;
  sr_stmt_bind_int (stmt, 1, id);
  step = sr_stmt_step (stmt, error);
  if (step == SR_STEP_DONE)
    g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_NOT_FOUND, _("It is no longer in the list."));
  if (step != SR_STEP_ROW)
    return FALSE;
  *out_name = sr_stmt_dup_text (stmt, 0);
  *out_position = sr_stmt_get_int (stmt, 1);
  *out_disabled = sr_stmt_get_int (stmt, 2) != 0;
  return TRUE;
}

static char *
one_field_json (const char *key,
                const char *text,
                gint64      number,
                gboolean    is_text)
{
  g_autoptr(SrJson) json = sr_json_new ();

  if (is_text)
    sr_json_add_text (json, key, text);
  else
    sr_json_add_int (json, key, number);
  return sr_json_end (json);
}

gboolean
sr_ordered_rename (SrContext   *ctx,
                   SrAction     action,
                   const char  *table,
                   gint64       id,
                   const char  *name,
                   GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  g_autofree char *trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));
  g_autofree char *old_name = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(SrStmt) stmt = NULL;
  gint64 position;
  gboolean disabled, taken = FALSE;

  g_return_val_if_fail (is_known_table (table), FALSE);
  if (!sr_context_check (ctx, action, error) || !sr_ordered_validate_name (trimmed, error))
    return FALSE;
  if (!sr_db_begin (db, error))
    return FALSE;
  if (!read_row (db, table, id, &old_name, &position, &disabled, error) ||
      !name_taken (db, table, trimmed, id, &taken, error))
    goto fail;
  if (taken)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT,
                   _("“%s” is already in the list."), trimmed);
      goto fail;
    }
  sql = g_strdup_printf ("UPDATE %s SET name = ?2 WHERE id = ?1", table);
  stmt = sr_db_prepare (db, sql, error);
  if (stmt == NULL)
    goto fail;
  sr_stmt_bind_int (stmt, 1, id);
  sr_stmt_bind_text (stmt, 2, trimmed);
  if (!sr_stmt_exec (stmt, error))
    goto fail;
  g_clear_pointer (&stmt, sr_stmt_done);
  before = one_field_json ("name", old_name, 0, TRUE);
  after = one_field_json ("name", trimmed, 0, TRUE);
  if (!sr_audit_write (ctx, "rename", table, id, before, after, error) ||
      !sr_db_commit (db, error))
    goto fail;
  sr_context_emit_changed (ctx, table);
  return TRUE;

fail:
  sr_db_rollback (db);
  return FALSE;
}

gboolean
sr_ordered_move (SrContext   *ctx,
                 SrAction     action,
                 const char  *table,
                 gint64       id,
                 int          delta,
                 GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  g_autofree char *name = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(SrStmt) stmt = NULL;
  gint64 position, other_id = 0, other_position = 0;
  gboolean disabled;
  SrStep step;

  g_return_val_if_fail (is_known_table (table), FALSE);
  g_return_val_if_fail (delta == -1 || delta == 1, FALSE);
  if (!sr_context_check (ctx, action, error))
    return FALSE;
  if (!sr_db_begin (db, error))
    return FALSE;
  if (!read_row (db, table, id, &name, &position, &disabled, error))
    goto fail;

  /* The neighbour in the wanted direction swaps places with it. */
  sql = g_strdup_printf (delta < 0
                         ? "SELECT id, position FROM %s WHERE position < ?1 ORDER BY position DESC LIMIT 1"
                         : "SELECT id, position FROM %s WHERE position > ?1 ORDER BY position LIMIT 1",
                         table);
  stmt = sr_db_prepare (db, sql, error);
  if (stmt == NULL)
    goto fail;
  sr_stmt_bind_int (stmt, 1, position);
  step = sr_stmt_step (stmt, error);
  if (step == SR_STEP_ERROR)
    goto fail;
  if (step == SR_STEP_DONE)
    {
      /* Already first or last: nothing to do. */
      g_clear_pointer (&stmt, sr_stmt_done);
      sr_db_rollback (db);
      return TRUE;
    }
  other_id = sr_stmt_get_int (stmt, 0);
  other_position = sr_stmt_get_int (stmt, 1);
  g_clear_pointer (&stmt, sr_stmt_done);
  g_free (sql);

  sql = g_strdup_printf ("UPDATE %s SET position = CASE id WHEN ?1 THEN ?2 ELSE ?3 END "
                         "WHERE id IN (?1, ?4)", table);
  stmt = sr_db_prepare (db, sql, error);
  if (stmt == NULL)
    goto fail;
  sr_stmt_bind_int (stmt, 1, id);
  sr_stmt_bind_int (stmt, 2, other_position);
  sr_stmt_bind_int (stmt, 3, position);
  sr_stmt_bind_int (stmt, 4, other_id);
  if (!sr_stmt_exec (stmt, error))
    goto fail;
  g_clear_pointer (&stmt, sr_stmt_done);

  before = one_field_json ("position", NULL, position, FALSE);
  after = one_field_json ("position", NULL, other_position, FALSE);
  if (!sr_audit_write (ctx, "move", table, id, before, after, error) ||
      !sr_db_commit (db, error))
    goto fail;
  sr_context_emit_changed (ctx, table);
  return TRUE;

fail:
  sr_db_rollback (db);
  return FALSE;
}

gboolean
sr_ordered_set_disabled (SrContext   *ctx,
                         SrAction     action,
                         const char  *table,
                         gint64       id,
                         gboolean     is_disabled,
                         GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  g_autofree char *name = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(SrStmt) stmt = NULL;
  gint64 position;
  gboolean was_disabled;

  g_return_val_if_fail (is_known_table (table), FALSE);
  if (!sr_context_check (ctx, action, error))
    return FALSE;
  if (!sr_db_begin (db, error))
    return FALSE;
  if (!read_row (db, table, id, &name, &position, &was_disabled, error))
    goto fail;
  sql = g_strdup_printf ("UPDATE %s SET is_disabled = ?2 WHERE id = ?1", table);
  stmt = sr_db_prepare (db, sql, error);
  if (stmt == NULL)
    goto fail;
  sr_stmt_bind_int (stmt, 1, id);
  sr_stmt_bind_int (stmt, 2, is_disabled);
  if (!sr_stmt_exec (stmt, error))
    goto fail;
  g_clear_pointer (&stmt, sr_stmt_done);
  before = one_field_json ("is_disabled", NULL, was_disabled, FALSE);
  after = one_field_json ("is_disabled", NULL, is_disabled, FALSE);
  if (!sr_audit_write (ctx, is_disabled ? "disable" : "enable", table, id, before, after,
                       error) ||
      !sr_db_commit (db, error))
    goto fail;
  sr_context_emit_changed (ctx, table);
  return TRUE;

fail:
  sr_db_rollback (db);
  return FALSE;
}
