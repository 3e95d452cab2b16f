/* SPDX-License-Identifier: BSD-3-Clause */
/* fz_str.c -- a program of SM_STR operations under a maximum (byte 0);
 * after each step s must equal a plain array model. */
#include "libsm/str.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
static char	m[4096];	/* what s must hold (max <= 4081) */

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	SM_STR *s = sm_str_new(size > 0 ? 1 + (size_t)data[0] * 16 : 0);
	size_t i, k, n, mlen = 0;
	const char *a, *p;
	char t[64];
	int op, rc;

	for (i = 1; i + 1 < size; i += 2 + k) {
		op = data[i] % 4, k = data[i + 1] % 40;
		k = k < size - i - 2 ? k : size - i - 2;
		a = (const char *)data + i + 2, p = a, n = k, rc = 0;
		if (op == 0) {		/* printf, modelled by snprintf */
			n = (size_t)snprintf(t, sizeof(t), "%zu:%.*s", k,
			    (int)k, a), p = t;
			rc = sm_str_addf(s, "%zu:%.*s", k, (int)k, a);
		} else if (op == 1) {	/* append a piece of itself */
			p = m + k % (mlen + 1), n = mlen - k % (mlen + 1);
			rc = sm_str_add(s, sm_str_data(s) + (p - m), n);
		} else if (op == 2) {
			sm_str_truncate(s, k * k * 3), n = 0;
			mlen = k * k * 3 < mlen ? k * k * 3 : mlen;
		} else	/* the inline addc path, or a plain append */
			rc = k == 1 ? sm_str_addc(s, *a) : sm_str_add(s, a, k);
		if ((rc == 0) != (mlen + n <= sm_str_max(s)))
			abort();	/* wrong about the maximum */
		memmove(m + mlen, p, rc == 0 ? n : 0);
		mlen += rc == 0 ? n : 0;
		if (sm_str_len(s) != mlen || sm_str_data(s)[mlen] != '\0' ||
		    memcmp(sm_str_data(s), m, mlen) != 0)
			abort();
	}
	sm_str_free(s);
	return 0;
}
