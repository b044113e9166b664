/* A person's data under PIPL: where it came from, all of it in one file, erasure on
 * request (nothing of them left anywhere in the database, the audit log and the file's
 * bytes included, while every figure still adds up), and lost leads erased after the
 * office's retention period. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "common/sr-test-util.h"
#include "core/sr-appointments.h"
#include "core/sr-bookings.h"
#include "core/sr-customers.h"
#include "core/sr-deal-steps.h"
#include "core/sr-deals.h"
#include "core/sr-error.h"
#include "core/sr-follow-ups.h"
#include "core/sr-office.h"
#include "core/sr-overview.h"
#include "core/sr-privacy.h"
#include "core/sr-units.h"

#define TODAY SR_TEST_NOW_DAY
#define NAME "欧阳娜娜"
#define PINYIN "ouyangnana"
#define PHONE "13912348765"
#define ID_CARD "11010519900307123X"

/* Every text of every table that holds @what, as "table.column" lines; "" when none. */
static char *
where_found (SrDb       *db,
             const char *what)
{
  g_autoptr(GString) found = g_string_new (NULL);
  g_autoptr(SrStmt) tables = sr_db_prepare (db, sr_db_is_server (db)
                                            ? "SELECT table_name, column_name FROM information_schema.columns "
                                              "WHERE table_schema = current_schema () AND data_type = 'text'"
                                            : "SELECT m.name, p.name FROM sqlite_master m "
                                              "JOIN pragma_table_info (m.name) p WHERE m.type = 'table' "
                                              "AND p.type IN ('TEXT', '')", NULL);
  g_assert_nonnull (tables);
  while (sr_stmt_step (tables, NULL) == SR_STEP_ROW)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\" WHERE instr (\"%s\", ?1) > 0",
                                              sr_stmt_get_text (tables, 0), sr_stmt_get_text (tables, 1));
      gint64 n = 0;
      g_assert_true (sr_db_get_int (db, &n, NULL, sql, "t", what));
      if (n > 0)
        g_string_append_printf (found, "%s.%s ", sr_stmt_get_text (tables, 0), sr_stmt_get_text (tables, 1));
    }
  return g_strdup (found->str);
}

static gboolean
file_holds (const char *path,
            const char *what)
{
  g_autofree char *data = NULL;
  gsize len = 0, n = strlen (what);
  if (!g_file_get_contents (path, &data, &len, NULL))
    return FALSE;
  for (gsize i = 0; i + n <= len; i++)
    if (memcmp (data + i, what, n) == 0)
      return TRUE;
  return FALSE;
}

/* What the office's figures say, as one line: money planned, received and overdue, sales,
 * deals, receipts, customers. */
