/* sr-register-pdf.c — a register on paper: the same pages for a PDF file and for the
 * window's print dialog. Every page carries the title block and the table's header;
 * long cells wrap; sections end with their subtotals and the register with its totals;
 * the foot says "第 N 页 共 M 页". Grouped by sheet, each group starts a page of its own. */
#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <string.h>
#include <unistd.h>

#include "core/sr-error.h"
#include "core/sr-office.h"
#include "sr-day-sheet.h"
#include "sr-register-file.h"

#define MARGIN 28.0
#define PAD 2.5
#define CELL_FONT "Noto Sans CJK SC 7"
#define HEAD_FONT "Noto Sans CJK SC Bold 7"
#define TITLE_FONT "Noto Sans CJK SC Bold 12"
#define INFO_FONT "Noto Sans CJK SC 7.5"

typedef enum {
  LINE_ROW,
  LINE_SECTION,              /* a section's name */
  LINE_SUBTOTAL,
  LINE_TOTAL,
} LineKind;

typedef struct {
  LineKind kind;
  double height;
  char **cells;              /* n columns (LINE_SECTION: one) */
} Line;

typedef struct {
  guint first;               /* the first line */
  guint n;                   /* lines on the page */
  guint first_row;           /* the register's row the page's first row line is */
  char *group;               /* grouped by sheet: the page's group */
} Page;

struct _SrRegisterPages {
  const SrRegister *reg;
  guint n;
  double width, height;
  double *x;                 /* n + 1 column edges */
  double head_height;
  char **heads;
  char *title;
  char *info;
  GPtrArray *lines;          /* Line */
  GArray *pages;             /* Page */
  guint rows;
  /* Streamed (a PDF file): the rows' texts are not kept once measured; drawing reads the
   * register a second time, in the same read transaction, row by row as the pages go. */
  gboolean streamed;
  SrContext *ctx;
  const SrRegisterFilter *filter;
  SrRegisterCursor *stream;
  guint stream_row;          /* the row the stream gives next */
  GError *stream_error;      /* the second pass failed (or found fewer rows): the file is not kept */
  SrDaySheets *days;         /* the daily registers: the day's one-page report instead */
  cairo_surface_t *measure_surface;
  cairo_t *measure;
  PangoFontDescription *cell_font, *head_font, *title_font, *info_font;
};

static void
line_free (Line *line)
{
  g_strfreev (line->cells);
  g_free (line);
}

void
sr_register_pages_free (SrRegisterPages *p)
{
  if (p == NULL)
    return;
  g_clear_pointer (&p->lines, g_ptr_array_unref);
  if (p->pages != NULL)
    {
      for (guint i = 0; i < p->pages->len; i++)
        g_free (g_array_index (p->pages, Page, i).group);
      g_array_unref (p->pages);
    }
  g_clear_pointer (&p->stream, sr_register_cursor_free);
  g_clear_error (&p->stream_error);
  g_clear_pointer (&p->days, sr_day_sheets_free);
  g_free (p->x);
  g_strfreev (p->heads);
  g_free (p->title);
  g_free (p->info);
  g_clear_pointer (&p->measure, cairo_destroy);
  g_clear_pointer (&p->measure_surface, cairo_surface_destroy);
  g_clear_pointer (&p->cell_font, pango_font_description_free);
  g_clear_pointer (&p->head_font, pango_font_description_free);
  g_clear_pointer (&p->title_font, pango_font_description_free);
  g_clear_pointer (&p->info_font, pango_font_description_free);
  g_free (p);
}

static gboolean
is_number (SrCellType type)
{
  return type == SR_CELL_MONEY || type == SR_CELL_INT || type == SR_CELL_AREA || type == SR_CELL_PERCENT;
}

/* The height of @text wrapped in a column @width wide. */
static double
text_height (SrRegisterPages            *p,
             const char                 *text,
             const PangoFontDescription *font,
             double                      width)
{
  PangoLayout *layout = pango_cairo_create_layout (p->measure);
  int w, h;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) ((width - 2 * PAD) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  pango_layout_get_size (layout, &w, &h);
  g_object_unref (layout);
  return (double) h / PANGO_SCALE + 2 * PAD;
}

