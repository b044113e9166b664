/* sr-roles.c — the permission table. Later issues add their actions here. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sr-error.h"
#include "sr-roles.h"

static const struct {
  SrRole role;
  const char *code;
  const char *label;
} roles[SR_N_ROLES] = {
  { SR_ROLE_RECEPTIONIST, "receptionist", N_("Receptionist") },
  { SR_ROLE_CONSULTANT, "consultant", N_("Consultant / designer") },
  { SR_ROLE_CUSTOMER_MANAGER, "customer-manager", N_("Customer manager") },
  { SR_ROLE_SALES_CONTROLLER, "sales-controller", N_("Sales controller") },
  { SR_ROLE_FINANCE, "finance", N_("Finance") },
  { SR_ROLE_MANAGER, "manager", N_("Manager") },
  { SR_ROLE_ADMIN, "admin", N_("Administrator") },
};

/* Who may do what (PRODUCT.md "People and roles"). */
static const struct {
  SrAction action;
  const char *code;
  const char *label;
  SrRoles allowed;
} actions[SR_N_ACTIONS] = {
  { SR_ACTION_MANAGE_STAFF, "manage-staff", N_("Manage staff accounts"),
    SR_ROLE_ADMIN },
  { SR_ACTION_EDIT_OFFICE, "edit-office", N_("Change the office settings"),
    SR_ROLE_ADMIN },
  { SR_ACTION_EDIT_MEDIA_SOURCES, "edit-media-sources", N_("Edit the media source list"),
    SR_ROLE_ADMIN | SR_ROLE_MANAGER },
  { SR_ACTION_EDIT_STAGES, "edit-stages", N_("Edit the pipeline stages"),
    SR_ROLE_ADMIN | SR_ROLE_MANAGER },
  { SR_ACTION_EDIT_UNITS, "edit-units", N_("Edit projects, buildings and units"),
    SR_ROLE_ADMIN | SR_ROLE_MANAGER | SR_ROLE_SALES_CONTROLLER },
  { SR_ACTION_BACKUP, "backup", N_("Back up the database"),
    SR_ROLE_ADMIN | SR_ROLE_MANAGER },
  { SR_ACTION_VIEW_AUDIT, "view-audit", N_("Read the audit log"),
    SR_ROLE_ADMIN | SR_ROLE_MANAGER },
  { SR_ACTION_REGISTER_CUSTOMER, "register-customer", N_("Register a customer"),
    SR_ROLE_RECEPTIONIST | SR_ROLE_CONSULTANT | SR_ROLE_CUSTOMER_MANAGER | SR_ROLE_MANAGER },
  { SR_ACTION_CONFIRM_SHARED_PHONE, "confirm-shared-phone",
    N_("Confirm that two customers share a phone"),
    SR_ROLE_CUSTOMER_MANAGER | SR_ROLE_MANAGER },
  { SR_ACTION_SET_ROTATION_ORDER, "set-rotation-order", N_("Set the day’s rotation order"),
    SR_ROLE_CUSTOMER_MANAGER | SR_ROLE_MANAGER },
  { SR_ACTION_RUN_ROTATION, "run-rotation", N_("Run the reception rotation at the desk"),
    SR_ROLE_RECEPTIONIST | SR_ROLE_CUSTOMER_MANAGER | SR_ROLE_MANAGER },
  { SR_ACTION_TRANSFER_OWNERSHIP, "transfer-ownership", N_("Transfer customers to another owner"),
    SR_ROLE_CUSTOMER_MANAGER | SR_ROLE_MANAGER },
  { SR_ACTION_FOLLOW_UP, "follow-up", N_("Record follow-ups"),
    SR_ROLE_CONSULTANT | SR_ROLE_CUSTOMER_MANAGER | SR_ROLE_MANAGER },
  { SR_ACTION_EDIT_CUSTOMER, "edit-customer", N_("Edit a customer’s record"),
    SR_ROLE_CONSULTANT | SR_ROLE_CUSTOMER_MANAGER | SR_ROLE_MANAGER },
  { SR_ACTION_BOOK_APPOINTMENT, "book-appointment", N_("Book appointments"),
    SR_ROLE_RECEPTIONIST | SR_ROLE_CONSULTANT | SR_ROLE_CUSTOMER_MANAGER | SR_ROLE_MANAGER },
  { SR_ACTION_CONTROL_UNITS, "control-units", N_("Hold, release and reserve units"),
    SR_ROLE_SALES_CONTROLLER | SR_ROLE_MANAGER },
  { SR_ACTION_REQUEST_SUBSCRIPTION, "request-subscription", N_("Request a subscription for a customer"),
    SR_ROLE_CONSULTANT | SR_ROLE_SALES_CONTROLLER | SR_ROLE_MANAGER },
  { SR_ACTION_RECORD_MONEY, "record-money", N_("Take and confirm money"),
    SR_ROLE_FINANCE },
  { SR_ACTION_MANAGE_DEALS, "manage-deals", N_("Sign contracts, change units and cancel sales"),
    SR_ROLE_SALES_CONTROLLER | SR_ROLE_MANAGER },
  { SR_ACTION_APPROVE_TERMS, "approve-terms", N_("Approve special discounts and supplementary agreements"),
    SR_ROLE_MANAGER },
  { SR_ACTION_ENTER_CONTRACTS, "enter-contracts", N_("Enter decoration and service contracts"),
    SR_ROLE_CONSULTANT | SR_ROLE_CUSTOMER_MANAGER | SR_ROLE_MANAGER },
  { SR_ACTION_REPORT_MONEY, "report-money", N_("Report money received, for finance to confirm"),
    SR_ROLE_CONSULTANT | SR_ROLE_CUSTOMER_MANAGER | SR_ROLE_SALES_CONTROLLER | SR_ROLE_MANAGER },
  { SR_ACTION_MANAGE_HOUSEKEEPERS, "manage-housekeepers", N_("Keep the roster of housekeepers"),
    SR_ROLE_CUSTOMER_MANAGER | SR_ROLE_MANAGER },
  { SR_ACTION_HANDLE_PERSONAL_DATA, "handle-personal-data",
    N_("Answer a person's request about their data: export it all, or erase them"), SR_ROLE_MANAGER },
};

