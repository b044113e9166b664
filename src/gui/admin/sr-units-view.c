/* sr-units-view.c — projects → buildings → units: create a building floor by floor,
 * edit a unit's type, area and price (kept as price history). */
#include "config.h"

#include <glib/gi18n.h>

#include "core/sr-units.h"
#include "gui/sr-form.h"
#include "gui/sr-gui-util.h"
#include "gui/sr-window.h"
#include "sr-admin-views.h"

#define MAX_COLUMNS_IN_FORM 8

typedef struct {
  SrContext *ctx;
  GtkWidget *root;
  GtkWidget *stack;          /* "empty" | "content" */
  GtkWidget *project_dropdown;
  GtkStringList *project_names;
  GPtrArray *projects;       /* SrProject */
  GtkWidget *building_list;
  GPtrArray *buildings;      /* SrBuilding */
  GListStore *units;
  GtkSingleSelection *selection;
  GtkWidget *units_title;
  GSimpleActionGroup *actions;
  gulong changed_id;
  gint64 project_id;
  gint64 building_id;
} UnitsView;

static void reload_buildings (UnitsView *v);

static void
units_view_free (UnitsView *v)
{
  g_clear_signal_handler (&v->changed_id, v->ctx);
  g_clear_object (&v->ctx);
  g_clear_pointer (&v->projects, g_ptr_array_unref);
  g_clear_pointer (&v->buildings, g_ptr_array_unref);
  g_clear_object (&v->units);
  g_clear_object (&v->actions);
  g_free (v);
}

static void
set_enabled (UnitsView  *v,
             const char *name,
             gboolean    enabled)
{
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (v->actions), name)),
                               enabled);
}

static void
reload_units (UnitsView *v)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  g_list_store_remove_all (v->units);
  if (v->building_id == 0)
    {
      gtk_label_set_text (GTK_LABEL (v->units_title), _("Choose a building on the left."));
      set_enabled (v, "edit-unit", FALSE);
      return;
    }
  rows = sr_units_list (v->ctx, v->building_id, &error);
  if (rows == NULL)
    {
      sr_toast_error (v->root, error);
      return;
    }
  g_list_store_splice (v->units, 0, 0, rows->pdata, rows->len);
  for (guint i = 0; i < v->buildings->len; i++)
    {
      SrBuilding *b = g_ptr_array_index (v->buildings, i);
      if (b->id == v->building_id)
        {
          g_autofree char *text = g_strdup_printf (_("%s: %d floors, %d units"), b->name,
                                                   b->floors, b->n_units);
          gtk_label_set_text (GTK_LABEL (v->units_title), text);
        }
    }
  set_enabled (v, "edit-unit", rows->len > 0);
}

static void
on_building_selected (GtkListBox    *list,
                      GtkListBoxRow *row,
                      UnitsView     *v)
{
  gint64 id = 0;

  if (row != NULL)
    id = ((SrBuilding *) g_ptr_array_index (v->buildings, gtk_list_box_row_get_index (row)))->id;
  if (id == v->building_id && row != NULL && g_list_model_get_n_items (G_LIST_MODEL (v->units)) > 0)
    return;
  v->building_id = id;
  reload_units (v);
}

