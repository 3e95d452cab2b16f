/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * rpool.c -- SM_RPOOL, arenas freed in one call (rpool.h).
 * Any process, any privilege.
 *
 * A pool is a list of malloc'd blocks.  Small requests are cut from the
 * newest shared block with a bump pointer; a request bigger than a quarter
 * of a block gets a block of its own, so big objects waste no shared
 * space.  Cleanup records are themselves pool objects on a LIFO list.
 */
#include "rpool.h"
#include "err.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Under AddressSanitizer, poison what no object owns (see rpool.h). */
#if defined(__SANITIZE_ADDRESS__)
#define RPOOL_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define RPOOL_ASAN 1
#endif
#endif
#ifdef RPOOL_ASAN
#include <sanitizer/asan_interface.h>
#define POISON(p, n)	ASAN_POISON_MEMORY_REGION((p), (n))
#define UNPOISON(p, n)	ASAN_UNPOISON_MEMORY_REGION((p), (n))
#define REDZONE		RPOOL_ALIGN	/* poisoned gap after each object */
#else
#define POISON(p, n)	((void)(p), (void)(n))
#define UNPOISON(p, n)	((void)(p), (void)(n))
#define REDZONE		0
#endif

#define RPOOL_ALIGN	alignof(max_align_t)
#define RPOOL_BLOCK	4096	/* bytes malloc'd for a shared block */

/* A block header; the union keeps the data after it aligned. */
typedef union rpool_blk {
	struct {
		union rpool_blk *next;
		size_t	 size;		/* bytes of data after the header */
	} h;
	max_align_t	 align;
} RPOOL_BLK;

#define RPOOL_DATA	(RPOOL_BLOCK - sizeof(RPOOL_BLK))
#define RPOOL_BIG	(RPOOL_DATA / 4)

struct sm_rpool_cleanup {
	struct sm_rpool_cleanup *c_next;
	void	(*c_fn)(void *);
	void	*c_arg;
};

struct sm_rpool {
	char	*p_ptr;		/* next free byte of the shared block */
	size_t	 p_avail;	/* bytes free there */
	RPOOL_BLK *p_blocks;	/* every block, newest first */
	SM_RPOOL_CLEANUP *p_cleanups;	/* newest first */
	int	 p_freeing;	/* in sm_rpool_free: no more allocation */
};

SM_RPOOL *
sm_rpool_new_x(void)
{
	return sm_calloc_x(1, sizeof(SM_RPOOL));
}

/* A new block with SIZE data bytes, linked into POOL; returns its data. */
static char *
new_block(SM_RPOOL *pool, size_t size)
{
	RPOOL_BLK *b = sm_malloc_x(sizeof(*b) + size);

	b->h.next = pool->p_blocks;
	b->h.size = size;
	pool->p_blocks = b;
	return (char *)(b + 1);
}

void *
sm_rpool_malloc_x(SM_RPOOL *pool, size_t n)
{
	size_t need;
	char *p;

	SM_ASSERT(pool != NULL);
	SM_ASSERT(!pool->p_freeing);
	if (n > SIZE_MAX - sizeof(RPOOL_BLK) - RPOOL_ALIGN - REDZONE)
		sm_fatal(EX_OSERR, "rpool: allocation overflow (%zu bytes)", n);
	need = ((n ? n : 1) + REDZONE + RPOOL_ALIGN - 1) & ~(RPOOL_ALIGN - 1);
	if (need > RPOOL_BIG)
		return new_block(pool, n);
	if (need > pool->p_avail) {
		pool->p_ptr = new_block(pool, RPOOL_DATA);
		pool->p_avail = RPOOL_DATA;
		POISON(pool->p_ptr, RPOOL_DATA);
	}
	p = pool->p_ptr;
	pool->p_ptr += need;
	pool->p_avail -= need;
	UNPOISON(p, n);
	return p;
}

void *
sm_rpool_zalloc_x(SM_RPOOL *pool, size_t n)
{
	void *p = sm_rpool_malloc_x(pool, n);

	memset(p, 0, n);
	return p;
}

void *
sm_rpool_memdup_x(SM_RPOOL *pool, const void *p, size_t len)
{
	void *q = sm_rpool_malloc_x(pool, len);

	if (len > 0)
		memcpy(q, p, len);
	return q;
}

char *
sm_rpool_strndup_x(SM_RPOOL *pool, const char *s, size_t len)
{
	char *q;

	if (len == SIZE_MAX)
		sm_fatal(EX_OSERR, "rpool: allocation overflow");
	q = sm_rpool_malloc_x(pool, len + 1);
	if (len > 0)
		memcpy(q, s, len);
	q[len] = '\0';
	return q;
}

char *
sm_rpool_strdup_x(SM_RPOOL *pool, const char *s)
{
	return sm_rpool_strndup_x(pool, s, strlen(s));
}

char *
sm_rpool_vprintf_x(SM_RPOOL *pool, const char *fmt, va_list ap)
{
	va_list aq;
	char *p;
	int n;

	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n < 0)
		sm_fatal(EX_SOFTWARE, "rpool: cannot format \"%s\"", fmt);
	p = sm_rpool_malloc_x(pool, (size_t)n + 1);
	(void)vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *
sm_rpool_printf_x(SM_RPOOL *pool, const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = sm_rpool_vprintf_x(pool, fmt, ap);
	va_end(ap);
	return p;
}

SM_RPOOL_CLEANUP *
sm_rpool_attach_x(SM_RPOOL *pool, void (*fn)(void *), void *arg)
{
	SM_RPOOL_CLEANUP *c;

	SM_ASSERT(fn != NULL);
	c = sm_rpool_malloc_x(pool, sizeof(*c));
	c->c_fn = fn;
	c->c_arg = arg;
	c->c_next = pool->p_cleanups;
	pool->p_cleanups = c;
	return c;
}

void
sm_rpool_detach(SM_RPOOL_CLEANUP *c)
{
	SM_ASSERT(c != NULL);
	c->c_fn = NULL;
}

void
sm_rpool_free(SM_RPOOL *pool)
{
	SM_RPOOL_CLEANUP *c;
	RPOOL_BLK *b, *next;

	if (pool == NULL)
		return;
	pool->p_freeing = 1;
	for (c = pool->p_cleanups; c != NULL; c = c->c_next)
		if (c->c_fn != NULL)
			c->c_fn(c->c_arg);
	for (b = pool->p_blocks; b != NULL; b = next) {
		next = b->h.next;
		UNPOISON(b + 1, b->h.size);
		free(b);
	}
	free(pool);
}
