/* sr-project-overview.h — a whole project at a glance: every building as a small grid
 * (the printed grid's drawing, colours only) with its counts and held share. Activating
 * a building calls back with its id. */
#pragma once

#include <gtk/gtk.h>

#include "core/sr-context.h"

G_BEGIN_DECLS

typedef void (*SrBuildingFunc) (gint64   building_id,
                                gpointer user_data);

GtkWidget *sr_project_overview_new         (SrContext      *ctx,
                                            SrBuildingFunc  activated,
                                            gpointer        user_data);
/* Shows the buildings of @project_id (reloads them). */
void       sr_project_overview_set_project (GtkWidget      *overview,
                                            gint64          project_id);

G_END_DECLS
