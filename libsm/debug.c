/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * debug.c -- sendmail's -d debug categories (debug.h).
 *
 * Public: sm_debug_set, sm_debug_level, sm_debug_clear, sm_dprintf and the
 * vector sm_tTdvect read by sm_tTd().  Any process, any privilege.
 *
 * The parser follows what sendmail 8.17 does with odd input (checked with
 * the real binary, see test/unit/t_debug.c): it never refuses a flag, it
 * clamps, wraps and skips.  We do the same, and tell the caller when we did.
 */
#include "debug.h"

#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

unsigned char	sm_tTdvect[SM_DEBUG_NCAT];

/* What "-d" alone means (sendmail also adds its named "*_trace_*.1"). */
#define DEFAULT_SPEC	"0-99.1"

/* The first problem met while parsing one spec. */
struct parse {
	const char	*p_why;
};

static void
note(struct parse *ps, const char *why)
{
	if (ps->p_why == NULL)
		ps->p_why = why;
}

static int
is_sep(char c)
{
	return c == ',' || c == ' ' || c == '\t';
}

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* A category number: decimal digits, 100 and above read as 99. */
static const char *
category(const char *s, unsigned int *cat, struct parse *ps)
{
	unsigned int v = 0;

	for (; is_digit(*s); s++) {
		if (v < SM_DEBUG_NCAT)
			v = v * 10 + (unsigned int)(*s - '0');
	}
	if (v >= SM_DEBUG_NCAT) {
		note(ps, "debug category above 99 (taken as 99)");
		v = SM_DEBUG_NCAT - 1;
	}
	*cat = v;
	return s;
}

/* A level: decimal digits modulo 256, as sendmail's char store does. */
static const char *
level(const char *s, unsigned int *lev, struct parse *ps)
{
	unsigned int v = 0;
	int big = 0;

	for (; is_digit(*s); s++) {
		v = v * 10 + (unsigned int)(*s - '0');
		if (v > 255) {
			big = 1;
			v %= 256;
		}
	}
	if (big)
		note(ps, "debug level above 255 (taken modulo 256)");
	*lev = v;
	return s;
}

/* Skip the rest of a flag up to a separator; anything there is junk. */
static const char *
skip_junk(const char *s, struct parse *ps)
{
	if (*s != '\0' && !is_sep(*s))
		note(ps, "junk after a debug flag (ignored)");
	while (*s != '\0' && !is_sep(*s))
		s++;
	return s;
}

/* FIRST[-LAST][.LEVEL] */
static const char *
numeric_flag(const char *s, struct parse *ps)
{
	unsigned int first, last, lev = 1, c;

	s = category(s, &first, ps);
	last = first;
	if (*s == '-')
		s = category(s + 1, &last, ps);
	if (*s == '.')
		s = level(s + 1, &lev, ps);
	for (c = first; c <= last; c++)
		sm_tTdvect[c] = (unsigned char)lev;
	return skip_junk(s, ps);
}

int
sm_debug_set(const char *spec, const char **errp)
{
	struct parse ps = { NULL };
	const char *s = spec;

	if (s == NULL || *s == '\0')
		s = DEFAULT_SPEC;
	while (*s != '\0') {
		if (is_sep(*s)) {
			s++;
		} else if (is_digit(*s)) {
			s = numeric_flag(s, &ps);
		} else {
			note(&ps, "named debug categories are not supported"
			    " (ignored)");
			while (*s != '\0' && !is_sep(*s))
				s++;
		}
	}
	if (ps.p_why == NULL)
		return 0;
	if (errp != NULL)
		*errp = ps.p_why;
	return -1;
}

int
sm_debug_level(int cat)
{
	if (cat < 0 || cat >= SM_DEBUG_NCAT)
		return 0;
	return sm_tTdvect[cat];
}

void
sm_debug_clear(void)
{
	unsigned int c;

	for (c = 0; c < SM_DEBUG_NCAT; c++)
		sm_tTdvect[c] = 0;
}

void
sm_dprintf(const char *fmt, ...)
{
	int save_errno = errno;
	va_list ap;

	va_start(ap, fmt);
	(void)vfprintf(stdout, fmt, ap);
	va_end(ap);
	errno = save_errno;
}
