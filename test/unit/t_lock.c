/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * t_lock.c -- libsm/lock.c: fcntl and flock locks between processes and
 * within one, dot-locks, stale dot-lock removal.
 *
 * Another process holds the lock in a forked child that reports over a
 * pipe; every wait is bounded (a case takes well under a second).  The
 * expected conflicts are POSIX's (shared/shared compatible, anything with
 * exclusive not) and flock(2)'s, which agree.
 */
#include "libsm/date.h"
#include "libsm/lock.h"
#include "libsm/log.h"
#include "t.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static char	path_buf[4096];

/* A fresh file name in the test directory. */
static const char *
tpath(const char *name)
{
	(void)snprintf(path_buf, sizeof(path_buf), "%s/%s", t_tmpdir(), name);
	return path_buf;
}

static int
make_file(const char *path)
{
	int fd = open(path, O_RDWR | O_CREAT, 0600);

	if (fd >= 0 && write(fd, "x", 1) != 1) {
		(void)close(fd);
		return -1;
	}
	return fd;
}

/* ---- a lock holder in another process --------------------------------- */

struct holder {
	pid_t	pid;
	int	to;		/* parent -> child: any byte = release */
	int	from;		/* child -> parent: 'L' locked, 'U' released,
				 * 'F' failed */
};

enum how { HOLD_SM, HOLD_CLASSIC, HOLD_DOT };

struct hold_req {
	const char	*path;
	enum how	how;
	enum sm_lock_kind kind;
	int		mode;
	int		hold_ms;	/* < 0: until told */
};

static int
classic_lock(int fd, short type)
{
	struct flock fl;

	memset(&fl, 0, sizeof(fl));
	fl.l_type = type;
	fl.l_whence = SEEK_SET;
	return fcntl(fd, F_SETLK, &fl);
}

static void
hold_child(const struct hold_req *r, int in, int out)
{
	struct sm_dotlock dl;
	int fd = -1, ok;
	char c;

	if (r->how == HOLD_DOT)
		ok = sm_dotlock(&dl, r->path, 0, 0, NULL) == 0;
	else {
		fd = open(r->path, O_RDWR);
		ok = fd >= 0 && (r->how == HOLD_SM ?
		    sm_lock(fd, r->kind, r->mode, 0, NULL) :
		    classic_lock(fd, r->mode == SM_LOCK_EX ? F_WRLCK :
		    F_RDLCK)) == 0;
	}
	c = ok ? 'L' : 'F';
	(void)write(out, &c, 1);
	if (!ok)
		_exit(1);
	if (r->hold_ms >= 0)
		(void)poll(NULL, 0, r->hold_ms);
	else
		(void)read(in, &c, 1);
	if (r->how == HOLD_DOT)
		(void)sm_dotunlock(&dl);
	else
		(void)close(fd);	/* releases every kind */
	c = 'U';
	(void)write(out, &c, 1);
	_exit(0);
}

static int
holder_start(struct holder *h, const struct hold_req *r)
{
	int down[2], up[2];

	if (pipe(down) < 0 || pipe(up) < 0)
		return -1;
	(void)fflush(stdout);
	h->pid = fork();
	if (h->pid == 0) {
		(void)close(down[1]);
		(void)close(up[0]);
		hold_child(r, down[0], up[1]);
	}
	(void)close(down[0]);
	(void)close(up[1]);
	h->to = down[1];
	h->from = up[0];
	return h->pid < 0 ? -1 : 0;
}

/* The child's next report, or '?' after two seconds. */
static char
holder_says(struct holder *h)
{
	struct pollfd p = { .fd = h->from, .events = POLLIN };
	char c = '?';

	if (poll(&p, 1, 2000) == 1 && read(h->from, &c, 1) != 1)
		c = '?';
	return c;
}

static int
holder_release(struct holder *h)
{
	char c = 'r';
	int st = 0;

	(void)write(h->to, &c, 1);
	c = holder_says(h);
	(void)close(h->to);
	(void)close(h->from);
	(void)waitpid(h->pid, &st, 0);
	return c == 'U' && WIFEXITED(st) && WEXITSTATUS(st) == 0;
}

