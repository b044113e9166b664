/* Fuzzing money, area and date parsing and the capital numerals: any bytes as typed. An
 * amount accepted, within the receipts' range, written in capital numerals must read back
 * the same; capital-numeral text read as an amount must write back as the same text. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/sr-clock.h"
#include "core/sr-money.h"

static void
fuzz_one (const guint8 *data,
          gsize         len)
{
  g_autofree char *text = g_strndup ((const char *) data, len);
  SrFen fen = 0, back = -1;
  gint64 centi = 0;
  GDate day;

  if (sr_money_parse (text, &fen, NULL) && fen >= 0 && fen <= G_GINT64_CONSTANT (999999999999))
    {
      g_autofree char *words = sr_money_to_chinese (fen, NULL);
      if (words == NULL || !sr_money_from_chinese (words, &back, NULL) || back != fen)
        abort ();
    }
  (void) sr_area_parse (text, &centi, NULL);
  g_date_clear (&day, 1);
  if (sr_day_parse (text, &day) && !g_date_valid (&day))
    abort ();
  if (sr_money_from_chinese (text, &back, NULL))
    {
      g_autofree char *words = NULL;
      if (back < 0 || back > G_GINT64_CONSTANT (999999999999))
        abort ();
      words = sr_money_to_chinese (back, NULL);
      if (words == NULL)
        abort ();
      /* The reader is lenient (拾元 for 壹拾元); what it reads must write and read back alike. */
      if (!sr_money_from_chinese (words, &fen, NULL) || fen != back)
        abort ();
    }
}

#include "fuzz-main.h"
