/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * queue.h -- the mail queue in sendmail 8.17's on-disk format: queue IDs,
 * the qf/df/tf/xf/hf/Qf files, one lock per message, the crash-safe
 * commit, the queue runner's scan (-qI/-qR/-qS/-qQ selection, QueueSortOrder,
 * MinQueueAge/MaxQueueAge), the timeout decisions (Timeout.queuewarn,
 * Timeout.queuereturn) and mailq (-bp) output.  doc/QUEUE.md gives the
 * file states, the invariants and the order of writes behind "an accepted
 * message is never lost"; read it first.
 *
 * The code is in four files:
 *	queue.c		ids, the directory, a message's life (queue_new,
 *			queue_commit, queue_lock, queue_rewrite, queue_remove,
 *			queue_lose), cleanup of crash leftovers
 *	queue_qf.c	the qf format: queue_parse, queue_format and the
 *			struct queue_file builders
 *	queue_run.c	queue_scan, queue_select_*, queue_sort, queue_run,
 *			queue_print (mailq)
 *	queue_time.c	pure decisions on times and priorities
 *
 * Runs in the SMTP server and local submission (queue_new, queue_commit),
 * in queue runners and delivery (queue_scan, queue_run, queue_lock,
 * queue_read, queue_rewrite, queue_remove), and in mailq (queue_print);
 * always as the owner of the queue directory.  Not thread-safe (the id
 * generator is per process).
 */
#ifndef TERN_QUEUE_H
#define TERN_QUEUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>
#include <time.h>

#include "libsm/rpool.h"
#include "libsm/str.h"

struct conf;

/* Room for any queue id and its NUL (ids are 14 bytes, 15 for pids past
 * 999999; older sendmails' ids are shorter; file names stay under 20). */
#define QUEUE_ID_SIZE	20
/* Age (seconds) after which queue_run's cleanup removes a data file or
 * transcript without a control file whose lock is free (qmail waits as
 * long); Tern's own writers hold a lock, so this only guards the files of
 * another MTA still receiving. */
#define QUEUE_ORPHAN_AGE	(36 * 3600)
/* Largest control file read (bytes); bigger ones are refused. */
#define QUEUE_QF_MAX	(64 * 1024 * 1024)
/* The qf format version written (8.13 and later). */
#define QUEUE_VERSION	8

/* The first letter of each file of a message (the second is 'f'). */
#define QUEUE_QF	'q'	/* control file: envelope and headers */
#define QUEUE_DF	'd'	/* data file: the body */
#define QUEUE_TF	't'	/* a control file being written */
#define QUEUE_XF	'x'	/* transcript of a delivery attempt */
#define QUEUE_HF	'h'	/* control file of a quarantined message */
#define QUEUE_LOST	'Q'	/* control file set aside ("lost") */

/* F line letters (struct queue_file qf_flags) */
#define QUEUE_F_WARNING		0x01	/* w: delay warning sent */
#define QUEUE_F_RESPONSE	0x02	/* r: this is a DSN/bounce */
#define QUEUE_F_8BIT		0x04	/* 8: body has 8-bit data */
#define QUEUE_F_DELETEBCC	0x08	/* b: remove Bcc: */
#define QUEUE_F_RETPARAM	0x10	/* d: MAIL had RET= */
#define QUEUE_F_NOBODYRET	0x20	/* n: return headers only */
#define QUEUE_F_SPLIT		0x40	/* s: envelope has been split */

/* R line flag letters (struct queue_rcpt qr_flags) */
#define QUEUE_R_PRIMARY		0x01	/* P: from SMTP or the command line */
#define QUEUE_R_HASNOTIFY	0x02	/* N: NOTIFY= was given */
#define QUEUE_R_SUCCESS		0x04	/* S: NOTIFY=SUCCESS */
#define QUEUE_R_FAILURE		0x08	/* F: NOTIFY=FAILURE */
#define QUEUE_R_DELAY		0x10	/* D: NOTIFY=DELAY */
#define QUEUE_R_BCC		0x20	/* B: internal Bcc */
#define QUEUE_R_ALIAS		0x40	/* A: the controlling address is an
					   alias */

