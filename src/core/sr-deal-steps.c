/* sr-deal-steps.c — see sr-deal-steps.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sr-audit.h"
#include "sr-bookings-private.h"
#include "sr-deal-steps.h"
#include "sr-deals-private.h"
#include "sr-error.h"

static gboolean
may_track_money (SrContext  *ctx,
                 GError    **error)
{
  SrSession *session = sr_context_get_session (ctx);

  if (session != NULL && sr_session_may (session, SR_ACTION_RECORD_MONEY))
    return TRUE;
  return sr_context_check (ctx, SR_ACTION_MANAGE_DEALS, error);
}

static gboolean
audit_json (SrContext   *ctx,
            const char  *action,
            const char  *table,
            gint64       id,
            const char  *key,
            const char  *value,
            GError     **error)
{
  g_autoptr(SrJson) json = sr_json_new ();
  g_autofree char *after = NULL;

  sr_json_add_text (json, key, value);
  after = sr_json_end (json);
  return sr_audit_write (ctx, action, table, id, NULL, after, error);
}

/* Payments --------------------------------------------------------------------- */

gboolean
sr_deals_due (SrContext  *ctx,
              gint64      deal_id,
              SrFen      *out_due,
              GError    **error)
{
  return sr_db_get_int (sr_context_get_db (ctx), out_due, error,
                        "SELECT coalesce (sum (amount_fen - paid_fen), 0) FROM plan_items WHERE deal_id = ?1",
                        "i", deal_id);
}

/* Moves the customer to the paid stage when nothing is left on the plan. */
static gboolean
check_paid_up (SrContext  *ctx,
               gint64      deal_id,
               gint64      customer,
               GError    **error)
{
  SrFen due = 0;

  if (!sr_deals_due (ctx, deal_id, &due, error))
    return FALSE;
  return due > 0 || sr_deals_move_stage (ctx, customer, SR_STAGE_PAID, deal_id, error);
}

/* A decoration customer enters 方案沟通/定金 when finance has the design contract's deposit. */
static gboolean
design_deposit_paid (SrContext  *ctx,
                     gint64      deal_id,
                     gint64      customer,
                     GError    **error)
{
  gint64 paid = 0;

  if (!sr_db_get_int (sr_context_get_db (ctx), &paid, error,
                      "SELECT count(*) FROM deals d JOIN plan_items p ON p.deal_id = d.id WHERE d.id = ?1 "
                      "AND d.kind = 'design' AND p.kind = 'deposit' AND p.paid_fen >= p.amount_fen", "i", deal_id))
    return FALSE;
  return paid == 0 || sr_deals_move_stage_forward (ctx, customer, SR_STAGE_SUBSCRIBE, deal_id, error);
}

gboolean
sr_deals_record_payment (SrContext   *ctx,
                         gint64       deal_id,
                         SrFen        amount_fen,
                         const char  *method,
                         const char  *day,
                         gboolean     keep_advance,
                         char       **out_receipt_no,
                         GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  g_autofree char *state = NULL;
  g_autofree char *number = NULL;
  g_autoptr(SrStmt) stmt = NULL;
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) open = g_array_new (FALSE, FALSE, sizeof (SrFen));
  gint64 customer = 0, receipt;
  SrFen due = 0, left = amount_fen;
  SrStep step;

  if (!sr_context_check (ctx, SR_ACTION_RECORD_MONEY, error))
    return FALSE;
  if (amount_fen <= 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("Give the amount."));
      return FALSE;
    }
  if (!sr_deals_check_method (method, error) || !sr_deals_check_day (ctx, day, error) || !sr_db_begin (db, error))
    return FALSE;
  if (!sr_deals_read (ctx, deal_id, &state, &customer, NULL, NULL, error) ||
      !sr_deals_expect_state (state, "subscribed signed delivered",
                              _("Money toward the price is taken once the deposit is confirmed."), error) ||
      !sr_deals_due (ctx, deal_id, &due, error))
    goto fail;
  if (amount_fen > due && !keep_advance)
    {
      g_autofree char *money = sr_money_format (due);
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                   _("Only %s is due on the plan. To keep the rest as an advance for the next item, say so."),
                   money);
      goto fail;
    }
  /* The items still open, oldest due first. */
  stmt = sr_db_prepare (db, "SELECT id, amount_fen - paid_fen FROM plan_items "
                        "WHERE deal_id = ?1 AND paid_fen < amount_fen ORDER BY due_day, position", error);
  if (stmt == NULL)
    goto fail;
  sr_stmt_bind_int (stmt, 1, deal_id);
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      gint64 id = sr_stmt_get_int (stmt, 0);
      SrFen o = sr_stmt_get_int (stmt, 1);
      g_array_append_val (items, id);
      g_array_append_val (open, o);
    }
  if (step == SR_STEP_ERROR)
    goto fail;
  g_clear_pointer (&stmt, sr_stmt_done);
  receipt = sr_deals_add_receipt (ctx, deal_id, "payment", day, amount_fen, method, &number, error);
  if (receipt == 0)
    goto fail;
  for (guint i = 0; i < items->len && left > 0; i++)
    {
      SrFen part = MIN (left, g_array_index (open, SrFen, i));
      if (!sr_deals_allocate (ctx, receipt, g_array_index (items, gint64, i), part, error))
        goto fail;
      left -= part;
    }
  if (!check_paid_up (ctx, deal_id, customer, error) || !design_deposit_paid (ctx, deal_id, customer, error) ||
      !sr_deals_finish (ctx, TRUE, error))
    goto fail;
  if (out_receipt_no != NULL)
    *out_receipt_no = g_steal_pointer (&number);
  return TRUE;

