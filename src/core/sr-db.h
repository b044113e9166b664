/* sr-db.h — the store: one connection to a Salesroom database.
 *
 * The only part of Salesroom that talks to SQLite or PostgreSQL (`postgresql://…` as the
 * path: sr-db-pg.c). Domain modules prepare statements
 * through it (cached per connection), bind typed values, step, and run their changes in
 * transactions. Every failure comes back as a GError in SR_STORE_ERROR with a message a
 * person can read. A connection belongs to one thread.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SR_TYPE_DB (sr_db_get_type ())
G_DECLARE_FINAL_TYPE (SrDb, sr_db, SR, DB, GObject)

typedef enum {
  SR_DB_OPEN_EXISTING = 0,       /* the file must exist and be a Salesroom database */
  SR_DB_OPEN_CREATE = 1 << 0,    /* create it (and its folder) when missing */
  SR_DB_OPEN_READ_ONLY = 1 << 1, /* never write; no migration */
  SR_DB_OPEN_INSPECT = 1 << 2,   /* with READ_ONLY: an older version opens too, to be looked at
                                  * (a backup before it is restored), not used */
} SrDbOpenFlags;

typedef struct _SrStmt SrStmt;

typedef enum {
  SR_STEP_ERROR = -1,
  SR_STEP_DONE = 0,
  SR_STEP_ROW = 1,
} SrStep;

SrDb       *sr_db_open                 (const char     *path,
                                        SrDbOpenFlags   flags,
                                        GError        **error);
/* The file's path, or the server's address without its password: to show. */
const char *sr_db_get_path             (SrDb           *self);
/* What another connection of this program opens to reach the same database (a worker
 * thread's): the path, or the address with its password. Not to show. */
char       *sr_db_dup_connection       (SrDb           *self);
/* Whether @path is an office server's address (postgresql://…) rather than a file. */
gboolean    sr_db_is_server_address    (const char    *path);
/* A server's address without its password (to show, or to keep in the settings), and
 * with @password added (from the keyring). A file's path comes back as it is. */
char       *sr_db_uri_without_password (const char    *uri);
char       *sr_db_uri_with_password    (const char    *uri,
                                        const char    *password);
/* TRUE on an office server (PostgreSQL), FALSE on a database file (SQLite). */
gboolean    sr_db_is_server            (SrDb           *self);
int         sr_db_get_schema_version   (SrDb           *self);
int         sr_db_latest_schema_version (void);
char       *sr_db_default_path         (void);
gboolean    sr_db_path_exists          (const char     *path);

/* Statements. The returned statement is owned by the cache: call sr_stmt_done()
 * (or let g_autoptr do it) when finished; it is reset and its bindings cleared. */
SrStmt     *sr_db_prepare              (SrDb           *self,
                                        const char     *sql,
                                        GError        **error);
void        sr_stmt_bind_int           (SrStmt         *stmt,
                                        int             index,
                                        gint64          value);
void        sr_stmt_bind_text          (SrStmt         *stmt,
                                        int             index,
                                        const char     *value);
void        sr_stmt_bind_null          (SrStmt         *stmt,
                                        int             index);
void        sr_stmt_bind_blob          (SrStmt         *stmt,
                                        int             index,
                                        GBytes         *bytes);
SrStep      sr_stmt_step               (SrStmt         *stmt,
                                        GError        **error);
gboolean    sr_stmt_exec               (SrStmt         *stmt,
                                        GError        **error);
gint64      sr_stmt_get_int            (SrStmt         *stmt,
                                        int             column);
const char *sr_stmt_get_text           (SrStmt         *stmt,
                                        int             column);
char       *sr_stmt_dup_text           (SrStmt         *stmt,
                                        int             column);
/* A blob column's bytes; NULL for SQL NULL. */
GBytes     *sr_stmt_dup_blob           (SrStmt         *stmt,
                                        int             column);
gboolean    sr_stmt_is_null            (SrStmt         *stmt,
                                        int             column);

