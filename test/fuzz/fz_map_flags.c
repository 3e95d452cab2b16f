/* SPDX-License-Identifier: BSD-3-Clause */
/* fz_map_flags.c -- K lines (name, class, flags, arguments) through
 * map_kline, then a lookup in each map whose class touches nothing
 * outside the process (no programs, sockets, DNS). */
#include "sendmail/map.h"
#include "sendmail/map_int.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void quiet(int e, const char *t) { (void)e; (void)t; }
static void quiet1(const char *t) { (void)t; }
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct map_hooks hk = { .mh_syserr = quiet,
	    .mh_message = quiet1 };
	static const char safe[] = " regex dequote arith arpa null macro "
	    "user text ";
	const char *args[2] = { "1", "2" }, *why;
	char *buf = malloc(size + 1), *line, *next, *v, cl[32];
	MAP *m;
	int st, n = 0;

	map_init(&hk);
	memcpy(buf, data, size);
	buf[size] = '\0';
	for (line = buf; line != NULL && n++ < 8; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		/* glibc's regcomp blows up on "a+++...+" (trusted cf input) */
		if (strstr(line, "++") != NULL || strstr(line, "**") != NULL)
			continue;
		m = map_kline(line, "fz", n, &why);
		if (m == NULL || m->map_class == NULL)
			continue;
		(void)snprintf(cl, sizeof(cl), " %s ", m->map_class->mc_name);
		if (strstr(safe, cl) != NULL) {
			v = map_lookup(m, "Key@Example.COM", args, 2, &st);
			free(v);
		}
	}
	map_free_all();
	free(buf);
	return 0;
}