/* ---- queue ids ----------------------------------------------------------- */

/*
 * A queue id is YMDhmsNNpppppp: six characters of the UTC time of the
 * process's current id base (year % 60, month 0-11, day, hour, minute,
 * second), NN a two-character envelope number, then the process id in at
 * least six digits.  Characters come from "0-9A-Za-x" (60; "y" and "z"
 * only for leap seconds).  NN counts from a random offset per process;
 * after 3600 ids, or in a new process (fork), a new time base is taken,
 * and a process never takes the same base second twice.
 */

/*
 * queue_id_format -- the id for time T (read as UTC), envelope number NN
 *	(0-3599) and process id PID.
 * Returns 0, or -1 (errno EINVAL: bad NN or PID, EOVERFLOW: no UTC
 *	time for T, ERANGE: SIZE too small).
 */
int	queue_id_format(char *buf, size_t size, time_t t, unsigned nn,
	    long pid);

/* A generator's state; zero it before the first use. */
struct queue_idgen {
	time_t		ig_base;	/* time of the current base */
	long		ig_pid;		/* process that took the base */
	unsigned	ig_seq;		/* ids taken since */
	unsigned	ig_offset;	/* random start of NN */
	bool		ig_init;	/* ig_offset chosen */
};

/*
 * queue_idgen_next -- the next id of generator G at time NOW in process
 *	PID; RND is a random number, used once for the offset.  Pure: no
 *	clock, no sleeping (queue_id_new does those).
 * Returns 0, or -1 with errno EAGAIN when a new base is needed in the
 *	second of the previous one: call again when the clock has moved.
 */
int	queue_idgen_next(struct queue_idgen *g, time_t now, long pid,
	    unsigned rnd, char *buf, size_t size);

/*
 * queue_id_new -- a fresh id for this process (a process-wide generator:
 *	the clock, getpid(), getrandom(2)); sleeps up to a second when 3600
 *	ids were taken within one second.  Never fails for SIZE >=
 *	QUEUE_ID_SIZE.
 */
void	queue_id_new(char *buf, size_t size);

/* The fields of an id in the 8.12-and-later form. */
struct queue_idparts {
	int		qi_year60;	/* year % 60 */
	int		qi_mon;		/* 0-11 */
	int		qi_mday;	/* 1-31 */
	int		qi_hour;
	int		qi_min;
	int		qi_sec;		/* 0-61 */
	unsigned	qi_nn;		/* 0-3599 */
	long		qi_pid;
};

/*
 * queue_id_parse -- split ID into its fields.
 * Returns 0, or -1 with errno EINVAL when ID is not an 8.12+ id.
 */
int	queue_id_parse(const char *id, struct queue_idparts *p);

/*
 * queue_id_ok -- may ID name a queue file?  Letters and digits only,
 *	1 to QUEUE_ID_SIZE - 3 bytes (sendmail's file name limit), so any
 *	id sendmail ever made (older forms too) but nothing with a '/'.
 */
bool	queue_id_ok(const char *id);

/* ---- the qf file ----------------------------------------------------------- */

/* One recipient: its R line and the lines that go with it. */
struct queue_rcpt {
	char		*qr_addr;	/* the address after the flags */
	unsigned	 qr_flags;	/* QUEUE_R_* */
	char		*qr_xflags;	/* flag letters we do not know, kept
					   for the next writer; NULL: none */
	char		*qr_ctl;	/* C line in effect (the text after
					   C: "user:uid:gid:alias" or
					   ":alias"); NULL: none */
	char		*qr_orcpt;	/* Q: ORCPT= */
	char		*qr_final;	/* r: Final-Recipient */
	char		*qr_message;	/* M line just before: its status */
};

/* One H line: H?cond?name:value.  The value keeps its leading space and
 * continuation lines ("\n\t..."), and macro bytes (0x81 g = $g). */