static double
line_height (SrRegisterPages *p,
             Line            *line)
{
  double h = 0;

  if (line->kind == LINE_SECTION)
    return text_height (p, line->cells[0], p->head_font, p->x[p->n] - p->x[0]);
  for (guint c = 0; c < p->n; c++)
    h = MAX (h, text_height (p, line->cells[c], line->kind == LINE_ROW ? p->cell_font : p->head_font,
                             p->x[c + 1] - p->x[c]));
  return h;
}

static double
top_block (SrRegisterPages *p)
{
  return MARGIN + 22 + 18 + p->head_height;
}

static double
room (SrRegisterPages *p)
{
  return p->height - top_block (p) - MARGIN - 14;
}

static void
add_line (SrRegisterPages *p,
          Line            *line,
          const char      *group,
          gboolean         new_page)
{
  Page *page = p->pages->len > 0 ? &g_array_index (p->pages, Page, p->pages->len - 1) : NULL;
  double used = 0;

  line->height = line_height (p, line);
  if (page != NULL && !new_page)
    for (guint i = page->first; i < page->first + page->n; i++)
      used += ((Line *) g_ptr_array_index (p->lines, i))->height;
  if (page == NULL || new_page || (page->n > 0 && used + line->height > room (p)))
    {
      Page fresh = { p->lines->len, 0, p->rows, g_strdup (group) };
      g_array_append_val (p->pages, fresh);
      page = &g_array_index (p->pages, Page, p->pages->len - 1);
    }
  if (p->streamed && line->kind == LINE_ROW)
    g_clear_pointer (&line->cells, g_strfreev);   /* read again when drawn */
  g_ptr_array_add (p->lines, line);
  page->n++;
}

static Line *
sums_line (SrRegisterPages *p,
           LineKind         kind,
           const char      *label,
           const gint64    *sums)
{
  Line *line = g_new0 (Line, 1);

  line->kind = kind;
  line->cells = g_new0 (char *, p->n + 1);
  line->cells[0] = g_strdup (label);
  for (guint c = 1; c < p->n; c++)
    {
      const SrRegisterColumn *col = sr_register_get_column (p->reg, c);
      line->cells[c] = col->total ? sr_register_format_cell (col->type, sums[c]) : g_strdup ("");
    }
  return line;
}

static gboolean
any_totals (const SrRegister *reg)
{
  for (guint c = 0; c < sr_register_get_n_columns (reg); c++)
    if (sr_register_get_column (reg, c)->total)
      return TRUE;
  return FALSE;
}

