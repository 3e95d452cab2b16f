/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * queue_run.c -- looking at the whole queue: which messages a queue run
 * or mailq sees (queue_scan: -qI/-qR/-qS/-qQ selection, MinQueueAge,
 * QueueLA), in which order (queue_sort: QueueSortOrder), one pass of the
 * queue runner (queue_run) and sendmail's mailq listing (queue_print).
 *
 *	queue_select_add queue_select_free queue_scan queue_list_free
 *	queue_sort queue_run queue_print queue_print_total queue_quarantine
 *
 * The scan reads control files the way sendmail 8.17's gatherq does
 * (lines cut at 256 bytes, the first R line with an '@' gives the host)
 * and mailq prints them the way its print_single_queue does (lines read
 * in pieces of 2047 bytes, addresses cut with octal escapes), so that
 * "mailq" of Tern and of sendmail print the same for the same queue.
 * Runs in queue runners and in mailq, as the owner of the queue.
 */
#include "sendmail/queue.h"

#include "libsm/date.h"
#include "libsm/err.h"
#include "libsm/lock.h"
#include "libsm/log.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

/* sendmail's buffers: gatherq reads MAXNAME bytes of a line, mailq
 * MAXLINE - 1. */
#define GATHER_LINE	256
#define PRINT_LINE	2047

/* ---- selection ------------------------------------------------------------- */

int
queue_select_add(struct queue_select *s, const char *arg)
{
	struct queue_match *m;
	bool neg = false;

	if (*arg == '!') {
		neg = true;
		arg++;
	}
	if (*arg == '\0' || strchr("IRSQ", *arg) == NULL) {
		errno = EINVAL;
		return -1;
	}
	m = sm_calloc_x(1, sizeof(*m));
	m->qx_key = *arg;
	m->qx_negate = neg;
	m->qx_text = sm_strdup_x(arg + 1);
	m->qx_next = s->qs_list;
	s->qs_list = m;
	return 0;
}

void
queue_select_free(struct queue_select *s)
{
	struct queue_match *m, *next;

	for (m = s->qs_list; m != NULL; m = next) {
		next = m->qx_next;
		free(m->qx_text);
		free(m);
	}
	s->qs_list = NULL;
}

/* Bits for the keys of a selection. */
#define NEED_I	0x01
#define NEED_R	0x02
#define NEED_S	0x04
#define NEED_Q	0x08

static unsigned
keybit(int key)
{
	switch (key) {
	case 'I': return NEED_I;
	case 'R': return NEED_R;
	case 'S': return NEED_S;
	default: return NEED_Q;
	}
}

/* The keys S selects on. */
static unsigned
needs(const struct queue_select *s)
{
	const struct queue_match *m;
	unsigned n = 0;

	for (m = s == NULL ? NULL : s->qs_list; m != NULL; m = m->qx_next)
		n |= keybit(m->qx_key);
	return n;
}

/* Does an item of key KEY accept TEXT?  (One of them is enough.) */
static bool
matches(const struct queue_select *s, int key, const char *text,
    bool icase)
{
	const struct queue_match *m;

	for (m = s->qs_list; m != NULL; m = m->qx_next) {
		bool in;

		if (m->qx_key != key)
			continue;
		in = (icase ? strcasestr(text, m->qx_text) :
		    strstr(text, m->qx_text)) != NULL;
		if (in != m->qx_negate)
			return true;
	}
	return false;
}

/* ---- reading control files for the scan ------------------------------------ */

/* A whole file, read from FD (at most QUEUE_QF_MAX bytes). */
static SM_STR *
slurp(int fd)
{
	SM_STR *s = sm_str_new(0);
	ssize_t r;

	for (;;) {
		(void)sm_str_reserve(s, 65536);
		r = read(fd, sm_str_data(s) + sm_str_len(s), 65536);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0 || sm_str_len(s) + (size_t)r > QUEUE_QF_MAX) {
			if (r > 0)
				sm_str_setlen(s, sm_str_len(s) + (size_t)r);
			break;
		}
		sm_str_setlen(s, sm_str_len(s) + (size_t)r);
	}
	return s;
}

