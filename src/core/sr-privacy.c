/* sr-privacy.c — see sr-privacy.h. */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "sr-audit.h"
#include "sr-customers.h"
#include "sr-db.h"
#include "sr-error.h"
#include "sr-office.h"
#include "sr-privacy.h"

/* Tables of the office's set-up, not about customers: never searched for a person. */
static const char *const setup_tables[] = {
  "staff", "office", "settings", "media_sources", "stages", "lost_reasons", "designer_levels",
  "designer_level_history", "designer_leave", "projects", "buildings", "units", "unit_prices", "targets",
  "housekeepers", "rotation_orders", "rotation_suspensions", "phone_duty", "call_counts", "erasures",
};

/* The customer's own fields that go: personal details and notes. */
static const char *const personal_columns[] = {
  "gender", "id_card", "age_band", "house_address", "characteristics", "questions", "occupation",
  "income_band", "education", "residence_area", "notes", "budget_fen", "floor_preference",
};

void
sr_data_source_clear (SrDataSource *source)
{
  g_clear_pointer (&source->channel, g_free);
  g_clear_pointer (&source->registered_by, g_free);
  g_clear_pointer (&source->media_source, g_free);
}

gboolean
sr_privacy_source (SrContext    *ctx,
                   gint64        customer_id,
                   SrDataSource *out,
                   GError      **error)
{
  g_autoptr(SrStmt) stmt = NULL;

  memset (out, 0, sizeof *out);
  stmt = sr_db_prepare (sr_context_get_db (ctx),
                        "SELECT c.channel, c.created_at, s.display_name, m.name, "
                        " (SELECT max (e.at) FROM erasures e WHERE e.customer_id = c.id AND e.done = 1) "
                        "FROM customers c LEFT JOIN staff s ON s.id = c.created_by "
                        "LEFT JOIN media_sources m ON m.id = c.media_source_id WHERE c.id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sr_stmt_bind_int (stmt, 1, customer_id);
  switch (sr_stmt_step (stmt, error))
    {
    case SR_STEP_ROW:
      break;
    case SR_STEP_DONE:
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_NOT_FOUND, _("No such customer."));
      return FALSE;
    default:
      return FALSE;
    }
  out->channel = g_strdup (sr_channel_get_label (sr_stmt_get_text (stmt, 0)));
  out->registered_at = sr_stmt_get_int (stmt, 1);
  out->registered_by = sr_stmt_is_null (stmt, 2) ? g_strdup ("—") : sr_stmt_dup_text (stmt, 2);
  out->media_source = sr_stmt_dup_text (stmt, 3);
  out->erased_at = sr_stmt_get_int (stmt, 4);
  return TRUE;
}

static gboolean
is_setup_table (const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (setup_tables); i++)
    if (strcmp (table, setup_tables[i]) == 0)
      return TRUE;
  return g_str_has_prefix (table, "sqlite_") || strcmp (table, "salesroom_schema") == 0;
}

/* The application's tables, in name order. */
static GPtrArray *
list_tables (SrDb    *db,
             GError **error)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(SrStmt) stmt = sr_db_prepare (db, sr_db_is_server (db)
                                          ? "SELECT table_name FROM information_schema.tables "
                                            "WHERE table_schema = current_schema () "
                                            "AND table_type = 'BASE TABLE' ORDER BY table_name"
                                          : "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
                                          error);
  SrStep step;

  if (stmt == NULL)
    return NULL;
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    g_ptr_array_add (tables, sr_stmt_dup_text (stmt, 0));
  return step == SR_STEP_ERROR ? NULL : g_steal_pointer (&tables);
}

