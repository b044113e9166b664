/* sr-register-xlsx.c — a register as an .xlsx file that looks like the paper form: the
 * title block (office, register, days, who exported it and when) centred across the
 * table, a bordered table under a frozen header with an autofilter, honest types (money
 * as numbers in ¥, dates as dates, phones and numbers as text), totals with their values
 * stored, A4 landscape one page wide with the header on every page. Written row by row in
 * constant-memory mode. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "core/sr-error.h"
#include "core/sr-office.h"
#include "sr-register-file.h"

#define HEAD_ROW 3
#define MAX_CELL_CHARS 32767
#define WIDTH_CAP 50.0

typedef struct {
  const SrRegister *reg;
  guint n;
  lxw_workbook *wb;
  lxw_worksheet *ws;
  GHashTable *sheet_names;
  lxw_format *title, *info, *head, *text, *wrap, *money, *integer, *area, *percent, *date, *datetime;
  lxw_format *group, *total_label, *total_money, *total_integer, *total_area;
  char *office;
  char *title_text;
  char *info_text;
  guint row;                  /* the next row of the sheet */
  guint data_first;           /* the sheet's first data row */
  guint section_first;        /* the section's first data row */
  double *widths;
  gint64 *sheet_totals;
  gint64 *section_totals;
  char *section;              /* the section's group, as shown */
  char *section_key;          /* the section's group, as read */
  char *sheet;                /* the sheet's name (grouped by sheet: its group) */
  guint sheet_part;           /* > 1: a continuation sheet */
} Xlsx;

static double
text_width (const char *text)
{
  double w = 0, line = 0;

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c == '\n')
        {
          w = MAX (w, line);
          line = 0;
          continue;
        }
      line += g_unichar_iswide (c) || g_unichar_iswide_cjk (c) ? 2.0 : 1.0;
    }
  return MAX (w, line);
}

/* Text a worksheet can hold: no control characters XML refuses, at most 32,767 characters
 * (longer is cut, with a mark). NULL when @text is fine as it is (most are). */
static char *clean_slow (const char *text);

static char *
clean_text (const char *text)
{
  gsize len = 0;
  gboolean plain = TRUE;

  for (const unsigned char *p = (const unsigned char *) text; *p != '\0'; p++, len++)
    if ((*p < 0x20 && *p != '\t' && *p != '\n') || *p == 0xef)
      plain = FALSE;
  if (plain && len < MAX_CELL_CHARS - 8)
    return NULL;
  return clean_slow (text);
}

static char *
clean_slow (const char *text)
{
  GString *s = g_string_sized_new (strlen (text));
  glong n = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if ((c < 0x20 && c != '\t' && c != '\n') || c == 0xfffe || c == 0xffff || (c >= 0xd800 && c <= 0xdfff))
        continue;
      if (++n > MAX_CELL_CHARS - 8)
        {
          g_string_append (s, _("…(cut)"));
          break;
        }
      g_string_append_unichar (s, c);
    }
  return g_string_free (s, FALSE);
}

/* A sheet name Excel takes: at most 31 characters, none of []:*?/\, not empty, unique. */
static char *
sheet_name (Xlsx       *x,
            const char *wanted)
{
  GString *s = g_string_new (NULL);
  glong n = 0;
  g_autofree char *base = NULL;

  for (const char *p = wanted != NULL ? wanted : ""; *p != '\0' && n < 28; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c < 0x20 || strchr ("[]:*?/\\", (int) (c < 0x80 ? c : 'x')) != NULL)
        continue;
      g_string_append_unichar (s, c);
      n++;
    }
  while (s->len > 0 && s->str[0] == '\'')
    g_string_erase (s, 0, 1);
  while (s->len > 0 && s->str[s->len - 1] == '\'')
    g_string_truncate (s, s->len - 1);
  if (s->len == 0)
    g_string_assign (s, _("Sheet"));
  base = g_string_free (s, FALSE);
  for (guint k = 1; ; k++)
    {
      g_autofree char *name = k == 1 ? g_strdup (base) : g_strdup_printf ("%s (%u)", base, k);
      g_autofree char *folded = g_utf8_casefold (name, -1);
      if (!g_hash_table_contains (x->sheet_names, folded))
        {
          g_hash_table_add (x->sheet_names, g_steal_pointer (&folded));
          return g_steal_pointer (&name);
        }
    }
}

