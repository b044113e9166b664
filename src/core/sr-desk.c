/* sr-desk.c — see sr-desk.h. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sr-audit.h"
#include "sr-appointments.h"
#include "sr-customers-private.h"
#include "sr-desk.h"
#include "sr-error.h"
#include "sr-office.h"
#include "sr-phone.h"
#include "sr-staff.h"

const char *
sr_desk_group_get_code (SrDeskGroup group)
{
  return group == SR_DESK_PHONE ? "phone" : "reception";
}

const char *
sr_desk_group_get_label (SrDeskGroup group)
{
  return group == SR_DESK_PHONE ? _("Phone group") : _("Reception group");
}

static gboolean
check_day (const char  *day,
           GError     **error)
{
  GDate date;

  if (!sr_day_parse (day, &date))
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                   _("“%s” is not a date (YYYY-MM-DD)."), day != NULL ? day : "");
      return FALSE;
    }
  return TRUE;
}

static GArray *
read_order (SrContext   *ctx,
            const char  *sql,
            const char  *day,
            SrDeskGroup  group,
            GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(SrStmt) stmt = sr_db_prepare (sr_context_get_db (ctx), sql, error);
  SrStep step;

  if (stmt == NULL)
    return NULL;
  sr_stmt_bind_text (stmt, 1, day);
  sr_stmt_bind_text (stmt, 2, sr_desk_group_get_code (group));
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      gint64 id = sr_stmt_get_int (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (step == SR_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&ids);
}

GArray *
sr_desk_get_order (SrContext   *ctx,
                   const char  *day,
                   SrDeskGroup  group,
                   GError     **error)
{
  if (!check_day (day, error))
    return NULL;
  return read_order (ctx, "SELECT staff_id FROM rotation_orders WHERE day = ?1 AND grp = ?2 "
                     "ORDER BY position", day, group, error);
}

GArray *
sr_desk_get_previous_order (SrContext   *ctx,
                            const char  *day,
                            SrDeskGroup  group,
                            GError     **error)
{
  if (!check_day (day, error))
    return NULL;
  return read_order (ctx, "SELECT o.staff_id FROM rotation_orders o JOIN staff s ON s.id = o.staff_id "
                     "WHERE s.is_disabled = 0 AND o.grp = ?2 AND o.day = (SELECT max (day) FROM "
                     "rotation_orders WHERE day < ?1 AND grp = ?2) ORDER BY o.position",
                     day, group, error);
}

static char *
ids_json (const gint64 *ids,
          guint         n)
{
  GString *s = g_string_new ("[");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "%s%" G_GINT64_FORMAT, i ? "," : "", ids[i]);
  g_string_append_c (s, ']');
  return g_string_free (s, FALSE);
}

gboolean
sr_desk_set_order (SrContext    *ctx,
                   const char   *day,
                   SrDeskGroup   group,
                   const gint64 *staff_ids,
                   guint         n,
                   GError      **error)
{
  SrDb *db = sr_context_get_db (ctx);
  SrSession *session = sr_context_get_session (ctx);
  g_autoptr(GArray) before = NULL;
  g_autoptr(SrStmt) stmt = NULL;
  g_autofree char *before_json = NULL;
  g_autofree char *after_json = NULL;
  g_autoptr(SrJson) json = sr_json_new ();

  if (!sr_context_check (ctx, SR_ACTION_SET_ROTATION_ORDER, error) || !check_day (day, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    for (guint k = i + 1; k < n; k++)
      if (staff_ids[i] == staff_ids[k])
        {
          g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                       _("A person appears twice in the order."));
          return FALSE;
        }

  if (!sr_db_begin (db, error))
    return FALSE;
  before = sr_desk_get_order (ctx, day, group, error);
  if (before == NULL)
    goto fail;
  /* The order is the day's plan, replaced as a whole; the audit keeps every version. */
  stmt = sr_db_prepare (db, "DELETE FROM rotation_orders WHERE day = ?1 AND grp = ?2", error);
  if (stmt == NULL)
    goto fail;
  sr_stmt_bind_text (stmt, 1, day);
  sr_stmt_bind_text (stmt, 2, sr_desk_group_get_code (group));
  if (!sr_stmt_exec (stmt, error))
    goto fail;
  g_clear_pointer (&stmt, sr_stmt_done);

  stmt = sr_db_prepare (db, "INSERT INTO rotation_orders (day, grp, position, staff_id, set_by, "
                        "set_at) SELECT ?1, ?2, ?3, id, ?5, ?6 FROM staff WHERE id = ?4 "
                        "AND is_disabled = 0", error);
  if (stmt == NULL)
    goto fail;
  for (guint i = 0; i < n; i++)
    {
      sr_stmt_bind_text (stmt, 1, day);
      sr_stmt_bind_text (stmt, 2, sr_desk_group_get_code (group));
      sr_stmt_bind_int (stmt, 3, i);
      sr_stmt_bind_int (stmt, 4, staff_ids[i]);
      if (sr_session_get_staff_id (session) > 0)
        sr_stmt_bind_int (stmt, 5, sr_session_get_staff_id (session));
      sr_stmt_bind_int (stmt, 6, sr_context_now (ctx));
      if (!sr_stmt_exec (stmt, error))
        goto fail;
      if (sr_db_changes (db) != 1)
        {
          g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                       _("Someone in the order is not an active staff member."));
          goto fail;
        }
      sr_stmt_reset (stmt);
    }
  g_clear_pointer (&stmt, sr_stmt_done);

  before_json = ids_json ((gint64 *) before->data, before->len);
  sr_json_add_text (json, "day", day);
  sr_json_add_text (json, "group", sr_desk_group_get_code (group));
  {
    g_autofree char *list = ids_json (staff_ids, n);
    sr_json_add_text (json, "order", list);
  }
  after_json = sr_json_end (json);
  if (!sr_audit_write (ctx, "set-order", "rotation_orders", 0, before_json, after_json, error) ||
      !sr_db_commit (db, error))
    goto fail;
  sr_context_emit_changed (ctx, "rotation");
  return TRUE;

