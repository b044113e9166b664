/* sr-registers-page.c — see sr-registers-page.h. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "core/sr-db.h"
#include "core/sr-office.h"
#include "core/sr-registers.h"
#include "core/sr-staff.h"
#include "gui/sr-gui-util.h"
#include "gui/sr-print.h"
#include "gui/sr-window.h"
#include "registers/sr-register-file.h"
#include "sr-registers-page.h"

#define PREVIEW_ROWS 500

/* A preview row: the cells as shown. */
#define SR_TYPE_PREVIEW_ROW (sr_preview_row_get_type ())
G_DECLARE_FINAL_TYPE (SrPreviewRow, sr_preview_row, SR, PREVIEW_ROW, GObject)

struct _SrPreviewRow
{
  GObject parent_instance;
  GStrv cells;
};

G_DEFINE_TYPE (SrPreviewRow, sr_preview_row, G_TYPE_OBJECT)

static void
sr_preview_row_finalize (GObject *object)
{
  g_strfreev (SR_PREVIEW_ROW (object)->cells);
  G_OBJECT_CLASS (sr_preview_row_parent_class)->finalize (object);
}

static void sr_preview_row_class_init (SrPreviewRowClass *klass) { G_OBJECT_CLASS (klass)->finalize = sr_preview_row_finalize; }
static void sr_preview_row_init (SrPreviewRow *self) { }

typedef struct {
  SrContext *ctx;
  GtkWidget *root;
  GtkWidget *list;            /* the registers */
  GtkWidget *title;
  GtkWidget *description;
  GtkWidget *from;
  GtkWidget *from_label;
  GtkWidget *to;
  GtkWidget *to_label;
  GtkWidget *consultant;
  GArray *consultant_ids;
  GtkWidget *building;
  GArray *building_ids;       /* per item: building id (> 0) or -project id */
  GtkWidget *count;
  GtkWidget *scroller;
  GtkWidget *progress;
  GtkWidget *cancel;
  GtkWidget *export_box;
  GPtrArray *readable;        /* const SrRegister * */
  const SrRegister *reg;
  GCancellable *cancellable;  /* the running export's */
  GtkFileChooserNative *chooser;
  gboolean chooser_pdf;
} Page;

gboolean
sr_registers_page_is_for (SrSession *session)
{
  for (guint i = 0; i < sr_registers_count (); i++)
    if (sr_register_may_read (sr_registers_nth (i), session))
      return TRUE;
  return FALSE;
}

static void
page_free (Page *p)
{
  if (p->cancellable != NULL)
    g_cancellable_cancel (p->cancellable);
  g_clear_object (&p->cancellable);
  g_clear_object (&p->chooser);
  g_clear_pointer (&p->consultant_ids, g_array_unref);
  g_clear_pointer (&p->building_ids, g_array_unref);
  g_clear_pointer (&p->readable, g_ptr_array_unref);
  g_clear_object (&p->ctx);
  g_free (p);
}

/* The filter as set on the page; FALSE with the reason when a day is wrong. */
static gboolean
read_filter (Page             *p,
             SrRegisterFilter *filter,
             GError          **error)
{
  const char *from = gtk_editable_get_text (GTK_EDITABLE (p->from));
  const char *to = gtk_editable_get_text (GTK_EDITABLE (p->to));
  guint c = gtk_drop_down_get_selected (GTK_DROP_DOWN (p->consultant));
  guint b = p->building_ids != NULL ? gtk_drop_down_get_selected (GTK_DROP_DOWN (p->building)) : 0;

  memset (filter, 0, sizeof *filter);
  if (sr_register_get_kind (p->reg) == SR_REGISTER_RANGE && *from != '\0')
    filter->from_day = g_strstrip (g_strdup (from));
  if (*to != '\0')
    filter->to_day = g_strstrip (g_strdup (to));
  if (c < p->consultant_ids->len)
    filter->consultant_id = g_array_index (p->consultant_ids, gint64, c);
  if (p->building_ids != NULL && b < p->building_ids->len)
    {
      gint64 id = g_array_index (p->building_ids, gint64, b);
      if (id > 0)
        filter->building_id = id;
      else
        filter->project_id = -id;
    }
  return sr_register_filter_check (p->reg, p->ctx, filter, error);
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (label), GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "numeric")) ? 1.0 : 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "numeric")))
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  data)
{
  SrPreviewRow *row = gtk_list_item_get_item (item);
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      row->cells != NULL && column < g_strv_length (row->cells) ? row->cells[column] : "");
}

