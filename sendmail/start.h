/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * start.h -- what every sendmail process does before its mode runs: the
 * predefined macros, this host's names ($j $w $m $k, class w), the
 * built-in mailers and maps, reading the cf and the checks after it.
 *
 * Runs at start, before privileges are given up.
 */
#ifndef TERN_START_H
#define TERN_START_H

#define START_VERSION	"8.17.1.9"	/* $v: the version we answer as */

/*
 * start_init -- the option defaults, the built-in mailers, sendmail's
 *	initmacros plus $v and the host names ($j $w $m $k, class w).
 *	Command-line options are applied after this, before start_config.
 */
void	start_init(void);

/*
 * start_config -- read CFFILE (BTMODE: -bt warnings) and finish the
 *	setup after it.  Returns 0, or -1 when the cf cannot be read.
 */
int	start_config(const char *cffile, int btmode);

/*
 * start_mode -- what sendmail sets once it knows the mode MODE (the
 *	letter after -b): ${opMode}, ${deliveryMode}, $b (now), $i (the
 *	envelope's queue id) and, for -bt, ${addr_type} "e r"; msg.h's
 *	verbose lines on for -bt and -v only.
 */
void	start_mode(int mode);

#endif
