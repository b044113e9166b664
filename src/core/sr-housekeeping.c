/* sr-housekeeping.c — see sr-housekeeping.h. */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sr-audit.h"
#include "sr-customers-private.h"
#include "sr-deals-private.h"
#include "sr-error.h"
#include "sr-housekeeping.h"
#include "sr-office.h"
#include "sr-phone.h"

const char *
sr_keeper_state_get_label (SrKeeperState state)
{
  switch (state)
    {
    case SR_KEEPER_AVAILABLE: return _("Free");
    case SR_KEEPER_PLACED: return _("Placed");
    case SR_KEEPER_TRAINING: return _("In training");
    case SR_KEEPER_LEFT: return _("Gone");
    default: return "";
    }
}

const char *
sr_candidate_result_get_label (SrCandidateResult result)
{
  switch (result)
    {
    case SR_CANDIDATE_PROPOSED: return _("Proposed, not interviewed yet");
    case SR_CANDIDATE_PASSED: return _("Passed the interview");
    case SR_CANDIDATE_FAILED: return _("Not taken");
    default: return "";
    }
}

const char *
sr_placement_end_get_label (const char *end_kind)
{
  if (g_strcmp0 (end_kind, "replaced") == 0)
    return _("Replaced");
  if (g_strcmp0 (end_kind, "finished") == 0)
    return _("Service ended");
  if (g_strcmp0 (end_kind, "cancelled") == 0)
    return _("Cancelled");
  return "";
}

void
sr_housekeeper_free (SrHousekeeper *k)
{
  if (k == NULL)
    return;
  g_free (k->name);
  g_free (k->phone);
  g_free (k->native_place);
  g_free (k->skills);
  g_free (k->note);
  g_free (k->customer_name);
  g_free (k->trial_ends_on);
  g_free (k->since);
  g_free (k->training_reason);
  g_free (k);
}

void
sr_candidate_free (SrCandidate *c)
{
  if (c == NULL)
    return;
  g_free (c->housekeeper_name);
  g_free (c->skills);
  g_free (c->interview_day);
  g_free (c->note);
  g_free (c);
}

void
sr_placement_free (SrPlacement *p)
{
  if (p == NULL)
    return;
  g_free (p->housekeeper_name);
  g_free (p->starts_on);
  g_free (p->trial_ends_on);
  g_free (p->ended_on);
  g_free (p->end_kind);
  g_free (p->end_reason);
  g_free (p);
}

static char *
trimmed (const char *text)
{
  return g_strstrip (g_strdup (text != NULL ? text : ""));
}

static gboolean
check_housekeeping_office (SrContext  *ctx,
                           GError    **error)
{
  SrOfficeKind kind = SR_OFFICE_PROPERTY;

  if (!sr_office_get (ctx, NULL, &kind, error))
    return FALSE;
  if (kind != SR_OFFICE_HOUSEKEEPING)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT,
                   _("Only a housekeeping agency keeps a roster of housekeepers."));
      return FALSE;
    }
  return TRUE;
}

/* The customer's owner or a supervisor, for a live customer. */
static gboolean
check_customer (SrContext  *ctx,
                gint64      customer_id,
                GError    **error)
{
  gint64 owner = 0;

  return sr_context_check (ctx, SR_ACTION_FOLLOW_UP, error) &&
         check_housekeeping_office (ctx, error) &&
         sr_customers_read_owner (ctx, customer_id, &owner, error) &&
         sr_customers_check_owner (ctx, owner, _("This is another consultant’s customer: their housekeepers are the owner’s to arrange."),
                                   error);
}

static gboolean
check_day (SrContext   *ctx,
           const char  *day,
           const char  *what,
           gboolean     not_future,
           GError     **error)
{
  g_autofree char *today = sr_clock_today (sr_context_get_clock (ctx));
  g_autoptr(GDate) date = g_date_new ();

  if (day != NULL)
    g_date_set_parse (date, day);
  if (day == NULL || strlen (day) != 10 || !g_date_valid (date))
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("Give %s as a date (YYYY-MM-DD)."), what);
      return FALSE;
    }
  if (not_future && strcmp (day, today) > 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("The interview cannot be in the future."));
      return FALSE;
    }
  return TRUE;
}

/* The roster --------------------------------------------------------------------------- */

