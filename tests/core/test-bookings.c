/* Bookings: holds, reservations with expiry, subscription requests, voiding, the sweep,
 * and "never sold twice" with several processes racing for one unit. */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "common/sr-test-util.h"
#include "core/sr-bookings.h"
#include "core/sr-customers.h"
#include "core/sr-error.h"
#include "core/sr-units.h"

static gint64
make_building (SrContext  *ctx,
               const char *name,
               int         floors,
               guint       per_floor)
{
  g_autoptr(GError) error = NULL;
  SrUnitColumn columns[10];
  SrBuildingPlan plan = { name, floors, 0, per_floor, columns, 0, FALSE };
  g_autoptr(GPtrArray) projects = sr_projects_list (ctx, &error);
  gint64 project = projects->len > 0 ? ((SrProject *) g_ptr_array_index (projects, 0))->id
                                     : sr_projects_add (ctx, "测试楼盘", NULL, &error);

  for (guint i = 0; i < per_floor; i++)
    columns[i] = (SrUnitColumn) { "两室两厅", 8936, 1200000 };
  g_assert_no_error (error);
  return sr_buildings_create (ctx, project, &plan, &error);
}

static gint64
first_unit (SrContext *ctx,
            gint64     building)
{
  g_autoptr(GPtrArray) units = sr_units_list (ctx, building, NULL);
  return ((SrUnit *) g_ptr_array_index (units, units->len - 1))->id;  /* floor 1, the last unit */
}

static gint64
customer (SrContext  *ctx,
          const char *phone,
          gint64      owner)
{
  g_autoptr(GError) error = NULL;
  const char *phones[] = { phone, NULL };
  SrCustomerInput in = { "认购客户", NULL, "walk-in", 0, NULL, owner, phones, FALSE, 0 };
  gint64 id = sr_customers_add (ctx, &in, &error);
  g_assert_no_error (error);
  return id;
}

static const char *
status_of (SrContext *ctx,
           gint64     unit)
{
  static char buf[32];
  g_autoptr(SrUnit) u = sr_units_get (ctx, unit, NULL);
  g_strlcpy (buf, sr_unit_status_get_code (u->status), sizeof buf);
  return buf;
}

