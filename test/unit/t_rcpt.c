/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * t_rcpt.c -- sendmail/rcpt.c: a delivery's recipient list.
 *
 * A small cf (local mailer F=A w : | /, an esmtp mailer for other
 * hosts), an aliases database built by aliasdb.c, include and forward
 * files in the test directory.  The expected expansions are sendmail
 * 8.17's rules: aliases replace the name, owner-LIST takes the errors,
 * duplicates go, "bob: bob, x" and "\bob" deliver bob himself, a loop
 * stops at MaxAliasRecursion with "aliasing/forwarding loop broken",
 * unknown users are 5.1.1 "User unknown", programs and files given
 * directly are 5.7.1 "Cannot mail directly to ...".  A list's members
 * come in sendmail's queue order: the last first, as sendtolist hands
 * them to recipient() (recorded with 8.17's EXPN, data/smtp/expn*.real).
 */
#include "libsm/strl.h"
#include "sendmail/aliasdb.h"
#include "sendmail/macro.h"
#include "sendmail/map.h"
#include "sendmail/readcf.h"
#include "sendmail/rcpt.h"
#include "t.h"

#include <sys/stat.h>

#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char aliases[600], incfile[600], fwddir[600];
static const char *user;	/* an existing login user (ours) */

static void
put_file(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");

	if (fp == NULL)
		exit(2);
	(void)fputs(text, fp);
	(void)fclose(fp);
}

/* PAT with each "%s" replaced by ARG (formats built at run time are
 * refused by -Wformat=2). */
static void
subst(char *buf, size_t size, const char *pat, const char *arg)
{
	const char *p;

	buf[0] = '\0';
	while ((p = strstr(pat, "%s")) != NULL) {
		size_t l = strlen(buf);

		if ((size_t)(p - pat) + l + 1 < size)
			(void)memcpy(buf + l, pat, (size_t)(p - pat));
		buf[l + (size_t)(p - pat) < size ? l + (size_t)(p - pat) :
		    size - 1] = '\0';
		(void)sm_strlcat(buf, arg, size);
		pat = p + 2;
	}
	(void)sm_strlcat(buf, pat, size);
}

static void
cf_line(const char *fmt, const char *arg)
{
	static int lineno;
	char line[2048];

	subst(line, sizeof(line), fmt, arg);
	readcf_line(line, ++lineno);
}

static void
setup(void)
{
	char text[4096], opt[700];
	struct aliasdb_spec as;
	struct aliasdb_result res;
	const char *err = NULL;
	FILE *msgs = fopen("/dev/null", "w");

	user = getpwuid(getuid())->pw_name;
	(void)snprintf(aliases, sizeof(aliases), "%s/aliases", t_tmpdir());
	(void)snprintf(incfile, sizeof(incfile), "%s/list.inc", t_tmpdir());
	(void)snprintf(fwddir, sizeof(fwddir), "%s/fwd", t_tmpdir());
	(void)mkdir(fwddir, 0700);
	(void)snprintf(text, sizeof(text),
	    "staff: %s, nosuchuser9\n"
	    "owner-staff: %s\n"
	    "self: self, %s\n"
	    "twice: staff, %s, staff\n"
	    "loop1: loop2\nloop2: loop1\n"
	    "pipe: \"|/bin/cat\"\n"
	    "file: /dev/null\n"
	    "inc: :include:%s\n"
	    "noinc: :include:%s/missing\n"
	    "chain: staff\n"
	    "team: %s, bob@example.com, \"|/bin/cat\", /tmp/f, "
	    ":include:%s.2\n"
	    "dup: %s, %s\n"
	    "la: lb\nlb: lc, %s\nlc: la\n"
	    "c1: c2\nc2: c3\nc3: c4\nc4: c5\nc5: %s\n",
	    user, user, user, user, incfile, t_tmpdir(), user, incfile, user,
	    user, user, user);
	put_file(aliases, text);
	(void)snprintf(text, sizeof(text), "# members\n%s\n\nnosuchuser8\n",
	    user);
	put_file(incfile, text);
	(void)snprintf(text, sizeof(text), "%s.2", incfile);
	put_file(text, "daemon\n");
	t_require(aliasdb_spec_parse(aliases, &as, &err) == 0);
	t_require(aliasdb_rebuild(&as, NULL, msgs, &res, &err) == 0);
	aliasdb_spec_free(&as);
	(void)fclose(msgs);

	readcf_init();
	macro_init();
	cf_line("%sV10/Berkeley", "");
	/* the checkout may lie below a world-writable directory (/tmp) */
	map_set_unsafe_dirpath(1);	/* DontBlameSendmail=MapInUnsafeDirPath */
	cf_line("%sCwlocalhost mta.example.org", "");
	cf_line("%sDjmta.example.org", "");
	cf_line("%sS3", "");
	cf_line("%sR$* < $+ > $*\t$2", "");
	cf_line("%sS0", "");
	cf_line("%sR$+ @ $=w\t$#local $: $1", "");
	cf_line("%sR$+ @ $+\t$#esmtp $@ $2 $: $1 @ $2", "");
	cf_line("%sR$+\t$#local $: $1", "");
	cf_line("%sMlocal, P=[LOCAL], F=lsDFMAw5:/|@qSPfhn9, A=mail $u", "");
	cf_line("%sMesmtp, P=[IPC], F=mDFMuXa, A=TCP $h", "");
	cf_line("Kaliases hash %s", aliases);
	(void)snprintf(opt, sizeof(opt), "O ForwardPath=%s/$u.forward",
	    fwddir);
	cf_line("%s", opt);
	readcf_option(" MaxAliasRecursion=3", 0);
	readcf_finish();
}

/* The deliverable leaves of ADDR as "user" or "user@host" or "FAIL
 * status text", joined by " | ". */
static void
leaves(const char *addr, char *out, size_t size)
{
	struct rcpt_list rl;
	size_t i;

	out[0] = '\0';
	rcpt_list_init(&rl);
	(void)rcpt_add(&rl, addr, 0, false);
	for (i = 0; i < rl.rl_n; i++) {
		const struct rcpt *r = &rl.rl_v[i];
		char one[512];

		if (r->r_state == RCPT_EXPANDED || r->r_state == RCPT_DUP)
			continue;
		if (r->r_state == RCPT_FAIL || r->r_state == RCPT_TEMP)
			(void)snprintf(one, sizeof(one), "%s %s %s %s",
			    r->r_state == RCPT_FAIL ? "FAIL" : "TEMP",
			    r->r_addr, r->r_status, r->r_diag);
		else
			(void)snprintf(one, sizeof(one), "%s:%s%s%s",
			    r->r_mailer->m_name, r->r_user,
			    r->r_host != NULL ? "@" : "",
			    r->r_host != NULL ? r->r_host : "");
		if (r->r_owner != NULL) {
			size_t l = strlen(one);

			(void)snprintf(one + l, sizeof(one) - l, " (%s)",
			    r->r_owner);
		}
		if (out[0] != '\0')
			(void)sm_strlcat(out, " | ", size);
		(void)sm_strlcat(out, one, size);
	}
	rcpt_list_free(&rl);
}

static void
test_expand(void)
{
	char got[2048], want[2048];
	const struct {
		const char *name, *addr, *fmt;
	} rows[] = {
		{ "a login user", "%s", "local:%s" },
		{ "a login user at a local host", "<%s@mta.example.org>",
		    "local:%s" },
		{ "an unknown user", "nosuchuser9",
		    "FAIL nosuchuser9 5.1.1 User unknown" },
		{ "a remote address", "x@example.com",
		    "esmtp:x@example.com@example.com" },
		{ "an alias with owner", "staff",
		    "FAIL nosuchuser9 5.1.1 User unknown (%s) | "
		    "local:%s (%s)" },
		{ "a self reference", "self",
		    "FAIL self 5.1.1 User unknown | local:%s" },
		{ "duplicates dropped", "twice",
		    "FAIL nosuchuser9 5.1.1 User unknown (%s) | "
		    "local:%s (%s)" },
		{ "a loop", "loop1",
		    "FAIL loop1 5.4.6 aliasing/forwarding loop broken" },
		{ "a loop below a member", "la", "local:%s" },
		{ "too deep", "c1", "FAIL c4 5.4.6 aliasing/forwarding loop "
		    "broken (4 aliases deep; 3 max)" },
		{ "just deep enough", "c3", "local:%s" },
		{ "a program through an alias", "pipe", "prog:|/bin/cat" },
		{ "a file through an alias", "file", "*file*:/dev/null" },
		{ "an include file", "inc", "local:%s | FAIL nosuchuser8 "
		    "5.1.1 User unknown" },
		{ "a missing include file", "noinc", "FAIL :include:%s "
		    "5.2.4 Cannot open" },
		{ "a program given directly", "|/bin/cat",
		    "FAIL |/bin/cat 5.7.1 Cannot mail directly to programs" },
		{ "a file given directly", "/tmp/x",
		    "FAIL /tmp/x 5.7.1 Cannot mail directly to files" },
		{ "backslash: no aliasing", "\\staff",
		    "FAIL \\staff 5.1.1 User unknown" },
		{ "an alias of an alias", "chain",
		    "FAIL nosuchuser9 5.1.1 User unknown (%s) | "
		    "local:%s (%s)" },
	};
	size_t i;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		char addr[256];

		t_begin("rcpt: %s", rows[i].name);
		subst(addr, sizeof(addr), rows[i].addr, user);
		subst(want, sizeof(want), rows[i].fmt, user);
		leaves(addr, got, sizeof(got));
		if (strstr(rows[i].name, "missing") != NULL)
			t_assert(strncmp(got, "FAIL :include:", 14) == 0 &&
			    strstr(got, "5.2.4 Cannot open") != NULL);
		else
			t_assert_streq(got, want);
		t_end();
	}
}

