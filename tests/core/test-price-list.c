/* Price-list import: encodings and headers, every refusal with its line, all or
 * nothing, re-import updating prices with history, booked units protected. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "common/sr-test-util.h"
#include "core/sr-bookings.h"
#include "core/sr-customers.h"
#include "core/sr-error.h"
#include "core/sr-price-list.h"
#include "core/sr-units.h"

#define HEADER "楼栋,单元,楼层,房号,户型,建筑面积,单价,总价\n"

static SrPriceList *
parse (const char  *text,
       gsize        len,
       GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, len != 0 ? len : strlen (text));
  return sr_price_list_parse (bytes, error);
}

/* The message of a refused file: it names the line. */
static void
assert_refused (const char *text,
                const char *line_and_reason)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SrPriceList) list = NULL;

  g_test_message ("expecting: %s", line_and_reason);
  list = parse (text, 0, &error);
  g_assert_null (list);
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_test_message ("%s", error->message);
  if (strstr (error->message, line_and_reason) == NULL)
    g_error ("“%s” does not say “%s”", error->message, line_and_reason);
}

static void
test_parse (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SrPriceList) list = NULL;
  g_autofree char *gbk = NULL;
  gsize gbk_len = 0;
  const char *utf8 = HEADER
                     "1号楼,1,1,101,两室两厅,89.36,\"12,000.00\",\"1,072,320\"\n"
                     "\n"
                     "1号楼,1,2,201,三室两厅,120.50,,1928000\n";
  SrPriceRow *row;

  list = parse (utf8, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->rows->len, ==, 2);
  row = g_ptr_array_index (list->rows, 0);
  g_assert_cmpstr (row->building, ==, "1号楼");
  g_assert_cmpstr (row->entrance, ==, "1");
  g_assert_cmpint (row->floor, ==, 1);
  g_assert_cmpint (row->area_centi, ==, 8936);
  g_assert_cmpint (row->total_fen, ==, 107232000);
  row = g_ptr_array_index (list->rows, 1);
  g_assert_cmpuint (row->line, ==, 4);   /* the blank line counts */
  g_clear_pointer (&list, sr_price_list_free);

  /* With a BOM, as Excel's "CSV UTF-8" saves it. */
  {
    g_autofree char *bom = g_strconcat ("\xef\xbb\xbf", utf8, NULL);
    list = parse (bom, 0, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (list->rows->len, ==, 2);
    g_clear_pointer (&list, sr_price_list_free);
  }
  /* GB18030, as Chinese Excel saves plain "CSV". */
  gbk = g_convert (utf8, -1, "GB18030", "UTF-8", NULL, &gbk_len, &error);
  g_assert_no_error (error);
  g_assert_false (g_utf8_validate (gbk, (gssize) gbk_len, NULL));
  list = parse (gbk, gbk_len, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((SrPriceRow *) g_ptr_array_index (list->rows, 1))->unit_type, ==, "三室两厅");
  g_clear_pointer (&list, sr_price_list_free);
  /* English headers in another order, without the optional columns; CRLF endings. */
  list = parse ("Total Price,Floor,Number,Building,Area\r\n1500000,3,301,A,100.00\r\n", 0, &error);
  g_assert_no_error (error);
  row = g_ptr_array_index (list->rows, 0);
  g_assert_cmpstr (row->building, ==, "A");
  g_assert_cmpstr (row->entrance, ==, "");
  g_assert_cmpint (row->total_fen, ==, 150000000);
  g_clear_pointer (&list, sr_price_list_free);
  /* A per-m² price within ¥1 of total ÷ area is fine (12,000 × 89.36 = 1,072,320). */
  list = parse (HEADER "1号楼,,1,101,,89.36,12000.99,1072320\n", 0, &error);
  g_assert_no_error (error);
  g_clear_pointer (&list, sr_price_list_free);

  assert_refused ("", "empty");
  assert_refused (HEADER, "no units");
  assert_refused ("楼栋,楼层,房号,建筑面积\n1号楼,1,101,89.36\n", "Line 1: there is no column 总价");
  assert_refused (HEADER "1号楼,1,1,101,两室,89.36\n", "Line 2: the row has 6 fields");
  assert_refused (HEADER "1号楼,1,一,101,两室,89.36,,1072320\n", "Line 2: the floor");
  assert_refused (HEADER "1号楼,1,1,101,两室,-89.36,,1072320\n", "Line 2: the area");
  assert_refused (HEADER "1号楼,1,1,101,两室,89.36,,一百万\n", "Line 2: the total price");
  assert_refused (HEADER "1号楼,1,1,101,两室,89.36,12002,1072320\n", "Line 2: the price per m² ¥12,002.00 does not match");
  assert_refused (HEADER "1号楼,1,1,,两室,89.36,,1072320\n", "Line 2: 房号 (number) is empty");
  assert_refused (HEADER "1号楼,1,1,101,两室,89.36,,1072320\n"
                         "1号楼,2,1,101,两室,89.36,,1072320\n"
                         "1号楼,1,1,101,两室,89.36,,1072320\n", "Line 4: unit 1号楼 1-101 is in the file twice (first on line 2)");
  assert_refused ("楼栋,楼层,房号,建筑面积,总价\n\"1号楼,1,101,89.36,1\n", "Line 2: a quoted field is not closed");
  assert_refused ("\xff\xfe\x00\x00", "neither UTF-8 nor GB18030");
}

