/* The confirmation slip and the cost sheet as PDF pages: what is on them, and that a
 * slip needs somebody to have the unit booked. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "common/sr-test-util.h"
#include "core/sr-bookings.h"
#include "core/sr-customers.h"
#include "core/sr-deal-steps.h"
#include "core/sr-deals.h"
#include "core/sr-error.h"
#include "core/sr-units.h"
#include "registers/sr-slips.h"

/* The text of a PDF, or NULL when pdftotext is not installed. */
static char *
pdf_text (const char *path)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr(GError) error = NULL;
  const char *argv[] = { NULL, "-layout", path, "-", NULL };
  char *out = NULL;

  if (pdftotext == NULL)
    return NULL;
  argv[0] = pdftotext;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, NULL, &error));
  g_assert_no_error (error);
  return out;
}

static void
keep (const char     *name,
      SrPageDrawFunc  draw,
      gpointer        data)
{
  /* SR_TEST_OUTPUT_DIR keeps a copy to look at. */
  if (g_getenv ("SR_TEST_OUTPUT_DIR") != NULL)
    {
      g_autofree char *path = g_build_filename (g_getenv ("SR_TEST_OUTPUT_DIR"), name, NULL);
      g_assert_true (sr_page_write_pdf (path, SR_A4_WIDTH, SR_A4_HEIGHT, draw, data, NULL));
    }
}

