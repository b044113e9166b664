/* sr-db-pg.c — the store on a PostgreSQL server (an office of several PCs). See sr-db.h.
 *
 * The same API as the SQLite file, through libpq. Statements are rewritten once into
 * PostgreSQL's dialect (sr-sql-pg.c) and prepared on the server; values travel as text.
 * Every write transaction takes one advisory lock first, so writes from all PCs follow one
 * another as they do on a SQLite file (BEGIN IMMEDIATE): a rule that reads, then writes
 * (the rotation's next consultant, a unit's one live booking) sees what the PC before it
 * committed, and no transaction fails half-way for a serialisation conflict. Reads take no
 * lock. The connection listens on the channel "salesroom": every change writes an audit
 * row, whose trigger notifies the other PCs when it commits.
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <stdlib.h>
#include <string.h>

#include "sr-db-private.h"
#include "sr-error.h"
#include "sr-sql-pg.h"

/* The advisory lock of write transactions: 'SROM', as the SQLite file's application id. */
#define SR_PG_WRITE_LOCK "1397903181"
#define SR_PG_RETRY_AFTER (5 * G_USEC_PER_SEC)


/* The address without its password (user:password@, or password= among the options), to
 * show and to log. */
static char *
display_uri (const char *uri)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *start = strstr (uri, "://");
  const char *at, *colon, *slash, *query;

  if (start == NULL)
    return g_strdup (uri);
  start += 3;
  slash = strchr (start, '/');
  at = strchr (start, '@');
  colon = at != NULL && (slash == NULL || at < slash) ? memchr (start, ':', (size_t) (at - start)) : NULL;
  if (colon != NULL)
    g_string_append_printf (out, "%.*s%s", (int) (colon - uri), uri, at);
  else
    g_string_append (out, uri);

  query = strchr (out->str, '?');
  if (query != NULL)
    {
      g_auto(GStrv) options = g_strsplit (query + 1, "&", -1);
      g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
      g_auto(GStrv) list = NULL;
      g_autofree char *joined = NULL;

      for (guint i = 0; options[i] != NULL; i++)
        if (!g_str_has_prefix (options[i], "password="))
          g_strv_builder_add (kept, options[i]);
      list = g_strv_builder_end (kept);
      joined = g_strjoinv ("&", list);
      g_string_truncate (out, (gsize) (query - out->str));
      if (*joined != '\0')
        g_string_append_printf (out, "?%s", joined);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

gboolean
sr_db_is_server_address (const char *path)
{
  return path != NULL && (g_str_has_prefix (path, "postgresql://") ||
                          g_str_has_prefix (path, "postgres://"));
}

char *
sr_db_uri_without_password (const char *uri)
{
  return sr_db_is_server_address (uri) ? display_uri (uri) : g_strdup (uri);
}

char *
sr_db_uri_with_password (const char *uri,
                         const char *password)
{
  g_autofree char *plain = display_uri (uri);
  g_autofree char *escaped = NULL;

  if (password == NULL || *password == '\0')
    return g_steal_pointer (&plain);
  escaped = g_uri_escape_string (password, NULL, FALSE);
  return g_strdup_printf ("%s%cpassword=%s", plain, strchr (plain, '?') != NULL ? '&' : '?', escaped);
}

static void
set_error (SrDb           *self,
           const PGresult *result,
           GError        **error)
{
  const char *state = result != NULL ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;
  const char *detail = result != NULL ? PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY) : NULL;
  g_autofree char *text = NULL;

  if (detail == NULL)
    detail = self->pg != NULL ? PQerrorMessage (self->pg) : "";
  text = g_strstrip (g_strdup (detail));

  if (self->pg == NULL || PQstatus (self->pg) == CONNECTION_BAD ||
      (state != NULL && g_str_has_prefix (state, "08")) ||
      (state != NULL && (strcmp (state, "57P01") == 0 || strcmp (state, "57P02") == 0 ||
                         strcmp (state, "57P03") == 0)))
    g_set_error (error, SR_STORE_ERROR, SR_STORE_ERROR_CONNECTION,
                 _("The connection to the office server (%s) was lost: nothing was saved. "
                   "Salesroom reconnects by itself; try again in a moment."), self->path);
  else if (state != NULL && g_str_has_prefix (state, "23"))
    g_set_error (error, SR_STORE_ERROR, SR_STORE_ERROR_CONSTRAINT,
                 _("The database refused the change (%s)."), text);
  else if (state != NULL && (strcmp (state, "40001") == 0 || strcmp (state, "40P01") == 0 ||
                             strcmp (state, "55P03") == 0))
    g_set_error (error, SR_STORE_ERROR, SR_STORE_ERROR_BUSY,
                 _("The database is in use by another program and could not be written. "
                   "Try again in a moment."));
  else if (state != NULL && g_str_has_prefix (state, "53"))
    g_set_error (error, SR_STORE_ERROR, SR_STORE_ERROR_FULL,
                 _("The office server is out of space: nothing was saved (%s)."), text);
  else if (state != NULL && (strcmp (state, "42501") == 0 || strcmp (state, "25006") == 0))
    g_set_error (error, SR_STORE_ERROR, SR_STORE_ERROR_READ_ONLY,
                 _("The office server refused to let this PC do that (%s)."), text);
  else
    g_set_error (error, SR_STORE_ERROR, SR_STORE_ERROR_FAILED, _("Database error: %s"), text);
}

