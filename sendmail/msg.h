/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * msg.h -- user-visible error messages and the run's exit status, the way
 * sendmail 8.17 prints them outside SMTP (-bt, -bv, config reading).
 *
 * A message text may begin with an SMTP reply code ("553 ") and an
 * enhanced status code ("5.1.3 "); they choose the form but are not shown.
 * The shown line is
 *	[FILE: line N: ][ADDR... ]TEXT
 * where FILE/N is the config place being read (msg_set_place) and ADDR the
 * address the message is about (msg_set_to), shown only for the reply
 * codes sendmail shows it for (050 250 252 450 550 553).  High bits are
 * stripped from ADDR and TEXT, as sendmail does.
 *
 * The exit status follows sendmail: msg_syserr sets 70 (71 when errno was
 * set) if nothing was set before; msg_setstat keeps the first failure
 * unless the current one is a temporary failure.
 *
 * Global state of the sendmail process (one current "to", one status);
 * runs in every mode.
 */
#ifndef TERN_MSG_H
#define TERN_MSG_H

#include <stdio.h>

#define MSG_MAXSHORTSTR	203	/* sendmail's MAXSHORTSTR */

/* Where messages go (stdout in -bt; default stdout). */
void	msg_set_out(FILE *fp);
FILE	*msg_out(void);

/* The address messages are about; NULL for none.  Returns the old one. */
const char *msg_set_to(const char *to);

/* The config place for "FILE: line N: " prefixes; FILE NULL for none. */
void	msg_set_place(const char *file, int line);

/* msg_place -- the config place set (NULL when none); *LINEP its line. */
const char *msg_place(int *linep);

/*
 * msg_usrerr -- a user error (bad address syntax and the like).
 *	FMT starts with a reply code; the default is "553".  Counts an
 *	error (msg_errors) but leaves the exit status alone.
 */
void	msg_usrerr(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
 * msg_message -- an informational line (sendmail's message(): code 050,
 *	the address shown), not counted as an error.
 */
void	msg_message(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
 * msg_info -- as msg_message, but only while verbose (sendmail's
 *	Verbose: off by default; start_mode turns it on for -bt and -v):
 *	"Transient parse error -- message queued for future delivery",
 *	"HOST: Name server timeout", "x... aliased to y".
 * msg_set_verbose -- turn that on or off; returns the old setting.
 */
void	msg_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int	msg_set_verbose(int on);

/*
 * msg_syserr -- a configuration or system error.  Sets the exit status to
 *	EX_SOFTWARE (or EX_OSERR when errno is non-zero) unless one is set.
 */
void	msg_syserr(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* msg_note -- print TEXT as is, with the config place prefix. */
void	msg_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The run's exit status (sysexits), and sendmail's setstat(). */
void	msg_setstat(int st);
int	msg_exitstat(void);
/* Number of usrerr/syserr messages so far. */
int	msg_errors(void);

/*
 * msg_shorten -- sendmail's shortenstring: S itself when it has at most
 *	M bytes, else its first (M-3)/2 bytes, "...", and its last (M-3)/2
 *	bytes, in a static buffer.
 */
const char *msg_shorten(const char *s, size_t m);

#endif
