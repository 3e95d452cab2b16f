/* SPDX-License-Identifier: BSD-3-Clause */
/* fz_base64.c -- strict decode takes only canonical text (it re-encodes to
 * the input), lenient agrees; any bytes survive encode -> decode. */
#include "libsm/base64.h"
#include "libsm/str.h"

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
	SM_STR *st = sm_str_new(0), *ws = sm_str_new(size / 2 + 1);
	SM_STR *e = sm_str_new(0), *d = sm_str_new(0);
	const char *in = (const char *)data;
	size_t elen = sm_base64_enclen(size);
	char *buf = malloc(elen + 1);
	int rw = sm_base64_decode_str(ws, in, size, SM_BASE64_SKIPWS, NULL);

	if ((rw != 0 && sm_str_len(ws) != 0) || buf == NULL)
		abort();		/* a failure leaves ws unchanged */
	if (sm_base64_decode_str(st, in, size, 0, NULL) == 0 &&
	    ((sm_str_len(st) <= sm_str_max(ws) && (rw != 0 ||
	    !same(ws, sm_str_data(st), sm_str_len(st)))) ||
	    sm_base64_encode_str(e, sm_str_data(st), sm_str_len(st)) != 0 ||
	    !same(e, in, size)))
		abort();
	sm_str_reset(e);
	if (sm_base64_encode_str(e, data, size) != 0 ||
	    sm_base64_encode(data, size, buf, elen + 1) != 0 ||
	    !same(e, buf, elen) || sm_base64_decode_str(d, sm_str_data(e),
	    sm_str_len(e), 0, NULL) != 0 || !same(d, data, size))
		abort();
	free(buf);
	sm_str_free(st);
	sm_str_free(ws);
	sm_str_free(e);
	sm_str_free(d);
	return 0;
}