static SrRegisterPages *
pages_new (SrContext              *ctx,
           const SrRegister       *reg,
           const SrRegisterFilter *filter,
           gboolean                streamed,
           double                  width,
           double                  height,
           SrRegisterProgress      progress,
           gpointer                progress_data,
           GCancellable           *cancellable,
           GError                **error)
{
  g_autoptr(SrRegisterPages) p = g_new0 (SrRegisterPages, 1);
  g_autoptr(SrRegisterCursor) cursor = NULL;
  g_autofree char *office = NULL;
  g_autofree char *range = NULL;
  g_autofree char *now = NULL;
  g_autofree gint64 *totals = NULL;
  g_autofree gint64 *subtotals = NULL;
  g_autofree char *section = NULL;
  g_autofree char *sheet = NULL;
  SrGrouping grouping = sr_register_get_grouping (reg);
  gboolean has_totals = any_totals (reg);
  gboolean in_section = FALSE;
  double hints = 0, pos;
  GError *failure = NULL;

  p->width = width;
  p->height = height;
  if (sr_day_sheets_apply (reg, filter))
    {
      p->reg = reg;
      p->days = sr_day_sheets_new (ctx, reg, filter, cancellable, error);
      return p->days != NULL ? g_steal_pointer (&p) : NULL;
    }
  cursor = sr_register_open (ctx, reg, filter, error);
  if (cursor == NULL)
    return NULL;
  p->reg = reg;
  /* A register filled in memory (no SQL of its own) keeps its texts: reading it again
   * would compute it all twice. */
  p->streamed = streamed && sr_register_get_sql (reg) != NULL;
  p->ctx = ctx;
  p->filter = filter;
  p->n = sr_register_get_n_columns (reg);
  p->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) line_free);
  p->pages = g_array_new (FALSE, FALSE, sizeof (Page));
  p->measure_surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 8, 8);
  p->measure = cairo_create (p->measure_surface);
  p->cell_font = pango_font_description_from_string (CELL_FONT);
  p->head_font = pango_font_description_from_string (HEAD_FONT);
  p->title_font = pango_font_description_from_string (TITLE_FONT);
  p->info_font = pango_font_description_from_string (INFO_FONT);
  if (!sr_office_get (ctx, &office, NULL, NULL))
    office = g_strdup ("");
  p->title = g_strdup_printf ("%s  %s", office, sr_register_get_title (reg));
  range = sr_register_filter_describe (reg, filter);
  now = sr_format_moment (sr_context_now (ctx));
  p->info = g_strdup_printf (_("%s · exported by %s, %s"), range,
                             sr_session_get_display_name (sr_context_get_session (ctx)), now);

  /* Columns: their width hints, stretched to the paper. */
  p->x = g_new0 (double, p->n + 1);
  p->heads = g_new0 (char *, p->n + 1);
  for (guint c = 0; c < p->n; c++)
    {
      const SrRegisterColumn *col = sr_register_get_column (reg, c);
      hints += MAX (col->width, 5);
      p->heads[c] = g_strdup (_(col->title));
    }
  pos = MARGIN;
  for (guint c = 0; c < p->n; c++)
    {
      p->x[c] = pos;
      pos += (width - 2 * MARGIN) * MAX (sr_register_get_column (reg, c)->width, 5) / hints;
    }
  p->x[p->n] = width - MARGIN;
  for (guint c = 0; c < p->n; c++)
    p->head_height = MAX (p->head_height, text_height (p, p->heads[c], p->head_font, p->x[c + 1] - p->x[c]));

  totals = g_new0 (gint64, p->n);
  subtotals = g_new0 (gint64, p->n);
  while (sr_register_cursor_next (cursor, &failure))
    {
      const char *group = sr_register_cursor_group (cursor);
      Line *line;
      gboolean new_page = FALSE;

      if (grouping == SR_GROUP_SHEETS && (p->pages->len == 0 || g_strcmp0 (sr_register_group_label (reg, group), sheet) != 0))
        {
          if (p->pages->len > 0 && has_totals)
            add_line (p, sums_line (p, LINE_SUBTOTAL, _("Total"), subtotals), sheet, FALSE);
          memset (subtotals, 0, sizeof (gint64) * p->n);
          g_free (sheet);
          sheet = g_strdup (sr_register_group_label (reg, group));
          new_page = TRUE;
        }
      if (grouping == SR_GROUP_SECTIONS && (!in_section || g_strcmp0 (group, section) != 0))
        {
          Line *head = g_new0 (Line, 1);
          if (in_section && has_totals)
            {
              g_autofree char *label = g_strdup_printf (_("Subtotal: %s"), sr_register_group_label (reg, section));
              add_line (p, sums_line (p, LINE_SUBTOTAL, label, subtotals), NULL, FALSE);
            }
          memset (subtotals, 0, sizeof (gint64) * p->n);
          g_free (section);
          section = g_strdup (group);
          in_section = TRUE;
          head->kind = LINE_SECTION;
          head->cells = g_new0 (char *, 2);
          head->cells[0] = g_strdup (sr_register_group_label (reg, group));
          add_line (p, head, NULL, FALSE);
        }
      line = g_new0 (Line, 1);
      line->kind = LINE_ROW;
      line->cells = g_new0 (char *, p->n + 1);
      for (guint c = 0; c < p->n; c++)
        {
          const SrRegisterColumn *col = sr_register_get_column (reg, c);
          line->cells[c] = sr_register_cursor_display (cursor, c);
          if (col->total && !sr_register_cursor_is_null (cursor, c))
            {
              totals[c] += sr_register_cursor_int (cursor, c);
              subtotals[c] += sr_register_cursor_int (cursor, c);
            }
        }
      add_line (p, line, sheet, new_page);
      p->rows++;
      if (p->rows % 1000 == 0)
        {
          if (progress != NULL)
            progress (p->rows, progress_data);
          if (g_cancellable_set_error_if_cancelled (cancellable, &failure))
            break;
        }
    }
  if (failure != NULL)
    {
      g_propagate_error (error, failure);
      return NULL;
    }
  if (has_totals && (in_section || grouping == SR_GROUP_SHEETS) && p->rows > 0)
    {
      g_autofree char *label = grouping == SR_GROUP_SHEETS ? g_strdup (_("Total"))
                             : g_strdup_printf (_("Subtotal: %s"), sr_register_group_label (reg, section));
      add_line (p, sums_line (p, LINE_SUBTOTAL, label, subtotals), sheet, FALSE);
    }
  if (has_totals && grouping != SR_GROUP_SHEETS)
    add_line (p, sums_line (p, LINE_TOTAL, _("Total"), totals), NULL, FALSE);
  if (p->pages->len == 0)
    {
      Page empty = { 0, 0, 0, NULL };
      g_array_append_val (p->pages, empty);
    }
  return g_steal_pointer (&p);
}

