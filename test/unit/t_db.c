/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * t_db.c -- libsm/db.c: the Berkeley DB map wrapper.
 *
 * Expected values are what the test stored, or facts measured on the real
 * sendmail 8.17 makemap (new maps have mode 0640; only ASCII letters of a
 * key are folded; -N adds one NUL to keys and values) and the sendmail
 * documentation (without -N/-O a lookup tries the key without its NUL,
 * then with it, and the first hit decides).  The files the real programs
 * read and write are compared in test/conformance/db_makemap.sh.
 */
#include "libsm/db.h"
#include "libsm/err.h"
#include "t.h"

#include <db.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const enum sm_db_type types[] = { SM_DB_HASH, SM_DB_BTREE };

#define T_EQ(a, b)	t_assert_cmp(a, ==, b)

/* A fresh file name in the test directory (a few live at once). */
static const char *tpath(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));

static const char *
tpath(const char *fmt, ...)
{
	static char names[32][600];
	static int next;
	char *p = names[next++ % 32];
	char tail[200];
	va_list ap;

	va_start(ap, fmt);
	(void)vsnprintf(tail, sizeof(tail), fmt, ap);
	va_end(ap);
	(void)snprintf(p, sizeof(names[0]), "%s/%s", t_tmpdir(), tail);
	return p;
}

static const char *
tdir(const char *name)
{
	const char *d = tpath("%s", name);

	(void)mkdir(d, 0755);
	return d;
}

static int
write_file(const char *path, const void *data, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	int ok;

	if (fd < 0)
		return -1;
	ok = write(fd, data, len) == (ssize_t)len;
	(void)close(fd);
	return ok ? 0 : -1;
}

static int
dir_entries(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	if (d == NULL)
		return -1;
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			n++;
	(void)closedir(d);
	return n;
}

struct pair {
	const char	*k;
	const char	*v;
};

/* Build PATH from N string pairs with options O; 0 or -1. */
static int
build(const char *path, enum sm_db_type type, const struct sm_db_opts *o,
    const struct pair *p, size_t n)
{
	const char *why = NULL;
	SM_DB *db = sm_db_open(path, type, SM_DB_REBUILD, o, &why);
	size_t i;

	if (db == NULL)
		return -1;
	for (i = 0; i < n; i++)
		if (sm_db_put(db, p[i].k, strlen(p[i].k), p[i].v, strlen(p[i].v),
		    SM_DB_NOOVERWRITE, &why) != 0) {
			sm_db_abort(db);
			return -1;
		}
	return sm_db_close(db, &why);
}

/* Look KEY up in PATH with options O: the value, or NULL (static copy). */
static const char *
lookup(const char *path, enum sm_db_type type, const struct sm_db_opts *o,
    const char *key)
{
	static char out[256];
	const char *why = NULL;
	const void *v;
	size_t vl;
	SM_DB *db = sm_db_open(path, type, SM_DB_READ, o, &why);
	int r;

	if (db == NULL)
		return NULL;
	r = sm_db_get(db, key, strlen(key), &v, &vl, &why);
	if (r == 1)
		(void)snprintf(out, sizeof(out), "%.*s", (int)vl,
		    (const char *)v);
	sm_db_abort(db);
	return r == 1 ? out : NULL;
}

/* Count the pairs of PATH; -1 on error. */
static long
count_pairs(const char *path, enum sm_db_type type)
{
	const char *why = NULL;
	const void *k, *v;
	size_t kl, vl;
	long n = 0;
	int r;
	SM_DB *db = sm_db_open(path, type, SM_DB_READ, NULL, &why);

	if (db == NULL)
		return -1;
	for (r = sm_db_first(db, &k, &kl, &v, &vl, &why); r == 1;
	    r = sm_db_next(db, &k, &kl, &v, &vl, &why))
		n++;
	sm_db_abort(db);
	return r < 0 ? -1 : n;
}

/* ---- names ---------------------------------------------------------- */

static void
test_names(void)
{
	static const struct {
		const char	*name;
		int		rc;
		enum sm_db_type	type;
	} rows[] = {
		{ "hash", 0, SM_DB_HASH },
		{ "btree", 0, SM_DB_BTREE },
		{ "implicit", 0, SM_DB_HASH },	/* makemap -l lists it */
		{ "HASH", -1, 0 },		/* makemap: unknown type */
		{ "dbm", -1, 0 },
		{ "", -1, 0 },
	};
	size_t i;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		enum sm_db_type t = 0;

		t_begin("db: type name \"%s\"", rows[i].name);
		T_EQ(sm_db_type_byname(rows[i].name, &t),
		    rows[i].rc);
		if (rows[i].rc == 0)
			T_EQ(t, rows[i].type);
		else
			T_EQ(errno, EINVAL);
		t_end();
	}
	t_begin("db: type names back");
	t_assert_streq(sm_db_type_name(SM_DB_HASH), "hash");
	t_assert_streq(sm_db_type_name(SM_DB_BTREE), "btree");
	t_end();
}

/* ---- store, look up, walk ------------------------------------------ */

static const struct pair basic[] = {
	{ "postmaster", "root" },
	{ "alpha", "one" },
	{ "beta", "two words" },
	{ "gamma", "" },
	{ "delta", "a\tb" },
};
#define NBASIC	(sizeof(basic) / sizeof(basic[0]))

static void
basic_case(enum sm_db_type type)
{
	const char *path = tpath("basic.%s.db", sm_db_type_name(type));
	const char *why = NULL;
	char prev[64] = "";
	const void *k, *v;
	size_t kl, vl, i;
	int r, seen = 0;
	SM_DB *db;

	t_require(build(path, type, NULL, basic, NBASIC) == 0);
	for (i = 0; i < NBASIC; i++) {
		const char *got = lookup(path, type, NULL, basic[i].k);

		t_assert(got != NULL);
		if (got != NULL)
			t_assert_streq(got, basic[i].v);
	}
	t_assert(lookup(path, type, NULL, "epsilon") == NULL);
	t_assert(lookup(path, type, NULL, "alph") == NULL);
	db = sm_db_open(path, type, SM_DB_READ, NULL, &why);
	t_require(db != NULL);
	for (r = sm_db_first(db, &k, &kl, &v, &vl, &why); r == 1;
	    r = sm_db_next(db, &k, &kl, &v, &vl, &why)) {
		for (i = 0; i < NBASIC; i++)
			if (kl == strlen(basic[i].k) &&
			    memcmp(k, basic[i].k, kl) == 0) {
				t_assert_memeq(v, vl, basic[i].v,
				    strlen(basic[i].v));
				seen |= 1 << i;
			}
		/* a btree walks in key order */
		if (type == SM_DB_BTREE)
			t_assert(strcmp(prev, k) < 0);
		(void)snprintf(prev, sizeof(prev), "%s", (const char *)k);
		/* the bytes are NUL-terminated for C callers */
		t_assert(((const char *)k)[kl] == '\0');
		t_assert(((const char *)v)[vl] == '\0');
	}
	T_EQ(r, 0);
	T_EQ(seen, (1 << NBASIC) - 1);
	/* after the end, the next call starts over */
	T_EQ(sm_db_next(db, &k, &kl, &v, &vl, &why), 1);
	T_EQ(sm_db_close(db, &why), 0);
}

