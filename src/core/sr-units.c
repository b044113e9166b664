/* sr-units.c — projects, buildings and units. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sr-audit.h"
#include "sr-error.h"
#include "sr-units.h"

#define SR_MAX_FLOORS 200
#define SR_MAX_COLUMNS 50
#define SR_MAX_ENTRANCES 20

static const struct {
  const char *code;
  const char *label;
} statuses[SR_N_UNIT_STATUSES] = {
  [SR_UNIT_AVAILABLE] = { "available", N_("Available") },
  [SR_UNIT_HELD] = { "held", N_("Held") },
  [SR_UNIT_RESERVED] = { "reserved", N_("Reserved") },
  [SR_UNIT_PENDING] = { "pending", N_("Pending") },
  [SR_UNIT_SUBSCRIBED] = { "subscribed", N_("Subscribed") },
  [SR_UNIT_SIGNED] = { "signed", N_("Signed") },
  [SR_UNIT_DELIVERED] = { "delivered", N_("Delivered") },
};

const char *
sr_unit_status_get_code (SrUnitStatus status)
{
  g_return_val_if_fail (status < SR_N_UNIT_STATUSES, NULL);
  return statuses[status].code;
}

const char *
sr_unit_status_get_label (SrUnitStatus status)
{
  g_return_val_if_fail (status < SR_N_UNIT_STATUSES, NULL);
  return _(statuses[status].label);
}

gboolean
sr_unit_filter_is_empty (const SrUnitFilter *f)
{
  return (f->unit_type == NULL || *f->unit_type == '\0') && f->area_min_centi == 0 &&
         f->area_max_centi == 0 && f->price_min_fen == 0 && f->price_max_fen == 0 &&
         f->status_mask == 0;
}

gboolean
sr_unit_filter_matches (const SrUnitFilter *f,
                        const SrUnit       *u)
{
  if (f->unit_type != NULL && *f->unit_type != '\0' && g_strcmp0 (f->unit_type, u->unit_type) != 0)
    return FALSE;
  if ((f->area_min_centi > 0 && u->area_centi < f->area_min_centi) ||
      (f->area_max_centi > 0 && u->area_centi > f->area_max_centi))
    return FALSE;
  if ((f->price_min_fen > 0 && u->price_fen < f->price_min_fen) ||
      (f->price_max_fen > 0 && u->price_fen > f->price_max_fen))
    return FALSE;
  return f->status_mask == 0 || (f->status_mask & (1u << u->status)) != 0;
}

gboolean
sr_unit_status_from_code (const char   *code,
                          SrUnitStatus *out_status)
{
  for (guint i = 0; i < SR_N_UNIT_STATUSES; i++)
    if (g_strcmp0 (statuses[i].code, code) == 0)
      {
        *out_status = (SrUnitStatus) i;
        return TRUE;
      }
  return FALSE;
}

G_DEFINE_FINAL_TYPE (SrProject, sr_project, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE (SrBuilding, sr_building, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE (SrUnit, sr_unit, G_TYPE_OBJECT)

static void
sr_project_finalize (GObject *object)
{
  SrProject *self = SR_PROJECT (object);
  g_free (self->name);
  g_free (self->address);
  G_OBJECT_CLASS (sr_project_parent_class)->finalize (object);
}

static void sr_project_class_init (SrProjectClass *klass) { G_OBJECT_CLASS (klass)->finalize = sr_project_finalize; }
static void sr_project_init (SrProject *self) { }

static void
sr_building_finalize (GObject *object)
{
  g_free (SR_BUILDING (object)->name);
  G_OBJECT_CLASS (sr_building_parent_class)->finalize (object);
}

static void sr_building_class_init (SrBuildingClass *klass) { G_OBJECT_CLASS (klass)->finalize = sr_building_finalize; }
static void sr_building_init (SrBuilding *self) { }

static void
sr_unit_finalize (GObject *object)
{
  SrUnit *self = SR_UNIT (object);
  g_free (self->entrance);
  g_free (self->number);
  g_free (self->unit_type);
  G_OBJECT_CLASS (sr_unit_parent_class)->finalize (object);
}

static void sr_unit_class_init (SrUnitClass *klass) { G_OBJECT_CLASS (klass)->finalize = sr_unit_finalize; }
static void sr_unit_init (SrUnit *self) { }

/* Projects ------------------------------------------------------------------------ */

