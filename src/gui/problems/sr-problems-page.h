/* sr-problems-page.h — problem customers and after-sales (问题客户): report a problem,
 * take each one through its steps by role, see late solutions and broken promises, and
 * the month's complaints per staff member. */
#pragma once

#include <gtk/gtk.h>

#include "core/sr-context.h"

G_BEGIN_DECLS

gboolean   sr_problems_page_is_for (SrSession *session);
GtkWidget *sr_problems_page_new    (SrContext *ctx);

G_END_DECLS
