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
  g_free (row->team);
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
                        " coalesce (t.value_fen, 0), coalesce (t.signings, 0), s.team "
                        "FROM staff s LEFT JOIN targets t ON t.staff_id = s.id AND t.period = ?5 AND t.starts_on = ?1 "
                        "WHERE s.is_disabled = 0 AND (s.roles & 2) <> 0 ORDER BY s.team IS NULL, s.team, s.display_name, s.id", error);
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
      r->team = sr_stmt_dup_text (stmt, 10);
      g_ptr_array_add (rows, r);
    }
  if (step == SR_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&rows);
}

GPtrArray *
sr_performance_by_team (GPtrArray *rows)
{
  GPtrArray *teams = g_ptr_array_new_with_free_func ((GDestroyNotify) sr_performance_free);

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      SrPerformance *r = g_ptr_array_index (rows, i);
      SrPerformance *t = NULL;
      if (r->team == NULL)
        continue;
      for (guint j = 0; j < teams->len && t == NULL; j++)
        if (g_strcmp0 (((SrPerformance *) teams->pdata[j])->team, r->team) == 0)
          t = teams->pdata[j];
      if (t == NULL)
        {
          t = g_new0 (SrPerformance, 1);
          t->team = g_strdup (r->team);
          t->name = g_strdup (r->team);
          g_ptr_array_add (teams, t);
        }
      t->receptions += r->receptions;
      t->appointments_kept += r->appointments_kept;
      t->subscriptions += r->subscriptions;
      t->signings += r->signings;
      t->value_fen += r->value_fen;
      t->received_fen += r->received_fen;
      t->target_value_fen += r->target_value_fen;
      t->target_signings += r->target_signings;
    }
  return teams;
}

/* The output summary (产值汇总表) -------------------------------------------------------- */

void
sr_output_row_free (SrOutputRow *row)
{
  if (row == NULL)
    return;
  g_free (row->name);
  g_free (row->team);
  g_free (row);
}

GPtrArray *
sr_output_summary (SrContext   *ctx,
                   SrPeriod     period,
                   const char  *day,
                   GError     **error)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autoptr(SrStmt) stmt = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) sr_output_row_free);
  SrStep step;

  if (!sr_period_bounds (period, day, &from, &to))
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("“%s” is not a date (YYYY-MM-DD)."), day != NULL ? day : "");
      return NULL;
    }
  stmt = sr_db_prepare (sr_context_get_db (ctx),
                        "WITH signed AS (SELECT owner_id, draftsman_id, price_fen FROM deals "
                        " WHERE signed_on BETWEEN ?1 AND ?2 AND state IN ('signed', 'delivered') AND kind <> 'unit'), "
                        "designed AS (SELECT owner_id AS id, count(*) AS n, sum (price_fen) AS v FROM signed GROUP BY owner_id), "
                        "drawn AS (SELECT draftsman_id AS id, count(*) AS n, sum (price_fen) AS v FROM signed "
                        " WHERE draftsman_id IS NOT NULL GROUP BY draftsman_id) "
                        "SELECT s.id, s.display_name, s.team, coalesce (a.n, 0), coalesce (a.v, 0), coalesce (b.n, 0), "
                        " coalesce (b.v, 0) FROM staff s LEFT JOIN designed a ON a.id = s.id LEFT JOIN drawn b ON b.id = s.id "
                        "WHERE a.id IS NOT NULL OR b.id IS NOT NULL "
                        "ORDER BY coalesce (a.v, 0) + coalesce (b.v, 0) DESC, s.display_name, s.id", error);
  if (stmt == NULL)
    return NULL;
  sr_stmt_bind_text (stmt, 1, from);
  sr_stmt_bind_text (stmt, 2, to);
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      SrOutputRow *r = g_new0 (SrOutputRow, 1);
      r->staff_id = sr_stmt_get_int (stmt, 0);
      r->name = sr_stmt_dup_text (stmt, 1);
      r->team = sr_stmt_dup_text (stmt, 2);
      r->designed = (guint) sr_stmt_get_int (stmt, 3);
      r->designed_fen = sr_stmt_get_int (stmt, 4);
      r->drawn = (guint) sr_stmt_get_int (stmt, 5);
      r->drawn_fen = sr_stmt_get_int (stmt, 6);
      g_ptr_array_add (rows, r);
    }
  if (step == SR_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&rows);
}

/* Weekly customer resources (一周客户资源统计表) ------------------------------------------- */

void
sr_resource_row_free (SrResourceRow *row)
{
  if (row == NULL)
    return;
  g_free (row->team);
  g_free (row);
}

