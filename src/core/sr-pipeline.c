/* sr-pipeline.c — see sr-pipeline.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sr-audit.h"
#include "sr-customers.h"
#include "sr-customers-private.h"
#include "sr-error.h"
#include "sr-pipeline.h"
#include "sr-quotes.h"

struct _SrCardClass { GObjectClass parent_class; };
G_DEFINE_FINAL_TYPE (SrCard, sr_card, G_TYPE_OBJECT)

static void
sr_card_finalize (GObject *object)
{
  SrCard *self = SR_CARD (object);

  g_free (self->name);
  g_free (self->owner_name);
  g_free (self->grade);
  g_free (self->next_follow_up_day);
  g_free (self->trial_ends_on);
  G_OBJECT_CLASS (sr_card_parent_class)->finalize (object);
}

static void
sr_card_class_init (SrCardClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sr_card_finalize;
}

static void
sr_card_init (SrCard *self)
{
}

void
sr_board_column_free (SrBoardColumn *column)
{
  if (column == NULL)
    return;
  g_free (column->name);
  g_free (column);
}

void
sr_funnel_row_free (SrFunnelRow *row)
{
  if (row == NULL)
    return;
  g_free (row->name);
  g_free (row);
}

/* The filter's conditions on customers c joined to stages s, parameters ?11 to ?18. A card
 * is late when its stage's deadline has passed, or in the trial stage when the trial has
 * ended (confirm the housekeeper or replace them). */
#define FILTER_SQL \
  "c.is_voided = 0 AND (?11 = 0 OR c.owner_id = ?11) AND (?12 IS NULL OR c.grade = ?12) " \
  "AND (?13 IS NULL OR c.channel = ?13) " \
  "AND (?14 = 0 OR (s.deadline_hours IS NOT NULL AND c.stage_at < ?15 - s.deadline_hours * 3600) " \
  " OR (s.kind = 'trial' AND EXISTS (SELECT 1 FROM placements p WHERE p.customer_id = c.id " \
  "  AND p.ended_on IS NULL AND p.trial_ends_on < ?18))) " \
  "AND (?16 IS NULL OR c.id IN (SELECT value FROM json_each (?16))) " \
  "AND (?17 IS NULL OR c.owner_id IN (SELECT t.id FROM staff t WHERE t.team = ?17))"

/* Binds the filter's parameters; a search is turned into the ids it finds. */
static gboolean
bind_filter (SrContext           *ctx,
             SrStmt              *stmt,
             const SrBoardFilter *filter,
             GError             **error)
{
  static const SrBoardFilter none = { 0 };
  const SrBoardFilter *f = filter != NULL ? filter : &none;
  g_autofree char *text = g_strstrip (g_strdup (f->text != NULL ? f->text : ""));

  sr_stmt_bind_int (stmt, 11, f->owner_id);
  sr_stmt_bind_text (stmt, 12, f->grade != NULL && *f->grade != '\0' ? f->grade : NULL);
  sr_stmt_bind_text (stmt, 13, f->channel != NULL && *f->channel != '\0' ? f->channel : NULL);
  sr_stmt_bind_int (stmt, 14, f->late_only ? 1 : 0);
  sr_stmt_bind_int (stmt, 15, sr_context_now (ctx));
  sr_stmt_bind_text (stmt, 17, f->team != NULL && *f->team != '\0' ? f->team : NULL);
  {
    g_autofree char *today = sr_clock_today (sr_context_get_clock (ctx));
    sr_stmt_bind_text (stmt, 18, today);
  }
  if (*text != '\0')
    {
      g_autoptr(GArray) found = sr_customers_search_ids (ctx, text, 5000, error);
      GString *ids;
      if (found == NULL)
        return FALSE;
      ids = g_string_new ("[");
      for (guint i = 0; i < found->len; i++)
        g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", g_array_index (found, gint64, i));
      g_string_append_c (ids, ']');
      sr_stmt_bind_text (stmt, 16, ids->str);
      g_string_free (ids, TRUE);
    }
  else
    sr_stmt_bind_text (stmt, 16, NULL);
  return TRUE;
}