static lxw_format *
new_format (lxw_workbook *wb,
            gboolean      border)
{
  lxw_format *f = workbook_add_format (wb);
  format_set_font_size (f, 10);
  format_set_align (f, LXW_ALIGN_VERTICAL_TOP);
  if (border)
    format_set_border (f, LXW_BORDER_THIN);
  return f;
}

static void
make_formats (Xlsx *x)
{
  x->title = new_format (x->wb, FALSE);
  format_set_bold (x->title);
  format_set_font_size (x->title, 14);
  format_set_align (x->title, LXW_ALIGN_CENTER_ACROSS);
  x->info = new_format (x->wb, FALSE);
  format_set_align (x->info, LXW_ALIGN_CENTER_ACROSS);
  x->head = new_format (x->wb, TRUE);
  format_set_bold (x->head);
  format_set_bg_color (x->head, 0xDDE6F0);
  format_set_text_wrap (x->head);
  format_set_align (x->head, LXW_ALIGN_CENTER);
  x->text = new_format (x->wb, TRUE);
  format_set_num_format (x->text, "@");
  x->wrap = new_format (x->wb, TRUE);
  format_set_text_wrap (x->wrap);
  format_set_num_format (x->wrap, "@");
  x->money = new_format (x->wb, TRUE);
  format_set_num_format (x->money, "¥#,##0.00;-¥#,##0.00");
  x->integer = new_format (x->wb, TRUE);
  format_set_num_format (x->integer, "0");
  x->area = new_format (x->wb, TRUE);
  format_set_num_format (x->area, "#,##0.00");
  x->percent = new_format (x->wb, TRUE);
  format_set_num_format (x->percent, "0.00%");
  x->date = new_format (x->wb, TRUE);
  format_set_num_format (x->date, "yyyy-mm-dd");
  x->datetime = new_format (x->wb, TRUE);
  format_set_num_format (x->datetime, "yyyy-mm-dd hh:mm");
  x->group = new_format (x->wb, TRUE);
  format_set_bold (x->group);
  format_set_bg_color (x->group, 0xF2F2F2);
  x->total_label = new_format (x->wb, TRUE);
  format_set_bold (x->total_label);
  x->total_money = new_format (x->wb, TRUE);
  format_set_bold (x->total_money);
  format_set_num_format (x->total_money, "¥#,##0.00;-¥#,##0.00");
  x->total_integer = new_format (x->wb, TRUE);
  format_set_bold (x->total_integer);
  format_set_num_format (x->total_integer, "0");
  x->total_area = new_format (x->wb, TRUE);
  format_set_bold (x->total_area);
  format_set_num_format (x->total_area, "#,##0.00");
}

static gboolean
check (lxw_error   result,
       GError    **error)
{
  if (result == LXW_NO_ERROR)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write the workbook: %s."), lxw_strerror (result));
  return FALSE;
}

/* A row of text centred across the table's columns. */
static void
across (Xlsx       *x,
        const char *text,
        lxw_format *format)
{
  worksheet_write_string (x->ws, (lxw_row_t) x->row, 0, text, format);
  for (guint c = 1; c < x->n; c++)
    worksheet_write_blank (x->ws, (lxw_row_t) x->row, (lxw_col_t) c, format);
  x->row++;
}

static void
start_sheet (Xlsx       *x,
             const char *group)
{
  g_autofree char *wanted = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  if (group != NULL)
    wanted = x->sheet_part > 1 ? g_strdup_printf ("%s %u", group, x->sheet_part) : g_strdup (group);
  else
    wanted = x->sheet_part > 1 ? g_strdup_printf ("%s %u", sr_register_get_title (x->reg), x->sheet_part)
                               : g_strdup (sr_register_get_title (x->reg));
  name = sheet_name (x, wanted);
  x->ws = workbook_add_worksheet (x->wb, name);
  x->row = 0;
  title = group != NULL ? g_strdup_printf ("%s  %s — %s", x->office, x->title_text, group)
                        : g_strdup_printf ("%s  %s", x->office, x->title_text);
  worksheet_set_row (x->ws, 0, 22, NULL);
  across (x, title, x->title);
  across (x, x->info_text, x->info);
  x->row++;
  for (guint c = 0; c < x->n; c++)
    {
      const char *head = _(sr_register_get_column (x->reg, c)->title);
      worksheet_write_string (x->ws, HEAD_ROW, (lxw_col_t) c, head, x->head);
      x->widths[c] = MAX (MIN (text_width (head), 14.0), 6.0);
      x->sheet_totals[c] = 0;
    }
  x->row = HEAD_ROW + 1;
  x->data_first = x->section_first = x->row;
  worksheet_freeze_panes (x->ws, HEAD_ROW + 1, 0);
  worksheet_set_landscape (x->ws);
  worksheet_set_paper (x->ws, 9);                       /* A4 */
  worksheet_fit_to_pages (x->ws, 1, 0);
  worksheet_repeat_rows (x->ws, HEAD_ROW, HEAD_ROW);
  worksheet_set_margins (x->ws, 0.4, 0.4, 0.6, 0.6);
  worksheet_set_footer (x->ws, "&C第 &P 页 / 共 &N 页");
}

