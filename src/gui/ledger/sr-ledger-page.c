/* sr-ledger-page.c — see sr-ledger-page.h. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "core/sr-deals.h"
#include "core/sr-office.h"
#include "core/sr-ledger.h"
#include "core/sr-money-reports.h"
#include "gui/sr-gui-util.h"
#include "gui/sr-window.h"
#include "gui/units/sr-unit-window.h"
#include "sr-ledger-page.h"
#include "sr-money-forms.h"

typedef struct {
  SrContext *ctx;
  GtkWidget *root;
  GtkWidget *search;
  GtkWidget *scroller;
  GSimpleActionGroup *actions;
  gulong changed_id;
  gboolean sells_units;       /* a property office: deposits, intention money, signing dates */
} Ledger;

gboolean
sr_ledger_page_is_for (SrSession *session)
{
  return sr_session_may (session, SR_ACTION_RECORD_MONEY);
}

static void
ledger_free (Ledger *l)
{
  g_clear_signal_handler (&l->changed_id, l->ctx);
  g_clear_object (&l->ctx);
  g_clear_object (&l->actions);
  g_free (l);
}

static gint64
row_deal (GtkWidget *widget)
{
  return GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (widget), "deal-id"));
}

static void
on_confirm (GtkButton *button,
            Ledger    *l)
{
  sr_money_form_confirm_deposit (l->root, l->ctx, row_deal (GTK_WIDGET (button)));
}

static void
on_refund (GtkButton *button,
           Ledger    *l)
{
  sr_money_form_refund (l->root, l->ctx, row_deal (GTK_WIDGET (button)));
}

static void
on_payment (GtkButton *button,
            Ledger    *l)
{
  sr_money_form_payment (l->root, l->ctx, row_deal (GTK_WIDGET (button)));
}

static void
on_open_unit (AdwActionRow *row,
              Ledger       *l)
{
  sr_deal_open (l->root, l->ctx, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "unit-id")),
                GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "deal-id")));
}

/* A list of the page built to SR_ROWS_SHOWN rows: the search finds the others. */
static void
say_more (GtkWidget *group,
          guint      n)
{
  sr_group_say_shown (group, n, _("The first %u are shown; search by customer, unit or contract for the others."),
                      (guint) SR_ROWS_SHOWN);
}

/* A row: who and which unit, what is asked, and the one button for it. */
static GtkWidget *
deal_row (Ledger     *l,
          SrDeal     *d,
          const char *detail,
          const char *button_label,
          GCallback   callback,
          gboolean    is_main)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (button_label);
  g_autofree char *title = d->unit_label != NULL ? g_strdup_printf ("%s · %s", d->customer_name, d->unit_label)
                                                 : g_strdup (d->customer_name);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), detail);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  if (is_main)
    gtk_widget_add_css_class (button, "suggested-action");
  g_object_set_data (G_OBJECT (button), "deal-id", GSIZE_TO_POINTER (d->id));
  g_signal_connect (button, "clicked", callback, l);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  if (d->unit_id > 0 || d->contract_no != NULL)
    {
      g_object_set_data (G_OBJECT (row), "unit-id", GSIZE_TO_POINTER (d->unit_id));
      g_object_set_data (G_OBJECT (row), "deal-id", GSIZE_TO_POINTER (d->id));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_signal_connect (row, "activated", G_CALLBACK (on_open_unit), l);
    }
  return row;
}

static gboolean
matches (SrDeal     *d,
         const char *needle)
{
  return *needle == '\0' ||
         (d->customer_name != NULL && strstr (d->customer_name, needle) != NULL) ||
         (d->unit_label != NULL && strstr (d->unit_label, needle) != NULL);
}

static GtkWidget *
new_group (const char *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  return group;
}

static void
set_group_count (GtkWidget  *group,
                 const char *title,
                 guint       n,
                 const char *empty)
{
  g_autofree char *full = g_strdup_printf ("%s (%u)", title, n);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), full);
  if (n == 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), empty);
}

static gboolean
receipt_matches (SrDayReceipt *r,
                 const char   *needle)
{
  return *needle == '\0' || strstr (r->customer_name, needle) != NULL ||
         strstr (r->unit_label, needle) != NULL || strstr (r->number, needle) != NULL;
}

