/* bench-sales — the money side of a sale and the price-list import on the large demo.
 *
 *   bench-sales LARGE.db    (works on a copy; the file is left as it was)
 *
 * Prints the confirm-deposit transaction (median and 95th percentile over 300 sales:
 * receipt numbered, plan item, booking, unit and deal states, stage change, audit) and
 * the parse and import of a 20,000-row price list (new units, then the same file again).
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "common/sr-test-util.h"
#include "core/sr-bookings.h"
#include "core/sr-deals.h"
#include "core/sr-price-list.h"

int
main (int argc, char *argv[])
{
  g_autofree char *dir = sr_test_tmp_dir ();
  g_autofree char *copy = g_build_filename (dir, "sales.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) from = NULL;
  g_autoptr(GFile) to = NULL;
  g_autoptr(SrDb) db = NULL;
  g_autoptr(SrContext) ctx = NULL;
  g_autoptr(SrSession) session = sr_session_new_command_line ();
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(SrStmt) stmt = NULL;
  g_autoptr(GArray) units = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) customers = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GString) csv = g_string_new ("楼栋,单元,楼层,房号,户型,建筑面积,单价,总价\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SrPriceList) list = NULL;
  g_autofree char *today = NULL;
  gint64 start;

  setlocale (LC_ALL, "C.UTF-8");
  if (argc != 2)
    {
      g_printerr ("usage: bench-sales LARGE.db\n");
      return 2;
    }
  from = g_file_new_for_path (argv[1]);
  to = g_file_new_for_path (copy);
  if (!g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
  db = sr_db_open (copy, SR_DB_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  ctx = sr_context_new (db, NULL);
  sr_context_set_session (ctx, session);
  today = sr_clock_today (sr_context_get_clock (ctx));

  /* 300 requests on free units for customers without a sale, then time finance's step. */
  stmt = sr_db_prepare (db, "SELECT id FROM units WHERE status = 'available' ORDER BY id DESC LIMIT 300", &error);
  while (sr_stmt_step (stmt, &error) == SR_STEP_ROW)
    {
      gint64 id = sr_stmt_get_int (stmt, 0);
      g_array_append_val (units, id);
    }
  g_clear_pointer (&stmt, sr_stmt_done);
  stmt = sr_db_prepare (db, "SELECT c.id FROM customers c WHERE c.owner_id IS NOT NULL AND NOT EXISTS "
                        "(SELECT 1 FROM deals d WHERE d.customer_id = c.id) ORDER BY c.id DESC LIMIT 300", &error);
  while (sr_stmt_step (stmt, &error) == SR_STEP_ROW)
    {
      gint64 id = sr_stmt_get_int (stmt, 0);
      g_array_append_val (customers, id);
    }
  g_clear_pointer (&stmt, sr_stmt_done);
  for (guint i = 0; i < MIN (units->len, customers->len); i++)
    {
      gint64 booking = sr_units_request_subscription (ctx, g_array_index (units, gint64, i),
                                                      g_array_index (customers, gint64, i), 5000000,
                                                      "2026-12-31", &error);
      gint64 deal = 0;
      double t;
      if (booking == 0 || !sr_db_get_int (db, &deal, &error, "SELECT deal_id FROM bookings WHERE id = ?1",
                                          "i", booking))
        g_error ("%s", error->message);
      start = g_get_monotonic_time ();
      if (!sr_deals_confirm_deposit (ctx, deal, 5000000, "transfer", today, NULL, &error))
        g_error ("%s", error->message);
      t = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (ms, t);
    }
  g_print ("confirm deposit (%u sales on the large demo):   median %.2f ms, p95 %.2f ms\n", ms->len,
           sr_test_percentile (ms, 0.5), sr_test_percentile (ms, 0.95));

  /* A 20,000-row price list: 20 buildings × 25 floors × 10 entrances × 4 units. */
  for (int b = 1; b <= 20; b++)
    for (int e = 1; e <= 10; e++)
      for (int f = 1; f <= 25; f++)
        for (int u = 1; u <= 4; u++)
          {
            gint64 area = u % 2 == 0 ? 8936 : 12050;
            gint64 total = area * (1200000 + f * 3000) / 10000 * 100;
            g_string_append_printf (csv, "B%d栋,%d,%d,%d%02d,%s,%" G_GINT64_FORMAT ".%02d,,%" G_GINT64_FORMAT "\n",
                                    b, e, f, f, u, u % 2 == 0 ? "两室两厅" : "三室两厅",
                                    area / 100, (int) (area % 100), total / 100);
          }
  bytes = g_bytes_new (csv->str, csv->len);
  start = g_get_monotonic_time ();
  list = sr_price_list_parse (bytes, &error);
  if (list == NULL)
    g_error ("%s", error->message);
  g_print ("price list, 20,000 rows (%.1f MiB): parse %.0f ms", csv->len / 1048576.0,
           (g_get_monotonic_time () - start) / 1000.0);
  start = g_get_monotonic_time ();
  if (!sr_price_list_import (ctx, list, "基准楼盘", TRUE, &error))
    g_error ("%s", error->message);
  g_print (", dry run %.0f ms", (g_get_monotonic_time () - start) / 1000.0);
  start = g_get_monotonic_time ();
  if (!sr_price_list_import (ctx, list, "基准楼盘", FALSE, &error))
    g_error ("%s", error->message);
  g_print (", import %.0f ms (%u new units)", (g_get_monotonic_time () - start) / 1000.0, list->n_new);
  start = g_get_monotonic_time ();
  if (!sr_price_list_import (ctx, list, "基准楼盘", FALSE, &error))
    g_error ("%s", error->message);
  g_print (", again %.0f ms (%u unchanged)\n", (g_get_monotonic_time () - start) / 1000.0, list->n_unchanged);

  g_clear_object (&ctx);
  g_clear_object (&db);
  sr_test_remove_tree (dir);
  return 0;
}