GPtrArray *
sr_pipeline_columns (SrContext           *ctx,
                     const SrBoardFilter *filter,
                     GError             **error)
{
  g_autoptr(GPtrArray) stages = sr_stages_list (ctx, FALSE, error);
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func ((GDestroyNotify) sr_board_column_free);
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(SrStmt) stmt = NULL;
  SrStep step;

  if (stages == NULL)
    return NULL;
  stmt = sr_db_prepare (sr_context_get_db (ctx), "SELECT c.stage_id, count(*) FROM customers c "
                        "JOIN stages s ON s.id = c.stage_id WHERE " FILTER_SQL " GROUP BY c.stage_id", error);
  if (stmt == NULL || !bind_filter (ctx, stmt, filter, error))
    return NULL;
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      gint64 *key = g_new (gint64, 1);
      *key = sr_stmt_get_int (stmt, 0);
      g_hash_table_insert (counts, key, GSIZE_TO_POINTER ((gsize) sr_stmt_get_int (stmt, 1)));
    }
  if (step == SR_STEP_ERROR)
    return NULL;
  for (guint i = 0; i < stages->len; i++)
    {
      SrStage *stage = g_ptr_array_index (stages, i);
      SrBoardColumn *column = g_new0 (SrBoardColumn, 1);
      column->stage_id = stage->id;
      column->name = g_strdup (stage->name);
      column->kind = stage->kind;
      column->deadline_hours = stage->deadline_hours;
      column->count = GPOINTER_TO_SIZE (g_hash_table_lookup (counts, &stage->id));
      g_ptr_array_add (columns, column);
    }
  return g_steal_pointer (&columns);
}

GPtrArray *
sr_pipeline_cards (SrContext           *ctx,
                   gint64               stage_id,
                   const SrBoardFilter *filter,
                   guint                offset,
                   guint                limit,
                   GError             **error)
{
  g_autoptr(SrStmt) stmt = sr_db_prepare (sr_context_get_db (ctx),
                                          "SELECT c.id, c.name, o.display_name, c.grade, c.stage_at, "
                                          "c.next_follow_up_day, (s.deadline_hours IS NOT NULL "
                                          " AND c.stage_at < ?15 - s.deadline_hours * 3600) OR (s.kind = 'trial' AND "
                                          " EXISTS (SELECT 1 FROM placements p WHERE p.customer_id = c.id "
                                          "  AND p.ended_on IS NULL AND p.trial_ends_on < ?18)), "
                                          "EXISTS (SELECT 1 FROM problems p WHERE p.customer_id = c.id "
                                          " AND p.state <> 'closed'), "
                                          "CASE WHEN s.kind = 'trial' THEN (SELECT p.trial_ends_on FROM placements p "
                                          " WHERE p.customer_id = c.id AND p.ended_on IS NULL) END "
                                          "FROM customers c JOIN stages s ON s.id = c.stage_id "
                                          "LEFT JOIN staff o ON o.id = c.owner_id "
                                          "WHERE c.stage_id = ?1 AND " FILTER_SQL
                                          " ORDER BY c.stage_at, c.id LIMIT ?2 OFFSET ?3", error);
  g_autoptr(GPtrArray) cards = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 now = sr_context_now (ctx);
  SrStep step;

  if (stmt == NULL || !bind_filter (ctx, stmt, filter, error))
    return NULL;
  sr_stmt_bind_int (stmt, 1, stage_id);
  sr_stmt_bind_int (stmt, 2, limit);
  sr_stmt_bind_int (stmt, 3, offset);
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      SrCard *card = g_object_new (SR_TYPE_CARD, NULL);
      card->customer_id = sr_stmt_get_int (stmt, 0);
      card->name = sr_stmt_dup_text (stmt, 1);
      card->owner_name = sr_stmt_dup_text (stmt, 2);
      card->grade = sr_stmt_dup_text (stmt, 3);
      card->stage_id = stage_id;
      card->stage_at = sr_stmt_get_int (stmt, 4);
      card->days_in_stage = (int) MAX ((now - card->stage_at) / 86400, 0);
      card->next_follow_up_day = sr_stmt_dup_text (stmt, 5);
      card->is_late = sr_stmt_get_int (stmt, 6) != 0;
      card->is_problem = sr_stmt_get_int (stmt, 7) != 0;
      card->trial_ends_on = sr_stmt_dup_text (stmt, 8);
      g_ptr_array_add (cards, card);
    }
  if (step == SR_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&cards);
}

