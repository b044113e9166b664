/* sr-supply-page.h — demand beside supply (供需对照) for the sales controller: intention
 * customers by grade and by the type and area they want, next to the units for sale and
 * withheld, to decide what to release (seed 002, 协调户源). */
#pragma once

#include <gtk/gtk.h>

#include "core/sr-context.h"

G_BEGIN_DECLS

gboolean   sr_supply_page_is_for (SrSession *session);
GtkWidget *sr_supply_page_new    (SrContext *ctx);

G_END_DECLS
