/* sr-ledger.h — money that is late (PRODUCT.md "Money"): plan items past due and not
 * fully paid (the 催款 list), approved delays (延期付款) of an item's due date, and
 * subscriptions whose agreed signing date has passed without a contract (未签约). */
#pragma once

#include "sr-context.h"
#include "sr-money.h"

G_BEGIN_DECLS

typedef struct {
  gint64 deal_id;
  gint64 unit_id;           /* 0: none */
  gint64 customer_id;
  char *customer_name;
  char *unit_label;         /* "" when none */
  char *consultant;         /* may be NULL */
  gint64 item_id;           /* overdue rows */
  char *kind;               /* overdue rows: the plan item's kind */
  char *day;                /* the due day, or the agreed signing date */
  int days_late;
  SrFen open_fen;           /* overdue rows: still to pay */
  SrFen deposit_fen;        /* unsigned rows */
} SrLateRow;

void       sr_late_row_free        (SrLateRow   *row);
/* Plan items due before today and not fully paid, on live sales, most overdue first, at
 * most 2,000 (a consultant's My Day lists them); @owner_id 0 for everyone's, else one
 * consultant's customers. */
GPtrArray *sr_ledger_overdue       (SrContext   *ctx,
                                    gint64       owner_id,
                                    GError     **error);
/* The same, those whose customer's name, unit or contract holds @needle (NULL or "" for
 * every one), at most @limit (0: all); @out_total (may be NULL) gets how many match in all. */
GPtrArray *sr_ledger_overdue_find  (SrContext   *ctx,
                                    gint64       owner_id,
                                    const char  *needle,
                                    guint        limit,
                                    guint       *out_total,
                                    GError     **error);
/* Subscriptions whose agreed signing date has passed without a contract. */
GPtrArray *sr_ledger_unsigned      (SrContext   *ctx,
                                    gint64       owner_id,
                                    GError     **error);
/* The manager moves an item's due date later with the reason; kept as history. */
gboolean   sr_plan_item_delay      (SrContext   *ctx,
                                    gint64       item_id,
                                    const char  *new_day,
                                    const char  *reason,
                                    GError     **error);

/* Finance's day: the receipts dated @day, in number order. */
typedef struct {
  gint64 id;
  char *number;
  char *customer_name;
  char *unit_label;      /* "" when none */
  char *kind;            /* payment, refund */
  char *method;
  SrFen amount_fen;
  gboolean is_voided;
} SrDayReceipt;

void       sr_day_receipt_free     (SrDayReceipt *receipt);
GPtrArray *sr_receipts_for_day     (SrContext    *ctx,
                                    const char   *day,
                                    GError      **error);

G_END_DECLS
