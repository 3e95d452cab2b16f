/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * strl.h -- bounded string copy and concatenation into fixed arrays.
 *
 *	sm_strlcpy sm_strlcat
 *
 * The semantics of BSD strlcpy(3)/strlcat(3), which glibc 2.36 (Debian 12)
 * lacks: the result is always NUL-terminated when SIZE > 0, and the return
 * value is the length of the string they tried to create, so truncation is
 *	if (sm_strlcpy(buf, s, sizeof(buf)) >= sizeof(buf)) ... too long
 * Use them only where a fixed array is the right tool (STYLE.md habit 4);
 * everything else is an SM_STR.  Any process, any privilege.
 */
#ifndef SM_STRL_H
#define SM_STRL_H

#include <stddef.h>

/*
 * sm_strlcpy -- copy the C string SRC into DST of SIZE bytes
 * Copies at most SIZE - 1 bytes and NUL-terminates (if SIZE > 0).
 * Returns strlen(SRC); a value >= SIZE means DST holds a truncated copy.
 */
size_t	sm_strlcpy(char *dst, const char *src, size_t size);

/*
 * sm_strlcat -- append the C string SRC to the C string in DST of SIZE bytes
 * Appends at most SIZE - strlen(DST) - 1 bytes and NUL-terminates.
 * Returns the initial strlen(DST) + strlen(SRC); a value >= SIZE means
 * truncation.  If DST holds no NUL within SIZE bytes it is left alone and
 * SIZE + strlen(SRC) is returned (so truncation is still reported).
 */
size_t	sm_strlcat(char *dst, const char *src, size_t size);

#endif
