/* sr-supply-demand.h — demand beside supply for the sales controller (seed 002, 协调户源):
 * the office's intention customers by grade and by the unit type and area they want,
 * next to the units available and withheld of that type and area band.
 *
 * An intention customer is a live customer without a live sale (no request, subscription,
 * contract or delivery). Their wanted area is read from the record's text ("90-120",
 * "100", "约100平"): the middle of a range, else the number. Area bands are the daily
 * report's ("report.area_bands").
 */
#pragma once

#include "sr-context.h"

G_BEGIN_DECLS

enum { SR_DEMAND_A, SR_DEMAND_B, SR_DEMAND_C, SR_DEMAND_D, SR_DEMAND_UNGRADED, SR_N_DEMAND };

typedef struct {
  char *label;
  guint demand[SR_N_DEMAND];  /* intention customers by grade */
  guint available;            /* 待售 units */
  guint held;                 /* 销控 units */
} SrSupplyLine;

typedef struct {
  GPtrArray *by_type;         /* SrSupplyLine; "(not said)" for customers without a type */
  GPtrArray *by_area;         /* SrSupplyLine, one per area band, then "(not said)" */
} SrSupplyDemand;

void            sr_supply_demand_free (SrSupplyDemand *sd);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SrSupplyDemand, sr_supply_demand_free)

SrSupplyDemand *sr_supply_demand_new  (SrContext      *ctx,
                                       GError        **error);
/* The m² a customer's wanted-area text means, or 0 when it says none. */
int             sr_wanted_area_parse  (const char     *text);

G_END_DECLS
