/* sr-chart.h — a bar or line chart drawn with Cairo and Pango, for the overview on screen and on
 * paper alike: a title, a value axis with round ticks (in 万 for money), one bar per row
 * (several series side by side, or stacked), the rows' labels under them and a legend.
 * No GTK. */
#pragma once

#include <cairo.h>

#include "core/sr-overview.h"

G_BEGIN_DECLS

typedef enum {
  SR_CHART_COUNT,             /* whole numbers */
  SR_CHART_MONEY,             /* fen, shown in ¥ or 万 */
  SR_CHART_AREA,              /* hundredths of a square metre, shown in m² */
} SrChartUnit;

typedef struct {
  char *title;
  GStrv series;               /* the series' names (one per value used) */
  GPtrArray *rows;            /* SrFigure: a label and the series' values */
  SrChartUnit unit;
  gboolean stacked;
  gboolean line;              /* a line through the rows' values (days), not bars */
  double (*colors)[3];        /* per series; NULL: the chart's own */
} SrChart;

SrChart *sr_chart_new        (const char          *title,
                              const char * const  *series,
                              GPtrArray           *rows,      /* taken */
                              SrChartUnit          unit,
                              gboolean             stacked);
void     sr_chart_free       (SrChart             *chart);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SrChart, sr_chart_free)

/* Draws @chart in @width × @height from the current point (0, 0) of @cr, text in @ink
 * (so it reads on a light or a dark background). */
void     sr_chart_draw       (const SrChart       *chart,
                              cairo_t             *cr,
                              double               width,
                              double               height,
                              const double         ink[3]);
/* A sheet of charts: a title and a line of text, then @charts in a grid (three or four
 * across), filling @width × @height — the overview's printed page. */
void     sr_chart_sheet_draw (cairo_t             *cr,
                              double               width,
                              double               height,
                              const char          *title,
                              const char          *line,
                              GPtrArray           *charts);

/* Which row a point of the drawing falls in (for tooltips), or -1. */
int      sr_chart_row_at     (const SrChart       *chart,
                              double               width,
                              double               height,
                              double               x,
                              double               y);
/* The column of the drawing where row @row is (to mark the row chosen by keyboard). */
void     sr_chart_row_bounds (const SrChart       *chart,
                              double               width,
                              double               height,
                              guint                row,
                              double              *x,
                              double              *y,
                              double              *w,
                              double              *h);
/* The row's values as one line: "报纸: 来电 12, 来访 3". */
char    *sr_chart_describe   (const SrChart       *chart,
                              guint                row);

G_END_DECLS
