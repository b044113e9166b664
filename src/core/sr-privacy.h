/* sr-privacy.h — a person's rights under PIPL (个人信息保护法): where their information came
 * from, everything held about them in one file, and erasure on request, by anonymising
 * their personal fields while deals, units, money and the audit log stay consistent; lost
 * leads without a deal anonymised after the office's retention period. */
#pragma once

#include "sr-context.h"

G_BEGIN_DECLS

/* Where a customer's information came from: channel, when and who registered them. */
typedef struct {
  char *channel;          /* its label */
  gint64 registered_at;
  char *registered_by;    /* the staff member's name, or "—" */
  char *media_source;     /* NULL: none */
  gint64 erased_at;       /* 0: not erased */
} SrDataSource;

void      sr_data_source_clear      (SrDataSource *source);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SrDataSource, sr_data_source_clear)

gboolean  sr_privacy_source         (SrContext    *ctx,
                                     gint64        customer_id,
                                     SrDataSource *out,
                                     GError      **error);
/* Everything held about the customer, as one JSON file: their record and phones, and every
 * row that is about them (contacts, follow-ups, appointments, bookings, deals with their
 * plans and receipts, problems, visits, files' names and sizes, …) and the audit log's
 * rows about their record. Checks SR_ACTION_HANDLE_PERSONAL_DATA; audited. Returns the
 * number of rows written, or -1. */
gint64    sr_privacy_export         (SrContext    *ctx,
                                     gint64        customer_id,
                                     const char   *path,
                                     GError      **error);
/* Erases the customer: name, phones, ID-card number, personal details and notes are taken
 * out wherever they were written (free texts and the audit log included); deals, units,
 * money, stages and counts stay. @asked_by says who asked (the person, their lawyer, …).
 * Checks SR_ACTION_HANDLE_PERSONAL_DATA (the signed-in manager approves); audited without
 * the details. Backups made before keep the details until they are dropped. */
gboolean  sr_privacy_erase          (SrContext    *ctx,
                                     gint64        customer_id,
                                     const char   *asked_by,
                                     const char   *reason,
                                     GError      **error);
/* Lost leads with no deal, lost for longer than the office's retention period (setting
 * privacy.lost_retention_days; 0 or missing: never), are erased, at most @limit at a time;
 * returns how many, or -1. Salesroom's own act: no permission is checked. */
gint64    sr_privacy_sweep_lost     (SrContext    *ctx,
                                     guint         limit,
                                     GError      **error);

G_END_DECLS
