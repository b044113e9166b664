/* The cost sheet: loan arithmetic against known figures, and one unit under each
 * payment method with the office's terms. */
#include "config.h"

#include <locale.h>

#include "common/sr-test-util.h"
#include "core/sr-cost-sheet.h"
#include "core/sr-units.h"

static void
test_monthly (void)
{
  /* ¥1,000,000 over 30 years at 4.90 %: ¥5,307.27 a month (the banks' table). */
  g_assert_cmpint (sr_loan_monthly (100000000, 490, 360), ==, 530727);
  /* ¥500,000 over 20 years at 3.25 % (provident fund): ¥2,835.98. */
  g_assert_cmpint (sr_loan_monthly (50000000, 325, 240), ==, 283598);
  /* No interest: equal parts, rounded up to the fen. */
  g_assert_cmpint (sr_loan_monthly (100000, 0, 3), ==, 33334);
  g_assert_cmpint (sr_loan_monthly (100000, 490, 0), ==, 0);
  g_assert_cmpint (sr_loan_monthly (0, 490, 360), ==, 0);
}

static void
test_sheet (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_PROPERTY);
  g_autoptr(GError) error = NULL;
  g_autoptr(SrCostSheet) sheet = NULL;
  /* 150.00 m² at ¥12,000: ¥1,800,000. */
  SrUnitColumn column = { "四室两厅", 15000, 1200000 };
  SrBuildingPlan plan = { "1号楼", 1, 0, 1, &column, 0, FALSE };
  gint64 project = sr_projects_add (admin, "翠湖", NULL, &error);
  gint64 building = sr_buildings_create (admin, project, &plan, &error);
  g_autoptr(GPtrArray) units = sr_units_list (admin, building, &error);
  gint64 unit = ((SrUnit *) units->pdata[0])->id;
  SrCostColumn *c;

  g_assert_true (sr_settings_set (admin, "sales.one_off_discount_permille", "20", &error));
  sheet = sr_cost_sheet_new (admin, unit, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sheet->unit_label, ==, "翠湖 1号楼 101");
  g_assert_cmpint (sheet->list_fen, ==, 180000000);
  /* One-off: 2 % off, all paid at once. */
  c = &sheet->columns[0];
  g_assert_cmpstr (c->method, ==, "one-off");
  g_assert_cmpint (c->discount_fen, ==, 3600000);
  g_assert_cmpint (c->price_fen, ==, 176400000);
  g_assert_cmpint (c->down_fen, ==, 176400000);
  g_assert_cmpint (c->monthly_fen, ==, 0);
  /* Instalments: half now, the rest over 12 months. */
  c = &sheet->columns[1];
  g_assert_cmpint (c->down_fen, ==, 90000000);
  g_assert_cmpint (c->monthly_fen, ==, 7500000);
  /* Commercial: 30 % down, ¥1,260,000 over 30 years at 3.55 %. */
  c = &sheet->columns[2];
  g_assert_cmpint (c->down_fen, ==, 54000000);
  g_assert_cmpint (c->commercial_loan_fen, ==, 126000000);
  g_assert_cmpint (c->monthly_fen, ==, sr_loan_monthly (126000000, 355, 360));
  /* Provident fund: capped at ¥1,200,000, so ¥600,000 down. */
  c = &sheet->columns[3];
  g_assert_cmpint (c->fund_loan_fen, ==, 120000000);
  g_assert_cmpint (c->down_fen, ==, 60000000);
  /* Combined: 20 % down; the fund's ¥1,200,000 and the bank's ¥240,000. */
  c = &sheet->columns[4];
  g_assert_cmpint (c->down_fen, ==, 36000000);
  g_assert_cmpint (c->fund_loan_fen, ==, 120000000);
  g_assert_cmpint (c->commercial_loan_fen, ==, 24000000);
  g_assert_cmpint (c->monthly_fen, ==, sr_loan_monthly (120000000, 285, 360) + sr_loan_monthly (24000000, 355, 360));
  for (guint m = 0; m < 5; m++)
    g_assert_cmpint (sheet->columns[m].down_fen + sheet->columns[m].commercial_loan_fen +
                     sheet->columns[m].fund_loan_fen + (m == 1 ? 90000000 : 0), ==, sheet->columns[m].price_fen);

  g_assert_null (sr_cost_sheet_new (admin, 999999, &error));
  g_assert_nonnull (error);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cost-sheet/monthly", test_monthly);
  g_test_add_func ("/cost-sheet/sheet", test_sheet);
  return g_test_run ();
}