static void
test_basic(void)
{
	size_t i;

	for (i = 0; i < 2; i++) {
		t_begin("db: %s store, look up, walk", sm_db_type_name(types[i]));
		basic_case(types[i]);
		t_end();
	}
}

static void
test_empty_map(void)
{
	const char *path = tpath("empty.db");
	const char *why = NULL;
	const void *k, *v;
	size_t kl, vl;
	SM_DB *db;

	t_require(build(path, SM_DB_HASH, NULL, NULL, 0) == 0);
	db = sm_db_open(path, SM_DB_HASH, SM_DB_READ, NULL, &why);
	t_require(db != NULL);
	T_EQ(sm_db_first(db, &k, &kl, &v, &vl, &why), 0);
	T_EQ(sm_db_get(db, "x", 1, &v, &vl, &why), 0);
	T_EQ(sm_db_get(db, "", 0, &v, &vl, &why), 0);
	T_EQ(sm_db_close(db, &why), 0);
}

/* ---- put, delete, duplicates, update -------------------------------- */

static void
put_case(enum sm_db_type type)
{
	const char *path = tpath("put.%s.db", sm_db_type_name(type));
	const char *why = NULL;
	const void *v;
	size_t vl;
	SM_DB *db = sm_db_open(path, type, SM_DB_REBUILD, NULL, &why);

	t_require(db != NULL);
	T_EQ(sm_db_put(db, "k", 1, "old", 3, SM_DB_NOOVERWRITE, &why), 0);
	/* makemap without -r: a repeated key is refused, the old one kept */
	T_EQ(sm_db_put(db, "k", 1, "new", 3, SM_DB_NOOVERWRITE, &why), 1);
	T_EQ(sm_db_get(db, "k", 1, &v, &vl, &why), 1);
	t_assert_memeq(v, vl, "old", 3);
	/* makemap -r: replaced */
	T_EQ(sm_db_put(db, "k", 1, "new", 3, SM_DB_OVERWRITE, &why), 0);
	T_EQ(sm_db_get(db, "k", 1, &v, &vl, &why), 1);
	t_assert_memeq(v, vl, "new", 3);
	T_EQ(sm_db_del(db, "k", 1, &why), 0);
	T_EQ(sm_db_get(db, "k", 1, &v, &vl, &why), 0);
	T_EQ(sm_db_del(db, "k", 1, &why), 1);
	T_EQ(sm_db_put(db, "z", 1, "last", 4, SM_DB_NOOVERWRITE, &why), 0);
	T_EQ(sm_db_close(db, &why), 0);
	T_EQ(count_pairs(path, type), 1);
}

/* The value of duplicate I: the first three are named, then numbered. */
static size_t
dup_val(size_t i, char *buf, size_t size)
{
	static const char *const named[] = { "first", "second", "third" };

	if (i < 3)
		return (size_t)snprintf(buf, size, "%s", named[i]);
	return (size_t)snprintf(buf, size, "duplicate value number %zu", i);
}

/* N duplicates of one key (300 go to an off-page duplicate tree). */
static void
dups_case(enum sm_db_type type, size_t n)
{
	const char *path = tpath("dups%zu.%s.db", n, sm_db_type_name(type));
	struct sm_db_opts o = { .flags = SM_DB_F_DUPS };
	const char *why = NULL;
	char want[64];
	const void *k, *v;
	size_t kl, vl, wl, i = 0;
	int r, same = 1;
	SM_DB *db = sm_db_open(path, type, SM_DB_REBUILD, &o, &why);

	t_require(db != NULL);
	for (i = 0; i < n; i++) {
		wl = dup_val(i, want, sizeof(want));
		T_EQ(sm_db_put(db, "k", 1, want, wl, SM_DB_OVERWRITE, &why), 0);
	}
	/* no-overwrite still refuses a key that is there */
	T_EQ(sm_db_put(db, "k", 1, "x", 1, SM_DB_NOOVERWRITE, &why), 1);
	T_EQ(sm_db_put(db, "z", 1, "last", 4, SM_DB_NOOVERWRITE, &why), 0);
	T_EQ(sm_db_close(db, &why), 0);
	db = sm_db_open(path, type, SM_DB_READ, NULL, &why);
	t_require(db != NULL);
	/* duplicates come back in the order they were stored */
	for (i = 0, r = sm_db_first(db, &k, &kl, &v, &vl, &why); r == 1;
	    r = sm_db_next(db, &k, &kl, &v, &vl, &why)) {
		if (kl != 1 || *(const char *)k != 'k')
			continue;
		wl = dup_val(i++, want, sizeof(want));
		same &= vl == wl && memcmp(v, want, wl) == 0;
	}
	T_EQ(i, n);
	t_assert(same);
	T_EQ(r, 0);
	T_EQ(sm_db_get(db, "k", 1, &v, &vl, &why), 1);
	t_assert_memeq(v, vl, "first", 5);
	sm_db_abort(db);
	/* delete takes every duplicate */
	db = sm_db_open(path, type, SM_DB_UPDATE, NULL, &why);
	t_require(db != NULL);
	T_EQ(sm_db_del(db, "k", 1, &why), 0);
	T_EQ(sm_db_close(db, &why), 0);
	T_EQ(count_pairs(path, type), 1);
}

static void
update_case(enum sm_db_type type)
{
	const char *path = tpath("upd.%s.db", sm_db_type_name(type));
	const char *why = NULL;
	struct stat before, after;
	SM_DB *db;

	t_require(build(path, type, NULL, basic, 2) == 0);
	t_require(stat(path, &before) == 0);
	db = sm_db_open(path, type, SM_DB_UPDATE, NULL, &why);
	t_require(db != NULL);
	T_EQ(sm_db_put(db, "added", 5, "later", 5, SM_DB_NOOVERWRITE,
	    &why), 0);
	T_EQ(sm_db_close(db, &why), 0);
	t_require(stat(path, &after) == 0);
	/* makemap -o: the same file, appended to */
	T_EQ(after.st_ino, before.st_ino);
	t_assert_streq(lookup(path, type, NULL, "added"), "later");
	t_assert_streq(lookup(path, type, NULL, basic[0].k), basic[0].v);
	T_EQ(count_pairs(path, type), 3);
}

static void
test_put(void)
{
	size_t i;

	for (i = 0; i < 2; i++) {
		t_begin("db: %s no-overwrite, overwrite, delete",
		    sm_db_type_name(types[i]));
		put_case(types[i]);
		t_begin("db: %s duplicates (makemap -d)",
		    sm_db_type_name(types[i]));
		dups_case(types[i], 3);
		t_begin("db: %s 300 duplicates (an off-page tree)",
		    sm_db_type_name(types[i]));
		dups_case(types[i], 300);
		t_begin("db: %s update in place (makemap -o)",
		    sm_db_type_name(types[i]));
		update_case(types[i]);
		t_end();
	}
}

