/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * collect.c -- read one message (SMTP DATA or standard input) into a
 * header list and a df body, as sendmail 8.17's collect() does.
 *
 * Public: collect, collect_reply, collect_must_close, collect_isheader.
 * Runs in the SMTP session child and in sendmail -bm/-t, under whatever
 * user the caller runs as; touches no file but the df SM_BUF it is given.
 *
 * Input is read a line (or a 64 KB piece of a longer line) at a time
 * through sm_buf_getline in SM_LINE_LF mode, so a bare LF ends a piece
 * and is seen at once; SMTP then refuses it (see below).  A dot at the
 * start of a line is judged only on a piece that starts a line.
 *
 * Observed on Debian's sendmail 8.17.1.9-2+deb12u2 (the reference), by
 * driving -bs and -bm in a private namespace and reading the df/qf files:
 *  SMTP DATA
 *   - the df body has LF line ends; lines of 2,500 bytes (body or header)
 *     are kept whole; 8-bit bytes and NULs in the body are kept.
 *   - any line starting with "." loses that dot (".x" -> "x", "..y" ->
 *     ".y"); only CRLF "." CRLF ends the message.
 *   - a bare LF anywhere: "421 4.5.0 Bare linefeed (LF) not allowed" at
 *     once, nothing queued, connection closed; a bare CR (also ".\r" at
 *     end of input): "421 4.5.0 Bare carriage return (CR) not allowed".
 *     Hence "\n.\r\n", "\r\n.\n", "\n.\n", "\r.\r" never end a message.
 *     Exception: after the headers grew too large (the rest is being
 *     thrown away) a bare CR/LF is not answered at once: the message is
 *     read to CRLF.CRLF, the 552 is sent, then the connection is closed.
 *   - end of input mid-message: "421 4.4.1 collect: relay=localhost,
 *     from=<a@mta.example.org>, info=unexpected close"; Timeout.datablock
 *     expiring: the same with "info=read timeout"; nothing queued.
 *   - MaxMessageSize N: the size counts every byte after unstuffing with
 *     LF line ends (CR of CRLF not counted, NUL counted), headers and the
 *     blank line included; size > N gives, after the final dot, "552
 *     5.2.3 Message exceeds maximum fixed size (N)" and the session goes
 *     on.
 *   - MaxHeadersLength N (default 32768): the header bytes (LF ends, NULs
 *     not counted, a leading "From " line counted) plus the line that
 *     ends the header (the blank line, or the first body line) must not
 *     pass N, else "552 5.6.0 Headers too large (N max)" after the dot.
 *   - RejectNUL: "554 5.6.1 NUL byte not allowed" (off by default).
 *   - header lines: NUL bytes dropped ("X-B\0ar" -> "X-Bar"); the name
 *     ends at white space or ':' ("X-Foo : bar" -> field "X-Foo"); the
 *     value is all that follows the ':' (leading/trailing white space
 *     kept); a line starting with SP/HT continues the previous field;
 *     a line starting "--", or with an 8-bit or control byte in the
 *     name, or with no ':' after the name, ends the header and starts the
 *     body (not written twice, no blank line inserted); a DEL in the name
 *     gives "553 5.3.0 header syntax error, line "<line>"" after the dot.
 *   - a first line "From ..." is taken out (its date is used), in SMTP too.
 *  Standard input (-bm)
 *   - CRLF and LF end lines; a bare CR is data; "." or ".\r\n" alone ends
 *     the input (also "." or ".\r" at end of input), ".x" stays, "..y"
 *     -> ".y"; with -i nothing is special; a last line without newline is
 *     stored without one.
 *  Two sendmail quirks not copied: a last header line without a newline
 *  (and a header whose continuation ends the input) is lost by sendmail,
 *  kept by Tern; with -i a final "." without newline is dropped by
 *  sendmail, kept by Tern.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "libsm/buf.h"