static gboolean
in_transaction (SrDb *self)
{
  return self->depth > 0 || self->read_depth > 0;
}

/* A failure inside a transaction leaves it refusing everything until it is rolled back. */
static void
note_failure (SrDb *self)
{
  if (in_transaction (self))
    self->pg_lost = TRUE;
}

static gboolean
result_ok (SrDb     *self,
           PGresult *result,
           GError  **error)
{
  ExecStatusType status = PQresultStatus (result);

  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
    return TRUE;
  set_error (self, result, error);
  note_failure (self);
  return FALSE;
}

/* Runs @sql (already PostgreSQL's, one or more statements, no parameters). */
static gboolean
run (SrDb       *self,
     const char *sql,
     GError    **error)
{
  PGresult *result = PQexec (self->pg, sql);
  gboolean ok = result_ok (self, result, error);

  PQclear (result);
  return ok;
}

/* The PC's time zone for the session, so 'localtime' in a query is this PC's local time,
 * as it is on SQLite. */
static void
set_time_zone (SrDb *self)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  const char *id = g_time_zone_get_identifier (zone);
  const char *values[1];
  PGresult *result;
  gboolean ok;

  values[0] = id;
  result = PQexecParams (self->pg, "SELECT set_config ('TimeZone', $1, false)", 1, NULL,
                         values, NULL, NULL, 0);
  ok = PQresultStatus (result) == PGRES_TUPLES_OK;
  PQclear (result);
  if (!ok)
    {
      /* Not a name the server knows: the offset now, in POSIX's sign (west positive). */
      g_autoptr(GDateTime) now = g_date_time_new_now (zone);
      gint64 offset = g_date_time_get_utc_offset (now) / G_USEC_PER_SEC;
      g_autofree char *posix = g_strdup_printf ("SRT%c%02d:%02d", offset > 0 ? '-' : '+',
                                                (int) (ABS (offset) / 3600),
                                                (int) (ABS (offset) % 3600 / 60));
      values[0] = posix;
      result = PQexecParams (self->pg, "SELECT set_config ('TimeZone', $1, false)", 1, NULL,
                             values, NULL, NULL, 0);
      PQclear (result);
    }
}

static gboolean
setup_session (SrDb    *self,
               GError **error)
{
  PQsetClientEncoding (self->pg, "UTF8");
  set_time_zone (self);
  /* As long as a SQLite file waits for another writer (5 s), then "in use, try again". */
  if (!run (self, "SET lock_timeout = '5s'; SET application_name = 'salesroom'; LISTEN salesroom", error))
    return FALSE;
  self->pg_generation++;
  return TRUE;
}

/* Outside a transaction, a connection that was lost is made again (the server restarted,
 * the network came back). Inside one, the transaction is gone: the caller rolls back. */
static gboolean
ensure_connection (SrDb    *self,
                   GError **error)
{
  if (PQstatus (self->pg) == CONNECTION_OK)
    return TRUE;
  if (in_transaction (self))
    {
      set_error (self, NULL, error);
      note_failure (self);
      return FALSE;
    }
  /* While the server stays away, a new try at most every few seconds: the window's
   * half-second poll must not wait on the network each time. */
  if (self->failed_reset_at != 0 &&
      g_get_monotonic_time () - self->failed_reset_at < SR_PG_RETRY_AFTER)
    {
      set_error (self, NULL, error);
      return FALSE;
    }
  PQreset (self->pg);
  if (PQstatus (self->pg) != CONNECTION_OK)
    {
      self->failed_reset_at = g_get_monotonic_time ();
      set_error (self, NULL, error);
      return FALSE;
    }
  self->failed_reset_at = 0;
  return setup_session (self, error);
}

