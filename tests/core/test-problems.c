/* Problem customers and after-sales: the flow of seed 004 step by step with who may take
 * each step, the costed branch, flags for a late solution and a broken promise, the
 * problem-customer mark and complaint counts. */
#include "config.h"

#include <locale.h>

#include "common/sr-test-util.h"
#include "core/sr-customers.h"
#include "core/sr-error.h"
#include "core/sr-problems.h"

static void
test_flow (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_PROPERTY);
  g_autoptr(SrContext) sup = sr_test_context_as (admin, "zhuguan", SR_ROLE_CUSTOMER_MANAGER);
  g_autoptr(SrContext) fin = sr_test_context_as (admin, "caiwu", SR_ROLE_FINANCE);
  g_autoptr(SrContext) mgr = sr_test_context_as (admin, "jingli", SR_ROLE_MANAGER);
  g_autoptr(SrContext) gw = sr_test_context_as (admin, "guwen", SR_ROLE_CONSULTANT);
  g_autoptr(GError) error = NULL;
  g_autoptr(SrProblem) p = NULL;
  g_autoptr(GPtrArray) counts = NULL;
  const char *phones[] = { "13800000001", NULL };
  SrCustomerInput in = { "业主甲", NULL, "walk-in", 0, NULL, 0, phones, FALSE, 0 };
  gint64 customer = sr_customers_add (sup, &in, &error);
  SrProblemInput leak = { customer, 0, "engineering", 0, "卫生间漏水", "工程部" };
  SrProblemInput complaint = { customer, 0, "complaint", 0, "顾问态度不好", "销售部" };
  gboolean has = FALSE;
  gint64 id, cid;

  /* Open: a complaint must name the staff member. */
  g_assert_cmpint (sr_problems_open (fin, &leak, &error), ==, 0);
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (sr_problems_open (sup, &complaint, &error), ==, 0);
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);
  complaint.concerned_staff_id = sr_test_staff_id (gw);
  cid = sr_problems_open (sup, &complaint, &error);
  id = sr_problems_open (sup, &leak, &error);
  g_assert_no_error (error);
  g_assert_true (sr_problems_customer_has_open (admin, customer, &has, &error));
  g_assert_true (has);
  {
    /* Marked wherever the customer shows: the record core returns says so. */
    g_autoptr(SrCustomer) c = sr_customers_get (sup, customer, &error);
    g_assert_true (c->is_problem);
  }

  /* Out of order and by the wrong role: refused. */
  g_assert_false (sr_problems_approve (mgr, id, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (sr_problems_propose (sup, id, " ", TRUE, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (sr_problems_propose (sup, id, "更换防水层", TRUE, &error));
  g_assert_false (sr_problems_approve (mgr, id, &error));   /* the cost first */
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (sr_problems_cost (sup, id, 800000, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_true (sr_problems_cost (fin, id, 800000, &error));
  g_assert_false (sr_problems_approve_cost (fin, id, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_true (sr_problems_approve_cost (mgr, id, &error));
  g_assert_true (sr_problems_approve (mgr, id, &error));
  g_assert_false (sr_problems_tell (sup, id, "next week", &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (sr_problems_tell (sup, id, "2026-11-30", &error));
  g_assert_no_error (error);

  /* A week later the promise is broken until it is done. */
  sr_test_set_day (admin, "2026-12-02", 10);
  p = sr_problems_get (admin, id, &error);
  g_assert_true (p->is_promise_broken);
  g_assert_cmpint (p->cost_fen, ==, 800000);
  g_assert_cmpstr (p->state, ==, "told");
  g_clear_pointer (&p, sr_problem_free);
  /* The complaint was never answered: its solution is late. */
  p = sr_problems_get (admin, cid, &error);
  g_assert_true (p->is_proposal_late);
  g_assert_cmpstr (p->concerned, ==, "guwen");
  g_clear_pointer (&p, sr_problem_free);

  g_assert_true (sr_problems_done (sup, id, &error));
  g_assert_false (sr_problems_close (sup, id, "", &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (sr_problems_close (sup, id, "业主满意", &error));
  p = sr_problems_get (admin, id, &error);
  g_assert_cmpstr (p->state, ==, "closed");
  g_assert_false (p->is_promise_broken);
  g_clear_pointer (&p, sr_problem_free);

  /* Still a problem customer: the complaint is open. A solution that costs nothing goes
   * straight to approval. */
  g_assert_true (sr_problems_customer_has_open (admin, customer, &has, &error));
  g_assert_true (has);
  g_assert_true (sr_problems_propose (sup, cid, "更换置业顾问", FALSE, &error));
  g_assert_false (sr_problems_cost (fin, cid, 100, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_true (sr_problems_approve (mgr, cid, &error));
  g_assert_true (sr_problems_tell (sup, cid, "2026-12-03", &error));
  g_assert_true (sr_problems_done (sup, cid, &error));
  g_assert_true (sr_problems_close (sup, cid, "接受", &error));
  g_assert_true (sr_problems_customer_has_open (admin, customer, &has, &error));
  g_assert_false (has);
  {
    g_autoptr(SrCustomer) c = sr_customers_get (sup, customer, &error);
    g_assert_false (c->is_problem);
  }
  {
    g_autoptr(GPtrArray) open = sr_problems_list (admin, FALSE, &error);
    g_autoptr(GPtrArray) all = sr_problems_list (admin, TRUE, &error);
    g_assert_cmpuint (open->len, ==, 0);
    g_assert_cmpuint (all->len, ==, 2);
  }
  counts = sr_problems_complaint_counts (admin, "2026-11-01", "2026-11-30", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (counts->len, ==, 1);
  g_assert_cmpstr (((SrComplaintCount *) counts->pdata[0])->name, ==, "guwen");
  g_assert_cmpuint (((SrComplaintCount *) counts->pdata[0])->count, ==, 1);
  g_clear_object (&sup); g_clear_object (&fin); g_clear_object (&mgr); g_clear_object (&gw);
  sr_test_context_finish (g_steal_pointer (&admin));
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/problems/flow", test_flow);
  return g_test_run ();
}
