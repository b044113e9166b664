/* sr-unit-window.h — one unit's panel: its status and prices, its booking, the sale on it
 * (deposit, discount, contract, plan and receipts) and the steps the signed-in person
 * may take now: hold and release, reserve, request, void (销控); confirm the deposit
 * (财务); discount, contract, change of unit, cancellation (销控). */
#pragma once

#include <gtk/gtk.h>

#include "core/sr-context.h"

G_BEGIN_DECLS

/* Opens the panel of one unit (also used by tests and screenshots). */
GtkWidget *sr_unit_window_new (GtkWidget *parent,
                               SrContext *ctx,
                               gint64     unit_id);
/* The panel of a decoration or service contract: the deal, plan, receipts and the money
 * steps (record a payment, pay back, cancel). */
GtkWidget *sr_deal_window_new (GtkWidget *parent,
                               SrContext *ctx,
                               gint64     deal_id);
/* Opens what a deal row stands for: the unit's panel, or the contract's. */
void       sr_deal_open       (GtkWidget *parent,
                               SrContext *ctx,
                               gint64     unit_id,
                               gint64     deal_id);

G_END_DECLS
