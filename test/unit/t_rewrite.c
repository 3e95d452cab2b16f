/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * t_rewrite.c -- sendmail/rewrite.c: the rule matcher and the RHS.
 *
 * Each row is one rule (LHS, RHS), an input and what the ruleset returns.
 * The expected results were taken from the reference sendmail 8.17.1.9:
 * the same rules, each in a ruleset of its own in a small cf (with
 * DxB.c, Cwa a.b, BlankSub .), fed to "sendmail -bt" as "tN INPUT".
 * They pin down which binding sendmail's backtracking finds first
 * ($* as short as it can, the rightmost wildcard growing first), the
 * retry of rules without $: / $@, $&x on both sides, $=X over several
 * tokens, and the messages of runaway rules.
 */
#include "sendmail/class.h"
#include "sendmail/macro.h"
#include "sendmail/msg.h"
#include "sendmail/readcf.h"
#include "sendmail/rewrite.h"
#include "sendmail/token.h"
#include "t.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>

static const struct {
	const char	*lhs, *rhs, *in, *out;
} rows[] = {
	{ "$* @ $*", "< $1 > < $2 >", "a @ b @ c",
	    " < < a > < b > < c > >" },
	{ "$+ @ $+", "< $1 > < $2 >", "a @ b @ c",
	    " < < a > < b > < c > >" },
	{ "$- . $+", "< $1 > < $2 >", "a . b . c", " < a > < b . c >" },
	{ "$=w $*", "< $1 > < $2 >", "a . b . c", " < a > < . b . c >" },
	{ "$~w $*", "< $1 > < $2 >", "a y", " a y" },
	{ "$* $* $* x", "< $1 > < $2 > < $3 >", "a b c x",
	    " < > < > < a b c >" },
	{ "$* $&x $*", "< $1 > < $2 >", "a b . c d", " < a > < d >" },
	{ "$+", "$: $1 x", "a", " a x" },
	{ "$+ x", "$1", "a x x x", " a" },
	{ "$*", "$@ $1 y", "a", " a y" },
	{ "FOO $*", "$1", "foo bar", " bar" },
	{ "$* a $* a $* a $* b", "ok",
	    "a a a a a a a a a a a a a a a a a a a a c",
	    " a a a a a a a a a a a a a a a a a a a a c" },
	{ "$* < @ $=w > $*", "< $2 >", "u < @ a . b > v", " < a . b >" },
	{ "$* $=w", "< $1 > < $2 >", "a . b", " < > < a . b >" },
	{ "$=w $=w", "< $1 > < $2 >", "a a . b", " < a > < a . b >" },
	{ "$* b $*", "$@ < $2 > < $1 >", "a b c b d", " < c b d > < a >" },
	{ "$+ < $* >", "< $2 >", "x < a b >", " < a b >" },
	{ "$@", "empty", "x", " x" },
	{ "$*", "$: $&y z", "a", " z" },
	{ "$*", "$: $&x z", "a", " b . c z" },
	{ "$* $| $*", "< $2 > < $1 >", "a $| b", " a $| b" },
};

/* The cf the rows run in: one ruleset tN per row. */
static void
load(void)
{
	char line[512];
	size_t i;
	static const char *const head[] = {
		"V10/Berkeley", "O OperatorChars=.:%@!^/[]+", "O BlankSub=.",
		"Dxb.c", "Cwa a.b", "S0", "R$*\t$#local $: $1",
		"Mlocal, P=/bin/true, F=lsDFM, A=x $u", NULL
	};

	readcf_init();
	macro_init();
	for (i = 0; head[i] != NULL; i++) {
		(void)snprintf(line, sizeof(line), "%s", head[i]);
		readcf_line(line, 1);
	}
	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		(void)snprintf(line, sizeof(line), "St%zu", i + 1);
		readcf_line(line, 1);
		(void)snprintf(line, sizeof(line), "R%s\t%s", rows[i].lhs,
		    rows[i].rhs);
		readcf_line(line, 1);
	}
	readcf_finish();
}

/* Run ruleset NAME over IN; the result as -bt prints it into OUT. */
static int
run(const char *name, const char *in, char *out, size_t size)
{
	static const struct token *pv[TOKEN_MAXATOM + 1];
	int n = token_scan(in, '\0', TOKEN_TAB_NOC, 0, pv, TOKEN_MAXATOM + 1,
	    NULL), st;
	FILE *fp;

	if (n < 0)
		n = 0;
	st = rewrite(pv, &n, TOKEN_MAXATOM, rewrite_rsnum(name, NULL, 0), 0);
	fp = fmemopen(out, size, "w");
	token_printav(fp, pv, n);
	(void)fclose(fp);
	out[strcspn(out, "\n")] = '\0';
	return st;
}

