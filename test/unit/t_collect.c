/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * t_collect.c -- sendmail/collect: reading a message in SMTP DATA and on
 * standard input.
 *
 * Every expected df, header list and reply below was observed on Debian's
 * sendmail 8.17.1.9-2+deb12u2 driven in -bs mode (one reply awaited per
 * step, the cf of OSTYPE(linux), -odq, the queue's df/qf files read
 * afterwards) or in -bm mode; the df sizes sendmail wrote are noted where
 * they confirm a row.  Rows marked "Tern" are decisions where Tern does
 * not copy a sendmail quirk (collect.c says why).
 * Each row runs with the input delivered in one read and again one,
 * two, three and seven bytes at a time: the results must not change.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "libsm/buf.h"
#include "libsm/rpool.h"
#include "libsm/str.h"
#include "sendmail/collect.h"
#include "test/unit/t.h"

/* ---- a memory transport: input in chunks, output into an SM_STR ---- */

struct mem {
	const char	*p;
	size_t		len, off, chunk;
	size_t		reads;
};

static ssize_t
mem_read(void *ctx, void *p, size_t len, short *want)
{
	struct mem *m = ctx;
	size_t n = m->len - m->off;

	(void)want;
	if (n > len)
		n = len;
	if (m->chunk > 0 && n > m->chunk)
		n = m->chunk;
	memcpy(p, m->p + m->off, n);
	m->off += n;
	m->reads++;
	return (ssize_t)n;
}

static ssize_t
str_write(void *ctx, const void *p, size_t len, short *want)
{
	(void)want;
	if (sm_str_add(ctx, p, len) < 0) {
		errno = ENOSPC;
		return -1;
	}
	return (ssize_t)len;
}

static ssize_t
no_read(void *ctx, void *p, size_t len, short *want)
{
	(void)ctx, (void)p, (void)len, (void)want;
	errno = EBADF;
	return -1;
}

static const struct sm_buf_io in_io = { mem_read, NULL, NULL, 1 };
static const struct sm_buf_io out_io = { no_read, str_write, NULL, 1 };

/* One collect() run and what it left. */
struct run {
	int		rc;
	struct collect_result r;
	SM_STR		*df;		/* the body written */
	char		hdrs[4096];	/* "[name][value]" for each field */
	char		rest[256];	/* the input line after the message */
	char		reply[512];
	int		eoh_calls;
	int		eoh_nhdrs;
	long		eoh_hdrslen;
};

#define B(s)	s, sizeof(s) - 1

static int
eoh_count(void *ctx, const struct collect_result *res)
{
	struct run *x = ctx;

	x->eoh_calls++;
	x->eoh_nhdrs = res->cr_nhdrs;
	x->eoh_hdrslen = res->cr_hdrslen;
	return 0;
}

static void
render_hdrs(struct run *x)
{
	const struct collect_hdr *h;
	size_t off = 0;
	int n;

	x->hdrs[0] = '\0';
	for (h = x->r.cr_hdrs; h != NULL; h = h->h_link) {
		n = snprintf(x->hdrs + off, sizeof(x->hdrs) - off, "[%s][%s]",
		    h->h_field, h->h_value);
		if (n < 0 || (size_t)n >= sizeof(x->hdrs) - off)
			break;
		off += (size_t)n;
	}
}

/* Run collect over IN delivered CHUNK bytes per read (0: all at once). */
static void
run(struct run *x, SM_RPOOL *pool, const char *in, size_t len,
    const struct collect_opts *o, size_t chunk)
{
	struct mem m = { in, len, 0, chunk, 0 };
	SM_BUF *ib = sm_buf_new(-1, -1), *ob = sm_buf_new(-1, -1);
	struct collect_opts oo = *o;
	struct sm_line ln;

	memset(x, 0, sizeof(*x));
	x->df = sm_str_new(0);
	sm_buf_set_io(ib, &in_io, &m);
	sm_buf_set_io(ob, &out_io, x->df);
	if (oo.c_eoh == NULL) {
		oo.c_eoh = eoh_count;
		oo.c_eohctx = x;
	}
	x->rc = collect(ib, &oo, pool, ob, &x->r);
	render_hdrs(x);
	if (x->rc == 0 && sm_buf_getline(ib, 200, SM_LINE_LF, &ln) == 1)
		(void)snprintf(x->rest, sizeof(x->rest), "%s", ln.l_data);
	(void)collect_reply(&x->r, "localhost", "<a@mta.example.org>",
	    "qf/dfX", x->reply, sizeof(x->reply));
	sm_buf_free(ib);
	sm_buf_free(ob);
}

static void
run_free(struct run *x)
{
	sm_str_free(x->df);
	x->df = NULL;
}

/* ---- the table ---- */

struct row {
	const char	*name;
	const char	*in;
	size_t		inlen;
	enum collect_mode mode;
	unsigned int	flags;
	long		maxmsg;
	int		maxhdr;
	int		rc;
	enum collect_status status;
	const char	*df;		/* NULL: not checked */
	size_t		dflen;
	const char	*hdrs;		/* NULL: not checked */
	const char	*reply;		/* NULL: not checked */
};

#define SMTP	COLLECT_SMTP
#define STDIN	COLLECT_STDIN
#define NODF	NULL, 0