/* Whether @sql changes anything: such a statement run on its own (outside a transaction)
 * takes the write lock as a transaction does, so it waits for the other PCs' writes as it
 * would on a file. */
static gboolean
is_write (const char *sql)
{
  const char *words[] = { "insert", "update", "delete", "create", "drop", "alter" };

  while (g_ascii_isspace (*sql) || *sql == '(')
    sql++;
  if (g_ascii_strncasecmp (sql, "with", 4) == 0)
    {
      g_autofree char *lower = g_ascii_strdown (sql, -1);
      return strstr (lower, "insert ") != NULL || strstr (lower, "update ") != NULL ||
             strstr (lower, "delete ") != NULL;
    }
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_ascii_strncasecmp (sql, words[i], strlen (words[i])) == 0)
      return TRUE;
  return FALSE;
}

/* A write statement on its own runs in a transaction of its own, with the write lock:
 * begun here, ended by end_own_transaction. */
static gboolean
begin_own_transaction (SrDb    *self,
                       GError **error)
{
  if (!sr_pg_begin (self, FALSE, error))
    return FALSE;
  self->depth++;
  return TRUE;
}

static gboolean
end_own_transaction (SrDb     *self,
                     gboolean  ok,
                     GError  **error)
{
  self->depth--;
  if (ok && run (self, "COMMIT", error))
    return TRUE;
  PQclear (PQexec (self->pg, "ROLLBACK"));
  self->pg_lost = FALSE;
  return FALSE;
}

gboolean
sr_pg_exec (SrDb        *self,
            const char  *sql,
            GError     **error)
{
  g_autofree char *pg_sql = sr_sql_to_pg (sql, NULL, NULL);

  if (!ensure_connection (self, error))
    return FALSE;
  if (!in_transaction (self) && is_write (pg_sql))
    return begin_own_transaction (self, error) &&
           end_own_transaction (self, run (self, pg_sql, error), error);
  return run (self, pg_sql, error);
}

/* Reads one number (the first column of the first row; 0 without a row). */
static gboolean
query_int (SrDb       *self,
           const char *pg_sql,
           gint64     *out,
           GError    **error)
{
  PGresult *result = PQexec (self->pg, pg_sql);
  gboolean ok = result_ok (self, result, error);

  *out = 0;
  if (ok && PQntuples (result) > 0 && PQnfields (result) > 0 && !PQgetisnull (result, 0, 0))
    {
      const char *v = PQgetvalue (result, 0, 0);
      *out = strcmp (v, "t") == 0 ? 1 : g_ascii_strtoll (v, NULL, 10);
    }
  PQclear (result);
  return ok;
}

/* Migrations ------------------------------------------------------------------ */

static char *
resource_text (const char *name,
               GError    **error)
{
  g_autofree char *path = g_strconcat (SR_SQL_RESOURCE_DIR, name, NULL);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, error);

  if (bytes == NULL)
    return NULL;
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static gboolean
schema_version (SrDb    *self,
                gint64  *out_version,
                gboolean *out_is_ours,
                gboolean *out_has_tables,
                GError **error)
{
  gint64 exists = 0, tables = 0;

  *out_version = 0;
  *out_is_ours = FALSE;
  if (!query_int (self, "SELECT to_regclass ('salesroom_schema') IS NOT NULL", &exists, error) ||
      !query_int (self, "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                  "WHERE n.nspname = current_schema () AND c.relkind IN ('r', 'v', 'p', 'm')",
                  &tables, error))
    return FALSE;
  *out_has_tables = tables > 0;
  if (!exists)
    return TRUE;
  if (!query_int (self, "SELECT count(*) FROM salesroom_schema WHERE application = 'salesroom'",
                  &exists, error) ||
      !query_int (self, "SELECT max (version) FROM salesroom_schema", out_version, error))
    return FALSE;
  *out_is_ours = exists > 0;
  return TRUE;
}

/* The script that brings the server's schema to @version, from the common migration
 * @sql: on the first, the compatibility functions and the schema table first; after it,
 * this version's PostgreSQL-only part (its triggers), if it has one. */