static void
test_slips (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_PROPERTY);
  g_autoptr(SrContext) gw = sr_test_context_as (admin, "guwen", SR_ROLE_CONSULTANT);
  g_autoptr(SrContext) mgr = sr_test_context_as (admin, "jingli", SR_ROLE_MANAGER);
  g_autoptr(GError) error = NULL;
  g_autoptr(SrConfirmationSlip) slip = NULL;
  g_autoptr(SrCostSheetPage) sheet = NULL;
  g_autofree char *dir = sr_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "slip.pdf", NULL);
  g_autofree char *text = NULL;
  /* The words are checked in English (the suite runs with LANGUAGE=en). */
  gboolean english = g_str_has_prefix (g_getenv ("LANGUAGE") != NULL ? g_getenv ("LANGUAGE") : "en", "en");
  SrUnitColumn column = { "两室两厅", 8936, 1200000 };
  SrBuildingPlan plan = { "3号楼", 12, 0, 1, &column, 0, FALSE };
  gint64 project = sr_projects_add (admin, "翠湖天地", NULL, &error);
  gint64 building = sr_buildings_create (admin, project, &plan, &error);
  g_autoptr(GPtrArray) units = sr_units_list (admin, building, &error);
  gint64 unit = ((SrUnit *) units->pdata[0])->id;   /* 1201 */
  const char *phones[] = { "13912345678", NULL };
  SrCustomerInput in = { "王芳", NULL, "walk-in", 0, NULL, sr_test_staff_id (gw), phones, FALSE, 0 };
  gint64 customer = sr_customers_add (mgr, &in, &error);

  g_assert_no_error (error);
  g_assert_null (sr_confirmation_slip_new (gw, unit, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (sr_units_request_subscription (gw, unit, customer, 5000000, "2026-12-01", &error), >, 0);
  slip = sr_confirmation_slip_new (gw, unit, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (slip->customer, ==, "王芳");
  g_assert_cmpstr (slip->phone, ==, "13912345678");   /* the consultant's own customer */
  g_assert_cmpstr (slip->unit_label, ==, "翠湖天地 3号楼 1201");
  g_assert_cmpstr (slip->deposit, ==, "¥50,000.00");
  g_assert_true (sr_page_write_pdf (path, SR_A4_WIDTH, SR_A4_HEIGHT, sr_confirmation_slip_draw, slip, &error));
  keep ("slip.pdf", sr_confirmation_slip_draw, slip);
  text = pdf_text (path);
  if (text != NULL && english)
    {
      g_assert_nonnull (strstr (text, "Unit Confirmation Slip"));
      g_assert_nonnull (strstr (text, "王芳"));
      g_assert_nonnull (strstr (text, "¥1,072,320.00"));
      g_assert_nonnull (strstr (text, "2026-12-01"));
    }
  g_clear_pointer (&text, g_free);

  sheet = sr_cost_sheet_page_new (gw, unit, &error);
  g_assert_no_error (error);
  g_assert_true (sr_page_write_pdf (path, SR_A4_WIDTH, SR_A4_HEIGHT, sr_cost_sheet_page_draw, sheet, &error));
  keep ("cost-sheet.pdf", sr_cost_sheet_page_draw, sheet);
  text = pdf_text (path);
  if (text != NULL && english)
    {
      g_autofree char *monthly = sr_money_format (sheet->sheet->columns[2].monthly_fen);
      g_assert_nonnull (strstr (text, "Cost Sheet"));
      g_assert_nonnull (strstr (text, "Provident-fund"));
      g_assert_nonnull (strstr (text, monthly));
    }
  g_clear_object (&gw);
  g_clear_object (&mgr);
  sr_test_remove_tree (dir);
}

typedef struct {
  SrPriceListPrint *print;
  guint page;
} OnePage;

static void
draw_one_page (cairo_t  *cr,
               double    width,
               double    height,
               gpointer  data)
{
  OnePage *one = data;
  sr_price_list_print_draw_page (cr, width, height, one->page, one->print);
}

/* The inspection checklist needs a sold unit; the full price list is the controller's
 * and the manager's only, page by page. */
static void
test_inspection_and_price_list (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_PROPERTY);
  g_autoptr(SrContext) ctl = sr_test_context_as (admin, "xiaokong", SR_ROLE_SALES_CONTROLLER);
  g_autoptr(SrContext) fin = sr_test_context_as (admin, "caiwu", SR_ROLE_FINANCE);
  g_autoptr(SrContext) gw = sr_test_context_as (admin, "guwen", SR_ROLE_CONSULTANT);
  g_autoptr(GError) error = NULL;
  g_autoptr(SrInspectionSheet) sheet = NULL;
  g_autoptr(SrPriceListPrint) print = NULL;
  g_autofree char *dir = sr_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "page.pdf", NULL);
  g_autofree char *text = NULL;
  gboolean english = g_str_has_prefix (g_getenv ("LANGUAGE") != NULL ? g_getenv ("LANGUAGE") : "en", "en");
  SrUnitColumn column = { "两室两厅", 8936, 1200000 };
  SrBuildingPlan plan = { "8号楼", 40, 0, 1, &column, 0, FALSE };   /* 40 units: two pages */
  gint64 project = sr_projects_add (admin, "翠湖天地", NULL, &error);
  gint64 building = sr_buildings_create (admin, project, &plan, &error);
  g_autoptr(GPtrArray) units = sr_units_list (admin, building, &error);
  gint64 unit = ((SrUnit *) units->pdata[0])->id;
  const char *phones[] = { "13912345670", NULL };
  SrCustomerInput in = { "赵业主", NULL, "walk-in", 0, NULL, 0, phones, FALSE, 0 };
  gint64 customer, booking, deal = 0;
  OnePage one;

  g_assert_null (sr_inspection_sheet_new (ctl, unit, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  {
    g_autoptr(SrContext) mgr = sr_test_context_as (admin, "jingli", SR_ROLE_MANAGER);
    customer = sr_customers_add (mgr, &in, &error);
  }
  booking = sr_units_request_subscription (ctl, unit, customer, 5000000, "2026-12-31", &error);
  g_assert_true (sr_db_get_int (sr_context_get_db (admin), &deal, NULL, "SELECT deal_id FROM bookings WHERE id = ?1",
                                "i", booking));
  g_assert_true (sr_deals_confirm_deposit (fin, deal, 5000000, "cash", SR_TEST_NOW_DAY, NULL, &error));
  g_assert_no_error (error);
  sheet = sr_inspection_sheet_new (ctl, unit, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sheet->owner, ==, "赵业主");
  g_assert_true (sr_page_write_pdf (path, SR_A4_WIDTH, SR_A4_HEIGHT, sr_inspection_sheet_draw, sheet, &error));
  keep ("inspection.pdf", sr_inspection_sheet_draw, sheet);
  text = pdf_text (path);
  if (text != NULL && english)
    {
      g_assert_nonnull (strstr (text, "Inspection Checklist"));
      g_assert_nonnull (strstr (text, "赵业主"));
      g_assert_nonnull (strstr (text, "Bathroom waterproofing"));
    }
  g_clear_pointer (&text, g_free);

  g_assert_null (sr_price_list_print_new (gw, building, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED);
  g_clear_error (&error);
  print = sr_price_list_print_new (ctl, building, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sr_price_list_print_n_pages (print), ==, 2);
  one = (OnePage) { print, 1 };
  g_assert_true (sr_page_write_pdf (path, SR_A4_WIDTH, SR_A4_HEIGHT, draw_one_page, &one, &error));
  one.page = 0;
  keep ("price-list.pdf", draw_one_page, &one);
  text = pdf_text (path);
  if (text != NULL && english)
    {
      g_assert_nonnull (strstr (text, "Price List"));
      g_assert_nonnull (strstr (text, "page 2 of 2"));
      g_assert_nonnull (strstr (text, "¥1,072,320.00"));
      g_assert_null (strstr (text, "4001"));   /* the top floor is on page 1 */
    }
  /* The payoff certificate: refused while money is due, printed once it is all paid. */
  {
    g_autoptr(SrPayoffCertificate) cert = NULL;
    SrContractInput contract = { "HT-P1", SR_TEST_NOW_DAY, "one-off", NULL, NULL };
    SrFen due = 0;
    g_assert_true (sr_deals_sign (ctl, deal, &contract, &error));
    g_assert_null (sr_payoff_certificate_new (fin, deal, &error));
    g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT);
    g_clear_error (&error);
    g_assert_true (sr_deals_due (fin, deal, &due, &error));
    g_assert_true (sr_deals_record_payment (fin, deal, due, "transfer", SR_TEST_NOW_DAY, FALSE, NULL, &error));
    cert = sr_payoff_certificate_new (fin, deal, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (cert->lines->len, ==, 2);
    g_assert_cmpstr (cert->price_capital, ==, "壹佰零柒万贰仟叁佰贰拾元整");
    g_assert_true (sr_page_write_pdf (path, SR_A4_WIDTH, SR_A4_HEIGHT, sr_payoff_certificate_draw, cert, &error));
    keep ("payoff.pdf", sr_payoff_certificate_draw, cert);
    g_clear_pointer (&text, g_free);
    text = pdf_text (path);
    if (text != NULL && english)
      g_assert_nonnull (strstr (text, "Payoff Certificate"));
  }
  g_clear_object (&ctl);
  g_clear_object (&fin);
  g_clear_object (&gw);
  sr_test_remove_tree (dir);
}

/* A receipt and a refund slip with the amount in capital numerals. */
static void
test_receipts (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_PROPERTY);
  g_autoptr(SrContext) fin = sr_test_context_as (admin, "caiwu", SR_ROLE_FINANCE);
  g_autoptr(SrContext) mgr = sr_test_context_as (admin, "jingli", SR_ROLE_MANAGER);
  g_autoptr(GError) error = NULL;
  g_autoptr(SrReceiptSlip) slip = NULL;
  g_autofree char *dir = sr_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "receipt.pdf", NULL);
  g_autofree char *text = NULL;
  gboolean english = g_str_has_prefix (g_getenv ("LANGUAGE") != NULL ? g_getenv ("LANGUAGE") : "en", "en");
  const char *phones[] = { "13912345679", NULL };
  SrCustomerInput in = { "孙女士", NULL, "walk-in", 0, NULL, 0, phones, FALSE, 0 };
  gint64 customer = sr_customers_add (mgr, &in, &error);
  gint64 deal = sr_intention_take (fin, customer, 1020005, "wechat", SR_TEST_NOW_DAY, NULL, &error);
  gint64 receipt = 0;

  g_assert_no_error (error);
  g_assert_true (sr_db_get_int (sr_context_get_db (admin), &receipt, NULL, "SELECT id FROM receipts WHERE deal_id = ?1",
                                "i", deal));
  slip = sr_receipt_slip_new (fin, receipt, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (slip->capital, ==, "壹万零贰佰元零伍分");
  g_assert_cmpstr (slip->number, ==, "2026-00001");
  g_assert_true (slip->conditions[0] != '\0');   /* intention money prints the refund conditions */
  g_assert_true (sr_page_write_pdf (path, SR_A4_WIDTH, SR_A4_HEIGHT, sr_receipt_slip_draw, slip, &error));
  keep ("receipt.pdf", sr_receipt_slip_draw, slip);
  text = pdf_text (path);
  if (text != NULL && english)
    {
      g_assert_nonnull (strstr (text, "Receipt"));
      g_assert_nonnull (strstr (text, "壹万零贰佰元零伍分"));
      g_assert_nonnull (strstr (text, "¥10,200.05"));
      g_assert_nonnull (strstr (text, "孙女士"));
    }
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&slip, sr_receipt_slip_free);

  /* Paid back in full: a refund slip under its own number. */
  g_assert_true (sr_intention_refund (fin, deal, "transfer", SR_TEST_NOW_DAY, "客户放弃", NULL, &error));
  g_assert_true (sr_db_get_int (sr_context_get_db (admin), &receipt, NULL,
                                "SELECT id FROM receipts WHERE deal_id = ?1 AND kind = 'refund'", "i", deal));
  slip = sr_receipt_slip_new (fin, receipt, &error);
  g_assert_no_error (error);
  if (english)
    g_assert_cmpstr (slip->title, ==, "Refund Slip");
  g_assert_cmpstr (slip->number, ==, "2026-00002");
  g_assert_true (sr_page_write_pdf (path, SR_A4_WIDTH, SR_A4_HEIGHT, sr_receipt_slip_draw, slip, &error));
  keep ("refund.pdf", sr_receipt_slip_draw, slip);
  text = pdf_text (path);
  if (text != NULL && english)
    g_assert_nonnull (strstr (text, "Refund Slip"));
  g_assert_null (sr_payoff_certificate_new (fin, deal, &error));   /* no contract */
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_null (sr_receipt_slip_new (fin, 999, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_NOT_FOUND);
  g_clear_object (&fin);
  g_clear_object (&mgr);
  sr_test_remove_tree (dir);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  /* The translation from the build, so SR_TEST_OUTPUT_DIR pages can be looked at in Chinese. */
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/slips/confirmation-and-cost-sheet", test_slips);
  g_test_add_func ("/slips/inspection-and-price-list", test_inspection_and_price_list);
  g_test_add_func ("/slips/receipts", test_receipts);
  return g_test_run ();
}