static const struct row rows[] = {
/* SMTP: dots and ends */
{ "smtp: plain message, dot-stuffed line",
  B("Subject: hi\r\n\r\nline1\r\n..dot\r\n.\r\nQUIT\r\n"),
  SMTP, 0, 0, 32768, 0, COLLECT_OK, B("line1\n.dot\n"), "[Subject][ hi]", "" },
{ "smtp: leading dots, tab, space, NUL, 8-bit (df 33 bytes)",
  B("Subject: s\r\n\r\n.x\r\n..y\r\n...z\r\n.\tq\r\n. \r\nnul\0byte\r\n"
    "8bit \xe9\xff\x80\r\n\r\n.\r\nQUIT\r\n"),
  SMTP, 0, 0, 32768, 0, COLLECT_OK,
  B("x\n.y\n..z\n\tq\n \nnul\0byte\n8bit \xe9\xff\x80\n\n"),
  "[Subject][ s]", "" },
{ "smtp: empty message (df 0 bytes)", B(".\r\nQUIT\r\n"),
  SMTP, 0, 0, 32768, 0, COLLECT_OK, B(""), "", "" },
{ "smtp: 2,500-byte body line kept whole (df 2507 bytes)", NULL, 0,
  SMTP, 0, 0, 32768, 0, COLLECT_OK, NODF, "[Subject][ s]", "" },
/* SMTP: smuggling and bare CR/LF */
{ "smtp: LF.CRLF is no end (bare LF)",
  B("Subject: s\r\n\r\na\r\n\n.\r\nMAIL FROM:<evil@x>\r\n.\r\n"),
  SMTP, 0, 0, 32768, -1, COLLECT_BARELF, NODF, NULL,
  "421 4.5.0 Bare linefeed (LF) not allowed" },
{ "smtp: CRLF.LF is no end (bare LF)",
  B("Subject: s\r\n\r\na\r\n.\nMAIL FROM:<evil@x>\r\n.\r\n"),
  SMTP, 0, 0, 32768, -1, COLLECT_BARELF, NODF, NULL,
  "421 4.5.0 Bare linefeed (LF) not allowed" },
{ "smtp: LF.LF is no end (bare LF)",
  B("Subject: s\r\n\r\na\n.\nMAIL FROM:<evil@x>\r\n.\r\n"),
  SMTP, 0, 0, 32768, -1, COLLECT_BARELF, NODF, NULL,
  "421 4.5.0 Bare linefeed (LF) not allowed" },
{ "smtp: CR.CR is no end (bare CR)",
  B("Subject: s\r\n\r\na\r\n\r.\r\r\nmore\r\n.\r\n"),
  SMTP, 0, 0, 32768, -1, COLLECT_BARECR, NODF, NULL,
  "421 4.5.0 Bare carriage return (CR) not allowed" },
{ "smtp: bare LF inside a line", B("Subject: s\r\n\r\na\nb\r\nmore\r\n.\r\n"),
  SMTP, 0, 0, 32768, -1, COLLECT_BARELF, NODF, NULL, NULL },
{ "smtp: bare CR inside a line", B("Subject: s\r\n\r\na\rb\r\nmore\r\n.\r\n"),
  SMTP, 0, 0, 32768, -1, COLLECT_BARECR, NODF, NULL, NULL },
{ "smtp: bare LF in a header line", B("Subject: s\r\nX-H: a\nb\r\n\r\nb\r\n.\r\n"),
  SMTP, 0, 0, 32768, -1, COLLECT_BARELF, NODF, NULL, NULL },
{ "smtp: \".\\r\" then end of input is a bare CR", B("Subject: s\r\n\r\na\r\n.\r"),
  SMTP, 0, 0, 32768, -1, COLLECT_BARECR, NODF, NULL, NULL },
{ "smtp: CR CR LF is a bare CR", B("a\r\r\n.\r\n"),
  SMTP, 0, 0, 32768, -1, COLLECT_BARECR, NODF, NULL, NULL },
/* SMTP: end of input */
{ "smtp: connection dropped mid-DATA", B("Subject: s\r\n\r\nbody\r\n"),
  SMTP, 0, 0, 32768, -1, COLLECT_EOF, NODF, NULL,
  "421 4.4.1 collect: relay=localhost, from=<a@mta.example.org>, "
  "info=unexpected close" },
{ "smtp: dropped after CRLF \".\"", B("Subject: s\r\n\r\nbody\r\n."),
  SMTP, 0, 0, 32768, -1, COLLECT_EOF, NODF, NULL, NULL },
{ "smtp: dropped before any byte", B(""),
  SMTP, 0, 0, 32768, -1, COLLECT_EOF, NODF, NULL, NULL },
/* SMTP: header parsing */
{ "smtp: leading From_ line taken out (df 8 bytes)",
  B("From foo@bar Sun Nov 22 00:17:36 2026\r\nSubject: s\r\n\r\nFrom me\r\n"
    ".\r\n"),
  SMTP, 0, 0, 32768, 0, COLLECT_OK, B("From me\n"), "[Subject][ s]", "" },
{ "smtp: SaveFromLine keeps the From_ line as body",
  B("From foo@bar Sun Nov 22 00:17:36 2026\r\nSubject: s\r\n\r\nb\r\n.\r\n"),
  SMTP, COLLECT_F_SAVEFROM, 0, 32768, 0, COLLECT_OK,
  B("From foo@bar Sun Nov 22 00:17:36 2026\nSubject: s\n\nb\n"), "", "" },
{ "smtp: name before white space; NUL dropped; \"--\" starts body (df 19)",
  B("X-Foo : bar\r\nX-B\0ar: baz\r\n--foo: bar\r\nX: y\r\n\r\nb\r\n.\r\n"),
  SMTP, 0, 0, 32768, 0, COLLECT_OK, B("--foo: bar\nX: y\n\nb\n"),
  "[X-Foo][ bar][X-Bar][ baz]", "" },
{ "smtp: 8-bit field name starts body (df 14)",
  B("X-Foo: bar\r\nX\xe9: y\r\nZ: z\r\n\r\nb\r\n.\r\n"),
  SMTP, 0, 0, 32768, 0, COLLECT_OK, B("X\xe9: y\nZ: z\n\nb\n"),
  "[X-Foo][ bar]", "" },
{ "smtp: first line indented is body (df 14)",
  B(" X: y\r\nZ: z\r\n\r\nb\r\n.\r\n"),
  SMTP, 0, 0, 32768, 0, COLLECT_OK, B(" X: y\nZ: z\n\nb\n"), "", "" },
{ "smtp: no blank line: first body line kept (df 15)",
  B("X: y\r\nbody here\r\nZ: z\r\n.\r\n"),
  SMTP, 0, 0, 32768, 0, COLLECT_OK, B("body here\nZ: z\n"), "[X][ y]", "" },
{ "smtp: values raw after ':', continuation kept",
  B("X:    y  \r\nE:\r\nF:\r\n  cont\r\nG:\ty\r\nX-Long: a\r\n  b\r\n\tc\r\n"
    "\r\nb\r\n.\r\n"),
  SMTP, 0, 0, 32768, 0, COLLECT_OK, B("b\n"),
  "[X][    y  ][E][][F][\n  cont][G][\ty][X-Long][ a\n  b\n\tc]", "" },
{ "smtp: tab before colon, no space after, odd name bytes",
  B("X\t: y\r\nX:y\r\nX(a)<b>: c\r\nA: b\r\nX\x0b\x0c: z\r\n\r\nb\r\n.\r\n"),
  SMTP, 0, 0, 32768, 0, COLLECT_OK, B("b\n"),
  "[X][ y][X][y][X(a)<b>][ c][A][ b][X][ z]", "" },
{ "smtp: space inside a name starts body (df 15)",
  B("A: b\r\nX y: z\r\nC: d\r\n\r\nb\r\n.\r\n"),
  SMTP, 0, 0, 32768, 0, COLLECT_OK, B("X y: z\nC: d\n\nb\n"), "[A][ b]", "" },
{ "smtp: control byte in a name starts body (df 9)",
  B("A: b\r\nX\x01: w\r\n\r\nb\r\n.\r\n"),
  SMTP, 0, 0, 32768, 0, COLLECT_OK, B("X\x01: w\n\nb\n"), "[A][ b]", "" },
{ "smtp: DEL in a name: 553 header syntax error",
  B("A: b\r\nX\x7f: y\r\nC: d\r\n\r\nb\r\n.\r\nQUIT\r\n"),
  SMTP, 0, 0, 32768, 0, COLLECT_HDRSYNTAX, B("b\n"), "[A][ b][C][ d]",
  "553 5.3.0 header syntax error, line \"X\x7f: y\"" },
{ "smtp: 8-bit in a value kept", B("X-H: a \xe9\xff\x80\r\n\r\nb\r\n.\r\n"),
  SMTP, 0, 0, 32768, 0, COLLECT_OK, B("b\n"), "[X-H][ a \xe9\xff\x80]", "" },
/* SMTP: MaxMessageSize (LF ends, unstuffed, NUL counted) */
{ "smtp: size 17 over max 16",
  B("Subject: s\r\n\r\nbody\r\n.\r\nQUIT\r\n"), SMTP, 0, 16, 32768,
  0, COLLECT_TOOBIG, NODF, NULL,
  "552 5.2.3 Message exceeds maximum fixed size (16)" },
{ "smtp: size 17 at max 17", B("Subject: s\r\n\r\nbody\r\n.\r\n"),
  SMTP, 0, 17, 32768, 0, COLLECT_OK, B("body\n"), NULL, "" },
{ "smtp: stuffed dot and NUL: size 17 over 16",
  B("Subject: s\r\n\r\n..d\0y\r\n.\r\n"), SMTP, 0, 16, 32768,
  0, COLLECT_TOOBIG, NODF, NULL, NULL },
{ "smtp: stuffed dot and NUL: size 17 at 17",
  B("Subject: s\r\n\r\n..d\0y\r\n.\r\n"), SMTP, 0, 17, 32768,
  0, COLLECT_OK, B(".d\0y\n"), NULL, NULL },
{ "smtp: header only: size 11 over 10", B("Subject: s\r\n.\r\n"),
  SMTP, 0, 10, 32768, 0, COLLECT_TOOBIG, NODF, NULL, NULL },
{ "smtp: header only: size 11 at 11 (df 0)", B("Subject: s\r\n.\r\n"),
  SMTP, 0, 11, 32768, 0, COLLECT_OK, B(""), "[Subject][ s]", NULL },
/* SMTP: MaxHeadersLength (LF ends, NUL not counted, ending line counted) */
{ "smtp: headers 12 over 11", B("Subject: s\r\n\r\nbody\r\n.\r\nQUIT\r\n"),
  SMTP, 0, 0, 11, 0, COLLECT_HDRTOOBIG, NODF, NULL,
  "552 5.6.0 Headers too large (11 max)" },
{ "smtp: headers 12 at 12", B("Subject: s\r\n\r\nbody\r\n.\r\n"),
  SMTP, 0, 0, 12, 0, COLLECT_OK, B("body\n"), NULL, NULL },
{ "smtp: headers with NUL: 12 over 11", B("Subj\0ect: s\r\n\r\nbody\r\n.\r\n"),
  SMTP, 0, 0, 11, 0, COLLECT_HDRTOOBIG, NODF, NULL, NULL },
{ "smtp: headers with NUL: 12 at 12", B("Subj\0ect: s\r\n\r\nbody\r\n.\r\n"),
  SMTP, 0, 0, 12, 0, COLLECT_OK, NODF, "[Subject][ s]", NULL },
{ "smtp: continuation: 16 over 15",
  B("Subject: s\r\n  t\r\n\r\nbody\r\n.\r\n"),
  SMTP, 0, 0, 15, 0, COLLECT_HDRTOOBIG, NODF, NULL, NULL },
{ "smtp: continuation: 16 at 16",
  B("Subject: s\r\n  t\r\n\r\nbody\r\n.\r\n"),
  SMTP, 0, 0, 16, 0, COLLECT_OK, NODF, NULL, NULL },
{ "smtp: first body line counted: 15 over 14",
  B("X: y\r\nbody here\r\nmore more more more\r\n.\r\n"),
  SMTP, 0, 0, 14, 0, COLLECT_HDRTOOBIG, NODF, NULL, NULL },
{ "smtp: first body line counted: 15 at 15 (df 30)",
  B("X: y\r\nbody here\r\nmore more more more\r\n.\r\n"),
  SMTP, 0, 0, 15, 0, COLLECT_OK, B("body here\nmore more more more\n"),
  NULL, NULL },
{ "smtp: no header: first line counted: 12 over 11",
  B("hello world\r\nmore more more more\r\n.\r\n"),
  SMTP, 0, 0, 11, 0, COLLECT_HDRTOOBIG, NODF, NULL, NULL },
{ "smtp: no header: 12 at 12 (df 32)",
  B("hello world\r\nmore more more more\r\n.\r\n"),
  SMTP, 0, 0, 12, 0, COLLECT_OK, B("hello world\nmore more more more\n"),
  NULL, NULL },
{ "smtp: From_ line counted in the header length",
  B("From x@y Sun Nov 22 00:17:36 2026\r\nSubject: s\r\n\r\nbody\r\n.\r\n"),
  SMTP, 0, 0, 12, 0, COLLECT_HDRTOOBIG, NODF, NULL,
  "552 5.6.0 Headers too large (12 max)" },
{ "smtp: bare LF while discarding: 552, then close",
  B("Subject: sssssssssssssss\r\n\r\nbody\r\nx\ny\r\n.\r\nQUIT\r\n"),
  SMTP, 0, 0, 5, 0, COLLECT_HDRTOOBIG, NODF, NULL,
  "552 5.6.0 Headers too large (5 max)" },
{ "smtp: bare CR while discarding: 552, then close",
  B("Subject: sssssssssssssss\r\n\r\nbody\r\nx\ry\r\n.\r\nQUIT\r\n"),
  SMTP, 0, 0, 5, 0, COLLECT_HDRTOOBIG, NODF, NULL, NULL },
{ "smtp: while discarding, LF.CRLF is still no end",
  B("Subject: sssssssssssssss\r\n\r\nx\n.\r\nstill data\r\n.\r\nQUIT\r\n"),
  SMTP, 0, 0, 5, 0, COLLECT_HDRTOOBIG, NODF, NULL, NULL },
{ "smtp: bare LF after the size limit is still a 421",
  B("Subject: s\r\n\r\nbody\r\nx\ny\r\n.\r\n"),
  SMTP, 0, 5, 32768, -1, COLLECT_BARELF, NODF, NULL, NULL },
{ "smtp: RejectNUL", B("Subject: s\r\n\r\n\0\r\n.\r\n"),
  SMTP, COLLECT_F_REJECTNUL, 0, 32768, 0, COLLECT_NUL, NODF, NULL,
  "554 5.6.1 NUL byte not allowed" },
{ "smtp: NUL kept without RejectNUL", B("Subject: s\r\n\r\n\0\r\n.\r\n"),
  SMTP, 0, 0, 32768, 0, COLLECT_OK, B("\0\n"), NULL, "" },
{ "smtp: SevenBitInput clears bit 8", B("S: \xe9\r\n\r\n\xc3\xa9\r\n.\r\n"),
  SMTP, COLLECT_F_7BIT, 0, 32768, 0, COLLECT_OK, B("\x43\x29\n"),
  "[S][ \x69]", "" },
/* standard input (-bm) */
{ "stdin: dots, bare CR, CRLF, \".\" ends (df 20)",
  B("Subject: s\n\n.x\n..y\n...z\na\rb\nc\r\nend\n.\nafter\n"),
  STDIN, 0, 0, 32768, 0, COLLECT_OK, B(".x\n.y\n..z\na\rb\nc\nend\n"),
  "[Subject][ s]", "" },
{ "stdin: -i keeps dots (df 30)",
  B("Subject: s\n\n.x\n..y\n...z\na\rb\nc\r\nend\n.\nafter\n"),
  STDIN, COLLECT_F_IGNOREDOTS, 0, 32768, 0, COLLECT_OK,
  B(".x\n..y\n...z\na\rb\nc\nend\n.\nafter\n"), NULL, "" },
{ "stdin: \".\\r\\n\" ends", B("Subject: s\n\nline\n.\r\nafter\n"),
  STDIN, 0, 0, 32768, 0, COLLECT_OK, B("line\n"), NULL, "" },
{ "stdin: no final newline kept (df 10)", B("Subject: s\n\nno newline"),
  STDIN, 0, 0, 32768, 0, COLLECT_OK, B("no newline"), NULL, "" },
{ "stdin: no final newline, ends in a dot (df 11)",
  B("Subject: s\n\nno newline."),
  STDIN, 0, 0, 32768, 0, COLLECT_OK, B("no newline."), NULL, "" },
{ "stdin: \".\" at end of input ends", B("Subject: s\n\nline\n."),
  STDIN, 0, 0, 32768, 0, COLLECT_OK, B("line\n"), NULL, "" },
{ "stdin: \"..\" at end of input (df 6)", B("Subject: s\n\nline\n.."),
  STDIN, 0, 0, 32768, 0, COLLECT_OK, B("line\n."), NULL, "" },
{ "stdin: \".\\r\" at end of input ends", B("Subject: s\n\nline\n.\r"),
  STDIN, 0, 0, 32768, 0, COLLECT_OK, B("line\n"), NULL, "" },
{ "stdin: \".\\rx\" is data (df 9)", B("Subject: s\n\nline\n.\rx\n"),
  STDIN, 0, 0, 32768, 0, COLLECT_OK, B("line\n.\rx\n"), NULL, "" },
{ "stdin: From_ line taken out", B("From x@y Sun Nov 22 00:17:36 2026\n"
  "Subject: s\n\nline\n"),
  STDIN, 0, 0, 32768, 0, COLLECT_OK, B("line\n"), "[Subject][ s]", "" },
{ "stdin: NUL in the body kept (df 9)", B("Subject: s\n\nline\0nul\n"),
  STDIN, 0, 0, 32768, 0, COLLECT_OK, B("line\0nul\n"), NULL, "" },
{ "stdin: empty input", B(""),
  STDIN, 0, 0, 32768, 0, COLLECT_OK, B(""), "", "" },
{ "stdin (Tern): last header line without newline kept",
  B("X: y\nSubject: s"), STDIN, 0, 0, 32768, 0, COLLECT_OK, B(""),
  "[X][ y][Subject][ s]", "" },
{ "stdin (Tern): -i keeps a final \".\"", B("X: y\n\nbody\n."),
  STDIN, COLLECT_F_IGNOREDOTS, 0, 32768, 0, COLLECT_OK, B("body\n."),
  NULL, "" },
{ "stdin: size limit applies", B("Subject: s\n\nbody\n"),
  STDIN, 0, 16, 32768, 0, COLLECT_TOOBIG, NODF, NULL, NULL },
};

