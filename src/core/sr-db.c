/* sr-db.c — the store: a SQLite file, or through sr-db-pg.c a PostgreSQL server.
 * See sr-db.h. */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <sqlite3.h>
#include <string.h>

#include "sr-db-private.h"
#include "sr-error.h"

/* 'SROM': marks a file as a Salesroom database (PRAGMA application_id). */
#define SR_APPLICATION_ID 0x53524F4D
#define SR_BUSY_TIMEOUT_MS 5000

G_DEFINE_FINAL_TYPE (SrDb, sr_db, G_TYPE_OBJECT)

static void
stmt_free (SrStmt *stmt)
{
  if (stmt->db->pg != NULL)
    sr_pg_stmt_free (stmt);
  else
    sqlite3_finalize (stmt->stmt);
  g_free (stmt);
}

static void
sr_db_finalize (GObject *object)
{
  SrDb *self = SR_DB (object);

  g_clear_pointer (&self->cache, g_hash_table_unref);
  if (self->handle != NULL)
    sqlite3_close_v2 (self->handle);
  sr_pg_close (self);
  g_free (self->path);

  G_OBJECT_CLASS (sr_db_parent_class)->finalize (object);
}

static void
sr_db_class_init (SrDbClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sr_db_finalize;
}

static void
sr_db_init (SrDb *self)
{
  self->cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) stmt_free);
}

/* Turns an SQLite result code into a GError a person can read. */
static void
set_error_from_code (GError    **error,
                     sqlite3    *handle,
                     int         code,
                     const char *path)
{
  const char *detail = handle != NULL ? sqlite3_errmsg (handle) : sqlite3_errstr (code);
  const char *where = path != NULL ? path : "";

  switch (code & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, SR_STORE_ERROR, SR_STORE_ERROR_BUSY,
                   _("The database is in use by another program and could not be written. "
                     "Try again in a moment."));
      break;
    case SQLITE_FULL:
      g_set_error (error, SR_STORE_ERROR, SR_STORE_ERROR_FULL,
                   _("The disk is full: nothing was saved. Free some space and try again."));
      break;
    case SQLITE_IOERR:
      g_set_error (error, SR_STORE_ERROR, SR_STORE_ERROR_IO,
                   _("The database could not be read or written (%s). Nothing was saved."),
                   detail);
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      g_set_error (error, SR_STORE_ERROR, SR_STORE_ERROR_READ_ONLY,
                   _("The database %s cannot be written: check the permissions of the file "
                     "and its folder."), where);
      break;
    case SQLITE_CANTOPEN:
      g_set_error (error, SR_STORE_ERROR, SR_STORE_ERROR_READ_ONLY,
                   _("The database %s cannot be opened: check that the folder exists and "
                     "can be written."), where);
      break;
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      g_set_error (error, SR_STORE_ERROR, SR_STORE_ERROR_NOT_A_DATABASE,
                   _("%s is not a Salesroom database or is damaged. It was left untouched."),
                   where);
      break;
    case SQLITE_CONSTRAINT:
      g_set_error (error, SR_STORE_ERROR, SR_STORE_ERROR_CONSTRAINT,
                   _("The database refused the change (%s)."), detail);
      break;
    default:
      g_set_error (error, SR_STORE_ERROR, SR_STORE_ERROR_FAILED,
                   _("Database error: %s"), detail);
      break;
    }
}

/* After a failure inside a transaction: whether SQLite ended the transaction itself (it
 * does on a full disk or an I/O error). Then the statements the caller may still run
 * would each commit on their own, half a change: refuse them until it rolls back. */
static void
note_failure (SrDb *self,
              int   code)
{
  if (self->depth > 0 && self->lost_code == 0 && sqlite3_get_autocommit (self->handle))
    self->lost_code = code;
}

static gboolean
transaction_lost (SrDb       *self,
                  const char *sql,
                  GError    **error)
{
  if (self->depth == 0 || self->lost_code == 0)
    return FALSE;
  g_debug ("refused after a lost transaction: %s", sql);
  set_error_from_code (error, NULL, self->lost_code, self->path);
  return TRUE;
}