static gboolean
check_input (const SrHousekeeperInput *in,
             char                    **out_name,
             char                    **out_phone,
             GError                  **error)
{
  g_autofree char *name = trimmed (in->name);
  g_autofree char *phone_in = trimmed (in->phone);
  g_autofree char *phone = NULL;

  if (*name == '\0')
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("A housekeeper needs a name."));
      return FALSE;
    }
  if (*phone_in != '\0' && (phone = sr_phone_normalise (phone_in, error)) == NULL)
    return FALSE;
  if (in->birth_year != 0 && (in->birth_year < 1940 || in->birth_year > 2010))
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("The year of birth %d is not plausible."), in->birth_year);
      return FALSE;
    }
  *out_name = g_steal_pointer (&name);
  *out_phone = g_steal_pointer (&phone);
  return TRUE;
}

gint64
sr_housekeepers_add (SrContext                *ctx,
                     const SrHousekeeperInput *in,
                     GError                  **error)
{
  SrDb *db = sr_context_get_db (ctx);
  g_autofree char *name = NULL, *phone = NULL, *place = trimmed (in->native_place);
  g_autofree char *skills = trimmed (in->skills), *note = trimmed (in->note);
  g_autoptr(SrJson) json = sr_json_new ();
  g_autofree char *after = NULL;
  gint64 id = 0;

  if (!sr_context_check (ctx, SR_ACTION_MANAGE_HOUSEKEEPERS, error) || !check_housekeeping_office (ctx, error) ||
      !check_input (in, &name, &phone, error))
    return 0;
  if (!sr_db_begin (db, error))
    return 0;
  if (!sr_db_get_int (db, &id, error, "INSERT INTO housekeepers (name, phone, birth_year, native_place, skills, note, "
                      "created_by, created_at) VALUES (?1, ?2, nullif (?3, 0), nullif (?4, ''), nullif (?5, ''), "
                      "nullif (?6, ''), nullif (?7, 0), ?8) RETURNING id", "ttitttii", name, phone, (gint64) in->birth_year,
                      place, skills, note, sr_session_get_staff_id (sr_context_get_session (ctx)), sr_context_now (ctx)))
    goto fail;
  sr_json_add_text (json, "name", name);
  sr_json_add_text (json, "skills", skills);
  after = sr_json_end (json);
  if (!sr_audit_write (ctx, "add-housekeeper", "housekeepers", id, NULL, after, error) || !sr_db_commit (db, error))
    goto fail;
  sr_context_emit_changed (ctx, "housekeepers");
  return id;

fail:
  sr_db_rollback (db);
  return 0;
}

gboolean
sr_housekeepers_update (SrContext                *ctx,
                        gint64                    id,
                        const SrHousekeeperInput *in,
                        GError                  **error)
{
  SrDb *db = sr_context_get_db (ctx);
  g_autofree char *name = NULL, *phone = NULL, *place = trimmed (in->native_place);
  g_autofree char *skills = trimmed (in->skills), *note = trimmed (in->note);

  if (!sr_context_check (ctx, SR_ACTION_MANAGE_HOUSEKEEPERS, error) || !check_input (in, &name, &phone, error))
    return FALSE;
  if (!sr_db_begin (db, error))
    return FALSE;
  if (!sr_db_run (db, error, "UPDATE housekeepers SET name = ?2, phone = ?3, birth_year = nullif (?4, 0), "
                  "native_place = nullif (?5, ''), skills = nullif (?6, ''), note = nullif (?7, '') WHERE id = ?1",
                  "ittittt", id, name, phone, (gint64) in->birth_year, place, skills, note))
    goto fail;
  if (sr_db_changes (db) == 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_NOT_FOUND, _("No such housekeeper."));
      goto fail;
    }
  if (!sr_audit_write (ctx, "edit-housekeeper", "housekeepers", id, NULL, NULL, error) || !sr_db_commit (db, error))
    goto fail;
  sr_context_emit_changed (ctx, "housekeepers");
  return TRUE;

fail:
  sr_db_rollback (db);
  return FALSE;
}

/* The housekeeper's state now, for rules: gone, placed, in training, or free. */
static gboolean
read_state (SrContext      *ctx,
            gint64          id,
            SrKeeperState  *out_state,
            GError        **error)
{
  gint64 state = -1;

  if (!sr_db_get_int (sr_context_get_db (ctx), &state, error,
                      "SELECT CASE WHEN is_left <> 0 THEN 3 "
                      " WHEN EXISTS (SELECT 1 FROM placements p WHERE p.housekeeper_id = h.id AND p.ended_on IS NULL) THEN 1 "
                      " WHEN EXISTS (SELECT 1 FROM trainings t WHERE t.housekeeper_id = h.id AND t.to_day IS NULL) THEN 2 "
                      " ELSE 0 END FROM housekeepers h WHERE id = ?1 UNION ALL SELECT -1 LIMIT 1", "i", id))
    return FALSE;
  if (state < 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_NOT_FOUND, _("No such housekeeper."));
      return FALSE;
    }
  *out_state = (SrKeeperState) state;
  return TRUE;
}

