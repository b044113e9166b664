/* sr-problems.c — see sr-problems.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sr-audit.h"
#include "sr-error.h"
#include "sr-office.h"
#include "sr-problems.h"

static const struct { const char *code, *label; } categories[] = {
  { "engineering", N_("Building works") }, { "property", N_("Property management") },
  { "contract", N_("Contract") }, { "payment", N_("Payment") },
  { "complaint", N_("Complaint") }, { "other", N_("Other") },
};
static const struct { const char *code, *label; } states[] = {
  { "open", N_("Open") }, { "proposed", N_("Solution proposed") }, { "costed", N_("Cost worked out") },
  { "cost-approved", N_("Cost approved") }, { "approved", N_("Solution approved") },
  { "told", N_("Owner told") }, { "done", N_("Done") }, { "closed", N_("Closed") },
};

const char *
sr_problem_category_get_label (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    if (g_strcmp0 (categories[i].code, code) == 0)
      return _(categories[i].label);
  return NULL;
}

const char *
sr_problem_state_get_label (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    if (g_strcmp0 (states[i].code, code) == 0)
      return _(states[i].label);
  return NULL;
}

static gint64
staff_of (SrContext *ctx)
{
  return sr_session_get_staff_id (sr_context_get_session (ctx));
}

/* Moves a problem from one of @from (space separated) to @to, writing @sets (an UPDATE
 * fragment with ?2 and ?3 as its text and number) and the step row, in one transaction. */
static gboolean
advance (SrContext   *ctx,
         gint64       problem_id,
         SrAction     action,
         const char  *from,
         const char  *to,
         const char  *sets,
         const char  *text,
         gint64       number,
         const char  *note,
         GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  g_autofree char *state = NULL;
  g_auto(GStrv) allowed = g_strsplit (from, " ", -1);
  g_autofree char *sql = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  if (!sr_context_check (ctx, action, error) || !sr_db_begin (db, error))
    return FALSE;
  {
    g_autoptr(SrStmt) stmt = sr_db_prepare (db, "SELECT state FROM problems WHERE id = ?1", error);
    if (stmt == NULL)
      goto fail;
    sr_stmt_bind_int (stmt, 1, problem_id);
    if (sr_stmt_step (stmt, error) == SR_STEP_ROW)
      state = sr_stmt_dup_text (stmt, 0);
  }
  if (state == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_NOT_FOUND, _("No such problem."));
      goto fail;
    }
  if (!g_strv_contains ((const char * const *) allowed, state))
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT,
                   _("This problem is at “%s”: that step does not come next."), sr_problem_state_get_label (state));
      goto fail;
    }
  sql = g_strdup_printf ("UPDATE problems SET state = ?4%s%s WHERE id = ?1", sets != NULL ? ", " : "",
                         sets != NULL ? sets : "");
  before = g_strdup_printf ("{\"state\":\"%s\"}", state);
  after = g_strdup_printf ("{\"state\":\"%s\"}", to);
  if (!sr_db_run (db, error, sql, "itit", problem_id, text, number, to) ||
      !sr_db_run (db, error, "INSERT INTO problem_steps (problem_id, step, at, staff_id, note) "
                  "VALUES (?1, ?2, ?3, nullif (?4, 0), nullif (trim (?5), ''))", "itiit", problem_id, to,
                  sr_context_now (ctx), staff_of (ctx), note) ||
      !sr_audit_write (ctx, to, "problems", problem_id, before, after, error) ||
      !sr_db_commit (db, error))
    goto fail;
  sr_context_emit_changed (ctx, "problems");
  return TRUE;

fail:
  sr_db_rollback (db);
  return FALSE;
}

static gboolean
require_text (const char  *text,
              const char  *message,
              GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (*trimmed != '\0')
    return TRUE;
  g_set_error_literal (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, message);
  return FALSE;
}

