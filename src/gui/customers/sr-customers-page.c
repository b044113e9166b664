/* sr-customers-page.c — see sr-customers-page.h. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "core/sr-contracts.h"
#include "core/sr-customers.h"
#include "core/sr-deal-steps.h"
#include "core/sr-deals.h"
#include "core/sr-problems.h"
#include "gui/units/sr-unit-window.h"
#include "core/sr-appointments.h"
#include "core/sr-follow-ups.h"
#include "core/sr-media.h"
#include "core/sr-money.h"
#include "core/sr-staff.h"
#include "gui/sr-form.h"
#include "gui/sr-gui-util.h"
#include "gui/sr-window.h"
#include "gui/sr-paged-model.h"
#include "sr-customer-privacy.h"
#include "sr-customer-work.h"
#include "sr-customers-page.h"

#define SEARCH_LIMIT 200

typedef struct {
  SrContext *ctx;
  GtkWidget *root;
  GtkWidget *view;
  SrPagedModel *all;          /* every customer, a page at a time */
  GListStore *found;
  GtkSingleSelection *selection;   /* owned by the view */
  GtkWidget *search;
  GtkWidget *sort;
  GtkWidget *mine;
  GtkWidget *count;
  GtkWidget *stack;
  GtkWidget *empty;
  gulong changed_id;
  gulong customers_changed_id;
  guint customers_done_at;    /* the poll whose customers were put in place row by row */
} Page;

gboolean
sr_customers_page_is_for (SrSession *session)
{
  return sr_session_may (session, SR_ACTION_REGISTER_CUSTOMER);
}

static void
page_free (Page *p)
{
  g_clear_signal_handler (&p->changed_id, p->ctx);
  g_clear_signal_handler (&p->customers_changed_id, p->ctx);
  g_clear_object (&p->ctx);
  g_clear_object (&p->all);
  g_clear_object (&p->found);
  g_free (p);
}

static char *
cell_name (gpointer item)
{
  SrCustomer *c = item;
  /* A problem customer is marked wherever they show. */
  return c->is_problem ? g_strdup_printf (_("%s ⚠ problem"), c->name) : g_strdup (c->name);
}
static char *cell_phone (gpointer item)
{
  SrCustomer *c = item;
  return c->phones != NULL && c->phones[0] != NULL ? g_strjoinv (", ", c->phones) : g_strdup ("");
}
static char *cell_channel (gpointer item) { return g_strdup (sr_channel_get_label (SR_CUSTOMER (item)->channel)); }
static char *cell_grade (gpointer item) { return g_strdup (SR_CUSTOMER (item)->grade); }
static char *cell_owner (gpointer item) { return g_strdup (SR_CUSTOMER (item)->owner_name); }
static char *cell_created (gpointer item) { return SR_CUSTOMER (item)->created_at > 0 ? sr_day_from_unix (SR_CUSTOMER (item)->created_at) : NULL; }
static char *cell_last (gpointer item) { return SR_CUSTOMER (item)->last_contact_at > 0 ? sr_day_from_unix (SR_CUSTOMER (item)->last_contact_at) : NULL; }

static gint64
owner_filter (Page *p)
{
  SrSession *session = sr_context_get_session (p->ctx);
  return gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (p->mine)) ? sr_session_get_staff_id (session) : 0;
}

static void
update_count (Page *p)
{
  GListModel *model = gtk_single_selection_get_model (p->selection);
  guint n = g_list_model_get_n_items (model);
  g_autofree char *text = NULL;

  if (model == G_LIST_MODEL (p->found))
    text = n >= SEARCH_LIMIT ? g_strdup_printf (_("The first %u found: type more to narrow"), n)
                             : g_strdup_printf (_("%u found"), n);
  else
    text = g_strdup_printf (_("%u customers"), n);
  gtk_label_set_text (GTK_LABEL (p->count), text);
}


typedef struct {
  SrContext *ctx;
  gint64 owner_id;
  SrCustomerSort sort;
} CustomerPages;

static void
customer_pages_free (CustomerPages *pages)
{
  g_object_unref (pages->ctx);
  g_free (pages);
}

static GPtrArray *
read_customers (gpointer   data,
                guint      offset,
                guint      limit,
                GError   **error)
{
  CustomerPages *pages = data;

  return sr_customers_page (pages->ctx, pages->owner_id, pages->sort, offset, limit, error);
}

static void
reload (Page *p)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (p->search));
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));

  GListModel *model;
  g_autoptr(GtkSingleSelection) selection = NULL;

  /* A new model each time, set on the view: the list then builds only the rows it
   * shows. (Changing a model in place makes GTK compare every re-added row with the
   * old ones: all 100,000 of them would be read.) */
  if (*trimmed != '\0')
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = sr_customers_search (p->ctx, text, SEARCH_LIMIT, &error);
      g_clear_object (&p->found);
      p->found = g_list_store_new (SR_TYPE_CUSTOMER);
      if (rows == NULL)
        sr_toast_error (p->root, error);
      else
        g_list_store_splice (p->found, 0, 0, rows->pdata, rows->len);
      model = G_LIST_MODEL (p->found);
    }
  else
    {
      /* A new model each time: changing one in place made GTK 4.8 read every row. */
      CustomerPages *pages = g_new0 (CustomerPages, 1);
      g_autoptr(GError) error = NULL;
      guint count = 0;
      pages->ctx = g_object_ref (p->ctx);
      pages->owner_id = owner_filter (p);
      pages->sort = (SrCustomerSort) gtk_drop_down_get_selected (GTK_DROP_DOWN (p->sort));
      if (!sr_customers_count (p->ctx, pages->owner_id, &count, &error))
        sr_toast_error (p->root, error);
      g_clear_object (&p->all);
      p->all = sr_paged_model_new (SR_TYPE_CUSTOMER, count, read_customers, pages, (GDestroyNotify) customer_pages_free);
      model = G_LIST_MODEL (p->all);
    }
  selection = gtk_single_selection_new (g_object_ref (model));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
  gtk_column_view_set_model (GTK_COLUMN_VIEW (p->view), GTK_SELECTION_MODEL (selection));
  p->selection = selection;
  update_count (p);
  {
    GListModel *model = gtk_single_selection_get_model (p->selection);
    gboolean searching = model == G_LIST_MODEL (p->found);
    gboolean any = g_list_model_get_n_items (model) > 0;
    adw_status_page_set_title (ADW_STATUS_PAGE (p->empty),
                               searching ? _("Nobody Found") : _("No Customers Here"));
    adw_status_page_set_description (ADW_STATUS_PAGE (p->empty),
                                     searching ? _("Try part of the phone number, or the name’s initials.")
                                               : _("Customers are registered at the front desk when they call or visit."));
    gtk_stack_set_visible_child_name (GTK_STACK (p->stack), any ? "list" : "empty");
  }
}

