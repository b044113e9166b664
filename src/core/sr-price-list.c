/* sr-price-list.c — see sr-price-list.h. */
#include "config.h"

#include <csv.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "sr-audit.h"
#include "sr-error.h"
#include "sr-price-list.h"

enum {
  COL_BUILDING,
  COL_ENTRANCE,
  COL_FLOOR,
  COL_NUMBER,
  COL_TYPE,
  COL_AREA,
  COL_PER_M2,
  COL_TOTAL,
  N_COLS
};

/* Header names an office's Excel file uses, Chinese and English (compared without case
 * and spaces). */
static const struct {
  const char *names[6];
  const char *label;     /* for messages */
  gboolean required;
} columns[N_COLS] = {
  [COL_BUILDING] = { { "楼栋", "楼号", "栋号", "building", NULL }, N_("楼栋 (building)"), TRUE },
  [COL_ENTRANCE] = { { "单元", "entrance", NULL }, N_("单元 (entrance)"), FALSE },
  [COL_FLOOR] = { { "楼层", "层", "floor", NULL }, N_("楼层 (floor)"), TRUE },
  [COL_NUMBER] = { { "房号", "房间号", "number", "unit", "unitnumber", NULL }, N_("房号 (number)"), TRUE },
  [COL_TYPE] = { { "户型", "type", "unittype", NULL }, N_("户型 (type)"), FALSE },
  [COL_AREA] = { { "建筑面积", "面积", "area", "floorarea", NULL }, N_("建筑面积 (area)"), TRUE },
  [COL_PER_M2] = { { "单价", "unitprice", "priceperm2", "price/m2", "price_per_m2", NULL }, N_("单价 (price per m²)"), FALSE },
  [COL_TOTAL] = { { "总价", "total", "totalprice", NULL }, N_("总价 (total)"), TRUE },
};

static void
row_free (SrPriceRow *row)
{
  g_free (row->building);
  g_free (row->entrance);
  g_free (row->number);
  g_free (row->unit_type);
  g_free (row);
}

void
sr_price_list_free (SrPriceList *list)
{
  if (list == NULL)
    return;
  g_clear_pointer (&list->rows, g_ptr_array_unref);
  g_free (list);
}

/* Parsing ----------------------------------------------------------------- */

typedef struct {
  GPtrArray *fields;       /* of the record being read */
  GPtrArray *records;      /* GStrv each */
  GArray *lines;           /* the line each record starts on */
  guint line;              /* the line being fed to the parser */
  guint start;             /* the line the record being read started on */
} Reader;

static void
on_field (void   *data,
          size_t  len,
          void   *user_data)
{
  Reader *r = user_data;
  if (r->fields->len == 0)
    r->start = r->line;
  g_ptr_array_add (r->fields, g_strstrip (g_strndup (data != NULL ? data : "", len)));
}

static void
on_record (int   c,
           void *user_data)
{
  Reader *r = user_data;
  g_ptr_array_add (r->fields, NULL);
  g_ptr_array_add (r->records, g_ptr_array_steal (r->fields, NULL));
  g_array_append_val (r->lines, r->start);
  r->start = r->line + 1;   /* until the next record's first field says better */
  r->fields = g_ptr_array_new_with_free_func (g_free);
}

/* The text in UTF-8: a BOM is dropped; what is not UTF-8 is read as GB18030 (a superset
 * of GBK, what Chinese Excel saves as "CSV"). */
