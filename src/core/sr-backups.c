/* sr-backups.c — see sr-backups.h. */
#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "sr-audit.h"
#include "sr-backups.h"
#include "sr-db.h"
#include "sr-error.h"
#include "sr-office.h"

#define PREFIX "salesroom-"

void
sr_backup_file_free (SrBackupFile *file)
{
  if (file == NULL)
    return;
  g_free (file->path);
  g_free (file->name);
  g_free (file);
}

void
sr_backup_status_clear (SrBackupStatus *status)
{
  g_clear_pointer (&status->dir, g_free);
  g_clear_pointer (&status->second_place, g_free);
  g_clear_pointer (&status->last_file, g_free);
  g_clear_pointer (&status->last_error, g_free);
  g_clear_pointer (&status->second_error, g_free);
}

char *
sr_backups_dir (const char *db_path)
{
  g_autofree char *dir = NULL;

  /* An office server's copies are kept on this PC, in its data folder, one folder per
   * server database (named after its address, without the password). */
  if (sr_db_is_server_address (db_path))
    {
      g_autofree char *address = sr_db_uri_without_password (db_path);
      g_autofree char *name = g_strdup (strstr (address, "://") + 3);
      g_strdelimit (name, "/\\:?&=@ ", '_');
      return g_build_filename (g_get_user_data_dir (), "salesroom", "server-backups", name, NULL);
    }
  dir = g_path_get_dirname (db_path);
  return g_build_filename (dir, "backups", NULL);
}

/* A file's copies are SQLite files; a server's, pg_dump's archives. */
static gboolean
is_backup_name (const char *name)
{
  return g_str_has_prefix (name, PREFIX) && (g_str_has_suffix (name, ".db") || g_str_has_suffix (name, ".dump"));
}

static char *
setting (SrContext  *ctx,
         const char *key)
{
  char *v = sr_settings_get (ctx, key, NULL);
  if (v != NULL && *v == '\0')
    g_clear_pointer (&v, g_free);
  return v;
}

gboolean
sr_backups_status (SrContext       *ctx,
                   SrBackupStatus  *out,
                   GError         **error)
{
  memset (out, 0, sizeof *out);
  out->dir = sr_backups_dir (sr_db_get_path (sr_context_get_db (ctx)));
  out->keep = (guint) CLAMP (sr_settings_get_int (ctx, "backup.keep", SR_BACKUPS_KEEP_DEFAULT), 1, 365);
  out->second_place = setting (ctx, "backup.second_place");
  out->last_at = sr_settings_get_int (ctx, "backup.last_at", 0);
  out->last_file = setting (ctx, "backup.last_file");
  out->last_size = sr_settings_get_int (ctx, "backup.last_size", 0);
  out->last_error = setting (ctx, "backup.last_error");
  out->second_at = sr_settings_get_int (ctx, "backup.second_at", 0);
  out->second_error = setting (ctx, "backup.second_error");
  return TRUE;
}

char *
sr_backups_warning (const SrBackupStatus *status,
                    gint64                now)
{
  GString *s = g_string_new (NULL);

  if (status->last_error != NULL)
    g_string_append_printf (s, _("The last backup failed: %s "), status->last_error);
  else if (status->last_at == 0)
    g_string_append (s, _("No backup has been made yet. "));
  else if (now - status->last_at > 2 * 86400)
    g_string_append_printf (s, _("The newest backup is %d days old. "), (int) ((now - status->last_at) / 86400));
  if (status->second_place != NULL && status->second_error != NULL)
    g_string_append_printf (s, _("The copy to the second place failed: %s "), status->second_error);
  if (s->len == 0)
    {
      g_string_free (s, TRUE);
      return NULL;
    }
  g_strchomp (s->str);
  return g_string_free (s, FALSE);
}

static gint
newest_first (gconstpointer a,
              gconstpointer b)
{
  const SrBackupFile *x = *(SrBackupFile **) a, *y = *(SrBackupFile **) b;
  if (x->modified != y->modified)
    return x->modified > y->modified ? -1 : 1;
  return -g_strcmp0 (x->name, y->name);
}

