/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * t_queue_qf.c -- sendmail/queue_qf.c, the control file format: real
 * files of sendmail 8.17.1.9 read field by field and written back byte
 * for byte, older forms read and written in the current one, malformed
 * files refused with their line number, files built with the API.
 * (The rest of the queue module is tested by t_queue.c.)
 */
#include "libsm/str.h"
#include "sendmail/queue.h"
#include "t.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* Control files the real sendmail 8.17.1.9 wrote. */
#include "t_queue_fixtures.h"

/* After a queue run: an alias expanded to two programs (C lines, the A
 * flag, a bare C), an I line, K and N. */
static const char qf_alias[] =
    "V8\nT1795312788\nK1795312788\nN1\nP180011\nI0/39/18\n"
    "Mhost map: lookup (example.org): deferred\nFs\n$_root@localhost\n"
    "${daemon_flags}c u\nSalice\nAalice@mta.example.org\n"
    "Ctmpf2:1:0:tmpf2\nrRFC822; list@mta.example.org\n"
    "RPFDA:\"|exit 75\"\nCtmpf:1:0:tmpf\n"
    "rRFC822; list@mta.example.org\n"
    "RPFDA:|\"/bin/sh -c \\\"exit 75\\\"\"\nC\n"
    "rRFC822; carol@example.org\nRPFD:carol@example.org\n"
    "H?P?Return-Path: <\201g>\n"
    "H??Received: (from root@localhost)\n"
    "\tby mta.example.org (8.17.1.9/8.17.1.9) id 6AM1xmma024435;\n"
    "\tSat, 21 Nov 2026 20:59:48 -0500\n"
    "H?D?Date: Sat, 21 Nov 2026 20:59:48 -0500\nH?F?From: alice\n"
    "H?M?Message-Id: <202611220159.6AM1xmma024435@mta.example.org>\n"
    "H??Subject: d\n.\n";

/* A delay DSN sendmail queued (F r, MAILER-DAEMON, $r empty). */
static const char qf_dsn[] =
    "V8\nT1795312024\nK1795312024\nN1\nP31311\nI254/0/10977985\nFrs\n"
    "$_localhost\n$r\n$slocalhost\n${daemon_flags}c u\nSMAILER-DAEMON\n"
    "rRFC822; alice@example.com\nRPF:alice@example.com\n"
    "H?P?Return-Path: <\201g>\n"
    "H??To: alice@example.com\nH??MIME-Version: 1.0\n"
    "H??Content-Type: multipart/report; report-type=delivery-status;\n"
    "\tboundary=\"6AM1l4JU015884.1795312024/mta.example.org\"\n"
    "H??Subject: Warning: could not send message for past 1 second\n"
    "H??Auto-Submitted: auto-generated (warning-timeout)\n.\n";

/* ---- helpers ---------------------------------------------------------------- */

/* Parse TEXT, format it again: the bytes must not change. */
static void
round_trip(const char *text)
{
	struct queue_file *qf;
	SM_STR *out = sm_str_new(0), *why = sm_str_new(0);

	t_require(queue_parse(text, strlen(text), "qfX", &qf, why) == 0);
	t_assert(queue_format(qf, out) == 0);
	t_assert_streq(sm_str_data(out), text);
	queue_file_free(qf);
	sm_str_free(out);
	sm_str_free(why);
}

/* ---- the qf format ---------------------------------------------------------- */

