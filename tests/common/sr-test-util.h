/* sr-test-util.h — helpers for core tests: a temporary database, a fixed clock, a
 * context signed in with given roles. Never the user's database. */
#pragma once

#include "core/sr-context.h"
#include "core/sr-db.h"
#include "core/sr-office.h"
#include "core/sr-staff.h"

G_BEGIN_DECLS

/* 2026-11-23 09:00 local */
#define SR_TEST_NOW_DAY "2026-11-23"

char      *sr_test_tmp_dir          (void);
/* TRUE when the tests run on the office server (SALESROOM_TEST_BACKEND=postgresql). */
gboolean   sr_test_on_server        (void);
/* Where a new, empty database is: a file in a fresh temporary folder, or a new database
 * on the test server. Removed when the program ends. */
char      *sr_test_new_database     (void);
/* A new, empty database on the test server, whichever backend the tests run on. */
char      *sr_test_new_server_database (void);
/* A new database in a fresh temporary folder, with an office of @kind and an
 * administrator "admin" / "admin-pass"; the context is signed in as that administrator. */
SrContext *sr_test_context_new      (SrOfficeKind  kind);
/* Adds a staff member with @roles (password "password1") and returns a context on the
 * same database signed in as them. */
SrContext *sr_test_context_as       (SrContext    *admin_ctx,
                                     const char   *login,
                                     SrRoles       roles);
void       sr_test_remove_tree      (const char   *path);
/* The staff id of the person @ctx is signed in as. */
gint64     sr_test_staff_id         (SrContext    *ctx);
/* Fixes the clock (shared by contexts made with sr_test_context_as) at @hour on @day. */
void       sr_test_set_day          (SrContext    *ctx,
                                     const char   *day,
                                     int           hour);
/* An existing database (a benchmark's demo), opened as the command line: administrator
 * rights, no sign-in. Stops the program with the reason when it cannot be opened. */
SrContext *sr_test_context_open     (const char   *path);
/* The @p-th fraction (0.5: the median) of the times in @ms (doubles; sorts them); 0 for
 * none. For the benchmarks. */
double     sr_test_percentile       (GArray       *ms,
                                     double        p);
/* Drops @ctx and removes its database's temporary folder. */
void       sr_test_context_finish   (SrContext    *ctx);

G_END_DECLS
