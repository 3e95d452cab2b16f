/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * t_srvrsmtp.c -- sendmail/srvrsmtp*.c: the command table, parameters,
 * printable replies, check_* rulesets, and whole sessions (smtp_serve on
 * files) against a small handwritten cf.  Reply texts are those recorded
 * from sendmail 8.17 (test/protocol/data/smtp/, CASE.real); the protocol test
 * replays the full transcripts with the real m4-built cf.
 */
#include "libsm/log.h"
#include "sendmail/macro.h"
#include "sendmail/map.h"
#include "sendmail/msg.h"
#include "sendmail/newaliases.h"
#include "sendmail/srvrsmtp_int.h"
#include "sendmail/start.h"
#include "t.h"

#include <dirent.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

/*
 * The real headers.c, deliver.c and rcpt.c are linked: the cf's local
 * mailer (the m4 one's flags: A aliases, w the password file, q VRFY
 * 250, : / | includes, files and programs) knows root and the login
 * users, and the aliases of the temp AliasFile (built in setup as -bi would); with
 * DeliveryMode=q deliver_committed leaves each message in the temp queue.
 */
static const char aliases_text[] =
    "postmaster: root\n"
    "list: root, nosuch@example.com\n";

static const char cf_text[] =
    "V10\n"
    "Cw localhost mta.example.org\n"
    "Djmta.example.org\n"
    "O SmtpGreetingMessage=$j Sendmail $v/$Z; $b\n"
    "S3\n"
    "R$* < $* > $*\t\t$2\n"
    "R$+ @ $+\t\t$@ $1 < @ $2 >\n"
    "S0\n"
    "R$+ < @ $=w >\t\t$#local $: $1\n"
    "R$+ < @ bad . example >\t$#error $@ 5.1.2 $: \"550 Host unknown\"\n"
    "R$+ < @ $+ >\t\t$#esmtp $@ $2 $: $1 < @ $2 >\n"
    "R$+\t\t\t$#local $: $1\n"
    "Scheck_rcpt\n"
    "R< $+ @ relay . denied >\t$#error $@ 5.7.1 $: \"550 Relaying denied\"\n"
    "R< $+ @ discard . me >\t$#discard $: discard\n"
    "Scheck_mail\n"
    "R< $+ @ spam . example >\t$#error $@ 5.7.1 $: \"553 Spammer\"\n"
    "R< $+ @ tmp . example >\t$#error $@ 4.1.8 $: \"451 Try later\"\n"
    "Scheck_relay\n"
    "R$* $| 192.0.2.66\t$#error $@ 5.7.1 $: \"550 Access denied\"\n"
    "S4\n"
    "R$* < @ $+ > $*\t\t$@ $1 @ $2 $3\n"
    "Mlocal, P=/bin/true, F=lsDFMAw5:/|@qSPfhn9, A=true\n"
    "Mesmtp, P=[IPC], F=mDFMuXa, A=TCP $h\n";

static char qdir[512];

static void
setup(void)
{
	char cf[512], opt[600];
	FILE *fp;

	(void)snprintf(cf, sizeof(cf), "%s/cf", t_tmpdir());
	(void)snprintf(qdir, sizeof(qdir), "%s/q", t_tmpdir());
	(void)mkdir(qdir, 0700);
	fp = fopen(cf, "w");
	t_require(fp != NULL);
	(void)fputs(cf_text, fp);
	(void)fclose(fp);
	(void)sm_log_open(SM_LOG_FILE, "t", "/dev/null");
	start_init();
	(void)snprintf(opt, sizeof(opt), " QueueDirectory=%s", qdir);
	readcf_option(opt, 1);
	(void)snprintf(cf, sizeof(cf), "%s/aliases", t_tmpdir());
	fp = fopen(cf, "w");
	t_require(fp != NULL);
	(void)fputs(aliases_text, fp);
	(void)fclose(fp);
	(void)snprintf(opt, sizeof(opt), " AliasFile=%s", cf);
	readcf_option(opt, 1);
	(void)snprintf(cf, sizeof(cf), "%s/cf", t_tmpdir());
	readcf_option(" DeliveryMode=q", 1);
	msg_set_out(stderr);
	t_require(start_config(cf, 0) == 0);
	fp = fopen("/dev/null", "w");
	t_require(fp != NULL && newaliases_run(fp) == 0);
	(void)fclose(fp);
	start_mode('s');
}

