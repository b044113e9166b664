/* sr-dispatch.c — see sr-dispatch.h. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sr-audit.h"
#include "sr-customers-private.h"
#include "sr-dispatch.h"
#include "sr-error.h"
#include "sr-office.h"
#include "sr-roles.h"

static gint64
credit_of (GHashTable *credits,
           gint64      id)
{
  gint64 *c = g_hash_table_lookup (credits, &id);
  return c != NULL ? *c : 0;
}

static void
set_credit (GHashTable *credits,
            gint64      id,
            gint64      value)
{
  gint64 *c = g_hash_table_lookup (credits, &id);

  if (c == NULL)
    {
      gint64 *key = g_new (gint64, 1);
      *key = id;
      c = g_new (gint64, 1);
      g_hash_table_insert (credits, key, c);
    }
  *c = value;
}

static gint64
total_weight (const SrDispatchSeat *seats,
              guint                 n_seats)
{
  gint64 total = 0;

  for (guint i = 0; i < n_seats; i++)
    total += MAX (seats[i].weight, 0);
  return total;
}

void
sr_dispatch_apply (GHashTable           *credits,
                   const SrDispatchSeat *seats,
                   guint                 n_seats,
                   gint64                designer_id)
{
  for (guint i = 0; i < n_seats; i++)
    set_credit (credits, seats[i].designer_id, credit_of (credits, seats[i].designer_id) + MAX (seats[i].weight, 0));
  set_credit (credits, designer_id, credit_of (credits, designer_id) - total_weight (seats, n_seats));
}

GHashTable *
sr_dispatch_replay (const SrDispatchStep *history,
                    guint                 n_history,
                    GHashTable           *credits)
{
  if (credits == NULL)
    credits = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; i < n_history; i++)
    sr_dispatch_apply (credits, history[i].seats, history[i].n_seats, history[i].designer_id);
  return credits;
}

gboolean
sr_dispatch_choose (GHashTable           *credits,
                    const SrDispatchSeat *seats,
                    guint                 n_seats,
                    int                   min_rank,
                    SrDispatchChoice     *out)
{
  gboolean found = FALSE;

  memset (out, 0, sizeof *out);
  out->total = total_weight (seats, n_seats);
  for (guint i = 0; i < n_seats; i++)
    {
      gint64 grown = credit_of (credits, seats[i].designer_id) + MAX (seats[i].weight, 0);
      if (seats[i].rank < min_rank || seats[i].weight <= 0)
        continue;
      if (!found || grown > out->credit)
        {
          found = TRUE;
          out->designer_id = seats[i].designer_id;
          out->credit = grown;
        }
    }
  return found;
}

/* The stored part --------------------------------------------------------------------- */


void
sr_designer_free (SrDesigner *designer)
{
  if (designer == NULL)
    return;
  g_free (designer->name);
  g_free (designer->level_name);
  g_free (designer);
}

/* Every dispatch as a step, oldest first. */
static GArray *
read_history (SrContext  *ctx,
              GPtrArray **out_seats,
              GError    **error)
{
  g_autoptr(SrStmt) stmt = sr_db_prepare (sr_context_get_db (ctx), "SELECT designer_id, seats FROM dispatches "
                                          "ORDER BY at, id", error);
  g_autoptr(GArray) steps = g_array_new (FALSE, TRUE, sizeof (SrDispatchStep));
  g_autoptr(GPtrArray) seats = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  SrStep step;

  if (stmt == NULL)
    return NULL;
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      GArray *row = g_array_new (FALSE, FALSE, sizeof (SrDispatchSeat));
      const char *json = sr_stmt_get_text (stmt, 1);
      SrDispatchStep s = { NULL, 0, sr_stmt_get_int (stmt, 0) };
      /* [[id,weight,rank],…]: three integers to a seat. */
      gint64 values[3];
      int n = 0;
      for (const char *p = json; p != NULL && *p != '\0'; )
        {
          if (g_ascii_isdigit (*p) || *p == '-')
            {
              char *end = NULL;
              values[n++] = g_ascii_strtoll (p, &end, 10);
              p = end;
              if (n == 3)
                {
                  SrDispatchSeat seat = { values[0], (int) values[1], (int) values[2] };
                  g_array_append_val (row, seat);
                  n = 0;
                }
            }
          else
            p++;
        }
      g_ptr_array_add (seats, row);
      g_array_append_val (steps, s);
    }
  if (step == SR_STEP_ERROR)
    return NULL;
  for (guint i = 0; i < steps->len; i++)
    {
      GArray *row = g_ptr_array_index (seats, i);
      g_array_index (steps, SrDispatchStep, i).seats = (const SrDispatchSeat *) row->data;
      g_array_index (steps, SrDispatchStep, i).n_seats = row->len;
    }
  *out_seats = g_steal_pointer (&seats);
  return g_steal_pointer (&steps);
}

