/* sr-deals.c — see sr-deals.h. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "sr-audit.h"
#include "sr-bookings-private.h"
#include "sr-customers-private.h"
#include "sr-deals-private.h"
#include "sr-cost-sheet.h"
#include "sr-error.h"
#include "sr-office.h"
#include "sr-stages.h"

typedef struct {
  const char *code;
  const char *label;
} Label;

const char * const sr_receipt_methods[SR_N_RECEIPT_METHODS + 1] = {
  "cash", "card", "transfer", "wechat", "alipay", "bank-loan", NULL
};
const char * const sr_payment_methods[SR_N_PAYMENT_METHODS + 1] = {
  "one-off", "instalments", "commercial-mortgage", "provident-fund", "combined", NULL
};

static const Label receipt_method_labels[] = {
  { "cash", N_("Cash") },
  { "card", N_("Bank card") },
  { "transfer", N_("Bank transfer") },
  { "wechat", N_("WeChat Pay") },
  { "alipay", N_("Alipay") },
  { "bank-loan", N_("Bank loan") },
  { NULL, NULL }
};
static const Label payment_method_labels[] = {
  { "one-off", N_("One-off payment") },
  { "instalments", N_("Instalments") },
  { "commercial-mortgage", N_("Commercial mortgage") },
  { "provident-fund", N_("Provident-fund loan") },
  { "combined", N_("Combined loan") },
  { NULL, NULL }
};
static const Label plan_item_labels[] = {
  { "intention", N_("Intention money") },
  { "deposit", N_("Deposit") },
  { "down-payment", N_("Down payment") },
  { "instalment", N_("Instalment") },
  { "mortgage", N_("Mortgage disbursement") },
  { "balance", N_("Balance") },
  { "area-settlement", N_("Area settlement") },
  { "certificate-fee", N_("Certificate fees") },
  { NULL, NULL }
};
static const Label deal_state_labels[] = {
  { "intention", N_("Intention money") },
  { "pending", N_("Waiting for finance") },
  { "subscribed", N_("Subscribed") },
  { "signed", N_("Signed") },
  { "delivered", N_("Delivered") },
  { "voided", N_("Voided") },
  { "cancelled", N_("Cancelled") },
  { "refunded", N_("Refunded") },
  { NULL, NULL }
};

static const char *
find_label (const Label *labels,
            const char  *code)
{
  for (guint i = 0; labels[i].code != NULL; i++)
    if (g_strcmp0 (labels[i].code, code) == 0)
      return _(labels[i].label);
  return NULL;
}

const char *
sr_receipt_method_get_label (const char *code)
{
  return find_label (receipt_method_labels, code);
}

const char *
sr_payment_method_get_label (const char *code)
{
  return find_label (payment_method_labels, code);
}

const char *
sr_plan_item_kind_get_label (const char *code)
{
  return find_label (plan_item_labels, code);
}

const char *
sr_deal_state_get_label (const char *code)
{
  return find_label (deal_state_labels, code);
}

char *
sr_receipt_format_number (gint64 year,
                          gint64 number)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT "-%05" G_GINT64_FORMAT, year, number);
}

/* Checks -------------------------------------------------------------------- */

/* A receipt's day: a date, not in the future. */
gboolean
sr_deals_check_day (SrContext   *ctx,
                    const char  *day,
                    GError     **error)
{
  g_autofree char *today = sr_clock_today (sr_context_get_clock (ctx));
  GDate date;

  if (day == NULL || !sr_day_parse (day, &date))
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("Give the date (YYYY-MM-DD)."));
      return FALSE;
    }
  if (g_strcmp0 (day, today) > 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                   _("The date %s is in the future."), day);
      return FALSE;
    }
  return TRUE;
}

gboolean
sr_deals_check_method (const char  *method,
                       GError     **error)
{
  if (sr_receipt_method_get_label (method) == NULL)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("Choose how the money was paid."));
      return FALSE;
    }
  return TRUE;
}

gint64
sr_deals_staff (SrContext *ctx)
{
  return sr_session_get_staff_id (sr_context_get_session (ctx));
}

/* The deal's state, customer, unit and live booking; NOT_FOUND when there is none. */
gboolean
sr_deals_read (SrContext   *ctx,
               gint64       deal_id,
               char       **out_state,
               gint64      *out_customer,
               gint64      *out_unit,
               gint64      *out_booking,
               GError     **error)
{
  g_autoptr(SrStmt) stmt = sr_db_prepare (sr_context_get_db (ctx),
                                          "SELECT d.state, d.customer_id, coalesce (d.unit_id, 0), "
                                          " coalesce ((SELECT id FROM bookings WHERE deal_id = d.id "
                                          "  AND state IN " SR_BOOKING_LIVE_STATES "), 0) "
                                          "FROM deals d WHERE d.id = ?1", error);
  SrStep step;

  if (stmt == NULL)
    return FALSE;
  sr_stmt_bind_int (stmt, 1, deal_id);
  step = sr_stmt_step (stmt, error);
  if (step == SR_STEP_DONE)
    g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_NOT_FOUND, _("No such sale."));
  if (step != SR_STEP_ROW)
    return FALSE;
  *out_state = sr_stmt_dup_text (stmt, 0);
  if (out_customer != NULL)
    *out_customer = sr_stmt_get_int (stmt, 1);
  if (out_unit != NULL)
    *out_unit = sr_stmt_get_int (stmt, 2);
  if (out_booking != NULL)
    *out_booking = sr_stmt_get_int (stmt, 3);
  return TRUE;
}

gboolean
sr_deals_expect_state (const char  *state,
                       const char  *wanted,
                       const char  *message,
                       GError     **error)
{
  g_auto(GStrv) states = g_strsplit (wanted, " ", -1);

  if (g_strv_contains ((const char * const *) states, state))
    return TRUE;
  g_set_error_literal (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT, message);
  return FALSE;
}

gboolean
sr_deals_paid (SrContext  *ctx,
               gint64      deal_id,
               SrFen      *out_paid,
               GError    **error)
{
  return sr_db_get_int (sr_context_get_db (ctx), out_paid, error,
                        "SELECT coalesce (sum (CASE kind WHEN 'payment' THEN amount_fen "
                        "ELSE -amount_fen END), 0) FROM receipts "
                        "WHERE deal_id = ?1 AND voided_at IS NULL", "i", deal_id);
}

/* Writes ------------------------------------------------------------------- */