/*
 * The next piece of TEXT from *POS as fgets(3) with a buffer of MAX + 1
 * bytes gives it: up to MAX bytes, ending after a newline if one comes
 * first.  With SKIP, the rest of a longer line is dropped (gatherq).
 * The piece, without its "\n" or "\r\n", goes to LINE.
 */
static bool
piece(const SM_STR *text, size_t *pos, size_t max, bool skip, SM_STR *line)
{
	const char *d = sm_str_data(text);
	size_t len = sm_str_len(text), p = *pos, n;
	const char *nl;

	if (p >= len)
		return false;
	nl = memchr(d + p, '\n', len - p);
	n = nl == NULL ? len - p : (size_t)(nl - (d + p)) + 1;
	if (n > max) {
		n = max;
		nl = NULL;
	}
	(void)sm_str_set(line, d + p, n);
	if (nl != NULL) {
		sm_str_truncate(line, n - 1);
		if (sm_str_len(line) > 0 &&
		    sm_str_data(line)[sm_str_len(line) - 1] == '\r')
			sm_str_truncate(line, sm_str_len(line) - 1);
	}
	p += n;
	if (skip && nl == NULL && n == max) {
		nl = memchr(d + p, '\n', len - p);
		p = nl == NULL ? len : (size_t)(nl - d) + 1;
	}
	*pos = p;
	return true;
}

/* What the scan learns from one control file. */
struct scanned {
	long	pri;
	time_t	ctime, dtime;
	long	ntries;
	int	version;
	bool	has_q;
	unsigned got;		/* NEED_* satisfied */
	char	*host;
};

/* The domain of the first R line with an '@', reversed, lower case. */
static char *
rev_host(const char *at)
{
	size_t n = strlen(at), i;
	char *h = sm_malloc_x(n + 1);

	for (i = 0; i < n; i++) {
		char c = at[n - 1 - i];

		h[i] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
	}
	h[n] = '\0';
	return h;
}

static void
scan_line(struct scanned *sc, const char *l, const struct queue_scan_opts *o)
{
	const struct queue_select *s = o->qo_select;
	const char *p;

	switch (l[0]) {
	case 'V': sc->version = atoi(l + 1); break;
	case 'P': sc->pri = atol(l + 1); break;
	case 'T': sc->ctime = atol(l + 1); break;
	case 'K': sc->dtime = atol(l + 1); break;
	case 'N': sc->ntries = atol(l + 1); break;
	case 'q':
		sc->has_q = true;
		if (s != NULL && o->qo_letter == QUEUE_HF &&
		    matches(s, 'Q', l + 1, false))
			sc->got |= NEED_Q;
		break;
	case 'S':
		if (s != NULL && matches(s, 'S', l + 1, true))
			sc->got |= NEED_S;
		break;
	case 'R':
		if (sc->host == NULL && (p = strrchr(l + 1, '@')) != NULL)
			sc->host = rev_host(p + 1);
		p = l + 1;
		if (sc->version > 0 && strchr(p, ':') != NULL)
			p = strchr(p, ':') + 1;
		if (s != NULL && matches(s, 'R', p, true))
			sc->got |= NEED_R;
		break;
	}
}

/* Read the control file on FD into SC. */
static void
scan_file(int fd, struct scanned *sc, const struct queue_scan_opts *o)
{
	SM_STR *text = slurp(fd), *line = sm_str_new(0);
	size_t pos = 0;

	while (piece(text, &pos, GATHER_LINE, true, line))
		scan_line(sc, sm_str_data(line), o);
	sm_str_free(line);
	sm_str_free(text);
}

/* ---- the scan ----------------------------------------------------------------- */

static void
list_add(struct queue_list *l, size_t *cap, const struct queue_entry *e)
{
	if (l->ql_n == *cap) {
		*cap = *cap == 0 ? 64 : *cap * 2;
		l->ql_v = sm_reallocarray_x(l->ql_v, *cap, sizeof(*l->ql_v));
	}
	l->ql_v[l->ql_n++] = *e;
}