static const size_t chunks[] = { 0, 1, 2, 3, 7 };

/* Input of the 2,500-byte line row, made once. */
static char *long_in;
static size_t long_inlen;
static char *long_df;
static size_t long_dflen;

static void
make_long(void)
{
	SM_STR *in = sm_str_new(0), *df = sm_str_new(0);
	int i;

	(void)sm_str_adds(in, "Subject: s\r\n\r\n");
	for (i = 0; i < 2500; i++) {
		(void)sm_str_addc(in, 'x');
		(void)sm_str_addc(df, 'x');
	}
	(void)sm_str_adds(in, "\r\nshort\r\n.\r\n");
	(void)sm_str_adds(df, "\nshort\n");
	long_in = sm_str_export(in, &long_inlen);
	long_df = sm_str_export(df, &long_dflen);
}

static void
check_row(const struct row *w, const struct run *x, size_t chunk)
{
	const char *df = w->df;
	size_t dflen = w->dflen;

	if (w->in == NULL) {
		df = long_df;
		dflen = long_dflen;
	}
	if (!t_assert_cmp(x->rc, ==, w->rc) ||
	    !t_assert_cmp(x->r.cr_status, ==, w->status))
		(void)printf("# chunk %zu: rc %d status %d\n", chunk, x->rc,
		    (int)x->r.cr_status);
	if (df != NULL)
		t_assert_memeq(sm_str_data(x->df), sm_str_len(x->df), df, dflen);
	if (w->hdrs != NULL)
		t_assert_streq(x->hdrs, w->hdrs);
	if (w->reply != NULL)
		t_assert_streq(x->reply, w->reply);
	if (x->rc == 0 && memmem(w->in ? w->in : long_in, w->in ? w->inlen :
	    long_inlen, ".\r\nQUIT\r\n", 9) != NULL)
		t_assert_streq(x->rest, "QUIT");
	if (x->rc == 0)
		t_assert_cmp(x->r.cr_bodysize, ==, sm_str_len(x->df));
	t_assert_cmp(collect_must_close(&x->r), ==,
	    x->rc != 0 || x->r.cr_bare);
}

