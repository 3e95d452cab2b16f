/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * t_dsn.c -- sendmail/dsn.c: a bounce composed for a recorded message is
 * laid out as sendmail 8.17.1.9's (Debian 12) bounce of the same
 * message: its envelope and H lines, the multipart/report parts, the
 * message/delivery-status fields, the returned message.  The recording:
 * "printf 'Subject: h\nTo: nosuchuser\n\nbody h\n' | sendmail -odi -oem
 * -f root nosuchuser" as mta.example.org, the cf of t_cfsetup.h, the
 * bounce held in the queue by a local mailer that deferred root.  Our
 * own words in the text part are not compared, only the lines programs
 * match.  A delay warning recorded the same way (Timeout.queuewarn=1s)
 * gives its Subject, Auto-Submitted and Will-Retry-Until.
 */
#include "libsm/date.h"
#include "libsm/str.h"
#include "sendmail/dsn.h"
#include "sendmail/headers.h"
#include "sendmail/macro.h"
#include "sendmail/queue.h"
#include "sendmail/readcf.h"
#include "t.h"
#include "t_cfsetup.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* The message that bounced, as its qf was (sendmail 8.17.1.9). */
static const char orig_qf[] =
    "V8\nT1795319006\nK0\nN0\nP30019\nFs\n$_root@localhost\n"
    "${daemon_flags}c u\nSroot\nAroot@mta.example.org\n"
    "rRFC822; nosuchuser@mta.example.org\nRPFD:nosuchuser\n"
    "H?P?Return-Path: <\201g>\n"
    "H??Received: (from root@localhost)\n"
    "\tby mta.example.org (8.17.1.9/8.17.1.9) id 6AM3hQdU012162\n"
    "\tfor nosuchuser; Sun, 22 Nov 2026 03:43:26 GMT\n"
    "H?D?Date: Sun, 22 Nov 2026 03:43:26 GMT\n"
    "H?F?From: root <root>\nH?x?Full-Name: root\n"
    "H?M?Message-Id: <202611220343.6AM3hQdU012162@mta.example.org>\n"
    "H??Subject: h\nH??To: nosuchuser\n.\n";

/* The bounce's H lines; %s: its date (3 times), $t, boundary time. */
static const char bounce_h[] =
    "H?P?Return-Path: <\201g>\n"
    "H??Received: from localhost (localhost)\n"
    "\tby mta.example.org (8.17.1.9/8.17.1.9) id 6AM3hQdV012162;\n"
    "\t%s\n"
    "H?D?Date: %s\n"
    "H?F?From: Mail Delivery Subsystem <MAILER-DAEMON>\n"
    "H?x?Full-Name: Mail Delivery Subsystem\n"
    "H?M?Message-Id: <%s.6AM3hQdV012162@mta.example.org>\n"
    "H??To: root\nH??MIME-Version: 1.0\n"
    "H??Content-Type: multipart/report; report-type=delivery-status;\n"
    "\tboundary=\"6AM3hQdV012162.%lld/mta.example.org\"\n"
    "H??Subject: Returned mail: see transcript for details\n"
    "H??Auto-Submitted: auto-generated (failure)\n.\n";

/* The bounce's body from the status part on; %s: the boundary. */
static const char bounce_tail[] =
    "--%s\n"
    "Content-Type: message/delivery-status\n\n"
    "Reporting-MTA: dns; mta.example.org\n"
    "Arrival-Date: Sun, 22 Nov 2026 03:43:26 GMT\n\n"
    "Final-Recipient: RFC822; nosuchuser@mta.example.org\n"
    "X-Actual-Recipient: rfc822; nosuchuser@mta.example.org\n"
    "Action: failed\nStatus: 5.1.1\n"
    "Diagnostic-Code: X-Unix; 550 5.1.1 User unknown\n"
    "Last-Attempt-Date: Sun, 22 Nov 2026 03:43:26 GMT\n\n"
    "--%s\n"
    "Content-Type: message/rfc822\n\n"
    "Return-Path: <root>\n"
    "Received: (from root@localhost)\n"
    "\tby mta.example.org (8.17.1.9/8.17.1.9) id 6AM3hQdU012162\n"
    "\tfor nosuchuser; Sun, 22 Nov 2026 03:43:26 GMT\n"
    "Date: Sun, 22 Nov 2026 03:43:26 GMT\n"
    "From: root <root>\n"
    "Message-Id: <202611220343.6AM3hQdU012162@mta.example.org>\n"
    "Subject: h\nTo: nosuchuser\n\n"
    "body h\n\n"
    "--%s--\n\n";