/*
 * Run a session on INPUT from PEER in a process of its own, as sendmail
 * runs one (-bs, or the daemon's child): nothing a session leaves in the
 * process (exit status, macros) reaches the next one.  The server's
 * output (malloc'd); *STATUS its exit status when STATUS is not NULL.
 * PROBE: a macro name whose value the child appends after the session
 * as "PROBE=value\r\n" (NULL: none).
 */
static char *
session_x(const char *input, const struct smtp_peer *peer, int *status,
    const char *probe)
{
	char in[600], out[600], *buf;
	int ifd, ofd, wst;
	pid_t pid;
	off_t n;

	(void)snprintf(in, sizeof(in), "%s/in", t_tmpdir());
	(void)snprintf(out, sizeof(out), "%s/out", t_tmpdir());
	ifd = open(in, O_RDWR | O_CREAT | O_TRUNC, 0600);
	ofd = open(out, O_RDWR | O_CREAT | O_TRUNC, 0600);
	if (!t_assert(ifd >= 0 && ofd >= 0) || !t_assert(write(ifd, input,
	    strlen(input)) == (ssize_t)strlen(input)))
		abort();
	(void)lseek(ifd, 0, SEEK_SET);
	if ((pid = fork()) == 0) {
		int st = smtp_serve(ifd, ofd, peer);

		if (probe != NULL)
			(void)dprintf(ofd, "%s=%s\r\n", probe,
			    macro_get(macro_find_id(probe)) != NULL ?
			    macro_get(macro_find_id(probe)) : "(unset)");
		_exit(st);
	}
	if (!t_assert(pid > 0 && waitpid(pid, &wst, 0) == pid &&
	    WIFEXITED(wst)))
		abort();
	if (status != NULL)
		*status = WEXITSTATUS(wst);
	n = lseek(ofd, 0, SEEK_END);
	buf = calloc(1, (size_t)n + 1);
	if (!t_assert(buf != NULL && pread(ofd, buf, (size_t)n, 0) == n))
		abort();
	(void)close(ifd);
	(void)close(ofd);
	if (getenv("T_SRVRSMTP_SHOW") != NULL)
		(void)fprintf(stderr, "%s", buf);
	return buf;
}

static char *
session(const char *input, const struct smtp_peer *peer)
{
	return session_x(input, peer, NULL, NULL);
}

/* Is LINE (CR LF added) one of the lines of OUT? */
static int
has_line(const char *out, const char *line)
{
	size_t n = strlen(line);

	for (const char *p = out; (p = strstr(p, line)) != NULL; p++)
		if ((p == out || p[-1] == '\n') && strncmp(p + n, "\r\n", 2) == 0)
			return 1;
	return 0;
}

/* The number of qf files in the queue (and remove them all). */
static int
queue_count(void)
{
	DIR *d = opendir(qdir);
	struct dirent *e;
	char p[1024];
	int n = 0;

	if (!t_assert(d != NULL))
		return -1;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		n += strncmp(e->d_name, "qf", 2) == 0;
		(void)snprintf(p, sizeof(p), "%s/%s", qdir, e->d_name);
		(void)unlink(p);
	}
	(void)closedir(d);
	return n;
}

/* ---- pure functions ---------------------------------------------------- */

