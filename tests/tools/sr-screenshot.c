/* sr-screenshot — opens one screen of Salesroom on a database and writes a PNG.
 *
 *   sr-screenshot --db FILE [--user LOGIN] [--page NAME] [--size WxH] [--customer ID]
 *                 [--action NAME] [--type 'FIELD=TEXT'…] -o FILE.png
 *
 * NAME: setup, sign-in, welcome, frontdesk, admin/staff, admin/units, admin/media, admin/stages,
 * admin/office. --type fills the entry whose placeholder or row title is FIELD (as shown,
 * so in the locale's language) before the picture is taken. --user signs that person in without a password (the tool is for
 * looking at screens, never shipped). Needs a display (xvfb-run). */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "common/sr-gui-test-util.h"
#include "core/sr-staff.h"
#include "gui/customers/sr-customers-page.h"
#include "gui/units/sr-price-import-window.h"
#include "gui/units/sr-units-page.h"
#include "gui/sr-server-dialog.h"
#include "gui/sr-window.h"

static gboolean
wait_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, wait_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Waits (up to 30 s) until @widget is on screen with a size, then until nothing is
 * pending: a slow page on the large demo is shot when it is drawn, not before. */
static void
settle (GtkWidget *widget)
{
  for (int i = 0; i < 300 && (!gtk_widget_get_mapped (widget) || gtk_widget_get_width (widget) == 0); i++)
    spin (100);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Scrolls every scrolled window under @widget to its end (bottom and right). */
static void
scroll_to_end (GtkWidget *widget)
{
  if (GTK_IS_SCROLLED_WINDOW (widget))
    {
      GtkAdjustment *adjs[] = { gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (widget)),
                                gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (widget)) };
      for (guint i = 0; i < G_N_ELEMENTS (adjs); i++)
        gtk_adjustment_set_value (adjs[i], gtk_adjustment_get_upper (adjs[i]) - gtk_adjustment_get_page_size (adjs[i]));
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    scroll_to_end (c);
}