GStrv
sr_pipeline_lost_reasons (SrContext  *ctx,
                          GError    **error)
{
  g_autoptr(SrStmt) stmt = sr_db_prepare (sr_context_get_db (ctx), "SELECT name FROM lost_reasons "
                                          "WHERE is_disabled = 0 ORDER BY position", error);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  SrStep step;

  if (stmt == NULL)
    return NULL;
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    g_strv_builder_add (builder, sr_stmt_get_text (stmt, 0));
  if (step == SR_STEP_ERROR)
    return NULL;
  return g_strv_builder_end (builder);
}

gboolean
sr_pipeline_move (SrContext          *ctx,
                  gint64              customer_id,
                  const SrStageMove  *move,
                  GError            **error)
{
  SrDb *db = sr_context_get_db (ctx);
  SrSession *session = sr_context_get_session (ctx);
  g_autoptr(SrStmt) stmt = NULL;
  g_autofree char *note = g_strstrip (g_strdup (move->note != NULL ? move->note : ""));
  g_autofree char *kind_code = NULL;
  g_autofree char *stage_name = NULL;
  g_autofree char *full_note = NULL;
  g_autoptr(SrJson) json = sr_json_new ();
  g_autofree char *after = NULL;
  SrStageKind kind = SR_STAGE_CUSTOM;
  gint64 owner = 0, from = 0, disabled = 0;
  gboolean ok;

  if (!sr_context_check (ctx, SR_ACTION_FOLLOW_UP, error))
    return FALSE;
  stmt = sr_db_prepare (db, "SELECT kind, name, is_disabled FROM stages WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sr_stmt_bind_int (stmt, 1, move->stage_id);
  if (sr_stmt_step (stmt, error) != SR_STEP_ROW)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_NOT_FOUND, _("No such stage."));
      return FALSE;
    }
  kind_code = sr_stmt_dup_text (stmt, 0);
  stage_name = sr_stmt_dup_text (stmt, 1);
  disabled = sr_stmt_get_int (stmt, 2);
  g_clear_pointer (&stmt, sr_stmt_done);
  sr_stage_kind_from_code (kind_code, &kind);
  if (disabled)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("The stage “%s” is not in use."), stage_name);
      return FALSE;
    }
  if (sr_stage_kind_has_event (kind) && kind != SR_STAGE_LOST)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT,
                   kind == SR_STAGE_SUBSCRIBE ? _("“%s” is entered when finance confirms the deposit.")
                   : kind == SR_STAGE_SIGN ? _("“%s” is entered when the contract is entered.")
                   : kind == SR_STAGE_PAID ? _("“%s” is entered when the payment plan is paid off.")
                   : _("“%s” is entered at delivery."), stage_name);
      return FALSE;
    }
  if (kind == SR_STAGE_LOST && *note == '\0')
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("Say why the customer is lost."));
      return FALSE;
    }
  if (kind == SR_STAGE_MEASURE)
    {
      GDate date;
      if (move->day == NULL || !sr_day_parse (move->day, &date))
        {
          g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("Give the measurement day (YYYY-MM-DD)."));
          return FALSE;
        }
      if (*note == '\0')
        {
          g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("Give the address of the home to measure."));
          return FALSE;
        }
      full_note = g_strdup_printf ("%s · %s", move->day, note);
    }
  else
    full_note = g_strdup (note);

  if (!sr_db_begin (db, error))
    return FALSE;
  if (!sr_customers_read_owner (ctx, customer_id, &owner, error) ||
      !sr_db_get_int (db, &from, error, "SELECT coalesce (stage_id, 0) FROM customers WHERE id = ?1", "i", customer_id))
    goto fail;
  if (!sr_customers_check_owner (ctx, owner, _("This is another consultant’s customer: their card is the owner’s to move."),
                                 error))
    goto fail;
  if (from == move->stage_id)
    {
      sr_db_rollback (db);
      return TRUE;
    }
  /* The plan stage keeps its quote (项目报价预算): the one given here as a new version, or
   * one the customer already has. */
  if (kind == SR_STAGE_PLAN)
    {
      gint64 quotes = 0;
      if (move->quote_fen > 0)
        {
          if (sr_quotes_add (ctx, customer_id, move->quote_fen, NULL, error) == 0)
            goto fail;
        }
      else if (!sr_db_get_int (db, &quotes, error, "SELECT count(*) FROM quotes WHERE customer_id = ?1", "i", customer_id))
        goto fail;
      else if (quotes == 0)
        {
          g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                       _("Give the quote’s amount: the plan stage keeps it as the customer’s first quote version."));
          goto fail;
        }
    }
  sr_json_add_int (json, "from_stage", from);
  sr_json_add_int (json, "to_stage", move->stage_id);
  sr_json_add_text (json, "note", full_note);
  after = sr_json_end (json);
  ok = sr_db_run (db, error, "UPDATE customers SET stage_id = ?2, stage_at = ?3 WHERE id = ?1", "iii", customer_id,
                  move->stage_id, sr_context_now (ctx)) &&
       sr_db_run (db, error, "INSERT INTO stage_changes (customer_id, from_stage, to_stage, at, staff_id, event, note) "
                  "VALUES (?1, nullif (?2, 0), ?3, ?4, nullif (?5, 0), 'move', nullif (?6, ''))", "iiiiit",
                  customer_id, from, move->stage_id, sr_context_now (ctx), sr_session_get_staff_id (session),
                  full_note) &&
       sr_audit_write (ctx, "move", "customers", customer_id, NULL, after, error) &&
       sr_db_commit (db, error);
  if (!ok)
    goto fail;
  sr_context_emit_changed (ctx, "customers");
  return TRUE;

