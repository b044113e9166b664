/* sr-demo.c — the demo office. All of it is written in one transaction. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sr-appointments.h"
#include "sr-audit.h"
#include "sr-bookings.h"
#include "sr-customers.h"
#include "sr-deal-steps.h"
#include "sr-deals.h"
#include "sr-contracts.h"
#include "sr-desk.h"
#include "sr-dispatch.h"
#include "sr-housekeeping.h"
#include "sr-ledger.h"
#include "sr-quotes.h"
#include "sr-performance.h"
#include "sr-pipeline.h"
#include "sr-return-visits.h"
#include "sr-money-reports.h"
#include "sr-demo.h"
#include "sr-error.h"
#include "sr-money.h"
#include "sr-problems.h"
#include "sr-staff-private.h"
#include "sr-units.h"

static const char *surnames[] = {
  "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡",
  "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹",
  "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏",
  "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金",
  "石", "廖", "贾", "夏", "韦", "付", "方", "白", "邹", "孟", "熊", "秦", "邱", "江", "尹",
  "薛", "闫", "段", "雷", "侯", "龙", "史", "陶", "黎", "贺", "顾", "毛", "郝", "龚", "邵",
  "万", "钱", "严", "覃", "武", "戴", "莫", "孔", "向", "汤", "单", "解", "仇", "查", "区",
};

static const char *given[] = {
  "伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟",
  "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建华", "文", "华", "红", "建国", "玉兰",
  "志强", "丹", "萍", "鹏", "辉", "俊", "晨", "欣怡", "子涵", "浩然", "雨萱", "梓轩", "思远",
  "海燕", "国庆", "晓东", "婷婷", "佳琪", "宇航", "一鸣", "淑珍", "德明", "春梅", "立新", "亮",
  "斌", "飞", "雪", "琳", "慧", "凯", "博", "瑞", "嘉怡", "晓明", "振华", "秀珍", "永刚",
};

typedef struct {
  const char *login;
  const char *name;
  SrRoles roles;
} DemoStaff;

/* The office's people: every role staffed. Consultants are added by size. */
static const DemoStaff fixed_staff[] = {
  { "wangjingli", "王经理", SR_ROLE_MANAGER },
  { "liuzhuguan", "刘主管", SR_ROLE_CUSTOMER_MANAGER },
  { "chenxiaokong", "陈销控", SR_ROLE_SALES_CONTROLLER },
  { "zhaocaiwu", "赵财务", SR_ROLE_FINANCE },
  { "sunqiantai", "孙前台", SR_ROLE_RECEPTIONIST },
  { "zhouqiantai", "周前台", SR_ROLE_RECEPTIONIST },
};

static const char *consultant_names[][2] = {
  { "zhangwei", "张伟" }, { "lina", "李娜" }, { "wangfang", "王芳" }, { "liuyang", "刘洋" },
  { "chenjie", "陈杰" }, { "yangmin", "杨敏" }, { "huangtao", "黄涛" }, { "zhaojing", "赵静" },
  { "wuqiang", "吴强" }, { "zhouli", "周丽" }, { "xulei", "徐磊" }, { "sunyan", "孙艳" },
  { "majun", "马军" }, { "zhuhua", "朱华" }, { "hujuan", "胡娟" }, { "guoming", "郭明" },
  { "heping", "何平" }, { "gaochao", "高超" }, { "linxia", "林霞" }, { "luogang", "罗刚" },
  { "zhengpeng", "郑鹏" }, { "liangdan", "梁丹" }, { "xiehui", "谢辉" }, { "songjun", "宋俊" },
  { "tangchen", "唐晨" }, { "xuxin", "许欣" }, { "hanbo", "韩博" }, { "fengrui", "冯瑞" },
  { "dengkai", "邓凯" }, { "caoxue", "曹雪" },
};

static const SrUnitColumn property_columns[] = {
  { "三室两厅", 12850, 1260000 },
  { "两室两厅", 8936, 1180000 },
  { "两室两厅", 8936, 1180000 },
  { "三室两厅", 12850, 1260000 },
};

static const SrUnitColumn small_columns[] = {
  { "四室两厅", 16520, 1380000 },
  { "三室两厅", 11975, 1290000 },
  { "一室一厅", 5260, 1150000 },
  { "三室两厅", 11975, 1290000 },
};

static const char *channels[] = {
  "call", "walk-in", "booth", "referral", "outreach", "telemarketing", "online"
};
/* Calls and walk-ins are most of an office's new customers. */
static const guint channel_weights[] = { 38, 30, 6, 9, 5, 4, 8 };

static guint
pick_weighted (GRand        *rand,
               const guint  *weights,
               guint         n)
{
  guint total = 0, r;

  for (guint i = 0; i < n; i++)
    total += weights[i];
  r = (guint) g_rand_int_range (rand, 0, (gint32) total);
  for (guint i = 0; i < n; i++)
    {
      if (r < weights[i])
        return i;
      r -= weights[i];
    }
  return n - 1;
}

static gboolean
insert_staff (SrContext   *ctx,
              const char  *hash,
              guint        n_consultants,
              GArray      *consultant_ids,
              GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (fixed_staff); i++)
    if (sr_staff_insert (ctx, fixed_staff[i].login, fixed_staff[i].name, fixed_staff[i].roles,
                         hash, error) == 0)
      return FALSE;
  for (guint i = 0; i < n_consultants; i++)
    {
      gint64 id = sr_staff_insert (ctx, consultant_names[i][0], consultant_names[i][1],
                                   SR_ROLE_CONSULTANT, hash, error);
      if (id == 0)
        return FALSE;
      g_array_append_val (consultant_ids, id);
    }
  return TRUE;
}

