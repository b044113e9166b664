/* sr-customer-work.c — see sr-customer-work.h. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "core/sr-housekeeping.h"
#include "core/sr-money.h"
#include "core/sr-office.h"
#include "core/sr-quotes.h"
#include "gui/sr-form.h"
#include "gui/sr-gui-util.h"
#include "gui/sr-window.h"
#include "sr-customer-work.h"

/* What a form or a button of the window acts on. */
typedef struct {
  GtkWidget *window;
  SrContext *ctx;
  gint64 customer_id;
  gint64 id;                  /* a candidate, an attachment; a placement form: 1 to replace; 0: none */
  GArray *choices;            /* housekeeper ids of a choice, in its order */
} Work;

static Work *
work_new (GtkWidget *window,
          gint64     customer_id,
          gint64     id)
{
  Work *w = g_new0 (Work, 1);
  w->window = window;
  w->ctx = g_object_ref (g_object_get_data (G_OBJECT (window), "ctx"));
  w->customer_id = customer_id;
  w->id = id;
  return w;
}

static void
work_free (Work *w)
{
  g_clear_object (&w->ctx);
  g_clear_pointer (&w->choices, g_array_unref);
  g_free (w);
}

static GtkWidget *
flat_button (const char *label)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  return button;
}

/* A button whose click gets its own Work, freed with the button. */
static GtkWidget *
work_button (GtkWidget  *window,
             const char *label,
             gint64      customer_id,
             gint64      id,
             GCallback   callback)
{
  GtkWidget *button = flat_button (label);
  Work *w = work_new (window, customer_id, id);
  g_object_set_data_full (G_OBJECT (button), "work", w, (GDestroyNotify) work_free);
  g_signal_connect (button, "clicked", callback, w);
  return button;
}

/* Quotes ---------------------------------------------------------------------------------- */

static gboolean
save_quote (SrForm   *form,
            gpointer  user_data,
            GError  **error)
{
  Work *w = user_data;
  SrFen amount = 0;
  int version;

  if (!sr_money_parse (sr_form_get_text (form, "amount"), &amount, error))
    return FALSE;
  version = sr_quotes_add (w->ctx, w->customer_id, amount, sr_form_get_text (form, "note"), error);
  if (version == 0)
    return FALSE;
  {
    g_autofree char *message = g_strdup_printf (_("Quote version %d kept."), version);
    sr_toast (w->window, message);
  }
  return TRUE;
}

static void
on_new_quote (GtkButton *button,
              Work      *w)
{
  SrForm *form = sr_form_new (w->window, _("New Quote Version"), _("_Keep"));
  sr_form_set_info (form, _("A quote is never changed: a new price is a new version, and the earlier ones stay."));
  sr_form_add_entry (form, "amount", _("Amount of the quote, ¥"), NULL);
  sr_form_add_entry (form, "note", _("What changed (e.g. base quote, after the plan review)"), NULL);
  sr_form_run (form, save_quote, work_new (w->window, w->customer_id, 0), (GDestroyNotify) work_free);
}

static void
add_quotes_group (AdwPreferencesPage *page,
                  GtkWidget          *window,
                  SrContext          *ctx,
                  gint64              customer_id,
                  gboolean            may)
{
  g_autoptr(GPtrArray) quotes = sr_quotes_list (ctx, customer_id, NULL);
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Quotes (项目报价预算)"));
  if (may)
    adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group),
                                             work_button (window, _("New _Quote…"), customer_id, 0, G_CALLBACK (on_new_quote)));
  if (quotes == NULL || quotes->len == 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                           may ? _("No quote yet. New Quote… keeps the first version with its amount.")
                                           : _("No quote yet."));
  for (guint i = 0; quotes != NULL && i < quotes->len; i++)
    {
      SrQuote *q = quotes->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *amount = sr_money_format (q->amount_fen);
      g_autofree char *when = sr_format_moment (q->at);
      g_autofree char *title = g_strdup_printf (_("Version %d · %s"), q->version, amount);
      g_autofree char *sub = g_strdup_printf ("%s · %s%s%s", when, q->by_name != NULL ? q->by_name : "—",
                                              q->note != NULL ? " · " : "", q->note != NULL ? q->note : "");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sub);
      if (i > 0)
        gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (group));
}

/* Renderings and drawings ---------------------------------------------------------------- */

#define THUMB_SIZE 256

