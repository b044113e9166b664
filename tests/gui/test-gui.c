/* The window as a person meets it: the first-run assistant, signing in, the admin
 * screens, switching person, signing out. Runs under Xvfb. */
#include "config.h"

#include <adwaita.h>
#include <locale.h>

#include "common/sr-test-util.h"
#include "core/sr-backups.h"
#include "core/sr-appointments.h"
#include "core/sr-call-check.h"
#include "core/sr-bookings.h"
#include "core/sr-contracts.h"
#include "core/sr-customers.h"
#include "core/sr-deal-steps.h"
#include "core/sr-deals.h"
#include "core/sr-dispatch.h"
#include "core/sr-pipeline.h"
#include "core/sr-desk.h"
#include "core/sr-office.h"
#include "core/sr-problems.h"
#include "core/sr-staff.h"
#include "common/sr-fault-vfs.h"
#include "common/sr-gui-test-util.h"
#include "gui/customers/sr-customers-page.h"
#include "gui/sr-application.h"
#include "gui/sr-form.h"
#include "gui/units/sr-price-import-window.h"
#include "gui/units/sr-units-page.h"
#include "gui/units/sr-unit-grid.h"
#include "core/sr-units.h"
#include "gui/registers/sr-registers-page.h"
#include "gui/sr-gui-util.h"
#include "gui/sr-window.h"
#include "gui/sr-keyring.h"
#include "gui/sr-server-dialog.h"
#include "gui/sr-gui-util.h"
#include "gui/units/sr-unit-window.h"

static void
test_first_run_to_admin (void)
{
  g_autofree char *dir = sr_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "office.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SrDb) db = sr_db_open (path, SR_DB_OPEN_CREATE, &error);
  g_autoptr(SrContext) ctx = sr_context_new (db, NULL);
  SrWindow *window = sr_window_new (NULL, ctx, NULL);
  GtkWidget *w = GTK_WIDGET (window);
  gboolean exists = TRUE;

  gtk_window_present (GTK_WINDOW (window));
  sr_gui_test_spin_idle ();
  g_assert_cmpstr (sr_window_get_visible_page (window), ==, "setup");

  sr_gui_test_type (w, "Office name", "翠湖天地售楼处");
  sr_gui_test_type (w, "Full name", "王管理");
  sr_gui_test_type (w, "Sign-in name", "wangadmin");
  sr_gui_test_type (w, "Password (at least 6 characters)", "secret-1");
  sr_gui_test_type (w, "Password again", "secret-2");
  sr_gui_test_click (w, "Create Office");
  /* Mismatch: a message, nothing created, everything typed kept. */
  g_assert_cmpstr (sr_window_get_visible_page (window), ==, "setup");
  g_assert_true (sr_gui_test_has_error (w));
  g_assert_true (sr_office_exists (ctx, &exists, NULL));
  g_assert_false (exists);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sr_gui_test_find (w, "Office name"))), ==, "翠湖天地售楼处");

  sr_gui_test_type (w, "Password again", "secret-1");
  sr_gui_test_click (w, "Create Office");
  g_assert_cmpstr (sr_window_get_visible_page (window), ==, "sign-in");
  g_assert_true (sr_office_exists (ctx, &exists, NULL));
  g_assert_true (exists);

  /* Wrong password first. */
  sr_gui_test_type (w, "Sign-in name", "wangadmin");
  sr_gui_test_type (w, "Password", "nope-nope");
  sr_gui_test_click (w, "Sign In");
  g_assert_cmpstr (sr_window_get_visible_page (window), ==, "sign-in");
  g_assert_true (sr_gui_test_has_error (w));
  sr_gui_test_type (w, "Password", "secret-1");
  sr_gui_test_click (w, "Sign In");
  g_assert_cmpstr (sr_window_get_visible_page (window), ==, "main");
  g_assert_nonnull (sr_gui_test_find (w, "王管理"));       /* the person button */
  g_assert_true (sr_window_show_page (window, "admin/staff"));
  sr_gui_test_spin_idle ();
  g_assert_nonnull (sr_gui_test_find (w, "wangadmin"));    /* a cell of the staff list */
  g_assert_true (sr_window_show_page (window, "admin/units"));
  sr_gui_test_spin_idle ();
  g_assert_nonnull (sr_gui_test_find (w, "No Projects Yet"));
  g_assert_true (sr_window_show_page (window, "admin/stages"));
  sr_gui_test_spin_idle ();
  g_assert_nonnull (sr_gui_test_find (w, "Subscribed"));   /* a stage of the property preset */

  /* Switch person and come back; then sign out. */
  g_assert_true (gtk_widget_activate_action (w, "win.switch-person", NULL));
  sr_gui_test_spin_idle ();
  g_assert_cmpstr (sr_window_get_visible_page (window), ==, "sign-in");
  sr_gui_test_click (w, "Back");
  g_assert_cmpstr (sr_window_get_visible_page (window), ==, "main");
  g_assert_true (gtk_widget_activate_action (w, "win.sign-out", NULL));
  sr_gui_test_spin_idle ();
  g_assert_cmpstr (sr_window_get_visible_page (window), ==, "sign-in");
  g_assert_null (sr_context_get_session (ctx));

  gtk_window_destroy (GTK_WINDOW (window));
  sr_gui_test_spin_idle ();
  sr_test_remove_tree (dir);
}

static void
test_sample_office (void)
{
  g_autofree char *dir = sr_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "office.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SrDb) db = sr_db_open (path, SR_DB_OPEN_CREATE, &error);
  g_autoptr(SrContext) ctx = sr_context_new (db, NULL);
  SrWindow *window = sr_window_new (NULL, ctx, NULL);
  GtkWidget *w = GTK_WIDGET (window);
  gint64 n = 0;

  gtk_window_present (GTK_WINDOW (window));
  sr_gui_test_spin_idle ();
  sr_gui_test_click (w, "Open a Sample Office Instead");
  g_assert_cmpstr (sr_window_get_visible_page (window), ==, "sign-in");
  g_assert_true (sr_db_query_int (db, "SELECT count(*) FROM customers", &n, &error));
  g_assert_cmpint (n, >=, 400);
  sr_gui_test_type (w, "Password", "salesroom");
  sr_gui_test_click (w, "Sign In");
  g_assert_cmpstr (sr_window_get_visible_page (window), ==, "main");
  gtk_window_destroy (GTK_WINDOW (window));
  sr_gui_test_spin_idle ();
  sr_test_remove_tree (dir);
}

static void
test_roles_see_their_pages (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_DECORATION);
  g_autoptr(SrContext) rec = sr_test_context_as (admin, "qiantai", SR_ROLE_RECEPTIONIST);
  g_autoptr(SrContext) fin = sr_test_context_as (admin, "caiwu", SR_ROLE_FINANCE);
  g_autoptr(SrSession) admin_session = g_object_ref (sr_context_get_session (admin));
  SrWindow *window = sr_window_new (NULL, admin, NULL);

  gtk_window_present (GTK_WINDOW (window));
  sr_gui_test_spin_idle ();
  /* A decoration office has no unit grid: no units section even for the administrator. */
  sr_window_sign_in_as (window, admin_session);
  sr_gui_test_spin_idle ();
  g_assert_true (sr_window_show_page (window, "admin/staff"));
  g_assert_false (sr_window_show_page (window, "admin/units"));
  /* A receptionist has the front desk and no admin page. */
  sr_window_sign_in_as (window, sr_context_get_session (rec));
  sr_gui_test_spin_idle ();
  g_assert_false (sr_window_show_page (window, "admin"));
  g_assert_true (sr_window_show_page (window, "frontdesk"));
  g_assert_false (sr_window_show_page (window, "welcome"));
  /* A consultant has their day and the customers. */
  {
    g_autoptr(SrContext) gw = NULL;
    sr_window_sign_in_as (window, admin_session);
    gw = sr_test_context_as (admin, "guwen", SR_ROLE_CONSULTANT);
    sr_window_sign_in_as (window, sr_context_get_session (gw));
    sr_gui_test_spin_idle ();
    g_assert_true (sr_window_show_page (window, "myday"));
    sr_gui_test_spin_idle ();
    g_assert_nonnull (sr_gui_test_find (GTK_WIDGET (window), "Nothing due today."));
    g_assert_true (sr_window_show_page (window, "customers"));
    g_assert_false (sr_window_show_page (window, "frontdesk"));
  }
  /* A finance person in a decoration office has the contracts' money and the problems
   * (after-sales); no unit grid. */
  sr_window_sign_in_as (window, sr_context_get_session (fin));
  sr_gui_test_spin_idle ();
  g_assert_true (sr_window_show_page (window, "problems"));
  g_assert_true (sr_window_show_page (window, "money"));
  g_assert_false (sr_window_show_page (window, "units"));
  g_assert_false (sr_window_show_page (window, "welcome"));
  gtk_window_destroy (GTK_WINDOW (window));
  sr_gui_test_spin_idle ();
  g_clear_object (&rec);
  g_clear_object (&fin);
  sr_test_context_finish (g_steal_pointer (&admin));
}

static GtkWidget *
find_of_type (GtkWidget *root,
              GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_of_type (c, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A mapped label whose text holds @text. */
static GtkWidget *
find_label_with (GtkWidget  *root,
                 const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) &&
      strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_label_with (c, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Presents @window signed in as @ctx's person, on @page. */
static void
show_as (SrWindow   *window,
         SrContext  *ctx,
         const char *page)
{
  gtk_window_present (GTK_WINDOW (window));
  sr_window_sign_in_as (window, sr_context_get_session (ctx));
  g_assert_true (sr_window_show_page (window, page));
  sr_gui_test_spin_idle ();
}

/* The search entry that shows @placeholder (so, still empty). */
static GtkWidget *
find_search (GtkWidget  *w,
             const char *placeholder)
{
  GtkWidget *search = gtk_widget_get_ancestor (sr_gui_test_find (w, placeholder), GTK_TYPE_SEARCH_ENTRY);

  g_assert_nonnull (search);
  return search;
}

/* Types @text in @search, as a person would. */
static void
search_for (GtkWidget  *search,
            const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (search), text);
  g_signal_emit_by_name (search, "search-changed");
  sr_gui_test_spin_idle ();
}

static SrForm *
find_form (void)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (SR_IS_FORM (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static void
test_add_staff_form (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_PROPERTY);
  SrWindow *window = sr_window_new (NULL, admin, NULL);
  GtkWidget *w = GTK_WIDGET (window);
  g_autoptr(SrStaffMember) added = NULL;
  SrForm *form;

  show_as (window, admin, "admin/staff");

  sr_gui_test_click (w, "Add…");
  form = find_form ();
  g_assert_nonnull (form);
  sr_gui_test_type (GTK_WIDGET (form), "Full name", "孙前台");
  sr_gui_test_type (GTK_WIDGET (form), "Sign-in name", "admin");   /* taken */
  sr_gui_test_type (GTK_WIDGET (form), "Password (at least 6 characters)", "qiantai1");
  sr_gui_test_type (GTK_WIDGET (form), "Password again", "qiantai1");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL));
  sr_gui_test_spin_idle ();
  /* Refused: the form stays with the message and what was typed. */
  g_assert_true (find_form () == form);
  g_assert_true (sr_gui_test_has_error (GTK_WIDGET (form)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sr_gui_test_find (GTK_WIDGET (form), "Full name"))), ==, "孙前台");

  sr_gui_test_type (GTK_WIDGET (form), "Sign-in name", "sunqt");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL));
  sr_gui_test_spin_idle ();
  g_assert_null (find_form ());
  added = sr_staff_find (admin, 0, "sunqt", NULL);
  g_assert_nonnull (added);
  g_assert_cmpuint (added->roles, ==, SR_ROLE_CONSULTANT); /* the form's default */
  g_assert_nonnull (sr_gui_test_find (w, "sunqt"));         /* the list refreshed */

  gtk_window_destroy (GTK_WINDOW (window));
  sr_gui_test_spin_idle ();
  sr_test_context_finish (g_steal_pointer (&admin));
}

