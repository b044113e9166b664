/* sr-unit-window.c — see sr-unit-window.h. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "core/sr-bookings.h"
#include "core/sr-contracts.h"
#include "core/sr-customers.h"
#include "core/sr-deal-steps.h"
#include "core/sr-deals.h"
#include "core/sr-ledger.h"
#include "core/sr-money-reports.h"
#include "core/sr-problems.h"
#include "core/sr-money.h"
#include "core/sr-office.h"
#include "core/sr-units.h"
#include "gui/ledger/sr-money-forms.h"
#include "gui/sr-form.h"
#include "gui/sr-gui-util.h"
#include "gui/sr-print.h"
#include "gui/sr-window.h"
#include "sr-unit-window.h"

static void fill_unit_window (GtkWidget *window);

static SrContext *
window_ctx (GtkWidget *window)
{
  return g_object_get_data (G_OBJECT (window), "ctx");
}

static gint64
window_unit (GtkWidget *window)
{
  return GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (window), "unit-id"));
}

static void
on_hold (GtkButton *button,
         GtkWidget *window)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SrUnit) u = sr_units_get (window_ctx (window), window_unit (window), NULL);
  gboolean ok = u != NULL && u->status == SR_UNIT_HELD
                ? sr_units_release (window_ctx (window), window_unit (window), &error)
                : sr_units_hold (window_ctx (window), window_unit (window), &error);
  if (!ok)
    sr_toast_error (window, error);
}

static gint64
customer_by_phone (SrContext   *ctx,
                   const char  *phone,
                   GError     **error)
{
  g_autoptr(SrCustomer) c = sr_customers_find_by_phone (ctx, phone, error);

  if (c == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                     _("No customer has the phone %s: register them first."), phone);
      return 0;
    }
  return c->id;
}

static gboolean
save_reserve (SrForm   *form,
              gpointer  user_data,
              GError  **error)
{
  GtkWidget *window = user_data;
  SrContext *ctx = window_ctx (window);
  gint64 customer = customer_by_phone (ctx, sr_form_get_text (form, "phone"), error);
  int hours = sr_form_get_int (form, "hours");

  return customer > 0 &&
         sr_units_reserve (ctx, window_unit (window), customer, sr_context_now (ctx) + hours * 3600,
                           sr_form_get_text (form, "note"), error) > 0;
}

static void
on_reserve (GtkButton *button,
            GtkWidget *window)
{
  SrForm *form = sr_form_new (window, _("Reserve the Unit"), _("_Reserve"));

  sr_form_add_entry (form, "phone", _("The customer’s phone"), NULL);
  sr_form_add_spin (form, "hours", _("For how many hours"), 1, 24 * 30, 24);
  sr_form_add_entry (form, "note", _("Note"), NULL);
  sr_form_run (form, save_reserve, window, NULL);
}

static gboolean
save_request (SrForm   *form,
              gpointer  user_data,
              GError  **error)
{
  GtkWidget *window = user_data;
  SrContext *ctx = window_ctx (window);
  gint64 customer = customer_by_phone (ctx, sr_form_get_text (form, "phone"), error);
  SrFen deposit = 0;

  return customer > 0 && sr_money_parse (sr_form_get_text (form, "deposit"), &deposit, error) &&
         sr_units_request_subscription (ctx, window_unit (window), customer, deposit,
                                        sr_form_get_text (form, "sign"), error) > 0;
}

static void
on_request (GtkButton *button,
            GtkWidget *window)
{
  SrContext *ctx = window_ctx (window);
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_local (sr_context_now (ctx));
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 7);
  g_autofree char *sign = g_date_time_format (later, "%Y-%m-%d");
  SrForm *form = sr_form_new (window, _("Request a Subscription"), _("_Request"));

  sr_form_add_group (form, NULL, _("The unit is 待确认 until finance confirms the deposit."));
  sr_form_add_entry (form, "phone", _("The customer’s phone"), NULL);
  sr_form_add_entry (form, "deposit", _("Deposit, ¥"), "50000");
  sr_form_add_entry (form, "sign", _("Agreed signing date (YYYY-MM-DD)"), sign);
  sr_form_run (form, save_request, window, NULL);
}

static gboolean
save_void (SrForm   *form,
           gpointer  user_data,
           GError  **error)
{
  GtkWidget *window = user_data;
  gint64 booking = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (form), "booking"));

  return sr_bookings_void (window_ctx (window), booking, sr_form_get_text (form, "reason"), error);
}

static void
on_void (GtkButton *button,
         GtkWidget *window)
{
  SrForm *form = sr_form_new (window, _("Void the Booking"), _("_Void"));

  g_object_set_data (G_OBJECT (form), "booking", g_object_get_data (G_OBJECT (button), "booking"));
  sr_form_add_entry (form, "reason", _("Reason"), NULL);
  sr_form_run (form, save_void, window, NULL);
}

static gint64
button_deal (GtkButton *button)
{
  return GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "deal-id"));
}

static gint64
form_deal (SrForm *form)
{
  return GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (form), "deal-id"));
}

static SrForm *
deal_form_new (GtkWidget  *window,
               GtkButton  *button,
               const char *title,
               const char *save_label)
{
  SrForm *form = sr_form_new (window, title, save_label);

  g_object_set_data (G_OBJECT (form), "deal-id", GSIZE_TO_POINTER (button_deal (button)));
  return form;
}

static void
on_refund_due (GtkButton *button,
               GtkWidget *window)
{
  sr_money_form_refund (window, window_ctx (window), button_deal (button));
}

static void
on_confirm_deposit (GtkButton *button,
                    GtkWidget *window)
{
  sr_money_form_confirm_deposit (window, window_ctx (window), button_deal (button));
}

static gboolean
save_discount (SrForm   *form,
               gpointer  user_data,
               GError  **error)
{
  GtkWidget *window = user_data;
  const char *text = sr_form_get_text (form, "discount");
  SrFen discount = 0;

  return (text == NULL || *text == '\0' || sr_money_parse (text, &discount, error)) &&
         sr_deals_set_discount (window_ctx (window), form_deal (form), discount,
                                sr_form_get_text (form, "reason"), error);
}

static void
on_discount (GtkButton *button,
             GtkWidget *window)
{
  SrContext *ctx = window_ctx (window);
  g_autoptr(SrDeal) deal = sr_deals_get (ctx, button_deal (button), NULL);
  SrForm *form = deal_form_new (window, button, _("Special Discount"), _("_Save"));
  gint64 limit = sr_settings_get_int (ctx, "sales.discount_limit_permille", 10);
  g_autofree char *info = g_strdup_printf (_("Off the list price, with the reason. Above %.1f %% of the list price "
                                             "only the manager may give it, and is recorded as approving it."),
                                           limit / 10.0);
  g_autofree char *current = deal != NULL && deal->discount_fen > 0
                             ? g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", deal->discount_fen / 100,
                                                (int) (deal->discount_fen % 100))
                             : NULL;

  sr_form_add_group (form, NULL, info);
  sr_form_add_entry (form, "discount", _("Discount, ¥ (empty: none)"), current);
  sr_form_add_entry (form, "reason", _("Reason"), deal != NULL ? deal->discount_reason : NULL);
  sr_form_run (form, save_discount, window, NULL);
}

static gboolean
save_sign (SrForm   *form,
           gpointer  user_data,
           GError  **error)
{
  GtkWidget *window = user_data;
  SrContractInput in = {
    sr_form_get_text (form, "number"),
    sr_form_get_text (form, "day"),
    sr_payment_methods[sr_form_get_selected (form, "method")],
    sr_form_get_text (form, "co-buyers"),
    sr_form_get_text (form, "clauses"),
  };

  return sr_deals_sign (window_ctx (window), form_deal (form), &in, error);
}

static void
on_sign (GtkButton *button,
         GtkWidget *window)
{
  SrContext *ctx = window_ctx (window);
  g_autoptr(SrDeal) deal = sr_deals_get (ctx, button_deal (button), NULL);
  g_autofree char *today = sr_clock_today (sr_context_get_clock (ctx));
  SrForm *form = deal_form_new (window, button, _("Enter the Contract"), _("_Sign"));
  const char *methods[G_N_ELEMENTS (sr_payment_methods)] = { NULL };
  g_autofree char *price = NULL;
  g_autofree char *info = NULL;

  for (guint i = 0; sr_payment_methods[i] != NULL; i++)
    methods[i] = sr_payment_method_get_label (sr_payment_methods[i]);
  if (deal != NULL)
    {
      price = sr_money_format (deal->list_price_fen - deal->discount_fen);
      info = g_strdup_printf (_("Contract price %s. The unit becomes 签约; the rest of the price goes on the "
                                "plan by the payment method (down payment, loans or instalments)."), price);
      sr_form_add_group (form, NULL, info);
    }
  sr_form_add_entry (form, "number", _("Contract number"), NULL);
  sr_form_add_entry (form, "day", _("Signed on (YYYY-MM-DD)"), today);
  sr_form_add_choice (form, "method", _("Payment method"), methods, 0);
  sr_form_add_entry (form, "co-buyers", _("Co-buyers (共有人)"), NULL);
  sr_form_add_entry (form, "clauses", _("Special clauses"), NULL);
  sr_form_run (form, save_sign, window, NULL);
}

static gboolean
save_change (SrForm   *form,
             gpointer  user_data,
             GError  **error)
{
  GtkWidget *window = user_data;
  SrContext *ctx = window_ctx (window);
  GArray *buildings = g_object_get_data (G_OBJECT (form), "buildings");
  gint64 building = g_array_index (buildings, gint64, sr_form_get_selected (form, "building"));
  gint64 unit = sr_units_find (ctx, building, sr_form_get_text (form, "unit"), error);

  if (unit == 0 || !sr_deals_change_unit (ctx, form_deal (form), unit, sr_form_get_text (form, "reason"), error))
    return FALSE;
  /* The panel follows the sale to its new unit. */
  g_object_set_data (G_OBJECT (window), "unit-id", GSIZE_TO_POINTER (unit));
  fill_unit_window (window);
  return TRUE;
}

