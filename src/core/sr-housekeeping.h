/* sr-housekeeping.h — a housekeeping agency's roster (家政服务员) and who works where
 * (PRODUCT.md "The pipeline board", the second flow of seed 000).
 *
 * The customer manager keeps the roster. A consultant proposes candidates to their
 * customer and records each interview (推荐面试). A placement starts only once the
 * customer's service agreement is signed and the fees due by the first day are paid; the
 * trial (试用期) ends after the office's days (setting "housekeeping.trial_days", 35),
 * shown on the card, and the customer moves to the trial stage. A replacement (调换) ends
 * the placement with its reason and starts the next housekeeper's, who must have passed an
 * interview with the customer too; the one replaced can be sent back to training (回炉培训).
 * A housekeeper in training, placed elsewhere or gone is not placed.
 */
#pragma once

#include "sr-context.h"

G_BEGIN_DECLS

typedef enum {
  SR_KEEPER_AVAILABLE,
  SR_KEEPER_PLACED,
  SR_KEEPER_TRAINING,
  SR_KEEPER_LEFT,
  SR_KEEPER_N_STATES
} SrKeeperState;

const char *sr_keeper_state_get_label    (SrKeeperState state);

typedef struct {
  const char *name;
  const char *phone;          /* may be NULL; a mobile or a landline */
  int birth_year;             /* 0: not given */
  const char *native_place;   /* 籍贯; may be NULL */
  const char *skills;         /* 育婴, 养老护理, 做饭…; may be NULL */
  const char *note;
} SrHousekeeperInput;

typedef struct {
  gint64 id;
  char *name;
  char *phone;
  int birth_year;
  char *native_place;
  char *skills;
  char *note;
  SrKeeperState state;
  gint64 customer_id;         /* placed: with whom; training: for whom (0: retraining) */
  char *customer_name;
  char *trial_ends_on;        /* placed: the trial's last day */
  char *since;                /* placed or training: since when (YYYY-MM-DD) */
  char *training_reason;
  guint placements;           /* how many placements so far */
  guint replaced;             /* of them, how many ended in a replacement */
} SrHousekeeper;

void        sr_housekeeper_free          (SrHousekeeper *keeper);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SrHousekeeper, sr_housekeeper_free)

/* The roster (SR_ACTION_MANAGE_HOUSEKEEPERS; a housekeeping office only). */
gint64      sr_housekeepers_add          (SrContext                *ctx,
                                          const SrHousekeeperInput *in,
                                          GError                  **error);
gboolean    sr_housekeepers_update       (SrContext                *ctx,
                                          gint64                    id,
                                          const SrHousekeeperInput *in,
                                          GError                  **error);
/* Takes someone off the roster, with the reason; not while they are placed. */
gboolean    sr_housekeepers_set_left     (SrContext                *ctx,
                                          gint64                    id,
                                          const char               *reason,
                                          GError                  **error);
SrHousekeeper *sr_housekeepers_get       (SrContext                *ctx,
                                          gint64                    id,
                                          GError                  **error);
/* The roster matching @text (name, phone digits, skills, native place; NULL: all), those
 * free first, then placed, in training and gone; at most @limit. */
GPtrArray  *sr_housekeepers_list         (SrContext                *ctx,
                                          const char               *text,
                                          gboolean                  include_left,
                                          guint                     limit,
                                          GError                  **error);

/* How many of the roster match @text, per state (SrKeeperState: free, placed, in
 * training, gone; gone ones only with @include_left). */
gboolean    sr_housekeepers_count        (SrContext                *ctx,
                                          const char               *text,
                                          gboolean                  include_left,
                                          guint                     out_counts[SR_KEEPER_N_STATES],
                                          GError                  **error);

/* Training: targeted (定向培训, for a customer) or retraining (回炉培训) ---------------- */
gboolean    sr_housekeepers_start_training  (SrContext   *ctx,
                                             gint64       housekeeper_id,
                                             gboolean     retraining,
                                             gint64       customer_id,    /* targeted: for whom; 0: none */
                                             const char  *reason,
                                             GError     **error);
gboolean    sr_housekeepers_finish_training (SrContext   *ctx,
                                             gint64       housekeeper_id,
                                             GError     **error);

/* Candidates ------------------------------------------------------------------------------ */

typedef enum {
  SR_CANDIDATE_PROPOSED,
  SR_CANDIDATE_PASSED,
  SR_CANDIDATE_FAILED,
} SrCandidateResult;

typedef struct {
  gint64 id;
  gint64 housekeeper_id;
  char *housekeeper_name;
  char *skills;
  SrKeeperState housekeeper_state;
  SrCandidateResult result;
  char *interview_day;        /* NULL until the result */
  char *note;
  gint64 proposed_at;
} SrCandidate;

void        sr_candidate_free            (SrCandidate *candidate);
const char *sr_candidate_result_get_label (SrCandidateResult result);

/* Proposes a housekeeper from the roster to a customer (SR_ACTION_FOLLOW_UP, the owner or
 * a supervisor); not someone gone, nor twice. Returns the candidate. */
gint64      sr_candidates_propose        (SrContext   *ctx,
                                          gint64       customer_id,
                                          gint64       housekeeper_id,
                                          GError     **error);
/* The interview's result, on a day not in the future; a failure needs the reason. */
gboolean    sr_candidates_record         (SrContext   *ctx,
                                          gint64       candidate_id,
                                          gboolean     passed,
                                          const char  *day,
                                          const char  *note,
                                          GError     **error);
GPtrArray  *sr_candidates_for_customer   (SrContext   *ctx,
                                          gint64       customer_id,
                                          GError     **error);

/* Placements ------------------------------------------------------------------------------ */

typedef struct {
  gint64 id;
  gint64 housekeeper_id;
  char *housekeeper_name;
  char *starts_on;
  char *trial_ends_on;
  char *ended_on;             /* NULL while it runs */
  char *end_kind;             /* replaced, finished, cancelled */
  char *end_reason;
} SrPlacement;

void        sr_placement_free            (SrPlacement *placement);
const char *sr_placement_end_get_label   (const char  *end_kind);

/* Places a housekeeper who passed the interview with the customer, from @starts_on (not
 * before the agreement's signing), once the service agreement is signed and every fee
 * due by then is paid (SR_ACTION_FOLLOW_UP, the owner or a supervisor). The customer moves
 * to the trial stage. Returns the placement. */
gint64      sr_placements_start          (SrContext   *ctx,
                                          gint64       customer_id,
                                          gint64       housekeeper_id,
                                          const char  *starts_on,
                                          GError     **error);
/* A replacement (调换): the running placement ends on @starts_on with @reason, and the new
 * housekeeper's starts, with a trial of its own; @retrain sends the one replaced back to
 * training (回炉培训) for the same reason. One transaction. */
gint64      sr_placements_replace        (SrContext   *ctx,
                                          gint64       customer_id,
                                          gint64       housekeeper_id,
                                          const char  *starts_on,
                                          const char  *reason,
                                          gboolean     retrain,
                                          GError     **error);
/* Ends the running placement: finished (the service ended) or cancelled, with a reason. */
gboolean    sr_placements_end            (SrContext   *ctx,
                                          gint64       customer_id,
                                          const char  *end_kind,
                                          const char  *reason,
                                          GError     **error);
/* The customer's placements, newest first. */
GPtrArray  *sr_placements_for_customer   (SrContext   *ctx,
                                          gint64       customer_id,
                                          GError     **error);

G_END_DECLS
