/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * fz_date.c -- sm_date_parse on arbitrary bytes.  Whatever parses must
 * format (sm_date_format, in the zone it was written in) and parse back to
 * the same instant and zone; a failure must say why.
 */
#include "libsm/date.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sm_date d, again;
	const char *why = NULL;
	char buf[SM_DATE_BUFSIZE];

	if (sm_date_parse((const char *)data, size, &d, &why) < 0) {
		if (why == NULL)
			abort();
		return 0;
	}
	if (sm_date_format(d.d_time, d.d_zone, buf, sizeof(buf)) < 0)
		abort();
	if (sm_date_parse(buf, strlen(buf), &again, &why) < 0 ||
	    again.d_time != d.d_time || again.d_zone != d.d_zone ||
	    again.d_obsolete || again.d_zone_unknown)
		abort();
	return 0;
}
