#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sr-admin-page.h"
#include "sr-admin-views.h"

struct _SrAdminPage
{
  GtkWidget parent_instance;

  GtkWidget *stack;
};

G_DEFINE_FINAL_TYPE (SrAdminPage, sr_admin_page, GTK_TYPE_WIDGET)

static const SrAction admin_actions[] = {
  SR_ACTION_MANAGE_STAFF, SR_ACTION_EDIT_UNITS, SR_ACTION_EDIT_MEDIA_SOURCES,
  SR_ACTION_EDIT_STAGES, SR_ACTION_EDIT_OFFICE, SR_ACTION_BACKUP, SR_ACTION_VIEW_AUDIT,
};

gboolean
sr_admin_page_is_for (SrSession *session)
{
  for (guint i = 0; i < G_N_ELEMENTS (admin_actions); i++)
    if (sr_session_may (session, admin_actions[i]))
      return TRUE;
  return FALSE;
}

static void
sr_admin_page_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (sr_admin_page_parent_class)->dispose (object);
}

static void
sr_admin_page_class_init (SrAdminPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sr_admin_page_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
sr_admin_page_init (SrAdminPage *self)
{
}

GtkWidget *
sr_admin_page_new (SrContext    *ctx,
                   SrOfficeKind  kind)
{
  SrAdminPage *self = g_object_new (SR_TYPE_ADMIN_PAGE, NULL);
  SrSession *session = sr_context_get_session (ctx);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *sidebar = gtk_stack_sidebar_new ();

  self->stack = gtk_stack_new ();
  gtk_widget_set_hexpand (self->stack, TRUE);
  gtk_stack_set_transition_type (GTK_STACK (self->stack), GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  gtk_stack_sidebar_set_stack (GTK_STACK_SIDEBAR (sidebar), GTK_STACK (self->stack));
  gtk_widget_set_size_request (sidebar, 190, -1);

  if (sr_session_may (session, SR_ACTION_MANAGE_STAFF))
    gtk_stack_add_titled (GTK_STACK (self->stack), sr_staff_view_new (ctx), "staff", _("Staff"));
  if (sr_session_may (session, SR_ACTION_EDIT_UNITS) && sr_office_kind_has_units (kind))
    gtk_stack_add_titled (GTK_STACK (self->stack), sr_units_view_new (ctx), "units",
                          _("Projects and Units"));
  if (sr_session_may (session, SR_ACTION_EDIT_MEDIA_SOURCES))
    gtk_stack_add_titled (GTK_STACK (self->stack), sr_media_view_new (ctx), "media",
                          _("Media Sources"));
  if (sr_session_may (session, SR_ACTION_EDIT_STAGES))
    gtk_stack_add_titled (GTK_STACK (self->stack), sr_stages_view_new (ctx), "stages",
                          _("Pipeline Stages"));
  if (sr_session_may (session, SR_ACTION_EDIT_OFFICE) || sr_session_may (session, SR_ACTION_BACKUP))
    gtk_stack_add_titled (GTK_STACK (self->stack), sr_office_view_new (ctx), "office",
                          _("Office and Backup"));
  if (sr_session_may (session, SR_ACTION_VIEW_AUDIT))
    gtk_stack_add_titled (GTK_STACK (self->stack), sr_audit_view_new (ctx), "audit", _("Audit Log"));

  gtk_box_append (GTK_BOX (box), sidebar);
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  gtk_box_append (GTK_BOX (box), self->stack);
  gtk_widget_set_parent (box, GTK_WIDGET (self));
  return GTK_WIDGET (self);
}

gboolean
sr_admin_page_show_section (SrAdminPage *self,
                            const char  *name)
{
  if (gtk_stack_get_child_by_name (GTK_STACK (self->stack), name) == NULL)
    return FALSE;
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), name);
  return TRUE;
}
