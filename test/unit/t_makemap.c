/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * t_makemap.c -- makemap/makemap.c and makemap/mapcf.c.
 *
 * Expected values are what the real sendmail 8.17 makemap did with the
 * same input (observed: keys end at white space or -t, values keep
 * trailing blanks and CR, 1023-byte pieces, a NUL before the newline is
 * "line too long", messages and exit statuses below).  The conformance
 * test test/conformance/makemap.sh runs both programs side by side.
 */
#include "makemap/makemap.h"
#include "makemap/mapcf.h"
#include "libsm/db.h"
#include "t.h"

#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>

#define T_EQ(a, b)	t_assert_cmp(a, ==, b)

static const struct {
	const char	*name;
	const char	*line;
	char		sep, comment;
	int		fold, allowempty;
	enum makemap_line want;
	const char	*key, *val;
} rows[] = {
	{ "tab", "Key\tvalue", 0, '#', 1, 0, MAKEMAP_PAIR, "key", "value" },
	{ "spaces kept", "k   a  b  ", 0, '#', 1, 0, MAKEMAP_PAIR, "k",
	    "a  b  " },
	{ "mixed separators", "k \t \tv", 0, '#', 1, 0, MAKEMAP_PAIR, "k", "v" },
	{ "CR stays", "k v\r", 0, '#', 1, 0, MAKEMAP_PAIR, "k", "v\r" },
	{ "-f", "MiXeD v", 0, '#', 0, 0, MAKEMAP_PAIR, "MiXeD", "v" },
	{ "8-bit not folded", "\303\211T\303\251 v", 0, '#', 1, 0,
	    MAKEMAP_PAIR, "\303\211t\303\251", "v" },
	{ "comment", "# x y", 0, '#', 1, 0, MAKEMAP_SKIP, NULL, NULL },
	{ "empty", "", 0, '#', 1, 0, MAKEMAP_SKIP, NULL, NULL },
	{ "-D ;", "; x y", 0, ';', 1, 0, MAKEMAP_SKIP, NULL, NULL },
	{ "-D ; leaves #", "#x y", 0, ';', 1, 0, MAKEMAP_PAIR, "#x", "y" },
	{ "leading space", " k v", 0, '#', 1, 0, MAKEMAP_LEADSPACE, NULL,
	    NULL },
	{ "leading tab", "\tk v", 0, '#', 1, 0, MAKEMAP_LEADSPACE, NULL, NULL },
	{ "no RHS", "k", 0, '#', 1, 0, MAKEMAP_NORHS, "k", NULL },
	{ "no RHS, blanks", "K \t ", 0, '#', 1, 0, MAKEMAP_NORHS, "k", NULL },
	{ "-e", "k", 0, '#', 1, 1, MAKEMAP_PAIR, "k", "" },
	{ "-t :", "A:b: c", ':', '#', 1, 0, MAKEMAP_PAIR, "a", "b: c" },
	{ "-t : runs", "a:::b", ':', '#', 1, 0, MAKEMAP_PAIR, "a", "b" },
	{ "-t : space starts key", " a:b", ':', '#', 1, 0, MAKEMAP_PAIR, " a",
	    "b" },
	{ "-t : no delimiter", "a b", ':', '#', 1, 0, MAKEMAP_NORHS, "a b",
	    NULL },
	{ "-t : empty key", ":v", ':', '#', 1, 0, MAKEMAP_PAIR, "", "v" },
	{ "no comments", "#a b", 0, '\0', 1, 0, MAKEMAP_PAIR, "#a", "b" },
};

static void
test_parse(void)
{
	struct makemap_syntax sx;
	char buf[256], *k, *v;
	size_t i;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		t_begin("makemap: parse %s", rows[i].name);
		memset(&sx, 0, sizeof(sx));
		sx.ms_sep = rows[i].sep;
		sx.ms_comment = rows[i].comment;
		sx.ms_fold = rows[i].fold;
		sx.ms_allowempty = rows[i].allowempty;
		(void)snprintf(buf, sizeof(buf), "%s", rows[i].line);
		k = v = NULL;
		T_EQ(makemap_parse_line(buf, &sx, &k, &v), rows[i].want);
		if (rows[i].key != NULL && k != NULL)
			t_assert_streq(k, rows[i].key);
		if (rows[i].val != NULL && v != NULL)
			t_assert_streq(v, rows[i].val);
		t_end();
	}
}

/* Lines of INPUT (LEN bytes) as makemap_read_line returns them. */
static char *
read_all(const char *input, size_t len)
{
	struct makemap_reader mr;
	char *out = NULL, buf[MAKEMAP_LINE];
	size_t olen = 0;
	FILE *in = fmemopen((void *)input, len, "r"), *o;
	int r;

	if (in == NULL || (o = open_memstream(&out, &olen)) == NULL)
		return NULL;
	makemap_reader_init(&mr, in);
	while ((r = makemap_read_line(&mr, buf)) != 0)
		fprintf(o, "%u:%d:%zu|", mr.mr_lineno, r, strlen(buf));
	(void)fclose(o);
	(void)fclose(in);
	return out;
}

