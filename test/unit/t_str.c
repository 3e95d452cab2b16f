/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * t_str.c -- libsm/str.c: SM_STR appends, the maximum, printf, set/copy,
 * truncation, trimming, case-insensitive comparison, export.
 * Expected bytes follow from the inputs and from US-ASCII (the case
 * folding rows); a maximum is "len <= max", the NUL not counted.
 */
#include "libsm/err.h"
#include "libsm/str.h"
#include "t.h"

#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* The invariants every SM_STR keeps. */
static void
check_inv(const SM_STR *s)
{
	t_assert_cmp(sm_str_len(s), <=, sm_str_max(s));
	t_assert_cmp(sm_str_data(s)[sm_str_len(s)], ==, 0);
	t_assert_cmp(s->s_len, <, s->s_size);
	t_assert_cmp(s->s_size - 1, <=, s->s_max);
}

static void
test_new(void)
{
	SM_STR *a = sm_str_new(0), *b = sm_str_new(10), *c = sm_str_new(1);

	t_assert_cmp(sm_str_len(a), ==, 0);
	t_assert_streq(sm_str_data(a), "");
	t_assert(sm_str_max(a) == SM_STR_NOMAX);
	t_assert_cmp(sm_str_max(b), ==, 10);
	t_assert_cmp(sm_str_max(c), ==, 1);
	check_inv(a);
	check_inv(b);
	check_inv(c);
	sm_str_free(a);
	sm_str_free(b);
	sm_str_free(c);
	sm_str_free(NULL);
}

static const struct add_row {
	const char *name;
	size_t max;		/* 0: none */
	const char *init;
	const char *add;
	size_t addlen;
	int rc;
	const char *want;
	size_t wantlen;
} add_rows[] = {
	{ "fits exactly", 5, "abc", "de", 2, 0, "abcde", 5 },
	{ "one past max", 5, "abc", "def", 3, -1, "abc", 3 },
	{ "empty at max", 3, "abc", "", 0, 0, "abc", 3 },
	{ "max 1, one byte", 1, "", "x", 1, 0, "x", 1 },
	{ "max 1, two bytes", 1, "", "xy", 2, -1, "", 0 },
	{ "embedded NULs", 0, "a", "\0b\0", 3, 0, "a\0b\0", 4 },
	{ "NUL at max", 2, "x", "\0", 1, 0, "x\0", 2 },
	{ "no max, empty", 0, "", "", 0, 0, "", 0 },
};

static void
test_add_table(void)
{
	const struct add_row *r;
	SM_STR *s;
	size_t i;
	int rc;

	for (i = 0; i < sizeof(add_rows) / sizeof(add_rows[0]); i++) {
		r = &add_rows[i];
		t_begin("str: add: %s", r->name);
		s = sm_str_new(r->max);
		t_assert(sm_str_adds(s, r->init) == 0);
		errno = 0;
		rc = sm_str_add(s, r->add, r->addlen);
		t_assert_cmp(rc, ==, r->rc);
		if (rc < 0)
			t_assert_cmp(errno, ==, EMSGSIZE);
		t_assert_memeq(sm_str_data(s), sm_str_len(s), r->want,
		    r->wantlen);
		check_inv(s);
		sm_str_free(s);
		t_end();
	}
}

/* Appends across many reallocations keep every byte and the NUL. */
static void
test_grow(void)
{
	SM_STR *s = sm_str_new(0);
	size_t i;
	int ok = 1;

	for (i = 0; i < 10000; i++) {
		ok &= sm_str_addc(s, 'a' + (int)(i % 26)) == 0;
		ok &= sm_str_data(s)[i + 1] == '\0';
	}
	t_assert(ok);
	t_assert_cmp(sm_str_len(s), ==, 10000);
	for (i = 0; i < 10000 && ok; i++)
		ok = sm_str_data(s)[i] == 'a' + (int)(i % 26);
	t_assert(ok);
	check_inv(s);
	sm_str_free(s);
}

/* addc honours the maximum on its inline path. */
static void
test_addc_max(void)
{
	SM_STR *s = sm_str_new(3);

	t_assert(sm_str_addc(s, 'a') == 0);
	t_assert(sm_str_addc(s, 0) == 0);
	t_assert(sm_str_addc(s, 0xff) == 0);
	errno = 0;
	t_assert(sm_str_addc(s, 'd') == -1);
	t_assert_cmp(errno, ==, EMSGSIZE);
	t_assert_memeq(sm_str_data(s), sm_str_len(s), "a\0\xff", 3);
	check_inv(s);
	sm_str_free(s);
}