static gboolean
same_customer (gpointer old,
               gpointer fresh)
{
  return ((SrCustomer *) old)->id == ((SrCustomer *) fresh)->id;
}

/* Another PC changed customers (their record, a call, a visit, a follow-up): their rows
 * are read again and put where they are, the list neither jumps nor loses its place. A
 * customer more or less (added, voided, gone to another owner) reads the list again. */
static void
on_customers_changed (SrContext *ctx,
                      GArray    *ids,
                      Page      *p)
{
  g_autoptr(GPtrArray) fresh = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *shown = p->selection != NULL ? gtk_single_selection_get_model (p->selection) : NULL;

  if (shown == NULL)
    return;
  for (guint k = 0; k < ids->len; k++)
    {
      SrCustomer *c = sr_customers_get (ctx, g_array_index (ids, gint64, k), NULL);
      if (c == NULL)
        return;                     /* voided or gone: the list is read again */
      g_ptr_array_add (fresh, c);
    }
  if (shown == G_LIST_MODEL (p->all))
    {
      guint count = 0;
      if (!sr_customers_count (ctx, owner_filter (p), &count, NULL) ||
          count != g_list_model_get_n_items (shown))
        return;
      sr_paged_model_replace_items (p->all, fresh, same_customer);
    }
  else
    {
      /* Search results: each must be in the list already (a new one may match). */
      for (guint f = 0; f < fresh->len; f++)
        {
          guint i;
          if (!g_list_store_find_with_equal_func (p->found, fresh->pdata[f], (GEqualFunc) same_customer, &i))
            return;
          g_list_store_splice (p->found, i, 1, &fresh->pdata[f], 1);
        }
    }
  p->customers_done_at = sr_context_get_poll_serial (ctx);
}

static void
on_changed (SrContext  *ctx,
            const char *table,
            Page       *p)
{
  if (g_strcmp0 (table, "customers") != 0)
    return;
  /* Already put in place, row by row, for this poll's news. */
  if (p->customers_done_at != 0 && p->customers_done_at == sr_context_get_poll_serial (ctx))
    return;
  reload (p);
}

typedef struct {
  Page *p;
  GPtrArray *from;  /* SrStaffMember: consultants, also disabled (someone who left) */
  GPtrArray *to;    /* SrStaffMember: active consultants */
} TransferAll;

static void
transfer_all_free (TransferAll *t)
{
  g_ptr_array_unref (t->from);
  g_ptr_array_unref (t->to);
  g_free (t);
}

static gboolean
save_transfer_all (SrForm   *form,
                   gpointer  user_data,
                   GError  **error)
{
  TransferAll *t = user_data;
  guint from = sr_form_get_selected (form, "from");
  guint to = sr_form_get_selected (form, "to");
  gint64 n;

  if (from >= t->from->len || to >= t->to->len)
    return FALSE;
  n = sr_customers_transfer_all (t->p->ctx, ((SrStaffMember *) g_ptr_array_index (t->from, from))->id,
                                 ((SrStaffMember *) g_ptr_array_index (t->to, to))->id,
                                 sr_form_get_text (form, "reason"), error);
  if (n < 0)
    return FALSE;
  {
    g_autofree char *message = g_strdup_printf (_("%u customers transferred."), (guint) n);
    sr_toast (t->p->root, message);
  }
  return TRUE;
}

static void
on_transfer_all (GtkButton *button,
                 Page      *p)
{
  TransferAll *t = g_new0 (TransferAll, 1);
  g_autoptr(GPtrArray) staff = sr_staff_list (p->ctx, TRUE, NULL);
  g_autoptr(GStrvBuilder) from_names = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) to_names = g_strv_builder_new ();
  g_auto(GStrv) from_items = NULL;
  g_auto(GStrv) to_items = NULL;
  SrForm *form;

  t->p = p;
  t->from = g_ptr_array_new_with_free_func (g_object_unref);
  t->to = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; staff != NULL && i < staff->len; i++)
    {
      SrStaffMember *m = g_ptr_array_index (staff, i);
      if (!(m->roles & SR_ROLE_CONSULTANT))
        continue;
      g_ptr_array_add (t->from, g_object_ref (m));
      g_strv_builder_add (from_names, m->display_name);
      if (!m->is_disabled)
        {
          g_ptr_array_add (t->to, g_object_ref (m));
          g_strv_builder_add (to_names, m->display_name);
        }
    }
  from_items = g_strv_builder_end (from_names);
  to_items = g_strv_builder_end (to_names);
  form = sr_form_new (p->root, _("Transfer a Person’s Customers"), _("_Transfer"));
  sr_form_add_group (form, NULL, _("All customers of one consultant go to another, for example when "
                                   "someone leaves. Each transfer is recorded with the reason."));
  sr_form_add_choice (form, "from", _("From"), (const char * const *) from_items, 0);
  sr_form_add_choice (form, "to", _("To"), (const char * const *) to_items, 0);
  sr_form_add_entry (form, "reason", _("Reason"), NULL);
  sr_form_run (form, save_transfer_all, t, (GDestroyNotify) transfer_all_free);
}

/* Registering a customer outside the desk (a booth, a referral, outreach, …). */


typedef struct {
  Page *p;
  GPtrArray *owners;  /* SrStaffMember after "nobody yet" */
  GPtrArray *media;   /* SrMediaSource after "not asked" */
} NewCustomer;

static void
new_customer_free (NewCustomer *n)
{
  g_ptr_array_unref (n->owners);
  g_ptr_array_unref (n->media);
  g_free (n);
}

