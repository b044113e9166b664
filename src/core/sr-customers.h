/* sr-customers.h — customers: registering with phone checks (撞单), search keys, and
 * reading them back with phones masked for whoever may not see them. */
#pragma once

#include "sr-context.h"
#include "sr-pinyin.h"

G_BEGIN_DECLS

#define SR_TYPE_CUSTOMER (sr_customer_get_type ())
G_DECLARE_FINAL_TYPE (SrCustomer, sr_customer, SR, CUSTOMER, GObject)

/* A customer as the signed-in person may see it. */
struct _SrCustomer
{
  GObject parent_instance;

  gint64 id;
  char *name;
  char *channel;           /* call, walk-in, booth, referral, outreach, telemarketing, online */
  char *grade;             /* A–D or NULL */
  gint64 owner_id;
  char *owner_name;
  gint64 created_at;
  gint64 last_contact_at;
  GStrv phones;            /* main first; masked (138****5678) unless phones_visible */
  gboolean phones_visible;
  gboolean is_problem;     /* an after-sales problem not yet closed: a problem customer */
};

typedef struct {
  const char *name;
  const char *gender;            /* "male", "female" or NULL */
  const char *channel;
  gint64 media_source_id;        /* 0: none */
  const char *grade;             /* NULL: not graded yet */
  gint64 owner_id;               /* 0: none yet */
  const char * const *phones;    /* as typed; NULL-terminated; may be empty */
  gboolean phone_shared_confirmed; /* a manager confirms a phone another customer has */
  gint64 referrer_id;            /* 老带新: the existing customer who brought them */
} SrCustomerInput;

/* The channels' codes, in the office's usual order; NULL-terminated. */
#define SR_N_CHANNELS 7
extern const char * const sr_channel_codes[SR_N_CHANNELS + 1];

const char *sr_channel_get_label      (const char       *code);
gboolean    sr_channel_is_valid       (const char       *code);

/* Whether @session may see the full phone numbers of a customer owned by @owner_id:
 * managers and customer managers all, consultants their own, others none. */
gboolean    sr_customers_may_see_phone (SrSession       *session,
                                        gint64           owner_id);

/* Registers a customer. A phone that a live customer already has is refused with
 * SR_RULE_ERROR_CONFLICT naming that customer and owner, unless shared-phone is
 * confirmed by someone allowed to (SR_ACTION_CONFIRM_SHARED_PHONE). */
gint64      sr_customers_add          (SrContext             *ctx,
                                       const SrCustomerInput *input,
                                       GError               **error);
/* The live customer with this phone (as typed), or NULL without error when none. */
SrCustomer *sr_customers_find_by_phone (SrContext            *ctx,
                                        const char           *phone,
                                        GError              **error);
SrCustomer *sr_customers_get          (SrContext             *ctx,
                                       gint64                 customer_id,
                                       GError               **error);
/* Search by phone fragment (4+ digits), name, full pinyin or initials, through indexed
 * keys. Returns at most @limit customers. */
/* The same search, the ids only (at most @limit, up to 5,000), for filters over many. */
GArray     *sr_customers_search_ids   (SrContext             *ctx,
                                       const char            *text,
                                       guint                  limit,
                                       GError               **error);
GPtrArray  *sr_customers_search       (SrContext             *ctx,
                                       const char            *text,
                                       guint                  limit,
                                       GError               **error);

typedef enum {
  SR_CUSTOMER_SORT_NAME,          /* pinyin order */
  SR_CUSTOMER_SORT_LAST_CONTACT,  /* most recent first */
  SR_CUSTOMER_SORT_GRADE,         /* A first */
  SR_CUSTOMER_SORT_NEWEST,        /* registered most recently first */
  SR_CUSTOMER_SORT_OWNER,         /* by owner, then name */
} SrCustomerSort;

/* The customer list, a page at a time, sorted and filtered in SQL. @owner_id 0: all. */
gboolean    sr_customers_count        (SrContext             *ctx,
                                       gint64                 owner_id,
                                       guint                 *out_count,
                                       GError               **error);
GPtrArray  *sr_customers_page         (SrContext             *ctx,
                                       gint64                 owner_id,
                                       SrCustomerSort         sort,
                                       guint                  offset,
                                       guint                  limit,
                                       GError               **error);

/* The free-text fields of a customer's record, in the order a form shows them. */
typedef struct {
  const char *column;
  const char *label;   /* translated */
} SrCustomerField;

const SrCustomerField *sr_customer_fields (guint *n_fields);

/* column → value of the fields above, plus "name", "grade", "gender", "id_card"
 * (masked unless the person may see it, like phones) and "budget" (fen as text). */
GHashTable *sr_customers_get_details  (SrContext             *ctx,
                                       gint64                 customer_id,
                                       GError               **error);
/* Updates the given columns (any of the above; NULL or "" clears a field). A consultant
 * edits their own customers; supervisors and managers anyone's. The ID-card number is
 * checked (18 characters, the last may be X; or 15 digits). */
gboolean    sr_customers_update_details (SrContext           *ctx,
                                       gint64                 customer_id,
                                       GHashTable            *values,
                                       GError               **error);
char       *sr_id_card_mask           (const char            *id_card);

/* One line of a customer's history: a call, a visit, or a change of owner. */
typedef struct {
  gint64 at;
  char *what;     /* "Visit", "Call", "Owner" in the person's language */
  char *who;      /* the receiver, or the new owner */
  char *detail;   /* the rule, the reason, the note */
} SrTimelineEntry;

void        sr_timeline_entry_free    (SrTimelineEntry       *entry);
/* Newest first. */
GPtrArray  *sr_customers_timeline     (SrContext             *ctx,
                                       gint64                 customer_id,
                                       GError               **error);

/* Whether the owner's claim has lapsed (rule 9): no contact of the owner's own — their
 * reception, call, visit, or the transfer to them — for the office's lapse days
 * (setting "ownership.lapse_days", default 7), counted in calendar days. */
gboolean    sr_customers_owner_lapsed (SrContext             *ctx,
                                       gint64                 customer_id,
                                       gboolean              *out_lapsed,
                                       GError               **error);
/* A manager's transfer by hand, with a reason (SR_ACTION_TRANSFER_OWNERSHIP). */
gboolean    sr_customers_transfer     (SrContext             *ctx,
                                       gint64                 customer_id,
                                       gint64                 to_staff_id,
                                       const char            *reason,
                                       GError               **error);
/* All of one person's customers to another (someone leaves); returns how many. */
gint64      sr_customers_transfer_all (SrContext             *ctx,
                                       gint64                 from_staff_id,
                                       gint64                 to_staff_id,
                                       const char            *reason,
                                       GError               **error);

/* Writes the search keys of one customer (the caller holds the transaction). Used by
 * sr_customers_add and the demo generator. */
gboolean    sr_customers_write_keys   (SrDb                  *db,
                                       SrPinyin              *pinyin,
                                       gint64                 customer_id,
                                       const char            *name,
                                       const char * const    *normalised_phones,
                                       GError               **error);

G_END_DECLS
