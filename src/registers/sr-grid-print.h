/* sr-grid-print.h — one building's unit grid on paper: a landscape page (A4 or A3) with
 * the title, the date, the legend with counts and the held share, and the grid scaled
 * to fit, drawn by sr_grid_plan_draw. The same page goes to the printer (the window's
 * print dialog) and to PDF. No GTK. */
#pragma once

#include <cairo.h>

#include "sr-grid-plan.h"

G_BEGIN_DECLS

typedef enum {
  SR_PAPER_A4,
  SR_PAPER_A3,
} SrPaper;

/* Page size in points (1/72 inch), landscape. */
void     sr_paper_landscape_size (SrPaper             paper,
                                  double             *out_width,
                                  double             *out_height);
/* Draws the page into @cr, which spans @width × @height points. */
void     sr_grid_print_page      (cairo_t            *cr,
                                  double              width,
                                  double              height,
                                  const char         *title,
                                  const char         *printed_on,
                                  SrGridPlan         *plan,
                                  const SrUnitFilter *filter);
gboolean sr_grid_print_pdf       (const char         *path,
                                  SrPaper             paper,
                                  const char         *title,
                                  const char         *printed_on,
                                  SrGridPlan         *plan,
                                  GError            **error);

G_END_DECLS