static void
load(void)
{
	cfsetup_load();
	macro_set('j', "mta.example.org");
	macro_set('v', "8.17.1.9");
	macro_set('Z', "8.17.1.9");
	macro_set('i', "6AM3hQdV012162");
	macro_set('g', "before");
}

/* A file under the test's temp dir holding TEXT, open for reading. */
static int
tmpfile_with(const char *name, const char *text)
{
	char path[1024];
	int fd;

	(void)snprintf(path, sizeof(path), "%s/%s", t_tmpdir(), name);
	fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	if (fd >= 0 && write(fd, text, strlen(text)) < 0) {
		(void)close(fd);
		return -1;
	}
	return fd;
}

/* Everything written to FD. */
static void
slurp(int fd, SM_STR *s)
{
	char buf[4096];
	ssize_t n;
	off_t off = 0;

	sm_str_reset(s);
	while ((n = pread(fd, buf, sizeof(buf), off)) > 0) {
		(void)sm_str_add(s, buf, (size_t)n);
		off += n;
	}
}

struct run {
	struct queue_file *orig, *out;
	SM_STR *body, *h;
	char bnd[128];
};

/* Compose a DSN of KIND for the recorded message (its qf altered by
 * EXTRA_FLAGS) and recipient R, with the cf load() read. */
static int
run_qf(struct run *x, const char *qftext, const struct dsn_rcpt *r,
    const char *const *final, size_t n, enum dsn_kind kind,
    unsigned extra_flags, const char *body)
{
	int dfd, outfd, rc;
	SM_STR *why = sm_str_new(0), *all = sm_str_new(0);
	const char *p;

	if (queue_parse(qftext, strlen(qftext), "qf", &x->orig, why) < 0)
		return -1;
	x->orig->qf_flags |= extra_flags;
	x->out = queue_file_new();
	dfd = tmpfile_with("df", body);
	outfd = tmpfile_with("out", "");
	rc = dsn_build_final(x->orig, "6AM3hQdU012162", dfd, r, final, n,
	    kind, x->out, outfd, why);
	x->body = sm_str_new(0);
	slurp(outfd, x->body);
	(void)close(dfd);
	(void)close(outfd);
	(void)snprintf(x->bnd, sizeof(x->bnd), "6AM3hQdV012162.%lld/"
	    "mta.example.org", (long long)x->out->qf_ctime);
	(void)queue_format(x->out, all);
	x->h = sm_str_new(0);
	p = strstr(sm_str_data(all), "\nH");
	if (p != NULL)
		(void)sm_str_adds(x->h, p + 1);
	sm_str_free(why);
	sm_str_free(all);
	return rc;
}

static int
run(struct run *x, const struct dsn_rcpt *r, size_t n, enum dsn_kind kind,
    unsigned extra_flags, const char *body)
{
	return run_qf(x, orig_qf, r, NULL, n, kind, extra_flags, body);
}

static void
run_free(struct run *x)
{
	queue_file_free(x->orig);
	queue_file_free(x->out);
	sm_str_free(x->body);
	sm_str_free(x->h);
}

static const struct dsn_rcpt unknown = {
	"nosuchuser", NULL, "5.1.1", NULL, "550 5.1.1 User unknown", NULL,
	1795319006, NULL, NULL
};

