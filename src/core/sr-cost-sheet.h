/* sr-cost-sheet.h — the cost sheet (费用核算单) a consultant prints for one unit to
 * compare payment methods with the customer (seed 003): price, discount, down payment,
 * loan and monthly payment under each method.
 *
 * Terms are the office's settings (defaults in brackets): "loan.commercial_rate_bp"
 * yearly rate in basis points (355 = 3.55 %), "loan.fund_rate_bp" (285),
 * "loan.years" (30), "loan.commercial_down_permille" (300), "loan.fund_down_permille"
 * (200), "loan.fund_cap_fen" (120万: the most a provident-fund loan lends; a combined
 * loan borrows the rest commercially), "sales.instalment_down_permille" (500) and
 * "sales.instalment_months" (12) for instalments, "sales.one_off_discount_permille" (0).
 * Loans repay in equal monthly instalments (等额本息).
 */
#pragma once

#include "sr-context.h"
#include "sr-money.h"

G_BEGIN_DECLS

typedef struct {
  const char *method;      /* a code of sr_payment_methods */
  SrFen discount_fen;      /* special discount of the sale, plus the one-off discount */
  SrFen price_fen;         /* list price less discount */
  SrFen down_fen;          /* paid before the loan (or the first instalment part) */
  SrFen commercial_loan_fen;
  SrFen fund_loan_fen;
  int months;              /* of the loan or the instalments; 0 for one-off */
  int commercial_rate_bp;
  int fund_rate_bp;
  SrFen monthly_fen;       /* loan repayments, or the instalment */
} SrCostColumn;

typedef struct {
  gint64 unit_id;
  char *unit_label;        /* 翠湖天地 1号楼 1201 */
  char *unit_type;
  gint64 area_centi;
  SrFen list_fen;
  SrFen special_discount_fen;  /* of the live sale on the unit, if any */
  SrCostColumn columns[5];     /* one-off, instalments, commercial, fund, combined */
} SrCostSheet;

void         sr_cost_sheet_free    (SrCostSheet *sheet);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SrCostSheet, sr_cost_sheet_free)

SrCostSheet *sr_cost_sheet_new     (SrContext   *ctx,
                                    gint64       unit_id,
                                    GError     **error);
/* How @price_fen is paid under @method (a code of sr_payment_methods) with the office's
 * terms: what the buyer pays first, what each lender lends, the months of the loan or
 * of the instalments and the monthly payment. Fills @out except method and discount. */
void         sr_payment_split      (SrContext   *ctx,
                                    const char  *method,
                                    SrFen        price_fen,
                                    SrCostColumn *out);
/* Equal monthly instalments of a loan: @principal at @rate_bp a year over @months,
 * rounded to the fen (0 months: 0). */
SrFen        sr_loan_monthly       (SrFen        principal,
                                    int          rate_bp,
                                    int          months);

G_END_DECLS