static void
test_front_desk (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_PROPERTY);
  g_autoptr(SrContext) sup = sr_test_context_as (admin, "zhuguan", SR_ROLE_CUSTOMER_MANAGER);
  g_autoptr(SrContext) desk = sr_test_context_as (admin, "qiantai", SR_ROLE_RECEPTIONIST);
  g_autoptr(SrContext) a = sr_test_context_as (admin, "gwa", SR_ROLE_CONSULTANT);
  g_autoptr(SrContext) b = sr_test_context_as (admin, "gwb", SR_ROLE_CONSULTANT);
  gint64 order[] = { sr_session_get_staff_id (sr_context_get_session (a)),
                     sr_session_get_staff_id (sr_context_get_session (b)) };
  SrWindow *window = sr_window_new (NULL, desk, NULL);
  GtkWidget *w = GTK_WIDGET (window);
  g_autoptr(GError) error = NULL;
  g_autoptr(SrRotationState) state = NULL;
  g_autofree char *today = sr_clock_today (sr_context_get_clock (desk));
  SrForm *form;

  show_as (window, desk, "frontdesk");
  /* No order yet: the receptionist is told to ask the supervisor. */
  g_assert_nonnull (sr_gui_test_find (w, "No Order for Today"));

  g_assert_true (sr_desk_set_order (sup, today, SR_DESK_RECEPTION, order, 2, &error));
  /* Set from another context (as from the supervisor's PC): tell this one. */
  sr_context_emit_changed (desk, "rotation");
  sr_gui_test_spin_idle ();
  g_assert_nonnull (sr_gui_test_find (w, "Nobody in line"));
  /* Both arrive, by their row buttons. */
  sr_gui_test_click (w, "Arrived");
  sr_gui_test_click (w, "Arrived");
  g_assert_nonnull (sr_gui_test_find (w, "gwa"));
  state = sr_desk_state (desk, today, SR_DESK_RECEPTION, &error);
  g_assert_cmpint (state->next, ==, order[0]);
  g_clear_pointer (&state, sr_rotation_state_free);

  /* Receive a visitor, phone first. */
  sr_gui_test_click (w, "More Details… (Ctrl+N)");
  sr_gui_test_spin_idle ();
  form = find_form ();
  g_assert_nonnull (form);
  sr_gui_test_type (GTK_WIDGET (form), "Phone (type it first)", "13800138000");
  sr_gui_test_spin_idle ();
  g_assert_nonnull (sr_gui_test_find (GTK_WIDGET (form), "New customer → gwa (in turn, round 1)."));
  sr_gui_test_type (GTK_WIDGET (form), "Name (a new customer’s; e.g. 张先生)", "张先生");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL));
  sr_gui_test_spin_idle ();
  g_assert_null (find_form ());
  state = sr_desk_state (desk, today, SR_DESK_RECEPTION, &error);
  g_assert_cmpint (state->next, ==, order[1]);
  g_clear_pointer (&state, sr_rotation_state_free);

  /* The one-line form: phone, Enter, name, Enter. */
  {
    GtkWidget *phone = NULL, *name = NULL;
    GtkWidget *info = sr_gui_test_find (w, "Next");
    /* the entries sit in the left column with the "Next" caption */
    GtkWidget *column = gtk_widget_get_parent (info);
    for (GtkWidget *c = gtk_widget_get_first_child (column); c != NULL; c = gtk_widget_get_next_sibling (c))
      if (GTK_IS_BOX (c) && GTK_IS_ENTRY (gtk_widget_get_first_child (c)))
        {
          phone = gtk_widget_get_first_child (c);
          name = gtk_widget_get_next_sibling (phone);
        }
    g_assert_nonnull (phone);
    gtk_editable_set_text (GTK_EDITABLE (phone), "13911112222");
    sr_gui_test_spin_idle ();
    g_assert_nonnull (sr_gui_test_find (w, "New customer → gwb (in turn, round 1)."));
    g_signal_emit_by_name (phone, "activate");
    gtk_editable_set_text (GTK_EDITABLE (name), "李女士");
    g_signal_emit_by_name (name, "activate");
    sr_gui_test_spin_idle ();
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (phone)), ==, "");
    state = sr_desk_state (desk, today, SR_DESK_RECEPTION, &error);
    g_assert_cmpint (state->next, ==, order[0]);   /* a new round: gwa first again */
    g_assert_cmpuint (state->round, ==, 2);
    g_clear_pointer (&state, sr_rotation_state_free);
    /* A bad number: refused, what was typed stays. */
    gtk_editable_set_text (GTK_EDITABLE (phone), "139111");
    gtk_editable_set_text (GTK_EDITABLE (name), "王先生");
    g_signal_emit_by_name (name, "activate");
    sr_gui_test_spin_idle ();
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (phone)), ==, "139111");
    gtk_editable_set_text (GTK_EDITABLE (phone), "");
    gtk_editable_set_text (GTK_EDITABLE (name), "");
  }

  /* Out of turn from gwb's row: the form opens with gwb as the one who takes the
   * visitor; the turn stays with gwa. */
  sr_gui_test_click (w, "Out of Turn…");
  sr_gui_test_spin_idle ();
  form = find_form ();
  g_assert_nonnull (form);
  g_assert_nonnull (sr_gui_test_find (GTK_WIDGET (form), "gwb (out of turn)"));
  sr_gui_test_type (GTK_WIDGET (form), "Phone (type it first)", "13700137000");
  sr_gui_test_spin_idle ();
  sr_gui_test_type (GTK_WIDGET (form), "Name (a new customer’s; e.g. 张先生)", "赵先生");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL));
  sr_gui_test_spin_idle ();
  g_assert_null (find_form ());
  state = sr_desk_state (desk, today, SR_DESK_RECEPTION, &error);
  g_assert_cmpint (state->next, ==, order[0]);
  g_clear_pointer (&state, sr_rotation_state_free);
  {
    g_autoptr(SrCustomer) zhao = sr_customers_find_by_phone (sup, "13700137000", &error);
    g_assert_nonnull (zhao);
    g_assert_cmpint (zhao->owner_id, ==, order[1]);
  }

  /* Today's log: both visits; its search keeps only the lines that hold the text. */
  {
    g_autoptr(GList) before = gtk_window_list_toplevels ();
    g_autoptr(GList) after = NULL;
    GtkWidget *log = NULL, *search, *list;

    g_assert_true (gtk_widget_activate_action (sr_gui_test_find (w, "Next"), "desk.log", NULL));
    sr_gui_test_spin_idle ();
    after = gtk_window_list_toplevels ();
    for (GList *l = after; l != NULL; l = l->next)
      if (g_list_find (before, l->data) == NULL)
        log = l->data;
    g_assert_nonnull (log);
    g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (log)), ==, "Today’s Visits (3)");
    search = find_of_type (log, GTK_TYPE_SEARCH_ENTRY);
    list = find_of_type (log, GTK_TYPE_LIST_VIEW);
    g_assert_nonnull (search);
    g_assert_nonnull (list);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)))), ==, 3);
    gtk_editable_set_text (GTK_EDITABLE (search), "李女士");
    g_signal_emit_by_name (search, "search-changed");
    sr_gui_test_spin_idle ();
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)))), ==, 1);
    {
      g_autoptr(GtkStringObject) line = g_list_model_get_item (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list))), 0);
      g_assert_nonnull (strstr (gtk_string_object_get_string (line), "李女士"));
    }
    gtk_window_destroy (GTK_WINDOW (log));
  }

  /* The same phone again: the form says whose customer it is. */
  sr_gui_test_click (w, "More Details… (Ctrl+N)");
  sr_gui_test_spin_idle ();
  form = find_form ();
  sr_gui_test_type (GTK_WIDGET (form), "Phone (type it first)", "138 0013 8000");
  sr_gui_test_spin_idle ();
  g_assert_nonnull (sr_gui_test_find (GTK_WIDGET (form), "张先生 → gwa (returning customer of gwa)."));
  gtk_window_destroy (GTK_WINDOW (form));

  /* 赵先生 has an appointment with gwb this morning: the desk's row receives them for
   * gwb, using nobody's turn. */
  {
    g_autoptr(SrCustomer) zhao = sr_customers_find_by_phone (sup, "13700137000", &error);
    g_assert_cmpint (sr_appointments_add (desk, zhao->id, order[1], sr_context_now (desk) + 1800,
                                          SR_APPOINTMENT_VIEWING, NULL, &error), >, 0);
    sr_gui_test_spin_idle ();
    g_assert_nonnull (sr_gui_test_find (w, "Customer Is Here"));
    sr_gui_test_click (w, "Customer Is Here");
    sr_gui_test_spin_idle ();
    g_assert_null (sr_gui_test_find (w, "Customer Is Here"));
    g_assert_nonnull (sr_gui_test_find (w, "arrived"));
    state = sr_desk_state (desk, today, SR_DESK_RECEPTION, &error);
    g_assert_cmpint (state->next, ==, order[0]);
    g_assert_cmpuint (sr_rotation_state_find (state, order[1])->returning, ==, 1);
    g_clear_pointer (&state, sr_rotation_state_free);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  sr_gui_test_spin_idle ();
  g_clear_object (&sup); g_clear_object (&desk); g_clear_object (&a); g_clear_object (&b);
  sr_test_context_finish (g_steal_pointer (&admin));
}

static void
test_customers_page (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_PROPERTY);
  g_autoptr(SrContext) desk = sr_test_context_as (admin, "qiantai", SR_ROLE_RECEPTIONIST);
  g_autoptr(GError) error = NULL;
  SrWindow *window = sr_window_new (NULL, desk, NULL);
  GtkWidget *w = GTK_WIDGET (window);
  GtkWidget *search, *page;
  const char *names[] = { "张三", "李四", "曾国藩" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *phone = g_strdup_printf ("1391234567%u", i);
      const char *phones[] = { phone, NULL };
      SrCustomerInput in = { names[i], NULL, "walk-in", 0, NULL, 0, phones, FALSE };
      g_assert_cmpint (sr_customers_add (desk, &in, &error), >, 0);
    }
  show_as (window, desk, "customers");
  g_assert_nonnull (sr_gui_test_find (w, "3 customers"));
  g_assert_nonnull (sr_gui_test_find (w, "张三"));
  /* A receptionist sees masked phones. */
  g_assert_nonnull (sr_gui_test_find (w, "139****5670"));
  g_assert_null (sr_gui_test_find (w, "13912345670"));

  /* Initials of a surname read as a surname. */
  page = sr_gui_test_find (w, "3 customers");
  search = gtk_widget_get_first_child (gtk_widget_get_parent (page));
  g_assert_true (GTK_IS_SEARCH_ENTRY (search));
  gtk_editable_set_text (GTK_EDITABLE (search), "zgf");
  g_signal_emit_by_name (search, "search-changed");
  sr_gui_test_spin_idle ();
  g_assert_nonnull (sr_gui_test_find (w, "1 found"));
  g_assert_nonnull (sr_gui_test_find (w, "曾国藩"));
  g_assert_null (sr_gui_test_find (w, "张三"));
  gtk_editable_set_text (GTK_EDITABLE (search), "wangwu");
  g_signal_emit_by_name (search, "search-changed");
  sr_gui_test_spin_idle ();
  g_assert_nonnull (sr_gui_test_find (w, "Nobody Found"));

  /* Register a customer from a booth (外卖场), the default channel of the form. */
  {
    SrForm *form;
    sr_gui_test_click (w, "New Customer…");
    form = find_form ();
    g_assert_nonnull (form);
    sr_gui_test_type (GTK_WIDGET (form), "Full name", "展会客户");
    sr_gui_test_type (GTK_WIDGET (form), "Phone", "13712345678");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL));
    sr_gui_test_spin_idle ();
    g_assert_null (find_form ());
    gtk_editable_set_text (GTK_EDITABLE (search), "");
    g_signal_emit_by_name (search, "search-changed");
    sr_gui_test_spin_idle ();
    g_assert_nonnull (sr_gui_test_find (w, "4 customers"));
    g_assert_nonnull (sr_gui_test_find (w, "Off-site booth"));
  }

  /* A customer's page: fields, masked phone, history. */
  {
    GtkWidget *cw = sr_customer_window_new (w, desk, 1);
    gtk_window_present (GTK_WINDOW (cw));
    sr_gui_test_spin_idle ();
    g_assert_nonnull (sr_gui_test_find (cw, "Calls, visits and owners"));
    g_assert_nonnull (sr_gui_test_find (cw, "No call or visit recorded yet."));
    g_assert_nonnull (sr_gui_test_find (cw, "139****5670"));
    g_assert_null (sr_gui_test_find (cw, "Transfer…"));   /* not for a receptionist */
    gtk_window_destroy (GTK_WINDOW (cw));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  sr_gui_test_spin_idle ();
  g_clear_object (&desk);
  sr_test_context_finish (g_steal_pointer (&admin));
}

/* Another program (another window, or a PC on the same file) registers a customer: the
 * customers page shows it without anyone touching this window. */
static void
live_refresh (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_PROPERTY);
  g_autoptr(SrContext) desk = sr_test_context_as (admin, "qiantai", SR_ROLE_RECEPTIONIST);
  g_autoptr(GError) error = NULL;
  g_autoptr(SrDb) other_db = sr_db_open (sr_db_get_path (sr_context_get_db (admin)), SR_DB_OPEN_EXISTING, &error);
  g_autoptr(SrContext) other = sr_context_new (other_db, sr_context_get_clock (admin));
  g_autoptr(SrSession) session = sr_staff_sign_in (other, "qiantai", "password1", &error);
  SrWindow *window = sr_window_new (NULL, desk, NULL);
  GtkWidget *w = GTK_WIDGET (window);
  const char *phones[] = { "13912345670", NULL };
  SrCustomerInput in = { "别处来的客户", NULL, "walk-in", 0, NULL, 0, phones, FALSE };
  gint64 until;

  g_assert_no_error (error);
  sr_context_set_session (other, session);
  show_as (window, desk, "customers");
  g_assert_null (sr_gui_test_find (w, "别处来的客户"));
  sr_gui_test_spin_idle ();
  g_assert_cmpint (sr_customers_add (other, &in, &error), >, 0);
  g_assert_no_error (error);
  until = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
  while (sr_gui_test_find (w, "别处来的客户") == NULL && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (sr_gui_test_find (w, "别处来的客户"));

  gtk_window_destroy (GTK_WINDOW (window));
  sr_gui_test_spin_idle ();
  g_clear_object (&desk);
  sr_test_context_finish (g_steal_pointer (&admin));
}

/* The supervisor's tools at the desk: suspend and resume, the call check. */
static void
test_supervisor_desk (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_PROPERTY);
  g_autoptr(SrContext) sup = sr_test_context_as (admin, "zhuguan", SR_ROLE_CUSTOMER_MANAGER);
  g_autoptr(SrContext) a = sr_test_context_as (admin, "gwa", SR_ROLE_CONSULTANT);
  g_autoptr(GError) error = NULL;
  g_autofree char *today = sr_clock_today (sr_context_get_clock (sup));
  gint64 A = sr_test_staff_id (a);
  SrWindow *window = sr_window_new (NULL, sup, NULL);
  GtkWidget *w = GTK_WIDGET (window);
  SrForm *form;

  g_assert_true (sr_desk_set_order (sup, today, SR_DESK_PHONE, &A, 1, &error));
  show_as (window, sup, "frontdesk");
  sr_gui_test_click (w, "Phone Group");
  sr_gui_test_spin_idle ();
  g_assert_nonnull (sr_gui_test_find (w, "gwa"));

  /* Suspend from the phone rotation. */
  sr_gui_test_click (w, "Suspend…");
  form = find_form ();
  g_assert_nonnull (form);
  sr_gui_test_type (GTK_WIDGET (form), "Reason (for example: call training)", "接电培训");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL));
  sr_gui_test_spin_idle ();
  g_assert_null (find_form ());
  g_assert_nonnull (sr_gui_test_find (w, "Suspended until cleared: 接电培训"));
  sr_gui_test_click (w, "Resume");
  sr_gui_test_spin_idle ();
  g_assert_null (sr_gui_test_find (w, "Suspended until cleared: 接电培训"));

  /* The call check: the phone's count for a slot. */
  sr_gui_test_click (w, "Call Check…");
  form = find_form ();
  g_assert_nonnull (form);
  sr_gui_test_type (GTK_WIDGET (form), "09:00-10:00 · logged 0 · incomplete 0 · late 0", "4");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL));
  sr_gui_test_spin_idle ();
  g_assert_null (find_form ());
  {
    g_autoptr(GPtrArray) rows = sr_call_check_day (sup, today, &error);
    SrCallCheckRow *row = g_ptr_array_index (rows, 1);
    g_assert_cmpstr (row->slot, ==, "09:00-10:00");
    g_assert_cmpint (row->phone_count, ==, 4);
    g_assert_cmpint (row->gap, ==, 4);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  sr_gui_test_spin_idle ();
  g_clear_object (&sup); g_clear_object (&a);
  sr_test_context_finish (g_steal_pointer (&admin));
}


/* A busy day at the cash desk: the day's total and count take every receipt; the list
 * shows the latest 50 and says so; the page's search finds an earlier one. */
