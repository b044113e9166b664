/* sr-front-desk-page.c — see sr-front-desk-page.h. Real widgets (a short list with
 * buttons), so every action is reachable from the keyboard. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "core/sr-appointments.h"
#include "core/sr-call-check.h"
#include "core/sr-contacts.h"
#include "core/sr-customers.h"
#include "core/sr-desk.h"
#include "core/sr-media.h"
#include "core/sr-phone.h"
#include "core/sr-staff.h"
#include "gui/sr-form.h"
#include "gui/sr-gui-util.h"
#include "gui/sr-window.h"
#include "sr-front-desk-page.h"

typedef struct {
  SrContext *ctx;
  GtkWidget *root;
  SrDeskGroup group;
  char *day;
  GHashTable *names;          /* staff id → display name */
  GtkWidget *stack;           /* "empty" | "desk" */
  GtkWidget *empty_page;
  GtkWidget *next_name;
  GtkWidget *next_detail;
  GtkWidget *people;          /* GtkListBox */
  GtkWidget *set_order_button;
  GtkWidget *call_check_button;
  GtkWidget *duty_button;
  GtkWidget *feedback_button;
  GtkWidget *appointments;    /* GtkListBox: today's appointments, Arrived on each */
  GtkWidget *no_appointments;
  GtkWidget *overflow_button;
  GtkWidget *quick_phone;     /* the one-line form: phone first, then the name */
  GtkWidget *quick_name;
  GtkWidget *quick_info;
  GtkWidget *copy_button;
  GSimpleActionGroup *actions;
  gulong changed_id;
} Desk;

static void refresh (Desk *d);
static void suspend_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data);
static void call_check_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data);
static void phone_duty_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data);
static void feedback_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data);
static void log_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data);
static void resume_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data);

static void
desk_free (Desk *d)
{
  g_clear_signal_handler (&d->changed_id, d->ctx);
  g_clear_object (&d->ctx);
  g_clear_object (&d->actions);
  g_clear_pointer (&d->names, g_hash_table_unref);
  g_free (d->day);
  g_free (d);
}

gboolean
sr_front_desk_page_is_for (SrSession *session)
{
  return sr_session_may (session, SR_ACTION_RUN_ROTATION);
}

static const char *
name_of (Desk   *d,
         gint64  id)
{
  const char *name = g_hash_table_lookup (d->names, &id);
  return name != NULL ? name : "?";
}

static void
load_names (Desk *d)
{
  g_autoptr(GPtrArray) staff = sr_staff_list (d->ctx, TRUE, NULL);

  g_hash_table_remove_all (d->names);
  for (guint i = 0; staff != NULL && i < staff->len; i++)
    {
      SrStaffMember *m = g_ptr_array_index (staff, i);
      gint64 *key = g_new (gint64, 1);
      *key = m->id;
      g_hash_table_insert (d->names, key, g_strdup (m->display_name));
    }
}

static const char *
state_label (const SrRotationPerson *p)
{
  switch (p->state)
    {
    case SR_ROTATION_NOT_ARRIVED: return _("Not arrived");
    case SR_ROTATION_WAITING: return p->moved_to_end ? _("In line (was away at the turn)") : _("In line");
    case SR_ROTATION_SERVED: return _("Received this round");
    case SR_ROTATION_SKIPPED_PERSONAL: return _("Skipped this round (personal)");
    case SR_ROTATION_BUSY: return _("Busy with a customer");
    case SR_ROTATION_LEFT: return _("Left for the day");
    default: return "";
    }
}

/* Rotation events from the row buttons ---------------------------------------------------- */

typedef struct {
  Desk *d;
  SrDeskGroup group;
  char *day;
  gint64 event_id;
} UndoData;

static void
undo_data_free (gpointer data)
{
  UndoData *u = data;
  g_free (u->day);
  g_free (u);
}

static void
on_undo (AdwToast *toast,
         UndoData *u)
{
  g_autoptr(GError) error = NULL;

  if (!sr_desk_undo (u->d->ctx, u->day, u->group, u->event_id, &error))
    sr_toast_error (u->d->root, error);
}

static void
offer_undo (Desk       *d,
            const char *message,
            gint64      event_id)
{
  UndoData *u = g_new0 (UndoData, 1);

  u->d = d;
  u->group = d->group;
  u->day = g_strdup (d->day);
  u->event_id = event_id;
  sr_toast_with_undo (d->root, message, G_CALLBACK (on_undo), u, undo_data_free);
}

static void
record (Desk                *d,
        SrRotationEventKind  kind,
        gint64               staff_id,
        const char          *done_message)
{
  g_autoptr(GError) error = NULL;
  gint64 id = sr_desk_record (d->ctx, d->day, d->group, kind, staff_id, 0, &error);

  if (id == 0)
    {
      sr_toast_error (d->root, error);
      return;
    }
  {
    /* done_message has one "%s" for the person's name. */
    GString *message = g_string_new (done_message);
    g_string_replace (message, "%s", name_of (d, staff_id), 1);
    offer_undo (d, message->str, id);
    g_string_free (message, TRUE);
  }
}

static void
row_action (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  Desk *d = user_data;
  const char *name = g_action_get_name (G_ACTION (action));
  gint64 staff_id = g_variant_get_int64 (parameter);

  if (g_str_equal (name, "arrive"))
    record (d, SR_ROTATION_ARRIVE, staff_id, _("%s is at the desk."));
  else if (g_str_equal (name, "leave"))
    record (d, SR_ROTATION_LEAVE, staff_id, _("%s left for the day."));
  else if (g_str_equal (name, "skip-personal"))
    record (d, SR_ROTATION_SKIP_PERSONAL, staff_id, _("%s skips this round."));
  else if (g_str_equal (name, "busy"))
    record (d, SR_ROTATION_SKIP_OBJECTIVE, staff_id, _("%s is busy with a customer."));
  else if (g_str_equal (name, "back"))
    record (d, SR_ROTATION_BACK, staff_id, _("%s is back and inserted into this round."));
  else if (g_str_equal (name, "absent"))
    record (d, SR_ROTATION_ABSENT, staff_id, _("%s was not at the desk: moved to the end of this round."));
}

/* Receiving ------------------------------------------------------------------------------------ */

typedef struct {
  Desk *d;
  GPtrArray *media;     /* SrMediaSource, in the combo's order after "not asked" */
  GArray *takers;       /* staff ids after "in turn" in the "received by" combo */
  gboolean is_business;
} ReceiveData;

static void
receive_data_free (ReceiveData *r)
{
  g_ptr_array_unref (r->media);
  g_array_unref (r->takers);
  g_free (r);
}

static gboolean
is_at_desk (const SrRotationPerson *p)
{
  return p->state != SR_ROTATION_NOT_ARRIVED && p->state != SR_ROTATION_LEFT;
}

/* As the phone is typed: what Receive would do, by the desk's own rules (a returning
 * customer to their owner, or covered; a new one to the person in line). NULL while
 * the number is not complete. */
static char *
describe_arrival (Desk       *d,
                  const char *text)
{
  g_autofree char *normalised = sr_phone_normalise (text, NULL);
  g_autoptr(GError) error = NULL;
  SrArrival arrival = { .phone = text, .is_business = TRUE };
  char *preview;

  if (normalised == NULL)
    return NULL;
  preview = sr_desk_preview (d->ctx, d->day, d->group, &arrival, &error);
  return preview != NULL ? preview : g_strdup (error->message);
}