GPtrArray *
sr_backups_list (const char  *dir,
                 GError     **error)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func ((GDestroyNotify) sr_backup_file_free);
  g_autoptr(GDir) d = NULL;
  const char *name;

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    return g_steal_pointer (&files);
  d = g_dir_open (dir, 0, error);
  if (d == NULL)
    return NULL;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      GStatBuf st;
      g_autofree char *path = NULL;
      SrBackupFile *f;

      if (!is_backup_name (name))
        continue;
      path = g_build_filename (dir, name, NULL);
      if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
        continue;
      f = g_new0 (SrBackupFile, 1);
      f->path = g_steal_pointer (&path);
      f->name = g_strdup (name);
      f->size = st.st_size;
      f->modified = st.st_mtime;
      g_ptr_array_add (files, f);
    }
  g_ptr_array_sort (files, newest_first);
  return g_steal_pointer (&files);
}

/* Keeps the newest @keep copies in @dir. */
static void
prune (const char *dir,
       guint       keep)
{
  g_autoptr(GPtrArray) files = sr_backups_list (dir, NULL);
  for (guint i = keep; files != NULL && i < files->len; i++)
    g_unlink (((SrBackupFile *) files->pdata[i])->path);
}

/* Settings written by Salesroom itself (no person's permission), the @n of them in one
 * transaction; a NULL value removes the key. */
static gboolean
record (SrContext   *ctx,
        const char **keys,
        const char **values,
        guint        n,
        GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);

  if (!sr_db_begin (db, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      gboolean ok = values[i] != NULL
        ? sr_db_run (db, error, "INSERT INTO settings (key, value) VALUES (?1, ?2) "
                     "ON CONFLICT (key) DO UPDATE SET value = excluded.value", "tt", keys[i], values[i])
        : sr_db_run (db, error, "DELETE FROM settings WHERE key = ?1", "t", keys[i]);
      if (!ok)
        {
          sr_db_rollback (db);
          return FALSE;
        }
    }
  return sr_db_commit (db, error);
}

gboolean
sr_backups_configure (SrContext   *ctx,
                      guint        keep,
                      const char  *second_place,
                      GError     **error)
{
  g_autofree char *keep_text = g_strdup_printf ("%u", keep);
  g_autofree char *place = second_place != NULL ? g_strstrip (g_strdup (second_place)) : g_strdup ("");

  if (!sr_context_check (ctx, SR_ACTION_BACKUP, error))
    return FALSE;
  if (keep < 1 || keep > 365)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                   _("Keep between 1 and 365 daily backups."));
      return FALSE;
    }
  if (*place != '\0' && !g_path_is_absolute (place))
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                   _("The second place must be a whole folder path, such as /media/usb/backups."));
      return FALSE;
    }
  if (*place != '\0' && !g_file_test (place, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                   _("The folder %s does not exist. Plug in the disk or create the folder first."), place);
      return FALSE;
    }
  return sr_settings_set (ctx, "backup.keep", keep_text, error) &&
         sr_settings_set (ctx, "backup.second_place", place, error);
}

/* Copies @src to @dir (temporary name, then renamed into place) and keeps @keep there. */
static gboolean
copy_to_second_place (const char  *src,
                      const char  *dir,
                      guint        keep,
                      GError     **error)
{
  g_autofree char *base = g_path_get_basename (src);
  g_autofree char *dest = g_build_filename (dir, base, NULL);
  g_autofree char *partial = g_strconcat (dest, ".partial", NULL);
  g_autoptr(GFile) from = g_file_new_for_path (src);
  g_autoptr(GFile) to = g_file_new_for_path (partial);
  g_autoptr(GError) local = NULL;

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, SR_STORE_ERROR, SR_STORE_ERROR_NOT_FOUND,
                   _("%s cannot be reached (is the disk plugged in?)."), dir);
      return FALSE;
    }
  if (!g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &local))
    {
      g_set_error (error, SR_STORE_ERROR, SR_STORE_ERROR_IO, _("%s could not be written: %s"), dir, local->message);
      g_unlink (partial);
      return FALSE;
    }
  g_chmod (partial, 0600);
  if (g_rename (partial, dest) != 0)
    {
      g_set_error (error, SR_STORE_ERROR, SR_STORE_ERROR_IO, _("%s could not be written: %s"), dir, g_strerror (errno));
      g_unlink (partial);
      return FALSE;
    }
  prune (dir, keep);
  return TRUE;
}

