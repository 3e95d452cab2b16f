/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * main.c -- praliases: print the aliases database (praliases.c does the
 * work; see doc/praliases.8).  Runs as the invoking user.
 */
#include <stdio.h>

#include "praliases/praliases.h"

int
main(int argc, char **argv)
{
	return praliases_run(argc, argv, stdout, stderr);
}
