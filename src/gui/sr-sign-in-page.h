/* sr-sign-in-page.h — name and password. Emits "signed-in" with the new SrSession, or
 * "cancelled" when switching person was abandoned. */
#pragma once

#include <gtk/gtk.h>

#include "core/sr-context.h"

G_BEGIN_DECLS

#define SR_TYPE_SIGN_IN_PAGE (sr_sign_in_page_get_type ())
G_DECLARE_FINAL_TYPE (SrSignInPage, sr_sign_in_page, SR, SIGN_IN_PAGE, GtkWidget)

void sr_sign_in_page_start (SrSignInPage *self,
                            SrContext    *ctx,
                            const char   *office_name,
                            const char   *login,
                            gboolean      can_cancel);

G_END_DECLS