gint64
sr_problems_open (SrContext            *ctx,
                  const SrProblemInput *in,
                  GError              **error)
{
  SrDb *db = sr_context_get_db (ctx);
  gint64 id = 0;

  if (!sr_context_check (ctx, SR_ACTION_FOLLOW_UP, error))
    return 0;
  if (sr_problem_category_get_label (in->category) == NULL)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("Choose what kind of problem it is."));
      return 0;
    }
  if (!require_text (in->description, _("Describe the problem."), error) ||
      !require_text (in->department, _("Name the department responsible."), error))
    return 0;
  if (g_strcmp0 (in->category, "complaint") == 0 && in->concerned_staff_id <= 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("A complaint names the staff member concerned."));
      return 0;
    }
  if (!sr_db_begin (db, error))
    return 0;
  if (!sr_db_get_int (db, &id, error,
                      "INSERT INTO problems (customer_id, unit_id, category, concerned_staff_id, description, department, "
                      "opened_at, opened_by) VALUES (?1, nullif (?2, 0), ?3, nullif (?4, 0), trim (?5), trim (?6), ?7, "
                      "nullif (?8, 0)) RETURNING id", "iitittii", in->customer_id, in->unit_id, in->category,
                      in->concerned_staff_id, in->description, in->department, sr_context_now (ctx), staff_of (ctx)) ||
      !sr_db_run (db, error, "INSERT INTO problem_steps (problem_id, step, at, staff_id) VALUES (?1, 'open', ?2, "
                  "nullif (?3, 0))", "iii", id, sr_context_now (ctx), staff_of (ctx)) ||
      !sr_audit_write (ctx, "open", "problems", id, NULL, "{\"state\":\"open\"}", error) ||
      !sr_db_commit (db, error))
    {
      sr_db_rollback (db);
      return 0;
    }
  sr_context_emit_changed (ctx, "problems");
  sr_context_emit_changed (ctx, "customers");
  return id;
}

guint
sr_problems_open_from_inspection (SrContext   *ctx,
                                  gint64       unit_id,
                                  const char  *failed_items,
                                  GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  g_auto(GStrv) lines = g_strsplit (failed_items != NULL ? failed_items : "", "\n", -1);
  gint64 customer = 0;
  guint n = 0;

  if (!sr_context_check (ctx, SR_ACTION_FOLLOW_UP, error))
    return 0;
  if (!sr_db_get_int (db, &customer, error, "SELECT coalesce ((SELECT d.customer_id FROM deals d WHERE d.unit_id = ?1 "
                      "AND d.state IN ('signed', 'delivered') ORDER BY d.id DESC LIMIT 1), 0)", "i", unit_id))
    return 0;
  if (customer == 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT,
                   _("The unit has no signed owner: an inspection is the owner’s, after signing."));
      return 0;
    }
  if (!sr_db_begin (db, error))
    return 0;
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *item = g_strstrip (g_strdup (lines[i]));
      g_autofree char *description = NULL;
      SrProblemInput in = { customer, unit_id, "engineering", 0, NULL, NULL };

      if (*item == '\0')
        continue;
      description = g_strdup_printf (_("Inspection: %s"), item);
      in.description = description;
      in.department = _("Engineering");
      if (sr_problems_open (ctx, &in, error) == 0)
        {
          sr_db_rollback (db);
          return 0;
        }
      n++;
    }
  if (n == 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("Write the failed items, one to a line."));
      sr_db_rollback (db);
      return 0;
    }
  if (!sr_db_commit (db, error))
    {
      sr_db_rollback (db);
      return 0;
    }
  return n;
}

gboolean
sr_problems_propose (SrContext   *ctx,
                     gint64       problem_id,
                     const char  *solution,
                     gboolean     needs_cost,
                     GError     **error)
{
  return require_text (solution, _("Write the solution."), error) &&
         advance (ctx, problem_id, SR_ACTION_FOLLOW_UP, "open", "proposed", "solution = trim (?2), needs_cost = ?3",
                  solution, needs_cost ? 1 : 0, solution, error);
}

gboolean
sr_problems_cost (SrContext  *ctx,
                  gint64      problem_id,
                  SrFen       cost_fen,
                  GError    **error)
{
  gint64 needs = 0;

  if (cost_fen < 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("A cost cannot be negative."));
      return FALSE;
    }
  if (!sr_db_get_int (sr_context_get_db (ctx), &needs, error, "SELECT needs_cost FROM problems WHERE id = ?1",
                      "i", problem_id))
    return FALSE;
  if (!needs)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT, _("This solution costs nothing: it goes to approval."));
      return FALSE;
    }
  return advance (ctx, problem_id, SR_ACTION_RECORD_MONEY, "proposed", "costed", "cost_fen = ?3", NULL, cost_fen,
                  NULL, error);
}

