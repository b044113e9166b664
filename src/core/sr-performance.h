/* sr-performance.h — targets and the performance register's data (PRODUCT.md "The
 * pipeline board": targets per person, per week and month, set by the customer manager;
 * receptions, appointments, subscriptions, signings, deal value and receipts against
 * target). */
#pragma once

#include "sr-context.h"
#include "sr-customers.h"
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
  gint64 staff_id;           /* 0 in a group's total */
  char *name;               /* a group's total: the group */
  char *team;               /* NULL: no group */
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
/* Every consultant (designer) in the period holding @day, with their target, by group. */
GPtrArray  *sr_performance_list       (SrContext   *ctx,
                                       SrPeriod     period,
                                       const char  *day,
                                       GError     **error);
/* The groups' totals of @rows (a group's target is its members' targets), in the order
 * the groups first appear; people without a group are in none. */
GPtrArray  *sr_performance_by_team    (GPtrArray   *rows);

/* The output summary (产值汇总表): contracts of a decoration office signed in the period,
 * per designer (the deal's owner) and per draftsman (绘图员), with their values. */
typedef struct {
  gint64 staff_id;
  char *name;
  char *team;
  guint designed;           /* contracts signed as the designer */
  SrFen designed_fen;
  guint drawn;              /* contracts signed that they drew */
  SrFen drawn_fen;
} SrOutputRow;

void        sr_output_row_free        (SrOutputRow *row);
/* Everyone with output in the week or month holding @day, most output first. */
GPtrArray  *sr_output_summary         (SrContext   *ctx,
                                       SrPeriod     period,
                                       const char  *day,
                                       GError     **error);

/* The week's customer resources (一周客户资源统计表, seed 001), per group of the owners:
 * new customers by channel, customers in progress at the week's end (owned, not lost,
 * nothing signed), contracts signed; and new customers and signings by media source. */
typedef struct {
  int kind;                 /* 2: a group; 1: owners without a group; 0: nobody's yet */
  char *team;
  guint new_total;
  guint new_by_channel[SR_N_CHANNELS];   /* in the order of sr_channel_codes */
  guint in_progress;
  guint signed_count;
  SrFen signed_fen;
} SrResourceRow;

typedef struct {
  char *media;
  guint new_count;
  guint signed_count;
} SrMediaRow;

void        sr_resource_row_free      (SrResourceRow *row);
void        sr_media_row_free         (SrMediaRow    *row);
/* The week (Monday to Sunday) holding @day. @out_media may be NULL. */
gboolean    sr_weekly_resources       (SrContext   *ctx,
                                       const char  *day,
                                       GPtrArray  **out_groups,
                                       GPtrArray  **out_media,
                                       GError     **error);
/* The same for every week from the one holding @from_day to the one holding @to_day:
 * @out_weeks gets a GPtrArray of SrResourceRow a week, in order. The customers in
 * progress are counted in one pass, not once a week. */
gboolean    sr_weekly_resources_span  (SrContext   *ctx,
                                       const char  *from_day,
                                       const char  *to_day,
                                       GPtrArray  **out_weeks,
                                       GError     **error);

G_END_DECLS
