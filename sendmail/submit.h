/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * submit.h -- a message from the command line (sendmail -bm, the default
 * mode, and -t): read it from standard input, queue it, hand it to
 * delivery, as sendmail 8.17 does.
 *
 * Runs in the sendmail process started by a user agent (as that user,
 * with the queue directory writable: set-gid or root, as installed).
 */
#ifndef TERN_SUBMIT_H
#define TERN_SUBMIT_H

#include <stdbool.h>

/* What main.c read from the command line. */
struct submit_args {
	const char *sa_from;	/* -f/-r; NULL: the invoking user */
	const char *sa_fullname;/* -F */
	char	**sa_rcpts;	/* the arguments */
	int	 sa_nrcpts;
	bool	 sa_tflag;	/* -t */
	bool	 sa_ignoredots;	/* -i, -oi */
	bool	 sa_verbose;	/* -v */
	const char *sa_notify;	/* -N */
	const char *sa_ret;	/* -R full|hdrs */
	const char *sa_envid;	/* -V */
	const char *sa_body;	/* -B 7BIT|8BITMIME */
	int	 sa_mode;	/* DeliveryMode letter; 0: the option's */
};

/*
 * submit_stdin -- read one message from FD and queue it for the
 *	recipients of A (the arguments; with -t those of To/Cc/Bcc, minus
 *	the arguments), then deliver per the delivery mode.
 * Returns the exit status as sendmail's: EX_OK; EX_USAGE with "No
 *	recipient addresses found in header" (-t) or "Recipient names must
 *	be specified" on standard error; EX_TEMPFAIL/EX_CANTCREAT when the
 *	queue cannot take it; EX_DATAERR for a message collect refuses.
 * Side effects: a qf/df pair committed; the from= log line; messages
 *	about bad addresses on standard error (the others still get it).
 */
int	submit_stdin(int fd, const struct submit_args *a);

#endif
