/* sr-paged-model.c — see sr-paged-model.h. */
#include "config.h"

#include "sr-paged-model.h"

#define PAGE_SIZE 100
#define MAX_PAGES 30

struct _SrPagedModel
{
  GObject parent_instance;

  GType item_type;
  guint n_items;
  SrPageReadFunc read;
  gpointer data;
  GDestroyNotify free_data;
  GHashTable *pages; /* page number → GPtrArray of items */
};

static GType
get_item_type (GListModel *model)
{
  return SR_PAGED_MODEL (model)->item_type;
}

static guint
get_n_items (GListModel *model)
{
  return SR_PAGED_MODEL (model)->n_items;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  SrPagedModel *self = SR_PAGED_MODEL (model);
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
      rows = self->read (self->data, page * PAGE_SIZE, PAGE_SIZE, &error);
      if (rows == NULL)
        {
          g_warning ("Could not read a page of rows: %s", error != NULL ? error->message : "?");
          rows = g_ptr_array_new_with_free_func (g_object_unref);
        }
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), rows);
    }
  if (position % PAGE_SIZE < rows->len)
    return g_object_ref (g_ptr_array_index (rows, position % PAGE_SIZE));
  return g_object_new (self->item_type, NULL);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (SrPagedModel, sr_paged_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
sr_paged_model_finalize (GObject *object)
{
  SrPagedModel *self = SR_PAGED_MODEL (object);

  g_clear_pointer (&self->pages, g_hash_table_unref);
  if (self->free_data != NULL)
    self->free_data (self->data);
  G_OBJECT_CLASS (sr_paged_model_parent_class)->finalize (object);
}

static void
sr_paged_model_class_init (SrPagedModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sr_paged_model_finalize;
}

static void
sr_paged_model_init (SrPagedModel *self)
{
  self->pages = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
}

SrPagedModel *
sr_paged_model_new (GType           item_type,
                    guint           n_items,
                    SrPageReadFunc  read,
                    gpointer        data,
                    GDestroyNotify  free_data)
{
  SrPagedModel *self = g_object_new (SR_TYPE_PAGED_MODEL, NULL);

  self->item_type = item_type;
  self->n_items = n_items;
  self->read = read;
  self->data = data;
  self->free_data = free_data;
  return self;
}

typedef struct {
  guint position;
  gpointer item;
} Replacement;

guint
sr_paged_model_replace_items (SrPagedModel *self,
                              GPtrArray    *fresh,
                              SrSameItemFunc same)
{
  g_autoptr(GArray) replaced = g_array_new (FALSE, FALSE, sizeof (Replacement));
  GHashTableIter iter;
  gpointer key, value;

  /* The rows read already: each that is one of @fresh takes its place. (Signalled after
   * the pages are walked: a list that hears may read another page meanwhile.) */
  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *rows = value;
      for (guint i = 0; i < rows->len; i++)
        for (guint f = 0; f < fresh->len; f++)
          if (same (g_ptr_array_index (rows, i), g_ptr_array_index (fresh, f)))
            {
              Replacement r = { GPOINTER_TO_UINT (key) * PAGE_SIZE + i, g_ptr_array_index (fresh, f) };
              g_object_unref (g_ptr_array_index (rows, i));
              g_ptr_array_index (rows, i) = g_object_ref (r.item);
              g_array_append_val (replaced, r);
              break;
            }
    }
  for (guint k = 0; k < replaced->len; k++)
    g_list_model_items_changed (G_LIST_MODEL (self), g_array_index (replaced, Replacement, k).position, 1, 1);
  return replaced->len;
}
