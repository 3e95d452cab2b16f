/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * t_aliasdb.c -- sendmail/aliasdb.c: reading aliases and building the
 * database.
 *
 * Expected values are what the real sendmail 8.17 -bi printed and stored
 * for the same text (observed in a namespace of its own: continuations
 * keep the white space, a backslash-newline goes, the counts line, the
 * messages, "@" -> "@" last, no NUL without -N, "new,old" with -A).
 * test/conformance/praliases.sh compares with the real program live.
 */
#include "sendmail/aliasdb.h"
#include "libsm/db.h"
#include "libsm/lock.h"
#include "t.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define T_EQ(a, b)	t_assert_cmp(a, ==, b)

static void
test_spec(void)
{
	static const struct {
		const char *spec;
		int rc;
		const char *path;
		int type, nul, app, nofold, opt;
	} s[] = {
		{ "/etc/mail/aliases", 0, "/etc/mail/aliases", SM_DB_HASH,
		    0, 0, 0, 0 },
		{ "hash:/etc/aliases", 0, "/etc/aliases", SM_DB_HASH, 0, 0, 0, 0 },
		{ "btree:-N -A /x/y ", 0, "/x/y", SM_DB_BTREE, 1, 1, 0, 0 },
		{ " implicit:-o -f a", 0, "a", SM_DB_HASH, 0, 0, 1, 1 },
		{ "hash:-NA -T<TMP> /a", 0, "/a", SM_DB_HASH, 1, 1, 0, 0 },
		{ "/dir:with/colon", 0, "/dir:with/colon", SM_DB_HASH, 0, 0, 0, 0 },
		{ "nis:mail.aliases", -1, NULL, 0, 0, 0, 0, 0 },
		{ "text:/etc/aliases", -1, NULL, 0, 0, 0, 0, 0 },
		{ "hash:", -1, NULL, 0, 0, 0, 0, 0 },
		{ "hash:-N   ", -1, NULL, 0, 0, 0, 0, 0 },
		{ "", -1, NULL, 0, 0, 0, 0, 0 },
	};
	struct aliasdb_spec as;
	const char *why;
	size_t i;

	for (i = 0; i < sizeof(s) / sizeof(s[0]); i++) {
		t_begin("aliasdb: spec \"%s\"", s[i].spec);
		why = NULL;
		T_EQ(aliasdb_spec_parse(s[i].spec, &as, &why), s[i].rc);
		if (s[i].rc == 0) {
			t_assert_streq(as.as_path, s[i].path);
			T_EQ(as.as_type, s[i].type);
			T_EQ(as.as_nul, s[i].nul);
			T_EQ(as.as_append, s[i].app);
			T_EQ(as.as_nofold, s[i].nofold);
			T_EQ(as.as_optional, s[i].opt);
		} else
			t_assert(why != NULL);
		aliasdb_spec_free(&as);
		t_end();
	}
}

/* Collects "key=value@line;" */
static int
collect(void *ctx, const char *key, const char *paddr, const char *value,
    unsigned lineno)
{
	(void)paddr;
	fprintf(ctx, "%s=%s@%u;", key, value, lineno);
	return 0;
}

static void
read_text(const char *text, char **pairs, char **msgs,
    struct aliasdb_result *res)
{
	size_t pl = 0, ml = 0;
	FILE *in = fmemopen((void *)text, strlen(text), "r");
	FILE *p = open_memstream(pairs, &pl), *m = open_memstream(msgs, &ml);

	if (in == NULL || p == NULL || m == NULL)
		return;
	(void)aliasdb_read(in, "F", true, NULL, collect, p, m, res);
	(void)fclose(in);
	(void)fclose(p);
	(void)fclose(m);
}

