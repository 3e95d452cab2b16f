/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * t_cfsetup.h -- the cf that t_headers.c and t_dsn.c load: the H lines
 * cf.m4 of sendmail 8.17.1.9 generates (as folded lines) and the local
 * mailer of the recordings (a script appending what it gets to a file).
 * A header with a static function because each unit test links only
 * its own object and t.o.
 */
#ifndef T_CFSETUP_H
#define T_CFSETUP_H

#include "sendmail/macro.h"
#include "sendmail/readcf.h"

#include <stdio.h>

/* Start readcf and the macros afresh and read the recorded run's cf. */
static inline void
cfsetup_load(void)
{
	static const char *const cf[] = {
		"H?P?Return-Path: <$g>",
		"HReceived: $?sfrom $s $.$?_($?s$|from $.$_)\n"
		"\t$.$?{auth_type}(authenticated$?{auth_ssf} "
		"bits=${auth_ssf}$.)\n"
		"\t$.by $j ($v/$Z)$?r with $r$. id $i$?{tls_version}\n"
		"\t(version=${tls_version} cipher=${cipher} "
		"bits=${cipher_bits} verify=${verify})$.$?u\n"
		"\tfor $u; $|;\n"
		"\t$.$b",
		"H?D?Resent-Date: $a",
		"H?D?Date: $a",
		"H?F?Resent-From: $?x$x <$g>$|$g$.",
		"H?F?From: $?x$x <$g>$|$g$.",
		"H?x?Full-Name: $x",
		"H?M?Resent-Message-Id: <$t.$i@$j>",
		"H?M?Message-Id: <$t.$i@$j>",
		"Mlocal, P=/srv/w/dl.sh, F=lsDFMAw5:/|@qSPfhn9, "
		"T=DNS/RFC822/X-Unix, A=dl.sh $u",
		NULL
	};
	char line[1024];
	size_t i;

	readcf_init();
	macro_init();
	for (i = 0; cf[i] != NULL; i++) {
		(void)snprintf(line, sizeof(line), "%s", cf[i]);
		readcf_line(line, (int)i + 1);
	}
}

#endif
