/* sr-slips.h — the papers a consultant hands over a unit, on A4 portrait:
 * the unit confirmation slip (房位确认单) printed before the deposit, and the cost
 * sheet (费用核算单) comparing payment methods. The same drawing goes to the printer and
 * to PDF. No GTK. */
#pragma once

#include <cairo.h>

#include "core/sr-context.h"
#include "core/sr-cost-sheet.h"

G_BEGIN_DECLS

typedef void (*SrPageDrawFunc) (cairo_t *cr,
                                double   width,
                                double   height,
                                gpointer data);

/* A4 portrait, in points. */
#define SR_A4_WIDTH 595.28
#define SR_A4_HEIGHT 841.89

/* Writes one page drawn by @draw into a PDF at @path. */
gboolean sr_page_write_pdf          (const char     *path,
                                     double          width,
                                     double          height,
                                     SrPageDrawFunc  draw,
                                     gpointer        data,
                                     GError        **error);

typedef struct {
  char *office;
  char *printed_on;
  char *customer;        /* name */
  char *phone;           /* as the printing person may see it */
  char *consultant;
  char *unit_label;
  char *unit_type;
  char *area;            /* 89.36 */
  char *list_price;      /* ¥1,072,320.00 */
  char *per_m2;
  char *discount;        /* "" when none */
  char *price;
  char *deposit;         /* asked for, or "" */
  char *sign_by;         /* agreed signing date, or "" */
  char *note;            /* the office's words under the table */
} SrConfirmationSlip;

void                sr_confirmation_slip_free (SrConfirmationSlip *slip);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SrConfirmationSlip, sr_confirmation_slip_free)
/* The slip of the unit's reservation or subscription request; NOT_FOUND when nobody
 * has the unit booked. */
SrConfirmationSlip *sr_confirmation_slip_new  (SrContext          *ctx,
                                               gint64              unit_id,
                                               GError            **error);
void                sr_confirmation_slip_draw (cairo_t            *cr,
                                               double              width,
                                               double              height,
                                               gpointer            slip);

typedef struct {
  char *office;
  char *printed_on;
  SrCostSheet *sheet;
} SrCostSheetPage;

void                sr_cost_sheet_page_free   (SrCostSheetPage    *page);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SrCostSheetPage, sr_cost_sheet_page_free)
SrCostSheetPage    *sr_cost_sheet_page_new    (SrContext          *ctx,
                                               gint64              unit_id,
                                               GError            **error);
void                sr_cost_sheet_page_draw   (cairo_t            *cr,
                                               double              width,
                                               double              height,
                                               gpointer            page);

/* A printed receipt (收据), or the slip of money paid back (退款单): the amount in figures
 * and in capital numerals, what it pays, the office's refund conditions on intention
 * money and deposits, signatures. A voided receipt prints marked void. */
typedef struct {
  char *office;
  char *title;           /* 收据 or 退款单 */
  char *number;
  char *day;
  char *payer;
  char *unit_label;      /* "" when none */
  char *what;            /* the plan items it pays, or the refund */
  char *amount;          /* ¥12,000.00 */
  char *capital;         /* 壹万贰仟元整 */
  char *method;
  char *recorded_by;
  char *conditions;      /* refund conditions, or "" */
  gboolean is_voided;
} SrReceiptSlip;

void           sr_receipt_slip_free (SrReceiptSlip *slip);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SrReceiptSlip, sr_receipt_slip_free)
SrReceiptSlip *sr_receipt_slip_new  (SrContext     *ctx,
                                     gint64         receipt_id,
                                     GError       **error);
void           sr_receipt_slip_draw (cairo_t       *cr,
                                     double         width,
                                     double         height,
                                     gpointer       slip);

/* The payoff certificate (房款付清证明) of a sale whose whole plan is paid (CONFLICT
 * otherwise): the contract, the price, every receipt, and the office's statement. */
typedef struct {
  char *office;
  char *printed_on;
  char *owner;
  char *unit_label;
  char *contract;        /* number and day */
  char *price;
  char *price_capital;
  GPtrArray *lines;      /* "2026-00017 · 2026-05-08 · ¥50,000.00" */
} SrPayoffCertificate;

void                 sr_payoff_certificate_free (SrPayoffCertificate *cert);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SrPayoffCertificate, sr_payoff_certificate_free)
SrPayoffCertificate *sr_payoff_certificate_new  (SrContext           *ctx,
                                                 gint64               deal_id,
                                                 GError             **error);
void                 sr_payoff_certificate_draw (cairo_t             *cr,
                                                 double               width,
                                                 double               height,
                                                 gpointer             cert);

/* The owner's inspection checklist (验房单) for a sold unit: the usual items with pass and
 * fail boxes and a notes column, signatures under it. */
typedef struct {
  char *office;
  char *printed_on;
  char *unit_label;
  char *owner;
  char *delivery;        /* delivery or move-in day, or "" */
} SrInspectionSheet;

void               sr_inspection_sheet_free (SrInspectionSheet *sheet);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SrInspectionSheet, sr_inspection_sheet_free)
/* NOT_FOUND when the unit is not sold (subscribed, signed or delivered). */
SrInspectionSheet *sr_inspection_sheet_new  (SrContext          *ctx,
                                             gint64              unit_id,
                                             GError            **error);
void               sr_inspection_sheet_draw (cairo_t            *cr,
                                             double              width,
                                             double              height,
                                             gpointer            sheet);

/* The full price list of a building (价目表), for the sales controller and the manager
 * only (DENIED for anyone else): every unit with its area, prices and status, several
 * A4 pages. */
typedef struct _SrPriceListPrint SrPriceListPrint;

void              sr_price_list_print_free      (SrPriceListPrint *print);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SrPriceListPrint, sr_price_list_print_free)
SrPriceListPrint *sr_price_list_print_new       (SrContext        *ctx,
                                                 gint64            building_id,
                                                 GError          **error);
guint             sr_price_list_print_n_pages   (SrPriceListPrint *print);
void              sr_price_list_print_draw_page (cairo_t          *cr,
                                                 double            width,
                                                 double            height,
                                                 guint             page,
                                                 SrPriceListPrint *print);

G_END_DECLS
