/* sr-unit-grid.c — see sr-unit-grid.h. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "core/sr-money.h"
#include "core/sr-units.h"
#include "registers/sr-grid-plan.h"
#include "sr-unit-grid.h"

#define CELL_W SR_GRID_CELL_W
#define CELL_H SR_GRID_CELL_H

struct _SrUnitGrid
{
  GtkWidget parent_instance;

  SrGridPlan *plan;   /* where each unit goes, shared with the printed grid */
  GPtrArray *layouts; /* PangoLayout of each cell's text, made on first draw */
  int cursor;         /* index into the plan's cells, -1 */
  SrUnitFilter filter;
  char *filter_type;  /* owns filter.unit_type */
};

enum { UNIT_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SrUnitGrid, sr_unit_grid, GTK_TYPE_WIDGET)

static void
g_object_unref_safe (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

static guint
n_cells (SrUnitGrid *self)
{
  return self->plan != NULL ? self->plan->cells->len : 0;
}

static SrGridCell *
cell_of (SrUnitGrid *self,
         guint       i)
{
  return &g_array_index (self->plan->cells, SrGridCell, i);
}

static void
sr_unit_grid_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  SrUnitGrid *self = SR_UNIT_GRID (widget);

  if (self->plan == NULL)
    *minimum = *natural = 0;
  else if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = self->plan->width;
  else
    *minimum = *natural = self->plan->height;
}

static void
sr_unit_grid_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  SrUnitGrid *self = SR_UNIT_GRID (widget);
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, NULL);
  GdkRGBA fg;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);

  if (self->plan == NULL)
    {
      g_object_unref (layout);
      return;
    }
  /* Column headers: entrance and unit number, e.g. 1单元 01. */
  for (guint c = 0; c < self->plan->columns->len; c++)
    {
      g_autofree char *text = sr_grid_plan_column_label (self->plan, c, NULL);
      pango_layout_set_text (layout, text, -1);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (g_array_index (self->plan->column_xs, int, c) + 4, 2));
      gtk_snapshot_append_layout (snapshot, layout, &(GdkRGBA) { fg.red, fg.green, fg.blue, 0.6f });
      gtk_snapshot_restore (snapshot);
    }
  /* Floor numbers. */
  for (guint r = 0; r < self->plan->floors->len; r++)
    {
      g_autofree char *text = g_strdup_printf (_("%dF"), g_array_index (self->plan->floors, int, r));
      pango_layout_set_text (layout, text, -1);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (4, SR_GRID_HEADER_H + (int) r * (CELL_H + SR_GRID_GAP) + 12));
      gtk_snapshot_append_layout (snapshot, layout, &(GdkRGBA) { fg.red, fg.green, fg.blue, 0.6f });
      gtk_snapshot_restore (snapshot);
    }

  for (guint i = 0; i < n_cells (self); i++)
    {
      SrGridCell *cell = cell_of (self, i);
      float x = (float) sr_grid_plan_cell_x (self->plan, cell);
      float y = (float) sr_grid_plan_cell_y (self->plan, cell);
      GskRoundedRect rounded;
      GdkRGBA colour;
      double rgb[3];
      PangoLayout *text_layout = g_ptr_array_index (self->layouts, i);

      gboolean dimmed = !sr_unit_filter_matches (&self->filter, cell->unit);

      if (dimmed)
        gtk_snapshot_push_opacity (snapshot, 0.22);
      sr_unit_status_rgb (cell->unit->status, rgb);
      colour = (GdkRGBA) { (float) rgb[0], (float) rgb[1], (float) rgb[2], 1 };
      gsk_rounded_rect_init_from_rect (&rounded, &GRAPHENE_RECT_INIT (x, y, CELL_W, CELL_H), 5);
      gtk_snapshot_push_rounded_clip (snapshot, &rounded);
      gtk_snapshot_append_color (snapshot, &colour, &GRAPHENE_RECT_INIT (x, y, CELL_W, CELL_H));
      if (cell->unit->status == SR_UNIT_PENDING)
        {
          /* 待确认: hatched. */
          GdkRGBA hatch = { 1, 1, 1, 0.55f };
          for (int k = -CELL_H; k < CELL_W; k += 8)
            {
              gtk_snapshot_save (snapshot);
              gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x + k, y));
              gtk_snapshot_rotate (snapshot, 45);
              gtk_snapshot_append_color (snapshot, &hatch, &GRAPHENE_RECT_INIT (0, -2, 80, 3));
              gtk_snapshot_restore (snapshot);
            }
        }
      gtk_snapshot_pop (snapshot);
      if ((int) i == self->cursor && gtk_widget_has_focus (widget))
        {
          GdkRGBA ring = { 0.2f, 0.4f, 0.9f, 1 };
          float w[4] = { 3, 3, 3, 3 };
          GdkRGBA rings[4] = { ring, ring, ring, ring };
          gtk_snapshot_append_border (snapshot, &rounded, w, rings);
        }
      if (text_layout == NULL)
        {
          g_autofree char *text = sr_grid_cell_text (cell->unit);
          text_layout = gtk_widget_create_pango_layout (widget, text);
          pango_layout_set_width (text_layout, (CELL_W - 10) * PANGO_SCALE);
          pango_layout_set_ellipsize (text_layout, PANGO_ELLIPSIZE_END);
          g_ptr_array_index (self->layouts, i) = text_layout;
        }
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x + 6, y + 2));
      gtk_snapshot_append_layout (snapshot, text_layout, &(GdkRGBA) { 0.1f, 0.1f, 0.1f, 1 });
      gtk_snapshot_restore (snapshot);
      if (dimmed)
        gtk_snapshot_pop (snapshot);
    }
  g_object_unref (layout);
}

