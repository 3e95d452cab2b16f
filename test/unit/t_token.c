/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * t_token.c -- sendmail/token.c: the tokenizer (prescan), the printer
 * (xputs), the joiner (cataddr) and interning.
 *
 * Expected tokens and messages were taken from the reference sendmail
 * 8.17.1.9 (Debian) in -bt ("3 ADDRESS" prints the tokens of the address,
 * "/parse" those of the external table, "/try" shows the joined form), in
 * the pinned environment of ../shared/conformance/bt, with the lecture's
 * OperatorChars ".:%@!^/[]+".
 */
#include "sendmail/msg.h"
#include "sendmail/token.h"
#include "t.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char msgbuf[4096];
static FILE *msgfp;

/* Messages go to a memory stream; tokens printed as -bt prints them. */
static void
setup(void)
{
	static int done;

	if (done)
		return;
	done = 1;
	token_set_operators(".:%@!^/[]+");
	token_set_spacesub('.');
}

/* Scan IN with TAB; the -bt rendering of the tokens into OUT. */
static int
scan(const char *in, enum token_tab tab, int delim, char *out, size_t size)
{
	static const struct token *av[TOKEN_MAXATOM + 1];
	FILE *fp;
	int n;

	msgbuf[0] = '\0';
	msgfp = fmemopen(msgbuf, sizeof(msgbuf), "w");
	msg_set_out(msgfp);
	n = token_scan(in, delim, tab, 0, av, TOKEN_MAXATOM + 1, NULL);
	(void)fclose(msgfp);
	msg_set_out(NULL);
	fp = fmemopen(out, size, "w");
	if (n > 0)
		token_printav(fp, av, n);
	(void)fclose(fp);
	return n;
}

static const struct {
	const char	*name;
	const char	*in;
	enum token_tab	tab;
	const char	*tokens;	/* as -bt prints them */
	const char	*msg;		/* messages, or "" */
} scans[] = {
	{ "simple", "user@host", TOKEN_TAB_NOC, " user @ host\n", "" },
	{ "dots and ops", "john.doe@a.b", TOKEN_TAB_NOC,
	    " john . doe @ a . b\n", "" },
	{ "IPv6 literal", "user@[IPv6:::1]", TOKEN_TAB_NOC,
	    " user @ [ IPv6 : : : 1 ]\n", "" },
	{ "parens are tokens at level 9", "u@h (nested (comment))",
	    TOKEN_TAB_NOC, " u @ h ( nested ( comment ) )\n", "" },
	{ "parens are comments outside", "u@h (comment)", TOKEN_TAB_EXT,
	    " u @ h\n", "" },
	{ "escaped paren", "Pete(A nice \\) chap) <pete(his account)@silly."
	    "test(his host)>", TOKEN_TAB_NOC, " Pete ( A nice \\) chap ) < pete "
	    "( his account ) @ silly . test ( his host ) >\n", "" },
	{ "backslash keeps @", "user\\@host", TOKEN_TAB_NOC, " user\\@host\n",
	    "" },
	{ "quoted string one token", "\"a b c\"@d", TOKEN_TAB_NOC,
	    " \"a b c\" @ d\n", "" },
	{ "unbalanced quote", "a\"b", TOKEN_TAB_NOC, " a \"b\"\n",
	    "a\"b... Unbalanced '\"'\n" },
	{ "unbalanced <", "a<b", TOKEN_TAB_NOC, " a < b >\n",
	    "a<b... Unbalanced '<'\n" },
	{ "unbalanced >", "a>b", TOKEN_TAB_NOC, " ab\n",
	    "a>b... Unbalanced '>'\n" },
	{ "dollar is plain", "$#local", TOKEN_TAB_NOC, " $#local\n", "" },
	{ "$@ typed", "$@", TOKEN_TAB_NOC, " $ @\n", "" },
	{ "0xff breaks at level 9", "user\xff@host", TOKEN_TAB_NOC,
	    " user @ host\n", "" },
	{ "0xff twice", "a\xff\xff" "b", TOKEN_TAB_NOC, " a  b\n", "" },
	{ "0xff then 8-bit", "\xff\xfe@host", TOKEN_TAB_NOC,
	    " M-~ @ host\n", "" },
	{ "lone 0xff", "\xff", TOKEN_TAB_NOC, " \n", "" },
	{ "0xff external stays", "a\xff" "b", TOKEN_TAB_EXT, " ab\n", "" },
	{ "8-bit latin", "a\xa0" "b", TOKEN_TAB_NOC, " aM- b\n", "" },
	{ "tab is space", "user\t@\thost", TOKEN_TAB_NOC, " user @ host\n",
	    "" },
	{ "control kept, not shown", "a\001b", TOKEN_TAB_NOC, " ab\n", "" },
	{ "comma list stops", "a, b", TOKEN_TAB_NOC, " a\n", "" },
};

static void
test_scans(void)
{
	char out[2048];
	size_t i;

	setup();
	for (i = 0; i < sizeof(scans) / sizeof(scans[0]); i++) {
		t_begin("token: scan %s", scans[i].name);
		(void)scan(scans[i].in, scans[i].tab, ',', out, sizeof(out));
		t_assert_streq(out, scans[i].tokens);
		t_assert_streq(msgbuf, scans[i].msg);
		t_end();
	}
}

