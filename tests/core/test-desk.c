/* The front desk: the day's order, events stored and folded, receiving callers and
 * visitors (new → in line; returning → owner; owner out → cover), undo. */
#include "config.h"

#include <locale.h>

#include "common/sr-test-util.h"
#include "core/sr-call-check.h"
#include "core/sr-contacts.h"
#include "core/sr-customers.h"
#include "core/sr-desk.h"
#include "core/sr-error.h"
#include "core/sr-office.h"

#define DAY SR_TEST_NOW_DAY

#define staff_id sr_test_staff_id

static void
test_order_permissions (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_PROPERTY);
  g_autoptr(SrContext) sup = sr_test_context_as (admin, "zhuguan", SR_ROLE_CUSTOMER_MANAGER);
  g_autoptr(SrContext) desk = sr_test_context_as (admin, "qiantai", SR_ROLE_RECEPTIONIST);
  g_autoptr(SrContext) a = sr_test_context_as (admin, "gwa", SR_ROLE_CONSULTANT);
  g_autoptr(SrContext) b = sr_test_context_as (admin, "gwb", SR_ROLE_CONSULTANT);
  g_autoptr(GError) error = NULL;
  gint64 order[] = { staff_id (b), staff_id (a) };
  gint64 twice[] = { staff_id (a), staff_id (a) };
  g_autoptr(GArray) read = NULL;
  g_autoptr(GArray) previous = NULL;

  g_assert_false (sr_desk_set_order (desk, DAY, SR_DESK_RECEPTION, order, 2, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (sr_desk_set_order (sup, DAY, SR_DESK_RECEPTION, twice, 2, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sr_desk_set_order (sup, "2026-13-01", SR_DESK_RECEPTION, order, 2, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (sr_desk_set_order (sup, "2026-11-20", SR_DESK_RECEPTION, order, 2, &error));
  g_assert_no_error (error);
  read = sr_desk_get_order (desk, "2026-11-20", SR_DESK_RECEPTION, &error);
  g_assert_cmpuint (read->len, ==, 2);
  g_assert_cmpint (g_array_index (read, gint64, 0), ==, staff_id (b));
  /* Yesterday's order is offered today. */
  previous = sr_desk_get_previous_order (desk, DAY, SR_DESK_RECEPTION, &error);
  g_assert_cmpuint (previous->len, ==, 2);
  g_clear_pointer (&previous, g_array_unref);
  previous = sr_desk_get_previous_order (desk, DAY, SR_DESK_PHONE, &error);
  g_assert_cmpuint (previous->len, ==, 0);

  g_clear_object (&sup); g_clear_object (&desk); g_clear_object (&a); g_clear_object (&b);
  sr_test_context_finish (g_steal_pointer (&admin));
}

static void
test_receiving (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_PROPERTY);
  g_autoptr(SrContext) sup = sr_test_context_as (admin, "zhuguan", SR_ROLE_CUSTOMER_MANAGER);
  g_autoptr(SrContext) desk = sr_test_context_as (admin, "qiantai", SR_ROLE_RECEPTIONIST);
  g_autoptr(SrContext) a = sr_test_context_as (admin, "gwa", SR_ROLE_CONSULTANT);
  g_autoptr(SrContext) b = sr_test_context_as (admin, "gwb", SR_ROLE_CONSULTANT);
  g_autoptr(SrContext) c = sr_test_context_as (admin, "gwc", SR_ROLE_CONSULTANT);
  g_autoptr(GError) error = NULL;
  gint64 A = staff_id (a), B = staff_id (b), C = staff_id (c);
  gint64 order[] = { A, B, C };
  SrArrival visitor = { "13800138000", "张先生", 0, NULL, TRUE };
  SrArrival survey = { NULL, NULL, 0, "市场调查", FALSE };
  g_auto(SrReception) r = { 0 };
  g_autoptr(SrRotationState) s = NULL;
  g_autoptr(SrCustomer) cust = NULL;

  g_assert_true (sr_desk_set_order (sup, DAY, SR_DESK_RECEPTION, order, 3, &error));

  /* Nobody at the desk yet: a clear refusal, nothing written. */
  g_assert_false (sr_desk_receive (desk, DAY, SR_DESK_RECEPTION, &visitor, &r, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT);
  g_clear_error (&error);
  {
    g_autoptr(SrCustomer) none = sr_customers_find_by_phone (desk, "13800138000", &error);
    g_assert_null (none);
  }

  g_assert_cmpint (sr_desk_record (desk, DAY, SR_DESK_RECEPTION, SR_ROTATION_ARRIVE, A, 0, &error), >, 0);
  g_assert_cmpint (sr_desk_record (desk, DAY, SR_DESK_RECEPTION, SR_ROTATION_ARRIVE, B, 0, &error), >, 0);
  g_assert_cmpint (sr_desk_record (desk, DAY, SR_DESK_RECEPTION, SR_ROTATION_ARRIVE, C, 0, &error), >, 0);

  /* A new visitor goes to the first in line, who owns them. */
  g_assert_true (sr_desk_receive (desk, DAY, SR_DESK_RECEPTION, &visitor, &r, &error));
  g_assert_no_error (error);
  g_assert_cmpint (r.receiver_id, ==, A);
  g_assert_cmpstr (r.rule, ==, "in turn, round 1");
  g_assert_false (r.is_returning);
  cust = sr_customers_get (admin, r.customer_id, &error);
  g_assert_cmpint (cust->owner_id, ==, A);
  s = sr_desk_state (desk, DAY, SR_DESK_RECEPTION, &error);
  g_assert_cmpint (s->next, ==, B);
  g_clear_pointer (&s, sr_rotation_state_free);
  sr_reception_clear (&r);

  /* Non-business: the person in line handles it and stays first. */
  g_assert_true (sr_desk_receive (desk, DAY, SR_DESK_RECEPTION, &survey, &r, &error));
  g_assert_cmpint (r.receiver_id, ==, B);
  g_assert_cmpint (r.customer_id, ==, 0);
  s = sr_desk_state (desk, DAY, SR_DESK_RECEPTION, &error);
  g_assert_cmpint (s->next, ==, B);
  g_clear_pointer (&s, sr_rotation_state_free);
  sr_reception_clear (&r);

  /* The same visitor again (phone typed differently): to the owner A; B keeps the turn. */
  visitor.phone = "138-0013-8000";
  g_assert_true (sr_desk_receive (desk, DAY, SR_DESK_RECEPTION, &visitor, &r, &error));
  g_assert_cmpint (r.receiver_id, ==, A);
  g_assert_true (r.is_returning);
  g_assert_cmpstr (r.rule, ==, "returning customer of gwa");
  s = sr_desk_state (desk, DAY, SR_DESK_RECEPTION, &error);
  g_assert_cmpint (s->next, ==, B);
  g_clear_pointer (&s, sr_rotation_state_free);
  sr_reception_clear (&r);

  /* Known by the desk without a phone (an appointment row's Arrived): the same rules. */
  {
    g_autoptr(SrCustomer) c = sr_customers_find_by_phone (desk, "13800138000", &error);
    /* The phone (a bad one here) is not read when the customer is known. */
    SrArrival known = { .customer_id = c->id, .is_business = TRUE, .phone = "1380013" };
    g_auto(SrReception) again = { 0 };
    g_assert_true (sr_desk_receive (desk, DAY, SR_DESK_RECEPTION, &known, &again, &error));
    g_assert_no_error (error);
    g_assert_cmpint (again.receiver_id, ==, A);
    g_assert_cmpstr (again.rule, ==, "returning customer of gwa");
    known.customer_id = 999999;
    sr_reception_clear (&again);
    g_assert_false (sr_desk_receive (desk, DAY, SR_DESK_RECEPTION, &known, &again, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
  }

  /* The owner has left: the person in line covers, keeps the turn. */
  g_assert_cmpint (sr_desk_record (desk, DAY, SR_DESK_RECEPTION, SR_ROTATION_LEAVE, A, 0, &error), >, 0);
  {
    /* The desk says so while the phone is typed, writing nothing. */
    g_autofree char *before = sr_desk_preview (desk, DAY, SR_DESK_RECEPTION, &visitor, &error);
    SrArrival fresh = { .phone = "13911112222", .is_business = TRUE };
    g_autofree char *fresh_text = sr_desk_preview (desk, DAY, SR_DESK_RECEPTION, &fresh, &error);
    g_autoptr(SrCustomer) none = NULL;
    g_assert_no_error (error);
    g_assert_cmpstr (before, ==, "张先生 → gwb (covering for gwa, who is not in).");
    g_assert_cmpstr (fresh_text, ==, "New customer → gwb (in turn, round 1).");
    none = sr_customers_find_by_phone (desk, "13911112222", &error);
    g_assert_null (none);
    g_assert_no_error (error);
  }
  g_assert_true (sr_desk_receive (desk, DAY, SR_DESK_RECEPTION, &visitor, &r, &error));
  g_assert_cmpint (r.receiver_id, ==, B);
  g_assert_cmpstr (r.rule, ==, "covering for gwa, who is not in");
  s = sr_desk_state (desk, DAY, SR_DESK_RECEPTION, &error);
  g_assert_cmpint (s->next, ==, B);
  g_assert_cmpuint (sr_rotation_state_find (s, B)->covers, ==, 1);
  g_clear_pointer (&s, sr_rotation_state_free);

  /* A new one to B, then undo the rotation event: B is first again. */
  {
    SrArrival other = { "13900000000", "李女士", 0, NULL, TRUE };
    g_auto(SrReception) r2 = { 0 };
    g_assert_true (sr_desk_receive (desk, DAY, SR_DESK_RECEPTION, &other, &r2, &error));
    g_assert_cmpint (r2.receiver_id, ==, B);
    s = sr_desk_state (desk, DAY, SR_DESK_RECEPTION, &error);
    g_assert_cmpint (s->next, ==, C);
    g_clear_pointer (&s, sr_rotation_state_free);
    g_assert_true (sr_desk_undo (desk, DAY, SR_DESK_RECEPTION, r2.event_id, &error));
    s = sr_desk_state (desk, DAY, SR_DESK_RECEPTION, &error);
    g_assert_cmpint (s->next, ==, B);
    g_clear_pointer (&s, sr_rotation_state_free);
  }

  /* Rule 8: C takes a new visitor out of turn: C's formal reception, B stays first. */
  {
    SrArrival other = { .phone = "13900000001", .name = "周先生", .is_business = TRUE, .taker_id = C };
    g_auto(SrReception) r4 = { 0 };
    g_autoptr(SrCustomer) owned = NULL;
    g_assert_true (sr_desk_receive (desk, DAY, SR_DESK_RECEPTION, &other, &r4, &error));
    g_assert_no_error (error);
    g_assert_cmpint (r4.receiver_id, ==, C);
    g_assert_cmpstr (r4.rule, ==, "taken out of turn by gwc");
    owned = sr_customers_get (admin, r4.customer_id, &error);
    g_assert_cmpint (owned->owner_id, ==, C);
    s = sr_desk_state (desk, DAY, SR_DESK_RECEPTION, &error);
    g_assert_cmpint (s->next, ==, B);
    g_assert_cmpint (sr_rotation_state_find (s, C)->state, ==, SR_ROTATION_SERVED);
    g_clear_pointer (&s, sr_rotation_state_free);
  }

  /* Rule 8: overflow to the phone group: it counts as a turn in the taker's own group. */
  {
    g_autoptr(SrContext) d = sr_test_context_as (admin, "gwd", SR_ROLE_CONSULTANT);
    g_autoptr(SrContext) e = sr_test_context_as (admin, "gwe", SR_ROLE_CONSULTANT);
    gint64 D = staff_id (d), E = staff_id (e);
    gint64 phones[] = { D, E };
    SrArrival other = { .phone = "13900000002", .name = "吴女士", .is_business = TRUE, .taker_id = D };
    g_auto(SrReception) r5 = { 0 };
    g_assert_true (sr_desk_set_order (sup, DAY, SR_DESK_PHONE, phones, 2, &error));
    g_assert_cmpint (sr_desk_record (desk, DAY, SR_DESK_PHONE, SR_ROTATION_ARRIVE, D, 0, &error), >, 0);
    g_assert_cmpint (sr_desk_record (desk, DAY, SR_DESK_PHONE, SR_ROTATION_ARRIVE, E, 0, &error), >, 0);
    g_assert_true (sr_desk_receive (desk, DAY, SR_DESK_RECEPTION, &other, &r5, &error));
    g_assert_no_error (error);
    g_assert_cmpint (r5.receiver_id, ==, D);
    g_assert_cmpstr (r5.rule, ==, "overflow: taken by gwd of the Phone group");
    s = sr_desk_state (desk, DAY, SR_DESK_PHONE, &error);
    g_assert_cmpint (s->next, ==, E);
    g_clear_pointer (&s, sr_rotation_state_free);
    s = sr_desk_state (desk, DAY, SR_DESK_RECEPTION, &error);
    g_assert_cmpint (s->next, ==, B);
    g_clear_pointer (&s, sr_rotation_state_free);
    /* Someone not at the desk cannot take it. */
    {
      SrArrival nobody = { .phone = "13900000003", .name = "郑先生", .is_business = TRUE, .taker_id = staff_id (sup) };
      g_auto(SrReception) r6 = { 0 };
      g_assert_false (sr_desk_receive (desk, DAY, SR_DESK_RECEPTION, &nobody, &r6, &error));
      g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
      g_clear_error (&error);
    }
  }

  /* A bad phone changes nothing. */
  {
    SrArrival bad = { "1380013", "王先生", 0, NULL, TRUE };
    g_auto(SrReception) r3 = { 0 };
    gint64 before = 0, after = 0;
    sr_db_query_int (sr_context_get_db (admin), "SELECT count(*) FROM rotation_events", &before, NULL);
    g_assert_false (sr_desk_receive (desk, DAY, SR_DESK_RECEPTION, &bad, &r3, &error));
    g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
    g_clear_error (&error);
    sr_db_query_int (sr_context_get_db (admin), "SELECT count(*) FROM rotation_events", &after, NULL);
    g_assert_cmpint (before, ==, after);
  }

  /* A consultant may not run the desk. */
  g_assert_cmpint (sr_desk_record (a, DAY, SR_DESK_RECEPTION, SR_ROTATION_ARRIVE, A, 0, &error), ==, 0);
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED);

  g_clear_object (&sup); g_clear_object (&desk); g_clear_object (&a); g_clear_object (&b); g_clear_object (&c);
  sr_test_context_finish (g_steal_pointer (&admin));
}

static void
set_day (SrContext  *ctx,
         const char *day,
         char      **out_day)
{
  sr_clock_set_fixed (sr_context_get_clock (ctx), sr_day_start_unix (day) + 10 * 3600);
  g_free (*out_day);
  *out_day = g_strdup (day);
}

static void
open_desk (SrContext  *sup,
           SrContext  *desk,
           const char *day,
           gint64     *order,
           guint       n)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sr_desk_set_order (sup, day, SR_DESK_RECEPTION, order, n, &error));
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (sr_desk_record (desk, day, SR_DESK_RECEPTION, SR_ROTATION_ARRIVE, order[i], 0, &error), >, 0);
}

/* Rule 9: 7 calendar days without the owner's own contact, and a customer who does not
 * ask for the owner, passes to whoever receives them now, using that person's turn. */
static void
test_ownership_lapse (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_PROPERTY);
  g_autoptr(SrContext) sup = sr_test_context_as (admin, "zhuguan", SR_ROLE_CUSTOMER_MANAGER);
  g_autoptr(SrContext) desk = sr_test_context_as (admin, "qiantai", SR_ROLE_RECEPTIONIST);
  g_autoptr(SrContext) a = sr_test_context_as (admin, "gwa", SR_ROLE_CONSULTANT);
  g_autoptr(SrContext) b = sr_test_context_as (admin, "gwb", SR_ROLE_CONSULTANT);
  g_autoptr(GError) error = NULL;
  gint64 A = staff_id (a), B = staff_id (b);
  gint64 ab[] = { A, B }, ba[] = { B, A };
  g_autofree char *day = NULL;
  SrArrival p = { "13800138000", "张先生", 0, NULL, TRUE, FALSE };
  gint64 customer;
  gboolean lapsed = TRUE;

  /* Day 0: A receives P in turn and owns them. */
  set_day (admin, "2026-11-02", &day);
  open_desk (sup, desk, day, ab, 2);
  {
    g_auto(SrReception) r = { 0 };
    g_assert_true (sr_desk_receive (desk, day, SR_DESK_RECEPTION, &p, &r, &error));
    g_assert_cmpint (r.receiver_id, ==, A);
    customer = r.customer_id;
  }

  /* Day 6: not lapsed; P goes back to A. */
  set_day (admin, "2026-11-08", &day);
  g_assert_true (sr_customers_owner_lapsed (desk, customer, &lapsed, &error));
  g_assert_false (lapsed);
  open_desk (sup, desk, day, ba, 2);
  {
    g_auto(SrReception) r = { 0 };
    g_assert_true (sr_desk_receive (desk, day, SR_DESK_RECEPTION, &p, &r, &error));
    g_assert_cmpint (r.receiver_id, ==, A);
    g_assert_false (r.is_transferred);
  }

  /* Day 12: six days after A's own visit on day 6: still A's. A has left: B covers. */
  set_day (admin, "2026-11-14", &day);
  open_desk (sup, desk, day, ba, 2);
  g_assert_cmpint (sr_desk_record (desk, day, SR_DESK_RECEPTION, SR_ROTATION_LEAVE, A, 0, &error), >, 0);
  {
    g_auto(SrReception) r = { 0 };
    g_assert_true (sr_desk_receive (desk, day, SR_DESK_RECEPTION, &p, &r, &error));
    g_assert_cmpint (r.receiver_id, ==, B);
    g_assert_false (r.is_transferred);
  }

  /* Day 14: 8 days since A's own contact (B's cover does not count). Asking for A keeps
   * them A's... */
  set_day (admin, "2026-11-16", &day);
  g_assert_true (sr_customers_owner_lapsed (desk, customer, &lapsed, &error));
  g_assert_true (lapsed);
  open_desk (sup, desk, day, ba, 2);
  {
    g_auto(SrReception) r = { 0 };
    SrArrival asks = p;
    asks.asks_for_owner = TRUE;
    g_assert_true (sr_desk_receive (desk, day, SR_DESK_RECEPTION, &asks, &r, &error));
    g_assert_cmpint (r.receiver_id, ==, A);
    g_assert_false (r.is_transferred);
  }
  /* ... which is A's own contact again: not lapsed any more that day. */
  g_assert_true (sr_customers_owner_lapsed (desk, customer, &lapsed, &error));
  g_assert_false (lapsed);

  /* Day 23 (9 days after A's last own contact): lapsed; not asking for A: passes to B, in line, using B's turn. */
  set_day (admin, "2026-11-25", &day);
  open_desk (sup, desk, day, ba, 2);
  {
    g_auto(SrReception) r = { 0 };
    g_autoptr(SrCustomer) c = NULL;
    g_autoptr(SrRotationState) s = NULL;
    g_assert_true (sr_desk_receive (desk, day, SR_DESK_RECEPTION, &p, &r, &error));
    g_assert_no_error (error);
    g_assert_cmpint (r.receiver_id, ==, B);
    g_assert_true (r.is_transferred);
    g_assert_nonnull (strstr (r.rule, "gwa’s claim lapsed"));
    c = sr_customers_get (admin, customer, &error);
    g_assert_cmpint (c->owner_id, ==, B);
    s = sr_desk_state (desk, day, SR_DESK_RECEPTION, &error);
    g_assert_cmpint (s->next, ==, A);
  }
  {
    gint64 n = 0;
    g_autoptr(GPtrArray) timeline = sr_customers_timeline (admin, customer, &error);
    SrTimelineEntry *last;
    g_assert_true (sr_db_query_int (sr_context_get_db (admin),
                                    "SELECT count(*) FROM ownership_transfers WHERE rule = 'lapsed'", &n, NULL));
    g_assert_cmpint (n, ==, 1);
    /* Five visits and two owner changes, newest first. */
    g_assert_no_error (error);
    g_assert_cmpuint (timeline->len, ==, 7);
    last = g_ptr_array_index (timeline, timeline->len - 1);
    g_assert_cmpstr (last->what, ==, "Owner");
    g_assert_cmpstr (last->who, ==, "gwa");
    g_assert_cmpstr (last->detail, ==, "first reception");
    g_assert_nonnull (strstr (((SrTimelineEntry *) g_ptr_array_index (timeline, 0))->detail, "claim lapsed")
                      ? ((SrTimelineEntry *) g_ptr_array_index (timeline, 0))->detail
                      : ((SrTimelineEntry *) g_ptr_array_index (timeline, 1))->detail);
  }

  /* The lapse is the office's setting. */
  set_day (admin, "2026-12-03", &day);
  g_assert_true (sr_customers_owner_lapsed (desk, customer, &lapsed, &error));
  g_assert_true (lapsed);
  g_assert_true (sr_settings_set (admin, "ownership.lapse_days", "30", &error));
  g_assert_true (sr_customers_owner_lapsed (desk, customer, &lapsed, &error));
  g_assert_false (lapsed);

  g_clear_object (&sup); g_clear_object (&desk); g_clear_object (&a); g_clear_object (&b);
  sr_test_context_finish (g_steal_pointer (&admin));
}

static void
test_suspension (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_PROPERTY);
  g_autoptr(SrContext) sup = sr_test_context_as (admin, "zhuguan", SR_ROLE_CUSTOMER_MANAGER);
  g_autoptr(SrContext) desk = sr_test_context_as (admin, "qiantai", SR_ROLE_RECEPTIONIST);
  g_autoptr(SrContext) a = sr_test_context_as (admin, "gwa", SR_ROLE_CONSULTANT);
  g_autoptr(SrContext) b = sr_test_context_as (admin, "gwb", SR_ROLE_CONSULTANT);
  g_autoptr(GError) error = NULL;
  gint64 A = staff_id (a), B = staff_id (b);
  gint64 order[] = { A, B };
  g_autoptr(SrRotationState) s = NULL;
  g_autofree char *why = NULL;
  gint64 id;

  open_desk (sup, desk, DAY, order, 2);
  g_assert_cmpint (sr_desk_suspend (desk, A, SR_DESK_RECEPTION, DAY, NULL, "接电培训", &error), ==, 0);
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (sr_desk_suspend (sup, A, SR_DESK_RECEPTION, DAY, "2026-11-20", "接电培训", &error), ==, 0);
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (sr_desk_suspend (sup, A, SR_DESK_RECEPTION, DAY, NULL, " ", &error), ==, 0);
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);

  /* Suspended until the 25th: out of the rotation, though arrived. */
  id = sr_desk_suspend (sup, A, SR_DESK_RECEPTION, DAY, "2026-11-25", "自约率低，接电培训", &error);
  g_assert_no_error (error);
  s = sr_desk_state (desk, DAY, SR_DESK_RECEPTION, &error);
  g_assert_cmpint (s->next, ==, B);
  g_assert_null (sr_rotation_state_find (s, A));
  g_clear_pointer (&s, sr_rotation_state_free);
  g_assert_cmpint (sr_desk_suspension (desk, A, SR_DESK_RECEPTION, DAY, &why, &error), ==, id);
  g_assert_cmpstr (why, ==, "Suspended until 2026-11-25: 自约率低，接电培训");
  /* Not in the phone group, and not after the 25th. */
  g_assert_cmpint (sr_desk_suspension (desk, A, SR_DESK_PHONE, DAY, NULL, &error), ==, 0);
  g_assert_cmpint (sr_desk_suspension (desk, A, SR_DESK_RECEPTION, "2026-11-26", NULL, &error), ==, 0);

  /* Cleared early: back in line. */
  g_assert_true (sr_desk_clear_suspension (sup, id, &error));
  g_assert_false (sr_desk_clear_suspension (sup, id, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  s = sr_desk_state (desk, DAY, SR_DESK_RECEPTION, &error);
  g_assert_cmpint (s->next, ==, A);
  g_clear_pointer (&s, sr_rotation_state_free);

  g_clear_object (&sup); g_clear_object (&desk); g_clear_object (&a); g_clear_object (&b);
  sr_test_context_finish (g_steal_pointer (&admin));
}

/* 自约率: of the customers a person first took by phone, the share who later visited. */
static void
test_self_appointment_rate (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_PROPERTY);
  g_autoptr(SrContext) sup = sr_test_context_as (admin, "zhuguan", SR_ROLE_CUSTOMER_MANAGER);
  g_autoptr(SrContext) desk = sr_test_context_as (admin, "qiantai", SR_ROLE_RECEPTIONIST);
  g_autoptr(SrContext) a = sr_test_context_as (admin, "gwa", SR_ROLE_CONSULTANT);
  g_autoptr(GError) error = NULL;
  gint64 A = staff_id (a);
  guint taken = 99, came = 99;
  g_autofree char *day = NULL;

  g_assert_true (sr_desk_self_appointment_rate (desk, A, "2026-11-01", "2026-11-30", &taken, &came, &error));
  g_assert_cmpuint (taken, ==, 0);
  g_assert_cmpuint (came, ==, 0);

  /* Three callers to A on the 2nd; one of them visits on the 5th. */
  set_day (admin, "2026-11-02", &day);
  g_assert_true (sr_desk_set_order (sup, day, SR_DESK_PHONE, &A, 1, &error));
  g_assert_cmpint (sr_desk_record (desk, day, SR_DESK_PHONE, SR_ROTATION_ARRIVE, A, 0, &error), >, 0);
  for (int i = 0; i < 3; i++)
    {
      g_autofree char *phone = g_strdup_printf ("1360000000%d", i);
      SrArrival call = { phone, "来电客户", 0, NULL, TRUE, FALSE, 0 };
      g_auto(SrReception) r = { 0 };
      g_assert_true (sr_desk_receive (desk, day, SR_DESK_PHONE, &call, &r, &error));
    }
  set_day (admin, "2026-11-05", &day);
  g_assert_true (sr_desk_set_order (sup, day, SR_DESK_RECEPTION, &A, 1, &error));
  g_assert_cmpint (sr_desk_record (desk, day, SR_DESK_RECEPTION, SR_ROTATION_ARRIVE, A, 0, &error), >, 0);
  {
    SrArrival visit = { "13600000001", NULL, 0, NULL, TRUE, FALSE, 0 };
    g_auto(SrReception) r = { 0 };
    g_assert_true (sr_desk_receive (desk, day, SR_DESK_RECEPTION, &visit, &r, &error));
    g_assert_true (r.is_returning);
  }
  g_assert_true (sr_desk_self_appointment_rate (desk, A, "2026-11-01", "2026-11-30", &taken, &came, &error));
  g_assert_cmpuint (taken, ==, 3);
  g_assert_cmpuint (came, ==, 1);
  /* The range is of the first call. */
  g_assert_true (sr_desk_self_appointment_rate (desk, A, "2026-11-03", "2026-11-30", &taken, &came, &error));
  g_assert_cmpuint (taken, ==, 0);

  g_clear_object (&sup); g_clear_object (&desk); g_clear_object (&a);
  sr_test_context_finish (g_steal_pointer (&admin));
}

/* 来电核对: the phone's count per slot beside the logged calls, gaps, incomplete and
 * late forms. */
static void
test_call_check (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_PROPERTY);
  g_autoptr(SrContext) sup = sr_test_context_as (admin, "zhuguan", SR_ROLE_CUSTOMER_MANAGER);
  g_autoptr(SrContext) desk = sr_test_context_as (admin, "qiantai", SR_ROLE_RECEPTIONIST);
  g_autoptr(SrContext) a = sr_test_context_as (admin, "gwa", SR_ROLE_CONSULTANT);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gint64 A = staff_id (a);
  g_autofree char *day = NULL;
  SrCallCheckRow *nine = NULL, *ten = NULL;

  set_day (admin, "2026-11-23", &day);   /* 10:00 */
  g_assert_true (sr_desk_set_order (sup, day, SR_DESK_PHONE, &A, 1, &error));
  g_assert_cmpint (sr_desk_record (desk, day, SR_DESK_PHONE, SR_ROTATION_ARRIVE, A, 0, &error), >, 0);
  {
    /* A call now, with its media source. */
    SrArrival call = { .phone = "13600000001", .name = "来电一", .media_source_id = 1, .is_business = TRUE };
    g_auto(SrReception) r = { 0 };
    g_assert_true (sr_desk_receive (desk, day, SR_DESK_PHONE, &call, &r, &error));
  }
  {
    /* A call at 09:15 written down only now, without the media source. */
    SrArrival late = { .phone = "13600000002", .name = "来电二", .is_business = TRUE, .happened_at = sr_day_start_unix (day) + 9 * 3600 + 900 };
    g_auto(SrReception) r = { 0 };
    g_assert_true (sr_desk_receive (desk, day, SR_DESK_PHONE, &late, &r, &error));
  }
  {
    SrArrival future = { .phone = "13600000003", .name = "来电三", .is_business = TRUE, .happened_at = sr_day_start_unix (day) + 11 * 3600 };
    g_auto(SrReception) r = { 0 };
    g_assert_false (sr_desk_receive (desk, day, SR_DESK_PHONE, &future, &r, &error));
    g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
    g_clear_error (&error);
  }

  g_assert_false (sr_call_check_set_count (desk, day, "09:00-10:00", 3, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (sr_call_check_set_count (sup, day, "9-10", 3, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (sr_call_check_set_count (sup, day, "09:00-10:00", 2, &error));
  g_assert_true (sr_call_check_set_count (sup, day, "09:00-10:00", 3, &error));  /* corrected */

  rows = sr_call_check_day (desk, day, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 12);
  for (guint i = 0; i < rows->len; i++)
    {
      SrCallCheckRow *row = g_ptr_array_index (rows, i);
      if (g_strcmp0 (row->slot, "09:00-10:00") == 0)
        nine = row;
      if (g_strcmp0 (row->slot, "10:00-11:00") == 0)
        ten = row;
    }
  g_assert_nonnull (nine);
  g_assert_cmpint (nine->phone_count, ==, 3);
  g_assert_cmpuint (nine->logged, ==, 1);
  g_assert_cmpint (nine->gap, ==, 2);
  g_assert_cmpuint (nine->incomplete, ==, 1);
  g_assert_cmpuint (nine->late, ==, 1);
  g_assert_cmpint (ten->phone_count, ==, -1);
  g_assert_cmpuint (ten->logged, ==, 1);
  g_assert_cmpuint (ten->incomplete, ==, 0);
  g_assert_cmpuint (ten->late, ==, 0);

  /* Phone duty by slot. */
  g_assert_false (sr_phone_duty_set (desk, day, "09:00-10:00", A, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_true (sr_phone_duty_set (sup, day, "09:00-10:00", A, &error));
  g_assert_cmpint (sr_phone_duty_get (desk, day, "09:00-10:00"), ==, A);
  g_assert_true (sr_phone_duty_set (sup, day, "09:00-10:00", 0, &error));
  g_assert_cmpint (sr_phone_duty_get (desk, day, "09:00-10:00"), ==, 0);
  {
    g_autofree char *slot = sr_call_check_slot_at (desk, sr_day_start_unix (day) + 10 * 3600 + 60);
    g_autofree char *none = sr_call_check_slot_at (desk, sr_day_start_unix (day) + 22 * 3600);
    g_assert_cmpstr (slot, ==, "10:00-11:00");
    g_assert_null (none);
  }

  /* A feedback form; visit tags. */
  g_assert_cmpint (sr_feedback_add (desk, 0, 6, NULL, NULL, NULL, &error), ==, 0);
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (sr_feedback_add (desk, 0, 4, "样板间不错", "停车不方便", NULL, &error), >, 0);
  {
    g_autoptr(GPtrArray) feedback = sr_feedback_list (desk, day, day, &error);
    g_assert_cmpuint (feedback->len, ==, 1);
    g_assert_cmpint (((SrFeedback *) g_ptr_array_index (feedback, 0))->satisfaction, ==, 4);
    g_assert_cmpstr (((SrFeedback *) g_ptr_array_index (feedback, 0))->disliked, ==, "停车不方便");
  }
  {
    gint64 n = 0;
    SrArrival visit = { .phone = "13600000005", .name = "主材客户", .is_business = TRUE, .tags = "主材" };
    g_auto(SrReception) r = { 0 };
    g_assert_true (sr_desk_set_order (sup, day, SR_DESK_RECEPTION, &A, 1, &error));
    g_assert_cmpint (sr_desk_record (desk, day, SR_DESK_RECEPTION, SR_ROTATION_ARRIVE, A, 0, &error), >, 0);
    g_assert_true (sr_desk_receive (desk, day, SR_DESK_RECEPTION, &visit, &r, &error));
    g_assert_true (sr_db_query_int (sr_context_get_db (admin),
                                    "SELECT count(*) FROM contacts WHERE tags = '主材'", &n, NULL));
    g_assert_cmpint (n, ==, 1);
  }

  /* The log of calls and visits (来电表, 来访登记表) and the daily traffic (销售日动态表). */
  {
    g_autoptr(GPtrArray) calls = sr_contacts_list (desk, "call", day, day, &error);
    g_autoptr(GPtrArray) all = sr_contacts_list (desk, NULL, day, day, &error);
    g_autoptr(GPtrArray) traffic = sr_contacts_traffic (desk, day, day, &error);
    SrContactRow *first;
    guint calls_n = 0, visits_n = 0;

    g_assert_no_error (error);
    g_assert_cmpuint (calls->len, ==, 2);
    g_assert_cmpuint (all->len, ==, 3);
    first = g_ptr_array_index (calls, 0);           /* the 09:15 call comes first */
    g_assert_cmpstr (first->customer_name, ==, "来电二");
    g_assert_cmpstr (first->phone, ==, "136****0002");  /* masked for the desk */
    g_assert_true (first->is_late);
    g_assert_cmpstr (first->rule, ==, "received in turn");
    g_assert_cmpstr (((SrContactRow *) g_ptr_array_index (all, 2))->tags, ==, "主材");
    for (guint i = 0; i < traffic->len; i++)
      {
        SrTrafficRow *t = g_ptr_array_index (traffic, i);
        g_assert_cmpstr (t->day, ==, day);
        calls_n += t->calls;
        visits_n += t->visits;
      }
    g_assert_cmpuint (calls_n, ==, 2);
    g_assert_cmpuint (visits_n, ==, 1);
    g_assert_null (sr_contacts_list (desk, NULL, day, "2026-11-01", &error));
    g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
    g_clear_error (&error);
  }

  /* The office's own slots. */
  g_assert_true (sr_settings_set (admin, "desk.call_slots", "09-12,12-14,14-18,bad", &error));
  {
    g_auto(GStrv) slots = sr_call_check_slots (desk);
    g_assert_cmpuint (g_strv_length (slots), ==, 3);
    g_assert_cmpstr (slots[0], ==, "09:00-12:00");
  }
  g_clear_object (&sup); g_clear_object (&desk); g_clear_object (&a);
  sr_test_context_finish (g_steal_pointer (&admin));
}

static void
test_manual_transfer (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_PROPERTY);
  g_autoptr(SrContext) sup = sr_test_context_as (admin, "zhuguan", SR_ROLE_CUSTOMER_MANAGER);
  g_autoptr(SrContext) desk = sr_test_context_as (admin, "qiantai", SR_ROLE_RECEPTIONIST);
  g_autoptr(SrContext) a = sr_test_context_as (admin, "gwa", SR_ROLE_CONSULTANT);
  g_autoptr(SrContext) b = sr_test_context_as (admin, "gwb", SR_ROLE_CONSULTANT);
  g_autoptr(GError) error = NULL;
  gint64 A = staff_id (a), B = staff_id (b);
  gint64 ids[3];
  gint64 n = 0;

  for (int i = 0; i < 3; i++)
    {
      g_autofree char *phone = g_strdup_printf ("1390000000%d", i);
      const char *phones[] = { phone, NULL };
      SrCustomerInput in = { "客户", NULL, "call", 0, NULL, A, phones, FALSE };
      ids[i] = sr_customers_add (desk, &in, &error);
      g_assert_no_error (error);
    }
  g_assert_false (sr_customers_transfer (desk, ids[0], B, "调整", &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (sr_customers_transfer (sup, ids[0], B, "  ", &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (sr_customers_transfer (sup, ids[0], B, "客户要求换顾问", &error));
  g_assert_cmpint (sr_customers_transfer_all (sup, A, B, "gwa 离职", &error), ==, 2);
  {
    g_autoptr(SrCustomer) c = sr_customers_get (admin, ids[2], &error);
    g_assert_cmpint (c->owner_id, ==, B);
  }
  g_assert_true (sr_db_query_int (sr_context_get_db (admin),
                                  "SELECT count(*) FROM ownership_transfers WHERE rule = 'manual'", &n, NULL));
  g_assert_cmpint (n, ==, 3);
  g_assert_true (sr_db_query_int (sr_context_get_db (admin),
                                  "SELECT count(*) FROM ownership_transfers WHERE rule = 'first-reception'", &n, NULL));
  g_assert_cmpint (n, ==, 3);

  g_clear_object (&sup); g_clear_object (&desk); g_clear_object (&a); g_clear_object (&b);
  sr_test_context_finish (g_steal_pointer (&admin));
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/desk/order-permissions", test_order_permissions);
  g_test_add_func ("/desk/receiving", test_receiving);
  g_test_add_func ("/desk/ownership-lapse", test_ownership_lapse);
  g_test_add_func ("/desk/manual-transfer", test_manual_transfer);
  g_test_add_func ("/desk/suspension", test_suspension);
  g_test_add_func ("/desk/self-appointment-rate", test_self_appointment_rate);
  g_test_add_func ("/desk/call-check", test_call_check);
  return g_test_run ();
}
