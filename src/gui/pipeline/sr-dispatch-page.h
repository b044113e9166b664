/* sr-dispatch-page.h — designer dispatch (派单) for the customer manager of a decoration
 * office: who is next and why, the customers waiting for a designer, the designers with
 * their level, load, leave and credit, and today's dispatches. */
#pragma once

#include <gtk/gtk.h>

#include "core/sr-context.h"
#include "core/sr-session.h"

G_BEGIN_DECLS

gboolean   sr_dispatch_page_is_for (SrSession *session);
GtkWidget *sr_dispatch_page_new    (SrContext *ctx);

G_END_DECLS
