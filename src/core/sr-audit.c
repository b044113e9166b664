#include "config.h"

#include "sr-audit.h"
#include "sr-error.h"

struct _SrJson
{
  GString *s;
};

SrJson *
sr_json_new (void)
{
  SrJson *json = g_new0 (SrJson, 1);
  json->s = g_string_new ("{");
  return json;
}

static void
append_string (GString    *s,
               const char *value)
{
  g_string_append_c (s, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;
      switch (c)
        {
        case '"': g_string_append (s, "\\\""); break;
        case '\\': g_string_append (s, "\\\\"); break;
        case '\n': g_string_append (s, "\\n"); break;
        case '\r': g_string_append (s, "\\r"); break;
        case '\t': g_string_append (s, "\\t"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (s, "\\u%04x", c);
          else
            g_string_append_c (s, (char) c);
        }
    }
  g_string_append_c (s, '"');
}

static void
append_key (SrJson     *json,
            const char *key)
{
  if (json->s->len > 1)
    g_string_append_c (json->s, ',');
  append_string (json->s, key);
  g_string_append_c (json->s, ':');
}

void
sr_json_add_text (SrJson     *json,
                  const char *key,
                  const char *value)
{
  append_key (json, key);
  if (value == NULL)
    g_string_append (json->s, "null");
  else
    append_string (json->s, value);
}

void
sr_json_add_int (SrJson     *json,
                 const char *key,
                 gint64      value)
{
  append_key (json, key);
  g_string_append_printf (json->s, "%" G_GINT64_FORMAT, value);
}

void
sr_json_add_bool (SrJson     *json,
                  const char *key,
                  gboolean    value)
{
  append_key (json, key);
  g_string_append (json->s, value ? "true" : "false");
}

char *
sr_json_end (SrJson *json)
{
  g_string_append_c (json->s, '}');
  return g_strdup (json->s->str);
}

void
sr_json_free (SrJson *json)
{
  if (json == NULL)
    return;
  g_string_free (json->s, TRUE);
  g_free (json);
}

gboolean
sr_audit_write_as (SrContext   *ctx,
                   gint64       actor_id,
                   const char  *actor_label,
                   const char  *action,
                   const char  *table,
                   gint64       row_id,
                   const char  *before_json,
                   const char  *after_json,
                   GError     **error)
{
  g_autoptr(SrStmt) stmt = NULL;

  stmt = sr_db_prepare (sr_context_get_db (ctx),
                        "INSERT INTO audit_log (at, actor_id, actor_label, action, table_name, "
                        "row_id, before_json, after_json) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                        error);
  if (stmt == NULL)
    return FALSE;
  sr_stmt_bind_int (stmt, 1, sr_context_now (ctx));
  if (actor_id > 0)
    sr_stmt_bind_int (stmt, 2, actor_id);
  else
    sr_stmt_bind_null (stmt, 2);
  sr_stmt_bind_text (stmt, 3, actor_label);
  sr_stmt_bind_text (stmt, 4, action);
  sr_stmt_bind_text (stmt, 5, table);
  if (row_id > 0)
    sr_stmt_bind_int (stmt, 6, row_id);
  else
    sr_stmt_bind_null (stmt, 6);
  sr_stmt_bind_text (stmt, 7, before_json);
  sr_stmt_bind_text (stmt, 8, after_json);
  return sr_stmt_exec (stmt, error);
}

gboolean
sr_audit_write (SrContext   *ctx,
                const char  *action,
                const char  *table,
                gint64       row_id,
                const char  *before_json,
                const char  *after_json,
                GError     **error)
{
  SrSession *session = sr_context_get_session (ctx);

  if (session == NULL)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED, "no session for the audit log");
      return FALSE;
    }
  return sr_audit_write_as (ctx, sr_session_get_staff_id (session),
                            sr_session_get_actor_label (session),
                            action, table, row_id, before_json, after_json, error);
}

void
sr_audit_entry_free (SrAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->actor);
  g_free (entry->action);
  g_free (entry->table_name);
  g_free (entry->before_json);
  g_free (entry->after_json);
  g_free (entry);
}

GPtrArray *
sr_audit_list (SrContext   *ctx,
               const char  *table,
               guint        limit,
               GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) sr_audit_entry_free);
  g_autoptr(SrStmt) stmt = NULL;
  SrStep step;

  if (!sr_context_check (ctx, SR_ACTION_VIEW_AUDIT, error))
    return NULL;

  stmt = sr_db_prepare (sr_context_get_db (ctx),
                        "SELECT id, at, actor_label, action, table_name, row_id, before_json, "
                        "after_json FROM audit_log WHERE (?1 IS NULL OR table_name = ?1) "
                        "ORDER BY id DESC LIMIT ?2", error);
  if (stmt == NULL)
    return NULL;
  sr_stmt_bind_text (stmt, 1, table);
  sr_stmt_bind_int (stmt, 2, limit > 0 ? limit : G_MAXINT32);
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      SrAuditEntry *e = g_new0 (SrAuditEntry, 1);
      e->id = sr_stmt_get_int (stmt, 0);
      e->at = sr_stmt_get_int (stmt, 1);
      e->actor = sr_stmt_dup_text (stmt, 2);
      e->action = sr_stmt_dup_text (stmt, 3);
      e->table_name = sr_stmt_dup_text (stmt, 4);
      e->row_id = sr_stmt_get_int (stmt, 5);
      e->before_json = sr_stmt_dup_text (stmt, 6);
      e->after_json = sr_stmt_dup_text (stmt, 7);
      g_ptr_array_add (rows, e);
    }
  if (step == SR_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&rows);
}
