/* sr-unit-grid.c — see sr-unit-grid.h. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "core/sr-money.h"
#include "core/sr-units.h"
#include "sr-unit-grid.h"

#define CELL_W 92
#define CELL_H 58
#define GAP 4
#define FLOOR_W 40
#define HEADER_H 24
#define ENTRANCE_GAP 14

typedef struct {
  SrUnit *unit;
  int row;              /* 0 = top floor */
  int column;           /* across entrances */
  PangoLayout *layout;  /* the cell's text, made once */
} Cell;

struct _SrUnitGrid
{
  GtkWidget parent_instance;

  GPtrArray *units;
  GArray *cells;      /* Cell */
  GArray *floors;     /* int, top first */
  GPtrArray *columns; /* char* "entrance|NN" labels, in order */
  GArray *column_xs;  /* int: x of each column */
  int cursor;         /* index into cells, -1 */
  SrUnitFilter filter;
  char *filter_type;  /* owns filter.unit_type */
};

enum { UNIT_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SrUnitGrid, sr_unit_grid, GTK_TYPE_WIDGET)

/* The colours of the legend (PRODUCT.md): available green, held grey, reserved yellow,
 * pending hatched yellow, subscribed orange, signed red, delivered blue. */
static void
status_colour (SrUnitStatus status,
               GdkRGBA     *rgba)
{
  static const char *colours[SR_N_UNIT_STATUSES] = {
    [SR_UNIT_AVAILABLE] = "#57e389", [SR_UNIT_HELD] = "#c0bfbc", [SR_UNIT_RESERVED] = "#f8e45c",
    [SR_UNIT_PENDING] = "#f8e45c", [SR_UNIT_SUBSCRIBED] = "#ffa348", [SR_UNIT_SIGNED] = "#f66151",
    [SR_UNIT_DELIVERED] = "#99c1f1",
  };
  gdk_rgba_parse (rgba, colours[status]);
}

static int compute_column_x (SrUnitGrid *self, int column);

static int
column_x (SrUnitGrid *self,
          int         column)
{
  if (column >= 0 && (guint) column < self->column_xs->len)
    return g_array_index (self->column_xs, int, column);
  return compute_column_x (self, column);
}

static int
compute_column_x (SrUnitGrid *self,
                  int         column)
{
  int x = FLOOR_W, entrance_breaks = 0;
  const char *previous = NULL;

  for (int c = 0; c <= column && c < (int) self->columns->len; c++)
    {
      const char *label = g_ptr_array_index (self->columns, c);
      const char *bar = strchr (label, '|');
      if (previous != NULL && strncmp (previous, label, (size_t) (bar - label)) != 0)
        entrance_breaks++;
      previous = label;
    }
  x += column * (CELL_W + GAP) + entrance_breaks * ENTRANCE_GAP;
  return x;
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

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = self->columns->len > 0 ? column_x (self, (int) self->columns->len - 1) + CELL_W + GAP : 0;
  else
    *minimum = *natural = HEADER_H + (int) self->floors->len * (CELL_H + GAP);
}

