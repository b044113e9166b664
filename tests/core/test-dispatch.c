/* Designer dispatch, the pure part: smooth weighted round-robin over the history, case by
 * case from PRODUCT.md and seed 001. */
#include "config.h"

#include <locale.h>

#include "common/sr-test-util.h"
#include "core/sr-contracts.h"
#include "core/sr-customers.h"
#include "core/sr-dispatch.h"
#include "core/sr-error.h"

enum { A = 1, B = 2, C = 3 };

/* Dispatches @n customers; every @threshold_every-th (0: none) needs rank @min_rank;
 * @away is not available for dispatches [@away_from, @away_to). Counts per designer in
 * @got, the sequence in @order. */
static void
simulate (const SrDispatchSeat *seats,
          guint                 n_seats,
          guint                 n,
          guint                 threshold_every,
          int                   min_rank,
          gint64                away,
          guint                 away_from,
          guint                 away_to,
          guint                 got[4],
          GArray               *order)
{
  g_autoptr(GHashTable) credits = sr_dispatch_replay (NULL, 0, NULL);

  for (guint k = 0; k < n; k++)
    {
      SrDispatchSeat now[8];
      guint n_now = 0;
      SrDispatchChoice choice;
      int need = threshold_every > 0 && k % threshold_every == threshold_every - 1 ? min_rank : 0;

      for (guint i = 0; i < n_seats; i++)
        if (!(seats[i].designer_id == away && k >= away_from && k < away_to))
          now[n_now++] = seats[i];
      g_assert_true (sr_dispatch_choose (credits, now, n_now, need, &choice));
      sr_dispatch_apply (credits, now, n_now, choice.designer_id);
      got[choice.designer_id]++;
      if (order != NULL)
        g_array_append_val (order, choice.designer_id);
    }
}

static void
test_shares (void)
{
  /* Weights 3:2:1 over 60 customers: 30/20/10, never three in a row to one designer. */
  const SrDispatchSeat seats[] = { { A, 3, 3 }, { B, 2, 2 }, { C, 1, 1 } };
  guint got[4] = { 0 };
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (gint64));

  simulate (seats, 3, 60, 0, 0, 0, 0, 0, got, order);
  g_assert_cmpuint (got[A], ==, 30);
  g_assert_cmpuint (got[B], ==, 20);
  g_assert_cmpuint (got[C], ==, 10);
  for (guint i = 2; i < order->len; i++)
    g_assert_false (g_array_index (order, gint64, i) == g_array_index (order, gint64, i - 1) &&
                    g_array_index (order, gint64, i) == g_array_index (order, gint64, i - 2));
  /* The first six, as the rule writes them: A B A C B A. */
  {
    const gint64 first[] = { A, B, A, C, B, A };
    for (guint i = 0; i < G_N_ELEMENTS (first); i++)
      g_assert_cmpint (g_array_index (order, gint64, i), ==, first[i]);
  }
}

static void
test_table (void)
{
  /* Shares under other weights and sizes, each exactly proportional over a whole cycle. */
  struct {
    SrDispatchSeat seats[3];
    guint n_seats, n;
    guint want[4];
  } cases[] = {
    { { { A, 1, 1 }, { B, 1, 1 }, { C, 1, 1 } }, 3, 30, { 0, 10, 10, 10 } },
    { { { A, 2, 2 }, { B, 1, 1 } }, 2, 30, { 0, 20, 10, 0 } },
    { { { A, 5, 3 }, { B, 3, 2 }, { C, 2, 1 } }, 3, 100, { 0, 50, 30, 20 } },
    { { { A, 1, 1 } }, 1, 7, { 0, 7, 0, 0 } },
  };

  for (guint t = 0; t < G_N_ELEMENTS (cases); t++)
    {
      guint got[4] = { 0 };
      g_test_message ("case %u", t);
      simulate (cases[t].seats, cases[t].n_seats, cases[t].n, 0, 0, 0, 0, 0, got, NULL);
      for (guint d = 1; d <= 3; d++)
        g_assert_cmpuint (got[d], ==, cases[t].want[d]);
    }
}

