/* The window as a person meets it: the first-run assistant, signing in, the admin
 * screens, switching person, signing out. Runs under Xvfb. */
#include "config.h"

#include <adwaita.h>
#include <locale.h>

#include "common/sr-test-util.h"
#include "core/sr-office.h"
#include "gui/sr-window.h"

static void
spin_idle (void)
{
  for (int i = 0; i < 50 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

/* Finds a widget under @root by the text a person sees: a row title, a button label
 * (mnemonic underscores ignored) or a label. */
static GtkWidget *
find (GtkWidget  *root,
      const char *text)
{
  const char *seen = NULL;
  g_autofree char *plain = NULL;

  if (ADW_IS_PREFERENCES_ROW (root))
    seen = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root));
  else if (GTK_IS_BUTTON (root))
    seen = gtk_button_get_label (GTK_BUTTON (root));
  else if (GTK_IS_LABEL (root))
    seen = gtk_label_get_text (GTK_LABEL (root));
  if (seen != NULL)
    {
      GString *s = g_string_new (NULL);
      for (const char *p = seen; *p; p++)
        if (*p != '_')
          g_string_append_c (s, *p);
      plain = g_string_free (s, FALSE);
      if (g_strcmp0 (plain, text) == 0 && gtk_widget_get_mapped (root))
        return root;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find (c, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
type_into (GtkWidget  *root,
           const char *title,
           const char *text)
{
  GtkWidget *row = find (root, title);
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
click (GtkWidget  *root,
       const char *label)
{
  GtkWidget *button = find (root, label);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  spin_idle ();
}

static gboolean
has_visible_error (GtkWidget *root)
{
  if (GTK_IS_LABEL (root) && gtk_widget_has_css_class (root, "error") &&
      gtk_widget_get_mapped (root) && *gtk_label_get_text (GTK_LABEL (root)) != '\0')
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (has_visible_error (c))
      return TRUE;
  return FALSE;
}

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
  spin_idle ();
  g_assert_cmpstr (sr_window_get_visible_page (window), ==, "setup");

  type_into (w, "Office name", "翠湖天地售楼处");
  type_into (w, "Name", "王管理");
  type_into (w, "Sign-in name", "wangadmin");
  type_into (w, "Password (at least 6 characters)", "secret-1");
  type_into (w, "Password again", "secret-2");
  click (w, "Create Office");
  /* Mismatch: a message, nothing created, everything typed kept. */
  g_assert_cmpstr (sr_window_get_visible_page (window), ==, "setup");
  g_assert_true (has_visible_error (w));
  g_assert_true (sr_office_exists (ctx, &exists, NULL));
  g_assert_false (exists);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (w, "Office name"))), ==, "翠湖天地售楼处");

  type_into (w, "Password again", "secret-1");
  click (w, "Create Office");
  g_assert_cmpstr (sr_window_get_visible_page (window), ==, "sign-in");
  g_assert_true (sr_office_exists (ctx, &exists, NULL));
  g_assert_true (exists);

  /* Wrong password first. */
  type_into (w, "Sign-in name", "wangadmin");
  type_into (w, "Password", "nope-nope");
  click (w, "Sign In");
  g_assert_cmpstr (sr_window_get_visible_page (window), ==, "sign-in");
  g_assert_true (has_visible_error (w));
  type_into (w, "Password", "secret-1");
  click (w, "Sign In");
  g_assert_cmpstr (sr_window_get_visible_page (window), ==, "main");
  g_assert_nonnull (find (w, "王管理"));       /* the person button */
  g_assert_true (sr_window_show_page (window, "admin/staff"));
  spin_idle ();
  g_assert_nonnull (find (w, "wangadmin"));    /* a cell of the staff list */
  g_assert_true (sr_window_show_page (window, "admin/units"));
  spin_idle ();
  g_assert_nonnull (find (w, "No Projects Yet"));
  g_assert_true (sr_window_show_page (window, "admin/stages"));
  spin_idle ();
  g_assert_nonnull (find (w, "Subscribed"));   /* a stage of the property preset */

  /* Switch person and come back; then sign out. */
  g_assert_true (gtk_widget_activate_action (w, "win.switch-person", NULL));
  spin_idle ();
  g_assert_cmpstr (sr_window_get_visible_page (window), ==, "sign-in");
  click (w, "Back");
  g_assert_cmpstr (sr_window_get_visible_page (window), ==, "main");
  g_assert_true (gtk_widget_activate_action (w, "win.sign-out", NULL));
  spin_idle ();
  g_assert_cmpstr (sr_window_get_visible_page (window), ==, "sign-in");
  g_assert_null (sr_context_get_session (ctx));

  gtk_window_destroy (GTK_WINDOW (window));
  spin_idle ();
  sr_test_remove_tree (dir);
}

static void
test_roles_see_their_pages (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_DECORATION);
  g_autoptr(SrContext) rec = sr_test_context_as (admin, "qiantai", SR_ROLE_RECEPTIONIST);
  SrWindow *window = sr_window_new (NULL, admin, NULL);

  gtk_window_present (GTK_WINDOW (window));
  spin_idle ();
  /* A decoration office has no unit grid: no units section even for the administrator. */
  sr_window_sign_in_as (window, sr_context_get_session (admin));
  spin_idle ();
  g_assert_true (sr_window_show_page (window, "admin/staff"));
  g_assert_false (sr_window_show_page (window, "admin/units"));
  /* A receptionist has no admin page. */
  sr_window_sign_in_as (window, sr_context_get_session (rec));
  spin_idle ();
  g_assert_false (sr_window_show_page (window, "admin"));
  g_assert_true (sr_window_show_page (window, "welcome"));
  gtk_window_destroy (GTK_WINDOW (window));
  spin_idle ();
  g_clear_object (&rec);
  sr_test_context_finish (g_steal_pointer (&admin));
}

static void
test_unopenable_database (void)
{
  g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "x.db is not a Salesroom database");
  SrWindow *window = sr_window_new (NULL, NULL, error);

  gtk_window_present (GTK_WINDOW (window));
  spin_idle ();
  g_assert_cmpstr (sr_window_get_visible_page (window), ==, "error");
  gtk_window_destroy (GTK_WINDOW (window));
  spin_idle ();
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/gui/first-run-to-admin", test_first_run_to_admin);
  g_test_add_func ("/gui/roles-see-their-pages", test_roles_see_their_pages);
  g_test_add_func ("/gui/unopenable-database", test_unopenable_database);
  return g_test_run ();
}
