/* sr-money-forms.c — see sr-money-forms.h. */
#include "config.h"

#include <glib/gi18n.h>

#include "core/sr-customers.h"
#include "core/sr-deal-steps.h"
#include "core/sr-deals.h"
#include "core/sr-money-reports.h"
#include "gui/sr-form.h"
#include "gui/sr-window.h"
#include "sr-money-forms.h"

typedef struct {
  GtkWidget *parent;
  SrContext *ctx;
  gint64 deal_id;
} Job;

static Job *
job_new (GtkWidget *parent,
         SrContext *ctx,
         gint64     deal_id)
{
  Job *job = g_new0 (Job, 1);

  job->parent = g_object_ref (parent);
  job->ctx = g_object_ref (ctx);
  job->deal_id = deal_id;
  return job;
}

static void
job_free (Job *job)
{
  g_clear_object (&job->parent);
  g_clear_object (&job->ctx);
  g_free (job);
}

const char **
sr_money_method_labels (void)
{
  static const char *labels[G_N_ELEMENTS (sr_receipt_methods)];

  for (guint i = 0; sr_receipt_methods[i] != NULL; i++)
    labels[i] = sr_receipt_method_get_label (sr_receipt_methods[i]);
  return labels;
}

/* Method, day: the two rows every money form has. */
static void
add_method_and_day (SrForm    *form,
                    SrContext *ctx)
{
  g_autofree char *today = sr_clock_today (sr_context_get_clock (ctx));

  sr_form_add_choice (form, "method", _("Paid by"), sr_money_method_labels (), 0);
  sr_form_add_entry (form, "day", _("Date (YYYY-MM-DD)"), today);
}

static const char *
form_method (SrForm *form)
{
  return sr_receipt_methods[sr_form_get_selected (form, "method")];
}

static void
toast_receipt (GtkWidget  *parent,
               const char *number,
               const char *what)
{
  g_autofree char *text = number != NULL ? g_strdup_printf (_("%s: receipt %s"), what, number)
                                         : g_strdup (what);
  sr_toast (parent, text);
}

static gboolean
save_intention (SrForm   *form,
                gpointer  user_data,
                GError  **error)
{
  Job *job = user_data;
  g_autoptr(SrCustomer) customer = NULL;
  g_autofree char *number = NULL;
  const char *phone = sr_form_get_text (form, "phone");
  SrFen amount = 0;

  customer = sr_customers_find_by_phone (job->ctx, phone, error);
  if (customer == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                     _("No customer has the phone %s: register them first."), phone);
      return FALSE;
    }
  if (!sr_money_parse (sr_form_get_text (form, "amount"), &amount, error) ||
      sr_intention_take (job->ctx, customer->id, amount, form_method (form),
                         sr_form_get_text (form, "day"), &number, error) == 0)
    return FALSE;
  toast_receipt (job->parent, number, _("Intention money taken"));
  return TRUE;
}

void
sr_money_form_take_intention (GtkWidget *parent,
                              SrContext *ctx)
{
  SrForm *form = sr_form_new (parent, _("Take Intention Money"), _("_Take"));

  sr_form_add_group (form, NULL, _("Intention money (诚意金) is refundable in full and becomes the "
                                   "deposit when the customer subscribes to a unit."));
  sr_form_add_entry (form, "phone", _("The customer’s phone"), NULL);
  sr_form_add_entry (form, "amount", _("Amount, ¥"), NULL);
  add_method_and_day (form, ctx);
  sr_form_run (form, save_intention, job_new (parent, ctx, 0), (GDestroyNotify) job_free);
}

static gboolean
save_deposit (SrForm   *form,
              gpointer  user_data,
              GError  **error)
{
  Job *job = user_data;
  g_autofree char *number = NULL;
  SrFen amount = 0;
  const char *text = sr_form_get_text (form, "amount");

  if (text != NULL && *text != '\0' && !sr_money_parse (text, &amount, error))
    return FALSE;
  if (!sr_deals_confirm_deposit (job->ctx, job->deal_id, amount, form_method (form),
                                 sr_form_get_text (form, "day"), &number, error))
    return FALSE;
  toast_receipt (job->parent, number, _("Deposit confirmed"));
  return TRUE;
}

