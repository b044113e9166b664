/* sr-call-check.h — call reconciliation (来电核对, seed 003): per time slot of a day, the
 * phone's own count beside the logged calls, with gaps, incomplete forms (no media
 * source) and forms filled in long after the call (补填). */
#pragma once

#include "sr-context.h"

G_BEGIN_DECLS

/* The office's slots: setting "desk.call_slots", e.g. "09-12,12-14,14-18";
 * by default every hour from 8 to 20. Returns "HH:00-HH:00" strings. */
GStrv       sr_call_check_slots      (SrContext   *ctx);

typedef struct {
  char *slot;
  int phone_count;     /* -1: not entered */
  guint logged;        /* business and non-business calls logged in the slot */
  int gap;             /* phone_count - logged; 0 when not entered */
  guint incomplete;    /* business calls without a media source */
  guint late;          /* entered more than 30 minutes after the call */
} SrCallCheckRow;

void        sr_call_check_row_free   (SrCallCheckRow *row);
GPtrArray  *sr_call_check_day        (SrContext   *ctx,
                                      const char  *day,
                                      GError     **error);
/* The supervisor enters the phone's count for a slot (replacing an earlier entry). */
gboolean    sr_call_check_set_count  (SrContext   *ctx,
                                      const char  *day,
                                      const char  *slot,
                                      int          phone_count,
                                      GError     **error);

/* Phone duty (时段值班): who answers the phone in a slot of a day (0: nobody set). */
gboolean    sr_phone_duty_set        (SrContext   *ctx,
                                      const char  *day,
                                      const char  *slot,
                                      gint64       staff_id,
                                      GError     **error);
gint64      sr_phone_duty_get        (SrContext   *ctx,
                                      const char  *day,
                                      const char  *slot);
/* The slot a moment falls in, or NULL outside every slot. */
char       *sr_call_check_slot_at    (SrContext   *ctx,
                                      gint64       unix_seconds);

/* A feedback form (体验反馈表) of a visitor; satisfaction 1–5. Returns its id. */
gint64      sr_feedback_add          (SrContext   *ctx,
                                      gint64       contact_id,
                                      int          satisfaction,
                                      const char  *liked,
                                      const char  *disliked,
                                      const char  *suggestions,
                                      GError     **error);

typedef struct {
  gint64 at;
  int satisfaction;
  char *liked;
  char *disliked;
  char *suggestions;
} SrFeedback;

void        sr_feedback_free         (SrFeedback  *feedback);
/* Feedback forms between two days, inclusive, newest first. */
GPtrArray  *sr_feedback_list         (SrContext   *ctx,
                                      const char  *from_day,
                                      const char  *to_day,
                                      GError     **error);

G_END_DECLS
