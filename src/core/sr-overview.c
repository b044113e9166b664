/* sr-overview.c — see sr-overview.h. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sr-error.h"
#include "sr-overview.h"

void
sr_figure_free (SrFigure *figure)
{
  if (figure == NULL)
    return;
  g_free (figure->label);
  g_free (figure);
}

/* Runs @sql (label, then up to four numbers) with the days bound as ?1 ?2 and their
 * moments as ?3 ?4. */
static GPtrArray *
figures (SrContext   *ctx,
         const char  *sql,
         const char  *from_day,
         const char  *to_day,
         guint        n_values,
         GError     **error)
{
  g_autoptr(SrStmt) stmt = sr_db_prepare (sr_context_get_db (ctx), sql, error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) sr_figure_free);
  gint64 start = 0, end = 0;
  SrStep step;

  if (stmt == NULL)
    return NULL;
  if (from_day != NULL)
    {
      if (!sr_day_range_unix (from_day, to_day, &start, &end, error))
        return NULL;
      sr_stmt_bind_text (stmt, 1, from_day);
      sr_stmt_bind_text (stmt, 2, to_day);
      sr_stmt_bind_int (stmt, 3, start);
      sr_stmt_bind_int (stmt, 4, end);
    }
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      SrFigure *f = g_new0 (SrFigure, 1);
      f->label = g_strdup (sr_stmt_is_null (stmt, 0) ? "" : sr_stmt_get_text (stmt, 0));
      for (guint i = 0; i < n_values && i < 4; i++)
        f->v[i] = sr_stmt_get_int (stmt, (int) i + 1);
      g_ptr_array_add (rows, f);
    }
  if (step == SR_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&rows);
}

GPtrArray *
sr_overview_contacts_by_media (SrContext   *ctx,
                               const char  *from_day,
                               const char  *to_day,
                               GError     **error)
{
  return figures (ctx, "SELECT coalesce (m.name, '—'), sum (k.kind = 'call'), sum (k.kind = 'visit') FROM contacts k "
                  "LEFT JOIN media_sources m ON m.id = k.media_source_id "
                  "WHERE k.is_business = 1 AND k.at BETWEEN ?3 AND ?4 AND ?1 IS NOT NULL AND ?2 IS NOT NULL "
                  "GROUP BY k.media_source_id + 0, m.id ORDER BY count(*) DESC, m.position", from_day, to_day, 2, error);
}

GPtrArray *
sr_overview_media_effect (SrContext   *ctx,
                          const char  *from_day,
                          const char  *to_day,
                          GError     **error)
{
  return figures (ctx, "SELECT coalesce (m.name, '—'), sum (d.subscribed_on BETWEEN ?1 AND ?2), "
                  " sum (d.signed_on BETWEEN ?1 AND ?2 AND d.state IN ('signed', 'delivered')) FROM deals d "
                  "JOIN customers c ON c.id = d.customer_id LEFT JOIN media_sources m ON m.id = c.media_source_id "
                  "WHERE (d.subscribed_on BETWEEN ?1 AND ?2 OR d.signed_on BETWEEN ?1 AND ?2) "
                  " AND d.state IN ('subscribed', 'signed', 'delivered') AND ?3 IS NOT NULL AND ?4 IS NOT NULL "
                  "GROUP BY c.media_source_id, m.id ORDER BY 3 DESC, 2 DESC, m.position", from_day, to_day, 2, error);
}

GPtrArray *
sr_overview_contacts_list (SrContext   *ctx,
                           const char  *from_day,
                           const char  *to_day,
                           const char  *media,
                           int          hour,
                           guint        limit,
                           GError     **error)
{
  g_autoptr(SrStmt) stmt = sr_db_prepare (sr_context_get_db (ctx),
                                          "SELECT k.at, k.kind, c.name, s.display_name, coalesce (c.id, 0) FROM contacts k "
                                          "LEFT JOIN customers c ON c.id = k.customer_id LEFT JOIN staff s ON s.id = k.receiver_id "
                                          "LEFT JOIN media_sources m ON m.id = k.media_source_id "
                                          "WHERE k.is_business = 1 AND k.at BETWEEN ?1 AND ?2 "
                                          " AND (?3 IS NULL OR coalesce (m.name, '—') = ?3) "
                                          " AND (?4 < 0 OR CAST (strftime ('%H', k.at, 'unixepoch', 'localtime') AS INTEGER) = ?4) "
                                          "ORDER BY k.at, k.id LIMIT ?5", error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) sr_figure_free);
  gint64 start = 0, end = 0;
  SrStep step;

  if (stmt == NULL || !sr_day_range_unix (from_day, to_day, &start, &end, error))
    return NULL;
  sr_stmt_bind_int (stmt, 1, start);
  sr_stmt_bind_int (stmt, 2, end);
  sr_stmt_bind_text (stmt, 3, media);
  sr_stmt_bind_int (stmt, 4, hour);
  sr_stmt_bind_int (stmt, 5, limit);
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      SrFigure *f = g_new0 (SrFigure, 1);
      g_autofree char *when = sr_format_moment (sr_stmt_get_int (stmt, 0));
      f->label = g_strdup_printf ("%s · %s · %s · %s", when,
                                  g_strcmp0 (sr_stmt_get_text (stmt, 1), "call") == 0 ? _("call") : _("visit"),
                                  sr_stmt_is_null (stmt, 2) ? "—" : sr_stmt_get_text (stmt, 2),
                                  sr_stmt_is_null (stmt, 3) ? "—" : sr_stmt_get_text (stmt, 3));
      f->v[0] = sr_stmt_get_int (stmt, 4);
      g_ptr_array_add (rows, f);
    }
  if (step == SR_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&rows);
}

