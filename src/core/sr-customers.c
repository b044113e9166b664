/* sr-customers.c — see sr-customers.h. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sr-audit.h"
#include "sr-customers-private.h"
#include "sr-office.h"
#include "sr-staff.h"
#include "sr-error.h"
#include "sr-phone.h"

#define SR_MAX_RESULTS 200
#define SR_MAX_IDS 5000

G_DEFINE_FINAL_TYPE (SrCustomer, sr_customer, G_TYPE_OBJECT)


/* Whether @text holds a control character (a line break, a tab, …): never in a name. */
static gboolean
has_control (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static void
sr_customer_finalize (GObject *object)
{
  SrCustomer *self = SR_CUSTOMER (object);

  g_free (self->name);
  g_free (self->channel);
  g_free (self->grade);
  g_free (self->owner_name);
  g_strfreev (self->phones);
  G_OBJECT_CLASS (sr_customer_parent_class)->finalize (object);
}

static void
sr_customer_class_init (SrCustomerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sr_customer_finalize;
}

static void
sr_customer_init (SrCustomer *self)
{
}

static const struct {
  const char *code;
  const char *label;
} channels[] = {
  { "call", N_("Call") },                 /* 来电 */
  { "walk-in", N_("Walk-in") },           /* 来访 */
  { "booth", N_("Off-site booth") },      /* 外卖场 */
  { "referral", N_("Referral") },         /* 老带新 */
  { "outreach", N_("Direct outreach") },  /* 直接拓客 */
  { "telemarketing", N_("Telemarketing") },
  { "online", N_("Online") },
};

const char * const sr_channel_codes[SR_N_CHANNELS + 1] = {
  "call", "walk-in", "booth", "referral", "outreach", "telemarketing", "online", NULL
};

const char *
sr_channel_get_label (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
    if (g_strcmp0 (channels[i].code, code) == 0)
      return _(channels[i].label);
  return NULL;
}

gboolean
sr_channel_is_valid (const char *code)
{
  return sr_channel_get_label (code) != NULL;
}

gboolean
sr_customers_may_see_phone (SrSession *session,
                            gint64     owner_id)
{
  SrRoles roles;

  if (session == NULL)
    return FALSE;
  roles = sr_session_get_roles (session);
  if (roles & (SR_ROLE_MANAGER | SR_ROLE_CUSTOMER_MANAGER))
    return TRUE;
  return (roles & SR_ROLE_CONSULTANT) && owner_id > 0 &&
         owner_id == sr_session_get_staff_id (session);
}

/* Search keys ---------------------------------------------------------------------- */

static gboolean
insert_key (SrDb        *db,
            gint64       customer_id,
            const char  *prefix,
            const char  *text,
            GError     **error)
{
  g_autoptr(SrStmt) stmt = NULL;
  g_autofree char *key = NULL;

  if (text == NULL || *text == '\0')
    return TRUE;
  key = g_strconcat (prefix, text, NULL);
  stmt = sr_db_prepare (db, "INSERT INTO customer_search (customer_id, key) VALUES (?1, ?2)",
                        error);
  if (stmt == NULL)
    return FALSE;
  sr_stmt_bind_int (stmt, 1, customer_id);
  sr_stmt_bind_text (stmt, 2, key);
  return sr_stmt_exec (stmt, error);
}

gboolean
sr_customers_write_keys (SrDb                *db,
                         SrPinyin            *pinyin,
                         gint64               customer_id,
                         const char          *name,
                         const char * const  *phones,
                         GError             **error)
{
  g_autofree char *full = sr_pinyin_full (pinyin, name);
  g_autofree char *initials = sr_pinyin_initials (pinyin, name);
  g_autofree char *folded = g_utf8_strdown (name, -1);

  if (!insert_key (db, customer_id, "n", folded, error) ||
      !insert_key (db, customer_id, "p", full, error) ||
      (g_strcmp0 (full, initials) != 0 && !insert_key (db, customer_id, "i", initials, error)))
    return FALSE;
  for (guint i = 0; phones != NULL && phones[i] != NULL; i++)
    {
      gsize n = strlen (phones[i]);
      /* Every suffix of 4 digits or more: a fragment anywhere is a prefix of one. */
      for (gsize start = 0; start + 4 <= n; start++)
        if (!insert_key (db, customer_id, "#", phones[i] + start, error))
          return FALSE;
    }
  return TRUE;
}

/* Reading ------------------------------------------------------------------------------ */

static SrCustomer *
read_customer (SrContext  *ctx,
               gint64      id,
               GError    **error)
{
  SrDb *db = sr_context_get_db (ctx);
  g_autoptr(SrStmt) stmt = NULL;
  g_autoptr(SrStmt) phones = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(SrCustomer) c = NULL;
  SrStep step;

  stmt = sr_db_prepare (db,
                        "SELECT c.id, c.name, c.channel, c.grade, coalesce (c.owner_id, 0), "
                        "s.display_name, c.created_at, coalesce (c.last_contact_at, c.created_at), "
                        "EXISTS (SELECT 1 FROM problems p WHERE p.customer_id = c.id AND p.state <> 'closed') "
                        "FROM customers c "
                        "LEFT JOIN staff s ON s.id = c.owner_id WHERE c.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sr_stmt_bind_int (stmt, 1, id);
  step = sr_stmt_step (stmt, error);
  if (step == SR_STEP_DONE)
    g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_NOT_FOUND, _("No such customer."));
  if (step != SR_STEP_ROW)
    return NULL;
  c = g_object_new (SR_TYPE_CUSTOMER, NULL);
  c->id = sr_stmt_get_int (stmt, 0);
  c->name = sr_stmt_dup_text (stmt, 1);
  c->channel = sr_stmt_dup_text (stmt, 2);
  c->grade = sr_stmt_dup_text (stmt, 3);
  c->owner_id = sr_stmt_get_int (stmt, 4);
  c->owner_name = sr_stmt_dup_text (stmt, 5);
  c->created_at = sr_stmt_get_int (stmt, 6);
  c->last_contact_at = sr_stmt_get_int (stmt, 7);
  c->is_problem = sr_stmt_get_int (stmt, 8) != 0;
  c->phones_visible = sr_customers_may_see_phone (sr_context_get_session (ctx), c->owner_id);
  g_clear_pointer (&stmt, sr_stmt_done);

  phones = sr_db_prepare (db, "SELECT phone FROM customer_phones WHERE customer_id = ?1 "
                          "ORDER BY position, id", error);
  if (phones == NULL)
    return NULL;
  sr_stmt_bind_int (phones, 1, id);
  while ((step = sr_stmt_step (phones, error)) == SR_STEP_ROW)
    {
      /* Masking happens here, in core: the full number never leaves for those who
       * may not see it. */
      if (c->phones_visible)
        g_strv_builder_add (builder, sr_stmt_get_text (phones, 0));
      else
        {
          g_autofree char *masked = sr_phone_mask (sr_stmt_get_text (phones, 0));
          g_strv_builder_add (builder, masked);
        }
    }
  if (step == SR_STEP_ERROR)
    return NULL;
  c->phones = g_strv_builder_end (builder);
  return g_steal_pointer (&c);
}

SrCustomer *
sr_customers_get (SrContext  *ctx,
                  gint64      customer_id,
                  GError    **error)
{
  return read_customer (ctx, customer_id, error);
}

static gint64
live_customer_with_phone (SrDb        *db,
                          const char  *normalised,
                          GError     **error)
{
  g_autoptr(SrStmt) stmt = sr_db_prepare (db,
                                          "SELECT p.customer_id FROM customer_phones p "
                                          "JOIN customers c ON c.id = p.customer_id "
                                          "WHERE p.phone = ?1 AND p.is_live = 1 AND c.is_voided = 0 "
                                          "ORDER BY p.is_shared, p.id LIMIT 1", error);
  SrStep step;

  if (stmt == NULL)
    return -1;
  sr_stmt_bind_text (stmt, 1, normalised);
  step = sr_stmt_step (stmt, error);
  if (step == SR_STEP_ERROR)
    return -1;
  return step == SR_STEP_ROW ? sr_stmt_get_int (stmt, 0) : 0;
}

SrCustomer *
sr_customers_find_by_phone (SrContext   *ctx,
                            const char  *phone,
                            GError     **error)
{
  g_autofree char *normalised = sr_phone_normalise (phone, error);
  gint64 id;

  if (normalised == NULL)
    return NULL;
  id = live_customer_with_phone (sr_context_get_db (ctx), normalised, error);
  if (id <= 0)
    return NULL;
  return read_customer (ctx, id, error);
}

/* Adding --------------------------------------------------------------------------------- */

gint64
sr_customers_add (SrContext              *ctx,
                  const SrCustomerInput  *input,
                  GError                **error)
{
  SrDb *db = sr_context_get_db (ctx);
  SrSession *session = sr_context_get_session (ctx);
  g_autofree char *name = g_strstrip (g_strdup (input->name != NULL ? input->name : ""));
  g_autoptr(GPtrArray) phones = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) shared = g_array_new (FALSE, TRUE, sizeof (gboolean));
  g_autoptr(SrStmt) stmt = NULL;
  g_autoptr(SrJson) json = sr_json_new ();
  g_autofree char *after = NULL;
  SrPinyin *pinyin;
  gint64 id = 0;

  if (!sr_context_check (ctx, SR_ACTION_REGISTER_CUSTOMER, error))
    return 0;
  if (has_control (name))
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                   _("A name cannot hold line breaks, tabs or other control characters."));
      return 0;
    }
  if (*name == '\0' || g_utf8_strlen (name, -1) > 40)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                   *name == '\0' ? _("Give the customer’s name (a surname is enough, e.g. 张先生).")
                                 : _("A name has at most 40 characters."));
      return 0;
    }
  if (!sr_channel_is_valid (input->channel))
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                   _("Choose how the customer came (call, walk-in, …)."));
      return 0;
    }
  if (g_strcmp0 (input->channel, "referral") == 0 && input->referrer_id <= 0)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                   _("A referral (老带新) records who brought the customer: give the existing customer."));
      return 0;
    }
  if (input->grade != NULL && (strlen (input->grade) != 1 || input->grade[0] < 'A' || input->grade[0] > 'D'))
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("A grade is A, B, C or D."));
      return 0;
    }
  for (guint i = 0; input->phones != NULL && input->phones[i] != NULL; i++)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (input->phones[i]));
      char *normalised;

      if (*trimmed == '\0')
        continue;
      normalised = sr_phone_normalise (input->phones[i], error);
      if (normalised == NULL)
        return 0;
      for (guint k = 0; k < phones->len; k++)
        if (strcmp (g_ptr_array_index (phones, k), normalised) == 0)
          {
            g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                         _("The phone %s is given twice."), normalised);
            g_free (normalised);
            return 0;
          }
      g_ptr_array_add (phones, normalised);
    }
  pinyin = sr_context_get_pinyin (ctx, error);
  if (pinyin == NULL)
    return 0;

  if (!sr_db_begin (db, error))
    return 0;

  /* 撞单: a phone a live customer already has. */
  for (guint i = 0; i < phones->len; i++)
    {
      const char *phone = g_ptr_array_index (phones, i);
      gint64 existing = live_customer_with_phone (db, phone, error);
      gboolean is_shared = FALSE;

      if (existing < 0)
        goto fail;
      if (existing > 0)
        {
          g_autoptr(SrCustomer) other = read_customer (ctx, existing, NULL);
          if (!input->phone_shared_confirmed)
            {
              g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_CONFLICT,
                           _("%s already belongs to %s (owner: %s). Send the visitor to the "
                             "owner; a phone shared by two people needs a manager’s confirmation."),
                           phone, other != NULL ? other->name : "?",
                           other != NULL && other->owner_name != NULL ? other->owner_name
                                                                      : _("nobody yet"));
              goto fail;
            }
          if (!sr_context_check (ctx, SR_ACTION_CONFIRM_SHARED_PHONE, error))
            goto fail;
          is_shared = TRUE;
        }
      g_array_append_val (shared, is_shared);
    }

  stmt = sr_db_prepare (db,
                        "INSERT INTO customers (name, gender, channel, media_source_id, grade, "
                        "owner_id, created_at, created_by, name_pinyin, last_contact_at, referrer_id, "
                        "stage_id, stage_at) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?7, ?10, (SELECT id FROM stages WHERE kind = "
                        "'contact' ORDER BY is_disabled, position LIMIT 1), ?7) RETURNING id", error);
  if (stmt == NULL)
    goto fail;
  sr_stmt_bind_text (stmt, 1, name);
  sr_stmt_bind_text (stmt, 2, input->gender);
  sr_stmt_bind_text (stmt, 3, input->channel);
  if (input->media_source_id > 0)
    sr_stmt_bind_int (stmt, 4, input->media_source_id);
  sr_stmt_bind_text (stmt, 5, input->grade);
  if (input->owner_id > 0)
    sr_stmt_bind_int (stmt, 6, input->owner_id);
  sr_stmt_bind_int (stmt, 7, sr_context_now (ctx));
  if (sr_session_get_staff_id (session) > 0)
    sr_stmt_bind_int (stmt, 8, sr_session_get_staff_id (session));
  {
    g_autofree char *full = sr_pinyin_full (pinyin, name);
    sr_stmt_bind_text (stmt, 9, full);
  }
  if (input->referrer_id > 0)
    sr_stmt_bind_int (stmt, 10, input->referrer_id);   /* a missing one fails its foreign key */
  if (sr_stmt_step (stmt, error) != SR_STEP_ROW)
    goto fail;
  id = sr_stmt_get_int (stmt, 0);
  g_clear_pointer (&stmt, sr_stmt_done);

  for (guint i = 0; i < phones->len; i++)
    {
      gboolean is_shared = g_array_index (shared, gboolean, i);
      stmt = sr_db_prepare (db, "INSERT INTO customer_phones (customer_id, phone, position, "
                            "is_shared, shared_approved_by) VALUES (?1, ?2, ?3, ?4, ?5)", error);
      if (stmt == NULL)
        goto fail;
      sr_stmt_bind_int (stmt, 1, id);
      sr_stmt_bind_text (stmt, 2, g_ptr_array_index (phones, i));
      sr_stmt_bind_int (stmt, 3, i);
      sr_stmt_bind_int (stmt, 4, is_shared);
      if (is_shared)
        sr_stmt_bind_int (stmt, 5, sr_session_get_staff_id (session));
      if (!sr_stmt_exec (stmt, error))
        goto fail;
      g_clear_pointer (&stmt, sr_stmt_done);
    }
  g_ptr_array_add (phones, NULL);
  if (!sr_customers_write_keys (db, pinyin, id, name, (const char * const *) phones->pdata, error))
    goto fail;
  if (input->owner_id > 0)
    {
      stmt = sr_db_prepare (db, "INSERT INTO ownership_transfers (customer_id, to_id, at, rule, by_id) "
                            "VALUES (?1, ?2, ?3, 'first-reception', ?4)", error);
      if (stmt == NULL)
        goto fail;
      sr_stmt_bind_int (stmt, 1, id);
      sr_stmt_bind_int (stmt, 2, input->owner_id);
      sr_stmt_bind_int (stmt, 3, sr_context_now (ctx));
      if (sr_session_get_staff_id (session) > 0)
        sr_stmt_bind_int (stmt, 4, sr_session_get_staff_id (session));
      if (!sr_stmt_exec (stmt, error))
        goto fail;
      g_clear_pointer (&stmt, sr_stmt_done);
    }

  sr_json_add_text (json, "name", name);
  sr_json_add_text (json, "channel", input->channel);
  sr_json_add_int (json, "owner_id", input->owner_id);
  sr_json_add_int (json, "phones", phones->len - 1);
  after = sr_json_end (json);
  if (!sr_audit_write (ctx, "add", "customers", id, NULL, after, error) ||
      !sr_db_commit (db, error))
    goto fail;
  sr_context_emit_changed (ctx, "customers");
  return id;