fail:
  sr_db_rollback (db);
  return FALSE;
}

gboolean
sr_receipts_void (SrContext   *ctx,
                  gint64       receipt_id,
                  const char  *reason,
                  GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  g_autofree char *why = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  gint64 exists = 0, voided = 0, sale_money = 0, refund = 0;
  gboolean ok;

  if (!sr_context_check (ctx, SR_ACTION_RECORD_MONEY, error))
    return FALSE;
  if (*why == '\0')
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("Say why the receipt is voided."));
      return FALSE;
    }
  if (!sr_db_begin (db, error))
    return FALSE;
  if (!sr_db_get_int (db, &exists, error, "SELECT count(*) FROM receipts WHERE id = ?1", "i", receipt_id) ||
      !sr_db_get_int (db, &voided, error, "SELECT count(*) FROM receipts WHERE id = ?1 AND voided_at IS NOT NULL",
                      "i", receipt_id) ||
      !sr_db_get_int (db, &refund, error, "SELECT count(*) FROM receipts WHERE id = ?1 AND kind = 'refund'",
                      "i", receipt_id) ||
      !sr_db_get_int (db, &sale_money, error, "SELECT count(*) FROM receipt_allocations a JOIN plan_items p "
                      "ON p.id = a.plan_item_id WHERE a.receipt_id = ?1 AND p.kind IN ('intention', 'deposit')",
                      "i", receipt_id))
    goto fail;
  if (exists == 0 || voided > 0 || refund > 0 || sale_money > 0)
    {
      g_set_error (error, SR_RULE_ERROR, exists == 0 ? SR_RULE_ERROR_NOT_FOUND : SR_RULE_ERROR_CONFLICT,
                   exists == 0 ? _("No such receipt.")
                   : voided > 0 ? _("This receipt is already void.")
                   : _("Intention money, deposits and refunds are not voided here: cancel the sale or pay the money back."));
      goto fail;
    }
  ok = sr_db_run (db, error, "UPDATE receipts SET voided_at = ?2, voided_by = nullif (?3, 0), void_reason = ?4 "
                  "WHERE id = ?1", "iiit", receipt_id, sr_context_now (ctx), sr_deals_staff (ctx), why) &&
       audit_json (ctx, "void", "receipts", receipt_id, "reason", why, error);
  return sr_deals_finish (ctx, ok, error);

fail:
  sr_db_rollback (db);
  return FALSE;
}

/* Area settlement ------------------------------------------------------------------ */