GPtrArray *
sr_overview_contacts_by_hour (SrContext   *ctx,
                              const char  *from_day,
                              const char  *to_day,
                              GError     **error)
{
  /* One pass over the period's contacts, by hour; the hours without any filled in here. */
  g_autoptr(GPtrArray) found = figures (ctx, "SELECT strftime ('%H', k.at, 'unixepoch', 'localtime'), sum (k.kind = 'call'), "
                                        " sum (k.kind = 'visit') FROM contacts k WHERE k.is_business = 1 AND k.at BETWEEN ?3 AND ?4 "
                                        " AND ?1 IS NOT NULL AND ?2 IS NOT NULL GROUP BY 1", from_day, to_day, 2, error);
  g_autoptr(GPtrArray) hours = NULL;

  if (found == NULL)
    return NULL;
  hours = g_ptr_array_new_with_free_func ((GDestroyNotify) sr_figure_free);
  for (int h = 0; h < 24; h++)
    {
      SrFigure *f = g_new0 (SrFigure, 1);
      f->label = g_strdup_printf ("%02d", h);
      for (guint i = 0; i < found->len; i++)
        if (g_strcmp0 (((SrFigure *) found->pdata[i])->label, f->label) == 0)
          {
            f->v[0] = ((SrFigure *) found->pdata[i])->v[0];
            f->v[1] = ((SrFigure *) found->pdata[i])->v[1];
          }
      g_ptr_array_add (hours, f);
    }
  return g_steal_pointer (&hours);
}

GPtrArray *
sr_overview_contact_notes (SrContext   *ctx,
                           const char  *from_day,
                           const char  *to_day,
                           GError     **error)
{
  /* What the desk wrote down (客户关注问题), the same words counted together; at most 12. */
  return figures (ctx, "SELECT trim (k.note), count(*) FROM contacts k WHERE k.is_business = 1 "
                  " AND k.at BETWEEN ?3 AND ?4 AND trim (coalesce (k.note, '')) <> '' "
                  " AND ?1 IS NOT NULL AND ?2 IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 12",
                  from_day, to_day, 1, error);
}

GPtrArray *
sr_overview_receptions (SrContext   *ctx,
                        const char  *from_day,
                        const char  *to_day,
                        GError     **error)
{
  /* Rotation events are never edited; an undone one is named by the undo's other_id. */
  return figures (ctx, "SELECT s.display_name, sum (e.kind = 'receive-new'), sum (e.kind = 'receive-returning'), "
                  " sum (e.kind IN ('out-of-turn', 'overflow')) FROM rotation_events e JOIN staff s ON s.id = e.staff_id "
                  "WHERE e.day BETWEEN ?1 AND ?2 AND e.kind IN ('receive-new', 'receive-returning', 'out-of-turn', 'overflow') "
                  " AND NOT EXISTS (SELECT 1 FROM rotation_events u WHERE u.kind = 'undo' AND u.other_id = e.id) "
                  " AND ?3 IS NOT NULL AND ?4 IS NOT NULL "
                  "GROUP BY s.id ORDER BY s.display_name, s.id", from_day, to_day, 3, error);
}

GPtrArray *
sr_overview_units_by_status (SrContext  *ctx,
                             GError    **error)
{
  return figures (ctx, "SELECT b.name, sum (u.status = 'available'), sum (u.status = 'held'), "
                  " sum (u.status IN ('reserved', 'pending')), sum (u.status IN ('subscribed', 'signed', 'delivered')) "
                  "FROM buildings b JOIN units u ON u.building_id = b.id GROUP BY b.id "
                  "ORDER BY b.project_id, b.position, b.name", NULL, NULL, 4, error);
}

