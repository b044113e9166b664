/* sr-cli.c — `salesroom SUBCOMMAND …`. Each subcommand is a thin caller of core. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "core/sr-audit.h"
#include "core/sr-context.h"
#include "core/sr-db.h"
#include "core/sr-demo.h"
#include "core/sr-error.h"
#include "core/sr-office.h"
#include "core/sr-price-list.h"
#include "core/sr-registers.h"
#include "core/sr-staff.h"
#include "registers/sr-register-file.h"
#include "core/sr-backups.h"
#include "core/sr-move.h"
#include "sr-cli.h"

void
sr_cli_print_usage (FILE *out)
{
  fprintf (out, "%s",
           _("Usage:\n"
             "  salesroom [--db PATH]                      open the window\n"
             "  salesroom demo --db PATH [--kind property|decoration|housekeeping]\n"
             "                 [--size small|large] [--seed N] [--today YYYY-MM-DD]\n"
             "  salesroom import units FILE.csv --project NAME [--dry-run]\n"
             "                                             bring in a price list (楼栋, 单元, 楼层, 房号,\n"
             "                                             户型, 建筑面积, 单价, 总价); all or nothing\n"
             "  salesroom export --list                    the registers (一览表) and their ids\n"
             "  salesroom export REGISTER -o FILE.xlsx|FILE.pdf [--from DATE] [--to DATE]\n"
             "                   [--consultant NAME] [--project NAME] [--building NAME]\n"
             "                                             a register to Excel or PDF; DATE is YYYY-MM-DD\n"
             "  salesroom backup -o FILE                   copy the database, also while it is in use\n"
             "  salesroom restore FILE                     put a backup in place of the database (close\n"
             "                                             Salesroom first); the database before is kept\n"
             "                                             as PATH.before-restore\n"
             "  salesroom migrate --from FILE.db --to postgresql://…\n"
             "                                             move the office to the office server: all of it,\n"
             "                                             in one transaction, then counted and checked;\n"
             "                                             the server's database must be empty\n"
             "  salesroom grant ROLE                       on the office server: let the PCs' role ROLE\n"
             "                                             work with the office's rows (run as the owner)\n"
             "  salesroom --version\n"
             "\n"
             "Every subcommand also takes --db PATH (or the SALESROOM_DB variable) and\n"
             "--user NAME (password from SALESROOM_PASSWORD or asked for). Without --user a\n"
             "subcommand acts as “command line (OS user …)” with administrator rights.\n"
             "Subcommands other than demo never create a database.\n"
             "Exit status: 0 done, 1 refused or failed, 2 the command line is wrong.\n"));
}

void
sr_cli_global_clear (SrCliGlobal *global)
{
  g_clear_pointer (&global->db_path, g_free);
  g_clear_pointer (&global->user, g_free);
}

static int
usage_error (const char *message)
{
  if (message != NULL)
    fprintf (stderr, "salesroom: %s\n\n", message);
  sr_cli_print_usage (stderr);
  return SR_EXIT_USAGE;
}

static int
fail (GError *error)
{
  fprintf (stderr, "salesroom: %s\n", error->message);
  return SR_EXIT_FAILED;
}

/* The password for --user: SALESROOM_PASSWORD, else asked on the terminal. */
static char *
read_password (const char *user)
{
  const char *env = g_getenv ("SALESROOM_PASSWORD");
  struct termios old, quiet;
  char buf[256];
  FILE *tty;
  gboolean ok;

  if (env != NULL)
    return g_strdup (env);
  tty = fopen ("/dev/tty", "r+");
  if (tty == NULL)
    return NULL;
  fprintf (tty, _("Password for %s: "), user);
  fflush (tty);
  tcgetattr (fileno (tty), &old);
  quiet = old;
  quiet.c_lflag &= ~(tcflag_t) ECHO;
  tcsetattr (fileno (tty), TCSAFLUSH, &quiet);
  ok = fgets (buf, sizeof buf, tty) != NULL;
  tcsetattr (fileno (tty), TCSAFLUSH, &old);
  fprintf (tty, "\n");
  fclose (tty);
  if (!ok)
    return NULL;
  buf[strcspn (buf, "\r\n")] = '\0';
  return g_strdup (buf);
}

