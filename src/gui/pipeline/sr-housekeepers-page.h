/* sr-housekeepers-page.h — a housekeeping agency's roster (家政服务员): who is free, placed
 * (with whom, until when the trial runs) or in training; the customer manager adds and
 * edits housekeepers, sends them to training and takes them off the roster. */
#pragma once

#include <gtk/gtk.h>

#include "core/sr-context.h"
#include "core/sr-session.h"

G_BEGIN_DECLS

gboolean   sr_housekeepers_page_is_for (SrSession *session);
GtkWidget *sr_housekeepers_page_new    (SrContext *ctx);

G_END_DECLS
