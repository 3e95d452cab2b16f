/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * t_base64.c -- libsm/base64.c against RFC 4648: the section 10 test
 * vectors, the section 9 illustrations, the RFC 4954 AUTH PLAIN example,
 * a few binary vectors checked with coreutils base64(1); then every way
 * strict decoding must refuse input, what SM_BASE64_SKIPWS lets through,
 * and the size limits of both output forms.
 */
#include "libsm/base64.h"
#include "libsm/str.h"
#include "t.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const struct vec {
	const char *name;
	const char *raw;
	size_t rawlen;
	const char *b64;
} vecs[] = {
	/* RFC 4648 section 10 */
	{ "RFC 4648 10: empty", "", 0, "" },
	{ "RFC 4648 10: f", "f", 1, "Zg==" },
	{ "RFC 4648 10: fo", "fo", 2, "Zm8=" },
	{ "RFC 4648 10: foo", "foo", 3, "Zm9v" },
	{ "RFC 4648 10: foob", "foob", 4, "Zm9vYg==" },
	{ "RFC 4648 10: fooba", "fooba", 5, "Zm9vYmE=" },
	{ "RFC 4648 10: foobar", "foobar", 6, "Zm9vYmFy" },
	/* RFC 4648 section 9 */
	{ "RFC 4648 9: 14fb9c03d97e", "\x14\xfb\x9c\x03\xd9\x7e", 6,
	    "FPucA9l+" },
	{ "RFC 4648 9: 14fb9c03d9", "\x14\xfb\x9c\x03\xd9", 5, "FPucA9k=" },
	{ "RFC 4648 9: 14fb9c03", "\x14\xfb\x9c\x03", 4, "FPucAw==" },
	/* RFC 4954 section 4, AUTH PLAIN */
	{ "RFC 4954 4: AUTH PLAIN", "test\0test\0" "1234", 14,
	    "dGVzdAB0ZXN0ADEyMzQ=" },
	/* checked with coreutils base64 */
	{ "one NUL", "\0", 1, "AA==" },
	{ "three NULs", "\0\0\0", 3, "AAAA" },
	{ "five NULs", "\0\0\0\0\0", 5, "AAAAAAA=" },
	{ "ff", "\xff", 1, "/w==" },
	{ "ffff", "\xff\xff", 2, "//8=" },
	{ "ffffff", "\xff\xff\xff", 3, "////" },
	{ "fbff: both + and /", "\xfb\xff", 2, "+/8=" },
	{ "RFC 7617 example", "Aladdin:open sesame", 19,
	    "QWxhZGRpbjpvcGVuIHNlc2FtZQ==" },
};

static void
one_vec(const struct vec *v)
{
	size_t blen = strlen(v->b64), len = 99;
	char enc[64], dec[64];
	SM_STR *s = sm_str_new(0);
	int rc;

	t_assert_cmp(sm_base64_enclen(v->rawlen), ==, blen);
	t_assert_cmp(sm_base64_declen(blen), >=, v->rawlen);
	rc = sm_base64_encode(v->raw, v->rawlen, enc, blen + 1);
	t_assert_cmp(rc, ==, 0);
	t_assert_streq(enc, v->b64);
	rc = sm_base64_encode(v->raw, v->rawlen, enc, blen);
	t_assert_cmp(rc, ==, -1);
	t_assert(blen == 0 || enc[0] == '\0');
	t_assert(sm_base64_encode_str(s, v->raw, v->rawlen) == 0);
	t_assert_memeq(sm_str_data(s), sm_str_len(s), v->b64, blen);
	rc = sm_base64_decode(v->b64, blen, dec, sizeof(dec), &len, 0, NULL);
	t_assert_cmp(rc, ==, 0);
	t_assert_memeq(dec, len, v->raw, v->rawlen);
	rc = sm_base64_decode(v->b64, blen, dec, v->rawlen, &len,
	    SM_BASE64_SKIPWS, NULL);
	t_assert_cmp(rc, ==, 0);
	t_assert_memeq(dec, len, v->raw, v->rawlen);
	sm_str_reset(s);
	t_assert(sm_base64_decode_str(s, v->b64, blen, 0, NULL) == 0);
	t_assert_memeq(sm_str_data(s), sm_str_len(s), v->raw, v->rawlen);
	sm_str_free(s);
}

static void
test_vectors(void)
{
	size_t i;

	for (i = 0; i < sizeof(vecs) / sizeof(vecs[0]); i++) {
		t_begin("base64: %s", vecs[i].name);
		one_vec(&vecs[i]);
		t_end();
	}
}

