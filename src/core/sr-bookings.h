/* sr-bookings.h — the life of a unit before the money: hold and release (销控),
 * reservations for a named customer until a set time (预留), subscription requests
 * waiting for finance (待确认). A unit has at most one live booking; the database
 * enforces it (partial unique index), and core says who got there first. */
#pragma once

#include "sr-context.h"

G_BEGIN_DECLS

/* Withhold an available unit from sale, or release a held one (sales controller). */
gboolean sr_units_hold          (SrContext   *ctx,
                                 gint64       unit_id,
                                 GError     **error);
gboolean sr_units_release       (SrContext   *ctx,
                                 gint64       unit_id,
                                 GError     **error);
/* Reserves an available unit for a customer until @until (sales controller). */
gint64   sr_units_reserve       (SrContext   *ctx,
                                 gint64       unit_id,
                                 gint64       customer_id,
                                 gint64       until,
                                 const char  *note,
                                 GError     **error);
/* A consultant asks for the unit for their customer with a deposit and a signing date;
 * the unit is 待确认 until finance confirms the deposit. A reservation for the same
 * customer turns into the request. */
gint64   sr_units_request_subscription (SrContext *ctx,
                                 gint64       unit_id,
                                 gint64       customer_id,
                                 gint64       deposit_fen,
                                 const char  *sign_by_day,
                                 GError     **error);
/* Ends a reservation or a request that has not been confirmed (with a reason). */
gboolean sr_bookings_void       (SrContext   *ctx,
                                 gint64       booking_id,
                                 const char  *reason,
                                 GError     **error);
/* Ends the reservations whose time has passed; returns how many. */
gint64   sr_bookings_sweep_expired (SrContext *ctx,
                                 GError     **error);

typedef struct {
  gint64 id;
  char *state;          /* reserved, pending, subscribed, signed, delivered */
  gint64 customer_id;
  char *customer_name;
  gint64 expires_at;    /* reserved: until when */
  gint64 deposit_fen;
  char *sign_by_day;
  char *booked_by;
} SrBooking;

void       sr_booking_free          (SrBooking  *booking);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SrBooking, sr_booking_free)
/* The live booking of a unit, or NULL (without error) when it has none. An expired
 * reservation is not live. */
SrBooking *sr_bookings_live_for_unit (SrContext *ctx,
                                      gint64     unit_id,
                                      GError   **error);

G_END_DECLS
