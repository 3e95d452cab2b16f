/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * t_queue.c -- sendmail/queue*.c: queue ids (format, sequence, uniqueness
 * across processes), the life of a message on disk (commit, lock,
 * rewrite, quarantine, remove, lose), crash leftovers, two runners on one
 * queue, selection and sorting, mailq, and the decisions on times and
 * priorities.  The qf format itself is t_queue_qf.c's.
 *
 * Expected ids, files and mailq output were recorded from the real
 * sendmail 8.17.1.9 (see doc/QUEUE.md, "Facts"); test/conformance/
 * queue_real.sh checks the same against the live binary.
 */
#include "libsm/log.h"
#include "libsm/str.h"
#include "sendmail/conf.h"
#include "sendmail/queue.h"
#include "t.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* Control files the real sendmail 8.17.1.9 wrote. */
#include "t_queue_fixtures.h"

/* ---- helpers ------------------------------------------------------------------ */

/* A fresh directory NAME under the test directory. */
static const char *
fresh_dir(const char *name)
{
	static char buf[8][1024];
	static int i;
	char *p = buf[i++ % 8];

	(void)snprintf(p, sizeof(buf[0]), "%s/%s", t_tmpdir(), name);
	(void)mkdir(p, 0700);
	return p;
}

static int
put_file(const char *dir, const char *name, const char *data, size_t len,
    mode_t mode)
{
	char p[1200];
	int fd, ok;

	(void)snprintf(p, sizeof(p), "%s/%s", dir, name);
	fd = open(p, O_WRONLY | O_CREAT | O_TRUNC, mode);
	if (fd < 0)
		return -1;
	ok = write(fd, data, len) == (ssize_t)len;
	(void)fchmod(fd, mode);
	return close(fd) == 0 && ok ? 0 : -1;
}

static bool
has_file(const char *dir, const char *letter, const char *id)
{
	char p[1200];
	struct stat st;

	(void)snprintf(p, sizeof(p), "%s/%sf%s", dir, letter, id);
	return stat(p, &st) == 0;
}

/* The contents of DIR/NAME (malloc'd, NUL-terminated) or NULL. */
static char *
get_file(const char *dir, const char *name, size_t *lenp)
{
	char p[1200];
	SM_STR *s = sm_str_new(0);
	char buf[4096];
	ssize_t n;
	int fd;

	(void)snprintf(p, sizeof(p), "%s/%s", dir, name);
	if ((fd = open(p, O_RDONLY)) < 0) {
		sm_str_free(s);
		return NULL;
	}
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		(void)sm_str_add(s, buf, (size_t)n);
	(void)close(fd);
	return sm_str_export(s, lenp);
}

/* ---- queue ids ------------------------------------------------------------------ */

static void
test_id_format(void)
{
	/* ids the real sendmail gave at these instants and pids */
	static const struct {
		const char	*name;
		time_t		 t;
		unsigned	 nn;
		long		 pid;
		const char	*id;
	} rows[] = {
		{ "command line 01:44:23", 1795311863, 18 * 60 + 44, 3682,
		  "6AM1iNIi003682" },
		{ "pid of 7 digits", 1795311908, 10 * 60 + 2, 1234568,
		  "6AM1j8A21234568" },
		{ "pid 42", 1795311908, 49 * 60 + 24, 42, "6AM1j8nO000042" },
		{ "envelope number 0", 1795311863, 0, 3682, "6AM1iN00003682" },
		{ "envelope number 3599", 1795311863, 3599, 3682,
		  "6AM1iNxx003682" },
		{ "the epoch: 70 % 60, January, day 1", 0, 0, 1,
		  "A0100000000001" },
		{ "2059-12-31 23:59:59", 2840140799, 61, 999999,
		  "dBVNxx11999999" },
	};
	char buf[QUEUE_ID_SIZE];
	size_t i;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		t_begin("queue_id_format: %s", rows[i].name);
		t_assert(queue_id_format(buf, sizeof(buf), rows[i].t,
		    rows[i].nn, rows[i].pid) == 0);
		t_assert_streq(buf, rows[i].id);
		t_end();
	}
	t_begin("queue_id_format: bad arguments");
	errno = 0;
	t_assert(queue_id_format(buf, sizeof(buf), 0, 3600, 1) == -1);
	t_assert_cmp(errno, ==, EINVAL);
	t_assert(queue_id_format(buf, sizeof(buf), 0, 0, -1) == -1);
	t_assert_cmp(errno, ==, EINVAL);
	t_assert(queue_id_format(buf, 14, 0, 0, 1) == -1);
	t_assert_cmp(errno, ==, ERANGE);
	t_assert(queue_id_format(buf, 15, 0, 0, 1) == 0);
	t_end();
}

/* The sequence sendmail showed in one SMTP session: the second character
 * counts 0-9A-Za-x, then the first moves on; the time base stays. */
static void
test_idgen_sequence(void)
{
	struct queue_idgen g = { 0, 0, 0, 0, false };
	char a[QUEUE_ID_SIZE], b[QUEUE_ID_SIZE], c[QUEUE_ID_SIZE];
	int i;

	/* offset 'p' 'x' = 51 * 60 + 59; 01:45:14 UTC */
	t_require(queue_idgen_next(&g, 1795311914, 24966, 51 * 60 + 59 +
	    3600 * 7, a, sizeof(a)) == 0);
	t_assert_streq(a, "6AM1jEpx024966");
	/* later ids keep the base time */
	t_require(queue_idgen_next(&g, 1795311919, 24966, 0, b, sizeof(b)) ==
	    0);
	t_assert_streq(b, "6AM1jEq0024966");
	for (i = 2; i < 3600; i++)
		t_require(queue_idgen_next(&g, 1795311919, 24966, 0, c,
		    sizeof(c)) == 0);
	t_assert_streq(c, "6AM1jEpw024966");
	/* 3600 ids from one base: a new one, never the same second */
	errno = 0;
	t_assert(queue_idgen_next(&g, 1795311914, 24966, 0, c, sizeof(c)) ==
	    -1);
	t_assert_cmp(errno, ==, EAGAIN);
	t_assert(queue_idgen_next(&g, 1795311930, 24966, 0, c, sizeof(c)) ==
	    0);
	t_assert_streq(c, "6AM1jUpx024966");
	/* a new process (fork) takes a new base at once */
	t_assert(queue_idgen_next(&g, 1795311930, 24967, 0, c, sizeof(c)) ==
	    0);
	t_assert_streq(c, "6AM1jUpx024967");
}

