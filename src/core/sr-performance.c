/* sr-performance.c — see sr-performance.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sr-audit.h"
#include "sr-error.h"
#include "sr-performance.h"

gboolean
sr_period_bounds (SrPeriod     period,
                  const char  *day,
                  char       **out_from,
                  char       **out_to)
{
  GDate from, to;

  if (!sr_day_parse (day, &from))
    return FALSE;
  if (period == SR_PERIOD_WEEK)
    {
      g_date_subtract_days (&from, g_date_get_weekday (&from) - G_DATE_MONDAY);
      to = from;
      g_date_add_days (&to, 6);
    }
  else
    {
      g_date_set_day (&from, 1);
      to = from;
      g_date_set_day (&to, g_date_get_days_in_month (g_date_get_month (&from), g_date_get_year (&from)));
    }
  *out_from = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&from), g_date_get_month (&from), g_date_get_day (&from));
  *out_to = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&to), g_date_get_month (&to), g_date_get_day (&to));
  return TRUE;
}

static const char *
period_code (SrPeriod period)
{
  return period == SR_PERIOD_WEEK ? "week" : "month";
}

gboolean
sr_targets_set (SrContext   *ctx,
                gint64       staff_id,
                SrPeriod     period,
                const char  *day,
                SrFen        value_fen,
                guint        signings,
                GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autoptr(SrJson) json = sr_json_new ();
  g_autofree char *after = NULL;
  gint64 exists = 0;

  if (!sr_context_check (ctx, SR_ACTION_TRANSFER_OWNERSHIP, error))
    return FALSE;
  if (!sr_period_bounds (period, day, &from, &to))
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("“%s” is not a date (YYYY-MM-DD)."), day != NULL ? day : "");
      return FALSE;
    }
  if (value_fen < 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("A target cannot be negative."));
      return FALSE;
    }
  if (!sr_db_get_int (db, &exists, error, "SELECT count(*) FROM staff WHERE id = ?1 AND is_disabled = 0", "i", staff_id))
    return FALSE;
  if (exists == 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_NOT_FOUND, _("No such staff member."));
      return FALSE;
    }
  sr_json_add_text (json, "period", period_code (period));
  sr_json_add_text (json, "starts_on", from);
  sr_json_add_int (json, "value_fen", value_fen);
  sr_json_add_int (json, "signings", signings);
  after = sr_json_end (json);
  if (!sr_db_begin (db, error))
    return FALSE;
  if (!sr_db_run (db, error, "INSERT INTO targets (staff_id, period, starts_on, value_fen, signings, set_by, at) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, nullif (?6, 0), ?7) ON CONFLICT (staff_id, period, starts_on) DO UPDATE "
                  "SET value_fen = excluded.value_fen, signings = excluded.signings, set_by = excluded.set_by, at = excluded.at",
                  "ittiiii", staff_id, period_code (period), from, value_fen, (gint64) signings,
                  sr_session_get_staff_id (sr_context_get_session (ctx)), sr_context_now (ctx)) ||
      !sr_audit_write (ctx, "target", "staff", staff_id, NULL, after, error) ||
      !sr_db_commit (db, error))
    {
      sr_db_rollback (db);
      return FALSE;
    }
  sr_context_emit_changed (ctx, "staff");
  return TRUE;
}

void
sr_performance_free (SrPerformance *row)
{
  if (row == NULL)
    return;
  g_free (row->name);
  g_free (row);
}

GPtrArray *
sr_performance_list (SrContext   *ctx,
                     SrPeriod     period,
                     const char  *day,
                     GError     **error)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  gint64 start = 0, end = 0;
  g_autoptr(SrStmt) stmt = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) sr_performance_free);
  SrStep step;

  if (!sr_period_bounds (period, day, &from, &to))
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("“%s” is not a date (YYYY-MM-DD)."), day != NULL ? day : "");
      return NULL;
    }
  if (!sr_day_range_unix (from, to, &start, &end, error))
    return NULL;
  stmt = sr_db_prepare (sr_context_get_db (ctx),
                        "SELECT s.id, s.display_name, "
                        " (SELECT count(*) FROM contacts k WHERE k.receiver_id = s.id AND k.is_business = 1 "
                        "  AND k.at BETWEEN ?3 AND ?4), "
                        " (SELECT count(*) FROM appointments a WHERE a.staff_id = s.id AND a.status = 'kept' "
                        "  AND a.day BETWEEN ?1 AND ?2), "
                        " (SELECT count(*) FROM deals d WHERE d.owner_id = s.id AND d.subscribed_on BETWEEN ?1 AND ?2), "
                        " (SELECT count(*) FROM deals d WHERE d.owner_id = s.id AND d.signed_on BETWEEN ?1 AND ?2 "
                        "  AND d.state IN ('signed', 'delivered')), "
                        " (SELECT coalesce (sum (d.price_fen), 0) FROM deals d WHERE d.owner_id = s.id "
                        "  AND d.signed_on BETWEEN ?1 AND ?2 AND d.state IN ('signed', 'delivered')), "
                        " (SELECT coalesce (sum (CASE r.kind WHEN 'payment' THEN r.amount_fen ELSE -r.amount_fen END), 0) "
                        "  FROM receipts r JOIN deals d ON d.id = r.deal_id WHERE d.owner_id = s.id "
                        "  AND r.voided_at IS NULL AND r.day BETWEEN ?1 AND ?2), "
                        " coalesce (t.value_fen, 0), coalesce (t.signings, 0) "
                        "FROM staff s LEFT JOIN targets t ON t.staff_id = s.id AND t.period = ?5 AND t.starts_on = ?1 "
                        "WHERE s.is_disabled = 0 AND (s.roles & 2) <> 0 ORDER BY s.display_name, s.id", error);
  if (stmt == NULL)
    return NULL;
  sr_stmt_bind_text (stmt, 1, from);
  sr_stmt_bind_text (stmt, 2, to);
  sr_stmt_bind_int (stmt, 3, start);
  sr_stmt_bind_int (stmt, 4, end);
  sr_stmt_bind_text (stmt, 5, period_code (period));
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      SrPerformance *r = g_new0 (SrPerformance, 1);
      r->staff_id = sr_stmt_get_int (stmt, 0);
      r->name = sr_stmt_dup_text (stmt, 1);
      r->receptions = (guint) sr_stmt_get_int (stmt, 2);
      r->appointments_kept = (guint) sr_stmt_get_int (stmt, 3);
      r->subscriptions = (guint) sr_stmt_get_int (stmt, 4);
      r->signings = (guint) sr_stmt_get_int (stmt, 5);
      r->value_fen = sr_stmt_get_int (stmt, 6);
      r->received_fen = sr_stmt_get_int (stmt, 7);
      r->target_value_fen = sr_stmt_get_int (stmt, 8);
      r->target_signings = (guint) sr_stmt_get_int (stmt, 9);
      g_ptr_array_add (rows, r);
    }
  if (step == SR_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&rows);
}
