/* Bad input, catalogued: price-list files that are wrong in every way an office's files
 * are (tests/data/bad/), and what a person may type into the forms, through the core
 * functions the forms call. Each case asserts the message the person reads and that a
 * dump of the whole database is unchanged. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "common/sr-test-dump.h"
#include "common/sr-test-util.h"
#include "core/sr-appointments.h"
#include "core/sr-backups.h"
#include "core/sr-bookings.h"
#include "core/sr-clock.h"
#include "core/sr-customers.h"
#include "core/sr-deal-steps.h"
#include "core/sr-deals.h"
#include "core/sr-error.h"
#include "core/sr-follow-ups.h"
#include "core/sr-money.h"
#include "core/sr-phone.h"
#include "core/sr-price-list.h"
#include "core/sr-staff.h"
#include "core/sr-units.h"

#define TODAY SR_TEST_NOW_DAY

typedef struct {
  SrContext *admin, *mgr, *gw, *fin, *ctl;
  gint64 customer, unit, deal;
  const char *path;
} Office;

static Office office;
static guint cases_run;

static void
office_setup (void)
{
  g_autoptr(GError) error = NULL;
  const char *phones[] = { "13800138000", NULL };
  SrCustomerInput in = { "老客户", NULL, "walk-in", 0, NULL, 0, phones, FALSE, 0 };
  SrUnitColumn columns[1] = { { "三室两厅", 12050, 1600000 } };
  SrBuildingPlan plan = { "1号楼", 3, 0, 1, columns, 0, FALSE };
  SrContractInput contract = { "HT-BAD-1", TODAY, "one-off", NULL, NULL };
  gint64 project, building, booking;
  g_autoptr(GPtrArray) units = NULL;

  office.admin = sr_test_context_new (SR_OFFICE_PROPERTY);
  office.mgr = sr_test_context_as (office.admin, "jingli", SR_ROLE_MANAGER);
  office.gw = sr_test_context_as (office.admin, "guwen", SR_ROLE_CONSULTANT);
  office.fin = sr_test_context_as (office.admin, "caiwu", SR_ROLE_FINANCE);
  office.ctl = sr_test_context_as (office.admin, "xiaokong", SR_ROLE_SALES_CONTROLLER);
  office.path = sr_db_get_path (sr_context_get_db (office.admin));
  in.owner_id = sr_test_staff_id (office.gw);
  office.customer = sr_customers_add (office.mgr, &in, &error);
  g_assert_no_error (error);
  project = sr_projects_add (office.admin, "测试楼盘", NULL, &error);
  building = sr_buildings_create (office.admin, project, &plan, &error);
  units = sr_units_list (office.admin, building, &error);
  g_assert_no_error (error);
  office.unit = ((SrUnit *) units->pdata[0])->id;
  /* A signed sale with money still due, for the money cases. */
  booking = sr_units_request_subscription (office.gw, ((SrUnit *) units->pdata[1])->id, office.customer, 5000000,
                                           "2026-12-20", &error);
  g_assert_no_error (error);
  g_assert_true (sr_db_get_int (sr_context_get_db (office.admin), &office.deal, NULL,
                                "SELECT deal_id FROM bookings WHERE id = ?1", "i", booking));
  g_assert_true (sr_deals_confirm_deposit (office.fin, office.deal, 5000000, "transfer", TODAY, NULL, &error));
  g_assert_true (sr_deals_sign (office.ctl, office.deal, &contract, &error));
  g_assert_no_error (error);
}

/* Runs @run; it must be refused with @expected in the message, and change nothing. */
static void
expect_refused (const char *what,
                gboolean  (*run) (GError **error),
                const char *expected)
{
  g_autofree char *before = sr_test_dump (office.path);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  if (run (&error))
    g_error ("%s: accepted", what);
  if (error == NULL)
    g_error ("%s: refused without a message", what);
  if (strstr (error->message, expected) == NULL)
    g_error ("%s: «%s» does not say «%s»", what, error->message, expected);
  after = sr_test_dump (office.path);
  if (g_strcmp0 (before, after) != 0)
    g_error ("%s: the database changed", what);
  g_test_message ("%s → %s", what, error->message);
  cases_run++;
}

/* Imports ------------------------------------------------------------------------------ */