/* A PNG of at most THUMB_SIZE pixels a side, or NULL when @data is no picture. */
static GBytes *
make_thumbnail (GBytes *data)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (data);
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new_from_stream_at_scale (stream, THUMB_SIZE, THUMB_SIZE, TRUE, NULL, NULL);
  g_autoptr(GdkPixbuf) oriented = NULL;
  gchar *buffer = NULL;
  gsize size = 0;

  if (pixbuf == NULL)
    return NULL;
  oriented = gdk_pixbuf_apply_embedded_orientation (pixbuf);
  if (!gdk_pixbuf_save_to_buffer (oriented, &buffer, &size, "png", NULL, NULL))
    return NULL;
  return g_bytes_new_take (buffer, size);
}

typedef struct {
  Work *w;
  char *kind;
  char *name;
} Loading;

static void
loading_free (Loading *l)
{
  work_free (l->w);
  g_free (l->kind);
  g_free (l->name);
  g_free (l);
}

static void
on_file_loaded (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Loading *l = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) data = g_file_load_bytes_finish (G_FILE (source), result, NULL, &error);
  g_autoptr(GBytes) thumb = NULL;
  g_autofree char *type = NULL;
  g_autofree char *mime = NULL;

  if (data == NULL)
    {
      sr_toast_error (l->w->window, error);
      loading_free (l);
      return;
    }
  type = g_content_type_guess (l->name, g_bytes_get_data (data, NULL), MIN (g_bytes_get_size (data), 4096), NULL);
  mime = g_content_type_get_mime_type (type);
  if (g_bytes_get_size (data) <= SR_ATTACHMENT_MAX_SIZE && mime != NULL && g_str_has_prefix (mime, "image/"))
    thumb = make_thumbnail (data);
  if (sr_attachments_add (l->w->ctx, l->w->customer_id, l->kind, l->name, mime, data, thumb, &error) == 0)
    sr_toast_error (l->w->window, error);
  else
    sr_toast (l->w->window, _("File attached."));
  loading_free (l);
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     Work            *w)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      const char *kind = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "kind");
      Loading *l = g_new0 (Loading, 1);
      l->w = work_new (w->window, w->customer_id, 0);
      l->kind = g_strdup (kind != NULL ? kind : "rendering");
      l->name = g_file_get_basename (file);
      g_file_load_bytes_async (file, NULL, on_file_loaded, l);
    }
  g_object_unref (chooser);
}

static void
on_attach (GtkButton *button,
           Work      *w)
{
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (_("Attach a Rendering or Drawing"), GTK_WINDOW (w->window), GTK_FILE_CHOOSER_ACTION_OPEN,
                                 _("_Attach"), _("_Cancel"));
  const char *options[] = { "rendering", "drawing", NULL };
  const char *labels[] = { _("Rendering (效果图)"), _("Drawing (施工图)"), NULL };

  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "kind", _("This file is a"), options, labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "kind", "rendering");
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), w);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Writes the file where the system's viewer can read it, and opens it. */
static void
on_open_file (GtkButton *button,
              Work      *w)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GBytes) data = sr_attachments_read (w->ctx, w->id, &name, &error);
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "salesroom", "files", NULL);
  g_autofree char *prefix = g_strdup_printf ("%" G_GINT64_FORMAT "-", w->id);
  g_autofree char *file_name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;

  if (data == NULL)
    {
      sr_toast_error (w->window, error);
      return;
    }
  file_name = g_strconcat (prefix, name, NULL);
  path = g_build_filename (dir, file_name, NULL);
  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      !g_file_set_contents_full (path, g_bytes_get_data (data, NULL), (gssize) g_bytes_get_size (data),
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    {
      if (error == NULL)
        g_set_error (&error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not make the folder %s."), dir);
      sr_toast_error (w->window, error);
      return;
    }
  uri = g_filename_to_uri (path, NULL, NULL);
  gtk_show_uri (GTK_WINDOW (w->window), uri, GDK_CURRENT_TIME);
}

static gboolean
remove_file (SrForm   *form,
             gpointer  user_data,
             GError  **error)
{
  Work *w = user_data;
  if (!sr_attachments_void (w->ctx, w->id, error))
    return FALSE;
  sr_toast (w->window, _("File removed from the customer."));
  return TRUE;
}

static void
on_remove_file (GtkButton *button,
                Work      *w)
{
  SrForm *form = sr_form_new (w->window, _("Remove File"), _("_Remove"));
  sr_form_set_info (form, _("The file is taken off the customer’s page. The record of who attached and removed it stays in the audit log."));
  sr_form_run (form, remove_file, work_new (w->window, w->customer_id, w->id), (GDestroyNotify) work_free);
}

static char *
format_size (gint64 size)
{
  return g_format_size ((guint64) size);
}

static void
add_files_group (AdwPreferencesPage *page,
                 GtkWidget          *window,
                 SrContext          *ctx,
                 gint64              customer_id,
                 gboolean            may)
{
  g_autoptr(GPtrArray) files = sr_attachments_list (ctx, customer_id, NULL);
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Renderings and drawings"));
  if (may)
    adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group),
                                             work_button (window, _("Attach _File…"), customer_id, 0, G_CALLBACK (on_attach)));
  if (files == NULL || files->len == 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                           may ? _("Nothing attached yet. Attach File… stores a rendering (效果图) or a drawing (施工图) with the customer.")
                                           : _("Nothing attached yet."));
  for (guint i = 0; files != NULL && i < files->len; i++)
    {
      SrAttachment *a = files->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *size = format_size (a->size);
      g_autofree char *when = sr_format_moment (a->at);
      g_autofree char *sub = g_strdup_printf ("%s · %s · %s · %s", sr_attachment_kind_get_label (a->kind), size, when,
                                              a->by_name != NULL ? a->by_name : "—");
      GtkWidget *prefix;

      if (a->thumbnail != NULL)
        {
          g_autoptr(GdkTexture) texture = gdk_texture_new_from_bytes (a->thumbnail, NULL);
          prefix = texture != NULL ? gtk_picture_new_for_paintable (GDK_PAINTABLE (texture))
                                   : gtk_image_new_from_icon_name ("image-x-generic-symbolic");
          if (texture != NULL)
            {
              gtk_picture_set_can_shrink (GTK_PICTURE (prefix), TRUE);
              gtk_widget_set_size_request (prefix, 96, 64);
            }
        }
      else
        prefix = gtk_image_new_from_icon_name (g_strcmp0 (a->kind, "drawing") == 0 ? "x-office-drawing-symbolic"
                                                                                   : "image-x-generic-symbolic");
      gtk_widget_set_margin_top (prefix, 6);
      gtk_widget_set_margin_bottom (prefix, 6);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), prefix);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), a->file_name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sub);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 work_button (window, _("_Open"), customer_id, a->id, G_CALLBACK (on_open_file)));
      if (may)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                   work_button (window, _("_Remove…"), customer_id, a->id, G_CALLBACK (on_remove_file)));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (group));
}

