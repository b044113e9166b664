/* bench-board — the pipeline board on a database (give the large demo): the data of a
 * first paint (every column's count and its first page of cards) and of a filter change
 * (grade, passed deadline, a search), p50/p95 over 20 runs each, and the funnel of a year. */
#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "core/sr-pipeline.h"
#include "core/sr-staff.h"

static int
compare_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

/* Columns and the first page of each, as the board reads them. */
static guint
paint (SrContext           *ctx,
       const SrBoardFilter *filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) columns = sr_pipeline_columns (ctx, filter, &error);
  guint cards = 0;

  if (columns == NULL)
    g_error ("%s", error->message);
  for (guint i = 0; i < columns->len; i++)
    {
      SrBoardColumn *c = g_ptr_array_index (columns, i);
      g_autoptr(GPtrArray) page = sr_pipeline_cards (ctx, c->stage_id, filter, 0, 100, &error);
      if (page == NULL)
        g_error ("%s", error->message);
      cards += page->len;
    }
  return cards;
}

static void
run (SrContext           *ctx,
     const char          *label,
     const SrBoardFilter *filter)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  guint cards = 0;

  for (int i = 0; i < 20; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double ms;
      cards = paint (ctx, filter);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (times, ms);
    }
  qsort (times->data, times->len, sizeof (double), compare_double);
  g_print ("board %-26s %5u cards read  p50 %7.2f ms  p95 %7.2f ms\n", label, cards,
           g_array_index (times, double, times->len / 2), g_array_index (times, double, (guint) (times->len * 0.95)));
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SrDb) db = NULL;
  g_autoptr(SrContext) ctx = NULL;
  g_autoptr(SrStaffMember) manager = NULL;
  g_autoptr(SrSession) session = NULL;
  SrBoardFilter all = { 0 }, grade = { 0, "A" }, late = { 0, NULL, NULL, TRUE }, search = { 0, NULL, NULL, FALSE, "zs" };

  setlocale (LC_ALL, "C.UTF-8");
  if (argc < 2)
    {
      g_printerr ("usage: bench-board DATABASE\n");
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
  {
    SrBoardFilter mine = { manager->id };
    g_autoptr(SrStaffMember) consultant = sr_staff_find (ctx, 0, "zhangwei", NULL);
    if (consultant != NULL)
      mine.owner_id = consultant->id;
    run (ctx, "first paint, everyone", &all);
    run (ctx, "one consultant's", &mine);
    run (ctx, "filter: grade A", &grade);
    run (ctx, "filter: deadline passed", &late);
    run (ctx, "filter: search \"zs\"", &search);
  }
  {
    g_autofree char *today = sr_clock_today (sr_context_get_clock (ctx));
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autoptr(GDateTime) year = g_date_time_add_days (now, -364);
    g_autofree char *from = g_date_time_format (year, "%Y-%m-%d");
    gint64 start = g_get_monotonic_time ();
    g_autoptr(GPtrArray) funnel = sr_pipeline_funnel (ctx, from, today, &error);
    if (funnel == NULL)
      g_error ("%s", error->message);
    g_print ("funnel of a year                  %7.2f ms\n", (g_get_monotonic_time () - start) / 1000.0);
  }
  return 0;
}
