/* sr-bookings.c — see sr-bookings.h. */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sr-audit.h"
#include "sr-bookings-private.h"
#include "sr-customers-private.h"
#include "sr-deals-private.h"
#include "sr-error.h"


gboolean
sr_units_read_for_booking (SrContext   *ctx,
                           gint64       unit_id,
                           char       **out_status,
                           char       **out_label,
                           GError     **error)
{
  g_autoptr(SrStmt) stmt = sr_db_prepare (sr_context_get_db (ctx),
                                          "SELECT u.status, b.name || ' ' || "
                                          " CASE WHEN u.entrance <> '' THEN u.entrance || '-' ELSE '' END || u.number "
                                          "FROM units u JOIN buildings b ON b.id = u.building_id WHERE u.id = ?1",
                                          error);
  SrStep step;

  if (stmt == NULL)
    return FALSE;
  sr_stmt_bind_int (stmt, 1, unit_id);
  step = sr_stmt_step (stmt, error);
  if (step == SR_STEP_DONE)
    g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_NOT_FOUND, _("No such unit."));
  if (step != SR_STEP_ROW)
    return FALSE;
  *out_status = sr_stmt_dup_text (stmt, 0);
  *out_label = sr_stmt_dup_text (stmt, 1);
  return TRUE;
}

gboolean
sr_units_set_status (SrContext   *ctx,
                     gint64       unit_id,
                     const char  *status,
                     GError     **error)
{
  g_autoptr(SrStmt) stmt = sr_db_prepare (sr_context_get_db (ctx),
                                          "UPDATE units SET status = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sr_stmt_bind_int (stmt, 1, unit_id);
  sr_stmt_bind_text (stmt, 2, status);
  return sr_stmt_exec (stmt, error);
}

/* Ends an expired reservation of @unit_id (or of every unit when 0); the caller holds the
 * transaction. Returns how many, or -1. */
gint64
sr_bookings_end_expired (SrContext  *ctx,
                         gint64      unit_id,
                         GError    **error)
{
  SrDb *db = sr_context_get_db (ctx);
  g_autoptr(SrStmt) stmt = NULL;
  g_autoptr(GArray) units = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  SrStep step;

  stmt = sr_db_prepare (db, "SELECT id, unit_id FROM bookings WHERE state = 'reserved' "
                        "AND expires_at <= ?1 AND (?2 = 0 OR unit_id = ?2)", error);
  if (stmt == NULL)
    return -1;
  sr_stmt_bind_int (stmt, 1, sr_context_now (ctx));
  sr_stmt_bind_int (stmt, 2, unit_id);
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      gint64 id = sr_stmt_get_int (stmt, 0), unit = sr_stmt_get_int (stmt, 1);
      g_array_append_val (ids, id);
      g_array_append_val (units, unit);
    }
  if (step == SR_STEP_ERROR)
    return -1;
  g_clear_pointer (&stmt, sr_stmt_done);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      stmt = sr_db_prepare (db, "UPDATE bookings SET state = 'expired', ended_at = ?2, "
                            "end_reason = 'expired' WHERE id = ?1", error);
      if (stmt == NULL)
        return -1;
      sr_stmt_bind_int (stmt, 1, id);
      sr_stmt_bind_int (stmt, 2, sr_context_now (ctx));
      if (!sr_stmt_exec (stmt, error))
        return -1;
      g_clear_pointer (&stmt, sr_stmt_done);
      if (!sr_units_set_status (ctx, g_array_index (units, gint64, i), "available", error) ||
          !sr_audit_write (ctx, "expire", "bookings", id, "{\"state\":\"reserved\"}",
                           "{\"state\":\"expired\"}", error))
        return -1;
    }
  return ids->len;
}