static char *
migration_script (int         version,
                  const char *sql,
                  GError    **error)
{
  GString *script = g_string_new (NULL);
  g_autofree char *extra_name = g_strdup_printf ("pg/%04d.sql", version);
  g_autofree char *extra_path = g_strconcat (SR_SQL_RESOURCE_DIR, extra_name, NULL);
  g_autofree char *common = sr_sql_schema_to_pg (sql);

  if (version == 1)
    {
      g_autofree char *compat = resource_text ("pg/compat.sql", error);
      if (compat == NULL)
        {
          g_string_free (script, TRUE);
          return NULL;
        }
      g_string_append (script, compat);
      g_string_append (script, "\nCREATE TABLE salesroom_schema (application TEXT NOT NULL, "
                               "version INTEGER NOT NULL);\n"
                               "INSERT INTO salesroom_schema VALUES ('salesroom', 0);\n");
    }
  g_string_append (script, common);
  g_string_append_c (script, '\n');
  if (g_resources_get_info (extra_path, 0, NULL, NULL, NULL))
    {
      g_autofree char *extra = resource_text (extra_name, error);
      if (extra == NULL)
        {
          g_string_free (script, TRUE);
          return NULL;
        }
      g_string_append (script, extra);
    }
  g_string_append_printf (script, "\nUPDATE salesroom_schema SET version = %d;\n", version);
  return g_string_free (script, FALSE);
}

/* Brings the schema to @version with @sql (the common migration), unless another PC did
 * while this one waited for the write lock. Inside the caller's transaction. */
gboolean
sr_pg_migrate_one (SrDb        *self,
                   int          version,
                   const char  *sql,
                   GError     **error)
{
  gint64 now_at = 0;
  gboolean ours = FALSE, tables = FALSE;
  g_autofree char *script = NULL;

  if (!schema_version (self, &now_at, &ours, &tables, error))
    return FALSE;
  if (now_at >= version)
    return TRUE;
  script = migration_script (version, sql, error);
  return script != NULL && run (self, script, error);
}

/* Opening --------------------------------------------------------------------- */

gboolean
sr_pg_open (SrDb           *self,
            const char     *uri,
            SrDbOpenFlags   flags,
            GError        **error)
{
  gint64 version = 0;
  gboolean ours = FALSE, tables = FALSE;

  self->conninfo = g_strdup (uri);
  self->path = display_uri (uri);
  self->pg = PQconnectdb (uri);
  if (PQstatus (self->pg) != CONNECTION_OK)
    {
      g_autofree char *why = g_strstrip (g_strdup (PQerrorMessage (self->pg)));
      g_set_error (error, SR_STORE_ERROR, SR_STORE_ERROR_CONNECTION,
                   _("The office server %s cannot be reached: %s"), self->path, why);
      return FALSE;
    }
  if (PQserverVersion (self->pg) < 110000)
    {
      g_set_error (error, SR_STORE_ERROR, SR_STORE_ERROR_FAILED,
                   _("The office server %s runs PostgreSQL %d; Salesroom needs version 11 or newer."),
                   self->path, PQserverVersion (self->pg) / 10000);
      return FALSE;
    }
  if (!setup_session (self, error) ||
      !schema_version (self, &version, &ours, &tables, error))
    return FALSE;
  if (!ours && tables)
    {
      g_set_error (error, SR_STORE_ERROR, SR_STORE_ERROR_NOT_A_DATABASE,
                   _("%s is a database of another program, not of Salesroom. "
                     "It was left untouched."), self->path);
      return FALSE;
    }
  if (version > sr_db_latest_schema_version ())
    {
      g_set_error (error, SR_STORE_ERROR, SR_STORE_ERROR_NEWER_SCHEMA,
                   _("%s was written by a newer version of Salesroom (database version %d; "
                     "this program knows up to %d). Install the newer Salesroom to open it. "
                     "The file was left untouched."),
                   self->path, (int) version, sr_db_latest_schema_version ());
      return FALSE;
    }
  self->schema_version = (int) version;
  if (self->is_read_only && version < sr_db_latest_schema_version () && !(flags & SR_DB_OPEN_INSPECT))
    {
      g_set_error (error, SR_STORE_ERROR, SR_STORE_ERROR_READ_ONLY,
                   _("%s was written by an older Salesroom and must be updated, "
                     "but it cannot be written."), self->path);
      return FALSE;
    }
  return TRUE;
}

