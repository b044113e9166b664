/* After the contract: payments against the plan, payoff and delivery, area settlement,
 * mortgage and certificate progress in order, supplementary agreements with approval. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "common/sr-test-util.h"
#include "core/sr-bookings.h"
#include "core/sr-customers.h"
#include "core/sr-deal-steps.h"
#include "core/sr-deals.h"
#include "core/sr-problems.h"
#include "core/sr-error.h"
#include "core/sr-follow-ups.h"
#include "core/sr-units.h"

#define TODAY SR_TEST_NOW_DAY

typedef struct {
  SrContext *admin, *ctl, *fin, *mgr;
  gint64 units[4];
} Office;

static gint64
count (Office *o, const char *sql)
{
  gint64 n = -1;
  g_assert_true (sr_db_query_int (sr_context_get_db (o->admin), sql, &n, NULL));
  return n;
}

static void
office_setup (Office *o, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  /* 100.00 m² at ¥10,000: ¥1,000,000 a unit. */
  SrUnitColumn column = { "三室两厅", 10000, 1000000 };
  SrBuildingPlan plan = { "5号楼", 4, 0, 1, &column, 0, FALSE };
  gint64 project, building;
  g_autoptr(GPtrArray) units = NULL;

  o->admin = sr_test_context_new (SR_OFFICE_PROPERTY);
  o->ctl = sr_test_context_as (o->admin, "xiaokong", SR_ROLE_SALES_CONTROLLER);
  o->fin = sr_test_context_as (o->admin, "caiwu", SR_ROLE_FINANCE);
  o->mgr = sr_test_context_as (o->admin, "jingli", SR_ROLE_MANAGER);
  project = sr_projects_add (o->admin, "翠湖", NULL, &error);
  building = sr_buildings_create (o->admin, project, &plan, &error);
  units = sr_units_list (o->admin, building, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 4; i++)
    o->units[i] = ((SrUnit *) units->pdata[i])->id;
}

static void
office_teardown (Office *o, gconstpointer data)
{
  /* Whatever the test did, each item's paid amount kept by the triggers is the sum of
   * its allocations on receipts not voided. */
  g_assert_cmpint (count (o, "SELECT count(*) FROM plan_items p WHERE p.paid_fen <> coalesce ((SELECT sum "
                          "(a.amount_fen) FROM receipt_allocations a JOIN receipts r ON r.id = a.receipt_id "
                          "WHERE a.plan_item_id = p.id AND r.voided_at IS NULL), 0)"), ==, 0);
  g_clear_object (&o->ctl);
  g_clear_object (&o->fin);
  g_clear_object (&o->mgr);
  sr_test_context_finish (o->admin);
}

/* A signed sale of @unit: ¥50,000 deposit paid, ¥950,000 balance due. */
static gint64
signed_sale (Office *o, gint64 unit, const char *phone, const char *contract_no)
{
  g_autoptr(GError) error = NULL;
  const char *phones[] = { phone, NULL };
  SrCustomerInput in = { "业主", NULL, "walk-in", 0, NULL, 0, phones, FALSE, 0 };
  SrContractInput contract = { contract_no, TODAY, "commercial-mortgage", NULL, NULL };
  gint64 customer = sr_customers_add (o->mgr, &in, &error);
  gint64 booking = sr_units_request_subscription (o->ctl, unit, customer, 5000000, "2026-12-01", &error);
  gint64 deal = 0;

  g_assert_no_error (error);
  g_assert_true (sr_db_get_int (sr_context_get_db (o->admin), &deal, NULL,
                                "SELECT deal_id FROM bookings WHERE id = ?1", "i", booking));
  g_assert_true (sr_deals_confirm_deposit (o->fin, deal, 5000000, "transfer", TODAY, NULL, &error));
  g_assert_true (sr_deals_sign (o->ctl, deal, &contract, &error));
  g_assert_no_error (error);
  return deal;
}