/* A receipt recorded and confirmed by finance, numbered next in its year. */
gint64
sr_deals_add_receipt (SrContext   *ctx,
                      gint64       deal_id,
                      const char  *kind,
                      const char  *day,
                      SrFen        amount_fen,
                      const char  *method,
                      char       **out_number,
                      GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  gint64 year = g_ascii_strtoll (day, NULL, 10), number = 0, id = 0, staff = sr_deals_staff (ctx);
  g_autoptr(SrJson) json = sr_json_new ();
  g_autofree char *after = NULL;
  g_autofree char *text = NULL;

  if (!sr_db_get_int (db, &number, error,
                      "SELECT coalesce (max (number), 0) + 1 FROM receipts WHERE year = ?1", "i", year) ||
      !sr_db_get_int (db, &id, error,
                      "INSERT INTO receipts (year, number, deal_id, kind, day, amount_fen, method, "
                      "recorded_by, recorded_at, confirmed_by, confirmed_at) "
                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, nullif (?8, 0), ?9, nullif (?8, 0), ?9) "
                      "RETURNING id", "iiittitii", year, number, deal_id, kind, day, amount_fen, method,
                      staff, sr_context_now (ctx)))
    return 0;
  text = sr_receipt_format_number (year, number);
  sr_json_add_text (json, "number", text);
  sr_json_add_int (json, "deal_id", deal_id);
  sr_json_add_text (json, "kind", kind);
  sr_json_add_int (json, "amount_fen", amount_fen);
  sr_json_add_text (json, "method", method);
  after = sr_json_end (json);
  if (!sr_audit_write (ctx, "receipt", "receipts", id, NULL, after, error))
    return 0;
  if (out_number != NULL)
    *out_number = g_steal_pointer (&text);
  return id;
}

/* Money kept as an advance (the part of a receipt not allocated yet) goes to the open
 * items, oldest due first. */
static gboolean
apply_advances (SrContext  *ctx,
                gint64      deal_id,
                GError    **error)
{
  SrDb *db = sr_context_get_db (ctx);

  for (;;)
    {
      gint64 receipt = 0, item = 0;
      SrFen spare = 0, open = 0;
      if (!sr_db_get_int (db, &receipt, error,
                          "SELECT r.id FROM receipts r WHERE r.deal_id = ?1 AND r.kind = 'payment' "
                          "AND r.voided_at IS NULL AND r.amount_fen > (SELECT coalesce (sum (a.amount_fen), 0) "
                          " FROM receipt_allocations a WHERE a.receipt_id = r.id) ORDER BY r.id LIMIT 1",
                          "i", deal_id) ||
          !sr_db_get_int (db, &item, error,
                          "SELECT p.id FROM plan_items p WHERE p.deal_id = ?1 AND p.amount_fen > "
                          "(SELECT coalesce (sum (a.amount_fen), 0) FROM receipt_allocations a JOIN receipts r "
                          " ON r.id = a.receipt_id WHERE a.plan_item_id = p.id AND r.voided_at IS NULL) "
                          "ORDER BY p.due_day, p.position LIMIT 1", "i", deal_id))
        return FALSE;
      if (receipt == 0 || item == 0)
        return TRUE;
      if (!sr_db_get_int (db, &spare, error, "SELECT r.amount_fen - (SELECT coalesce (sum (amount_fen), 0) "
                          "FROM receipt_allocations WHERE receipt_id = r.id) FROM receipts r WHERE r.id = ?1",
                          "i", receipt) ||
          !sr_db_get_int (db, &open, error, "SELECT p.amount_fen - (SELECT coalesce (sum (a.amount_fen), 0) "
                          "FROM receipt_allocations a JOIN receipts r ON r.id = a.receipt_id "
                          "WHERE a.plan_item_id = p.id AND r.voided_at IS NULL) FROM plan_items p WHERE p.id = ?1",
                          "i", item))
        return FALSE;
      /* A receipt pays an item once: add to an allocation that is there already. */
      if (!sr_db_run (db, error, "INSERT INTO receipt_allocations (receipt_id, plan_item_id, amount_fen) "
                      "VALUES (?1, ?2, ?3) ON CONFLICT (receipt_id, plan_item_id) "
                      "DO UPDATE SET amount_fen = receipt_allocations.amount_fen + excluded.amount_fen", "iii",
                      receipt, item, MIN (spare, open)))
        return FALSE;
    }
}

gint64
sr_deals_add_plan_item (SrContext   *ctx,
                        gint64       deal_id,
                        const char  *kind,
                        const char  *due_day,
                        SrFen        amount_fen,
                        GError     **error)
{
  gint64 id = 0;

  if (!sr_db_get_int (sr_context_get_db (ctx), &id, error,
                      "INSERT INTO plan_items (deal_id, kind, due_day, amount_fen, position) "
                      "VALUES (?1, ?2, ?3, ?4, (SELECT coalesce (max (position), 0) + 1 "
                      " FROM plan_items WHERE deal_id = ?1)) RETURNING id",
                      "itti", deal_id, kind, due_day, amount_fen) ||
      !apply_advances (ctx, deal_id, error))
    return 0;
  return id;
}

gboolean
sr_deals_allocate (SrContext  *ctx,
                   gint64      receipt_id,
                   gint64      item_id,
                   SrFen       amount_fen,
                   GError    **error)
{
  return sr_db_run (sr_context_get_db (ctx), error,
                    "INSERT INTO receipt_allocations (receipt_id, plan_item_id, amount_fen) "
                    "VALUES (?1, ?2, ?3)", "iii", receipt_id, item_id, amount_fen);
}

gboolean
sr_deals_set_state (SrContext   *ctx,
                    gint64       deal_id,
                    const char  *from,
                    const char  *to,
                    GError     **error)
{
  g_autofree char *before = g_strdup_printf ("{\"state\":\"%s\"}", from);
  g_autofree char *after = g_strdup_printf ("{\"state\":\"%s\"}", to);

  return sr_db_run (sr_context_get_db (ctx), error, "UPDATE deals SET state = ?2 WHERE id = ?1",
                    "it", deal_id, to) &&
         sr_audit_write (ctx, to, "deals", deal_id, before, after, error);
}

gboolean
sr_deals_set_booking_state (SrContext   *ctx,
                            gint64       booking_id,
                            const char  *state,
                            GError     **error)
{
  return sr_db_run (sr_context_get_db (ctx), error, "UPDATE bookings SET state = ?2 WHERE id = ?1",
                    "it", booking_id, state);
}

/* Ends a booking (cancelled, changed) and frees its unit. */
static gboolean
end_booking (SrContext   *ctx,
             gint64       booking_id,
             gint64       unit_id,
             const char  *state,
             const char  *reason,
             GError     **error)
{
  return sr_db_run (sr_context_get_db (ctx), error,
                    "UPDATE bookings SET state = ?2, ended_at = ?3, ended_by = nullif (?4, 0), "
                    "end_reason = ?5 WHERE id = ?1", "itiit", booking_id, state,
                    sr_context_now (ctx), sr_deals_staff (ctx), reason) &&
         sr_units_set_status (ctx, unit_id, "available", error);
}