static void
on_change (GtkButton *button,
           GtkWidget *window)
{
  SrContext *ctx = window_ctx (window);
  g_autoptr(SrUnit) u = sr_units_get (ctx, window_unit (window), NULL);
  g_autoptr(GPtrArray) projects = sr_projects_list (ctx, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  SrForm *form = deal_form_new (window, button, _("Change the Unit"), _("_Change"));
  guint selected = 0;

  for (guint p = 0; projects != NULL && p < projects->len; p++)
    {
      SrProject *project = g_ptr_array_index (projects, p);
      g_autoptr(GPtrArray) buildings = sr_buildings_list (ctx, project->id, NULL);
      for (guint b = 0; buildings != NULL && b < buildings->len; b++)
        {
          SrBuilding *building = g_ptr_array_index (buildings, b);
          if (u != NULL && building->id == u->building_id)
            selected = ids->len;
          g_array_append_val (ids, building->id);
          g_ptr_array_add (names, projects->len > 1 ? g_strdup_printf ("%s %s", project->name, building->name)
                                                    : g_strdup (building->name));
        }
    }
  g_ptr_array_add (names, NULL);
  g_object_set_data_full (G_OBJECT (form), "buildings", ids, (GDestroyNotify) g_array_unref);
  sr_form_add_group (form, NULL, _("Before signing, the booking and the money paid move to another available "
                                   "unit at its list price; this unit is for sale again."));
  sr_form_add_choice (form, "building", _("Building"), (const char * const *) names->pdata, selected);
  sr_form_add_entry (form, "unit", _("Unit number (e.g. 1201 or 2-1201)"), NULL);
  sr_form_add_entry (form, "reason", _("Reason"), NULL);
  sr_form_run (form, save_change, window, NULL);
}

static gboolean
save_cancel (SrForm   *form,
             gpointer  user_data,
             GError  **error)
{
  GtkWidget *window = user_data;
  const char *text = sr_form_get_text (form, "forfeit");
  SrFen forfeit = 0;

  return (text == NULL || *text == '\0' || sr_money_parse (text, &forfeit, error)) &&
         sr_deals_cancel (window_ctx (window), form_deal (form), sr_form_get_text (form, "reason"), forfeit, error);
}

static void
on_cancel (GtkButton *button,
           GtkWidget *window)
{
  SrContext *ctx = window_ctx (window);
  g_autoptr(SrDeal) deal = sr_deals_get (ctx, button_deal (button), NULL);
  gboolean is_unit = deal == NULL || deal->unit_id > 0;
  SrForm *form = deal_form_new (window, button, is_unit ? _("Cancel the Sale (退房)") : _("Cancel the Contract"),
                                is_unit ? _("Cancel the _Sale") : _("Cancel the _Contract"));
  g_autofree char *paid = deal != NULL ? sr_money_format (deal->paid_fen) : NULL;
  g_autofree char *info = g_strdup_printf (is_unit ? _("The unit returns to 待售. Of the %s paid, the forfeited part "
                                                       "(定金罚没) is kept as income and finance pays back the rest.")
                                                   : _("Of the %s paid, the forfeited part (定金罚没) is kept as "
                                                       "income and finance pays back the rest."),
                                           paid != NULL ? paid : "");

  sr_form_add_group (form, NULL, info);
  sr_form_add_entry (form, "reason", _("Reason"), NULL);
  sr_form_add_entry (form, "forfeit", _("Forfeited, ¥ (empty: none)"), NULL);
  sr_form_run (form, save_cancel, window, NULL);
}

/* Prints a paper the registers made, or says why it could not be made. */
static void
print_paper (GtkWidget      *parent,
             const char     *job_name,
             SrPageDrawFunc  draw,
             gpointer        paper,
             GDestroyNotify  free_paper,
             const GError   *error)
{
  if (paper == NULL)
    {
      sr_toast_error (parent, error);
      return;
    }
  sr_print_page (parent, job_name, FALSE, draw, paper, free_paper);
}

static void
on_slip (GtkButton *button,
         GtkWidget *window)
{
  g_autoptr(GError) error = NULL;
  SrConfirmationSlip *slip = sr_confirmation_slip_new (window_ctx (window), window_unit (window), &error);

  print_paper (window, _("Unit confirmation slip"), sr_confirmation_slip_draw, slip, (GDestroyNotify) sr_confirmation_slip_free, error);
}

static gboolean
save_delay (SrForm   *form,
            gpointer  user_data,
            GError  **error)
{
  GtkWidget *button = user_data;
  return sr_plan_item_delay (g_object_get_data (G_OBJECT (button), "ctx"),
                             GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "item-id")),
                             sr_form_get_text (form, "day"), sr_form_get_text (form, "reason"), error);
}