gboolean
sr_housekeepers_set_left (SrContext   *ctx,
                          gint64       id,
                          const char  *reason,
                          GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  g_autofree char *why = trimmed (reason);
  g_autofree char *today = sr_clock_today (sr_context_get_clock (ctx));
  SrKeeperState state;

  if (!sr_context_check (ctx, SR_ACTION_MANAGE_HOUSEKEEPERS, error))
    return FALSE;
  if (*why == '\0')
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("Say why the housekeeper leaves the roster."));
      return FALSE;
    }
  if (!sr_db_begin (db, error))
    return FALSE;
  if (!read_state (ctx, id, &state, error))
    goto fail;
  if (state == SR_KEEPER_PLACED)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT,
                   _("The housekeeper is placed with a customer: end or replace the placement first."));
      goto fail;
    }
  if (!sr_db_run (db, error, "UPDATE trainings SET to_day = max (from_day, ?2) WHERE housekeeper_id = ?1 AND to_day IS NULL",
                  "it", id, today) ||
      !sr_db_run (db, error, "UPDATE housekeepers SET is_left = 1, left_reason = ?2 WHERE id = ?1", "it", id, why) ||
      !sr_audit_write (ctx, "housekeeper-left", "housekeepers", id, NULL, NULL, error) || !sr_db_commit (db, error))
    goto fail;
  sr_context_emit_changed (ctx, "housekeepers");
  return TRUE;

fail:
  sr_db_rollback (db);
  return FALSE;
}

/* A housekeeper's state (SrKeeperState) from their open placement and training. */
#define KEEPER_STATE "CASE WHEN h.is_left <> 0 THEN 3 WHEN p.id IS NOT NULL THEN 1 WHEN t.id IS NOT NULL THEN 2 ELSE 0 END"
#define KEEPERS_OPEN_WORK \
  "FROM housekeepers h LEFT JOIN placements p ON p.housekeeper_id = h.id AND p.ended_on IS NULL " \
  "LEFT JOIN trainings t ON t.housekeeper_id = h.id AND t.to_day IS NULL "

#define KEEPER_COLUMNS \
  "SELECT h.id, h.name, h.phone, coalesce (h.birth_year, 0), h.native_place, h.skills, h.note, " \
  KEEPER_STATE " AS st, " \
  " coalesce (p.customer_id, t.customer_id, 0), c.name, p.trial_ends_on, coalesce (p.starts_on, t.from_day), t.reason, " \
  " (SELECT count (*) FROM placements x WHERE x.housekeeper_id = h.id), " \
  " (SELECT count (*) FROM placements x WHERE x.housekeeper_id = h.id AND x.end_kind = 'replaced') " \
  KEEPERS_OPEN_WORK "LEFT JOIN customers c ON c.id = coalesce (p.customer_id, t.customer_id) "

/* The roster's search: ?1 with those gone, ?2 the text ('' for all). */
#define KEEPERS_MATCHING \
  "WHERE (?1 <> 0 OR h.is_left = 0) AND (?2 = '' OR " \
  " instr (h.name, ?2) > 0 OR instr (coalesce (h.skills, ''), ?2) > 0 OR " \
  " instr (coalesce (h.native_place, ''), ?2) > 0 OR " \
  " (length (?2) >= 4 AND instr (coalesce (h.phone, ''), ?2) > 0)) "

static SrHousekeeper *
read_keeper (SrStmt *stmt)
{
  SrHousekeeper *k = g_new0 (SrHousekeeper, 1);

  k->id = sr_stmt_get_int (stmt, 0);
  k->name = sr_stmt_dup_text (stmt, 1);
  k->phone = sr_stmt_dup_text (stmt, 2);
  k->birth_year = (int) sr_stmt_get_int (stmt, 3);
  k->native_place = sr_stmt_dup_text (stmt, 4);
  k->skills = sr_stmt_dup_text (stmt, 5);
  k->note = sr_stmt_dup_text (stmt, 6);
  k->state = (SrKeeperState) sr_stmt_get_int (stmt, 7);
  k->customer_id = sr_stmt_get_int (stmt, 8);
  k->customer_name = sr_stmt_dup_text (stmt, 9);
  k->trial_ends_on = sr_stmt_dup_text (stmt, 10);
  k->since = sr_stmt_dup_text (stmt, 11);
  k->training_reason = sr_stmt_dup_text (stmt, 12);
  k->placements = (guint) sr_stmt_get_int (stmt, 13);
  k->replaced = (guint) sr_stmt_get_int (stmt, 14);
  return k;
}

