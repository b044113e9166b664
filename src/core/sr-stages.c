/* sr-stages.c — pipeline stages and the three presets of PRODUCT.md. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sr-audit.h"
#include "sr-error.h"
#include "sr-ordered-private.h"
#include "sr-stages.h"

G_DEFINE_FINAL_TYPE (SrStage, sr_stage, G_TYPE_OBJECT)

static void
sr_stage_finalize (GObject *object)
{
  g_free (SR_STAGE (object)->name);
  G_OBJECT_CLASS (sr_stage_parent_class)->finalize (object);
}

static void
sr_stage_class_init (SrStageClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sr_stage_finalize;
}

static void
sr_stage_init (SrStage *self)
{
}

static const struct {
  const char *code;
  const char *label;
  gboolean has_event;
} kinds[SR_N_STAGE_KINDS] = {
  [SR_STAGE_CONTACT] = { "contact", N_("First contact"), FALSE },
  [SR_STAGE_QUALIFY] = { "qualify", N_("Qualified"), FALSE },
  [SR_STAGE_MEASURE] = { "measure", N_("Measurement / home visit"), FALSE },
  [SR_STAGE_PLAN] = { "plan", N_("Plan and quote"), FALSE },
  [SR_STAGE_SUBSCRIBE] = { "subscribe", N_("Deposit confirmed"), TRUE },
  [SR_STAGE_SIGN] = { "sign", N_("Contract signed"), TRUE },
  [SR_STAGE_CONSTRUCT] = { "construct", N_("Construction"), FALSE },
  [SR_STAGE_PAID] = { "paid", N_("Fully paid"), TRUE },
  [SR_STAGE_MOVED_IN] = { "moved-in", N_("Moved in"), TRUE },
  [SR_STAGE_TRIAL] = { "trial", N_("Trial period"), FALSE },
  [SR_STAGE_CUSTOM] = { "custom", N_("Other step"), FALSE },
  [SR_STAGE_LOST] = { "lost", N_("Lost"), TRUE },
};

const char *
sr_stage_kind_get_code (SrStageKind kind)
{
  g_return_val_if_fail (kind < SR_N_STAGE_KINDS, NULL);
  return kinds[kind].code;
}

const char *
sr_stage_kind_get_label (SrStageKind kind)
{
  g_return_val_if_fail (kind < SR_N_STAGE_KINDS, NULL);
  return _(kinds[kind].label);
}

gboolean
sr_stage_kind_from_code (const char  *code,
                         SrStageKind *out_kind)
{
  for (guint i = 0; i < SR_N_STAGE_KINDS; i++)
    if (g_strcmp0 (kinds[i].code, code) == 0)
      {
        *out_kind = (SrStageKind) i;
        return TRUE;
      }
  return FALSE;
}

gboolean
sr_stage_kind_can_be_disabled (SrStageKind kind)
{
  return kind != SR_STAGE_CONTACT && !sr_stage_kind_has_event (kind);
}

gboolean
sr_stage_kind_has_event (SrStageKind kind)
{
  g_return_val_if_fail (kind < SR_N_STAGE_KINDS, FALSE);
  return kinds[kind].has_event;
}

typedef struct {
  const char *name;
  SrStageKind kind;
  int deadline_hours;
} PresetStage;

/* PRODUCT.md "The pipeline board". Names are translated when the office is created:
 * from then on they are the office's own data. */
static const PresetStage decoration[] = {
  { N_("Appointment"), SR_STAGE_CONTACT, 0 },
  { N_("Measured"), SR_STAGE_MEASURE, 0 },
  { N_("Draft plan"), SR_STAGE_PLAN, 24 },
  { N_("Plan review / deposit"), SR_STAGE_SUBSCRIBE, 0 },
  { N_("Final plan"), SR_STAGE_CUSTOM, 0 },
  { N_("Contract signed"), SR_STAGE_SIGN, 0 },
  { N_("Work started"), SR_STAGE_CONSTRUCT, 0 },
  { N_("Under construction"), SR_STAGE_CONSTRUCT, 0 },
  { N_("Finished"), SR_STAGE_CUSTOM, 0 },
  { N_("Lost"), SR_STAGE_LOST, 0 },
  { NULL, 0, 0 }
};

