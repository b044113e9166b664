/* sr-board-page.c — see sr-board-page.h. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "core/sr-office.h"
#include "core/sr-pipeline.h"
#include "core/sr-quotes.h"
#include "core/sr-staff.h"
#include "core/sr-customers.h"
#include "gui/customers/sr-customers-page.h"
#include "gui/sr-form.h"
#include "gui/sr-gui-util.h"
#include "gui/sr-paged-model.h"
#include "gui/sr-window.h"
#include "sr-board-page.h"

#define COLUMN_WIDTH 230

typedef struct {
  SrContext *ctx;
  GtkWidget *root;
  GtkWidget *columns;         /* a horizontal box of columns */
  GtkWidget *whose;           /* drop-down: everyone's, mine, a group's, a person's (supervisors) */
  GArray *whose_owner;        /* per item of @whose: an owner id (0: none) */
  GPtrArray *whose_team;      /* per item of @whose: a group (NULL: none) */
  GtkWidget *channel;         /* drop-down: any, then the channels */
  GtkWidget *grade;           /* drop-down: any, A–D */
  GtkWidget *late;            /* toggle: deadline passed only */
  GtkWidget *search;
  GSimpleActionGroup *actions;
  gint64 selected;            /* the last card selected, for Move To… */
  gulong changed_id;
  guint reload_id;
} Board;

/* What a column's model reads with: the filter, copied. */
typedef struct {
  SrContext *ctx;
  gint64 stage_id;
  gint64 owner_id;
  char *team;
  char *grade;
  const char *channel;        /* static: one of sr_channel_codes */
  gboolean late_only;
  char *text;
} ColumnPages;

static void reload (Board *b);

gboolean
sr_board_page_is_for (SrSession *session)
{
  return sr_session_may (session, SR_ACTION_FOLLOW_UP);
}

static void
board_free (Board *b)
{
  g_clear_signal_handler (&b->changed_id, b->ctx);
  g_clear_handle_id (&b->reload_id, g_source_remove);
  g_clear_object (&b->ctx);
  g_clear_object (&b->actions);
  g_clear_pointer (&b->whose_owner, g_array_unref);
  g_clear_pointer (&b->whose_team, g_ptr_array_unref);
  g_free (b);
}

static void
column_pages_free (ColumnPages *c)
{
  g_object_unref (c->ctx);
  g_free (c->grade);
  g_free (c->team);
  g_free (c->text);
  g_free (c);
}

static void
fill_filter (const ColumnPages *c,
             SrBoardFilter     *f)
{
  f->owner_id = c->owner_id;
  f->team = c->team;
  f->grade = c->grade;
  f->channel = c->channel;
  f->late_only = c->late_only;
  f->text = c->text;
}

static GPtrArray *
read_cards (gpointer   data,
            guint      offset,
            guint      limit,
            GError   **error)
{
  ColumnPages *c = data;
  SrBoardFilter f;

  fill_filter (c, &f);
  return sr_pipeline_cards (c->ctx, c->stage_id, &f, offset, limit, error);
}

/* Only a consultant's own cards unless they supervise. */
static gboolean
sees_everyone (Board *b)
{
  return (sr_session_get_roles (sr_context_get_session (b->ctx)) & (SR_ROLE_CUSTOMER_MANAGER | SR_ROLE_MANAGER)) != 0;
}

static ColumnPages *
current_filter (Board  *b,
                gint64  stage_id)
{
  static const char *grades[] = { NULL, "A", "B", "C", "D" };
  ColumnPages *c = g_new0 (ColumnPages, 1);
  guint g = gtk_drop_down_get_selected (GTK_DROP_DOWN (b->grade));
  guint w = gtk_drop_down_get_selected (GTK_DROP_DOWN (b->whose));
  guint ch = gtk_drop_down_get_selected (GTK_DROP_DOWN (b->channel));

  c->ctx = g_object_ref (b->ctx);
  c->stage_id = stage_id;
  if (!sees_everyone (b))
    c->owner_id = sr_session_get_staff_id (sr_context_get_session (b->ctx));
  else if (w < b->whose_owner->len)
    {
      c->owner_id = g_array_index (b->whose_owner, gint64, w);
      c->team = g_strdup (g_ptr_array_index (b->whose_team, w));
    }
  c->channel = ch > 0 && ch <= SR_N_CHANNELS ? sr_channel_codes[ch - 1] : NULL;
  c->grade = g_strdup (g < G_N_ELEMENTS (grades) ? grades[g] : NULL);
  c->late_only = gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (b->late));
  c->text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (b->search)));
  return c;
}

