/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * t_readcf.c -- sendmail/readcf.c (and mailer.c): the line types, their
 * syntax errors as "FILE: line N: message", folding, comments, $ and #.
 *
 * Every expected message and value was taken from the reference sendmail
 * 8.17.1.9 (Debian) reading the same lines with -bt -C (a cf of broken
 * lines; a cf of tricky good lines, then $x, $=X, =S and =M).
 */
#include "sendmail/class.h"
#include "sendmail/macro.h"
#include "sendmail/mailer.h"
#include "sendmail/msg.h"
#include "sendmail/readcf.h"
#include "sendmail/rewrite.h"
#include "sendmail/token.h"
#include "t.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>

static char	msgs[16384];

/* Write TEXT to FILE in the test directory; returns its path. */
static const char *
put(const char *name, const char *text)
{
	static char path[4][512];
	static int k;
	char *p = path[k++ % 4];
	FILE *fp;

	(void)snprintf(p, 512, "%s/%s", t_tmpdir(), name);
	fp = fopen(p, "w");
	if (fp != NULL) {
		(void)fputs(text, fp);
		(void)fclose(fp);
	}
	return p;
}

/* Read the cf TEXT; messages (the cf path shown as "F") into msgs. */
static void
read_text(const char *text)
{
	const char *cf = put("t.cf", text);
	FILE *fp;

	memset(msgs, 0, sizeof(msgs));
	fp = fmemopen(msgs, sizeof(msgs) - 1, "w");
	msg_set_out(fp);
	rewrite_reset();
	mailer_reset();
	class_reset();
	macro_reset();
	readcf_init();
	macro_init();
	(void)readcf(cf, 1);
	readcf_finish();
	(void)fclose(fp);
	msg_set_out(NULL);
}

/* Does MSGS hold "CF: line N: TEXT\n"? */
static int
has_msg(int line, const char *text)
{
	char want[1024];

	(void)snprintf(want, sizeof(want), "%s/t.cf: line %d: %s\n",
	    t_tmpdir(), line, text);
	return strstr(msgs, want) != NULL;
}

static const char broken_cf[] =
	"Rbefore\t$@ x\n" "V10/Berkeley\n" "Vabc\n" "V10/Foo\n"
	"Lfoo bar\n" "Gbar\n" "Zzz\n" " D space\n" "Cwlocalhost\n"
	"O OperatorChars=.:%@!^/[]+\n" "S1\n" "Rno tab\n" "R$1\tx\n"
	"R$:\tx\n" "R$* $* $* $* $* $* $* $* $* $*\tx\n" "R$*\t$2\n"
	"R$*\t$0\n" "R\tx\n" "R$*\t\n" "R$*\t$* $+\n"
	"R$*\t$( a $( b $) $)\n" "Sfoo\n" "Sfoo\n" "R$*\tx\n" "Sfoo\n"
	"Sbar=150\n" "Sbaz=abc\n" "S200\n" "S\n" "S99\n" "P\n" "Px=1\n"
	"Mnoargs, P=/bin/x\n" "Mnopath, A=x\n" "Mbad P=x, A=x, Z=1\n"
	"Mipc, P=[IPC], A=FOO $h\n" "Mtcp, P=[TCP], A=TCP $h\n"
	"Mfile2, P=[FILE], A=FILE\n" "Meq, P\n" "D{foo\n" "D{a-b}x\n"
	"D{}x\n" "C{toolongnametoolongnametoolongname}x\n" "Knomap\n"
	"K foo\n" "O NoSuchOption=1\n" "O Timeout.foo=1\n";