static gboolean
insert_units (SrContext   *ctx,
              SrDemoSize   size,
              GRand       *rand,
              SrDemoCounts *counts,
              GError     **error)
{
  static const char *project_names[] = { "翠湖天地", "锦绣华庭" };
  guint n_projects = size == SR_DEMO_LARGE ? 2 : 1;
  guint buildings_per_project = size == SR_DEMO_LARGE ? 10 : 3;
  SrDb *db = sr_context_get_db (ctx);

  for (guint p = 0; p < n_projects; p++)
    {
      gint64 project_id = sr_projects_add (ctx, project_names[p],
                                           p == 0 ? "滨湖区湖滨路 88 号" : "新城区锦绣大道 166 号",
                                           error);
      if (project_id == 0)
        return FALSE;
      counts->n_projects++;
      for (guint b = 0; b < buildings_per_project; b++)
        {
          g_autofree char *name = g_strdup_printf ("%u号楼", b + 1);
          SrBuildingPlan plan = {
            .name = name,
            .floors = size == SR_DEMO_LARGE ? 25 : 12 + (int) b * 3,
            .entrances = size == SR_DEMO_LARGE ? 10 : 0,
            .n_columns = 4,
            .columns = (size == SR_DEMO_LARGE || b % 2 == 0) ? property_columns : small_columns,
            .floor_step_fen_per_m2 = 3000,
            .is_held = FALSE,
          };
          gint64 building_id = sr_buildings_create (ctx, project_id, &plan, error);
          g_autoptr(SrStmt) hold = NULL;

          if (building_id == 0)
            return FALSE;
          counts->n_buildings++;
          counts->n_units += (guint) (plan.floors * MAX (plan.entrances, 1) * (int) plan.n_columns);

          /* The controller withholds about one unit in ten (销控). */
          hold = sr_db_prepare (db, "UPDATE units SET status = 'held' WHERE building_id = ?1 "
                                "AND (id * 7 + ?2) % 10 = 0", error);
          if (hold == NULL)
            return FALSE;
          sr_stmt_bind_int (hold, 1, building_id);
          sr_stmt_bind_int (hold, 2, g_rand_int_range (rand, 0, 10));
          if (!sr_stmt_exec (hold, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
insert_customers (SrContext   *ctx,
                  guint        n,
                  GArray      *consultant_ids,
                  gint64       today_start,
                  GRand       *rand,
                  GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  g_autoptr(SrStmt) customer = NULL;
  g_autoptr(SrStmt) phone = NULL;
  g_autoptr(SrStmt) contact = NULL;
  g_autoptr(SrStmt) follow_up = NULL;
  g_autoptr(SrStmt) owner_row = NULL;
  g_autoptr(SrStmt) update = NULL;
  static const char *methods[] = { "phone", "phone", "wechat", "visit", "sms" };
  static const char *notes[] = {
    "介绍了户型和价格，客户比较满意", "客户关心学区和交通", "约了周末带家人来看房",
    "客户在比较其他楼盘，需持续跟进", "发送了户型图和价目表", "询问首付比例和贷款年限",
    "客户预算偏紧，推荐两室户型", "客户对高层视野感兴趣",
  };
  g_autoptr(GHashTable) used_phones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gint64 n_media = 0, n_stages = 0, first_media = 0, first_stage = 0;
  static const char *grades[] = { "A", "B", "C", "D" };
  static const guint grade_weights[] = { 10, 30, 40, 20 };
  SrPinyin *pinyin;
  static const char *prefixes[] = { "138", "139", "135", "136", "137", "150", "151", "152",
                                    "158", "159", "186", "187", "188", "177", "133", "189" };

  if (!sr_db_query_int (db, "SELECT count(*) FROM media_sources", &n_media, error) ||
      !sr_db_query_int (db, "SELECT min(id) FROM media_sources", &first_media, error) ||
      !sr_db_query_int (db, "SELECT count(*) FROM stages WHERE kind IN ('contact','qualify','custom','measure','plan')",
                        &n_stages, error) ||
      !sr_db_query_int (db, "SELECT min(id) FROM stages", &first_stage, error))
    return FALSE;

  customer = sr_db_prepare (db,
                            "INSERT INTO customers (name, gender, channel, media_source_id, grade, "
                            "owner_id, stage_id, created_at, created_by, name_pinyin, last_contact_at) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?6, ?9, ?8) RETURNING id", error);
  phone = sr_db_prepare (db, "INSERT INTO customer_phones (customer_id, phone, position) "
                         "VALUES (?1, ?2, ?3)", error);
  contact = sr_db_prepare (db, "INSERT INTO contacts (customer_id, kind, at, receiver_id, is_business, "
                          "media_source_id, rule, rule_code, recorded_by, recorded_at) "
                          "VALUES (?1, ?2, ?3, ?4, 1, ?5, ?6, "
                          "CASE WHEN ?6 = '按轮序接待' THEN 'in-turn' ELSE 'returning' END, ?4, ?3)", error);
  follow_up = sr_db_prepare (db, "INSERT INTO follow_ups (customer_id, staff_id, at, method, content, "
                             "next_day, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?3)", error);
  owner_row = sr_db_prepare (db, "INSERT INTO ownership_transfers (customer_id, to_id, at, rule) "
                             "VALUES (?1, ?2, ?3, 'first-reception')", error);
  update = sr_db_prepare (db, "UPDATE customers SET last_contact_at = ?2, next_follow_up_day = ?3 "
                          "WHERE id = ?1", error);
  if (customer == NULL || phone == NULL || contact == NULL || follow_up == NULL ||
      owner_row == NULL || update == NULL)
    return FALSE;
  pinyin = sr_context_get_pinyin (ctx, error);
  if (pinyin == NULL)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strconcat (surnames[g_rand_int_range (rand, 0, G_N_ELEMENTS (surnames))],
                                           given[g_rand_int_range (rand, 0, G_N_ELEMENTS (given))],
                                           NULL);
      gint64 owner = g_array_index (consultant_ids, gint64,
                                    g_rand_int_range (rand, 0, (gint32) consultant_ids->len));
      /* Spread over the year before today, office hours, more in recent months. */
      gint64 days_ago = (gint64) (365.0 * g_rand_double (rand) * g_rand_double (rand));
      gint64 at = today_start - days_ago * 86400 + g_rand_int_range (rand, 9 * 3600, 18 * 3600);
      gint64 id;
      guint n_phones = g_rand_int_range (rand, 0, 10) == 0 ? 2 : 1;
      char numbers[2][12];
      const char *keys_phones[3] = { numbers[0], numbers[1], NULL };

      if (days_ago == 0 && at > today_start + 11 * 3600)
        at = today_start + 9 * 3600 + g_rand_int_range (rand, 0, 2 * 3600);

      sr_stmt_bind_text (customer, 1, name);
      sr_stmt_bind_text (customer, 2, g_rand_boolean (rand) ? "male" : "female");
      sr_stmt_bind_text (customer, 3, channels[pick_weighted (rand, channel_weights,
                                                              G_N_ELEMENTS (channels))]);
      sr_stmt_bind_int (customer, 4, first_media + g_rand_int_range (rand, 0, (gint32) n_media));
      sr_stmt_bind_text (customer, 5, grades[pick_weighted (rand, grade_weights, 4)]);
      sr_stmt_bind_int (customer, 6, owner);
      sr_stmt_bind_int (customer, 7, first_stage + g_rand_int_range (rand, 0, (gint32) MAX (n_stages - 1, 1)));
      sr_stmt_bind_int (customer, 8, at);
      {
        g_autofree char *full = sr_pinyin_full (pinyin, name);
        sr_stmt_bind_text (customer, 9, full);
      }
      if (sr_stmt_step (customer, error) != SR_STEP_ROW)
        return FALSE;
      id = sr_stmt_get_int (customer, 0);
      sr_stmt_reset (customer);

      for (guint k = 0; k < n_phones; k++)
        {
          char *number = numbers[k];
          do
            {
              const char *prefix = prefixes[g_rand_int_range (rand, 0, G_N_ELEMENTS (prefixes))];
              g_snprintf (number, 12, "%s%08d", prefix,
                          g_rand_int_range (rand, 0, 100000000));
            }
          while (g_hash_table_contains (used_phones, number));
          g_hash_table_add (used_phones, g_strdup (number));

          sr_stmt_bind_int (phone, 1, id);
          sr_stmt_bind_text (phone, 2, number);
          sr_stmt_bind_int (phone, 3, k);
          if (!sr_stmt_exec (phone, error))
            return FALSE;
          sr_stmt_reset (phone);
        }
      keys_phones[n_phones] = NULL;
      if (!sr_customers_write_keys (db, pinyin, id, name, keys_phones, error))
        return FALSE;

      /* The first call or visit, received in turn by the owner, who owns them since. */
      {
        gboolean is_call = g_rand_boolean (rand);
        sr_stmt_bind_int (contact, 1, id);
        sr_stmt_bind_text (contact, 2, is_call ? "call" : "visit");
        sr_stmt_bind_int (contact, 3, at);
        sr_stmt_bind_int (contact, 4, owner);
        sr_stmt_bind_int (contact, 5, first_media + g_rand_int_range (rand, 0, (gint32) n_media));
        sr_stmt_bind_text (contact, 6, "按轮序接待");
        if (!sr_stmt_exec (contact, error))
          return FALSE;
        sr_stmt_reset (contact);
        sr_stmt_bind_int (owner_row, 1, id);
        sr_stmt_bind_int (owner_row, 2, owner);
        sr_stmt_bind_int (owner_row, 3, at);
        if (!sr_stmt_exec (owner_row, error))
          return FALSE;
        sr_stmt_reset (owner_row);

        /* A third come back for a visit (复访), to their consultant. */
        if (g_rand_int_range (rand, 0, 3) == 0)
          {
            gint64 again = at + g_rand_int_range (rand, 1, 30) * 86400 + g_rand_int_range (rand, -3600, 3600);
            if (again < today_start)
              {
                sr_stmt_bind_int (contact, 1, id);
                sr_stmt_bind_text (contact, 2, "visit");
                sr_stmt_bind_int (contact, 3, again);
                sr_stmt_bind_int (contact, 4, owner);
                sr_stmt_bind_int (contact, 5, first_media + g_rand_int_range (rand, 0, (gint32) n_media));
                sr_stmt_bind_text (contact, 6, "老客户，由归属人接待");
                if (!sr_stmt_exec (contact, error))
                  return FALSE;
                sr_stmt_reset (contact);
                sr_stmt_bind_int (update, 1, id);
                sr_stmt_bind_int (update, 2, again);
                sr_stmt_bind_null (update, 3);
                if (!sr_stmt_exec (update, error))
                  return FALSE;
                sr_stmt_reset (update);
              }
          }
      }

      /* Most customers have follow-ups; the latest sets the next date, around today. */
      if (g_rand_int_range (rand, 0, 10) < 6)
        {
          guint n = (guint) g_rand_int_range (rand, 1, 4);
          gint64 last = at;
          g_autofree char *next_day = NULL;
          for (guint k = 0; k < n; k++)
            {
              gint64 when = last + g_rand_int_range (rand, 1, 8) * 86400;
              gboolean is_last;
              if (when > today_start + 9 * 3600)
                break;
              last = when;
              is_last = k + 1 == n || last + 86400 > today_start;
              g_clear_pointer (&next_day, g_free);
              if (is_last && days_ago < 60)
                next_day = sr_day_from_unix (today_start + (gint64) g_rand_int_range (rand, -5, 12) * 86400);
              sr_stmt_bind_int (follow_up, 1, id);
              sr_stmt_bind_int (follow_up, 2, owner);
              sr_stmt_bind_int (follow_up, 3, last);
              sr_stmt_bind_text (follow_up, 4, methods[g_rand_int_range (rand, 0, G_N_ELEMENTS (methods))]);
              sr_stmt_bind_text (follow_up, 5, notes[g_rand_int_range (rand, 0, G_N_ELEMENTS (notes))]);
              sr_stmt_bind_text (follow_up, 6, next_day);
              if (!sr_stmt_exec (follow_up, error))
                return FALSE;
              sr_stmt_reset (follow_up);
              if (is_last)
                break;
            }
          sr_stmt_bind_int (update, 1, id);
          sr_stmt_bind_int (update, 2, last);
          sr_stmt_bind_text (update, 3, next_day);
          if (!sr_stmt_exec (update, error))
            return FALSE;
          sr_stmt_reset (update);
        }
    }
  return TRUE;
}

/* The demo is a Chinese office whatever the locale the command runs in: its stage and
 * media names are written in Chinese, in the order of the presets (sr-stages.c,
 * sr-media.c). */
static const char *zh_stages[][11] = {
  [SR_OFFICE_PROPERTY] = { "来电/来访", "意向", "复访", "认购", "签约", "回款完成", "入住", "流失", NULL },
  [SR_OFFICE_DECORATION] = { "预约", "量房", "方案初定", "方案沟通/定金", "方案确定", "签约", "开工",
                             "施工中", "竣工", "流失", NULL },
  [SR_OFFICE_HOUSEKEEPING] = { "咨询", "上门采集", "方案报价", "推荐面试", "定向培训", "签约", "试用期",
                               "服务中", "流失", NULL },
};
static const char *zh_media[] = { "报纸", "户外广告", "网络", "朋友介绍", "路过", "电视", "电台",
                                  "短信", "房展会", NULL };

static gboolean
name_in_chinese (SrContext     *ctx,
                 SrOfficeKind   kind,
                 GError       **error)
{
  SrDb *db = sr_context_get_db (ctx);
  const char *tables[2] = { "stages", "media_sources" };
  const char * const *names[2] = { zh_stages[kind], zh_media };

  for (guint t = 0; t < 2; t++)
    {
      g_autofree char *sql = g_strdup_printf ("UPDATE %s SET name = ?2 WHERE id = (SELECT id FROM %s "
                                              "ORDER BY position LIMIT 1 OFFSET ?1)", tables[t], tables[t]);
      g_autoptr(SrStmt) stmt = sr_db_prepare (db, sql, error);
      if (stmt == NULL)
        return FALSE;
      for (guint i = 0; names[t][i] != NULL; i++)
        {
          sr_stmt_bind_int (stmt, 1, i);
          sr_stmt_bind_text (stmt, 2, names[t][i]);
          if (!sr_stmt_exec (stmt, error))
            return FALSE;
          sr_stmt_reset (stmt);
        }
    }
  return TRUE;
}

/* A year of the board: every customer walked from the first stage toward a stage before
 * the deal (contact, qualified, measured, drafted …), a few days a step, the owner moving
 * them; about one in eight lost with a reason. Deals move their buyers on later. */
static gboolean
insert_stage_history (SrContext  *ctx,
                      gint64      today_start,
                      GRand      *rand,
                      GError    **error)
{
  SrDb *db = sr_context_get_db (ctx);
  g_autoptr(GPtrArray) stages = sr_stages_list (ctx, FALSE, error);
  g_autoptr(GArray) walk = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) walk_kinds = g_array_new (FALSE, FALSE, sizeof (int));
  g_auto(GStrv) reasons = NULL;
  g_autoptr(SrStmt) read = NULL;
  g_autoptr(SrStmt) change = NULL;
  g_autoptr(SrStmt) update = NULL;
  gint64 lost = 0;
  SrStep step;
  static const char *streets[] = { "翠湖花园", "锦绣家园", "阳光城", "滨江一号", "金色港湾" };

  if (stages == NULL)
    return FALSE;
  for (guint i = 0; i < stages->len; i++)
    {
      SrStage *stage = g_ptr_array_index (stages, i);
      int kind = (int) stage->kind;
      if (stage->kind == SR_STAGE_LOST)
        lost = stage->id;
      else if (walk->len == 0 || !sr_stage_kind_has_event (stage->kind))
        {
          /* The stages before the first one an event enters. */
          gboolean before_event = TRUE;
          for (guint j = 0; j < i; j++)
            if (sr_stage_kind_has_event (((SrStage *) g_ptr_array_index (stages, j))->kind))
              before_event = FALSE;
          if (before_event)
            {
              g_array_append_val (walk, stage->id);
              g_array_append_val (walk_kinds, kind);
            }
        }
    }
  reasons = sr_pipeline_lost_reasons (ctx, error);
  if (reasons == NULL || walk->len == 0)
    return reasons != NULL;
  read = sr_db_prepare (db, "SELECT id, created_at, coalesce (owner_id, 0) FROM customers ORDER BY id", error);
  change = sr_db_prepare (db, "INSERT INTO stage_changes (customer_id, from_stage, to_stage, at, staff_id, event, note) "
                          "VALUES (?1, ?2, ?3, ?4, nullif (?5, 0), 'move', ?6)", error);
  update = sr_db_prepare (db, "UPDATE customers SET stage_id = ?2, stage_at = ?3 WHERE id = ?1", error);
  if (read == NULL || change == NULL || update == NULL)
    return FALSE;
  while ((step = sr_stmt_step (read, error)) == SR_STEP_ROW)
    {
      gint64 id = sr_stmt_get_int (read, 0), at = sr_stmt_get_int (read, 1), owner = sr_stmt_get_int (read, 2);
      /* Fewer reach each next stage. */
      guint steps = 0, n_reasons = g_strv_length (reasons);
      gint64 stage = g_array_index (walk, gint64, 0);
      while (steps + 1 < walk->len && g_rand_int_range (rand, 0, 100) < 55)
        steps++;
      for (guint k = 1; k <= steps + 1; k++)
        {
          gboolean to_lost = k == steps + 1;
          gint64 next_at = at + (gint64) g_rand_int_range (rand, 1, 7) * 86400 + g_rand_int_range (rand, 0, 6 * 3600);
          gint64 to;
          g_autofree char *note = NULL;
          if (to_lost && (lost == 0 || g_rand_int_range (rand, 0, 8) != 0))
            break;
          if (next_at > today_start - 3600)
            break;
          to = to_lost ? lost : g_array_index (walk, gint64, k);
          if (to_lost)
            note = g_strdup (reasons[g_rand_int_range (rand, 0, (gint32) n_reasons)]);
          else if (g_array_index (walk_kinds, int, k) == SR_STAGE_MEASURE)
            {
              g_autofree char *day = sr_day_from_unix (next_at);
              note = g_strdup_printf ("%s · %s %d-%d", day, streets[id % G_N_ELEMENTS (streets)],
                                      (int) (id % 20) + 1, (int) (id % 30) * 100 + 101);
            }
          sr_stmt_reset (change);
          sr_stmt_bind_int (change, 1, id);
          sr_stmt_bind_int (change, 2, stage);
          sr_stmt_bind_int (change, 3, to);
          sr_stmt_bind_int (change, 4, next_at);
          sr_stmt_bind_int (change, 5, owner);
          sr_stmt_bind_text (change, 6, note);
          if (!sr_stmt_exec (change, error))
            return FALSE;
          stage = to;
          at = next_at;
        }
      sr_stmt_reset (update);
      sr_stmt_bind_int (update, 1, id);
      sr_stmt_bind_int (update, 2, stage);
      sr_stmt_bind_int (update, 3, at);
      if (!sr_stmt_exec (update, error))
        return FALSE;
    }
  return step == SR_STEP_DONE;
}

/* The @n_days before today at the desk (a year on the large demo): each day's order,
 * arrivals, new visitors and callers in turn, returning customers (to their owner,
 * covered when the owner is away, or passed on when the owner's claim lapsed), skips.
 * The clock is moved day by day and put back. */
static gboolean
insert_past_desk_days (SrContext   *ctx,
                       const char  *today,
                       int          n_days,
                       GArray      *consultants,
                       GRand       *rand,
                       GError     **error)
{
  SrClock *clock = sr_context_get_clock (ctx);
  gint64 saved = sr_clock_get_fixed (clock);
  gint64 today_start = sr_day_start_unix (today);
  guint half = consultants->len / 2;
  gint64 n_customers = 0;
  gboolean ok = FALSE;

  if (!sr_db_query_int (sr_context_get_db (ctx), "SELECT max(id) FROM customers", &n_customers, error))
    return FALSE;
  for (int back = n_days; back >= 1; back--)
    {
      gint64 start = today_start - back * 86400;
      g_autofree char *day = sr_day_from_unix (start + 12 * 3600);

      for (int g = SR_DESK_RECEPTION; g <= SR_DESK_PHONE; g++)
        {
          gint64 *ids = (gint64 *) consultants->data + (g == SR_DESK_RECEPTION ? 0 : half);
          guint n = g == SR_DESK_RECEPTION ? half : consultants->len - half;
          guint receptions = 3 + (guint) g_rand_int_range (rand, 0, 5);

          sr_clock_set_fixed (clock, start + 9 * 3600);
          if (!sr_desk_set_order (ctx, day, g, ids, n, error))
            goto out;
          for (guint i = 0; i < n; i++)
            if (g_rand_int_range (rand, 0, 10) > 0 &&
                sr_desk_record (ctx, day, g, SR_ROTATION_ARRIVE, ids[i], 0, error) == 0)
              goto out;
          for (guint k = 0; k < receptions; k++)
            {
              g_auto(SrReception) r = { 0 };
              g_autofree char *phone = NULL;
              SrArrival a = { 0 };
              GError *local = NULL;

              sr_clock_set_fixed (clock, start + (9 + k) * 3600 + g_rand_int_range (rand, 0, 3000));
              if (k == 2)
                {
                  /* Someone steps out for a customer, and comes back later. */
                  if (sr_desk_record (ctx, day, g, SR_ROTATION_SKIP_OBJECTIVE, ids[g_rand_int_range (rand, 0, (gint32) n)], 0, error) == 0)
                    goto out;
                }
              if (g_rand_int_range (rand, 0, 3) == 0 && n_customers > 0)
                {
                  /* A returning customer. */
                  g_autoptr(SrStmt) pick = sr_db_prepare (sr_context_get_db (ctx),
                                                          "SELECT phone FROM customer_phones WHERE customer_id = ?1 "
                                                          "AND position = 0", error);
                  if (pick == NULL)
                    goto out;
                  sr_stmt_bind_int (pick, 1, g_rand_int_range (rand, 1, (gint32) n_customers));
                  if (sr_stmt_step (pick, NULL) == SR_STEP_ROW)
                    phone = sr_stmt_dup_text (pick, 0);
                }
              if (phone == NULL)
                phone = g_strdup_printf ("1760%07d", g_rand_int_range (rand, 0, 10000000));
              a.phone = phone;
              a.name = g_rand_boolean (rand) ? "陈先生" : "林女士";
              a.is_business = g_rand_int_range (rand, 0, 12) > 0;
              a.note = a.is_business ? NULL : "市场调查";
              if (!sr_desk_receive (ctx, day, g, &a, &r, &local))
                {
                  /* Nobody in line that hour, or a phone taken: the desk would say so
                   * and go on. */
                  if (local->domain != SR_RULE_ERROR)
                    {
                      g_propagate_error (error, local);
                      goto out;
                    }
                  g_clear_error (&local);
                }
            }
          for (guint i = 0; i < n; i++)
            if (sr_desk_record (ctx, day, g, SR_ROTATION_BACK, ids[i], 0, error) == 0 ||
                sr_desk_record (ctx, day, g, SR_ROTATION_LEAVE, ids[i], 0, error) == 0)
              goto out;
        }
    }
  ok = TRUE;

out:
  sr_clock_set_fixed (clock, saved);
  return ok;
}

/* Today's desk: yesterday's and today's orders for both groups, and a morning in
 * progress: arrivals, a few visitors and callers received in turn, a skip, someone busy. */
static gboolean
insert_desk_day (SrContext   *ctx,
                 const char  *today,
                 GArray      *consultants,
                 GRand       *rand,
                 GError     **error)
{
  g_autofree char *yesterday = NULL;
  guint half = consultants->len / 2;
  GDate date;
  char buf[16];

  sr_day_parse (today, &date);
  g_date_subtract_days (&date, 1);
  g_date_strftime (buf, sizeof buf, "%Y-%m-%d", &date);
  yesterday = g_strdup (buf);

  for (int g = SR_DESK_RECEPTION; g <= SR_DESK_PHONE; g++)
    {
      gint64 *ids = (gint64 *) consultants->data + (g == SR_DESK_RECEPTION ? 0 : half);
      guint n = g == SR_DESK_RECEPTION ? half : consultants->len - half;

      if (!sr_desk_set_order (ctx, yesterday, g, ids, n, error) ||
          !sr_desk_set_order (ctx, today, g, ids, n, error))
        return FALSE;
      /* Everyone but the last of each group has arrived. */
      for (guint i = 0; i + 1 < n; i++)
        if (sr_desk_record (ctx, today, g, SR_ROTATION_ARRIVE, ids[i], 0, error) == 0)
          return FALSE;
      for (guint k = 0; k < 3 + (guint) g_rand_int_range (rand, 0, 3); k++)
        {
          g_auto(SrReception) r = { 0 };
          char phone[12];
          static const char *names[] = { "张先生", "李女士", "王先生", "刘女士", "陈先生", "赵女士" };
          SrArrival a = { phone, names[g_rand_int_range (rand, 0, G_N_ELEMENTS (names))], 0, NULL, TRUE };

          g_snprintf (phone, sizeof phone, "1770%07d", g_rand_int_range (rand, 0, 10000000));
          if (!sr_desk_receive (ctx, today, g, &a, &r, error))
            return FALSE;
        }
      if (n > 2 && (sr_desk_record (ctx, today, g, SR_ROTATION_SKIP_OBJECTIVE, ids[1], 0, error) == 0 ||
                    sr_desk_record (ctx, today, g, SR_ROTATION_SKIP_PERSONAL, ids[n - 2], 0, error) == 0))
        return FALSE;
    }

  /* This afternoon's appointments: customers coming to see their consultant. */
  {
    g_autoptr(SrStmt) pick = sr_db_prepare (sr_context_get_db (ctx),
                                            "SELECT id, owner_id FROM customers WHERE owner_id IS NOT NULL "
                                            "ORDER BY id DESC LIMIT 6", error);
    /* From 14:00, or from an hour from now when the demo is made later in the day. */
    gint64 start = MAX (sr_day_start_unix (today) + 14 * 3600, sr_context_now (ctx) + 3600);
    guint k = 0;
    GArray *found = g_array_new (FALSE, FALSE, sizeof (gint64) * 2);
    if (pick == NULL)
      {
        g_array_unref (found);
        return FALSE;
      }
    while (sr_stmt_step (pick, error) == SR_STEP_ROW)
      {
        gint64 pair[2] = { sr_stmt_get_int (pick, 0), sr_stmt_get_int (pick, 1) };
        g_array_append_val (found, pair);
      }
    g_clear_pointer (&pick, sr_stmt_done);
    for (k = 0; k < found->len; k++)
      {
        gint64 *pair = &g_array_index (found, gint64, k * 2);
        if (sr_appointments_add (ctx, pair[0], pair[1], start + (k % 4) * 3600 + (k % 2) * 1800,
                                 (SrAppointmentKind) (k % 2 == 0 ? SR_APPOINTMENT_VIEWING : SR_APPOINTMENT_DEAL),
                                 NULL, error) == 0)
          {
            g_array_unref (found);
            return FALSE;
          }
      }
    g_array_unref (found);
  }
  return TRUE;
}

/* A year of sales, oldest first, through the same core steps the office takes: intention
 * money, requests, deposits confirmed by finance, discounts, contracts, changes of unit,
 * cancellations with refunds; a few requests still waiting, reservations running and
 * intention money held. The clock is set to each step's moment so receipts are dated
 * and numbered in order. */
typedef struct {
  gint64 unit;
  int days_ago;
} DemoSale;

/* What happens to a signed sale later: the balance paid (with the mortgage steps when
 * the bank lends), then the acceptance and the delivery. Done in day order after all
 * the sales. */
enum { LATER_PAY, LATER_DELIVER };

typedef struct {
  int days_ago;
  int kind;
  gint64 deal;
  gint64 unit;
  gboolean mortgage;
} DemoLater;

static int
compare_later (gconstpointer a,
               gconstpointer b)
{
  const DemoLater *x = a, *y = b;
  if (x->days_ago != y->days_ago)
    return y->days_ago - x->days_ago;
  return (x->deal > y->deal) - (x->deal < y->deal);
}

static int
compare_sales (gconstpointer a,
               gconstpointer b)
{
  const DemoSale *x = a, *y = b;
  if (x->days_ago != y->days_ago)
    return y->days_ago - x->days_ago;
  return (x->unit > y->unit) - (x->unit < y->unit);
}

static int
compare_ints_descending (gconstpointer a,
                         gconstpointer b)
{
  return *(const int *) b - *(const int *) a;
}

static GArray *
read_ids (SrContext   *ctx,
          const char  *sql,
          GError     **error)
{
  g_autoptr(SrStmt) stmt = sr_db_prepare (sr_context_get_db (ctx), sql, error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  SrStep step;

  if (stmt == NULL)
    return NULL;
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      gint64 id = sr_stmt_get_int (stmt, 0);
      g_array_append_val (ids, id);
    }
  return step == SR_STEP_ERROR ? NULL : g_steal_pointer (&ids);
}

static char *
day_at (gint64 today_start,
        int    days_ago)
{
  return sr_day_from_unix (today_start - (gint64) days_ago * 86400 + 12 * 3600);
}

static void
set_moment (SrContext *ctx,
            gint64     today_start,
            int        days_ago,
            GRand     *rand)
{
  sr_clock_set_fixed (sr_context_get_clock (ctx),
                      today_start - (gint64) days_ago * 86400 + 9 * 3600 + g_rand_int_range (rand, 0, 8 * 3600));
}

/* How many of the customers (their moments of coming, in order) came before @before. */
static guint
came_before (GArray *came,
             gint64  before)
{
  guint lo = 0, hi = came->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      if (g_array_index (came, gint64, mid) < before)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* A customer who came before @before and has not bought yet, picked at random; 0 when
 * there is none. */
static gint64
pick_buyer (GArray   *customers,
            GArray   *came,
            gboolean *used,
            gint64    before,
            GRand    *rand)
{
  guint lo = came_before (came, before), start;

  if (lo == 0)
    return 0;
  start = (guint) g_rand_int_range (rand, 0, (gint32) lo);
  for (guint k = 0; k < lo; k++)
    {
      guint i = (start + k) % lo;
      if (!used[i])
        {
          used[i] = TRUE;
          return g_array_index (customers, gint64, i);
        }
    }
  return 0;
}

static gboolean
insert_sales (SrContext   *ctx,
              gint64       today_start,
              GRand       *rand,
              GError     **error)
{
  SrClock *clock = sr_context_get_clock (ctx);
  gint64 saved = sr_clock_get_fixed (clock);
  g_autoptr(GArray) units = read_ids (ctx, "SELECT id FROM units WHERE status = 'available' ORDER BY id", error);
  g_autoptr(GArray) customers = NULL;
  g_autoptr(GArray) sales = g_array_new (FALSE, FALSE, sizeof (DemoSale));
  g_autoptr(GArray) later = g_array_new (FALSE, FALSE, sizeof (DemoLater));
  static const char *methods[] = { "transfer", "transfer", "card", "wechat", "alipay", "cash" };
  static const char *plans[] = { "commercial-mortgage", "commercial-mortgage", "commercial-mortgage",
                                 "provident-fund", "combined", "one-off", "instalments" };
  g_autoptr(GArray) came = NULL;
  g_autofree gboolean *used = NULL;
  guint n_sales, spare, contract_no = 0;
  gboolean ok = FALSE;

  /* Customers by the day they came: a buyer came at least a week before buying. */
  customers = units == NULL ? NULL
            : read_ids (ctx, "SELECT id FROM customers WHERE owner_id IS NOT NULL AND is_voided = 0 "
                        "ORDER BY created_at, id", error);
  came = customers == NULL ? NULL
       : read_ids (ctx, "SELECT created_at FROM customers WHERE owner_id IS NOT NULL AND is_voided = 0 "
                   "ORDER BY created_at, id", error);
  if (customers == NULL || came == NULL)
    return FALSE;
  used = g_new0 (gboolean, customers->len);
  /* Shuffle the units: the first 40 % are sold, the rest are where changes go. */
  for (guint i = units->len; i > 1; i--)
    {
      guint j = g_rand_int_range (rand, 0, (gint32) i);
      gint64 t = g_array_index (units, gint64, i - 1);
      g_array_index (units, gint64, i - 1) = g_array_index (units, gint64, j);
      g_array_index (units, gint64, j) = t;
    }
  n_sales = MIN (units->len * 2 / 5, customers->len / 2);
  spare = n_sales;
  for (guint i = 0; i < n_sales; i++)
    {
      DemoSale sale = { g_array_index (units, gint64, i), g_rand_int_range (rand, 0, 365) };
      g_array_append_val (sales, sale);
    }
  g_array_sort (sales, compare_sales);

  for (guint i = 0; i < sales->len; i++)
    {
      DemoSale *sale = &g_array_index (sales, DemoSale, i);
      int age = sale->days_ago, fate = g_rand_int_range (rand, 0, 100);
      gint64 customer = pick_buyer (customers, came, used, today_start - (gint64) age * 86400 - 7 * 86400, rand);
      g_autofree char *day = day_at (today_start, age);
      g_autofree char *sign_by = day_at (today_start, age - 7);
      const char *method = methods[g_rand_int_range (rand, 0, G_N_ELEMENTS (methods))];
      SrFen deposit = g_rand_int_range (rand, 0, 3) == 0 ? 2000000 : 5000000;
      gint64 booking, deal = 0;

      if (customer == 0)
        continue;   /* nobody had come yet: the unit stays for sale */
      set_moment (ctx, today_start, age, rand);
      if (fate < 10 && sr_intention_take (ctx, customer, 1000000, method, day, NULL, error) == 0)
        goto out;
      booking = sr_units_request_subscription (ctx, sale->unit, customer, deposit, sign_by, error);
      if (booking == 0 ||
          !sr_db_get_int (sr_context_get_db (ctx), &deal, error,
                          "SELECT deal_id FROM bookings WHERE id = ?1", "i", booking))
        goto out;
      /* The newest requests, and some of the last two days, still wait for finance. */
      if ((age < 2 && fate % 2 == 0) || i + 2 >= sales->len)
        continue;
      {
        SrFen due = 0;
        if (!sr_deals_deposit_due (ctx, deal, &due, error) ||
            !sr_deals_confirm_deposit (ctx, deal, due, method, day, NULL, error))
          goto out;
      }
      if (fate >= 10 && fate < 40)
        {
          g_autoptr(SrDeal) d = sr_deals_get (ctx, deal, error);
          if (d == NULL || !sr_deals_set_discount (ctx, deal, d->list_price_fen / 200 / 100 * 100,
                                                   "老带新优惠 0.5%", error))
            goto out;
        }
      /* A change of unit before signing (换房), to a unit nobody else is sold. */
      if (fate >= 40 && fate < 43 && spare < units->len && age >= 4)
        {
          set_moment (ctx, today_start, age - 1, rand);
          if (!sr_deals_change_unit (ctx, deal, g_array_index (units, gint64, spare++),
                                     "客户要求换到更高楼层", error))
            goto out;
        }
      /* Signed within a week; a few subscriptions stay unsigned past the agreed date. */
      if (age >= 7 && fate < 95)
        {
          g_autofree char *signed_on = day_at (today_start, age - 3 - fate % 4);
          g_autofree char *number = g_strdup_printf ("CH-%u-%05u", 2025 + (age < 325 ? 1 : 0), ++contract_no);
          SrContractInput contract = { number, signed_on, plans[fate % G_N_ELEMENTS (plans)],
                                       fate % 5 == 0 ? "配偶" : NULL, NULL };
          set_moment (ctx, today_start, age - 3 - fate % 4, rand);
          if (!sr_deals_sign (ctx, deal, &contract, error))
            goto out;
          /* The balance a month later (the bank's loan, or the buyer), delivery after five. */
          if (age >= 45 && fate < 95)
            {
              g_autoptr(SrDeal) d = sr_deals_get (ctx, deal, error);
              DemoLater pay = { age - 30, LATER_PAY, deal, 0,
                                d != NULL && d->payment_method != NULL && g_str_has_suffix (d->payment_method, "mortgage") };
              if (d == NULL)
                goto out;
              g_array_append_val (later, pay);
              if (age >= 200)
                {
                  DemoLater deliver = { age - 150, LATER_DELIVER, deal, d->unit_id, FALSE };
                  g_array_append_val (later, deliver);
                }
            }
        }
      /* Some sales fall through (退房): part of the deposit is forfeited, the rest paid back. */
      if (fate >= 95 && age >= 30)
        {
          g_autoptr(SrDeal) d = NULL;
          g_autofree char *refund_day = day_at (today_start, age - 22);
          set_moment (ctx, today_start, age - 20, rand);
          if (!sr_deals_cancel (ctx, deal, fate % 2 == 0 ? "贷款未获批" : "客户家庭原因放弃购买",
                                fate % 2 == 0 ? 0 : deposit / 5, error))
            goto out;
          d = sr_deals_get (ctx, deal, error);
          set_moment (ctx, today_start, age - 22, rand);
          if (d == NULL || (d->refund_due_fen > 0 &&
                            !sr_deals_pay_refund (ctx, deal, "transfer", refund_day, NULL, error)))
            goto out;
        }
    }

  /* Later steps, in day order. */
  g_array_sort (later, compare_later);
  for (guint i = 0; i < later->len; i++)
    {
      DemoLater *step = &g_array_index (later, DemoLater, i);
      g_autofree char *day = day_at (today_start, step->days_ago);
      g_autoptr(SrDeal) d = sr_deals_get (ctx, step->deal, error);

      if (d == NULL)
        goto out;
      if (g_strcmp0 (d->state, "signed") != 0)
        continue;   /* cancelled or changed meanwhile */
      set_moment (ctx, today_start, step->days_ago, rand);
      if (step->kind == LATER_PAY)
        {
          SrFen due = 0;
          static const char *mortgage_steps[] = { "papers", "sent", "approved", "disbursed" };
          if (step->mortgage)
            for (guint k = 0; k < G_N_ELEMENTS (mortgage_steps); k++)
              if (!sr_deals_record_progress (ctx, step->deal, "mortgage", mortgage_steps[k], day, NULL, error))
                goto out;
          if (!sr_deals_due (ctx, step->deal, &due, error) ||
              (due > 0 && !sr_deals_record_payment (ctx, step->deal, due, step->mortgage ? "bank-loan" : "transfer",
                                                     day, FALSE, NULL, error)))
            goto out;
        }
      else
        {
          g_autofree char *move_in = day_at (today_start, MAX (step->days_ago - 10, 0));
          SrFen due = 0;
          if (!sr_deals_due (ctx, step->deal, &due, error))
            goto out;
          if (due > 0)
            continue;
          if (!sr_units_pass_acceptance (ctx, step->unit, day, error) ||
              !sr_deals_deliver (ctx, step->deal, day, move_in, error))
            goto out;
        }
    }

  /* After-sales problems of delivered units, in every state of the flow. */
  {
    g_autoptr(GArray) delivered = read_ids (ctx, "SELECT id FROM deals WHERE state = 'delivered' ORDER BY id", error);
    static const char *what[][3] = {
      { "engineering", "卫生间地漏反味", "工程部" }, { "engineering", "客厅墙面开裂", "工程部" },
      { "property", "车位划线不清", "物业" }, { "payment", "办证费收据遗失", "财务部" },
      { "complaint", "顾问承诺的赠品未兑现", "销售部" }, { "engineering", "阳台窗户渗水", "工程部" },
      { "contract", "合同面积与实测不符", "销售部" }, { "engineering", "入户门变形", "工程部" },
    };
    if (delivered == NULL)
      goto out;
    for (guint i = 0; i < delivered->len && i < MAX (8u, delivered->len / 12); i++)
      {
        g_autoptr(SrDeal) d = sr_deals_get (ctx, g_array_index (delivered, gint64, i), error);
        guint k = i % G_N_ELEMENTS (what), stage = i % 8;
        g_autofree char *promised = day_at (today_start, 3 - (int) (i % 10));
        SrProblemInput in = { 0 };
        gint64 id;
        if (d == NULL)
          goto out;
        set_moment (ctx, today_start, 20 + (int) (i % 30), rand);
        in.customer_id = d->customer_id;
        in.unit_id = d->unit_id;
        in.category = what[k][0];
        in.description = what[k][1];
        in.department = what[k][2];
        if (g_strcmp0 (in.category, "complaint") == 0)
          {
            gint64 staff = 0;
            if (!sr_db_get_int (sr_context_get_db (ctx), &staff, error, "SELECT owner_id FROM deals WHERE id = ?1",
                                "i", d->id))
              goto out;
            in.concerned_staff_id = staff;
            if (staff == 0)
              in.category = "other";
          }
        id = sr_problems_open (ctx, &in, error);
        if (id == 0)
          goto out;
        /* Take it some way along: 0 open … 7 closed. */
        if ((stage >= 1 && !sr_problems_propose (ctx, id, "已安排责任部门上门处理", stage % 2 == 0, error)) ||
            (stage >= 2 && stage % 2 == 0 && !sr_problems_cost (ctx, id, 150000 + 50000 * (gint64) k, error)) ||
            (stage >= 3 && stage % 2 == 0 && !sr_problems_approve_cost (ctx, id, error)) ||
            (stage >= 3 && !sr_problems_approve (ctx, id, error)) ||
            (stage >= 4 && !sr_problems_tell (ctx, id, promised, error)) ||
            (stage >= 6 && !sr_problems_done (ctx, id, error)) ||
            (stage >= 7 && !sr_problems_close (ctx, id, "业主对处理结果满意", error)))
          goto out;
      }
  }

  /* Today: reservations running, intention money held. */
  sr_clock_set_fixed (clock, today_start + 9 * 3600);
  for (guint i = 0; i < MAX (n_sales / 40, 2) && spare < units->len; i++)
    {
      gint64 customer = pick_buyer (customers, came, used, today_start, rand);
      if (customer == 0)
        break;
      if (sr_units_reserve (ctx, g_array_index (units, gint64, spare++), customer,
                            today_start + (gint64) (2 + i % 3) * 86400, "客户周末带家人来定", error) == 0)
        goto out;
    }
  for (guint i = 0; i < MAX (n_sales / 20, 3); i++)
    {
      gint64 customer = pick_buyer (customers, came, used, today_start - (gint64) (i % 20) * 86400, rand);
      g_autofree char *day = day_at (today_start, (int) (i % 20));
      if (customer == 0)
        break;
      set_moment (ctx, today_start, (int) (i % 20), rand);
      if (sr_intention_take (ctx, customer, i % 3 == 0 ? 2000000 : 1000000,
                             methods[i % G_N_ELEMENTS (methods)], day, NULL, error) == 0)
        goto out;
    }
  /* The demo writes as the command line; in the office the consultant asks and finance
   * takes the money, so the rows name them. */
  {
    SrDb *db = sr_context_get_db (ctx);
    gint64 finance = 0;
    if (!sr_db_get_int (db, &finance, error, "SELECT id FROM staff WHERE login = 'zhaocaiwu'", "") ||
        !sr_db_run (db, error, "UPDATE bookings SET created_by = (SELECT owner_id FROM customers c "
                    "WHERE c.id = bookings.customer_id) WHERE created_by IS NULL", "") ||
        !sr_db_run (db, error, "UPDATE deals SET created_by = owner_id WHERE created_by IS NULL", "") ||
        !sr_db_run (db, error, "UPDATE deals SET draftsman_id = NULL WHERE draftsman_id = owner_id", "") ||
        !sr_db_run (db, error, "UPDATE receipts SET recorded_by = ?1, confirmed_by = ?1 "
                    "WHERE recorded_by IS NULL", "i", finance))
      goto out;
  }
  ok = TRUE;
out:
  sr_clock_set_fixed (clock, saved);
  return ok;
}

/* Decoration and housekeeping offices: a year of contracts, oldest first, each with its
 * deposit taken at signing; then the payments as they fell due, in day order. One deal in
 * ten stops paying (overdue now); a few are cancelled with part of the deposit kept.
 * A large housekeeping agency serves many households: 18 in 100 of its customers signed,
 * two in three for hourly cleaning (钟点工) paid week by week, the others a live-in helper
 * paid month by month, which makes its 300,000 payments. */
static gboolean
insert_contracts (SrContext     *ctx,
                  SrOfficeKind   office,
                  SrDemoSize     size,
                  gint64         today_start,
                  GRand         *rand,
                  GError       **error)
{
  SrClock *clock = sr_context_get_clock (ctx);
  SrDb *db = sr_context_get_db (ctx);
  gint64 saved = sr_clock_get_fixed (clock);
  static const char *methods[] = { "transfer", "transfer", "card", "wechat", "alipay", "cash" };
  /* Customers by the day they came, so a contract is never older than its customer. */
  g_autoptr(GArray) customers = read_ids (ctx, "SELECT id FROM customers WHERE owner_id IS NOT NULL "
                                          "AND is_voided = 0 ORDER BY created_at, id", error);
  g_autoptr(GArray) came = read_ids (ctx, "SELECT created_at FROM customers WHERE owner_id IS NOT NULL "
                                     "AND is_voided = 0 ORDER BY created_at, id", error);
  g_autoptr(GArray) ages = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) deals = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) designers = read_ids (ctx, "SELECT id FROM staff WHERE (roles & 2) <> 0 AND is_disabled = 0 "
                                          "ORDER BY id", error);
  g_autoptr(SrStmt) items = NULL;
  g_autofree char *today = sr_day_from_unix (today_start + 12 * 3600);
  guint n;
  gboolean ok = FALSE;
  SrStep step;

  if (customers == NULL || came == NULL || designers == NULL)
    return FALSE;
  n = office == SR_OFFICE_HOUSEKEEPING && size == SR_DEMO_LARGE ? customers->len * 9 / 50
                                                              : MIN (customers->len / 10, 1500);
  for (guint i = 0; i < n; i++)
    {
      int age = g_rand_int_range (rand, 0, 365);
      g_array_append_val (ages, age);
    }
  g_array_sort (ages, compare_ints_descending);
  for (guint i = 0; i < n; i++)
    {
      int age = g_array_index (ages, int, i);
      g_autofree char *day = day_at (today_start, age);
      g_autofree char *number = NULL;
      SrContractDeal in = { 0 };
      SrFen base;
      gint64 deal;

      gint64 signed_at = today_start - (gint64) age * 86400;
      /* Someone who came at least a week before the signing. */
      guint lo = came_before (came, signed_at - 7 * 86400);

      if (lo == 0)
        continue;
      set_moment (ctx, today_start, age, rand);
      in.customer_id = g_array_index (customers, gint64, g_rand_int_range (rand, 0, (gint32) lo));
      in.signed_on = day;
      if (office == SR_OFFICE_HOUSEKEEPING && size == SR_DEMO_LARGE && i % 3 != 0)
        {
          base = (SrFen) g_rand_int_range (rand, 15, 40) * 1000;   /* a week's cleaning */
          in.kind = "service";
          in.value_fen = base * 52;
          in.deposit_fen = base;
          in.n_payments = 51;
          in.every_days = 7;
          in.clauses = "钟点工每周上门保洁，按周付费";
          number = g_strdup_printf ("ZD-%s-%05u", day, i);
        }
      else if (office == SR_OFFICE_HOUSEKEEPING)
        {
          base = (SrFen) g_rand_int_range (rand, 40, 90) * 10000;   /* a month's fee */
          in.kind = "service";
          in.value_fen = base * 12;
          in.deposit_fen = base;
          in.n_payments = 11;
          in.every_days = 30;
          number = g_strdup_printf ("JZ-%s-%04u", day, i);
        }
      else
        {
          guint k = i % 5;
          in.kind = k < 2 ? "construction" : k < 4 ? "design" : "materials";
          base = g_strcmp0 (in.kind, "construction") == 0 ? g_rand_int_range (rand, 80, 300) * 100000
               : g_strcmp0 (in.kind, "design") == 0 ? g_rand_int_range (rand, 5, 30) * 100000
               : g_rand_int_range (rand, 20, 100) * 100000;
          in.value_fen = base;
          in.deposit_fen = g_strcmp0 (in.kind, "materials") == 0 ? base / 2 : base * 3 / 10;
          in.n_payments = g_strcmp0 (in.kind, "construction") == 0 ? 3 : 1;
          in.every_days = g_strcmp0 (in.kind, "materials") == 0 ? 15 : 30;
          number = g_strdup_printf ("%s-%s-%04u", g_strcmp0 (in.kind, "construction") == 0 ? "ZX"
                                    : g_strcmp0 (in.kind, "design") == 0 ? "SJ" : "ZC", day, i);
          /* Two drawings in three name their draftsman (never the designer: see below). */
          if (g_strcmp0 (in.kind, "materials") != 0 && i % 3 != 0 && designers->len > 1)
            in.draftsman_id = g_array_index (designers, gint64, g_rand_int_range (rand, 0, (gint32) designers->len));
        }
      in.contract_no = number;
      deal = sr_contracts_add (ctx, &in, error);
      if (deal == 0 ||
          !sr_deals_record_payment (ctx, deal, in.deposit_fen, methods[i % G_N_ELEMENTS (methods)], day,
                                    FALSE, NULL, error))
        goto out;
      if (i % 23 == 5 && age > 10)
        {
          /* Cancelled a week later; a fifth of the deposit kept, the rest paid back. */
          g_autofree char *back = day_at (today_start, age - 7);
          set_moment (ctx, today_start, age - 7, rand);
          if (!sr_deals_cancel (ctx, deal, "客户另有安排，解除合同", in.deposit_fen / 5, error) ||
              !sr_deals_pay_refund (ctx, deal, "transfer", back, NULL, error))
            goto out;
          continue;
        }
      g_array_append_val (deals, deal);
    }

  /* The rest as it fell due, by due day. One deal in ten stopped paying a few weeks ago
   * (two to nine weeks): what fell due since is overdue now. */
  items = sr_db_prepare (db, "SELECT p.deal_id, p.amount_fen, p.due_day FROM plan_items p "
                         "JOIN deals d ON d.id = p.deal_id WHERE d.state = 'signed' AND d.kind <> 'unit' "
                         "AND p.kind <> 'deposit' AND p.due_day <= ?1 ORDER BY p.due_day, p.id", error);
  if (items == NULL)
    goto out;
  sr_stmt_bind_text (items, 1, today);
  {
    g_autoptr(GArray) due_deals = g_array_new (FALSE, FALSE, sizeof (gint64));
    g_autoptr(GArray) amounts = g_array_new (FALSE, FALSE, sizeof (SrFen));
    g_autoptr(GPtrArray) days = g_ptr_array_new_with_free_func (g_free);
    g_autoptr(GHashTable) paying = g_hash_table_new (g_int64_hash, g_int64_equal);

    for (guint i = 0; i < deals->len; i++)
      {
        gint64 *deal = &g_array_index (deals, gint64, i);
        g_hash_table_insert (paying, deal, GINT_TO_POINTER (i % 10 == 3 ? 15 + (int) (i / 10 * 13 % 50) : 0));
      }
    while ((step = sr_stmt_step (items, error)) == SR_STEP_ROW)
      {
        gint64 deal = sr_stmt_get_int (items, 0);
        SrFen amount = sr_stmt_get_int (items, 1);
        gpointer stopped = NULL;
        if (!g_hash_table_lookup_extended (paying, &deal, NULL, &stopped) ||
            (GPOINTER_TO_INT (stopped) > 0 &&
             sr_day_start_unix (sr_stmt_get_text (items, 2)) > today_start - GPOINTER_TO_INT (stopped) * 86400))
          continue;
        g_array_append_val (due_deals, deal);
        g_array_append_val (amounts, amount);
        g_ptr_array_add (days, sr_stmt_dup_text (items, 2));
      }
    if (step == SR_STEP_ERROR)
      goto out;
    g_clear_pointer (&items, sr_stmt_done);
    for (guint i = 0; i < due_deals->len; i++)
      {
        const char *day = g_ptr_array_index (days, i);
        sr_clock_set_fixed (clock, sr_day_start_unix (day) + 10 * 3600);
        if (!sr_deals_record_payment (ctx, g_array_index (due_deals, gint64, i), g_array_index (amounts, SrFen, i),
                                      methods[i % G_N_ELEMENTS (methods)], day, FALSE, NULL, error))
          goto out;
      }
  }
  {
    gint64 finance = 0;
    if (!sr_db_get_int (db, &finance, error, "SELECT id FROM staff WHERE login = 'zhaocaiwu'", "") ||
        !sr_db_run (db, error, "UPDATE deals SET created_by = owner_id WHERE created_by IS NULL", "") ||
        !sr_db_run (db, error, "UPDATE deals SET draftsman_id = NULL WHERE draftsman_id = owner_id", "") ||
        !sr_db_run (db, error, "UPDATE receipts SET recorded_by = ?1, confirmed_by = ?1 "
                    "WHERE recorded_by IS NULL", "i", finance))
      goto out;
  }
  ok = TRUE;
out:
  sr_clock_set_fixed (clock, saved);
  return ok;
}

/* A decoration office's designer dispatch: levels set a year ago (the first three chief,
 * the next six senior), a month of new customers dispatched as they came, one designer on
 * leave today, and a few of this morning's customers still waiting for a designer. */
static gboolean
insert_dispatch (SrContext  *ctx,
                 gint64      today_start,
                 int         per_day,
                 GRand      *rand,
                 GError    **error)
{
  SrClock *clock = sr_context_get_clock (ctx);
  gint64 saved = sr_clock_get_fixed (clock);
  g_autoptr(GPtrArray) levels = sr_designer_levels (ctx, error);
  g_autoptr(GPtrArray) designers = NULL;
  g_autofree char *today = sr_day_from_unix (today_start + 12 * 3600);
  gboolean ok = FALSE;
  guint serial = 0;

  if (levels == NULL || levels->len < 3)
    return levels != NULL;
  sr_clock_set_fixed (clock, today_start - 365 * 86400 + 9 * 3600);
  designers = sr_designers_list (ctx, error);
  if (designers == NULL)
    goto out;
  for (guint i = 0; i < designers->len; i++)
    {
      SrDesigner *d = g_ptr_array_index (designers, i);
      SrDesigner *level = g_ptr_array_index (levels, i < 3 ? 0 : i < 9 ? 1 : 2);
      if (!sr_designers_set_level (ctx, d->staff_id, level->level_id, "季度级别评定", error))
        goto out;
    }
  for (int back = 30; back >= 0; back--)
    {
      gint64 start = today_start - (gint64) back * 86400;
      int n = back == 0 ? per_day / 2 + 3 : per_day;
      for (int k = 0; k < n; k++)
        {
          g_autofree char *phone = g_strdup_printf ("1590%07u", 1000000 + serial++);
          g_autofree char *name = g_strconcat (surnames[g_rand_int_range (rand, 0, G_N_ELEMENTS (surnames))],
                                               g_rand_boolean (rand) ? "先生" : "女士", NULL);
          const char *phones[] = { phone, NULL };
          SrCustomerInput in = { name, NULL, k % 3 == 0 ? "call" : "walk-in", 0, NULL, 0, phones, FALSE, 0 };
          gint64 customer;
          sr_clock_set_fixed (clock, start + 9 * 3600 + k * 1800 + g_rand_int_range (rand, 0, 1200));
          customer = sr_customers_add (ctx, &in, error);
          if (customer == 0)
            goto out;
          /* This morning's last ones wait for the customer manager. */
          if (back == 0 && k >= n - 3)
            continue;
          if (!sr_dispatch_customer (ctx, customer, k % 5 == 4, 0, NULL, error))
            goto out;
        }
      if (back == 1 && designers->len > 4 &&
          !sr_designers_add_leave (ctx, ((SrDesigner *) g_ptr_array_index (designers, 4))->staff_id, today, today,
                                   "事假", error))
        goto out;
    }
  ok = sr_db_run (sr_context_get_db (ctx), error, "UPDATE dispatches SET by_id = (SELECT id FROM staff "
                  "WHERE login = 'liuzhuguan') WHERE by_id IS NULL", "");
out:
  sr_clock_set_fixed (clock, saved);
  return ok;
}

/* A decoration office's quotes: every customer who reached the plan stage got a base
 * quote then; two in five a second, lower version after the plan review. */
static gboolean
insert_quotes (SrContext  *ctx,
               GRand      *rand,
               GError    **error)
{
  SrClock *clock = sr_context_get_clock (ctx);
  gint64 saved = sr_clock_get_fixed (clock);
  g_autoptr(SrStmt) stmt = sr_db_prepare (sr_context_get_db (ctx),
                                          "SELECT s.customer_id, min (s.at) FROM stage_changes s JOIN stages g "
                                          "ON g.id = s.to_stage WHERE g.kind = 'plan' GROUP BY s.customer_id "
                                          "ORDER BY min (s.at) LIMIT 4000", error);
  g_autoptr(GArray) customers = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) moments = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean ok = FALSE;
  SrStep step;

  if (stmt == NULL)
    return FALSE;
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      gint64 id = sr_stmt_get_int (stmt, 0), at = sr_stmt_get_int (stmt, 1);
      g_array_append_val (customers, id);
      g_array_append_val (moments, at);
    }
  if (step == SR_STEP_ERROR)
    return FALSE;
  g_clear_pointer (&stmt, sr_stmt_done);
  for (guint i = 0; i < customers->len; i++)
    {
      gint64 id = g_array_index (customers, gint64, i), at = g_array_index (moments, gint64, i);
      SrFen amount = (SrFen) g_rand_int_range (rand, 80, 400) * 100000;
      sr_clock_set_fixed (clock, at + 3600);
      if (sr_quotes_add (ctx, id, amount, "基础报价", error) == 0)
        goto out;
      if (i % 5 < 2)
        {
          sr_clock_set_fixed (clock, at + 3 * 86400 + 3600);
          if (sr_quotes_add (ctx, id, amount * g_rand_int_range (rand, 90, 98) / 100, "方案沟通后调整", error) == 0)
            goto out;
        }
    }
  ok = sr_db_run (sr_context_get_db (ctx), error, "UPDATE quotes SET by_id = (SELECT owner_id FROM customers c "
                  "WHERE c.id = quotes.customer_id) WHERE by_id IS NULL", "");
out:
  sr_clock_set_fixed (clock, saved);
  return ok;
}