static void
test_money_busy_day (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_PROPERTY);
  g_autoptr(SrContext) fin = sr_test_context_as (admin, "caiwu", SR_ROLE_FINANCE);
  g_autoptr(SrContext) sup = sr_test_context_as (admin, "zhuguan", SR_ROLE_CUSTOMER_MANAGER);
  g_autoptr(GError) error = NULL;
  SrWindow *window;
  GtkWidget *w;

  for (int i = 1; i <= 60; i++)
    {
      g_autofree char *name = g_strdup_printf ("客户%02d", i);
      g_autofree char *phone = g_strdup_printf ("139%08d", i);
      const char *phones[] = { phone, NULL };
      SrCustomerInput in = { name, NULL, "walk-in", 0, NULL, 0, phones, FALSE, 0 };
      gint64 customer = sr_customers_add (sup, &in, &error);
      g_assert_no_error (error);
      g_assert_cmpint (sr_intention_take (fin, customer, 10000, "cash", SR_TEST_NOW_DAY, NULL, &error), >, 0);
      g_assert_no_error (error);
    }
  window = sr_window_new (NULL, fin, NULL);
  w = GTK_WIDGET (window);
  show_as (window, fin, "money");
  g_assert_nonnull (sr_gui_test_find (w, "Taken today: ¥6,000.00 (60)"));
  g_assert_nonnull (sr_gui_test_find (w, "Cash ¥6,000.00\nThe latest 50 are shown; search by customer, unit or receipt "
                                         "number for the others."));
  g_assert_nonnull (sr_gui_test_find (w, "2026-00060 · 客户60"));
  g_assert_nonnull (sr_gui_test_find (w, "2026-00011 · 客户11"));
  g_assert_null (sr_gui_test_find (w, "2026-00010 · 客户10"));

  search_for (find_search (w, "Customer or unit"), "客户10");
  g_assert_nonnull (sr_gui_test_find (w, "2026-00010 · 客户10"));
  g_assert_null (sr_gui_test_find (w, "2026-00060 · 客户60"));
  g_assert_nonnull (sr_gui_test_find (w, "Taken today: ¥6,000.00 (60)"));   /* the day's, whatever the search */
  gtk_window_destroy (GTK_WINDOW (window));
  sr_gui_test_spin_idle ();
  g_clear_object (&fin);
  g_clear_object (&sup);
  sr_test_context_finish (g_steal_pointer (&admin));
}

/* The unit grid and a unit's panel: withhold, release, reserve; the filter bar. */
/* A sale through the screens: finance confirms the deposit on the money page (a wrong
 * amount is refused and kept), the controller enters the contract on the unit panel. */
static void
test_money_page (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_PROPERTY);
  g_autoptr(SrContext) ctl = sr_test_context_as (admin, "xiaokong", SR_ROLE_SALES_CONTROLLER);
  g_autoptr(SrContext) fin = sr_test_context_as (admin, "caiwu", SR_ROLE_FINANCE);
  g_autoptr(SrContext) sup = sr_test_context_as (admin, "zhuguan", SR_ROLE_CUSTOMER_MANAGER);
  g_autoptr(GError) error = NULL;
  SrUnitColumn column = { "两室两厅", 8936, 1200000 };
  SrBuildingPlan plan = { "1号楼", 3, 0, 1, &column, 0, FALSE };
  gint64 project = sr_projects_add (admin, "翠湖", NULL, &error);
  gint64 building = sr_buildings_create (admin, project, &plan, &error);
  g_autoptr(GPtrArray) units = sr_units_list (admin, building, &error);
  gint64 unit = ((SrUnit *) g_ptr_array_index (units, 0))->id;
  const char *phones[] = { "13800138000", NULL };
  SrCustomerInput in = { "张先生", NULL, "walk-in", 0, NULL, 0, phones, FALSE, 0 };
  SrWindow *window;
  GtkWidget *w, *panel;
  SrForm *form;

  g_assert_cmpint (sr_customers_add (sup, &in, &error), >, 0);
  g_assert_cmpint (sr_units_request_subscription (ctl, unit, 1, 5000000, "2026-12-01", &error), >, 0);
  g_assert_no_error (error);

  window = sr_window_new (NULL, fin, NULL);
  w = GTK_WIDGET (window);
  show_as (window, fin, "money");
  g_assert_nonnull (sr_gui_test_find (w, "张先生 · 1号楼 301"));
  g_assert_nonnull (sr_gui_test_find (w, "Deposits to confirm (1)"));
  sr_gui_test_click (w, "Confirm Deposit…");
  sr_gui_test_spin_idle ();
  form = find_form ();
  g_assert_nonnull (form);
  sr_gui_test_type (GTK_WIDGET (form), "Received now, ¥", "40000");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL));
  sr_gui_test_spin_idle ();
  g_assert_true (find_form () == form);
  g_assert_true (sr_gui_test_has_error (GTK_WIDGET (form)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sr_gui_test_find (GTK_WIDGET (form), "Received now, ¥"))),
                   ==, "40000");
  sr_gui_test_type (GTK_WIDGET (form), "Received now, ¥", "50,000");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL));
  sr_gui_test_spin_idle ();
  g_assert_null (find_form ());
  g_assert_nonnull (sr_gui_test_find (w, "Deposits to confirm (0)"));
  g_assert_nonnull (sr_gui_test_find (w, "Taken today: ¥50,000.00 (1)"));
  {
    g_autoptr(SrUnit) u = sr_units_get (admin, unit, NULL);
    g_assert_cmpint (u->status, ==, SR_UNIT_SUBSCRIBED);
  }
  gtk_window_destroy (GTK_WINDOW (window));
  sr_gui_test_spin_idle ();

  /* The controller signs on the unit's panel; the receipt shows there. */
  window = sr_window_new (NULL, ctl, NULL);
  gtk_window_present (GTK_WINDOW (window));
  sr_window_sign_in_as (window, sr_context_get_session (ctl));
  sr_gui_test_spin_idle ();
  /* The daily report counts the subscription confirmed today. */
  g_assert_true (sr_window_show_page (window, "sales"));
  sr_gui_test_spin_idle ();
  g_assert_nonnull (sr_gui_test_find (GTK_WIDGET (window),
                                      "2026-11-23: 1 units subscribed, 89.36 m², ¥1,072,320.00. To date: 1 units, "
                                      "89.36 m², ¥1,072,320.00. For sale now: 2."));
  panel = sr_unit_window_new (GTK_WIDGET (window), ctl, unit);
  gtk_window_present (GTK_WINDOW (panel));
  sr_gui_test_spin_idle ();
  g_assert_nonnull (sr_gui_test_find (panel, "2026-00001 · 2026-11-23"));
  g_assert_null (sr_gui_test_find (panel, "Confirm Deposit…"));   /* finance's, not the controller's */
  sr_gui_test_click (panel, "Sign Contract…");
  sr_gui_test_spin_idle ();
  form = find_form ();
  g_assert_nonnull (form);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL));
  sr_gui_test_spin_idle ();
  g_assert_true (find_form () == form);   /* no contract number: refused */
  sr_gui_test_type (GTK_WIDGET (form), "Contract number", "HT-001");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL));
  sr_gui_test_spin_idle ();
  g_assert_null (find_form ());
  {
    g_autoptr(SrUnit) u = sr_units_get (admin, unit, NULL);
    g_assert_cmpint (u->status, ==, SR_UNIT_SIGNED);
  }
  g_assert_nonnull (sr_gui_test_find (panel, "Cancel the Sale…"));
  /* After signing: acceptance, then delivery, refused while money is due (form kept). */
  g_assert_nonnull (sr_gui_test_find (panel, "Record Progress…"));
  sr_gui_test_click (panel, "Internal Acceptance…");
  sr_gui_test_spin_idle ();
  form = find_form ();
  g_assert_nonnull (form);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL));
  sr_gui_test_spin_idle ();
  g_assert_null (find_form ());
  sr_gui_test_click (panel, "Deliver…");
  sr_gui_test_spin_idle ();
  form = find_form ();
  sr_gui_test_type (GTK_WIDGET (form), "Move-in day (YYYY-MM-DD, may be empty)", "2026-12-20");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL));
  sr_gui_test_spin_idle ();
  g_assert_true (find_form () == form);
  g_assert_true (sr_gui_test_has_error (GTK_WIDGET (form)));
  gtk_window_destroy (GTK_WINDOW (form));
  {
    g_autoptr(SrDeal) deal = sr_deals_for_unit (admin, unit, NULL);
    SrFen due = 0;
    g_assert_true (sr_deals_due (admin, deal->id, &due, NULL));
    g_assert_true (sr_deals_record_payment (fin, deal->id, due, "bank-loan", "2026-11-23", FALSE, NULL, &error));
    g_assert_no_error (error);
  }
  sr_gui_test_spin_idle ();
  sr_gui_test_click (panel, "Deliver…");
  sr_gui_test_spin_idle ();
  form = find_form ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL));
  sr_gui_test_spin_idle ();
  g_assert_null (find_form ());
  {
    g_autoptr(SrUnit) u = sr_units_get (admin, unit, NULL);
    g_assert_cmpint (u->status, ==, SR_UNIT_DELIVERED);
  }
  gtk_window_destroy (GTK_WINDOW (panel));
  gtk_window_destroy (GTK_WINDOW (window));
  sr_gui_test_spin_idle ();
  g_clear_object (&ctl); g_clear_object (&fin); g_clear_object (&sup);
  sr_test_context_finish (g_steal_pointer (&admin));
}

/* The price-list preview: a bad file shows its line and cannot be imported; a good one
 * lists what each row does and imports on the button. */
static void
test_price_import (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_PROPERTY);
  g_autoptr(SrContext) ctl = sr_test_context_as (admin, "xiaokong", SR_ROLE_SALES_CONTROLLER);
  g_autofree char *dir = sr_test_tmp_dir ();
  g_autofree char *bad = g_build_filename (dir, "bad.csv", NULL);
  g_autofree char *good = g_build_filename (dir, "good.csv", NULL);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  g_autoptr(GFile) good_file = g_file_new_for_path (good);
  SrWindow *window;
  GtkWidget *preview;
  gint64 n = 0;

  g_assert_true (g_file_set_contents (bad, "楼栋,楼层,房号,建筑面积,总价\n1号楼,1,101,89.36,1072320\n1号楼,1,101,89.36,1072320\n", -1, NULL));
  g_assert_true (g_file_set_contents (good, "楼栋,楼层,房号,建筑面积,总价\n1号楼,1,101,89.36,1072320\n1号楼,2,201,89.36,1082320\n", -1, NULL));
  window = sr_window_new (NULL, ctl, NULL);
  show_as (window, ctl, "units");
  g_assert_nonnull (sr_gui_test_find (GTK_WIDGET (window), "No Units Yet"));

  preview = sr_price_import_window_new (GTK_WIDGET (window), ctl, bad_file, "翠湖");
  gtk_window_present (GTK_WINDOW (preview));
  sr_gui_test_spin_idle ();
  g_assert_nonnull (sr_gui_test_find (preview, "Line 3: unit 1号楼 101 is in the file twice (first on line 2)."));
  g_assert_false (gtk_widget_get_sensitive (sr_gui_test_find (preview, "Import")));
  gtk_window_destroy (GTK_WINDOW (preview));

  preview = sr_price_import_window_new (GTK_WIDGET (window), ctl, good_file, "翠湖");
  gtk_window_present (GTK_WINDOW (preview));
  sr_gui_test_spin_idle ();
  g_assert_true (gtk_widget_get_sensitive (sr_gui_test_find (preview, "Import")));
  g_assert_true (sr_db_query_int (sr_context_get_db (admin), "SELECT count(*) FROM units", &n, NULL));
  g_assert_cmpint (n, ==, 0);   /* the preview writes nothing */
  sr_gui_test_click (preview, "Import");
  sr_gui_test_spin_idle ();
  g_assert_true (sr_db_query_int (sr_context_get_db (admin), "SELECT count(*) FROM units", &n, NULL));
  g_assert_cmpint (n, ==, 2);
  /* The grid replaces the empty page. */
  g_assert_nonnull (sr_gui_test_find (GTK_WIDGET (window), "翠湖 · 1号楼"));

  gtk_window_destroy (GTK_WINDOW (window));
  sr_gui_test_spin_idle ();
  g_clear_object (&ctl);
  sr_test_context_finish (g_steal_pointer (&admin));
  sr_test_remove_tree (dir);
}

/* The controller changes the unit and then cancels the sale on the panel; finance pays
 * back what is due from the money page. */
static void
test_change_and_cancel (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_PROPERTY);
  g_autoptr(SrContext) ctl = sr_test_context_as (admin, "xiaokong", SR_ROLE_SALES_CONTROLLER);
  g_autoptr(SrContext) fin = sr_test_context_as (admin, "caiwu", SR_ROLE_FINANCE);
  g_autoptr(SrContext) sup = sr_test_context_as (admin, "zhuguan", SR_ROLE_CUSTOMER_MANAGER);
  g_autoptr(GError) error = NULL;
  SrUnitColumn column = { "两室两厅", 8936, 1200000 };
  SrBuildingPlan plan = { "1号楼", 2, 0, 1, &column, 0, FALSE };
  gint64 project = sr_projects_add (admin, "翠湖", NULL, &error);
  gint64 building = sr_buildings_create (admin, project, &plan, &error);
  g_autoptr(GPtrArray) units = sr_units_list (admin, building, &error);
  gint64 first = ((SrUnit *) units->pdata[1])->id, second = ((SrUnit *) units->pdata[0])->id;   /* 101, 201 */
  const char *phones[] = { "13800138000", NULL };
  SrCustomerInput in = { "张先生", NULL, "walk-in", 0, NULL, 0, phones, FALSE, 0 };
  gint64 booking, deal = 0, n = 0;
  SrWindow *window;
  GtkWidget *panel;
  SrForm *form;

  g_assert_cmpint (sr_customers_add (sup, &in, &error), >, 0);
  booking = sr_units_request_subscription (ctl, first, 1, 5000000, "2026-12-01", &error);
  g_assert_true (sr_db_get_int (sr_context_get_db (admin), &deal, NULL, "SELECT deal_id FROM bookings WHERE id = ?1",
                                "i", booking));
  g_assert_true (sr_deals_confirm_deposit (fin, deal, 5000000, "cash", "2026-11-23", NULL, &error));
  g_assert_no_error (error);

  window = sr_window_new (NULL, ctl, NULL);
  gtk_window_present (GTK_WINDOW (window));
  sr_window_sign_in_as (window, sr_context_get_session (ctl));
  sr_gui_test_spin_idle ();
  panel = sr_unit_window_new (GTK_WIDGET (window), ctl, first);
  gtk_window_present (GTK_WINDOW (panel));
  sr_gui_test_spin_idle ();

  /* 换房: a unit that does not exist is refused and the form kept; then 201. */
  sr_gui_test_click (panel, "Change Unit…");
  sr_gui_test_spin_idle ();
  form = find_form ();
  g_assert_nonnull (form);
  sr_gui_test_type (GTK_WIDGET (form), "Unit number (e.g. 1201 or 2-1201)", "901");
  sr_gui_test_type (GTK_WIDGET (form), "Reason", "客户想住高一层");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL));
  sr_gui_test_spin_idle ();
  g_assert_true (find_form () == form);
  g_assert_true (sr_gui_test_has_error (GTK_WIDGET (form)));
  sr_gui_test_type (GTK_WIDGET (form), "Unit number (e.g. 1201 or 2-1201)", "201");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL));
  sr_gui_test_spin_idle ();
  g_assert_null (find_form ());
  g_assert_nonnull (sr_gui_test_find (panel, "Unit 1号楼 201"));   /* the panel follows the sale */
  {
    g_autoptr(SrUnit) a = sr_units_get (admin, first, NULL);
    g_autoptr(SrUnit) b = sr_units_get (admin, second, NULL);
    g_assert_cmpint (a->status, ==, SR_UNIT_AVAILABLE);
    g_assert_cmpint (b->status, ==, SR_UNIT_SUBSCRIBED);
  }

  /* 退房 with ¥10,000 forfeited. */
  sr_gui_test_click (panel, "Cancel the Sale…");
  sr_gui_test_spin_idle ();
  form = find_form ();
  sr_gui_test_type (GTK_WIDGET (form), "Reason", "贷款未获批");
  sr_gui_test_type (GTK_WIDGET (form), "Forfeited, ¥ (empty: none)", "10000");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL));
  sr_gui_test_spin_idle ();
  g_assert_null (find_form ());
  {
    g_autoptr(SrUnit) b = sr_units_get (admin, second, NULL);
    g_assert_cmpint (b->status, ==, SR_UNIT_AVAILABLE);
  }
  gtk_window_destroy (GTK_WINDOW (panel));
  gtk_window_destroy (GTK_WINDOW (window));
  sr_gui_test_spin_idle ();

  /* Finance pays back the ¥40,000 due. */
  window = sr_window_new (NULL, fin, NULL);
  show_as (window, fin, "money");
  g_assert_nonnull (sr_gui_test_find (GTK_WIDGET (window), "Money to pay back (1)"));
  sr_gui_test_click (GTK_WIDGET (window), "Pay Back…");
  sr_gui_test_spin_idle ();
  form = find_form ();
  g_assert_nonnull (sr_gui_test_find (GTK_WIDGET (form), "Pay ¥40,000.00 back to 张先生."));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL));
  sr_gui_test_spin_idle ();
  g_assert_null (find_form ());
  g_assert_nonnull (sr_gui_test_find (GTK_WIDGET (window), "Money to pay back (0)"));
  g_assert_true (sr_db_query_int (sr_context_get_db (admin), "SELECT count(*) FROM receipts WHERE kind = 'refund' "
                                  "AND amount_fen = 4000000", &n, NULL));
  g_assert_cmpint (n, ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
  sr_gui_test_spin_idle ();
  g_clear_object (&ctl); g_clear_object (&fin); g_clear_object (&sup);
  sr_test_context_finish (g_steal_pointer (&admin));
}