static const struct {
	const char *name, *text, *pairs, *msgs;
	long n, longest, bytes;
	int errors;
} texts[] = {
	{ "plain", "a: b\nPostMaster: X\n", "a=b@1;postmaster=X@2;", "",
	    2, 1, 13, 0 },
	{ "continuation keeps white space",
	    "list: a,\n\tb,\n  c\nz: y\n", "list=a,\tb,  c@3;z=y@4;", "",
	    2, 8, 14, 0 },
	{ "backslash continuation", "z: a\\\nb\nw: 1\\\n\t2\n",
	    "z=ab@2;w=1\t2@4;", "", 2, 3, 7, 0 },
	{ "backslash then empty line", "z: a\\\n\nq: r\n", "z=a@2;q=r@3;",
	    "", 2, 1, 4, 0 },
	{ "value keeps trailing blanks", "k  :  v  \n", "k=v  @1;", "",
	    1, 3, 4, 0 },
	{ "missing colon", "nocolon\na: b\n", "a=b@2;",
	    "F: line 1: missing colon\n", 1, 1, 2, 1 },
	{ "missing value", "x:    \ny:\n", "",
	    "F: line 1: x:    ... missing value for alias\n"
	    "F: line 2: y:... missing value for alias\n", 0, 0, 0, 2 },
	{ "an empty name", ": v\n", "", "F: line 1: : v... illegal alias "
	    "name\n", 0, 0, 0, 1 },
	{ "lines starting with space",
	    "  first: x\n  again\na: b\n# c\n  cont of comment\n\n  sp\n"
	    "  sp2\n", "a=b@3;",
	    "F: line 2: Non-continuation line starts with space\n"
	    "F: line 8: Non-continuation line starts with space\n",
	    1, 1, 2, 2 },
	{ "no newline at the end", "a: b\nc: d", "a=b@1;c=d@2;", "",
	    2, 1, 4, 0 },
	{ "CR stays in the value", "a: b\r\n", "a=b\r@1;", "", 1, 2, 3, 0 },
	{ "empty", "", "", "", 0, 0, 0, 0 },
};

static void
test_read(void)
{
	struct aliasdb_result res;
	char *pairs, *msgs;
	size_t i;

	for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		t_begin("aliasdb: read %s", texts[i].name);
		pairs = msgs = NULL;
		memset(&res, 0, sizeof(res));
		read_text(texts[i].text, &pairs, &msgs, &res);
		t_assert_streq(pairs ? pairs : "?", texts[i].pairs);
		t_assert_streq(msgs ? msgs : "?", texts[i].msgs);
		T_EQ(res.ar_naliases, texts[i].n);
		T_EQ(res.ar_longest, texts[i].longest);
		T_EQ(res.ar_bytes, texts[i].bytes);
		T_EQ(res.ar_errors, texts[i].errors);
		free(pairs);
		free(msgs);
		t_end();
	}
}

static void
test_long(void)
{
	struct aliasdb_result res;
	char *text = malloc(20000), *pairs = NULL, *msgs = NULL;
	int n = 0;

	t_require(text != NULL);
	/* "fit: " and 8185 bytes and the newline just fit in 8191 */
	n += snprintf(text + n, 20000 - (size_t)n, "fit: ");
	memset(text + n, 'y', 8185);
	n += 8185;
	n += snprintf(text + n, 20000 - (size_t)n, "\novr: ");
	memset(text + n, 'z', 8186);
	n += 8186;
	(void)snprintf(text + n, 20000 - (size_t)n, "\n  , more\nok: y\n");
	read_text(text, &pairs, &msgs, &res);
	t_assert_streq(msgs ? msgs : "?", "F: line 2: alias line too long\n");
	T_EQ(res.ar_naliases, 2);
	T_EQ(res.ar_longest, 8185);
	t_assert(pairs != NULL && strstr(pairs, "ok=y@3;") != NULL);
	free(pairs);
	free(msgs);
	free(text);
}

static const char *
write_text(const char *name, const char *text)
{
	static char p[8][512];
	static int n;
	char *s = p[n++ % 8];
	FILE *fp;

	(void)snprintf(s, sizeof(p[0]), "%s/%s", t_tmpdir(), name);
	if (text != NULL && (fp = fopen(s, "w")) != NULL) {
		fputs(text, fp);
		(void)fclose(fp);
	}
	return s;
}

/* The stored pairs of PATH.db, "key=value;" in btree order. */
static char *
stored(const char *path, enum sm_db_type type)
{
	struct sm_db_opts o = { 0, SM_DB_NUL_NEVER, 0, 0, 0 };
	char db[600], *out = NULL;
	size_t ol = 0, i;
	const void *k, *v;
	size_t kl, vl;
	FILE *fp;
	SM_DB *h;
	int r;

	(void)snprintf(db, sizeof(db), "%s.db", path);
	if ((h = sm_db_open(db, type, SM_DB_READ, &o, NULL)) == NULL)
		return NULL;
	fp = open_memstream(&out, &ol);
	for (r = sm_db_first(h, &k, &kl, &v, &vl, NULL); r == 1 && fp;
	    r = sm_db_next(h, &k, &kl, &v, &vl, NULL)) {
		for (i = 0; i < kl; i++)
			fputc(((const char *)k)[i] ? ((const char *)k)[i] : '0',
			    fp);
		fputc('=', fp);
		for (i = 0; i < vl; i++)
			fputc(((const char *)v)[i] ? ((const char *)v)[i] : '0',
			    fp);
		fputc(';', fp);
	}
	sm_db_abort(h);
	if (fp != NULL)
		(void)fclose(fp);
	return out;
}