static void
test_id_parse(void)
{
	struct queue_idparts p;

	t_begin("queue_id_parse: a real id");
	t_require(queue_id_parse("6AM1kNnT002542", &p) == 0);
	t_assert_cmp(p.qi_year60, ==, 6);
	t_assert_cmp(p.qi_mon, ==, 10);
	t_assert_cmp(p.qi_mday, ==, 22);
	t_assert_cmp(p.qi_hour, ==, 1);
	t_assert_cmp(p.qi_min, ==, 46);
	t_assert_cmp(p.qi_sec, ==, 23);
	t_assert_cmp(p.qi_nn, ==, 49u * 60 + 29);
	t_assert_cmp(p.qi_pid, ==, 2542);
	t_end();
	t_begin("queue_id_parse: malformed ids");
	t_assert(queue_id_parse("6AM1kNnT00254", &p) == -1);	/* short */
	t_assert(queue_id_parse("6AM1kNnT00254a", &p) == -1);	/* pid */
	t_assert(queue_id_parse("6CM1kNnT002542", &p) == -1);	/* month 12 */
	t_assert(queue_id_parse("6A01kNnT002542", &p) == -1);	/* day 0 */
	t_assert(queue_id_parse("6AMykNnT002542", &p) == -1);	/* hour */
	t_assert(queue_id_parse("6AM1k-nT002542", &p) == -1);
	t_assert(queue_id_parse("MAA12345", &p) == -1);		/* 8.11 */
	t_end();
	t_begin("queue_id_ok");
	t_assert(queue_id_ok("6AM1kNnT002542"));
	t_assert(queue_id_ok("6AM1j8A21234568"));
	t_assert(queue_id_ok("MAA12345"));	/* older sendmails */
	t_assert(!queue_id_ok(""));
	t_assert(!queue_id_ok("../qf1"));
	t_assert(!queue_id_ok("6AM1kNnT00254/"));
	t_assert(!queue_id_ok("123456789012345678"));
	t_assert(queue_id_ok("12345678901234567"));
	t_end();
}

/* Ids made in several processes at once are all different and well
 * formed, with the pid of their process and the time of now. */
static void
test_id_unique(void)
{
	enum { KIDS = 4, PER = 300 };
	static char ids[(KIDS + 1) * PER][QUEUE_ID_SIZE];
	struct queue_idparts p;
	time_t t0 = time(NULL);
	int pfd[2], k, n = 0, i, j, bad = 0, dup = 0;
	struct tm tm;
	FILE *in;

	t_require(pipe(pfd) == 0);
	for (k = 0; k < KIDS; k++) {
		pid_t pid = fork();

		t_require(pid >= 0);
		if (pid == 0) {
			char id[QUEUE_ID_SIZE], line[64];

			(void)close(pfd[0]);
			for (i = 0; i < PER; i++) {
				queue_id_new(id, sizeof(id));
				(void)snprintf(line, sizeof(line), "%s\n", id);
				if (write(pfd[1], line, strlen(line)) < 0)
					_exit(1);
			}
			_exit(0);
		}
	}
	(void)close(pfd[1]);
	for (i = 0; i < PER; i++)
		queue_id_new(ids[n++], QUEUE_ID_SIZE);
	in = fdopen(pfd[0], "r");
	t_require(in != NULL);
	while (n < (KIDS + 1) * PER && fgets(ids[n], QUEUE_ID_SIZE, in) != NULL) {
		ids[n][strcspn(ids[n], "\n")] = '\0';
		n++;
	}
	(void)fclose(in);
	while (wait(NULL) > 0)
		;
	t_assert_cmp(n, ==, (KIDS + 1) * PER);
	(void)gmtime_r(&t0, &tm);
	for (i = 0; i < n; i++) {
		if (strlen(ids[i]) < 14 || queue_id_parse(ids[i], &p) < 0 ||
		    p.qi_year60 != tm.tm_year % 60 || p.qi_mon != tm.tm_mon)
			bad++;
		for (j = i + 1; j < n; j++)
			dup += strcmp(ids[i], ids[j]) == 0;
	}
	t_assert_cmp(bad, ==, 0);
	t_assert_cmp(dup, ==, 0);
	t_assert(queue_id_parse(ids[0], &p) == 0 && p.qi_pid == getpid());
}

/* ---- a message on disk -------------------------------------------------------- */

/* A minimal envelope for messages made by the tests. */
static struct queue_file *
envelope(const char *sender, const char *rcpt)
{
	struct queue_file *qf = queue_file_new();

	qf->qf_ctime = time(NULL);
	qf->qf_sender = queue_file_strdup(qf, sender);
	(void)queue_file_add_rcpt(qf, rcpt, QUEUE_R_PRIMARY);
	(void)queue_file_add_header(qf, "", "Subject", " test");
	return qf;
}

/* Queue BODY from SENDER to RCPT in QD; the id goes to ID.  0 or -1. */
static int
submit(struct queue_dir *qd, const char *sender, const char *rcpt,
    const char *body, char *id)
{
	struct queue_file *qf = envelope(sender, rcpt);
	struct queue_msg m;
	int rc = -1;

	qf->qf_priority = queue_priority((long)strlen(body), 0, 1, 1800,
	    30000);
	if (queue_new(qd, &m, NULL) == 0 &&
	    write(m.qm_dfd, body, strlen(body)) == (ssize_t)strlen(body) &&
	    queue_commit(&m, qf, NULL) == 0) {
		(void)snprintf(id, QUEUE_ID_SIZE, "%s", m.qm_id);
		rc = 0;
	}
	queue_abort(&m);
	queue_file_free(qf);
	return rc;
}

/* In a child: can it lock control file LETTER ID of DIR?  The errno of
 * queue_lock, 0 when it could. */
static int
child_lock(const char *dir, int letter, const char *id)
{
	pid_t pid = fork();
	int st;

	if (pid == 0) {
		struct queue_dir qd;
		struct queue_msg m;

		if (queue_dir_open(&qd, dir, 0600, NULL) < 0)
			_exit(200);
		if (queue_lock(&qd, letter, id, &m, NULL) == 0)
			_exit(0);
		_exit(errno > 199 ? 199 : errno);
	}
	if (pid < 0 || waitpid(pid, &st, 0) != pid || !WIFEXITED(st))
		return -1;
	return WEXITSTATUS(st);
}

static void
test_commit(void)
{
	const char *dir = fresh_dir("commit");
	struct queue_file *qf = envelope("a@b", "c@d");
	struct queue_dir qd;
	struct queue_msg m;
	SM_STR *want = sm_str_new(0), *why = sm_str_new(0);
	char n[64], *got;
	size_t len;

	t_require(queue_dir_open(&qd, dir, 0600, why) == 0);
	t_require(queue_new(&qd, &m, why) == 0);
	t_assert(queue_id_ok(m.qm_id));
	t_assert(has_file(dir, "d", m.qm_id));
	t_assert(!has_file(dir, "q", m.qm_id));
	t_assert(write(m.qm_dfd, "hello\n", 6) == 6);
	t_require(queue_commit(&m, qf, why) == 0);
	t_assert(has_file(dir, "q", m.qm_id));
	t_assert(!has_file(dir, "t", m.qm_id));
	(void)queue_format(qf, want);
	(void)snprintf(n, sizeof(n), "qf%s", m.qm_id);
	got = get_file(dir, n, &len);
	t_assert(got != NULL && strcmp(got, sm_str_data(want)) == 0);
	free(got);
	(void)snprintf(n, sizeof(n), "df%s", m.qm_id);
	got = get_file(dir, n, &len);
	t_assert(got != NULL && strcmp(got, "hello\n") == 0);
	free(got);
	/* the commit keeps the lock: no runner can take it */
	t_assert_cmp(child_lock(dir, 'q', m.qm_id), ==, EWOULDBLOCK);
	queue_unlock(&m);
	t_assert_cmp(child_lock(dir, 'q', m.qm_id), ==, 0);
	queue_dir_close(&qd);
	queue_file_free(qf);
	sm_str_free(want);
	sm_str_free(why);
}