/* ---- kernel locks: the conflict table --------------------------------- */

static const struct {
	const char	*name;
	enum sm_lock_kind kind;
	int		held, want;
	int		conflict;
} conflicts[] = {
	{ "fcntl sh/sh", SM_LOCK_FCNTL, SM_LOCK_SH, SM_LOCK_SH, 0 },
	{ "fcntl sh/ex", SM_LOCK_FCNTL, SM_LOCK_SH, SM_LOCK_EX, 1 },
	{ "fcntl ex/sh", SM_LOCK_FCNTL, SM_LOCK_EX, SM_LOCK_SH, 1 },
	{ "fcntl ex/ex", SM_LOCK_FCNTL, SM_LOCK_EX, SM_LOCK_EX, 1 },
	{ "flock sh/sh", SM_LOCK_FLOCK, SM_LOCK_SH, SM_LOCK_SH, 0 },
	{ "flock sh/ex", SM_LOCK_FLOCK, SM_LOCK_SH, SM_LOCK_EX, 1 },
	{ "flock ex/sh", SM_LOCK_FLOCK, SM_LOCK_EX, SM_LOCK_SH, 1 },
	{ "flock ex/ex", SM_LOCK_FLOCK, SM_LOCK_EX, SM_LOCK_EX, 1 },
};

static void
test_conflicts(void)
{
	struct hold_req r = { .how = HOLD_SM, .hold_ms = -1 };
	struct holder h;
	const char *why;
	size_t i;
	int fd;

	for (i = 0; i < sizeof(conflicts) / sizeof(conflicts[0]); i++) {
		t_begin("lock: %s held by another process", conflicts[i].name);
		r.path = tpath("conflict");
		fd = make_file(r.path);
		r.kind = conflicts[i].kind;
		r.mode = conflicts[i].held;
		t_require(fd >= 0 && holder_start(&h, &r) == 0);
		t_assert_cmp(holder_says(&h), ==, 'L');
		why = NULL;
		errno = 0;
		if (conflicts[i].conflict) {
			t_assert_cmp(sm_lock(fd, r.kind, conflicts[i].want, 0,
			    &why), ==, -1);
			t_assert_cmp(errno, ==, EWOULDBLOCK);
			t_assert(why != NULL &&
			    strcmp(why, "locked by another process") == 0);
		} else
			t_assert_cmp(sm_lock(fd, r.kind, conflicts[i].want, 0,
			    &why), ==, 0);
		t_assert(holder_release(&h));
		/* released: now it is ours */
		t_assert_cmp(sm_lock(fd, r.kind, conflicts[i].want, 0, &why),
		    ==, 0);
		t_assert_cmp(sm_unlock(fd, r.kind), ==, 0);
		(void)close(fd);
		(void)unlink(r.path);
		(void)t_end();
	}
}

/* ---- kernel locks: waiting ------------------------------------------- */

static const struct {
	const char	*name;
	enum sm_lock_kind kind;
	int		hold_ms;	/* the holder lets go after this */
	int		timeout_ms;
	int		ok;
	int		min_ms, max_ms;	/* how long sm_lock may take */
} waits[] = {
	{ "fcntl times out", SM_LOCK_FCNTL, 2000, 120, 0, 110, 600 },
	{ "flock times out", SM_LOCK_FLOCK, 2000, 120, 0, 110, 600 },
	{ "fcntl waits for release", SM_LOCK_FCNTL, 150, 800, 1, 100, 700 },
	{ "flock waits for release", SM_LOCK_FLOCK, 150, 800, 1, 100, 700 },
	{ "fcntl blocks until release", SM_LOCK_FCNTL, 150, -1, 1, 100, 700 },
	{ "flock blocks until release", SM_LOCK_FLOCK, 150, -1, 1, 100, 700 },
};

