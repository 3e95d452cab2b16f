/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * headers.h -- message header fields the way sendmail 8.17 treats them:
 * the cf's H templates, the header table (which fields are addresses,
 * trace fields, Resent- ...), the H lines of a new message's qf, the
 * recipients of -t, and the header as a mailer gets it at delivery.
 *
 *	hdr_define	an H line of the cf becomes a template
 *	hdr_reset	forget the templates (readcf_init/readcf_reset)
 *	hdr_flags	the header table: HDR_ flags of a field name
 *	hdr_submit	collected fields + templates -> the qf's H lines
 *	hdr_recipients	-t: the addresses of To/Cc/Bcc (or Resent-*)
 *	hdr_put		the qf's H lines as mailer M gets them
 *	hdr_addrlist	split an address list at its top-level commas
 *
 * The facts (what is added when, what the qf holds, what a mailer sees)
 * were recorded from sendmail 8.17.1.9 (Debian 12) driven with -bs, -bm
 * and -t; test/unit/t_headers.c holds the recordings.
 *
 * Process-wide state: the template list (like the rest of the cf).
 * hdr_submit and hdr_put read the process's macros (macro.h).  Runs in
 * the SMTP server, command-line submission and delivery processes.
 */
#ifndef TERN_HEADERS_H
#define TERN_HEADERS_H

#include <stddef.h>

#include "libsm/str.h"
#include "sendmail/collect.h"
#include "sendmail/mailer.h"
#include "sendmail/queue.h"

/* hdr_flags bits: sendmail's header table (H_ flags), our numbering. */
#define HDR_EOH		0x0001	/* the field name ends the header */
#define HDR_RCPT	0x0002	/* a recipient address field */
#define HDR_RESENT	0x0004	/* a Resent- field */
#define HDR_ACHECK	0x0008	/* an address checked at delivery */
#define HDR_FORCE	0x0010	/* a template is added even when the
				   message has the field (trace fields) */
#define HDR_TRACE	0x0020	/* counts as a hop (MaxHopCount) */
#define HDR_FROM	0x0040	/* an originator address field */
#define HDR_RECEIPTTO	0x0080	/* Return-Receipt-To and the like */
#define HDR_ERRORSTO	0x0100	/* Errors-To */
#define HDR_CTE		0x0200	/* Content-Transfer-Encoding */
#define HDR_CTYPE	0x0400	/* Content-Type */
#define HDR_BCC		0x0800	/* Bcc / Resent-Bcc: removed at delivery */
#define HDR_ENCODABLE	0x1000	/* may be MIME-encoded (Subject) */
#define HDR_BINDLATE	0x2000	/* a template kept unexpanded in the qf,
				   expanded at delivery (Return-Path) */

/* hdr_submit flags */
#define HDR_F_TFLAG	0x01	/* sendmail -t */

/* hdr_put flags */
#define HDR_P_RAW	0x01	/* no address rewriting (a DSN's copy) */
#define HDR_P_KEEPBCC	0x02	/* keep Bcc fields */

/*
 * hdr_define -- an H line of the cf: TEXT is what follows the `H'
 *	("?P?Return-Path: <\201g>", macros already in internal codes),
 *	continuation lines joined by "\n".  Kept in order, after any
 *	earlier template.
 * Returns 0, or -1 with *ERRP (may be NULL) "header syntax error" (the
 *	caller words the message).
 */
int	hdr_define(const char *text, const char **errp);

/* hdr_reset -- forget every template (a new cf, tests). */
void	hdr_reset(void);

/* hdr_ntemplates -- how many templates are defined. */
size_t	hdr_ntemplates(void);

/*
 * hdr_flags -- the HDR_ flags of field NAME (case ignored, no colon), as
 *	sendmail's header table gives them; 0 for a field it does not list.
 */
unsigned hdr_flags(const char *name);

/*
 * hdr_submit -- a new message: the collected fields HDRS (NULL: none)
 *	and the templates become QF's H lines, as sendmail 8.17 stores them:
 *	first each template that applies, in cf order -- a trace template
 *	(Received) always, the others only when the message lacks the field,
 *	Resent- ones only in a resent message (one with any Resent- field);
 *	expanded now with the current macros ($_ $s $r $i $j $b $u ...),
 *	dropped when that leaves nothing, except Return-Path which stays
 *	unexpanded ("H?P?Return-Path: <\201g>") -- then the message's
 *	fields as received, address fields (To, Cc, From ...) as a list
 *	joined by ", " and folded before column 78 (",\n" and 8 spaces).
 *	Sets QUEUE_F_DELETEBCC when a To, Cc or Apparently-To is present,
 *	unless a Bcc is too and FLAGS lacks HDR_F_TFLAG (what 8.17 does);
 *	a message without a To, Cc, Bcc or Apparently-To (Resent- ones do
 *	not count) gets NoRecipientAction's
 *	(add-to, add-apparently-to: one field per R line, the last first;
 *	add-bcc: an empty Bcc; add-to-undisclosed).
 *	Call it after the R lines are in QF (NoRecipientAction may list
 *	them).
 * Returns the hop count: the trace fields of the message and those just
 *	added (Received).  Over MaxHopCount the message is refused: sendmail
 *	8.17 returns a message with 25 Received fields ("554 5.4.6 Too many
 *	hops 26 (25 max)") and delivers one with 24.  -1 with WHY (NULL
 *	allowed) when a value cannot be stored.
 */
int	hdr_submit(struct queue_file *qf, const struct collect_hdr *hdrs,
	    unsigned flags, SM_STR *why);

/*
 * hdr_recipients -- -t: call ADD(CTX, address) for each address of the
 *	To, Cc, Bcc and Apparently-To fields of HDRS, in order; of the
 *	Resent-To, Resent-Cc and Resent-Bcc fields instead when any Resent-
 *	field is present.  Addresses are split at top-level commas
 *	(hdr_addrlist) and trimmed; empty ones are skipped.
 * Returns the number of addresses given to ADD, or -1 as soon as ADD
 *	returns -1.
 */
int	hdr_recipients(const struct collect_hdr *hdrs,
	    int (*add)(void *ctx, const char *addr), void *ctx);

/*
 * hdr_put -- QF's headers as mailer M gets them, appended to OUT: a line
 *	with ?flags? only when M has one of the flags (?$x?: when macro x is
 *	set); such lines have their macros expanded with the current macros
 *	($g for Return-Path); Bcc and Resent-Bcc dropped (unless
 *	HDR_P_KEEPBCC), and the message's own Return-Path, Full-Name and
 *	Content-Length; address fields rewritten for M (rulesets 1 and S=,
 *	or 2 and R=, parseaddr_remotename) unless HDR_P_RAW, and laid out
 *	again (folded before column 78, or M's L= - 2).  Every line ends
 *	in M's E= (M NULL: "\n", every conditional field kept).  The empty
 *	line after the header is the caller's.
 * Returns 0, or -1 with WHY (NULL allowed) when OUT's maximum is hit.
 */
int	hdr_put(SM_STR *out, const struct queue_file *qf, const MAILER *m,
	    unsigned flags, SM_STR *why);

/*
 * hdr_addrlist -- split the address list VALUE at commas outside quotes,
 *	comments and <...>; call FN(CTX, ADDR, LEN) for each piece with its
 *	surrounding white space cut, empty pieces skipped.
 * Returns the number of pieces, or -1 when FN returns -1.
 */
int	hdr_addrlist(const char *value,
	    int (*fn)(void *ctx, const char *addr, size_t len), void *ctx);

#endif
