/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * log.c -- log lines in sendmail's syslog format (log.h).
 *
 * Public: sm_log_open, sm_log_close, sm_log_level, sm_log_wants, sm_log,
 * sm_vlog, sm_logkv_init, sm_logkv_add, sm_logkv_str, sm_log_delay,
 * sm_log_prt.  Any process, any privilege; the destination is opened by
 * the caller before it drops privileges or chroots.
 *
 * One call makes one text: formatted, escaped (no control character ever
 * reaches a log, whatever a client sent), bounded, then split into parts
 * the way sendmail 8.17 splits long syslog lines, so log readers written
 * for sendmail see the same shapes.
 */
#include "log.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define IDENT_MAX	64
#define HOST_MAX	64
/* A QID longer than this is cut (a real one is about 14-20 bytes). */
#define QID_MAX		64
/* One part: "QID[nnn]: " + part text + " ..." */
#define PART_BUF	(QID_MAX + 16 + SM_LOG_SPLIT + 8)
/* File prefix: "Mon DD HH:MM:SS host ident[pid]: " */
#define PREFIX_BUF	(32 + HOST_MAX + IDENT_MAX + 32)

static struct {
	enum sm_log_dest	dest;
	int			fd;		/* SM_LOG_FILE, or 2 */
	int			syslog_open;
	int			level;
	char			ident[IDENT_MAX];
	char			host[HOST_MAX];
} lg = { SM_LOG_SYSLOG, -1, 0, LOG_INFO, "sendmail", "localhost" };

/* ---- destination ------------------------------------------------------- */

static void
set_ident(const char *ident)
{
	if (ident != NULL)
		(void)snprintf(lg.ident, sizeof(lg.ident), "%s", ident);
}

static void
set_host(void)
{
	char h[256];
	size_t n;

	if (gethostname(h, sizeof(h)) < 0 || h[0] == '\0')
		return;
	h[sizeof(h) - 1] = '\0';
	n = strcspn(h, ".");
	if (n >= sizeof(lg.host))
		n = sizeof(lg.host) - 1;
	memcpy(lg.host, h, n);
	lg.host[n] = '\0';
}

/* Close whatever is open, leaving syslog (not yet opened) as destination. */
static void
close_dest(void)
{
	if (lg.dest == SM_LOG_FILE && lg.fd >= 0)
		(void)close(lg.fd);
	if (lg.syslog_open)
		closelog();
	lg.syslog_open = 0;
	lg.fd = -1;
	lg.dest = SM_LOG_SYSLOG;
}

static void
open_syslog(void)
{
	openlog(lg.ident, LOG_PID | LOG_NDELAY, LOG_MAIL);
	lg.syslog_open = 1;
}

int
sm_log_open(enum sm_log_dest dest, const char *ident, const char *path)
{
	int fd = -1;

	if (dest == SM_LOG_FILE) {
		if (path == NULL) {
			errno = EINVAL;
			return -1;
		}
		fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC |
		    O_NOCTTY, 0640);
		if (fd < 0)
			return -1;
	} else if (dest != SM_LOG_SYSLOG && dest != SM_LOG_STDERR) {
		errno = EINVAL;
		return -1;
	}
	close_dest();
	set_ident(ident);
	set_host();
	lg.dest = dest;
	lg.fd = dest == SM_LOG_FILE ? fd : dest == SM_LOG_STDERR ? 2 : -1;
	if (dest == SM_LOG_SYSLOG)
		open_syslog();
	return 0;
}

void
sm_log_close(void)
{
	int save_errno = errno;

	close_dest();
	errno = save_errno;
}

void
sm_log_level(int level)
{
	lg.level = level;
}

int
sm_log_wants(int pri)
{
	return LOG_PRI(pri) <= lg.level;
}

/* ---- escaping ---------------------------------------------------------- */

static int
is_ctl(unsigned char c)
{
	return c < 0x20 || c == 0x7f;
}

/* The escape of control character C into E (str2prt style); its length. */
static size_t
ctl_escape(unsigned char c, char e[5])
{
	switch (c) {
	case '\t':
		memcpy(e, "\\t", 3);
		return 2;
	case '\n':
		memcpy(e, "\\n", 3);
		return 2;
	case '\r':
		memcpy(e, "\\r", 3);
		return 2;
	default:
		(void)snprintf(e, 5, "\\%03o", c);
		return 4;
	}
}

