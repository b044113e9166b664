/* The 23 registers written to Excel and PDF from the small demo offices, and read back:
 * the title block, the header, the print setup, typed cells, the totals (stored values
 * equal to the sums of the rows), the number of rows; the PDF's pages each with the
 * header. Who may read what, masked phones, the audit row, and a failed or cancelled
 * export leaving nothing behind. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "common/sr-test-util.h"
#include "core/sr-customers.h"
#include "core/sr-demo.h"
#include "core/sr-error.h"
#include "core/sr-registers.h"
#include "core/sr-overview.h"
#include "registers/sr-chart.h"
#include "registers/sr-register-file.h"
#include "registers/sr-day-sheet.h"
#include "registers/sr-slips.h"

static SrContext *
demo (SrOfficeKind kind)
{
  g_autofree char *dir = sr_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SrDb) db = sr_db_open (path, SR_DB_OPEN_CREATE, &error);
  SrContext *ctx;
  SrDemoOptions options = { kind, SR_DEMO_SMALL, 7, SR_TEST_NOW_DAY };
  g_autoptr(SrSession) session = sr_session_new_command_line ();

  g_assert_no_error (error);
  ctx = sr_context_new (db, NULL);
  sr_test_set_day (ctx, SR_TEST_NOW_DAY, 10);
  g_assert_true (sr_demo_generate (ctx, &options, NULL, &error));
  g_assert_no_error (error);
  sr_context_set_session (ctx, session);
  return ctx;
}

static const char *
kind_of (SrCellType type)
{
  switch (type)
    {
    case SR_CELL_MONEY: return "money";
    case SR_CELL_DATE: return "date";
    case SR_CELL_DATETIME: return "datetime";
    case SR_CELL_INT: case SR_CELL_AREA: case SR_CELL_PERCENT: return "number";
    default: return "text";
    }
}

/* What the read-back should find: the heads, the row count, the last sheet's totals. */
static char *
expectation (SrContext              *ctx,
             const SrRegister       *reg,
             const SrRegisterFilter *filter,
             guint                   rows)
{
  g_autoptr(SrRegisterCursor) cursor = sr_register_open (ctx, reg, filter, NULL);
  guint n = sr_register_get_n_columns (reg);
  g_autofree gint64 *sums = g_new0 (gint64, n);
  g_autofree char *group = NULL;
  GString *json = g_string_new ("{");
  guint read = 0;

  g_assert_nonnull (cursor);
  while (sr_register_cursor_next (cursor, NULL))
    {
      const char *g = sr_register_cursor_group (cursor);
      if (sr_register_get_grouping (reg) == SR_GROUP_SHEETS && g_strcmp0 (g, group) != 0)
        {
          memset (sums, 0, sizeof (gint64) * n);
          g_free (group);
          group = g_strdup (g);
        }
      for (guint c = 0; c < n; c++)
        if (sr_register_get_column (reg, c)->total && !sr_register_cursor_is_null (cursor, c))
          sums[c] += sr_register_cursor_int (cursor, c);
      read++;
    }
  g_assert_cmpuint (read, ==, rows);
  g_string_append_printf (json, "\"title\": \"%s\", \"rows\": %u, \"heads\": [", sr_register_get_title (reg), rows);
  for (guint c = 0; c < n; c++)
    g_string_append_printf (json, "%s\"%s\"", c > 0 ? ", " : "", sr_register_get_column (reg, c)->title);
  g_string_append (json, "], \"types\": {");
  for (guint c = 0; c < n; c++)
    g_string_append_printf (json, "%s\"%c\": \"%s\"", c > 0 ? ", " : "", 'A' + c, kind_of (sr_register_get_column (reg, c)->type));
  g_string_append (json, "}, \"totals\": {");
  for (guint c = 0, k = 0; rows > 0 && c < n; c++)
    {
      const SrRegisterColumn *col = sr_register_get_column (reg, c);
      if (!col->total)
        continue;
      g_string_append_printf (json, "%s\"%c\": %.2f", k++ > 0 ? ", " : "", 'A' + c,
                              col->type == SR_CELL_MONEY || col->type == SR_CELL_AREA ? sums[c] / 100.0 : (double) sums[c]);
    }
  g_string_append (json, "}}");
  return g_string_free (json, FALSE);
}