/*
 * Look at the control file NAME: fill E and say whether the scan keeps
 * it.  A file that vanished is dropped; one we may not open is kept only
 * by mailq (which says why).
 */
static bool
scan_entry(struct queue_dir *qd, const char *name,
    const struct queue_scan_opts *o, time_t now, struct queue_entry *e)
{
	unsigned need = needs(o->qo_select);
	struct scanned sc;
	struct stat st;
	int fd;

	memset(e, 0, sizeof(*e));
	memset(&sc, 0, sizeof(sc));
	(void)snprintf(e->qe_id, sizeof(e->qe_id), "%s", name + 2);
	if (fstatat(qd->qd_qffd, name, &st, AT_SYMLINK_NOFOLLOW) < 0 ||
	    !S_ISREG(st.st_mode))
		return false;
	if ((need & NEED_I) && matches(o->qo_select, 'I', name, false))
		sc.got |= NEED_I;
	if ((need & NEED_I) && !(sc.got & NEED_I))
		return false;
	e->qe_mtime = st.st_mtime;
	e->qe_pri = 0x7fffffff;		/* jobs in creation go last */
	fd = openat(qd->qd_qffd, name, O_RDONLY | O_CLOEXEC | O_NOFOLLOW |
	    O_NONBLOCK);
	if (fd < 0)
		return o->qo_all;
	e->qe_locked = sm_lock(fd, SM_LOCK_FLOCK, SM_LOCK_SH, 0, NULL) < 0;
	sc.pri = 0x7fffffff;
	scan_file(fd, &sc, o);
	(void)close(fd);
	e->qe_pri = sc.pri;
	e->qe_ctime = sc.ctime;
	e->qe_host = sc.host;
	e->qe_tooyoung = queue_too_young(now, sc.ctime, sc.dtime,
	    (int)sc.ntries, o->qo_minqueueage, o->qo_maxqueueage);
	if ((sc.has_q && (o->qo_letter == 0 || o->qo_letter == QUEUE_QF)) ||
	    (need & ~sc.got & (NEED_R | NEED_S | NEED_Q)) != 0 ||
	    (!o->qo_all && (e->qe_tooyoung || queue_shouldqueue(e->qe_pri,
	    o->qo_la, o->qo_queuela, o->qo_queuefactor)))) {
		free(e->qe_host);
		e->qe_host = NULL;
		return false;
	}
	return true;
}

int
queue_scan(struct queue_dir *qd, const struct queue_scan_opts *o,
    struct queue_list *l, SM_STR *why)
{
	int letter = o->qo_letter == 0 ? QUEUE_QF : o->qo_letter;
	time_t now = o->qo_now != 0 ? o->qo_now : time(NULL);
	struct queue_entry e;
	struct dirent *de;
	size_t cap = 0;
	int dfd;
	DIR *d;

	memset(l, 0, sizeof(*l));
	if ((dfd = dup(qd->qd_qffd)) < 0 || (d = fdopendir(dfd)) == NULL) {
		int er = errno;

		if (dfd >= 0)
			(void)close(dfd);
		errno = er;
		if (why != NULL) {
			sm_str_reset(why);
			(void)sm_str_addf(why, "cannot open \"%s\": %s",
			    qd->qd_path, strerror(er));
		}
		return -1;
	}
	rewinddir(d);
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] != letter || de->d_name[1] != 'f' ||
		    !queue_id_ok(de->d_name + 2))
			continue;
		if (scan_entry(qd, de->d_name, o, now, &e))
			list_add(l, &cap, &e);
	}
	(void)closedir(d);
	queue_sort(l->ql_v, l->ql_n, o->qo_sort);
	l->ql_matched = l->ql_n;
	if (o->qo_maxrun > 0 && l->ql_n > (size_t)o->qo_maxrun) {
		for (size_t i = (size_t)o->qo_maxrun; i < l->ql_n; i++)
			free(l->ql_v[i].qe_host);
		l->ql_n = (size_t)o->qo_maxrun;
	}
	return 0;
}

