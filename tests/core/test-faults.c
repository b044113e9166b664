/* I/O faults on every write path: through a VFS shim that fails the Nth write, sync or
 * truncate (a full disk, a failing disk), each business step of the office is tried with
 * the fault at every point it writes, N = 0, 1, 2, … until the step gets through. Each
 * time it fails: the error is the store's clear message, the database is exactly as it
 * was before (a dump of every table compared), and the same connection — the window's —
 * goes on working: the next try on it succeeds once the disk is fine. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "common/sr-fault-vfs.h"
#include "common/sr-test-dump.h"
#include "common/sr-test-util.h"
#include "core/sr-bookings.h"
#include "core/sr-customers.h"
#include "core/sr-deal-steps.h"
#include "core/sr-deals.h"
#include "core/sr-error.h"
#include "core/sr-follow-ups.h"
#include "core/sr-office.h"
#include "core/sr-staff.h"
#include "core/sr-units.h"

#define TODAY SR_TEST_NOW_DAY

typedef struct {
  SrContext *admin, *ctl, *gw, *fin, *mgr;
  gint64 unit, customer, booking, deal;
  char *dir;
  guint n;   /* how many steps have got through */
} Office;

/* The steps, in the order an office takes them; each builds on the one before. */
static gboolean
step_customer (Office *o, GError **error)
{
  const char *phones[] = { "13900139000", NULL };
  SrCustomerInput in = { "写盘客户", NULL, "walk-in", 0, NULL, sr_test_staff_id (o->gw), phones, FALSE, 0 };
  o->customer = sr_customers_add (o->mgr, &in, error);
  return o->customer > 0;
}

static gboolean
step_follow_up (Office *o, GError **error)
{
  return sr_follow_ups_add (o->gw, o->customer, 0, "电话回访，客户想看三室", "2026-11-30", error) > 0;
}

static gboolean
step_reserve (Office *o, GError **error)
{
  o->booking = sr_units_reserve (o->ctl, o->unit, o->customer, sr_context_now (o->ctl) + 3600, NULL, error);
  return o->booking > 0;
}

static gboolean
step_request (Office *o, GError **error)
{
  return sr_units_request_subscription (o->gw, o->unit, o->customer, 5000000, "2026-12-20", error) > 0 &&
         sr_db_get_int (sr_context_get_db (o->admin), &o->deal, error,
                        "SELECT deal_id FROM bookings WHERE id = ?1", "i", o->booking);
}

static gboolean
step_confirm (Office *o, GError **error)
{
  return sr_deals_confirm_deposit (o->fin, o->deal, 5000000, "transfer", TODAY, NULL, error);
}

static gboolean
step_sign (Office *o, GError **error)
{
  SrContractInput contract = { "HT-FAULT-1", TODAY, "one-off", NULL, NULL };
  return sr_deals_sign (o->ctl, o->deal, &contract, error);
}

static gboolean
step_pay (Office *o, GError **error)
{
  return sr_deals_record_payment (o->fin, o->deal, 10000000, "card", TODAY, FALSE, NULL, error);
}

static gboolean
step_staff (Office *o, GError **error)
{
  return sr_staff_add (o->admin, "xinren", "新人", SR_ROLE_CONSULTANT, "password1", error) > 0;
}

static gboolean
step_backup (Office *o, GError **error)
{
  g_autofree char *copy = g_build_filename (o->dir, "copy.db", NULL);
  gboolean ok = sr_office_backup (o->admin, copy, error);
  /* A failed copy leaves nothing behind, not half a file. */
  if (!ok)
    g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
  return ok;
}

static const struct {
  const char *name;
  gboolean (*run) (Office *o, GError **error);
} steps[] = {
  { "register a customer", step_customer },
  { "record a follow-up", step_follow_up },
  { "reserve a unit", step_reserve },
  { "request a subscription", step_request },
  { "confirm the deposit", step_confirm },
  { "sign the contract", step_sign },
  { "record a payment", step_pay },
  { "add a staff member", step_staff },
  { "back up the database", step_backup },
};

/* Runs the office's steps in a new office, each with the fault at every write until it
 * gets through. @once: a passing fault (one write fails, the next works) with a page cache
 * of two pages, so that writes spill in the middle of a transaction and the failing
 * statement's transaction must be rolled back by the code, not by SQLite. */