/* Opens the database the subcommand works on and signs in as --user, or as the
 * command line. */
/* --db, else the default database in the user data folder. */
static char *
database_path (SrCliGlobal *global)
{
  return global->db_path != NULL ? g_strdup (global->db_path) : sr_db_default_path ();
}

static SrContext *
open_context (SrCliGlobal    *global,
              SrDbOpenFlags   flags,
              GError        **error)
{
  g_autofree char *path = database_path (global);
  g_autoptr(SrDb) db = sr_db_open (path, flags, error);
  g_autoptr(SrContext) ctx = NULL;
  g_autoptr(SrSession) session = NULL;

  if (db == NULL)
    return NULL;
  ctx = sr_context_new (db, NULL);
  if (global->user != NULL)
    {
      g_autofree char *password = read_password (global->user);
      if (password == NULL)
        {
          g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED,
                       _("No password for %s: set SALESROOM_PASSWORD or run on a terminal."),
                       global->user);
          return NULL;
        }
      session = sr_staff_sign_in (ctx, global->user, password, error);
      if (session == NULL)
        return NULL;
    }
  else
    session = sr_session_new_command_line ();
  sr_context_set_session (ctx, session);
  return g_steal_pointer (&ctx);
}

/* demo --------------------------------------------------------------------------- */

static int
run_demo (SrCliGlobal  *global,
          char        **argv)
{
  g_autofree char *kind = NULL;
  g_autofree char *size = NULL;
  g_autofree char *today = NULL;
  gint64 seed = 1;
  GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind, N_("property, decoration or housekeeping"), "KIND" },
    { "size", 0, 0, G_OPTION_ARG_STRING, &size, N_("small or large"), "SIZE" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, N_("the same seed gives the same office"), "N" },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today, N_("the demo’s today"), "YYYY-MM-DD" },
    { NULL }
  };
  g_autoptr(GOptionContext) options = g_option_context_new ("demo");
  g_autoptr(GError) error = NULL;
  g_autoptr(SrContext) ctx = NULL;
  SrDemoOptions demo = { SR_OFFICE_PROPERTY, SR_DEMO_SMALL, 1, NULL };
  SrDemoCounts counts = { 0 };
  gint64 started;
  GDate date;

  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (options, FALSE);
  if (!g_option_context_parse_strv (options, &argv, &error))
    return usage_error (error->message);
  if (g_strv_length (argv) > 1)
    return usage_error (_("demo takes no other arguments."));
  if (global->db_path == NULL)
    return usage_error (_("demo needs --db PATH: the file to create."));
  if (kind != NULL && !sr_office_kind_from_code (kind, &demo.kind))
    return usage_error (_("--kind is property, decoration or housekeeping."));
  if (size != NULL && g_strcmp0 (size, "small") != 0 && g_strcmp0 (size, "large") != 0)
    return usage_error (_("--size is small or large."));
  if (today != NULL && !sr_day_parse (today, &date))
    return usage_error (_("--today is a date: YYYY-MM-DD."));
  if (seed < 0 || seed > G_MAXUINT32)
    return usage_error (_("--seed is a number from 0 to 4294967295."));
  demo.size = g_strcmp0 (size, "large") == 0 ? SR_DEMO_LARGE : SR_DEMO_SMALL;
  demo.seed = (guint32) seed;
  demo.today = today;

  started = g_get_monotonic_time ();
  ctx = open_context (global, SR_DB_OPEN_CREATE, &error);
  if (ctx == NULL)
    return fail (error);
  if (today != NULL)
    sr_clock_set_fixed (sr_context_get_clock (ctx), sr_day_start_unix (today) + 9 * 3600);
  if (!sr_demo_generate (ctx, &demo, &counts, &error))
    return fail (error);
  printf (_("Demo office written to %s: %u staff, %u buildings, %u units, %u customers "
            "(%.1f s). Every account’s password is “%s”.\n"),
          global->db_path, counts.n_staff, counts.n_buildings, counts.n_units,
          counts.n_customers, (g_get_monotonic_time () - started) / 1e6, SR_DEMO_PASSWORD);
  return SR_EXIT_OK;
}