static char *
to_utf8 (GBytes   *bytes,
         gsize    *out_len,
         GError  **error)
{
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);
  char *text;

  if (data == NULL)   /* an empty file */
    data = "";
  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      len -= 3;
    }
  {
    /* A zero byte: not text at all (a spreadsheet saved as something else). */
    const char *zero = memchr (data, '\0', len);
    if (zero != NULL)
      {
        guint line = 1;
        for (const char *p = data; p < zero; p++)
          line += *p == '\n';
        g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                     _("Line %u holds a zero byte: the file is not text. Save it from Excel as CSV."), line);
        return NULL;
      }
  }
  if (g_utf8_validate (data, (gssize) len, NULL))
    {
      *out_len = len;
      return g_strndup (data, len);
    }
  /* Not UTF-8 as a whole: a line that is (with Chinese in it) means two encodings were
   * pasted together, and reading it as GB18030 would turn it into nonsense quietly. */
  {
    const char *p = data, *end = data + len;
    guint line = 1;
    while (p < end)
      {
        const char *nl = memchr (p, '\n', (gsize) (end - p));
        gsize n = nl != NULL ? (gsize) (nl - p) : (gsize) (end - p);
        glong wide = 0;
        if (g_utf8_validate (p, (gssize) n, NULL))
          for (const char *c = p; c < p + n; c = g_utf8_next_char (c))
            wide += (guchar) *c >= 0xe0;    /* a character of three bytes or more: CJK */
        if (wide >= 2)
          {
            g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                         _("Line %u is in UTF-8 but the rest of the file is not: the file mixes two "
                           "encodings. Save the whole file again from Excel as CSV."), line);
            return NULL;
          }
        p += n + 1;
        line++;
      }
  }
  text = g_convert (data, (gssize) len, "UTF-8", "GB18030", NULL, out_len, NULL);
  if (text == NULL)
    g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                 _("The file is neither UTF-8 nor GB18030 text: save it from Excel as CSV."));
  return text;
}

/* "单价(元/m²)", "总价（元）" and "Total Price" are 单价, 总价 and totalprice: lower case,
 * no spaces or underscores, nothing from the first bracket on. */
static char *
normalise_header (const char *text)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);
  GString *out = g_string_new (NULL);
  char *bracket;

  for (const char *p = lower; *p != '\0'; p++)
    if (*p != ' ' && *p != '\t' && *p != '_')
      g_string_append_c (out, *p);
  bracket = strstr (out->str, "（");
  if (bracket != NULL)
    g_string_truncate (out, bracket - out->str);
  bracket = strchr (out->str, '(');
  if (bracket != NULL && bracket != out->str)
    g_string_truncate (out, bracket - out->str);
  return g_string_free (out, FALSE);
}

static gboolean
parse_int (const char *text,
           int        *out)
{
  char *end = NULL;
  gint64 v;

  if (text == NULL || *text == '\0')
    return FALSE;
  v = g_ascii_strtoll (text, &end, 10);
  if (*end != '\0' || v < -5 || v > 200 || v == 0)
    return FALSE;
  *out = (int) v;
  return TRUE;
}

static gboolean
fail_line (GError    **error,
           guint       line,
           const char *format,
           ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail_line (GError    **error,
           guint       line,
           const char *format,
           ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("Line %u: %s"), line, reason);
  return FALSE;
}

