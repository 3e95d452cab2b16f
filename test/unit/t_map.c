/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * t_map.c -- sendmail/map.c and the file-less classes: K line syntax, the
 * generic flags, /map output, the engine's lookup (dequoting, -T, -t,
 * -D, -d60 traces), text, dequote, arith, macro, null, syslog, arpa,
 * user, sequence, switch, regex.  Every expected line was printed by
 * sendmail 8.17.1.9 (Debian) for the same K line and /map command.
 */
#include "sendmail/domain.h"
#include "sendmail/map.h"
#include "sendmail/map_int.h"
#include "t_map_harness.h"

#include <stdint.h>
#include <sysexits.h>
#include <unistd.h>

#define NROWS(r)	(sizeof(r) / sizeof((r)[0]))

static const char *dir;

/* ---- K line syntax ------------------------------------------------------ */

static const struct {
	const char	*line;
	const char	*want;
} kline_rows[] = {
	{ "", "ERR: readcf: config K line: no map name\n" },
	{ " -x", "ERR: readcf: config K line: no map name\n" },
	{ "name", "ERR: readcf: config K line, map name: no map class\n" },
	{ "name -x", "ERR: readcf: config K line, map name: no map class\n" },
	{ "nm2 ", "ERR: readcf: config K line, map nm2: no map class\n" },
	{ "_foo text /x", "ERR: readcf: config K line: no map name\n" },
	{ "foo-x text /x", "ERR: readcf: map foo: class x not available\n" },
	{ "m1 nosuchclass /x",
	    "ERR: readcf: map m1: class nosuchclass not available\n" },
	{ "m2 dbm /x", "ERR: readcf: map m2: class dbm not available\n" },
	{ "m3 cdb /x", "ERR: readcf: map m3: class cdb not available\n" },
	{ "m4 hesiod x", "ERR: readcf: map m4: class hesiod not available\n" },
	{ "m5 bogus", "ERR: readcf: map m5: class bogus not available\n" },
	{ "t text", "No file name for text map t\n" },
	{ "t0 text -o/nonex", "No file name for text map t0\n" },
	{ "mk text -k @D/txt1", "No file name for text map mk\n" },
	{ "mY text -Y @D/txt1", "Illegal option Y map mY\n" },
	{ "mb text -b @D/txt1", "Illegal option b map mb\n" },
	{ "m0 text -0 @D/txt1", "Illegal option 0 map m0\n" },
	{ "ms text -s @D/txt1", "Illegal option s map ms\n" },
	{ "ml text -l @D/txt1", "Illegal option l map ml\n" },
	{ "mn text - @D/txt1", "Illegal option   map mn\n" },
	{ "ok1 text -a -A -D -d5 -f -m -N -O -o -q -S_ -T<T> -t -z: "
	    "@D/txt1", "" },
	{ "sw4 switch", "No file name for switch map sw4\n" },
	{ "st stab", "No file name for stab map st\n" },
	{ "p11 program", "No file name for program map p11\n" },
	{ "mns nis", "No file name for nis map mns\n" },
	{ "mldap ldap /x", "No filter given in map mldap\n" },
	{ "mLDAP LDAP /x", "No filter given in map mLDAP\n" },
	{ "sy3 syslog -x", "Illegal option x map syslog\n" },
	{ "sy4 syslog -L 3", "syslog_map_parseargs: Unknown priority 3\n" },
	{ "sy5 syslog -Lbogus",
	    "syslog_map_parseargs: Unknown priority bogus\n" },
	{ "s5 sequence nosuch",
	    "Sequence map s5: unknown member map nosuch\n" },
	{ "s7 sequence -a!", "Sequence map s7: unknown member map a\n" },
	{ "sq sequence /opt/h6x/vals",
	    "Sequence map sq: unknown member map opt\n"
	    "Sequence map sq: unknown member map h6x\n"
	    "Sequence map sq: unknown member map vals\n" },
	{ "r12 regex (unclosed", "pattern-compile-error: Unmatched ( or \\(\n" },
	{ "r17 regex -s1,2 ^(a)",
	    "field (2) out of range, only 2 substrings in pattern\n" },
	{ "r11 regex -s-1 ^(a)(b)c",
	    "field (-1) out of range, only 3 substrings in pattern\n" },
	{ "dns1 dns -RBOGUS", "dns map dns1: wrong type BOGUS\n"
	    "dns map dns1: missing -R type\n" },
	{ "dns2 dns", "dns map dns2: missing -R type\n" },
	{ "dns3 dns -R BOGUS", "dns map dns3: wrong type BOGUS\n"
	    "dns map dns3: missing -R type\n" },
	{ "dns4 dns -R", "dns map dns4: wrong type \n"
	    "dns map dns4: missing -R type\n" },
	{ "dns5 dns -B -RA", "dns map dns5: missing -R type\n" },
	{ "dns6 dns -R A -a. -T<TMPF>", "" },
	{ "mx1 dequote -x /any/thing", "" },
};

static void
test_kline(void)
{
	const char *lines[2] = { NULL, NULL };
	size_t i;

	for (i = 0; i < NROWS(kline_rows); i++) {
		t_begin("kline: K%s", kline_rows[i].line);
		(void)h_take();
		lines[0] = kline_rows[i].line;
		h_klines(lines, dir);
		t_assert_streq(h_take(), kline_rows[i].want);
		t_end();
	}
}

/* Declarations that fail leave the map absent or "not open". */
static const char *const decl_lines[] = {
	"1abc text @D/vals", "foo.bar text @D/vals", "foo_bar text @D/vals",
	"Long.Name_1 text -v1 @D/vals", "q text@D/vals",
	"r text-o /nonex", "s\ttext\t@D/txt1\textra words here",
	"dup text -v1 @D/vals", "dup text @D/vals", "u text -k1 -v0 -z, -a @D/vals",
	"tnf text", "bad text -Y -v1 @D/vals", "misso hash -o /nonexist/map",
	"rx regex (",
	/* a name declared again keeps what the new line does not set */
	"ra text -v1 @D/vals", "ra text @D/vals", "rb text @D/vals",
	"rb text -v1 @D/vals", "rc text -a! @D/vals", "rc text @D/vals",
	"rd text -o @D/vals", "rd text @D/nonexist", "re regex -a! ^k",
	"re text @D/vals", "rf text -m @D/vals", "rf regex ^k",
	"rg text @D/nonexist", "rg text -v1 @D/vals", "rz text -v1 @D/vals",
	"rz text", "ry text @D/vals", "ry sequence rz", "rv regex -s1 ^(k)",
	"rv regex ^k", "rw text -z: @D/txt2", "rw text @D/txt2",
	"rt text -o @D/nonexist", "rt text @D/nonexist2", "rs syslog -L err",
	"rs text @D/vals", "rs sequence rs", "rs text @D/vals",
	"rs regex ^x", "RS text @D/vals", "rq regex ^a", "rq regex (",
	"rp syslog", "rp syslog -Lbad", "ro text @D/vals", "ro regex (",
	"rn regex ^k", "rn text", "rm regex (", "rm regex ((", NULL
};

