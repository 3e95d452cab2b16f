/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * mbox.c -- append one message to a Berkeley mbox file.
 *
 * Public: mbox_append, mbox_fromline, mbox_path.  Runs in the local
 * delivery child, as root or as the mailbox's user.
 *
 * Observed (Debian 12: mail.local of sendmail-bin 8.17.1.9-2+deb12u2 and
 * procmail 3.22-27 -Y, each run as root with a scratch directory mounted
 * on /var/mail):
 *   - mail.local -f S: "From S Sun Nov 22 01:47:03 2026\n" (ctime(3), one
 *     space), the header, a "Content-Length: N\n" it adds (an incoming
 *     one is dropped), "\n", the body, "\n".  N counts the body bytes,
 *     plus the newline it adds to a last line that has none.  Body lines
 *     starting "From " are NOT escaped (it is built with CONTENTLENGTH);
 *     header lines starting "From " are.  Mailbox created 0600, owned by
 *     the user; locks: user.lock (liblockfile) and lockf(3) (fcntl).
 *     It mangles input holding NUL bytes or ending without a newline
 *     (bytes of an earlier line reappear): no model for Tern there.
 *   - procmail -Y -f S: "From S  DATE" (two spaces), no Content-Length,
 *     every line starting "From " -- and only those, ">From " stays --
 *     gets a '>' (mboxo), a blank line after the message (none added when
 *     the message already ends in one); a first line "From ..." of the
 *     input is taken for the envelope line and replaced.
 * Tern writes mail.local's "From " line, procmail's escaping and always
 * "\n" after the message (after adding a missing final newline), or with
 * MBOX_F_CLEN exactly what mail.local writes for a well-formed message.
 *
 * Failure never leaves a partial message behind: the size is taken once
 * both locks are held, and any failed write or fsync truncates the file
 * back to it.  A crash cannot be undone that way, so a mailbox whose end
 * is not "\n\n" (the leftover of a crash, or another program's sloppy
 * write) first gets the newlines that make our "From " line a separator
 * again.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>

#include "libsm/date.h"
#include "libsm/err.h"
#include "libsm/lock.h"
#include "libsm/log.h"
#include "sendmail/mbox.h"

#define WBUF	(64 * 1024)

/* A buffered writer that can put '>' before "From " at a line start. */
struct mw {
	int	fd;
	int	err;		/* errno of the first failure, 0 if none */
	bool	escape;		/* escape "From " lines now */
	bool	bol;		/* at the start of a line */
	size_t	held;		/* bytes of "From " matched and held back */
	char	last;		/* the last byte written through mw_text */
	size_t	len;
	char	buf[WBUF];
};

static const char from_[] = "From ";

