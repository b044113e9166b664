/* sr-move.c — moving an office from its database file to the office server. See sr-move.h. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sr-db.h"
#include "sr-error.h"
#include "sr-move.h"

void
sr_moved_table_free (SrMovedTable *table)
{
  if (table == NULL)
    return;
  g_free (table->table);
  g_free (table->sum_from);
  g_free (table->sum_to);
  g_free (table);
}

static GPtrArray *
strings (SrDb        *db,
         const char  *sql,
         const char  *param,
         GError     **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(SrStmt) stmt = sr_db_prepare (db, sql, error);
  SrStep step;

  if (stmt == NULL)
    return NULL;
  if (param != NULL)
    sr_stmt_bind_text (stmt, 1, param);
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    g_ptr_array_add (out, sr_stmt_dup_text (stmt, 0));
  return step == SR_STEP_ERROR ? NULL : g_steal_pointer (&out);
}

static gboolean
contains (GPtrArray  *list,
          const char *text)
{
  return g_ptr_array_find_with_equal_func (list, text, g_str_equal, NULL);
}

/* The file's tables, each after the tables it refers to. */
static GPtrArray *
tables_in_order (SrDb    *from,
                 GError **error)
{
  g_autoptr(GPtrArray) names = strings (from, "SELECT name FROM sqlite_master WHERE type = 'table' "
                                        "AND name NOT LIKE 'sqlite_%' ORDER BY name", NULL, error);
  g_autoptr(GPtrArray) ordered = g_ptr_array_new_with_free_func (g_free);
  /* table → the tables it refers to (itself left out), read once */
  g_autoptr(GHashTable) refers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(SrStmt) stmt = NULL;
  gboolean moved = TRUE;
  SrStep step;

  if (names == NULL)
    return NULL;
  stmt = sr_db_prepare (from, "SELECT DISTINCT m.name, f.\"table\" FROM sqlite_master m "
                        "JOIN pragma_foreign_key_list (m.name) f WHERE m.type = 'table' "
                        "AND f.\"table\" <> m.name", error);
  if (stmt == NULL)
    return NULL;
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      GPtrArray *list = g_hash_table_lookup (refers, sr_stmt_get_text (stmt, 0));
      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (refers, sr_stmt_dup_text (stmt, 0), list);
        }
      g_ptr_array_add (list, sr_stmt_dup_text (stmt, 1));
    }
  if (step == SR_STEP_ERROR)
    return NULL;

  while (ordered->len < names->len && moved)
    {
      moved = FALSE;
      for (guint i = 0; i < names->len; i++)
        {
          const char *name = names->pdata[i];
          GPtrArray *list = g_hash_table_lookup (refers, name);
          gboolean ready = TRUE;

          if (contains (ordered, name))
            continue;
          for (guint k = 0; list != NULL && k < list->len && ready; k++)
            ready = contains (ordered, list->pdata[k]);
          if (ready)
            {
              g_ptr_array_add (ordered, g_strdup (name));
              moved = TRUE;
            }
        }
    }
  /* A circle of references (none in Salesroom's schema): the rest in name order. */
  for (guint i = 0; i < names->len; i++)
    if (!contains (ordered, names->pdata[i]))
      g_ptr_array_add (ordered, g_strdup (names->pdata[i]));
  return g_steal_pointer (&ordered);
}

/* "a", "b", "c" */
static void
append_columns (GString   *sql,
                GPtrArray *columns)
{
  for (guint c = 0; c < columns->len; c++)
    g_string_append_printf (sql, "%s\"%s\"", c > 0 ? ", " : "", (char *) columns->pdata[c]);
}

static char *
select_sql (const char *table,
            GPtrArray  *columns)
{
  GString *sql = g_string_new ("SELECT ");

  append_columns (sql, columns);
  g_string_append_printf (sql, " FROM \"%s\"", table);
  return g_string_free (sql, FALSE);
}

/* A table's sum does not depend on the order of its rows: each row's part is the first
 * 8 bytes of the SHA-256 of its values, and the parts are added up. The same on both sides
 * when every value arrived as it was. */
