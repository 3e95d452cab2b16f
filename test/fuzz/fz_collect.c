/* SPDX-License-Identifier: BSD-3-Clause */
/* fz_collect.c -- collect() over reads of 1..8 bytes (byte 0: chunk, mode, flags,
 * header limit).  SMTP: a message read to its end stops exactly at the first
 * CRLF.CRLF, its size recounted here, no bare CR/LF before it unless discarding;
 * the df never holds a CR; the body count is right. */
#include "sendmail/collect.h"
#include "libsm/str.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
struct mem { const uint8_t *p; size_t len, pos, chunk; };
static ssize_t
rd(void *c, void *p, size_t len, short *w)
{
	struct mem *m = c; size_t n = m->len - m->pos < m->chunk ? m->len - m->pos : m->chunk;
	memcpy(p, m->p + m->pos, n = n < len ? n : len);
	return m->pos += n, (void)w, (ssize_t)n;
}
static ssize_t wr(void *c, const void *p, size_t n, short *w) { return (void)w, sm_str_add(c, p, n) ? -1 : (ssize_t)n; }
static const struct sm_buf_io in_io = { rd, NULL, NULL, 1 }, out_io = { rd, wr, NULL, 1 };
#define BOL(i)	((i) == 0 || ((i) >= 2 && s[(i) - 1] == '\n' && s[(i) - 2] == '\r'))
int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int
LLVMFuzzerTestOneInput(const uint8_t *d, size_t size)
{
	struct mem m = { d + 1, size - 1, 0, 1 + d[0] % 8 };
	struct collect_opts o = { d[0] & 8 ? COLLECT_SMTP : COLLECT_STDIN,
	    d[0] >> 4 & 3, 0, d[0] & 64 ? 20 : 0, -1, NULL, NULL };
	struct collect_result r;
	const uint8_t *s = d + 1, *e = size ? memmem(s, m.len, ".\r\n", 3) : NULL;
	long long n = 0, i, bare = 0, rc;
	SM_BUF *ib = sm_buf_new(-1, -1), *ob = sm_buf_new(-1, -1);
	SM_RPOOL *pool = sm_rpool_new_x(); SM_STR *df = sm_str_new(0);
	while (e != NULL && !BOL(e - s))	/* the first "." CRLF at a line start */
		e = memmem(e + 1, m.len - (size_t)(e + 1 - s), ".\r\n", 3);
	for (i = 0; e != NULL && i < e - s; i++) {	/* CRLF counts 1, stuffing 0 */
		n += !(s[i] == '\r' && s[i + 1] == '\n') && !(s[i] == '.' && BOL(i));
		bare |= (s[i] == '\n' && (i == 0 || s[i - 1] != '\r')) ||
		    (s[i] == '\r' && s[i + 1] != '\n');
	}
	sm_buf_set_io(ib, &in_io, &m), sm_buf_set_io(ob, &out_io, df);
	rc = size ? collect(ib, &o, pool, ob, &r) : (memset(&r, 0, sizeof(r)), 0);
	if ((size && o.c_mode == COLLECT_SMTP && ((rc == 0 && (e == NULL || r.cr_msgsize != n ||
	    m.pos - sm_buf_pending(ib) != (size_t)(e + 3 - s) || (bare && r.cr_status !=
	    COLLECT_HDRTOOBIG))) || memchr(sm_str_data(df), '\r', sm_str_len(df)))) ||
	    r.cr_bodysize > r.cr_msgsize || (rc == 0 && (size_t)r.cr_bodysize != sm_str_len(df)))
		abort();
	return sm_buf_free(ib), sm_buf_free(ob), sm_rpool_free(pool), sm_str_free(df), 0;
}