static void
mw_flush(struct mw *w)
{
	size_t off = 0;
	ssize_t n;

	while (w->err == 0 && off < w->len) {
		n = write(w->fd, w->buf + off, w->len - off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			w->err = n < 0 ? errno : EIO;
		else
			off += (size_t)n;
	}
	w->len = 0;
}

static void
mw_raw(struct mw *w, const char *p, size_t n)
{
	size_t m;

	while (n > 0 && w->err == 0) {
		if (w->len == sizeof(w->buf))
			mw_flush(w);
		m = sizeof(w->buf) - w->len;
		if (m > n)
			m = n;
		memcpy(w->buf + w->len, p, m);
		w->len += m;
		p += m;
		n -= m;
	}
}

/* Message text: lines starting "From " get '>' while w->escape is set. */
static void
mw_text(struct mw *w, const char *p, size_t n)
{
	const char *nl;
	size_t m;

	if (n > 0)
		w->last = p[n - 1];
	while (n > 0) {
		if (w->bol && w->escape) {
			if (*p == from_[w->held]) {
				p++, n--;
				if (++w->held == 5) {
					mw_raw(w, ">From ", 6);
					w->held = 0;
					w->bol = false;
				}
				continue;
			}
			mw_raw(w, from_, w->held);
			w->held = 0;
			w->bol = false;
		}
		nl = memchr(p, '\n', n);
		m = nl != NULL ? (size_t)(nl - p) + 1 : n;
		mw_raw(w, p, m);
		p += m;
		n -= m;
		w->bol = nl != NULL;
	}
}

/* The end of a block of text: release a held "From" prefix. */
static void
mw_endtext(struct mw *w)
{
	mw_raw(w, from_, w->held);
	w->held = 0;
}

int
mbox_fromline(char *buf, size_t size, const char *sender, time_t t)
{
	char date[SM_DATE_BUFSIZE];
	int n;
	char *p;

	if (sender == NULL || *sender == '\0')
		sender = "MAILER-DAEMON";
	if (sm_date_ctime(t, date, sizeof(date)) < 0)
		return -1;
	n = snprintf(buf, size, "From %s %s\n", sender, date);
	if (n < 0 || (size_t)n >= size) {
		errno = ERANGE;
		return -1;
	}
	for (p = buf + 5; p < buf + n - 1; p++)
		if ((unsigned char)*p < ' ' || *p == 0x7f)
			*p = '_';
	return n;
}

char *
mbox_path(const char *dir, const char *user, const char **whyp)
{
	const char *p;
	char *path;

	for (p = user; p != NULL && *p != '\0'; p++)
		if (*p == '/' || (unsigned char)*p < ' ' || *p == 0x7f)
			break;
	if (user == NULL || *user == '\0' || *p != '\0' ||
	    strcmp(user, ".") == 0 || strcmp(user, "..") == 0) {
		*whyp = "user name not usable as a mailbox name";
		return NULL;
	}
	if (asprintf(&path, "%s/%s", dir, user) < 0)
		sm_fatal(EX_OSERR, "mbox_path: out of memory");
	return path;
}

/* Open an existing mailbox: a plain file with one link, the right owner. */
static int
open_old(const char *path, const struct stat *ls, const struct mbox_opts *o,
    int *fdp, const char **whyp)
{
	struct stat fs;
	int fd;

	if (!S_ISREG(ls->st_mode)) {
		*whyp = "mailbox is not a plain file";
		return EX_CANTCREAT;
	}
	if (ls->st_nlink != 1) {
		*whyp = "mailbox has more than one link";
		return EX_CANTCREAT;
	}
	if (o->mo_uid != (uid_t)-1 && ls->st_uid != o->mo_uid) {
		*whyp = "mailbox has the wrong owner";
		return EX_CANTCREAT;
	}
	/* O_NONBLOCK: a FIFO swapped in meanwhile must not hang us */
	fd = open(path, O_RDWR | O_APPEND | O_NOFOLLOW | O_NONBLOCK |
	    O_CLOEXEC);
	if (fd < 0) {
		*whyp = "cannot open mailbox";
		return errno == ENOENT ? -1 : EX_CANTCREAT;
	}
	if (fstat(fd, &fs) < 0 || fs.st_dev != ls->st_dev ||
	    fs.st_ino != ls->st_ino || fcntl(fd, F_SETFL, O_APPEND) < 0) {
		(void)close(fd);
		*whyp = "mailbox changed while being opened";
		return EX_TEMPFAIL;
	}
	*fdp = fd;
	return EX_OK;
}

/* Create a new mailbox for its owner. */
static int
open_new(const char *path, const struct mbox_opts *o, int *fdp,
    const char **whyp)
{
	int fd;

	fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_EXCL | O_NOFOLLOW |
	    O_CLOEXEC, o->mo_mode);
	if (fd < 0) {
		*whyp = "cannot create mailbox";
		return errno == EEXIST ? -1 : EX_CANTCREAT;
	}
	if (fchmod(fd, o->mo_mode) < 0 ||
	    (geteuid() == 0 && o->mo_uid != (uid_t)-1 &&
	    fchown(fd, o->mo_uid, o->mo_gid) < 0)) {
		*whyp = "cannot give the new mailbox to its owner";
		(void)unlink(path);
		(void)close(fd);
		return EX_CANTCREAT;
	}
	*fdp = fd;
	return EX_OK;
}

