/* sr-register-file.h — a register written to a file: Excel (.xlsx, libxlsxwriter in
 * constant-memory mode, row by row) or PDF (Cairo + Pango pages, the same pages the
 * window prints). The file is written beside its destination and renamed into place
 * when complete: a cancelled or failed export leaves nothing at the destination.
 * No GTK: the command line and the window's export thread both call these. */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "core/sr-registers.h"

G_BEGIN_DECLS

/* Called every so many rows with the rows written so far. */
typedef void (*SrRegisterProgress) (guint    rows,
                                    gpointer data);

/* Writes @reg to @path, as .xlsx or .pdf by its ending. @filter must have been checked
 * (sr_register_filter_check). Writes the export's audit row. */
gboolean sr_register_export         (SrContext              *ctx,
                                     const SrRegister       *reg,
                                     const SrRegisterFilter *filter,
                                     const char             *path,
                                     SrRegisterProgress      progress,
                                     gpointer                progress_data,
                                     GCancellable           *cancellable,
                                     guint                  *out_rows,
                                     GError                **error);

gboolean sr_register_write_xlsx     (SrContext              *ctx,
                                     const SrRegister       *reg,
                                     const SrRegisterFilter *filter,
                                     const char             *path,
                                     SrRegisterProgress      progress,
                                     gpointer                progress_data,
                                     GCancellable           *cancellable,
                                     guint                  *out_rows,
                                     GError                **error);

/* Pages of a register laid out for paper of @width × @height points (landscape A4 by
 * default): the title block and the header on every page, wrapped cells, subtotals and
 * totals, "第 N 页 共 M 页". */
typedef struct _SrRegisterPages SrRegisterPages;

SrRegisterPages *sr_register_pages_new   (SrContext              *ctx,
                                          const SrRegister       *reg,
                                          const SrRegisterFilter *filter,
                                          double                  width,
                                          double                  height,
                                          SrRegisterProgress      progress,
                                          gpointer                progress_data,
                                          GCancellable           *cancellable,
                                          GError                **error);
guint            sr_register_pages_count (SrRegisterPages        *pages);
guint            sr_register_pages_rows  (SrRegisterPages        *pages);
void             sr_register_pages_draw  (SrRegisterPages        *pages,
                                          cairo_t                *cr,
                                          guint                   page);
void             sr_register_pages_free  (SrRegisterPages        *pages);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SrRegisterPages, sr_register_pages_free)

gboolean sr_register_write_pdf      (SrContext              *ctx,
                                     const SrRegister       *reg,
                                     const SrRegisterFilter *filter,
                                     const char             *path,
                                     SrRegisterProgress      progress,
                                     gpointer                progress_data,
                                     GCancellable           *cancellable,
                                     guint                  *out_rows,
                                     GError                **error);

/* The writers' shared ends: an empty file beside @path to write into (its name is
 * returned), and moving it into place (or removing it when @ok is FALSE). */
char    *sr_register_temp_file      (const char             *path,
                                     const char             *suffix,
                                     GError                **error);
gboolean sr_register_temp_finish    (const char             *tmp,
                                     const char             *path,
                                     gboolean                ok,
                                     GError                **error);

/* A4 landscape, in points. */
#define SR_REGISTER_PAGE_WIDTH 841.89
#define SR_REGISTER_PAGE_HEIGHT 595.28

G_END_DECLS
