/* Late money: overdue plan items (the 催款 list), delays approved by the manager, and
 * subscriptions past their agreed signing date. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "common/sr-test-util.h"
#include "core/sr-bookings.h"
#include "core/sr-customers.h"
#include "core/sr-deal-steps.h"
#include "core/sr-deals.h"
#include "core/sr-error.h"
#include "core/sr-follow-ups.h"
#include "core/sr-ledger.h"
#include "core/sr-units.h"

#define TODAY SR_TEST_NOW_DAY

static void
test_late_money (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_PROPERTY);
  g_autoptr(SrContext) ctl = sr_test_context_as (admin, "xiaokong", SR_ROLE_SALES_CONTROLLER);
  g_autoptr(SrContext) fin = sr_test_context_as (admin, "caiwu", SR_ROLE_FINANCE);
  g_autoptr(SrContext) mgr = sr_test_context_as (admin, "jingli", SR_ROLE_MANAGER);
  g_autoptr(SrContext) gw = sr_test_context_as (admin, "guwen", SR_ROLE_CONSULTANT);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) late = NULL;
  SrUnitColumn column = { "三室两厅", 10000, 1000000 };
  SrBuildingPlan plan = { "5号楼", 2, 0, 1, &column, 0, FALSE };
  gint64 project = sr_projects_add (admin, "翠湖", NULL, &error);
  gint64 building = sr_buildings_create (admin, project, &plan, &error);
  g_autoptr(GPtrArray) units = sr_units_list (admin, building, &error);
  gint64 deals[2] = { 0 };
  SrLateRow *row;

  /* Two subscriptions of the consultant's customers, to sign by 11-25; one is signed. */
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *phone = g_strdup_printf ("1380000000%u", i);
      const char *phones[] = { phone, NULL };
      SrCustomerInput in = { i == 0 ? "付先生" : "等女士", NULL, "walk-in", 0, NULL, sr_test_staff_id (gw), phones, FALSE, 0 };
      gint64 customer = sr_customers_add (mgr, &in, &error);
      gint64 booking = sr_units_request_subscription (gw, ((SrUnit *) units->pdata[i])->id, customer, 5000000,
                                                      "2026-11-25", &error);
      g_assert_no_error (error);
      g_assert_true (sr_db_get_int (sr_context_get_db (admin), &deals[i], NULL,
                                    "SELECT deal_id FROM bookings WHERE id = ?1", "i", booking));
      g_assert_true (sr_deals_confirm_deposit (fin, deals[i], 5000000, "cash", TODAY, NULL, &error));
    }
  {
    SrContractInput contract = { "HT-1", TODAY, "one-off", NULL, NULL };   /* balance due 11-30 */
    g_assert_true (sr_deals_sign (ctl, deals[0], &contract, &error));
    g_assert_no_error (error);
  }
  /* Finance's day: both deposits, in number order. */
  {
    g_autoptr(GPtrArray) day = sr_receipts_for_day (admin, TODAY, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (day->len, ==, 2);
    g_assert_cmpstr (((SrDayReceipt *) day->pdata[0])->number, ==, "2026-00001");
    g_assert_cmpstr (((SrDayReceipt *) day->pdata[1])->customer_name, ==, "等女士");
    g_assert_cmpint (((SrDayReceipt *) day->pdata[1])->amount_fen, ==, 5000000);
  }
  late = sr_ledger_overdue (admin, 0, &error);
  g_assert_cmpuint (late->len, ==, 0);
  g_clear_pointer (&late, g_ptr_array_unref);
  late = sr_ledger_unsigned (admin, 0, &error);
  g_assert_cmpuint (late->len, ==, 0);
  g_clear_pointer (&late, g_ptr_array_unref);

  /* A week later: the balance is 3 days overdue and the other sale is 5 days unsigned. */
  sr_test_set_day (admin, "2026-12-03", 10);
  late = sr_ledger_overdue (admin, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (late->len, ==, 1);
  row = g_ptr_array_index (late, 0);
  g_assert_cmpstr (row->customer_name, ==, "付先生");
  g_assert_cmpstr (row->kind, ==, "balance");
  g_assert_cmpint (row->days_late, ==, 3);
  g_assert_cmpint (row->open_fen, ==, 95000000);
  g_assert_cmpstr (row->unit_label, ==, "5号楼 201");
  g_clear_pointer (&late, g_ptr_array_unref);
  /* Searched and counted in the database, as the Money page asks: by name, by unit. */
  {
    guint total = 99;
    g_autoptr(GPtrArray) found = sr_ledger_overdue_find (admin, 0, "付", 200, &total, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (found->len, ==, 1);
    g_assert_cmpuint (total, ==, 1);
    g_clear_pointer (&found, g_ptr_array_unref);
    found = sr_ledger_overdue_find (admin, 0, "5号楼 201", 200, &total, &error);
    g_assert_cmpuint (found->len, ==, 1);
    g_clear_pointer (&found, g_ptr_array_unref);
    found = sr_ledger_overdue_find (admin, 0, "等女士", 200, &total, &error);
    g_assert_cmpuint (found->len, ==, 0);
    g_assert_cmpuint (total, ==, 0);
  }
  late = sr_ledger_overdue (admin, sr_test_staff_id (mgr), &error);   /* not their customers */
  g_assert_cmpuint (late->len, ==, 0);
  g_clear_pointer (&late, g_ptr_array_unref);
  late = sr_ledger_unsigned (admin, sr_test_staff_id (gw), &error);
  g_assert_cmpuint (late->len, ==, 1);
  g_assert_cmpstr (((SrLateRow *) late->pdata[0])->customer_name, ==, "等女士");
  g_assert_cmpint (((SrLateRow *) late->pdata[0])->days_late, ==, 8);
  g_clear_pointer (&late, g_ptr_array_unref);

  /* The consultant's My Day lists both: money to chase and a contract to sign. */
  {
    g_autoptr(SrMyDay) day = sr_my_day_load (admin, sr_test_staff_id (gw), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (day->late->len, ==, 2);
    g_assert_nonnull (strstr (((SrMyDayItem *) day->late->pdata[1])->detail, "2026-11-25"));
  }

  /* Part paid: still overdue for the rest. */
  g_assert_true (sr_deals_record_payment (fin, deals[0], 45000000, "transfer", "2026-12-03", FALSE, NULL, &error));
  late = sr_ledger_overdue (admin, 0, &error);
  g_assert_cmpint (((SrLateRow *) late->pdata[0])->open_fen, ==, 50000000);
  row = g_ptr_array_index (late, 0);

  /* The manager delays it to the new year, with the reason; kept as history. */
  g_assert_false (sr_plan_item_delay (ctl, row->item_id, "2027-01-15", "客户年底资金紧张", &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (sr_plan_item_delay (mgr, row->item_id, "2027-01-15", " ", &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sr_plan_item_delay (mgr, row->item_id, "2026-11-01", "提前", &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (sr_plan_item_delay (mgr, row->item_id, "2027-01-15", "客户年底资金紧张", &error));
  g_assert_no_error (error);
  g_clear_pointer (&late, g_ptr_array_unref);
  late = sr_ledger_overdue (admin, 0, &error);
  g_assert_cmpuint (late->len, ==, 0);
  {
    gint64 n = 0;
    g_assert_true (sr_db_query_int (sr_context_get_db (admin), "SELECT count(*) FROM plan_item_delays "
                                    "WHERE from_day = '2026-11-30' AND to_day = '2027-01-15'", &n, NULL));
    g_assert_cmpint (n, ==, 1);
  }
  g_clear_object (&ctl); g_clear_object (&fin); g_clear_object (&mgr); g_clear_object (&gw);
  sr_test_context_finish (g_steal_pointer (&admin));
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ledger/late-money", test_late_money);
  return g_test_run ();
}