/* Moves the customer to the office's first stage of @kind (none in the preset: nothing
 * to do), with a stage_changes row the pipeline reads. */
gboolean
sr_deals_move_stage (SrContext    *ctx,
                     gint64        customer_id,
                     SrStageKind   kind,
                     gint64        deal_id,
                     GError      **error)
{
  SrDb *db = sr_context_get_db (ctx);
  const char *code = sr_stage_kind_get_code (kind);
  gint64 to = 0, from = 0;

  if (!sr_db_get_int (db, &to, error, "SELECT id FROM stages WHERE kind = ?1 "
                      "ORDER BY is_disabled, position LIMIT 1", "t", code) ||
      !sr_db_get_int (db, &from, error, "SELECT coalesce (stage_id, 0) FROM customers WHERE id = ?1",
                      "i", customer_id))
    return FALSE;
  if (to == 0 || to == from)
    return TRUE;
  return sr_db_run (db, error, "UPDATE customers SET stage_id = ?2, stage_at = ?3 WHERE id = ?1", "iii", customer_id,
                    to, sr_context_now (ctx)) &&
         sr_db_run (db, error, "INSERT INTO stage_changes (customer_id, from_stage, to_stage, at, "
                    "staff_id, event, deal_id) VALUES (?1, nullif (?2, 0), ?3, ?4, nullif (?5, 0), ?6, ?7)",
                    "iiiiiti", customer_id, from, to, sr_context_now (ctx), sr_deals_staff (ctx), code,
                    deal_id);
}

gboolean
sr_deals_move_stage_forward (SrContext    *ctx,
                             gint64        customer_id,
                             SrStageKind   kind,
                             gint64        deal_id,
                             GError      **error)
{
  gint64 later = 0;

  /* Is the office's first stage of @kind after the customer's stage (or have they none)?
   * A lost customer who comes back to sign counts as having none: the lost stage comes
   * last on the board, but nothing they do now is behind it. */
  if (!sr_db_get_int (sr_context_get_db (ctx), &later, error,
                      "SELECT coalesce ((SELECT t.position FROM stages t WHERE t.kind = ?2 "
                      " ORDER BY t.is_disabled, t.position LIMIT 1), -1) > coalesce ((SELECT "
                      " CASE WHEN s.kind = 'lost' THEN -1 ELSE s.position END FROM customers c "
                      " JOIN stages s ON s.id = c.stage_id WHERE c.id = ?1), -1)", "it", customer_id,
                      sr_stage_kind_get_code (kind)))
    return FALSE;
  return !later || sr_deals_move_stage (ctx, customer_id, kind, deal_id, error);
}

/* Commits, or rolls back and keeps the error. */
gboolean
sr_deals_finish (SrContext  *ctx,
                 gboolean    ok,
                 GError    **error)
{
  SrDb *db = sr_context_get_db (ctx);

  if (ok && sr_db_commit (db, error))
    {
      sr_context_emit_changed (ctx, "deals");
      sr_context_emit_changed (ctx, "units");
      return TRUE;
    }
  sr_db_rollback (db);
  return FALSE;
}

/* Intention money ------------------------------------------------------------ */

gint64
sr_intention_take (SrContext   *ctx,
                   gint64       customer_id,
                   SrFen        amount_fen,
                   const char  *method,
                   const char  *day,
                   char       **out_receipt_no,
                   GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  g_autofree char *number = NULL;
  gint64 owner = 0, open = 0, deal = 0, item, receipt;

  if (!sr_context_check (ctx, SR_ACTION_RECORD_MONEY, error))
    return 0;
  if (amount_fen <= 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("Give the amount."));
      return 0;
    }
  if (!sr_deals_check_method (method, error) || !sr_deals_check_day (ctx, day, error) || !sr_db_begin (db, error))
    return 0;
  if (!sr_customers_read_owner (ctx, customer_id, &owner, error) ||
      !sr_db_get_int (db, &open, error, "SELECT count(*) FROM deals WHERE customer_id = ?1 "
                      "AND state IN ('intention', 'pending')", "i", customer_id))
    goto fail;
  if (open > 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT,
                   _("This customer has already paid intention money or asked for a unit."));
      goto fail;
    }
  if (!sr_db_get_int (db, &deal, error,
                      "INSERT INTO deals (customer_id, kind, state, owner_id, created_by, created_at) "
                      "VALUES (?1, 'unit', 'intention', nullif (?2, 0), nullif (?3, 0), ?4) RETURNING id",
                      "iiii", customer_id, owner, sr_deals_staff (ctx), sr_context_now (ctx)))
    goto fail;
  item = sr_deals_add_plan_item (ctx, deal, "intention", day, amount_fen, error);
  receipt = item > 0 ? sr_deals_add_receipt (ctx, deal, "payment", day, amount_fen, method, &number, error) : 0;
  if (receipt == 0 || !sr_deals_allocate (ctx, receipt, item, amount_fen, error) ||
      !sr_audit_write (ctx, "intention", "deals", deal, NULL, "{\"state\":\"intention\"}", error) ||
      !sr_deals_finish (ctx, TRUE, error))
    goto fail;
  if (out_receipt_no != NULL)
    *out_receipt_no = g_steal_pointer (&number);
  return deal;

fail:
  sr_db_rollback (db);
  return 0;
}

/* Pays back what is due on @deal_id as a refund receipt and ends the deal as @end_state
 * (NULL: leaves the state). The caller holds the transaction. */
static gboolean
refund (SrContext   *ctx,
        gint64       deal_id,
        SrFen        amount_fen,
        const char  *method,
        const char  *day,
        char       **out_number,
        GError     **error)
{
  return sr_deals_add_receipt (ctx, deal_id, "refund", day, amount_fen, method, out_number, error) > 0;
}

gboolean
sr_intention_refund (SrContext   *ctx,
                     gint64       deal_id,
                     const char  *method,
                     const char  *day,
                     const char  *reason,
                     char       **out_receipt_no,
                     GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  g_autofree char *state = NULL;
  g_autofree char *number = NULL;
  g_autofree char *why = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  SrFen paid = 0;
  gboolean ok;

  if (!sr_context_check (ctx, SR_ACTION_RECORD_MONEY, error))
    return FALSE;
  if (*why == '\0')
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("Say why the money is paid back."));
      return FALSE;
    }
  if (!sr_deals_check_method (method, error) || !sr_deals_check_day (ctx, day, error) || !sr_db_begin (db, error))
    return FALSE;
  ok = sr_deals_read (ctx, deal_id, &state, NULL, NULL, NULL, error) &&
       sr_deals_expect_state (state, "intention",
                     _("Only intention money not yet turned into a deposit can be paid back here."),
                     error) &&
       sr_deals_paid (ctx, deal_id, &paid, error) &&
       (paid <= 0 || refund (ctx, deal_id, paid, method, day, &number, error)) &&
       sr_db_run (db, error, "UPDATE deals SET ended_at = ?2, ended_by = nullif (?3, 0), end_reason = ?4 "
                  "WHERE id = ?1", "iiit", deal_id, sr_context_now (ctx), sr_deals_staff (ctx), why) &&
       sr_deals_set_state (ctx, deal_id, state, "refunded", error);
  if (!sr_deals_finish (ctx, ok, error))
    return FALSE;
  if (out_receipt_no != NULL)
    *out_receipt_no = g_steal_pointer (&number);
  return TRUE;
}

