/* sr-bookings-private.h — the steps of a booking that deals (sr-deals.c) take inside their
 * own transactions: the caller holds the transaction and has checked the permission. */
#pragma once

#include "sr-bookings.h"

G_BEGIN_DECLS

#define SR_BOOKING_LIVE_STATES "('reserved', 'pending', 'subscribed', 'signed', 'delivered')"

/* The unit's status and its label as people say it (1号楼 2-1201). */
gboolean sr_units_read_for_booking (SrContext   *ctx,
                                    gint64       unit_id,
                                    char       **out_status,
                                    char       **out_label,
                                    GError     **error);
gboolean sr_units_set_status       (SrContext   *ctx,
                                    gint64       unit_id,
                                    const char  *status,
                                    GError     **error);
/* Ends the expired reservations of @unit_id (every unit when 0); how many, or -1. */
gint64   sr_bookings_end_expired   (SrContext   *ctx,
                                    gint64       unit_id,
                                    GError     **error);
/* A CONFLICT error saying who booked the unit when it has a live booking. */
gboolean sr_bookings_check_free    (SrContext   *ctx,
                                    gint64       unit_id,
                                    const char  *label,
                                    GError     **error);
/* Inserts a live booking and sets the unit's status to @state; the unique index has the
 * last word when two PCs race. Returns the booking id or 0. */
gint64   sr_bookings_insert        (SrContext   *ctx,
                                    gint64       unit_id,
                                    gint64       customer_id,
                                    const char  *state,
                                    gint64       expires_at,
                                    gint64       deposit_fen,
                                    const char  *sign_by_day,
                                    const char  *note,
                                    const char  *label,
                                    gint64       deal_id,
                                    GError     **error);

G_END_DECLS