gboolean
sr_deals_settle_area (SrContext  *ctx,
                      gint64      deal_id,
                      gint64      measured_area_centi,
                      GError    **error)
{
  SrDb *db = sr_context_get_db (ctx);
  g_autofree char *state = NULL;
  g_autofree char *measured = NULL;
  g_autofree char *today = sr_clock_today (sr_context_get_clock (ctx));
  gint64 unit = 0, area = 0, settled = 0;
  SrFen price = 0, difference;
  gboolean ok;

  if (!sr_context_check (ctx, SR_ACTION_MANAGE_DEALS, error))
    return FALSE;
  if (measured_area_centi <= 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("Give the measured area in m²."));
      return FALSE;
    }
  if (!sr_db_begin (db, error))
    return FALSE;
  if (!sr_deals_read (ctx, deal_id, &state, NULL, &unit, NULL, error) ||
      !sr_deals_expect_state (state, "signed", _("The area is settled on a signed contract."), error) ||
      !sr_db_get_int (db, &settled, error, "SELECT coalesce (area_settled_at, 0) FROM deals WHERE id = ?1",
                      "i", deal_id) ||
      !sr_db_get_int (db, &area, error, "SELECT area_centi FROM units WHERE id = ?1", "i", unit) ||
      !sr_db_get_int (db, &price, error, "SELECT price_fen FROM deals WHERE id = ?1", "i", deal_id))
    goto fail;
  if (settled > 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT, _("The area of this sale is already settled."));
      goto fail;
    }
  /* At the contract's price per m², rounded to the fen. */
  difference = (price * (measured_area_centi - area) + (measured_area_centi > area ? area / 2 : -area / 2)) / area;
  measured = sr_area_format (measured_area_centi);
  ok = sr_db_run (db, error, "UPDATE units SET measured_area_centi = ?2 WHERE id = ?1", "ii", unit,
                  measured_area_centi) &&
       sr_db_run (db, error, "UPDATE deals SET area_settled_at = ?2, price_fen = price_fen + ?3 WHERE id = ?1",
                  "iii", deal_id, sr_context_now (ctx), difference) &&
       (difference <= 0 || sr_deals_add_plan_item (ctx, deal_id, "area-settlement", today, difference, error) > 0) &&
       (difference >= 0 || sr_db_run (db, error, "UPDATE deals SET refund_due_fen = refund_due_fen + ?2 WHERE id = ?1",
                                      "ii", deal_id, -difference)) &&
       audit_json (ctx, "settle-area", "deals", deal_id, "measured_area", measured, error);
  return sr_deals_finish (ctx, ok, error);

fail:
  sr_db_rollback (db);
  return FALSE;
}

/* Progress ------------------------------------------------------------------------- */

static const char * const mortgage_steps[] = { "papers", "sent", "approved", "disbursed", NULL };
static const char * const certificate_steps[] = { "fees", "filed", "issued", "handed-over", NULL };

const char * const *
sr_progress_steps (const char *track)
{
  if (g_strcmp0 (track, "mortgage") == 0)
    return mortgage_steps;
  if (g_strcmp0 (track, "certificate") == 0)
    return certificate_steps;
  return NULL;
}

const char *
sr_progress_step_label (const char *track,
                        const char *step)
{
  static const struct { const char *track, *step, *label; } labels[] = {
    { "mortgage", "papers", N_("Mortgage papers complete") },
    { "mortgage", "sent", N_("Sent to the bank") },
    { "mortgage", "approved", N_("Loan approved") },
    { "mortgage", "disbursed", N_("Loan disbursed") },
    { "certificate", "fees", N_("Certificate fees taken") },
    { "certificate", "filed", N_("Filed for the certificate") },
    { "certificate", "issued", N_("Certificate issued") },
    { "certificate", "handed-over", N_("Certificate handed over") },
  };
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].track, track) == 0 && g_strcmp0 (labels[i].step, step) == 0)
      return _(labels[i].label);
  return NULL;
}

