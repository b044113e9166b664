/* sr-customers-private.h — for the front desk and dispatch, which change owners inside
 * their own transaction and permission check, and for lists of customers read by id. */
#pragma once

#include "sr-customers.h"

G_BEGIN_DECLS

/* The owner (0: none yet) of a live customer; NOT_FOUND when there is no such one. */
gboolean sr_customers_read_owner (SrContext   *ctx,
                                  gint64       customer_id,
                                  gint64      *out_owner,
                                  GError     **error);

/* A consultant works on their own customers; customer managers and managers on anyone's.
 * FALSE with DENIED and @message otherwise. */
gboolean sr_customers_check_owner (SrContext   *ctx,
                                   gint64       owner_id,
                                   const char  *message,
                                   GError     **error);

/* Sets the owner and records the transfer; the caller holds the transaction. */
gboolean sr_customers_set_owner (SrContext   *ctx,
                                 gint64       customer_id,
                                 gint64       to_staff_id,
                                 const char  *rule,
                                 const char  *reason,
                                 GError     **error);

/* The customers of @ids, in that order, as the signed-in person may see them. */
GPtrArray  *sr_customers_from_ids    (SrContext     *ctx,
                                      const GArray  *ids,
                                      GError       **error);

/* Why a contact went to its receiver, from its rule code, in the reader's language. */
const char *sr_customers_contact_rule_label (const char *code);

G_END_DECLS