/* Housekeepers: candidates, interviews, placements --------------------------------------- */

static gboolean
save_propose (SrForm   *form,
              gpointer  user_data,
              GError  **error)
{
  Work *w = user_data;
  guint i = sr_form_get_selected (form, "who");

  if (w->choices == NULL || i >= w->choices->len)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("Choose a housekeeper."));
      return FALSE;
    }
  return sr_candidates_propose (w->ctx, w->customer_id, g_array_index (w->choices, gint64, i), error) > 0;
}

/* A choice of housekeepers for @form: those free (placeable) or, with @passed_for, those
 * who passed an interview with the customer and are free. FALSE when there is nobody. */
static gboolean
add_keeper_choice (SrForm    *form,
                   Work      *w,
                   gboolean   passed_only)
{
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
  g_auto(GStrv) items = NULL;

  w->choices = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (passed_only)
    {
      g_autoptr(GPtrArray) candidates = sr_candidates_for_customer (w->ctx, w->customer_id, NULL);
      for (guint i = 0; candidates != NULL && i < candidates->len; i++)
        {
          SrCandidate *c = candidates->pdata[i];
          g_autofree char *label = NULL;
          if (c->result != SR_CANDIDATE_PASSED || c->housekeeper_state != SR_KEEPER_AVAILABLE)
            continue;
          label = g_strdup_printf ("%s · %s", c->housekeeper_name, c->skills != NULL ? c->skills : "");
          g_strv_builder_add (labels, label);
          g_array_append_val (w->choices, c->housekeeper_id);
        }
    }
  else
    {
      g_autoptr(GPtrArray) keepers = sr_housekeepers_list (w->ctx, NULL, FALSE, 500, NULL);
      for (guint i = 0; keepers != NULL && i < keepers->len; i++)
        {
          SrHousekeeper *k = keepers->pdata[i];
          g_autofree char *label = NULL;
          if (k->state == SR_KEEPER_LEFT)
            continue;
          label = g_strdup_printf ("%s · %s · %s", k->name, sr_keeper_state_get_label (k->state),
                                   k->skills != NULL ? k->skills : "");
          g_strv_builder_add (labels, label);
          g_array_append_val (w->choices, k->id);
        }
    }
  if (w->choices->len == 0)
    return FALSE;
  items = g_strv_builder_end (labels);
  sr_form_add_choice (form, "who", _("Housekeeper"), (const char * const *) items, 0);
  return TRUE;
}

