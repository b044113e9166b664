/* bench-backends — the same office on a database file and on the office server, side by
 * side: customer search per keystroke, finance's confirm-deposit transaction, and a
 * register exported to Excel.
 *
 *   bench-backends FILE.db postgresql://…    (the server holding the same office, as
 *                                            salesroom migrate leaves it; both change:
 *                                            give copies)
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "common/sr-test-util.h"
#include "core/sr-bookings.h"
#include "core/sr-customers.h"
#include "core/sr-deals.h"
#include "core/sr-registers.h"
#include "registers/sr-register-file.h"

typedef struct {
  double search_p50, search_p95;
  double deposit_p50, deposit_p95;
  double export_s;
  guint export_rows;
  guint deposits;
} Figures;

static void
search (SrContext *ctx,
        Figures   *f)
{
  const char *queries[] = { "13800138000", "1391234", "zs", "wxy", "zhangwei", "liuyang", "张伟", "欧阳", NULL };
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint q = 0; queries[q] != NULL; q++)
    for (const char *end = g_utf8_next_char (queries[q]); ; end = g_utf8_next_char (end))
      {
        g_autofree char *typed = g_strndup (queries[q], end - queries[q]);
        g_autoptr(GError) error = NULL;
        gint64 start = g_get_monotonic_time ();
        g_autoptr(GPtrArray) rows = sr_customers_search (ctx, typed, 50, &error);
        double t = (g_get_monotonic_time () - start) / 1000.0;

        if (rows == NULL)
          g_error ("%s", error->message);
        g_array_append_val (ms, t);
        if (*end == '\0')
          break;
      }
  f->search_p50 = sr_test_percentile (ms, 0.5);
  f->search_p95 = sr_test_percentile (ms, 0.95);
}

/* 100 requests on free units for customers without a sale; finance's step timed. */
static void
deposits (SrContext *ctx,
          Figures   *f)
{
  SrDb *db = sr_context_get_db (ctx);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) units = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) customers = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *today = sr_clock_today (sr_context_get_clock (ctx));
  SrStmt *stmt;

  stmt = sr_db_prepare (db, "SELECT id FROM units WHERE status = 'available' ORDER BY id DESC LIMIT 100", &error);
  while (sr_stmt_step (stmt, &error) == SR_STEP_ROW)
    {
      gint64 id = sr_stmt_get_int (stmt, 0);
      g_array_append_val (units, id);
    }
  sr_stmt_done (stmt);
  stmt = sr_db_prepare (db, "SELECT c.id FROM customers c WHERE c.owner_id IS NOT NULL AND NOT EXISTS "
                        "(SELECT 1 FROM deals d WHERE d.customer_id = c.id) ORDER BY c.id DESC LIMIT 100", &error);
  while (sr_stmt_step (stmt, &error) == SR_STEP_ROW)
    {
      gint64 id = sr_stmt_get_int (stmt, 0);
      g_array_append_val (customers, id);
    }
  sr_stmt_done (stmt);
  for (guint i = 0; i < MIN (units->len, customers->len); i++)
    {
      gint64 booking = sr_units_request_subscription (ctx, g_array_index (units, gint64, i),
                                                      g_array_index (customers, gint64, i), 5000000,
                                                      "2026-12-31", &error);
      gint64 deal = 0, start;
      double t;

      if (booking == 0 || !sr_db_get_int (db, &deal, &error, "SELECT deal_id FROM bookings WHERE id = ?1", "i", booking))
        g_error ("%s", error->message);
      start = g_get_monotonic_time ();
      if (!sr_deals_confirm_deposit (ctx, deal, 5000000, "transfer", today, NULL, &error))
        g_error ("%s", error->message);
      t = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (ms, t);
    }
  f->deposits = ms->len;
  f->deposit_p50 = sr_test_percentile (ms, 0.5);
  f->deposit_p95 = sr_test_percentile (ms, 0.95);
}

static void
export (SrContext  *ctx,
        const char *dir,
        const char *name,
        Figures    *f)
{
  const SrRegister *reg = sr_registers_find ("visits");
  SrRegisterFilter filter = { 0 };
  g_autofree char *out = g_strdup_printf ("%s/%s-visits.xlsx", dir, name);
  g_autoptr(GError) error = NULL;
  gint64 start;

  filter.from_day = g_strdup ("2026-01-01");
  if (!sr_register_filter_check (reg, ctx, &filter, &error))
    g_error ("%s", error->message);
  start = g_get_monotonic_time ();
  if (!sr_register_write_xlsx (ctx, reg, &filter, out, NULL, NULL, NULL, &f->export_rows, &error))
    g_error ("%s", error->message);
  f->export_s = (g_get_monotonic_time () - start) / 1e6;
  sr_register_filter_clear (&filter);
}

int
main (int argc, char *argv[])
{
  g_autofree char *dir = sr_test_tmp_dir ();
  Figures fig[2] = { { 0 }, { 0 } };
  const char *names[2] = { "file (SQLite)", "server (PostgreSQL)" };

  setlocale (LC_ALL, "C.UTF-8");
  if (argc != 3)
    {
      g_printerr ("usage: bench-backends FILE.db postgresql://…\n");
      return 2;
    }
  for (int b = 0; b < 2; b++)
    {
      g_autoptr(SrContext) ctx = sr_test_context_open (argv[1 + b]);
      search (ctx, &fig[b]);
      deposits (ctx, &fig[b]);
      export (ctx, dir, b == 0 ? "file" : "server", &fig[b]);
    }
  g_print ("both backends, the same office (search: %s; confirm deposit: %u sales; export: visits, a year, %u rows):\n",
           "8 queries typed key by key", fig[0].deposits, fig[0].export_rows);
  g_print ("  %-20s %18s %18s %22s %10s\n", "", "search p50 / p95", "", "confirm deposit p50 / p95", "export");
  for (int b = 0; b < 2; b++)
    g_print ("  %-20s %8.2f / %6.2f ms %18s %8.2f / %6.2f ms %9.2f s\n", names[b], fig[b].search_p50,
             fig[b].search_p95, "", fig[b].deposit_p50, fig[b].deposit_p95, fig[b].export_s);
  return 0;
}
