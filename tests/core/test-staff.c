/* Staff, passwords, signing in, and the role × action matrix. */
#include "config.h"

#include <locale.h>

#include "common/sr-test-util.h"
#include "core/sr-audit.h"
#include "core/sr-customers.h"
#include "core/sr-contracts.h"
#include "core/sr-deals.h"
#include "core/sr-desk.h"
#include "core/sr-follow-ups.h"
#include "core/sr-appointments.h"
#include "core/sr-bookings.h"
#include "core/sr-error.h"
#include "core/sr-housekeeping.h"
#include "core/sr-privacy.h"
#include "core/sr-media.h"
#include "core/sr-money-reports.h"
#include "core/sr-stages.h"
#include "core/sr-units.h"

static void
test_password_hash (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = sr_password_hash ("秘密password", &error);

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (hash, "$argon2id$"));
  g_assert_true (sr_password_verify (hash, "秘密password"));
  g_assert_false (sr_password_verify (hash, "秘密passwore"));
  g_assert_false (sr_password_verify (hash, ""));
  g_assert_false (sr_password_check_rules ("12345", NULL, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (sr_password_check_rules ("六个字的密码", NULL, &error));
  /* Not the sign-in name, in any case. */
  g_assert_false (sr_password_check_rules ("WangJingLi", "wangjingli", &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "The password may not be the sign-in name.");
  g_clear_error (&error);
  g_assert_true (sr_password_check_rules ("wangjingli1", "wangjingli", &error));
}

static void
test_add_and_sign_in (void)
{
  g_autoptr(SrContext) ctx = sr_test_context_new (SR_OFFICE_PROPERTY);
  g_autoptr(GError) error = NULL;
  g_autoptr(SrSession) session = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  gint64 id;

  id = sr_staff_add (ctx, "sunqt", "孙前台", SR_ROLE_RECEPTIONIST | SR_ROLE_FINANCE, "qiantai1", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  /* The same sign-in name twice. */
  g_assert_cmpint (sr_staff_add (ctx, "sunqt", "另一个孙", SR_ROLE_RECEPTIONIST, "qiantai1", &error), ==, 0);
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT);
  g_clear_error (&error);
  /* Bad input. */
  g_assert_cmpint (sr_staff_add (ctx, "has space", "某人", SR_ROLE_RECEPTIONIST, "qiantai1", &error), ==, 0);
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (sr_staff_add (ctx, "norole", "某人", 0, "qiantai1", &error), ==, 0);
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (sr_staff_add (ctx, "short", "某人", SR_ROLE_FINANCE, "123", &error), ==, 0);
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);

  session = sr_staff_sign_in (ctx, "sunqt", "qiantai1", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sr_session_get_staff_id (session), ==, id);
  g_assert_cmpuint (sr_session_get_roles (session), ==, SR_ROLE_RECEPTIONIST | SR_ROLE_FINANCE);
  g_assert_cmpstr (sr_session_get_display_name (session), ==, "孙前台");

  /* The audit shows who added whom, and the password never appears. */
  audit = sr_audit_list (ctx, "staff", 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < audit->len; i++)
    {
      SrAuditEntry *e = g_ptr_array_index (audit, i);
      g_assert_null (e->after_json != NULL ? strstr (e->after_json, "qiantai1\"") : NULL);
      if (g_strcmp0 (e->action, "add") == 0 && e->row_id == id)
        g_assert_cmpstr (e->actor, ==, "管理员 (admin)");
    }
  sr_test_context_finish (g_steal_pointer (&ctx));
}

static void
test_lockout_grows (void)
{
  g_autoptr(SrContext) ctx = sr_test_context_new (SR_OFFICE_PROPERTY);
  SrClock *clock = sr_context_get_clock (ctx);
  g_autoptr(GError) error = NULL;
  g_autoptr(SrSession) session = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  gint64 now = sr_clock_now (clock);
  guint failed = 0;

  g_assert_cmpint (sr_sign_in_delay_seconds (4), ==, 0);
  g_assert_cmpint (sr_sign_in_delay_seconds (5), ==, 30);
  g_assert_cmpint (sr_sign_in_delay_seconds (6), ==, 60);
  g_assert_cmpint (sr_sign_in_delay_seconds (7), ==, 120);
  g_assert_cmpint (sr_sign_in_delay_seconds (50), ==, 900);

  g_assert_cmpint (sr_staff_add (ctx, "caiwu", "财务", SR_ROLE_FINANCE, "right-one", &error), >, 0);
  for (int i = 0; i < 5; i++)
    {
      g_assert_null (sr_staff_sign_in (ctx, "caiwu", "wrong", &error));
      g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED);
      g_clear_error (&error);
    }
  /* Now even the right password waits. */
  g_assert_null (sr_staff_sign_in (ctx, "caiwu", "right-one", &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_LOCKED);
  g_clear_error (&error);

  sr_clock_set_fixed (clock, now + 31);
  g_assert_null (sr_staff_sign_in (ctx, "caiwu", "wrong", &error)); /* sixth */
  g_clear_error (&error);
  sr_clock_set_fixed (clock, now + 31 + 45);
  g_assert_null (sr_staff_sign_in (ctx, "caiwu", "right-one", &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_LOCKED); /* 60 s this time */
  g_clear_error (&error);
  sr_clock_set_fixed (clock, now + 31 + 61);
  session = sr_staff_sign_in (ctx, "caiwu", "right-one", &error);
  g_assert_no_error (error);
  g_assert_nonnull (session);

  audit = sr_audit_list (ctx, "staff", 0, &error);
  for (guint i = 0; i < audit->len; i++)
    if (g_strcmp0 (((SrAuditEntry *) g_ptr_array_index (audit, i))->action, "sign-in-failed") == 0)
      failed++;
  g_assert_cmpuint (failed, ==, 6);

  /* The count starts again after a good sign-in. */
  g_clear_object (&session);
  g_assert_null (sr_staff_sign_in (ctx, "caiwu", "wrong", &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED);
  g_clear_error (&error);
  session = sr_staff_sign_in (ctx, "caiwu", "right-one", &error);
  g_assert_no_error (error);

  /* Unknown names give the same message as wrong passwords. */
  g_assert_null (sr_staff_sign_in (ctx, "nobody", "whatever", &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED);
  sr_test_context_finish (g_steal_pointer (&ctx));
}

static void
test_disable_and_last_admin (void)
{
  g_autoptr(SrContext) ctx = sr_test_context_new (SR_OFFICE_PROPERTY);
  g_autoptr(GError) error = NULL;
  g_autoptr(SrStaffMember) admin = sr_staff_find (ctx, 0, "admin", &error);
  gint64 id = sr_staff_add (ctx, "leaver", "离职者", SR_ROLE_CONSULTANT, "password1", &error);

  g_assert_no_error (error);
  /* A reason is needed. */
  g_assert_false (sr_staff_set_disabled (ctx, id, TRUE, "  ", &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (sr_staff_set_disabled (ctx, id, TRUE, "离职", &error));
  g_assert_null (sr_staff_sign_in (ctx, "leaver", "password1", &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_true (sr_staff_set_disabled (ctx, id, FALSE, NULL, &error));
  {
    g_autoptr(SrSession) s = sr_staff_sign_in (ctx, "leaver", "password1", &error);
    g_assert_no_error (error);
  }

  /* Not yourself, and never the last administrator. */
  g_assert_false (sr_staff_set_disabled (ctx, admin->id, TRUE, "试试", &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (sr_staff_update (ctx, admin->id, "管理员", NULL, SR_ROLE_MANAGER, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT);
  g_clear_error (&error);
  /* With a second administrator the first may give the role up. */
  g_assert_true (sr_staff_update (ctx, id, "离职者", NULL, SR_ROLE_ADMIN, &error));
  g_assert_true (sr_staff_update (ctx, admin->id, "管理员", "13800138000", SR_ROLE_MANAGER, &error));
  g_assert_no_error (error);

  /* Reset password: the old one stops working. */
  g_assert_true (sr_staff_reset_password (ctx, id, "brand-new", &error));
  g_assert_null (sr_staff_sign_in (ctx, "leaver", "password1", &error));
  g_clear_error (&error);
  {
    g_autoptr(SrSession) s = sr_staff_sign_in (ctx, "leaver", "brand-new", &error);
    g_assert_no_error (error);
  }
  sr_test_context_finish (g_steal_pointer (&ctx));
}

static void
test_change_own_password (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_PROPERTY);
  g_autoptr(SrContext) ctx = sr_test_context_as (admin, "guwen", SR_ROLE_CONSULTANT);
  g_autoptr(GError) error = NULL;

  g_assert_false (sr_staff_change_own_password (ctx, "not-it", "newpass1", &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (sr_staff_change_own_password (ctx, "password1", "password1", &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sr_staff_change_own_password (ctx, "password1", "GUWEN", &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (sr_staff_change_own_password (ctx, "password1", "newpass1", &error));
  g_assert_no_error (error);
  {
    g_autoptr(SrSession) s = sr_staff_sign_in (ctx, "guwen", "newpass1", &error);
    g_assert_no_error (error);
    g_assert_false (sr_session_get_must_change_password (s));
  }
  /* The administrator resets it: the owner must change it at the next sign-in, and
   * only once. */
  {
    g_autoptr(SrStaffMember) m = sr_staff_find (admin, 0, "guwen", NULL);
    g_autoptr(SrSession) s = NULL;
    g_autoptr(SrContext) again = sr_context_new (sr_context_get_db (admin), NULL);
    g_assert_false (sr_staff_reset_password (admin, m->id, "guwen", &error));
    g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_true (sr_staff_reset_password (admin, m->id, "given-by-admin", &error));
    s = sr_staff_sign_in (again, "guwen", "given-by-admin", &error);
    g_assert_no_error (error);
    g_assert_true (sr_session_get_must_change_password (s));
    sr_context_set_session (again, s);
    g_assert_true (sr_staff_change_own_password (again, "given-by-admin", "my-own-one", &error));
    g_assert_false (sr_session_get_must_change_password (s));
    g_clear_object (&s);
    s = sr_staff_sign_in (again, "guwen", "my-own-one", &error);
    g_assert_false (sr_session_get_must_change_password (s));
  }
  g_clear_object (&ctx);
  sr_test_context_finish (g_steal_pointer (&admin));
}

/* Every role × every action: the core refuses what the table forbids, with DENIED,
 * and changes nothing. */
typedef gboolean (*ActionFunc) (SrContext *ctx, GError **error);

static gboolean do_manage_staff (SrContext *ctx, GError **error)
{
  static int n = 0;
  g_autofree char *login = g_strdup_printf ("new%d", ++n);
  return sr_staff_add (ctx, login, "新人", SR_ROLE_RECEPTIONIST, "password1", error) > 0;
}
static gboolean do_edit_office (SrContext *ctx, GError **error)
{
  return sr_office_rename (ctx, "改名的售楼处", error);
}
static gboolean do_edit_media (SrContext *ctx, GError **error)
{
  static int n = 0;
  g_autofree char *name = g_strdup_printf ("媒体%d", ++n);
  return sr_media_add (ctx, name, error) > 0;
}
static gboolean do_edit_stages (SrContext *ctx, GError **error)
{
  static int n = 0;
  g_autofree char *name = g_strdup_printf ("阶段%d", ++n);
  return sr_stages_add (ctx, name, SR_STAGE_CUSTOM, error) > 0;
}
static gboolean do_edit_units (SrContext *ctx, GError **error)
{
  static int n = 0;
  g_autofree char *name = g_strdup_printf ("项目%d", ++n);
  return sr_projects_add (ctx, name, NULL, error) > 0;
}
static gboolean do_backup (SrContext *ctx, GError **error)
{
  return sr_context_check (ctx, SR_ACTION_BACKUP, error);
}
static gboolean do_view_audit (SrContext *ctx, GError **error)
{
  g_autoptr(GPtrArray) rows = sr_audit_list (ctx, NULL, 1, error);
  return rows != NULL;
}

static gboolean do_register_customer (SrContext *ctx, GError **error)
{
  static int n = 0;
  g_autofree char *phone = g_strdup_printf ("1390000%04d", ++n);
  const char *phones[] = { phone, NULL };
  SrCustomerInput in = { "测试客户", NULL, "call", 0, NULL, 0, phones, FALSE };
  return sr_customers_add (ctx, &in, error) > 0;
}
static gboolean do_confirm_shared (SrContext *ctx, GError **error)
{
  /* A phone another live customer has (made by test_role_matrix), confirmed as shared. */
  const char *phones[] = { "13612345678", NULL };
  SrCustomerInput in = { "共用电话", NULL, "call", 0, NULL, 0, phones, TRUE };

  if (!sr_session_may (sr_context_get_session (ctx), SR_ACTION_REGISTER_CUSTOMER))
    {
      /* Only those who may register reach the confirmation; check it directly. */
      return sr_context_check (ctx, SR_ACTION_CONFIRM_SHARED_PHONE, error);
    }
  return sr_customers_add (ctx, &in, error) > 0;
}

static gint64
me_or_admin (SrContext *ctx)
{
  SrSession *s = sr_context_get_session (ctx);
  return s != NULL ? sr_session_get_staff_id (s) : 1;
}
static gboolean do_set_order (SrContext *ctx, GError **error)
{
  gint64 me = me_or_admin (ctx);
  return sr_desk_set_order (ctx, "2026-11-23", SR_DESK_RECEPTION, &me, 1, error);
}
static gboolean do_run_rotation (SrContext *ctx, GError **error)
{
  gint64 me = me_or_admin (ctx);
  return sr_desk_record (ctx, "2026-11-23", SR_DESK_RECEPTION, SR_ROTATION_ARRIVE, me, 0, error) > 0;
}

static gboolean do_transfer (SrContext *ctx, GError **error)
{
  /* Customer 1 (made by test_role_matrix) to the acting person, or to staff 1. */
  return sr_customers_transfer (ctx, 1, me_or_admin (ctx), "测试转移", error);
}

static gboolean do_follow_up (SrContext *ctx, GError **error)
{
  gint64 customer = 1;
  if (sr_session_may (sr_context_get_session (ctx), SR_ACTION_FOLLOW_UP))
    {
      /* A customer of the acting person, so a consultant may follow it up. */
      static int n = 0;
      g_autofree char *phone = g_strdup_printf ("1370000%04d", ++n);
      const char *phones[] = { phone, NULL };
      SrCustomerInput in = { "跟进客户", NULL, "call", 0, NULL, me_or_admin (ctx), phones, FALSE };
      g_autoptr(SrSession) cli = sr_session_new_command_line ();
      g_autoptr(SrContext) root = sr_context_new (sr_context_get_db (ctx), NULL);
      sr_context_set_session (root, cli);
      customer = sr_customers_add (root, &in, error);
      if (customer == 0)
        return FALSE;
    }
  return sr_follow_ups_add (ctx, customer, SR_FOLLOW_UP_PHONE, "测试跟进", NULL, error) > 0;
}

static gboolean do_edit_customer (SrContext *ctx, GError **error)
{
  gint64 customer = 1;
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  if (sr_session_may (sr_context_get_session (ctx), SR_ACTION_EDIT_CUSTOMER))
    {
      static int n = 0;
      g_autofree char *phone = g_strdup_printf ("1350000%04d", ++n);
      const char *phones[] = { phone, NULL };
      SrCustomerInput in = { "编辑客户", NULL, "call", 0, NULL, me_or_admin (ctx), phones, FALSE };
      g_autoptr(SrSession) cli = sr_session_new_command_line ();
      g_autoptr(SrContext) root = sr_context_new (sr_context_get_db (ctx), NULL);
      sr_context_set_session (root, cli);
      customer = sr_customers_add (root, &in, error);
      if (customer == 0)
        return FALSE;
    }
  g_hash_table_insert (values, "occupation", "教师");
  return sr_customers_update_details (ctx, customer, values, error);
}

static gboolean do_book (SrContext *ctx, GError **error)
{
  gint64 customer = 1;
  if (sr_session_may (sr_context_get_session (ctx), SR_ACTION_BOOK_APPOINTMENT))
    {
      static int n = 0;
      g_autofree char *phone = g_strdup_printf ("1330000%04d", ++n);
      const char *phones[] = { phone, NULL };
      SrCustomerInput in = { "预约客户", NULL, "call", 0, NULL, me_or_admin (ctx), phones, FALSE };
      g_autoptr(SrSession) cli = sr_session_new_command_line ();
      g_autoptr(SrContext) root = sr_context_new (sr_context_get_db (ctx), sr_context_get_clock (ctx));
      sr_context_set_session (root, cli);
      customer = sr_customers_add (root, &in, error);
      if (customer == 0)
        return FALSE;
    }
  return sr_appointments_add (ctx, customer, me_or_admin (ctx), sr_context_now (ctx) + 86400,
                              SR_APPOINTMENT_VIEWING, NULL, error) > 0;
}

static GArray *matrix_units;  /* units made by test_role_matrix for the sales actions */

static gboolean do_control_units (SrContext *ctx, GError **error)
{
  gint64 unit = g_array_index (matrix_units, gint64, 0);
  /* Hold and release again, so the next role finds it available. */
  return sr_units_hold (ctx, unit, error) && sr_units_release (ctx, unit, error);
}
static gboolean do_request_subscription (SrContext *ctx, GError **error)
{
  static guint next = 1;
  gint64 customer = 1;
  if (sr_session_may (sr_context_get_session (ctx), SR_ACTION_REQUEST_SUBSCRIPTION))
    {
      static int n = 0;
      g_autofree char *phone = g_strdup_printf ("1320000%04d", ++n);
      const char *phones[] = { phone, NULL };
      SrCustomerInput in = { "认购客户", NULL, "call", 0, NULL, me_or_admin (ctx), phones, FALSE, 0 };
      g_autoptr(SrSession) cli = sr_session_new_command_line ();
      g_autoptr(SrContext) root = sr_context_new (sr_context_get_db (ctx), NULL);
      sr_context_set_session (root, cli);
      customer = sr_customers_add (root, &in, error);
      if (customer == 0)
        return FALSE;
    }
  return sr_units_request_subscription (ctx, g_array_index (matrix_units, gint64, next++), customer,
                                        5000000, "2026-12-31", error) > 0;
}

static gint64 matrix_deal;  /* a pending request made by test_role_matrix */

static gboolean do_record_money (SrContext *ctx, GError **error)
{
  gint64 customer = 1;
  if (sr_session_may (sr_context_get_session (ctx), SR_ACTION_RECORD_MONEY))
    {
      static int n = 0;
      g_autofree char *phone = g_strdup_printf ("1310000%04d", ++n);
      const char *phones[] = { phone, NULL };
      SrCustomerInput in = { "认筹客户", NULL, "call", 0, NULL, 0, phones, FALSE, 0 };
      g_autoptr(SrSession) cli = sr_session_new_command_line ();
      g_autoptr(SrContext) root = sr_context_new (sr_context_get_db (ctx), sr_context_get_clock (ctx));
      sr_context_set_session (root, cli);
      customer = sr_customers_add (root, &in, error);
      if (customer == 0)
        return FALSE;
    }
  return sr_intention_take (ctx, customer, 2000000, "cash", SR_TEST_NOW_DAY, NULL, error) > 0;
}
static gboolean do_manage_deals (SrContext *ctx, GError **error)
{
  /* A discount within the office's limit (1 % by default). */
  return sr_deals_set_discount (ctx, matrix_deal, 100, "整数优惠", error);
}
static gboolean do_approve_discount (SrContext *ctx, GError **error)
{
  g_autoptr(SrDeal) deal = sr_deals_get (ctx, matrix_deal, error);
  return deal != NULL && sr_deals_set_discount (ctx, matrix_deal, deal->list_price_fen / 10, "团购", error);
}

static gboolean do_enter_contract (SrContext *ctx, GError **error)
{
  /* A decoration office's construction contract for a customer of the person's own; the
   * matrix office is a property office, so it is one for the length of the call. */
  static int n = 0;
  SrDb *db = sr_context_get_db (ctx);
  g_autofree char *phone = g_strdup_printf ("1360000%04d", ++n);
  g_autofree char *number = g_strdup_printf ("ZX-%d", n);
  const char *phones[] = { phone, NULL };
  SrCustomerInput in = { "装修客户", NULL, "call", 0, NULL, me_or_admin (ctx), phones, FALSE, 0 };
  g_autoptr(SrSession) cli = sr_session_new_command_line ();
  g_autoptr(SrContext) root = sr_context_new (db, sr_context_get_clock (ctx));
  SrContractDeal deal = { 0, "construction", number, SR_TEST_NOW_DAY, 10000000, 3000000, 2, 30, NULL };
  gint64 id;

  sr_context_set_session (root, cli);
  deal.customer_id = 1;
  if (sr_session_may (sr_context_get_session (ctx), SR_ACTION_ENTER_CONTRACTS))
    {
      deal.customer_id = sr_customers_add (root, &in, error);
      if (deal.customer_id == 0)
        return FALSE;
    }
  g_assert_true (sr_db_run (db, NULL, "UPDATE office SET kind = 'decoration'", ""));
  id = sr_contracts_add (ctx, &deal, error);
  g_assert_true (sr_db_run (db, NULL, "UPDATE office SET kind = 'property'", ""));
  return id > 0;
}

static gboolean do_report_money (SrContext *ctx, GError **error)
{
  /* Money handed to the person for a contract of their own customer (entered from the
   * command line in a decoration office for the length of the call). */
  static int n = 0;
  SrDb *db = sr_context_get_db (ctx);
  gint64 deal = matrix_deal;

  if (sr_session_may (sr_context_get_session (ctx), SR_ACTION_REPORT_MONEY))
    {
      g_autofree char *phone = g_strdup_printf ("1340000%04d", ++n);
      g_autofree char *number = g_strdup_printf ("BG-%d", n);
      const char *phones[] = { phone, NULL };
      SrCustomerInput in = { "交款客户", NULL, "call", 0, NULL, me_or_admin (ctx), phones, FALSE, 0 };
      g_autoptr(SrSession) cli = sr_session_new_command_line ();
      g_autoptr(SrContext) root = sr_context_new (db, sr_context_get_clock (ctx));
      SrContractDeal contract = { 0, "design", number, SR_TEST_NOW_DAY, 1000000, 300000, 1, 30, NULL };
      sr_context_set_session (root, cli);
      contract.customer_id = sr_customers_add (root, &in, error);
      if (contract.customer_id == 0)
        return FALSE;
      g_assert_true (sr_db_run (db, NULL, "UPDATE office SET kind = 'decoration'", ""));
      deal = sr_contracts_add (root, &contract, error);
      g_assert_true (sr_db_run (db, NULL, "UPDATE office SET kind = 'property'", ""));
      if (deal == 0)
        return FALSE;
    }
  return sr_money_report_add (ctx, deal, 300000, "wechat", SR_TEST_NOW_DAY, "定金微信转账", error) > 0;
}

static gboolean do_manage_housekeepers (SrContext *ctx, GError **error)
{
  /* The matrix office is a property office: a housekeeping agency for the call. */
  SrDb *db = sr_context_get_db (ctx);
  SrHousekeeperInput in = { "王阿姨", NULL, 0, NULL, "育婴", NULL };
  gint64 id;

  g_assert_true (sr_db_run (db, NULL, "UPDATE office SET kind = 'housekeeping'", ""));
  id = sr_housekeepers_add (ctx, &in, error);
  g_assert_true (sr_db_run (db, NULL, "UPDATE office SET kind = 'property'", ""));
  return id > 0;
}

static gboolean do_handle_personal_data (SrContext *ctx, GError **error)
{
  /* A customer of its own each time, erased on their request. */
  static int n = 0;
  g_autofree char *phone = g_strdup_printf ("1350000%04d", ++n);
  const char *phones[] = { phone, NULL };
  SrCustomerInput in = { "要求删除", NULL, "call", 0, NULL, 0, phones, FALSE };
  g_autoptr(SrSession) cli = sr_session_new_command_line ();
  g_autoptr(SrContext) root = sr_context_new (sr_context_get_db (ctx), NULL);
  gint64 customer = 1;      /* made by test_role_matrix: refused before anything */
  sr_context_set_session (root, cli);
  if (sr_session_may (sr_context_get_session (ctx), SR_ACTION_HANDLE_PERSONAL_DATA))
    {
      customer = sr_customers_add (root, &in, NULL);
      g_assert_cmpint (customer, >, 0);
    }
  return sr_privacy_erase (ctx, customer, "客户本人", "书面申请", error);
}

static const ActionFunc action_funcs[SR_N_ACTIONS] = {
  [SR_ACTION_MANAGE_STAFF] = do_manage_staff,
  [SR_ACTION_EDIT_OFFICE] = do_edit_office,
  [SR_ACTION_EDIT_MEDIA_SOURCES] = do_edit_media,
  [SR_ACTION_EDIT_STAGES] = do_edit_stages,
  [SR_ACTION_EDIT_UNITS] = do_edit_units,
  [SR_ACTION_BACKUP] = do_backup,
  [SR_ACTION_VIEW_AUDIT] = do_view_audit,
  [SR_ACTION_REGISTER_CUSTOMER] = do_register_customer,
  [SR_ACTION_CONFIRM_SHARED_PHONE] = do_confirm_shared,
  [SR_ACTION_SET_ROTATION_ORDER] = do_set_order,
  [SR_ACTION_RUN_ROTATION] = do_run_rotation,
  [SR_ACTION_TRANSFER_OWNERSHIP] = do_transfer,
  [SR_ACTION_FOLLOW_UP] = do_follow_up,
  [SR_ACTION_EDIT_CUSTOMER] = do_edit_customer,
  [SR_ACTION_BOOK_APPOINTMENT] = do_book,
  [SR_ACTION_CONTROL_UNITS] = do_control_units,
  [SR_ACTION_REQUEST_SUBSCRIPTION] = do_request_subscription,
  [SR_ACTION_RECORD_MONEY] = do_record_money,
  [SR_ACTION_MANAGE_DEALS] = do_manage_deals,
  [SR_ACTION_APPROVE_TERMS] = do_approve_discount,
  [SR_ACTION_ENTER_CONTRACTS] = do_enter_contract,
  [SR_ACTION_REPORT_MONEY] = do_report_money,
  [SR_ACTION_MANAGE_HOUSEKEEPERS] = do_manage_housekeepers,
  [SR_ACTION_HANDLE_PERSONAL_DATA] = do_handle_personal_data,
};

/* What PRODUCT.md's table says, written out independently of sr-roles.c. */
static gboolean
expected (SrRole role, SrAction action)
{
  switch (action)
    {
    case SR_ACTION_MANAGE_STAFF:
    case SR_ACTION_EDIT_OFFICE:
      return role == SR_ROLE_ADMIN;
    case SR_ACTION_EDIT_MEDIA_SOURCES:
    case SR_ACTION_EDIT_STAGES:
    case SR_ACTION_BACKUP:
    case SR_ACTION_VIEW_AUDIT:
      return role == SR_ROLE_ADMIN || role == SR_ROLE_MANAGER;
    case SR_ACTION_EDIT_UNITS:
      return role == SR_ROLE_ADMIN || role == SR_ROLE_MANAGER || role == SR_ROLE_SALES_CONTROLLER;
    case SR_ACTION_CONTROL_UNITS:
      return role == SR_ROLE_MANAGER || role == SR_ROLE_SALES_CONTROLLER;
    case SR_ACTION_REQUEST_SUBSCRIPTION:
      return role == SR_ROLE_CONSULTANT || role == SR_ROLE_MANAGER || role == SR_ROLE_SALES_CONTROLLER;
    case SR_ACTION_RECORD_MONEY:
      return role == SR_ROLE_FINANCE;
    case SR_ACTION_MANAGE_DEALS:
      return role == SR_ROLE_SALES_CONTROLLER || role == SR_ROLE_MANAGER;
    case SR_ACTION_APPROVE_TERMS:
    case SR_ACTION_HANDLE_PERSONAL_DATA:
      return role == SR_ROLE_MANAGER;
    case SR_ACTION_ENTER_CONTRACTS:
      return role == SR_ROLE_CONSULTANT || role == SR_ROLE_CUSTOMER_MANAGER || role == SR_ROLE_MANAGER;
    case SR_ACTION_REPORT_MONEY:
      return role == SR_ROLE_CONSULTANT || role == SR_ROLE_CUSTOMER_MANAGER ||
             role == SR_ROLE_SALES_CONTROLLER || role == SR_ROLE_MANAGER;
    case SR_ACTION_REGISTER_CUSTOMER:
    case SR_ACTION_BOOK_APPOINTMENT:
      return role == SR_ROLE_RECEPTIONIST || role == SR_ROLE_CONSULTANT ||
             role == SR_ROLE_CUSTOMER_MANAGER || role == SR_ROLE_MANAGER;
    case SR_ACTION_CONFIRM_SHARED_PHONE:
    case SR_ACTION_MANAGE_HOUSEKEEPERS:
    case SR_ACTION_SET_ROTATION_ORDER:
    case SR_ACTION_TRANSFER_OWNERSHIP:
      return role == SR_ROLE_CUSTOMER_MANAGER || role == SR_ROLE_MANAGER;
    case SR_ACTION_FOLLOW_UP:
    case SR_ACTION_EDIT_CUSTOMER:
      return role == SR_ROLE_CONSULTANT || role == SR_ROLE_CUSTOMER_MANAGER ||
             role == SR_ROLE_MANAGER;
    case SR_ACTION_RUN_ROTATION:
      return role == SR_ROLE_RECEPTIONIST || role == SR_ROLE_CUSTOMER_MANAGER ||
             role == SR_ROLE_MANAGER;
    default:
      g_assert_not_reached ();
    }
}

static void
test_role_matrix (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_PROPERTY);
  SrDb *db = sr_context_get_db (admin);

  {
    /* A building for the sales actions. */
    SrUnitColumn column = { "两室", 8000, 1000000 };
    SrBuildingPlan plan = { "矩阵楼", 12, 0, 1, &column, 0, FALSE };
    gint64 project = sr_projects_add (admin, "矩阵楼盘", NULL, NULL);
    gint64 building = sr_buildings_create (admin, project, &plan, NULL);
    g_autoptr(GPtrArray) units = sr_units_list (admin, building, NULL);
    matrix_units = g_array_new (FALSE, FALSE, sizeof (gint64));
    for (guint i = 0; i < units->len; i++)
      g_array_append_val (matrix_units, ((SrUnit *) g_ptr_array_index (units, i))->id);
  }
  {
    const char *phones[] = { "13612345678", NULL };
    SrCustomerInput in = { "已有客户", NULL, "call", 0, NULL, 0, phones, FALSE };
    g_autoptr(SrSession) cli = sr_session_new_command_line ();
    g_autoptr(SrContext) root = sr_context_new (db, NULL);
    gint64 customer, booking;
    sr_context_set_session (root, cli);
    customer = sr_customers_add (root, &in, NULL);
    g_assert_cmpint (customer, >, 0);
    /* A pending request for the deal actions, on a unit the request action never uses. */
    booking = sr_units_request_subscription (root, g_array_index (matrix_units, gint64, 11), customer,
                                             5000000, "2026-12-31", NULL);
    g_assert_cmpint (booking, >, 0);
    g_assert_true (sr_db_get_int (db, &matrix_deal, NULL, "SELECT deal_id FROM bookings WHERE id = ?1",
                                  "i", booking));
  }

  for (guint r = 0; r < SR_N_ROLES; r++)
    {
      SrRole role = sr_role_from_index (r);
      g_autofree char *login = g_strdup_printf ("role-%s", sr_role_get_code (role));
      g_autoptr(SrContext) ctx = sr_test_context_as (admin, login, role);

      for (guint a = 0; a < SR_N_ACTIONS; a++)
        {
          g_autoptr(GError) error = NULL;
          gint64 audit_before = 0, audit_after = 0;
          gboolean ok;

          g_assert_true (sr_db_query_int (db, "SELECT count(*) FROM audit_log", &audit_before, NULL));
          ok = action_funcs[a] (ctx, &error);
          g_assert_true (sr_db_query_int (db, "SELECT count(*) FROM audit_log", &audit_after, NULL));
          g_test_message ("%s × %s → %s", sr_role_get_code (role), sr_action_get_code (a),
                          ok ? "allowed" : error->message);
          g_assert_cmpint (sr_roles_may (role, a), ==, expected (role, a));
          if (expected (role, a))
            {
              g_assert_no_error (error);
              g_assert_true (ok);
            }
          else
            {
              g_assert_false (ok);
              g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED);
              g_assert_cmpint (audit_after, ==, audit_before);
            }
        }
    }

  /* No session at all: everything is refused. */
  {
    g_autoptr(SrContext) nobody = sr_context_new (db, NULL);
    for (guint a = 0; a < SR_N_ACTIONS; a++)
      {
        g_autoptr(GError) error = NULL;
        g_assert_false (action_funcs[a] (nobody, &error));
        g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED);
      }
  }
  g_clear_pointer (&matrix_units, g_array_unref);
  sr_test_context_finish (g_steal_pointer (&admin));
}

static void
test_roles_parse (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  SrRoles roles = 0;

  g_assert_true (sr_roles_parse ("receptionist, finance", &roles, &error));
  g_assert_cmpuint (roles, ==, SR_ROLE_RECEPTIONIST | SR_ROLE_FINANCE);
  g_assert_false (sr_roles_parse ("receptionist,boss", &roles, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  label = sr_roles_to_label (SR_ROLE_MANAGER | SR_ROLE_ADMIN);
  g_assert_cmpstr (label, ==, "Manager, Administrator");
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/staff/password-hash", test_password_hash);
  g_test_add_func ("/staff/add-and-sign-in", test_add_and_sign_in);
  g_test_add_func ("/staff/lockout-grows", test_lockout_grows);
  g_test_add_func ("/staff/disable-and-last-admin", test_disable_and_last_admin);
  g_test_add_func ("/staff/change-own-password", test_change_own_password);
  g_test_add_func ("/staff/role-matrix", test_role_matrix);
  g_test_add_func ("/staff/roles-parse", test_roles_parse);
  return g_test_run ();
}
