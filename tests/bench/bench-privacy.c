/* bench-privacy — erasing one person on the large demo (a customer with a sale, whose
 * strings are looked for in every text of every customer table and the audit log), and
 * exporting everything about them.
 *
 *   bench-privacy COPY-OF-LARGE.db        (it erases people: give a copy)
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "common/sr-test-util.h"
#include "core/sr-privacy.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SrContext) ctx = NULL;
  g_autofree char *json = NULL;
  gint64 customer = 0, start, rows;

  setlocale (LC_ALL, "");
  if (argc != 2)
    {
      g_printerr ("usage: bench-privacy COPY-OF-LARGE.db\n");
      return 2;
    }
  ctx = sr_test_context_open (argv[1]);
  if (!sr_db_get_int (sr_context_get_db (ctx), &customer, &error, "SELECT min (customer_id) FROM deals WHERE state = 'signed' AND customer_id "
                      "NOT IN (SELECT customer_id FROM erasures)", "") || customer == 0)
    g_error ("no signed customer left to erase");
  json = g_strdup_printf ("%s.person.json", argv[1]);
  start = g_get_monotonic_time ();
  rows = sr_privacy_export (ctx, customer, json, &error);
  if (rows < 0)
    g_error ("%s", error->message);
  g_print ("export everything about one person: %" G_GINT64_FORMAT " rows in %.0f ms\n", rows,
           (g_get_monotonic_time () - start) / 1000.0);
  g_unlink (json);
  start = g_get_monotonic_time ();
  if (!sr_privacy_erase (ctx, customer, "bench", NULL, &error))
    g_error ("%s", error->message);
  g_print ("erase one person (every customer table and the audit log searched): %.0f ms\n",
           (g_get_monotonic_time () - start) / 1000.0);
  return 0;
}
