/* sr-registers.c — see sr-registers.h. The definitions are at the end of the file, each
 * with a comment on why its columns are the ones the office fills in on paper. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sr-audit.h"
#include "sr-call-check.h"
#include "sr-contracts.h"
#include "sr-customers-private.h"
#include "sr-deal-steps.h"
#include "sr-deals.h"
#include "sr-error.h"
#include "sr-money.h"
#include "sr-performance.h"
#include "sr-phone.h"
#include "sr-problems.h"
#include "sr-registers.h"

/* A row computed in C (registers whose data is not one query). */
typedef struct {
  char *group;
  GArray *cells;             /* Cell */
} FillRow;

typedef struct {
  gboolean is_null;
  gint64 i;
  char *s;
} Cell;

typedef GPtrArray *(*FillFunc) (SrContext              *ctx,
                                const SrRegisterFilter *filter,
                                GError                **error);

struct _SrRegister {
  const char *id;
  const char *title;          /* English, N_() */
  const char *description;
  SrRegisterKind kind;
  SrGrouping grouping;
  SrRoles roles;              /* who may read it */
  gboolean own_only;          /* a consultant reads their own customers only */
  const SrRegisterColumn *columns;
  guint n_columns;
  /* One of: a query returning the group, the columns, then the owner (for masking); or
   * a function computing the rows. Parameters: ?1 from day, ?2 to day, ?3 and ?4 the same
   * as UTC seconds (the first and the last second), ?5 consultant, ?6 project,
   * ?7 building (0: all). */
  const char *sql;
  FillFunc fill;
  const char *(*group_label) (const char *code);   /* NULL: the group as read */
};

struct _SrRegisterCursor {
  SrContext *ctx;
  const SrRegister *reg;
  SrStmt *stmt;
  GPtrArray *rows;            /* FillRow, for fill registers */
  guint next;
  FillRow *row;
  guint n_rows;
  const char **texts;         /* this row's shown texts (masked phones, labels), per column */
  char **owned;               /* the ones made for this row (masked), freed at the next */
};

static void
fill_row_free (FillRow *row)
{
  if (row == NULL)
    return;
  g_free (row->group);
  for (guint i = 0; i < row->cells->len; i++)
    g_free (g_array_index (row->cells, Cell, i).s);
  g_array_unref (row->cells);
  g_free (row);
}

static FillRow *
fill_row_new (const char *group)
{
  FillRow *row = g_new0 (FillRow, 1);
  row->group = g_strdup (group);
  row->cells = g_array_new (FALSE, TRUE, sizeof (Cell));
  return row;
}

static void
fill_text (FillRow    *row,
           const char *text)
{
  Cell c = { text == NULL, 0, g_strdup (text) };
  g_array_append_val (row->cells, c);
}

static void
fill_int (FillRow *row,
          gint64   value)
{
  Cell c = { FALSE, value, NULL };
  g_array_append_val (row->cells, c);
}

/* Registers --------------------------------------------------------------------------- */

const char *sr_register_get_id (const SrRegister *reg) { return reg->id; }
const char *sr_register_get_title (const SrRegister *reg) { return _(reg->title); }
const char *sr_register_get_description (const SrRegister *reg) { return _(reg->description); }
SrRegisterKind sr_register_get_kind (const SrRegister *reg) { return reg->kind; }
SrGrouping sr_register_get_grouping (const SrRegister *reg) { return reg->grouping; }
guint sr_register_get_n_columns (const SrRegister *reg) { return reg->n_columns; }

const SrRegisterColumn *
sr_register_get_column (const SrRegister *reg,
                        guint             index)
{
  return index < reg->n_columns ? &reg->columns[index] : NULL;
}

const char *
sr_register_get_sql (const SrRegister *reg)
{
  return reg->sql;
}

const char *
sr_register_group_label (const SrRegister *reg,
                         const char       *group)
{
  if (reg->group_label != NULL && reg->group_label (group != NULL ? group : "") != NULL)
    return reg->group_label (group != NULL ? group : "");
  if (group == NULL || *group == '\0')
    return _("(none)");
  return group;
}

gboolean
sr_register_may_read (const SrRegister *reg,
                      SrSession        *session)
{
  return session != NULL && (sr_session_get_roles (session) & reg->roles) != 0;
}

/* Whether the person reads only their own customers: they may read it as a consultant
 * and by no other role. */
static gboolean
reads_own_only (const SrRegister *reg,
                SrSession        *session)
{
  return reg->own_only && !(sr_session_get_roles (session) & reg->roles & ~(SrRoles) SR_ROLE_CONSULTANT);
}

/* Filters ------------------------------------------------------------------------------- */

void
sr_register_filter_clear (SrRegisterFilter *filter)
{
  g_clear_pointer (&filter->from_day, g_free);
  g_clear_pointer (&filter->to_day, g_free);
  filter->consultant_id = filter->project_id = filter->building_id = 0;
}

void
sr_register_filter_default (const SrRegister *reg,
                            SrContext        *ctx,
                            SrRegisterFilter *filter)
{
  g_autofree char *today = sr_clock_today (sr_context_get_clock (ctx));

  g_clear_pointer (&filter->from_day, g_free);
  g_clear_pointer (&filter->to_day, g_free);
  if (reg->kind == SR_REGISTER_RANGE)
    sr_period_bounds (SR_PERIOD_MONTH, today, &filter->from_day, &filter->to_day);
  else
    filter->to_day = g_steal_pointer (&today);
}

static gboolean
valid_day (const char *day)
{
  GDate date;
  return day != NULL && sr_day_parse (day, &date);
}

gboolean
sr_register_filter_check (const SrRegister  *reg,
                          SrContext         *ctx,
                          SrRegisterFilter  *filter,
                          GError           **error)
{
  SrRegisterFilter defaults = { 0 };

  sr_register_filter_default (reg, ctx, &defaults);
  if (filter->to_day != NULL && !valid_day (filter->to_day))
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("“%s” is not a date (YYYY-MM-DD)."), filter->to_day);
      goto fail;
    }
  if (reg->kind == SR_REGISTER_RANGE && filter->from_day != NULL && !valid_day (filter->from_day))
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("“%s” is not a date (YYYY-MM-DD)."), filter->from_day);
      goto fail;
    }
  if (filter->to_day == NULL)
    filter->to_day = g_strdup (defaults.to_day);
  if (reg->kind == SR_REGISTER_AS_OF)
    g_clear_pointer (&filter->from_day, g_free);
  else if (filter->from_day == NULL)
    {
      /* Only the last day given: its month up to it. */
      g_autofree char *end = NULL;
      if (defaults.from_day != NULL && strcmp (defaults.from_day, filter->to_day) <= 0 &&
          strcmp (filter->to_day, defaults.to_day) <= 0)
        filter->from_day = g_steal_pointer (&defaults.from_day);
      else
        sr_period_bounds (SR_PERIOD_MONTH, filter->to_day, &filter->from_day, &end);
    }
  if (filter->from_day != NULL && strcmp (filter->from_day, filter->to_day) > 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                   _("The first day (%s) is after the last (%s)."), filter->from_day, filter->to_day);
      goto fail;
    }
  sr_register_filter_clear (&defaults);
  return TRUE;

fail:
  sr_register_filter_clear (&defaults);
  return FALSE;
}

char *
sr_register_filter_describe (const SrRegister       *reg,
                             const SrRegisterFilter *filter)
{
  if (reg->kind == SR_REGISTER_AS_OF || filter->from_day == NULL)
    return g_strdup_printf (_("as of %s"), filter->to_day);
  return g_strdup_printf (_("%s to %s"), filter->from_day, filter->to_day);
}

/* Cells ------------------------------------------------------------------------------------ */

char *
sr_register_format_cell (SrCellType type,
                         gint64     value)
{
  switch (type)
    {
    case SR_CELL_MONEY:
      return sr_money_format (value);
    case SR_CELL_AREA:
      return sr_area_format (value);
    case SR_CELL_PERCENT:
      return g_strdup_printf ("%.2f%%", value / 100.0);
    case SR_CELL_DATETIME:
      return sr_format_moment (value);
    default:
      return g_strdup_printf ("%" G_GINT64_FORMAT, value);
    }
}

static gboolean
is_numeric (SrCellType type)
{
  return type == SR_CELL_MONEY || type == SR_CELL_INT || type == SR_CELL_AREA || type == SR_CELL_PERCENT ||
         type == SR_CELL_DATETIME;
}

/* Cursors -------------------------------------------------------------------------------- */

static gboolean
bind_filter (SrContext              *ctx,
             SrStmt                 *stmt,
             const SrRegister       *reg,
             const SrRegisterFilter *filter,
             GError                **error)
{
  SrSession *session = sr_context_get_session (ctx);
  const char *from = filter->from_day != NULL ? filter->from_day : "0001-01-01";
  gint64 start = 0, end = 0;

  /* A state as of a day reads everything up to its end. */
  if (!sr_day_range_unix (filter->from_day != NULL ? filter->from_day : filter->to_day, filter->to_day, &start, &end, error))
    return FALSE;
  if (filter->from_day == NULL)
    start = G_MININT64 / 2;
  sr_stmt_bind_text (stmt, 1, from);
  sr_stmt_bind_text (stmt, 2, filter->to_day);
  sr_stmt_bind_int (stmt, 3, start);
  sr_stmt_bind_int (stmt, 4, end);
  sr_stmt_bind_int (stmt, 5, reads_own_only (reg, session) ? sr_session_get_staff_id (session) : filter->consultant_id);
  sr_stmt_bind_int (stmt, 6, filter->project_id);
  sr_stmt_bind_int (stmt, 7, filter->building_id);
  return TRUE;
}

