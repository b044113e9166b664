/* Deals: intention money, deposit confirmation by finance, contract, discount, change of
 * unit, cancellation and refunds; receipt numbers without gaps; stage-change rows. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "common/sr-test-util.h"
#include "core/sr-bookings.h"
#include "core/sr-customers.h"
#include "core/sr-deals.h"
#include "core/sr-error.h"
#include "core/sr-units.h"

#define TODAY SR_TEST_NOW_DAY

typedef struct {
  SrContext *admin, *ctl, *gw, *fin, *mgr, *desk;
  GArray *units;       /* floor 1 first */
  gint64 c1, c2;
} Office;

static gint64
add_customer (Office     *o,
              const char *phone,
              gint64      owner)
{
  g_autoptr(GError) error = NULL;
  const char *phones[] = { phone, NULL };
  SrCustomerInput in = { "买房客户", NULL, "walk-in", 0, NULL, owner, phones, FALSE, 0 };
  gint64 id = sr_customers_add (o->mgr, &in, &error);
  g_assert_no_error (error);
  return id;
}

static void
office_setup (Office        *o,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SrUnitColumn columns[2] = { { "两室两厅", 8936, 1200000 }, { "三室两厅", 12050, 1600000 } };
  SrBuildingPlan plan = { "2号楼", 3, 0, 2, columns, 0, FALSE };
  gint64 project, building;
  g_autoptr(GPtrArray) units = NULL;

  o->admin = sr_test_context_new (SR_OFFICE_PROPERTY);
  o->ctl = sr_test_context_as (o->admin, "xiaokong", SR_ROLE_SALES_CONTROLLER);
  o->gw = sr_test_context_as (o->admin, "guwen", SR_ROLE_CONSULTANT);
  o->fin = sr_test_context_as (o->admin, "caiwu", SR_ROLE_FINANCE);
  o->mgr = sr_test_context_as (o->admin, "jingli", SR_ROLE_MANAGER);
  o->desk = sr_test_context_as (o->admin, "qiantai", SR_ROLE_RECEPTIONIST);
  project = sr_projects_add (o->admin, "测试楼盘", NULL, &error);
  g_assert_no_error (error);
  building = sr_buildings_create (o->admin, project, &plan, &error);
  g_assert_no_error (error);
  units = sr_units_list (o->admin, building, &error);
  g_assert_no_error (error);
  o->units = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = units->len; i > 0; i--)
    g_array_append_val (o->units, ((SrUnit *) g_ptr_array_index (units, i - 1))->id);
  o->c1 = add_customer (o, "13800000001", sr_test_staff_id (o->gw));
  o->c2 = add_customer (o, "13800000002", sr_test_staff_id (o->gw));
}

static void
office_teardown (Office        *o,
                 gconstpointer  data)
{
  g_clear_object (&o->ctl);
  g_clear_object (&o->gw);
  g_clear_object (&o->fin);
  g_clear_object (&o->mgr);
  g_clear_object (&o->desk);
  g_array_unref (o->units);
  sr_test_context_finish (o->admin);
}

static gint64
unit_at (Office *o, guint i)
{
  return g_array_index (o->units, gint64, i);
}

static const char *
status_of (Office *o, gint64 unit)
{
  static char buf[32];
  g_autoptr(SrUnit) u = sr_units_get (o->admin, unit, NULL);
  g_strlcpy (buf, sr_unit_status_get_code (u->status), sizeof buf);
  return buf;
}

static gint64
count (Office *o, const char *sql)
{
  gint64 n = -1;
  g_assert_true (sr_db_query_int (sr_context_get_db (o->admin), sql, &n, NULL));
  return n;
}

static SrDeal *
deal_of (Office *o, gint64 booking)
{
  gint64 id = 0;
  g_assert_true (sr_db_get_int (sr_context_get_db (o->admin), &id, NULL,
                                "SELECT deal_id FROM bookings WHERE id = ?1", "i", booking));
  g_assert_cmpint (id, >, 0);
  return sr_deals_get (o->admin, id, NULL);
}