static void
test_update_missing(void)
{
	const char *path = tpath("nothere-upd.db");
	const char *why = NULL;

	errno = 0;
	t_assert(sm_db_open(path, SM_DB_HASH, SM_DB_UPDATE, NULL, &why) == NULL);
	T_EQ(errno, ENOENT);
	t_assert(access(path, F_OK) < 0);
}

static void
test_readonly_put(void)
{
	const char *path = tpath("ro.db");
	const char *why = NULL;
	SM_DB *db;

	t_require(build(path, SM_DB_BTREE, NULL, basic, NBASIC) == 0);
	db = sm_db_open(path, SM_DB_BTREE, SM_DB_READ, NULL, &why);
	t_require(db != NULL);
	T_EQ(sm_db_put(db, "x", 1, "y", 1, SM_DB_OVERWRITE, &why),
	    -1);
	T_EQ(errno, EBADF);
	t_assert(why != NULL);
	T_EQ(sm_db_del(db, "alpha", 5, &why), -1);
	T_EQ(sm_db_close(db, &why), 0);
	T_EQ(count_pairs(path, SM_DB_BTREE), (long)NBASIC);
}

/* ---- case folding --------------------------------------------------- */

static void
test_fold(void)
{
	static const struct {
		const char	*name;
		unsigned	wflags, rflags;
		const char	*stored, *asked;
		int		found;
	} rows[] = {
		/* makemap folds keys unless -f; sendmail folds lookups
		 * unless the K line has -f */
		{ "folded both ways", SM_DB_F_FOLD, SM_DB_F_FOLD,
		    "MiXeD", "MIXED", 1 },
		{ "folded store, exact lookup of lower", SM_DB_F_FOLD, 0,
		    "MiXeD", "mixed", 1 },
		{ "folded store, exact lookup of upper", SM_DB_F_FOLD, 0,
		    "MiXeD", "MiXeD", 0 },
		{ "-f store, folded lookup", 0, SM_DB_F_FOLD,
		    "MiXeD", "MiXeD", 0 },
		{ "-f store, exact lookup", 0, 0, "MiXeD", "MiXeD", 1 },
		/* real makemap kept \xc9 (and UTF-8 \xc3\x89) as they were */
		{ "only ASCII letters fold", SM_DB_F_FOLD, 0,
		    "AbC\xc9\xc3\x89Z", "abc\xc9\xc3\x89z", 1 },
		{ "digits and @ stay", SM_DB_F_FOLD, SM_DB_F_FOLD,
		    "User@Example.COM", "user@example.com", 1 },
	};
	size_t i;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		struct sm_db_opts w = { .flags = rows[i].wflags };
		struct sm_db_opts r = { .flags = rows[i].rflags };
		struct pair p = { rows[i].stored, "value" };
		const char *path = tpath("fold%zu.db", i);
		const char *got;

		t_begin("db: fold: %s", rows[i].name);
		t_require(build(path, SM_DB_HASH, &w, &p, 1) == 0);
		got = lookup(path, SM_DB_HASH, &r, rows[i].asked);
		T_EQ(got != NULL, rows[i].found);
		if (got != NULL)
			t_assert_streq(got, "value");
		t_end();
	}
}

/* ---- the trailing NUL ----------------------------------------------- */

/* The raw stored bytes of the only pair of PATH. */
static int
raw_pair(const char *path, enum sm_db_type type, char *k, size_t *kl,
    char *v, size_t *vl)
{
	struct sm_db_opts raw = { .nul = SM_DB_NUL_NEVER };
	const char *why = NULL;
	const void *pk, *pv;
	SM_DB *db = sm_db_open(path, type, SM_DB_READ, &raw, &why);
	int r;

	if (db == NULL)
		return -1;
	r = sm_db_first(db, &pk, kl, &pv, vl, &why);
	if (r == 1 && *kl < 64 && *vl < 64) {
		memcpy(k, pk, *kl);
		memcpy(v, pv, *vl);
	}
	sm_db_abort(db);
	return r == 1 ? 0 : -1;
}

static void
test_nul(void)
{
	static const struct {
		const char	*name;
		enum sm_db_nul	w, r;
		int		found;
	} rows[] = {
		{ "-N map, -N lookup", SM_DB_NUL_ALWAYS, SM_DB_NUL_ALWAYS, 1 },
		{ "-N map, -O lookup", SM_DB_NUL_ALWAYS, SM_DB_NUL_NEVER, 0 },
		{ "-N map, adaptive lookup", SM_DB_NUL_ALWAYS, SM_DB_NUL_ADAPT,
		    1 },
		{ "plain map, -N lookup", SM_DB_NUL_NEVER, SM_DB_NUL_ALWAYS,
		    0 },
		{ "plain map, -O lookup", SM_DB_NUL_NEVER, SM_DB_NUL_NEVER, 1 },
		{ "plain map, adaptive lookup", SM_DB_NUL_ADAPT,
		    SM_DB_NUL_ADAPT, 1 },
	};
	size_t i, kl = 0, vl = 0;
	char k[64], v[64];

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		struct sm_db_opts w = { .nul = rows[i].w };
		struct sm_db_opts r = { .nul = rows[i].r };
		struct pair p = { "key", "val" };
		const char *path = tpath("nul%zu.db", i);
		const char *got;
		int nul = rows[i].w == SM_DB_NUL_ALWAYS;

		t_begin("db: NUL: %s", rows[i].name);
		t_require(build(path, SM_DB_BTREE, &w, &p, 1) == 0);
		/* makemap -N stores both with one NUL; without, neither */
		t_require(raw_pair(path, SM_DB_BTREE, k, &kl, v, &vl) == 0);
		t_assert_memeq(k, kl, "key", 3 + (size_t)nul);
		t_assert_memeq(v, vl, "val", 3 + (size_t)nul);
		got = lookup(path, SM_DB_BTREE, &r, "key");
		T_EQ(got != NULL, rows[i].found);
		if (got != NULL)	/* the NUL is never part of the value */
			t_assert_memeq(got, strlen(got), "val", 3);
		t_end();
	}
}

