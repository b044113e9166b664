/* The pipeline board: columns and cards under filters, moves by hand (and the stages only
 * their own step enters), deadlines, lost reasons, and the funnel from the history. */
#include "config.h"

#include <locale.h>

#include "common/sr-test-util.h"
#include "core/sr-contracts.h"
#include "core/sr-customers.h"
#include "core/sr-deal-steps.h"
#include "core/sr-error.h"
#include "core/sr-pipeline.h"
#include "core/sr-quotes.h"

#define TODAY SR_TEST_NOW_DAY

static gint64
stage_of_kind (SrContext   *ctx,
               const char  *kind,
               guint        nth)
{
  gint64 id = 0;
  g_assert_true (sr_db_get_int (sr_context_get_db (ctx), &id, NULL, "SELECT id FROM stages WHERE kind = ?1 "
                                "ORDER BY position LIMIT 1 OFFSET ?2", "ti", kind, (gint64) nth));
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
add_customer (SrContext  *ctx,
              const char *name,
              const char *phone,
              gint64      owner,
              const char *grade)
{
  g_autoptr(GError) error = NULL;
  const char *phones[] = { phone, NULL };
  SrCustomerInput in = { name, NULL, "walk-in", 0, grade, owner, phones, FALSE, 0 };
  gint64 id = sr_customers_add (ctx, &in, &error);

  g_assert_no_error (error);
  return id;
}

static guint
count_in (GPtrArray *columns,
          gint64     stage)
{
  for (guint i = 0; i < columns->len; i++)
    if (((SrBoardColumn *) g_ptr_array_index (columns, i))->stage_id == stage)
      return ((SrBoardColumn *) g_ptr_array_index (columns, i))->count;
  g_assert_not_reached ();
}

static void
test_board (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_DECORATION);
  g_autoptr(SrContext) a = sr_test_context_as (admin, "sheji", SR_ROLE_CONSULTANT);
  g_autoptr(SrContext) b = sr_test_context_as (admin, "sheji2", SR_ROLE_CONSULTANT);
  g_autoptr(SrContext) sup = sr_test_context_as (admin, "zhuguan", SR_ROLE_CUSTOMER_MANAGER);
  g_autoptr(SrContext) fin = sr_test_context_as (admin, "caiwu", SR_ROLE_FINANCE);
  g_autoptr(GError) error = NULL;
  gint64 contact = stage_of_kind (admin, "contact", 0), measure = stage_of_kind (admin, "measure", 0);
  gint64 plan = stage_of_kind (admin, "plan", 0), sign = stage_of_kind (admin, "sign", 0);
  gint64 lost = stage_of_kind (admin, "lost", 0), subscribe = stage_of_kind (admin, "subscribe", 0);
  gint64 zhang = add_customer (sup, "张三", "13800000001", sr_test_staff_id (a), "A");
  gint64 li = add_customer (sup, "李四", "13800000002", sr_test_staff_id (a), "B");
  gint64 wang = add_customer (sup, "王五", "13800000003", sr_test_staff_id (b), "A");
  SrBoardFilter all = { 0 }, mine = { sr_test_staff_id (a) }, grade_a = { 0, "A" };
  g_autoptr(GPtrArray) columns = NULL;
  g_autoptr(GPtrArray) cards = NULL;

  /* New customers start on the first stage. */
  columns = sr_pipeline_columns (a, &all, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_in (columns, contact), ==, 3);
  g_clear_pointer (&columns, g_ptr_array_unref);
  columns = sr_pipeline_columns (a, &mine, &error);
  g_assert_cmpuint (count_in (columns, contact), ==, 2);
  g_clear_pointer (&columns, g_ptr_array_unref);
  columns = sr_pipeline_columns (a, &grade_a, &error);
  g_assert_cmpuint (count_in (columns, contact), ==, 2);
  g_clear_pointer (&columns, g_ptr_array_unref);
  {
    SrBoardFilter search = { 0, NULL, NULL, FALSE, "zs" };
    columns = sr_pipeline_columns (a, &search, &error);
    g_assert_cmpuint (count_in (columns, contact), ==, 1);
    g_clear_pointer (&columns, g_ptr_array_unref);
    search.text = "没有这个人";
    columns = sr_pipeline_columns (a, &search, &error);
    g_assert_cmpuint (count_in (columns, contact), ==, 0);
    g_clear_pointer (&columns, g_ptr_array_unref);
  }

  /* Measurement needs the day and the address; then the draft plan is due in 24 h. */
  {
    SrStageMove m = { measure, "", "2026-11-25" };
    g_assert_false (sr_pipeline_move (a, zhang, &m, &error));
    g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
    g_clear_error (&error);
    m.note = "翠湖花园 5-1201";
    m.day = "11/25";
    g_assert_false (sr_pipeline_move (a, zhang, &m, &error));
    g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
    g_clear_error (&error);
    m.day = "2026-11-25";
    g_assert_true (sr_pipeline_move (a, zhang, &m, &error));
    g_assert_no_error (error);
  }
  {
    SrStageMove p = { plan, NULL, NULL, 0 };
    g_autoptr(GPtrArray) quotes = NULL;
    /* The plan stage needs a quote: none given, none kept yet: refused. */
    g_assert_false (sr_pipeline_move (a, zhang, &p, &error));
    g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
    g_clear_error (&error);
    p.quote_fen = 15000000;
    g_assert_true (sr_pipeline_move (a, zhang, &p, &error));
    quotes = sr_quotes_list (a, zhang, &error);
    g_assert_cmpuint (quotes->len, ==, 1);
    g_assert_cmpint (((SrQuote *) quotes->pdata[0])->amount_fen, ==, 15000000);
    g_assert_no_error (error);
    /* Another consultant may not move it; the customer manager may. */
    g_assert_false (sr_pipeline_move (b, li, &p, &error));
    g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED);
    g_clear_error (&error);
    g_assert_false (sr_pipeline_move (fin, li, &p, &error));
    g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED);
    g_clear_error (&error);
    g_assert_true (sr_pipeline_move (sup, li, &p, &error));
  }
  cards = sr_pipeline_cards (a, plan, &all, 0, 50, &error);
  g_assert_cmpuint (cards->len, ==, 2);
  g_assert_cmpstr (SR_CARD (cards->pdata[0])->name, ==, "张三");
  g_assert_false (SR_CARD (cards->pdata[0])->is_late);
  g_assert_cmpint (SR_CARD (cards->pdata[0])->days_in_stage, ==, 0);
  g_clear_pointer (&cards, g_ptr_array_unref);

  /* A day and an hour later the draft plan is late (方案初定: 24 h). */
  sr_test_set_day (admin, "2026-11-24", 10);
  {
    SrBoardFilter late = { 0, NULL, NULL, TRUE };
    cards = sr_pipeline_cards (a, plan, &late, 0, 50, &error);
    g_assert_cmpuint (cards->len, ==, 2);
    g_assert_true (SR_CARD (cards->pdata[0])->is_late);
    g_assert_cmpint (SR_CARD (cards->pdata[0])->days_in_stage, ==, 1);
    g_clear_pointer (&cards, g_ptr_array_unref);
    columns = sr_pipeline_columns (a, &late, &error);
    g_assert_cmpuint (count_in (columns, contact), ==, 0);
    g_assert_cmpuint (count_in (columns, plan), ==, 2);
    g_clear_pointer (&columns, g_ptr_array_unref);
  }

  /* Stages with their own step are not entered by hand. */
  {
    SrStageMove s = { sign, NULL, NULL };
    g_assert_false (sr_pipeline_move (a, zhang, &s, &error));
    g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT);
    g_clear_error (&error);
    s.stage_id = subscribe;
    g_assert_false (sr_pipeline_move (a, zhang, &s, &error));
    g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT);
    g_clear_error (&error);
  }
  /* The design contract's deposit, once finance has it, moves the customer to
   * 方案沟通/定金; the construction contract to 签约; a later contract never back. */
  {
    SrContractDeal design = { zhang, "design", "SJ-1", "2026-11-24", 1000000, 300000, 1, 30, NULL };
    SrContractDeal build = { zhang, "construction", "ZX-1", "2026-11-24", 20000000, 6000000, 3, 30, NULL };
    SrContractDeal materials = { zhang, "materials", "ZC-1", "2026-11-24", 5000000, 5000000, 0, 0, NULL };
    gint64 id = sr_contracts_add (a, &design, &error);
    g_assert_cmpint (id, >, 0);
    columns = sr_pipeline_columns (a, &all, &error);
    g_assert_cmpuint (count_in (columns, plan), ==, 2);
    g_clear_pointer (&columns, g_ptr_array_unref);
    g_assert_true (sr_deals_record_payment (fin, id, 300000, "wechat", "2026-11-24", FALSE, NULL, &error));
    g_assert_no_error (error);
    columns = sr_pipeline_columns (a, &all, &error);
    g_assert_cmpuint (count_in (columns, subscribe), ==, 1);
    g_clear_pointer (&columns, g_ptr_array_unref);
    g_assert_cmpint (sr_contracts_add (a, &build, &error), >, 0);
    g_assert_cmpint (sr_contracts_add (a, &materials, &error), >, 0);
    columns = sr_pipeline_columns (a, &all, &error);
    g_assert_cmpuint (count_in (columns, sign), ==, 1);
    g_assert_cmpuint (count_in (columns, subscribe), ==, 0);
    g_clear_pointer (&columns, g_ptr_array_unref);
  }

  /* Lost needs a reason from the list (or any words). */
  {
    g_auto(GStrv) reasons = sr_pipeline_lost_reasons (a, &error);
    SrStageMove l = { lost, "  ", NULL };
    g_assert_cmpuint (g_strv_length (reasons), >=, 3);
    g_assert_false (sr_pipeline_move (b, wang, &l, &error));
    g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
    g_clear_error (&error);
    l.note = reasons[0];
    g_assert_true (sr_pipeline_move (b, wang, &l, &error));
    g_assert_no_error (error);
  }
  {
    gint64 n = 0;
    g_assert_true (sr_db_get_int (sr_context_get_db (admin), &n, NULL, "SELECT count(*) FROM stage_changes "
                                  "WHERE to_stage = ?1 AND note IS NOT NULL AND staff_id = ?2", "ii", lost,
                                  sr_test_staff_id (b)));
    g_assert_cmpint (n, ==, 1);
  }

  /* The funnel of the two days: 3 registered; 1 measured; 2 drafted; 1 signed; 1 lost. */
  {
    g_autoptr(GPtrArray) funnel = sr_pipeline_funnel (sup, "2026-11-23", "2026-11-24", &error);
    g_assert_no_error (error);
    for (guint i = 0; i < funnel->len; i++)
      {
        SrFunnelRow *r = g_ptr_array_index (funnel, i);
        if (r->stage_id == contact)
          {
            g_assert_cmpuint (r->entered, ==, 3);
            g_assert_cmpuint (r->went_on, ==, 2);      /* 王五 was lost */
            g_assert_cmpfloat (r->median_days, ==, 0.0);
          }
        else if (r->stage_id == measure)
          {
            g_assert_cmpuint (r->entered, ==, 1);
            g_assert_cmpuint (r->went_on, ==, 1);
            g_assert_cmpfloat (r->median_days, ==, 0.0);
          }
        else if (r->stage_id == plan)
          {
            g_assert_cmpuint (r->entered, ==, 2);
            g_assert_cmpuint (r->went_on, ==, 1);       /* 张三 signed; 李四 still there */
            g_assert_cmpfloat_with_epsilon (r->median_days, 25.0 / 24.0, 0.0001);   /* 09:00 to 10:00 the next day */
          }
        else if (r->stage_id == sign || r->stage_id == lost)
          g_assert_cmpuint (r->entered, ==, 1);
      }
    g_assert_null (sr_pipeline_funnel (sup, "2026-11-24", "x", &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
  }
  g_clear_object (&a); g_clear_object (&b); g_clear_object (&sup); g_clear_object (&fin);
  sr_test_context_finish (g_steal_pointer (&admin));
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/pipeline/board", test_board);
  return g_test_run ();
}