static void
test_waits(void)
{
	struct hold_req r = { .how = HOLD_SM, .mode = SM_LOCK_EX };
	struct holder h;
	const char *why;
	long long t0, took;
	size_t i;
	int fd, st;

	for (i = 0; i < sizeof(waits) / sizeof(waits[0]); i++) {
		t_begin("lock: %s", waits[i].name);
		r.path = tpath("wait");
		r.kind = waits[i].kind;
		r.hold_ms = waits[i].hold_ms;
		fd = make_file(r.path);
		t_require(fd >= 0 && holder_start(&h, &r) == 0);
		t_assert_cmp(holder_says(&h), ==, 'L');
		why = NULL;
		t0 = sm_date_monotonic_ms();
		st = sm_lock(fd, r.kind, SM_LOCK_EX, waits[i].timeout_ms, &why);
		took = sm_date_monotonic_ms() - t0;
		t_assert_cmp(st, ==, waits[i].ok ? 0 : -1);
		if (!waits[i].ok)
			t_assert(why != NULL && strcmp(why,
			    "timed out waiting for a lock") == 0);
		t_assert_cmp(took, >=, waits[i].min_ms);
		t_assert_cmp(took, <=, waits[i].max_ms);
		(void)kill(h.pid, SIGKILL);
		(void)waitpid(h.pid, NULL, 0);
		(void)close(h.to);
		(void)close(h.from);
		(void)close(fd);
		(void)unlink(r.path);
		(void)t_end();
	}
}

/* ---- kernel locks: several in one process ----------------------------- */

/* Another process's view: can it take KIND/EX on PATH right now? */
static int
free_elsewhere(const char *path, enum sm_lock_kind kind)
{
	struct hold_req r = { .path = path, .how = HOLD_SM, .kind = kind,
	    .mode = SM_LOCK_EX, .hold_ms = 0 };
	struct holder h;
	char c;

	if (holder_start(&h, &r) < 0)
		return -1;
	c = holder_says(&h);
	(void)holder_says(&h);		/* 'U' */
	(void)close(h.to);
	(void)close(h.from);
	(void)waitpid(h.pid, NULL, 0);
	return c == 'L';
}

static void
test_same_process(void)
{
	static const enum sm_lock_kind kinds[] = { SM_LOCK_FCNTL,
	    SM_LOCK_FLOCK };
	char a[4096], b[4096];
	int fa, fb, other;
	size_t i;

	for (i = 0; i < 2; i++) {
		t_begin("lock: %s, several locks in one process",
		    kinds[i] == SM_LOCK_FCNTL ? "fcntl" : "flock");
		(void)snprintf(a, sizeof(a), "%s", tpath("a"));
		(void)snprintf(b, sizeof(b), "%s", tpath("b"));
		fa = make_file(a);
		fb = make_file(b);
		t_require(fa >= 0 && fb >= 0);
		t_assert_cmp(sm_lock(fa, kinds[i], SM_LOCK_EX, 0, NULL), ==, 0);
		t_assert_cmp(sm_lock(fb, kinds[i], SM_LOCK_EX, 0, NULL), ==, 0);
		/* a second descriptor of a locked file is kept out ... */
		other = open(a, O_RDWR);
		t_assert_cmp(sm_lock(other, kinds[i], SM_LOCK_EX, 0, NULL),
		    ==, -1);
		/* ... and closing it does not release the lock */
		(void)close(other);
		t_assert_cmp(free_elsewhere(a, kinds[i]), ==, 0);
		/* releasing A leaves B locked */
		t_assert_cmp(sm_unlock(fa, kinds[i]), ==, 0);
		t_assert_cmp(free_elsewhere(a, kinds[i]), ==, 1);
		t_assert_cmp(free_elsewhere(b, kinds[i]), ==, 0);
		/* converting a held lock: exclusive to shared and back */
		t_assert_cmp(sm_lock(fb, kinds[i], SM_LOCK_SH, 0, NULL), ==, 0);
		t_assert_cmp(sm_lock(fb, kinds[i], SM_LOCK_EX, 0, NULL), ==, 0);
		(void)close(fa);
		(void)close(fb);
		t_assert_cmp(free_elsewhere(b, kinds[i]), ==, 1);
		(void)t_end();
	}
}

