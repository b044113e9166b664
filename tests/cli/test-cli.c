/* The command line: exit codes 0/1/2, demo refusing data, backup, --user. Runs the real
 * program (its path is the SALESROOM_BIN variable). */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "common/sr-test-dump.h"
#include "common/sr-test-util.h"

static const char *bin;

typedef struct {
  int status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *r)
{
  g_free (r->out);
  g_free (r->err);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run (Run         *r,
     const char  *password,
     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  const char *arg;
  va_list ap;
  int wait_status = 0;

  g_ptr_array_add (args, (gpointer) bin);
  va_start (ap, password);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  env = g_environ_unsetenv (env, "SALESROOM_DB");
  env = g_environ_setenv (env, "LANGUAGE", "en", TRUE);
  if (password != NULL)
    env = g_environ_setenv (env, "SALESROOM_PASSWORD", password, TRUE);
  else
    env = g_environ_unsetenv (env, "SALESROOM_PASSWORD");
  g_spawn_sync (NULL, (char **) args->pdata, env, G_SPAWN_STDIN_FROM_DEV_NULL, NULL, NULL,
                &r->out, &r->err, &wait_status, &error);
  g_assert_no_error (error);
  r->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

static void
test_version_and_usage (void)
{
  g_auto(Run) a = { 0 }, b = { 0 }, c = { 0 }, d = { 0 };

  run (&a, NULL, "--version", NULL);
  g_assert_cmpint (a.status, ==, 0);
  g_assert_cmpstr (a.out, ==, "salesroom " PACKAGE_VERSION "\n");
  run (&b, NULL, "frobnicate", NULL);
  g_assert_cmpint (b.status, ==, 2);
  g_assert_nonnull (strstr (b.err, "not a subcommand"));
  g_assert_nonnull (strstr (b.err, "Usage:"));
  run (&c, NULL, "demo", "--size", "huge", "--db", "/tmp/never-written.db", NULL);
  g_assert_cmpint (c.status, ==, 2);
  g_assert_false (g_file_test ("/tmp/never-written.db", G_FILE_TEST_EXISTS));
  run (&d, NULL, "demo", NULL);
  g_assert_cmpint (d.status, ==, 2);
}

static void
test_demo_and_backup (void)
{
  g_autofree char *dir = sr_test_tmp_dir ();
  g_autofree char *db = g_build_filename (dir, "office.db", NULL);
  g_autofree char *copy = g_build_filename (dir, "copy.db", NULL);
  g_autofree char *copy2 = g_build_filename (dir, "copy2.db", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.db", NULL);
  g_autofree char *notes = g_build_filename (dir, "notes.txt", NULL);
  g_auto(Run) a = { 0 }, b = { 0 }, c = { 0 }, d = { 0 }, e = { 0 }, f = { 0 }, g = { 0 }, h = { 0 }, i = { 0 };

  run (&a, NULL, "demo", "--db", db, "--kind", "decoration", "--seed", "7", "--today", "2026-11-23", NULL);
  g_assert_cmpint (a.status, ==, 0);
  g_assert_nonnull (strstr (a.out, "400 customers"));
  /* A path that holds data is refused. */
  run (&b, NULL, "demo", "--db", db, NULL);
  g_assert_cmpint (b.status, ==, 1);
  g_assert_nonnull (strstr (b.err, "already holds an office"));

  run (&c, NULL, "backup", "--db", db, "-o", copy, NULL);
  g_assert_cmpint (c.status, ==, 0);
  g_assert_true (g_file_test (copy, G_FILE_TEST_EXISTS));
  run (&d, NULL, "backup", "--db", db, "-o", copy, NULL);
  g_assert_cmpint (d.status, ==, 1);
  g_assert_nonnull (strstr (d.err, "already exists"));

  /* backup never creates a database */
  run (&e, NULL, "backup", "--db", missing, "-o", copy2, NULL);
  g_assert_cmpint (e.status, ==, 1);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (copy2, G_FILE_TEST_EXISTS));

  /* --user: a wrong password, a role that may not, a role that may. */
  run (&f, "wrong", "backup", "--db", db, "--user", "wangjingli", "-o", copy2, NULL);
  g_assert_cmpint (f.status, ==, 1);
  g_assert_nonnull (strstr (f.err, "Wrong name or password"));
  run (&g, "salesroom", "backup", "--db", db, "--user", "sunqiantai", "-o", copy2, NULL);
  g_assert_cmpint (g.status, ==, 1);
  g_assert_nonnull (strstr (g.err, "may not"));
  g_assert_false (g_file_test (copy2, G_FILE_TEST_EXISTS));
  run (&h, "salesroom", "backup", "--db=" , NULL);
  g_assert_cmpint (h.status, ==, 2);
  run (&i, "salesroom", "--user", "wangjingli", "backup", "--db", db, "-o", copy2, NULL);
  g_assert_cmpint (i.status, ==, 0);

  /* restore: a consultant may not; a text file is refused; a backup goes in, the
   * database before it kept. */
  {
    g_auto(Run) k = { 0 }, l = { 0 }, m = { 0 }, n = { 0 };
    g_autofree char *kept = g_strconcat (db, ".before-restore", NULL);
    g_file_set_contents (notes, "not a database", -1, NULL);
    run (&k, "salesroom", "restore", "--db", db, "--user", "sunqiantai", copy, NULL);
    g_assert_cmpint (k.status, ==, 1);
    g_assert_nonnull (strstr (k.err, "may not"));
    run (&l, NULL, "restore", "--db", db, notes, NULL);
    g_assert_cmpint (l.status, ==, 1);
    g_assert_nonnull (strstr (l.err, "Nothing was restored."));
    g_assert_false (g_file_test (kept, G_FILE_TEST_EXISTS));
    run (&m, NULL, "restore", "--db", db, NULL);
    g_assert_cmpint (m.status, ==, 2);
    run (&n, NULL, "restore", "--db", db, copy, NULL);
    g_assert_cmpint (n.status, ==, 0);
    g_assert_nonnull (strstr (n.out, "kept as"));
    g_assert_true (g_file_test (kept, G_FILE_TEST_EXISTS));
  }

  /* A file that is not a database: refused, untouched. */
  {
    g_auto(Run) j = { 0 };
    g_autofree char *after = NULL;
    g_file_set_contents (notes, "not a database", -1, NULL);
    run (&j, NULL, "demo", "--db", notes, NULL);
    g_assert_cmpint (j.status, ==, 1);
    g_file_get_contents (notes, &after, NULL, NULL);
    g_assert_cmpstr (after, ==, "not a database");
  }
  sr_test_remove_tree (dir);
}

/* import units: 0 done (dry run changes nothing), 1 bad file with its line, 2 usage. */
static void
test_import_units (void)
{
  g_autofree char *dir = sr_test_tmp_dir ();
  g_autofree char *db = g_build_filename (dir, "office.db", NULL);
  g_autofree char *good = g_build_filename (dir, "prices.csv", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.csv", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.csv", NULL);
  g_auto(Run) a = { 0 }, b = { 0 }, c = { 0 }, d = { 0 }, e = { 0 }, f = { 0 }, g = { 0 };
  g_autoptr(SrDb) store = NULL;
  gint64 n = 0;

  g_assert_true (g_file_set_contents (good, "\xef\xbb\xbf楼栋,楼层,房号,户型,建筑面积,单价,总价\r\n"
                                            "9号楼,1,101,两室,89.36,12000,1072320\r\n"
                                            "9号楼,2,201,两室,89.36,,1082320\r\n", -1, NULL));
  g_assert_true (g_file_set_contents (bad, "楼栋,楼层,房号,建筑面积,总价\n9号楼,1,101,89.36,1072320\n"
                                           "9号楼,1,102,0,1072320\n", -1, NULL));
  run (&a, NULL, "demo", "--db", db, "--today", "2026-11-23", NULL);
  g_assert_cmpint (a.status, ==, 0);

  run (&b, NULL, "import", "units", good, "--db", db, NULL);
  g_assert_cmpint (b.status, ==, 2);   /* no --project */
  run (&c, NULL, "import", "units", missing, "--project", "翠湖天地", "--db", db, NULL);
  g_assert_cmpint (c.status, ==, 1);
  run (&d, NULL, "import", "units", bad, "--project", "翠湖天地", "--db", db, NULL);
  g_assert_cmpint (d.status, ==, 1);
  g_assert_nonnull (strstr (d.err, "Line 3"));
  run (&e, NULL, "import", "units", good, "--project", "翠湖天地", "--db", db, "--dry-run", NULL);
  g_assert_cmpint (e.status, ==, 0);
  g_assert_nonnull (strstr (e.out, "2 new units (1 new buildings)"));
  g_assert_nonnull (strstr (e.out, "Nothing was changed"));
  run (&f, NULL, "import", "units", good, "--project", "翠湖天地", "--db", db, NULL);
  g_assert_cmpint (f.status, ==, 0);
  run (&g, NULL, "import", "units", good, "--project", "翠湖天地", "--db", db, NULL);
  g_assert_cmpint (g.status, ==, 0);
  g_assert_nonnull (strstr (g.out, "2 unchanged"));

  store = sr_db_open (db, SR_DB_OPEN_EXISTING, NULL);
  g_assert_true (sr_db_query_int (store, "SELECT count(*) FROM units u JOIN buildings b "
                                         "ON b.id = u.building_id WHERE b.name = '9号楼'", &n, NULL));
  g_assert_cmpint (n, ==, 2);
  g_clear_object (&store);
  sr_test_remove_tree (dir);
}

/* export: --list, a register to .xlsx and .pdf (0), a wrong register, day or person
 * (1, no file), a command line without -o (2); a receptionist refused the owners. */
/* The command line used wrongly: each case exits 2 (the command line is wrong) or 1
 * (refused), says why on stderr, and leaves the database as it was. */
static void
test_bad_usage (void)
{
  g_autofree char *dir = sr_test_tmp_dir ();
  g_autofree char *db = g_build_filename (dir, "office.db", NULL);
  g_autofree char *out = g_build_filename (dir, "out.xlsx", NULL);
  g_autofree char *doc = g_build_filename (dir, "out.doc", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.csv", NULL);
  g_autofree char *empty = g_test_build_filename (G_TEST_DIST, "data", "bad", "empty.csv", NULL);
  g_autofree char *good = g_test_build_filename (G_TEST_DIST, "data", "extra-columns.csv", NULL);
  g_autofree char *before = NULL;
  const struct {
    int status;
    const char *expected;
    const char *args[10];
  } cases[] = {
    { 2, "import", { "import", "--db", db, NULL } },
    { 2, "import units", { "import", "units", "--db", db, NULL } },
    { 2, "--project", { "import", "units", good, "--db", db, NULL } },
    { 1, "missing.csv", { "import", "units", missing, "--project", "某楼盘", "--db", db, NULL } },
    { 1, "The file is empty.", { "import", "units", empty, "--project", "某楼盘", "--db", db, NULL } },
    { 2, "export", { "export", "--db", db, NULL } },
    { 2, "-o", { "export", "calls", "--db", db, NULL } },
    { 1, ".xlsx", { "export", "calls", "--db", db, "-o", doc, NULL } },
    { 1, "not a date", { "export", "calls", "--db", db, "--from", "2026-13-01", "-o", out, NULL } },
    { 2, "backup needs -o FILE", { "backup", "--db", db, NULL } },
    { 2, "backup takes no other arguments", { "backup", "--db", db, "-o", out, "extra", NULL } },
    { 2, "restore takes one backup file", { "restore", "--db", db, NULL } },
    { 2, "restore takes one backup file", { "restore", "--db", db, "a.db", "b.db", NULL } },
    { 2, "--kind", { "demo", "--db", out, "--kind", "castle", NULL } },
    { 2, "not a subcommand", { "frobnicate", "--db", db, NULL } },
  };

  {
    g_auto(Run) a = { 0 };
    run (&a, NULL, "demo", "--db", db, "--seed", "5", "--today", "2026-11-23", NULL);
    g_assert_cmpint (a.status, ==, 0);
  }
  before = sr_test_dump (db);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) r = { 0 };
      g_autofree char *after = NULL;
      const char *const *a = cases[i].args;
      run (&r, "wrong", a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9]);
      if (r.status != cases[i].status || strstr (r.err, cases[i].expected) == NULL)
        g_error ("salesroom %s: exit %d, «%s»; wanted exit %d and «%s»", a[0], r.status, r.err,
                 cases[i].status, cases[i].expected);
      after = sr_test_dump (db);
      if (g_strcmp0 (before, after) != 0)
        g_error ("salesroom %s %s: the database changed", a[0], a[1]);
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
    }
  /* A wrong sign-in is refused too; only the attempt is written down, as it must be. */
  {
    g_auto(Run) r = { 0 };
    run (&r, "wrong", "export", "calls", "--db", db, "--user", "nobody", "-o", out, NULL);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err, "Wrong name or password"));
    g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  }
  g_print ("# command line: %zu wrong uses refused, each saying why, the database unchanged\n", G_N_ELEMENTS (cases));
  sr_test_remove_tree (dir);
}