static int
mbox_open(const char *path, const struct mbox_opts *o, int *fdp,
    const char **whyp)
{
	struct stat ls;
	int tries, rc;

	for (tries = 0; tries < 3; tries++) {
		if (lstat(path, &ls) == 0)
			rc = open_old(path, &ls, o, fdp, whyp);
		else if (errno == ENOENT)
			rc = open_new(path, o, fdp, whyp);
		else {
			*whyp = "cannot look at mailbox";
			return EX_CANTCREAT;
		}
		if (rc >= 0)
			return rc;
	}
	*whyp = "mailbox keeps appearing and vanishing";
	return EX_TEMPFAIL;
}

/* Newlines that make our "From " line a separator after a cut message. */
static void
mend_tail(struct mw *w, off_t size)
{
	char tail[2] = { '\n', '\n' };
	ssize_t n = 0;

	if (size == 0)
		return;
	if (size >= 2)
		n = pread(w->fd, tail, 2, size - 2);
	else if (size == 1) {
		n = pread(w->fd, tail + 1, 1, 0);
		n = n == 1 ? 2 : n;
	}
	if (n != 2 || tail[1] != '\n')
		mw_raw(w, "\n\n", 2);
	else if (tail[0] != '\n')
		mw_raw(w, "\n", 1);
}

/* Header block; in Content-Length style without old Content-Length:s. */
static void
write_header(struct mw *w, const char *h, size_t len, bool clen)
{
	const char *nl, *e = h + len;
	size_t n;
	bool skip = false;

	w->escape = true;
	w->bol = true;
	w->last = '\n';
	while (h < e) {
		nl = memchr(h, '\n', (size_t)(e - h));
		n = nl != NULL ? (size_t)(nl - h) + 1 : (size_t)(e - h);
		if (*h != ' ' && *h != '\t')
			skip = clen && n >= 15 &&
			    strncasecmp(h, "Content-Length:", 15) == 0;
		if (!skip)
			mw_text(w, h, n);
		h += n;
	}
	mw_endtext(w);
	if (w->last != '\n')
		mw_raw(w, "\n", 1);
}

/* Body length and last byte (for Content-Length) of an fd or memory. */
static int
body_size(const struct mbox_msg *m, off_t *lenp, char *lastp)
{
	struct stat st;
	off_t cur;

	*lastp = '\n';
	if (m->mm_bodyfd < 0) {
		*lenp = (off_t)m->mm_bodylen;
		if (m->mm_bodylen > 0)
			*lastp = m->mm_body[m->mm_bodylen - 1];
		return 0;
	}
	if (fstat(m->mm_bodyfd, &st) < 0 || !S_ISREG(st.st_mode) ||
	    (cur = lseek(m->mm_bodyfd, 0, SEEK_CUR)) < 0)
		return -1;
	*lenp = st.st_size > cur ? st.st_size - cur : 0;
	if (*lenp > 0 && pread(m->mm_bodyfd, lastp, 1, st.st_size - 1) != 1)
		return -1;
	return 0;
}

/* Stream the body from its fd through the writer. */
static int
copy_body_fd(struct mw *w, int fd)
{
	char buf[WBUF];
	ssize_t n;

	for (;;) {
		n = read(fd, buf, sizeof(buf));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0)
			return 0;
		mw_text(w, buf, (size_t)n);
		if (w->err != 0)
			return 0;
	}
}