static void
test_rows(void)
{
	const struct row *w;
	struct collect_opts o;
	struct run x;
	SM_RPOOL *pool;
	size_t c;

	make_long();
	for (w = rows; w < rows + sizeof(rows) / sizeof(rows[0]); w++) {
		t_begin("%s", w->name);
		for (c = 0; c < sizeof(chunks) / sizeof(chunks[0]); c++) {
			memset(&o, 0, sizeof(o));
			o.c_mode = w->mode;
			o.c_flags = w->flags;
			o.c_maxmsgsize = w->maxmsg;
			o.c_maxhdrslen = w->maxhdr;
			o.c_timeout_ms = -1;
			pool = sm_rpool_new_x();
			run(&x, pool, w->in ? w->in : long_in,
			    w->in ? w->inlen : long_inlen, &o, chunks[c]);
			check_row(w, &x, chunks[c]);
			run_free(&x);
			sm_rpool_free(pool);
		}
		t_end();
	}
	free(long_in);
	free(long_df);
}

/* ---- single cases ---- */

static void
opts_smtp(struct collect_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->c_mode = COLLECT_SMTP;
	o->c_maxhdrslen = 32768;
	o->c_timeout_ms = -1;
}

/* sendmail's default MaxHeadersLength: "552 5.6.0 Headers too large
 * (32768 max)" for 34 lines of about 1,000 bytes. */
