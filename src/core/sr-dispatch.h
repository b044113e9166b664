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

/* The stored part ---------------------------------------------------------------------- */

typedef struct {
  gint64 staff_id;
  char *name;
  gint64 level_id;          /* 0: no level set yet (not dispatched to) */
  char *level_name;
  int rank;
  int weight;               /* the level's, plus the ranking's extra weight when is_top */
  gboolean is_top;          /* at the top of the last half-month ranking (setting "dispatch.top_bonus") */
  gboolean on_leave;        /* today */
  guint held;               /* customers they own that are not signed, lost or done */
  gint64 credit;            /* after the history */
} SrDesigner;

void        sr_designer_free        (SrDesigner *designer);

/* The office's designers (staff with the consultant role) with their level, leave, load
 * and credit today. */
GPtrArray  *sr_designers_list       (SrContext   *ctx,
                                     GError     **error);
/* The levels (name, seniority, weight), most senior first: ids and names. */
GPtrArray  *sr_designer_levels      (SrContext   *ctx,
                                     GError     **error);
/* The customer manager sets a level at the quarterly review or a promotion, with the
 * reason; kept as history. */
gboolean    sr_designers_set_level  (SrContext   *ctx,
                                     gint64       staff_id,
                                     gint64       level_id,
                                     const char  *reason,
                                     GError     **error);
/* Leave from dispatch, both days included. */
gboolean    sr_designers_add_leave  (SrContext   *ctx,
                                     gint64       staff_id,
                                     const char  *from_day,
                                     const char  *to_day,
                                     const char  *reason,
                                     GError     **error);

/* Who the next customer goes to (@large: above the office's threshold, setting
 * "dispatch.threshold_rank", default 2), with the explanation ("张工: 资深设计师, credit 5
 * of total 6"). FALSE with CONFLICT when nobody is available. */
gboolean    sr_dispatch_next        (SrContext   *ctx,
                                     gboolean     large,
                                     gint64      *out_designer,
                                     char       **out_explanation,
                                     GError     **error);
/* Dispatches a customer without a designer to the next one, or (@override_to > 0, the
 * manager only, with a reason) to someone else; the designer owns the customer. */
gboolean    sr_dispatch_customer    (SrContext   *ctx,
                                     gint64       customer_id,
                                     gboolean     large,
                                     gint64       override_to,
                                     const char  *reason,
                                     GError     **error);

/* Customers waiting for a designer (nobody owns them), newest first, at most @limit;
 * @out_total (may be NULL) gets how many wait in all. */
GPtrArray  *sr_dispatch_waiting     (SrContext   *ctx,
                                     guint        limit,
                                     guint       *out_total,
                                     GError     **error);

typedef struct {
  gint64 at;
  gint64 customer_id;
  char *customer_name;
  char *designer_name;
  char *explanation;
  gboolean is_override;
  gboolean is_large;
} SrDispatchRow;

void        sr_dispatch_row_free    (SrDispatchRow *row);
/* The dispatches of a day, in order: the 设计师派单表's data. */
GPtrArray  *sr_dispatches_for_day   (SrContext   *ctx,
                                     const char  *day,
                                     GError     **error);

/* Held orders (设计师持单跟踪表) ---------------------------------------------------------- */

typedef struct {
  gint64 designer_id;
  char *designer_name;
  gint64 customer_id;
  char *customer_name;
  char *stage_name;
  int days_in_stage;
  gint64 last_contact_at;
  gboolean is_stale;        /* no contact for the office's days (setting "dispatch.stale_days", 7) */
} SrHeldOrder;

void        sr_held_order_free      (SrHeldOrder *order);
/* The customers designers hold before signing (not lost), the longest without contact
 * first, at most @limit of them; @designer_id 0 for all, @stale_only for the flagged ones.
 * @out_total (may be NULL) gets how many there are in all. */
GPtrArray  *sr_designers_held       (SrContext   *ctx,
                                     gint64       designer_id,
                                     gboolean     stale_only,
                                     guint        limit,
                                     guint       *out_total,
                                     GError     **error);

/* Ranking (排名): half-monthly on the 15th and the month's last day, and monthly -------- */

typedef struct {
  gint64 staff_id;
  char *name;
  SrFen value_fen;          /* signed deal value in the period */
  guint count;              /* deals signed */
} SrRankRow;

void        sr_rank_row_free        (SrRankRow *row);
/* The period that holds @day: the 1st to the 15th or the 16th to the month's end
 * (@monthly: the whole month). Writes two YYYY-MM-DD days. */
gboolean    sr_ranking_period       (const char  *day,
                                     gboolean     monthly,
                                     char       **out_from,
                                     char       **out_to);
/* Everyone who signed deals between the days (inclusive), by value, then count. */
GPtrArray  *sr_designers_ranking    (SrContext   *ctx,
                                     const char  *from_day,
                                     const char  *to_day,
                                     GError     **error);

G_END_DECLS
