/* sr-office.h — the office itself: its name, its kind (which decides the pipeline
 * preset and which screens exist), its settings, and the first-run set-up. */
#pragma once

#include "sr-context.h"

G_BEGIN_DECLS

typedef enum {
  SR_OFFICE_PROPERTY,      /* 售楼处 */
  SR_OFFICE_DECORATION,    /* 家装公司 */
  SR_OFFICE_HOUSEKEEPING,  /* 家政公司 */
} SrOfficeKind;

const char *sr_office_kind_get_code   (SrOfficeKind   kind);
const char *sr_office_kind_get_label  (SrOfficeKind   kind);
gboolean    sr_office_kind_from_code  (const char    *code,
                                       SrOfficeKind  *out_kind);
/* Whether this kind of office sells units from a unit grid (a property developer). */
gboolean    sr_office_kind_has_units  (SrOfficeKind   kind);

/* Whether the first-run set-up has been done. */
gboolean    sr_office_exists          (SrContext     *ctx,
                                       gboolean      *out_exists,
                                       GError       **error);
gboolean    sr_office_get             (SrContext     *ctx,
                                       char         **out_name,
                                       SrOfficeKind  *out_kind,
                                       GError       **error);

/* First run: creates the office, its stages (from the preset of @kind), the default
 * media sources, and the first administrator, in one transaction. Returns the
 * administrator's staff id. Refused when the database already holds an office. */
gint64      sr_office_create          (SrContext     *ctx,
                                       const char    *office_name,
                                       SrOfficeKind   kind,
                                       const char    *admin_login,
                                       const char    *admin_name,
                                       const char    *admin_password,
                                       GError       **error);
/* The same with a ready password hash (the demo hashes one password for everyone). */
gint64      sr_office_create_with_hash (SrContext    *ctx,
                                       const char    *office_name,
                                       SrOfficeKind   kind,
                                       const char    *admin_login,
                                       const char    *admin_name,
                                       const char    *admin_password_hash,
                                       GError       **error);

gboolean    sr_office_rename          (SrContext     *ctx,
                                       const char    *name,
                                       GError       **error);

/* Copies the database to @dest_path (refuses an existing file) and records who took
 * the copy. Checks SR_ACTION_BACKUP. */
gboolean    sr_office_backup          (SrContext     *ctx,
                                       const char    *dest_path,
                                       GError       **error);
/* The same, taken by Salesroom itself (the daily copy): no permission is checked, and the
 * log names Salesroom. */
gboolean    sr_office_backup_automatic (SrContext    *ctx,
                                       const char    *dest_path,
                                       GError       **error);

/* Office settings (key → text), e.g. "ownership.lapse_days". */
char       *sr_settings_get           (SrContext     *ctx,
                                       const char    *key,
                                       const char    *fallback);
gint64      sr_settings_get_int       (SrContext     *ctx,
                                       const char    *key,
                                       gint64         fallback);
gboolean    sr_settings_set           (SrContext     *ctx,
                                       const char    *key,
                                       const char    *value,
                                       GError       **error);

G_END_DECLS