static GHashTable *
current_credits (SrContext  *ctx,
                 GError    **error)
{
  g_autoptr(GPtrArray) seats = NULL;
  g_autoptr(GArray) steps = read_history (ctx, &seats, error);

  if (steps == NULL)
    return NULL;
  return sr_dispatch_replay ((const SrDispatchStep *) steps->data, steps->len, NULL);
}

/* The designers at the top of the ranking before the current half-month's (setting
 * "dispatch.top_count", 1), when the office gives them extra weight. */
static GHashTable *
top_of_last_ranking (SrContext  *ctx,
                     const char *today)
{
  GHashTable *top = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gint64 count = sr_settings_get_int (ctx, "dispatch.top_count", 1);
  g_autofree char *from = NULL, *to = NULL, *last_from = NULL, *last_to = NULL;
  g_autoptr(GDate) day = g_date_new ();
  g_autoptr(GPtrArray) ranking = NULL;
  char before[16];

  if (!sr_ranking_period (today, FALSE, &from, &to))
    return top;
  g_date_set_parse (day, from);
  g_date_subtract_days (day, 1);
  g_date_strftime (before, sizeof before, "%Y-%m-%d", day);
  if (!sr_ranking_period (before, FALSE, &last_from, &last_to) ||
      (ranking = sr_designers_ranking (ctx, last_from, last_to, NULL)) == NULL)
    return top;
  for (guint i = 0; i < ranking->len && i < (guint) MAX (count, 0); i++)
    {
      SrRankRow *r = g_ptr_array_index (ranking, i);
      if (r->value_fen > 0)
        g_hash_table_add (top, g_memdup2 (&r->staff_id, sizeof r->staff_id));
    }
  return top;
}

/* The designers; their held customers counted only when asked (one pass over the
 * customers, which a dispatch needs only under a load limit). */
static GPtrArray *
designers_list (SrContext  *ctx,
                gboolean    with_held,
                GError    **error)
{
  g_autofree char *today = sr_clock_today (sr_context_get_clock (ctx));
  g_autoptr(GHashTable) credits = current_credits (ctx, error);
  g_autoptr(SrStmt) stmt = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) sr_designer_free);
  gint64 bonus = sr_settings_get_int (ctx, "dispatch.top_bonus", 0);
  g_autoptr(GHashTable) top = bonus > 0 ? top_of_last_ranking (ctx, today) : NULL;
  SrStep step;

  if (credits == NULL)
    return NULL;
  stmt = sr_db_prepare (sr_context_get_db (ctx),
                        "SELECT s.id, s.display_name, coalesce (l.id, 0), l.name, coalesce (l.rank, 0), "
                        " coalesce (l.weight, 0), "
                        " EXISTS (SELECT 1 FROM designer_leave v WHERE v.staff_id = s.id AND ?1 BETWEEN v.from_day AND v.to_day), "
                        " coalesce (held.n, 0) "
                        "FROM staff s LEFT JOIN designer_levels l ON l.id = (SELECT h.level_id FROM designer_level_history h "
                        " WHERE h.staff_id = s.id AND h.since <= ?1 ORDER BY h.since DESC, h.id DESC LIMIT 1) "
                        "LEFT JOIN (SELECT c.owner_id AS owner, count(*) AS n FROM customers c JOIN stages g ON g.id = c.stage_id "
                        " WHERE ?2 <> 0 AND c.is_voided = 0 AND g.kind IN ('contact', 'qualify', 'measure', 'plan', 'subscribe', 'custom') "
                        " GROUP BY c.owner_id) held ON held.owner = s.id "
                        "WHERE s.is_disabled = 0 AND (s.roles & 2) <> 0 ORDER BY coalesce (l.rank, 0) DESC, s.id", error);
  if (stmt == NULL)
    return NULL;
  sr_stmt_bind_text (stmt, 1, today);
  sr_stmt_bind_int (stmt, 2, with_held ? 1 : 0);
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      SrDesigner *d = g_new0 (SrDesigner, 1);
      gint64 *credit;
      d->staff_id = sr_stmt_get_int (stmt, 0);
      d->name = sr_stmt_dup_text (stmt, 1);
      d->level_id = sr_stmt_get_int (stmt, 2);
      d->level_name = sr_stmt_dup_text (stmt, 3);
      d->rank = (int) sr_stmt_get_int (stmt, 4);
      d->weight = (int) sr_stmt_get_int (stmt, 5);
      d->is_top = top != NULL && d->level_id > 0 && g_hash_table_contains (top, &d->staff_id);
      if (d->is_top)
        d->weight += (int) CLAMP (bonus, 0, 10);
      d->on_leave = sr_stmt_get_int (stmt, 6) != 0;
      d->held = (guint) sr_stmt_get_int (stmt, 7);
      credit = g_hash_table_lookup (credits, &d->staff_id);
      d->credit = credit != NULL ? *credit : 0;
      g_ptr_array_add (rows, d);
    }
  if (step == SR_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&rows);
}

