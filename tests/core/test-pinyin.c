/* Pinyin of names: per character, surnames read as surnames. */
#include "config.h"

#include <locale.h>

#include "core/sr-pinyin.h"

static const struct {
  const char *name;
  const char *full;
  const char *initials;
} cases[] = {
  { "张三", "zhangsan", "zs" },
  { "李娜", "lina", "ln" },
  { "王秀英", "wangxiuying", "wxy" },
  { "单田芳", "shantianfang", "stf" },     /* not dan */
  { "解缙", "xiejin", "xj" },              /* not jie */
  { "曾国藩", "zengguofan", "zgf" },       /* not ceng */
  { "仇英", "qiuying", "qy" },
  { "查良镛", "zhaliangyong", "zly" },
  { "区志明", "ouzhiming", "ozm" },
  { "朴智星", "piaozhixing", "pzx" },
  { "盖聂", "genie", "gn" },
  { "覃海", "qinhai", "qh" },
  { "翟天临", "zhaitianlin", "ztl" },
  { "乐嘉", "yuejia", "yj" },
  { "缪斯", "miaosi", "ms" },
  { "重阳", "chongyang", "cy" },
  { "张单", "zhangdan", "zd" },            /* 单 as a given name keeps its usual reading */
  { "欧阳 娜娜", "ouyangnana", "oynn" },
  { "Tom 李", "tomli", "tl" },
  { "", "", "" },
};

static void
test_names (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SrPinyin) py = sr_pinyin_new (&error);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *full = sr_pinyin_full (py, cases[i].name);
      g_autofree char *initials = sr_pinyin_initials (py, cases[i].name);
      g_test_message ("%s", cases[i].name);
      g_assert_cmpstr (full, ==, cases[i].full);
      g_assert_cmpstr (initials, ==, cases[i].initials);
    }
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();
  g_test_add_func ("/pinyin/names", test_names);
  return g_test_run ();
}
