/* sr-overview-page.c — see sr-overview-page.h. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "core/sr-office.h"
#include "core/sr-dispatch.h"
#include "core/sr-overview.h"
#include "core/sr-pipeline.h"
#include "core/sr-performance.h"
#include "core/sr-units.h"
#include "gui/customers/sr-customers-page.h"
#include "gui/sr-gui-util.h"
#include "gui/sr-print.h"
#include "gui/sr-window.h"
#include "registers/sr-chart.h"
#include "registers/sr-grid-plan.h"
#include "sr-overview-page.h"

/* A chart on screen: draws its SrChart; a tooltip tells the exact values under the pointer. */
#define SR_TYPE_CHART_VIEW (sr_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (SrChartView, sr_chart_view, SR, CHART_VIEW, GtkWidget)

struct _SrChartView
{
  GtkWidget parent_instance;
  SrChart *chart;
  void (*open) (SrChartView *view, int row, gpointer data);   /* a click on a bar; NULL: none */
  gpointer data;
  int row;                    /* the row chosen with the keyboard (← →), opened with Enter */
};

G_DEFINE_TYPE (SrChartView, sr_chart_view, GTK_TYPE_WIDGET)

static void
sr_chart_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  SrChartView *self = SR_CHART_VIEW (widget);
  double w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  GdkRGBA fg;
  double ink[3];
  cairo_t *cr;

  if (self->chart == NULL)
    return;
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  ink[0] = fg.red;
  ink[1] = fg.green;
  ink[2] = fg.blue;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, w, h));
  sr_chart_draw (self->chart, cr, w, h, ink);
  /* The keyboard's row: a frame round its column while the chart has the focus. */
  if (gtk_widget_has_focus (widget) && self->chart->rows->len > 0)
    {
      double x, y, rw, rh;
      sr_chart_row_bounds (self->chart, w, h, (guint) CLAMP (self->row, 0, (int) self->chart->rows->len - 1),
                           &x, &y, &rw, &rh);
      cairo_set_source_rgba (cr, ink[0], ink[1], ink[2], 0.7);
      cairo_set_line_width (cr, 1.5);
      cairo_set_dash (cr, (double[]) { 3, 2 }, 2, 0);
      cairo_rectangle (cr, x + 1, y, rw - 2, rh);
      cairo_stroke (cr);
    }
  cairo_destroy (cr);
}

/* chart.open(row): what a click on that row's bar does. */
static void
chart_open (GtkWidget  *widget,
            const char *action,
            GVariant   *param)
{
  SrChartView *self = SR_CHART_VIEW (widget);
  int row = g_variant_get_int32 (param);

  if (self->chart != NULL && self->open != NULL && row >= 0 && row < (int) self->chart->rows->len)
    self->open (self, row, self->data);
}

