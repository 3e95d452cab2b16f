/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * queue_qf.c -- the control file (qf) format of sendmail 8.13 and later
 * (version 8): reading it into a struct queue_file and writing it back.
 *
 *	queue_parse queue_format
 *	queue_file_new queue_file_free queue_file_strdup
 *	queue_file_add_rcpt queue_file_add_header queue_file_set_macro
 *
 * The format (doc/QUEUE.md has the table): one item per line, the first
 * byte says which; a line starting with a space or tab continues the one
 * before; the file ends with a line ".".  We read strictly: a line we do
 * not know, a bad number or a missing final dot is an error with its line
 * number, so that a damaged file is set aside for a human rather than
 * half delivered.  Pure code: no I/O, any process.
 */
#include "sendmail/queue.h"

#include "libsm/err.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* ---- building -------------------------------------------------------------- */

struct queue_file *
queue_file_new(void)
{
	struct queue_file *qf = sm_calloc_x(1, sizeof(*qf));

	qf->qf_pool = sm_rpool_new_x();
	qf->qf_version = QUEUE_VERSION;
	return qf;
}

void
queue_file_free(struct queue_file *qf)
{
	if (qf == NULL)
		return;
	free(qf->qf_macros);
	free(qf->qf_rcpts);
	free(qf->qf_hdrs);
	sm_rpool_free(qf->qf_pool);
	free(qf);
}

char *
queue_file_strdup(struct queue_file *qf, const char *s)
{
	return s == NULL ? NULL : sm_rpool_strdup_x(qf->qf_pool, s);
}

/* Make room for one more element in an array holding N: capacities are
 * 4, 8, 16 ..., so the array is full exactly when N is one of them. */
static void *
grow(void *v, size_t n, size_t size)
{
	if (n == 0)
		return sm_reallocarray_x(v, 4, size);
	if (n < 4 || (n & (n - 1)) != 0)
		return v;
	return sm_reallocarray_x(v, n * 2, size);
}

struct queue_rcpt *
queue_file_add_rcpt(struct queue_file *qf, const char *addr, unsigned flags)
{
	struct queue_rcpt *r;

	qf->qf_rcpts = grow(qf->qf_rcpts, qf->qf_nrcpts, sizeof(*r));
	r = &qf->qf_rcpts[qf->qf_nrcpts++];
	memset(r, 0, sizeof(*r));
	r->qr_addr = queue_file_strdup(qf, addr == NULL ? "" : addr);
	r->qr_flags = flags;
	return r;
}

struct queue_header *
queue_file_add_header(struct queue_file *qf, const char *cond,
    const char *name, const char *value)
{
	struct queue_header *h;

	qf->qf_hdrs = grow(qf->qf_hdrs, qf->qf_nhdrs, sizeof(*h));
	h = &qf->qf_hdrs[qf->qf_nhdrs++];
	h->qh_cond = queue_file_strdup(qf, cond);
	h->qh_name = queue_file_strdup(qf, name == NULL ? "" : name);
	h->qh_value = queue_file_strdup(qf, value);
	return h;
}

/* Append a macro without looking for an earlier one (the reader keeps
 * every $ line as it was). */
static void
add_macro(struct queue_file *qf, const char *name, const char *value)
{
	struct queue_macro *m;

	qf->qf_macros = grow(qf->qf_macros, qf->qf_nmacros, sizeof(*m));
	m = &qf->qf_macros[qf->qf_nmacros++];
	m->qv_name = queue_file_strdup(qf, name);
	m->qv_value = queue_file_strdup(qf, value == NULL ? "" : value);
}

void
queue_file_set_macro(struct queue_file *qf, const char *name,
    const char *value)
{
	size_t i;

	for (i = 0; i < qf->qf_nmacros; i++)
		if (strcmp(qf->qf_macros[i].qv_name, name) == 0) {
			qf->qf_macros[i].qv_value = queue_file_strdup(qf,
			    value == NULL ? "" : value);
			return;
		}
	add_macro(qf, name, value);
}

/* ---- reading --------------------------------------------------------------- */

/* Parser state: the file being filled and what applies to the next R. */
struct pstate {
	struct queue_file *qf;
	const char	*name;		/* for messages */
	SM_STR		*why;
	int		 line;		/* first physical line of this one */
	bool		 seen_sender;
	bool		 seen_dot;
	char		*ctl;		/* C line in effect */
	char		*orcpt;		/* Q waiting for its R */
	char		*final;		/* r waiting for its R */
	char		*message;	/* M waiting for its R */
};