#define E_CHAR	"invalid base64 character"
#define E_PADAT	"misplaced base64 padding"
#define E_AFTER	"base64 data after padding"
#define E_LEN	"base64 length not a multiple of 4"
#define E_BITS	"non-zero base64 pad bits"
#define E_LONG	"base64 output too long"

static const struct bad {
	const char *name;
	const char *in;
	size_t len;
	int flags;
	const char *why;
} bads[] = {
	{ "3 characters", "Zg=", 3, 0, E_LEN },
	{ "padding left out", "Zg", 2, 0, E_LEN },
	{ "one character", "Z", 1, 0, E_LEN },
	{ "5 characters", "Zm9vY", 5, 0, E_LEN },
	{ "'=' alone", "=", 1, 0, E_PADAT },
	{ "four '='", "====", 4, 0, E_PADAT },
	{ "three '='", "Z===", 4, 0, E_PADAT },
	{ "'=' starting a quantum", "Zm9v=", 5, 0, E_PADAT },
	{ "quantum after padding", "Zg==Zg==", 8, 0, E_AFTER },
	{ "letter after '='", "Zg=a", 4, 0, E_AFTER },
	{ "one byte, pad bits set", "Zh==", 4, 0, E_BITS },
	{ "two bytes, pad bits set", "Zm9=", 4, 0, E_BITS },
	{ "ff with a low bit set", "/x==", 4, 0, E_BITS },
	{ "LF when strict", "Zm9v\n", 5, 0, E_CHAR },
	{ "space when strict", "Zm 9v", 5, 0, E_CHAR },
	{ "CRLF after padding when strict", "Zg==\r\n", 6, 0, E_CHAR },
	{ "'!'", "Zm9v!AAA", 8, 0, E_CHAR },
	{ "'!' when lenient", "Zm9v!AAA", 8, SM_BASE64_SKIPWS, E_CHAR },
	{ "URL alphabet '-'", "Zm-v", 4, 0, E_CHAR },
	{ "URL alphabet '_'", "Zm_v", 4, 0, E_CHAR },
	{ "embedded NUL", "Zm\0v", 4, 0, E_CHAR },
	{ "embedded NUL when lenient", "Zm\0v", 4, SM_BASE64_SKIPWS, E_CHAR },
	{ "8-bit byte", "Zm\xc3\xa9", 4, 0, E_CHAR },
	{ "VT is not skipped", "Zm9v\v", 5, SM_BASE64_SKIPWS, E_CHAR },
	{ "lenient: still needs padding", "Zg\r\n", 4, SM_BASE64_SKIPWS,
	    E_LEN },
	{ "lenient: data after padding", "Zg== Zg==", 9, SM_BASE64_SKIPWS,
	    E_AFTER },
	{ "lenient: pad bits", "Zh==\r\n", 6, SM_BASE64_SKIPWS, E_BITS },
};

static void
test_bad(void)
{
	const struct bad *b;
	unsigned char out[16];
	const char *why;
	size_t i, len;
	SM_STR *s;
	int rc;

	for (i = 0; i < sizeof(bads) / sizeof(bads[0]); i++) {
		b = &bads[i];
		t_begin("base64: refuses %s", b->name);
		why = NULL;
		rc = sm_base64_decode(b->in, b->len, out, sizeof(out), &len,
		    b->flags, &why);
		t_assert_cmp(rc, ==, -1);
		t_assert_streq(why, b->why);
		/* the SM_STR form fails the same way and keeps its data */
		s = sm_str_new(0);
		(void)sm_str_sets(s, "keep");
		why = NULL;
		rc = sm_base64_decode_str(s, b->in, b->len, b->flags, &why);
		t_assert_cmp(rc, ==, -1);
		t_assert_streq(why, b->why);
		t_assert_streq(sm_str_data(s), "keep");
		t_assert_cmp(sm_str_len(s), ==, 4);
		sm_str_free(s);
		t_end();
	}
}

static const struct ws {
	const char *name;
	const char *in;
	const char *want;
} wss[] = {
	{ "CRLF line end", "Zm9v\r\n", "foo" },
	{ "MIME lines", "Zm9v\r\nYmFy\r\n", "foobar" },
	{ "spaces and tabs inside", " Zm 9v\tYm\tFy ", "foobar" },
	{ "space inside the padding", "Zg= =", "f" },
	{ "only white space", " \r\n\t", "" },
	{ "blank lines after the end", "Zg==\r\n\r\n", "f" },
};

