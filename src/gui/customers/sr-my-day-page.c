/* sr-my-day-page.c — see sr-my-day-page.h. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "core/sr-appointments.h"
#include "core/sr-follow-ups.h"
#include "gui/sr-window.h"
#include "sr-customers-page.h"
#include "sr-my-day-page.h"

/* Rows shown per group; the rest are counted. */
#define MAX_ROWS 40

typedef struct {
  SrContext *ctx;
  GtkWidget *root;
  GtkWidget *page;     /* AdwPreferencesPage, rebuilt on change */
  GtkWidget *scroller;
  GtkWidget *last_group;  /* the group add_group made last */
  gulong changed_id;
} MyDay;

gboolean
sr_my_day_page_is_for (SrSession *session)
{
  return session != NULL && (sr_session_get_roles (session) & SR_ROLE_CONSULTANT) != 0;
}

static void
my_day_free (MyDay *m)
{
  g_clear_signal_handler (&m->changed_id, m->ctx);
  g_clear_object (&m->ctx);
  g_free (m);
}

static void
on_row_activated (AdwActionRow *row,
                  MyDay        *m)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "customer-id"));
  gtk_window_present (GTK_WINDOW (sr_customer_window_new (m->root, m->ctx, id)));
}

static void
add_group (MyDay      *m,
           const char *title,
           const char *empty,
           GPtrArray  *items)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *full_title = g_strdup_printf ("%s (%u)", title, items->len);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), full_title);
  if (items->len == 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), empty);
  for (guint i = 0; i < items->len && i < MAX_ROWS; i++)
    {
      SrMyDayItem *item = g_ptr_array_index (items, i);
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->customer_name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), item->detail);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      if (item->is_overdue)
        gtk_widget_add_css_class (row, "overdue");
      g_object_set_data (G_OBJECT (row), "customer-id", GSIZE_TO_POINTER (item->customer_id));
      g_signal_connect (row, "activated", G_CALLBACK (on_row_activated), m);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  if (items->len > MAX_ROWS)
    {
      /* A long list is read from the top: the most pressing first. */
      g_autofree char *more = g_strdup_printf (_("and %u more"), items->len - MAX_ROWS);
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), more);
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (m->page), ADW_PREFERENCES_GROUP (group));
  m->last_group = group;
}

static void
refresh (MyDay *m)
{
  g_autoptr(GError) error = NULL;
  SrSession *session = sr_context_get_session (m->ctx);
  g_autoptr(SrMyDay) day = NULL;

  if (session == NULL)
    return;
  day = sr_my_day_load (m->ctx, sr_session_get_staff_id (session), &error);
  m->page = adw_preferences_page_new ();
  if (day == NULL)
    {
      sr_toast_error (m->root, error);
      return;
    }
  {
    /* Today's appointments first: they have a time. */
    g_autofree char *today = sr_clock_today (sr_context_get_clock (m->ctx));
    g_autoptr(GPtrArray) appointments = sr_appointments_for_day (m->ctx, sr_session_get_staff_id (session),
                                                                 today, NULL);
    g_autoptr(GPtrArray) rows = g_ptr_array_new ();
    for (guint i = 0; appointments != NULL && i < appointments->len; i++)
      {
        SrAppointment *a = g_ptr_array_index (appointments, i);
        SrMyDayItem *item = g_new0 (SrMyDayItem, 1);
        g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (a->at);
        g_autofree char *time = g_date_time_format (dt, "%H:%M");
        item->customer_id = a->customer_id;
        item->customer_name = g_strdup_printf ("%s  %s", time, a->customer_name);
        item->detail = g_strdup_printf ("%s%s%s%s", sr_appointment_kind_get_label (a->kind),
                                        a->note != NULL ? " · " : "", a->note != NULL ? a->note : "",
                                        g_strcmp0 (a->status, "kept") == 0 ? _(" · arrived") : "");
        g_ptr_array_add (rows, item);
      }
    {
      /* Kept and missed this month, under the heading. */
      g_autofree char *month_start = g_strdup_printf ("%.8s01", today);
      g_autofree char *text = NULL;
      guint kept = 0, missed = 0;
      if (!sr_appointments_count (m->ctx, sr_session_get_staff_id (session), month_start, today,
                                  &kept, &missed, NULL))
        kept = missed = 0;
      text = rows->len == 0
             ? g_strdup_printf (_("No appointments today. This month: %u kept, %u missed."), kept, missed)
             : g_strdup_printf (_("This month: %u kept, %u missed."), kept, missed);
      add_group (m, _("Today’s appointments"), text, rows);
      if (rows->len > 0)
        adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (m->last_group), text);
    }
    for (guint i = 0; i < rows->len; i++)
      {
        SrMyDayItem *item = g_ptr_array_index (rows, i);
        g_free (item->customer_name);
        g_free (item->detail);
        g_free (item);
      }
  }
  /* Money and promises first: a deadline missed there costs the office most. */
  if (day->late->len > 0)
    add_group (m, _("Money to chase and contracts to sign"), NULL, day->late);
  if (day->promises->len > 0)
    add_group (m, _("Property certificates promised"), NULL, day->promises);
  add_group (m, _("Follow-ups due"), _("Nothing due today."), day->due);
  add_group (m, _("Your customers who came while you were out"), _("Nobody came for you while you were out."), day->covered);
  add_group (m, _("New customers you received today"), _("None yet today."), day->received);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (m->scroller), m->page);
}

static void
on_changed (SrContext  *ctx,
            const char *table,
            MyDay      *m)
{
  if (g_strcmp0 (table, "customers") == 0 || g_strcmp0 (table, "rotation") == 0 ||
      g_strcmp0 (table, "appointments") == 0)
    refresh (m);
}

GtkWidget *
sr_my_day_page_new (SrContext *ctx)
{
  MyDay *m = g_new0 (MyDay, 1);

  m->ctx = g_object_ref (ctx);
  m->scroller = gtk_scrolled_window_new ();
  m->root = m->scroller;
  g_object_set_data_full (G_OBJECT (m->root), "sr-my-day", m, (GDestroyNotify) my_day_free);
  m->changed_id = g_signal_connect (ctx, "changed", G_CALLBACK (on_changed), m);
  refresh (m);
  return m->root;
}