static void
test_bounce(void)
{
	struct run x;
	char date[64], t[16], *want;
	size_t len;
	struct tm tm;
	const char *tail;

	load();
	t_require(run(&x, &unknown, 1, DSN_FAILED, 0, "body h\n") == 0);
	/* envelope */
	t_assert_streq(x.out->qf_sender, "MAILER-DAEMON");
	t_assert_cmp(x.out->qf_flags, ==, QUEUE_F_RESPONSE | QUEUE_F_SPLIT);
	t_require(x.out->qf_nrcpts == 1);
	t_assert_streq(x.out->qf_rcpts[0].qr_addr, "root");
	t_assert_cmp(x.out->qf_rcpts[0].qr_flags, ==,
	    QUEUE_R_PRIMARY | QUEUE_R_FAILURE);
	t_assert_streq(x.out->qf_rcpts[0].qr_final,
	    "RFC822; root@mta.example.org");
	/* H lines */
	t_require(sm_arpadate(x.out->qf_ctime, date, sizeof(date)) == 0);
	t_require(gmtime_r(&x.out->qf_ctime, &tm) != NULL);
	(void)strftime(t, sizeof(t), "%Y%m%d%H%M", &tm);
	len = sizeof(bounce_h) + 3 * strlen(date) + strlen(t) + 32;
	want = malloc(len);
	t_require(want != NULL);
	(void)snprintf(want, len, bounce_h, date, date, t,
	    (long long)x.out->qf_ctime);
	t_assert_streq(sm_str_data(x.h), want);
	free(want);
	/* body: the parts from the status on, byte for byte */
	len = sizeof(bounce_tail) + 3 * strlen(x.bnd);
	want = malloc(len);
	t_require(want != NULL);
	(void)snprintf(want, len, bounce_tail, x.bnd, x.bnd, x.bnd);
	tail = strstr(sm_str_data(x.body), "Content-Type: message/delivery");
	t_require(tail != NULL);
	tail -= strlen(x.bnd) + 3;
	t_assert_streq(tail, want);
	free(want);
	/* the text part: first boundary, the lines people match */
	t_assert(strstr(sm_str_data(x.body), "\n\n--") != NULL);
	t_assert(strstr(sm_str_data(x.body), "\n   ----- The following "
	    "addresses had permanent fatal errors -----\nnosuchuser\n"
	    "    (reason: 550 5.1.1 User unknown)\n\n") != NULL);
	t_assert(strstr(sm_str_data(x.body), "\n   ----- Transcript of "
	    "session follows -----\n550 5.1.1 nosuchuser... User unknown\n")
	    != NULL);
	t_assert(strstr(sm_str_data(x.body), "MIME-encapsulated") == NULL);
	/* the macros are back */
	t_assert_streq(macro_get('g'), "before");
	t_assert(macro_get('x') == NULL);
	run_free(&x);
}

static void
test_ret_hdrs(void)
{
	struct run x;
	const char *p;

	load();
	t_require(run(&x, &unknown, 1, DSN_FAILED, QUEUE_F_NOBODYRET,
	    "secret body\n") == 0);
	p = sm_str_data(x.body);
	t_assert(strstr(p, "Content-Type: text/rfc822-headers\n\n"
	    "Return-Path: <root>\n") != NULL);
	t_assert(strstr(p, "message/rfc822") == NULL);
	t_assert(strstr(p, "secret body") == NULL);
	t_assert(strstr(p, "To: nosuchuser\n\n--") != NULL);
	run_free(&x);
}

static void
test_double_bounce(void)
{
	struct run x;

	load();
	t_require(run(&x, &unknown, 1, DSN_FAILED, QUEUE_F_RESPONSE,
	    "b\n") == 0);
	t_assert_streq(x.out->qf_rcpts[0].qr_addr, "postmaster");
	t_assert(strstr(sm_str_data(x.h), "H??To: postmaster\n") != NULL);
	run_free(&x);
}

