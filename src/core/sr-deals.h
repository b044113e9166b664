/* sr-deals.h — the money side of a sale (PRODUCT.md "Money", "Sales control").
 *
 * A deal belongs to a customer and, in a property office, a unit. Intention money
 * (诚意金) taken before a unit is chosen opens a deal without a unit; a subscription
 * request (sr_units_request_subscription) opens one or moves the intention-money deal to
 * the unit; finance's confirmation of the deposit makes the unit 认购; the controller
 * enters the contract (签约), changes the unit before signing (换房) or cancels (退房).
 * Every step checks the permission, writes an audit row and, where the customer moves on
 * the pipeline (subscribe, sign), a stage_changes row. Receipts are numbered per year
 * without gaps (2026-00017).
 */
#pragma once

#include "sr-context.h"
#include "sr-money.h"

G_BEGIN_DECLS

/* Codes and their labels. Receipt methods: cash, card, transfer, wechat, alipay,
 * bank-loan. Payment methods of a deal: one-off, instalments, commercial-mortgage,
 * provident-fund, combined. Plan-item kinds: intention, deposit, down-payment,
 * instalment, mortgage, balance, area-settlement, certificate-fee. */
#define SR_N_RECEIPT_METHODS 6
#define SR_N_PAYMENT_METHODS 5
extern const char * const sr_receipt_methods[SR_N_RECEIPT_METHODS + 1];
extern const char * const sr_payment_methods[SR_N_PAYMENT_METHODS + 1];
const char *sr_receipt_method_get_label (const char *code);
const char *sr_payment_method_get_label (const char *code);
const char *sr_plan_item_kind_get_label (const char *code);
const char *sr_deal_state_get_label     (const char *code);
char       *sr_receipt_format_number    (gint64      year,
                                         gint64      number);

/* Finance takes intention money from a customer who has not chosen a unit. Returns the
 * deal; @out_receipt_no (may be NULL) gets the receipt number. */
gint64   sr_intention_take        (SrContext   *ctx,
                                   gint64       customer_id,
                                   SrFen        amount_fen,
                                   const char  *method,
                                   const char  *day,
                                   char       **out_receipt_no,
                                   GError     **error);
/* Finance pays intention money back in full; the deal ends as refunded. */
gboolean sr_intention_refund      (SrContext   *ctx,
                                   gint64       deal_id,
                                   const char  *method,
                                   const char  *day,
                                   const char  *reason,
                                   char       **out_receipt_no,
                                   GError     **error);

/* Finance confirms the deposit of a pending request: the receipt covers the deposit less
 * the intention money already paid (which converts into the deposit); the unit becomes
 * 认购. @amount_fen must be exactly what is due (0 when intention money covers it). */
gboolean sr_deals_confirm_deposit (SrContext   *ctx,
                                   gint64       deal_id,
                                   SrFen        amount_fen,
                                   const char  *method,
                                   const char  *day,
                                   char       **out_receipt_no,
                                   GError     **error);
/* What finance must take to confirm the deposit of a pending deal. */
gboolean sr_deals_deposit_due     (SrContext   *ctx,
                                   gint64       deal_id,
                                   SrFen       *out_due,
                                   GError     **error);

/* A discount off the list price with its reason, before signing. Above the office's
 * limit (setting "sales.discount_limit_permille", default 10 = 1 %) only a manager may
 * give it, and the manager is recorded as the approver. 0 removes the discount. */
gboolean sr_deals_set_discount    (SrContext   *ctx,
                                   gint64       deal_id,
                                   SrFen        discount_fen,
                                   const char  *reason,
                                   GError     **error);

typedef struct {
  const char *contract_no;
  const char *signed_on;       /* YYYY-MM-DD, not in the future */
  const char *payment_method;  /* a code of sr_payment_methods */
  const char *co_buyers;       /* 共有人, may be NULL */
  const char *clauses;         /* special clauses, may be NULL */
} SrContractInput;

