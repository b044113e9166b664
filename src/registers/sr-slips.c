/* sr-slips.c — see sr-slips.h. */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "core/sr-bookings.h"
#include "core/sr-customers.h"
#include "core/sr-deal-steps.h"
#include "core/sr-deals.h"
#include "core/sr-error.h"
#include "core/sr-money.h"
#include "core/sr-office.h"
#include "core/sr-units.h"
#include "sr-slips.h"

#define MARGIN 56.0   /* points: 2 cm */

gboolean
sr_page_write_pdf (const char      *path,
                   double           width,
                   double           height,
                   SrPageDrawFunc   draw,
                   gpointer         data,
                   GError         **error)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, width, height);
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;

  draw (cr, width, height, data);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, SR_STORE_ERROR, SR_STORE_ERROR_IO, _("Could not write %s: %s"), path,
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

/* Text ---------------------------------------------------------------------- */

/* Shows @text in @font with its left edge at @x (or centred on @x when @centre, or
 * right-aligned to @x when @right) and returns its height. */
static double
text_at (cairo_t    *cr,
         const char *font,
         const char *text,
         double      x,
         double      y,
         double      wrap_width,
         int         align)  /* -1 left, 0 centre, 1 right */
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_from_string (font);
  int w = 0, h = 0;

  pango_layout_set_font_description (layout, desc);
  if (wrap_width > 0)
    {
      pango_layout_set_width (layout, (int) (wrap_width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  pango_layout_get_size (layout, &w, &h);
  if (align == 0 && wrap_width > 0)
    {
      /* Centred lines within the wrap width, centred on @x. */
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      x -= wrap_width / 2;
    }
  else if (align == 0)
    x -= w / (double) PANGO_SCALE / 2;
  else if (align > 0)
    x -= w / (double) PANGO_SCALE;
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  pango_font_description_free (desc);
  g_object_unref (layout);
  return h / (double) PANGO_SCALE;
}

/* A table of label/value rows with lines, as offices' forms have. Returns the y after. */
static double
form_table (cairo_t     *cr,
            double       x,
            double       y,
            double       width,
            const char **cells,   /* label, value, label, value, … NULL-terminated */
            gboolean     two_per_row)
{
  double half = two_per_row ? width / 2 : width;
  double row_h = 26, label_w = two_per_row ? half * 0.4 : width * 0.25;
  guint n = 0;

  while (cells[n] != NULL)
    n++;
  cairo_set_line_width (cr, 0.8);
  for (guint i = 0; i + 1 < n; i += 2)
    {
      guint slot = i / 2;
      double cx = x + (two_per_row ? (slot % 2) * half : 0);
      double cy = y + (two_per_row ? slot / 2 : slot) * row_h;
      cairo_rectangle (cr, cx, cy, label_w, row_h);
      cairo_rectangle (cr, cx + label_w, cy, half - label_w, row_h);
      cairo_stroke (cr);
      text_at (cr, "Sans 10", cells[i], cx + 6, cy + 6, label_w - 8, -1);
      text_at (cr, "Sans 10", cells[i + 1], cx + label_w + 6, cy + 6, half - label_w - 10, -1);
    }
  return y + ((two_per_row ? (n / 2 + 1) / 2 : n / 2)) * row_h;
}

/* A signature line for each of @who (NULL-terminated), 30 points apart. */
static void
signature_lines (cairo_t            *cr,
                 double              x,
                 double              y,
                 const char * const *who)
{
  for (guint i = 0; who[i] != NULL; i++)
    {
      g_autofree char *text = g_strdup_printf (_("%s (signature): ____________  Date: ________"), who[i]);
      text_at (cr, "Sans 10", text, x, y + 30 * i, 0, -1);
    }
}

/* A form's head: a white page, the office's name, the title under it. Returns the y
 * below the title. */
static double
form_head (cairo_t    *cr,
           double      width,
           double      y,
           const char *office,
           const char *title_font,
           const char *title)
{
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  y += text_at (cr, "Sans 12", office, width / 2, y, 0, 0) + 6;
  return y + text_at (cr, title_font, title, width / 2, y, 0, 0);
}

/* The confirmation slip ------------------------------------------------------------ */

void
sr_confirmation_slip_free (SrConfirmationSlip *slip)
{
  if (slip == NULL)
    return;
  g_free (slip->office);
  g_free (slip->printed_on);
  g_free (slip->customer);
  g_free (slip->phone);
  g_free (slip->consultant);
  g_free (slip->unit_label);
  g_free (slip->unit_type);
  g_free (slip->area);
  g_free (slip->list_price);
  g_free (slip->per_m2);
  g_free (slip->discount);
  g_free (slip->price);
  g_free (slip->deposit);
  g_free (slip->sign_by);
  g_free (slip->note);
  g_free (slip);
}

static char *
unit_label (SrContext  *ctx,
            gint64      unit_id,
            GError    **error)
{
  g_autoptr(SrStmt) stmt = sr_db_prepare (sr_context_get_db (ctx),
                                          "SELECT p.name || ' ' || b.name || ' ' || "
                                          " CASE WHEN u.entrance <> '' THEN u.entrance || '-' ELSE '' END || u.number "
                                          "FROM units u JOIN buildings b ON b.id = u.building_id "
                                          "JOIN projects p ON p.id = b.project_id WHERE u.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sr_stmt_bind_int (stmt, 1, unit_id);
  if (sr_stmt_step (stmt, error) != SR_STEP_ROW)
    return NULL;
  return sr_stmt_dup_text (stmt, 0);
}

SrConfirmationSlip *
sr_confirmation_slip_new (SrContext  *ctx,
                          gint64      unit_id,
                          GError    **error)
{
  g_autoptr(SrConfirmationSlip) slip = g_new0 (SrConfirmationSlip, 1);
  g_autoptr(SrUnit) unit = sr_units_get (ctx, unit_id, error);
  g_autoptr(SrBooking) booking = NULL;
  g_autoptr(SrDeal) deal = NULL;
  g_autoptr(SrCustomer) customer = NULL;
  SrFen list, discount;

  if (unit == NULL)
    return NULL;
  booking = sr_bookings_live_for_unit (ctx, unit_id, error);
  if (booking == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_NOT_FOUND,
                     _("Nobody has this unit reserved or requested: there is nothing to confirm."));
      return NULL;
    }
  customer = sr_customers_get (ctx, booking->customer_id, error);
  if (customer == NULL)
    return NULL;
  deal = sr_deals_for_unit (ctx, unit_id, NULL);
  if (!sr_office_get (ctx, &slip->office, NULL, error))
    return NULL;
  slip->printed_on = sr_clock_today (sr_context_get_clock (ctx));
  slip->customer = g_strdup (customer->name);
  slip->phone = g_strdup (customer->phones != NULL && customer->phones[0] != NULL ? customer->phones[0] : "");
  slip->consultant = g_strdup (customer->owner_name != NULL ? customer->owner_name : "");
  slip->unit_label = unit_label (ctx, unit_id, error);
  if (slip->unit_label == NULL)
    return NULL;
  list = deal != NULL && deal->list_price_fen > 0 ? deal->list_price_fen : unit->price_fen;
  discount = deal != NULL ? deal->discount_fen : 0;
  slip->unit_type = g_strdup (unit->unit_type);
  slip->area = sr_area_format (unit->area_centi);
  slip->list_price = sr_money_format (list);
  slip->per_m2 = sr_money_format (sr_price_per_m2 (list, unit->area_centi));
  slip->discount = discount > 0 ? sr_money_format (discount) : g_strdup ("");
  slip->price = sr_money_format (list - discount);
  slip->deposit = booking->deposit_fen > 0 ? sr_money_format (booking->deposit_fen) : g_strdup ("");
  slip->sign_by = g_strdup (booking->sign_by_day != NULL ? booking->sign_by_day : "");
  slip->note = sr_settings_get (ctx, "slip.confirmation_note",
                                _("This slip confirms the unit chosen; it is not a receipt. The deposit is paid "
                                  "to finance against a numbered receipt, and the contract is signed by the agreed "
                                  "date, after which the unit is no longer kept."));
  return g_steal_pointer (&slip);
}

void
sr_confirmation_slip_draw (cairo_t  *cr,
                           double    width,
                           double    height,
                           gpointer  data)
{
  SrConfirmationSlip *slip = data;
  double y = MARGIN, inner = width - 2 * MARGIN;
  g_autofree char *per = g_strdup_printf (_("%s per m²"), slip->per_m2);
  g_autofree char *area = g_strdup_printf ("%s m²", slip->area);
  g_autofree char *date = g_strdup_printf (_("Date: %s"), slip->printed_on);
  const char *customer_rows[] = {
    _("Customer"), slip->customer, _("Phone"), slip->phone,
    _("Consultant"), slip->consultant, _("Agreed signing date"), slip->sign_by,
    NULL
  };
  const char *unit_rows[] = {
    _("Unit"), slip->unit_label,
    _("Unit type"), slip->unit_type,
    _("Floor area"), area,
    _("List price"), slip->list_price,
    _("Price per m²"), per,
    _("Special discount"), slip->discount,
    _("Price"), slip->price,
    _("Deposit to pay"), slip->deposit,
    NULL
  };

  cairo_save (cr);
  y = form_head (cr, width, y, slip->office, "Sans Bold 18", _("Unit Confirmation Slip")) + 4;
  text_at (cr, "Sans 9", date, width - MARGIN, y, 0, 1);
  y += 22;
  y = form_table (cr, MARGIN, y, inner, customer_rows, TRUE) + 16;
  y = form_table (cr, MARGIN, y, inner, unit_rows, FALSE) + 16;
  y += text_at (cr, "Sans 9", slip->note, MARGIN, y, inner, -1) + 36;
  {
    const char *who[] = { _("Customer"), _("Consultant"), _("Sales controller"), NULL };
    signature_lines (cr, MARGIN, y, who);
  }
  cairo_restore (cr);
}

/* The cost sheet ---------------------------------------------------------------- */

void
sr_cost_sheet_page_free (SrCostSheetPage *page)
{
  if (page == NULL)
    return;
  g_free (page->office);
  g_free (page->printed_on);
  g_clear_pointer (&page->sheet, sr_cost_sheet_free);
  g_free (page);
}

SrCostSheetPage *
sr_cost_sheet_page_new (SrContext  *ctx,
                        gint64      unit_id,
                        GError    **error)
{
  g_autoptr(SrCostSheetPage) page = g_new0 (SrCostSheetPage, 1);

  page->sheet = sr_cost_sheet_new (ctx, unit_id, error);
  if (page->sheet == NULL || !sr_office_get (ctx, &page->office, NULL, error))
    return NULL;
  page->printed_on = sr_clock_today (sr_context_get_clock (ctx));
  return g_steal_pointer (&page);
}

static char *
money_or_dash (SrFen fen)
{
  return fen > 0 ? sr_money_format (fen) : g_strdup ("—");
}

void
sr_cost_sheet_page_draw (cairo_t  *cr,
                         double    width,
                         double    height,
                         gpointer  data)
{
  SrCostSheetPage *page = data;
  SrCostSheet *sheet = page->sheet;
  /* Narrower margins than the slip: five money columns side by side. */
  double left = 40, y = MARGIN, inner = width - 2 * left, label_w = 92, col_w = (inner - label_w) / 5, row_h = 28;
  g_autofree char *area = sr_area_format (sheet->area_centi);
  g_autofree char *list = sr_money_format (sheet->list_fen);
  g_autofree char *head = g_strdup_printf (_("%s · %s · %s m² · list price %s"), sheet->unit_label,
                                           sheet->unit_type, area, list);
  g_autofree char *date = g_strdup_printf (_("Date: %s"), page->printed_on);
  const char *rows[] = { _("Discount"), _("Price"), _("Down payment"), _("Commercial loan"),
                         _("Provident-fund loan"), _("Term"), _("Rate"), _("Monthly payment") };

  cairo_save (cr);
  y = form_head (cr, width, y, page->office, "Sans Bold 18", _("Cost Sheet")) + 4;
  text_at (cr, "Sans 9", date, width - left, y, 0, 1);
  y += 22;
  y += text_at (cr, "Sans 10", head, left, y, inner, -1) + 10;

  cairo_set_line_width (cr, 0.8);
  /* Header row: the payment methods. */
  for (guint m = 0; m <= 5; m++)
    {
      double cx = m == 0 ? left : left + label_w + (m - 1) * col_w;
      cairo_rectangle (cr, cx, y, m == 0 ? label_w : col_w, row_h * 1.6);
      if (m > 0)
        text_at (cr, "Sans Bold 8", sr_payment_method_get_label (sheet->columns[m - 1].method),
                 cx + col_w / 2, y + 5, col_w - 6, 0);
    }
  cairo_stroke (cr);
  y += row_h * 1.6;
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    {
      cairo_rectangle (cr, left, y, label_w, row_h);
      text_at (cr, "Sans 8", rows[r], left + 5, y + 4, label_w - 8, -1);
      for (guint m = 0; m < 5; m++)
        {
          SrCostColumn *c = &sheet->columns[m];
          double cx = left + label_w + m * col_w;
          g_autofree char *value = NULL;
          switch (r)
            {
            case 0: value = money_or_dash (c->discount_fen); break;
            case 1: value = sr_money_format (c->price_fen); break;
            case 2: value = sr_money_format (c->down_fen); break;
            case 3: value = money_or_dash (c->commercial_loan_fen); break;
            case 4: value = money_or_dash (c->fund_loan_fen); break;
            case 5: value = c->months > 0 ? g_strdup_printf (_("%d months"), c->months) : g_strdup ("—"); break;
            case 6:
              value = c->commercial_loan_fen > 0 && c->fund_loan_fen > 0
                      ? g_strdup_printf ("%.2f%% / %.2f%%", c->fund_rate_bp / 100.0, c->commercial_rate_bp / 100.0)
                      : c->commercial_loan_fen > 0 ? g_strdup_printf ("%.2f%%", c->commercial_rate_bp / 100.0)
                      : c->fund_loan_fen > 0 ? g_strdup_printf ("%.2f%%", c->fund_rate_bp / 100.0)
                      : g_strdup ("—");
              break;
            default: value = money_or_dash (c->monthly_fen); break;
            }
          cairo_rectangle (cr, cx, y, col_w, row_h);
          text_at (cr, r == 7 ? "Sans Bold 8" : "Sans 8", value, cx + col_w - 4, y + 9, 0, 1);
        }
      cairo_stroke (cr);
      y += row_h;
    }
  y += 10;
  text_at (cr, "Sans 8",
           _("For comparison only: loans repay in equal monthly instalments at the rates set by the office; the "
             "bank's approval and the contract decide. Instalments carry no interest. Taxes and fees are not included."),
           left, y, inner, -1);
  cairo_restore (cr);
}

/* The owner's inspection checklist ------------------------------------------------------- */

void
sr_inspection_sheet_free (SrInspectionSheet *sheet)
{
  if (sheet == NULL)
    return;
  g_free (sheet->office);
  g_free (sheet->printed_on);
  g_free (sheet->unit_label);
  g_free (sheet->owner);
  g_free (sheet->delivery);
  g_free (sheet);
}

SrInspectionSheet *
sr_inspection_sheet_new (SrContext  *ctx,
                         gint64      unit_id,
                         GError    **error)
{
  g_autoptr(SrInspectionSheet) sheet = g_new0 (SrInspectionSheet, 1);
  g_autoptr(SrDeal) deal = sr_deals_for_unit (ctx, unit_id, error);
  g_autoptr(SrStmt) stmt = NULL;

  if (deal == NULL || (g_strcmp0 (deal->state, "subscribed") != 0 && g_strcmp0 (deal->state, "signed") != 0 &&
                       g_strcmp0 (deal->state, "delivered") != 0))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_NOT_FOUND, _("This unit is not sold: there is no owner to inspect it."));
      return NULL;
    }
  if (!sr_office_get (ctx, &sheet->office, NULL, error))
    return NULL;
  sheet->printed_on = sr_clock_today (sr_context_get_clock (ctx));
  sheet->unit_label = unit_label (ctx, unit_id, error);
  if (sheet->unit_label == NULL)
    return NULL;
  sheet->owner = g_strdup (deal->customer_name);
  stmt = sr_db_prepare (sr_context_get_db (ctx), "SELECT coalesce (move_in_on, delivered_on, '') FROM deals "
                        "WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sr_stmt_bind_int (stmt, 1, deal->id);
  sheet->delivery = sr_stmt_step (stmt, NULL) == SR_STEP_ROW ? sr_stmt_dup_text (stmt, 0) : g_strdup ("");
  return g_steal_pointer (&sheet);
}

void
sr_inspection_sheet_draw (cairo_t  *cr,
                          double    width,
                          double    height,
                          gpointer  data)
{
  SrInspectionSheet *sheet = data;
  /* The items an owner checks at handover, room by room. */
  const char *items[] = {
    N_("Entrance door, locks and keys"), N_("Windows, glass and seals"), N_("Walls: cracks, hollows, damp"),
    N_("Floors: level, tiles, skirting"), N_("Ceilings"), N_("Water supply and meters"),
    N_("Drains and floor drains"), N_("Bathroom waterproofing"), N_("Electricity: switches, sockets, box"),
    N_("Gas and meters"), N_("Balcony and railings"), N_("Intercom and doorbell"), N_("Other"),
  };
  double y = MARGIN, inner = width - 2 * MARGIN, row_h = 30;
  double col[4] = { inner * 0.42, inner * 0.1, inner * 0.1, inner * 0.38 };
  const char *heads[4] = { _("Item"), _("Passed"), _("Failed"), _("Notes") };
  const char *info[] = { _("Unit"), sheet->unit_label, C_("home owner", "Owner"), sheet->owner, _("Handover day"), sheet->delivery,
                         _("Date"), sheet->printed_on, NULL };

  cairo_save (cr);
  y = form_head (cr, width, y, sheet->office, "Sans Bold 18", _("Owner’s Inspection Checklist")) + 18;
  y = form_table (cr, MARGIN, y, inner, info, TRUE) + 16;
  cairo_set_line_width (cr, 0.8);
  for (guint r = 0; r <= G_N_ELEMENTS (items); r++)
    {
      double x = MARGIN;
      for (guint c = 0; c < 4; c++)
        {
          cairo_rectangle (cr, x, y, col[c], row_h);
          if (r == 0)
            text_at (cr, "Sans Bold 10", heads[c], x + col[c] / 2, y + 8, col[c] - 4, 0);
          else if (c == 0)
            text_at (cr, "Sans 10", _(items[r - 1]), x + 6, y + 8, col[c] - 10, -1);
          else if (c < 3)
            cairo_rectangle (cr, x + col[c] / 2 - 6, y + row_h / 2 - 6, 12, 12);   /* a box to tick */
          x += col[c];
        }
      cairo_stroke (cr);
      y += row_h;
    }
  y += 10;
  y += text_at (cr, "Sans 9",
                _("Failed items are written in the notes and handed to the engineering department to put right; the "
                  "owner is told the date they will be done."), MARGIN, y, inner, -1) + 30;
  {
    const char *who[] = { C_("home owner", "Owner"), _("Engineering"), _("Consultant"), NULL };
    signature_lines (cr, MARGIN, y, who);
  }
  cairo_restore (cr);
}

/* The full price list ----------------------------------------------------------------- */

#define PRICE_ROWS_PER_PAGE 34

struct _SrPriceListPrint
{
  char *office;
  char *title;
  char *printed_on;
  GPtrArray *units;
};

void
sr_price_list_print_free (SrPriceListPrint *print)
{
  if (print == NULL)
    return;
  g_free (print->office);
  g_free (print->title);
  g_free (print->printed_on);
  g_clear_pointer (&print->units, g_ptr_array_unref);
  g_free (print);
}

SrPriceListPrint *
sr_price_list_print_new (SrContext  *ctx,
                         gint64      building_id,
                         GError    **error)
{
  g_autoptr(SrPriceListPrint) print = g_new0 (SrPriceListPrint, 1);
  g_autoptr(SrStmt) stmt = NULL;

  /* The full list with every price is the controller's and the manager's paper. */
  if (!sr_context_check (ctx, SR_ACTION_CONTROL_UNITS, error) || !sr_office_get (ctx, &print->office, NULL, error))
    return NULL;
  stmt = sr_db_prepare (sr_context_get_db (ctx), "SELECT p.name || ' ' || b.name FROM buildings b "
                        "JOIN projects p ON p.id = b.project_id WHERE b.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sr_stmt_bind_int (stmt, 1, building_id);
  if (sr_stmt_step (stmt, error) != SR_STEP_ROW)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_NOT_FOUND, _("No such building."));
      return NULL;
    }
  print->title = g_strdup_printf (_("Price List · %s"), sr_stmt_get_text (stmt, 0));
  print->units = sr_units_list (ctx, building_id, error);
  if (print->units == NULL)
    return NULL;
  print->printed_on = sr_clock_today (sr_context_get_clock (ctx));
  return g_steal_pointer (&print);
}

