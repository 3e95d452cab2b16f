/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * t_mbox.c -- sendmail/mbox: appending to a Berkeley mbox.
 *
 * Expected mailbox bytes come from Debian's mail.local (sendmail-bin
 * 8.17.1.9-2+deb12u2, "-f sender@example.org alice" with a scratch
 * /var/mail) for the MBOX_F_CLEN rows, and from procmail 3.22 -Y for the
 * ">From " escaping of the default rows (with mail.local's "From " line:
 * one space before the date).  Dates are taken in TZ=UTC.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

#include "libsm/str.h"
#include "sendmail/mbox.h"
#include "test/unit/t.h"

#define B(s)	s, sizeof(s) - 1
/* t_assert_memeq against a string literal */
#define T_MEMEQ_S(g, gl, s) t_assert_memeq(g, gl, s, sizeof(s) - 1)
#define T0	((time_t)1795311887)	/* Sun Nov 22 01:44:47 2026 UTC */
#define FROM0	"From sender@example.org Sun Nov 22 01:44:47 2026\n"

static char dir[1024];
static int seq;

static void
newpath(char *buf, size_t size, const char *tag)
{
	(void)snprintf(buf, size, "%s/%s.%d", dir, tag, ++seq);
}

static void
opts_default(struct mbox_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->mo_uid = (uid_t)-1;
	o->mo_gid = (gid_t)-1;
	o->mo_mode = 0600;
	o->mo_lock_ms = 2000;
	o->mo_stale_secs = 300;
}

/* The whole file, malloc'd, NUL-terminated; *lenp its length. */
static char *
slurp(const char *path, size_t *lenp)
{
	SM_STR *s = sm_str_new(0);
	char buf[65536];
	ssize_t n;
	int fd = open(path, O_RDONLY);

	if (fd >= 0) {
		while ((n = read(fd, buf, sizeof(buf))) > 0)
			(void)sm_str_add(s, buf, (size_t)n);
		(void)close(fd);
	}
	return sm_str_export(s, lenp);
}

static void
write_file(const char *path, const char *p, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

	if (fd >= 0) {
		if (write(fd, p, len) != (ssize_t)len)
			(void)unlink(path);
		(void)close(fd);
	}
}

static int
append(const char *path, const char *hdr, size_t hlen, const char *body,
    size_t blen, unsigned int flags, const char **why)
{
	struct mbox_opts o;
	struct mbox_msg m = { "sender@example.org", T0, hdr, hlen, -1, body,
	    blen };

	opts_default(&o);
	o.mo_flags = flags;
	*why = "";
	return mbox_append(path, &m, &o, why);
}

/* ---- the table: one message into a new mailbox ---- */

struct row {
	const char	*name;
	unsigned int	flags;
	const char	*hdr;
	size_t		hlen;
	const char	*body;
	size_t		blen;
	const char	*want;		/* after the "From " line */
	size_t		wlen;
};

