/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * t_headers.c -- sendmail/headers.c: the cf's H templates, the header
 * table, a new message's H lines (hdr_submit), -t recipients and the
 * header a mailer gets (hdr_put).
 *
 * The expected qf H lines and the delivered header are recordings of
 * sendmail 8.17.1.9 (Debian 12, 8.17.1.9-2+deb12u2): the cf was made by
 * m4 from OSTYPE(linux), FEATURE(accept_unresolvable_domains),
 * MAILER(local), MAILER(smtp), the real sendmail ran in a private
 * namespace as mta.example.org with -bs/-bm/-t -odq into a temp queue,
 * and the local mailer was a script appending its input to a file.
 * The macro values below are those the real run had (they show in its
 * qf files).
 */
#include "libsm/str.h"
#include "sendmail/collect.h"
#include "sendmail/headers.h"
#include "sendmail/macro.h"
#include "sendmail/mailer.h"
#include "sendmail/queue.h"
#include "sendmail/readcf.h"
#include "t.h"
#include "t_cfsetup.h"

#include <stdlib.h>
#include <string.h>

/* Set the macros of one recorded run.  U: $u (NULL: unset). */
static void
set_macros(const char *id, const char *date, const char *t, const char *s,
    const char *r, const char *under, const char *u, const char *g,
    const char *x)
{
	macro_set('j', "mta.example.org");
	macro_set('v', "8.17.1.9");
	macro_set('Z', "8.17.1.9");
	macro_set('i', id);
	macro_set('a', date);
	macro_set('b', date);
	macro_set('t', t);
	macro_set('s', s);
	macro_set('r', r);
	macro_set('_', under);
	macro_set('u', u);
	macro_set('g', g);
	macro_set('x', x);
}

/* A collected header from "Name: value\n..." lines (a static pool). */
static struct collect_hdr *
fields(const char *text)
{
	static struct collect_hdr h[32];
	static char buf[4096];
	size_t n = 0;
	char *p, *line, *colon;

	(void)snprintf(buf, sizeof(buf), "%s", text);
	for (p = buf; *p != '\0' && n < 32; n++) {
		line = p;
		/* a field runs to a newline not followed by white space */
		while (*p != '\0' && !(*p == '\n' && p[1] != ' ' &&
		    p[1] != '\t'))
			p++;
		if (*p == '\n')
			*p++ = '\0';
		colon = strchr(line, ':');
		*colon = '\0';
		h[n].h_field = line;
		h[n].h_value = colon + 1;
		h[n].h_link = NULL;
		if (n > 0)
			h[n - 1].h_link = &h[n];
	}
	return n == 0 ? NULL : &h[0];
}

/* The H lines of QF as queue_format writes them. */
static void
hlines(const struct queue_file *qf, SM_STR *out)
{
	SM_STR *all = sm_str_new(0);
	const char *p;

	(void)queue_format(qf, all);
	p = strstr(sm_str_data(all), "\nH");
	sm_str_reset(out);
	if (p != NULL)
		(void)sm_str_adds(out, p + 1);
	sm_str_free(all);
}