static int
perr(struct pstate *ps, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Report "NAME: line N: text" in WHY; always returns -1 with EINVAL. */
static int
perr(struct pstate *ps, const char *fmt, ...)
{
	va_list ap;

	if (ps->why != NULL) {
		sm_str_reset(ps->why);
		if (ps->line > 0)
			(void)sm_str_addf(ps->why, "%s: line %d: ", ps->name,
			    ps->line);
		else
			(void)sm_str_addf(ps->why, "%s: ", ps->name);
		va_start(ap, fmt);
		(void)sm_str_vaddf(ps->why, fmt, ap);
		va_end(ap);
	}
	errno = EINVAL;
	return -1;
}

/* A decimal number filling all of S (optional '-'), within [lo, hi]. */
static int
number(const char *s, long long lo, long long hi, long long *vp)
{
	long long v = 0;
	bool neg = false;

	if (*s == '-') {
		neg = true;
		s++;
	}
	if (*s == '\0')
		return -1;
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9' || v > (LLONG_MAX - 9) / 10)
			return -1;
		v = v * 10 + (*s - '0');
	}
	if (neg)
		v = -v;
	if (v < lo || v > hi)
		return -1;
	*vp = v;
	return 0;
}

static int
get_long(struct pstate *ps, const char *arg, int c, long *vp)
{
	long long v;

	if (number(arg, LONG_MIN + 1, LONG_MAX, &v) < 0)
		return perr(ps, "bad number in %c line: \"%.40s\"", c, arg);
	*vp = (long)v;
	return 0;
}

static int
get_time(struct pstate *ps, const char *arg, int c, time_t *tp)
{
	long v = 0;

	if (get_long(ps, arg, c, &v) < 0)
		return -1;
	*tp = (time_t)v;
	return 0;
}

static int
do_version(struct pstate *ps, const char *arg)
{
	long long v;

	if (number(arg, 0, INT_MAX, &v) < 0)
		return perr(ps, "bad queue file version \"%.40s\"", arg);
	if (v > QUEUE_VERSION)
		return perr(ps, "queue file version %lld is newer than %d",
		    v, QUEUE_VERSION);
	ps->qf->qf_version = (int)v;
	return 0;
}

static int
do_ntries(struct pstate *ps, const char *arg)
{
	long long v;

	if (number(arg, 0, INT_MAX, &v) < 0)
		return perr(ps, "bad number in N line: \"%.40s\"", arg);
	ps->qf->qf_ntries = (int)v;
	return 0;
}

/* I major/minor/inode */
static int
do_inode(struct pstate *ps, const char *arg)
{
	char buf[3][24];
	long long ma, mi, ino;
	const char *p = arg;
	int i;

	for (i = 0; i < 3; i++) {
		size_t n = strcspn(p, "/");

		if (n >= sizeof(buf[i]) || (i < 2 && p[n] != '/') ||
		    (i == 2 && p[n] != '\0'))
			return perr(ps, "bad I line \"%.60s\"", arg);
		memcpy(buf[i], p, n);
		buf[i][n] = '\0';
		p += n + (i < 2);
	}
	if (number(buf[0], 0, LONG_MAX, &ma) < 0 ||
	    number(buf[1], 0, LONG_MAX, &mi) < 0 ||
	    number(buf[2], 0, LLONG_MAX, &ino) < 0)
		return perr(ps, "bad I line \"%.60s\"", arg);
	ps->qf->qf_has_dfino = true;
	ps->qf->qf_dfmajor = (long)ma;
	ps->qf->qf_dfminor = (long)mi;
	ps->qf->qf_dfino = (unsigned long long)ino;
	return 0;
}

/* The F letters in sendmail's order of writing. */
static const struct {
	char		c;
	unsigned	bit;
} fflags[] = {
	{ 'w', QUEUE_F_WARNING }, { 'r', QUEUE_F_RESPONSE },
	{ '8', QUEUE_F_8BIT }, { 'b', QUEUE_F_DELETEBCC },
	{ 'd', QUEUE_F_RETPARAM }, { 'n', QUEUE_F_NOBODYRET },
	{ 's', QUEUE_F_SPLIT },
};