SrRegisterCursor *
sr_register_open (SrContext              *ctx,
                  const SrRegister       *reg,
                  const SrRegisterFilter *filter,
                  GError                **error)
{
  SrSession *session = sr_context_get_session (ctx);
  g_autoptr(SrRegisterCursor) cursor = NULL;
  SrRegisterFilter own = *filter;

  if (!sr_register_may_read (reg, session))
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED, _("%s may not read the register %s."),
                   sr_session_get_display_name (session), sr_register_get_title (reg));
      return NULL;
    }
  if (filter->to_day == NULL)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("The register needs its day."));
      return NULL;
    }
  cursor = g_new0 (SrRegisterCursor, 1);
  cursor->ctx = g_object_ref (ctx);
  cursor->reg = reg;
  cursor->texts = g_new0 (const char *, reg->n_columns + 1);
  cursor->owned = g_new0 (char *, reg->n_columns + 1);
  if (reg->fill != NULL)
    {
      if (reads_own_only (reg, session))
        own.consultant_id = sr_session_get_staff_id (session);
      cursor->rows = reg->fill (ctx, &own, error);
      if (cursor->rows == NULL)
        return NULL;
      return g_steal_pointer (&cursor);
    }
  cursor->stmt = sr_db_prepare (sr_context_get_db (ctx), reg->sql, error);
  if (cursor->stmt == NULL || !bind_filter (ctx, cursor->stmt, reg, filter, error))
    return NULL;
  return g_steal_pointer (&cursor);
}

static void
clear_texts (SrRegisterCursor *cursor)
{
  for (guint i = 0; i < cursor->reg->n_columns; i++)
    {
      cursor->texts[i] = NULL;
      g_clear_pointer (&cursor->owned[i], g_free);
    }
}

gboolean
sr_register_cursor_next (SrRegisterCursor  *cursor,
                         GError           **error)
{
  const SrRegister *reg = cursor->reg;
  SrSession *session = sr_context_get_session (cursor->ctx);

  clear_texts (cursor);
  if (cursor->rows != NULL)
    {
      if (cursor->next >= cursor->rows->len)
        return FALSE;
      cursor->row = g_ptr_array_index (cursor->rows, cursor->next++);
      for (guint i = 0; i < reg->n_columns; i++)
        {
          Cell *c = &g_array_index (cursor->row->cells, Cell, i);
          if (!is_numeric (reg->columns[i].type) && !c->is_null)
            cursor->texts[i] = reg->columns[i].label != NULL && reg->columns[i].label (c->s) != NULL
                               ? reg->columns[i].label (c->s) : c->s;
        }
      cursor->n_rows++;
      return TRUE;
    }
  switch (sr_stmt_step (cursor->stmt, error))
    {
    case SR_STEP_ROW:
      break;
    case SR_STEP_DONE:
      return FALSE;
    default:
      return FALSE;
    }
  for (guint i = 0; i < reg->n_columns; i++)
    {
      const SrRegisterColumn *col = &reg->columns[i];
      const char *raw;
      if (is_numeric (col->type) || sr_stmt_is_null (cursor->stmt, (int) i + 1))
        continue;
      raw = sr_stmt_get_text (cursor->stmt, (int) i + 1);
      if (col->type == SR_CELL_PHONE &&
          !sr_customers_may_see_phone (session, sr_stmt_get_int (cursor->stmt, (int) reg->n_columns + 1)))
        cursor->texts[i] = cursor->owned[i] = sr_phone_mask (raw);
      else if (col->type == SR_CELL_ID_CARD &&
               !sr_customers_may_see_phone (session, sr_stmt_get_int (cursor->stmt, (int) reg->n_columns + 1)))
        cursor->texts[i] = cursor->owned[i] = sr_id_card_mask (raw);
      else if (col->label != NULL && col->label (raw) != NULL)
        cursor->texts[i] = col->label (raw);
      else
        cursor->texts[i] = raw;
    }
  cursor->n_rows++;
  return TRUE;
}

const char *
sr_register_cursor_group (SrRegisterCursor *cursor)
{
  if (cursor->reg->grouping == SR_GROUP_NONE)
    return NULL;
  if (cursor->rows != NULL)
    return cursor->row->group;
  return sr_stmt_is_null (cursor->stmt, 0) ? "" : sr_stmt_get_text (cursor->stmt, 0);
}

gboolean
sr_register_cursor_is_null (SrRegisterCursor *cursor,
                            guint             column)
{
  if (cursor->rows != NULL)
    return g_array_index (cursor->row->cells, Cell, column).is_null;
  return sr_stmt_is_null (cursor->stmt, (int) column + 1);
}

gint64
sr_register_cursor_int (SrRegisterCursor *cursor,
                        guint             column)
{
  if (cursor->rows != NULL)
    return g_array_index (cursor->row->cells, Cell, column).i;
  return sr_stmt_get_int (cursor->stmt, (int) column + 1);
}

const char *
sr_register_cursor_text (SrRegisterCursor *cursor,
                         guint             column)
{
  return cursor->texts[column];
}

char *
sr_register_cursor_display (SrRegisterCursor *cursor,
                            guint             column)
{
  SrCellType type = cursor->reg->columns[column].type;

  if (sr_register_cursor_is_null (cursor, column))
    return g_strdup ("");
  if (is_numeric (type))
    return sr_register_format_cell (type, sr_register_cursor_int (cursor, column));
  return g_strdup (cursor->texts[column] != NULL ? cursor->texts[column] : "");
}

guint
sr_register_cursor_n_rows (SrRegisterCursor *cursor)
{
  return cursor->n_rows;
}

void
sr_register_cursor_free (SrRegisterCursor *cursor)
{
  if (cursor == NULL)
    return;
  if (cursor->texts != NULL)
    {
      clear_texts (cursor);
      g_free (cursor->texts);
      g_free (cursor->owned);
    }
  g_clear_pointer (&cursor->stmt, sr_stmt_done);
  g_clear_pointer (&cursor->rows, g_ptr_array_unref);
  g_clear_object (&cursor->ctx);
  g_free (cursor);
}

gboolean
sr_register_count (SrContext              *ctx,
                   const SrRegister       *reg,
                   const SrRegisterFilter *filter,
                   guint                  *out_rows,
                   GError                **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(SrStmt) stmt = NULL;
  g_autoptr(SrRegisterCursor) cursor = NULL;

  if (reg->fill != NULL)
    {
      cursor = sr_register_open (ctx, reg, filter, error);
      if (cursor == NULL)
        return FALSE;
      *out_rows = cursor->rows->len;
      return TRUE;
    }
  if (!sr_register_may_read (reg, sr_context_get_session (ctx)))
    {
      cursor = sr_register_open (ctx, reg, filter, error);   /* says why */
      return FALSE;
    }
  sql = g_strdup_printf ("SELECT count(*) FROM (%s) AS register_rows", reg->sql);
  stmt = sr_db_prepare (sr_context_get_db (ctx), sql, error);
  if (stmt == NULL || !bind_filter (ctx, stmt, reg, filter, error) || sr_stmt_step (stmt, error) != SR_STEP_ROW)
    return FALSE;
  *out_rows = (guint) sr_stmt_get_int (stmt, 0);
  return TRUE;
}

gboolean
sr_register_log_export (SrContext              *ctx,
                        const SrRegister       *reg,
                        const SrRegisterFilter *filter,
                        guint                   n_rows,
                        const char             *format,
                        GError                **error)
{
  g_autoptr(SrJson) json = sr_json_new ();
  g_autofree char *after = NULL;

  sr_json_add_text (json, "register", reg->id);
  sr_json_add_text (json, "from", filter->from_day);
  sr_json_add_text (json, "to", filter->to_day);
  sr_json_add_int (json, "consultant_id", filter->consultant_id);
  sr_json_add_int (json, "project_id", filter->project_id);
  sr_json_add_int (json, "building_id", filter->building_id);
  sr_json_add_int (json, "rows", n_rows);
  sr_json_add_text (json, "format", format);
  after = sr_json_end (json);
  return sr_audit_write (ctx, "export", "registers", 0, NULL, after, error);
}

/* Computed registers ------------------------------------------------------------------ */

/* Moves *@day (YYYY-MM-DD) on by @days. */
static void
step_day (char **day,
          guint  days)
{
  GDate date;
  char next[16];

  sr_day_parse (*day, &date);
  g_date_add_days (&date, days);
  g_date_strftime (next, sizeof next, "%Y-%m-%d", &date);
  g_free (*day);
  *day = g_strdup (next);
}

static GPtrArray *
fill_weekly_resources (SrContext              *ctx,
                       const SrRegisterFilter *filter,
                       GError                **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) fill_row_free);
  g_autoptr(GPtrArray) weeks = NULL;
  g_autofree char *week = NULL, *week_end = NULL;

  if (!sr_period_bounds (SR_PERIOD_WEEK, filter->from_day, &week, &week_end) ||
      !sr_weekly_resources_span (ctx, filter->from_day, filter->to_day, &weeks, error))
    return NULL;
  for (guint w = 0; w < weeks->len; w++)
    {
      GPtrArray *groups = g_ptr_array_index (weeks, w);
      for (guint i = 0; i < groups->len; i++)
        {
          SrResourceRow *r = groups->pdata[i];
          FillRow *row = fill_row_new (NULL);
          guint others = 0;
          fill_text (row, week);
          fill_text (row, r->kind == 2 ? r->team : r->kind == 1 ? _("No group") : _("Nobody’s yet"));
          fill_int (row, r->new_total);
          for (guint c = 0; c < 4; c++)
            fill_int (row, r->new_by_channel[c]);
          for (guint c = 4; c < SR_N_CHANNELS; c++)
            others += r->new_by_channel[c];
          fill_int (row, others);
          fill_int (row, r->in_progress);
          fill_int (row, r->signed_count);
          fill_int (row, r->signed_fen);
          g_ptr_array_add (rows, row);
        }
      step_day (&week, 7);
    }
  return g_steal_pointer (&rows);
}

