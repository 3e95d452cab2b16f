/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * lock.c -- fcntl/flock locks and NFS-safe dot-locks (lock.h).
 *
 * Public: sm_lock, sm_unlock, sm_lock_byte, sm_unlock_byte, sm_dotlock,
 * sm_dotlock_touch, sm_dotunlock.
 * Any process, any privilege.  The only side effects besides the locks are
 * a short-lived "PATH.lock.HOST.PID" file next to a dot-lock while it is
 * being taken, and a LOG_NOTICE line when a stale dot-lock is removed.
 */
#include "lock.h"
#include "date.h"
#include "err.h"
#include "log.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define NAP_FIRST_MS	1	/* first sleep between attempts */
#define NAP_MAX_MS	64	/* and the longest */

/* ---- time ------------------------------------------------------------ */

static void
nap_ms(long long ms)
{
	struct timespec ts;

	ts.tv_sec = (time_t)(ms / 1000);
	ts.tv_nsec = (long)(ms % 1000) * 1000000;
	(void)nanosleep(&ts, NULL);	/* EINTR: the caller re-checks */
}

/*
 * Polling for a bounded wait: before the first attempt *deadline is -1.
 * Returns 1 to try again (after a nap), 0 when the time is up.
 */
static int
another_try(int timeout_ms, long long *deadline, long long *nap)
{
	long long left;

	if (*deadline < 0) {
		*deadline = sm_date_monotonic_ms() + timeout_ms;
		*nap = NAP_FIRST_MS;
	}
	left = *deadline - sm_date_monotonic_ms();
	if (left <= 0)
		return 0;
	nap_ms(*nap < left ? *nap : left);
	if (*nap < NAP_MAX_MS)
		*nap *= 2;
	return 1;
}

/* ---- kernel locks ---------------------------------------------------- */

/* One fcntl attempt on LEN bytes at START (0, 0: the whole file); busy
 * is reported as EWOULDBLOCK. */
static int
record_lock(int fd, off_t start, off_t len, short type, int wait)
{
	struct flock fl;
	int rc;

	memset(&fl, 0, sizeof(fl));	/* l_pid must be 0 for OFD locks */
	fl.l_type = type;
	fl.l_whence = SEEK_SET;
	fl.l_start = start;
	fl.l_len = len;
	do {
		rc = fcntl(fd, wait ? F_OFD_SETLKW : F_OFD_SETLK, &fl);
		if (rc < 0 && errno == EINVAL)	/* pre-3.15 kernel */
			rc = fcntl(fd, wait ? F_SETLKW : F_SETLK, &fl);
	} while (rc < 0 && errno == EINTR);
	if (rc < 0 && errno == EACCES)
		errno = EWOULDBLOCK;
	return rc;
}

static int
fcntl_once(int fd, short type, int wait)
{
	return record_lock(fd, 0, 0, type, wait);
}

static int
flock_once(int fd, int op, int wait)
{
	int rc;

	while ((rc = flock(fd, op | (wait ? 0 : LOCK_NB))) < 0 &&
	    errno == EINTR)
		continue;
	return rc;
}

static int
lock_once(int fd, enum sm_lock_kind kind, int mode, int wait)
{
	if (kind == SM_LOCK_FLOCK)
		return flock_once(fd, mode == SM_LOCK_EX ? LOCK_EX : LOCK_SH,
		    wait);
	return fcntl_once(fd, mode == SM_LOCK_EX ? F_WRLCK : F_RDLCK, wait);
}

int
sm_lock(int fd, enum sm_lock_kind kind, int mode, int timeout_ms,
    const char **errp)
{
	long long deadline = -1, nap = 0;
	int rc;

	SM_ASSERT(kind == SM_LOCK_FCNTL || kind == SM_LOCK_FLOCK);
	SM_ASSERT(mode == SM_LOCK_SH || mode == SM_LOCK_EX);
	if (timeout_ms < 0)
		rc = lock_once(fd, kind, mode, 1);
	else
		while ((rc = lock_once(fd, kind, mode, 0)) < 0 &&
		    errno == EWOULDBLOCK &&
		    another_try(timeout_ms, &deadline, &nap))
			continue;
	if (rc < 0 && errp != NULL) {
		if (errno != EWOULDBLOCK)
			*errp = kind == SM_LOCK_FLOCK ? "flock failed" :
			    "fcntl lock failed";
		else
			*errp = timeout_ms == 0 ? "locked by another process" :
			    "timed out waiting for a lock";
	}
	return rc < 0 ? -1 : 0;
}