static const struct row rows[] = {
{ "escaping: only lines starting \"From \" (procmail -Y)", 0,
  B("Subject: s\n"),
  B("body\nFrom me\n>From you\n>>From x\nfrom lower\n From sp\nFrom\nlast\n"),
  B("Subject: s\n\nbody\n>From me\n>From you\n>>From x\nfrom lower\n"
    " From sp\nFrom\nlast\n\n") },
{ "escaping: after blank lines, first body line", 0, B("Subject: s\n"),
  B("From first\nbody\n\nFrom after blank\n\n>From after blank2\n\nFromx\n\n"
    "From\n\n From\n"),
  B("Subject: s\n\n>From first\nbody\n\n>From after blank\n\n"
    ">From after blank2\n\nFromx\n\nFrom\n\n From\n\n") },
{ "no final newline: one is added", 0, B("Subject: s\n"), B("last"),
  B("Subject: s\n\nlast\n\n") },
{ "empty body", 0, B("Subject: s\n"), B(""), B("Subject: s\n\n\n") },
{ "8-bit and NUL kept", 0, B("Subject: s\n"), B("nul\0byte \xe9\n"),
  B("Subject: s\n\nnul\0byte \xe9\n\n") },
{ "\"From\" alone at the end is not escaped", 0, B("S: s\n"),
  B("From"), B("S: s\n\nFrom\n\n") },
{ "Content-Length (mail.local)", MBOX_F_CLEN, B("Subject: s\n"),
  B("body\nFrom me\nlast\n"),
  B("Subject: s\nContent-Length: 18\n\nbody\nFrom me\nlast\n\n") },
{ "Content-Length: old one dropped (mail.local)", MBOX_F_CLEN,
  B("Subject: s\nContent-Length: 999\nX: y\n"), B("body\n"),
  B("Subject: s\nX: y\nContent-Length: 5\n\nbody\n\n") },
{ "Content-Length: folded old one dropped", MBOX_F_CLEN,
  B("Subject: s\ncontent-length:\n 999\nX: y\n"), B("body\n"),
  B("Subject: s\nX: y\nContent-Length: 5\n\nbody\n\n") },
{ "Content-Length: empty body (mail.local)", MBOX_F_CLEN,
  B("Subject: s\n"), B(""), B("Subject: s\nContent-Length: 0\n\n\n") },
{ "Content-Length: blank lines only (mail.local)", MBOX_F_CLEN,
  B("Subject: s\n"), B("\n\n"),
  B("Subject: s\nContent-Length: 2\n\n\n\n\n") },
{ "Content-Length: body lines not escaped (mail.local)", MBOX_F_CLEN,
  B("Subject: s\n"), B("From first\nbody\n\nFrom after blank\n"),
  B("Subject: s\nContent-Length: 34\n\nFrom first\nbody\n\n"
    "From after blank\n\n") },
{ "Content-Length: header line \"From \" escaped (mail.local)",
  MBOX_F_CLEN, B("From start\nSubject: s\n"), B("body\n"),
  B(">From start\nSubject: s\nContent-Length: 5\n\nbody\n\n") },
{ "Content-Length counts an added newline", MBOX_F_CLEN,
  B("Subject: s\n"), B("last"),
  B("Subject: s\nContent-Length: 5\n\nlast\n\n") },
{ "header block without final newline gets one", 0, B("Subject: s"),
  B("b\n"), B("Subject: s\n\nb\n\n") },
};

static void
test_rows(void)
{
	const struct row *w;
	char path[1200], want[4096];
	const char *why;
	size_t len, wl;
	char *got;
	int rc;

	for (w = rows; w < rows + sizeof(rows) / sizeof(rows[0]); w++) {
		t_begin("mbox: %s", w->name);
		newpath(path, sizeof(path), "row");
		rc = append(path, w->hdr, w->hlen, w->body, w->blen, w->flags,
		    &why);
		t_assert_cmp(rc, ==, EX_OK);
		wl = strlen(FROM0);
		memcpy(want, FROM0, wl);
		memcpy(want + wl, w->want, w->wlen);
		wl += w->wlen;
		got = slurp(path, &len);
		t_assert_memeq(got, len, want, wl);
		free(got);
		t_end();
	}
}

/* ---- single cases ---- */

static void
test_fromline(void)
{
	char buf[200];

	t_assert_cmp(mbox_fromline(buf, sizeof(buf), "u@h", T0), ==,
	    (int)strlen("From u@h Sun Nov 22 01:44:47 2026\n"));
	t_assert_streq(buf, "From u@h Sun Nov 22 01:44:47 2026\n");
	/* ctime(3): the day of month padded with a space */
	(void)mbox_fromline(buf, sizeof(buf), "u@h", (time_t)1793523907);
	t_assert_streq(buf, "From u@h Sun Nov  1 09:05:07 2026\n");
	(void)mbox_fromline(buf, sizeof(buf), "", T0);
	t_assert_streq(buf, "From MAILER-DAEMON Sun Nov 22 01:44:47 2026\n");
	(void)mbox_fromline(buf, sizeof(buf), NULL, T0);
	t_assert_streq(buf, "From MAILER-DAEMON Sun Nov 22 01:44:47 2026\n");
	(void)mbox_fromline(buf, sizeof(buf), "a\nFrom b\r\x7f", T0);
	t_assert_streq(buf, "From a_From b__ Sun Nov 22 01:44:47 2026\n");
	errno = 0;
	t_assert_cmp(mbox_fromline(buf, 20, "u@h", T0), ==, -1);
	t_assert_cmp(errno, ==, ERANGE);
}

