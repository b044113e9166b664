#include "config.h"

#include <glib/gi18n.h>

#include "core/sr-backups.h"
#include "core/sr-db.h"
#include "core/sr-office.h"
#include "core/sr-privacy.h"
#include "sr-application.h"
#include "sr-gui-util.h"
#include "sr-keyring.h"
#include "sr-server-dialog.h"
#include "sr-window.h"

struct _SrApplication
{
  AdwApplication parent_instance;
  char *db_path;      /* --db or SALESROOM_DB; NULL: the settings', else the default */
  char *password;     /* the server's, given in the dialog this session; NULL: the keyring's */
};

G_DEFINE_FINAL_TYPE (SrApplication, sr_application, ADW_TYPE_APPLICATION)

/* The day's backup, on a thread with a connection of its own while the window opens;
 * what happened is kept in the settings, where Admin shows it and warns. Then, once a
 * day, lost leads past the retention period are erased (at most 200 a day). */
static void
daily_backup_thread (GTask        *task,
                     gpointer      source,
                     gpointer      data,
                     GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SrDb) db = sr_db_open (data, SR_DB_OPEN_EXISTING, &error);
  g_autoptr(SrContext) ctx = NULL;
  gboolean exists = FALSE, made = FALSE;

  if (db != NULL)
    {
      ctx = sr_context_new (db, NULL);
      if (sr_office_exists (ctx, &exists, &error) && exists)
        {
          /* The copy first; then lost leads past the office's retention period. */
          sr_backups_run_daily (ctx, FALSE, &made, &error);
          if (error == NULL && made)
            sr_privacy_sweep_lost (ctx, 200, &error);
        }
    }
  if (error != NULL)
    g_message ("daily backup: %s", error->message);
  g_task_return_boolean (task, made);
}

/* Where this PC's office data is: --db, else the settings', else the default file. */
static char *
get_database (SrApplication *self)
{
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *kept = NULL;

  if (self->db_path != NULL)
    return g_strdup (self->db_path);
  settings = sr_settings_load ();
  kept = settings != NULL ? g_settings_get_string (settings, "database") : NULL;
  if (kept != NULL && *kept != '\0')
    return g_steal_pointer (&kept);
  return sr_db_default_path ();
}

static void
sr_application_activate (GApplication *app)
{
  SrApplication *self = SR_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_autoptr(GError) error = NULL;
  g_autoptr(SrDb) db = NULL;
  g_autoptr(SrContext) ctx = NULL;
  g_autofree char *path = NULL;
  g_autofree char *open_path = NULL;

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }
  path = get_database (self);
  /* A server's password: given this session, else kept in the keyring, else none (the
   * server may trust this PC, or ~/.pgpass may have it). */
  if (sr_db_is_server_address (path))
    {
      g_autofree char *address = sr_db_uri_without_password (path);
      g_autofree char *kept = self->password == NULL ? sr_keyring_lookup (address) : NULL;
      const char *password = self->password != NULL ? self->password : kept;
      open_path = password != NULL ? sr_db_uri_with_password (path, password) : g_strdup (path);
    }
  else
    open_path = g_strdup (path);
  db = sr_db_open (open_path, SR_DB_OPEN_CREATE, &error);
  if (db != NULL)
    {
      g_autoptr(GTask) task = g_task_new (app, NULL, NULL, NULL);
      ctx = sr_context_new (db, NULL);
      g_task_set_task_data (task, g_strdup (open_path), g_free);
      g_task_run_in_thread (task, daily_backup_thread);
    }
  window = GTK_WINDOW (sr_window_new (ADW_APPLICATION (app), ctx, error));
  gtk_window_present (window);
}

static void
close_windows (SrApplication *self)
{
  GList *windows;

  while ((windows = gtk_application_get_windows (GTK_APPLICATION (self))) != NULL)
    gtk_window_destroy (GTK_WINDOW (windows->data));
}

/* A window again, on the database now chosen, saying @message (NULL: nothing). */
static void
reopen (SrApplication *self,
        const char    *message)
{
  GtkWindow *window;

  sr_application_activate (G_APPLICATION (self));
  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window != NULL && message != NULL)
    sr_toast (GTK_WIDGET (window), message);
}


void
sr_application_use_database (SrApplication *self,
                             const char    *address,
                             const char    *password,
                             const char    *message)
{
  g_autofree char *path = g_strdup (address);
  g_autofree char *secret = g_strdup (password);

  g_application_hold (G_APPLICATION (self));
  close_windows (self);
  g_free (self->db_path);
  self->db_path = g_steal_pointer (&path);
  g_free (self->password);
  self->password = g_steal_pointer (&secret);
  reopen (self, message);
  g_application_release (G_APPLICATION (self));
}

/* app.office-server: this PC's connection to the office server. */
static void
office_server_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  SrApplication *self = user_data;
  g_autofree char *path = get_database (self);
  GtkWidget *dialog = sr_server_dialog_new (gtk_application_get_active_window (GTK_APPLICATION (self)),
                                            sr_db_is_server_address (path) ? path : NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* app.reconnect: the server could not be reached; try again. */
static void
reconnect_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  SrApplication *self = user_data;

  sr_application_use_database (self, self->db_path, self->password, NULL);
}

void
sr_application_restore (SrApplication *self,
                        const char    *db_path,
                        const char    *backup_path)
{
  g_autofree char *path = g_strdup (db_path);
  g_autofree char *file = g_strdup (backup_path);
  g_autofree char *kept = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  /* Hold the application while no window is open. */
  g_application_hold (G_APPLICATION (self));
  close_windows (self);
  if (sr_backups_restore (file, path, &kept, &error))
    message = kept != NULL ? g_strdup_printf (_("Restored from %s. The database before it is kept as %s."), file, kept)
                           : g_strdup_printf (_("Restored from %s."), file);
  else
    message = g_strdup (error->message);
  sr_application_use_database (self, path, self->password, message);
  g_application_release (G_APPLICATION (self));
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
    { "office-server", office_server_action },
    { "reconnect", reconnect_action },
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
  g_free (SR_APPLICATION (object)->password);
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