fail:
  sr_db_rollback (db);
  return FALSE;
}

SrRotationState *
sr_desk_state (SrContext   *ctx,
               const char  *day,
               SrDeskGroup  group,
               GError     **error)
{
  g_autoptr(GArray) order = read_order (ctx, "SELECT o.staff_id FROM rotation_orders o "
                                        "WHERE o.day = ?1 AND o.grp = ?2 AND NOT EXISTS ("
                                        " SELECT 1 FROM rotation_suspensions u WHERE u.staff_id = o.staff_id "
                                        " AND u.grp = o.grp AND u.cleared_at IS NULL AND u.from_day <= ?1 "
                                        " AND (u.until_day IS NULL OR u.until_day >= ?1)) "
                                        "ORDER BY o.position", day, group, error);
  g_autoptr(GArray) events = g_array_new (FALSE, TRUE, sizeof (SrRotationEvent));
  g_autoptr(GArray) suspended = NULL;
  g_autoptr(SrStmt) stmt = NULL;
  SrStep step;

  if (order == NULL)
    return NULL;
  /* The suspended take no part: their own events are left out of the fold. */
  suspended = read_order (ctx, "SELECT staff_id FROM rotation_suspensions WHERE grp = ?2 "
                          "AND cleared_at IS NULL AND from_day <= ?1 "
                          "AND (until_day IS NULL OR until_day >= ?1)", day, group, error);
  if (suspended == NULL)
    return NULL;
  stmt = sr_db_prepare (sr_context_get_db (ctx),
                        "SELECT id, kind, coalesce (staff_id, 0), coalesce (other_id, 0), "
                        "by_appointment FROM rotation_events WHERE day = ?1 AND grp = ?2 ORDER BY id",
                        error);
  if (stmt == NULL)
    return NULL;
  sr_stmt_bind_text (stmt, 1, day);
  sr_stmt_bind_text (stmt, 2, sr_desk_group_get_code (group));
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      SrRotationEvent e = { 0 };
      e.id = sr_stmt_get_int (stmt, 0);
      if (!sr_rotation_event_kind_from_code (sr_stmt_get_text (stmt, 1), &e.kind))
        continue;
      e.staff_id = sr_stmt_get_int (stmt, 2);
      e.other_id = sr_stmt_get_int (stmt, 3);
      e.by_appointment = sr_stmt_get_int (stmt, 4) != 0;
      {
        gboolean skip = FALSE;
        for (guint k = 0; k < suspended->len; k++)
          skip = skip || (e.kind != SR_ROTATION_UNDO && g_array_index (suspended, gint64, k) == e.staff_id);
        if (skip)
          continue;
      }
      g_array_append_val (events, e);
    }
  if (step == SR_STEP_ERROR)
    return NULL;
  return sr_rotation_fold ((gint64 *) order->data, order->len,
                           (SrRotationEvent *) events->data, events->len);
}

