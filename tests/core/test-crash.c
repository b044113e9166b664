/* Crash safety, measured: a writer process performs real business transactions in a
 * loop (receive a visitor at the front desk or register a caller, reserve a unit, turn
 * it into a subscription request, confirm the deposit, sign, record a payment; a new
 * building when the units run out),
 * and after each commit appends what it committed to a log it fsyncs. The test kills it
 * with SIGKILL at a random moment, then checks the database: integrity, foreign keys,
 * every logged commit present, at most one live booking per unit, each plan item's paid
 * amount equal to its live allocations, no receipt numbered twice or skipped. Then the
 * next writer goes on from there.
 *
 * A few cycles in the suite; build-aux/soak sets SR_CRASH_CYCLES (up to 5,000). */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "common/sr-test-util.h"
#include "core/sr-bookings.h"
#include "core/sr-customers.h"
#include "core/sr-deal-steps.h"
#include "core/sr-deals.h"
#include "core/sr-desk.h"
#include "core/sr-error.h"
#include "core/sr-units.h"

#define TODAY SR_TEST_NOW_DAY

/* Appends a line to the log and makes sure it is on the disk before going on. */
static void
log_commit (int         fd,
            const char *kind,
            const char *what)
{
  char line[64];
  int n = g_snprintf (line, sizeof line, "%s %s\n", kind, what);
  if (write (fd, line, n) != n || fsync (fd) != 0)
    _exit (3);
}

static void
log_id (int         fd,
        const char *kind,
        gint64      id)
{
  char s[24];
  g_snprintf (s, sizeof s, "%" G_GINT64_FORMAT, id);
  log_commit (fd, kind, s);
}

/* A free unit, or a new building when there is none (itself a transaction). */
static gint64
free_unit (SrContext *ctx,
           int        log_fd)
{
  SrDb *db = sr_context_get_db (ctx);
  gint64 unit = 0, project = 0, n = 0;
  g_autoptr(GError) error = NULL;

  if (!sr_db_get_int (db, &unit, &error, "SELECT id FROM units WHERE status = 'available' ORDER BY id LIMIT 1", ""))
    _exit (4);
  if (unit > 0)
    return unit;
  {
    SrUnitColumn columns[2] = { { "两室两厅", 8936, 1200000 }, { "三室两厅", 12050, 1600000 } };
    g_autofree char *name = NULL;
    SrBuildingPlan plan = { NULL, 10, 0, 2, columns, 0, FALSE };
    gint64 building;

    if (!sr_db_get_int (db, &project, &error, "SELECT min(id) FROM projects", "") ||
        !sr_db_get_int (db, &n, &error, "SELECT count(*) FROM buildings", ""))
      _exit (4);
    name = g_strdup_printf ("%" G_GINT64_FORMAT "号楼", n + 1);
    plan.name = name;
    building = sr_buildings_create (ctx, project, &plan, &error);
    if (building <= 0)
      _exit (5);
    log_id (log_fd, "building", building);
  }
  return free_unit (ctx, log_fd);
}

/* The writer: never returns; killed by the test. */
static void G_GNUC_NORETURN
writer (const char *path,
        const char *log_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SrDb) db = sr_db_open (path, SR_DB_OPEN_EXISTING, &error);
  g_autoptr(SrClock) clock = sr_clock_new_fixed (sr_day_start_unix (TODAY) + 10 * 3600);
  g_autoptr(SrSession) cli = sr_session_new_command_line ();
  g_autoptr(SrContext) ctx = NULL;
  int fd = open (log_path, O_WRONLY | O_APPEND | O_CREAT, 0600);

  if (db == NULL || fd < 0)
    _exit (2);
  ctx = sr_context_new (db, clock);
  sr_context_set_session (ctx, cli);
  for (guint i = 0;; i++)
    {
      g_autofree char *phone = NULL, *no = NULL;
      gint64 max_id = 0, customer, unit, booking, deal = 0;
      const char *phones[2] = { NULL, NULL };
      SrCustomerInput in = { "试写客户", NULL, "walk-in", 0, NULL, 0, phones, FALSE, 0 };
      g_autofree char *contract_no = NULL;
      SrContractInput contract = { NULL, TODAY, "one-off", NULL, NULL };
      SrFen due = 0;

      if (!sr_db_get_int (db, &max_id, &error, "SELECT coalesce (max (id), 0) FROM customers", ""))
        _exit (4);
      phone = g_strdup_printf ("137%08" G_GINT64_FORMAT, max_id + 1);
      phones[0] = phone;
      if (i % 2 == 0)
        {
          /* A visitor at the front desk: the visit, the new customer and the turn, in one. */
          SrArrival visitor = { phone, "来访客户", 0, NULL, TRUE, FALSE, 0, NULL, 0, 0 };
          g_auto(SrReception) r = { 0 };
          if (!sr_desk_receive (ctx, TODAY, SR_DESK_RECEPTION, &visitor, &r, &error))
            _exit (6);
          customer = r.customer_id;
          log_id (fd, "visit", r.contact_id);
        }
      else
        customer = sr_customers_add (ctx, &in, &error);
      if (customer <= 0)
        _exit (6);
      log_id (fd, "customer", customer);

      unit = free_unit (ctx, fd);
      booking = sr_units_reserve (ctx, unit, customer, sr_context_now (ctx) + 3600, NULL, &error);
      if (booking <= 0)
        _exit (7);
      log_id (fd, "booking", booking);
      if (i % 3 == 0)
        continue;             /* some reservations stay reservations */

      if (sr_units_request_subscription (ctx, unit, customer, 2000000, "2026-12-20", &error) != booking ||
          !sr_db_get_int (db, &deal, &error, "SELECT deal_id FROM bookings WHERE id = ?1", "i", booking))
        _exit (8);
      log_id (fd, "deal", deal);
      if (!sr_deals_confirm_deposit (ctx, deal, 2000000, "transfer", TODAY, &no, &error))
        _exit (9);
      log_commit (fd, "receipt", no);
      g_clear_pointer (&no, g_free);
      if (i % 3 == 1)
        continue;             /* some stay subscriptions */

      contract_no = g_strdup_printf ("HT-%" G_GINT64_FORMAT, deal);
      contract.contract_no = contract_no;
      if (!sr_deals_sign (ctx, deal, &contract, &error))
        _exit (10);
      log_id (fd, "signed", deal);
      if (!sr_deals_due (ctx, deal, &due, &error) || due <= 0 ||
          !sr_deals_record_payment (ctx, deal, MAX (due / 2, 1), "card", TODAY, FALSE, &no, &error))
        _exit (11);
      log_commit (fd, "receipt", no);
    }
}

