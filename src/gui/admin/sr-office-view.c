/* sr-office-view.c — the office's name and kind, where its database lives, and backups. */
#include "config.h"

#include <glib/gi18n.h>

#include "core/sr-backups.h"
#include "core/sr-money.h"
#include "core/sr-office.h"
#include "core/sr-sales-report.h"
#include "gui/sr-application.h"
#include "gui/sr-gui-util.h"
#include "gui/sr-window.h"
#include "sr-admin-views.h"

typedef struct {
  SrContext *ctx;
  GtkWidget *root;
  GtkWidget *name_row;
  GtkFileChooserNative *chooser;
  GtkWidget *backup_status;   /* the daily copies: newest, where, how many */
  GtkWidget *backup_warning;  /* shown when the last copy failed or is old */
  GtkWidget *keep_row;
  GtkWidget *second_row;
} OfficeView;

static void
office_view_free (OfficeView *v)
{
  g_clear_object (&v->ctx);
  g_clear_object (&v->chooser);
  g_free (v);
}

static void
on_name_apply (AdwEntryRow *row,
               OfficeView  *v)
{
  g_autoptr(GError) error = NULL;

  if (!sr_office_rename (v->ctx, gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    sr_toast_error (v->root, error);
  else
    sr_toast (v->root, _("The office’s name was changed. It shows after the next sign-in."));
}

static void
on_lapse_changed (AdwEntryRow *row,
                  OfficeView  *v)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  gint64 days = 0;

  if (!g_ascii_string_to_signed (text, 10, 1, 365, &days, NULL))
    {
      sr_toast (v->root, _("Give a number of days from 1 to 365."));
      return;
    }
  if (!sr_settings_set (v->ctx, "ownership.lapse_days", text, &error))
    sr_toast_error (v->root, error);
  else
    sr_toast (v->root, _("Saved."));
}

/* The sales terms: one row a setting, checked before it is saved. */
typedef enum { TERM_INT, TERM_BANDS, TERM_YUAN } TermKind;

static const struct {
  const char *key;
  const char *title;
  TermKind kind;
  gint64 min, max, fallback;
  const char *fallback_text;
} terms[] = {
  { "sales.discount_limit_permille", N_("Discount the sales controller may give alone, ‰ of the list price (above it: the manager)"), TERM_INT, 0, 1000, 10, NULL },
  { "sales.one_off_discount_permille", N_("Discount for paying at once, ‰ (cost sheet)"), TERM_INT, 0, 200, 0, NULL },
  { "loan.commercial_rate_bp", N_("Commercial mortgage rate, in hundredths of a percent (355 = 3.55 %)"), TERM_INT, 0, 5000, 355, NULL },
  { "loan.fund_rate_bp", N_("Provident-fund loan rate, in hundredths of a percent"), TERM_INT, 0, 5000, 285, NULL },
  { "loan.years", N_("Loan term, years"), TERM_INT, 1, 30, 30, NULL },
  { "loan.commercial_down_permille", N_("Down payment with a commercial mortgage, ‰"), TERM_INT, 0, 1000, 300, NULL },
  { "loan.fund_down_permille", N_("Down payment with a provident-fund loan, ‰"), TERM_INT, 0, 1000, 200, NULL },
  { "loan.fund_cap_fen", N_("Most a provident-fund loan lends, ¥"), TERM_YUAN, 0, 0, 120000000, NULL },
  { "sales.instalment_down_permille", N_("First part with instalments, ‰"), TERM_INT, 0, 1000, 500, NULL },
  { "sales.instalment_months", N_("Instalments, months"), TERM_INT, 1, 120, 12, NULL },
  { "report.area_bands", N_("Area bands of the daily report, m²"), TERM_BANDS, 0, 0, 0, "90,120,144" },
  { "report.floor_bands", N_("Floor bands of the daily report"), TERM_BANDS, 0, 0, 0, "6,12,18" },
  { "report.price_bands", N_("Price bands of the daily report, 万元"), TERM_BANDS, 0, 0, 0, "100,150,200" },
  { "dispatch.threshold_rank", N_("Dispatch: lowest level for a large project (1 designer, 2 senior, 3 chief)"), TERM_INT, 1, 10, 2, NULL },
  { "dispatch.load_limit", N_("Dispatch: customers a designer may hold before being passed over (0: no limit)"), TERM_INT, 0, 10000, 0, NULL },
  { "dispatch.top_bonus", N_("Dispatch: extra weight for the top of the last half-month ranking (0: none)"), TERM_INT, 0, 10, 0, NULL },
  { "dispatch.top_count", N_("Dispatch: how many at the top of the ranking get the extra weight"), TERM_INT, 1, 10, 1, NULL },
  { "dispatch.stale_days", N_("Held orders: days without contact before an order is flagged"), TERM_INT, 1, 90, 7, NULL },
  { "return_visits.days", N_("Return visits: days between visits"), TERM_INT, 1, 90, 7, NULL },
  { "housekeeping.trial_days", N_("Housekeeping: days of a placement’s trial period"), TERM_INT, 1, 365, 35, NULL },
  { "security.idle_lock_minutes", N_("Lock the window after this many minutes without use (0: never)"), TERM_INT, 0, 240, 10, NULL },
  { "privacy.lost_retention_days", N_("Erase lost leads without a deal after this many days (0: never)"), TERM_INT, 0, 3650, 0, NULL },
};

/* Which kind of office a term is for, by its key. */
static gboolean
term_is_for (const char   *key,
             SrOfficeKind  kind)
{
  if (g_str_has_prefix (key, "sales.") || g_str_has_prefix (key, "loan.") || g_str_has_prefix (key, "report."))
    return kind == SR_OFFICE_PROPERTY;
  if (g_str_has_prefix (key, "dispatch."))
    return kind == SR_OFFICE_DECORATION;
  if (g_str_has_prefix (key, "return_visits."))
    return kind != SR_OFFICE_PROPERTY;
  if (g_str_has_prefix (key, "housekeeping."))
    return kind == SR_OFFICE_HOUSEKEEPING;
  return TRUE;
}

static void
on_term_apply (AdwEntryRow *row,
               OfficeView  *v)
{
  guint i = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "term"));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  gint64 n = 0;

  switch (terms[i].kind)
    {
    case TERM_INT:
      if (!g_ascii_string_to_signed (text, 10, terms[i].min, terms[i].max, &n, NULL))
        {
          g_autofree char *message = g_strdup_printf (_("Give a whole number from %d to %d."), (int) terms[i].min,
                                                      (int) terms[i].max);
          sr_toast (v->root, message);
          return;
        }
      value = g_strdup_printf ("%" G_GINT64_FORMAT, n);
      break;
    case TERM_YUAN:
      if (!sr_money_parse (text, &n, &error))
        {
          sr_toast_error (v->root, error);
          return;
        }
      value = g_strdup_printf ("%" G_GINT64_FORMAT, n);
      break;
    default:
      {
        g_autoptr(GArray) bands = sr_sales_bands_parse (text, &error);
        if (bands == NULL)
          {
            sr_toast_error (v->root, error);
            return;
          }
        value = g_strdup (text);
      }
    }
  if (!sr_settings_set (v->ctx, terms[i].key, value, &error))
    sr_toast_error (v->root, error);
  else
    {
      sr_context_emit_changed (v->ctx, "settings");
      sr_toast (v->root, _("Saved."));
    }
}