static gboolean
check (SrDb    *self,
       int      code,
       GError **error)
{
  if (code == SQLITE_OK || code == SQLITE_DONE || code == SQLITE_ROW)
    return TRUE;
  set_error_from_code (error, self->handle, code, self->path);
  return FALSE;
}

gboolean
sr_db_exec (SrDb        *self,
            const char  *sql,
            GError     **error)
{
  g_return_val_if_fail (SR_IS_DB (self), FALSE);
  if (self->pg != NULL)
    return sr_pg_exec (self, sql, error);
  if (transaction_lost (self, sql, error))
    return FALSE;
  if (!check (self, sqlite3_exec (self->handle, sql, NULL, NULL, NULL), error))
    {
      note_failure (self, sqlite3_errcode (self->handle));
      return FALSE;
    }
  return TRUE;
}

static gboolean
pragma_int (SrDb       *self,
            const char *sql,
            gint64     *out,
            GError    **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->handle, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        *out = sqlite3_column_int64 (stmt, 0);
      else
        *out = 0;
    }
  sqlite3_finalize (stmt);
  return check (self, rc, error);
}

gboolean
sr_db_query_int (SrDb        *self,
                 const char  *sql,
                 gint64      *out_value,
                 GError     **error)
{
  if (self->pg != NULL)
    return sr_db_get_int (self, out_value, error, sql, "");
  return pragma_int (self, sql, out_value, error);
}

gboolean
sr_db_is_server (SrDb *self)
{
  g_return_val_if_fail (SR_IS_DB (self), FALSE);
  return self->pg != NULL;
}

/* How many parameters the statement takes. */
static int
param_count (SrStmt *stmt)
{
  return stmt->db->pg != NULL ? stmt->n_params : sqlite3_bind_parameter_count (stmt->stmt);
}

static SrStmt *
prepare_bound (SrDb        *self,
               const char  *sql,
               const char  *types,
               va_list      args,
               GError     **error)
{
  SrStmt *stmt = sr_db_prepare (self, sql, error);

  if (stmt == NULL)
    return NULL;
  /* One letter a parameter: a statement with more or fewer parameters than letters is a
   * programming error that would bind the wrong values; it is refused, not run. */
  if ((size_t) param_count (stmt) != strlen (types))
    {
      g_critical ("%d parameters but types “%s” in: %s", param_count (stmt), types, sql);
      g_set_error_literal (error, SR_STORE_ERROR, SR_STORE_ERROR_FAILED,
                           _("Salesroom made a mistake in a request to the database; nothing was changed."));
      sr_stmt_done (stmt);
      return NULL;
    }
  for (int i = 0; types[i] != '\0'; i++)
    {
      if (types[i] == 'i')
        sr_stmt_bind_int (stmt, i + 1, va_arg (args, gint64));
      else if (types[i] == 't')
        sr_stmt_bind_text (stmt, i + 1, va_arg (args, const char *));
      else
        g_return_val_if_reached (stmt);
    }
  return stmt;
}

gboolean
sr_db_run (SrDb        *self,
           GError     **error,
           const char  *sql,
           const char  *types,
           ...)
{
  g_autoptr(SrStmt) stmt = NULL;
  va_list args;

  va_start (args, types);
  stmt = prepare_bound (self, sql, types, args, error);
  va_end (args);
  return stmt != NULL && sr_stmt_exec (stmt, error);
}

gboolean
sr_db_get_int (SrDb        *self,
               gint64      *out_value,
               GError     **error,
               const char  *sql,
               const char  *types,
               ...)
{
  g_autoptr(SrStmt) stmt = NULL;
  va_list args;
  SrStep step;

  va_start (args, types);
  stmt = prepare_bound (self, sql, types, args, error);
  va_end (args);
  if (stmt == NULL)
    return FALSE;
  step = sr_stmt_step (stmt, error);
  if (step == SR_STEP_ERROR)
    return FALSE;
  *out_value = step == SR_STEP_ROW ? sr_stmt_get_int (stmt, 0) : 0;
  return TRUE;
}

/* Migrations ---------------------------------------------------------------- */

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Generated by glib-compile-resources; referencing it keeps the bundle (and the
 * constructor that registers it) in every program linking the static library. */
extern GResource *salesroom_get_resource (void);

