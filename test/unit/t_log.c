/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * t_log.c -- libsm/log.c: sendmail-format log lines to a file.
 *
 * Expected texts come from the real sendmail 8.17.1.9 (Debian 12), run in
 * a private namespace with a fake /dev/log: how it prefixes queue ids,
 * splits long lines ("QID[n]: ... ..."), escapes client bytes in SMTP
 * transcript lines, and prints delay= values.  The file prefix imitates
 * syslogd's ("Mon DD HH:MM:SS host ident[pid]: ").
 */
#include "libsm/log.h"
#include "t.h"

#include <errno.h>
#include <fcntl.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define LOGBUF	(256 * 1024)

static char	logpath[512];
static char	*logtext;		/* the file, read back */

/* Start a fresh log file for one case. */
static int
log_to_file(void)
{
	(void)snprintf(logpath, sizeof(logpath), "%s/maillog", t_tmpdir());
	(void)unlink(logpath);
	sm_log_level(LOG_DEBUG);
	return sm_log_open(SM_LOG_FILE, "sendmail", logpath);
}

/* Read the log file back into logtext; returns its length or -1. */
static ssize_t
read_log(void)
{
	ssize_t n, total = 0;
	int fd = open(logpath, O_RDONLY);

	if (logtext == NULL)
		logtext = malloc(LOGBUF);
	if (fd < 0 || logtext == NULL)
		return -1;
	while ((n = read(fd, logtext + total, LOGBUF - 1 - total)) > 0)
		total += n;
	(void)close(fd);
	logtext[total] = '\0';
	return total;
}

/* Does LINE carry a syslog-like prefix with our ident and pid? */
static int
prefix_ok(const char *line, long pid)
{
	char re[256];
	regex_t rx;
	int ok;

	(void)snprintf(re, sizeof(re), "^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|"
	    "Sep|Oct|Nov|Dec) [ 1-3][0-9] [0-2][0-9]:[0-5][0-9]:[0-6][0-9] "
	    "[^ .]+ sendmail\\[%ld\\]: ", pid);
	if (regcomp(&rx, re, REG_EXTENDED | REG_NOSUB) != 0)
		return 0;
	ok = regexec(&rx, line, 0, NULL, 0) == 0;
	regfree(&rx);
	return ok;
}

/*
 * The messages of the log, prefixes stripped, each followed by '\n', into
 * OUT.  Returns the number of lines, or -1 if a prefix is wrong.
 */
static int
messages(char *out, size_t size, long pid)
{
	char *line, *next, *msg;
	size_t n = 0, len;
	int count = 0;

	if (read_log() < 0)
		return -1;
	out[0] = '\0';
	for (line = logtext; *line != '\0'; line = next + 1) {
		if ((next = strchr(line, '\n')) == NULL)
			return -1;
		*next = '\0';
		if (!prefix_ok(line, pid) || (msg = strstr(line, "]: ")) == NULL)
			return -1;
		msg += 3;
		len = strlen(msg);
		if (n + len + 2 > size)
			return -1;
		memcpy(out + n, msg, len);
		out[n + len] = '\n';
		n += len + 1;
		out[n] = '\0';
		count++;
	}
	return count;
}

static void
test_format(void)
{
	static char got[8192];

	t_require(log_to_file() == 0);
	sm_log(LOG_INFO, "6AM0P4Ef011106", "to=root, delay=%s, stat=%s",
	    "00:00:00", "Sent");
	sm_log(LOG_NOTICE, NULL, "starting daemon (%s): %s", "8.17.1.9",
	    "SMTP");
	sm_log(LOG_INFO, "NOQUEUE", "connect from %s", "root@localhost");
	sm_log(LOG_INFO, "", "empty qid is no prefix");
	sm_log_close();
	t_assert_cmp(messages(got, sizeof(got), (long)getpid()), ==, 4);
	t_assert_streq(got,
	    "6AM0P4Ef011106: to=root, delay=00:00:00, stat=Sent\n"
	    "starting daemon (8.17.1.9): SMTP\n"
	    "NOQUEUE: connect from root@localhost\n"
	    "empty qid is no prefix\n");
}

