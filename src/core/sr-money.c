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

/* 人民币大写 ------------------------------------------------------------------------ */

static const char * const capital_digits[] = { "零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖" };
static const char * const capital_units[] = { "", "拾", "佰", "仟" };

/* 0 < @section < 10000, without leading zeros: 1203 → 壹仟贰佰零叁. */
static void
append_section (GString *out,
                int      section)
{
  gboolean started = FALSE, zero = FALSE;

  for (int pos = 3; pos >= 0; pos--)
    {
      int divisor = pos == 3 ? 1000 : pos == 2 ? 100 : pos == 1 ? 10 : 1;
      int d = section / divisor % 10;

      if (d == 0)
        {
          zero = started;
          continue;
        }
      if (zero)
        g_string_append (out, capital_digits[0]);
      zero = FALSE;
      g_string_append (out, capital_digits[d]);
      g_string_append (out, capital_units[pos]);
      started = TRUE;
    }
}

char *
sr_money_to_chinese (SrFen    fen,
                     GError **error)
{
  static const char * const section_units[] = { "亿", "万", "" };
  g_autoptr(GString) out = g_string_new (NULL);
  gint64 yuan, sections[3];
  int jiao, fen_digit;
  gboolean need_zero = FALSE;

  if (fen < 0 || fen > G_GINT64_CONSTANT (999999999999))
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                   _("Only amounts from ¥0.00 to ¥9,999,999,999.99 can be written in capital numerals."));
      return NULL;
    }
  yuan = fen / 100;
  jiao = (int) (fen / 10 % 10);
  fen_digit = (int) (fen % 10);
  sections[0] = yuan / 100000000;
  sections[1] = yuan / 10000 % 10000;
  sections[2] = yuan % 10000;
  for (guint i = 0; i < 3; i++)
    {
      if (sections[i] == 0)
        {
          need_zero = out->len > 0;
          continue;
        }
      /* A section after a higher one that starts with zeros, or after an empty one. */
      if (out->len > 0 && (sections[i] < 1000 || need_zero))
        g_string_append (out, capital_digits[0]);
      append_section (out, (int) sections[i]);
      g_string_append (out, section_units[i]);
      need_zero = FALSE;
    }
  if (yuan > 0)
    g_string_append (out, "元");
  if (jiao == 0 && fen_digit == 0)
    {
      if (yuan == 0)
        g_string_append (out, "零元");
      g_string_append (out, "整");
    }
  else
    {
      if (jiao > 0)
        {
          g_string_append (out, capital_digits[jiao]);
          g_string_append (out, "角");
        }
      else if (yuan > 0)
        g_string_append (out, capital_digits[0]);   /* ¥16,409.02 → …元零贰分 */
      if (fen_digit > 0)
        {
          g_string_append (out, capital_digits[fen_digit]);
          g_string_append (out, "分");
        }
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The value of a capital digit at @p (0–9), or -1. */
static int
capital_digit_at (const char *p,
                  gsize      *len)
{
  for (int d = 0; d < 10; d++)
    if (g_str_has_prefix (p, capital_digits[d]))
      {
        *len = strlen (capital_digits[d]);
        return d;
      }
  return -1;
}

gboolean
sr_money_from_chinese (const char *text,
                       SrFen      *out_fen,
                       GError    **error)
{
  /* total: the 亿 and 万 parts read so far; section: within the current 万 (< 10000);
   * digit: the last digit not yet given a unit. */
  gint64 total = 0, section = 0, small_fen = 0;
  int digit = -1, last_unit = 10000;   /* units must come down: 仟 > 佰 > 拾 */
  gint64 last_section_unit = G_GINT64_CONSTANT (1000000000000);
  gboolean yuan = FALSE, whole = FALSE, jiao_seen = FALSE, fen_seen = FALSE, any = FALSE;
  const char *p = text;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    goto invalid;
  while (*p != '\0')
    {
      gsize len = 0;
      int d = capital_digit_at (p, &len);
      if (whole || fen_seen)
        goto invalid;                       /* nothing after 整 or 分 */
      if (d >= 0)
        {
          if (digit > 0)
            goto invalid;                   /* two digits in a row need a unit between */
          digit = d;
          any = TRUE;
          p += len;
          continue;
        }
      if (!yuan && (g_str_has_prefix (p, "拾") || g_str_has_prefix (p, "佰") || g_str_has_prefix (p, "仟")))
        {
          int unit = g_str_has_prefix (p, "拾") ? 10 : g_str_has_prefix (p, "佰") ? 100 : 1000;
          if (unit >= last_unit || digit == 0 || (digit < 0 && unit != 10))
            goto invalid;
          section += (gint64) (digit < 0 ? 1 : digit) * unit;   /* 拾 alone: ten */
          last_unit = unit;
          digit = -1;
          any = TRUE;
          p += strlen ("拾");
          continue;
        }
      if (!yuan && (g_str_has_prefix (p, "万") || g_str_has_prefix (p, "亿")))
        {
          gint64 unit = g_str_has_prefix (p, "万") ? 10000 : 100000000;
          section += digit > 0 ? digit : 0;
          if (section == 0 || unit >= last_section_unit || section >= 10000)
            goto invalid;
          total += section * unit;
          last_section_unit = unit;
          section = 0;
          digit = -1;
          last_unit = 10000;
          p += strlen ("万");
          continue;
        }
      if (!yuan && g_str_has_prefix (p, "元"))
        {
          section += digit > 0 ? digit : 0;
          total += section;
          section = 0;
          yuan = TRUE;
          digit = -1;
          last_unit = 10000;
          last_section_unit = G_GINT64_CONSTANT (1000000000000);
          p += strlen ("元");
          continue;
        }
      if (g_str_has_prefix (p, "角") || g_str_has_prefix (p, "分"))
        {
          gboolean is_jiao = g_str_has_prefix (p, "角");
          if (digit <= 0 || (is_jiao && jiao_seen) || (!yuan && section > 0) || last_unit != 10000 ||
              last_section_unit != G_GINT64_CONSTANT (1000000000000))
            goto invalid;
          small_fen += is_jiao ? digit * 10 : digit;
          jiao_seen |= is_jiao;
          fen_seen |= !is_jiao;
          digit = -1;
          p += strlen ("角");
          continue;
        }
      if (g_str_has_prefix (p, "整") && yuan && !jiao_seen && digit < 0)
        {
          whole = TRUE;
          p += strlen ("整");
          continue;
        }
      goto invalid;
    }
  if (!any || digit > 0 || (!yuan && !jiao_seen && !fen_seen) || (yuan && !whole && !jiao_seen && !fen_seen) ||
      total > G_GINT64_CONSTANT (9999999999))
    goto invalid;
  *out_fen = total * 100 + small_fen;
  return TRUE;

invalid:
  g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
               _("“%s” is not an amount in capital numerals (such as 壹万零贰佰元零伍分)."), text != NULL ? text : "");
  return FALSE;
}
