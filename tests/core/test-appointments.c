/* Appointments: booking rights, the desk sending a customer to the person they have an
 * appointment with (no turn used), kept, missed and cancelled counts. */
#include "config.h"

#include <locale.h>

#include "common/sr-test-util.h"
#include "core/sr-appointments.h"
#include "core/sr-customers.h"
#include "core/sr-desk.h"
#include "core/sr-error.h"

static gint64
at (const char *day,
    int         hour)
{
  return sr_day_start_unix (day) + hour * 3600;
}

static void
test_appointments (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_PROPERTY);
  g_autoptr(SrContext) sup = sr_test_context_as (admin, "zhuguan", SR_ROLE_CUSTOMER_MANAGER);
  g_autoptr(SrContext) desk = sr_test_context_as (admin, "qiantai", SR_ROLE_RECEPTIONIST);
  g_autoptr(SrContext) a = sr_test_context_as (admin, "gwa", SR_ROLE_CONSULTANT);
  g_autoptr(SrContext) b = sr_test_context_as (admin, "gwb", SR_ROLE_CONSULTANT);
  g_autoptr(GError) error = NULL;
  gint64 order[] = { sr_test_staff_id (a), sr_test_staff_id (b) };
  const char *phones[] = { "13800138000", NULL };
  SrCustomerInput in = { "张先生", NULL, "call", 0, NULL, sr_test_staff_id (b), phones, FALSE };
  gint64 customer, booked, missed_id;
  guint kept = 0, missed = 0;

  sr_test_set_day (admin, "2026-11-20", 9);
  customer = sr_customers_add (desk, &in, &error);
  g_assert_no_error (error);

  /* Who may book. */
  g_assert_cmpint (sr_appointments_add (a, customer, sr_test_staff_id (a), at ("2026-11-21", 10), SR_APPOINTMENT_VIEWING, NULL, &error), ==, 0);
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (sr_appointments_add (b, customer, sr_test_staff_id (b), at ("2026-11-19", 10), SR_APPOINTMENT_VIEWING, NULL, &error), ==, 0);
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);
  missed_id = sr_appointments_add (b, customer, sr_test_staff_id (b), at ("2026-11-21", 10), SR_APPOINTMENT_VIEWING, "看 3 号楼", &error);
  g_assert_no_error (error);
  booked = sr_appointments_add (desk, customer, sr_test_staff_id (b), at ("2026-11-23", 15), SR_APPOINTMENT_DEAL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (booked, >, missed_id);

  /* The 23rd: A is first in line; the customer comes for B's appointment: to B, and
   * nobody's turn is used. */
  sr_test_set_day (admin, "2026-11-23", 9);
  {
    g_autoptr(GPtrArray) today = sr_appointments_for_day (desk, sr_test_staff_id (b), "2026-11-23", &error);
    g_assert_cmpuint (today->len, ==, 1);
    g_assert_cmpstr (((SrAppointment *) g_ptr_array_index (today, 0))->customer_name, ==, "张先生");
  }
  g_assert_true (sr_desk_set_order (sup, "2026-11-23", SR_DESK_RECEPTION, order, 2, &error));
  g_assert_cmpint (sr_desk_record (desk, "2026-11-23", SR_DESK_RECEPTION, SR_ROTATION_ARRIVE, sr_test_staff_id (a), 0, &error), >, 0);
  g_assert_cmpint (sr_desk_record (desk, "2026-11-23", SR_DESK_RECEPTION, SR_ROTATION_ARRIVE, sr_test_staff_id (b), 0, &error), >, 0);
  {
    SrArrival v = { "138-0013-8000", NULL, 0, NULL, TRUE, FALSE, 0 };
    g_auto(SrReception) r = { 0 };
    g_autoptr(SrRotationState) s = NULL;
    g_assert_true (sr_desk_receive (desk, "2026-11-23", SR_DESK_RECEPTION, &v, &r, &error));
    g_assert_no_error (error);
    g_assert_cmpint (r.receiver_id, ==, sr_test_staff_id (b));
    g_assert_cmpstr (r.rule, ==, "appointment with gwb (no turn used)");
    s = sr_desk_state (desk, "2026-11-23", SR_DESK_RECEPTION, &error);
    g_assert_cmpint (s->next, ==, sr_test_staff_id (a));
    g_assert_cmpint (sr_rotation_state_find (s, sr_test_staff_id (b))->state, ==, SR_ROTATION_WAITING);
    g_assert_cmpuint (sr_rotation_state_find (s, sr_test_staff_id (b))->returning, ==, 1);
    g_assert_cmpuint (sr_rotation_state_find (s, sr_test_staff_id (b))->formal_receptions, ==, 0);
  }

  /* The 21st's appointment was missed; today's was kept. */
  g_assert_true (sr_appointments_count (desk, sr_test_staff_id (b), "2026-11-01", "2026-11-30", &kept, &missed, &error));
  g_assert_cmpuint (kept, ==, 1);
  g_assert_cmpuint (missed, ==, 1);
  {
    g_autoptr(GPtrArray) day21 = sr_appointments_for_day (desk, 0, "2026-11-21", &error);
    g_assert_true (((SrAppointment *) g_ptr_array_index (day21, 0))->is_missed);
  }

  /* Cancelled ones count as neither; a reason is needed. */
  {
    gint64 later = sr_appointments_add (sup, customer, sr_test_staff_id (b), at ("2026-11-25", 10), SR_APPOINTMENT_PLAN, NULL, &error);
    g_assert_false (sr_appointments_cancel (sup, later, " ", &error));
    g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_true (sr_appointments_cancel (sup, later, "客户改期", &error));
    g_assert_false (sr_appointments_cancel (sup, later, "again", &error));
    g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    sr_test_set_day (admin, "2026-11-28", 9);
    g_assert_true (sr_appointments_count (desk, 0, "2026-11-01", "2026-11-30", &kept, &missed, &error));
    g_assert_cmpuint (kept, ==, 1);
    g_assert_cmpuint (missed, ==, 1);
  }

  g_clear_object (&sup); g_clear_object (&desk); g_clear_object (&a); g_clear_object (&b);
  sr_test_context_finish (g_steal_pointer (&admin));
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/appointments/appointments", test_appointments);
  return g_test_run ();
}