int
sm_unlock(int fd, enum sm_lock_kind kind)
{
	if (kind == SM_LOCK_FLOCK)
		return flock_once(fd, LOCK_UN, 1) < 0 ? -1 : 0;
	return fcntl_once(fd, F_UNLCK, 0) < 0 ? -1 : 0;
}

int
sm_lock_byte(int fd, off_t off, int wait)
{
	SM_ASSERT(off >= 0);
	return record_lock(fd, off, 1, F_WRLCK, wait) < 0 ? -1 : 0;
}

int
sm_unlock_byte(int fd, off_t off)
{
	return record_lock(fd, off, 1, F_UNLCK, 0) < 0 ? -1 : 0;
}

/* ---- dot-locks ------------------------------------------------------- */

/* One attempt's scratch: the unique file we link to the lock name. */
struct attempt {
	const char	*lockpath;
	char		*tmppath;	/* PATH.lock.HOST.PID */
	int		tmpfd;
	struct stat	tmpst;		/* its inode, and the server's "now" */
};

static char *
concat_x(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	char *s = sm_malloc_x(la + lb + 1);

	memcpy(s, a, la);
	memcpy(s + la, b, lb + 1);
	return s;
}

/* PATH.lock.HOST.PID: unique across the hosts sharing an NFS directory. */
static char *
tmp_name_x(const char *lockpath)
{
	char host[65], suffix[100], *p;

	if (gethostname(host, sizeof(host)) < 0)
		host[0] = '\0';
	host[sizeof(host) - 1] = '\0';
	for (p = host; *p != '\0'; p++)
		if (*p == '/' || *p == '.')
			*p = '_';
	(void)snprintf(suffix, sizeof(suffix), ".%s.%ld", host,
	    (long)getpid());
	return concat_x(lockpath, suffix);
}

/* The holder's pid, as liblockfile and friends write it. */
static int
pid_line(char *buf, size_t size, pid_t pid)
{
	return snprintf(buf, size, "%ld\n", (long)pid);
}

/* Exclusive create of PATH holding our pid line: fd, or -1. */
static int
create_with_pid(const char *path)
{
	char pid[32];
	int fd, n, save;

	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	if (fd < 0)
		return -1;
	n = pid_line(pid, sizeof(pid), getpid());
	if (write(fd, pid, (size_t)n) != n) {
		save = errno;
		(void)close(fd);
		(void)unlink(path);
		errno = save == 0 ? EIO : save;
		return -1;
	}
	return fd;
}

/* Create the unique file (ours by name: a leftover is removed). */
static int
tmp_create(struct attempt *a)
{
	a->tmpfd = create_with_pid(a->tmppath);
	if (a->tmpfd < 0 && errno == EEXIST && unlink(a->tmppath) == 0)
		a->tmpfd = create_with_pid(a->tmppath);
	return a->tmpfd < 0 ? -1 : 0;
}

/*
 * One try at the lock name.  Returns 1 taken, 0 busy, -1 error.
 * link(2) may report failure over NFS when the server did the link and the
 * reply was lost; the link count of our file tells the truth.
 */
static int
try_link(struct attempt *a)
{
	int rc, fd, err;

	/* refresh the server's idea of now (the staleness yardstick) */
	if (futimens(a->tmpfd, NULL) < 0 || fstat(a->tmpfd, &a->tmpst) < 0)
		return -1;
	rc = link(a->tmppath, a->lockpath);
	err = errno;
	if (fstat(a->tmpfd, &a->tmpst) < 0)
		return -1;
	if (rc == 0 || a->tmpst.st_nlink == 2)
		return 1;
	if (err == EEXIST)
		return 0;
	if (err != EPERM && err != EOPNOTSUPP && err != ENOSYS) {
		errno = err;
		return -1;
	}
	/* no hard links here: plain exclusive create */
	fd = create_with_pid(a->lockpath);
	if (fd < 0)
		return errno == EEXIST ? 0 : -1;
	rc = fstat(fd, &a->tmpst);
	(void)close(fd);
	return rc < 0 ? -1 : 1;
}

/*
 * The lock name is taken: if it is older than STALE by the server's clock,
 * remove it.  Rename it aside first and check that what we moved is the
 * file we judged: if a fresh lock slipped in meanwhile, put it back.
 * Returns 1 if removed (or already gone), 0 if not stale, -1 error.
 */
