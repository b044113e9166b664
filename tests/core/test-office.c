/* The office set-up, stage presets, media sources, projects/buildings/units, money,
 * and the demo generator. */
#include "config.h"

#include <locale.h>

#include "common/sr-test-util.h"
#include "core/sr-audit.h"
#include "core/sr-demo.h"
#include "core/sr-error.h"
#include "core/sr-media.h"
#include "core/sr-money.h"
#include "core/sr-stages.h"
#include "core/sr-units.h"

static void
assert_stage_kinds (SrOfficeKind kind,
                    const char  *expected)
{
  g_autoptr(SrContext) ctx = sr_test_context_new (kind);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) stages = sr_stages_list (ctx, TRUE, &error);
  g_autoptr(GString) kinds = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < stages->len; i++)
    {
      SrStage *s = g_ptr_array_index (stages, i);
      g_string_append_printf (kinds, "%s%s", i ? " " : "", sr_stage_kind_get_code (s->kind));
    }
  g_assert_cmpstr (kinds->str, ==, expected);
  sr_test_context_finish (g_steal_pointer (&ctx));
}

static void
test_presets (void)
{
  assert_stage_kinds (SR_OFFICE_PROPERTY,
                      "contact qualify custom subscribe sign paid moved-in lost");
  assert_stage_kinds (SR_OFFICE_DECORATION,
                      "contact measure plan subscribe custom sign construct construct custom lost");
  assert_stage_kinds (SR_OFFICE_HOUSEKEEPING,
                      "contact measure plan custom custom sign trial custom lost");
  g_assert_true (sr_stage_kind_has_event (SR_STAGE_SUBSCRIBE));
  g_assert_true (sr_stage_kind_has_event (SR_STAGE_LOST));
  g_assert_false (sr_stage_kind_has_event (SR_STAGE_MEASURE));
}