static char *
figures (SrContext *ctx)
{
  SrDb *db = sr_context_get_db (ctx);
  SrMoneyFigures money;
  g_autoptr(GPtrArray) sales = sr_overview_sales_per_day (ctx, "2026-01-01", "2026-12-31", NULL);
  gint64 deals = 0, receipts = 0, customers = 0, paid = 0;
  GString *s = g_string_new (NULL);

  g_assert_true (sr_overview_money (ctx, "2026-01-01", "2026-12-31", &money, NULL));
  g_assert_true (sr_db_get_int (db, &deals, NULL, "SELECT count(*) FROM deals", ""));
  g_assert_true (sr_db_get_int (db, &receipts, NULL, "SELECT coalesce (sum (amount_fen), 0) FROM receipts", ""));
  g_assert_true (sr_db_get_int (db, &customers, NULL, "SELECT count(*) FROM customers", ""));
  g_assert_true (sr_db_get_int (db, &paid, NULL, "SELECT coalesce (sum (paid_fen), 0) FROM plan_items", ""));
  g_string_append_printf (s, "planned %" G_GINT64_FORMAT " received %" G_GINT64_FORMAT " overdue %" G_GINT64_FORMAT
                          " deals %" G_GINT64_FORMAT " receipts %" G_GINT64_FORMAT " paid %" G_GINT64_FORMAT
                          " customers %" G_GINT64_FORMAT, money.planned_fen, money.received_fen, money.overdue_fen,
                          deals, receipts, paid, customers);
  for (guint i = 0; sales != NULL && i < sales->len; i++)
    {
      SrFigure *f = sales->pdata[i];
      g_string_append_printf (s, " %s:%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT, f->label, f->v[0], f->v[2]);
    }
  return g_string_free (s, FALSE);
}

static void
test_export_and_erase (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_PROPERTY);
  g_autoptr(SrContext) mgr = sr_test_context_as (admin, "jingli", SR_ROLE_MANAGER);
  g_autoptr(SrContext) gw = sr_test_context_as (admin, "guwen", SR_ROLE_CONSULTANT);
  g_autoptr(SrContext) fin = sr_test_context_as (admin, "caiwu", SR_ROLE_FINANCE);
  g_autoptr(SrContext) ctl = sr_test_context_as (admin, "xiaokong", SR_ROLE_SALES_CONTROLLER);
  SrDb *db = sr_context_get_db (admin);
  const char *path = sr_db_get_path (db);
  g_autofree char *dir = sr_test_tmp_dir ();
  g_autofree char *json_path = g_build_filename (dir, "个人信息.json", NULL);
  g_autofree char *before = NULL, *after = NULL, *found = NULL;
  g_autoptr(GError) error = NULL;
  const char *phones[] = { PHONE, NULL };
  SrCustomerInput in = { NAME, "female", "walk-in", 0, "A", sr_test_staff_id (gw), phones, FALSE, 0 };
  gint64 customer, other, unit, booking, deal = 0;

  customer = sr_customers_add (mgr, &in, &error);
  g_assert_no_error (error);
  {
    const char *other_phones[] = { "13700001111", NULL };
    SrCustomerInput o = { "别的客户", NULL, "call", 0, NULL, sr_test_staff_id (gw), other_phones, FALSE, 0 };
    other = sr_customers_add (mgr, &o, &error);
    g_assert_no_error (error);
  }
  /* Details, notes and free texts that name her. */
  g_assert_true (sr_db_run (db, NULL, "UPDATE customers SET id_card = ?2, income_band = '2万-5万', "
                            "notes = '住在" NAME "家旁边的邻居介绍' WHERE id = ?1", "it", customer, ID_CARD));
  g_assert_cmpint (sr_follow_ups_add (gw, customer, 0, "客户电话 139-1234-8765，" NAME "想看三室", "2026-11-30", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (sr_appointments_add (gw, customer, sr_test_staff_id (gw), sr_context_now (gw) + 86400, 0,
                                        "带" NAME "看样板间", &error), >, 0);
  g_assert_no_error (error);
  /* A sale with money: subscribed, signed, part paid. */
  {
    SrUnitColumn columns[1] = { { "三室两厅", 12050, 1600000 } };
    SrBuildingPlan plan = { "1号楼", 2, 0, 1, columns, 0, FALSE };
    gint64 project = sr_projects_add (admin, "隐私楼盘", NULL, &error);
    gint64 building = sr_buildings_create (admin, project, &plan, &error);
    g_autoptr(GPtrArray) units = sr_units_list (admin, building, &error);
    SrContractInput contract = { "HT-PIPL-1", TODAY, "one-off", "欧阳娜娜的丈夫", NULL };
    unit = ((SrUnit *) units->pdata[0])->id;
    booking = sr_units_request_subscription (gw, unit, customer, 5000000, "2026-12-20", &error);
    g_assert_no_error (error);
    g_assert_true (sr_db_get_int (db, &deal, NULL, "SELECT deal_id FROM bookings WHERE id = ?1", "i", booking));
    g_assert_true (sr_deals_confirm_deposit (fin, deal, 5000000, "transfer", TODAY, NULL, &error));
    g_assert_true (sr_deals_sign (ctl, deal, &contract, &error));
    g_assert_true (sr_deals_record_payment (fin, deal, 30000000, "card", TODAY, FALSE, NULL, &error));
    g_assert_no_error (error);
  }

  /* Where it came from. */
  {
    g_auto(SrDataSource) src = { 0 };
    g_assert_true (sr_privacy_source (admin, customer, &src, &error));
    g_assert_cmpstr (src.channel, ==, "Walk-in");
    g_assert_cmpstr (src.registered_by, ==, "jingli");
    g_assert_cmpint (src.erased_at, ==, 0);
  }

  /* Everything about her in one file: only the manager; valid JSON holding her. */
  g_assert_cmpint (sr_privacy_export (gw, customer, json_path, &error), ==, -1);
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED);
  g_clear_error (&error);
  {
    gint64 rows = sr_privacy_export (mgr, customer, json_path, &error), valid = 0;
    g_autofree char *data = NULL;
    g_assert_no_error (error);
    g_assert_cmpint (rows, >=, 10);
    g_assert_true (g_file_get_contents (json_path, &data, NULL, NULL));
    g_assert_true (sr_db_get_int (db, &valid, NULL, "SELECT json_valid (?1)", "t", data));
    g_assert_cmpint (valid, ==, 1);
    g_assert_nonnull (strstr (data, "\"customers\": ["));
    g_assert_nonnull (strstr (data, "\"customer_phones\": ["));
    g_assert_nonnull (strstr (data, "\"follow_ups\": ["));
    g_assert_nonnull (strstr (data, "\"receipts\": ["));
    g_assert_nonnull (strstr (data, PHONE));
    g_assert_nonnull (strstr (data, ID_CARD));
    g_assert_null (strstr (data, "13700001111"));   /* nobody else */
  }
  g_unlink (json_path);

  /* The erasure: only the manager, only with who asked, once. */
  before = figures (admin);
  found = where_found (db, PHONE);
  g_test_message ("before: the phone is in %s", found);
  g_assert_cmpstr (found, !=, "");
  g_clear_pointer (&found, g_free);
  found = where_found (db, NAME);
  g_test_message ("before: the name is in %s", found);
  g_assert_nonnull (strstr (found, "audit_log."));      /* the log holds her too, until now */
  g_clear_pointer (&found, g_free);
  g_assert_false (sr_privacy_erase (gw, customer, "客户本人", NULL, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (sr_privacy_erase (mgr, customer, "  ", NULL, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (sr_privacy_erase (mgr, customer, "客户本人（书面申请）", "不再购房，要求删除个人信息", &error));
  g_assert_no_error (error);
  g_assert_false (sr_privacy_erase (mgr, customer, "客户本人", NULL, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT);
  g_clear_error (&error);

  /* Nothing of her anywhere: no table, no audit row, not in the file's bytes. */
  {
    const char *strings[] = { NAME, PINYIN, PHONE, "139-1234-8765", ID_CARD, "欧阳娜娜的丈夫" };
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
      {
        found = where_found (db, strings[i]);
        if (*found != '\0')
          g_error ("«%s» is still in %s", strings[i], found);
        g_clear_pointer (&found, g_free);
      }
    /* The file's bytes (a server's files are the server's: see sr-privacy.c). */
    if (!sr_db_is_server (db))
      {
        g_assert_true (sr_db_exec (db, "PRAGMA wal_checkpoint (TRUNCATE)", NULL));
        g_assert_false (file_holds (path, PHONE));
        g_assert_false (file_holds (path, NAME));
        g_assert_false (file_holds (path, ID_CARD));
        g_assert_false (file_holds (wal, PHONE));
      }
  }
  /* Every figure as it was; her sale, money and stage are still hers; others untouched. */
  after = figures (admin);
  g_assert_cmpstr (before, ==, after);
  {
    gint64 n = 0;
    g_assert_true (sr_db_get_int (db, &n, NULL, "SELECT count(*) FROM deals WHERE customer_id = ?1 AND state = 'signed'",
                                  "i", customer));
    g_assert_cmpint (n, ==, 1);
    g_assert_true (sr_db_get_int (db, &n, NULL, "SELECT count(*) FROM customer_phones WHERE customer_id = ?1", "i", other));
    g_assert_cmpint (n, ==, 1);
    if (!sr_db_is_server (db))
      {
        g_assert_true (sr_db_get_int (db, &n, NULL, "SELECT count(*) FROM pragma_foreign_key_check", ""));
        g_assert_cmpint (n, ==, 0);
      }
  }
  {
    g_autoptr(SrCustomer) c = sr_customers_get (mgr, customer, &error);
    g_auto(SrDataSource) src = { 0 };
    g_assert_no_error (error);
    g_assert_true (g_str_has_prefix (c->name, "Erased customer "));
    g_assert_cmpuint (g_strv_length (c->phones), ==, 0);
    g_assert_true (sr_privacy_source (admin, customer, &src, &error));
    g_assert_cmpint (src.erased_at, >, 0);
    g_assert_cmpstr (src.channel, ==, "Walk-in");      /* where it came from stays */
  }
  /* Who asked and who approved are kept, without her details. */
  {
    gint64 n = 0;
    g_assert_true (sr_db_get_int (db, &n, NULL, "SELECT count(*) FROM erasures WHERE customer_id = ?1 AND done = 1 "
                                  "AND approved_by = ?2 AND asked_by = '客户本人（书面申请）'", "ii", customer,
                                  sr_test_staff_id (mgr)));
    g_assert_cmpint (n, ==, 1);
    g_assert_true (sr_db_get_int (db, &n, NULL, "SELECT count(*) FROM audit_log WHERE action = 'erase' AND row_id = ?1",
                                  "i", customer));
    g_assert_cmpint (n, ==, 1);
  }
  /* Outside an erasure the audit log is append-only still. */
  g_assert_false (sr_db_exec (db, "UPDATE audit_log SET after_json = 'x' WHERE id = 1", &error));
  g_clear_error (&error);

  g_clear_object (&mgr);
  g_clear_object (&gw);
  g_clear_object (&fin);
  g_clear_object (&ctl);
  sr_test_context_finish (g_steal_pointer (&admin));
}

static void
test_retention (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_PROPERTY);
  g_autoptr(SrContext) mgr = sr_test_context_as (admin, "jingli", SR_ROLE_MANAGER);
  SrDb *db = sr_context_get_db (admin);
  g_autoptr(GError) error = NULL;
  gint64 ids[3];
  const char *names[] = { "老线索甲", "新线索乙", "有交易丙" };

  for (int i = 0; i < 3; i++)
    {
      g_autofree char *phone = g_strdup_printf ("1360000000%d", i);
      const char *phones[] = { phone, NULL };
      SrCustomerInput in = { names[i], NULL, "call", 0, NULL, 0, phones, FALSE, 0 };
      ids[i] = sr_customers_add (mgr, &in, &error);
      g_assert_no_error (error);
    }
  /* Lost 40 days ago, 10 days ago, and 40 days ago with a deal. */
  g_assert_true (sr_db_run (db, NULL, "UPDATE customers SET stage_id = (SELECT id FROM stages WHERE kind = 'lost'), "
                            "stage_at = ?2 WHERE id IN (?1, ?3)", "iii", ids[0], sr_context_now (admin) - 40 * 86400, ids[2]));
  g_assert_true (sr_db_run (db, NULL, "UPDATE customers SET stage_id = (SELECT id FROM stages WHERE kind = 'lost'), "
                            "stage_at = ?2 WHERE id = ?1", "ii", ids[1], sr_context_now (admin) - 10 * 86400));
  g_assert_true (sr_db_run (db, NULL, "INSERT INTO deals (customer_id, kind, state, list_price_fen, discount_fen, "
                            "created_at) VALUES (?1, 'design', 'cancelled', 0, 0, 0)", "i", ids[2]));
  /* No retention period set: nothing happens. */
  g_assert_cmpint (sr_privacy_sweep_lost (admin, 50, &error), ==, 0);
  g_assert_true (sr_settings_set (admin, "privacy.lost_retention_days", "30", &error));
  g_assert_cmpint (sr_privacy_sweep_lost (admin, 50, &error), ==, 1);
  g_assert_no_error (error);
  {
    g_autofree char *a = NULL;
    g_autoptr(SrCustomer) x = sr_customers_get (mgr, ids[0], NULL);
    g_autoptr(SrCustomer) y = sr_customers_get (mgr, ids[1], NULL);
    g_autoptr(SrCustomer) z = sr_customers_get (mgr, ids[2], NULL);
    g_assert_true (g_str_has_prefix (x->name, "Erased customer "));
    g_assert_cmpstr (y->name, ==, "新线索乙");
    g_assert_cmpstr (z->name, ==, "有交易丙");
    a = where_found (db, "老线索甲");
    g_assert_cmpstr (a, ==, "");
  }
  /* Once is enough. */
  g_assert_cmpint (sr_privacy_sweep_lost (admin, 50, &error), ==, 0);
  g_clear_object (&mgr);
  sr_test_context_finish (g_steal_pointer (&admin));
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/privacy/export-and-erase", test_export_and_erase);
  g_test_add_func ("/privacy/retention", test_retention);
  return g_test_run ();
}
