/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * str.h -- SM_STR, the one growable string of Tern.
 *
 * An SM_STR holds LEN bytes of any value (NULs included) followed by a NUL
 * that is always there, so sm_str_data() can go straight to a C function
 * when the caller knows the data holds no NUL.  Each string may carry a
 * maximum length fixed at creation: an operation that would make it longer
 * fails with -1 (errno EMSGSIZE) and leaves the string as it was.  This is
 * how every reader gets its bound (STYLE.md, habit 6): read into an SM_STR
 * made with the line, header or value maximum, and the limit is enforced
 * in one place.
 *
 * Out of memory is fatal (sm_fatal EX_OSERR, the _x rule of err.h): the
 * maximum is the only failure an operation reports.  Growth doubles, with
 * every size computation checked for overflow.
 *
 *	sm_str_new sm_str_free sm_str_export
 *	sm_str_add sm_str_adds sm_str_addc sm_str_addf sm_str_vaddf
 *	sm_str_set sm_str_sets sm_str_copy
 *	sm_str_reserve sm_str_setlen sm_str_truncate sm_str_reset sm_str_rtrim
 *	sm_str_data sm_str_len sm_str_max
 *	sm_str_casecmp sm_str_casecmps
 *
 * Any process, any privilege.  Not thread-safe per string (no locks).
 * Pointers from sm_str_data() are invalid after any operation that may
 * grow the string.
 */
#ifndef SM_STR_H
#define SM_STR_H

#include <stdarg.h>
#include <stddef.h>

/*
 * The members are public only so the accessors below can be inline; read
 * and write them through the functions.  Invariants: s_data != NULL,
 * s_len < s_size <= s_max + 1, s_data[s_len] == '\0'.
 */
typedef struct sm_str {
	char	*s_data;
	size_t	 s_len;		/* bytes held, not counting the NUL */
	size_t	 s_size;	/* bytes allocated, the NUL included */
	size_t	 s_max;		/* largest s_len allowed */
} SM_STR;

/* The maximum of a string created without one. */
#define SM_STR_NOMAX	((size_t)-1 - 1)

/*
 * sm_str_new -- an empty string
 *	max: the largest length allowed; 0 means no limit (SM_STR_NOMAX)
 * Returns the string, never NULL (out of memory is fatal).
 */
SM_STR	*sm_str_new(size_t max);

/* sm_str_free -- release S and its data; NULL is allowed. */
void	 sm_str_free(SM_STR *s);

/*
 * sm_str_export -- take the data away from S and free S
 *	lenp: if not NULL, receives the length
 * Returns the NUL-terminated data, the caller's to free(3).  Saves a copy
 * when a finished string is to live on as a plain char *.
 */
char	*sm_str_export(SM_STR *s, size_t *lenp);

/*
 * sm_str_add -- append N bytes at P (any bytes; P may point into S itself)
 * sm_str_adds -- append the C string CS
 * sm_str_addc -- append the byte C
 * Return 0, or -1 with errno EMSGSIZE when the result would pass the
 * maximum; then S is unchanged.
 */
int	 sm_str_add(SM_STR *s, const void *p, size_t n);
int	 sm_str_adds(SM_STR *s, const char *cs);

/*
 * sm_str_addf, sm_str_vaddf -- append printf-style output (vsnprintf)
 * The arguments must not point into S.  Return 0, or -1 with S unchanged
 * when the output would pass the maximum (errno EMSGSIZE) or vsnprintf
 * fails (its errno, e.g. EOVERFLOW past INT_MAX bytes).
 */
int	 sm_str_addf(SM_STR *s, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
int	 sm_str_vaddf(SM_STR *s, const char *fmt, va_list ap)
	    __attribute__((format(printf, 2, 0)));

/*
 * sm_str_set -- make S hold the N bytes at P (which may point into S)
 * sm_str_sets -- make S hold the C string CS
 * sm_str_copy -- make DST hold what SRC holds (the maximum of DST applies)
 * Return 0, or -1 with errno EMSGSIZE and the string unchanged.
 */
int	 sm_str_set(SM_STR *s, const void *p, size_t n);
int	 sm_str_sets(SM_STR *s, const char *cs);
int	 sm_str_copy(SM_STR *dst, const SM_STR *src);

/*
 * sm_str_reserve -- make room for N more bytes after the data
 * For readers that write in place (read(2), a decoder): after success,
 * sm_str_data(s) + sm_str_len(s) has N writable bytes, then call
 * sm_str_setlen.  Returns 0, or -1 (errno EMSGSIZE) if len + N would pass
 * the maximum.
 */
int	 sm_str_reserve(SM_STR *s, size_t n);

/*
 * sm_str_setlen -- set the length to LEN after writing in place
 * LEN must lie within the space the string has (sm_str_reserve); the NUL
 * is written.  A LEN past the allocation is a bug (SM_ASSERT).
 */
void	 sm_str_setlen(SM_STR *s, size_t len);

/* sm_str_truncate -- cut S to LEN bytes; no change if it is not longer. */
void	 sm_str_truncate(SM_STR *s, size_t len);

/* sm_str_rtrim -- remove trailing SP, HT, CR and LF (line ends, padding). */
void	 sm_str_rtrim(SM_STR *s);

/*
 * sm_str_casecmp -- compare A and B ignoring ASCII case (the locale is
 * never consulted: SMTP verbs, header names, domains)
 * sm_str_casecmps -- the same against the C string CS
 * Bytes compare as unsigned after folding A-Z to a-z; a proper prefix is
 * smaller.  Return <0, 0 or >0.
 */
int	 sm_str_casecmp(const SM_STR *a, const SM_STR *b);
int	 sm_str_casecmps(const SM_STR *a, const char *cs);

/* The data (NUL-terminated), its length, the maximum length. */
static inline char *
sm_str_data(const SM_STR *s)
{
	return s->s_data;
}

static inline size_t
sm_str_len(const SM_STR *s)
{
	return s->s_len;
}

static inline size_t
sm_str_max(const SM_STR *s)
{
	return s->s_max;
}

/* sm_str_reset -- empty S, keeping its memory for the next use. */
static inline void
sm_str_reset(SM_STR *s)
{
	s->s_len = 0;
	s->s_data[0] = '\0';
}

/* The common case of sm_str_addc stays inline: room for byte and NUL. */
static inline int
sm_str_addc(SM_STR *s, int c)
{
	char ch = (char)c;

	if (s->s_len + 1 < s->s_size) {
		s->s_data[s->s_len++] = ch;
		s->s_data[s->s_len] = '\0';
		return 0;
	}
	return sm_str_add(s, &ch, 1);
}

#endif
