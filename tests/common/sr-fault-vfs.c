/* sr-fault-vfs.c — see sr-fault-vfs.h. */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "sr-fault-vfs.h"

typedef struct {
  sqlite3_file base;
  sqlite3_file *real;   /* follows this struct in the same allocation */
} FaultFile;

static sqlite3_vfs fault_vfs;
static sqlite3_vfs *real_vfs;
static sqlite3_io_methods fault_methods;
static gboolean armed, tripped, only_once;
static guint remaining;
static SrFault fault_kind;

/* TRUE when this operation must fail. */
static gboolean
fail_now (void)
{
  if (!armed)
    return FALSE;
  if (remaining > 0)
    {
      remaining--;
      return FALSE;
    }
  tripped = TRUE;
  if (only_once)
    armed = FALSE;
  return TRUE;
}

static int
fault_code (int io_code)
{
  return fault_kind == SR_FAULT_FULL ? SQLITE_FULL : io_code;
}

#define REAL(f) (((FaultFile *) (f))->real)

static int f_close (sqlite3_file *f) { int rc = REAL (f)->pMethods->xClose (REAL (f)); return rc; }
static int f_read (sqlite3_file *f, void *buf, int n, sqlite3_int64 off) { return REAL (f)->pMethods->xRead (REAL (f), buf, n, off); }
static int
f_write (sqlite3_file *f, const void *buf, int n, sqlite3_int64 off)
{
  if (fail_now ())
    return fault_code (SQLITE_IOERR_WRITE);
  return REAL (f)->pMethods->xWrite (REAL (f), buf, n, off);
}
static int
f_truncate (sqlite3_file *f, sqlite3_int64 size)
{
  if (fail_now ())
    return fault_code (SQLITE_IOERR_TRUNCATE);
  return REAL (f)->pMethods->xTruncate (REAL (f), size);
}
static int
f_sync (sqlite3_file *f, int flags)
{
  if (fail_now ())
    return fault_kind == SR_FAULT_FULL ? SQLITE_FULL : SQLITE_IOERR_FSYNC;
  return REAL (f)->pMethods->xSync (REAL (f), flags);
}
static int f_size (sqlite3_file *f, sqlite3_int64 *size) { return REAL (f)->pMethods->xFileSize (REAL (f), size); }
static int f_lock (sqlite3_file *f, int l) { return REAL (f)->pMethods->xLock (REAL (f), l); }
static int f_unlock (sqlite3_file *f, int l) { return REAL (f)->pMethods->xUnlock (REAL (f), l); }
static int f_check (sqlite3_file *f, int *out) { return REAL (f)->pMethods->xCheckReservedLock (REAL (f), out); }
static int f_control (sqlite3_file *f, int op, void *arg) { return REAL (f)->pMethods->xFileControl (REAL (f), op, arg); }
static int f_sector (sqlite3_file *f) { return REAL (f)->pMethods->xSectorSize (REAL (f)); }
static int f_device (sqlite3_file *f) { return REAL (f)->pMethods->xDeviceCharacteristics (REAL (f)); }
static int f_shm_map (sqlite3_file *f, int pg, int sz, int extend, void volatile **out) { return REAL (f)->pMethods->xShmMap (REAL (f), pg, sz, extend, out); }
static int f_shm_lock (sqlite3_file *f, int off, int n, int flags) { return REAL (f)->pMethods->xShmLock (REAL (f), off, n, flags); }
static void f_shm_barrier (sqlite3_file *f) { REAL (f)->pMethods->xShmBarrier (REAL (f)); }
static int f_shm_unmap (sqlite3_file *f, int del) { return REAL (f)->pMethods->xShmUnmap (REAL (f), del); }
/* Files whose real methods are of an older version have no memory map: say so. */
static int
f_fetch (sqlite3_file *f, sqlite3_int64 off, int n, void **pp)
{
  if (REAL (f)->pMethods->iVersion < 3)
    {
      *pp = NULL;
      return SQLITE_OK;
    }
  return REAL (f)->pMethods->xFetch (REAL (f), off, n, pp);
}
static int
f_unfetch (sqlite3_file *f, sqlite3_int64 off, void *p)
{
  return REAL (f)->pMethods->iVersion < 3 ? SQLITE_OK : REAL (f)->pMethods->xUnfetch (REAL (f), off, p);
}