static void
sr_unit_grid_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  SrUnitGrid *self = SR_UNIT_GRID (widget);
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, NULL);
  GdkRGBA fg;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);

  /* Column headers: entrance and unit number, e.g. 1单元 01. */
  for (guint c = 0; c < self->columns->len; c++)
    {
      const char *label = g_ptr_array_index (self->columns, c);
      g_auto(GStrv) parts = g_strsplit (label, "|", 2);
      g_autofree char *text = *parts[0] != '\0' ? g_strdup_printf (_("Entrance %s · %s"), parts[0], parts[1])
                                                : g_strdup (parts[1]);
      pango_layout_set_text (layout, text, -1);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (column_x (self, (int) c) + 4, 2));
      gtk_snapshot_append_layout (snapshot, layout, &(GdkRGBA) { fg.red, fg.green, fg.blue, 0.6f });
      gtk_snapshot_restore (snapshot);
    }
  /* Floor numbers. */
  for (guint r = 0; r < self->floors->len; r++)
    {
      g_autofree char *text = g_strdup_printf (_("%dF"), g_array_index (self->floors, int, r));
      pango_layout_set_text (layout, text, -1);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (4, HEADER_H + (int) r * (CELL_H + GAP) + 12));
      gtk_snapshot_append_layout (snapshot, layout, &(GdkRGBA) { fg.red, fg.green, fg.blue, 0.6f });
      gtk_snapshot_restore (snapshot);
    }

  for (guint i = 0; i < self->cells->len; i++)
    {
      Cell *cell = &g_array_index (self->cells, Cell, i);
      float x = (float) column_x (self, cell->column);
      float y = (float) (HEADER_H + cell->row * (CELL_H + GAP));
      GskRoundedRect rounded;
      GdkRGBA colour;

      gboolean dimmed = !sr_unit_filter_matches (&self->filter, cell->unit);

      if (dimmed)
        gtk_snapshot_push_opacity (snapshot, 0.22);
      status_colour (cell->unit->status, &colour);
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
      if (cell->layout == NULL)
        {
          g_autofree char *area = sr_area_format (cell->unit->area_centi);
          g_autofree char *text = g_strdup_printf ("%s\n%s\n%s m²", cell->unit->number,
                                                   cell->unit->unit_type, area);
          cell->layout = gtk_widget_create_pango_layout (widget, text);
          pango_layout_set_width (cell->layout, (CELL_W - 10) * PANGO_SCALE);
          pango_layout_set_ellipsize (cell->layout, PANGO_ELLIPSIZE_END);
        }
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x + 6, y + 2));
      gtk_snapshot_append_layout (snapshot, cell->layout, &(GdkRGBA) { 0.1f, 0.1f, 0.1f, 1 });
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
  for (guint i = 0; i < self->cells->len; i++)
    {
      Cell *cell = &g_array_index (self->cells, Cell, i);
      int x = column_x (self, cell->column);
      int y = HEADER_H + cell->row * (CELL_H + GAP);
      if (px >= x && px < x + CELL_W && py >= y && py < y + CELL_H)
        return (int) i;
    }
  return -1;
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
  g_signal_emit (self, signals[UNIT_ACTIVATED], 0, g_array_index (self->cells, Cell, i).unit->id);
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
  u = g_array_index (self->cells, Cell, i).unit;
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
  Cell *current;

  if (self->cells->len == 0)
    return FALSE;
  if (self->cursor < 0)
    self->cursor = 0;
  current = &g_array_index (self->cells, Cell, self->cursor);
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
  for (guint i = 0; i < self->cells->len; i++)
    {
      Cell *cell = &g_array_index (self->cells, Cell, i);
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

  for (guint i = 0; self->cells != NULL && i < self->cells->len; i++)
    g_clear_object (&g_array_index (self->cells, Cell, i).layout);
  g_clear_pointer (&self->units, g_ptr_array_unref);
  g_clear_pointer (&self->cells, g_array_unref);
  g_clear_pointer (&self->column_xs, g_array_unref);
  g_clear_pointer (&self->floors, g_array_unref);
  g_clear_pointer (&self->columns, g_ptr_array_unref);
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

  self->cells = g_array_new (FALSE, FALSE, sizeof (Cell));
  self->floors = g_array_new (FALSE, FALSE, sizeof (int));
  self->columns = g_ptr_array_new_with_free_func (g_free);
  self->column_xs = g_array_new (FALSE, FALSE, sizeof (int));
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

/* "2|03" before "10|01": entrances by number, then the unit's place on the floor. */
static int
compare_columns (gconstpointer a,
                 gconstpointer b)
{
  const char *x = *(const char * const *) a;
  const char *y = *(const char * const *) b;
  int ex = atoi (x), ey = atoi (y);

  if (ex != ey)
    return ex - ey;
  return g_strcmp0 (strchr (x, '|'), strchr (y, '|'));
}

static int
compare_int_desc (gconstpointer a,
                  gconstpointer b)
{
  return *(const int *) b - *(const int *) a;
}

void
sr_unit_grid_set_units (SrUnitGrid *self,
                        GPtrArray  *units)
{
  g_autoptr(GHashTable) floors = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GHashTable) columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < self->cells->len; i++)
    g_clear_object (&g_array_index (self->cells, Cell, i).layout);
  g_clear_pointer (&self->units, g_ptr_array_unref);
  self->units = g_ptr_array_ref (units);
  g_array_set_size (self->cells, 0);
  g_array_set_size (self->column_xs, 0);
  g_array_set_size (self->floors, 0);
  g_ptr_array_set_size (self->columns, 0);

  /* A unit's column: its entrance and the number without the floor (1203 → 03). */
  for (guint i = 0; i < units->len; i++)
    {
      SrUnit *u = g_ptr_array_index (units, i);
      g_autofree char *floor_prefix = g_strdup_printf ("%d", u->floor);
      const char *rest = g_str_has_prefix (u->number, floor_prefix) ? u->number + strlen (floor_prefix) : u->number;
      g_autofree char *key = g_strdup_printf ("%s|%s", u->entrance, rest);

      if (!g_hash_table_contains (floors, GINT_TO_POINTER (u->floor)))
        {
          g_hash_table_add (floors, GINT_TO_POINTER (u->floor));
          g_array_append_val (self->floors, u->floor);
        }
      if (!g_hash_table_contains (columns, key))
        {
          g_hash_table_add (columns, g_strdup (key));
          g_ptr_array_add (self->columns, g_strdup (key));
        }
    }
  g_array_sort (self->floors, compare_int_desc);
  g_ptr_array_sort (self->columns, compare_columns);
  for (guint c = 0; c < self->columns->len; c++)
    {
      int x = compute_column_x (self, (int) c);
      g_array_append_val (self->column_xs, x);
    }

  for (guint i = 0; i < units->len; i++)
    {
      SrUnit *u = g_ptr_array_index (units, i);
      g_autofree char *floor_prefix = g_strdup_printf ("%d", u->floor);
      const char *rest = g_str_has_prefix (u->number, floor_prefix) ? u->number + strlen (floor_prefix) : u->number;
      g_autofree char *key = g_strdup_printf ("%s|%s", u->entrance, rest);
      Cell cell = { u, 0, 0, NULL };

      for (guint r = 0; r < self->floors->len; r++)
        if (g_array_index (self->floors, int, r) == u->floor)
          cell.row = (int) r;
      for (guint c = 0; c < self->columns->len; c++)
        if (g_strcmp0 (g_ptr_array_index (self->columns, c), key) == 0)
          cell.column = (int) c;
      g_array_append_val (self->cells, cell);
    }
  self->cursor = self->cells->len > 0 ? 0 : -1;
  gtk_widget_queue_resize (GTK_WIDGET (self));
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

  for (guint i = 0; i < self->cells->len; i++)
    n += sr_unit_filter_matches (&self->filter, g_array_index (self->cells, Cell, i).unit);
  return n;
}

gint64
sr_unit_grid_get_cursor (SrUnitGrid *self)
{
  return self->cursor >= 0 ? g_array_index (self->cells, Cell, self->cursor).unit->id : 0;
}