/* Inserts the event row; the caller holds the transaction. */
static gint64
insert_event (SrContext           *ctx,
              const char          *day,
              SrDeskGroup          group,
              SrRotationEventKind  kind,
              gint64               staff_id,
              gint64               other_id,
              gboolean             by_appointment,
              gint64               customer_id,
              GError             **error)
{
  SrDb *db = sr_context_get_db (ctx);
  SrSession *session = sr_context_get_session (ctx);
  g_autoptr(SrRotationState) state = sr_desk_state (ctx, day, group, error);
  g_autoptr(SrStmt) stmt = NULL;
  g_autoptr(SrJson) json = sr_json_new ();
  g_autofree char *after = NULL;
  gint64 id;

  if (state == NULL)
    return 0;
  stmt = sr_db_prepare (db,
                        "INSERT INTO rotation_events (day, grp, at, kind, staff_id, other_id, "
                        "by_appointment, customer_id, round, recorded_by) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) RETURNING id", error);
  if (stmt == NULL)
    return 0;
  sr_stmt_bind_text (stmt, 1, day);
  sr_stmt_bind_text (stmt, 2, sr_desk_group_get_code (group));
  sr_stmt_bind_int (stmt, 3, sr_context_now (ctx));
  sr_stmt_bind_text (stmt, 4, sr_rotation_event_kind_get_code (kind));
  if (staff_id > 0)
    sr_stmt_bind_int (stmt, 5, staff_id);
  if (other_id > 0)
    sr_stmt_bind_int (stmt, 6, other_id);
  sr_stmt_bind_int (stmt, 7, by_appointment);
  if (customer_id > 0)
    sr_stmt_bind_int (stmt, 8, customer_id);
  sr_stmt_bind_int (stmt, 9, MAX (state->round, 1));
  if (sr_session_get_staff_id (session) > 0)
    sr_stmt_bind_int (stmt, 10, sr_session_get_staff_id (session));
  if (sr_stmt_step (stmt, error) != SR_STEP_ROW)
    return 0;
  id = sr_stmt_get_int (stmt, 0);
  g_clear_pointer (&stmt, sr_stmt_done);

  sr_json_add_text (json, "kind", sr_rotation_event_kind_get_code (kind));
  sr_json_add_int (json, "staff_id", staff_id);
  sr_json_add_int (json, "other_id", other_id);
  after = sr_json_end (json);
  if (!sr_audit_write (ctx, "record", "rotation_events", id, NULL, after, error))
    return 0;
  return id;
}

gint64
sr_desk_record (SrContext           *ctx,
                const char          *day,
                SrDeskGroup          group,
                SrRotationEventKind  kind,
                gint64               staff_id,
                gint64               other_id,
                GError             **error)
{
  SrDb *db = sr_context_get_db (ctx);
  gint64 id;

  if (!sr_context_check (ctx, SR_ACTION_RUN_ROTATION, error) || !check_day (day, error))
    return 0;
  if (kind != SR_ROTATION_UNDO && staff_id <= 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("Say who it is about."));
      return 0;
    }
  if (!sr_db_begin (db, error))
    return 0;
  id = insert_event (ctx, day, group, kind, staff_id, other_id, FALSE, 0, error);
  if (id == 0 || !sr_db_commit (db, error))
    {
      sr_db_rollback (db);
      return 0;
    }
  sr_context_emit_changed (ctx, "rotation");
  return id;
}

gboolean
sr_desk_undo (SrContext   *ctx,
              const char  *day,
              SrDeskGroup  group,
              gint64       event_id,
              GError     **error)
{
  return sr_desk_record (ctx, day, group, SR_ROTATION_UNDO, 0, event_id, error) > 0;
}

void
sr_reception_clear (SrReception *reception)
{
  g_clear_pointer (&reception->rule, g_free);
}

static char *
staff_name (SrContext *ctx,
            gint64     staff_id)
{
  g_autoptr(SrStaffMember) m = sr_staff_find (ctx, staff_id, NULL, NULL);
  return g_strdup (m != NULL ? m->display_name : "?");
}

/* Present at the desk today, in either group. */
static gboolean
is_present (SrContext  *ctx,
            const char *day,
            gint64      staff_id)
{
  for (int g = SR_DESK_RECEPTION; g <= SR_DESK_PHONE; g++)
    {
      g_autoptr(SrRotationState) s = sr_desk_state (ctx, day, (SrDeskGroup) g, NULL);
      const SrRotationPerson *p = s != NULL ? sr_rotation_state_find (s, staff_id) : NULL;
      if (p != NULL && p->state != SR_ROTATION_NOT_ARRIVED && p->state != SR_ROTATION_LEFT)
        return TRUE;
    }
  return FALSE;
}