/* A housekeeping agency's roster and its work: for every live-in agreement (the hourly
 * cleaners come from another roster, not kept here), two
 * housekeepers proposed and interviewed a few days before signing and the one who passed
 * placed a week after it; one placement in eight replaced during the trial (half of those
 * replaced sent back to training); customers past their trial in service; candidates
 * waiting for interviews in the interview stage; a few in targeted training or gone. */
static gboolean
insert_housekeeping (SrContext  *ctx,
                     gint64      today_start,
                     GRand      *rand,
                     GError    **error)
{
  static const char *skills[] = { "育婴 早教", "养老护理", "做饭 保洁", "月嫂 产后护理", "保洁 收纳", "病患陪护",
                                  "育儿嫂", "做饭 接送孩子" };
  static const char *places[] = { "安徽", "河南", "四川", "湖南", "江西", "山东", "甘肃", "湖北" };
  static const char *not_taken[] = { "不会做南方菜", "年龄偏大", "客户觉得沟通不顺", "作息时间对不上" };
  SrDb *db = sr_context_get_db (ctx);
  SrClock *clock = sr_context_get_clock (ctx);
  gint64 saved = sr_clock_get_fixed (clock);
  g_autoptr(GArray) keepers = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) deal_customers = NULL;
  g_autoptr(GArray) waiting = NULL;
  g_autoptr(GPtrArray) signed_days = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *today = sr_day_from_unix (today_start + 12 * 3600);
  gint64 n_deals = 0, service = 0, interview_stage = 0;
  guint next = 0, n_keepers;
  gboolean ok = FALSE;

  if (!sr_db_get_int (db, &n_deals, error, "SELECT count(*) FROM deals WHERE kind = 'service' AND state = 'signed' "
                      "AND coalesce (clauses, '') NOT LIKE '钟点工%'", "") ||
      !sr_db_get_int (db, &service, error, "SELECT id FROM stages WHERE kind = 'custom' AND is_disabled = 0 AND position > "
                      "(SELECT min (position) FROM stages WHERE kind = 'trial') ORDER BY position LIMIT 1", "") ||
      !sr_db_get_int (db, &interview_stage, error, "SELECT id FROM stages WHERE kind = 'custom' AND is_disabled = 0 "
                      "AND position < (SELECT min (position) FROM stages WHERE kind = 'sign') ORDER BY position LIMIT 1", ""))
    return FALSE;
  /* The roster, a year ago. */
  n_keepers = (guint) (n_deals * 2 + 60);
  sr_clock_set_fixed (clock, today_start - 400 * 86400 + 9 * 3600);
  for (guint i = 0; i < n_keepers; i++)
    {
      g_autofree char *name = g_strconcat (surnames[g_rand_int_range (rand, 0, G_N_ELEMENTS (surnames))], "阿姨", NULL);
      g_autofree char *phone = g_strdup_printf ("1570%07u", 2000000 + i);
      SrHousekeeperInput in = { name, phone, g_rand_int_range (rand, 1966, 1992), places[i % G_N_ELEMENTS (places)],
                                skills[g_rand_int_range (rand, 0, G_N_ELEMENTS (skills))], NULL };
      gint64 id = sr_housekeepers_add (ctx, &in, error);
      if (id == 0)
        goto out;
      g_array_append_val (keepers, id);
    }

  /* The agreements, oldest first. */
  {
    g_autoptr(SrStmt) stmt = sr_db_prepare (db, "SELECT customer_id, max (signed_on) FROM deals WHERE kind = 'service' "
                                            "AND state = 'signed' AND customer_id NOT IN (SELECT customer_id FROM deals "
                                            "WHERE clauses LIKE '钟点工%') GROUP BY customer_id ORDER BY 2, 1", error);
    SrStep step;
    if (stmt == NULL)
      goto out;
    deal_customers = g_array_new (FALSE, FALSE, sizeof (gint64));
    while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
      {
        gint64 id = sr_stmt_get_int (stmt, 0);
        g_array_append_val (deal_customers, id);
        g_ptr_array_add (signed_days, sr_stmt_dup_text (stmt, 1));
      }
    if (step == SR_STEP_ERROR)
      goto out;
  }
  for (guint i = 0; i < deal_customers->len && next + 4 < keepers->len; i++)
    {
      gint64 customer = g_array_index (deal_customers, gint64, i);
      gint64 signed_at = sr_day_start_unix (g_ptr_array_index (signed_days, i));
      gint64 start_at = signed_at + 7 * 86400, running = 0, pick = 0;
      g_autofree char *interview_day = sr_day_from_unix (signed_at - 2 * 86400 + 12 * 3600);
      g_autofree char *start_day = sr_day_from_unix (start_at + 12 * 3600);
      gboolean first_fails = i % 4 == 1;

      if (!sr_db_get_int (db, &running, error, "SELECT count(*) FROM placements WHERE customer_id = ?1", "i", customer))
        goto out;
      if (running > 0 || start_at > today_start)
        continue;
      for (guint k = 0; k < 2; k++)
        {
          gint64 keeper = g_array_index (keepers, gint64, next++);
          gint64 candidate;
          gboolean passed = k == 0 ? !first_fails : first_fails;
          sr_clock_set_fixed (clock, signed_at - 3 * 86400 + 10 * 3600);
          candidate = sr_candidates_propose (ctx, customer, keeper, error);
          if (candidate == 0)
            goto out;
          sr_clock_set_fixed (clock, signed_at - 2 * 86400 + 15 * 3600);
          if (!sr_candidates_record (ctx, candidate, passed, interview_day, passed ? NULL : not_taken[i % G_N_ELEMENTS (not_taken)],
                                     error))
            goto out;
          if (passed)
            pick = keeper;
          /* The second is interviewed only when the first was not taken. */
          if (passed)
            break;
        }
      sr_clock_set_fixed (clock, start_at + 9 * 3600);
      if (sr_placements_start (ctx, customer, pick, start_day, error) == 0)
        goto out;
      if (i % 8 == 3 && start_at + 15 * 86400 < today_start)
        {
          /* Replaced during the trial. */
          gint64 keeper = g_array_index (keepers, gint64, next++);
          gint64 candidate;
          g_autofree char *day = sr_day_from_unix (start_at + 14 * 86400 + 12 * 3600);
          g_autofree char *from = sr_day_from_unix (start_at + 15 * 86400 + 12 * 3600);
          sr_clock_set_fixed (clock, start_at + 13 * 86400 + 10 * 3600);
          candidate = sr_candidates_propose (ctx, customer, keeper, error);
          sr_clock_set_fixed (clock, start_at + 14 * 86400 + 15 * 3600);
          if (candidate == 0 || !sr_candidates_record (ctx, candidate, TRUE, day, NULL, error))
            goto out;
          sr_clock_set_fixed (clock, start_at + 15 * 86400 + 9 * 3600);
          if (sr_placements_replace (ctx, customer, keeper, from, i % 16 == 3 ? "做饭不合口味，客户要求调换" : "性格不合，客户要求调换",
                                     i % 16 == 3, error) == 0)
            goto out;
          start_at += 15 * 86400;
        }
      /* Past the trial: in service (those whose trial ended in the last days wait for it). */
      if (service > 0 && start_at + 39 * 86400 < today_start)
        {
          SrStageMove move = { service, NULL, NULL };
          sr_clock_set_fixed (clock, start_at + 36 * 86400 + 10 * 3600);
          if (!sr_pipeline_move (ctx, customer, &move, error))
            goto out;
        }
    }
  /* Those retrained long ago are back; a few free ones in targeted training or gone. */
  sr_clock_set_fixed (clock, today_start + 9 * 3600);
  if (!sr_db_run (db, error, "UPDATE trainings SET to_day = date (from_day, '+10 days') WHERE to_day IS NULL "
                  "AND from_day < date (?1, '-10 days')", "t", today))
    goto out;
  for (guint k = 0; k < 6 && next < keepers->len; k++)
    {
      gint64 keeper = g_array_index (keepers, gint64, keepers->len - 1 - k);
      if (k < 4 ? !sr_housekeepers_start_training (ctx, keeper, FALSE, 0, k % 2 ? "养老护理定向培训" : "月嫂技能培训", error)
                : !sr_housekeepers_set_left (ctx, keeper, "回老家", error))
        goto out;
    }
  /* Customers at the interview stage: candidates proposed, a few interviewed. */
  if (interview_stage > 0)
    {
      waiting = read_ids (ctx, "SELECT c.id FROM customers c JOIN stages g ON g.id = c.stage_id WHERE c.is_voided = 0 "
                          "AND g.kind = 'custom' AND c.owner_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM deals d "
                          "WHERE d.customer_id = c.id) AND g.position < (SELECT min (position) FROM stages "
                          "WHERE kind = 'sign') ORDER BY c.stage_at DESC LIMIT 40", error);
      if (waiting == NULL)
        goto out;
      for (guint i = 0; i < waiting->len && next + 2 < keepers->len; i++)
        for (guint k = 0; k < 2; k++)
          {
            gint64 candidate = sr_candidates_propose (ctx, g_array_index (waiting, gint64, i),
                                                      g_array_index (keepers, gint64, next++), error);
            if (candidate == 0)
              goto out;
            if (k == 0 && i % 3 == 0 && !sr_candidates_record (ctx, candidate, TRUE, today, "客户满意，等签协议", error))
              goto out;
          }
    }
  ok = sr_db_run (db, error, "UPDATE candidates SET proposed_by = (SELECT owner_id FROM customers c WHERE c.id = "
                  "candidates.customer_id) WHERE proposed_by IS NULL", "") &&
       sr_db_run (db, error, "UPDATE housekeepers SET created_by = (SELECT id FROM staff WHERE login = 'liuzhuguan') "
                  "WHERE created_by IS NULL", "");