static void
test_unsafe(void)
{
	struct run x;
	struct dsn_rcpt r = {
		"ev\033[1mil\r\n", "rfc822;o\001@x", "5.7.1", NULL,
		"550 5.7.1 no\r\nInjected: yes\377", "mx.example.net", 0, NULL, NULL
	};
	const char *p;

	load();
	t_require(run(&x, &r, 1, DSN_FAILED, 0, "no final newline") == 0);
	p = sm_str_data(x.body);
	t_assert(strchr(p, '\033') == NULL);
	t_assert(strchr(p, '\r') == NULL);
	t_assert(strchr(p, '\001') == NULL);
	t_assert(strchr(p, '\377') == NULL);
	t_assert(strstr(p, "\nInjected") == NULL);
	t_assert(strstr(p, "Original-Recipient: rfc822;o?@x\n"
	    "Final-Recipient: RFC822; ev?[1mil??@mta.example.org\n"
	    "Action: failed\nStatus: 5.7.1\n"
	    "Remote-MTA: DNS; mx.example.net\n"
	    "Diagnostic-Code: SMTP; 550 5.7.1 no??Injected: yes?\n") != NULL);
	/* a body without its last newline gets one before the boundary */
	t_assert(strstr(p, "\nno final newline\n\n--") != NULL);
	run_free(&x);
}

static void
test_delay(void)
{
	struct run x;
	const char *p;
	static const struct dsn_rcpt r = {
		"root", NULL, "4.2.0", NULL, "Deferred: local mailer exited "
		"with EX_TEMPFAIL", NULL, 1795319008, NULL, NULL
	};

	load();
	readcf_option(" Timeout.queuewarn=1s", 1);
	t_require(run(&x, &r, 1, DSN_DELAYED, 0, "b\n") == 0);
	/* recorded: 8.17.1.9 with -O Timeout.queuewarn=1s */
	t_assert(strstr(sm_str_data(x.h), "H??Subject: Warning: could not "
	    "send message for past 1 second\n") != NULL);
	t_assert(strstr(sm_str_data(x.h), "H??Auto-Submitted: "
	    "auto-generated (warning-timeout)\n") != NULL);
	p = sm_str_data(x.body);
	t_assert(strstr(p, "Action: delayed\nStatus: 4.2.0\n") != NULL);
	t_assert(strstr(p, "Will-Retry-Until: Fri, 27 Nov 2026 03:43:26 "
	    "GMT\n") != NULL);
	t_assert(strstr(p, "permanent fatal errors") == NULL);
	t_assert(strstr(p, "root... Deferred: local mailer exited") != NULL);
	run_free(&x);
}

static void
test_exit_code(void)
{
	struct run x;
	const char *p;
	static const struct dsn_rcpt r = {
		"\"|exit 67\"", NULL, "5.1.1", NULL, "User unknown", NULL,
		1795319008, "67", "<fails@mta.example.org>"
	};

	/* recorded (test/protocol/data/policy/dsn.summary): a program behind
	 * an alias exiting 67 -- the code in Diagnostic-Code, the text in
	 * the transcript */
	load();
	t_require(run(&x, &r, 1, DSN_FAILED, 0, "b\n") == 0);
	p = sm_str_data(x.body);
	t_assert(strstr(p, "Status: 5.1.1\nDiagnostic-Code: X-Unix; 67\n")
	    != NULL);
	t_assert(strstr(p, "X-Unix; User unknown") == NULL);
	/* recorded (policy dsn, raw mailbox): the reason plain, the
	 * transcript with the reply code */
	t_assert(strstr(p, "    (reason: User unknown)\n") != NULL);
	t_assert(strstr(p, "\n550 5.1.1 \"|exit 67\"... User unknown\n")
	    != NULL);
	t_assert(strstr(p, "\"|exit 67\"\n    (reason: User unknown)\n"
	    "    (expanded from: <fails@mta.example.org>)\n") != NULL);
	run_free(&x);
}

static void
test_interval_words(void)
{
	struct run x;

	/* the cf's usual Timeout.queuewarn: sendmail's well-known Subject */
	load();
	readcf_option(" Timeout.queuewarn=4h", 1);
	t_require(run(&x, &unknown, 1, DSN_DELAYED, 0, "b\n") == 0);
	t_assert(strstr(sm_str_data(x.h), "H??Subject: Warning: could not "
	    "send message for past 4 hours\n") != NULL);
	run_free(&x);
	load();
	readcf_option(" Timeout.queuewarn=1d", 1);
	t_require(run(&x, &unknown, 1, DSN_DELAYED, 0, "b\n") == 0);
	t_assert(strstr(sm_str_data(x.h), "for past 1 day\n") != NULL);
	run_free(&x);
}

