/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * t_map_db.c -- the hash and btree map classes (and implicit, and the
 * AliasFile maps) over Berkeley DB files written as makemap writes them
 * (libsm/db.h): folding, the NUL conventions, -m -a -f, ".db" names,
 * unusable files and their messages, a file replaced under an open map.
 * Expected lines as sendmail 8.17.1.9 printed them for the same files.
 */
#include "libsm/db.h"
#include "sendmail/map.h"
#include "sendmail/map_int.h"
#include "t_map_harness.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#define NROWS(r)	(sizeof(r) / sizeof((r)[0]))

static const char *dir;

/* makemap TYPE [-N] [-f] DIR/NAME < LINES ("key value\n" ...). */
static int
mkmap(const char *name, enum sm_db_type type, enum sm_db_nul nul, int fold,
    const char *lines)
{
	struct sm_db_opts o;
	char path[1024], *buf = strdup(lines), *l, *next, *v;
	const char *why;
	SM_DB *db;

	memset(&o, 0, sizeof(o));
	o.flags = fold ? SM_DB_F_FOLD : 0;
	o.nul = nul;
	(void)snprintf(path, sizeof(path), "%s/%s.db", dir, name);
	db = sm_db_open(path, type, SM_DB_REBUILD, &o, &why);
	if (db == NULL)
		return -1;
	for (l = buf; l != NULL && *l != '\0'; l = next) {
		if ((next = strchr(l, '\n')) != NULL)
			*next++ = '\0';
		v = strpbrk(l, " \t");
		if (v == NULL)
			continue;
		*v++ = '\0';
		v += strspn(v, " \t");
		(void)sm_db_put(db, l, strlen(l), v, strlen(v),
		    SM_DB_NOOVERWRITE, &why);
	}
	free(buf);
	return sm_db_close(db, &why);
}

static const char vals[] = "k1 val%1-%2-%0-%3\nk2 a%%b\nk3 a%sb\n"
    "k4 100%\nk5 %9end\nk6 a%xb%\nk7 x%0y\n";
static const char txt1[] = "alice Alice Smith\nbob Bob Jones\tx\n"
    "Carol Carol:Third:col\nsp key  spaced\n";

static const char *const db_lines[] = {
	"h hash @D/vals", "hN hash @D/valsN", "hNN hash -N @D/valsN",
	"hNO hash -O @D/valsN", "hF hash @D/valsF", "hFf hash -f @D/valsF",
	"hm hash -m -a! @D/vals", "hx hash @D/vals.db",
	"b1 hash @D/bad", "b2 hash @D/empty", "b3 btree @D/vals",
	"b4 hash @D/valsbt", "b5 btree @D/valsbt", "b7 hash @D/link",
	"b10 hash @D", "b11 hash -A @D/vals", "b12 hash @D/vals rebuild args",
	"b13 btree -f @D/valsbt", "b14 hash -o @D/bad",
	"im implicit @D/vals", "im2 implicit @D/nothere",
	"im3 implicit -o @D/nothere", "mix hash @D/mixed",
	"miss hash /nonexist/map", "both hash -N -O @D/vals", NULL
};