static void
test_path(void)
{
	const char *why = NULL;
	char *p;

	p = mbox_path("/var/mail", "alice", &why);
	t_assert_streq(p, "/var/mail/alice");
	free(p);
	t_assert(mbox_path("/var/mail", "../etc/passwd", &why) == NULL);
	t_assert(why != NULL);
	t_assert(mbox_path("/var/mail", "a/b", &why) == NULL);
	t_assert(mbox_path("/var/mail", "", &why) == NULL);
	t_assert(mbox_path("/var/mail", ".", &why) == NULL);
	t_assert(mbox_path("/var/mail", "..", &why) == NULL);
	t_assert(mbox_path("/var/mail", "a\nb", &why) == NULL);
	t_assert(mbox_path("/var/mail", NULL, &why) == NULL);
	p = mbox_path("/var/mail", ".alice", &why);
	t_assert_streq(p, "/var/mail/.alice");
	free(p);
}

/* Two messages; a mode-0600 file; the second right after the first. */
static void
test_two_appends(void)
{
	char path[1200];
	const char *why;
	struct stat st;
	size_t len;
	char *got;

	newpath(path, sizeof(path), "two");
	t_assert_cmp(append(path, B("S: 1\n"), B("one\n"), 0, &why), ==, EX_OK);
	t_assert_cmp(append(path, B("S: 2\n"), B("two"), 0, &why), ==, EX_OK);
	got = slurp(path, &len);
	T_MEMEQ_S(got, len, FROM0 "S: 1\n\none\n\n" FROM0
	    "S: 2\n\ntwo\n\n");
	free(got);
	t_require(stat(path, &st) == 0);
	t_assert_cmp(st.st_mode & 07777, ==, 0600);
	t_assert_cmp(st.st_nlink, ==, 1);
	/* the dot-lock is gone */
	(void)snprintf(path + strlen(path), sizeof(path) - strlen(path),
	    ".lock");
	t_assert(access(path, F_OK) < 0);
}

/* A mailbox cut short (a crash) gets the newlines a separator needs. */
static void
test_mend_tail(void)
{
	static const struct {
		const char *old, *sep;
	} cases[] = {
		{ "From x Sun Nov 22 01:44:47 2026\nS: 1\n\ncut", "\n\n" },
		{ "From x Sun Nov 22 01:44:47 2026\nS: 1\n\ncut\n", "\n" },
		{ "From x Sun Nov 22 01:44:47 2026\nS: 1\n\ncut\n\n", "" },
		{ "x", "\n\n" },
		{ "\n", "" },
	};
	char path[1200], want[512];
	const char *why;
	size_t i, len;
	char *got;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		newpath(path, sizeof(path), "mend");
		write_file(path, cases[i].old, strlen(cases[i].old));
		t_assert_cmp(append(path, B("S: 2\n"), B("b\n"), 0, &why), ==,
		    EX_OK);
		(void)snprintf(want, sizeof(want), "%s%s" FROM0 "S: 2\n\nb\n\n",
		    cases[i].old, cases[i].sep);
		got = slurp(path, &len);
		t_assert_memeq(got, len, want, strlen(want));
		free(got);
	}
}

