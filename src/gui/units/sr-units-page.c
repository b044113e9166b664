/* sr-units-page.c — see sr-units-page.h. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "core/sr-bookings.h"
#include "core/sr-customers.h"
#include "core/sr-deal-steps.h"
#include "core/sr-money.h"
#include "core/sr-units.h"
#include "gui/sr-form.h"
#include "gui/sr-gui-util.h"
#include "gui/sr-window.h"
#include "gui/sr-print.h"
#include "registers/sr-grid-print.h"
#include "registers/sr-slips.h"
#include "sr-price-import-window.h"
#include "sr-project-overview.h"
#include "sr-unit-grid.h"
#include "sr-units-page.h"

typedef struct {
  SrContext *ctx;
  GtkWidget *root;
  GtkWidget *dropdown;
  GtkStringList *names;
  GArray *building_ids;
  GPtrArray *project_names;   /* the project of each building in the dropdown */
  GArray *project_ids;
  GtkWidget *overview;        /* the whole project, building by building */
  GtkWidget *filter_bar;
  GtkWidget *overview_toggle;
  GtkWidget *grid;
  GtkWidget *stack;     /* the grid, or what to do when there are no buildings */
  GtkWidget *counts;
  char *counts_text;
  /* The filter bar: dims the units that do not match. */
  GtkWidget *type_dropdown;
  GtkStringList *types;     /* item 0: all types */
  GtkWidget *area_min, *area_max, *price_min, *price_max;
  GtkWidget *status_dropdown; /* item 0: all statuses, then by SrUnitStatus */
  GtkWidget *clear;
  gboolean applying;
  gulong changed_id;
  gulong units_changed_id;
  guint units_done_at;   /* the poll whose units were redrawn one by one */
} Page;

gboolean
sr_units_page_is_for (SrSession *session)
{
  return sr_session_may (session, SR_ACTION_CONTROL_UNITS) ||
         sr_session_may (session, SR_ACTION_REQUEST_SUBSCRIPTION);
}

static void
page_free (Page *p)
{
  g_clear_signal_handler (&p->changed_id, p->ctx);
  g_clear_signal_handler (&p->units_changed_id, p->ctx);
  g_clear_object (&p->ctx);
  g_clear_pointer (&p->building_ids, g_array_unref);
  g_clear_pointer (&p->project_names, g_ptr_array_unref);
  g_clear_pointer (&p->project_ids, g_array_unref);
  g_clear_pointer (&p->counts_text, g_free);
  g_free (p);
}

/* An empty entry is no bound; one that does not parse is marked and ignored. */
static gint64
read_bound (GtkWidget *entry,
            gboolean   is_money)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  gint64 value = 0;
  gboolean ok;

  if (*text == '\0')
    ok = TRUE;
  else if (is_money)
    {
      /* Prices in 万元 (ten thousand yuan), as the office quotes them. */
      ok = sr_money_parse (text, &value, NULL) && value > 0 && value < G_MAXINT64 / 10000;
      value *= 10000;
    }
  else
    ok = sr_area_parse (text, &value, NULL);
  if (ok)
    gtk_widget_remove_css_class (entry, "error");
  else
    {
      gtk_widget_add_css_class (entry, "error");
      value = 0;
    }
  return value;
}

