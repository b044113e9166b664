/* bench-registers — every register exported from the large demo, to .xlsx, each in a
 * child process so its time and peak memory are its own; the largest also to PDF (pages
 * per second); and, for comparison, each of 50,000 rows or more by Python (sqlite3 +
 * xlsxwriter in constant-memory mode) running the same query and writing the same columns.
 *
 *   bench-registers LARGE.db [REGISTER…]
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "common/sr-test-util.h"
#include "core/sr-registers.h"
#include "registers/sr-register-file.h"

static const char *python_writer =
  "import sqlite3, sys, xlsxwriter, datetime, re\n"
  "db, sql, out, params, types = sys.argv[1], open(sys.argv[2]).read(), sys.argv[3], sys.argv[4].split('|'), sys.argv[5]\n"
  "conn = sqlite3.connect(db)\n"
  "args = [int(p) if p.lstrip('-').isdigit() else p for p in params]\n"
  "args = args[:max(int(n) for n in re.findall(r'\\?(\\d+)', sql))]\n"
  "wb = xlsxwriter.Workbook(out, {'constant_memory': True})\n"
  "ws = wb.add_worksheet('register')\n"
  "money = wb.add_format({'num_format': '¥#,##0.00', 'border': 1})\n"
  "date = wb.add_format({'num_format': 'yyyy-mm-dd', 'border': 1})\n"
  "text = wb.add_format({'border': 1})\n"
  "ws.write_row(3, 0, ['c%d' % i for i in range(len(types))], text)\n"
  "r = 4\n"
  "for row in conn.execute(sql, args):\n"
  "    for c, t in enumerate(types):\n"
  "        v = row[c + 1]\n"
  "        if v is None: ws.write_blank(r, c, None, text)\n"
  "        elif t == 'm': ws.write_number(r, c, v / 100.0, money)\n"
  "        elif t == 'd': ws.write_datetime(r, c, datetime.datetime.strptime(v, '%Y-%m-%d'), date)\n"
  "        elif t == 't': ws.write_datetime(r, c, datetime.datetime.fromtimestamp(v), date)\n"
  "        elif t == 'n': ws.write_number(r, c, v, text)\n"
  "        else: ws.write_string(r, c, str(v), text)\n"
  "    r += 1\n"
  "wb.close()\n";

typedef struct {
  double seconds;
  long max_rss_kb;
  guint rows;
} Measure;

/* Runs @func in a child process and measures it. */
static Measure
in_child (void   (*func) (gpointer data, int fd),
          gpointer data)
{
  Measure m = { 0 };
  int fds[2];
  gint64 start = g_get_monotonic_time ();
  struct rusage usage;
  int status;
  pid_t pid;

  g_assert_true (pipe (fds) == 0);
  pid = fork ();
  if (pid == 0)
    {
      close (fds[0]);
      func (data, fds[1]);
      _exit (0);
    }
  close (fds[1]);
  if (read (fds[0], &m.rows, sizeof m.rows) != sizeof m.rows)
    m.rows = 0;
  close (fds[0]);
  wait4 (pid, &status, 0, &usage);
  m.seconds = (g_get_monotonic_time () - start) / 1e6;
  m.max_rss_kb = usage.ru_maxrss;
  return m;
}

typedef struct {
  const char *db_path;
  const SrRegister *reg;
  const char *out;
  SrRegisterFilter *filter;
} Job;

static void
export_job (gpointer data,
            int      fd)
{
  Job *job = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SrDb) db = sr_db_open (job->db_path, SR_DB_OPEN_EXISTING, &error);
  g_autoptr(SrContext) ctx = sr_context_new (db, NULL);
  g_autoptr(SrSession) session = sr_session_new_command_line ();
  guint rows = 0;

  sr_context_set_session (ctx, session);
  if (!sr_register_export (ctx, job->reg, job->filter, job->out, NULL, NULL, NULL, &rows, &error))
    g_printerr ("%s: %s\n", sr_register_get_id (job->reg), error->message);
  if (write (fd, &rows, sizeof rows) != sizeof rows)
    _exit (1);
}

static void
query_job (gpointer data,
           int      fd)
{
  Job *job = data;
  g_autoptr(SrDb) db = sr_db_open (job->db_path, SR_DB_OPEN_EXISTING, NULL);
  g_autoptr(SrContext) ctx = sr_context_new (db, NULL);
  g_autoptr(SrSession) session = sr_session_new_command_line ();
  g_autoptr(SrRegisterCursor) cursor = NULL;
  guint rows = 0;

  sr_context_set_session (ctx, session);
  cursor = sr_register_open (ctx, job->reg, job->filter, NULL);
  while (cursor != NULL && sr_register_cursor_next (cursor, NULL))
    rows++;
  if (write (fd, &rows, sizeof rows) != sizeof rows)
    _exit (1);
}