static void
test_threshold (void)
{
  /* Every third customer is large: only senior (rank 2) or above. The junior C never gets
   * one; the large ones count against A's and B's shares, so C still gets its sixth. */
  const SrDispatchSeat seats[] = { { A, 3, 3 }, { B, 2, 2 }, { C, 1, 1 } };
  guint got[4] = { 0 };
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (gint64));

  simulate (seats, 3, 60, 3, 2, 0, 0, 0, got, order);
  for (guint k = 2; k < 60; k += 3)
    g_assert_cmpint (g_array_index (order, gint64, k), !=, C);
  g_assert_cmpuint (got[A] + got[B] + got[C], ==, 60);
  g_assert_cmpuint (got[C], >=, 9);
  g_assert_cmpuint (got[C], <=, 11);
  g_assert_cmpuint (got[A], >=, 29);
  g_assert_cmpuint (got[A], <=, 31);
  /* Nobody of the level: refused, no one chosen. */
  {
    g_autoptr(GHashTable) credits = sr_dispatch_replay (NULL, 0, NULL);
    SrDispatchChoice choice;
    g_assert_false (sr_dispatch_choose (credits, seats, 3, 4, &choice));
    g_assert_cmpint (choice.designer_id, ==, 0);
    g_assert_false (sr_dispatch_choose (credits, NULL, 0, 0, &choice));
  }
}

static void
test_leave (void)
{
  /* B is on leave for customers 10 to 19: gets none of them and keeps the credit it had;
   * after, the shares go on (no catch-up burst: B never gets three in a row). */
  const SrDispatchSeat seats[] = { { A, 3, 3 }, { B, 2, 2 }, { C, 1, 1 } };
  const SrDispatchSeat without_b[] = { { A, 3, 3 }, { C, 1, 1 } };
  guint got[4] = { 0 };
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) credits = sr_dispatch_replay (NULL, 0, NULL);
  gint64 before, after;
  gint64 key = B;

  simulate (seats, 3, 60, 0, 0, B, 10, 20, got, order);
  for (guint k = 10; k < 20; k++)
    g_assert_cmpint (g_array_index (order, gint64, k), !=, B);
  for (guint i = 2; i < order->len; i++)
    g_assert_false (g_array_index (order, gint64, i) == B && g_array_index (order, gint64, i - 1) == B &&
                    g_array_index (order, gint64, i - 2) == B);
  /* Credit kept: replay two steps with B away and read it. */
  {
    SrDispatchStep steps[] = { { seats, 3, A }, { seats, 3, B } };
    sr_dispatch_replay (steps, 2, credits);
  }
  before = *(gint64 *) g_hash_table_lookup (credits, &key);
  {
    SrDispatchStep away[] = { { without_b, 2, A }, { without_b, 2, C }, { without_b, 2, A } };
    sr_dispatch_replay (away, 3, credits);
  }
  after = *(gint64 *) g_hash_table_lookup (credits, &key);
  g_assert_cmpint (before, ==, after);
}

static void
test_override (void)
{
  /* The manager gives one to C out of turn: C pays back the total, so C's next regular
   * turn comes later; the history replays to the same credits every time. */
  const SrDispatchSeat seats[] = { { A, 3, 3 }, { B, 2, 2 }, { C, 1, 1 } };
  SrDispatchStep history[] = { { seats, 3, A }, { seats, 3, C }, { seats, 3, B } };
  g_autoptr(GHashTable) one = sr_dispatch_replay (history, 3, NULL);
  g_autoptr(GHashTable) two = sr_dispatch_replay (history, 3, NULL);
  SrDispatchChoice x, y;
  gint64 c = C;

  g_assert_cmpint (*(gint64 *) g_hash_table_lookup (one, &c), ==, 1 + 1 - 6 + 1);
  g_assert_true (sr_dispatch_choose (one, seats, 3, 0, &x));
  g_assert_true (sr_dispatch_choose (two, seats, 3, 0, &y));
  g_assert_cmpint (x.designer_id, ==, y.designer_id);
  g_assert_cmpint (x.credit, ==, y.credit);
  g_assert_cmpint (x.total, ==, 6);
  /* A: 3-6+3+3 = 3, +3 = 6; B: 2+2+2-6 = 0, +2 = 2; C: -3, +1 = -2. */
  g_assert_cmpint (x.designer_id, ==, A);
  g_assert_cmpint (x.credit, ==, 6);
}

/* The stored part: levels set by the customer manager, dispatches recorded and replayed,
 * leave, the manager's override. */
