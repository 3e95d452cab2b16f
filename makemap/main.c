/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * main.c -- makemap: build or dump a sendmail map (makemap.c does the
 * work; see doc/makemap.8).  Runs as the invoking user, usually root.
 */
#include <stdio.h>

#include "makemap/makemap.h"

int
main(int argc, char **argv)
{
	return makemap_run(argc, argv, stdin, stdout, stderr);
}