#include "libsm/err.h"
#include "libsm/rpool.h"
#include "libsm/str.h"
#include "sendmail/collect.h"

/* Longest piece of a line taken at once (longer lines come in pieces). */
#define PIECE	(64 * 1024)

enum mstate {
	MS_UFROM,	/* the first line: a "From " line? */
	MS_HEADER,	/* in the header */
	MS_BODY,	/* in the body */
	MS_DISCARD	/* headers too large: read to the end, keep nothing */
};

/* What one piece of input means. */
enum step {
	STEP_DATA,	/* message data */
	STEP_END,	/* the end of the message */
	STEP_ABORT	/* the session cannot go on (status set) */
};

struct cstate {
	const struct collect_opts *o;
	SM_RPOOL	*pool;
	SM_BUF		*df;
	struct collect_result *r;
	struct collect_hdr **tail;	/* where the next field is linked */
	enum mstate	ms;
	SM_STR		*line;		/* the header-part line being read */
	SM_STR		*field;		/* the last field, with continuations */
	long		hmax;		/* header limit in force */
	bool		smtp;
	bool		bol;		/* the next piece starts a line */
	bool		toobig;		/* past MaxMessageSize: stop writing */
	bool		rejected;	/* c_eoh said no */
	bool		werr;		/* the df could not be written */
	bool		eoh_done;
	enum collect_status herr;	/* HDRTOOBIG / HDRSYNTAX, or OK */
};

bool
collect_isheader(const char *line, size_t len)
{
	size_t i = 0;

	if (len >= 2 && line[0] == '-' && line[1] == '-')
		return false;
	while (i < len && (unsigned char)line[i] > ' ' &&
	    (unsigned char)line[i] < 0x80 && line[i] != ':')
		i++;
	if (i == 0)
		return false;
	while (i < len && (line[i] == ' ' || (line[i] >= '\t' &&
	    line[i] <= '\r')))
		i++;
	return i < len && line[i] == ':';
}

/* Hand LEN bytes to the df unless the body is no longer kept. */
static void
body_write(struct cstate *st, const char *p, size_t len)
{
	if (st->toobig || st->rejected || st->werr || len == 0)
		return;
	st->r->cr_bodysize += (long long)len;
	if (st->df != NULL && sm_buf_write(st->df, p, len) < 0) {
		st->werr = true;
		st->r->cr_errno = errno;
	}
}

/* Turn the gathered field text into a list entry (or a syntax error). */
static void
field_done(struct cstate *st)
{
	const char *s = sm_str_data(st->field);
	size_t len = sm_str_len(st->field), n = 0, v;
	struct collect_hdr *h;

	if (len == 0)
		return;
	while (n < len && (unsigned char)s[n] > ' ' && s[n] != ':')
		n++;
	v = n;
	while (v < len && s[v] != ':')
		v++;
	if (memchr(s, 0x7f, n) != NULL || v >= len) {
		if (st->herr == COLLECT_OK) {
			st->herr = COLLECT_HDRSYNTAX;
			st->r->cr_badhdr = sm_rpool_strndup_x(st->pool, s, len);
		}
	} else {
		h = sm_rpool_zalloc_x(st->pool, sizeof(*h));
		h->h_field = sm_rpool_strndup_x(st->pool, s, n);
		h->h_value = sm_rpool_strndup_x(st->pool, s + v + 1,
		    len - v - 1);
		*st->tail = h;
		st->tail = &h->h_link;
		st->r->cr_nhdrs++;
	}
	sm_str_reset(st->field);
}

/* The header is over: tell the caller once. */
static void
header_end(struct cstate *st)
{
	field_done(st);
	if (st->eoh_done)
		return;
	st->eoh_done = true;
	if (st->o->c_eoh != NULL && st->o->c_eoh(st->o->c_eohctx, st->r) != 0)
		st->rejected = true;
}

