/* The daily sales report: what counts as sold and when, the groups and bands, against a
 * hand-counted office. */
#include "config.h"

#include <locale.h>

#include "common/sr-test-util.h"
#include "core/sr-bookings.h"
#include "core/sr-customers.h"
#include "core/sr-deals.h"
#include "core/sr-error.h"
#include "core/sr-sales-report.h"
#include "core/sr-supply-demand.h"
#include "core/sr-units.h"

static SrSalesLine *
line (SrSalesReport *r,
      guint          section,
      const char    *label)
{
  SrSalesSection *s = g_ptr_array_index (r->sections, section);
  for (guint i = 0; i < s->lines->len; i++)
    {
      SrSalesLine *l = g_ptr_array_index (s->lines, i);
      if (g_strcmp0 (l->label, label) == 0)
        return l;
    }
  g_error ("no line %s in %s", label, s->title);
  return NULL;
}

static gint64
sell (SrContext  *ctl,
      SrContext  *fin,
      gint64      unit,
      gint64      customer,
      const char *day)
{
  g_autoptr(GError) error = NULL;
  gint64 booking = sr_units_request_subscription (ctl, unit, customer, 5000000, "2026-12-31", &error);
  gint64 deal = 0;

  g_assert_no_error (error);
  g_assert_true (sr_db_get_int (sr_context_get_db (ctl), &deal, NULL, "SELECT deal_id FROM bookings WHERE id = ?1",
                                "i", booking));
  g_assert_true (sr_deals_confirm_deposit (fin, deal, 5000000, "cash", day, NULL, &error));
  g_assert_no_error (error);
  return deal;
}