static void
on_phone_changed (GtkEditable *editable,
                  SrForm      *form)
{
  ReceiveData *r = g_object_get_data (G_OBJECT (form), "receive");
  g_autofree char *info = describe_arrival (r->d, gtk_editable_get_text (editable));

  sr_form_set_info (form, info);
}

static gboolean
save_receive (SrForm   *form,
              gpointer  user_data,
              GError  **error)
{
  ReceiveData *r = user_data;
  Desk *d = r->d;
  SrArrival arrival = { 0 };
  g_auto(SrReception) reception = { 0 };
  guint media = r->is_business ? sr_form_get_selected (form, "media") : 0;
  g_autofree char *message = NULL;

  arrival.is_business = r->is_business;
  arrival.note = sr_form_get_text (form, "note");
  {
    /* Filled in after the call or visit (补填): when it was. */
    const char *when = sr_form_get_text (form, "when");
    int hour = -1, minute = -1;
    if (when != NULL && *when != '\0')
      {
        if (sscanf (when, "%d:%d", &hour, &minute) != 2 || hour < 0 || hour > 23 || minute < 0 || minute > 59)
          {
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("“%s” is not a time (HH:MM)."), when);
            return FALSE;
          }
        arrival.happened_at = sr_day_start_unix (d->day) + hour * 3600 + minute * 60;
      }
  }
  if (r->is_business)
    {
      arrival.phone = sr_form_get_text (form, "phone");
      arrival.name = sr_form_get_text (form, "name");
      if (media > 0 && media <= r->media->len)
        arrival.media_source_id = ((SrMediaSource *) g_ptr_array_index (r->media, media - 1))->id;
      arrival.asks_for_owner = sr_form_get_active (form, "asks");
      if (d->group == SR_DESK_RECEPTION)
        arrival.tags = sr_form_get_text (form, "tags");
      {
        guint taker = sr_form_get_selected (form, "taker");
        if (taker > 0 && taker <= r->takers->len)
          arrival.taker_id = g_array_index (r->takers, gint64, taker - 1);
      }
    }
  if (!sr_desk_receive (d->ctx, d->day, d->group, &arrival, &reception, error))
    return FALSE;
  message = g_strdup_printf (_("%s → %s (%s)"),
                             r->is_business && *arrival.name != '\0' ? arrival.name
                             : r->is_business ? _("Returning customer") : _("Non-business"),
                             name_of (d, reception.receiver_id), reception.rule);
  offer_undo (d, message, reception.event_id);
  return TRUE;
}

/* The receive form; @taker_id (0: the one in turn) is chosen as who takes a new customer
 * when they are at the desk out of turn. */
static void
open_receive_for (Desk     *d,
                  gboolean  is_business,
                  gint64    taker_id);

static void
open_receive (Desk     *d,
              gboolean  is_business)
{
  open_receive_for (d, is_business, 0);
}

static void
open_receive_for (Desk     *d,
                  gboolean  is_business,
                  gint64    taker_id)
{
  ReceiveData *r = g_new0 (ReceiveData, 1);
  g_autoptr(GStrvBuilder) items = g_strv_builder_new ();
  g_auto(GStrv) media_names = NULL;
  const char *title;
  SrForm *form;

  r->d = d;
  r->is_business = is_business;
  r->takers = g_array_new (FALSE, FALSE, sizeof (gint64));
  r->media = sr_media_list (d->ctx, FALSE, NULL);
  if (r->media == NULL)
    r->media = g_ptr_array_new_with_free_func (g_object_unref);

  if (!is_business)
    title = _("Non-business Contact");
  else
    title = d->group == SR_DESK_PHONE ? _("Receive a Call") : _("Receive a Visitor");
  form = sr_form_new (d->root, title, _("_Receive"));
  g_object_set_data (G_OBJECT (form), "receive", r);
  if (is_business)
    {
      GtkWidget *phone;
      g_strv_builder_add (items, _("Not asked"));
      for (guint i = 0; i < r->media->len; i++)
        g_strv_builder_add (items, ((SrMediaSource *) g_ptr_array_index (r->media, i))->name);
      media_names = g_strv_builder_end (items);
      phone = sr_form_add_entry (form, "phone", _("Phone (type it first)"), NULL);
      g_signal_connect (phone, "changed", G_CALLBACK (on_phone_changed), form);
      sr_form_add_entry (form, "name", _("Name (a new customer’s; e.g. 张先生)"), NULL);
      sr_form_add_choice (form, "media", _("How they heard of us"),
                          (const char * const *) media_names, 0);
      if (d->group == SR_DESK_RECEPTION)
        sr_form_add_entry (form, "tags", _("Tags of the visit (e.g. 主材: main materials only)"), NULL);
      sr_form_add_check (form, "asks", _("Asks for their own consultant"),
                         _("A returning customer who names their consultant stays theirs"), FALSE);
      {
        /* Who takes a new customer: in turn, or someone else at the desk (out of turn),
         * or someone of the other group (overflow). */
        g_autoptr(GStrvBuilder) takers = g_strv_builder_new ();
        g_auto(GStrv) taker_names = NULL;
        g_autoptr(SrRotationState) mine = sr_desk_state (d->ctx, d->day, d->group, NULL);
        SrDeskGroup other = d->group == SR_DESK_PHONE ? SR_DESK_RECEPTION : SR_DESK_PHONE;
        g_autoptr(SrRotationState) theirs = sr_desk_state (d->ctx, d->day, other, NULL);
        g_autofree char *in_turn = g_strdup_printf (_("In turn: %s"),
                                                    mine != NULL && mine->next ? name_of (d, mine->next)
                                                                               : _("nobody in line"));
        g_strv_builder_add (takers, in_turn);
        for (guint i = 0; mine != NULL && i < mine->people->len; i++)
          {
            const SrRotationPerson *p = &g_array_index (mine->people, SrRotationPerson, i);
            if (is_at_desk (p) && p->staff_id != mine->next)
              {
                g_autofree char *label = g_strdup_printf (_("%s (out of turn)"), name_of (d, p->staff_id));
                g_strv_builder_add (takers, label);
                g_array_append_val (r->takers, p->staff_id);
              }
          }
        for (guint i = 0; theirs != NULL && i < theirs->people->len; i++)
          {
            const SrRotationPerson *p = &g_array_index (theirs->people, SrRotationPerson, i);
            if (is_at_desk (p) && (mine == NULL || sr_rotation_state_find (mine, p->staff_id) == NULL))
              {
                g_autofree char *label = g_strdup_printf (_("%s (%s, overflow)"), name_of (d, p->staff_id),
                                                          sr_desk_group_get_label (other));
                g_strv_builder_add (takers, label);
                g_array_append_val (r->takers, p->staff_id);
              }
          }
        taker_names = g_strv_builder_end (takers);
        {
          guint chosen = 0;
          for (guint i = 0; taker_id != 0 && i < r->takers->len; i++)
            if (g_array_index (r->takers, gint64, i) == taker_id)
              chosen = i + 1;
          sr_form_add_choice (form, "taker", _("A new customer is received by"),
                              (const char * const *) taker_names, chosen);
        }
      }
      gtk_widget_grab_focus (phone);
    }
  sr_form_add_entry (form, "note", is_business ? _("Note") : _("What it was (market survey, sales pitch, looking for someone …)"), NULL);
  sr_form_add_entry (form, "when", _("When it was, if earlier (HH:MM; empty: now)"), NULL);
  sr_form_run (form, save_receive, r, (GDestroyNotify) receive_data_free);
}

