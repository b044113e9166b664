/* sr-cli.h — the subcommands (demo, backup, …). They need no display and are handled in
 * main() before any GApplication exists, so they never reach a running window. */
#pragma once

#include <glib.h>
#include <stdio.h>

G_BEGIN_DECLS

typedef struct {
  char *db_path;     /* --db or SALESROOM_DB; NULL: the default */
  char *user;        /* --user */
  gboolean version;  /* --version */
  gboolean help;
} SrCliGlobal;

/* Exit status of every subcommand (PRODUCT.md "Command line"). */
enum {
  SR_EXIT_OK = 0,
  SR_EXIT_FAILED = 1,
  SR_EXIT_USAGE = 2,
};

/* Returns TRUE and sets *out_status when argv names a subcommand or --version/--help;
 * FALSE when the window should open (then *out_global holds --db). */
gboolean sr_cli_dispatch   (int           argc,
                            char        **argv,
                            SrCliGlobal  *out_global,
                            int          *out_status);
void     sr_cli_global_clear (SrCliGlobal *global);
void     sr_cli_print_usage  (FILE        *out);

G_END_DECLS