static const struct {
	int	line;
	const char *text;
} broken[] = {
	{ 1, "missing valid ruleset for \"Rbefore\t\001@ x\"" },
	{ 3, "invalid argument to V line: \"abc\"" },
	{ 4, "invalid V line vendor code: \"Foo\"" },
	{ 5, "unknown configuration line \"Lfoo bar\"" },
	{ 6, "unknown configuration line \"Gbar\"" },
	{ 8, "unknown configuration line \"Zzz\n D space\"" },
	{ 12, "invalid rewrite line \"Rno tab\" (tab expected)" },
	{ 13, "Inappropriate use of $1-$9 on LHS" },
	{ 14, "Inappropriate use of $: on LHS" },
	{ 15, "R line: too many wildcards" },
	{ 16, "replacement $2 out of bounds" },
	{ 17, "replacement $0 out of bounds" },
	{ 18, "R line: null LHS" },
	{ 19, "invalid rewrite line \"R\001*\" (tab expected)" },
	{ 20, "Inappropriate use of $* on RHS" },
	{ 20, "Inappropriate use of $+ on RHS" },
	{ 21, "cannot nest map lookups" },
	{ 26, "bad ruleset number 150 in \"bar=150\" (100 max)" },
	{ 27, "bad ruleset definition \"baz=abc\" (number required after "
	    "`=')" },
	{ 28, "bad ruleset 200 (100 max)" },
	{ 29, "invalid ruleset name: \"\"" },
	{ 31, "unknown configuration line \"P\"" },
	{ 33, "Mnoargs: A= argument required" },
	{ 34, "Mnopath: P= argument required" },
	{ 35, "Mbad: unknown mailer equate Z=" },
	{ 37, "Mtcp: P=[TCP] must be replaced by P=[IPC]" },
	{ 38, "Mfile2: too few parameters for [FILE] mailer" },
	{ 39, "mailer eq: `=' expected" },
	{ 40, "Unbalanced { on foo" },
	{ 40, "Unable to assign macro/class ID (mid = 0xffffffff)" },
	{ 41, "Invalid macro/class character -" },
	{ 42, "Name required for macro/class" },
	{ 43, "Macro/class name ({toolongnametoolongnametoo}) too long (25 "
	    "chars max)" },
	{ 44, "readcf: config K line, map nomap: no map class" },
	{ 45, "readcf: config K line, map foo: no map class" },
	{ 46, "readcf: unknown option name NoSuchOption" },
	{ 47, "settimeout: invalid timeout foo" },
};

static void
test_broken(void)
{
	size_t i;

	read_text(broken_cf);
	for (i = 0; i < sizeof(broken) / sizeof(broken[0]); i++) {
		t_begin("readcf: broken line %d, message %zu", broken[i].line,
		    i + 1);
		t_assert(has_msg(broken[i].line, broken[i].text));
		t_end();
	}
	t_begin("readcf: messages without a place");
	t_assert(strstr(msgs, "\nWARNING: Ruleset foo has multiple "
	    "definitions\n") != NULL);
	t_assert(strstr(msgs, "\nMipc: Warning: first argument in [IPC] "
	    "mailer must be TCP or FILE\n") != NULL);
	t_assert(strstr(msgs, "\nNo local mailer defined\n") != NULL);
	t_assert_cmp(msg_exitstat(), ==, EX_SOFTWARE);
	t_end();
	t_begin("readcf: bad lines still leave rules and mailers");
	t_assert(mailer_find("bad") != NULL);
	t_assert(mailer_find("ipc") != NULL);
	t_assert(mailer_find("noargs") == NULL);
	t_assert(rewrite_rshas_rules(1));
	t_end();
}

/* The value of macro NAME as -bt's $x prints it. */
static const char *
shown(const char *name)
{
	static char buf[256];
	FILE *fp;
	const char *v = macro_get(macro_id(name, NULL));

	buf[0] = '\0';
	fp = fmemopen(buf, sizeof(buf), "w");
	if (v != NULL)
		token_xputs(fp, v);
	else
		(void)fputs("Undefined", fp);
	(void)fclose(fp);
	return buf;
}

/* The members of class NAME, one per line, as -bt's $=X prints them. */
static const char *
members(const char *name)
{
	static char buf[512];
	FILE *fp;

	buf[0] = '\0';
	fp = fmemopen(buf, sizeof(buf), "w");
	class_print(fp, macro_id(name, NULL));
	(void)fclose(fp);
	return buf;
}

static void
test_good(void)
{
	char text[2048];
	const char *w = put("words", "w1 w2 w3\n#c c2\n  lead x\nk1:v1 v2\n");
	FILE *fp;
	char out[512];

	(void)chmod(t_tmpdir(), 0755);
	(void)snprintf(text, sizeof(text), "V10/Berkeley\n"
	    "DQ\"a b\"\\tc\\\\d\nDR a\\nb \nDT#x\nDU\\#x\nDV$$$$x\n"
	    "DWx $j y\nCX a\n  b\n#comment\n c\nCY one # two\nFZ%s\n"
	    "F{W}%s %%[^:]\nFA-o /nonexistent/x\nT root daemon\n"
	    "Mlocal, P=/bin/true, F=lsDFMu, A=x $u, E=\\r\\n, T=a/b\n"
	    "H?P?Return-Path: <$g>\nH?x\nSfoo\nR$*\t$: $1 # comment\n"
	    "Sfoo\nS3\nR$*\t$@ $1\tcomment\n", w, w);
	read_text(text);
	t_assert_streq(shown("Q"), "a btc\\d");
	t_assert_streq(shown("R"), " a\\nb");
	t_assert_streq(shown("T"), "");
	t_assert_streq(shown("U"), "#x");
	t_assert_streq(shown("V"), "$$x");
	t_assert_streq(shown("W"), "x $j y");
	t_assert_streq(members("X"), "b\na\n");
	t_assert_streq(members("Y"), "one\n");
	t_assert_streq(members("t"), "daemon\nroot\n");
	t_assert(has_msg(19, "header syntax error, line \"?x\""));
	t_assert(strstr(msgs, "WARNING: Ruleset foo has multiple") != NULL);
	fp = fmemopen(out, sizeof(out), "w");
	rewrite_dump(fp, rewrite_rsnum("foo", NULL, 0));
	rewrite_dump(fp, 3);
	mailer_print(fp, mailer_find("local"));
	(void)fclose(fp);
	t_assert_streq(out, "R$* \t\t$: $1 \nR$* \t\t$@ $1 \nmailer 3 (local): "
	    "P=/bin/true S=0/0 R=0/0 M=0 U=-1:-1 F=DFMlsu L=0 E=\\r\\n "
	    "T=a/b/smtp r=100 A=x $u\n");
}

