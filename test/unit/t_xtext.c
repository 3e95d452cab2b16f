/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * t_xtext.c -- libsm/xtext.c against the grammar of RFC 3461 section 4
 * (xchar is 33..126 but "+" and "="; hexchar is "+" and two upper-case hex
 * digits), the printable test of 4.2/4.4, and the maximum of the output.
 */
#include "libsm/str.h"
#include "libsm/xtext.h"
#include "t.h"

#include <errno.h>
#include <string.h>

static const struct enc {
	const char *name;
	const char *raw;
	size_t rawlen;
	const char *xtext;
} encs[] = {
	{ "empty", "", 0, "" },
	{ "address unchanged", "joe@example.org", 15, "joe@example.org" },
	{ "ORCPT value unchanged", "rfc822;<a.b@c>", 14, "rfc822;<a.b@c>" },
	{ "'+' is encoded", "a+b", 3, "a+2Bb" },
	{ "'=' is encoded", "a=b", 3, "a+3Db" },
	{ "space (32) is encoded", "a b", 3, "a+20b" },
	{ "'!' (33) and '~' (126) are not", "!~", 2, "!~" },
	{ "DEL (127) is encoded", "\x7f", 1, "+7F" },
	{ "HT and CRLF", "\t\r\n", 3, "+09+0D+0A" },
	{ "NUL", "\0", 1, "+00" },
	{ "8-bit bytes, upper-case hex", "\x80\xab\xff", 3, "+80+AB+FF" },
	{ "boundaries", " !~\x7f", 4, "+20!~+7F" },
};

static void
test_encode(void)
{
	const struct enc *e;
	const char *why;
	SM_STR *s;
	size_t i;
	int rc;

	for (i = 0; i < sizeof(encs) / sizeof(encs[0]); i++) {
		e = &encs[i];
		t_begin("xtext: encode %s", e->name);
		s = sm_str_new(0);
		rc = sm_xtext_encode(s, e->raw, e->rawlen);
		t_assert_cmp(rc, ==, 0);
		t_assert_streq(sm_str_data(s), e->xtext);
		/* and back, strictly */
		sm_str_reset(s);
		why = NULL;
		rc = sm_xtext_decode(s, e->xtext, strlen(e->xtext), 0, &why);
		t_assert_cmp(rc, ==, 0);
		t_assert(why == NULL);
		t_assert_memeq(sm_str_data(s), sm_str_len(s), e->raw,
		    e->rawlen);
		sm_str_free(s);
		t_end();
	}
}

#define E_CHAR	"invalid character in xtext"
#define E_HEX	"malformed xtext hexchar"
#define LOWER	SM_XTEXT_LOWERHEX

static const struct dec {
	const char *name;
	const char *in;
	size_t len;
	int flags;
	const char *want;	/* NULL: refused with WHY */
	size_t wantlen;
	const char *why;
} decs[] = {
	{ "hexchar of a plain character", "+41", 3, 0, "A", 1, NULL },
	{ "hexchar in the middle", "a+2Db", 5, 0, "a-b", 3, NULL },
	{ "NUL decodes", "x+00y", 5, 0, "x\0y", 3, NULL },
	{ "lower-case hex refused", "+2b", 3, 0, NULL, 0, E_HEX },
	{ "lower-case hex with LOWERHEX", "+2b", 3, LOWER, "+", 1, NULL },
	{ "mixed case with LOWERHEX", "+fF", 3, LOWER, "\xff", 1, NULL },
	{ "LOWERHEX still refuses 'g'", "+g0", 3, LOWER, NULL, 0, E_HEX },
	{ "'+' at the end", "ab+", 3, 0, NULL, 0, E_HEX },
	{ "'+' and one digit", "ab+2", 4, 0, NULL, 0, E_HEX },
	{ "'+' and a non-hex", "+G0", 3, 0, NULL, 0, E_HEX },
	{ "'+' and a space", "+ 20", 4, 0, NULL, 0, E_HEX },
	{ "'++2B'", "++2B", 4, 0, NULL, 0, E_HEX },
	{ "raw space", "a b", 3, 0, NULL, 0, E_CHAR },
	{ "raw '='", "a=b", 3, 0, NULL, 0, E_CHAR },
	{ "raw HT", "\t", 1, 0, NULL, 0, E_CHAR },
	{ "raw DEL", "a\x7f", 2, 0, NULL, 0, E_CHAR },
	{ "raw 8-bit", "\xc3\xa9", 2, 0, NULL, 0, E_CHAR },
	{ "raw NUL", "a\0b", 3, 0, NULL, 0, E_CHAR },
	{ "raw CRLF", "ab\r\n", 4, 0, NULL, 0, E_CHAR },
};

