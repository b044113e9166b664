/* sr-rotation.h — the reception rotation (轮序接待) as a pure function.
 *
 * The state of a group's rotation is never stored: it is computed by replaying the day's
 * order and the day's events, in order (PRODUCT.md "The rotation", rules 1–8; seed 003).
 * Each event carries what was decided when it was recorded (who received, whose returning
 * customer, whether by appointment), so the fold reads events only and needs no database.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  SR_ROTATION_ARRIVE,             /* staff: at the desk for the day */
  SR_ROTATION_LEAVE,              /* staff: gone for the day */
  SR_ROTATION_SKIP_PERSONAL,      /* staff: out for the rest of this round (rule 5) */
  SR_ROTATION_SKIP_OBJECTIVE,     /* staff: busy with a customer until back (rule 6) */
  SR_ROTATION_BACK,               /* staff: back from an objective skip (插入当轮) */
  SR_ROTATION_ABSENT,             /* staff: not at the desk at their turn: end of round (rule 7) */
  SR_ROTATION_RECEIVE_NEW,        /* staff received a new customer: a formal turn (rules 1, 2) */
  SR_ROTATION_RECEIVE_RETURNING,  /* staff (the owner X) received their returning customer (rule 4) */
  SR_ROTATION_NON_BUSINESS,       /* staff handled a non-business visit or call: no turn (rule 3) */
  SR_ROTATION_COVER,              /* staff covered for other (X not in): no turn (rules 3, 4) */
  SR_ROTATION_OUT_OF_TURN,        /* staff took it when nobody came (rule 8): a formal turn */
  SR_ROTATION_OVERFLOW,           /* staff of this group took the other group's inquiry (rule 8) */
  SR_ROTATION_UNDO,               /* cancels event target (and an undo of an undo restores it) */
  SR_N_ROTATION_EVENT_KINDS
} SrRotationEventKind;

typedef struct {
  gint64 id;                /* unique, increasing within the day */
  SrRotationEventKind kind;
  gint64 staff_id;          /* who the event is about (the receiver, the one skipping, …) */
  gint64 other_id;          /* COVER: for whom; UNDO: the event id undone */
  gboolean by_appointment;  /* RECEIVE_RETURNING: X's own appointment: no turn of X (seed 003 I) */
} SrRotationEvent;

typedef enum {
  SR_ROTATION_NOT_ARRIVED,
  SR_ROTATION_WAITING,            /* in line in this round */
  SR_ROTATION_SERVED,             /* has had a formal turn in this round */
  SR_ROTATION_SKIPPED_PERSONAL,   /* out for this round */
  SR_ROTATION_BUSY,               /* objective skip, until back */
  SR_ROTATION_LEFT,               /* gone for the day */
} SrRotationPersonState;

typedef struct {
  gint64 staff_id;
  SrRotationPersonState state;
  int queue_position;        /* 0 = next; -1 when not waiting */
  gboolean moved_to_end;     /* absent at their turn in this round */
  guint formal_receptions;   /* today: new, returning (not by appointment), out of turn, overflow */
  guint returning;           /* today: returning customers received */
  guint non_business;
  guint covers;
} SrRotationPerson;

typedef struct {
  guint round;               /* 1 … ; 0 before anyone arrived */
  gint64 next;               /* staff id of the next receiver; 0 when nobody can take it */
  GArray *people;            /* SrRotationPerson, in the day's order (then late additions) */
  GArray *queue;             /* gint64 staff ids waiting, next first */
} SrRotationState;

const char      *sr_rotation_event_kind_get_code (SrRotationEventKind kind);
gboolean         sr_rotation_event_kind_from_code (const char *code,
                                                   SrRotationEventKind *out_kind);

SrRotationState *sr_rotation_fold       (const gint64          *order,
                                         guint                  n_order,
                                         const SrRotationEvent *events,
                                         guint                  n_events);
const SrRotationPerson *sr_rotation_state_find (const SrRotationState *state,
                                                gint64                 staff_id);
void             sr_rotation_state_free (SrRotationState       *state);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SrRotationState, sr_rotation_state_free)

G_END_DECLS