static void
on_propose (GtkButton *button,
            Work      *w)
{
  Work *f = work_new (w->window, w->customer_id, 0);
  SrForm *form = sr_form_new (w->window, _("Propose a Housekeeper"), _("_Propose"));

  if (!add_keeper_choice (form, f, FALSE))
    {
      gtk_window_destroy (GTK_WINDOW (form));
      work_free (f);
      sr_toast (w->window, _("The roster is empty: the customer manager adds housekeepers on the Housekeepers page."));
      return;
    }
  sr_form_set_info (form, _("The customer meets the housekeeper; record the interview’s result on this page afterwards."));
  sr_form_run (form, save_propose, f, (GDestroyNotify) work_free);
}

static gboolean
save_interview (SrForm   *form,
                gpointer  user_data,
                GError  **error)
{
  Work *w = user_data;
  return sr_candidates_record (w->ctx, w->id, sr_form_get_selected (form, "result") == 0, sr_form_get_text (form, "day"),
                               sr_form_get_text (form, "note"), error);
}

static void
on_interview (GtkButton *button,
              Work      *w)
{
  g_autofree char *today = sr_clock_today (sr_context_get_clock (w->ctx));
  const char *results[] = { _("Passed: the customer would take them"), _("Not taken"), NULL };
  SrForm *form = sr_form_new (w->window, _("Interview Result"), _("_Record"));

  sr_form_add_choice (form, "result", _("Result"), results, 0);
  sr_form_add_entry (form, "day", _("Day of the interview"), today);
  sr_form_add_entry (form, "note", _("Note (why not taken: required)"), NULL);
  sr_form_run (form, save_interview, work_new (w->window, w->customer_id, w->id), (GDestroyNotify) work_free);
}

static gboolean
save_place (SrForm   *form,
            gpointer  user_data,
            GError  **error)
{
  Work *w = user_data;
  guint i = sr_form_get_selected (form, "who");
  gint64 keeper = w->choices != NULL && i < w->choices->len ? g_array_index (w->choices, gint64, i) : 0;
  const char *day = sr_form_get_text (form, "day");

  if (w->id == 1)     /* a replacement */
    return sr_placements_replace (w->ctx, w->customer_id, keeper, day, sr_form_get_text (form, "reason"),
                                  sr_form_get_active (form, "retrain"), error) > 0;
  if (sr_placements_start (w->ctx, w->customer_id, keeper, day, error) == 0)
    return FALSE;
  sr_toast (w->window, _("Placed: the trial period has begun and shows on the card."));
  return TRUE;
}

static void
open_place_form (Work     *w,
                 gboolean  replace)
{
  Work *f = work_new (w->window, w->customer_id, replace ? 1 : 0);
  g_autofree char *today = sr_clock_today (sr_context_get_clock (w->ctx));
  SrForm *form = sr_form_new (w->window, replace ? _("Replace the Housekeeper (调换)") : _("Place a Housekeeper"),
                              replace ? _("_Replace") : _("_Place"));

  if (!add_keeper_choice (form, f, TRUE))
    {
      gtk_window_destroy (GTK_WINDOW (form));
      work_free (f);
      sr_toast (w->window, _("Nobody free has passed an interview with this customer: propose a housekeeper and record the interview first."));
      return;
    }
  sr_form_add_entry (form, "day", _("First day"), today);
  if (replace)
    {
      sr_form_add_entry (form, "reason", _("Why the housekeeper is replaced"), NULL);
      sr_form_add_check (form, "retrain", _("Send the one replaced back to training (回炉培训)"), NULL, FALSE);
    }
  else
    sr_form_set_info (form, _("A placement starts once the service agreement is signed and its fees due by the first day are paid. The trial ends 35 days later."));
  sr_form_run (form, save_place, f, (GDestroyNotify) work_free);
}

static void
on_place (GtkButton *button,
          Work      *w)
{
  open_place_form (w, FALSE);
}

static void
on_replace (GtkButton *button,
            Work      *w)
{
  open_place_form (w, TRUE);
}

static gboolean
save_end (SrForm   *form,
          gpointer  user_data,
          GError  **error)
{
  Work *w = user_data;
  return sr_placements_end (w->ctx, w->customer_id, sr_form_get_selected (form, "kind") == 0 ? "finished" : "cancelled",
                            sr_form_get_text (form, "reason"), error);
}