void
sr_money_form_confirm_deposit (GtkWidget *parent,
                               SrContext *ctx,
                               gint64     deal_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SrDeal) deal = sr_deals_get (ctx, deal_id, &error);
  g_autofree char *due_text = NULL;
  g_autofree char *info = NULL;
  g_autofree char *deposit = NULL;
  g_autofree char *paid = NULL;
  SrFen due = 0;
  SrForm *form;

  if (deal == NULL || !sr_deals_deposit_due (ctx, deal_id, &due, &error))
    {
      sr_toast_error (parent, error);
      return;
    }
  form = sr_form_new (parent, _("Confirm the Deposit"), _("_Confirm"));
  deposit = sr_money_format (deal->deposit_fen);
  paid = sr_money_format (deal->paid_fen);
  info = deal->paid_fen > 0
         ? g_strdup_printf (_("%s, unit %s: deposit %s, of which %s intention money already paid."),
                            deal->customer_name, deal->unit_label, deposit, paid)
         : g_strdup_printf (_("%s, unit %s: deposit %s."), deal->customer_name, deal->unit_label, deposit);
  sr_form_add_group (form, NULL, _("When you confirm, the unit becomes 认购 (subscribed)."));
  sr_form_set_info (form, info);
  due_text = g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", due / 100, (int) (due % 100));
  sr_form_add_entry (form, "amount", _("Received now, ¥"), due_text);
  add_method_and_day (form, ctx);
  sr_form_run (form, save_deposit, job_new (parent, ctx, deal_id), (GDestroyNotify) job_free);
}

static gboolean
save_refund (SrForm   *form,
             gpointer  user_data,
             GError  **error)
{
  Job *job = user_data;
  g_autoptr(SrDeal) deal = sr_deals_get (job->ctx, job->deal_id, error);
  g_autofree char *number = NULL;
  gboolean ok;

  if (deal == NULL)
    return FALSE;
  if (g_strcmp0 (deal->state, "intention") == 0)
    ok = sr_intention_refund (job->ctx, job->deal_id, form_method (form), sr_form_get_text (form, "day"),
                              sr_form_get_text (form, "reason"), &number, error);
  else
    ok = sr_deals_pay_refund (job->ctx, job->deal_id, form_method (form), sr_form_get_text (form, "day"),
                              &number, error);
  if (ok)
    toast_receipt (job->parent, number, _("Money paid back"));
  return ok;
}

void
sr_money_form_refund (GtkWidget *parent,
                      SrContext *ctx,
                      gint64     deal_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SrDeal) deal = sr_deals_get (ctx, deal_id, &error);
  g_autofree char *amount = NULL;
  g_autofree char *info = NULL;
  gboolean intention;
  SrForm *form;

  if (deal == NULL)
    {
      sr_toast_error (parent, error);
      return;
    }
  intention = g_strcmp0 (deal->state, "intention") == 0;
  amount = sr_money_format (intention ? deal->paid_fen : deal->refund_due_fen);
  info = g_strdup_printf (_("Pay %s back to %s."), amount, deal->customer_name);
  form = sr_form_new (parent, intention ? _("Pay Back Intention Money") : _("Pay Back After Cancellation"),
                      _("_Pay Back"));
  sr_form_set_info (form, info);
  if (intention)
    sr_form_add_entry (form, "reason", _("Reason"), NULL);
  add_method_and_day (form, ctx);
  sr_form_run (form, save_refund, job_new (parent, ctx, deal_id), (GDestroyNotify) job_free);
}

static gboolean
save_payment (SrForm   *form,
              gpointer  user_data,
              GError  **error)
{
  Job *job = user_data;
  g_autofree char *number = NULL;
  SrFen amount = 0;

  if (!sr_money_parse (sr_form_get_text (form, "amount"), &amount, error) ||
      !sr_deals_record_payment (job->ctx, job->deal_id, amount, form_method (form), sr_form_get_text (form, "day"),
                                sr_form_get_active (form, "advance"), &number, error))
    return FALSE;
  toast_receipt (job->parent, number, _("Payment recorded"));
  return TRUE;
}