static gboolean
on_chart_key (GtkEventControllerKey *key,
              guint                  keyval,
              guint                  keycode,
              GdkModifierType        state,
              SrChartView           *self)
{
  int n = self->chart != NULL ? (int) self->chart->rows->len : 0;

  if (n == 0)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_Right:
      self->row = CLAMP (self->row + (keyval == GDK_KEY_Left ? -1 : 1), 0, n - 1);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      {
        /* Say the row's values where the pointer's tooltip would. */
        g_autofree char *text = sr_chart_describe (self->chart, (guint) self->row);
        gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
      }
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      if (self->open == NULL)
        return FALSE;
      gtk_widget_activate_action (GTK_WIDGET (self), "chart.open", "i", CLAMP (self->row, 0, n - 1));
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
on_query_tooltip (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    data)
{
  SrChartView *self = SR_CHART_VIEW (widget);
  int row;
  g_autofree char *text = NULL;

  if (self->chart == NULL)
    return FALSE;
  row = keyboard ? CLAMP (self->row, 0, (int) self->chart->rows->len - 1)
                 : sr_chart_row_at (self->chart, gtk_widget_get_width (widget), gtk_widget_get_height (widget), x, y);
  if (row < 0)
    return FALSE;
  text = sr_chart_describe (self->chart, (guint) row);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
sr_chart_view_dispose (GObject *object)
{
  g_clear_pointer (&SR_CHART_VIEW (object)->chart, sr_chart_free);
  G_OBJECT_CLASS (sr_chart_view_parent_class)->dispose (object);
}

static void
sr_chart_view_class_init (SrChartViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sr_chart_view_dispose;
  GTK_WIDGET_CLASS (klass)->snapshot = sr_chart_view_snapshot;
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "chart.open", "i", chart_open);
}

static void
on_chart_click (GtkGestureClick *gesture,
                int              n_press,
                double           x,
                double           y,
                SrChartView     *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int row;

  if (self->chart == NULL || self->open == NULL)
    return;
  row = sr_chart_row_at (self->chart, gtk_widget_get_width (widget), gtk_widget_get_height (widget), x, y);
  if (row >= 0)
    {
      self->row = row;
      self->open (self, row, self->data);
    }
}

static void
sr_chart_view_init (SrChartView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  g_signal_connect (click, "released", G_CALLBACK (on_chart_click), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  {
    GtkEventController *key = gtk_event_controller_key_new ();
    g_signal_connect (key, "key-pressed", G_CALLBACK (on_chart_key), self);
    gtk_widget_add_controller (GTK_WIDGET (self), key);
  }
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  {
    GtkEventController *focus = gtk_event_controller_focus_new ();
    g_signal_connect_swapped (focus, "enter", G_CALLBACK (gtk_widget_queue_draw), self);
    g_signal_connect_swapped (focus, "leave", G_CALLBACK (gtk_widget_queue_draw), self);
    gtk_widget_add_controller (GTK_WIDGET (self), focus);
  }
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
  gtk_widget_set_size_request (GTK_WIDGET (self), 380, 230);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
}

static GtkWidget *
chart_view_new (SrChart *chart,
                void   (*open) (SrChartView *view, int row, gpointer data),
                gpointer data)
{
  SrChartView *self = g_object_new (SR_TYPE_CHART_VIEW, NULL);
  self->chart = chart;
  self->open = open;
  self->data = data;
  if (open != NULL)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");
  return GTK_WIDGET (self);
}

/* The page ---------------------------------------------------------------------------- */

typedef enum { PERIOD_DAY, PERIOD_WEEK, PERIOD_MONTH } Period;

typedef struct {
  SrContext *ctx;
  GtkWidget *root;
  GtkWidget *scroller;
  GPtrArray *targets;         /* per chart read: "media", "hour" or the page behind it */
  GtkWidget *day, *week, *month;
  GPtrArray *charts;          /* SrChart, as last read, for printing (owned by the views) */
  SrMoneyFigures money;
  char *from, *to;
  gulong changed_id;
} Overview;

gboolean
sr_overview_page_is_for (SrSession *session)
{
  return (sr_session_get_roles (session) & SR_ROLE_MANAGER) != 0;
}

static void
overview_free (Overview *o)
{
  g_clear_signal_handler (&o->changed_id, o->ctx);
  g_clear_pointer (&o->charts, g_ptr_array_unref);
  g_clear_pointer (&o->targets, g_ptr_array_unref);
  g_free (o->from);
  g_free (o->to);
  g_clear_object (&o->ctx);
  g_free (o);
}

static Period
period (Overview *o)
{
  if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (o->week)))
    return PERIOD_WEEK;
  if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (o->month)))
    return PERIOD_MONTH;
  return PERIOD_DAY;
}

/* Rows of a record's field: an empty one said as such. */
static GPtrArray *
named (GPtrArray *rows)
{
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      SrFigure *f = rows->pdata[i];
      if (*f->label == '\0')
        {
          g_free (f->label);
          f->label = g_strdup (_("Not filled in"));
        }
    }
  return rows;
}

/* A row per day from @from to @to (YYYY-MM-DD), with v[0] the value @v of @rows' row
 * of that day, 0 on a day without one — a line's days. */
static GPtrArray *
every_day (GPtrArray  *rows,
           const char *from,
           const char *to,
           guint       v)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) sr_figure_free);
  GDate day, last;
  guint k = 0;

  g_date_clear (&day, 1);
  g_date_clear (&last, 1);
  g_date_set_parse (&day, from);
  g_date_set_parse (&last, to);
  if (!g_date_valid (&day) || !g_date_valid (&last))
    return out;
  for (guint n = 0; g_date_compare (&day, &last) <= 0 && n < 400; n++, g_date_add_days (&day, 1))
    {
      SrFigure *f = g_new0 (SrFigure, 1);
      char label[16];
      g_snprintf (label, sizeof label, "%04d-%02d-%02d", g_date_get_year (&day), g_date_get_month (&day),
                  g_date_get_day (&day));
      f->label = g_strdup (label);
      while (rows != NULL && k < rows->len && strcmp (((SrFigure *) rows->pdata[k])->label, label) < 0)
        k++;
      if (rows != NULL && k < rows->len && strcmp (((SrFigure *) rows->pdata[k])->label, label) == 0)
        f->v[0] = ((SrFigure *) rows->pdata[k])->v[v];
      g_ptr_array_add (out, f);
    }
  return out;
}

