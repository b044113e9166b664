/* sr-contacts.c — see sr-contacts.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sr-contacts.h"
#include "sr-customers-private.h"
#include "sr-error.h"
#include "sr-phone.h"

void
sr_contact_row_free (SrContactRow *row)
{
  if (row == NULL)
    return;
  g_free (row->kind);
  g_free (row->customer_name);
  g_free (row->phone);
  g_free (row->receiver);
  g_free (row->media_source);
  g_free (row->rule);
  g_free (row->tags);
  g_free (row->note);
  g_free (row);
}

void
sr_traffic_row_free (SrTrafficRow *row)
{
  if (row == NULL)
    return;
  g_free (row->day);
  g_free (row->media_source);
  g_free (row);
}

GPtrArray *
sr_contacts_list (SrContext   *ctx,
                  const char  *kind,
                  const char  *from_day,
                  const char  *to_day,
                  GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) sr_contact_row_free);
  g_autoptr(SrStmt) stmt = NULL;
  SrSession *session = sr_context_get_session (ctx);
  gint64 from, to;
  SrStep step;

  if (!sr_day_range_unix (from_day, to_day, &from, &to, error))
    return NULL;
  stmt = sr_db_prepare (sr_context_get_db (ctx),
                        "SELECT k.id, k.at, k.kind, coalesce (k.customer_id, 0), c.name, "
                        " (SELECT phone FROM customer_phones p WHERE p.customer_id = c.id "
                        "  ORDER BY position LIMIT 1), s.display_name, k.is_business, m.name, "
                        " k.rule, k.rule_code, k.tags, k.note, "
                        " coalesce (k.recorded_at, k.at) - k.at > 1800, coalesce (c.owner_id, 0) "
                        "FROM contacts k LEFT JOIN customers c ON c.id = k.customer_id "
                        "LEFT JOIN staff s ON s.id = k.receiver_id "
                        "LEFT JOIN media_sources m ON m.id = k.media_source_id "
                        "WHERE k.at >= ?1 AND k.at < ?2 AND (?3 IS NULL OR k.kind = ?3) "
                        "ORDER BY k.at, k.id", error);
  if (stmt == NULL)
    return NULL;
  sr_stmt_bind_int (stmt, 1, from);
  sr_stmt_bind_int (stmt, 2, to);
  sr_stmt_bind_text (stmt, 3, kind);
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      SrContactRow *r = g_new0 (SrContactRow, 1);
      const char *label = sr_customers_contact_rule_label (sr_stmt_get_text (stmt, 10));
      const char *phone = sr_stmt_get_text (stmt, 5);

      r->id = sr_stmt_get_int (stmt, 0);
      r->at = sr_stmt_get_int (stmt, 1);
      r->kind = sr_stmt_dup_text (stmt, 2);
      r->customer_id = sr_stmt_get_int (stmt, 3);
      r->customer_name = sr_stmt_dup_text (stmt, 4);
      if (phone != NULL)
        r->phone = sr_customers_may_see_phone (session, sr_stmt_get_int (stmt, 14))
                   ? g_strdup (phone) : sr_phone_mask (phone);
      r->receiver = sr_stmt_dup_text (stmt, 6);
      r->is_business = sr_stmt_get_int (stmt, 7) != 0;
      r->media_source = sr_stmt_dup_text (stmt, 8);
      r->rule = g_strdup (label != NULL ? label : sr_stmt_get_text (stmt, 9));
      r->tags = sr_stmt_dup_text (stmt, 11);
      r->note = sr_stmt_dup_text (stmt, 12);
      r->is_late = sr_stmt_get_int (stmt, 13) != 0;
      g_ptr_array_add (rows, r);
    }
  if (step == SR_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&rows);
}

GPtrArray *
sr_contacts_traffic (SrContext   *ctx,
                     const char  *from_day,
                     const char  *to_day,
                     GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) sr_traffic_row_free);
  g_autoptr(GHashTable) index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(SrStmt) stmt = NULL;
  gint64 from, to;
  SrStep step;

  if (!sr_day_range_unix (from_day, to_day, &from, &to, error))
    return NULL;
  /* Days are computed in C (local time), not with SQLite's date functions, so a server
   * backend gives the same answer (STYLE.md). */
  stmt = sr_db_prepare (sr_context_get_db (ctx),
                        "SELECT k.at, k.kind, coalesce (m.name, '') FROM contacts k "
                        "LEFT JOIN media_sources m ON m.id = k.media_source_id "
                        "WHERE k.at >= ?1 AND k.at < ?2 AND k.is_business = 1 ORDER BY k.at", error);
  if (stmt == NULL)
    return NULL;
  sr_stmt_bind_int (stmt, 1, from);
  sr_stmt_bind_int (stmt, 2, to);
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      g_autofree char *day = sr_day_from_unix (sr_stmt_get_int (stmt, 0));
      const char *media = sr_stmt_get_text (stmt, 2);
      g_autofree char *key = g_strconcat (day, "|", media, NULL);
      SrTrafficRow *r = g_hash_table_lookup (index, key);

      if (r == NULL)
        {
          r = g_new0 (SrTrafficRow, 1);
          r->day = g_strdup (day);
          r->media_source = g_strdup (media);
          g_ptr_array_add (rows, r);
          g_hash_table_insert (index, g_steal_pointer (&key), r);
        }
      if (g_strcmp0 (sr_stmt_get_text (stmt, 1), "call") == 0)
        r->calls++;
      else
        r->visits++;
    }
  if (step == SR_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&rows);
}