static int
rebuild(const char *spec, char **msgs, struct aliasdb_result *res)
{
	struct aliasdb_spec as;
	const char *why = NULL;
	size_t ml = 0;
	FILE *m = open_memstream(msgs, &ml);
	int rc;

	if (m == NULL || aliasdb_spec_parse(spec, &as, &why) < 0)
		return -2;
	rc = aliasdb_rebuild(&as, NULL, m, res, &why);
	aliasdb_spec_free(&as);
	(void)fclose(m);
	return rc;
}

static void
test_rebuild(void)
{
	const char *f = write_text("aliases", "b: 1\nA: 2\na: 3\nPostmaster: "
	    "root\n");
	struct aliasdb_result res;
	char spec[600], *msgs = NULL, *db;

	(void)snprintf(spec, sizeof(spec), "btree:%s", f);
	T_EQ(rebuild(spec, &msgs, &res), 0);
	t_assert(msgs != NULL && strstr(msgs, ": line 3: a... Warning: "
	    "duplicate alias name a\n") != NULL);
	t_assert(msgs != NULL && strstr(msgs, "aliases: 4 aliases, longest 4 "
	    "bytes, 20 bytes total\n") != NULL);
	free(msgs);
	db = stored(f, SM_DB_BTREE);
	t_assert_streq(db ? db : "?", "@=@;a=3;b=1;postmaster=root;");
	free(db);
	(void)snprintf(spec, sizeof(spec), "btree:-N -A %s", f);
	T_EQ(rebuild(spec, &msgs, &res), 0);
	free(msgs);
	db = stored(f, SM_DB_BTREE);
	t_assert_streq(db ? db : "?",
	    "@0=@0;a0=3,20;b0=10;postmaster0=root0;");
	free(db);
}

static void
test_rebuild_fails(void)
{
	const char *f = write_text("locked", "a: b\n");
	struct aliasdb_result res;
	char spec[600], *msgs = NULL;
	int fd;

	(void)snprintf(spec, sizeof(spec), "hash:%s", write_text("nosuch",
	    NULL));
	T_EQ(rebuild(spec, &msgs, &res), 1);
	t_assert(msgs != NULL && strstr(msgs, "newaliases: cannot open ") !=
	    NULL && strstr(msgs, "nosuch: No such file or directory\n"));
	free(msgs);
	(void)snprintf(spec, sizeof(spec), "hash:-o %s", write_text("nosuch",
	    NULL));
	T_EQ(rebuild(spec, &msgs, &res), 1);
	t_assert_streq(msgs ? msgs : "?", "");
	free(msgs);
	fd = open(f, O_RDWR);
	t_require(fd >= 0);
	t_require(sm_lock(fd, SM_LOCK_FLOCK, SM_LOCK_EX, 0, NULL) == 0);
	(void)snprintf(spec, sizeof(spec), "hash:%s", f);
	T_EQ(rebuild(spec, &msgs, &res), 1);
	t_assert(msgs != NULL && strstr(msgs, "is locked (maybe being "
	    "rebuilt)\n") != NULL);
	free(msgs);
	(void)close(fd);
	T_EQ(rebuild(spec, &msgs, &res), 0);
	free(msgs);
	/* a text file under something that is not a directory */
	(void)snprintf(spec, sizeof(spec), "hash:%s/x", f);
	T_EQ(rebuild(spec, &msgs, &res), 1);
	free(msgs);
}

int
main(void)
{
	test_spec();
	test_read();
	t_run("aliasdb: a logical line of 8192 bytes is too long", test_long);
	t_run("aliasdb: rebuild, duplicates, -N, -A", test_rebuild);
	t_run("aliasdb: missing, optional, locked", test_rebuild_fails);
	return t_done();
}
