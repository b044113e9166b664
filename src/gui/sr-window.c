#include "config.h"

#include <glib-unix.h>

#include <glib/gi18n.h>

#include "admin/sr-admin-page.h"
#include "customers/sr-customers-page.h"
#include "customers/sr-my-day-page.h"
#include "frontdesk/sr-front-desk-page.h"
#include "ledger/sr-ledger-page.h"
#include "pipeline/sr-board-page.h"
#include "pipeline/sr-dispatch-page.h"
#include "pipeline/sr-housekeepers-page.h"
#include "registers/sr-registers-page.h"
#include "overview/sr-overview-page.h"
#include "pipeline/sr-performance-page.h"
#include "pipeline/sr-visits-page.h"
#include "problems/sr-problems-page.h"
#include "units/sr-sales-report-page.h"
#include "units/sr-supply-page.h"
#include "units/sr-units-page.h"
#include "core/sr-appointments.h"
#include "core/sr-office.h"
#include "core/sr-staff.h"
#include "sr-form.h"
#include "sr-gui-util.h"
#include "sr-setup-page.h"
#include "sr-sign-in-page.h"
#include "sr-window.h"
#include "core/sr-bookings.h"

struct _SrWindow
{
  AdwApplicationWindow parent_instance;

  SrContext *ctx;
  GSettings *settings;

  AdwToastOverlay *toasts;
  GtkStack *stack;
  AdwStatusPage *error_page;
  SrSetupPage *setup_page;
  SrSignInPage *sign_in_page;
  AdwWindowTitle *sign_in_title;
  AdwViewSwitcherTitle *switcher_title;
  GtkMenuButton *person_button;
  AdwViewStack *main_stack;

  guint reminder_source;
  GHashTable *reminded;  /* appointment ids already announced */
  guint poll_source;     /* other programs' and PCs' changes, every half second */
  guint socket_source;   /* on a server: its connection's socket, readable when a PC wrote */
  int watched_fd;

  /* The idle lock: the last key, click or pointer move in any of the window's windows;
   * while locked, the person who was signed in and the windows hidden from view. */
  gint64 last_activity;
  guint idle_source;
  gboolean locked;
  gint64 locked_staff_id;
  GPtrArray *hidden;
};

G_DEFINE_FINAL_TYPE (SrWindow, sr_window, ADW_TYPE_APPLICATION_WINDOW)

static char *
office_name (SrWindow *self)
{
  g_autofree char *name = NULL;

  if (self->ctx == NULL || !sr_office_get (self->ctx, &name, NULL, NULL))
    return g_strdup (_("Salesroom"));
  return g_steal_pointer (&name);
}

static SrWindow *
window_of (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  while (root != NULL && !SR_IS_WINDOW (root) && GTK_IS_WINDOW (root) &&
         gtk_window_get_transient_for (GTK_WINDOW (root)) != NULL)
    root = GTK_ROOT (gtk_window_get_transient_for (GTK_WINDOW (root)));
  return SR_IS_WINDOW (root) ? SR_WINDOW (root) : NULL;
}

/* The sign-in page over the window: a line under the office's name, the sign-in name
 * filled in (or not), and whether Back returns to the one signed in. */
static void
present_sign_in (SrWindow   *self,
                 const char *subtitle,
                 const char *login,
                 gboolean    can_cancel)
{
  g_autofree char *name = office_name (self);

  adw_window_title_set_title (self->sign_in_title, name);
  adw_window_title_set_subtitle (self->sign_in_title, subtitle);
  gtk_stack_set_visible_child_name (self->stack, "sign-in");
  sr_sign_in_page_start (self->sign_in_page, self->ctx, name, login, can_cancel);
}

/* The idle lock --------------------------------------------------------------------- */

static void
note_activity (GtkEventController *controller)
{
  SrWindow *window = window_of (gtk_event_controller_get_widget (controller));
  if (window != NULL)
    window->last_activity = g_get_monotonic_time ();
}

static gboolean
on_activity_key (GtkEventControllerKey *key,
                 guint                  keyval,
                 guint                  keycode,
                 GdkModifierType        state)
{
  note_activity (GTK_EVENT_CONTROLLER (key));
  return FALSE;
}

static void
on_activity_click (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y)
{
  note_activity (GTK_EVENT_CONTROLLER (gesture));
}

