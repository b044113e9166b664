#include "config.h"

#include <glib/gi18n.h>

#include "sr-customer-list-model.h"

#define PAGE_SIZE 100
#define MAX_PAGES 30

struct _SrCustomerListModel
{
  GObject parent_instance;

  SrContext *ctx;
  gint64 owner_id;
  SrCustomerSort sort;
  guint n_items;
  GHashTable *pages; /* page number → GPtrArray of SrCustomer */
};

static GType
get_item_type (GListModel *model)
{
  return SR_TYPE_CUSTOMER;
}

static guint
get_n_items (GListModel *model)
{
  return SR_CUSTOMER_LIST_MODEL (model)->n_items;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  SrCustomerListModel *self = SR_CUSTOMER_LIST_MODEL (model);
  guint page = position / PAGE_SIZE;
  GPtrArray *rows;

  if (position >= self->n_items)
    return NULL;
  rows = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (rows == NULL)
    {
      g_autoptr(GError) error = NULL;

      if (g_hash_table_size (self->pages) >= MAX_PAGES)
        g_hash_table_remove_all (self->pages);
      rows = sr_customers_page (self->ctx, self->owner_id, self->sort, page * PAGE_SIZE,
                                PAGE_SIZE, &error);
      if (rows == NULL)
        {
          g_warning ("Could not read customers: %s", error->message);
          rows = g_ptr_array_new_with_free_func (g_object_unref);
        }
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), rows);
    }
  if (position % PAGE_SIZE < rows->len)
    return g_object_ref (g_ptr_array_index (rows, position % PAGE_SIZE));
  /* The table shrank under us (another PC): an empty row until the next reload. */
  {
    SrCustomer *empty = g_object_new (SR_TYPE_CUSTOMER, NULL);
    empty->name = g_strdup ("…");
    return empty;
  }
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (SrCustomerListModel, sr_customer_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
sr_customer_list_model_finalize (GObject *object)
{
  SrCustomerListModel *self = SR_CUSTOMER_LIST_MODEL (object);

  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_object (&self->ctx);
  G_OBJECT_CLASS (sr_customer_list_model_parent_class)->finalize (object);
}

static void
sr_customer_list_model_class_init (SrCustomerListModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sr_customer_list_model_finalize;
}

static void
sr_customer_list_model_init (SrCustomerListModel *self)
{
  self->pages = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                       (GDestroyNotify) g_ptr_array_unref);
}

SrCustomerListModel *
sr_customer_list_model_new (SrContext *ctx)
{
  SrCustomerListModel *self = g_object_new (SR_TYPE_CUSTOMER_LIST_MODEL, NULL);

  self->ctx = g_object_ref (ctx);
  sr_customer_list_model_reload (self, 0, SR_CUSTOMER_SORT_NAME);
  return self;
}

void
sr_customer_list_model_reload (SrCustomerListModel *self,
                               gint64               owner_id,
                               SrCustomerSort       sort)
{
  g_autoptr(GError) error = NULL;
  guint old = self->n_items;
  guint count = 0;

  self->owner_id = owner_id;
  self->sort = sort;
  g_hash_table_remove_all (self->pages);
  if (!sr_customers_count (self->ctx, owner_id, &count, &error))
    g_warning ("Could not count customers: %s", error->message);
  self->n_items = count;
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old, count);
}
