/* sr-visits-page.c — see sr-visits-page.h. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "core/sr-return-visits.h"
#include "gui/customers/sr-customers-page.h"
#include "gui/sr-form.h"
#include "gui/sr-gui-util.h"
#include "gui/sr-window.h"
#include "sr-visits-page.h"

typedef struct {
  SrContext *ctx;
  GtkWidget *root;
  GtkWidget *scroller;
  gulong changed_id;
} Visits;

typedef struct {
  Visits *v;
  gint64 customer_id;
} VisitForm;

gboolean
sr_visits_page_is_for (SrSession *session)
{
  return sr_session_may (session, SR_ACTION_TRANSFER_OWNERSHIP);
}

static void
visits_free (Visits *v)
{
  g_clear_signal_handler (&v->changed_id, v->ctx);
  g_clear_object (&v->ctx);
  g_free (v);
}

static gboolean
save_visit (SrForm   *form,
            gpointer  user_data,
            GError  **error)
{
  VisitForm *f = user_data;
  SrReturnVisit in = { f->customer_id, sr_form_get_selected (form, "method") == 0 ? "phone" : "visit",
                       sr_form_get_text (form, "content"), 5 - (int) sr_form_get_selected (form, "satisfaction"),
                       sr_form_get_text (form, "problem"), sr_form_get_text (form, "department") };

  if (sr_return_visits_add (f->v->ctx, &in, error) == 0)
    return FALSE;
  sr_toast (f->v->root, in.problem != NULL && *in.problem != '\0'
                        ? _("Return visit recorded; the problem is opened on the Problems page.")
                        : _("Return visit recorded."));
  return TRUE;
}

static void
on_visit (GtkButton *button,
          Visits    *v)
{
  VisitForm *f = g_new0 (VisitForm, 1);
  const char *methods[] = { _("Phone call"), _("Visit to the site"), NULL };
  const char *levels[] = { _("5 · Very good"), _("4 · Good"), _("3 · Fair"), _("2 · Poor"), _("1 · Very poor"), NULL };
  SrForm *form = sr_form_new (v->root, _("Return Visit"), _("_Record"));

  f->v = v;
  f->customer_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "customer-id"));
  sr_form_add_choice (form, "method", _("How"), methods, 0);
  sr_form_add_entry (form, "content", _("What the customer said"), NULL);
  sr_form_add_choice (form, "satisfaction", _("Satisfaction"), levels, 1);
  sr_form_add_entry (form, "problem", _("Problem found (empty: none; it opens a problem case)"), NULL);
  sr_form_add_entry (form, "department", _("Department responsible for it"), _("Engineering"));
  sr_form_run (form, save_visit, f, g_free);
}

static void
on_open_customer (AdwActionRow *row,
                  Visits       *v)
{
  gtk_window_present (GTK_WINDOW (sr_customer_window_new (v->root, v->ctx,
                                                          GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "customer-id")))));
}

static void
reload (Visits *v)
{
  g_autoptr(GPtrArray) due = sr_return_visits_due (v->ctx, NULL);
  g_autofree char *today = sr_clock_today (sr_context_get_clock (v->ctx));
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_local (sr_context_now (v->ctx));
  g_autoptr(GDateTime) month = g_date_time_add_days (now, -30);
  g_autofree char *from = g_date_time_format (month, "%Y-%m-%d");
  g_autoptr(GPtrArray) done = sr_return_visits_list (v->ctx, from, today, NULL);
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *due_group = adw_preferences_group_new ();
  GtkWidget *done_group = adw_preferences_group_new ();
  g_autofree char *due_title = g_strdup_printf (_("Due for a return visit (%u)"), due != NULL ? due->len : 0);
  g_autofree char *done_title = g_strdup_printf (_("Return visits of the last 30 days (%u)"), done != NULL ? done->len : 0);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (due_group), due_title);
  if (due == NULL || due->len == 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (due_group),
                                           _("Nobody is due: every site under construction had a visit this week."));
  else
    sr_group_say_shown (due_group, due->len, _("The %u waiting longest are shown; the others follow as these are visited."),
                        (guint) SR_ROWS_SHOWN);
  for (guint i = 0; due != NULL && i < due->len && i < SR_ROWS_SHOWN; i++)
    {
      SrVisitDue *d = g_ptr_array_index (due, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Record Visit…"));
      g_autofree char *sub = d->last_visit_at > 0
        ? g_strdup_printf (_("%s · %s · last visit %d days ago"), d->stage_name, d->owner_name != NULL ? d->owner_name : "—",
                           d->days_since)
        : g_strdup_printf (_("%s · %s · no visit yet, %d days in the stage"), d->stage_name,
                           d->owner_name != NULL ? d->owner_name : "—", d->days_since);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), d->customer_name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sub);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (button), "customer-id", GSIZE_TO_POINTER (d->customer_id));
      g_signal_connect (button, "clicked", G_CALLBACK (on_visit), v);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      g_object_set_data (G_OBJECT (row), "customer-id", GSIZE_TO_POINTER (d->customer_id));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_signal_connect (row, "activated", G_CALLBACK (on_open_customer), v);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (due_group), row);
    }
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (done_group), done_title);
  if (done == NULL || done->len == 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (done_group), _("No return visit in the last 30 days."));
  else
    sr_group_say_shown (done_group, done->len, _("The latest %u are shown; the register of return visits (客户回访登记表) "
                                                 "lists them all."), (guint) SR_ROWS_SHOWN);
  for (guint i = 0; done != NULL && i < done->len && i < SR_ROWS_SHOWN; i++)
    {
      SrVisitRow *r = g_ptr_array_index (done, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *when = sr_format_moment (r->at);
      g_autofree char *title = g_strdup_printf ("%s · %s · %s", when, r->customer_name,
                                                g_strcmp0 (r->method, "visit") == 0 ? _("visit") : _("call"));
      g_autofree char *sub = g_strdup_printf (_("%s · satisfaction %d of 5 · %s%s"), r->staff_name != NULL ? r->staff_name : "—",
                                              r->satisfaction, r->content, r->problem_id > 0 ? _(" · problem opened") : "");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sub);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (done_group), row);
    }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (due_group));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (done_group));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (v->scroller), page);
}

static void
on_changed (SrContext  *ctx,
            const char *table,
            Visits     *v)
{
  if (g_strcmp0 (table, "customers") == 0)
    sr_page_refresh (v->root);
}

GtkWidget *
sr_visits_page_new (SrContext *ctx)
{
  Visits *v = g_new0 (Visits, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  v->ctx = g_object_ref (ctx);
  gtk_box_append (GTK_BOX (box), sr_section_header_new (_("Return Visits"),
                  _("Every week, each customer whose site is under construction (or in a trial period) gets a call or a visit. A problem found opens a problem case in the same step.")));
  v->scroller = gtk_scrolled_window_new ();
  gtk_widget_set_vexpand (v->scroller, TRUE);
  gtk_box_append (GTK_BOX (box), v->scroller);
  v->root = box;
  g_object_set_data_full (G_OBJECT (box), "sr-visits-page", v, (GDestroyNotify) visits_free);
  v->changed_id = g_signal_connect (ctx, "changed", G_CALLBACK (on_changed), v);
  sr_page_set_reload (box, (void (*) (gpointer)) reload, v);
  return box;
}