/* Reads the first rows into a column view. */
static void
preview (Page *p)
{
  g_autoptr(GError) error = NULL;
  SrRegisterFilter filter;
  g_autoptr(SrRegisterCursor) cursor = NULL;
  g_autoptr(GListStore) store = g_list_store_new (SR_TYPE_PREVIEW_ROW);
  GtkWidget *view;
  guint n = sr_register_get_n_columns (p->reg), total = 0, shown = 0;
  gboolean grouped = sr_register_get_grouping (p->reg) != SR_GROUP_NONE;

  if (!read_filter (p, &filter, &error) ||
      !sr_register_count (p->ctx, p->reg, &filter, &total, &error) ||
      (cursor = sr_register_open (p->ctx, p->reg, &filter, &error)) == NULL)
    {
      gtk_label_set_text (GTK_LABEL (p->count), error->message);
      gtk_widget_add_css_class (p->count, "error");
      sr_register_filter_clear (&filter);
      return;
    }
  gtk_widget_remove_css_class (p->count, "error");
  while (shown < PREVIEW_ROWS && sr_register_cursor_next (cursor, NULL))
    {
      SrPreviewRow *row = g_object_new (SR_TYPE_PREVIEW_ROW, NULL);
      row->cells = g_new0 (char *, n + 2);
      if (grouped)
        row->cells[0] = g_strdup (sr_register_group_label (p->reg, sr_register_cursor_group (cursor)));
      for (guint c = 0; c < n; c++)
        row->cells[c + (grouped ? 1 : 0)] = sr_register_cursor_display (cursor, c);
      g_list_store_append (store, row);
      g_object_unref (row);
      shown++;
    }
  view = gtk_column_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&store)))));
  gtk_widget_add_css_class (view, "data-table");
  for (guint c = 0; c < n + (grouped ? 1 : 0); c++)
    {
      const SrRegisterColumn *col = grouped && c == 0 ? NULL : sr_register_get_column (p->reg, c - (grouped ? 1 : 0));
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;
      gboolean numeric = col != NULL && (col->type == SR_CELL_MONEY || col->type == SR_CELL_INT ||
                                         col->type == SR_CELL_AREA || col->type == SR_CELL_PERCENT);
      g_object_set_data (G_OBJECT (factory), "column", GUINT_TO_POINTER (c));
      g_object_set_data (G_OBJECT (factory), "numeric", GINT_TO_POINTER (numeric));
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), NULL);
      column = gtk_column_view_column_new (col != NULL ? _(col->title)
                                           : sr_register_get_grouping (p->reg) == SR_GROUP_SHEETS ? _("Sheet") : _("Section"),
                                           factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_fixed_width (column, MAX (60, MIN ((col != NULL ? col->width : 10) * 9, 260)));
      gtk_column_view_append_column (GTK_COLUMN_VIEW (view), column);
      g_object_unref (column);
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (p->scroller), view);
  {
    g_autofree char *range = sr_register_filter_describe (p->reg, &filter);
    g_autofree char *text = total == 0 ? g_strdup_printf (_("%s: no row. The file still has the form, empty."), range)
                          : total > shown ? g_strdup_printf (_("%s: %u rows; the first %u are shown here, the file has them all."),
                                                             range, total, shown)
                          : g_strdup_printf (_("%s: %u rows."), range, total);
    gtk_label_set_text (GTK_LABEL (p->count), text);
  }
  sr_register_filter_clear (&filter);
}

static void
on_filter_changed (Page *p)
{
  if (p->reg != NULL)
    preview (p);
}

/* Exporting off the main thread ---------------------------------------------------------- */

typedef struct {
  Page *p;
  char *db_path;
  SrSession *session;
  SrClock *clock;
  const SrRegister *reg;
  SrRegisterFilter filter;
  char *path;
  guint rows;
  gint progress_rows;         /* atomic */
  guint progress_id;
} Export;

static void
export_free (Export *e)
{
  g_clear_handle_id (&e->progress_id, g_source_remove);
  g_free (e->db_path);
  g_clear_object (&e->session);
  g_clear_object (&e->clock);
  sr_register_filter_clear (&e->filter);
  g_free (e->path);
  g_free (e);
}

static void
export_progress (guint    rows,
                 gpointer data)
{
  Export *e = data;
  g_atomic_int_set (&e->progress_rows, (gint) rows);
}

