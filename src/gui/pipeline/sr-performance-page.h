/* sr-performance-page.h — targets and performance (产值计划, the performance register's
 * data) for the customer manager and the manager: each consultant's or designer's week or
 * month beside their target, and Target… to set it. */
#pragma once

#include <gtk/gtk.h>

#include "core/sr-context.h"
#include "core/sr-session.h"

G_BEGIN_DECLS

gboolean   sr_performance_page_is_for (SrSession *session);
GtkWidget *sr_performance_page_new    (SrContext *ctx);

G_END_DECLS
