/* sr-ledger.c — see sr-ledger.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sr-audit.h"
#include "sr-deals-private.h"
#include "sr-deals.h"
#include "sr-error.h"
#include "sr-ledger.h"

void
sr_late_row_free (SrLateRow *row)
{
  if (row == NULL)
    return;
  g_free (row->customer_name);
  g_free (row->unit_label);
  g_free (row->consultant);
  g_free (row->kind);
  g_free (row->day);
  g_free (row);
}

static int
days_between (const char *from,
              const char *to)
{
  GDate a, b;

  if (!sr_day_parse (from, &a) || !sr_day_parse (to, &b))
    return 0;
  return g_date_days_between (&a, &b);
}

#define UNIT_LABEL SR_DEAL_LABEL_SQL

/* Open items due before ?1 on live sales; ?2 one consultant's (0 everyone's); ?3 a text
 * in the customer's name, unit or contract ('' every one). */
#define OVERDUE_FROM \
  /* CROSS JOIN: the open items first, through their partial index, not every item of \
   * every live sale. */ \
  "FROM plan_items p CROSS JOIN deals d ON d.id = p.deal_id " \
  "JOIN customers c ON c.id = d.customer_id " \
  "LEFT JOIN units u ON u.id = d.unit_id LEFT JOIN buildings b ON b.id = u.building_id " \
  "WHERE p.due_day < ?1 AND p.paid_fen < p.amount_fen " \
  " AND d.state IN ('subscribed', 'signed', 'delivered') " \
  " AND (?2 = 0 OR d.owner_id = ?2) " \
  " AND (?3 = '' OR instr (c.name || ' · ' || " UNIT_LABEL ", ?3) > 0) "

GPtrArray *
sr_ledger_overdue_find (SrContext   *ctx,
                        gint64       owner_id,
                        const char  *needle,
                        guint        limit,
                        guint       *out_total,
                        GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  g_autofree char *today = sr_clock_today (sr_context_get_clock (ctx));
  const char *text = needle != NULL ? needle : "";
  g_autoptr(SrStmt) stmt = sr_db_prepare (db,
                                          "SELECT d.id, coalesce (d.unit_id, 0), c.id, c.name, " UNIT_LABEL ", "
                                          " (SELECT s.display_name FROM staff s WHERE s.id = d.owner_id), "
                                          " p.id, p.kind, p.due_day, p.amount_fen - p.paid_fen AS open "
                                          OVERDUE_FROM "ORDER BY p.due_day, d.id LIMIT ?4", error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) sr_late_row_free);
  SrStep step;

  if (stmt == NULL)
    return NULL;
  sr_stmt_bind_text (stmt, 1, today);
  sr_stmt_bind_int (stmt, 2, owner_id);
  sr_stmt_bind_text (stmt, 3, text);
  sr_stmt_bind_int (stmt, 4, limit > 0 ? (gint64) limit : -1);
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      SrLateRow *r = g_new0 (SrLateRow, 1);
      r->deal_id = sr_stmt_get_int (stmt, 0);
      r->unit_id = sr_stmt_get_int (stmt, 1);
      r->customer_id = sr_stmt_get_int (stmt, 2);
      r->customer_name = sr_stmt_dup_text (stmt, 3);
      r->unit_label = sr_stmt_dup_text (stmt, 4);
      r->consultant = sr_stmt_dup_text (stmt, 5);
      r->item_id = sr_stmt_get_int (stmt, 6);
      r->kind = sr_stmt_dup_text (stmt, 7);
      r->day = sr_stmt_dup_text (stmt, 8);
      r->open_fen = sr_stmt_get_int (stmt, 9);
      r->days_late = days_between (r->day, today);
      g_ptr_array_add (rows, r);
    }
  if (step == SR_STEP_ERROR)
    return NULL;
  if (out_total != NULL)
    {
      gint64 total = rows->len;
      if (limit > 0 && rows->len >= limit &&
          !sr_db_get_int (db, &total, error, "SELECT count(*) " OVERDUE_FROM, "tit", today, owner_id, text))
        return NULL;
      *out_total = (guint) total;
    }
  return g_steal_pointer (&rows);
}

GPtrArray *
sr_ledger_overdue (SrContext  *ctx,
                   gint64      owner_id,
                   GError    **error)
{
  return sr_ledger_overdue_find (ctx, owner_id, NULL, 2000, NULL, error);
}

GPtrArray *
sr_ledger_unsigned (SrContext  *ctx,
                    gint64      owner_id,
                    GError    **error)
{
  g_autofree char *today = sr_clock_today (sr_context_get_clock (ctx));
  g_autoptr(SrStmt) stmt = sr_db_prepare (sr_context_get_db (ctx),
                                          "SELECT d.id, coalesce (d.unit_id, 0), c.id, c.name, " UNIT_LABEL ", s.display_name, "
                                          " k.sign_by_day, coalesce (k.deposit_fen, 0) "
                                          "FROM deals d JOIN bookings k ON k.deal_id = d.id AND k.state = 'subscribed' "
                                          "JOIN customers c ON c.id = d.customer_id "
                                          "LEFT JOIN units u ON u.id = d.unit_id LEFT JOIN buildings b ON b.id = u.building_id "
                                          "LEFT JOIN staff s ON s.id = d.owner_id "
                                          "WHERE d.state = 'subscribed' AND k.sign_by_day < ?1 AND (?2 = 0 OR d.owner_id = ?2) "
                                          "ORDER BY k.sign_by_day, d.id", error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) sr_late_row_free);
  SrStep step;

  if (stmt == NULL)
    return NULL;
  sr_stmt_bind_text (stmt, 1, today);
  sr_stmt_bind_int (stmt, 2, owner_id);
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      SrLateRow *r = g_new0 (SrLateRow, 1);
      r->deal_id = sr_stmt_get_int (stmt, 0);
      r->unit_id = sr_stmt_get_int (stmt, 1);
      r->customer_id = sr_stmt_get_int (stmt, 2);
      r->customer_name = sr_stmt_dup_text (stmt, 3);
      r->unit_label = sr_stmt_dup_text (stmt, 4);
      r->consultant = sr_stmt_dup_text (stmt, 5);
      r->day = sr_stmt_dup_text (stmt, 6);
      r->deposit_fen = sr_stmt_get_int (stmt, 7);
      r->days_late = days_between (r->day, today);
      g_ptr_array_add (rows, r);
    }
  return step == SR_STEP_ERROR ? NULL : g_steal_pointer (&rows);
}