/* Our fcntl locks and classic fcntl locks (mail.local's) exclude each
 * other, both ways. */
static void
test_classic_interop(void)
{
	struct hold_req r = { .how = HOLD_CLASSIC, .mode = SM_LOCK_EX,
	    .hold_ms = -1 };
	struct holder h;
	int fd;

	r.path = tpath("interop");
	fd = make_file(r.path);
	t_require(fd >= 0 && holder_start(&h, &r) == 0);
	t_assert_cmp(holder_says(&h), ==, 'L');
	t_assert_cmp(sm_lock(fd, SM_LOCK_FCNTL, SM_LOCK_SH, 0, NULL), ==, -1);
	t_assert(holder_release(&h));
	t_assert_cmp(sm_lock(fd, SM_LOCK_FCNTL, SM_LOCK_SH, 0, NULL), ==, 0);
	r.mode = SM_LOCK_SH;		/* a classic reader is kept out too */
	t_assert_cmp(sm_lock(fd, SM_LOCK_FCNTL, SM_LOCK_EX, 0, NULL), ==, 0);
	t_require(holder_start(&h, &r) == 0);
	t_assert_cmp(holder_says(&h), ==, 'F');
	(void)waitpid(h.pid, NULL, 0);
	(void)close(h.to);
	(void)close(h.from);
	(void)close(fd);
}

static void
test_lock_errors(void)
{
	const char *why = NULL;
	int fd;

	errno = 0;
	t_assert_cmp(sm_lock(-1, SM_LOCK_FCNTL, SM_LOCK_EX, 0, &why), ==, -1);
	t_assert_cmp(errno, ==, EBADF);
	t_assert(why != NULL && strcmp(why, "fcntl lock failed") == 0);
	t_assert_cmp(sm_lock(-1, SM_LOCK_FLOCK, SM_LOCK_EX, 100, &why), ==,
	    -1);
	t_assert_cmp(errno, ==, EBADF);
	t_assert(why != NULL && strcmp(why, "flock failed") == 0);
	/* an exclusive record lock needs a descriptor open for writing */
	fd = open(tpath("ro"), O_RDONLY | O_CREAT, 0600);
	t_require(fd >= 0);
	t_assert_cmp(sm_lock(fd, SM_LOCK_FCNTL, SM_LOCK_EX, 0, NULL), ==, -1);
	t_assert_cmp(errno, ==, EBADF);
	t_assert_cmp(sm_lock(fd, SM_LOCK_FCNTL, SM_LOCK_SH, 0, NULL), ==, 0);
	/* unlocking what is not locked is fine */
	t_assert_cmp(sm_unlock(fd, SM_LOCK_FLOCK), ==, 0);
	t_assert_cmp(sm_unlock(fd, SM_LOCK_FCNTL), ==, 0);
	t_assert_cmp(sm_unlock(fd, SM_LOCK_FCNTL), ==, 0);
	(void)close(fd);
	t_assert_cmp(sm_unlock(-1, SM_LOCK_FCNTL), ==, -1);
}

/* ---- dot-locks -------------------------------------------------------- */

/* Names in the test directory other than ALLOW (may be NULL): leftovers. */
static int
strays(const char *allow)
{
	DIR *d = opendir(t_tmpdir());
	struct dirent *e;
	int n = 0;

	if (d == NULL)
		return -1;
	while ((e = readdir(d)) != NULL)
		if (e->d_name[0] != '.' && strncmp(e->d_name, "mbox", 4) == 0 &&
		    strcmp(e->d_name, "mbox") != 0 &&
		    (allow == NULL || strcmp(e->d_name, allow) != 0))
			n++;
	(void)closedir(d);
	return n;
}