/* The R flag letters in sendmail's order of writing. */
static const struct {
	char		c;
	unsigned	bit;
} rflags[] = {
	{ 'P', QUEUE_R_PRIMARY }, { 'N', QUEUE_R_HASNOTIFY },
	{ 'S', QUEUE_R_SUCCESS }, { 'F', QUEUE_R_FAILURE },
	{ 'D', QUEUE_R_DELAY }, { 'B', QUEUE_R_BCC }, { 'A', QUEUE_R_ALIAS },
};

/* Remember an unknown flag letter C once (graphic ASCII only: anything
 * else is noise from a damaged file). */
static void
keep_letter(char *buf, size_t size, size_t *n, char c)
{
	if (c > ' ' && c < 0x7f && *n < size - 1 && memchr(buf, c, *n) == NULL)
		buf[(*n)++] = c;
}

static int
do_flags(struct pstate *ps, const char *arg)
{
	char unknown[64];
	size_t i, nu = 0;

	/* a mail header in a qf means someone wrote it by hand */
	if (strncmp(arg, "rom ", 4) == 0)
		return perr(ps, "bogus F line \"F%.40s\"", arg);
	for (; *arg != '\0'; arg++) {
		for (i = 0; i < sizeof(fflags) / sizeof(fflags[0]); i++)
			if (fflags[i].c == *arg)
				break;
		if (i < sizeof(fflags) / sizeof(fflags[0]))
			ps->qf->qf_flags |= fflags[i].bit;
		else
			keep_letter(unknown, sizeof(unknown), &nu, *arg);
	}
	unknown[nu] = '\0';
	ps->qf->qf_xflags = nu > 0 ? queue_file_strdup(ps->qf, unknown) : NULL;
	return 0;
}

/* $x value / ${name} value */
static int
do_macro(struct pstate *ps, const char *arg)
{
	char name[128];
	size_t n;

	if (arg[0] == '{') {
		n = strcspn(arg, "}");
		if (arg[n] != '}' || n < 2 || n + 2 > sizeof(name))
			return perr(ps, "bad macro name in \"$%.40s\"", arg);
		n++;
	} else if (arg[0] == '\0' || arg[0] == '\n')
		return perr(ps, "macro name missing");
	else
		n = 1;
	memcpy(name, arg, n);
	name[n] = '\0';
	add_macro(ps->qf, name, arg + n);
	return 0;
}

/* !F seconds (DELIVERBY) */
static int
do_deliverby(struct pstate *ps, const char *arg)
{
	long v = 0;

	if (arg[0] == '\0' || arg[1] != ' ')
		return perr(ps, "bad ! line \"!%.40s\"", arg);
	if (get_long(ps, arg + 2, '!', &v) < 0)
		return -1;
	ps->qf->qf_dlvrflag = (unsigned char)arg[0];
	ps->qf->qf_deliverby = v;
	return 0;
}

static int
do_rcpt(struct pstate *ps, const char *arg)
{
	struct queue_rcpt *r;
	char unknown[64];
	unsigned flags = 0;
	size_t i, nu = 0;
	const char *p = arg;

	if (ps->qf->qf_version >= 1) {
		for (; *p != ':' && *p != '\0'; p++) {
			for (i = 0; i < sizeof(rflags) / sizeof(rflags[0]); i++)
				if (rflags[i].c == *p)
					break;
			if (i < sizeof(rflags) / sizeof(rflags[0]))
				flags |= rflags[i].bit;
			else
				keep_letter(unknown, sizeof(unknown), &nu, *p);
		}
		if (*p++ != ':')
			return perr(ps, "R line without ':' (\"R%.40s\")",
			    arg);
	} else
		flags = QUEUE_R_PRIMARY;
	if (*p == '\0')
		return perr(ps, "empty recipient address");
	unknown[nu] = '\0';
	r = queue_file_add_rcpt(ps->qf, p, flags);
	r->qr_xflags = nu > 0 ? queue_file_strdup(ps->qf, unknown) : NULL;
	r->qr_ctl = ps->ctl;
	r->qr_orcpt = ps->orcpt;
	r->qr_final = ps->final;
	r->qr_message = ps->message;
	ps->orcpt = ps->final = ps->message = NULL;
	return 0;
}

