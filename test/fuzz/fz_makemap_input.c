/* SPDX-License-Identifier: BSD-3-Clause */
/* fz_makemap_input.c -- makemap's input reader and line parser on any
 * bytes, under each option (byte 0): every line is at most 1023 bytes,
 * a pair's key and value lie inside it, keys are folded unless -f. */
#include "makemap/makemap.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char seps[] = { '\0', ':', '\t', ' ' };
	struct makemap_syntax sx = { 0, '#', 1, 0 };
	struct makemap_reader mr;
	char buf[MAKEMAP_LINE], *k, *v, *p;
	FILE *in;
	int r;

	if (size < 1 || (in = fmemopen((void *)(data + 1), size - 1 ? size - 1
	    : 1, "r")) == NULL)
		return 0;
	sx.ms_sep = seps[data[0] & 3];
	sx.ms_fold = !(data[0] & 4);
	sx.ms_allowempty = (data[0] & 8) != 0;
	sx.ms_comment = data[0] & 16 ? ';' : '#';
	makemap_reader_init(&mr, in);
	while ((r = makemap_read_line(&mr, buf)) != 0) {
		if (strlen(buf) >= MAKEMAP_LINE || r == 2)
			continue;
		if (makemap_parse_line(buf, &sx, &k, &v) != MAKEMAP_PAIR)
			continue;
		if (k != buf || v < buf || v > buf + MAKEMAP_LINE)
			abort();
		for (p = k; sx.ms_fold && *p != '\0'; p++)
			if (*p >= 'A' && *p <= 'Z')
				abort();
	}
	(void)fclose(in);
	return 0;
}