/* Today's receipts, with the day's totals by method (what the cash box and the bank
 * statement should show), over all of them. A busy agency takes over a thousand a day:
 * the latest that match the search are shown, the others counted. */
static GtkWidget *
today_group (Ledger     *l,
             const char *needle)
{
  g_autofree char *today = sr_clock_today (sr_context_get_clock (l->ctx));
  g_autoptr(GPtrArray) rows = sr_receipts_for_day (l->ctx, today, NULL);
  GtkWidget *group = new_group (NULL);
  SrFen by_method[SR_N_RECEIPT_METHODS] = { 0 }, total = 0;
  g_autoptr(GString) totals = g_string_new (NULL);
  g_autofree char *title = NULL;
  g_autofree char *sum = NULL;
  g_autoptr(GPtrArray) hits = g_ptr_array_new ();

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      SrDayReceipt *r = g_ptr_array_index (rows, i);
      SrFen signed_amount = g_strcmp0 (r->kind, "refund") == 0 ? -r->amount_fen : r->amount_fen;

      if (!r->is_voided)
        {
          for (guint m = 0; m < SR_N_RECEIPT_METHODS; m++)
            if (g_strcmp0 (sr_receipt_methods[m], r->method) == 0)
              by_method[m] += signed_amount;
          total += signed_amount;
        }
      if (receipt_matches (r, needle))
        g_ptr_array_add (hits, r);
    }
  /* In number order, the latest last. */
  for (guint i = hits->len > SR_ROWS_SHOWN ? hits->len - SR_ROWS_SHOWN : 0; i < hits->len; i++)
    {
      SrDayReceipt *r = g_ptr_array_index (hits, i);
      g_autofree char *money = sr_money_format (g_strcmp0 (r->kind, "refund") == 0 ? -r->amount_fen : r->amount_fen);
      g_autofree char *row_title = g_strdup_printf ("%s · %s%s%s", r->number, r->customer_name,
                                                    *r->unit_label != '\0' ? " · " : "", r->unit_label);
      g_autofree char *sub = g_strdup_printf ("%s, %s%s", money, sr_receipt_method_get_label (r->method),
                                              r->is_voided ? _(" (void)") : "");
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), row_title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sub);
      if (r->is_voided)
        gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  for (guint m = 0; m < SR_N_RECEIPT_METHODS; m++)
    if (by_method[m] != 0)
      {
        g_autofree char *money = sr_money_format (by_method[m]);
        g_string_append_printf (totals, "%s%s %s", totals->len > 0 ? " · " : "",
                                sr_receipt_method_get_label (sr_receipt_methods[m]), money);
      }
  sum = sr_money_format (total);
  title = g_strdup_printf (_("Taken today: %s"), sum);
  set_group_count (group, title, rows != NULL ? rows->len : 0, _("No receipt today yet."));
  if (hits->len > SR_ROWS_SHOWN)
    {
      g_autofree char *latest = g_strdup_printf (_("The latest %u are shown; search by customer, unit or receipt number for the others."),
                                                 (guint) SR_ROWS_SHOWN);
      g_string_append_printf (totals, "%s%s", totals->len > 0 ? "\n" : "", latest);
    }
  if (totals->len > 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), totals->str);
  return group;
}

/* Money past its due date (催款), or subscriptions past their signing date (未签约). */