static void
test_success(void)
{
	struct run x;
	static const struct dsn_rcpt r = {
		"root", NULL, NULL, NULL, NULL, NULL, 1795319008, NULL, NULL
	};

	load();
	t_require(run(&x, &r, 1, DSN_SUCCESS, 0, "b\n") == 0);
	t_assert(strstr(sm_str_data(x.body), "Action: delivered\n"
	    "Status: 2.0.0\n") != NULL);
	t_assert(strstr(sm_str_data(x.body), "successful delivery") != NULL);
	t_assert(strstr(sm_str_data(x.body), "Transcript") == NULL);
	run_free(&x);
}

/* A second recording: over -bs, "MAIL FROM:<alice@example.com> RET=HDRS
 * ENVID=env1", "RCPT TO:<failprog> NOTIFY=FAILURE
 * ORCPT=rfc822;orig@example.org", failprog an alias of "|exit 77"; then
 * "RCPT TO:<root> NOTIFY=SUCCESS" for a return receipt. */
static const char esmtp_qf[] =
    "V8\nT1795319776\nK0\nN0\nP30000\nFdns\n$_root@localhost\n$rESMTP\n"
    "$sclient.example.net\n${daemon_flags}c u\nS<alice@example.com>\n"
    "Zenv1\nQrfc822;orig@example.org\n"
    "rRFC822; failprog@mta.example.org\nRPF:<failprog>\n"
    "H?P?Return-Path: <\201g>\n"
    "H??Received: from client.example.net (root@localhost)\n"
    "\tby mta.example.org (8.17.1.9/8.17.1.9) with ESMTP id "
    "6AM3uGM7024038\n\tfor <failprog>; Sun, 22 Nov 2026 03:56:16 GMT\n"
    "H?D?Date: Sun, 22 Nov 2026 03:56:16 GMT\n"
    "H?F?From: alice@example.com\n"
    "H?M?Message-Id: <202611220356.6AM3uGM7024038@mta.example.org>\n"
    "H??Subject: sb\nH??To: failprog\n.\n";

static const char esmtp_tail[] =
    "Content-Type: message/delivery-status\n\n"
    "Original-Envelope-Id: env1\n"
    "Reporting-MTA: dns; mta.example.org\n"
    "Arrival-Date: Sun, 22 Nov 2026 03:56:16 GMT\n\n"
    "Original-Recipient: rfc822;orig@example.org\n"
    "Final-Recipient: RFC822; failprog@mta.example.org\n"
    "X-Actual-Recipient: X-Unix; |exit 77\n"
    "Action: failed\nStatus: 4.4.3\nDiagnostic-Code: X-Unix; 77\n"
    "Last-Attempt-Date: Sun, 22 Nov 2026 03:56:16 GMT\n\n"
    "--%s\n"
    "Content-Type: text/rfc822-headers\n\n"
    "Return-Path: <alice@example.com>\n"
    "Received: from client.example.net (root@localhost)\n"
    "\tby mta.example.org (8.17.1.9/8.17.1.9) with ESMTP id "
    "6AM3uGM7024038\n\tfor <failprog>; Sun, 22 Nov 2026 03:56:16 GMT\n"
    "Date: Sun, 22 Nov 2026 03:56:16 GMT\nFrom: alice@example.com\n"
    "Message-Id: <202611220356.6AM3uGM7024038@mta.example.org>\n"
    "Subject: sb\nTo: failprog\n\n--%s--\n\n";

