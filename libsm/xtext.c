/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * xtext.c -- RFC 3461 xtext encoding and decoding (xtext.h).
 * Any process, any privilege.  No state.
 */
#include "xtext.h"

static const char hexdigits[] = "0123456789ABCDEF";

/* Must byte C be written as "+XX"? */
static int
needs_hex(unsigned char c)
{
	return c < 33 || c > 126 || c == '+' || c == '=';
}

int
sm_xtext_encode(SM_STR *out, const void *src, size_t n)
{
	const unsigned char *s = src;
	size_t old = sm_str_len(out);
	size_t i;
	int rc = 0;

	for (i = 0; i < n && rc == 0; i++) {
		if (!needs_hex(s[i]))
			rc = sm_str_addc(out, s[i]);
		else if ((rc = sm_str_addc(out, '+')) == 0 &&
		    (rc = sm_str_addc(out, hexdigits[s[i] >> 4])) == 0)
			rc = sm_str_addc(out, hexdigits[s[i] & 15]);
	}
	if (rc != 0)
		sm_str_setlen(out, old);
	return rc;
}

/* The value of hex digit C, or -1 (lower case only with LOWERHEX). */
static int
hexval(unsigned char c, int flags)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	if ((flags & SM_XTEXT_LOWERHEX) && c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* Decode one unit at S (N > 0 bytes left) into *BYTE; its length or 0. */
static size_t
unit(const unsigned char *s, size_t n, int flags, int *byte,
    const char **why)
{
	int hi, lo;

	if (s[0] != '+') {
		if (needs_hex(s[0])) {
			*why = "invalid character in xtext";
			return 0;
		}
		*byte = s[0];
		return 1;
	}
	if (n < 3 || (hi = hexval(s[1], flags)) < 0 ||
	    (lo = hexval(s[2], flags)) < 0) {
		*why = "malformed xtext hexchar";
		return 0;
	}
	*byte = hi << 4 | lo;
	return 3;
}

int
sm_xtext_decode(SM_STR *out, const char *src, size_t n, int flags,
    const char **errp)
{
	const unsigned char *s = (const unsigned char *)src;
	size_t old = sm_str_len(out);
	const char *why = NULL;
	size_t i, k;
	int byte = 0;

	for (i = 0; i < n && why == NULL; i += k) {
		k = unit(s + i, n - i, flags, &byte, &why);
		if (k > 0 && sm_str_addc(out, byte) < 0)
			why = "decoded xtext too long";
	}
	if (why != NULL) {
		sm_str_setlen(out, old);
		if (errp != NULL)
			*errp = why;
		return -1;
	}
	return 0;
}

int
sm_xtext_printable(const void *p, size_t n)
{
	const unsigned char *s = p;
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] < 32 || s[i] > 126)
			return 0;
	return 1;
}
