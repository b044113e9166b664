/* sr-grid-plan.h — where each unit of a building goes on the unit grid (销控表):
 * floors top first, columns by entrance and place on the floor, with the gaps between
 * entrances; the status colours of the legend; the text of a cell. The window's grid
 * (GSK, for speed) and the printed grid (Cairo, sr_grid_plan_draw) both lay out and
 * colour from here, so paper and screen look the same. No GTK. */
#pragma once

#include <cairo.h>

#include "core/sr-units.h"

G_BEGIN_DECLS

#define SR_GRID_CELL_W 92
#define SR_GRID_CELL_H 58
#define SR_GRID_GAP 4
#define SR_GRID_FLOOR_W 40
#define SR_GRID_HEADER_H 24
#define SR_GRID_ENTRANCE_GAP 14
#define SR_GRID_PRINT_HEADER_H 14  /* on paper the column headers keep their height */

typedef struct {
  SrUnit *unit;           /* borrowed from the units the plan was made from */
  int row;                /* 0 = top floor */
  int column;             /* across entrances */
} SrGridCell;

typedef struct {
  GPtrArray *units;       /* a reference on what the plan was made from */
  GArray *cells;          /* SrGridCell */
  GArray *floors;         /* int, top first */
  GPtrArray *columns;     /* "entrance|NN", in order */
  GArray *column_xs;      /* int: x of each column */
  int width;
  int height;
} SrGridPlan;

SrGridPlan *sr_grid_plan_new      (GPtrArray          *units);
void        sr_grid_plan_free     (SrGridPlan         *plan);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SrGridPlan, sr_grid_plan_free)

int         sr_grid_plan_cell_x   (SrGridPlan         *plan,
                                   const SrGridCell   *cell);
int         sr_grid_plan_cell_y   (SrGridPlan         *plan,
                                   const SrGridCell   *cell);
/* The cell at a point, or -1. */
int         sr_grid_plan_cell_at  (SrGridPlan         *plan,
                                   double              x,
                                   double              y);
/* "2单元 03" over a column; the entrance only on its first column. */
char       *sr_grid_plan_column_label (SrGridPlan     *plan,
                                   guint               column,
                                   gboolean           *out_first_of_entrance);

/* The legend's colour of a status, 0–1 each; pending is drawn hatched over it. */
void        sr_unit_status_rgb    (SrUnitStatus        status,
                                   double              rgb[3]);
/* number / type / area m², as the cell shows it. */
char       *sr_grid_cell_text     (SrUnit             *unit);

/* Draws the grid with Cairo, its geometry stretched by @sx across and @sy down (the
 * header row stays SR_GRID_PRINT_HEADER_H high). A cell too short for three lines shows
 * its number alone; cells too small for any text make a thumbnail: colours only, no
 * headers, no floor column (it starts at 0, 0). Units not matching @filter are dimmed
 * (NULL: none). */
void        sr_grid_plan_draw     (SrGridPlan         *plan,
                                   cairo_t            *cr,
                                   double              sx,
                                   double              sy,
                                   const SrUnitFilter *filter);

G_END_DECLS
