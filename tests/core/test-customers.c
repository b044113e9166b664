/* Customers: registering, 撞单 (a phone that exists), shared phones, masking in core,
 * and search by phone fragment, initials, full pinyin and Chinese. */
#include "config.h"

#include <locale.h>

#include "common/sr-test-util.h"
#include "core/sr-customers.h"
#include "core/sr-error.h"

static gint64
staff_id_of (SrContext *ctx)
{
  return sr_session_get_staff_id (sr_context_get_session (ctx));
}

static gint64
add (SrContext   *ctx,
     const char  *name,
     const char  *phone,
     gint64       owner,
     gboolean     shared,
     GError     **error)
{
  const char *phones[] = { phone, NULL };
  SrCustomerInput in = { name, NULL, "walk-in", 0, "B", owner, phones, shared };
  return sr_customers_add (ctx, &in, error);
}

static void
test_register_and_conflict (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_PROPERTY);
  g_autoptr(SrContext) desk = sr_test_context_as (admin, "qiantai", SR_ROLE_RECEPTIONIST);
  g_autoptr(SrContext) boss = sr_test_context_as (admin, "jingli", SR_ROLE_MANAGER);
  g_autoptr(SrContext) gw = sr_test_context_as (admin, "guwen", SR_ROLE_CONSULTANT);
  g_autoptr(GError) error = NULL;
  g_autoptr(SrCustomer) found = NULL;
  gint64 owner = sr_session_get_staff_id (sr_context_get_session (gw));
  gint64 id, n = 0;

  id = add (desk, "张三", "+86 138-0013-8000", owner, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  /* The same phone typed differently: 撞单, naming the customer and the owner. */
  g_assert_cmpint (add (desk, "张太太", "138 0013 8000", 0, FALSE, &error), ==, 0);
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "张三"));
  g_assert_nonnull (strstr (error->message, "guwen"));
  g_clear_error (&error);
  /* A receptionist cannot confirm a shared phone; a manager can. */
  g_assert_cmpint (add (desk, "张太太", "13800138000", 0, TRUE, &error), ==, 0);
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (add (boss, "张太太", "13800138000", 0, TRUE, &error), >, 0);
  g_assert_no_error (error);

  /* The database itself refuses a second unshared live copy. */
  g_assert_false (sr_db_exec (sr_context_get_db (admin),
                              "INSERT INTO customer_phones (customer_id, phone) VALUES (1, '13800138000')",
                              &error));
  g_assert_error (error, SR_STORE_ERROR, SR_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  /* Bad input changes nothing. */
  g_assert_cmpint (add (desk, "李四", "1380013800", 0, FALSE, &error), ==, 0);
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (add (desk, "  ", "13900000000", 0, FALSE, &error), ==, 0);
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (sr_db_query_int (sr_context_get_db (admin), "SELECT count(*) FROM customers", &n, NULL));
  g_assert_cmpint (n, ==, 2);
  g_assert_true (sr_db_query_int (sr_context_get_db (admin), "SELECT count(*) FROM customers", &n, NULL));

  /* A referral records who brought them. */
  {
    const char *phones[] = { "13600000009", NULL };
    SrCustomerInput ref = { "王老带新", NULL, "referral", 0, NULL, 0, phones, FALSE, 0 };
    g_assert_cmpint (sr_customers_add (desk, &ref, &error), ==, 0);
    g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
    g_clear_error (&error);
    ref.referrer_id = id;
    g_assert_cmpint (sr_customers_add (desk, &ref, &error), >, 0);
    g_assert_no_error (error);
    ref.referrer_id = 99999;
    phones[0] = "13600000008";
    g_assert_cmpint (sr_customers_add (desk, &ref, &error), ==, 0);
    g_assert_nonnull (error);
    g_clear_error (&error);
  }
  n = 0;
  /* Finance may not register customers. */
  {
    g_autoptr(SrContext) fin = sr_test_context_as (admin, "caiwu", SR_ROLE_FINANCE);
    g_assert_cmpint (add (fin, "王五", "13900000001", 0, FALSE, &error), ==, 0);
    g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED);
    g_clear_error (&error);
  }

  found = sr_customers_find_by_phone (desk, "13800138000", &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_cmpint (found->id, ==, id);
  g_assert_cmpstr (found->owner_name, ==, "guwen");
  {
    g_autoptr(SrCustomer) none = sr_customers_find_by_phone (desk, "13911112222", &error);
    g_assert_no_error (error);
    g_assert_null (none);
  }

  g_clear_object (&desk);
  g_clear_object (&boss);
  g_clear_object (&gw);
  sr_test_context_finish (g_steal_pointer (&admin));
}

