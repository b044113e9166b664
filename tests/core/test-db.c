/* The store: opening, refusing wrong files, migrations, transactions, the audit log,
 * backups. */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "common/sr-test-util.h"
#include "core/sr-audit.h"
#include "core/sr-bookings.h"
#include "core/sr-units.h"
#include "core/sr-backups.h"
#include "core/sr-customers.h"
#include "core/sr-error.h"
#include "core/sr-staff.h"

static void
write_file (const char *path,
            const char *data,
            gssize      len)
{
  g_autoptr(GError) error = NULL;
  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
}

static char *
read_file (const char *path,
           gsize      *len)
{
  char *data = NULL;
  g_assert_true (g_file_get_contents (path, &data, len, NULL));
  return data;
}

static void
test_create_and_reopen (void)
{
  g_autofree char *dir = sr_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "sub", "office.db", NULL);
  g_autoptr(GError) error = NULL;
  SrDb *db;
  gint64 value = 0;

  /* Without CREATE a missing file is an error, and nothing is created. */
  db = sr_db_open (path, SR_DB_OPEN_EXISTING, &error);
  g_assert_null (db);
  g_assert_error (error, SR_STORE_ERROR, SR_STORE_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  db = sr_db_open (path, SR_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sr_db_get_schema_version (db), ==, sr_db_latest_schema_version ());
  g_assert_cmpint (sr_db_latest_schema_version (), >=, 1);
  g_assert_true (sr_db_query_int (db, "PRAGMA foreign_keys", &value, &error));
  g_assert_cmpint (value, ==, 1);
  g_assert_true (sr_db_query_int (db, "PRAGMA synchronous", &value, &error));
  g_assert_cmpint (value, ==, 2); /* FULL */
  g_object_unref (db);

  db = sr_db_open (path, SR_DB_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  {
    g_autoptr(SrStmt) stmt = sr_db_prepare (db, "PRAGMA journal_mode", &error);
    g_assert_cmpint (sr_stmt_step (stmt, &error), ==, SR_STEP_ROW);
    g_assert_cmpstr (sr_stmt_get_text (stmt, 0), ==, "wal");
  }
  g_object_unref (db);
  sr_test_remove_tree (dir);
}

static void
assert_refused_untouched (const char *path,
                          int         code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len = 0, after_len = 0;
  SrDb *db;

  before = read_file (path, &before_len);
  db = sr_db_open (path, SR_DB_OPEN_CREATE, &error);
  g_assert_null (db);
  g_assert_error (error, SR_STORE_ERROR, code);
  g_assert_nonnull (strstr (error->message, path));
  after = read_file (path, &after_len);
  g_assert_cmpmem (before, before_len, after, after_len);
}

static void
test_refuses_wrong_files (void)
{
  g_autofree char *dir = sr_test_tmp_dir ();
  g_autofree char *empty = g_build_filename (dir, "empty.db", NULL);
  g_autofree char *text = g_build_filename (dir, "notes.db", NULL);
  g_autofree char *other = g_build_filename (dir, "other.db", NULL);
  g_autofree char *truncated = g_build_filename (dir, "truncated.db", NULL);
  g_autoptr(GError) error = NULL;

  write_file (empty, "", 0);
  assert_refused_untouched (empty, SR_STORE_ERROR_NOT_A_DATABASE);

  write_file (text, "客户名单\n张三 13800138000\n", -1);
  assert_refused_untouched (text, SR_STORE_ERROR_NOT_A_DATABASE);

  /* Another program's SQLite database. */
  {
    g_autofree char *cmd = g_strdup_printf ("sqlite3 '%s' 'CREATE TABLE x (a); INSERT INTO x VALUES (1);'", other);
    int status = system (cmd);
    g_assert_cmpint (status, ==, 0);
  }
  assert_refused_untouched (other, SR_STORE_ERROR_NOT_A_DATABASE);

  /* A Salesroom database cut short. */
  {
    g_autoptr(SrContext) ctx = sr_test_context_new (SR_OFFICE_PROPERTY);
    g_autofree char *data = NULL;
    gsize len = 0;
    const char *src = sr_db_get_path (sr_context_get_db (ctx));
    g_autoptr(SrDb) db2 = NULL;
    g_autoptr(SrStmt) stmt = NULL;
    SrDb *db;
    /* Move the WAL into the main file first. */
    g_assert_true (sr_db_exec (sr_context_get_db (ctx), "PRAGMA wal_checkpoint(TRUNCATE)", &error));
    data = read_file (src, &len);
    g_assert_cmpuint (len, >, 8192);
    write_file (truncated, data, 4096 + 100);
    db = sr_db_open (truncated, SR_DB_OPEN_EXISTING, &error);
    if (db != NULL)
      {
        /* SQLite may open a cut file; reading the lost pages must then fail cleanly. */
        gint64 n = 0;
        g_assert_false (sr_db_query_int (db, "SELECT count(*) FROM staff", &n, &error));
        g_assert_error (error, SR_STORE_ERROR, SR_STORE_ERROR_NOT_A_DATABASE);
        g_object_unref (db);
      }
    else
      g_assert_error (error, SR_STORE_ERROR, SR_STORE_ERROR_NOT_A_DATABASE);
    g_clear_error (&error);
    sr_test_context_finish (g_steal_pointer (&ctx));
  }

  /* A folder is not a database. */
  {
    SrDb *db = sr_db_open (dir, SR_DB_OPEN_CREATE, &error);
    g_assert_null (db);
    g_assert_error (error, SR_STORE_ERROR, SR_STORE_ERROR_NOT_A_DATABASE);
  }
  sr_test_remove_tree (dir);
}

static void
test_refuses_newer_schema (void)
{
  g_autofree char *dir = sr_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "newer.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *cmd = NULL;
  SrDb *db = sr_db_open (path, SR_DB_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_true (sr_db_exec (db, "PRAGMA user_version = 999", &error));
  g_object_unref (db);
  /* Leave it in rollback-journal mode so the bytes on disk are all there is. */
  cmd = g_strdup_printf ("sqlite3 '%s' 'PRAGMA journal_mode=DELETE;' >/dev/null", path);
  g_assert_cmpint (system (cmd), ==, 0);

  assert_refused_untouched (path, SR_STORE_ERROR_NEWER_SCHEMA);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  }
  sr_test_remove_tree (dir);
}

static void
test_unwritable_folder (void)
{
  g_autofree char *dir = sr_test_tmp_dir ();
  g_autofree char *locked = g_build_filename (dir, "locked", NULL);
  g_autofree char *path = g_build_filename (locked, "office.db", NULL);
  g_autoptr(GError) error = NULL;
  SrDb *db;

  if (getuid () == 0)
    {
      /* root writes anywhere; a path under a file can never be created. */
      write_file (locked, "x", 1);
    }
  else
    g_assert_cmpint (g_mkdir (locked, 0500), ==, 0);
  db = sr_db_open (path, SR_DB_OPEN_CREATE, &error);
  g_assert_null (db);
  g_assert_error (error, SR_STORE_ERROR, SR_STORE_ERROR_READ_ONLY);
  g_chmod (locked, 0700);
  sr_test_remove_tree (dir);
}

/* Another program holds the write lock past the busy timeout: the write is refused with
 * a message saying so, nothing is written, and it goes through once the lock is let go. */
static void
test_locked_database (void)
{
  g_autoptr(SrContext) ctx = sr_test_context_new (SR_OFFICE_PROPERTY);
  SrDb *db = sr_context_get_db (ctx);
  g_autoptr(GError) error = NULL;
  g_autoptr(SrDb) other = sr_db_open (sr_db_get_path (db), SR_DB_OPEN_EXISTING, &error);
  gint64 n = -1, before = -1;
  gint64 start;

  g_assert_no_error (error);
  g_assert_true (sr_db_query_int (db, "SELECT count(*) FROM media_sources", &before, NULL));
  g_assert_true (sr_db_begin (other, &error));
  start = g_get_monotonic_time ();
  g_assert_false (sr_db_run (db, &error, "INSERT INTO media_sources (name, position) VALUES ('锁住', 999)", ""));
  g_assert_error (error, SR_STORE_ERROR, SR_STORE_ERROR_BUSY);
  g_assert_cmpstr (error->message, ==, "The database is in use by another program and could not be written. "
                                       "Try again in a moment.");
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 4 * G_USEC_PER_SEC);   /* it waited first */
  g_clear_error (&error);
  /* Reading goes on meanwhile. */
  g_assert_true (sr_db_query_int (db, "SELECT count(*) FROM media_sources", &n, &error));
  g_assert_cmpint (n, ==, before);
  g_assert_true (sr_db_commit (other, &error));
  g_assert_true (sr_db_run (db, &error, "INSERT INTO media_sources (name, position) VALUES ('锁住', 999)", ""));
  g_assert_true (sr_db_query_int (db, "SELECT count(*) FROM media_sources", &n, &error));
  g_assert_cmpint (n, ==, before + 1);
  g_clear_object (&other);
  sr_test_context_finish (g_steal_pointer (&ctx));
}