/* The list behind a bar of the media or the hour chart: those contacts, in a window;
 * a row opens the customer. */
static void
on_contact_row (AdwActionRow *row,
                Overview     *o)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "customer-id"));
  if (id > 0)
    gtk_window_present (GTK_WINDOW (sr_customer_window_new (o->root, o->ctx, id)));
}

static void
open_contacts (SrChartView *view,
               int          row,
               gpointer     data)
{
  Overview *o = data;
  SrFigure *bar = view->chart->rows->pdata[row];
  gboolean by_hour = g_object_get_data (G_OBJECT (view), "by-hour") != NULL;
  g_autoptr(GPtrArray) contacts = sr_overview_contacts_list (o->ctx, o->from, o->to, by_hour ? NULL : bar->label,
                                                             by_hour ? (int) g_ascii_strtoll (bar->label, NULL, 10) : -1, 500, NULL);
  GtkWidget *window = sr_record_window_new (o->root, o->ctx, 560, 620);
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *title = g_strdup_printf (by_hour ? _("Calls and visits at %s o’clock, %s to %s")
                                                    : _("Calls and visits from %s, %s to %s"), bar->label, o->from, o->to);

  gtk_window_set_title (GTK_WINDOW (window), title);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (contacts == NULL || contacts->len == 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), _("None."));
  for (guint i = 0; contacts != NULL && i < contacts->len; i++)
    {
      SrFigure *f = contacts->pdata[i];
      GtkWidget *r = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r), f->label);
      if (f->v[0] > 0)
        {
          g_object_set_data (G_OBJECT (r), "customer-id", GSIZE_TO_POINTER (f->v[0]));
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (r), TRUE);
          g_signal_connect (r, "activated", G_CALLBACK (on_contact_row), o);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), r);
    }
  if (contacts != NULL && contacts->len == 500)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), _("The first 500; the Registers page lists them all."));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (g_object_get_data (G_OBJECT (window), "scroller")), page);
  gtk_window_present (GTK_WINDOW (window));
}

/* The page behind the other charts. */
static void
open_page (SrChartView *view,
           int          row,
           gpointer     data)
{
  Overview *o = data;
  GtkRoot *root = gtk_widget_get_root (o->root);
  const char *page = g_object_get_data (G_OBJECT (view), "page");

  if (SR_IS_WINDOW (root) && !sr_window_show_page (SR_WINDOW (root), page))
    sr_toast (o->root, _("That list is not among your pages."));
}

static void
add_chart (Overview   *o,
           GPtrArray  *charts,
           const char *target,
           SrChart    *chart)
{
  g_ptr_array_add (charts, chart);
  g_ptr_array_add (o->targets, (gpointer) target);
}

