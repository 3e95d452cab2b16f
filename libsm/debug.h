/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * debug.h -- sendmail's -d debug categories (the tTd vector).
 *
 *	sm_debug_set()	apply a -d argument ("21.12", "0-99.1", "8,21.3")
 *	sm_tTd()	is category CAT at LEVEL or above?  (cheap: one load)
 *	sm_debug_level(), sm_debug_clear()
 *	sm_dprintf()	debug output, to stdout as sendmail does
 *
 * Categories are 0..99 and levels 0..255, as in sendmail 8.17 (which keeps
 * one unsigned char per category).  The vector is global state, next to the
 * log the only global state of libsm; set it while single-threaded (argument
 * parsing, the -bt "-d" command), read it anywhere.
 */
#ifndef SM_DEBUG_H
#define SM_DEBUG_H

/* Number of numeric categories: 0 .. SM_DEBUG_NCAT - 1. */
#define SM_DEBUG_NCAT	100

extern unsigned char	sm_tTdvect[SM_DEBUG_NCAT];

/*
 * sm_tTd -- is debug category CAT set to LEVEL or more?
 *	A category outside 0..99 is never set.  Evaluates each argument
 *	once (an inline function), so it is safe with side effects.
 */
static inline int
sm_debug_on(unsigned int cat, unsigned int level)
{
	return cat < SM_DEBUG_NCAT && sm_tTdvect[cat] >= level;
}
#define sm_tTd(cat, level)	sm_debug_on((unsigned int)(cat), \
				    (unsigned int)(level))

/*
 * sm_debug_set -- apply one -d argument the way sendmail 8.17 does.
 *	SPEC is a list of flags separated by ',', ' ' or tab; a flag is
 *	FIRST[-LAST][.LEVEL] with decimal numbers.  LEVEL defaults to 1,
 *	a '.' without digits means 0; "-d" with an empty SPEC (or NULL)
 *	means "0-99.1".  Like sendmail, nothing is ever refused:
 *	  - a category of 100 or more means 99 (sendmail clamps);
 *	  - a range whose LAST is below FIRST sets nothing; "5-" is "5-0";
 *	  - LEVEL is taken modulo 256 (sendmail stores it in a char);
 *	  - junk after a flag is skipped up to the next separator ("21x.5"
 *	    sets 21 to 1);
 *	  - a flag that does not start with a digit is a named (libsm glob)
 *	    category in sendmail; Tern has none, so it is skipped.
 * Returns 0 when every flag was understood exactly; -1 when something
 *	was clamped, wrapped or skipped, with *ERRP (if ERRP is not NULL) a
 *	static description of the first such thing.  In both cases all the
 *	flags that could be read have been applied, as sendmail does.
 */
int	sm_debug_set(const char *spec, const char **errp);

/* The level of category CAT (0 for a category outside 0..99). */
int	sm_debug_level(int cat);

/* Set every category back to 0. */
void	sm_debug_clear(void);

/*
 * sm_dprintf -- print debug output on stdout (stdio buffered).
 *	sendmail makes stdout unbuffered once -d is given so that debug
 *	output and other output interleave in order; a program that wants
 *	that calls setvbuf(stdout, NULL, _IONBF, 0) before any output.
 *	errno is preserved, so it can be used between a failure and its
 *	report.
 */
void	sm_dprintf(const char *fmt, ...)
	    __attribute__((format(printf, 1, 2)));

#endif