/* Without -N or -O the first key found decides which form is used. */
static void
test_nul_adapt_latch(void)
{
	static const struct {
		const char	*name, *first, *second;
		int		found2;
	} rows[] = {
		{ "a NUL key found first", "withnul", "bare", 0 },
		{ "a bare key found first", "bare", "withnul", 0 },
		{ "a miss decides nothing", "absent", "withnul", 1 },
	};
	struct sm_db_opts raw = { .nul = SM_DB_NUL_NEVER };
	const char *path = tpath("latch.db");
	const char *why = NULL;
	const void *v;
	size_t vl, i;
	SM_DB *db = sm_db_open(path, SM_DB_HASH, SM_DB_REBUILD, &raw, &why);

	t_begin("db: NUL: build a map with both forms");
	t_require(db != NULL);
	T_EQ(sm_db_put(db, "bare", 4, "b", 1, SM_DB_NOOVERWRITE,
	    &why), 0);
	T_EQ(sm_db_put(db, "withnul", 8, "n", 2, SM_DB_NOOVERWRITE,
	    &why), 0);
	T_EQ(sm_db_close(db, &why), 0);
	t_end();
	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		t_begin("db: NUL: adaptive, %s", rows[i].name);
		db = sm_db_open(path, SM_DB_HASH, SM_DB_READ, NULL, &why);
		t_require(db != NULL);
		(void)sm_db_get(db, rows[i].first, strlen(rows[i].first), &v,
		    &vl, &why);
		T_EQ(sm_db_get(db, rows[i].second,
		    strlen(rows[i].second), &v, &vl, &why),
		    rows[i].found2);
		sm_db_abort(db);
		t_end();
	}
}

/* ---- binary, big, many ---------------------------------------------- */

static void
test_binary(void)
{
	static const struct {
		const char	*name;
		const char	*k;
		size_t		kl;
		const char	*v;
		size_t		vl;
	} rows[] = {
		{ "NUL inside the key", "a\0b", 3, "v1", 2 },
		{ "key a prefix of it", "a", 1, "v2", 2 },
		{ "high bytes", "\xff\xfe\x80", 3, "\x00\xff", 2 },
		{ "empty key", "", 0, "empty", 5 },
		{ "empty value", "e", 1, "", 0 },
		{ "newline and tab", "x\ny\tz", 5, "\r\n", 2 },
	};
	struct sm_db_opts raw = { .nul = SM_DB_NUL_NEVER };
	size_t n = sizeof(rows) / sizeof(rows[0]), i, t;

	for (t = 0; t < 2; t++) {
		const char *path = tpath("bin.%s.db", sm_db_type_name(types[t]));
		const char *why = NULL;
		const void *v;
		size_t vl;
		SM_DB *db = sm_db_open(path, types[t], SM_DB_REBUILD, &raw, &why);

		t_begin("db: %s binary keys: store", sm_db_type_name(types[t]));
		t_require(db != NULL);
		for (i = 0; i < n; i++)
			T_EQ(sm_db_put(db, rows[i].k, rows[i].kl,
			    rows[i].v, rows[i].vl, SM_DB_NOOVERWRITE, &why), 0);
		T_EQ(sm_db_close(db, &why), 0);
		db = sm_db_open(path, types[t], SM_DB_READ, &raw, &why);
		t_require(db != NULL);
		for (i = 0; i < n; i++) {
			t_begin("db: %s binary keys: %s",
			    sm_db_type_name(types[t]), rows[i].name);
			T_EQ(sm_db_get(db, rows[i].k, rows[i].kl, &v,
			    &vl, &why), 1);
			t_assert_memeq(v, vl, rows[i].v, rows[i].vl);
		}
		t_end();
		sm_db_abort(db);
		t_begin("db: %s binary keys: walk finds all",
		    sm_db_type_name(types[t]));
		T_EQ(count_pairs(path, types[t]), (long)n);
		t_end();
	}
}

static void
big_case(enum sm_db_type type, size_t size)
{
	const char *path = tpath("big.%s.%zu.db", sm_db_type_name(type), size);
	unsigned char *big = sm_malloc_x(size);
	const char *why = NULL;
	const void *k, *v;
	size_t kl, vl, i;
	SM_DB *db;

	for (i = 0; i < size; i++)
		big[i] = (unsigned char)(i * 7 + i / 251);
	db = sm_db_open(path, type, SM_DB_REBUILD, NULL, &why);
	t_require(db != NULL);
	T_EQ(sm_db_put(db, "big", 3, big, size, SM_DB_NOOVERWRITE,
	    &why), 0);
	T_EQ(sm_db_put(db, big, size, "bigkey", 6, SM_DB_NOOVERWRITE,
	    &why), 0);
	T_EQ(sm_db_close(db, &why), 0);
	db = sm_db_open(path, type, SM_DB_READ, NULL, &why);
	t_require(db != NULL);
	T_EQ(sm_db_get(db, "big", 3, &v, &vl, &why), 1);
	T_EQ(vl, size);
	t_assert(vl == size && memcmp(v, big, size) == 0);
	T_EQ(sm_db_get(db, big, size, &v, &vl, &why), 1);
	t_assert_memeq(v, vl, "bigkey", 6);
	for (i = 0; sm_db_next(db, &k, &kl, &v, &vl, &why) == 1; i++)
		t_assert(kl == 3 ? vl == size && memcmp(v, big, size) == 0 :
		    kl == size && memcmp(k, big, size) == 0);
	T_EQ(i, 2);
	sm_db_abort(db);
	free(big);
}

static void
test_big(void)
{
	static const size_t sizes[] = { 4095, 65536, 300000 };
	size_t t, s;

	for (t = 0; t < 2; t++)
		for (s = 0; s < 3; s++) {
			t_begin("db: %s %zu-byte value and key",
			    sm_db_type_name(types[t]), sizes[s]);
			big_case(types[t], sizes[s]);
			t_end();
		}
}

#define MANY	10000

static void
many_case(enum sm_db_type type)
{
	const char *path = tpath("many.%s.db", sm_db_type_name(type));
	const char *why = NULL;
	char key[32], val[32], prev[32] = "";
	const void *k, *v;
	size_t kl, vl;
	int i, found = 0, sorted = 1, r;
	SM_DB *db = sm_db_open(path, type, SM_DB_REBUILD, NULL, &why);

	t_require(db != NULL);
	for (i = 0; i < MANY; i++) {
		int kn = snprintf(key, sizeof(key), "user%05d@example.org", i);
		int vn = snprintf(val, sizeof(val), "mbox%d", i * 3);

		if (sm_db_put(db, key, (size_t)kn, val, (size_t)vn,
		    SM_DB_NOOVERWRITE, &why) != 0)
			break;
	}
	T_EQ(i, MANY);
	T_EQ(sm_db_close(db, &why), 0);
	db = sm_db_open(path, type, SM_DB_READ, NULL, &why);
	t_require(db != NULL);
	for (i = 0; i < MANY; i += 7) {
		(void)snprintf(key, sizeof(key), "user%05d@example.org", i);
		(void)snprintf(val, sizeof(val), "mbox%d", i * 3);
		r = sm_db_get(db, key, strlen(key), &v, &vl, &why);
		found += r == 1 && vl == strlen(val) && memcmp(v, val, vl) == 0;
	}
	T_EQ(found, (MANY + 6) / 7);
	for (i = 0, r = sm_db_first(db, &k, &kl, &v, &vl, &why); r == 1;
	    i++, r = sm_db_next(db, &k, &kl, &v, &vl, &why)) {
		if (strcmp(prev, k) >= 0)
			sorted = 0;
		(void)snprintf(prev, sizeof(prev), "%s", (const char *)k);
	}
	T_EQ(i, MANY);
	if (type == SM_DB_BTREE)
		t_assert(sorted);
	sm_db_abort(db);
}

