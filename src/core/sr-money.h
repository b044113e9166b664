/* sr-money.h — money in integer fen and areas in integer hundredths of m².
 * Never floating point. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef gint64 SrFen;

/* ¥12,345.00 (negative: -¥12.00) */
char     *sr_money_format     (SrFen        fen);
/* Accepts 12345, 12345.6, 12,345.67, ¥12,345.67; refuses more than two decimals. */
gboolean  sr_money_parse      (const char  *text,
                               SrFen       *out_fen,
                               GError     **error);
/* 89.50 */
char     *sr_area_format      (gint64       centi);
gboolean  sr_area_parse       (const char  *text,
                               gint64      *out_centi,
                               GError     **error);
/* total price of @area_centi m² at @fen_per_m2, rounded to the nearest yuan */
SrFen     sr_price_total      (gint64       area_centi,
                               SrFen        fen_per_m2);
/* per-m² price derived from the authoritative total, rounded to the fen */
SrFen     sr_price_per_m2     (SrFen        total,
                               gint64       area_centi);

/* The amount in Chinese capital numerals (人民币大写) by the national convention for
 * receipts: ¥12,000.00 → 壹万贰仟元整, ¥10,200.05 → 壹万零贰佰元零伍分, ¥0.50 → 伍角,
 * ¥0.00 → 零元整. One 零 stands for a run of zeros; a section of 万 or 亿 that starts
 * with zeros is joined by 零; 整 follows 元 only. Refused (INVALID) below 0 or above
 * ¥9,999,999,999.99. */
char     *sr_money_to_chinese (SrFen        fen,
                               GError     **error);
/* Reads an amount written in capital numerals (壹万零贰佰元零伍分) back into fen, as a
 * cashier checks a receipt; anything that is not such an amount is refused (INVALID). */
gboolean  sr_money_from_chinese (const char *text,
                                 SrFen      *out_fen,
                                 GError    **error);

G_END_DECLS