static void
apply_filter (Page *p)
{
  SrUnitFilter f = { 0 };
  guint type = gtk_drop_down_get_selected (GTK_DROP_DOWN (p->type_dropdown));
  guint status = gtk_drop_down_get_selected (GTK_DROP_DOWN (p->status_dropdown));
  gboolean any_text;

  if (p->applying)
    return;
  if (type != GTK_INVALID_LIST_POSITION && type > 0)
    f.unit_type = gtk_string_list_get_string (p->types, type);
  f.area_min_centi = read_bound (p->area_min, FALSE);
  f.area_max_centi = read_bound (p->area_max, FALSE);
  f.price_min_fen = read_bound (p->price_min, TRUE);
  f.price_max_fen = read_bound (p->price_max, TRUE);
  if (status != GTK_INVALID_LIST_POSITION && status > 0)
    f.status_mask = 1u << (status - 1);
  sr_unit_grid_set_filter (SR_UNIT_GRID (p->grid), &f);

  any_text = *gtk_editable_get_text (GTK_EDITABLE (p->area_min)) != '\0' ||
             *gtk_editable_get_text (GTK_EDITABLE (p->area_max)) != '\0' ||
             *gtk_editable_get_text (GTK_EDITABLE (p->price_min)) != '\0' ||
             *gtk_editable_get_text (GTK_EDITABLE (p->price_max)) != '\0';
  gtk_widget_set_sensitive (p->clear, any_text || !sr_unit_filter_is_empty (&f));
  if (sr_unit_filter_is_empty (&f))
    gtk_label_set_text (GTK_LABEL (p->counts), p->counts_text != NULL ? p->counts_text : "");
  else
    {
      g_autofree char *text = g_strdup_printf (_("%s · %u match the filter"), p->counts_text != NULL ? p->counts_text : "",
                                               sr_unit_grid_get_n_matching (SR_UNIT_GRID (p->grid)));
      gtk_label_set_text (GTK_LABEL (p->counts), text);
    }
}

static void
clear_filter (Page *p)
{
  p->applying = TRUE;
  gtk_drop_down_set_selected (GTK_DROP_DOWN (p->type_dropdown), 0);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (p->status_dropdown), 0);
  gtk_editable_set_text (GTK_EDITABLE (p->area_min), "");
  gtk_editable_set_text (GTK_EDITABLE (p->area_max), "");
  gtk_editable_set_text (GTK_EDITABLE (p->price_min), "");
  gtk_editable_set_text (GTK_EDITABLE (p->price_max), "");
  p->applying = FALSE;
  apply_filter (p);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The type dropdown offers the types of the building shown; the chosen one stays chosen
 * when the next building has it too. */
static void
refresh_types (Page      *p,
               GPtrArray *units)
{
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (p->type_dropdown));
  g_autofree char *keep = selected != GTK_INVALID_LIST_POSITION && selected > 0
                          ? g_strdup (gtk_string_list_get_string (p->types, selected)) : NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint new_selected = 0;

  for (guint i = 0; i < units->len; i++)
    {
      SrUnit *u = g_ptr_array_index (units, i);
      if (g_hash_table_add (seen, u->unit_type))
        g_ptr_array_add (names, u->unit_type);
    }
  g_ptr_array_sort (names, compare_names);
  p->applying = TRUE;
  gtk_string_list_splice (p->types, 1, g_list_model_get_n_items (G_LIST_MODEL (p->types)) - 1, NULL);
  for (guint i = 0; i < names->len; i++)
    {
      gtk_string_list_append (p->types, g_ptr_array_index (names, i));
      if (g_strcmp0 (keep, g_ptr_array_index (names, i)) == 0)
        new_selected = i + 1;
    }
  gtk_drop_down_set_selected (GTK_DROP_DOWN (p->type_dropdown), new_selected);
  p->applying = FALSE;
}

