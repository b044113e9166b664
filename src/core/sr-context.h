/* sr-context.h — one object handed to every screen and core call: the store, who is
 * signed in, and the clock (as gnome-calendar's GcalContext). */
#pragma once

#include <glib-object.h>

#include "sr-clock.h"
#include "sr-db.h"
#include "sr-pinyin.h"
#include "sr-session.h"

G_BEGIN_DECLS

#define SR_TYPE_CONTEXT (sr_context_get_type ())
G_DECLARE_FINAL_TYPE (SrContext, sr_context, SR, CONTEXT, GObject)

SrContext *sr_context_new          (SrDb       *db,
                                    SrClock    *clock);
SrDb      *sr_context_get_db       (SrContext  *self);
SrClock   *sr_context_get_clock    (SrContext  *self);
SrSession *sr_context_get_session  (SrContext  *self);
void       sr_context_set_session  (SrContext  *self,
                                    SrSession  *session);
gint64     sr_context_now          (SrContext  *self);
/* The pinyin converter, made on first use; NULL with @error when ICU fails. */
SrPinyin  *sr_context_get_pinyin   (SrContext  *self,
                                    GError    **error);
gboolean   sr_context_check        (SrContext  *self,
                                    SrAction    action,
                                    GError    **error);

/* Signals "changed" with a table name after a core call committed a change, so every
 * screen showing that table can refresh. */
void       sr_context_emit_changed (SrContext  *self,
                                    const char *table);
/* Another program or PC may have written (PRAGMA data_version moved): signals "changed"
 * for every table the audit log names since the last poll (and the names the screens
 * listen to for them), then "audit_log". Cheap when nothing changed: call it every half
 * second. Returns how many names were signalled. The first call only takes note. */
guint      sr_context_poll_changes (SrContext  *self,
                                    GError    **error);
/* Before those "changed", "units-changed" and "customers-changed" name the units and the
 * customers another connection changed (a GArray of gint64 ids; not signalled when there
 * are too many to name), so the unit grid can redraw those cells alone and a list those
 * rows. A screen that did can skip "units" in the "changed" of
 * the same poll: sr_context_get_poll_serial() is that poll's number (never 0) while its
 * news is told, 0 at any other time (a change of this window's own). */
guint      sr_context_get_poll_serial (SrContext *self);

G_END_DECLS