SrHousekeeper *
sr_housekeepers_get (SrContext  *ctx,
                     gint64      id,
                     GError    **error)
{
  g_autoptr(SrStmt) stmt = sr_db_prepare (sr_context_get_db (ctx), KEEPER_COLUMNS "WHERE h.id = ?1", error);
  SrStep step;

  if (stmt == NULL)
    return NULL;
  sr_stmt_bind_int (stmt, 1, id);
  step = sr_stmt_step (stmt, error);
  if (step == SR_STEP_DONE)
    g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_NOT_FOUND, _("No such housekeeper."));
  return step == SR_STEP_ROW ? read_keeper (stmt) : NULL;
}

GPtrArray *
sr_housekeepers_list (SrContext   *ctx,
                      const char  *text,
                      gboolean     include_left,
                      guint        limit,
                      GError     **error)
{
  g_autofree char *clean = trimmed (text);
  g_autofree char *like = NULL;
  g_autoptr(SrStmt) stmt = sr_db_prepare (sr_context_get_db (ctx),
                                          KEEPER_COLUMNS KEEPERS_MATCHING "ORDER BY st, h.name, h.id LIMIT ?3", error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) sr_housekeeper_free);
  SrStep step;

  if (stmt == NULL)
    return NULL;
  sr_stmt_bind_int (stmt, 1, include_left);
  sr_stmt_bind_text (stmt, 2, clean);
  sr_stmt_bind_int (stmt, 3, limit > 0 ? limit : G_MAXINT);
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    g_ptr_array_add (rows, read_keeper (stmt));
  if (step == SR_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&rows);
}

gboolean
sr_housekeepers_count (SrContext   *ctx,
                       const char  *text,
                       gboolean     include_left,
                       guint        out_counts[SR_KEEPER_N_STATES],
                       GError     **error)
{
  g_autofree char *clean = trimmed (text);
  g_autoptr(SrStmt) stmt = sr_db_prepare (sr_context_get_db (ctx),
                                          "SELECT " KEEPER_STATE ", count(*) " KEEPERS_OPEN_WORK
                                          KEEPERS_MATCHING "GROUP BY 1", error);
  SrStep step;

  memset (out_counts, 0, sizeof (guint) * SR_KEEPER_N_STATES);
  if (stmt == NULL)
    return FALSE;
  sr_stmt_bind_int (stmt, 1, include_left);
  sr_stmt_bind_text (stmt, 2, clean);
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      gint64 state = sr_stmt_get_int (stmt, 0);
      if (state >= 0 && state < SR_KEEPER_N_STATES)
        out_counts[state] = (guint) sr_stmt_get_int (stmt, 1);
    }
  return step == SR_STEP_DONE;
}

/* Training ------------------------------------------------------------------------------ */

/* Inside the caller's transaction. */
static gboolean
start_training (SrContext   *ctx,
                gint64       housekeeper_id,
                gboolean     retraining,
                gint64       customer_id,
                const char  *reason,
                GError     **error)
{
  g_autofree char *today = sr_clock_today (sr_context_get_clock (ctx));
  gint64 id = 0;

  return sr_db_get_int (sr_context_get_db (ctx), &id, error,
                        "INSERT INTO trainings (housekeeper_id, kind, customer_id, reason, from_day, by_id, at) "
                        "VALUES (?1, ?2, nullif (?3, 0), ?4, ?5, nullif (?6, 0), ?7) RETURNING id", "itittii",
                        housekeeper_id, retraining ? "retraining" : "targeted", customer_id, reason, today,
                        sr_session_get_staff_id (sr_context_get_session (ctx)), sr_context_now (ctx)) &&
         sr_audit_write (ctx, retraining ? "start-retraining" : "start-training", "trainings", id, NULL, NULL, error);
}