static void
test_forward(void)
{
	char path[700], got[2048], want[2048];

	(void)snprintf(path, sizeof(path), "%s/%s.forward", fwddir, user);
	put_file(path, "");
	leaves(user, got, sizeof(got));
	(void)snprintf(want, sizeof(want), "local:%s", user);
	t_assert_streq(got, want);	/* empty .forward: the user */

	{
		char text[512];

		(void)snprintf(text, sizeof(text), "\\%s, \"|/bin/cat\"\n",
		    user);
		put_file(path, text);
	}
	leaves(user, got, sizeof(got));
	(void)snprintf(want, sizeof(want), "local:%s | prog:|/bin/cat",
	    user);
	t_assert_streq(got, want);
	{
		char text[512];

		(void)snprintf(text, sizeof(text), "nosuchuser7\n");
		put_file(path, text);
	}
	leaves(user, got, sizeof(got));
	t_assert_streq(got, "FAIL nosuchuser7 5.1.1 User unknown");
	/* writable by others: not used */
	(void)chmod(path, 0666);
	leaves(user, got, sizeof(got));
	(void)snprintf(want, sizeof(want), "local:%s", user);
	t_assert_streq(got, want);
	(void)unlink(path);
}

static void
test_exists(void)
{
	t_assert_cmp(rcpt_local_exists(user), ==, 0);
	t_assert_cmp(rcpt_local_exists("staff"), ==, 0);
	t_assert_cmp(rcpt_local_exists("STAFF"), ==, 0);
	t_assert_cmp(rcpt_local_exists("nosuchuser9"), ==, -1);
	t_assert_cmp(rcpt_local_exists(""), ==, -1);
}

