/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * buf.c -- SM_BUF: buffered I/O over a file descriptor (buf.h).
 *
 * Public: sm_buf_new, sm_buf_free, sm_buf_set_io, sm_buf_set_timeout,
 * sm_buf_set_deadline, sm_buf_getline, sm_buf_skipline, sm_buf_read,
 * sm_buf_readn, sm_buf_pending, sm_buf_wait_input, sm_buf_drop_input,
 * sm_buf_write, sm_buf_puts, sm_buf_printf, sm_buf_flush,
 * sm_buf_outpending.  Any process, any privilege.
 *
 * Input: one array; the unconsumed bytes are b_in[b_inoff .. b_inlen),
 * and one byte past b_inlen is always free so a line can be handed out
 * NUL-terminated in place.  When a line is longer than the caller's
 * maximum, the byte after the piece handed out is saved and a NUL put in
 * its place; the next input call puts it back (restore_byte).
 *
 * Every wait is a poll(2) bounded by the per-wait timeout and the
 * deadline.  Plain sockets are read and written with MSG_DONTWAIT, so
 * they are tried first and polled only when they would block; other
 * descriptors (pipes, files, ttys) are polled first, and pipes written at
 * most PIPE_BUF bytes at a time, so no call blocks past a timeout.
 */
#include "buf.h"
#include "date.h"
#include "err.h"

#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define IN_SIZE		8192	/* input capacity, at least */
#define OUT_SIZE	8192	/* output buffer */

struct sm_buf {
	int		b_rfd, b_wfd;
	int		b_rsock, b_wsock;	/* the fd is a socket */
	int		b_wfifo;		/* the write fd is a pipe */
	const struct sm_buf_io *b_io;		/* NULL: the plain fds */
	void		*b_ctx;

	char		*b_in;
	size_t		b_incap, b_inoff, b_inlen;
	int		b_cont;			/* last line was PARTIAL */
	char		*b_savedp;		/* where a NUL hides a byte */
	char		b_saved;

	char		*b_out;
	size_t		b_outlen;

	int		b_timeout;		/* ms per wait, < 0 none */
	long long	b_deadline;		/* monotonic ms, < 0 none */
};

/* ---- time and waiting ---------------------------------------------------- */

static int
deadline_passed(const SM_BUF *b)
{
	return b->b_deadline >= 0 && sm_date_monotonic_ms() >= b->b_deadline;
}

/* The poll(2) timeout for a wait ending at END (< 0: none) or at the
 * deadline, whichever is first. */
static int
poll_ms(const SM_BUF *b, long long end, long long now)
{
	long long t = end < 0 ? -1 : end - now;

	if (b->b_deadline >= 0 && (t < 0 || b->b_deadline - now < t))
		t = b->b_deadline - now;
	if (t > INT_MAX)
		t = INT_MAX;
	return t < 0 && end >= 0 ? 0 : (int)t;
}

/*
 * Wait until FD is ready for EVENTS, at most MS ms (< 0: no limit) and
 * never past the deadline.  Returns 1 ready (or hung up: the I/O call
 * will tell), 0 when MS ran out, -1 with errno (ETIMEDOUT: the deadline).
 */
static int
poll_fd(const SM_BUF *b, int fd, short events, int ms)
{
	long long end = ms < 0 ? -1 : sm_date_monotonic_ms() + ms, now;
	struct pollfd pfd;
	int r;

	if (fd < 0) {
		errno = EBADF;
		return -1;
	}
	for (;;) {
		now = sm_date_monotonic_ms();
		if (b->b_deadline >= 0 && now >= b->b_deadline) {
			errno = ETIMEDOUT;
			return -1;
		}
		pfd.fd = fd;
		pfd.events = events;
		pfd.revents = 0;
		r = poll(&pfd, 1, poll_ms(b, end, now));
		if (r > 0 && (pfd.revents & POLLNVAL)) {
			errno = EBADF;
			return -1;
		}
		if (r > 0)
			return 1;
		if (r < 0 && errno != EINTR)
			return -1;
		if (r == 0 && end >= 0 && sm_date_monotonic_ms() >= end &&
		    !deadline_passed(b))
			return 0;
	}
}

/* Wait for one read or write to make progress: the per-wait timeout. */
static int
wait_fd(const SM_BUF *b, int fd, short events)
{
	int r = poll_fd(b, fd, events, b->b_timeout);

	if (r == 0)
		errno = ETIMEDOUT;
	return r > 0 ? 0 : -1;
}

/* ---- the transport --------------------------------------------------------- */

