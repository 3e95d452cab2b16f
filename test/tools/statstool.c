/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * statstool.c -- write statistics files through sendmail/stats.c, for
 * test/conformance/mailstats.sh (what Tern writes, the real mailstats
 * must print).
 *
 *	statstool init FILE ITIME                  a fresh, zeroed record
 *	statstool mark FILE KIND MAILER BYTES [N]  stats_update N times
 *	    KIND: from to reject discard quarantine connfrom connto
 *
 * Exit 0, 1 (stats_update failed: message on stderr), 64 (usage).
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "sendmail/stats.h"

static const char *const kinds[] = { "from", "to", "reject", "discard",
	"quarantine", "connfrom", "connto" };

static int
init(const char *file, const char *itime)
{
	struct stats st;
	int fd = open(file, O_WRONLY | O_CREAT | O_TRUNC, 0644);

	stats_init(&st, (time_t)strtoll(itime, NULL, 10));
	if (fd < 0 || write(fd, &st, sizeof(st)) != (ssize_t)sizeof(st)) {
		perror(file);
		return 1;
	}
	return close(fd) == 0 ? 0 : 1;
}

static int
mark(int argc, char **argv)
{
	const char *why = NULL;
	long n = argc > 6 ? strtol(argv[6], NULL, 10) : 1;
	size_t k;

	for (k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++)
		if (strcmp(argv[3], kinds[k]) == 0)
			break;
	if (k == sizeof(kinds) / sizeof(kinds[0]))
		return EX_USAGE;
	while (n-- > 0)
		if (stats_update(argv[2], (enum stats_kind)k,
		    atoi(argv[4]), strtoll(argv[5], NULL, 10), &why) < 0) {
			fprintf(stderr, "statstool: %s: %s\n", argv[2], why);
			return 1;
		}
	return 0;
}

int
main(int argc, char **argv)
{
	if (argc == 4 && strcmp(argv[1], "init") == 0)
		return init(argv[2], argv[3]);
	if ((argc == 6 || argc == 7) && strcmp(argv[1], "mark") == 0)
		return mark(argc, argv);
	fputs("usage: statstool init FILE ITIME | mark FILE KIND MAILER BYTES"
	    " [N]\n", stderr);
	return EX_USAGE;
}
