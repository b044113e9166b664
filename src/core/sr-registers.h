/* sr-registers.h — the named registers (一览表, PRODUCT.md "Registers"): one definition
 * each (id, title, columns with their types, grouping, whether it lists a date range or
 * a state as of a day) and one query, read row by row through a cursor so a writer
 * (Excel, PDF, the window's preview) keeps nothing but the row in hand.
 *
 * Who may read which register is decided here: managers and customer managers every
 * one; finance the money registers; the sales controller the sales registers;
 * consultants the registers of customers, their own customers only; receptionists the
 * calls and visits, with phones masked. Phones and ID-card numbers are masked as the
 * reader may see them. Every export is written to the audit log.
 */
#pragma once

#include "sr-context.h"

G_BEGIN_DECLS

typedef enum {
  SR_CELL_TEXT,
  SR_CELL_LONG_TEXT,         /* wrapped */
  SR_CELL_PHONE,             /* text; masked as the reader may see it */
  SR_CELL_NUMBER,            /* contract numbers: text that looks like a number */
  SR_CELL_ID_CARD,           /* text; masked as the reader may see it, like phones */
  SR_CELL_DATE,              /* YYYY-MM-DD */
  SR_CELL_DATETIME,          /* UTC seconds, shown in local time */
  SR_CELL_MONEY,             /* fen */
  SR_CELL_INT,
  SR_CELL_AREA,              /* hundredths of m² */
  SR_CELL_PERCENT,           /* hundredths of a percent (basis points) */
} SrCellType;

typedef struct {
  const char *title;         /* English; translated when shown */
  SrCellType type;
  int width;                 /* a hint, in Latin characters (a CJK character is two) */
  gboolean total;            /* summed in the totals row (money, area, integers) */
  const char *(*label) (const char *code);   /* a code column's label; NULL: as stored */
} SrRegisterColumn;

typedef enum {
  SR_REGISTER_RANGE,         /* a list over a date range (default: this month) */
  SR_REGISTER_AS_OF,         /* a state as of a day (default: today) */
} SrRegisterKind;

typedef enum {
  SR_GROUP_NONE,
  SR_GROUP_SHEETS,           /* one worksheet (PDF: one section from a new page) per group */
  SR_GROUP_SECTIONS,         /* grouped sections with subtotals */
} SrGrouping;

typedef struct _SrRegister SrRegister;

guint              sr_registers_count        (void);
const SrRegister  *sr_registers_nth          (guint              index);
const SrRegister  *sr_registers_find         (const char        *id);

const char        *sr_register_get_id        (const SrRegister  *reg);
/* In the reader's language (zh_CN: the paper form's name, 意向客户登记表). */
const char        *sr_register_get_title     (const SrRegister  *reg);
const char        *sr_register_get_description (const SrRegister *reg);
SrRegisterKind     sr_register_get_kind      (const SrRegister  *reg);
SrGrouping         sr_register_get_grouping  (const SrRegister  *reg);
guint              sr_register_get_n_columns (const SrRegister  *reg);
const SrRegisterColumn *sr_register_get_column (const SrRegister *reg,
                                                guint             index);
/* A group as shown: a code's label (a payment method), "(none)" for an empty one. */
const char        *sr_register_group_label   (const SrRegister  *reg,
                                              const char        *group);
/* The register's query (parameters as in sr-registers.c), or NULL when it is computed;
 * for the benchmark that runs the same query elsewhere. */
const char        *sr_register_get_sql       (const SrRegister  *reg);
/* Whether the signed-in person may read @reg at all. */
gboolean           sr_register_may_read      (const SrRegister  *reg,
                                              SrSession         *session);

typedef struct {
  char *from_day;            /* RANGE: the first day; AS_OF: ignored */
  char *to_day;              /* RANGE: the last day; AS_OF: the day */
  gint64 consultant_id;      /* 0: everyone's */
  gint64 project_id;         /* 0: every project */
  gint64 building_id;        /* 0: every building */
} SrRegisterFilter;

void        sr_register_filter_clear   (SrRegisterFilter *filter);
/* The default days: this month up to its end (RANGE) or today (AS_OF). */
void        sr_register_filter_default (const SrRegister *reg,
                                        SrContext        *ctx,
                                        SrRegisterFilter *filter);
/* Checks the days (YYYY-MM-DD, from ≤ to) and fills the unset ones with the defaults. */
gboolean    sr_register_filter_check   (const SrRegister *reg,
                                        SrContext        *ctx,
                                        SrRegisterFilter *filter,
                                        GError          **error);
/* "2026-11-01 至 2026-11-30" or "截至 2026-11-23", in the reader's language. */
char       *sr_register_filter_describe (const SrRegister      *reg,
                                         const SrRegisterFilter *filter);

typedef struct _SrRegisterCursor SrRegisterCursor;

/* Opens @reg for reading (refused with DENIED for a person who may not; a consultant
 * reads their own customers whatever @filter says). */
SrRegisterCursor *sr_register_open       (SrContext              *ctx,
                                          const SrRegister       *reg,
                                          const SrRegisterFilter *filter,
                                          GError                **error);
/* The next row: TRUE with a row in hand, FALSE at the end or on an error (@error set). */
gboolean    sr_register_cursor_next      (SrRegisterCursor *cursor,
                                          GError          **error);
/* The row's group (a consultant, a payment method…); NULL when the register has none. */
const char *sr_register_cursor_group     (SrRegisterCursor *cursor);
gboolean    sr_register_cursor_is_null   (SrRegisterCursor *cursor,
                                          guint             column);
/* The value of a numeric column (MONEY, INT, AREA, PERCENT, DATETIME). */
gint64      sr_register_cursor_int       (SrRegisterCursor *cursor,
                                          guint             column);
/* The text of a text column (TEXT, LONG_TEXT, PHONE masked, NUMBER, DATE, a code's label). */
const char *sr_register_cursor_text      (SrRegisterCursor *cursor,
                                          guint             column);
/* Any cell as the reader sees it: ¥1,234.00, 89.36, 12.50%, 2026-11-23 10:30. */
char       *sr_register_cursor_display   (SrRegisterCursor *cursor,
                                          guint             column);
guint       sr_register_cursor_n_rows    (SrRegisterCursor *cursor);   /* rows read so far */
void        sr_register_cursor_free      (SrRegisterCursor *cursor);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SrRegisterCursor, sr_register_cursor_free)

/* How many rows @reg has under @filter (a count, for progress). */
gboolean    sr_register_count            (SrContext              *ctx,
                                          const SrRegister       *reg,
                                          const SrRegisterFilter *filter,
                                          guint                  *out_rows,
                                          GError                **error);

/* Writes the audit row of an export: who, which register, the filter, rows, format. */
gboolean    sr_register_log_export       (SrContext              *ctx,
                                          const SrRegister       *reg,
                                          const SrRegisterFilter *filter,
                                          guint                   n_rows,
                                          const char             *format,
                                          GError                **error);

/* Display helpers the writers share. */
char       *sr_register_format_cell      (SrCellType  type,
                                          gint64      value);

G_END_DECLS