out:
  sr_clock_set_fixed (clock, saved);
  return ok;
}

/* Decoration sites under construction (a housekeeper in the trial period) since a week
 * after signing, with a return visit every week or so; some are due today, and a visit
 * now and then finds a problem. */
static gboolean
insert_return_visits (SrContext     *ctx,
                      SrOfficeKind   office,
                      gint64         today_start,
                      GRand         *rand,
                      GError       **error)
{
  SrDb *db = sr_context_get_db (ctx);
  SrClock *clock = sr_context_get_clock (ctx);
  gint64 saved = sr_clock_get_fixed (clock);
  g_autoptr(SrStmt) stmt = NULL;
  g_autoptr(GArray) customers = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 stage = 0;
  gboolean ok = FALSE;
  SrStep step;
  static const char *said[] = { "工地进展顺利，客户满意", "客户希望加快进度", "对施工质量满意",
                                "询问主材到货时间", "客户对工人态度有意见" };

  if (!sr_db_get_int (db, &stage, error, "SELECT id FROM stages WHERE kind = ?1 AND is_disabled = 0 "
                      "ORDER BY position DESC LIMIT 1", "t", office == SR_OFFICE_HOUSEKEEPING ? "trial" : "construct"))
    return FALSE;
  if (stage == 0)
    return TRUE;
  stmt = office == SR_OFFICE_HOUSEKEEPING
    ? sr_db_prepare (db, "SELECT customer_id, date (min (starts_on), '-7 days') FROM placements GROUP BY customer_id "
                     "HAVING sum (ended_on IS NULL) > 0 ORDER BY customer_id", error)
    : sr_db_prepare (db, "SELECT DISTINCT customer_id, min (signed_on) FROM deals WHERE state = 'signed' "
                     "AND kind = 'construction' GROUP BY customer_id ORDER BY customer_id", error);
  if (stmt == NULL)
    return FALSE;
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      gint64 id = sr_stmt_get_int (stmt, 0), start = sr_day_start_unix (sr_stmt_get_text (stmt, 1)) + 7 * 86400 + 10 * 3600;
      if (start < today_start - 86400)
        {
          g_array_append_val (customers, id);
          g_array_append_val (starts, start);
        }
    }
  if (step == SR_STEP_ERROR)
    return FALSE;
  g_clear_pointer (&stmt, sr_stmt_done);
  for (guint i = 0; i < customers->len; i++)
    {
      gint64 id = g_array_index (customers, gint64, i), at = g_array_index (starts, gint64, i);
      SrStageMove move = { stage, NULL, NULL };
      sr_clock_set_fixed (clock, at);
      /* A housekeeper's placement moved the customer already. */
      if (office != SR_OFFICE_HOUSEKEEPING && !sr_pipeline_move (ctx, id, &move, error))
        goto out;
      for (at += (7 + g_rand_int_range (rand, 0, 3)) * 86400; at < today_start - (gint64) (i % 12) * 86400;
           at += (7 + g_rand_int_range (rand, 0, 3)) * 86400)
        {
          guint k = (guint) g_rand_int_range (rand, 0, 30);
          SrReturnVisit visit = { id, k % 2 == 0 ? "visit" : "phone", said[k % G_N_ELEMENTS (said)], k == 4 ? 2 : 4 + (int) (k % 2),
                                  k == 4 ? "工人现场吸烟，客户投诉" : NULL, k == 4 ? "工程部" : NULL };
          sr_clock_set_fixed (clock, at);
          if (sr_return_visits_add (ctx, &visit, error) == 0)
            goto out;
        }
    }
  ok = sr_db_run (db, error, "UPDATE return_visits SET staff_id = (SELECT id FROM staff WHERE login = 'liuzhuguan') "
                  "WHERE staff_id IS NULL", "");