static void
test_dotlock_basic(void)
{
	struct sm_dotlock dl, again;
	char mbox[4096], lock[4200], buf[64], want[64];
	const char *why = NULL;
	ssize_t n;
	int fd;

	(void)snprintf(mbox, sizeof(mbox), "%s", tpath("mbox"));
	(void)snprintf(lock, sizeof(lock), "%s.lock", mbox);
	t_require(sm_dotlock(&dl, mbox, 0, SM_DOTLOCK_STALE, &why) == 0);
	t_assert_streq(dl.dl_path, lock);
	/* the lock names its holder; nothing else is left behind */
	fd = open(lock, O_RDONLY);
	t_require(fd >= 0);
	n = read(fd, buf, sizeof(buf) - 1);
	(void)close(fd);
	buf[n > 0 ? n : 0] = '\0';
	(void)snprintf(want, sizeof(want), "%ld\n", (long)getpid());
	t_assert_streq(buf, want);
	t_assert_cmp(strays("mbox.lock"), ==, 0);
	/* a second try, in this very process, is refused */
	errno = 0;
	t_assert_cmp(sm_dotlock(&again, mbox, 0, SM_DOTLOCK_STALE, &why), ==,
	    -1);
	t_assert_cmp(errno, ==, EWOULDBLOCK);
	t_assert_streq(why, "locked by another process");
	t_assert(again.dl_path == NULL);
	t_assert_cmp(strays("mbox.lock"), ==, 0);
	t_assert_cmp(sm_dotunlock(&dl), ==, 0);
	t_assert(dl.dl_path == NULL);
	t_assert_cmp(access(lock, F_OK), ==, -1);
	t_assert_cmp(strays(NULL), ==, 0);
}

static void
test_dotlock_wait(void)
{
	struct hold_req r = { .how = HOLD_DOT, .hold_ms = -1 };
	struct sm_dotlock dl;
	struct holder h;
	const char *why = NULL;
	long long t0, took;

	r.path = tpath("mbox");
	t_require(holder_start(&h, &r) == 0);
	t_assert_cmp(holder_says(&h), ==, 'L');
	t0 = sm_date_monotonic_ms();
	t_assert_cmp(sm_dotlock(&dl, r.path, 120, SM_DOTLOCK_STALE, &why), ==,
	    -1);
	took = sm_date_monotonic_ms() - t0;
	t_assert_streq(why, "timed out waiting for a lock");
	t_assert_cmp(took, >=, 110);
	t_assert_cmp(took, <=, 600);
	t_assert(holder_release(&h));
	/* now a holder that lets go by itself while we wait */
	r.hold_ms = 150;
	t_require(holder_start(&h, &r) == 0);
	t_assert_cmp(holder_says(&h), ==, 'L');
	t0 = sm_date_monotonic_ms();
	t_assert_cmp(sm_dotlock(&dl, r.path, 800, SM_DOTLOCK_STALE, &why), ==,
	    0);
	took = sm_date_monotonic_ms() - t0;
	t_assert_cmp(took, >=, 100);
	t_assert_cmp(took, <=, 700);
	t_assert_cmp(holder_says(&h), ==, 'U');
	(void)waitpid(h.pid, NULL, 0);
	(void)close(h.to);
	(void)close(h.from);
	t_assert_cmp(sm_dotunlock(&dl), ==, 0);
	t_assert_cmp(strays(NULL), ==, 0);
}

/* Make PATH.lock by hand, AGE seconds old; its inode in *inop. */
static int
old_lock(const char *lock, int age, ino_t *inop)
{
	struct timespec ts[2];
	struct stat st;
	int fd = open(lock, O_WRONLY | O_CREAT | O_EXCL, 0644);

	if (fd < 0)
		return -1;
	(void)clock_gettime(CLOCK_REALTIME, &ts[0]);
	ts[0].tv_sec -= age;
	ts[1] = ts[0];
	if (futimens(fd, ts) < 0 || fstat(fd, &st) < 0) {
		(void)close(fd);
		return -1;
	}
	(void)close(fd);
	*inop = st.st_ino;
	return 0;
}

