/* sr-sales-report-page.h — the daily sales report (销售日报表) on screen: a day's
 * subscriptions and the total to date by building, unit type, area, floor and price
 * band. Export and print come with the registers. */
#pragma once

#include <gtk/gtk.h>

#include "core/sr-context.h"

G_BEGIN_DECLS

gboolean   sr_sales_report_page_is_for (SrSession *session);
GtkWidget *sr_sales_report_page_new    (SrContext *ctx);

G_END_DECLS
