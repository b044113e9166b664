#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "sr-clock.h"
#include "sr-error.h"

struct _SrClock
{
  GObject parent_instance;
  gint64 fixed; /* 0: real time */
};

G_DEFINE_FINAL_TYPE (SrClock, sr_clock, G_TYPE_OBJECT)

static void
sr_clock_class_init (SrClockClass *klass)
{
}

static void
sr_clock_init (SrClock *self)
{
}

SrClock *
sr_clock_new (void)
{
  return g_object_new (SR_TYPE_CLOCK, NULL);
}

SrClock *
sr_clock_new_fixed (gint64 unix_seconds)
{
  SrClock *self = sr_clock_new ();
  self->fixed = unix_seconds;
  return self;
}

gint64
sr_clock_now (SrClock *self)
{
  if (self != NULL && self->fixed != 0)
    return self->fixed;
  return g_get_real_time () / G_USEC_PER_SEC;
}

void
sr_clock_set_fixed (SrClock *self,
                    gint64   unix_seconds)
{
  self->fixed = unix_seconds;
}

gint64
sr_clock_get_fixed (SrClock *self)
{
  return self->fixed;
}

char *
sr_day_from_unix (gint64 unix_seconds)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (unix_seconds);
  return g_date_time_format (dt, "%Y-%m-%d");
}

char *
sr_clock_today (SrClock *self)
{
  return sr_day_from_unix (sr_clock_now (self));
}

/* Strict 'YYYY-MM-DD'. */
gboolean
sr_day_parse (const char *day,
              GDate      *out_date)
{
  int y, m, d;

  if (day == NULL || strlen (day) != 10 || day[4] != '-' || day[7] != '-')
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (day[i]))
      return FALSE;
  y = atoi (day);
  m = atoi (day + 5);
  d = atoi (day + 8);
  if (!g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_clear (out_date, 1);
  g_date_set_dmy (out_date, d, m, y);
  return TRUE;
}

/* Local midnight at the start of @day, or -1 when @day is not a date. */
gint64
sr_day_start_unix (const char *day)
{
  GDate date;
  g_autoptr(GDateTime) dt = NULL;

  if (!sr_day_parse (day, &date))
    return -1;
  dt = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                              g_date_get_day (&date), 0, 0, 0);
  return dt != NULL ? g_date_time_to_unix (dt) : -1;
}

char *
sr_format_moment (gint64 unix_seconds)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (unix_seconds);
  return g_date_time_format (dt, "%Y-%m-%d %H:%M");
}

gboolean
sr_day_range_unix (const char  *from_day,
                   const char  *to_day,
                   gint64      *out_from,
                   gint64      *out_to,
                   GError     **error)
{
  *out_from = sr_day_start_unix (from_day);
  *out_to = sr_day_start_unix (to_day);
  if (*out_from < 0 || *out_to < 0 || *out_to < *out_from)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                   _("Give a range of days: from YYYY-MM-DD to YYYY-MM-DD."));
      return FALSE;
    }
  *out_to += 86400;
  return TRUE;
}