static GtkWidget *
late_group (Ledger     *l,
            const char *needle,
            gboolean    overdue)
{
  g_autoptr(GError) error = NULL;
  /* Overdue items can be many thousands: the most overdue that match, searched and
   * counted in the database (a row costs a few milliseconds to build). */
  guint total = 0;
  g_autoptr(GPtrArray) rows = overdue ? sr_ledger_overdue_find (l->ctx, 0, needle, SR_ROWS_SHOWN, &total, &error)
                                      : sr_ledger_unsigned (l->ctx, 0, &error);
  GtkWidget *group = new_group (NULL);
  guint n = 0;

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      SrLateRow *r = g_ptr_array_index (rows, i);
      g_autofree char *title = *r->unit_label != '\0' ? g_strdup_printf ("%s · %s", r->customer_name, r->unit_label)
                                                       : g_strdup (r->customer_name);
      g_autofree char *money = NULL;
      g_autofree char *detail = NULL;
      GtkWidget *row;

      if (!overdue && *needle != '\0' && strstr (title, needle) == NULL)
        continue;
      if (++n > SR_ROWS_SHOWN)
        continue;   /* counted, not shown: the search finds the others */
      row = adw_action_row_new ();
      money = sr_money_format (overdue ? r->open_fen : r->deposit_fen);
      detail = overdue
        ? g_strdup_printf (_("%s %s due %s, %d days late; consultant %s"), sr_plan_item_kind_get_label (r->kind), money,
                           r->day, r->days_late, r->consultant != NULL ? r->consultant : "—")
        : g_strdup_printf (_("Deposit %s paid; to sign by %s, %d days late; consultant %s"), money, r->day,
                           r->days_late, r->consultant != NULL ? r->consultant : "—");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), detail);
      gtk_widget_add_css_class (row, "overdue");
      if (overdue)
        {
          GtkWidget *button = gtk_button_new_with_mnemonic (_("_Record Payment…"));
          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          g_object_set_data (G_OBJECT (button), "deal-id", GSIZE_TO_POINTER (r->deal_id));
          g_signal_connect (button, "clicked", G_CALLBACK (on_payment), l);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
      g_object_set_data (G_OBJECT (row), "unit-id", GSIZE_TO_POINTER (r->unit_id));
      g_object_set_data (G_OBJECT (row), "deal-id", GSIZE_TO_POINTER (r->deal_id));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_signal_connect (row, "activated", G_CALLBACK (on_open_unit), l);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  if (overdue)
    n = total;
  set_group_count (group, overdue ? _("Overdue payments (催款)") : _("Past the signing date (未签约)"), n,
                   overdue ? _("Nothing is overdue.") : _("Every subscription is signed in time."));
  sr_group_say_shown (group, n, _("The %u most overdue are shown; search by customer, unit or contract for the others."),
                      (guint) SR_ROWS_SHOWN);
  return group;
}

static char *
report_summary (SrMoneyReport *r)
{
  g_autofree char *money = sr_money_format (r->amount_fen);

  return g_strdup_printf (_("%s %s on %s, reported by %s%s%s"), money, sr_receipt_method_get_label (r->method),
                          r->day, r->reported_by != NULL ? r->reported_by : "—",
                          r->note != NULL ? ": " : "", r->note != NULL ? r->note : "");
}

static void
on_report_button (GtkButton *button,
                  Ledger    *l)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "report-id"));
  const char *summary = g_object_get_data (G_OBJECT (button), "summary");

  if (g_object_get_data (G_OBJECT (button), "reject") != NULL)
    sr_money_form_reject_report (l->root, l->ctx, id, summary);
  else
    sr_money_form_confirm_report (l->root, l->ctx, id, summary);
}

/* Money reported by consultants, waiting for finance's confirmation. */
static GtkWidget *
reports_group (Ledger     *l,
               const char *needle)
{
  g_autoptr(GPtrArray) reports = sr_money_reports_waiting (l->ctx, 0, NULL);
  GtkWidget *group = new_group (NULL);
  guint n = 0;

  for (guint i = 0; reports != NULL && i < reports->len; i++)
    {
      SrMoneyReport *r = g_ptr_array_index (reports, i);
      g_autofree char *title = *r->deal_label != '\0' ? g_strdup_printf ("%s · %s", r->customer_name, r->deal_label)
                                                       : g_strdup (r->customer_name);
      g_autofree char *summary = NULL;
      GtkWidget *row;

      if (*needle != '\0' && strstr (title, needle) == NULL)
        continue;
      if (++n > SR_ROWS_SHOWN)
        continue;   /* counted, not shown */
      summary = report_summary (r);
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), summary);
      for (guint k = 0; k < 2; k++)
        {
          GtkWidget *button = gtk_button_new_with_mnemonic (k == 0 ? _("Con_firm…") : _("Re_ject…"));
          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          if (k == 0)
            gtk_widget_add_css_class (button, "suggested-action");
          else
            g_object_set_data (G_OBJECT (button), "reject", GINT_TO_POINTER (1));
          g_object_set_data (G_OBJECT (button), "report-id", GSIZE_TO_POINTER (r->id));
          g_object_set_data_full (G_OBJECT (button), "summary", g_strdup (summary), g_free);
          g_signal_connect (button, "clicked", G_CALLBACK (on_report_button), l);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
      g_object_set_data (G_OBJECT (row), "unit-id", GSIZE_TO_POINTER (r->unit_id));
      g_object_set_data (G_OBJECT (row), "deal-id", GSIZE_TO_POINTER (r->deal_id));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_signal_connect (row, "activated", G_CALLBACK (on_open_unit), l);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  set_group_count (group, _("Money reported, to confirm"), n,
                   _("Nothing waits: money a consultant reports on a sale or contract shows here."));
  say_more (group, n);
  return group;
}