/* "<,>": the comma inside <> closes it (with a message). */
static void
test_comma_in_angle(void)
{
	static const struct token *av[TOKEN_MAXATOM + 1];
	const char *end = NULL, *in = "<,>";
	int n;

	msgbuf[0] = '\0';
	msgfp = fmemopen(msgbuf, sizeof(msgbuf), "w");
	msg_set_out(msgfp);
	n = token_scan(in, ',', TOKEN_TAB_NOC, 0, av, TOKEN_MAXATOM + 1, &end);
	(void)fclose(msgfp);
	msg_set_out(NULL);
	t_assert_cmp(n, ==, 2);
	t_assert_streq(msgbuf, "<,>... Unbalanced '<'\n");
	t_require(end != NULL);
	t_assert_cmp(end - in, ==, 1);
}

/* Limits: a token of 256 bytes is fine, 257 is too long; 625 dots fit
 * the buffer, 626 do not ("Address too long", sendmail's -2). */
static void
test_limits(void)
{
	char in[2048], out[8192];

	setup();
	memset(in, 'a', 256);
	in[256] = '\0';
	t_assert_cmp(scan(in, TOKEN_TAB_EXT, 0, out, sizeof(out)), ==, 1);
	memset(in, 'a', 257);
	in[257] = '\0';
	t_assert_cmp(scan(in, TOKEN_TAB_EXT, 0, out, sizeof(out)), ==, -1);
	t_assert(strstr(msgbuf, "prescan: token too long") != NULL);
	memset(in, '.', 625);
	in[625] = '\0';
	t_assert_cmp(scan(in, TOKEN_TAB_EXT, 0, out, sizeof(out)), ==, 625);
	memset(in, '.', 626);
	in[626] = '\0';
	t_assert_cmp(scan(in, TOKEN_TAB_EXT, 0, out, sizeof(out)), ==, -2);
	t_assert(strstr(msgbuf, "Address too long") != NULL);
	t_assert_cmp(scan("", TOKEN_TAB_EXT, 0, out, sizeof(out)), ==, 0);
	t_assert_cmp(scan("   ", TOKEN_TAB_EXT, 0, out, sizeof(out)), ==, 0);
}

static const struct {
	const char *name, *in, *out;
} xputs_rows[] = {
	{ "plain", "abc", "abc" },
	{ "zero or more", "\x90", "$*" },
	{ "class", "\x93w", "$=w" },
	{ "not in class", "\x94P", "$~P" },
	{ "replacement", "\x95" "1", "$1" },
	{ "resolve", "\x96", "$#" },
	{ "deferred macro", "\x82x", "$&x" },
	{ "macro", "\x81j", "$j" },
	{ "separator", "\x9b", "$|" },
	{ "lookup", "\x85", "$(" },
	{ "unknown meta", "\x80", "M-" },
	{ "latin", "\xfc", "M-|" },
	{ "tab", "a\tb", "a\\tb" },
	{ "newline", "a\nb", "a\\nb" },
	{ "control dropped", "a\001b\177", "ab" },
	{ "quote byte", "\xff", "M-" },
};

static void
test_xputs(void)
{
	char out[256];
	size_t i;

	for (i = 0; i < sizeof(xputs_rows) / sizeof(xputs_rows[0]); i++) {
		FILE *fp = fmemopen(out, sizeof(out), "w");

		t_begin("token: xputs %s", xputs_rows[i].name);
		token_xputs(fp, xputs_rows[i].in);
		(void)fclose(fp);
		t_assert_streq(out, xputs_rows[i].out);
		t_end();
	}
}

/* Joining: BlankSub between atoms when asked with NUL, a space stays a
 * space, quotes never get one; "a\@ b" joins as "a\@.b" (seen in /try). */
static const struct {
	const char *name, *in;
	int sub;
	const char *out;
} cats[] = {
	{ "address", "user@host.domain", '\0', "user@host.domain" },
	{ "blanksub", "a b c", '\0', "a.b.c" },
	{ "space kept", "a b c", ' ', "a b c" },
	{ "quoted", "\"x\" b", '\0', "\"x\"b" },
	{ "before quote", "a \"x\"", '\0', "a\"x\"" },
	{ "escaped at", "a\\@ b", '\0', "a\\@.b" },
	{ "vacation", "|/usr/bin/vacation user", '\0',
	    "|/usr/bin/vacation.user" },
};

static void
test_cat(void)
{
	static const struct token *av[TOKEN_MAXATOM + 1];
	char out[300];
	size_t i;
	int n;

	setup();
	for (i = 0; i < sizeof(cats) / sizeof(cats[0]); i++) {
		t_begin("token: cat %s", cats[i].name);
		n = token_scan(cats[i].in, '\0', TOKEN_TAB_NOC, 1, av,
		    TOKEN_MAXATOM + 1, NULL);
		(void)token_cat(av, n, out, sizeof(out), cats[i].sub, 1);
		t_assert_streq(out, cats[i].out);
		t_end();
	}
	n = token_scan("abcdefghij", '\0', TOKEN_TAB_NOC, 1, av,
	    TOKEN_MAXATOM + 1, NULL);
	t_begin("token: cat keeps at most size - 3 bytes");
	t_assert_cmp(token_cat(av, n, out, 8, '\0', 1), ==, 5);
	t_assert_streq(out, "abcde");
	t_end();
}

static void
test_intern(void)
{
	const struct token *a = token_intern_str("Host");
	const struct token *b = token_intern("Hostx", 4);
	const struct token *c = token_intern_str("host");

	t_assert(a == b);
	t_assert(a != c);
	t_assert(a->t_fold == c);
	t_assert(c->t_fold == c);
	t_assert_cmp(a->t_len, ==, 4);
	t_assert(token_intern("", 0)->t_s[0] == '\0');
}

int
main(void)
{
	test_scans();
	t_run("token: comma inside <> ends the address", test_comma_in_angle);
	t_run("token: sendmail's size limits", test_limits);
	test_xputs();
	test_cat();
	t_run("token: interning and case folding", test_intern);
	return t_done();
}