gboolean
sr_housekeepers_start_training (SrContext   *ctx,
                                gint64       housekeeper_id,
                                gboolean     retraining,
                                gint64       customer_id,
                                const char  *reason,
                                GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  g_autofree char *why = trimmed (reason);
  SrKeeperState state;

  if (!sr_context_check (ctx, SR_ACTION_MANAGE_HOUSEKEEPERS, error))
    return FALSE;
  if (*why == '\0')
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("Say what the training is for."));
      return FALSE;
    }
  if (!sr_db_begin (db, error))
    return FALSE;
  if (!read_state (ctx, housekeeper_id, &state, error))
    goto fail;
  if (state != SR_KEEPER_AVAILABLE)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT, _("Only a free housekeeper can start training (now: %s)."),
                   sr_keeper_state_get_label (state));
      goto fail;
    }
  if (!start_training (ctx, housekeeper_id, retraining, customer_id, why, error) || !sr_db_commit (db, error))
    goto fail;
  sr_context_emit_changed (ctx, "housekeepers");
  return TRUE;

fail:
  sr_db_rollback (db);
  return FALSE;
}

gboolean
sr_housekeepers_finish_training (SrContext   *ctx,
                                 gint64       housekeeper_id,
                                 GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  g_autofree char *today = sr_clock_today (sr_context_get_clock (ctx));

  if (!sr_context_check (ctx, SR_ACTION_MANAGE_HOUSEKEEPERS, error) || !sr_db_begin (db, error))
    return FALSE;
  if (!sr_db_run (db, error, "UPDATE trainings SET to_day = max (from_day, ?2) WHERE housekeeper_id = ?1 AND to_day IS NULL",
                  "it", housekeeper_id, today))
    goto fail;
  if (sr_db_changes (db) == 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT, _("The housekeeper is not in training."));
      goto fail;
    }
  if (!sr_audit_write (ctx, "finish-training", "housekeepers", housekeeper_id, NULL, NULL, error) || !sr_db_commit (db, error))
    goto fail;
  sr_context_emit_changed (ctx, "housekeepers");
  return TRUE;

fail:
  sr_db_rollback (db);
  return FALSE;
}

/* Candidates ----------------------------------------------------------------------------- */

gint64
sr_candidates_propose (SrContext   *ctx,
                       gint64       customer_id,
                       gint64       housekeeper_id,
                       GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  SrKeeperState state;
  gint64 id = 0, twice = 0;

  if (!sr_db_begin (db, error))
    return 0;
  if (!check_customer (ctx, customer_id, error) || !read_state (ctx, housekeeper_id, &state, error) ||
      !sr_db_get_int (db, &twice, error, "SELECT count (*) FROM candidates WHERE customer_id = ?1 AND housekeeper_id = ?2",
                      "ii", customer_id, housekeeper_id))
    goto fail;
  if (state == SR_KEEPER_LEFT)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT, _("The housekeeper has left the roster."));
      goto fail;
    }
  if (twice > 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT, _("The housekeeper is already proposed to this customer."));
      goto fail;
    }
  if (!sr_db_get_int (db, &id, error, "INSERT INTO candidates (customer_id, housekeeper_id, proposed_by, proposed_at) "
                      "VALUES (?1, ?2, nullif (?3, 0), ?4) RETURNING id", "iiii", customer_id, housekeeper_id,
                      sr_session_get_staff_id (sr_context_get_session (ctx)), sr_context_now (ctx)) ||
      !sr_audit_write (ctx, "propose-housekeeper", "candidates", id, NULL, NULL, error) || !sr_db_commit (db, error))
    goto fail;
  sr_context_emit_changed (ctx, "housekeepers");
  return id;

fail:
  sr_db_rollback (db);
  return 0;
}

gboolean
sr_candidates_record (SrContext   *ctx,
                      gint64       candidate_id,
                      gboolean     passed,
                      const char  *day,
                      const char  *note,
                      GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  g_autofree char *why = trimmed (note);
  gint64 customer = 0;

  if (!check_day (ctx, day, _("the interview day"), TRUE, error))
    return FALSE;
  if (!passed && *why == '\0')
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("Say why the customer did not take the housekeeper."));
      return FALSE;
    }
  if (!sr_db_begin (db, error))
    return FALSE;
  if (!sr_db_get_int (db, &customer, error, "SELECT customer_id FROM candidates WHERE id = ?1", "i", candidate_id))
    goto fail;
  if (customer == 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_NOT_FOUND, _("No such candidate."));
      goto fail;
    }
  if (!check_customer (ctx, customer, error) ||
      !sr_db_run (db, error, "UPDATE candidates SET result = ?2, interview_day = ?3, note = nullif (?4, ''), "
                  "result_by = nullif (?5, 0), result_at = ?6 WHERE id = ?1", "itttii", candidate_id,
                  passed ? "passed" : "failed", day, why, sr_session_get_staff_id (sr_context_get_session (ctx)),
                  sr_context_now (ctx)) ||
      !sr_audit_write (ctx, passed ? "interview-passed" : "interview-failed", "candidates", candidate_id, NULL, NULL, error) ||
      !sr_db_commit (db, error))
    goto fail;
  sr_context_emit_changed (ctx, "housekeepers");
  return TRUE;