fail:
  sr_db_rollback (db);
  return 0;
}

/* Search ------------------------------------------------------------------------------------ */

/* The smallest string greater than every string starting with @prefix. */
static char *
prefix_end (const char *prefix)
{
  char *end = g_strdup (prefix);
  gsize n = strlen (end);

  while (n > 0 && (guchar) end[n - 1] == 0xFF)
    end[--n] = '\0';
  if (n > 0)
    end[n - 1] = (char) ((guchar) end[n - 1] + 1);
  return end;
}

static gboolean
collect (SrDb        *db,
         const char  *prefix,
         guint        limit,
         GArray      *ids,
         GHashTable  *seen,
         GError     **error)
{
  g_autoptr(SrStmt) stmt = NULL;
  g_autofree char *end = prefix_end (prefix);
  SrStep step;

  stmt = sr_db_prepare (db,
                        "SELECT DISTINCT customer_id FROM customer_search "
                        "WHERE key >= ?1 AND key < ?2 LIMIT ?3", error);
  if (stmt == NULL)
    return FALSE;
  sr_stmt_bind_text (stmt, 1, prefix);
  sr_stmt_bind_text (stmt, 2, end);
  sr_stmt_bind_int (stmt, 3, limit);
  while (ids->len < limit && (step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      gint64 id = sr_stmt_get_int (stmt, 0);
      if (!g_hash_table_contains (seen, &id))
        {
          g_array_append_val (ids, id);
          g_hash_table_add (seen, &g_array_index (ids, gint64, ids->len - 1));
        }
    }
  return step != SR_STEP_ERROR;
}

GArray *
sr_customers_search_ids (SrContext   *ctx,
                         const char  *text,
                         guint        limit,
                         GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  g_autoptr(GArray) result = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree char *query = NULL;
  g_autoptr(GString) digits = g_string_new (NULL);
  gboolean all_digits = TRUE, has_han = FALSE;

  limit = CLAMP (limit, 1, SR_MAX_IDS);
  /* Sized once: the array must not move while @seen points into it. */
  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), limit);

  query = g_utf8_strdown (text != NULL ? text : "", -1);
  g_strstrip (query);
  for (const char *p = query; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_ascii_isdigit (c))
        g_string_append_c (digits, (char) c);
      else if (c == ' ' || c == '-')
        continue;
      else
        all_digits = FALSE;
      if (g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN)
        has_han = TRUE;
    }
  if (*query == '\0')
    return g_steal_pointer (&result);

  if (all_digits)
    {
      g_autofree char *key = NULL;
      if (digits->len < 4)
        return g_steal_pointer (&result); /* too short to mean anything */
      key = g_strconcat ("#", digits->str, NULL);
      if (!collect (db, key, limit, ids, seen, error))
        return NULL;
    }
  else
    {
      g_autoptr(GString) compact = g_string_new (NULL);
      for (const char *p = query; *p; p = g_utf8_next_char (p))
        if (!g_unichar_isspace (g_utf8_get_char (p)))
          g_string_append_unichar (compact, g_utf8_get_char (p));
      if (has_han)
        {
          g_autofree char *key = g_strconcat ("n", compact->str, NULL);
          if (!collect (db, key, limit, ids, seen, error))
            return NULL;
        }
      else
        {
          /* Initials first (zs), then full pinyin (zhangsan). */
          g_autofree char *initials = g_strconcat ("i", compact->str, NULL);
          g_autofree char *full = g_strconcat ("p", compact->str, NULL);
          if (!collect (db, initials, limit, ids, seen, error) ||
              !collect (db, full, limit, ids, seen, error))
            return NULL;
        }
    }

  return g_steal_pointer (&ids);
}