static void
test_expn(void)
{
	SM_STR *s = sm_str_new(SM_STR_NOMAX);
	struct passwd *pw;

	/* a member fails: only the failure, as sendmail answers EXPN */
	t_assert_cmp(rcpt_expand("staff", s), ==, -1);
	t_assert_streq(s->s_data, "550 5.1.1 nosuchuser9... User unknown\n");
	sm_str_truncate(s, 0);
	t_assert_cmp(rcpt_expand("nosuchuser9", s), ==, -1);
	t_assert_streq(s->s_data, "550 5.1.1 nosuchuser9... User unknown\n");
	sm_str_truncate(s, 0);
	pw = getpwnam("daemon");
	if (pw == NULL || strcmp(pw->pw_gecos, "daemon") != 0 ||
	    strcmp(user, "root") != 0) {
		t_skip("rcpt: EXPN order (needs root and daemon's GECOS)");
		sm_str_free(s);
		return;
	}
	/* the order and forms recorded from sendmail 8.17's EXPN of
	 * "list: root, bob@example.com, "|/bin/cat", /tmp/f, :include:F"
	 * with F naming daemon */
	t_assert_cmp(rcpt_expand("team", s), ==, 5);
	t_assert_streq(s->s_data, "daemon <daemon@mta.example.org>\n"
	    "</tmp/f>\n<|/bin/cat>\nroot <root@mta.example.org>\n"
	    "<bob@example.com>\n");
	sm_str_truncate(s, 0);
	t_assert_cmp(rcpt_expand("dup", s), ==, 1);
	t_assert_streq(s->s_data, "root <root@mta.example.org>\n");
	sm_str_truncate(s, 0);
	t_assert_cmp(rcpt_expand("Root", s), ==, 1);
	t_assert_streq(s->s_data, "root <root@mta.example.org>\n");
	sm_str_free(s);
}

