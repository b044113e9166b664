/* sr-problems-page.c — see sr-problems-page.h. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "core/sr-customers.h"
#include "core/sr-problems.h"
#include "core/sr-staff.h"
#include "gui/sr-form.h"
#include "gui/sr-gui-util.h"
#include "gui/sr-window.h"
#include "sr-problems-page.h"

typedef struct {
  SrContext *ctx;
  GtkWidget *root;
  GtkWidget *scroller;
  GtkWidget *search;
  GtkWidget *show_closed;
  GSimpleActionGroup *actions;
  gulong changed_id;
} Problems;

static const char * const category_codes[] = { "engineering", "property", "contract", "payment", "complaint", "other", NULL };

gboolean
sr_problems_page_is_for (SrSession *session)
{
  return session != NULL &&
         (sr_session_get_roles (session) & (SR_ROLE_CUSTOMER_MANAGER | SR_ROLE_MANAGER | SR_ROLE_FINANCE)) != 0;
}

static void
problems_free (Problems *p)
{
  g_clear_signal_handler (&p->changed_id, p->ctx);
  g_clear_object (&p->ctx);
  g_clear_object (&p->actions);
  g_free (p);
}

/* Reporting ------------------------------------------------------------------- */

typedef struct {
  Problems *page;
  GArray *staff_ids;
} Report;

static void
report_free (Report *r)
{
  g_array_unref (r->staff_ids);
  g_free (r);
}

static gboolean
save_report (SrForm   *form,
             gpointer  user_data,
             GError  **error)
{
  Report *r = user_data;
  const char *phone = sr_form_get_text (form, "phone");
  g_autoptr(SrCustomer) customer = sr_customers_find_by_phone (r->page->ctx, phone, error);
  guint staff = sr_form_get_selected (form, "staff");
  SrProblemInput in = { 0 };

  if (customer == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No customer has the phone %s."), phone);
      return FALSE;
    }
  in.customer_id = customer->id;
  in.category = category_codes[sr_form_get_selected (form, "category")];
  in.concerned_staff_id = staff > 0 ? g_array_index (r->staff_ids, gint64, staff - 1) : 0;
  in.description = sr_form_get_text (form, "description");
  in.department = sr_form_get_text (form, "department");
  return sr_problems_open (r->page->ctx, &in, error) > 0;
}

static void
report_activated (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       data)
{
  Problems *p = data;
  Report *r = g_new0 (Report, 1);
  g_autoptr(GPtrArray) staff = sr_staff_list (p->ctx, FALSE, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *categories[G_N_ELEMENTS (category_codes)] = { NULL };
  SrForm *form = sr_form_new (p->root, _("Report a Problem"), _("_Report"));

  r->page = p;
  r->staff_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_ptr_array_add (names, g_strdup (_("Nobody (not a complaint)")));
  for (guint i = 0; staff != NULL && i < staff->len; i++)
    {
      SrStaffMember *m = g_ptr_array_index (staff, i);
      g_array_append_val (r->staff_ids, m->id);
      g_ptr_array_add (names, g_strdup (m->display_name));
    }
  g_ptr_array_add (names, NULL);
  for (guint i = 0; category_codes[i] != NULL; i++)
    categories[i] = sr_problem_category_get_label (category_codes[i]);
  sr_form_add_entry (form, "phone", _("The customer’s phone"), NULL);
  sr_form_add_choice (form, "category", _("Kind"), categories, 0);
  sr_form_add_entry (form, "description", _("What is wrong"), NULL);
  sr_form_add_entry (form, "department", _("Department responsible (e.g. 工程部, 物业, 财务部)"), _("工程部"));
  sr_form_add_choice (form, "staff", _("Complaint about (staff member)"), (const char * const *) names->pdata, 0);
  sr_form_run (form, save_report, r, (GDestroyNotify) report_free);
}

/* Steps ------------------------------------------------------------------------- */

static gint64
problem_of (GtkWidget *widget)
{
  return GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (widget), "problem-id"));
}

static gboolean
save_step (SrForm   *form,
           gpointer  user_data,
           GError  **error)
{
  Problems *p = user_data;
  gint64 id = problem_of (GTK_WIDGET (form));
  const char *step = g_object_get_data (G_OBJECT (form), "step");

  if (g_strcmp0 (step, "propose") == 0)
    return sr_problems_propose (p->ctx, id, sr_form_get_text (form, "text"), sr_form_get_active (form, "cost"), error);
  if (g_strcmp0 (step, "cost") == 0)
    {
      SrFen fen = 0;
      return sr_money_parse (sr_form_get_text (form, "text"), &fen, error) && sr_problems_cost (p->ctx, id, fen, error);
    }
  if (g_strcmp0 (step, "tell") == 0)
    return sr_problems_tell (p->ctx, id, sr_form_get_text (form, "text"), error);
  return sr_problems_close (p->ctx, id, sr_form_get_text (form, "text"), error);
}