/* "D5:D120" for column @c between two rows (0-based). */
static char *
range_of (guint c,
          guint first,
          guint last)
{
  char col[8];
  lxw_col_to_name (col, (lxw_col_t) c, FALSE);
  return g_strdup_printf ("%s%u:%s%u", col, first + 1, col, last + 1);
}

/* A totals row over data rows @first..row-1: SUBTOTAL, which leaves out the subtotals in
 * its range, with the value stored. */
static void
totals_row (Xlsx       *x,
            const char *label,
            guint       first,
            gint64     *sums)
{
  worksheet_write_string (x->ws, (lxw_row_t) x->row, 0, label, x->total_label);
  for (guint c = 1; c < x->n; c++)
    {
      const SrRegisterColumn *col = sr_register_get_column (x->reg, c);
      if (col->total && x->row > first)
        {
          g_autofree char *range = range_of (c, first, x->row - 1);
          g_autofree char *formula = g_strdup_printf ("=SUBTOTAL(9,%s)", range);
          double value = col->type == SR_CELL_MONEY || col->type == SR_CELL_AREA ? sums[c] / 100.0 : (double) sums[c];
          worksheet_write_formula_num (x->ws, (lxw_row_t) x->row, (lxw_col_t) c, formula,
                                       col->type == SR_CELL_MONEY ? x->total_money
                                       : col->type == SR_CELL_AREA ? x->total_area : x->total_integer, value);
        }
      else
        worksheet_write_blank (x->ws, (lxw_row_t) x->row, (lxw_col_t) c, x->total_label);
    }
  x->row++;
}

static gboolean
any_totals (const SrRegister *reg)
{
  for (guint c = 0; c < sr_register_get_n_columns (reg); c++)
    if (sr_register_get_column (reg, c)->total)
      return TRUE;
  return FALSE;
}

static void
end_section (Xlsx *x)
{
  if (x->section != NULL && any_totals (x->reg))
    {
      g_autofree char *label = g_strdup_printf (_("Subtotal: %s"), x->section);
      totals_row (x, label, x->section_first, x->section_totals);
    }
  for (guint c = 0; c < x->n; c++)
    x->section_totals[c] = 0;
  g_clear_pointer (&x->section, g_free);
}

static void
finish_sheet (Xlsx *x)
{
  guint last_data;

  if (x->ws == NULL)
    return;
  end_section (x);
  last_data = x->row > x->data_first ? x->row - 1 : x->data_first;
  worksheet_autofilter (x->ws, HEAD_ROW, 0, (lxw_row_t) last_data, (lxw_col_t) (x->n - 1));
  if (any_totals (x->reg))
    totals_row (x, _("Total"), x->data_first, x->sheet_totals);
  for (guint c = 0; c < x->n; c++)
    {
      const SrRegisterColumn *col = sr_register_get_column (x->reg, c);
      double cap = col->type == SR_CELL_LONG_TEXT ? MAX (col->width, 20) : WIDTH_CAP;
      worksheet_set_column (x->ws, (lxw_col_t) c, (lxw_col_t) c, MIN (x->widths[c], cap) + 2, NULL);
    }
  x->ws = NULL;
}

static void
note_width (Xlsx       *x,
            guint       c,
            double      width)
{
  if (width > x->widths[c])
    x->widths[c] = width;
}

static gboolean
parse_date (const char   *text,
            lxw_datetime *out)
{
  int y, m, d;
  if (text == NULL || sscanf (text, "%d-%d-%d", &y, &m, &d) != 3 || y < 1900)
    return FALSE;
  *out = (lxw_datetime) { y, m, d, 0, 0, 0 };
  return TRUE;
}

