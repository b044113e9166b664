/* Targets and the performance register's data: periods (weeks from Monday, months), a
 * target set and replaced, and what a consultant did beside it. */
#include "config.h"

#include <locale.h>

#include "common/sr-test-util.h"
#include "core/sr-demo.h"
#include "core/sr-contracts.h"
#include "core/sr-customers.h"
#include "core/sr-deal-steps.h"
#include "core/sr-error.h"
#include "core/sr-performance.h"
#include "core/sr-staff.h"

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

static gint64
add_customer (SrContext  *ctx,
              const char *phone,
              const char *channel,
              gint64      owner)
{
  g_autoptr(GError) error = NULL;
  const char *phones[] = { phone, NULL };
  SrCustomerInput in = { "资源客户", NULL, channel, 0, NULL, owner, phones, FALSE, 0 };
  gint64 id = sr_customers_add (ctx, &in, &error);
  g_assert_no_error (error);
  return id;
}

/* Groups: the performance by group sums its members (targets too); the output summary
 * credits the designer and the draftsman; the weekly resources count new customers by
 * group and channel, those in progress and the signings. */
static void
test_groups_output_resources (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_DECORATION);
  g_autoptr(SrContext) sup = sr_test_context_as (admin, "kehujingli", SR_ROLE_CUSTOMER_MANAGER);
  g_autoptr(SrContext) a = sr_test_context_as (admin, "sheji1", SR_ROLE_CONSULTANT);
  g_autoptr(SrContext) b = sr_test_context_as (admin, "sheji2", SR_ROLE_CONSULTANT);
  g_autoptr(SrContext) c = sr_test_context_as (admin, "sheji3", SR_ROLE_CONSULTANT);
  g_autoptr(SrContext) draw = sr_test_context_as (admin, "huitu", SR_ROLE_CONSULTANT);
  g_autoptr(GError) error = NULL;
  gint64 ida = sr_test_staff_id (a), idb = sr_test_staff_id (b), idc = sr_test_staff_id (c);
  gint64 k1, k2, k3, k4;
  g_autoptr(GPtrArray) perf = NULL;
  g_autoptr(GPtrArray) teams = NULL;
  g_autoptr(GPtrArray) output = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GPtrArray) media = NULL;

  /* Groups are set by the administrator, trimmed, at most 20 characters. */
  g_assert_false (sr_staff_set_team (sup, ida, "一组", &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (sr_staff_set_team (admin, ida, "一二三四五六七八九十一二三四五六七八九十一", &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (sr_staff_set_team (admin, ida, " 设计一组 ", &error));
  g_assert_true (sr_staff_set_team (admin, idb, "设计一组", &error));
  g_assert_true (sr_staff_set_team (admin, idc, "设计二组", &error));
  {
    g_auto(GStrv) names = sr_staff_teams (sup, &error);
    g_assert_cmpuint (g_strv_length (names), ==, 2);
    g_assert_cmpstr (names[0], ==, "设计一组");
  }

  k1 = add_customer (sup, "13800000001", "walk-in", ida);
  k2 = add_customer (sup, "13800000002", "call", idb);
  k3 = add_customer (sup, "13800000003", "walk-in", idc);
  k4 = add_customer (sup, "13800000004", "online", 0);
  (void) k4;
  g_assert_true (sr_targets_set (sup, ida, SR_PERIOD_WEEK, SR_TEST_NOW_DAY, 10000000, 1, &error));
  g_assert_true (sr_targets_set (sup, idb, SR_PERIOD_WEEK, SR_TEST_NOW_DAY, 5000000, 1, &error));
  {
    /* A draws A's contract; C's is drawn by nobody; a draftsman not on the staff is refused. */
    SrContractDeal one = { k1, "design", "SJ-1", SR_TEST_NOW_DAY, 3000000, 0, 1, 30, NULL, sr_test_staff_id (draw) };
    SrContractDeal two = { k3, "construction", "ZX-3", SR_TEST_NOW_DAY, 20000000, 0, 1, 30, NULL, 0 };
    SrContractDeal bad = { k2, "design", "SJ-2", SR_TEST_NOW_DAY, 1000000, 0, 1, 30, NULL, 9999 };
    g_assert_cmpint (sr_contracts_add (sup, &bad, &error), ==, 0);
    g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_cmpint (sr_contracts_add (sup, &one, &error), >, 0);
    g_assert_cmpint (sr_contracts_add (sup, &two, &error), >, 0);
    g_assert_no_error (error);
  }

  perf = sr_performance_list (sup, SR_PERIOD_WEEK, SR_TEST_NOW_DAY, &error);
  g_assert_no_error (error);
  teams = sr_performance_by_team (perf);
  g_assert_cmpuint (teams->len, ==, 2);
  g_assert_cmpstr (((SrPerformance *) teams->pdata[0])->team, ==, "设计一组");
  g_assert_cmpint (((SrPerformance *) teams->pdata[0])->target_value_fen, ==, 15000000);
  g_assert_cmpint (((SrPerformance *) teams->pdata[0])->value_fen, ==, 3000000);
  g_assert_cmpuint (((SrPerformance *) teams->pdata[0])->signings, ==, 1);
  g_assert_cmpint (((SrPerformance *) teams->pdata[1])->value_fen, ==, 20000000);

  output = sr_output_summary (sup, SR_PERIOD_MONTH, SR_TEST_NOW_DAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (output->len, ==, 3);
  g_assert_cmpint (((SrOutputRow *) output->pdata[0])->staff_id, ==, idc);
  g_assert_cmpint (((SrOutputRow *) output->pdata[0])->designed_fen, ==, 20000000);
  for (guint i = 1; i < 3; i++)
    {
      SrOutputRow *r = output->pdata[i];
      if (r->staff_id == ida)
        g_assert_true (r->designed == 1 && r->designed_fen == 3000000 && r->drawn == 0);
      else
        g_assert_true (r->staff_id == sr_test_staff_id (draw) && r->drawn == 1 && r->drawn_fen == 3000000 && r->designed == 0);
    }
  {
    /* Nothing signed in another month. */
    g_autoptr(GPtrArray) none = sr_output_summary (sup, SR_PERIOD_MONTH, "2026-10-05", &error);
    g_assert_cmpuint (none->len, ==, 0);
  }

  g_assert_true (sr_weekly_resources (sup, SR_TEST_NOW_DAY, &groups, &media, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (groups->len, ==, 3);           /* 设计一组, 设计二组, nobody's */
  {
    SrResourceRow *one = groups->pdata[0], *two = groups->pdata[1], *nobody = groups->pdata[2];
    g_assert_cmpstr (one->team, ==, "设计一组");
    g_assert_cmpuint (one->new_total, ==, 2);
    g_assert_cmpuint (one->new_by_channel[0], ==, 1);   /* call */
    g_assert_cmpuint (one->new_by_channel[1], ==, 1);   /* walk-in */
    g_assert_cmpuint (one->in_progress, ==, 1);         /* k2; k1 signed */
    g_assert_cmpuint (one->signed_count, ==, 1);
    g_assert_cmpint (one->signed_fen, ==, 3000000);
    g_assert_cmpuint (two->in_progress, ==, 0);
    g_assert_cmpuint (two->signed_count, ==, 1);
    g_assert_cmpint (nobody->kind, ==, 0);
    g_assert_cmpuint (nobody->new_total, ==, 1);
    g_assert_cmpuint (nobody->new_by_channel[6], ==, 1); /* online */
  }
  g_clear_pointer (&groups, g_ptr_array_unref);
  /* The week before: nothing new, nothing signed; nobody in progress yet. */
  g_assert_true (sr_weekly_resources (sup, "2026-11-16", &groups, NULL, &error));
  g_assert_cmpuint (groups->len, ==, 0);
  g_clear_pointer (&groups, g_ptr_array_unref);
  /* A customer who came on the 10th and signs on the 23rd was in progress at the end of
   * the week of the 16th, and is not at the end of the week of the 23rd. */
  {
    gint64 k0;
    SrContractDeal late = { 0, "design", "SJ-0", SR_TEST_NOW_DAY, 2000000, 0, 1, 30, NULL, 0 };
    sr_test_set_day (admin, "2026-11-10", 10);
    k0 = add_customer (sup, "13800000009", "call", idb);
    sr_test_set_day (admin, SR_TEST_NOW_DAY, 9);
    late.customer_id = k0;
    g_assert_cmpint (sr_contracts_add (sup, &late, &error), >, 0);
    g_assert_true (sr_weekly_resources (sup, "2026-11-16", &groups, NULL, &error));
    g_assert_cmpuint (groups->len, ==, 1);
    g_assert_cmpstr (((SrResourceRow *) groups->pdata[0])->team, ==, "设计一组");
    g_assert_cmpuint (((SrResourceRow *) groups->pdata[0])->in_progress, ==, 1);
    g_assert_cmpuint (((SrResourceRow *) groups->pdata[0])->new_total, ==, 0);
    g_clear_pointer (&groups, g_ptr_array_unref);
    g_assert_true (sr_weekly_resources (sup, SR_TEST_NOW_DAY, &groups, NULL, &error));
    g_assert_cmpuint (((SrResourceRow *) groups->pdata[0])->in_progress, ==, 1);   /* k2 only */
  }
  g_assert_false (sr_weekly_resources (sup, "2026-11-31", &groups, NULL, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);
  sr_test_context_finish (g_steal_pointer (&admin));
}

/* The register's weeks, counted in one pass, are the weeks the page counts one by one. */
static void
test_resources_span (void)
{
  g_autofree char *dir = sr_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SrDb) db = sr_db_open (path, SR_DB_OPEN_CREATE, &error);
  g_autoptr(SrContext) ctx = sr_context_new (db, NULL);
  g_autoptr(SrSession) session = sr_session_new_command_line ();
  g_autoptr(GPtrArray) weeks = NULL;
  SrDemoOptions options = { SR_OFFICE_PROPERTY, SR_DEMO_SMALL, 7, SR_TEST_NOW_DAY };
  g_autofree char *day = g_strdup ("2026-06-01");
  guint checked = 0;

  sr_test_set_day (ctx, SR_TEST_NOW_DAY, 10);
  g_assert_true (sr_demo_generate (ctx, &options, NULL, &error));
  sr_context_set_session (ctx, session);
  g_assert_true (sr_weekly_resources_span (ctx, day, SR_TEST_NOW_DAY, &weeks, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (weeks->len, ==, 26);   /* 2026-06-01 (a Monday) to the week of 11-23 */
  for (guint w = 0; w < weeks->len; w++)
    {
      GPtrArray *span = g_ptr_array_index (weeks, w);
      g_autoptr(GPtrArray) one = NULL;
      GDate date;
      char text[16];
      g_assert_true (sr_day_parse ("2026-06-01", &date));
      g_date_add_days (&date, 7 * w);
      g_date_strftime (text, sizeof text, "%Y-%m-%d", &date);
      g_assert_true (sr_weekly_resources (ctx, text, &one, NULL, &error));
      g_assert_cmpuint (span->len, ==, one->len);
      for (guint i = 0; i < one->len; i++)
        {
          SrResourceRow *a = span->pdata[i], *b = one->pdata[i];
          g_assert_cmpint (a->kind, ==, b->kind);
          g_assert_cmpstr (a->team, ==, b->team);
          g_assert_cmpuint (a->in_progress, ==, b->in_progress);
          g_assert_cmpuint (a->new_total, ==, b->new_total);
          g_assert_cmpuint (a->signed_count, ==, b->signed_count);
          checked += a->in_progress > 0;
        }
    }
  g_assert_cmpuint (checked, >, 20);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/performance/periods", test_periods);
  g_test_add_func ("/performance/register", test_register);
  g_test_add_func ("/performance/groups-output-resources", test_groups_output_resources);
  g_test_add_func ("/performance/resources-span", test_resources_span);
  return g_test_run ();
}
