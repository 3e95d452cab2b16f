/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * verify.c -- sendmail -bv (see verify.h).
 *
 * Public: verify_run.
 * Runs in the sendmail process started with -bv.
 */
#include "sendmail/verify.h"

#include "sendmail/msg.h"

#include <stdio.h>
#include <sysexits.h>

int
verify_run(char **addrs, int n)
{
	(void)addrs;
	if (n == 0) {
		(void)fputs("Recipient names must be specified\n", msg_out());
		return EX_USAGE;
	}
	return msg_exitstat();
}