/* The migration files in the resource bundle, sorted: 0001-…, 0002-…  */
static GPtrArray *
list_migrations (void)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) children = NULL;

  (void) salesroom_get_resource ();
  children = g_resources_enumerate_children (SR_SQL_RESOURCE_DIR, 0, NULL);

  for (guint i = 0; children != NULL && children[i] != NULL; i++)
    if (g_str_has_suffix (children[i], ".sql") && g_ascii_isdigit (children[i][0]))
      g_ptr_array_add (names, g_strdup (children[i]));
  g_ptr_array_sort (names, compare_names);
  return g_steal_pointer (&names);
}

int
sr_db_latest_schema_version (void)
{
  g_autoptr(GPtrArray) names = list_migrations ();
  int latest = 0;

  for (guint i = 0; i < names->len; i++)
    latest = MAX (latest, atoi (g_ptr_array_index (names, i)));
  return latest;
}

static gboolean
migrate (SrDb    *self,
         GError **error)
{
  g_autoptr(GPtrArray) names = list_migrations ();

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      int version = atoi (name);
      g_autofree char *resource = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *sql = NULL;
      g_autofree char *pragma = NULL;

      if (version <= self->schema_version)
        continue;

      resource = g_strconcat (SR_SQL_RESOURCE_DIR, name, NULL);
      bytes = g_resources_lookup_data (resource, 0, error);
      if (bytes == NULL)
        return FALSE;
      sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      pragma = g_strdup_printf ("PRAGMA user_version = %d", version);

      if (!sr_db_begin (self, error))
        return FALSE;
      if (self->pg != NULL ? !sr_pg_migrate_one (self, version, sql, error)
                           : (!sr_db_exec (self, sql, error) || !sr_db_exec (self, pragma, error)))
        {
          g_prefix_error (error, _("Could not update the database to version %d: "), version);
          sr_db_rollback (self);
          return FALSE;
        }
      if (!sr_db_commit (self, error))
        return FALSE;
      self->schema_version = version;
    }
  return TRUE;
}

/* Opening --------------------------------------------------------------------- */

char *
sr_db_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "salesroom", "salesroom.db", NULL);
}

gboolean
sr_db_path_exists (const char *path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* Looks at the file before SQLite does, so a wrong file is refused, never touched. */
static gboolean
check_file (const char     *path,
            SrDbOpenFlags   flags,
            gboolean       *out_exists,
            GError        **error)
{
  GStatBuf st;
  char header[16];
  FILE *f;
  size_t n;

  *out_exists = FALSE;
  if (g_stat (path, &st) != 0)
    {
      if (errno != ENOENT)
        {
          g_set_error (error, SR_STORE_ERROR, SR_STORE_ERROR_READ_ONLY,
                       _("The database %s cannot be read: %s"), path, g_strerror (errno));
          return FALSE;
        }
      if (!(flags & SR_DB_OPEN_CREATE))
        {
          g_set_error (error, SR_STORE_ERROR, SR_STORE_ERROR_NOT_FOUND,
                       _("There is no database at %s."), path);
          return FALSE;
        }
      return TRUE;
    }

  *out_exists = TRUE;
  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, SR_STORE_ERROR, SR_STORE_ERROR_NOT_A_DATABASE,
                   _("%s is a folder, not a Salesroom database."), path);
      return FALSE;
    }
  if (st.st_size == 0)
    {
      g_set_error (error, SR_STORE_ERROR, SR_STORE_ERROR_NOT_A_DATABASE,
                   _("%s is an empty file, not a Salesroom database. It was left untouched."),
                   path);
      return FALSE;
    }

  f = g_fopen (path, "rb");
  if (f == NULL)
    {
      g_set_error (error, SR_STORE_ERROR, SR_STORE_ERROR_READ_ONLY,
                   _("The database %s cannot be read: %s"), path, g_strerror (errno));
      return FALSE;
    }
  n = fread (header, 1, sizeof header, f);
  fclose (f);
  if (n != sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, SR_STORE_ERROR, SR_STORE_ERROR_NOT_A_DATABASE,
                   _("%s is not a Salesroom database or is damaged. It was left untouched."),
                   path);
      return FALSE;
    }
  return TRUE;
}