/* The rows are read on a thread of their own while the sheet is written, handed over in
 * batches: a batch holds its rows' numbers and texts in a few arrays and one buffer, and
 * goes back to the reader when written, so no row costs an allocation of its own. */
#define BATCH 512

typedef struct {
  guint len;                  /* rows held; 0 ends */
  guint n;                    /* columns */
  gboolean *nulls;            /* BATCH × n */
  gint64 *ints;               /* BATCH × n */
  gsize *at;                  /* BATCH × n: offset + 1 of a text in chars, 0 for none */
  gsize *group_at;            /* BATCH: the same for the row's group */
  GString *chars;
  const char **texts;         /* BATCH × n, set from at when the batch is full */
  const char **groups;        /* BATCH */
} Batch;

/* One row of a batch, as the writer reads it. */
typedef struct {
  const char *group;
  const gboolean *nulls;
  const gint64 *ints;
  const char *const *texts;   /* NULL where a column is a number or empty */
} Row;

typedef struct {
  SrRegisterCursor *cursor;
  guint n;
  GAsyncQueue *full;          /* Batch, in order; an empty one ends */
  GAsyncQueue *empty;         /* Batch, written, to fill again */
  GError *error;              /* the reader's, set before the end */
  gint stop;                  /* atomic: the writer gave up */
  guint rows;
} Reader;

static Batch *
batch_new (guint n)
{
  Batch *b = g_new0 (Batch, 1);
  b->n = n;
  b->nulls = g_new (gboolean, BATCH * n);
  b->ints = g_new (gint64, BATCH * n);
  b->at = g_new (gsize, BATCH * n);
  b->group_at = g_new (gsize, BATCH);
  b->chars = g_string_sized_new (BATCH * 64);
  b->texts = g_new (const char *, BATCH * n);
  b->groups = g_new (const char *, BATCH);
  return b;
}

static void
batch_free (Batch *b)
{
  g_free (b->nulls);
  g_free (b->ints);
  g_free (b->at);
  g_free (b->group_at);
  g_string_free (b->chars, TRUE);
  g_free (b->texts);
  g_free (b->groups);
  g_free (b);
}

static gsize
batch_keep (Batch      *b,
            const char *text)
{
  gsize at;
  if (text == NULL)
    return 0;
  at = b->chars->len;
  g_string_append_len (b->chars, text, (gssize) strlen (text) + 1);
  return at + 1;
}

/* The texts' addresses, once the buffer no longer grows. */
static void
batch_seal (Batch *b)
{
  for (guint i = 0; i < b->len * b->n; i++)
    b->texts[i] = b->at[i] != 0 ? b->chars->str + b->at[i] - 1 : NULL;
  for (guint r = 0; r < b->len; r++)
    b->groups[r] = b->group_at[r] != 0 ? b->chars->str + b->group_at[r] - 1 : NULL;
}

static Row
batch_row (Batch *b,
           guint  r)
{
  return (Row) { b->groups[r], b->nulls + r * b->n, b->ints + r * b->n, b->texts + r * b->n };
}

static Batch *
take_batch (Reader *r)
{
  /* A few batches ahead of the writer at most: memory stays flat. */
  Batch *b = g_async_queue_length (r->full) < 4 ? g_async_queue_try_pop (r->empty) : NULL;
  if (b == NULL && g_async_queue_length (r->full) < 4)
    b = batch_new (r->n);
  while (b == NULL && !g_atomic_int_get (&r->stop))
    b = g_async_queue_timeout_pop (r->empty, 10000);
  if (b == NULL)
    b = batch_new (r->n);
  b->len = 0;
  g_string_truncate (b->chars, 0);
  return b;
}

static gpointer
read_rows (gpointer data)
{
  Reader *r = data;
  Batch *b = take_batch (r);

  while (!g_atomic_int_get (&r->stop) && sr_register_cursor_next (r->cursor, &r->error))
    {
      guint base = b->len * r->n;
      b->group_at[b->len] = batch_keep (b, sr_register_cursor_group (r->cursor));
      for (guint c = 0; c < r->n; c++)
        {
          const char *text = sr_register_cursor_text (r->cursor, c);
          b->nulls[base + c] = sr_register_cursor_is_null (r->cursor, c);
          b->at[base + c] = batch_keep (b, text);
          b->ints[base + c] = text == NULL && !b->nulls[base + c] ? sr_register_cursor_int (r->cursor, c) : 0;
        }
      b->len++;
      r->rows++;
      if (b->len == BATCH)
        {
          batch_seal (b);
          g_async_queue_push (r->full, b);
          b = take_batch (r);
        }
    }
  if (b->len > 0)
    {
      batch_seal (b);
      g_async_queue_push (r->full, b);
      b = take_batch (r);
    }
  g_async_queue_push (r->full, b);     /* empty: the end */
  return NULL;
}

