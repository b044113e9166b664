/* sr-dispatch-page.c — see sr-dispatch-page.h. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "core/sr-customers.h"
#include "core/sr-dispatch.h"
#include "core/sr-office.h"
#include "gui/customers/sr-customers-page.h"
#include "gui/sr-form.h"
#include "gui/sr-gui-util.h"
#include "gui/sr-window.h"
#include "sr-dispatch-page.h"

typedef struct {
  SrContext *ctx;
  GtkWidget *root;
  GtkWidget *scroller;
  GtkWidget *next_name;
  GtkWidget *next_detail;
  gulong changed_id;
} Dispatch;

static void reload (Dispatch *p);

gboolean
sr_dispatch_page_is_for (SrSession *session)
{
  return sr_session_may (session, SR_ACTION_TRANSFER_OWNERSHIP);
}

static void
dispatch_free (Dispatch *p)
{
  g_clear_signal_handler (&p->changed_id, p->ctx);
  g_clear_object (&p->ctx);
  g_free (p);
}

static gint64
widget_id (GtkWidget  *widget,
           const char *key)
{
  return GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (widget), key));
}

/* Dispatching ---------------------------------------------------------------------- */

static void
on_dispatch (GtkButton *button,
             Dispatch  *p)
{
  g_autoptr(GError) error = NULL;
  gboolean large = g_object_get_data (G_OBJECT (button), "large") != NULL;

  if (!sr_dispatch_customer (p->ctx, widget_id (GTK_WIDGET (button), "customer-id"), large, 0, NULL, &error))
    sr_toast_error (p->root, error);
  else
    sr_toast (p->root, _("Dispatched: the designer owns the customer now."));
}

typedef struct {
  Dispatch *p;
  gint64 id;                  /* customer or designer */
  GPtrArray *choices;         /* SrDesigner: designers or levels */
} FormData;

static void
form_data_free (FormData *f)
{
  g_clear_pointer (&f->choices, g_ptr_array_unref);
  g_free (f);
}

static gboolean
save_override (SrForm   *form,
               gpointer  user_data,
               GError  **error)
{
  FormData *f = user_data;
  SrDesigner *d = g_ptr_array_index (f->choices, sr_form_get_selected (form, "designer"));

  return sr_dispatch_customer (f->p->ctx, f->id, FALSE, d->staff_id, sr_form_get_text (form, "reason"), error);
}

static void
on_override (GtkButton *button,
             Dispatch  *p)
{
  FormData *f = g_new0 (FormData, 1);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) items = NULL;
  SrForm *form;

  f->p = p;
  f->id = widget_id (GTK_WIDGET (button), "customer-id");
  f->choices = sr_designers_list (p->ctx, NULL);
  if (f->choices == NULL || f->choices->len == 0)
    {
      sr_toast (p->root, _("There is no designer to dispatch to."));
      form_data_free (f);
      return;
    }
  for (guint i = 0; i < f->choices->len; i++)
    g_strv_builder_add (names, ((SrDesigner *) g_ptr_array_index (f->choices, i))->name);
  items = g_strv_builder_end (names);
  form = sr_form_new (p->root, _("Dispatch Out of Turn"), _("_Dispatch"));
  sr_form_add_group (form, NULL, _("It counts against that designer’s share like any other dispatch."));
  sr_form_add_choice (form, "designer", _("Designer"), (const char * const *) items, 0);
  sr_form_add_entry (form, "reason", _("Reason (e.g. the customer asked for this designer)"), NULL);
  sr_form_run (form, save_override, f, (GDestroyNotify) form_data_free);
}

/* Designers ------------------------------------------------------------------------ */

static gboolean
save_level (SrForm   *form,
            gpointer  user_data,
            GError  **error)
{
  FormData *f = user_data;
  SrDesigner *level = g_ptr_array_index (f->choices, sr_form_get_selected (form, "level"));

  return sr_designers_set_level (f->p->ctx, f->id, level->level_id, sr_form_get_text (form, "reason"), error);
}

static void
on_level (GtkButton *button,
          Dispatch  *p)
{
  FormData *f = g_new0 (FormData, 1);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) items = NULL;
  SrForm *form;

  f->p = p;
  f->id = widget_id (GTK_WIDGET (button), "staff-id");
  f->choices = sr_designer_levels (p->ctx, NULL);
  if (f->choices == NULL)
    f->choices = g_ptr_array_new ();
  for (guint i = 0; i < f->choices->len; i++)
    {
      SrDesigner *l = g_ptr_array_index (f->choices, i);
      g_autofree char *label = g_strdup_printf (_("%s (weight %d)"), l->level_name, l->weight);
      g_strv_builder_add (names, label);
    }
  items = g_strv_builder_end (names);
  form = sr_form_new (p->root, _("Designer’s Level"), _("_Set"));
  sr_form_add_choice (form, "level", _("Level"), (const char * const *) items, 0);
  sr_form_add_entry (form, "reason", _("Reason (quarterly level review, promotion …)"), NULL);
  sr_form_run (form, save_level, f, (GDestroyNotify) form_data_free);
}

