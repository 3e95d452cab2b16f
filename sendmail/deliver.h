/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * deliver.h -- delivery of a queued message: each undelivered R line
 * resolved (rcpt.h), local mail appended to the mbox by Tern's built-in
 * local mailer or handed to the local mailer's program, |programs run
 * through the prog mailer, /files appended; then the qf rewritten (what
 * is left, with N, K, P and M updated) or removed, failures turned into a
 * DSN to the sender (a double bounce to the postmaster), delay warnings
 * and returns after Timeout.queuewarn / queuereturn, sendmail's syslog
 * lines (to=, ctladdr=, delay=, xdelay=, mailer=, pri=, dsn=, stat=) and
 * the statistics file.
 *
 *	deliver.c	deliver_committed, deliver_queue_entry: the attempt,
 *			the outcome, the DSNs
 *	deliver_local.c	the mailers: deliver_mbox, deliver_file,
 *			deliver_prog (local and prog), the exit code table
 *	deliver_xf.c	the transcript of an attempt (xfID, the DSN's
 *			"Transcript of session follows")
 *
 * Runs in the process that committed the message (DeliveryMode i), a
 * child of it (b) or a queue runner; as root or the invoking user
 * (then programs and files run as that user, and the mailbox owner
 * check is off).
 */
#ifndef TERN_DELIVER_H
#define TERN_DELIVER_H

#include <stdbool.h>
#include <time.h>

#include "libsm/str.h"
#include "sendmail/queue.h"
#include "sendmail/rcpt.h"

/*
 * deliver_committed -- after queue_commit (M locked, QF its envelope):
 *	deliver per MODE, the DeliveryMode letter: 'i' now in this process,
 *	'b' in a forked child (the lock goes with it; the parent returns at
 *	once), 'q'/'d' leave it for the queue run.  Never fails the caller:
 *	a delivery problem stays in the queue or becomes a DSN.
 * Returns 0.  M is released (unlocked or removed) in every mode.
 */
int	deliver_committed(struct queue_msg *m, struct queue_file *qf,
	    int mode);

/*
 * deliver_queue_entry -- the queue_run callback (queue_work_fn): one
 *	attempt on the message M holds locked; ends with queue_rewrite or
 *	queue_remove.  Returns 0 (the run goes on).
 */
int	deliver_queue_entry(struct queue_msg *m, struct queue_file *qf,
	    void *ctx);

/* ---- for deliver_local.c ------------------------------------------------ */

/* The message being delivered. */
struct deliver_msg {
	const struct queue_file *dm_qf;
	const char	*dm_qid;
	int		 dm_dfd;	/* the df, read from offset 0 */
	const char	*dm_sender;	/* envelope sender, no <>; "" for <> */
	time_t		 dm_now;
	int		 dm_qdirfd;	/* its queue directory (mailbox
					   deliveries wait in line on a lock
					   file there); -1 */
};

/*
 * deliver_mbox -- built-in local delivery of DM to R's mailbox
 *	(MailboxDirectory/USER).  deliver_file -- append to the file R
 *	names.  deliver_prog -- run R's mailer (prog, or a local mailer
 *	that is a program) with the message on its standard input.
 * Returns an EX_ code; WHY gets the detail of a failure.
 */
int	deliver_mbox(const struct deliver_msg *dm, const struct rcpt *r,
	    SM_STR *why);
int	deliver_file(const struct deliver_msg *dm, const struct rcpt *r,
	    SM_STR *why);
int	deliver_prog(const struct deliver_msg *dm, const struct rcpt *r,
	    SM_STR *why);

/*
 * deliver_headers -- the header block of DM as mailer M gets it (LF line
 *	ends, no blank line after it) into OUT.  Returns 0 or -1.
 */
int	deliver_headers(const struct deliver_msg *dm, const MAILER *m,
	    SM_STR *out);

/*
 * deliver_exit_text -- sendmail's reading of a mailer's exit code EX:
 *	the stat= text ("Sent", "User unknown", "Deferred", "unknown mailer
 *	error 1") into BUF and the DSN status ("2.0.0", "5.1.1") into
 *	*STATUSP.  Returns true for a temporary failure.
 */
bool	deliver_exit_text(int ex, char *buf, size_t size,
	    const char **statusp);

/*
 * deliver_exit_reply -- the SMTP reply code sendmail's transcript gives a
 *	mailer's exit code EX ("550" for EX_NOUSER, "554" for a code that
 *	is no sysexits one; recorded).
 * deliver_exit_dsnstatus -- the Status: of a DSN about a recipient whose
 *	mailer exited EX for good (it differs from the logged dsn=:
 *	EX_CANTCREAT logs 5.0.0 and reports 5.3.0; recorded).
 */
const char *deliver_exit_reply(int ex);
const char *deliver_exit_dsnstatus(int ex);

/*
 * deliver_safefile -- where a delivery to the file PATH goes under
 *	O SafeFileEnvironment (DIR): with a DIR other than "/", PATH
 *	without a leading DIR, inside DIR (the chroot, done for real when
 *	we are root: *CHROOTP is then DIR); "/" or unset: PATH itself.
 *	Into BUF.  Returns BUF.
 */
const char *deliver_safefile(const char *path, char *buf, size_t size,
	    const char **chrootp);

/* ---- the transcript (deliver_xf.c) ------------------------------------- */

struct deliver_xf {
	struct queue_msg *xf_m;
	SM_STR		*xf_text;	/* all of it (up to a megabyte) */
	size_t		 xf_limit;	/* XscriptFileBufferSize */
	int		 xf_fd;		/* the xf: -1 none yet, -2 failed */
	bool		 xf_lost;	/* the memory copy is incomplete */
};

/*
 * deliver_xf_open -- start the transcript of an attempt on M (no file
 *	yet).  deliver_xf_add -- append P[0..N); past XscriptFileBufferSize
 *	bytes everything goes to the queue file xfID too.
 *	deliver_xf_line -- append "REPLY STATUS ADDR... TEXT" (NULL parts
 *	left out).  deliver_xf_text -- all of it, NULL when empty.
 *	deliver_xf_close -- end it: the xf is closed and removed (call it
 *	before M is unlocked).
 */
void	deliver_xf_open(struct deliver_xf *xf, struct queue_msg *m);
void	deliver_xf_add(struct deliver_xf *xf, const char *p, size_t n);
void	deliver_xf_line(struct deliver_xf *xf, const char *reply,
	    const char *status, const char *addr, const char *text);
const char *deliver_xf_text(const struct deliver_xf *xf);
void	deliver_xf_close(struct deliver_xf *xf);

/*
 * deliver_set_macros -- $u $h $z (R's), $g $f (the sender), $i (the
 *	queue id), $b (now) for the mailer's argv and header expansion.
 */
void	deliver_set_macros(const struct deliver_msg *dm, const struct rcpt *r);

#endif