SrDb *
sr_db_open (const char     *path,
            SrDbOpenFlags   flags,
            GError        **error)
{
  g_autoptr(SrDb) self = NULL;
  gboolean exists = FALSE;
  gint64 app_id = 0, version = 0, tables = 0;
  int open_flags;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  if (sr_db_is_server_address (path))
    {
      int before;

      self = g_object_new (SR_TYPE_DB, NULL);
      self->is_read_only = (flags & SR_DB_OPEN_READ_ONLY) != 0;
      if (!sr_pg_open (self, path, flags, error))
        return NULL;
      before = self->schema_version;
      if (!self->is_read_only && !migrate (self, error))
        return NULL;
      /* New tables: the PCs' roles get their rights on them, once the update is done. */
      if (self->schema_version != before && !sr_pg_regrant (self, error))
        return NULL;
      return g_steal_pointer (&self);
    }

  if (!check_file (path, flags, &exists, error))
    return NULL;

  if (!exists)
    {
      g_autofree char *dir = g_path_get_dirname (path);
      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          g_set_error (error, SR_STORE_ERROR, SR_STORE_ERROR_READ_ONLY,
                       _("The folder %s cannot be created: %s"), dir, g_strerror (errno));
          return NULL;
        }
    }

  self = g_object_new (SR_TYPE_DB, NULL);
  self->path = g_strdup (path);
  self->is_read_only = (flags & SR_DB_OPEN_READ_ONLY) != 0;

  open_flags = SQLITE_OPEN_NOMUTEX;
  if (self->is_read_only)
    open_flags |= SQLITE_OPEN_READONLY;
  else
    open_flags |= SQLITE_OPEN_READWRITE | (exists ? 0 : SQLITE_OPEN_CREATE);

  rc = sqlite3_open_v2 (path, &self->handle, open_flags, NULL);
  if (rc != SQLITE_OK)
    {
      set_error_from_code (error, self->handle, rc, path);
      return NULL;
    }
  sqlite3_extended_result_codes (self->handle, 0);
  sqlite3_busy_timeout (self->handle, SR_BUSY_TIMEOUT_MS);
  /* Customers' data: a new database is the owner's alone (its -wal and -shm files take
   * the same permissions from it). */
  if (!exists)
    g_chmod (path, 0600);

  /* Read what the file says about itself before changing anything. */
  if (!pragma_int (self, "PRAGMA application_id", &app_id, error) ||
      !pragma_int (self, "PRAGMA user_version", &version, error) ||
      !pragma_int (self, "SELECT count(*) FROM sqlite_master", &tables, error))
    return NULL;

  if (exists && app_id != SR_APPLICATION_ID && !(app_id == 0 && tables == 0 && version == 0))
    {
      g_set_error (error, SR_STORE_ERROR, SR_STORE_ERROR_NOT_A_DATABASE,
                   _("%s is a database of another program, not of Salesroom. "
                     "It was left untouched."), path);
      return NULL;
    }
  if (version > sr_db_latest_schema_version ())
    {
      g_set_error (error, SR_STORE_ERROR, SR_STORE_ERROR_NEWER_SCHEMA,
                   _("%s was written by a newer version of Salesroom (database version %d; "
                     "this program knows up to %d). Install the newer Salesroom to open it. "
                     "The file was left untouched."),
                   path, (int) version, sr_db_latest_schema_version ());
      return NULL;
    }
  self->schema_version = (int) version;

  if (self->is_read_only)
    {
      if (version < sr_db_latest_schema_version () && !(flags & SR_DB_OPEN_INSPECT))
        {
          g_set_error (error, SR_STORE_ERROR, SR_STORE_ERROR_READ_ONLY,
                       _("%s was written by an older Salesroom and must be updated, "
                         "but it cannot be written."), path);
          return NULL;
        }
      if (!sr_db_exec (self, "PRAGMA foreign_keys = ON", error))
        return NULL;
      return g_steal_pointer (&self);
    }

  if (!sr_db_exec (self, "PRAGMA journal_mode = WAL", error) ||
      !sr_db_exec (self, "PRAGMA synchronous = FULL", error) ||
      !sr_db_exec (self, "PRAGMA foreign_keys = ON", error) ||
      /* 64 MiB of page cache: a 100,000-customer office fits, and a large write
       * transaction does not spill pages to the WAL one by one. */
      !sr_db_exec (self, "PRAGMA cache_size = -65536", error) ||
      !sr_db_exec (self, "PRAGMA temp_store = MEMORY", error))
    return NULL;

  if (app_id != SR_APPLICATION_ID)
    {
      g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d", SR_APPLICATION_ID);
      if (!sr_db_exec (self, sql, error))
        return NULL;
    }

  if (!migrate (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
sr_db_get_path (SrDb *self)
{
  g_return_val_if_fail (SR_IS_DB (self), NULL);
  return self->path;
}

char *
sr_db_dup_connection (SrDb *self)
{
  g_return_val_if_fail (SR_IS_DB (self), NULL);
  return g_strdup (self->pg != NULL ? self->conninfo : self->path);
}

int
sr_db_get_schema_version (SrDb *self)
{
  g_return_val_if_fail (SR_IS_DB (self), 0);
  return self->schema_version;
}

/* Statements ------------------------------------------------------------------ */

SrStmt *
sr_db_prepare (SrDb        *self,
               const char  *sql,
               GError     **error)
{
  SrStmt *stmt;
  int rc;

  g_return_val_if_fail (SR_IS_DB (self), NULL);

  stmt = g_hash_table_lookup (self->cache, sql);
  if (stmt != NULL && !stmt->in_use)
    {
      stmt->in_use = TRUE;
      return stmt;
    }

  /* Not cached, or the cached one is busy (a nested use of the same query). */
  if (self->pg != NULL)
    {
      SrStmt *fresh = g_new0 (SrStmt, 1);
      fresh->db = self;
      fresh->in_use = TRUE;
      fresh->is_cached = (stmt == NULL);
      sr_pg_prepare (fresh, sql);
      if (fresh->is_cached)
        g_hash_table_insert (self->cache, g_strdup (sql), fresh);
      return fresh;
    }
  {
    sqlite3_stmt *raw = NULL;

    rc = sqlite3_prepare_v3 (self->handle, sql, -1,
                             stmt == NULL ? SQLITE_PREPARE_PERSISTENT : 0, &raw, NULL);
    if (rc != SQLITE_OK)
      {
        set_error_from_code (error, self->handle, rc, self->path);
        return NULL;
      }
    if (raw == NULL)
      {
        g_set_error (error, SR_STORE_ERROR, SR_STORE_ERROR_FAILED,
                     "empty statement: %s", sql);
        return NULL;
      }
    {
      SrStmt *fresh = g_new0 (SrStmt, 1);
      fresh->stmt = raw;
      fresh->db = self;
      fresh->in_use = TRUE;
      fresh->is_cached = (stmt == NULL);
      if (fresh->is_cached)
        g_hash_table_insert (self->cache, g_strdup (sql), fresh);
      return fresh;
    }
  }
}

void
sr_stmt_bind_int (SrStmt *stmt,
                  int     index,
                  gint64  value)
{
  if (stmt->db->pg != NULL)
    {
      char text[24];
      g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, value);
      sr_pg_bind (stmt, index, text, strlen (text), SR_PG_INT8OID);
      return;
    }
  sqlite3_bind_int64 (stmt->stmt, index, value);
}

void
sr_stmt_bind_text (SrStmt     *stmt,
                   int         index,
                   const char *value)
{
  if (stmt->db->pg != NULL)
    sr_pg_bind (stmt, index, value, value != NULL ? strlen (value) : 0, SR_PG_TEXTOID);
  else if (value == NULL)
    sqlite3_bind_null (stmt->stmt, index);
  else
    sqlite3_bind_text (stmt->stmt, index, value, -1, SQLITE_TRANSIENT);
}

void
sr_stmt_bind_null (SrStmt *stmt,
                   int     index)
{
  if (stmt->db->pg != NULL)
    sr_pg_bind (stmt, index, NULL, 0, 0);
  else
    sqlite3_bind_null (stmt->stmt, index);
}

void
sr_stmt_bind_blob (SrStmt *stmt,
                   int     index,
                   GBytes *bytes)
{
  gsize size = 0;
  gconstpointer data;

  if (bytes == NULL)
    {
      sr_stmt_bind_null (stmt, index);
      return;
    }
  data = g_bytes_get_data (bytes, &size);
  if (stmt->db->pg != NULL)
    {
      sr_pg_bind (stmt, index, data != NULL ? data : "", size, SR_PG_BYTEAOID);
      return;
    }
  sqlite3_bind_blob64 (stmt->stmt, index, data != NULL ? data : "", size, SQLITE_TRANSIENT);
}

SrStep
sr_stmt_step (SrStmt  *stmt,
              GError **error)
{
  int rc;

  if (stmt->db->pg != NULL)
    return sr_pg_step (stmt, error);
  /* Reads may go on (a setting read with its default on failure); writes may not. */
  if (!sqlite3_stmt_readonly (stmt->stmt) && transaction_lost (stmt->db, sqlite3_sql (stmt->stmt), error))
    return SR_STEP_ERROR;
  rc = sqlite3_step (stmt->stmt);
  if (rc == SQLITE_ROW)
    return SR_STEP_ROW;
  if (rc == SQLITE_DONE)
    return SR_STEP_DONE;
  set_error_from_code (error, stmt->db->handle, rc, stmt->db->path);
  note_failure (stmt->db, rc);
  return SR_STEP_ERROR;
}

gboolean
sr_stmt_exec (SrStmt  *stmt,
              GError **error)
{
  SrStep step;

  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    ;
  return step == SR_STEP_DONE;
}

gint64
sr_stmt_get_int (SrStmt *stmt,
                 int     column)
{
  if (stmt->db->pg != NULL)
    return sr_pg_get_int (stmt, column);
  return sqlite3_column_int64 (stmt->stmt, column);
}

const char *
sr_stmt_get_text (SrStmt *stmt,
                  int     column)
{
  if (stmt->db->pg != NULL)
    return sr_pg_get_text (stmt, column);
  return (const char *) sqlite3_column_text (stmt->stmt, column);
}

char *
sr_stmt_dup_text (SrStmt *stmt,
                  int     column)
{
  return g_strdup (sr_stmt_get_text (stmt, column));
}

GBytes *
sr_stmt_dup_blob (SrStmt *stmt,
                  int     column)
{
  gconstpointer data;
  int size;

  if (stmt->db->pg != NULL)
    return sr_pg_dup_blob (stmt, column);
  if (sqlite3_column_type (stmt->stmt, column) == SQLITE_NULL)
    return NULL;
  data = sqlite3_column_blob (stmt->stmt, column);
  size = sqlite3_column_bytes (stmt->stmt, column);
  return g_bytes_new (data, (gsize) MAX (size, 0));
}

gboolean
sr_stmt_is_null (SrStmt *stmt,
                 int     column)
{
  if (stmt->db->pg != NULL)
    return sr_pg_is_null (stmt, column);
  return sqlite3_column_type (stmt->stmt, column) == SQLITE_NULL;
}

SrValueKind
sr_stmt_column_kind (SrStmt *stmt,
                     int     column)
{
  if (stmt->db->pg != NULL)
    return sr_pg_column_kind (stmt, column);
  switch (sqlite3_column_type (stmt->stmt, column))
    {
    case SQLITE_INTEGER:
      return SR_VALUE_INT;
    case SQLITE_FLOAT:
      return SR_VALUE_REAL;
    case SQLITE_BLOB:
      return SR_VALUE_BLOB;
    case SQLITE_TEXT:
      return SR_VALUE_TEXT;
    default:
      return SR_VALUE_NULL;
    }
}

void
sr_stmt_reset (SrStmt *stmt)
{
  if (stmt->db->pg != NULL)
    {
      sr_pg_reset (stmt);
      return;
    }
  sqlite3_reset (stmt->stmt);
  sqlite3_clear_bindings (stmt->stmt);
}

void
sr_stmt_done (SrStmt *stmt)
{
  if (stmt == NULL)
    return;
  if (!stmt->is_cached)
    {
      stmt_free (stmt);
      return;
    }
  sr_stmt_reset (stmt);
  stmt->in_use = FALSE;
}

gint64
sr_db_changes (SrDb *self)
{
  if (self->pg != NULL)
    return self->changes;
  return sqlite3_changes64 (self->handle);
}

/* Transactions ------------------------------------------------------------------ */

gboolean
sr_db_begin (SrDb    *self,
             GError **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (SR_IS_DB (self), FALSE);

  /* A write inside a read transaction would be told "saved" before it is (the COMMIT
   * comes at sr_db_end_read) and fails outright when another connection wrote since the
   * snapshot: refused. */
  if (self->depth == 0 && self->reading)
    {
      g_critical ("a write transaction begun inside a read transaction");
      g_set_error_literal (error, SR_STORE_ERROR, SR_STORE_ERROR_FAILED,
                           _("Salesroom made a mistake in a request to the database; nothing was changed."));
      return FALSE;
    }
  if (self->depth == 0 && self->pg != NULL)
    {
      if (!sr_pg_begin (self, FALSE, error))
        return FALSE;
      self->depth++;
      return TRUE;
    }
  if (self->depth == 0)
    sql = g_strdup ("BEGIN IMMEDIATE");
  else
    sql = g_strdup_printf ("SAVEPOINT sr_%d", self->depth);
  if (!sr_db_exec (self, sql, error))
    return FALSE;
  self->depth++;
  return TRUE;
}

gboolean
sr_db_commit (SrDb    *self,
              GError **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (SR_IS_DB (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (self->depth == 1)
    sql = g_strdup ("COMMIT");
  else
    sql = g_strdup_printf ("RELEASE sr_%d", self->depth - 1);
  /* On the server a failed statement has ended the transaction: nothing of it is kept. */
  if (self->pg != NULL && sr_pg_in_failed_transaction (self))
    {
      g_set_error_literal (error, SR_STORE_ERROR, SR_STORE_ERROR_FAILED,
                           _("A step of the change failed, so nothing of it was saved."));
      sr_db_rollback (self);
      return FALSE;
    }
  if (!sr_db_exec (self, sql, error))
    {
      /* A failed COMMIT (disk full, I/O) leaves nothing half-written: roll back. */
      sr_db_rollback (self);
      return FALSE;
    }
  self->depth--;
  return TRUE;
}

void
sr_db_rollback (SrDb *self)
{
  g_return_if_fail (SR_IS_DB (self));

  if (self->depth == 0)
    return;
  if (self->pg != NULL)
    {
      g_autofree char *sql = self->depth == 1
        ? g_strdup ("ROLLBACK")
        : g_strdup_printf ("ROLLBACK TO sr_%d; RELEASE sr_%d", self->depth - 1, self->depth - 1);
      if (PQtransactionStatus (self->pg) != PQTRANS_IDLE)
        {
          PGresult *result = PQexec (self->pg, sql);
          /* Back at the savepoint, the transaction can go on. */
          if (PQresultStatus (result) == PGRES_COMMAND_OK && self->depth > 1)
            self->pg_lost = FALSE;
          PQclear (result);
        }
    }
  else if (self->depth == 1)
    {
      if (sqlite3_get_autocommit (self->handle) == 0)
        sqlite3_exec (self->handle, "ROLLBACK", NULL, NULL, NULL);
    }
  else
    {
      g_autofree char *sql = g_strdup_printf ("ROLLBACK TO sr_%d; RELEASE sr_%d",
                                              self->depth - 1, self->depth - 1);
      sqlite3_exec (self->handle, sql, NULL, NULL, NULL);
    }
  self->depth--;
  if (self->depth == 0)
    {
      self->lost_code = 0;
      self->pg_lost = FALSE;
    }
}

gboolean
sr_db_data_version (SrDb    *self,
                    gint64  *out_version,
                    GError **error)
{
  if (self->pg != NULL)
    return sr_pg_data_version (self, out_version, error);
  return sr_db_query_int (self, "PRAGMA data_version", out_version, error);
}

int
sr_db_get_socket (SrDb *self)
{
  g_return_val_if_fail (SR_IS_DB (self), -1);
  if (self->pg == NULL || PQstatus (self->pg) != CONNECTION_OK)
    return -1;
  return PQsocket (self->pg);
}

gboolean
sr_db_begin_read (SrDb    *self,
                  GError **error)
{
  g_return_val_if_fail (SR_IS_DB (self), FALSE);

  if (self->depth == 0 && self->read_depth == 0)
    {
      /* Deferred: the snapshot is taken at the first read, and no lock is held against
       * the other PCs' and windows' writers (WAL). */
      if (self->pg != NULL ? !sr_pg_begin (self, TRUE, error)
                           : !sr_db_exec (self, "BEGIN DEFERRED", error))
        return FALSE;
      self->reading = TRUE;
    }
  self->read_depth++;
  return TRUE;
}

void
sr_db_end_read (SrDb *self)
{
  g_return_if_fail (SR_IS_DB (self));
  g_return_if_fail (self->read_depth > 0);

  if (--self->read_depth == 0 && self->reading)
    {
      self->reading = FALSE;
      if (self->pg != NULL)
        {
          if (PQtransactionStatus (self->pg) != PQTRANS_IDLE)
            PQclear (PQexec (self->pg, self->pg_lost ? "ROLLBACK" : "COMMIT"));
          self->pg_lost = FALSE;
        }
      else if (sqlite3_get_autocommit (self->handle) == 0 &&
          sqlite3_exec (self->handle, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        sqlite3_exec (self->handle, "ROLLBACK", NULL, NULL, NULL);
    }
}

gboolean
sr_db_in_transaction (SrDb *self)
{
  return self->depth > 0;
}

/* Backup ---------------------------------------------------------------------- */

/* A copy that failed leaves nothing: the partial file and its journal go. */
static void
remove_partial (const char *tmp_path)
{
  g_autofree char *journal = g_strconcat (tmp_path, "-journal", NULL);
  g_autofree char *wal = g_strconcat (tmp_path, "-wal", NULL);
  g_unlink (tmp_path);
  g_unlink (journal);
  g_unlink (wal);
}

gboolean
sr_db_backup_to (SrDb        *self,
                 const char  *dest_path,
                 GError     **error)
{
  g_autofree char *tmp_path = NULL;
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  g_return_val_if_fail (SR_IS_DB (self), FALSE);

  if (self->pg != NULL)
    return sr_pg_backup_to (self, dest_path, error);
  if (g_file_test (dest_path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT,
                   _("%s already exists; choose another name for the backup."), dest_path);
      return FALSE;
    }

  tmp_path = g_strconcat (dest_path, ".partial", NULL);
  remove_partial (tmp_path);
  rc = sqlite3_open_v2 (tmp_path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      set_error_from_code (error, dest, rc, dest_path);
      sqlite3_close_v2 (dest);
      return FALSE;
    }
  /* The copy is the owner's alone (SQLite made the file as the umask allows). */
  g_chmod (tmp_path, 0600);

  backup = sqlite3_backup_init (dest, "main", self->handle, "main");
  if (backup == NULL)
    {
      set_error_from_code (error, dest, sqlite3_errcode (dest), dest_path);
      sqlite3_close_v2 (dest);
      remove_partial (tmp_path);
      return FALSE;
    }
  do
    {
      rc = sqlite3_backup_step (backup, 1024);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        g_usleep (20000);
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish (backup);

  if (rc != SQLITE_DONE)
    {
      set_error_from_code (error, dest, rc, dest_path);
      sqlite3_close_v2 (dest);
      remove_partial (tmp_path);
      return FALSE;
    }

  /* The copy is a plain rollback-journal file: one self-contained file to keep. */
  rc = sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  sqlite3_close_v2 (dest);
  if (rc != SQLITE_OK)
    {
      set_error_from_code (error, NULL, rc, dest_path);
      remove_partial (tmp_path);
      return FALSE;
    }
  if (g_rename (tmp_path, dest_path) != 0)
    {
      g_set_error (error, SR_STORE_ERROR, SR_STORE_ERROR_IO,
                   _("The backup could not be written to %s: %s"), dest_path,
                   g_strerror (errno));
      remove_partial (tmp_path);
      return FALSE;
    }
  return TRUE;
}

gboolean
sr_db_is_empty (SrDb     *self,
                gboolean *out_empty,
                GError  **error)
{
  gint64 n = 0;

  /* The office row exists from the first run on; staff exist too. */
  if (!sr_db_query_int (self, "SELECT (SELECT count(*) FROM office) + (SELECT count(*) FROM staff)",
                        &n, error))
    return FALSE;
  *out_empty = (n == 0);
  return TRUE;
}