static gboolean
show_progress (gpointer data)
{
  Export *e = data;
  guint rows = (guint) g_atomic_int_get (&e->progress_rows);
  g_autofree char *text = g_strdup_printf (_("%u rows written…"), rows);

  gtk_progress_bar_pulse (GTK_PROGRESS_BAR (e->p->progress));
  gtk_progress_bar_set_text (GTK_PROGRESS_BAR (e->p->progress), text);
  return G_SOURCE_CONTINUE;
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  Export *e = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SrDb) db = sr_db_open (e->db_path, SR_DB_OPEN_EXISTING, &error);
  g_autoptr(SrContext) ctx = NULL;

  if (db == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  ctx = sr_context_new (db, e->clock);
  sr_context_set_session (ctx, e->session);
  if (!sr_register_export (ctx, e->reg, &e->filter, e->path, export_progress, e, cancellable, &e->rows, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
set_busy (Page     *p,
          gboolean  busy)
{
  gtk_widget_set_visible (p->progress, busy);
  gtk_widget_set_visible (p->cancel, busy);
  gtk_widget_set_sensitive (p->export_box, !busy);
  gtk_widget_set_sensitive (p->list, !busy);
}

static void
export_done (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  Export *e = data;
  Page *p = e->p;
  g_autoptr(GError) error = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *message = g_strdup_printf (_("Wrote %u rows to %s."), e->rows, e->path);
      sr_toast (p->root, message);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    sr_toast (p->root, _("Export cancelled; no file was written."));
  else
    sr_toast_error (p->root, error);
  set_busy (p, FALSE);
  g_clear_object (&p->cancellable);
  sr_context_emit_changed (p->ctx, "audit_log");
  export_free (e);
}

static void
start_export (Page       *p,
              const char *path)
{
  g_autoptr(GError) error = NULL;
  Export *e = g_new0 (Export, 1);
  g_autoptr(GTask) task = NULL;

  e->p = p;
  e->reg = p->reg;
  if (!read_filter (p, &e->filter, &error))
    {
      sr_toast_error (p->root, error);
      export_free (e);
      return;
    }
  /* The export's own connection, on its thread (with a server's password). */
  e->db_path = sr_db_dup_connection (sr_context_get_db (p->ctx));
  e->session = g_object_ref (sr_context_get_session (p->ctx));
  e->clock = g_object_ref (sr_context_get_clock (p->ctx));
  e->path = g_strdup (path);
  p->cancellable = g_cancellable_new ();
  set_busy (p, TRUE);
  gtk_progress_bar_set_text (GTK_PROGRESS_BAR (p->progress), _("Starting…"));
  e->progress_id = g_timeout_add (150, show_progress, e);
  task = g_task_new (NULL, p->cancellable, export_done, e);
  g_task_set_task_data (task, e, NULL);
  g_task_run_in_thread (task, export_thread);
}

void
sr_registers_page_export (GtkWidget  *page,
                          const char *path)
{
  Page *p = g_object_get_data (G_OBJECT (page), "sr-registers-page");

  if (p->reg != NULL && p->cancellable == NULL)
    start_export (p, path);
}

static void
on_chooser_response (GtkNativeDialog *dialog,
                     int              response,
                     Page            *p)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  path = g_file_get_path (file);
  if (path == NULL)
    return;
  if (!g_str_has_suffix (path, p->chooser_pdf ? ".pdf" : ".xlsx"))
    {
      char *with = g_strconcat (path, p->chooser_pdf ? ".pdf" : ".xlsx", NULL);
      g_free (path);
      path = with;
    }
  start_export (p, path);
}

static void
choose_file (Page     *p,
             gboolean  pdf)
{
  g_autofree char *name = NULL;
  g_autofree char *today = sr_clock_today (sr_context_get_clock (p->ctx));
  GtkFileFilter *filter = gtk_file_filter_new ();

  if (p->reg == NULL)
    return;
  g_clear_object (&p->chooser);
  p->chooser_pdf = pdf;
  p->chooser = gtk_file_chooser_native_new (pdf ? _("Save the Register as PDF") : _("Export the Register to Excel"),
                                            GTK_WINDOW (gtk_widget_get_root (p->root)), GTK_FILE_CHOOSER_ACTION_SAVE,
                                            pdf ? _("_Save") : _("_Export"), NULL);
  gtk_file_filter_set_name (filter, pdf ? _("PDF documents") : _("Excel workbooks"));
  gtk_file_filter_add_suffix (filter, pdf ? "pdf" : "xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (p->chooser), filter);
  g_object_unref (filter);
  name = g_strdup_printf ("%s-%s.%s", sr_register_get_title (p->reg), today, pdf ? "pdf" : "xlsx");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (p->chooser), name);
  g_signal_connect (p->chooser, "response", G_CALLBACK (on_chooser_response), p);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (p->chooser));
}

static void on_excel (GtkButton *button, Page *p) { choose_file (p, FALSE); }
static void on_pdf (GtkButton *button, Page *p) { choose_file (p, TRUE); }

static void
on_cancel (GtkButton *button,
           Page      *p)
{
  if (p->cancellable != NULL)
    g_cancellable_cancel (p->cancellable);
}

/* Printing: the same pages, scaled to the paper chosen. */
static void
draw_page (cairo_t *cr,
           double   width,
           double   height,
           guint    page,
           gpointer data)
{
  double scale = MIN (width / SR_REGISTER_PAGE_WIDTH, height / SR_REGISTER_PAGE_HEIGHT);
  cairo_save (cr);
  cairo_scale (cr, scale, scale);
  sr_register_pages_draw (data, cr, page);
  cairo_restore (cr);
}

static void
on_print (GtkButton *button,
          Page      *p)
{
  g_autoptr(GError) error = NULL;
  SrRegisterFilter filter;
  SrRegisterPages *pages;

  if (p->reg == NULL)
    return;
  if (!read_filter (p, &filter, &error))
    {
      sr_toast_error (p->root, error);
      return;
    }
  pages = sr_register_pages_new (p->ctx, p->reg, &filter, SR_REGISTER_PAGE_WIDTH, SR_REGISTER_PAGE_HEIGHT, NULL, NULL, NULL,
                                 &error);
  if (pages == NULL)
    sr_toast_error (p->root, error);
  else
    {
      sr_register_log_export (p->ctx, p->reg, &filter, sr_register_pages_rows (pages), "print", NULL);
      sr_print_pages (p->root, sr_register_get_title (p->reg), TRUE, sr_register_pages_count (pages), draw_page, pages,
                      (GDestroyNotify) sr_register_pages_free);
    }
  sr_register_filter_clear (&filter);
}

/* Choosing a register ------------------------------------------------------------------ */

static void
on_selected (GtkListBox    *list,
             GtkListBoxRow *row,
             Page          *p)
{
  SrRegisterFilter defaults = { 0 };
  gboolean range;

  if (row == NULL)
    return;
  p->reg = g_ptr_array_index (p->readable, gtk_list_box_row_get_index (row));
  range = sr_register_get_kind (p->reg) == SR_REGISTER_RANGE;
  gtk_label_set_text (GTK_LABEL (p->title), sr_register_get_title (p->reg));
  gtk_label_set_text (GTK_LABEL (p->description), sr_register_get_description (p->reg));
  sr_register_filter_default (p->reg, p->ctx, &defaults);
  g_signal_handlers_block_by_func (p->from, on_filter_changed, p);
  g_signal_handlers_block_by_func (p->to, on_filter_changed, p);
  gtk_editable_set_text (GTK_EDITABLE (p->from), defaults.from_day != NULL ? defaults.from_day : "");
  gtk_editable_set_text (GTK_EDITABLE (p->to), defaults.to_day);
  g_signal_handlers_unblock_by_func (p->from, on_filter_changed, p);
  g_signal_handlers_unblock_by_func (p->to, on_filter_changed, p);
  gtk_widget_set_visible (p->from, range);
  gtk_widget_set_visible (p->from_label, range);
  gtk_label_set_text (GTK_LABEL (p->to_label), range ? _("to") : _("As of"));
  sr_register_filter_clear (&defaults);
  preview (p);
}

/* The first register, when the page is first shown (not at sign-in: reading it costs). */
static void
select_first (Page *p)
{
  if (p->reg == NULL)
    gtk_list_box_select_row (GTK_LIST_BOX (p->list), gtk_list_box_get_row_at_index (GTK_LIST_BOX (p->list), 0));
}

static GtkWidget *
consultant_drop_down (Page *p)
{
  g_autoptr(GPtrArray) staff = sr_staff_list (p->ctx, FALSE, NULL);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) items = NULL;
  SrSession *session = sr_context_get_session (p->ctx);
  gint64 none = 0;
  GtkWidget *drop;

  p->consultant_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_strv_builder_add (names, _("Everyone"));
  g_array_append_val (p->consultant_ids, none);
  for (guint i = 0; staff != NULL && i < staff->len; i++)
    {
      SrStaffMember *m = staff->pdata[i];
      if (!(m->roles & (SR_ROLE_CONSULTANT | SR_ROLE_RECEPTIONIST)))
        continue;
      g_strv_builder_add (names, m->display_name);
      g_array_append_val (p->consultant_ids, m->id);
    }
  items = g_strv_builder_end (names);
  drop = gtk_drop_down_new_from_strings ((const char * const *) items);
  /* A consultant reads their own customers whatever is chosen: no choice to show. */
  gtk_widget_set_visible (drop, (sr_session_get_roles (session) & ~(SrRoles) SR_ROLE_CONSULTANT) != 0);
  return drop;
}

