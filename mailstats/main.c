/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * main.c -- mailstats: print the mail statistics file (mailstats.c does
 * the work; see doc/mailstats.8).  Runs as the invoking user.
 */
#include <stdio.h>

#include "mailstats/mailstats.h"

int
main(int argc, char **argv)
{
	return mailstats_run(argc, argv, stdout, stderr);
}