static gint64
insert_contact (SrContext        *ctx,
                SrDeskGroup       group,
                const SrArrival  *arrival,
                gint64            customer_id,
                gint64            receiver_id,
                gint64            event_id,
                const char       *rule,
                const char       *rule_code,
                GError          **error)
{
  SrSession *session = sr_context_get_session (ctx);
  gint64 id;
  g_autoptr(SrStmt) stmt = sr_db_prepare (sr_context_get_db (ctx),
                                          "INSERT INTO contacts (customer_id, kind, at, receiver_id, "
                                          "is_business, media_source_id, note, rotation_event_id, "
                                          "rule, recorded_by, rule_code, recorded_at, tags) VALUES (?1, "
                                          "?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) RETURNING id",
                                          error);
  if (stmt == NULL)
    return 0;
  if (customer_id > 0)
    sr_stmt_bind_int (stmt, 1, customer_id);
  sr_stmt_bind_text (stmt, 2, group == SR_DESK_PHONE ? "call" : "visit");
  sr_stmt_bind_int (stmt, 3, arrival->happened_at > 0 ? arrival->happened_at : sr_context_now (ctx));
  sr_stmt_bind_int (stmt, 4, receiver_id);
  sr_stmt_bind_int (stmt, 5, arrival->is_business);
  if (arrival->media_source_id > 0)
    sr_stmt_bind_int (stmt, 6, arrival->media_source_id);
  sr_stmt_bind_text (stmt, 7, arrival->note != NULL && *arrival->note ? arrival->note : NULL);
  sr_stmt_bind_int (stmt, 8, event_id);
  sr_stmt_bind_text (stmt, 9, rule);
  if (sr_session_get_staff_id (session) > 0)
    sr_stmt_bind_int (stmt, 10, sr_session_get_staff_id (session));
  sr_stmt_bind_text (stmt, 11, rule_code);
  sr_stmt_bind_int (stmt, 12, sr_context_now (ctx));
  sr_stmt_bind_text (stmt, 13, arrival->tags != NULL && *arrival->tags ? arrival->tags : NULL);
  if (sr_stmt_step (stmt, error) != SR_STEP_ROW)
    return 0;
  id = sr_stmt_get_int (stmt, 0);
  g_clear_pointer (&stmt, sr_stmt_done);
  if (customer_id > 0)
    {
      stmt = sr_db_prepare (sr_context_get_db (ctx),
                            "UPDATE customers SET last_contact_at = ?2 WHERE id = ?1", error);
      if (stmt == NULL)
        return 0;
      sr_stmt_bind_int (stmt, 1, customer_id);
      sr_stmt_bind_int (stmt, 2, sr_context_now (ctx));
      if (!sr_stmt_exec (stmt, error))
        return 0;
    }
  return id;
}

/* What the desk decides for an arrival, before anything is written. */
typedef struct {
  SrRotationEventKind kind;
  const char *rule_code;
  SrDeskGroup event_group;
  gint64 receiver;
  gint64 other;               /* the person covered for */
  gboolean by_appointment;
  gboolean is_returning;
  gboolean is_transferred;    /* rule 9: the owner's claim lapsed */
  SrCustomer *existing;       /* NULL: a new customer (or non-business) */
  SrAppointment *appointment;
  char *rule;                 /* why this receiver, in the person's language */
} Decision;

static void
decision_clear (Decision *d)
{
  g_clear_object (&d->existing);
  g_clear_pointer (&d->appointment, sr_appointment_free);
  g_clear_pointer (&d->rule, g_free);
}