static gboolean
save_new_customer (SrForm   *form,
                   gpointer  user_data,
                   GError  **error)
{
  NewCustomer *n = user_data;
  const char *phones[] = { sr_form_get_text (form, "phone"), sr_form_get_text (form, "phone2"), NULL };
  const char *referrer = sr_form_get_text (form, "referrer");
  guint owner = sr_form_get_selected (form, "owner");
  guint media = sr_form_get_selected (form, "media");
  SrCustomerInput in = { 0 };
  gint64 id;

  in.name = sr_form_get_text (form, "name");
  in.channel = sr_channel_codes[sr_form_get_selected (form, "channel")];
  in.phones = phones;
  in.phone_shared_confirmed = sr_form_get_field (form, "shared") != NULL &&
                              gtk_widget_get_visible (sr_form_get_field (form, "shared")) &&
                              sr_form_get_active (form, "shared");
  if (owner > 0 && owner <= n->owners->len)
    in.owner_id = ((SrStaffMember *) g_ptr_array_index (n->owners, owner - 1))->id;
  if (media > 0 && media <= n->media->len)
    in.media_source_id = ((SrMediaSource *) g_ptr_array_index (n->media, media - 1))->id;
  if (referrer != NULL && *referrer != '\0')
    {
      g_autoptr(SrCustomer) r = sr_customers_find_by_phone (n->p->ctx, referrer, error);
      if (r == NULL)
        {
          if (error != NULL && *error == NULL)
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                         _("No customer has the phone %s: the referrer must be a customer already."),
                         referrer);
          return FALSE;
        }
      in.referrer_id = r->id;
    }
  id = sr_customers_add (n->p->ctx, &in, error);
  if (id == 0)
    return FALSE;
  sr_toast (n->p->root, _("Customer registered."));
  return TRUE;
}

static void
on_new_customer (GtkButton *button,
                 Page      *p)
{
  SrSession *session = sr_context_get_session (p->ctx);
  NewCustomer *n = g_new0 (NewCustomer, 1);
  g_autoptr(GPtrArray) staff = sr_staff_list (p->ctx, FALSE, NULL);
  g_autoptr(GStrvBuilder) owners = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) media = g_strv_builder_new ();
  g_auto(GStrv) owner_items = NULL;
  g_auto(GStrv) media_items = NULL;
  const char *channels[SR_N_CHANNELS + 1] = { NULL };
  guint me = 0;
  GtkWidget *shared;
  SrForm *form;

  n->p = p;
  n->owners = g_ptr_array_new_with_free_func (g_object_unref);
  n->media = sr_media_list (p->ctx, FALSE, NULL);
  if (n->media == NULL)
    n->media = g_ptr_array_new_with_free_func (g_object_unref);
  g_strv_builder_add (owners, _("nobody yet"));
  for (guint i = 0; staff != NULL && i < staff->len; i++)
    {
      SrStaffMember *m = g_ptr_array_index (staff, i);
      if (!(m->roles & SR_ROLE_CONSULTANT))
        continue;
      g_ptr_array_add (n->owners, g_object_ref (m));
      g_strv_builder_add (owners, m->display_name);
      if (m->id == sr_session_get_staff_id (session))
        me = n->owners->len;
    }
  owner_items = g_strv_builder_end (owners);
  g_strv_builder_add (media, _("Not asked"));
  for (guint i = 0; i < n->media->len; i++)
    g_strv_builder_add (media, ((SrMediaSource *) g_ptr_array_index (n->media, i))->name);
  media_items = g_strv_builder_end (media);
  for (guint i = 0; i < SR_N_CHANNELS; i++)
    channels[i] = sr_channel_get_label (sr_channel_codes[i]);

  form = sr_form_new (p->root, _("New Customer"), _("_Register"));
  sr_form_add_entry (form, "name", _("Full name"), NULL);
  sr_form_add_entry (form, "phone", _("Phone"), NULL);
  sr_form_add_entry (form, "phone2", _("Second phone (optional)"), NULL);
  sr_form_add_choice (form, "channel", _("Channel"), channels, 2);
  sr_form_add_entry (form, "referrer", _("Referred by (the existing customer’s phone; for 老带新)"), NULL);
  sr_form_add_choice (form, "media", _("How they heard of us"), (const char * const *) media_items, 0);
  sr_form_add_choice (form, "owner", _("Owner"), (const char * const *) owner_items, me);
  shared = sr_form_add_check (form, "shared", _("The phone is shared (a couple): I confirm"),
                              _("Only a manager or supervisor may let two customers share a phone"), FALSE);
  gtk_widget_set_visible (gtk_widget_get_ancestor (shared, ADW_TYPE_ACTION_ROW),
                          sr_session_may (session, SR_ACTION_CONFIRM_SHARED_PHONE));
  gtk_widget_set_visible (shared, sr_session_may (session, SR_ACTION_CONFIRM_SHARED_PHONE));
  sr_form_run (form, save_new_customer, n, (GDestroyNotify) new_customer_free);
}

static void
on_activate (GtkColumnView *view,
             guint          position,
             Page          *p)
{
  g_autoptr(SrCustomer) c = g_list_model_get_item (gtk_single_selection_get_model (p->selection), position);

  if (c != NULL && c->id > 0)
    gtk_window_present (GTK_WINDOW (sr_customer_window_new (p->root, p->ctx, c->id)));
}