static const struct {
  const char *file;
  const char *expected;
} bad_files[] = {
  { "empty.csv", "The file is empty." },
  { "bom-only.csv", "The file is empty." },
  { "blank-lines.csv", "The file is empty." },
  { "header-only.csv", "The file has a header but no units." },
  { "missing-price-column.csv", "总价" },
  { "no-header.csv", "Line 1" },
  { "short-row.csv", "Line 2" },
  { "floor-not-a-number.csv", "Line 2" },
  { "area-text.csv", "Line 2" },
  { "negative-area.csv", "Line 2" },
  { "price-mismatch.csv", "Line 2" },
  { "unit-twice.csv", "Line 3" },
  { "gbk-header-utf8-rows.csv", "Line" },
  { "latin1.csv", "neither UTF-8 nor GB18030" },
  { "binary.csv", "" },
  { "nul-in-row.csv", "Line 2 holds a zero byte" },
  { "absurd-floor.csv", "Line 2" },
  { "absurd-price.csv", "Line 2" },
  { "unterminated-quote.csv", "Line 2" },
};

static const char *import_file;

static gboolean
import_it (GError **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "bad", import_file, NULL);
  g_autofree char *data = NULL;
  gsize len = 0;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SrPriceList) list = NULL;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  bytes = g_bytes_new (data, len);
  list = sr_price_list_parse (bytes, error);
  return list != NULL && sr_price_list_import (office.admin, list, "测试楼盘", FALSE, error);
}

static gboolean
import_huge_line (GError **error)
{
  /* A 100 MB line: a building name no office writes. */
  gsize n = 100 * 1024 * 1024;
  g_autoptr(GString) text = g_string_sized_new (n + 200);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SrPriceList) list = NULL;

  g_string_append (text, "楼栋,单元,楼层,房号,户型,建筑面积,单价,总价\n");
  for (gsize i = 0; i < n / 64; i++)
    g_string_append (text, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
  g_string_append (text, ",1单元,1,101,三室两厅,120.50,15000,1807500\n");
  bytes = g_bytes_new_take (text->str, text->len);
  g_string_free (g_steal_pointer (&text), FALSE);
  list = sr_price_list_parse (bytes, error);
  return list != NULL && sr_price_list_import (office.admin, list, "测试楼盘", FALSE, error);
}

static void
test_imports (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      import_file = bad_files[i].file;
      expect_refused (bad_files[i].file, import_it, bad_files[i].expected);
    }
  expect_refused ("a 100 MB line", import_huge_line, "Line 2 is longer than 65,536 characters");
}

/* Odd but acceptable files: an extra column is ignored; a formula as a building name is
 * kept as the text it is; a UTF-8 mark before GB18030 text (the text reads right). */
static void
test_imports_accepted (void)
{
  const char *files[] = { "extra-columns.csv", "formula-name.csv", "bom-then-gbk.csv" };
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", files[i], NULL);
      g_autofree char *data = NULL;
      gsize len = 0;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(SrPriceList) list = NULL;
      g_autoptr(GError) error = NULL;
      g_assert_true (g_file_get_contents (path, &data, &len, NULL));
      bytes = g_bytes_new (data, len);
      list = sr_price_list_parse (bytes, &error);
      g_assert_no_error (error);
      g_assert_true (sr_price_list_import (office.admin, list, "导入楼盘", TRUE, &error));
      g_assert_no_error (error);
      if (i == 1)
        g_assert_cmpstr (((SrPriceRow *) list->rows->pdata[0])->building, ==, "=HYPERLINK(\"http://x\",\"点我\")");
    }
}

/* Forms -------------------------------------------------------------------------------- */

static gboolean
add_named (const char *name,
           const char *phone,
           GError    **error)
{
  const char *phones[] = { phone, NULL };
  SrCustomerInput in = { name, NULL, "walk-in", 0, NULL, 0, phones, FALSE, 0 };
  return sr_customers_add (office.mgr, &in, error) > 0;
}