static gboolean
save_leave (SrForm   *form,
            gpointer  user_data,
            GError  **error)
{
  FormData *f = user_data;

  return sr_designers_add_leave (f->p->ctx, f->id, sr_form_get_text (form, "from"), sr_form_get_text (form, "to"),
                                 sr_form_get_text (form, "reason"), error);
}

static void
on_leave (GtkButton *button,
          Dispatch  *p)
{
  FormData *f = g_new0 (FormData, 1);
  g_autofree char *today = sr_clock_today (sr_context_get_clock (p->ctx));
  SrForm *form;

  f->p = p;
  f->id = widget_id (GTK_WIDGET (button), "staff-id");
  form = sr_form_new (p->root, _("Leave from Dispatch"), _("_Save"));
  sr_form_add_group (form, NULL, _("On leave a designer receives no customers and keeps their credit."));
  sr_form_add_entry (form, "from", _("First day (YYYY-MM-DD)"), today);
  sr_form_add_entry (form, "to", _("Last day (YYYY-MM-DD)"), today);
  sr_form_add_entry (form, "reason", _("Reason (may be empty)"), NULL);
  sr_form_run (form, save_leave, f, (GDestroyNotify) form_data_free);
}

/* The page ---------------------------------------------------------------------------- */

static GtkWidget *
row_button (const char *label,
            const char *key,
            gint64      id,
            GCallback   callback,
            Dispatch   *p)
{
  GtkWidget *b = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (b, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (b), key, GSIZE_TO_POINTER (id));
  g_signal_connect (b, "clicked", callback, p);
  return b;
}

static void
on_open_customer (AdwActionRow *row,
                  Dispatch     *p)
{
  gtk_window_present (GTK_WINDOW (sr_customer_window_new (p->root, p->ctx, widget_id (GTK_WIDGET (row), "customer-id"))));
}

static GtkWidget *
waiting_group (Dispatch *p)
{
  g_autoptr(GError) error = NULL;
  guint total = 0;
  /* The newest: a row costs a few milliseconds to build, and an office may have
   * thousands waiting (the title counts them all). */
  g_autoptr(GPtrArray) waiting = sr_dispatch_waiting (p->ctx, SR_ROWS_SHOWN, &total, &error);
  GtkWidget *group = adw_preferences_group_new ();
  gboolean manager = (sr_session_get_roles (sr_context_get_session (p->ctx)) & SR_ROLE_MANAGER) != 0;
  g_autofree char *title = g_strdup_printf (_("Waiting for a designer (%u)"), waiting != NULL ? total : 0);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (waiting == NULL || waiting->len == 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                           _("Every customer has a designer. New customers registered without an owner show here."));
  else
    sr_group_say_shown (group, total, _("The %u newest are shown; the others follow as these are dispatched."),
                        (guint) SR_ROWS_SHOWN);
  for (guint i = 0; waiting != NULL && i < waiting->len; i++)
    {
      SrCustomer *c = g_ptr_array_index (waiting, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *when = sr_format_moment (c->created_at);
      g_autofree char *sub = g_strdup_printf (_("%s · registered %s"), c->phones != NULL && c->phones[0] != NULL
                                              ? c->phones[0] : _("no phone"), when);
      GtkWidget *dispatch = row_button (_("_Dispatch"), "customer-id", c->id, G_CALLBACK (on_dispatch), p);
      GtkWidget *large = row_button (_("_Large Project"), "customer-id", c->id, G_CALLBACK (on_dispatch), p);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), c->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sub);
      gtk_widget_add_css_class (dispatch, "suggested-action");
      g_object_set_data (G_OBJECT (large), "large", GINT_TO_POINTER (1));
      gtk_widget_set_tooltip_text (large, _("Above the size or budget threshold: only senior designers or above"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), dispatch);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), large);
      if (manager)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), row_button (_("Out of _Turn…"), "customer-id", c->id,
                                                                     G_CALLBACK (on_override), p));
      g_object_set_data (G_OBJECT (row), "customer-id", GSIZE_TO_POINTER (c->id));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_signal_connect (row, "activated", G_CALLBACK (on_open_customer), p);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  return group;
}