/* Whose cards a supervisor sees: everyone's, their own, their group's, another group's, or
 * one consultant's. */
static GtkWidget *
whose_drop_down (Board *b)
{
  SrSession *session = sr_context_get_session (b->ctx);
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
  g_autoptr(SrStaffMember) me = sr_staff_find (b->ctx, sr_session_get_staff_id (session), NULL, NULL);
  g_auto(GStrv) teams = sr_staff_teams (b->ctx, NULL);
  g_autoptr(GPtrArray) staff = sr_staff_list (b->ctx, FALSE, NULL);
  g_auto(GStrv) items = NULL;
  gint64 none = 0;

  b->whose_owner = g_array_new (FALSE, FALSE, sizeof (gint64));
  b->whose_team = g_ptr_array_new_with_free_func (g_free);
#define ADD(label, owner, team) G_STMT_START { gint64 o_ = (owner); g_strv_builder_add (labels, label); \
    g_array_append_val (b->whose_owner, o_); g_ptr_array_add (b->whose_team, g_strdup (team)); } G_STMT_END
  ADD (_("Everyone’s"), none, NULL);
  ADD (_("Mine"), sr_session_get_staff_id (session), NULL);
  if (me != NULL && me->team != NULL)
    {
      g_autofree char *label = g_strdup_printf (_("My group (%s)"), me->team);
      ADD (label, none, me->team);
    }
  for (guint i = 0; teams != NULL && teams[i] != NULL; i++)
    if (me == NULL || g_strcmp0 (me->team, teams[i]) != 0)
      {
        g_autofree char *label = g_strdup_printf (_("Group %s"), teams[i]);
        ADD (label, none, teams[i]);
      }
  for (guint i = 0; staff != NULL && i < staff->len; i++)
    {
      SrStaffMember *m = staff->pdata[i];
      if (m->is_disabled || !(m->roles & SR_ROLE_CONSULTANT) || m->id == sr_session_get_staff_id (session))
        continue;
      ADD (m->display_name, m->id, NULL);
    }
#undef ADD
  items = g_strv_builder_end (labels);
  return gtk_drop_down_new_from_strings ((const char * const *) items);
}

/* Cards ---------------------------------------------------------------------------------- */

static void
setup_card (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            Board                    *b)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *line = gtk_label_new (NULL);
  GtkWidget *next = gtk_label_new (NULL);

  gtk_widget_add_css_class (box, "board-card");
  gtk_widget_add_css_class (name, "heading");
  gtk_widget_add_css_class (line, "dim-label");
  gtk_widget_add_css_class (line, "caption");
  gtk_widget_add_css_class (next, "caption");
  for (GtkWidget *l = name; l != NULL; l = l == name ? line : l == line ? next : NULL)
    {
      gtk_label_set_xalign (GTK_LABEL (l), 0);
      gtk_label_set_ellipsize (GTK_LABEL (l), PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (box), l);
    }
  gtk_list_item_set_child (item, box);
}

static void
bind_card (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           Board                    *b)
{
  SrCard *card = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *line = gtk_widget_get_next_sibling (name);
  GtkWidget *next = gtk_widget_get_next_sibling (line);
  g_autofree char *title = NULL;
  g_autofree char *sub = NULL;
  g_autofree char *follow = NULL;

  title = g_strdup_printf ("%s%s%s%s", card->name != NULL ? card->name : "…",
                           card->grade != NULL ? " · " : "", card->grade != NULL ? card->grade : "",
                           card->is_problem ? _(" ⚠ problem") : "");
  sub = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %d day in this stage", "%s · %d days in this stage",
                                      card->days_in_stage),
                         card->owner_name != NULL ? card->owner_name : _("nobody’s"), card->days_in_stage);
  if (card->trial_ends_on != NULL)
    follow = g_strdup_printf (_("Trial ends %s"), card->trial_ends_on);
  else
    follow = card->next_follow_up_day != NULL ? g_strdup_printf (_("Next follow-up %s"), card->next_follow_up_day)
                                              : g_strdup (_("No follow-up planned"));
  gtk_label_set_text (GTK_LABEL (name), title);
  gtk_label_set_text (GTK_LABEL (line), sub);
  gtk_label_set_text (GTK_LABEL (next), card->is_late && card->trial_ends_on == NULL ? _("Deadline passed") : follow);
  if (card->is_late)
    gtk_widget_add_css_class (box, "late");
  else
    gtk_widget_remove_css_class (box, "late");
  g_object_set_data (G_OBJECT (box), "customer-id", GSIZE_TO_POINTER (card->customer_id));
}