static const struct {
	const char	*name;
	const char	*text;
	const char	*want;
} esc_rows[] = {
	{ "plain", "plain text", "plain text" },
	{ "newline cannot inject a line", "a\nJan  1 00:00:00 x sendmail[1]: x",
	    "a\\nJan  1 00:00:00 x sendmail[1]: x" },
	{ "CR LF", "EHLO x\r\n", "EHLO x\\r\\n" },
	{ "tab", "a\tb", "a\\tb" },
	{ "other controls octal", "a\001b\033c\177d", "a\\001b\\033c\\177d" },
	{ "backslash kept", "\"a\\b\"@x", "\"a\\b\"@x" },
	{ "8-bit kept", "caf\xc3\xa9", "caf\xc3\xa9" },
	{ "empty", "", "" },
};

static void
test_escaping(void)
{
	static char got[4096], want[4096];
	size_t i;

	for (i = 0; i < sizeof(esc_rows) / sizeof(esc_rows[0]); i++) {
		t_begin("log: escaping: %s", esc_rows[i].name);
		if (log_to_file() != 0) {
			t_assert(!"log_to_file");
			continue;
		}
		sm_log(LOG_INFO, "Q1", "%s", esc_rows[i].text);
		sm_log(LOG_INFO, "Q\n2", "qid too");
		sm_log_close();
		(void)snprintf(want, sizeof(want), "Q1: %s\nQ\\n2: qid too\n",
		    esc_rows[i].want);
		t_assert_cmp(messages(got, sizeof(got), (long)getpid()), ==, 2);
		t_assert_streq(got, want);
		t_end();
	}
}

/* A NUL made by %c is escaped, not an end of string. */
static void
test_nul(void)
{
	static char got[256];

	t_require(log_to_file() == 0);
	sm_log(LOG_INFO, NULL, "a%cb", 0);
	sm_log_close();
	t_assert_cmp(messages(got, sizeof(got), (long)getpid()), ==, 1);
	t_assert_streq(got, "a\\000b\n");
}

static void
test_level(void)
{
	static char got[1024];

	t_require(log_to_file() == 0);
	sm_log_level(LOG_NOTICE);
	t_assert(!sm_log_wants(LOG_INFO));
	t_assert(sm_log_wants(LOG_NOTICE));
	t_assert(sm_log_wants(LOG_MAIL | LOG_ERR));
	sm_log(LOG_INFO, NULL, "dropped");
	sm_log(LOG_DEBUG, NULL, "dropped too");
	sm_log(LOG_NOTICE, NULL, "kept");
	sm_log(LOG_CRIT, NULL, "kept too");
	sm_log_level(LOG_INFO);
	sm_log_close();
	t_assert_cmp(messages(got, sizeof(got), (long)getpid()), ==, 2);
	t_assert_streq(got, "kept\nkept too\n");
}

static void
test_errno(void)
{
	static char got[1024];

	t_require(log_to_file() == 0);
	errno = ENOENT;
	sm_log(LOG_ERR, NULL, "open x: %m");
	t_assert_cmp(errno, ==, ENOENT);
	errno = EACCES;
	sm_log_level(LOG_ERR);
	sm_log(LOG_INFO, NULL, "filtered");
	t_assert_cmp(errno, ==, EACCES);
	sm_log_level(LOG_INFO);
	sm_log_close();
	t_assert_cmp(errno, ==, EACCES);
	t_assert_cmp(messages(got, sizeof(got), (long)getpid()), ==, 1);
	t_assert_streq(got, "open x: No such file or directory\n");
}