static void
test_cmd_find(void)
{
	static const struct {
		const char *line, *arg;
		enum smtp_cmd cmd;
	} rows[] = {
		{ "HELO client", "client", SMTP_C_HELO },
		{ "ehlo x.y", "x.y", SMTP_C_EHLO },
		{ "  MaIl FROM:<a@b>", "FROM:<a@b>", SMTP_C_MAIL },
		{ "RCPT\tTO:<a>", "TO:<a>", SMTP_C_RCPT },
		{ "DATA", "", SMTP_C_DATA },
		{ "DATAX", "", SMTP_C_UNKNOWN },
		{ "DAT", "", SMTP_C_UNKNOWN },
		{ "", "", SMTP_C_UNKNOWN },
		{ "noop   ", "", SMTP_C_NOOP },
		{ "QUIT now", "now", SMTP_C_QUIT },
		{ "TURN", "", SMTP_C_TURN },
		{ "SAML FROM:<x>", "FROM:<x>", SMTP_C_SAML },
		{ "etrn #q", "#q", SMTP_C_ETRN },
		{ "Subject: hi", "hi", SMTP_C_UNKNOWN },
	};

	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		const char *arg = NULL;

		t_begin("cmd_find \"%s\"", rows[i].line);
		t_assert_cmp(smtp_cmd_find(rows[i].line, strlen(rows[i].line),
		    &arg), ==, rows[i].cmd);
		t_assert_streq(arg, rows[i].arg);
		t_end();
	}
}

static void
test_printable(void)
{
	char b[8];

	t_assert_cmp(smtp_printable(b, sizeof(b), "a\001b\377c\r\n", 7), ==,
	    3);
	t_assert_streq(b, "abc");
	t_assert_cmp(smtp_printable(b, sizeof(b), "0123456789", 10), ==, 7);
	t_assert_streq(b, "0123456");
	t_assert_cmp(smtp_printable(b, sizeof(b), "", 0), ==, 0);
	t_assert_streq(b, "");
	t_assert_cmp(smtp_printable(b, 0, "x", 1), ==, 0);
	t_assert_cmp(smtp_printable(b, sizeof(b), "\x7f~ ", 3), ==, 2);
	t_assert_streq(b, "~ ");
	/* the eighth bit cleared: 0xe9 shows as 'i', 0x80 (NUL) goes */
	t_assert_cmp(smtp_printable(b, sizeof(b), "a\xe9\x80z", 4), ==, 3);
	t_assert_streq(b, "aiz");
}

static void
test_params(void)
{
	struct smtp_param v[3];
	char a[] = "SIZE=100  BODY=8BITMIME\tRET", b[] = "", c[] = "A B C D",
	    d[] = "X= Y==z";

	t_assert_cmp(smtp_params(a, v, 3), ==, 3);
	t_assert_streq(v[0].sp_key, "SIZE");
	t_assert_streq(v[0].sp_val, "100");
	t_assert_streq(v[1].sp_key, "BODY");
	t_assert_streq(v[1].sp_val, "8BITMIME");
	t_assert_streq(v[2].sp_key, "RET");
	t_assert(v[2].sp_val == NULL);
	t_assert_cmp(smtp_params(b, v, 3), ==, 0);
	t_assert_cmp(smtp_params(c, v, 3), ==, -1);
	t_assert_cmp(smtp_params(d, v, 3), ==, 2);
	t_assert_streq(v[0].sp_val, "");
	t_assert_streq(v[1].sp_val, "=z");
}

static void
test_rscheck(void)
{
	SM_STR *r = sm_str_new(SM_STR_NOMAX);

	t_assert_cmp(smtp_rscheck("check_rcpt", "<u@relay.denied>", NULL,
	    "<u@relay.denied>", r), ==, SMTP_RS_REJECT);
	t_assert_streq(r->s_data, "550 5.7.1 <u@relay.denied>... Relaying "
	    "denied");
	t_assert_cmp(smtp_rscheck("check_rcpt", "<u@ok.example>", NULL,
	    "<u@ok.example>", r), ==, SMTP_RS_OK);
	t_assert_cmp(smtp_rscheck("check_rcpt", "<x@discard.me>", NULL, NULL,
	    r), ==, SMTP_RS_DISCARD);
	t_assert_cmp(smtp_rscheck("check_relay", "host", "192.0.2.66", NULL,
	    r), ==, SMTP_RS_REJECT);
	t_assert_streq(r->s_data, "550 5.7.1 Access denied");
	t_assert_cmp(smtp_rscheck("check_relay", "host", "192.0.2.67", NULL,
	    r), ==, SMTP_RS_OK);
	t_assert_cmp(smtp_rscheck("no_such_ruleset", "x", NULL, NULL, r), ==,
	    SMTP_RS_OK);
	t_assert_cmp(smtp_rscheck("check_mail", "<a@tmp.example>", NULL,
	    "<a@tmp.example>", r), ==, SMTP_RS_REJECT);
	t_assert_streq(r->s_data, "451 4.1.8 Try later");
	sm_str_free(r);
}