static const struct {
	const char *name;
	const char *id, *date, *t, *s, *r, *under, *u, *g, *x;
	const char *msg;
	const char *want;
	unsigned flags;		/* QUEUE_F_ expected */
	int hops;
} submit_rows[] = {
	{ "-bs, no Date/From/Message-Id: all added, To kept",
	  "6AM3gJ2a010308", "Sun, 22 Nov 2026 03:42:19 GMT", "202611220342",
	  "client.example.net", "ESMTP", "root@localhost", "<root>",
	  "alice@example.com", NULL,
	  "Subject: a\nTo: bob\n",
	  "H?P?Return-Path: <\201g>\n"
	  "H??Received: from client.example.net (root@localhost)\n"
	  "\tby mta.example.org (8.17.1.9/8.17.1.9) with ESMTP id "
	  "6AM3gJ2a010308\n\tfor <root>; Sun, 22 Nov 2026 03:42:19 GMT\n"
	  "H?D?Date: Sun, 22 Nov 2026 03:42:19 GMT\n"
	  "H?F?From: alice@example.com\n"
	  "H?M?Message-Id: <202611220342.6AM3gJ2a010308@mta.example.org>\n"
	  "H??Subject: a\nH??To: bob\n.\n",
	  QUEUE_F_DELETEBCC, 1 },
	{ "-bs, a resent message with its own fields, two Received",
	  "6AM3gW1m010774", "Sun, 22 Nov 2026 03:42:32 GMT", "202611220342",
	  "client.example.net", "ESMTP", "root@localhost", "<root>",
	  "alice@example.com", NULL,
	  "Received: from x.example.net by y.example.net; Sun, 1 Nov 2026 "
	  "00:00:00 +0000\nReceived: from z\n\tby w; Sun, 1 Nov 2026 "
	  "00:00:00 +0000\nFrom: Alice <alice@example.com>\n"
	  "Date: Sun, 1 Nov 2026 00:00:00 +0000\nMessage-Id: <m1@example.com>\n"
	  "Subject: b\nTo: root,\n  bob@example.com\nCc: carol\n"
	  "Bcc: dave@example.com\nX-Weird:  two  spaces \nX-Empty:\n"
	  "resent-from: r@example.com\nReturn-Path: <bogus@example.com>\n",
	  "H?P?Return-Path: <\201g>\n"
	  "H??Received: from client.example.net (root@localhost)\n"
	  "\tby mta.example.org (8.17.1.9/8.17.1.9) with ESMTP id "
	  "6AM3gW1m010774\n\tfor <root>; Sun, 22 Nov 2026 03:42:32 GMT\n"
	  "H?D?Resent-Date: Sun, 22 Nov 2026 03:42:32 GMT\n"
	  "H?M?Resent-Message-Id: <202611220342.6AM3gW1m010774@"
	  "mta.example.org>\n"
	  "H??Received: from x.example.net by y.example.net; Sun, 1 Nov 2026 "
	  "00:00:00 +0000\n"
	  "H??Received: from z\n\tby w; Sun, 1 Nov 2026 00:00:00 +0000\n"
	  "H??From: Alice <alice@example.com>\n"
	  "H??Date: Sun, 1 Nov 2026 00:00:00 +0000\n"
	  "H??Message-Id: <m1@example.com>\nH??Subject: b\n"
	  "H??To: root, bob@example.com\nH??Cc: carol\n"
	  "H??Bcc: dave@example.com\nH??X-Weird:  two  spaces \n"
	  "H??X-Empty:\nH??resent-from: r@example.com\n"
	  "H??Return-Path: <bogus@example.com>\n.\n",
	  0, 3 },
	{ "-t, four recipients: no 'for', Bcc kept in the qf",
	  "6AM3gJCB010311", "Sun, 22 Nov 2026 03:42:19 GMT", "202611220342",
	  NULL, NULL, "root@localhost", NULL, "alice@example.com", NULL,
	  "Subject: c\nTo: root, bob@example.com\n"
	  "Cc: Carol <carol@example.org>\nBcc: dave@example.com\n",
	  "H?P?Return-Path: <\201g>\n"
	  "H??Received: (from root@localhost)\n"
	  "\tby mta.example.org (8.17.1.9/8.17.1.9) id 6AM3gJCB010311;\n"
	  "\tSun, 22 Nov 2026 03:42:19 GMT\n"
	  "H?D?Date: Sun, 22 Nov 2026 03:42:19 GMT\n"
	  "H?F?From: alice@example.com\n"
	  "H?M?Message-Id: <202611220342.6AM3gJCB010311@mta.example.org>\n"
	  "H??Subject: c\nH??To: root, bob@example.com\n"
	  "H??Cc: Carol <carol@example.org>\nH??Bcc: dave@example.com\n.\n",
	  QUEUE_F_DELETEBCC, 1 },
	{ "-bm by root: Full-Name from $x, no recipient field",
	  "6AM3gJCw010320", "Sun, 22 Nov 2026 03:42:19 GMT", "202611220342",
	  NULL, NULL, "root@localhost", "root", "root", "root",
	  "Subject: f\n",
	  "H?P?Return-Path: <\201g>\n"
	  "H??Received: (from root@localhost)\n"
	  "\tby mta.example.org (8.17.1.9/8.17.1.9) id 6AM3gJCw010320\n"
	  "\tfor root; Sun, 22 Nov 2026 03:42:19 GMT\n"
	  "H?D?Date: Sun, 22 Nov 2026 03:42:19 GMT\n"
	  "H?F?From: root <root>\nH?x?Full-Name: root\n"
	  "H?M?Message-Id: <202611220342.6AM3gJCw010320@mta.example.org>\n"
	  "H??Subject: f\n.\n",
	  0, 1 },
	{ "-t of a resent message: both Date and Resent-Date added",
	  "6AM3fpRS009769", "Sun, 22 Nov 2026 03:41:51 GMT", "202611220341",
	  NULL, NULL, "root@localhost", NULL, "alice@example.com", NULL,
	  "Subject: e\nResent-To: rr@example.com\nTo: tt@example.com\n"
	  "Bcc: bb@example.com\n",
	  "H?P?Return-Path: <\201g>\n"
	  "H??Received: (from root@localhost)\n"
	  "\tby mta.example.org (8.17.1.9/8.17.1.9) id 6AM3fpRS009769;\n"
	  "\tSun, 22 Nov 2026 03:41:51 GMT\n"
	  "H?D?Resent-Date: Sun, 22 Nov 2026 03:41:51 GMT\n"
	  "H?D?Date: Sun, 22 Nov 2026 03:41:51 GMT\n"
	  "H?F?Resent-From: alice@example.com\n"
	  "H?F?From: alice@example.com\n"
	  "H?M?Resent-Message-Id: <202611220341.6AM3fpRS009769@"
	  "mta.example.org>\n"
	  "H?M?Message-Id: <202611220341.6AM3fpRS009769@mta.example.org>\n"
	  "H??Subject: e\nH??Resent-To: rr@example.com\n"
	  "H??To: tt@example.com\nH??Bcc: bb@example.com\n.\n",
	  QUEUE_F_DELETEBCC, 1 },
	/* a second run (same cf), all by -bm: sendmail -f alice@example.com
	 * root */
	{ "only a Bcc: no 'b' flag",
	  "6AM3lv8l020980", "Sun, 22 Nov 2026 03:47:57 GMT", "202611220347",
	  NULL, NULL, "root@localhost", "root", "alice@example.com", NULL,
	  "Subject: onlybcc\nBcc: x@example.com\n",
	  "H?P?Return-Path: <\201g>\n"
	  "H??Received: (from root@localhost)\n"
	  "\tby mta.example.org (8.17.1.9/8.17.1.9) id 6AM3lv8l020980\n"
	  "\tfor root; Sun, 22 Nov 2026 03:47:57 GMT\n"
	  "H?D?Date: Sun, 22 Nov 2026 03:47:57 GMT\n"
	  "H?F?From: alice@example.com\n"
	  "H?M?Message-Id: <202611220347.6AM3lv8l020980@mta.example.org>\n"
	  "H??Subject: onlybcc\nH??Bcc: x@example.com\n.\n",
	  0, 1 },
	{ "only a Cc: 'b' flag",
	  "6AM3lv2s020983", "Sun, 22 Nov 2026 03:47:57 GMT", "202611220347",
	  NULL, NULL, "root@localhost", "root", "alice@example.com", NULL,
	  "Subject: onlycc\nCc: x@example.com\n",
	  "H?P?Return-Path: <\201g>\n"
	  "H??Received: (from root@localhost)\n"
	  "\tby mta.example.org (8.17.1.9/8.17.1.9) id 6AM3lv2s020983\n"
	  "\tfor root; Sun, 22 Nov 2026 03:47:57 GMT\n"
	  "H?D?Date: Sun, 22 Nov 2026 03:47:57 GMT\n"
	  "H?F?From: alice@example.com\n"
	  "H?M?Message-Id: <202611220347.6AM3lv2s020983@mta.example.org>\n"
	  "H??Subject: onlycc\nH??Cc: x@example.com\n.\n",
	  QUEUE_F_DELETEBCC, 1 },
	{ "Apparently-To: 'b' flag",
	  "6AM3lvtQ021004", "Sun, 22 Nov 2026 03:47:57 GMT", "202611220347",
	  NULL, NULL, "root@localhost", "root", "alice@example.com", NULL,
	  "Subject: appto\nApparently-To: z@example.com\n",
	  "H?P?Return-Path: <\201g>\n"
	  "H??Received: (from root@localhost)\n"
	  "\tby mta.example.org (8.17.1.9/8.17.1.9) id 6AM3lvtQ021004\n"
	  "\tfor root; Sun, 22 Nov 2026 03:47:57 GMT\n"
	  "H?D?Date: Sun, 22 Nov 2026 03:47:57 GMT\n"
	  "H?F?From: alice@example.com\n"
	  "H?M?Message-Id: <202611220347.6AM3lvtQ021004@mta.example.org>\n"
	  "H??Subject: appto\nH??Apparently-To: z@example.com\n.\n",
	  QUEUE_F_DELETEBCC, 1 },
	{ "a long To folded before column 78",
	  "6AM3lv2E020998", "Sun, 22 Nov 2026 03:47:57 GMT", "202611220347",
	  NULL, NULL, "root@localhost", "root", "alice@example.com", NULL,
	  "Subject: longto\nTo: aaaaaaaaaaaaaaaaaaaa@example.com, bbbbbbbbbbbbbbbbbbbbbbbbb@example.com, cccccccccccccccccccccccc@example.com, Dee Dee <dddddddddddddd@example.com>, eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee@example.com\n",
	  "H?P?Return-Path: <\201g>\n"
	  "H??Received: (from root@localhost)\n"
	  "\tby mta.example.org (8.17.1.9/8.17.1.9) id 6AM3lv2E020998\n"
	  "\tfor root; Sun, 22 Nov 2026 03:47:57 GMT\n"
	  "H?D?Date: Sun, 22 Nov 2026 03:47:57 GMT\n"
	  "H?F?From: alice@example.com\n"
	  "H?M?Message-Id: <202611220347.6AM3lv2E020998@mta.example.org>\n"
	  "H??Subject: longto\nH??To: aaaaaaaaaaaaaaaaaaaa@example.com, bbbbbbbbbbbbbbbbbbbbbbbbb@example.com,\n        cccccccccccccccccccccccc@example.com,\n        Dee Dee <dddddddddddddd@example.com>,\n        eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee@example.com\n.\n",
	  QUEUE_F_DELETEBCC, 1 },
	{ "address fields: comments, quotes, groups kept; From given",
	  "6AM3lvq3021001", "Sun, 22 Nov 2026 03:47:57 GMT", "202611220347",
	  NULL, NULL, "root@localhost", "root", "alice@example.com", NULL,
	  "Subject: addr\nTo: Bob  Smith <bob @ example.com>  (the (nested) comment), \"q, r\" <q@example.com>,\n\tplain@example.com (c)\nFrom: me\nReply-To: <>\nCc: group: a@example.com, b@example.com;, undisclosed-recipients:;\n",
	  "H?P?Return-Path: <\201g>\n"
	  "H??Received: (from root@localhost)\n"
	  "\tby mta.example.org (8.17.1.9/8.17.1.9) id 6AM3lvq3021001\n"
	  "\tfor root; Sun, 22 Nov 2026 03:47:57 GMT\n"
	  "H?D?Date: Sun, 22 Nov 2026 03:47:57 GMT\n"
	  "H?M?Message-Id: <202611220347.6AM3lvq3021001@mta.example.org>\n"
	  "H??Subject: addr\nH??To: Bob  Smith <bob @ example.com>  (the (nested) comment),\n        \"q, r\" <q@example.com>, plain@example.com (c)\nH??From: me\nH??Reply-To: <>\nH??Cc: group: a@example.com, b@example.com;, undisclosed-recipients:;\n.\n",
	  QUEUE_F_DELETEBCC, 1 },
};