static void
on_delay (GtkButton *button,
          gpointer   data)
{
  SrForm *form = sr_form_new (GTK_WIDGET (button), _("Delay the Payment (延期付款)"), _("_Delay"));

  sr_form_add_group (form, NULL, _("The new due date is kept with the reason and you as approver."));
  sr_form_add_entry (form, "day", _("New due date (YYYY-MM-DD)"), NULL);
  sr_form_add_entry (form, "reason", _("Reason"), NULL);
  /* The panel refills when the item changes: the form keeps the button alive. */
  sr_form_run (form, save_delay, g_object_ref (button), g_object_unref);
}

static gboolean
save_void_receipt (SrForm   *form,
                   gpointer  user_data,
                   GError  **error)
{
  GtkWidget *button = user_data;
  return sr_receipts_void (g_object_get_data (G_OBJECT (button), "ctx"),
                           GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "receipt-id")),
                           sr_form_get_text (form, "reason"), error);
}

static void
on_void_receipt (GtkButton *button,
                 gpointer   data)
{
  SrForm *form = sr_form_new (GTK_WIDGET (button), _("Void the Receipt"), _("_Void"));

  sr_form_add_group (form, NULL, _("The receipt keeps its number and shows as void; what it paid is due again."));
  sr_form_add_entry (form, "reason", _("Reason"), NULL);
  /* The panel refills when the receipt is voided: the form keeps the button alive. */
  sr_form_run (form, save_void_receipt, g_object_ref (button), g_object_unref);
}

static void
on_print_receipt (GtkButton *button,
                  gpointer   data)
{
  g_autoptr(GError) error = NULL;
  SrContext *ctx = g_object_get_data (G_OBJECT (button), "ctx");
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "receipt-id"));
  SrReceiptSlip *slip = sr_receipt_slip_new (ctx, id, &error);

  if (slip == NULL)
    {
      sr_toast_error (GTK_WIDGET (button), error);
      return;
    }
  sr_print_page (GTK_WIDGET (button), slip->title, FALSE, sr_receipt_slip_draw, slip,
                 (GDestroyNotify) sr_receipt_slip_free);
}

static void
on_payoff (GtkButton *button,
           GtkWidget *window)
{
  g_autoptr(GError) error = NULL;
  SrPayoffCertificate *cert = sr_payoff_certificate_new (window_ctx (window), button_deal (button), &error);

  print_paper (window, _("Payoff certificate"), sr_payoff_certificate_draw, cert, (GDestroyNotify) sr_payoff_certificate_free, error);
}

static void
on_inspection (GtkButton *button,
               GtkWidget *window)
{
  g_autoptr(GError) error = NULL;
  SrInspectionSheet *sheet = sr_inspection_sheet_new (window_ctx (window), window_unit (window), &error);

  print_paper (window, _("Owner’s inspection checklist"), sr_inspection_sheet_draw, sheet, (GDestroyNotify) sr_inspection_sheet_free, error);
}

static gboolean
save_inspection (SrForm   *form,
                 gpointer  user_data,
                 GError  **error)
{
  GtkWidget *window = user_data;
  g_autofree char *items = g_strjoin ("\n", sr_form_get_text (form, "item1"), sr_form_get_text (form, "item2"),
                                      sr_form_get_text (form, "item3"), sr_form_get_text (form, "item4"), NULL);
  guint n = sr_problems_open_from_inspection (window_ctx (window), window_unit (window), items, error);
  g_autofree char *message = NULL;

  if (n == 0)
    return FALSE;
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u problem opened for engineering; the owner is a problem customer until it is closed.",
                                          "%u problems opened for engineering; the owner is a problem customer until they are closed.", n), n);
  sr_toast (window, message);
  return TRUE;
}

/* The owner's inspection (验房) found failed items: each becomes an engineering problem. */
static void
on_inspection_problems (GtkButton *button,
                        GtkWidget *window)
{
  SrForm *form = sr_form_new (window, _("Failed Inspection Items"), _("_Open Problems"));

  sr_form_add_group (form, NULL, _("Each item opens a problem for the engineering department, on the Problems page. "
                                   "Leave the rest empty."));
  sr_form_add_entry (form, "item1", _("Failed item (e.g. 客厅墙面开裂)"), NULL);
  sr_form_add_entry (form, "item2", _("Failed item"), NULL);
  sr_form_add_entry (form, "item3", _("Failed item"), NULL);
  sr_form_add_entry (form, "item4", _("Failed item"), NULL);
  sr_form_run (form, save_inspection, window, NULL);
}

static void
on_cost_sheet (GtkButton *button,
               GtkWidget *window)
{
  g_autoptr(GError) error = NULL;
  SrCostSheetPage *page = sr_cost_sheet_page_new (window_ctx (window), window_unit (window), &error);

  print_paper (window, _("Cost sheet"), sr_cost_sheet_page_draw, page, (GDestroyNotify) sr_cost_sheet_page_free, error);
}

static GtkWidget *
info_row (const char *title,
          const char *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value);

  /* One line a fact: the name on the left, the value on the right, so the whole sale
   * fits in the window. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  return row;
}

static GtkWidget *
action_button (const char *label,
               GCallback   callback,
               GtkWidget  *window)
{
  GtkWidget *b = gtk_button_new_with_mnemonic (label);

  gtk_widget_add_css_class (b, "pill");
  g_signal_connect (b, "clicked", callback, window);
  return b;
}


/* After the contract ------------------------------------------------------------------ */

static void
on_payment (GtkButton *button,
            GtkWidget *window)
{
  sr_money_form_payment (window, window_ctx (window), button_deal (button));
}

static void
on_report_money (GtkButton *button,
                 GtkWidget *window)
{
  sr_money_form_report (window, window_ctx (window), button_deal (button));
}

static gboolean
save_area (SrForm   *form,
           gpointer  user_data,
           GError  **error)
{
  GtkWidget *window = user_data;
  gint64 area = 0;

  return sr_area_parse (sr_form_get_text (form, "area"), &area, error) &&
         sr_deals_settle_area (window_ctx (window), form_deal (form), area, error);
}

static void
on_area (GtkButton *button,
         GtkWidget *window)
{
  SrForm *form = deal_form_new (window, button, _("Settle the Area"), _("_Settle"));

  sr_form_add_group (form, NULL, _("The surveyed area: the difference at the contract’s price per m² is added to "
                                   "the plan, or paid back to the owner by finance."));
  sr_form_add_entry (form, "area", _("Measured area, m²"), NULL);
  sr_form_run (form, save_area, window, NULL);
}

