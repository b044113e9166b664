/* sr-contracts.c — see sr-contracts.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sr-audit.h"
#include "sr-contracts.h"
#include "sr-customers-private.h"
#include "sr-deals-private.h"
#include "sr-error.h"

const char * const sr_contract_kinds[] = { "design", "construction", "materials", "service", NULL };

const char *
sr_contract_kind_get_label (const char *code)
{
  if (g_strcmp0 (code, "design") == 0)
    return _("Design contract");
  if (g_strcmp0 (code, "construction") == 0)
    return _("Construction contract");
  if (g_strcmp0 (code, "materials") == 0)
    return _("Main-material contract");
  if (g_strcmp0 (code, "service") == 0)
    return _("Service agreement");
  if (g_strcmp0 (code, "unit") == 0)
    return _("Unit sale");
  return NULL;
}

gboolean
sr_contract_kind_is_for (const char   *code,
                         SrOfficeKind  office)
{
  switch (office)
    {
    case SR_OFFICE_DECORATION:
      return g_strcmp0 (code, "design") == 0 || g_strcmp0 (code, "construction") == 0 ||
             g_strcmp0 (code, "materials") == 0;
    case SR_OFFICE_HOUSEKEEPING:
      return g_strcmp0 (code, "service") == 0;
    case SR_OFFICE_PROPERTY:
    default:
      return FALSE;
    }
}

static gboolean
check_input (SrContext            *ctx,
             const SrContractDeal *in,
             const char           *number,
             GError              **error)
{
  SrOfficeKind office = SR_OFFICE_PROPERTY;

  if (!sr_office_get (ctx, NULL, &office, error))
    return FALSE;
  if (!sr_contract_kind_is_for (in->kind, office))
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                   office == SR_OFFICE_PROPERTY ? _("A property office sells units: use the unit’s subscription and contract.")
                                                : _("Choose what kind of contract it is."));
      return FALSE;
    }
  if (*number == '\0')
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("Give the contract number."));
      return FALSE;
    }
  if (in->value_fen <= 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("Give the contract’s value."));
      return FALSE;
    }
  if (in->deposit_fen < 0 || in->deposit_fen > in->value_fen)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                   _("The deposit must be between nothing and the contract’s value."));
      return FALSE;
    }
  if (in->deposit_fen < in->value_fen && (in->n_payments < 1 || in->n_payments > 60))
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                   _("The rest is paid in 1 to 60 payments."));
      return FALSE;
    }
  if (in->deposit_fen < in->value_fen && (in->every_days < 1 || in->every_days > 366))
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                   _("Give the days between payments (1 to 366; 30 is monthly)."));
      return FALSE;
    }
  if ((gint64) (in->value_fen - in->deposit_fen) < (gint64) in->n_payments && in->deposit_fen < in->value_fen)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                   _("The rest is too small for so many payments."));
      return FALSE;
    }
  return sr_deals_check_day (ctx, in->signed_on, error);
}

/* The deposit on the signing day, then equal payments, the last taking the odd fen. */
static gboolean
add_plan (SrContext            *ctx,
          gint64                deal_id,
          const SrContractDeal *in,
          GError              **error)
{
  SrFen rest = in->value_fen - in->deposit_fen;
  SrFen each;
  GDate date;

  if (in->deposit_fen > 0 &&
      sr_deals_add_plan_item (ctx, deal_id, "deposit", in->signed_on, in->deposit_fen, error) == 0)
    return FALSE;
  if (rest == 0)
    return TRUE;
  each = rest / in->n_payments;
  if (!sr_day_parse (in->signed_on, &date))
    return FALSE;
  for (guint i = 0; i < in->n_payments; i++)
    {
      gboolean last = i + 1 == in->n_payments;
      char due[11];
      g_date_add_days (&date, in->every_days);
      g_snprintf (due, sizeof due, "%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
                  g_date_get_day (&date));
      if (sr_deals_add_plan_item (ctx, deal_id, last ? "balance" : "instalment", due,
                                  last ? rest - each * (in->n_payments - 1) : each, error) == 0)
        return FALSE;
    }
  return TRUE;
}

gint64
sr_contracts_add (SrContext            *ctx,
                  const SrContractDeal *in,
                  GError              **error)
{
  SrDb *db = sr_context_get_db (ctx);
  SrSession *session = sr_context_get_session (ctx);
  g_autofree char *number = g_strstrip (g_strdup (in->contract_no != NULL ? in->contract_no : ""));
  g_autoptr(SrJson) json = sr_json_new ();
  g_autofree char *after = NULL;
  gint64 owner = 0, used = 0, deal = 0, drafter = 0;
  gboolean ok;

  if (!sr_context_check (ctx, SR_ACTION_ENTER_CONTRACTS, error) || !check_input (ctx, in, number, error) ||
      !sr_db_begin (db, error))
    return 0;
  if (!sr_customers_read_owner (ctx, in->customer_id, &owner, error) ||
      !sr_db_get_int (db, &used, error, "SELECT count(*) FROM deals WHERE contract_no = ?1", "t", number))
    goto fail;
  /* A consultant enters contracts for their own customers; supervisors and managers anyone's. */
  if (!sr_customers_check_owner (ctx, owner, _("This is another consultant’s customer: their contracts are the owner’s to enter."),
                                 error))
    goto fail;
  if (in->draftsman_id != 0 &&
      (!sr_db_get_int (db, &drafter, error, "SELECT count(*) FROM staff WHERE id = ?1 AND is_disabled = 0", "i",
                       in->draftsman_id) || drafter == 0))
    {
      if (drafter == 0 && (error == NULL || *error == NULL))
        g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("The draftsman chosen is not on the staff."));
      goto fail;
    }
  if (used > 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT, _("Contract number %s is already used."), number);
      goto fail;
    }
  if (!sr_db_get_int (db, &deal, error,
                      "INSERT INTO deals (customer_id, kind, state, list_price_fen, price_fen, contract_no, "
                      "signed_on, clauses, owner_id, created_by, created_at, draftsman_id) VALUES (?1, ?2, 'signed', ?3, ?3, ?4, "
                      "?5, nullif (trim (?6), ''), nullif (?7, 0), nullif (?8, 0), ?9, nullif (?10, 0)) RETURNING id",
                      "ititttiiii", in->customer_id, in->kind, in->value_fen, number, in->signed_on,
                      in->clauses != NULL ? in->clauses : "",
                      owner > 0 ? owner : sr_session_get_staff_id (session), sr_deals_staff (ctx),
                      sr_context_now (ctx), in->draftsman_id))
    goto fail;
  sr_json_add_text (json, "kind", in->kind);
  sr_json_add_text (json, "contract_no", number);
  sr_json_add_int (json, "value_fen", in->value_fen);
  sr_json_add_int (json, "deposit_fen", in->deposit_fen);
  after = sr_json_end (json);
  /* A design contract waits for its deposit (方案沟通/定金); the others are the signing. */
  ok = add_plan (ctx, deal, in, error) &&
       sr_audit_write (ctx, "contract", "deals", deal, NULL, after, error) &&
       (g_strcmp0 (in->kind, "design") == 0 ||
        sr_deals_move_stage_forward (ctx, in->customer_id, SR_STAGE_SIGN, deal, error));
  return sr_deals_finish (ctx, ok, error) ? deal : 0;

fail:
  sr_db_rollback (db);
  return 0;
}