static void
reload (Ledger *l)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) deals = sr_deals_list_for_finance (l->ctx, &error);
  const char *needle = gtk_editable_get_text (GTK_EDITABLE (l->search));
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *deposits = new_group (NULL), *refunds = new_group (NULL), *held = new_group (NULL);
  guint n_deposits = 0, n_refunds = 0, n_held = 0;

  if (deals == NULL)
    {
      sr_toast_error (l->root, error);
      return;
    }
  for (guint i = 0; i < deals->len; i++)
    {
      SrDeal *d = g_ptr_array_index (deals, i);
      g_autofree char *detail = NULL;
      g_autofree char *money = NULL;
      g_autofree char *paid = NULL;
      guint *counter;

      if (!matches (d, needle))
        continue;
      counter = g_strcmp0 (d->state, "pending") == 0 ? &n_deposits
              : g_strcmp0 (d->state, "cancelled") == 0 ? &n_refunds : &n_held;
      if (++*counter > SR_ROWS_SHOWN)
        continue;   /* counted, not shown */
      if (g_strcmp0 (d->state, "pending") == 0)
        {
          g_autofree char *when = sr_format_moment (d->created_at);
          money = sr_money_format (d->deposit_fen);
          paid = sr_money_format (d->paid_fen);
          detail = d->paid_fen > 0
                   ? g_strdup_printf (_("Deposit %s (intention money %s already paid), asked %s by %s; sign by %s"),
                                      money, paid, when, d->owner_name != NULL ? d->owner_name : "—",
                                      d->sign_by_day != NULL ? d->sign_by_day : "—")
                   : g_strdup_printf (_("Deposit %s, asked %s by %s; sign by %s"), money, when,
                                      d->owner_name != NULL ? d->owner_name : "—",
                                      d->sign_by_day != NULL ? d->sign_by_day : "—");
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (deposits),
                                     deal_row (l, d, detail, _("_Confirm Deposit…"), G_CALLBACK (on_confirm), TRUE));
        }
      else if (g_strcmp0 (d->state, "cancelled") == 0)
        {
          money = sr_money_format (d->refund_due_fen);
          paid = sr_money_format (d->forfeit_fen);
          detail = g_strdup_printf (_("Cancelled (%s): pay back %s, forfeited %s"),
                                    d->end_reason != NULL ? d->end_reason : "", money, paid);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (refunds),
                                     deal_row (l, d, detail, _("_Pay Back…"), G_CALLBACK (on_refund), TRUE));
        }
      else
        {
          g_autofree char *when = sr_format_moment (d->created_at);
          money = sr_money_format (d->paid_fen);
          detail = g_strdup_printf (_("Intention money %s, taken %s; consultant %s"), money, when,
                                    d->owner_name != NULL ? d->owner_name : "—");
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (held),
                                     deal_row (l, d, detail, _("Pay _Back…"), G_CALLBACK (on_refund), FALSE));
        }
    }
  set_group_count (deposits, _("Deposits to confirm"), n_deposits,
                   _("No subscription request is waiting. A consultant’s request on the unit grid shows here."));
  set_group_count (refunds, _("Money to pay back"), n_refunds, _("Nothing is due back to a customer."));
  set_group_count (held, _("Intention money held"), n_held,
                   _("No intention money is held. Take it with “Take Intention Money…”."));
  say_more (deposits, n_deposits);
  say_more (refunds, n_refunds);
  say_more (held, n_held);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (reports_group (l, needle)));
  if (l->sells_units)
    {
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (deposits));
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (late_group (l, needle, TRUE)));
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (refunds));
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (late_group (l, needle, FALSE)));
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (held));
    }
  else
    {
      /* Contracts: their payments due and overdue, and money due back. */
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (late_group (l, needle, TRUE)));
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (refunds));
      g_object_ref_sink (deposits);
      g_object_unref (deposits);
      g_object_ref_sink (held);
      g_object_unref (held);
    }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (today_group (l, needle)));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (l->scroller), page);
}