/* What a column of the current row holds (to copy rows between databases). */
typedef enum {
  SR_VALUE_NULL,
  SR_VALUE_INT,
  SR_VALUE_REAL,
  SR_VALUE_TEXT,
  SR_VALUE_BLOB,
} SrValueKind;

SrValueKind sr_stmt_column_kind        (SrStmt         *stmt,
                                        int             column);
/* Resets for another run of the same statement (bindings cleared), still in use. */
void        sr_stmt_reset              (SrStmt         *stmt);
void        sr_stmt_done               (SrStmt         *stmt);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SrStmt, sr_stmt_done)

/* One-shot helpers for statements without parameters. */
gboolean    sr_db_exec                 (SrDb           *self,
                                        const char     *sql,
                                        GError        **error);
gboolean    sr_db_query_int            (SrDb           *self,
                                        const char     *sql,
                                        gint64         *out_value,
                                        GError        **error);
/* One-shot helpers with parameters: @types has one letter a parameter, 'i' for a gint64
 * and 't' for a string (NULL binds NULL). sr_db_run runs a statement to its end;
 * sr_db_get_int reads the first column of the first row (0 when there is no row). */
gboolean    sr_db_run                  (SrDb           *self,
                                        GError        **error,
                                        const char     *sql,
                                        const char     *types,
                                        ...);
gboolean    sr_db_get_int              (SrDb           *self,
                                        gint64         *out_value,
                                        GError        **error,
                                        const char     *sql,
                                        const char     *types,
                                        ...);
gint64      sr_db_changes              (SrDb           *self);
/* A number that moves when another connection (another program, window or thread)
 * commits a change to the file; this connection's own commits leave it. */
gboolean    sr_db_data_version         (SrDb           *self,
                                        gint64         *out_version,
                                        GError        **error);

/* On a server, the connection's socket, readable when another PC's change is heard (a
 * main loop may watch it, then call sr_db_data_version); -1 on a file, or while the
 * connection is lost. */
int         sr_db_get_socket           (SrDb           *self);

/* Transactions. begin/commit nest (savepoints inside). A write transaction takes the
 * write lock at once (BEGIN IMMEDIATE), so two writers never deadlock half-way. */
gboolean    sr_db_begin                (SrDb           *self,
                                        GError        **error);
gboolean    sr_db_commit               (SrDb           *self,
                                        GError        **error);
void        sr_db_rollback             (SrDb           *self);
/* A read transaction: every read until sr_db_end_read sees the same data (two passes over
 * a register, say), while other connections go on writing. Nests; inside a write
 * transaction it changes nothing. No write inside it: sr_db_begin refuses. */
gboolean    sr_db_begin_read           (SrDb           *self,
                                        GError        **error);
void        sr_db_end_read             (SrDb           *self);
gboolean    sr_db_in_transaction       (SrDb           *self);

/* Copies the database, while others keep using it, into a new file at @dest_path.
 * Refuses to overwrite an existing file. */
gboolean    sr_db_backup_to            (SrDb           *self,
                                        const char     *dest_path,
                                        GError        **error);

/* On an office server: lets @role (the PCs' sign-in role, made by the server's
 * administrator) read and write the office's rows but not change the schema nor rewrite
 * or delete the audit log; remembered, and given again on new tables after an update.
 * Run as the role that owns the schema. */
gboolean    sr_db_grant_office_role    (SrDb           *self,
                                        const char     *role,
                                        GError        **error);

/* Puts the pg_dump archive @dump_path back on the office server @uri in one transaction
 * (nothing changes when it fails), after copying what the server holds now to
 * @before_path; then brings it up to this version. Nobody should be working meanwhile. */
gboolean    sr_db_restore_server       (const char     *uri,
                                        const char     *dump_path,
                                        const char     *before_path,
                                        GError        **error);

/* TRUE when no table of the application holds a row (an empty office). */
gboolean    sr_db_is_empty             (SrDb           *self,
                                        gboolean       *out_empty,
                                        GError        **error);

G_END_DECLS