static gboolean long_name (GError **e) { g_autofree char *n = g_strnfill (5000, 'x'); return add_named (n, "13900000001", e); }
static gboolean long_cjk_name (GError **e)
{
  g_autoptr(GString) n = g_string_new (NULL);
  for (int i = 0; i < 5000; i++)
    g_string_append (n, "王");
  return add_named (n->str, "13900000002", e);
}
static gboolean control_name (GError **e) { return add_named ("王\x01\x02五", "13900000003", e); }
static gboolean blank_name (GError **e) { return add_named ("   ", "13900000004", e); }
static gboolean newline_name (GError **e) { return add_named ("王\n五", "13900000005", e); }
static gboolean short_phone (GError **e) { return add_named ("王五", "1380013", e); }
static gboolean twelve_digit_mobile (GError **e) { return add_named ("王五", "138001380001", e); }
static gboolean letters_phone (GError **e) { return add_named ("王五", "abcdefghijk", e); }
static gboolean same_phone (GError **e) { return add_named ("另一个人", "138-0013-8000", e); }
static gboolean bad_channel (GError **e)
{
  const char *phones[] = { "13900000006", NULL };
  SrCustomerInput in = { "王五", NULL, "carrier-pigeon", 0, NULL, 0, phones, FALSE, 0 };
  return sr_customers_add (office.mgr, &in, e) > 0;
}
static gboolean money_unit (GError **e) { SrFen f; return sr_money_parse ("12元", &f, e); }
static gboolean money_three_decimals (GError **e) { SrFen f; return sr_money_parse ("12.345", &f, e); }
static gboolean money_sign_only (GError **e) { SrFen f; return sr_money_parse ("¥", &f, e); }
static gboolean money_words (GError **e) { SrFen f; return sr_money_parse ("一百万", &f, e); }
static gboolean money_overflow (GError **e) { SrFen f; return sr_money_parse ("99999999999999999999", &f, e); }
static gboolean money_two_points (GError **e) { SrFen f; return sr_money_parse ("12.3.4", &f, e); }
static gboolean area_text (GError **e) { gint64 a; return sr_area_parse ("约90平", &a, e); }
static gboolean capital_above_max (GError **e) { g_autofree char *w = sr_money_to_chinese (G_GINT64_CONSTANT (1000000000000), e); return w != NULL; }
static gboolean pay_zero (GError **e) { return sr_deals_record_payment (office.fin, office.deal, 0, "card", TODAY, FALSE, NULL, e); }
static gboolean pay_negative (GError **e) { return sr_deals_record_payment (office.fin, office.deal, -100, "card", TODAY, FALSE, NULL, e); }
static gboolean pay_too_much (GError **e) { return sr_deals_record_payment (office.fin, office.deal, G_GINT64_CONSTANT (999999999999), "card", TODAY, FALSE, NULL, e); }
static gboolean pay_future (GError **e) { return sr_deals_record_payment (office.fin, office.deal, 100, "card", "2027-01-01", FALSE, NULL, e); }
static gboolean pay_bad_day (GError **e) { return sr_deals_record_payment (office.fin, office.deal, 100, "card", "2026-02-30", FALSE, NULL, e); }
static gboolean pay_cheque (GError **e) { return sr_deals_record_payment (office.fin, office.deal, 100, "cheque", TODAY, FALSE, NULL, e); }
static gboolean pay_by_consultant (GError **e) { return sr_deals_record_payment (office.gw, office.deal, 100, "card", TODAY, FALSE, NULL, e); }
static gboolean discount_above_price (GError **e) { return sr_deals_set_discount (office.mgr, office.deal, G_GINT64_CONSTANT (99999999999), "太多", e); }
static gboolean request_past_signing (GError **e) { return sr_units_request_subscription (office.gw, office.unit, office.customer, 5000000, "2020-01-01", e) > 0; }
static gboolean request_no_deposit (GError **e) { return sr_units_request_subscription (office.gw, office.unit, office.customer, 0, "2026-12-20", e) > 0; }
static gboolean request_bad_date (GError **e) { return sr_units_request_subscription (office.gw, office.unit, office.customer, 5000000, "2026-13-01", e) > 0; }
static gboolean request_missing_unit (GError **e) { return sr_units_request_subscription (office.gw, 999999, office.customer, 5000000, "2026-12-20", e) > 0; }
static gboolean follow_up_bad_next (GError **e) { return sr_follow_ups_add (office.gw, office.customer, 0, "回访", "2026-13-01", e) > 0; }
static gboolean follow_up_empty (GError **e) { return sr_follow_ups_add (office.gw, office.customer, 0, "   ", NULL, e) > 0; }
static gboolean appointment_past (GError **e) { return sr_appointments_add (office.gw, office.customer, sr_test_staff_id (office.gw), sr_context_now (office.gw) - 86400, 0, NULL, e) > 0; }
static gboolean staff_short_password (GError **e) { return sr_staff_add (office.admin, "xinren", "新人", SR_ROLE_CONSULTANT, "12345", e) > 0; }
static gboolean staff_password_is_login (GError **e) { return sr_staff_add (office.admin, "xinren", "新人", SR_ROLE_CONSULTANT, "XinRen", e) > 0; }
static gboolean staff_blank_login (GError **e) { return sr_staff_add (office.admin, "  ", "新人", SR_ROLE_CONSULTANT, "password1", e) > 0; }
static gboolean staff_taken_login (GError **e) { return sr_staff_add (office.admin, "guwen", "新人", SR_ROLE_CONSULTANT, "password1", e) > 0; }
static gboolean backups_keep_zero (GError **e) { return sr_backups_configure (office.admin, 0, NULL, e); }
static gboolean backups_relative_place (GError **e) { return sr_backups_configure (office.admin, 14, "u盘/备份", e); }