static void
test_many(void)
{
	size_t t;

	for (t = 0; t < 2; t++) {
		t_begin("db: %s %d keys", sm_db_type_name(types[t]), MANY);
		many_case(types[t]);
		t_end();
	}
}

/* ---- atomic rebuild, mode, owner ------------------------------------ */

static void
test_rebuild_atomic(void)
{
	const char *dir = tdir("atomic");
	const char *path = tpath("atomic/map.db");
	static const struct pair old = { "old", "1" };
	const char *why = NULL;
	struct stat st;
	SM_DB *db;

	t_require(build(path, SM_DB_HASH, NULL, &old, 1) == 0);
	db = sm_db_open(path, SM_DB_HASH, SM_DB_REBUILD, NULL, &why);
	t_require(db != NULL);
	T_EQ(sm_db_put(db, "new", 3, "2", 1, SM_DB_NOOVERWRITE, &why), 0);
	/* while building: the old map is what readers see; the new one is
	 * a second file in the same directory */
	t_assert_streq(lookup(path, SM_DB_HASH, NULL, "old"), "1");
	t_assert(lookup(path, SM_DB_HASH, NULL, "new") == NULL);
	T_EQ(dir_entries(dir), 2);
	T_EQ(sm_db_close(db, &why), 0);
	T_EQ(dir_entries(dir), 1);
	t_assert_streq(lookup(path, SM_DB_HASH, NULL, "new"), "2");
	t_assert(lookup(path, SM_DB_HASH, NULL, "old") == NULL);
	t_assert(stat(path, &st) == 0 && S_ISREG(st.st_mode));
}

static void
test_rebuild_abort(void)
{
	const char *dir = tdir("abort");
	const char *path = tpath("abort/map.db");
	static const struct pair old = { "old", "1" };
	const char *why = NULL;
	struct stat before, after;
	SM_DB *db;

	t_require(build(path, SM_DB_BTREE, NULL, &old, 1) == 0);
	t_require(stat(path, &before) == 0);
	db = sm_db_open(path, SM_DB_BTREE, SM_DB_REBUILD, NULL, &why);
	t_require(db != NULL);
	T_EQ(sm_db_put(db, "new", 3, "2", 1, SM_DB_NOOVERWRITE, &why), 0);
	sm_db_abort(db);
	t_require(stat(path, &after) == 0);
	T_EQ(after.st_ino, before.st_ino);
	T_EQ(after.st_size, before.st_size);
	T_EQ(dir_entries(dir), 1);
	t_assert_streq(lookup(path, SM_DB_BTREE, NULL, "old"), "1");
	t_assert(lookup(path, SM_DB_BTREE, NULL, "new") == NULL);
}

/* A commit that cannot rename (the target is a directory) leaves no
 * temporary file and the target as it was. */
static void
test_rebuild_fails(void)
{
	const char *dir = tdir("failrename");
	const char *target = tdir("failrename/map.db");
	const char *why = NULL;
	SM_DB *db;

	(void)target;
	db = sm_db_open(tpath("failrename/map.db"), SM_DB_HASH, SM_DB_REBUILD,
	    NULL, &why);
	t_require(db != NULL);
	T_EQ(sm_db_put(db, "k", 1, "v", 1, SM_DB_NOOVERWRITE, &why), 0);
	why = NULL;
	T_EQ(sm_db_close(db, &why), -1);
	t_assert(why != NULL);
	t_assert_cmp(errno, !=, 0);
	T_EQ(dir_entries(dir), 1);
	T_EQ(dir_entries(tpath("failrename/map.db")), 0);
	/* a directory that does not exist: no file anywhere */
	errno = 0;
	t_assert(sm_db_open(tpath("nodir/x/map.db"), SM_DB_HASH,
	    SM_DB_REBUILD, NULL, &why) == NULL);
	T_EQ(errno, ENOENT);
}

static mode_t
file_mode(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? st.st_mode & 07777 : (mode_t)-1;
}

static void
test_modes(void)
{
	struct sm_db_opts o600 = { .mode = 0600 };
	const char *path = tpath("mode.db");
	mode_t old = umask(022);

	t_begin("db: mode: new map 0640 (as makemap), umask ignored");
	(void)umask(077);
	t_require(build(path, SM_DB_HASH, NULL, basic, 1) == 0);
	T_EQ(file_mode(path), 0640);
	t_begin("db: mode: set by the caller");
	t_require(build(path, SM_DB_HASH, &o600, basic, 1) == 0);
	T_EQ(file_mode(path), 0600);
	t_begin("db: mode: a rebuild keeps the old file's mode");
	t_require(chmod(path, 0644) == 0);
	t_require(build(path, SM_DB_HASH, NULL, basic, 1) == 0);
	T_EQ(file_mode(path), 0644);
	t_end();
	(void)umask(old);
}

static void
test_owner(void)
{
	struct sm_db_opts o = { .flags = SM_DB_F_CHOWN, .uid = 1, .gid = 2 };
	const char *path = tpath("owner.db");
	struct stat st;

	if (geteuid() != 0) {
		t_skip("not running as root");
		return;
	}
	t_require(build(path, SM_DB_BTREE, &o, basic, 1) == 0);
	t_require(stat(path, &st) == 0);
	T_EQ(st.st_uid, 1);
	T_EQ(st.st_gid, 2);
	/* and the next rebuild keeps that owner */
	t_require(build(path, SM_DB_BTREE, NULL, basic, 2) == 0);
	t_require(stat(path, &st) == 0);
	T_EQ(st.st_uid, 1);
	T_EQ(st.st_gid, 2);
}

static void
test_symlink(void)
{
	const char *real = tpath("real.db");
	const char *link = tpath("link.db");
	struct stat st;

	t_require(build(real, SM_DB_HASH, NULL, basic, 1) == 0);
	t_require(symlink(real, link) == 0);
	t_require(build(link, SM_DB_HASH, NULL, basic + 1, 1) == 0);
	/* like makemap writing through the link: the link stays */
	t_assert(lstat(link, &st) == 0 && S_ISLNK(st.st_mode));
	t_assert_streq(lookup(real, SM_DB_HASH, NULL, basic[1].k), basic[1].v);
	t_assert(lookup(real, SM_DB_HASH, NULL, basic[0].k) == NULL);
}

/* A link whose target's name is longer than its own (the temporary
 * file's name must be sized for the target). */
static void
test_symlink_longer(void)
{
	const char *dir = tpath("a-rather-long-directory-name-for-the-target");
	char real[1024];
	const char *link = tpath("s.db");

	t_require(mkdir(dir, 0700) == 0);
	t_require((size_t)snprintf(real, sizeof(real), "%s/the-real-map-file.db",
	    dir) < sizeof(real));
	t_require(build(real, SM_DB_HASH, NULL, basic, 1) == 0);
	t_require(symlink(real, link) == 0);
	t_require(build(link, SM_DB_HASH, NULL, basic + 1, 1) == 0);
	t_assert_streq(lookup(real, SM_DB_HASH, NULL, basic[1].k), basic[1].v);
}