GPtrArray *
sr_designers_list (SrContext  *ctx,
                   GError    **error)
{
  return designers_list (ctx, TRUE, error);
}

GPtrArray *
sr_designer_levels (SrContext  *ctx,
                    GError    **error)
{
  g_autoptr(SrStmt) stmt = sr_db_prepare (sr_context_get_db (ctx), "SELECT id, name, rank, weight FROM designer_levels "
                                          "ORDER BY rank DESC, id", error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) sr_designer_free);
  SrStep step;

  if (stmt == NULL)
    return NULL;
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      SrDesigner *level = g_new0 (SrDesigner, 1);
      level->level_id = sr_stmt_get_int (stmt, 0);
      level->level_name = sr_stmt_dup_text (stmt, 1);
      level->rank = (int) sr_stmt_get_int (stmt, 2);
      level->weight = (int) sr_stmt_get_int (stmt, 3);
      g_ptr_array_add (rows, level);
    }
  if (step == SR_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&rows);
}

static gboolean
check_designer (SrContext  *ctx,
                gint64      staff_id,
                GError    **error)
{
  gint64 n = 0;

  if (!sr_db_get_int (sr_context_get_db (ctx), &n, error, "SELECT count(*) FROM staff WHERE id = ?1 "
                      "AND is_disabled = 0 AND (roles & 2) <> 0", "i", staff_id))
    return FALSE;
  if (n == 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_NOT_FOUND, _("No such designer."));
      return FALSE;
    }
  return TRUE;
}

gboolean
sr_designers_set_level (SrContext   *ctx,
                        gint64       staff_id,
                        gint64       level_id,
                        const char  *reason,
                        GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  g_autofree char *why = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  g_autofree char *today = sr_clock_today (sr_context_get_clock (ctx));
  gint64 exists = 0, id = 0;
  g_autoptr(SrJson) json = sr_json_new ();
  g_autofree char *after = NULL;

  if (!sr_context_check (ctx, SR_ACTION_TRANSFER_OWNERSHIP, error) || !check_designer (ctx, staff_id, error) ||
      !sr_db_get_int (db, &exists, error, "SELECT count(*) FROM designer_levels WHERE id = ?1", "i", level_id))
    return FALSE;
  if (exists == 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_NOT_FOUND, _("No such level."));
      return FALSE;
    }
  if (*why == '\0')
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                   _("Give the reason (e.g. quarterly level review, promotion)."));
      return FALSE;
    }
  sr_json_add_int (json, "level_id", level_id);
  sr_json_add_text (json, "reason", why);
  after = sr_json_end (json);
  if (!sr_db_begin (db, error))
    return FALSE;
  if (!sr_db_get_int (db, &id, error, "INSERT INTO designer_level_history (staff_id, level_id, since, reason, set_by, at) "
                      "VALUES (?1, ?2, ?3, ?4, nullif (?5, 0), ?6) RETURNING id", "iittii", staff_id, level_id, today, why,
                      sr_session_get_staff_id (sr_context_get_session (ctx)), sr_context_now (ctx)) ||
      !sr_audit_write (ctx, "level", "staff", staff_id, NULL, after, error) ||
      !sr_db_commit (db, error))
    {
      sr_db_rollback (db);
      return FALSE;
    }
  sr_context_emit_changed (ctx, "staff");
  return TRUE;
}