guint
sr_price_list_print_n_pages (SrPriceListPrint *print)
{
  return MAX (1, (print->units->len + PRICE_ROWS_PER_PAGE - 1) / PRICE_ROWS_PER_PAGE);
}

void
sr_price_list_print_draw_page (cairo_t          *cr,
                               double            width,
                               double            height,
                               guint             page,
                               SrPriceListPrint *print)
{
  const char *heads[] = { _("Entrance"), _("Number"), _("Floor"), _("Unit type"), _("Area, m²"), _("Price per m²"),
                          _("Total price"), _("Status") };
  double share[] = { 0.07, 0.1, 0.07, 0.14, 0.13, 0.16, 0.19, 0.14 };
  double left = 40, inner = width - 2 * left, y = 40, row_h = 19.5;
  g_autofree char *footer = g_strdup_printf (_("%s · page %u of %u"), print->printed_on, page + 1,
                                             sr_price_list_print_n_pages (print));

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  text_at (cr, "Sans 9", print->office, left, y, 0, -1);
  y += text_at (cr, "Sans Bold 14", print->title, width / 2, y + 10, 0, 0) + 24;
  cairo_set_line_width (cr, 0.6);
  for (guint r = 0; r <= PRICE_ROWS_PER_PAGE; r++)
    {
      guint index = page * PRICE_ROWS_PER_PAGE + r - 1;
      SrUnit *u = r > 0 && index < print->units->len ? g_ptr_array_index (print->units, index) : NULL;
      double x = left;
      if (r > 0 && u == NULL)
        break;
      for (guint c = 0; c < G_N_ELEMENTS (heads); c++)
        {
          double w = inner * share[c];
          g_autofree char *value = NULL;
          cairo_rectangle (cr, x, y, w, row_h);
          if (u == NULL)
            value = g_strdup (heads[c]);
          else
            switch (c)
              {
              case 0: value = g_strdup (u->entrance); break;
              case 1: value = g_strdup (u->number); break;
              case 2: value = g_strdup_printf ("%d", u->floor); break;
              case 3: value = g_strdup (u->unit_type); break;
              case 4: value = sr_area_format (u->area_centi); break;
              case 5: value = sr_money_format (sr_price_per_m2 (u->price_fen, u->area_centi)); break;
              case 6: value = sr_money_format (u->price_fen); break;
              default: value = g_strdup (sr_unit_status_get_label (u->status)); break;
              }
          if (u == NULL || c < 4 || c == 7)
            text_at (cr, u == NULL ? "Sans Bold 8" : "Sans 8", value, x + 4, y + 4, w - 6, -1);
          else
            text_at (cr, "Sans 8", value, x + w - 4, y + 4, 0, 1);
          x += w;
        }
      cairo_stroke (cr);
      y += row_h;
    }
  text_at (cr, "Sans 8", footer, width / 2, height - 36, 0, 0);
  cairo_restore (cr);
}

