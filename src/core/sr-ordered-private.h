/* sr-ordered-private.h — what the short ordered lists of the office (pipeline stages,
 * media sources) share: a name, a position and a disabled flag, edited with one
 * permission, each change audited. @table is one of the fixed table names. */
#pragma once

#include "sr-context.h"

G_BEGIN_DECLS

gboolean sr_ordered_validate_name (const char  *name,
                                   GError     **error);
gint64   sr_ordered_add           (SrContext   *ctx,
                                   const char  *table,
                                   const char  *name,
                                   const char  *extra_column,
                                   const char  *extra_value,
                                   GError     **error);
gboolean sr_ordered_rename        (SrContext   *ctx,
                                   SrAction     action,
                                   const char  *table,
                                   gint64       id,
                                   const char  *name,
                                   GError     **error);
gboolean sr_ordered_move          (SrContext   *ctx,
                                   SrAction     action,
                                   const char  *table,
                                   gint64       id,
                                   int          delta,
                                   GError     **error);
gboolean sr_ordered_set_disabled  (SrContext   *ctx,
                                   SrAction     action,
                                   const char  *table,
                                   gint64       id,
                                   gboolean     is_disabled,
                                   GError     **error);

G_END_DECLS
