/* sr-day-sheet.c — the two daily registers on paper as the office's one-page reports
 * (seed 002 §2 ②③): the daily sales report (销售日报表: the day's subscriptions and the
 * total to date by building, unit type, area, floor and price band, with what is for
 * sale) and the daily traffic report (销售日动态表: the day's calls and visits by media
 * source with the new customers and subscriptions they brought, by hour, who received
 * them, and what customers asked about). One page a day, whatever the office's size:
 * the tables are laid out in two columns and the whole is scaled down when it would not
 * fit. The data comes from core (the register's own query, the sales report, the
 * overview's figures); this file only draws. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "core/sr-error.h"
#include "core/sr-office.h"
#include "core/sr-overview.h"
#include "core/sr-sales-report.h"
#include "sr-day-sheet.h"

#define MARGIN 28.0
#define GAP 16.0
#define PAD 2.5
#define ROW_FONT "Noto Sans CJK SC 8"
#define BOLD_FONT "Noto Sans CJK SC Bold 8"
#define TITLE_FONT "Noto Sans CJK SC Bold 15"
#define INFO_FONT "Noto Sans CJK SC 8"

/* A small table: a title, the heads, rows of texts; the first column is a label, the
 * others numbers (right-aligned); the last row is a total when @has_total. */
typedef struct {
  char *title;
  GStrv heads;
  GPtrArray *rows;           /* GStrv */
  const double *widths;      /* relative, one a column */
  gboolean has_total;
} Table;

typedef struct {
  char *day;
  char *summary;
  GPtrArray *tables;         /* Table, in order; laid out in two columns when drawn */
} Sheet;

struct _SrDaySheets {
  const SrRegister *reg;
  char *title;               /* office and register */
  char *printed;             /* "printed by … at …" */
  GPtrArray *sheets;         /* Sheet */
  guint rows;                /* the register's rows, as the other files count them */
};

static void
table_free (Table *t)
{
  g_free (t->title);
  g_strfreev (t->heads);
  g_ptr_array_unref (t->rows);
  g_free (t);
}

static void
sheet_free (Sheet *s)
{
  g_free (s->day);
  g_free (s->summary);
  g_ptr_array_unref (s->tables);
  g_free (s);
}

void
sr_day_sheets_free (SrDaySheets *d)
{
  if (d == NULL)
    return;
  g_free (d->title);
  g_free (d->printed);
  g_clear_pointer (&d->sheets, g_ptr_array_unref);
  g_free (d);
}

static Table *
table_new (const char         *title,
           const char * const *heads,
           const double       *widths,
           gboolean            has_total)
{
  Table *t = g_new0 (Table, 1);

  t->title = g_strdup (title);
  t->heads = g_strdupv ((char **) heads);
  t->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  t->widths = widths;
  t->has_total = has_total;
  return t;
}

/* Adds a row: the label then @n numbers, formatted by @format ('i' count, 'a' area in
 * hundredths of m², 'm' money in fen). */
static void
table_add (Table        *t,
           const char   *label,
           const char   *format,
           const gint64 *values)
{
  guint n = (guint) strlen (format);
  char **cells = g_new0 (char *, n + 2);

  cells[0] = g_strdup (label);
  for (guint i = 0; i < n; i++)
    cells[i + 1] = format[i] == 'a' ? sr_area_format (values[i])
                 : format[i] == 'm' ? sr_money_format (values[i])
                 : g_strdup_printf ("%" G_GINT64_FORMAT, values[i]);
  g_ptr_array_add (t->rows, cells);
}

/* Ends a table: its total row (when it has one and any rows), or "None" when empty. */
static void
table_end (Table        *t,
           const char   *format,
           const gint64 *sums)
{
  if (t->rows->len == 0)
    {
      const char *none[] = { _("None"), NULL };
      g_ptr_array_add (t->rows, g_strdupv ((char **) none));
      t->has_total = FALSE;
    }
  else if (t->has_total)
    table_add (t, _("Total"), format, sums);
}