static gint64
count (SrDb       *db,
       const char *sql)
{
  gint64 n = -1;
  g_autoptr(GError) error = NULL;
  g_assert_true (sr_db_get_int (db, &n, &error, sql, ""));
  g_assert_no_error (error);
  return n;
}

/* Opens the database as the next program would (recovering what the killed one left)
 * and checks everything, the log's lines from @from_line on; returns the number of
 * lines the log has now. */
static guint
check_after_kill (const char *path,
                  const char *log_path,
                  guint       from_line)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SrDb) db = sr_db_open (path, SR_DB_OPEN_EXISTING, &error);
  g_autofree char *log = NULL;
  g_auto(GStrv) lines = NULL;
  guint i = 0;

  g_assert_no_error (error);
  /* The file's own checks (a server checks its pages and keys itself). */
  if (!sr_db_is_server (db))
    {
      g_autoptr(SrStmt) st = sr_db_prepare (db, "PRAGMA integrity_check", &error);
      g_assert_no_error (error);
      g_assert_cmpint (sr_stmt_step (st, &error), ==, SR_STEP_ROW);
      g_assert_cmpstr (sr_stmt_get_text (st, 0), ==, "ok");
      g_assert_cmpint (count (db, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
    }
  /* At most one live booking per unit, and a unit's status agrees with it. */
  g_assert_cmpint (count (db, "SELECT count(*) FROM (SELECT unit_id FROM bookings WHERE state IN "
                          "('reserved', 'pending', 'subscribed', 'signed', 'delivered') "
                          "GROUP BY unit_id HAVING count(*) > 1) AS doubles"), ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM units u WHERE u.status = 'available' AND EXISTS "
                          "(SELECT 1 FROM bookings b WHERE b.unit_id = u.id AND b.state IN "
                          "('reserved', 'pending', 'subscribed', 'signed', 'delivered'))"), ==, 0);
  /* The money: each item's paid amount is what live receipts allocated to it, and no
   * receipt allocates more than it took. */
  g_assert_cmpint (count (db, "SELECT count(*) FROM plan_items i WHERE i.paid_fen != coalesce ((SELECT sum (a.amount_fen) "
                          "FROM receipt_allocations a JOIN receipts r ON r.id = a.receipt_id "
                          "WHERE a.plan_item_id = i.id AND r.voided_at IS NULL), 0)"), ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM receipts r WHERE r.amount_fen < coalesce ((SELECT sum (a.amount_fen) "
                          "FROM receipt_allocations a WHERE a.receipt_id = r.id), 0)"), ==, 0);
  /* Receipt numbers: 1 … n in each year, none skipped. */
  g_assert_cmpint (count (db, "SELECT count(*) FROM (SELECT year FROM receipts GROUP BY year "
                          "HAVING max (number) != count(*) OR min (number) != 1) AS gaps"), ==, 0);
  /* Every commit the writer logged is there. */
  if (g_file_get_contents (log_path, &log, NULL, NULL))
    lines = g_strsplit (log, "\n", -1);
  for (i = 0; lines != NULL && lines[i] != NULL; i++)
    {
      g_auto(GStrv) w = g_strsplit (lines[i], " ", 2);
      gint64 n = 0;
      if (i < from_line || g_strv_length (w) != 2)
        continue;             /* checked before; the last line, or one cut short by the kill */
      if (g_str_equal (w[0], "receipt"))
        {
          g_auto(GStrv) yn = g_strsplit (w[1], "-", 2);
          g_assert_cmpint (g_strv_length (yn), ==, 2);
          g_assert_true (sr_db_get_int (db, &n, NULL, "SELECT count(*) FROM receipts WHERE year = ?1 AND number = ?2",
                                        "ii", g_ascii_strtoll (yn[0], NULL, 10), g_ascii_strtoll (yn[1], NULL, 10)));
        }
      else
        {
          const char *sql = g_str_equal (w[0], "customer") ? "SELECT count(*) FROM customers WHERE id = ?1"
                          : g_str_equal (w[0], "visit") ? "SELECT count(*) FROM contacts WHERE id = ?1 AND kind = 'visit'"
                          : g_str_equal (w[0], "booking") ? "SELECT count(*) FROM bookings WHERE id = ?1"
                          : g_str_equal (w[0], "deal") ? "SELECT count(*) FROM deals WHERE id = ?1"
                          : g_str_equal (w[0], "signed") ? "SELECT count(*) FROM deals WHERE id = ?1 AND state = 'signed'"
                          : "SELECT count(*) FROM buildings WHERE id = ?1";
          g_assert_true (sr_db_get_int (db, &n, NULL, sql, "i", g_ascii_strtoll (w[1], NULL, 10)));
        }
      if (n != 1)
        g_error ("logged commit «%s» is missing after the kill", lines[i]);
    }
  return i > 0 ? i - 1 : 0;   /* the line after the last newline may still grow */
}

static void
test_kill_nine (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_PROPERTY);
  const char *path = sr_db_get_path (sr_context_get_db (admin));
  g_autofree char *dir = sr_test_tmp_dir ();
  g_autofree char *log_path = g_build_filename (dir, "committed.log", NULL);
  guint cycles = g_getenv ("SR_CRASH_CYCLES") != NULL ? (guint) CLAMP (atoi (g_getenv ("SR_CRASH_CYCLES")), 1, 5000) : 8;
  g_autoptr(GRand) rand = g_rand_new ();
  gint64 start = g_get_monotonic_time ();
  guint checked = 0, killed_writing = 0;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (sr_projects_add (admin, "试写楼盘", NULL, &error), >, 0);
  g_assert_no_error (error);
  /* One consultant at the reception desk for the day. */
  {
    g_autoptr(SrContext) gw = sr_test_context_as (admin, "jiedai", SR_ROLE_CONSULTANT);
    g_autoptr(SrContext) sup = sr_test_context_as (admin, "zhuguan", SR_ROLE_CUSTOMER_MANAGER);
    gint64 staff = sr_test_staff_id (gw);
    g_assert_true (sr_desk_set_order (sup, TODAY, SR_DESK_RECEPTION, &staff, 1, &error));
    g_assert_cmpint (sr_desk_record (sup, TODAY, SR_DESK_RECEPTION, SR_ROTATION_ARRIVE, staff, 0, &error), >, 0);
    g_assert_no_error (error);
  }
  for (guint cycle = 0; cycle < cycles; cycle++)
    {
      pid_t pid = fork ();
      int status = 0;

      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        writer (path, log_path);
      /* Once the writer is at work (its log grew: a loaded machine may take a while to
       * start it), somewhere in the middle of it. */
      {
        GStatBuf st;
        gint64 size = g_stat (log_path, &st) == 0 ? st.st_size : 0, waited = 0;
        while (waited < 20 * G_USEC_PER_SEC && (g_stat (log_path, &st) != 0 || st.st_size <= size))
          {
            g_usleep (2000);
            waited += 2000;
          }
      }
      g_usleep (g_rand_int_range (rand, 0, 200) * 1000);
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      if (!WIFSIGNALED (status))
        g_error ("the writer stopped by itself (exit %d) before it was killed", WEXITSTATUS (status));
      killed_writing++;
      checked = check_after_kill (path, log_path, checked);
    }
  /* And the whole log once more, against the final database. */
  checked = check_after_kill (path, log_path, 0);
  g_print ("# crash safety: %u kill -9 cycles in %.1f s; after each, integrity, foreign keys, one live booking "
           "per unit, paid amounts and receipt numbers held; %u logged commits all present\n",
           killed_writing, (g_get_monotonic_time () - start) / 1e6, checked);
  g_assert_cmpuint (checked, >, 0);
  sr_test_context_finish (g_steal_pointer (&admin));
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/crash/kill-nine", test_kill_nine);
  return g_test_run ();
}