static int
v_open (sqlite3_vfs *vfs, const char *name, sqlite3_file *file, int flags, int *out_flags)
{
  FaultFile *ff = (FaultFile *) file;
  int rc;

  ff->real = (sqlite3_file *) (ff + 1);
  rc = real_vfs->xOpen (real_vfs, name, ff->real, flags, out_flags);
  /* The real file's methods decide which of ours exist (version, shm, fetch). */
  file->pMethods = rc == SQLITE_OK && ff->real->pMethods != NULL ? &fault_methods : NULL;
  return rc;
}
static int v_delete (sqlite3_vfs *vfs, const char *name, int sync) { return real_vfs->xDelete (real_vfs, name, sync); }
static int v_access (sqlite3_vfs *vfs, const char *name, int flags, int *out) { return real_vfs->xAccess (real_vfs, name, flags, out); }
static int v_full (sqlite3_vfs *vfs, const char *name, int n, char *out) { return real_vfs->xFullPathname (real_vfs, name, n, out); }
static void *v_dlopen (sqlite3_vfs *vfs, const char *name) { return real_vfs->xDlOpen (real_vfs, name); }
static void v_dlerror (sqlite3_vfs *vfs, int n, char *msg) { real_vfs->xDlError (real_vfs, n, msg); }
static void (*v_dlsym (sqlite3_vfs *vfs, void *h, const char *sym)) (void) { return real_vfs->xDlSym (real_vfs, h, sym); }
static void v_dlclose (sqlite3_vfs *vfs, void *h) { real_vfs->xDlClose (real_vfs, h); }
static int v_random (sqlite3_vfs *vfs, int n, char *out) { return real_vfs->xRandomness (real_vfs, n, out); }
static int v_sleep (sqlite3_vfs *vfs, int us) { return real_vfs->xSleep (real_vfs, us); }
static int v_time (sqlite3_vfs *vfs, double *out) { return real_vfs->xCurrentTime (real_vfs, out); }
static int v_last_error (sqlite3_vfs *vfs, int n, char *out) { return real_vfs->xGetLastError (real_vfs, n, out); }
static int v_time64 (sqlite3_vfs *vfs, sqlite3_int64 *out) { return real_vfs->xCurrentTimeInt64 (real_vfs, out); }

void
sr_fault_vfs_install (void)
{
  if (real_vfs != NULL)
    return;
  real_vfs = sqlite3_vfs_find (NULL);
  g_assert (real_vfs != NULL && real_vfs->iVersion >= 2);
  fault_methods = (sqlite3_io_methods) {
    3, f_close, f_read, f_write, f_truncate, f_sync, f_size, f_lock, f_unlock, f_check, f_control,
    f_sector, f_device, f_shm_map, f_shm_lock, f_shm_barrier, f_shm_unmap, f_fetch, f_unfetch,
  };
  fault_vfs = (sqlite3_vfs) {
    2, (int) (sizeof (FaultFile) + real_vfs->szOsFile), real_vfs->mxPathname, NULL, "sr-fault", NULL,
    v_open, v_delete, v_access, v_full, v_dlopen, v_dlerror, v_dlsym, v_dlclose, v_random, v_sleep,
    v_time, v_last_error, v_time64,
  };
  g_assert_cmpint (sqlite3_vfs_register (&fault_vfs, 1), ==, SQLITE_OK);
}

void
sr_fault_vfs_arm (guint    after,
                  SrFault  fault,
                  gboolean once)
{
  only_once = once;
  remaining = after;
  fault_kind = fault;
  tripped = FALSE;
  armed = TRUE;
}

void
sr_fault_vfs_disarm (void)
{
  armed = FALSE;
}

gboolean
sr_fault_vfs_tripped (void)
{
  return tripped;
}