gboolean
sr_day_sheets_apply (const SrRegister       *reg,
                     const SrRegisterFilter *filter)
{
  const char *id = sr_register_get_id (reg);

  /* The office's day as a whole: a register narrowed to one project, building or person
   * prints as its table instead. */
  if (filter->consultant_id != 0 || filter->project_id != 0 || filter->building_id != 0)
    return FALSE;
  return g_strcmp0 (id, "daily-sales") == 0 || g_strcmp0 (id, "daily-traffic") == 0;
}

/* 销售日报表: the sales report's five sections, buildings on the left. */
static Sheet *
sales_sheet (SrContext   *ctx,
             const char  *day,
             GError     **error)
{
  static const double widths[] = { 1.6, 0.95, 1.1, 1.6, 0.95, 1.2, 1.8, 0.75 };
  g_autoptr(SrSalesReport) report = sr_sales_report_new (ctx, day, error);
  g_autofree char *ta = NULL, *tf = NULL, *sa = NULL, *sf = NULL;
  Sheet *sheet;

  if (report == NULL)
    return NULL;
  sheet = g_new0 (Sheet, 1);
  sheet->day = g_strdup (day);
  sheet->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) table_free);
  ta = sr_area_format (report->total.today_area_centi);
  tf = sr_money_format (report->total.today_fen);
  sa = sr_area_format (report->total.total_area_centi);
  sf = sr_money_format (report->total.total_fen);
  sheet->summary = g_strdup_printf (_("%s: %u units subscribed, %s m², %s. To date: %u units, %s m², %s. For sale now: %u."),
                                    report->day, report->total.today_units, ta, tf, report->total.total_units, sa, sf,
                                    report->total.available_units);
  for (guint s = 0; s < report->sections->len; s++)
    {
      SrSalesSection *section = g_ptr_array_index (report->sections, s);
      const char *heads[] = { section->title, _("Today, units"), _("Today, m²"), _("Today, amount"),
                              _("To date, units"), _("To date, m²"), _("To date, amount"), _("For sale"), NULL };
      Table *t = table_new (NULL, heads, widths, TRUE);   /* the first head names the section */
      for (guint i = 0; i <= section->lines->len; i++)
        {
          SrSalesLine *line = i < section->lines->len ? g_ptr_array_index (section->lines, i) : &report->total;
          gint64 v[] = { line->today_units, line->today_area_centi, line->today_fen, line->total_units,
                         line->total_area_centi, line->total_fen, line->available_units };
          table_add (t, line->label, "iamiami", v);
        }
      g_ptr_array_add (sheet->tables, t);
    }
  return sheet;
}

static gboolean
add_figures (GPtrArray   *tables,
             GPtrArray   *figures,
             Table       *t,
             const char  *format,
             gboolean     skip_empty)
{
  gint64 sums[4] = { 0 };
  guint n = (guint) strlen (format);

  if (figures == NULL)
    {
      table_free (t);
      return FALSE;
    }
  for (guint i = 0; i < figures->len; i++)
    {
      SrFigure *f = g_ptr_array_index (figures, i);
      gboolean empty = TRUE;
      for (guint k = 0; k < n; k++)
        {
          sums[k] += f->v[k];
          empty = empty && f->v[k] == 0;
        }
      if (skip_empty && empty)
        continue;
      table_add (t, *f->label != '\0' ? f->label : "—", format, f->v);
    }
  table_end (t, format, sums);
  g_ptr_array_add (tables, t);
  g_ptr_array_unref (figures);
  return TRUE;
}

/* 销售日动态表: the register's rows of the day (media sources), then by hour, who received
 * them, and what was asked. */