gboolean
sr_backups_run_daily (SrContext  *ctx,
                      gboolean    force,
                      gboolean   *out_made,
                      GError    **error)
{
  g_auto(SrBackupStatus) status = { 0 };
  g_autofree char *today = sr_clock_today (sr_context_get_clock (ctx));
  g_autofree char *name = NULL, *path = NULL, *now_text = NULL, *size_text = NULL;
  g_autoptr(GError) second = NULL;
  gint64 now = sr_context_now (ctx);
  const char *ext;
  GStatBuf st;

  if (out_made != NULL)
    *out_made = FALSE;
  if (!sr_backups_status (ctx, &status, error))
    return FALSE;
  ext = sr_db_is_server (sr_context_get_db (ctx)) ? ".dump" : ".db";
  name = g_strdup_printf (PREFIX "%s%s", today, ext);
  path = g_build_filename (status.dir, name, NULL);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GDateTime) t = NULL;
      g_autofree char *stamp = NULL;
      if (!force)
        return TRUE;          /* today's copy is there */
      t = g_date_time_new_from_unix_local (now);
      stamp = g_date_time_format (t, "%H%M%S");
      g_free (name);
      g_free (path);
      name = g_strdup_printf (PREFIX "%s-%s%s", today, stamp, ext);
      path = g_build_filename (status.dir, name, NULL);
    }
  if (g_mkdir_with_parents (status.dir, 0700) != 0)
    {
      g_set_error (error, SR_STORE_ERROR, SR_STORE_ERROR_READ_ONLY,
                   _("The folder %s cannot be created: %s"), status.dir, g_strerror (errno));
      goto failed;
    }
  /* The day's copy is Salesroom's own; one asked for now is the person's. */
  if (!(force && sr_context_get_session (ctx) != NULL ? sr_office_backup (ctx, path, error)
                                                      : sr_office_backup_automatic (ctx, path, error)))
    goto failed;

  prune (status.dir, status.keep);
  if (status.second_place != NULL)
    copy_to_second_place (path, status.second_place, status.keep, &second);
  now_text = g_strdup_printf ("%" G_GINT64_FORMAT, now);
  size_text = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) (g_stat (path, &st) == 0 ? st.st_size : 0));
  {
    const char *keys[6] = { "backup.last_at", "backup.last_file", "backup.last_size", "backup.last_error" };
    const char *values[6] = { now_text, path, size_text, NULL };
    guint n = 4;
    /* The second place: the time of its last good copy, or why this one failed. */
    if (second != NULL)
      {
        keys[n] = "backup.second_error";
        values[n++] = second->message;
      }
    else if (status.second_place != NULL)
      {
        keys[n] = "backup.second_at";
        values[n++] = now_text;
        keys[n] = "backup.second_error";
        values[n++] = NULL;
      }
    if (!record (ctx, keys, values, n, error))
      return FALSE;
  }
  if (out_made != NULL)
    *out_made = TRUE;
  return TRUE;

failed:
  g_unlink (path);
  {
    const char *keys[] = { "backup.last_error" };
    const char *values[] = { error != NULL && *error != NULL ? (*error)->message : _("unknown error") };
    record (ctx, keys, values, 1, NULL);
  }
  return FALSE;
}

/* Says at the end of the message that the database was left as it was. */
static void
nothing_restored (GError **error)
{
  if (error != NULL && *error != NULL)
    {
      char *message = g_strdup_printf (_("%s Nothing was restored."), (*error)->message);
      g_free ((*error)->message);
      (*error)->message = message;
    }
}

/* @db_path.before-restore, or -2, -3, … when taken. */
static char *
kept_name (const char *db_path)
{
  char *name = g_strconcat (db_path, ".before-restore", NULL);
  for (int i = 2; g_file_test (name, G_FILE_TEST_EXISTS); i++)
    {
      g_free (name);
      name = g_strdup_printf ("%s.before-restore-%d", db_path, i);
    }
  return name;
}

/* Moves @from (with its -wal; its -shm is rebuilt) to @to. */
static gboolean
move_database (const char  *from,
               const char  *to,
               GError     **error)
{
  g_autofree char *from_wal = g_strconcat (from, "-wal", NULL);
  g_autofree char *to_wal = g_strconcat (to, "-wal", NULL);
  g_autofree char *from_shm = g_strconcat (from, "-shm", NULL);

  if (g_rename (from, to) != 0)
    {
      g_set_error (error, SR_STORE_ERROR, SR_STORE_ERROR_IO, _("%s could not be moved to %s: %s"),
                   from, to, g_strerror (errno));
      return FALSE;
    }
  if (g_file_test (from_wal, G_FILE_TEST_EXISTS))
    g_rename (from_wal, to_wal);
  g_unlink (from_shm);
  return TRUE;
}

