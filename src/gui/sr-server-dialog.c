/* sr-server-dialog.c — connecting this PC to the office server. See sr-server-dialog.h. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/sr-db.h"
#include "core/sr-office.h"
#include "sr-application.h"
#include "sr-gui-util.h"
#include "sr-keyring.h"
#include "sr-server-dialog.h"

typedef struct {
  GtkWidget *window;
  GtkWidget *host;
  GtkWidget *port;
  GtkWidget *database;
  GtkWidget *user;
  GtkWidget *password;
  GtkWidget *tls;
  GtkWidget *connect;
  GtkWidget *spinner;
  GtkWidget *message;
  char *address;          /* the address tried, without its password */
  char *secret;           /* its password */
  gboolean busy;
  gboolean closed;        /* the window went while the connection was being tried */
} ServerDialog;

static void
server_dialog_free (ServerDialog *d)
{
  g_free (d->address);
  if (d->secret != NULL)
    memset (d->secret, 0, strlen (d->secret));
  g_free (d->secret);
  g_free (d);
}

static const char *
row_text (GtkWidget *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

char *
sr_server_address (const char *host,
                   const char *port,
                   const char *database,
                   const char *user,
                   gboolean    tls)
{
  g_autofree char *h = g_strstrip (g_strdup (host != NULL ? host : ""));
  g_autofree char *p = g_strstrip (g_strdup (port != NULL ? port : ""));
  g_autofree char *d = g_strstrip (g_strdup (database != NULL ? database : ""));
  g_autofree char *u = g_strstrip (g_strdup (user != NULL ? user : ""));
  g_autofree char *eh = g_uri_escape_string (h, ":[]", FALSE);
  g_autofree char *ed = g_uri_escape_string (d, NULL, FALSE);
  g_autofree char *eu = g_uri_escape_string (u, NULL, FALSE);

  if (*h == '\0' || *d == '\0' || *u == '\0')
    return NULL;
  if (*p != '\0' && (g_ascii_strtoll (p, NULL, 10) <= 0 || g_ascii_strtoll (p, NULL, 10) > 65535))
    return NULL;
  /* A name that starts with / is a folder holding the server's Unix socket (this PC is the
   * server); it goes as the host option. */
  if (*h == '/')
    return g_strdup_printf ("postgresql://%s@/%s?host=%s%s%s&sslmode=disable&connect_timeout=5", eu, ed, h,
                            *p != '\0' ? "&port=" : "", p);
  return g_strdup_printf ("postgresql://%s@%s%s%s/%s?sslmode=%s&connect_timeout=5", eu, eh,
                          *p != '\0' ? ":" : "", p, ed, tls ? "require" : "prefer");
}

/* The connection is tried on a thread: a server that does not answer takes a few seconds. */
static void
connect_thread (GTask        *task,
                gpointer      source,
                gpointer      data,
                GCancellable *cancellable)
{
  ServerDialog *d = data;
  g_autofree char *conninfo = sr_db_uri_with_password (d->address, d->secret);
  g_autoptr(GError) error = NULL;
  SrDb *db = sr_db_open (conninfo, SR_DB_OPEN_CREATE, &error);

  if (db == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_object_unref (db);
  g_task_return_boolean (task, TRUE);
}

static void
set_busy (ServerDialog *d,
          gboolean      busy)
{
  d->busy = busy;
  gtk_widget_set_sensitive (d->connect, !busy);
  gtk_spinner_set_spinning (GTK_SPINNER (d->spinner), busy);
  gtk_widget_set_visible (d->spinner, busy);
}

static void
on_connected (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  ServerDialog *d = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) keyring_error = NULL;
  g_autoptr(GSettings) settings = NULL;
  GApplication *app = g_application_get_default ();

  if (d->closed)
    return;
  set_busy (d, FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* What was typed stays; the reason is shown under it. */
      gtk_label_set_text (GTK_LABEL (d->message), error->message);
      gtk_widget_set_visible (d->message, TRUE);
      return;
    }
  /* The password goes to the keyring, the address to the settings: never together. */
  if (!sr_keyring_store (d->address, d->secret, &keyring_error))
    g_message ("keyring: %s", keyring_error->message);
  settings = sr_settings_load ();
  if (settings != NULL)
    g_settings_set_string (settings, "database", d->address);
  if (SR_IS_APPLICATION (app))
    sr_application_use_database (SR_APPLICATION (app), d->address, d->secret,
                               keyring_error != NULL
                               ? _("Connected. The desktop keyring could not keep the password: "
                                   "give it again under Office Server… at the next start.")
                               : _("Connected to the office server."));
  gtk_window_destroy (GTK_WINDOW (d->window));
}

static void
on_connect (ServerDialog *d)
{
  g_autoptr(GTask) task = NULL;
  char *address;

  if (d->busy)
    return;
  address = sr_server_address (row_text (d->host), row_text (d->port), row_text (d->database),
                               row_text (d->user), gtk_switch_get_active (GTK_SWITCH (d->tls)));
  if (address == NULL)
    {
      gtk_label_set_text (GTK_LABEL (d->message),
                          _("Give the server, the database and this PC's sign-in role; the port is a number up to 65535."));
      gtk_widget_set_visible (d->message, TRUE);
      return;
    }
  g_free (d->address);
  d->address = address;
  g_free (d->secret);
  d->secret = g_strdup (row_text (d->password));
  gtk_widget_set_visible (d->message, FALSE);
  set_busy (d, TRUE);
  /* The task holds the window (and so @d) until it is done, even if it is closed. */
  task = g_task_new (d->window, NULL, on_connected, d);
  g_task_set_task_data (task, d, NULL);
  g_task_run_in_thread (task, connect_thread);
}

/* Back to this PC's own database file (the office server given up, or never meant). */
static void
on_use_file (ServerDialog *d)
{
  g_autoptr(GSettings) settings = sr_settings_load ();
  GApplication *app = g_application_get_default ();

  if (d->busy)
    return;
  if (settings != NULL)
    g_settings_set_string (settings, "database", "");
  if (SR_IS_APPLICATION (app))
    sr_application_use_database (SR_APPLICATION (app), NULL, NULL, _("This PC's own database is used again."));
  gtk_window_destroy (GTK_WINDOW (d->window));
}

static void
mark_closed (ServerDialog *d)
{
  d->closed = TRUE;
}

static GtkWidget *
entry_row (GtkWidget  *group,
           const char *title,
           const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

/* What the settings' address says, to start from. */
static void
fill_from (ServerDialog *d,
           const char   *address)
{
  g_autoptr(GUri) uri = address != NULL ? g_uri_parse (address, G_URI_FLAGS_NONE, NULL) : NULL;
  g_autoptr(GHashTable) params = NULL;
  const char *query;
  g_autofree char *secret = NULL;

  if (uri == NULL || !sr_db_is_server_address (address))
    return;
  if (g_uri_get_host (uri) != NULL && *g_uri_get_host (uri) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (d->host), g_uri_get_host (uri));
  if (g_uri_get_port (uri) > 0)
    {
      g_autofree char *port = g_strdup_printf ("%d", g_uri_get_port (uri));
      gtk_editable_set_text (GTK_EDITABLE (d->port), port);
    }
  if (g_uri_get_path (uri) != NULL && g_uri_get_path (uri)[0] == '/' && g_uri_get_path (uri)[1] != '\0')
    gtk_editable_set_text (GTK_EDITABLE (d->database), g_uri_get_path (uri) + 1);
  if (g_uri_get_user (uri) != NULL)
    gtk_editable_set_text (GTK_EDITABLE (d->user), g_uri_get_user (uri));
  query = g_uri_get_query (uri);
  if (query != NULL)
    {
      params = g_uri_parse_params (query, -1, "&", G_URI_PARAMS_NONE, NULL);
      if (params != NULL && g_hash_table_lookup (params, "host") != NULL)
        gtk_editable_set_text (GTK_EDITABLE (d->host), g_hash_table_lookup (params, "host"));
      if (params != NULL)
        gtk_switch_set_active (GTK_SWITCH (d->tls), g_strcmp0 (g_hash_table_lookup (params, "sslmode"), "require") == 0);
    }
  secret = sr_keyring_lookup (address);
  if (secret != NULL)
    gtk_editable_set_text (GTK_EDITABLE (d->password), secret);
}

GtkWidget *
sr_server_dialog_new (GtkWindow  *parent,
                      const char *address)
{
  ServerDialog *d = g_new0 (ServerDialog, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *tls_row = adw_action_row_new ();
  GtkWidget *title = adw_window_title_new (_("Office Server"), NULL);

  d->window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (d->window), _("Office Server"));
  gtk_window_set_modal (GTK_WINDOW (d->window), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (d->window), parent);
  gtk_window_set_default_size (GTK_WINDOW (d->window), 560, 620);
  g_object_set_data_full (G_OBJECT (d->window), "sr-server-dialog", d, (GDestroyNotify) server_dialog_free);

  d->connect = gtk_button_new_with_mnemonic (_("C_onnect"));
  gtk_widget_add_css_class (d->connect, "suggested-action");
  d->spinner = gtk_spinner_new ();
  gtk_widget_set_visible (d->spinner, FALSE);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), d->connect);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), d->spinner);
  gtk_box_append (GTK_BOX (box), header);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("The office's shared database"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
    _("Every PC of the office works on one PostgreSQL database and sees the others' changes "
      "within a second. Ask whoever set up the server for these; the README says how to set one up."));
  d->host = entry_row (group, _("Server (name or IP address)"), NULL);
  d->port = entry_row (group, _("Port (empty: 5432)"), NULL);
  d->database = entry_row (group, _("Database"), "salesroom");
  d->user = entry_row (group, _("This PC's sign-in role on the server"), "salesroom_pc");
  d->password = adw_password_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (d->password), _("Its password (kept in the desktop keyring)"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), d->password);
  d->tls = gtk_switch_new ();
  gtk_widget_set_valign (d->tls, GTK_ALIGN_CENTER);
  gtk_switch_set_active (GTK_SWITCH (d->tls), TRUE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (tls_row), _("Encrypted connection (TLS)"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (tls_row),
                               _("Required when the server is not in this office; on the office's own network it may be off."));
  adw_action_row_add_suffix (ADW_ACTION_ROW (tls_row), d->tls);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (tls_row), d->tls);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), tls_row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  d->message = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (d->message), TRUE);
  gtk_label_set_xalign (GTK_LABEL (d->message), 0);
  gtk_widget_add_css_class (d->message, "error");
  gtk_widget_set_margin_start (d->message, 24);
  gtk_widget_set_margin_end (d->message, 24);
  gtk_widget_set_margin_bottom (d->message, 18);
  gtk_widget_set_visible (d->message, FALSE);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  gtk_box_append (GTK_BOX (box), d->message);
  /* Only when this PC is on a server now: the way back to its own file. */
  if (address != NULL)
    {
      GtkWidget *use_file = gtk_button_new_with_mnemonic (_("Use _This PC's Own Database Instead"));
      gtk_widget_add_css_class (use_file, "flat");
      gtk_widget_set_halign (use_file, GTK_ALIGN_CENTER);
      gtk_widget_set_margin_bottom (use_file, 18);
      g_signal_connect_swapped (use_file, "clicked", G_CALLBACK (on_use_file), d);
      gtk_box_append (GTK_BOX (box), use_file);
    }
  adw_window_set_content (ADW_WINDOW (d->window), box);

  fill_from (d, address);
  g_signal_connect_swapped (d->window, "destroy", G_CALLBACK (mark_closed), d);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), d->window);
  g_signal_connect_swapped (d->connect, "clicked", G_CALLBACK (on_connect), d);
  g_signal_connect_swapped (d->password, "entry-activated", G_CALLBACK (on_connect), d);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (d->password), FALSE);
  gtk_widget_grab_focus (d->host);
  return d->window;
}