/* The body from a df descriptor, from its current offset on. */
static void
test_body_fd(void)
{
	char path[1200], df[1200];
	struct mbox_opts o;
	struct mbox_msg m = { "sender@example.org", T0, B("S: s\n"), -1,
	    NULL, 0 };
	const char *why;
	size_t len;
	char *got;
	int fd;

	newpath(path, sizeof(path), "fd");
	newpath(df, sizeof(df), "df");
	write_file(df, B("SKIP\nFrom here\nFro"));
	fd = open(df, O_RDONLY);
	t_require(fd >= 0);
	t_require(lseek(fd, 5, SEEK_SET) == 5);
	m.mm_bodyfd = fd;
	opts_default(&o);
	t_assert_cmp(mbox_append(path, &m, &o, &why), ==, EX_OK);
	t_require(lseek(fd, 5, SEEK_SET) == 5);
	o.mo_flags = MBOX_F_CLEN;
	t_assert_cmp(mbox_append(path, &m, &o, &why), ==, EX_OK);
	got = slurp(path, &len);
	T_MEMEQ_S(got, len, FROM0 "S: s\n\n>From here\nFro\n\n"
	    FROM0 "S: s\nContent-Length: 14\n\nFrom here\nFro\n\n");
	free(got);
	(void)close(fd);
	/* a body that cannot be read: nothing is left behind */
	fd = open(dir, O_RDONLY | O_DIRECTORY);
	t_require(fd >= 0);
	m.mm_bodyfd = fd;
	o.mo_flags = 0;
	t_assert_cmp(mbox_append(path, &m, &o, &why), ==, EX_IOERR);
	got = slurp(path, &len);
	t_assert_cmp(len, ==, 2 * strlen(FROM0) + 22 + 40);
	free(got);
	(void)close(fd);
}

/* A 10 MB body with "From " lines in it, streamed from a file. */
static void
test_big(void)
{
	SM_STR *body = sm_str_new(0), *want = sm_str_new(0);
	char path[1200], df[1200], line[100];
	struct mbox_opts o;
	struct mbox_msg m = { "s@h", T0, B("S: big\n"), -1, NULL, 0 };
	const char *why;
	size_t len;
	char *got;
	int i, n, fd;

	(void)sm_str_adds(want, "From s@h Sun Nov 22 01:44:47 2026\nS: big\n\n");
	for (i = 0; sm_str_len(body) < 10 * 1024 * 1024; i++) {
		n = snprintf(line, sizeof(line), "%s line %07d \xe9\n",
		    i % 3 == 0 ? "From" : "Fro", i);
		(void)sm_str_add(body, line, (size_t)n);
		if (i % 3 == 0)
			(void)sm_str_addc(want, '>');
		(void)sm_str_add(want, line, (size_t)n);
	}
	(void)sm_str_addc(want, '\n');
	newpath(path, sizeof(path), "big");
	newpath(df, sizeof(df), "bigdf");
	write_file(df, sm_str_data(body), sm_str_len(body));
	fd = open(df, O_RDONLY);
	t_require(fd >= 0);
	m.mm_bodyfd = fd;
	opts_default(&o);
	t_assert_cmp(mbox_append(path, &m, &o, &why), ==, EX_OK);
	got = slurp(path, &len);
	t_assert_memeq(got, len, sm_str_data(want), sm_str_len(want));
	free(got);
	(void)close(fd);
	sm_str_free(body);
	sm_str_free(want);
}

