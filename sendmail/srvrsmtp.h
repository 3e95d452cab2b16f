/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * srvrsmtp.h -- the SMTP server session (RFC 5321 with ENHANCEDSTATUSCODES,
 * PIPELINING, 8BITMIME, SIZE, DSN, ETRN, DELIVERBY), answering as
 * sendmail 8.17 answers: the same reply codes, enhanced codes and texts,
 * recorded from the real program (test/protocol/data/smtp/).
 *
 *	smtp_serve()	one session on a pair of descriptors
 *	smtp_cmd_find()	which command a line holds
 *	smtp_printable() a client's text made safe to show in a reply
 *	smtp_params()	split ESMTP "KEY=value" parameters
 *	smtp_rscheck()	run a check_* ruleset, turn its verdict into a reply
 *
 * The code is in three files: srvrsmtp.c (the session loop, greeting,
 * HELO/EHLO and the small commands), srvrsmtp_mail.c (MAIL, RCPT and
 * their parameters, the check rulesets), srvrsmtp_data.c (DATA: collect,
 * the queue commit and the hand-over to delivery).
 *
 * Runs in the daemon's child for one connection, or in sendmail -bs;
 * uses the process-wide macros, rulesets and config (one session per
 * process, as in sendmail).
 */
#ifndef TERN_SRVRSMTP_H
#define TERN_SRVRSMTP_H

#include <stdbool.h>
#include <stddef.h>

#include "libsm/str.h"

/* The client of a session (daemon.c fills it; NULL for -bs). */
struct smtp_peer {
	const char *sp_addr;	/* "127.0.0.1", "::1"; NULL for -bs */
	const char *sp_name;	/* resolved name or "[addr]" */
	int	    sp_port;
	int	    sp_family;	/* AF_INET, AF_INET6, AF_UNIX (-bs) */
	const char *sp_daemon;	/* DaemonPortOptions Name=, "MTA" */
	const char *sp_dflags;	/* ${daemon_flags} */
	int	    sp_nconn;	/* concurrent connections (for limits) */
};

/*
 * smtp_serve -- one SMTP session: greeting, commands until QUIT, end of
 *	input, a timeout or a 421.
 * Parameters: infd/outfd the connection (the same socket twice for the
 *	daemon, 0 and 1 for -bs); peer the client, NULL for -bs (the
 *	invoking user on "localhost").
 * Returns an exit status (EX_OK; EX_TEMPFAIL when the queue cannot be
 *	opened, EX_IOERR when the connection broke).
 * Side effects: messages committed to the queue (QueueDirectory) and
 *	handed to deliver_committed per DeliveryMode; log lines; macros
 *	($s $r $_ {client_*} {mail_*} {rcpt_*} ...) set in this process.
 */
int	smtp_serve(int infd, int outfd, const struct smtp_peer *peer);

/* The commands (sendmail's command table, same names). */
enum smtp_cmd {
	SMTP_C_HELO, SMTP_C_EHLO, SMTP_C_MAIL, SMTP_C_RCPT, SMTP_C_DATA,
	SMTP_C_RSET, SMTP_C_VRFY, SMTP_C_EXPN, SMTP_C_HELP, SMTP_C_NOOP,
	SMTP_C_QUIT, SMTP_C_ETRN, SMTP_C_VERB, SMTP_C_SEND, SMTP_C_SOML,
	SMTP_C_SAML, SMTP_C_TURN, SMTP_C_UNKNOWN
};

/*
 * smtp_cmd_find -- the command word of LINE (LEN bytes; any case), as
 *	sendmail reads it: leading blanks skipped, the word ends at a blank
 *	(or the end).  *ARGP gets the argument: the rest with its leading
 *	blanks skipped.
 * Returns the command, SMTP_C_UNKNOWN for anything else.
 */
enum smtp_cmd smtp_cmd_find(const char *line, size_t len, const char **argp);

/*
 * smtp_printable -- the LEN bytes at SRC with the eighth bit cleared (as
 *	sendmail shows them) and what is then not printable ASCII
 *	(0x20-0x7e) left out, into DST (SIZE bytes, cut and always
 *	terminated): a reply never echoes a client's control or 8-bit byte.
 * Returns the length written.
 */