struct queue_header {
	char		*qh_cond;	/* between the ?s ("" for "??"); NULL:
					   the line had no ?..? part */
	char		*qh_name;
	char		*qh_value;	/* after the ':'; NULL: no ':' */
};

/* One $ line: a macro saved for the queue run. */
struct queue_macro {
	char		*qv_name;	/* "x" or "{name}" as written */
	char		*qv_value;
};

/*
 * A parsed control file.  Strings live in qf_pool (freed with the file);
 * NULL means the line was absent.  Lines the format no longer uses (D, E,
 * L) are accepted and dropped, as sendmail does.
 */
struct queue_file {
	SM_RPOOL	*qf_pool;
	int		 qf_version;	/* V (0 when absent) */
	time_t		 qf_ctime;	/* T: creation time */
	time_t		 qf_dtime;	/* K: last delivery attempt */
	int		 qf_ntries;	/* N: delivery attempts */
	long		 qf_priority;	/* P */
	char		*qf_dfdir;	/* d: directory of the df */
	bool		 qf_has_dfino;	/* I: major/minor/inode of the df */
	long		 qf_dfmajor;
	long		 qf_dfminor;
	unsigned long long qf_dfino;
	char		*qf_bodytype;	/* B */
	char		*qf_quarmsg;	/* q: quarantine reason */
	bool		 qf_quarlate;	/* the q line goes just before S, where
					   sendmail's -Q puts it (else after
					   B, where its queueup writes it) */
	char		*qf_message;	/* M before S: status for mailq */
	unsigned	 qf_flags;	/* F: QUEUE_F_* */
	char		*qf_xflags;	/* F letters we do not know, kept */
	struct queue_macro *qf_macros;	/* $ lines, in order */
	size_t		 qf_nmacros;
	char		*qf_sender;	/* S */
	char		*qf_envid;	/* Z: ENVID= */
	char		*qf_auth;	/* A: AUTH= */
	int		 qf_dlvrflag;	/* !: BY= mode letter, 0 if none */
	long		 qf_deliverby;	/* !: BY= seconds */
	struct queue_rcpt *qf_rcpts;	/* R lines, in order */
	size_t		 qf_nrcpts;
	struct queue_header *qf_hdrs;	/* H lines, in order */
	size_t		 qf_nhdrs;
};

/* queue_file_new -- an empty file: version 8, everything else unset. */
struct queue_file *queue_file_new(void);

/* queue_file_free -- release QF and all its strings; NULL is fine. */
void	queue_file_free(struct queue_file *qf);

/* queue_file_strdup -- a copy of S (NULL stays NULL) living in QF. */
char	*queue_file_strdup(struct queue_file *qf, const char *s);

/*
 * queue_file_add_rcpt -- append a recipient ADDR with FLAGS (QUEUE_R_*).
 * Returns it, to fill qr_orcpt and the others (with queue_file_strdup).
 */
struct queue_rcpt *queue_file_add_rcpt(struct queue_file *qf,
	    const char *addr, unsigned flags);

/*
 * queue_file_add_header -- append H?COND?NAME:VALUE (COND NULL: no
 *	conditional part).  VALUE should start with the space that follows
 *	the colon in a message ("Subject: hi" is NAME "Subject", VALUE
 *	" hi").
 */
struct queue_header *queue_file_add_header(struct queue_file *qf,
	    const char *cond, const char *name, const char *value);

/*
 * queue_file_set_macro -- set macro NAME ("r" or "{daemon_flags}") to
 *	VALUE, replacing an earlier value; new names go last.
 */
void	queue_file_set_macro(struct queue_file *qf, const char *name,
	    const char *value);

/*
 * queue_parse -- read a control file of LEN bytes at DATA.  NAME (e.g.
 *	"qf6AM1kNnT002542") starts error messages.  Lines starting with a
 *	space or tab continue the line before; CR LF ends a line like LF.
 *	The file must end with a line "."; nothing may follow it.
 * Returns 0 with *QFP (free with queue_file_free), or -1 with WHY (may be
 *	NULL) set to "NAME: line N: reason" and errno: ENODATA for an empty
 *	file, EINVAL for anything malformed (unknown line type, bad number,
 *	version above 8, missing final dot, NUL byte, garbage after the
 *	dot), EFBIG past QUEUE_QF_MAX.
 */