SrPriceList *
sr_price_list_parse (GBytes  *bytes,
                     GError **error)
{
  g_autoptr(SrPriceList) list = g_new0 (SrPriceList, 1);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autofree char *text = NULL;
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint));
  struct csv_parser parser;
  Reader reader = { g_ptr_array_new_with_free_func (g_free), records, lines, 1, 1 };
  gsize fed = 0;
  int index[N_COLS];
  gsize len = 0;
  char **header;

  list->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  text = to_utf8 (bytes, &len, error);
  if (text == NULL)
    {
      g_ptr_array_unref (reader.fields);
      return NULL;
    }
  if (csv_init (&parser, CSV_APPEND_NULL | CSV_STRICT | CSV_STRICT_FINI) != 0)
    g_error ("libcsv: out of memory");
  /* Fed a line at a time, so every record knows the line it starts on (blank lines
   * and quoted line breaks included), as Excel numbers its rows. */
  while (fed < len)
    {
      const char *nl = memchr (text + fed, '\n', len - fed);
      gsize chunk = nl != NULL ? (gsize) (nl - (text + fed)) + 1 : len - fed;
      /* No row of a price list is long; a huge line is something else, refused before
       * the parser grows its buffer a little at a time for it. */
      if (chunk > 65536)
        {
          g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                       _("Line %u is longer than 65,536 characters: this is not a price list."), reader.line);
          csv_free (&parser);
          g_ptr_array_unref (reader.fields);
          return NULL;
        }
      if (csv_parse (&parser, text + fed, chunk, on_field, on_record, &reader) != chunk)
        break;
      fed += chunk;
      reader.line++;
    }
  if (fed < len || csv_fini (&parser, on_field, on_record, &reader) != 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("Line %u: %s"), reader.start,
                   csv_error (&parser) == CSV_EPARSE ? _("a quoted field is not closed, or has a stray quote.")
                                                     : csv_strerror (csv_error (&parser)));
      csv_free (&parser);
      g_ptr_array_unref (reader.fields);
      return NULL;
    }
  csv_free (&parser);
  g_ptr_array_unref (reader.fields);

  if (records->len == 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("The file is empty."));
      return NULL;
    }
  header = g_ptr_array_index (records, 0);
  for (guint c = 0; c < N_COLS; c++)
    {
      index[c] = -1;
      for (guint h = 0; header[h] != NULL && index[c] < 0; h++)
        {
          g_autofree char *name = normalise_header (header[h]);
          for (guint n = 0; columns[c].names[n] != NULL; n++)
            if (g_strcmp0 (name, columns[c].names[n]) == 0)
              index[c] = (int) h;
        }
      if (index[c] < 0 && columns[c].required)
        return fail_line (error, g_array_index (lines, guint, 0), _("there is no column %s."),
                          _(columns[c].label)), NULL;
    }

  for (guint i = 1; i < records->len; i++)
    {
      char **f = g_ptr_array_index (records, i);
      guint n = g_strv_length (f), line = g_array_index (lines, guint, i);
      SrPriceRow *row;
      SrFen per_m2 = 0;
      g_autofree char *key = NULL;
      gboolean blank = TRUE;

      for (guint k = 0; k < n; k++)
        blank &= *f[k] == '\0';
      if (blank)
        continue;
      for (guint c = 0; c < N_COLS; c++)
        if (index[c] >= (int) n)
          return fail_line (error, line, _("the row has %u fields; the header has %u."), n,
                            g_strv_length (header)), NULL;
      for (guint c = 0; c < N_COLS; c++)
        if (columns[c].required && *f[index[c]] == '\0')
          return fail_line (error, line, _("%s is empty."), _(columns[c].label)), NULL;

      /* Names of buildings, entrances, numbers and types are short; anything longer is
       * a column gone wrong. */
      for (guint c = 0; c < N_COLS; c++)
        if (index[c] >= 0 && g_utf8_strlen (f[index[c]], -1) > 30)
          return fail_line (error, line, _("%s is longer than 30 characters: is a column out of place?"),
                            _(columns[c].label)), NULL;

      row = g_new0 (SrPriceRow, 1);
      g_ptr_array_add (list->rows, row);
      row->line = line;
      row->building = g_strdup (f[index[COL_BUILDING]]);
      row->entrance = g_strdup (index[COL_ENTRANCE] >= 0 ? f[index[COL_ENTRANCE]] : "");
      row->number = g_strdup (f[index[COL_NUMBER]]);
      row->unit_type = g_strdup (index[COL_TYPE] >= 0 ? f[index[COL_TYPE]] : "");
      if (!parse_int (f[index[COL_FLOOR]], &row->floor))
        return fail_line (error, line, _("the floor “%s” is not a floor number (1 to 200, or -1 to -5)."),
                          f[index[COL_FLOOR]]), NULL;
      if (!sr_area_parse (f[index[COL_AREA]], &row->area_centi, NULL) || row->area_centi <= 0)
        return fail_line (error, line, _("the area “%s” is not a number of m² above 0."),
                          f[index[COL_AREA]]), NULL;
      if (!sr_money_parse (f[index[COL_TOTAL]], &row->total_fen, NULL) || row->total_fen <= 0)
        return fail_line (error, line, _("the total price “%s” is not an amount above 0."),
                          f[index[COL_TOTAL]]), NULL;
      if (index[COL_PER_M2] >= 0 && *f[index[COL_PER_M2]] != '\0')
        {
          SrFen derived = sr_price_per_m2 (row->total_fen, row->area_centi);
          if (!sr_money_parse (f[index[COL_PER_M2]], &per_m2, NULL) || per_m2 <= 0)
            return fail_line (error, line, _("the price per m² “%s” is not an amount above 0."),
                              f[index[COL_PER_M2]]), NULL;
          if (ABS (per_m2 - derived) > 100)
            {
              g_autofree char *given = sr_money_format (per_m2);
              g_autofree char *want = sr_money_format (derived);
              return fail_line (error, line, _("the price per m² %s does not match total ÷ area (%s)."),
                                given, want), NULL;
            }
        }
      key = g_strdup_printf ("%s\x1f%s\x1f%s", row->building, row->entrance, row->number);
      if (g_hash_table_contains (seen, key))
        return fail_line (error, line, _("unit %s %s%s%s is in the file twice (first on line %u)."),
                          row->building, row->entrance, *row->entrance != '\0' ? "-" : "", row->number,
                          GPOINTER_TO_UINT (g_hash_table_lookup (seen, key))), NULL;
      g_hash_table_insert (seen, g_steal_pointer (&key), GUINT_TO_POINTER (line));
    }
  if (list->rows->len == 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("The file has a header but no units."));
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* Importing ---------------------------------------------------------------- */

