/* sr-sales-report-page.c — see sr-sales-report-page.h. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "core/sr-sales-report.h"
#include "gui/sr-gui-util.h"
#include "gui/sr-window.h"
#include "sr-sales-report-page.h"

typedef struct {
  SrContext *ctx;
  GtkWidget *root;
  GtkWidget *day;
  GtkWidget *summary;
  GtkWidget *scroller;
  gulong changed_id;
} Report;

gboolean
sr_sales_report_page_is_for (SrSession *session)
{
  return sr_session_may (session, SR_ACTION_CONTROL_UNITS);
}

static void
report_free (Report *r)
{
  g_clear_signal_handler (&r->changed_id, r->ctx);
  g_clear_object (&r->ctx);
  g_free (r);
}

static void
add_line (GtkWidget   *table,
          SrSalesLine *line,
          gboolean     is_total)
{
  g_autofree char *tu = g_strdup_printf ("%u", line->today_units);
  g_autofree char *ta = sr_area_format (line->today_area_centi);
  g_autofree char *tf = sr_money_format (line->today_fen);
  g_autofree char *su = g_strdup_printf ("%u", line->total_units);
  g_autofree char *sa = sr_area_format (line->total_area_centi);
  g_autofree char *sf = sr_money_format (line->total_fen);
  g_autofree char *av = g_strdup_printf ("%u", line->available_units);
  const char *texts[] = { line->label, tu, ta, tf, su, sa, sf, av, NULL };

  sr_figure_table_add_row (table, texts, is_total,
                           !is_total && line->today_units == 0 && line->total_units == 0);
}

static GtkWidget *
section_table (SrSalesSection *section,
               SrSalesLine    *total)
{
  const char *heads[] = { section->title, _("Today, units"), _("Today, m²"), _("Today, amount"),
                          _("To date, units"), _("To date, m²"), _("To date, amount"), _("For sale"), NULL };
  GtkWidget *table = sr_figure_table_new (heads);

  for (guint i = 0; i < section->lines->len; i++)
    add_line (table, g_ptr_array_index (section->lines, i), FALSE);
  add_line (table, total, TRUE);
  return table;
}

static void
reload (Report *r)
{
  g_autoptr(GError) error = NULL;
  const char *day = gtk_editable_get_text (GTK_EDITABLE (r->day));
  g_autoptr(SrSalesReport) report = sr_sales_report_new (r->ctx, day, &error);
  GtkWidget *box, *clamp;
  g_autofree char *summary = NULL;
  g_autofree char *ta = NULL, *tf = NULL, *sa = NULL, *sf = NULL;

  if (report == NULL)
    {
      gtk_widget_add_css_class (r->day, "error");
      gtk_label_set_text (GTK_LABEL (r->summary), error->message);
      return;
    }
  gtk_widget_remove_css_class (r->day, "error");
  ta = sr_area_format (report->total.today_area_centi);
  tf = sr_money_format (report->total.today_fen);
  sa = sr_area_format (report->total.total_area_centi);
  sf = sr_money_format (report->total.total_fen);
  summary = g_strdup_printf (_("%s: %u units subscribed, %s m², %s. To date: %u units, %s m², %s. For sale now: %u."),
                             report->day, report->total.today_units, ta, tf, report->total.total_units, sa, sf,
                             report->total.available_units);
  gtk_label_set_text (GTK_LABEL (r->summary), summary);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  for (guint s = 0; s < report->sections->len; s++)
    gtk_box_append (GTK_BOX (box), section_table (g_ptr_array_index (report->sections, s), &report->total));
  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1200);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_widget_set_margin_top (clamp, 12);
  gtk_widget_set_margin_start (clamp, 12);
  gtk_widget_set_margin_end (clamp, 12);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (r->scroller), clamp);
}

static void
shift_day (Report *r,
           int     days)
{
  GDate date;
  char text[16];

  if (!sr_day_parse (gtk_editable_get_text (GTK_EDITABLE (r->day)), &date))
    return;
  if (days < 0)
    g_date_subtract_days (&date, (guint) -days);
  else
    g_date_add_days (&date, (guint) days);
  g_date_strftime (text, sizeof text, "%Y-%m-%d", &date);
  gtk_editable_set_text (GTK_EDITABLE (r->day), text);
}

static void on_previous (Report *r) { shift_day (r, -1); }
static void on_next (Report *r) { shift_day (r, 1); }

static void
on_today (Report *r)
{
  g_autofree char *today = sr_clock_today (sr_context_get_clock (r->ctx));
  gtk_editable_set_text (GTK_EDITABLE (r->day), today);
}

static void
on_changed (SrContext  *ctx,
            const char *table,
            Report     *r)
{
  if (g_strcmp0 (table, "deals") == 0 || g_strcmp0 (table, "units") == 0 ||
      g_strcmp0 (table, "buildings") == 0 || g_strcmp0 (table, "settings") == 0)
    sr_page_refresh (r->root);
}

static GtkWidget *
icon_button (const char *icon,
             const char *tooltip)
{
  GtkWidget *b = gtk_button_new_from_icon_name (icon);
  gtk_widget_set_tooltip_text (b, tooltip);
  return b;
}

GtkWidget *
sr_sales_report_page_new (SrContext *ctx)
{
  Report *r = g_new0 (Report, 1);
  g_autofree char *today = sr_clock_today (sr_context_get_clock (ctx));
  GtkWidget *toolbar, *box, *previous, *next, *today_button;

  r->ctx = g_object_ref (ctx);
  r->scroller = gtk_scrolled_window_new ();
  box = sr_toolbar_view_new (&toolbar, r->scroller);
  gtk_box_prepend (GTK_BOX (box),
                   sr_section_header_new (_("Daily Sales"),
                                          _("Units subscribed (deposit confirmed by finance) on the day and to date, still live: a cancelled sale no longer counts. Bands are set in the office settings.")));
  previous = icon_button ("go-previous-symbolic", _("The day before"));
  r->day = gtk_entry_new ();
  gtk_editable_set_width_chars (GTK_EDITABLE (r->day), 11);
  gtk_editable_set_text (GTK_EDITABLE (r->day), today);
  gtk_widget_set_tooltip_text (r->day, _("Day (YYYY-MM-DD)"));
  next = icon_button ("go-next-symbolic", _("The day after"));
  today_button = gtk_button_new_with_mnemonic (_("_Today"));
  gtk_box_append (GTK_BOX (toolbar), previous);
  gtk_box_append (GTK_BOX (toolbar), r->day);
  gtk_box_append (GTK_BOX (toolbar), next);
  gtk_box_append (GTK_BOX (toolbar), today_button);
  r->summary = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (r->summary), TRUE);
  gtk_label_set_xalign (GTK_LABEL (r->summary), 0);
  gtk_widget_set_margin_start (r->summary, 12);
  gtk_widget_set_hexpand (r->summary, TRUE);
  gtk_box_append (GTK_BOX (toolbar), r->summary);
  g_signal_connect_swapped (previous, "clicked", G_CALLBACK (on_previous), r);
  g_signal_connect_swapped (next, "clicked", G_CALLBACK (on_next), r);
  g_signal_connect_swapped (today_button, "clicked", G_CALLBACK (on_today), r);
  g_signal_connect_swapped (r->day, "changed", G_CALLBACK (reload), r);

  r->root = box;
  g_object_set_data_full (G_OBJECT (box), "sr-sales-report-page", r, (GDestroyNotify) report_free);
  r->changed_id = g_signal_connect (ctx, "changed", G_CALLBACK (on_changed), r);
  /* Read when first shown, not at sign-in. */
  sr_page_set_reload (box, (void (*) (gpointer)) reload, r);
  return box;
}