/* The counts line over the grid (statuses, sold, held share, what ran out lately). */
static void
show_counts (Page      *p,
             GPtrArray *units)
{
  guint counts[SR_N_UNIT_STATUSES] = { 0 };
  g_autoptr(GString) text = g_string_new (NULL);
  SrFen sold_fen = 0;
  gint64 sold_area = 0;

  for (guint k = 0; k < units->len; k++)
    {
      SrUnit *u = g_ptr_array_index (units, k);
      counts[u->status]++;
      if (u->status == SR_UNIT_SUBSCRIBED || u->status == SR_UNIT_SIGNED || u->status == SR_UNIT_DELIVERED)
        {
          sold_fen += u->price_fen;
          sold_area += u->area_centi;
        }
    }
  for (guint s = 0; s < SR_N_UNIT_STATUSES; s++)
    g_string_append_printf (text, "%s%s %u", s > 0 ? " · " : "", sr_unit_status_get_label (s), counts[s]);
  {
    g_autofree char *money = sr_money_format (sold_fen);
    g_autofree char *area = sr_area_format (sold_area);
    g_string_append_printf (text, _(" · sold %s m², %s · held share %.1f%%"), area, money,
                            units->len > 0 ? 100.0 * counts[SR_UNIT_HELD] / units->len : 0.0);
  }
  /* What ran out lately: the controller checks it after the sweep. */
  {
    g_autoptr(GPtrArray) expired = sr_bookings_list_expired (p->ctx, sr_context_now (p->ctx) - 7 * 86400, NULL);
    if (expired != NULL && expired->len > 0)
      {
        g_string_append_printf (text, _("\nReservations that ran out this week (%u): "), expired->len);
        for (guint k = 0; k < expired->len && k < 5; k++)
          g_string_append_printf (text, "%s%s", k > 0 ? "; " : "", (char *) g_ptr_array_index (expired, k));
        if (expired->len > 5)
          g_string_append (text, " …");
      }
  }
  g_free (p->counts_text);
  p->counts_text = g_string_free (g_steal_pointer (&text), FALSE);
  apply_filter (p);
}

static void
show_building (Page *p)
{
  guint i = gtk_drop_down_get_selected (GTK_DROP_DOWN (p->dropdown));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) units = NULL;

  if (i >= p->building_ids->len)
    return;
  units = sr_units_list (p->ctx, g_array_index (p->building_ids, gint64, i), &error);
  if (units == NULL)
    {
      sr_toast_error (p->root, error);
      return;
    }
  sr_unit_grid_set_units (SR_UNIT_GRID (p->grid), units);
  refresh_types (p, units);
  show_counts (p, units);
}

/* The grid of one building, the project overview, or what to do without buildings. */
static void
show_view (Page *p)
{
  guint i = gtk_drop_down_get_selected (GTK_DROP_DOWN (p->dropdown));
  gboolean overview = gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (p->overview_toggle));

  /* The filter and the counts are one building's. */
  gtk_widget_set_visible (p->filter_bar, !overview);
  gtk_widget_set_visible (p->counts, !overview);
  if (p->building_ids->len == 0)
    gtk_stack_set_visible_child_name (GTK_STACK (p->stack), "empty");
  else if (overview && i < p->project_ids->len)
    {
      sr_project_overview_set_project (p->overview, g_array_index (p->project_ids, gint64, i));
      gtk_stack_set_visible_child_name (GTK_STACK (p->stack), "overview");
    }
  else
    gtk_stack_set_visible_child_name (GTK_STACK (p->stack), "grid");
}

static void
on_overview_building (gint64   building_id,
                      gpointer data)
{
  Page *p = data;

  for (guint i = 0; i < p->building_ids->len; i++)
    if (g_array_index (p->building_ids, gint64, i) == building_id)
      gtk_drop_down_set_selected (GTK_DROP_DOWN (p->dropdown), i);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (p->overview_toggle), FALSE);
}