/* A row's "Out of Turn…": this person takes the next visitor, not the one in line. */
static void
out_of_turn_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  open_receive_for (user_data, TRUE, g_variant_get_int64 (parameter));
}

/* "Overflow to the Other Group…": everyone here is busy; the other group's next person takes
 * the visitor or the call (rule 8). */
static void
overflow_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  Desk *d = user_data;
  SrDeskGroup other = d->group == SR_DESK_PHONE ? SR_DESK_RECEPTION : SR_DESK_PHONE;
  g_autoptr(SrRotationState) theirs = sr_desk_state (d->ctx, d->day, other, NULL);

  if (theirs == NULL || theirs->next == 0)
    {
      sr_toast (d->root, _("Nobody of the other group is in line."));
      return;
    }
  open_receive_for (d, TRUE, theirs->next);
}

/* An appointment row's Arrived: received as the returning customer they are. */
static void
appointment_arrived_activated (GSimpleAction *action,
                               GVariant      *parameter,
                               gpointer       user_data)
{
  Desk *d = user_data;
  SrArrival arrival = { .is_business = TRUE, .customer_id = g_variant_get_int64 (parameter) };
  g_auto(SrReception) reception = { 0 };
  g_autoptr(SrCustomer) customer = sr_customers_get (d->ctx, arrival.customer_id, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!sr_desk_receive (d->ctx, d->day, d->group, &arrival, &reception, &error))
    {
      sr_toast_error (d->root, error);
      return;
    }
  message = g_strdup_printf (_("%s → %s (%s)"), customer != NULL ? customer->name : _("Returning customer"),
                             name_of (d, reception.receiver_id), reception.rule);
  offer_undo (d, message, reception.event_id);
}

static void
receive_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  open_receive (user_data, TRUE);
}

static void
non_business_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  open_receive (user_data, FALSE);
}

static void
next_absent_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  Desk *d = user_data;
  g_autoptr(SrRotationState) state = sr_desk_state (d->ctx, d->day, d->group, NULL);

  if (state != NULL && state->next != 0)
    record (d, SR_ROTATION_ABSENT, state->next,
            _("%s was not at the desk: moved to the end of this round."));
}

/* The day's order --------------------------------------------------------------------------- */

static void
copy_order_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  Desk *d = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) previous = sr_desk_get_previous_order (d->ctx, d->day, d->group, &error);

  if (previous == NULL || previous->len == 0)
    {
      sr_toast (d->root, _("There is no earlier order to copy."));
      return;
    }
  if (!sr_desk_set_order (d->ctx, d->day, d->group, (gint64 *) previous->data, previous->len, &error))
    sr_toast_error (d->root, error);
}

typedef struct {
  Desk *d;
  GtkWidget *list;  /* rows carry "staff-id" and a check button "check" */
} OrderData;

static void
move_row (GtkButton *button,
          gpointer   delta_ptr)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  GtkListBox *list = GTK_LIST_BOX (gtk_widget_get_parent (row));
  int index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  int target = index + GPOINTER_TO_INT (delta_ptr);

  if (target < 0 || gtk_list_box_get_row_at_index (list, target) == NULL)
    return;
  g_object_ref (row);
  gtk_list_box_remove (list, row);
  gtk_list_box_insert (list, row, target);
  g_object_unref (row);
  gtk_widget_grab_focus (GTK_WIDGET (button));
}

static gboolean
save_order (SrForm   *form,
            gpointer  user_data,
            GError  **error)
{
  OrderData *o = user_data;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (int i = 0; ; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (o->list), i);
      GtkWidget *check;
      if (row == NULL)
        break;
      check = g_object_get_data (G_OBJECT (row), "check");
      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
        {
          gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (row), "staff-id");
          g_array_append_val (ids, id);
        }
    }
  return sr_desk_set_order (o->d->ctx, o->d->day, o->d->group, (gint64 *) ids->data, ids->len, error);
}

static void
set_order_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  Desk *d = user_data;
  g_autoptr(GArray) current = sr_desk_get_order (d->ctx, d->day, d->group, NULL);
  g_autoptr(GPtrArray) staff = sr_staff_list (d->ctx, FALSE, NULL);
  g_autoptr(GArray) shown = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *title = g_strdup_printf (_("Today’s Order: %s"), sr_desk_group_get_label (d->group));
  OrderData *o = g_new0 (OrderData, 1);
  SrForm *form = sr_form_new (d->root, title, NULL);
  GtkWidget *group = adw_preferences_group_new ();

  o->d = d;
  o->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (o->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (o->list, "boxed-list");
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Who takes turns, in order"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Tick the people on duty and move them into today’s order."));

  /* Those in today's order first, in it; then the other consultants. */
  if (current != NULL)
    g_array_append_vals (shown, current->data, current->len);
  for (guint i = 0; staff != NULL && i < staff->len; i++)
    {
      SrStaffMember *m = g_ptr_array_index (staff, i);
      gboolean in = FALSE;
      for (guint k = 0; k < shown->len; k++)
        in = in || g_array_index (shown, gint64, k) == m->id;
      if (!in && (m->roles & SR_ROLE_CONSULTANT))
        g_array_append_val (shown, m->id);
    }
  for (guint i = 0; i < shown->len; i++)
    {
      gint64 id = g_array_index (shown, gint64, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      GtkWidget *up = gtk_button_new_from_icon_name ("go-up-symbolic");
      GtkWidget *down = gtk_button_new_from_icon_name ("go-down-symbolic");
      gint64 *key = g_new (gint64, 1);

      *key = id;
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name_of (d, id));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), current != NULL && i < current->len);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      for (int k = 0; k < 2; k++)
        {
          GtkWidget *b = k == 0 ? up : down;
          gtk_widget_set_valign (b, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (b, "flat");
          gtk_widget_set_tooltip_text (b, k == 0 ? _("Earlier") : _("Later"));
          g_signal_connect (b, "clicked", G_CALLBACK (move_row), GINT_TO_POINTER (k == 0 ? -1 : 1));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), b);
        }
      g_object_set_data_full (G_OBJECT (row), "staff-id", key, g_free);
      g_object_set_data (G_OBJECT (row), "check", check);
      gtk_list_box_append (GTK_LIST_BOX (o->list), row);
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), o->list);
  sr_form_add_widget (form, group);
  gtk_window_set_default_size (GTK_WINDOW (form), 520, 640);
  sr_form_run (form, save_order, o, g_free);
}

/* Call reconciliation (来电核对) ---------------------------------------------------------------- */