static const struct h_row decl_rows[] = {
	{ "1abc k1", "map_lookup: 1abc (k1) returns k1 (0)\n" },
	{ "foo.bar k1", "map_lookup: foo.bar (k1) returns k1 (0)\n" },
	{ "foo_bar k1", "map_lookup: foo_bar (k1) returns k1 (0)\n" },
	{ "foo k1", "Map named \"foo\" not found\n" },
	{ "long.name_1 k1",
	    "map_lookup: long.name_1 (k1) returns val--k1- (0)\n" },
	{ "LONG.NAME_1 k1",
	    "map_lookup: LONG.NAME_1 (k1) returns val--k1- (0)\n" },
	{ "q k1", "text map \"q\": file name must be fully qualified\n"
	    "map_lookup: q (k1) no match (75)\n" },
	{ "q k1", "map_lookup: q (k1) no match (75)\n" },
	{ "r x", "text map \"r\": file name must be fully qualified\n"
	    "map_lookup: r (x) no match (75)\n" },
	{ "s alice", "map_lookup: s (alice) returns alice (0)\n" },
	{ "dup k1", "map_lookup: dup (k1) returns val--k1- (0)\n" },
	{ "ra k1", "map_lookup: ra (k1) returns val--k1- (0)\n" },
	{ "rb k1", "map_lookup: rb (k1) returns val--k1- (0)\n" },
	{ "rc k1", "map_lookup: rc (k1) returns k1! (0)\n" },
	{ "rd k1", "Map named \"rd\" not open\n" },
	{ "re k1", "map_lookup: re (k1) returns k1! (0)\n" },
	{ "rf k1", "map_lookup: rf (k1) returns k1 (0)\n" },
	{ "rg k1", "map_lookup: rg (k1) returns val--k1- (0)\n" },
	{ "rz k1", "map_lookup: rz (k1) returns val--k1- (0)\n" },
	{ "ry k1", "map_lookup: ry (k1) returns val--k1- (0)\n" },
	{ "rv k1", "map_lookup: rv (k1) returns  (0)\n" },
	{ "rw b", "map_lookup: rw (b) no match (68)\n" },
	{ "rw a:b:c:d", "map_lookup: rw (a:b:c:d) no match (68)\n" },
	{ "rt x", "Map named \"rt\" not open\n" },
	{ "RS k1", "map_lookup: RS (k1) returns k1 (0)\n" },
	{ "rq a", "map_lookup: rq (a) returns  (0)\n" },
	{ "rp x", "map_lookup: rp (x) returns  (0)\n" },
	{ "ro k1", "map_lookup: ro (k1) returns k1 (0)\n" },
	{ "rm x", "Map named \"rm\" not open\n" },
	{ "rn k1", "map_lookup: rn (k1) returns  (0)\n" },
	{ "u x", "map_lookup: u (x) no match (68)\n" },
	{ "tnf x", "Map named \"tnf\" not open\n" },
	{ "bad k1", "map_lookup: bad (k1) returns val--k1- (0)\n" },
	{ "misso x", "Map named \"misso\" not open\n" },
	{ "rx x", "Map named \"rx\" not open\n" },
	{ "rx x", "Map named \"rx\" not open\n" },
};

static void
test_decl(void)
{
	(void)h_take();
	h_klines(decl_lines, dir);
	t_begin("decl: messages while declaring");
	t_assert_streq(h_take(), "No file name for text map tnf\n"
	    "Illegal option Y map bad\n"
	    "pattern-compile-error: Unmatched ( or \\(\n"
	    "pattern-compile-error: Unmatched ( or \\(\n"
	    "syslog_map_parseargs: Unknown priority bad\n"
	    "pattern-compile-error: Unmatched ( or \\(\n"
	    "No file name for text map rn\n"
	    "pattern-compile-error: Unmatched ( or \\(\n"
	    "pattern-compile-error: Unmatched ( or \\(\n");
	t_end();
	h_rows("decl", decl_rows, NROWS(decl_rows));
}

/* ---- /map command parsing ---------------------------------------------- */

static const struct h_row btcmd_rows[] = {
	{ "", "Usage: /map mapname key\n" },
	{ "x", "No key specified\n" },
	{ "nosuchmap", "No key specified\n" },
	{ "nosuchmap key", "Map named \"nosuchmap\" not found\n" },
	{ "t1  carol", "map_lookup: t1 ( carol) no match (68)\n" },
	{ "t1\tcarol", "map_lookup: t1 (carol) returns Carol (0)\n" },
	{ "t1 alice extra", "map_lookup: t1 (alice extra) no match (68)\n" },
};

/* ---- text -------------------------------------------------------------- */

static const char *const text_lines[] = {
	"t1 text @D/txt1", "t2 text -z: -k1 -v3 @D/txt2",
	"t3 text -z: -v2 @D/txt2", "t4 text -f @D/txt2",
	"t5 text -z: -f @D/txt2", "t6 text -m @D/txt1",
	"t7 text -a.APP @D/txt1", "t8 text -k 1 -v 0 @D/txt1",
	"x1 text -v1 @D/tx3", "x2 text -v2 @D/tx3", "x3 text -z: -v2 @D/tx3",
	"x4 text -z: -k1 -v0 @D/tx3", "x5 text -v1 -k5 @D/tx3",
	"x6 text -z\\t -v1 @D/tx3", "x7 text -zab -v1 @D/tx3",
	"x10 text -kx -vy @D/tx3", "y1 text -v1 @D/tx4",
	"y2 text -m -v1 @D/tx4", "miss text @D/nonexist", "tdir text @D",
	NULL
};

static const struct h_row text_rows[] = {
	{ "t1 alice", "map_lookup: t1 (alice) returns alice (0)\n" },
	{ "t1 ALICE", "map_lookup: t1 (ALICE) returns alice (0)\n" },
	{ "t1 bob", "map_lookup: t1 (bob) returns bob (0)\n" },
	{ "t1 carol", "map_lookup: t1 (carol) returns Carol (0)\n" },
	{ "t1 key%s", "map_lookup: t1 (key%s) returns key%s (0)\n" },
	{ "t1 sp", "map_lookup: t1 (sp) returns sp (0)\n" },
	{ "t1 dup", "map_lookup: t1 (dup) returns dup (0)\n" },
	{ "t1 nothere", "map_lookup: t1 (nothere) no match (68)\n" },
	{ "t1 #", "map_lookup: t1 (#) no match (68)\n" },
	{ "t2 b", "map_lookup: t2 (b) returns d (0)\n" },
	{ "t2 y", "map_lookup: t2 (y) no match (68)\n" },
	{ "t3 a", "map_lookup: t3 (a) returns c (0)\n" },
	{ "t3 x", "map_lookup: t3 (x) returns z (0)\n" },
	{ "t4 FOO:bar", "map_lookup: t4 (FOO:bar) returns FOO:bar (0)\n" },
	{ "t4 foo:bar", "map_lookup: t4 (foo:bar) returns FOO:bar (0)\n" },
	{ "t5 FOO", "map_lookup: t5 (FOO) returns FOO (0)\n" },
	{ "t5 foo", "map_lookup: t5 (foo) returns FOO (0)\n" },
	{ "t6 alice", "map_lookup: t6 (alice) returns alice (0)\n" },
	{ "t7 alice", "map_lookup: t7 (alice) returns alice.APP (0)\n" },
	{ "t7 nope", "map_lookup: t7 (nope) no match (68)\n" },
	{ "t8 Alice", "map_lookup: t8 (Alice) returns alice (0)\n" },
	{ "x1 lead", "map_lookup: x1 (lead) returns lead (0)\n" },
	{ "x1 k2", "map_lookup: x1 (k2) no match (68)\n" },
	{ "x2 k3", "map_lookup: x2 (k3) returns v3b (0)\n" },
	{ "x3 a", "map_lookup: x3 (a) returns c (0)\n" },
	{ "x4 x", "map_lookup: x4 (x) no match (68)\n" },
	{ "x1 k4", "map_lookup: x1 (k4) returns v4 (0)\n" },
	{ "x1 #k5", "map_lookup: x1 (#k5) no match (68)\n" },
	{ "x1 k6", "map_lookup: x1 (k6) returns k6 (0)\n" },
	{ "x1 k7", "map_lookup: x1 (k7) returns V7\r (0)\n" },
	{ "x1 k8", "map_lookup: x1 (k8) no match (68)\n" },
	{ "x1 end", "map_lookup: x1 (end) returns nl (0)\n" },
	{ "x6 k6", "map_lookup: x6 (k6) no match (68)\n" },
	{ "x7 k6", "map_lookup: x7 (k6) no match (68)\n" },
	{ "x5 k2", "map_lookup: x5 (k2) no match (68)\n" },
	{ "x10 lead", "text map \"x10\", file @D/tx3: -k should specify a "
	    "number, not x\nmap_lookup: x10 (lead) no match (75)\n" },
	{ "x1 a::c:d", "map_lookup: x1 (a::c:d) no match (68)\n" },
	{ "x1 :x:y", "map_lookup: x1 (:x:y) no match (68)\n" },
	{ "x4 c", "map_lookup: x4 (c) no match (68)\n" },
	{ "x3 :", "map_lookup: x3 (:) no match (68)\n" },
	{ "x4 k", "map_lookup: x4 (k) no match (68)\n" },
	{ "y1 #a", "map_lookup: y1 (#a) returns #a (0)\n" },
	{ "y1 #b", "map_lookup: y1 (#b) no match (68)\n" },
	{ "y1 c#d", "map_lookup: y1 (c#d) returns v3 (0)\n" },
	{ "y2 Key", "map_lookup: y2 (Key) returns Key (0)\n" },
	{ "y1 next", "map_lookup: y1 (next) returns v (0)\n" },
	{ "y1 tail", "map_lookup: y1 (tail) no match (68)\n" },
	{ "y1 xxxx", "map_lookup: y1 (xxxx) no match (68)\n" },
	{ "miss x", "text map \"miss\": unsafe map file @D/nonexist@E\n"
	    "map_lookup: miss (x) no match (75)\n" },
	{ "tdir x", "text map \"tdir\": unsafe map file @D\n"
	    "map_lookup: tdir (x) no match (75)\n" },
};

