/* sr-chart.c — see sr-chart.h. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "core/sr-money.h"
#include "sr-chart.h"

#define PAD 8.0
#define TITLE_H 22.0
#define LEGEND_H 16.0
#define LABEL_H 28.0
#define AXIS_W 54.0

static const double palette[][3] = {
  { 0.21, 0.52, 0.89 }, { 0.90, 0.49, 0.13 }, { 0.20, 0.66, 0.33 }, { 0.75, 0.11, 0.16 }, { 0.57, 0.25, 0.67 },
};

SrChart *
sr_chart_new (const char         *title,
              const char * const *series,
              GPtrArray          *rows,
              SrChartUnit         unit,
              gboolean            stacked)
{
  SrChart *chart = g_new0 (SrChart, 1);
  chart->title = g_strdup (title);
  chart->series = g_strdupv ((char **) series);
  chart->rows = rows != NULL ? rows : g_ptr_array_new_with_free_func ((GDestroyNotify) sr_figure_free);
  chart->unit = unit;
  chart->stacked = stacked;
  return chart;
}

void
sr_chart_free (SrChart *chart)
{
  if (chart == NULL)
    return;
  g_free (chart->title);
  g_strfreev (chart->series);
  g_ptr_array_unref (chart->rows);
  g_free (chart->colors);
  g_free (chart);
}

static guint
n_series (const SrChart *chart)
{
  return MIN (g_strv_length (chart->series), 4);
}

static const double *
color_of (const SrChart *chart,
          guint          s)
{
  return chart->colors != NULL ? chart->colors[s] : palette[s % G_N_ELEMENTS (palette)];
}

/* The largest bar, and a round step that gives three to five ticks. */
static double
nice_step (double max)
{
  double raw = max / 4, power, f;

  if (raw <= 0)
    return 1;
  power = pow (10, floor (log10 (raw)));
  f = raw / power;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
}

static double
largest (const SrChart *chart)
{
  double max = 0;
  for (guint i = 0; i < chart->rows->len; i++)
    {
      SrFigure *f = chart->rows->pdata[i];
      double sum = 0;
      for (guint s = 0; s < n_series (chart); s++)
        {
          sum += (double) f->v[s];
          if (!chart->stacked)
            max = MAX (max, (double) f->v[s]);
        }
      if (chart->stacked)
        max = MAX (max, sum);
    }
  return max;
}

static char *
format_value (const SrChart *chart,
              double         value)
{
  if (value == 0)
    return g_strdup ("0");
  if (chart->unit == SR_CHART_MONEY)
    {
      if (value >= 1e6)       /* ¥10,000 and more: in 万 */
        return g_strdup_printf (_("%g万"), round (value / 1e4) / 100);
      return sr_money_format ((SrFen) value);
    }
  if (chart->unit == SR_CHART_AREA)
    return g_strdup_printf (_("%.0f m²"), value / 100);
  return g_strdup_printf ("%.0f", value);
}

/* Shows @s in @width from (@x, @y); returns the width the text took. */
static double
text (cairo_t      *cr,
      const char   *s,
      const char   *font,
      double        x,
      double        y,
      double        width,
      PangoAlignment align)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_from_string (font);
  int w = 0, h = 0;

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_alignment (layout, align);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_text (layout, s, -1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  pango_layout_get_pixel_size (layout, &w, &h);
  pango_font_description_free (desc);
  g_object_unref (layout);
  return w;
}

/* The plot area. */
static void
plot_area (double  width,
           double  height,
           double *x,
           double *y,
           double *w,
           double *h)
{
  *x = AXIS_W;
  *y = TITLE_H + LEGEND_H + 4;
  *w = MAX (width - AXIS_W - PAD, 10);
  *h = MAX (height - *y - LABEL_H, 10);
}

