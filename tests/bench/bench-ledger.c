/* bench-ledger — the money pages at volume: a copy of the large demo grows to 300,000
 * payments (monthly instalments paid on signed sales, written in bulk), then finance's
 * lists, a day's receipts, a customer's ledger and recording a payment are timed.
 *
 *   bench-ledger LARGE.db    (works on a copy; the file is left as it was)
 */
#include "config.h"

#include <gio/gio.h>
#include <locale.h>

#include "common/sr-test-util.h"
#include "core/sr-deal-steps.h"
#include "core/sr-deals.h"
#include "core/sr-ledger.h"

#define TARGET 300000

/* Monthly instalments of ¥1,000 on signed sales, each paid on its day, until there are
 * @target payments in all. */
static void
grow (SrDb  *db,
      guint  target)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) deals = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(SrStmt) stmt = sr_db_prepare (db, "SELECT id FROM deals WHERE state = 'signed' ORDER BY id", &error);
  gint64 have = 0, number = 0;
  guint k = 0;

  while (sr_stmt_step (stmt, &error) == SR_STEP_ROW)
    {
      gint64 id = sr_stmt_get_int (stmt, 0);
      g_array_append_val (deals, id);
    }
  g_clear_pointer (&stmt, sr_stmt_done);
  g_assert_cmpuint (deals->len, >, 0);
  g_assert_true (sr_db_query_int (db, "SELECT count(*) FROM receipts", &have, NULL));
  g_assert_true (sr_db_query_int (db, "SELECT coalesce (max (number), 0) FROM receipts WHERE year = 2024", &number, NULL));
  g_assert_true (sr_db_begin (db, NULL));
  for (gint64 n = have; n < target; n++, k++)
    {
      gint64 deal = g_array_index (deals, gint64, k % deals->len);
      guint month = k / deals->len;
      g_autofree char *day = g_strdup_printf ("2024-%02u-%02u", 1 + month % 12, 1 + (guint) (deal % 28));
      gint64 item = 0, receipt = 0;
      if (!sr_db_get_int (db, &item, &error, "INSERT INTO plan_items (deal_id, kind, due_day, amount_fen, position) "
                          "VALUES (?1, 'instalment', ?2, 100000, 100 + ?3) RETURNING id", "iti", deal, day, (gint64) month) ||
          !sr_db_get_int (db, &receipt, &error, "INSERT INTO receipts (year, number, deal_id, kind, day, amount_fen, method, "
                          "recorded_at, confirmed_at) VALUES (2024, ?1, ?2, 'payment', ?3, 100000, 'transfer', 0, 0) "
                          "RETURNING id", "iit", ++number, deal, day) ||
          !sr_db_run (db, &error, "INSERT INTO receipt_allocations (receipt_id, plan_item_id, amount_fen) "
                      "VALUES (?1, ?2, 100000)", "ii", receipt, item))
        g_error ("%s", error->message);
    }
  g_assert_true (sr_db_commit (db, NULL));
}

static void
time_call (const char *label,
           GPtrArray *(*call) (SrContext *, GError **),
           SrContext  *ctx)
{
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  guint rows = 0;

  for (int i = 0; i < 10; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GPtrArray) result = call (ctx, &error);
      double t = (g_get_monotonic_time () - start) / 1000.0;
      if (result == NULL)
        g_error ("%s", error->message);
      rows = result->len;
      g_array_append_val (ms, t);
    }
  g_print ("%-34s %6u rows  median %7.2f ms  p95 %7.2f ms\n", label, rows, sr_test_percentile (ms, 0.5), sr_test_percentile (ms, 0.95));
}

/* What the Money page reads: the 200 most overdue and how many there are in all. */
static GPtrArray *overdue (SrContext *ctx, GError **error)
{
  guint total = 0;
  return sr_ledger_overdue_find (ctx, 0, NULL, 200, &total, error);
}
static GPtrArray *overdue_search (SrContext *ctx, GError **error)
{
  return sr_ledger_overdue_find (ctx, 0, "王", 200, NULL, error);
}
static GPtrArray *for_finance (SrContext *ctx, GError **error) { return sr_deals_list_for_finance (ctx, error); }
static GPtrArray *busy_day (SrContext *ctx, GError **error) { return sr_receipts_for_day (ctx, "2024-03-05", error); }
static GPtrArray *today (SrContext *ctx, GError **error)
{
  g_autofree char *day = sr_clock_today (sr_context_get_clock (ctx));
  return sr_receipts_for_day (ctx, day, error);
}

