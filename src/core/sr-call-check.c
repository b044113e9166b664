/* sr-call-check.c — see sr-call-check.h. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <stdlib.h>

#include "sr-audit.h"
#include "sr-call-check.h"
#include "sr-error.h"
#include "sr-office.h"

#define LATE_SECONDS (30 * 60)

GStrv
sr_call_check_slots (SrContext *ctx)
{
  g_autofree char *setting = sr_settings_get (ctx, "desk.call_slots", NULL);
  g_autoptr(GStrvBuilder) slots = g_strv_builder_new ();

  if (setting != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (setting, ",", -1);
      for (guint i = 0; parts[i] != NULL; i++)
        {
          int from = -1, to = -1;
          if (sscanf (parts[i], "%d-%d", &from, &to) == 2 && from >= 0 && to <= 24 && from < to)
            {
              g_autofree char *slot = g_strdup_printf ("%02d:00-%02d:00", from, to);
              g_strv_builder_add (slots, slot);
            }
        }
    }
  else
    for (int h = 8; h < 20; h++)
      {
        g_autofree char *slot = g_strdup_printf ("%02d:00-%02d:00", h, h + 1);
        g_strv_builder_add (slots, slot);
      }
  return g_strv_builder_end (slots);
}

void
sr_call_check_row_free (SrCallCheckRow *row)
{
  if (row == NULL)
    return;
  g_free (row->slot);
  g_free (row);
}

static gboolean
slot_bounds (const char *day,
             const char *slot,
             gint64     *out_from,
             gint64     *out_to)
{
  int from = -1, to = -1;
  gint64 start = sr_day_start_unix (day);

  if (start < 0 || sscanf (slot, "%d:00-%d:00", &from, &to) != 2 || from < 0 || to > 24 || from >= to)
    return FALSE;
  *out_from = start + from * 3600;
  *out_to = start + to * 3600;
  return TRUE;
}

GPtrArray *
sr_call_check_day (SrContext   *ctx,
                   const char  *day,
                   GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) sr_call_check_row_free);
  g_auto(GStrv) slots = sr_call_check_slots (ctx);
  GDate date;

  if (!sr_day_parse (day, &date))
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                   _("“%s” is not a date (YYYY-MM-DD)."), day != NULL ? day : "");
      return NULL;
    }
  for (guint i = 0; slots[i] != NULL; i++)
    {
      g_autoptr(SrStmt) stmt = NULL;
      SrCallCheckRow *row = g_new0 (SrCallCheckRow, 1);
      gint64 from = 0, to = 0;

      g_ptr_array_add (rows, row);
      row->slot = g_strdup (slots[i]);
      slot_bounds (day, slots[i], &from, &to);
      stmt = sr_db_prepare (db,
                            "SELECT count(*), coalesce (sum (is_business = 1 AND media_source_id IS NULL), 0), "
                            "coalesce (sum (recorded_at - at > ?3), 0) FROM contacts "
                            "WHERE kind = 'call' AND at >= ?1 AND at < ?2", error);
      if (stmt == NULL)
        return NULL;
      sr_stmt_bind_int (stmt, 1, from);
      sr_stmt_bind_int (stmt, 2, to);
      sr_stmt_bind_int (stmt, 3, LATE_SECONDS);
      if (sr_stmt_step (stmt, error) != SR_STEP_ROW)
        return NULL;
      row->logged = (guint) sr_stmt_get_int (stmt, 0);
      row->incomplete = (guint) sr_stmt_get_int (stmt, 1);
      row->late = (guint) sr_stmt_get_int (stmt, 2);
      g_clear_pointer (&stmt, sr_stmt_done);

      stmt = sr_db_prepare (db, "SELECT phone_count FROM call_counts WHERE day = ?1 AND slot = ?2", error);
      if (stmt == NULL)
        return NULL;
      sr_stmt_bind_text (stmt, 1, day);
      sr_stmt_bind_text (stmt, 2, slots[i]);
      switch (sr_stmt_step (stmt, error))
        {
        case SR_STEP_ROW:
          row->phone_count = (int) sr_stmt_get_int (stmt, 0);
          row->gap = row->phone_count - (int) row->logged;
          break;
        case SR_STEP_DONE:
          row->phone_count = -1;
          break;
        default:
          return NULL;
        }
    }
  return g_steal_pointer (&rows);
}

/* The supervisor's entries for one slot of a day: call counts and phone duty. */
static gboolean
may_set_slot (SrContext   *ctx,
              const char  *day,
              const char  *slot,
              GError     **error)
{
  gint64 from, to;

  if (!sr_context_check (ctx, SR_ACTION_SET_ROTATION_ORDER, error))
    return FALSE;
  if (!slot_bounds (day, slot, &from, &to))
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("No such time slot."));
      return FALSE;
    }
  return TRUE;
}