static void
on_step (GtkButton *button,
         Problems  *p)
{
  const char *step = g_object_get_data (G_OBJECT (button), "step");
  gint64 id = problem_of (GTK_WIDGET (button));
  g_autoptr(GError) error = NULL;
  SrForm *form;

  /* Approvals and "done" are one click; the others ask for what the step records. */
  if (g_strcmp0 (step, "approve-cost") == 0 || g_strcmp0 (step, "approve") == 0 || g_strcmp0 (step, "done") == 0)
    {
      gboolean ok = g_strcmp0 (step, "approve-cost") == 0 ? sr_problems_approve_cost (p->ctx, id, &error)
                  : g_strcmp0 (step, "approve") == 0 ? sr_problems_approve (p->ctx, id, &error)
                  : sr_problems_done (p->ctx, id, &error);
      if (!ok)
        sr_toast_error (p->root, error);
      return;
    }
  form = sr_form_new (p->root, gtk_button_get_label (button), _("_Save"));
  g_object_set_data (G_OBJECT (form), "problem-id", GSIZE_TO_POINTER (id));
  g_object_set_data (G_OBJECT (form), "step", (gpointer) step);
  if (g_strcmp0 (step, "propose") == 0)
    {
      sr_form_add_entry (form, "text", _("The department’s solution"), NULL);
      sr_form_add_check (form, "cost", _("It costs money"), _("Finance works out the cost and the deputy manager approves it."),
                         FALSE);
    }
  else if (g_strcmp0 (step, "cost") == 0)
    sr_form_add_entry (form, "text", _("Cost, ¥"), NULL);
  else if (g_strcmp0 (step, "tell") == 0)
    sr_form_add_entry (form, "text", _("Completion date promised to the owner (YYYY-MM-DD)"), NULL);
  else
    sr_form_add_entry (form, "text", _("What the owner said"), NULL);
  sr_form_run (form, save_step, p, NULL);
}

/* The next step of a problem, if the signed-in person may take it. */
static GtkWidget *
step_button (Problems  *p,
             SrProblem *pr)
{
  SrSession *session = sr_context_get_session (p->ctx);
  gboolean follows = sr_session_may (session, SR_ACTION_FOLLOW_UP);
  gboolean approves = sr_session_may (session, SR_ACTION_APPROVE_TERMS);
  gboolean finance = sr_session_may (session, SR_ACTION_RECORD_MONEY);
  const char *step = NULL, *label = NULL;
  GtkWidget *button;

  if (g_strcmp0 (pr->state, "open") == 0 && follows)
    step = "propose", label = _("Record the Solution…");
  else if (g_strcmp0 (pr->state, "proposed") == 0 && pr->needs_cost && finance)
    step = "cost", label = _("Work Out the Cost…");
  else if (g_strcmp0 (pr->state, "proposed") == 0 && !pr->needs_cost && approves)
    step = "approve", label = _("Approve the Solution");
  else if (g_strcmp0 (pr->state, "costed") == 0 && approves)
    step = "approve-cost", label = _("Approve the Cost");
  else if (g_strcmp0 (pr->state, "cost-approved") == 0 && approves)
    step = "approve", label = _("Approve the Solution");
  else if (g_strcmp0 (pr->state, "approved") == 0 && follows)
    step = "tell", label = _("Owner Told…");
  else if (g_strcmp0 (pr->state, "told") == 0 && follows)
    step = "done", label = _("Mark Done");
  else if (g_strcmp0 (pr->state, "done") == 0 && follows)
    step = "close", label = _("Close with Feedback…");
  if (step == NULL)
    return NULL;
  button = gtk_button_new_with_label (label);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (button), "step", (gpointer) step);
  g_object_set_data (G_OBJECT (button), "problem-id", GSIZE_TO_POINTER (pr->id));
  g_signal_connect (button, "clicked", G_CALLBACK (on_step), p);
  return button;
}