/* Rules 1–9 for one arrival, read from the day's state; writes nothing. */
static gboolean
decide (SrContext       *ctx,
        const char      *day,
        SrDeskGroup      group,
        const SrArrival *arrival,
        Decision        *d,
        GError         **error)
{
  g_autoptr(SrRotationState) state = sr_desk_state (ctx, day, group, error);
  gboolean has_phone = arrival->phone != NULL && *arrival->phone != '\0';
  gboolean lapsed = FALSE;

  memset (d, 0, sizeof *d);
  d->event_group = group;
  if (state == NULL)
    return FALSE;
  if (arrival->customer_id > 0 && arrival->is_business)
    {
      d->existing = sr_customers_get (ctx, arrival->customer_id, error);
      if (d->existing == NULL)
        return FALSE;
    }
  else if (has_phone && arrival->is_business)
    {
      g_autofree char *normalised = sr_phone_normalise (arrival->phone, error);
      if (normalised == NULL)
        return FALSE;
      d->existing = sr_customers_find_by_phone (ctx, normalised, error);
      if (d->existing == NULL && error != NULL && *error != NULL)
        return FALSE;
    }
  if (d->existing != NULL)
    {
      d->appointment = sr_appointments_find_today (ctx, d->existing->id, error);
      if (d->appointment == NULL && error != NULL && *error != NULL)
        return FALSE;
      if (d->appointment == NULL && d->existing->owner_id > 0 && !arrival->asks_for_owner &&
          !sr_customers_owner_lapsed (ctx, d->existing->id, &lapsed, error))
        return FALSE;
    }

  if (!arrival->is_business)
    {
      /* Rule 3: the person in line handles it and stays first. */
      d->kind = SR_ROTATION_NON_BUSINESS;
      d->rule_code = "non-business";
      d->receiver = state->next;
      d->rule = g_strdup (_("non-business, by the person in line"));
    }
  else if (d->appointment != NULL && is_present (ctx, day, d->appointment->staff_id))
    {
      /* Rule 4 (seed 003 I): by their own appointment, to that person, using no turn. */
      d->kind = SR_ROTATION_RECEIVE_RETURNING;
      d->rule_code = "appointment";
      d->by_appointment = TRUE;
      d->receiver = d->appointment->staff_id;
      d->rule = g_strdup_printf (_("appointment with %s (no turn used)"), d->appointment->staff_name);
      d->is_returning = TRUE;
    }
  else if (d->appointment != NULL)
    {
      /* The person they came to see is not in: the person in line covers. */
      d->kind = SR_ROTATION_COVER;
      d->rule_code = "cover";
      d->receiver = state->next;
      d->other = d->appointment->staff_id;
      d->rule = g_strdup_printf (_("covering for %s, who is not in"), d->appointment->staff_name);
      d->is_returning = TRUE;
    }
  else if (d->existing != NULL && lapsed)
    {
      /* Rule 9: the owner had no contact for the lapse days and the customer did not
       * ask for them: the customer passes to the receiver now, using their turn. */
      g_autofree char *owner = staff_name (ctx, d->existing->owner_id);
      d->kind = SR_ROTATION_RECEIVE_NEW;
      d->rule_code = "lapsed";
      d->receiver = state->next;
      d->rule = g_strdup_printf (_("%s’s claim lapsed (no contact for %d days): now theirs, round %u"),
                                 owner, (int) sr_settings_get_int (ctx, "ownership.lapse_days", 7),
                                 state->round);
      d->is_returning = TRUE;
      d->is_transferred = TRUE;
    }
  else if (d->existing != NULL && d->existing->owner_id > 0 && is_present (ctx, day, d->existing->owner_id))
    {
      /* Rule 4: a returning customer goes to the owner. */
      g_autofree char *owner = staff_name (ctx, d->existing->owner_id);
      d->kind = SR_ROTATION_RECEIVE_RETURNING;
      d->rule_code = "returning";
      d->receiver = d->existing->owner_id;
      d->rule = g_strdup_printf (_("returning customer of %s"), owner);
      d->is_returning = TRUE;
    }
  else if (d->existing != NULL && d->existing->owner_id > 0)
    {
      /* Rule 4: the owner is not in: the person in line covers and the owner is told. */
      g_autofree char *owner = staff_name (ctx, d->existing->owner_id);
      d->kind = SR_ROTATION_COVER;
      d->rule_code = "cover";
      d->receiver = state->next;
      d->other = d->existing->owner_id;
      d->rule = g_strdup_printf (_("covering for %s, who is not in"), owner);
      d->is_returning = TRUE;
    }
  else
    {
      /* Rules 1, 2, 9: a new customer (or one known but never owned) goes to the person
       * in line, who owns them. */
      d->kind = SR_ROTATION_RECEIVE_NEW;
      d->rule_code = "in-turn";
      d->receiver = state->next;
      if (arrival->taker_id > 0 && arrival->taker_id != state->next)
        {
          /* Rule 8: taken out of turn (this group) or by overflow (the other group); a
           * formal reception for the taker, who owns the customer. */
          SrDeskGroup other_group = group == SR_DESK_PHONE ? SR_DESK_RECEPTION : SR_DESK_PHONE;
          g_autoptr(SrRotationState) theirs = sr_desk_state (ctx, day, other_group, error);
          g_autofree char *taker = staff_name (ctx, arrival->taker_id);
          const SrRotationPerson *here = sr_rotation_state_find (state, arrival->taker_id);
          const SrRotationPerson *there = theirs != NULL ? sr_rotation_state_find (theirs, arrival->taker_id) : NULL;

          if (theirs == NULL)
            return FALSE;
          d->receiver = arrival->taker_id;
          if (here != NULL && here->state != SR_ROTATION_NOT_ARRIVED && here->state != SR_ROTATION_LEFT)
            {
              d->kind = SR_ROTATION_OUT_OF_TURN;
              d->rule_code = "out-of-turn";
              d->rule = g_strdup_printf (_("taken out of turn by %s"), taker);
            }
          else if (there != NULL && there->state != SR_ROTATION_NOT_ARRIVED && there->state != SR_ROTATION_LEFT)
            {
              d->kind = SR_ROTATION_OVERFLOW;
              d->rule_code = "overflow";
              d->rule = g_strdup_printf (_("overflow: taken by %s of the %s"), taker,
                                         sr_desk_group_get_label (other_group));
              d->event_group = other_group;
            }
          else
            {
              g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                           _("%s is not at the desk today."), taker);
              return FALSE;
            }
        }
      else
        d->rule = g_strdup_printf (_("in turn, round %u"), state->round);
    }
  if (d->receiver == 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT,
                   _("Nobody of the %s is in line: mark who is at the desk first."),
                   sr_desk_group_get_label (group));
      return FALSE;
    }
  return TRUE;
}