void
sr_chart_draw (const SrChart *chart,
               cairo_t       *cr,
               double         width,
               double         height,
               const double   ink[3])
{
  double px, py, pw, ph, step, top, slot;
  guint ns = n_series (chart), n = chart->rows->len, every = 1;
  double legend_x = 0;

  cairo_save (cr);
  cairo_set_source_rgb (cr, ink[0], ink[1], ink[2]);
  text (cr, chart->title, "Noto Sans CJK SC Bold 10", 0, 0, width, PANGO_ALIGN_LEFT);
  /* The legend: a square and a name per series. */
  for (guint s = 0; s < ns && ns > 1; s++)
    {
      const double *c = color_of (chart, s);
      cairo_set_source_rgb (cr, c[0], c[1], c[2]);
      cairo_rectangle (cr, legend_x, TITLE_H + 3, 9, 9);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, ink[0], ink[1], ink[2]);
      legend_x += 12 + text (cr, chart->series[s], "Noto Sans CJK SC 7.5", legend_x + 12, TITLE_H,
                             MAX (width - legend_x - 12, 10), PANGO_ALIGN_LEFT) + 12;
    }
  plot_area (width, height, &px, &py, &pw, &ph);
  if (n == 0)
    {
      text (cr, _("Nothing in this period."), "Noto Sans CJK SC 8", px, py + ph / 2 - 8, pw, PANGO_ALIGN_CENTER);
      cairo_restore (cr);
      return;
    }
  step = nice_step (largest (chart));
  if (chart->unit == SR_CHART_COUNT)
    step = MAX (step, 1);      /* counts tick in whole numbers */
  else if (chart->unit == SR_CHART_AREA)
    step = MAX (step, 100);    /* areas in whole square metres */
  top = ceil (MAX (largest (chart), 1) / step) * step;
  /* The value axis: round ticks, faint lines across. */
  cairo_set_line_width (cr, 0.5);
  for (double v = 0; v <= top + step / 2; v += step)
    {
      double y = py + ph - ph * v / top;
      g_autofree char *label = format_value (chart, v);
      cairo_set_source_rgba (cr, ink[0], ink[1], ink[2], v == 0 ? 0.6 : 0.15);
      cairo_move_to (cr, px, y);
      cairo_line_to (cr, px + pw, y);
      cairo_stroke (cr);
      cairo_set_source_rgba (cr, ink[0], ink[1], ink[2], 0.8);
      text (cr, label, "Noto Sans CJK SC 7", 0, y - 6, AXIS_W - 6, PANGO_ALIGN_RIGHT);
    }
  slot = pw / n;
  {
    /* How many bars a label may span: room for its characters (a CJK one is wider). */
    glong longest = 1;
    for (guint i = 0; i < n; i++)
      {
        const char *l = ((SrFigure *) chart->rows->pdata[i])->label;
        glong chars = strlen (l) == 10 && l[4] == '-' ? 5 : g_utf8_strlen (l, -1);
        longest = MAX (longest, chars);
      }
    every = (guint) MAX (1, ceil (longest * 7.5 / slot));
  }
  /* A line: each series through the middle of the rows' slots, a dot on each value. */
  for (guint s = 0; chart->line && s < ns; s++)
    {
      const double *c = color_of (chart, s);
      cairo_set_source_rgb (cr, c[0], c[1], c[2]);
      cairo_set_line_width (cr, 2);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_new_path (cr);    /* the text left a current point: start at the first value */
      for (guint i = 0; i < n; i++)
        {
          SrFigure *f = chart->rows->pdata[i];
          cairo_line_to (cr, px + slot * (i + 0.5), py + ph - ph * (double) f->v[s] / top);
        }
      cairo_stroke (cr);
      for (guint i = 0; i < n; i++)
        {
          SrFigure *f = chart->rows->pdata[i];
          cairo_new_sub_path (cr);
          cairo_arc (cr, px + slot * (i + 0.5), py + ph - ph * (double) f->v[s] / top, MIN (3, slot / 3), 0, 2 * G_PI);
        }
      cairo_fill (cr);
    }
  for (guint i = 0; i < n; i++)
    {
      SrFigure *f = chart->rows->pdata[i];
      double x = px + slot * i + slot * 0.15, bar = slot * 0.7, base = py + ph;
      for (guint s = 0; s < ns && !chart->line; s++)
        {
          const double *c = color_of (chart, s);
          double h = ph * (double) f->v[s] / top;
          cairo_set_source_rgb (cr, c[0], c[1], c[2]);
          if (chart->stacked)
            {
              cairo_rectangle (cr, x, base - h, bar, h);
              base -= h;
            }
          else
            cairo_rectangle (cr, x + bar / ns * s, py + ph - h, bar / ns, h);
          cairo_fill (cr);
        }
      /* Labels under the bars (a day without its year), fewer when they crowd. */
      if (i % every == 0)
        {
          const char *label = strlen (f->label) == 10 && f->label[4] == '-' ? f->label + 5 : f->label;
          cairo_set_source_rgba (cr, ink[0], ink[1], ink[2], 0.8);
          text (cr, label, "Noto Sans CJK SC 7", px + slot * i - slot * (every - 1) / 2.0, py + ph + 3,
                slot * every, PANGO_ALIGN_CENTER);
        }
    }
  cairo_restore (cr);
}

