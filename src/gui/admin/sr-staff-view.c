/* sr-staff-view.c — staff accounts: add, edit name and roles, disable, reset password. */
#include "config.h"

#include <glib/gi18n.h>

#include "core/sr-staff.h"
#include "gui/sr-form.h"
#include "gui/sr-gui-util.h"
#include "gui/sr-window.h"
#include "sr-admin-views.h"

typedef struct {
  SrContext *ctx;
  GtkWidget *root;
  GListStore *store;
  GtkSingleSelection *selection;
  GSimpleActionGroup *actions;
  gulong changed_id;
} StaffView;

static void
staff_view_free (StaffView *v)
{
  g_clear_signal_handler (&v->changed_id, v->ctx);
  g_clear_object (&v->ctx);
  g_clear_object (&v->store);
  g_clear_object (&v->actions);
  g_free (v);
}

static SrStaffMember *
selected (StaffView *v)
{
  return gtk_single_selection_get_selected_item (v->selection);
}

static void
update_actions (StaffView *v)
{
  SrStaffMember *m = selected (v);
  GAction *toggle = g_action_map_lookup_action (G_ACTION_MAP (v->actions), "toggle-disabled");

  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (v->actions), "edit")), m != NULL);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (v->actions), "reset-password")), m != NULL);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (toggle), m != NULL);
}

static void
reload (StaffView *v)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = sr_staff_list (v->ctx, TRUE, &error);
  guint position = gtk_single_selection_get_selected (v->selection);

  if (rows == NULL)
    {
      sr_toast_error (v->root, error);
      return;
    }
  g_list_store_splice (v->store, 0, g_list_model_get_n_items (G_LIST_MODEL (v->store)),
                       rows->pdata, rows->len);
  if (position != GTK_INVALID_LIST_POSITION && position < rows->len)
    gtk_single_selection_set_selected (v->selection, position);
  update_actions (v);
}

static void
on_changed (SrContext  *ctx,
            const char *table,
            StaffView  *v)
{
  if (g_strcmp0 (table, "staff") == 0)
    reload (v);
}

static char *cell_name (gpointer item) { return g_strdup (SR_STAFF_MEMBER (item)->display_name); }
static char *cell_login (gpointer item) { return g_strdup (SR_STAFF_MEMBER (item)->login); }
static char *cell_roles (gpointer item) { return sr_roles_to_label (SR_STAFF_MEMBER (item)->roles); }
static char *cell_phone (gpointer item) { return g_strdup (SR_STAFF_MEMBER (item)->phone); }
static char *cell_team (gpointer item) { return g_strdup (SR_STAFF_MEMBER (item)->team); }
static char *
cell_status (gpointer item)
{
  SrStaffMember *m = item;
  if (!m->is_disabled)
    return g_strdup (_("Active"));
  return g_strdup_printf (_("Disabled: %s"), m->disabled_reason != NULL ? m->disabled_reason : "");
}

/* The form for adding and editing: name, sign-in name (new only), phone, roles. */
static void
add_role_checks (SrForm  *form,
                 SrRoles  roles)
{
  sr_form_add_group (form, _("Roles"), _("A person may hold several roles."));
  for (guint i = 0; i < SR_N_ROLES; i++)
    {
      SrRole role = sr_role_from_index (i);
      sr_form_add_check (form, sr_role_get_code (role), sr_role_get_label (role), NULL,
                         (roles & role) != 0);
    }
}

static SrRoles
read_role_checks (SrForm *form)
{
  SrRoles roles = 0;

  for (guint i = 0; i < SR_N_ROLES; i++)
    if (sr_form_get_active (form, sr_role_get_code (sr_role_from_index (i))))
      roles |= sr_role_from_index (i);
  return roles;
}

/* The form's "password" and "again" fields hold the same text. */
static gboolean
passwords_agree (SrForm  *form,
                 GError **error)
{
  if (g_strcmp0 (sr_form_get_text (form, "password"), sr_form_get_text (form, "again")) == 0)
    return TRUE;
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The two passwords differ."));
  return FALSE;
}