GPtrArray *
sr_projects_list (SrContext  *ctx,
                  GError    **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(SrStmt) stmt = NULL;
  SrStep step;

  stmt = sr_db_prepare (sr_context_get_db (ctx),
                        "SELECT p.id, p.name, p.address, "
                        " (SELECT count(*) FROM buildings b WHERE b.project_id = p.id), "
                        " (SELECT count(*) FROM units u JOIN buildings b ON b.id = u.building_id "
                        "  WHERE b.project_id = p.id) "
                        "FROM projects p WHERE p.is_closed = 0 ORDER BY p.id", error);
  if (stmt == NULL)
    return NULL;
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      SrProject *p = g_object_new (SR_TYPE_PROJECT, NULL);
      p->id = sr_stmt_get_int (stmt, 0);
      p->name = sr_stmt_dup_text (stmt, 1);
      p->address = sr_stmt_dup_text (stmt, 2);
      p->n_buildings = (int) sr_stmt_get_int (stmt, 3);
      p->n_units = (int) sr_stmt_get_int (stmt, 4);
      g_ptr_array_add (rows, p);
    }
  if (step == SR_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&rows);
}

static gboolean
validate_text (const char  *text,
               const char  *what,
               int          max_chars,
               GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (*trimmed == '\0')
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("Give the %s."), what);
      return FALSE;
    }
  if (g_utf8_strlen (trimmed, -1) > max_chars)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                   _("The %s has at most %d characters."), what, max_chars);
      return FALSE;
    }
  return TRUE;
}

gint64
sr_projects_add (SrContext   *ctx,
                 const char  *name,
                 const char  *address,
                 GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  g_autofree char *trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));
  g_autoptr(SrStmt) stmt = NULL;
  g_autoptr(SrJson) json = sr_json_new ();
  g_autofree char *after = NULL;
  gint64 id = 0;

  if (!sr_context_check (ctx, SR_ACTION_EDIT_UNITS, error) ||
      !validate_text (trimmed, _("project name"), 40, error))
    return 0;
  if (!sr_db_begin (db, error))
    return 0;
  stmt = sr_db_prepare (db, "INSERT INTO projects (name, address) VALUES (?1, ?2) "
                        "ON CONFLICT (name) DO NOTHING RETURNING id", error);
  if (stmt == NULL)
    goto fail;
  sr_stmt_bind_text (stmt, 1, trimmed);
  sr_stmt_bind_text (stmt, 2, address != NULL && *address != '\0' ? address : NULL);
  switch (sr_stmt_step (stmt, error))
    {
    case SR_STEP_ROW:
      id = sr_stmt_get_int (stmt, 0);
      break;
    case SR_STEP_DONE:
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT,
                   _("There is already a project called “%s”."), trimmed);
      goto fail;
    default:
      goto fail;
    }
  g_clear_pointer (&stmt, sr_stmt_done);
  sr_json_add_text (json, "name", trimmed);
  sr_json_add_text (json, "address", address);
  after = sr_json_end (json);
  if (!sr_audit_write (ctx, "add", "projects", id, NULL, after, error) ||
      !sr_db_commit (db, error))
    goto fail;
  sr_context_emit_changed (ctx, "projects");
  return id;

fail:
  sr_db_rollback (db);
  return 0;
}

