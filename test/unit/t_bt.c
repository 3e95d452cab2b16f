/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * t_bt.c -- sendmail/bt.c: how -bt reads a command line.
 *
 * The expected answers were taken from the reference sendmail 8.17.1.9
 * fed the same lines: blanks before a command, tabs before a ruleset
 * list, comments, and "?" without a help file.
 */
#include "sendmail/bt.h"
#include "sendmail/macro.h"
#include "sendmail/msg.h"
#include "sendmail/readcf.h"
#include "t.h"

#include <stdio.h>
#include <string.h>

static const struct {
	const char	*in, *out;
} rows[] = {
	{ "# a comment", "" },
	{ " #x", "" },				/* # after spaces: comment */
	{ "\t#x", "No address!\n" },		/* after a tab: rulesets */
	{ "\t", "No address!\n" },
	{ " ", "" },
	{ "  $v", "8.17.1.9\n" },
	{ " \t /parse d", "invalid ruleset name: \"/parse\"\n"
	    "Undefined ruleset /parse\n" },
	{ "?", "Sendmail 8.17.1.9 -- HELP not implemented\n" },
	{ "?x", "Sendmail 8.17.1.9 -- HELP not implemented\n" },
	{ "3,0", "No address!\n" },
	{ "=", "Usage: =Sruleset or =M\n" },
	{ "/", "Usage: /[canon|map|mx|parse|try|tryflags]\n" },
};

static void
load(void)
{
	char line[256];
	size_t i;
	static const char *const cf[] = {
		"V10/Berkeley", "S0", "R$*\t$#local $: $1",
		"Mlocal, P=/bin/true, F=lsDFM, A=x $u", NULL
	};

	readcf_init();
	macro_init();
	macro_set('v', "8.17.1.9");
	for (i = 0; cf[i] != NULL; i++) {
		(void)snprintf(line, sizeof(line), "%s", cf[i]);
		readcf_line(line, (int)i + 1);
	}
	readcf_finish();
}

static void
test_rows(void)
{
	char line[256], out[1024];
	size_t i;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		FILE *fp;

		t_begin("bt: the line \"%s\"", rows[i].in);
		memset(out, 0, sizeof(out));
		fp = fmemopen(out, sizeof(out) - 1, "w");
		msg_set_out(fp);
		(void)snprintf(line, sizeof(line), "%s", rows[i].in);
		bt_line(line);
		(void)fclose(fp);
		msg_set_out(NULL);
		t_assert_streq(out, rows[i].out);
		t_end();
	}
}

int
main(void)
{
	load();
	test_rows();
	return t_done();
}