gboolean
sr_deals_record_progress (SrContext   *ctx,
                          gint64       deal_id,
                          const char  *track,
                          const char  *step,
                          const char  *day,
                          const char  *note,
                          GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  const char * const *steps = sr_progress_steps (track);
  g_autofree char *state = NULL;
  gint64 done = 0, fee_open = -1;
  guint index = 0;
  gboolean ok;

  if (!may_track_money (ctx, error))
    return FALSE;
  if (steps == NULL || sr_progress_step_label (track, step) == NULL)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("No such step."));
      return FALSE;
    }
  while (g_strcmp0 (steps[index], step) != 0)
    index++;
  if (!sr_deals_check_day (ctx, day, error) || !sr_db_begin (db, error))
    return FALSE;
  if (!sr_deals_read (ctx, deal_id, &state, NULL, NULL, NULL, error) ||
      !sr_deals_expect_state (state, "signed delivered", _("Mortgage and certificate follow the signed contract."),
                              error) ||
      !sr_db_get_int (db, &done, error, "SELECT count(*) FROM deal_progress WHERE deal_id = ?1 AND track = ?2",
                      "it", deal_id, track))
    goto fail;
  if ((guint) done != index)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT,
                   (guint) done > index ? _("This step is already recorded.")
                                        : _("Record the steps in order: “%s” comes first."),
                   sr_progress_step_label (track, steps[done]));
      goto fail;
    }
  if (g_strcmp0 (track, "certificate") == 0 && index == 0)
    {
      if (!sr_db_get_int (db, &fee_open, error,
                          "SELECT coalesce (sum (amount_fen - paid_fen), -1) FROM plan_items "
                          "WHERE deal_id = ?1 AND kind = 'certificate-fee'", "i", deal_id))
        goto fail;
      if (fee_open != 0)
        {
          g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT,
                       fee_open < 0 ? _("Add the certificate fees to the plan first.")
                                    : _("The certificate fees are not paid yet."));
          goto fail;
        }
    }
  ok = sr_db_run (db, error, "INSERT INTO deal_progress (deal_id, track, step, day, note, staff_id, at) "
                  "VALUES (?1, ?2, ?3, ?4, nullif (trim (?5), ''), nullif (?6, 0), ?7)", "ittttii",
                  deal_id, track, step, day, note, sr_deals_staff (ctx), sr_context_now (ctx)) &&
       audit_json (ctx, "progress", "deals", deal_id, track, step, error);
  return sr_deals_finish (ctx, ok, error);

fail:
  sr_db_rollback (db);
  return FALSE;
}

gboolean
sr_deals_add_certificate_fee (SrContext   *ctx,
                              gint64       deal_id,
                              SrFen        amount_fen,
                              const char  *due_day,
                              GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  g_autofree char *state = NULL;
  gint64 existing = 0;
  GDate date;
  gboolean ok;

  if (!sr_context_check (ctx, SR_ACTION_MANAGE_DEALS, error))
    return FALSE;
  if (amount_fen <= 0 || due_day == NULL || !sr_day_parse (due_day, &date))
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                   amount_fen <= 0 ? _("Give the amount.") : _("Give the date (YYYY-MM-DD)."));
      return FALSE;
    }
  if (!sr_db_begin (db, error))
    return FALSE;
  if (!sr_deals_read (ctx, deal_id, &state, NULL, NULL, NULL, error) ||
      !sr_deals_expect_state (state, "signed delivered", _("Mortgage and certificate follow the signed contract."),
                              error) ||
      !sr_db_get_int (db, &existing, error, "SELECT count(*) FROM plan_items WHERE deal_id = ?1 "
                      "AND kind = 'certificate-fee'", "i", deal_id))
    goto fail;
  if (existing > 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT, _("The certificate fees are already on the plan."));
      goto fail;
    }
  ok = sr_deals_add_plan_item (ctx, deal_id, "certificate-fee", due_day, amount_fen, error) > 0 &&
       audit_json (ctx, "certificate-fee", "deals", deal_id, "due", due_day, error);
  return sr_deals_finish (ctx, ok, error);

fail:
  sr_db_rollback (db);
  return FALSE;
}

gboolean
sr_deals_promise_certificate (SrContext   *ctx,
                              gint64       deal_id,
                              const char  *day,
                              GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  g_autofree char *state = NULL;
  GDate date;
  gboolean ok;

  if (!sr_context_check (ctx, SR_ACTION_MANAGE_DEALS, error))
    return FALSE;
  if (day == NULL || !sr_day_parse (day, &date))
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("Give the date (YYYY-MM-DD)."));
      return FALSE;
    }
  if (!sr_db_begin (db, error))
    return FALSE;
  ok = sr_deals_read (ctx, deal_id, &state, NULL, NULL, NULL, error) &&
       sr_deals_expect_state (state, "signed delivered", _("Mortgage and certificate follow the signed contract."),
                              error) &&
       sr_db_run (db, error, "UPDATE deals SET certificate_promised_on = ?2 WHERE id = ?1", "it", deal_id, day) &&
       audit_json (ctx, "promise-certificate", "deals", deal_id, "day", day, error);
  return sr_deals_finish (ctx, ok, error);
}

/* Supplementary agreements ----------------------------------------------------------- */

