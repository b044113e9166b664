/* sr-price-list.h — a developer's price list (价目表) imported from CSV as Excel saves it
 * (UTF-8 with or without BOM, or GB18030/GBK). Columns are matched by their Chinese or
 * English header: 楼栋 building, 单元 entrance (optional), 楼层 floor, 房号 number,
 * 户型 type (optional), 建筑面积 area, 单价 per-m² price (optional), 总价 total.
 *
 * All or nothing: parsing stops at the first bad row with its line number and the
 * reason; the import runs in one transaction that any refusal rolls back. The total
 * price is authoritative: a per-m² price more than ¥1 off total ÷ area is an error.
 * Importing again updates the prices of units not booked (kept as price history) and
 * refuses a changed price on a booked unit.
 */
#pragma once

#include "sr-context.h"
#include "sr-money.h"

G_BEGIN_DECLS

typedef enum {
  SR_PRICE_ROW_NEW,        /* a unit that is not there yet */
  SR_PRICE_ROW_CHANGED,    /* price, area or type changes */
  SR_PRICE_ROW_UNCHANGED,
} SrPriceRowAction;

typedef struct {
  guint line;              /* in the file, the header being line 1 */
  char *building;
  char *entrance;          /* "" when none */
  int floor;
  char *number;
  char *unit_type;         /* "" when none */
  gint64 area_centi;
  SrFen total_fen;
  /* Filled by sr_price_list_import: */
  SrPriceRowAction action;
  SrFen old_total_fen;     /* CHANGED: the price before */
} SrPriceRow;

typedef struct {
  GPtrArray *rows;         /* SrPriceRow, in file order */
  guint n_new_buildings;
  guint n_new;
  guint n_changed;
  guint n_unchanged;
  gboolean is_new_project;
} SrPriceList;

void         sr_price_list_free   (SrPriceList  *list);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SrPriceList, sr_price_list_free)

/* Reads the file's bytes; SR_RULE_ERROR_INVALID names the line and the reason. */
SrPriceList *sr_price_list_parse  (GBytes       *bytes,
                                   GError      **error);
/* Brings the list into project @project_name (made when missing) in one transaction;
 * with @dry_run everything is checked and counted, then rolled back. Checks
 * SR_ACTION_EDIT_UNITS. Fills each row's action and the counts. */
gboolean     sr_price_list_import (SrContext    *ctx,
                                   SrPriceList  *list,
                                   const char   *project_name,
                                   gboolean      dry_run,
                                   GError      **error);

G_END_DECLS
