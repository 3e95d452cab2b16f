/* SPDX-License-Identifier: BSD-3-Clause */
/* fz_aliasdb.c -- any bytes as an aliases file: every alias read has a
 * non-empty folded key and value, the counts add up, never a crash. */
#include "sendmail/aliasdb.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
check(void *ctx, const char *key, const char *paddr, const char *value,
    unsigned lineno)
{
	long *bytes = ctx;
	const char *p;

	if (*key == '\0' || *value == '\0' || paddr == NULL || lineno == 0)
		abort();
	for (p = key; *p != '\0'; p++)
		if (*p >= 'A' && *p <= 'Z')
			abort();
	*bytes += (long)(strlen(key) + strlen(value));
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct aliasdb_result res;
	FILE *in = fmemopen((void *)data, size ? size : 1, "r");
	FILE *msg = fopen("/dev/null", "w");
	long bytes = 0;

	if (in != NULL && msg != NULL) {
		if (size == 0)
			(void)fgetc(in);
		(void)aliasdb_read(in, "fuzz", 1, NULL, check, &bytes, msg, &res);
		if (bytes != res.ar_bytes)
			abort();
	}
	if (in != NULL)
		(void)fclose(in);
	if (msg != NULL)
		(void)fclose(msg);
	return 0;
}