/* Appending a piece of itself survives the buffer moving. */
static void
test_self_add(void)
{
	SM_STR *s = sm_str_new(0);
	int i;

	(void)sm_str_sets(s, "ab");
	for (i = 0; i < 12; i++)
		t_assert(sm_str_add(s, sm_str_data(s), sm_str_len(s)) == 0);
	t_assert_cmp(sm_str_len(s), ==, 2 << 12);
	t_assert(memcmp(sm_str_data(s) + (2 << 12) - 4, "abab", 4) == 0);
	t_assert(sm_str_add(s, sm_str_data(s) + 1, 2) == 0);
	t_assert(memcmp(sm_str_data(s) + sm_str_len(s) - 4, "abba", 4) == 0);
	check_inv(s);
	sm_str_free(s);
}

static void
test_addf(void)
{
	SM_STR *s = sm_str_new(10);
	char big[300];

	t_assert(sm_str_addf(s, "%d-%s", 42, "ab") == 0);
	t_assert_streq(sm_str_data(s), "42-ab");
	errno = 0;
	t_assert(sm_str_addf(s, "%s", "123456") == -1);
	t_assert_cmp(errno, ==, EMSGSIZE);
	t_assert_streq(sm_str_data(s), "42-ab");
	t_assert_cmp(sm_str_len(s), ==, 5);
	t_assert(sm_str_addf(s, "%s", "12345") == 0);
	t_assert_streq(sm_str_data(s), "42-ab12345");
	check_inv(s);
	sm_str_free(s);

	/* past the first allocation: the second vsnprintf pass */
	memset(big, 'z', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	s = sm_str_new(0);
	t_assert(sm_str_addf(s, "<%s>", big) == 0);
	t_assert_cmp(sm_str_len(s), ==, sizeof(big) + 1);
	t_assert_cmp(sm_str_data(s)[0], ==, '<');
	t_assert_cmp(sm_str_data(s)[sizeof(big)], ==, '>');
	/* %c of 0 is data, not an end */
	t_assert(sm_str_addf(s, "%c%c", 0, 'q') == 0);
	t_assert_cmp(sm_str_len(s), ==, sizeof(big) + 3);
	t_assert_memeq(sm_str_data(s) + sizeof(big) + 1, 2, "\0q", 2);
	check_inv(s);
	sm_str_free(s);
}

/* A long printf into a string whose max stops it half-way. */
static void
test_addf_max_grow(void)
{
	SM_STR *s = sm_str_new(100);
	char big[150];

	memset(big, 'y', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	(void)sm_str_sets(s, "head");
	t_assert(sm_str_addf(s, "%s", big) == -1);
	t_assert_streq(sm_str_data(s), "head");
	t_assert(sm_str_addf(s, "%.96s", big) == 0);
	t_assert_cmp(sm_str_len(s), ==, 100);
	check_inv(s);
	sm_str_free(s);
}

static void
test_set_copy(void)
{
	SM_STR *a = sm_str_new(0), *b = sm_str_new(4);

	t_assert(sm_str_sets(a, "hello world") == 0);
	t_assert(sm_str_copy(b, a) == -1);
	t_assert_streq(sm_str_data(b), "");
	t_assert(sm_str_set(a, sm_str_data(a) + 6, 5) == 0);
	t_assert_streq(sm_str_data(a), "world");
	t_assert(sm_str_copy(b, a) == -1);
	t_assert(sm_str_set(a, "x\0y", 3) == 0);
	t_assert(sm_str_copy(b, a) == 0);
	t_assert_memeq(sm_str_data(b), sm_str_len(b), "x\0y", 3);
	t_assert(sm_str_copy(b, b) == 0);
	t_assert_cmp(sm_str_len(b), ==, 3);
	t_assert(sm_str_sets(a, "") == 0);
	t_assert_cmp(sm_str_len(a), ==, 0);
	check_inv(a);
	check_inv(b);
	sm_str_free(a);
	sm_str_free(b);
}

static const struct trunc_row {
	const char *name;
	size_t to;
	const char *want;
} trunc_rows[] = {
	{ "to shorter", 3, "abc" },
	{ "to zero", 0, "" },
	{ "to same length", 6, "abcdef" },
	{ "to longer: no change", 100, "abcdef" },
};

static void
test_truncate_table(void)
{
	const struct trunc_row *r;
	SM_STR *s;
	size_t i;

	for (i = 0; i < sizeof(trunc_rows) / sizeof(trunc_rows[0]); i++) {
		r = &trunc_rows[i];
		t_begin("str: truncate: %s", r->name);
		s = sm_str_new(0);
		(void)sm_str_sets(s, "abcdef");
		sm_str_truncate(s, r->to);
		t_assert_streq(sm_str_data(s), r->want);
		t_assert_cmp(sm_str_len(s), ==, strlen(r->want));
		check_inv(s);
		sm_str_free(s);
		t_end();
	}
}

static void
test_reset(void)
{
	SM_STR *s = sm_str_new(8);

	(void)sm_str_sets(s, "12345678");
	sm_str_reset(s);
	t_assert_cmp(sm_str_len(s), ==, 0);
	t_assert_streq(sm_str_data(s), "");
	t_assert_cmp(sm_str_max(s), ==, 8);
	t_assert(sm_str_adds(s, "123456789") == -1);
	t_assert(sm_str_adds(s, "12345678") == 0);
	check_inv(s);
	sm_str_free(s);
}

static const struct trim_row {
	const char *name;
	const char *in;
	size_t inlen;
	const char *want;
	size_t wantlen;
} trim_rows[] = {
	{ "CRLF", "QUIT\r\n", 6, "QUIT", 4 },
	{ "bare LF", "QUIT\n", 5, "QUIT", 4 },
	{ "spaces, tabs, CR, LF mixed", "a b \t\r\n \r", 9, "a b", 3 },
	{ "only white space", " \t\r\n", 4, "", 0 },
	{ "empty", "", 0, "", 0 },
	{ "nothing to trim", "x", 1, "x", 1 },
	{ "leading kept", "\r\n x", 4, "\r\n x", 4 },
	{ "NUL is not white space", "a\0\r\n", 4, "a\0", 2 },
	{ "VT and FF are kept", "a\v\f", 3, "a\v\f", 3 },
};

static void
test_rtrim_table(void)
{
	const struct trim_row *r;
	SM_STR *s;
	size_t i;

	for (i = 0; i < sizeof(trim_rows) / sizeof(trim_rows[0]); i++) {
		r = &trim_rows[i];
		t_begin("str: rtrim: %s", r->name);
		s = sm_str_new(0);
		(void)sm_str_set(s, r->in, r->inlen);
		sm_str_rtrim(s);
		t_assert_memeq(sm_str_data(s), sm_str_len(s), r->want,
		    r->wantlen);
		check_inv(s);
		sm_str_free(s);
		t_end();
	}
}

static const struct cmp_row {
	const char *name;
	const char *a;
	size_t alen;
	const char *b;
	size_t blen;
	int sign;		/* of casecmp(a, b) */
} cmp_rows[] = {
	{ "same case", "HELO", 4, "HELO", 4, 0 },
	{ "mixed case equal", "MaIl FrOm:", 10, "mail from:", 10, 0 },
	{ "prefix is smaller", "MAIL", 4, "mail from", 9, -1 },
	{ "longer is bigger", "rcpt to", 7, "RCPT", 4, 1 },
	{ "both empty", "", 0, "", 0, 0 },
	{ "empty is smallest", "", 0, "a", 1, -1 },
	{ "letters order", "b", 1, "A", 1, 1 },
	/* '_' is 0x5f: below 'a' (0x61) once 'A' folds down */
	{ "fold to lower case", "_", 1, "A", 1, -1 },
	{ "'[' (0x5b) does not fold to '{'", "[", 1, "{", 1, -1 },
	{ "embedded NUL equal", "a\0B", 3, "A\0b", 3, 0 },
	{ "embedded NUL differs", "a\0b", 3, "a\0c", 3, -1 },
	{ "no locale folding of 0xc4/0xe4", "\xc4", 1, "\xe4", 1, -1 },
	{ "bytes compare unsigned", "\x80", 1, "a", 1, 1 },
};

static int
sign(int v)
{
	return (v > 0) - (v < 0);
}

static void
test_casecmp_table(void)
{
	const struct cmp_row *r;
	SM_STR *a, *b;
	size_t i;

	for (i = 0; i < sizeof(cmp_rows) / sizeof(cmp_rows[0]); i++) {
		r = &cmp_rows[i];
		t_begin("str: casecmp: %s", r->name);
		a = sm_str_new(0);
		b = sm_str_new(0);
		(void)sm_str_set(a, r->a, r->alen);
		(void)sm_str_set(b, r->b, r->blen);
		t_assert_cmp(sign(sm_str_casecmp(a, b)), ==, r->sign);
		t_assert_cmp(sign(sm_str_casecmp(b, a)), ==, -r->sign);
		/* the C-string form sees b up to its first NUL */
		if (memchr(r->b, 0, r->blen) == NULL)
			t_assert_cmp(sign(sm_str_casecmps(a, r->b)), ==,
			    r->sign);
		sm_str_free(a);
		sm_str_free(b);
		t_end();
	}
}

static void
test_export(void)
{
	SM_STR *s = sm_str_new(0);
	size_t len = 0;
	char *p;

	(void)sm_str_set(s, "ab\0c", 4);
	p = sm_str_export(s, &len);
	t_assert_cmp(len, ==, 4);
	t_assert_memeq(p, 5, "ab\0c", 5);
	free(p);
	s = sm_str_new(0);
	p = sm_str_export(s, NULL);
	t_assert_streq(p, "");
	free(p);
}

static void
test_reserve(void)
{
	SM_STR *s = sm_str_new(0), *m = sm_str_new(10);

	(void)sm_str_sets(s, "x");
	t_assert(sm_str_reserve(s, 1000) == 0);
	memset(sm_str_data(s) + 1, 'r', 1000);
	sm_str_setlen(s, 1001);
	t_assert_cmp(sm_str_len(s), ==, 1001);
	t_assert_cmp(sm_str_data(s)[1000], ==, 'r');
	check_inv(s);
	/* sizes that would overflow are refused, not wrapped */
	errno = 0;
	t_assert(sm_str_reserve(s, SIZE_MAX) == -1);
	t_assert_cmp(errno, ==, EMSGSIZE);
	t_assert(sm_str_reserve(s, SIZE_MAX - 1001) == -1);
	t_assert(sm_str_add(s, "x", SIZE_MAX) == -1);
	t_assert_cmp(sm_str_len(s), ==, 1001);
	t_assert(sm_str_reserve(m, 10) == 0);
	t_assert(sm_str_reserve(m, 11) == -1);
	(void)sm_str_sets(m, "abcd");
	t_assert(sm_str_reserve(m, 6) == 0);
	t_assert(sm_str_reserve(m, 7) == -1);
	check_inv(m);
	sm_str_free(s);
	sm_str_free(m);
}

static void
setlen_past_end(void)
{
	SM_STR *s = sm_str_new(4);

	(void)close(2);		/* keep the expected report off the log */
	sm_str_setlen(s, 5);
}

/* A setlen past the allocation is a bug: it must abort, not write. */
static void
test_setlen_assert(void)
{
	int st = 0;
	pid_t pid = fork();

	t_require(pid >= 0);
	if (pid == 0) {
		setlen_past_end();
		_exit(0);
	}
	(void)waitpid(pid, &st, 0);
	t_assert(WIFSIGNALED(st) && WTERMSIG(st) == SIGABRT);
}

int
main(void)
{
	t_run("str: new, free, the maximum", test_new);
	test_add_table();
	t_run("str: 10,000 appends across reallocations", test_grow);
	t_run("str: addc at the maximum", test_addc_max);
	t_run("str: append a piece of itself", test_self_add);
	t_run("str: addf within and past the maximum", test_addf);
	t_run("str: addf growing up to the maximum", test_addf_max_grow);
	t_run("str: set, sets, copy", test_set_copy);
	test_truncate_table();
	t_run("str: reset keeps the maximum", test_reset);
	test_rtrim_table();
	test_casecmp_table();
	t_run("str: export", test_export);
	t_run("str: reserve, setlen, overflow-safe sizes", test_reserve);
	t_run("str: setlen past the allocation aborts", test_setlen_assert);
	return t_done();
}