void
queue_list_free(struct queue_list *l)
{
	size_t i;

	for (i = 0; i < l->ql_n; i++)
		free(l->ql_v[i].qe_host);
	free(l->ql_v);
	memset(l, 0, sizeof(*l));
}

/* ---- sorting ------------------------------------------------------------------ */

static int
cmp_long(long a, long b)
{
	return a < b ? -1 : a > b;
}

/* Ties: submission time, then id -- a total order. */
static int
tie(const struct queue_entry *a, const struct queue_entry *b)
{
	int c = cmp_long((long)a->qe_ctime, (long)b->qe_ctime);

	return c != 0 ? c : strcmp(a->qe_id, b->qe_id);
}

static int
by_pri(const void *x, const void *y)
{
	const struct queue_entry *a = x, *b = y;
	int c = cmp_long(a->qe_pri, b->qe_pri);

	return c != 0 ? c : tie(a, b);
}

static int
by_time(const void *x, const void *y)
{
	const struct queue_entry *a = x, *b = y;

	return tie(a, b);
}

static int
by_mtime(const void *x, const void *y)
{
	const struct queue_entry *a = x, *b = y;
	int c = cmp_long((long)a->qe_mtime, (long)b->qe_mtime);

	return c != 0 ? c : tie(a, b);
}

static int
by_name(const void *x, const void *y)
{
	const struct queue_entry *a = x, *b = y;

	return strcmp(a->qe_id, b->qe_id);
}

/* Entries without a host first, then by host, ignoring case. */
static int
host_cmp(const struct queue_entry *a, const struct queue_entry *b)
{
	if (a->qe_host == NULL || b->qe_host == NULL)
		return (a->qe_host != NULL) - (b->qe_host != NULL);
	return strcasecmp(a->qe_host, b->qe_host);
}

/* First pass: host, then locked ones first, then priority. */
static int
by_host1(const void *x, const void *y)
{
	const struct queue_entry *a = x, *b = y;
	int c = host_cmp(a, b);

	if (c == 0)
		c = (int)b->qe_locked - (int)a->qe_locked;
	return c != 0 ? c : by_pri(a, b);
}

/* Second pass: unlocked hosts first, then host, then priority. */
static int
by_host2(const void *x, const void *y)
{
	const struct queue_entry *a = x, *b = y;
	int c = (int)a->qe_locked - (int)b->qe_locked;

	if (c == 0)
		c = host_cmp(a, b);
	return c != 0 ? c : by_pri(a, b);
}

/* Hosts with a message in delivery wait as a whole (sendmail's host
 * order): after the first pass, a locked entry locks the rest of its
 * host's run. */
static void
sort_host(struct queue_entry *v, size_t n)
{
	size_t i = 0, j;

	qsort(v, n, sizeof(*v), by_host1);
	while (i < n) {
		if (!v[i].qe_locked) {
			i++;
			continue;
		}
		for (j = i + 1; j < n && host_cmp(&v[i], &v[j]) == 0; j++)
			v[j].qe_locked = true;
		i = j;
	}
	qsort(v, n, sizeof(*v), by_host2);
}

static void
shuffle(struct queue_entry *v, size_t n)
{
	size_t i;

	for (i = n; i > 1; i--) {
		unsigned r;
		struct queue_entry t;
		size_t j;

		if (getrandom(&r, sizeof(r), GRND_NONBLOCK) != sizeof(r))
			r = (unsigned)rand();
		j = r % i;
		t = v[i - 1];
		v[i - 1] = v[j];
		v[j] = t;
	}
}