/* Everything after the "From " line. Returns EX_OK or EX_IOERR. */
static int
write_message(struct mw *w, const struct mbox_msg *m, bool clen)
{
	off_t blen = 0;
	char last, cl[64];

	write_header(w, m->mm_hdr, m->mm_hdrlen, clen);
	if (clen) {
		if (body_size(m, &blen, &last) < 0)
			return EX_IOERR;
		if (blen > 0 && last != '\n')
			blen++;
		(void)snprintf(cl, sizeof(cl), "Content-Length: %lld\n",
		    (long long)blen);
		mw_raw(w, cl, strlen(cl));
	}
	mw_raw(w, "\n", 1);
	w->escape = !clen;
	w->bol = true;
	w->last = '\n';
	if (m->mm_bodyfd >= 0) {
		if (copy_body_fd(w, m->mm_bodyfd) < 0)
			return EX_IOERR;
	} else
		mw_text(w, m->mm_body, m->mm_bodylen);
	mw_endtext(w);
	if (w->last != '\n')
		mw_raw(w, "\n", 1);
	mw_raw(w, "\n", 1);
	mw_flush(w);
	return EX_OK;
}

/* What a failed write means for the sender. */
static int
write_failure(int err, const struct mbox_opts *o, const char **whyp)
{
	errno = err;
	if (err == EDQUOT) {
		*whyp = "mailbox is over quota";
		return (o->mo_flags & MBOX_F_QUOTAPERM) ? EX_UNAVAILABLE :
		    EX_TEMPFAIL;
	}
	*whyp = err == ENOSPC ? "no space left for the mailbox" :
	    "write error on mailbox";
	return EX_TEMPFAIL;
}

/* Write the message into the locked mailbox FD; cut back on failure. */
static int
store(int fd, const char *path, const struct mbox_msg *m,
    const struct mbox_opts *o, const char **whyp)
{
	struct mw *w;
	struct stat st;
	int rc, err;

	if (fstat(fd, &st) < 0) {
		*whyp = "cannot stat mailbox";
		return EX_TEMPFAIL;
	}
	w = sm_calloc_x(1, sizeof(*w));
	w->fd = fd;
	mend_tail(w, st.st_size);
	rc = mbox_fromline(w->buf + w->len, sizeof(w->buf) - w->len,
	    m->mm_sender, m->mm_time);
	if (rc < 0) {
		*whyp = "sender too long for the From line";
		free(w);
		return EX_DATAERR;
	}
	w->len += (size_t)rc;
	rc = write_message(w, m, (o->mo_flags & MBOX_F_CLEN) != 0);
	err = rc != EX_OK ? errno : w->err;
	free(w);
	if (rc == EX_OK && err == 0 && fsync(fd) < 0)
		err = errno;
	if (rc == EX_OK && err == 0)
		return EX_OK;
	if (ftruncate(fd, st.st_size) < 0)
		sm_log(LOG_CRIT, NULL, "mbox: %s: cannot truncate back to %lld "
		    "bytes after a failed write: %m", path,
		    (long long)st.st_size);
	if (rc != EX_OK) {
		errno = err;
		*whyp = "cannot read the message body";
		return rc;
	}
	return write_failure(err, o, whyp);
}

/*
 * Waiting in line.  Many deliveries of ours to one mailbox at once (a
 * busy list, a benchmark) would otherwise all poll its dot-lock and
 * wake up late.  With MBOX_F_QUEUE they first take a byte of a lock file
 * only we use (the byte chosen by the mailbox's name), sleeping in the
 * kernel until the one ahead is done, and then find the mailbox's own
 * locks free.  Whoever is at the head keeps the line waiting at most
 * QUEUE_HOLD_MS for locks held by others (a mail reader): then it steps
 * out of the line and waits for them on its own, so no one waits in
 * line for long.  Mailbox locking itself is unchanged.
 */
#define QUEUE_SLOTS	4093
#define QUEUE_HOLD_MS	2000

struct mbox_line {
	int	fd;		/* -1: not in line */
	off_t	slot;
};

