/* sr-supply-page.c — see sr-supply-page.h. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "core/sr-supply-demand.h"
#include "gui/sr-gui-util.h"
#include "gui/sr-window.h"
#include "sr-supply-page.h"

typedef struct {
  SrContext *ctx;
  GtkWidget *root;
  GtkWidget *scroller;
  gulong changed_id;
} Supply;

gboolean
sr_supply_page_is_for (SrSession *session)
{
  return sr_session_may (session, SR_ACTION_CONTROL_UNITS);
}

static void
supply_free (Supply *s)
{
  g_clear_signal_handler (&s->changed_id, s->ctx);
  g_clear_object (&s->ctx);
  g_free (s);
}

static GtkWidget *
table (const char *title,
       GPtrArray  *lines)
{
  const char *heads[] = { title, _("Grade A"), _("Grade B"), _("Grade C"), _("Grade D"), _("Not graded"),
                          _("Wanting"), _("For sale"), _("Withheld"), NULL };
  GtkWidget *t = sr_figure_table_new (heads);
  guint totals[8] = { 0 };

  for (guint i = 0; i < lines->len; i++)
    {
      SrSupplyLine *l = g_ptr_array_index (lines, i);
      guint wanting = 0;
      char *cells[10] = { l->label };

      for (guint g = 0; g < SR_N_DEMAND; g++)
        {
          wanting += l->demand[g];
          cells[g + 1] = g_strdup_printf ("%u", l->demand[g]);
          totals[g] += l->demand[g];
        }
      cells[6] = g_strdup_printf ("%u", wanting);
      cells[7] = g_strdup_printf ("%u", l->available);
      cells[8] = g_strdup_printf ("%u", l->held);
      totals[5] += wanting;
      totals[6] += l->available;
      totals[7] += l->held;
      sr_figure_table_add_row (t, (const char * const *) cells, FALSE, wanting == 0 && l->available == 0 && l->held == 0);
      for (guint c = 1; c < 9; c++)
        g_free (cells[c]);
    }
  {
    char *cells[10] = { _("Total") };
    for (guint c = 0; c < 8; c++)
      cells[c + 1] = g_strdup_printf ("%u", totals[c]);
    sr_figure_table_add_row (t, (const char * const *) cells, TRUE, FALSE);
    for (guint c = 1; c < 9; c++)
      g_free (cells[c]);
  }
  return t;
}

static void
reload (Supply *s)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SrSupplyDemand) sd = sr_supply_demand_new (s->ctx, &error);
  GtkWidget *box, *clamp;

  if (sd == NULL)
    {
      sr_toast_error (s->root, error);
      return;
    }
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), table (_("Unit type wanted"), sd->by_type));
  gtk_box_append (GTK_BOX (box), table (_("Area wanted"), sd->by_area));
  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1100);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_widget_set_margin_top (clamp, 12);
  gtk_widget_set_margin_start (clamp, 12);
  gtk_widget_set_margin_end (clamp, 12);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (s->scroller), clamp);
}

static void
on_changed (SrContext  *ctx,
            const char *table_name,
            Supply     *s)
{
  if (g_strcmp0 (table_name, "units") == 0 || g_strcmp0 (table_name, "customers") == 0 ||
      g_strcmp0 (table_name, "deals") == 0)
    sr_page_refresh (s->root);
}

GtkWidget *
sr_supply_page_new (SrContext *ctx)
{
  Supply *s = g_new0 (Supply, 1);

  s->ctx = g_object_ref (ctx);
  s->scroller = gtk_scrolled_window_new ();
  s->root = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (s->root),
                  sr_section_header_new (_("Demand and Supply"),
                                         _("Customers still looking (no request, subscription or contract), by grade and by the unit type and area on their record, next to the units for sale and withheld: where demand outruns what is on sale, consider releasing held units.")));
  gtk_widget_set_vexpand (s->scroller, TRUE);
  gtk_box_append (GTK_BOX (s->root), s->scroller);
  g_object_set_data_full (G_OBJECT (s->root), "sr-supply-page", s, (GDestroyNotify) supply_free);
  s->changed_id = g_signal_connect (ctx, "changed", G_CALLBACK (on_changed), s);
  /* Read when first shown, not at sign-in. */
  sr_page_set_reload (s->root, (void (*) (gpointer)) reload, s);
  return s->root;
}