static gint64
count (SrContext *ctx, const char *sql)
{
  gint64 n = -1;
  g_assert_true (sr_db_query_int (sr_context_get_db (ctx), sql, &n, NULL));
  return n;
}

static void
test_import (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_PROPERTY);
  g_autoptr(SrContext) ctl = sr_test_context_as (admin, "xiaokong", SR_ROLE_SALES_CONTROLLER);
  g_autoptr(SrContext) gw = sr_test_context_as (admin, "guwen", SR_ROLE_CONSULTANT);
  g_autoptr(SrContext) mgr = sr_test_context_as (admin, "jingli", SR_ROLE_MANAGER);
  g_autoptr(GError) error = NULL;
  g_autoptr(SrPriceList) list = NULL;
  const char *first = HEADER
                      "1号楼,1,1,101,两室两厅,89.36,12000,1072320\n"
                      "1号楼,1,2,201,两室两厅,89.36,,1082320\n"
                      "2号楼,,1,101,三室两厅,120.50,,1928000\n";
  gint64 unit, customer;

  list = parse (first, 0, &error);
  g_assert_no_error (error);
  g_assert_false (sr_price_list_import (gw, list, "翠湖天地", FALSE, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED);
  g_clear_error (&error);
  /* A dry run counts and changes nothing. */
  g_assert_true (sr_price_list_import (ctl, list, "翠湖天地", TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (list->is_new_project);
  g_assert_cmpuint (list->n_new, ==, 3);
  g_assert_cmpuint (list->n_new_buildings, ==, 2);
  g_assert_cmpint (count (admin, "SELECT count(*) FROM units"), ==, 0);
  g_assert_cmpint (count (admin, "SELECT count(*) FROM projects"), ==, 0);
  g_assert_true (sr_price_list_import (ctl, list, "翠湖天地", FALSE, &error));
  g_assert_cmpint (count (admin, "SELECT count(*) FROM units"), ==, 3);
  g_assert_cmpint (count (admin, "SELECT floors FROM buildings WHERE name = '1号楼'"), ==, 2);
  g_assert_cmpint (count (admin, "SELECT count(*) FROM unit_prices"), ==, 3);
  g_clear_pointer (&list, sr_price_list_free);

  /* Book 1号楼 1-101. */
  unit = count (admin, "SELECT u.id FROM units u JOIN buildings b ON b.id = u.building_id "
                       "WHERE b.name = '1号楼' AND u.number = '101'");
  {
    const char *phones[] = { "13800000001", NULL };
    SrCustomerInput in = { "客户", NULL, "walk-in", 0, NULL, 0, phones, FALSE, 0 };
    customer = sr_customers_add (mgr, &in, &error);
    g_assert_no_error (error);
    g_assert_cmpint (sr_units_request_subscription (ctl, unit, customer, 5000000, "2026-12-01", &error), >, 0);
    g_assert_no_error (error);
  }

  /* Again, with 201's price up and a new unit: prices of free units change, with history. */
  list = parse (HEADER
                "1号楼,1,1,101,两室两厅,89.36,12000,1072320\n"
                "1号楼,1,2,201,两室两厅,89.36,,1100000\n"
                "1号楼,1,3,301,两室两厅,89.36,,1110000\n", 0, &error);
  g_assert_no_error (error);
  g_assert_true (sr_price_list_import (ctl, list, "翠湖天地", FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (list->is_new_project);
  g_assert_cmpuint (list->n_new, ==, 1);
  g_assert_cmpuint (list->n_changed, ==, 1);
  g_assert_cmpuint (list->n_unchanged, ==, 1);
  g_assert_cmpint (((SrPriceRow *) g_ptr_array_index (list->rows, 1))->old_total_fen, ==, 108232000);
  g_assert_cmpint (count (admin, "SELECT price_fen FROM units WHERE number = '201'"), ==, 110000000);
  g_assert_cmpint (count (admin, "SELECT count(*) FROM unit_prices"), ==, 5);
  g_assert_cmpint (count (admin, "SELECT floors FROM buildings WHERE name = '1号楼'"), ==, 3);
  g_clear_pointer (&list, sr_price_list_free);

  /* A changed price on the booked unit stops everything, earlier rows included. */
  list = parse (HEADER
                "1号楼,1,2,201,两室两厅,89.36,,1200000\n"
                "1号楼,1,1,101,两室两厅,89.36,,1000000\n", 0, &error);
  g_assert_no_error (error);
  g_assert_false (sr_price_list_import (ctl, list, "翠湖天地", FALSE, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Line 3"));
  g_assert_nonnull (strstr (error->message, "booked"));
  g_clear_error (&error);
  g_assert_cmpint (count (admin, "SELECT price_fen FROM units WHERE number = '201'"), ==, 110000000);
  g_assert_cmpint (count (admin, "SELECT u.price_fen FROM units u JOIN buildings b ON b.id = u.building_id WHERE b.name = '1号楼' AND u.number = '101'"), ==, 107232000);
  g_assert_cmpint (count (admin, "SELECT count(*) FROM unit_prices"), ==, 5);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/price-list/parse", test_parse);
  g_test_add_func ("/price-list/import", test_import);
  return g_test_run ();
}