gint64
sr_deals_add_agreement (SrContext   *ctx,
                        gint64       deal_id,
                        const char  *content,
                        GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  g_autofree char *state = NULL;
  g_autofree char *text = g_strstrip (g_strdup (content != NULL ? content : ""));
  gint64 id = 0;

  if (!sr_context_check (ctx, SR_ACTION_MANAGE_DEALS, error))
    return 0;
  if (*text == '\0')
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("Write what the agreement says."));
      return 0;
    }
  if (!sr_db_begin (db, error))
    return 0;
  if (!sr_deals_read (ctx, deal_id, &state, NULL, NULL, NULL, error) ||
      !sr_deals_expect_state (state, "signed delivered", _("A supplementary agreement amends a signed contract."),
                              error) ||
      !sr_db_get_int (db, &id, error, "INSERT INTO supplementary_agreements (deal_id, content, created_by, created_at) "
                      "VALUES (?1, ?2, nullif (?3, 0), ?4) RETURNING id", "itii", deal_id, text,
                      sr_deals_staff (ctx), sr_context_now (ctx)) ||
      !audit_json (ctx, "agreement", "supplementary_agreements", id, "state", "pending", error) ||
      !sr_deals_finish (ctx, TRUE, error))
    {
      sr_db_rollback (db);
      return 0;
    }
  return id;
}

gboolean
sr_deals_decide_agreement (SrContext   *ctx,
                           gint64       agreement_id,
                           gboolean     approve,
                           const char  *note,
                           GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  g_autofree char *why = g_strstrip (g_strdup (note != NULL ? note : ""));
  gint64 pending = 0;
  gboolean ok;

  if (!sr_context_check (ctx, SR_ACTION_APPROVE_TERMS, error))
    return FALSE;
  if (!approve && *why == '\0')
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("Say why the agreement is rejected."));
      return FALSE;
    }
  if (!sr_db_begin (db, error))
    return FALSE;
  if (!sr_db_get_int (db, &pending, error, "SELECT count(*) FROM supplementary_agreements WHERE id = ?1 "
                      "AND state = 'pending'", "i", agreement_id))
    goto fail;
  if (pending == 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT, _("This agreement is not waiting for a decision."));
      goto fail;
    }
  ok = sr_db_run (db, error, "UPDATE supplementary_agreements SET state = ?2, decided_by = nullif (?3, 0), "
                  "decided_at = ?4, decision_note = nullif (trim (?5), '') WHERE id = ?1", "itiit", agreement_id,
                  approve ? "approved" : "rejected", sr_deals_staff (ctx), sr_context_now (ctx), note) &&
       audit_json (ctx, approve ? "approve" : "reject", "supplementary_agreements", agreement_id, "state",
                   approve ? "approved" : "rejected", error);
  return sr_deals_finish (ctx, ok, error);

fail:
  sr_db_rollback (db);
  return FALSE;
}

/* Acceptance and delivery -------------------------------------------------------------- */

gboolean
sr_units_pass_acceptance (SrContext   *ctx,
                          gint64       unit_id,
                          const char  *day,
                          GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  gint64 exists = 0;
  gboolean ok;

  if (!sr_context_check (ctx, SR_ACTION_MANAGE_DEALS, error) || !sr_deals_check_day (ctx, day, error) ||
      !sr_db_begin (db, error))
    return FALSE;
  if (!sr_db_get_int (db, &exists, error, "SELECT count(*) FROM units WHERE id = ?1", "i", unit_id))
    goto fail;
  if (exists == 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_NOT_FOUND, _("No such unit."));
      goto fail;
    }
  ok = sr_db_run (db, error, "UPDATE units SET acceptance_passed_on = ?2 WHERE id = ?1", "it", unit_id, day) &&
       audit_json (ctx, "acceptance", "units", unit_id, "passed_on", day, error);
  return sr_deals_finish (ctx, ok, error);

fail:
  sr_db_rollback (db);
  return FALSE;
}

