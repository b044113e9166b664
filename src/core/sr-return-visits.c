/* sr-return-visits.c — see sr-return-visits.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sr-audit.h"
#include "sr-customers-private.h"
#include "sr-error.h"
#include "sr-office.h"
#include "sr-problems.h"
#include "sr-return-visits.h"

void
sr_visit_due_free (SrVisitDue *due)
{
  if (due == NULL)
    return;
  g_free (due->customer_name);
  g_free (due->owner_name);
  g_free (due->stage_name);
  g_free (due);
}

void
sr_visit_row_free (SrVisitRow *row)
{
  if (row == NULL)
    return;
  g_free (row->customer_name);
  g_free (row->staff_name);
  g_free (row->method);
  g_free (row->content);
  g_free (row);
}

GPtrArray *
sr_return_visits_due (SrContext  *ctx,
                      GError    **error)
{
  gint64 now = sr_context_now (ctx);
  gint64 days = sr_settings_get_int (ctx, "return_visits.days", 7);
  g_autoptr(SrStmt) stmt = sr_db_prepare (sr_context_get_db (ctx),
                                          "SELECT id, name, owner, stage, last, stage_at FROM ("
                                          "SELECT c.id, c.name, o.display_name AS owner, g.name AS stage, "
                                          " coalesce ((SELECT max (v.at) FROM return_visits v WHERE v.customer_id = c.id), 0) AS last, "
                                          " c.stage_at FROM customers c JOIN stages g ON g.id = c.stage_id "
                                          "LEFT JOIN staff o ON o.id = c.owner_id "
                                          "WHERE c.is_voided = 0 AND (g.kind IN ('construct', 'trial') OR EXISTS (SELECT 1 FROM placements p "
                                          "  WHERE p.customer_id = c.id AND p.ended_on IS NULL))) AS looked_after "
                                          "WHERE max (last, coalesce (stage_at, 0)) < ?1 - ?2 * 86400 "
                                          "ORDER BY max (last, coalesce (stage_at, 0)), id LIMIT 2000", error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) sr_visit_due_free);
  SrStep step;

  if (stmt == NULL)
    return NULL;
  sr_stmt_bind_int (stmt, 1, now);
  sr_stmt_bind_int (stmt, 2, days);
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      SrVisitDue *d = g_new0 (SrVisitDue, 1);
      gint64 since;
      d->customer_id = sr_stmt_get_int (stmt, 0);
      d->customer_name = sr_stmt_dup_text (stmt, 1);
      d->owner_name = sr_stmt_dup_text (stmt, 2);
      d->stage_name = sr_stmt_dup_text (stmt, 3);
      d->last_visit_at = sr_stmt_get_int (stmt, 4);
      since = MAX (d->last_visit_at, sr_stmt_get_int (stmt, 5));
      d->days_since = (int) MAX ((now - since) / 86400, 0);
      g_ptr_array_add (rows, d);
    }
  if (step == SR_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&rows);
}

gint64
sr_return_visits_add (SrContext           *ctx,
                      const SrReturnVisit *in,
                      GError             **error)
{
  SrDb *db = sr_context_get_db (ctx);
  g_autofree char *content = g_strstrip (g_strdup (in->content != NULL ? in->content : ""));
  g_autofree char *problem = g_strstrip (g_strdup (in->problem != NULL ? in->problem : ""));
  g_autofree char *today = sr_clock_today (sr_context_get_clock (ctx));
  g_autoptr(SrJson) json = sr_json_new ();
  g_autofree char *after = NULL;
  gint64 owner = 0, problem_id = 0, id = 0;

  if (!sr_context_check (ctx, SR_ACTION_FOLLOW_UP, error))
    return 0;
  if (g_strcmp0 (in->method, "phone") != 0 && g_strcmp0 (in->method, "visit") != 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("Say whether it was a call or a visit."));
      return 0;
    }
  if (*content == '\0')
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("Write what the customer said."));
      return 0;
    }
  if (in->satisfaction < 1 || in->satisfaction > 5)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("Give the satisfaction from 1 to 5."));
      return 0;
    }
  if (!sr_db_begin (db, error))
    return 0;
  if (!sr_customers_read_owner (ctx, in->customer_id, &owner, error))
    goto fail;
  if (*problem != '\0')
    {
      SrProblemInput p = { in->customer_id, 0, "engineering", 0, problem,
                           in->department != NULL && *in->department != '\0' ? in->department : _("Engineering") };
      problem_id = sr_problems_open (ctx, &p, error);
      if (problem_id == 0)
        goto fail;
    }
  if (!sr_db_get_int (db, &id, error, "INSERT INTO return_visits (customer_id, staff_id, at, day, method, content, "
                      "satisfaction, problem_id) VALUES (?1, nullif (?2, 0), ?3, ?4, ?5, ?6, ?7, nullif (?8, 0)) "
                      "RETURNING id", "iiitttii", in->customer_id, sr_session_get_staff_id (sr_context_get_session (ctx)),
                      sr_context_now (ctx), today, in->method, content, (gint64) in->satisfaction, problem_id))
    goto fail;
  sr_json_add_int (json, "satisfaction", in->satisfaction);
  sr_json_add_int (json, "problem_id", problem_id);
  after = sr_json_end (json);
  if (!sr_audit_write (ctx, "return-visit", "customers", in->customer_id, NULL, after, error) ||
      !sr_db_commit (db, error))
    goto fail;
  sr_context_emit_changed (ctx, "customers");
  return id;

fail:
  sr_db_rollback (db);
  return 0;
}

GPtrArray *
sr_return_visits_list (SrContext   *ctx,
                       const char  *from_day,
                       const char  *to_day,
                       GError     **error)
{
  g_autoptr(SrStmt) stmt = sr_db_prepare (sr_context_get_db (ctx),
                                          "SELECT v.at, v.customer_id, c.name, s.display_name, v.method, v.content, "
                                          "v.satisfaction, coalesce (v.problem_id, 0) FROM return_visits v "
                                          "JOIN customers c ON c.id = v.customer_id LEFT JOIN staff s ON s.id = v.staff_id "
                                          "WHERE v.day BETWEEN ?1 AND ?2 ORDER BY v.at DESC, v.id DESC LIMIT 5000", error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) sr_visit_row_free);
  SrStep step;

  if (stmt == NULL)
    return NULL;
  sr_stmt_bind_text (stmt, 1, from_day);
  sr_stmt_bind_text (stmt, 2, to_day);
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      SrVisitRow *r = g_new0 (SrVisitRow, 1);
      r->at = sr_stmt_get_int (stmt, 0);
      r->customer_id = sr_stmt_get_int (stmt, 1);
      r->customer_name = sr_stmt_dup_text (stmt, 2);
      r->staff_name = sr_stmt_dup_text (stmt, 3);
      r->method = sr_stmt_dup_text (stmt, 4);
      r->content = sr_stmt_dup_text (stmt, 5);
      r->satisfaction = (int) sr_stmt_get_int (stmt, 6);
      r->problem_id = sr_stmt_get_int (stmt, 7);
      g_ptr_array_add (rows, r);
    }
  if (step == SR_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&rows);
}
