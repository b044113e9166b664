#include "config.h"

#include <glib/gi18n-lib.h>

#include "sr-error.h"
#include "sr-session.h"

struct _SrSession
{
  GObject parent_instance;

  gint64 staff_id;        /* 0 for the command line and the first-run assistant */
  char *login;
  char *display_name;
  char *actor_label;      /* what the audit log shows */
  SrRoles roles;
  gboolean is_command_line;
  gboolean must_change_password;
};

G_DEFINE_FINAL_TYPE (SrSession, sr_session, G_TYPE_OBJECT)

static void
sr_session_finalize (GObject *object)
{
  SrSession *self = SR_SESSION (object);

  g_free (self->login);
  g_free (self->display_name);
  g_free (self->actor_label);
  G_OBJECT_CLASS (sr_session_parent_class)->finalize (object);
}

static void
sr_session_class_init (SrSessionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sr_session_finalize;
}

static void
sr_session_init (SrSession *self)
{
}

SrSession *
sr_session_new_for_staff (gint64      staff_id,
                          const char *login,
                          const char *display_name,
                          SrRoles     roles)
{
  SrSession *self = g_object_new (SR_TYPE_SESSION, NULL);

  self->staff_id = staff_id;
  self->login = g_strdup (login);
  self->display_name = g_strdup (display_name);
  self->actor_label = g_strdup_printf ("%s (%s)", display_name, login);
  self->roles = roles;
  return self;
}

/* PRODUCT.md: on a local file the command line may act as administrator, since whoever
 * can write the file can change it anyway; the audit log says so. */
SrSession *
sr_session_new_command_line (void)
{
  SrSession *self = g_object_new (SR_TYPE_SESSION, NULL);

  self->login = g_strdup (g_get_user_name ());
  self->display_name = g_strdup_printf (_("command line (OS user %s)"), g_get_user_name ());
  self->actor_label = g_strdup_printf ("command line (OS user %s)", g_get_user_name ());
  self->roles = SR_ROLES_ALL;
  self->is_command_line = TRUE;
  return self;
}

/* The first-run assistant creates the office and its first administrator. */
SrSession *
sr_session_new_setup (void)
{
  SrSession *self = g_object_new (SR_TYPE_SESSION, NULL);

  self->login = g_strdup ("setup");
  self->display_name = g_strdup (_("first-run assistant"));
  self->actor_label = g_strdup_printf ("first-run assistant (OS user %s)", g_get_user_name ());
  self->roles = SR_ROLES_ALL;
  return self;
}

gint64
sr_session_get_staff_id (SrSession *self)
{
  return self->staff_id;
}

const char *
sr_session_get_login (SrSession *self)
{
  return self->login;
}

const char *
sr_session_get_display_name (SrSession *self)
{
  return self->display_name;
}

const char *
sr_session_get_actor_label (SrSession *self)
{
  return self->actor_label;
}

SrRoles
sr_session_get_roles (SrSession *self)
{
  return self->roles;
}

gboolean
sr_session_is_command_line (SrSession *self)
{
  return self->is_command_line;
}

gboolean
sr_session_may (SrSession *self,
                SrAction   action)
{
  return self != NULL && sr_roles_may (self->roles, action);
}

gboolean
sr_session_check (SrSession  *self,
                  SrAction    action,
                  GError    **error)
{
  if (self == NULL)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED,
                   _("Sign in first."));
      return FALSE;
    }
  if (!sr_roles_may (self->roles, action))
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED,
                   _("%s may not do this: %s."), self->display_name,
                   sr_action_get_label (action));
      return FALSE;
    }
  return TRUE;
}

gboolean
sr_session_get_must_change_password (SrSession *self)
{
  return self->must_change_password;
}

void
sr_session_set_must_change_password (SrSession *self,
                                     gboolean   must_change)
{
  self->must_change_password = must_change;
}