gboolean
sr_deals_deliver (SrContext   *ctx,
                  gint64       deal_id,
                  const char  *day,
                  const char  *move_in_day,
                  GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  g_autofree char *state = NULL;
  g_autofree char *accepted = NULL;
  gint64 customer = 0, unit = 0, booking = 0, refund_due = 0;
  SrFen due = 0;
  GDate date;
  gboolean ok;

  if (!sr_context_check (ctx, SR_ACTION_MANAGE_DEALS, error) || !sr_deals_check_day (ctx, day, error))
    return FALSE;
  if (move_in_day != NULL && *move_in_day != '\0' && !sr_day_parse (move_in_day, &date))
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("Give the move-in date (YYYY-MM-DD)."));
      return FALSE;
    }
  if (!sr_db_begin (db, error))
    return FALSE;
  if (!sr_deals_read (ctx, deal_id, &state, &customer, &unit, &booking, error) ||
      !sr_deals_expect_state (state, "signed", _("Only a signed sale is delivered."), error) ||
      !sr_deals_due (ctx, deal_id, &due, error) ||
      !sr_db_get_int (db, &refund_due, error, "SELECT refund_due_fen FROM deals WHERE id = ?1", "i", deal_id))
    goto fail;
  if (due > 0 || refund_due > 0)
    {
      g_autofree char *money = sr_money_format (due > 0 ? due : refund_due);
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT,
                   due > 0 ? _("No payoff certificate yet: %s is still due on the plan.")
                           : _("Pay back the %s due to the owner before delivery."), money);
      goto fail;
    }
  {
    g_autoptr(SrStmt) stmt = sr_db_prepare (db, "SELECT acceptance_passed_on FROM units WHERE id = ?1", error);
    if (stmt == NULL)
      goto fail;
    sr_stmt_bind_int (stmt, 1, unit);
    if (sr_stmt_step (stmt, error) == SR_STEP_ROW)
      accepted = sr_stmt_dup_text (stmt, 0);
  }
  if (accepted == NULL)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT,
                   _("The unit has not passed the internal acceptance (内部验收)."));
      goto fail;
    }
  ok = sr_db_run (db, error, "UPDATE deals SET delivered_on = ?2, move_in_on = nullif (?3, '') WHERE id = ?1",
                  "itt", deal_id, day, move_in_day != NULL ? move_in_day : "") &&
       sr_deals_set_booking_state (ctx, booking, "delivered", error) &&
       sr_units_set_status (ctx, unit, "delivered", error) &&
       sr_deals_set_state (ctx, deal_id, "signed", "delivered", error) &&
       sr_deals_move_stage (ctx, customer, SR_STAGE_MOVED_IN, deal_id, error);
  return sr_deals_finish (ctx, ok, error);

fail:
  sr_db_rollback (db);
  return FALSE;
}

/* Reading ----------------------------------------------------------------------- */

void
sr_progress_step_free (SrProgressStep *step)
{
  if (step == NULL)
    return;
  g_free (step->track);
  g_free (step->step);
  g_free (step->day);
  g_free (step->note);
  g_free (step->by);
  g_free (step);
}

void
sr_agreement_free (SrAgreement *agreement)
{
  if (agreement == NULL)
    return;
  g_free (agreement->content);
  g_free (agreement->state);
  g_free (agreement->created_by);
  g_free (agreement->decided_by);
  g_free (agreement->note);
  g_free (agreement);
}

GPtrArray *
sr_deals_list_progress (SrContext  *ctx,
                        gint64      deal_id,
                        GError    **error)
{
  g_autoptr(SrStmt) stmt = sr_db_prepare (sr_context_get_db (ctx),
                                          "SELECT p.track, p.step, p.day, p.note, s.display_name FROM deal_progress p "
                                          "LEFT JOIN staff s ON s.id = p.staff_id WHERE p.deal_id = ?1 "
                                          "ORDER BY p.track DESC, p.id", error);
  g_autoptr(GPtrArray) steps = g_ptr_array_new_with_free_func ((GDestroyNotify) sr_progress_step_free);
  SrStep step;

  if (stmt == NULL)
    return NULL;
  sr_stmt_bind_int (stmt, 1, deal_id);
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      SrProgressStep *p = g_new0 (SrProgressStep, 1);
      p->track = sr_stmt_dup_text (stmt, 0);
      p->step = sr_stmt_dup_text (stmt, 1);
      p->day = sr_stmt_dup_text (stmt, 2);
      p->note = sr_stmt_dup_text (stmt, 3);
      p->by = sr_stmt_dup_text (stmt, 4);
      g_ptr_array_add (steps, p);
    }
  return step == SR_STEP_ERROR ? NULL : g_steal_pointer (&steps);
}

