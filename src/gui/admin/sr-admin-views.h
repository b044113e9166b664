/* sr-admin-views.h — the sections of the admin page. Each is a widget built over the
 * context; it refreshes itself when the context says its table changed. */
#pragma once

#include <gtk/gtk.h>

#include "core/sr-context.h"

G_BEGIN_DECLS

GtkWidget *sr_staff_view_new   (SrContext *ctx);
GtkWidget *sr_units_view_new   (SrContext *ctx);
GtkWidget *sr_media_view_new   (SrContext *ctx);
GtkWidget *sr_stages_view_new  (SrContext *ctx);
GtkWidget *sr_office_view_new  (SrContext *ctx);
GtkWidget *sr_audit_view_new   (SrContext *ctx);

G_END_DECLS