void
sr_pg_close (SrDb *self)
{
  g_clear_pointer (&self->pg, PQfinish);
  g_clear_pointer (&self->conninfo, g_free);
}

/* Statements ------------------------------------------------------------------ */

void
sr_pg_prepare (SrStmt     *stmt,
               const char *sql)
{
  stmt->pg_sql = sr_sql_to_pg (sql, &stmt->n_params, &stmt->unused);
  stmt->is_write = is_write (stmt->pg_sql);
  stmt->values = g_new0 (char *, MAX (stmt->n_params, 1));
  stmt->lengths = g_new0 (int, MAX (stmt->n_params, 1));
  stmt->formats = g_new0 (int, MAX (stmt->n_params, 1));
  stmt->types = g_new0 (Oid, MAX (stmt->n_params, 1));
  stmt->prepared_types = g_new0 (Oid, MAX (stmt->n_params, 1));
  /* A parameter the statement does not use (one helper binds the same values for several
   * statements) has no type the server could infer: it is given text. */
  for (int i = 0; i < stmt->n_params; i++)
    stmt->types[i] = stmt->unused[i] ? SR_PG_TEXTOID : 0;
  stmt->row = -1;
}

static void
clear_bindings (SrStmt *stmt)
{
  for (int i = 0; i < stmt->n_params; i++)
    {
      g_clear_pointer (&stmt->values[i], g_free);
      stmt->lengths[i] = 0;
      stmt->formats[i] = 0;
      stmt->types[i] = stmt->unused[i] ? SR_PG_TEXTOID : 0;
    }
}

void
sr_pg_reset (SrStmt *stmt)
{
  g_clear_pointer (&stmt->result, PQclear);
  stmt->row = -1;
  stmt->has_run = FALSE;
  clear_bindings (stmt);
}

/* The server's prepared statement of @stmt goes (a long day's session must not pile them
 * up); one of an earlier connection went with it. */
static void
deallocate (SrStmt *stmt)
{
  PGconn *pg = stmt->db->pg;

  if (stmt->pg_name != NULL && pg != NULL && stmt->pg_generation == stmt->db->pg_generation &&
      PQstatus (pg) == CONNECTION_OK && PQtransactionStatus (pg) != PQTRANS_INERROR)
    {
      g_autofree char *sql = g_strdup_printf ("DEALLOCATE %s", stmt->pg_name);
      PQclear (PQexec (pg, sql));
    }
  g_clear_pointer (&stmt->pg_name, g_free);
}

void
sr_pg_stmt_free (SrStmt *stmt)
{
  sr_pg_reset (stmt);
  deallocate (stmt);
  g_free (stmt->pg_sql);
  g_free (stmt->values);
  g_free (stmt->lengths);
  g_free (stmt->formats);
  g_free (stmt->types);
  g_free (stmt->prepared_types);
  g_free (stmt->unused);
}

void
sr_pg_bind (SrStmt     *stmt,
            int         index,
            const char *value,
            gsize       length,
            Oid         type)
{
  if (index < 1 || index > stmt->n_params)
    {
      g_critical ("parameter %d of a statement with %d: %s", index, stmt->n_params, stmt->pg_sql);
      return;
    }
  g_free (stmt->values[index - 1]);
  stmt->values[index - 1] = value == NULL ? NULL : g_memdup2 (value, length + 1);
  stmt->lengths[index - 1] = (int) length;
  stmt->formats[index - 1] = type == SR_PG_BYTEAOID ? 1 : 0;
  /* A number's NULL (sr_stmt_bind_null) takes the type the statement was prepared with
   * (a NULL fits any), else lets the server infer it; a string's NULL is text. */
  if (stmt->unused[index - 1])
    stmt->types[index - 1] = SR_PG_TEXTOID;
  else if (value == NULL && type != SR_PG_TEXTOID)
    stmt->types[index - 1] = stmt->pg_name != NULL ? stmt->prepared_types[index - 1] : 0;
  else
    stmt->types[index - 1] = type;
}

