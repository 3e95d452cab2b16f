/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * buf.h -- SM_BUF: buffered I/O over a file descriptor, with line reading
 * under a maximum, timeouts and deadlines.
 *
 *	sm_buf_new(), sm_buf_free(), sm_buf_set_io()
 *	sm_buf_set_timeout(), sm_buf_set_deadline()
 *	sm_buf_getline()	one line, zero-copy, bounded, CR/LF reported
 *	sm_buf_skipline()	discard the rest of an over-long line
 *	sm_buf_read(), sm_buf_readn()	raw bytes (BDAT, binary protocols)
 *	sm_buf_pending(), sm_buf_wait_input(), sm_buf_drop_input()
 *	sm_buf_write(), sm_buf_puts(), sm_buf_printf(), sm_buf_flush()
 *
 * The SMTP server and client, the milter client, POP3 and the config
 * readers all read through this one line reader, so bare CR / bare LF
 * policy lives in one place (STYLE.md, habit 6):
 *
 *   - SM_LINE_STRICT (0): only CRLF ends a line.  A bare LF is part of the
 *     line and flagged SM_LINE_BARELF.  Use it for DATA: a message then
 *     ends only at CRLF "." CRLF, whatever LF or CR tricks a client plays
 *     (SMTP smuggling).
 *   - SM_LINE_LF: LF also ends a line (and CRLF still does, reported as
 *     such).  For SMTP commands, config files, sendmail -bs / -bm input.
 *   - In both, a CR that is not the CR of the line's end is part of the
 *     line and flagged SM_LINE_BARECR; the caller refuses or normalises.
 *
 * Reads and writes wait with poll(2): each wait is bounded by the timeout
 * (e.g. sendmail's Timeout.datablock) and every I/O by the deadline (e.g.
 * the whole DATA phase), so a peer trickling one byte at a time cannot hold
 * a session forever.  Timeouts fail with errno ETIMEDOUT; end of file is
 * not an error (a 0 return).  EINTR is retried.
 *
 * SIGPIPE never kills the process: sockets are written with
 * send(MSG_NOSIGNAL), pipes with SIGPIPE blocked around write(2) (and a
 * SIGPIPE raised by that write consumed); the writer gets -1 with EPIPE.
 *
 * An SM_BUF is not thread-safe; one thread at a time.  Any process, any
 * privilege.  Memory comes from sm_malloc_x (err.h): never fails.
 */
#ifndef SM_BUF_H
#define SM_BUF_H

#include <stddef.h>
#include <sys/types.h>

typedef struct sm_buf SM_BUF;

/* Longest line maximum a caller may ask for (bytes, without the end). */
#define SM_BUF_LINE_LIMIT	(16 * 1024 * 1024)

/* sm_buf_getline() FLAGS */
#define SM_LINE_STRICT	0x0	/* only CRLF ends a line (the default) */
#define SM_LINE_LF	0x1	/* a bare LF ends a line too */

/* How a line ended (struct sm_line l_end). */
enum sm_eol {
	SM_EOL_CRLF,		/* by CR LF */
	SM_EOL_LF,		/* by a bare LF (SM_LINE_LF only) */
	SM_EOL_EOF,		/* by the end of input, with no line end */
	SM_EOL_PARTIAL		/* not ended: longer than the maximum; the
				 * next call returns the continuation */
};

/* What the line holds (struct sm_line l_flags). */
#define SM_LINE_BARECR	0x01	/* a CR not followed by LF (any mode) */
#define SM_LINE_BARELF	0x02	/* an LF not preceded by CR (strict mode) */
#define SM_LINE_NUL	0x04	/* a NUL byte */
#define SM_LINE_CONT	0x08	/* this piece continues a PARTIAL one */

/*
 * One line, as returned by sm_buf_getline.  l_data points into the
 * buffer: valid until the next call that reads from this SM_BUF.  The
 * line end is not included; l_data[l_len] is a NUL, so a line without
 * SM_LINE_NUL is also a C string.  The caller may change the bytes
 * l_data[0 .. l_len) in place.
 */
struct sm_line {
	char		*l_data;
	size_t		l_len;
	enum sm_eol	l_end;
	unsigned int	l_flags;
};

/*
 * A transport below the buffer (STARTTLS plugs SSL in here).  Each
 * function gets the context pointer given to sm_buf_set_io.
 *	io_read   -- read up to LEN bytes into P: >0 bytes, 0 end of file,
 *		     -1 with errno; EAGAIN/EWOULDBLOCK means "not now": set
 *		     *WANT to POLLIN or POLLOUT (what to wait for on the
 *		     read fd) and the buffer polls, then calls again.
 *	io_write  -- likewise for writing (POLLOUT preset, wait on the
 *		     write fd); never raise SIGPIPE.
 *	io_pending-- bytes the layer holds already decoded (SSL_pending), so
 *		     a read will not block; NULL if none.
 *	io_nonblock -- 1 when io_read/io_write never block (they return
 *		     EAGAIN instead): the buffer calls them first and polls
 *		     only on EAGAIN.  0: the buffer polls before each call.
 */
struct sm_buf_io {
	ssize_t	(*io_read)(void *ctx, void *p, size_t len, short *want);
	ssize_t	(*io_write)(void *ctx, const void *p, size_t len,
		    short *want);
	size_t	(*io_pending)(void *ctx);
	int	io_nonblock;
};

