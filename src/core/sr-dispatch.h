/* sr-dispatch.h — designer dispatch (派单制, PRODUCT.md "Designer dispatch", seed 001).
 *
 * New customers go to designers by smooth weighted round-robin: at every dispatch each
 * available designer's credit grows by their weight; the eligible designer with the most
 * credit receives the customer and pays back the total weight of those available.
 * Weights come from the designer's level. A customer above the office's size or budget
 * threshold goes only to designers of a given level or above, and counts against that
 * designer's share like any other. Designers on leave or at their load limit are left out
 * and keep their credit. The manager may dispatch to someone else, with a reason; it
 * counts the same way.
 *
 * The pure part replays the dispatch history (each dispatch recorded with who was
 * available and their weights then), so the next designer is a function of the history
 * alone: deterministic and explainable. The stored part keeps levels (as history), leave,
 * and the dispatches (the 设计师派单表's data).
 */
#pragma once

#include "sr-context.h"
#include "sr-money.h"

G_BEGIN_DECLS

/* The pure part --------------------------------------------------------------------------- */

typedef struct {
  gint64 designer_id;
  int weight;               /* > 0 */
  int rank;                 /* the level's seniority: higher is more senior */
} SrDispatchSeat;           /* one designer available at one dispatch */

typedef struct {
  const SrDispatchSeat *seats;   /* who was available, with their weights then */
  guint n_seats;
  gint64 designer_id;            /* who received the customer */
} SrDispatchStep;

/* Credits after @history (a table designer id → gint64 credit, created when NULL).
 * Designers not available at a step keep their credit. */
GHashTable *sr_dispatch_replay      (const SrDispatchStep *history,
                                     guint                 n_history,
                                     GHashTable           *credits);

typedef struct {
  gint64 designer_id;       /* 0: nobody available of the level asked */
  gint64 credit;            /* the chosen one's credit after this dispatch's growth */
  gint64 total;             /* the total weight available, which they pay back */
} SrDispatchChoice;

/* Who receives the next customer, needing at least @min_rank (0: anyone), given the
 * credits so far and who is available now. Ties go to the earlier seat. */
gboolean    sr_dispatch_choose      (GHashTable           *credits,
                                     const SrDispatchSeat *seats,
                                     guint                 n_seats,
                                     int                   min_rank,
                                     SrDispatchChoice     *out);
/* Records one dispatch to @designer_id in @credits (chosen or overridden). */
void        sr_dispatch_apply       (GHashTable           *credits,
                                     const SrDispatchSeat *seats,
                                     guint                 n_seats,
                                     gint64                designer_id);

G_END_DECLS