static void
on_card_activate (GtkListView *view,
                  guint        position,
                  Board       *b)
{
  g_autoptr(SrCard) card = g_list_model_get_item (G_LIST_MODEL (gtk_list_view_get_model (view)), position);

  if (card != NULL && card->customer_id > 0)
    gtk_window_present (GTK_WINDOW (sr_customer_window_new (b->root, b->ctx, card->customer_id)));
}

static void
on_selection_changed (GtkSingleSelection *selection,
                      GParamSpec         *pspec,
                      Board              *b)
{
  SrCard *card = gtk_single_selection_get_selected_item (selection);

  if (card != NULL)
    b->selected = card->customer_id;
}

/* Drag a card: its customer id. */
static GdkContentProvider *
on_drag_prepare (GtkDragSource *source,
                 double         x,
                 double         y,
                 Board         *b)
{
  GtkWidget *box = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (box), "customer-id"));

  if (id <= 0)
    return NULL;
  return gdk_content_provider_new_typed (G_TYPE_INT64, id);
}

static void
setup_drag (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            Board                    *b)
{
  GtkDragSource *source = gtk_drag_source_new ();

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (on_drag_prepare), b);
  gtk_widget_add_controller (gtk_list_item_get_child (item), GTK_EVENT_CONTROLLER (source));
}

/* Moving ---------------------------------------------------------------------------------- */

typedef struct {
  Board *b;
  gint64 customer_id;
  GPtrArray *columns;         /* SrBoardColumn, for the choice */
} MoveData;

static void
move_data_free (MoveData *m)
{
  g_ptr_array_unref (m->columns);
  g_free (m);
}

static gboolean
save_move (SrForm   *form,
           gpointer  user_data,
           GError  **error)
{
  MoveData *m = user_data;
  SrBoardColumn *column = g_ptr_array_index (m->columns, sr_form_get_selected (form, "stage"));
  SrStageMove move = { column->stage_id, sr_form_get_text (form, "note"), sr_form_get_text (form, "day"), 0 };
  const char *quote = g_object_get_data (G_OBJECT (form), "has-quote") ? sr_form_get_text (form, "quote") : NULL;
  g_autofree char *message = NULL;

  if (column->kind == SR_STAGE_PLAN && quote != NULL && *quote != '\0' && !sr_money_parse (quote, &move.quote_fen, error))
    return FALSE;
  if (!sr_pipeline_move (m->b->ctx, m->customer_id, &move, error))
    return FALSE;
  message = g_strdup_printf (_("Moved to %s."), column->name);
  sr_toast (m->b->root, message);
  return TRUE;
}