static const PresetStage property[] = {
  { N_("Call / visit"), SR_STAGE_CONTACT, 0 },
  { N_("Intention"), SR_STAGE_QUALIFY, 0 },
  { N_("Revisit"), SR_STAGE_CUSTOM, 0 },
  { N_("Subscribed"), SR_STAGE_SUBSCRIBE, 0 },
  { N_("Contract signed"), SR_STAGE_SIGN, 0 },
  { N_("Fully paid"), SR_STAGE_PAID, 0 },
  { N_("Moved in"), SR_STAGE_MOVED_IN, 0 },
  { N_("Lost"), SR_STAGE_LOST, 0 },
  { NULL, 0, 0 }
};

static const PresetStage housekeeping[] = {
  { N_("Inquiry"), SR_STAGE_CONTACT, 0 },
  { N_("Home visit"), SR_STAGE_MEASURE, 0 },
  { N_("Plan and quote"), SR_STAGE_PLAN, 0 },
  { N_("Candidates interviewed"), SR_STAGE_CUSTOM, 0 },
  { N_("Targeted training"), SR_STAGE_CUSTOM, 0 },
  { N_("Agreement signed"), SR_STAGE_SIGN, 0 },
  { N_("Trial period"), SR_STAGE_TRIAL, 0 },
  { N_("In service"), SR_STAGE_CUSTOM, 0 },
  { N_("Lost"), SR_STAGE_LOST, 0 },
  { NULL, 0, 0 }
};

gboolean
sr_stages_insert_preset (SrContext    *ctx,
                         SrOfficeKind  office_kind,
                         GError      **error)
{
  const PresetStage *preset = office_kind == SR_OFFICE_DECORATION ? decoration
                              : office_kind == SR_OFFICE_HOUSEKEEPING ? housekeeping
                              : property;

  for (guint i = 0; preset[i].name != NULL; i++)
    {
      gint64 id = sr_ordered_add (ctx, "stages", _(preset[i].name), "kind",
                                  kinds[preset[i].kind].code, error);
      if (id == 0)
        return FALSE;
      if (preset[i].deadline_hours > 0)
        {
          g_autoptr(SrStmt) stmt = sr_db_prepare (sr_context_get_db (ctx),
                                                  "UPDATE stages SET deadline_hours = ?2 "
                                                  "WHERE id = ?1", error);
          if (stmt == NULL)
            return FALSE;
          sr_stmt_bind_int (stmt, 1, id);
          sr_stmt_bind_int (stmt, 2, preset[i].deadline_hours);
          if (!sr_stmt_exec (stmt, error))
            return FALSE;
        }
    }
  return TRUE;
}

GPtrArray *
sr_stages_list (SrContext  *ctx,
                gboolean    include_disabled,
                GError    **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(SrStmt) stmt = NULL;
  SrStep step;

  stmt = sr_db_prepare (sr_context_get_db (ctx),
                        "SELECT id, position, name, kind, coalesce (deadline_hours, 0), "
                        "is_disabled FROM stages WHERE ?1 <> 0 OR is_disabled = 0 ORDER BY position",
                        error);
  if (stmt == NULL)
    return NULL;
  sr_stmt_bind_int (stmt, 1, include_disabled);
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      SrStage *stage = g_object_new (SR_TYPE_STAGE, NULL);
      stage->id = sr_stmt_get_int (stmt, 0);
      stage->position = (int) sr_stmt_get_int (stmt, 1);
      stage->name = sr_stmt_dup_text (stmt, 2);
      if (!sr_stage_kind_from_code (sr_stmt_get_text (stmt, 3), &stage->kind))
        stage->kind = SR_STAGE_CUSTOM;
      stage->deadline_hours = (int) sr_stmt_get_int (stmt, 4);
      stage->is_disabled = sr_stmt_get_int (stmt, 5) != 0;
      g_ptr_array_add (rows, stage);
    }
  if (step == SR_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&rows);
}