static void
on_changed (SrContext  *ctx,
            const char *table,
            Ledger     *l)
{
  if (g_strcmp0 (table, "deals") == 0 || g_strcmp0 (table, "customers") == 0)
    reload (l);
}

static void
take_intention (GSimpleAction *action,
                GVariant      *param,
                gpointer       data)
{
  Ledger *l = data;
  sr_money_form_take_intention (l->root, l->ctx);
}

static void
focus_search (GSimpleAction *action,
              GVariant      *param,
              gpointer       data)
{
  Ledger *l = data;
  gtk_widget_grab_focus (l->search);
}

GtkWidget *
sr_ledger_page_new (SrContext *ctx)
{
  static const GActionEntry entries[] = {
    { "take-intention", take_intention, NULL, NULL, NULL, { 0 } },
    { "find", focus_search, NULL, NULL, NULL, { 0 } },
  };
  Ledger *l = g_new0 (Ledger, 1);
  GtkWidget *toolbar, *box, *spacer;
  GtkShortcutController *shortcuts;

  l->ctx = g_object_ref (ctx);
  l->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (l->actions), entries, G_N_ELEMENTS (entries), l);
  l->scroller = gtk_scrolled_window_new ();
  box = sr_toolbar_view_new (&toolbar, l->scroller);
  {
    SrOfficeKind office = SR_OFFICE_PROPERTY;
    sr_office_get (ctx, NULL, &office, NULL);
    l->sells_units = sr_office_kind_has_units (office);
  }
  gtk_box_prepend (GTK_BOX (box),
                   sr_section_header_new (_("Money"),
                                          l->sells_units
                                          ? _("What is waiting for finance: deposits that make a unit 认购, money due back after a cancellation, and intention money held. Every amount taken gets a receipt number.")
                                          : _("What is waiting for finance: contract payments that are due, and money due back after a cancellation. A contract’s row opens its plan; every amount taken gets a receipt number.")));
  if (l->sells_units)
    sr_toolbar_add_button (toolbar, "list-add-symbolic", _("_Take Intention Money…"), "money.take-intention");
  else
    g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (l->actions),
                                                                               "take-intention")), FALSE);
  spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_hexpand (spacer, TRUE);
  gtk_box_append (GTK_BOX (toolbar), spacer);
  l->search = gtk_search_entry_new ();
  g_object_set (l->search, "placeholder-text", l->sells_units ? _("Customer or unit") : _("Customer or contract"), NULL);
  gtk_box_append (GTK_BOX (toolbar), l->search);
  g_signal_connect_swapped (l->search, "search-changed", G_CALLBACK (reload), l);

  shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_shortcut_controller_set_scope (shortcuts, GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (shortcuts,
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_n, GDK_CONTROL_MASK),
                      gtk_named_action_new ("money.take-intention")));
  gtk_shortcut_controller_add_shortcut (shortcuts,
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_f, GDK_CONTROL_MASK),
                      gtk_named_action_new ("money.find")));
  gtk_widget_add_controller (box, GTK_EVENT_CONTROLLER (shortcuts));

  l->root = box;
  gtk_widget_insert_action_group (box, "money", G_ACTION_GROUP (l->actions));
  g_object_set_data_full (G_OBJECT (box), "sr-ledger-page", l, (GDestroyNotify) ledger_free);
  l->changed_id = g_signal_connect (ctx, "changed", G_CALLBACK (on_changed), l);
  reload (l);
  return box;
}