static void
test_abort_and_quarantine(void)
{
	const char *dir = fresh_dir("abort");
	struct queue_file *qf = envelope("a@b", "c@d");
	struct queue_dir qd;
	struct queue_msg m;
	char id[QUEUE_ID_SIZE];

	t_require(queue_dir_open(&qd, dir, 0600, NULL) == 0);
	t_begin("queue_abort: nothing of the message stays");
	t_require(queue_new(&qd, &m, NULL) == 0);
	(void)snprintf(id, sizeof(id), "%s", m.qm_id);
	queue_abort(&m);
	t_assert(!has_file(dir, "d", id));
	t_assert(m.qm_dfd == -1 && m.qm_fd == -1);
	queue_abort(&m);	/* twice is harmless */
	t_end();
	t_begin("queue_commit: a quarantine reason makes an hf");
	t_require(queue_new(&qd, &m, NULL) == 0);
	qf->qf_quarmsg = queue_file_strdup(qf, "held for review");
	t_require(queue_commit(&m, qf, NULL) == 0);
	t_assert(has_file(dir, "h", m.qm_id));
	t_assert(!has_file(dir, "q", m.qm_id));
	t_assert_cmp(m.qm_letter, ==, 'h');
	/* release the quarantine: one rename, never two names */
	qf->qf_quarmsg = NULL;
	t_assert(queue_rewrite(&m, qf, NULL) == 0);
	t_assert(has_file(dir, "q", m.qm_id));
	t_assert(!has_file(dir, "h", m.qm_id));
	t_assert(!has_file(dir, "t", m.qm_id));
	t_assert_cmp(m.qm_letter, ==, 'q');
	t_assert_cmp(child_lock(dir, 'q', m.qm_id), ==, EWOULDBLOCK);
	/* and back */
	qf->qf_quarmsg = queue_file_strdup(qf, "again");
	t_assert(queue_rewrite(&m, qf, NULL) == 0);
	t_assert(has_file(dir, "h", m.qm_id) && !has_file(dir, "q", m.qm_id));
	queue_unlock(&m);
	t_end();
	queue_dir_close(&qd);
	queue_file_free(qf);
}

static void
test_rewrite_remove_lose(void)
{
	const char *dir = fresh_dir("rewrite");
	struct queue_dir qd;
	struct queue_msg m;
	struct queue_file *qf;
	struct stat st1, st2;
	char id[QUEUE_ID_SIZE], n[1200];
	SM_STR *why = sm_str_new(0);
	int xf;

	t_require(queue_dir_open(&qd, dir, 0600, NULL) == 0);
	t_require(submit(&qd, "a@b", "c@d", "body\n", id) == 0);
	t_begin("queue_rewrite: new contents, same lock");
	t_require(queue_lock(&qd, 'q', id, &m, why) == 0);
	t_require(queue_read(&m, &qf, why) == 0);
	(void)snprintf(n, sizeof(n), "%s/qf%s", dir, id);
	t_assert(stat(n, &st1) == 0);
	qf->qf_ntries = 1;
	qf->qf_dtime = 1234;
	qf->qf_priority = queue_priority_retry(qf->qf_priority, 90000);
	t_assert(queue_rewrite(&m, qf, why) == 0);
	queue_file_free(qf);
	t_assert(stat(n, &st2) == 0 && st1.st_ino != st2.st_ino);
	t_assert(!has_file(dir, "t", id));
	t_assert_cmp(child_lock(dir, 'q', id), ==, EWOULDBLOCK);
	t_require(queue_read(&m, &qf, why) == 0);
	t_assert_cmp(qf->qf_ntries, ==, 1);
	t_assert_cmp(qf->qf_dtime, ==, 1234);
	t_assert_cmp(qf->qf_priority, ==, 120005);
	queue_file_free(qf);
	t_end();
	t_begin("queue_remove: control, data and transcript files go");
	xf = queue_xf_open(&m);
	t_assert(xf >= 0);
	(void)close(xf);
	t_assert(has_file(dir, "x", id));
	t_assert(queue_remove(&m, NULL, why) == 0);
	t_assert(!has_file(dir, "q", id) && !has_file(dir, "d", id) &&
	    !has_file(dir, "x", id));
	t_assert_cmp(m.qm_fd, ==, -1);
	t_assert_cmp(child_lock(dir, 'q', id), ==, ENOENT);
	t_end();
	t_begin("queue_lose: the control file becomes Qf");
	t_require(submit(&qd, "a@b", "c@d", "body\n", id) == 0);
	t_require(queue_lock(&qd, 'q', id, &m, why) == 0);
	t_assert(queue_lose(&m, "test") == 0);
	t_assert(has_file(dir, "Q", id) && !has_file(dir, "q", id));
	t_assert(has_file(dir, "d", id));
	t_assert_cmp(child_lock(dir, 'Q', id), ==, 0);
	t_end();
	t_begin("queue_lock: missing, bad id, bogus mode");
	t_assert(queue_lock(&qd, 'q', "6AM1kNnT002542", &m, why) == -1);
	t_assert_cmp(errno, ==, ENOENT);
	t_assert(queue_lock(&qd, 'q', "../x", &m, why) == -1);
	t_assert_cmp(errno, ==, EINVAL);
	t_require(submit(&qd, "a@b", "c@d", "body\n", id) == 0);
	(void)snprintf(n, sizeof(n), "%s/qf%s", dir, id);
	t_assert(chmod(n, 0666) == 0);
	t_assert(queue_lock(&qd, 'q', id, &m, why) == -1);
	t_assert_cmp(errno, ==, EPERM);
	t_assert(strstr(sm_str_data(why), "bogus queue file") != NULL);
	t_assert(queue_lose(&m, sm_str_data(why)) == 0);
	t_assert(has_file(dir, "Q", id));
	t_end();
	queue_dir_close(&qd);
	sm_str_free(why);
}

/* ---- crashes and runners ------------------------------------------------------- */

/* A run callback that counts its calls and delivers (removes). */
static int
deliver_count(struct queue_msg *m, struct queue_file *qf, void *ctx)
{
	int *n = ctx;

	(void)qf;
	(*n)++;
	return queue_remove(m, NULL, NULL) < 0;
}

/* Files in DIR (not counting . and ..). */
static int
count_files(const char *dir)
{
	char cmd[1200];
	FILE *p;
	int n = -1;

	(void)snprintf(cmd, sizeof(cmd), "ls -A '%s' | wc -l", dir);
	if ((p = popen(cmd, "r")) != NULL) {
		if (fscanf(p, "%d", &n) != 1)
			n = -1;
		(void)pclose(p);
	}
	return n;
}

static void
test_crash_mid_data(void)
{
	const char *dir = fresh_dir("crash-data");
	struct queue_scan_opts o;
	struct queue_run_stats rs;
	struct queue_clean_stats cs;
	struct queue_dir qd;
	int n = 0, st;
	pid_t pid;

	memset(&o, 0, sizeof(o));
	o.qo_la = -1;
	t_require(queue_dir_open(&qd, dir, 0600, NULL) == 0);
	/* killed during DATA: a df, no control file */
	pid = fork();
	if (pid == 0) {
		struct queue_msg m;

		if (queue_new(&qd, &m, NULL) == 0 &&
		    write(m.qm_dfd, "partial", 7) == 7)
			(void)raise(SIGKILL);
		_exit(1);
	}
	t_require(pid > 0 && waitpid(pid, &st, 0) == pid);
	t_assert(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL);
	t_assert_cmp(count_files(dir), ==, 1);
	t_assert(queue_run(&qd, &o, deliver_count, &n, &rs, NULL) == 0);
	t_assert_cmp(n, ==, 0);
	/* too young for the cleaner at age 3600, gone at age 0 */
	t_assert(queue_clean(&qd, time(NULL), 3600, &cs, NULL) == 0);
	t_assert_cmp(cs.qc_df, ==, 0);
	t_assert(queue_clean(&qd, time(NULL) + 1, 0, &cs, NULL) == 0);
	t_assert_cmp(cs.qc_df, ==, 1);
	t_assert_cmp(count_files(dir), ==, 0);
	queue_dir_close(&qd);
}

