/* sr-stages.h — pipeline stages. Names are the office's; the kind is fixed and is what
 * code relies on (PRODUCT.md "The pipeline board"). */
#pragma once

#include "sr-context.h"
#include "sr-office.h"

G_BEGIN_DECLS

typedef enum {
  SR_STAGE_CONTACT,
  SR_STAGE_QUALIFY,
  SR_STAGE_MEASURE,
  SR_STAGE_PLAN,
  SR_STAGE_SUBSCRIBE,
  SR_STAGE_SIGN,
  SR_STAGE_CONSTRUCT,
  SR_STAGE_PAID,
  SR_STAGE_MOVED_IN,
  SR_STAGE_TRIAL,
  SR_STAGE_CUSTOM,
  SR_STAGE_LOST,
  SR_N_STAGE_KINDS
} SrStageKind;

#define SR_TYPE_STAGE (sr_stage_get_type ())
G_DECLARE_FINAL_TYPE (SrStage, sr_stage, SR, STAGE, GObject)

struct _SrStage
{
  GObject parent_instance;

  gint64 id;
  int position;
  char *name;
  SrStageKind kind;
  int deadline_hours;  /* 0: none */
  gboolean is_disabled;
};

const char *sr_stage_kind_get_code   (SrStageKind   kind);
const char *sr_stage_kind_get_label  (SrStageKind   kind);
gboolean    sr_stage_kind_from_code  (const char   *code,
                                      SrStageKind  *out_kind);
/* Kinds entered only by their own event (subscribe, sign, paid, moved-in, lost). */
gboolean    sr_stage_kind_has_event  (SrStageKind   kind);
/* First contact and the event kinds always stay in use: code moves customers there. */
gboolean    sr_stage_kind_can_be_disabled (SrStageKind kind);

/* Inserts the preset's stages (no permission check: first run). */
gboolean    sr_stages_insert_preset  (SrContext    *ctx,
                                      SrOfficeKind  kind,
                                      GError      **error);

GPtrArray  *sr_stages_list           (SrContext    *ctx,
                                      gboolean      include_disabled,
                                      GError      **error);
gint64      sr_stages_add            (SrContext    *ctx,
                                      const char   *name,
                                      SrStageKind   kind,
                                      GError      **error);
gboolean    sr_stages_rename         (SrContext    *ctx,
                                      gint64        stage_id,
                                      const char   *name,
                                      GError      **error);
gboolean    sr_stages_set_deadline   (SrContext    *ctx,
                                      gint64        stage_id,
                                      int           hours,
                                      GError      **error);
/* Moves a stage one place up (-1) or down (+1). */
gboolean    sr_stages_move           (SrContext    *ctx,
                                      gint64        stage_id,
                                      int           delta,
                                      GError      **error);
gboolean    sr_stages_set_disabled   (SrContext    *ctx,
                                      gint64        stage_id,
                                      gboolean      is_disabled,
                                      GError      **error);

G_END_DECLS