static void
python_job (gpointer data,
            int      fd)
{
  char **argv = data;
  guint rows = 0;
  if (write (fd, &rows, sizeof rows) != sizeof rows)
    _exit (1);
  close (fd);
  execv (argv[0], argv);
  _exit (127);
}

/* Registers this long are also written by Python, for comparison, each side this many
 * times (the machine's figures vary from run to run). */
#define COMPARED_ROWS 50000
#define COMPARED_RUNS 5

static int
by_seconds (const void *a,
            const void *b)
{
  double x = ((const Measure *) a)->seconds, y = ((const Measure *) b)->seconds;
  return x < y ? -1 : x > y;
}

static Measure
median (Measure *runs)
{
  qsort (runs, COMPARED_RUNS, sizeof *runs, by_seconds);
  return runs[COMPARED_RUNS / 2];
}

typedef struct {
  const SrRegister *reg;
  Measure m;
} Compared;

static char
type_letter (SrCellType type)
{
  switch (type)
    {
    case SR_CELL_MONEY: return 'm';
    case SR_CELL_DATE: return 'd';
    case SR_CELL_DATETIME: return 't';
    case SR_CELL_INT: case SR_CELL_AREA: case SR_CELL_PERCENT: return 'n';
    default: return 's';
    }
}

/* The same query and columns written by Python (sqlite3 + xlsxwriter, constant memory). */
static Measure
python_export (const char       *db_path,
               const char       *dir,
               SrContext        *ctx,
               const SrRegister *reg,
               gboolean         *wrote)
{
  SrRegisterFilter filter = { g_strdup ("2026-01-01"), NULL, 0, 0, 0 };
  g_autofree char *sql_path = g_build_filename (dir, "query.sql", NULL);
  g_autofree char *py_path = g_build_filename (dir, "writer.py", NULL);
  g_autofree char *py_out = g_build_filename (dir, "python.xlsx", NULL);
  g_autofree char *params = NULL;
  GString *types = g_string_new (NULL);
  gint64 start = 0, end = 0;
  Measure py;

  sr_register_filter_check (reg, ctx, &filter, NULL);
  sr_day_range_unix (filter.from_day != NULL ? filter.from_day : filter.to_day, filter.to_day, &start, &end, NULL);
  params = g_strdup_printf ("%s|%s|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT "|0|0|0",
                            filter.from_day != NULL ? filter.from_day : "0001-01-01", filter.to_day,
                            filter.from_day != NULL ? start : G_MININT64 / 2, end);
  for (guint c = 0; c < sr_register_get_n_columns (reg); c++)
    g_string_append_c (types, type_letter (sr_register_get_column (reg, c)->type));
  g_file_set_contents (sql_path, sr_register_get_sql (reg), -1, NULL);
  g_file_set_contents (py_path, python_writer, -1, NULL);
  {
    char *py_argv[] = { "/usr/bin/python3", py_path, (char *) db_path, sql_path, py_out, params, types->str, NULL };
    py = in_child (python_job, py_argv);
  }
  *wrote = g_file_test (py_out, G_FILE_TEST_EXISTS);
  g_unlink (py_out);
  g_string_free (types, TRUE);
  sr_register_filter_clear (&filter);
  return py;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(SrDb) db = NULL;
  g_autoptr(SrContext) ctx = NULL;
  g_autoptr(SrSession) session = sr_session_new_command_line ();
  const SrRegister *largest = NULL;
  guint largest_rows = 0;
  GArray *compared = g_array_new (FALSE, FALSE, sizeof (Compared));

  setlocale (LC_ALL, "");
  if (argc < 2)
    {
      g_printerr ("usage: bench-registers LARGE.db [REGISTER…]\n");
      return 2;
    }
  dir = g_dir_make_tmp ("sr-bench-registers-XXXXXX", &error);
  db = sr_db_open (argv[1], SR_DB_OPEN_EXISTING, &error);
  if (db == NULL)
    g_error ("%s", error->message);
  ctx = sr_context_new (db, NULL);
  sr_context_set_session (ctx, session);
  g_print ("registers on the large demo (a year: 2026-01-01 to the demo's today), each exported to .xlsx in a child process:\n");
  g_print ("  %-20s %8s %9s %10s %9s %11s\n", "register", "rows", "seconds", "rows/s", "peak MB", "query only");
  for (guint i = 0; i < sr_registers_count (); i++)
    {
      const SrRegister *reg = sr_registers_nth (i);
      SrRegisterFilter filter = { g_strdup ("2026-01-01"), NULL, 0, 0, 0 };
      g_autofree char *out = g_strdup_printf ("%s/%s.xlsx", dir, sr_register_get_id (reg));
      Job job = { argv[1], reg, out, &filter };
      Measure m;
      gboolean wanted = argc <= 2;

      for (int a = 2; a < argc; a++)
        wanted |= g_strcmp0 (argv[a], sr_register_get_id (reg)) == 0;
      if (!wanted)
        continue;
      if (!sr_register_filter_check (reg, ctx, &filter, &error))
        g_error ("%s", error->message);
      m = in_child (export_job, &job);
      {
        /* The query alone: the rows read, nothing written. */
        Measure q = in_child (query_job, &job);
        g_print ("  %-20s %8u %9.2f %10.0f %9.1f %10.2fs\n", sr_register_get_id (reg), m.rows, m.seconds,
                 m.seconds > 0 ? m.rows / m.seconds : 0, m.max_rss_kb / 1024.0, q.seconds);
      }
      if (m.rows > largest_rows && sr_register_get_sql (reg) != NULL)
        {
          largest = reg;
          largest_rows = m.rows;
        }
      if (m.rows >= COMPARED_ROWS && sr_register_get_sql (reg) != NULL)
        g_array_append_val (compared, ((Compared) { reg, m }));
      g_unlink (out);
      sr_register_filter_clear (&filter);
    }
  if (largest != NULL)
    {
      SrRegisterFilter filter = { g_strdup ("2026-01-01"), NULL, 0, 0, 0 };
      g_autofree char *pdf_out = g_build_filename (dir, "largest.pdf", NULL);
      Measure pdf;
      Job job = { argv[1], largest, pdf_out, &filter };

      sr_register_filter_check (largest, ctx, &filter, NULL);
      pdf = in_child (export_job, &job);
      {
        g_autofree char *info = NULL;
        g_autofree char *tool = g_find_program_in_path ("pdfinfo");
        guint pages = 0;
        if (tool != NULL)
          {
            char *info_argv[] = { tool, pdf_out, NULL };
            if (g_spawn_sync (NULL, info_argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &info, NULL, NULL, NULL) &&
                info != NULL && strstr (info, "Pages:") != NULL)
              pages = (guint) g_ascii_strtoull (strstr (info, "Pages:") + 6, NULL, 10);
          }
        g_print ("the largest, %s (%u rows), as PDF: %u pages in %.2f s (%.0f pages/s), %.1f MB peak\n",
                 sr_register_get_id (largest), largest_rows, pages, pdf.seconds,
                 pdf.seconds > 0 ? pages / pdf.seconds : 0, pdf.max_rss_kb / 1024.0);
      }
      sr_register_filter_clear (&filter);
    }
  if (compared->len > 0)
    {
      g_print ("against Python 3 + sqlite3 + xlsxwriter (constant_memory), same query, same columns, every register of %u rows or more;\n"
               "each side run %d times in turn, the median:\n", COMPARED_ROWS, COMPARED_RUNS);
      g_print ("  %-20s %8s %11s %9s %11s %9s %8s\n", "register", "rows", "salesroom", "peak MB", "python", "peak MB", "faster");
    }
  for (guint i = 0; i < compared->len; i++)
    {
      Compared *k = &g_array_index (compared, Compared, i);
      SrRegisterFilter filter = { g_strdup ("2026-01-01"), NULL, 0, 0, 0 };
      g_autofree char *out = g_strdup_printf ("%s/%s.xlsx", dir, sr_register_get_id (k->reg));
      Job job = { argv[1], k->reg, out, &filter };
      Measure ours[COMPARED_RUNS], theirs[COMPARED_RUNS], a, b;
      gboolean wrote = FALSE;

      sr_register_filter_check (k->reg, ctx, &filter, NULL);
      for (int run = 0; run < COMPARED_RUNS; run++)
        {
          ours[run] = in_child (export_job, &job);
          theirs[run] = python_export (argv[1], dir, ctx, k->reg, &wrote);
        }
      a = median (ours);
      b = median (theirs);
      g_print ("  %-20s %8u %10.2fs %9.1f %10.2fs %9.1f %7.1f×%s\n", sr_register_get_id (k->reg), k->m.rows, a.seconds,
               a.max_rss_kb / 1024.0, b.seconds, b.max_rss_kb / 1024.0, a.seconds > 0 ? b.seconds / a.seconds : 0,
               wrote ? "" : "  (python wrote nothing: is python3-xlsxwriter installed?)");
      g_unlink (out);
      sr_register_filter_clear (&filter);
    }
  g_array_unref (compared);
  sr_test_remove_tree (dir);
  return 0;
}