/* A database file that may not be written (not testable as root, who writes anyway):
 * it opens, and the first write is refused with the permissions message. */
static void
test_read_only_file (void)
{
  g_autoptr(SrContext) ctx = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(SrDb) db = NULL;

  if (getuid () == 0)
    {
      g_test_skip ("root may write a read-only file");
      return;
    }
  ctx = sr_test_context_new (SR_OFFICE_PROPERTY);
  path = g_strdup (sr_db_get_path (sr_context_get_db (ctx)));
  g_assert_true (sr_db_exec (sr_context_get_db (ctx), "PRAGMA wal_checkpoint(TRUNCATE)", &error));
  g_assert_cmpint (g_chmod (path, 0400), ==, 0);
  db = sr_db_open (path, SR_DB_OPEN_EXISTING, &error);
  if (db != NULL)
    {
      g_assert_false (sr_db_run (db, &error, "INSERT INTO media_sources (name, position) VALUES ('只读', 999)", ""));
      g_assert_error (error, SR_STORE_ERROR, SR_STORE_ERROR_READ_ONLY);
    }
  else
    g_assert_error (error, SR_STORE_ERROR, SR_STORE_ERROR_READ_ONLY);
  g_clear_object (&db);
  g_chmod (path, 0600);
  sr_test_context_finish (g_steal_pointer (&ctx));
}

/* The audit viewer: filters, masking for who may not see phones, refusal for who may
 * not read the log, and the export (a formula stays text). */