/* Run sm_dotlock with stderr (the log) caught in LOGBUF. */
static int
dotlock_logged(struct sm_dotlock *dl, const char *path, int stale,
    const char **why, char *logbuf, size_t size)
{
	int save = dup(2), fd = open(tpath("log"), O_RDWR | O_CREAT | O_TRUNC,
	    0600), rc;
	ssize_t n;

	(void)fflush(stderr);
	(void)dup2(fd, 2);
	rc = sm_dotlock(dl, path, 0, stale, why);
	(void)fflush(stderr);
	(void)dup2(save, 2);
	(void)close(save);
	n = pread(fd, logbuf, size - 1, 0);
	logbuf[n > 0 ? n : 0] = '\0';
	(void)close(fd);
	(void)unlink(tpath("log"));
	return rc;
}

static const struct {
	const char	*name;
	int		age;		/* of the existing lock, seconds */
	int		stale;		/* sm_dotlock's limit */
	int		broken;
} stales[] = {
	{ "10 minutes old, limit 5: broken", 600, SM_DOTLOCK_STALE, 1 },
	{ "a day old, limit 5: broken", 86400, SM_DOTLOCK_STALE, 1 },
	{ "100 s old, limit 5 minutes: kept", 100, SM_DOTLOCK_STALE, 0 },
	{ "fresh, limit 5 minutes: kept", 0, SM_DOTLOCK_STALE, 0 },
	{ "an hour old, never break: kept", 3600, 0, 0 },
	{ "an hour old, negative limit: kept", 3600, -1, 0 },
	{ "11 s old, limit 10: broken", 11, 10, 1 },
};

static void
test_dotlock_stale(void)
{
	struct sm_dotlock dl;
	char mbox[4096], lock[4200], log[512];
	const char *why;
	ino_t old;
	size_t i;
	int rc;

	(void)sm_log_open(SM_LOG_STDERR, "t_lock", NULL);
	for (i = 0; i < sizeof(stales) / sizeof(stales[0]); i++) {
		t_begin("lock: dot-lock %s", stales[i].name);
		(void)snprintf(mbox, sizeof(mbox), "%s", tpath("mbox"));
		(void)snprintf(lock, sizeof(lock), "%s.lock", mbox);
		t_require(old_lock(lock, stales[i].age, &old) == 0);
		why = NULL;
		rc = dotlock_logged(&dl, mbox, stales[i].stale, &why, log,
		    sizeof(log));
		if (stales[i].broken) {
			t_assert_cmp(rc, ==, 0);
			t_assert(strstr(log, "removed stale lock") != NULL);
			t_assert(strstr(log, lock) != NULL);
			if (rc == 0) {
				t_assert(dl.dl_ino != old);
				t_assert_cmp(sm_dotunlock(&dl), ==, 0);
			} else
				(void)unlink(lock);
		} else {
			t_assert_cmp(rc, ==, -1);
			t_assert_streq(why, "locked by another process");
			t_assert_streq(log, "");
			t_assert_cmp(unlink(lock), ==, 0);	/* still there */
		}
		t_assert_cmp(strays(NULL), ==, 0);
		(void)t_end();
	}
}

