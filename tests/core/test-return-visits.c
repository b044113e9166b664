/* Return visits (回访): who is due (a week on a construction site without a visit), the
 * visit with its satisfaction, and a problem found opened in the same step. */
#include "config.h"

#include <locale.h>

#include "common/sr-test-util.h"
#include "core/sr-customers.h"
#include "core/sr-error.h"
#include "core/sr-pipeline.h"
#include "core/sr-return-visits.h"

static void
test_visits (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_DECORATION);
  g_autoptr(SrContext) sup = sr_test_context_as (admin, "kehujingli", SR_ROLE_CUSTOMER_MANAGER);
  g_autoptr(SrContext) desk = sr_test_context_as (admin, "qiantai", SR_ROLE_RECEPTIONIST);
  g_autoptr(GError) error = NULL;
  const char *phones[] = { "13800138000", NULL };
  SrCustomerInput in = { "施先生", NULL, "walk-in", 0, NULL, 0, phones, FALSE, 0 };
  gint64 customer = sr_customers_add (sup, &in, &error);
  gint64 construct = 0;
  g_autoptr(GPtrArray) due = NULL;

  g_assert_true (sr_db_get_int (sr_context_get_db (admin), &construct, NULL, "SELECT id FROM stages WHERE kind = "
                                "'construct' ORDER BY position DESC LIMIT 1", ""));
  {
    SrStageMove m = { construct, NULL, NULL };
    g_assert_true (sr_pipeline_move (sup, customer, &m, &error));
  }
  /* Not due the first week on site; due after. */
  due = sr_return_visits_due (sup, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 0);
  g_clear_pointer (&due, g_ptr_array_unref);
  sr_test_set_day (admin, "2026-12-01", 10);
  due = sr_return_visits_due (sup, &error);
  g_assert_cmpuint (due->len, ==, 1);
  g_assert_cmpint (((SrVisitDue *) due->pdata[0])->days_since, ==, 8);
  g_clear_pointer (&due, g_ptr_array_unref);

  /* Refused: a receptionist; no content; satisfaction out of range; an unknown method. */
  {
    SrReturnVisit bad = { customer, "phone", "工地进展顺利", 5, NULL, NULL };
    g_assert_cmpint (sr_return_visits_add (desk, &bad, &error), ==, 0);
    g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED);
    g_clear_error (&error);
    bad.content = " ";
    g_assert_cmpint (sr_return_visits_add (sup, &bad, &error), ==, 0);
    g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
    g_clear_error (&error);
    bad.content = "工地进展顺利";
    bad.satisfaction = 6;
    g_assert_cmpint (sr_return_visits_add (sup, &bad, &error), ==, 0);
    g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
    g_clear_error (&error);
    bad.satisfaction = 4;
    bad.method = "wechat";
    g_assert_cmpint (sr_return_visits_add (sup, &bad, &error), ==, 0);
    g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
    g_clear_error (&error);
  }
  /* A visit that finds a problem: the case is opened; the customer is a problem customer
   * and is not due again for a week. */
  {
    SrReturnVisit visit = { customer, "visit", "瓷砖空鼓，客户不满", 2, "卫生间瓷砖空鼓", NULL };
    g_autoptr(SrCustomer) c = NULL;
    g_autoptr(GPtrArray) list = NULL;
    g_assert_cmpint (sr_return_visits_add (sup, &visit, &error), >, 0);
    g_assert_no_error (error);
    c = sr_customers_get (sup, customer, &error);
    g_assert_true (c->is_problem);
    due = sr_return_visits_due (sup, &error);
    g_assert_cmpuint (due->len, ==, 0);
    list = sr_return_visits_list (sup, "2026-12-01", "2026-12-01", &error);
    g_assert_cmpuint (list->len, ==, 1);
    g_assert_cmpint (((SrVisitRow *) list->pdata[0])->satisfaction, ==, 2);
    g_assert_cmpint (((SrVisitRow *) list->pdata[0])->problem_id, >, 0);
  }
  g_clear_object (&sup);
  g_clear_object (&desk);
  sr_test_context_finish (g_steal_pointer (&admin));
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/return-visits/visits", test_visits);
  return g_test_run ();
}