static void
test_skipws(void)
{
	const struct ws *w;
	SM_STR *s;
	size_t i;
	int rc;

	for (i = 0; i < sizeof(wss) / sizeof(wss[0]); i++) {
		w = &wss[i];
		t_begin("base64: lenient: %s", w->name);
		s = sm_str_new(0);
		rc = sm_base64_decode_str(s, w->in, strlen(w->in),
		    SM_BASE64_SKIPWS, NULL);
		t_assert_cmp(rc, ==, 0);
		t_assert_streq(sm_str_data(s), w->want);
		rc = sm_base64_decode_str(s, w->in, strlen(w->in), 0, NULL);
		t_assert_cmp(rc, ==, -1);
		t_assert_streq(sm_str_data(s), w->want);
		sm_str_free(s);
		t_end();
	}
}

static void
test_limits(void)
{
	char out[8];
	const char *why = NULL;
	size_t len = 0;
	SM_STR *s;
	int rc;

	rc = sm_base64_decode("Zm9v", 4, out, 2, &len, 0, &why);
	t_assert_cmp(rc, ==, -1);
	t_assert_streq(why, E_LONG);
	rc = sm_base64_decode("Zm9v", 4, out, 3, &len, 0, NULL);
	t_assert_cmp(rc, ==, 0);
	t_assert_cmp(len, ==, 3);
	/* decoding past an SM_STR's maximum */
	s = sm_str_new(5);
	(void)sm_str_sets(s, "ab");
	rc = sm_base64_decode_str(s, "Zm9vYg==", 8, 0, &why);
	t_assert_cmp(rc, ==, -1);
	t_assert_streq(why, E_LONG);
	t_assert_streq(sm_str_data(s), "ab");
	t_assert(sm_base64_decode_str(s, "Zm9v", 4, 0, NULL) == 0);
	t_assert_streq(sm_str_data(s), "abfoo");
	sm_str_free(s);
	/* white space makes the bound pessimistic; the max still fits */
	s = sm_str_new(3);
	rc = sm_base64_decode_str(s, "Zm9v                    \r\n", 26,
	    SM_BASE64_SKIPWS, NULL);
	t_assert_cmp(rc, ==, 0);
	t_assert_streq(sm_str_data(s), "foo");
	sm_str_free(s);
	/* encoding past the maximum */
	s = sm_str_new(8);
	t_assert(sm_base64_encode_str(s, "foobar", 6) == 0);
	t_assert_streq(sm_str_data(s), "Zm9vYmFy");
	sm_str_free(s);
	s = sm_str_new(7);
	(void)sm_str_sets(s, "x");
	errno = 0;
	t_assert(sm_base64_encode_str(s, "foo", 3) == 0);
	t_assert(sm_base64_encode_str(s, "f", 1) == -1);
	t_assert_cmp(errno, ==, EMSGSIZE);
	t_assert_streq(sm_str_data(s), "xZm9v");
	sm_str_free(s);
	t_assert(sm_base64_encode("f", 1, NULL, 0) == -1);
}

static const struct lens {
	size_t n, enc, dec;
} lenss[] = {
	{ 0, 0, 0 }, { 1, 4, 0 }, { 2, 4, 0 }, { 3, 4, 0 }, { 4, 8, 3 },
	{ 5, 8, 3 }, { 6, 8, 3 }, { 7, 12, 3 }, { 8, 12, 6 },
	{ SIZE_MAX / 4 * 3, SIZE_MAX / 4 * 4, SIZE_MAX / 4 * 3 / 4 * 3 },
	{ SIZE_MAX, SIZE_MAX, SIZE_MAX / 4 * 3 },
};

static void
test_lens(void)
{
	size_t i;

	for (i = 0; i < sizeof(lenss) / sizeof(lenss[0]); i++) {
		t_begin("base64: lengths for %zu bytes", lenss[i].n);
		t_assert(sm_base64_enclen(lenss[i].n) == lenss[i].enc);
		t_assert(sm_base64_declen(lenss[i].n) == lenss[i].dec);
		t_end();
	}
}

/* Every 1- and 2-byte input survives encode then strict decode. */
static void
test_roundtrip(void)
{
	unsigned char in[2], out[3];
	char enc[5];
	size_t len;
	unsigned v;
	int ok = 1;

	for (v = 0; v < 65536 + 256; v++) {
		size_t n = v < 256 ? 1 : 2;

		in[0] = (unsigned char)(v & 0xff);
		in[1] = (unsigned char)(v >> 8);
		ok &= sm_base64_encode(in, n, enc, sizeof(enc)) == 0;
		ok &= sm_base64_decode(enc, 4, out, sizeof(out), &len, 0,
		    NULL) == 0;
		ok &= len == n && memcmp(in, out, n) == 0;
	}
	t_assert(ok);
}

int
main(void)
{
	test_vectors();
	test_bad();
	test_skipws();
	t_run("base64: output buffer and maximum limits", test_limits);
	test_lens();
	t_run("base64: every 1- and 2-byte input round-trips", test_roundtrip);
	return t_done();
}
