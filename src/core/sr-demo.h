/* sr-demo.h — a realistic sample office, deterministic for a seed.
 *
 * "small" fills every screen with a few hundred customers; "large" is the scale the
 * product must stay fast at (PRODUCT.md: 100,000 customers, 20 buildings × 1,000 units).
 * Each issue extends the generator for what it adds. */
#pragma once

#include "sr-context.h"
#include "sr-office.h"

G_BEGIN_DECLS

/* Every demo account signs in with this password. */
#define SR_DEMO_PASSWORD "salesroom"

typedef enum {
  SR_DEMO_SMALL,
  SR_DEMO_LARGE,
} SrDemoSize;

typedef struct {
  SrOfficeKind kind;
  SrDemoSize size;
  guint32 seed;
  const char *today;   /* YYYY-MM-DD; NULL: the clock's today */
} SrDemoOptions;

typedef struct {
  guint n_staff;
  guint n_projects;
  guint n_buildings;
  guint n_units;
  guint n_customers;
} SrDemoCounts;

/* Fills an empty database. Refused when it already holds an office. */
gboolean sr_demo_generate (SrContext            *ctx,
                           const SrDemoOptions  *options,
                           SrDemoCounts         *out_counts,
                           GError              **error);

G_END_DECLS