GtkWidget *
sr_customers_page_new (SrContext *ctx)
{
  Page *p = g_new0 (Page, 1);
  SrSession *session = sr_context_get_session (ctx);
  const char *sorts[] = { _("Name (pinyin)"), _("Last contact"), _("Grade"), _("Newest"), _("Owner"), NULL };
  GtkWidget *toolbar, *box, *view, *scroller, *empty, *stack;

  p->ctx = g_object_ref (ctx);
  view = gtk_column_view_new (NULL);
  p->view = view;
  gtk_column_view_set_show_row_separators (GTK_COLUMN_VIEW (view), TRUE);
  /* Widths that fit the values (names of two to four characters, masked phones); the
   * last column takes the rest, so the values are not spread across the screen. */
  gtk_column_view_column_set_fixed_width (sr_column_view_add_text (GTK_COLUMN_VIEW (view), _("Full name"), cell_name, FALSE, FALSE), 180);
  gtk_column_view_column_set_fixed_width (sr_column_view_add_text (GTK_COLUMN_VIEW (view), _("Phone"), cell_phone, FALSE, FALSE), 160);
  gtk_column_view_column_set_fixed_width (sr_column_view_add_text (GTK_COLUMN_VIEW (view), _("Channel"), cell_channel, FALSE, FALSE), 120);
  gtk_column_view_column_set_fixed_width (sr_column_view_add_text (GTK_COLUMN_VIEW (view), _("Grade"), cell_grade, FALSE, FALSE), 70);
  gtk_column_view_column_set_fixed_width (sr_column_view_add_text (GTK_COLUMN_VIEW (view), _("Owner"), cell_owner, FALSE, FALSE), 120);
  gtk_column_view_column_set_fixed_width (sr_column_view_add_text (GTK_COLUMN_VIEW (view), _("Registered"), cell_created, FALSE, FALSE), 130);
  sr_column_view_add_text (GTK_COLUMN_VIEW (view), _("Last contact"), cell_last, FALSE, TRUE);
  g_signal_connect (view, "activate", G_CALLBACK (on_activate), p);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);

  empty = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "system-search-symbolic");
  p->empty = empty;
  stack = gtk_stack_new ();
  p->stack = stack;
  gtk_stack_add_named (GTK_STACK (stack), scroller, "list");
  gtk_stack_add_named (GTK_STACK (stack), empty, "empty");

  box = sr_toolbar_view_new (&toolbar, stack);
  p->search = gtk_search_entry_new ();
  g_object_set (p->search, "placeholder-text",
                _("Phone (4+ digits), name, pinyin or initials, e.g. zs"), NULL);
  gtk_widget_set_hexpand (p->search, TRUE);
  g_signal_connect_swapped (p->search, "search-changed", G_CALLBACK (reload), p);
  gtk_box_append (GTK_BOX (toolbar), p->search);
  p->sort = gtk_drop_down_new_from_strings (sorts);
  gtk_widget_set_tooltip_text (p->sort, _("Sort by"));
  g_signal_connect_swapped (p->sort, "notify::selected", G_CALLBACK (reload), p);
  gtk_box_append (GTK_BOX (toolbar), p->sort);
  p->mine = gtk_toggle_button_new_with_mnemonic (_("_Mine Only"));
  gtk_widget_set_visible (p->mine, (sr_session_get_roles (session) & SR_ROLE_CONSULTANT) != 0);
  g_signal_connect_swapped (p->mine, "toggled", G_CALLBACK (reload), p);
  gtk_box_append (GTK_BOX (toolbar), p->mine);
  {
    GtkWidget *button = gtk_button_new_with_mnemonic (_("_New Customer…"));
    g_signal_connect (button, "clicked", G_CALLBACK (on_new_customer), p);
    gtk_box_append (GTK_BOX (toolbar), button);
  }
  if (sr_session_may (session, SR_ACTION_TRANSFER_OWNERSHIP))
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Transfer a Person’s Customers…"));
      g_signal_connect (button, "clicked", G_CALLBACK (on_transfer_all), p);
      gtk_box_append (GTK_BOX (toolbar), button);
    }
  p->count = gtk_label_new (NULL);
  gtk_widget_add_css_class (p->count, "dim-label");
  gtk_box_append (GTK_BOX (toolbar), p->count);

  p->root = box;
  g_object_set_data_full (G_OBJECT (box), "sr-customers-page", p, (GDestroyNotify) page_free);
  p->changed_id = g_signal_connect (ctx, "changed", G_CALLBACK (on_changed), p);
  p->customers_changed_id = g_signal_connect (ctx, "customers-changed", G_CALLBACK (on_customers_changed), p);
  reload (p);
  return box;
}

/* One customer's page ---------------------------------------------------------------------- */

typedef struct {
  SrContext *ctx;
  gint64 customer_id;
  GPtrArray *staff;
} Transfer;

static void
transfer_free (Transfer *t)
{
  g_clear_object (&t->ctx);
  g_clear_pointer (&t->staff, g_ptr_array_unref);
  g_free (t);
}

static gboolean
save_transfer (SrForm   *form,
               gpointer  user_data,
               GError  **error)
{
  Transfer *t = user_data;
  guint i = sr_form_get_selected (form, "to");

  if (i >= t->staff->len)
    return FALSE;
  return sr_customers_transfer (t->ctx, t->customer_id,
                                ((SrStaffMember *) g_ptr_array_index (t->staff, i))->id,
                                sr_form_get_text (form, "reason"), error);
}

static void
on_transfer (GtkButton *button,
             GtkWidget *window)
{
  SrContext *ctx = g_object_get_data (G_OBJECT (window), "ctx");
  Transfer *t = g_new0 (Transfer, 1);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) items = NULL;
  g_autoptr(GPtrArray) staff = sr_staff_list (ctx, FALSE, NULL);
  SrForm *form;

  t->ctx = g_object_ref (ctx);
  t->customer_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (window), "customer-id"));
  t->staff = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; staff != NULL && i < staff->len; i++)
    {
      SrStaffMember *m = g_ptr_array_index (staff, i);
      if (m->roles & SR_ROLE_CONSULTANT)
        {
          g_ptr_array_add (t->staff, g_object_ref (m));
          g_strv_builder_add (names, m->display_name);
        }
    }
  items = g_strv_builder_end (names);
  form = sr_form_new (window, _("Transfer the Customer"), _("_Transfer"));
  sr_form_add_choice (form, "to", _("New owner"), (const char * const *) items, 0);
  sr_form_add_entry (form, "reason", _("Reason"), NULL);
  sr_form_run (form, save_transfer, t, (GDestroyNotify) transfer_free);
}

static gboolean
save_follow_up (SrForm   *form,
                gpointer  user_data,
                GError  **error)
{
  GtkWidget *window = user_data;
  SrContext *ctx = g_object_get_data (G_OBJECT (window), "ctx");
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (window), "customer-id"));

  return sr_follow_ups_add (ctx, id, (SrFollowUpMethod) sr_form_get_selected (form, "method"),
                            sr_form_get_text (form, "content"), sr_form_get_text (form, "next"),
                            error) > 0;
}

