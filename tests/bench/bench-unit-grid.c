/* bench-unit-grid — how long the unit grid takes to draw one frame of a building (give
 * the large demo: 1,000 units a building). Under a display (xvfb-run). */
#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <stdlib.h>

#include "core/sr-units.h"
#include "gui/units/sr-unit-grid.h"

static int
compare_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SrDb) db = NULL;
  g_autoptr(SrContext) ctx = NULL;
  g_autoptr(GPtrArray) units = NULL;
  GtkWidget *window, *grid;
  double times[50];

  setlocale (LC_ALL, "");
  if (argc < 2)
    return 2;
  adw_init ();
  db = sr_db_open (argv[1], SR_DB_OPEN_EXISTING, &error);
  if (db == NULL)
    g_error ("%s", error->message);
  ctx = sr_context_new (db, NULL);
  units = sr_units_list (ctx, 1, &error);
  grid = sr_unit_grid_new ();
  sr_unit_grid_set_units (SR_UNIT_GRID (grid), units);
  window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (window), grid);
  gtk_window_present (GTK_WINDOW (window));
  for (int i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);

  for (int i = 0; i < 50; i++)
    {
      GtkSnapshot *snapshot = gtk_snapshot_new ();
      gint64 start = g_get_monotonic_time ();
      GskRenderNode *node;
      GTK_WIDGET_GET_CLASS (grid)->snapshot (grid, snapshot);
      node = gtk_snapshot_free_to_node (snapshot);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
      if (node != NULL)
        gsk_render_node_unref (node);
    }
  qsort (times, 50, sizeof (double), compare_double);
  g_print ("unit grid, %u units: snapshot p50 %.2f ms, p95 %.2f ms\n", units->len, times[25], times[47]);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