static GPtrArray *
fill_call_check (SrContext              *ctx,
                 const SrRegisterFilter *filter,
                 GError                **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) fill_row_free);
  g_autofree char *day = g_strdup (filter->from_day);

  while (strcmp (day, filter->to_day) <= 0)
    {
      g_autoptr(GPtrArray) slots = sr_call_check_day (ctx, day, error);
      if (slots == NULL)
        return NULL;
      for (guint i = 0; i < slots->len; i++)
        {
          SrCallCheckRow *r = slots->pdata[i];
          FillRow *row;
          if (r->phone_count < 0 && r->logged == 0)
            continue;
          row = fill_row_new (NULL);
          fill_text (row, day);
          fill_text (row, r->slot);
          if (r->phone_count < 0)
            fill_text (row, NULL);
          else
            fill_int (row, r->phone_count);
          fill_int (row, r->logged);
          fill_int (row, r->gap);
          fill_int (row, r->incomplete);
          fill_int (row, r->late);
          g_ptr_array_add (rows, row);
        }
      step_day (&day, 1);
    }
  return g_steal_pointer (&rows);
}

/* Labels for code columns ------------------------------------------------------------------ */

static const char *
mortgage_label (const char *code)
{
  return sr_progress_step_label ("mortgage", code);
}

static const char *
yes_label (const char *code)
{
  return g_strcmp0 (code, "1") == 0 ? _("Yes") : "";
}

static const char *
payment_group_label (const char *code)
{
  return *code == '\0' ? _("Subscribed, not signed yet") : sr_payment_method_get_label (code);
}

static const char *
change_label (const char *code)
{
  return g_strcmp0 (code, "change") == 0 ? _("Change of unit") : _("Cancellation");
}

static const char *
contact_rule_label (const char *code)
{
  return sr_customers_contact_rule_label (code);
}

static const char *
visit_method_label (const char *code)
{
  return g_strcmp0 (code, "visit") == 0 ? _("Visit") : _("Phone call");
}

static const char *
contract_kind_label (const char *code)
{
  return g_strcmp0 (code, "unit") == 0 ? _("Unit") : sr_contract_kind_get_label (code);
}

/* The definitions -------------------------------------------------------------------- */

#define MGR (SR_ROLE_MANAGER | SR_ROLE_CUSTOMER_MANAGER)
#define COLS(a) a, G_N_ELEMENTS (a)
#define PHONE_OF(c) "(SELECT p.phone FROM customer_phones p WHERE p.customer_id = " c ".id AND p.is_live = 1 " \
  "ORDER BY p.position, p.id LIMIT 1)"
#define PRICE "coalesce (d.price_fen, d.list_price_fen - d.discount_fen)"
#define DEAL_JOINS "JOIN customers c ON c.id = d.customer_id LEFT JOIN staff o ON o.id = d.owner_id " \
  "LEFT JOIN units u ON u.id = d.unit_id LEFT JOIN buildings b ON b.id = u.building_id "
#define UNIT_FILTER "(?6 = 0 OR b.project_id = ?6) AND (?7 = 0 OR u.building_id = ?7)"
#define LABEL "CASE WHEN u.id IS NOT NULL THEN b.name || ' ' || CASE WHEN u.entrance <> '' THEN u.entrance || '-' " \
  "ELSE '' END || u.number ELSE coalesce (d.contract_no, '') END"
#define LOCAL_DAY(x) "date (" x ", 'unixepoch', 'localtime')"
#define PAID_TO_DAY "(SELECT coalesce (sum (CASE r.kind WHEN 'payment' THEN r.amount_fen ELSE -r.amount_fen END), 0) " \
  "FROM receipts r WHERE r.deal_id = d.id AND r.voided_at IS NULL AND r.day <= ?2)"

/* 意向客户登记表: the consultant's sheet of the customers they follow, as the paper form
 * kept per consultant: when they came, who, how to reach them, where they heard of us
 * (channel, media), how warm (grade, stage), what they want (type, area, budget), and
 * when they were last and will next be called. */
static const SrRegisterColumn intention_columns[] = {
  { N_("Registered"), SR_CELL_DATE, 11, FALSE, NULL },
  { N_("Customer"), SR_CELL_TEXT, 10, FALSE, NULL },
  { N_("Phone"), SR_CELL_PHONE, 13, FALSE, NULL },
  { N_("Channel"), SR_CELL_TEXT, 8, FALSE, sr_channel_get_label },
  { N_("Media source"), SR_CELL_TEXT, 10, FALSE, NULL },
  { N_("Grade"), SR_CELL_TEXT, 5, FALSE, NULL },
  { N_("Stage"), SR_CELL_TEXT, 10, FALSE, NULL },
  { N_("Wanted type"), SR_CELL_TEXT, 10, FALSE, NULL },
  { N_("Wanted area"), SR_CELL_TEXT, 9, FALSE, NULL },
  { N_("Budget"), SR_CELL_MONEY, 14, FALSE, NULL },
  { N_("Last contact"), SR_CELL_DATETIME, 16, FALSE, NULL },
  { N_("Next follow-up"), SR_CELL_DATE, 11, FALSE, NULL },
  { N_("Notes"), SR_CELL_LONG_TEXT, 24, FALSE, NULL },
};

/* 未签约客户一览表: subscriptions not yet signed, by consultant, the oldest promise first:
 * the unit and deposit show what is at stake, the agreed signing day and the days past it
 * whom to call first. */
static const SrRegisterColumn unsigned_columns[] = {
  { N_("Customer"), SR_CELL_TEXT, 10, FALSE, NULL },
  { N_("Phone"), SR_CELL_PHONE, 13, FALSE, NULL },
  { N_("Unit"), SR_CELL_TEXT, 14, FALSE, NULL },
  { N_("Subscribed"), SR_CELL_DATE, 11, FALSE, NULL },
  { N_("Price"), SR_CELL_MONEY, 15, TRUE, NULL },
  { N_("Deposit paid"), SR_CELL_MONEY, 14, TRUE, NULL },
  { N_("Sign by"), SR_CELL_DATE, 11, FALSE, NULL },
  { N_("Days overdue"), SR_CELL_INT, 8, FALSE, NULL },
};

/* 延期付款客户一览表: every approved delay with the payment it moves (what, how much,
 * already paid), from when to when, why and who approved: what finance needs to stop
 * chasing on the old day and start on the new. */
static const SrRegisterColumn delays_columns[] = {
  { N_("Approved"), SR_CELL_DATETIME, 16, FALSE, NULL },
  { N_("Customer"), SR_CELL_TEXT, 10, FALSE, NULL },
  { N_("Phone"), SR_CELL_PHONE, 13, FALSE, NULL },
  { N_("Unit or contract"), SR_CELL_TEXT, 14, FALSE, NULL },
  { N_("Payment"), SR_CELL_TEXT, 10, FALSE, sr_plan_item_kind_get_label },
  { N_("Amount"), SR_CELL_MONEY, 15, TRUE, NULL },
  { N_("Paid"), SR_CELL_MONEY, 15, TRUE, NULL },
  { N_("Was due"), SR_CELL_DATE, 11, FALSE, NULL },
  { N_("Now due"), SR_CELL_DATE, 11, FALSE, NULL },
  { N_("Reason"), SR_CELL_LONG_TEXT, 20, FALSE, NULL },
  { N_("Approved by"), SR_CELL_TEXT, 8, FALSE, NULL },
};

/* 问题客户一览表: open problems as of the day, seed 004's flow: what, whose (department,
 * staff named in a complaint), where it stands, the solution and cost, the promise made
 * to the owner and how long it has been open. */
static const SrRegisterColumn problems_columns[] = {
  { N_("Opened"), SR_CELL_DATE, 11, FALSE, NULL },
  { N_("Customer"), SR_CELL_TEXT, 10, FALSE, NULL },
  { N_("Phone"), SR_CELL_PHONE, 13, FALSE, NULL },
  { N_("Unit"), SR_CELL_TEXT, 14, FALSE, NULL },
  { N_("Kind"), SR_CELL_TEXT, 8, FALSE, sr_problem_category_get_label },
  { N_("Problem"), SR_CELL_LONG_TEXT, 26, FALSE, NULL },
  { N_("Department"), SR_CELL_TEXT, 8, FALSE, NULL },
  { N_("Staff concerned"), SR_CELL_TEXT, 8, FALSE, NULL },
  { N_("State"), SR_CELL_TEXT, 10, FALSE, sr_problem_state_get_label },
  { N_("Solution"), SR_CELL_LONG_TEXT, 22, FALSE, NULL },
  { N_("Cost"), SR_CELL_MONEY, 13, TRUE, NULL },
  { N_("Promised for"), SR_CELL_DATE, 11, FALSE, NULL },
  { N_("Days open"), SR_CELL_INT, 7, FALSE, NULL },
};

/* 业主一览表: customers with a confirmed deposit (owners), one row per sale: the unit and
 * its size, the buyer and how to reach them (ID card as the reader may see it), the
 * price and how it is paid, the milestones (subscribed, signed, delivered). */