static void
test_payoff_and_delivery (Office *o, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plan = NULL;
  g_autofree char *no = NULL;
  gint64 deal = signed_sale (o, o->units[0], "13800000001", "HT-1");
  SrFen due = 0;

  g_assert_true (sr_deals_due (o->admin, deal, &due, &error));
  g_assert_cmpint (due, ==, 95000000);
  /* Delivery waits for the payoff. */
  g_assert_false (sr_deals_deliver (o->ctl, deal, TODAY, "2026-12-20", &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "950,000.00"));
  g_clear_error (&error);

  /* Only finance takes money, and no more than is due. */
  g_assert_false (sr_deals_record_payment (o->ctl, deal, 10000000, "transfer", TODAY, FALSE, NULL, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (sr_deals_record_payment (o->fin, deal, 95000001, "transfer", TODAY, FALSE, NULL, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (sr_deals_record_payment (o->fin, deal, 30000000, "transfer", TODAY, FALSE, &no, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (no, ==, "2026-00002");
  g_assert_cmpint (count (o, "SELECT count(*) FROM stage_changes WHERE event = 'paid'"), ==, 0);
  g_assert_true (sr_deals_record_payment (o->fin, deal, 65000000, "bank-loan", TODAY, FALSE, NULL, &error));
  g_assert_no_error (error);
  plan = sr_deals_list_plan (o->admin, deal, &error);
  for (guint i = 0; i < plan->len; i++)
    g_assert_cmpint (((SrPlanItem *) plan->pdata[i])->paid_fen, ==, ((SrPlanItem *) plan->pdata[i])->amount_fen);
  g_assert_cmpint (count (o, "SELECT count(*) FROM stage_changes WHERE event = 'paid'"), ==, 1);

  /* Paid up, but the unit has not passed the internal acceptance. */
  g_assert_false (sr_deals_deliver (o->ctl, deal, TODAY, "2026-12-20", &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (sr_units_pass_acceptance (o->fin, o->units[0], TODAY, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_true (sr_units_pass_acceptance (o->ctl, o->units[0], TODAY, &error));
  g_assert_false (sr_deals_deliver (o->ctl, deal, TODAY, "2026-13-40", &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (sr_deals_deliver (o->ctl, deal, TODAY, "2026-12-20", &error));
  g_assert_no_error (error);
  {
    g_autoptr(SrUnit) u = sr_units_get (o->admin, o->units[0], NULL);
    g_assert_cmpint (u->status, ==, SR_UNIT_DELIVERED);
  }
  g_assert_cmpint (count (o, "SELECT count(*) FROM deals WHERE state = 'delivered' AND move_in_on = '2026-12-20'"), ==, 1);
  g_assert_cmpint (count (o, "SELECT count(*) FROM stage_changes WHERE event = 'moved-in'"), ==, 1);
  /* A delivered unit is still one live booking: nobody else can book it. */
  g_assert_cmpint (count (o, "SELECT count(*) FROM bookings WHERE state = 'delivered'"), ==, 1);
}

static void
test_area_settlement (Office *o, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SrDeal) deal = NULL;
  gint64 bigger = signed_sale (o, o->units[1], "13800000002", "HT-2");
  gint64 smaller = signed_sale (o, o->units[2], "13800000003", "HT-3");
  SrFen due = 0;

  /* 100.00 → 101.50 m² at ¥10,000: ¥15,000 more. */
  g_assert_false (sr_deals_settle_area (o->fin, bigger, 10150, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_true (sr_deals_settle_area (o->ctl, bigger, 10150, &error));
  g_assert_no_error (error);
  g_assert_true (sr_deals_due (o->admin, bigger, &due, &error));
  g_assert_cmpint (due, ==, 95000000 + 1500000);
  deal = sr_deals_get (o->admin, bigger, &error);
  g_assert_cmpint (deal->price_fen, ==, 101500000);
  g_assert_false (sr_deals_settle_area (o->ctl, bigger, 10200, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_clear_pointer (&deal, sr_deal_free);

  /* 100.00 → 99.33 m²: ¥6,700 back to the owner, paid by finance. */
  g_assert_true (sr_deals_settle_area (o->ctl, smaller, 9933, &error));
  deal = sr_deals_get (o->admin, smaller, &error);
  g_assert_cmpint (deal->refund_due_fen, ==, 670000);
  g_assert_cmpint (deal->price_fen, ==, 99330000);
  g_assert_true (sr_deals_pay_refund (o->fin, smaller, "transfer", TODAY, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (o, "SELECT count(*) FROM receipts WHERE kind = 'refund' AND amount_fen = 670000"), ==, 1);
  g_assert_cmpint (count (o, "SELECT measured_area_centi FROM units WHERE number = '201'"), ==, 9933);
}

static void
test_progress (Office *o, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) steps = NULL;
  gint64 deal = signed_sale (o, o->units[3], "13800000004", "HT-4");

  /* The mortgage, step by step. */
  g_assert_false (sr_deals_record_progress (o->fin, deal, "mortgage", "sent", TODAY, NULL, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Mortgage papers complete"));
  g_clear_error (&error);
  g_assert_true (sr_deals_record_progress (o->fin, deal, "mortgage", "papers", TODAY, "资料齐全", &error));
  g_assert_true (sr_deals_record_progress (o->ctl, deal, "mortgage", "sent", TODAY, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (sr_deals_record_progress (o->ctl, deal, "mortgage", "sent", TODAY, NULL, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (sr_deals_record_progress (o->ctl, deal, "mortgage", "teleported", TODAY, NULL, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);

  /* The certificate: its fees on the plan and paid before anything else. */
  g_assert_false (sr_deals_record_progress (o->ctl, deal, "certificate", "fees", TODAY, NULL, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_true (sr_deals_add_certificate_fee (o->ctl, deal, 300000, "2026-12-01", &error));
  g_assert_false (sr_deals_add_certificate_fee (o->ctl, deal, 300000, "2026-12-01", &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (sr_deals_record_progress (o->ctl, deal, "certificate", "fees", TODAY, NULL, &error));
  g_assert_nonnull (strstr (error->message, "not paid"));
  g_clear_error (&error);
  /* Paid oldest due first: the fee (due 12-01) comes after the balance (due today), so
   * pay all of it. */
  g_assert_true (sr_deals_record_payment (o->fin, deal, 95300000, "transfer", TODAY, FALSE, NULL, &error));
  g_assert_true (sr_deals_record_progress (o->fin, deal, "certificate", "fees", TODAY, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (sr_deals_promise_certificate (o->ctl, deal, "2027-06-30", &error));
  g_assert_no_error (error);
  /* The consultant is reminded from a week before the promised day, until it is handed over. */
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE deals SET owner_id = %" G_GINT64_FORMAT " WHERE id = %" G_GINT64_FORMAT,
                                            sr_test_staff_id (o->ctl), deal);
    g_autoptr(SrMyDay) day = NULL;
    g_assert_true (sr_db_exec (sr_context_get_db (o->admin), sql, NULL));
    day = sr_my_day_load (o->admin, sr_test_staff_id (o->ctl), &error);
    g_assert_cmpuint (day->promises->len, ==, 0);
    g_clear_pointer (&day, sr_my_day_free);
    g_assert_true (sr_deals_promise_certificate (o->ctl, deal, "2026-11-28", &error));
    day = sr_my_day_load (o->admin, sr_test_staff_id (o->ctl), &error);
    g_assert_cmpuint (day->promises->len, ==, 1);
    g_assert_nonnull (strstr (((SrMyDayItem *) day->promises->pdata[0])->detail, "2026-11-28"));
    g_clear_pointer (&day, sr_my_day_free);
    g_assert_true (sr_deals_record_progress (o->ctl, deal, "certificate", "filed", TODAY, NULL, &error));
    g_assert_true (sr_deals_record_progress (o->ctl, deal, "certificate", "issued", TODAY, NULL, &error));
    g_assert_true (sr_deals_record_progress (o->ctl, deal, "certificate", "handed-over", TODAY, NULL, &error));
    g_assert_no_error (error);
    day = sr_my_day_load (o->admin, sr_test_staff_id (o->ctl), &error);
    g_assert_cmpuint (day->promises->len, ==, 0);
  }
  steps = sr_deals_list_progress (o->admin, deal, &error);
  g_assert_cmpuint (steps->len, ==, 6);
  g_assert_cmpstr (((SrProgressStep *) steps->pdata[0])->note, ==, "资料齐全");
  g_assert_cmpint (count (o, "SELECT count(*) FROM deals WHERE certificate_promised_on = '2026-11-28'"), ==, 1);
}

static void
test_agreements (Office *o, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gint64 deal = signed_sale (o, o->units[0], "13800000005", "HT-5");
  gint64 a1, a2;

  g_assert_cmpint (sr_deals_add_agreement (o->ctl, deal, "  ", &error), ==, 0);
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);
  a1 = sr_deals_add_agreement (o->ctl, deal, "交房时间延至2027年3月", &error);
  a2 = sr_deals_add_agreement (o->ctl, deal, "赠送储藏室", &error);
  g_assert_no_error (error);
  g_assert_false (sr_deals_decide_agreement (o->ctl, a1, TRUE, NULL, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_true (sr_deals_decide_agreement (o->mgr, a1, TRUE, NULL, &error));
  g_assert_false (sr_deals_decide_agreement (o->mgr, a2, FALSE, "", &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (sr_deals_decide_agreement (o->mgr, a2, FALSE, "超出权限", &error));
  g_assert_false (sr_deals_decide_agreement (o->mgr, a2, TRUE, NULL, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT);
  g_clear_error (&error);
  list = sr_deals_list_agreements (o->admin, deal, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((SrAgreement *) list->pdata[0])->state, ==, "approved");
  g_assert_cmpstr (((SrAgreement *) list->pdata[1])->decided_by, ==, "jingli");
  g_assert_cmpstr (((SrAgreement *) list->pdata[1])->note, ==, "超出权限");
}

/* More than is due is kept as an advance only when the person says so, and goes to the
 * next item; a voided receipt keeps its number and opens what it paid again. */
static void
test_advance_and_void (Office *o, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SrDeal) deal = NULL;
  g_autoptr(GPtrArray) receipts = NULL;
  gint64 id = signed_sale (o, o->units[2], "13800000011", "HT-11");
  gint64 big = 0, deposit_receipt = 0;
  SrFen due = 0;

  g_assert_false (sr_deals_record_payment (o->fin, id, 97000000, "transfer", TODAY, FALSE, NULL, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "advance"));
  g_clear_error (&error);
  g_assert_true (sr_deals_record_payment (o->fin, id, 97000000, "transfer", TODAY, TRUE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (sr_deals_due (o->admin, id, &due, &error));
  g_assert_cmpint (due, ==, 0);
  deal = sr_deals_get (o->admin, id, &error);
  g_assert_cmpint (deal->advance_fen, ==, 2000000);
  g_clear_pointer (&deal, sr_deal_free);
  /* The certificate fees are paid from the advance at once. */
  g_assert_true (sr_deals_add_certificate_fee (o->ctl, id, 300000, "2026-12-01", &error));
  g_assert_true (sr_deals_due (o->admin, id, &due, &error));
  g_assert_cmpint (due, ==, 0);
  deal = sr_deals_get (o->admin, id, &error);
  g_assert_cmpint (deal->advance_fen, ==, 1700000);
  g_assert_cmpint (deal->paid_fen, ==, 5000000 + 97000000);
  g_clear_pointer (&deal, sr_deal_free);

  /* Void the big receipt: what it paid is open again; it keeps its number. */
  g_assert_true (sr_db_get_int (sr_context_get_db (o->admin), &big, NULL,
                                "SELECT id FROM receipts WHERE deal_id = ?1 AND amount_fen = 97000000", "i", id));
  g_assert_true (sr_db_get_int (sr_context_get_db (o->admin), &deposit_receipt, NULL,
                                "SELECT id FROM receipts WHERE deal_id = ?1 AND amount_fen = 5000000", "i", id));
  g_assert_false (sr_receipts_void (o->ctl, big, "录错", &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (sr_receipts_void (o->fin, big, " ", &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (sr_receipts_void (o->fin, big, "金额录错", &error));
  g_assert_no_error (error);
  g_assert_false (sr_receipts_void (o->fin, big, "again", &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (sr_receipts_void (o->fin, deposit_receipt, "不要了", &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_true (sr_deals_due (o->admin, id, &due, &error));
  g_assert_cmpint (due, ==, 95000000 + 300000);
  deal = sr_deals_get (o->admin, id, &error);
  g_assert_cmpint (deal->paid_fen, ==, 5000000);
  g_assert_cmpint (deal->advance_fen, ==, 0);
  receipts = sr_deals_list_receipts (o->admin, id, &error);
  g_assert_cmpuint (receipts->len, ==, 2);
  g_assert_true (((SrReceipt *) receipts->pdata[1])->is_voided);
  g_assert_cmpint (count (o, "SELECT max (number) - count(*) FROM receipts WHERE year = 2026"), ==, 0);
}

/* A unit's history, newest first, and the reservations that ran out. */
static void
test_history (Office *o, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) expired = NULL;
  gint64 unit = o->units[1], now = sr_context_now (o->admin), deal;
  const char *phones[] = { "13800000009", NULL };
  SrCustomerInput in = { "钱先生", NULL, "walk-in", 0, NULL, 0, phones, FALSE, 0 };
  gint64 customer = sr_customers_add (o->mgr, &in, &error);
  g_autoptr(GString) all = g_string_new (NULL);

  g_assert_true (sr_units_hold (o->ctl, unit, &error));
  sr_clock_set_fixed (sr_context_get_clock (o->admin), now + 60);
  g_assert_true (sr_units_release (o->ctl, unit, &error));
  g_assert_cmpint (sr_units_reserve (o->ctl, unit, customer, now + 120, NULL, &error), >, 0);
  sr_clock_set_fixed (sr_context_get_clock (o->admin), now + 3600);
  g_assert_cmpint (sr_bookings_sweep_expired (o->ctl, &error), ==, 1);
  expired = sr_bookings_list_expired (o->admin, now, &error);
  g_assert_cmpuint (expired->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (expired, 0), "钱先生"));
  deal = signed_sale (o, unit, "13800000010", "HT-9");
  g_assert_cmpint (deal, >, 0);

  history = sr_units_history (o->admin, unit, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < history->len; i++)
    {
      SrUnitEvent *e = g_ptr_array_index (history, i);
      g_string_append_printf (all, "%s\n", e->text);
      if (i > 0)
        g_assert_cmpint (e->at, <=, ((SrUnitEvent *) g_ptr_array_index (history, i - 1))->at);
    }
  g_test_message ("%s", all->str);
  g_assert_nonnull (strstr (all->str, "Withheld from sale"));
  g_assert_nonnull (strstr (all->str, "Released for sale"));
  g_assert_nonnull (strstr (all->str, "Reserved for 钱先生"));
  g_assert_nonnull (strstr (all->str, "The reservation for 钱先生 ran out"));
  g_assert_nonnull (strstr (all->str, "Contract HT-9 signed"));
}

/* The owner's inspection: each failed item opens an engineering problem for the owner. */
static void
test_inspection (Office *o, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 deal = signed_sale (o, o->units[0], "13800000001", "HT-1");
  g_autoptr(SrDeal) d = sr_deals_get (o->admin, deal, &error);

  g_assert_cmpuint (sr_problems_open_from_inspection (o->mgr, o->units[0], " \n", &error), ==, 0);
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (sr_problems_open_from_inspection (o->mgr, o->units[1], "墙面开裂", &error), ==, 0);
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpuint (sr_problems_open_from_inspection (o->fin, o->units[0], "墙面开裂", &error), ==, 0);
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_cmpuint (count (o, "SELECT count(*) FROM problems"), ==, 0);
  g_assert_cmpuint (sr_problems_open_from_inspection (o->mgr, o->units[0], "客厅墙面开裂\n\n 厨房下水漏水 \n", &error), ==, 2);
  g_assert_no_error (error);
  g_assert_cmpuint (count (o, "SELECT count(*) FROM problems WHERE category = 'engineering' AND unit_id IS NOT NULL"),
                    ==, 2);
  {
    g_autoptr(SrCustomer) c = sr_customers_get (o->admin, d->customer_id, &error);
    g_assert_true (c->is_problem);
  }
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/deal-steps/payoff-and-delivery", Office, NULL, office_setup, test_payoff_and_delivery, office_teardown);
  g_test_add ("/deal-steps/area-settlement", Office, NULL, office_setup, test_area_settlement, office_teardown);
  g_test_add ("/deal-steps/progress", Office, NULL, office_setup, test_progress, office_teardown);
  g_test_add ("/deal-steps/advance-and-void", Office, NULL, office_setup, test_advance_and_void, office_teardown);
  g_test_add ("/deal-steps/history", Office, NULL, office_setup, test_history, office_teardown);
  g_test_add ("/deal-steps/agreements", Office, NULL, office_setup, test_agreements, office_teardown);
  g_test_add ("/deal-steps/inspection", Office, NULL, office_setup, test_inspection, office_teardown);
  return g_test_run ();
}
