#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "core/sr-demo.h"
#include "core/sr-office.h"
#include "sr-setup-page.h"

struct _SrSetupPage
{
  GtkWidget parent_instance;

  SrContext *ctx;

  GtkWidget *scroller;
  GtkWidget *office_name;
  GtkWidget *kind_property;
  GtkWidget *kind_decoration;
  GtkWidget *kind_housekeeping;
  GtkWidget *admin_name;
  GtkWidget *admin_login;
  GtkWidget *password;
  GtkWidget *password_again;
  GtkWidget *message;
  GtkWidget *create_button;
  GtkWidget *sample_button;
};

enum { DONE, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SrSetupPage, sr_setup_page, GTK_TYPE_WIDGET)

static void
show_message (SrSetupPage *self,
              const char  *text)
{
  gtk_label_set_text (GTK_LABEL (self->message), text);
  gtk_widget_set_visible (self->message, text != NULL);
}

static void
on_create (SrSetupPage *self)
{
  g_autoptr(GError) error = NULL;
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password));
  const char *again = gtk_editable_get_text (GTK_EDITABLE (self->password_again));
  const char *login = gtk_editable_get_text (GTK_EDITABLE (self->admin_login));
  SrOfficeKind kind = SR_OFFICE_PROPERTY;

  if (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->kind_decoration)))
    kind = SR_OFFICE_DECORATION;
  else if (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->kind_housekeeping)))
    kind = SR_OFFICE_HOUSEKEEPING;

  if (g_strcmp0 (password, again) != 0)
    {
      show_message (self, _("The two passwords differ. Type the same password twice."));
      gtk_widget_grab_focus (self->password_again);
      return;
    }
  if (sr_office_create (self->ctx, gtk_editable_get_text (GTK_EDITABLE (self->office_name)),
                        kind, login, gtk_editable_get_text (GTK_EDITABLE (self->admin_name)),
                        password, &error) == 0)
    {
      /* Everything typed stays; only the message changes. */
      show_message (self, error->message);
      return;
    }
  show_message (self, NULL);
  g_signal_emit (self, signals[DONE], 0, login);
}

static void
on_sample (SrSetupPage *self)
{
  g_autoptr(GError) error = NULL;
  SrDemoOptions options = { SR_OFFICE_PROPERTY, SR_DEMO_SMALL, 1, NULL };

  /* The small demo takes a fraction of a second: no progress to show. */
  if (!sr_demo_generate (self->ctx, &options, NULL, &error))
    {
      show_message (self, error->message);
      return;
    }
  g_signal_emit (self, signals[DONE], 0, "admin");
}

static void
sr_setup_page_dispose (GObject *object)
{
  SrSetupPage *self = SR_SETUP_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SR_TYPE_SETUP_PAGE);
  g_clear_object (&self->ctx);
  G_OBJECT_CLASS (sr_setup_page_parent_class)->dispose (object);
}

static void
sr_setup_page_class_init (SrSetupPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = sr_setup_page_dispose;

  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/salesroom/Salesroom/ui/sr-setup-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SrSetupPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, SrSetupPage, office_name);
  gtk_widget_class_bind_template_child (widget_class, SrSetupPage, kind_property);
  gtk_widget_class_bind_template_child (widget_class, SrSetupPage, kind_decoration);
  gtk_widget_class_bind_template_child (widget_class, SrSetupPage, kind_housekeeping);
  gtk_widget_class_bind_template_child (widget_class, SrSetupPage, admin_name);
  gtk_widget_class_bind_template_child (widget_class, SrSetupPage, admin_login);
  gtk_widget_class_bind_template_child (widget_class, SrSetupPage, password);
  gtk_widget_class_bind_template_child (widget_class, SrSetupPage, password_again);
  gtk_widget_class_bind_template_child (widget_class, SrSetupPage, message);
  gtk_widget_class_bind_template_child (widget_class, SrSetupPage, create_button);
  gtk_widget_class_bind_template_child (widget_class, SrSetupPage, sample_button);
  gtk_widget_class_bind_template_callback (widget_class, on_create);
  gtk_widget_class_bind_template_callback (widget_class, on_sample);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sr_setup_page_init (SrSetupPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
sr_setup_page_set_context (SrSetupPage *self,
                           SrContext   *ctx)
{
  g_set_object (&self->ctx, ctx);
  gtk_widget_grab_focus (self->office_name);
}
