/* sr-appointments.h — appointments (预约): a customer meets one staff member at a set
 * time. The desk sends an arriving customer to the person they have an appointment
 * with, using nobody's turn (rule 4); kept and missed appointments are counted. */
#pragma once

#include "sr-context.h"

G_BEGIN_DECLS

typedef enum {
  SR_APPOINTMENT_VIEWING,     /* 看房 */
  SR_APPOINTMENT_MEASURE,     /* 量房 */
  SR_APPOINTMENT_PLAN,        /* 方案沟通 */
  SR_APPOINTMENT_DEAL,        /* 认购/签约 */
  SR_APPOINTMENT_HOME_VISIT,  /* 上门采集 */
  SR_N_APPOINTMENT_KINDS
} SrAppointmentKind;

const char *sr_appointment_kind_get_code  (SrAppointmentKind kind);
const char *sr_appointment_kind_get_label (SrAppointmentKind kind);

typedef struct {
  gint64 id;
  gint64 customer_id;
  char *customer_name;
  gint64 staff_id;
  char *staff_name;
  gint64 at;
  SrAppointmentKind kind;
  char *note;
  char *status;        /* scheduled, kept, cancelled */
  gboolean is_missed;  /* still scheduled after its day */
} SrAppointment;

void        sr_appointment_free          (SrAppointment  *appointment);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SrAppointment, sr_appointment_free)

/* Books an appointment. Receptionists, supervisors and managers book for anyone; a
 * consultant for their own customers with themselves. Not in the past. */
gint64      sr_appointments_add          (SrContext          *ctx,
                                          gint64              customer_id,
                                          gint64              staff_id,
                                          gint64              at,
                                          SrAppointmentKind   kind,
                                          const char         *note,
                                          GError            **error);
gboolean    sr_appointments_cancel       (SrContext          *ctx,
                                          gint64              appointment_id,
                                          const char         *reason,
                                          GError            **error);
/* A day's appointments: of @staff_id, or of everyone (0); by time. */
GPtrArray  *sr_appointments_for_day      (SrContext          *ctx,
                                          gint64              staff_id,
                                          const char         *day,
                                          GError            **error);
/* The customer's scheduled appointment today, if any (the desk's question). */
SrAppointment *sr_appointments_find_today (SrContext         *ctx,
                                          gint64              customer_id,
                                          GError            **error);
/* Kept and missed appointments of a person (0: everyone) between two days, inclusive. */
gboolean    sr_appointments_count        (SrContext          *ctx,
                                          gint64              staff_id,
                                          const char         *from_day,
                                          const char         *to_day,
                                          guint              *out_kept,
                                          guint              *out_missed,
                                          GError            **error);

G_END_DECLS