SrRegisterPages *
sr_register_pages_new (SrContext              *ctx,
                       const SrRegister       *reg,
                       const SrRegisterFilter *filter,
                       double                  width,
                       double                  height,
                       SrRegisterProgress      progress,
                       gpointer                progress_data,
                       GCancellable           *cancellable,
                       GError                **error)
{
  SrRegisterPages *p = pages_new (ctx, reg, filter, FALSE, width, height, progress, progress_data, cancellable, error);

  if (p != NULL)
    p->filter = NULL;   /* the texts are kept: the filter is not needed after */
  return p;
}

/* The texts of the register's row @row, read from the second pass's cursor (opened again
 * when a page before the last one drawn is asked for). NULL, with p->stream_error set,
 * when reading fails or the register has fewer rows than the first pass counted (which
 * the read transaction rules out); nothing more is read then. */
static char **
stream_row (SrRegisterPages *p,
            guint            row)
{
  char **cells;

  if (p->stream_error != NULL)
    return NULL;
  if (p->stream == NULL || row < p->stream_row)
    {
      g_clear_pointer (&p->stream, sr_register_cursor_free);
      p->stream = sr_register_open (p->ctx, p->reg, p->filter, &p->stream_error);
      p->stream_row = 0;
      if (p->stream == NULL)
        return NULL;
    }
  while (p->stream_row <= row)
    {
      if (!sr_register_cursor_next (p->stream, &p->stream_error))
        {
          if (p->stream_error == NULL)
            g_set_error_literal (&p->stream_error, SR_STORE_ERROR, SR_STORE_ERROR_FAILED,
                                 _("The register changed while it was written; export it again."));
          g_clear_pointer (&p->stream, sr_register_cursor_free);
          return NULL;
        }
      p->stream_row++;
    }
  cells = g_new0 (char *, p->n + 1);
  for (guint c = 0; c < p->n; c++)
    cells[c] = sr_register_cursor_display (p->stream, c);
  return cells;
}

guint
sr_register_pages_count (SrRegisterPages *pages)
{
  return pages->days != NULL ? sr_day_sheets_count (pages->days) : pages->pages->len;
}

guint
sr_register_pages_rows (SrRegisterPages *pages)
{
  return pages->days != NULL ? sr_day_sheets_rows (pages->days) : pages->rows;
}

static void
show (cairo_t                    *cr,
      const char                 *text,
      const PangoFontDescription *font,
      double                      x,
      double                      y,
      double                      width,
      PangoAlignment              align)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) ((width - 2 * PAD) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, align);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  cairo_move_to (cr, x + PAD, y + PAD);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
}

