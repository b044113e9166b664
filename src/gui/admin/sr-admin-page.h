/* sr-admin-page.h — administration: staff, projects and units, media sources, pipeline
 * stages, the office and its backups; each section shown to the roles that may use it. */
#pragma once

#include <gtk/gtk.h>

#include "core/sr-context.h"
#include "core/sr-office.h"

G_BEGIN_DECLS

#define SR_TYPE_ADMIN_PAGE (sr_admin_page_get_type ())
G_DECLARE_FINAL_TYPE (SrAdminPage, sr_admin_page, SR, ADMIN_PAGE, GtkWidget)

gboolean   sr_admin_page_is_for        (SrSession    *session);
GtkWidget *sr_admin_page_new           (SrContext    *ctx,
                                        SrOfficeKind  kind);
gboolean   sr_admin_page_show_section  (SrAdminPage  *self,
                                        const char   *name);

G_END_DECLS
