/* sr-money-reports.h — money reported by whoever received it, confirmed by finance
 * (PRODUCT.md "Money": receipts are recorded by someone and confirmed by finance).
 *
 * A consultant handed a transfer slip or a deposit reports it on the deal; it waits on
 * finance's Money page. Confirming records the receipt then (so numbers have no gaps),
 * allocated like any payment, with the reporter as recorded-by and finance as
 * confirmed-by; rejecting keeps the report with finance's reason. Nothing counts as paid
 * before it is confirmed.
 */
#pragma once

#include "sr-context.h"
#include "sr-money.h"

G_BEGIN_DECLS

typedef struct {
  gint64 id;
  gint64 deal_id;
  gint64 unit_id;             /* 0: not a unit sale */
  char *customer_name;
  char *deal_label;           /* the unit, else the contract number */
  SrFen amount_fen;
  char *method;
  char *day;
  char *note;
  char *reported_by;
  gint64 reported_at;
  char *state;                /* waiting, confirmed, rejected */
  char *reject_reason;
} SrMoneyReport;

void        sr_money_report_free      (SrMoneyReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SrMoneyReport, sr_money_report_free)

/* Reports money received on a subscribed or signed deal (SR_ACTION_REPORT_MONEY; a
 * consultant for their own customers). Not more than the plan still asks, not in the
 * future. Returns the report. */
gint64      sr_money_report_add       (SrContext   *ctx,
                                       gint64       deal_id,
                                       SrFen        amount_fen,
                                       const char  *method,
                                       const char  *day,
                                       const char  *note,
                                       GError     **error);
/* Finance confirms: the receipt is recorded now, numbered, allocated oldest due first;
 * @keep_advance as for sr_deals_record_payment. */
gboolean    sr_money_report_confirm   (SrContext   *ctx,
                                       gint64       report_id,
                                       gboolean     keep_advance,
                                       char       **out_receipt_no,
                                       GError     **error);
/* Finance rejects with the reason (the money never came, the wrong amount …). */
gboolean    sr_money_report_reject    (SrContext   *ctx,
                                       gint64       report_id,
                                       const char  *reason,
                                       GError     **error);
/* Reports still waiting for finance, oldest first; @deal_id 0 for all. */
GPtrArray  *sr_money_reports_waiting  (SrContext   *ctx,
                                       gint64       deal_id,
                                       GError     **error);

G_END_DECLS
