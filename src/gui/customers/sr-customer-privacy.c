/* sr-customer-privacy.c — see sr-customer-privacy.h. */
#include "config.h"

#include <glib/gi18n.h>

#include "core/sr-privacy.h"
#include "gui/sr-form.h"
#include "gui/sr-gui-util.h"
#include "gui/sr-window.h"
#include "sr-customer-privacy.h"

typedef struct {
  SrContext *ctx;
  gint64 customer_id;
  GtkWidget *window;
  GtkFileChooserNative *chooser;
} Request;

static void
request_free (Request *r)
{
  g_clear_object (&r->ctx);
  g_clear_object (&r->chooser);
  g_free (r);
}

static Request *
request_new (GtkWidget *window)
{
  Request *r = g_new0 (Request, 1);
  r->ctx = g_object_ref (g_object_get_data (G_OBJECT (window), "ctx"));
  r->customer_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (window), "customer-id"));
  r->window = window;
  return r;
}

static void
on_export_chosen (GtkNativeDialog *dialog,
                  int              response,
                  Request         *r)
{
  g_autofree char *path = sr_chooser_path (dialog, response);
  g_autoptr(GError) error = NULL;
  gint64 rows;

  if (path != NULL)
    {
      rows = sr_privacy_export (r->ctx, r->customer_id, path, &error);
      if (rows < 0)
        sr_toast_error (r->window, error);
      else
        {
          g_autofree char *message = g_strdup_printf (_("Everything held about this person (%d records) was written to %s."),
                                                      (int) rows, path);
          sr_toast (r->window, message);
        }
    }
  g_idle_add_once ((GSourceOnceFunc) request_free, r);
}

static void
on_export (GtkButton *button,
           GtkWidget *window)
{
  Request *r = request_new (window);
  g_autofree char *name = g_strdup_printf ("customer-%" G_GINT64_FORMAT ".json", r->customer_id);

  r->chooser = gtk_file_chooser_native_new (_("Export Everything About This Person"), GTK_WINDOW (window),
                                            GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (r->chooser), name);
  g_signal_connect (r->chooser, "response", G_CALLBACK (on_export_chosen), r);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (r->chooser));
}

static gboolean
save_erase (SrForm   *form,
            gpointer  data,
            GError  **error)
{
  Request *r = data;

  if (!sr_privacy_erase (r->ctx, r->customer_id, sr_form_get_text (form, "asked"), sr_form_get_text (form, "why"), error))
    return FALSE;
  sr_toast (r->window, _("The person was erased. Their deals, units and money stay, under a number."));
  sr_context_emit_changed (r->ctx, "customers");
  return TRUE;
}

static void
on_erase (GtkButton *button,
          GtkWidget *window)
{
  Request *r = request_new (window);
  SrForm *form = sr_form_new (window, _("Erase This Person"), _("_Erase"));

  sr_form_add_group (form, NULL, _("This cannot be undone. The name, phones, ID-card number, personal details and notes "
                                   "are taken out everywhere, the audit log included; deals, units, money and the "
                                   "office's figures stay. Backups made before keep them until they are dropped."));
  sr_form_add_entry (form, "asked", _("Who asked (the customer, or who acts for them)"), NULL);
  sr_form_add_entry (form, "why", _("Why (optional)"), NULL);
  sr_form_run (form, save_erase, r, (GDestroyNotify) request_free);
}

void
sr_customer_privacy_add_group (AdwPreferencesPage *page,
                               GtkWidget          *window,
                               SrContext          *ctx,
                               SrCustomer         *customer)
{
  GtkWidget *group;
  GtkWidget *row;
  g_auto(SrDataSource) source = { 0 };
  g_autofree char *when = NULL;
  g_autofree char *line = NULL;

  if (!sr_privacy_source (ctx, customer->id, &source, NULL))
    return;
  group = adw_preferences_group_new ();
  row = adw_action_row_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Personal information"));
  when = sr_format_moment (source.registered_at);
  line = source.media_source != NULL
    ? g_strdup_printf (_("%s (%s), registered %s by %s"), source.channel, source.media_source, when, source.registered_by)
    : g_strdup_printf (_("%s, registered %s by %s"), source.channel, when, source.registered_by);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Where it came from"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), line);
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  if (source.erased_at > 0)
    {
      g_autofree char *erased = sr_format_moment (source.erased_at);
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Erased on request"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), erased);
      gtk_widget_add_css_class (row, "property");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  /* A person's request under PIPL, answered by the manager. */
  if (sr_session_may (sr_context_get_session (ctx), SR_ACTION_HANDLE_PERSONAL_DATA))
    {
      GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *export = gtk_button_new_with_mnemonic (_("E_xport Data…"));
      gtk_widget_add_css_class (export, "flat");
      g_signal_connect (export, "clicked", G_CALLBACK (on_export), window);
      gtk_box_append (GTK_BOX (buttons), export);
      if (source.erased_at == 0)
        {
          GtkWidget *erase = gtk_button_new_with_mnemonic (_("E_rase…"));
          gtk_widget_add_css_class (erase, "flat");
          g_signal_connect (erase, "clicked", G_CALLBACK (on_erase), window);
          gtk_box_append (GTK_BOX (buttons), erase);
        }
      adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), buttons);
    }
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (group));
}