static void
test_audit_viewer (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_PROPERTY);
  g_autoptr(SrContext) mgr = sr_test_context_as (admin, "jingli", SR_ROLE_MANAGER);
  g_autoptr(SrContext) gw = sr_test_context_as (admin, "guwen", SR_ROLE_CONSULTANT);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  const char *phones[] = { "13812345678", NULL };
  SrCustomerInput in = { "=HYPERLINK(\"http://x\")", NULL, "call", 0, NULL, 0, phones, FALSE, 0 };
  SrAuditFilter f = { 0 };
  gint64 total = 0, customer;
  g_autofree char *masked = sr_audit_mask_text ("{\"phone\":\"13812345678\",\"id\":\"11010519491231002X\",\"n\":42,"
                                                "\"tel\":\"057188886666\"}");

  g_assert_cmpstr (masked, ==, "{\"phone\":\"138****5678\",\"id\":\"110105********002X\",\"n\":42,"
                               "\"tel\":\"057****6666\"}");
  customer = sr_customers_add (mgr, &in, &error);
  g_assert_no_error (error);
  /* A change that holds a phone, as the log keeps it. */
  g_assert_true (sr_db_begin (sr_context_get_db (mgr), NULL));
  g_assert_true (sr_audit_write (mgr, "phone", "customers", customer, NULL, "{\"phone\":\"13812345678\"}", &error));
  g_assert_true (sr_audit_write (mgr, "note", "customers", customer, "=HYPERLINK(\"http://x\",\"点我\")", NULL, &error));
  g_assert_true (sr_db_commit (sr_context_get_db (mgr), NULL));

  /* Who may not read it. */
  g_assert_null (sr_audit_find (gw, &f, 10, NULL, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED);
  g_clear_error (&error);

  /* By person and kind; the manager sees the number, the administrator a masked one. */
  f.actor_id = sr_test_staff_id (mgr);
  f.action = "phone";
  f.table = "customers";
  rows = sr_audit_find (mgr, &f, 10, &total, &error);
  g_assert_no_error (error);
  g_assert_cmpint (total, ==, 1);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpint (((SrAuditEntry *) rows->pdata[0])->row_id, ==, customer);
  g_assert_nonnull (strstr (((SrAuditEntry *) rows->pdata[0])->after_json, "13812345678"));
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = sr_audit_find (admin, &f, 10, NULL, &error);
  g_assert_nonnull (strstr (((SrAuditEntry *) rows->pdata[0])->after_json, "138****5678"));
  g_assert_null (strstr (((SrAuditEntry *) rows->pdata[0])->after_json, "13812345678"));
  g_clear_pointer (&rows, g_ptr_array_unref);
  /* By days: nothing before the test's today, the row on it; a bad day is refused. */
  f.from_day = "2026-11-01";
  f.to_day = "2026-11-22";
  rows = sr_audit_find (mgr, &f, 10, &total, &error);
  g_assert_cmpint (total, ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);
  f.to_day = SR_TEST_NOW_DAY;
  rows = sr_audit_find (mgr, &f, 10, &total, &error);
  g_assert_cmpint (total, ==, 1);
  g_clear_pointer (&rows, g_ptr_array_unref);
  f.to_day = "2026-13-40";
  g_assert_null (sr_audit_find (mgr, &f, 10, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  /* By text, anywhere. */
  {
    SrAuditFilter t = { 0 };
    t.text = "jingli";
    rows = sr_audit_find (mgr, &t, 0, &total, &error);
    g_assert_cmpint (total, >=, 1);
    g_assert_cmpuint (rows->len, ==, (guint) total);
    g_clear_pointer (&rows, g_ptr_array_unref);
  }
  {
    g_auto(GStrv) actions = sr_audit_actions (mgr, &error);
    g_assert_true (g_strv_contains ((const char * const *) actions, "phone"));
  }
  /* The export: every matching row, masked for the administrator, a formula kept text. */
  {
    g_autofree char *dir = sr_test_tmp_dir ();
    g_autofree char *csv = g_build_filename (dir, "audit.csv", NULL);
    g_autofree char *data = NULL;
    SrAuditFilter all = { 0 };
    gint64 n = sr_audit_export_csv (admin, &all, csv, &error);
    g_assert_no_error (error);
    g_assert_cmpint (n, >, 1);
    g_assert_true (g_file_get_contents (csv, &data, NULL, NULL));
    g_assert_true (g_str_has_prefix (data, "\xEF\xBB\xBFTime,Who,Action,Table,Row,Before,After\r\n"));
    g_assert_nonnull (strstr (data, "138****5678"));
    g_assert_null (strstr (data, "13812345678"));
    g_assert_nonnull (strstr (data, ",\"'=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\","));
    g_assert_cmpint (sr_audit_export_csv (admin, &all, "/nonexistent-folder/audit.csv", &error), ==, -1);
    g_assert_nonnull (error);
    g_clear_error (&error);
  }
  g_clear_object (&mgr);
  g_clear_object (&gw);
  sr_test_context_finish (g_steal_pointer (&admin));
}

static void
test_transactions_roll_back (void)
{
  g_autoptr(SrContext) ctx = sr_test_context_new (SR_OFFICE_PROPERTY);
  SrDb *db = sr_context_get_db (ctx);
  g_autoptr(GError) error = NULL;
  gint64 n = 0;

  g_assert_true (sr_db_begin (db, &error));
  g_assert_true (sr_db_exec (db, "INSERT INTO projects (name) VALUES ('甲')", &error));
  g_assert_true (sr_db_begin (db, &error)); /* nested: a savepoint */
  g_assert_true (sr_db_exec (db, "INSERT INTO projects (name) VALUES ('乙')", &error));
  sr_db_rollback (db);
  g_assert_true (sr_db_commit (db, &error));
  g_assert_true (sr_db_query_int (db, "SELECT count(*) FROM projects", &n, &error));
  g_assert_cmpint (n, ==, 1);

  /* A constraint failure inside a transaction leaves nothing behind. */
  g_assert_true (sr_db_begin (db, &error));
  g_assert_true (sr_db_exec (db, "INSERT INTO projects (name) VALUES ('丙')", &error));
  g_assert_false (sr_db_exec (db, "INSERT INTO projects (name) VALUES ('甲')", &error));
  g_assert_error (error, SR_STORE_ERROR, SR_STORE_ERROR_CONSTRAINT);
  sr_db_rollback (db);
  g_assert_false (sr_db_in_transaction (db));
  g_assert_true (sr_db_query_int (db, "SELECT count(*) FROM projects", &n, NULL));
  g_assert_cmpint (n, ==, 1);
  sr_test_context_finish (g_steal_pointer (&ctx));
}

static void
test_audit_is_append_only (void)
{
  g_autoptr(SrContext) ctx = sr_test_context_new (SR_OFFICE_PROPERTY);
  SrDb *db = sr_context_get_db (ctx);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gint64 n = 0;

  g_assert_true (sr_db_query_int (db, "SELECT count(*) FROM audit_log", &n, &error));
  g_assert_cmpint (n, >, 0);
  g_assert_false (sr_db_exec (db, "UPDATE audit_log SET actor_label = 'someone else'", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (sr_db_exec (db, "DELETE FROM audit_log", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* The office's creation is recorded with the first-run assistant as actor. */
  rows = sr_audit_list (ctx, "office", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  {
    SrAuditEntry *e = g_ptr_array_index (rows, 0);
    g_assert_cmpstr (e->action, ==, "create");
    g_assert_true (g_str_has_prefix (e->actor, "first-run assistant"));
    g_assert_nonnull (strstr (e->after_json, "\"name\":\"测试售楼处\""));
  }
  sr_test_context_finish (g_steal_pointer (&ctx));
}

static void
test_backup_copy (void)
{
  g_autoptr(SrContext) ctx = sr_test_context_new (SR_OFFICE_PROPERTY);
  g_autofree char *dir = sr_test_tmp_dir ();
  g_autofree char *copy = g_build_filename (dir, "copy.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SrDb) db = NULL;
  gint64 n = 0;

  g_assert_true (sr_db_backup_to (sr_context_get_db (ctx), copy, &error));
  g_assert_no_error (error);
  /* Never over an existing file. */
  g_assert_false (sr_db_backup_to (sr_context_get_db (ctx), copy, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT);
  g_clear_error (&error);

  db = sr_db_open (copy, SR_DB_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  g_assert_true (sr_db_query_int (db, "SELECT count(*) FROM staff WHERE login = 'admin'", &n, &error));
  g_assert_cmpint (n, ==, 1);
  g_clear_object (&db);
  sr_test_remove_tree (dir);
  sr_test_context_finish (g_steal_pointer (&ctx));
}

static void
test_statement_cache_nested (void)
{
  g_autoptr(SrContext) ctx = sr_test_context_new (SR_OFFICE_PROPERTY);
  SrDb *db = sr_context_get_db (ctx);
  g_autoptr(GError) error = NULL;
  const char *sql = "SELECT id FROM stages ORDER BY position";
  g_autoptr(SrStmt) outer = sr_db_prepare (db, sql, &error);
  guint rows = 0;

  g_assert_no_error (error);
  while (sr_stmt_step (outer, &error) == SR_STEP_ROW)
    {
      /* The same query while the first is running gets its own statement. */
      g_autoptr(SrStmt) inner = sr_db_prepare (db, sql, &error);
      g_assert_no_error (error);
      g_assert_true (inner != outer);
      g_assert_cmpint (sr_stmt_step (inner, &error), ==, SR_STEP_ROW);
      rows++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (rows, ==, 8); /* the property preset */
  g_clear_pointer (&outer, sr_stmt_done);
  sr_test_context_finish (g_steal_pointer (&ctx));
}

static void
count_signal (SrContext  *ctx,
              const char *table,
              GPtrArray  *seen)
{
  g_ptr_array_add (seen, g_strdup (table));
}

static gboolean
seen_has (GPtrArray  *seen,
          const char *name)
{
  for (guint i = 0; i < seen->len; i++)
    if (g_strcmp0 (g_ptr_array_index (seen, i), name) == 0)
      return TRUE;
  return FALSE;
}

/* Two programs on one file (two connections): what one commits, the other hears of at
 * its next poll, by the tables the audit log names; its own changes are not told twice. */
static void
test_poll_changes (void)
{
  g_autoptr(SrContext) here = sr_test_context_new (SR_OFFICE_PROPERTY);
  g_autoptr(GError) error = NULL;
  g_autoptr(SrDb) other_db = sr_db_open (sr_db_get_path (sr_context_get_db (here)), SR_DB_OPEN_EXISTING, &error);
  g_autoptr(SrContext) other = NULL;
  g_autoptr(SrSession) session = NULL;
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  const char *phones[] = { "13912345678", NULL };
  const char *phones2[] = { "13912345679", NULL };
  SrCustomerInput in = { "别处的客户", NULL, "call", 0, NULL, 0, phones, FALSE, 0 };
  SrCustomerInput mine = { "这里的客户", NULL, "call", 0, NULL, 0, phones2, FALSE, 0 };

  g_autoptr(SrContext) desk = sr_test_context_as (here, "qiantai", SR_ROLE_RECEPTIONIST);

  g_assert_no_error (error);
  other = sr_context_new (other_db, sr_context_get_clock (here));
  session = sr_staff_sign_in (other, "qiantai", "password1", &error);
  g_assert_no_error (error);
  sr_context_set_session (other, session);
  g_signal_connect (here, "changed", G_CALLBACK (count_signal), seen);

  g_assert_cmpuint (sr_context_poll_changes (here, &error), ==, 0);   /* the first only takes note */
  g_assert_cmpuint (sr_context_poll_changes (here, &error), ==, 0);   /* nothing new */
  g_assert_cmpint (sr_customers_add (other, &in, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (sr_context_poll_changes (here, &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (seen_has (seen, "customers"));
  g_assert_true (seen_has (seen, "audit_log"));
  g_ptr_array_set_size (seen, 0);
  g_assert_cmpuint (sr_context_poll_changes (here, &error), ==, 0);   /* told once */

  /* This connection's own change was signalled when made, not again at the poll. */
  g_assert_cmpint (sr_customers_add (desk, &mine, &error), >, 0);
  g_ptr_array_set_size (seen, 0);
  g_assert_cmpuint (sr_context_poll_changes (here, &error), ==, 0);
  g_assert_false (seen_has (seen, "audit_log"));
  sr_test_context_finish (g_steal_pointer (&here));
}

static void
note_units (SrContext *ctx,
            GArray    *ids,
            GArray    *seen)
{
  g_assert_cmpuint (sr_context_get_poll_serial (ctx), >, 0);   /* told inside the poll */
  g_array_append_vals (seen, ids->data, ids->len);
}

static gboolean
has_id (GArray *ids,
        gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

/* Another PC holds a unit and reserves another: the poll names those two units (by their
 * own audit row and by the booking's), so the grid can redraw two cells; and a customer
 * whose record it changed, for the lists. */
static void
test_poll_units (void)
{
  g_autoptr(SrContext) here = sr_test_context_new (SR_OFFICE_PROPERTY);
  g_autoptr(GError) error = NULL;
  g_autoptr(SrDb) other_db = sr_db_open (sr_db_get_path (sr_context_get_db (here)), SR_DB_OPEN_EXISTING, &error);
  g_autoptr(SrContext) other = sr_context_new (other_db, sr_context_get_clock (here));
  g_autoptr(SrSession) cli = sr_session_new_command_line ();
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) units = NULL;
  SrUnitColumn columns[2] = { { "两室两厅", 8936, 1200000 }, { "三室两厅", 12050, 1600000 } };
  SrBuildingPlan plan = { "1号楼", 3, 0, 2, columns, 0, FALSE };
  gint64 project, building, customer;
  const char *phones[] = { "13912340000", NULL };
  SrCustomerInput in = { "买房的客户", NULL, "walk-in", 0, NULL, 0, phones, FALSE, 0 };

  g_assert_no_error (error);
  sr_context_set_session (other, cli);
  project = sr_projects_add (here, "楼盘", NULL, &error);
  building = sr_buildings_create (here, project, &plan, &error);
  customer = sr_customers_add (other, &in, &error);
  g_assert_no_error (error);
  units = sr_units_list (here, building, &error);
  g_signal_connect (here, "units-changed", G_CALLBACK (note_units), seen);
  sr_context_poll_changes (here, NULL);                          /* takes note */
  g_assert_cmpuint (sr_context_get_poll_serial (here), ==, 0);

  g_assert_true (sr_units_hold (other, ((SrUnit *) units->pdata[0])->id, &error));
  g_assert_cmpint (sr_units_reserve (other, ((SrUnit *) units->pdata[3])->id, customer,
                                     sr_context_now (here) + 3600, NULL, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (sr_context_poll_changes (here, &error), >, 0);
  g_assert_cmpuint (seen->len, ==, 2);
  g_assert_true (has_id (seen, ((SrUnit *) units->pdata[0])->id));
  g_assert_true (has_id (seen, ((SrUnit *) units->pdata[3])->id));
  g_assert_cmpuint (sr_context_get_poll_serial (here), ==, 0);   /* outside the telling */

  /* A customer's record changed there: named by id too, for the lists. */
  {
    g_autoptr(GArray) customers = g_array_new (FALSE, FALSE, sizeof (gint64));
    g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
    g_hash_table_insert (values, "grade", "A");
    g_signal_connect (here, "customers-changed", G_CALLBACK (note_units), customers);
    g_assert_true (sr_customers_update_details (other, customer, values, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (sr_context_poll_changes (here, &error), >, 0);
    g_assert_cmpuint (customers->len, ==, 1);
    g_assert_true (has_id (customers, customer));
  }
  g_clear_object (&other);
  sr_test_context_finish (g_steal_pointer (&here));
}

/* Two programs (two PCs): another process adds a customer; this one, polling as the window
 * does every half second, hears of it well within a second of the commit. */
static void
test_poll_other_process (void)
{
  g_autoptr(SrContext) here = sr_test_context_new (SR_OFFICE_PROPERTY);
  g_autoptr(SrContext) desk = sr_test_context_as (here, "qiantai", SR_ROLE_RECEPTIONIST);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *path = g_strdup (sr_db_get_path (sr_context_get_db (here)));
  int pipe_fds[2];
  gint64 committed_at = 0, heard_at = 0, sent = 0;
  pid_t pid;
  int status = 0;

  g_assert_cmpuint (sr_context_poll_changes (here, &error), ==, 0);   /* takes note */
  g_signal_connect (here, "changed", G_CALLBACK (count_signal), seen);
  g_assert_cmpint (pipe (pipe_fds), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      /* The other PC: its own connection, its own sign-in; says when it committed. */
      g_autoptr(SrDb) db = sr_db_open (path, SR_DB_OPEN_EXISTING, NULL);
      g_autoptr(SrContext) other = NULL;
      g_autoptr(SrSession) session = NULL;
      const char *phones[] = { "13812345670", NULL };
      SrCustomerInput in = { "另一台电脑的客户", NULL, "call", 0, NULL, 0, phones, FALSE, 0 };
      gint64 at;

      if (db == NULL)
        _exit (2);
      other = sr_context_new (db, NULL);
      session = sr_staff_sign_in (other, "qiantai", "password1", NULL);
      if (session == NULL)
        _exit (3);
      sr_context_set_session (other, session);
      g_usleep (300000);
      if (sr_customers_add (other, &in, NULL) <= 0)
        _exit (4);
      at = g_get_monotonic_time ();
      if (write (pipe_fds[1], &at, sizeof at) != sizeof at)
        _exit (5);
      _exit (0);
    }
  close (pipe_fds[1]);
  /* Poll every half second, as the window does, for at most five seconds. */
  for (int i = 0; i < 10 && heard_at == 0; i++)
    {
      g_usleep (G_USEC_PER_SEC / 2);
      if (sr_context_poll_changes (here, &error) > 0 && seen_has (seen, "customers"))
        heard_at = g_get_monotonic_time ();
      g_assert_no_error (error);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  g_assert_cmpint (read (pipe_fds[0], &committed_at, sizeof committed_at), ==, sizeof committed_at);
  close (pipe_fds[0]);
  g_assert_cmpint (heard_at, >, 0);
  sent = heard_at - committed_at;
  g_print ("# another process's change heard %.0f ms after its commit (%s)\n", sent / 1000.0,
           sr_db_is_server (sr_context_get_db (here)) ? "server, NOTIFY" : "file, data_version");
  g_assert_cmpint (sent, <, G_USEC_PER_SEC);
  g_clear_object (&desk);
  sr_test_context_finish (g_steal_pointer (&here));
}

/* Mistakes of the program's own, refused with nothing run: parameters that do not match
 * their type letters, and a write begun inside a read transaction. */
static void
test_misuse (void)
{
  g_autoptr(SrContext) ctx = sr_test_context_new (SR_OFFICE_PROPERTY);
  SrDb *db = sr_context_get_db (ctx);
  g_autoptr(GError) error = NULL;
  gint64 before = 0, after = 0;

  g_assert_true (sr_db_query_int (db, "SELECT count(*) FROM settings", &before, NULL));
  g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*parameters but types*");
  g_assert_false (sr_db_run (db, &error, "INSERT INTO settings (key, value) VALUES (?1, ?2)", "t", "x"));
  g_test_assert_expected_messages ();
  g_assert_error (error, SR_STORE_ERROR, SR_STORE_ERROR_FAILED);
  g_clear_error (&error);

  g_assert_true (sr_db_begin_read (db, &error));
  g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*inside a read transaction*");
  g_assert_false (sr_db_begin (db, &error));
  g_test_assert_expected_messages ();
  g_assert_error (error, SR_STORE_ERROR, SR_STORE_ERROR_FAILED);
  g_clear_error (&error);
  sr_db_end_read (db);
  g_assert_false (sr_db_in_transaction (db));
  g_assert_true (sr_db_query_int (db, "SELECT count(*) FROM settings", &after, NULL));
  g_assert_cmpint (after, ==, before);
  /* And the store works on. */
  g_assert_true (sr_db_begin (db, &error));
  g_assert_true (sr_db_commit (db, &error));
  sr_test_context_finish (g_steal_pointer (&ctx));
}

/* The office server ------------------------------------------------------------------ */

static gint64
server_int (SrDb       *db,
            const char *sql)
{
  gint64 n = -1;
  g_autoptr(GError) error = NULL;

  g_assert_true (sr_db_query_int (db, sql, &n, &error));
  g_assert_no_error (error);
  return n;
}

/* A new database on the server gets the schema, its version in salesroom_schema, and
 * opens again as it is; the address shown never carries the password. */
static void
test_server_create_and_reopen (void)
{
  g_autofree char *uri = sr_test_new_database ();
  g_autofree char *with_password = NULL;
  g_autoptr(GError) error = NULL;
  SrDb *db = sr_db_open (uri, SR_DB_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_true (sr_db_is_server (db));
  g_assert_cmpint (sr_db_get_schema_version (db), ==, sr_db_latest_schema_version ());
  g_assert_cmpint (server_int (db, "SELECT version FROM salesroom_schema"), ==, sr_db_latest_schema_version ());
  /* Ids are 64-bit and made by the server; money too is bigint. */
  g_assert_true (sr_db_exec (db, "INSERT INTO projects (name) VALUES ('甲')", &error));
  g_assert_cmpint (server_int (db, "SELECT max (id) FROM projects"), ==, 1);
  g_assert_cmpstr (server_int (db, "SELECT count(*) FROM information_schema.columns WHERE table_name = 'receipts' "
                               "AND column_name = 'amount_fen' AND data_type = 'bigint'") == 1 ? "bigint" : "other", ==, "bigint");
  g_object_unref (db);

  db = sr_db_open (uri, SR_DB_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  g_assert_cmpint (server_int (db, "SELECT count(*) FROM projects"), ==, 1);
  g_object_unref (db);

  /* user:password@ becomes user@ wherever the address is shown. */
  with_password = g_strdup_printf ("postgresql://postgres:secret-pass@%s", uri + strlen ("postgresql://postgres@"));
  db = sr_db_open (with_password, SR_DB_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (sr_db_get_path (db), "secret-pass"));
  g_assert_nonnull (strstr (sr_db_get_path (db), "postgresql://postgres@/"));
  g_object_unref (db);
  /* The keyring's password travels as an option of the address, never shown either. */
  g_free (with_password);
  with_password = sr_db_uri_with_password (uri, "pa&ss word");
  db = sr_db_open (with_password, SR_DB_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (sr_db_get_path (db), "pa"));
  g_assert_cmpstr (sr_db_get_path (db), ==, uri);
  g_object_unref (db);
}

/* A server database written by a newer Salesroom, or holding another program's tables, is
 * refused and left as it is; a server that cannot be reached says so. */
static void
test_server_refusals (void)
{
  g_autofree char *newer = sr_test_new_database ();
  g_autofree char *foreign = sr_test_new_database ();
  g_autoptr(GError) error = NULL;
  SrDb *db = sr_db_open (newer, SR_DB_OPEN_CREATE, &error);
  SrDb *other;

  g_assert_no_error (error);
  g_assert_true (sr_db_exec (db, "UPDATE salesroom_schema SET version = 999", &error));
  g_object_unref (db);
  g_assert_null (sr_db_open (newer, SR_DB_OPEN_EXISTING, &error));
  g_assert_error (error, SR_STORE_ERROR, SR_STORE_ERROR_NEWER_SCHEMA);
  g_clear_error (&error);

  /* Another program's database: refused, and no table of Salesroom's is added to it. */
  db = sr_db_open (newer, SR_DB_OPEN_INSPECT | SR_DB_OPEN_READ_ONLY, &error);
  g_assert_null (db);
  g_clear_error (&error);
  {
    g_autofree char *sql = NULL;
    /* Made through a throw-away connection of our own to that database. */
    other = sr_db_open (foreign, SR_DB_OPEN_CREATE, &error);
    g_assert_no_error (error);
    g_assert_true (sr_db_exec (other, "DROP SCHEMA public CASCADE; CREATE SCHEMA public; "
                                      "CREATE TABLE invoices (id integer, total numeric)", &error));
    g_object_unref (other);
    (void) sql;
  }
  g_assert_null (sr_db_open (foreign, SR_DB_OPEN_CREATE, &error));
  g_assert_error (error, SR_STORE_ERROR, SR_STORE_ERROR_NOT_A_DATABASE);
  g_clear_error (&error);

  g_assert_null (sr_db_open ("postgresql://postgres@/nosuch?host=/nonexistent-folder&connect_timeout=2",
                             SR_DB_OPEN_EXISTING, &error));
  g_assert_error (error, SR_STORE_ERROR, SR_STORE_ERROR_CONNECTION);
  g_assert_nonnull (strstr (error->message, "cannot be reached"));
}

/* The connection is cut (the server restarted, the network dropped): the save in progress
 * fails with a message saying so and nothing of it is kept; the next try reconnects by
 * itself and goes through. */
static void
test_server_reconnects (void)
{
  g_autoptr(SrContext) ctx = sr_test_context_new (SR_OFFICE_PROPERTY);
  SrDb *db = sr_context_get_db (ctx);
  g_autoptr(GError) error = NULL;
  g_autoptr(SrDb) admin = sr_db_open (sr_db_get_path (db), SR_DB_OPEN_EXISTING, &error);
  gint64 pid = server_int (db, "SELECT pg_backend_pid ()");
  g_autofree char *kill = g_strdup_printf ("SELECT pg_terminate_backend (%" G_GINT64_FORMAT ")", pid);

  g_assert_no_error (error);
  g_assert_true (sr_db_begin (db, &error));
  g_assert_true (sr_db_exec (db, "INSERT INTO projects (name) VALUES ('断线前')", &error));
  g_assert_true (sr_db_exec (admin, kill, &error));
  g_usleep (200000);
  g_assert_false (sr_db_exec (db, "INSERT INTO projects (name) VALUES ('断线时')", &error));
  g_assert_error (error, SR_STORE_ERROR, SR_STORE_ERROR_CONNECTION);
  g_clear_error (&error);
  sr_db_rollback (db);
  g_assert_false (sr_db_in_transaction (db));

  /* Tried again: a new connection, and the change is saved whole. */
  g_assert_true (sr_db_begin (db, &error));
  g_assert_no_error (error);
  g_assert_true (sr_db_exec (db, "INSERT INTO projects (name) VALUES ('重连后')", &error));
  g_assert_true (sr_db_commit (db, &error));
  g_assert_cmpint (server_int (admin, "SELECT count(*) FROM projects"), ==, 1);
  g_assert_cmpint (server_int (admin, "SELECT count(*) FROM projects WHERE name = '重连后'"), ==, 1);
  g_assert_cmpint (server_int (db, "SELECT pg_backend_pid ()"), !=, pid);
  sr_test_context_finish (g_steal_pointer (&ctx));
}

/* The trust model: the owner lets the PCs' role work; that role adds customers and takes
 * money as any PC does, but cannot change the schema, rewrite or delete the audit log,
 * nor delete an erasure; and a schema update by the owner gives it the new tables too. */
static void
test_server_pcs_role (void)
{
  g_autoptr(SrContext) owner = sr_test_context_new (SR_OFFICE_PROPERTY);
  SrDb *db = sr_context_get_db (owner);
  g_autoptr(GError) error = NULL;
  g_autofree char *role = g_strdup_printf ("sr_pcs_%d", (int) getpid ());
  g_autofree char *create = g_strdup_printf ("DO $$ BEGIN CREATE ROLE %s LOGIN; "
                                             "EXCEPTION WHEN duplicate_object THEN NULL; END $$", role);
  g_autofree char *as_pcs = NULL;
  g_autoptr(SrDb) pcs_db = NULL;
  g_autoptr(SrContext) pcs = NULL;
  g_autoptr(SrSession) session = NULL;
  const char *phones[] = { "13700000009", NULL };
  SrCustomerInput in = { "前台电脑登记的客户", NULL, "call", 0, NULL, 0, phones, FALSE, 0 };
  const char *refused[] = {
    "CREATE TABLE mine (id integer)",
    "DROP TABLE customers",
    "ALTER TABLE customers ADD COLUMN x integer",
    "UPDATE audit_log SET action = 'x'",
    "DELETE FROM audit_log",
    "DELETE FROM erasures",
    "UPDATE salesroom_schema SET version = 1",
  };

  g_assert_true (sr_db_exec (db, create, &error));
  g_assert_no_error (error);
  g_assert_true (sr_db_grant_office_role (db, role, &error));
  g_assert_no_error (error);

  /* The same database, signed in to the server as the PCs' role. */
  as_pcs = g_strdup_printf ("postgresql://%s@%s", role, sr_db_get_path (db) + strlen ("postgresql://postgres@"));
  pcs_db = sr_db_open (as_pcs, SR_DB_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  pcs = sr_context_new (pcs_db, sr_context_get_clock (owner));
  {
    g_autoptr(SrContext) desk = sr_test_context_as (owner, "qiantai", SR_ROLE_RECEPTIONIST);
  }
  session = sr_staff_sign_in (pcs, "qiantai", "password1", &error);
  g_assert_no_error (error);
  sr_context_set_session (pcs, session);
  g_assert_cmpint (sr_customers_add (pcs, &in, &error), >, 0);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      if (sr_db_exec (pcs_db, refused[i], &error))
        g_error ("the PCs' role could run: %s", refused[i]);
      g_assert_nonnull (error);
      g_clear_error (&error);
    }
  /* The owner's update of the schema passes the rights on to a new table. */
  g_assert_true (sr_db_exec (db, "CREATE TABLE later_table (id bigint); SELECT 1", &error));
  g_assert_no_error (error);
  g_assert_false (sr_db_exec (pcs_db, "INSERT INTO later_table VALUES (1)", &error));
  g_clear_error (&error);
  g_assert_true (sr_db_grant_office_role (db, role, &error));
  g_assert_true (sr_db_exec (pcs_db, "INSERT INTO later_table VALUES (1)", &error));
  g_assert_no_error (error);
  g_clear_object (&pcs);
  g_clear_object (&pcs_db);
  sr_test_context_finish (g_steal_pointer (&owner));
}

/* salesroom backup / restore on a server: pg_dump's archive, put back whole, the data
 * before it kept; a file that is not such an archive changes nothing. */
static void
test_server_backup_restore (void)
{
  g_autoptr(SrContext) ctx = sr_test_context_new (SR_OFFICE_PROPERTY);
  SrDb *db = sr_context_get_db (ctx);
  g_autofree char *uri = g_strdup (sr_db_get_path (db));
  g_autofree char *dir = sr_test_tmp_dir ();
  g_autofree char *dump = g_build_filename (dir, "office.dump", NULL);
  g_autofree char *before = g_build_filename (dir, "before.dump", NULL);
  g_autofree char *bogus = g_build_filename (dir, "bogus.dump", NULL);
  g_autofree char *again = g_build_filename (dir, "again.dump", NULL);
  g_autoptr(GError) error = NULL;
  gint64 n = 0;

  g_assert_true (sr_db_exec (db, "INSERT INTO projects (name) VALUES ('备份前')", &error));
  g_assert_true (sr_db_backup_to (db, dump, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (dump, G_FILE_TEST_EXISTS));
  g_assert_false (sr_db_backup_to (db, dump, &error));          /* never over a file */
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_true (sr_db_exec (db, "INSERT INTO projects (name) VALUES ('备份后')", &error));
  g_clear_object (&ctx);

  /* Not an archive: refused, nothing changes. */
  write_file (bogus, "not a dump", -1);
  g_assert_false (sr_db_restore_server (uri, bogus, again, &error));
  g_assert_error (error, SR_STORE_ERROR, SR_STORE_ERROR_NOT_A_DATABASE);
  g_clear_error (&error);
  g_assert_false (g_file_test (again, G_FILE_TEST_EXISTS));

  g_assert_true (sr_db_restore_server (uri, dump, before, &error));
  g_assert_no_error (error);
  /* The daily copies of a server office are kept on the PC, named without the password. */
  {
    g_autofree char *copies = sr_backups_dir ("postgresql://pc:secret@server:5432/office?password=x");
    g_assert_true (g_str_has_prefix (copies, g_get_user_data_dir ()));
    g_assert_null (strstr (copies, "secret"));
    g_assert_null (strstr (copies, "=x"));
  }
  g_assert_true (g_file_test (before, G_FILE_TEST_EXISTS));
  {
    g_autoptr(SrDb) restored = sr_db_open (uri, SR_DB_OPEN_EXISTING, &error);
    g_assert_no_error (error);
    g_assert_true (sr_db_query_int (restored, "SELECT count(*) FROM projects", &n, &error));
    g_assert_cmpint (n, ==, 1);
    g_assert_true (sr_db_query_int (restored, "SELECT count(*) FROM office", &n, &error));
    g_assert_cmpint (n, ==, 1);
    /* The audit log is append-only still, and new rows go on after the old ids. */
    g_assert_false (sr_db_exec (restored, "DELETE FROM audit_log", &error));
    g_clear_error (&error);
    g_assert_true (sr_db_exec (restored, "INSERT INTO projects (name) VALUES ('恢复后')", &error));
    g_assert_no_error (error);
  }
}

/* A statement bound now with a number, now with NULL, stays one prepared statement on the
 * server (a day's session does not pile them up), and reads right both ways. */
static void
test_server_prepared (void)
{
  g_autoptr(SrContext) ctx = sr_test_context_new (SR_OFFICE_PROPERTY);
  SrDb *db = sr_context_get_db (ctx);
  g_autoptr(GError) error = NULL;
  gint64 before = server_int (db, "SELECT count(*) FROM pg_prepared_statements"), after;

  for (int i = 0; i < 10; i++)
    {
      g_autoptr(SrStmt) stmt = sr_db_prepare (db, "SELECT coalesce (?1, -1) + 0", &error);
      g_assert_no_error (error);
      if (i % 2 == 0)
        sr_stmt_bind_int (stmt, 1, i);
      else
        sr_stmt_bind_null (stmt, 1);
      g_assert_cmpint (sr_stmt_step (stmt, &error), ==, SR_STEP_ROW);
      g_assert_cmpint (sr_stmt_get_int (stmt, 0), ==, i % 2 == 0 ? i : -1);
    }
  after = server_int (db, "SELECT count(*) FROM pg_prepared_statements");
  g_assert_cmpint (after - before, <=, 2);   /* this one, and the count's own */
  sr_test_context_finish (g_steal_pointer (&ctx));
}

/* A free TCP port on the loopback. */
static guint16
free_port (void)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  g_assert_true (g_socket_bind (socket, any, FALSE, NULL));
  bound = g_socket_get_local_address (socket, NULL);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

/* sslmode=require in the address: the connection is encrypted (a server of its own here,
 * on the loopback with a certificate); without it, as the server allows. */
static void
test_server_tls (void)
{
  g_autofree char *dir = g_dir_make_tmp ("salesroom-pg-XXXXXX", NULL);
  g_autofree char *port = g_strdup_printf ("%u", free_port ());
  const char *start[] = { g_getenv ("SALESROOM_PG_CLUSTER"), "start", dir, port, NULL };
  const char *stop[] = { g_getenv ("SALESROOM_PG_CLUSTER"), "stop", dir, NULL };
  g_autofree char *tls = g_strdup_printf ("postgresql://postgres@127.0.0.1:%s/postgres?sslmode=require", port);
  g_autofree char *plain = g_strdup_printf ("postgresql://postgres@127.0.0.1:%s/postgres?sslmode=disable", port);
  g_autoptr(GError) error = NULL;
  int status = 0;
  gint64 ssl = -1;

  g_assert_nonnull (start[0]);
  g_assert_true (g_spawn_sync (NULL, (char **) start, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                               &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  {
    g_autoptr(SrDb) db = sr_db_open (tls, SR_DB_OPEN_CREATE, &error);
    g_assert_no_error (error);
    ssl = server_int (db, "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid ()");
    g_assert_cmpint (ssl, ==, 1);
  }
  {
    g_autoptr(SrDb) db = sr_db_open (plain, SR_DB_OPEN_EXISTING, &error);
    g_assert_no_error (error);
    g_assert_cmpint (server_int (db, "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid ()"), ==, 0);
  }
  g_spawn_sync (NULL, (char **) stop, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, NULL, NULL);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  if (sr_test_on_server ())
    {
      g_test_add_func ("/db/server/create-and-reopen", test_server_create_and_reopen);
      g_test_add_func ("/db/server/refusals", test_server_refusals);
      g_test_add_func ("/db/server/reconnects", test_server_reconnects);
      g_test_add_func ("/db/server/pcs-role", test_server_pcs_role);
      g_test_add_func ("/db/server/backup-restore", test_server_backup_restore);
      g_test_add_func ("/db/server/tls", test_server_tls);
      g_test_add_func ("/db/server/prepared", test_server_prepared);
    }
  else
    {
      /* The file's own: its bytes, its folder, its permissions, its backup copy. */
      g_test_add_func ("/db/create-and-reopen", test_create_and_reopen);
      g_test_add_func ("/db/refuses-wrong-files", test_refuses_wrong_files);
      g_test_add_func ("/db/refuses-newer-schema", test_refuses_newer_schema);
      g_test_add_func ("/db/unwritable-folder", test_unwritable_folder);
      g_test_add_func ("/db/read-only-file", test_read_only_file);
      g_test_add_func ("/db/backup", test_backup_copy);
    }
  g_test_add_func ("/db/locked", test_locked_database);
  g_test_add_func ("/db/poll-changes", test_poll_changes);
  g_test_add_func ("/db/poll-other-process", test_poll_other_process);
  g_test_add_func ("/db/poll-units", test_poll_units);
  g_test_add_func ("/db/misuse", test_misuse);
  g_test_add_func ("/db/transactions-roll-back", test_transactions_roll_back);
  g_test_add_func ("/db/audit-append-only", test_audit_is_append_only);
  g_test_add_func ("/db/audit-viewer", test_audit_viewer);
  g_test_add_func ("/db/statement-cache-nested", test_statement_cache_nested);
  return g_test_run ();
}
