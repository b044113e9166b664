/* sr-board-page.h — the pipeline board: a column per stage, cards that page from SQL,
 * moved by drag and drop or Move To… (Ctrl+M), filtered by owner, grade, deadline and a
 * search; the funnel in its own window. */
#pragma once

#include <gtk/gtk.h>

#include "core/sr-context.h"
#include "core/sr-session.h"

G_BEGIN_DECLS

gboolean   sr_board_page_is_for (SrSession *session);
GtkWidget *sr_board_page_new    (SrContext *ctx);

G_END_DECLS
