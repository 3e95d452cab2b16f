/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * t_debug.c -- libsm/debug.c: sendmail's -d flag parser and sm_tTd.
 *
 * Where the expected vectors come from: each spec was given to the real
 * sendmail 8.17.1.9 (Debian 12) as  sendmail -dSPEC -bt -C t.cf  with a
 * probe input, and the trace output compared with that of the canonical
 * spec written in the "want" column (categories 0, 21 and 35 print at
 * known levels: 0.1 the version, 0.4 the system identity, 21.4/21.12 rule
 * traces, 35.9 macro definitions).  Rows marked "source" rest on
 * sendmail's trace.c behaviour where no probe could tell (category 99).
 */
#include "libsm/debug.h"
#include "libsm/log.h"
#include "t.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* The vector as runs "A-B.L" of equal non-zero levels, ','-joined. */
static void
render(char *out, size_t size)
{
	size_t n = 0;
	int c = 0, start, lev;

	out[0] = '\0';
	while (c < SM_DEBUG_NCAT) {
		lev = sm_debug_level(c);
		start = c;
		while (c + 1 < SM_DEBUG_NCAT && sm_debug_level(c + 1) == lev)
			c++;
		if (lev != 0 && n < size) {
			if (start == c)
				n += (size_t)snprintf(out + n, size - n,
				    "%s%d.%d", n ? "," : "", start, lev);
			else
				n += (size_t)snprintf(out + n, size - n,
				    "%s%d-%d.%d", n ? "," : "", start, c, lev);
		}
		c++;
	}
}

static const struct {
	const char	*name;
	const char	*spec;
	const char	*want;	/* render() of the vector after it */
	int		ret;	/* 0: understood; -1: something skipped */
} rows[] = {
	{ "empty spec is 0-99.1", "", "0-99.1", 0 },
	{ "NULL spec is 0-99.1", NULL, "0-99.1", 0 },
	{ "category and level", "21.12", "21.12", 0 },
	{ "level defaults to 1", "21", "21.1", 0 },
	{ "category 0", "0.4", "0.4", 0 },
	{ "dot without digits is level 0", "0.", "", 0 },
	{ "level wraps at 256", "21.268", "21.12", -1 },
	{ "level 257 is 1", "0.257", "0.1", -1 },
	{ "level 256 is 0", "0.256", "", -1 },
	{ "level 2^32+1 is 1", "0.4294967297", "0.1", -1 },
	{ "level 2^64+1 is 1", "0.18446744073709551617", "0.1", -1 },
	{ "leading zeros", "0021.12", "21.12", 0 },
	{ "many leading zeros", "00000000000000000000021.12", "21.12", 0 },
	{ "category 121 is 99, not 21 (source)", "121.12", "99.12", -1 },
	{ "category 100 is 99 (source)", "100.1", "99.1", -1 },
	{ "huge category is 99 (source)", "1000000000000000000000.1",
	    "99.1", -1 },
	{ "junk before the level: level 1", "0x.5", "0.1", -1 },
	{ "junk before the level, category 21", "21x.12", "21.1", -1 },
	{ "junk after the level", "21.12x", "21.12", -1 },
	{ "second dot is junk", "0.1.5", "0.1", -1 },
	{ "range", "20-22.12", "20-22.12", 0 },
	{ "range with junk", "0-2x.4", "0-2.1", -1 },
	{ "reversed range sets nothing", "22-20.12", "", 0 },
	{ "reversed range 35-21", "35-21.9", "", 0 },
	{ "range end above 99", "0-1000.4", "0-99.4", -1 },
	{ "range end 100", "0-100.4", "0-99.4", -1 },
	{ "open range end is 0", "0-", "0.1", 0 },
	{ "open range end with level", "0-.1", "0.1", 0 },
	{ "open range from 1 sets nothing", "1-0", "", 0 },
	{ "named category ignored", "foo,0", "0.1", -1 },
	{ "dot first is a named category", ".1", "", -1 },
	{ "minus first is a named category", "-0", "", -1 },
	{ "sendmail's own default", "0-99.1,*_trace_*.1", "0-99.1", -1 },
	{ "leading comma", ",0", "0.1", 0 },
	{ "comma list", "21.12,0", "0.1,21.12", 0 },
	{ "comma list, other order", "0,21.12", "0.1,21.12", 0 },
	{ "space separates", "21.12 0", "0.1,21.12", 0 },
	{ "tab separates", "21.12\t0", "0.1,21.12", 0 },
	{ "three flags", "21.12,22-34.12,35.12", "21-35.12", 0 },
	{ "only separators", ", \t,", "", 0 },
	{ "newline is junk, not a separator", "21.3\n0", "21.3", -1 },
	{ "later flag wins", "0-99.2,50.7", "0-49.2,50.7,51-99.2", 0 },
};