void
sr_register_pages_draw (SrRegisterPages *p,
                        cairo_t         *cr,
                        guint            index)
{
  Page *page;
  double full, y = MARGIN;
  g_autofree char *title = NULL;
  g_autofree char *foot = NULL;

  if (p->days != NULL)
    {
      sr_day_sheets_draw (p->days, cr, index, p->width, p->height);
      return;
    }
  page = &g_array_index (p->pages, Page, MIN (index, p->pages->len - 1));
  full = p->x[p->n] - p->x[0];
  title = page->group != NULL ? g_strdup_printf ("%s — %s", p->title, page->group) : g_strdup (p->title);
  foot = g_strdup_printf (_("Page %u of %u"), index + 1, p->pages->len);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  show (cr, title, p->title_font, p->x[0], y, full, PANGO_ALIGN_CENTER);
  y += 22;
  show (cr, p->info, p->info_font, p->x[0], y, full, PANGO_ALIGN_CENTER);
  y += 18;
  /* The header, shaded. */
  cairo_set_source_rgb (cr, 0.87, 0.90, 0.94);
  cairo_rectangle (cr, p->x[0], y, full, p->head_height);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint c = 0; c < p->n; c++)
    show (cr, p->heads[c], p->head_font, p->x[c], y, p->x[c + 1] - p->x[c], PANGO_ALIGN_CENTER);
  cairo_set_line_width (cr, 0.5);
  cairo_rectangle (cr, p->x[0], y, full, p->head_height);
  cairo_stroke (cr);
  y += p->head_height;
  for (guint i = page->first, row = page->first_row; i < page->first + page->n; i++)
    {
      Line *line = g_ptr_array_index (p->lines, i);
      g_auto(GStrv) read = NULL;
      char **cells = line->cells;
      if (line->kind == LINE_ROW && cells == NULL)
        {
          cells = read = stream_row (p, row);
          if (cells == NULL)
            break;
        }
      if (line->kind == LINE_ROW)
        row++;
      if (line->kind != LINE_ROW)
        {
          cairo_set_source_rgb (cr, 0.95, 0.95, 0.95);
          cairo_rectangle (cr, p->x[0], y, full, line->height);
          cairo_fill (cr);
          cairo_set_source_rgb (cr, 0, 0, 0);
        }
      if (line->kind == LINE_SECTION)
        show (cr, cells[0], p->head_font, p->x[0], y, full, PANGO_ALIGN_LEFT);
      else
        for (guint c = 0; c < p->n; c++)
          show (cr, cells[c], line->kind == LINE_ROW ? p->cell_font : p->head_font, p->x[c], y,
                p->x[c + 1] - p->x[c],
                c > 0 && is_number (sr_register_get_column (p->reg, c)->type) ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
      cairo_set_line_width (cr, 0.3);
      cairo_rectangle (cr, p->x[0], y, full, line->height);
      cairo_stroke (cr);
      if (line->kind != LINE_SECTION)
        for (guint c = 1; c < p->n; c++)
          {
            cairo_move_to (cr, p->x[c], y);
            cairo_line_to (cr, p->x[c], y + line->height);
            cairo_stroke (cr);
          }
      y += line->height;
    }
  if (p->rows == 0)
    show (cr, _("No row in this register for these days."), p->info_font, p->x[0], y + 6, full, PANGO_ALIGN_CENTER);
  show (cr, foot, p->info_font, p->x[0], p->height - MARGIN - 10, full, PANGO_ALIGN_CENTER);
  cairo_restore (cr);
}

char *
sr_register_temp_file (const char  *path,
                       const char  *suffix,
                       GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *pattern = g_strconcat (".salesroom-export-XXXXXX", suffix, NULL);
  char *tmp = g_build_filename (dir, pattern, NULL);
  int fd = g_mkstemp_full (tmp, O_WRONLY, 0600);   /* customers' data: the owner's alone */

  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("Cannot write in the folder %s: %s."), dir,
                   g_strerror (saved));
      g_free (tmp);
      return NULL;
    }
  close (fd);
  return tmp;
}

