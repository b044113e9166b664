/* sr-return-visits.h — return visits (回访, seed 001 客户经理服务手册).
 *
 * Every week the customer manager calls or visits the customers whose site is under
 * construction (a stage of kind construct; in a housekeeping agency, the trial period),
 * records what was said and how satisfied they are, and a problem found opens a problem
 * case in the same step. The due list shows who has had no return visit for the office's
 * days (setting "return_visits.days", 7) since entering the stage.
 */
#pragma once

#include "sr-context.h"

G_BEGIN_DECLS

typedef struct {
  gint64 customer_id;
  char *customer_name;
  char *owner_name;
  char *stage_name;
  gint64 last_visit_at;     /* 0: none yet */
  int days_since;           /* since the last visit, or since entering the stage */
} SrVisitDue;

void        sr_visit_due_free         (SrVisitDue *due);
/* Customers due for a return visit, longest waiting first. */
GPtrArray  *sr_return_visits_due      (SrContext  *ctx,
                                       GError    **error);

typedef struct {
  gint64 customer_id;
  const char *method;           /* phone, visit */
  const char *content;          /* what was said */
  int satisfaction;             /* 1 (very poor) to 5 (very good) */
  const char *problem;          /* a problem found: opened as a problem case; NULL or "": none */
  const char *department;       /* who the problem goes to; NULL: 工程部 (engineering) */
} SrReturnVisit;

/* Records a return visit (SR_ACTION_FOLLOW_UP) and, with a problem, opens it; one
 * transaction. Returns the visit. */
gint64      sr_return_visits_add      (SrContext           *ctx,
                                       const SrReturnVisit *in,
                                       GError             **error);

typedef struct {
  gint64 at;
  gint64 customer_id;
  char *customer_name;
  char *staff_name;
  char *method;
  char *content;
  int satisfaction;
  gint64 problem_id;        /* 0: none */
} SrVisitRow;

void        sr_visit_row_free         (SrVisitRow *row);
/* The visits between two days, newest first (the 客户回访登记表's data). */
GPtrArray  *sr_return_visits_list     (SrContext  *ctx,
                                       const char *from_day,
                                       const char *to_day,
                                       GError    **error);

G_END_DECLS