/* write(2) to a pipe with SIGPIPE held off: EPIPE comes back as an error,
 * and a SIGPIPE this write raised is taken off the pending set. */
static ssize_t
write_nosigpipe(int fd, const void *p, size_t len)
{
	sigset_t pipeset, oldset, pend;
	struct timespec zero = { 0, 0 };
	int was_pending, save_errno;
	ssize_t n;

	(void)sigemptyset(&pipeset);
	(void)sigaddset(&pipeset, SIGPIPE);
	(void)sigemptyset(&pend);
	(void)sigpending(&pend);
	was_pending = sigismember(&pend, SIGPIPE) == 1;
	(void)pthread_sigmask(SIG_BLOCK, &pipeset, &oldset);
	n = write(fd, p, len);
	save_errno = errno;
	if (n < 0 && save_errno == EPIPE && !was_pending) {
		while (sigtimedwait(&pipeset, NULL, &zero) < 0 &&
		    errno == EINTR)
			continue;
	}
	(void)pthread_sigmask(SIG_SETMASK, &oldset, NULL);
	errno = save_errno;
	return n;
}

static ssize_t
rd(SM_BUF *b, void *p, size_t len, short *want)
{
	if (b->b_io != NULL)
		return b->b_io->io_read(b->b_ctx, p, len, want);
	*want = POLLIN;
	if (b->b_rsock)
		return recv(b->b_rfd, p, len, MSG_DONTWAIT);
	return read(b->b_rfd, p, len);
}

static ssize_t
wr(SM_BUF *b, const void *p, size_t len, short *want)
{
	if (b->b_io != NULL)
		return b->b_io->io_write(b->b_ctx, p, len, want);
	*want = POLLOUT;
	if (b->b_wsock)
		return send(b->b_wfd, p, len, MSG_NOSIGNAL | MSG_DONTWAIT);
	if (b->b_wfifo)
		return write_nosigpipe(b->b_wfd, p,
		    len > PIPE_BUF ? PIPE_BUF : len);
	return write(b->b_wfd, p, len);
}

static size_t
io_pending(const SM_BUF *b)
{
	if (b->b_io == NULL || b->b_io->io_pending == NULL)
		return 0;
	return b->b_io->io_pending(b->b_ctx);
}

/* Can the transport be called without polling first? */
static int
try_first(const SM_BUF *b, int reading)
{
	if (b->b_io != NULL)
		return b->b_io->io_nonblock ||
		    (reading && io_pending(b) > 0);
	return reading ? b->b_rsock : b->b_wsock;
}

/*
 * One transfer through rd or wr, waiting as needed.  Returns what the
 * transport returned (> 0, or 0 at end of file for reads), or -1.
 */
static ssize_t
transfer(SM_BUF *b, int reading, void *p, size_t len)
{
	short want = reading ? POLLIN : POLLOUT;
	int fd = reading ? b->b_rfd : b->b_wfd;
	int ready = try_first(b, reading);
	ssize_t n;

	if (deadline_passed(b)) {
		errno = ETIMEDOUT;
		return -1;
	}
	for (;;) {
		if (!ready && wait_fd(b, fd, want) < 0)
			return -1;
		n = reading ? rd(b, p, len, &want) : wr(b, p, len, &want);
		if (n >= 0)
			return n;
		if (errno != EINTR && errno != EAGAIN &&
		    errno != EWOULDBLOCK)
			return -1;
		ready = 0;
	}
}

/* ---- set-up ------------------------------------------------------------------ */

SM_BUF *
sm_buf_new(int rfd, int wfd)
{
	SM_BUF *b = sm_calloc_x(1, sizeof(*b));
	struct stat st;

	b->b_rfd = rfd;
	b->b_wfd = wfd;
	if (rfd >= 0 && fstat(rfd, &st) == 0)
		b->b_rsock = S_ISSOCK(st.st_mode);
	if (wfd >= 0 && fstat(wfd, &st) == 0) {
		b->b_wsock = S_ISSOCK(st.st_mode);
		b->b_wfifo = S_ISFIFO(st.st_mode);
	}
	b->b_timeout = -1;
	b->b_deadline = -1;
	return b;
}

void
sm_buf_free(SM_BUF *b)
{
	if (b == NULL)
		return;
	free(b->b_in);
	free(b->b_out);
	free(b);
}

void
sm_buf_set_io(SM_BUF *b, const struct sm_buf_io *io, void *ctx)
{
	b->b_io = io;
	b->b_ctx = io != NULL ? ctx : NULL;
}

void
sm_buf_set_timeout(SM_BUF *b, int ms)
{
	b->b_timeout = ms < 0 ? -1 : ms;
}