GPtrArray *
sr_deals_list_agreements (SrContext  *ctx,
                          gint64      deal_id,
                          GError    **error)
{
  g_autoptr(SrStmt) stmt = sr_db_prepare (sr_context_get_db (ctx),
                                          "SELECT a.id, a.content, a.state, c.display_name, d.display_name, "
                                          " a.decision_note, a.created_at FROM supplementary_agreements a "
                                          "LEFT JOIN staff c ON c.id = a.created_by LEFT JOIN staff d ON d.id = a.decided_by "
                                          "WHERE a.deal_id = ?1 ORDER BY a.id", error);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) sr_agreement_free);
  SrStep step;

  if (stmt == NULL)
    return NULL;
  sr_stmt_bind_int (stmt, 1, deal_id);
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      SrAgreement *a = g_new0 (SrAgreement, 1);
      a->id = sr_stmt_get_int (stmt, 0);
      a->content = sr_stmt_dup_text (stmt, 1);
      a->state = sr_stmt_dup_text (stmt, 2);
      a->created_by = sr_stmt_dup_text (stmt, 3);
      a->decided_by = sr_stmt_dup_text (stmt, 4);
      a->note = sr_stmt_dup_text (stmt, 5);
      a->created_at = sr_stmt_get_int (stmt, 6);
      g_ptr_array_add (list, a);
    }
  return step == SR_STEP_ERROR ? NULL : g_steal_pointer (&list);
}

/* A unit's history ---------------------------------------------------------------- */

void
sr_unit_event_free (SrUnitEvent *event)
{
  if (event == NULL)
    return;
  g_free (event->text);
  g_free (event->who);
  g_free (event);
}

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  const SrUnitEvent *x = *(SrUnitEvent * const *) a, *y = *(SrUnitEvent * const *) b;
  return (y->at > x->at) - (y->at < x->at);
}

static void
add_event (GPtrArray  *events,
           gint64      at,
           char       *text,
           const char *who)
{
  SrUnitEvent *e = g_new0 (SrUnitEvent, 1);
  e->at = at;
  e->text = text;
  e->who = g_strdup (who);
  g_ptr_array_add (events, e);
}