/* H?cond?name:value, or Hname:value */
static int
do_header(struct pstate *ps, const char *arg)
{
	struct queue_header *h;
	char *cond = NULL, *name;
	const char *p = arg, *q, *colon;

	if (*p == '?') {
		q = strchr(p + 1, '?');
		if (q == NULL)
			return perr(ps, "unterminated ?condition? in H line");
		cond = sm_rpool_strndup_x(ps->qf->qf_pool, p + 1,
		    (size_t)(q - p - 1));
		p = q + 1;
	}
	colon = strchr(p, ':');
	if (colon == NULL || colon == p)
		return perr(ps, "header without a name and ':' "
		    "(\"H%.40s\")", arg);
	name = sm_rpool_strndup_x(ps->qf->qf_pool, p, (size_t)(colon - p));
	h = queue_file_add_header(ps->qf, NULL, NULL, colon + 1);
	h->qh_cond = cond;
	h->qh_name = name;
	return 0;
}

/* The value of a string line, or NULL for an empty C line. */
static char *
sdup(struct pstate *ps, const char *arg)
{
	return queue_file_strdup(ps->qf, arg);
}

static int
do_string(struct pstate *ps, int c, const char *arg)
{
	struct queue_file *qf = ps->qf;

	switch (c) {
	case 'A': qf->qf_auth = sdup(ps, arg); break;
	case 'B': qf->qf_bodytype = sdup(ps, arg); break;
	case 'C': ps->ctl = arg[0] == '\0' ? NULL : sdup(ps, arg); break;
	case 'd': qf->qf_dfdir = sdup(ps, arg); break;
	case 'q':
		qf->qf_quarmsg = sdup(ps, arg);
		/* after M, F or $ lines: where sendmail's -Q puts it */
		qf->qf_quarlate = qf->qf_message != NULL ||
		    qf->qf_flags != 0 || qf->qf_xflags != NULL ||
		    qf->qf_nmacros > 0;
		break;
	case 'Q': ps->orcpt = sdup(ps, arg); break;
	case 'r': ps->final = sdup(ps, arg); break;
	case 'Z': qf->qf_envid = sdup(ps, arg); break;
	case 'S':
		qf->qf_sender = sdup(ps, arg);
		ps->seen_sender = true;
		break;
	case 'M':
		/* before S the envelope's status, after it a recipient's */
		if (ps->seen_sender)
			ps->message = sdup(ps, arg);
		else
			qf->qf_message = sdup(ps, arg);
		break;
	default:
		SM_ASSERT(0);
	}
	return 0;
}

/* One logical line (continuations joined with "\n"). */
static int
do_line(struct pstate *ps, const char *l)
{
	const char *arg = l + 1;

	if (ps->seen_dot)
		return perr(ps, "data after the final \".\"");
	switch (l[0]) {
	case 'V': return do_version(ps, arg);
	case 'T': return get_time(ps, arg, 'T', &ps->qf->qf_ctime);
	case 'K': return get_time(ps, arg, 'K', &ps->qf->qf_dtime);
	case 'N': return do_ntries(ps, arg);
	case 'P': return get_long(ps, arg, 'P', &ps->qf->qf_priority);
	case 'I': return do_inode(ps, arg);
	case 'F': return do_flags(ps, arg);
	case '$': return do_macro(ps, arg);
	case '!': return do_deliverby(ps, arg);
	case 'R': return do_rcpt(ps, arg);
	case 'H': return do_header(ps, arg);
	case 'A': case 'B': case 'C': case 'd': case 'q': case 'Q':
	case 'r': case 'Z': case 'S': case 'M':
		return do_string(ps, l[0], arg);
	case 'D': case 'E': case 'L':
		return 0;	/* obsolete; sendmail ignores them too */
	case '.':
		if (l[1] != '\0')
			return perr(ps, "bad final line \"%.40s\"", l);
		ps->seen_dot = true;
		return 0;
	case '\0':
		return perr(ps, "empty line");
	default:
		return perr(ps, "unknown line type '%c'", l[0]);
	}
}

/*
 * The next logical line of DATA from *POS: continuation lines (starting
 * with SP or HT) are joined with "\n", a CR before LF is dropped.  Writes
 * it into LINE and counts physical lines in *NLINES.
 * Returns 1 with a line, 0 at the end.
 */