/* The columns of @table, with their declared types. */
static gboolean
list_columns (SrDb       *db,
              const char *table,
              GPtrArray  *names,
              GPtrArray  *types,
              GError    **error)
{
  /* The declared types as SQLite names them (TEXT, INTEGER, BLOB). */
  g_autoptr(SrStmt) stmt = sr_db_prepare (db, sr_db_is_server (db)
                                          ? "SELECT column_name, CASE data_type WHEN 'bytea' THEN 'BLOB' "
                                            "WHEN 'text' THEN 'TEXT' ELSE 'INTEGER' END "
                                            "FROM information_schema.columns WHERE table_schema = current_schema () "
                                            "AND table_name = ?1 ORDER BY ordinal_position"
                                          : "SELECT name, type FROM pragma_table_info (?1) ORDER BY cid",
                                          error);
  SrStep step;

  if (stmt == NULL)
    return FALSE;
  sr_stmt_bind_text (stmt, 1, table);
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      g_ptr_array_add (names, sr_stmt_dup_text (stmt, 0));
      g_ptr_array_add (types, sr_stmt_dup_text (stmt, 1));
    }
  return step != SR_STEP_ERROR;
}

static gboolean
has_column (GPtrArray  *names,
            const char *name)
{
  for (guint i = 0; i < names->len; i++)
    if (strcmp (names->pdata[i], name) == 0)
      return TRUE;
  return FALSE;
}

/* Export ------------------------------------------------------------------------------- */

/* Which rows of a table are about the customer (?1), by the columns it has; NULL: none. */
static const char *
rows_about (const char *table,
            GPtrArray  *names)
{
  if (strcmp (table, "customers") == 0)
    return "id = ?1";
  if (strcmp (table, "audit_log") == 0)
    return "table_name = 'customers' AND row_id = ?1";
  if (has_column (names, "customer_id"))
    return "customer_id = ?1";
  if (has_column (names, "deal_id"))
    return "deal_id IN (SELECT id FROM deals WHERE customer_id = ?1)";
  if (has_column (names, "problem_id"))
    return "problem_id IN (SELECT id FROM problems WHERE customer_id = ?1)";
  if (has_column (names, "contact_id"))
    return "contact_id IN (SELECT id FROM contacts WHERE customer_id = ?1)";
  if (has_column (names, "plan_item_id"))
    return "plan_item_id IN (SELECT i.id FROM plan_items i JOIN deals d ON d.id = i.deal_id WHERE d.customer_id = ?1)";
  if (has_column (names, "receipt_id"))
    return "receipt_id IN (SELECT r.id FROM receipts r JOIN deals d ON d.id = r.deal_id WHERE d.customer_id = ?1)";
  return NULL;
}

gint64
sr_privacy_export (SrContext   *ctx,
                   gint64       customer_id,
                   const char  *path,
                   GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  g_autoptr(GPtrArray) tables = NULL;
  g_autoptr(GString) out = g_string_new ("{\n");
  gint64 total = 0, exists = 0;
  gboolean first_table = TRUE;

  if (!sr_context_check (ctx, SR_ACTION_HANDLE_PERSONAL_DATA, error))
    return -1;
  if (!sr_db_get_int (db, &exists, error, "SELECT count(*) FROM customers WHERE id = ?1", "i", customer_id))
    return -1;
  if (exists == 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_NOT_FOUND, _("No such customer."));
      return -1;
    }
  tables = list_tables (db, error);
  if (tables == NULL)
    return -1;
  for (guint t = 0; t < tables->len; t++)
    {
      const char *table = tables->pdata[t];
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) types = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GString) object = g_string_new ("json_object (");
      g_autofree char *sql = NULL;
      g_autoptr(SrStmt) stmt = NULL;
      const char *where;
      gboolean first_row = TRUE;
      SrStep step;

      if (is_setup_table (table) || strcmp (table, "customer_search") == 0)
        continue;
      if (!list_columns (db, table, names, types, error))
        return -1;
      where = rows_about (table, names);
      if (where == NULL)
        continue;
      /* Each row as a JSON object; a file's bytes as their size, not the bytes. */
      for (guint c = 0; c < names->len; c++)
        {
          const char *name = names->pdata[c];
          gboolean blob = g_ascii_strcasecmp (types->pdata[c], "BLOB") == 0;
          g_string_append_printf (object, "%s'%s', %s\"%s\"%s", c > 0 ? ", " : "", name,
                                  blob ? "length (" : "", name, blob ? ")" : "");
        }
      g_string_append_c (object, ')');
      /* In the order they were written: SQLite's rowid; the first column (the id) on a server. */
      sql = g_strdup_printf ("SELECT %s FROM \"%s\" WHERE %s ORDER BY %s%s%s", object->str, table, where,
                             sr_db_is_server (db) ? "\"" : "", sr_db_is_server (db) ? (const char *) names->pdata[0] : "rowid",
                             sr_db_is_server (db) ? "\"" : "");
      stmt = sr_db_prepare (db, sql, error);
      if (stmt == NULL)
        return -1;
      sr_stmt_bind_int (stmt, 1, customer_id);
      while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
        {
          if (first_row)
            g_string_append_printf (out, "%s  \"%s\": [\n", first_table ? "" : ",\n", table);
          g_string_append_printf (out, "%s    %s", first_row ? "" : ",\n", sr_stmt_get_text (stmt, 0));
          first_row = first_table = FALSE;
          total++;
        }
      if (step == SR_STEP_ERROR)
        return -1;
      if (!first_row)
        g_string_append (out, "\n  ]");
    }
  g_string_append (out, "\n}\n");

  if (!sr_file_write_private (path, out->str, out->len, error))
    return -1;
  {
    g_autoptr(SrJson) json = sr_json_new ();
    g_autofree char *after = NULL;
    sr_json_add_text (json, "file", path);
    sr_json_add_int (json, "rows", total);
    after = sr_json_end (json);
    if (!sr_db_begin (db, error))
      return -1;
    if (!sr_audit_write (ctx, "export-personal-data", "customers", customer_id, NULL, after, error) ||
        !sr_db_commit (db, error))
      {
        sr_db_rollback (db);
        return -1;
      }
  }
  return total;
}

