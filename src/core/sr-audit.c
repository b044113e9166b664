#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "sr-audit.h"
#include "sr-customers.h"
#include "sr-error.h"
#include "sr-phone.h"

struct _SrJson
{
  GString *s;
};

SrJson *
sr_json_new (void)
{
  SrJson *json = g_new0 (SrJson, 1);
  json->s = g_string_new ("{");
  return json;
}

static void
append_string (GString    *s,
               const char *value)
{
  g_string_append_c (s, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;
      switch (c)
        {
        case '"': g_string_append (s, "\\\""); break;
        case '\\': g_string_append (s, "\\\\"); break;
        case '\n': g_string_append (s, "\\n"); break;
        case '\r': g_string_append (s, "\\r"); break;
        case '\t': g_string_append (s, "\\t"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (s, "\\u%04x", c);
          else
            g_string_append_c (s, (char) c);
        }
    }
  g_string_append_c (s, '"');
}

static void
append_key (SrJson     *json,
            const char *key)
{
  if (json->s->len > 1)
    g_string_append_c (json->s, ',');
  append_string (json->s, key);
  g_string_append_c (json->s, ':');
}

void
sr_json_add_text (SrJson     *json,
                  const char *key,
                  const char *value)
{
  append_key (json, key);
  if (value == NULL)
    g_string_append (json->s, "null");
  else
    append_string (json->s, value);
}

void
sr_json_add_int (SrJson     *json,
                 const char *key,
                 gint64      value)
{
  append_key (json, key);
  g_string_append_printf (json->s, "%" G_GINT64_FORMAT, value);
}

void
sr_json_add_bool (SrJson     *json,
                  const char *key,
                  gboolean    value)
{
  append_key (json, key);
  g_string_append (json->s, value ? "true" : "false");
}

char *
sr_json_end (SrJson *json)
{
  g_string_append_c (json->s, '}');
  return g_strdup (json->s->str);
}

void
sr_json_free (SrJson *json)
{
  if (json == NULL)
    return;
  g_string_free (json->s, TRUE);
  g_free (json);
}

gboolean
sr_audit_write_as (SrContext   *ctx,
                   gint64       actor_id,
                   const char  *actor_label,
                   const char  *action,
                   const char  *table,
                   gint64       row_id,
                   const char  *before_json,
                   const char  *after_json,
                   GError     **error)
{
  g_autoptr(SrStmt) stmt = NULL;

  stmt = sr_db_prepare (sr_context_get_db (ctx),
                        "INSERT INTO audit_log (at, actor_id, actor_label, action, table_name, "
                        "row_id, before_json, after_json) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                        error);
  if (stmt == NULL)
    return FALSE;
  sr_stmt_bind_int (stmt, 1, sr_context_now (ctx));
  if (actor_id > 0)
    sr_stmt_bind_int (stmt, 2, actor_id);
  else
    sr_stmt_bind_null (stmt, 2);
  sr_stmt_bind_text (stmt, 3, actor_label);
  sr_stmt_bind_text (stmt, 4, action);
  sr_stmt_bind_text (stmt, 5, table);
  if (row_id > 0)
    sr_stmt_bind_int (stmt, 6, row_id);
  else
    sr_stmt_bind_null (stmt, 6);
  sr_stmt_bind_text (stmt, 7, before_json);
  sr_stmt_bind_text (stmt, 8, after_json);
  return sr_stmt_exec (stmt, error);
}

gboolean
sr_audit_write (SrContext   *ctx,
                const char  *action,
                const char  *table,
                gint64       row_id,
                const char  *before_json,
                const char  *after_json,
                GError     **error)
{
  SrSession *session = sr_context_get_session (ctx);

  if (session == NULL)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED, "no session for the audit log");
      return FALSE;
    }
  return sr_audit_write_as (ctx, sr_session_get_staff_id (session),
                            sr_session_get_actor_label (session),
                            action, table, row_id, before_json, after_json, error);
}

void
sr_audit_entry_free (SrAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->actor);
  g_free (entry->action);
  g_free (entry->table_name);
  g_free (entry->before_json);
  g_free (entry->after_json);
  g_free (entry);
}

GPtrArray *
sr_audit_list (SrContext   *ctx,
               const char  *table,
               guint        limit,
               GError     **error)
{
  SrAuditFilter filter = { 0 };

  filter.table = table;
  return sr_audit_find (ctx, &filter, limit, NULL, error);
}

