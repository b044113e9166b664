/* sr-sql-pg.h — Salesroom's SQL (written for SQLite) as PostgreSQL reads it.
 *
 * The domain modules write one dialect; the store rewrites each statement once, when it is
 * first prepared on a PostgreSQL connection. A query: `?N` parameters become `$N`;
 * SQLite's date functions become the compatibility functions the PostgreSQL schema
 * carries (sr_date, sr_julianday, sr_strftime, sr_sum, sr_total); instr becomes strpos; the
 * scalar max and min of two or more values become greatest and least. A migration
 * (schema text) also has its column types mapped (INTEGER → BIGINT, an INTEGER PRIMARY
 * KEY → an identity column, BLOB → BYTEA, REAL → DOUBLE PRECISION) and its SQLite
 * triggers left out: each has a PL/pgSQL twin in the per-backend file of that version.
 * String literals, quoted names and comments are copied as they are.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @out_params: the highest parameter number used (may be NULL); @out_unused (may be
 * NULL): for each of them, TRUE when the statement does not use it (free with g_free). */
char *sr_sql_to_pg        (const char  *sql,
                           int         *out_params,
                           gboolean   **out_unused);
char *sr_sql_schema_to_pg (const char *sql);

G_END_DECLS
