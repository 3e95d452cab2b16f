/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * t.c -- the unit-test vocabulary (see t.h).  Linked into every t_*.c
 * program; single-threaded.
 */
#include "t.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char	case_name[256];
static int	case_open;
static int	case_failed;
static int	case_skipped;
static char	case_why[512];
static int	n_pass, n_fail, n_skip;

void
t_begin(const char *fmt, ...)
{
	va_list ap;

	if (case_open)
		(void)t_end();
	va_start(ap, fmt);
	(void)vsnprintf(case_name, sizeof(case_name), fmt, ap);
	va_end(ap);
	case_open = 1;
	case_failed = 0;
	case_skipped = 0;
	case_why[0] = '\0';
}

int
t_end(void)
{
	int passed;

	if (!case_open)
		return 1;
	case_open = 0;
	if (case_skipped) {
		printf("skip - %s (%s)\n", case_name, case_why);
		n_skip++;
		passed = 1;
	} else if (case_failed) {
		printf("not ok - %s (%s)\n", case_name, case_why);
		n_fail++;
		passed = 0;
	} else {
		printf("ok - %s\n", case_name);
		n_pass++;
		passed = 1;
	}
	(void)fflush(stdout);
	return passed;
}

int
t_run(const char *name, void (*fn)(void))
{
	t_begin("%s", name);
	fn();
	return t_end();
}

void
t_skip(const char *fmt, ...)
{
	va_list ap;

	if (case_failed)
		return;
	va_start(ap, fmt);
	(void)vsnprintf(case_why, sizeof(case_why), fmt, ap);
	va_end(ap);
	case_skipped = 1;
}

int
t_done(void)
{
	if (case_open)
		(void)t_end();
	fprintf(stderr, "# %s: %d passed, %d failed, %d skipped\n",
	    program_invocation_short_name, n_pass, n_fail, n_skip);
	return n_fail > 0;
}

/* Record the first failure of the open case. */
static void
fail(const char *file, int line, const char *expr, const char *detail)
{
	if (!case_open)
		t_begin("%s:%d", file, line);
	if (!case_failed)
		(void)snprintf(case_why, sizeof(case_why), "%s:%d: %s%s%s",
		    file, line, expr, detail[0] ? " " : "", detail);
	case_failed = 1;
	case_skipped = 0;
}

int
t_check(int ok, const char *file, int line, const char *expr)
{
	if (!ok)
		fail(file, line, expr, "");
	return ok;
}

/* Show a string for a failure message, printable bytes only, cut short. */
static void
show(char *dst, size_t size, const void *p, size_t len)
{
	const unsigned char *s = p;
	size_t o = 0, i;

	if (p == NULL) {
		(void)snprintf(dst, size, "NULL");
		return;
	}
	for (i = 0; i < len && o + 5 < size; i++) {
		if (s[i] >= 0x20 && s[i] < 0x7f && s[i] != '\\')
			dst[o++] = (char)s[i];
		else
			o += (size_t)snprintf(dst + o, size - o, "\\x%02x", s[i]);
	}
	if (i < len && o + 4 <= size)
		o += (size_t)snprintf(dst + o, size - o, "...");
	dst[o < size ? o : size - 1] = '\0';
}

int
t_check_memeq(const void *a, size_t alen, const void *b, size_t blen,
    const char *file, int line, const char *expr)
{
	char sa[160], sb[160], detail[400];
	int ok = a != NULL && b != NULL && alen == blen &&
	    memcmp(a, b, alen) == 0;

	if (!ok) {
		show(sa, sizeof(sa), a, a ? alen : 0);
		show(sb, sizeof(sb), b, b ? blen : 0);
		(void)snprintf(detail, sizeof(detail), "[\"%s\" vs \"%s\"]",
		    sa, sb);
		fail(file, line, expr, detail);
	}
	return ok;
}

int
t_check_streq(const char *a, const char *b, const char *file, int line,
    const char *expr)
{
	if (a == NULL && b == NULL)
		return 1;
	return t_check_memeq(a, a ? strlen(a) : 0, b, b ? strlen(b) : 0,
	    file, line, expr);
}

/* -1, 0, 1 as a is less than, equal to, greater than b, by value. */
static int
cmp_values(unsigned long long a, int asigned, unsigned long long b,
    int bsigned)
{
	int aneg = asigned && (long long)a < 0;
	int bneg = bsigned && (long long)b < 0;

	if (aneg != bneg)
		return aneg ? -1 : 1;
	if (aneg)	/* both negative */
		return (long long)a < (long long)b ? -1 : (long long)a > (long long)b;
	return a < b ? -1 : a > b;
}

static void
show_value(char *dst, size_t size, unsigned long long v, int sgn)
{
	if (sgn)
		(void)snprintf(dst, size, "%lld", (long long)v);
	else
		(void)snprintf(dst, size, "%llu", v);
}

int
t_check_cmp(unsigned long long a, int asigned, const char *op,
    unsigned long long b, int bsigned, const char *file, int line,
    const char *expr)
{
	static const struct {
		const char *op;
		int lt, eq, gt;
	} ops[] = {
		{ "==", 0, 1, 0 }, { "!=", 1, 0, 1 }, { "<", 1, 0, 0 },
		{ "<=", 1, 1, 0 }, { ">", 0, 0, 1 }, { ">=", 0, 1, 1 },
	};
	char sa[32], sb[32], detail[80];
	int c = cmp_values(a, asigned, b, bsigned);
	size_t i;

	for (i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
		if (strcmp(op, ops[i].op) != 0)
			continue;
		if (c < 0 ? ops[i].lt : c == 0 ? ops[i].eq : ops[i].gt)
			return 1;
		show_value(sa, sizeof(sa), a, asigned);
		show_value(sb, sizeof(sb), b, bsigned);
		(void)snprintf(detail, sizeof(detail), "[%s vs %s]", sa, sb);
		fail(file, line, expr, detail);
		return 0;
	}
	fail(file, line, expr, "[unknown comparison]");
	return 0;
}

const char *
t_tmpdir(void)
{
	static char dir[512];
	const char *base;

	if (dir[0] != '\0')
		return dir;
	base = getenv("TMPDIR");
	if (base == NULL || *base == '\0')
		base = "/tmp";
	(void)snprintf(dir, sizeof(dir), "%s/%s.XXXXXX", base,
	    program_invocation_short_name);
	if (mkdtemp(dir) == NULL) {
		fprintf(stderr, "t_tmpdir: %s: %s\n", dir, strerror(errno));
		exit(2);
	}
	return dir;
}
