/* sr-audit-view.c — the audit log for managers and administrators: who changed what and
 * when, before → after, filtered by person, kind, days and text, exported to a CSV file. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/sr-audit.h"
#include "core/sr-staff.h"
#include "gui/sr-gui-util.h"
#include "gui/sr-window.h"
#include "sr-admin-views.h"

#define SHOWN 500

typedef struct {
  SrContext *ctx;
  GtkWidget *root;
  GtkWidget *person;        /* GtkDropDown: anyone, then the staff */
  GtkWidget *kind;          /* GtkDropDown: any, then the action codes */
  GtkWidget *from, *to;     /* YYYY-MM-DD or empty */
  GtkWidget *search;
  GtkWidget *count;
  GListStore *lines;        /* the entries shown, as lines (sr_lines_append) */
  GtkWidget *stack;         /* the list, or "nothing matches" */
  GArray *staff_ids;        /* per person choice (0: anyone) */
  GStrv actions;            /* per kind choice after "any"; read when first shown */
  GtkStringList *kinds;
  GtkFileChooserNative *chooser;
} AuditView;

static void
audit_view_free (AuditView *v)
{
  g_clear_object (&v->ctx);
  g_clear_object (&v->chooser);
  g_array_unref (v->staff_ids);
  g_strfreev (v->actions);
  g_clear_object (&v->kinds);
  g_clear_object (&v->lines);
  g_free (v);
}

/* The filter as chosen; @from and @to point into the entries. */
static void
read_filter (AuditView     *v,
             SrAuditFilter *f)
{
  guint person = gtk_drop_down_get_selected (GTK_DROP_DOWN (v->person));
  guint kind = gtk_drop_down_get_selected (GTK_DROP_DOWN (v->kind));

  memset (f, 0, sizeof *f);
  if (person != GTK_INVALID_LIST_POSITION && person < v->staff_ids->len)
    f->actor_id = g_array_index (v->staff_ids, gint64, person);
  if (kind != GTK_INVALID_LIST_POSITION && kind > 0 && v->actions != NULL && kind <= g_strv_length (v->actions))
    f->action = v->actions[kind - 1];
  f->from_day = gtk_editable_get_text (GTK_EDITABLE (v->from));
  f->to_day = gtk_editable_get_text (GTK_EDITABLE (v->to));
  f->text = gtk_editable_get_text (GTK_EDITABLE (v->search));
}

static void
refresh (AuditView *v)
{
  SrAuditFilter f;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gint64 total = 0;

  read_filter (v, &f);
  rows = sr_audit_find (v->ctx, &f, SHOWN, &total, &error);
  g_list_store_remove_all (v->lines);
  if (rows == NULL)
    {
      gtk_label_set_text (GTK_LABEL (v->count), error->message);
      gtk_widget_add_css_class (v->count, "error");
      gtk_stack_set_visible_child_name (GTK_STACK (v->stack), "empty");
      return;
    }
  gtk_widget_remove_css_class (v->count, "error");
  {
    g_autofree char *text = total > SHOWN
      ? g_strdup_printf (_("%d entries; the newest %d are shown — narrow the choice or export them all."),
                         (int) total, SHOWN)
      : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d entry.", "%d entries.", (gulong) total), (int) total);
    gtk_label_set_text (GTK_LABEL (v->count), text);
  }
  for (guint i = 0; i < rows->len; i++)
    {
      SrAuditEntry *e = rows->pdata[i];
      g_autoptr(GDateTime) t = g_date_time_new_from_unix_local (e->at);
      g_autofree char *when = g_date_time_format (t, "%Y-%m-%d %H:%M:%S");
      g_autofree char *title = g_strdup_printf ("%s · %s · %s", when, e->actor, sr_audit_action_get_label (e->action));
      g_autofree char *record = e->row_id > 0 ? g_strdup_printf ("%s #%" G_GINT64_FORMAT, sr_audit_table_get_label (e->table_name), e->row_id)
                                              : g_strdup (sr_audit_table_get_label (e->table_name));
      g_autofree char *change = g_strdup_printf ("%s: %s → %s", record,
                                                 e->before_json != NULL ? e->before_json : "—",
                                                 e->after_json != NULL ? e->after_json : "—");
      sr_lines_append (v->lines, title, change);
    }
  gtk_stack_set_visible_child_name (GTK_STACK (v->stack), rows->len > 0 ? "list" : "empty");
}

static void
on_changed (AuditView *v)
{
  if (v->actions != NULL)
    refresh (v);
}

static void
on_first_map (GtkWidget *box,
              AuditView *v)
{
  if (v->actions != NULL)
    return;
  v->actions = sr_audit_actions (v->ctx, NULL);
  if (v->actions == NULL)
    v->actions = g_new0 (char *, 1);
  for (guint i = 0; v->actions[i] != NULL; i++)
    gtk_string_list_append (v->kinds, sr_audit_action_get_label (v->actions[i]));
  refresh (v);
}

/* A day box: the list follows once the day is whole (or emptied). */
static void
on_day_changed (GtkEditable *entry,
                AuditView   *v)
{
  const char *text = gtk_editable_get_text (entry);
  gsize n = strlen (text);

  if (n == 0 || n == 10)
    on_changed (v);
}