static void
reload_buildings (UnitsView *v)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  gint64 keep = v->building_id;
  GtkListBoxRow *to_select = NULL;

  g_clear_pointer (&v->buildings, g_ptr_array_unref);
  while ((child = gtk_widget_get_first_child (v->building_list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (v->building_list), child);
  v->building_id = 0;
  if (v->project_id == 0)
    {
      v->buildings = g_ptr_array_new_with_free_func (g_object_unref);
      reload_units (v);
      return;
    }
  v->buildings = sr_buildings_list (v->ctx, v->project_id, &error);
  if (v->buildings == NULL)
    {
      v->buildings = g_ptr_array_new_with_free_func (g_object_unref);
      sr_toast_error (v->root, error);
      return;
    }
  for (guint i = 0; i < v->buildings->len; i++)
    {
      SrBuilding *b = g_ptr_array_index (v->buildings, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = g_strdup_printf (_("%d floors · %d units"), b->floors, b->n_units);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), b->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (GTK_LIST_BOX (v->building_list), row);
      if (b->id == keep || (keep == 0 && i == 0))
        to_select = GTK_LIST_BOX_ROW (row);
    }
  if (to_select == NULL && v->buildings->len > 0)
    to_select = gtk_list_box_get_row_at_index (GTK_LIST_BOX (v->building_list), 0);
  if (to_select != NULL)
    gtk_list_box_select_row (GTK_LIST_BOX (v->building_list), to_select);
  else
    reload_units (v);
}

static void
on_project_selected (UnitsView *v)
{
  guint i = gtk_drop_down_get_selected (GTK_DROP_DOWN (v->project_dropdown));

  v->project_id = (v->projects != NULL && i < v->projects->len)
                  ? ((SrProject *) g_ptr_array_index (v->projects, i))->id : 0;
  v->building_id = 0;
  set_enabled (v, "add-building", v->project_id != 0);
  reload_buildings (v);
}

static void
reload_projects (UnitsView *v)
{
  g_autoptr(GError) error = NULL;
  gint64 keep = v->project_id;
  guint select = 0;
  g_autoptr(GPtrArray) projects = sr_projects_list (v->ctx, &error);

  if (projects == NULL)
    {
      sr_toast_error (v->root, error);
      return;
    }
  g_clear_pointer (&v->projects, g_ptr_array_unref);
  v->projects = g_steal_pointer (&projects);
  g_signal_handlers_block_by_func (v->project_dropdown, on_project_selected, v);
  gtk_string_list_splice (v->project_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (v->project_names)), NULL);
  for (guint i = 0; i < v->projects->len; i++)
    {
      SrProject *p = g_ptr_array_index (v->projects, i);
      gtk_string_list_append (v->project_names, p->name);
      if (p->id == keep)
        select = i;
    }
  gtk_drop_down_set_selected (GTK_DROP_DOWN (v->project_dropdown), select);
  g_signal_handlers_unblock_by_func (v->project_dropdown, on_project_selected, v);
  gtk_stack_set_visible_child_name (GTK_STACK (v->stack), v->projects->len > 0 ? "content" : "empty");
  v->project_id = keep;
  on_project_selected (v);
}

static void
on_changed (SrContext  *ctx,
            const char *table,
            UnitsView  *v)
{
  if (g_strcmp0 (table, "projects") == 0)
    reload_projects (v);
  else if (g_strcmp0 (table, "buildings") == 0)
    reload_buildings (v);
  else if (g_strcmp0 (table, "units") == 0)
    reload_units (v);
}

/* Cells ------------------------------------------------------------------------------- */

static char *cell_entrance (gpointer item) { const char *e = SR_UNIT (item)->entrance; return *e ? g_strdup_printf (_("Entrance %s"), e) : g_strdup ("—"); }
static char *cell_floor (gpointer item) { return g_strdup_printf ("%d", SR_UNIT (item)->floor); }
static char *cell_number (gpointer item) { return g_strdup (SR_UNIT (item)->number); }
static char *cell_type (gpointer item) { return g_strdup (SR_UNIT (item)->unit_type); }
static char *cell_area (gpointer item) { return sr_area_format (SR_UNIT (item)->area_centi); }
static char *cell_price (gpointer item) { return sr_money_format (SR_UNIT (item)->price_fen); }
static char *cell_per_m2 (gpointer item) { return sr_money_format (sr_price_per_m2 (SR_UNIT (item)->price_fen, SR_UNIT (item)->area_centi)); }
static char *cell_status (gpointer item) { return g_strdup (sr_unit_status_get_label (SR_UNIT (item)->status)); }

/* Actions ------------------------------------------------------------------------------ */

static gboolean
save_project (SrForm   *form,
              gpointer  user_data,
              GError  **error)
{
  UnitsView *v = user_data;
  gint64 id = sr_projects_add (v->ctx, sr_form_get_text (form, "name"),
                               sr_form_get_text (form, "address"), error);
  if (id == 0)
    return FALSE;
  v->project_id = id;
  reload_projects (v);
  sr_toast (v->root, _("Project added. Now add its buildings."));
  return TRUE;
}

static void
add_project_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  UnitsView *v = user_data;
  SrForm *form = sr_form_new (v->root, _("New Project"), _("_Add"));

  sr_form_add_entry (form, "name", _("Project name (楼盘)"), NULL);
  sr_form_add_entry (form, "address", _("Address"), NULL);
  sr_form_run (form, save_project, v, NULL);
}

