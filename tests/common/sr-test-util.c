#include "config.h"

#include <glib/gstdio.h>
#include <libpq-fe.h>
#include <locale.h>
#include <stdlib.h>
#include <unistd.h>

#include "sr-test-util.h"

/* Every folder a test makes is removed when the test program ends (not by a child it
 * forked: the folders are the parent's), so a run leaves nothing in /tmp. */
static GPtrArray *made_dirs;
static pid_t made_by;

static void
remove_made_dirs (void)
{
  if (made_dirs == NULL || getpid () != made_by)
    return;
  for (guint i = 0; i < made_dirs->len; i++)
    sr_test_remove_tree (g_ptr_array_index (made_dirs, i));
  g_clear_pointer (&made_dirs, g_ptr_array_unref);
}

char *
sr_test_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("salesroom-test-XXXXXX", &error);

  g_assert_no_error (error);
  if (made_dirs == NULL)
    {
      made_dirs = g_ptr_array_new_with_free_func (g_free);
      made_by = getpid ();
      atexit (remove_made_dirs);
    }
  g_ptr_array_add (made_dirs, g_strdup (dir));
  return dir;
}

void
sr_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_unlink (path);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        sr_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* The office server of the tests (SALESROOM_TEST_BACKEND=postgresql): the cluster that
 * build-aux/test started (SALESROOM_TEST_PG, its socket folder), or one this program
 * starts for itself and stops at its end. Each database made is dropped at the end. */
static char *cluster_dir;
static gboolean cluster_is_ours;
static GPtrArray *made_databases;

gboolean
sr_test_on_server (void)
{
  return g_strcmp0 (g_getenv ("SALESROOM_TEST_BACKEND"), "postgresql") == 0;
}

static PGconn *
connect_maintenance (void)
{
  g_autofree char *conninfo = g_strdup_printf ("host=%s user=postgres dbname=postgres", cluster_dir);
  PGconn *conn = PQconnectdb (conninfo);

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("the test server at %s: %s", cluster_dir, PQerrorMessage (conn));
  return conn;
}

static void
drop_made_databases (void)
{
  PGconn *conn;

  if (getpid () != made_by)
    return;
  if (made_databases != NULL && made_databases->len > 0)
    {
      conn = connect_maintenance ();
      for (guint i = 0; i < made_databases->len; i++)
        {
          g_autofree char *sql = g_strdup_printf ("DROP DATABASE IF EXISTS %s WITH (FORCE)",
                                                  (char *) made_databases->pdata[i]);
          PQclear (PQexec (conn, sql));
        }
      PQfinish (conn);
    }
  g_clear_pointer (&made_databases, g_ptr_array_unref);
  if (cluster_is_ours)
    {
      const char *argv[] = { g_getenv ("SALESROOM_PG_CLUSTER"), "stop", cluster_dir, NULL };
      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, NULL, NULL);
    }
}

static void
ensure_cluster (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *argv[4];
  int status = 0;

  if (cluster_dir != NULL)
    return;
  made_by = getpid ();
  if (g_getenv ("SALESROOM_TEST_PG") != NULL)
    cluster_dir = g_strdup (g_getenv ("SALESROOM_TEST_PG"));
  else
    {
      g_autofree char *tmp = g_dir_make_tmp ("salesroom-pg-XXXXXX", &error);
      g_assert_no_error (error);
      g_assert_nonnull (g_getenv ("SALESROOM_PG_CLUSTER"));
      argv[0] = g_getenv ("SALESROOM_PG_CLUSTER");
      argv[1] = "start";
      argv[2] = tmp;
      argv[3] = NULL;
      if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL,
                         &status, &error) || !g_spawn_check_wait_status (status, &error))
        g_error ("could not start a test server: %s", error->message);
      cluster_dir = g_steal_pointer (&tmp);
      cluster_is_ours = TRUE;
    }
  made_databases = g_ptr_array_new_with_free_func (g_free);
  atexit (drop_made_databases);
}

static void
server_run (const char *sql)
{
  PGconn *conn = connect_maintenance ();
  PGresult *result = PQexec (conn, sql);

  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    g_error ("%s: %s", sql, PQerrorMessage (conn));
  PQclear (result);
  PQfinish (conn);
}

static char *
server_uri (const char *name)
{
  return g_strdup_printf ("postgresql://postgres@/%s?host=%s", name, cluster_dir);
}

/* A new database on the test server: empty, or (@migrated) a copy of one that holds the
 * schema already, made once per program (migrating each anew would take most of the
 * time of the server's tests). */