/* The next step of each track, or NULL when the track is complete. */
static const char *
next_step (GPtrArray  *done,
           const char *track)
{
  const char * const *steps = sr_progress_steps (track);
  guint n = 0;

  for (guint i = 0; done != NULL && i < done->len; i++)
    n += g_strcmp0 (((SrProgressStep *) g_ptr_array_index (done, i))->track, track) == 0;
  return steps[n];
}

static gboolean
save_progress (SrForm   *form,
               gpointer  user_data,
               GError  **error)
{
  GtkWidget *window = user_data;
  GPtrArray *choices = g_object_get_data (G_OBJECT (form), "choices");
  const char *pair = g_ptr_array_index (choices, sr_form_get_selected (form, "step"));
  g_auto(GStrv) parts = g_strsplit (pair, "|", 2);

  return sr_deals_record_progress (window_ctx (window), form_deal (form), parts[0], parts[1],
                                   sr_form_get_text (form, "day"), sr_form_get_text (form, "note"), error);
}

static void
on_progress (GtkButton *button,
             GtkWidget *window)
{
  SrContext *ctx = window_ctx (window);
  g_autoptr(GPtrArray) done = sr_deals_list_progress (ctx, button_deal (button), NULL);
  g_autofree char *today = sr_clock_today (sr_context_get_clock (ctx));
  GPtrArray *choices = g_ptr_array_new_with_free_func (g_free);
  const char *labels[3] = { NULL };
  const char *tracks[] = { "mortgage", "certificate" };
  guint n = 0;
  SrForm *form = deal_form_new (window, button, _("Record Progress"), _("_Record"));

  for (guint t = 0; t < G_N_ELEMENTS (tracks); t++)
    {
      const char *step = next_step (done, tracks[t]);
      if (step == NULL)
        continue;
      g_ptr_array_add (choices, g_strdup_printf ("%s|%s", tracks[t], step));
      labels[n++] = sr_progress_step_label (tracks[t], step);
    }
  g_object_set_data_full (G_OBJECT (form), "choices", choices, (GDestroyNotify) g_ptr_array_unref);
  sr_form_add_group (form, NULL, _("Mortgage: papers complete → sent to the bank → approved → disbursed. "
                                   "Certificate: fees taken → filed → issued → handed over."));
  sr_form_add_choice (form, "step", _("Next step"), labels, 0);
  sr_form_add_entry (form, "day", _("Date (YYYY-MM-DD)"), today);
  sr_form_add_entry (form, "note", _("Note"), NULL);
  sr_form_run (form, save_progress, window, NULL);
}

static gboolean
save_fee (SrForm   *form,
          gpointer  user_data,
          GError  **error)
{
  GtkWidget *window = user_data;
  SrFen amount = 0;
  const char *promise = sr_form_get_text (form, "promise");

  return sr_money_parse (sr_form_get_text (form, "amount"), &amount, error) &&
         sr_deals_add_certificate_fee (window_ctx (window), form_deal (form), amount,
                                       sr_form_get_text (form, "due"), error) &&
         (promise == NULL || *promise == '\0' ||
          sr_deals_promise_certificate (window_ctx (window), form_deal (form), promise, error));
}

static void
on_fee (GtkButton *button,
        GtkWidget *window)
{
  SrContext *ctx = window_ctx (window);
  g_autofree char *today = sr_clock_today (sr_context_get_clock (ctx));
  SrForm *form = deal_form_new (window, button, _("Certificate Fees"), _("_Save"));

  sr_form_add_group (form, NULL, _("The fees (办证费) go on the plan and are collected before filing. The promised "
                                   "date reminds the consultant to tell the owner first."));
  sr_form_add_entry (form, "amount", _("Amount, ¥"), NULL);
  sr_form_add_entry (form, "due", _("Due on (YYYY-MM-DD)"), today);
  sr_form_add_entry (form, "promise", _("Certificate promised for (YYYY-MM-DD, may be empty)"), NULL);
  sr_form_run (form, save_fee, window, NULL);
}

static gboolean
save_agreement (SrForm   *form,
                gpointer  user_data,
                GError  **error)
{
  GtkWidget *window = user_data;
  return sr_deals_add_agreement (window_ctx (window), form_deal (form), sr_form_get_text (form, "content"), error) > 0;
}

static void
on_agreement (GtkButton *button,
              GtkWidget *window)
{
  SrForm *form = deal_form_new (window, button, _("Supplementary Agreement"), _("_Add"));

  sr_form_add_group (form, NULL, _("It waits for the manager’s approval."));
  sr_form_add_entry (form, "content", _("What it says"), NULL);
  sr_form_run (form, save_agreement, window, NULL);
}

static void
decide (GtkButton *button,
        GtkWidget *window,
        gboolean   approve)
{
  g_autoptr(GError) error = NULL;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "agreement-id"));

  if (!sr_deals_decide_agreement (window_ctx (window), id, approve, approve ? NULL : _("Rejected by the manager"),
                                  &error))
    sr_toast_error (window, error);
}

static void on_approve (GtkButton *button, GtkWidget *window) { decide (button, window, TRUE); }
static void on_reject (GtkButton *button, GtkWidget *window) { decide (button, window, FALSE); }

static gboolean
save_acceptance (SrForm   *form,
                 gpointer  user_data,
                 GError  **error)
{
  GtkWidget *window = user_data;
  return sr_units_pass_acceptance (window_ctx (window), window_unit (window), sr_form_get_text (form, "day"), error);
}

static void
on_acceptance (GtkButton *button,
               GtkWidget *window)
{
  g_autofree char *today = sr_clock_today (sr_context_get_clock (window_ctx (window)));
  SrForm *form = sr_form_new (window, _("Internal Acceptance"), _("_Passed"));

  sr_form_add_group (form, NULL, _("The office’s own inspection (内部验收) of the unit before it is handed over."));
  sr_form_add_entry (form, "day", _("Passed on (YYYY-MM-DD)"), today);
  sr_form_run (form, save_acceptance, window, NULL);
}

static gboolean
save_deliver (SrForm   *form,
              gpointer  user_data,
              GError  **error)
{
  GtkWidget *window = user_data;
  return sr_deals_deliver (window_ctx (window), form_deal (form), sr_form_get_text (form, "day"),
                           sr_form_get_text (form, "move-in"), error);
}

static void
on_deliver (GtkButton *button,
            GtkWidget *window)
{
  g_autofree char *today = sr_clock_today (sr_context_get_clock (window_ctx (window)));
  SrForm *form = deal_form_new (window, button, _("Deliver the Unit (交付)"), _("_Deliver"));

  sr_form_add_group (form, NULL, _("Needs the payoff (every plan item paid) and the internal acceptance."));
  sr_form_add_entry (form, "day", _("Delivered on (YYYY-MM-DD)"), today);
  sr_form_add_entry (form, "move-in", _("Move-in day (YYYY-MM-DD, may be empty)"), NULL);
  sr_form_run (form, save_deliver, window, NULL);
}

