/* The overview's figures against a small office written by hand, each number worked out
 * beside its row. */
#include "config.h"

#include <locale.h>

#include "common/sr-test-util.h"
#include "core/sr-error.h"
#include "core/sr-overview.h"

static gint64
moment (const char *day,
        int         hour,
        int         minute)
{
  return sr_day_start_unix (day) + hour * 3600 + minute * 60;
}

static void
exec (SrDb       *db,
      const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_assert_true (sr_db_exec (db, sql, &error));
  g_assert_no_error (error);
}

static SrFigure *
find (GPtrArray  *rows,
      const char *label)
{
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (((SrFigure *) rows->pdata[i])->label, label) == 0)
      return rows->pdata[i];
  g_error ("no row %s", label);
  return NULL;
}

static void
test_figures (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_PROPERTY);
  g_autoptr(SrContext) a = sr_test_context_as (admin, "zhang", SR_ROLE_CONSULTANT);
  g_autoptr(SrContext) b = sr_test_context_as (admin, "li", SR_ROLE_CONSULTANT);
  SrDb *db = sr_context_get_db (admin);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gint64 ida = sr_test_staff_id (a), idb = sr_test_staff_id (b);
  g_autofree char *sql = NULL;
  SrMoneyFigures money;

  sql = g_strdup_printf (
    "INSERT INTO media_sources (id, name, position) VALUES (901, '报纸M', 901), (902, '网络M', 902);"
    /* Contacts: in the days 21–23, two calls from 报纸M (09:30, 10:15), a visit from 网络M
     * at 10:45, a visit with no source at 14:00; a non-business call and one on the 20th
     * are left out. */
    "INSERT INTO contacts (kind, at, receiver_id, is_business, media_source_id, rule) VALUES "
    " ('call', %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 1, 901, 'x'), "
    " ('call', %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 1, 901, 'x'), "
    " ('visit', %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 1, 902, 'x'), "
    " ('visit', %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 1, NULL, 'x'), "
    " ('call', %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 0, 901, 'x'), "
    " ('call', %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 1, 901, 'x');"
    /* The rotation on the 23rd: A two new (one undone), one returning; B one new, one
     * out of turn. */
    "INSERT INTO rotation_events (id, day, grp, at, kind, staff_id) VALUES "
    " (9001, '2026-11-23', 'reception', 1, 'receive-new', %" G_GINT64_FORMAT "), "
    " (9002, '2026-11-23', 'reception', 2, 'receive-new', %" G_GINT64_FORMAT "), "
    " (9003, '2026-11-23', 'reception', 3, 'receive-returning', %" G_GINT64_FORMAT "), "
    " (9004, '2026-11-23', 'reception', 4, 'receive-new', %" G_GINT64_FORMAT "), "
    " (9005, '2026-11-23', 'reception', 5, 'out-of-turn', %" G_GINT64_FORMAT ");"
    "INSERT INTO rotation_events (day, grp, at, kind, staff_id, other_id) VALUES "
    " ('2026-11-23', 'reception', 6, 'undo', %" G_GINT64_FORMAT ", 9002);",
    moment ("2026-11-23", 9, 30), ida, moment ("2026-11-22", 10, 15), ida, moment ("2026-11-23", 10, 45), idb,
    moment ("2026-11-21", 14, 0), idb, moment ("2026-11-23", 9, 40), ida, moment ("2026-11-20", 9, 0), ida,
    ida, ida, ida, idb, idb, ida);
  exec (db, sql);
  g_clear_pointer (&sql, g_free);

  rows = sr_overview_contacts_by_media (admin, "2026-11-21", "2026-11-23", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpint (find (rows, "报纸M")->v[0], ==, 2);
  g_assert_cmpint (find (rows, "报纸M")->v[1], ==, 0);
  g_assert_cmpint (find (rows, "网络M")->v[1], ==, 1);
  g_assert_cmpint (find (rows, "—")->v[1], ==, 1);
  g_clear_pointer (&rows, g_ptr_array_unref);

  rows = sr_overview_contacts_list (admin, "2026-11-21", "2026-11-23", "报纸M", -1, 100, &error);
  g_assert_cmpuint (rows->len, ==, 2);          /* the 22nd's and the 23rd's, oldest first */
  g_assert_true (g_str_has_prefix (((SrFigure *) rows->pdata[0])->label, "2026-11-22 10:15"));
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = sr_overview_contacts_list (admin, "2026-11-21", "2026-11-23", NULL, 14, 100, &error);
  g_assert_cmpuint (rows->len, ==, 1);
  g_clear_pointer (&rows, g_ptr_array_unref);

  rows = sr_overview_contacts_by_hour (admin, "2026-11-21", "2026-11-23", &error);
  g_assert_cmpuint (rows->len, ==, 24);
  g_assert_cmpint (find (rows, "09")->v[0], ==, 1);     /* 09:30; the 09:40 call was not business */
  g_assert_cmpint (find (rows, "10")->v[0], ==, 1);
  g_assert_cmpint (find (rows, "10")->v[1], ==, 1);
  g_assert_cmpint (find (rows, "14")->v[1], ==, 1);
  g_assert_cmpint (find (rows, "15")->v[0], ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);

  rows = sr_overview_receptions (admin, "2026-11-23", "2026-11-23", &error);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpint (find (rows, "zhang")->v[0], ==, 1);   /* the second was undone */
  g_assert_cmpint (find (rows, "zhang")->v[1], ==, 1);
  g_assert_cmpint (find (rows, "li")->v[0], ==, 1);
  g_assert_cmpint (find (rows, "li")->v[2], ==, 1);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Units, sales and money: building B1 with two for sale, one withheld, one reserved,
   * one subscribed (89.36 m², ¥1,000,000 on the 22nd) and one signed (120.50 m²,
   * ¥1,500,000, subscribed on the 23rd). The signed sale's plan: ¥1,000 due on the 10th
   * (¥500 paid on the 5th, ¥300 on the 22nd), ¥2,000 due on the 22nd (unpaid), ¥3,000 on
   * 1 December. */
  exec (db,
    "INSERT INTO projects (id, name) VALUES (1, '测试楼盘');"
    "INSERT INTO buildings (id, project_id, name, floors) VALUES (1, 1, 'B1', 6);"
    "INSERT INTO units (id, building_id, floor, number, area_centi, price_fen, status) VALUES "
    " (1, 1, 1, '101', 8936, 100000000, 'available'), (2, 1, 1, '102', 8936, 100000000, 'available'), "
    " (3, 1, 2, '201', 8936, 100000000, 'held'), (4, 1, 2, '202', 8936, 100000000, 'reserved'), "
    " (5, 1, 3, '301', 8936, 100000000, 'subscribed'), (6, 1, 3, '302', 12050, 150000000, 'signed');"
    "INSERT INTO customers (id, name, channel, created_at, occupation) VALUES "
    " (701, '甲', 'call', 1, '教师'), (702, '乙', 'call', 1, '教师'), (703, '丙', 'call', 1, NULL);"
    "INSERT INTO deals (id, customer_id, kind, unit_id, state, list_price_fen, price_fen, subscribed_on, created_at) VALUES "
    " (801, 701, 'unit', 5, 'subscribed', 100000000, NULL, '2026-11-22', 1), "
    " (802, 702, 'unit', 6, 'signed', 150000000, 150000000, '2026-11-23', 1), "
    " (803, 703, 'unit', NULL, 'voided', 100000000, NULL, NULL, 1);"
    "INSERT INTO plan_items (id, deal_id, kind, due_day, amount_fen) VALUES "
    " (1, 802, 'deposit', '2026-11-10', 100000), (2, 802, 'balance', '2026-11-22', 200000), "
    " (3, 802, 'balance', '2026-12-01', 300000);"
    "INSERT INTO receipts (id, year, number, deal_id, kind, day, amount_fen, method, recorded_at) VALUES "
    " (1, 2026, 1, 802, 'payment', '2026-11-05', 50000, 'cash', 1), (2, 2026, 2, 802, 'payment', '2026-11-22', 30000, 'cash', 1);"
    "INSERT INTO receipt_allocations (receipt_id, plan_item_id, amount_fen) VALUES (1, 1, 50000), (2, 1, 30000);");
  rows = sr_overview_units_by_status (admin, &error);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpint (((SrFigure *) rows->pdata[0])->v[0], ==, 2);
  g_assert_cmpint (((SrFigure *) rows->pdata[0])->v[1], ==, 1);
  g_assert_cmpint (((SrFigure *) rows->pdata[0])->v[2], ==, 1);
  g_assert_cmpint (((SrFigure *) rows->pdata[0])->v[3], ==, 2);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = sr_overview_sales_per_day (admin, "2026-11-21", "2026-11-23", &error);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpint (find (rows, "2026-11-22")->v[1], ==, 8936);
  g_assert_cmpint (find (rows, "2026-11-22")->v[2], ==, 100000000);
  g_assert_cmpint (find (rows, "2026-11-23")->v[2], ==, 150000000);
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_assert_true (sr_overview_money (admin, "2026-11-21", "2026-11-23", &money, &error));
  g_assert_cmpint (money.planned_fen, ==, 200000);
  g_assert_cmpint (money.received_fen, ==, 30000);
  g_assert_cmpint (money.overdue_fen, ==, 20000 + 200000);
  /* As of the 21st the ¥300 had not come: ¥500 of the first item was overdue. */
  g_assert_true (sr_overview_money (admin, "2026-11-01", "2026-11-21", &money, &error));
  g_assert_cmpint (money.overdue_fen, ==, 50000);

  /* Media effect: 甲 and 乙 have no media source; 乙 subscribed on the 23rd and signed
   * (no signing day in the fixture), 甲 subscribed on the 22nd. */
  exec (db, "UPDATE customers SET media_source_id = 901 WHERE id = 702; UPDATE deals SET signed_on = '2026-11-23' WHERE id = 802;");
  rows = sr_overview_media_effect (admin, "2026-11-21", "2026-11-23", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpint (find (rows, "报纸M")->v[0], ==, 1);
  g_assert_cmpint (find (rows, "报纸M")->v[1], ==, 1);
  g_assert_cmpint (find (rows, "—")->v[0], ==, 1);
  g_assert_cmpint (find (rows, "—")->v[1], ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Owners by occupation: two teachers, one not filled in (the voided deal's customer is
   * no owner). */
  rows = sr_overview_owner_profile (admin, "occupation", &error);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpint (find (rows, "教师")->v[0], ==, 2);
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_assert_null (sr_overview_owner_profile (admin, "password_hash", &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);

  /* Problems on the 23rd: opened the 20th (<7 days), 1 October (53: 30–90), 1 June (>90);
   * one closed before is left out. */
  sql = g_strdup_printf ("INSERT INTO problems (customer_id, category, description, department, state, opened_at) VALUES "
                         " (701, 'engineering', 'a', '工程部', 'open', %" G_GINT64_FORMAT "), "
                         " (701, 'engineering', 'b', '工程部', 'proposed', %" G_GINT64_FORMAT "), "
                         " (701, 'engineering', 'c', '工程部', 'told', %" G_GINT64_FORMAT "), "
                         " (701, 'engineering', 'd', '工程部', 'closed', %" G_GINT64_FORMAT ");",
                         moment ("2026-11-20", 10, 0), moment ("2026-10-01", 10, 0), moment ("2026-06-01", 10, 0),
                         moment ("2026-11-01", 10, 0));
  exec (db, sql);
  rows = sr_overview_problems_by_age (admin, "2026-11-23", &error);
  g_assert_cmpuint (rows->len, ==, 4);
  g_assert_cmpint (find (rows, "<7")->v[0], ==, 1);
  g_assert_cmpint (find (rows, "7-30")->v[0], ==, 0);
  g_assert_cmpint (find (rows, "30-90")->v[0], ==, 1);
  g_assert_cmpint (find (rows, ">90")->v[0], ==, 1);
  g_clear_pointer (&rows, g_ptr_array_unref);

  g_clear_object (&a);
  g_clear_object (&b);
  sr_test_context_finish (g_steal_pointer (&admin));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/overview/figures", test_figures);
  return g_test_run ();
}