static const struct h_row db_rows[] = {
	{ "h k1", "map_lookup: h (k1) returns val--k1- (0)\n" },
	{ "h K1", "map_lookup: h (K1) returns val--K1- (0)\n" },
	{ "h k2", "map_lookup: h (k2) returns a%b (0)\n" },
	{ "h k3", "map_lookup: h (k3) returns a%sb (0)\n" },
	{ "h k5", "map_lookup: h (k5) returns end (0)\n" },
	{ "h nothere", "map_lookup: h (nothere) no match (0)\n" },
	{ "hN k2", "map_lookup: hN (k2) returns a%b (0)\n" },
	{ "hNN k2", "map_lookup: hNN (k2) returns a%b (0)\n" },
	{ "hNO k2", "map_lookup: hNO (k2) no match (0)\n" },
	{ "hF alice", "map_lookup: hF (alice) returns Alice Smith (0)\n" },
	{ "hF Carol", "map_lookup: hF (Carol) no match (0)\n" },
	{ "hFf Carol", "map_lookup: hFf (Carol) returns Carol:Third:col (0)\n" },
	{ "hFf carol", "map_lookup: hFf (carol) no match (0)\n" },
	{ "hm k1", "map_lookup: hm (k1) returns k1! (0)\n" },
	{ "hm K1", "map_lookup: hm (K1) returns K1! (0)\n" },
	{ "hm zz", "map_lookup: hm (zz) no match (0)\n" },
	{ "hx k1", "map_lookup: hx (k1) returns val--k1- (0)\n" },
	{ "b1 x", "Cannot open hash database @D/bad.db: Invalid argument\n"
	    "map_lookup: b1 (x) no match (75)\n" },
	{ "b2 x", "Cannot open hash database @D/empty.db: Invalid argument\n"
	    "map_lookup: b2 (x) no match (75)\n" },
	{ "b3 k1", "BDB0641 __db_meta_setup: @D/vals.db: unexpected file type "
	    "or format\n"
	    "Cannot open btree database @D/vals.db: Invalid argument\n"
	    "map_lookup: b3 (k1) no match (75)\n" },
	{ "b4 k1", "BDB0641 __db_meta_setup: @D/valsbt.db: unexpected file "
	    "type or format\n"
	    "Cannot open hash database @D/valsbt.db: Invalid "
	    "argument\nmap_lookup: b4 (k1) no match (75)\n" },
	{ "b5 k1", "map_lookup: b5 (k1) returns val--k1- (0)\n" },
	{ "b5 k", "map_lookup: b5 (k) no match (0)\n" },
	{ "b5 k10", "map_lookup: b5 (k10) no match (0)\n" },
	{ "b7 k1", "map_lookup: b7 (k1) returns val--k1- (0)\n" },
	{ "b10 k1", "hash map \"b10\": missing map file @D.db: No such file "
	    "or directory\nmap_lookup: b10 (k1) no match (75)\n" },
	{ "b11 k1", "map_lookup: b11 (k1) returns val--k1- (0)\n" },
	{ "b12 k1", "map_lookup: b12 (k1) returns val--k1- (0)\n" },
	{ "b13 k1", "map_lookup: b13 (k1) returns val--k1- (0)\n" },
	{ "b14 k1", "Map named \"b14\" not open\n" },
	{ "im k1", "map_lookup: im (k1) returns val--k1- (0)\n" },
	{ "im K2", "map_lookup: im (K2) returns a%b (0)\n" },
	{ "im2 x", "map_lookup: im2 (x) no match (75)\n" },
	{ "im3 x", "Map named \"im3\" not open\n" },
	{ "miss x", "hash map \"miss\": missing map file /nonexist/map.db: No "
	    "such file or directory\nmap_lookup: miss (x) no match (75)\n" },
	{ "miss x", "map_lookup: miss (x) no match (75)\n" },
	{ "both k1", "map_lookup: both (k1) no match (0)\n" },
	/* the first hit fixes the NUL convention (a key with a NUL here) */
	{ "mix b", "map_lookup: mix (b) returns vb (0)\n" },
	{ "mix a", "map_lookup: mix (a) no match (0)\n" },
};

/* A map whose key "a" has no trailing NUL and "b" has one. */
static void
mkmixed(void)
{
	char path[1024];
	const char *why;
	SM_DB *db;

	(void)snprintf(path, sizeof(path), "%s/mixed.db", dir);
	db = sm_db_open(path, SM_DB_HASH, SM_DB_REBUILD, NULL, &why);
	if (db == NULL)
		return;
	(void)sm_db_put(db, "a", 1, "va", 2, SM_DB_NOOVERWRITE, &why);
	(void)sm_db_put(db, "b", 2, "vb", 3, SM_DB_NOOVERWRITE, &why);
	(void)sm_db_close(db, &why);
}

static void
fixtures(void)
{
	char p1[1024], p2[1024];

	t_begin("db: fixtures as makemap builds them");
	t_assert_cmp(mkmap("vals", SM_DB_HASH, SM_DB_NUL_NEVER, 1, vals), ==, 0);
	t_assert_cmp(mkmap("valsN", SM_DB_HASH, SM_DB_NUL_ALWAYS, 1, vals), ==,
	    0);
	t_assert_cmp(mkmap("valsF", SM_DB_HASH, SM_DB_NUL_NEVER, 0, txt1), ==,
	    0);
	t_assert_cmp(mkmap("valsbt", SM_DB_BTREE, SM_DB_NUL_NEVER, 1, vals),
	    ==, 0);
	t_assert_cmp(mkmap("al4", SM_DB_HASH, SM_DB_NUL_NEVER, 1,
	    "root alice\n"), ==, 0);
	t_assert_cmp(mkmap("al5", SM_DB_HASH, SM_DB_NUL_ALWAYS, 1,
	    "root alice\n@ @\n"), ==, 0);
	mkmixed();
	(void)h_file(dir, "bad.db", "garbage\n", 0644);
	(void)h_file(dir, "empty.db", "", 0644);
	(void)snprintf(p1, sizeof(p1), "%s/vals.db", dir);
	(void)snprintf(p2, sizeof(p2), "%s/link.db", dir);
	t_assert_cmp(symlink(p1, p2), ==, 0);
	t_end();
}

