/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * queue.c -- queue ids, the queue directory and the life of one message
 * on disk: created (queue_new), accepted (queue_commit), locked by a
 * runner (queue_lock, queue_read), updated after a delivery attempt
 * (queue_rewrite), done (queue_remove) or set aside (queue_lose); and
 * queue_clean for what crashes leave behind.
 *
 *	queue_id_format queue_idgen_next queue_id_new queue_id_parse
 *	queue_id_ok queue_name queue_dir_open queue_dir_close
 *	queue_new queue_commit queue_abort queue_lock queue_read
 *	queue_rewrite queue_remove queue_lose queue_unlock
 *	queue_df_open queue_xf_open queue_clean
 *
 * doc/QUEUE.md explains the states and why the steps come in this order;
 * each function below names the state it moves to.  Locks are flock(2) on
 * the control file, as sendmail 8.17 takes them, so a Tern runner and a
 * sendmail runner never deliver the same message at once.  Runs as the
 * owner of the queue, in the SMTP server, runners and delivery.
 */
#include "sendmail/queue.h"

#include "libsm/err.h"
#include "libsm/lock.h"
#include "libsm/log.h"

#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

/* 60 characters for 0-59, then two for leap seconds (tm_sec 60, 61). */
static const char idchars[] =
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
#define IDBASE		60
#define IDSEQ		(IDBASE * IDBASE)	/* envelope numbers per base */

/* ---- queue ids --------------------------------------------------------------- */

int
queue_id_format(char *buf, size_t size, time_t t, unsigned nn, long pid)
{
	struct tm tm;
	int n;

	if (nn >= IDSEQ || pid < 0) {
		errno = EINVAL;
		return -1;
	}
	if (gmtime_r(&t, &tm) == NULL || tm.tm_sec < 0 || tm.tm_sec > 61) {
		errno = EOVERFLOW;
		return -1;
	}
	n = snprintf(buf, size, "%c%c%c%c%c%c%c%c%06ld",
	    idchars[((tm.tm_year % IDBASE) + IDBASE) % IDBASE],
	    idchars[tm.tm_mon], idchars[tm.tm_mday], idchars[tm.tm_hour],
	    idchars[tm.tm_min], idchars[tm.tm_sec],
	    idchars[nn / IDBASE], idchars[nn % IDBASE], pid);
	if (n < 0 || (size_t)n >= size) {
		errno = ERANGE;
		return -1;
	}
	return 0;
}

int
queue_idgen_next(struct queue_idgen *g, time_t now, long pid, unsigned rnd,
    char *buf, size_t size)
{
	if (!g->ig_init) {
		g->ig_offset = rnd % IDSEQ;
		g->ig_init = true;
		g->ig_base = now;
		g->ig_pid = pid;
		g->ig_seq = 0;
	} else if (g->ig_seq >= IDSEQ || g->ig_pid != pid) {
		/* a base second is never used twice by one process */
		if (now == g->ig_base && g->ig_pid == pid) {
			errno = EAGAIN;
			return -1;
		}
		g->ig_base = now;
		g->ig_pid = pid;
		g->ig_seq = 0;
	}
	if (queue_id_format(buf, size, g->ig_base,
	    (g->ig_offset + g->ig_seq) % IDSEQ, pid) < 0)
		return -1;
	g->ig_seq++;
	return 0;
}

void
queue_id_new(char *buf, size_t size)
{
	static struct queue_idgen gen;
	unsigned rnd = 0;
	struct timespec ts;

	if (!gen.ig_init &&
	    getrandom(&rnd, sizeof(rnd), GRND_NONBLOCK) != sizeof(rnd))
		rnd = (unsigned)getpid() ^ (unsigned)time(NULL);
	for (;;) {
		(void)clock_gettime(CLOCK_REALTIME, &ts);
		if (queue_idgen_next(&gen, ts.tv_sec, (long)getpid(), rnd,
		    buf, size) == 0)
			return;
		if (errno != EAGAIN)
			sm_fatal(EX_SOFTWARE, "queue_id_new: %m");
		/* sleep to the next second */
		ts.tv_nsec = 1000000000L - ts.tv_nsec;
		ts.tv_sec = 0;
		(void)nanosleep(&ts, NULL);
	}
}

/* The value of an id character, or -1. */
static int
idval(char c)
{
	const char *p = c == '\0' ? NULL : strchr(idchars, c);

	return p == NULL ? -1 : (int)(p - idchars);
}