SrStep
sr_pg_step (SrStmt  *stmt,
            GError **error)
{
  SrDb *db = stmt->db;

  if (!stmt->has_run)
    {
      PGresult *result;
      const char *status;

      if (!ensure_connection (db, error))
        return SR_STEP_ERROR;
      if (!in_transaction (db) && stmt->is_write)
        {
          SrStep step;

          if (!begin_own_transaction (db, error))
            return SR_STEP_ERROR;
          step = sr_pg_step (stmt, error);
          if (!end_own_transaction (db, step != SR_STEP_ERROR, error))
            {
              g_clear_pointer (&stmt->result, PQclear);
              stmt->has_run = FALSE;
              return SR_STEP_ERROR;
            }
          return step;
        }
      if (stmt->is_cached)
        {
          /* Prepared again when the values' types differ from the last time's (a NULL
           * where a number was): the server fixed the types when it prepared it. */
          if (stmt->pg_name == NULL || stmt->pg_generation != db->pg_generation ||
              memcmp (stmt->types, stmt->prepared_types, sizeof (Oid) * (gsize) stmt->n_params) != 0)
            {
              g_autofree char *name = g_strdup_printf ("sr%u", ++db->next_name);
              PGresult *prepared;
              gboolean ok;

              deallocate (stmt);
              prepared = PQprepare (db->pg, name, stmt->pg_sql, stmt->n_params, stmt->types);
              ok = result_ok (db, prepared, error);

              PQclear (prepared);
              if (!ok)
                {
                  g_debug ("could not prepare: %s", stmt->pg_sql);
                  return SR_STEP_ERROR;
                }
              stmt->pg_name = g_steal_pointer (&name);
              stmt->pg_generation = db->pg_generation;
              memcpy (stmt->prepared_types, stmt->types, sizeof (Oid) * (gsize) stmt->n_params);
            }
          result = PQexecPrepared (db->pg, stmt->pg_name, stmt->n_params,
                                   (const char * const *) stmt->values, stmt->lengths,
                                   stmt->formats, 0);
        }
      else
        result = PQexecParams (db->pg, stmt->pg_sql, stmt->n_params, stmt->types,
                               (const char * const *) stmt->values, stmt->lengths,
                               stmt->formats, 0);
      if (!result_ok (db, result, error))
        {
          g_debug ("failed: %s", stmt->pg_sql);
          PQclear (result);
          return SR_STEP_ERROR;
        }
      status = PQcmdStatus (result);
      if (!g_str_has_prefix (status, "SELECT"))
        db->changes = g_ascii_strtoll (PQcmdTuples (result), NULL, 10);
      stmt->result = result;
      stmt->row = -1;
      stmt->has_run = TRUE;
    }
  if (stmt->result == NULL)
    return SR_STEP_DONE;
  stmt->row++;
  return stmt->row < PQntuples (stmt->result) ? SR_STEP_ROW : SR_STEP_DONE;
}

static gboolean
has_value (SrStmt *stmt,
           int     column)
{
  return stmt->result != NULL && stmt->row >= 0 && stmt->row < PQntuples (stmt->result) &&
         column >= 0 && column < PQnfields (stmt->result) &&
         !PQgetisnull (stmt->result, stmt->row, column);
}

const char *
sr_pg_get_text (SrStmt *stmt,
                int     column)
{
  const char *v;

  if (!has_value (stmt, column))
    return NULL;
  v = PQgetvalue (stmt->result, stmt->row, column);
  /* A condition reads as SQLite's 1 or 0. */
  if (PQftype (stmt->result, column) == SR_PG_BOOLOID)
    return v[0] == 't' ? "1" : "0";
  return v;
}

gint64
sr_pg_get_int (SrStmt *stmt,
               int     column)
{
  const char *v = sr_pg_get_text (stmt, column);

  if (v == NULL)
    return 0;
  if (strpbrk (v, ".eE") != NULL)
    return (gint64) g_ascii_strtod (v, NULL);
  return g_ascii_strtoll (v, NULL, 10);
}

GBytes *
sr_pg_dup_blob (SrStmt *stmt,
                int     column)
{
  const char *v;

  if (!has_value (stmt, column))
    return NULL;
  v = PQgetvalue (stmt->result, stmt->row, column);
  if (PQftype (stmt->result, column) == SR_PG_BYTEAOID)
    {
      size_t n = 0;
      unsigned char *bytes = PQunescapeBytea ((const unsigned char *) v, &n);
      GBytes *out = g_bytes_new (bytes, n);
      PQfreemem (bytes);
      return out;
    }
  return g_bytes_new (v, strlen (v));
}