gboolean
sr_projects_rename (SrContext   *ctx,
                    gint64       project_id,
                    const char  *name,
                    const char  *address,
                    GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  g_autofree char *trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));
  g_autoptr(SrStmt) stmt = NULL;
  g_autoptr(SrJson) json = sr_json_new ();
  g_autofree char *after = NULL;
  gint64 taken = 0;

  if (!sr_context_check (ctx, SR_ACTION_EDIT_UNITS, error) ||
      !validate_text (trimmed, _("project name"), 40, error))
    return FALSE;
  if (!sr_db_begin (db, error))
    return FALSE;
  stmt = sr_db_prepare (db, "SELECT count(*) FROM projects WHERE name = ?1 AND id <> ?2", error);
  if (stmt == NULL)
    goto fail;
  sr_stmt_bind_text (stmt, 1, trimmed);
  sr_stmt_bind_int (stmt, 2, project_id);
  if (sr_stmt_step (stmt, error) != SR_STEP_ROW)
    goto fail;
  taken = sr_stmt_get_int (stmt, 0);
  g_clear_pointer (&stmt, sr_stmt_done);
  if (taken > 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT,
                   _("There is already a project called “%s”."), trimmed);
      goto fail;
    }
  stmt = sr_db_prepare (db, "UPDATE projects SET name = ?2, address = ?3 WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sr_stmt_bind_int (stmt, 1, project_id);
  sr_stmt_bind_text (stmt, 2, trimmed);
  sr_stmt_bind_text (stmt, 3, address != NULL && *address != '\0' ? address : NULL);
  if (!sr_stmt_exec (stmt, error))
    goto fail;
  g_clear_pointer (&stmt, sr_stmt_done);
  sr_json_add_text (json, "name", trimmed);
  sr_json_add_text (json, "address", address);
  after = sr_json_end (json);
  if (!sr_audit_write (ctx, "update", "projects", project_id, NULL, after, error) ||
      !sr_db_commit (db, error))
    goto fail;
  sr_context_emit_changed (ctx, "projects");
  return TRUE;

fail:
  sr_db_rollback (db);
  return FALSE;
}

/* Buildings -------------------------------------------------------------------------- */

GPtrArray *
sr_buildings_list (SrContext  *ctx,
                   gint64      project_id,
                   GError    **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(SrStmt) stmt = NULL;
  SrStep step;

  stmt = sr_db_prepare (sr_context_get_db (ctx),
                        "SELECT b.id, b.project_id, b.name, b.floors, "
                        " (SELECT count(*) FROM units u WHERE u.building_id = b.id) "
                        "FROM buildings b WHERE b.project_id = ?1 ORDER BY b.position, b.id",
                        error);
  if (stmt == NULL)
    return NULL;
  sr_stmt_bind_int (stmt, 1, project_id);
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      SrBuilding *b = g_object_new (SR_TYPE_BUILDING, NULL);
      b->id = sr_stmt_get_int (stmt, 0);
      b->project_id = sr_stmt_get_int (stmt, 1);
      b->name = sr_stmt_dup_text (stmt, 2);
      b->floors = (int) sr_stmt_get_int (stmt, 3);
      b->n_units = (int) sr_stmt_get_int (stmt, 4);
      g_ptr_array_add (rows, b);
    }
  if (step == SR_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&rows);
}

static gboolean
validate_plan (const SrBuildingPlan  *plan,
               GError               **error)
{
  if (!validate_text (plan->name, _("building name"), 20, error))
    return FALSE;
  if (plan->floors < 1 || plan->floors > SR_MAX_FLOORS)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                   _("A building has 1 to %d floors."), SR_MAX_FLOORS);
      return FALSE;
    }
  if (plan->entrances < 0 || plan->entrances > SR_MAX_ENTRANCES)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                   _("A building has at most %d entrances."), SR_MAX_ENTRANCES);
      return FALSE;
    }
  if (plan->n_columns < 1 || plan->n_columns > SR_MAX_COLUMNS)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                   _("A floor has 1 to %d units."), SR_MAX_COLUMNS);
      return FALSE;
    }
  if (plan->floor_step_fen_per_m2 < 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                   _("The price rise per floor cannot be negative."));
      return FALSE;
    }
  for (guint c = 0; c < plan->n_columns; c++)
    {
      if (plan->columns[c].area_centi <= 0 || plan->columns[c].area_centi > 10000000)
        {
          g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                       _("Unit %02u: give a floor area above 0 m²."), c + 1);
          return FALSE;
        }
      if (plan->columns[c].fen_per_m2 <= 0)
        {
          g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                       _("Unit %02u: give a price per m² above 0."), c + 1);
          return FALSE;
        }
    }
  return TRUE;
}