/* The steps' buttons, three to a row, centred. */
static void
append_button (GtkWidget *buttons,
               GtkWidget *button)
{
  GtkWidget *row = gtk_widget_get_last_child (buttons);
  guint n = 0;

  for (GtkWidget *c = row != NULL ? gtk_widget_get_first_child (row) : NULL; c != NULL; c = gtk_widget_get_next_sibling (c))
    n++;
  if (row == NULL || n >= 3)
    {
      row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      gtk_widget_set_halign (row, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (buttons), row);
    }
  gtk_box_append (GTK_BOX (row), button);
}

static GtkWidget *
add_deal_button (GtkWidget  *buttons,
                 const char *label,
                 GCallback   callback,
                 GtkWidget  *window,
                 SrDeal     *deal,
                 gboolean    is_main)
{
  GtkWidget *b = action_button (label, callback, window);

  g_object_set_data (G_OBJECT (b), "deal-id", GSIZE_TO_POINTER (deal->id));
  if (is_main)
    gtk_widget_add_css_class (b, "suggested-action");
  append_button (buttons, b);
  return b;
}

/* Whoever took money from the customer and is not finance reports it. */
static void
add_report_button (GtkWidget *buttons,
                   GtkWidget *window,
                   SrSession *session,
                   SrDeal    *deal,
                   SrFen      due)
{
  if (due > 0 && sr_session_may (session, SR_ACTION_REPORT_MONEY) && !sr_session_may (session, SR_ACTION_RECORD_MONEY) &&
      (g_strcmp0 (deal->state, "subscribed") == 0 || g_strcmp0 (deal->state, "signed") == 0 ||
       g_strcmp0 (deal->state, "delivered") == 0))
    add_deal_button (buttons, _("Report Money _Received…"), G_CALLBACK (on_report_money), window, deal, FALSE);
}

/* Payments, area, progress, agreements, acceptance and delivery, for whoever may. */
static void
add_after_signing_buttons (GtkWidget *buttons,
                           GtkWidget *window,
                           SrSession *session,
                           SrDeal    *deal,
                           SrUnit    *u)
{
  SrContext *ctx = window_ctx (window);
  gboolean manages = sr_session_may (session, SR_ACTION_MANAGE_DEALS);
  gboolean finance = sr_session_may (session, SR_ACTION_RECORD_MONEY);
  gboolean is_signed = g_strcmp0 (deal->state, "signed") == 0;
  gboolean delivered = g_strcmp0 (deal->state, "delivered") == 0;
  SrFen due = 0;
  gint64 settled = 0, fee = 0;
  g_autofree char *accepted = NULL;

  if (!is_signed && !delivered && g_strcmp0 (deal->state, "subscribed") != 0)
    return;
  sr_deals_due (ctx, deal->id, &due, NULL);
  sr_db_get_int (sr_context_get_db (ctx), &settled, NULL, "SELECT coalesce (area_settled_at, 0) FROM deals "
                 "WHERE id = ?1", "i", deal->id);
  sr_db_get_int (sr_context_get_db (ctx), &fee, NULL, "SELECT count(*) FROM plan_items WHERE deal_id = ?1 "
                 "AND kind = 'certificate-fee'", "i", deal->id);
  {
    g_autoptr(SrStmt) stmt = sr_db_prepare (sr_context_get_db (ctx), "SELECT acceptance_passed_on FROM units "
                                            "WHERE id = ?1", NULL);
    if (stmt != NULL)
      {
        sr_stmt_bind_int (stmt, 1, u->id);
        if (sr_stmt_step (stmt, NULL) == SR_STEP_ROW)
          accepted = sr_stmt_dup_text (stmt, 0);
      }
  }
  if (finance && due > 0 && g_strcmp0 (deal->state, "subscribed") != 0)
    add_deal_button (buttons, _("Record _Payment…"), G_CALLBACK (on_payment), window, deal, TRUE);
  add_report_button (buttons, window, session, deal, due);
  if (finance && deal->refund_due_fen > 0)
    add_deal_button (buttons, _("Pay _Back…"), G_CALLBACK (on_refund_due), window, deal, FALSE);
  if (!is_signed && !delivered)
    return;
  if (manages || finance)
    add_deal_button (buttons, _("Record Pro_gress…"), G_CALLBACK (on_progress), window, deal, FALSE);
  if (manages && is_signed && settled == 0)
    add_deal_button (buttons, _("Settle _Area…"), G_CALLBACK (on_area), window, deal, FALSE);
  if (manages && fee == 0)
    add_deal_button (buttons, _("Certificate _Fees…"), G_CALLBACK (on_fee), window, deal, FALSE);
  if (manages)
    add_deal_button (buttons, _("Supplementary _Agreement…"), G_CALLBACK (on_agreement), window, deal, FALSE);
  if (manages && is_signed && accepted == NULL)
    append_button (buttons, action_button (_("Internal Acceptance…"), G_CALLBACK (on_acceptance), window));
  if (due == 0 && deal->refund_due_fen == 0 && (manages || finance))
    add_deal_button (buttons, _("Print Payoff _Certificate…"), G_CALLBACK (on_payoff), window, deal, FALSE);
  if (manages && is_signed)
    add_deal_button (buttons, _("De_liver…"), G_CALLBACK (on_deliver), window, deal, due == 0 && accepted != NULL);
}

/* Mortgage and certificate steps, the promised date, supplementary agreements. */
static void
add_progress_groups (AdwPreferencesPage *page,
                     SrContext          *ctx,
                     SrDeal             *deal)
{
  g_autoptr(GPtrArray) steps = sr_deals_list_progress (ctx, deal->id, NULL);
  g_autoptr(GPtrArray) agreements = sr_deals_list_agreements (ctx, deal->id, NULL);
  SrSession *session = sr_context_get_session (ctx);

  if (steps != NULL && steps->len > 0)
    {
      GtkWidget *g = adw_preferences_group_new ();
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (g), _("Mortgage and certificate"));
      for (guint i = 0; i < steps->len; i++)
        {
          SrProgressStep *p = g_ptr_array_index (steps, i);
          g_autofree char *text = p->note != NULL ? g_strdup_printf ("%s · %s", p->day, p->note) : g_strdup (p->day);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (g),
                                     info_row (sr_progress_step_label (p->track, p->step), text));
        }
      adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (g));
    }
  if (agreements != NULL && agreements->len > 0)
    {
      GtkWidget *g = adw_preferences_group_new ();
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (g), _("Supplementary agreements"));
      for (guint i = 0; i < agreements->len; i++)
        {
          SrAgreement *a = g_ptr_array_index (agreements, i);
          GtkWidget *row = adw_action_row_new ();
          const char *state = g_strcmp0 (a->state, "approved") == 0 ? _("Approved")
                            : g_strcmp0 (a->state, "rejected") == 0 ? _("Rejected") : _("Waiting for approval");
          g_autofree char *subtitle = a->decided_by != NULL ? g_strdup_printf ("%s · %s", state, a->decided_by)
                                                            : g_strdup (state);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), a->content);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
          if (g_strcmp0 (a->state, "pending") == 0 && session != NULL &&
              sr_session_may (session, SR_ACTION_APPROVE_TERMS))
            {
              GtkWidget *window = g_object_get_data (G_OBJECT (page), "window");
              GtkWidget *yes = gtk_button_new_with_mnemonic (_("_Approve"));
              GtkWidget *no = gtk_button_new_with_mnemonic (_("Re_ject"));
              gtk_widget_set_valign (yes, GTK_ALIGN_CENTER);
              gtk_widget_set_valign (no, GTK_ALIGN_CENTER);
              g_object_set_data (G_OBJECT (yes), "agreement-id", GSIZE_TO_POINTER (a->id));
              g_object_set_data (G_OBJECT (no), "agreement-id", GSIZE_TO_POINTER (a->id));
              g_signal_connect (yes, "clicked", G_CALLBACK (on_approve), window);
              g_signal_connect (no, "clicked", G_CALLBACK (on_reject), window);
              adw_action_row_add_suffix (ADW_ACTION_ROW (row), no);
              adw_action_row_add_suffix (ADW_ACTION_ROW (row), yes);
            }
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), row);
        }
      adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (g));
    }
}