static void
test_db(void)
{
	char want[4096];
	size_t i;

	(void)h_take();
	h_klines(db_lines, dir);
	t_begin("db: declared quietly");
	t_assert_streq(h_take(), "");
	t_end();
	for (i = 0; i < NROWS(db_rows); i++) {
		t_begin("db: /map %s", db_rows[i].args);
		(void)h_take();
		(void)snprintf(want, sizeof(want), "%s",
		    h_subst(db_rows[i].want, dir));
		t_assert_streq(h_bt(db_rows[i].args), want);
		t_end();
	}
}

/* makemap renames a new file over the map: the next lookup sees it. */
static void
test_reopen(void)
{
	char *v;
	int st;

	(void)h_take();
	(void)map_kline(h_subst("re hash @D/re", dir), "cf", 1, NULL);
	t_begin("db: a rebuilt file is reopened");
	t_require(mkmap("re", SM_DB_HASH, SM_DB_NUL_NEVER, 1, "k old\n") == 0);
	v = map_lookup(map_find("re"), "k", NULL, 0, &st);
	t_assert_streq(v, "old");
	free(v);
	t_require(mkmap("re", SM_DB_HASH, SM_DB_NUL_NEVER, 1, "k new\n") == 0);
	v = map_lookup(map_find("re"), "k", NULL, 0, &st);
	t_assert_streq(v, "new");
	t_assert_cmp(st, ==, EX_OK);
	free(v);
	t_end();
	t_begin("db: %%1 in values from arguments");
	v = map_lookup(map_find("h"), "k1", (const char *const[]){ "A1", "A2" },
	    2, &st);
	t_assert_streq(v, "valA1-A2-k1-");
	free(v);
	t_end();
}

static void
test_alias(void)
{
	(void)h_take();
	map_setalias(h_subst("@D/al4,@D/al5,hash:@D/al4,regex:^a", dir));
	map_host_defaults(10);
	t_begin("alias: AliasFile maps");
	t_assert_streq(h_take(), "setalias: map class regex can't handle "
	    "aliases\n");
	t_end();
	h_rows("alias", (const struct h_row[]){
	    { "Alias0 root", "map_lookup: Alias0 (root) returns alice (0)\n" },
	    { "Alias1 root", "map_lookup: Alias1 (root) returns alice (0)\n" },
	    { "Alias2 root", "map_lookup: Alias2 (root) returns alice (0)\n" },
	    { "Alias3 root", "Map named \"Alias3\" not open\n" },
	    { "aliases.files root", "map_lookup: aliases.files (root) returns "
	    "alice (0)\n" },
	    { "Alias0 @", "map_lookup: Alias0 (@) no match (0)\n" },
	    { "Alias1 @", "map_lookup: Alias1 (@) returns @ (0)\n" } }, 7);
}

/* Copy file SRC to DST; 0 or -1. */
static int
copy_file(const char *src, const char *dst)
{
	char b[8192];
	ssize_t n;
	int in = open(src, O_RDONLY), out, rc = 0;

	if (in < 0)
		return -1;
	out = open(dst, O_WRONLY | O_CREAT | O_TRUNC, 0640);
	if (out < 0) {
		(void)close(in);
		return -1;
	}
	while ((n = read(in, b, sizeof(b))) > 0)
		if (write(out, b, (size_t)n) != n)
			rc = -1;
	if (n < 0)
		rc = -1;
	(void)close(in);
	(void)close(out);
	return rc;
}

static void
test_unsafe(void)
{
	char ww[1024], src[1024], dst[1100];
	const char *v;

	/* a world writable directory of our own, so the check runs anywhere */
	t_begin("db: below a world writable directory");
	(void)snprintf(ww, sizeof(ww), "%s/ww", dir);
	(void)snprintf(src, sizeof(src), "%s/vals.db", dir);
	(void)snprintf(dst, sizeof(dst), "%s/vals.db", ww);
	t_require(mkdir(ww, 0700) == 0 && chmod(ww, 0777) == 0);
	t_require(copy_file(src, dst) == 0);
	map_set_unsafe_dirpath(0);
	(void)map_kline(h_subst("us hash @D/ww/vals", dir), "cf", 1, NULL);
	(void)h_take();
	v = h_bt("us k1");
	t_assert_streq(v, h_subst("hash map \"us\": unsafe map file "
	    "@D/ww/vals.db: World writable directory\n"
	    "map_lookup: us (k1) no match (75)\n", dir));
	map_set_unsafe_dirpath(1);
	t_end();
}

int
main(void)
{
	dir = t_tmpdir();
	h_init();
	fixtures();
	test_db();
	test_reopen();
	map_free_all();
	test_alias();
	map_free_all();
	test_unsafe();
	map_free_all();
	return t_done();
}