SrValueKind
sr_pg_column_kind (SrStmt *stmt,
                   int     column)
{
  if (!has_value (stmt, column))
    return SR_VALUE_NULL;
  switch (PQftype (stmt->result, column))
    {
    case SR_PG_BOOLOID:
    case SR_PG_INT8OID:
    case 21: /* smallint */
    case 23: /* integer */
      return SR_VALUE_INT;
    case 700:  /* real */
    case 701:  /* double precision */
    case 1700: /* numeric */
      return SR_VALUE_REAL;
    case SR_PG_BYTEAOID:
      return SR_VALUE_BLOB;
    default:
      return SR_VALUE_TEXT;
    }
}

gboolean
sr_pg_is_null (SrStmt *stmt,
               int     column)
{
  return !has_value (stmt, column);
}

/* Transactions ---------------------------------------------------------------- */

gboolean
sr_pg_begin (SrDb     *self,
             gboolean  read_only,
             GError  **error)
{
  if (!ensure_connection (self, error))
    return FALSE;
  self->pg_lost = FALSE;
  if (read_only)
    return run (self, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", error);
  if (!run (self, "BEGIN; SELECT pg_advisory_xact_lock (" SR_PG_WRITE_LOCK ")", error))
    {
      PQclear (PQexec (self->pg, "ROLLBACK"));
      return FALSE;
    }
  return TRUE;
}

gboolean
sr_pg_in_failed_transaction (SrDb *self)
{
  return self->pg_lost;
}

gboolean
sr_pg_data_version (SrDb    *self,
                    gint64  *out_version,
                    GError **error)
{
  PGnotify *note;

  if (!ensure_connection (self, error))
    return FALSE;
  if (!PQconsumeInput (self->pg))
    {
      set_error (self, NULL, error);
      return FALSE;
    }
  while ((note = PQnotifies (self->pg)) != NULL)
    {
      if (note->be_pid != PQbackendPID (self->pg))
        self->notifications++;
      PQfreemem (note);
    }
  *out_version = self->notifications;
  return TRUE;
}

/* The PCs' role -------------------------------------------------------------------- */

/* What a PCs' role may do: read and write the office's rows, use the id sequences; not
 * change the schema (it owns nothing), not delete or rewrite the audit log (only the two
 * texts an erasure takes a person's details out of, and the trigger allows that only
 * inside an erasure), not delete an erasure. */
static gboolean
apply_grants (SrDb        *self,
              const char  *role,
              GError     **error)
{
  g_autofree char *quoted = NULL;
  g_autofree char *sql = NULL;
  char *escaped = PQescapeIdentifier (self->pg, role, strlen (role));

  if (escaped == NULL)
    {
      g_set_error_literal (error, SR_STORE_ERROR, SR_STORE_ERROR_FAILED, PQerrorMessage (self->pg));
      return FALSE;
    }
  quoted = g_strdup (escaped);
  PQfreemem (escaped);
  sql = g_strdup_printf ("REVOKE CREATE ON SCHEMA public FROM PUBLIC;"
                         "GRANT USAGE ON SCHEMA public TO %1$s;"
                         "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %1$s;"
                         "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %1$s;"
                         "REVOKE INSERT, UPDATE, DELETE ON salesroom_schema, salesroom_grants FROM %1$s;"
                         "REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM %1$s;"
                         "GRANT UPDATE (before_json, after_json) ON audit_log TO %1$s;"
                         "REVOKE DELETE, TRUNCATE ON erasures FROM %1$s;", quoted);
  return run (self, sql, error);
}

gboolean
sr_db_grant_office_role (SrDb        *self,
                         const char  *role,
                         GError     **error)
{
  g_return_val_if_fail (SR_IS_DB (self), FALSE);

  if (self->pg == NULL)
    {
      g_set_error_literal (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                           _("Roles are the office server's: this is a database file."));
      return FALSE;
    }
  if (!sr_db_begin (self, error))
    return FALSE;
  if (!run (self, "CREATE TABLE IF NOT EXISTS salesroom_grants (role TEXT PRIMARY KEY)", error) ||
      !sr_db_run (self, error, "INSERT INTO salesroom_grants (role) VALUES (?1) ON CONFLICT DO NOTHING", "t", role) ||
      !apply_grants (self, role, error))
    {
      sr_db_rollback (self);
      return FALSE;
    }
  return sr_db_commit (self, error);
}

/* After the schema changed (new tables), the PCs' roles get the same rights on them. */
gboolean
sr_pg_regrant (SrDb    *self,
               GError **error)
{
  gint64 exists = 0;
  g_autoptr(GPtrArray) roles = g_ptr_array_new_with_free_func (g_free);
  PGresult *result;

  if (!query_int (self, "SELECT to_regclass ('salesroom_grants') IS NOT NULL", &exists, error))
    return FALSE;
  if (!exists)
    return TRUE;
  result = PQexec (self->pg, "SELECT role FROM salesroom_grants ORDER BY role");
  if (!result_ok (self, result, error))
    {
      PQclear (result);
      return FALSE;
    }
  for (int i = 0; i < PQntuples (result); i++)
    g_ptr_array_add (roles, g_strdup (PQgetvalue (result, i, 0)));
  PQclear (result);
  for (guint i = 0; i < roles->len; i++)
    if (!apply_grants (self, roles->pdata[i], error))
      return FALSE;
  return TRUE;
}

/* Backup: pg_dump's own format, restored with pg_restore. -------------------- */

/* Runs one of PostgreSQL's programs; its complaint is the error. */
static gboolean
run_tool (const char * const  *argv,
          const char          *what,
          GError             **error)
{
  g_autofree char *err_text = NULL;
  g_autoptr(GError) spawn_error = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, NULL, &err_text, &status, &spawn_error) ||
      !g_spawn_check_wait_status (status, NULL))
    {
      g_set_error (error, SR_STORE_ERROR, SR_STORE_ERROR_IO, "%s: %s", what,
                   spawn_error != NULL ? spawn_error->message : g_strstrip (err_text));
      return FALSE;
    }
  return TRUE;
}

