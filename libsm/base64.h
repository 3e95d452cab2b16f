/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * base64.h -- RFC 4648 base64 (section 4 alphabet, '=' padding).
 *
 *	sm_base64_enclen sm_base64_declen
 *	sm_base64_encode sm_base64_encode_str
 *	sm_base64_decode sm_base64_decode_str
 *
 * Used by SMTP AUTH (RFC 4954 challenges and responses), the SASL
 * libraries' glue, and MIME 8-bit to 7-bit conversion.
 *
 * Decoding is strict by default, the canonical form of RFC 4648 section 3:
 * only alphabet characters, a length that is a multiple of 4, at most two
 * '=' and only at the very end, and pad bits that are zero (section 3.5).
 * Anything else is refused, so one text decodes to one value and nothing
 * slips past a comparison.  SM_BASE64_SKIPWS additionally skips SP, HT, CR
 * and LF anywhere (MIME bodies are broken into lines, RFC 2045 6.8; some
 * clients pad SASL lines); every other rule still holds.  Note that RFC
 * 4954's lone "=" (an empty initial response) is protocol, not base64: the
 * caller handles it.
 *
 * Any process, any privilege.  No state.
 */
#ifndef SM_BASE64_H
#define SM_BASE64_H

#include <stddef.h>

#include "str.h"

/* Decoding flags. */
#define SM_BASE64_SKIPWS	0x01	/* skip SP, HT, CR, LF */

/*
 * sm_base64_enclen -- length of the encoding of N bytes (without a NUL):
 * 4 * ceil(N / 3).  SIZE_MAX if that does not fit a size_t.
 */
size_t	sm_base64_enclen(size_t n);

/*
 * sm_base64_declen -- the most bytes N characters can decode to: the
 * output buffer size that sm_base64_decode never finds too small.
 */
size_t	sm_base64_declen(size_t n);

/*
 * sm_base64_encode -- encode N bytes at SRC into DST of DSTSIZE bytes
 * Writes sm_base64_enclen(N) characters and a NUL.
 * Returns 0, or -1 if DSTSIZE is too small (DST then holds "" if
 * DSTSIZE > 0).
 */
int	sm_base64_encode(const void *src, size_t n, char *dst,
	    size_t dstsize);

/*
 * sm_base64_encode_str -- append the encoding of N bytes at SRC to OUT
 * Returns 0, or -1 (errno EMSGSIZE) if OUT's maximum would be passed; OUT
 * is then unchanged.
 */
int	sm_base64_encode_str(SM_STR *out, const void *src, size_t n);

/*
 * sm_base64_decode -- decode N characters at SRC into DST of DSTSIZE bytes
 *	flags: 0 (strict) or SM_BASE64_SKIPWS
 *	outlen: receives the number of bytes decoded (not NUL-terminated)
 *	errp: if not NULL, receives why decoding failed (a static string)
 * Returns 0, or -1 for malformed input or a DST too small (DST contents
 * then unspecified).  sm_base64_declen(N) bytes are always enough.
 */
int	sm_base64_decode(const char *src, size_t n, void *dst, size_t dstsize,
	    size_t *outlen, int flags, const char **errp);

/*
 * sm_base64_decode_str -- decode N characters at SRC, appending to OUT
 * As sm_base64_decode; output past OUT's maximum is an error too
 * ("decoded data too long").  On any failure OUT is unchanged.
 */
int	sm_base64_decode_str(SM_STR *out, const char *src, size_t n,
	    int flags, const char **errp);

#endif
