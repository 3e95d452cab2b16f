/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * newaliases.h -- sendmail -bi (newaliases): rebuild the database of
 * every AliasFile, alias names read through rulesets 3 and 0 as sendmail
 * reads them (the key is the local mailer's user; a name that does not
 * resolve to the local mailer "cannot alias non-local names").
 *
 * Runs in sendmail -bi / newaliases, as the user that started it.
 */
#ifndef TERN_NEWALIASES_H
#define TERN_NEWALIASES_H

#include <stdio.h>

#include "sendmail/aliasdb.h"

/*
 * newaliases_hooks -- the aliasdb hooks that parse names with the cf
 *	read (parseaddr and the local mailer).  Static storage.
 */
const struct aliasdb_hooks *newaliases_hooks(void);

/*
 * newaliases_run -- rebuild every AliasFile of the config; messages and
 *	the "FILE: N aliases, longest N bytes, N bytes total" lines to OUT.
 * Returns the exit status: EX_OK, EX_SOFTWARE (70) when a line was an
 *	error or a database could not be made, EX_CONFIG without AliasFile.
 */
int	newaliases_run(FILE *out);

#endif