static const SrRegisterColumn owners_columns[] = {
  { N_("Unit or contract"), SR_CELL_TEXT, 14, FALSE, NULL },
  { N_("Owner"), SR_CELL_TEXT, 10, FALSE, NULL },
  { N_("Phone"), SR_CELL_PHONE, 13, FALSE, NULL },
  { N_("ID-card number"), SR_CELL_ID_CARD, 20, FALSE, NULL },
  { N_("Type"), SR_CELL_TEXT, 10, FALSE, NULL },
  { N_("Area m²"), SR_CELL_AREA, 9, TRUE, NULL },
  { N_("Price"), SR_CELL_MONEY, 15, TRUE, NULL },
  { N_("Payment method"), SR_CELL_TEXT, 10, FALSE, sr_payment_method_get_label },
  { N_("Subscribed"), SR_CELL_DATE, 11, FALSE, NULL },
  { N_("Signed"), SR_CELL_DATE, 11, FALSE, NULL },
  { N_("Delivered"), SR_CELL_DATE, 11, FALSE, NULL },
  { N_("Consultant"), SR_CELL_TEXT, 8, FALSE, NULL },
};

/* 客户换房、退房一览表: every change of unit and cancellation in the period, with the unit
 * left and the one taken, the price of the one left and why. */
static const SrRegisterColumn changes_columns[] = {
  { N_("Day"), SR_CELL_DATETIME, 16, FALSE, NULL },
  { N_("What"), SR_CELL_TEXT, 8, FALSE, change_label },
  { N_("Customer"), SR_CELL_TEXT, 10, FALSE, NULL },
  { N_("Phone"), SR_CELL_PHONE, 13, FALSE, NULL },
  { N_("Unit left"), SR_CELL_TEXT, 14, FALSE, NULL },
  { N_("Unit taken"), SR_CELL_TEXT, 14, FALSE, NULL },
  { N_("Price"), SR_CELL_MONEY, 15, TRUE, NULL },
  { N_("Reason"), SR_CELL_LONG_TEXT, 22, FALSE, NULL },
  { N_("By"), SR_CELL_TEXT, 8, FALSE, NULL },
};

/* 销售退房情况一览表: cancellations in the period by reason, with subtotals: the money side
 * of each (paid, kept as forfeit, paid back). */
static const SrRegisterColumn refunds_columns[] = {
  { N_("Cancelled"), SR_CELL_DATETIME, 16, FALSE, NULL },
  { N_("Customer"), SR_CELL_TEXT, 10, FALSE, NULL },
  { N_("Unit or contract"), SR_CELL_TEXT, 14, FALSE, NULL },
  { N_("Price"), SR_CELL_MONEY, 15, TRUE, NULL },
  { N_("Paid"), SR_CELL_MONEY, 14, TRUE, NULL },
  { N_("Forfeit kept"), SR_CELL_MONEY, 14, TRUE, NULL },
  { N_("Paid back"), SR_CELL_MONEY, 14, TRUE, NULL },
  { N_("Still to pay back"), SR_CELL_MONEY, 14, TRUE, NULL },
  { N_("Consultant"), SR_CELL_TEXT, 8, FALSE, NULL },
};

/* 特殊优惠客户一览表: every discount given in the period: the list price, the discount (and
 * its share), the price, why, and who approved it when it was above the limit. */
static const SrRegisterColumn discounts_columns[] = {
  { N_("Day"), SR_CELL_DATE, 11, FALSE, NULL },
  { N_("Customer"), SR_CELL_TEXT, 10, FALSE, NULL },
  { N_("Unit"), SR_CELL_TEXT, 14, FALSE, NULL },
  { N_("List price"), SR_CELL_MONEY, 15, TRUE, NULL },
  { N_("Discount"), SR_CELL_MONEY, 13, TRUE, NULL },
  { N_("Share"), SR_CELL_PERCENT, 8, FALSE, NULL },
  { N_("Price"), SR_CELL_MONEY, 15, TRUE, NULL },
  { N_("Reason"), SR_CELL_LONG_TEXT, 20, FALSE, NULL },
  { N_("Approved by"), SR_CELL_TEXT, 8, FALSE, NULL },
  { N_("Consultant"), SR_CELL_TEXT, 8, FALSE, NULL },
};

/* 契约签署一览表: contracts signed in the period with their numbers, buyers, what was
 * bought, the price and how it is paid; special clauses in the remarks. */
static const SrRegisterColumn contracts_columns[] = {
  { N_("Signed"), SR_CELL_DATE, 11, FALSE, NULL },
  { N_("Contract number"), SR_CELL_NUMBER, 16, FALSE, NULL },
  { N_("Kind"), SR_CELL_TEXT, 8, FALSE, contract_kind_label },
  { N_("Customer"), SR_CELL_TEXT, 10, FALSE, NULL },
  { N_("Co-buyers"), SR_CELL_TEXT, 12, FALSE, NULL },
  { N_("Unit"), SR_CELL_TEXT, 14, FALSE, NULL },
  { N_("Area m²"), SR_CELL_AREA, 9, TRUE, NULL },
  { N_("Price"), SR_CELL_MONEY, 15, TRUE, NULL },
  { N_("Payment method"), SR_CELL_TEXT, 10, FALSE, sr_payment_method_get_label },
  { N_("Consultant"), SR_CELL_TEXT, 8, FALSE, NULL },
  { N_("Remarks (special clauses)"), SR_CELL_LONG_TEXT, 26, FALSE, NULL },
};

/* 客户交款情况明细表: the state of every sale as of the day, grouped by payment method, for
 * chasing money and mortgages: price, paid, outstanding, overdue, the next payment, the
 * mortgage's last step. */
static const SrRegisterColumn payments_columns[] = {
  { N_("Customer"), SR_CELL_TEXT, 10, FALSE, NULL },
  { N_("Phone"), SR_CELL_PHONE, 13, FALSE, NULL },
  { N_("Unit or contract"), SR_CELL_TEXT, 14, FALSE, NULL },
  { N_("Price"), SR_CELL_MONEY, 15, TRUE, NULL },
  { N_("Paid"), SR_CELL_MONEY, 15, TRUE, NULL },
  { N_("Outstanding"), SR_CELL_MONEY, 15, TRUE, NULL },
  { N_("Overdue"), SR_CELL_MONEY, 14, TRUE, NULL },
  { N_("Next due"), SR_CELL_DATE, 11, FALSE, NULL },
  { N_("Next amount"), SR_CELL_MONEY, 14, FALSE, NULL },
  { N_("Mortgage step"), SR_CELL_TEXT, 10, FALSE, mortgage_label },
  { N_("Consultant"), SR_CELL_TEXT, 8, FALSE, NULL },
};

/* 销售日报表: per building, the day's subscriptions and the total to date, with what is
 * still for sale: the controller's one-page report. */
static const SrRegisterColumn daily_sales_columns[] = {
  { N_("Building"), SR_CELL_TEXT, 12, FALSE, NULL },
  { N_("Today: units"), SR_CELL_INT, 8, TRUE, NULL },
  { N_("Today: area m²"), SR_CELL_AREA, 11, TRUE, NULL },
  { N_("Today: value"), SR_CELL_MONEY, 16, TRUE, NULL },
  { N_("To date: units"), SR_CELL_INT, 8, TRUE, NULL },
  { N_("To date: area m²"), SR_CELL_AREA, 12, TRUE, NULL },
  { N_("To date: value"), SR_CELL_MONEY, 17, TRUE, NULL },
  { N_("For sale"), SR_CELL_INT, 8, TRUE, NULL },
};

/* 销售日动态表: each day's calls and visits by media source, and the new customers and
 * subscriptions they brought: where the office's money on advertising went. */
static const SrRegisterColumn traffic_columns[] = {
  { N_("Day"), SR_CELL_DATE, 11, FALSE, NULL },
  { N_("Media source"), SR_CELL_TEXT, 12, FALSE, NULL },
  { N_("Calls"), SR_CELL_INT, 7, TRUE, NULL },
  { N_("Visits"), SR_CELL_INT, 7, TRUE, NULL },
  { N_("New customers"), SR_CELL_INT, 8, TRUE, NULL },
  { N_("Subscriptions"), SR_CELL_INT, 8, TRUE, NULL },
};

/* 来电表: every call: when, who called and how to reach them, how they heard of us, who
 * took it and why that person (rotation, returning, cover), business or not, how long. */
static const SrRegisterColumn calls_columns[] = {
  { N_("Time"), SR_CELL_DATETIME, 16, FALSE, NULL },
  { N_("Customer"), SR_CELL_TEXT, 10, FALSE, NULL },
  { N_("Phone"), SR_CELL_PHONE, 13, FALSE, NULL },
  { N_("Media source"), SR_CELL_TEXT, 10, FALSE, NULL },
  { N_("Taken by"), SR_CELL_TEXT, 8, FALSE, NULL },
  { N_("Why them"), SR_CELL_TEXT, 10, FALSE, contact_rule_label },
  { N_("Business"), SR_CELL_TEXT, 6, FALSE, yes_label },
  { N_("Seconds"), SR_CELL_INT, 7, FALSE, NULL },
  { N_("Notes"), SR_CELL_LONG_TEXT, 24, FALSE, NULL },
};

/* 来访登记表: every visit: when, who, how to reach them, channel and media, who received
 * them and why (rotation, their owner, appointment), and what was said. */
static const SrRegisterColumn visits_columns[] = {
  { N_("Time"), SR_CELL_DATETIME, 16, FALSE, NULL },
  { N_("Customer"), SR_CELL_TEXT, 10, FALSE, NULL },
  { N_("Phone"), SR_CELL_PHONE, 13, FALSE, NULL },
  { N_("Channel"), SR_CELL_TEXT, 8, FALSE, sr_channel_get_label },
  { N_("Media source"), SR_CELL_TEXT, 10, FALSE, NULL },
  { N_("Received by"), SR_CELL_TEXT, 8, FALSE, NULL },
  { N_("Why them"), SR_CELL_TEXT, 10, FALSE, contact_rule_label },
  { N_("Business"), SR_CELL_TEXT, 6, FALSE, yes_label },
  { N_("Notes"), SR_CELL_LONG_TEXT, 24, FALSE, NULL },
};

