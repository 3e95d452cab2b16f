/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * t_macro.c -- sendmail/macro.c: names and ids, expansion with the
 * conditionals $? $| $., deferred $&x, the metasymbol macros.
 *
 * Expected expansions were taken from the reference sendmail 8.17.1.9: a
 * cf with the same D lines and C lines whose words are these texts (C
 * lines are expanded when read), listed with -bt's $=X.
 */
#include "sendmail/macro.h"
#include "sendmail/msg.h"
#include "sendmail/readcf.h"
#include "sendmail/token.h"
#include "t.h"

#include <stdio.h>
#include <string.h>

/* Expand cf text TEXT (translated first, as readcf does). */
static const char *
expand(const char *text)
{
	static char out[512];
	char line[512];

	(void)snprintf(line, sizeof(line), "%s", text);
	readcf_translate(line);
	(void)macro_expand(line, out, sizeof(out));
	return out;
}

static const struct {
	const char *in, *out;
} rows[] = {
	{ "$?A yes $| no $.", " yes " },
	{ "$?Z yes$|no$.", "no" },
	{ "$?C full$|empty$.", "empty" },
	{ "$B", "alpha-alpha" },
	{ "$?A$?Z in $| mid $. $| out $.", " mid  " },
	{ "$?Z$?A in $| mid $. $| out $.", " out " },
	{ "$&A $A", "\202A alpha" },
	{ "$|a", "\233a" },
	{ "${long}x", "LVx" },
	{ "$?{long}y$.", "y" },
	{ "$*$+$-$=w$~P$#$@$:$>", "\220\221\222\223w\224P\226\227\230\231" },
	{ "$1$9", "\225" "1\225" "9" },
	{ "a$$b", "a$b" },
	{ "$j$", "host.example$" },
	{ "$.", "\234" },
};

static void
setup(void)
{
	macro_init();
	macro_set('A', "alpha");
	macro_set('B', "\201A-\201A");
	macro_set('C', "");
	macro_set('j', "host.example");
	macro_set(macro_id("{long}", NULL), "LV");
}

static void
test_rows(void)
{
	size_t i;

	setup();
	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		t_begin("macro: expand %s", rows[i].in);
		t_assert_streq(expand(rows[i].in), rows[i].out);
		t_end();
	}
}

static void
test_ids(void)
{
	const char *end = NULL;
	int a = macro_id("{daemon_flags}x", &end);

	t_assert_cmp(a, >=, MACRO_FIRSTLONG);
	t_assert_streq(end, "x");
	t_assert_cmp(macro_id("{daemon_flags}", NULL), ==, a);
	t_assert_streq(macro_name(a), "daemon_flags");
	t_assert_cmp(macro_find_id("daemon_flags"), ==, a);
	t_assert_cmp(macro_find_id("nosuch_name_here"), ==, 0);
	t_assert_cmp(macro_id("j", NULL), ==, 'j');
	t_assert_cmp(macro_id("{j}", NULL), ==, 'j');
	t_assert_streq(macro_name('j'), "j");
	t_assert(macro_get(macro_id("{Undefined}", NULL)) == NULL);
}

/* Bad names say so, as sendmail's macid_parse does. */
static void
test_bad_names(void)
{
	char msgs[1024];
	FILE *fp;

	memset(msgs, 0, sizeof(msgs));
	fp = fmemopen(msgs, sizeof(msgs) - 1, "w");
	msg_set_out(fp);
	t_assert_cmp(macro_id("", NULL), ==, 0);
	t_assert_cmp(macro_id("{}", NULL), ==, 0);
	t_assert_cmp(macro_id("{abc", NULL), ==, 0);
	t_assert_cmp(macro_id("{abcdefghijklmnopqrstuvwxyz0}", NULL), ==, 0);
	(void)macro_id("{a-b}", NULL);
	(void)fclose(fp);
	msg_set_out(NULL);
	t_assert_streq(msgs, "Name required for macro/class\n"
	    "Name required for macro/class\n"
	    "Unbalanced { on abc\n"
	    "Unable to assign macro/class ID (mid = 0xffffffff)\n"
	    "Macro/class name ({abcdefghijklmnopqrstuvwxy}) too long (25 chars "
	    "max)\n"
	    "Unable to assign macro/class ID (mid = 0xffffffff)\n"
	    "Invalid macro/class character -\n");
}

/* A value that expands to itself stops after ten rounds. */
static void
test_recursion(void)
{
	char msgs[256], out[64];
	FILE *fp;

	memset(msgs, 0, sizeof(msgs));
	fp = fmemopen(msgs, sizeof(msgs) - 1, "w");
	msg_set_out(fp);
	macro_set('L', "\201L");
	(void)macro_expand("\201L", out, sizeof(out));
	(void)fclose(fp);
	msg_set_out(NULL);
	t_assert_streq(msgs, "expand: recursion too deep (10 max)\n");
}

int
main(void)
{
	test_rows();
	t_run("macro: ids of long and short names", test_ids);
	t_run("macro: bad names", test_bad_names);
	t_run("macro: recursion limit", test_recursion);
	return t_done();
}