/* The escaped length of SRC[0..LEN). */
static size_t
escaped_len(const char *src, size_t len)
{
	size_t i, n = 0;
	char e[5];

	for (i = 0; i < len; i++)
		n += is_ctl((unsigned char)src[i]) ?
		    ctl_escape((unsigned char)src[i], e) : 1;
	return n;
}

/*
 * Escape control characters of SRC[0..LEN) into DST (SIZE >= 4).  When it
 * does not fit, or CUT says the source was already cut, end in "...".
 * Returns the length written (DST is NUL-terminated).
 */
static size_t
escape_ctl(char *dst, size_t size, const char *src, size_t len, int cut)
{
	size_t i, n = 0, el, room;
	char e[5];

	if (!cut && escaped_len(src, len) < size)
		room = size - 1;
	else {
		room = size - 4;
		cut = 1;
	}
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)src[i];

		if (is_ctl(c))
			el = ctl_escape(c, e);
		else {
			e[0] = (char)c;
			el = 1;
		}
		if (n + el > room)
			break;
		memcpy(dst + n, e, el);
		n += el;
	}
	if (cut) {
		memcpy(dst + n, "...", 3);
		n += 3;
	}
	dst[n] = '\0';
	return n;
}

char *
sm_log_prt(char *dst, size_t size, const char *src, size_t len)
{
	size_t i, n = 0, el;
	char e[5];

	if (size == 0)
		return dst;
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)src[i];

		if (c == '\\') {
			memcpy(e, "\\\\", 3);
			el = 2;
		} else if (c < 0x20 || c == 0x7f)
			el = ctl_escape(c, e);
		else if (c > 0x7f)
			el = (size_t)snprintf(e, sizeof(e), "\\%03o", c);
		else {
			e[0] = (char)c;
			el = 1;
		}
		if (n + el > size - 1)
			break;
		memcpy(dst + n, e, el);
		n += el;
	}
	dst[n] = '\0';
	return dst;
}

/* ---- output ------------------------------------------------------------ */

/* Write all of P[0..LEN) to FD; errors are dropped (nowhere to report). */
static void
write_all(int fd, const char *p, size_t len)
{
	ssize_t n;

	while (len > 0) {
		n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return;
		p += n;
		len -= (size_t)n;
	}
}

/* "Mon DD HH:MM:SS host ident[pid]: " into BUF; returns its length. */
static size_t
file_prefix(char *buf, size_t size)
{
	time_t now = time(NULL);
	struct tm tm;
	size_t n;
	int m;

	if (localtime_r(&now, &tm) == NULL ||
	    (n = strftime(buf, size, "%b %e %H:%M:%S ", &tm)) == 0)
		n = 0;
	m = snprintf(buf + n, size - n, "%s %s[%ld]: ", lg.host, lg.ident,
	    (long)getpid());
	if (m < 0 || (size_t)m >= size - n)
		return strlen(buf);
	return n + (size_t)m;
}

/* Send one finished message (no newline) to the destination. */
static void
emit(int pri, const char *msg, size_t len)
{
	char line[PREFIX_BUF + PART_BUF + 2];
	size_t n;

	if (lg.dest == SM_LOG_SYSLOG) {
		if (!lg.syslog_open)
			open_syslog();
		syslog(pri, "%s", msg);
		return;
	}
	n = file_prefix(line, PREFIX_BUF);
	if (len > sizeof(line) - n - 1)
		len = sizeof(line) - n - 1;
	memcpy(line + n, msg, len);
	n += len;
	line[n++] = '\n';
	write_all(lg.fd, line, n);
}

/*
 * Emit one part: SEQ 0 is a whole line "QID: text" (or "text"), SEQ > 0 a
 * part "QID[SEQ]: text", followed by " ..." when MORE parts follow.
 */