static GtkWidget *
terms_group (OfficeView   *v,
             SrOfficeKind  kind,
             gboolean      editable)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Terms and rules"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("The office’s terms, the rules its pages follow, and when an unused window "
                                           "locks. Press the tick to save a row."));
  for (guint i = 0; i < G_N_ELEMENTS (terms); i++)
    {
      GtkWidget *row;
      g_autofree char *text = NULL;
      if (!term_is_for (terms[i].key, kind))
        continue;
      row = adw_entry_row_new ();

      if (terms[i].kind == TERM_BANDS)
        text = sr_settings_get (v->ctx, terms[i].key, terms[i].fallback_text);
      else
        {
          gint64 n = sr_settings_get_int (v->ctx, terms[i].key, terms[i].fallback);
          text = terms[i].kind == TERM_YUAN ? g_strdup_printf ("%" G_GINT64_FORMAT, n / 100)
                                            : g_strdup_printf ("%" G_GINT64_FORMAT, n);
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(terms[i].title));
      gtk_editable_set_text (GTK_EDITABLE (row), text);
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
      gtk_widget_set_sensitive (row, editable);
      g_object_set_data (G_OBJECT (row), "term", GUINT_TO_POINTER (i));
      g_signal_connect (row, "apply", G_CALLBACK (on_term_apply), v);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  return group;
}