/* ---- sessions ------------------------------------------------------------ */

static void
test_session_basic(void)
{
	const struct passwd *pw;
	char hello[300];
	int st = -1;
	char *o = session_x("EHLO client.example.net\r\n"
	    "MAIL FROM:<alice@example.com>\r\nRCPT TO:<root>\r\n"
	    "RCPT TO:<root@mta.example.org>\r\nDATA\r\n"
	    "Subject: t\r\n\r\nhello\r\n..dot\r\n.\r\nQUIT\r\n", NULL, &st,
	    NULL);

	t_assert(strncmp(o, "220 mta.example.org ESMTP Sendmail 8.17.1.9/",
	    44) == 0);
	pw = getpwuid(getuid());
	t_require(pw != NULL);
	(void)snprintf(hello, sizeof(hello), "250-mta.example.org Hello "
	    "%s@localhost, pleased to meet you", pw->pw_name);
	t_assert(has_line(o, hello));
	t_assert(strstr(o, "250-ENHANCEDSTATUSCODES\r\n250-PIPELINING\r\n"
	    "250-EXPN\r\n250-VERB\r\n250-8BITMIME\r\n250-SIZE\r\n250-DSN\r\n"
	    "250-ETRN\r\n250-DELIVERBY\r\n250 HELP\r\n") != NULL);
	t_assert(has_line(o, "250 2.1.0 <alice@example.com>... Sender ok"));
	t_assert(has_line(o, "250 2.1.5 <root>... Recipient ok"));
	t_assert(has_line(o, "354 End data with <CR><LF>.<CR><LF>"));
	t_assert(strstr(o, " Message accepted for delivery\r\n") != NULL);
	t_assert(has_line(o, "221 2.0.0 mta.example.org closing connection"));
	/* one R line for the two spellings of root */
	t_assert(strstr(o, "<root@mta.example.org>") == NULL);
	t_assert_cmp(st, ==, 0);
	/* DeliveryMode=q: left in the queue */
	t_assert_cmp(queue_count(), ==, 1);
	free(o);
}

/*
 * Sessions judged by their replies alone: the whole lines that must be
 * there, texts that must be somewhere (MORE) or nowhere (NONE), and the
 * qf files left in the queue (QUEUED, -1: not looked at).  MAXSIZE,
 * MAXRCPT and PRIVACY set the options of those names for the session.
 */
