/* sr-contacts.h — the log of calls and visits: the source of the 来电表 and 来访登记表
 * (one row per contact) and the 销售日动态表 (counts per day and media source). */
#pragma once

#include "sr-context.h"

G_BEGIN_DECLS

typedef struct {
  gint64 id;
  gint64 at;
  char *kind;            /* call, visit */
  gint64 customer_id;    /* 0 for non-business */
  char *customer_name;
  char *phone;           /* main phone, masked unless the person may see it */
  char *receiver;
  gboolean is_business;
  char *media_source;
  char *rule;            /* why this receiver, in the reader's language */
  char *tags;
  char *note;
  gboolean is_late;      /* written down more than half an hour after it happened */
} SrContactRow;

void       sr_contact_row_free    (SrContactRow *row);
/* Calls or visits (@kind "call", "visit", or NULL for both) between two days, inclusive,
 * oldest first. */
GPtrArray *sr_contacts_list       (SrContext    *ctx,
                                   const char   *kind,
                                   const char   *from_day,
                                   const char   *to_day,
                                   GError      **error);

typedef struct {
  char *day;
  char *media_source;    /* "" when not asked */
  guint calls;
  guint visits;
} SrTrafficRow;

void       sr_traffic_row_free    (SrTrafficRow *row);
/* Business calls and visits per day and media source (销售日动态表). */
GPtrArray *sr_contacts_traffic    (SrContext    *ctx,
                                   const char   *from_day,
                                   const char   *to_day,
                                   GError      **error);

G_END_DECLS
