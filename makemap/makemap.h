/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * makemap.h -- makemap, as sendmail 8.17's: build a hash or btree map from
 * "key<white space>value" lines on standard input, or dump one (-u).
 *
 *	makemap [-C cf] [-N] [-c cachesize] [-D commentchar] [-d] [-e] [-f]
 *		[-i type] [-l] [-o] [-r] [-s] [-t delim] [-u] [-v] type mapname
 *
 * Input rules (measured on the real makemap): lines are read in pieces of
 * at most 1023 bytes; a piece without a newline before the end of input,
 * or with a NUL byte before its newline, is "line too long (1024 bytes
 * max)" and the rest of the line is read as the next line.  Empty lines and
 * lines starting with the comment character ('#', -D) are skipped; there
 * are no continuation lines: a line starting with white space is a
 * "syntax error (leading space)" (unless -t).  The key runs to the first
 * white space (or the -t delimiter), every ASCII capital folded to lower
 * case unless -f; the value starts after the run of separators and keeps
 * everything else, trailing blanks and a CR included.  An empty value is
 * "no RHS for LHS key" unless -e.  Any such line sets exit status 65
 * (EX_DATAERR) and is skipped; the map is still built from the others.
 *
 * The new map replaces the old one atomically (libsm/db.c rebuilds in a
 * temporary file and renames it), keeps the old file's mode and owner
 * (0640 for a new file) and, run as root, goes to the cf's TrustedUser.
 *
 * Public functions: makemap_parse_line, makemap_reader_init,
 * makemap_read_line, makemap_run.
 *
 * Runs as the invoking user, usually root (from cron or a Makefile in
 * /etc/mail).
 */
#ifndef TERN_MAKEMAP_H
#define TERN_MAKEMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define MAKEMAP_LINE	1024	/* the real makemap's input buffer */

/* How input lines are split (from the options). */
struct makemap_syntax {
	char	ms_sep;		/* -t delimiter, '\0': white space */
	char	ms_comment;	/* -D, default '#'; '\0': none */
	bool	ms_fold;	/* not -f: fold keys to lower case */
	bool	ms_allowempty;	/* -e */
};

/* What makemap_parse_line found. */
enum makemap_line {
	MAKEMAP_PAIR,		/* a key and a value */
	MAKEMAP_SKIP,		/* empty or comment */
	MAKEMAP_LEADSPACE,	/* "syntax error (leading space)" */
	MAKEMAP_NORHS		/* "no RHS for LHS KEY" */
};

/*
 * makemap_parse_line -- split LINE (a C string without its newline) in
 *	place: on MAKEMAP_PAIR and MAKEMAP_NORHS *keyp is the key
 *	(NUL-terminated in LINE, folded as asked); on MAKEMAP_PAIR *valp is
 *	the value (the rest of LINE).
 */
enum makemap_line makemap_parse_line(char *line,
	    const struct makemap_syntax *sx, char **keyp, char **valp);

/* Reading standard input the way sendmail's fgets loop does. */
struct makemap_reader {
	FILE		*mr_fp;
	unsigned	mr_lineno;	/* of the line last read */
	bool		mr_eof;		/* the input has ended */
};

void	makemap_reader_init(struct makemap_reader *mr, FILE *fp);

/*
 * makemap_read_line -- the next line into BUF (MAKEMAP_LINE bytes):
 *	returns 1 with BUF a C string (the newline cut off), 2 when the
 *	piece read is "too long" (see above; BUF holds the piece), 0 at the
 *	end of input.  mr_lineno counts every piece.
 */
int	makemap_read_line(struct makemap_reader *mr, char *buf);

/*
 * makemap_run -- the whole program for ARGC/ARGV: input from IN, the -u
 *	dump, -v lines and -l lists to OUT, messages to ERR.
 * Returns the exit status of the real makemap: 0, EX_USAGE (64),
 *	EX_DATAERR (65: a bad input line, a duplicate key, a map not named
 *	in the cf), EX_NOINPUT (66: the cf), EX_SOFTWARE (70), EX_IOERR (74:
 *	a store or close failed), EX_CANTCREAT (73: the map cannot be
 *	opened or made).
 */
int	makemap_run(int argc, char **argv, FILE *in, FILE *out, FILE *err);

#endif
