/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * token.h -- the address tokenizer (sendmail's prescan), interned tokens,
 * and the printing and joining of token lists.
 *
 * A token is an interned, NUL-terminated byte string: the same text gives
 * the same pointer, so the rewriting engine compares tokens by pointer
 * (t_fold for sendmail's case-insensitive comparison).  Metasymbols of
 * sendmail.cf keep sendmail's internal byte codes (0x81..0x9e) inside the
 * token text, so printing, joining and map keys behave byte for byte as
 * in sendmail 8.17.
 *
 * Three character tables, as sendmail has:
 *	TOKEN_TAB_EXT	external addresses (parseaddr): ( ) start comments
 *	TOKEN_TAB_NOC	rules and -bt input at config level >= 9: ( ) are
 *			operators, meta bytes are understood
 *	TOKEN_TAB_INT	internal strings (map defaults, the sender): ( )
 *			start comments, meta bytes are understood
 * The operator characters ($o / OperatorChars plus ()<>,;) are added to
 * the tables once, at the first scan (token_set_operators before that).
 */
#ifndef TERN_TOKEN_H
#define TERN_TOKEN_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* sendmail's size limits */
#define TOKEN_MAXNAME	256		/* longest token / name */
#define TOKEN_MAXATOM	1000		/* most tokens in an address */
#define TOKEN_PSBUFSIZE	(TOKEN_MAXNAME + TOKEN_MAXATOM)

/* Internal codes of the $ metasymbols (sendmail's values). */
#define TOKEN_MACROEXPAND	0x81	/* $x */
#define TOKEN_MACRODEXPAND	0x82	/* $&x */
#define TOKEN_LOOKUPBEGIN	0x85	/* $( */
#define TOKEN_LOOKUPEND		0x86	/* $) */
#define TOKEN_MATCHZANY		0x90	/* $* */
#define TOKEN_MATCHANY		0x91	/* $+ */
#define TOKEN_MATCHONE		0x92	/* $- */
#define TOKEN_MATCHCLASS	0x93	/* $=X */
#define TOKEN_MATCHNCLASS	0x94	/* $~X */
#define TOKEN_MATCHREPL		0x95	/* $1 .. $9 */
#define TOKEN_CANONNET		0x96	/* $# */
#define TOKEN_CANONHOST		0x97	/* $@ */
#define TOKEN_CANONUSER		0x98	/* $: */
#define TOKEN_CALLSUBR		0x99	/* $> */
#define TOKEN_CONDIF		0x9a	/* $? */
#define TOKEN_CONDELSE		0x9b	/* $| */
#define TOKEN_CONDFI		0x9c	/* $. */
#define TOKEN_HOSTBEGIN		0x9d	/* $[ */
#define TOKEN_HOSTEND		0x9e	/* $] */
#define TOKEN_METAQUOTE		0xff	/* quotes the next byte */

/* Is byte C one of the internal meta codes (0x80..0x9f)? */
#define TOKEN_ISMETA(c)		(((unsigned char)(c) & 0xe0) == 0x80)

struct token {
	struct token	*t_next;	/* intern hash chain */
	const struct token *t_fold;	/* ASCII lower-case twin (or self) */
	uint32_t	t_hash;
	uint32_t	t_len;
	const void	*t_word;	/* class.c's cache: its word entry */
	unsigned	t_wordgen;	/* ... valid for this generation */
	char		*t_pr;		/* the printed form, made on demand */
	char		t_s[];		/* the text, NUL-terminated */
};

enum token_tab {
	TOKEN_TAB_EXT,
	TOKEN_TAB_NOC,
	TOKEN_TAB_INT
};

/* The first byte of token T (0 for the empty token). */
#define TOKEN_C0(t)	((unsigned char)(t)->t_s[0])

/* token_intern -- the token for LEN bytes at S (interned for good). */
const struct token *token_intern(const char *s, size_t len);
const struct token *token_intern_str(const char *s);

/*
 * token_set_operators -- the operator characters (OperatorChars, already
 *	macro-expanded).  Only the value set before the first scan counts,
 *	as in sendmail.  NULL means sendmail's default ".:@[]".
 */
void	token_set_operators(const char *ops);

/* token_set_spacesub -- BlankSub, used when joining with '\0'. */
void	token_set_spacesub(int c);
int	token_spacesub(void);

/*
 * token_scan -- sendmail's prescan: split ADDR into tokens up to DELIM
 *	(a character, or '\0') outside quotes, comments and <>, with table
 *	TAB.  IGNORE suppresses the "Unbalanced" repairs and messages.
 *	Tokens go to AV (room for AVMAX, at least TOKEN_MAXATOM + 1 in
 *	practice).  *ENDP (if not NULL) gets the position of the delimiter
 *	or of the terminating NUL.
 * Returns the number of tokens (0 when there are none), -2 after "Address
 *	too long" (sendmail then cuts the caller's address to TOKEN_MAXNAME
 *	bytes), or -1 after another message ("prescan: token too long").
 * Side effects: messages via msg_usrerr about ADDR.
 */
int	token_scan(const char *addr, int delim, enum token_tab tab, int ignore,
	    const struct token **av, int avmax, const char **endp);

/* Character class of byte C in table TAB (for callers that need to
 * know whether a byte starts an atom): 1 when it is an atom byte. */
int	token_is_atom_byte(enum token_tab tab, int c);

/*
 * token_xputs -- print S the way sendmail's xputs does: metasymbols as
 *	$x, macro and class names, bytes >= 0x80 as M-x, \n \r \t escaped,
 *	other control bytes left out.
 */
void	token_xputs(FILE *fp, const char *s);

/* token_printav -- " TOK" for each of the N tokens, then a newline. */
void	token_printav(FILE *fp, const struct token *const *av, int n);

/*
 * token_cat -- sendmail's cataddr: join N tokens into BUF (SIZE bytes;
 *	at most SIZE - 3 characters are kept), putting SPACESUB between two
 *	adjacent atoms ('\0' means BlankSub).  EXTERNAL turns
 *	METAQUOTE x into x.  Returns the length.
 */
size_t	token_cat(const struct token *const *av, int n, char *buf,
	    size_t size, int spacesub, int external);

/*
 * token_cat_next -- token_cat one token at a time: append T to BUF
 *	(LEN bytes used of SIZE), BlankSub first when PREV and T are both
 *	atoms.  Returns the new length, or SIZE when T does not fit.
 */
size_t	token_cat_next(char *buf, size_t len, size_t size,
	    const struct token *prev, const struct token *t);

#endif