gint64
sr_buildings_create (SrContext             *ctx,
                     gint64                 project_id,
                     const SrBuildingPlan  *plan,
                     GError               **error)
{
  SrDb *db = sr_context_get_db (ctx);
  g_autofree char *name = NULL;
  g_autoptr(SrStmt) stmt = NULL;
  g_autoptr(SrJson) json = sr_json_new ();
  g_autofree char *after = NULL;
  gint64 building_id = 0;
  int entrances;
  gint64 n_units = 0;

  if (!sr_context_check (ctx, SR_ACTION_EDIT_UNITS, error) || !validate_plan (plan, error))
    return 0;
  name = g_strstrip (g_strdup (plan->name));
  entrances = MAX (plan->entrances, 1);

  if (!sr_db_begin (db, error))
    return 0;
  stmt = sr_db_prepare (db, "SELECT count(*) FROM buildings WHERE project_id = ?1 AND name = ?2",
                        error);
  if (stmt == NULL)
    goto fail;
  sr_stmt_bind_int (stmt, 1, project_id);
  sr_stmt_bind_text (stmt, 2, name);
  if (sr_stmt_step (stmt, error) != SR_STEP_ROW)
    goto fail;
  if (sr_stmt_get_int (stmt, 0) > 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT,
                   _("This project already has a building called “%s”."), name);
      goto fail;
    }
  g_clear_pointer (&stmt, sr_stmt_done);

  stmt = sr_db_prepare (db,
                        "INSERT INTO buildings (project_id, name, floors, position) "
                        "VALUES (?1, ?2, ?3, (SELECT coalesce (max (position), 0) + 1 "
                        "FROM buildings WHERE project_id = ?1)) RETURNING id", error);
  if (stmt == NULL)
    goto fail;
  sr_stmt_bind_int (stmt, 1, project_id);
  sr_stmt_bind_text (stmt, 2, name);
  sr_stmt_bind_int (stmt, 3, plan->floors);
  if (sr_stmt_step (stmt, error) != SR_STEP_ROW)
    goto fail; /* a missing project fails its foreign key */
  building_id = sr_stmt_get_int (stmt, 0);
  g_clear_pointer (&stmt, sr_stmt_done);

  stmt = sr_db_prepare (db,
                        "INSERT INTO units (building_id, entrance, floor, number, unit_type, "
                        "area_centi, price_fen, status) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                        error);
  if (stmt == NULL)
    goto fail;
  for (int e = 1; e <= entrances; e++)
    for (int floor = 1; floor <= plan->floors; floor++)
      for (guint c = 0; c < plan->n_columns; c++)
        {
          const SrUnitColumn *col = &plan->columns[c];
          g_autofree char *entrance = plan->entrances > 0 ? g_strdup_printf ("%d", e)
                                                          : g_strdup ("");
          g_autofree char *number = g_strdup_printf ("%d%02u", floor, c + 1);
          SrFen per_m2 = col->fen_per_m2 + (SrFen) (floor - 1) * plan->floor_step_fen_per_m2;

          sr_stmt_bind_int (stmt, 1, building_id);
          sr_stmt_bind_text (stmt, 2, entrance);
          sr_stmt_bind_int (stmt, 3, floor);
          sr_stmt_bind_text (stmt, 4, number);
          sr_stmt_bind_text (stmt, 5, col->unit_type != NULL ? col->unit_type : "");
          sr_stmt_bind_int (stmt, 6, col->area_centi);
          sr_stmt_bind_int (stmt, 7, sr_price_total (col->area_centi, per_m2));
          sr_stmt_bind_text (stmt, 8, plan->is_held ? "held" : "available");
          if (!sr_stmt_exec (stmt, error))
            goto fail;
          sr_stmt_reset (stmt);
          n_units++;
        }
  g_clear_pointer (&stmt, sr_stmt_done);

  sr_json_add_int (json, "project_id", project_id);
  sr_json_add_text (json, "name", name);
  sr_json_add_int (json, "floors", plan->floors);
  sr_json_add_int (json, "entrances", plan->entrances);
  sr_json_add_int (json, "units", n_units);
  after = sr_json_end (json);
  if (!sr_audit_write (ctx, "create", "buildings", building_id, NULL, after, error) ||
      !sr_db_commit (db, error))
    goto fail;
  sr_context_emit_changed (ctx, "buildings");
  return building_id;

fail:
  sr_db_rollback (db);
  return 0;
}

