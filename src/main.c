/* main.c — subcommands first (no display needed), else the window. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "cli/sr-cli.h"
#include "gui/sr-application.h"

static void
setup_gettext (void)
{
  g_autofree char *installed = g_build_filename (LOCALEDIR, "zh_CN", "LC_MESSAGES",
                                                 GETTEXT_PACKAGE ".mo", NULL);

  setlocale (LC_ALL, "");
  /* Run from the build tree, use the translations built there. */
  if (!g_file_test (installed, G_FILE_TEST_EXISTS) && g_file_test (BUILD_LOCALEDIR, G_FILE_TEST_IS_DIR))
    bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  else
    bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SrApplication) app = NULL;
  SrCliGlobal global = { 0 };
  int status = 0;
  char *app_argv[] = { argv[0], NULL };

  setup_gettext ();
  if (sr_cli_dispatch (argc, argv, &global, &status))
    {
      sr_cli_global_clear (&global);
      return status;
    }
  app = sr_application_new (global.db_path);
  sr_cli_global_clear (&global);
  return g_application_run (G_APPLICATION (app), 1, app_argv);
}