static void
on_follow_up (GtkButton *button,
              GtkWidget *window)
{
  SrContext *ctx = g_object_get_data (G_OBJECT (window), "ctx");
  const char *methods[SR_N_FOLLOW_UP_METHODS + 1] = { NULL };
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_local (sr_context_now (ctx));
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 3);
  g_autofree char *next = g_date_time_format (later, "%Y-%m-%d");
  SrForm *form = sr_form_new (window, _("Follow-up"), _("_Record"));

  for (guint i = 0; i < SR_N_FOLLOW_UP_METHODS; i++)
    methods[i] = sr_follow_up_method_get_label ((SrFollowUpMethod) i);
  sr_form_add_choice (form, "method", _("How"), methods, 0);
  sr_form_add_entry (form, "content", _("What was said or done"), NULL);
  sr_form_add_entry (form, "next", _("Next follow-up (YYYY-MM-DD; empty for none)"), next);
  sr_form_run (form, save_follow_up, window, NULL);
}

typedef struct {
  GtkWidget *window;
  GPtrArray *staff;
} Booking;

static void
booking_free (Booking *b)
{
  g_ptr_array_unref (b->staff);
  g_free (b);
}

static gboolean
save_booking (SrForm   *form,
              gpointer  user_data,
              GError  **error)
{
  Booking *b = user_data;
  SrContext *ctx = g_object_get_data (G_OBJECT (b->window), "ctx");
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (b->window), "customer-id"));
  guint who = sr_form_get_selected (form, "who");
  const char *day = sr_form_get_text (form, "day");
  const char *time = sr_form_get_text (form, "time");
  gint64 start = sr_day_start_unix (day);
  int hour = -1, minute = -1;

  if (start < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("“%s” is not a date (YYYY-MM-DD)."), day);
      return FALSE;
    }
  if (sscanf (time, "%d:%d", &hour, &minute) != 2 || hour < 0 || hour > 23 || minute < 0 || minute > 59)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("“%s” is not a time (HH:MM)."), time);
      return FALSE;
    }
  if (who >= b->staff->len)
    return FALSE;
  return sr_appointments_add (ctx, id, ((SrStaffMember *) g_ptr_array_index (b->staff, who))->id,
                              start + hour * 3600 + minute * 60,
                              (SrAppointmentKind) sr_form_get_selected (form, "kind"),
                              sr_form_get_text (form, "note"), error) > 0;
}

static void
on_book (GtkButton *button,
         GtkWidget *window)
{
  SrContext *ctx = g_object_get_data (G_OBJECT (window), "ctx");
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (window), "customer-id"));
  g_autoptr(SrCustomer) c = sr_customers_get (ctx, id, NULL);
  g_autoptr(GPtrArray) staff = sr_staff_list (ctx, FALSE, NULL);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) items = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_local (sr_context_now (ctx));
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autofree char *day = g_date_time_format (tomorrow, "%Y-%m-%d");
  const char *kinds[SR_N_APPOINTMENT_KINDS + 1] = { NULL };
  Booking *b = g_new0 (Booking, 1);
  guint owner_index = 0;
  SrForm *form;

  b->window = window;
  b->staff = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; staff != NULL && i < staff->len; i++)
    {
      SrStaffMember *m = g_ptr_array_index (staff, i);
      if (!(m->roles & SR_ROLE_CONSULTANT))
        continue;
      if (c != NULL && m->id == c->owner_id)
        owner_index = b->staff->len;
      g_ptr_array_add (b->staff, g_object_ref (m));
      g_strv_builder_add (names, m->display_name);
    }
  items = g_strv_builder_end (names);
  for (guint i = 0; i < SR_N_APPOINTMENT_KINDS; i++)
    kinds[i] = sr_appointment_kind_get_label ((SrAppointmentKind) i);
  form = sr_form_new (window, _("Book an Appointment"), _("_Book"));
  sr_form_add_choice (form, "who", _("With"), (const char * const *) items, owner_index);
  sr_form_add_entry (form, "day", _("Day (YYYY-MM-DD)"), day);
  sr_form_add_entry (form, "time", _("Time (HH:MM)"), "10:00");
  sr_form_add_choice (form, "kind", _("For"), kinds, 0);
  sr_form_add_entry (form, "note", _("Note"), NULL);
  sr_form_run (form, save_booking, b, (GDestroyNotify) booking_free);
}

static const char *grades[] = { "", "A", "B", "C", "D" };
static const char *genders[] = { "", "male", "female" };

static guint
index_of (const char * const *list,
          guint               n,
          const char         *value)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (list[i], value != NULL ? value : "") == 0)
      return i;
  return 0;
}

static gboolean
save_details (SrForm   *form,
              gpointer  user_data,
              GError  **error)
{
  GtkWidget *window = user_data;
  SrContext *ctx = g_object_get_data (G_OBJECT (window), "ctx");
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (window), "customer-id"));
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  const char *budget = sr_form_get_text (form, "budget");
  const SrCustomerField *fields;
  guint n = 0;

  g_hash_table_insert (values, "name", g_strdup (sr_form_get_text (form, "name")));
  g_hash_table_insert (values, "grade", g_strdup (grades[sr_form_get_selected (form, "grade")]));
  g_hash_table_insert (values, "gender", g_strdup (genders[sr_form_get_selected (form, "gender")]));
  g_hash_table_insert (values, "id_card", g_strdup (sr_form_get_text (form, "id_card")));
  if (*budget != '\0')
    {
      SrFen fen;
      if (!sr_money_parse (budget, &fen, error))
        return FALSE;
      g_hash_table_insert (values, "budget", g_strdup_printf ("%" G_GINT64_FORMAT, fen));
    }
  else
    g_hash_table_insert (values, "budget", g_strdup (""));
  fields = sr_customer_fields (&n);
  for (guint i = 0; i < n; i++)
    g_hash_table_insert (values, (gpointer) fields[i].column,
                         g_strdup (sr_form_get_text (form, fields[i].column)));
  return sr_customers_update_details (ctx, id, values, error);
}

