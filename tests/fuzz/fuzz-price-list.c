/* Fuzzing the price-list import's reader (CSV, UTF-8 with or without BOM, GB18030): any
 * bytes as a file. It returns a list or a refusal that names a line, never crashes; every
 * row of a list it accepts is whole. */
#include "config.h"

#include <stdlib.h>

#include "core/sr-price-list.h"

static void
fuzz_one (const guint8 *data,
          gsize         len)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, len);
  g_autoptr(GError) error = NULL;
  g_autoptr(SrPriceList) list = sr_price_list_parse (bytes, &error);

  if (list == NULL)
    {
      if (error == NULL || error->message == NULL || *error->message == '\0')
        abort ();
      return;
    }
  for (guint i = 0; i < list->rows->len; i++)
    {
      SrPriceRow *row = list->rows->pdata[i];
      if (row->building == NULL || row->number == NULL || row->area_centi <= 0 || row->total_fen < 0)
        abort ();
    }
}

#include "fuzz-main.h"