static gboolean
save_call_check (SrForm   *form,
                 gpointer  user_data,
                 GError  **error)
{
  Desk *d = user_data;
  g_auto(GStrv) slots = sr_call_check_slots (d->ctx);

  for (guint i = 0; slots[i] != NULL; i++)
    {
      const char *text = sr_form_get_text (form, slots[i]);
      gint64 count;
      if (text == NULL || *text == '\0')
        continue;
      if (!g_ascii_string_to_signed (text, 10, 0, 10000, &count, NULL))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("%s: “%s” is not a number of calls."), slots[i], text);
          return FALSE;
        }
      if (!sr_call_check_set_count (d->ctx, d->day, slots[i], (int) count, error))
        return FALSE;
    }
  return TRUE;
}

static void
call_check_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  Desk *d = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = sr_call_check_day (d->ctx, d->day, &error);
  g_autofree char *title = g_strdup_printf (_("Call Check, %s"), d->day);
  SrForm *form;

  if (rows == NULL)
    {
      sr_toast_error (d->root, error);
      return;
    }
  form = sr_form_new (d->root, title, NULL);
  gtk_window_set_default_size (GTK_WINDOW (form), 620, 720);
  sr_form_add_group (form, _("The phone’s own count per time slot"),
                     _("Type the count the phone shows; the logged calls are beside it. A gap, a form "
                       "without the media source, or one written down more than half an hour after "
                       "the call is flagged."));
  for (guint i = 0; i < rows->len; i++)
    {
      SrCallCheckRow *row = g_ptr_array_index (rows, i);
      g_autofree char *count = row->phone_count >= 0 ? g_strdup_printf ("%d", row->phone_count) : NULL;
      g_autofree char *label = NULL;
      GtkWidget *entry;

      if (row->phone_count >= 0 && row->gap != 0)
        label = g_strdup_printf (_("%s · logged %u · GAP %d · incomplete %u · late %u"),
                                 row->slot, row->logged, row->gap, row->incomplete, row->late);
      else
        label = g_strdup_printf (_("%s · logged %u · incomplete %u · late %u"),
                                 row->slot, row->logged, row->incomplete, row->late);
      entry = sr_form_add_entry (form, row->slot, label, count);
      if ((row->phone_count >= 0 && row->gap != 0) || row->incomplete > 0 || row->late > 0)
        gtk_widget_add_css_class (entry, "warning");
    }
  sr_form_run (form, save_call_check, d, NULL);
}

/* Phone duty (时段值班) ------------------------------------------------------------------------- */

typedef struct {
  Desk *d;
  GArray *people;  /* staff ids after "nobody" */
} DutyData;

static void
duty_data_free (DutyData *data)
{
  g_array_unref (data->people);
  g_free (data);
}

static gboolean
save_phone_duty (SrForm   *form,
                 gpointer  user_data,
                 GError  **error)
{
  DutyData *data = user_data;
  g_auto(GStrv) slots = sr_call_check_slots (data->d->ctx);

  for (guint i = 0; slots[i] != NULL; i++)
    {
      guint chosen = sr_form_get_selected (form, slots[i]);
      gint64 id = chosen > 0 && chosen <= data->people->len ? g_array_index (data->people, gint64, chosen - 1) : 0;
      if (id != sr_phone_duty_get (data->d->ctx, data->d->day, slots[i]) &&
          !sr_phone_duty_set (data->d->ctx, data->d->day, slots[i], id, error))
        return FALSE;
    }
  return TRUE;
}

static void
phone_duty_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  Desk *d = user_data;
  DutyData *data = g_new0 (DutyData, 1);
  g_autoptr(GArray) order = sr_desk_get_order (d->ctx, d->day, SR_DESK_PHONE, NULL);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) items = NULL;
  g_auto(GStrv) slots = sr_call_check_slots (d->ctx);
  g_autofree char *title = g_strdup_printf (_("Phone Duty, %s"), d->day);
  SrForm *form;

  data->d = d;
  data->people = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_strv_builder_add (names, _("nobody"));
  for (guint i = 0; order != NULL && i < order->len; i++)
    {
      gint64 id = g_array_index (order, gint64, i);
      g_array_append_val (data->people, id);
      g_strv_builder_add (names, name_of (d, id));
    }
  items = g_strv_builder_end (names);
  form = sr_form_new (d->root, title, NULL);
  gtk_window_set_default_size (GTK_WINDOW (form), 520, 680);
  sr_form_add_group (form, _("Who answers the phone in each time slot"), NULL);
  for (guint i = 0; slots[i] != NULL; i++)
    {
      gint64 on_duty = sr_phone_duty_get (d->ctx, d->day, slots[i]);
      guint selected = 0;
      for (guint k = 0; k < data->people->len; k++)
        if (g_array_index (data->people, gint64, k) == on_duty)
          selected = k + 1;
      sr_form_add_choice (form, slots[i], slots[i], (const char * const *) items, selected);
    }
  sr_form_run (form, save_phone_duty, data, (GDestroyNotify) duty_data_free);
}

/* The one-line form --------------------------------------------------------------------------------- */

static void
on_quick_phone_changed (GtkEditable *editable,
                        Desk        *d)
{
  g_autofree char *info = describe_arrival (d, gtk_editable_get_text (editable));

  gtk_label_set_text (GTK_LABEL (d->quick_info), info != NULL ? info : "");
}

static void
on_quick_activate (GtkEntry *entry,
                   Desk     *d)
{
  g_autoptr(GError) error = NULL;
  g_auto(SrReception) reception = { 0 };
  SrArrival arrival = { 0 };
  g_autofree char *message = NULL;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (d->quick_name))));

  /* Enter in the phone field moves on to the name; Enter in the name receives. */
  if (GTK_WIDGET (entry) == d->quick_phone && *name == '\0')
    {
      g_autoptr(SrCustomer) existing =
        sr_customers_find_by_phone (d->ctx, gtk_editable_get_text (GTK_EDITABLE (d->quick_phone)), NULL);
      if (existing == NULL)
        {
          gtk_widget_grab_focus (d->quick_name);
          return;
        }
    }
  arrival.phone = gtk_editable_get_text (GTK_EDITABLE (d->quick_phone));
  arrival.name = name;
  arrival.is_business = TRUE;
  if (!sr_desk_receive (d->ctx, d->day, d->group, &arrival, &reception, &error))
    {
      /* What was typed stays. */
      sr_toast_error (d->root, error);
      return;
    }
  message = g_strdup_printf (_("%s → %s (%s)"), *name != '\0' ? name : _("Returning customer"),
                             name_of (d, reception.receiver_id), reception.rule);
  offer_undo (d, message, reception.event_id);
  gtk_editable_set_text (GTK_EDITABLE (d->quick_phone), "");
  gtk_editable_set_text (GTK_EDITABLE (d->quick_name), "");
  gtk_label_set_text (GTK_LABEL (d->quick_info), "");
  gtk_widget_grab_focus (d->quick_phone);
}

/* Today's log of calls and visits ---------------------------------------------------------------- */

/* A line stays while its text (who, receiver, rule, media, tags, note) holds the search. */
static gboolean
log_line_matches (gpointer item,
                  gpointer data)
{
  const char *needle = gtk_editable_get_text (GTK_EDITABLE (data));

  return needle == NULL || *needle == '\0' || strstr (gtk_string_object_get_string (item), needle) != NULL;
}

static void
log_search_changed (GtkFilter *filter)
{
  gtk_filter_changed (filter, GTK_FILTER_CHANGE_DIFFERENT);
}

