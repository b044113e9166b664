/* sr-ledger-page.h — finance's page (收款): deposits to confirm, money to pay back,
 * intention money held; intention money is taken here. The full ledger (plans,
 * receipts, overdue) builds on it. */
#pragma once

#include <gtk/gtk.h>

#include "core/sr-context.h"

G_BEGIN_DECLS

gboolean   sr_ledger_page_is_for (SrSession *session);
GtkWidget *sr_ledger_page_new    (SrContext *ctx);

G_END_DECLS
