/* sr-supply-demand.c — see sr-supply-demand.h. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "sr-office.h"
#include "sr-sales-report.h"
#include "sr-supply-demand.h"

static void
line_free (SrSupplyLine *line)
{
  g_free (line->label);
  g_free (line);
}

void
sr_supply_demand_free (SrSupplyDemand *sd)
{
  if (sd == NULL)
    return;
  g_clear_pointer (&sd->by_type, g_ptr_array_unref);
  g_clear_pointer (&sd->by_area, g_ptr_array_unref);
  g_free (sd);
}

int
sr_wanted_area_parse (const char *text)
{
  const char *p = text;
  long first, second;
  char *end;

  if (p == NULL)
    return 0;
  while (*p != '\0' && !g_ascii_isdigit (*p))
    p++;
  if (*p == '\0')
    return 0;
  first = strtol (p, &end, 10);
  p = end;
  /* A range: 90-120, 90–120, 90~120, 90至120. */
  while (*p == ' ')
    p++;
  if (g_str_has_prefix (p, "-") || g_str_has_prefix (p, "~") || g_str_has_prefix (p, "–") ||
      g_str_has_prefix (p, "～") || g_str_has_prefix (p, "至") || g_str_has_prefix (p, "到"))
    {
      p = g_utf8_next_char (p);
      while (*p == ' ')
        p++;
      if (g_ascii_isdigit (*p))
        {
          second = strtol (p, NULL, 10);
          if (second > first)
            return (int) ((first + second) / 2);
        }
    }
  return first > 0 && first < 10000 ? (int) first : 0;
}

static SrSupplyLine *
line_for (GPtrArray  *lines,
          GHashTable *index,
          const char *label)
{
  SrSupplyLine *line = g_hash_table_lookup (index, label);

  if (line == NULL)
    {
      line = g_new0 (SrSupplyLine, 1);
      line->label = g_strdup (label);
      g_ptr_array_add (lines, line);
      g_hash_table_insert (index, line->label, line);
    }
  return line;
}

static int
compare_labels (gconstpointer a,
                gconstpointer b)
{
  const SrSupplyLine *x = *(SrSupplyLine * const *) a, *y = *(SrSupplyLine * const *) b;
  return g_strcmp0 (x->label, y->label);
}

static char *
area_band_label (GArray *bounds,
                 guint   i)
{
  if (i == 0)
    return g_strdup_printf (_("under %d %s"), (int) g_array_index (bounds, gint64, 0), "m²");
  if (i == bounds->len)
    return g_strdup_printf (_("%d %s and over"), (int) g_array_index (bounds, gint64, i - 1), "m²");
  return g_strdup_printf ("%d–%d m²", (int) g_array_index (bounds, gint64, i - 1),
                          (int) g_array_index (bounds, gint64, i));
}

SrSupplyDemand *
sr_supply_demand_new (SrContext  *ctx,
                      GError    **error)
{
  g_autoptr(SrSupplyDemand) sd = g_new0 (SrSupplyDemand, 1);
  g_autoptr(GHashTable) types = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *bands_text = sr_settings_get (ctx, "report.area_bands", "90,120,144");
  g_autoptr(GArray) bounds = sr_sales_bands_parse (bands_text, NULL);
  g_autoptr(SrStmt) stmt = NULL;
  const char *not_said = _("(not said)");
  SrStep step;

  if (bounds == NULL || bounds->len == 0)
    bounds = sr_sales_bands_parse ("90,120,144", NULL);
  sd->by_type = g_ptr_array_new_with_free_func ((GDestroyNotify) line_free);
  sd->by_area = g_ptr_array_new_with_free_func ((GDestroyNotify) line_free);
  for (guint i = 0; i <= bounds->len; i++)
    {
      SrSupplyLine *line = g_new0 (SrSupplyLine, 1);
      line->label = area_band_label (bounds, i);
      g_ptr_array_add (sd->by_area, line);
    }

  /* Supply: units for sale and withheld. */
  stmt = sr_db_prepare (sr_context_get_db (ctx),
                        "SELECT unit_type, area_centi / 100, status FROM units WHERE status IN ('available', 'held')",
                        error);
  if (stmt == NULL)
    return NULL;
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      const char *type = sr_stmt_get_text (stmt, 0);
      gboolean held = g_strcmp0 (sr_stmt_get_text (stmt, 2), "held") == 0;
      guint band = 0;
      SrSupplyLine *t = line_for (sd->by_type, types, type != NULL && *type != '\0' ? type : not_said);
      SrSupplyLine *a;
      while (band < bounds->len && sr_stmt_get_int (stmt, 1) >= g_array_index (bounds, gint64, band))
        band++;
      a = g_ptr_array_index (sd->by_area, band);
      if (held)
        {
          t->held++;
          a->held++;
        }
      else
        {
          t->available++;
          a->available++;
        }
    }
  if (step == SR_STEP_ERROR)
    return NULL;
  g_clear_pointer (&stmt, sr_stmt_done);

  /* Demand: live customers without a live sale. */
  stmt = sr_db_prepare (sr_context_get_db (ctx),
                        "SELECT c.grade, c.intention_unit_type, c.intention_area FROM customers c "
                        "WHERE c.is_voided = 0 AND NOT EXISTS (SELECT 1 FROM deals d WHERE d.customer_id = c.id "
                        " AND d.state IN ('pending', 'subscribed', 'signed', 'delivered'))", error);
  if (stmt == NULL)
    return NULL;
  {
    SrSupplyLine *area_unknown = g_new0 (SrSupplyLine, 1);
    area_unknown->label = g_strdup (not_said);
    g_ptr_array_add (sd->by_area, area_unknown);
  }
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      const char *grade = sr_stmt_get_text (stmt, 0);
      const char *type = sr_stmt_get_text (stmt, 1);
      int area = sr_wanted_area_parse (sr_stmt_get_text (stmt, 2));
      int g = grade != NULL && grade[0] >= 'A' && grade[0] <= 'D' ? grade[0] - 'A' : SR_DEMAND_UNGRADED;
      guint band = 0;
      SrSupplyLine *t = line_for (sd->by_type, types, type != NULL && *type != '\0' ? type : not_said);

      t->demand[g]++;
      if (area > 0)
        while (band < bounds->len && area >= g_array_index (bounds, gint64, band))
          band++;
      else
        band = bounds->len + 1;   /* (not said) */
      ((SrSupplyLine *) g_ptr_array_index (sd->by_area, band))->demand[g]++;
    }
  if (step == SR_STEP_ERROR)
    return NULL;
  g_ptr_array_sort (sd->by_type, compare_labels);
  /* "(not said)" last. */
  for (guint i = 0; i < sd->by_type->len; i++)
    if (g_strcmp0 (((SrSupplyLine *) g_ptr_array_index (sd->by_type, i))->label, not_said) == 0)
      {
        gpointer line = g_ptr_array_steal_index (sd->by_type, i);
        g_ptr_array_add (sd->by_type, line);
        break;
      }
  return g_steal_pointer (&sd);
}