static int
next_line(const char *data, size_t len, size_t *pos, SM_STR *line,
    int *nlines)
{
	size_t p = *pos, e;

	if (p >= len)
		return 0;
	sm_str_reset(line);
	for (;;) {
		const char *nl = memchr(data + p, '\n', len - p);

		e = nl == NULL ? len : (size_t)(nl - data);
		(*nlines)++;
		(void)sm_str_add(line, data + p, (e > p && data[e - 1] == '\r' &&
		    nl != NULL) ? e - p - 1 : e - p);
		p = nl == NULL ? len : e + 1;
		if (p >= len || (data[p] != ' ' && data[p] != '\t'))
			break;
		(void)sm_str_addc(line, '\n');
	}
	*pos = p;
	return 1;
}

static int
parse_all(struct pstate *ps, const char *data, size_t len)
{
	SM_STR *line = sm_str_new(0);
	size_t pos = 0;
	int nlines = 0, start = 1, rc = 0;

	while (rc == 0 && next_line(data, len, &pos, line, &nlines)) {
		ps->line = start;
		rc = do_line(ps, sm_str_data(line));
		start = nlines + 1;
	}
	sm_str_free(line);
	if (rc < 0)
		return -1;
	ps->line = 0;
	if (!ps->seen_dot)
		return perr(ps, "no final \".\" line: incomplete queue file");
	if (!ps->seen_sender)
		return perr(ps, "no sender (S line)");
	return 0;
}

int
queue_parse(const char *data, size_t len, const char *name,
    struct queue_file **qfp, SM_STR *why)
{
	struct pstate ps;

	memset(&ps, 0, sizeof(ps));
	ps.name = name == NULL ? "qf" : name;
	ps.why = why;
	*qfp = NULL;
	if (len > QUEUE_QF_MAX) {
		(void)perr(&ps, "larger than %d bytes", QUEUE_QF_MAX);
		errno = EFBIG;
		return -1;
	}
	if (len == 0) {
		(void)perr(&ps, "empty queue file");
		errno = ENODATA;
		return -1;
	}
	if (memchr(data, '\0', len) != NULL) {
		ps.line = 1;
		for (const char *p = data; *p != '\0'; p++)
			ps.line += *p == '\n';
		return perr(&ps, "NUL byte in queue file");
	}
	ps.qf = queue_file_new();
	ps.qf->qf_version = 0;
	if (parse_all(&ps, data, len) < 0) {
		queue_file_free(ps.qf);
		errno = EINVAL;
		return -1;
	}
	*qfp = ps.qf;
	return 0;
}

/* ---- writing --------------------------------------------------------------- */

/* A writer that remembers the first failure (OUT's maximum). */
struct writer {
	SM_STR	*out;
	int	 err;
};

static void
put(struct writer *w, const char *s, size_t n)
{
	if (w->err == 0 && sm_str_add(w->out, s, n) < 0)
		w->err = errno;
}