/* Erasure ------------------------------------------------------------------------------ */

/* The strings that name the customer: their name (two characters or more), its pinyin,
 * each phone as stored and as people write it, the ID-card number. */
static GPtrArray *
identifying_strings (SrDb    *db,
                     gint64   customer_id,
                     GError **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(SrStmt) stmt = sr_db_prepare (db, "SELECT name, name_pinyin, id_card FROM customers WHERE id = ?1", error);
  SrStep step;

  if (stmt == NULL)
    return NULL;
  sr_stmt_bind_int (stmt, 1, customer_id);
  step = sr_stmt_step (stmt, error);
  if (step != SR_STEP_ROW)
    {
      if (step == SR_STEP_DONE)
        g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_NOT_FOUND, _("No such customer."));
      return NULL;
    }
  for (int c = 0; c < 3; c++)
    {
      const char *v = sr_stmt_get_text (stmt, c);
      if (v != NULL && g_utf8_strlen (v, -1) >= (c == 0 ? 2 : 4))
        g_ptr_array_add (found, g_strdup (v));
    }
  g_clear_pointer (&stmt, sr_stmt_done);
  stmt = sr_db_prepare (db, "SELECT phone FROM customer_phones WHERE customer_id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sr_stmt_bind_int (stmt, 1, customer_id);
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      const char *p = sr_stmt_get_text (stmt, 0);
      gsize n = p != NULL ? strlen (p) : 0;
      if (n < 5)
        continue;
      g_ptr_array_add (found, g_strdup (p));
      if (n == 11)
        {
          g_ptr_array_add (found, g_strdup_printf ("%.3s-%.4s-%.4s", p, p + 3, p + 7));
          g_ptr_array_add (found, g_strdup_printf ("%.3s %.4s %.4s", p, p + 3, p + 7));
        }
    }
  if (step == SR_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&found);
}

static gint
longest_first (gconstpointer a,
               gconstpointer b)
{
  return (int) strlen (*(const char **) b) - (int) strlen (*(const char **) a);
}

/* Every text of the customer's tables (the audit log's included) that holds one of
 * @strings (longest first): each is replaced by a mark, in one pass over each column. */