static void
on_backup_response (GtkNativeDialog *dialog,
                    int              response,
                    OfficeView      *v)
{
  g_autofree char *path = sr_chooser_path (dialog, response);
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    return;
  if (!sr_office_backup (v->ctx, path, &error))
    {
      sr_toast_error (v->root, error);
      return;
    }
  {
    g_autofree char *message = g_strdup_printf (_("Backup written to %s."), path);
    sr_toast (v->root, message);
  }
}

static void
on_backup (GtkButton  *button,
           OfficeView *v)
{
  g_autofree char *name = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d-%H%M");

  g_clear_object (&v->chooser);
  v->chooser = gtk_file_chooser_native_new (_("Back Up the Database"),
                                            GTK_WINDOW (gtk_widget_get_root (v->root)),
                                            GTK_FILE_CHOOSER_ACTION_SAVE, _("_Back Up"), NULL);
  /* A file's copy is a database file; a server's, pg_dump's archive. */
  name = g_strdup_printf ("salesroom-backup-%s.%s", stamp,
                          sr_db_is_server (sr_context_get_db (v->ctx)) ? "dump" : "db");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (v->chooser), name);
  g_signal_connect (v->chooser, "response", G_CALLBACK (on_backup_response), v);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (v->chooser));
}

/* The daily copies' state, read again after every change. */
static void
refresh_backups (OfficeView *v)
{
  g_auto(SrBackupStatus) status = { 0 };
  g_autofree char *warning = NULL;
  g_autofree char *line = NULL;

  if (v->backup_status == NULL || !sr_backups_status (v->ctx, &status, NULL))
    return;
  if (status.last_at > 0)
    {
      g_autoptr(GDateTime) t = g_date_time_new_from_unix_local (status.last_at);
      g_autofree char *when = g_date_time_format (t, "%Y-%m-%d %H:%M");
      g_autofree char *size = g_format_size ((guint64) status.last_size);
      line = g_strdup_printf (_("Newest copy %s, %s, in %s; the newest %u are kept."), when, size, status.dir, status.keep);
    }
  else
    line = g_strdup_printf (_("No copy yet; they go to %s, the newest %u kept."), status.dir, status.keep);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (v->backup_status), line);
  warning = sr_backups_warning (&status, sr_context_now (v->ctx));
  if (warning == NULL && status.second_place == NULL)
    warning = g_strdup (_("No second place is chosen: a dead disk would take the copies with it."));
  gtk_widget_set_visible (v->backup_warning, warning != NULL);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (v->backup_warning), warning != NULL ? warning : "");
}

static void
on_back_up_now (GtkButton  *button,
                OfficeView *v)
{
  g_autoptr(GError) error = NULL;
  gboolean made = FALSE;

  if (!sr_backups_run_daily (v->ctx, TRUE, &made, &error))
    sr_toast_error (v->root, error);
  else
    sr_toast (v->root, _("A copy of the database was made."));
  refresh_backups (v);
}

static void
save_backup_settings (OfficeView *v)
{
  g_autoptr(GError) error = NULL;
  gint64 keep = 0;

  if (!g_ascii_string_to_signed (gtk_editable_get_text (GTK_EDITABLE (v->keep_row)), 10, 1, 365, &keep, NULL))
    {
      sr_toast (v->root, _("Keep between 1 and 365 daily backups."));
      return;
    }
  if (!sr_backups_configure (v->ctx, (guint) keep, gtk_editable_get_text (GTK_EDITABLE (v->second_row)), &error))
    sr_toast_error (v->root, error);
  else
    sr_toast (v->root, _("Saved."));
  refresh_backups (v);
}

static void
on_backup_setting_apply (AdwEntryRow *row,
                         OfficeView  *v)
{
  save_backup_settings (v);
}

static void
on_second_place_chosen (GtkNativeDialog *dialog,
                        int              response,
                        OfficeView      *v)
{
  g_autofree char *path = sr_chooser_path (dialog, response);

  if (path == NULL)
    return;
  gtk_editable_set_text (GTK_EDITABLE (v->second_row), path);
  save_backup_settings (v);
}