/* backup ---------------------------------------------------------------------------- */

static int
run_backup (SrCliGlobal  *global,
            char        **argv)
{
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("the backup file to write"), "FILE" },
    { NULL }
  };
  g_autoptr(GOptionContext) options = g_option_context_new ("backup");
  g_autoptr(GError) error = NULL;
  g_autoptr(SrContext) ctx = NULL;

  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (options, FALSE);
  if (!g_option_context_parse_strv (options, &argv, &error))
    return usage_error (error->message);
  if (g_strv_length (argv) > 1)
    return usage_error (_("backup takes no other arguments."));
  if (output == NULL)
    return usage_error (_("backup needs -o FILE."));

  ctx = open_context (global, SR_DB_OPEN_EXISTING, &error);
  if (ctx == NULL || !sr_office_backup (ctx, output, &error))
    return fail (error);
  printf (_("Backup written to %s.\n"), output);
  return SR_EXIT_OK;
}

/* restore --------------------------------------------------------------------------- */

static int
run_restore (SrCliGlobal  *global,
             char        **argv)
{
  g_autofree char *path = database_path (global);
  g_autofree char *kept = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strv_length (argv) != 2 || g_str_has_prefix (argv[1], "-"))
    return usage_error (_("restore takes one backup file."));
  /* Signed in as someone: they must be allowed to handle backups of this office. */
  if (global->user != NULL && sr_db_path_exists (path))
    {
      g_autoptr(SrContext) ctx = open_context (global, SR_DB_OPEN_EXISTING, &error);
      if (ctx == NULL || !sr_context_check (ctx, SR_ACTION_BACKUP, &error))
        return fail (error);
    }
  if (!sr_backups_restore (argv[1], path, &kept, &error))
    return fail (error);
  if (kept != NULL)
    printf (_("Restored %s into %s. The database before it is kept as %s.\n"), argv[1], path, kept);
  else
    printf (_("Restored %s into %s.\n"), argv[1], path);
  return SR_EXIT_OK;
}

/* migrate --------------------------------------------------------------------------- */

static void
print_moved (const char *table,
                guint       done,
                guint       total,
                gpointer    user_data)
{
  (void) user_data;
  fprintf (stderr, "\r%u/%u %-40s", done, total, table);
  if (done == total)
    fprintf (stderr, "\n");
}

static int
run_migrate (SrCliGlobal  *global,
             char        **argv)
{
  g_autofree char *from = NULL, *to = NULL;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_FILENAME, &from, N_("the office's database file"), "FILE.db" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("the office server's empty database"), "postgresql://…" },
    { NULL }
  };
  g_autoptr(GOptionContext) options = g_option_context_new ("migrate");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) moved = NULL;
  gint64 rows = 0;

  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (options, FALSE);
  if (!g_option_context_parse_strv (options, &argv, &error))
    return usage_error (error->message);
  if (g_strv_length (argv) > 1)
    return usage_error (_("migrate takes no other arguments."));
  if (from == NULL)
    from = g_strdup (global->db_path);
  if (from == NULL || to == NULL)
    return usage_error (_("migrate needs --from FILE.db and --to postgresql://…"));

  moved = sr_move_office (from, to, isatty (STDERR_FILENO) ? print_moved : NULL, NULL, &error);
  if (moved == NULL)
    return fail (error);
  /* The check, table by table: rows and sums on both sides. */
  printf ("%-28s %10s %18s %18s\n", _("table"), _("rows"), _("sum in the file"), _("sum on the server"));
  for (guint i = 0; i < moved->len; i++)
    {
      SrMovedTable *t = moved->pdata[i];
      printf ("%-28s %10" G_GINT64_FORMAT " %18s %18s\n", t->table, t->rows_to, t->sum_from, t->sum_to);
      rows += t->rows_to;
    }
  printf (_("Moved %u tables, %lld rows, from %s to the office server: every table "
            "counted and checked, all the same.\n"), moved->len, (long long) rows, from);
  return SR_EXIT_OK;
}