gboolean
sr_register_temp_finish (const char  *tmp,
                         const char  *path,
                         gboolean     ok,
                         GError     **error)
{
  if (ok && g_rename (tmp, path) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("Cannot write %s: %s."), path, g_strerror (saved));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (tmp);
  return ok;
}

static gboolean
draw_pdf (SrRegisterPages   *pages,
          const SrRegister  *reg,
          const char        *tmp,
          const char        *path,
          GCancellable      *cancellable,
          GError           **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  surface = cairo_pdf_surface_create (tmp, SR_REGISTER_PAGE_WIDTH, SR_REGISTER_PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, sr_register_get_title (reg));
  cr = cairo_create (surface);
  for (guint i = 0; i < sr_register_pages_count (pages); i++)
    {
      sr_register_pages_draw (pages, cr, i);
      cairo_show_page (cr);
      if (pages->stream_error != NULL || (i % 50 == 49 && g_cancellable_is_cancelled (cancellable)))
        break;
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return sr_register_temp_finish (tmp, path, FALSE, NULL);
  if (pages->stream_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&pages->stream_error));
      return sr_register_temp_finish (tmp, path, FALSE, NULL);
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write %s: %s"), path, cairo_status_to_string (status));
      return sr_register_temp_finish (tmp, path, FALSE, NULL);
    }
  return sr_register_temp_finish (tmp, path, TRUE, error);
}

gboolean
sr_register_write_pdf (SrContext              *ctx,
                       const SrRegister       *reg,
                       const SrRegisterFilter *filter,
                       const char             *path,
                       SrRegisterProgress      progress,
                       gpointer                progress_data,
                       GCancellable           *cancellable,
                       guint                  *out_rows,
                       GError                **error)
{
  g_autoptr(SrRegisterPages) pages = NULL;
  g_autofree char *tmp = NULL;
  SrDb *db = sr_context_get_db (ctx);
  gboolean ok;

  /* Laid out in one pass, drawn in a second: one read transaction, so both see the same rows. */
  if (!sr_db_begin_read (db, error))
    return FALSE;
  pages = pages_new (ctx, reg, filter, TRUE, SR_REGISTER_PAGE_WIDTH, SR_REGISTER_PAGE_HEIGHT, progress,
                     progress_data, cancellable, error);
  ok = pages != NULL && (tmp = sr_register_temp_file (path, ".pdf", error)) != NULL;
  if (ok)
    ok = draw_pdf (pages, reg, tmp, path, cancellable, error);
  if (pages != NULL)
    g_clear_pointer (&pages->stream, sr_register_cursor_free);
  sr_db_end_read (db);
  if (!ok)
    return FALSE;
  if (out_rows != NULL)
    *out_rows = sr_register_pages_rows (pages);
  return TRUE;
}

gboolean
sr_register_export (SrContext              *ctx,
                    const SrRegister       *reg,
                    const SrRegisterFilter *filter,
                    const char             *path,
                    SrRegisterProgress      progress,
                    gpointer                progress_data,
                    GCancellable           *cancellable,
                    guint                  *out_rows,
                    GError                **error)
{
  guint rows = 0;
  gboolean pdf = g_str_has_suffix (path, ".pdf") || g_str_has_suffix (path, ".PDF");
  gboolean xlsx = g_str_has_suffix (path, ".xlsx") || g_str_has_suffix (path, ".XLSX");

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (!pdf && !xlsx)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("Say the kind of file by its ending: .xlsx or .pdf (%s)."), path);
      return FALSE;
    }
  if (!(pdf ? sr_register_write_pdf : sr_register_write_xlsx) (ctx, reg, filter, path, progress, progress_data,
                                                               cancellable, &rows, error))
    return FALSE;
  if (out_rows != NULL)
    *out_rows = rows;
  return sr_register_log_export (ctx, reg, filter, rows, pdf ? "pdf" : "xlsx", error);
}