int
main (int argc, char *argv[])
{
  g_autofree char *db_path = NULL, *user = NULL, *page = NULL, *size = NULL, *output = NULL;
  g_autofree char *server_address = NULL;
  gint64 customer = 0, unit = 0;
  gboolean to_end = FALSE;
  g_autofree char *import_file = NULL;
  g_autofree char *click = NULL;
  g_autofree char *action = NULL;
  g_autofree char *day = NULL;
  g_auto(GStrv) typed = NULL;
  GtkWidget *shown;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, "database", "FILE" },
    { "day", 0, 0, G_OPTION_ARG_STRING, &day, "the clock says 10:30 on this day (the demo's today)", "YYYY-MM-DD" },
    { "user", 0, 0, G_OPTION_ARG_STRING, &user, "sign in as", "LOGIN" },
    { "page", 0, 0, G_OPTION_ARG_STRING, &page, "screen", "NAME" },
    { "size", 0, 0, G_OPTION_ARG_STRING, &size, "window size", "WxH" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "PNG to write", "FILE" },
    { "customer", 0, 0, G_OPTION_ARG_INT64, &customer, "show this customer's page instead", "ID" },
    { "unit", 0, 0, G_OPTION_ARG_INT64, &unit, "show this unit's panel instead", "ID" },
    { "click", 0, 0, G_OPTION_ARG_STRING, &click, "click the button with this label on the page first", "LABEL" },
    { "import", 0, 0, G_OPTION_ARG_FILENAME, &import_file, "show the price-list import preview of this CSV file", "FILE" },
    { "scroll-to-end", 0, 0, G_OPTION_ARG_NONE, &to_end, "scroll the shown window to its end", NULL },
    { "type", 0, 0, G_OPTION_ARG_STRING_ARRAY, &typed, "type TEXT into the entry FIELD of the page", "FIELD=TEXT" },
    { "server-dialog", 0, 0, G_OPTION_ARG_STRING, &server_address, "show the office server dialog, filled from this address", "postgresql://…" },
    { "action", 0, 0, G_OPTION_ARG_STRING, &action, "activate this action of the page (e.g. desk.receive) and show the window it opens", "NAME" },
    { NULL }
  };
  g_autoptr(GOptionContext) options = g_option_context_new ("- screenshot a Salesroom screen");
  g_autoptr(GError) error = NULL;
  g_autoptr(SrDb) db = NULL;
  g_autoptr(SrContext) ctx = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  GtkSnapshot *snapshot;
  GdkPaintable *paintable;
  SrWindow *window;
  int width = 1366, height = 768;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, &argc, &argv, &error) || db_path == NULL || output == NULL)
    {
      g_printerr ("%s\n", error != NULL ? error->message : "need --db and -o");
      return 2;
    }
  if (size != NULL && sscanf (size, "%dx%d", &width, &height) != 2)
    return 2;

  adw_init ();
  /* No cross-fades: a slow first page must not be caught half-way through one. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    "/io/github/salesroom/Salesroom/icons");
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
    gtk_css_provider_load_from_resource (css, "/io/github/salesroom/Salesroom/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }
  db = sr_db_open (db_path, SR_DB_OPEN_CREATE, &error);
  if (db != NULL && day != NULL)
    {
      g_autoptr(SrClock) clock = NULL;
      if (sr_day_start_unix (day) < 0)
        {
          g_printerr ("“%s” is not a day (YYYY-MM-DD)\n", day);
          return 2;
        }
      clock = sr_clock_new_fixed (sr_day_start_unix (day) + 10 * 3600 + 30 * 60);
      ctx = sr_context_new (db, clock);
    }
  else if (db != NULL)
    ctx = sr_context_new (db, NULL);
  window = sr_window_new (NULL, ctx, error);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  spin (300);

  if (user != NULL && ctx != NULL)
    {
      g_autoptr(SrStaffMember) m = sr_staff_find (ctx, 0, user, &error);
      g_autoptr(SrSession) session = NULL;
      if (m == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      session = sr_session_new_for_staff (m->id, m->login, m->display_name, m->roles);
      sr_window_sign_in_as (window, session);
    }
  if (page != NULL && !sr_window_show_page (window, page))
    {
      g_printerr ("no page %s for this person\n", page);
      return 1;
    }
  if (click != NULL)
    {
      spin (300);
      if (sr_gui_test_find (GTK_WIDGET (window), click) == NULL)
        {
          g_printerr ("nothing to click called %s\n", click);
          return 1;
        }
      sr_gui_test_click (GTK_WIDGET (window), click);
      spin (500);
    }
  spin (1200);
  shown = GTK_WIDGET (window);
  for (guint i = 0; typed != NULL && typed[i] != NULL; i++)
    {
      g_auto(GStrv) field = g_strsplit (typed[i], "=", 2);
      GtkWidget *entry = field[1] != NULL ? sr_gui_test_find (GTK_WIDGET (window), field[0]) : NULL;

      if (entry == NULL || !GTK_IS_EDITABLE (entry))
        {
          g_printerr ("no field %s here\n", field[0]);
          return 1;
        }
      gtk_editable_set_text (GTK_EDITABLE (entry), field[1]);
      spin (200);
    }
  if (action != NULL)
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
      g_autoptr(GList) before = gtk_window_list_toplevels ();
      g_autoptr(GList) after = NULL;

      if (focus == NULL || !gtk_widget_activate_action (focus, action, NULL))
        {
          g_printerr ("cannot activate %s here\n", action);
          return 1;
        }
      spin (700);
      after = gtk_window_list_toplevels ();
      for (GList *l = after; l != NULL; l = l->next)
        if (g_list_find (before, l->data) == NULL && gtk_widget_get_visible (l->data))
          shown = l->data;
    }
  if (unit > 0)
    {
      shown = sr_unit_window_new (GTK_WIDGET (window), ctx, unit);
      gtk_window_present (GTK_WINDOW (shown));
      spin (700);
    }
  if (import_file != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (import_file);
      shown = sr_price_import_window_new (GTK_WIDGET (window), ctx, file, "翠湖天地");
      gtk_window_present (GTK_WINDOW (shown));
      spin (700);
    }
  if (server_address != NULL)
    {
      shown = sr_server_dialog_new (GTK_WINDOW (window), *server_address != '\0' ? server_address : NULL);
      gtk_window_present (GTK_WINDOW (shown));
      spin (700);
    }
  if (customer > 0)
    {
      shown = sr_customer_window_new (GTK_WIDGET (window), ctx, customer);
      gtk_window_present (GTK_WINDOW (shown));
      spin (700);
    }

  if (to_end)
    {
      scroll_to_end (shown);
      spin (300);
    }
  settle (shown);
  paintable = gtk_widget_paintable_new (shown);
  width = gtk_widget_get_width (shown);
  height = gtk_widget_get_height (shown);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (shown)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_object_unref (paintable);
  if (!gdk_texture_save_to_png (texture, output))
    {
      g_printerr ("cannot write %s\n", output);
      return 1;
    }
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