static void
on_activity_motion (GtkEventControllerMotion *motion,
                    double                    x,
                    double                    y)
{
  note_activity (GTK_EVENT_CONTROLLER (motion));
}

static gboolean
on_activity_scroll (GtkEventControllerScroll *scroll,
                    double                    dx,
                    double                    dy)
{
  note_activity (GTK_EVENT_CONTROLLER (scroll));
  return FALSE;   /* the list under the pointer scrolls */
}

void
sr_window_watch_activity (GtkWidget *window)
{
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);

  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_activity_key), NULL);
  gtk_widget_add_controller (window, key);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect (click, "pressed", G_CALLBACK (on_activity_click), NULL);
  gtk_widget_add_controller (window, GTK_EVENT_CONTROLLER (click));
  g_signal_connect (motion, "motion", G_CALLBACK (on_activity_motion), NULL);
  gtk_widget_add_controller (window, motion);
  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_activity_scroll), NULL);
  gtk_widget_add_controller (window, scroll);
}

gboolean
sr_window_is_locked (SrWindow *self)
{
  return self->locked;
}

void
sr_window_lock (SrWindow *self)
{
  SrSession *session = self->ctx != NULL ? sr_context_get_session (self->ctx) : NULL;
  GList *windows;

  if (session == NULL || sr_session_get_staff_id (session) == 0 || self->locked)
    return;
  self->locked = TRUE;
  self->locked_staff_id = sr_session_get_staff_id (session);
  /* The customer, unit and form windows go out of sight with the data behind them. */
  windows = gtk_window_list_toplevels ();
  for (GList *l = windows; l != NULL; l = l->next)
    if (l->data != (gpointer) self && gtk_widget_get_visible (l->data) && window_of (l->data) == self)
      {
        g_ptr_array_add (self->hidden, g_object_ref (l->data));
        gtk_widget_set_visible (l->data, FALSE);
      }
  g_list_free (windows);
  present_sign_in (self, _("Locked after a while without use: sign in again"), sr_session_get_login (session), FALSE);
}

static gboolean
check_idle (gpointer data)
{
  SrWindow *self = data;
  gint64 minutes;

  if (self->ctx == NULL || self->locked || sr_context_get_session (self->ctx) == NULL ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "main") != 0)
    return G_SOURCE_CONTINUE;
  minutes = sr_settings_get_int (self->ctx, "security.idle_lock_minutes", 10);
  if (minutes > 0 && g_get_monotonic_time () - self->last_activity > minutes * 60 * G_USEC_PER_SEC)
    sr_window_lock (self);
  return G_SOURCE_CONTINUE;
}

/* After the lock: the same person finds everything as they left it; another person's
 * sign-in closes what the first had open. */
static gboolean
unlock (SrWindow  *self,
        SrSession *session)
{
  gboolean same = sr_session_get_staff_id (session) == self->locked_staff_id;

  if (!self->locked)
    return FALSE;
  self->locked = FALSE;
  self->last_activity = g_get_monotonic_time ();
  for (guint i = 0; i < self->hidden->len; i++)
    {
      GtkWidget *window = self->hidden->pdata[i];
      if (same)
        gtk_widget_set_visible (window, TRUE);
      else
        gtk_window_destroy (GTK_WINDOW (window));
    }
  g_ptr_array_set_size (self->hidden, 0);
  if (!same)
    return FALSE;
  sr_context_set_session (self->ctx, session);
  gtk_stack_set_visible_child_name (self->stack, "main");
  return TRUE;
}

void
sr_toast (GtkWidget  *widget,
          const char *message)
{
  SrWindow *window = window_of (widget);
  AdwToast *toast;

  if (window == NULL)
    {
      g_message ("%s", message);
      return;
    }
  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (window->toasts, toast);
}

void
sr_toast_with_undo (GtkWidget      *widget,
                    const char     *message,
                    GCallback       undo,
                    gpointer        data,
                    GDestroyNotify  destroy)
{
  SrWindow *window = window_of (widget);
  AdwToast *toast;

  if (window == NULL)
    {
      if (destroy != NULL)
        destroy (data);
      return;
    }
  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 60);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_data (toast, "button-clicked", undo, data, (GClosureNotify) (void (*) (void)) destroy, 0);
  adw_toast_overlay_add_toast (window->toasts, toast);
}