static void
test_crash_in_commit(void)
{
	const char *dir = fresh_dir("crash-commit");
	struct queue_scan_opts o;
	struct queue_clean_stats cs;
	struct queue_dir qd;
	char id[QUEUE_ID_SIZE], n[1200];
	int delivered = 0, fd;

	memset(&o, 0, sizeof(o));
	o.qo_la = -1;
	t_require(queue_dir_open(&qd, dir, 0600, NULL) == 0);
	/* a process died between writing tf and the rename: df + tf; one
	 * that is still alive holds the tf */
	queue_id_new(id, sizeof(id));
	(void)snprintf(n, sizeof(n), "df%s", id);
	t_require(put_file(dir, n, "body\n", 5, 0600) == 0);
	(void)snprintf(n, sizeof(n), "tf%s", id);
	t_require(put_file(dir, n, qf_null, strlen(qf_null), 0600) == 0);
	(void)snprintf(n, sizeof(n), "%s/tf%s", dir, id);
	fd = open(n, O_RDONLY);
	t_require(fd >= 0);
	t_assert(flock(fd, LOCK_EX | LOCK_NB) == 0);
	o.qo_orphanage = 1;
	t_assert(queue_run(&qd, &o, deliver_count, &delivered, NULL, NULL) ==
	    0);
	t_assert_cmp(delivered, ==, 0);
	t_assert(queue_clean(&qd, time(NULL) + 1, 0, &cs, NULL) == 0);
	t_assert_cmp(cs.qc_tf, ==, 0);
	t_assert_cmp(cs.qc_df, ==, 0);
	t_assert(has_file(dir, "t", id) && has_file(dir, "d", id));
	(void)close(fd);
	/* once nobody holds it: the tf, then its orphan df */
	t_assert(queue_clean(&qd, time(NULL) + 1, 0, &cs, NULL) == 0);
	t_assert_cmp(cs.qc_tf, ==, 1);
	t_assert_cmp(cs.qc_df, ==, 1);
	t_assert_cmp(count_files(dir), ==, 0);
	queue_dir_close(&qd);
}

/* kill -9 right after the commit returned: delivered after "restart". */
static void
test_crash_after_commit(void)
{
	const char *dir = fresh_dir("crash-after");
	struct queue_scan_opts o;
	struct queue_run_stats rs;
	struct queue_clean_stats cs;
	struct queue_dir qd;
	int delivered = 0, st, pfd[2];
	char id[QUEUE_ID_SIZE] = "";
	pid_t pid;

	memset(&o, 0, sizeof(o));
	o.qo_la = -1;
	t_require(pipe(pfd) == 0);
	t_require(queue_dir_open(&qd, dir, 0600, NULL) == 0);
	pid = fork();
	if (pid == 0) {
		char kid[QUEUE_ID_SIZE];

		if (submit(&qd, "a@b", "c@d", "accepted\n", kid) == 0 &&
		    write(pfd[1], kid, sizeof(kid)) == sizeof(kid))
			(void)raise(SIGKILL);	/* the "250" was said */
		_exit(1);
	}
	(void)close(pfd[1]);
	t_require(read(pfd[0], id, sizeof(id)) == sizeof(id));
	(void)close(pfd[0]);
	t_require(pid > 0 && waitpid(pid, &st, 0) == pid);
	t_assert(WIFSIGNALED(st));
	t_assert(queue_clean(&qd, time(NULL) + 1, 0, &cs, NULL) == 0);
	t_assert_cmp(cs.qc_df + cs.qc_tf + cs.qc_xf + cs.qc_empty, ==, 0);
	t_assert(queue_run(&qd, &o, deliver_count, &delivered, &rs, NULL) ==
	    0);
	t_assert_cmp(delivered, ==, 1);
	t_assert_cmp(rs.qr_run, ==, 1);
	t_assert(!has_file(dir, "q", id));
	queue_dir_close(&qd);
}

static void
test_clean_empty_qf(void)
{
	const char *dir = fresh_dir("clean-empty");
	struct queue_clean_stats cs;
	struct queue_dir qd;
	char id[QUEUE_ID_SIZE], n[1200];
	struct timespec old[2];

	t_require(queue_dir_open(&qd, dir, 0600, NULL) == 0);
	queue_id_new(id, sizeof(id));
	(void)snprintf(n, sizeof(n), "qf%s", id);
	t_require(put_file(dir, n, "", 0, 0600) == 0);
	(void)snprintf(n, sizeof(n), "df%s", id);
	t_require(put_file(dir, n, "x", 1, 0600) == 0);
	t_assert(queue_clean(&qd, time(NULL), 0, &cs, NULL) == 0);
	t_assert_cmp(cs.qc_empty, ==, 0);	/* young: perhaps being written */
	old[0].tv_sec = old[1].tv_sec = time(NULL) - 700;
	old[0].tv_nsec = old[1].tv_nsec = 0;
	(void)snprintf(n, sizeof(n), "%s/qf%s", dir, id);
	t_require(utimensat(AT_FDCWD, n, old, 0) == 0);
	t_assert(queue_clean(&qd, time(NULL), 0, &cs, NULL) == 0);
	t_assert_cmp(cs.qc_empty, ==, 1);
	t_assert_cmp(cs.qc_df, ==, 1);
	t_assert_cmp(count_files(dir), ==, 0);
	queue_dir_close(&qd);
}

/* A callback that holds each message a moment and logs the id. */
static int
deliver_slowly(struct queue_msg *m, struct queue_file *qf, void *ctx)
{
	int fd = *(int *)ctx;
	char line[64];

	(void)qf;
	(void)snprintf(line, sizeof(line), "%s\n", m->qm_id);
	(void)write(fd, line, strlen(line));
	(void)usleep(2000);
	return queue_remove(m, NULL, NULL) < 0;
}