static void
test_parse_esmtp(void)
{
	struct queue_file *qf;
	SM_STR *why = sm_str_new(0);
	const struct queue_rcpt *r;

	t_require(queue_parse(qf_esmtp, strlen(qf_esmtp), "qf6AM1kNnT002542",
	    &qf, why) == 0);
	t_assert_cmp(qf->qf_version, ==, 8);
	t_assert_cmp(qf->qf_ctime, ==, 1795311983);
	t_assert_cmp(qf->qf_priority, ==, 168044);
	t_assert_streq(qf->qf_bodytype, "7BIT");
	t_assert_streq(qf->qf_message, "alias database unavailable");
	t_assert_cmp(qf->qf_flags, ==, QUEUE_F_RETPARAM | QUEUE_F_NOBODYRET |
	    QUEUE_F_SPLIT);
	t_assert_cmp(qf->qf_nmacros, ==, 4);
	t_assert_streq(qf->qf_macros[3].qv_name, "{daemon_flags}");
	t_assert_streq(qf->qf_macros[3].qv_value, "c u");
	t_assert_streq(qf->qf_macros[1].qv_name, "r");
	t_assert_streq(qf->qf_sender, "<root>");
	t_assert_streq(qf->qf_envid, "env+2Bid");
	t_require(qf->qf_nrcpts == 2);
	r = &qf->qf_rcpts[0];
	t_assert_streq(r->qr_addr, "<root>");
	t_assert_cmp(r->qr_flags, ==, QUEUE_R_PRIMARY | QUEUE_R_HASNOTIFY |
	    QUEUE_R_SUCCESS | QUEUE_R_DELAY);
	t_assert_streq(r->qr_orcpt, "rfc822;orig+40x@example.org");
	t_assert_streq(r->qr_final, "RFC822; root@mta.example.org");
	t_assert_streq(r->qr_message, "alias database unavailable");
	t_assert(qf->qf_rcpts[1].qr_orcpt == NULL);
	t_assert_cmp(qf->qf_rcpts[1].qr_flags, ==, QUEUE_R_PRIMARY |
	    QUEUE_R_HASNOTIFY);
	t_require(qf->qf_nhdrs == 8);
	t_assert_streq(qf->qf_hdrs[0].qh_cond, "P");
	t_assert_streq(qf->qf_hdrs[0].qh_name, "Return-Path");
	t_assert_streq(qf->qf_hdrs[0].qh_value, " <\201g>");
	t_assert_streq(qf->qf_hdrs[1].qh_cond, "");
	t_assert_streq(qf->qf_hdrs[1].qh_value, " from client.example.net "
	    "(root@localhost)\n\tby mta.example.org (8.17.1.9/8.17.1.9) with "
	    "ESMTP id 6AM1kNnT002542;\n\tSun, 22 Nov 2026 01:46:23 GMT");
	t_assert_streq(qf->qf_hdrs[7].qh_name, "Precedence");
	queue_file_free(qf);
	sm_str_free(why);
}

static void
test_parse_alias(void)
{
	struct queue_file *qf;

	t_require(queue_parse(qf_alias, strlen(qf_alias), "qf", &qf, NULL) ==
	    0);
	t_require(qf->qf_nrcpts == 3);
	t_assert_streq(qf->qf_rcpts[0].qr_ctl, "tmpf2:1:0:tmpf2");
	t_assert_streq(qf->qf_rcpts[0].qr_addr, "\"|exit 75\"");
	t_assert(qf->qf_rcpts[0].qr_flags & QUEUE_R_ALIAS);
	t_assert_streq(qf->qf_rcpts[1].qr_ctl, "tmpf:1:0:tmpf");
	t_assert_streq(qf->qf_rcpts[1].qr_addr,
	    "|\"/bin/sh -c \\\"exit 75\\\"\"");
	t_assert(qf->qf_rcpts[2].qr_ctl == NULL);
	t_assert(!(qf->qf_rcpts[2].qr_flags & QUEUE_R_ALIAS));
	t_assert(qf->qf_has_dfino);
	t_assert_cmp(qf->qf_dfminor, ==, 39);
	t_assert_cmp(qf->qf_dfino, ==, 18);
	t_assert_cmp(qf->qf_dtime, ==, 1795312788);
	t_assert_cmp(qf->qf_ntries, ==, 1);
	t_assert_streq(qf->qf_auth, "alice@mta.example.org");
	queue_file_free(qf);
}

