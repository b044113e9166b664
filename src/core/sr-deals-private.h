/* sr-deals-private.h — for sr-bookings.c, whose subscription request and voiding open
 * and end deals inside their own transactions, and for sr-deal-steps.c, the steps after
 * signing, which share the deal's checks and writes. The caller holds the transaction. */
#pragma once

#include "sr-deals.h"
#include "sr-stages.h"

G_BEGIN_DECLS

/* What a deal is called in lists: its unit (3号楼 2-1201) in a property office, else its
 * contract number; '' for neither. Needs deals d, units u and buildings b (LEFT JOINs). */
#define SR_DEAL_LABEL_SQL \
  "CASE WHEN u.id IS NOT NULL THEN b.name || ' ' || " \
  " CASE WHEN u.entrance <> '' THEN u.entrance || '-' ELSE '' END || u.number " \
  " ELSE coalesce (d.contract_no, '') END"

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

/* Checks: a date not in the future; a receipt method; the deal's state among the
 * space-separated @wanted (else CONFLICT with @message). */
gboolean sr_deals_check_day        (SrContext   *ctx,
                                    const char  *day,
                                    GError     **error);
gboolean sr_deals_check_method     (const char  *method,
                                    GError     **error);
gboolean sr_deals_expect_state     (const char  *state,
                                    const char  *wanted,
                                    const char  *message,
                                    GError     **error);
gint64   sr_deals_staff            (SrContext   *ctx);
/* The deal's state, customer, unit and live booking (any out may be NULL but state). */
gboolean sr_deals_read             (SrContext   *ctx,
                                    gint64       deal_id,
                                    char       **out_state,
                                    gint64      *out_customer,
                                    gint64      *out_unit,
                                    gint64      *out_booking,
                                    GError     **error);
/* Payments less refunds, voided receipts not counted. */
gboolean sr_deals_paid             (SrContext   *ctx,
                                    gint64       deal_id,
                                    SrFen       *out_paid,
                                    GError     **error);
/* A receipt recorded and confirmed by finance, numbered next in its year. */
gint64   sr_deals_add_receipt      (SrContext   *ctx,
                                    gint64       deal_id,
                                    const char  *kind,
                                    const char  *day,
                                    SrFen        amount_fen,
                                    const char  *method,
                                    char       **out_number,
                                    GError     **error);
gint64   sr_deals_add_plan_item    (SrContext   *ctx,
                                    gint64       deal_id,
                                    const char  *kind,
                                    const char  *due_day,
                                    SrFen        amount_fen,
                                    GError     **error);
gboolean sr_deals_allocate         (SrContext   *ctx,
                                    gint64       receipt_id,
                                    gint64       item_id,
                                    SrFen        amount_fen,
                                    GError     **error);
gboolean sr_deals_set_state        (SrContext   *ctx,
                                    gint64       deal_id,
                                    const char  *from,
                                    const char  *to,
                                    GError     **error);
gboolean sr_deals_set_booking_state (SrContext  *ctx,
                                    gint64       booking_id,
                                    const char  *state,
                                    GError     **error);
gboolean sr_deals_move_stage       (SrContext   *ctx,
                                    gint64       customer_id,
                                    SrStageKind  kind,
                                    gint64       deal_id,
                                    GError     **error);
/* The same, only when that stage comes after the customer's stage (a second contract does
 * not take a customer back from the site to 签约). */
gboolean sr_deals_move_stage_forward (SrContext  *ctx,
                                    gint64       customer_id,
                                    SrStageKind  kind,
                                    gint64       deal_id,
                                    GError     **error);
/* Commits (and tells the screens) or rolls back; FALSE keeps the error. */
gboolean sr_deals_finish           (SrContext   *ctx,
                                    gboolean     ok,
                                    GError     **error);

G_END_DECLS