static GtkWidget *
building_drop_down (Page *p)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) items = NULL;
  g_autoptr(SrStmt) stmt = sr_db_prepare (sr_context_get_db (p->ctx),
                                          "SELECT 0, p.id, p.name FROM projects p UNION ALL "
                                          "SELECT b.id, p.id, p.name || ' · ' || b.name FROM buildings b "
                                          "JOIN projects p ON p.id = b.project_id ORDER BY 2, 1", NULL);
  gint64 none = 0;

  p->building_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_strv_builder_add (names, _("Every building"));
  g_array_append_val (p->building_ids, none);
  while (stmt != NULL && sr_stmt_step (stmt, NULL) == SR_STEP_ROW)
    {
      gint64 id = sr_stmt_get_int (stmt, 0) > 0 ? sr_stmt_get_int (stmt, 0) : -sr_stmt_get_int (stmt, 1);
      g_strv_builder_add (names, sr_stmt_get_text (stmt, 2));
      g_array_append_val (p->building_ids, id);
    }
  items = g_strv_builder_end (names);
  return gtk_drop_down_new_from_strings ((const char * const *) items);
}

static gboolean
on_excel_key (GtkWidget *widget,
              GVariant  *args,
              gpointer   data)
{
  Page *p = data;
  if (p->reg == NULL || p->cancellable != NULL)
    return FALSE;
  choose_file (p, FALSE);
  return TRUE;
}