static void
test_stored (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_DECORATION);
  g_autoptr(SrContext) sup = sr_test_context_as (admin, "kehujingli", SR_ROLE_CUSTOMER_MANAGER);
  g_autoptr(SrContext) mgr = sr_test_context_as (admin, "jingli", SR_ROLE_MANAGER);
  g_autoptr(SrContext) a = sr_test_context_as (admin, "zhanggong", SR_ROLE_CONSULTANT);
  g_autoptr(SrContext) b = sr_test_context_as (admin, "ligong", SR_ROLE_CONSULTANT);
  g_autoptr(SrContext) c = sr_test_context_as (admin, "wanggong", SR_ROLE_CONSULTANT);
  g_autoptr(SrContext) desk = sr_test_context_as (admin, "qiantai", SR_ROLE_RECEPTIONIST);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) levels = sr_designer_levels (sup, &error);
  gint64 ids[3] = { sr_test_staff_id (a), sr_test_staff_id (b), sr_test_staff_id (c) };
  gint64 customers[9];
  gint64 designer = 0;
  g_autofree char *why = NULL;

  g_assert_cmpuint (levels->len, ==, 3);
  /* Nobody has a level yet: nobody to dispatch to. */
  g_assert_false (sr_dispatch_next (sup, FALSE, &designer, NULL, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT);
  g_clear_error (&error);
  for (guint i = 0; i < 3; i++)
    {
      gint64 level = ((SrDesigner *) levels->pdata[i])->level_id;
      g_assert_false (sr_designers_set_level (sup, ids[i], level, " ", &error));
      g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
      g_clear_error (&error);
      g_assert_false (sr_designers_set_level (a, ids[i], level, "季度评定", &error));
      g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED);
      g_clear_error (&error);
      g_assert_true (sr_designers_set_level (sup, ids[i], level, "季度评定", &error));
    }
  for (guint i = 0; i < G_N_ELEMENTS (customers); i++)
    {
      g_autofree char *phone = g_strdup_printf ("1380000000%u", i);
      const char *phones[] = { phone, NULL };
      SrCustomerInput in = { "派单客户", NULL, "walk-in", 0, NULL, 0, phones, FALSE, 0 };
      customers[i] = sr_customers_add (desk, &in, &error);
      g_assert_no_error (error);
    }
  /* Waiting for a designer: the newest first, as many as asked, and how many in all. */
  {
    guint total = 0;
    g_autoptr(GPtrArray) some = sr_dispatch_waiting (sup, 4, &total, &error);
    g_autoptr(GPtrArray) all = sr_dispatch_waiting (sup, 20, &total, &error);
    g_assert_cmpuint (some->len, ==, 4);
    g_assert_cmpint (((SrCustomer *) some->pdata[0])->id, ==, customers[8]);
    g_assert_cmpuint (all->len, ==, 9);
    g_assert_cmpuint (total, ==, 9);
    g_clear_pointer (&some, g_ptr_array_unref);
    total = 0;
    some = sr_dispatch_waiting (sup, 4, &total, &error);
    g_assert_cmpuint (total, ==, 9);
  }

  /* 3:2:1: A B A C B A, each with its explanation. */
  g_assert_true (sr_dispatch_next (sup, FALSE, &designer, &why, &error));
  g_assert_cmpint (designer, ==, ids[0]);
  g_assert_cmpstr (why, ==, "zhanggong: 首席设计师, credit 3 of total 6");
  {
    const guint want[] = { 0, 1, 0, 2, 1, 0 };
    for (guint k = 0; k < 6; k++)
      {
        g_autoptr(SrCustomer) got = NULL;
        g_assert_true (sr_dispatch_customer (sup, customers[k], FALSE, 0, NULL, &error));
        g_assert_no_error (error);
        got = sr_customers_get (sup, customers[k], &error);
        g_assert_cmpint (got->owner_id, ==, ids[want[k]]);
      }
  }
  {
    guint total = 0;
    g_autoptr(GPtrArray) left = sr_dispatch_waiting (sup, 2, &total, &error);
    g_assert_cmpuint (left->len, ==, 2);
    g_assert_cmpuint (total, ==, 3);
  }
  /* Once dispatched, not again. */
  g_assert_false (sr_dispatch_customer (sup, customers[0], FALSE, 0, NULL, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT);
  g_clear_error (&error);

  /* A large customer (senior or above) while B is on leave: only A. */
  g_assert_true (sr_designers_add_leave (sup, ids[1], SR_TEST_NOW_DAY, "2026-11-30", "年假", &error));
  g_assert_false (sr_designers_add_leave (sup, ids[1], "2026-11-30", "2026-11-01", NULL, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (sr_dispatch_customer (sup, customers[6], TRUE, 0, NULL, &error));
  {
    g_autoptr(SrCustomer) got = sr_customers_get (sup, customers[6], &error);
    g_assert_cmpint (got->owner_id, ==, ids[0]);
  }

  /* Out of turn: the manager only, with a reason. */
  g_assert_false (sr_dispatch_customer (sup, customers[7], FALSE, ids[2], "客户指定", &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (sr_dispatch_customer (mgr, customers[7], FALSE, ids[2], " ", &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (sr_dispatch_customer (mgr, customers[7], FALSE, ids[2], "客户指定王工", &error));
  g_assert_no_error (error);

  /* The designers with their credits replayed from the rows; B kept its credit on leave. */
  {
    g_autoptr(GPtrArray) list = sr_designers_list (sup, &error);
    gint64 total = 0;
    g_assert_cmpuint (list->len, ==, 3);
    for (guint i = 0; i < list->len; i++)
      {
        SrDesigner *d = g_ptr_array_index (list, i);
        total += d->credit;
        if (d->staff_id == ids[1])
          g_assert_true (d->on_leave);
      }
    /* Each dispatch adds the available weights and takes their total back: the credits
     * always sum to nothing. */
    g_assert_cmpint (total, ==, 0);
  }
  {
    gint64 n = 0;
    g_assert_true (sr_db_get_int (sr_context_get_db (admin), &n, NULL, "SELECT count(*) FROM ownership_transfers "
                                  "WHERE rule = 'dispatch'", ""));
    g_assert_cmpint (n, ==, 8);
    g_assert_true (sr_db_get_int (sr_context_get_db (admin), &n, NULL, "SELECT count(*) FROM dispatches "
                                  "WHERE is_override = 1 AND reason = '客户指定王工'", ""));
    g_assert_cmpint (n, ==, 1);
  }

  /* Held orders: A holds 4 (3 plus the large one), none stale today; 8 days on, all are. */
  {
    guint total = 0;
    g_autoptr(GPtrArray) held = sr_designers_held (sup, ids[0], FALSE, 3, &total, &error);
    g_autoptr(GPtrArray) stale = sr_designers_held (sup, 0, TRUE, 100, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (total, ==, 4);
    g_assert_cmpuint (held->len, ==, 3);      /* the limit */
    g_assert_cmpuint (stale->len, ==, 0);
  }
  /* The ranking of the half-month: B signs more than A. */
  {
    SrContractDeal big = { customers[1], "construction", "ZX-B", SR_TEST_NOW_DAY, 30000000, 9000000, 3, 30, NULL };
    SrContractDeal small = { customers[0], "design", "SJ-A", SR_TEST_NOW_DAY, 800000, 0, 1, 30, NULL };
    SrContractDeal second = { customers[2], "design", "SJ-A2", SR_TEST_NOW_DAY, 900000, 0, 1, 30, NULL };
    g_autofree char *from = NULL;
    g_autofree char *to = NULL;
    g_autoptr(GPtrArray) ranking = NULL;
    g_assert_cmpint (sr_contracts_add (mgr, &big, &error), >, 0);
    g_assert_cmpint (sr_contracts_add (mgr, &small, &error), >, 0);
    g_assert_cmpint (sr_contracts_add (mgr, &second, &error), >, 0);
    g_assert_true (sr_ranking_period (SR_TEST_NOW_DAY, FALSE, &from, &to));
    ranking = sr_designers_ranking (sup, from, to, &error);
    g_assert_cmpuint (ranking->len, ==, 2);
    g_assert_cmpint (((SrRankRow *) ranking->pdata[0])->staff_id, ==, ids[1]);
    g_assert_cmpint (((SrRankRow *) ranking->pdata[0])->value_fen, ==, 30000000);
    g_assert_cmpuint (((SrRankRow *) ranking->pdata[1])->count, ==, 2);
    g_assert_cmpint (((SrRankRow *) ranking->pdata[1])->value_fen, ==, 1700000);
  }
  sr_test_set_day (admin, "2026-12-01", 10);
  {
    g_autoptr(GPtrArray) stale = sr_designers_held (sup, ids[0], TRUE, 100, NULL, &error);
    /* A's design contracts wait for their deposits: still held, before signing. */
    g_assert_cmpuint (stale->len, ==, 4);
    g_assert_true (((SrHeldOrder *) stale->pdata[0])->is_stale);
  }
  /* The top of the last half-month's ranking (B, 16–30 November) gets the office's extra
   * weight in December's first half, and says so; the others keep their level's. With no
   * extra weight set, nobody is marked. */
  {
    g_autoptr(GPtrArray) plain = sr_designers_list (sup, &error);
    g_autoptr(GPtrArray) list = NULL;
    g_autofree char *explained = NULL;
    gint64 next = 0;
    for (guint i = 0; i < plain->len; i++)
      g_assert_false (((SrDesigner *) plain->pdata[i])->is_top);
    g_assert_true (sr_settings_set (admin, "dispatch.top_bonus", "2", &error));
    list = sr_designers_list (sup, &error);
    for (guint i = 0; i < list->len; i++)
      {
        SrDesigner *d = g_ptr_array_index (list, i);
        g_assert_cmpint (d->is_top, ==, d->staff_id == ids[1]);
        g_assert_cmpint (d->weight, ==, d->staff_id == ids[0] ? 3 : d->staff_id == ids[1] ? 4 : 1);
      }
    g_assert_true (sr_dispatch_next (sup, FALSE, &next, &explained, &error));
    if (next == ids[1])
      g_assert_nonnull (strstr (explained, "top of the last ranking"));
    g_assert_true (sr_dispatch_customer (sup, customers[8], FALSE, 0, NULL, &error));
    g_assert_no_error (error);
    g_clear_pointer (&list, g_ptr_array_unref);
    list = sr_designers_list (sup, &error);
    {
      gint64 total = 0;
      for (guint i = 0; i < list->len; i++)
        total += ((SrDesigner *) list->pdata[i])->credit;
      g_assert_cmpint (total, ==, 0);
    }
  }
  g_clear_object (&sup); g_clear_object (&mgr); g_clear_object (&a); g_clear_object (&b); g_clear_object (&c);
  g_clear_object (&desk);
  sr_test_context_finish (g_steal_pointer (&admin));
}

static void
test_ranking_periods (void)
{
  struct { const char *day; gboolean monthly; const char *from, *to; } cases[] = {
    { "2026-02-14", FALSE, "2026-02-01", "2026-02-15" },
    { "2026-02-15", FALSE, "2026-02-01", "2026-02-15" },
    { "2026-02-16", FALSE, "2026-02-16", "2026-02-28" },
    { "2028-02-20", FALSE, "2028-02-16", "2028-02-29" },   /* a leap year */
    { "2026-11-30", FALSE, "2026-11-16", "2026-11-30" },
    { "2026-12-31", FALSE, "2026-12-16", "2026-12-31" },
    { "2026-12-05", TRUE, "2026-12-01", "2026-12-31" },
    { "2026-02-27", TRUE, "2026-02-01", "2026-02-28" },
  };
  char *from = NULL, *to = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_true (sr_ranking_period (cases[i].day, cases[i].monthly, &from, &to));
      g_assert_cmpstr (from, ==, cases[i].from);
      g_assert_cmpstr (to, ==, cases[i].to);
      g_clear_pointer (&from, g_free);
      g_clear_pointer (&to, g_free);
    }
  g_assert_false (sr_ranking_period ("2026-13-01", FALSE, &from, &to));
  g_assert_null (from);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/dispatch/shares", test_shares);
  g_test_add_func ("/dispatch/table", test_table);
  g_test_add_func ("/dispatch/threshold", test_threshold);
  g_test_add_func ("/dispatch/leave", test_leave);
  g_test_add_func ("/dispatch/override", test_override);
  g_test_add_func ("/dispatch/stored", test_stored);
  g_test_add_func ("/dispatch/ranking-periods", test_ranking_periods);
  return g_test_run ();
}