static void
test_read(void)
{
	char big[3000], *got;

	t_begin("makemap: read lines, the last without newline");
	got = read_all("a b\n\nc d", 8);
	t_assert_streq(got ? got : "", "1:1:3|2:1:0|3:1:3|");
	free(got);
	t_end();
	t_begin("makemap: a NUL before the newline is too long");
	got = read_all("a\0b v\nc v\n", 10);
	t_assert_streq(got ? got : "", "1:2:1|2:1:3|");
	free(got);
	t_end();
	t_begin("makemap: 1023 bytes and a newline: too long, then empty");
	memset(big, 'x', sizeof(big));
	big[1023] = '\n';
	got = read_all(big, 1024);
	t_assert_streq(got ? got : "", "1:2:1023|2:1:0|");
	free(got);
	t_end();
	t_begin("makemap: 1022 bytes and a newline fit");
	big[1022] = '\n';
	got = read_all(big, 1023);
	t_assert_streq(got ? got : "", "1:1:1022|");
	free(got);
	t_end();
	t_begin("makemap: 1023 bytes at the end of input: too long");
	got = read_all(big, 1022);
	t_assert_streq(got ? got : "", "1:1:1022|");
	free(got);
	memset(big, 'y', sizeof(big));
	got = read_all(big, 1023);
	t_assert_streq(got ? got : "", "1:2:1023|");
	free(got);
	got = read_all(big, 2100);
	t_assert_streq(got ? got : "", "1:2:1023|2:2:1023|3:1:54|");
	free(got);
	t_end();
	t_begin("makemap: empty input");
	got = read_all("", 0);
	t_assert_streq(got ? got : "x", "");
	free(got);
	t_end();
}

static void
test_kclass(void)
{
	static const struct {
		const char *line, *map;
		int full, want;
		const char *class;
	} k[] = {
		{ "Kaccess hash -T<TMPF> -o /etc/mail/access",
		    "/etc/mail/access", 1, 1, "hash" },
		{ "Kaccess hash -T<TMPF> -o /etc/mail/access",
		    "access", 1, 0, NULL },
		{ "Kaccess hash -T<TMPF> -o /etc/mail/access",
		    "access", 0, 1, "hash" },
		{ "Kmt btree /etc/mail/mailertable.db  ", "mailertable", 0, 1,
		    "btree" },
		{ "Kx hash /etc/mail/xaccess", "access", 0, 0, NULL },
		{ "Kx hash /etc/mail/access", "/etc/mail/access.db", 1, 0,
		    NULL },
		{ "K hash /etc/mail/access", "/etc/mail/access", 1, -1, NULL },
		{ "Kx  /etc/mail/access", "/etc/mail/access", 1, -1, NULL },
		{ "Kx\t hash /etc/mail/access", "/etc/mail/access", 1, 1,
		    "hash" },
		{ "Kx hash", "hash", 1, 1, "hash" },	/* as the real one */
		{ "Kno_space", "x", 1, 0, NULL },
	};
	char line[256], class[64];
	size_t i;

	for (i = 0; i < sizeof(k) / sizeof(k[0]); i++) {
		t_begin("makemap: K line %zu (%s, %s)", i, k[i].map,
		    k[i].full ? "cf" : "CF");
		(void)snprintf(line, sizeof(line), "%s", k[i].line);
		class[0] = '\0';
		T_EQ(mapcf_kclass(line, k[i].map, k[i].full, class,
		    sizeof(class)), k[i].want);
		if (k[i].class != NULL)
			t_assert_streq(class, k[i].class);
		t_end();
	}
}

static const char *
tfile(const char *name, const char *content)
{
	static char p[16][512];
	static int n;
	char *s = p[n++ % 16];
	FILE *fp;

	(void)snprintf(s, sizeof(p[0]), "%s/%s", t_tmpdir(), name);
	if (content != NULL && (fp = fopen(s, "w")) != NULL) {
		fputs(content, fp);
		(void)fclose(fp);
	}
	return s;
}

static void
test_trusted(void)
{
	struct mapcf mc;
	char *err = NULL;
	size_t elen = 0;
	FILE *e = open_memstream(&err, &elen);
	struct passwd *pw = getpwnam("daemon");

	t_require(e != NULL);
	T_EQ(mapcf_read(tfile("t1.cf", "O TrustedUser=1234\n"), NULL, 1, &mc,
	    e), 0);
	T_EQ(mc.mc_trusted, 1234);
	T_EQ(mapcf_read(tfile("t2.cf", "O  TrustedUser=5\nO TrustedUsers=6\n"
	    "Otrusteduser=7\n"), NULL, 1, &mc, e), 0);
	T_EQ(mc.mc_trusted, 0);
	T_EQ(mapcf_read(tfile("t3.cf", "O trusteduser = 42\n"), NULL, 1, &mc,
	    e), 0);
	T_EQ(mc.mc_trusted, 42);
	T_EQ(mapcf_read(tfile("t4.cf", "O TrustedUser=no-such-user-x\n"),
	    NULL, 1, &mc, e), 0);
	T_EQ(mc.mc_trusted, 0);
	if (pw != NULL) {
		T_EQ(mapcf_read(tfile("t5.cf", "O TrustedUser=daemon\n"), NULL,
		    1, &mc, e), 0);
		T_EQ(mc.mc_trusted, pw->pw_uid);
	}
	T_EQ(mapcf_read(tfile("none.cf", NULL), NULL, 1, &mc, e), EX_NOINPUT);
	(void)fclose(e);
	t_assert(strstr(err, "TrustedUser: unknown user no-such-user-x\n") !=
	    NULL);
	t_assert(strstr(err, "none.cf: No such file or directory\n") != NULL);
	free(err);
}