/* A whole line of the header part (EOL: it had a line end). */
static void
header_line(struct cstate *st, bool eol)
{
	const char *s = sm_str_data(st->line);
	size_t len = sm_str_len(st->line);

	if (st->ms == MS_UFROM) {
		st->ms = MS_HEADER;
		if (len >= 5 && memcmp(s, "From ", 5) == 0) {
			st->r->cr_ufrom = sm_rpool_strndup_x(st->pool, s, len);
			return;
		}
	}
	if (sm_str_len(st->field) > 0 && len > 0 &&
	    (s[0] == ' ' || s[0] == '\t')) {
		(void)sm_str_addc(st->field, '\n');
		(void)sm_str_add(st->field, s, len);
		return;
	}
	field_done(st);
	if (collect_isheader(s, len)) {
		(void)sm_str_add(st->field, s, len);
		return;
	}
	header_end(st);
	st->ms = MS_BODY;
	if (len > 0) {
		body_write(st, s, len);
		if (eol)
			body_write(st, "\n", 1);
	}
}

/* A piece of the header part: gather it, count it, judge the limit. */
static void
header_piece(struct cstate *st, const struct sm_line *ln, bool eol)
{
	const char *p = ln->l_data, *e = p + ln->l_len, *z;

	while (p < e) {
		z = (ln->l_flags & SM_LINE_NUL) ? memchr(p, '\0', e - p) : NULL;
		if (z == NULL)
			z = e;
		(void)sm_str_add(st->line, p, (size_t)(z - p));
		st->r->cr_hdrslen += (long)(z - p);
		p = z < e ? z + 1 : e;
	}
	if (eol)
		st->r->cr_hdrslen++;
	if (st->r->cr_hdrslen > st->hmax) {
		if (st->herr == COLLECT_OK) {
			st->herr = COLLECT_HDRTOOBIG;
			st->r->cr_limit = st->hmax;
		}
		st->ms = MS_DISCARD;
		sm_str_reset(st->line);
		sm_str_reset(st->field);
		return;
	}
	if (ln->l_end == SM_EOL_PARTIAL)
		return;
	header_line(st, eol);
	sm_str_reset(st->line);
}

/* SMTP: refuse a bare CR or LF (noted only while discarding). */
static enum step
smtp_check(struct cstate *st, const struct sm_line *ln)
{
	enum collect_status s = COLLECT_OK;

	if (ln->l_flags & SM_LINE_BARECR)
		s = COLLECT_BARECR;
	else if (ln->l_end == SM_EOL_LF)
		s = COLLECT_BARELF;
	if (s != COLLECT_OK && st->ms == MS_DISCARD) {
		st->r->cr_bare = true;
		s = COLLECT_OK;
	}
	if (s == COLLECT_OK && ln->l_end == SM_EOL_EOF)
		s = COLLECT_EOF;
	if (s == COLLECT_OK)
		return STEP_DATA;
	st->r->cr_status = s;
	return STEP_ABORT;
}

/* A dot at the start of a line: the end, or one dot less. */
static enum step
dot(struct cstate *st, struct sm_line *ln)
{
	if (ln->l_len == 0 || ln->l_data[0] != '.')
		return STEP_DATA;
	if (st->smtp) {
		if (ln->l_len == 1 && ln->l_end == SM_EOL_CRLF)
			return STEP_END;
	} else if (st->o->c_flags & COLLECT_F_IGNOREDOTS) {
		return STEP_DATA;
	} else if (ln->l_len == 1 && ln->l_end != SM_EOL_PARTIAL) {
		return STEP_END;
	} else if (ln->l_len == 2 && ln->l_data[1] == '\r' &&
	    ln->l_end == SM_EOL_EOF) {
		return STEP_END;
	} else if (ln->l_data[1] != '.') {
		return STEP_DATA;
	}
	ln->l_data++;
	ln->l_len--;
	return STEP_DATA;
}