static void
test_vrfy(void)
{
	const struct {
		const char *addr, *fmt;
		int rc;
	} rows[] = {
		/* recorded from sendmail 8.17's VRFY (data/smtp/expn*.real):
		 * 252 for a mailer without F=q */
		{ "staff", "<staff@mta.example.org>\n", 250 },
		{ "nosuchuser7", "550 5.1.1 nosuchuser7... User unknown\n", -1 },
		{ "<x@example.com>", "<x@example.com>\n", 252 },
		{ "|/bin/cat", "550 5.7.1 |/bin/cat... Cannot mail directly to "
		    "programs\n", -1 },
		{ "/tmp/f", "550 5.7.1 /tmp/f... Cannot mail directly to "
		    "files\n", -1 },
	};
	size_t i;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		SM_STR *s = sm_str_new(SM_STR_NOMAX);

		t_begin("rcpt: VRFY %s", rows[i].addr);
		t_assert_cmp(rcpt_verify(rows[i].addr, s), ==, rows[i].rc);
		t_assert_streq(s->s_data, rows[i].fmt);
		sm_str_free(s);
		t_end();
	}
	if (strcmp(user, "root") == 0) {
		SM_STR *s = sm_str_new(SM_STR_NOMAX);

		t_assert_cmp(rcpt_verify("root", s), ==, 250);
		t_assert_streq(s->s_data, "root <root@mta.example.org>\n");
		/* finduser's lower-case try; "\\root" keeps its backslash */
		sm_str_truncate(s, 0);
		t_assert_cmp(rcpt_verify("Root", s), ==, 250);
		t_assert_streq(s->s_data, "root <root@mta.example.org>\n");
		sm_str_truncate(s, 0);
		t_assert_cmp(rcpt_verify("\\root", s), ==, 250);
		t_assert_streq(s->s_data, "root <\\root@mta.example.org>\n");
		sm_str_free(s);
	}
}

/* Malformed input: failures recorded, nothing else (ASan watches). */
static void
test_malformed(void)
{
	struct rcpt_list rl;
	char *big = malloc(20000);
	int n;

	t_require(big != NULL);
	memset(big, 'a', 19999);
	big[19999] = '\0';
	rcpt_list_init(&rl);
	n = rcpt_add(&rl, big, 0, false);
	t_assert_cmp(n, ==, 0);
	t_assert(rl.rl_v[0].r_state == RCPT_FAIL);
	(void)rcpt_add(&rl, "<>", 0, false);
	(void)rcpt_add(&rl, "\"unterminated", 0, false);
	(void)rcpt_add(&rl, "a@@b,,,", 0, false);
	(void)rcpt_add(&rl, ":include:", 0, true);
	t_assert_cmp(rl.rl_n, >=, 1);
	rcpt_list_free(&rl);
	free(big);
}

static void
test_builtin(void)
{
	MAILER m;

	memset(&m, 0, sizeof(m));
	m.m_mailer = "[LOCAL]";
	t_assert(rcpt_builtin_local(&m));
	m.m_mailer = "/usr/lib/sm.bin/mail.local";
	t_assert(rcpt_builtin_local(&m));
	m.m_mailer = "mail.local";
	t_assert(rcpt_builtin_local(&m));
	m.m_mailer = "/usr/bin/procmail";
	t_assert(!rcpt_builtin_local(&m));
	m.m_mailer = "/usr/lib/mail.local.old";
	t_assert(!rcpt_builtin_local(&m));
	t_assert(!rcpt_builtin_local(NULL));
	t_assert_streq(rcpt_mailbox_dir(), "/var/mail");
}

int
main(void)
{
	setup();
	t_run("rcpt: expansions", test_expand);
	t_run("rcpt: forward files", test_forward);
	t_run("rcpt: rcpt_local_exists", test_exists);
	t_run("rcpt: EXPN listing", test_expn);
	t_run("rcpt: VRFY answers", test_vrfy);
	t_run("rcpt: malformed addresses", test_malformed);
	t_run("rcpt: built-in local mailer", test_builtin);
	map_free_all();
	return t_done();
}