gboolean
sr_designers_add_leave (SrContext   *ctx,
                        gint64       staff_id,
                        const char  *from_day,
                        const char  *to_day,
                        const char  *reason,
                        GError     **error)
{
  GDate from, to;

  if (!sr_context_check (ctx, SR_ACTION_TRANSFER_OWNERSHIP, error) || !check_designer (ctx, staff_id, error))
    return FALSE;
  if (!sr_day_parse (from_day, &from) || !sr_day_parse (to_day, &to) || g_date_compare (&from, &to) > 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                   _("Give the first and the last day of the leave (YYYY-MM-DD), in that order."));
      return FALSE;
    }
  if (!sr_db_run (sr_context_get_db (ctx), error, "INSERT INTO designer_leave (staff_id, from_day, to_day, reason, set_by, at) "
                  "VALUES (?1, ?2, ?3, nullif (trim (?4), ''), nullif (?5, 0), ?6)", "itttii", staff_id, from_day, to_day,
                  reason != NULL ? reason : "", sr_session_get_staff_id (sr_context_get_session (ctx)),
                  sr_context_now (ctx)))
    return FALSE;
  sr_context_emit_changed (ctx, "staff");
  return TRUE;
}

/* Who is available now: designers with a level, not on leave, under the load limit
 * (setting "dispatch.load_limit", 0: none). */
static GArray *
available_seats (SrContext  *ctx,
                 GPtrArray  *designers)
{
  GArray *seats = g_array_new (FALSE, FALSE, sizeof (SrDispatchSeat));
  gint64 limit = sr_settings_get_int (ctx, "dispatch.load_limit", 0);

  for (guint i = 0; i < designers->len; i++)
    {
      SrDesigner *d = g_ptr_array_index (designers, i);
      SrDispatchSeat seat = { d->staff_id, d->weight, d->rank };
      if (d->level_id == 0 || d->on_leave || (limit > 0 && d->held >= limit))
        continue;
      g_array_append_val (seats, seat);
    }
  return seats;
}

static SrDesigner *
find_designer (GPtrArray *designers,
               gint64     id)
{
  for (guint i = 0; i < designers->len; i++)
    if (((SrDesigner *) g_ptr_array_index (designers, i))->staff_id == id)
      return g_ptr_array_index (designers, i);
  return NULL;
}

gboolean
sr_dispatch_next (SrContext   *ctx,
                  gboolean     large,
                  gint64      *out_designer,
                  char       **out_explanation,
                  GError     **error)
{
  g_autoptr(GPtrArray) designers = designers_list (ctx, sr_settings_get_int (ctx, "dispatch.load_limit", 0) > 0, error);
  g_autoptr(GHashTable) credits = NULL;
  g_autoptr(GArray) seats = NULL;
  SrDispatchChoice choice;
  SrDesigner *d;
  int min_rank = large ? (int) sr_settings_get_int (ctx, "dispatch.threshold_rank", 2) : 0;

  if (designers == NULL || (credits = current_credits (ctx, error)) == NULL)
    return FALSE;
  seats = available_seats (ctx, designers);
  if (!sr_dispatch_choose (credits, (const SrDispatchSeat *) seats->data, seats->len, min_rank, &choice))
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT,
                   large ? _("No designer of the level this customer needs is available today.")
                         : _("No designer is available today: set levels, or end someone’s leave."));
      return FALSE;
    }
  d = find_designer (designers, choice.designer_id);
  *out_designer = choice.designer_id;
  if (out_explanation != NULL)
    {
      g_autofree char *credit = g_strdup_printf ("%" G_GINT64_FORMAT, choice.credit);
      g_autofree char *total = g_strdup_printf ("%" G_GINT64_FORMAT, choice.total);
      *out_explanation = d->is_top
        ? g_strdup_printf (_("%s: %s, top of the last ranking, credit %s of total %s"), d->name, d->level_name, credit, total)
        : g_strdup_printf (_("%s: %s, credit %s of total %s"), d->name, d->level_name, credit, total);
    }
  return TRUE;
}