static void
reload_buildings (Page *p)
{
  g_autoptr(GPtrArray) projects = sr_projects_list (p->ctx, NULL);
  guint keep = gtk_drop_down_get_selected (GTK_DROP_DOWN (p->dropdown));

  g_array_set_size (p->building_ids, 0);
  g_ptr_array_set_size (p->project_names, 0);
  g_array_set_size (p->project_ids, 0);
  gtk_string_list_splice (p->names, 0, g_list_model_get_n_items (G_LIST_MODEL (p->names)), NULL);
  for (guint i = 0; projects != NULL && i < projects->len; i++)
    {
      SrProject *project = g_ptr_array_index (projects, i);
      g_autoptr(GPtrArray) buildings = sr_buildings_list (p->ctx, project->id, NULL);
      for (guint k = 0; buildings != NULL && k < buildings->len; k++)
        {
          SrBuilding *b = g_ptr_array_index (buildings, k);
          g_autofree char *label = g_strdup_printf ("%s · %s", project->name, b->name);
          g_array_append_val (p->building_ids, b->id);
          g_ptr_array_add (p->project_names, g_strdup (project->name));
          g_array_append_val (p->project_ids, project->id);
          gtk_string_list_append (p->names, label);
        }
    }
  if (keep != GTK_INVALID_LIST_POSITION && keep < p->building_ids->len)
    gtk_drop_down_set_selected (GTK_DROP_DOWN (p->dropdown), keep);
  show_view (p);
  show_building (p);
}

/* Another PC sold, held or released units: their cells are redrawn where they are, and
 * the counts made again; the whole building is not read again for the same news. */
static void
on_units_changed (SrContext *ctx,
                  GArray    *ids,
                  Page      *p)
{
  SrUnitGrid *grid = SR_UNIT_GRID (p->grid);
  SrGridPlan *plan = sr_unit_grid_get_plan (grid);
  gint64 building;

  if (plan == NULL || plan->units->len == 0 ||
      gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (p->overview_toggle)))
    return;
  building = ((SrUnit *) g_ptr_array_index (plan->units, 0))->building_id;
  for (guint k = 0; k < ids->len; k++)
    {
      g_autoptr(SrUnit) unit = sr_units_get (ctx, g_array_index (ids, gint64, k), NULL);

      /* Gone, or moved on the grid: the building is read again ("changed" follows). */
      if (unit == NULL)
        return;
      if (unit->building_id == building && !sr_unit_grid_update_unit (grid, unit))
        return;
    }
  show_counts (p, plan->units);
  p->units_done_at = sr_context_get_poll_serial (ctx);
}

static void
on_changed (SrContext  *ctx,
            const char *table,
            Page       *p)
{
  /* Already redrawn cell by cell for this poll's news. */
  if (g_strcmp0 (table, "units") == 0 && p->units_done_at != 0 &&
      p->units_done_at == sr_context_get_poll_serial (ctx) &&
      !gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (p->overview_toggle)))
    return;
  if (g_strcmp0 (table, "units") == 0)
    {
      show_building (p);
      if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (p->overview_toggle)))
        show_view (p);
    }
  else if (g_strcmp0 (table, "buildings") == 0 || g_strcmp0 (table, "projects") == 0)
    reload_buildings (p);
}

static void
on_unit_activated (SrUnitGrid *grid,
                   gint64      unit_id,
                   Page       *p)
{
  gtk_window_present (GTK_WINDOW (sr_unit_window_new (p->root, p->ctx, unit_id)));
}

static GtkWidget *
bound_entry_new (Page       *p,
                 const char *placeholder)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 8);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), 8);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_NUMBER);
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (apply_filter), p);
  return entry;
}

/* Type, area, total price and status: units that do not match are dimmed, not hidden,
 * so the controller still sees where they stand in the building. */