static Sheet *
traffic_sheet (SrContext         *ctx,
               const SrRegister  *reg,
               const char        *day,
               GError           **error)
{
  static const double media_widths[] = { 2.0, 1.0, 1.0, 1.0, 1.0 };
  static const double hour_widths[] = { 1.0, 1.0, 1.0 };
  static const double person_widths[] = { 1.6, 1.0, 1.0, 1.0 };
  static const double note_widths[] = { 3.0, 1.0 };
  const char *media_heads[] = { _("Media source"), _("Calls"), _("Visits"), _("New customers"), _("Subscriptions"), NULL };
  const char *hour_heads[] = { _("Hour"), _("Calls"), _("Visits"), NULL };
  const char *person_heads[] = { _("Received by"), _("New, in turn"), _("Returning"), _("Out of turn"), NULL };
  const char *note_heads[] = { _("What customers asked about"), _("Times"), NULL };
  SrRegisterFilter filter = { (char *) day, (char *) day, 0, 0, 0 };
  g_autoptr(SrRegisterCursor) cursor = sr_register_open (ctx, reg, &filter, error);
  Table *media = table_new (_("Calls and visits by media source"), media_heads, media_widths, TRUE);
  gint64 sums[4] = { 0 };
  g_autoptr(GError) failure = NULL;
  Sheet *sheet;

  if (cursor == NULL)
    {
      table_free (media);
      return NULL;
    }
  /* The register's columns: day, media source, calls, visits, new customers, subscriptions. */
  while (sr_register_cursor_next (cursor, &failure))
    {
      g_autofree char *label = sr_register_cursor_display (cursor, 1);
      gint64 v[4];
      for (guint k = 0; k < 4; k++)
        {
          v[k] = sr_register_cursor_int (cursor, k + 2);
          sums[k] += v[k];
        }
      table_add (media, label, "iiii", v);
    }
  if (failure != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&failure));
      table_free (media);
      return NULL;
    }
  table_end (media, "iiii", sums);

  sheet = g_new0 (Sheet, 1);
  sheet->day = g_strdup (day);
  sheet->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) table_free);
  sheet->summary = g_strdup_printf (_("%s: %u calls, %u visits, %u new customers, %u subscriptions."),
                                    day, (guint) sums[0], (guint) sums[1], (guint) sums[2], (guint) sums[3]);
  g_ptr_array_add (sheet->tables, media);
  if (!add_figures (sheet->tables, sr_overview_contacts_by_hour (ctx, day, day, error),
                    table_new (_("By hour"), hour_heads, hour_widths, FALSE), "ii", TRUE) ||
      !add_figures (sheet->tables, sr_overview_receptions (ctx, day, day, error),
                    table_new (_("Who received them"), person_heads, person_widths, TRUE), "iii", FALSE) ||
      !add_figures (sheet->tables, sr_overview_contact_notes (ctx, day, day, error),
                    table_new (_("What customers asked about (客户关注问题)"), note_heads, note_widths, FALSE), "i", FALSE))
    {
      sheet_free (sheet);
      return NULL;
    }
  return sheet;
}

SrDaySheets *
sr_day_sheets_new (SrContext              *ctx,
                   const SrRegister       *reg,
                   const SrRegisterFilter *filter,
                   GCancellable           *cancellable,
                   GError                **error)
{
  g_autoptr(SrDaySheets) d = g_new0 (SrDaySheets, 1);
  g_autofree char *office = NULL;
  g_autofree char *now = NULL;
  gboolean sales = g_strcmp0 (sr_register_get_id (reg), "daily-sales") == 0;
  GDate day, last;

  if (!sr_register_count (ctx, reg, filter, &d->rows, error))
    return NULL;
  d->reg = reg;
  if (!sr_office_get (ctx, &office, NULL, NULL))
    office = g_strdup ("");
  d->title = g_strdup_printf ("%s  %s", office, sr_register_get_title (reg));
  now = sr_format_moment (sr_context_now (ctx));
  d->printed = g_strdup_printf (_("Printed by %s, %s"), sr_session_get_display_name (sr_context_get_session (ctx)), now);
  d->sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) sheet_free);
  /* A state as of a day is one page; a range is a page a day. */
  if (!sr_day_parse (sales ? filter->to_day : filter->from_day, &day) || !sr_day_parse (filter->to_day, &last))
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("“%s” is not a date (YYYY-MM-DD)."), filter->to_day);
      return NULL;
    }
  while (g_date_compare (&day, &last) <= 0)
    {
      char text[16];
      Sheet *sheet;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      g_date_strftime (text, sizeof text, "%Y-%m-%d", &day);
      sheet = sales ? sales_sheet (ctx, text, error) : traffic_sheet (ctx, reg, text, error);
      if (sheet == NULL)
        return NULL;
      g_ptr_array_add (d->sheets, sheet);
      g_date_add_days (&day, 1);
    }
  return g_steal_pointer (&d);
}