int	queue_parse(const char *data, size_t len, const char *name,
	    struct queue_file **qfp, SM_STR *why);

/*
 * queue_format -- QF as a control file appended to OUT, byte for byte
 *	what sendmail 8.17 writes for the same envelope: lines in the order
 *	V T K N P d I B q M F $ S Z A !, then per recipient M C Q r R, then
 *	H lines and ".".  A newline in a value becomes a space (in an H
 *	value only one not followed by a space or tab), so the file always
 *	reads back the same.
 * Returns 0, or -1 (errno EMSGSIZE) when OUT's maximum is reached.
 */
int	queue_format(const struct queue_file *qf, SM_STR *out);

/* ---- the queue directory and one message ------------------------------------ */

/*
 * An open queue directory.  When it holds subdirectories qf/, df/ and
 * xf/, control, data and transcript files live there (sendmail's layout);
 * otherwise all in the directory itself.
 */
struct queue_dir {
	char		*qd_path;	/* as configured: mailq prints it */
	int		 qd_fd;		/* the directory */
	int		 qd_qffd;	/* where q t h Q files live */
	int		 qd_dffd;	/* where d files live */
	int		 qd_xffd;	/* where x files live */
	mode_t		 qd_mode;	/* QueueFileMode for new files */
};

/*
 * queue_dir_open -- open the queue directory PATH; new files get MODE
 *	(QueueFileMode, e.g. 0600).
 * Returns 0, or -1 with errno and WHY ("cannot open queue directory
 *	PATH: ...").
 */
int	queue_dir_open(struct queue_dir *qd, const char *path, mode_t mode,
	    SM_STR *why);

/* queue_dir_close -- close what queue_dir_open opened. */
void	queue_dir_close(struct queue_dir *qd);

/*
 * queue_name -- the file name "LfID" (L one of the letters above).
 * Returns 0, or -1 (errno ERANGE: SIZE too small; EINVAL: bad id).
 */
int	queue_name(char *buf, size_t size, int letter, const char *id);

/* A message being created or processed: its id and the lock. */
struct queue_msg {
	struct queue_dir *qm_dir;
	char		 qm_id[QUEUE_ID_SIZE];
	int		 qm_fd;		/* the locked control file (or tf
					   before the first commit); -1 */
	int		 qm_letter;	/* name of qm_fd: 'q', 'h' or 'Q' */
	int		 qm_dfd;	/* the data file while it is being
					   written (queue_new); -1 */
};

/*
 * queue_new -- start a new message: take a fresh id, create its data file
 *	(exclusively, QueueFileMode) and hold a lock on it, so cleanup knows
 *	that a live process is writing it.  Write the body to M->qm_dfd
 *	(the caller may lseek/ftruncate; do not close it), then queue_commit
 *	or queue_abort.
 * Returns 0, or -1 with errno and WHY (the directory is not writable,
 *	disk full, 32 ids in a row already in use).
 */
int	queue_new(struct queue_dir *qd, struct queue_msg *m, SM_STR *why);

/*
 * queue_commit -- accept the message: fsync the data file, write the
 *	control file QF to tfID (created exclusively and locked), fsync it,
 *	rename it to qfID (hfID when QF has a quarantine reason), fsync the
 *	directory.  Only when this returns 0 may "250" be said: the message
 *	then survives a crash of the process or the machine.
 * Returns 0 with the control file still locked (M->qm_fd: deliver now,
 *	or queue_unlock); -1 with errno and WHY, and nothing committed: the
 *	caller answers 4xx and calls queue_abort.
 */
int	queue_commit(struct queue_msg *m, const struct queue_file *qf,
	    SM_STR *why);

/*
 * queue_abort -- give up a message that was never committed (RSET, a
 *	dropped connection, a failed commit): remove its data file and any
 *	tf, and release M.  Harmless on a released M.
 */
