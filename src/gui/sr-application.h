/* sr-application.h — the single-instance application: a second start raises the window. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SR_TYPE_APPLICATION (sr_application_get_type ())
G_DECLARE_FINAL_TYPE (SrApplication, sr_application, SR, APPLICATION, AdwApplication)

/* @db_path NULL: the default database in the user data folder. */
SrApplication *sr_application_new (const char *db_path);
/* Closes the windows, puts @backup_path in place of the database at @db_path (keeping
 * the one before), and opens a window again, telling what happened. */
void           sr_application_restore (SrApplication *self,
                                       const char    *db_path,
                                       const char    *backup_path);

G_END_DECLS