fail:
  sr_db_rollback (db);
  return FALSE;
}

GPtrArray *
sr_candidates_for_customer (SrContext   *ctx,
                            gint64       customer_id,
                            GError     **error)
{
  g_autoptr(SrStmt) stmt = sr_db_prepare (sr_context_get_db (ctx),
                                          "SELECT c.id, h.id, h.name, h.skills, "
                                          " CASE WHEN h.is_left <> 0 THEN 3 WHEN EXISTS (SELECT 1 FROM placements p "
                                          "  WHERE p.housekeeper_id = h.id AND p.ended_on IS NULL) THEN 1 "
                                          " WHEN EXISTS (SELECT 1 FROM trainings t WHERE t.housekeeper_id = h.id "
                                          "  AND t.to_day IS NULL) THEN 2 ELSE 0 END, "
                                          " c.result, c.interview_day, c.note, c.proposed_at FROM candidates c "
                                          "JOIN housekeepers h ON h.id = c.housekeeper_id WHERE c.customer_id = ?1 "
                                          "ORDER BY c.id DESC", error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) sr_candidate_free);
  SrStep step;

  if (stmt == NULL)
    return NULL;
  sr_stmt_bind_int (stmt, 1, customer_id);
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      SrCandidate *c = g_new0 (SrCandidate, 1);
      const char *result = sr_stmt_get_text (stmt, 5);
      c->id = sr_stmt_get_int (stmt, 0);
      c->housekeeper_id = sr_stmt_get_int (stmt, 1);
      c->housekeeper_name = sr_stmt_dup_text (stmt, 2);
      c->skills = sr_stmt_dup_text (stmt, 3);
      c->housekeeper_state = (SrKeeperState) sr_stmt_get_int (stmt, 4);
      c->result = g_strcmp0 (result, "passed") == 0 ? SR_CANDIDATE_PASSED
                : g_strcmp0 (result, "failed") == 0 ? SR_CANDIDATE_FAILED : SR_CANDIDATE_PROPOSED;
      c->interview_day = sr_stmt_dup_text (stmt, 6);
      c->note = sr_stmt_dup_text (stmt, 7);
      c->proposed_at = sr_stmt_get_int (stmt, 8);
      g_ptr_array_add (rows, c);
    }
  if (step == SR_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&rows);
}

/* Placements ----------------------------------------------------------------------------- */