static guint64
row_part (SrStmt    *stmt,
          guint      n_columns,
          GChecksum *checksum)
{
  guint8 digest[32];
  gsize len = sizeof digest;
  guint64 part = 0;

  g_checksum_reset (checksum);
  for (guint c = 0; c < n_columns; c++)
    {
      char number[32];

      switch (sr_stmt_column_kind (stmt, (int) c))
        {
        case SR_VALUE_NULL:
          g_checksum_update (checksum, (const guchar *) "\1N", 2);
          break;
        case SR_VALUE_INT:
          g_snprintf (number, sizeof number, "%" G_GINT64_FORMAT, sr_stmt_get_int (stmt, (int) c));
          g_checksum_update (checksum, (const guchar *) number, -1);
          break;
        case SR_VALUE_BLOB:
          {
            g_autoptr(GBytes) bytes = sr_stmt_dup_blob (stmt, (int) c);
            gsize size = 0;
            gconstpointer data = g_bytes_get_data (bytes, &size);
            g_checksum_update (checksum, data, (gssize) size);
          }
          break;
        case SR_VALUE_REAL:
        case SR_VALUE_TEXT:
          g_checksum_update (checksum, (const guchar *) sr_stmt_get_text (stmt, (int) c), -1);
          break;
        }
      g_checksum_update (checksum, (const guchar *) "\0", 1);
    }
  g_checksum_get_digest (checksum, digest, &len);
  for (int b = 0; b < 8; b++)
    part = (part << 8) | digest[b];
  return part;
}

static char *
sum_text (guint64 sum)
{
  return g_strdup_printf ("%016" G_GINT64_MODIFIER "x", sum);
}

/* How many rows @table has, and their sum. */
static gboolean
table_sum (SrDb        *db,
           const char  *table,
           GPtrArray   *columns,
           gint64      *out_rows,
           char       **out_sum,
           GError     **error)
{
  g_autofree char *sql = select_sql (table, columns);
  g_autoptr(SrStmt) stmt = sr_db_prepare (db, sql, error);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint64 sum = 0;
  gint64 rows = 0;
  SrStep step;

  if (stmt == NULL)
    return FALSE;
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      sum += row_part (stmt, columns->len, checksum);
      rows++;
    }
  if (step == SR_STEP_ERROR)
    return FALSE;
  *out_rows = rows;
  *out_sum = sum_text (sum);
  return TRUE;
}

/* One value read from the file, held until its batch is written. */
typedef struct {
  SrValueKind kind;
  gint64 number;
  char *text;
  GBytes *bytes;
} Value;

static void
value_clear (Value *v)
{
  g_clear_pointer (&v->text, g_free);
  g_clear_pointer (&v->bytes, g_bytes_unref);
}

/* INSERT INTO table (columns) VALUES (…), (…): @rows rows of parameters. */
static char *
insert_sql (const char *table,
            GPtrArray  *columns,
            guint       rows)
{
  GString *sql = g_string_new (NULL);
  guint n = 1;

  g_string_append_printf (sql, "INSERT INTO \"%s\" (", table);
  append_columns (sql, columns);
  g_string_append (sql, ") VALUES ");
  for (guint r = 0; r < rows; r++)
    {
      g_string_append (sql, r > 0 ? ", (" : "(");
      for (guint c = 0; c < columns->len; c++)
        g_string_append_printf (sql, "%s?%u", c > 0 ? ", " : "", n++);
      g_string_append_c (sql, ')');
    }
  return g_string_free (sql, FALSE);
}