void
sr_media_row_free (SrMediaRow *row)
{
  if (row == NULL)
    return;
  g_free (row->media);
  g_free (row);
}

/* The row of @rows for a group (owner_state: 0 nobody's yet, 1 an owner without a group, 2
 * a group), made when missing. */
static SrResourceRow *
resource_row (GPtrArray  *rows,
              int         owner_state,
              const char *team)
{
  SrResourceRow *r;

  for (guint i = 0; i < rows->len; i++)
    {
      r = rows->pdata[i];
      if (r->kind == owner_state && g_strcmp0 (r->team, team) == 0)
        return r;
    }
  r = g_new0 (SrResourceRow, 1);
  r->kind = owner_state;
  r->team = g_strdup (team);
  g_ptr_array_add (rows, r);
  return r;
}

static int
channel_index (const char *code)
{
  for (int i = 0; i < SR_N_CHANNELS; i++)
    if (g_strcmp0 (sr_channel_codes[i], code) == 0)
      return i;
  return -1;
}

static int
compare_resource_rows (gconstpointer a,
                       gconstpointer b)
{
  const SrResourceRow *x = *(SrResourceRow * const *) a;
  const SrResourceRow *y = *(SrResourceRow * const *) b;

  if (x->kind != y->kind)
    return y->kind - x->kind;     /* groups first, then no group, then nobody's */
  return g_strcmp0 (x->team, y->team);
}

static gboolean
weekly (SrContext   *ctx,
        const char  *day,
        gboolean     in_progress,
        GPtrArray  **out_groups,
        GPtrArray  **out_media,
        GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  gint64 start = 0, end = 0;
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func ((GDestroyNotify) sr_resource_row_free);
  g_autoptr(GPtrArray) media = g_ptr_array_new_with_free_func ((GDestroyNotify) sr_media_row_free);
  g_autoptr(SrStmt) stmt = NULL;
  SrStep step;

  if (!sr_period_bounds (SR_PERIOD_WEEK, day, &from, &to))
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("“%s” is not a date (YYYY-MM-DD)."), day != NULL ? day : "");
      return FALSE;
    }
  if (!sr_day_range_unix (from, to, &start, &end, error))
    return FALSE;

  /* New customers of the week, by the owner's group and channel. */
  stmt = sr_db_prepare (db, "SELECT CASE WHEN c.owner_id IS NULL THEN 0 WHEN s.team IS NULL THEN 1 ELSE 2 END, s.team, "
                        " c.channel, count(*) FROM customers c LEFT JOIN staff s ON s.id = c.owner_id "
                        "WHERE c.is_voided = 0 AND c.created_at BETWEEN ?1 AND ?2 GROUP BY 1, 2, 3", error);
  if (stmt == NULL)
    return FALSE;
  sr_stmt_bind_int (stmt, 1, start);
  sr_stmt_bind_int (stmt, 2, end);
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      SrResourceRow *r = resource_row (groups, (int) sr_stmt_get_int (stmt, 0), sr_stmt_get_text (stmt, 1));
      int ch = channel_index (sr_stmt_get_text (stmt, 2));
      guint n = (guint) sr_stmt_get_int (stmt, 3);
      r->new_total += n;
      if (ch >= 0)
        r->new_by_channel[ch] += n;
    }
  if (step == SR_STEP_ERROR)
    return FALSE;
  g_clear_pointer (&stmt, sr_stmt_done);

  /* In progress at the week's end: owned, not lost, nothing signed by then. */
  stmt = !in_progress ? NULL : sr_db_prepare (db, "SELECT CASE WHEN s.team IS NULL THEN 1 ELSE 2 END, s.team, count(*) FROM customers c "
                        "JOIN staff s ON s.id = c.owner_id JOIN stages g ON g.id = c.stage_id "
                        "WHERE c.is_voided = 0 AND c.created_at <= ?1 AND g.kind <> 'lost' "
                        " AND NOT EXISTS (SELECT 1 FROM deals d WHERE d.customer_id = c.id "
                        "  AND d.state IN ('signed', 'delivered') AND d.signed_on <= ?2) GROUP BY 1, 2", error);
  if (in_progress)
    {
      if (stmt == NULL)
        return FALSE;
      sr_stmt_bind_int (stmt, 1, end);
      sr_stmt_bind_text (stmt, 2, to);
      while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
        resource_row (groups, (int) sr_stmt_get_int (stmt, 0), sr_stmt_get_text (stmt, 1))->in_progress =
          (guint) sr_stmt_get_int (stmt, 2);
      if (step == SR_STEP_ERROR)
        return FALSE;
      g_clear_pointer (&stmt, sr_stmt_done);
    }

  /* Signed in the week, by the deal's owner's group. */
  stmt = sr_db_prepare (db, "SELECT CASE WHEN d.owner_id IS NULL THEN 0 WHEN s.team IS NULL THEN 1 ELSE 2 END, s.team, "
                        " count(*), coalesce (sum (d.price_fen), 0) FROM deals d LEFT JOIN staff s ON s.id = d.owner_id "
                        "WHERE d.signed_on BETWEEN ?1 AND ?2 AND d.state IN ('signed', 'delivered') GROUP BY 1, 2", error);
  if (stmt == NULL)
    return FALSE;
  sr_stmt_bind_text (stmt, 1, from);
  sr_stmt_bind_text (stmt, 2, to);
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      SrResourceRow *r = resource_row (groups, (int) sr_stmt_get_int (stmt, 0), sr_stmt_get_text (stmt, 1));
      r->signed_count = (guint) sr_stmt_get_int (stmt, 2);
      r->signed_fen = sr_stmt_get_int (stmt, 3);
    }
  if (step == SR_STEP_ERROR)
    return FALSE;
  g_clear_pointer (&stmt, sr_stmt_done);
  g_ptr_array_sort (groups, compare_resource_rows);
  if (out_media == NULL)
    {
      *out_groups = g_steal_pointer (&groups);
      return TRUE;
    }

  /* By media source: new customers and signings of the week. */
  stmt = sr_db_prepare (db, "SELECT m.name, "
                        " (SELECT count(*) FROM customers c WHERE c.media_source_id = m.id AND c.is_voided = 0 "
                        "  AND c.created_at BETWEEN ?1 AND ?2), "
                        " (SELECT count(*) FROM deals d JOIN customers c ON c.id = d.customer_id "
                        "  WHERE c.media_source_id = m.id AND d.signed_on BETWEEN ?3 AND ?4 "
                        "  AND d.state IN ('signed', 'delivered')) "
                        "FROM media_sources m ORDER BY m.position, m.id", error);
  if (stmt == NULL)
    return FALSE;
  sr_stmt_bind_int (stmt, 1, start);
  sr_stmt_bind_int (stmt, 2, end);
  sr_stmt_bind_text (stmt, 3, from);
  sr_stmt_bind_text (stmt, 4, to);
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      SrMediaRow *m;
      if (sr_stmt_get_int (stmt, 1) == 0 && sr_stmt_get_int (stmt, 2) == 0)
        continue;
      m = g_new0 (SrMediaRow, 1);
      m->media = sr_stmt_dup_text (stmt, 0);
      m->new_count = (guint) sr_stmt_get_int (stmt, 1);
      m->signed_count = (guint) sr_stmt_get_int (stmt, 2);
      g_ptr_array_add (media, m);
    }
  if (step == SR_STEP_ERROR)
    return FALSE;
  *out_groups = g_steal_pointer (&groups);
  if (out_media != NULL)
    *out_media = g_steal_pointer (&media);
  return TRUE;
}