static void
run_office (gboolean once)
{
  Office o = { 0 };
  g_autoptr(GError) error = NULL;
  SrUnitColumn columns[1] = { { "三室两厅", 12050, 1600000 } };
  SrBuildingPlan plan = { "1号楼", 2, 0, 1, columns, 0, FALSE };
  const char *path;
  guint failures = 0, full = 0;

  o.admin = sr_test_context_new (SR_OFFICE_PROPERTY);
  o.ctl = sr_test_context_as (o.admin, "xiaokong", SR_ROLE_SALES_CONTROLLER);
  o.gw = sr_test_context_as (o.admin, "guwen", SR_ROLE_CONSULTANT);
  o.fin = sr_test_context_as (o.admin, "caiwu", SR_ROLE_FINANCE);
  o.mgr = sr_test_context_as (o.admin, "jingli", SR_ROLE_MANAGER);
  path = sr_db_get_path (sr_context_get_db (o.admin));
  o.dir = g_path_get_dirname (path);
  {
    gint64 project = sr_projects_add (o.admin, "写盘楼盘", NULL, &error);
    gint64 building = sr_buildings_create (o.admin, project, &plan, &error);
    g_autoptr(GPtrArray) units = sr_units_list (o.admin, building, &error);
    g_assert_no_error (error);
    o.unit = ((SrUnit *) units->pdata[0])->id;
  }
  if (once)
    g_assert_true (sr_db_exec (sr_context_get_db (o.admin), "PRAGMA cache_size = 2", NULL));

  for (guint s = 0; s < G_N_ELEMENTS (steps); s++)
    {
      guint n;
      for (n = 0; n < 500; n++)
        {
          g_autofree char *before = sr_test_dump (path);
          g_autofree char *after = NULL;
          gboolean ok;

          g_clear_error (&error);
          sr_fault_vfs_arm (n, n % 2 == 0 ? SR_FAULT_FULL : SR_FAULT_IO, once);
          ok = steps[s].run (&o, &error);
          sr_fault_vfs_disarm ();
          if (ok && !sr_fault_vfs_tripped ())
            break;
          if (ok)
            {
              /* A passing fault SQLite got over by itself (a checkpoint or a spill tried
               * again): the step is done and whole. */
              g_assert_true (once);
              break;
            }
          /* Refused by the disk: the store's message, and nothing half-written. */
          g_assert_true (sr_fault_vfs_tripped ());
          if (!g_error_matches (error, SR_STORE_ERROR, n % 2 == 0 ? SR_STORE_ERROR_FULL : SR_STORE_ERROR_IO))
            g_error ("%s, write %u failing: %s", steps[s].name, n, error != NULL ? error->message : "(no error)");
          full += n % 2 == 0;
          failures++;
          after = sr_test_dump (path);
          if (g_strcmp0 (before, after) != 0)
            g_error ("%s, write %u failing: the database changed (%s)", steps[s].name, n, error->message);
        }
      g_assert_cmpuint (n, <, 500);
      g_assert_no_error (error);
      g_test_message ("%s: got through at write %u", steps[s].name, n);
    }
  g_print ("# I/O faults (%s): %zu write paths, %u failed writes (%u disk full, %u I/O error); each refused with "
           "the store's message, the database unchanged, the connection usable after\n",
           once ? "one write failing, small page cache" : "every write failing from the Nth on",
           G_N_ELEMENTS (steps), failures, full, failures - full);
  g_assert_cmpuint (failures, >=, G_N_ELEMENTS (steps));
  /* The message a person reads. */
  {
    g_autoptr(GError) e = NULL;
    sr_fault_vfs_arm (0, SR_FAULT_FULL, FALSE);
    g_assert_false (sr_staff_add (o.admin, "zaiyige", "再一个", SR_ROLE_CONSULTANT, "password1", &e) > 0);
    sr_fault_vfs_disarm ();
    g_assert_cmpstr (e->message, ==, "The disk is full: nothing was saved. Free some space and try again.");
  }
  {
    g_autoptr(SrDb) db = sr_db_open (path, SR_DB_OPEN_EXISTING, &error);
    gint64 ok = 0;
    g_assert_no_error (error);
    g_assert_true (sr_db_get_int (db, &ok, &error, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check = 'ok'", ""));
    g_assert_cmpint (ok, ==, 1);
  }
  g_clear_object (&o.ctl);
  g_clear_object (&o.gw);
  g_clear_object (&o.fin);
  g_clear_object (&o.mgr);
  g_free (o.dir);
  sr_test_context_finish (o.admin);
}

static void
test_full_disk (void)
{
  run_office (FALSE);
}

static void
test_passing_fault (void)
{
  run_office (TRUE);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  sr_fault_vfs_install ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/faults/full-disk", test_full_disk);
  g_test_add_func ("/faults/passing-fault", test_passing_fault);
  return g_test_run ();
}