static void
emit_part(int pri, const char *qid, int seq, const char *text, size_t len,
    int more)
{
	char msg[PART_BUF];
	int n;

	if (seq == 0)
		n = snprintf(msg, sizeof(msg), "%s%s%.*s", qid,
		    qid[0] != '\0' ? ": " : "", (int)len, text);
	else
		n = snprintf(msg, sizeof(msg), "%s[%d]: %.*s%s", qid, seq,
		    (int)len, text, more ? " ..." : "");
	if (n < 0)
		return;
	if ((size_t)n >= sizeof(msg))
		n = (int)sizeof(msg) - 1;
	emit(pri, msg, (size_t)n);
}

/* The length of the next part of TEXT (LEN > WIN): up to and including
 * the last space among TEXT[0..WIN], else WIN bytes. */
static size_t
part_len(const char *text, size_t win)
{
	size_t i = win + 1;

	while (i > 0) {
		i--;
		if (text[i] == ' ')
			return i + 1;
	}
	return win;
}

/* Emit TEXT as one line or as sendmail-style parts. */
static void
put_text(int pri, const char *qid, const char *text, size_t len)
{
	size_t idlen = strlen(qid);
	size_t split = SM_LOG_SPLIT - idlen, win = SM_LOG_PART - idlen, n;
	int seq = 1;

	if (len <= split) {
		emit_part(pri, qid, 0, text, len, 0);
		return;
	}
	while (len > split) {
		n = part_len(text, win);
		emit_part(pri, qid, seq++, text, n, 1);
		text += n;
		len -= n;
	}
	emit_part(pri, qid, seq, text, len, 0);
}

void
sm_vlog(int pri, const char *qid, const char *fmt, va_list ap)
{
	int save_errno = errno;
	char raw[SM_LOG_MAX], text[SM_LOG_MAX], id[QID_MAX];
	size_t rawlen, tlen;
	int n;

	if (!sm_log_wants(pri))
		return;
	n = vsnprintf(raw, sizeof(raw), fmt, ap);
	if (n < 0) {
		(void)snprintf(raw, sizeof(raw), "(unprintable log format)");
		n = (int)strlen(raw);
	}
	rawlen = (size_t)n < sizeof(raw) ? (size_t)n : sizeof(raw) - 1;
	tlen = escape_ctl(text, sizeof(text), raw, rawlen,
	    (size_t)n >= sizeof(raw));
	if (qid == NULL)
		id[0] = '\0';
	else
		(void)escape_ctl(id, sizeof(id), qid, strlen(qid), 0);
	put_text(pri, id, text, tlen);
	errno = save_errno;
}

void
sm_log(int pri, const char *qid, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	sm_vlog(pri, qid, fmt, ap);
	va_end(ap);
}

/* ---- key=value texts and delays ---------------------------------------- */

void
sm_logkv_init(SM_LOGKV *kv)
{
	kv->kv_buf[0] = '\0';
	kv->kv_len = 0;
	kv->kv_trunc = 0;
}

int
sm_logkv_add(SM_LOGKV *kv, const char *key, const char *fmt, ...)
{
	size_t old = kv->kv_len, room = sizeof(kv->kv_buf) - old;
	va_list ap;
	int k, v;

	k = snprintf(kv->kv_buf + old, room, "%s%s=", old > 0 ? ", " : "",
	    key);
	if (k < 0 || (size_t)k >= room)
		goto drop;
	va_start(ap, fmt);
	v = vsnprintf(kv->kv_buf + old + k, room - (size_t)k, fmt, ap);
	va_end(ap);
	if (v < 0 || (size_t)v >= room - (size_t)k)
		goto drop;
	kv->kv_len = old + (size_t)k + (size_t)v;
	return 0;
drop:
	kv->kv_buf[old] = '\0';
	kv->kv_trunc = 1;
	return -1;
}

const char *
sm_logkv_str(const SM_LOGKV *kv)
{
	return kv->kv_buf;
}

char *
sm_log_delay(char *buf, size_t size, long long secs)
{
	long long days;
	int h, m, s;

	if (size == 0)
		return buf;
	if (secs < 0)
		secs = 0;
	days = secs / 86400;
	h = (int)(secs % 86400 / 3600);
	m = (int)(secs % 3600 / 60);
	s = (int)(secs % 60);
	if (days > 0)
		(void)snprintf(buf, size, "%lld+%02d:%02d:%02d", days, h, m, s);
	else
		(void)snprintf(buf, size, "%02d:%02d:%02d", h, m, s);
	return buf;
}
