/* Decoration and housekeeping deals: a contract with its value and plan (deposit, then
 * equal payments, the balance last), taken and chased by the same ledger as a unit sale,
 * and cancelled without a unit to free. */
#include "config.h"

#include <locale.h>

#include "common/sr-test-util.h"
#include "core/sr-contracts.h"
#include "core/sr-customers.h"
#include "core/sr-deal-steps.h"
#include "core/sr-deals.h"
#include "core/sr-error.h"
#include "core/sr-ledger.h"
#include "core/sr-money-reports.h"
#include "core/sr-pipeline.h"

#define TODAY SR_TEST_NOW_DAY

static gint64
add_customer (SrContext  *ctx,
              const char *name,
              const char *phone,
              gint64      owner)
{
  g_autoptr(GError) error = NULL;
  const char *phones[] = { phone, NULL };
  SrCustomerInput in = { name, NULL, "walk-in", 0, NULL, owner, phones, FALSE, 0 };
  gint64 id = sr_customers_add (ctx, &in, &error);

  g_assert_no_error (error);
  return id;
}

/* A customer marked lost who comes back and signs a contract leaves the lost stage for
 * the signing one (the lost stage comes last on the board, yet nothing is behind it). */
static void
test_lost_comes_back (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_DECORATION);
  g_autoptr(SrContext) gw = sr_test_context_as (admin, "sheji", SR_ROLE_CONSULTANT);
  g_autoptr(SrContext) mgr = sr_test_context_as (admin, "jingli", SR_ROLE_MANAGER);
  g_autoptr(GError) error = NULL;
  gint64 customer = add_customer (mgr, "回头客", "13800138001", sr_test_staff_id (gw));
  SrContractDeal in = { customer, "construction", "ZX-2026-009", TODAY, 800000, 200000, 1, 30, NULL };
  SrStageMove lost = { 0, "价格原因", NULL, 0 };
  gint64 signing = 0;
  SrDb *db = sr_context_get_db (admin);

  g_assert_true (sr_db_get_int (db, &lost.stage_id, NULL, "SELECT id FROM stages WHERE kind = 'lost' LIMIT 1", ""));
  g_assert_true (sr_pipeline_move (gw, customer, &lost, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sr_contracts_add (gw, &in, &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (sr_db_get_int (db, &signing, NULL, "SELECT s.kind = 'sign' FROM customers c JOIN stages s "
                                "ON s.id = c.stage_id WHERE c.id = ?1", "i", customer));
  g_assert_cmpint (signing, ==, 1);
  sr_test_context_finish (g_steal_pointer (&admin));
}

static void
test_plan_and_money (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_DECORATION);
  g_autoptr(SrContext) gw = sr_test_context_as (admin, "sheji", SR_ROLE_CONSULTANT);
  g_autoptr(SrContext) other = sr_test_context_as (admin, "sheji2", SR_ROLE_CONSULTANT);
  g_autoptr(SrContext) fin = sr_test_context_as (admin, "caiwu", SR_ROLE_FINANCE);
  g_autoptr(SrContext) mgr = sr_test_context_as (admin, "jingli", SR_ROLE_MANAGER);
  g_autoptr(GError) error = NULL;
  gint64 customer = add_customer (mgr, "装先生", "13800138000", sr_test_staff_id (gw));
  /* ¥100,000.01: ¥30,000 deposit, the rest in three payments a month apart. */
  SrContractDeal in = { customer, "construction", " ZX-2026-001 ", TODAY, 10000001, 3000000, 3, 30, "水电改造另计" };
  g_autoptr(GPtrArray) plan = NULL;
  g_autoptr(SrDeal) deal = NULL;
  g_autofree char *number = NULL;
  gint64 id;

  id = sr_contracts_add (gw, &in, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  deal = sr_deals_get (gw, id, &error);
  g_assert_cmpstr (deal->kind, ==, "construction");
  g_assert_cmpstr (deal->state, ==, "signed");
  g_assert_cmpstr (deal->contract_no, ==, "ZX-2026-001");
  g_assert_cmpstr (deal->unit_label, ==, "ZX-2026-001");
  g_assert_cmpint (deal->price_fen, ==, 10000001);
  g_assert_cmpint (deal->unit_id, ==, 0);
  /* The clauses are kept as written (they were once bound as a number). */
  g_assert_cmpstr (deal->clauses, ==, "水电改造另计");
  plan = sr_deals_list_plan (gw, id, &error);
  g_assert_cmpuint (plan->len, ==, 4);
  {
    const char *kinds[] = { "deposit", "instalment", "instalment", "balance" };
    const char *days[] = { "2026-11-23", "2026-12-23", "2027-01-22", "2027-02-21" };
    const SrFen amounts[] = { 3000000, 2333333, 2333333, 2333335 };
    SrFen total = 0;
    for (guint i = 0; i < plan->len; i++)
      {
        SrPlanItem *item = g_ptr_array_index (plan, i);
        g_assert_cmpstr (item->kind, ==, kinds[i]);
        g_assert_cmpstr (item->due_day, ==, days[i]);
        g_assert_cmpint (item->amount_fen, ==, amounts[i]);
        total += item->amount_fen;
      }
    g_assert_cmpint (total, ==, 10000001);
  }

  /* A second contract for the same customer (main materials, all at signing). */
  {
    SrContractDeal materials = { customer, "materials", "ZC-7", TODAY, 500000, 500000, 0, 0, NULL };
    g_autoptr(GPtrArray) deals = NULL;
    gint64 zc = sr_contracts_add (gw, &materials, &error);
    g_assert_cmpint (zc, >, 0);
    g_assert_no_error (error);
    deals = sr_deals_for_customer (gw, customer, &error);
    g_assert_cmpuint (deals->len, ==, 2);
    g_assert_true (sr_deals_record_payment (fin, zc, 500000, "wechat", TODAY, FALSE, NULL, &error));
    g_assert_no_error (error);
  }

  /* Finance takes the deposit; the plan is paid oldest first. */
  g_assert_true (sr_deals_record_payment (fin, id, 3000000, "transfer", TODAY, FALSE, &number, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (number, ==, "2026-00002");
  {
    g_autoptr(GPtrArray) after = sr_deals_list_plan (fin, id, &error);
    g_assert_cmpint (((SrPlanItem *) after->pdata[0])->paid_fen, ==, 3000000);
    g_assert_cmpint (((SrPlanItem *) after->pdata[1])->paid_fen, ==, 0);
  }

  /* Two months on, the first payment is overdue; the list names the contract. */
  sr_test_set_day (admin, "2027-01-10", 10);
  {
    g_autoptr(GPtrArray) late = sr_ledger_overdue (fin, 0, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (late->len, ==, 1);
    g_assert_cmpstr (((SrLateRow *) late->pdata[0])->unit_label, ==, "ZX-2026-001");
    g_assert_cmpstr (((SrLateRow *) late->pdata[0])->kind, ==, "instalment");
  }

  /* Cancelled with ¥5,000 kept: the rest of what was paid is due back; no unit to free. */
  g_assert_true (sr_deals_cancel (mgr, id, "客户放弃装修", 500000, &error));
  g_assert_no_error (error);
  g_clear_pointer (&deal, sr_deal_free);
  deal = sr_deals_get (mgr, id, &error);
  g_assert_cmpstr (deal->state, ==, "cancelled");
  g_assert_cmpint (deal->refund_due_fen, ==, 2500000);
  g_assert_true (sr_deals_pay_refund (fin, id, "transfer", "2027-01-10", NULL, &error));
  g_assert_no_error (error);

  /* Another consultant may not enter contracts for this customer. */
  {
    SrContractDeal design = { customer, "design", "SJ-1", "2027-01-10", 800000, 0, 1, 7, NULL };
    g_assert_cmpint (sr_contracts_add (other, &design, &error), ==, 0);
    g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED);
    g_clear_error (&error);
  }
  g_clear_object (&gw); g_clear_object (&other); g_clear_object (&fin); g_clear_object (&mgr);
  sr_test_context_finish (g_steal_pointer (&admin));
}

static void
test_refusals (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_HOUSEKEEPING);
  g_autoptr(SrContext) mgr = sr_test_context_as (admin, "jingli", SR_ROLE_MANAGER);
  g_autoptr(GError) error = NULL;
  gint64 customer = add_customer (mgr, "家先生", "13900139000", 0);
  gint64 before = 0, after = 0;
  struct {
    SrContractDeal in;
    gint code;
  } cases[] = {
    { { customer, "construction", "A-1", TODAY, 100000, 0, 1, 30, NULL }, SR_RULE_ERROR_INVALID },   /* not for a housekeeping agency */
    { { customer, "service", "  ", TODAY, 100000, 0, 1, 30, NULL }, SR_RULE_ERROR_INVALID },         /* no number */
    { { customer, "service", "A-2", TODAY, 0, 0, 1, 30, NULL }, SR_RULE_ERROR_INVALID },             /* no value */
    { { customer, "service", "A-3", TODAY, 100000, 100001, 1, 30, NULL }, SR_RULE_ERROR_INVALID },   /* deposit above the value */
    { { customer, "service", "A-4", TODAY, 100000, 50000, 0, 30, NULL }, SR_RULE_ERROR_INVALID },    /* the rest in no payments */
    { { customer, "service", "A-5", TODAY, 100000, 50000, 61, 30, NULL }, SR_RULE_ERROR_INVALID },   /* too many */
    { { customer, "service", "A-6", TODAY, 100000, 50000, 2, 0, NULL }, SR_RULE_ERROR_INVALID },     /* no interval */
    { { customer, "service", "A-7", "2026-11-24", 100000, 0, 1, 30, NULL }, SR_RULE_ERROR_INVALID }, /* signed tomorrow */
    { { customer, "service", "A-8", TODAY, 3, 0, 4, 30, NULL }, SR_RULE_ERROR_INVALID },             /* 3 fen in 4 payments */
    { { 99999, "service", "A-9", TODAY, 100000, 0, 1, 30, NULL }, SR_RULE_ERROR_NOT_FOUND },         /* no such customer */
  };

  g_assert_true (sr_db_query_int (sr_context_get_db (admin), "SELECT count(*) FROM plan_items", &before, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("case %u", i);
      g_assert_cmpint (sr_contracts_add (mgr, &cases[i].in, &error), ==, 0);
      g_assert_error (error, SR_RULE_ERROR, cases[i].code);
      g_clear_error (&error);
    }
  /* A service agreement: monthly fees; then the same number again is refused. */
  {
    SrContractDeal ok = { customer, "service", "JZ-1", TODAY, 1200000, 200000, 10, 30, NULL };
    g_assert_cmpint (sr_contracts_add (mgr, &ok, &error), >, 0);
    g_assert_no_error (error);
    g_assert_cmpint (sr_contracts_add (mgr, &ok, &error), ==, 0);
    g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT);
    g_clear_error (&error);
  }
  g_assert_true (sr_db_query_int (sr_context_get_db (admin), "SELECT count(*) FROM plan_items", &after, NULL));
  g_assert_cmpint (after - before, ==, 11);
  g_clear_object (&mgr);
  sr_test_context_finish (g_steal_pointer (&admin));
}

static void
test_property_office (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_PROPERTY);
  g_autoptr(SrContext) mgr = sr_test_context_as (admin, "jingli", SR_ROLE_MANAGER);
  g_autoptr(GError) error = NULL;
  gint64 customer = add_customer (mgr, "房先生", "13700137000", 0);
  SrContractDeal in = { customer, "design", "X-1", TODAY, 100000, 0, 1, 30, NULL };

  g_assert_cmpint (sr_contracts_add (mgr, &in, &error), ==, 0);
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_object (&mgr);
  sr_test_context_finish (g_steal_pointer (&admin));
}

/* The designer is handed the deposit and reports it; finance confirms (the receipt names
 * both) or rejects; nothing counts as paid before. */
static void
test_reported_money (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_DECORATION);
  g_autoptr(SrContext) gw = sr_test_context_as (admin, "sheji", SR_ROLE_CONSULTANT);
  g_autoptr(SrContext) other = sr_test_context_as (admin, "sheji2", SR_ROLE_CONSULTANT);
  g_autoptr(SrContext) fin = sr_test_context_as (admin, "caiwu", SR_ROLE_FINANCE);
  g_autoptr(GError) error = NULL;
  gint64 customer = add_customer (gw, "交先生", "13800138001", sr_test_staff_id (gw));
  SrContractDeal in = { customer, "design", "SJ-9", TODAY, 2000000, 600000, 1, 30, NULL };
  gint64 deal = sr_contracts_add (gw, &in, &error);
  gint64 first, second;
  g_autofree char *number = NULL;
  g_autoptr(SrDeal) d = NULL;

  g_assert_no_error (error);
  first = sr_money_report_add (gw, deal, 600000, "wechat", TODAY, "客户微信转账给公司账户", &error);
  g_assert_no_error (error);
  g_assert_cmpint (first, >, 0);
  /* With ¥6,000 waiting, only ¥14,000 more may be reported. */
  g_assert_cmpint (sr_money_report_add (gw, deal, 1400001, "cash", TODAY, NULL, &error), ==, 0);
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (sr_money_report_add (other, deal, 1000, "cash", TODAY, NULL, &error), ==, 0);
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (sr_money_report_add (gw, deal, 1000, "cash", "2026-11-24", NULL, &error), ==, 0);
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);
  second = sr_money_report_add (gw, deal, 50000, "cash", TODAY, NULL, &error);
  g_assert_cmpint (second, >, 0);
  d = sr_deals_get (fin, deal, &error);
  g_assert_cmpint (d->paid_fen, ==, 0);
  g_clear_pointer (&d, sr_deal_free);
  {
    g_autoptr(GPtrArray) waiting = sr_money_reports_waiting (fin, 0, &error);
    g_assert_cmpuint (waiting->len, ==, 2);
    g_assert_cmpstr (((SrMoneyReport *) waiting->pdata[0])->deal_label, ==, "SJ-9");
    g_assert_cmpstr (((SrMoneyReport *) waiting->pdata[0])->reported_by, ==, "sheji");
  }

  /* Only finance confirms; the receipt is numbered then and names both. */
  g_assert_false (sr_money_report_confirm (gw, first, FALSE, NULL, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_true (sr_money_report_confirm (fin, first, FALSE, &number, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (number, ==, "2026-00001");
  g_assert_false (sr_money_report_confirm (fin, first, FALSE, NULL, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT);
  g_clear_error (&error);
  {
    gint64 by = 0, confirmed = 0;
    g_assert_true (sr_db_get_int (sr_context_get_db (admin), &by, NULL, "SELECT recorded_by FROM receipts", ""));
    g_assert_true (sr_db_get_int (sr_context_get_db (admin), &confirmed, NULL, "SELECT confirmed_by FROM receipts", ""));
    g_assert_cmpint (by, ==, sr_test_staff_id (gw));
    g_assert_cmpint (confirmed, ==, sr_test_staff_id (fin));
  }
  d = sr_deals_get (fin, deal, &error);
  g_assert_cmpint (d->paid_fen, ==, 600000);

  /* The cash never reached the office: rejected with the reason; not paid. */
  g_assert_false (sr_money_report_reject (fin, second, "  ", &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (sr_money_report_reject (fin, second, "现金未交到财务", &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) waiting = sr_money_reports_waiting (fin, deal, &error);
    g_assert_cmpuint (waiting->len, ==, 0);
  }
  g_clear_object (&gw); g_clear_object (&other); g_clear_object (&fin);
  sr_test_context_finish (g_steal_pointer (&admin));
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/contracts/plan-and-money", test_plan_and_money);
  g_test_add_func ("/contracts/refusals", test_refusals);
  g_test_add_func ("/contracts/lost-comes-back", test_lost_comes_back);
  g_test_add_func ("/contracts/property-office", test_property_office);
  g_test_add_func ("/contracts/reported-money", test_reported_money);
  return g_test_run ();
}
