/* sr-sql-pg.c — Salesroom's SQL as PostgreSQL reads it. See sr-sql-pg.h. */
#include "config.h"

#include <string.h>

#include "sr-sql-pg.h"

static gboolean
is_word_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || (guchar) c >= 0x80;
}

/* Past the literal or quoted name that starts at @i. */
static gsize
skip_quoted (const char *s,
             gsize       i)
{
  char q = s[i++];

  while (s[i] != '\0')
    {
      if (s[i] == q)
        {
          if (s[i + 1] == q)
            {
              i += 2;
              continue;
            }
          return i + 1;
        }
      i++;
    }
  return i;
}

/* Past the comment that starts at @i, or @i when none does. */
static gsize
skip_comment (const char *s,
              gsize       i)
{
  if (s[i] == '-' && s[i + 1] == '-')
    {
      while (s[i] != '\0' && s[i] != '\n')
        i++;
      return i;
    }
  if (s[i] == '/' && s[i + 1] == '*')
    {
      const char *end = strstr (s + i + 2, "*/");
      return end != NULL ? (gsize) (end - s) + 2 : strlen (s);
    }
  return i;
}

static gsize
skip_space (const char *s,
            gsize       i)
{
  while (g_ascii_isspace (s[i]))
    i++;
  return i;
}

/* Past the literal, quoted name or comment that starts at @i; @i when none does. */
static gsize
skip_text (const char *s,
           gsize       i)
{
  if (s[i] == '\'' || s[i] == '"')
    return skip_quoted (s, i);
  return skip_comment (s, i);
}

/* The commas at the top level of the parenthesis that opens at @open. */
static int
count_arguments (const char *s,
                 gsize       open)
{
  int depth = 0, commas = 0;

  for (gsize i = open; s[i] != '\0';)
    {
      gsize after = skip_text (s, i);

      if (after != i)
        {
          i = after;
          continue;
        }
      if (s[i] == '(')
        depth++;
      else if (s[i] == ')' && --depth == 0)
        break;
      else if (s[i] == ',' && depth == 1)
        commas++;
      i++;
    }
  return commas + 1;
}

/* Whether the words @words (lower case, separated by one space) come next after @i;
 * *out_end is past them. */
static gboolean
next_words (const char  *s,
            gsize        i,
            const char  *words,
            gsize       *out_end)
{
  g_auto(GStrv) parts = g_strsplit (words, " ", -1);

  for (guint k = 0; parts[k] != NULL; k++)
    {
      gsize n = strlen (parts[k]);
      i = skip_space (s, i);
      if (g_ascii_strncasecmp (s + i, parts[k], n) != 0 || is_word_char (s[i + n]))
        return FALSE;
      i += n;
    }
  *out_end = i;
  return TRUE;
}

/* Past the SQLite trigger that starts at @i (CREATE TRIGGER … END;). */
static gsize
skip_trigger (const char *s,
              gsize       i)
{
  while (s[i] != '\0')
    {
      gsize after = skip_text (s, i);

      if (after != i)
        {
          i = after;
          continue;
        }
      if ((i == 0 || !is_word_char (s[i - 1])) && next_words (s, i, "end", &after))
        {
          after = skip_space (s, after);
          if (s[after] == ';')
            return after + 1;
        }
      i++;
    }
  return i;
}

static const struct {
  const char *sqlite;
  const char *pg;
} renamed_functions[] = {
  { "date", "sr_date" },
  { "datetime", "sr_datetime" },
  { "julianday", "sr_julianday" },
  { "strftime", "sr_strftime" },
  { "total", "sr_total" },
  { "sum", "sr_sum" },
  { "instr", "strpos" },
  { "json_object", "json_build_object" },
  { "json_each", "sr_json_each" },
  { "json_valid", "sr_json_valid" },
};

