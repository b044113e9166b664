/* sr-customer-list-model.h — all customers as a GListModel that reads pages of rows
 * from SQL when the list view asks for them, sorted in SQL. */
#pragma once

#include <gio/gio.h>

#include "core/sr-customers.h"

G_BEGIN_DECLS

#define SR_TYPE_CUSTOMER_LIST_MODEL (sr_customer_list_model_get_type ())
G_DECLARE_FINAL_TYPE (SrCustomerListModel, sr_customer_list_model, SR, CUSTOMER_LIST_MODEL, GObject)

SrCustomerListModel *sr_customer_list_model_new    (SrContext           *ctx);
/* Re-reads the count and forgets the cached pages (after a change, a new sort, …). */
void                 sr_customer_list_model_reload (SrCustomerListModel *self,
                                                    gint64               owner_id,
                                                    SrCustomerSort       sort);

G_END_DECLS