/* Request → finance confirms → contract: each step by its role only. */
static void
test_subscribe_and_sign (Office *o, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SrDeal) deal = NULL;
  g_autoptr(GPtrArray) plan = NULL;
  g_autofree char *no = NULL;
  gint64 unit = unit_at (o, 0), req;
  SrFen due = 0;
  SrContractInput contract = { "HT-2026-001", TODAY, "commercial-mortgage", "李四", NULL };

  req = sr_units_request_subscription (o->gw, unit, o->c1, 5000000, "2026-12-01", &error);
  g_assert_no_error (error);
  deal = deal_of (o, req);
  g_assert_cmpstr (deal->state, ==, "pending");
  {
    g_autoptr(SrUnit) u = sr_units_get (o->admin, unit, NULL);
    g_assert_cmpint (deal->list_price_fen, ==, u->price_fen);
  }
  g_assert_true (sr_deals_deposit_due (o->fin, deal->id, &due, &error));
  g_assert_cmpint (due, ==, 5000000);

  /* Only finance confirms money, and only the amount due. */
  g_assert_false (sr_deals_confirm_deposit (o->gw, deal->id, 5000000, "transfer", TODAY, NULL, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (sr_deals_confirm_deposit (o->ctl, deal->id, 5000000, "transfer", TODAY, NULL, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (sr_deals_confirm_deposit (o->fin, deal->id, 6000000, "transfer", TODAY, NULL, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "50,000.00"));
  g_clear_error (&error);
  g_assert_false (sr_deals_confirm_deposit (o->fin, deal->id, 5000000, "cheque", TODAY, NULL, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sr_deals_confirm_deposit (o->fin, deal->id, 5000000, "cash", "2026-11-24", NULL, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);
  /* Nothing of the refusals was written: no receipt, no number used. */
  g_assert_cmpint (count (o, "SELECT count(*) FROM receipts"), ==, 0);
  g_assert_cmpstr (status_of (o, unit), ==, "pending");

  g_assert_true (sr_deals_confirm_deposit (o->fin, deal->id, 5000000, "transfer", TODAY, &no, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (no, ==, "2026-00001");
  g_assert_cmpstr (status_of (o, unit), ==, "subscribed");
  g_clear_pointer (&deal, sr_deal_free);
  deal = deal_of (o, req);
  g_assert_cmpstr (deal->state, ==, "subscribed");
  g_assert_cmpint (deal->paid_fen, ==, 5000000);
  g_assert_false (sr_deals_confirm_deposit (o->fin, deal->id, 0, "transfer", TODAY, NULL, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT);
  g_clear_error (&error);
  /* The customer moved to the office's subscribe stage, with a row the board reads. */
  g_assert_cmpint (count (o, "SELECT count(*) FROM stage_changes sc JOIN stages s ON s.id = sc.to_stage "
                             "WHERE s.kind = 'subscribe' AND sc.event = 'subscribe'"), ==, 1);
  g_assert_cmpint (count (o, "SELECT count(*) FROM customers c JOIN stages s ON s.id = c.stage_id "
                             "WHERE s.kind = 'subscribe'"), ==, 1);

  /* The contract: the controller's, with a number used once. */
  g_assert_false (sr_deals_sign (o->gw, deal->id, &contract, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED);
  g_clear_error (&error);
  contract.contract_no = "  ";
  g_assert_false (sr_deals_sign (o->ctl, deal->id, &contract, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);
  contract.contract_no = "HT-2026-001";
  contract.payment_method = "barter";
  g_assert_false (sr_deals_sign (o->ctl, deal->id, &contract, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);
  contract.payment_method = "commercial-mortgage";
  g_assert_true (sr_deals_sign (o->ctl, deal->id, &contract, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (status_of (o, unit), ==, "signed");
  g_clear_pointer (&deal, sr_deal_free);
  deal = deal_of (o, req);
  g_assert_cmpstr (deal->state, ==, "signed");
  g_assert_cmpstr (deal->co_buyers, ==, "李四");
  g_assert_cmpint (deal->price_fen, ==, deal->list_price_fen);
  /* A commercial mortgage's plan: the deposit (paid), the rest of the 30 % down payment
   * within a week, the bank's 70 % in 60 days; it adds up to the price. */
  plan = sr_deals_list_plan (o->admin, deal->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (plan->len, ==, 3);
  g_assert_cmpstr (((SrPlanItem *) plan->pdata[0])->kind, ==, "deposit");
  g_assert_cmpint (((SrPlanItem *) plan->pdata[0])->paid_fen, ==, 5000000);
  g_assert_cmpstr (((SrPlanItem *) plan->pdata[1])->kind, ==, "down-payment");
  g_assert_cmpstr (((SrPlanItem *) plan->pdata[1])->due_day, ==, "2026-11-30");
  g_assert_cmpstr (((SrPlanItem *) plan->pdata[2])->kind, ==, "mortgage");
  g_assert_cmpstr (((SrPlanItem *) plan->pdata[2])->due_day, ==, "2027-01-22");
  g_assert_cmpint (((SrPlanItem *) plan->pdata[0])->amount_fen + ((SrPlanItem *) plan->pdata[1])->amount_fen,
                   ==, (deal->price_fen * 300 / 1000 + 50) / 100 * 100);
  g_assert_cmpint (((SrPlanItem *) plan->pdata[0])->amount_fen + ((SrPlanItem *) plan->pdata[1])->amount_fen +
                   ((SrPlanItem *) plan->pdata[2])->amount_fen, ==, deal->price_fen);
  g_assert_cmpint (count (o, "SELECT count(*) FROM stage_changes WHERE event = 'sign'"), ==, 1);
  g_assert_false (sr_deals_sign (o->ctl, deal->id, &contract, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT);
  g_clear_error (&error);

  /* A second sale cannot reuse the contract number. */
  {
    g_autoptr(SrDeal) other = NULL;
    req = sr_units_request_subscription (o->ctl, unit_at (o, 1), o->c2, 3000000, "2026-12-01", &error);
    g_assert_no_error (error);
    other = deal_of (o, req);
    g_clear_pointer (&no, g_free);
    g_assert_true (sr_deals_confirm_deposit (o->fin, other->id, 3000000, "cash", TODAY, &no, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (no, ==, "2026-00002");
    g_assert_false (sr_deals_sign (o->ctl, other->id, &contract, &error));
    g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT);
    g_assert_nonnull (strstr (error->message, "HT-2026-001"));
    g_clear_error (&error);
  }
  /* Every step left an audit row. */
  g_assert_cmpint (count (o, "SELECT count(*) FROM audit_log WHERE table_name = 'receipts'"), ==, 2);
}

/* Intention money converts into the deposit, or is paid back in full. */
static void
test_intention_money (Office *o, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SrDeal) deal = NULL;
  g_autoptr(GPtrArray) plan = NULL;
  g_autoptr(GPtrArray) receipts = NULL;
  g_autofree char *no = NULL;
  gint64 unit = unit_at (o, 0), d, d2, req;
  SrFen due = 0;

  g_assert_cmpint (sr_intention_take (o->gw, o->c1, 2000000, "wechat", TODAY, NULL, &error), ==, 0);
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (sr_intention_take (o->fin, o->c1, 0, "wechat", TODAY, NULL, &error), ==, 0);
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);
  d = sr_intention_take (o->fin, o->c1, 2000000, "wechat", TODAY, &no, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (no, ==, "2026-00001");
  g_assert_cmpint (sr_intention_take (o->fin, o->c1, 1000000, "cash", TODAY, NULL, &error), ==, 0);
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT);
  g_clear_error (&error);

  /* The deposit cannot be less than the intention money paid. */
  g_assert_cmpint (sr_units_request_subscription (o->gw, unit, o->c1, 1000000, "2026-12-01", &error), ==, 0);
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpstr (status_of (o, unit), ==, "available");
  req = sr_units_request_subscription (o->gw, unit, o->c1, 5000000, "2026-12-01", &error);
  g_assert_no_error (error);
  deal = deal_of (o, req);
  g_assert_cmpint (deal->id, ==, d);
  g_assert_cmpstr (deal->state, ==, "pending");
  g_assert_true (sr_deals_deposit_due (o->fin, d, &due, &error));
  g_assert_cmpint (due, ==, 3000000);

  /* Voided before finance confirms: the intention money waits for another unit. */
  g_assert_true (sr_bookings_void (o->ctl, req, "客户想再看看", &error));
  g_assert_no_error (error);
  g_clear_pointer (&deal, sr_deal_free);
  deal = sr_deals_get (o->admin, d, &error);
  g_assert_cmpstr (deal->state, ==, "intention");
  g_assert_cmpint (deal->unit_id, ==, 0);
  g_assert_cmpint (deal->paid_fen, ==, 2000000);
  g_assert_cmpstr (status_of (o, unit), ==, "available");

  req = sr_units_request_subscription (o->gw, unit_at (o, 1), o->c1, 5000000, "2026-12-01", &error);
  g_assert_no_error (error);
  g_clear_pointer (&no, g_free);
  g_assert_true (sr_deals_confirm_deposit (o->fin, d, 3000000, "card", TODAY, &no, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (no, ==, "2026-00002");
  plan = sr_deals_list_plan (o->admin, d, &error);
  g_assert_cmpint (plan->len, ==, 1);
  g_assert_cmpstr (((SrPlanItem *) plan->pdata[0])->kind, ==, "deposit");
  g_assert_cmpint (((SrPlanItem *) plan->pdata[0])->amount_fen, ==, 5000000);
  g_assert_cmpint (((SrPlanItem *) plan->pdata[0])->paid_fen, ==, 5000000);
  g_assert_cmpstr (status_of (o, unit_at (o, 1)), ==, "subscribed");
  /* Converted money is no longer intention money to refund. */
  g_assert_false (sr_intention_refund (o->fin, d, "cash", TODAY, "客户退筹", NULL, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT);
  g_clear_error (&error);

  /* Another customer's intention money comes back in full. */
  d2 = sr_intention_take (o->fin, o->c2, 1000000, "cash", TODAY, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (sr_intention_refund (o->fin, d2, "cash", TODAY, " ", NULL, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&no, g_free);
  g_assert_true (sr_intention_refund (o->fin, d2, "cash", TODAY, "客户退筹", &no, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (no, ==, "2026-00004");
  g_clear_pointer (&deal, sr_deal_free);
  deal = sr_deals_get (o->admin, d2, &error);
  g_assert_cmpstr (deal->state, ==, "refunded");
  g_assert_cmpint (deal->paid_fen, ==, 0);
  receipts = sr_deals_list_receipts (o->admin, d2, &error);
  g_assert_cmpint (receipts->len, ==, 2);
  g_assert_cmpstr (((SrReceipt *) receipts->pdata[1])->kind, ==, "refund");
  /* Receipt numbers run without gaps. */
  g_assert_cmpint (count (o, "SELECT max (number) - count(*) FROM receipts WHERE year = 2026"), ==, 0);
}

/* A discount above the limit needs the manager; the contract price is list less discount. */
static void
test_discount (Office *o, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SrDeal) deal = NULL;
  gint64 req = sr_units_request_subscription (o->gw, unit_at (o, 0), o->c1, 5000000, "2026-12-01", &error);
  SrFen list, half_percent, five_percent;
  SrContractInput contract = { "HT-9", TODAY, "one-off", NULL, "赠送车位使用权一年" };

  g_assert_no_error (error);
  deal = deal_of (o, req);
  list = deal->list_price_fen;
  half_percent = list / 200;
  five_percent = list / 20;
  g_assert_false (sr_deals_set_discount (o->gw, deal->id, half_percent, "老带新", &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (sr_deals_set_discount (o->ctl, deal->id, half_percent, "", &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (sr_deals_set_discount (o->ctl, deal->id, half_percent, "老带新", &error));
  g_assert_no_error (error);
  g_assert_false (sr_deals_set_discount (o->ctl, deal->id, five_percent, "团购", &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (sr_deals_set_discount (o->mgr, deal->id, list, "全免", &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (sr_deals_set_discount (o->mgr, deal->id, five_percent, "团购", &error));
  g_assert_no_error (error);
  g_clear_pointer (&deal, sr_deal_free);
  deal = deal_of (o, req);
  g_assert_cmpint (deal->discount_fen, ==, five_percent);
  g_assert_cmpstr (deal->discount_approver, ==, "jingli");
  /* The limit is the office's setting. */
  g_assert_true (sr_settings_set (o->admin, "sales.discount_limit_permille", "60", &error));
  g_assert_true (sr_deals_set_discount (o->ctl, deal->id, five_percent, "团购", &error));
  g_assert_no_error (error);

  g_assert_true (sr_deals_confirm_deposit (o->fin, deal->id, 5000000, "cash", TODAY, NULL, &error));
  g_assert_true (sr_deals_sign (o->ctl, deal->id, &contract, &error));
  g_assert_no_error (error);
  g_clear_pointer (&deal, sr_deal_free);
  deal = deal_of (o, req);
  g_assert_cmpint (deal->price_fen, ==, list - five_percent);
  g_assert_cmpstr (deal->clauses, ==, "赠送车位使用权一年");
  g_assert_null (deal->co_buyers);
  /* After signing the discount is part of the contract. */
  g_assert_false (sr_deals_set_discount (o->mgr, deal->id, 0, NULL, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT);
  g_clear_error (&error);
}

/* 换房: the booking and its money move in one transaction, before signing only. */
static void
test_change_unit (Office *o, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SrDeal) deal = NULL;
  gint64 a = unit_at (o, 0), b = unit_at (o, 1), held = unit_at (o, 2), taken = unit_at (o, 3), req;
  SrContractInput contract = { "HT-5", TODAY, "instalments", NULL, NULL };

  req = sr_units_request_subscription (o->gw, a, o->c1, 5000000, "2026-12-01", &error);
  deal = deal_of (o, req);
  g_assert_true (sr_deals_confirm_deposit (o->fin, deal->id, 5000000, "cash", TODAY, NULL, &error));
  g_assert_true (sr_units_hold (o->ctl, held, &error));
  g_assert_cmpint (sr_units_request_subscription (o->gw, taken, o->c2, 5000000, "2026-12-01", &error), >, 0);
  g_assert_no_error (error);

  g_assert_false (sr_deals_change_unit (o->gw, deal->id, b, "换大户型", &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (sr_deals_change_unit (o->ctl, deal->id, b, "", &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sr_deals_change_unit (o->ctl, deal->id, held, "换楼层", &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (sr_deals_change_unit (o->ctl, deal->id, taken, "换楼层", &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpstr (status_of (o, a), ==, "subscribed");

  g_assert_true (sr_deals_change_unit (o->ctl, deal->id, b, "换大户型", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (status_of (o, a), ==, "available");
  g_assert_cmpstr (status_of (o, b), ==, "subscribed");
  g_clear_pointer (&deal, sr_deal_free);
  deal = sr_deals_for_unit (o->admin, b, &error);
  g_assert_nonnull (deal);
  g_assert_cmpint (deal->unit_id, ==, b);
  g_assert_cmpint (deal->paid_fen, ==, 5000000);
  g_assert_cmpint (deal->deposit_fen, ==, 5000000);
  g_assert_cmpstr (deal->sign_by_day, ==, "2026-12-01");
  g_assert_null (sr_deals_for_unit (o->admin, a, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (o, "SELECT count(*) FROM bookings WHERE state = 'changed'"), ==, 1);

  g_assert_true (sr_deals_sign (o->ctl, deal->id, &contract, &error));
  g_assert_false (sr_deals_change_unit (o->ctl, deal->id, a, "又想换", &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT);
  g_clear_error (&error);
}

/* 退房: the unit is free again; of the money paid, part is forfeited and the rest is
 * paid back by finance. */
static void
test_cancel (Office *o, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SrDeal) deal = NULL;
  g_autofree char *no = NULL;
  gint64 unit = unit_at (o, 0), req, id;
  SrContractInput contract = { "HT-7", TODAY, "provident-fund", NULL, NULL };

  req = sr_units_request_subscription (o->gw, unit, o->c1, 5000000, "2026-12-01", &error);
  deal = deal_of (o, req);
  id = deal->id;
  g_assert_false (sr_deals_cancel (o->ctl, deal->id, "客户放弃", 0, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_true (sr_deals_confirm_deposit (o->fin, deal->id, 5000000, "cash", TODAY, NULL, &error));
  g_assert_true (sr_deals_sign (o->ctl, deal->id, &contract, &error));
  g_assert_no_error (error);

  g_assert_false (sr_deals_cancel (o->fin, deal->id, "客户放弃", 0, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (sr_deals_cancel (o->ctl, deal->id, "客户放弃", 6000000, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (sr_deals_cancel (o->ctl, deal->id, "客户贷款未获批", 1000000, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (status_of (o, unit), ==, "available");
  g_clear_pointer (&deal, sr_deal_free);
  deal = sr_deals_get (o->admin, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (deal->state, ==, "cancelled");
  g_assert_cmpint (deal->refund_due_fen, ==, 4000000);
  g_assert_cmpint (deal->forfeit_fen, ==, 1000000);
  g_assert_cmpstr (deal->end_reason, ==, "客户贷款未获批");

  /* The unit can be sold again at once. */
  g_assert_cmpint (sr_units_request_subscription (o->gw, unit, o->c2, 5000000, "2026-12-01", &error), >, 0);
  g_assert_no_error (error);

  /* Finance pays back what is due, once. */
  {
    g_autoptr(GPtrArray) waiting = sr_deals_list_for_finance (o->fin, &error);
    gboolean found = FALSE;
    for (guint i = 0; i < waiting->len; i++)
      found |= ((SrDeal *) waiting->pdata[i])->id == deal->id;
    g_assert_true (found);
  }
  g_assert_true (sr_deals_pay_refund (o->fin, deal->id, "transfer", TODAY, &no, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (no, ==, "2026-00002");
  g_assert_false (sr_deals_pay_refund (o->fin, deal->id, "transfer", TODAY, NULL, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_clear_pointer (&deal, sr_deal_free);
  deal = sr_deals_get (o->admin, id, &error);
  g_assert_cmpint (deal->paid_fen, ==, 1000000);   /* the forfeit, kept as income */
  g_assert_cmpint (deal->refund_due_fen, ==, 0);
}

/* Each payment method's plan adds up to the price, with the office's terms. */
static void
test_plan_templates (Office *o, gconstpointer data)
{
  static const struct { const char *method; guint n_items; const char *last_kind; } cases[] = {
    { "one-off", 2, "balance" },
    { "instalments", 14, "instalment" },   /* deposit, the rest of half, 12 months */
    { "provident-fund", 3, "mortgage" },
    { "combined", 4, "mortgage" },         /* the fund's loan and the bank's */
  };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *phone = g_strdup_printf ("1370000000%u", i);
      g_autofree char *number = g_strdup_printf ("HT-T%u", i);
      const char *phones[] = { phone, NULL };
      SrCustomerInput in = { "客户", NULL, "walk-in", 0, NULL, sr_test_staff_id (o->gw), phones, FALSE, 0 };
      SrContractInput contract = { number, TODAY, cases[i].method, NULL, NULL };
      gint64 customer = sr_customers_add (o->mgr, &in, &error);
      gint64 req = sr_units_request_subscription (o->ctl, unit_at (o, i), customer, 5000000, "2026-12-01", &error);
      g_autoptr(SrDeal) deal = deal_of (o, req);
      g_autoptr(SrDeal) after = NULL;
      g_autoptr(GPtrArray) plan = NULL;
      SrFen total = 0;

      /* A fund that lends at most ¥500,000: the combined loan needs the bank too. */
      if (g_strcmp0 (cases[i].method, "combined") == 0)
        g_assert_true (sr_settings_set (o->admin, "loan.fund_cap_fen", "50000000", &error));
      g_assert_true (sr_deals_confirm_deposit (o->fin, deal->id, 5000000, "cash", TODAY, NULL, &error));
      g_assert_true (sr_deals_sign (o->ctl, deal->id, &contract, &error));
      g_assert_no_error (error);
      after = sr_deals_get (o->admin, deal->id, &error);
      plan = sr_deals_list_plan (o->admin, deal->id, &error);
      g_test_message ("%s: %u items", cases[i].method, plan->len);
      g_assert_cmpuint (plan->len, ==, cases[i].n_items);
      g_assert_cmpstr (((SrPlanItem *) plan->pdata[plan->len - 1])->kind, ==, cases[i].last_kind);
      for (guint k = 0; k < plan->len; k++)
        total += ((SrPlanItem *) plan->pdata[k])->amount_fen;
      g_assert_cmpint (total, ==, after->price_fen);
    }
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/deals/subscribe-and-sign", Office, NULL, office_setup, test_subscribe_and_sign, office_teardown);
  g_test_add ("/deals/intention-money", Office, NULL, office_setup, test_intention_money, office_teardown);
  g_test_add ("/deals/discount", Office, NULL, office_setup, test_discount, office_teardown);
  g_test_add ("/deals/change-unit", Office, NULL, office_setup, test_change_unit, office_teardown);
  g_test_add ("/deals/cancel", Office, NULL, office_setup, test_cancel, office_teardown);
  g_test_add ("/deals/plan-templates", Office, NULL, office_setup, test_plan_templates, office_teardown);
  return g_test_run ();
}