/* Not a plain file with one link and the right owner: refused. */
static void
test_refusals(void)
{
	char path[1200], other[1200];
	struct mbox_opts o;
	struct mbox_msg m = { "s@h", T0, B("S: s\n"), -1, B("b\n") };
	const char *why;
	size_t len;
	char *got;

	opts_default(&o);
	newpath(other, sizeof(other), "target");
	write_file(other, B("keep"));
	newpath(path, sizeof(path), "symlink");
	t_require(symlink(other, path) == 0);
	t_assert_cmp(mbox_append(path, &m, &o, &why), ==, EX_CANTCREAT);
	t_assert_streq(why, "mailbox is not a plain file");
	newpath(path, sizeof(path), "dangling");
	t_require(symlink("/nonexistent/x", path) == 0);
	t_assert_cmp(mbox_append(path, &m, &o, &why), ==, EX_CANTCREAT);
	newpath(path, sizeof(path), "hardlink");
	t_require(link(other, path) == 0);
	t_assert_cmp(mbox_append(path, &m, &o, &why), ==, EX_CANTCREAT);
	t_assert_streq(why, "mailbox has more than one link");
	got = slurp(other, &len);
	T_MEMEQ_S(got, len, "keep");
	free(got);
	newpath(path, sizeof(path), "fifo");
	t_require(mkfifo(path, 0600) == 0);
	t_assert_cmp(mbox_append(path, &m, &o, &why), ==, EX_CANTCREAT);
	newpath(path, sizeof(path), "dir");
	t_require(mkdir(path, 0700) == 0);
	t_assert_cmp(mbox_append(path, &m, &o, &why), ==, EX_CANTCREAT);
	newpath(path, sizeof(path), "owner");
	write_file(path, B(""));
	o.mo_uid = getuid() + 1;
	t_assert_cmp(mbox_append(path, &m, &o, &why), ==, EX_CANTCREAT);
	t_assert_streq(why, "mailbox has the wrong owner");
	o.mo_uid = getuid();
	t_assert_cmp(mbox_append(path, &m, &o, &why), ==, EX_OK);
	(void)snprintf(path, sizeof(path), "%s/nodir/box", dir);
	t_assert_cmp(mbox_append(path, &m, &o, &why), ==, EX_TEMPFAIL);
	o.mo_flags = MBOX_F_NODOTLOCK;
	t_assert_cmp(mbox_append(path, &m, &o, &why), ==, EX_CANTCREAT);
	t_assert_streq(why, "cannot create mailbox");
}

/* As root: a new mailbox belongs to the user, mode 0600 whatever umask. */
static void
test_owner(void)
{
	char path[1200];
	struct mbox_opts o;
	struct mbox_msg m = { "s@h", T0, B("S: s\n"), -1, B("b\n") };
	const char *why;
	struct stat st;
	mode_t old;

	if (geteuid() != 0) {
		t_skip("not root");
		return;
	}
	opts_default(&o);
	o.mo_uid = 1001;
	o.mo_gid = 1001;
	newpath(path, sizeof(path), "owned");
	old = umask(077);
	t_assert_cmp(mbox_append(path, &m, &o, &why), ==, EX_OK);
	(void)umask(old);
	t_require(stat(path, &st) == 0);
	t_assert_cmp(st.st_uid, ==, 1001);
	t_assert_cmp(st.st_gid, ==, 1001);
	t_assert_cmp(st.st_mode & 07777, ==, 0600);
	/* the user's own box is accepted again; someone else's is not */
	t_assert_cmp(mbox_append(path, &m, &o, &why), ==, EX_OK);
	o.mo_uid = 1002;
	t_assert_cmp(mbox_append(path, &m, &o, &why), ==, EX_CANTCREAT);
}

/* A child holds a lock until told to go; returns its pid (write fd). */
static pid_t
holder(const char *path, int *gofd)
{
	int up[2], down[2];
	struct flock fl;
	char c;
	pid_t pid;
	int fd;

	if (pipe(up) < 0 || pipe(down) < 0)
		return -1;
	pid = fork();
	if (pid == 0) {
		(void)close(up[0]);
		(void)close(down[1]);
		fd = open(path, O_RDWR | O_CREAT, 0600);
		memset(&fl, 0, sizeof(fl));
		fl.l_type = F_WRLCK;
		fl.l_whence = SEEK_SET;
		if (fd < 0 || fcntl(fd, F_SETLK, &fl) < 0)
			_exit(1);
		if (write(up[1], "x", 1) != 1 || read(down[0], &c, 1) < 0)
			_exit(1);
		_exit(0);
	}
	(void)close(up[1]);
	(void)close(down[0]);
	if (read(up[0], &c, 1) != 1) {
		(void)close(up[0]);
		(void)close(down[1]);
		return -1;
	}
	(void)close(up[0]);
	*gofd = down[1];
	return pid;
}