static gboolean
on_print_key (GtkWidget *widget,
              GVariant  *args,
              gpointer   data)
{
  Page *p = data;
  if (p->reg == NULL || p->cancellable != NULL)
    return FALSE;
  on_print (NULL, p);
  return TRUE;
}

GtkWidget *
sr_registers_page_new (SrContext *ctx)
{
  Page *p = g_new0 (Page, 1);
  SrSession *session = sr_context_get_session (ctx);
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  GtkWidget *side = gtk_scrolled_window_new ();
  GtkWidget *main = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *actions = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *button;
  GtkEventController *keys;
  SrOfficeKind kind = SR_OFFICE_PROPERTY;

  p->ctx = g_object_ref (ctx);
  p->readable = g_ptr_array_new ();
  sr_office_get (ctx, NULL, &kind, NULL);
  p->list = gtk_list_box_new ();
  gtk_widget_add_css_class (p->list, "navigation-sidebar");
  for (guint i = 0; i < sr_registers_count (); i++)
    {
      const SrRegister *reg = sr_registers_nth (i);
      GtkWidget *row, *label;
      if (!sr_register_may_read (reg, session))
        continue;
      g_ptr_array_add (p->readable, (gpointer) reg);
      label = gtk_label_new (sr_register_get_title (reg));
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      row = gtk_list_box_row_new ();
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      gtk_list_box_append (GTK_LIST_BOX (p->list), row);
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (side), p->list);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (side), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_size_request (side, 270, -1);

  p->title = gtk_label_new (_("Choose a register on the left"));
  gtk_widget_add_css_class (p->title, "title-2");
  gtk_label_set_xalign (GTK_LABEL (p->title), 0);
  p->description = gtk_label_new (_("Each register is a list over days or a state on a day; set the days, look at the first rows, then export it to Excel, save it as PDF or print it."));
  gtk_widget_add_css_class (p->description, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (p->description), 0);
  gtk_label_set_wrap (GTK_LABEL (p->description), TRUE);
  gtk_box_append (GTK_BOX (main), p->title);
  gtk_box_append (GTK_BOX (main), p->description);

  p->from_label = gtk_label_new (_("From"));
  p->from = gtk_entry_new ();
  gtk_editable_set_width_chars (GTK_EDITABLE (p->from), 11);
  p->to_label = gtk_label_new (_("to"));
  p->to = gtk_entry_new ();
  gtk_editable_set_width_chars (GTK_EDITABLE (p->to), 11);
  gtk_box_append (GTK_BOX (bar), p->from_label);
  gtk_box_append (GTK_BOX (bar), p->from);
  gtk_box_append (GTK_BOX (bar), p->to_label);
  gtk_box_append (GTK_BOX (bar), p->to);
  p->consultant = consultant_drop_down (p);
  gtk_box_append (GTK_BOX (bar), p->consultant);
  if (sr_office_kind_has_units (kind))
    {
      p->building = building_drop_down (p);
      gtk_box_append (GTK_BOX (bar), p->building);
      g_signal_connect_swapped (p->building, "notify::selected", G_CALLBACK (on_filter_changed), p);
    }
  g_signal_connect_swapped (p->from, "activate", G_CALLBACK (on_filter_changed), p);
  g_signal_connect_swapped (p->to, "activate", G_CALLBACK (on_filter_changed), p);
  g_signal_connect_swapped (p->consultant, "notify::selected", G_CALLBACK (on_filter_changed), p);
  button = gtk_button_new_with_mnemonic (_("_Show"));
  gtk_widget_set_tooltip_text (button, _("Read the register again with these days (or press Enter in a day)"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_filter_changed), p);
  gtk_box_append (GTK_BOX (bar), button);
  gtk_box_append (GTK_BOX (main), bar);

  p->export_box = actions;
  button = gtk_button_new_with_mnemonic (_("Export to _Excel… (Ctrl+E)"));
  gtk_widget_add_css_class (button, "suggested-action");
  g_signal_connect (button, "clicked", G_CALLBACK (on_excel), p);
  gtk_box_append (GTK_BOX (actions), button);
  button = gtk_button_new_with_mnemonic (_("Save as P_DF…"));
  g_signal_connect (button, "clicked", G_CALLBACK (on_pdf), p);
  gtk_box_append (GTK_BOX (actions), button);
  button = gtk_button_new_with_mnemonic (_("_Print… (Ctrl+P)"));
  g_signal_connect (button, "clicked", G_CALLBACK (on_print), p);
  gtk_box_append (GTK_BOX (actions), button);
  p->progress = gtk_progress_bar_new ();
  gtk_progress_bar_set_show_text (GTK_PROGRESS_BAR (p->progress), TRUE);
  gtk_widget_set_hexpand (p->progress, TRUE);
  gtk_widget_set_valign (p->progress, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (p->progress, FALSE);
  p->cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_widget_set_visible (p->cancel, FALSE);
  g_signal_connect (p->cancel, "clicked", G_CALLBACK (on_cancel), p);
  {
    GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
    gtk_box_append (GTK_BOX (row), actions);
    gtk_box_append (GTK_BOX (row), p->progress);
    gtk_box_append (GTK_BOX (row), p->cancel);
    gtk_box_append (GTK_BOX (main), row);
  }
  p->count = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (p->count), 0);
  gtk_label_set_wrap (GTK_LABEL (p->count), TRUE);
  gtk_box_append (GTK_BOX (main), p->count);
  p->scroller = gtk_scrolled_window_new ();
  gtk_widget_set_vexpand (p->scroller, TRUE);
  gtk_widget_add_css_class (p->scroller, "card");
  gtk_box_append (GTK_BOX (main), p->scroller);
  gtk_widget_set_margin_start (main, 12);
  gtk_widget_set_margin_end (main, 12);
  gtk_widget_set_margin_top (main, 12);
  gtk_widget_set_margin_bottom (main, 12);

  gtk_paned_set_start_child (GTK_PANED (paned), side);
  gtk_paned_set_end_child (GTK_PANED (paned), main);
  gtk_paned_set_resize_start_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_position (GTK_PANED (paned), 280);
  p->root = paned;
  g_object_set_data_full (G_OBJECT (paned), "sr-registers-page", p, (GDestroyNotify) page_free);
  g_signal_connect (p->list, "row-selected", G_CALLBACK (on_selected), p);
  sr_page_set_reload (paned, (void (*) (gpointer)) select_first, p);

  keys = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (keys), GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_e, GDK_CONTROL_MASK), gtk_callback_action_new (on_excel_key, p, NULL)));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_p, GDK_CONTROL_MASK), gtk_callback_action_new (on_print_key, p, NULL)));
  gtk_widget_add_controller (paned, keys);
  return paned;
}
