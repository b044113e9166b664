#include "config.h"

#include "sr-context.h"

struct _SrContext
{
  GObject parent_instance;

  SrDb *db;
  SrClock *clock;
  SrSession *session;
  SrPinyin *pinyin;
  gint64 seen_version;       /* PRAGMA data_version when last polled; -1: not yet */
  gint64 seen_audit;         /* the audit log's last row then */
  guint poll_serial;         /* moves at each poll that brought news */
  guint telling;             /* that poll's serial while its news is told; 0 otherwise */
};

enum { PROP_0, PROP_SESSION, N_PROPS };
enum { CHANGED, UNITS_CHANGED, CUSTOMERS_CHANGED, N_SIGNALS };

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SrContext, sr_context, G_TYPE_OBJECT)

static void
sr_context_dispose (GObject *object)
{
  SrContext *self = SR_CONTEXT (object);

  g_clear_object (&self->session);
  g_clear_object (&self->clock);
  g_clear_object (&self->db);
  g_clear_pointer (&self->pinyin, sr_pinyin_free);
  G_OBJECT_CLASS (sr_context_parent_class)->dispose (object);
}

static void
sr_context_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SrContext *self = SR_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sr_context_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  SrContext *self = SR_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      sr_context_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sr_context_class_init (SrContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sr_context_dispose;
  object_class->get_property = sr_context_get_property;
  object_class->set_property = sr_context_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, SR_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[UNITS_CHANGED] = g_signal_new ("units-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ARRAY);
  signals[CUSTOMERS_CHANGED] = g_signal_new ("customers-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                             0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ARRAY);
}

static void
sr_context_init (SrContext *self)
{
  self->seen_version = -1;
}

SrContext *
sr_context_new (SrDb    *db,
                SrClock *clock)
{
  SrContext *self = g_object_new (SR_TYPE_CONTEXT, NULL);

  self->db = g_object_ref (db);
  self->clock = clock != NULL ? g_object_ref (clock) : sr_clock_new ();
  return self;
}

SrDb *
sr_context_get_db (SrContext *self)
{
  return self->db;
}

SrClock *
sr_context_get_clock (SrContext *self)
{
  return self->clock;
}

SrSession *
sr_context_get_session (SrContext *self)
{
  return self->session;
}

void
sr_context_set_session (SrContext *self,
                        SrSession *session)
{
  if (g_set_object (&self->session, session))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

gint64
sr_context_now (SrContext *self)
{
  return sr_clock_now (self->clock);
}

SrPinyin *
sr_context_get_pinyin (SrContext  *self,
                       GError    **error)
{
  if (self->pinyin == NULL)
    self->pinyin = sr_pinyin_new (error);
  return self->pinyin;
}

gboolean
sr_context_check (SrContext  *self,
                  SrAction    action,
                  GError    **error)
{
  return sr_session_check (self->session, action, error);
}

void
sr_context_emit_changed (SrContext  *self,
                         const char *table)
{
  g_signal_emit (self, signals[CHANGED], 0, table);
}

/* The audit log's tables and the names the screens listen to, where they differ. */
static const struct {
  const char *table;
  const char *signal;
} listened[] = {
  { "rotation_events", "rotation" }, { "rotation_orders", "rotation" },
  { "receipts", "deals" }, { "plan_items", "deals" }, { "plan_item_delays", "deals" },
  { "reported_money", "deals" }, { "bookings", "deals" }, { "bookings", "units" },
  { "deals", "units" }, { "contacts", "customers" }, { "follow_ups", "customers" },
  { "placements", "housekeepers" }, { "candidates", "housekeepers" },
};

static void
add_name (GPtrArray  *names,
          const char *name)
{
  for (guint i = 0; i < names->len; i++)
    if (g_strcmp0 (g_ptr_array_index (names, i), name) == 0)
      return;
  g_ptr_array_add (names, g_strdup (name));
}

/* The rows another connection changed, by the audit rows since the last poll: @sql reads
 * their ids from the audit rows ?1 < id <= ?2, at most ?3. NULL when there are too many to
 * name one by one (the screens then read the whole table again). */
#define ROWS_NAMED_AT_MOST 200

static GArray *
read_changed_ids (SrContext   *self,
                  const char  *sql,
                  gint64       after,
                  gint64       last)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(SrStmt) stmt = sr_db_prepare (self->db, sql, NULL);
  SrStep step;

  if (stmt == NULL)
    return NULL;
  sr_stmt_bind_int (stmt, 1, after);
  sr_stmt_bind_int (stmt, 2, last);
  sr_stmt_bind_int (stmt, 3, ROWS_NAMED_AT_MOST + 1);
  while ((step = sr_stmt_step (stmt, NULL)) == SR_STEP_ROW)
    {
      gint64 id = sr_stmt_get_int (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (step == SR_STEP_ERROR || ids->len > ROWS_NAMED_AT_MOST)
    return NULL;
  return g_steal_pointer (&ids);
}

/* Units: their own audit rows, and those of the bookings and deals that moved them. */
static const char units_changed_sql[] =
  "SELECT DISTINCT unit_id FROM ("
  " SELECT row_id AS unit_id FROM audit_log WHERE id > ?1 AND id <= ?2 AND table_name = 'units'"
  " UNION SELECT b.unit_id FROM audit_log a JOIN bookings b ON b.id = a.row_id"
  "  WHERE a.id > ?1 AND a.id <= ?2 AND a.table_name = 'bookings'"
  " UNION SELECT d.unit_id FROM audit_log a JOIN deals d ON d.id = a.row_id"
  "  WHERE a.id > ?1 AND a.id <= ?2 AND a.table_name = 'deals') AS changed "
  "WHERE unit_id IS NOT NULL LIMIT ?3";

/* Customers: their own audit rows, and those of their calls, visits and follow-ups. */
static const char customers_changed_sql[] =
  "SELECT DISTINCT customer_id FROM ("
  " SELECT row_id AS customer_id FROM audit_log WHERE id > ?1 AND id <= ?2 AND table_name = 'customers'"
  " UNION SELECT k.customer_id FROM audit_log a JOIN contacts k ON k.id = a.row_id"
  "  WHERE a.id > ?1 AND a.id <= ?2 AND a.table_name = 'contacts'"
  " UNION SELECT f.customer_id FROM audit_log a JOIN follow_ups f ON f.id = a.row_id"
  "  WHERE a.id > ?1 AND a.id <= ?2 AND a.table_name = 'follow_ups') AS changed "
  "WHERE customer_id IS NOT NULL LIMIT ?3";

/* What another connection wrote since the last poll: the tables the audit log names
 * (empty when nothing, or only this connection, wrote). All read in one snapshot, so a
 * commit landing between the reads is neither lost nor half seen. */
static GPtrArray *
read_news (SrContext  *self,
           GArray    **out_units,
           GArray    **out_customers,
           GError    **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(SrStmt) stmt = NULL;
  gint64 version = 0, last = 0;
  SrStep step;

  if (!sr_db_query_int (self->db, "SELECT coalesce (max (id), 0) FROM audit_log", &last, error) ||
      !sr_db_data_version (self->db, &version, error))
    return NULL;
  /* First poll, or nothing committed by another connection since: what is written from
   * here on is news (this connection's own changes were signalled when made). */
  if (self->seen_version < 0 || version == self->seen_version || last <= self->seen_audit)
    {
      self->seen_version = version;
      self->seen_audit = last;
      return g_steal_pointer (&names);
    }
  /* The rows by id, for the screens that listen (none on the command line). */
  if (g_signal_has_handler_pending (self, signals[UNITS_CHANGED], 0, TRUE))
    *out_units = read_changed_ids (self, units_changed_sql, self->seen_audit, last);
  if (g_signal_has_handler_pending (self, signals[CUSTOMERS_CHANGED], 0, TRUE))
    *out_customers = read_changed_ids (self, customers_changed_sql, self->seen_audit, last);
  stmt = sr_db_prepare (self->db, "SELECT DISTINCT table_name FROM audit_log WHERE id > ?1 AND id <= ?2", error);
  if (stmt == NULL)
    return NULL;
  sr_stmt_bind_int (stmt, 1, self->seen_audit);
  sr_stmt_bind_int (stmt, 2, last);
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      const char *table = sr_stmt_get_text (stmt, 0);
      add_name (names, table);
      for (guint i = 0; i < G_N_ELEMENTS (listened); i++)
        if (g_strcmp0 (listened[i].table, table) == 0)
          add_name (names, listened[i].signal);
    }
  if (step == SR_STEP_ERROR)
    return NULL;
  self->seen_version = version;
  self->seen_audit = last;
  add_name (names, "audit_log");
  return g_steal_pointer (&names);
}

guint
sr_context_get_poll_serial (SrContext *self)
{
  g_return_val_if_fail (SR_IS_CONTEXT (self), 0);
  return self->telling;
}

guint
sr_context_poll_changes (SrContext  *self,
                         GError    **error)
{
  g_autoptr(SrContext) hold = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GArray) units = NULL;
  g_autoptr(GArray) customers = NULL;

  g_return_val_if_fail (SR_IS_CONTEXT (self), 0);

  if (!sr_db_begin_read (self->db, error))
    return 0;
  names = read_news (self, &units, &customers, error);
  sr_db_end_read (self->db);
  if (names == NULL || names->len == 0)
    return 0;
  /* Told after the reading is over (a screen may write, or close the window, as it
   * hears), with the context held for the while. The rows by id first: a screen that
   * redraws just those (the unit grid, the customers list) can leave the table's
   * "changed" of the same poll. */
  hold = g_object_ref (self);
  self->telling = ++self->poll_serial;
  if (units != NULL && units->len > 0)
    g_signal_emit (self, signals[UNITS_CHANGED], 0, units);
  if (customers != NULL && customers->len > 0)
    g_signal_emit (self, signals[CUSTOMERS_CHANGED], 0, customers);
  for (guint i = 0; i < names->len; i++)
    g_signal_emit (self, signals[CHANGED], 0, g_ptr_array_index (names, i));
  self->telling = 0;
  return names->len;
}