size_t	smtp_printable(char *dst, size_t size, const char *src, size_t len);

/* One ESMTP parameter of MAIL or RCPT. */
struct smtp_param {
	char	*sp_key;	/* "SIZE" as written */
	char	*sp_val;	/* after '=', or NULL: none */
};

/*
 * smtp_params -- split the parameters at P (modified in place: blanks
 *	and '=' become NULs) into V (room for MAX).
 * Returns the count, or -1 when there are more than MAX.
 */
int	smtp_params(char *p, struct smtp_param *v, int max);

/* smtp_rscheck verdicts */
#define SMTP_RS_OK	0	/* go on */
#define SMTP_RS_REJECT	1	/* REPLY holds the reply line */
#define SMTP_RS_DISCARD	2	/* accept, then throw the message away */

/*
 * smtp_rscheck -- sendmail's rscheck: run ruleset RSNAME (absent or empty
 *	means OK) over ARG1, or "ARG1 $| ARG2" when ARG2 is not NULL.  A
 *	result $#error $@ STATUS $: TEXT becomes the reply "CODE STATUS
 *	[WHO... ]TEXT" (CODE from TEXT, else 553/451 by STATUS), WHO shown
 *	for 550/553 (sendmail's rule) when not NULL; $#discard is DISCARD.
 * Returns SMTP_RS_OK, SMTP_RS_REJECT (REPLY set, no line end) or
 *	SMTP_RS_DISCARD.
 */
int	smtp_rscheck(const char *rsname, const char *arg1, const char *arg2,
	    const char *who, SM_STR *reply);

/*
 * smtp_macro -- set the macro called NAME ("s", "{client_addr}") to
 *	VALUE (NULL: undefine), entering a long name when the cf did not.
 */
void	smtp_macro(const char *name, const char *value);

struct queue_file;
struct collect_result;

/*
 * smtp_envelope -- what a new message's qf gets from the collected RES
 *	besides sender, recipients and headers: T (now), P (size,
 *	Precedence:, NRCPTS), F8 for 8-bit data, B from BODY (BODY=/-B
 *	as given when 8-bit data came, else "7BIT", as sendmail 8.17
 *	writes it; NULL: no B line), and the $_ $r $s ${daemon_flags}
 *	macro lines from their current values.  SMTP and submit.c both.
 */
void	smtp_envelope(struct queue_file *qf, const struct collect_result *res,
	    int nrcpts, const char *body);

/*
 * smtp_hdr_macros -- the macros the cf's header templates use, set as
 *	sendmail 8.17 has them when a new message's header is built
 *	(recorded qf files, data/smtp/CASE.real): $g the sender without <>
 *	("" for <>), $x FULLNAME or else the GECOS name of a local sender
 *	found in the password file, $a the message's Posted-Date or Date
 *	(else $b), $t the time as YYYYMMDDhhmm in UTC (Message-Id), $u
 *	the recipient as given when NRCPTS (sendmail's count of accepted
 *	recipients, duplicates included: data/smtp/basic.real has no
 *	"for") is 1 (Received "for"), else none.  Call with $b set; SMTP
 *	and submit.c both.
 */
void	smtp_hdr_macros(const struct queue_file *qf,
	    const struct collect_result *res, const char *fullname,
	    int nrcpts);

/*
 * smtp_rcpt_place -- move the last of the N recipients of QF to where
 *	sendmail 8.17 writes it: R lines ordered by host (none first), in
 *	arrival order within a host (recorded: data/smtp/body8.real, and
 *	-bm).  KEYS[0..N) start with the host up to a \001 and move along.
 */
void	smtp_rcpt_place(struct queue_file *qf, char **keys, size_t n);

/*
 * smtp_log_from -- sendmail's "from=<...>, size=N, class=N, nrcpts=N,
 *	msgid=<...>, bodytype=B, proto=P, daemon=D, relay=R" line for
 *	message QID: BODY the BODY=/-B given (NULL: none), RELAY the
 *	client as $_ shows it ("root@localhost", "host [addr]").
 */
void	smtp_log_from(const char *qid, const struct queue_file *qf,
	    const struct collect_result *res, int nrcpts, const char *body,
	    const char *relay);

#endif
