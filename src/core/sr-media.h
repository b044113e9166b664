/* sr-media.h — the media source list (认知途径): how a customer heard of the office. */
#pragma once

#include "sr-context.h"

G_BEGIN_DECLS

#define SR_TYPE_MEDIA_SOURCE (sr_media_source_get_type ())
G_DECLARE_FINAL_TYPE (SrMediaSource, sr_media_source, SR, MEDIA_SOURCE, GObject)

struct _SrMediaSource
{
  GObject parent_instance;

  gint64 id;
  int position;
  char *name;
  gboolean is_disabled;
};

gboolean   sr_media_insert_defaults (SrContext   *ctx,
                                     GError     **error);
GPtrArray *sr_media_list            (SrContext   *ctx,
                                     gboolean     include_disabled,
                                     GError     **error);
gint64     sr_media_add             (SrContext   *ctx,
                                     const char  *name,
                                     GError     **error);
gboolean   sr_media_rename          (SrContext   *ctx,
                                     gint64       media_id,
                                     const char  *name,
                                     GError     **error);
gboolean   sr_media_set_disabled    (SrContext   *ctx,
                                     gint64       media_id,
                                     gboolean     is_disabled,
                                     GError     **error);
gboolean   sr_media_move            (SrContext   *ctx,
                                     gint64       media_id,
                                     int          delta,
                                     GError     **error);

G_END_DECLS