static gboolean
save_new (SrForm   *form,
          gpointer  user_data,
          GError  **error)
{
  StaffView *v = user_data;
  gint64 id;
  g_autofree char *login = NULL;

  if (!passwords_agree (form, error))
    return FALSE;
  login = g_strstrip (g_strdup (sr_form_get_text (form, "login")));
  id = sr_staff_add (v->ctx, login,
                     sr_form_get_text (form, "name"), read_role_checks (form),
                     sr_form_get_text (form, "password"), error);
  if (id == 0)
    return FALSE;
  sr_toast (v->root, _("Staff member added."));
  return TRUE;
}

static void
add_activated (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  StaffView *v = user_data;
  SrForm *form = sr_form_new (v->root, _("Add Staff Member"), _("_Add"));

  sr_form_add_entry (form, "name", _("Full name"), NULL);
  sr_form_add_entry (form, "login", _("Sign-in name"), NULL);
  sr_form_add_password (form, "password", _("Password (at least 6 characters)"));
  sr_form_add_password (form, "again", _("Password again"));
  add_role_checks (form, SR_ROLE_CONSULTANT);
  sr_form_run (form, save_new, v, NULL);
}

static gboolean
save_edit (SrForm   *form,
           gpointer  user_data,
           GError  **error)
{
  StaffView *v = user_data;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (form), "staff-id"));

  if (!sr_staff_update (v->ctx, id, sr_form_get_text (form, "name"),
                        sr_form_get_text (form, "phone"), read_role_checks (form), error) ||
      !sr_staff_set_team (v->ctx, id, sr_form_get_text (form, "team"), error))
    return FALSE;
  sr_toast (v->root, _("Saved."));
  return TRUE;
}

static void
edit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  StaffView *v = user_data;
  SrStaffMember *m = selected (v);
  g_autofree char *title = NULL;
  SrForm *form;

  if (m == NULL)
    return;
  title = g_strdup_printf (_("Edit %s"), m->display_name);
  form = sr_form_new (v->root, title, NULL);
  g_object_set_data (G_OBJECT (form), "staff-id", GSIZE_TO_POINTER (m->id));
  sr_form_add_entry (form, "name", _("Full name"), m->display_name);
  sr_form_add_entry (form, "phone", _("Phone"), m->phone);
  sr_form_add_entry (form, "team", _("Group (e.g. 销售一组; empty: none)"), m->team);
  add_role_checks (form, m->roles);
  sr_form_run (form, save_edit, v, NULL);
}

static gboolean
save_disable (SrForm   *form,
              gpointer  user_data,
              GError  **error)
{
  StaffView *v = user_data;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (form), "staff-id"));

  if (!sr_staff_set_disabled (v->ctx, id, TRUE, sr_form_get_text (form, "reason"), error))
    return FALSE;
  sr_toast (v->root, _("Account disabled. Its records stay."));
  return TRUE;
}

static void
toggle_disabled_activated (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  StaffView *v = user_data;
  SrStaffMember *m = selected (v);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  SrForm *form;

  if (m == NULL)
    return;
  if (m->is_disabled)
    {
      if (!sr_staff_set_disabled (v->ctx, m->id, FALSE, NULL, &error))
        sr_toast_error (v->root, error);
      else
        sr_toast (v->root, _("Account enabled again."));
      return;
    }
  title = g_strdup_printf (_("Disable %s"), m->display_name);
  form = sr_form_new (v->root, title, _("_Disable"));
  g_object_set_data (G_OBJECT (form), "staff-id", GSIZE_TO_POINTER (m->id));
  sr_form_add_group (form, NULL, _("A disabled person can no longer sign in. Their customers, "
                                   "records and audit entries stay. You can enable the account "
                                   "again later."));
  sr_form_add_entry (form, "reason", _("Reason (for example: left the company)"), NULL);
  sr_form_run (form, save_disable, v, NULL);
}

static gboolean
save_reset (SrForm   *form,
            gpointer  user_data,
            GError  **error)
{
  StaffView *v = user_data;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (form), "staff-id"));

  if (!passwords_agree (form, error))
    return FALSE;
  if (!sr_staff_reset_password (v->ctx, id, sr_form_get_text (form, "password"), error))
    return FALSE;
  sr_toast (v->root, _("Password reset. Tell the person their new password."));
  return TRUE;
}