static void
on_end (GtkButton *button,
        Work      *w)
{
  const char *kinds[] = { _("The service ended"), _("Cancelled"), NULL };
  SrForm *form = sr_form_new (w->window, _("End the Placement"), _("_End"));

  sr_form_add_choice (form, "kind", _("How it ends"), kinds, 0);
  sr_form_add_entry (form, "reason", _("Why"), NULL);
  sr_form_run (form, save_end, work_new (w->window, w->customer_id, 0), (GDestroyNotify) work_free);
}

static void
add_housekeeping_group (AdwPreferencesPage *page,
                        GtkWidget          *window,
                        SrContext          *ctx,
                        gint64              customer_id,
                        gboolean            may)
{
  g_autoptr(GPtrArray) placements = sr_placements_for_customer (ctx, customer_id, NULL);
  g_autoptr(GPtrArray) candidates = sr_candidates_for_customer (ctx, customer_id, NULL);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gboolean running = placements != NULL && placements->len > 0 &&
                     ((SrPlacement *) placements->pdata[0])->ended_on == NULL;
  gboolean any_passed = FALSE;

  for (guint i = 0; candidates != NULL && i < candidates->len; i++)
    if (((SrCandidate *) candidates->pdata[i])->result == SR_CANDIDATE_PASSED)
      any_passed = TRUE;
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Housekeeper"));
  if (may)
    {
      gtk_box_append (GTK_BOX (buttons), work_button (window, _("_Propose…"), customer_id, 0, G_CALLBACK (on_propose)));
      if (running)
        {
          gtk_box_append (GTK_BOX (buttons), work_button (window, _("_Replace…"), customer_id, 0, G_CALLBACK (on_replace)));
          gtk_box_append (GTK_BOX (buttons), work_button (window, _("E_nd…"), customer_id, 0, G_CALLBACK (on_end)));
        }
      else if (any_passed)
        gtk_box_append (GTK_BOX (buttons), work_button (window, _("P_lace…"), customer_id, 0, G_CALLBACK (on_place)));
      adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), buttons);
    }
  if ((placements == NULL || placements->len == 0) && (candidates == NULL || candidates->len == 0))
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                           may ? _("Nobody proposed yet. Propose… puts a housekeeper from the roster forward for an interview.")
                                           : _("Nobody proposed yet."));
  for (guint i = 0; placements != NULL && i < placements->len; i++)
    {
      SrPlacement *p = placements->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = p->ended_on == NULL
        ? g_strdup_printf (_("%s · working since %s · trial until %s"), p->housekeeper_name, p->starts_on, p->trial_ends_on)
        : g_strdup_printf (_("%s · %s to %s"), p->housekeeper_name, p->starts_on, p->ended_on);
      g_autofree char *sub = p->ended_on == NULL ? NULL
        : g_strdup_printf ("%s: %s", sr_placement_end_get_label (p->end_kind), p->end_reason != NULL ? p->end_reason : "");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      if (sub != NULL)
        {
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sub);
          gtk_widget_add_css_class (row, "dim-label");
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  for (guint i = 0; candidates != NULL && i < candidates->len; i++)
    {
      SrCandidate *c = candidates->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_strdup_printf (_("Candidate %s · %s"), c->housekeeper_name, sr_candidate_result_get_label (c->result));
      g_autofree char *sub = g_strdup_printf ("%s%s%s%s%s", c->skills != NULL ? c->skills : "",
                                              c->interview_day != NULL ? _(" · interviewed ") : "",
                                              c->interview_day != NULL ? c->interview_day : "",
                                              c->note != NULL ? " · " : "", c->note != NULL ? c->note : "");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sub);
      if (may && c->result == SR_CANDIDATE_PROPOSED)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                   work_button (window, _("_Interview…"), customer_id, c->id, G_CALLBACK (on_interview)));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (group));
}

void
sr_customer_work_add_groups (AdwPreferencesPage *page,
                             GtkWidget          *window,
                             SrContext          *ctx,
                             SrCustomer         *customer)
{
  SrSession *session = sr_context_get_session (ctx);
  SrOfficeKind office = SR_OFFICE_PROPERTY;
  gboolean may = sr_session_may (session, SR_ACTION_FOLLOW_UP) &&
                 ((sr_session_get_roles (session) & (SR_ROLE_CUSTOMER_MANAGER | SR_ROLE_MANAGER)) ||
                  customer->owner_id == sr_session_get_staff_id (session));

  if (!sr_office_get (ctx, NULL, &office, NULL))
    return;
  if (office == SR_OFFICE_DECORATION)
    {
      add_quotes_group (page, window, ctx, customer->id, may);
      add_files_group (page, window, ctx, customer->id, may);
    }
  else if (office == SR_OFFICE_HOUSEKEEPING)
    add_housekeeping_group (page, window, ctx, customer->id, may);
}
