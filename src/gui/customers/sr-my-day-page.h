/* sr-my-day-page.h — a consultant's day: follow-ups due or overdue, their customers who
 * came while they were out, the new customers they received today. */
#pragma once

#include <gtk/gtk.h>

#include "core/sr-context.h"

G_BEGIN_DECLS

gboolean   sr_my_day_page_is_for (SrSession *session);
GtkWidget *sr_my_day_page_new    (SrContext *ctx);

G_END_DECLS