void
sr_toast_error (GtkWidget    *widget,
                const GError *error)
{
  sr_toast (widget, error != NULL ? error->message : _("Something went wrong."));
}

static void
show_sign_in (SrWindow *self,
              gboolean  can_cancel)
{
  g_autofree char *last = self->settings != NULL ? g_settings_get_string (self->settings, "last-login")
                                                  : NULL;

  present_sign_in (self, can_cancel ? _("Switch person") : NULL, can_cancel ? NULL : last, can_cancel);
}

static void
clear_main_pages (SrWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->main_stack))) != NULL)
    {
      /* AdwViewStack's children are its pages' widgets. */
      adw_view_stack_remove (self->main_stack, child);
    }
}

static void
build_main_pages (SrWindow *self)
{
  SrSession *session = sr_context_get_session (self->ctx);
  g_autofree char *name = office_name (self);
  g_autofree char *roles = sr_roles_to_label (sr_session_get_roles (session));
  gboolean any = FALSE;
  SrOfficeKind kind = SR_OFFICE_PROPERTY;

  clear_main_pages (self);
  sr_office_get (self->ctx, NULL, &kind, NULL);

  /* A manager starts on the overview. */
  if (sr_overview_page_is_for (session))
    {
      GtkWidget *overview = sr_overview_page_new (self->ctx);
      AdwViewStackPage *page = adw_view_stack_add_titled (self->main_stack, overview, "overview", _("Overview"));
      adw_view_stack_page_set_icon_name (page, "view-dual-symbolic");
      any = TRUE;
    }
  if (sr_my_day_page_is_for (session))
    {
      GtkWidget *day = sr_my_day_page_new (self->ctx);
      AdwViewStackPage *page = adw_view_stack_add_titled (self->main_stack, day, "myday",
                                                          _("My Day"));
      adw_view_stack_page_set_icon_name (page, "x-office-calendar-symbolic");
      any = TRUE;
    }
  if (sr_front_desk_page_is_for (session))
    {
      GtkWidget *desk = sr_front_desk_page_new (self->ctx);
      AdwViewStackPage *page = adw_view_stack_add_titled (self->main_stack, desk, "frontdesk",
                                                          _("Front Desk"));
      adw_view_stack_page_set_icon_name (page, "system-users-symbolic");
      any = TRUE;
    }
  if (sr_customers_page_is_for (session))
    {
      GtkWidget *customers = sr_customers_page_new (self->ctx);
      AdwViewStackPage *page = adw_view_stack_add_titled (self->main_stack, customers, "customers",
                                                          _("Customers"));
      adw_view_stack_page_set_icon_name (page, "x-office-address-book-symbolic");
      any = TRUE;
    }
  if (sr_board_page_is_for (session))
    {
      GtkWidget *board = sr_board_page_new (self->ctx);
      AdwViewStackPage *page = adw_view_stack_add_titled (self->main_stack, board, "pipeline", _("Pipeline"));
      adw_view_stack_page_set_icon_name (page, "view-paged-symbolic");
      any = TRUE;
    }
  if (sr_dispatch_page_is_for (session) && kind == SR_OFFICE_DECORATION)
    {
      GtkWidget *dispatch = sr_dispatch_page_new (self->ctx);
      AdwViewStackPage *page = adw_view_stack_add_titled (self->main_stack, dispatch, "dispatch", _("Designer Dispatch"));
      adw_view_stack_page_set_icon_name (page, "mail-send-symbolic");
      any = TRUE;
    }
  if (sr_housekeepers_page_is_for (session) && kind == SR_OFFICE_HOUSEKEEPING)
    {
      GtkWidget *roster = sr_housekeepers_page_new (self->ctx);
      AdwViewStackPage *page = adw_view_stack_add_titled (self->main_stack, roster, "housekeepers", _("Housekeepers"));
      adw_view_stack_page_set_icon_name (page, "avatar-default-symbolic");
      any = TRUE;
    }
  if (sr_visits_page_is_for (session) && kind != SR_OFFICE_PROPERTY)
    {
      GtkWidget *visits = sr_visits_page_new (self->ctx);
      AdwViewStackPage *page = adw_view_stack_add_titled (self->main_stack, visits, "visits", _("Return Visits"));
      adw_view_stack_page_set_icon_name (page, "call-start-symbolic");
      any = TRUE;
    }
  if (sr_performance_page_is_for (session))
    {
      GtkWidget *perf = sr_performance_page_new (self->ctx);
      AdwViewStackPage *page = adw_view_stack_add_titled (self->main_stack, perf, "performance", _("Performance"));
      adw_view_stack_page_set_icon_name (page, "emblem-ok-symbolic");
      any = TRUE;
    }
  if (sr_units_page_is_for (session) && sr_office_kind_has_units (kind))
    {
      GtkWidget *units = sr_units_page_new (self->ctx);
      AdwViewStackPage *page = adw_view_stack_add_titled (self->main_stack, units, "units",
                                                          _("Units"));
      adw_view_stack_page_set_icon_name (page, "view-grid-symbolic");
      any = TRUE;
    }
  if (sr_sales_report_page_is_for (session) && sr_office_kind_has_units (kind))
    {
      GtkWidget *sales = sr_sales_report_page_new (self->ctx);
      AdwViewStackPage *page = adw_view_stack_add_titled (self->main_stack, sales, "sales",
                                                          _("Daily Sales"));
      adw_view_stack_page_set_icon_name (page, "x-office-spreadsheet-symbolic");
      any = TRUE;
    }
  if (sr_supply_page_is_for (session) && sr_office_kind_has_units (kind))
    {
      GtkWidget *supply = sr_supply_page_new (self->ctx);
      AdwViewStackPage *page = adw_view_stack_add_titled (self->main_stack, supply, "supply",
                                                          _("Demand and Supply"));
      adw_view_stack_page_set_icon_name (page, "view-dual-symbolic");
      any = TRUE;
    }
  /* Money hangs on unit sales so far; the ledger issue brings other offices' deals. */
  if (sr_ledger_page_is_for (session))
    {
      GtkWidget *money = sr_ledger_page_new (self->ctx);
      AdwViewStackPage *page = adw_view_stack_add_titled (self->main_stack, money, "money",
                                                          _("Money"));
      adw_view_stack_page_set_icon_name (page, "accessories-calculator-symbolic");
      any = TRUE;
    }
  if (sr_problems_page_is_for (session))
    {
      GtkWidget *problems = sr_problems_page_new (self->ctx);
      AdwViewStackPage *page = adw_view_stack_add_titled (self->main_stack, problems, "problems",
                                                          _("Problems"));
      adw_view_stack_page_set_icon_name (page, "dialog-warning-symbolic");
      any = TRUE;
    }
  if (sr_registers_page_is_for (session))
    {
      GtkWidget *registers = sr_registers_page_new (self->ctx);
      AdwViewStackPage *page = adw_view_stack_add_titled (self->main_stack, registers, "registers", _("Registers"));
      adw_view_stack_page_set_icon_name (page, "x-office-spreadsheet-symbolic");
      any = TRUE;
    }
  if (sr_admin_page_is_for (session))
    {
      GtkWidget *admin = sr_admin_page_new (self->ctx, kind);
      AdwViewStackPage *page = adw_view_stack_add_titled (self->main_stack, admin, "admin",
                                                          _("Admin"));
      adw_view_stack_page_set_icon_name (page, "emblem-system-symbolic");
      any = TRUE;
    }
  if (!any)
    {
      GtkWidget *status = adw_status_page_new ();
      g_autofree char *title = g_strdup_printf (_("Signed in as %s"),
                                                sr_session_get_display_name (session));
      g_autofree char *text = g_strdup_printf (_("Your roles: %s. This version of Salesroom has "
                                                 "the front desk and the office’s administration; "
                                                 "the screens for your roles come with the next "
                                                 "versions."),
                                               roles);
      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "avatar-default-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (status), title);
      adw_status_page_set_description (ADW_STATUS_PAGE (status), text);
      adw_view_stack_add_titled (self->main_stack, status, "welcome", _("Welcome"));
    }

  adw_view_switcher_title_set_title (self->switcher_title, name);
  adw_view_switcher_title_set_subtitle (self->switcher_title, NULL);
  gtk_window_set_title (GTK_WINDOW (self), name);
  {
    g_autofree char *label = g_strdup_printf ("%s · %s", sr_session_get_display_name (session),
                                              roles);
    gtk_menu_button_set_label (self->person_button, sr_session_get_display_name (session));
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->person_button), label);
  }
}

