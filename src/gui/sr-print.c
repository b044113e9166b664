/* sr-print.c — see sr-print.h. */
#include "config.h"

#include <glib/gi18n.h>

#include "sr-print.h"
#include "sr-window.h"

typedef struct {
  SrPageDrawFunc draw;        /* one page, or: */
  SrPagesDrawFunc draw_page;  /* several */
  gpointer data;
  GDestroyNotify destroy;
} Job;

static void
job_free (Job *job)
{
  if (job->destroy != NULL)
    job->destroy (job->data);
  g_free (job);
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              Job               *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double w = gtk_print_context_get_width (context), h = gtk_print_context_get_height (context);

  if (job->draw_page != NULL)
    job->draw_page (cr, w, h, (guint) page_nr, job->data);
  else
    job->draw (cr, w, h, job->data);
}

static void
run (GtkWidget *parent,
     const char *job_name,
     gboolean    landscape,
     guint       n_pages,
     Job        *job);

void
sr_print_page (GtkWidget      *parent,
               const char     *job_name,
               gboolean        landscape,
               SrPageDrawFunc  draw,
               gpointer        data,
               GDestroyNotify  destroy)
{
  Job *job = g_new0 (Job, 1);

  job->draw = draw;
  job->data = data;
  job->destroy = destroy;
  run (parent, job_name, landscape, 1, job);
}

void
sr_print_pages (GtkWidget       *parent,
                const char      *job_name,
                gboolean         landscape,
                guint            n_pages,
                SrPagesDrawFunc  draw_page,
                gpointer         data,
                GDestroyNotify   destroy)
{
  Job *job = g_new0 (Job, 1);

  job->draw_page = draw_page;
  job->data = data;
  job->destroy = destroy;
  run (parent, job_name, landscape, n_pages, job);
}

/* The printer, paper and options chosen last, kept per orientation (landscape registers
 * and grids, portrait slips) in the user's config folder (~/.config/salesroom). */
static char *
settings_path (gboolean landscape)
{
  return g_build_filename (g_get_user_config_dir (), "salesroom",
                           landscape ? "print-landscape.ini" : "print-portrait.ini", NULL);
}

static void
on_done (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         gpointer                 data)
{
  gboolean landscape = GPOINTER_TO_INT (data);
  g_autofree char *path = settings_path (landscape);
  g_autofree char *dir = g_path_get_dirname (path);
  GtkPrintSettings *settings = gtk_print_operation_get_print_settings (operation);

  if (result != GTK_PRINT_OPERATION_RESULT_APPLY || settings == NULL)
    return;
  if (g_mkdir_with_parents (dir, 0700) == 0)
    gtk_print_settings_to_file (settings, path, NULL);   /* remembered at best: printing went on */
}

static void
run (GtkWidget  *parent,
     const char *job_name,
     gboolean    landscape,
     guint       n_pages,
     Job        *job)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = settings_path (landscape);
  g_autoptr(GtkPrintSettings) remembered = gtk_print_settings_new_from_file (path, NULL);
  GtkRoot *root = gtk_widget_get_root (parent);

  gtk_page_setup_set_paper_size (setup, a4);
  if (remembered != NULL && gtk_print_settings_get_paper_size (remembered) != NULL)
    {
      g_autoptr(GtkPaperSize) paper = gtk_print_settings_get_paper_size (remembered);
      gtk_page_setup_set_paper_size (setup, paper);
    }
  gtk_page_setup_set_orientation (setup, landscape ? GTK_PAGE_ORIENTATION_LANDSCAPE : GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (operation, setup);
  if (remembered != NULL)
    {
      /* The paper and printer as last chosen; the orientation is the paper's own. */
      gtk_print_settings_set_orientation (remembered, landscape ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                                : GTK_PAGE_ORIENTATION_PORTRAIT);
      gtk_print_operation_set_print_settings (operation, remembered);
    }
  g_signal_connect (operation, "done", G_CALLBACK (on_done), GINT_TO_POINTER (landscape));
  gtk_print_operation_set_n_pages (operation, (int) n_pages);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_job_name (operation, job_name);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), job);
  g_object_set_data_full (G_OBJECT (operation), "sr-print-job", job, (GDestroyNotify) job_free);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error)
      == GTK_PRINT_OPERATION_RESULT_ERROR)
    sr_toast_error (parent, error);
}
