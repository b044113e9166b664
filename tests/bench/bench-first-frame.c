/* bench-first-frame — from main() to the first frame of the signed-in window on a
 * database (give the large demo): opening the store, building the window and the admin
 * screens, the first paint. Run under a display (xvfb-run). */
#include "config.h"

#include <adwaita.h>
#include <locale.h>

#include "core/sr-staff.h"
#include "gui/sr-window.h"

static gint64 started;
static GObject *loop_owner;

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       loop)
{
  g_print ("cold start to first frame of %s: %.1f ms\n", (const char *) g_object_get_data (G_OBJECT (loop_owner), "page"),
           (g_get_monotonic_time () - started) / 1000.0);
  g_signal_handlers_disconnect_by_func (clock, on_after_paint, loop);
  g_main_loop_quit (loop);
}

static void
on_map (GtkWidget *widget,
        gpointer   loop)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), loop);
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SrDb) db = NULL;
  g_autoptr(SrContext) ctx = NULL;
  g_autoptr(SrStaffMember) admin = NULL;
  g_autoptr(SrSession) session = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  SrWindow *window;

  started = g_get_monotonic_time ();
  setlocale (LC_ALL, "");
  if (argc < 2)
    {
      g_printerr ("usage: bench-first-frame DATABASE [PAGE [LOGIN]]\n");
      return 2;
    }
  adw_init ();
  db = sr_db_open (argv[1], SR_DB_OPEN_EXISTING, &error);
  if (db == NULL)
    g_error ("%s", error->message);
  ctx = sr_context_new (db, NULL);
  admin = sr_staff_find (ctx, 0, argc > 3 ? argv[3] : "admin", &error);
  if (admin == NULL)
    g_error ("%s", error->message);
  session = sr_session_new_for_staff (admin->id, admin->login, admin->display_name, admin->roles);
  window = sr_window_new (NULL, ctx, NULL);
  loop_owner = G_OBJECT (window);
  g_object_set_data (G_OBJECT (window), "page", argc > 2 ? argv[2] : "admin/units");
  sr_window_sign_in_as (window, session);
  sr_window_show_page (window, argc > 2 ? argv[2] : "admin/units");
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  g_signal_connect (window, "map", G_CALLBACK (on_map), loop);
  gtk_window_present (GTK_WINDOW (window));
  g_main_loop_run (loop);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
