/* sr-follow-ups.h — follow-ups (追踪记录) and a consultant's day: follow-ups due today or
 * overdue, their customers who came while they were out, new customers received today. */
#pragma once

#include "sr-context.h"

G_BEGIN_DECLS

typedef enum {
  SR_FOLLOW_UP_PHONE,
  SR_FOLLOW_UP_VISIT,
  SR_FOLLOW_UP_WECHAT,
  SR_FOLLOW_UP_SMS,
  SR_FOLLOW_UP_OTHER,
  SR_N_FOLLOW_UP_METHODS
} SrFollowUpMethod;

const char *sr_follow_up_method_get_code  (SrFollowUpMethod method);
const char *sr_follow_up_method_get_label (SrFollowUpMethod method);

/* Records a follow-up by the signed-in person. A consultant may follow up their own
 * customers only; a customer manager or manager any. @next_day may be NULL. */
gint64      sr_follow_ups_add             (SrContext        *ctx,
                                           gint64            customer_id,
                                           SrFollowUpMethod  method,
                                           const char       *content,
                                           const char       *next_day,
                                           GError          **error);

typedef struct {
  gint64 customer_id;
  char *customer_name;
  char *detail;        /* the due date, who covered, how they came */
  gboolean is_overdue;
} SrMyDayItem;

typedef struct {
  GPtrArray *due;       /* SrMyDayItem: next follow-up today or before */
  GPtrArray *covered;   /* their customers received by a colleague in the last 7 days */
  GPtrArray *received;  /* new customers they received today */
  GPtrArray *promises;  /* property certificates promised within a week, not handed over:
                         * tell the owner before the day */
  GPtrArray *late;      /* their customers' overdue payments and subscriptions past the
                         * signing date (催款, 未签约) */
} SrMyDay;

SrMyDay    *sr_my_day_load                (SrContext        *ctx,
                                           gint64            staff_id,
                                           GError          **error);
void        sr_my_day_free                (SrMyDay          *day);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SrMyDay, sr_my_day_free)

G_END_DECLS
