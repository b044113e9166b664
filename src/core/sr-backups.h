/* sr-backups.h — the daily copies of the database and putting one back.
 *
 * At the first start of each day Salesroom copies its database (SQLite's online backup,
 * so everyone keeps working) into a folder beside it, salesroom-YYYY-MM-DD.db, keeps the
 * newest N (setting backup.keep, 14), and copies the new one to a second place the office
 * chooses (another disk, a USB stick, a network folder: setting backup.second_place) so a
 * dead disk loses nothing. What happened is kept in settings for Admin to show, with a
 * warning when the last copy failed or is old.
 *
 * Restoring checks the file first (a Salesroom database, not newer than this program,
 * whole by integrity_check, holding an office), keeps the current database as
 * *.before-restore, and puts the copy in its place, brought up to this version.
 */
#pragma once

#include "sr-context.h"

G_BEGIN_DECLS

typedef struct {
  char *path;
  char *name;
  gint64 size;
  gint64 modified;        /* Unix time */
} SrBackupFile;

void        sr_backup_file_free      (SrBackupFile *file);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SrBackupFile, sr_backup_file_free)

typedef struct {
  char *dir;              /* where the daily copies go */
  guint keep;             /* how many are kept */
  char *second_place;     /* a folder elsewhere; NULL: none chosen */
  gint64 last_at;         /* when the newest daily copy was made; 0: never */
  char *last_file;
  gint64 last_size;
  char *last_error;       /* why the last daily copy failed; NULL: it worked */
  gint64 second_at;       /* when a copy last reached the second place; 0: never */
  char *second_error;     /* why the last copy there failed; NULL: it worked */
} SrBackupStatus;

void        sr_backup_status_clear   (SrBackupStatus *status);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SrBackupStatus, sr_backup_status_clear)

#define SR_BACKUPS_KEEP_DEFAULT 14

/* The folder of the daily copies of the database at @db_path: "backups" beside it. */
char       *sr_backups_dir           (const char      *db_path);
gboolean    sr_backups_status        (SrContext       *ctx,
                                      SrBackupStatus  *out,
                                      GError         **error);
/* What Admin should warn about (the last copy failed, or is more than two days old, or
 * did not reach the second place), in the person's language; NULL when all is well. */
char       *sr_backups_warning       (const SrBackupStatus *status,
                                      gint64           now);
/* The daily copies in @dir, newest first. */
GPtrArray  *sr_backups_list          (const char      *dir,
                                      GError         **error);
/* How many to keep and the second place (NULL or "" for none); checks SR_ACTION_BACKUP. */
gboolean    sr_backups_configure     (SrContext       *ctx,
                                      guint            keep,
                                      const char      *second_place,
                                      GError         **error);
/* Today's copy, when there is none yet (@force: another one now, as Back Up Now does);
 * @out_made says whether a copy was made. Failures are also kept for the warning. The
 * day's copy is Salesroom's own act (no permission checked, the audit log says it was
 * automatic); with @force and a signed-in person the copy is theirs: their right to back
 * up is checked and the log names them. */
gboolean    sr_backups_run_daily     (SrContext       *ctx,
                                      gboolean         force,
                                      gboolean        *out_made,
                                      GError         **error);
/* Puts the backup @backup_path in place of the database at @db_path (which may be
 * missing or damaged), keeping the current one as @db_path.before-restore (or -2, -3, …
 * when that exists); @out_kept gets its path (NULL when there was none). Nobody may be
 * using the database meanwhile. */
gboolean    sr_backups_restore       (const char      *backup_path,
                                      const char      *db_path,
                                      char           **out_kept,
                                      GError         **error);

G_END_DECLS
