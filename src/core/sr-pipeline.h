/* sr-pipeline.h — the pipeline board (PRODUCT.md "The pipeline board").
 *
 * Every customer is on one stage, since a moment. The board is read a column at a time:
 * counts for all columns, then a page of cards for one column, filtered in SQL (owner,
 * grade, channel, deadline passed, a search), so thousands of cards cost one page. A
 * move records a stage_changes row with time and person; a stage whose kind has its
 * own event (subscribe, sign, paid, moved-in) is entered only by that step, a lost
 * customer needs a reason, a measurement its day and address, and the plan stage a quote. The funnel reads the
 * same rows.
 */
#pragma once

#include "sr-context.h"
#include "sr-money.h"
#include "sr-stages.h"

G_BEGIN_DECLS

typedef struct {
  gint64 owner_id;          /* 0: everyone's */
  const char *grade;        /* A–D; NULL: any */
  const char *channel;      /* a channel code; NULL: any */
  gboolean late_only;       /* only cards whose stage deadline has passed */
  const char *text;         /* name, pinyin, initials or 4+ phone digits; NULL or "": all */
  const char *team;         /* owners of this group (staff.team); NULL: any */
} SrBoardFilter;

typedef struct {
  gint64 stage_id;
  char *name;
  SrStageKind kind;
  int deadline_hours;       /* 0: none */
  guint count;              /* cards in the column under the filter */
} SrBoardColumn;

void        sr_board_column_free     (SrBoardColumn *column);

#define SR_TYPE_CARD (sr_card_get_type ())
G_DECLARE_FINAL_TYPE (SrCard, sr_card, SR, CARD, GObject)

struct _SrCard
{
  GObject parent_instance;

  gint64 customer_id;
  char *name;
  char *owner_name;         /* NULL: nobody's */
  char *grade;
  gint64 stage_id;
  gint64 stage_at;
  int days_in_stage;
  char *next_follow_up_day; /* NULL: none */
  gboolean is_late;         /* the stage's deadline has passed, or the trial has ended */
  gboolean is_problem;      /* an after-sales problem is open */
  char *trial_ends_on;      /* in the trial stage, the running placement's last trial day */
};

/* The enabled stages in order, with their counts under @filter. */
GPtrArray  *sr_pipeline_columns      (SrContext           *ctx,
                                      const SrBoardFilter *filter,
                                      GError             **error);
/* A page of a column's cards, longest in the stage first. */
GPtrArray  *sr_pipeline_cards        (SrContext           *ctx,
                                      gint64               stage_id,
                                      const SrBoardFilter *filter,
                                      guint                offset,
                                      guint                limit,
                                      GError             **error);

typedef struct {
  gint64 stage_id;
  const char *note;         /* lost: the reason (required); measure: the address (required) */
  const char *day;          /* measure: the measurement day, YYYY-MM-DD (required) */
  SrFen quote_fen;          /* plan: the quote's amount, kept as a new version (required when the
                             * customer has no quote yet); 0: none */
} SrStageMove;

/* Moves a customer to another stage by hand (SR_ACTION_FOLLOW_UP; a consultant their
 * own customers). Refused for a stage entered by its own step (CONFLICT, saying which). */
gboolean    sr_pipeline_move         (SrContext           *ctx,
                                      gint64               customer_id,
                                      const SrStageMove   *move,
                                      GError             **error);

/* The lost reasons (流失原因) in use, in order. */
GStrv       sr_pipeline_lost_reasons (SrContext           *ctx,
                                      GError             **error);

typedef struct {
  gint64 stage_id;
  char *name;
  guint entered;            /* customers who entered the stage in the period */
  guint went_on;            /* of them, how many reached a later stage (not lost) */
  double median_days;       /* days in the stage, of those who left it; -1: none left */
} SrFunnelRow;

void        sr_funnel_row_free       (SrFunnelRow *row);

/* The funnel between two days (inclusive), from the stage history: per stage, who
 * entered, how many went on, the median days spent. New customers enter the first stage
 * when they are registered. */
GPtrArray  *sr_pipeline_funnel       (SrContext           *ctx,
                                      const char          *from_day,
                                      const char          *to_day,
                                      GError             **error);

G_END_DECLS