/* The live booking of a unit, if any, said as a person would say it. */
gboolean
sr_bookings_check_free (SrContext   *ctx,
                        gint64       unit_id,
                        const char  *label,
                        GError     **error)
{
  g_autoptr(SrStmt) stmt = sr_db_prepare (sr_context_get_db (ctx),
                                          "SELECT b.state, coalesce (s.display_name, ''), b.created_at "
                                          "FROM bookings b LEFT JOIN staff s ON s.id = b.created_by "
                                          "WHERE b.unit_id = ?1 AND b.state IN " SR_BOOKING_LIVE_STATES, error);
  SrStep step;

  if (stmt == NULL)
    return FALSE;
  sr_stmt_bind_int (stmt, 1, unit_id);
  step = sr_stmt_step (stmt, error);
  if (step == SR_STEP_ERROR)
    return FALSE;
  if (step == SR_STEP_ROW)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (sr_stmt_get_int (stmt, 2));
      g_autofree char *when = g_date_time_format (dt, "%H:%M");
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT,
                   _("Unit %s was just booked by %s at %s; choose another unit."),
                   label, sr_stmt_get_text (stmt, 1), when);
      return FALSE;
    }
  return TRUE;
}

static gboolean
change_hold (SrContext   *ctx,
             gint64       unit_id,
             gboolean     hold,
             GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  g_autofree char *status = NULL;
  g_autofree char *label = NULL;

  if (!sr_context_check (ctx, SR_ACTION_CONTROL_UNITS, error))
    return FALSE;
  if (!sr_db_begin (db, error))
    return FALSE;
  if (sr_bookings_end_expired (ctx, unit_id, error) < 0 || !sr_units_read_for_booking (ctx, unit_id, &status, &label, error))
    goto fail;
  if (g_strcmp0 (status, hold ? "available" : "held") != 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT,
                   hold ? _("Unit %s is not available: it cannot be withheld.")
                        : _("Unit %s is not withheld."), label);
      goto fail;
    }
  if (!sr_units_set_status (ctx, unit_id, hold ? "held" : "available", error) ||
      !sr_audit_write (ctx, hold ? "hold" : "release", "units", unit_id,
                       hold ? "{\"status\":\"available\"}" : "{\"status\":\"held\"}",
                       hold ? "{\"status\":\"held\"}" : "{\"status\":\"available\"}", error) ||
      !sr_db_commit (db, error))
    goto fail;
  sr_context_emit_changed (ctx, "units");
  return TRUE;

fail:
  sr_db_rollback (db);
  return FALSE;
}

gboolean
sr_units_hold (SrContext  *ctx,
               gint64      unit_id,
               GError    **error)
{
  return change_hold (ctx, unit_id, TRUE, error);
}

gboolean
sr_units_release (SrContext  *ctx,
                  gint64      unit_id,
                  GError    **error)
{
  return change_hold (ctx, unit_id, FALSE, error);
}

/* Inserts a live booking; the unique index is the last word when two PCs race. */
gint64
sr_bookings_insert (SrContext   *ctx,
                    gint64       unit_id,
                    gint64       customer_id,
                    const char  *state,
                    gint64       expires_at,
                    gint64       deposit_fen,
                    const char  *sign_by_day,
                    const char  *note,
                    const char  *label,
                    gint64       deal_id,
                    GError     **error)
{
  SrSession *session = sr_context_get_session (ctx);
  g_autoptr(SrStmt) stmt = sr_db_prepare (sr_context_get_db (ctx),
                                          "INSERT INTO bookings (unit_id, customer_id, state, expires_at, "
                                          "deposit_fen, sign_by_day, note, created_by, created_at, deal_id) "
                                          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) RETURNING id", error);
  g_autoptr(GError) local = NULL;
  g_autoptr(SrJson) json = sr_json_new ();
  g_autofree char *after = NULL;
  gint64 id;

  if (stmt == NULL)
    return 0;
  sr_stmt_bind_int (stmt, 1, unit_id);
  sr_stmt_bind_int (stmt, 2, customer_id);
  sr_stmt_bind_text (stmt, 3, state);
  if (expires_at > 0)
    sr_stmt_bind_int (stmt, 4, expires_at);
  if (deposit_fen > 0)
    sr_stmt_bind_int (stmt, 5, deposit_fen);
  sr_stmt_bind_text (stmt, 6, sign_by_day);
  sr_stmt_bind_text (stmt, 7, note != NULL && *note != '\0' ? note : NULL);
  if (sr_session_get_staff_id (session) > 0)
    sr_stmt_bind_int (stmt, 8, sr_session_get_staff_id (session));
  sr_stmt_bind_int (stmt, 9, sr_context_now (ctx));
  if (deal_id > 0)
    sr_stmt_bind_int (stmt, 10, deal_id);
  if (sr_stmt_step (stmt, &local) != SR_STEP_ROW)
    {
      if (g_error_matches (local, SR_STORE_ERROR, SR_STORE_ERROR_CONSTRAINT))
        g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT,
                     _("Unit %s was just booked from another PC; choose another unit."), label);
      else
        g_propagate_error (error, g_steal_pointer (&local));
      return 0;
    }
  id = sr_stmt_get_int (stmt, 0);
  g_clear_pointer (&stmt, sr_stmt_done);
  sr_json_add_int (json, "unit_id", unit_id);
  sr_json_add_int (json, "customer_id", customer_id);
  sr_json_add_text (json, "state", state);
  after = sr_json_end (json);
  if (!sr_units_set_status (ctx, unit_id, state, error) ||
      !sr_audit_write (ctx, "book", "bookings", id, NULL, after, error))
    return 0;
  return id;
}