void
queue_sort(struct queue_entry *v, size_t n, int order)
{
	if (n < 2)
		return;
	switch (order) {
	case 'h': case 's': sort_host(v, n); break;
	case 't': qsort(v, n, sizeof(*v), by_time); break;
	case 'm': qsort(v, n, sizeof(*v), by_mtime); break;
	case 'f': qsort(v, n, sizeof(*v), by_name); break;
	case 'r': shuffle(v, n); break;
	case 'n': break;
	default: qsort(v, n, sizeof(*v), by_pri); break;
	}
}

/* ---- one queue run ------------------------------------------------------------- */

/* Lock, read and check one message; hand it to FN.  Returns FN's value,
 * or 0 when the message was skipped. */
static int
run_one(struct queue_dir *qd, const struct queue_scan_opts *o, time_t now,
    const struct queue_entry *e, queue_work_fn *fn, void *ctx,
    struct queue_run_stats *st)
{
	int letter = o->qo_letter == 0 ? QUEUE_QF : o->qo_letter;
	struct queue_file *qf;
	struct queue_msg m;
	SM_STR *why = sm_str_new(512);
	int fd = -1, rc = 0;

	if (queue_lock(qd, letter, e->qe_id, &m, why) < 0) {
		if (errno == EPERM) {
			(void)queue_lose(&m, sm_str_data(why));
			st->qr_lost++;
		} else
			st->qr_locked += errno == EWOULDBLOCK;
		sm_str_free(why);
		return 0;
	}
	if (queue_read(&m, &qf, why) < 0) {
		if (errno == ENODATA)
			queue_unlock(&m);	/* queue_clean's business */
		else {
			(void)queue_lose(&m, sm_str_data(why));
			st->qr_lost++;
		}
		sm_str_free(why);
		return 0;
	}
	sm_str_free(why);
	if (qf->qf_ntries > 0 && qf->qf_dtime <= now &&
	    now < qf->qf_dtime + o->qo_minqueueage) {
		st->qr_young++;
		queue_unlock(&m);
	} else if (qf->qf_dfdir == NULL && (fd = queue_df_open(&m)) < 0) {
		(void)queue_lose(&m, "data file missing");
		st->qr_lost++;
	} else {
		if (fd >= 0)
			(void)close(fd);
		st->qr_run++;
		rc = fn(&m, qf, ctx);
		queue_unlock(&m);
	}
	queue_file_free(qf);
	return rc;
}

int
queue_run(struct queue_dir *qd, const struct queue_scan_opts *o,
    queue_work_fn *fn, void *ctx, struct queue_run_stats *st, SM_STR *why)
{
	struct queue_run_stats s = { 0, 0, 0, 0 };
	struct queue_scan_opts so = *o;
	struct queue_list l;
	size_t i;
	int rc = 0;

	so.qo_all = false;
	if (so.qo_now == 0)
		so.qo_now = time(NULL);
	if (queue_clean(qd, so.qo_now, so.qo_orphanage > 0 ? so.qo_orphanage :
	    QUEUE_ORPHAN_AGE, NULL, why) < 0 || queue_scan(qd, &so, &l, why) < 0)
		return -1;
	for (i = 0; i < l.ql_n && rc == 0; i++)
		rc = run_one(qd, &so, so.qo_now, &l.ql_v[i], fn, ctx, &s);
	queue_list_free(&l);
	if (st != NULL)
		*st = s;
	return rc;
}

/* ---- mailq ----------------------------------------------------------------------- */

/*
 * Print S in at most ML columns: backslash doubled, printable ASCII as
 * is, anything else as \ooo.  An escape that does not fit is dropped.
 * (sendmail's prtstr, whose budget for an octal escape is 4.)
 */
static void
prtstr(FILE *out, const char *s, int ml)
{
	int c;

	while (ml-- > 0 && (c = (unsigned char)*s++) != '\0') {
		if (c == '\\') {
			if (ml-- > 0) {
				(void)putc('\\', out);
				(void)putc('\\', out);
			}
		} else if (c >= ' ' && c < 0x7f)
			(void)putc(c, out);
		else if ((ml -= 3) > 0)
			(void)fprintf(out, "\\%03o", c);
	}
}