static void
on_edit_details (GtkButton *button,
                 GtkWidget *window)
{
  SrContext *ctx = g_object_get_data (G_OBJECT (window), "ctx");
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (window), "customer-id"));
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) v = sr_customers_get_details (ctx, id, &error);
  const char *grade_labels[] = { _("not graded"), "A", "B", "C", "D", NULL };
  const char *gender_labels[] = { _("not given"), _("Male"), _("Female"), NULL };
  g_autofree char *budget = NULL;
  const SrCustomerField *fields;
  guint n = 0;
  SrForm *form;

  if (v == NULL)
    {
      sr_toast_error (window, error);
      return;
    }
  if (g_hash_table_lookup (v, "budget") != NULL)
    {
      gint64 fen = g_ascii_strtoll (g_hash_table_lookup (v, "budget"), NULL, 10);
      budget = g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", fen / 100, (int) (fen % 100));
    }
  form = sr_form_new (window, _("Edit the Customer"), NULL);
  gtk_window_set_default_size (GTK_WINDOW (form), 560, 720);
  sr_form_add_entry (form, "name", _("Full name"), g_hash_table_lookup (v, "name"));
  sr_form_add_choice (form, "gender", _("Gender"), gender_labels,
                      index_of (genders, G_N_ELEMENTS (genders), g_hash_table_lookup (v, "gender")));
  sr_form_add_choice (form, "grade", _("Grade"), grade_labels,
                      index_of (grades, G_N_ELEMENTS (grades), g_hash_table_lookup (v, "grade")));
  sr_form_add_entry (form, "id_card", _("ID-card number"), g_hash_table_lookup (v, "id_card"));
  sr_form_add_entry (form, "budget", _("Budget, ¥"), budget);
  fields = sr_customer_fields (&n);
  for (guint i = 0; i < n; i++)
    sr_form_add_entry (form, fields[i].column, fields[i].label, g_hash_table_lookup (v, fields[i].column));
  sr_form_run (form, save_details, window, NULL);
}

static void
on_sale_activated (AdwActionRow *row,
                   GtkWidget    *window)
{
  sr_deal_open (window, g_object_get_data (G_OBJECT (window), "ctx"),
                GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "unit-id")),
                GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "deal-id")));
}

/* A decoration or service contract for the customer ------------------------------------ */

static gboolean
parse_count (const char  *text,
             guint        min,
             guint        max,
             const char  *what,
             guint       *out,
             GError     **error)
{
  guint64 n = 0;

  if (text == NULL || *text == '\0')
    {
      *out = 0;
      return TRUE;
    }
  if (!g_ascii_string_to_unsigned (text, 10, min, max, &n, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("%s: give a whole number from %u to %u."),
                   what, min, max);
      return FALSE;
    }
  *out = (guint) n;
  return TRUE;
}

static gboolean
save_contract (SrForm   *form,
               gpointer  user_data,
               GError  **error)
{
  GtkWidget *window = user_data;
  SrContext *ctx = g_object_get_data (G_OBJECT (window), "ctx");
  const char * const *kinds = g_object_get_data (G_OBJECT (form), "kinds");
  const char *deposit = sr_form_get_text (form, "deposit");
  SrContractDeal in = { 0 };

  in.customer_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (window), "customer-id"));
  in.kind = kinds[sr_form_get_selected (form, "kind")];
  in.contract_no = sr_form_get_text (form, "number");
  in.signed_on = sr_form_get_text (form, "signed");
  in.clauses = sr_form_get_text (form, "clauses");
  if (g_object_get_data (G_OBJECT (form), "draftsmen") != NULL)
    {
      GArray *ids = g_object_get_data (G_OBJECT (form), "draftsmen");
      guint i = sr_form_get_selected (form, "draftsman");
      in.draftsman_id = ids != NULL && i < ids->len ? g_array_index (ids, gint64, i) : 0;
    }
  if (!sr_money_parse (sr_form_get_text (form, "value"), &in.value_fen, error) ||
      (deposit != NULL && *deposit != '\0' && !sr_money_parse (deposit, &in.deposit_fen, error)) ||
      !parse_count (sr_form_get_text (form, "payments"), 0, 60, _("Payments after the deposit"), &in.n_payments, error) ||
      !parse_count (sr_form_get_text (form, "every"), 1, 366, _("Days between payments"), &in.every_days, error))
    return FALSE;
  if (sr_contracts_add (ctx, &in, error) == 0)
    return FALSE;
  sr_toast (window, _("The contract and its payment plan are entered; finance takes the money."));
  return TRUE;
}