/* Inside the open transaction: the audit row for a slot's new value, then commit. */
static gboolean
audit_and_commit (SrContext   *ctx,
                  const char  *table,
                  const char  *day,
                  const char  *slot,
                  const char  *key,
                  gint64       value,
                  GError     **error)
{
  g_autoptr(SrJson) json = sr_json_new ();
  g_autofree char *after = NULL;

  sr_json_add_text (json, "day", day);
  sr_json_add_text (json, "slot", slot);
  sr_json_add_int (json, key, value);
  after = sr_json_end (json);
  if (!sr_audit_write (ctx, "set", table, 0, NULL, after, error) ||
      !sr_db_commit (sr_context_get_db (ctx), error))
    return FALSE;
  sr_context_emit_changed (ctx, "rotation");
  return TRUE;
}

gboolean
sr_call_check_set_count (SrContext   *ctx,
                         const char  *day,
                         const char  *slot,
                         int          phone_count,
                         GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  SrSession *session = sr_context_get_session (ctx);
  g_autoptr(SrStmt) stmt = NULL;

  if (!may_set_slot (ctx, day, slot, error))
    return FALSE;
  if (phone_count < 0 || phone_count > 10000)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                   _("The phone’s count is a number of calls."));
      return FALSE;
    }
  if (!sr_db_begin (db, error))
    return FALSE;
  stmt = sr_db_prepare (db, "INSERT INTO call_counts (day, slot, phone_count, entered_by, entered_at) "
                        "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (day, slot) DO UPDATE SET "
                        "phone_count = excluded.phone_count, entered_by = excluded.entered_by, "
                        "entered_at = excluded.entered_at", error);
  if (stmt == NULL)
    goto fail;
  sr_stmt_bind_text (stmt, 1, day);
  sr_stmt_bind_text (stmt, 2, slot);
  sr_stmt_bind_int (stmt, 3, phone_count);
  if (sr_session_get_staff_id (session) > 0)
    sr_stmt_bind_int (stmt, 4, sr_session_get_staff_id (session));
  sr_stmt_bind_int (stmt, 5, sr_context_now (ctx));
  if (!sr_stmt_exec (stmt, error))
    goto fail;
  g_clear_pointer (&stmt, sr_stmt_done);
  if (!audit_and_commit (ctx, "call_counts", day, slot, "phone_count", phone_count, error))
    goto fail;
  return TRUE;

fail:
  sr_db_rollback (db);
  return FALSE;
}

/* Phone duty ------------------------------------------------------------------------------------ */

gboolean
sr_phone_duty_set (SrContext   *ctx,
                   const char  *day,
                   const char  *slot,
                   gint64       staff_id,
                   GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  SrSession *session = sr_context_get_session (ctx);
  g_autoptr(SrStmt) stmt = NULL;

  if (!may_set_slot (ctx, day, slot, error))
    return FALSE;
  if (!sr_db_begin (db, error))
    return FALSE;
  if (staff_id > 0)
    {
      stmt = sr_db_prepare (db, "INSERT INTO phone_duty (day, slot, staff_id, set_by, set_at) "
                            "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (day, slot) DO UPDATE SET "
                            "staff_id = excluded.staff_id, set_by = excluded.set_by, "
                            "set_at = excluded.set_at", error);
      if (stmt == NULL)
        goto fail;
      sr_stmt_bind_int (stmt, 3, staff_id);
      if (sr_session_get_staff_id (session) > 0)
        sr_stmt_bind_int (stmt, 4, sr_session_get_staff_id (session));
      sr_stmt_bind_int (stmt, 5, sr_context_now (ctx));
    }
  else
    {
      /* Nobody on duty in that slot: the plan for the day, replaced as a whole. */
      stmt = sr_db_prepare (db, "DELETE FROM phone_duty WHERE day = ?1 AND slot = ?2", error);
      if (stmt == NULL)
        goto fail;
    }
  sr_stmt_bind_text (stmt, 1, day);
  sr_stmt_bind_text (stmt, 2, slot);
  if (!sr_stmt_exec (stmt, error))
    goto fail;
  g_clear_pointer (&stmt, sr_stmt_done);
  if (!audit_and_commit (ctx, "phone_duty", day, slot, "staff_id", staff_id, error))
    goto fail;
  return TRUE;

fail:
  sr_db_rollback (db);
  return FALSE;
}

