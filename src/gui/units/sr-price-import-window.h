/* sr-price-import-window.h — the price-list import with a preview: what each row of the
 * file will do (new unit, price change, unchanged), or the line and reason that stops
 * it; nothing is written until the person presses Import. */
#pragma once

#include <gtk/gtk.h>

#include "core/sr-context.h"

G_BEGIN_DECLS

/* Reads @file and shows the preview, for the project named @project (editable). */
GtkWidget *sr_price_import_window_new (GtkWidget  *parent,
                                       SrContext  *ctx,
                                       GFile      *file,
                                       const char *project);
/* Asks for a CSV file, then shows its preview. */
void       sr_price_import_choose     (GtkWidget  *parent,
                                       SrContext  *ctx,
                                       const char *project);

G_END_DECLS