out:
  sr_clock_set_fixed (clock, saved);
  return ok;
}

/* The manager delayed a few late payments (延期付款), a few days after they fell due. */
static gboolean
insert_delays (SrContext  *ctx,
               gint64      today_start,
               GError    **error)
{
  static const char *reasons[] = { "客户资金周转困难，申请延期一个月", "银行放款延迟", "客户出差，延期付款",
                                   "等待公积金审批", "客户家中有事，经理同意延期" };
  SrClock *clock = sr_context_get_clock (ctx);
  gint64 saved = sr_clock_get_fixed (clock);
  g_autofree char *today = sr_day_from_unix (today_start + 12 * 3600);
  g_autoptr(SrStmt) stmt = sr_db_prepare (sr_context_get_db (ctx),
                                          "SELECT i.id, i.due_day FROM plan_items i JOIN deals d ON d.id = i.deal_id "
                                          "WHERE d.state = 'signed' AND i.paid_fen < i.amount_fen AND i.due_day < ?1 "
                                          "AND i.due_day >= date (?1, '-60 days') ORDER BY i.due_day, i.id LIMIT 8", error);
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) days = g_ptr_array_new_with_free_func (g_free);
  gboolean ok = FALSE;
  SrStep step;

  if (stmt == NULL)
    return FALSE;
  sr_stmt_bind_text (stmt, 1, today);
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      gint64 id = sr_stmt_get_int (stmt, 0);
      g_array_append_val (items, id);
      g_ptr_array_add (days, sr_stmt_dup_text (stmt, 1));
    }
  if (step == SR_STEP_ERROR)
    return FALSE;
  g_clear_pointer (&stmt, sr_stmt_done);
  for (guint i = 0; i < items->len; i++)
    {
      gint64 due = sr_day_start_unix (g_ptr_array_index (days, i));
      gint64 asked = MIN (due + 3 * 86400, today_start) + 11 * 3600;
      g_autofree char *to = sr_day_from_unix (asked + (gint64) (20 + 5 * i) * 86400);
      sr_clock_set_fixed (clock, asked);
      if (!sr_plan_item_delay (ctx, g_array_index (items, gint64, i), to, reasons[i % G_N_ELEMENTS (reasons)], error))
        goto out;
    }
  ok = sr_db_run (sr_context_get_db (ctx), error, "UPDATE plan_item_delays SET approved_by = (SELECT id FROM staff "
                  "WHERE login = 'wangjingli') WHERE approved_by IS NULL", "");