guint
sr_day_sheets_count (SrDaySheets *d)
{
  return d->sheets->len;
}

guint
sr_day_sheets_rows (SrDaySheets *d)
{
  return d->rows;
}

/* Draws (or, with @draw FALSE, only measures) @text in a box @width wide at (@x, @y);
 * returns its height. */
static double
text (cairo_t        *cr,
      const char     *str,
      const char     *font_name,
      double          x,
      double          y,
      double          width,
      PangoAlignment  align,
      gboolean        draw)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (font_name);
  int w, h;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) ((width - 2 * PAD) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, align);
  pango_layout_set_text (layout, str != NULL ? str : "", -1);
  pango_layout_get_size (layout, &w, &h);
  if (draw)
    {
      cairo_move_to (cr, x + PAD, y + PAD);
      pango_cairo_show_layout (cr, layout);
    }
  pango_font_description_free (font);
  g_object_unref (layout);
  return (double) h / PANGO_SCALE + 2 * PAD;
}

/* A table at (@x, @y), @width wide; returns the height it takes (with the space after). */
static double
draw_table (cairo_t *cr,
            Table   *t,
            double   x,
            double   y,
            double   width,
            gboolean draw)
{
  guint n = g_strv_length (t->heads);
  g_autofree double *edges = g_new0 (double, n + 1);
  double sum = 0, top = y, pos = x;

  for (guint c = 0; c < n; c++)
    sum += t->widths[c];
  for (guint c = 0; c < n; c++)
    {
      edges[c] = pos;
      pos += width * t->widths[c] / sum;
    }
  edges[n] = x + width;
  if (t->title != NULL)
    y += text (cr, t->title, BOLD_FONT, x, y, width, PANGO_ALIGN_LEFT, draw);
  for (guint r = 0; r <= t->rows->len; r++)
    {
      char **cells = r == 0 ? t->heads : g_ptr_array_index (t->rows, r - 1);
      gboolean bold = r == 0 || (t->has_total && r == t->rows->len);
      double h = 0;
      guint k = g_strv_length (cells);
      for (guint c = 0; c < n; c++)
        h = MAX (h, c < k ? text (cr, cells[c], bold ? BOLD_FONT : ROW_FONT, edges[c], y, edges[c + 1] - edges[c],
                                  PANGO_ALIGN_LEFT, FALSE) : 0);
      if (draw)
        {
          if (bold)
            {
              cairo_set_source_rgb (cr, r == 0 ? 0.87 : 0.95, r == 0 ? 0.90 : 0.95, r == 0 ? 0.94 : 0.95);
              cairo_rectangle (cr, x, y, width, h);
              cairo_fill (cr);
              cairo_set_source_rgb (cr, 0, 0, 0);
            }
          for (guint c = 0; c < n && c < k; c++)
            text (cr, cells[c], bold ? BOLD_FONT : ROW_FONT, edges[c], y, edges[c + 1] - edges[c],
                  r == 0 ? PANGO_ALIGN_CENTER : c == 0 ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT, TRUE);
          cairo_set_line_width (cr, 0.4);
          cairo_rectangle (cr, x, y, width, h);
          cairo_stroke (cr);
          for (guint c = 1; c < n && (k > 1 || r == 0); c++)
            {
              cairo_move_to (cr, edges[c], y);
              cairo_line_to (cr, edges[c], y + h);
              cairo_stroke (cr);
            }
        }
      y += h;
    }
  return y - top + 10;
}

