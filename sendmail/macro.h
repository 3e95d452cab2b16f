/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * macro.h -- sendmail.cf macros: $x and ${name} ids, values, expansion.
 *
 * Every macro (and class, which share the name space) has an id 0..255:
 * a one-character name is its own byte; a long name {name} gets the next
 * free id from 0xa0 up, as in sendmail (at most 95 long names).  Text
 * read from the cf keeps a macro reference as two bytes,
 * TOKEN_MACROEXPAND (or TOKEN_MACRODEXPAND for $&) and the id.
 *
 * macro_expand is sendmail's expand(): $x is replaced by its value (read
 * again while the value holds metasymbols, at most 10 levels), $&x is
 * kept for run time, $?x text $| text $. chooses by whether x is set and
 * not empty.
 *
 * Process-wide state (one macro table, as -bt has one envelope).
 */
#ifndef TERN_MACRO_H
#define TERN_MACRO_H

#include <stddef.h>

#define MACRO_NIDS		256
#define MACRO_FIRSTLONG		0xa0	/* first id of a long name */
#define MACRO_MAXRECURSION	10	/* sendmail's MaxMacroRecursion */
#define MACRO_BUFSIZE		4096	/* sendmail's MACBUFSIZE */

/*
 * macro_id -- parse a macro or class name at NAME: one byte, or {name}
 *	(letters, digits, _).  *ENDP gets the byte after the name.
 * Returns the id, or 0 after a message ("Name required for macro/class",
 *	"Unbalanced { on x", "Invalid macro/class character c", ...).
 */
int	macro_id(const char *name, const char **endp);

/* macro_find_id -- the id of the long name NAME (no braces), or 0 when
 * it has none yet; one-byte names are their own id. */
int	macro_find_id(const char *name);

/* macro_name -- the name of id ID without braces ("j", "daemon_flags"). */
const char *macro_name(int id);

/* macro_get -- the value of macro ID, or NULL when it is not defined. */
const char *macro_get(int id);

/* macro_set -- define macro ID as a copy of VALUE (NULL: undefine). */
void	macro_set(int id, const char *value);

/*
 * macro_expand -- expand S into BUF (SIZE bytes, truncated).
 * Returns the length of the result.
 */
size_t	macro_expand(const char *s, char *buf, size_t size);

/*
 * macro_init -- sendmail's initmacros: each metasymbol character is a
 *	macro whose value is its internal code ($* is MATCHZANY, $1 is
 *	MATCHREPL 1 ...), which is how a cf's "$*" becomes the code when
 *	rules are expanded; and $n is MAILER-DAEMON.
 */
void	macro_init(void);

/* macro_reset -- forget every value and long name (tests). */
void	macro_reset(void);

#endif