/* The first 16 (or, from OFF, 12) characters of ctime(T), local time. */
static void
put_time(FILE *out, time_t t, int off, int n)
{
	char buf[SM_DATE_BUFSIZE];

	if (sm_date_ctime(t, buf, sizeof(buf)) < 0)
		(void)snprintf(buf, sizeof(buf), "%24s", "?");
	(void)fprintf(out, "%.*s", n, buf + off);
}

/* What one entry's lines say, as mailq collects them. */
struct pstat {
	int	qfver;
	time_t	submit;
	bool	warned;
	char	statmsg[PRINT_LINE + 1];
	char	quarmsg[PRINT_LINE + 1];
	char	bodytype[GATHER_LINE + 1];
};

static void
copy_cut(char *dst, size_t size, const char *src)
{
	(void)snprintf(dst, size, "%s", src);
}

/* The S line: size, time, sender, then quarantine and status. */
static void
print_sender(FILE *out, struct pstat *ps, const struct queue_entry *e,
    long dfsize, const char *sender, bool verbose)
{
	if (verbose) {
		(void)fprintf(out, "%8ld %10ld%c", dfsize, e->qe_pri,
		    ps->warned ? '+' : ' ');
		put_time(out, ps->submit, 4, 12);
		(void)fputc(' ', out);
		prtstr(out, sender, 78);
	} else {
		(void)fprintf(out, "%8ld ", dfsize);
		put_time(out, ps->submit, 0, 16);
		(void)fputc(' ', out);
		prtstr(out, sender, 39);
	}
	if (ps->quarmsg[0] != '\0') {
		(void)fprintf(out, "\n     QUARANTINE: %.*s", verbose ? 100 : 60,
		    ps->quarmsg);
		ps->quarmsg[0] = '\0';
	}
	if (ps->statmsg[0] != '\0' || ps->bodytype[0] != '\0') {
		(void)fprintf(out, "\n    %10.10s", ps->bodytype);
		if (ps->statmsg[0] != '\0')
			(void)fprintf(out, "   (%.*s)", verbose ? 100 : 60,
			    ps->statmsg);
		ps->statmsg[0] = '\0';
	}
}

static void
print_rcpt(FILE *out, struct pstat *ps, const char *l, bool verbose)
{
	const char *p = l;

	if (ps->qfver >= 1) {
		if ((p = strchr(p, ':')) == NULL)
			return;
		p++;
	}
	if (verbose) {
		(void)fputs("\n\t\t\t\t\t\t", out);
		prtstr(out, p, 71);
		if (ps->statmsg[0] != '\0') {
			(void)fprintf(out, "\n\t\t (%.100s)", ps->statmsg);
			ps->statmsg[0] = '\0';
		}
	} else {
		(void)fputs("\n\t\t\t\t\t ", out);
		prtstr(out, p, 38);
	}
}

static void
print_line(FILE *out, struct pstat *ps, const struct queue_entry *e,
    long dfsize, const char *l, bool verbose)
{
	switch (l[0]) {
	case 'V': ps->qfver = atoi(l + 1); break;
	case 'M': copy_cut(ps->statmsg, sizeof(ps->statmsg), l + 1); break;
	case 'q': copy_cut(ps->quarmsg, sizeof(ps->quarmsg), l + 1); break;
	case 'B': copy_cut(ps->bodytype, sizeof(ps->bodytype), l + 1); break;
	case 'T': ps->submit = atol(l + 1); break;
	case 'F': ps->warned |= strchr(l + 1, 'w') != NULL; break;
	case 'S': print_sender(out, ps, e, dfsize, l + 1, verbose); break;
	case 'R': print_rcpt(out, ps, l + 1, verbose); break;
	case 'C':
		if (verbose)
			(void)fprintf(out, "\n\t\t\t\t\t\t(---%.64s---)", l + 1);
		break;
	}
}