/* Receipts and refund slips ---------------------------------------------------------------- */

void
sr_receipt_slip_free (SrReceiptSlip *slip)
{
  if (slip == NULL)
    return;
  g_free (slip->office);
  g_free (slip->title);
  g_free (slip->number);
  g_free (slip->day);
  g_free (slip->payer);
  g_free (slip->unit_label);
  g_free (slip->what);
  g_free (slip->amount);
  g_free (slip->capital);
  g_free (slip->method);
  g_free (slip->recorded_by);
  g_free (slip->conditions);
  g_free (slip);
}

SrReceiptSlip *
sr_receipt_slip_new (SrContext  *ctx,
                     gint64      receipt_id,
                     GError    **error)
{
  g_autoptr(SrReceiptSlip) slip = g_new0 (SrReceiptSlip, 1);
  g_autoptr(SrStmt) stmt = NULL;
  g_autoptr(GString) what = g_string_new (NULL);
  gboolean refund, refundable = FALSE;
  gint64 unit = 0, amount;
  SrStep step;

  stmt = sr_db_prepare (sr_context_get_db (ctx),
                        "SELECT r.year, r.number, r.kind, r.day, r.amount_fen, r.method, s.display_name, "
                        " r.voided_at IS NOT NULL, c.name, coalesce (d.unit_id, 0) FROM receipts r "
                        "JOIN deals d ON d.id = r.deal_id JOIN customers c ON c.id = d.customer_id "
                        "LEFT JOIN staff s ON s.id = r.recorded_by WHERE r.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sr_stmt_bind_int (stmt, 1, receipt_id);
  step = sr_stmt_step (stmt, error);
  if (step != SR_STEP_ROW)
    {
      if (step == SR_STEP_DONE)
        g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_NOT_FOUND, _("No such receipt."));
      return NULL;
    }
  refund = g_strcmp0 (sr_stmt_get_text (stmt, 2), "refund") == 0;
  amount = sr_stmt_get_int (stmt, 4);
  slip->number = sr_receipt_format_number (sr_stmt_get_int (stmt, 0), sr_stmt_get_int (stmt, 1));
  slip->title = g_strdup (refund ? _("Refund Slip") : _("Receipt"));
  slip->day = sr_stmt_dup_text (stmt, 3);
  slip->amount = sr_money_format (amount);
  slip->method = g_strdup (sr_receipt_method_get_label (sr_stmt_get_text (stmt, 5)));
  slip->recorded_by = g_strdup (sr_stmt_get_text (stmt, 6) != NULL ? sr_stmt_get_text (stmt, 6) : "");
  slip->is_voided = sr_stmt_get_int (stmt, 7) != 0;
  slip->payer = sr_stmt_dup_text (stmt, 8);
  unit = sr_stmt_get_int (stmt, 9);
  g_clear_pointer (&stmt, sr_stmt_done);
  slip->capital = sr_money_to_chinese (amount, error);
  if (slip->capital == NULL || !sr_office_get (ctx, &slip->office, NULL, error))
    return NULL;
  slip->unit_label = unit > 0 ? unit_label (ctx, unit, error) : g_strdup ("");
  if (slip->unit_label == NULL)
    return NULL;

  /* What it pays: the plan items it was allocated to. */
  stmt = sr_db_prepare (sr_context_get_db (ctx), "SELECT p.kind, a.amount_fen FROM receipt_allocations a "
                        "JOIN plan_items p ON p.id = a.plan_item_id WHERE a.receipt_id = ?1 ORDER BY p.position", error);
  if (stmt == NULL)
    return NULL;
  sr_stmt_bind_int (stmt, 1, receipt_id);
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      const char *kind = sr_stmt_get_text (stmt, 0);
      g_autofree char *part = sr_money_format (sr_stmt_get_int (stmt, 1));
      g_string_append_printf (what, "%s%s %s", what->len > 0 ? "; " : "", sr_plan_item_kind_get_label (kind), part);
      refundable |= g_strcmp0 (kind, "intention") == 0 || g_strcmp0 (kind, "deposit") == 0;
    }
  if (step == SR_STEP_ERROR)
    return NULL;
  if (refund)
    g_string_assign (what, _("Money paid back"));
  else if (what->len == 0)
    g_string_assign (what, _("Intention money"));   /* converted since: its item became the deposit */
  slip->what = g_string_free (g_steal_pointer (&what), FALSE);
  slip->conditions = refundable
                     ? sr_settings_get (ctx, "receipt.refund_conditions",
                                        _("Intention money is paid back in full on request until a unit is chosen. A "
                                          "deposit is paid back, less what the contract terms forfeit, when the sale is "
                                          "cancelled; bring this receipt."))
                     : g_strdup ("");
  return g_steal_pointer (&slip);
}