static void
test_report (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_PROPERTY);
  g_autoptr(SrContext) ctl = sr_test_context_as (admin, "xiaokong", SR_ROLE_SALES_CONTROLLER | SR_ROLE_MANAGER);
  g_autoptr(SrContext) fin = sr_test_context_as (admin, "caiwu", SR_ROLE_FINANCE);
  g_autoptr(GError) error = NULL;
  g_autoptr(SrSalesReport) r = NULL;
  g_autoptr(GPtrArray) units = NULL;
  /* 3 floors × 2 units: 89.36 m² at ¥12,000/m² (¥1,072,320) and 120.50 m² at ¥16,000/m²
   * (¥1,928,000), ¥0 a floor more. */
  SrUnitColumn columns[2] = { { "两室", 8936, 1200000 }, { "三室", 12050, 1600000 } };
  SrBuildingPlan plan = { "1号楼", 3, 0, 2, columns, 0, FALSE };
  gint64 project = sr_projects_add (admin, "翠湖", NULL, &error);
  gint64 building = sr_buildings_create (admin, project, &plan, &error);
  gint64 c[5], deal;
  SrContractInput contract = { "HT-1", SR_TEST_NOW_DAY, "one-off", NULL, NULL };

  g_assert_no_error (error);
  units = sr_units_list (admin, building, &error);   /* 301, 302, 201, 202, 101, 102 */
  for (guint i = 0; i < G_N_ELEMENTS (c); i++)
    {
      g_autofree char *phone = g_strdup_printf ("1380000000%u", i);
      const char *phones[] = { phone, NULL };
      SrCustomerInput in = { "客户", NULL, "walk-in", 0, NULL, 0, phones, FALSE, 0 };
      c[i] = sr_customers_add (ctl, &in, &error);
      g_assert_no_error (error);
    }
  /* Yesterday: 101 (两室), signed today at a discount. Today: 302 (三室). A sale
   * cancelled today (201) and a request waiting for finance (202) do not count. */
  deal = sell (ctl, fin, ((SrUnit *) units->pdata[4])->id, c[0], "2026-11-22");
  g_assert_true (sr_deals_set_discount (ctl, deal, 1072320, "团购", &error));
  g_assert_true (sr_deals_sign (ctl, deal, &contract, &error));
  g_assert_no_error (error);
  sell (ctl, fin, ((SrUnit *) units->pdata[1])->id, c[1], SR_TEST_NOW_DAY);
  deal = sell (ctl, fin, ((SrUnit *) units->pdata[2])->id, c[2], SR_TEST_NOW_DAY);
  g_assert_true (sr_deals_cancel (ctl, deal, "放弃", 0, &error));
  g_assert_cmpint (sr_units_request_subscription (ctl, ((SrUnit *) units->pdata[3])->id, c[3], 5000000,
                                                  "2026-12-31", &error), >, 0);

  r = sr_sales_report_new (admin, SR_TEST_NOW_DAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (r->total.total_units, ==, 2);
  g_assert_cmpint (r->total.total_area_centi, ==, 8936 + 12050);
  g_assert_cmpint (r->total.total_fen, ==, (107232000 - 1072320) + 192800000);
  g_assert_cmpuint (r->total.today_units, ==, 1);
  g_assert_cmpint (r->total.today_fen, ==, 192800000);
  g_assert_cmpuint (r->total.available_units, ==, 3);   /* 301, 201 (free again), 102 */
  g_assert_cmpuint (r->sections->len, ==, 5);
  g_assert_cmpuint (line (r, 0, "翠湖 1号楼")->total_units, ==, 2);
  g_assert_cmpuint (line (r, 1, "两室")->total_units, ==, 1);
  g_assert_cmpuint (line (r, 1, "三室")->today_units, ==, 1);
  g_assert_cmpuint (line (r, 2, "under 90 m²")->total_units, ==, 1);
  g_assert_cmpuint (line (r, 2, "120–144 m²")->total_units, ==, 1);
  g_assert_cmpuint (line (r, 2, "144 m² and over")->total_units, ==, 0);
  g_assert_cmpuint (line (r, 3, "below floor 6")->total_units, ==, 2);
  g_assert_cmpuint (line (r, 4, "150–200 ×10k ¥")->total_units, ==, 1);
  g_assert_cmpuint (line (r, 4, "100–150 ×10k ¥")->total_units, ==, 1);
  g_clear_pointer (&r, sr_sales_report_free);

  /* The day before: only yesterday's sale, at the price it has now. */
  r = sr_sales_report_new (admin, "2026-11-22", &error);
  g_assert_cmpuint (r->total.total_units, ==, 1);
  g_assert_cmpuint (r->total.today_units, ==, 1);
  g_clear_pointer (&r, sr_sales_report_free);

  /* The office's own bands. */
  g_assert_true (sr_settings_set (admin, "report.area_bands", "100", &error));
  r = sr_sales_report_new (admin, SR_TEST_NOW_DAY, &error);
  g_assert_cmpuint (((SrSalesSection *) r->sections->pdata[2])->lines->len, ==, 2);
  g_assert_cmpuint (line (r, 2, "100 m² and over")->total_units, ==, 1);
  g_clear_pointer (&r, sr_sales_report_free);

  g_assert_null (sr_sales_report_new (admin, "2026-13-01", &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
}

/* Demand beside supply: intention customers by grade, type and wanted area, next to the
 * units for sale and withheld. */
static void
test_supply_demand (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_PROPERTY);
  g_autoptr(SrContext) ctl = sr_test_context_as (admin, "xiaokong", SR_ROLE_SALES_CONTROLLER | SR_ROLE_MANAGER);
  g_autoptr(GError) error = NULL;
  g_autoptr(SrSupplyDemand) sd = NULL;
  SrUnitColumn columns[2] = { { "两室", 8936, 1200000 }, { "三室", 12050, 1600000 } };
  SrBuildingPlan plan = { "1号楼", 2, 0, 2, columns, 0, FALSE };
  gint64 project = sr_projects_add (admin, "翠湖", NULL, &error);
  gint64 building = sr_buildings_create (admin, project, &plan, &error);
  g_autoptr(GPtrArray) units = sr_units_list (admin, building, &error);   /* 201, 202, 101, 102 */
  struct { const char *grade, *type, *area; } people[] = {
    { "A", "两室", "90-120" }, { "B", "两室", "80" }, { "A", "三室", "约130平" }, { NULL, NULL, NULL },
  };
  gint64 ids[G_N_ELEMENTS (people)];

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autofree char *phone = g_strdup_printf ("1390000000%u", i);
      const char *phones[] = { phone, NULL };
      SrCustomerInput in = { "客户", NULL, "walk-in", 0, people[i].grade, 0, phones, FALSE, 0 };
      g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
      ids[i] = sr_customers_add (ctl, &in, &error);
      g_assert_no_error (error);
      if (people[i].type != NULL)
        {
          g_hash_table_insert (values, "intention_unit_type", (gpointer) people[i].type);
          g_hash_table_insert (values, "intention_area", (gpointer) people[i].area);
          g_assert_true (sr_customers_update_details (ctl, ids[i], values, &error));
          g_assert_no_error (error);
        }
    }
  /* 101 withheld; the second 两室 customer asks for 201: no longer demand. */
  g_assert_true (sr_units_hold (ctl, ((SrUnit *) units->pdata[2])->id, &error));
  g_assert_cmpint (sr_units_request_subscription (ctl, ((SrUnit *) units->pdata[0])->id, ids[1], 5000000,
                                                  "2026-12-31", &error), >, 0);

  sd = sr_supply_demand_new (admin, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sd->by_type->len, ==, 3);   /* 三室, 两室, (not said) */
  for (guint i = 0; i < sd->by_type->len; i++)
    {
      SrSupplyLine *l = g_ptr_array_index (sd->by_type, i);
      if (g_strcmp0 (l->label, "两室") == 0)
        {
          g_assert_cmpuint (l->demand[SR_DEMAND_A], ==, 1);
          g_assert_cmpuint (l->demand[SR_DEMAND_B], ==, 0);
          g_assert_cmpuint (l->available, ==, 0);
          g_assert_cmpuint (l->held, ==, 1);
        }
      else if (g_strcmp0 (l->label, "三室") == 0)
        {
          g_assert_cmpuint (l->demand[SR_DEMAND_A], ==, 1);
          g_assert_cmpuint (l->available, ==, 2);
        }
      else
        {
          g_assert_cmpstr (l->label, ==, "(not said)");
          g_assert_cmpuint (l->demand[SR_DEMAND_UNGRADED], ==, 1);
        }
    }
  /* Areas: 90–120 wants 1 (105 m²), 120–144 wants 1 (130), not said 1. */
  g_assert_cmpuint (((SrSupplyLine *) sd->by_area->pdata[1])->demand[SR_DEMAND_A], ==, 1);
  g_assert_cmpuint (((SrSupplyLine *) sd->by_area->pdata[2])->demand[SR_DEMAND_A], ==, 1);
  g_assert_cmpuint (((SrSupplyLine *) sd->by_area->pdata[2])->available, ==, 2);   /* 120.50 m² */
  g_assert_cmpuint (((SrSupplyLine *) sd->by_area->pdata[4])->demand[SR_DEMAND_UNGRADED], ==, 1);

  g_assert_cmpint (sr_wanted_area_parse ("90-120"), ==, 105);
  g_assert_cmpint (sr_wanted_area_parse ("90～120平"), ==, 105);
  g_assert_cmpint (sr_wanted_area_parse ("约100平"), ==, 100);
  g_assert_cmpint (sr_wanted_area_parse ("大一点"), ==, 0);
  g_assert_cmpint (sr_wanted_area_parse (NULL), ==, 0);
}

static void
test_bands_parse (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ok = sr_sales_bands_parse (" 90, 120 ,144", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (ok->len, ==, 3);
  g_assert_cmpint (g_array_index (ok, gint64, 1), ==, 120);
  g_assert_null (sr_sales_bands_parse ("120,90", &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (sr_sales_bands_parse ("90,,120", &error));
  g_clear_error (&error);
  g_assert_null (sr_sales_bands_parse ("ninety", &error));
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sales-report/report", test_report);
  g_test_add_func ("/sales-report/bands-parse", test_bands_parse);
  g_test_add_func ("/sales-report/supply-demand", test_supply_demand);
  return g_test_run ();
}
