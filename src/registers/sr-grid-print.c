/* sr-grid-print.c — see sr-grid-print.h. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "core/sr-error.h"
#include "core/sr-money.h"
#include "sr-grid-print.h"
#include "sr-slips.h"

#define MARGIN 28.0   /* points: about 1 cm */

void
sr_paper_landscape_size (SrPaper paper,
                         double *out_width,
                         double *out_height)
{
  /* A4 210 × 297 mm, A3 297 × 420 mm, turned. */
  *out_width = paper == SR_PAPER_A3 ? 1190.55 : 841.89;
  *out_height = paper == SR_PAPER_A3 ? 841.89 : 595.28;
}

static double
show_text (cairo_t    *cr,
           const char *font,
           const char *text,
           double      x,
           double      y)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_from_string (font);
  int w = 0, h = 0;

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  pango_layout_get_size (layout, &w, &h);
  pango_font_description_free (desc);
  g_object_unref (layout);
  return x + w / (double) PANGO_SCALE;
}

void
sr_grid_print_page (cairo_t            *cr,
                    double              width,
                    double              height,
                    const char         *title,
                    const char         *printed_on,
                    SrGridPlan         *plan,
                    const SrUnitFilter *filter)
{
  guint counts[SR_N_UNIT_STATUSES] = { 0 };
  double x = MARGIN, top, sx, sy, avail_w, avail_h;
  g_autofree char *footer = NULL;
  gint64 sold_area = 0;
  SrFen sold = 0;

  for (guint i = 0; i < plan->cells->len; i++)
    {
      SrUnit *u = g_array_index (plan->cells, SrGridCell, i).unit;
      counts[u->status]++;
      if (u->status == SR_UNIT_SUBSCRIBED || u->status == SR_UNIT_SIGNED || u->status == SR_UNIT_DELIVERED)
        {
          sold += u->price_fen;
          sold_area += u->area_centi;
        }
    }
  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  show_text (cr, "Sans Bold 14", title, MARGIN, MARGIN);
  show_text (cr, "Sans 9", printed_on, width - MARGIN - 150, MARGIN + 4);

  /* The legend, with the count of each status. */
  top = MARGIN + 26;
  for (guint s = 0; s < SR_N_UNIT_STATUSES; s++)
    {
      double rgb[3];
      g_autofree char *text = g_strdup_printf ("%s %u", sr_unit_status_get_label (s), counts[s]);
      sr_unit_status_rgb (s, rgb);
      cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
      cairo_rectangle (cr, x, top + 2, 12, 10);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
      x = show_text (cr, "Sans 9", text, x + 16, top) + 14;
    }
  {
    g_autofree char *area = sr_area_format (sold_area);
    g_autofree char *money = sr_money_format (sold);
    footer = g_strdup_printf (_("Sold %s m², %s (list prices) · held share %.1f%%"), area, money,
                              plan->cells->len > 0 ? 100.0 * counts[SR_UNIT_HELD] / plan->cells->len : 0.0);
    show_text (cr, "Sans 9", footer, MARGIN, height - MARGIN - 12);
  }

  /* The grid, filling the page across and down (never larger than on screen); a tall
   * building gets shorter cells, a wide one narrower ones. */
  top += 24;
  avail_w = width - 2 * MARGIN;
  avail_h = height - top - MARGIN - 20;
  sx = plan->width > 0 ? MIN (1.0, avail_w / plan->width) : 1.0;
  sy = plan->height > SR_GRID_HEADER_H
       ? MIN (1.0, (avail_h - SR_GRID_PRINT_HEADER_H) / (plan->height - SR_GRID_HEADER_H)) : 1.0;
  cairo_translate (cr, MARGIN, top);
  sr_grid_plan_draw (plan, cr, sx, sy, filter);
  cairo_restore (cr);
}

typedef struct {
  const char *title;
  const char *printed_on;
  SrGridPlan *plan;
} GridPage;

static void
draw_grid_page (cairo_t  *cr,
                double    width,
                double    height,
                gpointer  data)
{
  GridPage *page = data;
  sr_grid_print_page (cr, width, height, page->title, page->printed_on, page->plan, NULL);
}

gboolean
sr_grid_print_pdf (const char  *path,
                   SrPaper      paper,
                   const char  *title,
                   const char  *printed_on,
                   SrGridPlan  *plan,
                   GError     **error)
{
  GridPage page = { title, printed_on, plan };
  double w, h;

  sr_paper_landscape_size (paper, &w, &h);
  return sr_page_write_pdf (path, w, h, draw_grid_page, &page, error);
}