void
sr_receipt_slip_draw (cairo_t  *cr,
                      double    width,
                      double    height,
                      gpointer  data)
{
  SrReceiptSlip *slip = data;
  double y = MARGIN, inner = width - 2 * MARGIN;
  g_autofree char *number = g_strdup_printf (_("No. %s"), slip->number);
  g_autofree char *date = g_strdup_printf (_("Date: %s"), slip->day);
  const char *rows[] = {
    slip->title[0] != '\0' && g_strcmp0 (slip->title, _("Refund Slip")) == 0 ? _("Paid back to") : _("Received from"),
    slip->payer,
    _("Unit"), slip->unit_label,
    _("For"), slip->what,
    _("Amount"), slip->amount,
    _("In words (人民币大写)"), slip->capital,
    _("Paid by"), slip->method,
    NULL
  };

  cairo_save (cr);
  y = form_head (cr, width, y, slip->office, "Sans Bold 20", slip->title) + 4;
  text_at (cr, "Sans 10", number, MARGIN, y, 0, -1);
  text_at (cr, "Sans 10", date, width - MARGIN, y, 0, 1);
  y += 24;
  y = form_table (cr, MARGIN, y, inner, rows, FALSE) + 14;
  if (slip->conditions[0] != '\0')
    y += text_at (cr, "Sans 9", slip->conditions, MARGIN, y, inner, -1) + 14;
  y += 24;
  {
    const char *who[] = { _("Payer"), _("Cashier"), _("Finance"), NULL };
    signature_lines (cr, MARGIN, y, who);
  }
  if (slip->recorded_by[0] != '\0')
    {
      g_autofree char *by = g_strdup_printf (_("Recorded by %s"), slip->recorded_by);
      text_at (cr, "Sans 9", by, width - MARGIN, y + 90, 0, 1);
    }
  if (slip->is_voided)
    {
      /* Across the page, as a stamp would be. */
      cairo_save (cr);
      cairo_set_source_rgba (cr, 0.85, 0.1, 0.1, 0.6);
      cairo_translate (cr, width / 2, MARGIN + 190);
      cairo_rotate (cr, -0.35);
      text_at (cr, "Sans Bold 60", _("VOID"), 0, -40, 0, 0);
      cairo_restore (cr);
    }
  cairo_restore (cr);
}