gint64
sr_units_reserve (SrContext   *ctx,
                  gint64       unit_id,
                  gint64       customer_id,
                  gint64       until,
                  const char  *note,
                  GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  g_autofree char *status = NULL;
  g_autofree char *label = NULL;
  gint64 owner, id;

  if (!sr_context_check (ctx, SR_ACTION_CONTROL_UNITS, error))
    return 0;
  if (until <= sr_context_now (ctx))
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                   _("A reservation lasts until a time in the future."));
      return 0;
    }
  if (!sr_db_begin (db, error))
    return 0;
  if (sr_bookings_end_expired (ctx, unit_id, error) < 0 ||
      !sr_units_read_for_booking (ctx, unit_id, &status, &label, error) ||
      !sr_customers_read_owner (ctx, customer_id, &owner, error) ||
      !sr_bookings_check_free (ctx, unit_id, label, error))
    goto fail;
  if (g_strcmp0 (status, "available") != 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT,
                   _("Unit %s is withheld from sale: release it first."), label);
      goto fail;
    }
  id = sr_bookings_insert (ctx, unit_id, customer_id, "reserved", until, 0, NULL, note, label, 0, error);
  if (id == 0 || !sr_db_commit (db, error))
    goto fail;
  sr_context_emit_changed (ctx, "units");
  return id;

fail:
  sr_db_rollback (db);
  return 0;
}

