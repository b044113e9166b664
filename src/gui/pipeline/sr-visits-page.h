/* sr-visits-page.h — return visits (回访) for the customer manager: who is due (a week on
 * a construction site, or in a trial period, without a visit), the visit form (a problem
 * found opens a case), and the last month's visits. */
#pragma once

#include <gtk/gtk.h>

#include "core/sr-context.h"
#include "core/sr-session.h"

G_BEGIN_DECLS

gboolean   sr_visits_page_is_for (SrSession *session);
GtkWidget *sr_visits_page_new    (SrContext *ctx);

G_END_DECLS