static GtkWidget *
designers_group (Dispatch *p)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) designers = sr_designers_list (p->ctx, &error);
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Designers"));
  if (designers == NULL || designers->len == 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                           _("No designer yet: give staff the consultant (designer) role in Admin."));
  for (guint i = 0; designers != NULL && i < designers->len; i++)
    {
      SrDesigner *d = g_ptr_array_index (designers, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = d->level_name != NULL ? g_strdup_printf ("%s · %s", d->name, d->level_name)
                                                     : g_strdup_printf (_("%s · no level yet (not dispatched to)"), d->name);
      g_autofree char *credit = d->level_name != NULL ? g_strdup_printf ("%" G_GINT64_FORMAT, d->credit) : g_strdup ("—");
      g_autofree char *sub = g_strdup_printf (_("weight %d%s · credit %s · holds %u customers%s"), d->weight,
                                              d->is_top ? _(" (top of the last ranking)") : "", credit,
                                              d->held, d->on_leave ? _(" · on leave today") : "");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sub);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), row_button (_("L_evel…"), "staff-id", d->staff_id,
                                                                   G_CALLBACK (on_level), p));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), row_button (_("Lea_ve…"), "staff-id", d->staff_id,
                                                                   G_CALLBACK (on_leave), p));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  return group;
}

static GtkWidget *
today_group (Dispatch *p)
{
  g_autofree char *today = sr_clock_today (sr_context_get_clock (p->ctx));
  g_autoptr(GPtrArray) rows = sr_dispatches_for_day (p->ctx, today, NULL);
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *title = g_strdup_printf (_("Dispatched today (%u)"), rows != NULL ? rows->len : 0);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (rows == NULL || rows->len == 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), _("Nothing dispatched yet today."));
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      SrDispatchRow *r = g_ptr_array_index (rows, i);
      GtkWidget *row = adw_action_row_new ();
      g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (r->at);
      g_autofree char *time = g_date_time_format (dt, "%H:%M");
      g_autofree char *line = g_strdup_printf ("%s  %s → %s%s", time, r->customer_name, r->designer_name,
                                               r->is_large ? _(" (large project)") : "");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), line);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), r->explanation);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  return group;
}

/* The ranking of a period: the half-month holding today, or the month. */
static GtkWidget *
ranking_group (Dispatch *p,
               gboolean  monthly)
{
  g_autofree char *today = sr_clock_today (sr_context_get_clock (p->ctx));
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *title = NULL;

  if (!sr_ranking_period (today, monthly, &from, &to))
    return group;
  rows = sr_designers_ranking (p->ctx, from, to, NULL);
  title = g_strdup_printf (monthly ? _("Ranking of the month, %s to %s") : _("Ranking of the half-month, %s to %s"),
                           from, to);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (rows == NULL || rows->len == 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), _("Nothing signed in this period yet."));
  for (guint i = 0; rows != NULL && i < rows->len && i < 10; i++)
    {
      SrRankRow *r = g_ptr_array_index (rows, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *money = sr_money_format (r->value_fen);
      g_autofree char *line = g_strdup_printf ("%u. %s", i + 1, r->name);
      g_autofree char *sub = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s signed, %u deal", "%s signed, %u deals",
                                                           r->count), money, r->count);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), line);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sub);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  return group;
}

/* The six half-months before the current one, each with its first three. */
static GtkWidget *
past_rankings_group (Dispatch *p)
{
  g_autofree char *day = sr_clock_today (sr_context_get_clock (p->ctx));
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Past half-month rankings"));
  for (int k = 0; k < 6; k++)
    {
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;
      g_autoptr(GPtrArray) rows = NULL;
      g_autoptr(GDate) date = g_date_new ();
      g_autoptr(GString) sub = g_string_new (NULL);
      g_autofree char *title = NULL;
      GtkWidget *row;
      char before[16];

      if (!sr_ranking_period (day, FALSE, &from, &to))
        break;
      g_date_set_parse (date, from);
      g_date_subtract_days (date, 1);
      g_date_strftime (before, sizeof before, "%Y-%m-%d", date);
      g_free (day);
      day = g_strdup (before);
      g_clear_pointer (&from, g_free);
      g_clear_pointer (&to, g_free);
      if (!sr_ranking_period (day, FALSE, &from, &to))
        break;
      rows = sr_designers_ranking (p->ctx, from, to, NULL);
      for (guint i = 0; rows != NULL && i < rows->len && i < 3; i++)
        {
          SrRankRow *r = g_ptr_array_index (rows, i);
          g_autofree char *money = sr_money_format (r->value_fen);
          g_string_append_printf (sub, "%s%u. %s %s", i > 0 ? " · " : "", i + 1, r->name, money);
        }
      title = g_strdup_printf (_("%s to %s"), from, to);
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sub->len > 0 ? sub->str : _("Nothing signed."));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  return group;
}