/* The rows mention @D, the fixture dir, and @E, what sendmail adds to
 * "unsafe map file X" for a missing file below an unsafe directory (as
 * /tmp is); compare after substituting them. */
static void
h_rows_d(const char *what, const struct h_row *rows, size_t n)
{
	const char *e = map_dirpath_fine(h_subst("@D/x", dir)) ? "" :
	    ": No such file or directory";
	char want[4096], *at;
	size_t i;

	for (i = 0; i < n; i++) {
		t_begin("%s: /map %s", what, rows[i].args);
		(void)h_take();
		(void)snprintf(want, sizeof(want), "%s",
		    h_subst(rows[i].want, dir));
		if ((at = strstr(want, "@E")) != NULL) {
			memmove(at + strlen(e), at + 2, strlen(at + 2) + 1);
			memcpy(at, e, strlen(e));
		}
		t_assert_streq(h_bt(rows[i].args), want);
		t_end();
	}
}

static void
test_text(void)
{
	(void)h_take();
	h_klines(text_lines, dir);
	t_begin("text: declared quietly");
	t_assert_streq(h_take(), "");
	t_end();
	h_rows_d("text", text_rows, NROWS(text_rows));
	h_rows("btcmd", btcmd_rows, NROWS(btcmd_rows));
}

/* A line longer than the text map's column buffer keeps 256 bytes. */
static void
test_text_long(void)
{
	const char *v;

	(void)h_take();
	v = h_bt("y1 long");
	t_assert_cmp(strlen(v), ==,
	    strlen("map_lookup: y1 (long) returns  (0)\n") + 256);
	t_assert(strncmp(v, "map_lookup: y1 (long) returns xxxx", 34) == 0);
}

/* ---- values: %n and -a ------------------------------------------------- */

static const char *const val_lines[] = {
	"v text -v1 @D/vals", "pt text -m @D/pct", "pr regex -m ^a", NULL
};

static const struct h_row val_rows[] = {
	{ "v k1", "map_lookup: v (k1) returns val--k1- (0)\n" },
	{ "v k2", "map_lookup: v (k2) returns a%b (0)\n" },
	{ "v k3", "map_lookup: v (k3) returns a%sb (0)\n" },
	{ "v k4", "map_lookup: v (k4) returns 100% (0)\n" },
	{ "v k5", "map_lookup: v (k5) returns end (0)\n" },
	{ "v k6", "map_lookup: v (k6) returns a%xb% (0)\n" },
	{ "v k7", "map_lookup: v (k7) returns xk7y (0)\n" },
	{ "v K7", "map_lookup: v (K7) returns xK7y (0)\n" },
	{ "pt a%%b", "map_lookup: pt (a%%b) returns a%%b (0)\n" },
	{ "pt a%1b", "map_lookup: pt (a%1b) returns a%1b (0)\n" },
	{ "pt a%0b", "map_lookup: pt (a%0b) returns a%0b (0)\n" },
	{ "pt ab%", "map_lookup: pt (ab%) returns ab% (0)\n" },
	{ "pr a%%b", "map_lookup: pr (a%%b) returns a%%b (0)\n" },
	{ "pr a%0b", "map_lookup: pr (a%0b) returns a%0b (0)\n" },
};

static void
test_values(void)
{
	const char *args[2] = { "A1", "A2" };
	int st;
	char *v;

	(void)h_take();
	h_klines(val_lines, dir);
	h_rows("values", val_rows, NROWS(val_rows));
	t_begin("values: %%1 %%2 from $@ arguments, %%0 the key");
	v = map_lookup(map_find("v"), "k1", args, 2, &st);
	t_assert_streq(v, "valA1-A2-k1-");
	t_assert_cmp(st, ==, EX_OK);
	free(v);
	v = map_lookup(map_find("v"), "k7", args, 2, &st);
	t_assert_streq(v, "xk7y");
	free(v);
	v = map_lookup(map_find("v"), "zz", args, 2, &st);
	t_assert(v == NULL);
	t_assert_cmp(st, ==, EX_OK);
	t_end();
}

/* ---- dequote ----------------------------------------------------------- */

static const char *const dq_lines[] = {
	"d dequote", "dS dequote -S_", "da dequote -a! -m",
	"dN dequote -N -O -f -k1 /some/file extra", "dX dequote -x",
	"d1 dequote -D -a!", "d2 dequote -a! -S_", "d3 dequote -S_ -a!",
	"d4 dequote -s_", "d5 dequote -a", NULL
};