/* Size of the data file of the message ID, or -1. */
static long
df_size(struct queue_dir *qd, const char *id)
{
	char n[QUEUE_ID_SIZE + 2];
	struct stat st;

	if (queue_name(n, sizeof(n), QUEUE_DF, id) < 0 ||
	    fstatat(qd->qd_dffd, n, &st, 0) < 0)
		return -1;
	return (long)st.st_size;
}

/* The mark after the id: * locked, ? lost, - too young, X held. */
static int
mark(const struct queue_entry *e, const struct queue_scan_opts *o)
{
	if (e->qe_locked)
		return '*';
	if (o->qo_letter == QUEUE_LOST)
		return '?';
	if (e->qe_tooyoung)
		return '-';
	if (queue_shouldqueue(e->qe_pri, o->qo_la, o->qo_queuela,
	    o->qo_queuefactor))
		return 'X';
	return ' ';
}

static void
print_entry(FILE *out, struct queue_dir *qd, const struct queue_entry *e,
    const struct queue_scan_opts *o, bool verbose)
{
	int letter = o->qo_letter == 0 ? QUEUE_QF : o->qo_letter;
	char n[QUEUE_ID_SIZE + 2];
	struct pstat *ps;
	SM_STR *text, *line;
	size_t pos = 0;
	long dfsize;
	int fd;

	(void)fprintf(out, "%13s", e->qe_id);
	(void)queue_name(n, sizeof(n), letter, e->qe_id);
	fd = openat(qd->qd_qffd, n, O_RDONLY | O_CLOEXEC | O_NOFOLLOW |
	    O_NONBLOCK);
	if (fd < 0) {
		(void)fprintf(out, " (%s)\n", errno == ENOENT ?
		    "job completed" : errno == EPERM || errno == EACCES ?
		    "permission denied" : strerror(errno));
		return;
	}
	dfsize = df_size(qd, e->qe_id);
	(void)fputc(mark(e, o), out);
	ps = sm_calloc_x(1, sizeof(*ps));
	text = slurp(fd);
	(void)close(fd);
	line = sm_str_new(0);
	while (piece(text, &pos, PRINT_LINE, false, line))
		print_line(out, ps, e, dfsize, sm_str_data(line), verbose);
	if (ps->submit == 0)
		(void)fputs(" (no control file)", out);
	(void)fputc('\n', out);
	sm_str_free(line);
	sm_str_free(text);
	free(ps);
}

int
queue_print(FILE *out, struct queue_dir *qd, const struct queue_scan_opts *o,
    bool verbose, SM_STR *why)
{
	struct queue_scan_opts so = *o;
	struct queue_list l;
	size_t i;
	int n;

	so.qo_all = true;
	if (queue_scan(qd, &so, &l, why) < 0)
		return -1;
	n = (int)l.ql_matched;
	if (n == 0) {
		(void)fprintf(out, "%s is empty\n", qd->qd_path);
		queue_list_free(&l);
		return 0;
	}
	(void)fprintf(out, "\t\t%s (%d request%s", qd->qd_path, n,
	    n == 1 ? "" : "s");
	if (o->qo_maxrun > 0 && n > o->qo_maxrun)
		(void)fprintf(out, ", only %d printed", o->qo_maxrun);
	(void)fputs(verbose ?
	    ")\n-----Q-ID----- --Size-- -Priority- ---Q-Time--- "
	    "--------Sender/Recipient--------\n" :
	    ")\n-----Q-ID----- --Size-- -----Q-Time----- "
	    "------------Sender/Recipient-----------\n", out);
	for (i = 0; i < l.ql_n; i++)
		print_entry(out, qd, &l.ql_v[i], &so, verbose);
	queue_list_free(&l);
	return n;
}

void
queue_print_total(FILE *out, int n)
{
	(void)fprintf(out, "\t\tTotal requests: %d\n", n);
}

/* ---- quarantine (sendmail -Q) ------------------------------------------------- */

/* What one item's change was. */
enum quar_change { QUAR_NONE, QUAR_SET, QUAR_CHANGED, QUAR_CLEARED };