static void
log_activated (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  Desk *d = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = sr_contacts_list (d->ctx, d->group == SR_DESK_PHONE ? "call" : "visit",
                                                d->day, d->day, &error);
  g_autoptr(GListStore) store = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  GtkWidget *window, *box, *scroller, *clamp, *search;
  GtkCustomFilter *filter;
  g_autofree char *title = NULL;
  GtkRoot *root = gtk_widget_get_root (d->root);

  if (rows == NULL)
    {
      sr_toast_error (d->root, error);
      return;
    }
  title = g_strdup_printf (d->group == SR_DESK_PHONE ? _("Today’s Calls (%u)") : _("Today’s Visits (%u)"),
                           rows->len);
  window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), title);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
  sr_window_watch_activity (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 760, 640);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  {
    GtkWidget *header = adw_header_bar_new ();
    search = gtk_search_entry_new ();
    g_object_set (search, "placeholder-text", _("Tag, name, phone, person or note"), NULL);
    gtk_widget_set_tooltip_text (search, _("Shows only the lines that contain it, e.g. the tag 主材"));
    adw_header_bar_pack_start (ADW_HEADER_BAR (header), search);
    gtk_box_append (GTK_BOX (box), header);
  }
  for (guint i = 0; i < rows->len; i++)
    {
      SrContactRow *r = g_ptr_array_index (rows, i);
      g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (r->at);
      g_autofree char *time = g_date_time_format (dt, "%H:%M");
      g_autofree char *who = r->customer_name != NULL
        ? g_strdup_printf ("%s %s", r->customer_name, r->phone != NULL ? r->phone : "")
        : g_strdup (_("Non-business"));
      g_autofree char *line = g_strdup_printf ("%s  %s → %s", time, who, r->receiver != NULL ? r->receiver : "");
      g_autoptr(GString) sub = g_string_new (r->rule);

      if (r->media_source != NULL)
        g_string_append_printf (sub, " · %s", r->media_source);
      else if (r->is_business && g_strcmp0 (r->kind, "call") == 0)
        g_string_append_printf (sub, " · %s", _("no media source"));
      if (r->tags != NULL)
        g_string_append_printf (sub, " · %s", r->tags);
      if (r->note != NULL)
        g_string_append_printf (sub, " · %s", r->note);
      if (r->is_late)
        g_string_append_printf (sub, " · %s", _("filled in later"));
      sr_lines_append (store, line, sub->str);
    }
  if (d->group == SR_DESK_RECEPTION)
    {
      /* The day's feedback forms follow the visits. */
      g_autoptr(GPtrArray) feedback = sr_feedback_list (d->ctx, d->day, d->day, NULL);
      for (guint i = 0; feedback != NULL && i < feedback->len; i++)
        {
          SrFeedback *f = g_ptr_array_index (feedback, i);
          g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (f->at);
          g_autofree char *time = g_date_time_format (dt, "%H:%M");
          g_autofree char *line = g_strdup_printf (_("%s  Feedback form: %d of 5"), time, f->satisfaction);
          g_autofree char *sub = g_strdup_printf ("%s%s%s%s%s", f->liked != NULL ? f->liked : "",
                                                  f->disliked != NULL ? " · " : "", f->disliked != NULL ? f->disliked : "",
                                                  f->suggestions != NULL ? " · " : "", f->suggestions != NULL ? f->suggestions : "");
          sr_lines_append (store, line, sub);
        }
    }
  if (g_list_model_get_n_items (G_LIST_MODEL (store)) == 0)
    {
      GtkWidget *empty = adw_status_page_new ();
      adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("Nothing Logged Yet Today"));
      gtk_widget_set_vexpand (empty, TRUE);
      gtk_box_append (GTK_BOX (box), empty);
    }
  else
    {
      filter = gtk_custom_filter_new (log_line_matches, search, NULL);
      g_signal_connect_object (search, "search-changed", G_CALLBACK (log_search_changed), filter, G_CONNECT_SWAPPED);
      /* A busy day logs a thousand calls or visits: rows are made only for what is on screen. */
      clamp = sr_lines_view_new (G_LIST_MODEL (gtk_filter_list_model_new (G_LIST_MODEL (g_steal_pointer (&store)),
                                                                        GTK_FILTER (filter))), 0);
      adw_clamp_scrollable_set_maximum_size (ADW_CLAMP_SCROLLABLE (clamp), 720);
      scroller = gtk_scrolled_window_new ();
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
      gtk_widget_set_vexpand (scroller, TRUE);
      gtk_box_append (GTK_BOX (box), scroller);
    }
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
}

/* Feedback form (体验反馈表) --------------------------------------------------------------------- */

static gboolean
save_feedback (SrForm   *form,
               gpointer  user_data,
               GError  **error)
{
  Desk *d = user_data;

  if (sr_feedback_add (d->ctx, 0, 5 - (int) sr_form_get_selected (form, "satisfaction"),
                       sr_form_get_text (form, "liked"), sr_form_get_text (form, "disliked"),
                       sr_form_get_text (form, "suggestions"), error) == 0)
    return FALSE;
  sr_toast (d->root, _("Thank you: the feedback is recorded."));
  return TRUE;
}

static void
feedback_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  Desk *d = user_data;
  const char *levels[] = { _("5 · Very good"), _("4 · Good"), _("3 · Fair"), _("2 · Poor"),
                           _("1 · Very poor"), NULL };
  SrForm *form = sr_form_new (d->root, _("Visitor Feedback"), _("_Record"));

  sr_form_add_group (form, NULL, _("For a visitor who looked around without a consultation."));
  sr_form_add_choice (form, "satisfaction", _("Overall impression"), levels, 1);
  sr_form_add_entry (form, "liked", _("What they liked"), NULL);
  sr_form_add_entry (form, "disliked", _("What they did not like"), NULL);
  sr_form_add_entry (form, "suggestions", _("Suggestions"), NULL);
  sr_form_run (form, save_feedback, d, NULL);
}

/* Suspension from the rotation ------------------------------------------------------------------- */

typedef struct {
  Desk *d;
  gint64 staff_id;
} SuspendData;

static gboolean
save_suspend (SrForm   *form,
              gpointer  user_data,
              GError  **error)
{
  SuspendData *s = user_data;

  return sr_desk_suspend (s->d->ctx, s->staff_id, s->d->group, s->d->day,
                          sr_form_get_text (form, "until"), sr_form_get_text (form, "reason"),
                          error) > 0;
}

static void
suspend_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  Desk *d = user_data;
  SuspendData *s = g_new0 (SuspendData, 1);
  g_autofree char *title = NULL;
  SrForm *form;

  s->d = d;
  s->staff_id = g_variant_get_int64 (parameter);
  title = g_strdup_printf (_("Suspend %s from the %s"), name_of (d, s->staff_id),
                           sr_desk_group_get_label (d->group));
  form = sr_form_new (d->root, title, _("_Suspend"));
  sr_form_add_entry (form, "until", _("Until (YYYY-MM-DD; empty: until cleared)"), NULL);
  sr_form_add_entry (form, "reason", _("Reason (for example: call training)"), NULL);
  sr_form_run (form, save_suspend, s, g_free);
}

static void
resume_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  Desk *d = user_data;
  g_autoptr(GError) error = NULL;
  gint64 id = sr_desk_suspension (d->ctx, g_variant_get_int64 (parameter), d->group, d->day, NULL, &error);

  if (id > 0 && !sr_desk_clear_suspension (d->ctx, id, &error))
    sr_toast_error (d->root, error);
}

