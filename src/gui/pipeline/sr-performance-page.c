/* sr-performance-page.c — see sr-performance-page.h. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "core/sr-office.h"
#include "core/sr-performance.h"
#include "gui/sr-form.h"
#include "gui/sr-gui-util.h"
#include "gui/sr-window.h"
#include "sr-performance-page.h"

typedef struct {
  SrContext *ctx;
  GtkWidget *root;
  GtkWidget *scroller;
  GtkWidget *month;           /* toggle: the month (else the week) */
  gulong changed_id;
} Perf;

typedef struct {
  Perf *p;
  gint64 staff_id;
} TargetForm;

static void reload (Perf *p);

gboolean
sr_performance_page_is_for (SrSession *session)
{
  return sr_session_may (session, SR_ACTION_TRANSFER_OWNERSHIP);
}

static void
perf_free (Perf *p)
{
  g_clear_signal_handler (&p->changed_id, p->ctx);
  g_clear_object (&p->ctx);
  g_free (p);
}

static SrPeriod
current_period (Perf *p)
{
  return gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (p->month)) ? SR_PERIOD_MONTH : SR_PERIOD_WEEK;
}

static gboolean
save_target (SrForm   *form,
             gpointer  user_data,
             GError  **error)
{
  TargetForm *f = user_data;
  g_autofree char *today = sr_clock_today (sr_context_get_clock (f->p->ctx));
  const char *count = sr_form_get_text (form, "signings");
  SrFen value = 0;
  guint64 n = 0;

  if (!sr_money_parse (sr_form_get_text (form, "value"), &value, error))
    return FALSE;
  if (count != NULL && *count != '\0' && !g_ascii_string_to_unsigned (count, 10, 0, 10000, &n, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("Signings: give a whole number."));
      return FALSE;
    }
  return sr_targets_set (f->p->ctx, f->staff_id, current_period (f->p), today, value, (guint) n, error);
}

static void
on_target (GtkButton *button,
           Perf      *p)
{
  TargetForm *f = g_new0 (TargetForm, 1);
  SrForm *form = sr_form_new (p->root, current_period (p) == SR_PERIOD_MONTH ? _("Target of the Month")
                                                                              : _("Target of the Week"), _("_Set"));

  f->p = p;
  f->staff_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "staff-id"));
  sr_form_add_entry (form, "value", _("Deal value to sign, ¥ (产值)"), NULL);
  sr_form_add_entry (form, "signings", _("Contracts to sign"), NULL);
  sr_form_run (form, save_target, f, g_free);
}

/* What a person or a group did, beside the target. */
static char *
describe (const SrPerformance *r)
{
  g_autofree char *value = sr_money_format (r->value_fen);
  g_autofree char *received = sr_money_format (r->received_fen);
  g_autofree char *target = r->target_value_fen > 0 ? sr_money_format (r->target_value_fen) : NULL;
  g_autofree char *against = target != NULL
    ? g_strdup_printf (_(" of %s (%d%%)"), target, (int) (r->value_fen * 100 / r->target_value_fen))
    : g_strdup (_(", no target"));
  g_autofree char *of = r->target_signings > 0 ? g_strdup_printf (_(" of %u"), r->target_signings) : g_strdup ("");

  return g_strdup_printf (_("received %u · appointments kept %u · subscriptions %u · signed %u%s · "
                            "value %s%s · money in %s"),
                          r->receptions, r->appointments_kept, r->subscriptions, r->signings, of,
                          value, against, received);
}