/* A problem through the screen: reported, its solution recorded, approved by the manager. */
static void
test_problems_page (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_PROPERTY);
  g_autoptr(SrContext) sup = sr_test_context_as (admin, "zhuguan", SR_ROLE_CUSTOMER_MANAGER | SR_ROLE_MANAGER);
  g_autoptr(GError) error = NULL;
  const char *phones[] = { "13800138000", NULL };
  SrCustomerInput in = { "张先生", NULL, "walk-in", 0, NULL, 0, phones, FALSE, 0 };
  SrWindow *window;
  GtkWidget *w;
  SrForm *form;
  gboolean has = FALSE;

  g_assert_cmpint (sr_customers_add (sup, &in, &error), >, 0);
  window = sr_window_new (NULL, sup, NULL);
  w = GTK_WIDGET (window);
  show_as (window, sup, "problems");
  g_assert_nonnull (sr_gui_test_find (w, "Open problems (0)"));
  sr_gui_test_click (w, "Report a Problem…");
  sr_gui_test_spin_idle ();
  form = find_form ();
  g_assert_nonnull (form);
  sr_gui_test_type (GTK_WIDGET (form), "The customer’s phone", "13800138000");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL));
  sr_gui_test_spin_idle ();
  g_assert_true (find_form () == form);   /* no description: refused, kept */
  sr_gui_test_type (GTK_WIDGET (form), "What is wrong", "卫生间漏水");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL));
  sr_gui_test_spin_idle ();
  g_assert_null (find_form ());
  g_assert_nonnull (sr_gui_test_find (w, "Open problems (1)"));
  g_assert_true (sr_problems_customer_has_open (admin, 1, &has, &error));
  g_assert_true (has);

  sr_gui_test_click (w, "Record the Solution…");
  sr_gui_test_spin_idle ();
  form = find_form ();
  sr_gui_test_type (GTK_WIDGET (form), "The department’s solution", "重做防水");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL));
  sr_gui_test_spin_idle ();
  sr_gui_test_click (w, "Approve the Solution");
  sr_gui_test_spin_idle ();
  g_assert_nonnull (sr_gui_test_find (w, "Owner Told…"));

  /* Many open: the title counts them all, the first 50 are shown, the search finds the rest. */
  for (int i = 2; i <= 60; i++)
    {
      g_autofree char *what = g_strdup_printf ("问题%02d", i);
      SrProblemInput problem = { 1, 0, "engineering", 0, what, "工程部" };
      g_assert_cmpint (sr_problems_open (sup, &problem, &error), >, 0);
    }
  sr_gui_test_spin_idle ();
  g_assert_nonnull (sr_gui_test_find (w, "Open problems (60)"));
  g_assert_nonnull (sr_gui_test_find (w, "The first 50 are shown; search by customer, unit or what it is about for the others."));
  g_assert_null (sr_gui_test_find (w, "Open · 工程部 · 问题60"));
  search_for (find_search (w, "Customer, unit or text"), "问题60");
  g_assert_nonnull (sr_gui_test_find (w, "Open problems (1)"));
  g_assert_nonnull (sr_gui_test_find (w, "Open · 工程部 · 问题60"));
  gtk_window_destroy (GTK_WINDOW (window));
  sr_gui_test_spin_idle ();
  g_clear_object (&sup);
  sr_test_context_finish (g_steal_pointer (&admin));
}

static void
test_units_page (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_PROPERTY);
  g_autoptr(SrContext) ctl = sr_test_context_as (admin, "xiaokong", SR_ROLE_SALES_CONTROLLER);
  g_autoptr(SrContext) sup = sr_test_context_as (admin, "zhuguan", SR_ROLE_CUSTOMER_MANAGER);
  g_autoptr(GError) error = NULL;
  SrUnitColumn column = { "两室两厅", 8936, 1200000 };
  SrBuildingPlan plan = { "1号楼", 3, 0, 1, &column, 0, FALSE };
  gint64 project = sr_projects_add (admin, "翠湖", NULL, &error);
  gint64 building = sr_buildings_create (admin, project, &plan, &error);
  g_autoptr(GPtrArray) units = sr_units_list (admin, building, &error);
  gint64 unit = ((SrUnit *) g_ptr_array_index (units, 0))->id;   /* 301 */
  const char *phones[] = { "13800138000", NULL };
  SrCustomerInput in = { "张先生", NULL, "walk-in", 0, NULL, 0, phones, FALSE, 0 };
  SrWindow *window;
  GtkWidget *panel;
  SrForm *form;

  g_assert_cmpint (sr_customers_add (sup, &in, &error), >, 0);
  window = sr_window_new (NULL, ctl, NULL);
  show_as (window, ctl, "units");
  g_assert_nonnull (sr_gui_test_find (GTK_WIDGET (window), "翠湖 · 1号楼"));
  {
    /* 3 units of 89.36 m², ¥1,072,320 each: the filter dims, never hides. */
    SrUnitGrid *grid = SR_UNIT_GRID (find_of_type (GTK_WIDGET (window), SR_TYPE_UNIT_GRID));
    GtkWidget *clear = sr_gui_test_find (GTK_WIDGET (window), "Clear Filter");

    g_assert_nonnull (grid);
    g_assert_false (gtk_widget_get_sensitive (clear));
    g_assert_cmpuint (sr_unit_grid_get_n_matching (grid), ==, 3);
    sr_gui_test_type (GTK_WIDGET (window), "Min m²", "90");
    g_assert_cmpuint (sr_unit_grid_get_n_matching (grid), ==, 0);
    g_assert_true (gtk_widget_get_sensitive (clear));
    sr_gui_test_type (GTK_WIDGET (window), "Min m²", "89.36");
    sr_gui_test_type (GTK_WIDGET (window), "Max ¥10k", "107.23");   /* ¥1,072,300: below */
    g_assert_cmpuint (sr_unit_grid_get_n_matching (grid), ==, 0);
    sr_gui_test_type (GTK_WIDGET (window), "Max ¥10k", "107.24");
    g_assert_cmpuint (sr_unit_grid_get_n_matching (grid), ==, 3);
    /* Not a number: marked, ignored, nothing lost. */
    sr_gui_test_type (GTK_WIDGET (window), "Min m²", "abc");
    g_assert_true (gtk_widget_has_css_class (sr_gui_test_find (GTK_WIDGET (window), "Min m²"), "error"));
    g_assert_cmpuint (sr_unit_grid_get_n_matching (grid), ==, 3);
    sr_gui_test_click (GTK_WIDGET (window), "Clear Filter");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sr_gui_test_find (GTK_WIDGET (window), "Min m²"))), ==, "");
    g_assert_false (gtk_widget_get_sensitive (clear));
  }

  /* The project overview: every building small; a click opens its grid. */
  {
    SrBuildingPlan plan2 = { "2号楼", 2, 0, 1, &column, 0, FALSE };
    g_assert_cmpint (sr_buildings_create (admin, project, &plan2, &error), >, 0);
    sr_context_emit_changed (ctl, "buildings");
    sr_gui_test_spin_idle ();
    sr_gui_test_click (GTK_WIDGET (window), "Project Overview");
    sr_gui_test_spin_idle ();
    g_assert_nonnull (sr_gui_test_find (GTK_WIDGET (window), "2号楼"));
    g_assert_null (sr_gui_test_find (GTK_WIDGET (window), "Clear Filter"));   /* one building's */
    sr_gui_test_click (GTK_WIDGET (window), "2号楼");
    sr_gui_test_spin_idle ();
    g_assert_nonnull (sr_gui_test_find (GTK_WIDGET (window), "翠湖 · 2号楼"));
    g_assert_nonnull (sr_gui_test_find (GTK_WIDGET (window), "Clear Filter"));
  }
  panel = sr_unit_window_new (GTK_WIDGET (window), ctl, unit);
  gtk_window_present (GTK_WINDOW (panel));
  sr_gui_test_spin_idle ();
  g_assert_nonnull (sr_gui_test_find (panel, "Unit 1号楼 301"));
  sr_gui_test_click (panel, "Withhold (销控)");
  sr_gui_test_spin_idle ();
  {
    g_autoptr(SrUnit) u = sr_units_get (ctl, unit, NULL);
    g_assert_cmpint (u->status, ==, SR_UNIT_HELD);
  }
  sr_gui_test_click (panel, "Release for Sale");
  sr_gui_test_spin_idle ();
  sr_gui_test_click (panel, "Reserve…");
  form = find_form ();
  g_assert_nonnull (form);
  sr_gui_test_type (GTK_WIDGET (form), "The customer’s phone", "13900000000");   /* nobody's */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL));
  sr_gui_test_spin_idle ();
  g_assert_true (find_form () == form);   /* refused, kept */
  sr_gui_test_type (GTK_WIDGET (form), "The customer’s phone", "13800138000");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL));
  sr_gui_test_spin_idle ();
  g_assert_null (find_form ());
  g_assert_nonnull (sr_gui_test_find (panel, "Booked for"));
  /* Papers for the customer once the unit is kept for them. */
  g_assert_nonnull (sr_gui_test_find (panel, "Print Confirmation Slip…"));
  g_assert_nonnull (sr_gui_test_find (panel, "Print Cost Sheet…"));
  {
    g_autoptr(SrUnit) u = sr_units_get (ctl, unit, NULL);
    g_assert_cmpint (u->status, ==, SR_UNIT_RESERVED);
  }
  gtk_window_destroy (GTK_WINDOW (panel));
  gtk_window_destroy (GTK_WINDOW (window));
  sr_gui_test_spin_idle ();
  g_clear_object (&ctl); g_clear_object (&sup);
  sr_test_context_finish (g_steal_pointer (&admin));
}

static void
test_appointment_reminder (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_PROPERTY);
  g_autoptr(SrContext) gw = sr_test_context_as (admin, "guwen", SR_ROLE_CONSULTANT);
  g_autoptr(SrContext) sup = sr_test_context_as (admin, "zhuguan", SR_ROLE_CUSTOMER_MANAGER);
  g_autoptr(GError) error = NULL;
  const char *phones[] = { "13800138000", NULL };
  SrCustomerInput in = { "张先生", NULL, "call", 0, NULL, sr_test_staff_id (gw), phones, FALSE };
  gint64 customer = sr_customers_add (sup, &in, &error);
  SrWindow *window;

  g_assert_no_error (error);
  /* The test clock says 09:00: one in ten minutes, one this afternoon. */
  g_assert_cmpint (sr_appointments_add (gw, customer, sr_test_staff_id (gw), sr_context_now (gw) + 600,
                                        SR_APPOINTMENT_VIEWING, NULL, &error), >, 0);
  g_assert_cmpint (sr_appointments_add (gw, customer, sr_test_staff_id (gw), sr_context_now (gw) + 5 * 3600,
                                        SR_APPOINTMENT_DEAL, NULL, &error), >, 0);
  window = sr_window_new (NULL, gw, NULL);
  gtk_window_present (GTK_WINDOW (window));
  sr_window_sign_in_as (window, sr_context_get_session (gw));
  sr_gui_test_spin_idle ();
  g_assert_nonnull (sr_gui_test_find (GTK_WIDGET (window), "Reminder: 张先生 at 09:10 (Viewing)"));
  g_assert_null (sr_gui_test_find (GTK_WIDGET (window), "Reminder: 张先生 at 14:00 (Subscription / signing)"));
  gtk_window_destroy (GTK_WINDOW (window));
  sr_gui_test_spin_idle ();
  g_clear_object (&gw);
  g_clear_object (&sup);
  sr_test_context_finish (g_steal_pointer (&admin));
}

/* A decoration office: the designer enters a construction contract on the customer's
 * page (a bad value keeps the form), finance finds the payment due on the Money page,
 * opens the contract and records it. */
