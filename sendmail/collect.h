/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * collect.h -- read one message (SMTP DATA, or standard input for -bm/-t)
 * into a header list and a df body.
 *
 *	collect()		read the message, split header from body,
 *				write the body, count the size
 *	collect_reply()		the SMTP reply sendmail 8.17 gives for a status
 *	collect_must_close()	does that reply end the session?
 *	collect_isheader()	sendmail's "is this line a header field?"
 *
 * The rules are sendmail 8.17's (Debian 8.17.1.9-2+deb12u2, driven in -bs
 * and -bm mode; the observations are listed at the top of collect.c).  In
 * short:
 *   - SMTP: the message ends only at CRLF "." CRLF.  A bare LF or a bare
 *     CR anywhere ends the session at once with 421 (SMTP smuggling is
 *     impossible: LF.LF, CR.CR, LF.CRLF, CRLF.LF are never an end); a
 *     leading dot is always removed; end of input or a timeout is a 421
 *     and nothing is kept.
 *   - Standard input: CRLF and LF both end lines, a bare CR is data; a
 *     line "." ends the input unless -i (COLLECT_F_IGNOREDOTS); ".." at
 *     the start of a line loses one dot, ".x" does not; the last line may
 *     lack its newline and stays so.
 *   - The df holds the body with LF line ends, byte for byte otherwise
 *     (8-bit and NUL bytes kept, lines of any length kept whole).
 *   - Header lines: CR and NUL dropped, continuation lines kept raw.
 *
 * Runs in the SMTP session child (as the daemon's user) and in
 * sendmail -bm; allocates only from the caller's pool and the two SM_BUFs.
 */
#ifndef TERN_COLLECT_H
#define TERN_COLLECT_H

#include <stdbool.h>
#include <stddef.h>

#include "libsm/buf.h"
#include "libsm/rpool.h"

/* Where the message comes from. */
enum collect_mode {
	COLLECT_SMTP,		/* DATA: CRLF only, "." ends, 421 on EOF */
	COLLECT_STDIN		/* -bm / -t / -bs-less input: LF lines */
};

/* collect_opts c_flags */
#define COLLECT_F_IGNOREDOTS	0x01	/* -i, -oi, O IgnoreDots (stdin only) */
#define COLLECT_F_SAVEFROM	0x02	/* O SaveFromLine: a leading "From "
					 * line is kept (it becomes body) */
#define COLLECT_F_REJECTNUL	0x04	/* O RejectNUL: 554 on a NUL byte */
#define COLLECT_F_7BIT		0x08	/* O SevenBitInput: clear bit 8 */

/*
 * Header ceiling when MaxHeadersLength is 0 or less (sendmail has none;
 * every Tern reader has one).
 */
#define COLLECT_HDRS_CEILING	(1024 * 1024)

struct collect_result;

struct collect_opts {
	enum collect_mode c_mode;
	unsigned int	c_flags;
	long		c_maxmsgsize;	/* O MaxMessageSize; <= 0: none */
	int		c_maxhdrslen;	/* O MaxHeadersLength; <= 0: ceiling */
	int		c_timeout_ms;	/* Timeout.datablock for each wait;
					 * < 0 leaves the SM_BUF's timeout */
	/*
	 * Called once when the header ends (before any body byte is
	 * written): the place for check_eoh, milter headers, queue choice.
	 * Returns 0 to go on, -1 to refuse the message: the rest is read
	 * and thrown away and the status is COLLECT_REJECTED (the callback
	 * owns the reply).  NULL: no call.
	 */
	int		(*c_eoh)(void *ctx, const struct collect_result *res);
	void		*c_eohctx;
};

/* One header field, in arrival order (sendmail's HDR fields). */
struct collect_hdr {
	struct collect_hdr *h_link;
	char		*h_field;	/* the name, white space before ':' cut */
	char		*h_value;	/* everything after the ':', continuation
					 * lines joined by "\n" (their leading
					 * white space kept), no CR, no NUL */
};

enum collect_status {
	COLLECT_OK,
	COLLECT_TOOBIG,		/* 552 5.2.3, session goes on */
	COLLECT_HDRTOOBIG,	/* 552 5.6.0, session goes on */
	COLLECT_HDRSYNTAX,	/* 553 5.3.0, a DEL in a field name */
	COLLECT_NUL,		/* 554 5.6.1 (COLLECT_F_REJECTNUL) */
	COLLECT_REJECTED,	/* c_eoh said no; its reply */
	COLLECT_BARELF,		/* 421 4.5.0, close */
	COLLECT_BARECR,		/* 421 4.5.0, close */
	COLLECT_EOF,		/* 421 4.4.1 unexpected close (SMTP) */
	COLLECT_TIMEOUT,	/* 421 4.4.1 read timeout */
	COLLECT_READERR,	/* 421 4.4.1 I/O error (cr_errno) */
	COLLECT_WRITEERR	/* 421 4.3.x: the df could not be written */
};

struct collect_result {
	enum collect_status cr_status;
	int		cr_errno;	/* READERR / WRITEERR */
	struct collect_hdr *cr_hdrs;	/* the header fields, in order */
	int		cr_nhdrs;
	long		cr_hdrslen;	/* header bytes as sendmail counts them
					 * for MaxHeadersLength and check_eoh:
					 * LF line ends, no NUL, the line that
					 * ends the header included */
	long long	cr_msgsize;	/* the message size ($msg_size, SIZE
					 * limit): every byte after unstuffing,
					 * LF line ends, NULs counted */
	long long	cr_bodysize;	/* bytes handed to the df */
	long		cr_limit;	/* the limit a TOOBIG/HDRTOOBIG passed */
	bool		cr_8bit;	/* a byte with bit 8 set was seen */
	bool		cr_nul;		/* a NUL byte was seen */
	bool		cr_bare;	/* a bare CR/LF in discarded input:
					 * sendmail answers, then closes */
	char		*cr_ufrom;	/* a leading "From " line that was
					 * taken out (no line end), or NULL */
	char		*cr_badhdr;	/* HDRSYNTAX: the field as read */
};

/*
 * collect -- read one message from IN into the header list and DF.
 * Parameters: in the SMTP connection or standard input (the 354 reply is
 *	the caller's, already sent); opts as above; pool owns the header
 *	list and cr_ufrom; df receives the body (sm_buf_new(-1, fd) on the
 *	df file; NULL: the body is only counted), flushed before return but
 *	not fsync'd (the queue's job); res receives everything.
 * Returns: 0 when the message was read to its end (cr_status says whether
 *	it is acceptable), -1 when the session cannot go on (bare CR/LF,
 *	EOF or timeout in SMTP, read or df write error; cr_status says which).
 *	After -1 in SMTP mode the caller sends collect_reply and closes.
 * Side effects: sets IN's timeout when c_timeout_ms >= 0; reads IN past
 *	the message only as far as SM_BUF buffering does (the rest stays
 *	buffered for the next command).
 */
int	collect(SM_BUF *in, const struct collect_opts *opts, SM_RPOOL *pool,
	    SM_BUF *df, struct collect_result *res);

/*
 * collect_reply -- the SMTP reply for RES, as sendmail 8.17 words it,
 *	without the CRLF: "552 5.2.3 Message exceeds maximum fixed size
 *	(1000)", "421 4.5.0 Bare linefeed (LF) not allowed", "421 4.4.1
 *	collect: relay=RELAY, from=FROM, info=unexpected close", ...  For
 *	COLLECT_OK and COLLECT_REJECTED it writes "" (the caller's reply).
 * Parameters: relay the client as sendmail shows it ("localhost" for
 *	-bs, "host [ip]"); from the envelope sender in angle brackets;
 *	dfname the df path (write errors); buf/size the output.
 * Returns: buf.  A reply that does not fit is cut (always terminated).
 */
char	*collect_reply(const struct collect_result *res, const char *relay,
	    const char *from, const char *dfname, char *buf, size_t size);

/* collect_must_close -- true when the session ends after the reply. */
bool	collect_must_close(const struct collect_result *res);

/*
 * collect_isheader -- true when the LEN bytes at LINE start a header
 *	field as sendmail decides it: a non-empty name of bytes 0x21-0x7f
 *	other than ':' (no 8-bit byte), optional white space, then ':'; a
 *	line starting "--" (a MIME boundary) never is.  (A DEL passes here
 *	and is refused later: COLLECT_HDRSYNTAX.)
 */
bool	collect_isheader(const char *line, size_t len);

#endif
