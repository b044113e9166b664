/* sr-units.h — projects (楼盘) → buildings (楼栋) → units (房源), as the sales controller
 * sets them up. The life of a unit (bookings, sales) comes with the sales-control issue. */
#pragma once

#include "sr-context.h"
#include "sr-money.h"

G_BEGIN_DECLS

typedef enum {
  SR_UNIT_AVAILABLE,  /* 待售 */
  SR_UNIT_HELD,       /* 销控 */
  SR_UNIT_RESERVED,   /* 预留 */
  SR_UNIT_PENDING,    /* 待确认 */
  SR_UNIT_SUBSCRIBED, /* 认购 */
  SR_UNIT_SIGNED,     /* 签约 */
  SR_UNIT_DELIVERED,  /* 交付 */
  SR_N_UNIT_STATUSES
} SrUnitStatus;

const char *sr_unit_status_get_code  (SrUnitStatus  status);
const char *sr_unit_status_get_label (SrUnitStatus  status);
gboolean    sr_unit_status_from_code (const char   *code,
                                      SrUnitStatus *out_status);

#define SR_TYPE_PROJECT (sr_project_get_type ())
G_DECLARE_FINAL_TYPE (SrProject, sr_project, SR, PROJECT, GObject)
struct _SrProject
{
  GObject parent_instance;
  gint64 id;
  char *name;
  char *address;
  int n_buildings;
  int n_units;
};

#define SR_TYPE_BUILDING (sr_building_get_type ())
G_DECLARE_FINAL_TYPE (SrBuilding, sr_building, SR, BUILDING, GObject)
struct _SrBuilding
{
  GObject parent_instance;
  gint64 id;
  gint64 project_id;
  char *name;
  int floors;
  int n_units;
};

#define SR_TYPE_UNIT (sr_unit_get_type ())
G_DECLARE_FINAL_TYPE (SrUnit, sr_unit, SR, UNIT, GObject)
struct _SrUnit
{
  GObject parent_instance;
  gint64 id;
  gint64 building_id;
  char *entrance;    /* "" when the building has no entrances */
  int floor;
  char *number;
  char *unit_type;
  gint64 area_centi;
  SrFen price_fen;   /* total list price: authoritative */
  SrUnitStatus status;
};

/* What the grid's filter bar asks for. Zero means "any": no type, no bound, no status. */
typedef struct {
  const char *unit_type;   /* exact type, NULL or "" for any */
  gint64 area_min_centi;   /* inclusive bounds, 0 for none */
  gint64 area_max_centi;
  SrFen price_min_fen;     /* on the total list price */
  SrFen price_max_fen;
  guint status_mask;       /* 1 << SrUnitStatus, 0 for any */
} SrUnitFilter;

gboolean sr_unit_filter_is_empty (const SrUnitFilter *filter);
gboolean sr_unit_filter_matches  (const SrUnitFilter *filter,
                                  const SrUnit       *unit);

/* One column of a new building: the unit at that place on every floor. */
typedef struct {
  const char *unit_type;   /* e.g. 三室两厅 */
  gint64 area_centi;
  SrFen fen_per_m2;        /* list price per m² on the lowest floor */
} SrUnitColumn;

typedef struct {
  const char *name;             /* 1号楼 */
  int floors;                   /* 1 … 200 */
  int entrances;                /* 0: none, else 单元 1…n, each with all the columns */
  guint n_columns;              /* units per floor (per entrance) */
  const SrUnitColumn *columns;
  SrFen floor_step_fen_per_m2;  /* price rise per floor up (楼层差价), may be 0 */
  gboolean is_held;             /* create units withheld from sale (销控) */
} SrBuildingPlan;

GPtrArray *sr_projects_list        (SrContext             *ctx,
                                    GError               **error);
gint64     sr_projects_add         (SrContext             *ctx,
                                    const char            *name,
                                    const char            *address,
                                    GError               **error);
gboolean   sr_projects_rename      (SrContext             *ctx,
                                    gint64                 project_id,
                                    const char            *name,
                                    const char            *address,
                                    GError               **error);

GPtrArray *sr_buildings_list       (SrContext             *ctx,
                                    gint64                 project_id,
                                    GError               **error);
/* Creates the building and all its units in one transaction. */
gint64     sr_buildings_create     (SrContext             *ctx,
                                    gint64                 project_id,
                                    const SrBuildingPlan  *plan,
                                    GError               **error);

GPtrArray *sr_units_list           (SrContext             *ctx,
                                    gint64                 building_id,
                                    GError               **error);
SrUnit    *sr_units_get            (SrContext             *ctx,
                                    gint64                 unit_id,
                                    GError               **error);
/* How people name a unit: building, entrance and number (1号楼 2-1201). */
char      *sr_units_get_label      (SrContext             *ctx,
                                    gint64                 unit_id,
                                    GError               **error);
/* The unit of @building_id called @text: its number (1201) or entrance and number
 * (2-1201); NOT_FOUND with the text in the message when there is none. */
gint64     sr_units_find           (SrContext             *ctx,
                                    gint64                 building_id,
                                    const char            *text,
                                    GError               **error);
/* Edits type, area and total price; a price change is kept in the price history.
 * Refused on a unit that is booked. */
gboolean   sr_units_update         (SrContext             *ctx,
                                    gint64                 unit_id,
                                    const char            *unit_type,
                                    gint64                 area_centi,
                                    SrFen                  price_fen,
                                    const char            *reason,
                                    GError               **error);

G_END_DECLS