static void
line_enter(struct mbox_line *l, const char *path, const struct mbox_opts *o)
{
	unsigned long h = 2166136261UL;
	const unsigned char *p;

	l->fd = -1;
	l->slot = 0;
	if (!(o->mo_flags & MBOX_F_QUEUE) || o->mo_queuefd < 0)
		return;
	for (p = (const unsigned char *)path; *p != '\0'; p++)
		h = (h ^ *p) * 16777619UL;
	l->slot = (off_t)(h % QUEUE_SLOTS);
	if (sm_lock_byte(o->mo_queuefd, l->slot, 1) == 0)
		l->fd = o->mo_queuefd;
}

static void
line_leave(struct mbox_line *l)
{
	if (l->fd >= 0)
		(void)sm_unlock_byte(l->fd, l->slot);
	l->fd = -1;
}

/* The wait for a lock while at the head of the line: short. */
static int
line_wait_ms(const struct mbox_line *l, int timeout_ms)
{
	if (l->fd < 0 || (timeout_ms >= 0 && timeout_ms <= QUEUE_HOLD_MS))
		return timeout_ms;
	return QUEUE_HOLD_MS;
}

/* What is left of TIMEOUT_MS after a short wait of WAITED ms. */
static int
line_rest_ms(int timeout_ms, int waited)
{
	return timeout_ms < 0 ? timeout_ms : timeout_ms - waited;
}

static int
take_dotlock(struct sm_dotlock *dl, const char *path,
    const struct mbox_opts *o, struct mbox_line *l, const char **whyp)
{
	int first = line_wait_ms(l, o->mo_lock_ms);
	const char *why = NULL;

	if (sm_dotlock(dl, path, first, o->mo_stale_secs, &why) == 0)
		return 0;
	if (errno == EWOULDBLOCK && first != o->mo_lock_ms) {
		line_leave(l);
		if (sm_dotlock(dl, path, line_rest_ms(o->mo_lock_ms, first),
		    o->mo_stale_secs, &why) == 0)
			return 0;
	}
	*whyp = errno == EWOULDBLOCK ? "mailbox is locked (dot-lock)" :
	    "cannot make the dot-lock";
	return -1;
}

static int
take_fcntl(int fd, const struct mbox_opts *o, struct mbox_line *l,
    const char **whyp)
{
	int first = line_wait_ms(l, o->mo_lock_ms);
	const char *why = NULL;

	if (sm_lock(fd, SM_LOCK_FCNTL, SM_LOCK_EX, first, &why) == 0)
		return 0;
	if (errno == EWOULDBLOCK && first != o->mo_lock_ms) {
		line_leave(l);
		if (sm_lock(fd, SM_LOCK_FCNTL, SM_LOCK_EX,
		    line_rest_ms(o->mo_lock_ms, first), &why) == 0)
			return 0;
	}
	*whyp = errno == EWOULDBLOCK ? "mailbox is locked" :
	    "cannot lock mailbox";
	return -1;
}

int
mbox_append(const char *path, const struct mbox_msg *msg,
    const struct mbox_opts *opts, const char **whyp)
{
	struct sm_dotlock dl;
	struct mbox_line line;
	bool dotlocked = false;
	int fd = -1, rc, err;

	SM_ASSERT(path != NULL && msg != NULL && opts != NULL);
	line_enter(&line, path, opts);
	if (!(opts->mo_flags & MBOX_F_NODOTLOCK)) {
		if (take_dotlock(&dl, path, opts, &line, whyp) < 0) {
			line_leave(&line);
			return EX_TEMPFAIL;
		}
		dotlocked = true;
	}
	rc = mbox_open(path, opts, &fd, whyp);
	if (rc == EX_OK && take_fcntl(fd, opts, &line, whyp) < 0)
		rc = EX_TEMPFAIL;
	if (rc == EX_OK)
		rc = store(fd, path, msg, opts, whyp);
	err = errno;
	if (fd >= 0)
		(void)close(fd);
	if (dotlocked)
		(void)sm_dotunlock(&dl);
	line_leave(&line);
	errno = err;
	return rc;
}