static void
test_contracts (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_DECORATION);
  g_autoptr(SrContext) gw = sr_test_context_as (admin, "sheji", SR_ROLE_CONSULTANT);
  g_autoptr(SrContext) fin = sr_test_context_as (admin, "caiwu", SR_ROLE_FINANCE);
  g_autoptr(GError) error = NULL;
  const char *phones[] = { "13800138000", NULL };
  SrCustomerInput in = { "装先生", NULL, "walk-in", 0, NULL, sr_test_staff_id (gw), phones, FALSE, 0 };
  gint64 customer = sr_customers_add (gw, &in, &error);
  SrWindow *window = sr_window_new (NULL, gw, NULL);
  GtkWidget *w = GTK_WIDGET (window), *cw;
  SrForm *form;

  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  sr_window_sign_in_as (window, sr_context_get_session (gw));
  sr_gui_test_spin_idle ();
  cw = sr_customer_window_new (w, gw, customer);
  gtk_window_present (GTK_WINDOW (cw));
  sr_gui_test_spin_idle ();
  g_assert_nonnull (sr_gui_test_find (cw, "No contract yet. New Contract… enters one with its payment plan."));
  sr_gui_test_click (cw, "New Contract…");
  sr_gui_test_spin_idle ();
  form = find_form ();
  g_assert_nonnull (form);
  sr_gui_test_type (GTK_WIDGET (form), "Contract number", "ZX-001");
  sr_gui_test_type (GTK_WIDGET (form), "Value of the contract, ¥", "十万");
  sr_gui_test_type (GTK_WIDGET (form), "Deposit, ¥ (empty: none)", "30000");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL));
  sr_gui_test_spin_idle ();
  g_assert_true (find_form () == form);
  g_assert_true (sr_gui_test_has_error (GTK_WIDGET (form)));
  sr_gui_test_type (GTK_WIDGET (form), "Value of the contract, ¥", "100,000");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL));
  sr_gui_test_spin_idle ();
  g_assert_null (find_form ());
  g_assert_nonnull (sr_gui_test_find (cw, "Construction contract ZX-001 · Signed"));
  gtk_window_destroy (GTK_WINDOW (cw));
  /* The customer hands the designer ¥10,000 of the deposit: reported for finance. */
  {
    g_autoptr(GPtrArray) deals = sr_deals_for_customer (gw, customer, &error);
    GtkWidget *dw = sr_deal_window_new (w, gw, ((SrDeal *) g_ptr_array_index (deals, 0))->id);
    gtk_window_present (GTK_WINDOW (dw));
    sr_gui_test_spin_idle ();
    g_assert_null (sr_gui_test_find (dw, "Record Payment…"));
    sr_gui_test_click (dw, "Report Money Received…");
    sr_gui_test_spin_idle ();
    form = find_form ();
    g_assert_nonnull (form);
    sr_gui_test_type (GTK_WIDGET (form), "Amount, ¥", "10000");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL));
    sr_gui_test_spin_idle ();
    g_assert_null (find_form ());
    g_assert_nonnull (sr_gui_test_find (dw, "Waiting for finance"));
    gtk_window_destroy (GTK_WINDOW (dw));
  }
  gtk_window_destroy (GTK_WINDOW (window));
  sr_gui_test_spin_idle ();

  /* Finance: the deposit was due today; tomorrow it is overdue on the Money page. */
  sr_test_set_day (admin, "2026-11-24", 10);
  window = sr_window_new (NULL, fin, NULL);
  w = GTK_WIDGET (window);
  show_as (window, fin, "money");
  g_assert_nonnull (sr_gui_test_find (w, "装先生 · ZX-001"));
  g_assert_null (sr_gui_test_find (w, "Take Intention Money…"));
  g_assert_nonnull (sr_gui_test_find (w, "Money reported, to confirm (1)"));
  sr_gui_test_click (w, "Confirm…");
  sr_gui_test_spin_idle ();
  form = find_form ();
  g_assert_nonnull (form);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL));
  sr_gui_test_spin_idle ();
  g_assert_null (find_form ());
  g_assert_nonnull (sr_gui_test_find (w, "Money reported, to confirm (0)"));
  /* The rest of the deposit, overdue since yesterday. */
  sr_gui_test_click (w, "Record Payment…");
  sr_gui_test_spin_idle ();
  form = find_form ();
  g_assert_nonnull (form);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sr_gui_test_find (GTK_WIDGET (form), "Amount, ¥"))), ==,
                   "20000.00");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL));
  sr_gui_test_spin_idle ();
  g_assert_null (find_form ());
  g_assert_nonnull (sr_gui_test_find (w, "Taken today: ¥20,000.00 (1)"));
  {
    g_autoptr(GPtrArray) deals = sr_deals_for_customer (fin, customer, &error);
    SrDeal *d = g_ptr_array_index (deals, 0);
    GtkWidget *dw = sr_deal_window_new (w, fin, d->id);
    gtk_window_present (GTK_WINDOW (dw));
    sr_gui_test_spin_idle ();
    g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dw)), ==, "Construction contract ZX-001");
    g_assert_nonnull (sr_gui_test_find (dw, "Payment plan"));
    g_assert_nonnull (sr_gui_test_find (dw, "Record Payment…"));
    gtk_window_destroy (GTK_WINDOW (dw));
  }
  gtk_window_destroy (GTK_WINDOW (window));
  sr_gui_test_spin_idle ();
  g_clear_object (&gw);
  g_clear_object (&fin);
  sr_test_context_finish (g_steal_pointer (&admin));
}

/* The board: a designer's cards by stage; Move To… (the keyboard way) asks a measurement
 * for its day and address, then the card is in the other column. */
static void
test_pipeline_board (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_DECORATION);
  g_autoptr(SrContext) gw = sr_test_context_as (admin, "sheji", SR_ROLE_CONSULTANT);
  g_autoptr(GError) error = NULL;
  const char *phones[] = { "13800138000", NULL };
  SrCustomerInput in = { "板先生", NULL, "walk-in", 0, NULL, sr_test_staff_id (gw), phones, FALSE, 0 };
  gint64 customer = sr_customers_add (gw, &in, &error);
  SrWindow *window = sr_window_new (NULL, gw, NULL);
  GtkWidget *w = GTK_WIDGET (window), *view;
  SrForm *form;

  g_assert_no_error (error);
  show_as (window, gw, "pipeline");
  g_assert_nonnull (sr_gui_test_find (w, "Appointment (1)"));
  g_assert_nonnull (sr_gui_test_find (w, "Measured (0)"));
  g_assert_nonnull (sr_gui_test_find (w, "板先生"));
  /* Nothing selected: Move To… says what to do. */
  g_assert_true (gtk_widget_activate_action (sr_gui_test_find (w, "Appointment (1)"), "board.move", NULL));
  sr_gui_test_spin_idle ();
  g_assert_null (find_form ());
  /* The first column's list (the column box holds its title and its list). */
  view = find_of_type (gtk_widget_get_parent (sr_gui_test_find (w, "Appointment (1)")), GTK_TYPE_LIST_VIEW);
  g_assert_nonnull (view);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (view))), 0, TRUE);
  g_assert_true (gtk_widget_activate_action (view, "board.move", NULL));
  sr_gui_test_spin_idle ();
  form = find_form ();
  g_assert_nonnull (form);
  /* The second stage, 量房, without an address: refused, the form stays. */
  {
    GtkWidget *choice = find_of_type (GTK_WIDGET (form), ADW_TYPE_COMBO_ROW);
    g_assert_nonnull (choice);
    adw_combo_row_set_selected (ADW_COMBO_ROW (choice), 1);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL));
  sr_gui_test_spin_idle ();
  g_assert_true (find_form () == form);
  g_assert_true (sr_gui_test_has_error (GTK_WIDGET (form)));
  sr_gui_test_type (GTK_WIDGET (form), "Address (measurement) or reason (lost: 价格不合适、选择了竞争对手、需求变化/暂缓、联系不上、其他)",
                    "翠湖花园 5-1201");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL));
  sr_gui_test_spin_idle ();
  g_assert_null (find_form ());
  /* The board reloads a moment after the change. */
  for (int i = 0; i < 30 && sr_gui_test_find (w, "Measured (1)") == NULL; i++)
    {
      g_usleep (10000);
      sr_gui_test_spin_idle ();
    }
  g_assert_nonnull (sr_gui_test_find (w, "Measured (1)"));
  g_assert_nonnull (sr_gui_test_find (w, "Appointment (0)"));
  {
    g_autoptr(SrCustomer) c = sr_customers_get (gw, customer, &error);
    g_assert_nonnull (c);
  }
  gtk_window_destroy (GTK_WINDOW (window));
  sr_gui_test_spin_idle ();
  g_clear_object (&gw);
  sr_test_context_finish (g_steal_pointer (&admin));
}

/* Dispatch: the customer manager sees who is next and why, and dispatches a waiting
 * customer with one button. */
static void
test_dispatch_page (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_DECORATION);
  g_autoptr(SrContext) sup = sr_test_context_as (admin, "kehujingli", SR_ROLE_CUSTOMER_MANAGER);
  g_autoptr(SrContext) a = sr_test_context_as (admin, "zhanggong", SR_ROLE_CONSULTANT);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) levels = sr_designer_levels (sup, &error);
  const char *phones[] = { "13800138000", NULL };
  SrCustomerInput in = { "派先生", NULL, "walk-in", 0, NULL, 0, phones, FALSE, 0 };
  gint64 customer = sr_customers_add (sup, &in, &error);
  SrWindow *window = sr_window_new (NULL, sup, NULL);
  GtkWidget *w = GTK_WIDGET (window);

  g_assert_true (sr_designers_set_level (sup, sr_test_staff_id (a), ((SrDesigner *) levels->pdata[1])->level_id,
                                         "季度评定", &error));
  show_as (window, sup, "dispatch");
  g_assert_nonnull (sr_gui_test_find (w, "zhanggong: 资深设计师, credit 2 of total 2"));
  g_assert_nonnull (sr_gui_test_find (w, "Waiting for a designer (1)"));
  sr_gui_test_click (w, "Dispatch");
  sr_gui_test_spin_idle ();
  g_assert_nonnull (sr_gui_test_find (w, "Waiting for a designer (0)"));
  g_assert_nonnull (sr_gui_test_find (w, "Dispatched today (1)"));
  {
    g_autoptr(SrCustomer) c = sr_customers_get (sup, customer, &error);
    g_assert_cmpint (c->owner_id, ==, sr_test_staff_id (a));
  }
  gtk_window_destroy (GTK_WINDOW (window));
  sr_gui_test_spin_idle ();
  g_clear_object (&sup);
  g_clear_object (&a);
  sr_test_context_finish (g_steal_pointer (&admin));
}

/* Return visits: a site a week under construction is due; the visit form, with a problem
 * found, records the visit and opens the case. */
static void
test_visits_page (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_DECORATION);
  g_autoptr(SrContext) sup = sr_test_context_as (admin, "kehujingli", SR_ROLE_CUSTOMER_MANAGER);
  g_autoptr(GError) error = NULL;
  const char *phones[] = { "13800138000", NULL };
  SrCustomerInput in = { "回先生", NULL, "walk-in", 0, NULL, 0, phones, FALSE, 0 };
  gint64 customer = sr_customers_add (sup, &in, &error);
  gint64 construct = 0;
  SrWindow *window;
  GtkWidget *w;
  SrForm *form;

  g_assert_true (sr_db_get_int (sr_context_get_db (admin), &construct, NULL, "SELECT id FROM stages WHERE kind = "
                                "'construct' ORDER BY position DESC LIMIT 1", ""));
  {
    SrStageMove m = { construct, NULL, NULL };
    g_assert_true (sr_pipeline_move (sup, customer, &m, &error));
  }
  sr_test_set_day (admin, "2026-12-01", 10);
  window = sr_window_new (NULL, sup, NULL);
  w = GTK_WIDGET (window);
  show_as (window, sup, "visits");
  g_assert_nonnull (sr_gui_test_find (w, "Due for a return visit (1)"));
  sr_gui_test_click (w, "Record Visit…");
  sr_gui_test_spin_idle ();
  form = find_form ();
  g_assert_nonnull (form);
  /* Nothing said: refused, the form stays. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL));
  sr_gui_test_spin_idle ();
  g_assert_true (find_form () == form);
  sr_gui_test_type (GTK_WIDGET (form), "What the customer said", "墙面有裂缝");
  sr_gui_test_type (GTK_WIDGET (form), "Problem found (empty: none; it opens a problem case)", "客厅墙面开裂");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL));
  sr_gui_test_spin_idle ();
  g_assert_null (find_form ());
  g_assert_nonnull (sr_gui_test_find (w, "Due for a return visit (0)"));
  g_assert_nonnull (sr_gui_test_find (w, "Return visits of the last 30 days (1)"));
  {
    g_autoptr(SrCustomer) c = sr_customers_get (sup, customer, &error);
    g_assert_true (c->is_problem);
  }
  gtk_window_destroy (GTK_WINDOW (window));
  sr_gui_test_spin_idle ();
  g_clear_object (&sup);
  sr_test_context_finish (g_steal_pointer (&admin));
}

/* A housekeeping agency: the customer manager puts a housekeeper on the roster; the
 * consultant proposes her to a customer, records the interview and, once the agreement
 * is signed and its fee paid, places her: the trial shows on the customer's page and the
 * roster. A placement before the fee is paid is refused and the form stays. */
static void
test_housekeeping (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_HOUSEKEEPING);
  g_autoptr(SrContext) sup = sr_test_context_as (admin, "kehujingli", SR_ROLE_CUSTOMER_MANAGER);
  g_autoptr(SrContext) gw = sr_test_context_as (admin, "guwen", SR_ROLE_CONSULTANT);
  g_autoptr(SrContext) fin = sr_test_context_as (admin, "caiwu", SR_ROLE_FINANCE);
  g_autoptr(GError) error = NULL;
  const char *phones[] = { "13800138000", NULL };
  SrCustomerInput in = { "家先生", NULL, "call", 0, NULL, sr_test_staff_id (gw), phones, FALSE, 0 };
  gint64 customer = sr_customers_add (sup, &in, &error);
  SrContractDeal deal = { customer, "service", "JZ-1", SR_TEST_NOW_DAY, 600000, 50000, 11, 30, NULL, 0 };
  gint64 deal_id;
  SrWindow *window = sr_window_new (NULL, sup, NULL);
  GtkWidget *w = GTK_WIDGET (window), *cw;
  SrForm *form;

  show_as (window, sup, "housekeepers");
  g_assert_nonnull (sr_gui_test_find (w, "The roster is empty. Add Housekeeper… (Ctrl+N) puts the first one on it."));
  sr_gui_test_click (w, "Add Housekeeper…");
  sr_gui_test_spin_idle ();
  form = find_form ();
  g_assert_nonnull (form);
  sr_gui_test_type (GTK_WIDGET (form), "Name", "王阿姨");
  sr_gui_test_type (GTK_WIDGET (form), "Year of birth", "七五年");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL));
  sr_gui_test_spin_idle ();
  g_assert_true (find_form () == form);          /* a year in words: refused, kept */
  sr_gui_test_type (GTK_WIDGET (form), "Year of birth", "1975");
  sr_gui_test_type (GTK_WIDGET (form), "Skills (infant care, elderly care, cooking…)", "育婴");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL));
  sr_gui_test_spin_idle ();
  g_assert_null (find_form ());
  g_assert_nonnull (sr_gui_test_find (w, "王阿姨 · Free"));
  gtk_window_destroy (GTK_WINDOW (window));
  sr_gui_test_spin_idle ();

  deal_id = sr_contracts_add (gw, &deal, &error);
  g_assert_no_error (error);
  window = sr_window_new (NULL, gw, NULL);
  w = GTK_WIDGET (window);
  show_as (window, gw, "housekeepers");
  cw = sr_customer_window_new (w, gw, customer);
  gtk_window_present (GTK_WINDOW (cw));
  sr_gui_test_spin_idle ();
  g_assert_nonnull (sr_gui_test_find (cw, "Nobody proposed yet. Propose… puts a housekeeper from the roster forward for an interview."));
  sr_gui_test_click (cw, "Propose…");
  sr_gui_test_spin_idle ();
  form = find_form ();
  g_assert_nonnull (form);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL));
  sr_gui_test_spin_idle ();
  g_assert_null (find_form ());
  g_assert_nonnull (sr_gui_test_find (cw, "Candidate 王阿姨 · Proposed, not interviewed yet"));
  sr_gui_test_click (cw, "Interview…");
  sr_gui_test_spin_idle ();
  form = find_form ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL));
  sr_gui_test_spin_idle ();
  g_assert_null (find_form ());
  g_assert_nonnull (sr_gui_test_find (cw, "Candidate 王阿姨 · Passed the interview"));
  /* The fee is not paid yet: refused, the form stays with the reason. */
  sr_gui_test_click (cw, "Place…");
  sr_gui_test_spin_idle ();
  form = find_form ();
  g_assert_nonnull (form);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL));
  sr_gui_test_spin_idle ();
  g_assert_true (find_form () == form);
  g_assert_true (sr_gui_test_has_error (GTK_WIDGET (form)));
  g_assert_true (sr_deals_record_payment (fin, deal_id, 50000, "cash", SR_TEST_NOW_DAY, FALSE, NULL, &error));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL));
  sr_gui_test_spin_idle ();
  g_assert_null (find_form ());
  g_assert_nonnull (sr_gui_test_find (cw, "王阿姨 · working since 2026-11-23 · trial until 2026-12-28"));
  g_assert_nonnull (sr_gui_test_find (cw, "Replace…"));
  g_assert_nonnull (sr_gui_test_find (w, "王阿姨 · placed with 家先生 since 2026-11-23, trial until 2026-12-28"));
  gtk_window_destroy (GTK_WINDOW (cw));
  gtk_window_destroy (GTK_WINDOW (window));
  sr_gui_test_spin_idle ();
  g_clear_object (&sup); g_clear_object (&gw); g_clear_object (&fin);
  sr_test_context_finish (g_steal_pointer (&admin));
}

