/* Fuzzing phone normalisation: any bytes as typed; a number accepted must be digits only,
 * 5 to 20 of them, and mask without failing. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/sr-phone.h"

static void
fuzz_one (const guint8 *data,
          gsize         len)
{
  g_autofree char *text = g_strndup ((const char *) data, len);
  g_autoptr(GError) error = NULL;
  g_autofree char *phone = sr_phone_normalise (text, &error);

  if (phone == NULL)
    {
      if (error == NULL || error->message == NULL || *error->message == '\0')
        abort ();             /* a refusal always says why */
      return;
    }
  if (strlen (phone) < 5 || strlen (phone) > 20 || strspn (phone, "0123456789") != strlen (phone))
    abort ();
  {
    g_autofree char *masked = sr_phone_mask (phone);
    gsize n = strlen (phone);
    /* The last four digits show (of eight or more), nothing else of the middle. */
    if (masked == NULL || (n >= 8 && (!g_str_has_suffix (masked, phone + n - 4) || strstr (masked, "****") == NULL)))
      abort ();
    (void) sr_phone_is_mobile (phone);
  }
}

#include "fuzz-main.h"