gboolean
sr_weekly_resources (SrContext   *ctx,
                     const char  *day,
                     GPtrArray  **out_groups,
                     GPtrArray  **out_media,
                     GError     **error)
{
  return weekly (ctx, day, TRUE, out_groups, out_media, error);
}

typedef struct {
  int kind;
  char *team;
  gint64 *diff;              /* n + 1: +1 the week a customer counts from, -1 the week after */
} Span;

static void
span_free (Span *span)
{
  g_free (span->team);
  g_free (span->diff);
  g_free (span);
}

gboolean
sr_weekly_resources_span (SrContext   *ctx,
                          const char  *from_day,
                          const char  *to_day,
                          GPtrArray  **out_weeks,
                          GError     **error)
{
  g_autoptr(GPtrArray) weeks = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) ends = g_ptr_array_new_with_free_func (g_free);   /* each week's Sunday */
  g_autoptr(GArray) end_at = g_array_new (FALSE, FALSE, sizeof (gint64)); /* and its last moment */
  g_autoptr(GPtrArray) spans = g_ptr_array_new_with_free_func ((GDestroyNotify) span_free);
  g_autoptr(SrStmt) stmt = NULL;
  g_autofree char *week = NULL;
  g_autofree char *week_end = NULL;
  SrStep step;
  guint n;

  if (!sr_period_bounds (SR_PERIOD_WEEK, from_day, &week, &week_end) || to_day == NULL)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("“%s” is not a date (YYYY-MM-DD)."),
                   from_day != NULL ? from_day : "");
      return FALSE;
    }
  /* The new customers and the signings, week by week (each through an index). */
  while (strcmp (week, to_day) <= 0)
    {
      GPtrArray *groups = NULL;
      gint64 start = 0, end = 0;
      GDate date;
      char next[16];
      if (!weekly (ctx, week, FALSE, &groups, NULL, error) || !sr_day_range_unix (week, week_end, &start, &end, error))
        return FALSE;
      g_ptr_array_add (weeks, groups);
      g_ptr_array_add (ends, g_strdup (week_end));
      g_array_append_val (end_at, end);
      if (!sr_day_parse (week, &date))
        return FALSE;
      g_date_add_days (&date, 7);
      g_date_strftime (next, sizeof next, "%Y-%m-%d", &date);
      g_free (week);
      g_free (week_end);
      week = NULL;
      week_end = NULL;
      if (!sr_period_bounds (SR_PERIOD_WEEK, next, &week, &week_end))
        return FALSE;
    }
  n = weeks->len;
  if (n == 0)
    {
      *out_weeks = g_steal_pointer (&weeks);
      return TRUE;
    }

  /* In progress at each week's end (owned, not lost, nothing signed by then), in one pass
   * over the customers: from the week each came to the week before the one they signed.
   * Asked week by week, every customer was read again for each week (3 s for a year). */
  stmt = sr_db_prepare (sr_context_get_db (ctx),
                        "SELECT CASE WHEN s.team IS NULL THEN 1 ELSE 2 END, s.team, c.created_at, "
                        " (SELECT min (d.signed_on) FROM deals d WHERE d.customer_id = c.id "
                        "  AND d.state IN ('signed', 'delivered')) "
                        "FROM customers c JOIN staff s ON s.id = c.owner_id JOIN stages g ON g.id = c.stage_id "
                        "WHERE c.is_voided = 0 AND c.created_at <= ?1 AND g.kind <> 'lost'", error);
  if (stmt == NULL)
    return FALSE;
  sr_stmt_bind_int (stmt, 1, g_array_index (end_at, gint64, n - 1));
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      int kind = (int) sr_stmt_get_int (stmt, 0);
      const char *team = sr_stmt_is_null (stmt, 1) ? NULL : sr_stmt_get_text (stmt, 1);
      gint64 came = sr_stmt_get_int (stmt, 2);
      const char *signed_on = sr_stmt_is_null (stmt, 3) ? NULL : sr_stmt_get_text (stmt, 3);
      guint lo = 0, hi = n, from_week, until_week;
      Span *span = NULL;

      /* The first week whose end is at or after the customer came… */
      while (lo < hi)
        {
          guint mid = (lo + hi) / 2;
          if (g_array_index (end_at, gint64, mid) < came)
            lo = mid + 1;
          else
            hi = mid;
        }
      from_week = lo;
      /* …to the first week whose last day is at or after the signing (not counted then). */
      lo = 0;
      hi = n;
      while (signed_on != NULL && lo < hi)
        {
          guint mid = (lo + hi) / 2;
          if (strcmp (g_ptr_array_index (ends, mid), signed_on) < 0)
            lo = mid + 1;
          else
            hi = mid;
        }
      until_week = signed_on != NULL ? lo : n;
      if (from_week >= until_week)
        continue;
      for (guint i = 0; i < spans->len && span == NULL; i++)
        {
          Span *s = g_ptr_array_index (spans, i);
          if (s->kind == kind && g_strcmp0 (s->team, team) == 0)
            span = s;
        }
      if (span == NULL)
        {
          span = g_new0 (Span, 1);
          span->kind = kind;
          span->team = g_strdup (team);
          span->diff = g_new0 (gint64, n + 1);
          g_ptr_array_add (spans, span);
        }
      span->diff[from_week]++;
      span->diff[until_week]--;
    }
  if (step == SR_STEP_ERROR)
    return FALSE;
  for (guint i = 0; i < spans->len; i++)
    {
      Span *span = g_ptr_array_index (spans, i);
      gint64 count = 0;
      for (guint w = 0; w < n; w++)
        {
          count += span->diff[w];
          if (count > 0)
            resource_row (g_ptr_array_index (weeks, w), span->kind, span->team)->in_progress = (guint) count;
        }
    }
  for (guint w = 0; w < n; w++)
    g_ptr_array_sort (g_ptr_array_index (weeks, w), compare_resource_rows);
  *out_weeks = g_steal_pointer (&weeks);
  return TRUE;
}
