/* sr-keyring.c — the office server's password in the desktop keyring. See sr-keyring.h. */
#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "sr-keyring.h"

static const SecretSchema *
server_schema (void)
{
  static const SecretSchema schema = {
    "io.github.salesroom.Salesroom.Server", SECRET_SCHEMA_NONE,
    {
      { "address", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "NULL", 0 },
    }
  };
  return &schema;
}

char *
sr_keyring_lookup (const char *address)
{
  g_autoptr(GError) error = NULL;
  char *password = secret_password_lookup_sync (server_schema (), NULL, &error,
                                                "address", address, NULL);

  if (error != NULL)
    g_message ("keyring: %s", error->message);
  return password;
}

gboolean
sr_keyring_store (const char  *address,
                  const char  *password,
                  GError     **error)
{
  g_autofree char *label = g_strdup_printf (_("Salesroom office server %s"), address);

  /* No password (the server trusts this PC): none is kept. */
  if (password == NULL || *password == '\0')
    {
      GError *local = NULL;
      secret_password_clear_sync (server_schema (), NULL, &local, "address", address, NULL);
      if (local != NULL)
        {
          g_propagate_error (error, local);
          return FALSE;
        }
      return TRUE;
    }
  return secret_password_store_sync (server_schema (), SECRET_COLLECTION_DEFAULT, label, password,
                                     NULL, error, "address", address, NULL);
}