static char *
server_database (gboolean migrated)
{
  static char *template_name;
  static int n;
  char *name;
  g_autofree char *sql = NULL;

  ensure_cluster ();
  if (migrated && template_name == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *uri = NULL;
      SrDb *db;

      template_name = g_strdup_printf ("sr_test_%d_schema", (int) getpid ());
      sql = g_strdup_printf ("CREATE DATABASE %s", template_name);
      server_run (sql);
      g_ptr_array_add (made_databases, g_strdup (template_name));
      uri = server_uri (template_name);
      db = sr_db_open (uri, SR_DB_OPEN_CREATE, &error);
      g_assert_no_error (error);
      g_object_unref (db);
      g_clear_pointer (&sql, g_free);
    }
  name = g_strdup_printf ("sr_test_%d_%d", (int) getpid (), ++n);
  sql = migrated ? g_strdup_printf ("CREATE DATABASE %s TEMPLATE %s", name, template_name)
                 : g_strdup_printf ("CREATE DATABASE %s", name);
  server_run (sql);
  /* Dropped before the template, which may not be dropped while copies are made of it. */
  g_ptr_array_insert (made_databases, 0, name);
  return server_uri (name);
}

char *
sr_test_new_server_database (void)
{
  return server_database (FALSE);
}

char *
sr_test_new_database (void)
{
  g_autofree char *dir = NULL;

  if (sr_test_on_server ())
    return server_database (FALSE);
  dir = sr_test_tmp_dir ();
  return g_build_filename (dir, "office.db", NULL);
}

SrContext *
sr_test_context_new (SrOfficeKind kind)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = sr_test_on_server () ? server_database (TRUE) : sr_test_new_database ();
  g_autoptr(SrDb) db = sr_db_open (path, SR_DB_OPEN_CREATE, &error);
  g_autoptr(SrClock) clock = sr_clock_new_fixed (sr_day_start_unix (SR_TEST_NOW_DAY) + 9 * 3600);
  g_autoptr(SrContext) ctx = NULL;
  g_autoptr(SrSession) session = NULL;

  g_assert_no_error (error);
  ctx = sr_context_new (db, clock);
  g_assert_cmpint (sr_office_create (ctx, "测试售楼处", kind, "admin", "管理员", "admin-pass",
                                     &error), >, 0);
  g_assert_no_error (error);
  session = sr_staff_sign_in (ctx, "admin", "admin-pass", &error);
  g_assert_no_error (error);
  sr_context_set_session (ctx, session);
  return g_steal_pointer (&ctx);
}

SrContext *
sr_test_context_open (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SrDb) db = sr_db_open (path, SR_DB_OPEN_EXISTING, &error);
  g_autoptr(SrSession) session = sr_session_new_command_line ();
  SrContext *ctx;

  if (db == NULL)
    g_error ("%s: %s", path, error->message);
  ctx = sr_context_new (db, NULL);
  sr_context_set_session (ctx, session);
  return ctx;
}

SrContext *
sr_test_context_as (SrContext  *admin_ctx,
                    const char *login,
                    SrRoles     roles)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SrContext) ctx = sr_context_new (sr_context_get_db (admin_ctx),
                                             sr_context_get_clock (admin_ctx));
  g_autoptr(SrSession) session = NULL;
  g_autoptr(SrStaffMember) existing = sr_staff_find (admin_ctx, 0, login, NULL);

  if (existing == NULL)
    {
      g_assert_cmpint (sr_staff_add (admin_ctx, login, login, roles, "password1", &error), >, 0);
      g_assert_no_error (error);
    }
  session = sr_staff_sign_in (ctx, login, "password1", &error);
  g_assert_no_error (error);
  sr_context_set_session (ctx, session);
  return g_steal_pointer (&ctx);
}

void
sr_test_context_finish (SrContext *ctx)
{
  g_autofree char *dir = NULL;

  if (sr_db_is_server (sr_context_get_db (ctx)))
    {
      g_object_unref (ctx);
      return;
    }
  dir = g_path_get_dirname (sr_db_get_path (sr_context_get_db (ctx)));
  g_object_unref (ctx);
  sr_test_remove_tree (dir);
}

gint64
sr_test_staff_id (SrContext *ctx)
{
  return sr_session_get_staff_id (sr_context_get_session (ctx));
}

void
sr_test_set_day (SrContext  *ctx,
                 const char *day,
                 int         hour)
{
  sr_clock_set_fixed (sr_context_get_clock (ctx), sr_day_start_unix (day) + hour * 3600);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

double
sr_test_percentile (GArray *ms,
                    double  p)
{
  if (ms->len == 0)
    return 0;
  g_array_sort (ms, compare_doubles);
  return g_array_index (ms, double, MIN ((guint) (p * ms->len), ms->len - 1));
}
