/* sr-quotes.c — see sr-quotes.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sr-audit.h"
#include "sr-customers-private.h"
#include "sr-error.h"
#include "sr-quotes.h"

void
sr_quote_free (SrQuote *quote)
{
  if (quote == NULL)
    return;
  g_free (quote->note);
  g_free (quote->by_name);
  g_free (quote);
}

void
sr_attachment_free (SrAttachment *attachment)
{
  if (attachment == NULL)
    return;
  g_free (attachment->kind);
  g_free (attachment->file_name);
  g_free (attachment->content_type);
  g_free (attachment->by_name);
  g_clear_pointer (&attachment->thumbnail, g_bytes_unref);
  g_free (attachment);
}

const char *
sr_attachment_kind_get_label (const char *kind)
{
  if (g_strcmp0 (kind, "rendering") == 0)
    return _("Rendering");
  if (g_strcmp0 (kind, "drawing") == 0)
    return _("Drawing");
  return kind;
}

/* The customer must be live, and the signed-in person their owner or a supervisor. */
static gboolean
check_customer (SrContext   *ctx,
                gint64       customer_id,
                GError     **error)
{
  gint64 owner = 0;

  return sr_context_check (ctx, SR_ACTION_FOLLOW_UP, error) &&
         sr_customers_read_owner (ctx, customer_id, &owner, error) &&
         sr_customers_check_owner (ctx, owner, _("This is another consultant’s customer: their quotes and drawings are the owner’s."),
                                   error);
}

int
sr_quotes_add (SrContext   *ctx,
               gint64       customer_id,
               SrFen        amount_fen,
               const char  *note,
               GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  g_autofree char *clean = g_strstrip (g_strdup (note != NULL ? note : ""));
  g_autoptr(SrJson) json = sr_json_new ();
  g_autofree char *after = NULL;
  gint64 version = 0, id = 0;

  if (amount_fen <= 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("A quote needs its amount, more than ¥0."));
      return 0;
    }
  if (!sr_db_begin (db, error))
    return 0;
  if (!check_customer (ctx, customer_id, error) ||
      !sr_db_get_int (db, &version, error, "SELECT coalesce (max (version), 0) + 1 FROM quotes WHERE customer_id = ?1",
                      "i", customer_id) ||
      !sr_db_get_int (db, &id, error, "INSERT INTO quotes (customer_id, version, amount_fen, note, by_id, at) "
                      "VALUES (?1, ?2, ?3, nullif (?4, ''), nullif (?5, 0), ?6) RETURNING id", "iiitii", customer_id,
                      version, (gint64) amount_fen, clean, sr_session_get_staff_id (sr_context_get_session (ctx)),
                      sr_context_now (ctx)))
    goto fail;
  sr_json_add_int (json, "customer_id", customer_id);
  sr_json_add_int (json, "version", version);
  sr_json_add_int (json, "amount_fen", amount_fen);
  after = sr_json_end (json);
  if (!sr_audit_write (ctx, "add-quote", "quotes", id, NULL, after, error) || !sr_db_commit (db, error))
    goto fail;
  sr_context_emit_changed (ctx, "quotes");
  return (int) version;

fail:
  sr_db_rollback (db);
  return 0;
}

GPtrArray *
sr_quotes_list (SrContext   *ctx,
                gint64       customer_id,
                GError     **error)
{
  g_autoptr(SrStmt) stmt = sr_db_prepare (sr_context_get_db (ctx),
                                          "SELECT q.id, q.version, q.amount_fen, q.note, s.display_name, q.at FROM quotes q "
                                          "LEFT JOIN staff s ON s.id = q.by_id WHERE q.customer_id = ?1 "
                                          "ORDER BY q.version DESC", error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) sr_quote_free);
  SrStep step;

  if (stmt == NULL)
    return NULL;
  sr_stmt_bind_int (stmt, 1, customer_id);
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      SrQuote *q = g_new0 (SrQuote, 1);
      q->id = sr_stmt_get_int (stmt, 0);
      q->version = (int) sr_stmt_get_int (stmt, 1);
      q->amount_fen = sr_stmt_get_int (stmt, 2);
      q->note = sr_stmt_dup_text (stmt, 3);
      q->by_name = sr_stmt_dup_text (stmt, 4);
      q->at = sr_stmt_get_int (stmt, 5);
      g_ptr_array_add (rows, q);
    }
  if (step == SR_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&rows);
}