/* Unlocking checks the lock is still ours. */
static void
test_dotunlock_checks(void)
{
	struct sm_dotlock dl;
	char mbox[4096], lock[4200], copy[4300], pid[32];
	struct stat st;
	ino_t other;
	ssize_t n;
	int fd;

	(void)snprintf(mbox, sizeof(mbox), "%s", tpath("mbox"));
	(void)snprintf(lock, sizeof(lock), "%s.lock", mbox);
	/* someone removed it */
	t_require(sm_dotlock(&dl, mbox, 0, SM_DOTLOCK_STALE, NULL) == 0);
	t_assert_cmp(unlink(lock), ==, 0);
	errno = 0;
	t_assert_cmp(sm_dotunlock(&dl), ==, -1);
	t_assert_cmp(errno, ==, ENOENT);
	t_assert(dl.dl_path == NULL);
	/* someone broke it and holds a new one: left alone */
	t_require(sm_dotlock(&dl, mbox, 0, SM_DOTLOCK_STALE, NULL) == 0);
	t_assert_cmp(unlink(lock), ==, 0);
	t_require(old_lock(lock, 0, &other) == 0);
	errno = 0;
	t_assert_cmp(sm_dotunlock(&dl), ==, -1);
	t_assert_cmp(errno, ==, ESTALE);
	t_assert_cmp(stat(lock, &st), ==, 0);
	t_assert(st.st_ino == other);
	t_assert_cmp(unlink(lock), ==, 0);
	/* replaced by another file that says our pid: a new inode */
	t_require(sm_dotlock(&dl, mbox, 0, SM_DOTLOCK_STALE, NULL) == 0);
	(void)snprintf(copy, sizeof(copy), "%s.copy", lock);
	t_assert_cmp(link(lock, copy), ==, 0);
	fd = open(lock, O_RDONLY);
	t_require(fd >= 0);
	n = read(fd, pid, sizeof(pid));
	(void)close(fd);
	t_assert_cmp(unlink(copy), ==, 0);
	fd = open(copy, O_WRONLY | O_CREAT | O_EXCL, 0644);
	t_require(fd >= 0 && n > 0);
	t_assert_cmp(write(fd, pid, (size_t)n), ==, n);
	(void)close(fd);
	t_assert_cmp(rename(copy, lock), ==, 0);
	errno = 0;
	t_assert_cmp(sm_dotunlock(&dl), ==, -1);
	t_assert_cmp(errno, ==, ESTALE);
	t_assert_cmp(unlink(lock), ==, 0);
}

/* sm_dotlock_touch keeps a lock young; two dot-locks at once. */
static void
test_dotlock_touch_several(void)
{
	struct sm_dotlock a, b;
	char ma[4096], mb[4096];
	struct timespec ts[2] = { { 1000000000, 0 }, { 1000000000, 0 } };
	struct stat st;

	(void)snprintf(ma, sizeof(ma), "%s", tpath("mbox-a"));
	(void)snprintf(mb, sizeof(mb), "%s", tpath("mbox-b"));
	t_require(sm_dotlock(&a, ma, 0, SM_DOTLOCK_STALE, NULL) == 0);
	t_require(sm_dotlock(&b, mb, 0, SM_DOTLOCK_STALE, NULL) == 0);
	t_assert_cmp(utimensat(AT_FDCWD, a.dl_path, ts, 0), ==, 0);
	t_assert_cmp(sm_dotlock_touch(&a), ==, 0);
	t_assert_cmp(stat(a.dl_path, &st), ==, 0);
	t_assert_cmp(st.st_mtime, >, time(NULL) - 60);
	t_assert_cmp(sm_dotunlock(&a), ==, 0);
	t_assert_cmp(access(b.dl_path, F_OK), ==, 0);	/* B still held */
	t_assert_cmp(sm_dotunlock(&b), ==, 0);
	t_assert_cmp(strays(NULL), ==, 0);
}

/* A leftover of our own scratch name (a crashed process with our pid) does
 * not stop us; a missing directory is reported. */
static void
test_dotlock_odd(void)
{
	struct sm_dotlock dl;
	char host[65], scratch[4096];
	const char *why = NULL;
	int fd;
	char *p;

	if (gethostname(host, sizeof(host)) < 0)
		host[0] = '\0';
	host[sizeof(host) - 1] = '\0';
	for (p = host; *p != '\0'; p++)
		if (*p == '/' || *p == '.')
			*p = '_';
	(void)snprintf(scratch, sizeof(scratch), "%s/mbox.lock.%s.%ld",
	    t_tmpdir(), host, (long)getpid());
	fd = open(scratch, O_WRONLY | O_CREAT, 0600);
	t_require(fd >= 0);
	(void)close(fd);
	t_assert_cmp(sm_dotlock(&dl, tpath("mbox"), 0, SM_DOTLOCK_STALE, &why),
	    ==, 0);
	t_assert_cmp(access(scratch, F_OK), ==, -1);
	t_assert_cmp(sm_dotunlock(&dl), ==, 0);
	t_assert_cmp(strays(NULL), ==, 0);
	errno = 0;
	t_assert_cmp(sm_dotlock(&dl, tpath("no/such/dir/mbox"), 100,
	    SM_DOTLOCK_STALE, &why), ==, -1);
	t_assert_cmp(errno, ==, ENOENT);
	t_assert_streq(why, "cannot create file beside the lock");
	t_assert(dl.dl_path == NULL);
}