static GPtrArray *
read_charts (Overview *o)
{
  GPtrArray *charts = g_ptr_array_new ();
  SrOfficeKind kind = SR_OFFICE_PROPERTY;
  const char *calls_visits[] = { _("Calls"), _("Visits"), NULL };

  sr_office_get (o->ctx, NULL, &kind, NULL);
  g_clear_pointer (&o->targets, g_ptr_array_unref);
  o->targets = g_ptr_array_new ();
  add_chart (o, charts, "media", sr_chart_new (_("Calls and visits by media source"), calls_visits,
                                         sr_overview_contacts_by_media (o->ctx, o->from, o->to, NULL), SR_CHART_COUNT, FALSE));
  {
    const char *series[] = { _("Subscriptions"), _("Signings"), NULL };
    add_chart (o, charts, "registers", sr_chart_new (_("Media effect: subscriptions and signings"), series,
                                                     sr_overview_media_effect (o->ctx, o->from, o->to, NULL),
                                                     SR_CHART_COUNT, FALSE));
  }
  add_chart (o, charts, "hour", sr_chart_new (_("Calls and visits by hour"), calls_visits,
                                         sr_overview_contacts_by_hour (o->ctx, o->from, o->to, NULL), SR_CHART_COUNT, FALSE));
  {
    /* The funnel: who entered each stage in the period, and how many of them went on. */
    const char *series[] = { _("Entered"), _("Went on"), NULL };
    g_autoptr(GPtrArray) funnel = sr_pipeline_funnel (o->ctx, o->from, o->to, NULL);
    GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) sr_figure_free);
    for (guint i = 0; funnel != NULL && i < funnel->len; i++)
      {
        SrFunnelRow *r = funnel->pdata[i];
        SrFigure *f = g_new0 (SrFigure, 1);
        f->label = g_strdup (r->name);
        f->v[0] = r->entered;
        f->v[1] = r->went_on;
        g_ptr_array_add (rows, f);
      }
    add_chart (o, charts, "pipeline", sr_chart_new (_("The pipeline funnel"), series, rows, SR_CHART_COUNT, FALSE));
  }
  if (kind == SR_OFFICE_DECORATION)
    {
      /* The designers' ranking of the half-month holding the period's end. */
      const char *series[] = { _("Signed value"), NULL };
      g_autofree char *from = NULL, *to = NULL;
      g_autoptr(GPtrArray) ranking = NULL;
      GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) sr_figure_free);
      if (sr_ranking_period (o->to, FALSE, &from, &to))
        ranking = sr_designers_ranking (o->ctx, from, to, NULL);
      for (guint i = 0; ranking != NULL && i < ranking->len && i < 12; i++)
        {
          SrRankRow *r = ranking->pdata[i];
          SrFigure *f = g_new0 (SrFigure, 1);
          f->label = g_strdup (r->name);
          f->v[0] = r->value_fen;
          g_ptr_array_add (rows, f);
        }
      add_chart (o, charts, "dispatch", sr_chart_new (_("Designer ranking of the half-month"), series, rows, SR_CHART_MONEY, FALSE));
    }
  {
    const char *series[] = { _("New, in turn"), _("Returning"), _("Out of turn or overflow"), NULL };
    add_chart (o, charts, "frontdesk", sr_chart_new (_("Receptions per person (the rotation’s fairness)"), series,
                                           sr_overview_receptions (o->ctx, o->from, o->to, NULL), SR_CHART_COUNT, TRUE));
  }
  if (sr_office_kind_has_units (kind))
    {
      const char *series[] = { _("For sale"), _("Withheld"), _("Reserved"), _("Sold"), NULL };
      const SrUnitStatus statuses[] = { SR_UNIT_AVAILABLE, SR_UNIT_HELD, SR_UNIT_RESERVED, SR_UNIT_SIGNED };
      GPtrArray *rows = sr_overview_units_by_status (o->ctx, NULL);
      gint64 held = 0, all = 0;
      g_autofree char *title = NULL;
      SrChart *units;
      for (guint i = 0; rows != NULL && i < rows->len; i++)
        {
          SrFigure *f = rows->pdata[i];
          held += f->v[1];
          all += f->v[0] + f->v[1] + f->v[2] + f->v[3];
        }
      /* The held share (销控比例) in the title: what the controller keeps off sale. */
      title = g_strdup_printf (_("Units by status per building (held: %.1f%%)"), all > 0 ? 100.0 * held / all : 0.0);
      units = sr_chart_new (title, series, rows, SR_CHART_COUNT, TRUE);
      units->colors = g_malloc0 (sizeof (double[3]) * 4);
      for (guint s = 0; s < 4; s++)
        sr_unit_status_rgb (statuses[s], units->colors[s]);
      add_chart (o, charts, "units", units);
      {
        /* Sold area and amount per day, as lines over every day of the period. */
        const char *area[] = { _("Subscribed area"), NULL }, *amount[] = { _("Subscribed amount"), NULL };
        g_autoptr(GPtrArray) days = sr_overview_sales_per_day (o->ctx, o->from, o->to, NULL);
        SrChart *line = sr_chart_new (_("Sold area per day"), area, every_day (days, o->from, o->to, 1), SR_CHART_AREA, FALSE);
        line->line = TRUE;
        add_chart (o, charts, "registers", line);
        line = sr_chart_new (_("Sold amount per day"), amount, every_day (days, o->from, o->to, 2), SR_CHART_MONEY, FALSE);
        line->line = TRUE;
        add_chart (o, charts, "registers", line);
      }
    }
  {
    const char *count[] = { _("Problems"), NULL };
    add_chart (o, charts, "problems", sr_chart_new (_("Open problems by days open"), count,
                                           sr_overview_problems_by_age (o->ctx, o->to, NULL), SR_CHART_COUNT, FALSE));
  }
  {
    const char *owners[] = { _("Owners"), NULL };
    add_chart (o, charts, "registers", sr_chart_new (_("Owners by occupation"), owners,
                                           named (sr_overview_owner_profile (o->ctx, "occupation", NULL)), SR_CHART_COUNT, FALSE));
    add_chart (o, charts, "registers", sr_chart_new (_("Owners by media source"), owners,
                                           named (sr_overview_owner_profile (o->ctx, "media", NULL)), SR_CHART_COUNT, FALSE));
    add_chart (o, charts, "registers", sr_chart_new (_("Owners by income"), owners,
                                           named (sr_overview_owner_profile (o->ctx, "income_band", NULL)), SR_CHART_COUNT, FALSE));
    add_chart (o, charts, "registers", sr_chart_new (_("Owners by education"), owners,
                                           named (sr_overview_owner_profile (o->ctx, "education", NULL)), SR_CHART_COUNT, FALSE));
    add_chart (o, charts, "registers", sr_chart_new (_("Owners by where they live"), owners,
                                           named (sr_overview_owner_profile (o->ctx, "residence_area", NULL)), SR_CHART_COUNT, FALSE));
    add_chart (o, charts, "registers", sr_chart_new (_("Owners by purchase motive"), owners,
                                           named (sr_overview_owner_profile (o->ctx, "purchase_motive", NULL)), SR_CHART_COUNT, FALSE));
  }
  return charts;
}