static void
test_default_header_limit(void)
{
	SM_STR *in = sm_str_new(0);
	struct collect_opts o;
	SM_RPOOL *pool = sm_rpool_new_x();
	struct run x;
	int i, j;

	(void)sm_str_adds(in, "Subject: s\r\nX-L: ");
	for (j = 0; j < 990; j++)
		(void)sm_str_addc(in, 'y');
	(void)sm_str_adds(in, "\r\n");
	for (i = 0; i < 33; i++) {
		(void)sm_str_adds(in, "X-A: ");
		for (j = 0; j < 990; j++)
			(void)sm_str_addc(in, 'a');
		(void)sm_str_adds(in, "\r\n");
	}
	(void)sm_str_adds(in, "\r\nbody\r\n.\r\n");
	opts_smtp(&o);
	run(&x, pool, sm_str_data(in), sm_str_len(in), &o, 0);
	t_assert_cmp(x.rc, ==, 0);
	t_assert_cmp(x.r.cr_status, ==, COLLECT_HDRTOOBIG);
	t_assert_streq(x.reply, "552 5.6.0 Headers too large (32768 max)");
	t_assert_cmp(sm_str_len(x.df), ==, 0);
	t_assert(!collect_must_close(&x.r));
	run_free(&x);
	/* MaxHeadersLength 0: Tern's ceiling, not "no limit" */
	o.c_maxhdrslen = 0;
	run(&x, pool, sm_str_data(in), sm_str_len(in), &o, 0);
	t_assert_cmp(x.r.cr_status, ==, COLLECT_OK);
	t_assert_cmp(x.r.cr_nhdrs, ==, 35);
	run_free(&x);
	sm_rpool_free(pool);
	sm_str_free(in);
}