void	queue_abort(struct queue_msg *m);

/*
 * queue_lock -- open the control file LfID (LETTER 'q', 'h' or 'Q') of
 *	queue QD and take its lock without waiting (flock LOCK_EX, the lock
 *	sendmail takes: runners of both exclude each other).  A file renamed
 *	over while we waited for the lock counts as locked, as does a file
 *	removed.
 * Returns 0 with M filled; -1 with errno: EWOULDBLOCK (another process
 *	has it, or it changed), ENOENT (gone: delivered meanwhile), EPERM
 *	(not owned by us, or group/world writable against QueueFileMode:
 *	sendmail calls that a bogus file; M then holds it locked all the
 *	same, to queue_lose it), other errors of open(2).
 */
int	queue_lock(struct queue_dir *qd, int letter, const char *id,
	    struct queue_msg *m, SM_STR *why);

/*
 * queue_read -- parse the control file M holds locked (as queue_parse).
 * Returns 0 with *QFP, or -1 with errno and WHY.
 */
int	queue_read(struct queue_msg *m, struct queue_file **qfp, SM_STR *why);

/*
 * queue_rewrite -- replace the locked control file by QF (after a
 *	delivery attempt: the recipients still to do, new N, K, P, M):
 *	tfID is written, fsync'd and locked, renamed over the control file,
 *	and the directory fsync'd; the lock moves to the new file.  A
 *	quarantine reason appearing or going moves the file between qfID
 *	and hfID (without ever having both names).
 * Returns 0, or -1 with errno and WHY; the old control file is then
 *	untouched and still locked.
 */
int	queue_rewrite(struct queue_msg *m, const struct queue_file *qf,
	    SM_STR *why);

/*
 * queue_remove -- the message is done: remove its control file (the
 *	moment it stops existing), then its data and transcript files, and
 *	release M.  The data file of a qf with a d line lives elsewhere:
 *	pass DFPATH (NULL: in this queue).
 * Returns 0, or -1 with errno and WHY when the control file cannot be
 *	removed (M is released all the same).
 */
int	queue_remove(struct queue_msg *m, const char *dfpath, SM_STR *why);

/*
 * queue_lose -- set the locked control file aside as QfID, for a human
 *	(sendmail's "Losing qfID: REASON"), logged at LOG_ALERT; releases M.
 * Returns 0, or -1 with errno.
 */
int	queue_lose(struct queue_msg *m, const char *reason);

/* queue_unlock -- release the lock and M's descriptors. */
void	queue_unlock(struct queue_msg *m);

/*
 * queue_df_open -- open the data file of M for reading (O_RDONLY).
 * Returns a descriptor or -1 with errno.
 */
int	queue_df_open(struct queue_msg *m);

/*
 * queue_xf_open -- create (truncate) the transcript file xfID of M.
 * Returns a descriptor or -1 with errno; queue_remove removes the file.
 */
int	queue_xf_open(struct queue_msg *m);

/* What queue_clean removed. */
struct queue_clean_stats {
	int	qc_tf;		/* tf files nobody held */
	int	qc_df;		/* data files of messages never committed */
	int	qc_xf;		/* transcripts without a message */
	int	qc_empty;	/* empty control files (and their df) */
};

/*
 * queue_clean -- remove what crashes leave behind (doc/QUEUE.md, "After a
 *	crash"): tf files no process holds locked; df and xf files with no
 *	control file (q, h, Q or t) whose lock nobody holds and that are
 *	older than ORPHAN_AGE seconds at NOW; empty control files older than
 *	ten minutes that nobody holds.  Each removal is logged.
 * Returns 0 with ST (may be NULL) filled, or -1 with errno and WHY when
 *	the directory cannot be read.
 */
int	queue_clean(struct queue_dir *qd, time_t now, time_t orphan_age,
	    struct queue_clean_stats *st, SM_STR *why);

/* ---- selecting, sorting, running, printing ------------------------------ */