static void
on_new_contract (GtkButton *button,
                 GtkWidget *window)
{
  SrContext *ctx = g_object_get_data (G_OBJECT (window), "ctx");
  SrOfficeKind office = SR_OFFICE_DECORATION;
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
  g_auto(GStrv) choices = NULL;
  const char **kinds = g_new0 (const char *, g_strv_length ((char **) sr_contract_kinds) + 1);
  g_autofree char *today = sr_clock_today (sr_context_get_clock (ctx));
  SrForm *form = sr_form_new (window, _("New Contract"), _("_Enter"));
  guint n = 0;

  sr_office_get (ctx, NULL, &office, NULL);
  for (guint i = 0; sr_contract_kinds[i] != NULL; i++)
    if (sr_contract_kind_is_for (sr_contract_kinds[i], office))
      {
        kinds[n++] = sr_contract_kinds[i];
        g_strv_builder_add (labels, sr_contract_kind_get_label (sr_contract_kinds[i]));
      }
  choices = g_strv_builder_end (labels);
  g_object_set_data_full (G_OBJECT (form), "kinds", kinds, g_free);
  sr_form_add_group (form, NULL, _("The deposit (定金) is due on the signing day; the rest is split into equal "
                                   "payments, the last one the balance (尾款)."));
  sr_form_add_choice (form, "kind", _("What it is"), (const char * const *) choices,
                      office == SR_OFFICE_DECORATION && n > 1 ? 1 : 0);
  sr_form_add_entry (form, "number", _("Contract number"), NULL);
  sr_form_add_entry (form, "signed", _("Signed on (YYYY-MM-DD)"), today);
  sr_form_add_entry (form, "value", _("Value of the contract, ¥"), NULL);
  sr_form_add_entry (form, "deposit", _("Deposit, ¥ (empty: none)"), NULL);
  sr_form_add_entry (form, "payments", _("Payments after the deposit"), office == SR_OFFICE_HOUSEKEEPING ? "12" : "3");
  sr_form_add_entry (form, "every", _("Days between payments (30: monthly)"), "30");
  sr_form_add_entry (form, "clauses", _("Special clauses (may be empty)"), NULL);
  if (office == SR_OFFICE_DECORATION)
    {
      /* The draftsman (绘图员) who drew it, credited in the output summary. */
      g_autoptr(GPtrArray) staff = sr_staff_list (ctx, FALSE, NULL);
      g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
      g_auto(GStrv) items = NULL;
      GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      gint64 none = 0;
      g_strv_builder_add (names, _("Nobody named"));
      g_array_append_val (ids, none);
      for (guint i = 0; staff != NULL && i < staff->len; i++)
        {
          SrStaffMember *m = staff->pdata[i];
          if (m->is_disabled || !(m->roles & SR_ROLE_CONSULTANT))
            continue;
          g_strv_builder_add (names, m->display_name);
          g_array_append_val (ids, m->id);
        }
      items = g_strv_builder_end (names);
      g_object_set_data_full (G_OBJECT (form), "draftsmen", ids, (GDestroyNotify) g_array_unref);
      sr_form_add_choice (form, "draftsman", _("Draftsman (绘图员)"), (const char * const *) items, 0);
    }
  sr_form_run (form, save_contract, window, NULL);
}

/* The customer's sales and their money (the customer's ledger): each sale's state, price,
 * paid, still due and advance; a row opens the unit with its plan and receipts. */
static void
add_sales_group (AdwPreferencesPage *page,
                 GtkWidget          *window,
                 SrContext          *ctx,
                 gint64              customer_id)
{
  g_autoptr(GPtrArray) deals = sr_deals_for_customer (ctx, customer_id, NULL);
  SrSession *session = sr_context_get_session (ctx);
  SrOfficeKind office = SR_OFFICE_PROPERTY;
  gboolean may_enter = FALSE;
  GtkWidget *group;

  /* Decoration and housekeeping offices enter their contracts here; a consultant for their
   * own customers. */
  if (sr_office_get (ctx, NULL, &office, NULL) && office != SR_OFFICE_PROPERTY &&
      sr_session_may (session, SR_ACTION_ENTER_CONTRACTS))
    {
      gint64 owner = 0;
      sr_db_get_int (sr_context_get_db (ctx), &owner, NULL, "SELECT coalesce (owner_id, 0) FROM customers "
                     "WHERE id = ?1", "i", customer_id);
      may_enter = (sr_session_get_roles (session) & (SR_ROLE_CUSTOMER_MANAGER | SR_ROLE_MANAGER)) ||
                  owner == sr_session_get_staff_id (session);
    }
  if ((deals == NULL || deals->len == 0) && !may_enter)
    return;
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                   office == SR_OFFICE_PROPERTY ? _("Sales and money") : _("Contracts and money"));
  if (may_enter)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("New _Contract…"));
      gtk_widget_add_css_class (button, "flat");
      g_signal_connect (button, "clicked", G_CALLBACK (on_new_contract), window);
      adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), button);
    }
  if (deals == NULL || deals->len == 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                           _("No contract yet. New Contract… enters one with its payment plan."));
  for (guint i = 0; i < deals->len; i++)
    {
      SrDeal *d = g_ptr_array_index (deals, i);
      GtkWidget *row = adw_action_row_new ();
      SrFen due = 0;
      g_autofree char *price = sr_money_format (d->price_fen > 0 ? d->price_fen : d->list_price_fen - d->discount_fen);
      g_autofree char *paid = sr_money_format (d->paid_fen);
      g_autofree char *owed = NULL;
      g_autofree char *title = d->unit_id == 0 && d->contract_no != NULL
        ? g_strdup_printf ("%s %s · %s", sr_contract_kind_get_label (d->kind), d->contract_no,
                           sr_deal_state_get_label (d->state))
        : g_strdup_printf ("%s · %s", d->unit_label != NULL ? d->unit_label : _("No unit yet"),
                           sr_deal_state_get_label (d->state));
      g_autofree char *sub = NULL;

      sr_deals_due (ctx, d->id, &due, NULL);
      owed = sr_money_format (due);
      sub = g_strdup_printf (_("Price %s · paid %s · still due %s"), price, paid, owed);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sub);
      if (d->unit_id > 0 || d->contract_no != NULL)
        {
          g_object_set_data (G_OBJECT (row), "unit-id", GSIZE_TO_POINTER (d->unit_id));
          g_object_set_data (G_OBJECT (row), "deal-id", GSIZE_TO_POINTER (d->id));
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
          g_signal_connect (row, "activated", G_CALLBACK (on_sale_activated), window);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (group));
}

