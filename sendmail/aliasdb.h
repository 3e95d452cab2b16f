/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * aliasdb.h -- the aliases database: read an aliases(5) text file and
 * build the hash or btree database sendmail 8.17's newaliases (sendmail
 * -bi) builds from it, with the same messages.
 *
 * The text file, as the real readaliases reads it:
 *  - a logical line is a line plus its continuations: a line ending in a
 *    backslash joins the next (both the backslash and the newline go), and
 *    a line followed by one starting with a space or tab joins it (only
 *    the newline goes; the white space stays in the value).  At most 8191
 *    bytes a logical line ("alias line too long": the whole logical line
 *    is skipped).  Comments ('#') and empty lines end nothing: a comment
 *    swallows its continuations too.
 *  - "name: value": the name runs to the first colon ("missing colon"
 *    otherwise); the value starts after the white space that follows and
 *    is stored as it is, trailing blanks included; an empty value is
 *    "NAME:... missing value for alias".  A line starting with white space
 *    that continues nothing is "Non-continuation line starts with space".
 *  - the name is turned into the stored key by the MTA's address parser
 *    (a hook; without one the name with its surrounding white space cut);
 *    "postmaster" in any case is stored in lower case, and keys are folded
 *    to lower case unless the spec says -f.
 *  - a name seen again replaces the earlier value with "NAME... Warning:
 *    duplicate alias name KEY", or with -A is stored as "new,old".
 *  - keys and values carry no NUL unless the spec says -N; the last entry
 *    stored is "@" -> "@", which tells readers the database is complete.
 *  - each message goes to the message stream as "FILE: line N: text";
 *    afterwards "FILE: N aliases, longest N bytes, N bytes total" (the
 *    longest value, the bytes of keys and values).
 * The database is written beside the text file (FILE.db) as a new file
 * renamed over the old one (libsm/db.c), so sendmail processes reading
 * the aliases never see half a database, while the text file is held
 * under an exclusive flock(2) -- the lock the real newaliases takes, so
 * two rebuilds (Tern's or sendmail's) never run at once.
 *
 * Public functions: aliasdb_spec_parse, aliasdb_spec_free, aliasdb_read,
 * aliasdb_rebuild.
 *
 * Runs in sendmail -bi / newaliases (usually root) and, for automatic
 * rebuilds, in the MTA.
 */
#ifndef TERN_ALIASDB_H
#define TERN_ALIASDB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "libsm/db.h"

#define ALIASDB_LINE	8192	/* sendmail's BUFSIZ line buffer */

/* One AliasFile spec: "[class:][-flags ]path". */
struct aliasdb_spec {
	enum sm_db_type	as_type;	/* hash (also "implicit"), btree */
	bool		as_nul;		/* -N: keys and values with a NUL */
	bool		as_append;	/* -A: duplicates become "new,old" */
	bool		as_nofold;	/* -f: keys keep their case */
	bool		as_optional;	/* -o: a missing file is no error */
	char		*as_path;	/* the text file; the database is
					   as_path + ".db" */
};

/*
 * aliasdb_spec_parse -- parse SPEC as an AliasFile entry.
 * Returns 0, or -1 with *errp: "unsupported alias database class" for
 * classes that are not files Tern builds (nis, ldap, text ...), "no alias
 * file name".  aliasdb_spec_free releases as_path.
 */
int	aliasdb_spec_parse(const char *spec, struct aliasdb_spec *as,
	    const char **errp);
void	aliasdb_spec_free(struct aliasdb_spec *as);

/* What the MTA decides about one alias; every member may be NULL. */
struct aliasdb_hooks {
	/*
	 * The name NAME (the text before the colon) as the address parser
	 * and ruleset 0 see it: 0 with *userp the key to store (malloc'd)
	 * and *paddrp the name as messages show it (malloc'd, may be NULL);
	 * -1 with MSG (SIZE bytes) the reason, e.g. "NAME... illegal alias
	 * name" or "NAME... cannot alias non-local names".
	 */
	int	(*ah_name)(void *ctx, const char *name, char **userp,
		    char **paddrp, char *msg, size_t size);
	/*
	 * CheckAliases: look at the addresses of VALUE and print a line
	 * "PREFIX553 5.3.5 ADDR... bad address" to MSG for each bad one;
	 * the alias is stored anyway.  Returns the number of bad ones.
	 */
	int	(*ah_check)(void *ctx, const char *value, FILE *msg,
		    const char *prefix);
	void	*ah_ctx;
};

/* Counts of one read. */
struct aliasdb_result {
	long	ar_naliases;	/* aliases stored (duplicates too) */
	long	ar_longest;	/* the longest value */
	long	ar_bytes;	/* bytes of keys and values */
	int	ar_errors;	/* lines sendmail counts as errors: the run's
				   exit status becomes 70 (EX_SOFTWARE) */
};

/* Where aliasdb_read puts each alias. */
typedef int aliasdb_store_fn(void *ctx, const char *key, const char *paddr,
	    const char *value, unsigned lineno);

/*
 * aliasdb_read -- read the aliases text from FP (named FNAME in messages)
 *	and call STORE for each alias (KEY already lower-cased when FOLD);
 *	messages to MSG.  STORE returns 0, or -1 to stop (a database error).
 * Returns 0, or -1 when STORE stopped it.  RES counts.
 */
int	aliasdb_read(FILE *fp, const char *fname, bool fold,
	    const struct aliasdb_hooks *hooks, aliasdb_store_fn *store,
	    void *sctx, FILE *msg, struct aliasdb_result *res);

/*
 * aliasdb_rebuild -- newaliases for one spec: lock the text file, build
 *	the database, print the counts line.
 * Returns 0 when built (RES says how it went), 1 when nothing was built
 *	and that is no error ("newaliases: cannot open FILE: reason", "Alias
 *	file FILE is locked (maybe being rebuilt)"), -1 when the database
 *	could not be made (*errp; sendmail's "Cannot create database for
 *	alias file FILE", exit 70).
 */
int	aliasdb_rebuild(const struct aliasdb_spec *as,
	    const struct aliasdb_hooks *hooks, FILE *msg,
	    struct aliasdb_result *res, const char **errp);

#endif
