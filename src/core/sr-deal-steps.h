/* sr-deal-steps.h — a sale after the contract (PRODUCT.md "Sales control", "Money"):
 * money paid toward the plan, area settlement, mortgage and certificate progress,
 * the promised certificate date, supplementary agreements with approval, the unit's
 * internal acceptance and delivery (交付) with the owner's move-in day.
 * Each step checks the permission, writes an audit row, and runs in one transaction. */
#pragma once

#include "sr-context.h"
#include "sr-money.h"

G_BEGIN_DECLS

/* Finance records money paid toward the plan, allocated to the items oldest due first.
 * More than is due is refused unless @keep_advance (the person confirmed): the rest is
 * kept as an advance on the receipt and goes to the next item the plan gets; never lost.
 * When the whole plan is paid the customer moves to the office's paid stage. */
gboolean sr_deals_record_payment  (SrContext   *ctx,
                                   gint64       deal_id,
                                   SrFen        amount_fen,
                                   const char  *method,
                                   const char  *day,
                                   gboolean     keep_advance,
                                   char       **out_receipt_no,
                                   GError     **error);
/* Finance voids a receipt with the reason: it keeps its number and shows as void, and
 * what it paid is open again. A receipt for intention money or a deposit is not voided
 * here: cancel the sale or pay the money back. */
gboolean sr_receipts_void         (SrContext   *ctx,
                                   gint64       receipt_id,
                                   const char  *reason,
                                   GError     **error);
/* What the plan still asks for. */
gboolean sr_deals_due             (SrContext   *ctx,
                                   gint64       deal_id,
                                   SrFen       *out_due,
                                   GError     **error);

/* The measured area of a signed sale's unit: the difference at the contract's price per
 * m² becomes a plan item (more area) or money due back (less). Once per sale. */
gboolean sr_deals_settle_area     (SrContext   *ctx,
                                   gint64       deal_id,
                                   gint64       measured_area_centi,
                                   GError     **error);

/* Tracks: "mortgage" (papers, sent, approved, disbursed) and "certificate" (fees, filed,
 * issued, handed-over). Steps are recorded in order, each once, with its day; the
 * certificate's fees step needs the certificate-fee item paid. */
const char * const *sr_progress_steps       (const char *track);
const char         *sr_progress_step_label  (const char *track,
                                             const char *step);
gboolean sr_deals_record_progress (SrContext   *ctx,
                                   gint64       deal_id,
                                   const char  *track,
                                   const char  *step,
                                   const char  *day,
                                   const char  *note,
                                   GError     **error);
/* Certificate fees (办证费) as a plan item, collected before filing. */
gboolean sr_deals_add_certificate_fee (SrContext *ctx,
                                   gint64       deal_id,
                                   SrFen        amount_fen,
                                   const char  *due_day,
                                   GError     **error);
/* The day the office promised the certificate; the consultant is reminded to tell the
 * owner first (My Day) from a week before. */
gboolean sr_deals_promise_certificate (SrContext *ctx,
                                   gint64       deal_id,
                                   const char  *day,
                                   GError     **error);

/* A supplementary agreement (补充协议) to a contract, waiting for approval. */
gint64   sr_deals_add_agreement   (SrContext   *ctx,
                                   gint64       deal_id,
                                   const char  *content,
                                   GError     **error);
gboolean sr_deals_decide_agreement (SrContext  *ctx,
                                   gint64       agreement_id,
                                   gboolean     approve,
                                   const char  *note,
                                   GError     **error);

/* The unit passed the office's internal acceptance (内部验收) on @day. */
gboolean sr_units_pass_acceptance (SrContext   *ctx,
                                   gint64       unit_id,
                                   const char  *day,
                                   GError     **error);
/* Delivery (交付): needs the payoff (every plan item paid, nothing due back) and the
 * unit's internal acceptance; schedules the owner's move-in day (may be NULL). */
gboolean sr_deals_deliver         (SrContext   *ctx,
                                   gint64       deal_id,
                                   const char  *day,
                                   const char  *move_in_day,
                                   GError     **error);

typedef struct {
  char *track;
  char *step;
  char *day;
  char *note;
  char *by;
} SrProgressStep;

typedef struct {
  gint64 id;
  char *content;
  char *state;            /* pending, approved, rejected */
  char *created_by;
  char *decided_by;
  char *note;
  gint64 created_at;
} SrAgreement;

void       sr_progress_step_free   (SrProgressStep *step);
void       sr_agreement_free       (SrAgreement    *agreement);
GPtrArray *sr_deals_list_progress  (SrContext      *ctx,
                                    gint64          deal_id,
                                    GError        **error);
GPtrArray *sr_deals_list_agreements (SrContext     *ctx,
                                    gint64          deal_id,
                                    GError        **error);

/* What happened to a unit, newest first: withheld and released, prices set, bookings
 * made and ended (with why), deposit confirmed, contract signed, acceptance, delivery. */
typedef struct {
  gint64 at;
  char *text;
  char *who;     /* may be NULL */
} SrUnitEvent;

void       sr_unit_event_free      (SrUnitEvent    *event);
/* Reservations that ran out since @since (unix time), newest first, each as
 * "building unit · customer · when": what the controller checks after the sweep. */
GPtrArray *sr_bookings_list_expired (SrContext     *ctx,
                                    gint64          since,
                                    GError        **error);
GPtrArray *sr_units_history        (SrContext      *ctx,
                                    gint64          unit_id,
                                    GError        **error);

G_END_DECLS
