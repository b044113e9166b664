/* sr-housekeepers-page.c — see sr-housekeepers-page.h. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "core/sr-housekeeping.h"
#include "gui/customers/sr-customers-page.h"
#include "gui/sr-form.h"
#include "gui/sr-gui-util.h"
#include "gui/sr-window.h"
#include "sr-housekeepers-page.h"

typedef struct {
  SrContext *ctx;
  GtkWidget *root;
  GtkWidget *search;
  GtkWidget *scroller;
  GtkWidget *show_left;
  gulong changed_id;
} Roster;

typedef struct {
  Roster *r;
  gint64 id;
} KeeperForm;

gboolean
sr_housekeepers_page_is_for (SrSession *session)
{
  return sr_session_may (session, SR_ACTION_FOLLOW_UP) || sr_session_may (session, SR_ACTION_MANAGE_HOUSEKEEPERS);
}

static void
roster_free (Roster *r)
{
  g_clear_signal_handler (&r->changed_id, r->ctx);
  g_clear_object (&r->ctx);
  g_free (r);
}

static gint64
button_id (GtkWidget *button)
{
  return GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "housekeeper-id"));
}

static gboolean
save_keeper (SrForm   *form,
             gpointer  user_data,
             GError  **error)
{
  KeeperForm *f = user_data;
  const char *year = sr_form_get_text (form, "year");
  SrHousekeeperInput in = { sr_form_get_text (form, "name"), sr_form_get_text (form, "phone"), 0,
                            sr_form_get_text (form, "place"), sr_form_get_text (form, "skills"),
                            sr_form_get_text (form, "note") };

  if (year != NULL && *year != '\0')
    {
      guint64 value = 0;
      if (!g_ascii_string_to_unsigned (year, 10, 1900, 2100, &value, NULL))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("Write the year of birth as four digits, e.g. 1975."));
          return FALSE;
        }
      in.birth_year = (int) value;
    }
  if (f->id > 0)
    return sr_housekeepers_update (f->r->ctx, f->id, &in, error);
  if (sr_housekeepers_add (f->r->ctx, &in, error) == 0)
    return FALSE;
  sr_toast (f->r->root, _("Housekeeper added to the roster."));
  return TRUE;
}

static void
open_keeper_form (Roster *r,
                  gint64  id)
{
  KeeperForm *f = g_new0 (KeeperForm, 1);
  g_autoptr(SrHousekeeper) k = id > 0 ? sr_housekeepers_get (r->ctx, id, NULL) : NULL;
  g_autofree char *year = k != NULL && k->birth_year > 0 ? g_strdup_printf ("%d", k->birth_year) : NULL;
  SrForm *form = sr_form_new (r->root, id > 0 ? _("Edit Housekeeper") : _("New Housekeeper"),
                              id > 0 ? _("_Save") : _("_Add"));

  f->r = r;
  f->id = id;
  sr_form_add_entry (form, "name", _("Name"), k != NULL ? k->name : NULL);
  sr_form_add_entry (form, "phone", _("Phone"), k != NULL ? k->phone : NULL);
  sr_form_add_entry (form, "year", _("Year of birth"), year);
  sr_form_add_entry (form, "place", _("Native place (籍贯)"), k != NULL ? k->native_place : NULL);
  sr_form_add_entry (form, "skills", _("Skills (infant care, elderly care, cooking…)"), k != NULL ? k->skills : NULL);
  sr_form_add_entry (form, "note", _("Note"), k != NULL ? k->note : NULL);
  sr_form_run (form, save_keeper, f, g_free);
}

static void
on_add (GtkButton *button,
        Roster    *r)
{
  open_keeper_form (r, 0);
}

static void
on_edit (GtkButton *button,
         Roster    *r)
{
  open_keeper_form (r, button_id (GTK_WIDGET (button)));
}

static gboolean
save_training (SrForm   *form,
               gpointer  user_data,
               GError  **error)
{
  KeeperForm *f = user_data;

  if (!sr_housekeepers_start_training (f->r->ctx, f->id, sr_form_get_selected (form, "kind") == 1, 0,
                                       sr_form_get_text (form, "reason"), error))
    return FALSE;
  sr_toast (f->r->root, _("The housekeeper is in training; they are not placed until it is done."));
  return TRUE;
}

static void
on_training (GtkButton *button,
             Roster    *r)
{
  KeeperForm *f = g_new0 (KeeperForm, 1);
  const char *kinds[] = { _("Targeted training (定向培训)"), _("Retraining (回炉培训)"), NULL };
  SrForm *form = sr_form_new (r->root, _("Training"), _("_Start"));

  f->r = r;
  f->id = button_id (GTK_WIDGET (button));
  sr_form_add_choice (form, "kind", _("Kind"), kinds, 0);
  sr_form_add_entry (form, "reason", _("What it is for"), NULL);
  sr_form_run (form, save_training, f, g_free);
}

static void
on_training_done (GtkButton *button,
                  Roster    *r)
{
  g_autoptr(GError) error = NULL;

  if (!sr_housekeepers_finish_training (r->ctx, button_id (GTK_WIDGET (button)), &error))
    sr_toast_error (r->root, error);
  else
    sr_toast (r->root, _("Training done: the housekeeper is free to be placed."));
}

static gboolean
save_left (SrForm   *form,
           gpointer  user_data,
           GError  **error)
{
  KeeperForm *f = user_data;
  return sr_housekeepers_set_left (f->r->ctx, f->id, sr_form_get_text (form, "reason"), error);
}

static void
on_left (GtkButton *button,
         Roster    *r)
{
  KeeperForm *f = g_new0 (KeeperForm, 1);
  SrForm *form = sr_form_new (r->root, _("Off the Roster"), _("_Take Off"));

  f->r = r;
  f->id = button_id (GTK_WIDGET (button));
  sr_form_set_info (form, _("The housekeeper stays in the records of the customers they worked for."));
  sr_form_add_entry (form, "reason", _("Why they leave"), NULL);
  sr_form_run (form, save_left, f, g_free);
}

static void
on_open_customer (GtkButton *button,
                  Roster    *r)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "customer-id"));
  gtk_window_present (GTK_WINDOW (sr_customer_window_new (r->root, r->ctx, id)));
}

static GtkWidget *
row_button (Roster     *r,
            const char *label,
            GCallback   callback,
            gint64      id)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), "housekeeper-id", GSIZE_TO_POINTER (id));
  g_signal_connect (button, "clicked", callback, r);
  return button;
}

static char *
describe (const SrHousekeeper *k)
{
  GString *s = g_string_new (NULL);

  if (k->skills != NULL)
    g_string_append (s, k->skills);
  if (k->native_place != NULL)
    g_string_append_printf (s, "%s%s", s->len > 0 ? " · " : "", k->native_place);
  if (k->birth_year > 0)
    g_string_append_printf (s, _("%sborn %d"), s->len > 0 ? " · " : "", k->birth_year);
  if (k->phone != NULL)
    g_string_append_printf (s, "%s%s", s->len > 0 ? " · " : "", k->phone);
  if (k->placements > 0)
    g_string_append_printf (s, _("%s%u placements, %u replaced"), s->len > 0 ? " · " : "", k->placements, k->replaced);
  return g_string_free (s, FALSE);
}

static void
reload (Roster *r)
{
  SrSession *session = sr_context_get_session (r->ctx);
  gboolean may = sr_session_may (session, SR_ACTION_MANAGE_HOUSEKEEPERS);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (r->search));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) keepers = sr_housekeepers_list (r->ctx, text, gtk_check_button_get_active (GTK_CHECK_BUTTON (r->show_left)),
                                                       SR_ROWS_SHOWN + 1, &error);
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  guint counts[SR_KEEPER_N_STATES] = { 0 };

  if (keepers != NULL && keepers->len > SR_ROWS_SHOWN &&
      !sr_housekeepers_count (r->ctx, text, gtk_check_button_get_active (GTK_CHECK_BUTTON (r->show_left)), counts, &error))
    g_clear_pointer (&keepers, g_ptr_array_unref);
  for (guint i = 0; keepers != NULL && keepers->len <= SR_ROWS_SHOWN && i < keepers->len; i++)
    counts[((SrHousekeeper *) keepers->pdata[i])->state]++;
  if (keepers == NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), error->message);
  else if (keepers->len == 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                           *text != '\0' ? _("Nobody on the roster matches the search.")
                                           : may ? _("The roster is empty. Add Housekeeper… (Ctrl+N) puts the first one on it.")
                                           : _("The roster is empty: the customer manager adds housekeepers."));
  else
    {
      g_autofree char *title = g_strdup_printf (_("%u free · %u placed · %u in training"), counts[SR_KEEPER_AVAILABLE],
                                                counts[SR_KEEPER_PLACED], counts[SR_KEEPER_TRAINING]);
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
      sr_group_say_shown (group, keepers->len, _("The first %u are shown, those free first; search by name, skill, "
                                                 "native place or phone for the others."), (guint) SR_ROWS_SHOWN);
    }
  for (guint i = 0; keepers != NULL && i < keepers->len && i < SR_ROWS_SHOWN; i++)
    {
      SrHousekeeper *k = keepers->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = NULL;
      g_autofree char *sub = describe (k);

      switch (k->state)
        {
        case SR_KEEPER_PLACED:
          title = g_strdup_printf (_("%s · placed with %s since %s, trial until %s"), k->name, k->customer_name,
                                   k->since, k->trial_ends_on);
          break;
        case SR_KEEPER_TRAINING:
          title = g_strdup_printf (_("%s · in training since %s: %s"), k->name, k->since, k->training_reason);
          break;
        default:
          title = g_strdup_printf ("%s · %s", k->name, sr_keeper_state_get_label (k->state));
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sub);
      if (k->state == SR_KEEPER_LEFT)
        gtk_widget_add_css_class (row, "dim-label");
      if (k->state == SR_KEEPER_PLACED)
        {
          GtkWidget *open = row_button (r, _("_Customer"), G_CALLBACK (on_open_customer), k->id);
          g_object_set_data (G_OBJECT (open), "customer-id", GSIZE_TO_POINTER (k->customer_id));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), open);
        }
      if (may && k->state != SR_KEEPER_LEFT)
        {
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), row_button (r, _("_Edit…"), G_CALLBACK (on_edit), k->id));
          if (k->state == SR_KEEPER_AVAILABLE)
            adw_action_row_add_suffix (ADW_ACTION_ROW (row), row_button (r, _("_Training…"), G_CALLBACK (on_training), k->id));
          if (k->state == SR_KEEPER_TRAINING)
            adw_action_row_add_suffix (ADW_ACTION_ROW (row), row_button (r, _("Training _Done"), G_CALLBACK (on_training_done), k->id));
          if (k->state != SR_KEEPER_PLACED)
            adw_action_row_add_suffix (ADW_ACTION_ROW (row), row_button (r, _("_Off the Roster…"), G_CALLBACK (on_left), k->id));
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (r->scroller), page);
}

static void
on_changed (SrContext  *ctx,
            const char *table,
            Roster     *r)
{
  if (g_strcmp0 (table, "housekeepers") == 0)
    sr_page_refresh (r->root);
}

static void
on_search (GtkWidget *widget,
           Roster    *r)
{
  sr_page_refresh (r->root);
}

static gboolean
on_add_shortcut (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   data)
{
  on_add (NULL, data);
  return TRUE;
}

GtkWidget *
sr_housekeepers_page_new (SrContext *ctx)
{
  Roster *r = g_new0 (Roster, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  r->ctx = g_object_ref (ctx);
  r->root = box;
  gtk_box_append (GTK_BOX (box), sr_section_header_new (_("Housekeepers"),
                  _("The roster: who is free, who is placed with which customer until the trial ends, and who is in training. Candidates and placements are arranged on the customer's page.")));
  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_bottom (bar, 6);
  r->search = gtk_search_entry_new ();
  g_object_set (r->search, "placeholder-text", _("Name, skill, native place or phone"), NULL);
  gtk_widget_set_hexpand (r->search, TRUE);
  gtk_box_append (GTK_BOX (bar), r->search);
  r->show_left = gtk_check_button_new_with_mnemonic (_("Show those _gone"));
  gtk_box_append (GTK_BOX (bar), r->show_left);
  if (sr_session_may (sr_context_get_session (ctx), SR_ACTION_MANAGE_HOUSEKEEPERS))
    {
      GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add Housekeeper…"));
      GtkEventController *keys = gtk_shortcut_controller_new ();
      gtk_widget_add_css_class (add, "suggested-action");
      g_signal_connect (add, "clicked", G_CALLBACK (on_add), r);
      gtk_box_append (GTK_BOX (bar), add);
      gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (keys), GTK_SHORTCUT_SCOPE_MANAGED);
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                            gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>n"),
                                                              gtk_callback_action_new (on_add_shortcut, r, NULL)));
      gtk_widget_add_controller (box, keys);
    }
  gtk_box_append (GTK_BOX (box), bar);
  r->scroller = gtk_scrolled_window_new ();
  gtk_widget_set_vexpand (r->scroller, TRUE);
  gtk_box_append (GTK_BOX (box), r->scroller);
  g_signal_connect (r->search, "search-changed", G_CALLBACK (on_search), r);
  g_signal_connect (r->show_left, "toggled", G_CALLBACK (on_search), r);
  g_object_set_data_full (G_OBJECT (box), "sr-housekeepers-page", r, (GDestroyNotify) roster_free);
  r->changed_id = g_signal_connect (ctx, "changed", G_CALLBACK (on_changed), r);
  sr_page_set_reload (box, (void (*) (gpointer)) reload, r);
  return box;
}