/* Two runners at once on one queue: every message exactly once. */
static void
test_two_runners(void)
{
	enum { MSGS = 40 };
	const char *dir = fresh_dir("runners");
	char log[1200], id[QUEUE_ID_SIZE], *text, *p;
	struct queue_dir qd;
	int i, k, lines = 0, dups = 0, fd;
	pid_t kids[2];
	size_t len;

	t_require(queue_dir_open(&qd, dir, 0600, NULL) == 0);
	for (i = 0; i < MSGS; i++)
		t_require(submit(&qd, "a@b", "c@d", "x\n", id) == 0);
	(void)snprintf(log, sizeof(log), "%s/../runners.log", dir);
	fd = open(log, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND, 0600);
	t_require(fd >= 0);
	for (k = 0; k < 2; k++) {
		kids[k] = fork();
		if (kids[k] == 0) {
			struct queue_scan_opts o;
			struct queue_dir q2;

			memset(&o, 0, sizeof(o));
			o.qo_la = -1;
			o.qo_sort = k == 0 ? 'p' : 'f';
			if (queue_dir_open(&q2, dir, 0600, NULL) < 0 ||
			    queue_run(&q2, &o, deliver_slowly, &fd, NULL,
			    NULL) != 0)
				_exit(1);
			_exit(0);
		}
	}
	for (k = 0; k < 2; k++) {
		int st;

		t_assert(waitpid(kids[k], &st, 0) == kids[k] &&
		    WIFEXITED(st) && WEXITSTATUS(st) == 0);
	}
	(void)close(fd);
	text = get_file(t_tmpdir(), "runners.log", &len);
	t_require(text != NULL);
	for (p = text; *p != '\0'; p = strchr(p, '\n') + 1) {
		char *q;

		lines++;
		for (q = strchr(p, '\n') + 1; *q != '\0';
		    q = strchr(q, '\n') + 1)
			dups += strncmp(p, q, strcspn(p, "\n") + 1) == 0;
	}
	t_assert_cmp(lines, ==, MSGS);
	t_assert_cmp(dups, ==, 0);
	t_assert_cmp(count_files(dir), ==, 0);
	free(text);
	queue_dir_close(&qd);
}

static void
test_run_checks(void)
{
	const char *dir = fresh_dir("run-checks");
	struct queue_scan_opts o;
	struct queue_run_stats rs;
	struct queue_dir qd;
	struct queue_msg m;
	struct queue_file *qf;
	char young[QUEUE_ID_SIZE], nodf[QUEUE_ID_SIZE], bad[QUEUE_ID_SIZE];
	char held[QUEUE_ID_SIZE], n[1200];
	int delivered = 0, st, pfd[2], ready[2];
	pid_t pid;

	memset(&o, 0, sizeof(o));
	o.qo_la = -1;
	o.qo_minqueueage = 1800;
	t_require(queue_dir_open(&qd, dir, 0600, NULL) == 0);
	/* tried a minute ago */
	t_require(submit(&qd, "a@b", "young@d", "x\n", young) == 0);
	t_require(queue_lock(&qd, 'q', young, &m, NULL) == 0);
	t_require(queue_read(&m, &qf, NULL) == 0);
	qf->qf_ntries = 1;
	qf->qf_dtime = time(NULL) - 60;
	t_assert(queue_rewrite(&m, qf, NULL) == 0);
	queue_unlock(&m);
	queue_file_free(qf);
	/* data file gone */
	t_require(submit(&qd, "a@b", "nodf@d", "x\n", nodf) == 0);
	(void)snprintf(n, sizeof(n), "%s/df%s", dir, nodf);
	t_assert(unlink(n) == 0);
	/* garbage */
	queue_id_new(bad, sizeof(bad));
	(void)snprintf(n, sizeof(n), "qf%s", bad);
	t_require(put_file(dir, n, "V8\nSx\nwhat\n", 11, 0600) == 0);
	/* held by another process */
	t_require(submit(&qd, "a@b", "held@d", "x\n", held) == 0);
	t_require(pipe(pfd) == 0 && pipe(ready) == 0);
	pid = fork();
	if (pid == 0) {
		char c = 'L';

		(void)close(pfd[1]);
		(void)close(ready[0]);
		if (queue_lock(&qd, 'q', held, &m, NULL) < 0 ||
		    write(ready[1], &c, 1) != 1)
			_exit(1);
		(void)read(pfd[0], &c, 1);	/* until the parent is done */
		_exit(0);
	}
	(void)close(pfd[0]);
	(void)close(ready[1]);
	{
		char c;

		t_require(read(ready[0], &c, 1) == 1);	/* it has the lock */
		(void)close(ready[0]);
	}
	o.qo_all = true;	/* queue_run must not list the young one */
	t_assert(queue_run(&qd, &o, deliver_count, &delivered, &rs, NULL) ==
	    0);
	(void)close(pfd[1]);
	(void)waitpid(pid, &st, 0);
	t_assert_cmp(delivered, ==, 0);
	t_assert_cmp(rs.qr_run, ==, 0);
	t_assert_cmp(rs.qr_lost, ==, 2);
	t_assert_cmp(rs.qr_locked, ==, 1);
	t_assert(has_file(dir, "Q", nodf) && has_file(dir, "Q", bad));
	t_assert(has_file(dir, "q", young) && has_file(dir, "q", held));
	/* the young one runs when MinQueueAge allows */
	o.qo_minqueueage = 30;
	t_assert(queue_run(&qd, &o, deliver_count, &delivered, &rs, NULL) ==
	    0);
	t_assert_cmp(delivered, ==, 2);
	queue_dir_close(&qd);
}

/* ---- selection, sorting, mailq --------------------------------------------- */

static void
test_select(void)
{
	struct queue_select s = { NULL };

	t_assert(queue_select_add(&s, "Rexample.com") == 0);
	t_assert(queue_select_add(&s, "!Sfoo") == 0);
	t_assert(queue_select_add(&s, "I") == 0);
	t_assert(queue_select_add(&s, "Qspam") == 0);
	t_require(s.qs_list != NULL);
	t_assert_cmp(s.qs_list->qx_key, ==, 'Q');
	t_assert(s.qs_list->qx_next->qx_next->qx_negate);
	t_assert_streq(s.qs_list->qx_next->qx_next->qx_text, "foo");
	errno = 0;
	t_assert(queue_select_add(&s, "Xfoo") == -1);
	t_assert_cmp(errno, ==, EINVAL);
	t_assert(queue_select_add(&s, "") == -1);
	t_assert(queue_select_add(&s, "!") == -1);
	t_assert(queue_select_add(&s, "r") == -1);
	queue_select_free(&s);
	t_assert(s.qs_list == NULL);
}

/* The ids of a scan, in order, as one string. */
static void
scan_ids(struct queue_dir *qd, const struct queue_scan_opts *o, char *buf,
    size_t size, const char *const *ids, const char *const *names)
{
	struct queue_list l;
	size_t i, j;

	buf[0] = '\0';
	if (queue_scan(qd, o, &l, NULL) < 0)
		return;
	for (i = 0; i < l.ql_n; i++)
		for (j = 0; ids[j] != NULL; j++)
			if (strcmp(l.ql_v[i].qe_id, ids[j]) == 0)
				(void)snprintf(buf + strlen(buf),
				    size - strlen(buf), "%s%s",
				    buf[0] == '\0' ? "" : " ", names[j]);
	queue_list_free(&l);
}