GPtrArray *
sr_customers_search (SrContext   *ctx,
                     const char  *text,
                     guint        limit,
                     GError     **error)
{
  g_autoptr(GArray) ids = sr_customers_search_ids (ctx, text, MIN (limit, SR_MAX_RESULTS), error);

  return ids != NULL ? sr_customers_from_ids (ctx, ids, error) : NULL;
}

GPtrArray *
sr_customers_from_ids (SrContext     *ctx,
                       const GArray  *ids,
                       GError       **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < ids->len; i++)
    {
      SrCustomer *c = read_customer (ctx, g_array_index (ids, gint64, i), error);
      if (c == NULL)
        return NULL;
      g_ptr_array_add (rows, c);
    }
  return g_steal_pointer (&rows);
}

/* Ownership ------------------------------------------------------------------------------------ */

gboolean
sr_customers_read_owner (SrContext  *ctx,
                         gint64      customer_id,
                         gint64     *out_owner,
                         GError    **error)
{
  g_autoptr(SrStmt) stmt = sr_db_prepare (sr_context_get_db (ctx),
                                          "SELECT coalesce (owner_id, 0) FROM customers "
                                          "WHERE id = ?1 AND is_voided = 0", error);
  SrStep step;

  if (stmt == NULL)
    return FALSE;
  sr_stmt_bind_int (stmt, 1, customer_id);
  step = sr_stmt_step (stmt, error);
  if (step == SR_STEP_DONE)
    g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_NOT_FOUND, _("No such customer."));
  if (step != SR_STEP_ROW)
    return FALSE;
  *out_owner = sr_stmt_get_int (stmt, 0);
  return TRUE;
}