static void
on_choose_second_place (GtkButton  *button,
                        OfficeView *v)
{
  g_clear_object (&v->chooser);
  v->chooser = gtk_file_chooser_native_new (_("Second Place for Backups"),
                                            GTK_WINDOW (gtk_widget_get_root (v->root)),
                                            GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Choose"), NULL);
  g_signal_connect (v->chooser, "response", G_CALLBACK (on_second_place_chosen), v);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (v->chooser));
}

static gboolean
restore_when_idle (gpointer data)
{
  GStrv paths = data;
  GApplication *app = g_application_get_default ();
  if (SR_IS_APPLICATION (app))
    sr_application_restore (SR_APPLICATION (app), paths[0], paths[1]);
  return G_SOURCE_REMOVE;
}

static void
on_restore_confirmed (AdwMessageDialog *dialog,
                      const char       *response,
                      OfficeView       *v)
{
  const char *file = g_object_get_data (G_OBJECT (dialog), "file");
  GApplication *app = g_application_get_default ();

  GStrv paths;

  if (g_strcmp0 (response, "restore") != 0 || !SR_IS_APPLICATION (app))
    return;
  /* Once the dialog is gone, the window closes (its connection with it); the
   * application restores and opens again on the restored database, saying what
   * happened. */
  paths = g_new0 (char *, 3);
  paths[0] = sr_db_dup_connection (sr_context_get_db (v->ctx));
  paths[1] = g_strdup (file);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, restore_when_idle, paths, (GDestroyNotify) g_strfreev);
}

static void
on_restore_chosen (GtkNativeDialog *chooser,
                   int              response,
                   OfficeView      *v)
{
  g_autofree char *path = sr_chooser_path (chooser, response);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (path == NULL)
    return;
  if (sr_db_is_server (sr_context_get_db (v->ctx)))
    body = g_strdup_printf (_("Salesroom will close, put %s back on the office server %s and open it again. What the "
                              "server holds now is kept first, in this PC's backups folder. Everyone must close "
                              "Salesroom on the other PCs first."), path, sr_db_get_path (sr_context_get_db (v->ctx)));
  else
    body = g_strdup_printf (_("Salesroom will close, put %s in place of the database and open it again. The database "
                              "as it is now is kept beside it as %s.before-restore. Everyone must close Salesroom "
                              "on the other PCs first."), path, sr_db_get_path (sr_context_get_db (v->ctx)));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (v->root)),
                                                       _("Restore This Backup?"), body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "restore", _("_Restore"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "file", g_steal_pointer (&path), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_restore_confirmed), v);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_restore (GtkButton  *button,
            OfficeView *v)
{
  g_auto(SrBackupStatus) status = { 0 };
  g_autoptr(GFile) folder = NULL;

  g_clear_object (&v->chooser);
  v->chooser = gtk_file_chooser_native_new (_("Restore a Backup"), GTK_WINDOW (gtk_widget_get_root (v->root)),
                                            GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), NULL);
  if (sr_backups_status (v->ctx, &status, NULL) && g_file_test (status.dir, G_FILE_TEST_IS_DIR))
    {
      folder = g_file_new_for_path (status.dir);
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (v->chooser), folder, NULL);
    }
  g_signal_connect (v->chooser, "response", G_CALLBACK (on_restore_chosen), v);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (v->chooser));
}

static GtkWidget *
button_row (const char *title,
            const char *subtitle,
            const char *label,
            GCallback   callback,
            gpointer    data)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (label);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect (button, "clicked", callback, data);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

/* Backups: the daily copies and their warning, how many are kept and the second place,
 * a copy now or to a file, and restoring one. */