/* Inside the caller's transaction: the checks of a new placement, and the row. */
static gint64
place (SrContext   *ctx,
       gint64       customer_id,
       gint64       housekeeper_id,
       const char  *starts_on,
       gint64       replaces_id,
       GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  g_autoptr(GDate) date = g_date_new ();
  g_autofree char *signed_on = NULL;
  char trial_end[16];
  SrKeeperState state;
  gint64 deal = 0, passed = 0, open = 0, id = 0;
  gint64 trial_days = sr_settings_get_int (ctx, "housekeeping.trial_days", 35);

  if (!check_day (ctx, starts_on, _("the first day"), FALSE, error) || !read_state (ctx, housekeeper_id, &state, error))
    return 0;
  if (state != SR_KEEPER_AVAILABLE)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT, _("The housekeeper cannot be placed: %s."),
                   state == SR_KEEPER_PLACED ? _("placed with another customer")
                   : state == SR_KEEPER_TRAINING ? _("in training") : _("gone from the roster"));
      return 0;
    }
  if (!sr_db_get_int (db, &passed, error, "SELECT count (*) FROM candidates WHERE customer_id = ?1 "
                      "AND housekeeper_id = ?2 AND result = 'passed'", "ii", customer_id, housekeeper_id))
    return 0;
  if (passed == 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT,
                   _("The housekeeper has not passed an interview with this customer: propose them and record the interview first."));
      return 0;
    }
  /* The service agreement: the customer's latest signed one. */
  if (!sr_db_get_int (db, &deal, error, "SELECT id FROM deals WHERE customer_id = ?1 AND kind = 'service' "
                      "AND state IN ('signed', 'delivered') ORDER BY signed_on DESC, id DESC LIMIT 1", "i", customer_id))
    return 0;
  if (deal == 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT,
                   _("No signed service agreement: a housekeeper is placed only once the agreement is signed and its fees paid."));
      return 0;
    }
  {
    g_autoptr(SrStmt) stmt = sr_db_prepare (db, "SELECT signed_on FROM deals WHERE id = ?1", error);
    if (stmt == NULL)
      return 0;
    sr_stmt_bind_int (stmt, 1, deal);
    if (sr_stmt_step (stmt, error) != SR_STEP_ROW)
      return 0;
    signed_on = sr_stmt_dup_text (stmt, 0);
  }
  if (signed_on != NULL && strcmp (starts_on, signed_on) < 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                   _("The placement cannot start before the agreement was signed (%s)."), signed_on);
      return 0;
    }
  if (!sr_db_get_int (db, &open, error, "SELECT coalesce (sum (amount_fen - paid_fen), 0) FROM plan_items "
                      "WHERE deal_id = ?1 AND due_day <= ?2 AND paid_fen < amount_fen", "it", deal, starts_on))
    return 0;
  if (open > 0)
    {
      g_autofree char *owed = sr_money_format (open);
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT,
                   _("The agreement’s fees are not paid: %s due by %s is still open. Finance records the payment first."),
                   owed, starts_on);
      return 0;
    }
  g_date_set_parse (date, starts_on);
  g_date_add_days (date, (guint) CLAMP (trial_days, 1, 365));
  g_date_strftime (trial_end, sizeof trial_end, "%Y-%m-%d", date);
  if (!sr_db_get_int (db, &id, error, "INSERT INTO placements (customer_id, housekeeper_id, deal_id, starts_on, "
                      "trial_ends_on, replaces_id, by_id, at) VALUES (?1, ?2, ?3, ?4, ?5, nullif (?6, 0), nullif (?7, 0), ?8) "
                      "RETURNING id", "iiittiii", customer_id, housekeeper_id, deal, starts_on, trial_end, replaces_id,
                      sr_session_get_staff_id (sr_context_get_session (ctx)), sr_context_now (ctx)) ||
      !sr_audit_write (ctx, replaces_id > 0 ? "replace-housekeeper" : "place-housekeeper", "placements", id, NULL, NULL, error) ||
      !sr_deals_move_stage_forward (ctx, customer_id, SR_STAGE_TRIAL, deal, error))
    return 0;
  return id;
}

gint64
sr_placements_start (SrContext   *ctx,
                     gint64       customer_id,
                     gint64       housekeeper_id,
                     const char  *starts_on,
                     GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  gint64 running = 0, id;

  if (!sr_db_begin (db, error))
    return 0;
  if (!check_customer (ctx, customer_id, error) ||
      !sr_db_get_int (db, &running, error, "SELECT count (*) FROM placements WHERE customer_id = ?1 AND ended_on IS NULL",
                      "i", customer_id))
    goto fail;
  if (running > 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT,
                   _("The customer already has a housekeeper: use Replace to change them."));
      goto fail;
    }
  id = place (ctx, customer_id, housekeeper_id, starts_on, 0, error);
  if (id == 0 || !sr_db_commit (db, error))
    goto fail;
  sr_context_emit_changed (ctx, "housekeepers");
  sr_context_emit_changed (ctx, "customers");
  return id;

fail:
  sr_db_rollback (db);
  return 0;
}

/* Ends the customer's running placement inside the caller's transaction; returns its id
 * and housekeeper. */
static gint64
end_running (SrContext   *ctx,
             gint64       customer_id,
             const char  *day,
             const char  *end_kind,
             const char  *reason,
             gint64      *out_housekeeper,
             GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  gint64 running = 0, keeper = 0;

  if (!sr_db_get_int (db, &running, error, "SELECT id FROM placements WHERE customer_id = ?1 AND ended_on IS NULL",
                      "i", customer_id) ||
      !sr_db_get_int (db, &keeper, error, "SELECT housekeeper_id FROM placements WHERE id = ?1", "i", running))
    return 0;
  if (running == 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT, _("The customer has no housekeeper placed."));
      return 0;
    }
  if (!sr_db_run (db, error, "UPDATE placements SET ended_on = max (starts_on, ?2), end_kind = ?3, end_reason = ?4, "
                  "ended_by = nullif (?5, 0) WHERE id = ?1", "ittti", running, day, end_kind, reason,
                  sr_session_get_staff_id (sr_context_get_session (ctx))) ||
      !sr_audit_write (ctx, "end-placement", "placements", running, NULL, NULL, error))
    return 0;
  *out_housekeeper = keeper;
  return running;
}