gboolean
sr_customers_check_owner (SrContext   *ctx,
                          gint64       owner_id,
                          const char  *message,
                          GError     **error)
{
  SrSession *session = sr_context_get_session (ctx);

  if ((sr_session_get_roles (session) & (SR_ROLE_CUSTOMER_MANAGER | SR_ROLE_MANAGER)) ||
      owner_id == sr_session_get_staff_id (session))
    return TRUE;
  g_set_error_literal (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED, message);
  return FALSE;
}

gboolean
sr_customers_set_owner (SrContext   *ctx,
                        gint64       customer_id,
                        gint64       to_staff_id,
                        const char  *rule,
                        const char  *reason,
                        GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  SrSession *session = sr_context_get_session (ctx);
  g_autoptr(SrStmt) stmt = NULL;
  g_autoptr(SrJson) before = sr_json_new ();
  g_autoptr(SrJson) after = sr_json_new ();
  g_autofree char *before_json = NULL;
  g_autofree char *after_json = NULL;
  gint64 from_id = 0;

  if (!sr_customers_read_owner (ctx, customer_id, &from_id, error))
    return FALSE;
  if (from_id == to_staff_id)
    return TRUE;

  stmt = sr_db_prepare (db, "UPDATE customers SET owner_id = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sr_stmt_bind_int (stmt, 1, customer_id);
  sr_stmt_bind_int (stmt, 2, to_staff_id);
  if (!sr_stmt_exec (stmt, error))
    return FALSE;
  g_clear_pointer (&stmt, sr_stmt_done);

  stmt = sr_db_prepare (db, "INSERT INTO ownership_transfers (customer_id, from_id, to_id, at, "
                        "rule, reason, by_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
  if (stmt == NULL)
    return FALSE;
  sr_stmt_bind_int (stmt, 1, customer_id);
  if (from_id > 0)
    sr_stmt_bind_int (stmt, 2, from_id);
  sr_stmt_bind_int (stmt, 3, to_staff_id);
  sr_stmt_bind_int (stmt, 4, sr_context_now (ctx));
  sr_stmt_bind_text (stmt, 5, rule);
  sr_stmt_bind_text (stmt, 6, reason);
  if (session != NULL && sr_session_get_staff_id (session) > 0)
    sr_stmt_bind_int (stmt, 7, sr_session_get_staff_id (session));
  if (!sr_stmt_exec (stmt, error))
    return FALSE;
  g_clear_pointer (&stmt, sr_stmt_done);

  sr_json_add_int (before, "owner_id", from_id);
  sr_json_add_int (after, "owner_id", to_staff_id);
  sr_json_add_text (after, "rule", rule);
  sr_json_add_text (after, "reason", reason);
  before_json = sr_json_end (before);
  after_json = sr_json_end (after);
  return sr_audit_write (ctx, "transfer", "customers", customer_id, before_json, after_json, error);
}

static gboolean
check_reason_and_staff (SrContext   *ctx,
                        gint64       to_staff_id,
                        const char  *reason,
                        GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  g_autoptr(SrStaffMember) to = NULL;

  if (!sr_context_check (ctx, SR_ACTION_TRANSFER_OWNERSHIP, error))
    return FALSE;
  if (*trimmed == '\0')
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                   _("Say why the customers change hands."));
      return FALSE;
    }
  to = sr_staff_find (ctx, to_staff_id, NULL, error);
  if (to == NULL)
    return FALSE;
  if (to->is_disabled)
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                   _("%s’s account is disabled: choose someone who works here."), to->display_name);
      return FALSE;
    }
  return TRUE;
}