static GtkWidget *
backup_group (OfficeView *v)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_auto(SrBackupStatus) status = { 0 };
  g_autofree char *keep = NULL;
  GtkWidget *icon, *choose;

  sr_backups_status (v->ctx, &status, NULL);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Backup"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Salesroom copies the database at its first start each day, while everyone keeps working. "
                                           "Choose a second place on another disk so a dead disk loses nothing."));
  v->backup_warning = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (v->backup_warning), _("Check the backups"));
  icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_add_css_class (icon, "warning");
  adw_action_row_add_prefix (ADW_ACTION_ROW (v->backup_warning), icon);
  gtk_widget_add_css_class (v->backup_warning, "warning");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), v->backup_warning);

  v->backup_status = button_row (_("Daily copies"), NULL, _("Back Up _Now"), G_CALLBACK (on_back_up_now), v);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), v->backup_status);

  v->keep_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (v->keep_row), _("Daily copies kept"));
  keep = g_strdup_printf ("%u", status.keep);
  gtk_editable_set_text (GTK_EDITABLE (v->keep_row), keep);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (v->keep_row), TRUE);
  g_signal_connect (v->keep_row, "apply", G_CALLBACK (on_backup_setting_apply), v);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), v->keep_row);

  v->second_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (v->second_row), _("Second place (a folder on another disk, USB stick or network)"));
  gtk_editable_set_text (GTK_EDITABLE (v->second_row), status.second_place != NULL ? status.second_place : "");
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (v->second_row), TRUE);
  g_signal_connect (v->second_row, "apply", G_CALLBACK (on_backup_setting_apply), v);
  choose = gtk_button_new_with_mnemonic (_("C_hoose…"));
  gtk_widget_set_valign (choose, GTK_ALIGN_CENTER);
  g_signal_connect (choose, "clicked", G_CALLBACK (on_choose_second_place), v);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (v->second_row), choose);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), v->second_row);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             button_row (_("Copy the database to a file"), NULL, _("_Copy to File…"), G_CALLBACK (on_backup), v));
  /* Restoring closes the window and opens it again: only in the running application. */
  if (SR_IS_APPLICATION (g_application_get_default ()))
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               button_row (_("Restore a backup"), _("The database as it is now is kept beside it."),
                                           _("_Restore…"), G_CALLBACK (on_restore), v));
  refresh_backups (v);
  return group;
}

GtkWidget *
sr_office_view_new (SrContext *ctx)
{
  OfficeView *v = g_new0 (OfficeView, 1);
  SrSession *session = sr_context_get_session (ctx);
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  g_autofree char *name = NULL;
  SrOfficeKind kind = SR_OFFICE_PROPERTY;
  GtkWidget *row;

  v->ctx = g_object_ref (ctx);
  sr_office_get (ctx, &name, &kind, NULL);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("The office"));
  v->name_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (v->name_row), _("Office name (printed on receipts and registers)"));
  gtk_editable_set_text (GTK_EDITABLE (v->name_row), name != NULL ? name : "");
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (v->name_row), TRUE);
  gtk_widget_set_sensitive (v->name_row, sr_session_may (session, SR_ACTION_EDIT_OFFICE));
  g_signal_connect (v->name_row, "apply", G_CALLBACK (on_name_apply), v);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), v->name_row);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Kind of office"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sr_office_kind_get_label (kind));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  {
    g_autofree char *days = g_strdup_printf ("%" G_GINT64_FORMAT,
                                             sr_settings_get_int (ctx, "ownership.lapse_days", 7));
    row = adw_entry_row_new ();
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                   _("Days without the owner’s contact before a returning customer passes on (rule 9)"));
    gtk_editable_set_text (GTK_EDITABLE (row), days);
    adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
    gtk_widget_set_sensitive (row, sr_session_may (session, SR_ACTION_EDIT_OFFICE));
    g_signal_connect (row, "apply", G_CALLBACK (on_lapse_changed), v);
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  }

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sr_db_is_server (sr_context_get_db (ctx))
                                 ? _("Office server") : _("Database file"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sr_db_get_path (sr_context_get_db (ctx)));
  /* Several PCs: this PC's connection to the office server (the administrator's). */
  if (sr_session_may (session, SR_ACTION_EDIT_OFFICE))
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("Office _Server…"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "app.office-server");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page),
                            ADW_PREFERENCES_GROUP (terms_group (v, kind, sr_session_may (session, SR_ACTION_EDIT_OFFICE))));

  if (sr_session_may (session, SR_ACTION_BACKUP))
    adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (backup_group (v)));

  gtk_box_append (GTK_BOX (box), sr_section_header_new (_("Office and Backup"),
                  _("The office as it appears on paper, and copies of its database.")));
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  v->root = box;
  g_object_set_data_full (G_OBJECT (box), "sr-office-view", v, (GDestroyNotify) office_view_free);
  return box;
}