static void
test_scan(void)
{
	const char *dir = fresh_dir("scan");
	static char ids[4][QUEUE_ID_SIZE];
	const char *idv[5] = { ids[0], ids[1], ids[2], ids[3], NULL };
	const char *names[4] = { "a", "b", "c", "d" };
	static const struct {
		const char	*sel[3];
		const char	*want;
	} rows[] = {
		{ { NULL }, "a b c d" },
		{ { "Rexample.COM", NULL }, "a c" },
		{ { "!Rexample.com", NULL }, "b d" },
		{ { "Salice", NULL }, "a b" },
		{ { "SALICE", "Rnet", NULL }, "b" },
		{ { "Salice", "Sbob", NULL }, "a b c" },
		{ { "!S<>", NULL }, "a b c" },
		{ { "S<>", NULL }, "d" },
		{ { "Rnomatch", NULL }, "" },
		{ { "Qany", NULL }, "" },
		{ { "R", NULL }, "a b c d" },
	};
	struct queue_scan_opts o;
	struct queue_dir qd;
	char got[256];
	size_t i, j;

	t_require(queue_dir_open(&qd, dir, 0600, NULL) == 0);
	t_require(submit(&qd, "alice@x", "u@example.com", "1", ids[0]) == 0);
	t_require(submit(&qd, "alice@x", "v@example.net", "22", ids[1]) == 0);
	t_require(submit(&qd, "bob@x", "w@Example.Com", "333", ids[2]) == 0);
	t_require(submit(&qd, "<>", "x@example.org", "4444", ids[3]) == 0);
	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		struct queue_select s = { NULL };

		t_begin("queue_scan: selection %zu (%s%s%s)", i,
		    rows[i].sel[0] ? rows[i].sel[0] : "all",
		    rows[i].sel[0] && rows[i].sel[1] ? " " : "",
		    rows[i].sel[0] && rows[i].sel[1] ? rows[i].sel[1] : "");
		for (j = 0; rows[i].sel[j] != NULL; j++)
			t_assert(queue_select_add(&s, rows[i].sel[j]) == 0);
		memset(&o, 0, sizeof(o));
		o.qo_la = -1;
		o.qo_select = &s;
		scan_ids(&qd, &o, got, sizeof(got), idv, names);
		t_assert_streq(got, rows[i].want);
		queue_select_free(&s);
		t_end();
	}
	t_begin("queue_scan: by id, and a quarantined qf is skipped");
	{
		struct queue_select s = { NULL };
		char arg[QUEUE_ID_SIZE + 4];

		(void)snprintf(arg, sizeof(arg), "I%s", ids[2]);
		(void)queue_select_add(&s, arg);
		memset(&o, 0, sizeof(o));
		o.qo_la = -1;
		o.qo_select = &s;
		scan_ids(&qd, &o, got, sizeof(got), idv, names);
		t_assert_streq(got, "c");
		queue_select_free(&s);
	}
	t_end();
	t_begin("queue_scan: MaxQueueRunSize keeps the first by priority");
	memset(&o, 0, sizeof(o));
	o.qo_la = -1;
	o.qo_maxrun = 2;
	scan_ids(&qd, &o, got, sizeof(got), idv, names);
	t_assert_streq(got, "a b");	/* P 30001, 30002 */
	t_end();
	t_begin("queue_scan: a high load average holds big priorities");
	memset(&o, 0, sizeof(o));
	o.qo_la = 10;
	o.qo_queuela = 8;
	o.qo_queuefactor = 90008;	/* / 3 = 30002.67 */
	scan_ids(&qd, &o, got, sizeof(got), idv, names);
	t_assert_streq(got, "a b");
	t_end();
	queue_dir_close(&qd);
}

static void
test_sort(void)
{
	/* name, priority, ctime, mtime, host, locked */
	static const struct {
		const char	*id, *host;
		long		 pri;
		time_t		 ctime, mtime;
		bool		 locked;
	} in[] = {
		{ "A1", "moc.elpmaxe", 300, 10, 40, false },
		{ "B2", NULL, 100, 30, 30, false },
		{ "C3", "ten.elpmaxe", 200, 20, 10, false },
		{ "D4", "moc.elpmaxe", 50, 40, 20, true },
		{ "E5", "gro.elpmaxe", 200, 5, 50, false },
	};
	static const struct {
		int		 order;
		const char	*want;
	} rows[] = {
		{ 'p', "D4 B2 E5 C3 A1" },	/* ties by time */
		{ 0, "D4 B2 E5 C3 A1" },
		{ 't', "E5 A1 C3 B2 D4" },
		{ 'm', "C3 D4 B2 A1 E5" },
		{ 'f', "A1 B2 C3 D4 E5" },
		/* no host first; example.com is locked as a whole, last */
		{ 'h', "B2 E5 C3 D4 A1" },
		{ 'n', "A1 B2 C3 D4 E5" },
	};
	struct queue_entry v[5];
	char got[512];
	size_t i, j;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		t_begin("queue_sort: order '%c'", rows[i].order ? rows[i].order :
		    '0');
		memset(v, 0, sizeof(v));
		for (j = 0; j < 5; j++) {
			(void)snprintf(v[j].qe_id, sizeof(v[j].qe_id), "%s",
			    in[j].id);
			v[j].qe_host = (char *)in[j].host;
			v[j].qe_pri = in[j].pri;
			v[j].qe_ctime = in[j].ctime;
			v[j].qe_mtime = in[j].mtime;
			v[j].qe_locked = in[j].locked;
		}
		queue_sort(v, 5, rows[i].order);
		got[0] = '\0';
		for (j = 0; j < 5; j++)
			(void)snprintf(got + strlen(got), sizeof(got) -
			    strlen(got), "%s%s", j ? " " : "", v[j].qe_id);
		t_assert_streq(got, rows[i].want);
		t_end();
	}
	t_begin("queue_sort: random keeps every entry");
	for (j = 0; j < 5; j++) {
		memset(&v[j], 0, sizeof(v[j]));
		(void)snprintf(v[j].qe_id, sizeof(v[j].qe_id), "%s", in[j].id);
	}
	queue_sort(v, 5, 'r');
	for (j = 0; j < 5; j++) {
		size_t k, seen = 0;

		for (k = 0; k < 5; k++)
			seen += strcmp(v[k].qe_id, in[j].id) == 0;
		t_assert_cmp(seen, ==, 1);
	}
	t_end();
}

/* What queue_print + queue_print_total print for QD (malloc'd). */
static char *
mailq_text(struct queue_dir *qd, const struct queue_scan_opts *o,
    bool verbose)
{
	FILE *f = tmpfile();
	char *got = NULL;
	long len;
	int n;

	if (f == NULL)
		return NULL;
	n = queue_print(f, qd, o, verbose, NULL);
	queue_print_total(f, n);
	len = ftell(f);
	rewind(f);
	if (len >= 0 && (got = calloc(1, (size_t)len + 1)) != NULL &&
	    fread(got, 1, (size_t)len, f) != (size_t)len) {
		free(got);
		got = NULL;
	}
	(void)fclose(f);
	return got;
}

/* Two control files the real sendmail wrote and what its -bp and -bp -v
 * printed for them (TZ UTC); %s is the queue directory. */
static const char mailq_plain[] =
    "\t\t%s (2 requests)\n"
    "-----Q-ID----- --Size-- -----Q-Time----- "
    "------------Sender/Recipient-----------\n"
    "6AM1kNnU002542        2 Sun Nov 22 01:46 <>\n"
    "                 (alias database unavailable)\n"
    "\t\t\t\t\t <root>\n"
    "6AM1kNnT002542       14 Sun Nov 22 01:46 <root>\n"
    "          7BIT   (alias database unavailable)\n"
    "\t\t\t\t\t <root>\n"
    "\t\t\t\t\t <postmaster>\n"
    "\t\tTotal requests: 2\n";