/* grant ----------------------------------------------------------------------------- */

static int
run_grant (SrCliGlobal  *global,
           char        **argv)
{
  g_autofree char *path = database_path (global);
  g_autoptr(GError) error = NULL;
  g_autoptr(SrDb) db = NULL;

  if (g_strv_length (argv) != 2 || g_str_has_prefix (argv[1], "-"))
    return usage_error (_("grant takes one role: the PCs' sign-in role on the office server."));
  db = sr_db_open (path, SR_DB_OPEN_EXISTING, &error);
  if (db == NULL || !sr_db_grant_office_role (db, argv[1], &error))
    return fail (error);
  printf (_("The role %s may now work with the office's rows on %s (not change the schema, "
            "nor rewrite the audit log).\n"), argv[1], sr_db_get_path (db));
  return SR_EXIT_OK;
}

/* import ---------------------------------------------------------------------------- */

static int
run_import (SrCliGlobal  *global,
            char        **argv)
{
  g_autofree char *project = NULL;
  gboolean dry_run = FALSE;
  GOptionEntry entries[] = {
    { "project", 0, 0, G_OPTION_ARG_STRING, &project, N_("the project (楼盘) the units belong to"), "NAME" },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("check and count, change nothing"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) options = g_option_context_new ("import");
  g_autoptr(GError) error = NULL;
  g_autoptr(SrContext) ctx = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SrPriceList) list = NULL;
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (options, FALSE);
  if (!g_option_context_parse_strv (options, &argv, &error))
    return usage_error (error->message);
  if (g_strv_length (argv) < 2 || g_strcmp0 (argv[1], "units") != 0)
    return usage_error (_("import what? Say: import units FILE.csv --project NAME."));
  if (g_strv_length (argv) != 3)
    return usage_error (_("import units takes one FILE.csv."));
  if (project == NULL)
    return usage_error (_("import units needs --project NAME."));

  if (!g_file_get_contents (argv[2], &contents, &len, &error))
    return fail (error);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
  list = sr_price_list_parse (bytes, &error);
  if (list == NULL)
    return fail (error);
  ctx = open_context (global, SR_DB_OPEN_EXISTING, &error);
  if (ctx == NULL || !sr_price_list_import (ctx, list, project, dry_run, &error))
    return fail (error);
  printf (dry_run ? _("Would import into %s%s: %u new units (%u new buildings), %u price changes, %u unchanged. Nothing was changed.\n")
                  : _("Imported into %s%s: %u new units (%u new buildings), %u price changes, %u unchanged.\n"),
          project, list->is_new_project ? _(" (a new project)") : "", list->n_new, list->n_new_buildings,
          list->n_changed, list->n_unchanged);
  return SR_EXIT_OK;
}

/* export --------------------------------------------------------------------------- */

/* The id of the one row @sql finds for @name, or an error naming @what. */
static gboolean
find_one (SrContext   *ctx,
          const char  *sql,
          const char  *name,
          const char  *what,
          gint64      *out_id,
          GError     **error)
{
  if (!sr_db_get_int (sr_context_get_db (ctx), out_id, error, sql, "t", name))
    return FALSE;
  if (*out_id == 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_NOT_FOUND, _("No %s called “%s”."), what, name);
      return FALSE;
    }
  return TRUE;
}

