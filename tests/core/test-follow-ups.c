/* Follow-ups and "my day": due and overdue follow-ups, customers who came while the
 * owner was out, new customers received today; rule 9 counts the owner's follow-ups. */
#include "config.h"

#include <locale.h>

#include "common/sr-test-util.h"
#include "core/sr-customers.h"
#include "core/sr-desk.h"
#include "core/sr-error.h"
#include "core/sr-follow-ups.h"

static void
test_follow_ups_and_my_day (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_PROPERTY);
  g_autoptr(SrContext) sup = sr_test_context_as (admin, "zhuguan", SR_ROLE_CUSTOMER_MANAGER);
  g_autoptr(SrContext) desk = sr_test_context_as (admin, "qiantai", SR_ROLE_RECEPTIONIST);
  g_autoptr(SrContext) a = sr_test_context_as (admin, "gwa", SR_ROLE_CONSULTANT);
  g_autoptr(SrContext) b = sr_test_context_as (admin, "gwb", SR_ROLE_CONSULTANT);
  g_autoptr(GError) error = NULL;
  gint64 order[] = { sr_test_staff_id (a), sr_test_staff_id (b) };
  gint64 customer;
  gboolean lapsed;

  sr_test_set_day (admin, "2026-11-02", 10);
  g_assert_true (sr_desk_set_order (sup, "2026-11-02", SR_DESK_RECEPTION, order, 2, &error));
  g_assert_cmpint (sr_desk_record (desk, "2026-11-02", SR_DESK_RECEPTION, SR_ROTATION_ARRIVE, sr_test_staff_id (a), 0, &error), >, 0);
  g_assert_cmpint (sr_desk_record (desk, "2026-11-02", SR_DESK_RECEPTION, SR_ROTATION_ARRIVE, sr_test_staff_id (b), 0, &error), >, 0);
  {
    SrArrival v = { "13800138000", "张先生", 0, NULL, TRUE, FALSE, 0 };
    g_auto(SrReception) r = { 0 };
    g_assert_true (sr_desk_receive (desk, "2026-11-02", SR_DESK_RECEPTION, &v, &r, &error));
    customer = r.customer_id;
    g_assert_cmpint (r.receiver_id, ==, sr_test_staff_id (a));
  }
  {
    g_autoptr(SrMyDay) day = sr_my_day_load (a, sr_test_staff_id (a), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (day->received->len, ==, 1);
    g_assert_cmpstr (((SrMyDayItem *) g_ptr_array_index (day->received, 0))->customer_name, ==, "张先生");
    g_assert_cmpuint (day->due->len, ==, 0);
  }

  /* On the 5th. Only the owner (or a supervisor) follows up; bad input is refused. */
  sr_test_set_day (admin, "2026-11-05", 10);
  g_assert_cmpint (sr_follow_ups_add (b, customer, SR_FOLLOW_UP_PHONE, "问价格", "2026-11-05", &error), ==, 0);
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (sr_follow_ups_add (desk, customer, SR_FOLLOW_UP_PHONE, "问价格", NULL, &error), ==, 0);
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (sr_follow_ups_add (a, customer, SR_FOLLOW_UP_PHONE, "  ", NULL, &error), ==, 0);
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (sr_follow_ups_add (a, customer, SR_FOLLOW_UP_PHONE, "回访", "2026-11-04", &error), ==, 0);
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (sr_follow_ups_add (a, customer, SR_FOLLOW_UP_WECHAT, "发了户型图", "2026-11-05", &error), >, 0);
  g_assert_cmpint (sr_follow_ups_add (sup, customer, SR_FOLLOW_UP_PHONE, "主管抽查回访", "2026-11-06", &error), >, 0);
  g_assert_no_error (error);

  /* The latest follow-up sets the next date: due on the 6th, overdue on the 7th. */
  {
    g_autoptr(SrMyDay) day = sr_my_day_load (a, sr_test_staff_id (a), &error);
    g_assert_cmpuint (day->due->len, ==, 0);
    g_assert_cmpuint (day->received->len, ==, 0);
  }
  sr_test_set_day (admin, "2026-11-06", 10);
  {
    g_autoptr(SrMyDay) day = sr_my_day_load (a, sr_test_staff_id (a), &error);
    g_assert_cmpuint (day->due->len, ==, 1);
    g_assert_false (((SrMyDayItem *) g_ptr_array_index (day->due, 0))->is_overdue);
  }
  sr_test_set_day (admin, "2026-11-07", 10);
  {
    g_autoptr(SrMyDay) day = sr_my_day_load (a, sr_test_staff_id (a), &error);
    g_assert_cmpuint (day->due->len, ==, 1);
    g_assert_true (((SrMyDayItem *) g_ptr_array_index (day->due, 0))->is_overdue);
  }

  /* The owner's own follow-up on the 5th counts as contact for rule 9: the supervisor's
   * on the same day would not. On the 11th: 6 days after the 5th. */
  sr_test_set_day (admin, "2026-11-11", 10);
  g_assert_true (sr_customers_owner_lapsed (a, customer, &lapsed, &error));
  g_assert_false (lapsed);
  sr_test_set_day (admin, "2026-11-12", 10);
  g_assert_true (sr_customers_owner_lapsed (a, customer, &lapsed, &error));
  g_assert_true (lapsed);

  /* A came back while A is out, asking for A: B covers; A's day shows it. */
  sr_test_set_day (admin, "2026-11-12", 10);
  g_assert_true (sr_desk_set_order (sup, "2026-11-12", SR_DESK_RECEPTION, order, 2, &error));
  g_assert_cmpint (sr_desk_record (desk, "2026-11-12", SR_DESK_RECEPTION, SR_ROTATION_ARRIVE, sr_test_staff_id (b), 0, &error), >, 0);
  {
    SrArrival v = { "13800138000", NULL, 0, NULL, TRUE, TRUE, 0 };
    g_auto(SrReception) r = { 0 };
    g_autoptr(SrMyDay) day = NULL;
    g_assert_true (sr_desk_receive (desk, "2026-11-12", SR_DESK_RECEPTION, &v, &r, &error));
    g_assert_cmpint (r.receiver_id, ==, sr_test_staff_id (b));
    day = sr_my_day_load (a, sr_test_staff_id (a), &error);
    g_assert_cmpuint (day->covered->len, ==, 1);
    g_assert_nonnull (strstr (((SrMyDayItem *) g_ptr_array_index (day->covered, 0))->detail, "gwb"));
  }
  /* The history shows the follow-ups. */
  {
    g_autoptr(GPtrArray) timeline = sr_customers_timeline (a, customer, &error);
    guint follow_ups = 0;
    for (guint i = 0; i < timeline->len; i++)
      if (g_strcmp0 (((SrTimelineEntry *) g_ptr_array_index (timeline, i))->what, "Follow-up") == 0)
        follow_ups++;
    g_assert_cmpuint (follow_ups, ==, 2);
  }

  g_clear_object (&sup); g_clear_object (&desk); g_clear_object (&a); g_clear_object (&b);
  sr_test_context_finish (g_steal_pointer (&admin));
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/follow-ups/follow-ups-and-my-day", test_follow_ups_and_my_day);
  return g_test_run ();
}