/* Requests (called by sr-bookings.c) ------------------------------------------- */

gint64
sr_deals_open_for_request (SrContext   *ctx,
                           gint64       customer_id,
                           gint64       owner_id,
                           gint64       unit_id,
                           SrFen        deposit_fen,
                           const char  *sign_by_day,
                           GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  gint64 deal = 0, price = 0;
  SrFen paid = 0;

  (void) sign_by_day;
  if (!sr_db_get_int (db, &price, error, "SELECT price_fen FROM units WHERE id = ?1", "i", unit_id) ||
      !sr_db_get_int (db, &deal, error, "SELECT id FROM deals WHERE customer_id = ?1 "
                      "AND state = 'intention' ORDER BY id LIMIT 1", "i", customer_id))
    return 0;
  if (deal > 0)
    {
      if (!sr_deals_paid (ctx, deal, &paid, error))
        return 0;
      if (deposit_fen < paid)
        {
          g_autofree char *money = sr_money_format (paid);
          g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                       _("The customer has paid %s of intention money: the deposit cannot be less."),
                       money);
          return 0;
        }
      if (!sr_db_run (db, error, "UPDATE deals SET unit_id = ?2, list_price_fen = ?3 WHERE id = ?1",
                      "iii", deal, unit_id, price) ||
          !sr_deals_set_state (ctx, deal, "intention", "pending", error))
        return 0;
      return deal;
    }
  if (!sr_db_get_int (db, &deal, error,
                      "INSERT INTO deals (customer_id, kind, unit_id, state, list_price_fen, owner_id, "
                      "created_by, created_at) VALUES (?1, 'unit', ?2, 'pending', ?3, nullif (?4, 0), "
                      "nullif (?5, 0), ?6) RETURNING id", "iiiiii", customer_id, unit_id, price, owner_id,
                      sr_deals_staff (ctx), sr_context_now (ctx)) ||
      !sr_audit_write (ctx, "request", "deals", deal, NULL, "{\"state\":\"pending\"}", error))
    return 0;
  return deal;
}

gboolean
sr_deals_end_request (SrContext   *ctx,
                      gint64       deal_id,
                      const char  *reason,
                      GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  gint64 intention = 0;

  if (!sr_db_get_int (db, &intention, error, "SELECT count(*) FROM plan_items WHERE deal_id = ?1 "
                      "AND kind = 'intention'", "i", deal_id))
    return FALSE;
  if (intention > 0)
    return sr_db_run (db, error, "UPDATE deals SET unit_id = NULL, list_price_fen = NULL, "
                      "discount_fen = 0, discount_reason = NULL, discount_approved_by = NULL "
                      "WHERE id = ?1", "i", deal_id) &&
           sr_deals_set_state (ctx, deal_id, "pending", "intention", error);
  return sr_db_run (db, error, "UPDATE deals SET ended_at = ?2, ended_by = nullif (?3, 0), "
                    "end_reason = ?4 WHERE id = ?1", "iiit", deal_id, sr_context_now (ctx),
                    sr_deals_staff (ctx), reason) &&
         sr_deals_set_state (ctx, deal_id, "pending", "voided", error);
}

/* The deposit -------------------------------------------------------------- */

static gboolean
pending_booking (SrContext  *ctx,
                 gint64      deal_id,
                 gint64     *out_booking,
                 SrFen      *out_deposit,
                 GError    **error)
{
  SrDb *db = sr_context_get_db (ctx);

  return sr_db_get_int (db, out_booking, error, "SELECT id FROM bookings WHERE deal_id = ?1 "
                        "AND state = 'pending'", "i", deal_id) &&
         sr_db_get_int (db, out_deposit, error, "SELECT coalesce (deposit_fen, 0) FROM bookings "
                        "WHERE id = ?1", "i", *out_booking);
}

gboolean
sr_deals_deposit_due (SrContext  *ctx,
                      gint64      deal_id,
                      SrFen      *out_due,
                      GError    **error)
{
  gint64 booking = 0;
  SrFen deposit = 0, paid = 0;

  if (!pending_booking (ctx, deal_id, &booking, &deposit, error) || !sr_deals_paid (ctx, deal_id, &paid, error))
    return FALSE;
  if (booking == 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT, _("This sale is not waiting for a deposit."));
      return FALSE;
    }
  *out_due = MAX (deposit - paid, 0);
  return TRUE;
}

gboolean
sr_deals_confirm_deposit (SrContext   *ctx,
                          gint64       deal_id,
                          SrFen        amount_fen,
                          const char  *method,
                          const char  *day,
                          char       **out_receipt_no,
                          GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  g_autofree char *state = NULL;
  g_autofree char *number = NULL;
  gint64 customer = 0, unit = 0, booking = 0, item = 0, receipt = 0;
  SrFen deposit = 0, due = 0;

  if (!sr_context_check (ctx, SR_ACTION_RECORD_MONEY, error))
    return FALSE;
  if (!sr_deals_check_day (ctx, day, error) || (amount_fen > 0 && !sr_deals_check_method (method, error)) ||
      !sr_db_begin (db, error))
    return FALSE;
  if (!sr_deals_read (ctx, deal_id, &state, &customer, &unit, NULL, error) ||
      !sr_deals_expect_state (state, "pending", _("This sale is not waiting for a deposit."), error) ||
      !pending_booking (ctx, deal_id, &booking, &deposit, error) ||
      !sr_deals_deposit_due (ctx, deal_id, &due, error))
    goto fail;
  if (amount_fen != due)
    {
      g_autofree char *money = sr_money_format (due);
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                   _("The deposit due is %s: take exactly that amount."), money);
      goto fail;
    }
  /* Intention money converts into the deposit: its plan item becomes the deposit. */
  if (!sr_db_get_int (db, &item, error, "SELECT id FROM plan_items WHERE deal_id = ?1 "
                      "AND kind = 'intention'", "i", deal_id))
    goto fail;
  if (item > 0)
    {
      if (!sr_db_run (db, error, "UPDATE plan_items SET kind = 'deposit', amount_fen = ?2, due_day = ?3 "
                      "WHERE id = ?1", "iit", item, deposit, day))
        goto fail;
    }
  else if ((item = sr_deals_add_plan_item (ctx, deal_id, "deposit", day, deposit, error)) == 0)
    goto fail;
  if (due > 0)
    {
      receipt = sr_deals_add_receipt (ctx, deal_id, "payment", day, due, method, &number, error);
      if (receipt == 0 || !sr_deals_allocate (ctx, receipt, item, due, error))
        goto fail;
    }
  if (!sr_deals_set_booking_state (ctx, booking, "subscribed", error) ||
      !sr_units_set_status (ctx, unit, "subscribed", error) ||
      !sr_db_run (db, error, "UPDATE deals SET subscribed_on = ?2 WHERE id = ?1", "it", deal_id, day) ||
      !sr_deals_set_state (ctx, deal_id, "pending", "subscribed", error) ||
      !sr_deals_move_stage (ctx, customer, SR_STAGE_SUBSCRIBE, deal_id, error) ||
      !sr_deals_finish (ctx, TRUE, error))
    goto fail;
  if (out_receipt_no != NULL)
    *out_receipt_no = g_steal_pointer (&number);
  return TRUE;