static void
write_cell (Xlsx             *x,
            const Row        *row,
            guint             c)
{
  const SrRegisterColumn *col = sr_register_get_column (x->reg, c);
  lxw_row_t r = (lxw_row_t) x->row;
  lxw_col_t k = (lxw_col_t) c;

  if (row->nulls[c])
    {
      worksheet_write_blank (x->ws, r, k, col->type == SR_CELL_LONG_TEXT ? x->wrap : x->text);
      return;
    }
  switch (col->type)
    {
    case SR_CELL_MONEY:
    case SR_CELL_AREA:
      {
        gint64 v = row->ints[c];
        worksheet_write_number (x->ws, r, k, v / 100.0, col->type == SR_CELL_MONEY ? x->money : x->area);
        x->sheet_totals[c] += v;
        x->section_totals[c] += v;
        note_width (x, c, col->type == SR_CELL_MONEY ? 16 : 10);
        break;
      }
    case SR_CELL_INT:
      {
        gint64 v = row->ints[c];
        worksheet_write_number (x->ws, r, k, (double) v, x->integer);
        x->sheet_totals[c] += v;
        x->section_totals[c] += v;
        note_width (x, c, 6);
        break;
      }
    case SR_CELL_PERCENT:
      worksheet_write_number (x->ws, r, k, row->ints[c] / 10000.0, x->percent);
      note_width (x, c, 8);
      break;
    case SR_CELL_DATETIME:
      {
        time_t when = (time_t) row->ints[c];
        struct tm tm;
        lxw_datetime dt;
        localtime_r (&when, &tm);
        dt = (lxw_datetime) { tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, 0 };
        worksheet_write_datetime (x->ws, r, k, &dt, x->datetime);
        note_width (x, c, 16);
        break;
      }
    case SR_CELL_DATE:
      {
        lxw_datetime dt;
        const char *text = row->texts[c];
        if (parse_date (text, &dt))
          worksheet_write_datetime (x->ws, r, k, &dt, x->date);
        else
          worksheet_write_string (x->ws, r, k, text != NULL ? text : "", x->text);
        note_width (x, c, 10);
        break;
      }
    default:
      {
        const char *text = row->texts[c];
        g_autofree char *clean = clean_text (text != NULL ? text : "");
        const char *shown = clean != NULL ? clean : text != NULL ? text : "";
        /* Always a string cell: nothing a customer typed becomes a formula. */
        worksheet_write_string (x->ws, r, k, shown, col->type == SR_CELL_LONG_TEXT ? x->wrap : x->text);
        if (x->widths[c] < WIDTH_CAP)
          note_width (x, c, text_width (shown));
      }
    }
}