gboolean
sr_dispatch_customer (SrContext   *ctx,
                      gint64       customer_id,
                      gboolean     large,
                      gint64       override_to,
                      const char  *reason,
                      GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  SrSession *session = sr_context_get_session (ctx);
  g_autofree char *why = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  g_autofree char *explanation = NULL;
  g_autofree char *today = sr_clock_today (sr_context_get_clock (ctx));
  g_autoptr(GPtrArray) designers = NULL;
  g_autoptr(GArray) seats = NULL;
  g_autoptr(GString) json = g_string_new ("[");
  gint64 owner = 0, designer = 0;
  int min_rank = large ? (int) sr_settings_get_int (ctx, "dispatch.threshold_rank", 2) : 0;

  if (!sr_context_check (ctx, SR_ACTION_TRANSFER_OWNERSHIP, error))
    return FALSE;
  if (override_to > 0 && !(sr_session_get_roles (session) & SR_ROLE_MANAGER))
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED, _("Only the manager dispatches out of turn."));
      return FALSE;
    }
  if (override_to > 0 && *why == '\0')
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("Give the reason for dispatching out of turn."));
      return FALSE;
    }
  if (!sr_db_begin (db, error))
    return FALSE;
  if (!sr_customers_read_owner (ctx, customer_id, &owner, error))
    goto fail;
  if (owner > 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT,
                   _("This customer already has a designer: transfer them instead."));
      goto fail;
    }
  designers = designers_list (ctx, sr_settings_get_int (ctx, "dispatch.load_limit", 0) > 0, error);
  if (designers == NULL)
    goto fail;
  seats = available_seats (ctx, designers);
  if (override_to > 0)
    {
      SrDesigner *d;
      if (!check_designer (ctx, override_to, error))
        goto fail;
      designer = override_to;
      d = find_designer (designers, designer);
      explanation = g_strdup_printf (_("%s, out of turn by the manager: %s"), d != NULL ? d->name : "?", why);
    }
  else if (!sr_dispatch_next (ctx, large, &designer, &explanation, error))
    goto fail;
  for (guint i = 0; i < seats->len; i++)
    {
      SrDispatchSeat *s = &g_array_index (seats, SrDispatchSeat, i);
      g_string_append_printf (json, "%s[%" G_GINT64_FORMAT ",%d,%d]", i > 0 ? "," : "", s->designer_id, s->weight, s->rank);
    }
  g_string_append_c (json, ']');
  if (!sr_customers_set_owner (ctx, customer_id, designer, "dispatch", override_to > 0 ? why : NULL, error) ||
      !sr_db_run (db, error, "INSERT INTO dispatches (customer_id, designer_id, at, day, by_id, min_rank, is_override, "
                  "reason, seats, explanation) VALUES (?1, ?2, ?3, ?4, nullif (?5, 0), ?6, ?7, nullif (?8, ''), ?9, ?10)",
                  "iiitiiitt" "t", customer_id, designer, sr_context_now (ctx), today, sr_session_get_staff_id (session),
                  (gint64) min_rank, (gint64) (override_to > 0), why, json->str, explanation) ||
      !sr_audit_write (ctx, "dispatch", "customers", customer_id, NULL, "{\"rule\":\"dispatch\"}", error) ||
      !sr_db_commit (db, error))
    goto fail;
  sr_context_emit_changed (ctx, "customers");
  sr_context_emit_changed (ctx, "staff");
  return TRUE;

fail:
  sr_db_rollback (db);
  return FALSE;
}

