/* sr-registers-page.h — the registers (一览表): the list of those the person may read, the
 * days and filters, a preview of the first rows, and Export to Excel, Save as PDF and
 * Print. Exports run on their own database connection off the main thread, with a
 * progress bar and Cancel. */
#pragma once

#include <gtk/gtk.h>

#include "core/sr-context.h"
#include "core/sr-session.h"

G_BEGIN_DECLS

gboolean   sr_registers_page_is_for (SrSession *session);
GtkWidget *sr_registers_page_new    (SrContext *ctx);
/* Exports the register shown, with the days and filters shown, to @path (.xlsx or .pdf),
 * off the main thread; what the file chooser does once a file is chosen. */
void       sr_registers_page_export (GtkWidget  *page,
                                     const char *path);

G_END_DECLS