static void
on_export_chosen (GtkNativeDialog *dialog,
                  int              response,
                  AuditView       *v)
{
  g_autofree char *path = sr_chooser_path (dialog, response);
  g_autoptr(GError) error = NULL;
  SrAuditFilter f;
  gint64 n;

  if (path == NULL)
    return;
  read_filter (v, &f);
  n = sr_audit_export_csv (v->ctx, &f, path, &error);
  if (n < 0)
    sr_toast_error (v->root, error);
  else
    {
      g_autofree char *message = g_strdup_printf (_("%d entries written to %s."), (int) n, path);
      sr_toast (v->root, message);
    }
}

static void
on_export (GtkButton *button,
           AuditView *v)
{
  g_clear_object (&v->chooser);
  v->chooser = gtk_file_chooser_native_new (_("Export the Audit Log"), GTK_WINDOW (gtk_widget_get_root (v->root)),
                                            GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (v->chooser), "audit-log.csv");
  g_signal_connect (v->chooser, "response", G_CALLBACK (on_export_chosen), v);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (v->chooser));
}

static GtkWidget *
labelled (const char *text,
          GtkWidget  *widget)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new_with_mnemonic (text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption");
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), widget);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), widget);
  return box;
}

GtkWidget *
sr_audit_view_new (SrContext *ctx)
{
  AuditView *v = g_new0 (AuditView, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp;
  GtkWidget *empty = adw_status_page_new ();
  GtkWidget *export = gtk_button_new_with_mnemonic (_("E_xport…"));
  g_autoptr(GtkStringList) people = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) staff = sr_staff_list (ctx, TRUE, NULL);
  gint64 anyone = 0;

  v->ctx = g_object_ref (ctx);
  v->staff_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_string_list_append (people, _("Anyone"));
  g_array_append_val (v->staff_ids, anyone);
  for (guint i = 0; staff != NULL && i < staff->len; i++)
    {
      SrStaffMember *m = staff->pdata[i];
      g_autofree char *label = g_strdup_printf ("%s (%s)", m->display_name, m->login);
      gtk_string_list_append (people, label);
      g_array_append_val (v->staff_ids, m->id);
    }
  gtk_string_list_append (kinds, _("Any kind"));
  v->kinds = g_object_ref (kinds);

  v->person = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (people)), NULL);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (v->person), TRUE);
  v->kind = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (kinds)), NULL);
  v->from = gtk_entry_new ();
  v->to = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (v->from), "YYYY-MM-DD");
  gtk_entry_set_placeholder_text (GTK_ENTRY (v->to), "YYYY-MM-DD");
  gtk_editable_set_width_chars (GTK_EDITABLE (v->from), 11);
  gtk_editable_set_width_chars (GTK_EDITABLE (v->to), 11);
  v->search = gtk_search_entry_new ();
  gtk_widget_set_hexpand (v->search, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (v->search), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Find in the log"), -1);
  g_object_set (v->search, "placeholder-text", _("Person, customer, number…"), NULL);

  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_bottom (bar, 6);
  gtk_box_append (GTK_BOX (bar), labelled (_("_Person"), v->person));
  gtk_box_append (GTK_BOX (bar), labelled (_("_Kind"), v->kind));
  gtk_box_append (GTK_BOX (bar), labelled (_("_From"), v->from));
  gtk_box_append (GTK_BOX (bar), labelled (_("_To"), v->to));
  gtk_box_append (GTK_BOX (bar), labelled (_("F_ind"), v->search));
  gtk_widget_set_valign (export, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (bar), export);

  v->count = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (v->count), 0);
  gtk_widget_add_css_class (v->count, "dim-label");
  gtk_widget_set_margin_start (v->count, 12);
  gtk_widget_set_margin_bottom (v->count, 6);

  /* Up to 500 entries: a list view makes rows only for what is on screen. */
  v->lines = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  clamp = sr_lines_view_new (G_LIST_MODEL (g_object_ref (v->lines)), 3);
  adw_clamp_scrollable_set_maximum_size (ADW_CLAMP_SCROLLABLE (clamp), 1100);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "edit-find-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("Nothing Matches"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty), _("Choose anyone, any kind, and no days to see the whole log."));
  v->stack = gtk_stack_new ();
  gtk_widget_set_vexpand (v->stack, TRUE);
  gtk_stack_add_named (GTK_STACK (v->stack), scroller, "list");
  gtk_stack_add_named (GTK_STACK (v->stack), empty, "empty");

  gtk_box_append (GTK_BOX (box), sr_section_header_new (_("Audit Log"),
                  _("Who changed what and when, before → after. Numbers are masked for those who may not see them.")));
  gtk_box_append (GTK_BOX (box), bar);
  gtk_box_append (GTK_BOX (box), v->count);
  gtk_box_append (GTK_BOX (box), v->stack);
  v->root = box;
  g_object_set_data_full (G_OBJECT (box), "sr-audit-view", v, (GDestroyNotify) audit_view_free);

  g_signal_connect_swapped (v->person, "notify::selected", G_CALLBACK (on_changed), v);
  g_signal_connect_swapped (v->kind, "notify::selected", G_CALLBACK (on_changed), v);
  g_signal_connect (v->from, "changed", G_CALLBACK (on_day_changed), v);
  g_signal_connect (v->to, "changed", G_CALLBACK (on_day_changed), v);
  g_signal_connect_swapped (v->search, "search-changed", G_CALLBACK (on_changed), v);
  g_signal_connect (export, "clicked", G_CALLBACK (on_export), v);
  /* The log is read when the section is first shown, not when Admin is built at sign-in. */
  g_signal_connect (box, "map", G_CALLBACK (on_first_map), v);
  return box;
}
