#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "core/sr-error.h"
#include "core/sr-staff.h"
#include "sr-sign-in-page.h"

struct _SrSignInPage
{
  GtkWidget parent_instance;

  SrContext *ctx;

  GtkWidget *clamp;
  GtkWidget *office_label;
  GtkWidget *login;
  GtkWidget *password;
  GtkWidget *message;
  GtkWidget *sign_in_button;
  GtkWidget *cancel_button;
};

enum { SIGNED_IN, CANCELLED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SrSignInPage, sr_sign_in_page, GTK_TYPE_WIDGET)

static void
show_message (SrSignInPage *self,
              const char   *text)
{
  gtk_label_set_text (GTK_LABEL (self->message), text);
  gtk_widget_set_visible (self->message, text != NULL);
}

static void
on_login_activated (SrSignInPage *self)
{
  gtk_widget_grab_focus (self->password);
}

static void
on_sign_in (SrSignInPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SrSession) session = NULL;
  g_autofree char *login = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->login))));

  if (*login == '\0')
    {
      show_message (self, _("Type your sign-in name."));
      gtk_widget_grab_focus (self->login);
      return;
    }
  session = sr_staff_sign_in (self->ctx, login,
                              gtk_editable_get_text (GTK_EDITABLE (self->password)), &error);
  if (session == NULL)
    {
      show_message (self, error->message);
      gtk_editable_set_text (GTK_EDITABLE (self->password), "");
      gtk_widget_grab_focus (self->password);
      return;
    }
  show_message (self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->password), "");
  g_signal_emit (self, signals[SIGNED_IN], 0, session);
}

static void
on_cancel (SrSignInPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->password), "");
  show_message (self, NULL);
  g_signal_emit (self, signals[CANCELLED], 0);
}

static void
sr_sign_in_page_dispose (GObject *object)
{
  SrSignInPage *self = SR_SIGN_IN_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SR_TYPE_SIGN_IN_PAGE);
  g_clear_object (&self->ctx);
  G_OBJECT_CLASS (sr_sign_in_page_parent_class)->dispose (object);
}

static void
sr_sign_in_page_class_init (SrSignInPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = sr_sign_in_page_dispose;

  signals[SIGNED_IN] = g_signal_new ("signed-in", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, SR_TYPE_SESSION);
  signals[CANCELLED] = g_signal_new ("cancelled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/salesroom/Salesroom/ui/sr-sign-in-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SrSignInPage, clamp);
  gtk_widget_class_bind_template_child (widget_class, SrSignInPage, office_label);
  gtk_widget_class_bind_template_child (widget_class, SrSignInPage, login);
  gtk_widget_class_bind_template_child (widget_class, SrSignInPage, password);
  gtk_widget_class_bind_template_child (widget_class, SrSignInPage, message);
  gtk_widget_class_bind_template_child (widget_class, SrSignInPage, sign_in_button);
  gtk_widget_class_bind_template_child (widget_class, SrSignInPage, cancel_button);
  gtk_widget_class_bind_template_callback (widget_class, on_login_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_sign_in);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sr_sign_in_page_init (SrSignInPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
sr_sign_in_page_start (SrSignInPage *self,
                       SrContext    *ctx,
                       const char   *office_name,
                       const char   *login,
                       gboolean      can_cancel)
{
  g_set_object (&self->ctx, ctx);
  gtk_label_set_text (GTK_LABEL (self->office_label), office_name);
  gtk_editable_set_text (GTK_EDITABLE (self->login), login != NULL ? login : "");
  gtk_editable_set_text (GTK_EDITABLE (self->password), "");
  gtk_widget_set_visible (self->cancel_button, can_cancel);
  show_message (self, NULL);
  if (login != NULL && *login != '\0')
    gtk_widget_grab_focus (self->password);
  else
    gtk_widget_grab_focus (self->login);
}