static void
test_round_trips(void)
{
	t_begin("qf round trip: ESMTP with DSN parameters");
	round_trip(qf_esmtp);
	t_end();
	t_begin("qf round trip: null sender");
	round_trip(qf_null);
	t_end();
	t_begin("qf round trip: C lines, A flag, bare C, I line");
	round_trip(qf_alias);
	t_end();
	t_begin("qf round trip: a DSN (F rs, empty $r)");
	round_trip(qf_dsn);
	t_end();
	t_begin("qf round trip: unknown F and R letters are kept");
	round_trip("V8\nT1\nK0\nN0\nP0\nFwZ\nSa\nRPFX:b\n.\n");
	t_end();
	t_begin("qf round trip: deliver-by, d, q lines, H without ?..?");
	round_trip("V8\nT1\nK2\nN3\nP-4\nd/var/spool/mqueue/q2\nq"
	    "held\nSa@b\nZid\nAa@b\n!R 3600\nRP:b\nHX-Old: x\nH?${x}?Y:\n.\n");
	t_end();
}

/* A file written by hand in an older style still reads, and is then
 * written in sendmail's current form. */
static void
test_parse_variants(void)
{
	static const struct {
		const char *name, *in, *out;
	} rows[] = {
		{ "CR LF line ends", "V8\r\nT5\r\nSa\r\nRPF:b\r\n.\r\n",
		  "V8\nT5\nK0\nN0\nP0\nSa\nRPF:b\n.\n" },
		{ "no V line: version 0, R without flags", "T5\nSa\nRb:c\n.\n",
		  "V8\nT5\nK0\nN0\nP0\nSa\nRP:b:c\n.\n" },
		{ "obsolete D, E, L lines are dropped",
		  "V8\nDdfX\nEerr\nL12\nSa\nRP:b\n.\n",
		  "V8\nT0\nK0\nN0\nP0\nSa\nRP:b\n.\n" },
		{ "a continued M line keeps one line",
		  "V8\nMone\n two\nSa\nRP:b\n.",
		  "V8\nT0\nK0\nN0\nP0\nMone  two\nSa\nRP:b\n.\n" },
		{ "Q, r and M wait for their R",
		  "V8\nSa\nQo1\nrf1\nMm1\nRP:b\nRP:c\n.\n",
		  "V8\nT0\nK0\nN0\nP0\nSa\nMm1\nQo1\nrf1\nRP:b\nRP:c\n.\n" },
		{ "repeated C lines collapse", "V8\nSa\nC:x\nRP:b\nC:x\nRP:c\n"
		  "C\nC\nRP:d\n.\n",
		  "V8\nT0\nK0\nN0\nP0\nSa\nC:x\nRP:b\nRP:c\nC\nRP:d\n.\n" },
	};
	struct queue_file *qf;
	SM_STR *out = sm_str_new(0);
	size_t i;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		t_begin("qf variants: %s", rows[i].name);
		sm_str_reset(out);
		if (t_assert(queue_parse(rows[i].in, strlen(rows[i].in), "qf",
		    &qf, NULL) == 0)) {
			t_assert(queue_format(qf, out) == 0);
			t_assert_streq(sm_str_data(out), rows[i].out);
			queue_file_free(qf);
		}
		t_end();
	}
	sm_str_free(out);
}

