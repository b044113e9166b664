/* sr-application.h — the single-instance application: a second start raises the window. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SR_TYPE_APPLICATION (sr_application_get_type ())
G_DECLARE_FINAL_TYPE (SrApplication, sr_application, SR, APPLICATION, AdwApplication)

/* @db_path NULL: where the settings say (key "database"), else the default database in
 * the user data folder. A server's password comes from the desktop keyring. */
SrApplication *sr_application_new (const char *db_path);
/* Closes the windows and opens one again on @address (a file, or an office server with
 * @password, NULL: the keyring's; @address NULL: where the settings say), showing
 * @message. */
void           sr_application_use_database (SrApplication *self,
                                            const char    *address,
                                            const char    *password,
                                            const char    *message);
/* Closes the windows, puts @backup_path in place of the database at @db_path (keeping
 * the one before), and opens a window again, telling what happened. */
void           sr_application_restore (SrApplication *self,
                                       const char    *db_path,
                                       const char    *backup_path);

G_END_DECLS
