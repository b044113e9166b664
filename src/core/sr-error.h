/* sr-error.h — the error domains of Salesroom's core.
 *
 * SR_STORE_ERROR is for the database itself (cannot open, newer schema, disk full, …);
 * SR_RULE_ERROR is for the office's rules (not allowed, invalid input, conflict, …).
 * Messages are already translated: the GUI and the CLI show error->message as is.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SR_STORE_ERROR (sr_store_error_quark ())
#define SR_RULE_ERROR (sr_rule_error_quark ())

typedef enum {
  SR_STORE_ERROR_FAILED,
  SR_STORE_ERROR_NOT_FOUND,       /* no such database file */
  SR_STORE_ERROR_NOT_A_DATABASE,  /* not a Salesroom database, or corrupt */
  SR_STORE_ERROR_NEWER_SCHEMA,    /* written by a newer Salesroom */
  SR_STORE_ERROR_READ_ONLY,       /* file or folder cannot be written */
  SR_STORE_ERROR_BUSY,            /* another program holds the lock */
  SR_STORE_ERROR_FULL,            /* disk full */
  SR_STORE_ERROR_IO,              /* read or write failed */
  SR_STORE_ERROR_CONSTRAINT,      /* the database refused the change */
  SR_STORE_ERROR_CONNECTION,      /* the office server cannot be reached (PostgreSQL) */
} SrStoreError;

typedef enum {
  SR_RULE_ERROR_DENIED,     /* the signed-in person may not do this */
  SR_RULE_ERROR_INVALID,    /* bad input */
  SR_RULE_ERROR_CONFLICT,   /* clashes with what is there (duplicate name, …) */
  SR_RULE_ERROR_NOT_FOUND,  /* no such record */
  SR_RULE_ERROR_LOCKED,     /* too many wrong passwords: wait */
} SrRuleError;

GQuark sr_store_error_quark (void);
GQuark sr_rule_error_quark (void);

G_END_DECLS