/* One -q[!]Xstring selection (X: I id, R recipient, S sender, Q
 * quarantine reason). */
struct queue_match {
	int		 qx_key;
	bool		 qx_negate;
	char		*qx_text;
	struct queue_match *qx_next;
};

/* All selections: items with the same key are or'ed, keys and'ed. */
struct queue_select {
	struct queue_match *qs_list;
};

/*
 * queue_select_add -- add the selection ARG, the text after "-q" (e.g.
 *	"Rexample.com", "!Sfoo", "Iqf6AM"); the string may be empty.
 * Returns 0, or -1 (errno EINVAL) when ARG does not start with [!]I, R,
 *	S or Q.
 */
int	queue_select_add(struct queue_select *s, const char *arg);

/* queue_select_free -- release the selections and empty S. */
void	queue_select_free(struct queue_select *s);

/* How to scan a queue (fill from the options; zero is the default). */
struct queue_scan_opts {
	int		 qo_letter;	/* 'q' (0 too), 'h' quarantined (-qQ),
					   'Q' lost (-qL) */
	const struct queue_select *qo_select;	/* NULL: everything */
	int		 qo_sort;	/* QueueSortOrder letter: p h f m t r
					   s n; 0 = p (priority) */
	bool		 qo_all;	/* mailq: keep too-young and held
					   entries (they get - and X) */
	time_t		 qo_now;	/* 0: time(NULL) */
	time_t		 qo_minqueueage;
	time_t		 qo_maxqueueage;
	int		 qo_maxrun;	/* MaxQueueRunSize; 0: no limit */
	int		 qo_la;		/* load average; < 0: unknown */
	int		 qo_queuela;	/* QueueLA */
	long		 qo_queuefactor;	/* QueueFactor */
	time_t		 qo_orphanage;	/* queue_run's cleanup; 0:
					   QUEUE_ORPHAN_AGE */
};

/* One queued message found by queue_scan. */
struct queue_entry {
	char		 qe_id[QUEUE_ID_SIZE];
	char		*qe_host;	/* first recipient domain, reversed
					   and lower case (host sort); NULL */
	bool		 qe_locked;	/* another process holds it now */
	bool		 qe_tooyoung;	/* MinQueueAge/MaxQueueAge say wait */
	long		 qe_pri;	/* P line (0x7fffffff when absent) */
	time_t		 qe_ctime;	/* T line */
	time_t		 qe_mtime;	/* of the control file */
};

/* What queue_scan found. */
struct queue_list {
	struct queue_entry *ql_v;	/* sorted, at most qo_maxrun */
	size_t		 ql_n;
	size_t		 ql_matched;	/* entries selected before the cut */
};

/*
 * queue_scan -- list the control files of QD that O selects, sorted by
 *	O->qo_sort, as sendmail's queue run and mailq see them.  Files that
 *	cannot be opened are skipped (mailq keeps them); with O->qo_all
 *	false, too-young entries and those QueueLA says to hold are left
 *	out, and in the normal queue a qf with a quarantine line too.
 * Returns 0 with L filled (queue_list_free), or -1 with errno and WHY
 *	when the directory cannot be read.
 */
int	queue_scan(struct queue_dir *qd, const struct queue_scan_opts *o,
	    struct queue_list *l, SM_STR *why);

/* queue_list_free -- release what queue_scan filled in L. */
void	queue_list_free(struct queue_list *l);

/*
 * queue_sort -- order V[0..N) by QueueSortOrder ORDER: p priority
 *	(smaller P first), t submission time, m modification time of the
 *	qf, f file name, h/s by host with locked hosts last, r random, n
 *	none.  Ties keep submission time, then name, so the order is total
 *	(sendmail's qsort leaves ties unspecified).
 */
void	queue_sort(struct queue_entry *v, size_t n, int order);

/*
 * The delivery callback of queue_run: M holds the lock of the message
 *	read into QF; it delivers and ends with queue_rewrite (recipients
 *	left) or queue_remove (none), or just returns to leave the file as
 *	it is.  queue_run unlocks M and frees QF afterwards.  A non-zero
 *	return stops the run.
 */