GPtrArray *
sr_units_history (SrContext  *ctx,
                  gint64      unit_id,
                  GError    **error)
{
  SrDb *db = sr_context_get_db (ctx);
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) sr_unit_event_free);
  g_autoptr(SrStmt) stmt = NULL;
  SrStep step;

  /* Withheld, released, accepted, edited: the audit log of the unit's row. */
  stmt = sr_db_prepare (db, "SELECT at, action, actor_label FROM audit_log WHERE table_name = 'units' "
                        "AND row_id = ?1 AND action IN ('hold', 'release', 'acceptance')", error);
  if (stmt == NULL)
    return NULL;
  sr_stmt_bind_int (stmt, 1, unit_id);
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      const char *action = sr_stmt_get_text (stmt, 1);
      add_event (events, sr_stmt_get_int (stmt, 0),
                 g_strdup (g_strcmp0 (action, "hold") == 0 ? _("Withheld from sale (销控)")
                           : g_strcmp0 (action, "release") == 0 ? _("Released for sale")
                           : _("Passed the internal acceptance")),
                 sr_stmt_get_text (stmt, 2));
    }
  if (step == SR_STEP_ERROR)
    return NULL;
  g_clear_pointer (&stmt, sr_stmt_done);

  /* Prices. */
  stmt = sr_db_prepare (db, "SELECT p.at, p.price_fen, p.reason, s.display_name FROM unit_prices p "
                        "LEFT JOIN staff s ON s.id = p.staff_id WHERE p.unit_id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sr_stmt_bind_int (stmt, 1, unit_id);
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      g_autofree char *money = sr_money_format (sr_stmt_get_int (stmt, 1));
      const char *reason = sr_stmt_get_text (stmt, 2);
      add_event (events, sr_stmt_get_int (stmt, 0),
                 reason != NULL ? g_strdup_printf (_("Price set to %s (%s)"), money, reason)
                                : g_strdup_printf (_("Price set to %s"), money),
                 sr_stmt_get_text (stmt, 3));
    }
  if (step == SR_STEP_ERROR)
    return NULL;
  g_clear_pointer (&stmt, sr_stmt_done);

  /* Bookings: made, and how they ended. */
  stmt = sr_db_prepare (db, "SELECT b.created_at, b.state, c.name, coalesce (b.deposit_fen, 0), s.display_name, "
                        " b.ended_at, b.end_reason, e.display_name, b.expires_at IS NOT NULL "
                        "FROM bookings b JOIN customers c ON c.id = b.customer_id "
                        "LEFT JOIN staff s ON s.id = b.created_by LEFT JOIN staff e ON e.id = b.ended_by "
                        "WHERE b.unit_id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sr_stmt_bind_int (stmt, 1, unit_id);
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      const char *state = sr_stmt_get_text (stmt, 1);
      const char *customer = sr_stmt_get_text (stmt, 2);
      const char *reason = sr_stmt_get_text (stmt, 6);
      g_autofree char *deposit = sr_money_format (sr_stmt_get_int (stmt, 3));
      gboolean was_reservation = sr_stmt_get_int (stmt, 8) != 0 || g_strcmp0 (state, "expired") == 0;

      add_event (events, sr_stmt_get_int (stmt, 0),
                 was_reservation && sr_stmt_get_int (stmt, 3) == 0
                 ? g_strdup_printf (_("Reserved for %s"), customer)
                 : g_strdup_printf (_("Subscription asked for %s, deposit %s"), customer, deposit),
                 sr_stmt_get_text (stmt, 4));
      if (!sr_stmt_is_null (stmt, 5))
        {
          char *text = g_strcmp0 (state, "expired") == 0 ? g_strdup_printf (_("The reservation for %s ran out"), customer)
                     : g_strcmp0 (state, "voided") == 0 ? g_strdup_printf (_("Booking of %s voided: %s"), customer, reason)
                     : g_strcmp0 (state, "cancelled") == 0 ? g_strdup_printf (_("Sale to %s cancelled: %s"), customer, reason)
                     : g_strdup_printf (_("%s moved to another unit: %s"), customer, reason);
          add_event (events, sr_stmt_get_int (stmt, 5), text, sr_stmt_get_text (stmt, 7));
        }
    }
  if (step == SR_STEP_ERROR)
    return NULL;
  g_clear_pointer (&stmt, sr_stmt_done);

  /* The sale's milestones, from the deals' own dates (days: shown at noon). */
  stmt = sr_db_prepare (db, "SELECT d.subscribed_on, d.signed_on, d.contract_no, d.delivered_on, c.name "
                        "FROM deals d JOIN customers c ON c.id = d.customer_id WHERE d.unit_id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sr_stmt_bind_int (stmt, 1, unit_id);
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      const char *customer = sr_stmt_get_text (stmt, 4);
      if (!sr_stmt_is_null (stmt, 0))
        add_event (events, sr_day_start_unix (sr_stmt_get_text (stmt, 0)) + 12 * 3600,
                   g_strdup_printf (_("Deposit of %s confirmed by finance (认购)"), customer), NULL);
      if (!sr_stmt_is_null (stmt, 1))
        add_event (events, sr_day_start_unix (sr_stmt_get_text (stmt, 1)) + 12 * 3600 + 1,
                   g_strdup_printf (_("Contract %s signed with %s"), sr_stmt_get_text (stmt, 2), customer), NULL);
      if (!sr_stmt_is_null (stmt, 3))
        add_event (events, sr_day_start_unix (sr_stmt_get_text (stmt, 3)) + 12 * 3600 + 2,
                   g_strdup_printf (_("Delivered to %s"), customer), NULL);
    }
  if (step == SR_STEP_ERROR)
    return NULL;
  g_ptr_array_sort (events, compare_events);
  return g_steal_pointer (&events);
}

/* Reservations that ran out since @since, newest first, as "label · customer · when". */
GPtrArray *
sr_bookings_list_expired (SrContext  *ctx,
                          gint64      since,
                          GError    **error)
{
  g_autoptr(SrStmt) stmt = sr_db_prepare (sr_context_get_db (ctx),
                                          "SELECT b.name || ' ' || CASE WHEN u.entrance <> '' THEN u.entrance || '-' "
                                          " ELSE '' END || u.number, c.name, k.expires_at FROM bookings k "
                                          "JOIN units u ON u.id = k.unit_id JOIN buildings b ON b.id = u.building_id "
                                          "JOIN customers c ON c.id = k.customer_id "
                                          "WHERE k.state = 'expired' AND k.expires_at >= ?1 ORDER BY k.expires_at DESC",
                                          error);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_free);
  SrStep step;

  if (stmt == NULL)
    return NULL;
  sr_stmt_bind_int (stmt, 1, since);
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      g_autofree char *when = sr_format_moment (sr_stmt_get_int (stmt, 2));
      g_ptr_array_add (list, g_strdup_printf ("%s · %s · %s", sr_stmt_get_text (stmt, 0), sr_stmt_get_text (stmt, 1),
                                              when));
    }
  return step == SR_STEP_ERROR ? NULL : g_steal_pointer (&list);
}
