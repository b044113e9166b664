#include "config.h"

#include <glib/gi18n.h>

#include "core/sr-db.h"
#include "sr-application.h"
#include "sr-window.h"

struct _SrApplication
{
  AdwApplication parent_instance;
  char *db_path;
};

G_DEFINE_FINAL_TYPE (SrApplication, sr_application, ADW_TYPE_APPLICATION)

static void
sr_application_activate (GApplication *app)
{
  SrApplication *self = SR_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_autoptr(GError) error = NULL;
  g_autoptr(SrDb) db = NULL;
  g_autoptr(SrContext) ctx = NULL;
  g_autofree char *path = NULL;

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }
  path = self->db_path != NULL ? g_strdup (self->db_path) : sr_db_default_path ();
  db = sr_db_open (path, SR_DB_OPEN_CREATE, &error);
  if (db != NULL)
    ctx = sr_context_new (db, NULL);
  window = GTK_WINDOW (sr_window_new (ADW_APPLICATION (app), ctx, error));
  gtk_window_present (window);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *app = user_data;
  const char *developers[] = { _("The Salesroom developers"), NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("Salesroom"),
                         "application-icon", APPLICATION_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("The Salesroom developers"),
                         "developers", developers,
                         "comments", _("Customers, reception rotation, units and payments of a sales office, in one database that a power cut cannot corrupt."),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         NULL);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (user_data));

  /* Closing each window lets it save its size. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
  g_application_quit (G_APPLICATION (user_data));
}

static void
sr_application_startup (GApplication *app)
{
  static const GActionEntry entries[] = {
    { "about", about_action },
    { "quit", quit_action },
  };
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *help_accels[] = { "<Control>question", NULL };
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  G_APPLICATION_CLASS (sr_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), entries, G_N_ELEMENTS (entries), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay", help_accels);
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    "/io/github/salesroom/Salesroom/icons");
}

static void
sr_application_finalize (GObject *object)
{
  g_free (SR_APPLICATION (object)->db_path);
  G_OBJECT_CLASS (sr_application_parent_class)->finalize (object);
}

static void
sr_application_class_init (SrApplicationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sr_application_finalize;
  G_APPLICATION_CLASS (klass)->activate = sr_application_activate;
  G_APPLICATION_CLASS (klass)->startup = sr_application_startup;
}

static void
sr_application_init (SrApplication *self)
{
}

SrApplication *
sr_application_new (const char *db_path)
{
  SrApplication *self = g_object_new (SR_TYPE_APPLICATION,
                                      "application-id", APPLICATION_ID,
                                      "flags", G_APPLICATION_DEFAULT_FLAGS,
                                      "resource-base-path", "/io/github/salesroom/Salesroom",
                                      NULL);
  self->db_path = g_strdup (db_path);
  return self;
}