gint64
sr_placements_replace (SrContext   *ctx,
                       gint64       customer_id,
                       gint64       housekeeper_id,
                       const char  *starts_on,
                       const char  *reason,
                       gboolean     retrain,
                       GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  g_autofree char *why = trimmed (reason);
  gint64 old = 0, old_keeper = 0, id;

  if (*why == '\0')
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("Say why the housekeeper is replaced."));
      return 0;
    }
  if (!check_day (ctx, starts_on, _("the first day"), FALSE, error) || !sr_db_begin (db, error))
    return 0;
  if (!check_customer (ctx, customer_id, error))
    goto fail;
  old = end_running (ctx, customer_id, starts_on, "replaced", why, &old_keeper, error);
  if (old == 0)
    goto fail;
  if (old_keeper == housekeeper_id)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("Choose another housekeeper: this one is the one replaced."));
      goto fail;
    }
  id = place (ctx, customer_id, housekeeper_id, starts_on, old, error);
  if (id == 0)
    goto fail;
  if (retrain && !start_training (ctx, old_keeper, TRUE, 0, why, error))
    goto fail;
  if (!sr_db_commit (db, error))
    goto fail;
  sr_context_emit_changed (ctx, "housekeepers");
  sr_context_emit_changed (ctx, "customers");
  return id;

fail:
  sr_db_rollback (db);
  return 0;
}

gboolean
sr_placements_end (SrContext   *ctx,
                   gint64       customer_id,
                   const char  *end_kind,
                   const char  *reason,
                   GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  g_autofree char *why = trimmed (reason);
  g_autofree char *today = sr_clock_today (sr_context_get_clock (ctx));
  gint64 keeper = 0;

  if (g_strcmp0 (end_kind, "finished") != 0 && g_strcmp0 (end_kind, "cancelled") != 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("Say whether the service ended or was cancelled."));
      return FALSE;
    }
  if (*why == '\0')
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("Say why the placement ends."));
      return FALSE;
    }
  if (!sr_db_begin (db, error))
    return FALSE;
  if (!check_customer (ctx, customer_id, error) ||
      end_running (ctx, customer_id, today, end_kind, why, &keeper, error) == 0 || !sr_db_commit (db, error))
    goto fail;
  sr_context_emit_changed (ctx, "housekeepers");
  sr_context_emit_changed (ctx, "customers");
  return TRUE;

fail:
  sr_db_rollback (db);
  return FALSE;
}

GPtrArray *
sr_placements_for_customer (SrContext   *ctx,
                            gint64       customer_id,
                            GError     **error)
{
  g_autoptr(SrStmt) stmt = sr_db_prepare (sr_context_get_db (ctx),
                                          "SELECT p.id, h.id, h.name, p.starts_on, p.trial_ends_on, p.ended_on, p.end_kind, "
                                          "p.end_reason FROM placements p JOIN housekeepers h ON h.id = p.housekeeper_id "
                                          "WHERE p.customer_id = ?1 ORDER BY p.id DESC", error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) sr_placement_free);
  SrStep step;

  if (stmt == NULL)
    return NULL;
  sr_stmt_bind_int (stmt, 1, customer_id);
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      SrPlacement *p = g_new0 (SrPlacement, 1);
      p->id = sr_stmt_get_int (stmt, 0);
      p->housekeeper_id = sr_stmt_get_int (stmt, 1);
      p->housekeeper_name = sr_stmt_dup_text (stmt, 2);
      p->starts_on = sr_stmt_dup_text (stmt, 3);
      p->trial_ends_on = sr_stmt_dup_text (stmt, 4);
      p->ended_on = sr_stmt_dup_text (stmt, 5);
      p->end_kind = sr_stmt_dup_text (stmt, 6);
      p->end_reason = sr_stmt_dup_text (stmt, 7);
      g_ptr_array_add (rows, p);
    }
  if (step == SR_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&rows);
}
