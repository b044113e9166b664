/* sr-deals-private.h — for sr-bookings.c, whose subscription request and voiding open
 * and end deals inside their own transactions. */
#pragma once

#include "sr-deals.h"

G_BEGIN_DECLS

/* The deal a subscription request hangs on: the customer's intention-money deal (the
 * deposit must be at least the intention money paid) or a new one. Returns its id or 0. */
gint64   sr_deals_open_for_request (SrContext   *ctx,
                                    gint64       customer_id,
                                    gint64       owner_id,
                                    gint64       unit_id,
                                    SrFen        deposit_fen,
                                    const char  *sign_by_day,
                                    GError     **error);
/* A voided request: an intention-money deal goes back to waiting for a unit, any other
 * ends as voided. */
gboolean sr_deals_end_request      (SrContext   *ctx,
                                    gint64       deal_id,
                                    const char  *reason,
                                    GError     **error);

G_END_DECLS
