/* sr-contracts.h — the deals of decoration and housekeeping offices (PRODUCT.md "Money").
 *
 * A decoration company signs design (设计), construction (装修) and main-material (主材)
 * contracts, several for one customer; a housekeeping agency signs service agreements
 * (服务协议). Each is a deal with its value and a payment plan: the deposit (定金) on the
 * signing day, then the rest in equal payments (the last one the balance, 尾款). The
 * money is then taken, printed, chased and paid back like a property sale's, by the same
 * ledger (sr-deal-steps.h, sr-ledger.h).
 */
#pragma once

#include "sr-context.h"
#include "sr-money.h"
#include "sr-office.h"

G_BEGIN_DECLS

/* design, construction, materials, service; NULL-terminated. */
extern const char * const sr_contract_kinds[];

const char *sr_contract_kind_get_label (const char   *code);
/* Whether an office of @office signs contracts of @code. */
gboolean    sr_contract_kind_is_for    (const char   *code,
                                        SrOfficeKind  office);

typedef struct {
  gint64 customer_id;
  const char *kind;           /* a code of sr_contract_kinds */
  const char *contract_no;    /* unique in the office */
  const char *signed_on;      /* YYYY-MM-DD, not in the future */
  SrFen value_fen;            /* the contract's value */
  SrFen deposit_fen;          /* due on the signing day; 0: none */
  guint n_payments;           /* the rest in this many equal payments, 0 when the deposit is all */
  guint every_days;           /* the first payment this many days after signing, the next as many later */
  const char *clauses;        /* may be NULL */
  gint64 draftsman_id;        /* the draftsman (绘图员) who drew it, for the output summary; 0: none */
} SrContractDeal;

/* Enters a signed contract with its plan (SR_ACTION_ENTER_CONTRACTS; a consultant for
 * their own customers). The customer moves to the office's signed stage. Returns the deal. */
gint64      sr_contracts_add           (SrContext            *ctx,
                                        const SrContractDeal *in,
                                        GError              **error);

G_END_DECLS