/* Account for one piece of message data and send it where it belongs. */
static void
data(struct cstate *st, struct sm_line *ln)
{
	bool eol = ln->l_end == SM_EOL_CRLF || ln->l_end == SM_EOL_LF;
	size_t i;

	if (st->o->c_flags & COLLECT_F_7BIT) {
		for (i = 0; i < ln->l_len; i++)
			ln->l_data[i] &= 0x7f;
	} else if (!st->r->cr_8bit) {
		for (i = 0; i < ln->l_len; i++)
			if (ln->l_data[i] & 0x80)
				st->r->cr_8bit = true;
	}
	if (ln->l_flags & SM_LINE_NUL)
		st->r->cr_nul = true;
	st->r->cr_msgsize += (long long)ln->l_len + (eol ? 1 : 0);
	if (st->o->c_maxmsgsize > 0 && st->r->cr_msgsize > st->o->c_maxmsgsize)
		st->toobig = true;
	switch (st->ms) {
	case MS_UFROM:
	case MS_HEADER:
		header_piece(st, ln, eol);
		break;
	case MS_BODY:
		body_write(st, ln->l_data, ln->l_len);
		if (eol)
			body_write(st, "\n", 1);
		break;
	case MS_DISCARD:
		break;
	}
}

/* Read and judge one piece. */
static enum step
step(struct cstate *st, SM_BUF *in)
{
	struct sm_line ln;
	enum step s;
	int r;

	r = sm_buf_getline(in, PIECE, SM_LINE_LF, &ln);
	if (r < 0) {
		st->r->cr_errno = errno;
		st->r->cr_status = errno == ETIMEDOUT ? COLLECT_TIMEOUT :
		    COLLECT_READERR;
		return STEP_ABORT;
	}
	if (r == 0) {
		if (!st->smtp)
			return STEP_END;
		st->r->cr_status = COLLECT_EOF;
		return STEP_ABORT;
	}
	if (st->smtp && smtp_check(st, &ln) == STEP_ABORT)
		return STEP_ABORT;
	if (st->bol && (s = dot(st, &ln)) != STEP_DATA)
		return s;
	data(st, &ln);
	st->bol = ln.l_end == SM_EOL_CRLF ||
	    (ln.l_end == SM_EOL_LF && !st->smtp);
	return ln.l_end == SM_EOL_EOF ? STEP_END : STEP_DATA;
}

/* The final status of a message read to its end. */
static enum collect_status
verdict(const struct cstate *st)
{
	if (st->werr)
		return COLLECT_WRITEERR;
	if (st->herr != COLLECT_OK)
		return st->herr;
	if (st->rejected)
		return COLLECT_REJECTED;
	if (st->toobig)
		return COLLECT_TOOBIG;
	if (st->r->cr_nul && (st->o->c_flags & COLLECT_F_REJECTNUL))
		return COLLECT_NUL;
	return COLLECT_OK;
}

/* The end of the message: finish the header, flush the df. */
static int
finish(struct cstate *st)
{
	if (st->ms == MS_UFROM || st->ms == MS_HEADER) {
		if (sm_str_len(st->line) > 0)
			header_line(st, false);
		header_end(st);
	}
	if (st->df != NULL && !st->werr && sm_buf_flush(st->df) < 0) {
		st->werr = true;
		st->r->cr_errno = errno;
	}
	st->r->cr_status = verdict(st);
	if (st->r->cr_status == COLLECT_TOOBIG)
		st->r->cr_limit = st->o->c_maxmsgsize;
	return st->r->cr_status == COLLECT_WRITEERR ? -1 : 0;
}