static void
test_submit(void)
{
	SM_STR *h = sm_str_new(0);
	size_t i;
	int hops;

	for (i = 0; i < sizeof(submit_rows) / sizeof(submit_rows[0]); i++) {
		struct queue_file *qf = queue_file_new();

		t_begin("hdr_submit: %s", submit_rows[i].name);
		cfsetup_load();
		set_macros(submit_rows[i].id, submit_rows[i].date,
		    submit_rows[i].t, submit_rows[i].s, submit_rows[i].r,
		    submit_rows[i].under, submit_rows[i].u, submit_rows[i].g,
		    submit_rows[i].x);
		qf->qf_sender = queue_file_strdup(qf, "x");
		hops = hdr_submit(qf, fields(submit_rows[i].msg),
		    strncmp(submit_rows[i].name, "-t", 2) == 0 ?
		    HDR_F_TFLAG : 0, NULL);
		hlines(qf, h);
		t_assert_streq(sm_str_data(h), submit_rows[i].want);
		t_assert_cmp(qf->qf_flags & QUEUE_F_DELETEBCC, ==,
		    submit_rows[i].flags);
		t_assert_cmp(hops, ==, submit_rows[i].hops);
		queue_file_free(qf);
		t_end();
	}
	sm_str_free(h);
}

/* Message g: submitted by -bs, then delivered by the local mailer; the
 * header the mailer got (Bcc gone, Return-Path from $g, no Full-Name). */