/* ---- what readers refuse --------------------------------------------- */

/* A copy of the first LEN bytes of SRC in DST; -1 if SRC is shorter. */
static int
copy_head(const char *src, const char *dst, size_t len)
{
	unsigned char *b = sm_malloc_x(len ? len : 1);
	int fd = open(src, O_RDONLY), rc = -1;

	if (fd >= 0 && read(fd, b, len) == (ssize_t)len)
		rc = write_file(dst, b, len);
	if (fd >= 0)
		(void)close(fd);
	free(b);
	return rc;
}

static void
test_refused(void)
{
	const char *hash = tpath("good.hash.db"), *bt = tpath("good.btree.db");
	static const struct pair p[] = { { "a", "b" } };
	static const char text[] = "postmaster: root\nfoo: bar\n";
	static char junk[8192];
	struct stat st;
	size_t i;
	struct {
		const char	*name;
		const char	*path;
		enum sm_db_type	type;
		int		err;
	} rows[] = {
		{ "missing file", tpath("nothere.db"), SM_DB_HASH, ENOENT },
		{ "text file", tpath("text.db"), SM_DB_HASH, EINVAL },
		{ "empty file", tpath("zero.db"), SM_DB_BTREE, EINVAL },
		{ "8 KB of junk", tpath("junk.db"), SM_DB_HASH, EINVAL },
		{ "btree opened as hash", bt, SM_DB_HASH, EINVAL },
		{ "hash opened as btree", hash, SM_DB_BTREE, EINVAL },
		{ "hash cut to 100 bytes", tpath("cut100.db"), SM_DB_HASH,
		    EINVAL },
		{ "hash cut to one page", tpath("cut1.db"), SM_DB_HASH, EINVAL },
		{ "btree cut mid-page", tpath("cutmid.db"), SM_DB_BTREE,
		    EINVAL },
		{ "a directory", tdir("adir.db"), SM_DB_HASH, EINVAL },
	};

	t_begin("db: refused: set up");
	memset(junk, 'x', sizeof(junk));
	t_require(build(hash, SM_DB_HASH, NULL, p, 1) == 0);
	t_require(build(bt, SM_DB_BTREE, NULL, p, 1) == 0);
	t_require(stat(hash, &st) == 0 && st.st_size > 4096);
	t_require(write_file(rows[1].path, text, sizeof(text) - 1) == 0);
	t_require(write_file(rows[2].path, "", 0) == 0);
	t_require(write_file(rows[3].path, junk, sizeof(junk)) == 0);
	t_require(copy_head(hash, rows[6].path, 100) == 0);
	t_require(copy_head(hash, rows[7].path, 4096) == 0);
	t_require(copy_head(bt, rows[8].path, 4096 + 1000) == 0);
	t_end();
	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		const char *why = NULL;
		SM_DB *db;

		t_begin("db: refused: %s", rows[i].name);
		errno = 0;
		db = sm_db_open(rows[i].path, rows[i].type, SM_DB_READ, NULL,
		    &why);
		t_assert(db == NULL);
		if (db != NULL)
			sm_db_abort(db);
		T_EQ(errno, rows[i].err);
		t_assert(why != NULL && *why != '\0');
		t_end();
	}
	t_begin("db: refused: reading creates nothing");
	t_assert(access(rows[0].path, F_OK) < 0);
	t_end();
	t_begin("db: refused: the wrong type is named");
	{
		const char *why = NULL;

		t_assert(sm_db_open(bt, SM_DB_HASH, SM_DB_READ, NULL, &why) ==
		    NULL);
		t_assert(why != NULL && strstr(why, "btree") != NULL);
	}
	t_end();
}

/* Overwrite WIDTH bytes (little-endian VAL) at OFF of PATH. */
static int
poke(const char *path, off_t off, unsigned width, uint32_t val)
{
	unsigned char b[4] = { val & 0xff, (val >> 8) & 0xff,
	    (val >> 16) & 0xff, (val >> 24) & 0xff };
	int fd = open(path, O_RDWR), ok;

	if (fd < 0)
		return -1;
	ok = pwrite(fd, b, width, off) == (ssize_t)width;
	(void)close(fd);
	return ok ? 0 : -1;
}

/* The offset of item 0 on the first page that has items (4 KB pages). */
static off_t
item0(const char *path)
{
	unsigned char h[28];
	off_t pg;
	int fd = open(path, O_RDONLY);

	for (pg = 4096; fd >= 0 && pread(fd, h, sizeof(h), pg) == 28;
	    pg += 4096)
		if ((h[20] | h[21]) != 0 && (h[25] == 5 || h[25] == 13)) {
			(void)close(fd);
			return pg + (h[26] | h[27] << 8);
		}
	if (fd >= 0)
		(void)close(fd);
	return 0;
}

/* Damage one field of a good map: the wrapper refuses it before Berkeley
 * DB (or its verifier, which some of these crash) reads it. */
static void
test_damaged(void)
{
	static const struct {
		const char	*name;
		enum sm_db_type	type;
		off_t		off;	/* -1: the length of item 0, page 1 */
		unsigned	width;
		uint32_t	val;
		const char	*why;	/* in the error */
	} rows[] = {
		{ "version 5", SM_DB_HASH, 16, 4, 5, "version" },
		{ "page size 3000", SM_DB_BTREE, 20, 4, 3000, "page size" },
		{ "encrypted", SM_DB_HASH, 24, 1, 1, "encryption" },
		{ "page checksums", SM_DB_BTREE, 26, 1, 1, "checksums" },
		{ "free list past the end", SM_DB_BTREE, 28, 4, 99, "first page" },
		{ "btree root past the end", SM_DB_BTREE, 88, 4, 99,
		    "first page" },
		{ "hash mask not 2^n-1", SM_DB_HASH, 76, 4, 6, "first page" },
		{ "hash bucket past the end", SM_DB_HASH, 100, 4, 1000,
		    "first page" },
		{ "hash spare for an unused level", SM_DB_HASH, 104, 4, 1,
		    "first page" },
		{ "page with another number", SM_DB_BTREE, 4096 + 8, 4, 5,
		    "damaged page" },
		{ "a heap page in a hash map", SM_DB_HASH, 4096 + 25, 1, 15,
		    "damaged page" },
		{ "a hash page in a btree map", SM_DB_BTREE, 4096 + 25, 1, 13,
		    "damaged page" },
		{ "index past the page", SM_DB_BTREE, 4096 + 20, 2, 3000,
		    "damaged page" },
		{ "btree item past its page", SM_DB_BTREE, -1, 2, 0xfff0,
		    "damaged page" },
		{ "hash item of unknown type", SM_DB_HASH, -1, 1, 9,
		    "damaged page" },
	};
	static const struct pair p[] = { { "key", "value" }, { "k2", "v2" } };
	size_t i;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		const char *path = tpath("damaged%zu.db", i), *why = NULL;
		SM_DB *db;

		t_begin("db: refused: %s", rows[i].name);
		t_require(build(path, rows[i].type, NULL, p, 2) == 0);
		t_require(poke(path, rows[i].off < 0 ? item0(path) :
		    rows[i].off, rows[i].width, rows[i].val) == 0);
		errno = 0;
		db = sm_db_open(path, rows[i].type, SM_DB_READ, NULL, &why);
		t_assert(db == NULL);
		if (db != NULL)
			sm_db_abort(db);
		T_EQ(errno, EINVAL);
		t_assert(why != NULL && strstr(why, rows[i].why) != NULL);
		t_end();
	}
}

