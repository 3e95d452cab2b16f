/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * class.h -- sendmail.cf word classes ($=X, $~X; C, T and F lines).
 *
 * A word belongs to any number of classes; class names are macro ids
 * (macro.h).  Membership is case-insensitive (ASCII).  The words live in
 * a table laid out like sendmail's symbol table (2003 buckets, a
 * bucket's words in insertion order), because -bt's $=X lists a class in
 * that order.
 *
 * Process-wide state; the rewriting engine reads it, the cf reader and
 * -bt's .C write it.
 */
#ifndef TERN_CLASS_H
#define TERN_CLASS_H

#include <stdio.h>

#include "sendmail/token.h"

/* class_add -- put WORD into class CL. */
void	class_add(int cl, const char *word);

/* class_add_words -- put each white-space separated word of TEXT in CL. */
void	class_add_words(int cl, const char *text);

/* class_has -- is WORD in class CL? */
int	class_has(int cl, const char *word);

/*
 * class_has_tokens -- is the concatenation of the N tokens at AV (joined
 *	as sendmail does, BlankSub between atoms) in class CL?  Allocates
 *	nothing; single tokens are answered from a cache.
 */
int	class_has_tokens(int cl, const struct token *const *av, int n);

/* class_longest -- the length of the longest word of class CL (a
 * concatenation longer than that cannot be a member). */
size_t	class_longest(int cl);

/* class_print -- print the members of CL one per line, in table order. */
void	class_print(FILE *fp, int cl);

/*
 * class_file -- an F line's file: read FILE (lines starting with '#'
 *	skipped), take the part FMT (a scanf format with one conversion,
 *	"%s" when NULL) selects, and add its words to CL.  A missing file
 *	is an error ("fileclass: cannot open ...") unless OPTIONAL.
 * Returns 0, or -1 after a message.
 */
int	class_file(int cl, const char *file, const char *fmt, int optional);

/*
 * class_scanf -- the part of LINE that the scanf format FMT assigns (one
 *	%s or %[...] conversion; others may be suppressed with *), into OUT
 *	(OUTSIZE bytes, cut to fit).  Returns 1 when it matched, as
 *	sscanf(LINE, FMT, OUT) == 1 would; FMT is never given to the C
 *	library.
 */
int	class_scanf(const char *line, const char *fmt, char *out,
	    size_t outsize);

/*
 * class_safe_open -- open FILE for reading the way sendmail's safefopen
 *	does for class files (and the help file): no directory on the way
 *	may be group or world writable, and the file must be a regular
 *	file.  NULL with *WHY (sendmail's words) on refusal.
 */
FILE	*class_safe_open(const char *file, const char **why);

/* class_reset -- forget every word (tests). */
void	class_reset(void);

#endif
