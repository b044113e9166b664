/* sr-units-page.h — the unit grid (销控表) of one building at a time: legend, counts,
 * the held share; a unit's panel with its booking and the steps the person may take. */
#pragma once

#include <gtk/gtk.h>

#include "core/sr-context.h"
#include "sr-unit-window.h"

G_BEGIN_DECLS

gboolean   sr_units_page_is_for (SrSession *session);
GtkWidget *sr_units_page_new    (SrContext *ctx);

G_END_DECLS
