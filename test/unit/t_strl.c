/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * t_strl.c -- libsm/strl.c: sm_strlcpy and sm_strlcat against the BSD
 * strlcpy(3) contract: always terminated (size > 0), nothing written at or
 * past SIZE, the return value is the length tried for.
 */
#include "libsm/strl.h"
#include "t.h"

#include <string.h>

#define CANARY	'#'

static const struct cpy_row {
	const char *name;
	size_t size;
	const char *src;
	size_t ret;
	const char *want;
} cpy_rows[] = {
	{ "fits with room", 10, "abc", 3, "abc" },
	{ "fits exactly (len = size - 1)", 4, "abc", 3, "abc" },
	{ "one too long", 3, "abc", 3, "ab" },
	{ "much too long", 4, "abcdefghij", 10, "abc" },
	{ "size 1: only the NUL", 1, "abc", 3, "" },
	{ "size 0: nothing written", 0, "abc", 3, NULL },
	{ "empty source", 5, "", 0, "" },
	{ "empty source, size 0", 0, "", 0, NULL },
};

static void
test_cpy_table(void)
{
	const struct cpy_row *r;
	char buf[32];
	size_t i, j, ret;
	int ok;

	for (i = 0; i < sizeof(cpy_rows) / sizeof(cpy_rows[0]); i++) {
		r = &cpy_rows[i];
		t_begin("strl: strlcpy: %s", r->name);
		memset(buf, CANARY, sizeof(buf));
		ret = sm_strlcpy(buf, r->src, r->size);
		t_assert_cmp(ret, ==, r->ret);
		if (r->want != NULL)
			t_assert_streq(buf, r->want);
		/* the truncation test the callers use */
		t_assert_cmp(r->ret >= r->size, ==,
		    r->want == NULL || strlen(r->want) < r->ret);
		for (ok = 1, j = r->size; j < sizeof(buf); j++)
			ok &= buf[j] == CANARY;
		t_assert(ok);
		t_end();
	}
}

static const struct cat_row {
	const char *name;
	const char *init;	/* NULL: buffer without a NUL */
	size_t size;
	const char *src;
	size_t ret;
	const char *want;	/* NULL: not terminated, unchanged */
} cat_rows[] = {
	{ "fits", "ab", 10, "cd", 4, "abcd" },
	{ "fits exactly", "ab", 5, "cd", 4, "abcd" },
	{ "truncated", "ab", 4, "cdef", 6, "abc" },
	{ "dst already full", "abc", 4, "d", 4, "abc" },
	{ "empty dst", "", 3, "xyz", 3, "xy" },
	{ "empty src", "abc", 8, "", 3, "abc" },
	{ "size 0", "abc", 0, "de", 2, NULL },
	{ "no NUL within size", NULL, 4, "de", 6, NULL },
};

static void
test_cat_table(void)
{
	const struct cat_row *r;
	char buf[32];
	size_t i, j, ret;
	int ok;

	for (i = 0; i < sizeof(cat_rows) / sizeof(cat_rows[0]); i++) {
		r = &cat_rows[i];
		t_begin("strl: strlcat: %s", r->name);
		memset(buf, CANARY, sizeof(buf));
		if (r->init != NULL)
			memcpy(buf, r->init, strlen(r->init) + 1);
		ret = sm_strlcat(buf, r->src, r->size);
		t_assert_cmp(ret, ==, r->ret);
		if (r->want != NULL)
			t_assert_streq(buf, r->want);
		else if (r->init == NULL)
			t_assert(memcmp(buf, "####", 4) == 0);
		/* nothing written at or past size (or the old NUL) */
		j = r->init != NULL ? strlen(r->init) + 1 : 0;
		for (ok = 1, j = j > r->size ? j : r->size; j < sizeof(buf);
		    j++)
			ok &= buf[j] == CANARY;
		t_assert(ok);
		t_end();
	}
}

/* A NULL destination is fine when SIZE is 0 (length probes). */
static void
test_null_dst(void)
{
	t_assert(sm_strlcpy(NULL, "abcd", 0) == 4);
	t_assert(sm_strlcat(NULL, "abcd", 0) == 4);
}

/* Building a path piece by piece, with the truncation caught. */
static void
test_chain(void)
{
	char path[16];
	size_t n;

	n = sm_strlcpy(path, "/var/spool", sizeof(path));
	t_assert_cmp(n, <, sizeof(path));
	n = sm_strlcat(path, "/mqueue", sizeof(path));
	t_assert_cmp(n, ==, 17);
	t_assert_cmp(n, >=, sizeof(path));
	t_assert_streq(path, "/var/spool/mque");
	t_assert_cmp(strlen(path), ==, sizeof(path) - 1);
}

int
main(void)
{
	test_cpy_table();
	test_cat_table();
	t_run("strl: size 0 with a NULL destination", test_null_dst);
	t_run("strl: chained copy and concatenation", test_chain);
	return t_done();
}