/* Units ------------------------------------------------------------------------------ */

#define UNIT_COLUMNS "id, building_id, entrance, floor, number, unit_type, area_centi, " \
                     "price_fen, status"

static SrUnit *
unit_from_row (SrStmt *stmt)
{
  SrUnit *u = g_object_new (SR_TYPE_UNIT, NULL);

  u->id = sr_stmt_get_int (stmt, 0);
  u->building_id = sr_stmt_get_int (stmt, 1);
  u->entrance = sr_stmt_dup_text (stmt, 2);
  u->floor = (int) sr_stmt_get_int (stmt, 3);
  u->number = sr_stmt_dup_text (stmt, 4);
  u->unit_type = sr_stmt_dup_text (stmt, 5);
  u->area_centi = sr_stmt_get_int (stmt, 6);
  u->price_fen = sr_stmt_get_int (stmt, 7);
  if (!sr_unit_status_from_code (sr_stmt_get_text (stmt, 8), &u->status))
    u->status = SR_UNIT_HELD;
  return u;
}

GPtrArray *
sr_units_list (SrContext  *ctx,
               gint64      building_id,
               GError    **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(SrStmt) stmt = NULL;
  SrStep step;

  stmt = sr_db_prepare (sr_context_get_db (ctx),
                        "SELECT " UNIT_COLUMNS " FROM units WHERE building_id = ?1 "
                        "ORDER BY entrance, floor DESC, number", error);
  if (stmt == NULL)
    return NULL;
  sr_stmt_bind_int (stmt, 1, building_id);
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    g_ptr_array_add (rows, unit_from_row (stmt));
  if (step == SR_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&rows);
}

SrUnit *
sr_units_get (SrContext  *ctx,
              gint64      unit_id,
              GError    **error)
{
  g_autoptr(SrStmt) stmt = NULL;
  SrStep step;

  stmt = sr_db_prepare (sr_context_get_db (ctx),
                        "SELECT " UNIT_COLUMNS " FROM units WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sr_stmt_bind_int (stmt, 1, unit_id);
  step = sr_stmt_step (stmt, error);
  if (step == SR_STEP_ROW)
    return unit_from_row (stmt);
  if (step == SR_STEP_DONE)
    g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_NOT_FOUND, _("No such unit."));
  return NULL;
}

char *
sr_units_get_label (SrContext  *ctx,
                    gint64      unit_id,
                    GError    **error)
{
  g_autoptr(SrStmt) stmt = sr_db_prepare (sr_context_get_db (ctx),
                                          "SELECT b.name || ' ' || CASE WHEN u.entrance <> '' THEN u.entrance || '-' "
                                          " ELSE '' END || u.number FROM units u JOIN buildings b ON b.id = u.building_id "
                                          "WHERE u.id = ?1", error);
  SrStep step;

  if (stmt == NULL)
    return NULL;
  sr_stmt_bind_int (stmt, 1, unit_id);
  step = sr_stmt_step (stmt, error);
  if (step == SR_STEP_DONE)
    g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_NOT_FOUND, _("No such unit."));
  return step == SR_STEP_ROW ? sr_stmt_dup_text (stmt, 0) : NULL;
}

gint64
sr_units_find (SrContext   *ctx,
               gint64       building_id,
               const char  *text,
               GError     **error)
{
  g_autofree char *wanted = g_strstrip (g_strdup (text != NULL ? text : ""));
  gint64 id = 0;

  if (*wanted != '\0' &&
      !sr_db_get_int (sr_context_get_db (ctx), &id, error,
                      "SELECT id FROM units WHERE building_id = ?1 AND (number = ?2 OR "
                      "(entrance <> '' AND entrance || '-' || number = ?2)) ORDER BY entrance LIMIT 1",
                      "it", building_id, wanted))
    return 0;
  if (id == 0)
    g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_NOT_FOUND, _("There is no unit %s in this building."),
                 wanted);
  return id;
}