static void
reload (Problems *p)
{
  g_autoptr(GError) error = NULL;
  gboolean closed = gtk_check_button_get_active (GTK_CHECK_BUTTON (p->show_closed));
  g_autoptr(GPtrArray) list = sr_problems_list (p->ctx, closed, &error);
  const char *needle = gtk_editable_get_text (GTK_EDITABLE (p->search));
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  guint n = 0;

  if (list == NULL)
    {
      sr_toast_error (p->root, error);
      return;
    }
  for (guint i = 0; i < list->len; i++)
    {
      SrProblem *pr = g_ptr_array_index (list, i);
      GtkWidget *row;
      GtkWidget *button;
      g_autofree char *title = g_strdup_printf ("%s%s%s · %s", pr->customer_name, *pr->unit_label != '\0' ? " · " : "",
                                                pr->unit_label, sr_problem_category_get_label (pr->category));
      g_autoptr(GString) sub = g_string_new (sr_problem_state_get_label (pr->state));

      g_string_append_printf (sub, " · %s · %s", pr->department, pr->description);
      if (pr->concerned != NULL)
        g_string_append_printf (sub, _(" · about %s"), pr->concerned);
      if (pr->promised_day != NULL)
        g_string_append_printf (sub, _(" · promised for %s"), pr->promised_day);
      if (pr->is_proposal_late)
        g_string_append_printf (sub, " · %s", _("no solution within the set days"));
      if (pr->is_promise_broken)
        g_string_append_printf (sub, " · %s", _("promised date passed"));
      if (*needle != '\0' && strstr (title, needle) == NULL && strstr (sub->str, needle) == NULL)
        continue;
      if (++n > SR_ROWS_SHOWN)
        continue;   /* counted, not shown: the search finds the others */
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sub->str);
      if (pr->is_proposal_late || pr->is_promise_broken)
        gtk_widget_add_css_class (row, "overdue");
      button = step_button (p, pr);
      if (button != NULL)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  {
    g_autofree char *title = g_strdup_printf (closed ? _("All problems (%u)") : _("Open problems (%u)"), n);
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
    if (n == 0)
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                             _("No problem is open. Report one with “Report a Problem…” (Ctrl+N)."));
    sr_group_say_shown (group, n, _("The first %u are shown; search by customer, unit or what it is about for the others."),
                        (guint) SR_ROWS_SHOWN);
  }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  /* The manager's view of complaints this month. */
  if (sr_session_may (sr_context_get_session (p->ctx), SR_ACTION_APPROVE_TERMS))
    {
      g_autofree char *today = sr_clock_today (sr_context_get_clock (p->ctx));
      g_autofree char *first = g_strdup_printf ("%.8s01", today);
      g_autoptr(GPtrArray) counts = sr_problems_complaint_counts (p->ctx, first, today, NULL);
      GtkWidget *g = adw_preferences_group_new ();
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (g), _("Complaints this month, per staff member"));
      for (guint i = 0; counts != NULL && i < counts->len; i++)
        {
          SrComplaintCount *c = g_ptr_array_index (counts, i);
          GtkWidget *row = adw_action_row_new ();
          g_autofree char *count = g_strdup_printf ("%u", c->count);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), c->name);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_label_new (count));
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), row);
        }
      if (counts == NULL || counts->len == 0)
        adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (g), _("No complaint this month."));
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (g));
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (p->scroller), page);
}

static void
on_changed (SrContext  *ctx,
            const char *table,
            Problems   *p)
{
  if (g_strcmp0 (table, "problems") == 0)
    reload (p);
}

GtkWidget *
sr_problems_page_new (SrContext *ctx)
{
  static const GActionEntry entries[] = {
    { "report", report_activated, NULL, NULL, NULL, { 0 } },
  };
  Problems *p = g_new0 (Problems, 1);
  GtkWidget *toolbar, *box, *spacer;
  GtkShortcutController *shortcuts;

  p->ctx = g_object_ref (ctx);
  p->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (p->actions), entries, G_N_ELEMENTS (entries), p);
  p->scroller = gtk_scrolled_window_new ();
  box = sr_toolbar_view_new (&toolbar, p->scroller);
  gtk_box_prepend (GTK_BOX (box),
                   sr_section_header_new (_("Problem Customers"),
                                          _("Each problem goes: solution from the department responsible → cost by finance and the deputy manager’s approval when it costs money → the sales manager’s approval → the owner told with a promised date → done → closed with the owner’s feedback.")));
  sr_toolbar_add_button (toolbar, "list-add-symbolic", _("_Report a Problem…"), "problems.report");
  p->show_closed = gtk_check_button_new_with_mnemonic (_("Show _closed"));
  gtk_box_append (GTK_BOX (toolbar), p->show_closed);
  spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_hexpand (spacer, TRUE);
  gtk_box_append (GTK_BOX (toolbar), spacer);
  p->search = gtk_search_entry_new ();
  g_object_set (p->search, "placeholder-text", _("Customer, unit or text"), NULL);
  gtk_box_append (GTK_BOX (toolbar), p->search);
  g_signal_connect_swapped (p->search, "search-changed", G_CALLBACK (reload), p);
  g_signal_connect_swapped (p->show_closed, "toggled", G_CALLBACK (reload), p);
  shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_shortcut_controller_set_scope (shortcuts, GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (shortcuts,
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_n, GDK_CONTROL_MASK), gtk_named_action_new ("problems.report")));
  gtk_widget_add_controller (box, GTK_EVENT_CONTROLLER (shortcuts));
  p->root = box;
  gtk_widget_insert_action_group (box, "problems", G_ACTION_GROUP (p->actions));
  g_object_set_data_full (G_OBJECT (box), "sr-problems-page", p, (GDestroyNotify) problems_free);
  p->changed_id = g_signal_connect (ctx, "changed", G_CALLBACK (on_changed), p);
  reload (p);
  return box;
}