static GtkWidget *
filter_bar_new (Page *p)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkStringList *statuses = gtk_string_list_new (NULL);
  GtkWidget *dash;

  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_bottom (bar, 6);
  gtk_box_append (GTK_BOX (bar), gtk_label_new (_("Show")));

  p->types = gtk_string_list_new ((const char *[]) { _("All types"), NULL });
  p->type_dropdown = gtk_drop_down_new (G_LIST_MODEL (p->types), NULL);
  gtk_widget_set_tooltip_text (p->type_dropdown, _("Unit type"));
  g_signal_connect_swapped (p->type_dropdown, "notify::selected", G_CALLBACK (apply_filter), p);
  gtk_box_append (GTK_BOX (bar), p->type_dropdown);

  p->area_min = bound_entry_new (p, _("Min m²"));
  p->area_max = bound_entry_new (p, _("Max m²"));
  gtk_box_append (GTK_BOX (bar), p->area_min);
  dash = gtk_label_new ("–");
  gtk_box_append (GTK_BOX (bar), dash);
  gtk_box_append (GTK_BOX (bar), p->area_max);
  gtk_box_append (GTK_BOX (bar), gtk_label_new ("m²"));

  p->price_min = bound_entry_new (p, _("Min ¥10k"));
  p->price_max = bound_entry_new (p, _("Max ¥10k"));
  gtk_widget_set_tooltip_text (p->price_min, _("Total list price, in units of ¥10,000"));
  gtk_widget_set_tooltip_text (p->price_max, _("Total list price, in units of ¥10,000"));
  gtk_widget_set_margin_start (p->price_min, 12);
  gtk_box_append (GTK_BOX (bar), p->price_min);
  gtk_box_append (GTK_BOX (bar), gtk_label_new ("–"));
  gtk_box_append (GTK_BOX (bar), p->price_max);
  gtk_box_append (GTK_BOX (bar), gtk_label_new (_("×¥10k")));

  gtk_string_list_append (statuses, _("All statuses"));
  for (guint s = 0; s < SR_N_UNIT_STATUSES; s++)
    gtk_string_list_append (statuses, sr_unit_status_get_label (s));
  p->status_dropdown = gtk_drop_down_new (G_LIST_MODEL (statuses), NULL);
  gtk_widget_set_tooltip_text (p->status_dropdown, _("Status"));
  gtk_widget_set_margin_start (p->status_dropdown, 12);
  g_signal_connect_swapped (p->status_dropdown, "notify::selected", G_CALLBACK (apply_filter), p);
  gtk_box_append (GTK_BOX (bar), p->status_dropdown);

  p->clear = gtk_button_new_with_mnemonic (_("_Clear Filter"));
  gtk_widget_set_sensitive (p->clear, FALSE);
  g_signal_connect_swapped (p->clear, "clicked", G_CALLBACK (clear_filter), p);
  gtk_box_append (GTK_BOX (bar), p->clear);
  return bar;
}

typedef struct {
  char *title;
  char *printed_on;
  SrGridPlan *plan;       /* the page keeps what it prints, even if the grid changes */
  SrUnitFilter filter;
  char *filter_type;
} GridJob;

static void
grid_job_free (GridJob *job)
{
  g_free (job->title);
  g_free (job->printed_on);
  g_clear_pointer (&job->plan, sr_grid_plan_free);
  g_free (job->filter_type);
  g_free (job);
}

static void
draw_grid (cairo_t  *cr,
           double    width,
           double    height,
           gpointer  data)
{
  GridJob *job = data;
  sr_grid_print_page (cr, width, height, job->title, job->printed_on, job->plan, &job->filter);
}

/* The building on one landscape page, as on screen (filter dimming included). */
static void
on_print (Page *p)
{
  SrGridPlan *plan = sr_unit_grid_get_plan (SR_UNIT_GRID (p->grid));
  GtkStringObject *name = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (p->dropdown));
  g_autofree char *today = sr_clock_today (sr_context_get_clock (p->ctx));
  GridJob *job;

  if (plan == NULL)
    return;
  job = g_new0 (GridJob, 1);
  job->title = g_strdup_printf (_("Unit grid · %s"), name != NULL ? gtk_string_object_get_string (name) : "");
  job->printed_on = g_strdup_printf (_("Printed %s"), today);
  job->plan = sr_grid_plan_new (plan->units);
  job->filter = *sr_unit_grid_get_filter (SR_UNIT_GRID (p->grid));
  job->filter_type = g_strdup (job->filter.unit_type);
  job->filter.unit_type = job->filter_type;
  sr_print_page (p->root, _("Unit grid"), TRUE, draw_grid, job, (GDestroyNotify) grid_job_free);
}