/* 设计师派单表: every dispatch: when, which customer, to which designer, large project or
 * out of turn (with the reason), the explanation of the turn, and who dispatched. */
static const SrRegisterColumn dispatch_columns[] = {
  { N_("Time"), SR_CELL_DATETIME, 16, FALSE, NULL },
  { N_("Customer"), SR_CELL_TEXT, 10, FALSE, NULL },
  { N_("Phone"), SR_CELL_PHONE, 13, FALSE, NULL },
  { N_("Designer"), SR_CELL_TEXT, 8, FALSE, NULL },
  { N_("Large project"), SR_CELL_TEXT, 6, FALSE, yes_label },
  { N_("Out of turn"), SR_CELL_TEXT, 6, FALSE, yes_label },
  { N_("Why"), SR_CELL_LONG_TEXT, 30, FALSE, NULL },
  { N_("Dispatched by"), SR_CELL_TEXT, 8, FALSE, NULL },
};

/* 设计师持单跟踪表: what each designer holds before signing, the longest without contact
 * first: stage, days in it, last contact, and the flag after the office's days. */
static const SrRegisterColumn holdings_columns[] = {
  { N_("Customer"), SR_CELL_TEXT, 10, FALSE, NULL },
  { N_("Phone"), SR_CELL_PHONE, 13, FALSE, NULL },
  { N_("Stage"), SR_CELL_TEXT, 10, FALSE, NULL },
  { N_("Days in stage"), SR_CELL_INT, 8, FALSE, NULL },
  { N_("Last contact"), SR_CELL_DATETIME, 16, FALSE, NULL },
  { N_("Days without contact"), SR_CELL_INT, 8, FALSE, NULL },
  { N_("To chase"), SR_CELL_TEXT, 6, FALSE, yes_label },
};

/* 设计师排名: the period's ranking by signed value, then count. */
static const SrRegisterColumn ranking_columns[] = {
  { N_("Rank"), SR_CELL_INT, 5, FALSE, NULL },
  { N_("Designer"), SR_CELL_TEXT, 8, FALSE, NULL },
  { N_("Group"), SR_CELL_TEXT, 10, FALSE, NULL },
  { N_("Signed value"), SR_CELL_MONEY, 16, TRUE, NULL },
  { N_("Contracts"), SR_CELL_INT, 8, TRUE, NULL },
};

/* 客户回访登记表: every return visit: when, whom, by phone or on site, what was said, how
 * satisfied, the problem it opened, and who called. */
static const SrRegisterColumn visits_back_columns[] = {
  { N_("Time"), SR_CELL_DATETIME, 16, FALSE, NULL },
  { N_("Customer"), SR_CELL_TEXT, 10, FALSE, NULL },
  { N_("Phone"), SR_CELL_PHONE, 13, FALSE, NULL },
  { N_("How"), SR_CELL_TEXT, 6, FALSE, visit_method_label },
  { N_("What was said"), SR_CELL_LONG_TEXT, 28, FALSE, NULL },
  { N_("Satisfaction (1–5)"), SR_CELL_INT, 8, FALSE, NULL },
  { N_("Problem opened"), SR_CELL_LONG_TEXT, 20, FALSE, NULL },
  { N_("Visited by"), SR_CELL_TEXT, 8, FALSE, NULL },
};

/* 一周客户资源统计表: per week and group: new customers (calls, walk-ins, booths,
 * referrals, the rest), customers in progress at the week's end, signings. */
static const SrRegisterColumn resources_columns[] = {
  { N_("Week from"), SR_CELL_DATE, 11, FALSE, NULL },
  { N_("Group"), SR_CELL_TEXT, 10, FALSE, NULL },
  { N_("New"), SR_CELL_INT, 6, TRUE, NULL },
  { N_("Call"), SR_CELL_INT, 6, TRUE, NULL },
  { N_("Walk-in"), SR_CELL_INT, 6, TRUE, NULL },
  { N_("Off-site booth"), SR_CELL_INT, 6, TRUE, NULL },
  { N_("Referral"), SR_CELL_INT, 6, TRUE, NULL },
  { N_("Other channels"), SR_CELL_INT, 6, TRUE, NULL },
  { N_("In progress"), SR_CELL_INT, 8, FALSE, NULL },
  { N_("Signed"), SR_CELL_INT, 6, TRUE, NULL },
  { N_("Value signed"), SR_CELL_MONEY, 16, TRUE, NULL },
};

/* 产值汇总表: per designer and draftsman, the contracts signed in the period and their
 * value, as designer and as draftsman. */
static const SrRegisterColumn output_columns[] = {
  { N_("Name"), SR_CELL_TEXT, 8, FALSE, NULL },
  { N_("Group"), SR_CELL_TEXT, 10, FALSE, NULL },
  { N_("Designed"), SR_CELL_INT, 6, TRUE, NULL },
  { N_("Value designed"), SR_CELL_MONEY, 16, TRUE, NULL },
  { N_("Drawn"), SR_CELL_INT, 6, TRUE, NULL },
  { N_("Value drawn"), SR_CELL_MONEY, 16, TRUE, NULL },
};

/* 业绩统计: per person, what they did in the period against their targets. */
static const SrRegisterColumn performance_columns[] = {
  { N_("Name"), SR_CELL_TEXT, 8, FALSE, NULL },
  { N_("Group"), SR_CELL_TEXT, 10, FALSE, NULL },
  { N_("Receptions"), SR_CELL_INT, 7, TRUE, NULL },
  { N_("Appointments kept"), SR_CELL_INT, 7, TRUE, NULL },
  { N_("Subscriptions"), SR_CELL_INT, 7, TRUE, NULL },
  { N_("Signings"), SR_CELL_INT, 7, TRUE, NULL },
  { N_("Value signed"), SR_CELL_MONEY, 16, TRUE, NULL },
  { N_("Money in"), SR_CELL_MONEY, 16, TRUE, NULL },
  { N_("Target"), SR_CELL_MONEY, 16, TRUE, NULL },
  { N_("Reached"), SR_CELL_PERCENT, 8, FALSE, NULL },
};

/* 媒体效果: per media source, what it brought in the period: calls, visits, new customers,
 * subscriptions and signings with their value. */
static const SrRegisterColumn media_columns[] = {
  { N_("Media source"), SR_CELL_TEXT, 12, FALSE, NULL },
  { N_("Calls"), SR_CELL_INT, 7, TRUE, NULL },
  { N_("Visits"), SR_CELL_INT, 7, TRUE, NULL },
  { N_("New customers"), SR_CELL_INT, 8, TRUE, NULL },
  { N_("Subscriptions"), SR_CELL_INT, 8, TRUE, NULL },
  { N_("Signings"), SR_CELL_INT, 8, TRUE, NULL },
  { N_("Value signed"), SR_CELL_MONEY, 16, TRUE, NULL },
};

/* 来电核对: per day and time slot, the phone's own count against the calls logged, the
 * gap, calls logged without a media source, and forms filled in late. */
static const SrRegisterColumn call_check_columns[] = {
  { N_("Day"), SR_CELL_DATE, 11, FALSE, NULL },
  { N_("Time slot"), SR_CELL_TEXT, 12, FALSE, NULL },
  { N_("Phone's count"), SR_CELL_INT, 8, TRUE, NULL },
  { N_("Calls logged"), SR_CELL_INT, 8, TRUE, NULL },
  { N_("Gap"), SR_CELL_INT, 6, TRUE, NULL },
  { N_("Without media"), SR_CELL_INT, 8, TRUE, NULL },
  { N_("Filled in late"), SR_CELL_INT, 8, TRUE, NULL },
};

/* "staff CROSS JOIN customers" (intention customers, designers' held orders): SQLite walks
 * the staff by name and each one's customers in the register's order from an index (0030),
 * so rows stream from the first instead of being sorted all before the first is written. */