out:
  sr_clock_set_fixed (clock, saved);
  return ok;
}

/* This morning a few consultants report money customers handed them; it waits for
 * finance on the Money page. */
static gboolean
insert_reported_money (SrContext  *ctx,
                       gint64      today_start,
                       GError    **error)
{
  SrDb *db = sr_context_get_db (ctx);
  g_autoptr(GArray) deals = read_ids (ctx, "SELECT id FROM deals WHERE state = 'signed' ORDER BY id DESC LIMIT 40",
                                      error);
  g_autofree char *today = sr_day_from_unix (today_start + 12 * 3600);
  SrClock *clock = sr_context_get_clock (ctx);
  gint64 saved = sr_clock_get_fixed (clock);
  gboolean ok = TRUE;
  guint n = 0;

  if (deals == NULL)
    return FALSE;
  sr_clock_set_fixed (clock, today_start + 9 * 3600 + 1800);
  for (guint i = 0; ok && i < deals->len && n < 4; i++)
    {
      gint64 deal = g_array_index (deals, gint64, i);
      SrFen due = 0;
      ok = sr_deals_due (ctx, deal, &due, error);
      if (!ok || due < 100000)
        continue;
      ok = sr_money_report_add (ctx, deal, MIN (due, 500000), n % 2 == 0 ? "transfer" : "wechat", today,
                                n % 2 == 0 ? "客户转账回单已拍照" : "客户微信转账", error) > 0;
      n++;
    }
  sr_clock_set_fixed (clock, saved);
  return ok && sr_db_run (db, error, "UPDATE reported_money SET reported_by = (SELECT c.owner_id FROM deals d "
                    "JOIN customers c ON c.id = d.customer_id WHERE d.id = reported_money.deal_id) "
                    "WHERE reported_by IS NULL", "");
}