fail:
  sr_db_rollback (db);
  return FALSE;
}

/* Discount, contract, change, cancellation --------------------------------------- */

gboolean
sr_deals_set_discount (SrContext   *ctx,
                       gint64       deal_id,
                       SrFen        discount_fen,
                       const char  *reason,
                       GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  SrSession *session = sr_context_get_session (ctx);
  g_autofree char *state = NULL;
  g_autofree char *why = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  gint64 list = 0, limit = sr_settings_get_int (ctx, "sales.discount_limit_permille", 10);
  gboolean approves = sr_session_may (session, SR_ACTION_APPROVE_TERMS), ok;
  g_autoptr(SrJson) json = sr_json_new ();
  g_autofree char *after = NULL;

  if (!approves && !sr_context_check (ctx, SR_ACTION_MANAGE_DEALS, error))
    return FALSE;
  if (discount_fen < 0 || (discount_fen > 0 && *why == '\0'))
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                   discount_fen < 0 ? _("A discount cannot be negative.") : _("Say why the discount is given."));
      return FALSE;
    }
  if (!sr_db_begin (db, error))
    return FALSE;
  if (!sr_deals_read (ctx, deal_id, &state, NULL, NULL, NULL, error) ||
      !sr_deals_expect_state (state, "pending subscribed", _("A discount is set before the contract is signed."), error) ||
      !sr_db_get_int (db, &list, error, "SELECT coalesce (list_price_fen, 0) FROM deals WHERE id = ?1",
                      "i", deal_id))
    goto fail;
  if (discount_fen >= list)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                   _("The discount must be less than the list price."));
      goto fail;
    }
  if (!approves && discount_fen * 1000 > list * limit)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED,
                   _("A discount above %.1f %% of the list price needs the manager’s approval."),
                   limit / 10.0);
      goto fail;
    }
  sr_json_add_int (json, "discount_fen", discount_fen);
  sr_json_add_text (json, "reason", why);
  after = sr_json_end (json);
  ok = sr_db_run (db, error, "UPDATE deals SET discount_fen = ?2, discount_reason = nullif (?3, ''), "
                  "discount_approved_by = CASE WHEN ?4 <> 0 AND ?2 > 0 THEN nullif (?5, 0) END WHERE id = ?1",
                  "iitii", deal_id, discount_fen, why, (gint64) approves, sr_deals_staff (ctx)) &&
       sr_audit_write (ctx, "discount", "deals", deal_id, NULL, after, error);
  return sr_deals_finish (ctx, ok, error);

fail:
  sr_db_rollback (db);
  return FALSE;
}

/* @day moved on by @days and @months, as YYYY-MM-DD. */
static char *
day_plus (const char *day,
          int         days,
          int         months)
{
  GDate date;
  char text[16];

  if (!sr_day_parse (day, &date))
    return g_strdup (day);
  if (months > 0)
    g_date_add_months (&date, (guint) months);
  if (days > 0)
    g_date_add_days (&date, (guint) days);
  g_date_strftime (text, sizeof text, "%Y-%m-%d", &date);
  return g_strdup (text);
}

/* The plan a contract gets in one step from its payment method and the office's terms
 * (the cost sheet's split): what the buyer still pays first (首期款, the deposit counted),
 * then the loans (按揭放款: the bank's in 60 days, the fund's in 90) or the monthly
 * instalments (分期); one-off pays the balance (尾款) within a week. The items add up to
 * the price less what is already planned. */
static gboolean
add_template_plan (SrContext   *ctx,
                   gint64       deal_id,
                   const char  *method,
                   SrFen        price,
                   SrFen        planned,
                   const char  *signed_on,
                   GError     **error)
{
  SrCostColumn split = { 0 };
  SrFen remaining = price - planned, down, loans, commercial, fund;
  g_autofree char *week = day_plus (signed_on, 7, 0);

  if (remaining <= 0)
    return TRUE;
  sr_payment_split (ctx, method, price, &split);
  if (g_strcmp0 (method, "one-off") == 0)
    return sr_deals_add_plan_item (ctx, deal_id, "balance", week, remaining, error) > 0;
  if (g_strcmp0 (method, "instalments") == 0)
    {
      SrFen rest, each;
      down = CLAMP (split.down_fen - planned, 0, remaining);
      rest = remaining - down;
      each = rest / split.months;
      if (down > 0 && sr_deals_add_plan_item (ctx, deal_id, "down-payment", signed_on, down, error) == 0)
        return FALSE;
      for (int k = 1; k <= split.months && rest > 0; k++)
        {
          g_autofree char *due = day_plus (signed_on, 0, k);
          SrFen amount = k < split.months ? each : rest - each * (split.months - 1);
          if (amount > 0 && sr_deals_add_plan_item (ctx, deal_id, "instalment", due, amount, error) == 0)
            return FALSE;
        }
      return TRUE;
    }
  /* The loans, never more than what is left; the buyer pays the rest first. */
  loans = MIN (split.commercial_loan_fen + split.fund_loan_fen, remaining);
  commercial = MIN (split.commercial_loan_fen, loans);
  fund = loans - commercial;
  down = remaining - loans;
  {
    g_autofree char *bank = day_plus (signed_on, 60, 0);
    g_autofree char *fund_day = day_plus (signed_on, 90, 0);
    return (down == 0 || sr_deals_add_plan_item (ctx, deal_id, "down-payment", week, down, error) > 0) &&
           (commercial == 0 || sr_deals_add_plan_item (ctx, deal_id, "mortgage", bank, commercial, error) > 0) &&
           (fund == 0 || sr_deals_add_plan_item (ctx, deal_id, "mortgage", fund_day, fund, error) > 0);
  }
}