static const char mailq_verbose[] =
    "\t\t%s (2 requests)\n"
    "-----Q-ID----- --Size-- -Priority- ---Q-Time--- "
    "--------Sender/Recipient--------\n"
    "6AM1kNnU002542        2      30019 Nov 22 01:46 <>\n"
    "                 (alias database unavailable)\n"
    "\t\t\t\t\t\t<root>\n"
    "\t\t (alias database unavailable)\n"
    "6AM1kNnT002542       14     168044 Nov 22 01:46 <root>\n"
    "          7BIT   (alias database unavailable)\n"
    "\t\t\t\t\t\t<root>\n"
    "\t\t (alias database unavailable)\n"
    "\t\t\t\t\t\t<postmaster>\n"
    "\t\t (alias database unavailable)\n"
    "\t\tTotal requests: 2\n";

/* Compare mailq of QD with the format FMT (%s: the directory). */
static void
check_mailq(struct queue_dir *qd, bool verbose, const char *fmt)
{
	struct queue_scan_opts o;
	char want[4096], *got;
	const char *at = strstr(fmt, "%s");

	t_require(at != NULL);
	(void)snprintf(want, sizeof(want), "%.*s%s%s", (int)(at - fmt), fmt,
	    qd->qd_path, at + 2);
	memset(&o, 0, sizeof(o));
	o.qo_la = -1;
	got = mailq_text(qd, &o, verbose);
	t_require(got != NULL);
	t_assert_streq(got, want);
	free(got);
}

static void
test_mailq(void)
{
	const char *dir = fresh_dir("mailq");
	struct queue_dir qd;

	(void)setenv("TZ", "UTC0", 1);
	tzset();
	t_require(put_file(dir, "qf6AM1kNnT002542", qf_esmtp, strlen(qf_esmtp),
	    0600) == 0);
	t_require(put_file(dir, "df6AM1kNnT002542", "body \\xc3\\xa9\n", 14,
	    0600) == 0);
	t_require(put_file(dir, "qf6AM1kNnU002542", qf_null, strlen(qf_null),
	    0600) == 0);
	t_require(put_file(dir, "df6AM1kNnU002542", "x\n", 2, 0600) == 0);
	t_require(queue_dir_open(&qd, dir, 0600, NULL) == 0);
	t_begin("mailq: as sendmail -bp printed it");
	check_mailq(&qd, false, mailq_plain);
	t_end();
	t_begin("mailq -v: as sendmail -bp -v printed it");
	check_mailq(&qd, true, mailq_verbose);
	t_end();
	queue_dir_close(&qd);
	t_begin("mailq: an empty queue");
	t_require(queue_dir_open(&qd, fresh_dir("mailq-empty"), 0600, NULL) ==
	    0);
	check_mailq(&qd, false, "%s is empty\n\t\tTotal requests: 0\n");
	queue_dir_close(&qd);
	t_end();
	t_begin("mailq: a queue directory that is not there");
	t_assert(queue_dir_open(&qd, "/nonexistent/queue", 0600, NULL) == -1);
	t_assert_cmp(errno, ==, ENOENT);
	t_end();
}

/* ---- times and priorities ---------------------------------------------------- */

static void
test_interval(void)
{
	static const struct {
		time_t		 t;
		bool		 brief;
		const char	*want;
	} rows[] = {
		{ 0, false, "zero seconds" },
		{ 1, false, "1 second" },
		{ 2, false, "2 seconds" },
		{ 14400, false, "4 hours" },
		{ 432000, false, "5 days" },
		{ 694861, false, "1 week, 1 day, 1 hour, 1 minute, 1 second" },
		{ 1209600 + 120, false, "2 weeks, 2 minutes" },
		{ -1, false, "too long" },
		{ 0, true, "00:00:00" },
		{ 5, true, "00:00:05" },
		{ 93784, true, "1+02:03:04" },
		{ 8 * 86400, true, "8+00:00:00" },
	};
	char buf[64];
	size_t i;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		t_begin("queue_interval: %lld%s", (long long)rows[i].t,
		    rows[i].brief ? " brief" : "");
		t_assert_streq(queue_interval(rows[i].t, rows[i].brief, buf,
		    sizeof(buf)), rows[i].want);
		t_end();
	}
	t_begin("queue_warn_text / queue_return_text");
	/* the real M line after Timeout.queuewarn=1s */
	t_assert_streq(queue_warn_text(1, buf, sizeof(buf)),
	    "Warning: could not send message for past 1 second");
	t_assert_streq(queue_warn_text(14400, buf, sizeof(buf)),
	    "Warning: could not send message for past 4 hours");
	t_assert_streq(queue_return_text(432000, buf, sizeof(buf)),
	    "Cannot send message for 5 days");
	t_end();
}

static void
test_toclass_age(void)
{
	struct queue_timeouts t = {
		{ 4 * 3600, 3600, 2 * 86400, 0 },
		{ 5 * 86400, 2 * 86400, 7 * 86400, 86400 },
	};
	static const struct {
		const char		*name;
		int			 toc;
		time_t			 age;
		unsigned		 flags;
		enum queue_age		 want;
	} rows[] = {
		{ "young", QUEUE_TOC_NORMAL, 3600, 0, QUEUE_AGE_OK },
		{ "warn boundary - 1", QUEUE_TOC_NORMAL, 4 * 3600 - 1, 0,
		  QUEUE_AGE_OK },
		{ "warn boundary", QUEUE_TOC_NORMAL, 4 * 3600, 0,
		  QUEUE_AGE_WARN },
		{ "warned already", QUEUE_TOC_NORMAL, 5 * 3600,
		  QUEUE_F_WARNING, QUEUE_AGE_OK },
		{ "a DSN is not warned about", QUEUE_TOC_NORMAL, 5 * 3600,
		  QUEUE_F_RESPONSE, QUEUE_AGE_OK },
		{ "return boundary", QUEUE_TOC_NORMAL, 5 * 86400,
		  QUEUE_F_WARNING, QUEUE_AGE_RETURN },
		{ "urgent warns sooner", QUEUE_TOC_URGENT, 3600, 0,
		  QUEUE_AGE_WARN },
		{ "non-urgent later", QUEUE_TOC_NONURGENT, 86400, 0,
		  QUEUE_AGE_OK },
		{ "dsn: warn 0 is never", QUEUE_TOC_DSN, 86400 - 1, 0,
		  QUEUE_AGE_OK },
		{ "dsn returns after a day", QUEUE_TOC_DSN, 86400, 0,
		  QUEUE_AGE_RETURN },
		{ "bad class counts as normal", 99, 4 * 3600, 0,
		  QUEUE_AGE_WARN },
	};
	size_t i;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		t_begin("queue_age_check: %s", rows[i].name);
		t_assert_cmp(queue_age_check(&t, (enum queue_toclass)rows[i].toc,
		    1000000, 1000000 + rows[i].age, rows[i].flags), ==,
		    rows[i].want);
		t_end();
	}
	t_begin("queue_age_check: a return of \"now\"");
	t.qt_return[QUEUE_TOC_NORMAL] = -1;
	t_assert_cmp(queue_age_check(&t, QUEUE_TOC_NORMAL, 1000, 1000, 0), ==,
	    QUEUE_AGE_RETURN);
	t.qt_return[QUEUE_TOC_NORMAL] = (time_t)1 << 62;
	t_assert_cmp(queue_age_check(&t, QUEUE_TOC_NORMAL, (time_t)1 << 62,
	    ((time_t)1 << 62) + 10, QUEUE_F_WARNING), ==, QUEUE_AGE_OK);
	t_end();
	t_begin("queue_toclass");
	t_assert_cmp(queue_toclass(0, NULL, false), ==, QUEUE_TOC_NORMAL);
	t_assert_cmp(queue_toclass(-60, NULL, false), ==, QUEUE_TOC_NONURGENT);
	t_assert_cmp(queue_toclass(100, NULL, false), ==, QUEUE_TOC_URGENT);
	t_assert_cmp(queue_toclass(-60, "URGENT", false), ==, QUEUE_TOC_URGENT);
	t_assert_cmp(queue_toclass(100, "normal", false), ==, QUEUE_TOC_NORMAL);
	t_assert_cmp(queue_toclass(0, "Non-Urgent", true), ==,
	    QUEUE_TOC_NONURGENT);
	t_assert_cmp(queue_toclass(0, NULL, true), ==, QUEUE_TOC_DSN);
	t_assert_cmp(queue_toclass(100, "high", true), ==, QUEUE_TOC_DSN);
	t_end();
	t_begin("queue_warn_ok");
	t_assert(queue_warn_ok("alice@example.com", 0));
	t_assert(!queue_warn_ok("<>", 0));
	t_assert(!queue_warn_ok(NULL, 0));
	t_assert(!queue_warn_ok("Owner-list@example.com", 0));
	t_assert(!queue_warn_ok("list-REQUEST", 0));
	t_assert(queue_warn_ok("-request", 0));	/* not longer than 8 */
	t_assert(queue_warn_ok("list-request@example.com", 0));
	t_assert(!queue_warn_ok("alice@example.com", -30));
	t_end();
}

