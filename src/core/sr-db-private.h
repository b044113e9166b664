/* sr-db-private.h — the store's two backends share these (sr-db.c for SQLite files,
 * sr-db-pg.c for a PostgreSQL server); nothing else includes it. */
#pragma once

#include <libpq-fe.h>
#include <sqlite3.h>

#include "sr-db.h"

/* The server's types the store sends and reads (PostgreSQL's catalogue numbers). */
#define SR_PG_BOOLOID 16
#define SR_PG_BYTEAOID 17
#define SR_PG_INT8OID 20
#define SR_PG_TEXTOID 25

/* Where the migrations are, in the resource bundle (pg/: the server's own parts). */
#define SR_SQL_RESOURCE_DIR "/io/github/salesroom/Salesroom/sql/"

struct _SrStmt
{
  SrDb *db;
  gboolean in_use;
  gboolean is_cached;

  /* SQLite */
  sqlite3_stmt *stmt;

  /* PostgreSQL: the statement as the server reads it, its parameters as text (a blob as
   * bytes) and the rows of its last run, read one by one by sr_stmt_step. */
  char *pg_sql;
  char *pg_name;        /* the server's prepared statement, once prepared; NULL: none yet */
  guint pg_generation;  /* the connection it was prepared on (a reconnect forgets them) */
  int n_params;
  char **values;
  int *lengths;
  int *formats;
  Oid *types;           /* a number's bigint, a blob's bytea; 0: the server infers it */
  Oid *prepared_types;  /* those the server's prepared statement was made for */
  gboolean *unused;     /* parameters the statement does not mention (sr_sql_to_pg's) */
  PGresult *result;
  int row;              /* the current row of @result; -1 before the first step */
  gboolean has_run;
  gboolean is_write;    /* INSERT, UPDATE, DELETE: alone, it takes the write lock */
};

struct _SrDb
{
  GObject parent_instance;

  sqlite3 *handle;
  char *path;
  GHashTable *cache; /* sql text → SrStmt */
  int depth;         /* transaction nesting */
  int read_depth;    /* sr_db_begin_read nesting */
  gboolean reading;  /* a read transaction begun by sr_db_begin_read is open */
  int lost_code;     /* SQLite rolled the open transaction back by itself (disk full, I/O):
                      * why; nothing more runs in it until the caller rolls back */
  int schema_version;
  gboolean is_read_only;

  /* PostgreSQL */
  PGconn *pg;
  char *conninfo;       /* as given, password and all: never shown (see path) */
  guint pg_generation;  /* moves at each (re)connection */
  guint next_name;
  gint64 changes;
  gint64 notifications; /* NOTIFY salesroom heard from other connections */
  gboolean pg_lost;     /* the open transaction failed: only a rollback may follow */
  gint64 failed_reset_at; /* monotonic time of the last reconnection that failed; 0: none */
};

/* sr-db-pg.c */
gboolean    sr_pg_open         (SrDb           *self,
                                const char     *uri,
                                SrDbOpenFlags   flags,
                                GError        **error);
gboolean    sr_pg_migrate_one  (SrDb           *self,
                                int             version,
                                const char     *sql,
                                GError        **error);
void        sr_pg_close        (SrDb           *self);
gboolean    sr_pg_exec         (SrDb           *self,
                                const char     *sql,
                                GError        **error);
void        sr_pg_prepare      (SrStmt         *stmt,
                                const char     *sql);
void        sr_pg_stmt_free    (SrStmt         *stmt);
void        sr_pg_bind         (SrStmt         *stmt,
                                int             index,
                                const char     *value,
                                gsize           length,
                                Oid             type);
SrStep      sr_pg_step         (SrStmt         *stmt,
                                GError        **error);
const char *sr_pg_get_text     (SrStmt         *stmt,
                                int             column);
gint64      sr_pg_get_int      (SrStmt         *stmt,
                                int             column);
GBytes     *sr_pg_dup_blob     (SrStmt         *stmt,
                                int             column);
gboolean    sr_pg_is_null      (SrStmt         *stmt,
                                int             column);
SrValueKind sr_pg_column_kind  (SrStmt         *stmt,
                                int             column);
void        sr_pg_reset        (SrStmt         *stmt);
gboolean    sr_pg_begin        (SrDb           *self,
                                gboolean        read_only,
                                GError        **error);
gboolean    sr_pg_in_failed_transaction (SrDb  *self);
gboolean    sr_pg_data_version (SrDb           *self,
                                gint64         *out_version,
                                GError        **error);
gboolean    sr_pg_regrant      (SrDb           *self,
                                GError        **error);
gboolean    sr_pg_backup_to    (SrDb           *self,
                                const char     *dest_path,
                                GError        **error);
