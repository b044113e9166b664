/* sr-sales-report.c — see sr-sales-report.h. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "sr-error.h"
#include "sr-office.h"
#include "sr-sales-report.h"

enum { SEC_BUILDING, SEC_TYPE, SEC_AREA, SEC_FLOOR, SEC_PRICE, N_SECTIONS };

static void
line_clear (SrSalesLine *line)
{
  g_clear_pointer (&line->label, g_free);
}

static void
line_free (SrSalesLine *line)
{
  line_clear (line);
  g_free (line);
}

static void
section_free (SrSalesSection *section)
{
  g_free (section->title);
  g_ptr_array_unref (section->lines);
  g_free (section);
}

void
sr_sales_report_free (SrSalesReport *report)
{
  if (report == NULL)
    return;
  g_free (report->day);
  line_clear (&report->total);
  g_clear_pointer (&report->sections, g_ptr_array_unref);
  g_free (report);
}

GArray *
sr_sales_bands_parse (const char  *text,
                      GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (text != NULL ? text : "", ",", -1);
  g_autoptr(GArray) bounds = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *end = NULL;
      gint64 v = g_ascii_strtoll (g_strstrip (parts[i]), &end, 10);
      if (*parts[i] == '\0' || *end != '\0' || v <= 0 ||
          (bounds->len > 0 && v <= g_array_index (bounds, gint64, bounds->len - 1)))
        {
          g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                       _("Bands are whole numbers, rising, separated by commas (e.g. 90,120,144)."));
          return NULL;
        }
      g_array_append_val (bounds, v);
    }
  return g_steal_pointer (&bounds);
}

/* Bounds from a setting; the default when the setting does not parse. */
static GArray *
bands (SrContext  *ctx,
       const char *key,
       const char *fallback)
{
  g_autofree char *text = sr_settings_get (ctx, key, fallback);
  GArray *bounds = sr_sales_bands_parse (text, NULL);

  return bounds != NULL ? bounds : sr_sales_bands_parse (fallback, NULL);
}

static guint
band_of (GArray *bounds,
         gint64  value)
{
  guint i = 0;

  while (i < bounds->len && value >= g_array_index (bounds, gint64, i))
    i++;
  return i;
}

/* "under 90 m²", "90–120 m²", "144 m² and over"; floors read "below floor 6",
 * "floors 6–11", "floor 18 and up". */
static char *
band_label (GArray  *bounds,
            guint    i,
            gboolean is_floor,
            const char *unit)
{
  gint64 lo = i > 0 ? g_array_index (bounds, gint64, i - 1) : 0;
  gint64 hi = i < bounds->len ? g_array_index (bounds, gint64, i) : 0;

  if (bounds->len == 0)
    return g_strdup (_("All"));
  if (is_floor)
    {
      if (i == 0)
        return g_strdup_printf (_("below floor %d"), (int) hi);
      if (i == bounds->len)
        return g_strdup_printf (_("floor %d and up"), (int) lo);
      return g_strdup_printf (_("floors %d–%d"), (int) lo, (int) hi - 1);
    }
  if (i == 0)
    return g_strdup_printf (_("under %d %s"), (int) hi, unit);
  if (i == bounds->len)
    return g_strdup_printf (_("%d %s and over"), (int) lo, unit);
  return g_strdup_printf ("%d–%d %s", (int) lo, (int) hi, unit);
}

typedef struct {
  GHashTable *index;   /* label → SrSalesLine in lines */
  GPtrArray *lines;
} Group;

static SrSalesLine *
group_line (Group      *g,
            const char *label)
{
  SrSalesLine *line = g_hash_table_lookup (g->index, label);

  if (line == NULL)
    {
      line = g_new0 (SrSalesLine, 1);
      line->label = g_strdup (label);
      g_ptr_array_add (g->lines, line);
      g_hash_table_insert (g->index, line->label, line);
    }
  return line;
}

/* The label of every group a unit falls in. */
static void
labels_of (char       **out,
           const char  *building,
           const char  *type,
           gint64       area_centi,
           int          floor,
           SrFen        price_fen,
           GArray      *area_bands,
           GArray      *floor_bands,
           GArray      *price_bands,
           char       **band_names[3])
{
  out[SEC_BUILDING] = (char *) building;
  out[SEC_TYPE] = (char *) (*type != '\0' ? type : _("(no type)"));
  out[SEC_AREA] = band_names[0][band_of (area_bands, area_centi / 100)];
  out[SEC_FLOOR] = band_names[1][band_of (floor_bands, floor)];
  out[SEC_PRICE] = band_names[2][band_of (price_bands, price_fen / 1000000)];
}

