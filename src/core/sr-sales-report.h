/* sr-sales-report.h — the daily sales report (销售日报表): for a day, the units
 * subscribed that day and to date, by building, unit type, area band, floor band and
 * price band, with the units still for sale in each group.
 *
 * A unit counts as sold from the day finance confirmed its deposit (认购) for as long
 * as its sale is live (subscribed, signed, delivered); a cancelled sale no longer
 * counts. The amount is the contract price once signed, else list price less discount.
 * Bands come from office settings (lists of bounds): "report.area_bands" in m²
 * (default 90,120,144), "report.floor_bands" (6,12,18), "report.price_bands" in 万元
 * (100,150,200).
 */
#pragma once

#include "sr-context.h"
#include "sr-money.h"

G_BEGIN_DECLS

typedef struct {
  char *label;
  guint today_units;
  gint64 today_area_centi;
  SrFen today_fen;
  guint total_units;
  gint64 total_area_centi;
  SrFen total_fen;
  guint available_units;   /* 待售 now, in this group */
} SrSalesLine;

typedef struct {
  char *title;             /* 楼栋, 户型, … in the reader's language */
  GPtrArray *lines;        /* SrSalesLine, in the group's order */
} SrSalesSection;

typedef struct {
  char *day;
  SrSalesLine total;       /* label: "Total" */
  GPtrArray *sections;     /* SrSalesSection: building, type, area, floor, price */
} SrSalesReport;

void           sr_sales_report_free (SrSalesReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SrSalesReport, sr_sales_report_free)

/* Sales on and up to @day (YYYY-MM-DD) in every project. */
SrSalesReport *sr_sales_report_new  (SrContext     *ctx,
                                     const char    *day,
                                     GError       **error);
/* Parses a settings list of bounds ("90,120,144"): increasing positive numbers. */
GArray        *sr_sales_bands_parse (const char    *text,
                                     GError       **error);

G_END_DECLS
