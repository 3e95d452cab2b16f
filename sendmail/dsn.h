/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * dsn.h -- delivery status notifications: the bounce, delay warning or
 * success report sendmail 8.17 sends, as an RFC 3464 multipart/report
 * (a text part, message/delivery-status, then message/rfc822 or
 * text/rfc822-headers for RET=HDRS).
 *
 *	dsn_build	compose the DSN for a message and some recipients
 *
 * The layout (headers, part order, boundary, status fields) follows a
 * bounce recorded from sendmail 8.17.1.9 (test/unit/t_dsn.c); the words
 * of the human-readable part are Tern's own except the section lines
 * people and programs match ("----- The following addresses had
 * permanent fatal errors -----", "----- Transcript of session follows
 * -----") and the Subject lines.
 *
 * Runs in the delivery process (queue runner or the SMTP child after
 * DATA) as the daemon's user; reads the process's macros ($j, $i).
 */
#ifndef TERN_DSN_H
#define TERN_DSN_H

#include <stddef.h>
#include <time.h>

#include "libsm/str.h"
#include "sendmail/queue.h"

/* One recipient of the report.  Every field but dr_addr may be NULL. */
struct dsn_rcpt {
	const char	*dr_addr;	/* the recipient (its R line address) */
	const char	*dr_orcpt;	/* ORCPT= ("rfc822;a@b") */
	const char	*dr_status;	/* "5.1.1"; NULL: by kind */
	const char	*dr_action;	/* "failed"; NULL: by kind */
	const char	*dr_diag;	/* "550 5.1.1 User unknown" */
	const char	*dr_mta;	/* the remote MTA; NULL: local */
	time_t		 dr_last;	/* last attempt; 0: now */
	const char	*dr_code;	/* the Diagnostic-Code when it is not
					 * dr_diag: what a mailer that speaks
					 * no SMTP gave, its exit code "67"
					 * (sendmail's q_rstatus); NULL:
					 * dr_diag */
	const char	*dr_expfrom;	/* the address it was expanded from as
					 * given (its R line), for the text's
					 * "(expanded from: ...)"; NULL: the
					 * final recipient */
};

enum dsn_kind { DSN_FAILED, DSN_DELAYED, DSN_SUCCESS };

/*
 * dsn_build -- compose the DSN of KIND about message ORIG (queue id
 *	ORIGID, its df open for reading on DFD) for recipients R[0..N).
 *	OUT (a new queue_file_new()) gets the envelope and headers: sender
 *	MAILER-DAEMON (what sendmail 8.17 writes in a bounce's S line),
 *	flags QUEUE_F_RESPONSE (and QUEUE_F_NOBODYRET for a receipt or
 *	a RET=HDRS message: those return the header only), one recipient
 *	-- ORIG's sender as its S line has it ("<a@b>"), or "postmaster"
 *	when ORIG is itself a DSN or has the null sender --
 *	and the H lines (the cf templates plus To, MIME-Version,
 *	Content-Type, Subject, Auto-Submitted).  The body goes to OUTFD.
 *	The caller sets macro $i to the DSN's own queue id first (the
 *	boundary and Message-Id use it), and $j.
 * Returns 0, or -1 with WHY (NULL allowed) and errno when the df cannot
 *	be read or OUTFD written.
 * Side effects: changes and restores macros $g $x $u $s $_ $r $a $b $t.
 */
int	dsn_build(const struct queue_file *orig, const char *origid, int dfd,
	    const struct dsn_rcpt *r, size_t n, enum dsn_kind kind,
	    struct queue_file *out, int outfd, SM_STR *why);

/*
 * dsn_build_final -- dsn_build where recipient R[i] came from alias
 *	expansion of FINAL[i] (FINAL NULL, or an element NULL: not
 *	expanded): Final-Recipient names FINAL[i] (the qf's r line "RFC822;
 *	a@b" will do), X-Actual-Recipient R[i].dr_addr, and the text part
 *	says "(expanded from: FINAL[i])", as sendmail 8.17 reports it.
 */
int	dsn_build_final(const struct queue_file *orig, const char *origid,
	    int dfd, const struct dsn_rcpt *r, const char *const *final,
	    size_t n, enum dsn_kind kind, struct queue_file *out, int outfd,
	    SM_STR *why);

/*
 * dsn_build_xscript -- dsn_build_final with the transcript of the
 *	delivery attempt XSCRIPT (lines ending in LF; NULL: none) as the
 *	text part's "Transcript of session follows" section, as sendmail
 *	8.17 returns its xf file: the mailers' output and the error lines
 *	("550 5.1.1 <user>... User unknown", "554 5.3.0 unknown mailer
 *	error 1").  Without one the section is made from each recipient's
 *	dr_diag.  Bytes that are not printable ASCII show as '?'.
 */
int	dsn_build_xscript(const struct queue_file *orig, const char *origid,
	    int dfd, const struct dsn_rcpt *r, const char *const *final,
	    size_t n, enum dsn_kind kind, const char *xscript,
	    struct queue_file *out, int outfd, SM_STR *why);

#endif