/* The output summary (产值汇总表) of the period: decoration offices. */
static void
add_output_group (Perf       *p,
                  GtkWidget  *page,
                  const char *today)
{
  g_autoptr(GPtrArray) rows = sr_output_summary (p->ctx, current_period (p), today, NULL);
  GtkWidget *group = adw_preferences_group_new ();
  const char *heads[] = { _("Designer or draftsman"), _("Group"), _("Designed"), _("Value designed"), _("Drawn"),
                          _("Value drawn"), NULL };
  GtkWidget *table;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Output summary (产值汇总表)"));
  if (rows == NULL || rows->len == 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                           _("No contract signed in the period yet. Each contract counts for its designer and, when one is named on it, its draftsman."));
  else
    {
      table = sr_figure_table_new (heads);
      for (guint i = 0; i < rows->len; i++)
        {
          SrOutputRow *r = rows->pdata[i];
          g_autofree char *designed = g_strdup_printf ("%u", r->designed);
          g_autofree char *designed_fen = sr_money_format (r->designed_fen);
          g_autofree char *drawn = g_strdup_printf ("%u", r->drawn);
          g_autofree char *drawn_fen = sr_money_format (r->drawn_fen);
          const char *cells[] = { r->name, r->team != NULL ? r->team : "—", designed, designed_fen, drawn, drawn_fen, NULL };
          sr_figure_table_add_row (table, cells, FALSE, FALSE);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), table);
    }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
}

/* The week's customer resources (一周客户资源统计表): per group, then per media source. */
static void
add_resources_group (Perf       *p,
                     GtkWidget  *page,
                     const char *today)
{
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GPtrArray) media = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *title = NULL;
  GtkWidget *group = adw_preferences_group_new ();
  gboolean used[SR_N_CHANNELS] = { FALSE };
  g_autoptr(GPtrArray) heads = g_ptr_array_new ();
  GtkWidget *table;

  sr_period_bounds (SR_PERIOD_WEEK, today, &from, &to);
  title = g_strdup_printf (_("Customer resources of the week, %s to %s (一周客户资源统计表)"), from, to);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (!sr_weekly_resources (p->ctx, today, &groups, &media, NULL) || groups->len == 0)
    {
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), _("No new customer, nobody in progress and no signing this week."));
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
      return;
    }
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("New customers by channel, customers in progress at the week’s end (not lost, nothing signed) and contracts signed, by the owners’ group."));
  for (guint i = 0; i < groups->len; i++)
    for (guint c = 0; c < SR_N_CHANNELS; c++)
      used[c] |= ((SrResourceRow *) groups->pdata[i])->new_by_channel[c] > 0;
  g_ptr_array_add (heads, _("Group"));
  g_ptr_array_add (heads, _("New"));
  for (guint c = 0; c < SR_N_CHANNELS; c++)
    if (used[c])
      g_ptr_array_add (heads, (gpointer) sr_channel_get_label (sr_channel_codes[c]));
  g_ptr_array_add (heads, _("In progress"));
  g_ptr_array_add (heads, _("Signed"));
  g_ptr_array_add (heads, _("Value signed"));
  g_ptr_array_add (heads, NULL);
  table = sr_figure_table_new ((const char * const *) heads->pdata);
  for (guint i = 0; i < groups->len; i++)
    {
      SrResourceRow *r = groups->pdata[i];
      g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (cells, g_strdup (r->kind == 2 ? r->team : r->kind == 1 ? _("No group") : _("Nobody’s yet")));
      g_ptr_array_add (cells, g_strdup_printf ("%u", r->new_total));
      for (guint c = 0; c < SR_N_CHANNELS; c++)
        if (used[c])
          g_ptr_array_add (cells, g_strdup_printf ("%u", r->new_by_channel[c]));
      g_ptr_array_add (cells, g_strdup_printf ("%u", r->in_progress));
      g_ptr_array_add (cells, g_strdup_printf ("%u", r->signed_count));
      g_ptr_array_add (cells, sr_money_format (r->signed_fen));
      g_ptr_array_add (cells, NULL);
      sr_figure_table_add_row (table, (const char * const *) cells->pdata, FALSE, r->kind == 0);
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), table);
  if (media != NULL && media->len > 0)
    {
      const char *media_heads[] = { _("Media source"), _("New customers"), _("Signed"), NULL };
      GtkWidget *by_media = sr_figure_table_new (media_heads);
      for (guint i = 0; i < media->len; i++)
        {
          SrMediaRow *m = media->pdata[i];
          g_autofree char *n = g_strdup_printf ("%u", m->new_count);
          g_autofree char *k = g_strdup_printf ("%u", m->signed_count);
          const char *cells[] = { m->media, n, k, NULL };
          sr_figure_table_add_row (by_media, cells, FALSE, FALSE);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), by_media);
    }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
}

