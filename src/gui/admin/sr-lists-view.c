/* sr-lists-view.c — the office's short ordered lists: media sources (认知途径) and
 * pipeline stages. Add, rename, move up and down, take out of use (never deleted). */
#include "config.h"

#include <glib/gi18n.h>

#include "core/sr-media.h"
#include "core/sr-stages.h"
#include "gui/sr-form.h"
#include "gui/sr-gui-util.h"
#include "gui/sr-window.h"
#include "sr-admin-views.h"

typedef struct {
  SrContext *ctx;
  GtkWidget *root;
  GtkWidget *list;
  gboolean is_stages;
  gulong changed_id;
  GSimpleActionGroup *actions;
} ListsView;

static void reload (ListsView *v);

static void
lists_view_free (ListsView *v)
{
  g_clear_signal_handler (&v->changed_id, v->ctx);
  g_clear_object (&v->ctx);
  g_clear_object (&v->actions);
  g_free (v);
}

typedef struct {
  ListsView *v;
  gint64 id;
} RowRef;

static void
do_move (ListsView *v,
         gint64     id,
         int        delta)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = v->is_stages ? sr_stages_move (v->ctx, id, delta, &error)
                             : sr_media_move (v->ctx, id, delta, &error);
  if (!ok)
    sr_toast_error (v->root, error);
}

static void on_up (GtkButton *b, RowRef *r) { do_move (r->v, r->id, -1); }
static void on_down (GtkButton *b, RowRef *r) { do_move (r->v, r->id, +1); }

static void
on_in_use (GtkSwitch  *sw,
           GParamSpec *pspec,
           RowRef     *r)
{
  g_autoptr(GError) error = NULL;
  gboolean disabled = !gtk_switch_get_active (sw);
  gboolean ok = r->v->is_stages ? sr_stages_set_disabled (r->v->ctx, r->id, disabled, &error)
                                : sr_media_set_disabled (r->v->ctx, r->id, disabled, &error);
  if (!ok)
    sr_toast_error (r->v->root, error);
}

static gboolean
save_rename (SrForm   *form,
             gpointer  user_data,
             GError  **error)
{
  RowRef *r = user_data;
  gboolean ok = r->v->is_stages ? sr_stages_rename (r->v->ctx, r->id, sr_form_get_text (form, "name"), error)
                                : sr_media_rename (r->v->ctx, r->id, sr_form_get_text (form, "name"), error);
  if (ok && r->v->is_stages)
    ok = sr_stages_set_deadline (r->v->ctx, r->id, sr_form_get_int (form, "deadline"), error);
  return ok;
}

static void
on_rename (GtkButton *button,
           RowRef    *r)
{
  AdwPreferencesRow *row = ADW_PREFERENCES_ROW (gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW));
  SrForm *form = sr_form_new (r->v->root, _("Rename"), NULL);
  RowRef *copy = g_memdup2 (r, sizeof *r);

  sr_form_add_entry (form, "name", _("Name"), adw_preferences_row_get_title (row));
  if (r->v->is_stages)
    sr_form_add_spin (form, "deadline", _("Deadline in hours after entering the stage (0: none)"),
                      0, 24 * 365, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "deadline")));
  sr_form_run (form, save_rename, copy, g_free);
}

static GtkWidget *
icon_button (const char *icon,
             const char *tooltip)
{
  GtkWidget *b = gtk_button_new_from_icon_name (icon);
  gtk_widget_set_valign (b, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (b, "flat");
  gtk_widget_set_tooltip_text (b, tooltip);
  return b;
}

static void
add_row (ListsView  *v,
         gint64      id,
         const char *name,
         const char *subtitle,
         int         deadline,
         gboolean    can_disable,
         gboolean    is_disabled,
         gboolean    is_first,
         gboolean    is_last)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *up = icon_button ("go-up-symbolic", _("Move up"));
  GtkWidget *down = icon_button ("go-down-symbolic", _("Move down"));
  GtkWidget *rename = icon_button ("document-edit-symbolic", _("Rename"));
  GtkWidget *sw = gtk_switch_new ();
  RowRef *r = g_new0 (RowRef, 1);

  r->v = v;
  r->id = id;
  g_object_set_data_full (G_OBJECT (row), "ref", r, g_free);
  g_object_set_data (G_OBJECT (row), "deadline", GINT_TO_POINTER (deadline));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_sensitive (up, !is_first);
  gtk_widget_set_sensitive (down, !is_last);
  gtk_switch_set_active (GTK_SWITCH (sw), !is_disabled);
  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (sw, can_disable ? _("In use")
                                            : _("Always in use: Salesroom moves customers into this stage itself"));
  gtk_widget_set_sensitive (sw, can_disable || is_disabled);
  g_signal_connect (up, "clicked", G_CALLBACK (on_up), r);
  g_signal_connect (down, "clicked", G_CALLBACK (on_down), r);
  g_signal_connect (rename, "clicked", G_CALLBACK (on_rename), r);
  g_signal_connect (sw, "notify::active", G_CALLBACK (on_in_use), r);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), rename);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), up);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), down);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
  gtk_list_box_append (GTK_LIST_BOX (v->list), row);
}

