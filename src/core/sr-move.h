/* sr-move.h — moving an office from its database file to the office server.
 *
 * `salesroom migrate --from FILE.db --to postgresql://…`: every table, the audit log
 * included, copied in one transaction on the server, then counted and summed on both sides
 * before it commits. An empty target only: a server database that holds an office already
 * is refused, untouched.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  char *table;
  gint64 rows_from;
  gint64 rows_to;
  char *sum_from;      /* a checksum of the rows, whatever their order (hex) */
  char *sum_to;
} SrMovedTable;

void sr_moved_table_free (SrMovedTable *table);

/* Called after each table with how many tables are done of how many. */
typedef void (*SrMoveProgress) (const char *table,
                                guint       done,
                                guint       total,
                                gpointer    user_data);

/* The tables moved, each verified (same rows, same sums); NULL with @error when anything
 * failed, and then nothing was written to the server. */
GPtrArray *sr_move_office (const char      *from_path,
                           const char      *to_uri,
                           SrMoveProgress   progress,
                           gpointer         user_data,
                           GError         **error);

G_END_DECLS