/* The move form, with the stage chosen (@stage_id) or to choose. */
static void
open_move (Board  *b,
           gint64  customer_id,
           gint64  stage_id)
{
  MoveData *m = g_new0 (MoveData, 1);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) choices = NULL;
  g_auto(GStrv) reasons = sr_pipeline_lost_reasons (b->ctx, NULL);
  g_autofree char *reason_hint = NULL;
  g_autofree char *today = sr_clock_today (sr_context_get_clock (b->ctx));
  guint chosen = 0;
  SrForm *form;

  m->b = b;
  m->customer_id = customer_id;
  m->columns = sr_pipeline_columns (b->ctx, NULL, NULL);
  if (m->columns == NULL)
    m->columns = g_ptr_array_new ();
  for (guint i = 0; i < m->columns->len; i++)
    {
      SrBoardColumn *c = g_ptr_array_index (m->columns, i);
      g_strv_builder_add (names, c->name);
      if (c->stage_id == stage_id)
        chosen = i;
    }
  choices = g_strv_builder_end (names);
  reason_hint = reasons != NULL ? g_strjoinv ("、", reasons) : g_strdup ("");
  form = sr_form_new (b->root, _("Move To Stage"), _("_Move"));
  sr_form_add_choice (form, "stage", _("Stage"), (const char * const *) choices, chosen);
  {
    g_autofree char *hint = g_strdup_printf (_("Address (measurement) or reason (lost: %s)"), reason_hint);
    sr_form_add_entry (form, "note", hint, NULL);
  }
  sr_form_add_entry (form, "day", _("Measurement day (YYYY-MM-DD)"), today);
  {
    SrOfficeKind office = SR_OFFICE_PROPERTY;
    if (sr_office_get (b->ctx, NULL, &office, NULL) && office != SR_OFFICE_PROPERTY)
      {
        sr_form_add_entry (form, "quote", _("Quote, ¥ (plan stage: a new version; empty: keep the latest)"), NULL);
        g_object_set_data (G_OBJECT (form), "has-quote", GINT_TO_POINTER (TRUE));
      }
  }
  sr_form_run (form, save_move, m, (GDestroyNotify) move_data_free);
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         gpointer       stage_ptr)
{
  Board *b = g_object_get_data (G_OBJECT (target), "board");
  gint64 stage_id = GPOINTER_TO_SIZE (stage_ptr);
  gint64 customer = g_value_get_int64 (value);
  SrStageKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (target), "kind"));
  SrStageMove move = { stage_id, NULL, NULL, 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) quotes = kind == SR_STAGE_PLAN ? sr_quotes_list (b->ctx, customer, NULL) : NULL;

  /* A stage that needs data asks for it (the plan stage, when the customer has no quote
   * yet); the others move at once. */
  if (kind == SR_STAGE_MEASURE || kind == SR_STAGE_LOST || (kind == SR_STAGE_PLAN && (quotes == NULL || quotes->len == 0)))
    {
      open_move (b, customer, stage_id);
      return TRUE;
    }
  if (!sr_pipeline_move (b->ctx, customer, &move, &error))
    {
      sr_toast_error (b->root, error);
      return FALSE;
    }
  return TRUE;
}

static void
move_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  Board *b = user_data;

  if (b->selected <= 0)
    {
      sr_toast (b->root, _("Select a card first (click it, or move to it with the arrow keys)."));
      return;
    }
  open_move (b, b->selected, 0);
}

/* The funnel --------------------------------------------------------------------------- */

static void
fill_funnel (GtkWidget *window,
             int        days)
{
  SrContext *ctx = g_object_get_data (G_OBJECT (window), "ctx");
  GtkWidget *holder = g_object_get_data (G_OBJECT (window), "holder");
  g_autofree char *to = sr_clock_today (sr_context_get_clock (ctx));
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_local (sr_context_now (ctx));
  g_autoptr(GDateTime) start = g_date_time_add_days (now, 1 - days);
  g_autofree char *from = g_date_time_format (start, "%Y-%m-%d");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = sr_pipeline_funnel (ctx, from, to, &error);
  const char *heads[] = { _("Stage"), _("Entered"), _("Went on"), _("Conversion"), _("Median days"), NULL };
  GtkWidget *table = sr_figure_table_new (heads);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (holder)) != NULL)
    gtk_box_remove (GTK_BOX (holder), child);
  if (rows == NULL)
    {
      sr_toast_error (window, error);
      return;
    }
  for (guint i = 0; i < rows->len; i++)
    {
      SrFunnelRow *r = g_ptr_array_index (rows, i);
      g_autofree char *entered = g_strdup_printf ("%u", r->entered);
      g_autofree char *went = g_strdup_printf ("%u", r->went_on);
      g_autofree char *rate = r->entered > 0 ? g_strdup_printf ("%u%%", r->went_on * 100 / r->entered) : g_strdup ("—");
      g_autofree char *median = r->median_days >= 0 ? g_strdup_printf ("%.1f", r->median_days) : g_strdup ("—");
      const char *cells[] = { r->name, entered, went, rate, median, NULL };
      sr_figure_table_add_row (table, cells, FALSE, r->entered == 0);
    }
  {
    g_autofree char *caption = g_strdup_printf (_("From %s to %s"), from, to);
    GtkWidget *label = gtk_label_new (caption);
    gtk_widget_add_css_class (label, "dim-label");
    gtk_box_append (GTK_BOX (holder), label);
  }
  gtk_box_append (GTK_BOX (holder), table);
}

static void
on_funnel_period (GtkToggleButton *button,
                  GtkWidget       *window)
{
  if (gtk_toggle_button_get_active (button))
    fill_funnel (window, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "days")));
}

