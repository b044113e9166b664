/* sr-setup-page.h — the first-run assistant: office name, kind (stage preset), first
 * administrator; or a sample office. Emits "done" with the administrator's sign-in name. */
#pragma once

#include <gtk/gtk.h>

#include "core/sr-context.h"

G_BEGIN_DECLS

#define SR_TYPE_SETUP_PAGE (sr_setup_page_get_type ())
G_DECLARE_FINAL_TYPE (SrSetupPage, sr_setup_page, SR, SETUP_PAGE, GtkWidget)

void sr_setup_page_set_context (SrSetupPage *self,
                                SrContext   *ctx);

G_END_DECLS
