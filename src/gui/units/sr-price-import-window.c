/* sr-price-import-window.c — see sr-price-import-window.h. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "core/sr-price-list.h"
#include "gui/sr-gui-util.h"
#include "gui/sr-window.h"
#include "sr-price-import-window.h"

/* A row of the preview: points into the window's price list. */
#define SR_TYPE_PRICE_ITEM (sr_price_item_get_type ())
G_DECLARE_FINAL_TYPE (SrPriceItem, sr_price_item, SR, PRICE_ITEM, GObject)

struct _SrPriceItem
{
  GObject parent_instance;
  SrPriceRow *row;
};

G_DEFINE_FINAL_TYPE (SrPriceItem, sr_price_item, G_TYPE_OBJECT)

static void sr_price_item_class_init (SrPriceItemClass *klass) { }
static void sr_price_item_init (SrPriceItem *self) { }

typedef struct {
  SrContext *ctx;
  GtkWidget *window;
  GtkWidget *parent;
  GtkWidget *project;
  GtkWidget *summary;
  GtkWidget *import;
  GListStore *store;
  SrPriceList *list;      /* NULL when the file was refused */
  char *file_name;
  guint timeout;
} Preview;

static void
preview_free (Preview *v)
{
  g_clear_handle_id (&v->timeout, g_source_remove);
  g_clear_object (&v->ctx);
  g_clear_object (&v->parent);
  g_clear_object (&v->store);
  g_clear_pointer (&v->list, sr_price_list_free);
  g_free (v->file_name);
  g_free (v);
}

static SrPriceRow *
item_row (gpointer item)
{
  return SR_PRICE_ITEM (item)->row;
}

static char *cell_line (gpointer item) { return g_strdup_printf ("%u", item_row (item)->line); }
static char *cell_building (gpointer item) { return g_strdup (item_row (item)->building); }
static char *cell_entrance (gpointer item) { return g_strdup (item_row (item)->entrance); }
static char *cell_floor (gpointer item) { return g_strdup_printf ("%d", item_row (item)->floor); }
static char *cell_number (gpointer item) { return g_strdup (item_row (item)->number); }
static char *cell_type (gpointer item) { return g_strdup (item_row (item)->unit_type); }
static char *cell_area (gpointer item) { return sr_area_format (item_row (item)->area_centi); }
static char *cell_total (gpointer item) { return sr_money_format (item_row (item)->total_fen); }

static char *
cell_action (gpointer item)
{
  SrPriceRow *row = item_row (item);
  g_autofree char *old = NULL;

  switch (row->action)
    {
    case SR_PRICE_ROW_NEW:
      return g_strdup (_("New unit"));
    case SR_PRICE_ROW_CHANGED:
      if (row->old_total_fen == row->total_fen)
        return g_strdup (_("Area or type changes"));
      old = sr_money_format (row->old_total_fen);
      return g_strdup_printf (_("Price was %s"), old);
    case SR_PRICE_ROW_UNCHANGED:
    default:
      return g_strdup (_("Unchanged"));
    }
}

static void
show_error (Preview      *v,
            const GError *error)
{
  gtk_label_set_text (GTK_LABEL (v->summary), error->message);
  gtk_widget_add_css_class (v->summary, "error");
  gtk_widget_set_sensitive (v->import, FALSE);
}

/* Checks the whole file against the database without keeping anything. */
static void
check (Preview *v)
{
  g_autoptr(GError) error = NULL;
  const char *project = gtk_editable_get_text (GTK_EDITABLE (v->project));
  g_autofree char *text = NULL;

  if (v->list == NULL)
    return;
  if (!sr_price_list_import (v->ctx, v->list, project, TRUE, &error))
    {
      show_error (v, error);
      return;
    }
  text = g_strdup_printf (_("%s: %u units for %s%s. New: %u (%u new buildings) · price changes: %u · unchanged: %u. "
                            "Nothing is written until you press Import."),
                          v->file_name, v->list->rows->len, project,
                          v->list->is_new_project ? _(" (a new project)") : "",
                          v->list->n_new, v->list->n_new_buildings, v->list->n_changed, v->list->n_unchanged);
  gtk_label_set_text (GTK_LABEL (v->summary), text);
  gtk_widget_remove_css_class (v->summary, "error");
  gtk_widget_set_sensitive (v->import, TRUE);
  /* The actions changed: redraw the rows. */
  g_list_model_items_changed (G_LIST_MODEL (v->store), 0, v->list->rows->len, v->list->rows->len);
}

static gboolean
check_later (gpointer data)
{
  Preview *v = data;
  v->timeout = 0;
  check (v);
  return G_SOURCE_REMOVE;
}

static void
on_project_changed (Preview *v)
{
  gtk_widget_set_sensitive (v->import, FALSE);
  g_clear_handle_id (&v->timeout, g_source_remove);
  v->timeout = g_timeout_add (300, check_later, v);
}

static void
on_import (Preview *v)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *project = gtk_editable_get_text (GTK_EDITABLE (v->project));

  if (!sr_price_list_import (v->ctx, v->list, project, FALSE, &error))
    {
      show_error (v, error);
      return;
    }
  text = g_strdup_printf (_("Price list imported: %u new units, %u price changes."), v->list->n_new,
                          v->list->n_changed);
  sr_toast (v->parent, text);
  gtk_window_destroy (GTK_WINDOW (v->window));
}