gboolean
sr_customers_transfer (SrContext   *ctx,
                       gint64       customer_id,
                       gint64       to_staff_id,
                       const char  *reason,
                       GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);

  if (!check_reason_and_staff (ctx, to_staff_id, reason, error))
    return FALSE;
  if (!sr_db_begin (db, error))
    return FALSE;
  if (!sr_customers_set_owner (ctx, customer_id, to_staff_id, "manual", reason, error) ||
      !sr_db_commit (db, error))
    {
      sr_db_rollback (db);
      return FALSE;
    }
  sr_context_emit_changed (ctx, "customers");
  return TRUE;
}

gint64
sr_customers_transfer_all (SrContext   *ctx,
                           gint64       from_staff_id,
                           gint64       to_staff_id,
                           const char  *reason,
                           GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(SrStmt) stmt = NULL;
  SrStep step;

  if (!check_reason_and_staff (ctx, to_staff_id, reason, error))
    return -1;
  if (!sr_db_begin (db, error))
    return -1;
  stmt = sr_db_prepare (db, "SELECT id FROM customers WHERE owner_id = ?1 AND is_voided = 0", error);
  if (stmt == NULL)
    goto fail;
  sr_stmt_bind_int (stmt, 1, from_staff_id);
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      gint64 id = sr_stmt_get_int (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (step == SR_STEP_ERROR)
    goto fail;
  g_clear_pointer (&stmt, sr_stmt_done);
  for (guint i = 0; i < ids->len; i++)
    if (!sr_customers_set_owner (ctx, g_array_index (ids, gint64, i), to_staff_id, "manual",
                                 reason, error))
      goto fail;
  if (!sr_db_commit (db, error))
    goto fail;
  sr_context_emit_changed (ctx, "customers");
  return ids->len;

fail:
  sr_db_rollback (db);
  return -1;
}

static gint64
days_between (gint64 from,
              gint64 to)
{
  g_autofree char *a = sr_day_from_unix (from);
  g_autofree char *b = sr_day_from_unix (to);
  GDate da, db;

  sr_day_parse (a, &da);
  sr_day_parse (b, &db);
  return g_date_days_between (&da, &db);
}

gboolean
sr_customers_owner_lapsed (SrContext  *ctx,
                           gint64      customer_id,
                           gboolean   *out_lapsed,
                           GError    **error)
{
  g_autoptr(SrStmt) stmt = NULL;
  gint64 lapse_days = sr_settings_get_int (ctx, "ownership.lapse_days", 7);
  gint64 owner, last;

  /* The owner's own contact: the customer's creation under them, a transfer to them,
   * their calls and visits (not a colleague's cover), their follow-ups. */
  stmt = sr_db_prepare (sr_context_get_db (ctx),
                        "SELECT coalesce (c.owner_id, 0), max (c.created_at, "
                        " coalesce ((SELECT max (t.at) FROM ownership_transfers t "
                        "   WHERE t.customer_id = c.id AND t.to_id = c.owner_id), 0), "
                        " coalesce ((SELECT max (k.at) FROM contacts k WHERE k.customer_id = c.id "
                        "   AND k.receiver_id = c.owner_id AND coalesce (k.rule_code, '') <> 'cover'), 0), "
                        " coalesce ((SELECT max (f.at) FROM follow_ups f WHERE f.customer_id = c.id "
                        "   AND f.staff_id = c.owner_id), 0)) "
                        "FROM customers c WHERE c.id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sr_stmt_bind_int (stmt, 1, customer_id);
  if (sr_stmt_step (stmt, error) != SR_STEP_ROW)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_NOT_FOUND, _("No such customer."));
      return FALSE;
    }
  owner = sr_stmt_get_int (stmt, 0);
  last = sr_stmt_get_int (stmt, 1);
  *out_lapsed = owner > 0 && days_between (last, sr_context_now (ctx)) >= lapse_days;
  return TRUE;
}

/* The list ------------------------------------------------------------------------------------ */

gboolean
sr_customers_count (SrContext  *ctx,
                    gint64      owner_id,
                    guint      *out_count,
                    GError    **error)
{
  g_autoptr(SrStmt) stmt = sr_db_prepare (sr_context_get_db (ctx),
                                          "SELECT count(*) FROM customers WHERE is_voided = 0 "
                                          "AND (?1 = 0 OR owner_id = ?1)", error);
  if (stmt == NULL)
    return FALSE;
  sr_stmt_bind_int (stmt, 1, owner_id);
  if (sr_stmt_step (stmt, error) != SR_STEP_ROW)
    return FALSE;
  *out_count = (guint) sr_stmt_get_int (stmt, 0);
  return TRUE;
}