GPtrArray *
sr_overview_sales_per_day (SrContext   *ctx,
                           const char  *from_day,
                           const char  *to_day,
                           GError     **error)
{
  return figures (ctx, "SELECT d.subscribed_on, count(*), coalesce (sum (u.area_centi), 0), "
                  " coalesce (sum (coalesce (d.price_fen, d.list_price_fen - d.discount_fen)), 0) FROM deals d "
                  "LEFT JOIN units u ON u.id = d.unit_id "
                  "WHERE d.subscribed_on BETWEEN ?1 AND ?2 AND d.state IN ('subscribed', 'signed', 'delivered') "
                  " AND ?3 IS NOT NULL AND ?4 IS NOT NULL GROUP BY d.subscribed_on ORDER BY d.subscribed_on",
                  from_day, to_day, 3, error);
}

gboolean
sr_overview_money (SrContext      *ctx,
                   const char     *from_day,
                   const char     *to_day,
                   SrMoneyFigures *out,
                   GError        **error)
{
  SrDb *db = sr_context_get_db (ctx);
  const char *live = "d.state IN ('subscribed', 'signed', 'delivered')";
  g_autofree char *planned = g_strdup_printf ("SELECT coalesce (sum (i.amount_fen), 0) FROM plan_items i "
                                              "JOIN deals d ON d.id = i.deal_id WHERE %s AND i.due_day BETWEEN ?1 AND ?2", live);
  g_autofree char *overdue = g_strdup_printf ("SELECT coalesce (sum (i.amount_fen - coalesce ((SELECT sum (a.amount_fen) "
                                              " FROM receipt_allocations a JOIN receipts r ON r.id = a.receipt_id "
                                              " WHERE a.plan_item_id = i.id AND r.voided_at IS NULL AND r.day <= ?1), 0)), 0) "
                                              "FROM plan_items i JOIN deals d ON d.id = i.deal_id WHERE %s "
                                              "AND i.due_day < ?1", live);

  memset (out, 0, sizeof *out);
  return sr_db_get_int (db, &out->planned_fen, error, planned, "tt", from_day, to_day) &&
         sr_db_get_int (db, &out->received_fen, error,
                        "SELECT coalesce (sum (CASE kind WHEN 'payment' THEN amount_fen ELSE -amount_fen END), 0) "
                        "FROM receipts WHERE voided_at IS NULL AND day BETWEEN ?1 AND ?2", "tt", from_day, to_day) &&
         sr_db_get_int (db, &out->overdue_fen, error, overdue, "t", to_day);
}

GPtrArray *
sr_overview_problems_by_age (SrContext   *ctx,
                             const char  *day,
                             GError     **error)
{
  return figures (ctx, "WITH open AS (SELECT julianday (?2) - julianday (date (p.opened_at, 'unixepoch', 'localtime')) AS age "
                  " FROM problems p WHERE p.opened_at <= ?4 AND (p.state <> 'closed' OR EXISTS (SELECT 1 FROM problem_steps t "
                  "  WHERE t.problem_id = p.id AND t.step = 'closed' AND t.at > ?4))), "
                  "b (n, label, lo, hi) AS (VALUES (0, '<7', 0, 7), (1, '7-30', 7, 30), (2, '30-90', 30, 90), (3, '>90', 90, 1e9)) "
                  "SELECT b.label, (SELECT count(*) FROM open WHERE age >= b.lo AND age < b.hi) FROM b "
                  "WHERE ?1 IS NOT NULL AND ?3 IS NOT NULL ORDER BY b.n", day, day, 1, error);
}

GPtrArray *
sr_overview_owner_profile (SrContext   *ctx,
                           const char  *field,
                           GError     **error)
{
  static const char *fields[] = { "occupation", "income_band", "education", "residence_area", "purchase_motive" };
  g_autofree char *sql = NULL;
  const char *column = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_strcmp0 (field, fields[i]) == 0)
      column = fields[i];
  if (column == NULL && g_strcmp0 (field, "media") != 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("No such field of a customer’s record: %s."), field);
      return NULL;
    }
  sql = column != NULL
    ? g_strdup_printf ("SELECT coalesce (c.%s, ''), count(*) FROM customers c WHERE c.is_voided = 0 AND c.id IN (SELECT "
                       "d.customer_id FROM deals d WHERE d.state IN ('subscribed', 'signed', 'delivered')) "
                       "GROUP BY 1 ORDER BY 2 DESC, 1", column)
    : g_strdup ("SELECT coalesce (m.name, ''), count(*) FROM customers c LEFT JOIN media_sources m ON m.id = c.media_source_id "
                "WHERE c.is_voided = 0 AND c.id IN (SELECT d.customer_id FROM deals d "
                "WHERE d.state IN ('subscribed', 'signed', 'delivered')) GROUP BY 1 ORDER BY 2 DESC, 1");
  return figures (ctx, sql, NULL, NULL, 1, error);
}