/* Every minute: ends reservations whose time has passed (the periodic sweep: a PC that
 * books a unit also ends its expired reservation in the same transaction), telling
 * whoever controls units; then the appointment reminders. */
static void
sweep_reservations (SrWindow *self)
{
  SrSession *session = sr_context_get_session (self->ctx);
  g_autoptr(GError) error = NULL;
  gint64 n = sr_bookings_sweep_expired (self->ctx, &error);

  if (n < 0)
    g_warning ("sweeping expired reservations: %s", error->message);
  else if (n > 0 && sr_session_may (session, SR_ACTION_CONTROL_UNITS))
    {
      g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d reservation ran out: the unit is for sale again.",
                                                               "%d reservations ran out: the units are for sale again.",
                                                               (gulong) n), (int) n);
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
    }
}

/* Reminds the signed-in person of their appointments a quarter of an hour ahead. */
static gboolean
check_reminders (gpointer data)
{
  SrWindow *self = data;
  SrSession *session = self->ctx != NULL ? sr_context_get_session (self->ctx) : NULL;
  g_autofree char *today = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gint64 now;

  if (session == NULL || sr_session_get_staff_id (session) == 0)
    return G_SOURCE_CONTINUE;
  sweep_reservations (self);
  today = sr_clock_today (sr_context_get_clock (self->ctx));
  now = sr_context_now (self->ctx);
  list = sr_appointments_for_day (self->ctx, sr_session_get_staff_id (session), today, NULL);
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      SrAppointment *a = g_ptr_array_index (list, i);
      gint64 key = a->id;
      if (g_strcmp0 (a->status, "scheduled") != 0 || a->at < now || a->at > now + 15 * 60 ||
          g_hash_table_contains (self->reminded, &key))
        continue;
      g_hash_table_add (self->reminded, g_memdup2 (&key, sizeof key));
      {
        g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (a->at);
        g_autofree char *time = g_date_time_format (dt, "%H:%M");
        g_autofree char *message = g_strdup_printf (_("Reminder: %s at %s (%s)"), a->customer_name, time,
                                                    sr_appointment_kind_get_label (a->kind));
        AdwToast *toast = adw_toast_new (message);
        adw_toast_set_timeout (toast, 0);   /* stays until dismissed */
        adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
        adw_toast_overlay_add_toast (self->toasts, toast);
      }
    }
  return G_SOURCE_CONTINUE;
}