static const struct session_row {
	const char *name, *input;
	const char *want[16], *more[2], *none[4];
	int queued;
	long maxsize;
	int maxrcpt;
	unsigned long privacy;
} session_rows[] = {
	{
		.name = "refusals and discard",
		.input = "HELO c\r\nMAIL FROM:<a@spam.example>\r\n"
		    "MAIL FROM:<a@example.com>\r\nRCPT TO:<u@relay.denied>\r\n"
		    "RCPT TO:<nosuch>\r\nRCPT TO:<u@bad.example>\r\n"
		    "RCPT TO:<x@discard.me>\r\nDATA\r\n"
		    "Subject: d\r\n\r\nx\r\n.\r\nQUIT\r\n",
		.want = {
			"553 5.7.1 <a@spam.example>... Spammer",
			"550 5.7.1 <u@relay.denied>... Relaying denied",
			"550 5.1.1 <nosuch>... User unknown",
			"550 5.1.2 <u@bad.example>... Host unknown",
			"250 2.1.5 <x@discard.me>... Recipient ok",
		},
		.more = { " Message accepted for delivery\r\n" },
		/* discarded: accepted, nothing queued */
		.queued = 0,
	},
	{
		.name = "command order and syntax",
		.input = "RCPT TO:<root>\r\nDATA\r\nMAIL FROM:<a@b.c>\r\n"
		    "MAIL FROM:<a@b.c>\r\nDATA\r\nRSET\r\nMAIL TO:<x>\r\n"
		    "MAIL\r\nHELO\r\nEHLO\r\nSEND x\r\nFOO \001bar\377\r\n"
		    "ETRN\r\nVRFY\r\nNOOP x\r\nETRN example.com\r\nQUIT\r\n",
		.want = {
			"503 5.0.0 Need MAIL before RCPT",
			"250 2.0.0 Queuing for node example.com started",
			"503 5.0.0 Need MAIL command",
			"503 5.5.0 Sender already specified",
			"503 5.0.0 Need RCPT (recipient)",
			"250 2.0.0 Reset state",
			"501 5.5.2 Syntax error in parameters scanning \"TO\"",
			"501 5.5.2 Syntax error in parameters scanning \"\"",
			"501 5.0.0 HELO requires domain address",
			"501 5.0.0 EHLO requires domain address",
			"502 5.5.1 Command not implemented: \"SEND x\"",
			"500 5.5.1 Command unrecognized: \"FOO bar\"",
			"500 5.5.2 Parameter required",
			"501 5.5.2 Argument required",
			"250 2.0.0 OK",
		},
		.queued = -1,
	},
	{
		.name = "MAIL/RCPT parameters",
		.input = "EHLO c\r\nMAIL FROM:<a@b.c> SIZE=201\r\n"
		    "MAIL FROM:<a@b.c> SIZE=abc\r\n"
		    "MAIL FROM:<a@b.c> ENVID=a+0Db\r\n"
		    "MAIL FROM:<a@b.c> BODY=9BIT\r\nMAIL FROM:<a@b.c> RET=X\r\n"
		    "MAIL FROM:<a@b.c> FOO=1\r\n"
		    "MAIL FROM:<a@b.c> RET=HDRS RET=FULL\r\n"
		    "MAIL FROM:<a@b.c> SIZE=200 ENVID=x+2By\r\n"
		    "RCPT TO:<root> NOTIFY=NEVER,SUCCESS\r\n"
		    "RCPT TO:<root> ORCPT=rfc822;a+0Ab\r\n"
		    "RCPT TO:<root> NOTIFY=SUCCESS\r\n"
		    "RCPT TO:<postmaster>\r\nQUIT\r\n",
		.want = {
			"250-SIZE 200",
			"552 5.2.3 Message size exceeds fixed maximum message "
			"size (200)",
			"501 5.5.2 Bad argument \"abc\" to SIZE",
			"501 5.5.4 Syntax error in ENVID parameter value",
			"501 5.5.4 Unknown BODY type 9BIT",
			"501 5.5.2 Bad argument \"X\" to RET",
			"555 5.5.4 FOO parameter unrecognized",
			"501 5.5.0 Duplicate RET parameter",
			"501 5.5.4 Bad argument \"NEVER\"  to NOTIFY",
			"501 5.5.4 Syntax error in ORCPT parameter value",
			"250 2.1.5 <root>... Recipient ok",
			"452 4.5.3 Too many recipients",
		},
		.queued = -1,
		.maxsize = 200,
		.maxrcpt = 1,
	},
	{
		.name = "PrivacyOptions",
		.input = "MAIL FROM:<a@b.c>\r\nVRFY root\r\nEXPN root\r\n"
		    "VERB\r\nETRN x\r\nEHLO c\r\nQUIT\r\n",
		.want = {
			"503 5.0.0 Polite people say HELO first",
			"252 2.5.2 Cannot VRFY user; try RCPT to attempt "
			"delivery (or try finger)",
			"502 5.7.0 Sorry, we do not allow this operation",
			"502 5.7.0 Verbose unavailable",
		},
		.none = { "250-EXPN", "250-VERB", "250-ETRN" },
		.queued = -1,
		.privacy = CONF_PRIV_NEEDMAILHELO | CONF_PRIV_NOEXPN |
		    CONF_PRIV_NOVRFY | CONF_PRIV_NOETRN,
	},
	{
		.name = "bare LF in DATA",
		.input = "HELO c\r\nMAIL FROM:<a@b.c>\r\nRCPT TO:<root>\r\n"
		    "DATA\r\nSubject: x\r\n\r\nline\nbare\r\n.\r\nQUIT\r\n",
		.want = { "421 4.5.0 Bare linefeed (LF) not allowed" },
		.none = { "221 " },
		.queued = 0,
	},
};

