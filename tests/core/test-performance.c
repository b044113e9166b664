/* Targets and the performance register's data: periods (weeks from Monday, months), a
 * target set and replaced, and what a consultant did beside it. */
#include "config.h"

#include <locale.h>

#include "common/sr-test-util.h"
#include "core/sr-contracts.h"
#include "core/sr-customers.h"
#include "core/sr-deal-steps.h"
#include "core/sr-error.h"
#include "core/sr-performance.h"

static void
test_periods (void)
{
  struct { SrPeriod period; const char *day, *from, *to; } cases[] = {
    { SR_PERIOD_WEEK, "2026-11-23", "2026-11-23", "2026-11-29" },   /* a Monday */
    { SR_PERIOD_WEEK, "2026-11-29", "2026-11-23", "2026-11-29" },   /* its Sunday */
    { SR_PERIOD_WEEK, "2026-12-02", "2026-11-30", "2026-12-06" },   /* across months */
    { SR_PERIOD_WEEK, "2027-01-01", "2026-12-28", "2027-01-03" },   /* across years */
    { SR_PERIOD_MONTH, "2026-02-10", "2026-02-01", "2026-02-28" },
    { SR_PERIOD_MONTH, "2028-02-10", "2028-02-01", "2028-02-29" },
  };
  char *from = NULL, *to = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_true (sr_period_bounds (cases[i].period, cases[i].day, &from, &to));
      g_assert_cmpstr (from, ==, cases[i].from);
      g_assert_cmpstr (to, ==, cases[i].to);
      g_clear_pointer (&from, g_free);
      g_clear_pointer (&to, g_free);
    }
  g_assert_false (sr_period_bounds (SR_PERIOD_WEEK, "2026-11-31", &from, &to));
}

static void
test_register (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_DECORATION);
  g_autoptr(SrContext) sup = sr_test_context_as (admin, "kehujingli", SR_ROLE_CUSTOMER_MANAGER);
  g_autoptr(SrContext) gw = sr_test_context_as (admin, "sheji", SR_ROLE_CONSULTANT);
  g_autoptr(SrContext) fin = sr_test_context_as (admin, "caiwu", SR_ROLE_FINANCE);
  g_autoptr(GError) error = NULL;
  const char *phones[] = { "13800138000", NULL };
  SrCustomerInput in = { "业先生", NULL, "walk-in", 0, NULL, sr_test_staff_id (gw), phones, FALSE, 0 };
  gint64 customer = sr_customers_add (sup, &in, &error);
  SrContractDeal deal = { customer, "construction", "ZX-1", SR_TEST_NOW_DAY, 20000000, 6000000, 2, 30, NULL };
  gint64 id = sr_contracts_add (gw, &deal, &error);
  g_autoptr(GPtrArray) rows = NULL;
  SrPerformance *mine = NULL;

  g_assert_cmpint (id, >, 0);
  g_assert_true (sr_deals_record_payment (fin, id, 6000000, "transfer", SR_TEST_NOW_DAY, FALSE, NULL, &error));
  /* Only a supervisor sets targets; a later one replaces the earlier. */
  g_assert_false (sr_targets_set (gw, sr_test_staff_id (gw), SR_PERIOD_MONTH, SR_TEST_NOW_DAY, 100, 1, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (sr_targets_set (sup, sr_test_staff_id (gw), SR_PERIOD_MONTH, "11/2026", 100, 1, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (sr_targets_set (sup, sr_test_staff_id (gw), SR_PERIOD_MONTH, "2026-11-02", 30000000, 2, &error));
  g_assert_true (sr_targets_set (sup, sr_test_staff_id (gw), SR_PERIOD_MONTH, "2026-11-20", 50000000, 3, &error));
  g_assert_no_error (error);

  rows = sr_performance_list (sup, SR_PERIOD_MONTH, SR_TEST_NOW_DAY, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    if (((SrPerformance *) rows->pdata[i])->staff_id == sr_test_staff_id (gw))
      mine = rows->pdata[i];
  g_assert_nonnull (mine);
  g_assert_cmpuint (mine->signings, ==, 1);
  g_assert_cmpint (mine->value_fen, ==, 20000000);
  g_assert_cmpint (mine->received_fen, ==, 6000000);
  g_assert_cmpint (mine->target_value_fen, ==, 50000000);
  g_assert_cmpuint (mine->target_signings, ==, 3);
  g_clear_pointer (&rows, g_ptr_array_unref);
  /* Next week: nothing yet, no target for the week. */
  rows = sr_performance_list (sup, SR_PERIOD_WEEK, "2026-11-30", &error);
  for (guint i = 0; i < rows->len; i++)
    if (((SrPerformance *) rows->pdata[i])->staff_id == sr_test_staff_id (gw))
      {
        g_assert_cmpuint (((SrPerformance *) rows->pdata[i])->signings, ==, 0);
        g_assert_cmpint (((SrPerformance *) rows->pdata[i])->target_value_fen, ==, 0);
      }
  g_clear_object (&sup); g_clear_object (&gw); g_clear_object (&fin);
  sr_test_context_finish (g_steal_pointer (&admin));
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/performance/periods", test_periods);
  g_test_add_func ("/performance/register", test_register);
  return g_test_run ();
}