GtkWidget *
sr_price_import_window_new (GtkWidget  *parent,
                            SrContext  *ctx,
                            GFile      *file,
                            const char *project)
{
  Preview *v = g_new0 (Preview, 1);
  GtkWidget *box, *header, *cancel, *group, *scroller, *view;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GtkRoot *root = gtk_widget_get_root (parent);
  GtkShortcutController *shortcuts;

  v->ctx = g_object_ref (ctx);
  v->parent = g_object_ref (parent);
  v->file_name = g_file_get_basename (file);
  v->store = g_list_store_new (SR_TYPE_PRICE_ITEM);
  v->window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (v->window), _("Import Price List"));
  gtk_window_set_default_size (GTK_WINDOW (v->window), 980, 640);
  gtk_window_set_modal (GTK_WINDOW (v->window), TRUE);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (v->window), GTK_WINDOW (root));
  sr_window_watch_activity (v->window);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), v->window);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  v->import = gtk_button_new_with_mnemonic (_("_Import"));
  gtk_widget_add_css_class (v->import, "suggested-action");
  gtk_widget_set_sensitive (v->import, FALSE);
  g_signal_connect_swapped (v->import, "clicked", G_CALLBACK (on_import), v);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), v->import);
  gtk_box_append (GTK_BOX (box), header);

  group = adw_preferences_group_new ();
  gtk_widget_set_margin_start (group, 12);
  gtk_widget_set_margin_end (group, 12);
  gtk_widget_set_margin_top (group, 12);
  v->project = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (v->project), _("Project (楼盘)"));
  gtk_editable_set_text (GTK_EDITABLE (v->project), project != NULL ? project : "");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), v->project);
  gtk_box_append (GTK_BOX (box), group);

  v->summary = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (v->summary), TRUE);
  gtk_label_set_xalign (GTK_LABEL (v->summary), 0);
  gtk_label_set_selectable (GTK_LABEL (v->summary), TRUE);
  gtk_widget_set_margin_start (v->summary, 12);
  gtk_widget_set_margin_end (v->summary, 12);
  gtk_widget_set_margin_top (v->summary, 12);
  gtk_widget_set_margin_bottom (v->summary, 6);
  gtk_box_append (GTK_BOX (box), v->summary);

  view = gtk_column_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_object_ref (v->store)))));
  gtk_widget_add_css_class (view, "data-table");
  sr_column_view_add_text (GTK_COLUMN_VIEW (view), _("Line"), cell_line, TRUE, FALSE);
  sr_column_view_add_text (GTK_COLUMN_VIEW (view), _("Building"), cell_building, FALSE, FALSE);
  sr_column_view_add_text (GTK_COLUMN_VIEW (view), _("Entrance"), cell_entrance, FALSE, FALSE);
  sr_column_view_add_text (GTK_COLUMN_VIEW (view), _("Floor"), cell_floor, TRUE, FALSE);
  sr_column_view_add_text (GTK_COLUMN_VIEW (view), _("Number"), cell_number, FALSE, FALSE);
  sr_column_view_add_text (GTK_COLUMN_VIEW (view), _("Unit type"), cell_type, FALSE, FALSE);
  sr_column_view_add_text (GTK_COLUMN_VIEW (view), _("Area, m²"), cell_area, TRUE, FALSE);
  sr_column_view_add_text (GTK_COLUMN_VIEW (view), _("Total price"), cell_total, TRUE, FALSE);
  sr_column_view_add_text (GTK_COLUMN_VIEW (view), _("What happens"), cell_action, FALSE, TRUE);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (box), scroller);
  adw_window_set_content (ADW_WINDOW (v->window), box);

  shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_shortcut_controller_add_shortcut (shortcuts,
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0), gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (v->window, GTK_EVENT_CONTROLLER (shortcuts));
  g_object_set_data_full (G_OBJECT (v->window), "sr-preview", v, (GDestroyNotify) preview_free);

  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  if (bytes != NULL)
    v->list = sr_price_list_parse (bytes, &error);
  if (v->list == NULL)
    show_error (v, error);
  else
    {
      for (guint i = 0; i < v->list->rows->len; i++)
        {
          SrPriceItem *item = g_object_new (SR_TYPE_PRICE_ITEM, NULL);
          item->row = g_ptr_array_index (v->list->rows, i);
          g_list_store_append (v->store, item);
          g_object_unref (item);
        }
      check (v);
    }
  g_signal_connect_swapped (v->project, "changed", G_CALLBACK (on_project_changed), v);
  return v->window;
}

typedef struct {
  GtkWidget *parent;
  SrContext *ctx;
  char *project;
} Choice;

static void
on_chosen (GtkNativeDialog *dialog,
           int              response,
           Choice          *c)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      gtk_window_present (GTK_WINDOW (sr_price_import_window_new (c->parent, c->ctx, file, c->project)));
    }
  g_object_unref (c->parent);
  g_object_unref (c->ctx);
  g_free (c->project);
  g_free (c);
  g_object_unref (dialog);
}

void
sr_price_import_choose (GtkWidget  *parent,
                        SrContext  *ctx,
                        const char *project)
{
  GtkRoot *root = gtk_widget_get_root (parent);
  GtkFileChooserNative *dialog;
  GtkFileFilter *filter = gtk_file_filter_new ();
  Choice *c = g_new0 (Choice, 1);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  dialog = gtk_file_chooser_native_new (_("Choose the Price List (CSV)"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("CSV files (saved from Excel)"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_suffix (filter, "CSV");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  G_GNUC_END_IGNORE_DEPRECATIONS
  g_object_unref (filter);
  c->parent = g_object_ref (parent);
  c->ctx = g_object_ref (ctx);
  c->project = g_strdup (project);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_chosen), c);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}