gboolean
sr_deals_sign (SrContext             *ctx,
               gint64                 deal_id,
               const SrContractInput *in,
               GError               **error)
{
  SrDb *db = sr_context_get_db (ctx);
  g_autofree char *state = NULL;
  g_autofree char *number = g_strstrip (g_strdup (in->contract_no != NULL ? in->contract_no : ""));
  gint64 customer = 0, unit = 0, booking = 0, used = 0;
  SrFen price = 0, planned = 0;
  gboolean ok;

  if (!sr_context_check (ctx, SR_ACTION_MANAGE_DEALS, error))
    return FALSE;
  if (*number == '\0')
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("Give the contract number."));
      return FALSE;
    }
  if (sr_payment_method_get_label (in->payment_method) == NULL)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("Choose the payment method."));
      return FALSE;
    }
  if (!sr_deals_check_day (ctx, in->signed_on, error) || !sr_db_begin (db, error))
    return FALSE;
  if (!sr_deals_read (ctx, deal_id, &state, &customer, &unit, &booking, error) ||
      !sr_deals_expect_state (state, "subscribed",
                     _("A contract is entered once finance has confirmed the deposit."), error) ||
      !sr_db_get_int (db, &used, error, "SELECT count(*) FROM deals WHERE contract_no = ?1", "t", number) ||
      !sr_db_get_int (db, &price, error, "SELECT list_price_fen - discount_fen FROM deals WHERE id = ?1",
                      "i", deal_id) ||
      !sr_db_get_int (db, &planned, error, "SELECT coalesce (sum (amount_fen), 0) FROM plan_items "
                      "WHERE deal_id = ?1", "i", deal_id))
    goto fail;
  if (used > 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT,
                   _("Contract number %s is already used."), number);
      goto fail;
    }
  if (planned > price)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                   _("The money already planned is more than the contract price."));
      goto fail;
    }
  ok = sr_db_run (db, error, "UPDATE deals SET contract_no = ?2, signed_on = ?3, payment_method = ?4, "
                  "co_buyers = nullif (trim (?5), ''), clauses = nullif (trim (?6), ''), price_fen = ?7 "
                  "WHERE id = ?1", "ittttti", deal_id, number, in->signed_on, in->payment_method,
                  in->co_buyers, in->clauses, price) &&
       add_template_plan (ctx, deal_id, in->payment_method, price, planned, in->signed_on, error) &&
       sr_deals_set_booking_state (ctx, booking, "signed", error) &&
       sr_units_set_status (ctx, unit, "signed", error) &&
       sr_deals_set_state (ctx, deal_id, "subscribed", "signed", error) &&
       sr_deals_move_stage (ctx, customer, SR_STAGE_SIGN, deal_id, error);
  return sr_deals_finish (ctx, ok, error);

fail:
  sr_db_rollback (db);
  return FALSE;
}

gboolean
sr_deals_change_unit (SrContext   *ctx,
                      gint64       deal_id,
                      gint64       new_unit_id,
                      const char  *reason,
                      GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  g_autofree char *state = NULL;
  g_autofree char *status = NULL;
  g_autofree char *label = NULL;
  g_autofree char *sign_by = NULL;
  g_autofree char *why = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  gint64 customer = 0, unit = 0, booking = 0, price = 0, discount = 0, deposit = 0;
  gboolean ok;

  if (!sr_context_check (ctx, SR_ACTION_MANAGE_DEALS, error))
    return FALSE;
  if (*why == '\0')
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("Say why the unit is changed."));
      return FALSE;
    }
  if (!sr_db_begin (db, error))
    return FALSE;
  if (!sr_deals_read (ctx, deal_id, &state, &customer, &unit, &booking, error) ||
      !sr_deals_expect_state (state, "pending subscribed",
                     _("After signing, a change of unit is a cancellation and a new sale."), error))
    goto fail;
  if (new_unit_id == unit)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("Choose another unit."));
      goto fail;
    }
  if (sr_bookings_end_expired (ctx, new_unit_id, error) < 0 ||
      !sr_units_read_for_booking (ctx, new_unit_id, &status, &label, error) ||
      !sr_bookings_check_free (ctx, new_unit_id, label, error))
    goto fail;
  if (g_strcmp0 (status, "available") != 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT,
                   _("Unit %s is withheld from sale: release it first."), label);
      goto fail;
    }
  if (!sr_db_get_int (db, &price, error, "SELECT price_fen FROM units WHERE id = ?1", "i", new_unit_id) ||
      !sr_db_get_int (db, &discount, error, "SELECT discount_fen FROM deals WHERE id = ?1", "i", deal_id) ||
      !sr_db_get_int (db, &deposit, error, "SELECT coalesce (deposit_fen, 0) FROM bookings WHERE id = ?1",
                      "i", booking))
    goto fail;
  if (discount >= price)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                   _("The discount must be less than the list price."));
      goto fail;
    }
  {
    g_autoptr(SrStmt) stmt = sr_db_prepare (db, "SELECT sign_by_day FROM bookings WHERE id = ?1", error);
    if (stmt == NULL)
      goto fail;
    sr_stmt_bind_int (stmt, 1, booking);
    if (sr_stmt_step (stmt, error) == SR_STEP_ROW)
      sign_by = sr_stmt_dup_text (stmt, 0);
  }
  {
    g_autoptr(SrJson) json = sr_json_new ();
    g_autofree char *after = NULL;
    sr_json_add_int (json, "from_unit", unit);
    sr_json_add_int (json, "to_unit", new_unit_id);
    sr_json_add_text (json, "reason", why);
    after = sr_json_end (json);
    ok = end_booking (ctx, booking, unit, "changed", why, error) &&
         sr_bookings_insert (ctx, new_unit_id, customer, state, 0, deposit, sign_by, NULL, label,
                             deal_id, error) > 0 &&
         sr_db_run (db, error, "UPDATE deals SET unit_id = ?2, list_price_fen = ?3 WHERE id = ?1",
                    "iii", deal_id, new_unit_id, price) &&
         sr_audit_write (ctx, "change-unit", "deals", deal_id, NULL, after, error);
  }
  return sr_deals_finish (ctx, ok, error);

fail:
  sr_db_rollback (db);
  return FALSE;
}

