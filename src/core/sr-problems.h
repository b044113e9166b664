/* sr-problems.h — problem customers and after-sales (PRODUCT.md, seed 004).
 *
 * The flow, each step one call with its permission, an audit row and a step row:
 *   open (anyone who follows customers up)
 *   → proposed: the responsible department's solution, recorded by a customer manager or
 *     the manager; says whether it costs money
 *   → costed: finance works out the cost (only when it costs money)
 *   → cost-approved: the deputy manager approves the cost (manager role)
 *   → approved: the sales manager approves the solution (manager role)
 *   → told: the owner is told the solution and the promised completion date
 *   → done → closed with the owner's feedback.
 * Flags: a solution not proposed within the office's days (setting
 * "problems.proposal_days", default 7), a promised date passed before done. A customer
 * with a problem not closed is a problem customer.
 */
#pragma once

#include "sr-context.h"
#include "sr-money.h"

G_BEGIN_DECLS

typedef struct {
  gint64 customer_id;
  gint64 unit_id;               /* 0: none */
  const char *category;         /* engineering, property, contract, payment, complaint, other */
  gint64 concerned_staff_id;    /* a complaint's staff member; 0 otherwise */
  const char *description;
  const char *department;       /* 工程部, 物业, 财务部, 销售部 … */
} SrProblemInput;

const char *sr_problem_category_get_label (const char *code);
const char *sr_problem_state_get_label    (const char *code);

gint64   sr_problems_open     (SrContext            *ctx,
                               const SrProblemInput *in,
                               GError              **error);
/* The owner's inspection (验房) found these items failed, one to a line: each opens an
 * engineering problem for the unit's signed owner, all or none. Returns how many. */
guint    sr_problems_open_from_inspection (SrContext  *ctx,
                                           gint64      unit_id,
                                           const char *failed_items,
                                           GError    **error);
gboolean sr_problems_propose  (SrContext            *ctx,
                               gint64                problem_id,
                               const char           *solution,
                               gboolean              needs_cost,
                               GError              **error);
gboolean sr_problems_cost     (SrContext            *ctx,
                               gint64                problem_id,
                               SrFen                 cost_fen,
                               GError              **error);
gboolean sr_problems_approve_cost (SrContext        *ctx,
                               gint64                problem_id,
                               GError              **error);
gboolean sr_problems_approve  (SrContext            *ctx,
                               gint64                problem_id,
                               GError              **error);
gboolean sr_problems_tell     (SrContext            *ctx,
                               gint64                problem_id,
                               const char           *promised_day,
                               GError              **error);
gboolean sr_problems_done     (SrContext            *ctx,
                               gint64                problem_id,
                               GError              **error);
gboolean sr_problems_close    (SrContext            *ctx,
                               gint64                problem_id,
                               const char           *feedback,
                               GError              **error);

typedef struct {
  gint64 id;
  gint64 customer_id;
  char *customer_name;
  char *unit_label;             /* "" when none */
  char *category;
  char *concerned;              /* complaint: the staff member; NULL otherwise */
  char *description;
  char *department;
  char *state;
  char *solution;
  gboolean needs_cost;
  SrFen cost_fen;
  char *promised_day;
  char *feedback;
  gint64 opened_at;
  gboolean is_proposal_late;    /* no solution within the office's days */
  gboolean is_promise_broken;   /* promised date passed before done */
} SrProblem;

void       sr_problem_free               (SrProblem  *problem);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SrProblem, sr_problem_free)
SrProblem *sr_problems_get               (SrContext  *ctx,
                                          gint64      problem_id,
                                          GError    **error);
/* Problems not closed (or all with @include_closed), oldest first. */
GPtrArray *sr_problems_list              (SrContext  *ctx,
                                          gboolean    include_closed,
                                          GError    **error);
/* Whether the customer has a problem not closed: a problem customer. */
gboolean   sr_problems_customer_has_open (SrContext  *ctx,
                                          gint64      customer_id,
                                          gboolean   *out_has,
                                          GError    **error);
/* Complaints per staff member opened between two days: (name, count) pairs, most first. */
GPtrArray *sr_problems_complaint_counts  (SrContext  *ctx,
                                          const char *from_day,
                                          const char *to_day,
                                          GError    **error);

typedef struct {
  char *name;
  guint count;
} SrComplaintCount;

void       sr_complaint_count_free       (SrComplaintCount *count);

G_END_DECLS