static void
reload (Overview *o)
{
  g_autofree char *today = sr_clock_today (sr_context_get_clock (o->ctx));
  GtkWidget *grid = gtk_grid_new ();
  g_autoptr(GPtrArray) charts = NULL;
  GtkWidget *money;

  g_clear_pointer (&o->from, g_free);
  g_clear_pointer (&o->to, g_free);
  if (period (o) == PERIOD_DAY)
    {
      o->from = g_strdup (today);
      o->to = g_strdup (today);
    }
  else
    sr_period_bounds (period (o) == PERIOD_WEEK ? SR_PERIOD_WEEK : SR_PERIOD_MONTH, today, &o->from, &o->to);
  charts = read_charts (o);
  g_clear_pointer (&o->charts, g_ptr_array_unref);
  o->charts = g_ptr_array_new ();
  gtk_grid_set_column_spacing (GTK_GRID (grid), 24);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 24);
  gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
  gtk_widget_set_margin_start (grid, 18);
  gtk_widget_set_margin_end (grid, 18);
  gtk_widget_set_margin_top (grid, 12);
  gtk_widget_set_margin_bottom (grid, 18);
  {
    const char *heads[] = { _("Money"), _("Amount"), NULL };
    g_autofree char *planned = NULL, *received = NULL, *overdue = NULL;
    sr_overview_money (o->ctx, o->from, o->to, &o->money, NULL);
    planned = sr_money_format (o->money.planned_fen);
    received = sr_money_format (o->money.received_fen);
    overdue = sr_money_format (o->money.overdue_fen);
    money = sr_figure_table_new (heads);
    {
      const char *a[] = { _("Due in the period by the payment plans"), planned, NULL };
      const char *b[] = { _("Received in the period, less refunds"), received, NULL };
      const char *c[] = { _("Overdue at the period’s end"), overdue, NULL };
      sr_figure_table_add_row (money, a, FALSE, FALSE);
      sr_figure_table_add_row (money, b, TRUE, FALSE);
      sr_figure_table_add_row (money, c, FALSE, FALSE);
    }
    gtk_widget_set_valign (money, GTK_ALIGN_START);
    gtk_grid_attach (GTK_GRID (grid), money, 0, 0, 1, 1);
  }
  for (guint i = 0; i < charts->len; i++)
    {
      SrChart *chart = charts->pdata[i];
      const char *target = g_ptr_array_index (o->targets, i);
      GtkWidget *view;
      /* Where a click on a bar leads: the contacts themselves, or the page behind. */
      if (g_strcmp0 (target, "media") == 0 || g_strcmp0 (target, "hour") == 0)
        {
          view = chart_view_new (chart, open_contacts, o);
          if (g_strcmp0 (target, "hour") == 0)
            g_object_set_data (G_OBJECT (view), "by-hour", GINT_TO_POINTER (1));
        }
      else
        {
          view = chart_view_new (chart, open_page, o);
          g_object_set_data (G_OBJECT (view), "page", (gpointer) target);
        }
      g_ptr_array_add (o->charts, chart);
      gtk_grid_attach (GTK_GRID (grid), view, (int) ((i + 1) % 2), (int) ((i + 1) / 2), 1, 1);
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (o->scroller), grid);
}

