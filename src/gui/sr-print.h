/* sr-print.h — the thin glue between the page painters of src/registers and the
 * printer: one page through GtkPrintOperation, whose dialog also saves to PDF. */
#pragma once

#include <gtk/gtk.h>

#include "registers/sr-slips.h"

G_BEGIN_DECLS

/* Runs the print dialog for one page drawn by @draw; @destroy frees @data when done. */
void sr_print_page (GtkWidget      *parent,
                    const char     *job_name,
                    gboolean        landscape,
                    SrPageDrawFunc  draw,
                    gpointer        data,
                    GDestroyNotify  destroy);

/* Several pages: @draw_page draws page @page (from 0) of @n_pages. */
typedef void (*SrPagesDrawFunc) (cairo_t *cr,
                                 double   width,
                                 double   height,
                                 guint    page,
                                 gpointer data);
void sr_print_pages (GtkWidget       *parent,
                     const char      *job_name,
                     gboolean         landscape,
                     guint            n_pages,
                     SrPagesDrawFunc  draw_page,
                     gpointer         data,
                     GDestroyNotify   destroy);

G_END_DECLS