/* The payoff certificate ------------------------------------------------------------------ */

void
sr_payoff_certificate_free (SrPayoffCertificate *cert)
{
  if (cert == NULL)
    return;
  g_free (cert->office);
  g_free (cert->printed_on);
  g_free (cert->owner);
  g_free (cert->unit_label);
  g_free (cert->contract);
  g_free (cert->price);
  g_free (cert->price_capital);
  g_clear_pointer (&cert->lines, g_ptr_array_unref);
  g_free (cert);
}

SrPayoffCertificate *
sr_payoff_certificate_new (SrContext  *ctx,
                           gint64      deal_id,
                           GError    **error)
{
  g_autoptr(SrPayoffCertificate) cert = g_new0 (SrPayoffCertificate, 1);
  g_autoptr(SrDeal) deal = sr_deals_get (ctx, deal_id, error);
  g_autoptr(GPtrArray) receipts = NULL;
  SrFen due = 0;

  if (deal == NULL || !sr_deals_due (ctx, deal_id, &due, error))
    return NULL;
  if (deal->contract_no == NULL || due > 0 || deal->refund_due_fen > 0)
    {
      g_autofree char *money = sr_money_format (due);
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT,
                   deal->contract_no == NULL ? _("There is no contract to pay off yet.")
                   : due > 0 ? _("Not paid off: %s is still due on the plan.")
                             : _("Not settled: money is still due back to the owner."), money);
      return NULL;
    }
  if (!sr_office_get (ctx, &cert->office, NULL, error))
    return NULL;
  cert->printed_on = sr_clock_today (sr_context_get_clock (ctx));
  cert->owner = g_strdup (deal->customer_name);
  cert->unit_label = deal->unit_id > 0 ? unit_label (ctx, deal->unit_id, error) : g_strdup ("");
  if (cert->unit_label == NULL)
    return NULL;
  cert->contract = g_strdup_printf ("%s · %s", deal->contract_no, deal->signed_on != NULL ? deal->signed_on : "");
  cert->price = sr_money_format (deal->price_fen);
  cert->price_capital = sr_money_to_chinese (deal->price_fen, error);
  if (cert->price_capital == NULL)
    return NULL;
  receipts = sr_deals_list_receipts (ctx, deal_id, error);
  if (receipts == NULL)
    return NULL;
  cert->lines = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < receipts->len; i++)
    {
      SrReceipt *r = g_ptr_array_index (receipts, i);
      g_autofree char *amount = NULL;
      if (r->is_voided)
        continue;
      amount = sr_money_format (g_strcmp0 (r->kind, "refund") == 0 ? -r->amount_fen : r->amount_fen);
      g_ptr_array_add (cert->lines, g_strdup_printf ("%s · %s · %s · %s", r->number, r->day, amount,
                                                     sr_receipt_method_get_label (r->method)));
    }
  return g_steal_pointer (&cert);
}

