/* sr-desk.h — the front desk: the day's rotation order per group, the rotation events
 * (stored, then folded by sr-rotation), and receiving a caller or visitor: a returning
 * customer goes to their owner, a new one to the person in line. */
#pragma once

#include "sr-context.h"
#include "sr-rotation.h"

G_BEGIN_DECLS

typedef enum {
  SR_DESK_RECEPTION,  /* 接待组: walk-ins */
  SR_DESK_PHONE,      /* 接电组: calls */
} SrDeskGroup;

const char      *sr_desk_group_get_code   (SrDeskGroup   group);
const char      *sr_desk_group_get_label  (SrDeskGroup   group);

/* The day's order: staff ids, first first. */
GArray          *sr_desk_get_order        (SrContext    *ctx,
                                           const char   *day,
                                           SrDeskGroup   group,
                                           GError      **error);
gboolean         sr_desk_set_order        (SrContext    *ctx,
                                           const char   *day,
                                           SrDeskGroup   group,
                                           const gint64 *staff_ids,
                                           guint         n,
                                           GError      **error);
/* The most recent earlier day's order of the group, or an empty array. */
GArray          *sr_desk_get_previous_order (SrContext  *ctx,
                                           const char   *day,
                                           SrDeskGroup   group,
                                           GError      **error);

/* Suspends a person from a group's rotation (停止接电/接访) from @from_day until
 * @until_day (inclusive; NULL: until cleared), with a reason. Supervisors only. */
gint64           sr_desk_suspend          (SrContext    *ctx,
                                           gint64        staff_id,
                                           SrDeskGroup   group,
                                           const char   *from_day,
                                           const char   *until_day,
                                           const char   *reason,
                                           GError      **error);
gboolean         sr_desk_clear_suspension (SrContext    *ctx,
                                           gint64        suspension_id,
                                           GError      **error);
/* The suspension in force for @staff_id in @group on @day: its id (0 when none), and
 * a line saying until when and why. */
gint64           sr_desk_suspension       (SrContext    *ctx,
                                           gint64        staff_id,
                                           SrDeskGroup   group,
                                           const char   *day,
                                           char        **out_text,
                                           GError      **error);

/* Records one rotation event now; returns its id. */
gint64           sr_desk_record           (SrContext          *ctx,
                                           const char         *day,
                                           SrDeskGroup         group,
                                           SrRotationEventKind kind,
                                           gint64              staff_id,
                                           gint64              other_id,
                                           GError            **error);
/* Undoes an event by recording a reversing one. */
gboolean         sr_desk_undo             (SrContext    *ctx,
                                           const char   *day,
                                           SrDeskGroup   group,
                                           gint64        event_id,
                                           GError      **error);
SrRotationState *sr_desk_state            (SrContext    *ctx,
                                           const char   *day,
                                           SrDeskGroup   group,
                                           GError      **error);

typedef struct {
  const char *phone;          /* as typed; may be NULL for a non-business contact */
  const char *name;           /* a new customer's name */
  gint64 media_source_id;     /* 0: not asked */
  const char *note;
  gboolean is_business;       /* FALSE: market survey, sales pitch, looking for someone */
  gboolean asks_for_owner;    /* a returning customer who asks for their consultant (rule 9) */
  gint64 happened_at;         /* when the call or visit was (a form filled in later, 补填);
                               * 0: now. Today, not in the future. */
  const char *tags;           /* tags of a visit, comma-separated (e.g. 主材); may be NULL */
  gint64 taker_id;            /* a new customer taken by someone else than the person in
                               * line: out of turn (rule 8, same group) or overflow (the
                               * other group's person); 0: in turn */
  gint64 customer_id;         /* a customer already known to the desk (an appointment
                               * arriving): used instead of the phone; 0: by the phone */
} SrArrival;

typedef struct {
  gint64 customer_id;         /* 0 for non-business */
  gint64 receiver_id;
  gint64 event_id;            /* the rotation event, for undo */
  gint64 contact_id;
  gboolean is_returning;
  gboolean is_transferred;    /* rule 9: the owner's claim lapsed; now the receiver's */
  char *rule;                 /* why this receiver, in the person's language */
} SrReception;

void             sr_reception_clear       (SrReception  *reception);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SrReception, sr_reception_clear)

/* The day's state of a group. Suspended people are left out of the order, so they
 * take no turns (sr_desk_suspension says why). */
/* 自约率: of the new customers @staff_id first took by phone between two days
 * (inclusive), how many later came to visit. */
gboolean         sr_desk_self_appointment_rate (SrContext *ctx,
                                           gint64        staff_id,
                                           const char   *from_day,
                                           const char   *to_day,
                                           guint        *out_taken,
                                           guint        *out_came,
                                           GError      **error);

/* What receiving @arrival now would do, as one sentence for the desk ("Returning
 * customer 张先生 → 李四 (covering for 王五, who is not in)."), by the same rules as
 * sr_desk_receive; writes nothing. NULL with @error when it would be refused. */
char            *sr_desk_preview          (SrContext       *ctx,
                                           const char      *day,
                                           SrDeskGroup      group,
                                           const SrArrival *arrival,
                                           GError         **error);

/* Receives a caller (phone group) or visitor (reception group) in one transaction:
 * registers the contact, the customer when new, and the rotation event. */
gboolean         sr_desk_receive          (SrContext       *ctx,
                                           const char      *day,
                                           SrDeskGroup      group,
                                           const SrArrival *arrival,
                                           SrReception     *out,
                                           GError         **error);

G_END_DECLS