static void
test_export (void)
{
  g_autofree char *dir = sr_test_tmp_dir ();
  g_autofree char *db = g_build_filename (dir, "office.db", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "owners.xlsx", NULL);
  g_autofree char *pdf = g_build_filename (dir, "calls.pdf", NULL);
  g_autofree char *never = g_build_filename (dir, "never.xlsx", NULL);
  g_auto(Run) a = { 0 }, b = { 0 }, c = { 0 }, d = { 0 }, e = { 0 }, f = { 0 }, g = { 0 }, h = { 0 }, i = { 0 };

  run (&a, NULL, "demo", "--db", db, "--seed", "3", "--today", "2026-11-23", NULL);
  g_assert_cmpint (a.status, ==, 0);
  run (&b, NULL, "export", "--list", NULL);
  g_assert_cmpint (b.status, ==, 0);
  g_assert_nonnull (strstr (b.out, "intention-customers"));
  g_assert_nonnull (strstr (b.out, "call-check"));
  run (&c, NULL, "export", "owners", "--db", db, "--to", "2026-11-23", "-o", xlsx, NULL);
  g_assert_cmpint (c.status, ==, 0);
  g_assert_nonnull (strstr (c.out, "rows"));
  g_assert_true (g_file_test (xlsx, G_FILE_TEST_EXISTS));
  run (&d, NULL, "export", "calls", "--db", db, "--from", "2026-11-01", "--to", "2026-11-23", "--consultant", "张伟",
       "-o", pdf, NULL);
  g_assert_cmpint (d.status, ==, 0);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
  run (&e, NULL, "export", "nothing", "--db", db, "-o", never, NULL);
  g_assert_cmpint (e.status, ==, 1);
  g_assert_nonnull (strstr (e.err, "no register"));
  run (&f, NULL, "export", "calls", "--db", db, "--from", "2026-11-31", "-o", never, NULL);
  g_assert_cmpint (f.status, ==, 1);
  g_assert_nonnull (strstr (f.err, "not a date"));
  run (&g, NULL, "export", "calls", "--db", db, "--consultant", "无此人", "-o", never, NULL);
  g_assert_cmpint (g.status, ==, 1);
  g_assert_false (g_file_test (never, G_FILE_TEST_EXISTS));
  run (&h, NULL, "export", "calls", "--db", db, NULL);
  g_assert_cmpint (h.status, ==, 2);
  run (&i, "salesroom", "export", "owners", "--db", db, "--user", "sunqiantai", "-o", never, NULL);
  g_assert_cmpint (i.status, ==, 1);
  g_assert_nonnull (strstr (i.err, "may not read"));
  g_assert_false (g_file_test (never, G_FILE_TEST_EXISTS));
  sr_test_remove_tree (dir);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  bin = g_getenv ("SALESROOM_BIN");
  g_assert_nonnull (bin);
  g_test_add_func ("/cli/version-and-usage", test_version_and_usage);
  g_test_add_func ("/cli/demo-and-backup", test_demo_and_backup);
  g_test_add_func ("/cli/import-units", test_import_units);
  g_test_add_func ("/cli/export", test_export);
  g_test_add_func ("/cli/bad-usage", test_bad_usage);
  return g_test_run ();
}