/* The controller enters the contract of a subscribed deal: the price is the list price
 * less the discount, the unit becomes 签约, and the plan gets the rest of the price by the
 * payment method's template (down payment, loans or instalments, or the balance). */
gboolean sr_deals_sign            (SrContext            *ctx,
                                   gint64                deal_id,
                                   const SrContractInput *in,
                                   GError              **error);
/* Before signing, the booking and its money move to another available unit in one
 * transaction; the list price becomes the new unit's. */
gboolean sr_deals_change_unit     (SrContext   *ctx,
                                   gint64       deal_id,
                                   gint64       new_unit_id,
                                   const char  *reason,
                                   GError     **error);
/* Cancels a subscribed or signed deal: the unit returns to 待售; of the money paid,
 * @forfeit_fen is kept (定金罚没) and the rest is due back to the customer. */
gboolean sr_deals_cancel          (SrContext   *ctx,
                                   gint64       deal_id,
                                   const char  *reason,
                                   SrFen        forfeit_fen,
                                   GError     **error);
/* Finance pays back what a cancellation left due. */
gboolean sr_deals_pay_refund      (SrContext   *ctx,
                                   gint64       deal_id,
                                   const char  *method,
                                   const char  *day,
                                   char       **out_receipt_no,
                                   GError     **error);

typedef struct {
  gint64 id;
  gint64 customer_id;
  char *customer_name;
  char *kind;               /* unit, design, construction, materials, service */
  gint64 unit_id;           /* 0: none (intention money, or not a property deal) */
  char *unit_label;         /* the unit, else the contract number; NULL: neither */
  char *state;
  gint64 booking_id;        /* the live booking, 0 when none */
  SrFen list_price_fen;
  SrFen discount_fen;
  char *discount_reason;
  char *discount_approver;
  SrFen price_fen;          /* once signed */
  char *payment_method;
  char *contract_no;
  char *signed_on;
  char *co_buyers;
  char *clauses;
  SrFen deposit_fen;        /* asked for in the request */
  char *sign_by_day;
  SrFen paid_fen;           /* payments less refunds, voided receipts not counted */
  SrFen advance_fen;        /* paid but not yet allocated to a plan item */
  SrFen refund_due_fen;     /* cancelled: still to pay back */
  SrFen forfeit_fen;
  char *end_reason;
  char *owner_name;
  gint64 created_at;
} SrDeal;

void    sr_deal_free         (SrDeal     *deal);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SrDeal, sr_deal_free)

SrDeal *sr_deals_get         (SrContext  *ctx,
                              gint64      deal_id,
                              GError    **error);
/* The deal of the unit's live booking, or NULL without error when there is none. */
SrDeal *sr_deals_for_unit    (SrContext  *ctx,
                              gint64      unit_id,
                              GError    **error);
/* The customer's deals, newest first. */
GPtrArray *sr_deals_for_customer (SrContext *ctx,
                              gint64      customer_id,
                              GError    **error);
/* What finance has to do: requests waiting for the deposit, refunds due, intention money
 * to convert or refund (every open intention deal). Oldest first. */
GPtrArray *sr_deals_list_for_finance (SrContext *ctx,
                              GError    **error);

typedef struct {
  gint64 id;
  char *kind;
  char *due_day;
  SrFen amount_fen;
  SrFen paid_fen;
} SrPlanItem;

typedef struct {
  gint64 id;
  char *number;             /* 2026-00017 */
  char *kind;               /* payment, refund */
  char *day;
  SrFen amount_fen;
  char *method;
  char *recorded_by;
  gboolean is_voided;
} SrReceipt;

void       sr_plan_item_free   (SrPlanItem *item);
void       sr_receipt_free     (SrReceipt  *receipt);
GPtrArray *sr_deals_list_plan  (SrContext  *ctx,
                                gint64      deal_id,
                                GError    **error);
GPtrArray *sr_deals_list_receipts (SrContext *ctx,
                                gint64      deal_id,
                                GError    **error);

G_END_DECLS
