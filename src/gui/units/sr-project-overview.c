/* sr-project-overview.c — see sr-project-overview.h. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "core/sr-units.h"
#include "registers/sr-grid-plan.h"
#include "sr-project-overview.h"

/* A thumbnail: cells 6 to 18 pixels wide and 4 to 6 high, so a small building is not a
 * speck and a large one still fits a card. */
typedef struct {
  SrGridPlan *plan;
  double sx, sy;
} Thumb;

static void
thumb_free (Thumb *t)
{
  sr_grid_plan_free (t->plan);
  g_free (t);
}

typedef struct {
  SrContext *ctx;
  GtkWidget *root;
  GtkWidget *flow;
  SrBuildingFunc activated;
  gpointer user_data;
  gint64 project_id;
} Overview;

static void
overview_free (Overview *o)
{
  g_clear_object (&o->ctx);
  g_free (o);
}

static void
draw_thumbnail (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        data)
{
  Thumb *t = data;
  sr_grid_plan_draw (t->plan, cr, t->sx, t->sy, NULL);
}

static void
on_card_clicked (GtkButton *button,
                 Overview  *o)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "building-id"));
  o->activated (id, o->user_data);
}

static GtkWidget *
building_card (Overview   *o,
               SrBuilding *building,
               GPtrArray  *units)
{
  Thumb *t = g_new0 (Thumb, 1);
  SrGridPlan *plan = t->plan = sr_grid_plan_new (units);
  double cell_w = CLAMP (360.0 / MAX (plan->columns->len, 1), 6, 18);
  double cell_h = CLAMP (180.0 / MAX (plan->floors->len, 1), 4, 6);
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (building->name);
  GtkWidget *area = gtk_drawing_area_new ();
  GtkWidget *counts;
  guint n[SR_N_UNIT_STATUSES] = { 0 };
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < units->len; i++)
    n[((SrUnit *) g_ptr_array_index (units, i))->status]++;
  for (guint s = 0; s < SR_N_UNIT_STATUSES; s++)
    if (n[s] > 0)
      g_string_append_printf (text, "%s%s %u", text->len > 0 ? " · " : "", sr_unit_status_get_label (s), n[s]);
  g_string_append_printf (text, _("\n%u units · held share %.1f%%"), units->len,
                          units->len > 0 ? 100.0 * n[SR_UNIT_HELD] / units->len : 0.0);
  counts = gtk_label_new (text->str);
  gtk_widget_add_css_class (counts, "dim-label");
  gtk_widget_add_css_class (counts, "caption");
  gtk_label_set_wrap (GTK_LABEL (counts), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (counts), 28);
  gtk_widget_add_css_class (title, "heading");
  t->sx = cell_w / SR_GRID_CELL_W;
  t->sy = cell_h / SR_GRID_CELL_H;
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), (int) ((plan->width - SR_GRID_FLOOR_W) * t->sx) + 1);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), (int) ((plan->height - SR_GRID_HEADER_H) * t->sy) + 1);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_thumbnail, t, (GDestroyNotify) thumb_free);
  gtk_widget_set_halign (area, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), area);
  gtk_box_append (GTK_BOX (box), counts);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "card");
  gtk_widget_set_tooltip_text (button, _("Open this building’s grid"));
  g_object_set_data (G_OBJECT (button), "building-id", GSIZE_TO_POINTER (building->id));
  g_signal_connect (button, "clicked", G_CALLBACK (on_card_clicked), o);
  return button;
}

void
sr_project_overview_set_project (GtkWidget *overview,
                                 gint64     project_id)
{
  Overview *o = g_object_get_data (G_OBJECT (overview), "sr-project-overview");
  g_autoptr(GPtrArray) buildings = sr_buildings_list (o->ctx, project_id, NULL);
  GtkWidget *child;

  o->project_id = project_id;
  while ((child = gtk_widget_get_first_child (o->flow)) != NULL)
    gtk_flow_box_remove (GTK_FLOW_BOX (o->flow), child);
  for (guint i = 0; buildings != NULL && i < buildings->len; i++)
    {
      SrBuilding *b = g_ptr_array_index (buildings, i);
      g_autoptr(GPtrArray) units = sr_units_list (o->ctx, b->id, NULL);
      if (units != NULL)
        gtk_flow_box_append (GTK_FLOW_BOX (o->flow), building_card (o, b, units));
    }
}

GtkWidget *
sr_project_overview_new (SrContext      *ctx,
                         SrBuildingFunc  activated,
                         gpointer        user_data)
{
  Overview *o = g_new0 (Overview, 1);

  o->ctx = g_object_ref (ctx);
  o->activated = activated;
  o->user_data = user_data;
  o->flow = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (o->flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (o->flow), 12);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (o->flow), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (o->flow), 12);
  gtk_widget_set_valign (o->flow, GTK_ALIGN_START);
  gtk_widget_set_margin_start (o->flow, 12);
  gtk_widget_set_margin_end (o->flow, 12);
  gtk_widget_set_margin_top (o->flow, 12);
  o->root = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (o->root), o->flow);
  g_object_set_data_full (G_OBJECT (o->root), "sr-project-overview", o, (GDestroyNotify) overview_free);
  return o->root;
}