/* Writes the rows held in @values (whole rows, column by column) in one statement. */
static gboolean
write_batch (SrDb        *to,
             const char  *table,
             GPtrArray   *columns,
             GArray      *values,
             GError     **error)
{
  guint rows = values->len / columns->len;
  g_autofree char *sql = NULL;
  g_autoptr(SrStmt) put = NULL;

  if (rows == 0)
    return TRUE;
  sql = insert_sql (table, columns, rows);
  put = sr_db_prepare (to, sql, error);
  if (put == NULL)
    return FALSE;
  for (guint i = 0; i < values->len; i++)
    {
      Value *v = &g_array_index (values, Value, i);
      switch (v->kind)
        {
        case SR_VALUE_NULL:
          sr_stmt_bind_null (put, (int) i + 1);
          break;
        case SR_VALUE_INT:
          sr_stmt_bind_int (put, (int) i + 1, v->number);
          break;
        case SR_VALUE_BLOB:
          sr_stmt_bind_blob (put, (int) i + 1, v->bytes);
          break;
        case SR_VALUE_REAL:
        case SR_VALUE_TEXT:
          sr_stmt_bind_text (put, (int) i + 1, v->text);
          break;
        }
    }
  if (!sr_stmt_exec (put, error))
    {
      g_prefix_error (error, _("Table %s: "), table);
      return FALSE;
    }
  g_array_set_size (values, 0);
  return TRUE;
}

/* The rows of @table, a few hundred to a statement (one round trip each); the file's count
 * and sum of them are taken on the way. */
static gboolean
copy_table (SrDb        *from,
            SrDb        *to,
            const char  *table,
            GPtrArray   *columns,
            gint64      *out_rows,
            char       **out_sum,
            GError     **error)
{
  g_autofree char *select = select_sql (table, columns);
  g_autoptr(SrStmt) rows = sr_db_prepare (from, select, error);
  g_autoptr(GArray) values = g_array_new (FALSE, TRUE, sizeof (Value));
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint64 sum = 0;
  gint64 n = 0;
  /* Well under the server's 65,535 parameters a statement. */
  guint batch = MAX (1, MIN (500, 30000 / MAX (columns->len, 1)));
  SrStep step;

  if (rows == NULL)
    return FALSE;
  g_array_set_clear_func (values, (GDestroyNotify) value_clear);
  while ((step = sr_stmt_step (rows, error)) == SR_STEP_ROW)
    {
      sum += row_part (rows, columns->len, checksum);
      n++;
      for (guint c = 0; c < columns->len; c++)
        {
          Value v = { sr_stmt_column_kind (rows, (int) c), 0, NULL, NULL };
          if (v.kind == SR_VALUE_INT)
            v.number = sr_stmt_get_int (rows, (int) c);
          else if (v.kind == SR_VALUE_BLOB)
            v.bytes = sr_stmt_dup_blob (rows, (int) c);
          else if (v.kind != SR_VALUE_NULL)
            v.text = sr_stmt_dup_text (rows, (int) c);
          g_array_append_val (values, v);
        }
      if (values->len / columns->len >= batch && !write_batch (to, table, columns, values, error))
        return FALSE;
    }
  if (step != SR_STEP_DONE || !write_batch (to, table, columns, values, error))
    return FALSE;
  *out_rows = n;
  *out_sum = sum_text (sum);
  return TRUE;
}

static gboolean
set_triggers (SrDb       *to,
              GPtrArray  *tables,
              gboolean    enabled,
              GError    **error)
{
  for (guint t = 0; t < tables->len; t++)
    {
      g_autofree char *sql = g_strdup_printf ("ALTER TABLE \"%s\" %s TRIGGER USER",
                                              (char *) tables->pdata[t], enabled ? "ENABLE" : "DISABLE");
      if (!sr_db_exec (to, sql, error))
        return FALSE;
    }
  return TRUE;
}

