/* sr-roles.h — the office's roles and what each may do.
 *
 * A person holds a set of roles (a bit set stored in staff.roles). Every action a
 * person can take is listed in SrAction; sr_roles_may() answers from one table, and
 * core functions call sr_session_check() before they change anything.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  SR_ROLE_RECEPTIONIST     = 1 << 0, /* 前台 */
  SR_ROLE_CONSULTANT       = 1 << 1, /* 置业顾问 / 设计师 */
  SR_ROLE_CUSTOMER_MANAGER = 1 << 2, /* 客户经理 / 主管 */
  SR_ROLE_SALES_CONTROLLER = 1 << 3, /* 销控 */
  SR_ROLE_FINANCE          = 1 << 4, /* 财务 */
  SR_ROLE_MANAGER          = 1 << 5, /* 经理 */
  SR_ROLE_ADMIN            = 1 << 6, /* 管理员 */
} SrRole;

typedef guint SrRoles;

#define SR_ROLES_ALL ((SrRoles) 0x7f)
#define SR_N_ROLES 7

typedef enum {
  SR_ACTION_MANAGE_STAFF,        /* add staff, change roles, disable, reset passwords */
  SR_ACTION_EDIT_OFFICE,         /* office name and settings */
  SR_ACTION_EDIT_MEDIA_SOURCES,  /* the 认知途径 list */
  SR_ACTION_EDIT_STAGES,         /* rename, reorder, add pipeline stages */
  SR_ACTION_EDIT_UNITS,          /* projects, buildings, units, prices */
  SR_ACTION_BACKUP,              /* copy the database */
  SR_ACTION_VIEW_AUDIT,          /* read the audit log */
  SR_ACTION_REGISTER_CUSTOMER,   /* register a new customer (call, visit, …) */
  SR_ACTION_CONFIRM_SHARED_PHONE, /* let two live customers share a phone (a couple) */
  SR_ACTION_SET_ROTATION_ORDER,  /* set the day's rotation order of a group */
  SR_ACTION_RUN_ROTATION,        /* record arrivals, skips, receptions at the desk */
  SR_ACTION_TRANSFER_OWNERSHIP,  /* move customers to another owner by hand */
  SR_ACTION_FOLLOW_UP,           /* record follow-ups (consultants: their own customers) */
  SR_ACTION_EDIT_CUSTOMER,       /* edit a customer's record (consultants: their own) */
  SR_ACTION_BOOK_APPOINTMENT,    /* book or cancel appointments (consultants: their own) */
  SR_ACTION_CONTROL_UNITS,       /* hold, release, reserve units (销控) */
  SR_ACTION_REQUEST_SUBSCRIPTION, /* ask for a unit for a customer, with a deposit (认购申请) */
  SR_ACTION_RECORD_MONEY,        /* take and confirm money: intention money, deposits, refunds (财务) */
  SR_ACTION_MANAGE_DEALS,        /* sign contracts, change units, cancel (销控) */
  SR_ACTION_APPROVE_TERMS,       /* a special discount above the limit (特殊优惠), supplementary agreements (补充协议) */
  SR_ACTION_ENTER_CONTRACTS,     /* a decoration or service contract with its plan (consultants: their own customers) */
  SR_ACTION_REPORT_MONEY,        /* report money a customer handed over, for finance to confirm (consultants: their own) */
  SR_ACTION_MANAGE_HOUSEKEEPERS, /* keep the roster of housekeepers and their training (家政服务员) */
  SR_ACTION_HANDLE_PERSONAL_DATA, /* a person's request under PIPL: export all held about them, erase them */
  SR_N_ACTIONS
} SrAction;

SrRole      sr_role_from_index      (guint        index);
const char *sr_role_get_code        (SrRole       role);
const char *sr_role_get_label       (SrRole       role);
gboolean    sr_role_from_code       (const char  *code,
                                     SrRole      *out_role);
char       *sr_roles_to_label       (SrRoles      roles);
gboolean    sr_roles_parse          (const char  *codes,
                                     SrRoles     *out_roles,
                                     GError     **error);

SrRoles     sr_action_get_roles     (SrAction     action);
const char *sr_action_get_code      (SrAction     action);
const char *sr_action_get_label     (SrAction     action);
gboolean    sr_roles_may            (SrRoles      roles,
                                     SrAction     action);

G_END_DECLS