static void
test_put_local(void)
{
	struct queue_file *qf = queue_file_new();
	SM_STR *out = sm_str_new(0);
	MAILER *m;

	cfsetup_load();
	set_macros("6AM3hNcD012098", "Sun, 22 Nov 2026 03:43:23 GMT",
	    "202611220343", "client.example.net", "ESMTP", "root@localhost",
	    "<root>", "alice@example.com", NULL);
	qf->qf_sender = queue_file_strdup(qf, "<alice@example.com>");
	(void)hdr_submit(qf, fields("Subject: g\n"
	    "To: bob, Carol <carol@example.org>\nCc: root\n"
	    "Bcc: dave@example.com\nFrom: Alice Smith <alice>\n"), 0, NULL);
	m = mailer_find("local");
	t_require(m != NULL);
	t_assert(hdr_put(out, qf, m, HDR_P_RAW, NULL) == 0);
	t_assert_streq(sm_str_data(out),
	    "Return-Path: <alice@example.com>\n"
	    "Received: from client.example.net (root@localhost)\n"
	    "\tby mta.example.org (8.17.1.9/8.17.1.9) with ESMTP id "
	    "6AM3hNcD012098\n\tfor <root>; Sun, 22 Nov 2026 03:43:23 GMT\n"
	    "Date: Sun, 22 Nov 2026 03:43:23 GMT\n"
	    "Message-Id: <202611220343.6AM3hNcD012098@mta.example.org>\n"
	    "Subject: g\nTo: bob, Carol <carol@example.org>\nCc: root\n"
	    "From: Alice Smith <alice>\n");
	queue_file_free(qf);
	sm_str_free(out);
}

/* Lecture 5.5 (test/protocol/data/lecture, recorded with 8.17.1.9):
 * MAIL FROM:rich@localhost with the message's own "From:rich" -- the
 * sender's user part, the sender local: sendmail drops the field and
 * its From template, with the full name, takes the template's place.
 * A From: naming anyone else stays. */