/* Copies and checks everything inside the server's transaction. */
static gboolean
move_all (SrDb            *from,
          SrDb            *to,
          GPtrArray       *tables,
          GPtrArray       *report,
          SrMoveProgress   progress,
          gpointer         user_data,
          GError         **error)
{
  /* The rows are the file's, as they are: no trigger adds to them on the way (paid
   * amounts arrive paid) and the migrations' first rows (reasons, levels) make way. */
  if (!set_triggers (to, tables, FALSE, error))
    return FALSE;
  for (guint t = tables->len; t > 0; t--)
    {
      g_autofree char *sql = g_strdup_printf ("DELETE FROM \"%s\"", (char *) tables->pdata[t - 1]);
      if (!sr_db_exec (to, sql, error))
        return FALSE;
    }
  for (guint t = 0; t < tables->len; t++)
    {
      const char *table = tables->pdata[t];
      g_autoptr(GPtrArray) columns = strings (from, "SELECT name FROM pragma_table_info (?1) ORDER BY cid",
                                              table, error);
      SrMovedTable *moved;

      if (columns == NULL)
        return FALSE;
      moved = g_new0 (SrMovedTable, 1);
      moved->table = g_strdup (table);
      g_ptr_array_add (report, moved);
      if (!copy_table (from, to, table, columns, &moved->rows_from, &moved->sum_from, error) ||
          !table_sum (to, table, columns, &moved->rows_to, &moved->sum_to, error))
        return FALSE;
      if (moved->rows_from != moved->rows_to || strcmp (moved->sum_from, moved->sum_to) != 0)
        {
          g_set_error (error, SR_STORE_ERROR, SR_STORE_ERROR_FAILED,
                       _("The copy of table %s differs from the file (%lld rows, sum %s; "
                         "on the server %lld rows, sum %s): nothing was moved."),
                       table, (long long) moved->rows_from, moved->sum_from, (long long) moved->rows_to,
                       moved->sum_to);
          return FALSE;
        }
      /* New rows on the server go on from the file's highest id. */
      if (contains (columns, "id"))
        {
          g_autofree char *sql = g_strdup_printf ("SELECT setval (s, m) FROM (SELECT pg_get_serial_sequence "
                                                  "('\"%s\"', 'id') AS s, (SELECT max (id) FROM \"%s\") AS m) AS x "
                                                  "WHERE s IS NOT NULL AND m IS NOT NULL", table, table);
          if (!sr_db_exec (to, sql, error))
            return FALSE;
        }
      if (progress != NULL)
        progress (table, t + 1, tables->len, user_data);
    }
  return set_triggers (to, tables, TRUE, error) &&
         sr_db_exec (to, "SELECT pg_notify ('salesroom', '')", error);
}

GPtrArray *
sr_move_office (const char      *from_path,
                const char      *to_uri,
                SrMoveProgress   progress,
                gpointer         user_data,
                GError         **error)
{
  g_autoptr(SrDb) from = NULL;
  g_autoptr(SrDb) to = NULL;
  g_autoptr(GPtrArray) tables = NULL;
  g_autoptr(GPtrArray) report = g_ptr_array_new_with_free_func ((GDestroyNotify) sr_moved_table_free);
  gboolean empty = FALSE;
  gint64 audit_rows = 0;
  gboolean ok;

  from = sr_db_open (from_path, SR_DB_OPEN_EXISTING, error);
  if (from == NULL)
    return NULL;
  if (sr_db_is_server (from))
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                   _("--from is the office's database file; %s is a server."), from_path);
      return NULL;
    }
  to = sr_db_open (to_uri, SR_DB_OPEN_CREATE, error);
  if (to == NULL)
    return NULL;
  if (!sr_db_is_server (to))
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                   _("--to is the office server's address (postgresql://…), not a file."));
      return NULL;
    }
  if (!sr_db_is_empty (to, &empty, error) ||
      !sr_db_query_int (to, "SELECT count(*) FROM audit_log", &audit_rows, error))
    return NULL;
  if (!empty || audit_rows > 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT,
                   _("The database %s already holds an office: nothing was copied. "
                     "Move into a new, empty database."), sr_db_get_path (to));
      return NULL;
    }

  tables = tables_in_order (from, error);
  if (tables == NULL || !sr_db_begin_read (from, error))
    return NULL;
  ok = sr_db_begin (to, error);
  if (ok && !move_all (from, to, tables, report, progress, user_data, error))
    {
      sr_db_rollback (to);
      ok = FALSE;
    }
  else if (ok)
    ok = sr_db_commit (to, error);
  sr_db_end_read (from);
  /* The server's planner learns the tables' sizes now, not at its next idle moment: the
   * first searches after the move use the indexes. */
  if (ok && !sr_db_exec (to, "ANALYZE", error))
    ok = FALSE;
  return ok ? g_steal_pointer (&report) : NULL;
}
