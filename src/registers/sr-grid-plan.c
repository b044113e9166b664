/* sr-grid-plan.c — see sr-grid-plan.h. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>
#include <stdlib.h>
#include <string.h>

#include "core/sr-money.h"
#include "sr-grid-plan.h"

void
sr_unit_status_rgb (SrUnitStatus status,
                    double       rgb[3])
{
  /* PRODUCT.md: available green, held grey, reserved yellow, pending hatched yellow,
   * subscribed orange, signed red, delivered blue. */
  static const guint32 colours[SR_N_UNIT_STATUSES] = {
    [SR_UNIT_AVAILABLE] = 0x57e389, [SR_UNIT_HELD] = 0xc0bfbc, [SR_UNIT_RESERVED] = 0xf8e45c,
    [SR_UNIT_PENDING] = 0xf8e45c, [SR_UNIT_SUBSCRIBED] = 0xffa348, [SR_UNIT_SIGNED] = 0xf66151,
    [SR_UNIT_DELIVERED] = 0x99c1f1,
  };
  guint32 c = colours[status];

  rgb[0] = ((c >> 16) & 0xff) / 255.0;
  rgb[1] = ((c >> 8) & 0xff) / 255.0;
  rgb[2] = (c & 0xff) / 255.0;
}

char *
sr_grid_cell_text (SrUnit *unit)
{
  g_autofree char *area = sr_area_format (unit->area_centi);
  return g_strdup_printf ("%s\n%s\n%s m²", unit->number, unit->unit_type, area);
}

/* "2|03" before "10|01": entrances by number, then the unit's place on the floor. */
static int
compare_columns (gconstpointer a,
                 gconstpointer b)
{
  const char *x = *(const char * const *) a;
  const char *y = *(const char * const *) b;
  int ex = atoi (x), ey = atoi (y);

  if (ex != ey)
    return ex - ey;
  return g_strcmp0 (strchr (x, '|'), strchr (y, '|'));
}

static int
compare_int_desc (gconstpointer a,
                  gconstpointer b)
{
  return *(const int *) b - *(const int *) a;
}

/* A unit's column: its entrance and the number without the floor (1203 → 03). */
static char *
column_key (SrUnit *u)
{
  g_autofree char *floor_prefix = g_strdup_printf ("%d", u->floor);
  const char *rest = g_str_has_prefix (u->number, floor_prefix) ? u->number + strlen (floor_prefix) : u->number;
  return g_strdup_printf ("%s|%s", u->entrance, rest);
}

SrGridPlan *
sr_grid_plan_new (GPtrArray *units)
{
  SrGridPlan *plan = g_new0 (SrGridPlan, 1);
  g_autoptr(GHashTable) floors = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GHashTable) columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) rows = g_hash_table_new (g_direct_hash, g_direct_equal);
  int x = SR_GRID_FLOOR_W;
  const char *previous = NULL;

  plan->units = g_ptr_array_ref (units);
  plan->cells = g_array_new (FALSE, FALSE, sizeof (SrGridCell));
  plan->floors = g_array_new (FALSE, FALSE, sizeof (int));
  plan->columns = g_ptr_array_new_with_free_func (g_free);
  plan->column_xs = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint i = 0; i < units->len; i++)
    {
      SrUnit *u = g_ptr_array_index (units, i);
      char *key = column_key (u);

      if (!g_hash_table_contains (floors, GINT_TO_POINTER (u->floor)))
        {
          g_hash_table_add (floors, GINT_TO_POINTER (u->floor));
          g_array_append_val (plan->floors, u->floor);
        }
      if (!g_hash_table_contains (columns, key))
        {
          g_hash_table_insert (columns, key, GUINT_TO_POINTER (0));
          g_ptr_array_add (plan->columns, g_strdup (key));
        }
      else
        g_free (key);
    }
  g_array_sort (plan->floors, compare_int_desc);
  g_ptr_array_sort (plan->columns, compare_columns);
  for (guint r = 0; r < plan->floors->len; r++)
    g_hash_table_insert (rows, GINT_TO_POINTER (g_array_index (plan->floors, int, r)), GUINT_TO_POINTER (r));
  for (guint c = 0; c < plan->columns->len; c++)
    {
      const char *label = g_ptr_array_index (plan->columns, c);
      const char *bar = strchr (label, '|');
      if (previous != NULL && strncmp (previous, label, (size_t) (bar - label) + 1) != 0)
        x += SR_GRID_ENTRANCE_GAP;
      g_array_append_val (plan->column_xs, x);
      g_hash_table_insert (columns, g_strdup (label), GUINT_TO_POINTER (c));
      x += SR_GRID_CELL_W + SR_GRID_GAP;
      previous = label;
    }
  for (guint i = 0; i < units->len; i++)
    {
      SrUnit *u = g_ptr_array_index (units, i);
      g_autofree char *key = column_key (u);
      SrGridCell cell = { u, GPOINTER_TO_INT (g_hash_table_lookup (rows, GINT_TO_POINTER (u->floor))),
                          GPOINTER_TO_INT (g_hash_table_lookup (columns, key)) };
      g_array_append_val (plan->cells, cell);
    }
  plan->width = plan->columns->len > 0 ? x : 0;
  plan->height = SR_GRID_HEADER_H + (int) plan->floors->len * (SR_GRID_CELL_H + SR_GRID_GAP);
  return plan;
}

void
sr_grid_plan_free (SrGridPlan *plan)
{
  if (plan == NULL)
    return;
  g_ptr_array_unref (plan->units);
  g_array_unref (plan->cells);
  g_array_unref (plan->floors);
  g_ptr_array_unref (plan->columns);
  g_array_unref (plan->column_xs);
  g_free (plan);
}