static void
test_office_once (void)
{
  g_autoptr(SrContext) ctx = sr_test_context_new (SR_OFFICE_DECORATION);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  SrOfficeKind kind;

  g_assert_cmpint (sr_office_create (ctx, "第二个", SR_OFFICE_PROPERTY, "x", "X", "password1", &error), ==, 0);
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_true (sr_office_get (ctx, &name, &kind, &error));
  g_assert_cmpstr (name, ==, "测试售楼处");
  g_assert_cmpint (kind, ==, SR_OFFICE_DECORATION);
  g_assert_false (sr_office_kind_has_units (kind));

  g_assert_false (sr_office_rename (ctx, "   ", &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (sr_office_rename (ctx, " 新名字 ", &error));
  g_clear_pointer (&name, g_free);
  g_assert_true (sr_office_get (ctx, &name, NULL, &error));
  g_assert_cmpstr (name, ==, "新名字");

  g_assert_cmpint (sr_settings_get_int (ctx, "ownership.lapse_days", 7), ==, 7);
  g_assert_true (sr_settings_set (ctx, "ownership.lapse_days", "10", &error));
  g_assert_cmpint (sr_settings_get_int (ctx, "ownership.lapse_days", 7), ==, 10);
  sr_test_context_finish (g_steal_pointer (&ctx));
}

static void
test_first_run_fails_whole (void)
{
  g_autofree char *dir = sr_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "o.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SrDb) db = sr_db_open (path, SR_DB_OPEN_CREATE, &error);
  g_autoptr(SrContext) ctx = sr_context_new (db, NULL);
  gboolean exists = TRUE;
  gint64 n = -1;

  /* A bad administrator name: nothing of the office is left behind. */
  g_assert_cmpint (sr_office_create (ctx, "某售楼处", SR_OFFICE_PROPERTY, "", "管理员", "password1", &error), ==, 0);
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (sr_office_create (ctx, "某售楼处", SR_OFFICE_PROPERTY, "bad login", "管理员",
                                     "password1", &error), ==, 0);
  g_clear_error (&error);
  g_assert_true (sr_office_exists (ctx, &exists, &error));
  g_assert_false (exists);
  g_assert_true (sr_db_query_int (db, "SELECT count(*) FROM stages", &n, &error));
  g_assert_cmpint (n, ==, 0);
  g_assert_null (sr_context_get_session (ctx));
  g_clear_object (&ctx);
  g_clear_object (&db);
  sr_test_remove_tree (dir);
}

static void
test_ordered_lists (void)
{
  g_autoptr(SrContext) ctx = sr_test_context_new (SR_OFFICE_PROPERTY);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) media = sr_media_list (ctx, FALSE, &error);
  g_autoptr(GPtrArray) after = NULL;
  SrMediaSource *first, *second;
  gint64 id;

  g_assert_cmpuint (media->len, ==, 9);
  first = g_ptr_array_index (media, 0);
  second = g_ptr_array_index (media, 1);
  g_assert_cmpstr (first->name, ==, "Newspaper");

  id = sr_media_add (ctx, "抖音", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sr_media_add (ctx, " 抖音 ", &error), ==, 0);
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (sr_media_rename (ctx, id, first->name, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_true (sr_media_rename (ctx, id, "抖音短视频", &error));

  g_assert_true (sr_media_move (ctx, second->id, -1, &error));
  g_assert_true (sr_media_move (ctx, second->id, -1, &error)); /* already first: no-op */
  g_assert_true (sr_media_set_disabled (ctx, first->id, TRUE, &error));
  after = sr_media_list (ctx, FALSE, &error);
  g_assert_cmpuint (after->len, ==, 9);
  g_assert_cmpint (((SrMediaSource *) g_ptr_array_index (after, 0))->id, ==, second->id);
  g_assert_cmpstr (((SrMediaSource *) g_ptr_array_index (after, 8))->name, ==, "抖音短视频");
  g_clear_pointer (&after, g_ptr_array_unref);
  after = sr_media_list (ctx, TRUE, &error);
  g_assert_cmpuint (after->len, ==, 10);

  /* Stages: rename, deadline. */
  {
    g_autoptr(GPtrArray) stages = sr_stages_list (ctx, FALSE, &error);
    SrStage *s = g_ptr_array_index (stages, 1);
    g_assert_true (sr_stages_rename (ctx, s->id, "意向客户", &error));
    g_assert_true (sr_stages_set_deadline (ctx, s->id, 48, &error));
    g_assert_false (sr_stages_set_deadline (ctx, s->id, -1, &error));
    g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
    g_clear_error (&error);
    g_clear_pointer (&stages, g_ptr_array_unref);
    stages = sr_stages_list (ctx, FALSE, &error);
    s = g_ptr_array_index (stages, 1);
    g_assert_cmpstr (s->name, ==, "意向客户");
    g_assert_cmpint (s->deadline_hours, ==, 48);
    /* Stages code moves customers into stay in use. */
    s = g_ptr_array_index (stages, 0);
    g_assert_false (sr_stages_set_disabled (ctx, s->id, TRUE, &error));
    g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT);
    g_clear_error (&error);
    s = g_ptr_array_index (stages, stages->len - 1);
    g_assert_cmpint (s->kind, ==, SR_STAGE_LOST);
    g_assert_false (sr_stages_set_disabled (ctx, s->id, TRUE, &error));
    g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT);
    g_clear_error (&error);
    s = g_ptr_array_index (stages, 2);
    g_assert_true (sr_stages_set_disabled (ctx, s->id, TRUE, &error));
    g_assert_no_error (error);
  }
  sr_test_context_finish (g_steal_pointer (&ctx));
}

static void
test_building_creation (void)
{
  g_autoptr(SrContext) ctx = sr_test_context_new (SR_OFFICE_PROPERTY);
  g_autoptr(GError) error = NULL;
  const SrUnitColumn columns[] = {
    { "三室两厅", 12850, 1200000 },  /* 128.50 m² at ¥12,000.00 */
    { "两室一厅", 8936, 1150000 },
  };
  SrBuildingPlan plan = { "1号楼", 18, 2, 2, columns, 5000, FALSE };
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GPtrArray) buildings = NULL;
  gint64 project, building, n = 0;
  SrUnit *top = NULL;

  project = sr_projects_add (ctx, "翠湖天地", "湖滨路 88 号", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sr_projects_add (ctx, "翠湖天地", NULL, &error), ==, 0);
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT);
  g_clear_error (&error);

  building = sr_buildings_create (ctx, project, &plan, &error);
  g_assert_no_error (error);
  units = sr_units_list (ctx, building, &error);
  g_assert_cmpuint (units->len, ==, 18 * 2 * 2);
  /* Sorted by entrance, top floor first. */
  top = g_ptr_array_index (units, 0);
  g_assert_cmpstr (top->entrance, ==, "1");
  g_assert_cmpint (top->floor, ==, 18);
  g_assert_cmpstr (top->number, ==, "1801");
  g_assert_cmpstr (top->unit_type, ==, "三室两厅");
  g_assert_cmpint (top->area_centi, ==, 12850);
  /* 128.50 × (12,000 + 17 × 50) = 1,651,225 yuan → whole yuan */
  g_assert_cmpint (top->price_fen, ==, 165122500);
  g_assert_cmpint (top->status, ==, SR_UNIT_AVAILABLE);

  /* The grid's filter: every bound inclusive, zero for none. */
  {
    SrUnitFilter f = { 0 };
    guint n_match;
#define COUNT_MATCHING(filter) \
    G_STMT_START { n_match = 0; \
      for (guint i = 0; i < units->len; i++) \
        n_match += sr_unit_filter_matches (&(filter), g_ptr_array_index (units, i)); } G_STMT_END

    g_assert_true (sr_unit_filter_is_empty (&f));
    COUNT_MATCHING (f);
    g_assert_cmpuint (n_match, ==, 72);
    f.unit_type = "两室一厅";
    g_assert_false (sr_unit_filter_is_empty (&f));
    COUNT_MATCHING (f);
    g_assert_cmpuint (n_match, ==, 36);
    f.unit_type = "";
    g_assert_true (sr_unit_filter_is_empty (&f));
    f.area_min_centi = f.area_max_centi = 12850;
    COUNT_MATCHING (f);
    g_assert_cmpuint (n_match, ==, 36);
    f.area_max_centi = 12849;
    COUNT_MATCHING (f);
    g_assert_cmpuint (n_match, ==, 0);
    f.area_min_centi = f.area_max_centi = 0;
    f.price_min_fen = top->price_fen;     /* only the 18th floor's three-room units */
    COUNT_MATCHING (f);
    g_assert_cmpuint (n_match, ==, 2);
    f.price_min_fen = 0;
    f.price_max_fen = top->price_fen - 100;
    COUNT_MATCHING (f);
    g_assert_cmpuint (n_match, ==, 70);
    f.price_max_fen = 0;
    f.status_mask = 1u << SR_UNIT_HELD;
    COUNT_MATCHING (f);
    g_assert_cmpuint (n_match, ==, 0);
    f.status_mask |= 1u << SR_UNIT_AVAILABLE;
    COUNT_MATCHING (f);
    g_assert_cmpuint (n_match, ==, 72);
#undef COUNT_MATCHING
  }

  /* Same name twice in one project: refused, nothing added. */
  g_assert_cmpint (sr_buildings_create (ctx, project, &plan, &error), ==, 0);
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT);
  g_clear_error (&error);
  /* Bad plans. */
  plan.name = "2号楼";
  plan.floors = 0;
  g_assert_cmpint (sr_buildings_create (ctx, project, &plan, &error), ==, 0);
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);
  plan.floors = 3;
  g_assert_cmpint (sr_buildings_create (ctx, 9999, &plan, &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (sr_db_query_int (sr_context_get_db (ctx), "SELECT count(*) FROM units", &n, NULL));
  g_assert_cmpint (n, ==, 72);

  buildings = sr_buildings_list (ctx, project, &error);
  g_assert_cmpuint (buildings->len, ==, 1);
  g_assert_cmpint (((SrBuilding *) g_ptr_array_index (buildings, 0))->n_units, ==, 72);

  /* Edit a unit: price history kept. */
  g_assert_true (sr_units_update (ctx, top->id, "三室两厅", 12850, 170000000, "调价", &error));
  g_assert_no_error (error);
  g_assert_true (sr_db_query_int (sr_context_get_db (ctx), "SELECT count(*) FROM unit_prices", &n, NULL));
  g_assert_cmpint (n, ==, 1);
  g_assert_false (sr_units_update (ctx, top->id, "三室两厅", 0, 170000000, NULL, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);
  /* A booked unit's price stays. */
  g_assert_true (sr_db_exec (sr_context_get_db (ctx), "UPDATE units SET status = 'signed' WHERE number = '1801' AND entrance = '1'", &error));
  g_assert_false (sr_units_update (ctx, top->id, "三室两厅", 12850, 1, NULL, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT);
  sr_test_context_finish (g_steal_pointer (&ctx));
}

static void
test_money (void)
{
  static const struct { SrFen fen; const char *text; } formats[] = {
    { 0, "¥0.00" }, { 5, "¥0.05" }, { 123456789, "¥1,234,567.89" }, { 100000, "¥1,000.00" },
    { -1200, "-¥12.00" }, { 99999999999900, "¥999,999,999,999.00" },
  };
  static const struct { const char *text; SrFen fen; gboolean ok; } parses[] = {
    { "12345", 1234500, TRUE }, { "12345.6", 1234560, TRUE }, { "12,345.67", 1234567, TRUE },
    { "¥12,345.67", 1234567, TRUE }, { "￥100", 10000, TRUE }, { "0.01", 1, TRUE },
    { "1.234", 0, FALSE }, { "abc", 0, FALSE }, { "", 0, FALSE }, { "1.2.3", 0, FALSE },
    { "-5", -500, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *s = sr_money_format (formats[i].fen);
      g_assert_cmpstr (s, ==, formats[i].text);
    }
  for (guint i = 0; i < G_N_ELEMENTS (parses); i++)
    {
      g_autoptr(GError) error = NULL;
      SrFen fen = 0;
      gboolean ok = sr_money_parse (parses[i].text, &fen, &error);
      g_assert_cmpint (ok, ==, parses[i].ok);
      if (ok)
        g_assert_cmpint (fen, ==, parses[i].fen);
      else
        g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
    }
  {
    gint64 centi = 0;
    g_autofree char *s = sr_area_format (8936);
    g_assert_cmpstr (s, ==, "89.36");
    g_assert_true (sr_area_parse ("89.5", &centi, NULL));
    g_assert_cmpint (centi, ==, 8950);
    g_assert_false (sr_area_parse ("0", &centi, NULL));
    g_assert_false (sr_area_parse ("-3", &centi, NULL));
  }
  g_assert_cmpint (sr_price_total (12850, 1200000), ==, 154200000);
  g_assert_cmpint (sr_price_total (8936, 1180000), ==, 105444800);
  g_assert_cmpint (sr_price_per_m2 (154200000, 12850), ==, 1200000);
}

static void
test_demo_deterministic (void)
{
  g_autofree char *dir = sr_test_tmp_dir ();
  char *sums[2] = { NULL, NULL };

  for (int round = 0; round < 2; round++)
    {
      g_autofree char *path = g_strdup_printf ("%s/demo%d.db", dir, round);
      g_autoptr(GError) error = NULL;
      g_autoptr(SrDb) db = sr_db_open (path, SR_DB_OPEN_CREATE, &error);
      g_autoptr(SrClock) clock = sr_clock_new_fixed (sr_day_start_unix ("2026-11-23") + 9 * 3600);
      g_autoptr(SrContext) ctx = sr_context_new (db, clock);
      SrDemoOptions options = { SR_OFFICE_PROPERTY, SR_DEMO_SMALL, 42, "2026-11-23" };
      SrDemoCounts counts;
      g_autoptr(SrStmt) stmt = NULL;
      g_autoptr(GString) digest = g_string_new (NULL);
      gint64 n = 0;

      g_assert_true (sr_demo_generate (ctx, &options, &counts, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (counts.n_customers, ==, 400);
      g_assert_cmpuint (counts.n_buildings, ==, 3);
      /* every role staffed */
      for (guint r = 0; r < SR_N_ROLES; r++)
        {
          g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM staff WHERE roles & %u", sr_role_from_index (r));
          g_assert_true (sr_db_query_int (db, sql, &n, &error));
          g_assert_cmpint (n, >, 0);
        }
      g_assert_true (sr_db_query_int (db, "SELECT count(DISTINCT phone) - count(*) FROM customer_phones", &n, &error));
      g_assert_cmpint (n, ==, 0);
      g_assert_true (sr_db_query_int (db, "SELECT count(*) FROM units WHERE status = 'held'", &n, &error));
      g_assert_cmpint (n, >, 0);
      g_assert_true (sr_db_query_int (db, "SELECT max(created_at) FROM customers", &n, &error));
      g_assert_cmpint (n, <=, sr_clock_now (clock) + 9 * 3600);

      stmt = sr_db_prepare (db, "SELECT c.name, p.phone, c.owner_id, c.created_at FROM customers c "
                            "JOIN customer_phones p ON p.customer_id = c.id ORDER BY p.id", &error);
      while (sr_stmt_step (stmt, &error) == SR_STEP_ROW)
        g_string_append_printf (digest, "%s|%s|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT "\n",
                                sr_stmt_get_text (stmt, 0), sr_stmt_get_text (stmt, 1),
                                sr_stmt_get_int (stmt, 2), sr_stmt_get_int (stmt, 3));
      sums[round] = g_compute_checksum_for_string (G_CHECKSUM_SHA256, digest->str, -1);

      /* A second demo into the same database is refused. */
      g_clear_pointer (&stmt, sr_stmt_done);
      g_assert_false (sr_demo_generate (ctx, &options, &counts, &error));
      g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT);
      /* and the demo accounts sign in */
      g_clear_error (&error);
      {
        g_autoptr(SrSession) s = sr_staff_sign_in (ctx, "zhangwei", SR_DEMO_PASSWORD, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (sr_session_get_roles (s), ==, SR_ROLE_CONSULTANT);
      }
    }
  g_assert_cmpstr (sums[0], ==, sums[1]);
  g_free (sums[0]);
  g_free (sums[1]);
  sr_test_remove_tree (dir);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/office/presets", test_presets);
  g_test_add_func ("/office/created-once", test_office_once);
  g_test_add_func ("/office/first-run-fails-whole", test_first_run_fails_whole);
  g_test_add_func ("/office/ordered-lists", test_ordered_lists);
  g_test_add_func ("/office/building-creation", test_building_creation);
  g_test_add_func ("/office/money", test_money);
  g_test_add_func ("/office/demo-deterministic", test_demo_deterministic);
  return g_test_run ();
}