static void ask_for_own_password (SrWindow *self);

/* What another window, program or PC wrote shows here within a second: the screens hear
 * "changed" for the tables it touched, as for this window's own changes. Not while the
 * person is typing, clicking or scrolling (a screen rebuilt under them would jump): the
 * news waits until they pause for a moment. */
#define QUIET_BEFORE_REFRESH (G_USEC_PER_SEC * 3 / 2)

static void watch_socket (SrWindow *self);

static gboolean
poll_changes (gpointer data)
{
  SrWindow *self = data;

  if (!self->locked && sr_context_get_session (self->ctx) != NULL &&
      g_get_monotonic_time () - self->last_activity >= QUIET_BEFORE_REFRESH)
    sr_context_poll_changes (self->ctx, NULL);
  watch_socket (self);
  return G_SOURCE_CONTINUE;
}

/* On a server, another PC's change is heard at once: the socket turns readable, the news
 * is taken in (so it does not stay readable), and the screens refresh now rather than at
 * the next half second, the person's pause still waited for. */
static gboolean
on_socket (int          fd,
           GIOCondition condition,
           gpointer     data)
{
  SrWindow *self = data;
  gint64 version = 0;

  if (!sr_db_data_version (sr_context_get_db (self->ctx), &version, NULL))
    {
      /* The connection went: the half-second poll watches the new one once it is back. */
      self->socket_source = 0;
      self->watched_fd = -1;
      return G_SOURCE_REMOVE;
    }
  poll_changes (self);
  return G_SOURCE_CONTINUE;
}

static void
watch_socket (SrWindow *self)
{
  int fd = self->ctx != NULL ? sr_db_get_socket (sr_context_get_db (self->ctx)) : -1;

  if (fd == self->watched_fd && (fd < 0 || self->socket_source != 0))
    return;
  g_clear_handle_id (&self->socket_source, g_source_remove);
  self->watched_fd = fd;
  if (fd >= 0)
    self->socket_source = g_unix_fd_add (fd, G_IO_IN, on_socket, self);
}