fail:
  sr_db_rollback (db);
  return FALSE;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

GPtrArray *
sr_pipeline_funnel (SrContext   *ctx,
                    const char  *from_day,
                    const char  *to_day,
                    GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  g_autoptr(GPtrArray) stages = sr_stages_list (ctx, FALSE, error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) sr_funnel_row_free);
  g_autoptr(GHashTable) index = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) durations = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(SrStmt) stmt = NULL;
  gint64 from = 0, to = 0, first_contact = 0, created = 0;
  SrStep step;

  if (stages == NULL)
    return NULL;
  if (!sr_day_range_unix (from_day, to_day, &from, &to, error))
    return NULL;
  for (guint i = 0; i < stages->len; i++)
    {
      SrStage *stage = g_ptr_array_index (stages, i);
      SrFunnelRow *row = g_new0 (SrFunnelRow, 1);
      row->stage_id = stage->id;
      row->name = g_strdup (stage->name);
      row->median_days = -1;
      g_hash_table_insert (index, &stage->id, GUINT_TO_POINTER (i + 1));
      g_ptr_array_add (rows, row);
      g_ptr_array_add (durations, g_array_new (FALSE, FALSE, sizeof (double)));
      if (first_contact == 0 && stage->kind == SR_STAGE_CONTACT)
        first_contact = stage->id;
    }
  /* Registered in the period: they entered the first stage; those who moved on left it
   * at their first change. */
  if (!sr_db_get_int (db, &created, error, "SELECT count(*) FROM customers WHERE is_voided = 0 AND created_at "
                      "BETWEEN ?1 AND ?2", "ii", from, to))
    return NULL;
  if (first_contact != 0)
    {
      guint i = GPOINTER_TO_UINT (g_hash_table_lookup (index, &first_contact)) - 1;
      SrFunnelRow *row = g_ptr_array_index (rows, i);
      g_autoptr(SrStmt) left = sr_db_prepare (db, "SELECT (SELECT min (s.at) FROM stage_changes s WHERE s.customer_id = c.id) "
                                              " - c.created_at, (SELECT t.kind FROM stage_changes s JOIN stages t "
                                              " ON t.id = s.to_stage WHERE s.customer_id = c.id ORDER BY s.at, s.id LIMIT 1) "
                                              "FROM customers c WHERE c.is_voided = 0 AND c.created_at BETWEEN ?1 AND ?2 "
                                              "AND EXISTS (SELECT 1 FROM stage_changes s WHERE s.customer_id = c.id)", error);
      row->entered = (guint) created;
      if (left == NULL)
        return NULL;
      sr_stmt_bind_int (left, 1, from);
      sr_stmt_bind_int (left, 2, to);
      while ((step = sr_stmt_step (left, error)) == SR_STEP_ROW)
        {
          double days = (double) sr_stmt_get_int (left, 0) / 86400.0;
          g_array_append_val (g_ptr_array_index (durations, i), days);
          if (g_strcmp0 (sr_stmt_get_text (left, 1), "lost") != 0)
            row->went_on++;
        }
      if (step == SR_STEP_ERROR)
        return NULL;
    }

  /* Each change in the period, with when the customer left that stage and where to (read
   * over the customers who changed in the period only). */
  stmt = sr_db_prepare (db, "SELECT customer_id, to_stage, at, left_at, next_stage FROM ("
                        " SELECT customer_id, to_stage, at, "
                        "  lead (at) OVER (PARTITION BY customer_id ORDER BY at, id) AS left_at, "
                        "  lead (to_stage) OVER (PARTITION BY customer_id ORDER BY at, id) AS next_stage "
                        " FROM stage_changes WHERE customer_id IN (SELECT customer_id FROM stage_changes "
                        "  WHERE at BETWEEN ?1 AND ?2)) AS moves WHERE at BETWEEN ?1 AND ?2", error);
  if (stmt == NULL)
    return NULL;
  sr_stmt_bind_int (stmt, 1, from);
  sr_stmt_bind_int (stmt, 2, to);
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      gint64 stage = sr_stmt_get_int (stmt, 1);
      guint i = GPOINTER_TO_UINT (g_hash_table_lookup (index, &stage));
      g_autofree char *key = NULL;
      SrFunnelRow *row;

      if (i == 0)
        continue;
      row = g_ptr_array_index (rows, i - 1);
      key = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, sr_stmt_get_int (stmt, 0), stage);
      if (!g_hash_table_contains (seen, key))
        {
          g_hash_table_add (seen, g_steal_pointer (&key));
          if (stage != first_contact)
            row->entered++;
        }
      if (!sr_stmt_is_null (stmt, 3))
        {
          double days = (double) (sr_stmt_get_int (stmt, 3) - sr_stmt_get_int (stmt, 2)) / 86400.0;
          gint64 next = sr_stmt_get_int (stmt, 4);
          guint j = GPOINTER_TO_UINT (g_hash_table_lookup (index, &next));
          g_array_append_val (g_ptr_array_index (durations, i - 1), days);
          if (j > i && ((SrStage *) g_ptr_array_index (stages, j - 1))->kind != SR_STAGE_LOST)
            row->went_on++;
        }
    }
  if (step == SR_STEP_ERROR)
    return NULL;
  for (guint i = 0; i < rows->len; i++)
    {
      GArray *d = g_ptr_array_index (durations, i);
      SrFunnelRow *row = g_ptr_array_index (rows, i);
      if (d->len == 0)
        continue;
      g_array_sort (d, compare_doubles);
      row->median_days = d->len % 2 == 1 ? g_array_index (d, double, d->len / 2)
                                         : (g_array_index (d, double, d->len / 2 - 1) + g_array_index (d, double, d->len / 2)) / 2;
    }
  return g_steal_pointer (&rows);
}