static char *
run (const char * const *argv,
     int                *out_status)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  *out_status = status;
  return out;
}

static void
check_register (SrContext        *ctx,
                const SrRegister *reg,
                const char       *dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *xlsx = g_strdup_printf ("%s/%s.xlsx", dir, sr_register_get_id (reg));
  g_autofree char *pdf = g_strdup_printf ("%s/%s.pdf", dir, sr_register_get_id (reg));
  g_autofree char *json_path = g_strdup_printf ("%s/%s.json", dir, sr_register_get_id (reg));
  g_autofree char *json = NULL;
  g_autofree char *checker = g_test_build_filename (G_TEST_DIST, "registers", "check-xlsx.py", NULL);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  SrRegisterFilter filter = { 0 };
  guint rows = 0, pdf_rows = 0;

  /* A year, so every register has rows to show. */
  filter.from_day = g_strdup ("2026-01-01");
  g_assert_true (sr_register_filter_check (reg, ctx, &filter, &error));
  g_assert_true (sr_register_export (ctx, reg, &filter, xlsx, NULL, NULL, NULL, &rows, &error));
  g_assert_no_error (error);
  json = expectation (ctx, reg, &filter, rows);
  g_assert_true (g_file_set_contents (json_path, json, -1, NULL));
  if (g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE))
    {
      const char *argv[] = { "/usr/bin/python3", checker, xlsx, json_path, NULL };
      int status;
      g_autofree char *out = run (argv, &status);
      if (!g_spawn_check_wait_status (status, NULL))
        g_error ("%s: %s", sr_register_get_id (reg), out);
    }
  g_assert_true (sr_register_export (ctx, reg, &filter, pdf, NULL, NULL, NULL, &pdf_rows, &error));
  g_assert_cmpuint (pdf_rows, ==, rows);
  if (pdftotext != NULL)
    {
      const char *argv[] = { pdftotext, pdf, "-", NULL };
      int status;
      g_autofree char *text = run (argv, &status);
      g_auto(GStrv) pages = g_strsplit (text, "\f", -1);
      const char *head = sr_register_get_title (reg);
      guint n_pages = g_strv_length (pages) - 1;   /* the text ends with a form feed */
      g_assert_cmpuint (n_pages, >=, 1);
      for (guint i = 0; i < n_pages; i++)
        if (strstr (pages[i], head) == NULL || strstr (pages[i], "Page") == NULL)
          g_error ("%s: page %u of the PDF lacks its title block or page number", sr_register_get_id (reg), i + 1);
    }
  if (g_test_verbose ())
    g_test_message ("%s: %u rows", sr_register_get_id (reg), rows);
  sr_register_filter_clear (&filter);
}

/* Another PC renames every customer and adds one while the PDF is laid out. */
static void
write_meanwhile (guint    rows,
                 gpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SrDb) other = sr_db_open (data, SR_DB_OPEN_EXISTING, &error);

  g_assert_no_error (error);
  g_assert_true (sr_db_run (other, &error, "UPDATE customers SET name = '改名后'", ""));
  g_assert_true (sr_db_run (other, &error, "INSERT INTO customers (name, channel, grade, owner_id, stage_id, created_at, "
                            "name_pinyin) SELECT name, channel, grade, owner_id, NULL, created_at, name_pinyin "
                            "FROM customers WHERE grade IS NOT NULL AND owner_id IS NOT NULL LIMIT 1", ""));
  g_assert_no_error (error);
}

/* Each customer copied, @times over: a register of thousands of rows. */
static void
double_customers (SrDb *db,
                  int   times)
{
  g_autoptr(GError) error = NULL;

  for (int i = 0; i < times; i++)
    g_assert_true (sr_db_run (db, &error, "INSERT INTO customers (name, gender, channel, media_source_id, grade, owner_id, "
                              "stage_id, created_at, created_by, name_pinyin) SELECT name, gender, channel, media_source_id, "
                              "grade, owner_id, stage_id, created_at, created_by, name_pinyin FROM customers", ""));
  g_assert_no_error (error);
}

/* A PDF is laid out in one pass and drawn in a second, which reads the rows again: both
 * passes see the same rows, whatever another PC writes between them. */