gboolean
sr_register_write_xlsx (SrContext              *ctx,
                        const SrRegister       *reg,
                        const SrRegisterFilter *filter,
                        const char             *path,
                        SrRegisterProgress      progress,
                        gpointer                progress_data,
                        GCancellable           *cancellable,
                        guint                  *out_rows,
                        GError                **error)
{
  g_autoptr(SrRegisterCursor) cursor = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *range = NULL;
  g_autofree char *now = NULL;
  lxw_workbook_options options = { .constant_memory = LXW_TRUE, .tmpdir = NULL };
  Xlsx x = { 0 };
  GError *failure = NULL;
  lxw_error closed;
  gboolean ok = FALSE;
  SrGrouping grouping = sr_register_get_grouping (reg);
  Reader reader = { 0 };
  GThread *thread = NULL;
  guint written = 0;

  cursor = sr_register_open (ctx, reg, filter, error);
  if (cursor == NULL || (tmp = sr_register_temp_file (path, ".xlsx", error)) == NULL)
    return FALSE;

  x.reg = reg;
  x.n = sr_register_get_n_columns (reg);
  x.widths = g_new0 (double, x.n);
  x.sheet_totals = g_new0 (gint64, x.n);
  x.section_totals = g_new0 (gint64, x.n);
  x.sheet_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (!sr_office_get (ctx, &x.office, NULL, NULL))
    x.office = g_strdup ("");
  x.title_text = g_strdup (sr_register_get_title (reg));
  range = sr_register_filter_describe (reg, filter);
  now = sr_format_moment (sr_context_now (ctx));
  x.info_text = g_strdup_printf (_("%s · exported by %s, %s"), range,
                                 sr_session_get_display_name (sr_context_get_session (ctx)), now);
  x.wb = workbook_new_opt (tmp, &options);
  if (x.wb == NULL)
    {
      g_set_error (&failure, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not start the workbook %s."), tmp);
      goto out;
    }
  make_formats (&x);

  reader.cursor = cursor;
  reader.n = x.n;
  reader.full = g_async_queue_new_full ((GDestroyNotify) batch_free);
  reader.empty = g_async_queue_new_full ((GDestroyNotify) batch_free);
  thread = g_thread_new ("register-reader", read_rows, &reader);
  for (Batch *batch; (batch = g_async_queue_pop (reader.full))->len > 0 || (batch_free (batch), FALSE);
       g_async_queue_push (reader.empty, batch))
    for (guint b = 0; b < batch->len && failure == NULL; b++)
    {
      Row one = batch_row (batch, b);
      const Row *row = &one;
      const char *group = row->group;
      if (grouping == SR_GROUP_SHEETS && (x.ws == NULL || g_strcmp0 (group, x.sheet) != 0))
        {
          finish_sheet (&x);
          g_free (x.sheet);
          x.sheet = g_strdup (sr_register_group_label (reg, group));
          x.sheet_part = 1;
          start_sheet (&x, x.sheet);
        }
      else if (x.ws == NULL)
        {
          x.sheet_part = 1;
          start_sheet (&x, NULL);
        }
      if (x.row >= LXW_ROW_MAX - 3)
        {
          /* A sheet holds 1,048,576 rows: the rest continues on another. */
          finish_sheet (&x);
          x.sheet_part++;
          start_sheet (&x, grouping == SR_GROUP_SHEETS ? x.sheet : NULL);
        }
      if (grouping == SR_GROUP_SECTIONS && (x.section == NULL || g_strcmp0 (group, x.section_key) != 0))
        {
          end_section (&x);
          x.section = g_strdup (sr_register_group_label (reg, group));
          worksheet_write_string (x.ws, (lxw_row_t) x.row, 0, x.section, x.group);
          for (guint c = 1; c < x.n; c++)
            worksheet_write_blank (x.ws, (lxw_row_t) x.row, (lxw_col_t) c, x.group);
          x.row++;
          x.section_first = x.row;
          g_free (x.section_key);
          x.section_key = g_strdup (group);
        }
      for (guint c = 0; c < x.n; c++)
        write_cell (&x, row, c);
      x.row++;
      if (++written % 2000 == 0)
        {
          if (progress != NULL)
            progress (written, progress_data);
          if (g_cancellable_set_error_if_cancelled (cancellable, &failure))
            g_atomic_int_set (&reader.stop, 1);
        }
    }
  g_thread_join (thread);
  g_async_queue_unref (reader.full);
  g_async_queue_unref (reader.empty);
  if (failure == NULL && reader.error != NULL)
    failure = g_steal_pointer (&reader.error);
  g_clear_error (&reader.error);
  if (failure == NULL)
    g_cancellable_set_error_if_cancelled (cancellable, &failure);
  if (failure == NULL)
    {
      if (x.ws == NULL)
        start_sheet (&x, NULL);     /* an empty register: the form, with no rows */
      finish_sheet (&x);
    }
  closed = workbook_close (x.wb);
  x.wb = NULL;
  if (failure == NULL && !check (closed, &failure))
    goto out;
  ok = failure == NULL && sr_register_temp_finish (tmp, path, TRUE, &failure);
  if (ok && out_rows != NULL)
    *out_rows = written;

out:
  if (!ok)
    {
      sr_register_temp_finish (tmp, path, FALSE, NULL);
      g_propagate_error (error, failure);
    }
  g_free (x.widths);
  g_free (x.sheet_totals);
  g_free (x.section_totals);
  g_free (x.section);
  g_free (x.section_key);
  g_free (x.sheet);
  g_free (x.office);
  g_free (x.title_text);
  g_free (x.info_text);
  g_hash_table_unref (x.sheet_names);
  return ok;
}