/* Run makemap with INPUT; returns the status, *outp / *errp the output. */
static int
mm(const char *input, char **outp, char **errp, int argc, ...)
{
	char *argv[20], *out = NULL, *err = NULL;
	size_t ol = 0, el = 0;
	va_list ap;
	FILE *in, *o, *e;
	int i, rc;

	va_start(ap, argc);
	argv[0] = (char *)"makemap";
	for (i = 1; i <= argc && i < 19; i++)
		argv[i] = va_arg(ap, char *);
	va_end(ap);
	argv[i] = NULL;
	in = fmemopen((void *)input, strlen(input) + 1 > 1 ?
	    strlen(input) : 1, "r");
	o = open_memstream(&out, &ol);
	e = open_memstream(&err, &el);
	if (in == NULL || o == NULL || e == NULL)
		return -1;
	if (*input == '\0')
		(void)fgetc(in);
	rc = makemap_run(i, argv, in, o, e);
	(void)fclose(in);
	(void)fclose(o);
	(void)fclose(e);
	*outp = out;
	*errp = err;
	return rc;
}

static void
test_run(void)
{
	const char *cf = tfile("empty.cf", "");
	const char *map = tfile("m", NULL);
	char *out, *err, dbp[600];
	struct stat sb;

	(void)snprintf(dbp, sizeof(dbp), "%s.db", map);
	T_EQ(mm("A v1\na v2\n k x\nnorhs\n", &out, &err, 4, "-C", cf, "hash",
	    map), EX_DATAERR);
	t_assert(strstr(err, ": line 2: key a: duplicate key\n") != NULL);
	t_assert(strstr(err, ": line 3: syntax error (leading space)\n") !=
	    NULL);
	t_assert(strstr(err, ": line 4: no RHS for LHS norhs\n") != NULL);
	free(out), free(err);
	t_require(stat(dbp, &sb) == 0);
	T_EQ(sb.st_mode & 07777, 0640);
	T_EQ(mm("", &out, &err, 5, "-C", cf, "-u", "hash", map), EX_OK);
	t_assert_streq(out, "a\tv1\n");
	free(out), free(err);
	T_EQ(mm("b 2\n", &out, &err, 6, "-C", cf, "-o", "-v", "hash", map),
	    EX_OK);
	t_assert_streq(out, "key=`b', val=`2'\n");
	free(out), free(err);
	T_EQ(mm("", &out, &err, 7, "-C", cf, "-u", "-t", "|", "hash", map),
	    EX_OK);
	t_assert(strstr(out, "a|v1\n") != NULL && strstr(out, "b|2\n") != NULL);
	free(out), free(err);
	T_EQ(mm("", &out, &err, 5, "-C", cf, "-u", "btree", map), EX_CANTCREAT);
	t_assert(strstr(err, "error opening type btree map") != NULL);
	t_assert(strstr(err, ": Invalid argument\n") != NULL);
	free(out), free(err);
	T_EQ(mm("", &out, &err, 4, "-C", cf, "gdbm", map), EX_CANTCREAT);
	t_assert(strstr(err, ": Unknown database type\n") != NULL);
	free(out), free(err);
	T_EQ(mm("", &out, &err, 4, "-C", cf, "cdb", map), EX_CANTCREAT);
	t_assert_streq(err, "makemap: Need to recompile with -DCDB for cdb "
	    "support\n");
	free(out), free(err);
	T_EQ(mm("", &out, &err, 1, "-l"), EX_OK);
	t_assert_streq(out, "hash\nbtree\nimplicit\n");
	free(out), free(err);
	T_EQ(mm("", &out, &err, 1, "hash"), EX_USAGE);
	t_assert(strncmp(err, "Usage: makemap [-C cffile] [-N]", 31) == 0);
	free(out), free(err);
	T_EQ(mm("", &out, &err, 4, "-C", cf, "cf", map), EX_DATAERR);
	t_assert(strstr(err, ": not found in ") != NULL);
	free(out), free(err);
}

int
main(void)
{
	test_parse();
	test_read();
	test_kclass();
	t_run("makemap: TrustedUser from the cf", test_trusted);
	t_run("makemap: the program, messages and statuses", test_run);
	return t_done();
}