/* A decoration customer's quotes: a version kept, an amount in words refused. */
static void
test_quotes (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_DECORATION);
  g_autoptr(SrContext) gw = sr_test_context_as (admin, "sheji", SR_ROLE_CONSULTANT);
  g_autoptr(GError) error = NULL;
  const char *phones[] = { "13800138000", NULL };
  SrCustomerInput in = { "报先生", NULL, "walk-in", 0, NULL, sr_test_staff_id (gw), phones, FALSE, 0 };
  gint64 customer = sr_customers_add (gw, &in, &error);
  SrWindow *window = sr_window_new (NULL, gw, NULL);
  GtkWidget *w = GTK_WIDGET (window), *cw;
  SrForm *form;

  show_as (window, gw, "pipeline");
  cw = sr_customer_window_new (w, gw, customer);
  gtk_window_present (GTK_WINDOW (cw));
  sr_gui_test_spin_idle ();
  g_assert_nonnull (sr_gui_test_find (cw, "No quote yet. New Quote… keeps the first version with its amount."));
  g_assert_nonnull (sr_gui_test_find (cw, "Attach File…"));
  sr_gui_test_click (cw, "New Quote…");
  sr_gui_test_spin_idle ();
  form = find_form ();
  sr_gui_test_type (GTK_WIDGET (form), "Amount of the quote, ¥", "十二万");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL));
  sr_gui_test_spin_idle ();
  g_assert_true (find_form () == form);
  sr_gui_test_type (GTK_WIDGET (form), "Amount of the quote, ¥", "120000");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL));
  sr_gui_test_spin_idle ();
  g_assert_null (find_form ());
  g_assert_nonnull (sr_gui_test_find (cw, "Version 1 · ¥120,000.00"));
  gtk_window_destroy (GTK_WINDOW (cw));
  gtk_window_destroy (GTK_WINDOW (window));
  sr_gui_test_spin_idle ();
  g_clear_object (&gw);
  sr_test_context_finish (g_steal_pointer (&admin));
}

/* Registers: the manager sees the first register's rows counted; a wrong day says so;
 * an export runs off the main thread and writes the file, audited. */
static void
test_registers_page (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_PROPERTY);
  g_autoptr(SrContext) mgr = sr_test_context_as (admin, "jingli", SR_ROLE_MANAGER);
  g_autoptr(SrContext) gw = sr_test_context_as (admin, "guwen", SR_ROLE_CONSULTANT);
  g_autoptr(GError) error = NULL;
  const char *phones[] = { "13800138000", NULL };
  SrCustomerInput in = { "表先生", NULL, "call", 0, NULL, sr_test_staff_id (gw), phones, FALSE, 0 };
  g_autofree char *dir = sr_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "意向客户.xlsx", NULL);
  SrWindow *window = sr_window_new (NULL, mgr, NULL);
  GtkWidget *w = GTK_WIDGET (window), *page, *entry;
  gint64 audited = 0;

  g_assert_cmpint (sr_customers_add (mgr, &in, &error), >, 0);
  show_as (window, mgr, "registers");
  g_assert_nonnull (sr_gui_test_find (w, "Intention customers (意向客户登记表)"));
  g_assert_nonnull (sr_gui_test_find (w, "as of 2026-11-23: 1 rows."));
  /* The day's entry follows its label. */
  entry = gtk_widget_get_next_sibling (sr_gui_test_find (w, "As of"));
  g_assert_true (GTK_IS_EDITABLE (entry));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "2026-11-23");
  gtk_editable_set_text (GTK_EDITABLE (entry), "2026-11-31");
  sr_gui_test_click (w, "Show");
  sr_gui_test_spin_idle ();
  g_assert_nonnull (sr_gui_test_find (w, "“2026-11-31” is not a date (YYYY-MM-DD)."));
  gtk_editable_set_text (GTK_EDITABLE (entry), "2026-11-23");
  sr_gui_test_click (w, "Show");
  sr_gui_test_spin_idle ();
  page = gtk_widget_get_ancestor (entry, GTK_TYPE_PANED);
  sr_registers_page_export (page, path);
  for (int i = 0; i < 200 && !g_file_test (path, G_FILE_TEST_EXISTS); i++)
    {
      g_usleep (20000);
      sr_gui_test_spin_idle ();
    }
  sr_gui_test_spin_idle ();
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (sr_db_get_int (sr_context_get_db (admin), &audited, NULL, "SELECT count(*) FROM audit_log "
                                "WHERE action = 'export'", ""));
  g_assert_cmpint (audited, ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
  sr_gui_test_spin_idle ();
  g_clear_object (&mgr); g_clear_object (&gw);
  sr_test_remove_tree (dir);
  sr_test_context_finish (g_steal_pointer (&admin));
}

/* The first widget of the type named @type_name under @root, depth first. */
static GtkWidget *
find_widget_of_type (GtkWidget  *root,
                     const char *type_name)
{
  GType type = g_type_from_name (type_name);
  if (type != 0 && G_TYPE_CHECK_INSTANCE_TYPE (root, type) && gtk_widget_get_mapped (root))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_widget_of_type (c, type_name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The overview: a manager's first page, with the money and the charts of the week; the
 * day and the month read again. */
static void
test_overview_page (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_PROPERTY);
  g_autoptr(SrContext) mgr = sr_test_context_as (admin, "jingli", SR_ROLE_MANAGER);
  SrWindow *window = NULL;
  GtkWidget *w;
  g_autofree char *sql = g_strdup_printf ("INSERT INTO media_sources (id, name, position) VALUES (901, '报纸G', 901);"
                                          "INSERT INTO contacts (kind, at, receiver_id, is_business, media_source_id, rule) "
                                          "VALUES ('call', %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 1, 901, 'x')",
                                          sr_context_now (mgr) - 600, sr_test_staff_id (mgr));

  g_assert_true (sr_db_exec (sr_context_get_db (admin), sql, NULL));
  window = sr_window_new (NULL, mgr, NULL);
  w = GTK_WIDGET (window);
  gtk_window_present (GTK_WINDOW (window));
  sr_window_sign_in_as (window, sr_context_get_session (mgr));
  sr_gui_test_spin_idle ();
  /* The first page a manager sees. */
  g_assert_nonnull (sr_gui_test_find (w, "Received in the period, less refunds"));
  g_assert_nonnull (sr_gui_test_find (w, "Print on One Page…"));
  sr_gui_test_click (w, "This Month");
  sr_gui_test_spin_idle ();
  g_assert_nonnull (sr_gui_test_find (w, "Overdue at the period’s end"));
  /* A bar opens what is behind it: the media chart's first bar (Enter on the chosen
   * row, or a click, runs chart.open) lists that source's calls in a window. */
  {
    GtkWidget *chart = find_widget_of_type (w, "SrChartView");
    GList *windows;
    gboolean found = FALSE;
    g_assert_nonnull (chart);
    g_assert_true (gtk_widget_activate_action (chart, "chart.open", "i", 0));
    sr_gui_test_spin_idle ();
    windows = gtk_window_list_toplevels ();
    for (GList *l = windows; l != NULL; l = l->next)
      if (g_str_has_prefix (gtk_window_get_title (l->data) != NULL ? gtk_window_get_title (l->data) : "",
                            "Calls and visits from 报纸G"))
        {
          found = TRUE;
          g_assert_null (sr_gui_test_find (l->data, "None."));
          gtk_window_destroy (l->data);
        }
    g_list_free (windows);
    g_assert_true (found);
  }
  gtk_window_destroy (GTK_WINDOW (window));
  sr_gui_test_spin_idle ();
  g_clear_object (&mgr);
  sr_test_context_finish (g_steal_pointer (&admin));
}

/* Admin's backups: the warning before any copy, Back Up Now, the number kept checked. */
static void
test_backups_view (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_PROPERTY);
  SrWindow *window = sr_window_new (NULL, admin, NULL);
  GtkWidget *w = GTK_WIDGET (window);
  g_autofree char *dir = sr_backups_dir (sr_db_get_path (sr_context_get_db (admin)));
  g_autoptr(GPtrArray) files = NULL;

  show_as (window, admin, "admin/office");
  g_assert_nonnull (sr_gui_test_find (w, "No backup has been made yet."));
  sr_gui_test_click (w, "Back Up Now");
  sr_gui_test_spin_idle ();
  files = sr_backups_list (dir, NULL);
  g_assert_cmpuint (files->len, ==, 1);
  g_assert_nonnull (sr_gui_test_find (w, "A copy of the database was made."));
  /* With a copy made, what is left to warn about is the missing second place. */
  g_assert_nonnull (sr_gui_test_find (w, "No second place is chosen: a dead disk would take the copies with it."));
  sr_gui_test_type (w, "Daily copies kept", "0");
  g_signal_emit_by_name (sr_gui_test_find (w, "Daily copies kept"), "apply");
  sr_gui_test_spin_idle ();
  /* Refused (its message waits behind the first toast): nothing saved, the typing kept. */
  g_assert_cmpint (sr_settings_get_int (admin, "backup.keep", 14), ==, 14);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sr_gui_test_find (w, "Daily copies kept"))), ==, "0");
  sr_gui_test_type (w, "Daily copies kept", "30");
  g_signal_emit_by_name (sr_gui_test_find (w, "Daily copies kept"), "apply");
  sr_gui_test_spin_idle ();
  g_assert_cmpint (sr_settings_get_int (admin, "backup.keep", 14), ==, 30);
  gtk_window_destroy (GTK_WINDOW (window));
  sr_gui_test_spin_idle ();
  sr_test_remove_tree (dir);
  sr_test_context_finish (g_steal_pointer (&admin));
}

/* A full disk while a form is saved: the form stays open with the disk's message and
 * everything typed; once there is room, the same form saves. */
static void
test_full_disk_form (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_PROPERTY);
  SrWindow *window = sr_window_new (NULL, admin, NULL);
  GtkWidget *w = GTK_WIDGET (window);
  g_autoptr(SrStaffMember) added = NULL;
  SrForm *form;

  show_as (window, admin, "admin/staff");
  sr_gui_test_click (w, "Add…");
  form = find_form ();
  g_assert_nonnull (form);
  sr_gui_test_type (GTK_WIDGET (form), "Full name", "孙前台");
  sr_gui_test_type (GTK_WIDGET (form), "Sign-in name", "sunqiantai");
  sr_gui_test_type (GTK_WIDGET (form), "Password (at least 6 characters)", "qiantai1");
  sr_gui_test_type (GTK_WIDGET (form), "Password again", "qiantai1");
  sr_fault_vfs_arm (0, SR_FAULT_FULL, FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL));
  sr_gui_test_spin_idle ();
  sr_fault_vfs_disarm ();
  g_assert_true (sr_fault_vfs_tripped ());
  g_assert_true (find_form () == form);
  g_assert_nonnull (sr_gui_test_find (GTK_WIDGET (form), "The disk is full: nothing was saved. Free some space and try again."));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sr_gui_test_find (GTK_WIDGET (form), "Full name"))), ==, "孙前台");
  g_assert_null (sr_staff_find (admin, 0, "sunqiantai", NULL));
  /* Room again: the same form, as typed, saves. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL));
  sr_gui_test_spin_idle ();
  g_assert_null (find_form ());
  added = sr_staff_find (admin, 0, "sunqiantai", NULL);
  g_assert_nonnull (added);
  gtk_window_destroy (GTK_WINDOW (window));
  sr_gui_test_spin_idle ();
  sr_test_context_finish (g_steal_pointer (&admin));
}

/* Restore from the window: the application closes its window, puts the backup in place,
 * keeps the database before it, opens a window again and says so. */
static void
test_restore_from_window (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_PROPERTY);
  g_autofree char *path = g_strdup (sr_db_get_path (sr_context_get_db (admin)));
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *copy = g_build_filename (dir, "copy.db", NULL);
  g_autofree char *kept = g_strconcat (path, ".before-restore", NULL);
  g_autoptr(SrApplication) app = sr_application_new (path);
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  g_assert_true (sr_office_backup (admin, copy, &error));
  g_assert_true (sr_office_rename (admin, "改过名的售楼处", &error));   /* after the copy */
  g_clear_object (&admin);
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_application_activate (G_APPLICATION (app));
  sr_gui_test_spin_idle ();
  g_assert_nonnull (gtk_application_get_active_window (GTK_APPLICATION (app)));

  sr_application_restore (app, path, copy);
  sr_gui_test_spin_idle ();
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_nonnull (window);
  g_assert_true (g_file_test (kept, G_FILE_TEST_EXISTS));
  {
    g_autofree char *said = g_strdup_printf ("Restored from %s. The database before it is kept as %s.", copy, kept);
    g_assert_nonnull (sr_gui_test_find (GTK_WIDGET (window), said));
  }
  {
    g_autoptr(SrDb) db = sr_db_open (path, SR_DB_OPEN_EXISTING, &error);
    g_autoptr(SrContext) ctx = sr_context_new (db, NULL);
    g_autofree char *name = NULL;
    g_assert_true (sr_office_get (ctx, &name, NULL, &error));
    g_assert_cmpstr (name, ==, "测试售楼处");     /* the name as it was when copied */
  }
  gtk_window_destroy (window);
  sr_gui_test_spin_idle ();
  sr_test_remove_tree (dir);
}

/* A password the administrator set: the form to choose one's own comes first; closing it
 * signs the person out. */