static void
add_info (GtkWidget  *group,
          const char *title,
          const char *value)
{
  if (value != NULL && *value != '\0')
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), info_row (title, value));
}

/* The sale on the unit: who, what was agreed, the plan and the receipts. */
static void
add_sale_groups (AdwPreferencesPage *page,
                 SrContext          *ctx,
                 SrDeal             *deal)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autoptr(GPtrArray) plan = sr_deals_list_plan (ctx, deal->id, NULL);
  g_autoptr(GPtrArray) receipts = sr_deals_list_receipts (ctx, deal->id, NULL);
  g_autofree char *list = sr_money_format (deal->list_price_fen);
  g_autofree char *paid = sr_money_format (deal->paid_fen);
  g_autofree char *discount = NULL;
  g_autofree char *contract = NULL;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Sale"));
  add_info (group, _("Customer"), deal->customer_name);
  add_info (group, _("State"), sr_deal_state_get_label (deal->state));
  add_info (group, _("Consultant"), deal->owner_name);
  if (deal->discount_fen > 0)
    {
      g_autofree char *money = sr_money_format (deal->discount_fen);
      discount = deal->discount_approver != NULL
                 ? g_strdup_printf (_("%s off %s: %s (approved by %s)"), money, list,
                                    deal->discount_reason != NULL ? deal->discount_reason : "",
                                    deal->discount_approver)
                 : g_strdup_printf (_("%s off %s: %s"), money, list,
                                    deal->discount_reason != NULL ? deal->discount_reason : "");
      add_info (group, _("Special discount"), discount);
    }
  if (deal->contract_no != NULL && deal->unit_id == 0)
    {
      g_autofree char *value = sr_money_format (deal->price_fen);
      contract = g_strdup_printf (_("%s %s, signed %s, value %s"), sr_contract_kind_get_label (deal->kind),
                                  deal->contract_no, deal->signed_on != NULL ? deal->signed_on : "", value);
      add_info (group, _("Contract"), contract);
      add_info (group, _("Special clauses"), deal->clauses);
    }
  else if (deal->contract_no != NULL)
    {
      g_autofree char *price = sr_money_format (deal->price_fen);
      contract = g_strdup_printf (_("%s, signed %s, %s, price %s"), deal->contract_no,
                                  deal->signed_on != NULL ? deal->signed_on : "",
                                  sr_payment_method_get_label (deal->payment_method), price);
      add_info (group, _("Contract"), contract);
      add_info (group, _("Co-buyers"), deal->co_buyers);
      add_info (group, _("Special clauses"), deal->clauses);
    }
  add_info (group, _("Paid"), paid);
  {
    /* Reported by a consultant, not yet confirmed by finance: not counted as paid. */
    g_autoptr(GPtrArray) waiting = sr_money_reports_waiting (ctx, deal->id, NULL);
    for (guint i = 0; waiting != NULL && i < waiting->len; i++)
      {
        SrMoneyReport *r = g_ptr_array_index (waiting, i);
        g_autofree char *money = sr_money_format (r->amount_fen);
        g_autofree char *text = g_strdup_printf (_("%s %s on %s, reported by %s"), money,
                                                 sr_receipt_method_get_label (r->method), r->day,
                                                 r->reported_by != NULL ? r->reported_by : "—");
        add_info (group, _("Waiting for finance"), text);
      }
  }
  if (deal->advance_fen > 0)
    {
      g_autofree char *advance = sr_money_format (deal->advance_fen);
      add_info (group, _("Advance (for the next item)"), advance);
    }
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (group));

  if (plan != NULL && plan->len > 0)
    {
      GtkWidget *g = adw_preferences_group_new ();
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (g), _("Payment plan"));
      for (guint i = 0; i < plan->len; i++)
        {
          SrPlanItem *item = g_ptr_array_index (plan, i);
          g_autofree char *amount = sr_money_format (item->amount_fen);
          g_autofree char *done = sr_money_format (item->paid_fen);
          g_autofree char *title = g_strdup_printf ("%s · %s", sr_plan_item_kind_get_label (item->kind),
                                                    item->due_day);
          g_autofree char *text = g_strdup_printf (_("%s, paid %s"), amount, done);
          GtkWidget *row = info_row (title, text);
          SrSession *session = sr_context_get_session (ctx);
          /* The manager may move an unpaid item's due date (延期付款). */
          if (item->paid_fen < item->amount_fen && session != NULL && sr_session_may (session, SR_ACTION_APPROVE_TERMS))
            {
              GtkWidget *delay = gtk_button_new_from_icon_name ("x-office-calendar-symbolic");
              gtk_widget_set_tooltip_text (delay, _("Delay this payment (new due date and reason)…"));
              gtk_widget_set_valign (delay, GTK_ALIGN_CENTER);
              gtk_widget_add_css_class (delay, "flat");
              g_object_set_data (G_OBJECT (delay), "item-id", GSIZE_TO_POINTER (item->id));
              g_object_set_data (G_OBJECT (delay), "ctx", ctx);
              g_signal_connect (delay, "clicked", G_CALLBACK (on_delay), NULL);
              adw_action_row_add_suffix (ADW_ACTION_ROW (row), delay);
            }
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), row);
        }
      adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (g));
    }
  if (deal->unit_id > 0)
    add_progress_groups (page, ctx, deal);
  if (receipts != NULL && receipts->len > 0)
    {
      GtkWidget *g = adw_preferences_group_new ();
      SrFen balance = 0;   /* what the plan still asks after each receipt (running balance) */
      for (guint i = 0; plan != NULL && i < plan->len; i++)
        balance += ((SrPlanItem *) g_ptr_array_index (plan, i))->amount_fen;
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (g), _("Receipts"));
      for (guint i = 0; i < receipts->len; i++)
        {
          SrReceipt *r = g_ptr_array_index (receipts, i);
          gboolean refund = g_strcmp0 (r->kind, "refund") == 0;
          g_autofree char *amount = sr_money_format (refund ? -r->amount_fen : r->amount_fen);
          g_autofree char *title = g_strdup_printf ("%s · %s%s", r->number, r->day,
                                                    r->is_voided ? _(" (void)") : "");
          g_autofree char *left = NULL;
          g_autofree char *text = NULL;
          GtkWidget *row, *print;
          /* Money paid back settles what was owed back, not the plan. */
          if (!r->is_voided && !refund)
            balance -= r->amount_fen;
          left = sr_money_format (balance);
          text = r->recorded_by != NULL
                 ? g_strdup_printf (_("%s, %s, %s; balance %s"), amount, sr_receipt_method_get_label (r->method),
                                    r->recorded_by, left)
                 : g_strdup_printf (_("%s, %s; balance %s"), amount, sr_receipt_method_get_label (r->method), left);
          row = info_row (title, text);
          print = gtk_button_new_from_icon_name ("printer-symbolic");
          gtk_widget_set_tooltip_text (print, _("Print this receipt (with the amount in capital numerals)"));
          gtk_widget_set_valign (print, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (print, "flat");
          g_object_set_data (G_OBJECT (print), "receipt-id", GSIZE_TO_POINTER (r->id));
          g_object_set_data (G_OBJECT (print), "ctx", ctx);
          g_signal_connect (print, "clicked", G_CALLBACK (on_print_receipt), NULL);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), print);
          if (!r->is_voided && g_strcmp0 (r->kind, "payment") == 0 && sr_context_get_session (ctx) != NULL &&
              sr_session_may (sr_context_get_session (ctx), SR_ACTION_RECORD_MONEY))
            {
              GtkWidget *void_button = gtk_button_new_from_icon_name ("edit-delete-symbolic");
              gtk_widget_set_tooltip_text (void_button, _("Void this receipt (it keeps its number)…"));
              gtk_widget_set_valign (void_button, GTK_ALIGN_CENTER);
              gtk_widget_add_css_class (void_button, "flat");
              g_object_set_data (G_OBJECT (void_button), "receipt-id", GSIZE_TO_POINTER (r->id));
              g_object_set_data (G_OBJECT (void_button), "ctx", ctx);
              g_signal_connect (void_button, "clicked", G_CALLBACK (on_void_receipt), NULL);
              adw_action_row_add_suffix (ADW_ACTION_ROW (row), void_button);
            }
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), row);
        }
      adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (g));
    }
}

