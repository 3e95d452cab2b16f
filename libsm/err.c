/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * err.c -- assertions, fatal exits, allocation that cannot fail (err.h).
 * Any process, any privilege.  Messages go to sm_log at LOG_CRIT.
 */
#include "err.h"
#include "log.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>

void
sm_abort_at(const char *file, int line, const char *expr)
{
	sm_log(LOG_CRIT, NULL, "assertion failed: %s:%d: %s", file, line,
	    expr);
	abort();
}

/* The last word of a process that is about to end: WHAT, then FMT. */
static void __attribute__((format(printf, 2, 0)))
log_last(const char *what, const char *fmt, va_list ap)
{
	char msg[1024];

	(void)vsnprintf(msg, sizeof(msg), fmt, ap);
	sm_log(LOG_CRIT, NULL, "%s%s", what, msg);
}

void
sm_panic(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_last("panic: ", fmt, ap);
	va_end(ap);
	abort();
}

void
sm_fatal(int exitstatus, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_last("", fmt, ap);
	va_end(ap);
	exit(exitstatus);
}

void *
sm_malloc_x(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (p == NULL)
		sm_fatal(EX_OSERR, "out of memory (%zu bytes)", size);
	return p;
}

void *
sm_calloc_x(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		sm_fatal(EX_OSERR, "out of memory (%zu * %zu bytes)", n, size);
	return p;
}

void *
sm_realloc_x(void *p, size_t size)
{
	void *q = realloc(p, size ? size : 1);

	if (q == NULL)
		sm_fatal(EX_OSERR, "out of memory (%zu bytes)", size);
	return q;
}

void *
sm_reallocarray_x(void *p, size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size)
		sm_fatal(EX_OSERR, "allocation overflow (%zu * %zu)", n, size);
	return sm_realloc_x(p, n * size);
}

void *
sm_memdup_x(const void *p, size_t len)
{
	void *q = sm_malloc_x(len);

	if (len > 0)
		memcpy(q, p, len);
	return q;
}

char *
sm_strndup_x(const char *s, size_t len)
{
	char *q;

	if (len == SIZE_MAX)
		sm_fatal(EX_OSERR, "allocation overflow");
	q = sm_malloc_x(len + 1);
	memcpy(q, s, len);
	q[len] = '\0';
	return q;
}

char *
sm_strdup_x(const char *s)
{
	return sm_strndup_x(s, strlen(s));
}