static int
cell_at (SrUnitGrid *self,
         double      px,
         double      py)
{
  return self->plan != NULL ? sr_grid_plan_cell_at (self->plan, px, py) : -1;
}

static void
on_pressed (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            SrUnitGrid      *self)
{
  int i = cell_at (self, x, y);

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (i < 0)
    return;
  self->cursor = i;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[UNIT_ACTIVATED], 0, cell_of (self, (guint) i)->unit->id);
}

static gboolean
on_query_tooltip (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    data)
{
  SrUnitGrid *self = SR_UNIT_GRID (widget);
  int i = keyboard ? self->cursor : cell_at (self, x, y);
  SrUnit *u;
  g_autofree char *area = NULL;
  g_autofree char *price = NULL;
  g_autofree char *per = NULL;
  g_autofree char *text = NULL;

  if (i < 0)
    return FALSE;
  u = cell_of (self, (guint) i)->unit;
  area = sr_area_format (u->area_centi);
  price = sr_money_format (u->price_fen);
  per = sr_money_format (sr_price_per_m2 (u->price_fen, u->area_centi));
  text = g_strdup_printf (_("%s · %s · %s m²\n%s (%s per m²)\n%s"), u->number, u->unit_type, area,
                          price, per, sr_unit_status_get_label (u->status));
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* Arrow keys move between cells by row and column; Enter opens the unit. */
static gboolean
on_key (GtkEventControllerKey *controller,
        guint                  keyval,
        guint                  keycode,
        GdkModifierType        state,
        SrUnitGrid            *self)
{
  int drow = 0, dcol = 0;
  SrGridCell *current;

  if (n_cells (self) == 0)
    return FALSE;
  if (self->cursor < 0)
    self->cursor = 0;
  current = cell_of (self, (guint) self->cursor);
  switch (keyval)
    {
    case GDK_KEY_Up: drow = -1; break;
    case GDK_KEY_Down: drow = 1; break;
    case GDK_KEY_Left: dcol = -1; break;
    case GDK_KEY_Right: dcol = 1; break;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      g_signal_emit (self, signals[UNIT_ACTIVATED], 0, current->unit->id);
      return TRUE;
    default:
      return FALSE;
    }
  for (guint i = 0; i < n_cells (self); i++)
    {
      SrGridCell *cell = cell_of (self, i);
      if (cell->row == current->row + drow && cell->column == current->column + dcol)
        {
          self->cursor = (int) i;
          gtk_widget_queue_draw (GTK_WIDGET (self));
          gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
          break;
        }
    }
  return TRUE;
}

static void
sr_unit_grid_finalize (GObject *object)
{
  SrUnitGrid *self = SR_UNIT_GRID (object);

  g_clear_pointer (&self->plan, sr_grid_plan_free);
  g_clear_pointer (&self->layouts, g_ptr_array_unref);
  g_clear_pointer (&self->filter_type, g_free);
  G_OBJECT_CLASS (sr_unit_grid_parent_class)->finalize (object);
}

static void
sr_unit_grid_class_init (SrUnitGridClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = sr_unit_grid_finalize;
  widget_class->measure = sr_unit_grid_measure;
  widget_class->snapshot = sr_unit_grid_snapshot;
  signals[UNIT_ACTIVATED] = g_signal_new ("unit-activated", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, G_TYPE_INT64);
  gtk_widget_class_set_css_name (widget_class, "unitgrid");
}

static void
sr_unit_grid_init (SrUnitGrid *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->layouts = g_ptr_array_new_with_free_func (g_object_unref_safe);
  self->cursor = -1;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), self);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key), self);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