static void
fill_unit_window (GtkWidget *window)
{
  SrContext *ctx = window_ctx (window);
  SrSession *session = sr_context_get_session (ctx);
  GtkWidget *scroller = g_object_get_data (G_OBJECT (window), "scroller");
  GtkWidget *page = adw_preferences_page_new ();
  /* Rows that act (approving an agreement) find the window here. */
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autoptr(GError) error = NULL;
  g_autoptr(SrUnit) u = sr_units_get (ctx, window_unit (window), &error);
  g_autoptr(SrBooking) booking = NULL;
  g_autoptr(SrDeal) deal = NULL;
  GtkWidget *history_group = NULL;   /* shown last, under the steps */
  g_autofree char *title = NULL;
  g_autofree char *area = NULL;
  g_autofree char *price = NULL;
  g_autofree char *per = NULL;
  gboolean controls = sr_session_may (session, SR_ACTION_CONTROL_UNITS);

  if (u == NULL)
    {
      sr_toast_error (window, error);
      return;
    }
  booking = sr_bookings_live_for_unit (ctx, u->id, NULL);
  {
    g_autofree char *label = sr_units_get_label (ctx, u->id, NULL);
    title = g_strdup_printf (_("Unit %s"), label != NULL ? label : u->number);
  }
  gtk_window_set_title (GTK_WINDOW (window), title);
  area = sr_area_format (u->area_centi);
  price = sr_money_format (u->price_fen);
  per = sr_money_format (sr_price_per_m2 (u->price_fen, u->area_centi));
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), info_row (_("Status"), sr_unit_status_get_label (u->status)));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), info_row (_("Unit type"), u->unit_type));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), info_row (_("Floor area, m²"), area));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), info_row (_("List price"), price));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), info_row (_("Per m²"), per));
  /* A reservation, or a request waiting for finance; a confirmed sale shows below. */
  if (booking != NULL && (g_strcmp0 (booking->state, "reserved") == 0 || g_strcmp0 (booking->state, "pending") == 0))
    {
      g_autofree char *who = NULL;
      const char *by = booking->booked_by != NULL ? booking->booked_by : _("the command line");
      if (g_strcmp0 (booking->state, "reserved") == 0)
        {
          g_autofree char *until = sr_format_moment (booking->expires_at);
          who = g_strdup_printf (_("%s, reserved until %s by %s"), booking->customer_name, until, by);
        }
      else
        {
          g_autofree char *deposit = sr_money_format (booking->deposit_fen);
          who = g_strdup_printf (_("%s, deposit %s, signing by %s; asked by %s"), booking->customer_name,
                                 deposit, booking->sign_by_day != NULL ? booking->sign_by_day : "", by);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), info_row (_("Booked for"), who));
    }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  g_object_set_data (G_OBJECT (page), "window", window);
  deal = sr_deals_for_unit (ctx, u->id, NULL);
  if (deal != NULL)
    add_sale_groups (ADW_PREFERENCES_PAGE (page), ctx, deal);

  /* What happened to the unit, newest first. */
  {
    g_autoptr(GPtrArray) history = sr_units_history (ctx, u->id, NULL);
    if (history != NULL && history->len > 0)
      {
        GtkWidget *g = adw_preferences_group_new ();
        adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (g), _("History"));
        for (guint i = 0; i < history->len && i < 30; i++)
          {
            SrUnitEvent *e = g_ptr_array_index (history, i);
            GtkWidget *row = adw_action_row_new ();
            g_autofree char *when = sr_format_moment (e->at);
            g_autofree char *sub = e->who != NULL ? g_strdup_printf ("%s · %s", when, e->who) : g_strdup (when);
            adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), e->text);
            adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sub);
            adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), row);
          }
        history_group = g;
      }
  }

  /* The steps this person may take now. */
  if (controls && booking == NULL && (u->status == SR_UNIT_AVAILABLE || u->status == SR_UNIT_HELD))
    append_button (buttons, action_button (u->status == SR_UNIT_HELD ? _("_Release for Sale")
                                                                                 : _("_Withhold (销控)"),
                                                      G_CALLBACK (on_hold), window));
  if (controls && booking == NULL && u->status == SR_UNIT_AVAILABLE)
    append_button (buttons, action_button (_("Re_serve…"), G_CALLBACK (on_reserve), window));
  if (sr_session_may (session, SR_ACTION_REQUEST_SUBSCRIPTION) &&
      ((booking == NULL && u->status == SR_UNIT_AVAILABLE) ||
       (booking != NULL && g_strcmp0 (booking->state, "reserved") == 0)))
    append_button (buttons, action_button (_("Request _Subscription…"), G_CALLBACK (on_request), window));
  if (controls && booking != NULL &&
      (g_strcmp0 (booking->state, "reserved") == 0 || g_strcmp0 (booking->state, "pending") == 0))
    {
      GtkWidget *b = action_button (_("_Void the Booking…"), G_CALLBACK (on_void), window);
      g_object_set_data (G_OBJECT (b), "booking", GSIZE_TO_POINTER (booking->id));
      append_button (buttons, b);
    }
  if (deal != NULL)
    {
      gboolean manages = sr_session_may (session, SR_ACTION_MANAGE_DEALS) ||
                         sr_session_may (session, SR_ACTION_APPROVE_TERMS);
      gboolean pending = g_strcmp0 (deal->state, "pending") == 0;
      gboolean subscribed = g_strcmp0 (deal->state, "subscribed") == 0;
      gboolean is_signed = g_strcmp0 (deal->state, "signed") == 0;

      if (pending && sr_session_may (session, SR_ACTION_RECORD_MONEY))
        add_deal_button (buttons, _("Confirm _Deposit…"), G_CALLBACK (on_confirm_deposit), window, deal, TRUE);
      if (subscribed && sr_session_may (session, SR_ACTION_MANAGE_DEALS))
        add_deal_button (buttons, _("Sign _Contract…"), G_CALLBACK (on_sign), window, deal, TRUE);
      if ((pending || subscribed) && manages)
        add_deal_button (buttons, _("_Discount…"), G_CALLBACK (on_discount), window, deal, FALSE);
      if ((pending || subscribed) && sr_session_may (session, SR_ACTION_MANAGE_DEALS))
        add_deal_button (buttons, _("C_hange Unit…"), G_CALLBACK (on_change), window, deal, FALSE);
      add_after_signing_buttons (buttons, window, session, deal, u);
      if ((is_signed || g_strcmp0 (deal->state, "delivered") == 0) && sr_session_may (session, SR_ACTION_FOLLOW_UP))
        append_button (buttons, action_button (_("Inspection _Problems…"), G_CALLBACK (on_inspection_problems), window));
      if ((subscribed || is_signed) && sr_session_may (session, SR_ACTION_MANAGE_DEALS))
        {
          GtkWidget *b = add_deal_button (buttons, _("Cancel the _Sale…"), G_CALLBACK (on_cancel), window, deal, FALSE);
          gtk_widget_add_css_class (b, "destructive-action");
        }
    }
  /* Papers for the customer: the cost sheet for any unit on sale, the slip once the unit
   * is reserved or requested. */
  if (sr_session_may (session, SR_ACTION_REQUEST_SUBSCRIPTION) || controls)
    {
      GtkWidget *papers = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      if (booking != NULL && (g_strcmp0 (booking->state, "reserved") == 0 || g_strcmp0 (booking->state, "pending") == 0))
        gtk_box_append (GTK_BOX (papers), action_button (_("Print Confirmation _Slip…"), G_CALLBACK (on_slip), window));
      if (u->status == SR_UNIT_AVAILABLE || u->status == SR_UNIT_RESERVED || u->status == SR_UNIT_PENDING)
        gtk_box_append (GTK_BOX (papers), action_button (_("Print Cost _Sheet…"), G_CALLBACK (on_cost_sheet), window));
      if (u->status == SR_UNIT_SIGNED || u->status == SR_UNIT_DELIVERED)
        gtk_box_append (GTK_BOX (papers), action_button (_("Print Inspection _Checklist…"), G_CALLBACK (on_inspection),
                                                         window));
      if (gtk_widget_get_first_child (papers) != NULL)
        {
          GtkWidget *group = adw_preferences_group_new ();
          gtk_widget_set_halign (papers, GTK_ALIGN_CENTER);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), papers);
          adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
        }
      else
        {
          g_object_ref_sink (papers);
          g_object_unref (papers);
        }
    }
  if (gtk_widget_get_first_child (buttons) != NULL)
    {
      GtkWidget *actions = adw_preferences_group_new ();
      gtk_widget_set_halign (buttons, GTK_ALIGN_CENTER);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (actions), buttons);
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (actions));
    }
  if (history_group != NULL)
    adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (history_group));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), page);
}

