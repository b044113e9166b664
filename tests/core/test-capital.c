/* 人民币大写: the amount in Chinese capital numerals, case by case from the national
 * convention for receipts (支付结算办法 附件: 正确填写票据和结算凭证的基本规定). */
#include "config.h"

#include <locale.h>

#include "core/sr-error.h"
#include "core/sr-money.h"

static const struct {
  SrFen fen;
  const char *words;
} cases[] = {
  /* The examples of the issue and of the convention. */
  { 1200000, "壹万贰仟元整" },
  { 1020005, "壹万零贰佰元零伍分" },
  { 140950, "壹仟肆佰零玖元伍角" },
  { 1640902, "壹万陆仟肆佰零玖元零贰分" },
  { 32504, "叁佰贰拾伍元零肆分" },
  { 168032, "壹仟陆佰捌拾元叁角贰分" },
  { 10700053, "壹拾万柒仟元伍角叁分" },
  /* Zero, and amounts under a yuan. */
  { 0, "零元整" },
  { 1, "壹分" },
  { 5, "伍分" },
  { 10, "壹角" },
  { 50, "伍角" },
  { 99, "玖角玖分" },
  /* Whole yuan, the units of a section. */
  { 100, "壹元整" },
  { 1000, "壹拾元整" },
  { 1100, "壹拾壹元整" },
  { 2000, "贰拾元整" },
  { 10000, "壹佰元整" },
  { 10100, "壹佰零壹元整" },
  { 11000, "壹佰壹拾元整" },
  { 100000, "壹仟元整" },
  { 100100, "壹仟零壹元整" },
  { 101000, "壹仟零壹拾元整" },
  { 100900, "壹仟零玖元整" },
  /* Zeros in the middle: one 零 for a run. */
  { 1000100, "壹万零壹元整" },
  { 1001000, "壹万零壹拾元整" },
  { 1010000, "壹万零壹佰元整" },
  { 10010000, "壹拾万零壹佰元整" },
  { 10001000, "壹拾万零壹拾元整" },
  { 100000000, "壹佰万元整" },
  { 100000100, "壹佰万零壹元整" },
  { 105000000, "壹佰零伍万元整" },
  /* The 万 and 亿 boundaries. */
  { 999900, "玖仟玖佰玖拾玖元整" },
  { 1000000, "壹万元整" },
  { 999999900, "玖佰玖拾玖万玖仟玖佰玖拾玖元整" },
  { 1000000000, "壹仟万元整" },
  { 10000000000, "壹亿元整" },
  { 10000000100, "壹亿零壹元整" },
  { 10001000000, "壹亿零壹万元整" },
  { 10100000000, "壹亿零壹佰万元整" },
  { 11000000000, "壹亿壹仟万元整" },
  { 100001000000, "壹拾亿零壹万元整" },
  { 120034005678, "壹拾贰亿零叁拾肆万零伍拾陆元柒角捌分" },
  /* Prices an office writes every day. */
  { 107232000, "壹佰零柒万贰仟叁佰贰拾元整" },
  { 5000000, "伍万元整" },
  { 192800000, "壹佰玖拾贰万捌仟元整" },
  { 161854100, "壹佰陆拾壹万捌仟伍佰肆拾壹元整" },
  { 670000, "陆仟柒佰元整" },
  /* The largest amount a receipt takes. */
  { 999999999999, "玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分" },
};

static void
test_cases (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *words = sr_money_to_chinese (cases[i].fen, &error);
      g_assert_no_error (error);
      if (g_strcmp0 (words, cases[i].words) != 0)
        g_error ("%" G_GINT64_FORMAT " fen: %s, not %s", cases[i].fen, words, cases[i].words);
    }
  g_assert_cmpuint (G_N_ELEMENTS (cases), >=, 40);
}

static void
test_refusals (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (sr_money_to_chinese (G_GINT64_CONSTANT (1000000000000), &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (sr_money_to_chinese (-1, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
}

/* Read back: every case, every amount up to ¥100,000.00 in steps that touch every
 * pattern of zeros, a random spread up to the maximum; and texts that are not amounts. */
static void
test_read_back (void)
{
  static const char *not_amounts[] = {
    "", "元整", "整", "壹", "伍角整", "壹万元零", "拾拾元整", "壹佰佰元整", "壹佰壹仟元整", "零拾元整", "壹万万元整",
    "壹万亿元整", "壹元伍分伍角", "壹元伍分整", "壹元整伍角", "壹贰元整", "abc", "壹元整x", "壹拾亿亿元整",
    "壹佰亿零壹仟万元整元", "玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分玖", "壹拾万零壹拾万元整",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261206);
  guint checked = 0;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      SrFen back = -1;
      g_autoptr(GError) error = NULL;
      g_assert_true (sr_money_from_chinese (cases[i].words, &back, &error));
      g_assert_cmpint (back, ==, cases[i].fen);
    }
  for (SrFen fen = 0; fen <= 10000000; fen += fen < 100000 ? 1 : 97, checked++)
    {
      g_autofree char *words = sr_money_to_chinese (fen, NULL);
      SrFen back = -1;
      if (!sr_money_from_chinese (words, &back, NULL) || back != fen)
        g_error ("%" G_GINT64_FORMAT " fen → %s → %" G_GINT64_FORMAT, fen, words, back);
    }
  for (guint i = 0; i < 200000; i++, checked++)
    {
      SrFen fen = (SrFen) (g_rand_double (rand) * 999999999999.0);
      g_autofree char *words = sr_money_to_chinese (fen, NULL);
      SrFen back = -1;
      if (!sr_money_from_chinese (words, &back, NULL) || back != fen)
        g_error ("%" G_GINT64_FORMAT " fen → %s → %" G_GINT64_FORMAT, fen, words, back);
    }
  g_test_message ("%u amounts written and read back", checked);
  for (guint i = 0; i < G_N_ELEMENTS (not_amounts); i++)
    {
      g_autoptr(GError) error = NULL;
      SrFen back = -1;
      if (sr_money_from_chinese (not_amounts[i], &back, &error))
        g_error ("«%s» read as %" G_GINT64_FORMAT, not_amounts[i], back);
      g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
    }
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/capital/cases", test_cases);
  g_test_add_func ("/capital/refusals", test_refusals);
  g_test_add_func ("/capital/read-back", test_read_back);
  return g_test_run ();
}