static void
test_masking_in_core (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_PROPERTY);
  g_autoptr(SrContext) desk = sr_test_context_as (admin, "qiantai", SR_ROLE_RECEPTIONIST);
  g_autoptr(SrContext) own = sr_test_context_as (admin, "guwen1", SR_ROLE_CONSULTANT);
  g_autoptr(SrContext) other = sr_test_context_as (admin, "guwen2", SR_ROLE_CONSULTANT);
  g_autoptr(SrContext) sup = sr_test_context_as (admin, "zhuguan", SR_ROLE_CUSTOMER_MANAGER);
  g_autoptr(GError) error = NULL;
  gint64 id = add (desk, "李四", "13912345678", sr_session_get_staff_id (sr_context_get_session (own)),
                   FALSE, &error);
  struct { SrContext *ctx; const char *expected; } cases[] = {
    { desk, "139****5678" }, { own, "13912345678" }, { other, "139****5678" },
    { sup, "13912345678" }, { admin, "139****5678" },
  };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SrCustomer) c = sr_customers_get (cases[i].ctx, id, &error);
      g_autoptr(GPtrArray) hits = sr_customers_search (cases[i].ctx, "5678", 10, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (c->phones[0], ==, cases[i].expected);
      g_assert_cmpuint (hits->len, ==, 1);
      g_assert_cmpstr (((SrCustomer *) g_ptr_array_index (hits, 0))->phones[0], ==, cases[i].expected);
    }
  g_clear_object (&desk);
  g_clear_object (&own);
  g_clear_object (&other);
  g_clear_object (&sup);
  sr_test_context_finish (g_steal_pointer (&admin));
}

static guint
count_hits (SrContext  *ctx,
            const char *query,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = sr_customers_search (ctx, query, 50, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < hits->len; i++)
    if (name == NULL || g_strcmp0 (((SrCustomer *) g_ptr_array_index (hits, i))->name, name) == 0)
      n++;
  return n;
}

static void
test_search (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_PROPERTY);
  g_autoptr(SrContext) desk = sr_test_context_as (admin, "qiantai", SR_ROLE_RECEPTIONIST);
  g_autoptr(GError) error = NULL;

  /* Empty office: nothing, no error. */
  g_assert_cmpuint (count_hits (desk, "zs", NULL), ==, 0);

  add (desk, "张三", "13800138000", 0, FALSE, &error);
  add (desk, "曾国藩", "13511112222", 0, FALSE, &error);
  add (desk, "单田芳", "021-62345678", 0, FALSE, &error);
  add (desk, "张珊珊", "18600001111", 0, FALSE, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (count_hits (desk, "zs", "张三"), ==, 1);
  g_assert_cmpuint (count_hits (desk, "zs", NULL), ==, 2);          /* 张三, 张珊珊 */
  g_assert_cmpuint (count_hits (desk, "zhangsan", "张三"), ==, 1);
  g_assert_cmpuint (count_hits (desk, "zhangsan", NULL), ==, 1);    /* not zhangshanshan */
  g_assert_cmpuint (count_hits (desk, "zhangs", NULL), ==, 2);
  g_assert_cmpuint (count_hits (desk, "ZhangSan", "张三"), ==, 1);
  g_assert_cmpuint (count_hits (desk, "张三", "张三"), ==, 1);
  g_assert_cmpuint (count_hits (desk, "张", NULL), ==, 2);
  g_assert_cmpuint (count_hits (desk, "1380013", "张三"), ==, 1);   /* prefix */
  g_assert_cmpuint (count_hits (desk, "0013", "张三"), ==, 1);      /* middle */
  g_assert_cmpuint (count_hits (desk, "8000", "张三"), ==, 1);      /* end */
  g_assert_cmpuint (count_hits (desk, "138 0013", "张三"), ==, 1);  /* typed with a space */
  g_assert_cmpuint (count_hits (desk, "138", NULL), ==, 0);         /* under 4 digits */
  g_assert_cmpuint (count_hits (desk, "zengguofan", "曾国藩"), ==, 1);
  g_assert_cmpuint (count_hits (desk, "zgf", "曾国藩"), ==, 1);
  g_assert_cmpuint (count_hits (desk, "cengguofan", NULL), ==, 0);
  g_assert_cmpuint (count_hits (desk, "shantian", "单田芳"), ==, 1);
  g_assert_cmpuint (count_hits (desk, "6234", "单田芳"), ==, 1);
  g_assert_cmpuint (count_hits (desk, "02162345678", "单田芳"), ==, 1);
  g_assert_cmpuint (count_hits (desk, "wangwu", NULL), ==, 0);
  g_assert_cmpuint (count_hits (desk, "   ", NULL), ==, 0);

  g_clear_object (&desk);
  sr_test_context_finish (g_steal_pointer (&admin));
}

