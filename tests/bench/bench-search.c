/* bench-search — customer search per keystroke on a database (give the large demo):
 * p50/p95 for phone fragments, initials, full pinyin and Chinese names, typed one
 * character at a time as at the desk. */
#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "core/sr-customers.h"
#include "core/sr-staff.h"

static int
compare_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static void
run (SrContext          *ctx,
     const char         *label,
     const char * const *queries)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  guint found = 0;

  for (guint q = 0; queries[q] != NULL; q++)
    {
      const char *query = queries[q];
      /* Every prefix of the query, as typed key by key. */
      for (const char *end = g_utf8_next_char (query); ; end = g_utf8_next_char (end))
        {
          g_autofree char *typed = g_strndup (query, end - query);
          g_autoptr(GError) error = NULL;
          gint64 start = g_get_monotonic_time ();
          g_autoptr(GPtrArray) rows = sr_customers_search (ctx, typed, 50, &error);
          double ms = (g_get_monotonic_time () - start) / 1000.0;

          if (rows == NULL)
            g_error ("%s", error->message);
          found += rows->len;
          g_array_append_val (times, ms);
          if (*end == '\0')
            break;
        }
    }
  qsort (times->data, times->len, sizeof (double), compare_double);
  g_print ("%-22s %4u keystrokes  p50 %6.2f ms  p95 %6.2f ms  max %6.2f ms\n", label, times->len,
           g_array_index (times, double, times->len / 2),
           g_array_index (times, double, (guint) (times->len * 0.95)),
           g_array_index (times, double, times->len - 1));
  (void) found;
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SrDb) db = NULL;
  g_autoptr(SrContext) ctx = NULL;
  g_autoptr(SrStaffMember) manager = NULL;
  g_autoptr(SrSession) session = NULL;
  const char *phones[] = { "13800138000", "1391234", "5678", "1865", "0000", "13512345678", NULL };
  const char *initials[] = { "zs", "wxy", "lj", "cjh", "zw", "hy", NULL };
  const char *full[] = { "zhangwei", "wangfang", "liuyang", "chenjie", "zengguo", "shantian", NULL };
  const char *chinese[] = { "张伟", "王芳", "李娜", "陈杰", "欧阳", "单", NULL };

  setlocale (LC_ALL, "C.UTF-8");
  if (argc < 2)
    {
      g_printerr ("usage: bench-search DATABASE\n");
      return 2;
    }
  db = sr_db_open (argv[1], SR_DB_OPEN_EXISTING, &error);
  if (db == NULL)
    g_error ("%s", error->message);
  ctx = sr_context_new (db, NULL);
  manager = sr_staff_find (ctx, 0, "wangjingli", &error);
  if (manager == NULL)
    g_error ("%s", error->message);
  session = sr_session_new_for_staff (manager->id, manager->login, manager->display_name, manager->roles);
  sr_context_set_session (ctx, session);

  run (ctx, "phone fragments", phones);
  run (ctx, "pinyin initials", initials);
  run (ctx, "full pinyin", full);
  run (ctx, "Chinese", chinese);
  return 0;
}