/* The screen --------------------------------------------------------------------------------- */

static GtkWidget *
row_button (const char *label,
            const char *action,
            gint64      staff_id)
{
  GtkWidget *b = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (b, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (b), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (b), g_variant_new_int64 (staff_id));
  return b;
}

static int
compare_line_first (gconstpointer a,
                    gconstpointer b,
                    gpointer      people)
{
  guint ia = *(const guint *) a, ib = *(const guint *) b;
  const SrRotationPerson *pa = &g_array_index ((GArray *) people, SrRotationPerson, ia);
  const SrRotationPerson *pb = &g_array_index ((GArray *) people, SrRotationPerson, ib);
  gboolean la = pa->queue_position >= 0, lb = pb->queue_position >= 0;

  if (la != lb)
    return la ? -1 : 1;
  if (la && pa->queue_position != pb->queue_position)
    return pa->queue_position < pb->queue_position ? -1 : 1;
  return ia < ib ? -1 : ia > ib ? 1 : 0;
}

static void
refresh (Desk *d)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SrRotationState) state = sr_desk_state (d->ctx, d->day, d->group, &error);
  SrSession *session = sr_context_get_session (d->ctx);
  gboolean may_order = sr_session_may (session, SR_ACTION_SET_ROTATION_ORDER);
  g_autoptr(GArray) order = NULL;
  g_autoptr(GArray) shown = NULL;
  GtkWidget *child;

  load_names (d);
  if (state == NULL)
    {
      sr_toast_error (d->root, error);
      return;
    }
  order = sr_desk_get_order (d->ctx, d->day, d->group, NULL);
  gtk_widget_set_visible (d->set_order_button, may_order);
  gtk_widget_set_visible (d->call_check_button, may_order && d->group == SR_DESK_PHONE);
  gtk_widget_set_visible (d->duty_button, may_order && d->group == SR_DESK_PHONE);
  gtk_widget_set_visible (d->feedback_button, d->group == SR_DESK_RECEPTION);
  gtk_widget_set_visible (d->copy_button, may_order);
  if (order == NULL || order->len == 0)
    {
      adw_status_page_set_description (ADW_STATUS_PAGE (d->empty_page),
                                       may_order ? _("Set who takes turns today, or use the last order.")
                                                 : _("Ask the supervisor to set today’s order."));
      gtk_stack_set_visible_child_name (GTK_STACK (d->stack), "empty");
      return;
    }
  gtk_stack_set_visible_child_name (GTK_STACK (d->stack), "desk");

  if (state->next != 0)
    {
      g_autofree char *detail = g_strdup_printf (_("Round %u · %s"), state->round,
                                                 sr_desk_group_get_label (d->group));
      if (d->group == SR_DESK_PHONE)
        {
          g_autofree char *slot = sr_call_check_slot_at (d->ctx, sr_context_now (d->ctx));
          gint64 on_duty = slot != NULL ? sr_phone_duty_get (d->ctx, d->day, slot) : 0;
          if (on_duty > 0)
            {
              g_autofree char *with_duty = g_strdup_printf (_("%s · on phone duty now: %s"), detail,
                                                            name_of (d, on_duty));
              g_free (detail);
              detail = g_steal_pointer (&with_duty);
            }
        }
      gtk_label_set_text (GTK_LABEL (d->next_name), name_of (d, state->next));
      gtk_label_set_text (GTK_LABEL (d->next_detail), detail);
    }
  else
    {
      gtk_label_set_text (GTK_LABEL (d->next_name), _("Nobody in line"));
      gtk_label_set_text (GTK_LABEL (d->next_detail), _("Mark who is at the desk on the right."));
    }
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (d->actions), "next-absent")),
                               state->next != 0);
  {
    SrDeskGroup other = d->group == SR_DESK_PHONE ? SR_DESK_RECEPTION : SR_DESK_PHONE;
    g_autoptr(SrRotationState) theirs = sr_desk_state (d->ctx, d->day, other, NULL);
    g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (d->actions), "overflow")),
                                 theirs != NULL && theirs->next != 0);
  }
  {
    /* Who is expected today: Arrived sends them to the person they come to see. */
    g_autoptr(GPtrArray) list = sr_appointments_for_day (d->ctx, 0, d->day, NULL);
    guint shown = 0;
    while ((child = gtk_widget_get_first_child (d->appointments)) != NULL)
      gtk_list_box_remove (GTK_LIST_BOX (d->appointments), child);
    for (guint i = 0; list != NULL && i < list->len; i++)
      {
        SrAppointment *a = g_ptr_array_index (list, i);
        g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (a->at);
        g_autofree char *time = g_date_time_format (dt, "%H:%M");
        g_autofree char *title = g_strdup_printf ("%s  %s → %s", time, a->customer_name, a->staff_name);
        GtkWidget *row;

        if (g_strcmp0 (a->status, "cancelled") == 0)
          continue;
        row = adw_action_row_new ();
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
        if (g_strcmp0 (a->status, "kept") == 0)
          {
            adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("arrived"));
            gtk_widget_add_css_class (row, "dim-label");
          }
        else
          {
            GtkWidget *b = gtk_button_new_with_label (_("Customer Is Here"));
            gtk_widget_set_valign (b, GTK_ALIGN_CENTER);
            gtk_widget_set_tooltip_text (b, _("Receive them: to the person they came to see, using no turn"));
            gtk_actionable_set_action_name (GTK_ACTIONABLE (b), "desk.appointment-arrived");
            gtk_actionable_set_action_target_value (GTK_ACTIONABLE (b), g_variant_new_int64 (a->customer_id));
            adw_action_row_add_suffix (ADW_ACTION_ROW (row), b);
          }
        gtk_list_box_append (GTK_LIST_BOX (d->appointments), row);
        shown++;
      }
    gtk_widget_set_visible (d->appointments, shown > 0);
    gtk_widget_set_visible (d->no_appointments, shown == 0);
  }

  while ((child = gtk_widget_get_first_child (d->people)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (d->people), child);
  /* Those still in line first, in their order, so the next ones are never below the
   * fold; then the others (served, skipped, busy, away) in the day's order. */
  shown = g_array_sized_new (FALSE, FALSE, sizeof (guint), state->people->len);
  for (guint i = 0; i < state->people->len; i++)
    g_array_append_val (shown, i);
  g_array_sort_with_data (shown, compare_line_first, state->people);
  for (guint k = 0; k < shown->len; k++)
    {
      const SrRotationPerson *p = &g_array_index (state->people, SrRotationPerson, g_array_index (shown, guint, k));
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = g_strdup_printf (_("%s · today: %u received, %u returning, %u covered"),
                                                   state_label (p), p->formal_receptions,
                                                   p->returning, p->covers);
      g_autofree char *prefix = p->queue_position >= 0 ? g_strdup_printf ("%d", p->queue_position + 1)
                                                       : g_strdup ("–");
      GtkWidget *number = gtk_label_new (prefix);

      if (d->group == SR_DESK_PHONE)
        {
          /* The phone group's 自约率 this month. */
          g_autofree char *month_start = g_strdup_printf ("%.8s01", d->day);
          guint taken = 0, came = 0;
          if (sr_desk_self_appointment_rate (d->ctx, p->staff_id, month_start, d->day, &taken, &came, NULL) &&
              taken > 0)
            {
              g_autofree char *rate = g_strdup_printf (_("%s · self-made appointments this month: %u%% (%u of %u)"),
                                                       subtitle, came * 100 / taken, came, taken);
              g_free (subtitle);
              subtitle = g_steal_pointer (&rate);
            }
        }

      gtk_widget_add_css_class (number, "title-3");
      gtk_widget_set_size_request (number, 32, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), number);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name_of (d, p->staff_id));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (p->staff_id == state->next)
        gtk_widget_add_css_class (row, "next-in-line");
      switch (p->state)
        {
        case SR_ROTATION_NOT_ARRIVED:
        case SR_ROTATION_LEFT:
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), row_button (_("_Arrived"), "desk.arrive", p->staff_id));
          break;
        case SR_ROTATION_BUSY:
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), row_button (_("Is _Back"), "desk.back", p->staff_id));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), row_button (_("_Leave"), "desk.leave", p->staff_id));
          break;
        default:
          if (p->state == SR_ROTATION_WAITING)
            adw_action_row_add_suffix (ADW_ACTION_ROW (row), row_button (_("_Skip Round"), "desk.skip-personal", p->staff_id));
          if (p->staff_id != state->next && is_at_desk (p))
            adw_action_row_add_suffix (ADW_ACTION_ROW (row), row_button (_("Out of Turn…"), "desk.out-of-turn", p->staff_id));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), row_button (_("B_usy"), "desk.busy", p->staff_id));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), row_button (_("_Leave"), "desk.leave", p->staff_id));
          break;
        }
      if (may_order)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), row_button (_("Susp_end…"), "desk.suspend", p->staff_id));
      gtk_list_box_append (GTK_LIST_BOX (d->people), row);
    }

  /* People of today's order who are suspended from this rotation. */
  for (guint i = 0; i < order->len; i++)
    {
      gint64 id = g_array_index (order, gint64, i);
      g_autofree char *why = NULL;
      GtkWidget *row, *number;

      if (sr_rotation_state_find (state, id) != NULL)
        continue;
      if (sr_desk_suspension (d->ctx, id, d->group, d->day, &why, NULL) <= 0)
        continue;
      row = adw_action_row_new ();
      number = gtk_label_new ("–");
      gtk_widget_add_css_class (number, "title-3");
      gtk_widget_set_size_request (number, 32, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), number);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name_of (d, id));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), why);
      gtk_widget_add_css_class (row, "dim-label");
      if (may_order)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), row_button (_("_Resume"), "desk.resume", id));
      gtk_list_box_append (GTK_LIST_BOX (d->people), row);
    }
}

