/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * rewrite.h -- rulesets and the rewriting engine of sendmail.cf.
 *
 * Rulesets are numbered 0..199: 0..99 can be chosen by the cf (S3,
 * Scanonify=3), a named ruleset without a number gets the next free one
 * from 199 down, as in sendmail.  A rule is compiled once, at load, into
 * two arrays of interned tokens; matching walks them without allocating.
 *
 * The engine follows sendmail 8.17: a rule's LHS is matched left to
 * right, wildcards taking as few tokens as they can and giving way from
 * the right ($* $+ grow, $=X grows to the next member, $- $~X never
 * change), so the first match found is sendmail's; failures are
 * remembered per (wildcard, position) so no input makes it slow.  The
 * RHS substitutes $1..$9, $&x, then map lookups $( $) and $[ $], then
 * $>ruleset calls from right to left.  A rule without $: or $@ is tried
 * again until it no longer matches (100 times at most), calls nest 50
 * deep at most.
 *
 * Process-wide state: the ruleset table.
 */
#ifndef TERN_REWRITE_H
#define TERN_REWRITE_H

#include <stdio.h>

#include "sendmail/token.h"

#define REWRITE_MAXRWSETS	200	/* sendmail's MAXRWSETS */
#define REWRITE_MAXMATCH	9	/* wildcards per LHS */
#define REWRITE_MAXRECURSION	50	/* nested ruleset calls */
#define REWRITE_MAXLOOP		100	/* retries of one rule */
#define REWRITE_MAXSUBR		16	/* $> calls in one RHS */
#define REWRITE_MAXMAPARGS	10	/* %0 .. %9 */

/*
 * rewrite_rsnum -- sendmail's strtorwset: the ruleset named or numbered at
 *	P (white space skipped).  ENTER creates a name (with "=N" its
 *	number); otherwise an unknown name is -1 without a message.
 *	*ENDP (if not NULL) gets the byte after the name or number.
 * Returns the number, or -1 (after a message for a bad name or number).
 */
int	rewrite_rsnum(const char *p, const char **endp, int enter);

/* The name of ruleset RS, or NULL when it has none. */
const char *rewrite_rsname(int rs);

/* Does ruleset RS have at least one rule? */
int	rewrite_rshas_rules(int rs);

/*
 * rewrite_add_rule -- append the rule LHS -> RHS (token arrays of NLHS and
 *	NRHS tokens, copied) to ruleset RS; LINE is the cf line for -d21.15.
 */
void	rewrite_add_rule(int rs, const struct token *const *lhs, int nlhs,
	    const struct token *const *rhs, int nrhs, int line);

/*
 * rewrite -- run ruleset RS over the N tokens of PV (room for CAP, at most
 *	TOKEN_MAXATOM), in place; RECLEVEL is the call depth (0 from
 *	outside).  Prints -bt's input/returns lines when tracing is on.
 * Returns EX_OK or the worst status met (EX_TEMPFAIL from a map,
 *	EX_CONFIG, EX_DATAERR ...); *N is updated.
 */
int	rewrite(const struct token **pv, int *n, int cap, int rs,
	    int reclevel);

/* rewrite_set_trace -- print the "NAME   input:" lines (-bt). */
void	rewrite_set_trace(int on);

/* rewrite_dump -- -bt's =S: print the rules of RS. */
void	rewrite_dump(FILE *fp, int rs);

/*
 * rewrite_map_blanksub -- MAP was declared (a K line) while the BlankSub
 * option was C: sendmail gives a map with no -S flag that byte, fixed at
 * declaration, to join the tokens of a lookup key.  Maps not recorded
 * here and without -S join with a blank.
 */
struct map;
void	rewrite_map_blanksub(const struct map *map, int c);

/* rewrite_reset -- forget every ruleset and recorded map (tests). */
void	rewrite_reset(void);

#endif