static gboolean
find_or_make_building (SrContext   *ctx,
                       gint64       project,
                       SrPriceRow  *row,
                       GHashTable  *buildings,
                       int          floors,
                       SrPriceList *list,
                       gint64      *out_id,
                       GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  gpointer cached = g_hash_table_lookup (buildings, row->building);
  gint64 id = 0;

  if (cached != NULL)
    {
      *out_id = *(gint64 *) cached;
      return TRUE;
    }
  if (!sr_db_get_int (db, &id, error, "SELECT id FROM buildings WHERE project_id = ?1 AND name = ?2",
                      "it", project, row->building))
    return FALSE;
  if (id == 0)
    {
      if (!sr_db_get_int (db, &id, error,
                          "INSERT INTO buildings (project_id, name, floors, position) VALUES (?1, ?2, ?3, "
                          "(SELECT coalesce (max (position), 0) + 1 FROM buildings WHERE project_id = ?1)) "
                          "RETURNING id", "iti", project, row->building, (gint64) floors))
        return FALSE;
      list->n_new_buildings++;
    }
  else if (!sr_db_run (db, error, "UPDATE buildings SET floors = max (floors, ?2) WHERE id = ?1",
                       "ii", id, (gint64) floors))
    return FALSE;
  *out_id = id;
  g_hash_table_insert (buildings, g_strdup (row->building), g_memdup2 (&id, sizeof id));
  return TRUE;
}

static gboolean
import_row (SrContext   *ctx,
            gint64       building,
            SrPriceRow  *row,
            SrPriceList *list,
            GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  gint64 staff = sr_session_get_staff_id (sr_context_get_session (ctx));
  g_autoptr(SrStmt) stmt = sr_db_prepare (db, "SELECT id, price_fen, area_centi, unit_type, status "
                                          "FROM units WHERE building_id = ?1 AND entrance = ?2 AND number = ?3",
                                          error);
  gint64 id = 0, old_price = 0, old_area = 0;
  g_autofree char *old_type = NULL;
  g_autofree char *status = NULL;
  SrStep step;

  if (stmt == NULL)
    return FALSE;
  sr_stmt_bind_int (stmt, 1, building);
  sr_stmt_bind_text (stmt, 2, row->entrance);
  sr_stmt_bind_text (stmt, 3, row->number);
  step = sr_stmt_step (stmt, error);
  if (step == SR_STEP_ERROR)
    return FALSE;
  if (step == SR_STEP_ROW)
    {
      id = sr_stmt_get_int (stmt, 0);
      old_price = sr_stmt_get_int (stmt, 1);
      old_area = sr_stmt_get_int (stmt, 2);
      old_type = sr_stmt_dup_text (stmt, 3);
      status = sr_stmt_dup_text (stmt, 4);
    }
  g_clear_pointer (&stmt, sr_stmt_done);

  if (id == 0)
    {
      row->action = SR_PRICE_ROW_NEW;
      list->n_new++;
      return sr_db_get_int (db, &id, error,
                            "INSERT INTO units (building_id, entrance, floor, number, unit_type, area_centi, "
                            "price_fen) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id",
                            "itittii", building, row->entrance, (gint64) row->floor, row->number,
                            row->unit_type, row->area_centi, row->total_fen) &&
             sr_db_run (db, error, "INSERT INTO unit_prices (unit_id, at, price_fen, staff_id, reason) "
                        "VALUES (?1, ?2, ?3, nullif (?4, 0), ?5)", "iiiit", id, sr_context_now (ctx),
                        row->total_fen, staff, _("price list import"));
    }
  if (old_price == row->total_fen && old_area == row->area_centi &&
      (*row->unit_type == '\0' || g_strcmp0 (old_type, row->unit_type) == 0))
    {
      row->action = SR_PRICE_ROW_UNCHANGED;
      list->n_unchanged++;
      return TRUE;
    }
  if (g_strcmp0 (status, "available") != 0 && g_strcmp0 (status, "held") != 0)
    return fail_line (error, row->line, _("unit %s %s is booked: its price or area cannot change here."),
                      row->building, row->number);
  row->action = SR_PRICE_ROW_CHANGED;
  row->old_total_fen = old_price;
  list->n_changed++;
  return sr_db_run (db, error, "UPDATE units SET price_fen = ?2, area_centi = ?3, "
                    "unit_type = CASE WHEN ?4 = '' THEN unit_type ELSE ?4 END WHERE id = ?1",
                    "iiit", id, row->total_fen, row->area_centi, row->unit_type) &&
         (old_price == row->total_fen ||
          sr_db_run (db, error, "INSERT INTO unit_prices (unit_id, at, price_fen, staff_id, reason) "
                     "VALUES (?1, ?2, ?3, nullif (?4, 0), ?5)", "iiiit", id, sr_context_now (ctx),
                     row->total_fen, staff, _("price list import")));
}

