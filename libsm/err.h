/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * err.h -- assertions, fatal exits and allocation that cannot fail.
 *
 *	SM_ASSERT(e)	a programming error: report file:line and abort()
 *	sm_panic()	likewise, with a message (a bug, never the environment)
 *	sm_fatal()	an unusable environment: report and exit with a
 *			sysexits(3) code (EX_OSERR, EX_CONFIG, ...)
 *	sm_malloc_x() and friends: the _x rule -- they never return NULL;
 *			out of memory is fatal (EX_OSERR)
 * Reports go through sm_log (log.h) at LOG_CRIT, so they reach syslog or the
 * test's log file like every other line.
 */
#ifndef SM_ERR_H
#define SM_ERR_H

#include <stddef.h>
#include <sysexits.h>

#define SM_ASSERT(e) \
	((e) ? (void)0 : sm_abort_at(__FILE__, __LINE__, #e))

_Noreturn void	sm_abort_at(const char *file, int line, const char *expr);
_Noreturn void	sm_panic(const char *fmt, ...)
		    __attribute__((format(printf, 1, 2)));
_Noreturn void	sm_fatal(int exitstatus, const char *fmt, ...)
		    __attribute__((format(printf, 2, 3)));

void	*sm_malloc_x(size_t size);
void	*sm_calloc_x(size_t n, size_t size);
void	*sm_realloc_x(void *p, size_t size);
/* n elements of size bytes, overflow checked */
void	*sm_reallocarray_x(void *p, size_t n, size_t size);
char	*sm_strdup_x(const char *s);
/* a NUL-terminated copy of len bytes */
char	*sm_strndup_x(const char *s, size_t len);
void	*sm_memdup_x(const void *p, size_t len);

#endif
