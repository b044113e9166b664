/* sr-media.c — the media source list (认知途径). */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sr-error.h"
#include "sr-media.h"
#include "sr-ordered-private.h"

G_DEFINE_FINAL_TYPE (SrMediaSource, sr_media_source, G_TYPE_OBJECT)

static void
sr_media_source_finalize (GObject *object)
{
  g_free (SR_MEDIA_SOURCE (object)->name);
  G_OBJECT_CLASS (sr_media_source_parent_class)->finalize (object);
}

static void
sr_media_source_class_init (SrMediaSourceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sr_media_source_finalize;
}

static void
sr_media_source_init (SrMediaSource *self)
{
}

/* Seed 002 names newspapers, outdoor boards, the web, friends and passers-by. */
static const char *defaults[] = {
  N_("Newspaper"), N_("Outdoor advertising"), N_("Online"), N_("Friend"),
  N_("Passing by"), N_("Television"), N_("Radio"), N_("Text message"),
  N_("Property fair"), NULL
};

gboolean
sr_media_insert_defaults (SrContext  *ctx,
                          GError    **error)
{
  for (guint i = 0; defaults[i] != NULL; i++)
    if (sr_ordered_add (ctx, "media_sources", _(defaults[i]), NULL, NULL, error) == 0)
      return FALSE;
  return TRUE;
}

GPtrArray *
sr_media_list (SrContext  *ctx,
               gboolean    include_disabled,
               GError    **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(SrStmt) stmt = NULL;
  SrStep step;

  stmt = sr_db_prepare (sr_context_get_db (ctx),
                        "SELECT id, position, name, is_disabled FROM media_sources "
                        "WHERE ?1 <> 0 OR is_disabled = 0 ORDER BY position", error);
  if (stmt == NULL)
    return NULL;
  sr_stmt_bind_int (stmt, 1, include_disabled);
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      SrMediaSource *m = g_object_new (SR_TYPE_MEDIA_SOURCE, NULL);
      m->id = sr_stmt_get_int (stmt, 0);
      m->position = (int) sr_stmt_get_int (stmt, 1);
      m->name = sr_stmt_dup_text (stmt, 2);
      m->is_disabled = sr_stmt_get_int (stmt, 3) != 0;
      g_ptr_array_add (rows, m);
    }
  if (step == SR_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&rows);
}

gint64
sr_media_add (SrContext   *ctx,
              const char  *name,
              GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  gint64 id;

  if (!sr_context_check (ctx, SR_ACTION_EDIT_MEDIA_SOURCES, error))
    return 0;
  if (!sr_db_begin (db, error))
    return 0;
  id = sr_ordered_add (ctx, "media_sources", name, NULL, NULL, error);
  if (id == 0 || !sr_db_commit (db, error))
    {
      sr_db_rollback (db);
      return 0;
    }
  sr_context_emit_changed (ctx, "media_sources");
  return id;
}

gboolean
sr_media_rename (SrContext   *ctx,
                 gint64       media_id,
                 const char  *name,
                 GError     **error)
{
  return sr_ordered_rename (ctx, SR_ACTION_EDIT_MEDIA_SOURCES, "media_sources", media_id,
                            name, error);
}

gboolean
sr_media_set_disabled (SrContext  *ctx,
                       gint64      media_id,
                       gboolean    is_disabled,
                       GError    **error)
{
  return sr_ordered_set_disabled (ctx, SR_ACTION_EDIT_MEDIA_SOURCES, "media_sources",
                                  media_id, is_disabled, error);
}

gboolean
sr_media_move (SrContext  *ctx,
               gint64      media_id,
               int         delta,
               GError    **error)
{
  return sr_ordered_move (ctx, SR_ACTION_EDIT_MEDIA_SOURCES, "media_sources", media_id,
                          delta, error);
}