/* Lines far longer than the 64 KB piece: a body line and a header line
 * kept whole, a dot at the start of a continuation piece left alone. */
static void
test_huge_lines(void)
{
	SM_STR *in = sm_str_new(0);
	struct collect_opts o;
	SM_RPOOL *pool = sm_rpool_new_x();
	struct run x;
	size_t i, n = 200000;

	(void)sm_str_adds(in, "X-Big: ");
	for (i = 0; i < n; i++)
		(void)sm_str_addc(in, i % 65536 == 65535 ? '.' : 'h');
	(void)sm_str_adds(in, "\r\n\r\n");
	for (i = 0; i < n; i++)
		(void)sm_str_addc(in, i % 65536 == 0 ? '.' : 'b');
	(void)sm_str_adds(in, "\r\n.\r\n");
	opts_smtp(&o);
	o.c_maxhdrslen = 0;
	run(&x, pool, sm_str_data(in), sm_str_len(in), &o, 0);
	t_assert_cmp(x.r.cr_status, ==, COLLECT_OK);
	t_require(x.r.cr_hdrs != NULL);
	t_assert_cmp(strlen(x.r.cr_hdrs->h_value), ==, n + 1);
	/* the first dot was stuffing; the others are data */
	t_assert_cmp(sm_str_len(x.df), ==, n);
	t_assert(sm_str_data(x.df)[0] == 'b');
	t_assert(sm_str_data(x.df)[65536 - 1] == '.');
	t_assert_cmp(x.r.cr_msgsize, ==, 7 + n + 1 + 1 + (n - 1) + 1);
	run_free(&x);
	sm_rpool_free(pool);
	sm_str_free(in);
}

/* A 10 MB message: byte-exact, size right, quick enough. */
static void
test_ten_megabytes(void)
{
	SM_STR *in = sm_str_new(0), *want = sm_str_new(0);
	struct collect_opts o;
	SM_RPOOL *pool = sm_rpool_new_x();
	struct run x;
	char line[80];
	int i, n;

	(void)sm_str_adds(in, "Subject: big\r\n\r\n");
	for (i = 0; sm_str_len(want) < 10 * 1024 * 1024; i++) {
		n = snprintf(line, sizeof(line), "%s%07d \xe9 line of text "
		    "to fill the message up to ten megabytes",
		    i % 50 == 0 ? "." : "", i);
		(void)sm_str_add(in, i % 50 == 0 ? "." : "", i % 50 == 0);
		(void)sm_str_add(in, line, (size_t)n);
		(void)sm_str_adds(in, "\r\n");
		(void)sm_str_add(want, line, (size_t)n);
		(void)sm_str_addc(want, '\n');
	}
	(void)sm_str_adds(in, ".\r\n");
	opts_smtp(&o);
	o.c_maxmsgsize = 20L * 1024 * 1024;
	run(&x, pool, sm_str_data(in), sm_str_len(in), &o, 0);
	t_assert_cmp(x.r.cr_status, ==, COLLECT_OK);
	t_assert(x.r.cr_8bit);
	t_assert_memeq(sm_str_data(x.df), sm_str_len(x.df), sm_str_data(want),
	    sm_str_len(want));
	t_assert_cmp(x.r.cr_msgsize, ==, 13 + 1 + sm_str_len(want));
	run_free(&x);
	sm_rpool_free(pool);
	sm_str_free(in);
	sm_str_free(want);
}