GPtrArray *
sr_dispatch_waiting (SrContext  *ctx,
                     guint       limit,
                     guint      *out_total,
                     GError    **error)
{
  g_autoptr(SrStmt) stmt = sr_db_prepare (sr_context_get_db (ctx), "SELECT id FROM customers WHERE owner_id IS NULL "
                                          "AND is_voided = 0 ORDER BY created_at DESC, id DESC LIMIT ?1", error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  SrStep step;

  if (stmt == NULL)
    return NULL;
  sr_stmt_bind_int (stmt, 1, limit);
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      gint64 id = sr_stmt_get_int (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (step == SR_STEP_ERROR)
    return NULL;
  if (out_total != NULL)
    {
      gint64 total = ids->len;
      if (ids->len == limit &&
          !sr_db_query_int (sr_context_get_db (ctx), "SELECT count(*) FROM customers WHERE owner_id IS NULL AND is_voided = 0",
                            &total, error))
        return NULL;
      *out_total = (guint) total;
    }
  return sr_customers_from_ids (ctx, ids, error);
}

void
sr_dispatch_row_free (SrDispatchRow *row)
{
  if (row == NULL)
    return;
  g_free (row->customer_name);
  g_free (row->designer_name);
  g_free (row->explanation);
  g_free (row);
}

GPtrArray *
sr_dispatches_for_day (SrContext   *ctx,
                       const char  *day,
                       GError     **error)
{
  g_autoptr(SrStmt) stmt = sr_db_prepare (sr_context_get_db (ctx),
                                          "SELECT d.at, d.customer_id, c.name, s.display_name, d.explanation, d.is_override, "
                                          "d.min_rank > 0 FROM dispatches d JOIN customers c ON c.id = d.customer_id "
                                          "JOIN staff s ON s.id = d.designer_id WHERE d.day = ?1 ORDER BY d.at, d.id", error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) sr_dispatch_row_free);
  SrStep step;

  if (stmt == NULL)
    return NULL;
  sr_stmt_bind_text (stmt, 1, day);
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      SrDispatchRow *r = g_new0 (SrDispatchRow, 1);
      r->at = sr_stmt_get_int (stmt, 0);
      r->customer_id = sr_stmt_get_int (stmt, 1);
      r->customer_name = sr_stmt_dup_text (stmt, 2);
      r->designer_name = sr_stmt_dup_text (stmt, 3);
      r->explanation = sr_stmt_dup_text (stmt, 4);
      r->is_override = sr_stmt_get_int (stmt, 5) != 0;
      r->is_large = sr_stmt_get_int (stmt, 6) != 0;
      g_ptr_array_add (rows, r);
    }
  if (step == SR_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&rows);
}

/* Held orders -------------------------------------------------------------------------- */

void
sr_held_order_free (SrHeldOrder *order)
{
  if (order == NULL)
    return;
  g_free (order->designer_name);
  g_free (order->customer_name);
  g_free (order->stage_name);
  g_free (order);
}

#define HELD_WHERE \
  "FROM customers c JOIN staff s ON s.id = c.owner_id JOIN stages g ON g.id = c.stage_id " \
  "WHERE c.is_voided = 0 AND (s.roles & 2) <> 0 AND (?1 = 0 OR s.id = ?1) " \
  " AND g.kind IN ('contact', 'qualify', 'measure', 'plan', 'subscribe', 'custom') " \
  " AND g.position < coalesce ((SELECT min (position) FROM stages WHERE kind = 'sign'), 1000000) " \
  " AND (?2 = 0 OR coalesce (c.last_contact_at, c.created_at) < ?3 - ?4) "

static void
bind_held (SrStmt   *stmt,
           gint64    designer_id,
           gboolean  stale_only,
           gint64    now,
           gint64    stale)
{
  sr_stmt_bind_int (stmt, 1, designer_id);
  sr_stmt_bind_int (stmt, 2, stale_only ? 1 : 0);
  sr_stmt_bind_int (stmt, 3, now);
  sr_stmt_bind_int (stmt, 4, stale);
}

