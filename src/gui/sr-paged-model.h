/* sr-paged-model.h — a GListModel of rows read from SQL a page at a time, when a list
 * view asks for them: thousands of rows cost the pages on screen. The caller gives the
 * count and a function that reads one page. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Reads @limit rows from @offset (a GPtrArray of @item_type objects), or NULL with @error. */
typedef GPtrArray *(*SrPageReadFunc) (gpointer   data,
                                      guint      offset,
                                      guint      limit,
                                      GError   **error);

#define SR_TYPE_PAGED_MODEL (sr_paged_model_get_type ())
G_DECLARE_FINAL_TYPE (SrPagedModel, sr_paged_model, SR, PAGED_MODEL, GObject)

/* @n_items rows of @item_type; @read gets @data (freed with @free_data). A row the table
 * no longer has (another PC removed it) is a new @item_type object until the next model. */
SrPagedModel *sr_paged_model_new (GType           item_type,
                                  guint           n_items,
                                  SrPageReadFunc  read,
                                  gpointer        data,
                                  GDestroyNotify  free_data);

/* Whether @old (a row read before) and @fresh are the same record. */
typedef gboolean (*SrSameItemFunc) (gpointer old,
                                    gpointer fresh);

/* Another PC changed some records: each of @fresh that is among the rows read already
 * takes its place, where it is (the list keeps its scroll); the rows not read yet will be
 * read as they are. Returns how many were replaced. */
guint sr_paged_model_replace_items (SrPagedModel   *self,
                                    GPtrArray      *fresh,
                                    SrSameItemFunc  same);

G_END_DECLS
