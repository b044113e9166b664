/* A housekeeping agency's roster and placements (PRODUCT.md "The pipeline board"), and a
 * decoration customer's quotes and attachments: case by case. */
#include "config.h"

#include <locale.h>

#include "common/sr-test-util.h"
#include "core/sr-contracts.h"
#include "core/sr-customers.h"
#include "core/sr-deal-steps.h"
#include "core/sr-error.h"
#include "core/sr-housekeeping.h"
#include "core/sr-pipeline.h"
#include "core/sr-quotes.h"

static gint64
add_customer (SrContext  *ctx,
              const char *name,
              const char *phone,
              gint64      owner)
{
  g_autoptr(GError) error = NULL;
  const char *phones[] = { phone, NULL };
  SrCustomerInput in = { name, NULL, "call", 0, NULL, owner, phones, FALSE, 0 };
  gint64 id = sr_customers_add (ctx, &in, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
add_keeper (SrContext  *ctx,
            const char *name,
            const char *skills)
{
  g_autoptr(GError) error = NULL;
  SrHousekeeperInput in = { name, NULL, 1975, "安徽", skills, NULL };
  gint64 id = sr_housekeepers_add (ctx, &in, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static char *
stage_kind_of (SrContext *ctx,
               gint64     customer)
{
  g_autoptr(SrStmt) stmt = sr_db_prepare (sr_context_get_db (ctx), "SELECT g.kind FROM customers c JOIN stages g "
                                          "ON g.id = c.stage_id WHERE c.id = ?1", NULL);
  sr_stmt_bind_int (stmt, 1, customer);
  g_assert_cmpint (sr_stmt_step (stmt, NULL), ==, SR_STEP_ROW);
  return sr_stmt_dup_text (stmt, 0);
}

static void
test_roster (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_HOUSEKEEPING);
  g_autoptr(SrContext) sup = sr_test_context_as (admin, "kehujingli", SR_ROLE_CUSTOMER_MANAGER);
  g_autoptr(SrContext) gw = sr_test_context_as (admin, "guwen", SR_ROLE_CONSULTANT);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gint64 wang, li;

  /* Refused: a consultant keeps no roster; no name; a bad phone; an implausible year. */
  {
    SrHousekeeperInput in = { "王阿姨", NULL, 0, NULL, NULL, NULL };
    g_assert_cmpint (sr_housekeepers_add (gw, &in, &error), ==, 0);
    g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED);
    g_clear_error (&error);
    in.name = "  ";
    g_assert_cmpint (sr_housekeepers_add (sup, &in, &error), ==, 0);
    g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
    g_clear_error (&error);
    in.name = "王阿姨";
    in.phone = "12345";
    g_assert_cmpint (sr_housekeepers_add (sup, &in, &error), ==, 0);
    g_assert_nonnull (error);
    g_clear_error (&error);
    in.phone = "+86 139-0000-1111";
    in.birth_year = 1890;
    g_assert_cmpint (sr_housekeepers_add (sup, &in, &error), ==, 0);
    g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
    g_clear_error (&error);
    in.birth_year = 1972;
    in.skills = "育婴 做饭";
    wang = sr_housekeepers_add (sup, &in, &error);
    g_assert_no_error (error);
  }
  li = add_keeper (sup, "李阿姨", "养老护理");

  /* Search by name, skill, phone digits; the phone is kept normalised. */
  list = sr_housekeepers_list (gw, "育婴", FALSE, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((SrHousekeeper *) list->pdata[0])->phone, ==, "13900001111");
  g_clear_pointer (&list, g_ptr_array_unref);
  list = sr_housekeepers_list (gw, "1111", FALSE, 0, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);
  {
    guint counts[SR_KEEPER_N_STATES];
    g_assert_true (sr_housekeepers_count (gw, NULL, FALSE, counts, &error));
    g_assert_cmpuint (counts[SR_KEEPER_AVAILABLE], ==, 2);
    g_assert_cmpuint (counts[SR_KEEPER_TRAINING], ==, 0);
    g_assert_true (sr_housekeepers_count (gw, "育婴", FALSE, counts, &error));
    g_assert_cmpuint (counts[SR_KEEPER_AVAILABLE], ==, 1);
  }

  /* Training: started for a free housekeeper, not twice; finished. */
  g_assert_false (sr_housekeepers_start_training (sup, li, TRUE, 0, " ", &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (sr_housekeepers_start_training (sup, li, FALSE, 0, "老人护理定向培训", &error));
  g_assert_no_error (error);
  {
    guint counts[SR_KEEPER_N_STATES];
    g_assert_true (sr_housekeepers_count (gw, NULL, FALSE, counts, &error));
    g_assert_cmpuint (counts[SR_KEEPER_AVAILABLE], ==, 1);
    g_assert_cmpuint (counts[SR_KEEPER_TRAINING], ==, 1);
  }
  g_assert_false (sr_housekeepers_start_training (sup, li, TRUE, 0, "再次", &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT);
  g_clear_error (&error);
  {
    g_autoptr(SrHousekeeper) k = sr_housekeepers_get (gw, li, &error);
    g_assert_cmpint (k->state, ==, SR_KEEPER_TRAINING);
    g_assert_cmpstr (k->training_reason, ==, "老人护理定向培训");
  }
  g_assert_true (sr_housekeepers_finish_training (sup, li, &error));
  g_assert_false (sr_housekeepers_finish_training (sup, li, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT);
  g_clear_error (&error);

  /* Leaving: with a reason; gone from the list unless asked for. */
  g_assert_false (sr_housekeepers_set_left (sup, wang, "", &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (sr_housekeepers_set_left (sup, wang, "回老家", &error));
  list = sr_housekeepers_list (gw, NULL, FALSE, 0, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = sr_housekeepers_list (gw, NULL, TRUE, 0, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (((SrHousekeeper *) list->pdata[1])->state, ==, SR_KEEPER_LEFT);
  {
    guint counts[SR_KEEPER_N_STATES];
    g_assert_true (sr_housekeepers_count (gw, NULL, FALSE, counts, &error));
    g_assert_cmpuint (counts[SR_KEEPER_LEFT], ==, 0);
    g_assert_true (sr_housekeepers_count (gw, NULL, TRUE, counts, &error));
    g_assert_cmpuint (counts[SR_KEEPER_LEFT], ==, 1);
    g_assert_cmpuint (counts[SR_KEEPER_AVAILABLE], ==, 1);
  }

  /* A property office keeps no roster. */
  {
    g_autoptr(SrContext) property = sr_test_context_new (SR_OFFICE_PROPERTY);
    g_autoptr(SrContext) jl = sr_test_context_as (property, "jingli", SR_ROLE_MANAGER);
    SrHousekeeperInput in = { "张阿姨", NULL, 0, NULL, NULL, NULL };
    g_assert_cmpint (sr_housekeepers_add (jl, &in, &error), ==, 0);
    g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT);
    g_clear_error (&error);
    sr_test_context_finish (g_steal_pointer (&property));
  }
  sr_test_context_finish (g_steal_pointer (&admin));
}

static void
test_placement (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_HOUSEKEEPING);
  g_autoptr(SrContext) sup = sr_test_context_as (admin, "kehujingli", SR_ROLE_CUSTOMER_MANAGER);
  g_autoptr(SrContext) gw = sr_test_context_as (admin, "guwen", SR_ROLE_CONSULTANT);
  g_autoptr(SrContext) other = sr_test_context_as (admin, "guwen2", SR_ROLE_CONSULTANT);
  g_autoptr(SrContext) fin = sr_test_context_as (admin, "caiwu", SR_ROLE_FINANCE);
  g_autoptr(GError) error = NULL;
  gint64 customer = add_customer (sup, "陈女士", "13800138000", sr_test_staff_id (gw));
  gint64 wang = add_keeper (sup, "王阿姨", "育婴");
  gint64 zhao = add_keeper (sup, "赵阿姨", "育婴 做饭");
  gint64 sun = add_keeper (sup, "孙阿姨", "做饭");
  gint64 cand_wang, cand_zhao, cand_sun, deal, placement;
  g_autofree char *kind = NULL;

  /* Candidates: the owner proposes, not another consultant; not twice; not someone gone. */
  g_assert_cmpint (sr_candidates_propose (other, customer, wang, &error), ==, 0);
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED);
  g_clear_error (&error);
  cand_wang = sr_candidates_propose (gw, customer, wang, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sr_candidates_propose (gw, customer, wang, &error), ==, 0);
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT);
  g_clear_error (&error);
  cand_zhao = sr_candidates_propose (gw, customer, zhao, &error);
  cand_sun = sr_candidates_propose (sup, customer, sun, &error);
  g_assert_no_error (error);

  /* Interviews: a failure needs its reason; the day is not in the future. */
  g_assert_false (sr_candidates_record (gw, cand_sun, FALSE, SR_TEST_NOW_DAY, "", &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sr_candidates_record (gw, cand_wang, TRUE, "2026-11-30", NULL, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (sr_candidates_record (gw, cand_sun, FALSE, SR_TEST_NOW_DAY, "不会做南方菜", &error));
  g_assert_true (sr_candidates_record (gw, cand_wang, TRUE, SR_TEST_NOW_DAY, NULL, &error));
  g_assert_true (sr_candidates_record (gw, cand_zhao, TRUE, SR_TEST_NOW_DAY, "备选", &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) list = sr_candidates_for_customer (gw, customer, &error);
    g_assert_cmpuint (list->len, ==, 3);
    g_assert_cmpint (((SrCandidate *) list->pdata[0])->result, ==, SR_CANDIDATE_FAILED);
  }

  /* No agreement yet: no placement. */
  g_assert_cmpint (sr_placements_start (gw, customer, wang, SR_TEST_NOW_DAY, &error), ==, 0);
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT);
  g_clear_error (&error);

  /* The agreement is signed with a ¥3,000 fee today and ¥2,000 in 30 days; until finance
   * has the first, no placement. Someone who failed the interview is never placed. */
  {
    SrContractDeal in = { customer, "service", "JZ-001", SR_TEST_NOW_DAY, 500000, 300000, 1, 30, NULL };
    deal = sr_contracts_add (gw, &in, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpint (sr_placements_start (gw, customer, wang, SR_TEST_NOW_DAY, &error), ==, 0);
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "3,000"));
  g_clear_error (&error);
  g_assert_true (sr_deals_record_payment (fin, deal, 300000, "wechat", SR_TEST_NOW_DAY, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sr_placements_start (gw, customer, sun, SR_TEST_NOW_DAY, &error), ==, 0);
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT);
  g_clear_error (&error);
  /* Not before the signing day; a bad date. */
  g_assert_cmpint (sr_placements_start (gw, customer, wang, "2026-11-20", &error), ==, 0);
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (sr_placements_start (gw, customer, wang, "2026-13-01", &error), ==, 0);
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);
  /* A day past the next fee's due day asks for that fee too. */
  g_assert_cmpint (sr_placements_start (gw, customer, wang, "2026-12-24", &error), ==, 0);
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT);
  g_clear_error (&error);

  /* Placed from tomorrow: the trial ends 35 days later, the customer is in the trial stage,
   * the housekeeper is placed and shows on the card. */
  placement = sr_placements_start (gw, customer, wang, "2026-11-24", &error);
  g_assert_no_error (error);
  g_assert_cmpint (placement, >, 0);
  kind = stage_kind_of (admin, customer);
  g_assert_cmpstr (kind, ==, "trial");
  {
    g_autoptr(SrHousekeeper) k = sr_housekeepers_get (gw, wang, &error);
    g_autoptr(GPtrArray) p = sr_placements_for_customer (gw, customer, &error);
    g_assert_cmpint (k->state, ==, SR_KEEPER_PLACED);
    g_assert_cmpint (k->customer_id, ==, customer);
    g_assert_cmpstr (k->trial_ends_on, ==, "2026-12-29");
    g_assert_cmpuint (p->len, ==, 1);
    g_assert_cmpstr (((SrPlacement *) p->pdata[0])->trial_ends_on, ==, "2026-12-29");
  }
  {
    SrBoardFilter f = { 0 };
    gint64 trial = 0;
    g_autoptr(GPtrArray) cards = NULL;
    g_assert_true (sr_db_get_int (sr_context_get_db (admin), &trial, NULL, "SELECT stage_id FROM customers WHERE id = ?1",
                                  "i", customer));
    cards = sr_pipeline_cards (gw, trial, &f, 0, 50, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (cards->len, ==, 1);
    g_assert_cmpstr (SR_CARD (cards->pdata[0])->trial_ends_on, ==, "2026-12-29");
    g_assert_false (SR_CARD (cards->pdata[0])->is_late);
    g_clear_pointer (&cards, g_ptr_array_unref);
    /* The day after the trial's end the card is late (confirm or replace), and the late
     * filter finds it. */
    sr_test_set_day (admin, "2026-12-30", 10);
    f.late_only = TRUE;
    cards = sr_pipeline_cards (gw, trial, &f, 0, 50, &error);
    g_assert_cmpuint (cards->len, ==, 1);
    g_assert_true (SR_CARD (cards->pdata[0])->is_late);
    sr_test_set_day (admin, SR_TEST_NOW_DAY, 9);
  }
  /* One housekeeper at a time: a second placement is refused; the same housekeeper
   * cannot go to another customer, nor leave the roster while placed. */
  g_assert_cmpint (sr_placements_start (gw, customer, zhao, "2026-11-24", &error), ==, 0);
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (sr_housekeepers_set_left (sup, wang, "辞职", &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT);
  g_clear_error (&error);
  {
    gint64 second = add_customer (sup, "周先生", "13900139000", sr_test_staff_id (gw));
    gint64 c2 = sr_candidates_propose (gw, second, wang, &error);
    SrContractDeal in = { second, "service", "JZ-002", SR_TEST_NOW_DAY, 300000, 300000, 0, 30, NULL };
    gint64 d2 = sr_contracts_add (gw, &in, &error);
    g_assert_true (sr_candidates_record (gw, c2, TRUE, SR_TEST_NOW_DAY, NULL, &error));
    g_assert_true (sr_deals_record_payment (fin, d2, 300000, "cash", SR_TEST_NOW_DAY, FALSE, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpint (sr_placements_start (gw, second, wang, "2026-11-24", &error), ==, 0);
    g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT);
    g_clear_error (&error);
  }

  /* A replacement: needs a reason, not the same housekeeper; ends the old placement and
   * starts the new one's own trial; the one replaced goes back to training. */
  g_assert_cmpint (sr_placements_replace (gw, customer, zhao, "2026-12-01", " ", TRUE, &error), ==, 0);
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (sr_placements_replace (gw, customer, wang, "2026-12-01", "性格不合", TRUE, &error), ==, 0);
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (sr_placements_replace (gw, customer, zhao, "2026-12-01", "性格不合", TRUE, &error), >, 0);
  g_assert_no_error (error);
  {
    g_autoptr(SrHousekeeper) old = sr_housekeepers_get (gw, wang, &error);
    g_autoptr(SrHousekeeper) now = sr_housekeepers_get (gw, zhao, &error);
    g_autoptr(GPtrArray) p = sr_placements_for_customer (gw, customer, &error);
    g_autofree char *still = stage_kind_of (admin, customer);
    g_assert_cmpint (old->state, ==, SR_KEEPER_TRAINING);
    g_assert_cmpuint (old->replaced, ==, 1);
    g_assert_cmpint (now->state, ==, SR_KEEPER_PLACED);
    g_assert_cmpstr (now->trial_ends_on, ==, "2027-01-05");
    g_assert_cmpuint (p->len, ==, 2);
    g_assert_cmpstr (((SrPlacement *) p->pdata[1])->end_kind, ==, "replaced");
    g_assert_cmpstr (((SrPlacement *) p->pdata[1])->ended_on, ==, "2026-12-01");
    g_assert_cmpstr (still, ==, "trial");
  }
  /* A refused replacement changes nothing: a housekeeper in training is not placed. */
  {
    g_autoptr(SrHousekeeper) now = NULL;
    g_assert_cmpint (sr_placements_replace (gw, customer, wang, "2026-12-05", "再换", FALSE, &error), ==, 0);
    g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT);
    g_clear_error (&error);
    now = sr_housekeepers_get (gw, zhao, &error);
    g_assert_cmpint (now->state, ==, SR_KEEPER_PLACED);
  }

  /* The end: with a kind and a reason; then nobody is placed. */
  g_assert_false (sr_placements_end (gw, customer, "fired", "x", &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (sr_placements_end (gw, customer, "finished", "合同期满", &error));
  g_assert_false (sr_placements_end (gw, customer, "finished", "合同期满", &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT);
  g_clear_error (&error);
  {
    g_autoptr(SrHousekeeper) k = sr_housekeepers_get (gw, zhao, &error);
    g_assert_cmpint (k->state, ==, SR_KEEPER_AVAILABLE);
  }
  sr_test_context_finish (g_steal_pointer (&admin));
}

static void
test_quotes_and_files (void)
{
  g_autoptr(SrContext) admin = sr_test_context_new (SR_OFFICE_DECORATION);
  g_autoptr(SrContext) sup = sr_test_context_as (admin, "kehujingli", SR_ROLE_CUSTOMER_MANAGER);
  g_autoptr(SrContext) gw = sr_test_context_as (admin, "sheji", SR_ROLE_CONSULTANT);
  g_autoptr(SrContext) other = sr_test_context_as (admin, "sheji2", SR_ROLE_CONSULTANT);
  g_autoptr(GError) error = NULL;
  gint64 customer = add_customer (sup, "刘先生", "13700137000", sr_test_staff_id (gw));
  g_autoptr(GPtrArray) quotes = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GBytes) data = g_bytes_new_static ("%PDF-1.4 drawing", 16);
  g_autoptr(GBytes) thumb = g_bytes_new_static ("\x89PNG", 4);
  gint64 file;

  /* Quotes: versions 1, 2 from the owner or a supervisor; not another designer's; > ¥0. */
  g_assert_cmpint (sr_quotes_add (gw, customer, 0, NULL, &error), ==, 0);
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (sr_quotes_add (other, customer, 8000000, NULL, &error), ==, 0);
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (sr_quotes_add (gw, customer, 12000000, "基础报价", &error), ==, 1);
  g_assert_cmpint (sr_quotes_add (sup, customer, 11000000, "  ", &error), ==, 2);
  g_assert_no_error (error);
  quotes = sr_quotes_list (other, customer, &error);
  g_assert_cmpuint (quotes->len, ==, 2);
  g_assert_cmpint (((SrQuote *) quotes->pdata[0])->version, ==, 2);
  g_assert_cmpint (((SrQuote *) quotes->pdata[0])->amount_fen, ==, 11000000);
  g_assert_null (((SrQuote *) quotes->pdata[0])->note);
  g_assert_cmpstr (((SrQuote *) quotes->pdata[1])->note, ==, "基础报价");

  /* Attachments: a kind, a name, not empty; the listing has no bytes; read back whole;
   * voided, it is gone from the list and cannot be read. */
  g_assert_cmpint (sr_attachments_add (gw, customer, "photo", "a.pdf", NULL, data, NULL, &error), ==, 0);
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
    g_assert_cmpint (sr_attachments_add (gw, customer, "drawing", "a.pdf", NULL, empty, NULL, &error), ==, 0);
    g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID);
    g_clear_error (&error);
  }
  g_assert_cmpint (sr_attachments_add (other, customer, "drawing", "a.pdf", NULL, data, NULL, &error), ==, 0);
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED);
  g_clear_error (&error);
  file = sr_attachments_add (gw, customer, "drawing", "/home/x/施工图 v1.pdf", "application/pdf", data, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sr_attachments_add (gw, customer, "rendering", "客厅.png", "image/png", data, thumb, &error), >, 0);
  files = sr_attachments_list (gw, customer, &error);
  g_assert_cmpuint (files->len, ==, 2);
  g_assert_cmpstr (((SrAttachment *) files->pdata[1])->file_name, ==, "施工图 v1.pdf");
  g_assert_cmpint (((SrAttachment *) files->pdata[1])->size, ==, 16);
  g_assert_null (((SrAttachment *) files->pdata[1])->thumbnail);
  g_assert_cmpuint (g_bytes_get_size (((SrAttachment *) files->pdata[0])->thumbnail), ==, 4);
  {
    g_autofree char *name = NULL;
    g_autoptr(GBytes) back = sr_attachments_read (gw, file, &name, &error);
    g_assert_true (g_bytes_equal (back, data));
    g_assert_cmpstr (name, ==, "施工图 v1.pdf");
  }
  g_assert_false (sr_attachments_void (other, file, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_true (sr_attachments_void (gw, file, &error));
  g_clear_pointer (&files, g_ptr_array_unref);
  files = sr_attachments_list (gw, customer, &error);
  g_assert_cmpuint (files->len, ==, 1);
  g_assert_null (sr_attachments_read (gw, file, NULL, &error));
  g_assert_error (error, SR_RULE_ERROR, SR_RULE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  sr_test_context_finish (g_steal_pointer (&admin));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/housekeeping/roster", test_roster);
  g_test_add_func ("/housekeeping/placement", test_placement);
  g_test_add_func ("/housekeeping/quotes-and-files", test_quotes_and_files);
  return g_test_run ();
}