static void
test_decode(void)
{
	const struct dec *d;
	const char *why;
	SM_STR *s;
	size_t i;
	int rc;

	for (i = 0; i < sizeof(decs) / sizeof(decs[0]); i++) {
		d = &decs[i];
		t_begin("xtext: decode %s", d->name);
		s = sm_str_new(0);
		(void)sm_str_sets(s, "<");
		why = NULL;
		rc = sm_xtext_decode(s, d->in, d->len, d->flags, &why);
		t_assert_cmp(rc, ==, d->want != NULL ? 0 : -1);
		if (d->want != NULL) {
			t_assert_memeq(sm_str_data(s) + 1, sm_str_len(s) - 1,
			    d->want, d->wantlen);
		} else {
			t_assert_streq(why, d->why);
			t_assert_streq(sm_str_data(s), "<");
			t_assert_cmp(sm_str_len(s), ==, 1);
		}
		sm_str_free(s);
		t_end();
	}
}

static const struct pr {
	const char *name;
	const char *in;
	size_t len;
	int ok;
} prs[] = {
	{ "empty", "", 0, 1 },
	{ "letters, digits, marks", "Q1+a.b@c=d", 10, 1 },
	{ "space", "a b", 3, 1 },
	{ "'~' (126)", "~", 1, 1 },
	{ "HT", "a\tb", 3, 0 },
	{ "CR LF", "a\r\n", 3, 0 },
	{ "NUL", "a\0", 2, 0 },
	{ "US (31)", "\x1f", 1, 0 },
	{ "DEL (127)", "\x7f", 1, 0 },
	{ "8-bit", "\x80", 1, 0 },
};

static void
test_printable(void)
{
	const struct pr *p;
	size_t i;

	for (i = 0; i < sizeof(prs) / sizeof(prs[0]); i++) {
		p = &prs[i];
		t_begin("xtext: printable: %s", p->name);
		t_assert_cmp(sm_xtext_printable(p->in, p->len), ==, p->ok);
		t_end();
	}
}

/* What the SMTP server does with ENVID: decode, then refuse a CRLF. */
static void
test_envid(void)
{
	SM_STR *s = sm_str_new(100);
	const char *in = "QQ+2D+0D+0AFrom:x";
	int rc;

	rc = sm_xtext_decode(s, in, strlen(in), 0, NULL);
	t_assert_cmp(rc, ==, 0);
	t_assert_streq(sm_str_data(s), "QQ-\r\nFrom:x");
	t_assert_cmp(sm_xtext_printable(sm_str_data(s), sm_str_len(s)), ==, 0);
	sm_str_reset(s);
	rc = sm_xtext_decode(s, "a+20b", 5, 0, NULL);
	t_assert_cmp(rc, ==, 0);
	t_assert_cmp(sm_xtext_printable(sm_str_data(s), sm_str_len(s)), ==, 1);
	sm_str_free(s);
}

static void
test_max(void)
{
	SM_STR *s = sm_str_new(5);
	const char *why = NULL;
	int rc;

	rc = sm_xtext_encode(s, "a+b", 3);
	t_assert_cmp(rc, ==, 0);
	t_assert_streq(sm_str_data(s), "a+2Bb");
	sm_str_free(s);
	/* a hexchar cut by the maximum is rolled back whole */
	s = sm_str_new(4);
	errno = 0;
	rc = sm_xtext_encode(s, "a+b", 3);
	t_assert_cmp(rc, ==, -1);
	t_assert_cmp(errno, ==, EMSGSIZE);
	t_assert_streq(sm_str_data(s), "");
	t_assert_cmp(sm_str_len(s), ==, 0);
	sm_str_free(s);
	s = sm_str_new(2);
	rc = sm_xtext_decode(s, "a+20b", 5, 0, &why);
	t_assert_cmp(rc, ==, -1);
	t_assert_streq(why, "decoded xtext too long");
	t_assert_streq(sm_str_data(s), "");
	rc = sm_xtext_decode(s, "a+20", 4, 0, NULL);
	t_assert_cmp(rc, ==, 0);
	t_assert_streq(sm_str_data(s), "a ");
	sm_str_free(s);
}

/* Every byte value encodes to xchar or upper-case hexchar and back. */
static void
test_all_bytes(void)
{
	SM_STR *x = sm_str_new(0), *d = sm_str_new(0);
	unsigned char all[256];
	size_t i;
	int ok = 1;

	for (i = 0; i < 256; i++)
		all[i] = (unsigned char)i;
	ok &= sm_xtext_encode(x, all, sizeof(all)) == 0;
	/* 94 xchars, minus '+' and '=', plus 3 bytes each for the rest */
	t_assert_cmp(sm_str_len(x), ==, 92 + 3 * (256 - 92));
	ok &= sm_xtext_printable(sm_str_data(x), sm_str_len(x));
	/* strict decoding also proves the hex digits upper-case */
	ok &= sm_xtext_decode(d, sm_str_data(x), sm_str_len(x), 0, NULL) == 0;
	t_assert(ok);
	t_assert_memeq(sm_str_data(d), sm_str_len(d), all, sizeof(all));
	sm_str_free(x);
	sm_str_free(d);
}

int
main(void)
{
	test_encode();
	test_decode();
	test_printable();
	t_run("xtext: ENVID with CRLF decodes but is not printable",
	    test_envid);
	t_run("xtext: the maximum, for encoding and decoding", test_max);
	t_run("xtext: all 256 byte values round-trip", test_all_bytes);
	return t_done();
}