static void
print_progress (guint    rows,
                gpointer data)
{
  if (isatty (fileno (stderr)))
    {
      fputc ('\r', stderr);
      fprintf (stderr, _("%u rows…"), rows);
    }
}

static int
run_export (SrCliGlobal  *global,
            char        **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *consultant = NULL;
  g_autofree char *project = NULL;
  g_autofree char *building = NULL;
  gboolean list = FALSE;
  SrRegisterFilter filter = { 0 };
  GOptionEntry entries[] = {
    { "list", 0, 0, G_OPTION_ARG_NONE, &list, N_("list the registers"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("the file to write, .xlsx or .pdf"), "FILE" },
    { "from", 0, 0, G_OPTION_ARG_STRING, &filter.from_day, N_("the first day (a list over days)"), "DATE" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &filter.to_day, N_("the last day, or the day of a state"), "DATE" },
    { "consultant", 0, 0, G_OPTION_ARG_STRING, &consultant, N_("one consultant’s customers (name or sign-in name)"), "NAME" },
    { "project", 0, 0, G_OPTION_ARG_STRING, &project, N_("one project"), "NAME" },
    { "building", 0, 0, G_OPTION_ARG_STRING, &building, N_("one building"), "NAME" },
    { NULL }
  };
  g_autoptr(GOptionContext) options = g_option_context_new ("export");
  g_autoptr(GError) error = NULL;
  g_autoptr(SrContext) ctx = NULL;
  const SrRegister *reg;
  g_autoptr(GTimer) timer = g_timer_new ();
  guint rows = 0;
  int status = SR_EXIT_FAILED;

  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (options, FALSE);
  if (!g_option_context_parse_strv (options, &argv, &error))
    return usage_error (error->message);
  if (list)
    {
      if (g_strv_length (argv) > 1)
        return usage_error (_("export --list takes nothing else."));
      for (guint i = 0; i < sr_registers_count (); i++)
        {
          const SrRegister *r = sr_registers_nth (i);
          printf ("%-20s %s — %s%s\n", sr_register_get_id (r), sr_register_get_title (r), sr_register_get_description (r),
                  sr_register_get_kind (r) == SR_REGISTER_AS_OF ? _(" (as of --to)") : "");
        }
      status = SR_EXIT_OK;
      goto out;
    }
  if (g_strv_length (argv) != 2)
    {
      status = usage_error (_("export takes one REGISTER (export --list names them)."));
      goto out;
    }
  if (output == NULL)
    {
      status = usage_error (_("export needs -o FILE.xlsx or -o FILE.pdf."));
      goto out;
    }
  reg = sr_registers_find (argv[1]);
  if (reg == NULL)
    {
      fprintf (stderr, _("salesroom: there is no register “%s”; export --list names them.\n"), argv[1]);
      goto out;
    }
  ctx = open_context (global, SR_DB_OPEN_EXISTING, &error);
  if (ctx == NULL)
    {
      status = fail (error);
      goto out;
    }
  if ((consultant != NULL &&
       !find_one (ctx, "SELECT coalesce ((SELECT id FROM staff WHERE display_name = ?1 OR login = ?1 ORDER BY is_disabled, id "
                  "LIMIT 1), 0)", consultant, _("staff member"), &filter.consultant_id, &error)) ||
      (project != NULL &&
       !find_one (ctx, "SELECT coalesce ((SELECT id FROM projects WHERE name = ?1), 0)", project, _("project"),
                  &filter.project_id, &error)) ||
      (building != NULL &&
       !find_one (ctx, "SELECT coalesce ((SELECT id FROM buildings WHERE name = ?1 ORDER BY id LIMIT 1), 0)", building,
                  _("building"), &filter.building_id, &error)) ||
      !sr_register_filter_check (reg, ctx, &filter, &error) ||
      !sr_register_export (ctx, reg, &filter, output, print_progress, NULL, NULL, &rows, &error))
    {
      if (isatty (fileno (stderr)))
        fprintf (stderr, "\r");
      status = fail (error);
      goto out;
    }
  if (isatty (fileno (stderr)))
    fprintf (stderr, "\r");
  printf (_("Wrote %s: %s, %u rows (%.1f s).\n"), output, sr_register_get_title (reg), rows, g_timer_elapsed (timer, NULL));
  status = SR_EXIT_OK;

out:
  sr_register_filter_clear (&filter);
  return status;
}

/* dispatch --------------------------------------------------------------------------- */

typedef int (*SubcommandFunc) (SrCliGlobal *global, char **argv);

static const struct {
  const char *name;
  SubcommandFunc func;
} subcommands[] = {
  { "demo", run_demo },
  { "backup", run_backup },
  { "restore", run_restore },
  { "import", run_import },
  { "export", run_export },
  { "migrate", run_migrate },
  { "grant", run_grant },
};

/* Takes --db, --user, --version, --help (anywhere) out of @argv; the rest, in order,
 * goes to *out_rest. */
static gboolean
take_global_options (int            argc,
                     char         **argv,
                     SrCliGlobal   *global,
                     GStrv         *out_rest,
                     GError       **error)
{
  g_autoptr(GStrvBuilder) rest = g_strv_builder_new ();

  g_strv_builder_add (rest, argv[0]);
  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];
      char **target = NULL;
      const char *name = NULL;

      if (g_strcmp0 (arg, "--version") == 0)
        {
          global->version = TRUE;
          continue;
        }
      if (g_strcmp0 (arg, "--help") == 0 || g_strcmp0 (arg, "-h") == 0)
        {
          global->help = TRUE;
          continue;
        }
      if (g_strcmp0 (arg, "--db") == 0 || g_str_has_prefix (arg, "--db="))
        {
          target = &global->db_path;
          name = "--db";
        }
      else if (g_strcmp0 (arg, "--user") == 0 || g_str_has_prefix (arg, "--user="))
        {
          target = &global->user;
          name = "--user";
        }

      if (target != NULL)
        {
          const char *value = NULL;
          gsize len = strlen (name);

          if (arg[len] == '=')
            value = arg + len + 1;
          else if (i + 1 < argc)
            value = argv[++i];
          if (value == NULL || *value == '\0')
            {
              g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("%s needs a value."), name);
              return FALSE;
            }
          g_free (*target);
          *target = g_strdup (value);
          continue;
        }
      g_strv_builder_add (rest, arg);
    }
  *out_rest = g_strv_builder_end (rest);
  return TRUE;
}