char *
sr_audit_mask_text (const char *text)
{
  GString *out;
  const char *p;

  if (text == NULL)
    return NULL;
  out = g_string_sized_new (strlen (text));
  for (p = text; *p != '\0';)
    {
      gsize n = 0;
      if (!g_ascii_isdigit (*p))
        {
          g_string_append_c (out, *p++);
          continue;
        }
      while (g_ascii_isdigit (p[n]))
        n++;
      {
        g_autofree char *run = g_strndup (p, n + (n == 17 && (p[n] == 'X' || p[n] == 'x')));
        gsize len = strlen (run);
        g_autofree char *masked = NULL;
        /* A mobile (1…, 11 digits), a landline with its area code (0…, 10–12), an
         * ID-card number (18 characters, the last may be X). */
        if ((len == 11 && run[0] == '1') || (len >= 10 && len <= 12 && run[0] == '0'))
          masked = sr_phone_mask (run);
        else if (len == 18)
          masked = sr_id_card_mask (run);
        g_string_append (out, masked != NULL ? masked : run);
        p += len;
      }
    }
  return g_string_free (out, FALSE);
}

/* The WHERE of a filter, its parameters bound from ?1 on. */
static const char *
filter_where (void)
{
  return "WHERE (?1 = 0 OR actor_id = ?1) AND (?2 IS NULL OR action = ?2) AND (?3 IS NULL OR table_name = ?3) "
         "AND at >= ?4 AND at <= ?5 AND (?6 IS NULL OR instr (actor_label, ?6) > 0 OR instr (before_json, ?6) > 0 "
         "OR instr (after_json, ?6) > 0)";
}

static gboolean
bind_filter (SrStmt              *stmt,
             const SrAuditFilter *f,
             GError             **error)
{
  gint64 from = 0, to = G_MAXINT64, a = 0, b = 0;

  if (f->from_day != NULL && *f->from_day != '\0')
    {
      if (!sr_day_range_unix (f->from_day, f->from_day, &a, &b, error))
        return FALSE;
      from = a;
    }
  if (f->to_day != NULL && *f->to_day != '\0')
    {
      if (!sr_day_range_unix (f->to_day, f->to_day, &a, &b, error))
        return FALSE;
      to = b;
    }
  sr_stmt_bind_int (stmt, 1, f->actor_id);
  sr_stmt_bind_text (stmt, 2, f->action != NULL && *f->action != '\0' ? f->action : NULL);
  sr_stmt_bind_text (stmt, 3, f->table != NULL && *f->table != '\0' ? f->table : NULL);
  sr_stmt_bind_int (stmt, 4, from);
  sr_stmt_bind_int (stmt, 5, to);
  sr_stmt_bind_text (stmt, 6, f->text != NULL && *f->text != '\0' ? f->text : NULL);
  return TRUE;
}

static gboolean
may_see_numbers (SrContext *ctx)
{
  return sr_customers_may_see_phone (sr_context_get_session (ctx), 0);
}

GPtrArray *
sr_audit_find (SrContext           *ctx,
               const SrAuditFilter *filter,
               guint                limit,
               gint64              *out_total,
               GError             **error)
{
  SrAuditFilter none = { 0 };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) sr_audit_entry_free);
  g_autofree char *sql = NULL;
  g_autoptr(SrStmt) stmt = NULL;
  gboolean plain;
  SrStep step;

  if (!sr_context_check (ctx, SR_ACTION_VIEW_AUDIT, error))
    return NULL;
  if (filter == NULL)
    filter = &none;
  plain = may_see_numbers (ctx);
  if (out_total != NULL)
    {
      g_autofree char *count = g_strdup_printf ("SELECT count(*) FROM audit_log %s", filter_where ());
      g_autoptr(SrStmt) c = sr_db_prepare (sr_context_get_db (ctx), count, error);
      if (c == NULL || !bind_filter (c, filter, error) || sr_stmt_step (c, error) != SR_STEP_ROW)
        return NULL;
      *out_total = sr_stmt_get_int (c, 0);
    }
  sql = g_strdup_printf ("SELECT id, at, actor_label, action, table_name, row_id, before_json, after_json "
                         "FROM audit_log %s ORDER BY at DESC, id DESC LIMIT ?7", filter_where ());
  stmt = sr_db_prepare (sr_context_get_db (ctx), sql, error);
  if (stmt == NULL || !bind_filter (stmt, filter, error))
    return NULL;
  sr_stmt_bind_int (stmt, 7, limit > 0 ? limit : G_MAXINT32);
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      SrAuditEntry *e = g_new0 (SrAuditEntry, 1);
      e->id = sr_stmt_get_int (stmt, 0);
      e->at = sr_stmt_get_int (stmt, 1);
      e->actor = sr_stmt_dup_text (stmt, 2);
      e->action = sr_stmt_dup_text (stmt, 3);
      e->table_name = sr_stmt_dup_text (stmt, 4);
      e->row_id = sr_stmt_get_int (stmt, 5);
      e->before_json = plain ? sr_stmt_dup_text (stmt, 6) : sr_audit_mask_text (sr_stmt_get_text (stmt, 6));
      e->after_json = plain ? sr_stmt_dup_text (stmt, 7) : sr_audit_mask_text (sr_stmt_get_text (stmt, 7));
      g_ptr_array_add (rows, e);
    }
  if (step == SR_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&rows);
}