static void
test_dropfrom(void)
{
	struct queue_file *qf;
	SM_STR *out;
	const char *p, *f;
	char line[256];
	int k;

	for (k = 0; k < 2; k++) {
		qf = queue_file_new();
		out = sm_str_new(0);
		cfsetup_load();
		(void)snprintf(line, sizeof(line), "%s", "S0");
		readcf_line(line, 30);
		(void)snprintf(line, sizeof(line), "%s",
		    "R$-@$+\t$#local $: $1");
		readcf_line(line, 31);
		set_macros("6AM5DH8S002534", "Sun, 22 Nov 2026 05:13:17 GMT",
		    "202611220513", "localhost", "SMTP", "localhost [127.0.0.1]",
		    "rich", "rich@mta.example.org", "Rich Blum");
		qf->qf_sender = queue_file_strdup(qf, "rich@localhost");
		(void)hdr_submit(qf, fields(k == 0 ? "received: by x\n"
		    "Reply-to:rich@localhost\nFrom:rich\nDate:8/27/99\n" :
		    "received: by x\nReply-to:rich@localhost\nFrom:katie\n"
		    "Date:8/27/99\n"), 0, NULL);
		t_require(hdr_put(out, qf, mailer_find("local"), HDR_P_RAW,
		    NULL) == 0);
		p = sm_str_data(out);
		f = strstr(p, "\nFrom: Rich Blum <rich@mta.example.org>\n");
		if (k == 0) {
			t_assert(f != NULL);
			t_assert(strstr(p, "From:rich\n") == NULL);
			/* in the template's place: before the own fields */
			t_assert(f != NULL && strstr(p, "received: by x") > f);
		} else {
			t_assert(f == NULL);
			t_assert(strstr(p, "\nFrom:katie\n") != NULL);
			/* no space after the colon added (recorded 5.5) */
			t_assert(strstr(p, "\nReply-to:rich@localhost\n") !=
			    NULL);
		}
		queue_file_free(qf);
		sm_str_free(out);
	}
}

/* NoRecipientAction, recorded: sendmail -ONoRecipientAction=X -f
 * alice@example.com root bob@example.com carol zed@example.org wrote its
 * R lines root, carol, bob@example.com, zed@example.org and then these
 * fields after the message's own (add-bcc: "H??Bcc:  "). */
static const struct {
	const char *opt, *want, *msg;
} nra_rows[] = {
	{ "add-to", "H??Subject: nra\nH??To: zed@example.org\n"
	  "H??To: bob@example.com\nH??To: carol\nH??To: root\n.\n", NULL },
	{ "add-apparently-to", "H??Subject: nra\n"
	  "H??Apparently-To: zed@example.org\n"
	  "H??Apparently-To: bob@example.com\nH??Apparently-To: carol\n"
	  "H??Apparently-To: root\n.\n", NULL },
	{ "add-bcc", "H??Subject: nra\nH??Bcc:  \n.\n", NULL },
	{ "add-to-undisclosed", "H??Subject: nra\n"
	  "H??To: undisclosed-recipients:;\n.\n", NULL },
	{ "none", "H??Subject: nra\n.\n", NULL },
	/* add-to-undisclosed with one more field: a Bcc is enough, a
	 * Resent-To or Resent-Bcc is not (recorded) */
	{ "add-to-undisclosed", "H??Subject: nra\nH??Bcc: x@example.com\n"
	  ".\n", "Bcc: x@example.com\n" },
	{ "add-to-undisclosed", "H??Subject: nra\n"
	  "H??Resent-To: y@example.com\nH??To: undisclosed-recipients:;\n"
	  ".\n", "Resent-To: y@example.com\n" },
	{ "add-to-undisclosed", "H??Subject: nra\n"
	  "H??Resent-Bcc: y@example.com\nH??To: undisclosed-recipients:;\n"
	  ".\n", "Resent-Bcc: y@example.com\n" },
};

static void
test_nra(void)
{
	SM_STR *h = sm_str_new(0);
	char opt[64], msg[128];
	size_t i;

	for (i = 0; i < sizeof(nra_rows) / sizeof(nra_rows[0]); i++) {
		struct queue_file *qf = queue_file_new();

		t_begin("hdr_submit: NoRecipientAction=%s, %s",
		    nra_rows[i].opt, nra_rows[i].msg == NULL ? "no field" :
		    nra_rows[i].msg);
		readcf_init();
		macro_init();
		(void)snprintf(opt, sizeof(opt), " NoRecipientAction=%s",
		    nra_rows[i].opt);
		readcf_option(opt, 1);
		qf->qf_sender = queue_file_strdup(qf, "alice@example.com");
		(void)queue_file_add_rcpt(qf, "root", QUEUE_R_PRIMARY);
		(void)queue_file_add_rcpt(qf, "carol", QUEUE_R_PRIMARY);
		(void)queue_file_add_rcpt(qf, "bob@example.com",
		    QUEUE_R_PRIMARY);
		(void)queue_file_add_rcpt(qf, "zed@example.org",
		    QUEUE_R_PRIMARY);
		(void)snprintf(msg, sizeof(msg), "Subject: nra\n%s",
		    nra_rows[i].msg == NULL ? "" : nra_rows[i].msg);
		t_assert_cmp(hdr_submit(qf, fields(msg), 0, NULL), ==, 0);
		hlines(qf, h);
		t_assert_streq(sm_str_data(h), nra_rows[i].want);
		t_assert_cmp(qf->qf_flags & QUEUE_F_DELETEBCC, ==, 0);
		queue_file_free(qf);
		t_end();
	}
	sm_str_free(h);
}

/* MaxHopCount: the recorded limit case is 25 Received in the message
 * plus the one added, "Too many hops 26 (25 max)"; 24 pass (25). */