int
queue_id_parse(const char *id, struct queue_idparts *p)
{
	int v[8], i;
	size_t n = strlen(id);
	long pid = 0;

	if (n < 14 || n > QUEUE_ID_SIZE - 1)
		goto bad;
	for (i = 0; i < 8; i++)
		if ((v[i] = idval(id[i])) < 0)
			goto bad;
	for (i = 8; id[i] != '\0'; i++) {
		if (id[i] < '0' || id[i] > '9')
			goto bad;
		pid = pid * 10 + (id[i] - '0');
	}
	if (v[0] >= IDBASE || v[1] > 11 || v[2] < 1 || v[2] > 31 ||
	    v[3] > 23 || v[4] >= IDBASE || v[6] >= IDBASE || v[7] >= IDBASE)
		goto bad;
	p->qi_year60 = v[0];
	p->qi_mon = v[1];
	p->qi_mday = v[2];
	p->qi_hour = v[3];
	p->qi_min = v[4];
	p->qi_sec = v[5];
	p->qi_nn = (unsigned)(v[6] * IDBASE + v[7]);
	p->qi_pid = pid;
	return 0;
bad:
	errno = EINVAL;
	return -1;
}

bool
queue_id_ok(const char *id)
{
	size_t n = strlen(id);

	if (n == 0 || n > QUEUE_ID_SIZE - 3)
		return false;
	for (; *id != '\0'; id++)
		if (!((*id >= '0' && *id <= '9') || (*id >= 'A' && *id <= 'Z') ||
		    (*id >= 'a' && *id <= 'z')))
			return false;
	return true;
}

int
queue_name(char *buf, size_t size, int letter, const char *id)
{
	int n;

	if (!queue_id_ok(id)) {
		errno = EINVAL;
		return -1;
	}
	n = snprintf(buf, size, "%cf%s", letter, id);
	if (n < 0 || (size_t)n >= size) {
		errno = ERANGE;
		return -1;
	}
	return 0;
}

/* ---- the directory ------------------------------------------------------------ */