gint64
sr_stages_add (SrContext    *ctx,
               const char   *name,
               SrStageKind   kind,
               GError      **error)
{
  SrDb *db = sr_context_get_db (ctx);
  gint64 id;

  g_return_val_if_fail (kind < SR_N_STAGE_KINDS, 0);
  if (!sr_context_check (ctx, SR_ACTION_EDIT_STAGES, error))
    return 0;
  if (!sr_db_begin (db, error))
    return 0;
  id = sr_ordered_add (ctx, "stages", name, "kind", kinds[kind].code, error);
  if (id == 0 || !sr_db_commit (db, error))
    {
      sr_db_rollback (db);
      return 0;
    }
  sr_context_emit_changed (ctx, "stages");
  return id;
}

gboolean
sr_stages_rename (SrContext   *ctx,
                  gint64       stage_id,
                  const char  *name,
                  GError     **error)
{
  return sr_ordered_rename (ctx, SR_ACTION_EDIT_STAGES, "stages", stage_id, name, error);
}

gboolean
sr_stages_move (SrContext  *ctx,
                gint64      stage_id,
                int         delta,
                GError    **error)
{
  return sr_ordered_move (ctx, SR_ACTION_EDIT_STAGES, "stages", stage_id, delta, error);
}

gboolean
sr_stages_set_disabled (SrContext  *ctx,
                        gint64      stage_id,
                        gboolean    is_disabled,
                        GError    **error)
{
  if (is_disabled)
    {
      g_autoptr(SrStmt) stmt = sr_db_prepare (sr_context_get_db (ctx),
                                              "SELECT name, kind FROM stages WHERE id = ?1", error);
      SrStageKind kind = SR_STAGE_CUSTOM;

      if (stmt == NULL)
        return FALSE;
      sr_stmt_bind_int (stmt, 1, stage_id);
      if (sr_stmt_step (stmt, error) != SR_STEP_ROW)
        {
          if (error != NULL && *error == NULL)
            g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_NOT_FOUND, _("No such stage."));
          return FALSE;
        }
      sr_stage_kind_from_code (sr_stmt_get_text (stmt, 1), &kind);
      if (!sr_stage_kind_can_be_disabled (kind))
        {
          g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT,
                       _("“%s” is a stage Salesroom itself moves customers into; it stays in use "
                         "(it can be renamed)."), sr_stmt_get_text (stmt, 0));
          return FALSE;
        }
    }
  return sr_ordered_set_disabled (ctx, SR_ACTION_EDIT_STAGES, "stages", stage_id,
                                  is_disabled, error);
}

gboolean
sr_stages_set_deadline (SrContext  *ctx,
                        gint64      stage_id,
                        int         hours,
                        GError    **error)
{
  SrDb *db = sr_context_get_db (ctx);
  g_autoptr(SrStmt) stmt = NULL;
  g_autofree char *after = NULL;

  if (!sr_context_check (ctx, SR_ACTION_EDIT_STAGES, error))
    return FALSE;
  if (hours < 0 || hours > 24 * 365)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                   _("A deadline is between 1 hour and one year, or none."));
      return FALSE;
    }
  if (!sr_db_begin (db, error))
    return FALSE;
  stmt = sr_db_prepare (db, "UPDATE stages SET deadline_hours = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sr_stmt_bind_int (stmt, 1, stage_id);
  if (hours > 0)
    sr_stmt_bind_int (stmt, 2, hours);
  else
    sr_stmt_bind_null (stmt, 2);
  if (!sr_stmt_exec (stmt, error))
    goto fail;
  g_clear_pointer (&stmt, sr_stmt_done);
  after = g_strdup_printf ("{\"deadline_hours\":%d}", hours);
  if (!sr_audit_write (ctx, "set-deadline", "stages", stage_id, NULL, after, error) ||
      !sr_db_commit (db, error))
    goto fail;
  sr_context_emit_changed (ctx, "stages");
  return TRUE;

fail:
  sr_db_rollback (db);
  return FALSE;
}
