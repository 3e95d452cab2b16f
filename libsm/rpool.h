/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * rpool.h -- SM_RPOOL, an arena per envelope and per SMTP transaction.
 *
 * Everything that lives as long as one message (addresses, header values,
 * ESMTP parameters) is allocated from the transaction's pool and released
 * together by one sm_rpool_free() at RSET or end of message, so no path
 * can forget a free(3).  Resources that are not memory (a descriptor, a
 * temporary file) attach a cleanup callback; the callbacks run at
 * sm_rpool_free(), newest first, before the memory goes.
 *
 *	sm_rpool_new_x sm_rpool_free
 *	sm_rpool_malloc_x sm_rpool_zalloc_x
 *	sm_rpool_strdup_x sm_rpool_strndup_x sm_rpool_memdup_x
 *	sm_rpool_printf_x sm_rpool_vprintf_x
 *	sm_rpool_attach_x sm_rpool_detach
 *
 * The _x rule: nothing here returns failure; out of memory (or a size that
 * overflows) ends the process with EX_OSERR.  A NULL pool is a bug
 * (SM_ASSERT), never a quiet fallback to malloc: memory of unknown owner
 * is what the pool exists to prevent.  Every pointer returned is aligned
 * for any object type (max_align_t).  Small requests are cut from shared
 * blocks; big ones get a block of their own.  In AddressSanitizer builds
 * the unused parts of blocks are poisoned, so overruns between pool
 * objects are caught as with malloc.
 *
 * Any process, any privilege.  A pool is used by one thread at a time.
 */
#ifndef SM_RPOOL_H
#define SM_RPOOL_H

#include <stdarg.h>
#include <stddef.h>

typedef struct sm_rpool SM_RPOOL;
/* A handle on an attached cleanup, for sm_rpool_detach. */
typedef struct sm_rpool_cleanup SM_RPOOL_CLEANUP;

/* sm_rpool_new_x -- an empty pool.  Never NULL. */
SM_RPOOL *sm_rpool_new_x(void);

/*
 * sm_rpool_free -- run the attached cleanups (newest first), then release
 * every object of the pool and the pool itself.  NULL is allowed.
 * Allocating from the pool inside a cleanup callback is a bug.
 */
void	 sm_rpool_free(SM_RPOOL *pool);

/*
 * sm_rpool_malloc_x -- N bytes (N may be 0: a distinct valid pointer)
 * sm_rpool_zalloc_x -- N bytes set to zero
 * Returns memory aligned to max_align_t, valid until sm_rpool_free.
 */
void	*sm_rpool_malloc_x(SM_RPOOL *pool, size_t n);
void	*sm_rpool_zalloc_x(SM_RPOOL *pool, size_t n);

/*
 * sm_rpool_strdup_x -- a copy of the C string S
 * sm_rpool_strndup_x -- a NUL-terminated copy of exactly LEN bytes at S
 *	(like err.h's sm_strndup_x: S need not be NUL-terminated, and all
 *	LEN bytes are read, NULs included)
 * sm_rpool_memdup_x -- a copy of LEN bytes at P
 */
char	*sm_rpool_strdup_x(SM_RPOOL *pool, const char *s);
char	*sm_rpool_strndup_x(SM_RPOOL *pool, const char *s, size_t len);
void	*sm_rpool_memdup_x(SM_RPOOL *pool, const void *p, size_t len);

/*
 * sm_rpool_printf_x, sm_rpool_vprintf_x -- a new string formatted by
 * vsnprintf.  Output that vsnprintf cannot produce (an encoding error, or
 * past INT_MAX bytes) is fatal (EX_SOFTWARE): the format is the caller's.
 */
char	*sm_rpool_printf_x(SM_RPOOL *pool, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
char	*sm_rpool_vprintf_x(SM_RPOOL *pool, const char *fmt, va_list ap)
	    __attribute__((format(printf, 2, 0)));

/*
 * sm_rpool_attach_x -- call FN(ARG) when the pool is freed
 * For what the pool must release besides memory: close a descriptor,
 * unlink a temporary file, free a malloc'd library object.
 * Returns a handle for sm_rpool_detach, valid until sm_rpool_free.
 */
SM_RPOOL_CLEANUP *sm_rpool_attach_x(SM_RPOOL *pool, void (*fn)(void *),
	    void *arg);

/*
 * sm_rpool_detach -- cancel an attached cleanup (the resource was already
 * released by hand, e.g. the descriptor closed early).  Its record stays
 * in the pool until sm_rpool_free, which then skips it.
 */
void	 sm_rpool_detach(SM_RPOOL_CLEANUP *c);

#endif