gboolean
sr_price_list_import (SrContext    *ctx,
                      SrPriceList  *list,
                      const char   *project_name,
                      gboolean      dry_run,
                      GError      **error)
{
  SrDb *db = sr_context_get_db (ctx);
  g_autofree char *name = g_strstrip (g_strdup (project_name != NULL ? project_name : ""));
  g_autoptr(GHashTable) buildings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) top = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(SrJson) json = sr_json_new ();
  g_autofree char *after = NULL;
  gint64 project = 0;

  if (!sr_context_check (ctx, SR_ACTION_EDIT_UNITS, error))
    return FALSE;
  if (*name == '\0')
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("Name the project (楼盘) the price list is for."));
      return FALSE;
    }
  list->n_new_buildings = list->n_new = list->n_changed = list->n_unchanged = 0;
  list->is_new_project = FALSE;
  /* The top floor of each building in the file. */
  for (guint i = 0; i < list->rows->len; i++)
    {
      SrPriceRow *row = g_ptr_array_index (list->rows, i);
      int floor = GPOINTER_TO_INT (g_hash_table_lookup (top, row->building));
      if (row->floor > floor)
        g_hash_table_insert (top, row->building, GINT_TO_POINTER (row->floor));
    }
  if (!sr_db_begin (db, error))
    return FALSE;
  if (!sr_db_get_int (db, &project, error, "SELECT id FROM projects WHERE name = ?1", "t", name))
    goto fail;
  if (project == 0)
    {
      if (!sr_db_get_int (db, &project, error, "INSERT INTO projects (name) VALUES (?1) RETURNING id", "t", name))
        goto fail;
      list->is_new_project = TRUE;
    }
  for (guint i = 0; i < list->rows->len; i++)
    {
      SrPriceRow *row = g_ptr_array_index (list->rows, i);
      gint64 building = 0;
      int floors = MAX (GPOINTER_TO_INT (g_hash_table_lookup (top, row->building)), 1);
      if (!find_or_make_building (ctx, project, row, buildings, floors, list, &building, error) ||
          !import_row (ctx, building, row, list, error))
        goto fail;
    }
  sr_json_add_text (json, "project", name);
  sr_json_add_int (json, "new_units", list->n_new);
  sr_json_add_int (json, "changed", list->n_changed);
  sr_json_add_int (json, "unchanged", list->n_unchanged);
  after = sr_json_end (json);
  if (!sr_audit_write (ctx, "import", "units", project, NULL, after, error))
    goto fail;
  if (dry_run)
    {
      sr_db_rollback (db);
      return TRUE;
    }
  if (!sr_db_commit (db, error))
    goto fail;
  if (list->is_new_project)
    sr_context_emit_changed (ctx, "projects");
  if (list->n_new_buildings > 0)
    sr_context_emit_changed (ctx, "buildings");
  sr_context_emit_changed (ctx, "units");
  return TRUE;

fail:
  sr_db_rollback (db);
  return FALSE;
}