static void
fill_customer_window (GtkWidget *window)
{
  SrContext *ctx = g_object_get_data (G_OBJECT (window), "ctx");
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (window), "customer-id"));
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *info = adw_preferences_group_new ();
  GtkWidget *history = adw_preferences_group_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SrCustomer) c = sr_customers_get (ctx, id, &error);
  g_autoptr(GPtrArray) timeline = NULL;
  GtkWidget *scroller = g_object_get_data (G_OBJECT (window), "scroller");

  if (c == NULL)
    {
      GtkWidget *status = adw_status_page_new ();
      adw_status_page_set_title (ADW_STATUS_PAGE (status), error->message);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), status);
      return;
    }
  gtk_window_set_title (GTK_WINDOW (window), c->name);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (info), c->name);
  {
    /* A problem not closed marks the customer, wherever they show. */
    gboolean problem = FALSE;
    if (sr_problems_customer_has_open (ctx, c->id, &problem, NULL) && problem)
      {
        g_autofree char *title = g_strdup_printf (_("%s — problem customer (an after-sales problem is open)"), c->name);
        adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (info), title);
      }
  }
  {
    struct { const char *title; char *value; } rows[] = {
      { _("Phone"), c->phones != NULL && c->phones[0] ? g_strjoinv (", ", c->phones) : g_strdup (_("none")) },
      { _("Channel"), g_strdup (sr_channel_get_label (c->channel)) },
      { _("Grade"), g_strdup (c->grade != NULL ? c->grade : _("not graded")) },
      { _("Owner"), g_strdup (c->owner_name != NULL ? c->owner_name : _("nobody yet")) },
      { _("Registered"), sr_format_moment (c->created_at) },
      { _("Last contact"), sr_format_moment (c->last_contact_at) },
    };
    for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
      {
        GtkWidget *row = adw_action_row_new ();
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rows[i].title);
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), rows[i].value);
        gtk_widget_add_css_class (row, "property");
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (info), row);
        g_free (rows[i].value);
      }
  }
  {
    /* The rest of the record: only what is filled in. */
    g_autoptr(GHashTable) details = sr_customers_get_details (ctx, id, NULL);
    const SrCustomerField *fields;
    guint n = 0;
    struct { const char *column; const char *title; } extra[] = {
      { "gender", _("Gender") }, { "id_card", _("ID-card number") }, { "budget", _("Budget") },
    };
    for (guint i = 0; details != NULL && i < G_N_ELEMENTS (extra); i++)
      {
        const char *value = g_hash_table_lookup (details, extra[i].column);
        g_autofree char *shown = NULL;
        GtkWidget *row;
        if (value == NULL || *value == '\0')
          continue;
        if (g_strcmp0 (extra[i].column, "budget") == 0)
          shown = sr_money_format (g_ascii_strtoll (value, NULL, 10));
        else if (g_strcmp0 (extra[i].column, "gender") == 0)
          shown = g_strdup (g_strcmp0 (value, "male") == 0 ? _("Male") : _("Female"));
        else
          shown = g_strdup (value);
        row = adw_action_row_new ();
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), extra[i].title);
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), shown);
        gtk_widget_add_css_class (row, "property");
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (info), row);
      }
    fields = sr_customer_fields (&n);
    for (guint i = 0; details != NULL && i < n; i++)
      {
        const char *value = g_hash_table_lookup (details, fields[i].column);
        GtkWidget *row;
        if (value == NULL || *value == '\0')
          continue;
        row = adw_action_row_new ();
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), fields[i].label);
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
        gtk_widget_add_css_class (row, "property");
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (info), row);
      }
  }
  {
    SrSession *session = sr_context_get_session (ctx);
    GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
    if (sr_session_may (session, SR_ACTION_EDIT_CUSTOMER) &&
        ((sr_session_get_roles (session) & (SR_ROLE_CUSTOMER_MANAGER | SR_ROLE_MANAGER)) ||
         c->owner_id == sr_session_get_staff_id (session)))
      {
        GtkWidget *button = gtk_button_new_with_mnemonic (_("_Edit…"));
        gtk_widget_add_css_class (button, "flat");
        g_signal_connect (button, "clicked", G_CALLBACK (on_edit_details), window);
        gtk_box_append (GTK_BOX (buttons), button);
      }
    if (sr_session_may (session, SR_ACTION_BOOK_APPOINTMENT) &&
        ((sr_session_get_roles (session) & (SR_ROLE_RECEPTIONIST | SR_ROLE_CUSTOMER_MANAGER | SR_ROLE_MANAGER)) ||
         c->owner_id == sr_session_get_staff_id (session)))
      {
        GtkWidget *button = gtk_button_new_with_mnemonic (_("_Appointment…"));
        gtk_widget_add_css_class (button, "flat");
        g_signal_connect (button, "clicked", G_CALLBACK (on_book), window);
        gtk_box_append (GTK_BOX (buttons), button);
      }
    if (sr_session_may (session, SR_ACTION_TRANSFER_OWNERSHIP))
      {
        GtkWidget *button = gtk_button_new_with_mnemonic (_("_Transfer…"));
        gtk_widget_add_css_class (button, "flat");
        g_signal_connect (button, "clicked", G_CALLBACK (on_transfer), window);
        gtk_box_append (GTK_BOX (buttons), button);
      }
    adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (info), buttons);
  }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (info));
  add_sales_group (ADW_PREFERENCES_PAGE (page), window, ctx, id);
  sr_customer_work_add_groups (ADW_PREFERENCES_PAGE (page), window, ctx, c);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (history), _("Calls, visits and owners"));
  {
    SrSession *session = sr_context_get_session (ctx);
    gboolean may = sr_session_may (session, SR_ACTION_FOLLOW_UP) &&
                   ((sr_session_get_roles (session) & (SR_ROLE_CUSTOMER_MANAGER | SR_ROLE_MANAGER)) ||
                    c->owner_id == sr_session_get_staff_id (session));
    if (may)
      {
        GtkWidget *button = gtk_button_new_with_mnemonic (_("Add _Follow-up…"));
        gtk_widget_add_css_class (button, "flat");
        g_signal_connect (button, "clicked", G_CALLBACK (on_follow_up), window);
        adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (history), button);
      }
  }
  timeline = sr_customers_timeline (ctx, id, &error);
  for (guint i = 0; timeline != NULL && i < timeline->len; i++)
    {
      SrTimelineEntry *e = g_ptr_array_index (timeline, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *when = sr_format_moment (e->at);
      g_autofree char *title = g_strdup_printf ("%s · %s · %s", when, e->what, e->who != NULL ? e->who : "");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), e->detail);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (history), row);
    }
  if (timeline != NULL && timeline->len == 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (history),
                                           _("No call or visit recorded yet."));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (history));
  sr_customer_privacy_add_group (ADW_PREFERENCES_PAGE (page), window, ctx, c);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), page);
}

GtkWidget *
sr_customer_window_new (GtkWidget *parent,
                        SrContext *ctx,
                        gint64     customer_id)
{
  GtkWidget *window = sr_record_window_new (parent, ctx, 620, 720);

  g_object_set_data (G_OBJECT (window), "customer-id", GSIZE_TO_POINTER (customer_id));
  sr_record_window_watch (window, "customers deals quotes attachments housekeepers", fill_customer_window);
  return window;
}