SrSalesReport *
sr_sales_report_new (SrContext   *ctx,
                     const char  *day,
                     GError     **error)
{
  static const char *titles[N_SECTIONS] = {
    N_("By building"), N_("By unit type"), N_("By area"), N_("By floor"), N_("By price"),
  };
  g_autoptr(SrSalesReport) report = g_new0 (SrSalesReport, 1);
  g_autoptr(GArray) area_bands = bands (ctx, "report.area_bands", "90,120,144");
  g_autoptr(GArray) floor_bands = bands (ctx, "report.floor_bands", "6,12,18");
  g_autoptr(GArray) price_bands = bands (ctx, "report.price_bands", "100,150,200");
  char **band_names[3];
  GArray *all_bands[3] = { area_bands, floor_bands, price_bands };
  const char *band_units[3] = { "m²", NULL, _("×10k ¥") };
  Group groups[N_SECTIONS];
  g_autoptr(SrStmt) stmt = NULL;
  GDate date;
  SrStep step;

  if (day == NULL || !sr_day_parse (day, &date))
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("Give the date (YYYY-MM-DD)."));
      return NULL;
    }
  report->day = g_strdup (day);
  report->total.label = g_strdup (_("Total"));
  for (guint b = 0; b < 3; b++)
    {
      band_names[b] = g_new0 (char *, all_bands[b]->len + 2);
      for (guint i = 0; i <= all_bands[b]->len; i++)
        band_names[b][i] = band_label (all_bands[b], i, b == 1, band_units[b]);
    }
  for (guint s = 0; s < N_SECTIONS; s++)
    {
      groups[s].index = g_hash_table_new (g_str_hash, g_str_equal);
      groups[s].lines = g_ptr_array_new_with_free_func ((GDestroyNotify) line_free);
      /* Bands are listed in order, empty ones included, so days compare line by line. */
      if (s >= SEC_AREA)
        for (guint i = 0; i <= all_bands[s - SEC_AREA]->len; i++)
          group_line (&groups[s], band_names[s - SEC_AREA][i]);
    }

  /* Every unit once: its groups, whether it is for sale, and its live sale if any. */
  stmt = sr_db_prepare (sr_context_get_db (ctx),
                        "SELECT p.name || ' ' || b.name, u.unit_type, u.area_centi, u.floor, u.price_fen, u.status, "
                        " d.subscribed_on, coalesce (d.price_fen, d.list_price_fen - d.discount_fen) "
                        "FROM units u JOIN buildings b ON b.id = u.building_id JOIN projects p ON p.id = b.project_id "
                        "LEFT JOIN deals d ON d.unit_id = u.id AND d.state IN ('subscribed', 'signed', 'delivered') "
                        "ORDER BY p.id, b.position, b.id", error);
  if (stmt == NULL)
    goto out;
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      char *labels[N_SECTIONS];
      const char *status = sr_stmt_get_text (stmt, 5);
      const char *subscribed_on = sr_stmt_get_text (stmt, 6);
      gint64 area = sr_stmt_get_int (stmt, 2);
      SrFen amount = sr_stmt_get_int (stmt, 7);
      gboolean sold = subscribed_on != NULL && g_strcmp0 (subscribed_on, day) <= 0;
      gboolean today = sold && g_strcmp0 (subscribed_on, day) == 0;

      labels_of (labels, sr_stmt_get_text (stmt, 0), sr_stmt_get_text (stmt, 1), area,
                 (int) sr_stmt_get_int (stmt, 3), sr_stmt_get_int (stmt, 4), area_bands, floor_bands,
                 price_bands, band_names);
      for (guint s = 0; s <= N_SECTIONS; s++)
        {
          SrSalesLine *line = s < N_SECTIONS ? group_line (&groups[s], labels[s]) : &report->total;
          if (g_strcmp0 (status, "available") == 0)
            line->available_units++;
          if (sold)
            {
              line->total_units++;
              line->total_area_centi += area;
              line->total_fen += amount;
            }
          if (today)
            {
              line->today_units++;
              line->today_area_centi += area;
              line->today_fen += amount;
            }
        }
    }
  if (step == SR_STEP_ERROR)
    goto out;

  report->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) section_free);
  for (guint s = 0; s < N_SECTIONS; s++)
    {
      SrSalesSection *section = g_new0 (SrSalesSection, 1);
      section->title = g_strdup (_(titles[s]));
      section->lines = g_ptr_array_ref (groups[s].lines);
      g_ptr_array_add (report->sections, section);
    }

out:
  for (guint s = 0; s < N_SECTIONS; s++)
    {
      g_hash_table_unref (groups[s].index);
      g_ptr_array_unref (groups[s].lines);
    }
  for (guint b = 0; b < 3; b++)
    g_strfreev (band_names[b]);
  if (report->sections == NULL)
    return NULL;
  return g_steal_pointer (&report);
}
