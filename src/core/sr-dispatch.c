/* sr-dispatch.c — see sr-dispatch.h. */
#include "config.h"

#include "sr-dispatch.h"

static gint64
credit_of (GHashTable *credits,
           gint64      id)
{
  gint64 *c = g_hash_table_lookup (credits, &id);
  return c != NULL ? *c : 0;
}

static void
set_credit (GHashTable *credits,
            gint64      id,
            gint64      value)
{
  gint64 *c = g_hash_table_lookup (credits, &id);

  if (c == NULL)
    {
      gint64 *key = g_new (gint64, 1);
      *key = id;
      c = g_new (gint64, 1);
      g_hash_table_insert (credits, key, c);
    }
  *c = value;
}

static gint64
total_weight (const SrDispatchSeat *seats,
              guint                 n_seats)
{
  gint64 total = 0;

  for (guint i = 0; i < n_seats; i++)
    total += MAX (seats[i].weight, 0);
  return total;
}

void
sr_dispatch_apply (GHashTable           *credits,
                   const SrDispatchSeat *seats,
                   guint                 n_seats,
                   gint64                designer_id)
{
  for (guint i = 0; i < n_seats; i++)
    set_credit (credits, seats[i].designer_id, credit_of (credits, seats[i].designer_id) + MAX (seats[i].weight, 0));
  set_credit (credits, designer_id, credit_of (credits, designer_id) - total_weight (seats, n_seats));
}

GHashTable *
sr_dispatch_replay (const SrDispatchStep *history,
                    guint                 n_history,
                    GHashTable           *credits)
{
  if (credits == NULL)
    credits = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; i < n_history; i++)
    sr_dispatch_apply (credits, history[i].seats, history[i].n_seats, history[i].designer_id);
  return credits;
}

gboolean
sr_dispatch_choose (GHashTable           *credits,
                    const SrDispatchSeat *seats,
                    guint                 n_seats,
                    int                   min_rank,
                    SrDispatchChoice     *out)
{
  gboolean found = FALSE;

  memset (out, 0, sizeof *out);
  out->total = total_weight (seats, n_seats);
  for (guint i = 0; i < n_seats; i++)
    {
      gint64 grown = credit_of (credits, seats[i].designer_id) + MAX (seats[i].weight, 0);
      if (seats[i].rank < min_rank || seats[i].weight <= 0)
        continue;
      if (!found || grown > out->credit)
        {
          found = TRUE;
          out->designer_id = seats[i].designer_id;
          out->credit = grown;
        }
    }
  return found;
}
