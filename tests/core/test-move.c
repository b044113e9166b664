/* Moving an office from its file to the office server (salesroom migrate): everything
 * arrives, the audit log too, verified table by table; the server goes on from there; a
 * server that holds an office already, or a server given as the file, is refused. On the
 * server only (suite core-pg): without one it has nothing to test. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "common/sr-test-util.h"
#include "core/sr-customers.h"
#include "core/sr-demo.h"
#include "core/sr-error.h"
#include "core/sr-move.h"

static gint64
count (SrDb       *db,
       const char *sql)
{
  gint64 n = -1;
  g_assert_true (sr_db_query_int (db, sql, &n, NULL));
  return n;
}

/* A demo office in a file. */
static char *
demo_file (void)
{
  g_autofree char *dir = sr_test_tmp_dir ();
  char *path = g_build_filename (dir, "office.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SrDb) db = sr_db_open (path, SR_DB_OPEN_CREATE, &error);
  g_autoptr(SrContext) ctx = NULL;
  g_autoptr(SrSession) cli = sr_session_new_command_line ();
  SrDemoOptions options = { SR_OFFICE_PROPERTY, SR_DEMO_SMALL, 5, SR_TEST_NOW_DAY };
  SrDemoCounts counts;

  g_assert_no_error (error);
  ctx = sr_context_new (db, NULL);
  sr_context_set_session (ctx, cli);
  g_assert_true (sr_demo_generate (ctx, &options, &counts, &error));
  g_assert_no_error (error);
  return path;
}

static void
progress (const char *table,
          guint       done,
          guint       total,
          gpointer    user_data)
{
  guint *calls = user_data;
  g_assert_nonnull (table);
  g_assert_cmpuint (done, <=, total);
  (*calls)++;
}

static void
test_move (void)
{
  g_autofree char *file = demo_file ();
  g_autofree char *server = sr_test_new_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) moved = NULL;
  g_autoptr(SrDb) from = NULL;
  g_autoptr(SrDb) to = NULL;
  guint calls = 0;
  gboolean saw_audit = FALSE;
  gint64 before_max = 0;

  moved = sr_move_office (file, server, progress, &calls, &error);
  g_assert_no_error (error);
  g_assert_nonnull (moved);
  g_assert_cmpuint (calls, ==, moved->len);
  for (guint i = 0; i < moved->len; i++)
    {
      SrMovedTable *t = moved->pdata[i];
      g_assert_cmpint (t->rows_from, ==, t->rows_to);
      g_assert_cmpstr (t->sum_from, ==, t->sum_to);
      if (strcmp (t->table, "audit_log") == 0)
        {
          saw_audit = TRUE;
          g_assert_cmpint (t->rows_to, >, 100);
        }
    }
  g_assert_true (saw_audit);

  /* The server holds what the file holds, table by table. */
  from = sr_db_open (file, SR_DB_OPEN_EXISTING, &error);
  to = sr_db_open (server, SR_DB_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (to, "SELECT count(*) FROM customers"), ==, count (from, "SELECT count(*) FROM customers"));
  g_assert_cmpint (count (to, "SELECT sum (amount_fen) FROM receipts"), ==, count (from, "SELECT sum (amount_fen) FROM receipts"));
  /* Paid amounts arrived as they were (no trigger added the allocations twice). */
  g_assert_cmpint (count (to, "SELECT sum (paid_fen) FROM plan_items"), ==, count (from, "SELECT sum (paid_fen) FROM plan_items"));

  /* Work goes on on the server: a new customer takes the next id. */
  before_max = count (to, "SELECT max (id) FROM customers");
  {
    g_autoptr(SrContext) ctx = sr_context_new (to, NULL);
    g_autoptr(SrSession) cli = sr_session_new_command_line ();
    const char *phones[] = { "13600000001", NULL };
    SrCustomerInput in = { "迁移后的客户", NULL, "call", 0, NULL, 0, phones, FALSE, 0 };
    sr_context_set_session (ctx, cli);
    g_assert_cmpint (sr_customers_add (ctx, &in, &error), ==, before_max + 1);
    g_assert_no_error (error);
  }

  /* A second move into the same database: refused, and nothing changes. */
  g_clear_pointer (&moved, g_ptr_array_unref);
  moved = sr_move_office (file, server, NULL, NULL, &error);
  g_assert_null (moved);
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (count (to, "SELECT max (id) FROM customers"), ==, before_max + 1);

  /* The wrong way round. */
  moved = sr_move_office (server, server, NULL, NULL, &error);
  g_assert_null (moved);
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  if (sr_test_on_server ())
    g_test_add_func ("/move/file-to-server", test_move);
  return g_test_run ();
}