/* Lays the tables out in two columns @width wide, each table in turn to the shorter
 * column (@columns gets 0 or 1 a table); returns the taller column's height. With @draw,
 * draws them, the second column @gap to the right of the first. */
static double
lay_out (cairo_t   *cr,
         GPtrArray *tables,
         double     width,
         double     gap,
         guint     *columns,
         gboolean   draw)
{
  double used[2] = { 0, 0 };

  for (guint i = 0; i < tables->len; i++)
    {
      Table *t = g_ptr_array_index (tables, i);
      guint c;
      if (!draw)
        columns[i] = used[1] < used[0] ? 1 : 0;
      c = columns[i];
      used[c] += draw_table (cr, t, c * (width + gap), used[c], width, draw);
    }
  return MAX (used[0], used[1]);
}

void
sr_day_sheets_draw (SrDaySheets *d,
                    cairo_t     *cr,
                    guint        index,
                    double       width,
                    double       height)
{
  Sheet *sheet = g_ptr_array_index (d->sheets, MIN (index, d->sheets->len - 1));
  g_autofree char *foot = g_strdup_printf (_("Page %u of %u"), index + 1, d->sheets->len);
  double column = (width - 2 * MARGIN - GAP) / 2, y = MARGIN, room, scale = 1.0;
  g_autofree guint *columns = NULL;
  double foot_height = 36;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  y += text (cr, d->title, TITLE_FONT, MARGIN, y, width - 2 * MARGIN, PANGO_ALIGN_CENTER, TRUE);
  y += text (cr, d->printed, INFO_FONT, MARGIN, y, width - 2 * MARGIN, PANGO_ALIGN_CENTER, TRUE) + 4;
  y += text (cr, sheet->summary, BOLD_FONT, MARGIN, y, width - 2 * MARGIN, PANGO_ALIGN_LEFT, TRUE) + 6;
  /* Both columns at full size; smaller when the taller would run into the foot (found by
   * halving: a smaller scale gives wider columns, so fewer wrapped lines). */
  columns = g_new0 (guint, sheet->tables->len);
  room = height - MARGIN - foot_height - y;
  if (lay_out (cr, sheet->tables, column, GAP, columns, FALSE) > room)
    {
      double lo = 0.2, hi = 1.0;
      for (int i = 0; i < 12; i++)
        {
          double mid = (lo + hi) / 2;
          if (lay_out (cr, sheet->tables, column / mid, GAP / mid, columns, FALSE) * mid <= room)
            lo = mid;
          else
            hi = mid;
        }
      scale = lo;
      lay_out (cr, sheet->tables, column / scale, GAP / scale, columns, FALSE);
    }
  cairo_save (cr);
  cairo_translate (cr, MARGIN, y);
  cairo_scale (cr, scale, scale);
  lay_out (cr, sheet->tables, column / scale, GAP / scale, columns, TRUE);
  cairo_restore (cr);
  /* The signatures of a paper report, and the page. */
  text (cr, _("Prepared by: ____________    Checked by: ____________"), INFO_FONT, MARGIN,
        height - MARGIN - foot_height + 4, width - 2 * MARGIN, PANGO_ALIGN_RIGHT, TRUE);
  text (cr, foot, INFO_FONT, MARGIN, height - MARGIN - 12, width - 2 * MARGIN, PANGO_ALIGN_CENTER, TRUE);
  cairo_restore (cr);
}