static void
test_locked(void)
{
	char path[1200], lock[1300];
	struct mbox_opts o;
	struct mbox_msg m = { "s@h", T0, B("S: s\n"), -1, B("b\n") };
	struct timespec old[2] = { { 1000000000, 0 }, { 1000000000, 0 } };
	const char *why;
	struct stat st;
	int go;
	pid_t pid, helper;

	opts_default(&o);
	o.mo_lock_ms = 300;
	newpath(path, sizeof(path), "locked");
	pid = holder(path, &go);
	t_require(pid > 0);
	t_assert_cmp(mbox_append(path, &m, &o, &why), ==, EX_TEMPFAIL);
	t_assert_streq(why, "mailbox is locked");
	t_require(stat(path, &st) == 0);
	t_assert_cmp(st.st_size, ==, 0);
	(void)close(go);
	(void)waitpid(pid, NULL, 0);
	t_assert_cmp(mbox_append(path, &m, &o, &why), ==, EX_OK);
	/* a fresh dot-lock of another program */
	(void)snprintf(lock, sizeof(lock), "%s.lock", path);
	write_file(lock, B("12345\n"));
	t_assert_cmp(mbox_append(path, &m, &o, &why), ==, EX_TEMPFAIL);
	t_assert_streq(why, "mailbox is locked (dot-lock)");
	t_assert(access(lock, F_OK) == 0);
	/* ... ignored with MBOX_F_NODOTLOCK, broken once stale */
	o.mo_flags = MBOX_F_NODOTLOCK;
	t_assert_cmp(mbox_append(path, &m, &o, &why), ==, EX_OK);
	o.mo_flags = 0;
	t_require(utimensat(AT_FDCWD, lock, old, 0) == 0);
	t_assert_cmp(mbox_append(path, &m, &o, &why), ==, EX_OK);
	t_assert(access(lock, F_OK) < 0);
	/* a holder that lets go while we wait (its last "go" descriptor
	 * closes when the helper exits): we get in */
	pid = holder(path, &go);
	t_require(pid > 0);
	helper = fork();
	if (helper == 0) {
		(void)usleep(200000);
		_exit(0);
	}
	(void)close(go);
	o.mo_lock_ms = 5000;
	t_assert_cmp(mbox_append(path, &m, &o, &why), ==, EX_OK);
	(void)waitpid(pid, NULL, 0);
	(void)waitpid(helper, NULL, 0);
}

/* Forked writers never interleave: every message comes out whole. */
static void
concurrent(const char *linefile)
{
	enum { KIDS = 6, EACH = 15 };
	char path[1200], hdr[64];
	struct mbox_opts o;
	struct mbox_msg m;
	SM_STR *body;
	const char *why, *p, *e;
	size_t len;
	char *got;
	int k, i, j, n, bad = 0, status, count = 0;
	pid_t pids[KIDS];

	newpath(path, sizeof(path), "concurrent");
	opts_default(&o);
	o.mo_lock_ms = 60000;
	for (k = 0; k < KIDS; k++) {
		pids[k] = fork();
		t_require(pids[k] >= 0);
		if (pids[k] > 0)
			continue;
		if (linefile != NULL) {	/* each its own open file */
			o.mo_flags |= MBOX_F_QUEUE;
			o.mo_queuefd = open(linefile, O_RDWR | O_CREAT, 0600);
			if (o.mo_queuefd < 0)
				_exit(1);
		}
		for (i = 0; i < EACH; i++) {
			body = sm_str_new(0);
			for (j = 0; j < 200 + (i * 7919) % 5000; j++)
				(void)sm_str_addf(body, "k%d m%d line %d\n",
				    k, i, j);
			n = snprintf(hdr, sizeof(hdr), "X-Id: %d.%d\n", k, i);
			memset(&m, 0, sizeof(m));
			m.mm_sender = "s@h";
			m.mm_time = T0;
			m.mm_hdr = hdr;
			m.mm_hdrlen = (size_t)n;
			m.mm_bodyfd = -1;
			m.mm_body = sm_str_data(body);
			m.mm_bodylen = sm_str_len(body);
			if (mbox_append(path, &m, &o, &why) != EX_OK)
				_exit(1);
			sm_str_free(body);
		}
		_exit(0);
	}
	for (k = 0; k < KIDS; k++) {
		(void)waitpid(pids[k], &status, 0);
		t_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	}
	got = slurp(path, &len);
	/* each message: From line, X-Id k.i, blank, lines "kK mI ...", blank */
	for (p = got, e = got + len; p < e; count++) {
		if (strncmp(p, "From s@h ", 9) != 0 ||
		    sscanf(strchr(p, '\n') + 1, "X-Id: %d.%d", &k, &i) != 2) {
			bad++;
			break;
		}
		p = strstr(p, "\n\n") + 2;
		while (p < e && *p != '\n') {
			if (sscanf(p, "k%d m%d", &n, &j) != 2 || n != k || j != i)
				bad++;
			p = strchr(p, '\n') + 1;
		}
		p++;
	}
	t_assert_cmp(bad, ==, 0);
	t_assert_cmp(count, ==, KIDS * EACH);
	free(got);
}