GPtrArray *
sr_customers_page (SrContext       *ctx,
                   gint64           owner_id,
                   SrCustomerSort   sort,
                   guint            offset,
                   guint            limit,
                   GError         **error)
{
  /* One statement per order, each served by its index. */
  static const char *queries[] = {
    [SR_CUSTOMER_SORT_NAME] =
      "SELECT id FROM customers WHERE is_voided = 0 AND (?1 = 0 OR owner_id = ?1) "
      "ORDER BY name_pinyin, id LIMIT ?2 OFFSET ?3",
    [SR_CUSTOMER_SORT_LAST_CONTACT] =
      "SELECT id FROM customers WHERE is_voided = 0 AND (?1 = 0 OR owner_id = ?1) "
      "ORDER BY last_contact_at DESC, id DESC LIMIT ?2 OFFSET ?3",
    [SR_CUSTOMER_SORT_GRADE] =
      "SELECT id FROM customers WHERE is_voided = 0 AND (?1 = 0 OR owner_id = ?1) "
      "ORDER BY grade IS NULL, grade, id LIMIT ?2 OFFSET ?3",
    [SR_CUSTOMER_SORT_NEWEST] =
      "SELECT id FROM customers WHERE is_voided = 0 AND (?1 = 0 OR owner_id = ?1) "
      "ORDER BY id DESC LIMIT ?2 OFFSET ?3",
    [SR_CUSTOMER_SORT_OWNER] =
      "SELECT id FROM customers WHERE is_voided = 0 AND (?1 = 0 OR owner_id = ?1) "
      "ORDER BY owner_id IS NULL, owner_id, name_pinyin, id LIMIT ?2 OFFSET ?3",
  };
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(SrStmt) stmt = NULL;
  SrStep step;

  g_return_val_if_fail (sort <= SR_CUSTOMER_SORT_OWNER, NULL);
  stmt = sr_db_prepare (sr_context_get_db (ctx), queries[sort], error);
  if (stmt == NULL)
    return NULL;
  sr_stmt_bind_int (stmt, 1, owner_id);
  sr_stmt_bind_int (stmt, 2, limit);
  sr_stmt_bind_int (stmt, 3, offset);
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      gint64 id = sr_stmt_get_int (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (step == SR_STEP_ERROR)
    return NULL;
  g_clear_pointer (&stmt, sr_stmt_done);
  return sr_customers_from_ids (ctx, ids, error);
}

/* History ---------------------------------------------------------------------------------------- */

void
sr_timeline_entry_free (SrTimelineEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->what);
  g_free (entry->who);
  g_free (entry->detail);
  g_free (entry);
}

static const char *
transfer_rule_label (const char *rule)
{
  if (g_strcmp0 (rule, "first-reception") == 0)
    return _("first reception");
  if (g_strcmp0 (rule, "lapsed") == 0)
    return _("the owner’s claim lapsed (rule 9)");
  if (g_strcmp0 (rule, "dispatch") == 0)
    return _("dispatched to the designer (派单)");
  return _("transferred by a manager");
}

const char *
sr_customers_contact_rule_label (const char *code)
{
  static const struct { const char *code; const char *label; } labels[] = {
    { "in-turn", N_("received in turn") },
    { "returning", N_("returning customer, to the owner") },
    { "cover", N_("covered for the owner, who was not in") },
    { "lapsed", N_("the owner’s claim lapsed: passed to the receiver (rule 9)") },
    { "non-business", N_("non-business") },
    { "appointment", N_("by appointment") },
    { "out-of-turn", N_("taken out of turn") },
    { "overflow", N_("taken by the other group (overflow)") },
  };

  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].code, code) == 0)
      return _(labels[i].label);
  return NULL;
}

GPtrArray *
sr_customers_timeline (SrContext  *ctx,
                       gint64      customer_id,
                       GError    **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) sr_timeline_entry_free);
  g_autoptr(SrStmt) stmt = NULL;
  SrStep step;

  /* Contacts and ownership changes, merged in time. */
  stmt = sr_db_prepare (sr_context_get_db (ctx),
                        "SELECT k.at, k.kind, s.display_name, k.rule, k.note, k.rule_code FROM contacts k "
                        "LEFT JOIN staff s ON s.id = k.receiver_id WHERE k.customer_id = ?1 "
                        "UNION ALL "
                        "SELECT t.at, 'owner', s.display_name, t.rule, t.reason, f.display_name "
                        "FROM ownership_transfers t LEFT JOIN staff s ON s.id = t.to_id "
                        "LEFT JOIN staff f ON f.id = t.from_id WHERE t.customer_id = ?1 "
                        "UNION ALL "
                        "SELECT u.at, 'follow-up', s.display_name, u.content, u.next_day, u.method "
                        "FROM follow_ups u LEFT JOIN staff s ON s.id = u.staff_id "
                        "WHERE u.customer_id = ?1 "
                        "ORDER BY 1 DESC", error);
  if (stmt == NULL)
    return NULL;
  sr_stmt_bind_int (stmt, 1, customer_id);
  while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
    {
      SrTimelineEntry *e = g_new0 (SrTimelineEntry, 1);
      const char *kind = sr_stmt_get_text (stmt, 1);
      const char *note = sr_stmt_get_text (stmt, 4);

      e->at = sr_stmt_get_int (stmt, 0);
      e->who = sr_stmt_dup_text (stmt, 2);
      if (g_strcmp0 (kind, "follow-up") == 0)
        {
          e->what = g_strdup (_("Follow-up"));
          e->detail = note != NULL
            ? g_strdup_printf (_("%s · next: %s"), sr_stmt_get_text (stmt, 3), note)
            : g_strdup (sr_stmt_get_text (stmt, 3));
        }
      else if (g_strcmp0 (kind, "owner") == 0)
        {
          const char *from = sr_stmt_get_text (stmt, 5);
          e->what = g_strdup (_("Owner"));
          e->detail = from != NULL
            ? g_strdup_printf (_("from %s: %s%s%s"), from, transfer_rule_label (sr_stmt_get_text (stmt, 3)),
                               note != NULL ? " · " : "", note != NULL ? note : "")
            : g_strdup_printf ("%s%s%s", transfer_rule_label (sr_stmt_get_text (stmt, 3)),
                               note != NULL ? " · " : "", note != NULL ? note : "");
        }
      else
        {
          /* The rule in the reader's language; the text stored with the contact is in
           * the language of whoever recorded it. */
          const char *label = sr_customers_contact_rule_label (sr_stmt_get_text (stmt, 5));
          e->what = g_strdup (g_strcmp0 (kind, "call") == 0 ? _("Call") : _("Visit"));
          e->detail = g_strdup_printf ("%s%s%s", label != NULL ? label : sr_stmt_get_text (stmt, 3),
                                       note != NULL ? " · " : "", note != NULL ? note : "");
        }
      g_ptr_array_add (rows, e);
    }
  if (step == SR_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&rows);
}

