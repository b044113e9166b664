#include "config.h"

#include "sr-context.h"

struct _SrContext
{
  GObject parent_instance;

  SrDb *db;
  SrClock *clock;
  SrSession *session;
  SrPinyin *pinyin;
};

enum { PROP_0, PROP_SESSION, N_PROPS };
enum { CHANGED, N_SIGNALS };

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
}

static void
sr_context_init (SrContext *self)
{
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
