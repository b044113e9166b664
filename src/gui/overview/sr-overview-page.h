/* sr-overview-page.h — the manager's overview (总览): today's, this week's or this month's
 * office in charts drawn with Cairo (calls and visits by media source and by hour, the
 * rotation's fairness, units by status, sales per day, problems by age, the owners'
 * profile) and the money against plan; printed on one A4 page by the same drawing. */
#pragma once

#include <gtk/gtk.h>

#include "core/sr-context.h"
#include "core/sr-session.h"

G_BEGIN_DECLS

gboolean   sr_overview_page_is_for (SrSession *session);
GtkWidget *sr_overview_page_new    (SrContext *ctx);

G_END_DECLS
