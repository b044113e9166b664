/* sr-appointments.c — see sr-appointments.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sr-appointments.h"
#include "sr-audit.h"
#include "sr-customers-private.h"
#include "sr-error.h"
#include "sr-staff.h"

static const struct {
  const char *code;
  const char *label;
} kinds[SR_N_APPOINTMENT_KINDS] = {
  [SR_APPOINTMENT_VIEWING] = { "viewing", N_("Viewing") },
  [SR_APPOINTMENT_MEASURE] = { "measure", N_("Measurement") },
  [SR_APPOINTMENT_PLAN] = { "plan", N_("Plan review") },
  [SR_APPOINTMENT_DEAL] = { "deal", N_("Subscription / signing") },
  [SR_APPOINTMENT_HOME_VISIT] = { "home-visit", N_("Home visit") },
};

const char *
sr_appointment_kind_get_code (SrAppointmentKind kind)
{
  g_return_val_if_fail (kind < SR_N_APPOINTMENT_KINDS, NULL);
  return kinds[kind].code;
}

const char *
sr_appointment_kind_get_label (SrAppointmentKind kind)
{
  g_return_val_if_fail (kind < SR_N_APPOINTMENT_KINDS, NULL);
  return _(kinds[kind].label);
}

static SrAppointmentKind
kind_from_code (const char *code)
{
  for (guint i = 0; i < SR_N_APPOINTMENT_KINDS; i++)
    if (g_strcmp0 (kinds[i].code, code) == 0)
      return (SrAppointmentKind) i;
  return SR_APPOINTMENT_VIEWING;
}

void
sr_appointment_free (SrAppointment *a)
{
  if (a == NULL)
    return;
  g_free (a->customer_name);
  g_free (a->staff_name);
  g_free (a->note);
  g_free (a->status);
  g_free (a);
}

#define APPOINTMENT_SELECT \
  "SELECT a.id, a.customer_id, c.name, a.staff_id, s.display_name, a.at, a.kind, a.note, " \
  "a.status, a.day FROM appointments a JOIN customers c ON c.id = a.customer_id " \
  "JOIN staff s ON s.id = a.staff_id "

static SrAppointment *
appointment_from_row (SrContext *ctx,
                      SrStmt    *stmt)
{
  SrAppointment *a = g_new0 (SrAppointment, 1);
  g_autofree char *today = sr_clock_today (sr_context_get_clock (ctx));

  a->id = sr_stmt_get_int (stmt, 0);
  a->customer_id = sr_stmt_get_int (stmt, 1);
  a->customer_name = sr_stmt_dup_text (stmt, 2);
  a->staff_id = sr_stmt_get_int (stmt, 3);
  a->staff_name = sr_stmt_dup_text (stmt, 4);
  a->at = sr_stmt_get_int (stmt, 5);
  a->kind = kind_from_code (sr_stmt_get_text (stmt, 6));
  a->note = sr_stmt_dup_text (stmt, 7);
  a->status = sr_stmt_dup_text (stmt, 8);
  a->is_missed = g_strcmp0 (a->status, "scheduled") == 0 &&
                 g_strcmp0 (sr_stmt_get_text (stmt, 9), today) < 0;
  return a;
}

static gboolean
may_book_for (SrContext   *ctx,
              gint64       customer_id,
              gint64       staff_id,
              GError     **error)
{
  SrSession *session = sr_context_get_session (ctx);
  gint64 owner = 0;

  if (!sr_context_check (ctx, SR_ACTION_BOOK_APPOINTMENT, error) ||
      !sr_customers_read_owner (ctx, customer_id, &owner, error))
    return FALSE;
  if (sr_session_get_roles (session) & (SR_ROLE_RECEPTIONIST | SR_ROLE_CUSTOMER_MANAGER | SR_ROLE_MANAGER))
    return TRUE;
  if (owner != sr_session_get_staff_id (session) || staff_id != sr_session_get_staff_id (session))
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED,
                   _("A consultant books appointments with their own customers, for themselves."));
      return FALSE;
    }
  return TRUE;
}

gint64
sr_appointments_add (SrContext          *ctx,
                     gint64              customer_id,
                     gint64              staff_id,
                     gint64              at,
                     SrAppointmentKind   kind,
                     const char         *note,
                     GError            **error)
{
  SrDb *db = sr_context_get_db (ctx);
  SrSession *session = sr_context_get_session (ctx);
  g_autoptr(SrStmt) stmt = NULL;
  g_autoptr(SrStaffMember) staff = NULL;
  g_autoptr(SrJson) json = sr_json_new ();
  g_autofree char *after = NULL;
  g_autofree char *day = NULL;
  gint64 id;

  g_return_val_if_fail (kind < SR_N_APPOINTMENT_KINDS, 0);
  if (!may_book_for (ctx, customer_id, staff_id, error))
    return 0;
  if (at < sr_context_now (ctx) - 60)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                   _("An appointment cannot be in the past."));
      return 0;
    }
  staff = sr_staff_find (ctx, staff_id, NULL, error);
  if (staff == NULL)
    return 0;
  if (staff->is_disabled)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                   _("%s’s account is disabled: choose someone who works here."), staff->display_name);
      return 0;
    }
  day = sr_day_from_unix (at);

  if (!sr_db_begin (db, error))
    return 0;
  stmt = sr_db_prepare (db, "INSERT INTO appointments (customer_id, staff_id, at, day, kind, note, "
                        "created_by, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id",
                        error);
  if (stmt == NULL)
    goto fail;
  sr_stmt_bind_int (stmt, 1, customer_id);
  sr_stmt_bind_int (stmt, 2, staff_id);
  sr_stmt_bind_int (stmt, 3, at);
  sr_stmt_bind_text (stmt, 4, day);
  sr_stmt_bind_text (stmt, 5, kinds[kind].code);
  sr_stmt_bind_text (stmt, 6, note != NULL && *note != '\0' ? note : NULL);
  if (sr_session_get_staff_id (session) > 0)
    sr_stmt_bind_int (stmt, 7, sr_session_get_staff_id (session));
  sr_stmt_bind_int (stmt, 8, sr_context_now (ctx));
  if (sr_stmt_step (stmt, error) != SR_STEP_ROW)
    goto fail;
  id = sr_stmt_get_int (stmt, 0);
  g_clear_pointer (&stmt, sr_stmt_done);
  sr_json_add_int (json, "customer_id", customer_id);
  sr_json_add_int (json, "staff_id", staff_id);
  sr_json_add_int (json, "at", at);
  sr_json_add_text (json, "kind", kinds[kind].code);
  after = sr_json_end (json);
  if (!sr_audit_write (ctx, "add", "appointments", id, NULL, after, error) ||
      !sr_db_commit (db, error))
    goto fail;
  sr_context_emit_changed (ctx, "appointments");
  return id;

fail:
  sr_db_rollback (db);
  return 0;
}

gboolean
sr_appointments_cancel (SrContext   *ctx,
                        gint64       appointment_id,
                        const char  *reason,
                        GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  g_autoptr(SrStmt) stmt = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  g_autofree char *after = NULL;
  gint64 customer = 0, staff = 0;

  if (*trimmed == '\0')
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("Say why it is cancelled."));
      return FALSE;
    }
  stmt = sr_db_prepare (db, "SELECT customer_id, staff_id FROM appointments WHERE id = ?1 "
                        "AND status = 'scheduled'", error);
  if (stmt == NULL)
    return FALSE;
  sr_stmt_bind_int (stmt, 1, appointment_id);
  if (sr_stmt_step (stmt, error) != SR_STEP_ROW)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_NOT_FOUND,
                     _("This appointment is no longer scheduled."));
      return FALSE;
    }
  customer = sr_stmt_get_int (stmt, 0);
  staff = sr_stmt_get_int (stmt, 1);
  g_clear_pointer (&stmt, sr_stmt_done);
  if (!may_book_for (ctx, customer, staff, error))
    return FALSE;

  if (!sr_db_begin (db, error))
    return FALSE;
  stmt = sr_db_prepare (db, "UPDATE appointments SET status = 'cancelled', reason = ?2 WHERE id = ?1 "
                        "AND status = 'scheduled'", error);
  if (stmt == NULL)
    goto fail;
  sr_stmt_bind_int (stmt, 1, appointment_id);
  sr_stmt_bind_text (stmt, 2, trimmed);
  if (!sr_stmt_exec (stmt, error))
    goto fail;
  g_clear_pointer (&stmt, sr_stmt_done);
  after = g_strdup_printf ("{\"status\":\"cancelled\"}");
  if (!sr_audit_write (ctx, "cancel", "appointments", appointment_id, "{\"status\":\"scheduled\"}",
                       after, error) ||
      !sr_db_commit (db, error))
    goto fail;
  sr_context_emit_changed (ctx, "appointments");
  return TRUE;

fail:
  sr_db_rollback (db);
  return FALSE;
}

GPtrArray *
sr_appointments_for_day (SrContext   *ctx,
                         gint64       staff_id,
                         const char  *day,
                         GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) sr_appointment_free);
  g_autoptr(SrStmt) stmt = sr_db_prepare (sr_context_get_db (ctx),
                                          APPOINTMENT_SELECT "WHERE a.day = ?2 AND (?1 = 0 OR a.staff_id = ?1) "
                                          "AND a.status <> 'cancelled' ORDER BY a.at, a.id", error);
  SrStep step;

  if (stmt == NULL)
    return NULL;
  sr_stmt_bind_int (stmt, 1, staff_id);
  sr_stmt_bind_text (stmt, 2, day);
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    g_ptr_array_add (rows, appointment_from_row (ctx, stmt));
  if (step == SR_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&rows);
}

SrAppointment *
sr_appointments_find_today (SrContext  *ctx,
                            gint64      customer_id,
                            GError    **error)
{
  g_autofree char *today = sr_clock_today (sr_context_get_clock (ctx));
  g_autoptr(SrStmt) stmt = sr_db_prepare (sr_context_get_db (ctx),
                                          APPOINTMENT_SELECT "WHERE a.customer_id = ?1 AND a.day = ?2 "
                                          "AND a.status = 'scheduled' ORDER BY a.at LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  sr_stmt_bind_int (stmt, 1, customer_id);
  sr_stmt_bind_text (stmt, 2, today);
  if (sr_stmt_step (stmt, error) != SR_STEP_ROW)
    return NULL;
  return appointment_from_row (ctx, stmt);
}

gboolean
sr_appointments_count (SrContext   *ctx,
                       gint64       staff_id,
                       const char  *from_day,
                       const char  *to_day,
                       guint       *out_kept,
                       guint       *out_missed,
                       GError     **error)
{
  g_autofree char *today = sr_clock_today (sr_context_get_clock (ctx));
  g_autoptr(SrStmt) stmt = sr_db_prepare (sr_context_get_db (ctx),
                                          "SELECT coalesce (sum (status = 'kept'), 0), "
                                          "coalesce (sum (status = 'scheduled' AND day < ?4), 0) "
                                          "FROM appointments WHERE (?1 = 0 OR staff_id = ?1) "
                                          "AND day BETWEEN ?2 AND ?3", error);
  if (stmt == NULL)
    return FALSE;
  sr_stmt_bind_int (stmt, 1, staff_id);
  sr_stmt_bind_text (stmt, 2, from_day);
  sr_stmt_bind_text (stmt, 3, to_day);
  sr_stmt_bind_text (stmt, 4, today);
  if (sr_stmt_step (stmt, error) != SR_STEP_ROW)
    return FALSE;
  *out_kept = (guint) sr_stmt_get_int (stmt, 0);
  *out_missed = (guint) sr_stmt_get_int (stmt, 1);
  return TRUE;
}