void
sr_window_sign_in_as (SrWindow  *self,
                      SrSession *session)
{
  sr_context_set_session (self->ctx, session);
  if (self->settings != NULL && sr_session_get_staff_id (session) > 0)
    g_settings_set_string (self->settings, "last-login", sr_session_get_login (session));
  build_main_pages (self);
  gtk_stack_set_visible_child_name (self->stack, "main");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sign-out", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.switch-person", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.change-password", TRUE);
  g_hash_table_remove_all (self->reminded);
  if (self->reminder_source == 0)
    self->reminder_source = g_timeout_add_seconds (60, check_reminders, self);
  if (self->poll_source == 0)
    self->poll_source = g_timeout_add (500, poll_changes, self);
  sr_context_poll_changes (self->ctx, NULL);   /* what is there now is known */
  watch_socket (self);
  check_reminders (self);
  if (sr_session_get_must_change_password (session))
    ask_for_own_password (self);
}

static void
on_signed_in (SrWindow  *self,
              SrSession *session)
{
  if (!unlock (self, session))
    sr_window_sign_in_as (self, session);
}

static void
on_sign_in_cancelled (SrWindow *self)
{
  if (!self->locked && sr_context_get_session (self->ctx) != NULL)
    gtk_stack_set_visible_child_name (self->stack, "main");
}

static void
on_setup_done (SrWindow   *self,
               const char *login)
{
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-login", login);
  show_sign_in (self, FALSE);
}

const char *
sr_window_get_visible_page (SrWindow *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

gboolean
sr_window_show_page (SrWindow   *self,
                     const char *name)
{
  if (g_strcmp0 (name, "setup") == 0 || g_strcmp0 (name, "sign-in") == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, name);
      return TRUE;
    }
  {
    g_auto(GStrv) parts = g_strsplit (name, "/", 2);
    GtkWidget *page = adw_view_stack_get_child_by_name (self->main_stack, parts[0]);

    if (page == NULL)
      return FALSE;
    adw_view_stack_set_visible_child_name (self->main_stack, parts[0]);
    if (parts[1] != NULL)
      return SR_IS_ADMIN_PAGE (page) && sr_admin_page_show_section (SR_ADMIN_PAGE (page), parts[1]);
    return TRUE;
  }
}

static void
sign_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SrWindow *self = SR_WINDOW (widget);

  sr_context_set_session (self->ctx, NULL);
  clear_main_pages (self);
  gtk_widget_action_set_enabled (widget, "win.sign-out", FALSE);
  gtk_widget_action_set_enabled (widget, "win.switch-person", FALSE);
  gtk_widget_action_set_enabled (widget, "win.change-password", FALSE);
  show_sign_in (self, FALSE);
}

static void
switch_person_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  /* The current person stays signed in until someone else signs in (or Back); a locked
   * window stays locked. */
  if (!SR_WINDOW (widget)->locked)
    show_sign_in (SR_WINDOW (widget), TRUE);
}

static gboolean
save_password (SrForm   *form,
               gpointer  user_data,
               GError  **error)
{
  SrWindow *self = user_data;

  if (g_strcmp0 (sr_form_get_text (form, "new"), sr_form_get_text (form, "again")) != 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The two new passwords differ."));
      return FALSE;
    }
  if (!sr_staff_change_own_password (self->ctx, sr_form_get_text (form, "old"),
                                     sr_form_get_text (form, "new"), error))
    return FALSE;
  sr_toast (GTK_WIDGET (self), _("Your password was changed."));
  return TRUE;
}

/* A password an administrator set: its owner chooses their own before going on; closing
 * the form without one signs them out. */
static void
on_forced_form_closed (gpointer  data,
                       GObject  *form)
{
  SrWindow *self = data;
  SrSession *session = self->ctx != NULL ? sr_context_get_session (self->ctx) : NULL;

  if (session != NULL && sr_session_get_must_change_password (session))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.sign-out", NULL);
      sr_toast (GTK_WIDGET (self), _("Choose your own password to go on: sign in again."));
    }
  g_object_unref (self);
}

static void
ask_for_own_password (SrWindow *self)
{
  SrForm *form = sr_form_new (GTK_WIDGET (self), _("Choose Your Own Password"), _("_Change"));

  sr_form_set_info (form, _("An administrator set your password. Choose one of your own before you go on."));
  sr_form_add_password (form, "old", _("The password you were given"));
  sr_form_add_password (form, "new", _("New password (at least 6 characters)"));
  sr_form_add_password (form, "again", _("New password again"));
  gtk_window_set_modal (GTK_WINDOW (form), TRUE);
  sr_form_run (form, save_password, self, NULL);
  g_object_weak_ref (G_OBJECT (form), on_forced_form_closed, g_object_ref (self));
}