char *
sr_desk_preview (SrContext       *ctx,
                 const char      *day,
                 SrDeskGroup      group,
                 const SrArrival *arrival,
                 GError         **error)
{
  Decision d;
  g_autofree char *receiver = NULL;
  char *text;

  if (!decide (ctx, day, group, arrival, &d, error))
    {
      decision_clear (&d);
      return NULL;
    }
  receiver = staff_name (ctx, d.receiver);
  if (d.existing != NULL && d.existing->is_problem)
    text = g_strdup_printf (_("%s → %s (%s). A problem customer: an after-sales problem is open."),
                            d.existing->name, receiver, d.rule);
  else if (d.existing != NULL)
    text = g_strdup_printf (_("%s → %s (%s)."), d.existing->name, receiver, d.rule);
  else if (arrival->is_business)
    text = g_strdup_printf (_("New customer → %s (%s)."), receiver, d.rule);
  else
    text = g_strdup_printf (_("Non-business → %s (%s)."), receiver, d.rule);
  decision_clear (&d);
  return text;
}

gboolean
sr_desk_receive (SrContext       *ctx,
                 const char      *day,
                 SrDeskGroup      group,
                 const SrArrival *arrival,
                 SrReception     *out,
                 GError         **error)
{
  SrDb *db = sr_context_get_db (ctx);
  Decision d = { 0 };
  gint64 customer_id = 0, event_id, contact_id;

  memset (out, 0, sizeof *out);
  if (!sr_context_check (ctx, SR_ACTION_RUN_ROTATION, error) || !check_day (day, error))
    return FALSE;
  if (arrival->happened_at > 0)
    {
      g_autofree char *when = sr_day_from_unix (arrival->happened_at);
      if (arrival->happened_at > sr_context_now (ctx) + 60 || g_strcmp0 (when, day) != 0)
        {
          g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                       _("The time of the call or visit must be earlier today."));
          return FALSE;
        }
    }

  if (!sr_db_begin (db, error))
    return FALSE;
  if (!decide (ctx, day, group, arrival, &d, error))
    goto fail;
  if (d.existing != NULL)
    customer_id = d.existing->id;
  if (d.is_transferred)
    {
      if (!sr_customers_set_owner (ctx, customer_id, d.receiver, "lapsed", NULL, error))
        goto fail;
    }
  else if (arrival->is_business && !d.is_returning)
    {
      if (d.existing != NULL)
        {
          /* Known but never owned: the first formal receiver owns them (rule 9). */
          if (!sr_customers_set_owner (ctx, customer_id, d.receiver, "first-reception", NULL, error))
            goto fail;
        }
      else
        {
          const char *phones[] = { arrival->phone != NULL && *arrival->phone != '\0' ? arrival->phone : NULL, NULL };
          SrCustomerInput in = { arrival->name, NULL, group == SR_DESK_PHONE ? "call" : "walk-in",
                                 arrival->media_source_id, NULL, d.receiver, phones, FALSE };
          customer_id = sr_customers_add (ctx, &in, error);
          if (customer_id == 0)
            goto fail;
        }
    }

  event_id = insert_event (ctx, day, d.event_group, d.kind, d.receiver, d.other, d.by_appointment,
                           customer_id, error);
  if (event_id == 0)
    goto fail;
  contact_id = insert_contact (ctx, group, arrival, customer_id, d.receiver, event_id, d.rule,
                               d.rule_code, error);
  if (contact_id == 0)
    goto fail;
  if (d.appointment != NULL)
    {
      /* The customer came: the appointment is kept. */
      g_autoptr(SrStmt) kept = sr_db_prepare (db, "UPDATE appointments SET status = 'kept', "
                                              "contact_id = ?2 WHERE id = ?1", error);
      if (kept == NULL)
        goto fail;
      sr_stmt_bind_int (kept, 1, d.appointment->id);
      sr_stmt_bind_int (kept, 2, contact_id);
      if (!sr_stmt_exec (kept, error))
        goto fail;
    }
  if (!sr_db_commit (db, error))
    goto fail;

  out->customer_id = customer_id;
  out->receiver_id = d.receiver;
  out->event_id = event_id;
  out->contact_id = contact_id;
  out->is_returning = d.is_returning;
  out->is_transferred = d.is_transferred;
  out->rule = g_steal_pointer (&d.rule);
  decision_clear (&d);
  sr_context_emit_changed (ctx, "rotation");
  sr_context_emit_changed (ctx, "customers");
  return TRUE;

