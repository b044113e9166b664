/* The front desk: the day's order, events stored and folded, receiving callers and
 * visitors (new → in line; returning → owner; owner out → cover), undo. */
#include "config.h"

#include <locale.h>

#include "common/sr-test-util.h"
#include "core/sr-customers.h"
#include "core/sr-desk.h"
#include "core/sr-error.h"

#define DAY SR_TEST_NOW_DAY

static gint64
staff_id (SrContext *ctx)
{
  return sr_session_get_staff_id (sr_context_get_session (ctx));
}

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

  /* The owner has left: the person in line covers, keeps the turn. */
  g_assert_cmpint (sr_desk_record (desk, DAY, SR_DESK_RECEPTION, SR_ROTATION_LEAVE, A, 0, &error), >, 0);
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

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/desk/order-permissions", test_order_permissions);
  g_test_add_func ("/desk/receiving", test_receiving);
  return g_test_run ();
}