static int
eoh_refuse(void *ctx, const struct collect_result *res)
{
	int *calls = ctx;

	(*calls)++;
	return res->cr_nhdrs == 2 ? -1 : 0;
}

/* The end-of-header call: once, after the header, before the body. */
static void
test_eoh(void)
{
	struct collect_opts o;
	SM_RPOOL *pool = sm_rpool_new_x();
	struct run x;
	int calls = 0;

	opts_smtp(&o);
	run(&x, pool, B("A: 1\r\nB: 2\r\n  x\r\n\r\nbody\r\n.\r\n"), &o, 0);
	t_assert_cmp(x.eoh_calls, ==, 1);
	t_assert_cmp(x.eoh_nhdrs, ==, 2);
	t_assert_cmp(x.eoh_hdrslen, ==, 5 + 5 + 4 + 1);
	t_assert_cmp(x.r.cr_hdrslen, ==, 15);
	run_free(&x);
	/* a header-only message still gets its call */
	run(&x, pool, B("A: 1\r\n.\r\n"), &o, 0);
	t_assert_cmp(x.eoh_calls, ==, 1);
	run_free(&x);
	o.c_eoh = eoh_refuse;
	o.c_eohctx = &calls;
	run(&x, pool, B("A: 1\r\nB: 2\r\n\r\nbody\r\n.\r\nQUIT\r\n"), &o, 0);
	t_assert_cmp(calls, ==, 1);
	t_assert_cmp(x.rc, ==, 0);
	t_assert_cmp(x.r.cr_status, ==, COLLECT_REJECTED);
	t_assert_cmp(sm_str_len(x.df), ==, 0);
	t_assert_streq(x.reply, "");
	t_assert_streq(x.rest, "QUIT");
	run_free(&x);
	sm_rpool_free(pool);
}

/* The df cannot be written: read to the end, then 421 4.3.1. */
static void
test_write_error(void)
{
	struct collect_opts o;
	SM_RPOOL *pool = sm_rpool_new_x();
	struct collect_result r;
	struct mem m = { B("Subject: s\r\n\r\nbody\r\n.\r\nQUIT\r\n"), 0, 0, 0 };
	SM_BUF *ib = sm_buf_new(-1, -1), *ob;
	struct sm_line ln;
	char reply[200];
	int fd = open("/dev/full", O_WRONLY);

	if (fd < 0) {
		t_skip("no /dev/full");
		sm_buf_free(ib);
		sm_rpool_free(pool);
		return;
	}
	ob = sm_buf_new(-1, fd);
	sm_buf_set_io(ib, &in_io, &m);
	opts_smtp(&o);
	t_assert_cmp(collect(ib, &o, pool, ob, &r), ==, -1);
	t_assert_cmp(r.cr_status, ==, COLLECT_WRITEERR);
	t_assert_cmp(r.cr_errno, ==, ENOSPC);
	t_assert_streq(collect_reply(&r, NULL, NULL, NULL, reply,
	    sizeof(reply)), "421 4.3.1 Out of disk space for temp file");
	t_assert(collect_must_close(&r));
	/* read to the end: the next command is what is left */
	t_assert_cmp(sm_buf_getline(ib, 100, SM_LINE_LF, &ln), ==, 1);
	t_assert_streq(ln.l_data, "QUIT");
	sm_buf_free(ob);
	sm_buf_free(ib);
	(void)close(fd);
	sm_rpool_free(pool);
}

/* Split reads over a real socket: a child writes one to three bytes at a
 * time; the parent collects and must see exactly the whole message. */
static void
test_socketpair(void)
{
	static const char msg[] = "Subject: split\r\nX: y\r\n\r\n..a\r\n"
	    "b\r\n.\r\nQUIT\r\n";
	struct collect_opts o;
	SM_RPOOL *pool = sm_rpool_new_x();
	struct collect_result r;
	struct sm_line ln;
	SM_BUF *ib, *ob;
	SM_STR *df = sm_str_new(0);
	int sv[2];
	pid_t pid;
	size_t off, n;

	t_require(socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0);
	pid = fork();
	t_require(pid >= 0);
	if (pid == 0) {
		(void)close(sv[0]);
		for (off = 0; off < sizeof(msg) - 1; off += n) {
			n = 1 + off % 3;
			if (n > sizeof(msg) - 1 - off)
				n = sizeof(msg) - 1 - off;
			if (write(sv[1], msg + off, n) != (ssize_t)n)
				_exit(1);
			(void)usleep(1000);
		}
		_exit(0);
	}
	(void)close(sv[1]);
	ib = sm_buf_new(sv[0], -1);
	ob = sm_buf_new(-1, -1);
	sm_buf_set_io(ob, &out_io, df);
	opts_smtp(&o);
	o.c_timeout_ms = 10000;
	t_assert_cmp(collect(ib, &o, pool, ob, &r), ==, 0);
	t_assert_cmp(r.cr_status, ==, COLLECT_OK);
	t_assert_streq(sm_str_data(df), ".a\nb\n");
	t_assert_cmp(r.cr_nhdrs, ==, 2);
	t_assert_cmp(sm_buf_getline(ib, 100, SM_LINE_LF, &ln), ==, 1);
	t_assert_streq(ln.l_data, "QUIT");
	(void)waitpid(pid, NULL, 0);
	sm_buf_free(ib);
	sm_buf_free(ob);
	(void)close(sv[0]);
	sm_str_free(df);
	sm_rpool_free(pool);
}

