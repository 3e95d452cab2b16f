/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * strl.c -- sm_strlcpy, sm_strlcat with BSD semantics (strl.h).
 * Any process, any privilege.
 */
#include "strl.h"

#include <string.h>

size_t
sm_strlcpy(char *dst, const char *src, size_t size)
{
	size_t len = strlen(src);
	size_t n;

	if (size > 0) {
		n = len < size ? len : size - 1;
		memcpy(dst, src, n);
		dst[n] = '\0';
	}
	return len;
}

size_t
sm_strlcat(char *dst, const char *src, size_t size)
{
	size_t used = size > 0 ? strnlen(dst, size) : 0;

	/* no NUL within size: nothing can be appended */
	if (used == size)
		return size + strlen(src);
	return used + sm_strlcpy(dst + used, src, size - used);
}