static void
test_forced_password_change (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_PROPERTY);
  g_autoptr(SrContext) gw = sr_test_context_as (admin, "guwen", SR_ROLE_CONSULTANT);
  g_autoptr(SrContext) ctx = sr_context_new (sr_context_get_db (admin), NULL);
  SrWindow *window = sr_window_new (NULL, ctx, NULL);
  gint64 id = sr_test_staff_id (gw);
  SrForm *form;

  for (int round = 0; round < 2; round++)
    {
      g_autoptr(SrSession) s = NULL;
      g_assert_true (sr_staff_reset_password (admin, id, "given-by-admin", NULL));
      s = sr_staff_sign_in (ctx, "guwen", "given-by-admin", NULL);
      g_assert_nonnull (s);
      gtk_window_present (GTK_WINDOW (window));
      sr_window_sign_in_as (window, s);
      sr_gui_test_spin_idle ();
      form = find_form ();
      g_assert_nonnull (form);
      if (round == 0)
        {
          sr_gui_test_type (GTK_WIDGET (form), "The password you were given", "given-by-admin");
          sr_gui_test_type (GTK_WIDGET (form), "New password (at least 6 characters)", "my-own-one");
          sr_gui_test_type (GTK_WIDGET (form), "New password again", "my-own-one");
          g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL));
          sr_gui_test_spin_idle ();
          g_assert_null (find_form ());
          g_assert_false (sr_session_get_must_change_password (s));
          g_assert_cmpstr (sr_window_get_visible_page (window), ==, "main");
        }
      else
        {
          gtk_window_close (GTK_WINDOW (form));
          sr_gui_test_spin_idle ();
          g_assert_cmpstr (sr_window_get_visible_page (window), ==, "sign-in");
          g_assert_null (sr_context_get_session (ctx));
        }
    }
  gtk_window_destroy (GTK_WINDOW (window));
  sr_gui_test_spin_idle ();
  g_clear_object (&gw);
  g_clear_object (&ctx);
  sr_test_context_finish (g_steal_pointer (&admin));
}

/* A person's erasure from their page: the manager's form, then the page says so; a
 * consultant sees where the information came from, and no such button. */
static void
test_erase_person (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_PROPERTY);
  g_autoptr(SrContext) mgr = sr_test_context_as (admin, "jingli", SR_ROLE_MANAGER);
  g_autoptr(SrContext) gw = sr_test_context_as (admin, "guwen", SR_ROLE_CONSULTANT);
  const char *phones[] = { "13912340000", NULL };
  SrCustomerInput in = { "要删除的人", NULL, "walk-in", 0, NULL, sr_test_staff_id (gw), phones, FALSE, 0 };
  gint64 customer = sr_customers_add (mgr, &in, NULL);
  SrWindow *window = sr_window_new (NULL, gw, NULL);
  GtkWidget *page;
  SrForm *form;

  g_assert_cmpint (customer, >, 0);
  show_as (window, gw, "customers");
  page = sr_customer_window_new (GTK_WIDGET (window), gw, customer);
  gtk_window_present (GTK_WINDOW (page));
  sr_gui_test_spin_idle ();
  g_assert_nonnull (sr_gui_test_find (page, "Where it came from"));
  g_assert_null (sr_gui_test_find (page, "Erase…"));
  gtk_window_destroy (GTK_WINDOW (page));
  gtk_window_destroy (GTK_WINDOW (window));
  sr_gui_test_spin_idle ();

  window = sr_window_new (NULL, mgr, NULL);
  show_as (window, mgr, "customers");
  page = sr_customer_window_new (GTK_WIDGET (window), mgr, customer);
  gtk_window_present (GTK_WINDOW (page));
  sr_gui_test_spin_idle ();
  sr_gui_test_click (page, "Erase…");
  sr_gui_test_spin_idle ();
  form = find_form ();
  g_assert_nonnull (form);
  /* Who asked is required: refused, the form stays. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL));
  sr_gui_test_spin_idle ();
  g_assert_true (find_form () == form);
  g_assert_true (sr_gui_test_has_error (GTK_WIDGET (form)));
  sr_gui_test_type (GTK_WIDGET (form), "Who asked (the customer, or who acts for them)", "客户本人");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL));
  sr_gui_test_spin_idle ();
  g_assert_null (find_form ());
  g_assert_nonnull (sr_gui_test_find (page, "Erased on request"));
  g_assert_null (sr_gui_test_find (page, "要删除的人"));
  gtk_window_destroy (GTK_WINDOW (page));
  gtk_window_destroy (GTK_WINDOW (window));
  sr_gui_test_spin_idle ();
  g_clear_object (&mgr);
  g_clear_object (&gw);
  sr_test_context_finish (g_steal_pointer (&admin));
}

/* The audit log in Admin: what happened, found by text; a consultant has no such page. */
static void
test_audit_view (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_PROPERTY);
  g_autoptr(SrContext) mgr = sr_test_context_as (admin, "jingli", SR_ROLE_MANAGER);
  g_autoptr(SrContext) gw = sr_test_context_as (admin, "guwen", SR_ROLE_CONSULTANT);
  SrWindow *window = sr_window_new (NULL, mgr, NULL);
  GtkWidget *w = GTK_WIDGET (window);
  GtkWidget *search;

  g_assert_true (sr_settings_set (admin, "ownership.lapse_days", "9", NULL));
  show_as (window, mgr, "admin/audit");
  search = find_search (w, "Person, customer, number…");
  search_for (search, "ownership.lapse_days");
  g_assert_nonnull (sr_gui_test_find (w, "1 entry."));
  search_for (search, "no such thing at all");
  g_assert_nonnull (sr_gui_test_find (w, "Nothing Matches"));
  gtk_window_destroy (GTK_WINDOW (window));
  sr_gui_test_spin_idle ();
  window = sr_window_new (NULL, gw, NULL);
  gtk_window_present (GTK_WINDOW (window));
  sr_window_sign_in_as (window, sr_context_get_session (gw));
  g_assert_false (sr_window_show_page (window, "admin/audit"));
  gtk_window_destroy (GTK_WINDOW (window));
  sr_gui_test_spin_idle ();
  g_clear_object (&mgr);
  g_clear_object (&gw);
  sr_test_context_finish (g_steal_pointer (&admin));
}

/* The idle lock: the data and the windows over it go out of sight; no Back, no Ctrl+L
 * around it; the same person's password brings everything back as it was; another
 * person's sign-in closes what the first had open. */
static void
test_idle_lock (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_PROPERTY);
  g_autoptr(SrContext) desk = sr_test_context_as (admin, "qiantai", SR_ROLE_RECEPTIONIST);
  g_autoptr(SrContext) mgr = sr_test_context_as (admin, "jingli", SR_ROLE_MANAGER);
  SrWindow *window = sr_window_new (NULL, desk, NULL);
  GtkWidget *w = GTK_WIDGET (window);
  GtkWidget *record;

  show_as (window, desk, "customers");
  record = sr_record_window_new (w, desk, 400, 300);
  gtk_window_set_title (GTK_WINDOW (record), "客户资料");
  gtk_window_present (GTK_WINDOW (record));
  sr_gui_test_spin_idle ();

  sr_window_lock (window);
  sr_gui_test_spin_idle ();
  g_assert_true (sr_window_is_locked (window));
  g_assert_cmpstr (sr_window_get_visible_page (window), ==, "sign-in");
  g_assert_false (gtk_widget_get_visible (record));
  g_assert_null (sr_gui_test_find (w, "Back"));
  g_assert_true (gtk_widget_activate_action (w, "win.switch-person", NULL));
  sr_gui_test_spin_idle ();
  g_assert_null (sr_gui_test_find (w, "Back"));
  g_assert_true (sr_window_is_locked (window));
  /* The sign-in name is the locked person's; a wrong password keeps it locked. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sr_gui_test_find (w, "Sign-in name"))), ==, "qiantai");
  sr_gui_test_type (w, "Password", "wrong-one");
  sr_gui_test_click (w, "Sign In");
  g_assert_true (sr_window_is_locked (window));
  sr_gui_test_type (w, "Password", "password1");
  sr_gui_test_click (w, "Sign In");
  sr_gui_test_spin_idle ();
  g_assert_false (sr_window_is_locked (window));
  g_assert_cmpstr (sr_window_get_visible_page (window), ==, "main");
  g_assert_true (gtk_widget_get_visible (record));

  /* Locked again, and the manager signs in instead: the desk's window is closed. */
  g_object_add_weak_pointer (G_OBJECT (record), (gpointer *) &record);
  sr_window_lock (window);
  sr_gui_test_type (w, "Sign-in name", "jingli");
  sr_gui_test_type (w, "Password", "password1");
  sr_gui_test_click (w, "Sign In");
  sr_gui_test_spin_idle ();
  g_assert_false (sr_window_is_locked (window));
  g_assert_null (record);
  g_assert_cmpint (sr_session_get_staff_id (sr_context_get_session (desk)), ==, sr_test_staff_id (mgr));
  gtk_window_destroy (GTK_WINDOW (window));
  sr_gui_test_spin_idle ();
  g_clear_object (&mgr);
  g_clear_object (&desk);
  sr_test_context_finish (g_steal_pointer (&admin));
}

/* Targets: the customer manager sets a consultant's month; the row shows it. */
static void
test_performance_page (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_PROPERTY);
  g_autoptr(SrContext) sup = sr_test_context_as (admin, "zhuguan", SR_ROLE_CUSTOMER_MANAGER);
  g_autoptr(SrContext) gw = sr_test_context_as (admin, "guwen", SR_ROLE_CONSULTANT);
  SrWindow *window = sr_window_new (NULL, sup, NULL);
  GtkWidget *w = GTK_WIDGET (window);
  SrForm *form;

  show_as (window, sup, "performance");
  g_assert_nonnull (sr_gui_test_find (w, "guwen"));
  sr_gui_test_click (w, "Target…");
  sr_gui_test_spin_idle ();
  form = find_form ();
  g_assert_nonnull (form);
  sr_gui_test_type (GTK_WIDGET (form), "Deal value to sign, ¥ (产值)", "一百万");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL));
  sr_gui_test_spin_idle ();
  g_assert_true (find_form () == form);
  sr_gui_test_type (GTK_WIDGET (form), "Deal value to sign, ¥ (产值)", "1,000,000");
  sr_gui_test_type (GTK_WIDGET (form), "Contracts to sign", "2");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL));
  sr_gui_test_spin_idle ();
  g_assert_null (find_form ());
  g_assert_nonnull (sr_gui_test_find (w, "received 0 · appointments kept 0 · subscriptions 0 · signed 0 of 2 · "
                                         "value ¥0.00 of ¥1,000,000.00 (0%) · money in ¥0.00"));
  gtk_window_destroy (GTK_WINDOW (window));
  sr_gui_test_spin_idle ();
  g_clear_object (&sup);
  g_clear_object (&gw);
  sr_test_context_finish (g_steal_pointer (&admin));
}

static void
test_unopenable_database (void)
{
  g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "x.db is not a Salesroom database");
  SrWindow *window = sr_window_new (NULL, NULL, error);

  gtk_window_present (GTK_WINDOW (window));
  sr_gui_test_spin_idle ();
  g_assert_cmpstr (sr_window_get_visible_page (window), ==, "error");
  gtk_window_destroy (GTK_WINDOW (window));
  sr_gui_test_spin_idle ();
}

static void
test_live_refresh (void)
{
  live_refresh ();
}

/* Another PC renames a customer shown in the list: that row changes where it is; the
 * list keeps its model (its place, what is selected), and one more customer reads it
 * again. */