static int
break_stale(struct attempt *a, int stale)
{
	struct stat lk, moved;
	char *grave;
	int rc = 1;

	if (lstat(a->lockpath, &lk) < 0)
		return errno == ENOENT ? 1 : -1;
	if (stale <= 0 || a->tmpst.st_mtime - lk.st_mtime <= stale)
		return 0;
	grave = concat_x(a->tmppath, ".stale");
	if (rename(a->lockpath, grave) < 0)
		rc = errno == ENOENT ? 1 : -1;
	else if (lstat(grave, &moved) == 0 &&
	    (moved.st_dev != lk.st_dev || moved.st_ino != lk.st_ino))
		(void)link(grave, a->lockpath);	/* not ours to break */
	else
		sm_log(LOG_NOTICE, NULL, "removed stale lock %s (%lds old)",
		    a->lockpath, (long)(a->tmpst.st_mtime - lk.st_mtime));
	(void)unlink(grave);
	free(grave);
	return rc;
}

/* Attempts until taken, an error, or the time is up. */
static int
dotlock_loop(struct attempt *a, int timeout_ms, int stale, const char **why)
{
	long long deadline = -1, nap = 0;
	int rc;

	for (;;) {
		rc = try_link(a);
		if (rc == 1)
			return 0;
		if (rc < 0) {
			*why = "cannot create lock file";
			return -1;
		}
		if (break_stale(a, stale) == 1)
			continue;		/* gone: try again at once */
		if (timeout_ms < 0)
			nap_ms(NAP_MAX_MS);
		else if (!another_try(timeout_ms, &deadline, &nap)) {
			*why = timeout_ms == 0 ? "locked by another process" :
			    "timed out waiting for a lock";
			errno = EWOULDBLOCK;
			return -1;
		}
	}
}

int
sm_dotlock(struct sm_dotlock *dl, const char *path, int timeout_ms,
    int stale_secs, const char **errp)
{
	struct attempt a;
	const char *why = NULL;
	int rc, save;

	memset(dl, 0, sizeof(*dl));
	a.lockpath = dl->dl_path = concat_x(path, ".lock");
	a.tmppath = tmp_name_x(dl->dl_path);
	if (tmp_create(&a) < 0) {
		why = "cannot create file beside the lock";
		rc = -1;
	} else {
		rc = dotlock_loop(&a, timeout_ms, stale_secs, &why);
		save = errno;
		(void)close(a.tmpfd);
		(void)unlink(a.tmppath);
		errno = save;
	}
	save = errno;
	free(a.tmppath);
	if (rc < 0) {
		free(dl->dl_path);
		memset(dl, 0, sizeof(*dl));
		if (errp != NULL)
			*errp = why;
		errno = save;
		return -1;
	}
	dl->dl_dev = a.tmpst.st_dev;
	dl->dl_ino = a.tmpst.st_ino;
	dl->dl_pid = getpid();
	return 0;
}

int
sm_dotlock_touch(const struct sm_dotlock *dl)
{
	SM_ASSERT(dl->dl_path != NULL);
	return utimensat(AT_FDCWD, dl->dl_path, NULL, 0);
}

/* Is the lock file still the one DL made?  1 yes, 0 no, -1 error. */
static int
still_ours(const struct sm_dotlock *dl)
{
	char want[32], got[32];
	struct stat st;
	ssize_t n;
	int fd, len;

	if (lstat(dl->dl_path, &st) < 0)
		return -1;
	if (st.st_dev != dl->dl_dev || st.st_ino != dl->dl_ino)
		return 0;
	/* the same inode number may be a new file: compare the pid too */
	fd = open(dl->dl_path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0)
		return -1;
	n = read(fd, got, sizeof(got));
	(void)close(fd);
	len = pid_line(want, sizeof(want), dl->dl_pid);
	return n == len && memcmp(got, want, (size_t)len) == 0;
}

int
sm_dotunlock(struct sm_dotlock *dl)
{
	int rc;

	SM_ASSERT(dl->dl_path != NULL);
	rc = still_ours(dl);
	if (rc == 0)
		errno = ESTALE;
	if (rc == 1)
		rc = unlink(dl->dl_path) < 0 ? -1 : 0;
	else
		rc = -1;
	free(dl->dl_path);
	memset(dl, 0, sizeof(*dl));
	return rc;
}
