/* sr-clock.h — the clock as an object, so tests and the demo can fix "now". */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SR_TYPE_CLOCK (sr_clock_get_type ())
G_DECLARE_FINAL_TYPE (SrClock, sr_clock, SR, CLOCK, GObject)

SrClock   *sr_clock_new            (void);
SrClock   *sr_clock_new_fixed      (gint64      unix_seconds);
gint64     sr_clock_now            (SrClock    *self);
void       sr_clock_set_fixed      (SrClock    *self,
                                    gint64      unix_seconds);
/* The fixed moment, or 0 when the clock follows real time. */
gint64     sr_clock_get_fixed      (SrClock    *self);
char      *sr_clock_today          (SrClock    *self);

/* Calendar helpers (local time): 'YYYY-MM-DD' ⇄ moments. */
char      *sr_day_from_unix        (gint64      unix_seconds);
gboolean   sr_day_parse            (const char *day,
                                    GDate      *out_date);
gint64     sr_day_start_unix       (const char *day);
char      *sr_format_moment        (gint64      unix_seconds);
/* From the start of @from_day to the end of @to_day (local), both inclusive; an error
 * (SR_RULE_ERROR_INVALID) when either is not a date or the range runs backwards. */
gboolean   sr_day_range_unix       (const char *from_day,
                                    const char *to_day,
                                    gint64     *out_from,
                                    gint64     *out_to,
                                    GError    **error);

G_END_DECLS