/* "text: strerror" into WHY (may be NULL); keeps errno. */
static int
fail(SM_STR *why, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int
fail(SM_STR *why, const char *fmt, ...)
{
	int e = errno;
	va_list ap;

	if (why != NULL) {
		sm_str_reset(why);
		va_start(ap, fmt);
		(void)sm_str_vaddf(why, fmt, ap);
		va_end(ap);
		(void)sm_str_addf(why, ": %s", strerror(e));
	}
	errno = e;
	return -1;
}

/* The subdirectory NAME of FD if there is one, else FD itself. */
static int
subdir(int fd, const char *name)
{
	int sub = openat(fd, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	return sub < 0 ? fd : sub;
}

int
queue_dir_open(struct queue_dir *qd, const char *path, mode_t mode,
    SM_STR *why)
{
	memset(qd, 0, sizeof(*qd));
	qd->qd_fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (qd->qd_fd < 0)
		return fail(why, "cannot open queue directory %s", path);
	qd->qd_path = sm_strdup_x(path);
	qd->qd_qffd = subdir(qd->qd_fd, "qf");
	qd->qd_dffd = subdir(qd->qd_fd, "df");
	qd->qd_xffd = subdir(qd->qd_fd, "xf");
	qd->qd_mode = mode & 07777;
	return 0;
}

void
queue_dir_close(struct queue_dir *qd)
{
	if (qd->qd_path == NULL)
		return;
	if (qd->qd_qffd != qd->qd_fd)
		(void)close(qd->qd_qffd);
	if (qd->qd_dffd != qd->qd_fd)
		(void)close(qd->qd_dffd);
	if (qd->qd_xffd != qd->qd_fd)
		(void)close(qd->qd_xffd);
	(void)close(qd->qd_fd);
	free(qd->qd_path);
	memset(qd, 0, sizeof(*qd));
	qd->qd_fd = qd->qd_qffd = qd->qd_dffd = qd->qd_xffd = -1;
}

/* The directory of files of type LETTER. */
static int
dirfd_of(const struct queue_dir *qd, int letter)
{
	if (letter == QUEUE_DF)
		return qd->qd_dffd;
	if (letter == QUEUE_XF)
		return qd->qd_xffd;
	return qd->qd_qffd;
}

/* fsync the directories that hold control and data files. */
static int
sync_dirs(const struct queue_dir *qd)
{
	if (fsync(qd->qd_qffd) < 0)
		return -1;
	if (qd->qd_dffd != qd->qd_qffd && fsync(qd->qd_dffd) < 0)
		return -1;
	return 0;
}

/* Name of M's file of type LETTER (ids were checked when M was made). */
static const char *
mname(const struct queue_msg *m, int letter, char *buf, size_t size)
{
	if (queue_name(buf, size, letter, m->qm_id) < 0)
		sm_panic("queue: bad id \"%s\"", m->qm_id);
	return buf;
}

/* Create M's file LETTER exclusively with the queue's mode. */
static int
create(const struct queue_msg *m, int letter, int flags)
{
	char n[QUEUE_ID_SIZE + 2];
	int fd;

	fd = openat(dirfd_of(m->qm_dir, letter), mname(m, letter, n, sizeof(n)),
	    flags | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW,
	    m->qm_dir->qd_mode);
	if (fd >= 0 && fchmod(fd, m->qm_dir->qd_mode) < 0) {
		int e = errno;

		(void)close(fd);
		(void)unlinkat(dirfd_of(m->qm_dir, letter), n, 0);
		errno = e;
		return -1;
	}
	return fd;
}

static int
remove_file(const struct queue_msg *m, int letter)
{
	char n[QUEUE_ID_SIZE + 2];

	return unlinkat(dirfd_of(m->qm_dir, letter),
	    mname(m, letter, n, sizeof(n)), 0);
}

/* Does M's file LETTER exist? */
static bool
exists(const struct queue_msg *m, int letter)
{
	char n[QUEUE_ID_SIZE + 2];
	struct stat st;

	return fstatat(dirfd_of(m->qm_dir, letter),
	    mname(m, letter, n, sizeof(n)), &st, AT_SYMLINK_NOFOLLOW) == 0;
}

/* Write all LEN bytes of P at the start of FD. */
static int
write_all(int fd, const char *p, size_t len)
{
	off_t off = 0;

	while (len > 0) {
		ssize_t n = pwrite(fd, p, len, off);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			if (n == 0)
				errno = EIO;
			return -1;
		}
		p += n;
		off += n;
		len -= (size_t)n;
	}
	return ftruncate(fd, off);
}

/* Rename FROM to TO in DIR without replacing an existing TO. */
static int
rename_new(int dir, const char *from, const char *to)
{
	if (renameat2(dir, from, dir, to, RENAME_NOREPLACE) == 0)
		return 0;
	if (errno != EINVAL && errno != ENOSYS)
		return -1;
	/* file systems without RENAME_NOREPLACE: link fails on EEXIST */
	if (linkat(dir, from, dir, to, 0) < 0)
		return -1;
	(void)unlinkat(dir, from, 0);
	return 0;
}

/* ---- a new message ------------------------------------------------------------ */

static void
msg_init(struct queue_msg *m, struct queue_dir *qd)
{
	memset(m, 0, sizeof(*m));
	m->qm_dir = qd;
	m->qm_fd = -1;
	m->qm_dfd = -1;
	m->qm_letter = QUEUE_QF;
}

/* Is the id in M free: no control file of any kind under it? */
static bool
id_free(const struct queue_msg *m)
{
	return !exists(m, QUEUE_QF) && !exists(m, QUEUE_HF) &&
	    !exists(m, QUEUE_LOST) && !exists(m, QUEUE_TF);
}

int
queue_new(struct queue_dir *qd, struct queue_msg *m, SM_STR *why)
{
	int tries;

	msg_init(m, qd);
	for (tries = 0; tries < 32; tries++) {
		queue_id_new(m->qm_id, sizeof(m->qm_id));
		if (!id_free(m))
			continue;
		m->qm_dfd = create(m, QUEUE_DF, O_RDWR);
		if (m->qm_dfd < 0 && errno == EEXIST)
			continue;
		if (m->qm_dfd < 0)
			return fail(why, "cannot create df%s in %s", m->qm_id,
			    qd->qd_path);
		/* tells queue_clean that a live process writes it */
		if (sm_lock(m->qm_dfd, SM_LOCK_FLOCK, SM_LOCK_EX, 0, NULL) < 0) {
			(void)fail(why, "cannot lock df%s", m->qm_id);
			queue_abort(m);
			return -1;
		}
		return 0;
	}
	errno = EEXIST;
	return fail(why, "no free queue id in %s after %d tries", qd->qd_path,
	    tries);
}

/*
 * Create and lock tfID for M, writing DATA into it, fsync'd.  A tf left
 * by a dead process (nobody holds its lock) is removed first; one that is
 * held means another writer: EWOULDBLOCK.
 * Returns the descriptor or -1.
 */
static int
write_tf(struct queue_msg *m, const SM_STR *data)
{
	int fd, tries;

	for (tries = 0; tries < 2; tries++) {
		fd = create(m, QUEUE_TF, O_RDWR);
		if (fd >= 0 || errno != EEXIST)
			break;
		fd = -1;
		if (tries == 0) {
			char n[QUEUE_ID_SIZE + 2];
			int old = openat(dirfd_of(m->qm_dir, QUEUE_TF),
			    mname(m, QUEUE_TF, n, sizeof(n)),
			    O_RDONLY | O_CLOEXEC | O_NOFOLLOW);

			if (old >= 0 && sm_lock(old, SM_LOCK_FLOCK, SM_LOCK_EX,
			    0, NULL) == 0) {
				sm_log(LOG_NOTICE, m->qm_id,
				    "removing stale %s", n);
				(void)remove_file(m, QUEUE_TF);
			}
			if (old >= 0)
				(void)close(old);
		}
	}
	if (fd < 0)
		return -1;
	if (sm_lock(fd, SM_LOCK_FLOCK, SM_LOCK_EX, 0, NULL) < 0 ||
	    write_all(fd, sm_str_data(data), sm_str_len(data)) < 0 ||
	    fsync(fd) < 0) {
		int e = errno;

		(void)remove_file(m, QUEUE_TF);
		(void)close(fd);
		errno = e;
		return -1;
	}
	return fd;
}

/*
 * The data file's fsync runs in a thread of its own while the control
 * file is written and fsync'd: both must be on disk before the rename,
 * and two fsyncs at once share the file system's journal commit instead
 * of paying for one each, one after the other.  The thread is gone
 * again before queue_commit returns (the caller may fork).
 */
struct df_sync {
	int	fd;
	int	err;		/* errno of a failed fsync, 0 */
};

static void *
df_sync_run(void *arg)
{
	struct df_sync *d = arg;

	d->err = fsync(d->fd) < 0 ? errno : 0;
	return NULL;
}

int
queue_commit(struct queue_msg *m, const struct queue_file *qf, SM_STR *why)
{
	int letter = qf->qf_quarmsg != NULL ? QUEUE_HF : QUEUE_QF;
	char tf[QUEUE_ID_SIZE + 2], cf[QUEUE_ID_SIZE + 2];
	SM_STR *data = sm_str_new(0);
	int fd, dir = dirfd_of(m->qm_dir, QUEUE_QF);

	struct df_sync ds = { m->qm_dfd, 0 };
	pthread_t th;
	bool threaded;

	SM_ASSERT(m->qm_dfd >= 0 && m->qm_fd < 0);
	threaded = pthread_create(&th, NULL, df_sync_run, &ds) == 0;
	if (!threaded)
		(void)df_sync_run(&ds);
	(void)queue_format(qf, data);
	fd = write_tf(m, data);
	sm_str_free(data);
	if (threaded)
		(void)pthread_join(th, NULL);
	if (ds.err != 0) {
		if (fd >= 0) {
			(void)remove_file(m, QUEUE_TF);
			(void)close(fd);
		}
		errno = ds.err;
		return fail(why, "cannot fsync df%s", m->qm_id);
	}
	if (fd < 0)
		return fail(why, "cannot write tf%s", m->qm_id);
	/* the commit point: from here on the message exists */
	if (rename_new(dir, mname(m, QUEUE_TF, tf, sizeof(tf)),
	    mname(m, letter, cf, sizeof(cf))) < 0) {
		(void)fail(why, "cannot rename %s to %s", tf, cf);
		(void)remove_file(m, QUEUE_TF);
		(void)close(fd);
		return -1;
	}
	if (sync_dirs(m->qm_dir) < 0) {
		/* not durable: take it back, the client will retry */
		(void)fail(why, "cannot fsync queue directory %s",
		    m->qm_dir->qd_path);
		(void)remove_file(m, letter);
		(void)close(fd);
		return -1;
	}
	(void)close(m->qm_dfd);
	m->qm_dfd = -1;
	m->qm_fd = fd;
	m->qm_letter = letter;
	return 0;
}

void
queue_abort(struct queue_msg *m)
{
	if (m->qm_dir == NULL)
		return;
	if (m->qm_fd < 0 && m->qm_dfd >= 0) {
		/* never committed: nothing of it may stay */
		(void)remove_file(m, QUEUE_DF);
		(void)close(m->qm_dfd);
		m->qm_dfd = -1;
	}
	queue_unlock(m);
}

/* ---- an existing message ------------------------------------------------------ */

int
queue_lock(struct queue_dir *qd, int letter, const char *id,
    struct queue_msg *m, SM_STR *why)
{
	char n[QUEUE_ID_SIZE + 2];
	struct stat st, stf;
	mode_t unsafe = S_IWOTH | (qd->qd_mode & S_IWGRP ? 0 : S_IWGRP);
	int fd;

	msg_init(m, qd);
	if (queue_name(n, sizeof(n), letter, id) < 0)
		return fail(why, "bad queue id \"%.40s\"", id);
	fd = openat(qd->qd_qffd, n, O_RDWR | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0)
		return fail(why, "cannot open %s", n);
	if (sm_lock(fd, SM_LOCK_FLOCK, SM_LOCK_EX, 0, NULL) < 0) {
		(void)close(fd);
		return fail(why, "%s is locked", n);
	}
	/* renamed over (rewritten) or removed while we waited? */
	if (fstat(fd, &st) < 0 ||
	    fstatat(qd->qd_qffd, n, &stf, AT_SYMLINK_NOFOLLOW) < 0 ||
	    st.st_nlink == 0) {
		(void)close(fd);
		errno = ENOENT;
		return fail(why, "%s was removed", n);
	}
	if (st.st_ino != stf.st_ino || st.st_dev != stf.st_dev) {
		(void)close(fd);
		errno = EWOULDBLOCK;
		return fail(why, "%s changed", n);
	}
	(void)snprintf(m->qm_id, sizeof(m->qm_id), "%s", id);
	m->qm_fd = fd;
	m->qm_letter = letter;
	if (st.st_uid != geteuid() || (st.st_mode & unsafe) != 0) {
		/* M holds it all the same, for queue_lose */
		errno = EPERM;
		return fail(why, "bogus queue file %s, uid=%ld, mode=%o", n,
		    (long)st.st_uid, (unsigned)st.st_mode);
	}
	return 0;
}

int
queue_read(struct queue_msg *m, struct queue_file **qfp, SM_STR *why)
{
	char n[QUEUE_ID_SIZE + 2];
	SM_STR *buf = sm_str_new(0);
	off_t off = 0;
	ssize_t r = 0;
	int rc;

	*qfp = NULL;
	(void)mname(m, m->qm_letter, n, sizeof(n));
	for (;;) {
		if (sm_str_len(buf) > QUEUE_QF_MAX)
			break;
		(void)sm_str_reserve(buf, 65536);
		r = pread(m->qm_fd, sm_str_data(buf) + sm_str_len(buf), 65536,
		    off);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		sm_str_setlen(buf, sm_str_len(buf) + (size_t)r);
		off += r;
	}
	if (r < 0) {
		sm_str_free(buf);
		return fail(why, "cannot read %s", n);
	}
	rc = queue_parse(sm_str_data(buf), sm_str_len(buf), n, qfp, why);
	sm_str_free(buf);
	return rc;
}

int
queue_rewrite(struct queue_msg *m, const struct queue_file *qf, SM_STR *why)
{
	int cur = m->qm_letter, want = cur;
	char tf[QUEUE_ID_SIZE + 2], cf[QUEUE_ID_SIZE + 2], nf[QUEUE_ID_SIZE + 2];
	int fd, dir = dirfd_of(m->qm_dir, QUEUE_QF);
	SM_STR *data = sm_str_new(0);

	SM_ASSERT(m->qm_fd >= 0);
	if (qf->qf_quarmsg != NULL && cur == QUEUE_QF)
		want = QUEUE_HF;
	else if (qf->qf_quarmsg == NULL && cur == QUEUE_HF)
		want = QUEUE_QF;
	(void)queue_format(qf, data);
	fd = write_tf(m, data);
	sm_str_free(data);
	if (fd < 0)
		return fail(why, "cannot write tf%s", m->qm_id);
	/* the new contents replace the old under the same name at once */
	if (renameat(dir, mname(m, QUEUE_TF, tf, sizeof(tf)), dir,
	    mname(m, cur, cf, sizeof(cf))) < 0) {
		(void)fail(why, "cannot rename %s to %s", tf, cf);
		(void)remove_file(m, QUEUE_TF);
		(void)close(fd);
		return -1;
	}
	(void)close(m->qm_fd);
	m->qm_fd = fd;
	/* then a quarantine change moves the file: never two names */
	if (want != cur && (fsync(dir) < 0 ||
	    rename_new(dir, cf, mname(m, want, nf, sizeof(nf))) < 0))
		return fail(why, "cannot rename %s to %s", cf, nf);
	m->qm_letter = want;
	if (sync_dirs(m->qm_dir) < 0)
		return fail(why, "cannot fsync queue directory %s",
		    m->qm_dir->qd_path);
	return 0;
}

int
queue_remove(struct queue_msg *m, const char *dfpath, SM_STR *why)
{
	int rc = 0;

	SM_ASSERT(m->qm_fd >= 0);
	/* the control file first: a crash then leaves an orphan df that
	 * queue_clean removes, never a qf whose body is gone */
	if (remove_file(m, m->qm_letter) < 0 && errno != ENOENT)
		rc = fail(why, "cannot remove %cf%s", m->qm_letter, m->qm_id);
	if (rc == 0) {
		if (dfpath != NULL)
			(void)unlink(dfpath);
		else
			(void)remove_file(m, QUEUE_DF);
		(void)remove_file(m, QUEUE_XF);
	}
	queue_unlock(m);
	return rc;
}

int
queue_lose(struct queue_msg *m, const char *reason)
{
	char cf[QUEUE_ID_SIZE + 2], lf[QUEUE_ID_SIZE + 2];
	int dir = dirfd_of(m->qm_dir, QUEUE_QF), rc = 0;

	SM_ASSERT(m->qm_fd >= 0);
	(void)mname(m, m->qm_letter, cf, sizeof(cf));
	(void)mname(m, QUEUE_LOST, lf, sizeof(lf));
	if (m->qm_letter != QUEUE_LOST &&
	    (renameat(dir, cf, dir, lf) < 0 || fsync(dir) < 0))
		rc = -1;
	sm_log(LOG_ALERT, m->qm_id, "Losing %s: %s", cf, reason);
	queue_unlock(m);
	return rc;
}

void
queue_unlock(struct queue_msg *m)
{
	if (m->qm_fd >= 0)
		(void)close(m->qm_fd);
	if (m->qm_dfd >= 0)
		(void)close(m->qm_dfd);
	m->qm_fd = m->qm_dfd = -1;
}

int
queue_df_open(struct queue_msg *m)
{
	char n[QUEUE_ID_SIZE + 2];

	return openat(dirfd_of(m->qm_dir, QUEUE_DF),
	    mname(m, QUEUE_DF, n, sizeof(n)),
	    O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
}

int
queue_xf_open(struct queue_msg *m)
{
	char n[QUEUE_ID_SIZE + 2];
	int fd;

	fd = openat(dirfd_of(m->qm_dir, QUEUE_XF),
	    mname(m, QUEUE_XF, n, sizeof(n)),
	    O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW,
	    m->qm_dir->qd_mode);
	return fd;
}

/* ---- cleanup after crashes --------------------------------------------------- */

/* One queue file seen by queue_clean. */
struct qent {
	char	letter;
	char	id[QUEUE_ID_SIZE];
};

struct qents {
	struct qent *v;
	size_t	n, cap;
};

/* Add the queue files of directory FD to L (each directory once). */
static int
list_dir(int fd, struct qents *l)
{
	int dfd = dup(fd);
	DIR *d;
	struct dirent *de;

	if (dfd < 0 || (d = fdopendir(dfd)) == NULL) {
		if (dfd >= 0)
			(void)close(dfd);
		return -1;
	}
	rewinddir(d);
	while ((de = readdir(d)) != NULL) {
		if (strchr("qdtxhQ", de->d_name[0]) == NULL ||
		    de->d_name[1] != 'f' || !queue_id_ok(de->d_name + 2))
			continue;
		if (l->n == l->cap) {
			l->cap = l->cap == 0 ? 64 : l->cap * 2;
			l->v = sm_reallocarray_x(l->v, l->cap, sizeof(*l->v));
		}
		l->v[l->n].letter = de->d_name[0];
		(void)snprintf(l->v[l->n].id, sizeof(l->v[l->n].id), "%s",
		    de->d_name + 2);
		l->n++;
	}
	(void)closedir(d);
	return 0;
}

static int
qent_cmp(const void *a, const void *b)
{
	return strcmp(((const struct qent *)a)->id,
	    ((const struct qent *)b)->id);
}

/* Does the message ID have a live control file (q, h, Q, or a tf that
 * survived the first pass)?  L is sorted by id. */
static bool
has_control(const struct qents *l, const char *id)
{
	struct qent key, *e;
	size_t i;

	(void)snprintf(key.id, sizeof(key.id), "%s", id);
	e = bsearch(&key, l->v, l->n, sizeof(*l->v), qent_cmp);
	if (e == NULL)
		return false;
	while (e > l->v && strcmp(e[-1].id, id) == 0)
		e--;
	for (i = (size_t)(e - l->v); i < l->n && strcmp(l->v[i].id, id) == 0;
	    i++)
		if (strchr("qhQt", l->v[i].letter) != NULL)
			return true;
	return false;
}

/*
 * Remove M's file LETTER if nobody holds its lock and, for AGE > 0, it
 * was last changed AGE seconds or more before NOW (and for EMPTY, it is
 * empty).  Returns 1 if removed.
 */
static int
remove_dead(struct queue_msg *m, int letter, time_t now, time_t age,
    bool empty)
{
	char n[QUEUE_ID_SIZE + 2];
	int fd, gone = 0;
	struct stat st;

	fd = openat(dirfd_of(m->qm_dir, letter), mname(m, letter, n, sizeof(n)),
	    O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
	if (fd < 0)
		return 0;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
	    (age <= 0 || st.st_mtime + age <= now) &&
	    (!empty || st.st_size == 0) &&
	    sm_lock(fd, SM_LOCK_FLOCK, SM_LOCK_EX, 0, NULL) == 0 &&
	    remove_file(m, letter) == 0) {
		sm_log(LOG_NOTICE, m->qm_id, "queue cleanup: removed %s%s", n,
		    empty ? " (empty)" : "");
		gone = 1;
	}
	(void)close(fd);
	return gone;
}

int
queue_clean(struct queue_dir *qd, time_t now, time_t orphan_age,
    struct queue_clean_stats *st, SM_STR *why)
{
	struct queue_clean_stats s = { 0, 0, 0, 0 };
	struct qents l = { NULL, 0, 0 };
	struct queue_msg m;
	size_t i, j;

	if (list_dir(qd->qd_qffd, &l) < 0 ||
	    (qd->qd_dffd != qd->qd_qffd && list_dir(qd->qd_dffd, &l) < 0) ||
	    (qd->qd_xffd != qd->qd_qffd && qd->qd_xffd != qd->qd_dffd &&
	    list_dir(qd->qd_xffd, &l) < 0)) {
		free(l.v);
		return fail(why, "cannot read queue directory %s", qd->qd_path);
	}
	msg_init(&m, qd);
	/* first tf files nobody holds, and old empty control files */
	for (i = j = 0; i < l.n; i++) {
		(void)snprintf(m.qm_id, sizeof(m.qm_id), "%s", l.v[i].id);
		if (l.v[i].letter == QUEUE_TF && remove_dead(&m, QUEUE_TF, now,
		    0, false)) {
			s.qc_tf++;
			continue;
		}
		if (l.v[i].letter == QUEUE_QF && remove_dead(&m, QUEUE_QF, now,
		    600, true)) {
			s.qc_empty++;
			continue;
		}
		l.v[j++] = l.v[i];
	}
	l.n = j;
	if (l.n > 1)
		qsort(l.v, l.n, sizeof(*l.v), qent_cmp);
	/* then data files and transcripts of messages that do not exist */
	for (i = 0; i < l.n; i++) {
		int c = l.v[i].letter;

		if ((c != QUEUE_DF && c != QUEUE_XF) ||
		    has_control(&l, l.v[i].id))
			continue;
		(void)snprintf(m.qm_id, sizeof(m.qm_id), "%s", l.v[i].id);
		if (remove_dead(&m, c, now, orphan_age, false))
			(*(c == QUEUE_DF ? &s.qc_df : &s.qc_xf))++;
	}
	free(l.v);
	if (st != NULL)
		*st = s;
	return 0;
}