/* Malformed files and what queue_parse says about them. */
static const struct {
	const char	*name;
	const char	*in;
	int		 err;
	const char	*why;
} error_rows[] = {
	{ "empty", "", ENODATA, "qfE: empty queue file" },
	{ "no final dot", "V8\nSa\nRP:b\n", EINVAL,
	  "qfE: no final \".\" line: incomplete queue file" },
	{ "cut in a header", "V8\nSa\nRP:b\nH??Subject: hel", EINVAL,
	  "qfE: no final \".\" line: incomplete queue file" },
	{ "newer version", "V9\nSa\n.\n", EINVAL,
	  "qfE: line 1: queue file version 9 is newer than 8" },
	{ "bad version", "Vx\n", EINVAL,
	  "qfE: line 1: bad queue file version \"x\"" },
	{ "bad T", "V8\nT12x\nSa\n.\n", EINVAL,
	  "qfE: line 2: bad number in T line: \"12x\"" },
	{ "empty P", "V8\nP\n", EINVAL,
	  "qfE: line 2: bad number in P line: \"\"" },
	{ "negative N", "V8\nN-1\n", EINVAL,
	  "qfE: line 2: bad number in N line: \"-1\"" },
	{ "T past LONG_MAX", "V8\nT99999999999999999999\n", EINVAL,
	  "qfE: line 2: bad number in T line: "
	  "\"99999999999999999999\"" },
	{ "unknown line", "V8\nSa\nX1\n.\n", EINVAL,
	  "qfE: line 3: unknown line type 'X'" },
	{ "empty line", "V8\nSa\n\n.\n", EINVAL,
	  "qfE: line 3: empty line" },
	{ "line number after a continuation",
	  "V8\nH??A: 1\n\t2\n\t3\nX\n", EINVAL,
	  "qfE: line 5: unknown line type 'X'" },
	{ "data after the dot", "V8\nSa\n.\nRP:b\n", EINVAL,
	  "qfE: line 4: data after the final \".\"" },
	{ "bad final line", "V8\nSa\n.x\n", EINVAL,
	  "qfE: line 3: bad final line \".x\"" },
	{ "R without colon", "V8\nSa\nRPFD\n.\n", EINVAL,
	  "qfE: line 3: R line without ':' (\"RPFD\")" },
	{ "empty recipient", "V8\nSa\nRPF:\n.\n", EINVAL,
	  "qfE: line 3: empty recipient address" },
	{ "unterminated condition", "V8\nH?P\n", EINVAL,
	  "qfE: line 2: unterminated ?condition? in H line" },
	{ "header without colon", "V8\nH??Subject\n", EINVAL,
	  "qfE: line 2: header without a name and ':' "
	  "(\"H??Subject\")" },
	{ "header without name", "V8\nH:x\n", EINVAL,
	  "qfE: line 2: header without a name and ':' (\"H:x\")" },
	{ "macro without name", "V8\n$\n", EINVAL,
	  "qfE: line 2: macro name missing" },
	{ "unterminated long macro", "V8\n${abc\n", EINVAL,
	  "qfE: line 2: bad macro name in \"${abc\"" },
	{ "empty long macro", "V8\n${}x\n", EINVAL,
	  "qfE: line 2: bad macro name in \"${}x\"" },
	{ "bad I", "V8\nI1/2\n", EINVAL,
	  "qfE: line 2: bad I line \"1/2\"" },
	{ "bad deliver-by", "V8\n!R3\n", EINVAL,
	  "qfE: line 2: bad ! line \"!R3\"" },
	{ "mail header as F", "V8\nFrom x\n", EINVAL,
	  "qfE: line 2: bogus F line \"From x\"" },
	{ "no sender", "V8\nRP:b\n.\n", EINVAL,
	  "qfE: no sender (S line)" },
};

