/* bench-store — prints how long the demo generator and opening a database take.
 *
 *   bench-store [--large-db FILE]   (keeps the large demo there for other benchmarks)
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "common/sr-test-util.h"
#include "core/sr-demo.h"

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

static double
generate (const char *path,
          SrDemoSize  size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SrDb) db = NULL;
  g_autoptr(SrContext) ctx = NULL;
  SrDemoOptions options = { SR_OFFICE_PROPERTY, size, 1, "2026-11-23" };
  gint64 start = g_get_monotonic_time ();

  db = sr_db_open (path, SR_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);
  ctx = sr_context_new (db, NULL);
  if (!sr_demo_generate (ctx, &options, NULL, &error))
    g_error ("%s", error->message);
  return seconds_since (start);
}

int
main (int argc, char *argv[])
{
  g_autofree char *dir = sr_test_tmp_dir ();
  g_autofree char *small = g_build_filename (dir, "small.db", NULL);
  g_autofree char *large = NULL;
  double t;
  GStatBuf st;

  setlocale (LC_ALL, "C.UTF-8");
  large = argc > 2 && g_strcmp0 (argv[1], "--large-db") == 0 ? g_strdup (argv[2])
                                                              : g_build_filename (dir, "large.db", NULL);
  g_unlink (large);

  t = generate (small, SR_DEMO_SMALL);
  g_print ("demo small (400 customers, 180 units):        %8.3f s\n", t);
  t = generate (large, SR_DEMO_LARGE);
  g_stat (large, &st);
  g_print ("demo large (100,000 customers, 20,000 units): %8.3f s, %.1f MiB\n", t,
           st.st_size / 1048576.0);

  for (int round = 0; round < 3; round++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      g_autoptr(SrDb) db = sr_db_open (large, SR_DB_OPEN_EXISTING, &error);
      g_autoptr(SrContext) ctx = sr_context_new (db, NULL);
      g_autofree char *name = NULL;
      gint64 n = 0;

      g_assert_no_error (error);
      g_assert_true (sr_office_get (ctx, &name, NULL, &error));
      g_assert_true (sr_db_query_int (db, "SELECT count(*) FROM customers", &n, &error));
      g_print ("open the large database and count its %" G_GINT64_FORMAT " customers: %6.1f ms\n",
               n, seconds_since (start) * 1000);
    }
  sr_test_remove_tree (dir);
  return 0;
}