int
sr_grid_plan_cell_x (SrGridPlan       *plan,
                     const SrGridCell *cell)
{
  return g_array_index (plan->column_xs, int, cell->column);
}

int
sr_grid_plan_cell_y (SrGridPlan       *plan,
                     const SrGridCell *cell)
{
  return SR_GRID_HEADER_H + cell->row * (SR_GRID_CELL_H + SR_GRID_GAP);
}

int
sr_grid_plan_cell_at (SrGridPlan *plan,
                      double      px,
                      double      py)
{
  for (guint i = 0; i < plan->cells->len; i++)
    {
      SrGridCell *cell = &g_array_index (plan->cells, SrGridCell, i);
      int x = sr_grid_plan_cell_x (plan, cell), y = sr_grid_plan_cell_y (plan, cell);
      if (px >= x && px < x + SR_GRID_CELL_W && py >= y && py < y + SR_GRID_CELL_H)
        return (int) i;
    }
  return -1;
}

char *
sr_grid_plan_column_label (SrGridPlan *plan,
                           guint       column,
                           gboolean   *out_first_of_entrance)
{
  const char *label = g_ptr_array_index (plan->columns, column);
  g_auto(GStrv) parts = g_strsplit (label, "|", 2);
  gboolean first = TRUE;

  if (column > 0)
    {
      const char *before = g_ptr_array_index (plan->columns, column - 1);
      first = strncmp (before, label, strlen (parts[0]) + 1) != 0;
    }
  if (out_first_of_entrance != NULL)
    *out_first_of_entrance = first;
  if (*parts[0] != '\0' && first)
    return g_strdup_printf (_("Entrance %s · %s"), parts[0], parts[1]);
  return g_strdup (parts[1]);
}

static void
rounded_rect (cairo_t *cr,
              double   x,
              double   y,
              double   w,
              double   h,
              double   r)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

void
sr_grid_plan_draw (SrGridPlan         *plan,
                   cairo_t            *cr,
                   double              sx,
                   double              sy,
                   const SrUnitFilter *filter)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans");
  double cell_w = SR_GRID_CELL_W * sx, cell_h = SR_GRID_CELL_H * sy;
  /* Three lines when they fit, else the number alone, as large as the cell allows. */
  gboolean full = cell_h >= 34;
  double size = full ? MIN (8.0, cell_h / 4.2) : MIN (8.0, MAX (cell_h * 0.62, 3.0));
  /* A thumbnail (cells too small for text) has no header row and no floor column. */
  gboolean thumb = cell_h < 7 || cell_w < 14;
  double head = thumb ? 0 : SR_GRID_PRINT_HEADER_H, left = thumb ? SR_GRID_FLOOR_W : 0;

  size = MIN (size, cell_w / 6.5);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  cairo_save (cr);
  /* Column headers and floor labels, grey (not on a thumbnail). */
  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  for (guint c = 0; !thumb && c < plan->columns->len; c++)
    {
      g_autofree char *text = sr_grid_plan_column_label (plan, c, NULL);
      pango_layout_set_text (layout, text, -1);
      cairo_move_to (cr, g_array_index (plan->column_xs, int, c) * sx + 2, 2);
      pango_cairo_show_layout (cr, layout);
    }
  for (guint r = 0; !thumb && r < plan->floors->len; r++)
    {
      g_autofree char *text = g_strdup_printf (_("%dF"), g_array_index (plan->floors, int, r));
      pango_layout_set_text (layout, text, -1);
      cairo_move_to (cr, 2, head + r * (SR_GRID_CELL_H + SR_GRID_GAP) * sy + cell_h / 2 - size / 1.6);
      pango_cairo_show_layout (cr, layout);
    }
  pango_layout_set_width (layout, (int) ((cell_w - 4) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  for (guint i = 0; i < plan->cells->len; i++)
    {
      SrGridCell *cell = &g_array_index (plan->cells, SrGridCell, i);
      double x = (sr_grid_plan_cell_x (plan, cell) - left) * sx, rgb[3];
      double y = head + cell->row * (SR_GRID_CELL_H + SR_GRID_GAP) * sy;
      double alpha = filter == NULL || sr_unit_filter_matches (filter, cell->unit) ? 1.0 : 0.22;
      g_autofree char *text = full ? sr_grid_cell_text (cell->unit) : g_strdup (cell->unit->number);

      sr_unit_status_rgb (cell->unit->status, rgb);
      cairo_save (cr);
      rounded_rect (cr, x, y, cell_w, cell_h, MIN (5 * sy, cell_h / 4));
      cairo_clip_preserve (cr);
      cairo_set_source_rgba (cr, rgb[0], rgb[1], rgb[2], alpha);
      cairo_fill (cr);
      if (cell->unit->status == SR_UNIT_PENDING)
        {
          cairo_set_source_rgba (cr, 1, 1, 1, 0.55 * alpha);
          cairo_set_line_width (cr, MAX (1.0, 3 * sy));
          for (double k = -cell_h; k < cell_w; k += 8 * sx)
            {
              cairo_move_to (cr, x + k, y);
              cairo_line_to (cr, x + k + cell_h, y + cell_h);
            }
          cairo_stroke (cr);
        }
      cairo_restore (cr);
      if (thumb)
        continue;   /* colours only */
      cairo_set_source_rgba (cr, 0.1, 0.1, 0.1, alpha);
      pango_layout_set_text (layout, text, -1);
      cairo_move_to (cr, x + 3, full ? y + 2 : y + (cell_h - size * 1.25) / 2);
      pango_cairo_show_layout (cr, layout);
    }
  cairo_restore (cr);
  pango_font_description_free (font);
  g_object_unref (layout);
}