static const struct h_row dq_rows[] = {
	{ "d \"a\"", "map_lookup: d (\"a\") returns a (0)\n" },
	{ "d \"a b\"", "map_lookup: d (\"a b\") no match (0)\n" },
	{ "d \"\"", "map_lookup: d (\"\") returns  (0)\n" },
	{ "d plain", "map_lookup: d (plain) no match (0)\n" },
	{ "d \"quoted\"", "map_lookup: d (\"quoted\") returns quoted (0)\n" },
	{ "d \"a b\" c", "map_lookup: d (\"a b\" c) no match (0)\n" },
	{ "d a\"b\"c", "map_lookup: d (a\"b\"c) returns abc (0)\n" },
	{ "d \"a\\\\\"b\"", "map_lookup: d (\"a\\\\\"b\") no match (0)\n" },
	{ "d \\\\\"a\\\\\"", "map_lookup: d (\\\\\"a\\\\\") returns "
	    "\\\\a\\\\ (0)\n" },
	{ "d \"<a>\"", "map_lookup: d (\"<a>\") returns <a> (0)\n" },
	{ "d \"a>\"", "map_lookup: d (\"a>\") no match (0)\n" },
	{ "d \"(a\"", "map_lookup: d (\"(a\") no match (0)\n" },
	{ "d (\"a\")", "map_lookup: d ((\"a\")) no match (0)\n" },
	{ "d \"a\"(x)", "map_lookup: d (\"a\"(x)) returns a(x) (0)\n" },
	{ "d (x)\"a\"", "map_lookup: d ((x)\"a\") returns (x)a (0)\n" },
	{ "d \"", "map_lookup: d (\") no match (0)\n" },
	{ "d \"a\tb\"", "map_lookup: d (\"a\tb\") no match (0)\n" },
	{ "d \")\"", "map_lookup: d (\")\") no match (0)\n" },
	{ "d \"\\\\\"", "map_lookup: d (\"\\\\\") returns \\\\ (0)\n" },
	{ "d \"%1\"", "map_lookup: d (\"%1\") returns %1 (0)\n" },
	{ "d \"%0x\"", "map_lookup: d (\"%0x\") returns %0x (0)\n" },
	{ "d \t\"a\"", "map_lookup: d (\t\"a\") no match (0)\n" },
	{ "dS \"a b\"", "map_lookup: dS (\"a b\") returns a_b (0)\n" },
	{ "dS \"a  b\"", "map_lookup: dS (\"a  b\") returns a__b (0)\n" },
	{ "da \"x\"", "map_lookup: da (\"x\") returns x! (0)\n" },
	{ "da x", "map_lookup: da (x) no match (0)\n" },
	{ "dN \"Ab\"", "map_lookup: dN (\"Ab\") returns Ab (0)\n" },
	{ "dX \"a\"", "map_lookup: dX (\"a\") returns a (0)\n" },
	{ "d1 \"a b\"", "map_lookup: d1 (\"a b\") no match (0)\n" },
	{ "d1 \"x\"", "map_lookup: d1 (\"x\") returns x (0)\n" },
	{ "d2 \"a b\"", "map_lookup: d2 (\"a b\") no match (0)\n" },
	{ "d2 \"x\"", "map_lookup: d2 (\"x\") returns x! (0)\n" },
	{ "d3 \"a b\"", "map_lookup: d3 (\"a b\") returns a_b (0)\n" },
	{ "d3 \"x\"", "map_lookup: d3 (\"x\") returns x (0)\n" },
	{ "d4 \"a b\"", "map_lookup: d4 (\"a b\") returns a_b (0)\n" },
	{ "d5 \"x\"", "map_lookup: d5 (\"x\") returns x (0)\n" },
};

static void
test_dequote(void)
{
	(void)h_take();
	h_klines(dq_lines, dir);
	h_rows("dequote", dq_rows, NROWS(dq_rows));
}

/* ---- arith --------------------------------------------------------------- */

static const struct {
	const char	*op, *a, *b;	/* b NULL: one operand; a NULL: none */
	const char	*want;		/* NULL: no match */
	int		st;
} arith_rows[] = {
	{ "+", "1", "2", "3", EX_OK },
	{ "-", "1", "2", "-1", EX_OK },
	{ "*", "3", "4", "12", EX_OK },
	{ "/", "7", "2", "3", EX_OK },
	{ "/", "7", "0", NULL, EX_OK },
	{ "%", "7", "3", "1", EX_OK },
	{ "%", "7", "0", NULL, EX_OK },
	{ "l", "1", "2", "TRUE", EX_OK },
	{ "l", "2", "1", "FALSE", EX_OK },
	{ "=", "2", "2", "TRUE", EX_OK },
	{ "=", "2", "3", "FALSE", EX_OK },
	{ "|", "5", "2", "7", EX_OK },
	{ "&", "6", "3", "2", EX_OK },
	{ "L", "1", "2", NULL, EX_CONFIG },
	{ "x", "1", "2", NULL, EX_CONFIG },
	{ "+", "a", "2", "2", EX_OK },
	{ "+", "1", NULL, NULL, EX_CONFIG },
	{ "+", NULL, NULL, NULL, EX_CONFIG },
	{ "+", "-1", "-2", "-3", EX_OK },
	{ "+", "2147483647", "1", "2147483648", EX_OK },
	{ "+", "1x", "2", "3", EX_OK },
	{ "+", "1", "", "1", EX_OK },
	{ "+", "", "1", "1", EX_OK },
	{ "++", "1", "2", "3", EX_OK },
	{ "-", "0", "2147483648", "-2147483648", EX_OK },
	{ "/", "-7", "2", "-3", EX_OK },
	{ "%", "-7", "2", "-1", EX_OK },
	{ "+", "0x10", "1", "17", EX_OK },
	{ "+", "010", "1", "9", EX_OK },
	{ "+", "+5", "1", "6", EX_OK },
	{ "r", "5", "1", NULL, EX_OK },
	{ "r", "3", "3", "3", EX_OK },
	{ "/", "-9223372036854775808", "-1", "-9223372036854775808", EX_OK },
	{ "*", "9223372036854775807", "2", "-2", EX_OK },
};

static void
test_arith(void)
{
	const char *args[2];
	MAP *m;
	size_t i;
	char *v;
	int st, n;

	(void)h_take();
	m = map_kline("a1 arith", "cf", 1, NULL);
	(void)map_kline("a2 arith -a!", "cf", 2, NULL);
	for (i = 0; i < NROWS(arith_rows); i++) {
		t_begin("arith: %s %s %s", arith_rows[i].op,
		    arith_rows[i].a ? arith_rows[i].a : "-",
		    arith_rows[i].b ? arith_rows[i].b : "-");
		args[0] = arith_rows[i].a;
		args[1] = arith_rows[i].b;
		n = args[0] == NULL ? 0 : args[1] == NULL ? 1 : 2;
		v = map_lookup(m, arith_rows[i].op, args, n, &st);
		t_assert_streq(v, arith_rows[i].want);
		(void)st;
		free(v);
		/* the class status, as /map would show it */
		v = m->map_class->mc_lookup(m, arith_rows[i].op,
		    (const char *const[]){ arith_rows[i].op, args[0],
		    n > 1 ? args[1] : NULL, NULL }, &st);
		t_assert_cmp(st, ==, arith_rows[i].st);
		free(v);
		t_end();
	}
	t_begin("arith: -a is not appended");
	args[0] = "1";
	args[1] = "2";
	v = map_lookup(map_find("a2"), "+", args, 2, &st);
	t_assert_streq(v, "3");
	free(v);
	t_end();
	t_begin("arith: random in range");
	args[0] = "1";
	args[1] = "3";
	for (i = 0; i < 50; i++) {
		v = map_lookup(m, "r", args, 2, &st);
		t_require(v != NULL);
		t_assert(strcmp(v, "1") == 0 || strcmp(v, "2") == 0 ||
		    strcmp(v, "3") == 0);
		free(v);
	}
	t_end();
	h_rows("arith", (const struct h_row[]){
	    { "a1 + 1 2", "map_lookup: a1 (+ 1 2) no match (78)\n" },
	    { "a1", "No key specified\n" } }, 2);
}

/* ---- macro ----------------------------------------------------------------- */

static void
test_macro(void)
{
	const char *args[1] = { "val" };
	MAP *m;
	char *v;
	int st;

	(void)h_take();
	m = map_kline("m macro", "cf", 1, NULL);
	(void)map_kline("ma macro -a!", "cf", 2, NULL);
	t_begin("macro: set with an argument, value empty");
	v = map_lookup(m, "{foo}", args, 1, &st);
	t_assert_streq(v, "");
	t_assert_streq(h_macname, "{foo}");
	t_assert_streq(h_macval, "val");
	t_assert_cmp(h_macset, ==, 1);
	free(v);
	t_end();
	t_begin("macro: cleared without one");
	v = map_lookup(m, "x", NULL, 0, &st);
	t_assert_streq(v, "");
	t_assert_streq(h_macname, "x");
	t_assert_cmp(h_macset, ==, 2);
	free(v);
	t_end();
	t_begin("macro: a bad name is EX_CONFIG");
	t_assert_streq(h_bt("m {ab"), "map_lookup: m ({ab) no match (78)\n");
	t_end();
	h_rows("macro", (const struct h_row[]){
	    { "m x", "map_lookup: m (x) returns  (0)\n" },
	    { "ma y", "map_lookup: ma (y) returns  (0)\n" },
	    { "m ab", "map_lookup: m (ab) returns  (0)\n" } }, 3);
}

