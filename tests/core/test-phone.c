/* Phone numbers: normalised, checked, masked. */
#include "config.h"

#include <locale.h>

#include "core/sr-error.h"
#include "core/sr-phone.h"

static const struct {
  const char *input;
  const char *normalised;  /* NULL: refused */
} cases[] = {
  { "13812345678", "13812345678" },
  { "138 1234 5678", "13812345678" },
  { "138-1234-5678", "13812345678" },
  { "+86 138 1234 5678", "13812345678" },
  { "+8613812345678", "13812345678" },
  { "008613812345678", "13812345678" },
  { "8613812345678", "13812345678" },
  { "１３８１２３４５６７８", "13812345678" },     /* full-width digits */
  { "19912345678", "19912345678" },
  { "021-62345678", "02162345678" },
  { "(021) 6234 5678", "02162345678" },
  { "0755-8765432", "07558765432" },
  { "0571 87654321", "057187654321" },
  { "+86 21 62345678", "02162345678" },          /* international form of a landline */
  { "1381234567", NULL },                          /* 10 digits */
  { "138123456789", NULL },                        /* 12 digits */
  { "12812345678", NULL },                         /* 12x is not a mobile prefix */
  { "62345678", NULL },                            /* no area code */
  { "021-623", NULL },
  { "138abc45678", NULL },
  { "", NULL },
  { "   ", NULL },
  { "+1 415 555 0100", NULL },
  { "00212345678", NULL },
};

static void
test_normalise (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *out = sr_phone_normalise (cases[i].input, &error);

      g_test_message ("%s", cases[i].input);
      g_assert_cmpstr (out, ==, cases[i].normalised);
      if (cases[i].normalised == NULL)
        {
          g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
          g_assert_cmpuint (strlen (error->message), >, 10);
        }
      else
        g_assert_no_error (error);
    }
}

static void
test_mask (void)
{
  g_autofree char *m1 = sr_phone_mask ("13812345678");
  g_autofree char *m2 = sr_phone_mask ("02162345678");
  g_autofree char *m3 = sr_phone_mask ("12345");

  g_assert_cmpstr (m1, ==, "138****5678");
  g_assert_cmpstr (m2, ==, "021****5678");
  g_assert_cmpstr (m3, ==, "*****");
  g_assert_true (sr_phone_is_mobile ("13812345678"));
  g_assert_false (sr_phone_is_mobile ("02162345678"));
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/phone/normalise", test_normalise);
  g_test_add_func ("/phone/mask", test_mask);
  return g_test_run ();
}