/* The timeouts from the options, as the cf and -O set them. */
static void
test_timeouts_conf(void)
{
	struct queue_timeouts t;
	struct conf cf;

	conf_init(&cf);
	conf_finish(&cf);
	queue_timeouts_conf(&t, &cf);
	/* sendmail's defaults: return after 5 days, no warning */
	t_assert_cmp(t.qt_return[QUEUE_TOC_NORMAL], ==, 5 * 86400);
	t_assert_cmp(t.qt_warn[QUEUE_TOC_NORMAL], ==, 0);
	t_assert(conf_option(&cf, " Timeout.queuewarn=4h", 0, NULL) == 0);
	t_assert(conf_option(&cf, " Timeout.queuereturn.urgent=2d", 0,
	    NULL) == 0);
	t_assert(conf_option(&cf, " Timeout.queuewarn.non-urgent=12", 0,
	    NULL) == 0);	/* hours by default */
	queue_timeouts_conf(&t, &cf);
	t_assert_cmp(t.qt_warn[QUEUE_TOC_NORMAL], ==, 4 * 3600);
	t_assert_cmp(t.qt_warn[QUEUE_TOC_URGENT], ==, 4 * 3600);
	t_assert_cmp(t.qt_warn[QUEUE_TOC_NONURGENT], ==, 12 * 3600);
	t_assert_cmp(t.qt_return[QUEUE_TOC_URGENT], ==, 2 * 86400);
	t_assert_cmp(t.qt_return[QUEUE_TOC_NORMAL], ==, 5 * 86400);
	t_assert_cmp(queue_age_check(&t, QUEUE_TOC_NORMAL, 0, 4 * 3600, 0),
	    ==, QUEUE_AGE_WARN);
	conf_free(&cf);
}

static void
test_young_load_priority(void)
{
	static const struct {
		const char	*name;
		time_t		 now, ctime, dtime;
		int		 ntries;
		time_t		 minage, maxage;
		bool		 want;
	} rows[] = {
		{ "never tried", 100, 0, 90, 0, 3600, 0, false },
		{ "tried 10s ago, MinQueueAge 30m", 100, 0, 90, 1, 1800, 0,
		  true },
		{ "tried exactly MinQueueAge ago", 1900, 0, 100, 1, 1800, 0,
		  false },
		{ "no MinQueueAge", 100, 0, 90, 3, 0, 0, false },
		{ "last try in the future", 100, 0, 200, 1, 1800, 0, false },
		{ "MaxQueueAge: waited 100s, 50s since", 150, 0, 100, 2, 0,
		  3600, true },
		{ "MaxQueueAge: waited 100s, 100s since", 200, 0, 100, 2, 0,
		  3600, false },
		{ "MaxQueueAge caps the wait", 10000 + 600, 0, 10000, 5, 0,
		  600, false },
		{ "MaxQueueAge ignores MinQueueAge", 10100, 0, 10000, 5,
		  100000, 50, false },
	};
	size_t i;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		t_begin("queue_too_young: %s", rows[i].name);
		t_assert_cmp(queue_too_young(rows[i].now, rows[i].ctime,
		    rows[i].dtime, rows[i].ntries, rows[i].minage,
		    rows[i].maxage), ==, rows[i].want);
		t_end();
	}
	t_begin("queue_shouldqueue");
	t_assert(!queue_shouldqueue(1000000, -1, 8, 600000));
	t_assert(!queue_shouldqueue(1000000, 7, 8, 600000));
	t_assert(queue_shouldqueue(600001, 8, 8, 600000));
	t_assert(!queue_shouldqueue(600000, 8, 8, 600000));
	t_assert(queue_shouldqueue(300001, 9, 8, 600000));
	t_assert(!queue_shouldqueue(300000, 9, 8, 600000));
	t_end();
	t_begin("queue_priority: the P lines sendmail wrote");
	/* 55 bytes, 2 recipients; 44 bytes, Precedence: bulk, 2 rcpts */
	t_assert_cmp(queue_priority(55, 0, 2, 1800, 30000), ==, 60055);
	t_assert_cmp(queue_priority(44, -60, 2, 1800, 30000), ==, 168044);
	t_assert_cmp(queue_priority(11, 0, 1, 1800, 30000), ==, 30011);
	/* one queue run later */
	t_assert_cmp(queue_priority_retry(30011, 90000), ==, 120011);
	t_assert_cmp(queue_priority_retry(0x7fffffffffffffffL, 90000), ==,
	    0x7fffffffffffffffL);
	t_assert_cmp(queue_priority(0, -0x7fffffff, 0x7fffffff,
	    0x7fffffffffffffffL, 0x7fffffffffffffffL), ==,
	    0x7fffffffffffffffL);
	t_end();
}

int
main(void)
{
	(void)sm_log_open(SM_LOG_FILE, "t_queue", "/dev/null");
	test_id_format();
	t_run("queue_idgen_next: sendmail's sequence and new bases",
	    test_idgen_sequence);
	test_id_parse();
	t_run("queue_id_new: unique across 5 processes", test_id_unique);
	t_run("queue_commit: df + qf on disk, still locked", test_commit);
	test_abort_and_quarantine();
	test_rewrite_remove_lose();
	t_run("crash during DATA: nothing delivered, df cleaned",
	    test_crash_mid_data);
	t_run("crash in the commit: the tf is never delivered, then cleaned",
	    test_crash_in_commit);
	t_run("kill -9 after the commit: delivered by the next run",
	    test_crash_after_commit);
	t_run("queue_clean: old empty qf", test_clean_empty_qf);
	t_run("two runners at once: each message exactly once",
	    test_two_runners);
	t_run("queue_run: young, no df, garbage, locked", test_run_checks);
	t_run("queue_select_add", test_select);
	test_scan();
	test_sort();
	test_mailq();
	test_interval();
	test_toclass_age();
	test_young_load_priority();
	t_run("queue_timeouts_conf: Timeout.queuewarn/queuereturn options",
	    test_timeouts_conf);
	return t_done();
}
