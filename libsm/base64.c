/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * base64.c -- RFC 4648 base64 encoding and strict decoding (base64.h).
 * Any process, any privilege.  No state.
 */
#include "base64.h"

#include <errno.h>
#include <stdint.h>

static const char alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* The 6-bit value of an alphabet character, or -1. */
static int
b64val(unsigned char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '+')
		return 62;
	if (c == '/')
		return 63;
	return -1;
}

size_t
sm_base64_enclen(size_t n)
{
	size_t groups = n / 3 + (n % 3 != 0);

	return groups > SIZE_MAX / 4 ? SIZE_MAX : groups * 4;
}

size_t
sm_base64_declen(size_t n)
{
	return n / 4 * 3;
}

/* Encode N bytes into D, which has room for enclen(N) + 1. */
static void
encode(const unsigned char *s, size_t n, char *d)
{
	uint32_t v;

	for (; n >= 3; n -= 3, s += 3, d += 4) {
		v = (uint32_t)s[0] << 16 | (uint32_t)s[1] << 8 | s[2];
		d[0] = alphabet[v >> 18];
		d[1] = alphabet[(v >> 12) & 63];
		d[2] = alphabet[(v >> 6) & 63];
		d[3] = alphabet[v & 63];
	}
	if (n > 0) {
		v = (uint32_t)s[0] << 16 | (n == 2 ? (uint32_t)s[1] << 8 : 0);
		d[0] = alphabet[v >> 18];
		d[1] = alphabet[(v >> 12) & 63];
		d[2] = n == 2 ? alphabet[(v >> 6) & 63] : '=';
		d[3] = '=';
		d += 4;
	}
	*d = '\0';
}

int
sm_base64_encode(const void *src, size_t n, char *dst, size_t dstsize)
{
	size_t need = sm_base64_enclen(n);

	if (need == SIZE_MAX || need >= dstsize) {
		if (dstsize > 0)
			dst[0] = '\0';
		return -1;
	}
	encode(src, n, dst);
	return 0;
}

int
sm_base64_encode_str(SM_STR *out, const void *src, size_t n)
{
	size_t need = sm_base64_enclen(n);

	if (need == SIZE_MAX) {
		errno = EMSGSIZE;
		return -1;
	}
	if (sm_str_reserve(out, need) < 0)
		return -1;
	encode(src, n, sm_str_data(out) + sm_str_len(out));
	sm_str_setlen(out, sm_str_len(out) + need);
	return 0;
}

/* Decoder state: a quantum of 4 characters being gathered. */
struct dec {
	unsigned char	*out;
	size_t		 size, len;
	uint32_t	 bits;		/* the quantum so far */
	int		 q;		/* characters in the quantum */
	int		 pad;		/* '=' seen */
};

/* Take one non-space character; NULL or why it is wrong. */
static const char *
dec_char(struct dec *d, unsigned char c)
{
	int v = 0;

	if (c == '=') {
		if (d->q < 2)
			return "misplaced base64 padding";
		d->pad++;
	} else if ((v = b64val(c)) < 0) {
		return "invalid base64 character";
	} else if (d->pad > 0) {
		return "base64 data after padding";
	}
	d->bits = d->bits << 6 | (uint32_t)v;
	if (++d->q < 4)
		return NULL;
	/* a full quantum: 3 bytes, less one per '=' */
	if ((d->bits & ((1u << (8 * d->pad)) - 1)) != 0)
		return "non-zero base64 pad bits";
	if ((size_t)(3 - d->pad) > d->size - d->len)
		return "base64 output too long";
	d->out[d->len++] = (unsigned char)(d->bits >> 16);
	if (d->pad < 2)
		d->out[d->len++] = (unsigned char)(d->bits >> 8);
	if (d->pad < 1)
		d->out[d->len++] = (unsigned char)d->bits;
	d->q = 0;
	d->bits = 0;
	return NULL;
}

int
sm_base64_decode(const char *src, size_t n, void *dst, size_t dstsize,
    size_t *outlen, int flags, const char **errp)
{
	struct dec d = { dst, dstsize, 0, 0, 0, 0 };
	const char *why = NULL;
	unsigned char c;
	size_t i;

	for (i = 0; i < n && why == NULL; i++) {
		c = (unsigned char)src[i];
		if ((flags & SM_BASE64_SKIPWS) &&
		    (c == ' ' || c == '\t' || c == '\r' || c == '\n'))
			continue;
		why = dec_char(&d, c);
	}
	if (why == NULL && d.q != 0)
		why = "base64 length not a multiple of 4";
	if (why != NULL) {
		if (errp != NULL)
			*errp = why;
		return -1;
	}
	*outlen = d.len;
	return 0;
}

int
sm_base64_decode_str(SM_STR *out, const char *src, size_t n, int flags,
    const char **errp)
{
	size_t old = sm_str_len(out);
	size_t room = sm_base64_declen(n), len;

	/* white space may make the bound pessimistic: cap it at the max */
	if (room > sm_str_max(out) - old)
		room = sm_str_max(out) - old;
	if (sm_str_reserve(out, room) < 0 ||
	    sm_base64_decode(src, n, sm_str_data(out) + old, room, &len,
	    flags, errp) < 0) {
		sm_str_setlen(out, old);
		return -1;
	}
	sm_str_setlen(out, old + len);
	return 0;
}
