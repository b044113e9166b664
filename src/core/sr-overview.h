/* sr-overview.h — the figures of the manager's overview (issue 9), from core queries:
 * calls and visits by media source and by hour, the rotation's fairness (new customers
 * received in turn per person), units by status per building with the held share, sales
 * per day, money received against plan and overdue, open problems by age, and the
 * owners' profile (seed 002). Each is a plain table of labelled numbers; the screen draws
 * them. No GTK.
 */
#pragma once

#include "sr-context.h"
#include "sr-money.h"

G_BEGIN_DECLS

/* A labelled row of up to four numbers (what each means is said per query). */
typedef struct {
  char *label;
  gint64 v[4];
} SrFigure;

void        sr_figure_free                  (SrFigure *figure);

/* Per media source (and "—" for none): v[0] calls, v[1] visits, business contacts only,
 * between the days (inclusive). Sources without any are left out. */
GPtrArray  *sr_overview_contacts_by_media   (SrContext   *ctx,
                                             const char  *from_day,
                                             const char  *to_day,
                                             GError     **error);
/* Per media source, what its customers brought in the period: v[0] subscriptions, v[1]
 * signings (the media effect of seed 002). Sources with neither are left out. */
GPtrArray  *sr_overview_media_effect        (SrContext   *ctx,
                                             const char  *from_day,
                                             const char  *to_day,
                                             GError     **error);
/* The business contacts behind a bar: between the days, of the media source called
 * @media ("—" for none; NULL: any) and begun in @hour (-1: any), oldest first, at most
 * @limit. Each row: label "时间 · 来电/来访 · 客户 · 接待人", v[0] the customer (0: none). */
GPtrArray  *sr_overview_contacts_list       (SrContext   *ctx,
                                             const char  *from_day,
                                             const char  *to_day,
                                             const char  *media,
                                             int          hour,
                                             guint        limit,
                                             GError     **error);
/* 24 rows, "00" to "23": v[0] calls, v[1] visits (business) begun in that hour, local time. */
GPtrArray  *sr_overview_contacts_by_hour    (SrContext   *ctx,
                                             const char  *from_day,
                                             const char  *to_day,
                                             GError     **error);
/* The notes the desk wrote on business contacts between the days (what customers asked
 * about, 客户关注问题 of seed 002's 销售日动态表): v[0] how often, most first, at most 12. */
GPtrArray  *sr_overview_contact_notes       (SrContext   *ctx,
                                             const char  *from_day,
                                             const char  *to_day,
                                             GError     **error);
/* Per person who received any: v[0] new customers received in turn, v[1] returning
 * customers, v[2] out of turn or overflow — the rotation's fairness. */
GPtrArray  *sr_overview_receptions          (SrContext   *ctx,
                                             const char  *from_day,
                                             const char  *to_day,
                                             GError     **error);
/* Per building: v[0] for sale, v[1] withheld, v[2] reserved or pending, v[3] sold
 * (subscribed, signed or delivered). */
GPtrArray  *sr_overview_units_by_status     (SrContext   *ctx,
                                             GError     **error);
/* Per day with a subscription: v[0] units, v[1] area (hundredths of m²), v[2] amount (fen). */
GPtrArray  *sr_overview_sales_per_day       (SrContext   *ctx,
                                             const char  *from_day,
                                             const char  *to_day,
                                             GError     **error);

typedef struct {
  SrFen planned_fen;          /* plan items due between the days */
  SrFen received_fen;         /* payments received between the days, less refunds */
  SrFen overdue_fen;          /* still open on items due before the last day, at its end */
} SrMoneyFigures;

gboolean    sr_overview_money               (SrContext      *ctx,
                                             const char     *from_day,
                                             const char     *to_day,
                                             SrMoneyFigures *out,
                                             GError        **error);
/* Problems not closed on @day by how long they have been open: "<7", "7-30", "30-90",
 * ">90" days; v[0] the count. Always four rows. */
GPtrArray  *sr_overview_problems_by_age     (SrContext   *ctx,
                                             const char  *day,
                                             GError     **error);
/* The owners (customers with a confirmed deposit) by one of their record's fields:
 * "occupation", "income_band", "education", "residence_area", "purchase_motive" or
 * "media"; v[0] the count, most first; "" for not filled in. */
GPtrArray  *sr_overview_owner_profile       (SrContext   *ctx,
                                             const char  *field,
                                             GError     **error);

G_END_DECLS