/* The record ------------------------------------------------------------------------------------ */

static const struct {
  const char *column;
  const char *label;
} field_table[] = {
  { "age_band", N_("Age") },
  { "occupation", N_("Occupation") },
  { "income_band", N_("Income") },
  { "education", N_("Education") },
  { "residence_area", N_("Lives in") },
  { "intention_unit_type", N_("Wanted unit type") },
  { "intention_area", N_("Wanted area, m²") },
  { "floor_preference", N_("Floor preference") },
  { "house_address", N_("House to decorate (address)") },
  { "purchase_motive", N_("Purchase motive") },
  { "characteristics", N_("Characteristics") },
  { "questions", N_("Questions asked") },
  { "notes", N_("Notes") },
};

const SrCustomerField *
sr_customer_fields (guint *n_fields)
{
  static SrCustomerField fields[G_N_ELEMENTS (field_table)];

  for (guint i = 0; i < G_N_ELEMENTS (field_table); i++)
    {
      fields[i].column = field_table[i].column;
      fields[i].label = _(field_table[i].label);
    }
  *n_fields = G_N_ELEMENTS (field_table);
  return fields;
}

char *
sr_id_card_mask (const char *id_card)
{
  gsize n = id_card != NULL ? strlen (id_card) : 0;

  if (n < 10)
    return g_strnfill (n, '*');
  return g_strdup_printf ("%.6s%s%s", id_card, "********", id_card + n - 4);
}

static gboolean
is_known_column (const char *column)
{
  static const char *extra[] = { "name", "grade", "gender", "id_card", "budget" };

  for (guint i = 0; i < G_N_ELEMENTS (field_table); i++)
    if (g_strcmp0 (field_table[i].column, column) == 0)
      return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (extra); i++)
    if (g_strcmp0 (extra[i], column) == 0)
      return TRUE;
  return FALSE;
}

GHashTable *
sr_customers_get_details (SrContext  *ctx,
                          gint64      customer_id,
                          GError    **error)
{
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GString) sql = g_string_new ("SELECT name, grade, gender, id_card, budget_fen, "
                                         "coalesce (owner_id, 0)");
  g_autoptr(SrStmt) stmt = NULL;
  SrStep step;
  gboolean visible;

  for (guint i = 0; i < G_N_ELEMENTS (field_table); i++)
    g_string_append_printf (sql, ", %s", field_table[i].column);
  g_string_append (sql, " FROM customers WHERE id = ?1");
  stmt = sr_db_prepare (sr_context_get_db (ctx), sql->str, error);
  if (stmt == NULL)
    return NULL;
  sr_stmt_bind_int (stmt, 1, customer_id);
  step = sr_stmt_step (stmt, error);
  if (step == SR_STEP_DONE)
    g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_NOT_FOUND, _("No such customer."));
  if (step != SR_STEP_ROW)
    return NULL;
  visible = sr_customers_may_see_phone (sr_context_get_session (ctx), sr_stmt_get_int (stmt, 5));
  g_hash_table_insert (values, "name", sr_stmt_dup_text (stmt, 0));
  g_hash_table_insert (values, "grade", sr_stmt_dup_text (stmt, 1));
  g_hash_table_insert (values, "gender", sr_stmt_dup_text (stmt, 2));
  g_hash_table_insert (values, "id_card", visible ? sr_stmt_dup_text (stmt, 3)
                                                  : sr_id_card_mask (sr_stmt_get_text (stmt, 3)));
  if (!sr_stmt_is_null (stmt, 4))
    g_hash_table_insert (values, "budget", g_strdup_printf ("%" G_GINT64_FORMAT, sr_stmt_get_int (stmt, 4)));
  for (guint i = 0; i < G_N_ELEMENTS (field_table); i++)
    if (!sr_stmt_is_null (stmt, 6 + (int) i))
      g_hash_table_insert (values, (gpointer) field_table[i].column, sr_stmt_dup_text (stmt, 6 + (int) i));
  return g_steal_pointer (&values);
}

static gboolean
valid_id_card (const char *text)
{
  gsize n = strlen (text);

  if (n != 18 && n != 15)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (text[i]) && !(i == 17 && (text[i] == 'X' || text[i] == 'x')))
      return FALSE;
  return TRUE;
}