static const SrRegister registers[] = {
  { "intention-customers", N_("Intention customers (意向客户登记表)"),
    N_("The customers each consultant follows, one sheet per consultant."),
    SR_REGISTER_AS_OF, SR_GROUP_SHEETS, MGR | SR_ROLE_CONSULTANT, TRUE, COLS (intention_columns),
    "SELECT o.display_name, " LOCAL_DAY ("c.created_at") ", c.name, " PHONE_OF ("c") ", c.channel, m.name, c.grade, "
    " g.name, c.intention_unit_type, c.intention_area, c.budget_fen, c.last_contact_at, c.next_follow_up_day, c.notes, "
    " c.owner_id FROM staff o CROSS JOIN customers c ON c.owner_id = o.id LEFT JOIN media_sources m ON m.id = c.media_source_id "
    "LEFT JOIN stages g ON g.id = c.stage_id "
    "WHERE c.is_voided = 0 AND +c.created_at <= ?4 AND (?5 = 0 OR c.owner_id = ?5) AND coalesce (g.kind, '') <> 'lost' "
    " AND NOT EXISTS (SELECT 1 FROM deals d WHERE d.customer_id = c.id AND d.state IN ('subscribed', 'signed', 'delivered') "
    "  AND coalesce (d.subscribed_on, d.signed_on) <= ?2) "
    "ORDER BY o.display_name, c.owner_id, c.created_at, c.id", NULL },
  { "unsigned-contracts", N_("Subscribed, not signed (未签约客户一览表)"),
    N_("Subscriptions not yet signed, by consultant, with the days past the agreed signing day."),
    SR_REGISTER_AS_OF, SR_GROUP_SECTIONS, MGR | SR_ROLE_SALES_CONTROLLER | SR_ROLE_FINANCE | SR_ROLE_CONSULTANT, TRUE,
    COLS (unsigned_columns),
    "SELECT coalesce (o.display_name, ''), c.name, " PHONE_OF ("c") ", " LABEL ", d.subscribed_on, " PRICE ", "
    " (SELECT coalesce (sum (i.paid_fen), 0) FROM plan_items i WHERE i.deal_id = d.id AND i.kind IN ('deposit', 'intention')), "
    " k.sign_by_day, max (0, CAST (julianday (?2) - julianday (k.sign_by_day) AS INTEGER)), d.owner_id "
    "FROM deals d " DEAL_JOINS
    "LEFT JOIN bookings k ON k.deal_id = d.id AND k.state = 'subscribed' "
    "WHERE d.state = 'subscribed' AND d.subscribed_on <= ?2 AND (?5 = 0 OR d.owner_id = ?5) AND " UNIT_FILTER " "
    "ORDER BY o.display_name, d.owner_id, k.sign_by_day, d.id", NULL },
  { "delayed-payments", N_("Delayed payments (延期付款客户一览表)"),
    N_("Every delay of a payment approved in the period, with the payment it moves."),
    SR_REGISTER_RANGE, SR_GROUP_NONE, MGR | SR_ROLE_FINANCE | SR_ROLE_SALES_CONTROLLER, FALSE, COLS (delays_columns),
    "SELECT NULL, y.at, c.name, " PHONE_OF ("c") ", " LABEL ", i.kind, i.amount_fen, i.paid_fen, y.from_day, y.to_day, "
    " y.reason, a.display_name, d.owner_id FROM plan_item_delays y JOIN plan_items i ON i.id = y.plan_item_id "
    "JOIN deals d ON d.id = i.deal_id " DEAL_JOINS "LEFT JOIN staff a ON a.id = y.approved_by "
    "WHERE y.at BETWEEN ?3 AND ?4 AND (?5 = 0 OR d.owner_id = ?5) AND " UNIT_FILTER " ORDER BY y.at, y.id", NULL },
  { "problem-customers", N_("Problem customers (问题客户一览表)"),
    N_("After-sales problems not closed on the day, with where each stands."),
    SR_REGISTER_AS_OF, SR_GROUP_NONE, MGR | SR_ROLE_FINANCE, FALSE, COLS (problems_columns),
    "SELECT NULL, " LOCAL_DAY ("p.opened_at") ", c.name, " PHONE_OF ("c") ", "
    " CASE WHEN u.id IS NOT NULL THEN b.name || ' ' || CASE WHEN u.entrance <> '' THEN u.entrance || '-' ELSE '' END "
    " || u.number END, p.category, p.description, p.department, s.display_name, p.state, p.solution, p.cost_fen, "
    " p.promised_day, CAST (julianday (?2) - julianday (" LOCAL_DAY ("p.opened_at") ") AS INTEGER), c.owner_id "
    "FROM problems p JOIN customers c ON c.id = p.customer_id LEFT JOIN units u ON u.id = p.unit_id "
    "LEFT JOIN buildings b ON b.id = u.building_id LEFT JOIN staff s ON s.id = p.concerned_staff_id "
    "WHERE p.opened_at <= ?4 AND (p.state <> 'closed' OR EXISTS (SELECT 1 FROM problem_steps t WHERE t.problem_id = p.id "
    " AND t.step = 'closed' AND t.at > ?4)) AND " UNIT_FILTER " ORDER BY p.opened_at, p.id", NULL },
  { "owners", N_("Owners (业主一览表)"),
    N_("Customers with a confirmed deposit, one row per sale."),
    SR_REGISTER_AS_OF, SR_GROUP_NONE, MGR | SR_ROLE_SALES_CONTROLLER | SR_ROLE_FINANCE | SR_ROLE_CONSULTANT, TRUE,
    COLS (owners_columns),
    "SELECT NULL, " LABEL ", c.name, " PHONE_OF ("c") ", c.id_card, u.unit_type, u.area_centi, " PRICE ", "
    " d.payment_method, d.subscribed_on, d.signed_on, d.delivered_on, o.display_name, d.owner_id "
    "FROM deals d " DEAL_JOINS
    "WHERE d.state IN ('subscribed', 'signed', 'delivered') AND coalesce (d.subscribed_on, d.signed_on) <= ?2 "
    " AND (?5 = 0 OR d.owner_id = ?5) AND " UNIT_FILTER " ORDER BY b.position, b.name, u.floor, u.number, d.id", NULL },
  { "unit-changes", N_("Changes of unit and cancellations (客户换房、退房一览表)"),
    N_("Every change of unit and every cancellation in the period."),
    SR_REGISTER_RANGE, SR_GROUP_NONE, MGR | SR_ROLE_SALES_CONTROLLER | SR_ROLE_FINANCE, FALSE, COLS (changes_columns),
    "SELECT NULL, k.ended_at, 'change', c.name, " PHONE_OF ("c") ", "
    " b.name || ' ' || CASE WHEN u.entrance <> '' THEN u.entrance || '-' ELSE '' END || u.number, "
    " (SELECT b2.name || ' ' || CASE WHEN u2.entrance <> '' THEN u2.entrance || '-' ELSE '' END || u2.number "
    "  FROM bookings n JOIN units u2 ON u2.id = n.unit_id JOIN buildings b2 ON b2.id = u2.building_id "
    "  WHERE n.deal_id = k.deal_id AND n.id > k.id ORDER BY n.id LIMIT 1), "
    " u.price_fen, k.end_reason, e.display_name, c.owner_id FROM bookings k JOIN customers c ON c.id = k.customer_id "
    "JOIN units u ON u.id = k.unit_id JOIN buildings b ON b.id = u.building_id LEFT JOIN staff e ON e.id = k.ended_by "
    "WHERE k.state = 'changed' AND k.ended_at BETWEEN ?3 AND ?4 AND (?5 = 0 OR c.owner_id = ?5) AND " UNIT_FILTER " "
    "UNION ALL "
    "SELECT NULL, d.ended_at, 'cancel', c.name, " PHONE_OF ("c") ", " LABEL ", NULL, " PRICE ", d.end_reason, "
    " e.display_name, c.owner_id FROM deals d " DEAL_JOINS "LEFT JOIN staff e ON e.id = d.ended_by "
    "WHERE d.state = 'cancelled' AND d.ended_at BETWEEN ?3 AND ?4 AND (?5 = 0 OR d.owner_id = ?5) AND " UNIT_FILTER " "
    "ORDER BY 2", NULL },
  { "refunds", N_("Cancelled sales (销售退房情况一览表)"),
    N_("Cancellations in the period by reason, with what was paid, kept and paid back."),
    SR_REGISTER_RANGE, SR_GROUP_SECTIONS, MGR | SR_ROLE_SALES_CONTROLLER | SR_ROLE_FINANCE, FALSE, COLS (refunds_columns),
    "SELECT coalesce (d.end_reason, ''), d.ended_at, c.name, " LABEL ", " PRICE ", "
    " (SELECT coalesce (sum (r.amount_fen), 0) FROM receipts r WHERE r.deal_id = d.id AND r.kind = 'payment' "
    "  AND r.voided_at IS NULL), d.forfeit_fen, "
    " (SELECT coalesce (sum (r.amount_fen), 0) FROM receipts r WHERE r.deal_id = d.id AND r.kind = 'refund' "
    "  AND r.voided_at IS NULL), d.refund_due_fen, o.display_name, d.owner_id FROM deals d " DEAL_JOINS
    "WHERE d.state = 'cancelled' AND d.ended_at BETWEEN ?3 AND ?4 AND (?5 = 0 OR d.owner_id = ?5) AND " UNIT_FILTER " "
    "ORDER BY d.end_reason, d.ended_at, d.id", NULL },
  { "special-discounts", N_("Special discounts (特殊优惠客户一览表)"),
    N_("Every discount given in the period, with its reason and who approved it."),
    SR_REGISTER_RANGE, SR_GROUP_NONE, MGR | SR_ROLE_SALES_CONTROLLER | SR_ROLE_FINANCE, FALSE, COLS (discounts_columns),
    "SELECT NULL, coalesce (d.signed_on, d.subscribed_on, " LOCAL_DAY ("d.created_at") "), c.name, " LABEL ", "
    " d.list_price_fen, d.discount_fen, CASE WHEN d.list_price_fen > 0 THEN d.discount_fen * 10000 / d.list_price_fen END, "
    " " PRICE ", d.discount_reason, a.display_name, o.display_name, d.owner_id FROM deals d " DEAL_JOINS
    "LEFT JOIN staff a ON a.id = d.discount_approved_by "
    "WHERE d.discount_fen > 0 AND d.state NOT IN ('voided') "
    " AND coalesce (d.signed_on, d.subscribed_on, " LOCAL_DAY ("d.created_at") ") BETWEEN ?1 AND ?2 "
    " AND (?5 = 0 OR d.owner_id = ?5) AND " UNIT_FILTER " ORDER BY 2, d.id", NULL },
  { "contracts", N_("Contracts signed (契约签署一览表)"),
    N_("Contracts signed in the period, special clauses in the remarks."),
    SR_REGISTER_RANGE, SR_GROUP_NONE, MGR | SR_ROLE_SALES_CONTROLLER | SR_ROLE_FINANCE | SR_ROLE_CONSULTANT, TRUE,
    COLS (contracts_columns),
    "SELECT NULL, d.signed_on, d.contract_no, d.kind, c.name, d.co_buyers, "
    " CASE WHEN u.id IS NOT NULL THEN b.name || ' ' || CASE WHEN u.entrance <> '' THEN u.entrance || '-' ELSE '' END "
    " || u.number END, u.area_centi, " PRICE ", d.payment_method, o.display_name, d.clauses, d.owner_id "
    "FROM deals d " DEAL_JOINS
    "WHERE d.signed_on BETWEEN ?1 AND ?2 AND d.state IN ('signed', 'delivered', 'cancelled') "
    " AND (?5 = 0 OR d.owner_id = ?5) AND " UNIT_FILTER " ORDER BY d.signed_on, d.contract_no", NULL },
  { "payments", N_("Payments by sale (客户交款情况明细表)"),
    N_("Each sale as of the day: paid, outstanding, overdue, the next payment and the mortgage, by payment method."),
    SR_REGISTER_AS_OF, SR_GROUP_SECTIONS, MGR | SR_ROLE_FINANCE | SR_ROLE_SALES_CONTROLLER | SR_ROLE_CONSULTANT, TRUE,
    COLS (payments_columns),
    "SELECT coalesce (d.payment_method, ''), c.name, " PHONE_OF ("c") ", " LABEL ", " PRICE ", " PAID_TO_DAY ", "
    " " PRICE " - " PAID_TO_DAY ", "
    " (SELECT coalesce (sum (max (0, i.amount_fen - coalesce ((SELECT sum (a.amount_fen) FROM receipt_allocations a "
    "   JOIN receipts r ON r.id = a.receipt_id WHERE a.plan_item_id = i.id AND r.voided_at IS NULL AND r.day <= ?2), 0))), 0) "
    "  FROM plan_items i WHERE i.deal_id = d.id AND i.due_day < ?2), "
    " (SELECT min (i.due_day) FROM plan_items i WHERE i.deal_id = d.id AND i.due_day >= ?2 AND i.paid_fen < i.amount_fen), "
    " (SELECT i.amount_fen - i.paid_fen FROM plan_items i WHERE i.deal_id = d.id AND i.due_day >= ?2 "
    "  AND i.paid_fen < i.amount_fen ORDER BY i.due_day, i.position LIMIT 1), "
    " (SELECT g.step FROM deal_progress g WHERE g.deal_id = d.id AND g.track = 'mortgage' AND g.day <= ?2 "
    "  ORDER BY g.day DESC, g.id DESC LIMIT 1), o.display_name, d.owner_id FROM deals d " DEAL_JOINS
    "WHERE d.state IN ('subscribed', 'signed', 'delivered') AND coalesce (d.signed_on, d.subscribed_on) <= ?2 "
    " AND (?5 = 0 OR d.owner_id = ?5) AND " UNIT_FILTER " ORDER BY d.payment_method, c.name, d.id", NULL, payment_group_label },
  { "daily-sales", N_("Daily sales (销售日报表)"),
    N_("The day's subscriptions and the total to date, per building, with units for sale."),
    SR_REGISTER_AS_OF, SR_GROUP_NONE, MGR | SR_ROLE_SALES_CONTROLLER, FALSE, COLS (daily_sales_columns),
    "SELECT NULL, b.name, "
    " count (CASE WHEN d.subscribed_on = ?2 THEN 1 END), coalesce (sum (CASE WHEN d.subscribed_on = ?2 THEN u.area_centi END), 0), "
    " coalesce (sum (CASE WHEN d.subscribed_on = ?2 THEN " PRICE " END), 0), "
    " count (d.id), coalesce (sum (CASE WHEN d.id IS NOT NULL THEN u.area_centi END), 0), coalesce (sum (" PRICE "), 0), "
    " (SELECT count(*) FROM units x WHERE x.building_id = b.id AND x.status = 'available'), NULL "
    "FROM buildings b JOIN units u ON u.building_id = b.id "
    "LEFT JOIN deals d ON d.unit_id = u.id AND d.state IN ('subscribed', 'signed', 'delivered') AND d.subscribed_on <= ?2 "
    "WHERE (?6 = 0 OR b.project_id = ?6) AND (?7 = 0 OR b.id = ?7) AND ?5 >= 0 "
    "GROUP BY b.id ORDER BY b.project_id, b.position, b.name", NULL },
  { "daily-traffic", N_("Daily traffic (销售日动态表)"),
    N_("Each day's calls and visits by media source, with the new customers and subscriptions."),
    SR_REGISTER_RANGE, SR_GROUP_NONE, MGR | SR_ROLE_SALES_CONTROLLER | SR_ROLE_RECEPTIONIST, FALSE, COLS (traffic_columns),
    "WITH t AS (SELECT " LOCAL_DAY ("k.at") " AS day, coalesce (m.name, '—') AS media, "
    "  sum (k.kind = 'call') AS calls, sum (k.kind = 'visit') AS visits, 0 AS fresh, 0 AS subs FROM contacts k "
    "  LEFT JOIN media_sources m ON m.id = k.media_source_id WHERE k.at BETWEEN ?3 AND ?4 AND k.is_business = 1 "
    "  AND (?5 = 0 OR k.receiver_id = ?5) GROUP BY 1, 2 "
    " UNION ALL SELECT " LOCAL_DAY ("c.created_at") ", coalesce (m.name, '—'), 0, 0, count(*), 0 FROM customers c "
    "  LEFT JOIN media_sources m ON m.id = c.media_source_id WHERE c.created_at BETWEEN ?3 AND ?4 AND c.is_voided = 0 "
    "  AND (?5 = 0 OR c.owner_id = ?5) GROUP BY 1, 2 "
    " UNION ALL SELECT d.subscribed_on, coalesce (m.name, '—'), 0, 0, 0, count(*) FROM deals d "
    "  JOIN customers c ON c.id = d.customer_id LEFT JOIN media_sources m ON m.id = c.media_source_id "
    "  WHERE d.subscribed_on BETWEEN ?1 AND ?2 AND d.state IN ('subscribed', 'signed', 'delivered') "
    "  AND (?5 = 0 OR d.owner_id = ?5) GROUP BY 1, 2) "
    "SELECT NULL, day, media, sum (calls), sum (visits), sum (fresh), sum (subs), NULL FROM t "
    "WHERE ?6 >= 0 AND ?7 >= 0 GROUP BY day, media ORDER BY day, media", NULL },
  { "calls", N_("Calls (来电表)"), N_("Every call in the period."),
    SR_REGISTER_RANGE, SR_GROUP_NONE, MGR | SR_ROLE_RECEPTIONIST | SR_ROLE_CONSULTANT, TRUE, COLS (calls_columns),
    "SELECT NULL, k.at, c.name, " PHONE_OF ("c") ", m.name, r.display_name, k.rule_code, k.is_business, "
    " k.duration_seconds, k.note, c.owner_id FROM contacts k LEFT JOIN customers c ON c.id = k.customer_id "
    "LEFT JOIN media_sources m ON m.id = k.media_source_id LEFT JOIN staff r ON r.id = k.receiver_id "
    "WHERE k.kind = 'call' AND k.at BETWEEN ?3 AND ?4 AND (?5 = 0 OR k.receiver_id = ?5) "
    " AND ?6 >= 0 AND ?7 >= 0 ORDER BY k.at, k.id", NULL },
  { "visits", N_("Visits (来访登记表)"), N_("Every visit in the period."),
    SR_REGISTER_RANGE, SR_GROUP_NONE, MGR | SR_ROLE_RECEPTIONIST | SR_ROLE_CONSULTANT, TRUE, COLS (visits_columns),
    "SELECT NULL, k.at, c.name, " PHONE_OF ("c") ", c.channel, m.name, r.display_name, k.rule_code, k.is_business, "
    " k.note, c.owner_id FROM contacts k LEFT JOIN customers c ON c.id = k.customer_id "
    "LEFT JOIN media_sources m ON m.id = coalesce (k.media_source_id, c.media_source_id) "
    "LEFT JOIN staff r ON r.id = k.receiver_id "
    "WHERE k.kind = 'visit' AND k.at BETWEEN ?3 AND ?4 AND (?5 = 0 OR k.receiver_id = ?5) "
    " AND ?6 >= 0 AND ?7 >= 0 ORDER BY k.at, k.id", NULL },
  { "dispatch", N_("Designer dispatch (设计师派单表)"), N_("Every customer dispatched to a designer in the period."),
    SR_REGISTER_RANGE, SR_GROUP_NONE, MGR | SR_ROLE_CONSULTANT, TRUE, COLS (dispatch_columns),
    "SELECT NULL, x.at, c.name, " PHONE_OF ("c") ", s.display_name, x.min_rank > 0, x.is_override, x.explanation, "
    " y.display_name, x.designer_id FROM dispatches x JOIN customers c ON c.id = x.customer_id "
    "JOIN staff s ON s.id = x.designer_id LEFT JOIN staff y ON y.id = x.by_id "
    "WHERE x.day BETWEEN ?1 AND ?2 AND (?5 = 0 OR x.designer_id = ?5) AND ?6 >= 0 AND ?7 >= 0 ORDER BY x.at, x.id", NULL },
  { "designer-holdings", N_("Designers' held orders (设计师持单跟踪表)"),
    N_("The customers each designer holds before signing, the longest without contact first."),
    SR_REGISTER_AS_OF, SR_GROUP_SECTIONS, MGR | SR_ROLE_CONSULTANT, TRUE, COLS (holdings_columns),
    "SELECT s.display_name, c.name, " PHONE_OF ("c") ", g.name, CAST ((?4 - coalesce (c.stage_at, c.created_at)) / 86400 AS INTEGER), "
    " c.last_contact_at, CAST ((?4 - coalesce (c.last_contact_at, c.created_at)) / 86400 AS INTEGER), "
    " (?4 - coalesce (c.last_contact_at, c.created_at)) / 86400 >= coalesce ((SELECT CAST (value AS INTEGER) "
    "  FROM settings WHERE key = 'dispatch.stale_days'), 7), c.owner_id "
    "FROM staff s CROSS JOIN customers c ON c.owner_id = s.id JOIN stages g ON g.id = c.stage_id "
    "WHERE c.is_voided = 0 AND (s.roles & 2) <> 0 AND g.kind IN ('contact', 'qualify', 'measure', 'plan', 'subscribe', 'custom') "
    " AND NOT EXISTS (SELECT 1 FROM deals d WHERE d.customer_id = c.id AND d.state IN ('signed', 'delivered')) "
    " AND +c.created_at <= ?4 AND (?5 = 0 OR c.owner_id = ?5) AND ?6 >= 0 AND ?7 >= 0 "
    "ORDER BY s.display_name, s.id, coalesce (c.last_contact_at, c.created_at), c.id", NULL },
  { "designer-ranking", N_("Designer ranking (设计师排名)"),
    N_("Designers by the value they signed in the period (half-month: the 1st–15th, the 16th–month end)."),
    SR_REGISTER_RANGE, SR_GROUP_NONE, MGR | SR_ROLE_CONSULTANT, FALSE, COLS (ranking_columns),
    "SELECT NULL, row_number () OVER (ORDER BY sum (" PRICE ") DESC, count(*) DESC, s.id), s.display_name, s.team, "
    " sum (" PRICE "), count(*), NULL FROM deals d JOIN staff s ON s.id = d.owner_id "
    "WHERE d.signed_on BETWEEN ?1 AND ?2 AND d.state IN ('signed', 'delivered') AND ?5 >= 0 AND ?6 >= 0 AND ?7 >= 0 "
    "GROUP BY s.id ORDER BY 2", NULL },
  { "return-visits", N_("Return visits (客户回访登记表)"), N_("Every return visit in the period."),
    SR_REGISTER_RANGE, SR_GROUP_NONE, MGR, FALSE, COLS (visits_back_columns),
    "SELECT NULL, v.at, c.name, " PHONE_OF ("c") ", v.method, v.content, v.satisfaction, p.description, s.display_name, "
    " c.owner_id FROM return_visits v JOIN customers c ON c.id = v.customer_id LEFT JOIN staff s ON s.id = v.staff_id "
    "LEFT JOIN problems p ON p.id = v.problem_id "
    "WHERE v.day BETWEEN ?1 AND ?2 AND (?5 = 0 OR c.owner_id = ?5) AND ?6 >= 0 AND ?7 >= 0 ORDER BY v.at, v.id", NULL },
  { "weekly-resources", N_("Weekly customer resources (一周客户资源统计表)"),
    N_("Per week and group: new customers by channel, customers in progress, signings."),
    SR_REGISTER_RANGE, SR_GROUP_NONE, MGR, FALSE, COLS (resources_columns), NULL, fill_weekly_resources },
  { "output-summary", N_("Output summary (产值汇总表)"),
    N_("Per designer and draftsman: contracts signed in the period and their value."),
    SR_REGISTER_RANGE, SR_GROUP_NONE, MGR, FALSE, COLS (output_columns),
    "WITH signed AS (SELECT owner_id, draftsman_id, price_fen FROM deals "
    " WHERE signed_on BETWEEN ?1 AND ?2 AND state IN ('signed', 'delivered') AND kind <> 'unit'), "
    "designed AS (SELECT owner_id AS id, count(*) AS n, sum (price_fen) AS v FROM signed GROUP BY owner_id), "
    "drawn AS (SELECT draftsman_id AS id, count(*) AS n, sum (price_fen) AS v FROM signed "
    " WHERE draftsman_id IS NOT NULL GROUP BY draftsman_id) "
    "SELECT NULL, s.display_name, s.team, coalesce (a.n, 0), coalesce (a.v, 0), coalesce (b.n, 0), coalesce (b.v, 0), NULL "
    "FROM staff s LEFT JOIN designed a ON a.id = s.id LEFT JOIN drawn b ON b.id = s.id "
    "WHERE (a.id IS NOT NULL OR b.id IS NOT NULL) AND (?5 = 0 OR s.id = ?5) AND ?6 >= 0 AND ?7 >= 0 "
    "ORDER BY coalesce (a.v, 0) + coalesce (b.v, 0) DESC, s.display_name, s.id", NULL },
  { "performance", N_("Performance (业绩统计)"),
    N_("Per consultant or designer: receptions, appointments, subscriptions, signings, value and money in, against target."),
    SR_REGISTER_RANGE, SR_GROUP_NONE, MGR | SR_ROLE_CONSULTANT, TRUE, COLS (performance_columns),
    "WITH p AS (SELECT s.id, s.display_name AS name, s.team AS team, "
    " (SELECT count(*) FROM contacts k WHERE k.receiver_id = s.id AND k.is_business = 1 AND k.at BETWEEN ?3 AND ?4) AS rec, "
    " (SELECT count(*) FROM appointments a WHERE a.staff_id = s.id AND a.status = 'kept' AND a.day BETWEEN ?1 AND ?2) AS kept, "
    " (SELECT count(*) FROM deals d WHERE d.owner_id = s.id AND d.subscribed_on BETWEEN ?1 AND ?2) AS subs, "
    " (SELECT count(*) FROM deals d WHERE d.owner_id = s.id AND d.signed_on BETWEEN ?1 AND ?2 "
    "  AND d.state IN ('signed', 'delivered')) AS signings, "
    " (SELECT coalesce (sum (d.price_fen), 0) FROM deals d WHERE d.owner_id = s.id AND d.signed_on BETWEEN ?1 AND ?2 "
    "  AND d.state IN ('signed', 'delivered')) AS value, "
    " (SELECT coalesce (sum (CASE r.kind WHEN 'payment' THEN r.amount_fen ELSE -r.amount_fen END), 0) FROM receipts r "
    "  JOIN deals d ON d.id = r.deal_id WHERE d.owner_id = s.id AND r.voided_at IS NULL AND r.day BETWEEN ?1 AND ?2) AS money, "
    " (SELECT coalesce (sum (t.value_fen), 0) FROM targets t WHERE t.staff_id = s.id AND t.period = 'month' "
    "  AND t.starts_on BETWEEN ?1 AND ?2) AS target "
    " FROM staff s WHERE s.is_disabled = 0 AND (s.roles & 2) <> 0 AND (?5 = 0 OR s.id = ?5)) "
    "SELECT NULL, name, team, rec, kept, subs, signings, value, money, target, "
    " CASE WHEN target > 0 THEN value * 10000 / target END, id FROM p WHERE ?6 >= 0 AND ?7 >= 0 "
    "ORDER BY team IS NULL, team, name, id", NULL },
  { "media-effect", N_("Media effect (媒体效果)"),
    N_("Per media source: calls, visits, new customers, subscriptions and signings in the period."),
    SR_REGISTER_RANGE, SR_GROUP_NONE, MGR | SR_ROLE_SALES_CONTROLLER, FALSE, COLS (media_columns),
    "SELECT NULL, m.name, "
    " (SELECT count(*) FROM contacts k WHERE k.media_source_id = m.id AND k.kind = 'call' AND k.at BETWEEN ?3 AND ?4), "
    " (SELECT count(*) FROM contacts k WHERE k.media_source_id = m.id AND k.kind = 'visit' AND k.at BETWEEN ?3 AND ?4), "
    " (SELECT count(*) FROM customers c WHERE c.media_source_id = m.id AND c.is_voided = 0 AND c.created_at BETWEEN ?3 AND ?4), "
    " (SELECT count(*) FROM deals d JOIN customers c ON c.id = d.customer_id WHERE c.media_source_id = m.id "
    "  AND d.subscribed_on BETWEEN ?1 AND ?2), "
    " (SELECT count(*) FROM deals d JOIN customers c ON c.id = d.customer_id WHERE c.media_source_id = m.id "
    "  AND d.signed_on BETWEEN ?1 AND ?2 AND d.state IN ('signed', 'delivered')), "
    " (SELECT coalesce (sum (d.price_fen), 0) FROM deals d JOIN customers c ON c.id = d.customer_id "
    "  WHERE c.media_source_id = m.id AND d.signed_on BETWEEN ?1 AND ?2 AND d.state IN ('signed', 'delivered')), NULL "
    "FROM media_sources m WHERE ?5 >= 0 AND ?6 >= 0 AND ?7 >= 0 ORDER BY m.position, m.id", NULL },
  { "call-check", N_("Call check (来电核对)"),
    N_("Per day and time slot: the phone's count against the calls logged, the gaps and late forms."),
    SR_REGISTER_RANGE, SR_GROUP_NONE, MGR | SR_ROLE_RECEPTIONIST, FALSE, COLS (call_check_columns), NULL, fill_call_check },
};

static const guint n_registers = G_N_ELEMENTS (registers);

guint
sr_registers_count (void)
{
  return n_registers;
}

const SrRegister *
sr_registers_nth (guint index)
{
  return index < n_registers ? &registers[index] : NULL;
}

const SrRegister *
sr_registers_find (const char *id)
{
  for (guint i = 0; i < n_registers; i++)
    if (g_strcmp0 (registers[i].id, id) == 0)
      return &registers[i];
  return NULL;
}