gboolean
sr_pg_backup_to (SrDb        *self,
                 const char  *dest_path,
                 GError     **error)
{
  g_autofree char *tmp_path = g_strconcat (dest_path, ".partial", NULL);
  g_autofree char *what = g_strdup_printf (_("The office server could not be copied to %s"), dest_path);
  const char *argv[] = { "pg_dump", "--format=custom", "--no-owner", "--file", tmp_path,
                         "--dbname", self->conninfo, NULL };

  if (g_file_test (dest_path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT,
                   _("%s already exists; choose another name for the backup."), dest_path);
      return FALSE;
    }
  if (!run_tool (argv, what, error))
    {
      g_unlink (tmp_path);
      return FALSE;
    }
  g_chmod (tmp_path, 0600);
  if (g_rename (tmp_path, dest_path) != 0)
    {
      g_set_error (error, SR_STORE_ERROR, SR_STORE_ERROR_IO,
                   _("The backup could not be written to %s: %s"), dest_path, g_strerror (errno));
      g_unlink (tmp_path);
      return FALSE;
    }
  return TRUE;
}

gboolean
sr_db_restore_server (const char  *uri,
                      const char  *dump_path,
                      const char  *before_path,
                      GError     **error)
{
  g_autoptr(SrDb) now = NULL;
  g_autoptr(SrDb) after = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *what = NULL;
  const char *list_argv[] = { "pg_restore", "--list", dump_path, NULL };
  const char *restore_argv[] = { "pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction",
                                 "--exit-on-error", "--dbname", uri, dump_path, NULL };
  int status = 0;

  /* A Salesroom archive: pg_dump's, holding the schema table. */
  if (!g_spawn_sync (NULL, (char **) list_argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &listing, NULL, &status, NULL) ||
      !g_spawn_check_wait_status (status, NULL) || strstr (listing, "salesroom_schema") == NULL)
    {
      g_set_error (error, SR_STORE_ERROR, SR_STORE_ERROR_NOT_A_DATABASE,
                   _("%s is not a backup of a Salesroom office server. Nothing was restored."), dump_path);
      return FALSE;
    }
  now = sr_db_open (uri, SR_DB_OPEN_EXISTING, error);
  if (now == NULL || !sr_db_backup_to (now, before_path, error))
    {
      g_prefix_error (error, _("Nothing was restored: "));
      return FALSE;
    }
  g_clear_object (&now);
  what = g_strdup_printf (_("The backup %s could not be put back; the office server is as it was"), dump_path);
  if (!run_tool (restore_argv, what, error))
    return FALSE;
  /* Up to this version, and the PCs' roles given their rights again. */
  after = sr_db_open (uri, SR_DB_OPEN_EXISTING, error);
  return after != NULL && sr_pg_regrant (after, error) &&
         sr_db_exec (after, "SELECT pg_notify ('salesroom', '')", error);
}