/*
 * sm_buf_new -- a buffer reading RFD and writing WFD (the same socket, or
 *	stdin/stdout for -bs; -1 for a direction not used).
 *	The descriptors stay the caller's: sm_buf_free does not close them.
 *	They may be blocking or not; their flags are not changed.
 * Returns the buffer (never NULL).
 */
SM_BUF	*sm_buf_new(int rfd, int wfd);

/* Free B (NULL is fine).  Unflushed output is dropped: flush first. */
void	sm_buf_free(SM_BUF *b);

/*
 * sm_buf_set_io -- read and write through IO with context CTX from now
 *	on (IO NULL: back to the plain descriptors).  Buffered input stays;
 *	drop it first (sm_buf_drop_input) when switching to TLS.
 */
void	sm_buf_set_io(SM_BUF *b, const struct sm_buf_io *io, void *ctx);

/* The longest wait for one read or write to make progress, in
 * milliseconds; < 0 waits forever (the default). */
void	sm_buf_set_timeout(SM_BUF *b, int ms);

/*
 * sm_buf_set_deadline -- every read or write that needs I/O fails with
 *	ETIMEDOUT from MS milliseconds from now on, even if data is ready
 *	(bytes already buffered are still handed out).  MS < 0 clears it:
 *	do so before writing the "421 timeout" reply.
 */
void	sm_buf_set_deadline(SM_BUF *b, int ms);

/*
 * sm_buf_getline -- read one line of at most MAX bytes (1 ..
 *	SM_BUF_LINE_LIMIT, not counting its end) into *LN.
 *	FLAGS: SM_LINE_STRICT or SM_LINE_LF (see the top of this file).
 *	A line longer than MAX comes back as its first MAX bytes with l_end
 *	SM_EOL_PARTIAL; the next call returns what follows (flagged
 *	SM_LINE_CONT), or sm_buf_skipline drops it.  A line of exactly MAX
 *	bytes is a whole line.  A line end is never split: after PARTIAL,
 *	the continuation starts after the first MAX bytes.
 * Returns 1 with a line; 0 at end of input with nothing buffered; -1 on
 *	error with errno (ETIMEDOUT, ECONNRESET, ...); buffered bytes stay,
 *	so a call after a timeout goes on where this one stopped.
 */
int	sm_buf_getline(SM_BUF *b, size_t max, int flags, struct sm_line *ln);

/*
 * sm_buf_skipline -- discard input up to and including the end of the
 *	current line (after an SM_EOL_PARTIAL piece: the rest of that line;
 *	otherwise the whole next line).  FLAGS as for sm_buf_getline.  The
 *	SMTP server calls it after a PARTIAL command so it can answer
 *	"500 line too long" and stay in step with the client.
 * Returns 1 when the line end was found (*END, if not NULL, says which:
 *	SM_EOL_CRLF, SM_EOL_LF or SM_EOL_EOF); 0 at end of input with
 *	nothing left; -1 on error with errno.
 */
int	sm_buf_skipline(SM_BUF *b, int flags, enum sm_eol *end);

/*
 * sm_buf_read -- up to LEN raw bytes into P: buffered bytes first, else
 *	one read (which waits).
 * Returns the count (> 0), 0 at end of input, -1 on error with errno.
 */
ssize_t	sm_buf_read(SM_BUF *b, void *p, size_t len);

/*
 * sm_buf_readn -- exactly LEN raw bytes into P (a BDAT chunk), unless the
 *	input ends first.
 * Returns LEN, or fewer at end of input; -1 on error with errno (bytes
 *	read before the error are lost to the caller).
 */
ssize_t	sm_buf_readn(SM_BUF *b, void *p, size_t len);

/*
 * sm_buf_pending -- bytes of input already received and not yet consumed
 *	(in this buffer or in the io layer): a client that sent them before
 *	our reply is pipelining, or talking early.  No I/O.
 */
size_t	sm_buf_pending(const SM_BUF *b);

/*
 * sm_buf_wait_input -- wait up to MS milliseconds (0: just look; < 0:
 *	no limit but the deadline) for input to be readable.  Used for
 *	greet_pause: did the client talk before our greeting?
 * Returns 1 when input (or end of file) is there, 0 when not, -1 on error
 *	with errno (ETIMEDOUT only from the deadline).
 */
int	sm_buf_wait_input(SM_BUF *b, int ms);

/* Discard all buffered input (before a TLS handshake: RFC 3207 says
 * nothing sent before it may be used).  Returns the bytes dropped. */
size_t	sm_buf_drop_input(SM_BUF *b);

/*
 * sm_buf_write -- queue LEN bytes of output; written when the output
 *	buffer fills or on sm_buf_flush.
 * Returns 0, or -1 with errno (EPIPE, ETIMEDOUT, ...) when a write
 *	needed to make room failed; output not yet written stays queued.
 */
int	sm_buf_write(SM_BUF *b, const void *p, size_t len);
/* sm_buf_write of a C string. */
int	sm_buf_puts(SM_BUF *b, const char *s);
/* sm_buf_write of a printf(3) text (any length). */
int	sm_buf_printf(SM_BUF *b, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

/*
 * sm_buf_flush -- write all queued output, waiting as the timeout and
 *	deadline allow.
 * Returns 0, or -1 with errno (EPIPE when the peer is gone, ETIMEDOUT);
 *	what was not written stays queued.
 */
int	sm_buf_flush(SM_BUF *b);

/* Bytes of output queued and not yet written. */
size_t	sm_buf_outpending(const SM_BUF *b);

#endif