static void
funnel_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  Board *b = user_data;
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *periods = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *holder = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *first = NULL;
  static const int days[] = { 30, 90, 365 };
  GtkRoot *root = gtk_widget_get_root (b->root);

  gtk_window_set_title (GTK_WINDOW (window), _("Funnel"));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
  sr_window_watch_activity (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 560);
  g_object_set_data_full (G_OBJECT (window), "ctx", g_object_ref (b->ctx), g_object_unref);
  g_object_set_data (G_OBJECT (window), "holder", holder);
  gtk_widget_add_css_class (periods, "linked");
  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autofree char *label = g_strdup_printf (_("Last %d days"), days[i]);
      GtkWidget *button = gtk_toggle_button_new_with_label (label);
      g_object_set_data (G_OBJECT (button), "days", GINT_TO_POINTER (days[i]));
      if (first != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), GTK_TOGGLE_BUTTON (first));
      else
        first = button;
      g_signal_connect (button, "toggled", G_CALLBACK (on_funnel_period), window);
      gtk_box_append (GTK_BOX (periods), button);
    }
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), periods);
  gtk_box_append (GTK_BOX (box), header);
  gtk_widget_set_margin_start (holder, 24);
  gtk_widget_set_margin_end (holder, 24);
  gtk_widget_set_margin_bottom (holder, 24);
  gtk_box_append (GTK_BOX (box), holder);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (first), TRUE);
  gtk_window_present (GTK_WINDOW (window));
}

/* The columns ---------------------------------------------------------------------------- */

static GtkWidget *
column_new (Board         *b,
            SrBoardColumn *column)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autofree char *title = g_strdup_printf ("%s (%u)", column->name, column->count);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  SrPagedModel *model = sr_paged_model_new (SR_TYPE_CARD, column->count, read_cards,
                                            current_filter (b, column->stage_id), (GDestroyNotify) column_pages_free);
  GtkSingleSelection *selection = gtk_single_selection_new (G_LIST_MODEL (model));   /* takes the model */
  GtkWidget *view;
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INT64, GDK_ACTION_MOVE);

  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), label);
  if (column->count == 0)
    {
      GtkWidget *empty = gtk_label_new (_("Nobody here"));
      gtk_widget_add_css_class (empty, "dim-label");
      gtk_label_set_xalign (GTK_LABEL (empty), 0);
      gtk_box_append (GTK_BOX (box), empty);
    }
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect (selection, "notify::selected", G_CALLBACK (on_selection_changed), b);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_card), b);
  g_signal_connect_after (factory, "setup", G_CALLBACK (setup_drag), b);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_card), b);
  view = gtk_list_view_new (GTK_SELECTION_MODEL (selection), factory);
  gtk_widget_add_css_class (view, "board-column");
  g_signal_connect (view, "activate", G_CALLBACK (on_card_activate), b);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_widget_set_size_request (box, COLUMN_WIDTH, -1);
  g_object_set_data (G_OBJECT (target), "board", b);
  g_object_set_data (G_OBJECT (target), "kind", GINT_TO_POINTER (column->kind));
  g_signal_connect (target, "drop", G_CALLBACK (on_drop), GSIZE_TO_POINTER (column->stage_id));
  gtk_widget_add_controller (box, GTK_EVENT_CONTROLLER (target));
  return box;
}

static void
reload (Board *b)
{
  g_autoptr(GError) error = NULL;
  ColumnPages *c = current_filter (b, 0);
  SrBoardFilter f;
  g_autoptr(GPtrArray) columns = NULL;
  GtkWidget *child;

  fill_filter (c, &f);
  columns = sr_pipeline_columns (b->ctx, &f, &error);
  column_pages_free (c);
  if (columns == NULL)
    {
      sr_toast_error (b->root, error);
      return;
    }
  while ((child = gtk_widget_get_first_child (b->columns)) != NULL)
    gtk_box_remove (GTK_BOX (b->columns), child);
  for (guint i = 0; i < columns->len; i++)
    gtk_box_append (GTK_BOX (b->columns), column_new (b, g_ptr_array_index (columns, i)));
}

static gboolean
reload_now (gpointer data)
{
  Board *b = data;

  b->reload_id = 0;
  reload (b);
  return G_SOURCE_REMOVE;
}

/* Many changes in a row (a demo, another PC) cost one reload. */
static void
queue_reload (Board *b)
{
  if (b->reload_id == 0)
    b->reload_id = g_timeout_add (100, reload_now, b);
}

