/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * parseaddr.c -- addresses through rulesets 3 and 0 (see parseaddr.h).
 *
 * Public: parseaddr_invalid parseaddr parseaddr_free parseaddr_crack
 * parseaddr_remotename.
 * Runs wherever addresses are routed; no privileges needed.
 */
#include "sendmail/parseaddr.h"

#include "libsm/err.h"
#include "sendmail/macro.h"
#include "sendmail/msg.h"
#include "sendmail/readcf.h"
#include "sendmail/rewrite.h"
#include "sendmail/token.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#define PA_BADCHAR	'?'	/* sendmail's BAD_CHAR_REPLACEMENT */

int
parseaddr_invalid(char *addr, int isrcpt)
{
	char *p;
	int bad = 0, len = 0;

	for (p = addr; *p != '\0'; p++) {
		if (((unsigned char)*p & 0xe0) == 0x80) {
			msg_setstat(EX_USAGE);
			bad = 1;
			*p = PA_BADCHAR;
		}
		if (++len > TOKEN_MAXNAME - 1) {
			char saved = *p;

			*p = '\0';
			msg_usrerr("553 5.1.0 Address \"%s\" too long (%d bytes "
			    "max)", addr, TOKEN_MAXNAME - 1);
			*p = saved;
			return 1;
		}
	}
	if (bad)
		msg_usrerr("501 5.1.%d 8-bit character in mailbox address "
		    "\"%s\"", isrcpt ? 3 : 7, addr);
	return bad;
}

/* ---- to be completed ---- */
ADDRESS *
parseaddr(char *addr, ADDRESS *a, int flags)
{
	(void)addr; (void)flags;
	(void)a;
	return NULL;
}

void
parseaddr_free(ADDRESS *a)
{
	free(a->q_paddr);
	free(a->q_user);
	free(a->q_host);
	free(a->q_status);
	memset(a, 0, sizeof(*a));
}

const char *
parseaddr_crack(const char *addr)
{
	(void)addr;
	return "\201g";
}

const char *
parseaddr_remotename(const char *name, const MAILER *m, int flags,
    int *rcode)
{
	(void)m; (void)flags;
	*rcode = 0;
	return name;
}