static void
on_columns_changed (GtkSpinButton *spin,
                    SrForm        *form)
{
  int n = gtk_spin_button_get_value_as_int (spin);

  for (int i = 0; i < MAX_COLUMNS_IN_FORM; i++)
    {
      g_autofree char *id = g_strdup_printf ("row%d", i);
      gtk_widget_set_visible (sr_form_get_field (form, id), i < n);
    }
}

static gboolean
save_building (SrForm   *form,
               gpointer  user_data,
               GError  **error)
{
  UnitsView *v = user_data;
  SrUnitColumn columns[MAX_COLUMNS_IN_FORM];
  g_autofree char *name = g_strstrip (g_strdup (sr_form_get_text (form, "name")));
  SrBuildingPlan plan = { 0 };
  SrFen step = 0;
  gint64 id;
  int n = sr_form_get_int (form, "columns");

  for (int i = 0; i < n; i++)
    {
      g_autofree char *type_id = g_strdup_printf ("type%d", i);
      g_autofree char *area_id = g_strdup_printf ("area%d", i);
      g_autofree char *price_id = g_strdup_printf ("price%d", i);

      columns[i].unit_type = sr_form_get_text (form, type_id);
      if (!sr_area_parse (sr_form_get_text (form, area_id), &columns[i].area_centi, error) ||
          !sr_money_parse (sr_form_get_text (form, price_id), &columns[i].fen_per_m2, error))
        {
          g_prefix_error (error, _("Unit %02d: "), i + 1);
          return FALSE;
        }
    }
  if (*sr_form_get_text (form, "step") != '\0' &&
      !sr_money_parse (sr_form_get_text (form, "step"), &step, error))
    return FALSE;

  plan.name = name;
  plan.floors = sr_form_get_int (form, "floors");
  plan.entrances = sr_form_get_int (form, "entrances");
  plan.n_columns = (guint) n;
  plan.columns = columns;
  plan.floor_step_fen_per_m2 = step;
  plan.is_held = sr_form_get_active (form, "held");
  id = sr_buildings_create (v->ctx, v->project_id, &plan, error);
  if (id == 0)
    return FALSE;
  v->building_id = id;
  reload_buildings (v);
  sr_toast (v->root, _("Building created with all its units."));
  return TRUE;
}

static void
add_building_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  UnitsView *v = user_data;
  SrForm *form = sr_form_new (v->root, _("New Building"), _("_Create"));
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *spin;
  g_autofree char *name = g_strdup_printf (_("Building %u"), v->buildings != NULL ? v->buildings->len + 1 : 1);

  gtk_window_set_default_size (GTK_WINDOW (form), 640, 720);
  sr_form_add_entry (form, "name", _("Building name (楼栋)"), name);
  sr_form_add_spin (form, "floors", _("Floors"), 1, 200, 18);
  sr_form_add_spin (form, "entrances", _("Entrances (单元); 0 when the building has none"), 0, 20, 0);
  spin = sr_form_add_spin (form, "columns", _("Units per floor (per entrance)"), 1, MAX_COLUMNS_IN_FORM, 4);
  sr_form_add_entry (form, "step", _("Price rise per floor up, ¥ per m² (楼层差价)"), "30");
  sr_form_add_check (form, "held", _("Withhold all units from sale (销控)"),
                     _("Release them later, unit by unit"), FALSE);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Units on each floor"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Unit 01, 02, … on floor 12 are numbered 1201, 1202, …; the list price of the lowest floor is per m²."));
  for (int i = 0; i < MAX_COLUMNS_IN_FORM; i++)
    {
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      g_autofree char *label = g_strdup_printf ("%02d", i + 1);
      g_autofree char *row_id = g_strdup_printf ("row%d", i);
      const char *ids[3] = { "type", "area", "price" };
      const char *hints[3] = { N_("Unit type, e.g. 三室两厅"), N_("Area m²"), N_("¥ per m²") };
      const char *defaults[3] = { i % 2 ? "两室两厅" : "三室两厅", i % 2 ? "89.36" : "128.50", "12000" };
      GtkWidget *number = gtk_label_new (label);

      gtk_widget_set_margin_top (row, 3);
      gtk_widget_add_css_class (number, "numeric");
      gtk_box_append (GTK_BOX (row), number);
      for (int k = 0; k < 3; k++)
        {
          GtkWidget *entry = gtk_entry_new ();
          g_autofree char *id = g_strdup_printf ("%s%d", ids[k], i);
          gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _(hints[k]));
          gtk_editable_set_text (GTK_EDITABLE (entry), defaults[k]);
          gtk_widget_set_tooltip_text (entry, _(hints[k]));
          gtk_widget_set_hexpand (entry, k == 0);
          gtk_editable_set_width_chars (GTK_EDITABLE (entry), k == 0 ? 12 : 8);
          gtk_box_append (GTK_BOX (row), entry);
          g_object_set_data_full (G_OBJECT (form), id, entry, NULL);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      g_object_set_data (G_OBJECT (form), row_id, row);
    }
  sr_form_add_widget (form, group);
  /* Register the grid's entries as fields of the form. */
  for (int i = 0; i < MAX_COLUMNS_IN_FORM; i++)
    {
      const char *ids[4] = { "type", "area", "price", "row" };
      for (int k = 0; k < 4; k++)
        {
          g_autofree char *id = g_strdup_printf ("%s%d", ids[k], i);
          sr_form_register_field (form, id, g_object_get_data (G_OBJECT (form), id));
        }
    }
  g_signal_connect (spin, "value-changed", G_CALLBACK (on_columns_changed), form);
  on_columns_changed (GTK_SPIN_BUTTON (spin), form);
  sr_form_run (form, save_building, v, NULL);
}