/* Bytes of a lock file: two descriptions exclude each other byte by byte. */
static void
test_lock_byte(void)
{
	const char *p = tpath("line");
	int a = make_file(p), b = open(p, O_RDWR);

	t_require(a >= 0 && b >= 0);
	t_assert_cmp(sm_lock_byte(a, 7, 0), ==, 0);
	errno = 0;
	t_assert_cmp(sm_lock_byte(b, 7, 0), ==, -1);
	t_assert_cmp(errno, ==, EWOULDBLOCK);
	t_assert_cmp(sm_lock_byte(b, 8, 0), ==, 0);	/* its neighbour */
	t_assert_cmp(sm_lock_byte(a, 7, 0), ==, 0);	/* held: again */
	t_assert_cmp(sm_lock(b, SM_LOCK_FCNTL, SM_LOCK_EX, 0, NULL), ==, -1);
	t_assert_cmp(sm_unlock_byte(a, 7), ==, 0);
	t_assert_cmp(sm_lock_byte(b, 7, 0), ==, 0);
	t_assert_cmp(sm_unlock_byte(b, 7), ==, 0);
	t_assert_cmp(sm_unlock_byte(b, 8), ==, 0);
	t_assert_cmp(sm_lock(a, SM_LOCK_FCNTL, SM_LOCK_EX, 0, NULL), ==, 0);
	(void)close(a);
	(void)close(b);
}

/* A waiter sleeps until the holder in another process lets go. */
static void
test_lock_byte_wait(void)
{
	const char *p = tpath("line2");
	int fd = make_file(p), up[2], st = 0;
	struct pollfd pf;
	char c = '?';
	pid_t pid;

	t_require(fd >= 0 && pipe(up) == 0);
	(void)fflush(stdout);
	pid = fork();
	t_require(pid >= 0);
	if (pid == 0) {
		int cfd = open(p, O_RDWR);

		(void)close(up[0]);
		c = cfd >= 0 && sm_lock_byte(cfd, 3, 0) == 0 ? 'L' : 'F';
		(void)write(up[1], &c, 1);
		(void)poll(NULL, 0, 200);
		c = 'U';			/* said before the release */
		(void)write(up[1], &c, 1);
		_exit(0);			/* the exit releases */
	}
	(void)close(up[1]);
	t_assert(read(up[0], &c, 1) == 1 && c == 'L');
	t_assert_cmp(sm_lock_byte(fd, 3, 0), ==, -1);
	t_assert_cmp(sm_lock_byte(fd, 3, 1), ==, 0);	/* waits */
	pf.fd = up[0];
	pf.events = POLLIN;
	t_assert_cmp(poll(&pf, 1, 0), ==, 1);		/* 'U' came first */
	t_assert(read(up[0], &c, 1) == 1 && c == 'U');
	t_assert_cmp(waitpid(pid, &st, 0), ==, pid);
	(void)close(up[0]);
	(void)close(fd);
}

int
main(void)
{
	test_conflicts();
	test_waits();
	test_same_process();
	(void)t_run("lock: fcntl locks exclude classic fcntl locks",
	    test_classic_interop);
	(void)t_run("lock: errors", test_lock_errors);
	(void)t_run("lock: dot-lock taken, refused, released",
	    test_dotlock_basic);
	(void)t_run("lock: dot-lock waits", test_dotlock_wait);
	test_dotlock_stale();
	(void)t_run("lock: dot-unlock leaves others' locks",
	    test_dotunlock_checks);
	(void)t_run("lock: dot-lock touch, two at once",
	    test_dotlock_touch_several);
	(void)t_run("lock: dot-lock leftovers and errors", test_dotlock_odd);
	(void)t_run("lock: bytes of a lock file", test_lock_byte);
	(void)t_run("lock: a byte's waiter wakes at the release",
	    test_lock_byte_wait);
	return t_done();
}
