/* sr-money-forms.h — the forms finance fills in: intention money, the deposit that turns
 * a request into 认购, money paid back. Used by the money page and the unit panel. */
#pragma once

#include <gtk/gtk.h>

#include "core/sr-context.h"

G_BEGIN_DECLS

void sr_money_form_take_intention  (GtkWidget *parent,
                                    SrContext *ctx);
void sr_money_form_confirm_deposit (GtkWidget *parent,
                                    SrContext *ctx,
                                    gint64     deal_id);
/* Pays back intention money in full, or what a cancellation left due. */
void sr_money_form_refund          (GtkWidget *parent,
                                    SrContext *ctx,
                                    gint64     deal_id);
/* Money paid toward the plan (oldest due first; above what is due only as an advance). */
void sr_money_form_payment         (GtkWidget *parent,
                                    SrContext *ctx,
                                    gint64     deal_id);
/* Someone who is not finance reports money a customer handed over, for finance to confirm. */
void sr_money_form_report          (GtkWidget *parent,
                                    SrContext *ctx,
                                    gint64     deal_id);
/* Finance confirms a report (the receipt is recorded then) or rejects it with a reason;
 * @summary says what was reported. */
void sr_money_form_confirm_report  (GtkWidget  *parent,
                                    SrContext  *ctx,
                                    gint64      report_id,
                                    const char *summary);
void sr_money_form_reject_report   (GtkWidget  *parent,
                                    SrContext  *ctx,
                                    gint64      report_id,
                                    const char *summary);
/* The receipt-method labels in the order of sr_receipt_methods, NULL-terminated. */
const char **sr_money_method_labels (void);

G_END_DECLS
