/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * xtext.h -- RFC 3461 section 4 "xtext", the encoding of the DSN
 * parameters ENVID and ORCPT (and of AUTH= in RFC 4954).
 *
 *	sm_xtext_encode sm_xtext_decode sm_xtext_printable
 *
 *	xtext   = *( xchar / hexchar )
 *	xchar   = "!" (33) .. "~" (126) except "+" and "="
 *	hexchar = "+" followed by two upper-case hexadecimal digits
 *
 * Decoding is strict: a byte outside xchar, a "+" without two hex digits,
 * and lower-case hex digits are refused.  SM_XTEXT_LOWERHEX accepts
 * "+2b" too: sendmail 8.17 does (its xtextok() tests isxdigit()), so a
 * server that must take what sendmail took can ask for it.
 *
 * RFC 3461 4.2 and 4.4 want the decoded ORCPT address and ENVID to be
 * printable US-ASCII; sm_xtext_printable() is that test, kept apart so the
 * SMTP server can tell "syntax error" from "not printable".
 *
 * Any process, any privilege.  No state.
 */
#ifndef SM_XTEXT_H
#define SM_XTEXT_H

#include <stddef.h>

#include "str.h"

/* Decoding flags. */
#define SM_XTEXT_LOWERHEX	0x01	/* accept "+2b" as well as "+2B" */

/*
 * sm_xtext_encode -- append the xtext encoding of N bytes at SRC to OUT
 * Bytes outside 33..126, "+" and "=" become "+XX" (upper-case hex).
 * Returns 0, or -1 (errno EMSGSIZE) with OUT unchanged when OUT's maximum
 * would be passed.
 */
int	sm_xtext_encode(SM_STR *out, const void *src, size_t n);

/*
 * sm_xtext_decode -- decode the N characters of xtext at SRC, appending
 * the bytes to OUT
 *	flags: 0 (strict) or SM_XTEXT_LOWERHEX
 *	errp: if not NULL, receives why decoding failed (a static string)
 * Returns 0, or -1 for malformed xtext or output past OUT's maximum; OUT
 * is then unchanged.  The result may hold any byte, NUL included: check
 * it with sm_xtext_printable before it goes into a DSN.
 */
int	sm_xtext_decode(SM_STR *out, const char *src, size_t n, int flags,
	    const char **errp);

/*
 * sm_xtext_printable -- are the N bytes at P all printable US-ASCII
 * (graphic characters and space, 32..126)?  Returns 1 or 0; 1 for N = 0.
 */
int	sm_xtext_printable(const void *p, size_t n);

#endif
