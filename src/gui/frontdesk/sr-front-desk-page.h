/* sr-front-desk-page.h — the receptionist's screen: who is next (large), the day's order
 * with each person's state, and the buttons of the rotation; receiving a visitor or a
 * caller phone first. */
#pragma once

#include <gtk/gtk.h>

#include "core/sr-context.h"

G_BEGIN_DECLS

gboolean   sr_front_desk_page_is_for (SrSession *session);
GtkWidget *sr_front_desk_page_new    (SrContext *ctx);

G_END_DECLS