gboolean
sr_problems_approve_cost (SrContext  *ctx,
                          gint64      problem_id,
                          GError    **error)
{
  return advance (ctx, problem_id, SR_ACTION_APPROVE_TERMS, "costed", "cost-approved", NULL, NULL, 0, NULL, error);
}

gboolean
sr_problems_approve (SrContext  *ctx,
                     gint64      problem_id,
                     GError    **error)
{
  gint64 needs = 0;

  /* A solution that costs money needs its cost approved first. */
  if (!sr_db_get_int (sr_context_get_db (ctx), &needs, error, "SELECT needs_cost FROM problems WHERE id = ?1",
                      "i", problem_id))
    return FALSE;
  return advance (ctx, problem_id, SR_ACTION_APPROVE_TERMS, needs ? "cost-approved" : "proposed", "approved", NULL,
                  NULL, 0, NULL, error);
}

gboolean
sr_problems_tell (SrContext   *ctx,
                  gint64       problem_id,
                  const char  *promised_day,
                  GError     **error)
{
  GDate date;

  if (promised_day == NULL || !sr_day_parse (promised_day, &date))
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("Give the completion date promised to the owner."));
      return FALSE;
    }
  return advance (ctx, problem_id, SR_ACTION_FOLLOW_UP, "approved", "told", "promised_day = ?2", promised_day, 0,
                  promised_day, error);
}

gboolean
sr_problems_done (SrContext  *ctx,
                  gint64      problem_id,
                  GError    **error)
{
  return advance (ctx, problem_id, SR_ACTION_FOLLOW_UP, "told", "done", NULL, NULL, 0, NULL, error);
}

gboolean
sr_problems_close (SrContext   *ctx,
                   gint64       problem_id,
                   const char  *feedback,
                   GError     **error)
{
  if (!require_text (feedback, _("Write what the owner said."), error) ||
      !advance (ctx, problem_id, SR_ACTION_FOLLOW_UP, "done", "closed", "feedback = trim (?2)", feedback, 0, feedback,
                error))
    return FALSE;
  sr_context_emit_changed (ctx, "customers");
  return TRUE;
}

/* Reading ------------------------------------------------------------------------ */

void
sr_problem_free (SrProblem *p)
{
  if (p == NULL)
    return;
  g_free (p->customer_name);
  g_free (p->unit_label);
  g_free (p->category);
  g_free (p->concerned);
  g_free (p->description);
  g_free (p->department);
  g_free (p->state);
  g_free (p->solution);
  g_free (p->promised_day);
  g_free (p->feedback);
  g_free (p);
}

void
sr_complaint_count_free (SrComplaintCount *count)
{
  if (count == NULL)
    return;
  g_free (count->name);
  g_free (count);
}

