/* SPDX-License-Identifier: BSD-3-Clause */
/* fz_stats.c -- any bytes as a statistics file: decoded, posted to (a
 * file holding them gets a count merged or replaced) and printed in every
 * mailstats mode; never a crash, and a good record stays good. */
#include "sendmail/stats.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *dir = getenv("TMPDIR");
	struct stats st, after;
	char path[512];
	FILE *out = fopen("/dev/null", "w");
	int fd, rc;

	rc = stats_decode(data, size, &st, NULL);
	if (rc == STATS_OK && out != NULL) {
		stats_print(out, &st, NULL, STATS_PR_NAMES, 0);
		stats_print(out, &st, NULL, STATS_PR_PROG, 0);
		stats_print_json(out, &st, NULL, 0);
	}
	(void)snprintf(path, sizeof(path), "%s/fz_stats.XXXXXX",
	    dir ? dir : "/tmp");
	if ((fd = mkstemp(path)) >= 0) {
		if (write(fd, data, size) == (ssize_t)size &&
		    stats_update(path, STATS_TO, size ? data[0] % 30 : 0, 1500,
		    NULL) == 0 &&
		    stats_read(fd, &after, NULL) != STATS_OK)
			abort();
		(void)close(fd);
		(void)unlink(path);
	}
	if (out != NULL)
		(void)fclose(out);
	return 0;
}