/* One A4 landscape page: the title, the money and the charts in a grid. */
static void
draw_page (cairo_t *cr,
           double   width,
           double   height,
           gpointer data)
{
  Overview *o = data;
  g_autofree char *office = NULL;
  g_autofree char *title = NULL;
  g_autofree char *received = sr_money_format (o->money.received_fen);
  g_autofree char *planned = sr_money_format (o->money.planned_fen);
  g_autofree char *overdue = sr_money_format (o->money.overdue_fen);
  g_autofree char *line = g_strdup_printf (_("Money: due %s · received %s · overdue %s"), planned, received, overdue);

  sr_office_get (o->ctx, &office, NULL, NULL);
  title = g_strdup_printf (_("%s — overview, %s to %s"), office != NULL ? office : "", o->from, o->to);
  sr_chart_sheet_draw (cr, width, height, title, line, o->charts);
}

static void
on_print (GtkButton *button,
          Overview  *o)
{
  if (o->charts != NULL)
    sr_print_page (o->root, _("Overview"), TRUE, draw_page, o, NULL);
}

static void
on_changed (SrContext  *ctx,
            const char *table,
            Overview   *o)
{
  sr_page_refresh (o->root);
}

GtkWidget *
sr_overview_page_new (SrContext *ctx)
{
  Overview *o = g_new0 (Overview, 1);
  GtkWidget *toolbar, *box, *linked, *print;

  o->ctx = g_object_ref (ctx);
  o->scroller = gtk_scrolled_window_new ();
  gtk_widget_set_vexpand (o->scroller, TRUE);
  box = sr_toolbar_view_new (&toolbar, o->scroller);
  gtk_box_prepend (GTK_BOX (box), sr_section_header_new (_("Overview"),
                   _("The office at a glance: where customers come from and when, how the desk shares them, what is sold and paid, what is wrong. Point at a bar for its figures.")));
  o->day = gtk_toggle_button_new_with_mnemonic (_("_Today"));
  o->week = gtk_toggle_button_new_with_mnemonic (_("This _Week"));
  o->month = gtk_toggle_button_new_with_mnemonic (_("This _Month"));
  gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (o->week), GTK_TOGGLE_BUTTON (o->day));
  gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (o->month), GTK_TOGGLE_BUTTON (o->day));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (o->week), TRUE);
  linked = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (linked, "linked");
  gtk_box_append (GTK_BOX (linked), o->day);
  gtk_box_append (GTK_BOX (linked), o->week);
  gtk_box_append (GTK_BOX (linked), o->month);
  gtk_box_append (GTK_BOX (toolbar), linked);
  g_signal_connect_swapped (o->day, "toggled", G_CALLBACK (sr_page_refresh), box);
  g_signal_connect_swapped (o->week, "toggled", G_CALLBACK (sr_page_refresh), box);
  g_signal_connect_swapped (o->month, "toggled", G_CALLBACK (sr_page_refresh), box);
  print = gtk_button_new_with_mnemonic (_("_Print on One Page…"));
  g_signal_connect (print, "clicked", G_CALLBACK (on_print), o);
  gtk_box_append (GTK_BOX (toolbar), print);
  o->root = box;
  g_object_set_data_full (G_OBJECT (box), "sr-overview-page", o, (GDestroyNotify) overview_free);
  o->changed_id = g_signal_connect (ctx, "changed", G_CALLBACK (on_changed), o);
  sr_page_set_reload (box, (void (*) (gpointer)) reload, o);
  return box;
}