static void
test_live_customer_row (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_PROPERTY);
  g_autoptr(SrContext) mgr = sr_test_context_as (admin, "jingli", SR_ROLE_MANAGER);
  g_autoptr(GError) error = NULL;
  g_autoptr(SrDb) other_db = sr_db_open (sr_db_get_path (sr_context_get_db (admin)), SR_DB_OPEN_EXISTING, &error);
  g_autoptr(SrContext) other = sr_context_new (other_db, sr_context_get_clock (admin));
  g_autoptr(SrSession) session = NULL;
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  SrWindow *window = sr_window_new (NULL, mgr, NULL);
  GtkWidget *w = GTK_WIDGET (window);
  GtkColumnView *view;
  GListModel *before;
  gint64 renamed = 0, until;

  for (int i = 0; i < 3; i++)
    {
      g_autofree char *phone = g_strdup_printf ("1391234500%d", i);
      g_autofree char *name = g_strdup_printf ("客户%d", i);
      const char *phones[] = { phone, NULL };
      SrCustomerInput in = { name, NULL, "walk-in", 0, NULL, 0, phones, FALSE, 0 };
      renamed = sr_customers_add (mgr, &in, &error);
      g_assert_no_error (error);
    }
  session = sr_staff_sign_in (other, "jingli", "password1", &error);
  g_assert_no_error (error);
  sr_context_set_session (other, session);
  show_as (window, mgr, "customers");
  g_assert_nonnull (sr_gui_test_find (w, "客户2"));
  view = GTK_COLUMN_VIEW (find_of_type (w, GTK_TYPE_COLUMN_VIEW));
  before = gtk_single_selection_get_model (GTK_SINGLE_SELECTION (gtk_column_view_get_model (view)));
  sr_gui_test_spin_idle ();

  g_hash_table_insert (values, "name", "改过名的客户");
  g_assert_true (sr_customers_update_details (other, renamed, values, &error));
  g_assert_no_error (error);
  until = g_get_monotonic_time () + 4 * G_USEC_PER_SEC;
  while (sr_gui_test_find (w, "改过名的客户") == NULL && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (sr_gui_test_find (w, "改过名的客户"));
  g_assert_true (gtk_single_selection_get_model (GTK_SINGLE_SELECTION (gtk_column_view_get_model (view))) == before);

  /* One more customer: the list is read again, with them. */
  {
    const char *phones[] = { "13912345009", NULL };
    SrCustomerInput in = { "新来的客户", NULL, "walk-in", 0, NULL, 0, phones, FALSE, 0 };
    g_assert_cmpint (sr_customers_add (other, &in, &error), >, 0);
  }
  until = g_get_monotonic_time () + 4 * G_USEC_PER_SEC;
  while (sr_gui_test_find (w, "新来的客户") == NULL && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (sr_gui_test_find (w, "新来的客户"));

  gtk_window_destroy (GTK_WINDOW (window));
  sr_gui_test_spin_idle ();
  g_clear_object (&other);
  g_clear_object (&mgr);
  sr_test_context_finish (g_steal_pointer (&admin));
}

/* Another PC holds a unit: on the controller's grid that one cell changes colour where it
 * is (the grid keeps its plan: the building is not read again) and the counts follow. */
static void
test_live_unit_cell (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_PROPERTY);
  g_autoptr(SrContext) ctl = sr_test_context_as (admin, "xiaokong", SR_ROLE_SALES_CONTROLLER);
  g_autoptr(GError) error = NULL;
  g_autoptr(SrDb) other_db = sr_db_open (sr_db_get_path (sr_context_get_db (admin)), SR_DB_OPEN_EXISTING, &error);
  g_autoptr(SrContext) other = sr_context_new (other_db, sr_context_get_clock (admin));
  g_autoptr(SrSession) cli = sr_session_new_command_line ();
  SrUnitColumn column = { "两室两厅", 8936, 1200000 };
  SrBuildingPlan plan = { "1号楼", 3, 0, 1, &column, 0, FALSE };
  gint64 project = sr_projects_add (admin, "翠湖", NULL, &error);
  gint64 building = sr_buildings_create (admin, project, &plan, &error);
  g_autoptr(GPtrArray) units = sr_units_list (admin, building, &error);
  gint64 unit = ((SrUnit *) g_ptr_array_index (units, 1))->id;
  SrWindow *window = sr_window_new (NULL, ctl, NULL);
  SrUnitGrid *grid;
  SrGridPlan *grid_plan;
  SrUnit *shown = NULL;
  gint64 until;

  g_assert_no_error (error);
  sr_context_set_session (other, cli);
  show_as (window, ctl, "units");
  grid = SR_UNIT_GRID (find_of_type (GTK_WIDGET (window), SR_TYPE_UNIT_GRID));
  grid_plan = sr_unit_grid_get_plan (grid);
  for (guint i = 0; i < grid_plan->cells->len; i++)
    if (g_array_index (grid_plan->cells, SrGridCell, i).unit->id == unit)
      shown = g_array_index (grid_plan->cells, SrGridCell, i).unit;
  g_assert_nonnull (shown);
  g_assert_cmpint (shown->status, ==, SR_UNIT_AVAILABLE);
  sr_gui_test_spin_idle ();

  g_assert_true (sr_units_hold (other, unit, &error));
  g_assert_no_error (error);
  until = g_get_monotonic_time () + 4 * G_USEC_PER_SEC;
  /* (A building read again would replace the plan, and @shown with it.) */
  while (sr_unit_grid_get_plan (grid) == grid_plan && shown->status != SR_UNIT_HELD &&
         g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (sr_unit_grid_get_plan (grid) == grid_plan);
  g_assert_cmpint (shown->status, ==, SR_UNIT_HELD);
  g_assert_nonnull (find_label_with (GTK_WIDGET (window), "Held 1"));
  g_assert_nonnull (find_label_with (GTK_WIDGET (window), "Available 2"));

  gtk_window_destroy (GTK_WINDOW (window));
  sr_gui_test_spin_idle ();
  g_clear_object (&other);
  g_clear_object (&ctl);
  sr_test_context_finish (g_steal_pointer (&admin));
}

/* The same on the office server: the other PC's change reaches this window's list by
 * NOTIFY. */
static void
test_live_refresh_server (void)
{
  g_autofree char *before = g_strdup (g_getenv ("SALESROOM_TEST_BACKEND"));

  g_setenv ("SALESROOM_TEST_BACKEND", "postgresql", TRUE);
  live_refresh ();
  if (before != NULL)
    g_setenv ("SALESROOM_TEST_BACKEND", before, TRUE);
  else
    g_unsetenv ("SALESROOM_TEST_BACKEND");
}

/* Connecting this PC to the office server: the address made of the fields; a field
 * missing says so and keeps what was typed; a server that answers is kept in the
 * settings (without the password). */
static void
test_server_dialog (void)
{
  g_autofree char *server = sr_test_new_server_database ();
  g_autoptr(GUri) uri = g_uri_parse (server, G_URI_FLAGS_NONE, NULL);
  g_autoptr(GHashTable) params = g_uri_parse_params (g_uri_get_query (uri), -1, "&", G_URI_PARAMS_NONE, NULL);
  const char *socket_dir = g_hash_table_lookup (params, "host");
  g_autofree char *a = sr_server_address ("192.168.1.10", "", "salesroom", "salesroom_pc", TRUE);
  g_autofree char *b = sr_server_address ("db.example.com", "6432", "售楼处", "pc one", FALSE);
  g_autofree char *c = sr_server_address ("server", "99999", "salesroom", "pc", TRUE);
  g_autofree char *d = sr_server_address ("", "", "salesroom", "pc", TRUE);
  g_autoptr(GSettings) settings = sr_settings_load ();
  GtkWidget *parent = gtk_window_new ();
  GtkWidget *dialog;
  gint64 until;
  gboolean gone = FALSE;

  g_assert_cmpstr (a, ==, "postgresql://salesroom_pc@192.168.1.10/salesroom?sslmode=require&connect_timeout=5");
  g_assert_cmpstr (b, ==, "postgresql://pc%20one@db.example.com:6432/%E5%94%AE%E6%A5%BC%E5%A4%84?sslmode=prefer&connect_timeout=5");
  g_assert_null (c);
  g_assert_null (d);

  gtk_window_present (GTK_WINDOW (parent));
  dialog = sr_server_dialog_new (GTK_WINDOW (parent), a);
  gtk_window_present (GTK_WINDOW (dialog));
  sr_gui_test_spin_idle ();
  /* Filled from the address it was given. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sr_gui_test_find (dialog, "Server (name or IP address)"))), ==,
                   "192.168.1.10");
  /* No database: said, and what was typed stays. */
  sr_gui_test_type (dialog, "Database", "");
  sr_gui_test_click (dialog, "Connect");
  sr_gui_test_spin_idle ();
  g_assert_true (sr_gui_test_has_error (dialog));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sr_gui_test_find (dialog, "Server (name or IP address)"))), ==,
                   "192.168.1.10");

  /* The test server, on its socket folder: it connects, the window goes, the settings keep
   * the address. */
  sr_gui_test_type (dialog, "Server (name or IP address)", socket_dir);
  sr_gui_test_type (dialog, "Database", g_uri_get_path (uri) + 1);
  sr_gui_test_type (dialog, "This PC's sign-in role on the server", "postgres");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  sr_gui_test_click (dialog, "Connect");
  until = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (dialog != NULL && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  gone = dialog == NULL;
  g_assert_true (gone);
  if (settings != NULL)
    {
      g_autofree char *kept = g_settings_get_string (settings, "database");
      g_autofree char *after = NULL;
      g_assert_true (g_str_has_prefix (kept, "postgresql://postgres@/"));
      g_assert_nonnull (strstr (kept, g_uri_get_path (uri) + 1));

      /* The way back: this PC's own database file. */
      dialog = sr_server_dialog_new (GTK_WINDOW (parent), kept);
      gtk_window_present (GTK_WINDOW (dialog));
      g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
      sr_gui_test_spin_idle ();
      sr_gui_test_click (dialog, "Use This PC's Own Database Instead");
      sr_gui_test_spin_idle ();
      g_assert_null (dialog);
      after = g_settings_get_string (settings, "database");
      g_assert_cmpstr (after, ==, "");
    }
  gtk_window_destroy (GTK_WINDOW (parent));
  sr_gui_test_spin_idle ();
}

static gboolean
secret_service_running (GDBusConnection *bus)
{
  g_autoptr(GVariant) reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                                           "org.freedesktop.DBus", "NameHasOwner",
                                                           g_variant_new ("(s)", "org.freedesktop.secrets"),
                                                           G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  gboolean owned = FALSE;
  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);
  return owned;
}

static void
assert_kept (const char *address,
             const char *password)
{
  g_autofree char *kept = sr_keyring_lookup (address);
  g_assert_cmpstr (kept, ==, password);
}

/* A gnome-keyring of the tests' own, in a temporary folder, on the tests' session bus, for
 * the whole run: nothing is written in the person's keyring, and D-Bus does not start the
 * desktop's own. NULL when there is no gnome-keyring-daemon or a keyring already runs on
 * this bus (a desktop's: then it is left alone). */
static GSubprocess *own_keyring;

static GSubprocess *
start_own_keyring (void)
{
  g_autofree char *daemon = g_find_program_in_path ("gnome-keyring-daemon");
  g_autofree char *dir = NULL;
  g_autoptr(GDBusConnection) bus = g_getenv ("DBUS_SESSION_BUS_ADDRESS") != NULL
                                   ? g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL) : NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  GSubprocess *keyring;
  gint64 until;

  if (daemon == NULL || bus == NULL || secret_service_running (bus))
    return NULL;
  dir = sr_test_tmp_dir ();
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                        G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_setenv (launcher, "HOME", dir, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", dir, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_RUNTIME_DIR", dir, TRUE);
  keyring = g_subprocess_launcher_spawn (launcher, &error, daemon, "--foreground", "--unlock", "--components=secrets", NULL);
  g_assert_no_error (error);
  /* --unlock: the new login keyring's password, on standard input. */
  g_assert_true (g_output_stream_write_all (g_subprocess_get_stdin_pipe (keyring), "test-pass", 9, NULL, NULL, &error));
  g_assert_true (g_output_stream_close (g_subprocess_get_stdin_pipe (keyring), NULL, &error));
  until = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (!secret_service_running (bus) && g_get_monotonic_time () < until)
    g_usleep (50000);
  g_assert_true (secret_service_running (bus));
  return keyring;
}

/* The office server's password in the desktop keyring: kept by address and found again,
 * replaced, nothing for another address, cleared when the server needs none; the Office
 * Server dialog puts the password there and only the address in the settings, and shows it
 * again when opened on that address. */
static void
test_keyring (void)
{
  g_autoptr(GError) error = NULL;
  const char *a = "postgresql://salesroom_pc@192.168.1.10/salesroom?sslmode=require&connect_timeout=5";
  const char *b = "postgresql://salesroom_pc@192.168.1.11/salesroom?sslmode=require&connect_timeout=5";
  const char *secret = "pc-secret 钥匙";
  gint64 until;

  if (own_keyring == NULL)
    {
      g_test_skip ("needs gnome-keyring-daemon (build-aux/setup) and a session bus without a keyring of its own "
                   "(build-aux/test gives one)");
      return;
    }
  assert_kept (a, NULL);
  g_assert_true (sr_keyring_store (a, "first", &error));
  g_assert_no_error (error);
  assert_kept (a, "first");
  g_assert_true (sr_keyring_store (a, secret, &error));
  assert_kept (a, secret);
  assert_kept (b, NULL);
  g_assert_true (sr_keyring_store (a, "", &error));
  g_assert_no_error (error);
  assert_kept (a, NULL);

  /* Through the dialog, on the test server (it trusts its socket: the password is only kept). */
  {
    g_autofree char *server = sr_test_new_server_database ();
    g_autoptr(GUri) uri = g_uri_parse (server, G_URI_FLAGS_NONE, NULL);
    g_autoptr(GHashTable) params = g_uri_parse_params (g_uri_get_query (uri), -1, "&", G_URI_PARAMS_NONE, NULL);
    g_autoptr(GSettings) settings = sr_settings_load ();
    g_autofree char *kept = NULL;
    GtkWidget *parent = gtk_window_new ();
    GtkWidget *dialog;

    if (settings == NULL)
      {
        g_test_skip ("no settings schema");
        gtk_window_destroy (GTK_WINDOW (parent));
      }
    else
      {
        gtk_window_present (GTK_WINDOW (parent));
        dialog = sr_server_dialog_new (GTK_WINDOW (parent), NULL);
        gtk_window_present (GTK_WINDOW (dialog));
        sr_gui_test_spin_idle ();
        sr_gui_test_type (dialog, "Server (name or IP address)", g_hash_table_lookup (params, "host"));
        sr_gui_test_type (dialog, "Database", g_uri_get_path (uri) + 1);
        sr_gui_test_type (dialog, "This PC's sign-in role on the server", "postgres");
        sr_gui_test_type (dialog, "Its password (kept in the desktop keyring)", secret);
        g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
        sr_gui_test_click (dialog, "Connect");
        until = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
        while (dialog != NULL && g_get_monotonic_time () < until)
          g_main_context_iteration (NULL, TRUE);
        g_assert_null (dialog);
        kept = g_settings_get_string (settings, "database");
        g_assert_true (g_str_has_prefix (kept, "postgresql://postgres@/"));
        g_assert_null (strstr (kept, "pc-secret"));
        assert_kept (kept, secret);

        dialog = sr_server_dialog_new (GTK_WINDOW (parent), kept);
        gtk_window_present (GTK_WINDOW (dialog));
        sr_gui_test_spin_idle ();
        g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sr_gui_test_find (dialog, "Its password (kept in the desktop keyring)"))),
                         ==, secret);
        gtk_window_destroy (GTK_WINDOW (dialog));
        gtk_window_destroy (GTK_WINDOW (parent));
        sr_gui_test_spin_idle ();
        g_settings_set_string (settings, "database", "");
      }
  }
}

int
main (int argc, char *argv[])
{
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  sr_fault_vfs_install ();   /* passes everything through until a test arms it */
  g_test_add_func ("/gui/first-run-to-admin", test_first_run_to_admin);
  g_test_add_func ("/gui/sample-office", test_sample_office);
  g_test_add_func ("/gui/roles-see-their-pages", test_roles_see_their_pages);
  g_test_add_func ("/gui/add-staff-form", test_add_staff_form);
  g_test_add_func ("/gui/front-desk", test_front_desk);
  g_test_add_func ("/gui/customers-page", test_customers_page);
  g_test_add_func ("/gui/live-refresh", test_live_refresh);
  g_test_add_func ("/gui/live-refresh-server", test_live_refresh_server);
  g_test_add_func ("/gui/live-unit-cell", test_live_unit_cell);
  g_test_add_func ("/gui/live-customer-row", test_live_customer_row);
  g_test_add_func ("/gui/money-busy-day", test_money_busy_day);
  g_test_add_func ("/gui/server-dialog", test_server_dialog);
  g_test_add_func ("/gui/keyring", test_keyring);
  g_test_add_func ("/gui/appointment-reminder", test_appointment_reminder);
  g_test_add_func ("/gui/supervisor-desk", test_supervisor_desk);
  g_test_add_func ("/gui/units-page", test_units_page);
  g_test_add_func ("/gui/money-page", test_money_page);
  g_test_add_func ("/gui/price-import", test_price_import);
  g_test_add_func ("/gui/change-and-cancel", test_change_and_cancel);
  g_test_add_func ("/gui/problems-page", test_problems_page);
  g_test_add_func ("/gui/contracts", test_contracts);
  g_test_add_func ("/gui/pipeline-board", test_pipeline_board);
  g_test_add_func ("/gui/dispatch-page", test_dispatch_page);
  g_test_add_func ("/gui/visits-page", test_visits_page);
  g_test_add_func ("/gui/performance-page", test_performance_page);
  g_test_add_func ("/gui/housekeeping", test_housekeeping);
  g_test_add_func ("/gui/quotes", test_quotes);
  g_test_add_func ("/gui/registers-page", test_registers_page);
  g_test_add_func ("/gui/overview-page", test_overview_page);
  g_test_add_func ("/gui/backups-view", test_backups_view);
  g_test_add_func ("/gui/idle-lock", test_idle_lock);
  g_test_add_func ("/gui/audit-view", test_audit_view);
  g_test_add_func ("/gui/forced-password-change", test_forced_password_change);
  g_test_add_func ("/gui/full-disk-form", test_full_disk_form);
  g_test_add_func ("/gui/erase-person", test_erase_person);
  g_test_add_func ("/gui/restore-from-window", test_restore_from_window);
  g_test_add_func ("/gui/unopenable-database", test_unopenable_database);
  own_keyring = start_own_keyring ();
  status = g_test_run ();
  if (own_keyring != NULL)
    {
      g_subprocess_force_exit (own_keyring);
      g_subprocess_wait (own_keyring, NULL, NULL);
      g_clear_object (&own_keyring);
    }
  return status;
}