static void
test_hops(void)
{
	static char text[4096];
	struct queue_file *qf;
	size_t len = 0;
	int i;

	for (i = 0; i < 25; i++)
		len += (size_t)snprintf(text + len, sizeof(text) - len,
		    "Received: from h%d by h%d; Sun, 1 Nov 2026 00:00:00 "
		    "+0000\n", i, i);
	(void)snprintf(text + len, sizeof(text) - len, "Subject: h\n");
	cfsetup_load();
	set_macros("6AM3nlbg000803", "Sun, 22 Nov 2026 03:49:45 GMT",
	    "202611220349", NULL, NULL, "root@localhost", "root",
	    "alice@example.com", NULL);
	qf = queue_file_new();
	t_assert_cmp(hdr_submit(qf, fields(text), 0, NULL), ==, 26);
	queue_file_free(qf);
	qf = queue_file_new();
	t_assert_cmp(hdr_submit(qf, fields(strchr(text, '\n') + 1), 0, NULL),
	    ==, 25);
	queue_file_free(qf);
	/* without a Received template only the message's count */
	readcf_init();
	qf = queue_file_new();
	t_assert_cmp(hdr_submit(qf, fields("Via: x\nX-Received: y\n"
	    "Mail-From: z\nX400-Received: w\n"), 0, NULL), ==, 3);
	queue_file_free(qf);
}

/* Recorded delivery of a resent message by -bm: Bcc gone, the
 * message's own Return-Path gone, the address list laid out again
 * (the real one also rewrote "bob @ example.com" through HdrToL, which
 * HDR_P_RAW skips). */
static void
test_put_drop(void)
{
	struct queue_file *qf = queue_file_new();
	SM_STR *out = sm_str_new(0);

	cfsetup_load();
	set_macros("6AM3lvds021024", "Sun, 22 Nov 2026 03:47:57 GMT",
	    "202611220347", NULL, NULL, "root@localhost", "root",
	    "alice@example.com", NULL);
	(void)hdr_submit(qf, fields("Subject: deliv\n"
	    "resent-from: r@example.com\n"
	    "Return-Path: <bogus@example.com>\nBcc: d@example.com\n"
	    "X-Cond: mine\nTo: Bob  Smith <bob@example.com>  (the (nested) "
	    "comment), \"q, r\" <q@example.com>\n"), 0, NULL);
	t_assert(hdr_put(out, qf, mailer_find("local"), HDR_P_RAW, NULL)
	    == 0);
	t_assert_streq(sm_str_data(out),
	    "Return-Path: <alice@example.com>\n"
	    "Received: (from root@localhost)\n"
	    "\tby mta.example.org (8.17.1.9/8.17.1.9) id 6AM3lvds021024\n"
	    "\tfor root; Sun, 22 Nov 2026 03:47:57 GMT\n"
	    "Resent-Date: Sun, 22 Nov 2026 03:47:57 GMT\n"
	    "Date: Sun, 22 Nov 2026 03:47:57 GMT\n"
	    "From: alice@example.com\n"
	    "Resent-Message-Id: <202611220347.6AM3lvds021024@"
	    "mta.example.org>\n"
	    "Message-Id: <202611220347.6AM3lvds021024@mta.example.org>\n"
	    "Subject: deliv\nresent-from: r@example.com\nX-Cond: mine\n"
	    "To: Bob  Smith <bob@example.com>  (the (nested) comment),\n"
	    "        \"q, r\" <q@example.com>\n");
	/* an SMTP-like mailer: no P (no Return-Path), CRLF, no x */
	sm_str_reset(out);
	{
		char line[128];

		(void)snprintf(line, sizeof(line), "%s", "Mesmtp, P=[IPC], "
		    "F=mDFMuXa, E=\\r\\n, L=990, A=TCP $h");
		readcf_line(line, 30);
	}
	t_require(mailer_find("esmtp") != NULL);
	t_assert(hdr_put(out, qf, mailer_find("esmtp"), HDR_P_RAW, NULL)
	    == 0);
	t_assert(strncmp(sm_str_data(out), "Received: (from root@localhost)"
	    "\r\n\tby mta", 40) == 0);
	t_assert(strstr(sm_str_data(out), "Return-Path") == NULL);
	t_assert(strstr(sm_str_data(out), "\"q, r\" <q@example.com>\r\n")
	    != NULL);
	t_assert(strstr(sm_str_data(out), "comment), \"q, r\"") != NULL);
	/* a maximum too small: -1, OUT as before */
	{
		SM_STR *small = sm_str_new(10), *why = sm_str_new(0);

		t_assert(hdr_put(small, qf, NULL, 0, why) == -1);
		t_assert_cmp(sm_str_len(small), ==, 0);
		t_assert(sm_str_len(why) > 0);
		sm_str_free(small);
		sm_str_free(why);
	}
	queue_file_free(qf);
	sm_str_free(out);
}

/* A third recorded run, the cf with three more H lines:
 *	H?${client_addr}?X-Client: [${client_addr}]
 *	H?${nosuch}?X-None: n
 *	HX-Multi: $j
 * "sendmail -odq -f alice@example.com root" of a message with 8-bit bytes
 * and its own X-Multi fields: the template is left out, the macro
 * conditions are kept by name, the values expanded now; bytes 0x80-0x9f
 * and 0xff are stored behind a 0xff. */