gboolean
sr_plan_item_delay (SrContext   *ctx,
                    gint64       item_id,
                    const char  *new_day,
                    const char  *reason,
                    GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  g_autofree char *why = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  g_autofree char *old_day = NULL;
  g_autoptr(SrJson) json = sr_json_new ();
  g_autofree char *after = NULL;
  GDate date;
  gboolean ok;

  if (!sr_context_check (ctx, SR_ACTION_APPROVE_TERMS, error))
    return FALSE;
  if (new_day == NULL || !sr_day_parse (new_day, &date) || *why == '\0')
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                   *why == '\0' ? _("Say why the payment is delayed.") : _("Give the new due date (YYYY-MM-DD)."));
      return FALSE;
    }
  if (!sr_db_begin (db, error))
    return FALSE;
  {
    g_autoptr(SrStmt) stmt = sr_db_prepare (db, "SELECT due_day FROM plan_items WHERE id = ?1", error);
    if (stmt == NULL)
      goto fail;
    sr_stmt_bind_int (stmt, 1, item_id);
    if (sr_stmt_step (stmt, error) == SR_STEP_ROW)
      old_day = sr_stmt_dup_text (stmt, 0);
  }
  if (old_day == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_NOT_FOUND, _("No such item of the plan."));
      goto fail;
    }
  if (g_strcmp0 (new_day, old_day) <= 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                   _("A delay moves the due date later than %s."), old_day);
      goto fail;
    }
  sr_json_add_text (json, "from", old_day);
  sr_json_add_text (json, "to", new_day);
  sr_json_add_text (json, "reason", why);
  after = sr_json_end (json);
  ok = sr_db_run (db, error, "INSERT INTO plan_item_delays (plan_item_id, from_day, to_day, reason, approved_by, at) "
                  "VALUES (?1, ?2, ?3, ?4, nullif (?5, 0), ?6)", "itttii", item_id, old_day, new_day, why,
                  sr_deals_staff (ctx), sr_context_now (ctx)) &&
       sr_db_run (db, error, "UPDATE plan_items SET due_day = ?2 WHERE id = ?1", "it", item_id, new_day) &&
       sr_audit_write (ctx, "delay", "plan_items", item_id, NULL, after, error);
  return sr_deals_finish (ctx, ok, error);

fail:
  sr_db_rollback (db);
  return FALSE;
}

void
sr_day_receipt_free (SrDayReceipt *receipt)
{
  if (receipt == NULL)
    return;
  g_free (receipt->number);
  g_free (receipt->customer_name);
  g_free (receipt->unit_label);
  g_free (receipt->kind);
  g_free (receipt->method);
  g_free (receipt);
}

GPtrArray *
sr_receipts_for_day (SrContext   *ctx,
                     const char  *day,
                     GError     **error)
{
  g_autoptr(SrStmt) stmt = sr_db_prepare (sr_context_get_db (ctx),
                                          "SELECT r.id, r.year, r.number, c.name, " UNIT_LABEL ", r.kind, r.method, "
                                          " r.amount_fen, r.voided_at IS NOT NULL FROM receipts r "
                                          "JOIN deals d ON d.id = r.deal_id JOIN customers c ON c.id = d.customer_id "
                                          "LEFT JOIN units u ON u.id = d.unit_id LEFT JOIN buildings b ON b.id = u.building_id "
                                          "WHERE r.day = ?1 ORDER BY r.year, r.number", error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) sr_day_receipt_free);
  SrStep step;

  if (stmt == NULL)
    return NULL;
  sr_stmt_bind_text (stmt, 1, day);
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      SrDayReceipt *r = g_new0 (SrDayReceipt, 1);
      r->id = sr_stmt_get_int (stmt, 0);
      r->number = sr_receipt_format_number (sr_stmt_get_int (stmt, 1), sr_stmt_get_int (stmt, 2));
      r->customer_name = sr_stmt_dup_text (stmt, 3);
      r->unit_label = sr_stmt_dup_text (stmt, 4);
      r->kind = sr_stmt_dup_text (stmt, 5);
      r->method = sr_stmt_dup_text (stmt, 6);
      r->amount_fen = sr_stmt_get_int (stmt, 7);
      r->is_voided = sr_stmt_get_int (stmt, 8) != 0;
      g_ptr_array_add (rows, r);
    }
  return step == SR_STEP_ERROR ? NULL : g_steal_pointer (&rows);
}