void
sm_buf_set_deadline(SM_BUF *b, int ms)
{
	b->b_deadline = ms < 0 ? -1 : sm_date_monotonic_ms() + ms;
}

/* ---- input ------------------------------------------------------------------- */

/* Put back the byte a NUL hid after a PARTIAL piece. */
static void
restore_byte(SM_BUF *b)
{
	if (b->b_savedp != NULL) {
		*b->b_savedp = b->b_saved;
		b->b_savedp = NULL;
	}
}

static void
ensure_cap(SM_BUF *b, size_t cap)
{
	if (cap < IN_SIZE)
		cap = IN_SIZE;
	if (b->b_incap >= cap)
		return;
	b->b_in = sm_realloc_x(b->b_in, cap);
	b->b_incap = cap;
}

/* Read more input after what is buffered (moved to the front first).
 * Returns the bytes added, 0 at end of file, -1 with errno. */
static ssize_t
fill(SM_BUF *b)
{
	size_t avail = b->b_inlen - b->b_inoff;
	ssize_t n;

	if (b->b_inoff > 0) {
		memmove(b->b_in, b->b_in + b->b_inoff, avail);
		b->b_inoff = 0;
		b->b_inlen = avail;
	}
	SM_ASSERT(b->b_incap > b->b_inlen + 1);
	n = transfer(b, 1, b->b_in + b->b_inlen,
	    b->b_incap - b->b_inlen - 1);
	if (n > 0)
		b->b_inlen += (size_t)n;
	return n;
}

static unsigned int
line_flags(const char *s, size_t len, int flags)
{
	unsigned int f = 0;

	if (memchr(s, '\r', len) != NULL)
		f |= SM_LINE_BARECR;
	if (!(flags & SM_LINE_LF) && memchr(s, '\n', len) != NULL)
		f |= SM_LINE_BARELF;
	if (memchr(s, '\0', len) != NULL)
		f |= SM_LINE_NUL;
	return f;
}

/*
 * Find the first line end in S[0..LEN), searching LFs from FROM on.
 * Returns 1 with *E the content length, *TLEN the end's length and *END
 * its kind; 0 when there is none yet.
 */
static int
find_end(const char *s, size_t len, size_t from, int flags, size_t *e,
    size_t *tlen, enum sm_eol *end)
{
	const char *lf;
	size_t p;

	while (from < len &&
	    (lf = memchr(s + from, '\n', len - from)) != NULL) {
		p = (size_t)(lf - s);
		if (p > 0 && s[p - 1] == '\r') {
			*e = p - 1;
			*tlen = 2;
			*end = SM_EOL_CRLF;
			return 1;
		}
		if (flags & SM_LINE_LF) {
			*e = p;
			*tlen = 1;
			*end = SM_EOL_LF;
			return 1;
		}
		from = p + 1;
	}
	return 0;
}

/* Hand out the next LEN bytes as a line, consuming TLEN more. */
static int
deliver(SM_BUF *b, struct sm_line *ln, size_t len, size_t tlen,
    enum sm_eol end, int flags)
{
	char *s = b->b_in + b->b_inoff;

	ln->l_data = s;
	ln->l_len = len;
	ln->l_end = end;
	ln->l_flags = line_flags(s, len, flags) |
	    (b->b_cont ? SM_LINE_CONT : 0);
	if (end == SM_EOL_PARTIAL) {
		b->b_saved = s[len];
		b->b_savedp = s + len;
	}
	s[len] = '\0';
	b->b_inoff += len + tlen;
	b->b_cont = end == SM_EOL_PARTIAL;
	return 1;
}

int
sm_buf_getline(SM_BUF *b, size_t max, int flags, struct sm_line *ln)
{
	size_t avail, scanned = 0, e, tlen;
	enum sm_eol end;
	ssize_t n;

	SM_ASSERT(max >= 1 && max <= SM_BUF_LINE_LIMIT);
	restore_byte(b);
	ensure_cap(b, max + 3);
	for (;;) {
		avail = b->b_inlen - b->b_inoff;
		if (find_end(b->b_in + b->b_inoff, avail, scanned, flags,
		    &e, &tlen, &end))
			return e <= max ?
			    deliver(b, ln, e, tlen, end, flags) :
			    deliver(b, ln, max, 0, SM_EOL_PARTIAL, flags);
		if (avail >= max + 2)
			return deliver(b, ln, max, 0, SM_EOL_PARTIAL, flags);
		scanned = avail;
		if ((n = fill(b)) < 0)
			return -1;
		if (n > 0)
			continue;
		if (avail == 0) {
			b->b_cont = 0;
			return 0;
		}
		return avail > max ?
		    deliver(b, ln, max, 0, SM_EOL_PARTIAL, flags) :
		    deliver(b, ln, avail, 0, SM_EOL_EOF, flags);
	}
}