void
sr_payoff_certificate_draw (cairo_t  *cr,
                            double    width,
                            double    height,
                            gpointer  data)
{
  SrPayoffCertificate *cert = data;
  double y = MARGIN, inner = width - 2 * MARGIN;
  g_autofree char *date = g_strdup_printf (_("Date: %s"), cert->printed_on);
  g_autofree char *statement = g_strdup_printf (_("This is to certify that %s has paid the full price of unit %s under "
                                                  "contract %s: %s (%s). Nothing is due on the payment plan."),
                                                cert->owner, cert->unit_label, cert->contract, cert->price,
                                                cert->price_capital);

  cairo_save (cr);
  y = form_head (cr, width, y, cert->office, "Sans Bold 20", _("Payoff Certificate")) + 4;
  text_at (cr, "Sans 10", date, width - MARGIN, y, 0, 1);
  y += 30;
  y += text_at (cr, "Sans 11", statement, MARGIN, y, inner, -1) + 18;
  y += text_at (cr, "Sans Bold 10", _("Receipts"), MARGIN, y, 0, -1) + 6;
  for (guint i = 0; i < cert->lines->len; i++)
    y += text_at (cr, "Sans 10", g_ptr_array_index (cert->lines, i), MARGIN + 12, y, inner - 12, -1) + 2;
  y += 40;
  {
    const char *who[] = { _("Finance"), _("Sales manager"), NULL };
    signature_lines (cr, MARGIN, y, who);
  }
  text_at (cr, "Sans 9", _("(office seal)"), width - MARGIN, y + 70, 0, 1);
  cairo_restore (cr);
}