static gboolean
take_out (SrDb       *db,
          GPtrArray  *tables,
          GPtrArray  *strings,
          GError    **error)
{
  if (strings->len == 0)
    return TRUE;
  for (guint t = 0; t < tables->len; t++)
    {
      const char *table = tables->pdata[t];
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) types = g_ptr_array_new_with_free_func (g_free);

      if (is_setup_table (table))
        continue;
      if (!list_columns (db, table, names, types, error))
        return FALSE;
      for (guint c = 0; c < names->len; c++)
        {
          const char *column = names->pdata[c];
          g_autoptr(GString) value = g_string_new (NULL);
          g_autoptr(GString) where = g_string_new (NULL);
          g_autofree char *sql = NULL;
          g_autoptr(SrStmt) stmt = NULL;

          if (g_ascii_strcasecmp (types->pdata[c], "TEXT") != 0)
            continue;
          g_string_append_printf (value, "\"%s\"", column);
          for (guint i = 0; i < strings->len; i++)
            {
              g_autofree char *inner = g_strdup (value->str);
              g_string_printf (value, "replace (%s, ?%u, '＊＊＊')", inner, i + 1);
              g_string_append_printf (where, "%sinstr (\"%s\", ?%u) > 0", i > 0 ? " OR " : "", column, i + 1);
            }
          sql = g_strdup_printf ("UPDATE \"%s\" SET \"%s\" = %s WHERE %s", table, column, value->str, where->str);
          stmt = sr_db_prepare (db, sql, error);
          if (stmt == NULL)
            return FALSE;
          for (guint i = 0; i < strings->len; i++)
            sr_stmt_bind_text (stmt, (int) i + 1, strings->pdata[i]);
          if (!sr_stmt_exec (stmt, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* The erasure itself, inside the caller's transaction. */
static gboolean
erase_in_transaction (SrContext  *ctx,
                      gint64      customer_id,
                      const char *asked_by,
                      const char *reason,
                      gint64      approved_by,
                      GError    **error)
{
  SrDb *db = sr_context_get_db (ctx);
  g_autoptr(GPtrArray) strings = identifying_strings (db, customer_id, error);
  g_autoptr(GPtrArray) tables = NULL;
  g_autoptr(GString) clear = g_string_new ("UPDATE customers SET name = ?2, name_pinyin = ''");
  g_autofree char *label = NULL;
  gint64 erasure = 0;

  if (strings == NULL)
    return FALSE;
  /* Longest first, so a name inside a longer string goes with it. */
  g_ptr_array_sort (strings, longest_first);
  tables = list_tables (db, error);
  if (tables == NULL)
    return FALSE;
  /* The erasure's row first: while it is not done, the audit log's texts may change. */
  if (!sr_db_get_int (db, &erasure, error,
                      "INSERT INTO erasures (customer_id, asked_by, reason, approved_by, at) "
                      "VALUES (?1, ?2, ?3, nullif (?4, 0), ?5) RETURNING id", "ittii",
                      customer_id, asked_by, reason, approved_by, sr_context_now (ctx)))
    return FALSE;
  /* Phones and search keys go; then the person's strings wherever else they were written. */
  if (!sr_db_run (db, error, "DELETE FROM customer_phones WHERE customer_id = ?1", "i", customer_id) ||
      !sr_db_run (db, error, "DELETE FROM customer_search WHERE customer_id = ?1", "i", customer_id))
    return FALSE;
  if (!take_out (db, tables, strings, error))
    return FALSE;
  /* The record keeps what the office's figures need (channel, source, stage, owner,
   * dates) and loses who the person is. */
  for (guint i = 0; i < G_N_ELEMENTS (personal_columns); i++)
    g_string_append_printf (clear, ", %s = NULL", personal_columns[i]);
  g_string_append (clear, " WHERE id = ?1");
  label = g_strdup_printf (_("Erased customer %d"), (int) customer_id);
  if (!sr_db_run (db, error, clear->str, "it", customer_id, label) ||
      /* Co-buyers on the contracts are other people named there. */
      !sr_db_run (db, error, "UPDATE deals SET co_buyers = NULL WHERE customer_id = ?1", "i", customer_id) ||
      !sr_db_run (db, error, "UPDATE erasures SET done = 1 WHERE id = ?1", "i", erasure))
    return FALSE;
  {
    g_autoptr(SrJson) json = sr_json_new ();
    g_autofree char *after = NULL;
    sr_json_add_int (json, "erasure", erasure);
    sr_json_add_text (json, "asked_by", asked_by);
    sr_json_add_text (json, "reason", reason);
    after = sr_json_end (json);
    return approved_by > 0
      ? sr_audit_write (ctx, "erase", "customers", customer_id, NULL, after, error)
      : sr_audit_write_as (ctx, 0, "Salesroom (retention period)", "erase", "customers", customer_id, NULL, after, error);
  }
}

/* Runs one erasure in its own transaction, with freed space overwritten, and moves what
 * the write-ahead log still held of the old pages into the file. */
static gboolean
erase (SrContext  *ctx,
       gint64      customer_id,
       const char *asked_by,
       const char *reason,
       gint64      approved_by,
       GError    **error)
{
  SrDb *db = sr_context_get_db (ctx);
  gboolean server = sr_db_is_server (db);
  gboolean ok;

  /* On a server, the old row versions are the server's to reclaim (VACUUM): Salesroom
   * cannot overwrite the server's files. */
  if (!server && !sr_db_exec (db, "PRAGMA secure_delete = ON", error))
    return FALSE;
  ok = sr_db_begin (db, error);
  if (ok && !erase_in_transaction (ctx, customer_id, asked_by, reason, approved_by, error))
    {
      sr_db_rollback (db);
      ok = FALSE;
    }
  else if (ok)
    ok = sr_db_commit (db, error);
  if (server)
    return ok;
  sr_db_exec (db, "PRAGMA secure_delete = OFF", NULL);
  if (ok)
    sr_db_exec (db, "PRAGMA wal_checkpoint (TRUNCATE)", NULL);
  return ok;
}

gboolean
sr_privacy_erase (SrContext   *ctx,
                  gint64       customer_id,
                  const char  *asked_by,
                  const char  *reason,
                  GError     **error)
{
  g_autofree char *who = asked_by != NULL ? g_strstrip (g_strdup (asked_by)) : g_strdup ("");
  gint64 done = 0;

  if (!sr_context_check (ctx, SR_ACTION_HANDLE_PERSONAL_DATA, error))
    return FALSE;
  if (*who == '\0')
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                   _("Say who asked for the erasure (the customer, or who acts for them)."));
      return FALSE;
    }
  if (!sr_db_get_int (sr_context_get_db (ctx), &done, error,
                      "SELECT count(*) FROM erasures WHERE customer_id = ?1 AND done = 1", "i", customer_id))
    return FALSE;
  if (done > 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT, _("This customer has been erased already."));
      return FALSE;
    }
  return erase (ctx, customer_id, who, reason, sr_session_get_staff_id (sr_context_get_session (ctx)), error);
}

gint64
sr_privacy_sweep_lost (SrContext  *ctx,
                       guint       limit,
                       GError    **error)
{
  SrDb *db = sr_context_get_db (ctx);
  gint64 days = sr_settings_get_int (ctx, "privacy.lost_retention_days", 0);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(SrStmt) stmt = NULL;
  g_autofree char *reason = NULL;
  SrStep step;

  if (days <= 0)
    return 0;
  stmt = sr_db_prepare (db, "SELECT c.id FROM customers c JOIN stages s ON s.id = c.stage_id "
                        "WHERE s.kind = 'lost' AND coalesce (c.stage_at, c.created_at) < ?1 "
                        "AND NOT EXISTS (SELECT 1 FROM deals d WHERE d.customer_id = c.id) "
                        "AND NOT EXISTS (SELECT 1 FROM erasures e WHERE e.customer_id = c.id AND e.done = 1) "
                        "ORDER BY c.id LIMIT ?2", error);
  if (stmt == NULL)
    return -1;
  sr_stmt_bind_int (stmt, 1, sr_context_now (ctx) - days * 86400);
  sr_stmt_bind_int (stmt, 2, limit);
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      gint64 id = sr_stmt_get_int (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (step == SR_STEP_ERROR)
    return -1;
  g_clear_pointer (&stmt, sr_stmt_done);
  reason = g_strdup_printf (_("lost lead without a deal, kept %d days"), (int) days);
  for (guint i = 0; i < ids->len; i++)
    if (!erase (ctx, g_array_index (ids, gint64, i), _("the office's retention period"), reason, 0, error))
      return -1;
  return ids->len;
}