gint64
sr_phone_duty_get (SrContext  *ctx,
                   const char *day,
                   const char *slot)
{
  g_autoptr(SrStmt) stmt = sr_db_prepare (sr_context_get_db (ctx),
                                          "SELECT staff_id FROM phone_duty WHERE day = ?1 AND slot = ?2",
                                          NULL);
  if (stmt == NULL)
    return 0;
  sr_stmt_bind_text (stmt, 1, day);
  sr_stmt_bind_text (stmt, 2, slot);
  return sr_stmt_step (stmt, NULL) == SR_STEP_ROW ? sr_stmt_get_int (stmt, 0) : 0;
}

char *
sr_call_check_slot_at (SrContext *ctx,
                       gint64     unix_seconds)
{
  g_auto(GStrv) slots = sr_call_check_slots (ctx);
  g_autofree char *day = sr_day_from_unix (unix_seconds);

  for (guint i = 0; slots[i] != NULL; i++)
    {
      gint64 from, to;
      if (slot_bounds (day, slots[i], &from, &to) && unix_seconds >= from && unix_seconds < to)
        return g_strdup (slots[i]);
    }
  return NULL;
}

/* Feedback -------------------------------------------------------------------------------------- */

gint64
sr_feedback_add (SrContext   *ctx,
                 gint64       contact_id,
                 int          satisfaction,
                 const char  *liked,
                 const char  *disliked,
                 const char  *suggestions,
                 GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  SrSession *session = sr_context_get_session (ctx);
  g_autoptr(SrStmt) stmt = NULL;
  gint64 id;

  if (!sr_context_check (ctx, SR_ACTION_RUN_ROTATION, error))
    return 0;
  if (satisfaction < 1 || satisfaction > 5)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                   _("Satisfaction is from 1 (poor) to 5 (very good)."));
      return 0;
    }
  if (!sr_db_begin (db, error))
    return 0;
  stmt = sr_db_prepare (db, "INSERT INTO feedback (contact_id, at, satisfaction, liked, disliked, "
                        "suggestions, recorded_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id", error);
  if (stmt == NULL)
    goto fail;
  if (contact_id > 0)
    sr_stmt_bind_int (stmt, 1, contact_id);
  sr_stmt_bind_int (stmt, 2, sr_context_now (ctx));
  sr_stmt_bind_int (stmt, 3, satisfaction);
  sr_stmt_bind_text (stmt, 4, liked != NULL && *liked ? liked : NULL);
  sr_stmt_bind_text (stmt, 5, disliked != NULL && *disliked ? disliked : NULL);
  sr_stmt_bind_text (stmt, 6, suggestions != NULL && *suggestions ? suggestions : NULL);
  if (sr_session_get_staff_id (session) > 0)
    sr_stmt_bind_int (stmt, 7, sr_session_get_staff_id (session));
  if (sr_stmt_step (stmt, error) != SR_STEP_ROW)
    goto fail;
  id = sr_stmt_get_int (stmt, 0);
  g_clear_pointer (&stmt, sr_stmt_done);
  if (!sr_audit_write (ctx, "add", "feedback", id, NULL, NULL, error) ||
      !sr_db_commit (db, error))
    goto fail;
  return id;

fail:
  sr_db_rollback (db);
  return 0;
}

void
sr_feedback_free (SrFeedback *feedback)
{
  if (feedback == NULL)
    return;
  g_free (feedback->liked);
  g_free (feedback->disliked);
  g_free (feedback->suggestions);
  g_free (feedback);
}

GPtrArray *
sr_feedback_list (SrContext   *ctx,
                  const char  *from_day,
                  const char  *to_day,
                  GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) sr_feedback_free);
  g_autoptr(SrStmt) stmt = NULL;
  gint64 from, to;
  SrStep step;

  if (!sr_day_range_unix (from_day, to_day, &from, &to, error))
    return NULL;
  stmt = sr_db_prepare (sr_context_get_db (ctx),
                        "SELECT at, satisfaction, liked, disliked, suggestions FROM feedback "
                        "WHERE at >= ?1 AND at < ?2 ORDER BY at DESC, id DESC", error);
  if (stmt == NULL)
    return NULL;
  sr_stmt_bind_int (stmt, 1, from);
  sr_stmt_bind_int (stmt, 2, to);
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      SrFeedback *f = g_new0 (SrFeedback, 1);
      f->at = sr_stmt_get_int (stmt, 0);
      f->satisfaction = (int) sr_stmt_get_int (stmt, 1);
      f->liked = sr_stmt_dup_text (stmt, 2);
      f->disliked = sr_stmt_dup_text (stmt, 3);
      f->suggestions = sr_stmt_dup_text (stmt, 4);
      g_ptr_array_add (rows, f);
    }
  if (step == SR_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&rows);
}