static void
putf(struct writer *w, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
putf(struct writer *w, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	if (w->err == 0 && sm_str_vaddf(w->out, fmt, ap) < 0)
		w->err = errno;
	va_end(ap);
}

/*
 * Put S so that it reads back the same: a newline becomes a space
 * (sendmail's denlstring); with HEADER, a newline followed by a space or
 * tab stays, as it starts a continuation line.  A CR before a line end
 * becomes a space too, since a reader takes CR LF for LF.
 */
static void
put_text(struct writer *w, const char *s, bool header)
{
	size_t n;

	while (*s != '\0') {
		n = strcspn(s, "\r\n");
		put(w, s, n);
		s += n;
		if (*s == '\r') {
			put(w, s[1] == '\n' || s[1] == '\0' ? " " : "\r", 1);
			s++;
		} else if (*s == '\n') {
			put(w, header && (s[1] == ' ' || s[1] == '\t') ? "\n" :
			    " ", 1);
			s++;
		}
	}
}

/* "Cvalue\n" line types: the letter, the text, a newline. */
static void
put_line(struct writer *w, int c, const char *s)
{
	char l = (char)c;

	if (s == NULL)
		return;
	put(w, &l, 1);
	put_text(w, s, false);
	put(w, "\n", 1);
}

static void
put_envelope(struct writer *w, const struct queue_file *qf)
{
	size_t i;

	putf(w, "V%d\nT%lld\nK%lld\nN%d\nP%ld\n", QUEUE_VERSION,
	    (long long)qf->qf_ctime, (long long)qf->qf_dtime, qf->qf_ntries,
	    qf->qf_priority);
	put_line(w, 'd', qf->qf_dfdir);
	if (qf->qf_has_dfino)
		putf(w, "I%ld/%ld/%llu\n", qf->qf_dfmajor, qf->qf_dfminor,
		    qf->qf_dfino);
	put_line(w, 'B', qf->qf_bodytype);
	if (!qf->qf_quarlate)
		put_line(w, 'q', qf->qf_quarmsg);
	put_line(w, 'M', qf->qf_message);
	if (qf->qf_flags != 0 || qf->qf_xflags != NULL) {
		put(w, "F", 1);
		for (i = 0; i < sizeof(fflags) / sizeof(fflags[0]); i++)
			if (qf->qf_flags & fflags[i].bit)
				put(w, &fflags[i].c, 1);
		if (qf->qf_xflags != NULL)
			put_text(w, qf->qf_xflags, false);
		put(w, "\n", 1);
	}
	for (i = 0; i < qf->qf_nmacros; i++) {
		put(w, "$", 1);
		put_text(w, qf->qf_macros[i].qv_name, false);
		put_text(w, qf->qf_macros[i].qv_value, false);
		put(w, "\n", 1);
	}
	if (qf->qf_quarlate)
		put_line(w, 'q', qf->qf_quarmsg);
	put_line(w, 'S', qf->qf_sender == NULL ? "" : qf->qf_sender);
	put_line(w, 'Z', qf->qf_envid);
	put_line(w, 'A', qf->qf_auth);
	if (qf->qf_dlvrflag != 0)
		putf(w, "!%c %ld\n", qf->qf_dlvrflag, qf->qf_deliverby);
}

/* The C line before R, written only when it changes (as sendmail does:
 * a bare "C" ends a run of recipients with a controlling user). */
static void
put_ctl(struct writer *w, const char **last, const char *ctl)
{
	if (ctl == NULL) {
		if (*last != NULL)
			put(w, "C\n", 2);
	} else if (*last == NULL || strcmp(*last, ctl) != 0)
		put_line(w, 'C', ctl);
	*last = ctl;
}

static void
put_rcpts(struct writer *w, const struct queue_file *qf)
{
	const char *last = NULL;
	size_t i, j;

	for (i = 0; i < qf->qf_nrcpts; i++) {
		const struct queue_rcpt *r = &qf->qf_rcpts[i];

		put_line(w, 'M', r->qr_message);
		put_ctl(w, &last, r->qr_ctl);
		put_line(w, 'Q', r->qr_orcpt);
		put_line(w, 'r', r->qr_final);
		put(w, "R", 1);
		for (j = 0; j < sizeof(rflags) / sizeof(rflags[0]); j++)
			if (r->qr_flags & rflags[j].bit)
				put(w, &rflags[j].c, 1);
		if (r->qr_xflags != NULL)
			put_text(w, r->qr_xflags, false);
		put(w, ":", 1);
		put_text(w, r->qr_addr, false);
		put(w, "\n", 1);
	}
}

static void
put_headers(struct writer *w, const struct queue_file *qf)
{
	size_t i;

	for (i = 0; i < qf->qf_nhdrs; i++) {
		const struct queue_header *h = &qf->qf_hdrs[i];

		put(w, "H", 1);
		if (h->qh_cond != NULL) {
			put(w, "?", 1);
			put_text(w, h->qh_cond, false);
			put(w, "?", 1);
		}
		put_text(w, h->qh_name, false);
		if (h->qh_value != NULL) {
			put(w, ":", 1);
			put_text(w, h->qh_value, true);
		}
		put(w, "\n", 1);
	}
}

int
queue_format(const struct queue_file *qf, SM_STR *out)
{
	struct writer w = { out, 0 };
	size_t start = sm_str_len(out);

	put_envelope(&w, qf);
	put_rcpts(&w, qf);
	put_headers(&w, qf);
	put(&w, ".\n", 2);
	if (w.err != 0) {
		sm_str_truncate(out, start);
		errno = w.err;
		return -1;
	}
	return 0;
}