static char *
unit_json (const char *unit_type,
           gint64      area_centi,
           SrFen       price_fen)
{
  g_autoptr(SrJson) json = sr_json_new ();

  sr_json_add_text (json, "unit_type", unit_type);
  sr_json_add_int (json, "area_centi", area_centi);
  sr_json_add_int (json, "price_fen", price_fen);
  return sr_json_end (json);
}

gboolean
sr_units_update (SrContext   *ctx,
                 gint64       unit_id,
                 const char  *unit_type,
                 gint64       area_centi,
                 SrFen        price_fen,
                 const char  *reason,
                 GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  g_autoptr(SrUnit) before = NULL;
  g_autoptr(SrStmt) stmt = NULL;
  g_autofree char *before_json = NULL;
  g_autofree char *after_json = NULL;
  g_autofree char *type = g_strstrip (g_strdup (unit_type != NULL ? unit_type : ""));

  if (!sr_context_check (ctx, SR_ACTION_EDIT_UNITS, error))
    return FALSE;
  if (area_centi <= 0 || area_centi > 10000000)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                   _("Give a floor area above 0 m²."));
      return FALSE;
    }
  if (price_fen <= 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                   _("Give a total price above 0."));
      return FALSE;
    }
  if (g_utf8_strlen (type, -1) > 20)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                   _("A unit type has at most 20 characters."));
      return FALSE;
    }

  if (!sr_db_begin (db, error))
    return FALSE;
  before = sr_units_get (ctx, unit_id, error);
  if (before == NULL)
    goto fail;
  if (before->status != SR_UNIT_AVAILABLE && before->status != SR_UNIT_HELD &&
      (before->price_fen != price_fen || before->area_centi != area_centi))
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT,
                   _("Unit %s is %s: its price and area can no longer be changed here."),
                   before->number, sr_unit_status_get_label (before->status));
      goto fail;
    }

  stmt = sr_db_prepare (db, "UPDATE units SET unit_type = ?2, area_centi = ?3, price_fen = ?4 "
                        "WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sr_stmt_bind_int (stmt, 1, unit_id);
  sr_stmt_bind_text (stmt, 2, type);
  sr_stmt_bind_int (stmt, 3, area_centi);
  sr_stmt_bind_int (stmt, 4, price_fen);
  if (!sr_stmt_exec (stmt, error))
    goto fail;
  g_clear_pointer (&stmt, sr_stmt_done);

  if (before->price_fen != price_fen)
    {
      SrSession *session = sr_context_get_session (ctx);
      stmt = sr_db_prepare (db, "INSERT INTO unit_prices (unit_id, at, price_fen, staff_id, reason) "
                            "VALUES (?1, ?2, ?3, ?4, ?5)", error);
      if (stmt == NULL)
        goto fail;
      sr_stmt_bind_int (stmt, 1, unit_id);
      sr_stmt_bind_int (stmt, 2, sr_context_now (ctx));
      sr_stmt_bind_int (stmt, 3, price_fen);
      if (sr_session_get_staff_id (session) > 0)
        sr_stmt_bind_int (stmt, 4, sr_session_get_staff_id (session));
      else
        sr_stmt_bind_null (stmt, 4);
      sr_stmt_bind_text (stmt, 5, reason != NULL && *reason != '\0' ? reason : NULL);
      if (!sr_stmt_exec (stmt, error))
        goto fail;
      g_clear_pointer (&stmt, sr_stmt_done);
    }

  before_json = unit_json (before->unit_type, before->area_centi, before->price_fen);
  after_json = unit_json (type, area_centi, price_fen);
  if (!sr_audit_write (ctx, "update", "units", unit_id, before_json, after_json, error) ||
      !sr_db_commit (db, error))
    goto fail;
  sr_context_emit_changed (ctx, "units");
  return TRUE;

fail:
  sr_db_rollback (db);
  return FALSE;
}
