/* sr-window.h — the main window: first-run assistant, sign-in, and the pages of the
 * signed-in person's roles. */
#pragma once

#include <adwaita.h>

#include "core/sr-context.h"

G_BEGIN_DECLS

#define SR_TYPE_WINDOW (sr_window_get_type ())
G_DECLARE_FINAL_TYPE (SrWindow, sr_window, SR, WINDOW, AdwApplicationWindow)

/* @ctx NULL: the database could not be opened; @open_error says why. */
SrWindow *sr_window_new          (AdwApplication *app,
                                  SrContext      *ctx,
                                  const GError   *open_error);
/* Switches to a page by name ("admin", …); FALSE when it is not shown. */
gboolean  sr_window_show_page    (SrWindow       *self,
                                  const char     *name);
/* "error", "setup", "sign-in" or "main". */
const char *sr_window_get_visible_page (SrWindow *self);
/* What screenshots and tests use to sign in without typing. */
void      sr_window_sign_in_as   (SrWindow       *self,
                                  SrSession      *session);

/* A short message at the bottom of the window that holds @widget. */
/* The idle lock: after the office's minutes without a key, click or pointer move (setting
 * security.idle_lock_minutes, 10; 0 never), the window hides its data and asks for the
 * password; the same person finds everything as they left it. Windows opened over the
 * main one call sr_window_watch_activity so that work in them counts. */
void      sr_window_watch_activity (GtkWidget    *window);
void      sr_window_lock         (SrWindow       *self);
gboolean  sr_window_is_locked    (SrWindow       *self);
void      sr_toast               (GtkWidget      *widget,
                                  const char     *message);
void      sr_toast_error         (GtkWidget      *widget,
                                  const GError   *error);
/* A message with an Undo button for a minute; @undo runs when it is pressed. */
void      sr_toast_with_undo     (GtkWidget      *widget,
                                  const char     *message,
                                  GCallback       undo,
                                  gpointer        data,
                                  GDestroyNotify  destroy);

G_END_DECLS