gint64
sr_attachments_add (SrContext   *ctx,
                    gint64       customer_id,
                    const char  *kind,
                    const char  *file_name,
                    const char  *content_type,
                    GBytes      *data,
                    GBytes      *thumbnail,
                    GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  g_autofree char *base = file_name != NULL ? g_path_get_basename (file_name) : NULL;
  g_autoptr(SrStmt) stmt = NULL;
  g_autoptr(SrJson) json = sr_json_new ();
  g_autofree char *after = NULL;
  gsize size = data != NULL ? g_bytes_get_size (data) : 0;
  gint64 id = 0;

  if (g_strcmp0 (kind, "rendering") != 0 && g_strcmp0 (kind, "drawing") != 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("Say whether the file is a rendering or a drawing."));
      return 0;
    }
  if (base == NULL || *g_strstrip (base) == '\0' || g_strcmp0 (base, ".") == 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("The file needs a name."));
      return 0;
    }
  if (size == 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("The file “%s” is empty."), base);
      return 0;
    }
  if (size > SR_ATTACHMENT_MAX_SIZE)
    {
      g_autofree char *mb = g_strdup_printf ("%.1f", size / (1024.0 * 1024.0));
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                   _("The file “%s” is %s MB; files of at most %d MB can be attached."), base, mb,
                   SR_ATTACHMENT_MAX_SIZE / (1024 * 1024));
      return 0;
    }
  if (!sr_db_begin (db, error))
    return 0;
  if (!check_customer (ctx, customer_id, error))
    goto fail;
  stmt = sr_db_prepare (db, "INSERT INTO attachments (customer_id, kind, file_name, content_type, size, by_id, at, "
                        "thumbnail, data) VALUES (?1, ?2, ?3, ?4, ?5, nullif (?6, 0), ?7, ?8, ?9) RETURNING id", error);
  if (stmt == NULL)
    goto fail;
  sr_stmt_bind_int (stmt, 1, customer_id);
  sr_stmt_bind_text (stmt, 2, kind);
  sr_stmt_bind_text (stmt, 3, base);
  sr_stmt_bind_text (stmt, 4, content_type != NULL && *content_type != '\0' ? content_type : "application/octet-stream");
  sr_stmt_bind_int (stmt, 5, (gint64) size);
  sr_stmt_bind_int (stmt, 6, sr_session_get_staff_id (sr_context_get_session (ctx)));
  sr_stmt_bind_int (stmt, 7, sr_context_now (ctx));
  sr_stmt_bind_blob (stmt, 8, thumbnail);
  sr_stmt_bind_blob (stmt, 9, data);
  if (sr_stmt_step (stmt, error) != SR_STEP_ROW)
    goto fail;
  id = sr_stmt_get_int (stmt, 0);
  g_clear_pointer (&stmt, sr_stmt_done);
  sr_json_add_int (json, "customer_id", customer_id);
  sr_json_add_text (json, "kind", kind);
  sr_json_add_text (json, "file_name", base);
  sr_json_add_int (json, "size", (gint64) size);
  after = sr_json_end (json);
  if (!sr_audit_write (ctx, "attach-file", "attachments", id, NULL, after, error) || !sr_db_commit (db, error))
    goto fail;
  sr_context_emit_changed (ctx, "attachments");
  return id;

fail:
  g_clear_pointer (&stmt, sr_stmt_done);
  sr_db_rollback (db);
  return 0;
}

GPtrArray *
sr_attachments_list (SrContext   *ctx,
                     gint64       customer_id,
                     GError     **error)
{
  g_autoptr(SrStmt) stmt = sr_db_prepare (sr_context_get_db (ctx),
                                          "SELECT a.id, a.kind, a.file_name, a.content_type, a.size, s.display_name, a.at, "
                                          "a.thumbnail FROM attachments a LEFT JOIN staff s ON s.id = a.by_id "
                                          "WHERE a.customer_id = ?1 AND a.is_voided = 0 ORDER BY a.id DESC", error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) sr_attachment_free);
  SrStep step;

  if (stmt == NULL)
    return NULL;
  sr_stmt_bind_int (stmt, 1, customer_id);
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      SrAttachment *a = g_new0 (SrAttachment, 1);
      a->id = sr_stmt_get_int (stmt, 0);
      a->kind = sr_stmt_dup_text (stmt, 1);
      a->file_name = sr_stmt_dup_text (stmt, 2);
      a->content_type = sr_stmt_dup_text (stmt, 3);
      a->size = sr_stmt_get_int (stmt, 4);
      a->by_name = sr_stmt_dup_text (stmt, 5);
      a->at = sr_stmt_get_int (stmt, 6);
      a->thumbnail = sr_stmt_dup_blob (stmt, 7);
      g_ptr_array_add (rows, a);
    }
  if (step == SR_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&rows);
}

GBytes *
sr_attachments_read (SrContext   *ctx,
                     gint64       attachment_id,
                     char       **out_file_name,
                     GError     **error)
{
  g_autoptr(SrStmt) stmt = sr_db_prepare (sr_context_get_db (ctx),
                                          "SELECT file_name, data FROM attachments WHERE id = ?1 AND is_voided = 0", error);
  SrStep step;

  if (stmt == NULL)
    return NULL;
  sr_stmt_bind_int (stmt, 1, attachment_id);
  step = sr_stmt_step (stmt, error);
  if (step == SR_STEP_DONE)
    g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_NOT_FOUND, _("No such file: it may have been removed."));
  if (step != SR_STEP_ROW)
    return NULL;
  if (out_file_name != NULL)
    *out_file_name = sr_stmt_dup_text (stmt, 0);
  return sr_stmt_dup_blob (stmt, 1);
}

gboolean
sr_attachments_void (SrContext   *ctx,
                     gint64       attachment_id,
                     GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  gint64 customer = 0;

  if (!sr_db_begin (db, error))
    return FALSE;
  if (!sr_db_get_int (db, &customer, error, "SELECT customer_id FROM attachments WHERE id = ?1 AND is_voided = 0",
                      "i", attachment_id))
    goto fail;
  if (customer == 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_NOT_FOUND, _("No such file: it may have been removed."));
      goto fail;
    }
  if (!check_customer (ctx, customer, error) ||
      !sr_db_run (db, error, "UPDATE attachments SET is_voided = 1, voided_by = nullif (?2, 0) WHERE id = ?1", "ii",
                  attachment_id, sr_session_get_staff_id (sr_context_get_session (ctx))) ||
      !sr_audit_write (ctx, "remove-file", "attachments", attachment_id, NULL, NULL, error) ||
      !sr_db_commit (db, error))
    goto fail;
  sr_context_emit_changed (ctx, "attachments");
  return TRUE;

fail:
  sr_db_rollback (db);
  return FALSE;
}