static void
test_parse_errors(void)
{
	SM_STR *why = sm_str_new(0);
	struct queue_file *qf;
	size_t i;

	for (i = 0; i < sizeof(error_rows) / sizeof(error_rows[0]); i++) {
		t_begin("qf errors: %s", error_rows[i].name);
		errno = 0;
		qf = (struct queue_file *)1;
		t_assert(queue_parse(error_rows[i].in, strlen(error_rows[i].in), "qfE",
		    &qf, why) == -1);
		t_assert(qf == NULL);
		t_assert_cmp(errno, ==, error_rows[i].err);
		t_assert_streq(sm_str_data(why), error_rows[i].why);
		t_end();
	}
	t_begin("qf errors: a NUL byte, with its line");
	t_assert(queue_parse("V8\nSa\nR\0:b\n.\n", 12, "qfE", &qf, why) == -1);
	t_assert_cmp(errno, ==, EINVAL);
	t_assert_streq(sm_str_data(why), "qfE: line 3: NUL byte in queue file");
	t_end();
	t_begin("qf errors: larger than QUEUE_QF_MAX");
	{
		char *big = calloc(1, (size_t)QUEUE_QF_MAX + 1);

		t_require(big != NULL);
		t_assert(queue_parse(big, (size_t)QUEUE_QF_MAX + 1, "qfE", &qf,
		    why) == -1);
		t_assert_cmp(errno, ==, EFBIG);
		free(big);
	}
	t_end();
	t_begin("qf errors: every cut of a real file is refused");
	{
		size_t n = strlen(qf_alias), ok = 0;

		for (size_t cut = 0; cut + 1 < n; cut++)
			if (queue_parse(qf_alias, cut, "qf", &qf, NULL) == 0) {
				ok++;
				queue_file_free(qf);
			}
		t_assert_cmp(ok, ==, 0);
		/* but the file without its final newline is complete */
		t_assert(queue_parse(qf_alias, n - 1, "qf", &qf, NULL) == 0);
		queue_file_free(qf);
	}
	t_end();
	sm_str_free(why);
}

/* A file built with the API is written in sendmail's order, and newlines
 * in values cannot make new lines. */
static void
test_build(void)
{
	struct queue_file *qf = queue_file_new(), *back;
	struct queue_rcpt *r;
	SM_STR *out = sm_str_new(0);

	qf->qf_ctime = 100;
	qf->qf_priority = 30100;
	qf->qf_flags = QUEUE_F_8BIT | QUEUE_F_WARNING;
	qf->qf_sender = queue_file_strdup(qf, "a@b\nRPF:evil");
	qf->qf_message = queue_file_strdup(qf, "deferred\n");
	queue_file_set_macro(qf, "r", "ESMTP");
	queue_file_set_macro(qf, "{daemon_flags}", "");
	queue_file_set_macro(qf, "r", "SMTP");
	r = queue_file_add_rcpt(qf, "c@d", QUEUE_R_PRIMARY | QUEUE_R_FAILURE);
	r->qr_orcpt = queue_file_strdup(qf, "rfc822;c@d");
	(void)queue_file_add_header(qf, "P", "Return-Path", " <\201g>");
	(void)queue_file_add_header(qf, "", "Subject", " one\n\ttwo\nthree");
	t_require(queue_format(qf, out) == 0);
	t_assert_streq(sm_str_data(out), "V8\nT100\nK0\nN0\nP30100\n"
	    "Mdeferred \nFw8\n$rSMTP\n${daemon_flags}\nSa@b RPF:evil\n"
	    "Qrfc822;c@d\nRPF:c@d\nH?P?Return-Path: <\201g>\n"
	    "H??Subject: one\n\ttwo three\n.\n");
	t_require(queue_parse(sm_str_data(out), sm_str_len(out), "qf", &back,
	    NULL) == 0);
	t_assert_cmp(back->qf_nrcpts, ==, 1);
	t_assert_streq(back->qf_sender, "a@b RPF:evil");
	queue_file_free(back);
	/* a maximum on OUT: nothing half written */
	sm_str_free(out);
	out = sm_str_new(20);
	errno = 0;
	t_assert(queue_format(qf, out) == -1);
	t_assert_cmp(errno, ==, EMSGSIZE);
	t_assert_cmp(sm_str_len(out), ==, 0);
	sm_str_free(out);
	queue_file_free(qf);
}

int
main(void)
{
	t_run("qf: a real ESMTP file, every field", test_parse_esmtp);
	t_run("qf: a real file with C lines", test_parse_alias);
	test_round_trips();
	test_parse_variants();
	test_parse_errors();
	t_run("qf: built by the API, newlines neutralised", test_build);
	return t_done();
}
