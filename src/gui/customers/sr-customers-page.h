/* sr-customers-page.h — every customer: one search field (phone fragment, name, pinyin,
 * initials), a paged list sorted in SQL, and a customer's page with their history. */
#pragma once

#include <gtk/gtk.h>

#include "core/sr-context.h"

G_BEGIN_DECLS

gboolean   sr_customers_page_is_for (SrSession *session);
GtkWidget *sr_customers_page_new    (SrContext *ctx);
/* Opens the page of one customer (also used by tests). */
GtkWidget *sr_customer_window_new   (GtkWidget *parent,
                                     SrContext *ctx,
                                     gint64     customer_id);

G_END_DECLS
