/* sr-money-reports.c — see sr-money-reports.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sr-audit.h"
#include "sr-deal-steps.h"
#include "sr-deals-private.h"
#include "sr-error.h"
#include "sr-money-reports.h"

void
sr_money_report_free (SrMoneyReport *report)
{
  if (report == NULL)
    return;
  g_free (report->customer_name);
  g_free (report->deal_label);
  g_free (report->method);
  g_free (report->day);
  g_free (report->note);
  g_free (report->reported_by);
  g_free (report->state);
  g_free (report->reject_reason);
  g_free (report);
}

gint64
sr_money_report_add (SrContext   *ctx,
                     gint64       deal_id,
                     SrFen        amount_fen,
                     const char  *method,
                     const char  *day,
                     const char  *note,
                     GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  SrSession *session = sr_context_get_session (ctx);
  g_autofree char *state = NULL;
  g_autoptr(SrJson) json = sr_json_new ();
  g_autofree char *after = NULL;
  gint64 customer = 0, owner = 0, id = 0;
  SrFen due = 0, waiting = 0;

  if (!sr_context_check (ctx, SR_ACTION_REPORT_MONEY, error))
    return 0;
  if (amount_fen <= 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("Give the amount."));
      return 0;
    }
  if (!sr_deals_check_method (method, error) || !sr_deals_check_day (ctx, day, error) || !sr_db_begin (db, error))
    return 0;
  if (!sr_deals_read (ctx, deal_id, &state, &customer, NULL, NULL, error) ||
      !sr_deals_expect_state (state, "subscribed signed delivered",
                              _("Money toward the price is taken once the deposit is confirmed."), error) ||
      !sr_db_get_int (db, &owner, error, "SELECT coalesce (owner_id, 0) FROM customers WHERE id = ?1", "i", customer) ||
      !sr_deals_due (ctx, deal_id, &due, error) ||
      !sr_db_get_int (db, &waiting, error, "SELECT coalesce (sum (amount_fen), 0) FROM reported_money "
                      "WHERE deal_id = ?1 AND state = 'waiting'", "i", deal_id))
    goto fail;
  /* A consultant reports money of their own customers; others anyone's. */
  if (!(sr_session_get_roles (session) & (SR_ROLE_CUSTOMER_MANAGER | SR_ROLE_SALES_CONTROLLER | SR_ROLE_MANAGER)) &&
      owner != sr_session_get_staff_id (session))
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED,
                   _("This is another consultant’s customer: their money is reported by the owner."));
      goto fail;
    }
  if (amount_fen > due - waiting)
    {
      g_autofree char *money = sr_money_format (MAX (due - waiting, 0));
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                   _("Only %s is still due on the plan, counting what waits for finance."), money);
      goto fail;
    }
  if (!sr_db_get_int (db, &id, error,
                      "INSERT INTO reported_money (deal_id, amount_fen, method, day, note, reported_by, reported_at) "
                      "VALUES (?1, ?2, ?3, ?4, nullif (trim (?5), ''), nullif (?6, 0), ?7) RETURNING id",
                      "iitttii", deal_id, amount_fen, method, day, note != NULL ? note : "",
                      sr_deals_staff (ctx), sr_context_now (ctx)))
    goto fail;
  sr_json_add_int (json, "deal_id", deal_id);
  sr_json_add_int (json, "amount_fen", amount_fen);
  sr_json_add_text (json, "method", method);
  after = sr_json_end (json);
  if (!sr_audit_write (ctx, "report", "reported_money", id, NULL, after, error))
    goto fail;
  return sr_deals_finish (ctx, TRUE, error) ? id : 0;

fail:
  sr_db_rollback (sr_context_get_db (ctx));
  return 0;
}

/* The report's deal and state, checked to be waiting. */
static gboolean
read_waiting (SrContext  *ctx,
              gint64      report_id,
              gint64     *out_deal,
              GError    **error)
{
  g_autoptr(SrStmt) stmt = sr_db_prepare (sr_context_get_db (ctx), "SELECT deal_id, state FROM reported_money "
                                          "WHERE id = ?1", error);
  SrStep step;

  if (stmt == NULL)
    return FALSE;
  sr_stmt_bind_int (stmt, 1, report_id);
  step = sr_stmt_step (stmt, error);
  if (step == SR_STEP_DONE)
    g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_NOT_FOUND, _("No such report of money."));
  if (step != SR_STEP_ROW)
    return FALSE;
  if (g_strcmp0 (sr_stmt_get_text (stmt, 1), "waiting") != 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT, _("This money has already been confirmed or rejected."));
      return FALSE;
    }
  *out_deal = sr_stmt_get_int (stmt, 0);
  return TRUE;
}

