/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * praliases.h -- praliases, as sendmail 8.17's: print the aliases
 * database, whole or the given keys.
 *
 *	praliases [-C cf] [-f file] [key ...]
 *
 * Without -f every AliasFile of the cf is printed in turn ("O AliasFile="
 * with one space, any case, or the old "OA"; each value is a list of specs
 * split at commas outside double quotes).  A spec is "[type:]name": only
 * the types hash and btree are read ("Skipping non-file based alias type
 * X" for the others); without a type hash is tried, then btree.  Leading
 * "-flags" words of the name are skipped; ".db" is added unless there.
 * A whole database prints as "key:value" lines in the file's order (the
 * "@:@" completion entry included, as the real one prints it); a key is
 * looked up as given, then with a trailing NUL, and prints "key:value" or
 * "key: No such key".  Problems with one database are reported and the
 * program goes on; the exit status is 0 unless the cf cannot be read (66)
 * or the usage is wrong (64), as with the real program.
 *
 * Public functions: praliases_split, praliases_one, praliases_run.
 *
 * Runs as the invoking user; opens the databases read-only.
 */
#ifndef TERN_PRALIASES_H
#define TERN_PRALIASES_H

#include <stdio.h>

/*
 * praliases_split -- the next spec of an AliasFile value, the real
 *	program's way: *CURSOR points into the (modifiable) value; returns
 *	the spec (NUL-terminated in place) and advances *CURSOR (NULL after
 *	the last), or NULL when nothing is left.
 */
char	*praliases_split(char **cursor);

/*
 * praliases_one -- print the database of SPEC ("[type:]name"): all of it
 *	when NKEYS is 0, else the keys KEYS[0 .. NKEYS-1].  Lines to OUT,
 *	messages to ERR.  SPEC is restored before return.
 */
void	praliases_one(char *spec, int nkeys, char **keys, FILE *out,
	    FILE *err);

/* praliases_run -- the whole program; returns its exit status. */
int	praliases_run(int argc, char **argv, FILE *out, FILE *err);

#endif