static void
test_rows(void)
{
	char name[16], out[4096];
	size_t i;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		(void)snprintf(name, sizeof(name), "t%zu", i + 1);
		t_begin("rewrite: %s -> %s on \"%s\"", rows[i].lhs,
		    rows[i].rhs, rows[i].in);
		t_assert_cmp(run(name, rows[i].in, out, sizeof(out)), ==,
		    EX_OK);
		t_assert_streq(out, rows[i].out);
		t_end();
	}
}

/* A rule that keeps matching stops after 100 rounds with sendmail's
 * message; one that grows past 1000 tokens says so and returns 65. */
static void
test_runaway(void)
{
	char line[64], msgs[4096], out[8192];
	FILE *fp;
	int st;

	(void)snprintf(line, sizeof(line), "Sloop");
	readcf_line(line, 1);
	(void)snprintf(line, sizeof(line), "R$~w $*\t< $1 > < $2 >");
	readcf_line(line, 1);
	(void)snprintf(line, sizeof(line), "Sgrow");
	readcf_line(line, 1);
	(void)snprintf(line, sizeof(line), "R$*\t$1 $1");
	readcf_line(line, 1);
	memset(msgs, 0, sizeof(msgs));
	fp = fmemopen(msgs, sizeof(msgs), "w");
	msg_set_out(fp);
	(void)run("loop", "x y", out, sizeof(out));
	st = run("grow", "a", out, sizeof(out));
	(void)fclose(fp);
	msg_set_out(NULL);
	t_assert(strstr(msgs, "Infinite loop in ruleset loop, rule 1\n") !=
	    NULL);
	t_assert(strstr(msgs, "rewrite: expansion too long\n") != NULL);
	t_assert_cmp(st, ==, EX_DATAERR);
}

/* A rule calling its own ruleset before its input: past 50 levels each
 * call fails, the caller goes on with one more token each round, until
 * the words outgrow the workspace and every level gives up. */
static void
test_subr_cascade(void)
{
	static char msgs[1 << 20];
	char line[64], out[8192];
	FILE *fp;
	int st;

	(void)snprintf(line, sizeof(line), "Scasc");
	readcf_line(line, 1);
	(void)snprintf(line, sizeof(line), "R$*\tx $>casc $1");
	readcf_line(line, 1);
	fp = fmemopen(msgs, sizeof(msgs) - 1, "w");
	msg_set_out(fp);
	st = run("casc", "a", out, sizeof(out));
	(void)fclose(fp);
	msg_set_out(NULL);
	t_assert(strstr(msgs, "rewrite: excessive recursion (max 50), "
	    "ruleset casc\n") != NULL);
	t_assert(strstr(msgs, "rewrite: expansion too long\n") != NULL);
	t_assert_cmp(st, ==, EX_DATAERR);
}

/* Backtracking is memoized: a pattern with many $* over a long input
 * that cannot match answers at once. */
static void
test_no_blowup(void)
{
	char line[128], in[4096], out[8192];
	clock_t t0;
	size_t i;

	(void)snprintf(line, sizeof(line), "Sslow");
	readcf_line(line, 1);
	(void)snprintf(line, sizeof(line),
	    "R$* a $* a $* a $* a $* a $* a $* b\tok");
	readcf_line(line, 1);
	for (i = 0; i < 400; i++)
		memcpy(in + 2 * i, "a ", 2);
	memcpy(in + 800, "c", 2);
	t0 = clock();
	(void)run("slow", in, out, sizeof(out));
	t_assert(strncmp(out, " a a a", 6) == 0);
	t_assert_cmp(clock() - t0, <, 2 * CLOCKS_PER_SEC);
}

/* =S prints each rule as LHS tokens and RHS tokens followed by a blank,
 * two tabs between. */
static void
test_dump(void)
{
	char out[512];
	FILE *fp = fmemopen(out, sizeof(out), "w");

	rewrite_dump(fp, rewrite_rsnum("t3", NULL, 0));
	(void)fclose(fp);
	t_assert_streq(out, "R$- . $+ \t\t< $1 > < $2 > \n");
}

/* Ruleset names and numbers: named ones count down from 199. */
static void
test_names(void)
{
	t_assert_cmp(rewrite_rsnum("0", NULL, 0), ==, 0);
	t_assert_cmp(rewrite_rsnum("t1", NULL, 0), ==, 199);
	t_assert_cmp(rewrite_rsnum("nosuch", NULL, 0), ==, -1);
	t_assert_streq(rewrite_rsname(199), "t1");
	t_assert(rewrite_rsname(5) == NULL);
	t_assert(rewrite_rshas_rules(199));
	t_assert(!rewrite_rshas_rules(5));
}

int
main(void)
{
	msg_set_out(stderr);
	load();
	test_rows();
	t_run("rewrite: runaway rules", test_runaway);
	t_run("rewrite: a subroutine cascade", test_subr_cascade);
	t_run("rewrite: no exponential backtracking", test_no_blowup);
	t_run("rewrite: =S format", test_dump);
	t_run("rewrite: ruleset names", test_names);
	return t_done();
}