gint64
sr_units_request_subscription (SrContext   *ctx,
                               gint64       unit_id,
                               gint64       customer_id,
                               gint64       deposit_fen,
                               const char  *sign_by_day,
                               GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  SrSession *session = sr_context_get_session (ctx);
  g_autofree char *status = NULL;
  g_autofree char *label = NULL;
  gint64 owner = 0, id = 0, reservation = 0, deal = 0;
  GDate date;

  if (!sr_context_check (ctx, SR_ACTION_REQUEST_SUBSCRIPTION, error))
    return 0;
  if (deposit_fen <= 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("Give the deposit amount."));
      return 0;
    }
  if (!sr_day_parse (sign_by_day, &date))
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                   _("Give the agreed signing date (YYYY-MM-DD)."));
      return 0;
    }
  {
    g_autofree char *today = sr_clock_today (sr_context_get_clock (ctx));
    if (strcmp (sign_by_day, today) < 0)
      {
        g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                     _("The agreed signing date %s is before today."), sign_by_day);
        return 0;
      }
  }
  if (!sr_db_begin (db, error))
    return 0;
  if (sr_bookings_end_expired (ctx, unit_id, error) < 0 ||
      !sr_units_read_for_booking (ctx, unit_id, &status, &label, error) ||
      !sr_customers_read_owner (ctx, customer_id, &owner, error))
    goto fail;
  /* A consultant asks for their own customers. */
  if (!(sr_session_get_roles (session) & (SR_ROLE_SALES_CONTROLLER | SR_ROLE_MANAGER)) &&
      owner != sr_session_get_staff_id (session))
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED,
                   _("This is another consultant’s customer."));
      goto fail;
    }
  {
    /* A reservation of this unit for this customer becomes the request. */
    g_autoptr(SrStmt) stmt = sr_db_prepare (db, "SELECT id FROM bookings WHERE unit_id = ?1 "
                                            "AND customer_id = ?2 AND state = 'reserved'", error);
    if (stmt == NULL)
      goto fail;
    sr_stmt_bind_int (stmt, 1, unit_id);
    sr_stmt_bind_int (stmt, 2, customer_id);
    if (sr_stmt_step (stmt, NULL) == SR_STEP_ROW)
      reservation = sr_stmt_get_int (stmt, 0);
  }
  if (reservation == 0)
    {
      if (!sr_bookings_check_free (ctx, unit_id, label, error))
        goto fail;
      if (g_strcmp0 (status, "available") != 0)
        {
          g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT,
                       _("Unit %s is withheld from sale: ask the sales controller."), label);
          goto fail;
        }
    }
  /* The money hangs on a deal: the customer's intention-money deal when there is one. */
  deal = sr_deals_open_for_request (ctx, customer_id, owner, unit_id, deposit_fen, sign_by_day, error);
  if (deal == 0)
    goto fail;
  if (reservation > 0)
    {
      g_autoptr(SrStmt) stmt = sr_db_prepare (db, "UPDATE bookings SET state = 'pending', expires_at = NULL, "
                                              "deposit_fen = ?2, sign_by_day = ?3, deal_id = ?4 WHERE id = ?1", error);
      if (stmt == NULL)
        goto fail;
      sr_stmt_bind_int (stmt, 1, reservation);
      sr_stmt_bind_int (stmt, 2, deposit_fen);
      sr_stmt_bind_text (stmt, 3, sign_by_day);
      sr_stmt_bind_int (stmt, 4, deal);
      if (!sr_stmt_exec (stmt, error) || !sr_units_set_status (ctx, unit_id, "pending", error) ||
          !sr_audit_write (ctx, "request", "bookings", reservation, "{\"state\":\"reserved\"}",
                           "{\"state\":\"pending\"}", error))
        goto fail;
      id = reservation;
    }
  else
    {
      id = sr_bookings_insert (ctx, unit_id, customer_id, "pending", 0, deposit_fen, sign_by_day, NULL,
                               label, deal, error);
      if (id == 0)
        goto fail;
    }
  if (!sr_db_commit (db, error))
    goto fail;
  sr_context_emit_changed (ctx, "units");
  return id;

fail:
  sr_db_rollback (db);
  return 0;
}