gboolean
sr_deals_cancel (SrContext   *ctx,
                 gint64       deal_id,
                 const char  *reason,
                 SrFen        forfeit_fen,
                 GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  g_autofree char *state = NULL;
  g_autofree char *why = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  gint64 unit = 0, booking = 0;
  SrFen paid = 0;
  gboolean ok;

  if (!sr_context_check (ctx, SR_ACTION_MANAGE_DEALS, error))
    return FALSE;
  if (*why == '\0' || forfeit_fen < 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                   *why == '\0' ? _("Say why the sale is cancelled.") : _("The forfeited amount cannot be negative."));
      return FALSE;
    }
  if (!sr_db_begin (db, error))
    return FALSE;
  if (!sr_deals_read (ctx, deal_id, &state, NULL, &unit, &booking, error) ||
      !sr_deals_expect_state (state, "subscribed signed",
                     _("Only a subscribed or signed sale can be cancelled; void a request instead."), error) ||
      !sr_deals_paid (ctx, deal_id, &paid, error))
    goto fail;
  if (forfeit_fen > paid)
    {
      g_autofree char *money = sr_money_format (paid);
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                   _("The customer has paid %s: no more can be forfeited."), money);
      goto fail;
    }
  /* A decoration or service contract has no unit to free. */
  ok = (unit == 0 || end_booking (ctx, booking, unit, "cancelled", why, error)) &&
       sr_db_run (db, error, "UPDATE deals SET ended_at = ?2, ended_by = nullif (?3, 0), end_reason = ?4, "
                  "refund_due_fen = ?5, forfeit_fen = ?6 WHERE id = ?1", "iiitii", deal_id,
                  sr_context_now (ctx), sr_deals_staff (ctx), why, paid - forfeit_fen, forfeit_fen) &&
       sr_deals_set_state (ctx, deal_id, state, "cancelled", error);
  return sr_deals_finish (ctx, ok, error);

fail:
  sr_db_rollback (db);
  return FALSE;
}

gboolean
sr_deals_pay_refund (SrContext   *ctx,
                     gint64       deal_id,
                     const char  *method,
                     const char  *day,
                     char       **out_receipt_no,
                     GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  g_autofree char *state = NULL;
  g_autofree char *number = NULL;
  SrFen due = 0;
  gboolean ok;

  if (!sr_context_check (ctx, SR_ACTION_RECORD_MONEY, error))
    return FALSE;
  if (!sr_deals_check_method (method, error) || !sr_deals_check_day (ctx, day, error) || !sr_db_begin (db, error))
    return FALSE;
  ok = sr_deals_read (ctx, deal_id, &state, NULL, NULL, NULL, error) &&
       sr_deals_expect_state (state, "cancelled signed delivered", _("Nothing is due back on this sale."), error) &&
       sr_db_get_int (db, &due, error, "SELECT refund_due_fen FROM deals WHERE id = ?1", "i", deal_id);
  if (ok && due <= 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT, _("Nothing is due back on this sale."));
      ok = FALSE;
    }
  ok = ok && refund (ctx, deal_id, due, method, day, &number, error) &&
       sr_db_run (db, error, "UPDATE deals SET refund_due_fen = 0 WHERE id = ?1", "i", deal_id);
  if (!sr_deals_finish (ctx, ok, error))
    return FALSE;
  if (out_receipt_no != NULL)
    *out_receipt_no = g_steal_pointer (&number);
  return TRUE;
}

/* Reading ------------------------------------------------------------------- */

#define DEAL_SELECT \
  "SELECT d.id, d.customer_id, c.name, coalesce (d.unit_id, 0), " \
  " nullif (" SR_DEAL_LABEL_SQL ", ''), " \
  " d.state, CASE WHEN bk.state IN " SR_BOOKING_LIVE_STATES " THEN bk.id ELSE 0 END, " \
  " coalesce (d.list_price_fen, 0), d.discount_fen, d.discount_reason, ap.display_name, " \
  " coalesce (d.price_fen, 0), d.payment_method, d.contract_no, d.signed_on, d.co_buyers, d.clauses, " \
  " coalesce (bk.deposit_fen, 0), bk.sign_by_day, " \
  " (SELECT coalesce (sum (CASE r.kind WHEN 'payment' THEN r.amount_fen ELSE -r.amount_fen END), 0) " \
  "  FROM receipts r WHERE r.deal_id = d.id AND r.voided_at IS NULL), " \
  " d.refund_due_fen, d.forfeit_fen, d.end_reason, o.display_name, d.created_at, " \
  " (SELECT coalesce (sum (r.amount_fen - (SELECT coalesce (sum (a.amount_fen), 0) FROM receipt_allocations a " \
  "   WHERE a.receipt_id = r.id)), 0) FROM receipts r WHERE r.deal_id = d.id AND r.kind = 'payment' " \
  "   AND r.voided_at IS NULL), d.kind " \
  "FROM deals d JOIN customers c ON c.id = d.customer_id " \
  "LEFT JOIN units u ON u.id = d.unit_id LEFT JOIN buildings b ON b.id = u.building_id " \
  "LEFT JOIN bookings bk ON bk.id = (SELECT max (id) FROM bookings WHERE deal_id = d.id) " \
  "LEFT JOIN staff ap ON ap.id = d.discount_approved_by " \
  "LEFT JOIN staff o ON o.id = d.owner_id "

static SrDeal *
deal_from_row (SrStmt *stmt)
{
  SrDeal *d = g_new0 (SrDeal, 1);

  d->id = sr_stmt_get_int (stmt, 0);
  d->customer_id = sr_stmt_get_int (stmt, 1);
  d->customer_name = sr_stmt_dup_text (stmt, 2);
  d->unit_id = sr_stmt_get_int (stmt, 3);
  d->unit_label = sr_stmt_dup_text (stmt, 4);
  d->state = sr_stmt_dup_text (stmt, 5);
  d->booking_id = sr_stmt_get_int (stmt, 6);
  d->list_price_fen = sr_stmt_get_int (stmt, 7);
  d->discount_fen = sr_stmt_get_int (stmt, 8);
  d->discount_reason = sr_stmt_dup_text (stmt, 9);
  d->discount_approver = sr_stmt_dup_text (stmt, 10);
  d->price_fen = sr_stmt_get_int (stmt, 11);
  d->payment_method = sr_stmt_dup_text (stmt, 12);
  d->contract_no = sr_stmt_dup_text (stmt, 13);
  d->signed_on = sr_stmt_dup_text (stmt, 14);
  d->co_buyers = sr_stmt_dup_text (stmt, 15);
  d->clauses = sr_stmt_dup_text (stmt, 16);
  d->deposit_fen = sr_stmt_get_int (stmt, 17);
  d->sign_by_day = sr_stmt_dup_text (stmt, 18);
  d->paid_fen = sr_stmt_get_int (stmt, 19);
  d->refund_due_fen = sr_stmt_get_int (stmt, 20);
  d->forfeit_fen = sr_stmt_get_int (stmt, 21);
  d->end_reason = sr_stmt_dup_text (stmt, 22);
  d->owner_name = sr_stmt_dup_text (stmt, 23);
  d->created_at = sr_stmt_get_int (stmt, 24);
  d->advance_fen = sr_stmt_get_int (stmt, 25);
  d->kind = sr_stmt_dup_text (stmt, 26);
  return d;
}

