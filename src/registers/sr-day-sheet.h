/* sr-day-sheet.h — the daily sales report (销售日报表) and the daily traffic report
 * (销售日动态表) printed as the office's one-page reports, a page a day; used by the
 * register pages (sr-register-pdf.c) for those two registers when they cover the whole
 * office (no project, building or person chosen). */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "core/sr-registers.h"

G_BEGIN_DECLS

typedef struct _SrDaySheets SrDaySheets;

/* Whether @reg with @filter prints as day sheets. */
gboolean     sr_day_sheets_apply (const SrRegister       *reg,
                                  const SrRegisterFilter *filter);
SrDaySheets *sr_day_sheets_new   (SrContext              *ctx,
                                  const SrRegister       *reg,
                                  const SrRegisterFilter *filter,
                                  GCancellable           *cancellable,
                                  GError                **error);
guint        sr_day_sheets_count (SrDaySheets            *sheets);
/* The register's rows (what the Excel file of the same filter holds). */
guint        sr_day_sheets_rows  (SrDaySheets            *sheets);
void         sr_day_sheets_draw  (SrDaySheets            *sheets,
                                  cairo_t                *cr,
                                  guint                   index,
                                  double                  width,
                                  double                  height);
void         sr_day_sheets_free  (SrDaySheets            *sheets);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SrDaySheets, sr_day_sheets_free)

G_END_DECLS
