/* sr-customer-work.h — the parts of a customer's page that depend on the kind of office:
 * a decoration customer's quotes (项目报价预算, as versions) and renderings and drawings
 * (stored in the database, shown as thumbnails, opened with the system's viewer); a
 * housekeeping customer's candidates, interviews and placements (调换 included). */
#pragma once

#include <adwaita.h>

#include "core/sr-customers.h"

G_BEGIN_DECLS

/* Adds the groups for @customer to @page of the customer window @window (which holds the
 * context as data "ctx"). */
void sr_customer_work_add_groups (AdwPreferencesPage *page,
                                  GtkWidget          *window,
                                  SrContext          *ctx,
                                  SrCustomer         *customer);

G_END_DECLS