static void
test_pdf_same_rows (void)
{
  g_autoptr(SrContext) ctx = demo (SR_OFFICE_PROPERTY);
  SrDb *db = sr_context_get_db (ctx);
  const SrRegister *reg = sr_registers_find ("intention-customers");
  g_autofree char *dir = sr_test_tmp_dir ();
  g_autofree char *pdf = g_build_filename (dir, "intention.pdf", NULL);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr(GError) error = NULL;
  SrRegisterFilter filter = { 0 };
  guint before = 0, rows = 0, after = 0;

  /* Enough rows for the layout's progress to be told (every 1,000 rows). */
  double_customers (db, 3);
  g_assert_true (sr_register_filter_check (reg, ctx, &filter, &error));
  g_assert_true (sr_register_count (ctx, reg, &filter, &before, &error));
  g_assert_cmpuint (before, >, 1000);
  g_assert_true (sr_register_write_pdf (ctx, reg, &filter, pdf, write_meanwhile, (gpointer) sr_db_get_path (db),
                                        NULL, &rows, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rows, ==, before);
  g_assert_true (sr_register_count (ctx, reg, &filter, &after, &error));
  g_assert_cmpuint (after, ==, before + before / 1000);   /* the other PC's customers (one a 1,000 rows) now show */
  g_assert_false (sr_db_in_transaction (db));
  if (pdftotext != NULL)
    {
      const char *argv[] = { pdftotext, pdf, "-", NULL };
      int status;
      g_autofree char *text = run (argv, &status);
      g_assert_null (strstr (text, "改名后"));
    }
  sr_register_filter_clear (&filter);
  sr_test_context_finish (g_steal_pointer (&ctx));
}

/* The two daily registers print as the office's one-page reports: a page a day. */
static void
test_day_sheets (void)
{
  g_autoptr(SrContext) ctx = demo (SR_OFFICE_PROPERTY);
  g_autofree char *dir = sr_test_tmp_dir ();
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  struct {
    const char *id, *from, *to;
    gint64 consultant;
    guint pages;             /* 0: the table's own pagination */
    const char *shows;
  } cases[] = {
    { "daily-sales", NULL, SR_TEST_NOW_DAY, 0, 1, "By building" },
    { "daily-traffic", "2026-11-21", SR_TEST_NOW_DAY, 0, 3, "What customers asked about" },
    { "daily-traffic", SR_TEST_NOW_DAY, SR_TEST_NOW_DAY, 0, 1, "Who received them" },
    /* Narrowed to one person: the register's table, not the office's day. */
    { "daily-traffic", "2026-11-21", SR_TEST_NOW_DAY, -1, 0, "Daily traffic" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const SrRegister *reg = sr_registers_find (cases[i].id);
      g_autofree char *pdf = g_strdup_printf ("%s/day-%u.pdf", dir, i);
      g_autoptr(GError) error = NULL;
      SrRegisterFilter filter = { g_strdup (cases[i].from), g_strdup (cases[i].to), 0, 0, 0 };
      guint rows = 0, counted = 0;

      if (cases[i].consultant < 0)
        g_assert_true (sr_db_get_int (sr_context_get_db (ctx), &filter.consultant_id, &error,
                                      "SELECT min (receiver_id) FROM contacts", ""));
      g_assert_true (sr_register_filter_check (reg, ctx, &filter, &error));
      g_assert_cmpint (sr_day_sheets_apply (reg, &filter), ==, cases[i].pages > 0);
      g_assert_true (sr_register_count (ctx, reg, &filter, &counted, &error));
      g_assert_true (sr_register_write_pdf (ctx, reg, &filter, pdf, NULL, NULL, NULL, &rows, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (rows, ==, counted);
      if (pdftotext != NULL)
        {
          const char *argv[] = { pdftotext, pdf, "-", NULL };
          int status;
          g_autofree char *text = run (argv, &status);
          g_auto(GStrv) pages = g_strsplit (text, "\f", -1);
          if (cases[i].pages > 0)
            {
              g_assert_cmpuint (g_strv_length (pages) - 1, ==, cases[i].pages);
              g_assert_nonnull (strstr (text, "Prepared by"));
            }
          if (strstr (text, cases[i].shows) == NULL)
            g_error ("case %u: no “%s” in: %s", i, cases[i].shows, text);
          g_assert_nonnull (strstr (pages[0], cases[i].to != NULL && cases[i].pages > 0
                                              ? (cases[i].from != NULL ? cases[i].from : cases[i].to) : "Page"));
        }
      sr_register_filter_clear (&filter);
    }
  sr_test_context_finish (g_steal_pointer (&ctx));
}

static void
test_all (gconstpointer data)
{
  SrOfficeKind kind = GPOINTER_TO_INT (data);
  g_autoptr(SrContext) ctx = demo (kind);
  g_autofree char *dir = g_getenv ("SR_TEST_OUTPUT_DIR") != NULL ? g_strdup (g_getenv ("SR_TEST_OUTPUT_DIR"))
                                                                 : sr_test_tmp_dir ();
  guint with_rows = 0;

  g_assert_cmpuint (sr_registers_count (), ==, 23);
  for (guint i = 0; i < sr_registers_count (); i++)
    {
      const SrRegister *reg = sr_registers_nth (i);
      guint rows = 0;
      SrRegisterFilter filter = { g_strdup ("2026-01-01"), NULL, 0, 0, 0 };
      g_assert_true (sr_register_filter_check (reg, ctx, &filter, NULL));
      g_assert_true (sr_register_count (ctx, reg, &filter, &rows, NULL));
      with_rows += rows > 0;
      sr_register_filter_clear (&filter);
      check_register (ctx, reg, dir);
    }
  /* The demo fills the registers its kind of office has. */
  g_assert_cmpuint (with_rows, >=, kind == SR_OFFICE_PROPERTY ? 17 : 15);
  {
    gint64 audited = 0;
    g_assert_true (sr_db_get_int (sr_context_get_db (ctx), &audited, NULL, "SELECT count(*) FROM audit_log "
                                  "WHERE action = 'export'", ""));
    g_assert_cmpint (audited, ==, 2 * 23);
  }
  sr_test_context_finish (g_steal_pointer (&ctx));
}

/* Who reads what: a receptionist no owners, and calls with phones masked; a consultant
 * only their own customers, whatever the filter says. */
static void
test_permissions (void)
{
  g_autoptr(SrContext) admin = demo (SR_OFFICE_PROPERTY);
  g_autoptr(SrContext) desk = sr_test_context_as (admin, "qiantai2", SR_ROLE_RECEPTIONIST);
  g_autoptr(GError) error = NULL;
  const SrRegister *owners = sr_registers_find ("owners");
  const SrRegister *calls = sr_registers_find ("calls");
  const SrRegister *intention = sr_registers_find ("intention-customers");
  SrRegisterFilter filter = { g_strdup ("2026-01-01"), NULL, 0, 0, 0 };
  gint64 consultant = 0;

  g_assert_null (sr_registers_find ("nothing"));
  g_assert_false (sr_register_may_read (owners, sr_context_get_session (desk)));
  g_assert_null (sr_register_open (desk, owners, &filter, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_true (sr_register_filter_check (calls, desk, &filter, &error));
  {
    g_autoptr(SrRegisterCursor) cursor = sr_register_open (desk, calls, &filter, &error);
    guint masked = 0, rows = 0;
    g_assert_no_error (error);
    while (sr_register_cursor_next (cursor, NULL))
      {
        const char *phone = sr_register_cursor_text (cursor, 2);
        rows++;
        masked += phone != NULL && strstr (phone, "****") != NULL;
        if (phone != NULL)
          g_assert_nonnull (strstr (phone, "****"));
      }
    g_assert_cmpuint (rows, >, 0);
    g_assert_cmpuint (masked, >, 0);
  }
  /* A consultant (the demo's 张伟) sees their own customers only. */
  g_assert_true (sr_db_get_int (sr_context_get_db (admin), &consultant, NULL,
                                "SELECT id FROM staff WHERE login = 'zhangwei'", ""));
  {
    g_autoptr(SrSession) session = NULL;
    g_autoptr(SrContext) gw = sr_context_new (sr_context_get_db (admin), sr_context_get_clock (admin));
    g_autoptr(SrRegisterCursor) cursor = NULL;
    SrRegisterFilter all = { NULL, NULL, 0, 0, 0 };
    guint rows = 0, everyone = 0;
    session = sr_staff_sign_in (gw, "zhangwei", SR_DEMO_PASSWORD, &error);
    g_assert_no_error (error);
    sr_context_set_session (gw, session);
    g_assert_true (sr_register_filter_check (intention, gw, &all, &error));
    cursor = sr_register_open (gw, intention, &all, &error);
    while (sr_register_cursor_next (cursor, NULL))
      {
        g_assert_cmpstr (sr_register_cursor_group (cursor), ==, "张伟");
        rows++;
      }
    g_assert_true (sr_register_count (admin, intention, &all, &everyone, NULL));
    g_assert_cmpuint (rows, >, 0);
    g_assert_cmpuint (rows, <, everyone);
    sr_register_filter_clear (&all);
  }
  sr_register_filter_clear (&filter);
  g_clear_object (&desk);
  sr_test_context_finish (g_steal_pointer (&admin));
}

/* Dates checked; a missing folder, a cancelled export and a wrong ending leave nothing,
 * and a file already there is untouched by a failed export. */
static void
test_failures (void)
{
  g_autoptr(SrContext) ctx = demo (SR_OFFICE_PROPERTY);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = sr_test_tmp_dir ();
  g_autofree char *kept = g_build_filename (dir, "kept.xlsx", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "x.xlsx", NULL);
  g_autoptr(GCancellable) cancel = g_cancellable_new ();
  const SrRegister *reg = sr_registers_find ("intention-customers");
  const SrRegister *range = sr_registers_find ("calls");
  SrRegisterFilter filter = { NULL, g_strdup ("2026-13-01"), 0, 0, 0 };
  g_autofree char *contents = NULL;
  g_autoptr(GDir) listing = NULL;

  g_assert_false (sr_register_filter_check (reg, ctx, &filter, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);
  sr_register_filter_clear (&filter);
  filter.from_day = g_strdup ("2026-11-30");
  filter.to_day = g_strdup ("2026-11-01");
  g_assert_false (sr_register_filter_check (range, ctx, &filter, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);
  sr_register_filter_clear (&filter);
  /* Only the last day: its month up to it. */
  filter.to_day = g_strdup ("2026-10-20");
  g_assert_true (sr_register_filter_check (range, ctx, &filter, &error));
  g_assert_cmpstr (filter.from_day, ==, "2026-10-01");
  sr_register_filter_clear (&filter);
  g_assert_true (sr_register_filter_check (reg, ctx, &filter, &error));
  g_assert_cmpstr (filter.to_day, ==, SR_TEST_NOW_DAY);

  g_assert_false (sr_register_export (ctx, reg, &filter, missing, NULL, NULL, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_set_contents (kept, "the old file", -1, NULL));
  g_cancellable_cancel (cancel);
  g_assert_false (sr_register_export (ctx, reg, &filter, kept, NULL, NULL, cancel, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (kept, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "the old file");
  g_clear_pointer (&contents, g_free);
  {
    g_autofree char *odd = g_build_filename (dir, "x.csv", NULL);
    g_assert_false (sr_register_export (ctx, reg, &filter, odd, NULL, NULL, NULL, NULL, &error));
    g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
    g_clear_error (&error);
  }
  /* Nothing half-written is left in the folder. */
  listing = g_dir_open (dir, 0, NULL);
  for (const char *name; (name = g_dir_read_name (listing)) != NULL;)
    g_assert_false (g_str_has_prefix (name, ".salesroom-export-"));
  sr_register_filter_clear (&filter);
  sr_test_context_finish (g_steal_pointer (&ctx));
}

/* What a person typed reaches Excel as text, never through a call that guesses the type:
 * a name that looks like a formula stays a string cell, and nothing is run on opening. */
static void
test_formula_stays_text (void)
{
  g_autoptr(SrContext) ctx = demo (SR_OFFICE_PROPERTY);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = sr_test_tmp_dir ();
  g_autofree char *xlsx = g_build_filename (dir, "formula.xlsx", NULL);
  const char *name = "=HYPERLINK(\"http://x.example\",\"点我\")";
  const char *phones[] = { "13987654321", NULL };
  SrCustomerInput in = { name, NULL, "walk-in", 0, "A", 0, phones, FALSE, 0 };
  SrRegisterFilter filter = { 0 };
  const SrRegister *reg = sr_registers_find ("intention-customers");
  gint64 owner = 0, id;

  g_assert_true (sr_db_get_int (sr_context_get_db (ctx), &owner, NULL,
                                "SELECT min (id) FROM staff WHERE roles & 2 AND is_disabled = 0", ""));
  in.owner_id = owner;
  id = sr_customers_add (ctx, &in, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_true (sr_register_filter_check (reg, ctx, &filter, &error));
  g_assert_true (sr_register_export (ctx, reg, &filter, xlsx, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  sr_register_filter_clear (&filter);
  {
    GStatBuf st;
    g_assert_cmpint (g_stat (xlsx, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);     /* customers' data: the owner's alone */
  }
  if (g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE))
    {
      const char *script =
        "import openpyxl, sys\n"
        "wb = openpyxl.load_workbook(sys.argv[1])\n"
        "cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value == sys.argv[2]]\n"
        "sys.exit(0 if cells and all(c.data_type == 's' for c in cells) else 1)\n";
      const char *argv[] = { "/usr/bin/python3", "-c", script, xlsx, name, NULL };
      int status = -1;
      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error));
      g_assert_true (g_spawn_check_wait_status (status, NULL));
    }
  else
    g_test_incomplete ("/usr/bin/python3 with openpyxl is needed to read the file back");
  sr_test_remove_tree (dir);
  sr_test_context_finish (g_steal_pointer (&ctx));
}

typedef struct {
  const char *title;
  GPtrArray *charts;
} Sheet;

static void
draw_sheet (cairo_t *cr,
            double   width,
            double   height,
            gpointer data)
{
  Sheet *sheet = data;
  sr_chart_sheet_draw (cr, width, height, sheet->title, "line", sheet->charts);
}

/* The overview's page: charts of the small demo's month drawn on one landscape page;
 * every chart's title is on it, and the axis says 万 for money. */
static void
test_chart_sheet (void)
{
  g_autoptr(SrContext) ctx = demo (SR_OFFICE_PROPERTY);
  g_autofree char *dir = g_getenv ("SR_TEST_OUTPUT_DIR") != NULL ? g_strdup (g_getenv ("SR_TEST_OUTPUT_DIR"))
                                                                 : sr_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "overview-sheet.pdf", NULL);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  const char *calls_visits[] = { "Calls", "Visits", NULL };
  const char *units[] = { "For sale", "Withheld", "Reserved", "Sold", NULL };
  const char *amount[] = { "Amount", NULL };
  g_autoptr(GPtrArray) charts = g_ptr_array_new_with_free_func ((GDestroyNotify) sr_chart_free);
  g_autoptr(GPtrArray) days = sr_overview_sales_per_day (ctx, "2026-01-01", SR_TEST_NOW_DAY, NULL);
  GPtrArray *money = g_ptr_array_new_with_free_func ((GDestroyNotify) sr_figure_free);
  Sheet sheet = { "Sheet of the office", charts };

  for (guint i = 0; i < days->len && i < 20; i++)
    {
      SrFigure *f = g_new0 (SrFigure, 1);
      f->label = g_strdup (((SrFigure *) days->pdata[i])->label);
      f->v[0] = ((SrFigure *) days->pdata[i])->v[2];
      g_ptr_array_add (money, f);
    }
  g_ptr_array_add (charts, sr_chart_new ("By media source", calls_visits,
                                         sr_overview_contacts_by_media (ctx, "2026-01-01", SR_TEST_NOW_DAY, NULL),
                                         SR_CHART_COUNT, FALSE));
  g_ptr_array_add (charts, sr_chart_new ("By hour", calls_visits,
                                         sr_overview_contacts_by_hour (ctx, "2026-01-01", SR_TEST_NOW_DAY, NULL),
                                         SR_CHART_COUNT, FALSE));
  g_ptr_array_add (charts, sr_chart_new ("Units by building", units, sr_overview_units_by_status (ctx, NULL),
                                         SR_CHART_COUNT, TRUE));
  g_ptr_array_add (charts, sr_chart_new ("Sales per day", amount, money, SR_CHART_MONEY, FALSE));
  g_assert_true (sr_page_write_pdf (path, SR_REGISTER_PAGE_WIDTH, SR_REGISTER_PAGE_HEIGHT, draw_sheet, &sheet, NULL));
  if (pdftotext != NULL)
    {
      const char *argv[] = { pdftotext, path, "-", NULL };
      int status;
      g_autofree char *text = run (argv, &status);
      for (guint i = 0; i < charts->len; i++)
        g_assert_nonnull (strstr (text, ((SrChart *) charts->pdata[i])->title));
      g_assert_nonnull (strstr (text, "Sheet of the office"));
      g_assert_nonnull (strstr (text, "万"));
    }
  sr_test_context_finish (g_steal_pointer (&ctx));
}

static void
cancel_at_first (guint    rows,
                 gpointer data)
{
  g_cancellable_cancel (data);
}

/* Cancelled while rows are still being read (the reader thread is told to stop and the
 * batches it holds are given back): the export fails as cancelled and leaves nothing. */
static void
test_cancel_midway (void)
{
  g_autoptr(SrContext) ctx = demo (SR_OFFICE_PROPERTY);
  SrDb *db = sr_context_get_db (ctx);
  const SrRegister *reg = sr_registers_find ("intention-customers");
  g_autofree char *dir = sr_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "intention.xlsx", NULL);
  g_autoptr(GCancellable) cancel = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  SrRegisterFilter filter = { 0 };
  guint before = 0;

  double_customers (db, 5);
  g_assert_true (sr_register_filter_check (reg, ctx, &filter, &error));
  g_assert_true (sr_register_count (ctx, reg, &filter, &before, &error));
  g_assert_cmpuint (before, >, 8000);
  g_assert_false (sr_register_write_xlsx (ctx, reg, &filter, path, cancel_at_first, cancel, cancel, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  listing = g_dir_open (dir, 0, NULL);
  g_assert_null (g_dir_read_name (listing));      /* no temporary file either */
  sr_register_filter_clear (&filter);
  sr_test_context_finish (g_steal_pointer (&ctx));
}

/* The longest registers come from SQLite in their own order, row after row, so the file is
 * written while they are read: no step sorts all their rows before the first. */
static void
test_streams (void)
{
  const char *ids[] = { "intention-customers", "designer-holdings", "calls", "visits" };
  g_autoptr(SrContext) ctx = demo (SR_OFFICE_DECORATION);

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      const SrRegister *reg = sr_registers_find (ids[i]);
      g_autofree char *sql = g_strconcat ("EXPLAIN QUERY PLAN ", sr_register_get_sql (reg), NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(SrStmt) stmt = sr_db_prepare (sr_context_get_db (ctx), sql, &error);
      GString *plan = g_string_new (NULL);
      SrStep step;

      g_assert_no_error (error);
      while ((step = sr_stmt_step (stmt, &error)) == SR_STEP_ROW)
        g_string_append_printf (plan, "%s\n", sr_stmt_get_text (stmt, 3));
      g_assert_cmpint (step, ==, SR_STEP_DONE);
      g_test_message ("%s:\n%s", ids[i], plan->str);
      g_assert_null (strstr (plan->str, "TEMP B-TREE FOR ORDER BY"));
      g_string_free (plan, TRUE);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_data_func ("/registers/property", GINT_TO_POINTER (SR_OFFICE_PROPERTY), test_all);
  g_test_add_data_func ("/registers/decoration", GINT_TO_POINTER (SR_OFFICE_DECORATION), test_all);
  g_test_add_data_func ("/registers/housekeeping", GINT_TO_POINTER (SR_OFFICE_HOUSEKEEPING), test_all);
  g_test_add_func ("/registers/permissions", test_permissions);
  g_test_add_func ("/registers/failures", test_failures);
  g_test_add_func ("/registers/formula-stays-text", test_formula_stays_text);
  g_test_add_func ("/registers/chart-sheet", test_chart_sheet);
  g_test_add_func ("/registers/pdf-same-rows", test_pdf_same_rows);
  g_test_add_func ("/registers/day-sheets", test_day_sheets);
  g_test_add_func ("/registers/streams", test_streams);
  g_test_add_func ("/registers/cancel-midway", test_cancel_midway);
  return g_test_run ();
}