static GPtrArray *
load (SrContext  *ctx,
      const char *where,
      gint64      param,
      GError    **error)
{
  g_autofree char *today = sr_clock_today (sr_context_get_clock (ctx));
  gint64 days = sr_settings_get_int (ctx, "problems.proposal_days", 7);
  g_autofree char *sql = g_strconcat (
    "SELECT p.id, p.customer_id, c.name, CASE WHEN u.id IS NULL THEN '' ELSE b.name || ' ' || "
    " CASE WHEN u.entrance <> '' THEN u.entrance || '-' ELSE '' END || u.number END, p.category, s.display_name, "
    " p.description, p.department, p.state, p.solution, p.needs_cost, coalesce (p.cost_fen, 0), p.promised_day, "
    " p.feedback, p.opened_at, "
    " p.state = 'open' AND p.opened_at + ?2 * 86400 < ?3, "
    " p.state = 'told' AND p.promised_day < ?4 "
    "FROM problems p JOIN customers c ON c.id = p.customer_id "
    "LEFT JOIN units u ON u.id = p.unit_id LEFT JOIN buildings b ON b.id = u.building_id "
    "LEFT JOIN staff s ON s.id = p.concerned_staff_id ", where, NULL);
  g_autoptr(SrStmt) stmt = sr_db_prepare (sr_context_get_db (ctx), sql, error);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) sr_problem_free);
  SrStep step;

  if (stmt == NULL)
    return NULL;
  sr_stmt_bind_int (stmt, 1, param);
  sr_stmt_bind_int (stmt, 2, days);
  sr_stmt_bind_int (stmt, 3, sr_context_now (ctx));
  sr_stmt_bind_text (stmt, 4, today);
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      SrProblem *p = g_new0 (SrProblem, 1);
      p->id = sr_stmt_get_int (stmt, 0);
      p->customer_id = sr_stmt_get_int (stmt, 1);
      p->customer_name = sr_stmt_dup_text (stmt, 2);
      p->unit_label = sr_stmt_dup_text (stmt, 3);
      p->category = sr_stmt_dup_text (stmt, 4);
      p->concerned = sr_stmt_dup_text (stmt, 5);
      p->description = sr_stmt_dup_text (stmt, 6);
      p->department = sr_stmt_dup_text (stmt, 7);
      p->state = sr_stmt_dup_text (stmt, 8);
      p->solution = sr_stmt_dup_text (stmt, 9);
      p->needs_cost = sr_stmt_get_int (stmt, 10) != 0;
      p->cost_fen = sr_stmt_get_int (stmt, 11);
      p->promised_day = sr_stmt_dup_text (stmt, 12);
      p->feedback = sr_stmt_dup_text (stmt, 13);
      p->opened_at = sr_stmt_get_int (stmt, 14);
      p->is_proposal_late = sr_stmt_get_int (stmt, 15) != 0;
      p->is_promise_broken = sr_stmt_get_int (stmt, 16) != 0;
      g_ptr_array_add (list, p);
    }
  return step == SR_STEP_ERROR ? NULL : g_steal_pointer (&list);
}

SrProblem *
sr_problems_get (SrContext  *ctx,
                 gint64      problem_id,
                 GError    **error)
{
  g_autoptr(GPtrArray) list = load (ctx, "WHERE p.id = ?1", problem_id, error);

  if (list == NULL)
    return NULL;
  if (list->len == 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_NOT_FOUND, _("No such problem."));
      return NULL;
    }
  return g_ptr_array_steal_index (list, 0);
}

GPtrArray *
sr_problems_list (SrContext  *ctx,
                  gboolean    include_closed,
                  GError    **error)
{
  return load (ctx, "WHERE ?1 <> 0 OR p.state <> 'closed' ORDER BY p.opened_at, p.id", include_closed, error);
}

gboolean
sr_problems_customer_has_open (SrContext  *ctx,
                               gint64      customer_id,
                               gboolean   *out_has,
                               GError    **error)
{
  gint64 n = 0;

  if (!sr_db_get_int (sr_context_get_db (ctx), &n, error, "SELECT count(*) FROM problems WHERE customer_id = ?1 "
                      "AND state <> 'closed'", "i", customer_id))
    return FALSE;
  *out_has = n > 0;
  return TRUE;
}

GPtrArray *
sr_problems_complaint_counts (SrContext   *ctx,
                              const char  *from_day,
                              const char  *to_day,
                              GError     **error)
{
  g_autoptr(SrStmt) stmt = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) sr_complaint_count_free);
  gint64 from = 0, to = 0;
  SrStep step;

  if (!sr_day_range_unix (from_day, to_day, &from, &to, error))
    return NULL;
  stmt = sr_db_prepare (sr_context_get_db (ctx), "SELECT s.display_name, count(*) FROM problems p "
                        "JOIN staff s ON s.id = p.concerned_staff_id WHERE p.category = 'complaint' "
                        "AND p.opened_at BETWEEN ?1 AND ?2 GROUP BY s.id ORDER BY 2 DESC, 1", error);
  if (stmt == NULL)
    return NULL;
  sr_stmt_bind_int (stmt, 1, from);
  sr_stmt_bind_int (stmt, 2, to);
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      SrComplaintCount *c = g_new0 (SrComplaintCount, 1);
      c->name = sr_stmt_dup_text (stmt, 0);
      c->count = (guint) sr_stmt_get_int (stmt, 1);
      g_ptr_array_add (list, c);
    }
  return step == SR_STEP_ERROR ? NULL : g_steal_pointer (&list);
}