static void
test_submit_more(void)
{
	static const char *const more[] = {
		"H?${client_addr}?X-Client: [${client_addr}]",
		"H?${nosuch}?X-None: n", "HX-Multi: $j", NULL
	};
	struct queue_file *qf = queue_file_new();
	SM_STR *h = sm_str_new(0), *out = sm_str_new(0);
	char line[256];
	size_t i;

	cfsetup_load();
	for (i = 0; more[i] != NULL; i++) {
		(void)snprintf(line, sizeof(line), "%s", more[i]);
		readcf_line(line, 40);
	}
	set_macros("6AM3qCth031882", "Sun, 22 Nov 2026 03:52:12 GMT",
	    "202611220352", NULL, NULL, "root@localhost", "root",
	    "alice@example.com", NULL);
	(void)hdr_submit(qf, fields("Subject: m\n"
	    "X-Inject: \201g and \201j\nX-B: a\200b\201c\237d\240e\351f\377g\n"
	    "X-Empty:\nX-Multi: one\nX-Multi: two\n"), 0, NULL);
	hlines(qf, h);
	t_assert_streq(strstr(sm_str_data(h), "H?M?"),
	    "H?M?Message-Id: <202611220352.6AM3qCth031882@mta.example.org>\n"
	    "H?${client_addr}?X-Client: []\nH?${nosuch}?X-None: n\n"
	    "H??Subject: m\nH??X-Inject: \377\201g and \377\201j\n"
	    "H??X-B: a\377\200b\377\201c\377\237d\240e\351f\377\377g\n"
	    "H??X-Empty:\nH??X-Multi: one\nH??X-Multi: two\n.\n");
	/* delivery: the quotes come off, no macro is expanded in the
	 * message's bytes, a ${macro} condition needs the macro */
	macro_set(macro_id("{client_addr}", NULL), "192.0.2.1");
	t_assert(hdr_put(out, qf, mailer_find("local"), HDR_P_RAW, NULL)
	    == 0);
	t_assert(strstr(sm_str_data(out), "\nX-Client: []\n") != NULL);
	t_assert(strstr(sm_str_data(out), "X-None") == NULL);
	t_assert(strstr(sm_str_data(out), "\nX-Inject: \201g and \201j\n"
	    "X-B: a\200b\201c\237d\240e\351f\377g\nX-Empty:\n") != NULL);
	queue_file_free(qf);
	/* without the message's X-Multi the template is added, expanded */
	qf = queue_file_new();
	(void)hdr_submit(qf, fields("Subject: s\n"), 0, NULL);
	hlines(qf, h);
	t_assert(strstr(sm_str_data(h), "H??X-Multi: mta.example.org\n"
	    "H??Subject: s\n") != NULL);
	queue_file_free(qf);
	sm_str_free(h);
	sm_str_free(out);
}

/* Address lists in the qf (recorded, sendmail -odq -f alice@example.com
 * root): a line of exactly 78 columns stays, 79 folds; a line break
 * inside an address stays; ", " between addresses; an empty list. */
static const struct {
	const char *name, *field, *want;
} list_rows[] = {
	{ "78 columns: one line",
	  "To: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@x.org, "
	  "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb@y.org\n",
	  "H??To: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@x.org, "
	  "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb@y.org\n" },
	{ "79 columns: folded",
	  "To: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@x.org, "
	  "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb@y.org\n",
	  "H??To: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@x.org,\n"
	  "        bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb@y.org\n" },
	{ "Reply-To counts from its own name",
	  "Reply-To: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@x.org, "
	  "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb@y.org\n",
	  "H??Reply-To: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@x.org,\n"
	  "        bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb@y.org\n" },
	{ "line breaks inside addresses kept",
	  "To: Bob\n Smith <b@x.org>, (multi\n\tline) c@y.org\n",
	  "H??To: Bob\n Smith <b@x.org>, (multi\n\tline) c@y.org\n" },
	{ "no space after a comma", "Reply-To: a@b.org,c@d.org\n",
	  "H??Reply-To: a@b.org, c@d.org\n" },
	{ "spaces around a comma", "To: a@b.org ,  c@d.org\n",
	  "H??To: a@b.org, c@d.org\n" },
	{ "the null address", "To: <>\n", "H??To: <>\n" },
	{ "only a comma", "To: ,\n", "H??To: \n" },
};

static void
test_lists(void)
{
	SM_STR *h = sm_str_new(0);
	char msg[512];
	size_t i;

	readcf_init();
	macro_init();
	for (i = 0; i < sizeof(list_rows) / sizeof(list_rows[0]); i++) {
		struct queue_file *qf = queue_file_new();

		t_begin("hdr_submit: address list, %s", list_rows[i].name);
		(void)snprintf(msg, sizeof(msg), "%s", list_rows[i].field);
		(void)hdr_submit(qf, fields(msg), 0, NULL);
		hlines(qf, h);
		(void)snprintf(msg, sizeof(msg), "%s.\n", list_rows[i].want);
		t_assert_streq(sm_str_data(h), msg);
		queue_file_free(qf);
		t_end();
	}
	sm_str_free(h);
}