SrRole
sr_role_from_index (guint index)
{
  g_return_val_if_fail (index < SR_N_ROLES, SR_ROLE_RECEPTIONIST);
  return roles[index].role;
}

const char *
sr_role_get_code (SrRole role)
{
  for (guint i = 0; i < SR_N_ROLES; i++)
    if (roles[i].role == role)
      return roles[i].code;
  return NULL;
}

const char *
sr_role_get_label (SrRole role)
{
  for (guint i = 0; i < SR_N_ROLES; i++)
    if (roles[i].role == role)
      return _(roles[i].label);
  return NULL;
}

gboolean
sr_role_from_code (const char *code,
                   SrRole     *out_role)
{
  for (guint i = 0; i < SR_N_ROLES; i++)
    if (g_strcmp0 (roles[i].code, code) == 0)
      {
        *out_role = roles[i].role;
        return TRUE;
      }
  return FALSE;
}

/* "Receptionist, Finance" in the person's language. */
char *
sr_roles_to_label (SrRoles r)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < SR_N_ROLES; i++)
    if (r & roles[i].role)
      {
        if (s->len > 0)
          g_string_append (s, _(", "));
        g_string_append (s, _(roles[i].label));
      }
  return g_string_free (s, FALSE);
}

/* "receptionist,finance" → bit set. */
gboolean
sr_roles_parse (const char  *codes,
                SrRoles     *out_roles,
                GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (codes != NULL ? codes : "", ",", -1);
  SrRoles r = 0;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      SrRole role;
      g_strstrip (parts[i]);
      if (parts[i][0] == '\0')
        continue;
      if (!sr_role_from_code (parts[i], &role))
        {
          g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                       _("“%s” is not a role. Roles are: receptionist, consultant, "
                         "customer-manager, sales-controller, finance, manager, admin."),
                       parts[i]);
          return FALSE;
        }
      r |= role;
    }
  *out_roles = r;
  return TRUE;
}

SrRoles
sr_action_get_roles (SrAction action)
{
  g_return_val_if_fail (action < SR_N_ACTIONS, 0);
  return actions[action].allowed;
}

const char *
sr_action_get_code (SrAction action)
{
  g_return_val_if_fail (action < SR_N_ACTIONS, NULL);
  return actions[action].code;
}

const char *
sr_action_get_label (SrAction action)
{
  g_return_val_if_fail (action < SR_N_ACTIONS, NULL);
  return _(actions[action].label);
}

gboolean
sr_roles_may (SrRoles  r,
              SrAction action)
{
  g_return_val_if_fail (action < SR_N_ACTIONS, FALSE);
  g_assert (actions[action].action == action);
  return (r & actions[action].allowed) != 0;
}