static gboolean
save_unit (SrForm   *form,
           gpointer  user_data,
           GError  **error)
{
  UnitsView *v = user_data;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (form), "unit-id"));
  gint64 area = 0;
  SrFen price = 0;

  if (!sr_area_parse (sr_form_get_text (form, "area"), &area, error) ||
      !sr_money_parse (sr_form_get_text (form, "price"), &price, error))
    return FALSE;
  if (!sr_units_update (v->ctx, id, sr_form_get_text (form, "type"), area, price,
                        sr_form_get_text (form, "reason"), error))
    return FALSE;
  sr_toast (v->root, _("Unit saved."));
  return TRUE;
}

static void
edit_unit_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  UnitsView *v = user_data;
  SrUnit *u = gtk_single_selection_get_selected_item (v->selection);
  g_autofree char *title = NULL;
  g_autofree char *area = NULL;
  g_autofree char *price = NULL;
  SrForm *form;

  if (u == NULL)
    return;
  title = g_strdup_printf (_("Unit %s"), u->number);
  area = sr_area_format (u->area_centi);
  price = g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", u->price_fen / 100, (int) (u->price_fen % 100));
  form = sr_form_new (v->root, title, NULL);
  g_object_set_data (G_OBJECT (form), "unit-id", GSIZE_TO_POINTER (u->id));
  sr_form_add_entry (form, "type", _("Unit type"), u->unit_type);
  sr_form_add_entry (form, "area", _("Floor area, m²"), area);
  sr_form_add_entry (form, "price", _("Total list price, ¥ (the per-m² price follows from it)"), price);
  sr_form_add_entry (form, "reason", _("Reason for a price change"), NULL);
  sr_form_run (form, save_unit, v, NULL);
}

static void
on_unit_activate (GtkColumnView *view,
                  guint          position,
                  UnitsView     *v)
{
  gtk_single_selection_set_selected (v->selection, position);
  edit_unit_activated (NULL, NULL, v);
}

