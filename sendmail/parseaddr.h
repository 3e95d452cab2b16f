/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * parseaddr.h -- from an address string to an ADDRESS (mailer, host,
 * user) through rulesets 3 and 0, the way sendmail 8.17 does it; the
 * address checks (8-bit bytes, length, control characters), crackaddr
 * (the "Cracked address" template of a header address) and remotename
 * (an address rewritten for a mailer, as /try shows it).
 *
 * Process-wide state: none of its own (it uses the rulesets, macros and
 * mailers); messages and the exit status go through msg.h.
 */
#ifndef TERN_PARSEADDR_H
#define TERN_PARSEADDR_H

#include "sendmail/mailer.h"

/* flags for parseaddr and remotename (sendmail's RF_ values) */
#define PA_SENDERADDR	0x001	/* a sender address */
#define PA_HEADERADDR	0x002	/* a header address */
#define PA_CANONICAL	0x004	/* already canonical: skip ruleset 3 */
#define PA_ADDDOMAIN	0x008
#define PA_COPYALL	0x0f0

/* An address resolved to a mailer triple: sendmail's ADDRESS, the parts
 * the engine fills. */
typedef struct address {
	char	*q_paddr;		/* the address as given */
	char	*q_user;		/* user part for the mailer */
	char	*q_host;		/* host part, or NULL */
	MAILER	*q_mailer;
	char	*q_status;		/* DSN status of an error, or NULL */
	int	q_bad;			/* resolved to *error* */
} ADDRESS;

/*
 * parseaddr_invalid -- sendmail's invalidaddr: complain about bytes
 *	0x80..0x9f (replaced by '?' in ADDR, exit status EX_USAGE) and
 *	about an address longer than 255 bytes.  ISRCPT picks the status
 *	code of the message.  Returns 1 when ADDR is not acceptable.
 */
int	parseaddr_invalid(char *addr, int isrcpt);

/*
 * parseaddr -- resolve ADDR (modified) into A through rulesets 3 and 0,
 *	then the mailer's rewriting of the user part (2, R=, 4).  FLAGS
 *	are PA_ flags.  Returns A, or NULL when the address cannot be
 *	parsed (after a message); an address that resolves to the error
 *	mailer is returned with q_bad set.
 */
ADDRESS	*parseaddr(char *addr, ADDRESS *a, int flags);

/*
 * parseaddr_delim -- parseaddr for the first address of a list: ADDR runs
 *	to DELIM (',' for lists) outside quotes and <>; *ENDP (if not NULL)
 *	gets the delimiter's place (or the end).  q_paddr is the address up
 *	to the delimiter.
 */
ADDRESS	*parseaddr_delim(char *addr, int delim, char **endp, ADDRESS *a,
	    int flags);

/* parseaddr_free -- release the strings of A. */
void	parseaddr_free(ADDRESS *a);

/*
 * parseaddr_crack -- sendmail's crackaddr: ADDR with the address part
 *	replaced by $g (the internal macro code), comments and phrases
 *	kept.  Returns a static buffer.
 */
const char *parseaddr_crack(const char *addr);

/*
 * parseaddr_remotename -- sendmail's remotename: NAME rewritten for
 *	mailer M as a FLAGS (PA_SENDERADDR, PA_HEADERADDR) address, put
 *	back into its crackaddr template.  *RCODE gets the status.
 *	Returns a static buffer (NAME itself when it cannot be parsed).
 */
const char *parseaddr_remotename(const char *name, const MAILER *m,
	    int flags, int *rcode);

/*
 * parseaddr_sender -- sendmail's setsender for -bt's /sender: parse FROM
 *	as the envelope sender into A (postmaster when it cannot be
 *	parsed), then set $f from rulesets 3, 1 and 4.  Returns A's user.
 */
const char *parseaddr_sender(const char *from, ADDRESS *a);

#endif