GtkWidget *
sr_unit_grid_new (void)
{
  return g_object_new (SR_TYPE_UNIT_GRID, NULL);
}

void
sr_unit_grid_set_units (SrUnitGrid *self,
                        GPtrArray  *units)
{
  g_clear_pointer (&self->plan, sr_grid_plan_free);
  self->plan = sr_grid_plan_new (units);
  g_ptr_array_set_size (self->layouts, 0);
  g_ptr_array_set_size (self->layouts, (int) self->plan->cells->len);
  self->cursor = self->plan->cells->len > 0 ? 0 : -1;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

gboolean
sr_unit_grid_update_unit (SrUnitGrid *self,
                          SrUnit     *unit)
{
  if (self->plan == NULL)
    return FALSE;
  for (guint i = 0; i < self->plan->cells->len; i++)
    {
      SrGridCell *cell = &g_array_index (self->plan->cells, SrGridCell, i);
      SrUnit *shown = cell->unit;

      if (shown->id != unit->id)
        continue;
      /* Where it stands does not change; what it is and how it stands may. */
      if (shown->floor != unit->floor || g_strcmp0 (shown->entrance, unit->entrance) != 0 ||
          g_strcmp0 (shown->number, unit->number) != 0)
        return FALSE;
      shown->status = unit->status;
      shown->price_fen = unit->price_fen;
      shown->area_centi = unit->area_centi;
      g_free (shown->unit_type);
      shown->unit_type = g_strdup (unit->unit_type);
      g_clear_object ((PangoLayout **) &self->layouts->pdata[i]);   /* its text is made again */
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return TRUE;
    }
  return FALSE;
}

SrGridPlan *
sr_unit_grid_get_plan (SrUnitGrid *self)
{
  return self->plan;
}

const SrUnitFilter *
sr_unit_grid_get_filter (SrUnitGrid *self)
{
  return &self->filter;
}

void
sr_unit_grid_set_filter (SrUnitGrid         *self,
                         const SrUnitFilter *filter)
{
  g_clear_pointer (&self->filter_type, g_free);
  if (filter != NULL)
    self->filter = *filter;
  else
    memset (&self->filter, 0, sizeof self->filter);
  self->filter_type = g_strdup (self->filter.unit_type);
  self->filter.unit_type = self->filter_type;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
sr_unit_grid_get_n_matching (SrUnitGrid *self)
{
  guint n = 0;

  for (guint i = 0; i < n_cells (self); i++)
    n += sr_unit_filter_matches (&self->filter, cell_of (self, i)->unit);
  return n;
}

gint64
sr_unit_grid_get_cursor (SrUnitGrid *self)
{
  return self->cursor >= 0 ? cell_of (self, (guint) self->cursor)->unit->id : 0;
}