GtkWidget *
sr_units_view_new (SrContext *ctx)
{
  UnitsView *v = g_new0 (UnitsView, 1);
  const GActionEntry entries[] = {
    { "add-project", add_project_activated },
    { "add-building", add_building_activated },
    { "edit-unit", edit_unit_activated },
  };
  GtkWidget *toolbar, *box, *paned, *left, *right, *scroller, *view, *empty, *button, *content;

  v->ctx = g_object_ref (ctx);
  v->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (v->actions), entries, G_N_ELEMENTS (entries), v);
  v->units = g_list_store_new (SR_TYPE_UNIT);
  v->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (v->units)));

  /* Left: buildings. Right: the units of the chosen building. */
  v->building_list = gtk_list_box_new ();
  gtk_widget_add_css_class (v->building_list, "navigation-sidebar");
  g_signal_connect (v->building_list, "row-selected", G_CALLBACK (on_building_selected), v);
  left = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (left), v->building_list);
  gtk_widget_set_size_request (left, 200, -1);

  view = gtk_column_view_new (GTK_SELECTION_MODEL (v->selection));
  gtk_column_view_set_show_row_separators (GTK_COLUMN_VIEW (view), TRUE);
  sr_column_view_add_text (GTK_COLUMN_VIEW (view), _("Entrance"), cell_entrance, FALSE, FALSE);
  sr_column_view_add_text (GTK_COLUMN_VIEW (view), _("Floor"), cell_floor, TRUE, FALSE);
  sr_column_view_add_text (GTK_COLUMN_VIEW (view), _("Unit"), cell_number, FALSE, FALSE);
  sr_column_view_add_text (GTK_COLUMN_VIEW (view), _("Unit type"), cell_type, FALSE, TRUE);
  sr_column_view_add_text (GTK_COLUMN_VIEW (view), _("Area m²"), cell_area, TRUE, FALSE);
  sr_column_view_add_text (GTK_COLUMN_VIEW (view), _("List price"), cell_price, TRUE, FALSE);
  sr_column_view_add_text (GTK_COLUMN_VIEW (view), _("Per m²"), cell_per_m2, TRUE, FALSE);
  sr_column_view_add_text (GTK_COLUMN_VIEW (view), _("Status"), cell_status, FALSE, FALSE);
  g_signal_connect (view, "activate", G_CALLBACK (on_unit_activate), v);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_widget_set_vexpand (scroller, TRUE);
  v->units_title = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (v->units_title), 0);
  gtk_widget_add_css_class (v->units_title, "heading");
  gtk_widget_set_margin_start (v->units_title, 12);
  gtk_widget_set_margin_top (v->units_title, 6);
  gtk_widget_set_margin_bottom (v->units_title, 6);
  right = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (right), v->units_title);
  gtk_box_append (GTK_BOX (right), scroller);

  paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  gtk_paned_set_start_child (GTK_PANED (paned), left);
  gtk_paned_set_end_child (GTK_PANED (paned), right);
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_position (GTK_PANED (paned), 220);

  empty = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "go-home-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Projects Yet"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Add the office’s project (楼盘), then create its buildings floor by floor."));
  button = gtk_button_new_with_mnemonic (_("_New Project…"));
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "units.add-project");
  adw_status_page_set_child (ADW_STATUS_PAGE (empty), button);

  v->stack = gtk_stack_new ();
  gtk_stack_add_named (GTK_STACK (v->stack), empty, "empty");
  gtk_stack_add_named (GTK_STACK (v->stack), paned, "content");

  content = sr_toolbar_view_new (&toolbar, v->stack);
  box = content;
  gtk_box_prepend (GTK_BOX (box), sr_section_header_new (_("Projects and Units"),
                   _("The office’s projects, their buildings and every unit with its type, area and list price.")));
  v->project_names = gtk_string_list_new (NULL);
  v->project_dropdown = gtk_drop_down_new (G_LIST_MODEL (v->project_names), NULL);
  gtk_widget_set_tooltip_text (v->project_dropdown, _("Project"));
  g_signal_connect_swapped (v->project_dropdown, "notify::selected", G_CALLBACK (on_project_selected), v);
  gtk_box_append (GTK_BOX (toolbar), v->project_dropdown);
  sr_toolbar_add_button (toolbar, "list-add-symbolic", _("New _Project…"), "units.add-project");
  sr_toolbar_add_button (toolbar, "list-add-symbolic", _("New _Building…"), "units.add-building");
  sr_toolbar_add_button (toolbar, "document-edit-symbolic", _("_Edit Unit…"), "units.edit-unit");

  v->root = box;
  gtk_widget_insert_action_group (box, "units", G_ACTION_GROUP (v->actions));
  g_object_set_data_full (G_OBJECT (box), "sr-units-view", v, (GDestroyNotify) units_view_free);
  v->changed_id = g_signal_connect (ctx, "changed", G_CALLBACK (on_changed), v);
  reload_projects (v);
  return box;
}