static void
reload (ListsView *v)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (v->list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (v->list), child);
  rows = v->is_stages ? sr_stages_list (v->ctx, TRUE, &error) : sr_media_list (v->ctx, TRUE, &error);
  if (rows == NULL)
    {
      sr_toast_error (v->root, error);
      return;
    }
  for (guint i = 0; i < rows->len; i++)
    {
      gboolean first = i == 0, last = i + 1 == rows->len;
      if (v->is_stages)
        {
          SrStage *s = g_ptr_array_index (rows, i);
          g_autofree char *sub = s->deadline_hours > 0
            ? g_strdup_printf (_("%s · due %d hours after entering"), sr_stage_kind_get_label (s->kind), s->deadline_hours)
            : g_strdup (sr_stage_kind_get_label (s->kind));
          add_row (v, s->id, s->name, sub, s->deadline_hours,
                   sr_stage_kind_can_be_disabled (s->kind), s->is_disabled, first, last);
        }
      else
        {
          SrMediaSource *m = g_ptr_array_index (rows, i);
          add_row (v, m->id, m->name, NULL, 0, TRUE, m->is_disabled, first, last);
        }
    }
}

static void
on_changed (SrContext  *ctx,
            const char *table,
            ListsView  *v)
{
  if (g_strcmp0 (table, v->is_stages ? "stages" : "media_sources") == 0)
    reload (v);
}

static gboolean
save_new (SrForm   *form,
          gpointer  user_data,
          GError  **error)
{
  ListsView *v = user_data;
  static const SrStageKind addable[] = { SR_STAGE_CUSTOM, SR_STAGE_CONTACT, SR_STAGE_QUALIFY,
                                         SR_STAGE_MEASURE, SR_STAGE_PLAN, SR_STAGE_CONSTRUCT,
                                         SR_STAGE_TRIAL };
  if (v->is_stages)
    return sr_stages_add (v->ctx, sr_form_get_text (form, "name"),
                          addable[sr_form_get_selected (form, "kind")], error) > 0;
  return sr_media_add (v->ctx, sr_form_get_text (form, "name"), error) > 0;
}

static void
add_activated (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  ListsView *v = user_data;
  SrForm *form = sr_form_new (v->root, v->is_stages ? _("New Stage") : _("New Media Source"), _("_Add"));

  sr_form_add_entry (form, "name", _("Name"), NULL);
  if (v->is_stages)
    {
      const char *kinds[] = {
        sr_stage_kind_get_label (SR_STAGE_CUSTOM), sr_stage_kind_get_label (SR_STAGE_CONTACT),
        sr_stage_kind_get_label (SR_STAGE_QUALIFY), sr_stage_kind_get_label (SR_STAGE_MEASURE),
        sr_stage_kind_get_label (SR_STAGE_PLAN), sr_stage_kind_get_label (SR_STAGE_CONSTRUCT),
        sr_stage_kind_get_label (SR_STAGE_TRIAL), NULL
      };
      sr_form_add_choice (form, "kind", _("Kind (what Salesroom counts it as)"), kinds, 0);
    }
  sr_form_run (form, save_new, v, NULL);
}

static GtkWidget *
lists_view_new (SrContext  *ctx,
                gboolean    is_stages)
{
  ListsView *v = g_new0 (ListsView, 1);
  const GActionEntry entries[] = { { "add", add_activated } };
  GtkWidget *toolbar, *box, *scroller, *clamp;
  GtkShortcutController *shortcuts;

  v->ctx = g_object_ref (ctx);
  v->is_stages = is_stages;
  v->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (v->actions), entries, 1, v);

  v->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (v->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (v->list, "boxed-list");
  gtk_widget_set_valign (v->list, GTK_ALIGN_START);
  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 760);
  adw_clamp_set_child (ADW_CLAMP (clamp), v->list);
  gtk_widget_set_margin_top (clamp, 12);
  gtk_widget_set_margin_bottom (clamp, 12);
  gtk_widget_set_margin_start (clamp, 12);
  gtk_widget_set_margin_end (clamp, 12);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);

  box = sr_toolbar_view_new (&toolbar, scroller);
  gtk_box_prepend (GTK_BOX (box),
                   is_stages ? sr_section_header_new (_("Pipeline Stages"),
                                                      _("The steps a customer goes through. Names are yours; the kind in grey is what Salesroom counts. Stages entered by their own event (deposit, contract, payment, move-in, lost) cannot be added by hand."))
                             : sr_section_header_new (_("Media Sources"),
                                                      _("How customers heard of the office (认知途径). Every call and visit records one; a source taken out of use stays on old records.")));
  sr_toolbar_add_button (toolbar, "list-add-symbolic", _("_Add…"), is_stages ? "stages.add" : "media.add");

  shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_shortcut_controller_set_scope (shortcuts, GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (shortcuts,
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_n, GDK_CONTROL_MASK),
                      gtk_named_action_new (is_stages ? "stages.add" : "media.add")));
  gtk_widget_add_controller (box, GTK_EVENT_CONTROLLER (shortcuts));

  v->root = box;
  gtk_widget_insert_action_group (box, is_stages ? "stages" : "media", G_ACTION_GROUP (v->actions));
  g_object_set_data_full (G_OBJECT (box), "sr-lists-view", v, (GDestroyNotify) lists_view_free);
  v->changed_id = g_signal_connect (ctx, "changed", G_CALLBACK (on_changed), v);
  reload (v);
  return box;
}

GtkWidget *
sr_media_view_new (SrContext *ctx)
{
  return lists_view_new (ctx, FALSE);
}

GtkWidget *
sr_stages_view_new (SrContext *ctx)
{
  return lists_view_new (ctx, TRUE);
}
