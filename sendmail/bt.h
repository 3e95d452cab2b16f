/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * bt.h -- sendmail -bt: the address test mode.
 *
 * Reads commands from IN and answers on the message stream (msg_out), as
 * sendmail 8.17 does: "RULESETS ADDRESS" runs rulesets over an address,
 * /parse /try /tryflags /sender /map /canon /mx /expand, $x and $=X
 * show macros and classes, .Dx and .Cx set them, =S and =M dump rules
 * and mailers, -dX.Y sets debug flags.  Output is fully buffered and
 * flushed before each read; the prompt is "> ".
 *
 * Runs in the sendmail process started with -bt, with its privileges.
 */
#ifndef TERN_BT_H
#define TERN_BT_H

#include <stdio.h>

/* bt_banner -- the two lines printed before the first prompt. */
void	bt_banner(void);

/*
 * bt_run -- the command loop over IN until end of file.
 * Returns the exit status of the session (msg_exitstat()).
 */
int	bt_run(FILE *in);

/* bt_line -- one command LINE (modified in place). */
void	bt_line(char *line);

#endif