static void
test_life_of_a_unit (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_PROPERTY);
  g_autoptr(SrContext) ctl = sr_test_context_as (admin, "xiaokong", SR_ROLE_SALES_CONTROLLER);
  g_autoptr(SrContext) gw = sr_test_context_as (admin, "guwen", SR_ROLE_CONSULTANT);
  g_autoptr(SrContext) sup = sr_test_context_as (admin, "zhuguan", SR_ROLE_CUSTOMER_MANAGER);
  g_autoptr(GError) error = NULL;
  gint64 building = make_building (admin, "1号楼", 2, 2);
  gint64 unit = first_unit (admin, building);
  gint64 c1 = customer (sup, "13800000001", sr_test_staff_id (gw));
  gint64 c2 = customer (sup, "13800000002", 0);
  gint64 now = sr_context_now (admin), r1, r2, req, n = 0;

  /* Holds: the controller's. */
  g_assert_false (sr_units_hold (gw, unit, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_true (sr_units_hold (ctl, unit, &error));
  g_assert_cmpstr (status_of (admin, unit), ==, "held");
  g_assert_false (sr_units_hold (ctl, unit, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (sr_units_reserve (ctl, unit, c1, now + 3600, NULL, &error), ==, 0);
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_true (sr_units_release (ctl, unit, &error));

  /* A reservation: nobody else can book the unit while it runs. */
  g_assert_cmpint (sr_units_reserve (ctl, unit, c1, now - 1, NULL, &error), ==, 0);
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);
  r1 = sr_units_reserve (ctl, unit, c1, now + 60, "客户周末来交定金", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (status_of (admin, unit), ==, "reserved");
  g_assert_cmpint (sr_units_reserve (ctl, unit, c2, now + 3600, NULL, &error), ==, 0);
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "1号楼 102"));
  g_clear_error (&error);
  g_assert_false (sr_units_hold (ctl, unit, &error));
  g_clear_error (&error);
  /* The database itself refuses a second live booking. */
  {
    g_autofree char *sql = g_strdup_printf ("INSERT INTO bookings (unit_id, customer_id, state, created_at) "
                                            "VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'pending', 0)",
                                            unit, c2);
    g_assert_false (sr_db_exec (sr_context_get_db (admin), sql, &error));
    g_assert_error (error, SR_STORE_ERROR, SR_STORE_ERROR_CONSTRAINT);
    g_clear_error (&error);
  }

  /* At the boundary second the reservation has run out: the next booking ends it in
   * the same transaction. */
  sr_clock_set_fixed (sr_context_get_clock (admin), now + 60);
  r2 = sr_units_reserve (ctl, unit, c2, now + 3600, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (r2, >, r1);
  g_assert_true (sr_db_query_int (sr_context_get_db (admin),
                                  "SELECT count(*) FROM bookings WHERE state = 'expired'", &n, NULL));
  g_assert_cmpint (n, ==, 1);
  g_assert_true (sr_bookings_void (ctl, r2, "客户放弃", &error));
  g_assert_cmpstr (status_of (admin, unit), ==, "available");

  /* A consultant's request for their customer: 待确认; another consultant's customer is refused. */
  g_assert_cmpint (sr_units_request_subscription (gw, unit, c2, 5000000, "2026-12-01", &error), ==, 0);
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (sr_units_request_subscription (gw, unit, c1, 0, "2026-12-01", &error), ==, 0);
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);
  req = sr_units_request_subscription (gw, unit, c1, 5000000, "2026-12-01", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (status_of (admin, unit), ==, "pending");
  /* A request is not a reservation: it does not run out. */
  sr_clock_set_fixed (sr_context_get_clock (admin), now + 10 * 86400);
  g_assert_cmpint (sr_bookings_sweep_expired (ctl, &error), ==, 0);
  g_assert_cmpstr (status_of (admin, unit), ==, "pending");
  g_assert_true (sr_bookings_void (ctl, req, "定金未到", &error));

  /* A reservation for the customer turns into their request; the sweep ends the rest. */
  {
    gint64 other = first_unit (admin, make_building (admin, "2号楼", 1, 1));
    gint64 now2 = sr_context_now (admin);
    gint64 r3 = sr_units_reserve (ctl, unit, c1, now2 + 600, NULL, &error);
    g_assert_cmpint (sr_units_request_subscription (gw, unit, c1, 3000000, "2026-12-20", &error), ==, r3);
    g_assert_cmpstr (status_of (admin, unit), ==, "pending");
    g_assert_cmpint (sr_units_reserve (ctl, other, c2, now2 + 600, NULL, &error), >, 0);
    sr_clock_set_fixed (sr_context_get_clock (admin), now2 + 600);
    g_assert_cmpint (sr_bookings_sweep_expired (ctl, &error), ==, 1);
    g_assert_cmpstr (status_of (admin, other), ==, "available");
  }

  g_clear_object (&ctl); g_clear_object (&gw); g_clear_object (&sup);
  sr_test_context_finish (g_steal_pointer (&admin));
}

/* Child: its own connection, as the command line; reserves the unit (or, with
 * @request, asks for a subscription: a pending request racing reservations) and exits 0
 * (won), 1 (the clear refusal), 2 (anything else). */
static int
race_child (const char *path,
            gint64      unit,
            gint64      customer_id,
            gboolean    request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SrDb) db = sr_db_open (path, SR_DB_OPEN_EXISTING, &error);
  g_autoptr(SrContext) ctx = NULL;
  g_autoptr(SrSession) cli = sr_session_new_command_line ();

  if (db == NULL)
    return 2;
  ctx = sr_context_new (db, NULL);
  sr_context_set_session (ctx, cli);
  if (request ? sr_units_request_subscription (ctx, unit, customer_id, 5000000, "2026-12-31", &error) > 0
              : sr_units_reserve (ctx, unit, customer_id, sr_context_now (ctx) + 3600, NULL, &error) > 0)
    return 0;
  return g_error_matches (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT) ? 1 : 2;
}

static void
test_never_sold_twice (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_PROPERTY);
  g_autoptr(SrContext) sup = sr_test_context_as (admin, "zhuguan", SR_ROLE_CUSTOMER_MANAGER);
  const char *path = sr_db_get_path (sr_context_get_db (admin));
  enum { RACERS = 3 };
  /* 100 rounds in the suite; build-aux/soak sets SR_SOAK_ROUNDS (up to 2,000). */
  guint rounds = g_getenv ("SR_SOAK_ROUNDS") != NULL ? (guint) CLAMP (atoi (g_getenv ("SR_SOAK_ROUNDS")), 1, 2000) : 100;
  guint per_floor = (rounds + 199) / 200;
  gint64 building = make_building (admin, "竞争楼", (int) ((rounds + per_floor - 1) / per_floor), per_floor);
  g_autoptr(GPtrArray) units = sr_units_list (admin, building, NULL);
  gint64 start = g_get_monotonic_time ();
  guint requests_won = 0;
  gint64 customers[RACERS];
  gint64 n = -1;

  for (int i = 0; i < RACERS; i++)
    {
      g_autofree char *phone = g_strdup_printf ("1390000100%d", i);
      customers[i] = customer (sup, phone, 0);
    }
  for (guint round = 0; round < rounds; round++)
    {
      gint64 unit = ((SrUnit *) g_ptr_array_index (units, round))->id;
      pid_t pids[RACERS];
      int won = 0, refused = 0;

      for (int i = 0; i < RACERS; i++)
        {
          pids[i] = fork ();
          g_assert_cmpint (pids[i], >=, 0);
          if (pids[i] == 0)
            _exit (race_child (path, unit, customers[i], i == (int) (round % RACERS)));
        }
      for (int i = 0; i < RACERS; i++)
        {
          int status = 0;
          g_assert_cmpint (waitpid (pids[i], &status, 0), ==, pids[i]);
          g_assert_true (WIFEXITED (status));
          if (WEXITSTATUS (status) == 0)
            {
              won++;
              requests_won += i == (int) (round % RACERS);
            }
          else if (WEXITSTATUS (status) == 1)
            refused++;
        }
      g_assert_cmpint (won, ==, 1);
      g_assert_cmpint (refused, ==, RACERS - 1);
    }
  /* Exactly one live booking per unit, none left over. */
  g_test_message ("%u rounds of %d processes in %.1f s; a subscription request won %u of them",
                  rounds, RACERS, (g_get_monotonic_time () - start) / 1e6, requests_won);
  g_print ("# never sold twice: %u rounds of %d processes, %.1f s, each won by exactly one "
           "(a request %u times, a reservation %u times)\n", rounds, RACERS,
           (g_get_monotonic_time () - start) / 1e6, requests_won, rounds - requests_won);
  g_assert_true (sr_db_query_int (sr_context_get_db (admin),
                                  "SELECT count(*) FROM bookings", &n, NULL));
  g_assert_cmpint (n, ==, rounds);
  g_assert_true (sr_db_query_int (sr_context_get_db (admin),
                                  "SELECT count(*) FROM units u WHERE u.status IN ('reserved', 'pending') AND "
                                  "(SELECT count(*) FROM bookings b WHERE b.unit_id = u.id) = 1", &n, NULL));
  g_assert_cmpint (n, ==, rounds);
  /* A deal for every request that won, none for those that lost. */
  g_assert_true (sr_db_query_int (sr_context_get_db (admin), "SELECT count(*) FROM deals", &n, NULL));
  g_assert_cmpint (n, ==, requests_won);
  g_clear_object (&sup);
  sr_test_context_finish (g_steal_pointer (&admin));
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/bookings/life-of-a-unit", test_life_of_a_unit);
  g_test_add_func ("/bookings/never-sold-twice", test_never_sold_twice);
  return g_test_run ();
}