/* A decoration or service contract: the deal, its plan and receipts, and the money steps. */
static void
fill_deal_window (GtkWidget *window)
{
  SrContext *ctx = window_ctx (window);
  SrSession *session = sr_context_get_session (ctx);
  GtkWidget *scroller = g_object_get_data (G_OBJECT (window), "scroller");
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autoptr(GError) error = NULL;
  g_autoptr(SrDeal) deal = sr_deals_get (ctx, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (window), "deal-id")),
                                         &error);
  g_autofree char *title = NULL;
  SrFen due = 0;

  if (deal == NULL)
    {
      sr_toast_error (window, error);
      return;
    }
  title = g_strdup_printf ("%s %s", sr_contract_kind_get_label (deal->kind),
                           deal->contract_no != NULL ? deal->contract_no : "");
  gtk_window_set_title (GTK_WINDOW (window), title);
  g_object_set_data (G_OBJECT (page), "window", window);
  add_sale_groups (ADW_PREFERENCES_PAGE (page), ctx, deal);
  sr_deals_due (ctx, deal->id, &due, NULL);
  if (sr_session_may (session, SR_ACTION_RECORD_MONEY) && due > 0 && g_strcmp0 (deal->state, "signed") == 0)
    add_deal_button (buttons, _("Record _Payment…"), G_CALLBACK (on_payment), window, deal, TRUE);
  if (sr_session_may (session, SR_ACTION_RECORD_MONEY) && deal->refund_due_fen > 0)
    add_deal_button (buttons, _("Pay _Back…"), G_CALLBACK (on_refund_due), window, deal, FALSE);
  add_report_button (buttons, window, session, deal, due);
  if (sr_session_may (session, SR_ACTION_MANAGE_DEALS) && g_strcmp0 (deal->state, "signed") == 0)
    {
      GtkWidget *b = add_deal_button (buttons, _("Cancel the _Contract…"), G_CALLBACK (on_cancel), window, deal, FALSE);
      gtk_widget_add_css_class (b, "destructive-action");
    }
  if (gtk_widget_get_first_child (buttons) != NULL)
    {
      GtkWidget *actions = adw_preferences_group_new ();
      gtk_widget_set_halign (buttons, GTK_ALIGN_CENTER);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (actions), buttons);
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (actions));
    }
  else
    {
      g_object_ref_sink (buttons);
      g_object_unref (buttons);
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), page);
}

GtkWidget *
sr_deal_window_new (GtkWidget *parent,
                    SrContext *ctx,
                    gint64     deal_id)
{
  GtkWidget *window = sr_record_window_new (parent, ctx, 560, 720);

  g_object_set_data (G_OBJECT (window), "deal-id", GSIZE_TO_POINTER (deal_id));
  sr_record_window_watch (window, "deals", fill_deal_window);
  return window;
}

void
sr_deal_open (GtkWidget *parent,
              SrContext *ctx,
              gint64     unit_id,
              gint64     deal_id)
{
  if (unit_id > 0)
    gtk_window_present (GTK_WINDOW (sr_unit_window_new (parent, ctx, unit_id)));
  else if (deal_id > 0)
    gtk_window_present (GTK_WINDOW (sr_deal_window_new (parent, ctx, deal_id)));
}

GtkWidget *
sr_unit_window_new (GtkWidget *parent,
                    SrContext *ctx,
                    gint64     unit_id)
{
  GtkWidget *window = sr_record_window_new (parent, ctx, 560, 720);

  g_object_set_data (G_OBJECT (window), "unit-id", GSIZE_TO_POINTER (unit_id));
  sr_record_window_watch (window, "units", fill_unit_window);
  return window;
}