/* ---- null, syslog, arpa, user ------------------------------------------ */

static const char *const misc_lines[] = {
	"n null", "n2 null -a!", "sy syslog", "sy2 syslog -L err",
	"sy6 syslog -LERR", "sy7 syslog -D -S_ /some/file more",
	"ar arpa", "ar2 arpa -a!", "u user", "u2 user -v uid",
	"u3 user -v6", "u4 user -vshell -a!", "u5 user -m", "u7 user -vbogus",
	"u8 user -v name", "u10 user -vgid", "u12 user -vdir",
	"u13 user -vUID", "u14 user -vShell", "ud userdb /etc/mail/userdb",
	"nis1 nis mail.aliases", "nis2 nis -o mail.aliases",
	"np nisplus mail_aliases.org_dir", "ld ldap -k uid=%0 -h \"a b\"",
	"ld2 ldap -o -k uid=%0", "st stab @D/al.txt", "st3 stab /nonexist",
	"st4 stab -o /nonexist", "stm stab -m -a! @D/al.txt", NULL
};

static const struct h_row misc_rows[] = {
	{ "n x", "map_lookup: n (x) no match (68)\n" },
	{ "n2 x", "map_lookup: n2 (x) no match (68)\n" },
	{ "sy hello world", "map_lookup: sy (hello world) returns  (0)\n" },
	{ "sy2 x", "map_lookup: sy2 (x) returns  (0)\n" },
	{ "sy6 x", "map_lookup: sy6 (x) returns  (0)\n" },
	{ "sy7 a b", "map_lookup: sy7 (a b) returns  (0)\n" },
	{ "sy4 x", "Map named \"sy4\" not open\n" },
	{ "ar 192.0.2.1", "map_lookup: ar (192.0.2.1) returns 1.2.0.192 (0)\n" },
	{ "ar 2001:db8::1", "map_lookup: ar (2001:db8::1) no match (65)\n" },
	{ "ar x", "map_lookup: ar (x) no match (65)\n" },
	{ "ar IPv6:2001:db8::1", "map_lookup: ar (IPv6:2001:db8::1) returns "
	    "1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2"
	    " (0)\n" },
	{ "ar ipv6:::1", "map_lookup: ar (ipv6:::1) returns "
	    "1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0"
	    " (0)\n" },
	{ "ar IPv6:::ffff:1.2.3.4", "map_lookup: ar (IPv6:::ffff:1.2.3.4) "
	    "returns 4.0.3.0.2.0.1.0.f.f.f.f.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0."
	    "0.0.0.0 (0)\n" },
	{ "ar IPV6:1:2:3:4:5:6:7:8", "map_lookup: ar (IPV6:1:2:3:4:5:6:7:8) "
	    "returns 8.0.0.0.7.0.0.0.6.0.0.0.5.0.0.0.4.0.0.0.3.0.0.0.2.0.0.0."
	    "1.0.0.0 (0)\n" },
	{ "ar 2001:0db8:0000:0000:0000:0000:0000:0001", "map_lookup: ar "
	    "(2001:0db8:0000:0000:0000:0000:0000:0001) no match (65)\n" },
	{ "ar ::1", "map_lookup: ar (::1) no match (65)\n" },
	{ "ar 10.1.2", "map_lookup: ar (10.1.2) no match (65)\n" },
	{ "ar 1.2.3.4.5", "map_lookup: ar (1.2.3.4.5) no match (65)\n" },
	{ "ar 256.1.1.1", "map_lookup: ar (256.1.1.1) no match (65)\n" },
	{ "ar 1.2.3.04", "map_lookup: ar (1.2.3.04) no match (65)\n" },
	{ "ar  1.2.3.4", "map_lookup: ar ( 1.2.3.4) no match (65)\n" },
	{ "ar2 192.0.2.1", "map_lookup: ar2 (192.0.2.1) returns 1.2.0.192! "
	    "(0)\n" },
	{ "u root", "map_lookup: u (root) returns root (0)\n" },
	{ "u ROOT", "map_lookup: u (ROOT) returns root (0)\n" },
	{ "u nosuch-user-h6", "map_lookup: u (nosuch-user-h6) no match "
	    "(67)\n" },
	{ "u 0", "map_lookup: u (0) no match (67)\n" },
	{ "u2 root", "map_lookup: u2 (root) returns 0 (0)\n" },
	{ "u3 root", "User map u3: unknown column name 6\n"
	    "map_lookup: u3 (root) no match (75)\n" },
	{ "u5 root", "map_lookup: u5 (root) returns root (0)\n" },
	{ "u7 root", "User map u7: unknown column name bogus\n"
	    "map_lookup: u7 (root) no match (75)\n" },
	{ "u8 root", "map_lookup: u8 (root) returns root (0)\n" },
	{ "u10 root", "map_lookup: u10 (root) returns 0 (0)\n" },
	{ "u12 root", "map_lookup: u12 (root) returns /root (0)\n" },
	{ "u13 root", "map_lookup: u13 (root) returns 0 (0)\n" },
	{ "ud x", "map_lookup: ud (x) no match (0)\n" },
	{ "nis1 x", "NIS map mail.aliases specified, but NIS not running\n"
	    "map_lookup: nis1 (x) no match (75)\n" },
	{ "nis1 x", "map_lookup: nis1 (x) no match (75)\n" },
	{ "nis2 x", "Map named \"nis2\" not open\n" },
	{ "np x", "map_lookup: np (x) no match (75)\n" },
	{ "ld foo", "ldap_init/ldap_bind failed to a b in map ld\n"
	    "map_lookup: ld (foo) no match (75)\n" },
	{ "ld2 foo", "Map named \"ld2\" not open\n" },
	{ "st root", "map_lookup: st (root) returns alice (0)\n" },
	{ "st BOB", "map_lookup: st (BOB) returns bob@x (0)\n" },
	{ "st nothere", "map_lookup: st (nothere) no match (0)\n" },
	{ "st3 x", "map_lookup: st3 (x) no match (75)\n" },
	{ "st4 x", "Map named \"st4\" not open\n" },
	{ "stm Root", "map_lookup: stm (Root) returns Root! (0)\n" },
};

static void
test_misc(void)
{
	(void)map_kline("sy4 syslog -L 3", "cf", 1, NULL);
	(void)h_take();
	h_klines(misc_lines, dir);
	t_begin("misc: declared quietly");
	t_assert_streq(h_take(), "");
	t_end();
	h_rows("misc", misc_rows, NROWS(misc_rows));
	t_begin("user: the shell column, -a");
	t_assert(strncmp(h_bt("u4 root"), "map_lookup: u4 (root) returns /",
	    31) == 0);
	t_end();
}

/* ---- sequence, switch ---------------------------------------------------- */

static const char *const seq_lines[] = {
	"t1 text @D/txt1", "t2 text -v1 @D/txt1", "miss text @D/nothere",
	"misso text -o @D/nothere", "s1 sequence t1 t2", "s2 sequence t2,t1",
	"s3 sequence miss t1", "s4 sequence misso t2", "s6 sequence",
	"tnf text", "s8 sequence tnf t1", "s9 sequence t2 later",
	"later text -v1 @D/txt1", "sw3 switch hosts", "sw3.files text @D/txt1",
	"sw5 switch nonesuch", "sw6 switch -o nonesuch", "sw7 switch aliases",
	"sw1.text text -v1 @D/txt1", "sw1.nis text @D/txt1", "sw1 switch foo",
	"sw8 switch bar", NULL
};

