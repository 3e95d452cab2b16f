/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * verify.h -- sendmail -bv: verify addresses (resolve each recipient and
 * say where it would go), printing what sendmail 8.17 prints.
 *
 * Runs in the sendmail process started with -bv.
 */
#ifndef TERN_VERIFY_H
#define TERN_VERIFY_H

/*
 * verify_run -- verify the N addresses at ADDRS (each may hold several,
 *	separated by commas).  Returns the exit status.
 */
int	verify_run(char **addrs, int n);

#endif