typedef int queue_work_fn(struct queue_msg *m, struct queue_file *qf,
	    void *ctx);

/* What one queue_run did. */
struct queue_run_stats {
	int	qr_run;		/* messages handed to the callback */
	int	qr_locked;	/* skipped: another process had them */
	int	qr_young;	/* skipped: tried less than MinQueueAge ago */
	int	qr_lost;	/* set aside as Qf (unreadable, bogus, no df) */
};

/*
 * queue_run -- one pass over QD (sendmail -q, -qI/-qR/-qS): queue_clean
 *	(orphans older than O->qo_orphanage), scan and sort as O says, then
 *	for each message lock it, read it, check MinQueueAge
 *	against its last attempt and that its data file exists, and call FN.
 *	Unreadable or bogus control files and messages without a data file
 *	are set aside (Qf) and logged; locked ones skipped.
 * Returns the callback's non-zero value if it stopped the run, 0 when the
 *	pass ended, -1 with errno and WHY when the directory cannot be read.
 */
int	queue_run(struct queue_dir *qd, const struct queue_scan_opts *o,
	    queue_work_fn *fn, void *ctx, struct queue_run_stats *st,
	    SM_STR *why);

/*
 * queue_print -- mailq (sendmail -bp [-v]) for one queue directory, in
 *	sendmail 8.17's format: "PATH is empty", or the "\t\tPATH (N
 *	requests)" line, the column heading and one entry per message (id,
 *	mark * - X ?, size of the df, time, sender, status, recipients).
 *	The caller prints the final line with queue_print_total.
 * Returns the number of requests, or -1 with errno and WHY.
 */
int	queue_print(FILE *out, struct queue_dir *qd,
	    const struct queue_scan_opts *o, bool verbose, SM_STR *why);

/* queue_print_total -- "\t\tTotal requests: N". */
void	queue_print_total(FILE *out, int n);

/*
 * queue_quarantine -- sendmail -Q[reason]: the messages O selects (qf
 *	files, or with O->qo_letter 'h' the quarantined hf files), in
 *	directory order, get REASON as their quarantine reason (their qf
 *	becomes an hf), or with REASON "" lose it (back to qf).  Each change
 *	is logged ("quarantine=REASON", "unquarantine"); with VERBOSE, OUT
 *	gets sendmail's lines ("Processing PATH:", "ID: Quarantined with
 *	\"R\"", "ID: Quarantine changed from ...", "ID: Removed quarantine
 *	of ...", "ID: locked", "N changes" ...).  Locked messages are skipped.
 * Returns the number of messages changed, or -1 with errno and WHY when
 *	the directory cannot be read.
 */
int	queue_quarantine(FILE *out, struct queue_dir *qd,
	    const struct queue_scan_opts *o, const char *reason, bool verbose,
	    SM_STR *why);

/* ---- decisions on times and priorities (pure) -------------------------- */

/* Timeout classes, from Precedence:/Priority: (queue_toclass). */
enum queue_toclass {
	QUEUE_TOC_NORMAL,
	QUEUE_TOC_URGENT,
	QUEUE_TOC_NONURGENT,
	QUEUE_TOC_DSN,
	QUEUE_TOC_N
};

/* Timeout.queuewarn.* and Timeout.queuereturn.* (seconds; a warn of 0
 * means never; a return of -1 is "now"). */
struct queue_timeouts {
	time_t	qt_warn[QUEUE_TOC_N];
	time_t	qt_return[QUEUE_TOC_N];
};

/* queue_timeouts_conf -- fill T from the options in CF. */
void	queue_timeouts_conf(struct queue_timeouts *t, const struct conf *cf);

/*
 * queue_toclass -- the timeout class of a message: PRECEDENCE is the
 *	value of its Precedence: (negative: non-urgent, positive: urgent),
 *	PRIORITY its Priority: header ("urgent", "normal", "non-urgent" in
 *	any case, NULL if none) which wins, RESPONSE true for a DSN/bounce
 *	(class dsn unless Priority: names another).
 */