/* The first page of type T (4 KB pages) and the offset of its item 0. */
static uint32_t
find_page(const char *path, unsigned t, off_t *item)
{
	unsigned char h[28];
	uint32_t pg;
	int fd = open(path, O_RDONLY);

	for (pg = 1; fd >= 0 && pread(fd, h, sizeof(h), (off_t)pg * 4096) ==
	    28; pg++)
		if (h[25] == t) {
			*item = (off_t)pg * 4096 + (h[26] | h[27] << 8);
			(void)close(fd);
			return pg;
		}
	if (fd >= 0)
		(void)close(fd);
	return 0;
}

/* A map with N small pairs, or one big value (overflow pages) if N is 0. */
static int
build_n(const char *path, enum sm_db_type type, int n)
{
	static char big[10000];
	const char *why = NULL;
	char key[32];
	SM_DB *db = sm_db_open(path, type, SM_DB_REBUILD, NULL, &why);
	int i, kl, rc = 0;

	if (db == NULL)
		return -1;
	memset(big, 'b', sizeof(big));
	if (n == 0)
		rc = sm_db_put(db, "big", 3, big, sizeof(big), SM_DB_OVERWRITE,
		    &why);
	for (i = 0; i < n && rc == 0; i++) {
		kl = snprintf(key, sizeof(key), "key%06d", i);
		rc = sm_db_put(db, key, (size_t)kl, key, (size_t)kl,
		    SM_DB_OVERWRITE, &why);
	}
	if (rc != 0) {
		sm_db_abort(db);
		return -1;
	}
	return sm_db_close(db, &why);
}

/* Pages that lead back to themselves: Berkeley DB would recurse or loop
 * without end (its verifier too), so the wrapper refuses them. */
static void
test_loops(void)
{
	static const struct {
		const char	*name;
		enum sm_db_type	type;
		int		n;	/* pairs; 0: one big value */
		unsigned	ptype;	/* the page damaged: first of type */
		int		item;	/* OFF is from item 0, not the page */
		off_t		off;	/* where its own number goes */
	} rows[] = {
		{ "an internal btree page its own child", SM_DB_BTREE, 2000,
		    3, 1, 4 },
		{ "a btree leaf its own next leaf", SM_DB_BTREE, 2000, 5, 0,
		    16 },
		{ "a hash page its own next in the bucket", SM_DB_HASH, 20, 13,
		    0, 16 },
		{ "an overflow page its own next", SM_DB_BTREE, 0, 7, 0, 16 },
	};
	size_t i;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		const char *path = tpath("loop%zu.db", i), *why = NULL;
		uint32_t pg;
		off_t item = 0;
		SM_DB *db;

		t_begin("db: refused: %s", rows[i].name);
		t_require(build_n(path, rows[i].type, rows[i].n) == 0);
		pg = find_page(path, rows[i].ptype, &item);
		t_require(pg != 0);
		t_require(poke(path, (rows[i].item ? item : (off_t)pg * 4096) +
		    rows[i].off, 4, pg) == 0);
		errno = 0;
		db = sm_db_open(path, rows[i].type, SM_DB_READ, NULL, &why);
		t_assert(db == NULL);
		if (db != NULL)
			sm_db_abort(db);
		T_EQ(errno, EINVAL);
		t_assert(why != NULL && strstr(why, "damaged page") != NULL);
		t_end();
	}
}

/* A database of another kind made by Berkeley DB itself. */
static int
foreign(const char *path, DBTYPE t, u_int32_t flags, const char *sub)
{
	db_recno_t rec = 1;
	DB *db;
	DBT k, v;
	int ret;

	if (db_create(&db, NULL, 0) != 0)
		return -1;
	ret = flags ? db->set_flags(db, flags) : 0;
	if (ret == 0 && t == DB_QUEUE)
		ret = db->set_re_len(db, 8);
	if (ret == 0)
		ret = db->open(db, NULL, path, sub, t, DB_CREATE, 0644);
	memset(&k, 0, sizeof(k));
	memset(&v, 0, sizeof(v));
	k.data = t == DB_QUEUE || t == DB_RECNO ? (void *)&rec : "key";
	k.size = t == DB_QUEUE || t == DB_RECNO ? sizeof(rec) : 3;
	v.data = "value";
	v.size = 5;
	if (ret == 0)
		ret = db->put(db, NULL, &k, &v, 0);
	(void)db->close(db, 0);
	return ret == 0 ? 0 : -1;
}

static void
test_foreign(void)
{
	static const struct {
		const char	*name;
		DBTYPE		t;
		u_int32_t	flags;
		const char	*sub;
		enum sm_db_type	as;
		const char	*why;
	} rows[] = {
		{ "a recno database as btree", DB_RECNO, 0, NULL, SM_DB_BTREE,
		    "recno" },
		{ "a queue database as hash", DB_QUEUE, 0, NULL, SM_DB_HASH,
		    "not a Berkeley DB hash or btree" },
		{ "subdatabases", DB_BTREE, 0, "sub", SM_DB_BTREE,
		    "subdatabases" },
		{ "checksummed pages", DB_HASH, DB_CHKSUM, NULL, SM_DB_HASH,
		    "checksums" },
	};
	size_t i;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		const char *path = tpath("foreign%zu.db", i), *why = NULL;
		SM_DB *db;

		t_begin("db: refused: %s", rows[i].name);
		t_require(foreign(path, rows[i].t, rows[i].flags, rows[i].sub)
		    == 0);
		errno = 0;
		db = sm_db_open(path, rows[i].as, SM_DB_READ, NULL, &why);
		t_assert(db == NULL);
		if (db != NULL)
			sm_db_abort(db);
		T_EQ(errno, EINVAL);
		t_assert(why != NULL && strstr(why, rows[i].why) != NULL);
		t_end();
	}
}

/* A map rewritten in place under a reader: the reader stops (ESTALE)
 * rather than mix cached old pages with new ones, and a reopen works. */
