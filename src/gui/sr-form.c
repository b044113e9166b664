/* sr-form.c — see sr-form.h. Built in code: its rows are given by the caller. */
#include "config.h"

#include <glib/gi18n.h>

#include "sr-form.h"
#include "gui/sr-window.h"

struct _SrForm
{
  AdwWindow parent_instance;

  GtkWidget *save_button;
  GtkWidget *box;
  GtkWidget *message;
  GtkWidget *info;
  AdwPreferencesGroup *group;
  GHashTable *fields; /* id → widget */

  SrFormSaveFunc save;
  gpointer user_data;
  GDestroyNotify destroy;
};

G_DEFINE_FINAL_TYPE (SrForm, sr_form, ADW_TYPE_WINDOW)

static void
sr_form_dispose (GObject *object)
{
  SrForm *self = SR_FORM (object);

  if (self->destroy != NULL && self->user_data != NULL)
    g_clear_pointer (&self->user_data, self->destroy);
  g_clear_pointer (&self->fields, g_hash_table_unref);
  G_OBJECT_CLASS (sr_form_parent_class)->dispose (object);
}

static void
on_save (SrForm *self)
{
  g_autoptr(GError) error = NULL;

  if (self->save == NULL)
    return;
  if (self->save (self, self->user_data, &error))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  sr_form_set_message (self, error != NULL ? error->message : _("Could not save."));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  on_save (SR_FORM (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

static void
sr_form_class_init (SrFormClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = sr_form_dispose;
  gtk_widget_class_install_action (widget_class, "form.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "form.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "form.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "form.save", NULL);
}

static void
sr_form_init (SrForm *self)
{
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  self->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  self->save_button = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->save_button), "form.save");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "form.cancel");
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->save_button);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_margin_top (self->box, 18);
  gtk_widget_set_margin_bottom (self->box, 18);
  gtk_widget_set_margin_start (self->box, 12);
  gtk_widget_set_margin_end (self->box, 12);

  self->message = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->message), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->message), 0);
  gtk_widget_add_css_class (self->message, "error");
  gtk_widget_set_visible (self->message, FALSE);
  gtk_box_append (GTK_BOX (self->box), self->message);

  self->info = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->info), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->info), 0);
  gtk_widget_add_css_class (self->info, "heading");
  gtk_widget_set_visible (self->info, FALSE);
  gtk_box_append (GTK_BOX (self->box), self->info);

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 560);
  adw_clamp_set_child (ADW_CLAMP (clamp), self->box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (toolbar), header);
  gtk_box_append (GTK_BOX (toolbar), scroller);
  adw_window_set_content (ADW_WINDOW (self), toolbar);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 520, -1);
  gtk_window_set_resizable (GTK_WINDOW (self), TRUE);
}

SrForm *
sr_form_new (GtkWidget  *parent,
             const char *title,
             const char *save_label)
{
  SrForm *self = g_object_new (SR_TYPE_FORM, "title", title, NULL);
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (self), GTK_WINDOW (root));
  sr_window_watch_activity (GTK_WIDGET (self));
  if (save_label != NULL)
    gtk_button_set_label (GTK_BUTTON (self->save_button), save_label);
  return self;
}

void
sr_form_add_group (SrForm     *self,
                   const char *title,
                   const char *description)
{
  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->group, title);
  if (description != NULL)
    adw_preferences_group_set_description (self->group, description);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->group));
}

static void
add_row (SrForm     *self,
         const char *id,
         GtkWidget  *row,
         GtkWidget  *field)
{
  if (self->group == NULL)
    sr_form_add_group (self, NULL, NULL);
  adw_preferences_group_add (self->group, row);
  g_hash_table_insert (self->fields, g_strdup (id), field);
}

static void
on_entry_activated (SrForm *self)
{
  on_save (self);
}

GtkWidget *
sr_form_add_entry (SrForm     *self,
                   const char *id,
                   const char *title,
                   const char *initial)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), initial != NULL ? initial : "");
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), FALSE);
  g_signal_connect_swapped (row, "entry-activated", G_CALLBACK (on_entry_activated), self);
  add_row (self, id, row, row);
  return row;
}

GtkWidget *
sr_form_add_password (SrForm     *self,
                      const char *id,
                      const char *title)
{
  GtkWidget *row = adw_password_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  g_signal_connect_swapped (row, "entry-activated", G_CALLBACK (on_entry_activated), self);
  add_row (self, id, row, row);
  return row;
}

GtkWidget *
sr_form_add_check (SrForm     *self,
                   const char *id,
                   const char *title,
                   const char *subtitle,
                   gboolean    active)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  add_row (self, id, row, check);
  return check;
}

GtkWidget *
sr_form_add_spin (SrForm     *self,
                  const char *id,
                  const char *title,
                  int         min,
                  int         max,
                  int         value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (min, max, 1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  add_row (self, id, row, spin);
  return spin;
}

GtkWidget *
sr_form_add_choice (SrForm             *self,
                    const char         *id,
                    const char         *title,
                    const char * const *items,
                    guint               selected)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (items);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  add_row (self, id, row, row);
  return row;
}

void
sr_form_add_widget (SrForm    *self,
                    GtkWidget *widget)
{
  gtk_box_append (GTK_BOX (self->box), widget);
  self->group = NULL;
}

void
sr_form_set_message (SrForm     *self,
                     const char *message)
{
  gtk_label_set_text (GTK_LABEL (self->message), message != NULL ? message : "");
  gtk_widget_set_visible (self->message, message != NULL && *message != '\0');
}

void
sr_form_register_field (SrForm     *self,
                        const char *id,
                        GtkWidget  *widget)
{
  g_hash_table_insert (self->fields, g_strdup (id), widget);
}

void
sr_form_set_info (SrForm     *self,
                  const char *info)
{
  gtk_label_set_text (GTK_LABEL (self->info), info != NULL ? info : "");
  gtk_widget_set_visible (self->info, info != NULL && *info != '\0');
}

GtkWidget *
sr_form_get_field (SrForm     *self,
                   const char *id)
{
  GtkWidget *w = g_hash_table_lookup (self->fields, id);
  g_return_val_if_fail (w != NULL, NULL);
  return w;
}

const char *
sr_form_get_text (SrForm     *self,
                  const char *id)
{
  return gtk_editable_get_text (GTK_EDITABLE (sr_form_get_field (self, id)));
}

gboolean
sr_form_get_active (SrForm     *self,
                    const char *id)
{
  return gtk_check_button_get_active (GTK_CHECK_BUTTON (sr_form_get_field (self, id)));
}

int
sr_form_get_int (SrForm     *self,
                 const char *id)
{
  GtkSpinButton *spin = GTK_SPIN_BUTTON (sr_form_get_field (self, id));
  gtk_spin_button_update (spin);
  return gtk_spin_button_get_value_as_int (spin);
}

guint
sr_form_get_selected (SrForm     *self,
                      const char *id)
{
  return adw_combo_row_get_selected (ADW_COMBO_ROW (sr_form_get_field (self, id)));
}

void
sr_form_run (SrForm         *self,
             SrFormSaveFunc  save,
             gpointer        user_data,
             GDestroyNotify  destroy)
{
  self->save = save;
  self->user_data = user_data;
  self->destroy = destroy;
  gtk_window_present (GTK_WINDOW (self));
}