/* An open that fails keeps the old destination. */
static void
test_open_fail(void)
{
	static char got[1024];
	char bad[600];

	t_require(log_to_file() == 0);
	(void)snprintf(bad, sizeof(bad), "%s/no/such/dir/log", t_tmpdir());
	errno = 0;
	t_assert_cmp(sm_log_open(SM_LOG_FILE, "sendmail", bad), ==, -1);
	t_assert_cmp(errno, ==, ENOENT);
	t_assert_cmp(sm_log_open(SM_LOG_FILE, "sendmail", NULL), ==, -1);
	t_assert_cmp(errno, ==, EINVAL);
	sm_log(LOG_INFO, NULL, "still here");
	sm_log_close();
	t_assert_cmp(messages(got, sizeof(got), (long)getpid()), ==, 1);
	t_assert_streq(got, "still here\n");
}

static void
test_stderr(void)
{
	static char got[1024];
	int fd, saved;

	(void)snprintf(logpath, sizeof(logpath), "%s/stderr", t_tmpdir());
	fd = open(logpath, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	t_require(fd >= 0);
	saved = dup(2);
	(void)dup2(fd, 2);
	(void)close(fd);
	t_assert_cmp(sm_log_open(SM_LOG_STDERR, "sendmail", NULL), ==, 0);
	sm_log(LOG_WARNING, "QQ", "to stderr");
	sm_log_close();
	(void)dup2(saved, 2);
	(void)close(saved);
	t_assert_cmp(messages(got, sizeof(got), (long)getpid()), ==, 1);
	t_assert_streq(got, "QQ: to stderr\n");
}

/* The syslog destination cannot be read back here; it must not fail. */
static void
test_syslog(void)
{
	t_assert_cmp(sm_log_open(SM_LOG_SYSLOG, "tern-test", NULL), ==, 0);
	sm_log_level(LOG_EMERG);	/* keep the host's log clean */
	sm_log(LOG_INFO, "Q", "not sent");
	sm_log_level(LOG_INFO);
	sm_log_close();
	t_assert_cmp(sm_log_open(99, "x", NULL), ==, -1);
	t_assert_cmp(errno, ==, EINVAL);
}

/* Fill BUF with N copies of C. */
static char *
rep(char *buf, char c, size_t n)
{
	memset(buf, c, n);
	buf[n] = '\0';
	return buf;
}

/* Observed "started as:" command line of the probe, up to its last
 * space (179 bytes); the rest of each row's text follows it. */
#define STARTED "started as: /tmp/sendmail-anchor-cache/all/root/usr/" \
	"libexec/sendmail/sendmail -C /tmp/h2ref/mail.cf -bd -O PidFile=" \
	"/tmp/h2ref/sm.pid -O DaemonPortOptions=Port=2525,Addr=127.0.0.1 "

static void
test_split_noqid(void)
{
	static char got[16384], want[16384], b1[2048], b2[2048];
	long pid = (long)getpid();

	t_require(strlen(STARTED) == 179);
	t_require(log_to_file() == 0);
	/* 980 bytes: one line */
	sm_log(LOG_INFO, NULL, "%s-OAliasFile=/x%s", STARTED, rep(b1, 'b', 787));
	/* 981 bytes: split after the last space */
	sm_log(LOG_INFO, NULL, "%s-OAliasFile=/x%s", STARTED, rep(b1, 'b', 788));
	sm_log_close();
	(void)snprintf(want, sizeof(want), "%s-OAliasFile=/x%s\n"
	    "[1]: %s ...\n[2]: -OAliasFile=/x%s\n", STARTED, rep(b1, 'b', 787),
	    STARTED, rep(b2, 'b', 788));
	t_assert_cmp(messages(got, sizeof(got), pid), ==, 3);
	t_assert_streq(got, want);

	/* a space just past the 970-byte window edge still splits there */
	t_require(log_to_file() == 0);
	sm_log(LOG_INFO, NULL, "%s-OAliasFile=/x%s %s", STARTED,
	    rep(b1, 'b', 956), rep(b2, 'c', 2000));
	sm_log_close();
	(void)snprintf(want, sizeof(want), "[1]: %s ...\n"
	    "[2]: -OAliasFile=/x%s  ...\n", STARTED, rep(b1, 'b', 956));
	t_assert_cmp(messages(got, sizeof(got), pid), ==, 5);
	got[strlen(want)] = '\0';
	t_assert_streq(got, want);
}

static void
test_split_tail(void)
{
	static char got[16384], want[16384], b1[2048], b2[2048], b3[2048],
	    b4[2048];

	/* a space 3 bytes into the third window: a short part */
	t_require(log_to_file() == 0);
	sm_log(LOG_INFO, NULL, "%s-OAliasFile=/x%s %s", STARTED,
	    rep(b1, 'b', 959), rep(b2, 'c', 2000));
	sm_log_close();
	(void)snprintf(want, sizeof(want), "[1]: %s ...\n"
	    "[2]: -OAliasFile=/x%s ...\n[3]: bbb  ...\n[4]: %s ...\n"
	    "[5]: %s ...\n[6]: %s\n", STARTED, rep(b1, 'b', 956),
	    rep(b2, 'c', 970), rep(b3, 'c', 970), rep(b4, 'c', 60));
	t_assert_cmp(messages(got, sizeof(got), (long)getpid()), ==, 6);
	t_assert_streq(got, want);
}

/* With a queue id the window shrinks by its length (SMTP transcript). */
static void
test_split_qid(void)
{
	static char got[16384], want[16384], f[160], g[2048], g2[2048];
	const char *q = "6AM0QRbd017317";
	long pid = (long)getpid();

	rep(f, 'f', 150);
	t_require(log_to_file() == 0);
	sm_log(LOG_INFO, q, "<-- NOOP %s %s %s %s %s %s %s %s %s %s",
	    f, f, f, f, f, f, f, f, f, f);
	sm_log(LOG_INFO, q, "<-- NOOP %s", rep(g, 'g', 1800));
	sm_log_close();
	(void)snprintf(want, sizeof(want),
	    "%s[1]: <-- NOOP %s %s %s %s %s %s  ...\n"
	    "%s[2]: %s %s %s %s\n", q, f, f, f, f, f, f, q, f, f, f, f);
	t_assert_cmp(messages(got, sizeof(got), pid), ==, 5);
	t_assert_cmp(strncmp(got, want, strlen(want)), ==, 0);
	(void)snprintf(want + strlen(want), sizeof(want) - strlen(want),
	    "%s[1]: <-- NOOP  ...\n%s[2]: %s ...\n%s[3]: %s\n", q, q,
	    rep(g, 'g', 956), q, rep(g2, 'g', 844));
	t_assert_streq(got, want);
}

/* Beyond SM_LOG_MAX the text is cut and ends in "...". */
static void
test_truncate(void)
{
	static char got[32768], big[20000], joined[20000];
	char *p, *q;
	size_t n = 0;

	rep(big, 'z', sizeof(big) - 1);
	t_require(log_to_file() == 0);
	sm_log(LOG_INFO, NULL, "%s", big);
	sm_log(LOG_INFO, NULL, "after");
	sm_log_close();
	t_require(messages(got, sizeof(got), (long)getpid()) > 2);
	/* glue the parts back: strip "[n]: " and " ..." */
	for (p = got; (q = strchr(p, '\n')) != NULL && p[0] == '['; p = q + 1) {
		char *text = strstr(p, "]: ") + 3;
		size_t len = (size_t)(q - text);

		if (len >= 4 && memcmp(q - 4, " ...", 4) == 0)
			len -= 4;
		memcpy(joined + n, text, len);
		n += len;
	}
	joined[n] = '\0';
	t_assert_cmp(n, ==, SM_LOG_MAX - 1);
	t_assert_cmp(strspn(joined, "z"), ==, SM_LOG_MAX - 4);
	t_assert_streq(joined + SM_LOG_MAX - 4, "...");
	t_assert_streq(p, "after\n");
}

/* An escape is never cut in half at the limit. */
static void
test_truncate_escape(void)
{
	static char got[32768], big[SM_LOG_MAX];
	char *last;

	memset(big, '\001', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	t_require(log_to_file() == 0);
	sm_log(LOG_INFO, NULL, "%s", big);
	sm_log_close();
	t_require(messages(got, sizeof(got), (long)getpid()) > 1);
	got[strlen(got) - 1] = '\0';
	last = strrchr(got, '\n');
	t_require(last != NULL);
	t_assert(strlen(last) >= 8);
	t_assert_streq(last + strlen(last) - 7, "\\001...");
}

/* Several processes appending: every line stays whole. */
static void
test_concurrent(void)
{
	static char got[LOGBUF], pad[400];
	int i, j, st, lines, ok = 1;
	pid_t kids[4];
	char *p;

	t_require(log_to_file() == 0);
	rep(pad, 'p', sizeof(pad) - 1);
	for (i = 0; i < 4; i++) {
		if ((kids[i] = fork()) == 0) {
			for (j = 0; j < 100; j++)
				sm_log(LOG_INFO, "Q", "kid %d line %d %s", i, j,
				    pad);
			_exit(0);
		}
	}
	for (i = 0; i < 4; i++)
		(void)waitpid(kids[i], &st, 0);
	sm_log_close();
	t_require(read_log() > 0);
	lines = 0;
	for (p = logtext; (p = strstr(p, "]: Q: kid ")) != NULL; p++) {
		char *nl = strchr(p, '\n');

		lines++;
		if (nl == NULL || nl - p < 399 ||
		    memcmp(nl - 399, pad, 399) != 0)
			ok = 0;
	}
	t_assert_cmp(lines, ==, 400);
	t_assert(ok);
	(void)got;
}

static void
test_kv(void)
{
	SM_LOGKV kv;
	char d[SM_LOG_DELAYSZ], x[SM_LOG_DELAYSZ], big[SM_LOG_MAX];

	sm_logkv_init(&kv);
	t_assert_streq(sm_logkv_str(&kv), "");
	t_assert_cmp(sm_logkv_add(&kv, "to", "%s", "true"), ==, 0);
	(void)sm_logkv_add(&kv, "delay", "%s",
	    sm_log_delay(d, sizeof(d), 2 * 86400 + 3 * 3600 + 4 * 60 + 5));
	(void)sm_logkv_add(&kv, "xdelay", "%s", sm_log_delay(x, sizeof(x), 0));
	(void)sm_logkv_add(&kv, "mailer", "%s", "local");
	(void)sm_logkv_add(&kv, "pri", "%ld", 120018L);
	(void)sm_logkv_add(&kv, "dsn", "%s", "2.0.0");
	(void)sm_logkv_add(&kv, "stat", "%s", "Sent");
	/* the line real sendmail logged for this delivery */
	t_assert_streq(sm_logkv_str(&kv), "to=true, delay=2+03:04:05, "
	    "xdelay=00:00:00, mailer=local, pri=120018, dsn=2.0.0, stat=Sent");
	t_assert(!kv.kv_trunc);

	/* a pair that does not fit is dropped whole; a small one still fits */
	memset(big, 'a', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	t_assert_cmp(sm_logkv_add(&kv, "relay", "%s", big), ==, -1);
	t_assert(kv.kv_trunc);
	t_assert_cmp(sm_logkv_add(&kv, "ntries", "%d", 1), ==, 0);
	t_assert_streq(sm_logkv_str(&kv) + strlen(sm_logkv_str(&kv)) - 19,
	    "stat=Sent, ntries=1");
	t_assert_cmp(strlen(sm_logkv_str(&kv)), ==, kv.kv_len);
}

static const struct {
	long long	secs;
	const char	*want;
} delay_rows[] = {
	{ 0, "00:00:00" },			/* observed */
	{ 2 * 86400 + 3 * 3600 + 4 * 60 + 5, "2+03:04:05" },	/* observed */
	{ 59, "00:00:59" },
	{ 3599, "00:59:59" },
	{ 86399, "23:59:59" },
	{ 86400, "1+00:00:00" },
	{ 123 * 86400 + 61, "123+00:01:01" },
	{ -5, "00:00:00" },
};

static void
test_delay(void)
{
	char buf[SM_LOG_DELAYSZ], small[6];
	size_t i;

	for (i = 0; i < sizeof(delay_rows) / sizeof(delay_rows[0]); i++) {
		t_begin("log: delay %lld s is %s", delay_rows[i].secs,
		    delay_rows[i].want);
		t_assert_streq(sm_log_delay(buf, sizeof(buf),
		    delay_rows[i].secs), delay_rows[i].want);
		t_end();
	}
	t_begin("log: delay: large values and small buffers");
	t_assert_streq(sm_log_delay(buf, sizeof(buf), 0x7fffffffffffffffLL),
	    "106751991167300+15:30:07");
	t_assert_streq(sm_log_delay(small, sizeof(small), 3661), "01:01");
	t_end();
}

#define S(x)	x, sizeof(x) - 1
static const struct {
	const char	*name;
	const char	*in;
	size_t		len;
	size_t		size;
	const char	*want;
} prt_rows[] = {
	/* both observed in real sendmail's "<--" transcript lines */
	{ "controls, DEL, tab, 8-bit", S("NOOP a\001b\177c\td\351e"), 64,
	    "NOOP a\\001b\\177c\\td\\351e" },
	{ "backslash doubled, ESC", S("NOOP a\\b\033c"), 64,
	    "NOOP a\\\\b\\033c" },
	{ "CR LF NUL", S("a\r\n\0b"), 64, "a\\r\\n\\000b" },
	{ "cut before an escape", S("abc\001"), 6, "abc" },
	{ "cut exactly", S("abcdef"), 4, "abc" },
	{ "fits exactly", S("a\tb"), 5, "a\\tb" },
	{ "empty", S(""), 4, "" },
};

static void
test_prt(void)
{
	char out[80];
	size_t i;

	for (i = 0; i < sizeof(prt_rows) / sizeof(prt_rows[0]); i++) {
		t_begin("log: sm_log_prt: %s", prt_rows[i].name);
		memset(out, 'X', sizeof(out));
		t_assert_streq(sm_log_prt(out, prt_rows[i].size, prt_rows[i].in,
		    prt_rows[i].len), prt_rows[i].want);
		t_assert(out[prt_rows[i].size] == 'X');
		t_end();
	}
	t_begin("log: sm_log_prt: size 0 writes nothing");
	out[0] = 'X';
	(void)sm_log_prt(out, 0, "abc", 3);
	t_assert(out[0] == 'X');
	t_end();
}

int
main(void)
{
	t_run("log: file lines, QID prefix, no prefix without QID",
	    test_format);
	test_escaping();
	t_run("log: NUL from %c escaped", test_nul);
	t_run("log: level filter", test_level);
	t_run("log: errno kept, %m", test_errno);
	t_run("log: failed open keeps the old destination", test_open_fail);
	t_run("log: stderr destination", test_stderr);
	t_run("log: syslog destination opens", test_syslog);
	t_run("log: split as sendmail, no QID (observed)", test_split_noqid);
	t_run("log: split after an early space (observed)", test_split_tail);
	t_run("log: split with a QID (observed)", test_split_qid);
	t_run("log: cut at SM_LOG_MAX", test_truncate);
	t_run("log: cut never splits an escape", test_truncate_escape);
	t_run("log: concurrent appenders keep lines whole", test_concurrent);
	t_run("log: key=value builder, sendmail delivery line", test_kv);
	test_delay();
	test_prt();
	free(logtext);
	return t_done();
}