fail:
  decision_clear (&d);
  sr_db_rollback (db);
  return FALSE;
}

/* Suspensions ----------------------------------------------------------------------------------- */

gint64
sr_desk_suspend (SrContext   *ctx,
                 gint64       staff_id,
                 SrDeskGroup  group,
                 const char  *from_day,
                 const char  *until_day,
                 const char  *reason,
                 GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  SrSession *session = sr_context_get_session (ctx);
  g_autofree char *trimmed = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  g_autoptr(SrStmt) stmt = NULL;
  g_autoptr(SrJson) json = sr_json_new ();
  g_autofree char *after = NULL;
  gint64 id;

  if (!sr_context_check (ctx, SR_ACTION_SET_ROTATION_ORDER, error) || !check_day (from_day, error))
    return 0;
  if (until_day != NULL && *until_day != '\0')
    {
      if (!check_day (until_day, error))
        return 0;
      if (g_strcmp0 (until_day, from_day) < 0)
        {
          g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                       _("The suspension ends before it starts."));
          return 0;
        }
    }
  else
    until_day = NULL;
  if (*trimmed == '\0')
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("Say why (for example: call training)."));
      return 0;
    }
  if (!sr_db_begin (db, error))
    return 0;
  stmt = sr_db_prepare (db, "INSERT INTO rotation_suspensions (staff_id, grp, from_day, until_day, reason, "
                        "set_by, set_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id", error);
  if (stmt == NULL)
    goto fail;
  sr_stmt_bind_int (stmt, 1, staff_id);
  sr_stmt_bind_text (stmt, 2, sr_desk_group_get_code (group));
  sr_stmt_bind_text (stmt, 3, from_day);
  sr_stmt_bind_text (stmt, 4, until_day);
  sr_stmt_bind_text (stmt, 5, trimmed);
  if (sr_session_get_staff_id (session) > 0)
    sr_stmt_bind_int (stmt, 6, sr_session_get_staff_id (session));
  sr_stmt_bind_int (stmt, 7, sr_context_now (ctx));
  if (sr_stmt_step (stmt, error) != SR_STEP_ROW)
    goto fail;
  id = sr_stmt_get_int (stmt, 0);
  g_clear_pointer (&stmt, sr_stmt_done);
  sr_json_add_int (json, "staff_id", staff_id);
  sr_json_add_text (json, "group", sr_desk_group_get_code (group));
  sr_json_add_text (json, "from_day", from_day);
  sr_json_add_text (json, "until_day", until_day);
  sr_json_add_text (json, "reason", trimmed);
  after = sr_json_end (json);
  if (!sr_audit_write (ctx, "suspend", "rotation_suspensions", id, NULL, after, error) ||
      !sr_db_commit (db, error))
    goto fail;
  sr_context_emit_changed (ctx, "rotation");
  return id;

fail:
  sr_db_rollback (db);
  return 0;
}

