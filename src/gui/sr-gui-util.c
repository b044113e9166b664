#include "config.h"

#include "sr-gui-util.h"
#include "gui/sr-window.h"

static void
setup_label (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  numeric)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1.0f : 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_label (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  SrCellTextFunc func = g_object_get_data (G_OBJECT (factory), "sr-cell-func");
  g_autofree char *text = func (gtk_list_item_get_item (item));

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text != NULL ? text : "");
}

GtkColumnViewColumn *
sr_column_view_add_text (GtkColumnView  *view,
                         const char     *title,
                         SrCellTextFunc  func,
                         gboolean        numeric,
                         gboolean        expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_object_set_data (G_OBJECT (factory), "sr-cell-func", func);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_label), GINT_TO_POINTER (numeric));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label), NULL);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (view, column);
  g_object_unref (column);
  return column;
}

void
sr_group_say_shown (GtkWidget  *group,
                    guint       n,
                    const char *format,
                    ...)
{
  g_autofree char *text = NULL;
  va_list args;

  if (n <= SR_ROWS_SHOWN)
    return;
  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), text);
}

/* Lines of two texts: an item is a string object holding the line's whole text (for a
 * search) with its title and subtitle attached. */
void
sr_lines_append (GListStore *store,
                 const char *title,
                 const char *subtitle)
{
  g_autofree char *text = g_strconcat (title, " ", subtitle, NULL);
  g_autoptr(GtkStringObject) item = gtk_string_object_new (text);

  g_object_set_data_full (G_OBJECT (item), "title", g_strdup (title), g_free);
  g_object_set_data_full (G_OBJECT (item), "subtitle", g_strdup (subtitle), g_free);
  g_list_store_append (store, item);
}

static void
setup_line (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  subtitle_lines)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *labels[] = { title, subtitle };

  for (guint k = 0; k < G_N_ELEMENTS (labels); k++)
    {
      gtk_label_set_xalign (GTK_LABEL (labels[k]), 0);
      gtk_label_set_wrap (GTK_LABEL (labels[k]), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (labels[k]), PANGO_WRAP_WORD_CHAR);
      gtk_box_append (GTK_BOX (box), labels[k]);
    }
  if (GPOINTER_TO_INT (subtitle_lines) > 0)
    {
      gtk_label_set_lines (GTK_LABEL (subtitle), GPOINTER_TO_INT (subtitle_lines));
      gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
    }
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_list_item_set_child (item, box);
}

static void
bind_line (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  subtitle_lines)
{
  GObject *line = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  const char *subtitle = g_object_get_data (line, "subtitle");

  gtk_label_set_text (GTK_LABEL (title), g_object_get_data (line, "title"));
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_next_sibling (title)), subtitle);
  /* Cut to a few lines: the whole of it on hovering. */
  gtk_widget_set_tooltip_text (box, GPOINTER_TO_INT (subtitle_lines) > 0 ? subtitle : NULL);
}

GtkWidget *
sr_lines_view_new (GListModel *lines,
                   int         subtitle_lines)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *view;
  GtkWidget *clamp;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_line), GINT_TO_POINTER (subtitle_lines));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_line), GINT_TO_POINTER (subtitle_lines));
  view = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (lines)), factory);
  gtk_list_view_set_show_separators (GTK_LIST_VIEW (view), TRUE);
  gtk_widget_add_css_class (view, "card");
  gtk_widget_set_margin_top (view, 12);
  gtk_widget_set_margin_bottom (view, 12);
  /* Straight in the scroller (through a scrollable clamp), so the view recycles its rows. */
  clamp = adw_clamp_scrollable_new ();
  adw_clamp_scrollable_set_child (ADW_CLAMP_SCROLLABLE (clamp), view);
  return clamp;
}

GListStore *
sr_list_store_from_array (GType      type,
                          GPtrArray *rows)
{
  GListStore *store = g_list_store_new (type);

  if (rows != NULL)
    g_list_store_splice (store, 0, 0, rows->pdata, rows->len);
  return store;
}

GtkWidget *
sr_record_window_new (GtkWidget *parent,
                      SrContext *ctx,
                      int        width,
                      int        height)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
  sr_window_watch_activity (window);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (box), scroller);
  adw_window_set_content (ADW_WINDOW (window), box);
  g_object_set_data_full (G_OBJECT (window), "ctx", g_object_ref (ctx), g_object_unref);
  g_object_set_data (G_OBJECT (window), "scroller", scroller);
  return window;
}

static void
on_record_changed (SrContext  *ctx,
                   const char *table,
                   GtkWidget  *window)
{
  void (*fill) (GtkWidget *) = g_object_get_data (G_OBJECT (window), "sr-fill");
  const char * const *tables = g_object_get_data (G_OBJECT (window), "sr-watched-tables");

  if (table != NULL && g_strv_contains (tables, table))
    fill (window);
}

void
sr_record_window_watch (GtkWidget  *window,
                        const char *tables,
                        void      (*fill) (GtkWidget *window))
{
  SrContext *ctx = g_object_get_data (G_OBJECT (window), "ctx");

  g_object_set_data_full (G_OBJECT (window), "sr-watched-tables", g_strsplit (tables, " ", -1),
                          (GDestroyNotify) g_strfreev);
  g_object_set_data (G_OBJECT (window), "sr-fill", fill);
  g_signal_connect_object (ctx, "changed", G_CALLBACK (on_record_changed), window, 0);
  fill (window);
}