static void
test_paging (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_PROPERTY);
  g_autoptr(SrContext) desk = sr_test_context_as (admin, "qiantai", SR_ROLE_RECEPTIONIST);
  g_autoptr(SrContext) gw = sr_test_context_as (admin, "guwen", SR_ROLE_CONSULTANT);
  g_autoptr(GError) error = NULL;
  /* In pinyin order: 安 an, 白 bai, 曾 zeng (a surname, not ceng), 张 zhang, 赵 zhao. */
  const char *names[] = { "赵六", "曾七", "安一", "张三", "白二" };
  const char *expected[] = { "安一", "白二", "曾七", "张三", "赵六" };
  guint count = 0;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *phone = g_strdup_printf ("1380000000%u", i);
      g_assert_cmpint (add (desk, names[i], phone, i < 2 ? staff_id_of (gw) : 0, FALSE, &error), >, 0);
    }
  g_assert_true (sr_customers_count (desk, 0, &count, &error));
  g_assert_cmpuint (count, ==, 5);
  g_assert_true (sr_customers_count (desk, staff_id_of (gw), &count, &error));
  g_assert_cmpuint (count, ==, 2);
  for (guint offset = 0; offset < 5; offset += 2)
    {
      g_autoptr(GPtrArray) page = sr_customers_page (desk, 0, SR_CUSTOMER_SORT_NAME, offset, 2, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < page->len; i++)
        g_assert_cmpstr (((SrCustomer *) g_ptr_array_index (page, i))->name, ==, expected[offset + i]);
    }
  {
    g_autoptr(GPtrArray) newest = sr_customers_page (desk, 0, SR_CUSTOMER_SORT_NEWEST, 0, 10, &error);
    g_assert_cmpuint (newest->len, ==, 5);
    g_assert_cmpstr (((SrCustomer *) g_ptr_array_index (newest, 0))->name, ==, "白二");
  }
  {
    g_autoptr(GPtrArray) mine = sr_customers_page (gw, staff_id_of (gw), SR_CUSTOMER_SORT_NAME, 0, 10, &error);
    g_assert_cmpuint (mine->len, ==, 2);
    g_assert_cmpstr (((SrCustomer *) g_ptr_array_index (mine, 0))->name, ==, "曾七");
    /* their own customers' phones in full */
    g_assert_cmpstr (((SrCustomer *) g_ptr_array_index (mine, 0))->phones[0], ==, "13800000001");
  }
  g_clear_object (&desk);
  g_clear_object (&gw);
  sr_test_context_finish (g_steal_pointer (&admin));
}

static void
test_details (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_PROPERTY);
  g_autoptr(SrContext) desk = sr_test_context_as (admin, "qiantai", SR_ROLE_RECEPTIONIST);
  g_autoptr(SrContext) own = sr_test_context_as (admin, "guwen1", SR_ROLE_CONSULTANT);
  g_autoptr(SrContext) other = sr_test_context_as (admin, "guwen2", SR_ROLE_CONSULTANT);
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) seen = NULL;
  gint64 id = add (desk, "张三", "13912345678", staff_id_of (own), FALSE, &error);
  guint n = 0;

  g_assert_cmpuint (sr_customer_fields (&n)[0].column[0], !=, 0);
  g_assert_cmpuint (n, >=, 12);

  g_hash_table_insert (values, "id_card", "11010519491231002X");
  g_hash_table_insert (values, "occupation", "教师");
  g_hash_table_insert (values, "budget", "250000000");
  g_hash_table_insert (values, "grade", "A");
  /* Not the owner, not a receptionist: refused. */
  g_assert_false (sr_customers_update_details (other, id, values, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (sr_customers_update_details (desk, id, values, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_true (sr_customers_update_details (own, id, values, &error));
  g_assert_no_error (error);

  /* The owner sees the ID card; a receptionist sees it masked. */
  seen = sr_customers_get_details (own, id, &error);
  g_assert_cmpstr (g_hash_table_lookup (seen, "id_card"), ==, "11010519491231002X");
  g_assert_cmpstr (g_hash_table_lookup (seen, "occupation"), ==, "教师");
  g_assert_cmpstr (g_hash_table_lookup (seen, "budget"), ==, "250000000");
  g_clear_pointer (&seen, g_hash_table_unref);
  seen = sr_customers_get_details (desk, id, &error);
  g_assert_cmpstr (g_hash_table_lookup (seen, "id_card"), ==, "110105********002X");
  g_clear_pointer (&seen, g_hash_table_unref);

  /* A bad ID card changes nothing. */
  g_hash_table_remove_all (values);
  g_hash_table_insert (values, "id_card", "12345");
  g_hash_table_insert (values, "occupation", "医生");
  g_assert_false (sr_customers_update_details (own, id, values, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);
  seen = sr_customers_get_details (own, id, &error);
  g_assert_cmpstr (g_hash_table_lookup (seen, "occupation"), ==, "教师");
  g_clear_pointer (&seen, g_hash_table_unref);

  /* A new name is found by its new pinyin, not the old. */
  g_hash_table_remove_all (values);
  g_hash_table_insert (values, "name", "曾先生");
  g_assert_true (sr_customers_update_details (own, id, values, &error));
  g_assert_cmpuint (count_hits (desk, "zxs", "曾先生"), ==, 1);
  g_assert_cmpuint (count_hits (desk, "zs", NULL), ==, 0);
  g_assert_cmpuint (count_hits (desk, "5678", "曾先生"), ==, 1);

  g_clear_object (&desk); g_clear_object (&own); g_clear_object (&other);
  sr_test_context_finish (g_steal_pointer (&admin));
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/customers/register-and-conflict", test_register_and_conflict);
  g_test_add_func ("/customers/masking-in-core", test_masking_in_core);
  g_test_add_func ("/customers/search", test_search);
  g_test_add_func ("/customers/paging", test_paging);
  g_test_add_func ("/customers/details", test_details);
  return g_test_run ();
}
