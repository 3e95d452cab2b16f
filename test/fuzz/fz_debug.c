/* SPDX-License-Identifier: BSD-3-Clause */
/* fz_debug.c -- sm_debug_set on any bytes: it never fails hard, reports
 * through errp exactly when it returns -1, and is idempotent. */
#include "libsm/debug.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned char first[SM_DEBUG_NCAT];
	const char *why = NULL;
	char *spec = malloc(size + 1);
	int r;

	if (spec == NULL)
		return 0;
	memcpy(spec, data, size);
	spec[size] = '\0';
	sm_debug_clear();
	r = sm_debug_set(spec, &why);
	if ((r != 0 && r != -1) || (r == -1) != (why != NULL))
		abort();
	memcpy(first, sm_tTdvect, sizeof(first));
	if (sm_debug_set(spec, NULL) != r ||
	    memcmp(first, sm_tTdvect, sizeof(first)) != 0)
		abort();
	free(spec);
	return 0;
}