/* A failed expectation of a session row, naming the text. */
static void
session_expect(int ok, int line, const char *what, const char *text)
{
	char e[300];

	(void)snprintf(e, sizeof(e), "%s \"%s\"", what, text);
	(void)t_check(ok, __FILE__, line, e);
}

/* The number of entries before the first NULL of array A. */
#define ROW_LEN(a)	row_len((a), sizeof(a) / sizeof((a)[0]))

static size_t
row_len(const char *const *a, size_t max)
{
	size_t n = 0;

	while (n < max && a[n] != NULL)
		n++;
	return n;
}

/* One row of session_rows, with its options set for the session only. */
static void
session_row_check(const struct session_row *row)
{
	struct conf *co = &readcf_config()->cf_conf;
	size_t j;
	char *o;

	co->co_maxmessagesize = row->maxsize;
	co->co_maxrecipientspermessage = row->maxrcpt;
	co->co_privacyoptions = row->privacy;
	o = session(row->input, NULL);
	co->co_maxmessagesize = 0;
	co->co_maxrecipientspermessage = 0;
	co->co_privacyoptions = 0;
	for (j = 0; j < ROW_LEN(row->want); j++)
		session_expect(has_line(o, row->want[j]), __LINE__,
		    "a reply line", row->want[j]);
	for (j = 0; j < ROW_LEN(row->more); j++)
		session_expect(strstr(o, row->more[j]) != NULL, __LINE__,
		    "the text", row->more[j]);
	for (j = 0; j < ROW_LEN(row->none); j++)
		session_expect(strstr(o, row->none[j]) == NULL, __LINE__,
		    "no text", row->none[j]);
	if (row->queued >= 0)
		t_assert_cmp(queue_count(), ==, row->queued);
	free(o);
}

static void
test_session_rows(void)
{
	size_t i;

	for (i = 0; i < sizeof(session_rows) / sizeof(session_rows[0]); i++) {
		t_begin("srvrsmtp: session, %s", session_rows[i].name);
		session_row_check(&session_rows[i]);
		t_end();
	}
}

static void
test_session_limits(void)
{
	char *in = malloc(5000), *o;
	size_t n = 0;

	t_require(in != NULL);
	for (int i = 1; i <= 27; i++)
		n += (size_t)snprintf(in + n, 40, "X%d\r\n", i);
	o = session(in, NULL);
	t_assert(has_line(o, "500 5.5.1 Command unrecognized: \"X25\""));
	t_assert(has_line(o, "421 4.7.0 mta.example.org Too many bad "
	    "commands; closing connection"));
	t_assert(strstr(o, "X26") == NULL);
	free(o);
	memset(in, 'x', 2100);
	memcpy(in, "NOOP ", 5);
	memcpy(in + 2046, "\r\nNOOP ", 7);
	memset(in + 2053, 'y', 2047 - 5);
	memcpy(in + 2053 + 2042, "\r\n", 3);
	o = session(in, NULL);
	t_assert(has_line(o, "250 2.0.0 OK"));
	t_assert(strstr(o, "421 4.7.0 mta.example.org Command too long, "
	    "possible attack ") != NULL);
	free(o);
	free(in);
}

static void
test_session_daemon(void)
{
	struct smtp_peer p = { "192.0.2.66", "[192.0.2.66]", 1234, AF_INET,
	    "MTA", "", 1 };
	char *o = session("EHLO x\r\nMAIL FROM:<>\r\nVRFY root\r\nNOOP\r\n"
	    "RSET\r\nQUIT\r\n", &p);

	t_assert(has_line(o, "250-mta.example.org Hello [192.0.2.66], pleased "
	    "to meet you"));
	t_assert(has_line(o, "250 ENHANCEDSTATUSCODES"));
	t_assert(strstr(o, "550 5.7.1 Access denied\r\n550 5.7.1 Access "
	    "denied\r\n250 2.0.0 OK\r\n250 2.0.0 Reset state\r\n") != NULL);
	free(o);
	p.sp_addr = "192.0.2.1";
	p.sp_name = "client.example.net";
	o = session_x("HELO other\r\nMAIL FROM:<a@b.c>\r\nRCPT TO:<root>\r\n"
	    "QUIT\r\n", &p, NULL, "client_addr");
	t_assert(has_line(o, "250 mta.example.org Hello client.example.net "
	    "[192.0.2.1], pleased to meet you"));
	t_assert(has_line(o, "250 2.1.5 <root>... Recipient ok (will "
	    "queue)"));
	t_assert(has_line(o, "client_addr=192.0.2.1"));
	free(o);
}

