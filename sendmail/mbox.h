/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * mbox.h -- append one message to a Berkeley mbox file: the built-in local
 * mailer's store, and what pop3d's readers lock against.
 *
 *	mbox_append()	lock, write "From " line + message + blank line,
 *			fsync; on any failure cut the file back
 *	mbox_fromline()	the "From sender date" separator line
 *	mbox_path()	DIR/USER for a user name that is safe as a file name
 *
 * The mailbox format and locking are those of Debian's mail.local and
 * procmail (observed side by side, see mbox.c):
 *   "From user@host Sun Nov 22 00:17:36 2026\n", the message, "\n";
 *   lines starting "From " get a ">" (mboxo escaping, as procmail -Y and
 *   sendmail's F=E do); a message without a final newline gets one.
 *   MBOX_F_CLEN writes instead what Debian's mail.local writes: a
 *   Content-Length: header (old ones dropped) and no escaping in the body.
 * Locks: "PATH.lock" dot-lock, then an fcntl lock on the open file, the
 * two every mail reader on Linux honours.  A mailbox is never left half
 * written: after a failed write or fsync (full disk, quota, I/O error, a
 * crash before the size is known) it is truncated back to the size it
 * had when the locks were taken.
 *
 * Runs in the delivery child, as root (it creates the mailbox for the
 * user and checks the owner) or as the user; never follows a symbolic
 * link and refuses anything but a plain file with one link.
 */
#ifndef TERN_MBOX_H
#define TERN_MBOX_H

#include <stddef.h>
#include <sys/types.h>
#include <time.h>

/* mbox_opts mo_flags */
#define MBOX_F_CLEN		0x01	/* mail.local style (see above) */
#define MBOX_F_NODOTLOCK	0x02	/* fcntl lock only */
#define MBOX_F_QUOTAPERM	0x04	/* over quota is permanent (mail.local
					 * -b): EX_UNAVAILABLE, not TEMPFAIL */
#define MBOX_F_QUEUE		0x08	/* wait in line on mo_queuefd first
					 * (see mbox_append) */

struct mbox_opts {
	unsigned int	mo_flags;
	uid_t		mo_uid;		/* the mailbox's owner: a new one is */
	gid_t		mo_gid;		/* given to it when we are root, an
					 * existing one must be its; (uid_t)-1:
					 * no owner check or change */
	mode_t		mo_mode;	/* of a new mailbox (0600) */
	int		mo_lock_ms;	/* wait for the locks this long (ms;
					 * < 0 forever) before EX_TEMPFAIL */
	int		mo_stale_secs;	/* break older dot-locks
					 * (SM_DOTLOCK_STALE); <= 0 never */
	int		mo_queuefd;	/* MBOX_F_QUEUE: a lock file open for
					 * writing that only we use */
};

/*
 * The message to store.  The header block is what the delivery code
 * made (LF line ends, no blank line at its end); the body is the df file
 * from its current offset to its end, or bytes in memory.
 */
struct mbox_msg {
	const char	*mm_sender;	/* for the "From " line; "" or NULL:
					 * MAILER-DAEMON */
	time_t		mm_time;	/* for the "From " line (local time) */
	const char	*mm_hdr;
	size_t		mm_hdrlen;
	int		mm_bodyfd;	/* >= 0: read the body from here */
	const char	*mm_body;	/* else this */
	size_t		mm_bodylen;
};

/*
 * mbox_append -- append MSG to the mailbox file PATH.
 * Parameters: path the mailbox (created if missing); msg; opts; whyp
 *	gets a static reason on failure (errno is kept for the detail).
 * Returns: a sysexits code: EX_OK; EX_TEMPFAIL (locked by another for
 *	the whole wait, no space, over quota, I/O error: try again later);
 *	EX_UNAVAILABLE (over quota with MBOX_F_QUOTAPERM); EX_CANTCREAT
 *	(not a plain file, a link, several links, wrong owner, cannot be
 *	created); EX_IOERR (the body cannot be read); EX_OSERR.
 * Side effects: creates PATH and PATH.lock (removed again); the file is
 *	fsync'd before EX_OK; on failure it has its old size again.
 */
int	mbox_append(const char *path, const struct mbox_msg *msg,
	    const struct mbox_opts *opts, const char **whyp);

/*
 * mbox_fromline -- "From SENDER DATE\n" into BUF: DATE in ctime(3) form
 *	in local time, control characters of SENDER replaced by '_' so the
 *	line stays one line.
 * Returns: its length, or -1 with errno ERANGE when SIZE is too small.
 */
int	mbox_fromline(char *buf, size_t size, const char *sender, time_t t);

/*
 * mbox_path -- "DIR/USER", malloc'd (free(3) it).  A user name that is
 *	empty, ".", "..", or holds '/' or a control character is refused.
 * Returns: the path, or NULL with *whyp set.
 */
char	*mbox_path(const char *dir, const char *user, const char **whyp);

#endif