GStrv
sr_audit_actions (SrContext  *ctx,
                  GError    **error)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  g_autoptr(SrStmt) stmt = NULL;
  SrStep step;

  if (!sr_context_check (ctx, SR_ACTION_VIEW_AUDIT, error))
    return NULL;
  stmt = sr_db_prepare (sr_context_get_db (ctx), "SELECT DISTINCT action FROM audit_log ORDER BY action", error);
  if (stmt == NULL)
    return NULL;
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    g_strv_builder_add (b, sr_stmt_get_text (stmt, 0));
  if (step == SR_STEP_ERROR)
    return NULL;
  return g_strv_builder_end (b);
}

/* A CSV field: quoted when it holds a comma, quote or line break; a leading =, +, - or @
 * gets a quote mark in front so no spreadsheet takes it for a formula. */
static void
csv_field (GString    *line,
           const char *value,
           gboolean    last)
{
  const char *v = value != NULL ? value : "";
  gboolean formula = *v == '=' || *v == '+' || *v == '-' || *v == '@';

  if (formula || strpbrk (v, ",\"\r\n") != NULL)
    {
      g_string_append_c (line, '"');
      if (formula)
        g_string_append_c (line, '\'');
      for (const char *p = v; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (line, '"');
          g_string_append_c (line, *p);
        }
      g_string_append_c (line, '"');
    }
  else
    g_string_append (line, v);
  g_string_append (line, last ? "\r\n" : ",");
}

gint64
sr_audit_export_csv (SrContext           *ctx,
                     const SrAuditFilter *filter,
                     const char          *path,
                     GError             **error)
{
  g_autoptr(GPtrArray) rows = sr_audit_find (ctx, filter, 0, NULL, error);
  GString *out;
  gboolean ok;

  if (rows == NULL)
    return -1;
  out = g_string_new ("\xEF\xBB\xBF");
  csv_field (out, _("Time"), FALSE);
  csv_field (out, _("Who"), FALSE);
  csv_field (out, _("Action"), FALSE);
  csv_field (out, _("Table"), FALSE);
  csv_field (out, _("Row"), FALSE);
  csv_field (out, _("Before"), FALSE);
  csv_field (out, _("After"), TRUE);
  for (guint i = 0; i < rows->len; i++)
    {
      SrAuditEntry *e = rows->pdata[i];
      g_autoptr(GDateTime) t = g_date_time_new_from_unix_local (e->at);
      g_autofree char *when = g_date_time_format (t, "%Y-%m-%d %H:%M:%S");
      g_autofree char *row = e->row_id > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, e->row_id) : g_strdup ("");
      csv_field (out, when, FALSE);
      csv_field (out, e->actor, FALSE);
      csv_field (out, sr_audit_action_get_label (e->action), FALSE);
      csv_field (out, sr_audit_table_get_label (e->table_name), FALSE);
      csv_field (out, row, FALSE);
      csv_field (out, e->before_json, FALSE);
      csv_field (out, e->after_json, TRUE);
    }
  ok = sr_file_write_private (path, out->str, out->len, error);
  g_string_free (out, TRUE);
  return ok ? (gint64) rows->len : -1;
}

typedef struct {
  const char *code;
  const char *label;
} AuditLabel;

