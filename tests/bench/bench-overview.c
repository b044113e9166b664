/* bench-overview — the overview's figures on the large demo, each timed, for the week and
 * the month holding the demo's today.
 *
 *   bench-overview LARGE.db
 */
#include "config.h"

#include <locale.h>

#include "common/sr-test-util.h"
#include "core/sr-overview.h"
#include "core/sr-performance.h"
#include "core/sr-pipeline.h"

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SrContext) ctx = NULL;
  const char *today = "2026-11-23";

  setlocale (LC_ALL, "");
  if (argc != 2)
    {
      g_printerr ("usage: bench-overview LARGE.db\n");
      return 2;
    }
  ctx = sr_test_context_open (argv[1]);
  for (int p = 0; p < 2; p++)
    {
      g_autofree char *from = NULL, *to = NULL;
      double total = 0, t;
      gint64 start;
      SrMoneyFigures money;
      const char *fields[] = { "occupation", "media", "income_band", "education", "residence_area", "purchase_motive" };

      sr_period_bounds (p == 0 ? SR_PERIOD_WEEK : SR_PERIOD_MONTH, today, &from, &to);
      g_print ("overview figures on the large demo, %s (%s to %s):\n", p == 0 ? "the week" : "the month", from, to);
#define TIME(name, call) G_STMT_START { start = g_get_monotonic_time (); { g_autoptr(GPtrArray) r_ = call; (void) r_; } \
        t = ms_since (start); total += t; g_print ("  %-28s %8.1f ms\n", name, t); } G_STMT_END
      TIME ("contacts by media", sr_overview_contacts_by_media (ctx, from, to, NULL));
      TIME ("contacts by hour", sr_overview_contacts_by_hour (ctx, from, to, NULL));
      TIME ("receptions per person", sr_overview_receptions (ctx, from, to, NULL));
      TIME ("units by status", sr_overview_units_by_status (ctx, NULL));
      TIME ("sales per day", sr_overview_sales_per_day (ctx, from, to, NULL));
      TIME ("problems by age", sr_overview_problems_by_age (ctx, to, NULL));
      TIME ("funnel", sr_pipeline_funnel (ctx, from, to, NULL));
      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        TIME (fields[i], sr_overview_owner_profile (ctx, fields[i], NULL));
      start = g_get_monotonic_time ();
      sr_overview_money (ctx, from, to, &money, NULL);
      t = ms_since (start);
      total += t;
      g_print ("  %-28s %8.1f ms\n  %-28s %8.1f ms\n", "money", t, "all", total);
    }
  return 0;
}