gboolean
sr_bookings_void (SrContext   *ctx,
                  gint64       booking_id,
                  const char  *reason,
                  GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  SrSession *session = sr_context_get_session (ctx);
  g_autofree char *trimmed = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  g_autoptr(SrStmt) stmt = NULL;
  g_autofree char *state = NULL;
  gint64 unit_id, deal_id;

  if (!sr_context_check (ctx, SR_ACTION_CONTROL_UNITS, error))
    return FALSE;
  if (*trimmed == '\0')
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("Say why it is voided."));
      return FALSE;
    }
  if (!sr_db_begin (db, error))
    return FALSE;
  stmt = sr_db_prepare (db, "SELECT unit_id, state, coalesce (deal_id, 0) FROM bookings WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sr_stmt_bind_int (stmt, 1, booking_id);
  if (sr_stmt_step (stmt, error) != SR_STEP_ROW)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_NOT_FOUND, _("No such booking."));
      goto fail;
    }
  unit_id = sr_stmt_get_int (stmt, 0);
  state = sr_stmt_dup_text (stmt, 1);
  deal_id = sr_stmt_get_int (stmt, 2);
  g_clear_pointer (&stmt, sr_stmt_done);
  if (g_strcmp0 (state, "reserved") != 0 && g_strcmp0 (state, "pending") != 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT,
                   _("Only a reservation or an unconfirmed request can be voided here."));
      goto fail;
    }
  stmt = sr_db_prepare (db, "UPDATE bookings SET state = 'voided', ended_at = ?2, ended_by = ?3, "
                        "end_reason = ?4 WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sr_stmt_bind_int (stmt, 1, booking_id);
  sr_stmt_bind_int (stmt, 2, sr_context_now (ctx));
  if (sr_session_get_staff_id (session) > 0)
    sr_stmt_bind_int (stmt, 3, sr_session_get_staff_id (session));
  sr_stmt_bind_text (stmt, 4, trimmed);
  if (!sr_stmt_exec (stmt, error))
    goto fail;
  g_clear_pointer (&stmt, sr_stmt_done);
  if ((deal_id > 0 && !sr_deals_end_request (ctx, deal_id, trimmed, error)) ||
      !sr_units_set_status (ctx, unit_id, "available", error) ||
      !sr_audit_write (ctx, "void", "bookings", booking_id, NULL, "{\"state\":\"voided\"}", error) ||
      !sr_db_commit (db, error))
    goto fail;
  sr_context_emit_changed (ctx, "units");
  return TRUE;

fail:
  sr_db_rollback (db);
  return FALSE;
}

gint64
sr_bookings_sweep_expired (SrContext  *ctx,
                           GError    **error)
{
  SrDb *db = sr_context_get_db (ctx);
  gint64 n;

  if (!sr_db_begin (db, error))
    return -1;
  n = sr_bookings_end_expired (ctx, 0, error);
  if (n < 0 || !sr_db_commit (db, error))
    {
      sr_db_rollback (db);
      return -1;
    }
  if (n > 0)
    sr_context_emit_changed (ctx, "units");
  return n;
}

void
sr_booking_free (SrBooking *booking)
{
  if (booking == NULL)
    return;
  g_free (booking->state);
  g_free (booking->customer_name);
  g_free (booking->sign_by_day);
  g_free (booking->booked_by);
  g_free (booking);
}

SrBooking *
sr_bookings_live_for_unit (SrContext  *ctx,
                           gint64      unit_id,
                           GError    **error)
{
  g_autoptr(SrStmt) stmt = sr_db_prepare (sr_context_get_db (ctx),
                                          "SELECT b.id, b.state, b.customer_id, c.name, coalesce (b.expires_at, 0), "
                                          "coalesce (b.deposit_fen, 0), b.sign_by_day, s.display_name "
                                          "FROM bookings b JOIN customers c ON c.id = b.customer_id "
                                          "LEFT JOIN staff s ON s.id = b.created_by "
                                          "WHERE b.unit_id = ?1 AND b.state IN " SR_BOOKING_LIVE_STATES " "
                                          "AND NOT (b.state = 'reserved' AND b.expires_at <= ?2)", error);
  SrBooking *b;

  if (stmt == NULL)
    return NULL;
  sr_stmt_bind_int (stmt, 1, unit_id);
  sr_stmt_bind_int (stmt, 2, sr_context_now (ctx));
  if (sr_stmt_step (stmt, error) != SR_STEP_ROW)
    return NULL;
  b = g_new0 (SrBooking, 1);
  b->id = sr_stmt_get_int (stmt, 0);
  b->state = sr_stmt_dup_text (stmt, 1);
  b->customer_id = sr_stmt_get_int (stmt, 2);
  b->customer_name = sr_stmt_dup_text (stmt, 3);
  b->expires_at = sr_stmt_get_int (stmt, 4);
  b->deposit_fen = sr_stmt_get_int (stmt, 5);
  b->sign_by_day = sr_stmt_dup_text (stmt, 6);
  b->booked_by = sr_stmt_dup_text (stmt, 7);
  return b;
}