static const AuditLabel action_labels[] = {
  { "acceptance", N_("Internal acceptance") },
  { "add", N_("Added") },
  { "add-housekeeper", N_("Housekeeper added") },
  { "add-quote", N_("Quote added") },
  { "approved", N_("Approved") },
  { "attach-file", N_("File attached") },
  { "backup", N_("Backup") },
  { "book", N_("Booked") },
  { "cancel", N_("Cancelled") },
  { "cancelled", N_("Cancelled") },
  { "change-unit", N_("Unit changed") },
  { "clear", N_("Cleared") },
  { "closed", N_("Closed") },
  { "confirm", N_("Confirmed") },
  { "contract", N_("Contract entered") },
  { "cost-approved", N_("Cost approved") },
  { "costed", N_("Cost worked out") },
  { "create", N_("Created") },
  { "delay", N_("Payment delayed") },
  { "delivered", N_("Delivered") },
  { "demo", N_("Demo written") },
  { "disable", N_("Disabled") },
  { "discount", N_("Discount") },
  { "dispatch", N_("Dispatched") },
  { "done", N_("Done") },
  { "edit-housekeeper", N_("Housekeeper edited") },
  { "end-placement", N_("Placement ended") },
  { "expire", N_("Reservation ran out") },
  { "export", N_("Exported") },
  { "finish-training", N_("Training finished") },
  { "hold", N_("Withheld") },
  { "housekeeper-left", N_("Housekeeper left") },
  { "import", N_("Imported") },
  { "intention", N_("Intention money") },
  { "interview-failed", N_("Interview failed") },
  { "interview-passed", N_("Interview passed") },
  { "level", N_("Level set") },
  { "move", N_("Stage moved") },
  { "moved-in", N_("Moved in") },
  { "open", N_("Opened") },
  { "paid", N_("Paid off") },
  { "pending", N_("Requested") },
  { "place-housekeeper", N_("Housekeeper placed") },
  { "progress", N_("Progress") },
  { "propose-housekeeper", N_("Housekeeper proposed") },
  { "proposed", N_("Solution proposed") },
  { "receipt", N_("Receipt") },
  { "record", N_("Recorded") },
  { "reject", N_("Rejected") },
  { "release", N_("Released") },
  { "remove-file", N_("File removed") },
  { "rename", N_("Renamed") },
  { "replace-housekeeper", N_("Housekeeper replaced") },
  { "report", N_("Reported") },
  { "request", N_("Subscription requested") },
  { "restore", N_("Restored") },
  { "return-visit", N_("Return visit") },
  { "set", N_("Setting changed") },
  { "set-deadline", N_("Deadline set") },
  { "set-order", N_("Order set") },
  { "set-team", N_("Group set") },
  { "sign-in", N_("Signed in") },
  { "sign-in-failed", N_("Sign-in failed") },
  { "signed", N_("Signed") },
  { "start-retraining", N_("Retraining started") },
  { "start-training", N_("Training started") },
  { "subscribed", N_("Subscribed") },
  { "suspend", N_("Suspended") },
  { "target", N_("Target set") },
  { "told", N_("Owner told") },
  { "transfer", N_("Transferred") },
  { "update", N_("Changed") },
  { "void", N_("Voided") },
};

static const AuditLabel table_labels[] = {
  { "appointments", N_("Appointments") },
  { "attachments", N_("Files") },
  { "bookings", N_("Bookings") },
  { "buildings", N_("Buildings") },
  { "candidates", N_("Candidates") },
  { "customers", N_("Customers") },
  { "deals", N_("Deals") },
  { "feedback", N_("Feedback") },
  { "follow_ups", N_("Follow-ups") },
  { "housekeepers", N_("Housekeepers") },
  { "media_sources", N_("Media sources") },
  { "office", N_("Office") },
  { "placements", N_("Placements") },
  { "plan_items", N_("Payment plans") },
  { "problems", N_("Problems") },
  { "projects", N_("Projects") },
  { "quotes", N_("Quotes") },
  { "receipts", N_("Receipts") },
  { "registers", N_("Registers") },
  { "reported_money", N_("Reported money") },
  { "rotation_events", N_("Rotation") },
  { "rotation_orders", N_("Rotation order") },
  { "rotation_suspensions", N_("Suspensions") },
  { "settings", N_("Settings") },
  { "staff", N_("Staff") },
  { "stages", N_("Stages") },
  { "trainings", N_("Trainings") },
  { "units", N_("Units") },
};

static const char *
label_of (const AuditLabel *labels,
          gsize             n,
          const char       *code)
{
  for (gsize i = 0; code != NULL && i < n; i++)
    if (strcmp (labels[i].code, code) == 0)
      return _(labels[i].label);
  return code;
}

const char *
sr_audit_action_get_label (const char *action)
{
  return label_of (action_labels, G_N_ELEMENTS (action_labels), action);
}

const char *
sr_audit_table_get_label (const char *table)
{
  return label_of (table_labels, G_N_ELEMENTS (table_labels), table);
}

gboolean
sr_file_write_private (const char  *path,
                       const char  *data,
                       gsize        len,
                       GError     **error)
{
  g_autofree char *tmp = g_strconcat (path, ".partial", NULL);

  if (!g_file_set_contents_full (tmp, data, (gssize) len, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    return FALSE;
  if (g_rename (tmp, path) != 0)
    {
      g_set_error (error, SR_STORE_ERROR, SR_STORE_ERROR_IO, _("%s could not be written: %s"), path, g_strerror (errno));
      g_unlink (tmp);
      return FALSE;
    }
  return TRUE;
}