static const struct h_row seq_rows[] = {
	{ "s1 alice", "map_lookup: s1 (alice) returns alice (0)\n" },
	{ "s2 alice", "map_lookup: s2 (alice) returns Alice (0)\n" },
	{ "s1 zz", "map_lookup: s1 (zz) no match (68)\n" },
	{ "s3 alice", "map_lookup: s3 (alice) text map \"miss\": unsafe map "
	    "file @D/nothere@E\nreturns alice (0)\n" },
	{ "s3 zz", "map_lookup: s3 (zz) no match (75)\n" },
	{ "s4 alice", "map_lookup: s4 (alice) returns Alice (0)\n" },
	{ "s6 alice", "map_lookup: s6 (alice) no match (68)\n" },
	{ "s8 alice", "map_lookup: s8 (alice) returns alice (0)\n" },
	{ "s9 zz", "map_lookup: s9 (zz) no match (68)\n" },
	{ "sw3 alice", "map_lookup: sw3 (alice) returns alice (0)\n" },
	{ "sw5 alice", "map_lookup: sw5 (alice) no match (75)\n" },
	{ "sw6 x", "Map named \"sw6\" not open\n" },
	{ "sw7 alice", "Switch map sw7: unknown member map sw7.files\n"
	    "Switch map sw7: unknown member map sw7.nis\n"
	    "map_lookup: sw7 (alice) no match (68)\n" },
	{ "sw1 alice", "map_lookup: sw1 (alice) returns Alice (0)\n" },
	{ "sw1 carol", "map_lookup: sw1 (carol) returns Carol:Third:col (0)\n" },
	{ "sw8 alice", "Switch map sw8: unknown member map sw8.hash\n"
	    "map_lookup: sw8 (alice) no match (68)\n" },
};

static void
test_seq(void)
{
	(void)h_take();
	h_klines(seq_lines, dir);
	t_begin("sequence: members must exist when declared");
	t_assert_streq(h_take(), "No file name for text map tnf\n"
	    "Sequence map s9: unknown member map later\n");
	t_end();
	h_rows_d("seq", seq_rows, NROWS(seq_rows));
}

/* ---- regex ------------------------------------------------------------- */

static const char *const re_lines[] = {
	"r1 regex ^[a-z]+@example\\.com$", "r2 regex -n ^foo",
	"r3 regex -f ^Foo", "r4 regex -b ^a\\(b*\\)c$",
	"r5 regex -s1 ^([a-z]+)@([a-z.]+)$", "r6 regex -s2,1 ^([a-z]+)@([a-z.]+)$",
	"r7 regex -s1,2 -d+ ^([a-z]+)@([a-z.]+)$", "r8 regex -a.MATCH ^x",
	"r9 regex -m -a! ^x", "r10 regex -s3 ^(a)(b)?(c)?",
	"r11 regex -s1 ^(a)|(b)", "r13 regex", "r14 regex -x foo",
	"r15 regex -s0 ^(ab)c", "r16 regex -s ^(ab)c",
	"r18 regex -n -s1 ^(a)", "r19 regex -d ^x", "r20 regex ^a b$",
	"r22 regex -q ^\"x\"$", "r23 regex -s1,2 -d ^(a)(b)$",
	"q1 regex -s ^(a)(b)c", "q2 regex -s1:2 ^(a)(b)c",
	"q3 regex -s 1 ^(a)(b)c", "q5 regex -d:: -s1,2 ^(a)(b)c",
	"q6 regex -s2,1,2 -d/ ^(a)(b)c", "q7 regex -s1,,2 ^(a)(b)c",
	"q8 regex -s,1 ^(a)(b)c", "q9 regex -s1, ^(a)(b)c",
	"q10 regex -sx ^(a)(b)c", "q13 regex -s1,2 -a! ^(a)(b)c",
	"q14 regex   -n    ^a", "q16 regex -D -t -T<T> -S_ -A -N -O -k1 -v2 "
	"-z: ^a", "q17 regex -s2 ^(a)|(b)", "q18 regex -f -n -b ^A\\(b\\)",
	"q19 regex -s1,2 -dXY ^(a)(b)c", "p1 regex -s1 ^(.*)$",
	"p2 regex -s1,2 ^(a)(b)?c", "sp1 regex -S_ ^a_b$", NULL
};

static const struct h_row re_rows[] = {
	{ "r1 joe@example.com", "map_lookup: r1 (joe@example.com) returns "
	    " (0)\n" },
	{ "r1 JOE@EXAMPLE.COM", "map_lookup: r1 (JOE@EXAMPLE.COM) returns "
	    " (0)\n" },
	{ "r1 joe@example.org", "map_lookup: r1 (joe@example.org) no match "
	    "(0)\n" },
	{ "r2 foobar", "map_lookup: r2 (foobar) no match (0)\n" },
	{ "r2 bar", "map_lookup: r2 (bar) returns  (0)\n" },
	{ "r3 foo", "map_lookup: r3 (foo) no match (0)\n" },
	{ "r3 Foo", "map_lookup: r3 (Foo) returns  (0)\n" },
	{ "r4 abbbc", "map_lookup: r4 (abbbc) returns  (0)\n" },
	{ "r4 ac", "map_lookup: r4 (ac) returns  (0)\n" },
	{ "r5 joe@h.x", "map_lookup: r5 (joe@h.x) returns joe (0)\n" },
	{ "r6 joe@h.x", "map_lookup: r6 (joe@h.x) returns h.x\233joe (0)\n" },
	{ "r7 joe@h.x", "map_lookup: r7 (joe@h.x) returns joe+h.x (0)\n" },
	{ "r8 xyz", "map_lookup: r8 (xyz) returns .MATCH (0)\n" },
	{ "r9 xyz", "map_lookup: r9 (xyz) returns xyz! (0)\n" },
	{ "r10 a", "map_lookup: r10 (a) returns  (0)\n" },
	{ "r10 ac", "map_lookup: r10 (ac) returns c (0)\n" },
	{ "r11 b", "map_lookup: r11 (b) returns  (0)\n" },
	{ "r11 a", "map_lookup: r11 (a) returns a (0)\n" },
	{ "r13 x", "map_lookup: r13 (x) returns  (0)\n" },
	{ "r14 foo", "map_lookup: r14 (foo) returns  (0)\n" },
	{ "r15 abc", "map_lookup: r15 (abc) returns abc (0)\n" },
	{ "r16 abc", "map_lookup: r16 (abc) returns abc\233ab (0)\n" },
	{ "r18 b", "map_lookup: r18 (b) returns  (0)\n" },
	{ "r18 a", "map_lookup: r18 (a) no match (0)\n" },
	{ "r19 x", "map_lookup: r19 (x) returns  (0)\n" },
	{ "r19 ^x", "map_lookup: r19 (^x) no match (0)\n" },
	{ "r20 a b", "map_lookup: r20 (a b) returns  (0)\n" },
	{ "r22 \"x\"", "map_lookup: r22 (\"x\") returns  (0)\n" },
	{ "r23 ab", "map_lookup: r23 (ab) returns ab (0)\n" },
	{ "q1 abc", "map_lookup: q1 (abc) returns abc\233a\233b (0)\n" },
	{ "q2 abc", "map_lookup: q2 (abc) returns a (0)\n" },
	{ "q3 abc", "map_lookup: q3 (abc) no match (0)\n" },
	{ "q5 abc", "map_lookup: q5 (abc) returns a::b (0)\n" },
	{ "q6 abc", "map_lookup: q6 (abc) returns b/a/b (0)\n" },
	{ "q7 abc", "map_lookup: q7 (abc) returns a\233abc\233b (0)\n" },
	{ "q8 abc", "map_lookup: q8 (abc) returns abc\233a (0)\n" },
	{ "q9 abc", "map_lookup: q9 (abc) returns a\233abc (0)\n" },
	{ "q10 abc", "map_lookup: q10 (abc) returns abc (0)\n" },
	{ "q13 abc", "map_lookup: q13 (abc) returns a\233b! (0)\n" },
	{ "q14 b", "map_lookup: q14 (b) returns  (0)\n" },
	{ "q16 a", "map_lookup: q16 (a) returns  (0)\n" },
	{ "q16 a b", "map_lookup: q16 (a b) returns  (0)\n" },
	{ "q17 a", "map_lookup: q17 (a) returns  (0)\n" },
	{ "q18 Ab", "map_lookup: q18 (Ab) no match (0)\n" },
	{ "q18 ab", "map_lookup: q18 (ab) returns  (0)\n" },
	{ "q19 abc", "map_lookup: q19 (abc) returns aXYb (0)\n" },
	{ "p1 a b", "map_lookup: p1 (a b) no match (0)\n" },
	{ "p1 <a", "map_lookup: p1 (<a) no match (0)\n" },
	{ "p1 (a", "map_lookup: p1 ((a) no match (0)\n" },
	{ "p1 \"a", "map_lookup: p1 (\"a) no match (0)\n" },
	{ "p1 a\\\\", "map_lookup: p1 (a\\\\) returns a\\\\ (0)\n" },
	{ "p1 \"a b\"", "map_lookup: p1 (\"a b\") returns \"a b\" (0)\n" },
	{ "p1 <a>", "map_lookup: p1 (<a>) returns <a> (0)\n" },
	{ "p2 ac", "map_lookup: p2 (ac) returns a\233 (0)\n" },
	{ "sp1 a b", "map_lookup: sp1 (a b) no match (0)\n" },
	{ "sp1 a_b", "map_lookup: sp1 (a_b) returns  (0)\n" },
};

