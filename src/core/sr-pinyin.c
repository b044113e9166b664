/* sr-pinyin.c — see sr-pinyin.h. A small cache per character keeps ICU out of the loop. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <unicode/utrans.h>
#include <unicode/ustring.h>

#include "sr-error.h"
#include "sr-pinyin.h"

struct _SrPinyin
{
  UTransliterator *trans;
  GHashTable *cache; /* gunichar → syllable */
};

/* Surnames whose reading differs from the character's common one. */
static const struct {
  const char *character;
  const char *reading;
} surnames[] = {
  { "单", "shan" }, { "解", "xie" }, { "仇", "qiu" }, { "查", "zha" }, { "曾", "zeng" },
  { "区", "ou" }, { "朴", "piao" }, { "盖", "ge" }, { "覃", "qin" }, { "缪", "miao" },
  { "翟", "zhai" }, { "乐", "yue" }, { "尉", "yu" }, { "召", "shao" }, { "种", "chong" },
  { "秘", "bi" }, { "重", "chong" }, { "员", "yun" }, { "黑", "he" }, { "繁", "po" },
  { "冼", "xian" }, { "句", "gou" }, { "折", "she" }, { "祭", "zhai" }, { "华", "hua" },
  { "纪", "ji" }, { "燕", "yan" }, { "宁", "ning" }, { "任", "ren" }, { "沈", "shen" },
  { "石", "shi" }, { "莘", "shen" }, { "隗", "wei" }, { "万", "wan" }, { "蕃", "pi" },
};

const char *
sr_pinyin_surname_reading (const char *character)
{
  for (guint i = 0; i < G_N_ELEMENTS (surnames); i++)
    if (strcmp (surnames[i].character, character) == 0)
      return surnames[i].reading;
  return NULL;
}

SrPinyin *
sr_pinyin_new (GError **error)
{
  static const UChar id[] = { 'H','a','n','-','L','a','t','i','n',';',' ',
                              'L','a','t','i','n','-','A','S','C','I','I',';',' ',
                              'L','o','w','e','r', 0 };
  UErrorCode status = U_ZERO_ERROR;
  SrPinyin *self = g_new0 (SrPinyin, 1);

  self->trans = utrans_openU (id, -1, UTRANS_FORWARD, NULL, 0, NULL, &status);
  if (U_FAILURE (status))
    {
      g_set_error (error, SR_STORE_ERROR, SR_STORE_ERROR_FAILED,
                   _("The pinyin converter could not start (%s)."), u_errorName (status));
      g_free (self);
      return NULL;
    }
  self->cache = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  return self;
}

void
sr_pinyin_free (SrPinyin *self)
{
  if (self == NULL)
    return;
  utrans_close (self->trans);
  g_hash_table_unref (self->cache);
  g_free (self);
}

static gboolean
is_han (gunichar c)
{
  return g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN;
}

/* The syllable of one Han character, lower-case ASCII. */
static const char *
syllable (SrPinyin *self,
          gunichar  c)
{
  char *cached = g_hash_table_lookup (self->cache, GUINT_TO_POINTER (c));
  UChar buf[32];
  int32_t len = 0, limit;
  UErrorCode status = U_ZERO_ERROR;
  char out[64];
  int32_t out_len = 0;

  if (cached != NULL)
    return cached;
  U16_APPEND_UNSAFE (buf, len, c);
  limit = len;
  utrans_transUChars (self->trans, buf, &len, G_N_ELEMENTS (buf), 0, &limit, &status);
  if (U_SUCCESS (status))
    u_strToUTF8 (out, sizeof out, &out_len, buf, len, &status);
  if (U_FAILURE (status) || out_len == 0)
    out_len = 0;
  out[out_len] = '\0';
  {
    /* Keep letters only (ICU may leave a space or apostrophe). */
    GString *s = g_string_new (NULL);
    for (char *p = out; *p; p++)
      if (g_ascii_isalpha (*p))
        g_string_append_c (s, g_ascii_tolower (*p));
    cached = g_string_free (s, FALSE);
  }
  g_hash_table_insert (self->cache, GUINT_TO_POINTER (c), cached);
  return cached;
}

/* Appends the syllables (or non-Han characters) of @name to @full and their first
 * letters to @initials. */
static void
each_syllable (SrPinyin   *self,
               const char *name,
               GString    *full,
               GString    *initials)
{
  gboolean first = TRUE;
  gboolean in_word = FALSE;  /* inside a run of Latin letters or digits */

  for (const char *p = name; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *s = NULL;
      char one[8] = { 0 };

      if (g_unichar_isspace (c) || c == 0x00B7 || c == 0x2022)
        {
          in_word = FALSE;
          continue;
        }
      if (is_han (c))
        {
          if (first)
            {
              g_unichar_to_utf8 (c, one);
              s = sr_pinyin_surname_reading (one);
            }
          if (s == NULL)
            s = syllable (self, c);
          if (full != NULL)
            g_string_append (full, s);
          if (initials != NULL && *s != '\0')
            g_string_append_c (initials, s[0]);
          in_word = FALSE;
        }
      else
        {
          gunichar lower = g_unichar_tolower (c);
          if (full != NULL)
            g_string_append_unichar (full, lower);
          /* A Latin word gives its first letter. */
          if (initials != NULL && g_unichar_isalnum (c) && !in_word)
            g_string_append_unichar (initials, lower);
          in_word = g_unichar_isalnum (c);
        }
      first = FALSE;
    }
}

char *
sr_pinyin_full (SrPinyin   *self,
                const char *name)
{
  GString *s = g_string_new (NULL);
  each_syllable (self, name, s, NULL);
  return g_string_free (s, FALSE);
}

char *
sr_pinyin_initials (SrPinyin   *self,
                    const char *name)
{
  GString *s = g_string_new (NULL);
  each_syllable (self, name, NULL, s);
  return g_string_free (s, FALSE);
}
