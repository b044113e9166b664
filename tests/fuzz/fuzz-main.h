/* fuzz-main.h — the main of a fuzzing harness. Built with AFL++'s compiler (afl-cc, as
 * build-aux/fuzz does) it runs fuzz_one in AFL++'s persistent mode; built normally it runs
 * fuzz_one over every file named on the command line (or in the folders named), which is
 * how the test suite replays the corpus — seeds and every crash ever found — as
 * regression tests. Include it once, after defining fuzz_one. */
#pragma once

#include <glib.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static void fuzz_one (const guint8 *data, gsize len);

#ifdef __AFL_FUZZ_TESTCASE_LEN
__AFL_FUZZ_INIT ();

int
main (void)
{
  unsigned char *buf;
  setlocale (LC_ALL, "C.UTF-8");
  __AFL_INIT ();
  buf = __AFL_FUZZ_TESTCASE_BUF;
  while (__AFL_LOOP (10000))
    fuzz_one (buf, (gsize) __AFL_FUZZ_TESTCASE_LEN);
  return 0;
}
#else
static guint fuzz_files;

static void
fuzz_path (const char *path)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          fuzz_path (child);
        }
      return;
    }
  if (!g_file_get_contents (path, &data, &len, NULL))
    {
      fprintf (stderr, "cannot read %s\n", path);
      exit (2);
    }
  fuzz_one ((const guint8 *) data, len);
  fuzz_files++;
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  for (int i = 1; i < argc; i++)
    fuzz_path (argv[i]);
  printf ("%u inputs replayed, none failed\n", fuzz_files);
  return fuzz_files > 0 ? 0 : 1;
}
#endif
