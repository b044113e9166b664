/* sr-fault-vfs.h — a SQLite VFS shim for tests: it passes everything to the real VFS but,
 * once armed, fails the Nth write, sync or truncate from then on (and every one after it,
 * as a full disk does, or that one only) with SQLITE_FULL or SQLITE_IOERR, until disarmed. Installed as the
 * default VFS, so every connection of the test process goes through it. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  SR_FAULT_FULL,   /* the disk is full */
  SR_FAULT_IO,     /* the disk fails */
} SrFault;

void     sr_fault_vfs_install  (void);
/* Fails the (@after + 1)th write-like operation from now on, and all after it — or, with
 * @once, that one only (a passing fault: the next write works). */
void     sr_fault_vfs_arm      (guint    after,
                                SrFault  fault,
                                gboolean once);
void     sr_fault_vfs_disarm   (void);
/* Whether an operation was failed since the last arm. */
gboolean sr_fault_vfs_tripped  (void);

G_END_DECLS