gboolean
sr_cli_dispatch (int           argc,
                 char        **argv,
                 SrCliGlobal  *global,
                 int          *out_status)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  guint n;

  if (!take_global_options (argc, argv, global, &args, &error))
    {
      *out_status = usage_error (error->message);
      return TRUE;
    }
  if (global->db_path == NULL && g_getenv ("SALESROOM_DB") != NULL && *g_getenv ("SALESROOM_DB"))
    global->db_path = g_strdup (g_getenv ("SALESROOM_DB"));

  if (global->version)
    {
      printf ("salesroom %s\n", PACKAGE_VERSION);
      *out_status = SR_EXIT_OK;
      return TRUE;
    }
  if (global->help)
    {
      sr_cli_print_usage (stdout);
      *out_status = SR_EXIT_OK;
      return TRUE;
    }
  n = g_strv_length (args);
  if (n < 2)
    return FALSE; /* open the window */

  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    if (g_strcmp0 (args[1], subcommands[i].name) == 0)
      {
        /* The subcommand sees its own name as argv[0]. */
        *out_status = subcommands[i].func (global, args + 1);
        return TRUE;
      }

  {
    g_autofree char *message = g_strdup_printf (_("“%s” is not a subcommand."), args[1]);
    *out_status = usage_error (message);
  }
  return TRUE;
}