int
main (int argc, char *argv[])
{
  g_autofree char *dir = sr_test_tmp_dir ();
  g_autofree char *copy = g_build_filename (dir, "ledger.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) from = NULL;
  g_autoptr(GFile) to = NULL;
  SrDb *db;
  g_autoptr(SrContext) ctx = NULL;
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) deals = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(SrStmt) stmt = NULL;
  g_autofree char *day = NULL;
  gint64 count = 0, start;

  setlocale (LC_ALL, "C.UTF-8");
  if (argc != 2)
    {
      g_printerr ("usage: bench-ledger LARGE.db\n");
      return 2;
    }
  from = g_file_new_for_path (argv[1]);
  to = g_file_new_for_path (copy);
  if (!g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
  ctx = sr_test_context_open (copy);
  db = sr_context_get_db (ctx);
  day = sr_clock_today (sr_context_get_clock (ctx));

  start = g_get_monotonic_time ();
  grow (db, TARGET);
  g_assert_true (sr_db_query_int (db, "SELECT count(*) FROM receipts", &count, NULL));
  g_print ("ledger grown to %" G_GINT64_FORMAT " payments in %.1f s\n", count, (g_get_monotonic_time () - start) / 1e6);

  time_call ("overdue list (催款, 200 and the count)", overdue, ctx);
  time_call ("overdue list searched (王)", overdue_search, ctx);
  time_call ("finance's deals (deposits, refunds)", for_finance, ctx);
  time_call ("receipts of a busy day", busy_day, ctx);
  time_call ("receipts of today", today, ctx);

  /* A customer's ledger and a payment on sales with many receipts. */
  stmt = sr_db_prepare (db, "SELECT d.id FROM deals d WHERE d.state = 'signed' AND EXISTS (SELECT 1 FROM plan_items p "
                        "WHERE p.deal_id = d.id AND p.paid_fen < p.amount_fen) ORDER BY d.id LIMIT 100", &error);
  while (sr_stmt_step (stmt, &error) == SR_STEP_ROW)
    {
      gint64 id = sr_stmt_get_int (stmt, 0);
      g_array_append_val (deals, id);
    }
  g_clear_pointer (&stmt, sr_stmt_done);
  for (guint i = 0; i < deals->len; i++)
    {
      gint64 id = g_array_index (deals, gint64, i);
      g_autoptr(GPtrArray) plan = NULL;
      g_autoptr(GPtrArray) receipts = NULL;
      g_autoptr(SrDeal) deal = NULL;
      double t;
      start = g_get_monotonic_time ();
      deal = sr_deals_get (ctx, id, &error);
      plan = sr_deals_list_plan (ctx, id, &error);
      receipts = sr_deals_list_receipts (ctx, id, &error);
      if (deal == NULL || plan == NULL || receipts == NULL)
        g_error ("%s", error->message);
      t = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (ms, t);
    }
  g_print ("a sale's panel (deal, plan, receipts)     median %.2f ms, p95 %.2f ms\n", sr_test_percentile (ms, 0.5),
           sr_test_percentile (ms, 0.95));
  g_array_set_size (ms, 0);
  for (guint i = 0; i < deals->len; i++)
    {
      gint64 id = g_array_index (deals, gint64, i);
      SrFen due = 0;
      double t;
      if (!sr_deals_due (ctx, id, &due, &error))
        g_error ("%s", error->message);
      if (due <= 0)
        continue;
      start = g_get_monotonic_time ();
      if (!sr_deals_record_payment (ctx, id, MIN (due, 100), "cash", day, FALSE, NULL, &error))
        g_error ("%s", error->message);
      t = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (ms, t);
    }
  if (ms->len > 0)
    g_print ("record a payment (%u sales)                median %.2f ms, p95 %.2f ms\n", ms->len, sr_test_percentile (ms, 0.5),
             sr_test_percentile (ms, 0.95));
  g_clear_object (&ctx);
  sr_test_remove_tree (dir);
  return 0;
}
