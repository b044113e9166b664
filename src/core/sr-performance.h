/* sr-performance.h — targets and the performance register's data (PRODUCT.md "The
 * pipeline board": targets per person, per week and month, set by the customer manager;
 * receptions, appointments, subscriptions, signings, deal value and receipts against
 * target). */
#pragma once

#include "sr-context.h"
#include "sr-money.h"

G_BEGIN_DECLS

typedef enum {
  SR_PERIOD_WEEK,           /* Monday to Sunday */
  SR_PERIOD_MONTH,
} SrPeriod;

/* The week (from Monday) or month holding @day: two YYYY-MM-DD days. */
gboolean    sr_period_bounds          (SrPeriod     period,
                                       const char  *day,
                                       char       **out_from,
                                       char       **out_to);

/* The customer manager sets a person's target for the period holding @day (replacing
 * an earlier one). */
gboolean    sr_targets_set            (SrContext   *ctx,
                                       gint64       staff_id,
                                       SrPeriod     period,
                                       const char  *day,
                                       SrFen        value_fen,
                                       guint        signings,
                                       GError     **error);

typedef struct {
  gint64 staff_id;
  char *name;
  guint receptions;         /* calls and visits received (business) */
  guint appointments_kept;
  guint subscriptions;      /* deposits confirmed on their customers' deals */
  guint signings;           /* contracts signed */
  SrFen value_fen;          /* value of those contracts */
  SrFen received_fen;       /* receipts on their deals, less refunds */
  SrFen target_value_fen;   /* 0: no target set */
  guint target_signings;
} SrPerformance;

void        sr_performance_free       (SrPerformance *row);
/* Every consultant (designer) in the period holding @day, with their target. */
GPtrArray  *sr_performance_list       (SrContext   *ctx,
                                       SrPeriod     period,
                                       const char  *day,
                                       GError     **error);

G_END_DECLS
