/* Daily backups (one a day, the newest N kept, a copy to a second place, failures kept
 * for the warning) and restoring one (checked first, the current database kept). */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/stat.h>

#include "common/sr-test-util.h"
#include "core/sr-audit.h"
#include "core/sr-backups.h"
#include "core/sr-customers.h"
#include "core/sr-error.h"
#include "core/sr-office.h"

static guint
count_files (const char *dir)
{
  g_autoptr(GPtrArray) files = sr_backups_list (dir, NULL);
  return files != NULL ? files->len : 0;
}

static void
test_daily (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_PROPERTY);
  g_autoptr(SrContext) gw = sr_test_context_as (admin, "guwen", SR_ROLE_CONSULTANT);
  const char *path = sr_db_get_path (sr_context_get_db (admin));
  g_autofree char *dir = sr_backups_dir (path);
  g_autofree char *top = g_path_get_dirname (path);
  g_autofree char *usb = g_build_filename (top, "usb", NULL);
  g_autoptr(GError) error = NULL;
  gboolean made = FALSE;
  g_autofree char *warning = NULL;
  GStatBuf st;

  /* Before any copy, Admin warns. */
  {
    g_auto(SrBackupStatus) s = { 0 };
    g_assert_true (sr_backups_status (admin, &s, &error));
    g_assert_cmpuint (s.keep, ==, 14);
    warning = sr_backups_warning (&s, sr_context_now (admin));
    g_assert_cmpstr (warning, ==, "No backup has been made yet.");
    g_clear_pointer (&warning, g_free);
  }
  /* The first start of the day makes today's copy, the owner's alone; the next start
   * that day makes none; Back Up Now makes another. */
  g_assert_true (sr_backups_run_daily (admin, FALSE, &made, &error));
  g_assert_no_error (error);
  g_assert_true (made);
  {
    g_autofree char *today = g_build_filename (dir, "salesroom-2026-11-23.db", NULL);
    g_assert_cmpint (g_stat (today, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }
  g_assert_true (sr_backups_run_daily (admin, FALSE, &made, &error));
  g_assert_false (made);
  g_assert_true (sr_backups_run_daily (admin, TRUE, &made, &error));
  g_assert_true (made);
  g_assert_cmpuint (count_files (dir), ==, 2);
  {
    g_autoptr(GPtrArray) log = sr_audit_list (admin, "office", 20, &error);
    gboolean automatic = FALSE;
    g_assert_no_error (error);
    for (guint i = 0; i < log->len; i++)
      automatic |= g_strcmp0 (((SrAuditEntry *) log->pdata[i])->actor, "Salesroom (automatic backup)") == 0;
    g_assert_true (automatic);
  }

  /* Settings: only who may back up; a sensible number; a whole path that exists. */
  g_assert_false (sr_backups_configure (gw, 3, NULL, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (sr_backups_configure (admin, 0, NULL, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sr_backups_configure (admin, 3, "usb/backups", &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sr_backups_configure (admin, 3, usb, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_assert_cmpint (g_mkdir (usb, 0700), ==, 0);
  g_assert_true (sr_backups_configure (admin, 3, usb, &error));
  g_assert_no_error (error);

  /* Five more days: the newest three are kept, here and on the stick. */
  for (int d = 24; d <= 28; d++)
    {
      g_autofree char *day = g_strdup_printf ("2026-11-%02d", d);
      sr_test_set_day (admin, day, 9);
      g_assert_true (sr_backups_run_daily (admin, FALSE, &made, &error));
      g_assert_true (made);
    }
  g_assert_cmpuint (count_files (dir), ==, 3);
  g_assert_cmpuint (count_files (usb), ==, 3);
  {
    g_autoptr(GPtrArray) files = sr_backups_list (dir, NULL);
    g_assert_cmpstr (((SrBackupFile *) files->pdata[0])->name, ==, "salesroom-2026-11-28.db");
    g_assert_cmpstr (((SrBackupFile *) files->pdata[2])->name, ==, "salesroom-2026-11-26.db");
  }
  {
    g_auto(SrBackupStatus) s = { 0 };
    g_assert_true (sr_backups_status (admin, &s, &error));
    g_assert_cmpint (s.second_at, ==, sr_context_now (admin));
    g_assert_null (s.second_error);
    g_assert_cmpint (s.last_size, >, 0);
    g_assert_null (sr_backups_warning (&s, sr_context_now (admin)));
    /* Three days without Salesroom started: the copy is old. */
    warning = sr_backups_warning (&s, sr_context_now (admin) + 3 * 86400);
    g_assert_cmpstr (warning, ==, "The newest backup is 3 days old.");
    g_clear_pointer (&warning, g_free);
  }

  /* The stick is pulled out: today's copy is made, the second place's failure is kept. */
  sr_test_remove_tree (usb);
  sr_test_set_day (admin, "2026-11-29", 9);
  g_assert_true (sr_backups_run_daily (admin, FALSE, &made, &error));
  g_assert_true (made);
  {
    g_auto(SrBackupStatus) s = { 0 };
    g_assert_true (sr_backups_status (admin, &s, &error));
    g_assert_nonnull (s.second_error);
    warning = sr_backups_warning (&s, sr_context_now (admin));
    g_assert_true (g_str_has_prefix (warning, "The copy to the second place failed: "));
    g_assert_nonnull (strstr (warning, "is the disk plugged in?"));
    g_clear_pointer (&warning, g_free);
  }

  /* The backups folder cannot be made (a file is in the way): the failure is kept. */
  sr_test_remove_tree (dir);
  g_assert_true (g_file_set_contents (dir, "x", 1, NULL));
  sr_test_set_day (admin, "2026-11-30", 9);
  g_assert_false (sr_backups_run_daily (admin, FALSE, &made, &error));
  g_assert_error (error, SR_STORE_ERROR, SR_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  {
    g_auto(SrBackupStatus) s = { 0 };
    g_assert_true (sr_backups_status (admin, &s, &error));
    warning = sr_backups_warning (&s, sr_context_now (admin));
    g_assert_true (g_str_has_prefix (warning, "The last backup failed: The folder "));
    g_clear_pointer (&warning, g_free);
  }
  g_unlink (dir);
  g_clear_object (&gw);
  sr_test_context_finish (g_steal_pointer (&admin));
}

static gint64
customers_in (const char *path)
{
  g_autoptr(SrDb) db = sr_db_open (path, SR_DB_OPEN_EXISTING, NULL);
  gint64 n = -1;
  g_assert_nonnull (db);
  g_assert_true (sr_db_query_int (db, "SELECT count(*) FROM customers", &n, NULL));
  return n;
}

static void
add_customer (SrContext  *ctx,
              const char *phone)
{
  const char *phones[] = { phone, NULL };
  SrCustomerInput in = { "备份客户", NULL, "call", 0, NULL, 0, phones, FALSE, 0 };
  g_assert_cmpint (sr_customers_add (ctx, &in, NULL), >, 0);
}

static char *
contents (const char *path)
{
  g_autofree char *data = NULL;
  gsize len = 0;
  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
}

static void
assert_refused (const char *file,
                const char *db_path,
                const char *message_part)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = contents (db_path);
  g_autofree char *after = NULL;
  g_autofree char *kept = g_strconcat (db_path, ".before-restore-3", NULL);

  g_assert_false (sr_backups_restore (file, db_path, NULL, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  if (strstr (error->message, message_part) == NULL)
    g_error ("«%s» does not say «%s»", error->message, message_part);
  g_assert_nonnull (strstr (error->message, "Nothing was restored"));
  after = contents (db_path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (kept, G_FILE_TEST_EXISTS));
}

static void
test_restore (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_PROPERTY);
  g_autofree char *path = g_strdup (sr_db_get_path (sr_context_get_db (admin)));
  g_autofree char *top = g_path_get_dirname (path);
  g_autofree char *copy = g_build_filename (top, "copy.db", NULL);
  g_autofree char *kept = NULL;
  g_autofree char *first_kept = g_strconcat (path, ".before-restore", NULL);
  g_autofree char *second_kept = g_strconcat (path, ".before-restore-2", NULL);
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(SrContext) mgr = sr_test_context_as (admin, "jingli", SR_ROLE_MANAGER);
    add_customer (mgr, "13811112222");
    g_assert_true (sr_office_backup (admin, copy, &error));
    add_customer (mgr, "13811113333");   /* after the copy */
  }
  g_clear_object (&admin);                /* Salesroom is closed for a restore */

  g_assert_true (sr_backups_restore (copy, path, &kept, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (kept, ==, first_kept);
  g_assert_cmpint (customers_in (path), ==, 1);
  g_assert_cmpint (customers_in (kept), ==, 2);     /* nothing lost: the day's work is kept */
  {
    g_autoptr(SrDb) db = sr_db_open (path, SR_DB_OPEN_EXISTING, NULL);
    gint64 n = 0;
    g_assert_true (sr_db_query_int (db, "SELECT count(*) FROM audit_log WHERE action = 'restore'", &n, NULL));
    g_assert_cmpint (n, ==, 1);
  }
  /* Again: the kept one is not overwritten. */
  g_clear_pointer (&kept, g_free);
  g_assert_true (sr_backups_restore (copy, path, &kept, &error));
  g_assert_cmpstr (kept, ==, second_kept);
  g_assert_true (g_file_test (first_kept, G_FILE_TEST_EXISTS));

  /* Files that are not a Salesroom backup are refused; the database is untouched. */
  {
    g_autofree char *text = g_build_filename (top, "notes.db", NULL);
    g_autofree char *other = g_build_filename (top, "other.db", NULL);
    g_autofree char *empty_office = g_build_filename (top, "empty.db", NULL);
    g_autofree char *newer = g_build_filename (top, "newer.db", NULL);
    g_autofree char *missing = g_build_filename (top, "missing.db", NULL);
    g_assert_true (g_file_set_contents (text, "客户名单\n张三 13800138000\n", -1, NULL));
    assert_refused (text, path, "is not a Salesroom database");
    {
      g_autofree char *cmd = g_strdup_printf ("sqlite3 '%s' 'CREATE TABLE x (a); INSERT INTO x VALUES (1);'", other);
      g_assert_cmpint (system (cmd), ==, 0);
    }
    assert_refused (other, path, "of another program");
    {
      g_autoptr(SrDb) db = sr_db_open (empty_office, SR_DB_OPEN_CREATE, NULL);
      g_assert_nonnull (db);
    }
    assert_refused (empty_office, path, "holds no office");
    {
      g_autofree char *data = NULL;
      gsize len = 0;
      g_assert_true (g_file_get_contents (copy, &data, &len, NULL));
      g_assert_true (g_file_set_contents (newer, data, (gssize) len, NULL));
    }
    {
      g_autofree char *cmd = g_strdup_printf ("sqlite3 '%s' 'PRAGMA user_version = 999'", newer);
      g_assert_cmpint (system (cmd), ==, 0);
    }
    assert_refused (newer, path, "newer version of Salesroom");
    assert_refused (missing, path, "There is no database");
  }
  /* A missing database (a dead disk replaced): the backup simply goes in. */
  g_unlink (path);
  g_clear_pointer (&kept, g_free);
  g_assert_true (sr_backups_restore (copy, path, &kept, &error));
  g_assert_null (kept);
  g_assert_cmpint (customers_in (path), ==, 1);
  sr_test_remove_tree (top);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/backups/daily", test_daily);
  g_test_add_func ("/backups/restore", test_restore);
  return g_test_run ();
}