gboolean
sr_demo_generate (SrContext            *ctx,
                  const SrDemoOptions  *options,
                  SrDemoCounts         *out_counts,
                  GError              **error)
{
  static const char *office_names[] = {
    [SR_OFFICE_PROPERTY] = "翠湖天地售楼处",
    [SR_OFFICE_DECORATION] = "匠心家装设计中心",
    [SR_OFFICE_HOUSEKEEPING] = "安心家政服务中心",
  };
  SrDb *db = sr_context_get_db (ctx);
  g_autoptr(GRand) rand = g_rand_new_with_seed (options->seed);
  g_autoptr(GArray) consultants = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(SrSession) demo_session = sr_session_new_command_line ();
  g_autoptr(SrSession) previous = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *today = NULL;
  SrDemoCounts counts = { 0 };
  gboolean exists = FALSE;
  gint64 today_start, admin_id;
  guint n_consultants = options->size == SR_DEMO_LARGE ? 30 : 8;
  guint n_customers = options->size == SR_DEMO_LARGE ? 100000 : 400;
  gboolean ok = FALSE;

  today = options->today != NULL ? g_strdup (options->today)
                                 : sr_clock_today (sr_context_get_clock (ctx));
  today_start = sr_day_start_unix (today);
  if (today_start < 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                   _("“%s” is not a date (YYYY-MM-DD)."), today);
      return FALSE;
    }
  if (!sr_office_exists (ctx, &exists, error))
    return FALSE;
  if (exists)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT,
                   _("This database already holds an office; the demo needs an empty one."));
      return FALSE;
    }

  /* One hash for every demo account: hashing is slow on purpose. */
  hash = sr_password_hash (SR_DEMO_PASSWORD, error);
  if (hash == NULL)
    return FALSE;

  if (sr_context_get_session (ctx) != NULL)
    previous = g_object_ref (sr_context_get_session (ctx));
  if (!sr_db_begin (db, error))
    return FALSE;
  admin_id = sr_office_create_with_hash (ctx, office_names[options->kind], options->kind,
                                         "admin", "系统管理员", hash, error);
  sr_context_set_session (ctx, demo_session);
  if (admin_id == 0 || !name_in_chinese (ctx, options->kind, error))
    goto fail;
  counts.n_staff = 1 + G_N_ELEMENTS (fixed_staff) + n_consultants;
  if (!insert_staff (ctx, hash, n_consultants, consultants, error))
    goto fail;
  {
    /* Two groups of consultants (the customer manager leads the first). */
    static const char *teams[][2] = {
      [SR_OFFICE_PROPERTY] = { "销售一组", "销售二组" },
      [SR_OFFICE_DECORATION] = { "设计一组", "设计二组" },
      [SR_OFFICE_HOUSEKEEPING] = { "顾问一组", "顾问二组" },
    };
    if (!sr_db_run (db, error, "UPDATE staff SET team = CASE WHEN id % 2 = 0 THEN ?1 ELSE ?2 END WHERE (roles & 2) <> 0",
                    "tt", teams[options->kind][0], teams[options->kind][1]) ||
        !sr_db_run (db, error, "UPDATE staff SET team = ?1 WHERE login = 'liuzhuguan'", "t", teams[options->kind][0]))
      goto fail;
  }
  if (sr_office_kind_has_units (options->kind) &&
      !insert_units (ctx, options->size, rand, &counts, error))
    goto fail;
  counts.n_customers = n_customers;
  if (!insert_customers (ctx, n_customers, consultants, today_start, rand, error) ||
      !insert_stage_history (ctx, today_start, rand, error) ||
      !insert_past_desk_days (ctx, today, options->size == SR_DEMO_LARGE ? 365 : 14,
                              consultants, rand, error) ||
      !insert_desk_day (ctx, today, consultants, rand, error))
    goto fail;
  /* What graded property customers want (户型, 面积): the controller's demand. */
  if (sr_office_kind_has_units (options->kind) &&
      !sr_db_run (db, error,
                  "UPDATE customers SET intention_unit_type = CASE (id * 7) % 10 "
                  " WHEN 0 THEN '一室一厅' WHEN 1 THEN '四室两厅' WHEN 2 THEN '两室两厅' WHEN 3 THEN '两室两厅' "
                  " WHEN 4 THEN '两室两厅' WHEN 5 THEN '三室两厅' WHEN 6 THEN '三室两厅' WHEN 7 THEN '三室两厅' "
                  " WHEN 8 THEN '三室两厅' ELSE NULL END, "
                  "intention_area = CASE (id * 13) % 6 WHEN 0 THEN '60-90' WHEN 1 THEN '90-120' "
                  " WHEN 2 THEN '90-120' WHEN 3 THEN '120-144' WHEN 4 THEN '约150平' ELSE NULL END "
                  "WHERE grade IS NOT NULL", ""))
    goto fail;
  /* The owner's profile (seed 002: occupation, income, education, residence, motive), filled
   * in for most graded customers, as consultants do once a customer is serious. */
  if (!sr_db_run (db, error,
                  "UPDATE customers SET "
                  "occupation = CASE (id * 7) % 11 WHEN 0 THEN '企业职员' WHEN 1 THEN '企业职员' WHEN 2 THEN '公务员' "
                  " WHEN 3 THEN '个体经营' WHEN 4 THEN '教师' WHEN 5 THEN '医生' WHEN 6 THEN '私营业主' "
                  " WHEN 7 THEN '工程师' WHEN 8 THEN '企业职员' WHEN 9 THEN '自由职业' ELSE NULL END, "
                  "income_band = CASE (id * 11) % 9 WHEN 0 THEN '5千以下' WHEN 1 THEN '5千-1万' WHEN 2 THEN '5千-1万' "
                  " WHEN 3 THEN '1万-2万' WHEN 4 THEN '1万-2万' WHEN 5 THEN '1万-2万' WHEN 6 THEN '2万-5万' "
                  " WHEN 7 THEN '5万以上' ELSE NULL END, "
                  "education = CASE (id * 5) % 8 WHEN 0 THEN '高中及以下' WHEN 1 THEN '大专' WHEN 2 THEN '大专' "
                  " WHEN 3 THEN '本科' WHEN 4 THEN '本科' WHEN 5 THEN '本科' WHEN 6 THEN '硕士及以上' ELSE NULL END, "
                  "residence_area = CASE (id * 3) % 10 WHEN 0 THEN '城东' WHEN 1 THEN '城东' WHEN 2 THEN '城西' "
                  " WHEN 3 THEN '高新区' WHEN 4 THEN '老城区' WHEN 5 THEN '老城区' WHEN 6 THEN '开发区' "
                  " WHEN 7 THEN '外地' WHEN 8 THEN '城南' ELSE NULL END, "
                  "purchase_motive = CASE (id * 13) % 9 WHEN 0 THEN '自住' WHEN 1 THEN '自住' WHEN 2 THEN '自住' "
                  " WHEN 3 THEN '改善' WHEN 4 THEN '改善' WHEN 5 THEN '投资' WHEN 6 THEN '子女教育' "
                  " WHEN 7 THEN '养老' ELSE NULL END "
                  "WHERE grade IS NOT NULL", ""))
    goto fail;
  {
    /* What one customer in three asked about at the desk (客户关注问题, the daily traffic
     * report's last part). */
    static const char *asked[][8] = {
      [SR_OFFICE_PROPERTY] = { "询问学区划片", "关注首付比例", "问交房时间", "比较周边楼盘价格", "关注车位配比",
                               "询问公积金贷款", "想看样板间", "关心物业费" },
      [SR_OFFICE_DECORATION] = { "问全包价格", "关注环保材料", "想看在施工地", "问工期多长", "关心水电改造",
                                 "问设计费能否抵扣", "想看效果图", "关心售后保修" },
      [SR_OFFICE_HOUSEKEEPING] = { "要住家保姆", "问月嫂价格", "关心阿姨籍贯", "问能否试用", "要会做饭的",
                                   "问钟点工价格", "关心阿姨体检证明", "要照顾老人" },
    };
    const char **a = asked[options->kind];
    if (!sr_db_run (db, error, "UPDATE contacts SET note = CASE (id / 3) % 8 WHEN 0 THEN ?1 WHEN 1 THEN ?2 "
                    "WHEN 2 THEN ?3 WHEN 3 THEN ?4 WHEN 4 THEN ?5 WHEN 5 THEN ?6 WHEN 6 THEN ?7 ELSE ?8 END "
                    "WHERE is_business = 1 AND note IS NULL AND id % 3 = 0", "tttttttt",
                    a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7]))
      goto fail;
  }
  if (sr_office_kind_has_units (options->kind) && !insert_sales (ctx, today_start, rand, error))
    goto fail;
  if (!sr_office_kind_has_units (options->kind) && !insert_contracts (ctx, options->kind, options->size, today_start, rand, error))
    goto fail;
  if (!insert_reported_money (ctx, today_start, error) || !insert_delays (ctx, today_start, error))
    goto fail;
  if (options->kind == SR_OFFICE_DECORATION &&
      !insert_dispatch (ctx, today_start, options->size == SR_DEMO_LARGE ? 12 : 3, rand, error))
    goto fail;
  if (options->kind == SR_OFFICE_DECORATION &&
      (!insert_quotes (ctx, rand, error) ||
       !sr_db_run (db, error, "INSERT INTO settings (key, value) VALUES ('dispatch.top_bonus', '1') "
                   "ON CONFLICT (key) DO UPDATE SET value = excluded.value", "")))
    goto fail;
  if (options->kind == SR_OFFICE_HOUSEKEEPING && !insert_housekeeping (ctx, today_start, rand, error))
    goto fail;
  if (options->kind != SR_OFFICE_PROPERTY && !insert_return_visits (ctx, options->kind, today_start, rand, error))
    goto fail;
  {
    /* This month's targets: a fifth above each person's monthly average of the last
     * quarter, rounded to ¥10,000 (some have no target yet). */
    g_autofree char *month = NULL;
    g_autofree char *month_end = NULL;
    if (!sr_period_bounds (SR_PERIOD_MONTH, today, &month, &month_end) ||
        !sr_db_run (db, error,
                    "INSERT INTO targets (staff_id, period, starts_on, value_fen, signings, at) "
                    "SELECT s.id, 'month', ?1, max (1000000, (coalesce ((SELECT sum (d.price_fen) FROM deals d "
                    " WHERE d.owner_id = s.id AND d.signed_on >= date (?2, '-90 days') AND d.state IN ('signed', 'delivered')), 0) "
                    " * 12 / 30 / 1000000) * 1000000), "
                    " max (1, (SELECT count(*) FROM deals d WHERE d.owner_id = s.id AND d.signed_on >= date (?2, '-90 days')) / 3), ?3 "
                    "FROM staff s WHERE s.is_disabled = 0 AND (s.roles & 2) <> 0 AND s.id % 5 <> 0",
                    "tti", month, today, today_start))
      goto fail;
  }
  if (!sr_audit_write (ctx, "demo", "office", 1, NULL,
                       options->size == SR_DEMO_LARGE ? "{\"size\":\"large\"}"
                                                      : "{\"size\":\"small\"}", error) ||
      !sr_db_commit (db, error))
    goto fail;
  ok = TRUE;
  if (out_counts != NULL)
    *out_counts = counts;
  goto out;

fail:
  sr_db_rollback (db);
out:
  sr_context_set_session (ctx, previous);
  return ok;
}