void
sr_money_form_payment (GtkWidget *parent,
                       SrContext *ctx,
                       gint64     deal_id)
{
  g_autofree char *due_text = NULL;
  g_autofree char *today = sr_clock_today (sr_context_get_clock (ctx));
  g_autoptr(GPtrArray) plan = sr_deals_list_plan (ctx, deal_id, NULL);
  SrFen due = 0, next = 0;
  SrForm *form = sr_form_new (parent, _("Record a Payment"), _("_Record"));

  /* What has fallen due by today, else the next item: the usual payment. */
  for (guint i = 0; plan != NULL && i < plan->len; i++)
    {
      SrPlanItem *item = g_ptr_array_index (plan, i);
      SrFen open = item->amount_fen - item->paid_fen;
      if (open <= 0)
        continue;
      if (g_strcmp0 (item->due_day, today) <= 0)
        due += open;
      else if (next == 0)
        next = open;
    }
  if (due == 0)
    due = next;
  due_text = g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", due / 100, (int) (due % 100));
  sr_form_add_group (form, NULL, _("Paid toward the plan, oldest due item first."));
  sr_form_add_entry (form, "amount", _("Amount, ¥"), due_text);
  add_method_and_day (form, ctx);
  sr_form_add_check (form, "advance", _("Keep what is above the amount due as an advance"),
                     _("It goes to the next item the plan gets; it is never lost."), FALSE);
  sr_form_run (form, save_payment, job_new (parent, ctx, deal_id), (GDestroyNotify) job_free);
}

/* Money handed to a consultant: reported, for finance to confirm. */
static gboolean
save_report (SrForm   *form,
             gpointer  user_data,
             GError  **error)
{
  Job *job = user_data;
  SrFen amount = 0;

  if (!sr_money_parse (sr_form_get_text (form, "amount"), &amount, error) ||
      sr_money_report_add (job->ctx, job->deal_id, amount, form_method (form), sr_form_get_text (form, "day"),
                           sr_form_get_text (form, "note"), error) == 0)
    return FALSE;
  sr_toast (job->parent, _("Reported: it waits on finance’s Money page, and counts as paid once confirmed."));
  return TRUE;
}

void
sr_money_form_report (GtkWidget *parent,
                      SrContext *ctx,
                      gint64     deal_id)
{
  SrForm *form = sr_form_new (parent, _("Report Money Received"), _("_Report"));

  sr_form_add_group (form, NULL, _("Money the customer handed over or transferred. Finance confirms it and "
                                   "gives the receipt number; until then it is not counted as paid."));
  sr_form_add_entry (form, "amount", _("Amount, ¥"), NULL);
  add_method_and_day (form, ctx);
  sr_form_add_entry (form, "note", _("Note (e.g. transfer slip number)"), NULL);
  sr_form_run (form, save_report, job_new (parent, ctx, deal_id), (GDestroyNotify) job_free);
}

/* Finance: confirm a report (the receipt is recorded now) or reject it with the reason. */
static gboolean
save_confirm_report (SrForm   *form,
                     gpointer  user_data,
                     GError  **error)
{
  Job *job = user_data;
  g_autofree char *number = NULL;

  if (!sr_money_report_confirm (job->ctx, job->deal_id, sr_form_get_active (form, "advance"), &number, error))
    return FALSE;
  toast_receipt (job->parent, number, _("Confirmed"));
  return TRUE;
}

void
sr_money_form_confirm_report (GtkWidget *parent,
                              SrContext *ctx,
                              gint64     report_id,
                              const char *summary)
{
  SrForm *form = sr_form_new (parent, _("Confirm Money Reported"), _("_Confirm"));

  sr_form_add_group (form, NULL, summary);
  sr_form_add_check (form, "advance", _("Keep what is above the amount due as an advance"),
                     _("It goes to the next item the plan gets; it is never lost."), FALSE);
  /* The job's id is the report's. */
  sr_form_run (form, save_confirm_report, job_new (parent, ctx, report_id), (GDestroyNotify) job_free);
}

static gboolean
save_reject_report (SrForm   *form,
                    gpointer  user_data,
                    GError  **error)
{
  Job *job = user_data;

  return sr_money_report_reject (job->ctx, job->deal_id, sr_form_get_text (form, "reason"), error);
}

void
sr_money_form_reject_report (GtkWidget  *parent,
                             SrContext  *ctx,
                             gint64      report_id,
                             const char *summary)
{
  SrForm *form = sr_form_new (parent, _("Reject Money Reported"), _("_Reject"));

  sr_form_add_group (form, NULL, summary);
  sr_form_add_entry (form, "reason", _("Reason (e.g. the transfer has not arrived)"), NULL);
  sr_form_run (form, save_reject_report, job_new (parent, ctx, report_id), (GDestroyNotify) job_free);
}
