/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * str.c -- SM_STR, a growable binary-safe string with a maximum (str.h).
 * Any process, any privilege.  Allocation goes through err.h's _x
 * functions: out of memory ends the process, a passed maximum is -1.
 */
#include "str.h"
#include "err.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* First allocation: most strings (verbs, addresses, lines) fit. */
#define STR_INITIAL	64

SM_STR *
sm_str_new(size_t max)
{
	SM_STR *s = sm_malloc_x(sizeof(*s));

	s->s_max = (max == 0 || max > SM_STR_NOMAX) ? SM_STR_NOMAX : max;
	s->s_size = s->s_max < STR_INITIAL ? s->s_max + 1 : STR_INITIAL;
	s->s_data = sm_malloc_x(s->s_size);
	s->s_len = 0;
	s->s_data[0] = '\0';
	return s;
}

void
sm_str_free(SM_STR *s)
{
	if (s == NULL)
		return;
	free(s->s_data);
	free(s);
}

char *
sm_str_export(SM_STR *s, size_t *lenp)
{
	char *data = s->s_data;

	if (lenp != NULL)
		*lenp = s->s_len;
	free(s);
	return data;
}

/*
 * Make the allocation at least NEED bytes (NUL included); NEED is at most
 * s_max + 1, so it cannot have overflowed.  Doubling keeps appends
 * amortised O(1); the size never passes s_max + 1.
 */
static void
grow(SM_STR *s, size_t need)
{
	size_t size = s->s_size;

	if (need <= size)
		return;
	while (size < need)
		size = size > SIZE_MAX / 2 ? SIZE_MAX : size * 2;
	if (size - 1 > s->s_max)
		size = s->s_max + 1;
	s->s_data = sm_realloc_x(s->s_data, size);
	s->s_size = size;
}

int
sm_str_reserve(SM_STR *s, size_t n)
{
	if (n > s->s_max - s->s_len) {
		errno = EMSGSIZE;
		return -1;
	}
	grow(s, s->s_len + n + 1);
	return 0;
}

void
sm_str_setlen(SM_STR *s, size_t len)
{
	SM_ASSERT(len < s->s_size);
	s->s_len = len;
	s->s_data[len] = '\0';
}

int
sm_str_add(SM_STR *s, const void *p, size_t n)
{
	const char *src = p;
	uintptr_t at = (uintptr_t)p, base = (uintptr_t)s->s_data;
	int inside = at >= base && at - base < s->s_size;

	/* p may point into our own buffer, which grow() may move */
	if (sm_str_reserve(s, n) < 0)
		return -1;
	if (inside)
		src = s->s_data + (at - base);
	if (n > 0)
		memmove(s->s_data + s->s_len, src, n);
	sm_str_setlen(s, s->s_len + n);
	return 0;
}

int
sm_str_adds(SM_STR *s, const char *cs)
{
	return sm_str_add(s, cs, strlen(cs));
}

int
sm_str_vaddf(SM_STR *s, const char *fmt, va_list ap)
{
	size_t room = s->s_size - s->s_len;
	va_list aq;
	int n;

	/* first try the room we have; most output fits */
	va_copy(aq, ap);
	n = vsnprintf(s->s_data + s->s_len, room, fmt, aq);
	va_end(aq);
	if (n >= 0 && (size_t)n < room) {
		s->s_len += (size_t)n;
		return 0;
	}
	s->s_data[s->s_len] = '\0';	/* undo the partial output */
	if (n < 0 || sm_str_reserve(s, (size_t)n) < 0)
		return -1;
	n = vsnprintf(s->s_data + s->s_len, (size_t)n + 1, fmt, ap);
	SM_ASSERT(n >= 0);
	s->s_len += (size_t)n;
	return 0;
}

int
sm_str_addf(SM_STR *s, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = sm_str_vaddf(s, fmt, ap);
	va_end(ap);
	return rc;
}

int
sm_str_set(SM_STR *s, const void *p, size_t n)
{
	if (n > s->s_max) {
		errno = EMSGSIZE;
		return -1;
	}
	/* p inside s means n <= s_len < s_size: grow() will not move it */
	grow(s, n + 1);
	if (n > 0)
		memmove(s->s_data, p, n);
	sm_str_setlen(s, n);
	return 0;
}

int
sm_str_sets(SM_STR *s, const char *cs)
{
	return sm_str_set(s, cs, strlen(cs));
}

int
sm_str_copy(SM_STR *dst, const SM_STR *src)
{
	if (dst == src)
		return 0;
	return sm_str_set(dst, src->s_data, src->s_len);
}

void
sm_str_truncate(SM_STR *s, size_t len)
{
	if (len < s->s_len)
		sm_str_setlen(s, len);
}

void
sm_str_rtrim(SM_STR *s)
{
	size_t len = s->s_len;
	char c;

	while (len > 0 && ((c = s->s_data[len - 1]) == ' ' || c == '\t' ||
	    c == '\r' || c == '\n'))
		len--;
	sm_str_setlen(s, len);
}

/* ASCII-only tolower: the locale must not change protocol comparisons. */
static unsigned char
fold(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') ? (unsigned char)(c - 'A' + 'a') : c;
}

/* Compare two byte ranges ignoring ASCII case. */
static int
casecmp(const char *a, size_t alen, const char *b, size_t blen)
{
	size_t n = alen < blen ? alen : blen;
	size_t i;
	int d;

	for (i = 0; i < n; i++) {
		d = fold((unsigned char)a[i]) - fold((unsigned char)b[i]);
		if (d != 0)
			return d;
	}
	return (alen > blen) - (alen < blen);
}

int
sm_str_casecmp(const SM_STR *a, const SM_STR *b)
{
	return casecmp(a->s_data, a->s_len, b->s_data, b->s_len);
}

int
sm_str_casecmps(const SM_STR *a, const char *cs)
{
	return casecmp(a->s_data, a->s_len, cs, strlen(cs));
}