gboolean
sr_customers_update_details (SrContext   *ctx,
                             gint64       customer_id,
                             GHashTable  *values,
                             GError     **error)
{
  SrDb *db = sr_context_get_db (ctx);
  SrSession *session = sr_context_get_session (ctx);
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(SrJson) before_json = sr_json_new ();
  g_autoptr(SrJson) after_json = sr_json_new ();
  g_autofree char *b = NULL;
  g_autofree char *a = NULL;
  GHashTableIter iter;
  gpointer key, value;
  gint64 owner = 0;
  gboolean name_changed = FALSE;

  if (!sr_context_check (ctx, SR_ACTION_EDIT_CUSTOMER, error))
    return FALSE;

  /* Check everything before writing anything. */
  g_hash_table_iter_init (&iter, values);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *column = key;
      const char *text = value;

      if (!is_known_column (column))
        {
          g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, "unknown field %s", column);
          return FALSE;
        }
      if (g_strcmp0 (column, "name") == 0 && (text == NULL || *text == '\0'))
        {
          g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("A customer needs a name."));
          return FALSE;
        }
      if (g_strcmp0 (column, "name") == 0 && (has_control (text) || g_utf8_strlen (text, -1) > 40))
        {
          g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, has_control (text)
                       ? _("A name cannot hold line breaks, tabs or other control characters.")
                       : _("A name has at most 40 characters."));
          return FALSE;
        }
      if (g_strcmp0 (column, "grade") == 0 && text != NULL && *text != '\0' &&
          (strlen (text) != 1 || text[0] < 'A' || text[0] > 'D'))
        {
          g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("A grade is A, B, C or D."));
          return FALSE;
        }
      if (g_strcmp0 (column, "gender") == 0 && text != NULL && *text != '\0' &&
          g_strcmp0 (text, "male") != 0 && g_strcmp0 (text, "female") != 0)
        {
          g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, "gender is male or female");
          return FALSE;
        }
      if (g_strcmp0 (column, "id_card") == 0 && text != NULL && *text != '\0' && !valid_id_card (text))
        {
          g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID,
                       _("“%s” is not an ID-card number: 18 characters (the last may be X), "
                         "or 15 digits."), text);
          return FALSE;
        }
      if (g_strcmp0 (column, "budget") == 0 && text != NULL && *text != '\0')
        {
          gint64 fen;
          if (!g_ascii_string_to_signed (text, 10, 0, G_MAXINT64 / 100, &fen, NULL))
            {
              g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("The budget is an amount of money."));
              return FALSE;
            }
        }
      if (text != NULL && g_utf8_strlen (text, -1) > 500)
        {
          g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_INVALID, _("A field has at most 500 characters."));
          return FALSE;
        }
    }

  if (!sr_db_begin (db, error))
    return FALSE;
  if (!sr_customers_read_owner (ctx, customer_id, &owner, error))
    goto fail;
  if (!(sr_session_get_roles (session) & (SR_ROLE_CUSTOMER_MANAGER | SR_ROLE_MANAGER)) &&
      owner != sr_session_get_staff_id (session))
    {
      g_set_error (error, SR_RULE_ERROR, SR_RULE_ERROR_DENIED,
                   _("This is another consultant’s customer: only the owner edits the record."));
      goto fail;
    }
  before = sr_customers_get_details (ctx, customer_id, error);
  if (before == NULL)
    goto fail;

  g_hash_table_iter_init (&iter, values);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *column = key;
      g_autofree char *text = value != NULL ? g_strstrip (g_strdup (value)) : NULL;
      const char *db_column = g_strcmp0 (column, "budget") == 0 ? "budget_fen" : column;
      g_autofree char *sql = g_strdup_printf ("UPDATE customers SET %s = ?2 WHERE id = ?1", db_column);
      g_autoptr(SrStmt) stmt = NULL;

      /* An ID card shown masked and left as it was is not a change. */
      if (g_strcmp0 (column, "id_card") == 0 && g_strcmp0 (text, g_hash_table_lookup (before, "id_card")) == 0)
        continue;
      stmt = sr_db_prepare (db, sql, error);
      if (stmt == NULL)
        goto fail;
      sr_stmt_bind_int (stmt, 1, customer_id);
      if (text == NULL || *text == '\0')
        sr_stmt_bind_null (stmt, 2);
      else if (g_strcmp0 (column, "budget") == 0)
        sr_stmt_bind_int (stmt, 2, g_ascii_strtoll (text, NULL, 10));
      else if (g_strcmp0 (column, "id_card") == 0)
        {
          g_autofree char *upper = g_ascii_strup (text, -1);
          sr_stmt_bind_text (stmt, 2, upper);
        }
      else
        sr_stmt_bind_text (stmt, 2, text);
      if (!sr_stmt_exec (stmt, error))
        goto fail;
      if (g_strcmp0 (column, "name") == 0)
        name_changed = g_strcmp0 (text, g_hash_table_lookup (before, "name")) != 0;
      /* The audit keeps personal numbers out: it says they changed. */
      if (g_strcmp0 (column, "id_card") == 0)
        {
          sr_json_add_text (before_json, column, "…");
          sr_json_add_text (after_json, column, "changed");
        }
      else
        {
          sr_json_add_text (before_json, column, g_hash_table_lookup (before, column));
          sr_json_add_text (after_json, column, text);
        }
    }

  if (name_changed)
    {
      /* The name's search keys and sort key follow it. */
      SrPinyin *pinyin = sr_context_get_pinyin (ctx, error);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) phones = NULL;
      const char *name = g_hash_table_lookup (values, "name");
      g_autofree char *full = NULL;
      g_autoptr(SrStmt) stmt = NULL;
      SrStep step;

      if (pinyin == NULL)
        goto fail;
      stmt = sr_db_prepare (db, "SELECT phone FROM customer_phones WHERE customer_id = ?1", error);
      if (stmt == NULL)
        goto fail;
      sr_stmt_bind_int (stmt, 1, customer_id);
      while ((step = sr_stmt_step (stmt, error)) == SR_STEP_ROW)
        g_strv_builder_add (builder, sr_stmt_get_text (stmt, 0));
      if (step == SR_STEP_ERROR)
        goto fail;
      g_clear_pointer (&stmt, sr_stmt_done);
      phones = g_strv_builder_end (builder);
      stmt = sr_db_prepare (db, "DELETE FROM customer_search WHERE customer_id = ?1", error);
      if (stmt == NULL)
        goto fail;
      sr_stmt_bind_int (stmt, 1, customer_id);
      if (!sr_stmt_exec (stmt, error))
        goto fail;
      g_clear_pointer (&stmt, sr_stmt_done);
      if (!sr_customers_write_keys (db, pinyin, customer_id, name, (const char * const *) phones, error))
        goto fail;
      full = sr_pinyin_full (pinyin, name);
      stmt = sr_db_prepare (db, "UPDATE customers SET name_pinyin = ?2 WHERE id = ?1", error);
      if (stmt == NULL)
        goto fail;
      sr_stmt_bind_int (stmt, 1, customer_id);
      sr_stmt_bind_text (stmt, 2, full);
      if (!sr_stmt_exec (stmt, error))
        goto fail;
    }

  b = sr_json_end (before_json);
  a = sr_json_end (after_json);
  if (!sr_audit_write (ctx, "update", "customers", customer_id, b, a, error) ||
      !sr_db_commit (db, error))
    goto fail;
  sr_context_emit_changed (ctx, "customers");
  return TRUE;

fail:
  sr_db_rollback (db);
  return FALSE;
}
