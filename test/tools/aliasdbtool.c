/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * aliasdbtool.c -- newaliases through sendmail/aliasdb.c without the MTA,
 * for test/conformance/praliases.sh: rebuild the database of each
 * AliasFile spec given ("hash:-N /etc/mail/aliases"), messages and the
 * counts line on standard output as sendmail -bi prints them.  The alias
 * names are taken as written (no address parser yet).
 * Exit 0, 70 (a line sendmail counts as an error, or no database), 64
 * (usage).  Runs as the caller.
 */
#include <stdio.h>
#include <sysexits.h>

#include "sendmail/aliasdb.h"

int
main(int argc, char **argv)
{
	struct aliasdb_result res;
	struct aliasdb_spec as;
	const char *why = NULL;
	int i, rc = EX_OK;

	if (argc < 2) {
		fputs("usage: aliasdbtool spec ...\n", stderr);
		return EX_USAGE;
	}
	for (i = 1; i < argc; i++) {
		if (aliasdb_spec_parse(argv[i], &as, &why) < 0) {
			fprintf(stderr, "aliasdbtool: %s: %s\n", argv[i], why);
			rc = EX_SOFTWARE;
			continue;
		}
		if (aliasdb_rebuild(&as, NULL, stdout, &res, &why) < 0 ||
		    res.ar_errors > 0)
			rc = EX_SOFTWARE;
		aliasdb_spec_free(&as);
	}
	return rc;
}
