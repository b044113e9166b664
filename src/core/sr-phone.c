#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sr-error.h"
#include "sr-phone.h"

char *
sr_phone_normalise (const char  *input,
                    GError     **error)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  const char *p;
  gsize n;

  if (input == NULL)
    input = "";
  for (p = input; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0xFF10 && c <= 0xFF19)          /* full-width digits from a Chinese IME */
        c = '0' + (c - 0xFF10);
      if (c >= '0' && c <= '9')
        g_string_append_c (digits, (char) c);
      else if (c == '+' && digits->len == 0)
        g_string_append_c (digits, '+');
      else if (c == ' ' || c == '-' || c == '(' || c == ')' || c == '.' || c == 0x3000 ||
               c == 0xFF08 || c == 0xFF09 || c == 0xFF0D || c == 0x2014 || c == 0x2013)
        continue;
      else
        {
          g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                       _("“%s” is not a phone number: it may contain only digits, spaces "
                         "and dashes."), input);
          return NULL;
        }
    }

  /* The country code: +86, 0086, or 86 before an 11-digit mobile. */
  if (g_str_has_prefix (digits->str, "+86") || g_str_has_prefix (digits->str, "0086"))
    {
      g_string_erase (digits, 0, digits->str[0] == '+' ? 3 : 4);
      /* +86 21 62345678: the area code loses its 0 in international form. */
      if (digits->len > 0 && digits->str[0] >= '2' && digits->str[0] <= '9')
        g_string_prepend_c (digits, '0');
    }
  else if (g_str_has_prefix (digits->str, "+"))
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                   _("“%s” is a foreign number; Salesroom takes numbers of mainland China."),
                   input);
      return NULL;
    }
  else if (g_str_has_prefix (digits->str, "86") && digits->len == 13 && digits->str[2] == '1')
    g_string_erase (digits, 0, 2);

  n = digits->len;
  if (n == 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("Type a phone number."));
      return NULL;
    }
  if (digits->str[0] == '1')
    {
      if (n != 11 || digits->str[1] < '3')
        {
          g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                       _("“%s” is not a mobile number: a mobile number has 11 digits "
                         "and starts with 13 to 19."), input);
          return NULL;
        }
      return g_strdup (digits->str);
    }
  if (digits->str[0] == '0')
    {
      /* 0 + area code (2–3 digits) + 7–8 digits */
      if (n < 10 || n > 12 || digits->str[1] == '0')
        {
          g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                       _("“%s” is not a landline number: give the area code and 7 or 8 digits, "
                         "for example 021-62345678."), input);
          return NULL;
        }
      return g_strdup (digits->str);
    }
  g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
               _("“%s” is incomplete: a landline needs its area code (for example 021-62345678), "
                 "a mobile number has 11 digits."), input);
  return NULL;
}

gboolean
sr_phone_is_mobile (const char *normalised)
{
  return normalised != NULL && strlen (normalised) == 11 && normalised[0] == '1';
}

char *
sr_phone_mask (const char *normalised)
{
  gsize n = normalised != NULL ? strlen (normalised) : 0;

  if (n < 8)
    return g_strnfill (n, '*');
  return g_strdup_printf ("%.3s%s%s", normalised, "****", normalised + n - 4);
}