void
sr_chart_sheet_draw (cairo_t    *cr,
                     double      width,
                     double      height,
                     const char *title,
                     const char *line,
                     GPtrArray  *charts)
{
  const double ink[3] = { 0, 0, 0 };
  guint n = charts->len, cols = n > 9 ? 4 : 3, rows = MAX ((n + cols - 1) / cols, 1);
  double margin = 28, top = 64, cw = (width - 2 * margin) / cols, ch = (height - top - margin) / rows;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  text (cr, title, "Noto Sans CJK SC Bold 12", margin, margin, width - 2 * margin, PANGO_ALIGN_LEFT);
  text (cr, line, "Noto Sans CJK SC 8", margin, margin + 20, width - 2 * margin, PANGO_ALIGN_LEFT);
  cairo_restore (cr);
  for (guint i = 0; i < n; i++)
    {
      cairo_save (cr);
      cairo_translate (cr, margin + cw * (i % cols), top + ch * (i / cols));
      sr_chart_draw (charts->pdata[i], cr, cw - 16, ch - 12, ink);
      cairo_restore (cr);
    }
}

int
sr_chart_row_at (const SrChart *chart,
                 double         width,
                 double         height,
                 double         x,
                 double         y)
{
  double px, py, pw, ph;
  int i;

  plot_area (width, height, &px, &py, &pw, &ph);
  if (chart->rows->len == 0 || x < px || x >= px + pw || y < py || y > py + ph + LABEL_H)
    return -1;
  i = (int) ((x - px) / (pw / chart->rows->len));
  return i < (int) chart->rows->len ? i : -1;
}

void
sr_chart_row_bounds (const SrChart *chart,
                     double         width,
                     double         height,
                     guint          row,
                     double        *x,
                     double        *y,
                     double        *w,
                     double        *h)
{
  double px, py, pw, ph, slot;

  plot_area (width, height, &px, &py, &pw, &ph);
  slot = pw / MAX (chart->rows->len, 1);
  *x = px + slot * row;
  *y = py;
  *w = slot;
  *h = ph + LABEL_H - 6;
}

char *
sr_chart_describe (const SrChart *chart,
                   guint          row)
{
  SrFigure *f = chart->rows->pdata[row];
  GString *s = g_string_new (f->label);

  g_string_append (s, ": ");
  for (guint k = 0; k < n_series (chart); k++)
    {
      g_autofree char *v = chart->unit == SR_CHART_MONEY ? sr_money_format (f->v[k])
                           : chart->unit == SR_CHART_AREA ? g_strdup_printf (_("%.2f m²"), f->v[k] / 100.0)
                           : g_strdup_printf ("%" G_GINT64_FORMAT, f->v[k]);
      g_string_append_printf (s, "%s%s %s", k > 0 ? ", " : "", chart->series[k], v);
    }
  return g_string_free (s, FALSE);
}
