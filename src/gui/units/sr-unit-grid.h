/* sr-unit-grid.h — one building's units as a grid: floors (top floor at the top) ×
 * units, grouped by entrance, each cell coloured by status. One widget drawing in
 * snapshot(), not a widget per unit. Arrow keys move, Enter or a click opens a unit. */
#pragma once

#include <gtk/gtk.h>

#include "core/sr-units.h"
#include "registers/sr-grid-plan.h"

G_BEGIN_DECLS

#define SR_TYPE_UNIT_GRID (sr_unit_grid_get_type ())
G_DECLARE_FINAL_TYPE (SrUnitGrid, sr_unit_grid, SR, UNIT_GRID, GtkWidget)

GtkWidget *sr_unit_grid_new        (void);
/* @units: SrUnit objects of one building. */
void       sr_unit_grid_set_units  (SrUnitGrid *self,
                                    GPtrArray  *units);
/* Redraws the one cell of @unit (another PC sold or held it) with what @unit says now;
 * FALSE when it is not on this grid, or has moved (then set the units again). */
gboolean   sr_unit_grid_update_unit (SrUnitGrid *self,
                                     SrUnit     *unit);
/* Units that do not match @filter are drawn dimmed; NULL or an empty filter dims none.
 * The filter is copied. */
void       sr_unit_grid_set_filter (SrUnitGrid         *self,
                                    const SrUnitFilter *filter);
/* How many of the building's units match the filter (all of them when there is none). */
guint      sr_unit_grid_get_n_matching (SrUnitGrid *self);
/* Where each unit is drawn (NULL before units are set), and the filter in force: what
 * the printed grid draws from. */
SrGridPlan *sr_unit_grid_get_plan  (SrUnitGrid *self);
const SrUnitFilter *sr_unit_grid_get_filter (SrUnitGrid *self);
/* The focused unit's id, 0 when none. */
gint64     sr_unit_grid_get_cursor (SrUnitGrid *self);

G_END_DECLS
