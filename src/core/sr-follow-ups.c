/* sr-follow-ups.c — see sr-follow-ups.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sr-audit.h"
#include "sr-error.h"
#include "sr-customers-private.h"
#include "sr-deals.h"
#include "sr-follow-ups.h"
#include "sr-ledger.h"

static const struct {
  const char *code;
  const char *label;
} methods[SR_N_FOLLOW_UP_METHODS] = {
  [SR_FOLLOW_UP_PHONE] = { "phone", N_("Phone call") },
  [SR_FOLLOW_UP_VISIT] = { "visit", N_("Visit") },
  [SR_FOLLOW_UP_WECHAT] = { "wechat", N_("WeChat") },
  [SR_FOLLOW_UP_SMS] = { "sms", N_("Text message") },
  [SR_FOLLOW_UP_OTHER] = { "other", N_("Other") },
};

const char *
sr_follow_up_method_get_code (SrFollowUpMethod method)
{
  g_return_val_if_fail (method < SR_N_FOLLOW_UP_METHODS, NULL);
  return methods[method].code;
}

const char *
sr_follow_up_method_get_label (SrFollowUpMethod method)
{
  g_return_val_if_fail (method < SR_N_FOLLOW_UP_METHODS, NULL);
  return _(methods[method].label);
}

gint64
sr_follow_ups_add (SrContext         *ctx,
                   gint64             customer_id,
                   SrFollowUpMethod   method,
                   const char        *content,
                   const char        *next_day,
                   GError           **error)
{
  SrDb *db = sr_context_get_db (ctx);
  SrSession *session = sr_context_get_session (ctx);
  g_autofree char *text = g_strstrip (g_strdup (content != NULL ? content : ""));
  g_autofree char *today = sr_clock_today (sr_context_get_clock (ctx));
  g_autoptr(SrStmt) stmt = NULL;
  g_autoptr(SrJson) json = sr_json_new ();
  g_autofree char *after = NULL;
  gint64 owner = 0, id = 0;
  GDate date;

  if (!sr_context_check (ctx, SR_ACTION_FOLLOW_UP, error))
    return 0;
  g_return_val_if_fail (method < SR_N_FOLLOW_UP_METHODS, 0);
  if (*text == '\0')
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                   _("Write what was said or done."));
      return 0;
    }
  if (next_day != NULL && *next_day != '\0')
    {
      if (!sr_day_parse (next_day, &date))
        {
          g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                       _("“%s” is not a date (YYYY-MM-DD)."), next_day);
          return 0;
        }
      if (g_strcmp0 (next_day, today) < 0)
        {
          g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                       _("The next follow-up cannot be in the past."));
          return 0;
        }
    }
  else
    next_day = NULL;

  if (!sr_db_begin (db, error))
    return 0;
  if (!sr_customers_read_owner (ctx, customer_id, &owner, error))
    goto fail;
  /* A consultant follows up their own customers; supervisors and managers anyone's. */
  if (!(sr_session_get_roles (session) & (SR_ROLE_CUSTOMER_MANAGER | SR_ROLE_MANAGER)) &&
      owner != sr_session_get_staff_id (session))
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED,
                   _("This is another consultant’s customer: follow-ups are the owner’s."));
      goto fail;
    }

  stmt = sr_db_prepare (db, "INSERT INTO follow_ups (customer_id, staff_id, at, method, content, "
                        "next_day, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?3) RETURNING id", error);
  if (stmt == NULL)
    goto fail;
  sr_stmt_bind_int (stmt, 1, customer_id);
  sr_stmt_bind_int (stmt, 2, sr_session_get_staff_id (session));
  sr_stmt_bind_int (stmt, 3, sr_context_now (ctx));
  sr_stmt_bind_text (stmt, 4, methods[method].code);
  sr_stmt_bind_text (stmt, 5, text);
  sr_stmt_bind_text (stmt, 6, next_day);
  if (sr_stmt_step (stmt, error) != SR_STEP_ROW)
    goto fail;
  id = sr_stmt_get_int (stmt, 0);
  g_clear_pointer (&stmt, sr_stmt_done);

  /* The owner's own follow-up is contact (rule 9) and sets the next date. */
  stmt = sr_db_prepare (db, "UPDATE customers SET next_follow_up_day = ?2, "
                        "last_contact_at = CASE WHEN owner_id = ?3 THEN ?4 ELSE last_contact_at END "
                        "WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sr_stmt_bind_int (stmt, 1, customer_id);
  sr_stmt_bind_text (stmt, 2, next_day);
  sr_stmt_bind_int (stmt, 3, sr_session_get_staff_id (session));
  sr_stmt_bind_int (stmt, 4, sr_context_now (ctx));
  if (!sr_stmt_exec (stmt, error))
    goto fail;
  g_clear_pointer (&stmt, sr_stmt_done);

  sr_json_add_int (json, "customer_id", customer_id);
  sr_json_add_text (json, "method", methods[method].code);
  sr_json_add_text (json, "next_day", next_day);
  after = sr_json_end (json);
  if (!sr_audit_write (ctx, "add", "follow_ups", id, NULL, after, error) ||
      !sr_db_commit (db, error))
    goto fail;
  sr_context_emit_changed (ctx, "customers");
  return id;

fail:
  sr_db_rollback (db);
  return 0;
}