gboolean
sr_desk_clear_suspension (SrContext  *ctx,
                          gint64      suspension_id,
                          GError    **error)
{
  SrDb *db = sr_context_get_db (ctx);
  SrSession *session = sr_context_get_session (ctx);
  g_autoptr(SrStmt) stmt = NULL;

  if (!sr_context_check (ctx, SR_ACTION_SET_ROTATION_ORDER, error))
    return FALSE;
  if (!sr_db_begin (db, error))
    return FALSE;
  stmt = sr_db_prepare (db, "UPDATE rotation_suspensions SET cleared_at = ?2, cleared_by = ?3 "
                        "WHERE id = ?1 AND cleared_at IS NULL", error);
  if (stmt == NULL)
    goto fail;
  sr_stmt_bind_int (stmt, 1, suspension_id);
  sr_stmt_bind_int (stmt, 2, sr_context_now (ctx));
  if (sr_session_get_staff_id (session) > 0)
    sr_stmt_bind_int (stmt, 3, sr_session_get_staff_id (session));
  if (!sr_stmt_exec (stmt, error))
    goto fail;
  if (sr_db_changes (db) != 1)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_NOT_FOUND, _("This suspension is already cleared."));
      goto fail;
    }
  g_clear_pointer (&stmt, sr_stmt_done);
  if (!sr_audit_write (ctx, "clear", "rotation_suspensions", suspension_id, NULL,
                       "{\"cleared\":true}", error) ||
      !sr_db_commit (db, error))
    goto fail;
  sr_context_emit_changed (ctx, "rotation");
  return TRUE;

fail:
  sr_db_rollback (db);
  return FALSE;
}

gint64
sr_desk_suspension (SrContext   *ctx,
                    gint64       staff_id,
                    SrDeskGroup  group,
                    const char  *day,
                    char       **out_text,
                    GError     **error)
{
  g_autoptr(SrStmt) stmt = sr_db_prepare (sr_context_get_db (ctx),
                                          "SELECT id, until_day, reason FROM rotation_suspensions "
                                          "WHERE staff_id = ?1 AND grp = ?2 AND cleared_at IS NULL "
                                          "AND from_day <= ?3 AND (until_day IS NULL OR until_day >= ?3) "
                                          "ORDER BY id DESC LIMIT 1", error);
  SrStep step;

  if (out_text != NULL)
    *out_text = NULL;
  if (stmt == NULL)
    return -1;
  sr_stmt_bind_int (stmt, 1, staff_id);
  sr_stmt_bind_text (stmt, 2, sr_desk_group_get_code (group));
  sr_stmt_bind_text (stmt, 3, day);
  step = sr_stmt_step (stmt, error);
  if (step != SR_STEP_ROW)
    return step == SR_STEP_DONE ? 0 : -1;
  if (out_text != NULL)
    *out_text = sr_stmt_is_null (stmt, 1)
                ? g_strdup_printf (_("Suspended until cleared: %s"), sr_stmt_get_text (stmt, 2))
                : g_strdup_printf (_("Suspended until %s: %s"), sr_stmt_get_text (stmt, 1),
                                   sr_stmt_get_text (stmt, 2));
  return sr_stmt_get_int (stmt, 0);
}

gboolean
sr_desk_self_appointment_rate (SrContext   *ctx,
                               gint64       staff_id,
                               const char  *from_day,
                               const char  *to_day,
                               guint       *out_taken,
                               guint       *out_came,
                               GError     **error)
{
  g_autoptr(SrStmt) stmt = NULL;
  gint64 from, to;

  if (!sr_day_range_unix (from_day, to_day, &from, &to, error))
    return FALSE;
  stmt = sr_db_prepare (sr_context_get_db (ctx),
                        "SELECT count(*), coalesce (sum (EXISTS (SELECT 1 FROM contacts v "
                        " WHERE v.customer_id = c.id AND v.kind = 'visit' AND v.at > t.at)), 0) "
                        "FROM ownership_transfers t JOIN customers c ON c.id = t.customer_id "
                        "WHERE t.rule = 'first-reception' AND t.to_id = ?1 AND c.channel = 'call' "
                        "AND t.at >= ?2 AND t.at < ?3", error);
  if (stmt == NULL)
    return FALSE;
  sr_stmt_bind_int (stmt, 1, staff_id);
  sr_stmt_bind_int (stmt, 2, from);
  sr_stmt_bind_int (stmt, 3, to);
  if (sr_stmt_step (stmt, error) != SR_STEP_ROW)
    return FALSE;
  *out_taken = (guint) sr_stmt_get_int (stmt, 0);
  *out_came = (guint) sr_stmt_get_int (stmt, 1);
  return TRUE;
}