static void
test_stale(void)
{
	const char *path = tpath("stale.db"), *why = NULL;
	const void *v, *k;
	size_t vl, kl;
	SM_DB *rd, *wr;

	t_require(build(path, SM_DB_BTREE, NULL, basic, 2) == 0);
	rd = sm_db_open(path, SM_DB_BTREE, SM_DB_READ, NULL, &why);
	t_require(rd != NULL);
	T_EQ(sm_db_get(rd, "alpha", 5, &v, &vl, &why), 1);
	wr = sm_db_open(path, SM_DB_BTREE, SM_DB_UPDATE, NULL, &why);
	t_require(wr != NULL);
	T_EQ(sm_db_put(wr, "later", 5, "x", 1, SM_DB_NOOVERWRITE, &why), 0);
	T_EQ(sm_db_close(wr, &why), 0);
	errno = 0;
	T_EQ(sm_db_get(rd, "alpha", 5, &v, &vl, &why), -1);
	T_EQ(errno, ESTALE);
	T_EQ(sm_db_first(rd, &k, &kl, &v, &vl, &why), -1);
	T_EQ(errno, ESTALE);
	T_EQ(sm_db_changed(rd), 1);
	sm_db_abort(rd);
	t_assert_streq(lookup(path, SM_DB_BTREE, NULL, "later"), "x");
}

/* A reader verifies a file once; a changed file is verified again; an
 * updater or a trusted reader never adds a file to that memory. */
static void
test_verified_once(void)
{
	const char *path = tpath("verified.db"), *why = NULL;
	struct timespec later[2] = { { 0, UTIME_NOW }, { 0, UTIME_NOW } };
	SM_DB *db;

	t_require(build(path, SM_DB_HASH, NULL, basic, 2) == 0);
	T_EQ(sm_db_verified(path), 0);
	db = sm_db_open(path, SM_DB_HASH, SM_DB_UPDATE, NULL, &why);
	t_require(db != NULL);
	T_EQ(sm_db_close(db, &why), 0);
	T_EQ(sm_db_verified(path), 0);		/* updates do not count */
	db = sm_db_open(path, SM_DB_HASH, SM_DB_READ, NULL, &why);
	t_require(db != NULL);
	sm_db_abort(db);
	T_EQ(sm_db_verified(path), 1);
	t_require(utimensat(AT_FDCWD, path, later, 0) == 0);
	T_EQ(sm_db_verified(path), 0);		/* touched: a new ctime */
	db = sm_db_open(path, SM_DB_HASH, SM_DB_READ, NULL, &why);
	t_require(db != NULL);
	sm_db_abort(db);
	T_EQ(sm_db_verified(path), 1);
	t_assert_streq(lookup(path, SM_DB_HASH, NULL, "alpha"), "one");
	t_require(build(path, SM_DB_HASH, NULL, basic, 2) == 0);
	T_EQ(sm_db_verified(path), 0);		/* rebuilt: a new inode */
}

/* Reading leaves the file as it was: same bytes, same times. */
static void
test_read_untouched(void)
{
	const char *path = tpath("untouched.db");
	const char *why = NULL;
	struct stat before, after;
	const void *k, *v;
	size_t kl, vl;
	SM_DB *db;

	t_require(build(path, SM_DB_HASH, NULL, basic, NBASIC) == 0);
	t_require(chmod(path, 0444) == 0);
	t_require(stat(path, &before) == 0);
	db = sm_db_open(path, SM_DB_HASH, SM_DB_READ, NULL, &why);
	t_require(db != NULL);
	T_EQ(sm_db_get(db, "alpha", 5, &v, &vl, &why), 1);
	T_EQ(sm_db_first(db, &k, &kl, &v, &vl, &why), 1);
	T_EQ(sm_db_close(db, &why), 0);
	t_require(stat(path, &after) == 0);
	T_EQ(after.st_size, before.st_size);
	T_EQ(after.st_mtim.tv_nsec, before.st_mtim.tv_nsec);
	T_EQ(after.st_mtim.tv_sec, before.st_mtim.tv_sec);
	T_EQ(after.st_mode & 07777, 0444);
}

/* A big-endian map (written on another machine) reads the same. */
static void
test_other_byte_order(void)
{
	const char *path = tpath("bigendian.db");
	const char *got;
	DB *db;
	DBT k, v;

	t_require(db_create(&db, NULL, 0) == 0);
	t_require(db->set_lorder(db, 4321) == 0);
	t_require(db->open(db, NULL, path, NULL, DB_HASH, DB_CREATE, 0644) == 0);
	memset(&k, 0, sizeof(k));
	memset(&v, 0, sizeof(v));
	k.data = "swapped";
	k.size = 7;
	v.data = "fine";
	v.size = 4;
	t_assert(db->put(db, NULL, &k, &v, 0) == 0);
	t_assert(db->close(db, 0) == 0);
	got = lookup(path, SM_DB_HASH, NULL, "swapped");
	t_assert(got != NULL);
	if (got != NULL)
		t_assert_streq(got, "fine");
}

static void
test_changed(void)
{
	const char *path = tpath("changed.db");
	const char *why = NULL;
	SM_DB *db;

	t_require(build(path, SM_DB_HASH, NULL, basic, 2) == 0);
	db = sm_db_open(path, SM_DB_HASH, SM_DB_READ, NULL, &why);
	t_require(db != NULL);
	T_EQ(sm_db_changed(db), 0);
	t_assert(build(path, SM_DB_HASH, NULL, basic, 3) == 0);
	T_EQ(sm_db_changed(db), 1);
	/* the old handle still reads the old map whole */
	t_assert_streq(lookup(path, SM_DB_HASH, NULL, basic[2].k), basic[2].v);
	sm_db_abort(db);
}

int
main(void)
{
	test_names();
	test_basic();
	t_run("db: empty map: walk and lookups find nothing", test_empty_map);
	test_put();
	t_run("db: update of a missing map is ENOENT, creates nothing",
	    test_update_missing);
	t_run("db: a read-only handle refuses put and delete",
	    test_readonly_put);
	test_fold();
	test_nul();
	test_nul_adapt_latch();
	test_binary();
	test_big();
	test_many();
	t_run("db: rebuild: target untouched until close, then replaced",
	    test_rebuild_atomic);
	t_run("db: rebuild: abort leaves the old map, no temporary file",
	    test_rebuild_abort);
	t_run("db: rebuild: a failed rename leaves no temporary file",
	    test_rebuild_fails);
	(void)t_run("db: a reader verifies an unchanged file once",
	    test_verified_once);
	test_modes();
	t_run("db: rebuild: owner set as root, then kept", test_owner);
	t_run("db: rebuild through a symlink replaces what it points at",
	    test_symlink);
	t_run("db: rebuild through a link to a longer name",
	    test_symlink_longer);
	test_refused();
	test_damaged();
	test_loops();
	test_foreign();
	t_run("db: a reader stops when the map is rewritten in place",
	    test_stale);
	t_run("db: reading changes nothing in the file", test_read_untouched);
	t_run("db: a big-endian hash map reads the same",
	    test_other_byte_order);
	t_run("db: changed after a rebuild renamed a new file over it",
	    test_changed);
	return t_done();
}
