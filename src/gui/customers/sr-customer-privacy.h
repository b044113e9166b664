/* sr-customer-privacy.h — on the customer's page: where their information came from, and
 * for the manager, a person's request under PIPL: everything about them in a file, or
 * their erasure. */
#pragma once

#include <adwaita.h>

#include "core/sr-customers.h"

G_BEGIN_DECLS

void sr_customer_privacy_add_group (AdwPreferencesPage *page,
                                    GtkWidget          *window,
                                    SrContext          *ctx,
                                    SrCustomer         *customer);

G_END_DECLS