static void
reload (Perf *p)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *today = sr_clock_today (sr_context_get_clock (p->ctx));
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autoptr(GPtrArray) rows = sr_performance_list (p->ctx, current_period (p), today, &error);
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *title = NULL;

  if (rows == NULL)
    {
      sr_toast_error (p->root, error);
      return;
    }
  sr_period_bounds (current_period (p), today, &from, &to);
  title = g_strdup_printf (_("%s to %s"), from, to);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (rows->len == 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                           _("No consultant or designer yet: give staff that role in Admin."));
  for (guint i = 0; i < rows->len; i++)
    {
      SrPerformance *r = g_ptr_array_index (rows, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Target…"));
      g_autofree char *sub = describe (r);
      g_autofree char *name = r->team != NULL ? g_strdup_printf ("%s · %s", r->name, r->team) : g_strdup (r->name);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sub);
      if (r->target_value_fen > 0 && r->value_fen < r->target_value_fen)
        gtk_widget_add_css_class (row, "overdue");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (button), "staff-id", GSIZE_TO_POINTER (r->staff_id));
      g_signal_connect (button, "clicked", G_CALLBACK (on_target), p);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  {
    g_autoptr(GPtrArray) teams = sr_performance_by_team (rows);
    if (teams->len > 0)
      {
        GtkWidget *by_team = adw_preferences_group_new ();
        adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (by_team), _("By group"));
        adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (by_team),
                                               _("A group’s target is the sum of its members’ targets. Groups are set in Admin → Staff."));
        for (guint i = 0; i < teams->len; i++)
          {
            SrPerformance *t = teams->pdata[i];
            GtkWidget *row = adw_action_row_new ();
            g_autofree char *sub = describe (t);
            adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), t->name);
            adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sub);
            if (t->target_value_fen > 0 && t->value_fen < t->target_value_fen)
              gtk_widget_add_css_class (row, "overdue");
            adw_preferences_group_add (ADW_PREFERENCES_GROUP (by_team), row);
          }
        adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (by_team));
      }
  }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  {
    SrOfficeKind kind = SR_OFFICE_PROPERTY;
    if (sr_office_get (p->ctx, NULL, &kind, NULL) && kind == SR_OFFICE_DECORATION)
      add_output_group (p, page, today);
  }
  add_resources_group (p, page, today);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (p->scroller), page);
}

static void
on_changed (SrContext  *ctx,
            const char *table,
            Perf       *p)
{
  if (g_strcmp0 (table, "staff") == 0 || g_strcmp0 (table, "deals") == 0 || g_strcmp0 (table, "customers") == 0)
    sr_page_refresh (p->root);
}

GtkWidget *
sr_performance_page_new (SrContext *ctx)
{
  Perf *p = g_new0 (Perf, 1);
  GtkWidget *toolbar, *box, *week, *linked;

  p->ctx = g_object_ref (ctx);
  p->scroller = gtk_scrolled_window_new ();
  box = sr_toolbar_view_new (&toolbar, p->scroller);
  gtk_box_prepend (GTK_BOX (box), sr_section_header_new (_("Targets and Performance"),
                   _("Each consultant’s or designer’s receptions, appointments kept, subscriptions, signings, deal value and money in, beside the target the customer manager sets.")));
  week = gtk_toggle_button_new_with_mnemonic (_("This _Week"));
  p->month = gtk_toggle_button_new_with_mnemonic (_("This _Month"));
  gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (p->month), GTK_TOGGLE_BUTTON (week));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (p->month), TRUE);
  g_signal_connect_swapped (p->month, "toggled", G_CALLBACK (reload), p);
  linked = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (linked, "linked");
  gtk_box_append (GTK_BOX (linked), week);
  gtk_box_append (GTK_BOX (linked), p->month);
  gtk_box_append (GTK_BOX (toolbar), linked);
  p->root = box;
  g_object_set_data_full (G_OBJECT (box), "sr-performance-page", p, (GDestroyNotify) perf_free);
  p->changed_id = g_signal_connect (ctx, "changed", G_CALLBACK (on_changed), p);
  sr_page_set_reload (box, (void (*) (gpointer)) reload, p);
  return box;
}