/* Timeout.datablock: the client stops sending mid-message. */
static void
test_timeout(void)
{
	struct collect_opts o;
	SM_RPOOL *pool = sm_rpool_new_x();
	struct collect_result r;
	char reply[200];
	SM_BUF *ib;
	int sv[2];

	t_require(socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0);
	t_require(write(sv[1], "Subject: s\r\n\r\nbody\r\n", 20) == 20);
	ib = sm_buf_new(sv[0], -1);
	opts_smtp(&o);
	o.c_timeout_ms = 200;
	t_assert_cmp(collect(ib, &o, pool, NULL, &r), ==, -1);
	t_assert_cmp(r.cr_status, ==, COLLECT_TIMEOUT);
	t_assert_streq(collect_reply(&r, "localhost", "<a@mta.example.org>",
	    NULL, reply, sizeof(reply)), "421 4.4.1 collect: relay=localhost, "
	    "from=<a@mta.example.org>, info=read timeout");
	t_assert(collect_must_close(&r));
	sm_buf_free(ib);
	(void)close(sv[0]);
	(void)close(sv[1]);
	sm_rpool_free(pool);
}

/* Dropped connection over a socket: nothing reaches the caller as OK. */
static void
test_dropped_socket(void)
{
	struct collect_opts o;
	SM_RPOOL *pool = sm_rpool_new_x();
	struct collect_result r;
	SM_BUF *ib;
	int sv[2];

	t_require(socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0);
	t_require(write(sv[1], "Subject: s\r\n\r\nbody\r\n", 20) == 20);
	(void)close(sv[1]);
	ib = sm_buf_new(sv[0], -1);
	opts_smtp(&o);
	o.c_timeout_ms = 5000;
	t_assert_cmp(collect(ib, &o, pool, NULL, &r), ==, -1);
	t_assert_cmp(r.cr_status, ==, COLLECT_EOF);
	t_assert_cmp(r.cr_bodysize, ==, 5);
	sm_buf_free(ib);
	(void)close(sv[0]);
	sm_rpool_free(pool);
}

static void
test_isheader(void)
{
	t_assert(collect_isheader(B("Subject: x")));
	t_assert(collect_isheader(B("X :x")));
	t_assert(collect_isheader(B("X\x7f: x")));
	t_assert(collect_isheader(B("X:")));
	t_assert(!collect_isheader(B("")));
	t_assert(!collect_isheader(B(":x")));
	t_assert(!collect_isheader(B("--b: x")));
	t_assert(collect_isheader(B("-b: x")));
	t_assert(!collect_isheader(B("X y: z")));
	t_assert(!collect_isheader(B("X\xe9: z")));
	t_assert(!collect_isheader(B(" X: z")));
	t_assert(!collect_isheader(B("Subject")));
	t_assert(!collect_isheader(B("From a@b Sun Nov 22 00:17:36 2026")));
}

static void
test_reply_texts(void)
{
	struct collect_result r;
	char buf[300];

	memset(&r, 0, sizeof(r));
	r.cr_status = COLLECT_WRITEERR;
	r.cr_errno = EIO;
	t_assert(strncmp(collect_reply(&r, NULL, NULL, "qf/dfX", buf,
	    sizeof(buf)), "421 4.3.0 collect: Cannot write qf/dfX (", 40) == 0);
	t_assert(strstr(buf, ", uid=") != NULL);
	r.cr_status = COLLECT_READERR;
	t_assert_streq(collect_reply(&r, "h [1.2.3.4]", "<>", NULL, buf,
	    sizeof(buf)), "421 4.4.1 collect: relay=h [1.2.3.4], from=<>, "
	    "info=I/O error");
	r.cr_status = COLLECT_TOOBIG;
	r.cr_limit = 1000;
	t_assert_streq(collect_reply(&r, NULL, NULL, NULL, buf, 20),
	    "552 5.2.3 Message e");
}

int
main(void)
{
	signal(SIGPIPE, SIG_IGN);
	test_rows();
	t_run("collect: default MaxHeadersLength 32768", test_default_header_limit);
	t_run("collect: lines over 64 KB come whole", test_huge_lines);
	t_run("collect: 10 MB message byte-exact", test_ten_megabytes);
	t_run("collect: end-of-header callback", test_eoh);
	t_run("collect: df write error", test_write_error);
	t_run("collect: split reads over a socketpair", test_socketpair);
	t_run("collect: Timeout.datablock", test_timeout);
	t_run("collect: connection dropped mid-DATA", test_dropped_socket);
	t_run("collect: isheader", test_isheader);
	t_run("collect: reply texts", test_reply_texts);
	return t_done();
}
