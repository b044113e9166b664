/* sr-pinyin.h — pinyin of Chinese names for search: "张三" → "zhangsan" and "zs".
 *
 * ICU's Han-Latin transliterator groups syllables and reads polyphonic surnames wrongly
 * (单 dan, 解 jie, 曾 ceng), so names are transliterated one character at a time and the
 * first character is read from a surname table when it is there (STYLE.md). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _SrPinyin SrPinyin;

SrPinyin *sr_pinyin_new        (GError    **error);
void      sr_pinyin_free       (SrPinyin   *self);
/* Lower-case ASCII pinyin of @name, syllables joined ("zhangsan"); characters that are
 * not Han are kept as they are, lower-cased. */
char     *sr_pinyin_full       (SrPinyin   *self,
                                const char *name);
/* First letters of each syllable ("zs"). */
char     *sr_pinyin_initials   (SrPinyin   *self,
                                const char *name);
/* The surname reading of @character, or NULL when it reads as usual. */
const char *sr_pinyin_surname_reading (const char *character);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SrPinyin, sr_pinyin_free)

G_END_DECLS