int
collect(SM_BUF *in, const struct collect_opts *opts, SM_RPOOL *pool,
    SM_BUF *df, struct collect_result *res)
{
	struct cstate st;
	enum step s;
	int rc;

	SM_ASSERT(in != NULL && opts != NULL && pool != NULL && res != NULL);
	memset(res, 0, sizeof(*res));
	memset(&st, 0, sizeof(st));
	st.o = opts;
	st.pool = pool;
	st.df = df;
	st.r = res;
	st.tail = &res->cr_hdrs;
	st.smtp = opts->c_mode == COLLECT_SMTP;
	st.ms = (opts->c_flags & COLLECT_F_SAVEFROM) ? MS_HEADER : MS_UFROM;
	st.hmax = opts->c_maxhdrslen > 0 ? opts->c_maxhdrslen :
	    COLLECT_HDRS_CEILING;
	st.line = sm_str_new(0);
	st.field = sm_str_new(0);
	st.bol = true;
	if (opts->c_timeout_ms >= 0)
		sm_buf_set_timeout(in, opts->c_timeout_ms);
	while ((s = step(&st, in)) == STEP_DATA)
		continue;
	rc = s == STEP_END ? finish(&st) : -1;
	sm_str_free(st.line);
	sm_str_free(st.field);
	return rc;
}

/* The 421 4.4.1 problem words sendmail logs and answers. */
static const char *
problem(const struct collect_result *res)
{
	switch (res->cr_status) {
	case COLLECT_EOF:
		return "unexpected close";
	case COLLECT_TIMEOUT:
		return "read timeout";
	default:
		return "I/O error";
	}
}

char *
collect_reply(const struct collect_result *res, const char *relay,
    const char *from, const char *dfname, char *buf, size_t size)
{
	SM_ASSERT(buf != NULL && size > 0);
	buf[0] = '\0';
	switch (res->cr_status) {
	case COLLECT_OK:
	case COLLECT_REJECTED:
		break;
	case COLLECT_TOOBIG:
		(void)snprintf(buf, size, "552 5.2.3 Message exceeds maximum "
		    "fixed size (%ld)", res->cr_limit);
		break;
	case COLLECT_HDRTOOBIG:
		(void)snprintf(buf, size, "552 5.6.0 Headers too large "
		    "(%ld max)", res->cr_limit);
		break;
	case COLLECT_HDRSYNTAX:
		(void)snprintf(buf, size, "553 5.3.0 header syntax error, "
		    "line \"%s\"", res->cr_badhdr ? res->cr_badhdr : "");
		break;
	case COLLECT_NUL:
		(void)snprintf(buf, size, "554 5.6.1 NUL byte not allowed");
		break;
	case COLLECT_BARELF:
		(void)snprintf(buf, size,
		    "421 4.5.0 Bare linefeed (LF) not allowed");
		break;
	case COLLECT_BARECR:
		(void)snprintf(buf, size,
		    "421 4.5.0 Bare carriage return (CR) not allowed");
		break;
	case COLLECT_EOF:
	case COLLECT_TIMEOUT:
	case COLLECT_READERR:
		(void)snprintf(buf, size, "421 4.4.1 collect: relay=%s, "
		    "from=%s, info=%s", relay ? relay : "localhost",
		    from ? from : "<>", problem(res));
		break;
	case COLLECT_WRITEERR:
		if (res->cr_errno == ENOSPC)
			(void)snprintf(buf, size,
			    "421 4.3.1 Out of disk space for temp file");
		else
			(void)snprintf(buf, size, "421 4.3.0 collect: Cannot "
			    "write %s (%s, uid=%ld, gid=%ld)",
			    dfname ? dfname : "df", strerror(res->cr_errno),
			    (long)geteuid(), (long)getegid());
		break;
	}
	return buf;
}

bool
collect_must_close(const struct collect_result *res)
{
	switch (res->cr_status) {
	case COLLECT_OK:
	case COLLECT_TOOBIG:
	case COLLECT_HDRTOOBIG:
	case COLLECT_HDRSYNTAX:
	case COLLECT_NUL:
	case COLLECT_REJECTED:
		return res->cr_bare;
	default:
		return true;
	}
}