static void
test_esmtp_bounce(void)
{
	struct run x;
	static const struct dsn_rcpt r = {
		"\"|exit 77\"", "rfc822;orig@example.org", "4.4.3", NULL,
		"77", NULL, 1795319776, NULL, NULL
	};
	static const char *const final[] = { "failprog" };
	char want[2048];
	const char *p;

	load();
	t_require(run_qf(&x, esmtp_qf, &r, final, 1, DSN_FAILED, 0,
	    "body sb\n") == 0);
	t_assert_cmp(x.out->qf_flags, ==, QUEUE_F_RESPONSE | QUEUE_F_SPLIT |
	    QUEUE_F_NOBODYRET);
	t_require(x.out->qf_nrcpts == 1);
	t_assert_streq(x.out->qf_rcpts[0].qr_addr, "<alice@example.com>");
	t_assert_streq(x.out->qf_rcpts[0].qr_final,
	    "RFC822; alice@example.com");
	t_assert(strstr(sm_str_data(x.h), "H??To: <alice@example.com>\n")
	    != NULL);
	(void)snprintf(want, sizeof(want), esmtp_tail, x.bnd, x.bnd);
	p = strstr(sm_str_data(x.body), "Content-Type: message/delivery");
	t_require(p != NULL);
	t_assert_streq(p, want);
	t_assert(strstr(sm_str_data(x.body), "\"|exit 77\"\n    (reason: 77)"
	    "\n    (expanded from: failprog)\n") != NULL);
	t_assert(strstr(sm_str_data(x.body), "body sb") == NULL);
	run_free(&x);
}

static void
test_receipt(void)
{
	struct run x;
	static const struct dsn_rcpt r = {
		"<root>", NULL, "2.1.5", "delivered (to mailbox)", NULL, NULL,
		1795319776, NULL, NULL
	};
	const char *p;

	load();
	t_require(run_qf(&x, esmtp_qf, &r, NULL, 1, DSN_SUCCESS, 0,
	    "body ok\n") == 0);
	t_assert(strstr(sm_str_data(x.h), "H??Subject: Return receipt\n"
	    "H??Auto-Submitted: auto-generated (return-receipt)\n") != NULL);
	t_assert(x.out->qf_flags & QUEUE_F_NOBODYRET);
	p = sm_str_data(x.body);
	t_assert(strstr(p, "\nFinal-Recipient: RFC822; root@mta.example.org\n"
	    "X-Actual-Recipient: rfc822; root@mta.example.org\n"
	    "Action: delivered (to mailbox)\nStatus: 2.1.5\n"
	    "Last-Attempt-Date: Sun, 22 Nov 2026 03:56:16 GMT\n\n--") != NULL);
	t_assert(strstr(p, "Content-Type: text/rfc822-headers\n") != NULL);
	t_assert(strstr(p, "body ok") == NULL);
	t_assert(strstr(p, "   ----- The following addresses had successful "
	    "delivery notifications -----\n<root>") != NULL);
	run_free(&x);
}

static void
test_write_error(void)
{
	struct queue_file *orig = NULL, *out = queue_file_new();
	SM_STR *why = sm_str_new(0);
	int dfd;

	load();
	t_require(queue_parse(orig_qf, sizeof(orig_qf) - 1, "qf", &orig,
	    why) == 0);
	dfd = tmpfile_with("df2", "b\n");
	t_assert(dsn_build(orig, "x", dfd, &unknown, 1, DSN_FAILED, out, -1,
	    why) == -1);
	t_assert(strstr(sm_str_data(why), "cannot write") != NULL);
	t_assert_streq(macro_get('g'), "before");
	(void)close(dfd);
	queue_file_free(orig);
	queue_file_free(out);
	sm_str_free(why);
}

int
main(void)
{
	(void)setenv("TZ", "UTC", 1);
	tzset();
	t_run("dsn_build: a bounce laid out as sendmail 8.17's", test_bounce);
	t_run("dsn_build: RET=HDRS returns the header only", test_ret_hdrs);
	t_run("dsn_build: a bounce of a bounce goes to postmaster",
	    test_double_bounce);
	t_run("dsn_build: client bytes never raw", test_unsafe);
	t_run("dsn_build: delay warning", test_delay);
	t_run("dsn_build: a mailer's exit code as Diagnostic-Code",
	    test_exit_code);
	t_run("dsn_build: interval words", test_interval_words);
	t_run("dsn_build: success report", test_success);
	t_run("dsn_build: write error reported", test_write_error);
	t_run("dsn_build_final: RET=HDRS bounce of an alias to a program",
	    test_esmtp_bounce);
	t_run("dsn_build: return receipt", test_receipt);
	readcf_reset();
	return t_done();
}