/* Decide and print (with VERBOSE) what -Q REASON does to a message whose
 * current reason is OLD (NULL: none). */
static enum quar_change
quar_decide(FILE *out, const char *id, const char *old, const char *reason,
    bool verbose)
{
	if (*reason == '\0') {
		if (old == NULL)
			return QUAR_NONE;
		if (verbose)
			(void)fprintf(out, "%s: Removed quarantine of \"%s\"\n",
			    id, old);
		return QUAR_CLEARED;
	}
	if (old == NULL) {
		if (verbose)
			(void)fprintf(out, "%s: Quarantined with \"%s\"\n", id,
			    reason);
		return QUAR_SET;
	}
	if (strcmp(old, reason) == 0) {
		if (verbose)
			(void)fprintf(out, "%s: Already quarantined with "
			    "\"%s\"\n", id, old);
		return QUAR_NONE;
	}
	if (verbose)
		(void)fprintf(out, "%s: Quarantine changed from \"%s\" to "
		    "\"%s\"\n", id, old, reason);
	return QUAR_CHANGED;
}

/* -Q REASON on the message ID (its control file LETTER 'q' or 'h'):
 * rewrite it with the new q line (queue_rewrite moves qf <-> hf).
 * Returns 1 for a change, 0 for none. */
static int
quar_one(FILE *out, struct queue_dir *qd, int letter, const char *id,
    const char *reason, bool verbose)
{
	SM_STR *why = sm_str_new(256);
	struct queue_file *qf = NULL;
	struct queue_msg m;
	enum quar_change c = QUAR_NONE;

	if (queue_lock(qd, letter, id, &m, why) < 0) {
		if (errno == EWOULDBLOCK && verbose)
			(void)fprintf(out, "%s: locked\nSkipping ./%s\n", id,
			    id);
		if (errno == EPERM)
			queue_unlock(&m);
		sm_str_free(why);
		return 0;
	}
	if (queue_read(&m, &qf, why) == 0) {
		c = quar_decide(out, id, qf->qf_quarmsg, reason, verbose);
		if (c != QUAR_NONE) {
			qf->qf_quarmsg = c == QUAR_CLEARED ? NULL :
			    sm_rpool_strdup_x(qf->qf_pool, reason);
			qf->qf_quarlate = true;	/* -Q puts it before S */
			if (queue_rewrite(&m, qf, why) < 0) {
				sm_log(LOG_ERR, id, "quarantine: %s",
				    sm_str_data(why));
				c = QUAR_NONE;
			} else if (c == QUAR_CLEARED)
				sm_log(LOG_INFO, id, "unquarantine");
			else
				sm_log(LOG_INFO, id, "quarantine=%s", reason);
		}
	}
	queue_file_free(qf);
	queue_unlock(&m);
	sm_str_free(why);
	return c != QUAR_NONE;
}

int
queue_quarantine(FILE *out, struct queue_dir *qd,
    const struct queue_scan_opts *o, const char *reason, bool verbose,
    SM_STR *why)
{
	struct queue_scan_opts so = *o;
	struct queue_list l;
	size_t i;
	int n = 0;

	if (so.qo_letter == 0)
		so.qo_letter = QUEUE_QF;
	so.qo_all = true;
	so.qo_sort = 'n';	/* sendmail changes them in directory order */
	so.qo_maxrun = 0;
	if (queue_scan(qd, &so, &l, why) < 0)
		return -1;
	if (verbose)
		(void)fprintf(out, l.ql_n == 0 ? "%s: no matches\n" :
		    "Processing %s:\n", qd->qd_path);
	for (i = 0; i < l.ql_n; i++)
		n += quar_one(out, qd, so.qo_letter, l.ql_v[i].qe_id, reason,
		    verbose);
	queue_list_free(&l);
	if (verbose && n == 0)
		(void)fputs("No changes\n", out);
	else if (verbose)
		(void)fprintf(out, "%d change%s\n", n, n == 1 ? "" : "s");
	return n;
}