static char *
translate (const char  *s,
           gboolean     schema,
           int         *out_params,
           gboolean   **out_unused)
{
  GString *out = g_string_sized_new (strlen (s) + 16);
  g_autoptr(GArray) used = g_array_new (FALSE, TRUE, sizeof (gboolean));
  int params = 0;
  gsize i = 0;

  while (s[i] != '\0')
    {
      char c = s[i];
      gsize after = skip_text (s, i);

      if (after != i)
        {
          g_string_append_len (out, s + i, (gssize) (after - i));
          i = after;
          continue;
        }
      if (c == '?')
        {
          int n;

          i++;
          if (g_ascii_isdigit (s[i]))
            {
              n = 0;
              while (g_ascii_isdigit (s[i]))
                n = n * 10 + (s[i++] - '0');
            }
          else
            n = params + 1;
          params = MAX (params, n);
          if ((guint) n > used->len)
            g_array_set_size (used, (guint) n);
          g_array_index (used, gboolean, n - 1) = TRUE;
          g_string_append_printf (out, "$%d", n);
          continue;
        }
      if ((g_ascii_isalpha (c) || c == '_') && (i == 0 || !is_word_char (s[i - 1])))
        {
          gsize end = i;
          g_autofree char *word = NULL;
          gsize paren;
          const char *replacement = NULL;

          while (is_word_char (s[end]))
            end++;
          word = g_ascii_strdown (s + i, (gssize) (end - i));
          paren = skip_space (s, end);

          if (schema && strcmp (word, "create") == 0 && next_words (s, end, "trigger", &after))
            {
              i = skip_trigger (s, after);
              continue;
            }
          if (schema && strcmp (word, "drop") == 0 && next_words (s, end, "trigger", &after))
            {
              while (s[after] != '\0' && s[after] != ';')
                after++;
              i = s[after] == ';' ? after + 1 : after;
              continue;
            }
          /* SQLite's CROSS JOIN … ON (a join order forced) is PostgreSQL's JOIN … ON. */
          if (strcmp (word, "cross") == 0 && next_words (s, end, "join", &after))
            {
              gsize k = skip_space (s, after);
              gsize on;

              while (is_word_char (s[k]))
                k++;
              k = skip_space (s, k);
              if (!next_words (s, k, "on", &on))
                {
                  while (is_word_char (s[k]))
                    k++;
                }
              if (next_words (s, k, "on", &on))
                {
                  g_string_append (out, "JOIN");
                  i = after;
                  continue;
                }
            }
          if (strcmp (word, "integer") == 0)
            {
              if (schema && next_words (s, end, "primary key", &after))
                {
                  g_string_append (out, "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY");
                  i = after;
                  continue;
                }
              replacement = "BIGINT";
            }
          else if (schema && strcmp (word, "blob") == 0)
            replacement = "BYTEA";
          else if (schema && strcmp (word, "real") == 0)
            replacement = "DOUBLE PRECISION";
          else if (schema && strcmp (word, "autoincrement") == 0)
            replacement = "";
          else if (s[paren] == '(')
            {
              for (guint k = 0; k < G_N_ELEMENTS (renamed_functions); k++)
                if (strcmp (word, renamed_functions[k].sqlite) == 0)
                  replacement = renamed_functions[k].pg;
              /* max (a, b) is a value's, max (a) the aggregate's. */
              if ((strcmp (word, "max") == 0 || strcmp (word, "min") == 0) &&
                  count_arguments (s, paren) > 1)
                replacement = word[1] == 'a' ? "greatest" : "least";
            }
          if (replacement != NULL)
            g_string_append (out, replacement);
          else
            g_string_append_len (out, s + i, (gssize) (end - i));
          i = end;
          continue;
        }
      g_string_append_c (out, c);
      i++;
    }
  if (out_params != NULL)
    *out_params = params;
  if (out_unused != NULL)
    {
      *out_unused = g_new0 (gboolean, MAX (params, 1));
      for (int k = 0; k < params; k++)
        (*out_unused)[k] = !g_array_index (used, gboolean, k);
    }
  return g_string_free (out, FALSE);
}

char *
sr_sql_to_pg (const char  *sql,
              int         *out_params,
              gboolean   **out_unused)
{
  return translate (sql, FALSE, out_params, out_unused);
}

char *
sr_sql_schema_to_pg (const char *sql)
{
  return translate (sql, TRUE, NULL, NULL);
}