static void
on_changed (SrContext  *ctx,
            const char *table,
            Desk       *d)
{
  if (g_strcmp0 (table, "rotation") == 0 || g_strcmp0 (table, "staff") == 0 ||
      g_strcmp0 (table, "appointments") == 0)
    refresh (d);
}

static void
on_group_toggled (GtkToggleButton *button,
                  Desk            *d)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  d->group = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "group"));
  refresh (d);
}

static GtkWidget *
big_button (const char *label,
            const char *action,
            gboolean    suggested)
{
  GtkWidget *b = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (b), action);
  gtk_widget_add_css_class (b, "pill");
  if (suggested)
    gtk_widget_add_css_class (b, "suggested-action");
  return b;
}

static void
on_page_map (GtkWidget *page,
             Desk      *d)
{
  /* The receptionist starts typing the phone at once. */
  gtk_widget_grab_focus (d->quick_phone);
}

GtkWidget *
sr_front_desk_page_new (SrContext *ctx)
{
  Desk *d = g_new0 (Desk, 1);
  const GActionEntry entries[] = {
    { "receive", receive_activated },
    { "non-business", non_business_activated },
    { "next-absent", next_absent_activated },
    { "set-order", set_order_activated },
    { "copy-order", copy_order_activated },
    { "arrive", row_action, "x" },
    { "leave", row_action, "x" },
    { "skip-personal", row_action, "x" },
    { "busy", row_action, "x" },
    { "back", row_action, "x" },
    { "absent", row_action, "x" },
    { "suspend", suspend_activated, "x" },
    { "call-check", call_check_activated },
    { "phone-duty", phone_duty_activated },
    { "feedback", feedback_activated },
    { "log", log_activated },
    { "resume", resume_activated, "x" },
    { "out-of-turn", out_of_turn_activated, "x" },
    { "overflow", overflow_activated },
    { "appointment-arrived", appointment_arrived_activated, "x" },
  };
  GtkWidget *box, *toolbar, *reception, *phone, *paned, *left, *right, *scroller, *clamp;
  GtkWidget *b1, *b2, *b3, *empty_buttons;
  GtkShortcutController *shortcuts;

  d->ctx = g_object_ref (ctx);
  d->day = sr_clock_today (sr_context_get_clock (ctx));
  d->names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  d->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (d->actions), entries, G_N_ELEMENTS (entries), d);

  /* Left: who is next, and what to do with the next caller or visitor. */
  left = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_valign (left, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_start (left, 24);
  gtk_widget_set_margin_end (left, 24);
  {
    GtkWidget *caption = gtk_label_new (_("Next"));
    gtk_widget_add_css_class (caption, "dim-label");
    gtk_widget_add_css_class (caption, "title-4");
    gtk_box_append (GTK_BOX (left), caption);
  }
  d->next_name = gtk_label_new (NULL);
  gtk_widget_add_css_class (d->next_name, "next-name");
  gtk_label_set_wrap (GTK_LABEL (d->next_name), TRUE);
  gtk_box_append (GTK_BOX (left), d->next_name);
  d->next_detail = gtk_label_new (NULL);
  gtk_widget_add_css_class (d->next_detail, "dim-label");
  gtk_box_append (GTK_BOX (left), d->next_detail);
  {
    /* The one-line form: phone first; Enter; the name; Enter receives. */
    GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
    d->quick_phone = gtk_entry_new ();
    gtk_entry_set_placeholder_text (GTK_ENTRY (d->quick_phone), _("Phone"));
    gtk_entry_set_input_purpose (GTK_ENTRY (d->quick_phone), GTK_INPUT_PURPOSE_PHONE);
    gtk_editable_set_width_chars (GTK_EDITABLE (d->quick_phone), 13);
    d->quick_name = gtk_entry_new ();
    gtk_entry_set_placeholder_text (GTK_ENTRY (d->quick_name), _("Name (new customer)"));
    gtk_widget_set_hexpand (d->quick_name, TRUE);
    g_signal_connect (d->quick_phone, "changed", G_CALLBACK (on_quick_phone_changed), d);
    g_signal_connect (d->quick_phone, "activate", G_CALLBACK (on_quick_activate), d);
    g_signal_connect (d->quick_name, "activate", G_CALLBACK (on_quick_activate), d);
    gtk_box_append (GTK_BOX (line), d->quick_phone);
    gtk_box_append (GTK_BOX (line), d->quick_name);
    gtk_widget_set_margin_top (line, 12);
    gtk_box_append (GTK_BOX (left), line);
    d->quick_info = gtk_label_new (NULL);
    gtk_label_set_wrap (GTK_LABEL (d->quick_info), TRUE);
    gtk_label_set_max_width_chars (GTK_LABEL (d->quick_info), 30);
    gtk_widget_add_css_class (d->quick_info, "heading");
    gtk_box_append (GTK_BOX (left), d->quick_info);
  }
  b1 = big_button (_("More Details… (Ctrl+N)"), "desk.receive", TRUE);
  b2 = big_button (_("_Non-business…"), "desk.non-business", FALSE);
  b3 = big_button (_("Ne_xt Is Away"), "desk.next-absent", FALSE);
  gtk_widget_set_tooltip_text (b3, _("The next person is not at the desk: they go to the end of this round."));
  gtk_widget_set_margin_top (b1, 12);
  gtk_box_append (GTK_BOX (left), b1);
  gtk_box_append (GTK_BOX (left), b2);
  gtk_box_append (GTK_BOX (left), b3);
  d->overflow_button = big_button (_("Overflo_w to the Other Group…"), "desk.overflow", FALSE);
  gtk_widget_set_tooltip_text (d->overflow_button,
                               _("Everyone here is busy: the other group’s next person takes this one (overflow)."));
  gtk_box_append (GTK_BOX (left), d->overflow_button);
  {
    GtkWidget *caption = gtk_label_new (_("Today’s appointments"));
    gtk_widget_add_css_class (caption, "heading");
    gtk_widget_set_margin_top (caption, 24);
    gtk_box_append (GTK_BOX (left), caption);
    d->appointments = gtk_list_box_new ();
    gtk_list_box_set_selection_mode (GTK_LIST_BOX (d->appointments), GTK_SELECTION_NONE);
    gtk_widget_add_css_class (d->appointments, "boxed-list");
    gtk_box_append (GTK_BOX (left), d->appointments);
    d->no_appointments = gtk_label_new (_("No appointments today."));
    gtk_widget_add_css_class (d->no_appointments, "dim-label");
    gtk_box_append (GTK_BOX (left), d->no_appointments);
  }
  gtk_widget_set_size_request (left, 360, -1);
  /* Stop the name entry's expansion at the column: the order list gets the room. */
  gtk_widget_set_hexpand (left, FALSE);

  /* Right: the day's order with each person's state and buttons. */
  d->people = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (d->people), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (d->people, "boxed-list");
  gtk_widget_set_valign (d->people, GTK_ALIGN_START);
  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 820);
  adw_clamp_set_child (ADW_CLAMP (clamp), d->people);
  gtk_widget_set_margin_top (clamp, 12);
  gtk_widget_set_margin_bottom (clamp, 12);
  gtk_widget_set_margin_start (clamp, 12);
  gtk_widget_set_margin_end (clamp, 12);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_widget_set_hexpand (scroller, TRUE);
  right = scroller;

  paned = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  {
    /* A long day of appointments scrolls; it never pushes the window taller. */
    GtkWidget *left_scroller = gtk_scrolled_window_new ();
    gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (left_scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
    gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (left_scroller), TRUE);
    gtk_widget_set_margin_top (left, 12);
    gtk_widget_set_margin_bottom (left, 12);
    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (left_scroller), left);
    gtk_box_append (GTK_BOX (paned), left_scroller);
  }
  gtk_box_append (GTK_BOX (paned), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  gtk_box_append (GTK_BOX (paned), right);

  d->empty_page = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (d->empty_page), "view-list-ordered-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (d->empty_page), _("No Order for Today"));
  empty_buttons = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_halign (empty_buttons, GTK_ALIGN_CENTER);
  d->copy_button = big_button (_("Use the _Last Order"), "desk.copy-order", TRUE);
  gtk_box_append (GTK_BOX (empty_buttons), d->copy_button);
  gtk_box_append (GTK_BOX (empty_buttons), big_button (_("_Set Today’s Order…"), "desk.set-order", FALSE));
  adw_status_page_set_child (ADW_STATUS_PAGE (d->empty_page), empty_buttons);

  d->stack = gtk_stack_new ();
  gtk_stack_add_named (GTK_STACK (d->stack), paned, "desk");
  gtk_stack_add_named (GTK_STACK (d->stack), d->empty_page, "empty");

  box = sr_toolbar_view_new (&toolbar, d->stack);
  reception = gtk_toggle_button_new_with_mnemonic (_("Reception _Group"));
  phone = gtk_toggle_button_new_with_mnemonic (_("_Phone Group"));
  gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (phone), GTK_TOGGLE_BUTTON (reception));
  g_object_set_data (G_OBJECT (reception), "group", GINT_TO_POINTER (SR_DESK_RECEPTION));
  g_object_set_data (G_OBJECT (phone), "group", GINT_TO_POINTER (SR_DESK_PHONE));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (reception), TRUE);
  g_signal_connect (reception, "toggled", G_CALLBACK (on_group_toggled), d);
  g_signal_connect (phone, "toggled", G_CALLBACK (on_group_toggled), d);
  {
    GtkWidget *linked = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
    gtk_widget_add_css_class (linked, "linked");
    gtk_box_append (GTK_BOX (linked), reception);
    gtk_box_append (GTK_BOX (linked), phone);
    gtk_box_append (GTK_BOX (toolbar), linked);
  }
  {
    g_autofree char *today = g_strdup_printf (_("Today, %s"), d->day);
    GtkWidget *label = gtk_label_new (today);
    gtk_widget_add_css_class (label, "dim-label");
    gtk_widget_set_hexpand (label, TRUE);
    gtk_label_set_xalign (GTK_LABEL (label), 0.02f);
    gtk_box_append (GTK_BOX (toolbar), label);
  }
  sr_toolbar_add_button (toolbar, "document-open-recent-symbolic", _("_Today’s Log"), "desk.log");
  /* The desk PC is shared: the next person signs in with one click (Ctrl+L). */
  sr_toolbar_add_button (toolbar, "system-switch-user-symbolic", _("Switc_h Person"), "win.switch-person");
  d->feedback_button = sr_toolbar_add_button (toolbar, "mail-send-symbolic", _("_Feedback Form…"), "desk.feedback");
  d->duty_button = sr_toolbar_add_button (toolbar, "alarm-symbolic", _("Phone _Duty…"), "desk.phone-duty");
  d->call_check_button = sr_toolbar_add_button (toolbar, "call-start-symbolic", _("_Call Check…"), "desk.call-check");
  d->set_order_button = sr_toolbar_add_button (toolbar, "view-list-ordered-symbolic", _("Today’s _Order…"), "desk.set-order");

  shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_shortcut_controller_set_scope (shortcuts, GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (shortcuts,
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_n, GDK_CONTROL_MASK),
                      gtk_named_action_new ("desk.receive")));
  gtk_widget_add_controller (box, GTK_EVENT_CONTROLLER (shortcuts));

  d->root = box;
  gtk_widget_insert_action_group (box, "desk", G_ACTION_GROUP (d->actions));
  g_object_set_data_full (G_OBJECT (box), "sr-front-desk", d, (GDestroyNotify) desk_free);
  d->changed_id = g_signal_connect (ctx, "changed", G_CALLBACK (on_changed), d);
  g_signal_connect (box, "map", G_CALLBACK (on_page_map), d);
  refresh (d);
  return box;
}