/* A write that fails half-way (file size limit: EFBIG) cuts back. */
static void
test_efbig(void)
{
	char path[1200];
	struct rlimit old, rl;
	const char *why;
	static char big[300000];
	struct stat st;
	size_t len;
	char *got;
	int rc;

	newpath(path, sizeof(path), "efbig");
	t_assert_cmp(append(path, B("S: 1\n"), B("first\n"), 0, &why), ==,
	    EX_OK);
	t_require(stat(path, &st) == 0);
	memset(big, 'x', sizeof(big));
	big[sizeof(big) - 1] = '\n';
	t_require(getrlimit(RLIMIT_FSIZE, &old) == 0);
	rl = old;
	rl.rlim_cur = 100000;
	(void)signal(SIGXFSZ, SIG_IGN);
	t_require(setrlimit(RLIMIT_FSIZE, &rl) == 0);
	rc = append(path, B("S: 2\n"), big, sizeof(big), 0, &why);
	(void)setrlimit(RLIMIT_FSIZE, &old);
	t_assert_cmp(rc, ==, EX_TEMPFAIL);
	t_assert_streq(why, "write error on mailbox");
	got = slurp(path, &len);
	T_MEMEQ_S(got, len, FROM0 "S: 1\n\nfirst\n\n");
	free(got);
}