static void
test_regex(void)
{
	const char *args[1];
	char *v;
	int st;

	(void)h_take();
	h_klines(re_lines, dir);
	t_begin("regex: declared quietly");
	t_assert_streq(h_take(), "");
	t_end();
	h_rows("regex", re_rows, NROWS(re_rows));
	t_begin("regex: %%1 chooses the substrings at lookup time");
	(void)map_kline("r4s regex -s1 ^(a)(b)$", "cf", 1, NULL);
	args[0] = "2";
	v = map_lookup(map_find("r4s"), "ab", args, 1, &st);
	t_assert_streq(v, "b");
	free(v);
	args[0] = "0";
	v = map_lookup(map_find("r4s"), "ab", args, 1, &st);
	t_assert_streq(v, "ab");
	free(v);
	args[0] = "5";
	v = map_lookup(map_find("r4s"), "ab", args, 1, &st);
	t_assert(v == NULL);
	t_assert_streq(h_take(),
	    "field (5) out of range, only 3 substrings in pattern\n");
	t_end();
	t_begin("regex: -S sets the key's blank substitute");
	t_assert_cmp(map_spacesub(map_find("sp1")), ==, '_');
	t_assert_cmp(map_spacesub(map_find("r1")), ==, 0);
	t_end();
}

/* ---- the engine's lookup --------------------------------------------- */

/* A stand-in for the core's xputs: $| for the CONDELSE byte. */
static void
t_xputs(const char *s)
{
	for (; *s != '\0'; s++)
		if (*s == '\233')
			h_dprint("$|");
		else
			h_dprint((char[]){ *s, '\0' });
}

static void
test_engine(void)
{
	const char *a[2] = { "A1", "A2" };
	char *v;
	int st;

	(void)h_take();
	(void)map_kline("acc hash -T<TMPF> /nonexist", "cf", 1, NULL);
	(void)map_kline("acc2 hash -t -T<TMPF> -a.A /nonexist", "cf", 2, NULL);
	(void)map_kline("acc3 hash /nonexist", "cf", 3, NULL);
	(void)map_kline(h_subst("et text -a.A -T.T @D/txt1", dir), "cf", 4,
	    NULL);
	(void)map_kline(h_subst("eq text -q @D/txt1", dir), "cf", 5, NULL);
	(void)map_kline("ed dequote", "cf", 6, NULL);
	(void)map_kline(h_subst("edef text -D @D/txt1", dir), "cf", 7, NULL);
	(void)h_take();

	t_begin("engine: -T on a map that cannot open, with the trace");
	h_debug = 4;
	v = map_lookup(map_find("acc"), "alice", NULL, 0, &st);
	t_assert_streq(v, "alice<TMPF>");
	t_assert_cmp(st, ==, EX_TEMPFAIL);
	t_assert_streq(h_take(), "hash map \"acc\": missing map file "
	    "/nonexist.db: No such file or directory\n"
	    "map_lookup(acc, alice) => NOT FOUND (75), ad=0\n"
	    "map_lookup(acc, alice) tempfail: errno=0\n"
	    "map_lookup tempfail: returning \"alice<TMPF>\"\n");
	t_assert_cmp(h_lasterr, ==, ENOENT);
	free(v);
	t_end();

	t_begin("engine: -t keeps the status, -a is not added to -T");
	v = map_lookup(map_find("acc2"), "alice<TMPF>", NULL, 0, &st);
	t_assert_streq(v, "alice<TMPF><TMPF>");
	t_assert_cmp(st, ==, EX_OK);
	(void)h_take();
	free(v);
	t_end();

	t_begin("engine: tempfail without -T: no value");
	h_debug = 1;
	v = map_lookup(map_find("acc3"), "x", NULL, 0, &st);
	t_assert(v == NULL);
	t_assert_cmp(st, ==, EX_TEMPFAIL);
	t_assert_streq(h_take(), "hash map \"acc3\": missing map file "
	    "/nonexist.db: No such file or directory\n"
	    "map_lookup(acc3, x) => NOT FOUND (75), ad=0\n"
	    "map_lookup(acc3, x) tempfail: errno=0\n");
	t_end();

	t_begin("engine: the key is dequoted, -a appended, args at 60.5");
	h_debug = 5;
	v = map_lookup(map_find("et"), "\"alice\"", a, 2, &st);
	t_assert_streq(v, "alice.A");
	t_assert_streq(h_take(), "map_lookup(et, alice, %0=alice, %1=A1, "
	    "%2=A2) => alice.A (0), ad=0\n");
	free(v);
	t_end();

	t_begin("engine: backslashes are removed with the quotes");
	h_debug = 1;
	v = map_lookup(map_find("et"), "\\\\x", NULL, 0, &st);
	t_assert(v == NULL);
	t_assert_streq(h_take(),
	    "map_lookup(et, \\x) => NOT FOUND (68), ad=0\n");
	v = map_lookup(map_find("et"), "\"a\\\"b\"", NULL, 0, &st);
	t_assert_streq(h_take(),
	    "map_lookup(et, a\"b) => NOT FOUND (68), ad=0\n");
	t_end();

	t_begin("engine: -q and the dequote class keep quotes");
	v = map_lookup(map_find("eq"), "\"alice\"", NULL, 0, &st);
	t_assert(v == NULL);
	t_assert_streq(h_take(),
	    "map_lookup(eq, \"alice\") => NOT FOUND (68), ad=0\n");
	v = map_lookup(map_find("ed"), "\"a\"", NULL, 0, &st);
	t_assert_streq(v, "a");
	free(v);
	t_assert_streq(h_take(), "map_lookup(ed, \"a\") => a (0), ad=0\n");
	t_end();

	t_begin("engine: -D in defer mode");
	h_defer = 1;
	v = map_lookup(map_find("edef"), "alice", NULL, 0, &st);
	t_assert(v == NULL);
	t_assert_cmp(st, ==, EX_TEMPFAIL);
	t_assert_streq(h_take(), "map_lookup(edef, alice) => DEFERRED\n");
	v = map_lookup(map_find("et"), "alice", NULL, 0, &st);
	t_assert_streq(v, "alice.A");
	free(v);
	h_defer = 0;
	v = map_lookup(map_find("edef"), "alice", NULL, 0, &st);
	t_assert_streq(v, "alice");
	free(v);
	h_debug = 0;
	(void)h_take();
	t_end();

	t_begin("engine: the trace shows the key through mh_dxputs");
	{
		static const struct map_hooks xk = {
			.mh_macro_set = h_macro_set, .mh_syserr = h_syserr,
			.mh_message = h_message, .mh_tTd = h_tTd,
			.mh_dprint = h_dprint, .mh_dxputs = t_xputs,
			.mh_defermode = h_defermode,
		};

		map_init(&xk);
		h_debug = 5;
		v = map_lookup(map_find("et"), "a\233b", NULL, 0, &st);
		t_assert(v == NULL);
		t_assert_streq(h_take(), "map_lookup(et, a$|b, %0=a\233b) => "
		    "NOT FOUND (68), ad=0\n");
		h_debug = 0;
		h_init();
	}
	t_end();

	t_begin("engine: /map calls the class directly (no -T)");
	t_assert_streq(h_bt("acc x"), "map_lookup: acc (x) no match (75)\n");
	t_assert_streq(h_bt("et \"alice\""),
	    "map_lookup: et (\"alice\") no match (68)\n");
	t_end();

	t_begin("engine: an optional map that cannot open gives nothing");
	(void)map_kline("opt hash -o -T<T> /nonexist", "cf", 8, NULL);
	v = map_lookup(map_find("opt"), "x", NULL, 0, &st);
	t_assert(v == NULL);
	t_assert_cmp(st, ==, EX_OK);
	t_assert_streq(h_take(), "");
	t_end();
}