/* Is every directory above PATH safe for sendmail's class files? */
static int
safe_dirs(const char *path)
{
	char dir[512];
	struct stat st;
	char *slash;

	(void)snprintf(dir, sizeof(dir), "%s", path);
	while ((slash = strrchr(dir, '/')) != NULL) {
		*slash = '\0';
		if (stat(dir[0] != '\0' ? dir : "/", &st) == 0 &&
		    (st.st_mode & (S_IWGRP | S_IWOTH)))
			return 0;
	}
	return 1;
}

/* F lines: the first word of each line with the default format, the
 * scanf format's part otherwise; sendmail refuses files below a world
 * writable directory (as the test's own /tmp usually is). */
static void
test_fclass(void)
{
	char text[1024];
	const char *w = put("words", "w1 w2 w3\n#c c2\n  lead x\nk1:v1 v2\n");

	(void)snprintf(text, sizeof(text), "V10/Berkeley\nFZ%s\n"
	    "F{W}%s %%[^:]\n", w, w);
	read_text(text);
	if (!safe_dirs(w)) {
		t_assert(strstr(msgs, ": line 2: fileclass: cannot open '") !=
		    NULL);
		t_assert(strstr(msgs, "': World writable directory\n") != NULL);
		t_skip("the test directory is below a world writable one");
		return;
	}
	t_assert_streq(members("Z"), "w1\nlead\nk1:v1\n");
	t_assert_streq(members("{W}"), "x\nw2\nw3\nw1\nk1\nlead\n");
}

/* The scanf subset of F lines (checked against sscanf's answers). */
static const struct {
	const char *line, *fmt, *out;
	int ok;
} scanfs[] = {
	{ "w1 w2\n", "%s", "w1", 1 },
	{ "  lead x\n", "%s", "lead", 1 },
	{ "k1:v1 v2\n", "%[^:]", "k1", 1 },
	{ "  lead x\n", "%[^:]", "  lead x\n", 1 },
	{ "key=val\n", "key=%s", "val", 1 },
	{ "kex=val\n", "key=%s", "", 0 },
	{ "a b c\n", "%*s %s", "b", 1 },
	{ "\n", "%s", "", 0 },
	{ "abc\n", "%[a-b]", "ab", 1 },
	{ "100%\n", "100%%", "", 0 },
};

static void
test_scanf(void)
{
	char out[64];
	size_t i;

	for (i = 0; i < sizeof(scanfs) / sizeof(scanfs[0]); i++) {
		t_begin("readcf: F format \"%s\" row %zu", scanfs[i].fmt, i + 1);
		out[0] = '\0';
		t_assert_cmp(class_scanf(scanfs[i].line, scanfs[i].fmt, out,
		    sizeof(out)), ==, scanfs[i].ok);
		if (scanfs[i].ok)
			t_assert_streq(out, scanfs[i].out);
		t_end();
	}
}

/* Any bytes at all: no crash, and reading goes on. */
static void
test_garbage(void)
{
	char text[600];
	int i;

	for (i = 0; i < (int)sizeof(text) - 1; i++)
		text[i] = (char)((i * 131 + 7) % 255 + 1);
	text[sizeof(text) - 1] = '\0';
	read_text(text);
	read_text("S\nR\t\nR$\t$\nR$=\t$\nR${\t$>\nK\nM\nF\nC\nD\nO\nO \nH\n"
	    "V\nV10/\nSx=\nR$&\t$&\nR$(\t$)\nR$[\t$]\n");
	t_assert(1);
}

int
main(void)
{
	t_run("readcf: a cf of broken lines", test_broken);
	t_run("readcf: good lines, values as sendmail keeps them",
	    test_good);
	t_run("readcf: F lines", test_fclass);
	test_scanf();
	t_run("readcf: garbage never crashes", test_garbage);
	return t_done();
}