/* A full disk (a 64 KB tmpfs in a private mount namespace). */
static void
test_enospc(void)
{
	char mnt[1200], path[1300];
	static char big[200000];
	const char *why;
	size_t len;
	char *got;
	int rc;

	(void)snprintf(mnt, sizeof(mnt), "%s/small", dir);
	if (mkdir(mnt, 0700) < 0 || unshare(CLONE_NEWNS) < 0 ||
	    mount("none", "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0 ||
	    mount("tmpfs", mnt, "tmpfs", 0, "size=64k") < 0) {
		t_skip("cannot mount a small tmpfs (needs root): %s",
		    strerror(errno));
		return;
	}
	(void)snprintf(path, sizeof(path), "%s/alice", mnt);
	t_assert_cmp(append(path, B("S: 1\n"), B("first\n"), 0, &why), ==,
	    EX_OK);
	memset(big, 'y', sizeof(big));
	big[sizeof(big) - 1] = '\n';
	rc = append(path, B("S: 2\n"), big, sizeof(big), 0, &why);
	t_assert_cmp(rc, ==, EX_TEMPFAIL);
	t_assert_streq(why, "no space left for the mailbox");
	got = slurp(path, &len);
	T_MEMEQ_S(got, len, FROM0 "S: 1\n\nfirst\n\n");
	free(got);
	/* and the box still takes a message that fits */
	t_assert_cmp(append(path, B("S: 3\n"), B("third\n"), 0, &why), ==,
	    EX_OK);
	got = slurp(path, &len);
	T_MEMEQ_S(got, len, FROM0 "S: 1\n\nfirst\n\n" FROM0
	    "S: 3\n\nthird\n\n");
	free(got);
	(void)umount(mnt);
}

static void
test_concurrent(void)
{
	concurrent(NULL);
}

static void
test_concurrent_line(void)
{
	char line[1200];

	newpath(line, sizeof(line), "line");
	concurrent(line);
}

/*
 * MBOX_F_QUEUE: while another process holds the line (here: the whole
 * lock file, so whatever byte the mailbox maps to), we wait, and get in
 * once it lets go.
 */
static void
test_line_wait(void)
{
	char path[1200], line[1200];
	struct mbox_opts o;
	struct mbox_msg m = { "s@h", T0, B("S: s\n"), -1, B("b\n") };
	const char *why = NULL;
	struct pollfd pf;
	char *got;
	size_t len;
	int up[2], st = 0;
	char c = '?';
	pid_t pid;

	newpath(path, sizeof(path), "linewait");
	newpath(line, sizeof(line), "line");
	opts_default(&o);
	o.mo_flags = MBOX_F_QUEUE;
	o.mo_queuefd = open(line, O_RDWR | O_CREAT, 0600);
	t_require(o.mo_queuefd >= 0 && pipe(up) == 0);
	(void)fflush(stdout);
	pid = fork();
	t_require(pid >= 0);
	if (pid == 0) {
		int fd = open(line, O_RDWR);
		struct flock fl;

		memset(&fl, 0, sizeof(fl));
		fl.l_type = F_WRLCK;
		fl.l_whence = SEEK_SET;
		c = fd >= 0 && fcntl(fd, F_OFD_SETLK, &fl) == 0 ? 'L' : 'F';
		(void)write(up[1], &c, 1);
		(void)poll(NULL, 0, 200);
		c = 'U';
		(void)write(up[1], &c, 1);
		_exit(0);
	}
	(void)close(up[1]);
	t_assert(read(up[0], &c, 1) == 1 && c == 'L');
	t_assert_cmp(mbox_append(path, &m, &o, &why), ==, EX_OK);
	pf.fd = up[0];
	pf.events = POLLIN;
	t_assert_cmp(poll(&pf, 1, 0), ==, 1);	/* the holder was done */
	t_assert(read(up[0], &c, 1) == 1 && c == 'U');
	(void)waitpid(pid, &st, 0);
	(void)close(up[0]);
	(void)close(o.mo_queuefd);
	got = slurp(path, &len);
	t_assert(len > 9 && strncmp(got, "From s@h ", 9) == 0);
	t_assert(strstr(got, "\nFrom ") == NULL);	/* one message */
	free(got);
}

int
main(void)
{
	(void)setenv("TZ", "UTC", 1);
	tzset();
	(void)snprintf(dir, sizeof(dir), "%s", t_tmpdir());
	test_rows();
	t_run("mbox: From line", test_fromline);
	t_run("mbox: mailbox path", test_path);
	t_run("mbox: two appends", test_two_appends);
	t_run("mbox: a cut mailbox is mended", test_mend_tail);
	t_run("mbox: body from a descriptor", test_body_fd);
	t_run("mbox: 10 MB body byte-exact", test_big);
	t_run("mbox: refused mailboxes", test_refusals);
	t_run("mbox: new mailbox owned by the user", test_owner);
	t_run("mbox: locked by another", test_locked);
	t_run("mbox: concurrent appends never interleave", test_concurrent);
	t_run("mbox: concurrent appends waiting in line",
	    test_concurrent_line);
	t_run("mbox: waiting in line for another", test_line_wait);
	t_run("mbox: failed write cut back (EFBIG)", test_efbig);
	t_run("mbox: full disk cut back (ENOSPC)", test_enospc);
	return t_done();
}