static void
test_flags(void)
{
	t_assert_cmp(hdr_flags("Received"), ==, HDR_TRACE | HDR_FORCE);
	t_assert_cmp(hdr_flags("BCC"), ==, HDR_RCPT | HDR_BCC);
	t_assert_cmp(hdr_flags("resent-bcc"), ==,
	    HDR_RCPT | HDR_BCC | HDR_RESENT);
	t_assert_cmp(hdr_flags("Return-Path"), ==,
	    HDR_FORCE | HDR_ACHECK | HDR_BINDLATE);
	t_assert_cmp(hdr_flags("From"), ==, HDR_FROM);
	t_assert_cmp(hdr_flags("Content-Type"), ==, HDR_CTYPE);
	t_assert_cmp(hdr_flags("Content-Transfer-Encoding"), ==, HDR_CTE);
	t_assert_cmp(hdr_flags("Subject"), ==, HDR_ENCODABLE);
	t_assert_cmp(hdr_flags("X-Mailer"), ==, 0);
	t_assert_cmp(hdr_flags(""), ==, 0);
}

static void
test_define(void)
{
	const char *err = NULL;

	hdr_reset();
	t_assert(hdr_define("?P?Return-Path: <x>", &err) == 0);
	t_assert(hdr_define("X-A:", &err) == 0);
	t_assert(hdr_define("X-B : v", &err) == 0);
	t_assert_cmp(hdr_ntemplates(), ==, 3);
	t_assert(hdr_define("?P Return-Path: <x>", &err) == -1);
	t_assert_streq(err, "header syntax error");
	t_assert(hdr_define(": v", &err) == -1);
	t_assert(hdr_define("NoColon", &err) == -1);
	t_assert(hdr_define("", &err) == -1);
	t_assert_cmp(hdr_ntemplates(), ==, 3);
	hdr_reset();
	t_assert_cmp(hdr_ntemplates(), ==, 0);
	/* readcf keeps the H lines */
	cfsetup_load();
	t_assert_cmp(hdr_ntemplates(), ==, 9);
	readcf_init();
	t_assert_cmp(hdr_ntemplates(), ==, 0);
}

static int
collect_addr(void *ctx, const char *addr)
{
	SM_STR *s = ctx;

	(void)sm_str_addf(s, "[%s]", addr);
	return 0;
}

static int
stop_addr(void *ctx, const char *addr)
{
	(void)ctx;
	(void)addr;
	return -1;
}

static const struct {
	const char *name, *msg, *want;
	int n;
} rcpt_rows[] = {
	{ "To, Cc and Bcc in order", "Subject: c\nTo: root, bob@example.com\n"
	  "Cc: Carol <carol@example.org>\nBcc: dave@example.com\n",
	  "[root][bob@example.com][Carol <carol@example.org>]"
	  "[dave@example.com]", 4 },
	{ "Resent-To wins over To", "Resent-To: rr@example.com\n"
	  "To: tt@example.com\nBcc: bb@example.com\n", "[rr@example.com]", 1 },
	{ "commas in quotes, comments and brackets",
	  "To: \"Doe, J\" <j@x>, (a, b) k@y, <l@z,m>\n",
	  "[\"Doe, J\" <j@x>][(a, b) k@y][<l@z,m>]", 3 },
	{ "folded list, empty pieces", "Cc: a,\n\tb , ,\n  c\n",
	  "[a][b][c]", 3 },
	{ "no recipient field", "Subject: x\nFrom: f@x\n", "", 0 },
	{ "Apparently-To counts", "Apparently-To: q@x\n", "[q@x]", 1 },
	{ "empty To", "To:\n", "", 0 },
};

static void
test_recipients(void)
{
	SM_STR *s = sm_str_new(0);
	size_t i;

	for (i = 0; i < sizeof(rcpt_rows) / sizeof(rcpt_rows[0]); i++) {
		t_begin("hdr_recipients: %s", rcpt_rows[i].name);
		sm_str_reset(s);
		t_assert_cmp(hdr_recipients(fields(rcpt_rows[i].msg),
		    collect_addr, s), ==, rcpt_rows[i].n);
		t_assert_streq(sm_str_data(s), rcpt_rows[i].want);
		t_end();
	}
	t_assert_cmp(hdr_recipients(fields("To: a\n"), stop_addr, NULL), ==,
	    -1);
	t_assert_cmp(hdr_recipients(NULL, collect_addr, s), ==, 0);
	sm_str_free(s);
}

int
main(void)
{
	t_run("hdr_flags: sendmail's header table", test_flags);
	t_run("hdr_define: templates kept, syntax checked", test_define);
	test_submit();
	t_run("hdr_put: local mailer, recorded delivery", test_put_local);
	t_run("hdr_submit: a From: that is the local sender is dropped",
	    test_dropfrom);
	t_run("hdr_put: Bcc, own Return-Path dropped; E= and L=",
	    test_put_drop);
	t_run("hdr_submit: hop count", test_hops);
	t_run("hdr_submit: macro conditions, 8-bit quoting, own field wins",
	    test_submit_more);
	test_nra();
	test_lists();
	test_recipients();
	readcf_reset();
	return t_done();
}