static void
draw_price_page (cairo_t  *cr,
                 double    width,
                 double    height,
                 guint     page,
                 gpointer  data)
{
  sr_price_list_print_draw_page (cr, width, height, page, data);
}

/* The full price list of the building: the controller's and the manager's paper. */
static void
on_print_prices (Page *p)
{
  guint i = gtk_drop_down_get_selected (GTK_DROP_DOWN (p->dropdown));
  g_autoptr(GError) error = NULL;
  SrPriceListPrint *print;

  if (i >= p->building_ids->len)
    return;
  print = sr_price_list_print_new (p->ctx, g_array_index (p->building_ids, gint64, i), &error);
  if (print == NULL)
    {
      sr_toast_error (p->root, error);
      return;
    }
  sr_print_pages (p->root, _("Price list"), FALSE, sr_price_list_print_n_pages (print), draw_price_page, print,
                  (GDestroyNotify) sr_price_list_print_free);
}

static gboolean
print_shortcut (GtkWidget *widget,
                GVariant  *args,
                Page      *p)
{
  on_print (p);
  return TRUE;
}

static void
on_import (Page *p)
{
  guint i = gtk_drop_down_get_selected (GTK_DROP_DOWN (p->dropdown));
  const char *project = i < p->project_names->len ? g_ptr_array_index (p->project_names, i) : NULL;

  sr_price_import_choose (p->root, p->ctx, project);
}