/* VRFY and EXPN through rcpt.c, the forms recorded from sendmail 8.17
 * (test/protocol/data/smtp/expn*.real): an alias is answered for by
 * VRFY and expanded by EXPN (members last first, local ones before
 * remote ones), 252 for a VRFY of a mailer without F=q, failures whole. */
static void
test_session_vrfy(void)
{
	const struct passwd *pw = getpwnam("root");
	char line[300];
	char *o = session("HELO c\r\nVRFY list\r\nEXPN list\r\n"
	    "VRFY <x@example.com>\r\nVRFY nosuch\r\nEXPN \"|/bin/cat\"\r\n"
	    "QUIT\r\n", NULL);

	t_require(pw != NULL);
	t_assert(has_line(o, "250 2.1.5 <list@mta.example.org>"));
	(void)snprintf(line, sizeof(line), "250-2.1.5 %s%s<root@"
	    "mta.example.org>", pw->pw_gecos, pw->pw_gecos[0] ? " " : "");
	t_assert(strstr(o, line) != NULL);
	t_assert(has_line(o, "250 2.1.5 <nosuch@example.com>"));
	t_assert(has_line(o, "252 2.1.5 <x@example.com>"));
	t_assert(has_line(o, "550 5.1.1 nosuch... User unknown"));
	t_assert(has_line(o, "550 5.7.1 \"|/bin/cat\"... Cannot mail directly "
	    "to programs"));
	free(o);
}

/* Timeout.command: the session ends without a word, status EX_OK. */
static void
test_session_timeout(void)
{
	struct conf *co = &readcf_config()->cf_conf;
	char out[600], buf[512];
	int fds[2], ofd, st, wst;
	pid_t pid;
	ssize_t n;

	(void)snprintf(out, sizeof(out), "%s/tout", t_tmpdir());
	ofd = open(out, O_RDWR | O_CREAT | O_TRUNC, 0600);
	t_require(ofd >= 0 && pipe(fds) == 0);
	t_require(write(fds[1], "HELO x\r\n", 8) == 8);
	co->co_timeout_command = 1;
	/* a process of its own, as "sendmail -bs" is: the exit status is
	 * the session's, not what earlier sessions here left behind */
	pid = fork();
	t_require(pid >= 0);
	if (pid == 0)
		_exit(smtp_serve(fds[0], ofd, NULL));
	t_require(waitpid(pid, &wst, 0) == pid && WIFEXITED(wst));
	st = WEXITSTATUS(wst);
	co->co_timeout_command = 3600;
	n = pread(ofd, buf, sizeof(buf) - 1, 0);
	t_require(n > 0);
	buf[n] = '\0';
	t_assert_cmp(st, ==, 0);
	t_assert(strncmp(buf, "220 ", 4) == 0);
	t_assert(has_line(buf, "250 mta.example.org Hello root@localhost, "
	    "pleased to meet you") || getuid() != 0);
	t_assert(strstr(buf, "421") == NULL);
	(void)close(fds[0]);
	(void)close(fds[1]);
	(void)close(ofd);
}

int
main(void)
{
	setup();
	t_run("srvrsmtp: command table", test_cmd_find);
	t_run("srvrsmtp: printable replies", test_printable);
	t_run("srvrsmtp: ESMTP parameters", test_params);
	t_run("srvrsmtp: check rulesets", test_rscheck);
	t_run("srvrsmtp: session, one message queued", test_session_basic);
	test_session_rows();
	t_run("srvrsmtp: session, bad commands and long lines",
	    test_session_limits);
	t_run("srvrsmtp: session, daemon clients", test_session_daemon);
	t_run("srvrsmtp: session, VRFY and EXPN", test_session_vrfy);
	t_run("srvrsmtp: session, Timeout.command", test_session_timeout);
	map_close_all();
	return t_done();
}
