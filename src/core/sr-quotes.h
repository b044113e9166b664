/* sr-quotes.h — quotes (项目报价预算) and the renderings and drawings attached to a customer
 * (PRODUCT.md "The pipeline board": a decoration customer's quotes are kept as versions
 * with their amounts; 效果图 and 施工图 are stored in the database).
 *
 * Quotes are numbered per customer from 1 and never changed: a new price is a new
 * version. Attachments are stored whole with a small PNG thumbnail the screen makes; a
 * listing never reads the files' bytes. A wrong attachment is voided, not deleted. Both
 * are the owner's to add (SR_ACTION_FOLLOW_UP; customer managers and managers anyone's).
 */
#pragma once

#include "sr-context.h"
#include "sr-money.h"

G_BEGIN_DECLS

typedef struct {
  gint64 id;
  int version;
  SrFen amount_fen;
  char *note;
  char *by_name;
  gint64 at;
} SrQuote;

void        sr_quote_free              (SrQuote     *quote);

/* Adds the next version of the customer's quote; returns its version number (0 on error). */
int         sr_quotes_add              (SrContext   *ctx,
                                        gint64       customer_id,
                                        SrFen        amount_fen,
                                        const char  *note,
                                        GError     **error);

/* The customer's quotes, the newest version first. */
GPtrArray  *sr_quotes_list             (SrContext   *ctx,
                                        gint64       customer_id,
                                        GError     **error);

/* Attachments --------------------------------------------------------------------------- */

#define SR_ATTACHMENT_MAX_SIZE (50 * 1024 * 1024)

typedef struct {
  gint64 id;
  char *kind;               /* rendering, drawing */
  char *file_name;
  char *content_type;
  gint64 size;
  char *by_name;
  gint64 at;
  GBytes *thumbnail;        /* a PNG; NULL when the file is not a picture */
} SrAttachment;

void        sr_attachment_free         (SrAttachment *attachment);
const char *sr_attachment_kind_get_label (const char *kind);

/* Stores a file (at most SR_ATTACHMENT_MAX_SIZE) for the customer; @thumbnail may be NULL.
 * Returns the attachment's id. */
gint64      sr_attachments_add         (SrContext   *ctx,
                                        gint64       customer_id,
                                        const char  *kind,
                                        const char  *file_name,
                                        const char  *content_type,
                                        GBytes      *data,
                                        GBytes      *thumbnail,
                                        GError     **error);

/* The customer's attachments (not voided), newest first, without their bytes. */
GPtrArray  *sr_attachments_list        (SrContext   *ctx,
                                        gint64       customer_id,
                                        GError     **error);

/* An attachment's bytes, with its file name. */
GBytes     *sr_attachments_read        (SrContext   *ctx,
                                        gint64       attachment_id,
                                        char       **out_file_name,
                                        GError     **error);

/* Voids a wrong attachment (the owner, customer managers, managers). */
gboolean    sr_attachments_void        (SrContext   *ctx,
                                        gint64       attachment_id,
                                        GError     **error);

G_END_DECLS
