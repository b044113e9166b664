/* The printed unit grid: a landscape PDF page with the title, date, legend and every
 * unit, laid out by the same plan as the window's grid. */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "common/sr-test-util.h"
#include "core/sr-units.h"
#include "registers/sr-grid-print.h"

static void
test_plan (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_PROPERTY);
  g_autoptr(GError) error = NULL;
  SrUnitColumn columns[2] = { { "两室", 8936, 1200000 }, { "三室", 12050, 1600000 } };
  SrBuildingPlan plan = { "1号楼", 3, 2, 2, columns, 0, FALSE };   /* 2 entrances */
  gint64 project = sr_projects_add (admin, "翠湖", NULL, &error);
  gint64 building = sr_buildings_create (admin, project, &plan, &error);
  g_autoptr(GPtrArray) units = sr_units_list (admin, building, &error);
  g_autoptr(SrGridPlan) grid = sr_grid_plan_new (units);
  int x1, x2;

  g_assert_cmpuint (grid->cells->len, ==, 12);
  g_assert_cmpuint (grid->floors->len, ==, 3);
  g_assert_cmpint (g_array_index (grid->floors, int, 0), ==, 3);   /* top floor first */
  g_assert_cmpuint (grid->columns->len, ==, 4);
  /* A gap between the entrances. */
  x1 = g_array_index (grid->column_xs, int, 1);
  x2 = g_array_index (grid->column_xs, int, 2);
  g_assert_cmpint (x2 - x1, ==, SR_GRID_CELL_W + SR_GRID_GAP + SR_GRID_ENTRANCE_GAP);
  g_assert_cmpint (grid->width, ==, x2 + 2 * (SR_GRID_CELL_W + SR_GRID_GAP));
  /* Every cell is found where it is drawn, and nowhere else. */
  for (guint i = 0; i < grid->cells->len; i++)
    {
      SrGridCell *cell = &g_array_index (grid->cells, SrGridCell, i);
      g_assert_cmpint (sr_grid_plan_cell_at (grid, sr_grid_plan_cell_x (grid, cell) + 1,
                                             sr_grid_plan_cell_y (grid, cell) + 1), ==, (int) i);
    }
  g_assert_cmpint (sr_grid_plan_cell_at (grid, 1, 1), ==, -1);
}

static void
test_pdf (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_PROPERTY);
  g_autoptr(GError) error = NULL;
  SrUnitColumn column = { "两室两厅", 8936, 1200000 };
  SrBuildingPlan plan = { "2号楼", 30, 0, 1, &column, 0, FALSE };
  gint64 project = sr_projects_add (admin, "翠湖", NULL, &error);
  gint64 building = sr_buildings_create (admin, project, &plan, &error);
  g_autoptr(GPtrArray) units = sr_units_list (admin, building, &error);
  g_autoptr(SrGridPlan) grid = sr_grid_plan_new (units);
  g_autofree char *dir = sr_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "grid.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  char head[5] = { 0 };
  FILE *f;

  g_assert_true (sr_grid_print_pdf (path, SR_PAPER_A4, "Unit grid · 翠湖 · 2号楼", "Printed 2026-11-23", grid, &error));
  g_assert_no_error (error);
  f = fopen (path, "rb");
  g_assert_nonnull (f);
  g_assert_cmpuint (fread (head, 1, 4, f), ==, 4);
  fclose (f);
  g_assert_cmpstr (head, ==, "%PDF");
  if (pdftotext != NULL)
    {
      const char *argv[] = { pdftotext, path, "-", NULL };
      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &text, NULL, NULL, &error));
      g_assert_nonnull (strstr (text, "2号楼"));
      g_assert_nonnull (strstr (text, "Printed 2026-11-23"));
      g_assert_nonnull (strstr (text, "Available 30"));
      g_assert_nonnull (strstr (text, "3001"));   /* the top floor fits on the page */
      g_assert_nonnull (strstr (text, "101"));
    }
  else
    g_test_message ("pdftotext not installed: the text of the page was not checked");
  /* SR_TEST_OUTPUT_DIR keeps a copy to look at. */
  if (g_getenv ("SR_TEST_OUTPUT_DIR") != NULL)
    {
      g_autofree char *keep = g_build_filename (g_getenv ("SR_TEST_OUTPUT_DIR"), "grid.pdf", NULL);
      g_assert_true (sr_grid_print_pdf (keep, SR_PAPER_A4, "Unit grid · 翠湖 · 2号楼", "Printed 2026-11-23", grid, &error));
    }
  g_assert_false (sr_grid_print_pdf ("/nonexistent/dir/grid.pdf", SR_PAPER_A3, "x", "y", grid, &error));
  g_assert_nonnull (error);
  sr_test_remove_tree (dir);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/grid-print/plan", test_plan);
  g_test_add_func ("/grid-print/pdf", test_pdf);
  return g_test_run ();
}