GtkWidget *
sr_units_page_new (SrContext *ctx)
{
  Page *p = g_new0 (Page, 1);
  GtkWidget *toolbar, *box, *scroller, *legend;

  p->ctx = g_object_ref (ctx);
  p->building_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  p->project_names = g_ptr_array_new_with_free_func (g_free);
  p->project_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  p->names = gtk_string_list_new (NULL);
  p->dropdown = gtk_drop_down_new (G_LIST_MODEL (p->names), NULL);
  gtk_widget_set_tooltip_text (p->dropdown, _("Building"));
  p->grid = sr_unit_grid_new ();
  gtk_widget_set_margin_start (p->grid, 12);
  gtk_widget_set_margin_top (p->grid, 6);
  gtk_widget_set_margin_end (p->grid, 12);
  gtk_widget_set_margin_bottom (p->grid, 12);
  g_signal_connect (p->grid, "unit-activated", G_CALLBACK (on_unit_activated), p);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), p->grid);

  p->stack = gtk_stack_new ();
  gtk_stack_add_named (GTK_STACK (p->stack), scroller, "grid");
  p->overview = sr_project_overview_new (ctx, on_overview_building, p);
  gtk_stack_add_named (GTK_STACK (p->stack), p->overview, "overview");
  {
    GtkWidget *empty = adw_status_page_new ();
    adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "view-grid-symbolic");
    adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Units Yet"));
    if (sr_session_may (sr_context_get_session (ctx), SR_ACTION_EDIT_UNITS))
      {
        GtkWidget *button = gtk_button_new_with_mnemonic (_("_Import Price List…"));
        adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                         _("Import the developer’s price list (CSV saved from Excel), or lay out "
                                           "buildings in Admin → Projects and Units."));
        gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
        gtk_widget_add_css_class (button, "pill");
        gtk_widget_add_css_class (button, "suggested-action");
        g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_import), p);
        adw_status_page_set_child (ADW_STATUS_PAGE (empty), button);
      }
    else
      adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                       _("The sales controller imports the price list; the grid shows here then."));
    gtk_stack_add_named (GTK_STACK (p->stack), empty, "empty");
  }

  box = sr_toolbar_view_new (&toolbar, p->stack);
  gtk_box_append (GTK_BOX (toolbar), p->dropdown);
  p->overview_toggle = gtk_toggle_button_new_with_mnemonic (_("Project _Overview"));
  gtk_widget_set_tooltip_text (p->overview_toggle, _("Every building of this project, small, with its counts"));
  g_signal_connect_swapped (p->overview_toggle, "toggled", G_CALLBACK (show_view), p);
  gtk_box_append (GTK_BOX (toolbar), p->overview_toggle);
  legend = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  for (guint s = 0; s < SR_N_UNIT_STATUSES; s++)
    {
      GtkWidget *chip = gtk_label_new (sr_unit_status_get_label (s));
      gtk_widget_add_css_class (chip, "unit-status");
      gtk_widget_add_css_class (chip, sr_unit_status_get_code (s));
      gtk_box_append (GTK_BOX (legend), chip);
    }
  gtk_widget_set_valign (legend, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (toolbar), legend);
  {
    GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
    GtkWidget *print = gtk_button_new_with_mnemonic (_("_Print…"));
    GtkShortcutController *shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
    gtk_widget_set_hexpand (spacer, TRUE);
    gtk_box_append (GTK_BOX (toolbar), spacer);
    gtk_widget_set_tooltip_text (print, _("Print this building’s grid on a landscape page, or save it as PDF (Ctrl+P)"));
    g_signal_connect_swapped (print, "clicked", G_CALLBACK (on_print), p);
    gtk_box_append (GTK_BOX (toolbar), print);
    if (sr_session_may (sr_context_get_session (ctx), SR_ACTION_CONTROL_UNITS))
      {
        GtkWidget *prices = gtk_button_new_with_mnemonic (_("Print Price _List…"));
        gtk_widget_set_tooltip_text (prices, _("Every unit of this building with its prices (for the sales controller and the manager)"));
        g_signal_connect_swapped (prices, "clicked", G_CALLBACK (on_print_prices), p);
        gtk_box_append (GTK_BOX (toolbar), prices);
      }
    gtk_shortcut_controller_set_scope (shortcuts, GTK_SHORTCUT_SCOPE_MANAGED);
    gtk_shortcut_controller_add_shortcut (shortcuts,
      gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_p, GDK_CONTROL_MASK),
                        gtk_callback_action_new ((GtkShortcutFunc) print_shortcut, p, NULL)));
    gtk_widget_add_controller (box, GTK_EVENT_CONTROLLER (shortcuts));
  }
  if (sr_session_may (sr_context_get_session (ctx), SR_ACTION_EDIT_UNITS))
    {
      GtkWidget *import = gtk_button_new_with_mnemonic (_("_Import Price List…"));
      gtk_widget_set_tooltip_text (import, _("Bring in the developer’s price list saved from Excel as CSV"));
      g_signal_connect_swapped (import, "clicked", G_CALLBACK (on_import), p);
      gtk_box_append (GTK_BOX (toolbar), import);
    }
  p->counts = gtk_label_new (NULL);
  gtk_widget_add_css_class (p->counts, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (p->counts), TRUE);
  gtk_label_set_xalign (GTK_LABEL (p->counts), 0);
  gtk_widget_set_margin_start (p->counts, 12);
  gtk_widget_set_margin_top (p->counts, 6);
  gtk_box_insert_child_after (GTK_BOX (box), p->counts, gtk_widget_get_next_sibling (toolbar));
  p->filter_bar = filter_bar_new (p);
  gtk_box_insert_child_after (GTK_BOX (box), p->filter_bar, toolbar);
  g_signal_connect_swapped (p->dropdown, "notify::selected", G_CALLBACK (show_building), p);
  g_signal_connect_swapped (p->dropdown, "notify::selected", G_CALLBACK (show_view), p);

  p->root = box;
  g_object_set_data_full (G_OBJECT (box), "sr-units-page", p, (GDestroyNotify) page_free);
  p->changed_id = g_signal_connect (ctx, "changed", G_CALLBACK (on_changed), p);
  p->units_changed_id = g_signal_connect (ctx, "units-changed", G_CALLBACK (on_units_changed), p);
  reload_buildings (p);
  return box;
}

/* A unit's panel ---------------------------------------------------------------------------- */