GtkWidget *
sr_toolbar_view_new (GtkWidget **out_toolbar,
                     GtkWidget  *child)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_widget_add_css_class (toolbar, "toolbar");
  gtk_box_append (GTK_BOX (box), toolbar);
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_widget_set_vexpand (child, TRUE);
  gtk_box_append (GTK_BOX (box), child);
  *out_toolbar = toolbar;
  return box;
}

GtkWidget *
sr_toolbar_add_button (GtkWidget  *toolbar,
                       const char *icon_name,
                       const char *label,
                       const char *action_name)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), icon_name);
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), label);
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_box_append (GTK_BOX (toolbar), button);
  return button;
}

GtkWidget *
sr_section_header_new (const char *title,
                       const char *subtitle)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *t = gtk_label_new (title);
  GtkWidget *s = gtk_label_new (subtitle);

  gtk_widget_add_css_class (t, "title-2");
  gtk_label_set_xalign (GTK_LABEL (t), 0);
  gtk_widget_add_css_class (s, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (s), 0);
  gtk_label_set_wrap (GTK_LABEL (s), TRUE);
  gtk_box_append (GTK_BOX (box), t);
  gtk_box_append (GTK_BOX (box), s);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 6);
  return box;
}

static GtkWidget *
figure_cell (const char *text,
             gboolean    numeric,
             gboolean    heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1 : 0);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_hexpand (label, !numeric);
  return label;
}

static void
figure_row (GtkWidget          *table,
            const char * const *cells,
            gboolean            bold,
            gboolean            dim,
            int                 row)
{
  guint n = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (table), "sr-columns"));

  for (guint c = 0; c < n; c++)
    {
      GtkWidget *w = figure_cell (cells[c], c > 0, bold);
      if (dim)
        gtk_widget_add_css_class (w, "dim-label");
      /* A little air inside the card. */
      if (c == 0)
        gtk_widget_set_margin_start (w, 12);
      if (c == n - 1)
        gtk_widget_set_margin_end (w, 12);
      if (row == 0)
        gtk_widget_set_margin_top (w, 8);
      gtk_grid_attach (GTK_GRID (table), w, (int) c, row, 1, 1);
    }
}

GtkWidget *
sr_figure_table_new (const char * const *heads)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_widget_add_css_class (grid, "card");
  gtk_widget_set_margin_bottom (grid, 18);
  g_object_set_data (G_OBJECT (grid), "sr-columns", GUINT_TO_POINTER (g_strv_length ((char **) heads)));
  g_object_set_data (G_OBJECT (grid), "sr-rows", GINT_TO_POINTER (1));
  figure_row (grid, heads, TRUE, FALSE, 0);
  return grid;
}

void
sr_figure_table_add_row (GtkWidget          *table,
                         const char * const *cells,
                         gboolean            bold,
                         gboolean            dim)
{
  int row = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (table), "sr-rows"));
  guint n = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (table), "sr-columns"));

  figure_row (table, cells, bold, dim, row);
  /* Air under the last row only. */
  for (guint c = 0; c < n; c++)
    {
      if (row > 1)
        gtk_widget_set_margin_bottom (gtk_grid_get_child_at (GTK_GRID (table), (int) c, row - 1), 0);
      gtk_widget_set_margin_bottom (gtk_grid_get_child_at (GTK_GRID (table), (int) c, row), 8);
    }
  g_object_set_data (G_OBJECT (table), "sr-rows", GINT_TO_POINTER (row + 1));
}

/* Pages read when shown ---------------------------------------------------------------- */

typedef struct {
  void (*reload) (gpointer data);
  gpointer data;
  gboolean is_stale;
} PageReload;

static void
on_page_map (GtkWidget  *page,
             PageReload *r)
{
  if (r->is_stale)
    {
      r->is_stale = FALSE;
      r->reload (r->data);
    }
}

void
sr_page_set_reload (GtkWidget  *page,
                    void      (*reload) (gpointer data),
                    gpointer    data)
{
  PageReload *r = g_new0 (PageReload, 1);

  r->reload = reload;
  r->data = data;
  r->is_stale = TRUE;
  g_object_set_data_full (G_OBJECT (page), "sr-page-reload", r, g_free);
  g_signal_connect (page, "map", G_CALLBACK (on_page_map), r);
}

void
sr_page_refresh (GtkWidget *page)
{
  PageReload *r = g_object_get_data (G_OBJECT (page), "sr-page-reload");

  if (r == NULL)
    return;
  if (gtk_widget_get_mapped (page))
    {
      r->is_stale = FALSE;
      r->reload (r->data);
    }
  else
    r->is_stale = TRUE;
}

char *
sr_chooser_path (GtkNativeDialog *dialog,
                 int              response)
{
  g_autoptr(GFile) file = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return NULL;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  return file != NULL ? g_file_get_path (file) : NULL;
}

GSettings *
sr_settings_load (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL)
    {
      /* Running from the build tree without GSETTINGS_SCHEMA_DIR. */
      g_autoptr(GSettingsSchemaSource) local =
        g_settings_schema_source_new_from_directory (BUILD_SCHEMADIR, source, FALSE, NULL);
      if (local != NULL)
        schema = g_settings_schema_source_lookup (local, APPLICATION_ID, FALSE);
    }
  if (schema == NULL)
    return NULL;
  return g_settings_new_full (schema, NULL, NULL);
}