static void
my_day_item_free (SrMyDayItem *item)
{
  g_free (item->customer_name);
  g_free (item->detail);
  g_free (item);
}

void
sr_my_day_free (SrMyDay *day)
{
  if (day == NULL)
    return;
  g_clear_pointer (&day->due, g_ptr_array_unref);
  g_clear_pointer (&day->covered, g_ptr_array_unref);
  g_clear_pointer (&day->promises, g_ptr_array_unref);
  g_clear_pointer (&day->late, g_ptr_array_unref);
  g_clear_pointer (&day->received, g_ptr_array_unref);
  g_free (day);
}

SrMyDay *
sr_my_day_load (SrContext  *ctx,
                gint64      staff_id,
                GError    **error)
{
  SrDb *db = sr_context_get_db (ctx);
  g_autoptr(SrMyDay) day = g_new0 (SrMyDay, 1);
  g_autofree char *today = sr_clock_today (sr_context_get_clock (ctx));
  gint64 today_start = sr_day_start_unix (today);
  g_autoptr(SrStmt) stmt = NULL;
  SrStep step;

  day->due = g_ptr_array_new_with_free_func ((GDestroyNotify) my_day_item_free);
  day->covered = g_ptr_array_new_with_free_func ((GDestroyNotify) my_day_item_free);
  day->received = g_ptr_array_new_with_free_func ((GDestroyNotify) my_day_item_free);
  day->promises = g_ptr_array_new_with_free_func ((GDestroyNotify) my_day_item_free);
  day->late = g_ptr_array_new_with_free_func ((GDestroyNotify) my_day_item_free);

  /* Follow-ups due today or overdue, the most overdue first. */
  stmt = sr_db_prepare (db, "SELECT id, name, next_follow_up_day FROM customers WHERE owner_id = ?1 "
                        "AND is_voided = 0 AND next_follow_up_day <= ?2 "
                        "ORDER BY next_follow_up_day, id LIMIT 500", error);
  if (stmt == NULL)
    return NULL;
  sr_stmt_bind_int (stmt, 1, staff_id);
  sr_stmt_bind_text (stmt, 2, today);
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      SrMyDayItem *item = g_new0 (SrMyDayItem, 1);
      const char *due = sr_stmt_get_text (stmt, 2);
      item->customer_id = sr_stmt_get_int (stmt, 0);
      item->customer_name = sr_stmt_dup_text (stmt, 1);
      item->is_overdue = g_strcmp0 (due, today) < 0;
      item->detail = item->is_overdue ? g_strdup_printf (_("overdue since %s"), due)
                                      : g_strdup (_("due today"));
      g_ptr_array_add (day->due, item);
    }
  if (step == SR_STEP_ERROR)
    return NULL;
  g_clear_pointer (&stmt, sr_stmt_done);

  /* Their customers who came while they were out, in the last week. */
  stmt = sr_db_prepare (db, "SELECT c.id, c.name, k.at, s.display_name, k.kind FROM contacts k "
                        "JOIN customers c ON c.id = k.customer_id "
                        "LEFT JOIN staff s ON s.id = k.receiver_id "
                        "WHERE c.owner_id = ?1 AND k.rule_code = 'cover' AND k.at >= ?2 "
                        "ORDER BY k.at DESC LIMIT 200", error);
  if (stmt == NULL)
    return NULL;
  sr_stmt_bind_int (stmt, 1, staff_id);
  sr_stmt_bind_int (stmt, 2, today_start - 6 * 86400);
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      SrMyDayItem *item = g_new0 (SrMyDayItem, 1);
      g_autofree char *when = sr_format_moment (sr_stmt_get_int (stmt, 2));
      item->customer_id = sr_stmt_get_int (stmt, 0);
      item->customer_name = sr_stmt_dup_text (stmt, 1);
      item->detail = g_strdup_printf (g_strcmp0 (sr_stmt_get_text (stmt, 4), "call") == 0
                                      ? _("called %s; %s answered for you")
                                      : _("came %s; %s received them for you"),
                                      when, sr_stmt_get_text (stmt, 3));
      g_ptr_array_add (day->covered, item);
    }
  if (step == SR_STEP_ERROR)
    return NULL;
  g_clear_pointer (&stmt, sr_stmt_done);

  /* Certificates promised to their owners within a week (or already late), not yet
   * handed over: tell the owner first. */
  {
    g_autofree char *week = sr_day_from_unix (today_start + 7 * 86400 + 12 * 3600);
    stmt = sr_db_prepare (db, "SELECT c.id, c.name, d.certificate_promised_on FROM deals d "
                          "JOIN customers c ON c.id = d.customer_id WHERE d.owner_id = ?1 "
                          "AND d.state IN ('signed', 'delivered') AND d.certificate_promised_on <= ?2 "
                          "AND NOT EXISTS (SELECT 1 FROM deal_progress p WHERE p.deal_id = d.id "
                          " AND p.track = 'certificate' AND p.step = 'handed-over') "
                          "ORDER BY d.certificate_promised_on LIMIT 200", error);
    if (stmt == NULL)
      return NULL;
    sr_stmt_bind_int (stmt, 1, staff_id);
    sr_stmt_bind_text (stmt, 2, week);
    while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
      {
        SrMyDayItem *item = g_new0 (SrMyDayItem, 1);
        const char *promised = sr_stmt_get_text (stmt, 2);
        item->customer_id = sr_stmt_get_int (stmt, 0);
        item->customer_name = sr_stmt_dup_text (stmt, 1);
        item->is_overdue = g_strcmp0 (promised, today) < 0;
        item->detail = g_strdup_printf (item->is_overdue ? _("property certificate promised for %s and not handed over: "
                                                             "call the owner")
                                                         : _("property certificate promised for %s: tell the owner "
                                                             "how it stands first"), promised);
        g_ptr_array_add (day->promises, item);
      }
    if (step == SR_STEP_ERROR)
      return NULL;
    g_clear_pointer (&stmt, sr_stmt_done);
  }

  /* Money to chase and contracts to sign. */
  for (guint pass = 0; pass < 2; pass++)
    {
      g_autoptr(GPtrArray) rows = pass == 0 ? sr_ledger_overdue (ctx, staff_id, error)
                                            : sr_ledger_unsigned (ctx, staff_id, error);
      if (rows == NULL)
        return NULL;
      for (guint i = 0; i < rows->len; i++)
        {
          SrLateRow *r = g_ptr_array_index (rows, i);
          SrMyDayItem *item = g_new0 (SrMyDayItem, 1);
          g_autofree char *money = sr_money_format (pass == 0 ? r->open_fen : r->deposit_fen);
          item->customer_id = r->customer_id;
          item->customer_name = g_strdup (r->customer_name);
          item->is_overdue = TRUE;
          item->detail = pass == 0
            ? g_strdup_printf (_("%s %s was due %s (%d days ago) on %s"), sr_plan_item_kind_get_label (r->kind), money,
                               r->day, r->days_late, r->unit_label)
            : g_strdup_printf (_("agreed to sign by %s (%d days ago) for %s"), r->day, r->days_late, r->unit_label);
          g_ptr_array_add (day->late, item);
        }
    }

  /* New customers they received today. */
  stmt = sr_db_prepare (db, "SELECT c.id, c.name, t.at FROM ownership_transfers t "
                        "JOIN customers c ON c.id = t.customer_id WHERE t.to_id = ?1 "
                        "AND t.at >= ?2 AND t.rule IN ('first-reception', 'lapsed') "
                        "ORDER BY t.at DESC", error);
  if (stmt == NULL)
    return NULL;
  sr_stmt_bind_int (stmt, 1, staff_id);
  sr_stmt_bind_int (stmt, 2, today_start);
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      SrMyDayItem *item = g_new0 (SrMyDayItem, 1);
      g_autofree char *when = sr_format_moment (sr_stmt_get_int (stmt, 2));
      item->customer_id = sr_stmt_get_int (stmt, 0);
      item->customer_name = sr_stmt_dup_text (stmt, 1);
      item->detail = g_strdup_printf (_("received %s"), when);
      g_ptr_array_add (day->received, item);
    }
  if (step == SR_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&day);
}