GPtrArray *
sr_designers_held (SrContext  *ctx,
                   gint64      designer_id,
                   gboolean    stale_only,
                   guint       limit,
                   guint      *out_total,
                   GError    **error)
{
  SrDb *db = sr_context_get_db (ctx);
  gint64 now = sr_context_now (ctx);
  gint64 stale = sr_settings_get_int (ctx, "dispatch.stale_days", 7) * 86400;
  g_autoptr(SrStmt) stmt = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) sr_held_order_free);
  SrStep step;

  if (out_total != NULL)
    {
      g_autoptr(SrStmt) count = sr_db_prepare (db, "SELECT count(*) " HELD_WHERE, error);
      if (count == NULL)
        return NULL;
      bind_held (count, designer_id, stale_only, now, stale);
      if (sr_stmt_step (count, error) != SR_STEP_ROW)
        return NULL;
      *out_total = (guint) sr_stmt_get_int (count, 0);
    }
  stmt = sr_db_prepare (db, "SELECT s.id, s.display_name, c.id, c.name, g.name, c.stage_at, "
                        " coalesce (c.last_contact_at, c.created_at) AS last " HELD_WHERE
                        "ORDER BY last, c.id LIMIT ?5", error);
  if (stmt == NULL)
    return NULL;
  bind_held (stmt, designer_id, stale_only, now, stale);
  sr_stmt_bind_int (stmt, 5, limit);
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      SrHeldOrder *o = g_new0 (SrHeldOrder, 1);
      o->designer_id = sr_stmt_get_int (stmt, 0);
      o->designer_name = sr_stmt_dup_text (stmt, 1);
      o->customer_id = sr_stmt_get_int (stmt, 2);
      o->customer_name = sr_stmt_dup_text (stmt, 3);
      o->stage_name = sr_stmt_dup_text (stmt, 4);
      o->days_in_stage = (int) MAX ((now - sr_stmt_get_int (stmt, 5)) / 86400, 0);
      o->last_contact_at = sr_stmt_get_int (stmt, 6);
      o->is_stale = o->last_contact_at < now - stale;
      g_ptr_array_add (rows, o);
    }
  if (step == SR_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&rows);
}

/* Ranking -------------------------------------------------------------------------------- */

void
sr_rank_row_free (SrRankRow *row)
{
  if (row == NULL)
    return;
  g_free (row->name);
  g_free (row);
}

gboolean
sr_ranking_period (const char  *day,
                   gboolean     monthly,
                   char       **out_from,
                   char       **out_to)
{
  GDate date;
  int y, m, d, last;

  if (!sr_day_parse (day, &date))
    return FALSE;
  y = g_date_get_year (&date);
  m = g_date_get_month (&date);
  d = g_date_get_day (&date);
  last = g_date_get_days_in_month ((GDateMonth) m, (GDateYear) y);
  if (monthly)
    {
      *out_from = g_strdup_printf ("%04d-%02d-01", y, m);
      *out_to = g_strdup_printf ("%04d-%02d-%02d", y, m, last);
    }
  else if (d <= 15)
    {
      *out_from = g_strdup_printf ("%04d-%02d-01", y, m);
      *out_to = g_strdup_printf ("%04d-%02d-15", y, m);
    }
  else
    {
      *out_from = g_strdup_printf ("%04d-%02d-16", y, m);
      *out_to = g_strdup_printf ("%04d-%02d-%02d", y, m, last);
    }
  return TRUE;
}

GPtrArray *
sr_designers_ranking (SrContext   *ctx,
                      const char  *from_day,
                      const char  *to_day,
                      GError     **error)
{
  g_autoptr(SrStmt) stmt = sr_db_prepare (sr_context_get_db (ctx),
                                          "SELECT s.id, s.display_name, sum (d.price_fen), count(*) FROM deals d "
                                          "JOIN staff s ON s.id = d.owner_id WHERE d.signed_on BETWEEN ?1 AND ?2 "
                                          "AND d.state IN ('signed', 'delivered') GROUP BY s.id "
                                          "ORDER BY sum (d.price_fen) DESC, count(*) DESC, s.id", error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) sr_rank_row_free);
  SrStep step;

  if (stmt == NULL)
    return NULL;
  sr_stmt_bind_text (stmt, 1, from_day);
  sr_stmt_bind_text (stmt, 2, to_day);
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      SrRankRow *r = g_new0 (SrRankRow, 1);
      r->staff_id = sr_stmt_get_int (stmt, 0);
      r->name = sr_stmt_dup_text (stmt, 1);
      r->value_fen = sr_stmt_get_int (stmt, 2);
      r->count = (guint) sr_stmt_get_int (stmt, 3);
      g_ptr_array_add (rows, r);
    }
  if (step == SR_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&rows);
}