/* ---- maps sendmail declares itself --------------------------------------- */

static void
test_defaults(void)
{
	MAP *m;

	(void)h_take();
	map_host_defaults(10);
	t_begin("defaults: host -a. -D, aliases over aliases.files null");
	m = map_find("host");
	t_require(m != NULL);
	t_assert_streq(m->map_class->mc_name, "host");
	t_assert_streq(m->map_app, ".");
	t_assert((m->map_mflags & MAP_F_DEFER) != 0);
	t_assert_streq(map_find("aliases")->map_class->mc_name, "switch");
	t_assert_streq(map_find("aliases.files")->map_class->mc_name, "null");
	t_assert_streq(h_bt("aliases root"), "map_lookup: aliases (root) NIS "
	    "map mail.aliases specified, but NIS not running\nno match (75)\n");
	t_assert_streq(h_bt("aliases.files root"),
	    "map_lookup: aliases.files (root) no match (68)\n");
	t_end();
	t_begin("defaults: config level 1 has no -a.");
	map_free_all();
	map_host_defaults(1);
	t_assert(map_find("host")->map_app == NULL);
	t_end();
	t_begin("defaults: a declared host map stays");
	map_free_all();
	(void)map_kline("host host -a<OK>", "cf", 1, NULL);
	map_host_defaults(10);
	t_assert_streq(map_find("host")->map_app, "<OK>");
	t_end();
	t_begin("setalias: implicit members in a sequence");
	map_free_all();
	map_setalias(h_subst("@D/nothere, text:@D/txt1,badclass:/x,@D/al.txt",
	    dir));
	t_assert_streq(h_take(), "setalias: unknown alias class badclass\n");
	map_host_defaults(10);
	t_assert_streq(map_find("aliases.files")->map_class->mc_name,
	    "sequence");
	t_assert_streq(map_find("Alias0")->map_class->mc_name, "implicit");
	t_assert_streq(map_find("Alias1")->map_class->mc_name, "text");
	t_assert_streq(h_bt("Alias2 root"), h_subst("WARNING: cannot open "
	    "alias database @D/al.txt; reading text version\n"
	    "map_lookup: Alias2 (root) returns alice (0)\n", dir));
	t_assert_streq(h_bt("aliases alice"), h_subst("map_lookup: aliases "
	    "(alice) WARNING: cannot open alias database @D/nothere; reading "
	    "text version\nreturns alice (0)\n", dir));
	t_end();
}

/* ---- safe files ----------------------------------------------------------- */

static void
test_safefile(void)
{
	const char *why = NULL;
	struct stat st;

	map_set_unsafe_dirpath(0);
	t_begin("safefile: a root-owned path is safe");
	t_assert_cmp(map_safefile("/etc/passwd", MAP_SFF_REGONLY, &why), ==, 0);
	t_end();
	t_begin("safefile: a directory is not a regular file");
	t_assert_cmp(map_safefile("/etc", MAP_SFF_REGONLY, &why), ==, -1);
	t_assert_streq(why, "Not a regular file");
	t_assert_cmp(map_safefile("/etc", 0, &why), ==, 0);
	t_end();
	t_begin("safefile: missing file");
	t_assert_cmp(map_safefile("/etc/nonexistent-h6", 0, &why), ==, -1);
	t_assert_streq(why, "No such file or directory");
	t_end();
	t_begin("safefile: below a world writable directory");
	if (stat("/tmp", &st) == 0 && (st.st_mode & S_IWOTH) != 0) {
		t_assert_cmp(map_safefile("/tmp/x", 0, &why), ==, -1);
		t_assert_streq(why, "World writable directory");
		map_set_unsafe_dirpath(1);
		(void)h_take();
		t_assert_cmp(map_safefile("/tmp", 0, &why), ==, 0);
		t_assert_cmp(map_safefile("/tmp/.", MAP_SFF_ANYDIR, &why), ==,
		    -1);
		t_assert_streq(why, "World writable directory");
	} else
		t_skip("/tmp is not world writable here");
	t_end();
	map_set_unsafe_dirpath(1);
}

/* ---- fixtures -------------------------------------------------------------- */

static void
fixtures(void)
{
	char big[3100];

	(void)h_file(dir, "txt1", "# comment\nalice\tAlice Smith\n"
	    "bob   Bob Jones\tx\nCarol Carol:Third:col\n"
	    "key%s val%1-%2-%0-%3\nsp key  spaced\n\ndup one\ndup two\n", 0644);
	(void)h_file(dir, "txt2", "a:b:c:d\nx:y:z\nFOO:bar\n", 0644);
	(void)h_file(dir, "tx3", "  lead  val1\nk2\nk3 v3a   v3b\na::c:d\n"
	    ":x:y\nk4 v4 #c\n#k5 v5\n k6\tv6\nK7 V7\r\nk8\nend nl", 0644);
	memset(big, 'x', 3000);
	memcpy(big, "long ", 5);
	(void)snprintf(big + 3000, sizeof(big) - 3000, " tail\nnext v\n");
	{
		char tx4[3300];

		(void)snprintf(tx4, sizeof(tx4),
		    " #a v1\n#b v2\nc#d v3\nKEY val\n%s", big);
		(void)h_file(dir, "tx4", tx4, 0644);
	}
	(void)h_file(dir, "vals", "k1 val%1-%2-%0-%3\nk2 a%%b\nk3 a%sb\n"
	    "k4 100%\nk5 %9end\nk6 a%xb%\nk7 x%0y\n", 0644);
	(void)h_file(dir, "pct", "a%%b v\na%1b v\na%0b v\nab% v\n", 0644);
	(void)h_file(dir, "al.txt", "root: alice\nBob: bob@x\n", 0644);
	domain_set_switch_default(h_file(dir, "service.switch", "hosts files\n"
	    "aliases files nis\nfoo text nis\nbar hash\n", 0644));
}

int
main(void)
{
	dir = t_tmpdir();
	h_init();
	fixtures();
	test_kline();
	map_free_all();
	test_decl();
	map_free_all();
	test_text();
	test_text_long();
	map_free_all();
	test_values();
	map_free_all();
	test_dequote();
	test_arith();
	test_macro();
	map_free_all();
	test_misc();
	map_free_all();
	test_seq();
	map_free_all();
	test_regex();
	map_free_all();
	test_engine();
	map_free_all();
	test_defaults();
	map_free_all();
	test_safefile();
	return t_done();
}