static void
change_password_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SrForm *form = sr_form_new (widget, _("Change My Password"), _("_Change"));

  sr_form_add_password (form, "old", _("Current password"));
  sr_form_add_password (form, "new", _("New password (at least 6 characters)"));
  sr_form_add_password (form, "again", _("New password again"));
  sr_form_run (form, save_password, widget, NULL);
}

static gboolean
on_close_request (SrWindow *self)
{
  if (self->settings != NULL)
    {
      int width, height;
      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized",
                              gtk_window_is_maximized (GTK_WINDOW (self)));
    }
  return FALSE;
}

static void
sr_window_dispose (GObject *object)
{
  SrWindow *self = SR_WINDOW (object);

  g_clear_handle_id (&self->reminder_source, g_source_remove);
  g_clear_handle_id (&self->poll_source, g_source_remove);
  g_clear_handle_id (&self->socket_source, g_source_remove);
  g_clear_handle_id (&self->idle_source, g_source_remove);
  g_clear_pointer (&self->hidden, g_ptr_array_unref);
  g_clear_pointer (&self->reminded, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), SR_TYPE_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->ctx);
  G_OBJECT_CLASS (sr_window_parent_class)->dispose (object);
}

static void
sr_window_class_init (SrWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = sr_window_dispose;

  g_type_ensure (SR_TYPE_SETUP_PAGE);
  g_type_ensure (SR_TYPE_SIGN_IN_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/salesroom/Salesroom/ui/sr-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SrWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, SrWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, SrWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, SrWindow, setup_page);
  gtk_widget_class_bind_template_child (widget_class, SrWindow, sign_in_page);
  gtk_widget_class_bind_template_child (widget_class, SrWindow, sign_in_title);
  gtk_widget_class_bind_template_child (widget_class, SrWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, SrWindow, person_button);
  gtk_widget_class_bind_template_child (widget_class, SrWindow, main_stack);
  gtk_widget_class_bind_template_callback (widget_class, on_setup_done);
  gtk_widget_class_bind_template_callback (widget_class, on_signed_in);
  gtk_widget_class_bind_template_callback (widget_class, on_sign_in_cancelled);

  gtk_widget_class_install_action (widget_class, "win.sign-out", NULL, sign_out_action);
  gtk_widget_class_install_action (widget_class, "win.switch-person", NULL, switch_person_action);
  gtk_widget_class_install_action (widget_class, "win.change-password", NULL,
                                   change_password_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK,
                                       "win.switch-person", NULL);
}

static void
sr_window_init (SrWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->watched_fd = -1;
  self->reminded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->hidden = g_ptr_array_new_with_free_func (g_object_unref);
  self->last_activity = g_get_monotonic_time ();
  sr_window_watch_activity (GTK_WIDGET (self));
  self->idle_source = g_timeout_add_seconds (20, check_idle, self);
  g_signal_connect (self, "close-request", G_CALLBACK (on_close_request), NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sign-out", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.switch-person", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.change-password", FALSE);
}

SrWindow *
sr_window_new (AdwApplication *app,
               SrContext      *ctx,
               const GError   *open_error)
{
  SrWindow *self = g_object_new (SR_TYPE_WINDOW, "application", app, NULL);
  gboolean exists = FALSE;

  self->settings = sr_settings_load ();
  if (self->settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }
  else
    gtk_window_set_default_size (GTK_WINDOW (self), 1280, 760);

  if (ctx == NULL)
    {
      /* The description is markup: a server's address holds & and <. */
      g_autofree char *text = open_error != NULL ? g_markup_escape_text (open_error->message, -1) : NULL;
      adw_status_page_set_description (self->error_page, text);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return self;
    }

  self->ctx = g_object_ref (ctx);
  if (sr_office_exists (ctx, &exists, NULL) && exists)
    show_sign_in (self, FALSE);
  else
    {
      sr_setup_page_set_context (self->setup_page, ctx);
      gtk_stack_set_visible_child_name (self->stack, "setup");
    }
  return self;
}
