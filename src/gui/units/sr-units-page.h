/* sr-units-page.h — the unit grid (销控表) of one building at a time: legend, counts,
 * the held share; a unit's panel with its booking and the steps the person may take. */
#pragma once

#include <gtk/gtk.h>

#include "core/sr-context.h"

G_BEGIN_DECLS

gboolean   sr_units_page_is_for (SrSession *session);
GtkWidget *sr_units_page_new    (SrContext *ctx);
/* Opens the panel of one unit (also used by tests and screenshots). */
GtkWidget *sr_unit_window_new   (GtkWidget *parent,
                                 SrContext *ctx,
                                 gint64     unit_id);

G_END_DECLS
