/* sr-audit.h — the audit log: who, when, what, before and after.
 *
 * Written by every core function that changes data, inside its own transaction, so a
 * change and its audit row land together or not at all. The table is append-only.
 */
#pragma once

#include "sr-context.h"

G_BEGIN_DECLS

/* A tiny JSON object writer for the before/after columns. */
typedef struct _SrJson SrJson;

SrJson   *sr_json_new          (void);
void      sr_json_add_text     (SrJson      *json,
                                const char  *key,
                                const char  *value);
void      sr_json_add_int      (SrJson      *json,
                                const char  *key,
                                gint64       value);
void      sr_json_add_bool     (SrJson      *json,
                                const char  *key,
                                gboolean     value);
char     *sr_json_end          (SrJson      *json);
void      sr_json_free         (SrJson      *json);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SrJson, sr_json_free)

gboolean  sr_audit_write       (SrContext   *ctx,
                                const char  *action,
                                const char  *table,
                                gint64       row_id,
                                const char  *before_json,
                                const char  *after_json,
                                GError     **error);

/* The same, for events without a signed-in person (a sign-in attempt). */
gboolean  sr_audit_write_as    (SrContext   *ctx,
                                gint64       actor_id,
                                const char  *actor_label,
                                const char  *action,
                                const char  *table,
                                gint64       row_id,
                                const char  *before_json,
                                const char  *after_json,
                                GError     **error);

/* Rows for the audit viewer and tests, newest first. */
typedef struct {
  gint64 id;
  gint64 at;
  char *actor;
  char *action;
  char *table_name;
  gint64 row_id;
  char *before_json;
  char *after_json;
} SrAuditEntry;

/* What the audit viewer asks for; every field may be left empty (0 or NULL). */
typedef struct {
  gint64 actor_id;            /* who did it */
  const char *action;         /* an action code, e.g. "signed" */
  const char *table;          /* which table */
  const char *from_day;       /* YYYY-MM-DD, inclusive */
  const char *to_day;
  const char *text;           /* found in who, the before or the after */
} SrAuditFilter;

void       sr_audit_entry_free (SrAuditEntry *entry);
/* Rows for the audit viewer, newest first, at most @limit; @out_total (may be NULL)
 * gets how many match. Checks SR_ACTION_VIEW_AUDIT. Phone and ID-card numbers in the
 * before and after are masked for a reader who may not see customers' phones. */
GPtrArray *sr_audit_find       (SrContext           *ctx,
                                const SrAuditFilter *filter,
                                guint                limit,
                                gint64              *out_total,
                                GError             **error);
/* The action codes the log holds, for the viewer's choice. */
GStrv      sr_audit_actions    (SrContext           *ctx,
                                GError             **error);
/* Every row that matches, as a CSV file (UTF-8 with BOM, for Excel), masked the same way;
 * returns how many were written, or -1. */
gint64     sr_audit_export_csv (SrContext           *ctx,
                                const SrAuditFilter *filter,
                                const char          *path,
                                GError             **error);
/* An action code or a table name in the person's language (the code itself when it has
 * no label). */
const char *sr_audit_action_get_label (const char *action);
const char *sr_audit_table_get_label  (const char *table);
/* Writes a file of customers' data: beside @path first, then moved into place (never half
 * a file), readable by its owner only. */
gboolean   sr_file_write_private (const char *path,
                                  const char *data,
                                  gsize       len,
                                  GError    **error);
/* Phone and ID-card numbers in @text masked (138****5678). */
char      *sr_audit_mask_text  (const char          *text);
GPtrArray *sr_audit_list       (SrContext   *ctx,
                                const char  *table,
                                guint        limit,
                                GError     **error);

G_END_DECLS