/* Held orders with no contact for the office's days (持单跟踪): the ones to chase. */
static GtkWidget *
stale_group (Dispatch *p)
{
  guint total = 0;
  g_autoptr(GPtrArray) rows = sr_designers_held (p->ctx, 0, TRUE, 100, &total, NULL);
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *title = g_strdup_printf (_("Held orders without contact for %d days (%u)"),
                                            (int) sr_settings_get_int (p->ctx, "dispatch.stale_days", 7), total);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (rows == NULL || rows->len == 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), _("Every designer keeps in touch with their customers."));
  for (guint i = 0; rows != NULL && i < rows->len && i < 100; i++)
    {
      SrHeldOrder *o = g_ptr_array_index (rows, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *last = sr_format_moment (o->last_contact_at);
      g_autofree char *line = g_strdup_printf ("%s → %s", o->designer_name, o->customer_name);
      g_autofree char *sub = g_strdup_printf (_("%s · last contact %s"), o->stage_name, last);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), line);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sub);
      gtk_widget_add_css_class (row, "overdue");
      g_object_set_data (G_OBJECT (row), "customer-id", GSIZE_TO_POINTER (o->customer_id));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_signal_connect (row, "activated", G_CALLBACK (on_open_customer), p);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  if (total > 100)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), _("The 100 longest without contact are shown."));
  return group;
}

static void
reload (Dispatch *p)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *why = NULL;
  gint64 next = 0;
  GtkWidget *page = adw_preferences_page_new ();

  if (sr_dispatch_next (p->ctx, FALSE, &next, &why, &error))
    {
      gtk_label_set_text (GTK_LABEL (p->next_name), why);
      gtk_label_set_text (GTK_LABEL (p->next_detail),
                          _("Each designer’s credit grows by their level’s weight at every dispatch; the highest "
                            "receives the customer and pays back the total."));
    }
  else
    {
      gtk_label_set_text (GTK_LABEL (p->next_name), _("Nobody to dispatch to"));
      gtk_label_set_text (GTK_LABEL (p->next_detail), error->message);
    }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (waiting_group (p)));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (designers_group (p)));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (today_group (p)));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (ranking_group (p, FALSE)));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (ranking_group (p, TRUE)));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (past_rankings_group (p)));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (stale_group (p)));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (p->scroller), page);
}

static void
on_changed (SrContext  *ctx,
            const char *table,
            Dispatch   *p)
{
  if (g_strcmp0 (table, "customers") == 0 || g_strcmp0 (table, "staff") == 0 || g_strcmp0 (table, "deals") == 0)
    sr_page_refresh (p->root);
}

GtkWidget *
sr_dispatch_page_new (SrContext *ctx)
{
  Dispatch *p = g_new0 (Dispatch, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *head = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *caption = gtk_label_new (_("Next designer"));

  p->ctx = g_object_ref (ctx);
  gtk_widget_add_css_class (caption, "dim-label");
  p->next_name = gtk_label_new (NULL);
  gtk_widget_add_css_class (p->next_name, "title-2");
  gtk_label_set_wrap (GTK_LABEL (p->next_name), TRUE);
  p->next_detail = gtk_label_new (NULL);
  gtk_widget_add_css_class (p->next_detail, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (p->next_detail), TRUE);
  gtk_box_append (GTK_BOX (head), caption);
  gtk_box_append (GTK_BOX (head), p->next_name);
  gtk_box_append (GTK_BOX (head), p->next_detail);
  gtk_widget_set_margin_top (head, 18);
  gtk_widget_set_margin_bottom (head, 6);
  gtk_widget_set_margin_start (head, 24);
  gtk_widget_set_margin_end (head, 24);
  gtk_box_append (GTK_BOX (box), head);
  p->scroller = gtk_scrolled_window_new ();
  gtk_widget_set_vexpand (p->scroller, TRUE);
  gtk_box_append (GTK_BOX (box), p->scroller);
  p->root = box;
  g_object_set_data_full (G_OBJECT (box), "sr-dispatch-page", p, (GDestroyNotify) dispatch_free);
  p->changed_id = g_signal_connect (ctx, "changed", G_CALLBACK (on_changed), p);
  sr_page_set_reload (box, (void (*) (gpointer)) reload, p);
  return box;
}
