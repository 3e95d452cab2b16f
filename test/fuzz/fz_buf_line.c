/* SPDX-License-Identifier: BSD-3-Clause */
/* fz_buf_line.c -- sm_buf_getline, strict and lenient, over reads of 1..8
 * bytes (byte 0) with a max of 1..16: lines + ends must rebuild the input. */
#include "libsm/buf.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
struct mem { const uint8_t *p; size_t len, pos, chunk; };
static ssize_t
rd(void *ctx, void *p, size_t len, short *want)
{
	struct mem *m = ctx;
	size_t n = m->len - m->pos < m->chunk ? m->len - m->pos : m->chunk;
	n = n < len ? n : len;
	memcpy(p, m->p + m->pos, n);
	m->pos += n;
	return (void)want, (ssize_t)n;
}
static const struct sm_buf_io io = { rd, NULL, NULL, 1 };
static void
run(const uint8_t *d, size_t n, size_t max, size_t chunk, int flags)
{
	struct mem m = { d, n, 0, chunk };
	SM_BUF *b = sm_buf_new(-1, -1);
	struct sm_line ln;
	size_t at = 0, t;
	sm_buf_set_io(b, &io, &m);
	while (sm_buf_getline(b, max, flags, &ln) == 1) {
		t = ln.l_end == SM_EOL_CRLF ? 2 : ln.l_end == SM_EOL_LF;
		if (ln.l_len > max || ln.l_data[ln.l_len] != '\0' ||
		    at + ln.l_len + t > n || memcmp(d + at, ln.l_data, ln.l_len) ||
		    memcmp(d + at + ln.l_len, t == 1 ? "\n" : "\r\n", t) ||
		    (t == 1 && !(flags & SM_LINE_LF)) || (ln.l_flags & 1) !=
		    (memchr(ln.l_data, '\r', ln.l_len) != NULL))
			abort();
		at += ln.l_len + t;
	}
	if (at != n)
		abort();
	sm_buf_free(b);
}
int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	for (int lf = 0; size > 0 && lf < 2; lf++)
		run(data + 1, size - 1, 1 + data[0] % 16, 1 + data[0] / 16 % 8, lf);
	return 0;
}