void
sr_deal_free (SrDeal *deal)
{
  if (deal == NULL)
    return;
  g_free (deal->customer_name);
  g_free (deal->kind);
  g_free (deal->unit_label);
  g_free (deal->state);
  g_free (deal->discount_reason);
  g_free (deal->discount_approver);
  g_free (deal->payment_method);
  g_free (deal->contract_no);
  g_free (deal->signed_on);
  g_free (deal->co_buyers);
  g_free (deal->clauses);
  g_free (deal->sign_by_day);
  g_free (deal->end_reason);
  g_free (deal->owner_name);
  g_free (deal);
}

static GPtrArray *
list_deals (SrContext   *ctx,
            const char  *where,
            gint64       param,
            GError     **error)
{
  g_autofree char *sql = g_strconcat (DEAL_SELECT, where, NULL);
  g_autoptr(SrStmt) stmt = sr_db_prepare (sr_context_get_db (ctx), sql, error);
  g_autoptr(GPtrArray) deals = g_ptr_array_new_with_free_func ((GDestroyNotify) sr_deal_free);
  SrStep step;

  if (stmt == NULL)
    return NULL;
  if (param != 0)
    sr_stmt_bind_int (stmt, 1, param);
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    g_ptr_array_add (deals, deal_from_row (stmt));
  if (step == SR_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&deals);
}

static SrDeal *
one_deal (GPtrArray *deals)
{
  if (deals == NULL || deals->len == 0)
    return NULL;
  return g_ptr_array_steal_index (deals, 0);
}

SrDeal *
sr_deals_get (SrContext  *ctx,
              gint64      deal_id,
              GError    **error)
{
  g_autoptr(GPtrArray) deals = list_deals (ctx, "WHERE d.id = ?1", deal_id, error);

  if (deals != NULL && deals->len == 0)
    g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_NOT_FOUND, _("No such sale."));
  return one_deal (deals);
}

SrDeal *
sr_deals_for_unit (SrContext  *ctx,
                   gint64      unit_id,
                   GError    **error)
{
  g_autoptr(GPtrArray) deals = list_deals (ctx, "WHERE d.unit_id = ?1 AND bk.state IN "
                                           SR_BOOKING_LIVE_STATES, unit_id, error);
  return one_deal (deals);
}

GPtrArray *
sr_deals_for_customer (SrContext  *ctx,
                       gint64      customer_id,
                       GError    **error)
{
  return list_deals (ctx, "WHERE d.customer_id = ?1 ORDER BY d.id DESC", customer_id, error);
}

GPtrArray *
sr_deals_list_for_finance (SrContext  *ctx,
                           GError    **error)
{
  return list_deals (ctx, "WHERE d.state IN ('pending', 'intention') "
                     "OR (d.state = 'cancelled' AND d.refund_due_fen > 0) ORDER BY d.created_at, d.id",
                     0, error);
}

void
sr_plan_item_free (SrPlanItem *item)
{
  if (item == NULL)
    return;
  g_free (item->kind);
  g_free (item->due_day);
  g_free (item);
}

void
sr_receipt_free (SrReceipt *receipt)
{
  if (receipt == NULL)
    return;
  g_free (receipt->number);
  g_free (receipt->kind);
  g_free (receipt->day);
  g_free (receipt->method);
  g_free (receipt->recorded_by);
  g_free (receipt);
}

GPtrArray *
sr_deals_list_plan (SrContext  *ctx,
                    gint64      deal_id,
                    GError    **error)
{
  g_autoptr(SrStmt) stmt = sr_db_prepare (sr_context_get_db (ctx),
                                          "SELECT p.id, p.kind, p.due_day, p.amount_fen, "
                                          " (SELECT coalesce (sum (a.amount_fen), 0) FROM receipt_allocations a "
                                          "  JOIN receipts r ON r.id = a.receipt_id "
                                          "  WHERE a.plan_item_id = p.id AND r.voided_at IS NULL) "
                                          "FROM plan_items p WHERE p.deal_id = ?1 ORDER BY p.position", error);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) sr_plan_item_free);
  SrStep step;

  if (stmt == NULL)
    return NULL;
  sr_stmt_bind_int (stmt, 1, deal_id);
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      SrPlanItem *item = g_new0 (SrPlanItem, 1);
      item->id = sr_stmt_get_int (stmt, 0);
      item->kind = sr_stmt_dup_text (stmt, 1);
      item->due_day = sr_stmt_dup_text (stmt, 2);
      item->amount_fen = sr_stmt_get_int (stmt, 3);
      item->paid_fen = sr_stmt_get_int (stmt, 4);
      g_ptr_array_add (items, item);
    }
  if (step == SR_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&items);
}

GPtrArray *
sr_deals_list_receipts (SrContext  *ctx,
                        gint64      deal_id,
                        GError    **error)
{
  g_autoptr(SrStmt) stmt = sr_db_prepare (sr_context_get_db (ctx),
                                          "SELECT r.id, r.year, r.number, r.kind, r.day, r.amount_fen, r.method, "
                                          " s.display_name, r.voided_at IS NOT NULL "
                                          "FROM receipts r LEFT JOIN staff s ON s.id = r.recorded_by "
                                          "WHERE r.deal_id = ?1 ORDER BY r.day, r.id", error);
  g_autoptr(GPtrArray) receipts = g_ptr_array_new_with_free_func ((GDestroyNotify) sr_receipt_free);
  SrStep step;

  if (stmt == NULL)
    return NULL;
  sr_stmt_bind_int (stmt, 1, deal_id);
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      SrReceipt *r = g_new0 (SrReceipt, 1);
      r->id = sr_stmt_get_int (stmt, 0);
      r->number = sr_receipt_format_number (sr_stmt_get_int (stmt, 1), sr_stmt_get_int (stmt, 2));
      r->kind = sr_stmt_dup_text (stmt, 3);
      r->day = sr_stmt_dup_text (stmt, 4);
      r->amount_fen = sr_stmt_get_int (stmt, 5);
      r->method = sr_stmt_dup_text (stmt, 6);
      r->recorded_by = sr_stmt_dup_text (stmt, 7);
      r->is_voided = sr_stmt_get_int (stmt, 8) != 0;
      g_ptr_array_add (receipts, r);
    }
  if (step == SR_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&receipts);
}