int
sm_buf_skipline(SM_BUF *b, int flags, enum sm_eol *end)
{
	struct sm_line ln;
	size_t max = b->b_incap > IN_SIZE ? b->b_incap - 3 : IN_SIZE - 3;
	int r;

	for (;;) {
		r = sm_buf_getline(b, max, flags, &ln);
		if (r <= 0)
			return r;
		if (ln.l_end != SM_EOL_PARTIAL) {
			if (end != NULL)
				*end = ln.l_end;
			return 1;
		}
	}
}

ssize_t
sm_buf_read(SM_BUF *b, void *p, size_t len)
{
	size_t avail;
	ssize_t n;

	restore_byte(b);
	b->b_cont = 0;
	if (len == 0)
		return 0;
	avail = b->b_inlen - b->b_inoff;
	if (avail == 0) {
		if (len >= IN_SIZE)
			return transfer(b, 1, p, len);
		ensure_cap(b, IN_SIZE);
		if ((n = fill(b)) <= 0)
			return n;
		avail = (size_t)n;
	}
	if (avail > len)
		avail = len;
	memcpy(p, b->b_in + b->b_inoff, avail);
	b->b_inoff += avail;
	return (ssize_t)avail;
}

ssize_t
sm_buf_readn(SM_BUF *b, void *p, size_t len)
{
	size_t done = 0;
	ssize_t n;

	SM_ASSERT(len <= SSIZE_MAX);
	while (done < len) {
		n = sm_buf_read(b, (char *)p + done, len - done);
		if (n < 0)
			return -1;
		if (n == 0)
			break;
		done += (size_t)n;
	}
	return (ssize_t)done;
}

size_t
sm_buf_pending(const SM_BUF *b)
{
	return b->b_inlen - b->b_inoff + io_pending(b);
}

int
sm_buf_wait_input(SM_BUF *b, int ms)
{
	if (sm_buf_pending(b) > 0)
		return 1;
	return poll_fd(b, b->b_rfd, POLLIN, ms);
}

size_t
sm_buf_drop_input(SM_BUF *b)
{
	size_t n;

	restore_byte(b);
	n = b->b_inlen - b->b_inoff;
	b->b_inoff = b->b_inlen = 0;
	b->b_cont = 0;
	return n;
}

/* ---- output ------------------------------------------------------------------ */

int
sm_buf_flush(SM_BUF *b)
{
	size_t done = 0;
	ssize_t n = 0;

	while (done < b->b_outlen) {
		n = transfer(b, 0, b->b_out + done, b->b_outlen - done);
		if (n <= 0)
			break;
		done += (size_t)n;
	}
	if (done > 0) {
		memmove(b->b_out, b->b_out + done, b->b_outlen - done);
		b->b_outlen -= done;
	}
	if (b->b_outlen == 0)
		return 0;
	if (n == 0)
		errno = EIO;	/* a write of nothing: never loop on it */
	return -1;
}

int
sm_buf_write(SM_BUF *b, const void *p, size_t len)
{
	const char *s = p;
	size_t room;

	if (b->b_out == NULL)
		b->b_out = sm_malloc_x(OUT_SIZE);
	while (len > 0) {
		room = OUT_SIZE - b->b_outlen;
		if (room == 0) {
			if (sm_buf_flush(b) < 0)
				return -1;
			continue;
		}
		if (room > len)
			room = len;
		memcpy(b->b_out + b->b_outlen, s, room);
		b->b_outlen += room;
		s += room;
		len -= room;
	}
	return 0;
}

int
sm_buf_puts(SM_BUF *b, const char *s)
{
	return sm_buf_write(b, s, strlen(s));
}

int
sm_buf_printf(SM_BUF *b, const char *fmt, ...)
{
	char small[512], *big;
	va_list ap;
	int n, r;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0)
		return -1;
	if ((size_t)n < sizeof(small))
		return sm_buf_write(b, small, (size_t)n);
	big = sm_malloc_x((size_t)n + 1);
	va_start(ap, fmt);
	(void)vsnprintf(big, (size_t)n + 1, fmt, ap);
	va_end(ap);
	r = sm_buf_write(b, big, (size_t)n);
	free(big);
	return r;
}

size_t
sm_buf_outpending(const SM_BUF *b)
{
	return b->b_outlen;
}