gboolean
sr_money_report_confirm (SrContext   *ctx,
                         gint64       report_id,
                         gboolean     keep_advance,
                         char       **out_receipt_no,
                         GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  g_autoptr(SrStmt) stmt = NULL;
  g_autofree char *method = NULL;
  g_autofree char *day = NULL;
  g_autofree char *number = NULL;
  gint64 deal = 0, reporter = 0, receipt = 0;
  SrFen amount = 0;
  gboolean ok;

  if (!sr_context_check (ctx, SR_ACTION_RECORD_MONEY, error) || !sr_db_begin (db, error))
    return FALSE;
  if (!read_waiting (ctx, report_id, &deal, error))
    goto fail;
  stmt = sr_db_prepare (db, "SELECT amount_fen, method, day, coalesce (reported_by, 0) FROM reported_money "
                        "WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sr_stmt_bind_int (stmt, 1, report_id);
  if (sr_stmt_step (stmt, error) != SR_STEP_ROW)
    goto fail;
  amount = sr_stmt_get_int (stmt, 0);
  method = sr_stmt_dup_text (stmt, 1);
  day = sr_stmt_dup_text (stmt, 2);
  reporter = sr_stmt_get_int (stmt, 3);
  g_clear_pointer (&stmt, sr_stmt_done);
  if (!sr_deals_record_payment (ctx, deal, amount, method, day, keep_advance, &number, error) ||
      !sr_db_get_int (db, &receipt, error, "SELECT max (id) FROM receipts WHERE deal_id = ?1", "i", deal))
    goto fail;
  ok = sr_db_run (db, error, "UPDATE receipts SET recorded_by = nullif (?2, 0) WHERE id = ?1", "ii", receipt,
                  reporter) &&
       sr_db_run (db, error, "UPDATE reported_money SET state = 'confirmed', receipt_id = ?2, decided_by = nullif (?3, 0), "
                  "decided_at = ?4 WHERE id = ?1", "iiii", report_id, receipt, sr_deals_staff (ctx),
                  sr_context_now (ctx)) &&
       sr_audit_write (ctx, "confirm", "reported_money", report_id, NULL, "{\"state\":\"confirmed\"}", error);
  if (!sr_deals_finish (ctx, ok, error))
    return FALSE;
  if (out_receipt_no != NULL)
    *out_receipt_no = g_steal_pointer (&number);
  return TRUE;

fail:
  sr_db_rollback (db);
  return FALSE;
}

gboolean
sr_money_report_reject (SrContext   *ctx,
                        gint64       report_id,
                        const char  *reason,
                        GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  g_autofree char *why = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  gint64 deal = 0;
  gboolean ok;

  if (!sr_context_check (ctx, SR_ACTION_RECORD_MONEY, error))
    return FALSE;
  if (*why == '\0')
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("Give the reason."));
      return FALSE;
    }
  if (!sr_db_begin (db, error))
    return FALSE;
  if (!read_waiting (ctx, report_id, &deal, error))
    {
      sr_db_rollback (db);
      return FALSE;
    }
  ok = sr_db_run (db, error, "UPDATE reported_money SET state = 'rejected', reject_reason = ?2, "
                  "decided_by = nullif (?3, 0), decided_at = ?4 WHERE id = ?1", "itii", report_id, why,
                  sr_deals_staff (ctx), sr_context_now (ctx)) &&
       sr_audit_write (ctx, "reject", "reported_money", report_id, NULL, "{\"state\":\"rejected\"}", error);
  return sr_deals_finish (ctx, ok, error);
}

GPtrArray *
sr_money_reports_waiting (SrContext  *ctx,
                          gint64      deal_id,
                          GError    **error)
{
  g_autoptr(SrStmt) stmt = sr_db_prepare (sr_context_get_db (ctx),
                                          "SELECT m.id, m.deal_id, coalesce (d.unit_id, 0), c.name, " SR_DEAL_LABEL_SQL ", "
                                          "m.amount_fen, m.method, m.day, m.note, s.display_name, m.reported_at, m.state, "
                                          "m.reject_reason FROM reported_money m JOIN deals d ON d.id = m.deal_id "
                                          "JOIN customers c ON c.id = d.customer_id "
                                          "LEFT JOIN units u ON u.id = d.unit_id LEFT JOIN buildings b ON b.id = u.building_id "
                                          "LEFT JOIN staff s ON s.id = m.reported_by "
                                          "WHERE m.state = 'waiting' AND (?1 = 0 OR m.deal_id = ?1) "
                                          "ORDER BY m.reported_at, m.id", error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) sr_money_report_free);
  SrStep step;

  if (stmt == NULL)
    return NULL;
  sr_stmt_bind_int (stmt, 1, deal_id);
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      SrMoneyReport *r = g_new0 (SrMoneyReport, 1);
      r->id = sr_stmt_get_int (stmt, 0);
      r->deal_id = sr_stmt_get_int (stmt, 1);
      r->unit_id = sr_stmt_get_int (stmt, 2);
      r->customer_name = sr_stmt_dup_text (stmt, 3);
      r->deal_label = sr_stmt_dup_text (stmt, 4);
      r->amount_fen = sr_stmt_get_int (stmt, 5);
      r->method = sr_stmt_dup_text (stmt, 6);
      r->day = sr_stmt_dup_text (stmt, 7);
      r->note = sr_stmt_dup_text (stmt, 8);
      r->reported_by = sr_stmt_dup_text (stmt, 9);
      r->reported_at = sr_stmt_get_int (stmt, 10);
      r->state = sr_stmt_dup_text (stmt, 11);
      r->reject_reason = sr_stmt_dup_text (stmt, 12);
      g_ptr_array_add (rows, r);
    }
  if (step == SR_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&rows);
}