static void
test_table(void)
{
	char got[512], shown[128];
	const char *why;
	size_t i;
	int r;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		if (rows[i].spec == NULL)
			(void)snprintf(shown, sizeof(shown), "NULL");
		else	/* tabs and newlines would break the "ok" line */
			(void)sm_log_prt(shown, sizeof(shown), rows[i].spec,
			    strlen(rows[i].spec));
		t_begin("debug: %s (%s)", rows[i].name, shown);
		sm_debug_clear();
		why = NULL;
		r = sm_debug_set(rows[i].spec, &why);
		render(got, sizeof(got));
		t_assert_streq(got, rows[i].want);
		t_assert_cmp(r, ==, rows[i].ret);
		t_assert((r == 0) == (why == NULL));
		t_end();
	}
}

/* Two -d arguments: the later one overrides (sendmail -d0.4 -d0.0). */
static void
test_sequence(void)
{
	char got[64];

	sm_debug_clear();
	(void)sm_debug_set("0.4", NULL);
	(void)sm_debug_set("0.0", NULL);
	render(got, sizeof(got));
	t_assert_streq(got, "");
	(void)sm_debug_set("0.0", NULL);
	(void)sm_debug_set("0.4", NULL);
	render(got, sizeof(got));
	t_assert_streq(got, "0.4");
	t_assert_cmp(sm_debug_set("21.2", NULL), ==, 0);
	render(got, sizeof(got));
	t_assert_streq(got, "0.4,21.2");
	sm_debug_clear();
	render(got, sizeof(got));
	t_assert_streq(got, "");
}

static void
test_tTd(void)
{
	int cat = 21, calls = 0;

	sm_debug_clear();
	(void)sm_debug_set("21.12,99.255", NULL);
	t_assert(sm_tTd(21, 12));
	t_assert(sm_tTd(21, 1));
	t_assert(sm_tTd(21, 0));
	t_assert(!sm_tTd(21, 13));
	t_assert(!sm_tTd(20, 1));
	t_assert(sm_tTd(20, 0));	/* level 0 is always on, as in sendmail */
	t_assert(sm_tTd(99, 255));
	t_assert(!sm_tTd(99, 256));
	t_assert(!sm_tTd(100, 0));
	t_assert(!sm_tTd(-1, 0));
	t_assert_cmp(sm_debug_level(-1), ==, 0);
	t_assert_cmp(sm_debug_level(100), ==, 0);
	t_assert_cmp(sm_debug_level(99), ==, 255);
	/* each argument evaluated once */
	t_assert(sm_tTd(cat++, (calls++, 12)));
	t_assert_cmp(cat, ==, 22);
	t_assert_cmp(calls, ==, 1);
	sm_debug_clear();
}

/* sm_dprintf writes to stdout and keeps errno. */
static void
test_dprintf(void)
{
	char path[512], got[64];
	int fd, saved;
	ssize_t n;

	(void)snprintf(path, sizeof(path), "%s/dprintf", t_tmpdir());
	fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	t_require(fd >= 0);
	(void)fflush(stdout);
	saved = dup(1);
	t_require(saved >= 0);
	(void)dup2(fd, 1);
	errno = ERANGE;
	sm_dprintf("rewrite: ruleset %d input: %s\n", 3, "a");
	t_assert_cmp(errno, ==, ERANGE);
	(void)fflush(stdout);
	(void)dup2(saved, 1);
	(void)close(saved);
	n = pread(fd, got, sizeof(got) - 1, 0);
	(void)close(fd);
	t_require(n >= 0);
	got[n] = '\0';
	t_assert_streq(got, "rewrite: ruleset 3 input: a\n");
}

int
main(void)
{
	test_table();
	t_run("debug: later -d arguments override earlier ones",
	    test_sequence);
	t_run("debug: sm_tTd levels, bounds, single evaluation", test_tTd);
	t_run("debug: sm_dprintf to stdout, errno kept", test_dprintf);
	return t_done();
}