static const struct {
  const char *what;
  gboolean (*run) (GError **error);
  const char *expected;
} form_cases[] = {
  { "a 5,000-character name", long_name, "name" },
  { "a 5,000-character Chinese name", long_cjk_name, "name" },
  { "control characters in a name", control_name, "control characters" },
  { "a name of spaces", blank_name, "name" },
  { "a line break in a name", newline_name, "line breaks" },
  { "a phone too short", short_phone, "1380013" },
  { "a 12-digit mobile", twelve_digit_mobile, "138001380001" },
  { "letters for a phone", letters_phone, "abcdefghijk" },
  { "the same phone twice", same_phone, "老客户" },
  { "an unknown channel", bad_channel, "Choose how the customer came" },
  { "money with a unit", money_unit, "12元" },
  { "money with three decimals", money_three_decimals, "12.345" },
  { "a ¥ sign alone", money_sign_only, "¥" },
  { "money in words", money_words, "一百万" },
  { "money beyond any sum", money_overflow, "99999999999999999999" },
  { "money with two points", money_two_points, "12.3.4" },
  { "an area in words", area_text, "约90平" },
  { "capital numerals above the maximum", capital_above_max, "9,999,999,999.99" },
  { "a payment of nothing", pay_zero, "" },
  { "a negative payment", pay_negative, "" },
  { "a payment larger than what is due", pay_too_much, "due" },
  { "a payment dated next year", pay_future, "2027-01-01" },
  { "a payment on 30 February", pay_bad_day, "YYYY-MM-DD" },
  { "a payment by cheque", pay_cheque, "Choose how the money was paid" },
  { "a payment recorded by a consultant", pay_by_consultant, "may not" },
  { "a discount above the price", discount_above_price, "" },
  { "a signing date in the past", request_past_signing, "2020-01-01" },
  { "a subscription without a deposit", request_no_deposit, "deposit" },
  { "a signing date in month 13", request_bad_date, "YYYY-MM-DD" },
  { "a unit that does not exist", request_missing_unit, "" },
  { "a follow-up due in month 13", follow_up_bad_next, "2026-13-01" },
  { "an empty follow-up", follow_up_empty, "" },
  { "an appointment yesterday", appointment_past, "" },
  { "a password of five characters", staff_short_password, "6 characters" },
  { "a password that is the sign-in name", staff_password_is_login, "sign-in name" },
  { "a sign-in name of spaces", staff_blank_login, "" },
  { "a sign-in name taken", staff_taken_login, "guwen" },
  { "no daily backups kept", backups_keep_zero, "1 and 365" },
  { "a second place that is not a whole path", backups_relative_place, "whole folder path" },
};

static void
test_forms (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (form_cases); i++)
    expect_refused (form_cases[i].what, form_cases[i].run, form_cases[i].expected);
}

/* Acceptable oddities: an emoji in a name is kept exactly; phones as people write them. */
static void
test_forms_accepted (void)
{
  g_autoptr(GError) error = NULL;
  const char *phones[] = { "+86 139 0000 0099", NULL };
  SrCustomerInput in = { "王五😀", NULL, "walk-in", 0, NULL, 0, phones, FALSE, 0 };
  gint64 id = sr_customers_add (office.mgr, &in, &error);
  g_autoptr(SrCustomer) c = NULL;

  g_assert_no_error (error);
  c = sr_customers_get (office.mgr, id, &error);
  g_assert_cmpstr (c->name, ==, "王五😀");
  g_assert_cmpstr (c->phones[0], ==, "13900000099");
}

static void
test_count (void)
{
  g_test_message ("%u bad-input cases, each refused with its message and the database unchanged", cases_run);
  g_print ("# bad input: %u cases refused with a clear message, the database unchanged by each\n", cases_run);
  g_assert_cmpuint (cases_run, >=, 50);
}

int
main (int argc, char *argv[])
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  office_setup ();
  g_test_add_func ("/bad-input/imports", test_imports);
  g_test_add_func ("/bad-input/imports-accepted", test_imports_accepted);
  g_test_add_func ("/bad-input/forms", test_forms);
  g_test_add_func ("/bad-input/forms-accepted", test_forms_accepted);
  g_test_add_func ("/bad-input/count", test_count);
  status = g_test_run ();
  g_clear_object (&office.mgr);
  g_clear_object (&office.gw);
  g_clear_object (&office.fin);
  g_clear_object (&office.ctl);
  sr_test_context_finish (office.admin);
  return status;
}