gboolean
sr_backups_restore (const char  *backup_path,
                    const char  *db_path,
                    char       **out_kept,
                    GError     **error)
{
  g_autofree char *restoring = g_strconcat (db_path, ".restoring", NULL);
  g_autofree char *kept = NULL;
  gint64 offices = 0;

  if (out_kept != NULL)
    *out_kept = NULL;
  /* An office server: its archive goes back in one transaction, the data before it kept
   * as an archive of its own. */
  if (sr_db_is_server_address (db_path))
    {
      g_autofree char *dir = sr_backups_dir (db_path);
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d-%H%M%S");
      g_autofree char *name = g_strdup_printf ("before-restore-%s.dump", stamp);
      g_autofree char *before = g_build_filename (dir, name, NULL);

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          g_set_error (error, SR_STORE_ERROR, SR_STORE_ERROR_READ_ONLY,
                       _("The folder %s cannot be created: %s"), dir, g_strerror (errno));
          return FALSE;
        }
      if (!sr_db_restore_server (db_path, backup_path, before, error))
        return FALSE;
      if (out_kept != NULL)
        *out_kept = g_steal_pointer (&before);
      return TRUE;
    }
  /* The file first: a Salesroom database, not newer, whole, with an office. */
  {
    g_autoptr(SrDb) backup = sr_db_open (backup_path, SR_DB_OPEN_READ_ONLY | SR_DB_OPEN_INSPECT, error);
    g_autoptr(SrStmt) check = NULL;
    if (backup == NULL)
      {
        nothing_restored (error);
        return FALSE;
      }
    check = sr_db_prepare (backup, "PRAGMA integrity_check", error);
    if (check == NULL || sr_stmt_step (check, error) != SR_STEP_ROW)
      {
        nothing_restored (error);
        return FALSE;
      }
    if (g_strcmp0 (sr_stmt_get_text (check, 0), "ok") != 0)
      {
        g_set_error (error, SR_STORE_ERROR, SR_STORE_ERROR_NOT_A_DATABASE,
                     _("%s is damaged (%s). Nothing was restored."), backup_path, sr_stmt_get_text (check, 0));
        return FALSE;
      }
    g_clear_pointer (&check, sr_stmt_done);
    if (!sr_db_get_int (backup, &offices, NULL, "SELECT count(*) FROM office", "") || offices == 0)
      {
        g_set_error (error, SR_STORE_ERROR, SR_STORE_ERROR_NOT_A_DATABASE,
                     _("%s holds no office: it is not a Salesroom backup. Nothing was restored."), backup_path);
        return FALSE;
      }
  }
  /* A copy beside the database, brought up to this version, with a line in its log. */
  {
    g_autoptr(GFile) from = g_file_new_for_path (backup_path);
    g_autoptr(GFile) to = g_file_new_for_path (restoring);
    g_autoptr(GError) local = NULL;
    g_autoptr(SrDb) copy = NULL;
    g_autoptr(SrContext) ctx = NULL;
    g_autoptr(SrJson) json = sr_json_new ();
    g_autofree char *after = NULL;
    g_autofree char *actor = g_strdup_printf ("restore (OS user %s)", g_get_user_name ());

    if (!g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &local))
      {
        g_set_error (error, SR_STORE_ERROR, SR_STORE_ERROR_IO, _("The backup could not be copied beside %s: %s. "
                                                                "Nothing was restored."), db_path, local->message);
        g_unlink (restoring);
        return FALSE;
      }
    g_chmod (restoring, 0600);
    copy = sr_db_open (restoring, SR_DB_OPEN_EXISTING, error);
    if (copy != NULL)
      {
        ctx = sr_context_new (copy, NULL);
        sr_json_add_text (json, "file", backup_path);
        after = sr_json_end (json);
      }
    if (copy == NULL || !sr_db_begin (copy, error) ||
        !sr_audit_write_as (ctx, 0, actor, "restore", "office", 1, NULL, after, error) ||
        !sr_db_commit (copy, error))
      {
        if (copy != NULL)
          sr_db_rollback (copy);
        g_clear_object (&ctx);
        g_clear_object (&copy);
        g_unlink (restoring);
        nothing_restored (error);
        return FALSE;
      }
  }
  /* The current database steps aside, kept whole; the copy takes its place. */
  if (g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      kept = kept_name (db_path);
      if (!move_database (db_path, kept, error))
        {
          g_unlink (restoring);
          return FALSE;
        }
    }
  if (!move_database (restoring, db_path, error))
    {
      if (kept != NULL)
        move_database (kept, db_path, NULL);
      return FALSE;
    }
  if (out_kept != NULL)
    *out_kept = g_steal_pointer (&kept);
  return TRUE;
}