static void
reset_password_activated (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  StaffView *v = user_data;
  SrStaffMember *m = selected (v);
  g_autofree char *title = NULL;
  SrForm *form;

  if (m == NULL)
    return;
  title = g_strdup_printf (_("New Password for %s"), m->display_name);
  form = sr_form_new (v->root, title, _("_Reset"));
  g_object_set_data (G_OBJECT (form), "staff-id", GSIZE_TO_POINTER (m->id));
  sr_form_add_password (form, "password", _("New password (at least 6 characters)"));
  sr_form_add_password (form, "again", _("New password again"));
  sr_form_run (form, save_reset, v, NULL);
}

static void
on_activate (GtkColumnView *view,
             guint          position,
             StaffView     *v)
{
  gtk_single_selection_set_selected (v->selection, position);
  edit_activated (NULL, NULL, v);
}

static void
on_selection_changed (StaffView *v)
{
  update_actions (v);
}

GtkWidget *
sr_staff_view_new (SrContext *ctx)
{
  StaffView *v = g_new0 (StaffView, 1);
  const GActionEntry entries[] = {
    { "add", add_activated },
    { "edit", edit_activated },
    { "toggle-disabled", toggle_disabled_activated },
    { "reset-password", reset_password_activated },
  };
  GtkWidget *toolbar, *scroller, *view, *box;
  GtkShortcutController *shortcuts;

  v->ctx = g_object_ref (ctx);
  v->store = g_list_store_new (SR_TYPE_STAFF_MEMBER);
  v->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (v->store)));
  v->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (v->actions), entries, G_N_ELEMENTS (entries), v);

  view = gtk_column_view_new (GTK_SELECTION_MODEL (v->selection));
  gtk_column_view_set_show_row_separators (GTK_COLUMN_VIEW (view), TRUE);
  sr_column_view_add_text (GTK_COLUMN_VIEW (view), _("Full name"), cell_name, FALSE, FALSE);
  sr_column_view_add_text (GTK_COLUMN_VIEW (view), _("Sign-in name"), cell_login, FALSE, FALSE);
  sr_column_view_add_text (GTK_COLUMN_VIEW (view), _("Roles"), cell_roles, FALSE, TRUE);
  sr_column_view_add_text (GTK_COLUMN_VIEW (view), _("Phone"), cell_phone, FALSE, FALSE);
  sr_column_view_add_text (GTK_COLUMN_VIEW (view), _("Group"), cell_team, FALSE, FALSE);
  sr_column_view_add_text (GTK_COLUMN_VIEW (view), _("Status"), cell_status, FALSE, FALSE);
  g_signal_connect (view, "activate", G_CALLBACK (on_activate), v);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);

  box = sr_toolbar_view_new (&toolbar, scroller);
  gtk_box_prepend (GTK_BOX (box), sr_section_header_new (_("Staff"),
                   _("Everyone who signs in to Salesroom, and what each may do.")));
  sr_toolbar_add_button (toolbar, "list-add-symbolic", _("_Add…"), "staff.add");
  sr_toolbar_add_button (toolbar, "document-edit-symbolic", _("_Edit…"), "staff.edit");
  sr_toolbar_add_button (toolbar, "dialog-password-symbolic", _("_Reset Password…"), "staff.reset-password");
  sr_toolbar_add_button (toolbar, "system-lock-screen-symbolic", _("_Disable or Enable…"), "staff.toggle-disabled");

  shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_shortcut_controller_set_scope (shortcuts, GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (shortcuts,
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_n, GDK_CONTROL_MASK),
                      gtk_named_action_new ("staff.add")));
  gtk_widget_add_controller (box, GTK_EVENT_CONTROLLER (shortcuts));

  v->root = box;
  gtk_widget_insert_action_group (box, "staff", G_ACTION_GROUP (v->actions));
  g_object_set_data_full (G_OBJECT (box), "sr-staff-view", v, (GDestroyNotify) staff_view_free);
  g_signal_connect_swapped (v->selection, "notify::selected", G_CALLBACK (on_selection_changed), v);
  v->changed_id = g_signal_connect (ctx, "changed", G_CALLBACK (on_changed), v);
  reload (v);
  return box;
}