static void
on_changed (SrContext  *ctx,
            const char *table,
            Board      *b)
{
  if (g_strcmp0 (table, "customers") != 0 && g_strcmp0 (table, "deals") != 0)
    return;
  /* On screen: once, a moment after a run of changes; else when next shown. */
  if (gtk_widget_get_mapped (b->root))
    queue_reload (b);
  else
    sr_page_refresh (b->root);
}

static void
focus_search (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  Board *b = user_data;
  gtk_widget_grab_focus (b->search);
}

GtkWidget *
sr_board_page_new (SrContext *ctx)
{
  static const GActionEntry entries[] = {
    { "move", move_activated, NULL, NULL, NULL, { 0 } },
    { "funnel", funnel_activated, NULL, NULL, NULL, { 0 } },
    { "find", focus_search, NULL, NULL, NULL, { 0 } },
  };
  Board *b = g_new0 (Board, 1);
  GtkWidget *toolbar, *box, *scroller, *spacer;
  GtkShortcutController *shortcuts;
  const char *grades[] = { _("Any grade"), "A", "B", "C", "D", NULL };

  b->ctx = g_object_ref (ctx);
  b->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (b->actions), entries, G_N_ELEMENTS (entries), b);
  b->columns = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_start (b->columns, 12);
  gtk_widget_set_margin_end (b->columns, 12);
  gtk_widget_set_margin_top (b->columns, 12);
  gtk_widget_set_margin_bottom (b->columns, 12);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), b->columns);
  box = sr_toolbar_view_new (&toolbar, scroller);

  b->whose = whose_drop_down (b);
  gtk_widget_set_visible (b->whose, sees_everyone (b));
  g_signal_connect_swapped (b->whose, "notify::selected", G_CALLBACK (reload), b);
  gtk_box_append (GTK_BOX (toolbar), b->whose);
  {
    const char *channels[SR_N_CHANNELS + 2] = { _("Any channel") };
    for (guint i = 0; i < SR_N_CHANNELS; i++)
      channels[i + 1] = sr_channel_get_label (sr_channel_codes[i]);
    b->channel = gtk_drop_down_new_from_strings (channels);
    g_signal_connect_swapped (b->channel, "notify::selected", G_CALLBACK (reload), b);
    gtk_box_append (GTK_BOX (toolbar), b->channel);
  }
  b->grade = gtk_drop_down_new_from_strings (grades);
  g_signal_connect_swapped (b->grade, "notify::selected", G_CALLBACK (reload), b);
  gtk_box_append (GTK_BOX (toolbar), b->grade);
  b->late = gtk_toggle_button_new_with_mnemonic (_("_Late Only"));
  gtk_widget_set_tooltip_text (b->late, _("Only the cards whose stage deadline has passed"));
  g_signal_connect_swapped (b->late, "toggled", G_CALLBACK (reload), b);
  gtk_box_append (GTK_BOX (toolbar), b->late);
  sr_toolbar_add_button (toolbar, "go-next-symbolic", _("Move _To… (Ctrl+M)"), "board.move");
  sr_toolbar_add_button (toolbar, "view-sort-descending-symbolic", _("_Funnel…"), "board.funnel");
  spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_hexpand (spacer, TRUE);
  gtk_box_append (GTK_BOX (toolbar), spacer);
  b->search = gtk_search_entry_new ();
  g_object_set (b->search, "placeholder-text", _("Name, pinyin or phone"), NULL);
  g_signal_connect_swapped (b->search, "search-changed", G_CALLBACK (reload), b);
  gtk_box_append (GTK_BOX (toolbar), b->search);

  shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_shortcut_controller_set_scope (shortcuts, GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (shortcuts,
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_m, GDK_CONTROL_MASK), gtk_named_action_new ("board.move")));
  gtk_shortcut_controller_add_shortcut (shortcuts,
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_f, GDK_CONTROL_MASK), gtk_named_action_new ("board.find")));
  gtk_widget_add_controller (box, GTK_EVENT_CONTROLLER (shortcuts));

  b->root = box;
  gtk_widget_insert_action_group (box, "board", G_ACTION_GROUP (b->actions));
  g_object_set_data_full (G_OBJECT (box), "sr-board-page", b, (GDestroyNotify) board_free);
  b->changed_id = g_signal_connect (ctx, "changed", G_CALLBACK (on_changed), b);
  sr_page_set_reload (box, (void (*) (gpointer)) reload, b);
  return box;
}