enum queue_toclass queue_toclass(int precedence, const char *priority,
	    bool response);

/* What queue_age_check says about a message still undelivered. */
enum queue_age {
	QUEUE_AGE_OK,		/* keep trying */
	QUEUE_AGE_WARN,		/* send the delay DSN now (if
				   queue_warn_ok), then set QUEUE_F_WARNING */
	QUEUE_AGE_RETURN	/* give up: bounce, 4.4.7 */
};

/*
 * queue_age_check -- after a failed attempt at NOW, for a message created at
 *	CTIME of class TOC with qf flags QFFLAGS: RETURN once NOW reaches
 *	CTIME + queuereturn (always for a return of "now"); else WARN once
 *	NOW reaches CTIME + queuewarn (when that is > 0), unless the
 *	warning was sent (QUEUE_F_WARNING) or the message is a DSN
 *	(QUEUE_F_RESPONSE); else OK.  Whether a warning goes to the sender
 *	at all is queue_warn_ok's question.
 */
enum queue_age queue_age_check(const struct queue_timeouts *t,
	    enum queue_toclass toc, time_t ctime, time_t now,
	    unsigned qfflags);

/*
 * queue_warn_ok -- may a delay warning be sent for a message from SENDER
 *	(the S line) of precedence PRECEDENCE?  Not to "<>", owner-*,
 *	*-request, nor for negative precedence (bulk, junk, list).
 */
bool	queue_warn_ok(const char *sender, int precedence);

/*
 * queue_too_young -- should a queue run leave this message for later?
 *	DTIME (K) is its last attempt, NTRIES (N) the attempts, CTIME (T)
 *	its creation.  Never tried: no.  With MAXAGE (MaxQueueAge) > 0:
 *	wait as long as the message had already waited at its last attempt
 *	(DTIME - CTIME), at most MAXAGE: an exponential backoff.  Else wait
 *	MINAGE (MinQueueAge) after the last attempt, where a last attempt
 *	in the future (clock stepped back) holds nothing.  This is
 *	sendmail's scan rule; queue_run adds its read-time rule (MinQueueAge
 *	even with MaxQueueAge).
 */
bool	queue_too_young(time_t now, time_t ctime, time_t dtime, int ntries,
	    time_t minage, time_t maxage);

/*
 * queue_shouldqueue -- with load average LA at or above QUEUELA, hold
 *	(queue only) messages whose priority PRI exceeds QUEUEFACTOR /
 *	(LA - QUEUELA + 1); below QUEUELA (or LA < 0: unknown) never.
 */
bool	queue_shouldqueue(long pri, int la, int queuela, long queuefactor);

/*
 * queue_priority -- a new message's P: its size, minus its precedence
 *	times ClassFactor, plus its recipients times RecipientFactor.
 * queue_priority_retry -- P after one more queue run: + RetryFactor.
 *	Both saturate at LONG_MIN/LONG_MAX instead of overflowing.
 */
long	queue_priority(long msgsize, int precedence, int nrcpts,
	    long classfactor, long recipfactor);
long	queue_priority_retry(long pri, long retryfactor);

/*
 * queue_interval -- SECS as sendmail's pintvl: "4 hours", "5 days",
 *	"1 week, 2 days, 3 minutes", "zero seconds", "too long" (for
 *	"now"); BRIEF: "HH:MM:SS" or "D+HH:MM:SS".
 * Returns BUF (64 bytes are always enough).
 */
char	*queue_interval(time_t secs, bool brief, char *buf, size_t size);

/*
 * queue_warn_text / queue_return_text -- the M line (and DSN subject
 *	text) for a warning after WARN seconds, "Warning: could not send
 *	message for past 4 hours", and for giving up after RET seconds,
 *	"Cannot send message for 5 days".  Return BUF (128 bytes suffice).
 */
char	*queue_warn_text(time_t warn, char *buf, size_t size);
char	*queue_return_text(time_t ret, char *buf, size_t size);

#endif
