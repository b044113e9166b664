/* sr-cost-sheet.c — see sr-cost-sheet.h. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "sr-cost-sheet.h"
#include "sr-deals.h"
#include "sr-error.h"
#include "sr-office.h"
#include "sr-units.h"

SrFen
sr_loan_monthly (SrFen principal,
                 int   rate_bp,
                 int   months)
{
  double r, f;

  if (months <= 0 || principal <= 0)
    return 0;
  if (rate_bp <= 0)
    return (principal + months - 1) / months;
  /* A display figure: computed in double, rounded to the fen. */
  r = rate_bp / 10000.0 / 12.0;
  f = pow (1 + r, months);
  return (SrFen) llround (principal * r * f / (f - 1));
}

void
sr_cost_sheet_free (SrCostSheet *sheet)
{
  if (sheet == NULL)
    return;
  g_free (sheet->unit_label);
  g_free (sheet->unit_type);
  g_free (sheet);
}

/* @price × @permille / 1000, rounded to the yuan as offices quote them. */
static SrFen
share (SrFen  price,
       gint64 permille)
{
  return (price * permille / 1000 + 50) / 100 * 100;
}

void
sr_payment_split (SrContext    *ctx,
                  const char   *method,
                  SrFen         price,
                  SrCostColumn *c)
{
  int years = (int) CLAMP (sr_settings_get_int (ctx, "loan.years", 30), 1, 30);
  int commercial_bp = (int) CLAMP (sr_settings_get_int (ctx, "loan.commercial_rate_bp", 355), 0, 5000);
  int fund_bp = (int) CLAMP (sr_settings_get_int (ctx, "loan.fund_rate_bp", 285), 0, 5000);
  gint64 commercial_down = CLAMP (sr_settings_get_int (ctx, "loan.commercial_down_permille", 300), 0, 1000);
  gint64 fund_down = CLAMP (sr_settings_get_int (ctx, "loan.fund_down_permille", 200), 0, 1000);
  SrFen fund_cap = MAX (sr_settings_get_int (ctx, "loan.fund_cap_fen", 120000000), 0);
  gint64 instalment_down = CLAMP (sr_settings_get_int (ctx, "sales.instalment_down_permille", 500), 0, 1000);
  int instalment_months = (int) CLAMP (sr_settings_get_int (ctx, "sales.instalment_months", 12), 1, 120);
  SrFen loan;

  c->price_fen = price;
  c->commercial_rate_bp = commercial_bp;
  c->fund_rate_bp = fund_bp;
  c->commercial_loan_fen = c->fund_loan_fen = c->monthly_fen = 0;
  c->months = 0;
  if (g_strcmp0 (method, "instalments") == 0)
    {
      /* Part now, the rest in equal months, no interest. */
      c->down_fen = share (price, instalment_down);
      c->months = instalment_months;
      c->monthly_fen = sr_loan_monthly (price - c->down_fen, 0, instalment_months);
    }
  else if (g_strcmp0 (method, "commercial-mortgage") == 0)
    {
      c->down_fen = share (price, commercial_down);
      c->commercial_loan_fen = price - c->down_fen;
      c->months = years * 12;
      c->monthly_fen = sr_loan_monthly (c->commercial_loan_fen, commercial_bp, c->months);
    }
  else if (g_strcmp0 (method, "provident-fund") == 0)
    {
      /* Up to the fund's cap; more down payment above it. */
      loan = MIN (price - share (price, fund_down), fund_cap);
      c->fund_loan_fen = loan;
      c->down_fen = price - loan;
      c->months = years * 12;
      c->monthly_fen = sr_loan_monthly (loan, fund_bp, c->months);
    }
  else if (g_strcmp0 (method, "combined") == 0)
    {
      /* The fund lends up to its cap, the bank the rest. */
      c->down_fen = share (price, fund_down);
      loan = price - c->down_fen;
      c->fund_loan_fen = MIN (loan, fund_cap);
      c->commercial_loan_fen = loan - c->fund_loan_fen;
      c->months = years * 12;
      c->monthly_fen = sr_loan_monthly (c->fund_loan_fen, fund_bp, c->months) +
                       sr_loan_monthly (c->commercial_loan_fen, commercial_bp, c->months);
    }
  else
    c->down_fen = price;   /* one-off */
}

SrCostSheet *
sr_cost_sheet_new (SrContext  *ctx,
                   gint64      unit_id,
                   GError    **error)
{
  g_autoptr(SrCostSheet) sheet = g_new0 (SrCostSheet, 1);
  g_autoptr(SrUnit) unit = sr_units_get (ctx, unit_id, error);
  g_autoptr(SrDeal) deal = NULL;
  g_autoptr(SrStmt) stmt = NULL;
  gint64 one_off = CLAMP (sr_settings_get_int (ctx, "sales.one_off_discount_permille", 0), 0, 200);
  SrFen price;

  if (unit == NULL)
    return NULL;
  deal = sr_deals_for_unit (ctx, unit_id, NULL);
  stmt = sr_db_prepare (sr_context_get_db (ctx),
                        "SELECT p.name || ' ' || b.name || ' ' || "
                        " CASE WHEN u.entrance <> '' THEN u.entrance || '-' ELSE '' END || u.number "
                        "FROM units u JOIN buildings b ON b.id = u.building_id JOIN projects p ON p.id = b.project_id "
                        "WHERE u.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sr_stmt_bind_int (stmt, 1, unit_id);
  if (sr_stmt_step (stmt, error) != SR_STEP_ROW)
    return NULL;
  sheet->unit_id = unit_id;
  sheet->unit_label = sr_stmt_dup_text (stmt, 0);
  sheet->unit_type = g_strdup (unit->unit_type);
  sheet->area_centi = unit->area_centi;
  sheet->list_fen = deal != NULL && deal->list_price_fen > 0 ? deal->list_price_fen : unit->price_fen;
  sheet->special_discount_fen = deal != NULL ? deal->discount_fen : 0;
  price = sheet->list_fen - sheet->special_discount_fen;

  for (guint m = 0; m < G_N_ELEMENTS (sheet->columns); m++)
    {
      SrCostColumn *c = &sheet->columns[m];
      SrFen discount = sheet->special_discount_fen + (m == 0 ? share (price, one_off) : 0);

      sr_payment_split (ctx, sr_payment_methods[m], sheet->list_fen - discount, c);
      c->method = sr_payment_methods[m];
      c->discount_fen = discount;
    }
  return g_steal_pointer (&sheet);
}
