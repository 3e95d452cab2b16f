/* SPDX-License-Identifier: BSD-3-Clause */
/* fz_xtext.c -- strict decode implies LOWERHEX decode and round-trips; any
 * bytes encode to printable xtext without spaces that decodes back. */
#include "libsm/str.h"
#include "libsm/xtext.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
same(const SM_STR *s, const void *p, size_t n)
{
	return sm_str_len(s) == n && memcmp(sm_str_data(s), p, n) == 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	SM_STR *st = sm_str_new(0), *lo = sm_str_new(size / 3 + 1);
	SM_STR *e = sm_str_new(0), *d = sm_str_new(0);
	const char *in = (const char *)data;
	int rl = sm_xtext_decode(lo, in, size, SM_XTEXT_LOWERHEX, NULL);

	if (rl != 0 && sm_str_len(lo) != 0)
		abort();		/* a failure leaves lo unchanged */
	if (sm_xtext_decode(st, in, size, 0, NULL) == 0 &&
	    ((sm_str_len(st) <= sm_str_max(lo) && (rl != 0 ||
	    !same(lo, sm_str_data(st), sm_str_len(st)))) ||
	    sm_xtext_encode(e, sm_str_data(st), sm_str_len(st)) != 0 ||
	    sm_xtext_decode(d, sm_str_data(e), sm_str_len(e), 0, NULL) != 0 ||
	    !same(d, sm_str_data(st), sm_str_len(st))))
		abort();
	sm_str_reset(e);
	sm_str_reset(d);
	if (sm_xtext_encode(e, data, size) != 0 ||
	    !sm_xtext_printable(sm_str_data(e), sm_str_len(e)) ||
	    memchr(sm_str_data(e), ' ', sm_str_len(e)) != NULL ||
	    sm_xtext_decode(d, sm_str_data(e), sm_str_len(e), 0, NULL) != 0 ||
	    !same(d, data, size))
		abort();
	sm_str_free(st);
	sm_str_free(lo);
	sm_str_free(e);
	sm_str_free(d);
	return 0;
}
