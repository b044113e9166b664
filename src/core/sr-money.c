#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sr-error.h"
#include "sr-money.h"

static char *
group_thousands (guint64 whole)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, whole);
  GString *s = g_string_new (NULL);
  gsize n = strlen (digits);

  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append_c (s, ',');
      g_string_append_c (s, digits[i]);
    }
  return g_string_free (s, FALSE);
}

char *
sr_money_format (SrFen fen)
{
  guint64 abs_fen = fen < 0 ? (guint64) (-(fen + 1)) + 1 : (guint64) fen;
  g_autofree char *whole = group_thousands (abs_fen / 100);

  return g_strdup_printf ("%s¥%s.%02u", fen < 0 ? "-" : "", whole, (guint) (abs_fen % 100));
}

/* Parses a decimal with at most two decimals into hundredths. */
static gboolean
parse_hundredths (const char *text,
                  gint64     *out,
                  gboolean    allow_negative)
{
  g_autofree char *clean = NULL;
  GString *s = g_string_new (NULL);
  const char *p;
  gboolean negative = FALSE, seen_dot = FALSE, seen_digit = FALSE;
  int decimals = 0;
  guint64 value = 0;

  if (text == NULL)
    {
      g_string_free (s, TRUE);
      return FALSE;
    }
  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c == ',' || c == ' ' || c == 0xFFE5 /* ￥ */ || c == 0xA5 /* ¥ */ || c == 0xFF0C)
        continue;
      g_string_append_unichar (s, c);
    }
  clean = g_string_free (s, FALSE);
  p = clean;
  if (*p == '-' && allow_negative)
    {
      negative = TRUE;
      p++;
    }
  for (; *p != '\0'; p++)
    {
      if (*p == '.' && !seen_dot)
        {
          seen_dot = TRUE;
          continue;
        }
      if (!g_ascii_isdigit (*p))
        return FALSE;
      if (seen_dot && ++decimals > 2)
        return FALSE;
      if (value > (G_MAXINT64 / 10) - 10)
        return FALSE;
      value = value * 10 + (guint64) (*p - '0');
      seen_digit = TRUE;
    }
  if (!seen_digit)
    return FALSE;
  for (; decimals < 2; decimals++)
    value *= 10;
  *out = negative ? -(gint64) value : (gint64) value;
  return TRUE;
}

gboolean
sr_money_parse (const char  *text,
                SrFen       *out_fen,
                GError     **error)
{
  if (!parse_hundredths (text, out_fen, TRUE))
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                   _("“%s” is not an amount of money (for example 12345.60)."),
                   text != NULL ? text : "");
      return FALSE;
    }
  return TRUE;
}

char *
sr_area_format (gint64 centi)
{
  return g_strdup_printf ("%s%" G_GINT64_FORMAT ".%02d", centi < 0 ? "-" : "",
                          ABS (centi) / 100, (int) (ABS (centi) % 100));
}

gboolean
sr_area_parse (const char  *text,
               gint64      *out_centi,
               GError     **error)
{
  if (!parse_hundredths (text, out_centi, FALSE) || *out_centi <= 0 || *out_centi > 10000000)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                   _("“%s” is not a floor area in m² (for example 89.50)."),
                   text != NULL ? text : "");
      return FALSE;
    }
  return TRUE;
}

SrFen
sr_price_total (gint64 area_centi,
                SrFen  fen_per_m2)
{
  /* area_centi × fen_per_m2 / 100 fen, rounded half up to whole yuan */
  gint64 fen_x100 = area_centi * fen_per_m2;
  return ((fen_x100 + 5000) / 10000) * 100;
}

SrFen
sr_price_per_m2 (SrFen  total,
                 gint64 area_centi)
{
  if (area_centi <= 0)
    return 0;
  return (total * 100 + area_centi / 2) / area_centi;
}
