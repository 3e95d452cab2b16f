/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * stats.h -- the statistics file (the StatusFile option, usually
 * /etc/mail/statistics): per-mailer counts of messages and kbytes in and
 * out, rejects, discards, quarantines and connections, in the binary
 * layout sendmail 8.17 and its mailstats read and write on this platform.
 *
 * The layout is the C struct sendmail writes with one write(2), so it is
 * native: on x86_64 (LP64, little-endian) it is 1448 bytes --
 *	offset    0  int    magic 0x1B1DE
 *	offset    4  int    version 4
 *	offset    8  time_t time the counting started
 *	offset   16  short  size of the struct (1448), then 6 bytes padding
 *	offset   24  long   connections from, to, rejected (3 x 8)
 *	offset   48  long   [25] messages from each mailer
 *	offset  248  long   [25] kbytes from each mailer
 *	offset  448  long   [25] messages to each mailer
 *	offset  648  long   [25] kbytes to each mailer
 *	offset  848  long   [25] messages rejected, by sender's mailer
 *	offset 1048  long   [25] messages discarded, by sender's mailer
 *	offset 1248  long   [25] messages quarantined, by sender's mailer
 * measured on files written by the real sendmail 8.17 (Debian 12).
 * Mailers are numbered as sendmail numbers them: prog 0, *file* 1,
 * *include* 2, then the cf's M lines in order.  Kbytes are rounded up,
 * 1000 bytes a kbyte (KBYTES below).
 *
 * How the MTA uses it: collect a delta for one message or connection in a
 * struct stats with stats_mark(), then stats_post() merges it into the
 * file under an exclusive flock(2), as sendmail's poststats does -- a
 * file that is missing is not created (no StatusFile file, no counting);
 * an empty, foreign or damaged one is overwritten with the delta alone.
 * stats_update() does both for one event.
 *
 * Public functions: stats_init, stats_mark, stats_merge, stats_decode,
 * stats_read, stats_post, stats_update, stats_reset, stats_print,
 * stats_print_json, stats_kbytes.
 *
 * Runs in the MTA (delivery and SMTP server processes, usually as root or
 * the RunAsUser) and in mailstats.  No global state.
 */
#ifndef TERN_STATS_H
#define TERN_STATS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <time.h>

#define STATS_MAGIC	0x1B1DE
#define STATS_VERSION	4
#define STATS_MAXMAILERS 25	/* sendmail's MAXMAILERS */
#define STATS_MNAMELEN	20	/* mailstats keeps this much of a name */

/* The file's record, field for field as sendmail 8.17 declares it. */
struct stats {
	int	stat_magic;		/* STATS_MAGIC */
	int	stat_version;		/* STATS_VERSION */
	time_t	stat_itime;		/* when counting started */
	short	stat_size;		/* sizeof(struct stats) */
	long	stat_cf;		/* connections from (SMTP server) */
	long	stat_ct;		/* connections to (SMTP client) */
	long	stat_cr;		/* rejected connections / messages */
	long	stat_nf[STATS_MAXMAILERS];	/* messages from */
	long	stat_bf[STATS_MAXMAILERS];	/* kbytes from */
	long	stat_nt[STATS_MAXMAILERS];	/* messages to */
	long	stat_bt[STATS_MAXMAILERS];	/* kbytes to */
	long	stat_nr[STATS_MAXMAILERS];	/* rejected */
	long	stat_nd[STATS_MAXMAILERS];	/* discarded */
	long	stat_nq[STATS_MAXMAILERS];	/* quarantined */
};

/* The size the real programs check (x86_64 is what we run on). */
#define STATS_SIZE	sizeof(struct stats)

/* What happened, for stats_mark (sendmail's markstats types, split). */
enum stats_kind {
	STATS_FROM,		/* a message received from MAILER, BYTES long */
	STATS_TO,		/* a message delivered by MAILER */
	STATS_REJECT,		/* a message from MAILER rejected; also counts
				   a rejected connection, as sendmail does */
	STATS_DISCARD,		/* a message from MAILER discarded (also
				   counts a rejected connection) */
	STATS_QUARANTINE,	/* a message from MAILER quarantined */
	STATS_CONNECT_FROM,	/* an SMTP client connected to us */
	STATS_CONNECT_TO	/* we connected to an SMTP server */
};

/* What stats_decode / stats_read found. */
enum stats_status {
	STATS_OK = 0,		/* a whole record of this version */
	STATS_EMPTY,		/* no bytes at all (a fresh file) */
	STATS_BADMAGIC,		/* not a statistics file */
	STATS_BADVERSION,	/* another version of the format */
	STATS_BADSIZE		/* short, or another size of the struct */
};

/* Kbytes as sendmail counts them: 1000 bytes, rounded up. */
long	stats_kbytes(long long bytes);

/*
 * stats_init -- a valid, zeroed record that started at NOW (magic,
 *	version and size set).
 */
void	stats_init(struct stats *st, time_t now);

/*
 * stats_mark -- count one event of KIND for MAILER (0 .. 24; ignored for
 *	the connection kinds) in ST; BYTES is the message size for
 *	STATS_FROM and STATS_TO (kbytes rounded up are added).
 * Returns 0, or -1 (errno EINVAL) when MAILER is out of range or KIND
 *	unknown; ST is then unchanged.
 */
int	stats_mark(struct stats *st, enum stats_kind kind, int mailer,
	    long long bytes);

/* stats_merge -- add every counter of SRC to DST (times, magic kept). */
void	stats_merge(struct stats *dst, const struct stats *src);

/*
 * stats_decode -- judge LEN bytes read from a statistics file and copy a
 *	good record to *ST.  The checks are mailstats': magic first, then
 *	version, then the length and the recorded size.
 * Returns a stats_status; *ST is filled only for STATS_OK.  For
 *	STATS_BADVERSION *versionp (if not NULL) gets the file's version.
 */
enum stats_status stats_decode(const void *buf, size_t len,
	    struct stats *st, int *versionp);

/*
 * stats_read -- read the record of the file open on FD from its start.
 * Returns a stats_status (STATS_OK with *ST filled), or -1 with errno on
 *	a read error.  Only the first STATS_SIZE bytes count: bytes after
 *	them are ignored (and kept by stats_post), as by the real programs.
 */
int	stats_read(int fd, struct stats *st, int *versionp);

/*
 * stats_post -- merge DELTA into the file PATH, as the MTA does after a
 *	message: the file is opened for writing (never created, never
 *	through a symbolic link, a regular file only), locked with an
 *	exclusive flock(2) (waiting), read, added to (or, when its record is
 *	not STATS_OK, replaced by DELTA with its own start time NOW), written
 *	back at offset 0 and closed.  A DELTA that counts nothing writes
 *	nothing.
 * Returns 0, or -1 with errno and *errp (a static sentence); ENOENT means
 *	the site keeps no statistics and is not worth a log line.
 */
int	stats_post(const char *path, const struct stats *delta, time_t now,
	    const char **errp);

/* stats_update -- stats_mark one event into an empty delta and post it. */
int	stats_update(const char *path, enum stats_kind kind, int mailer,
	    long long bytes, const char **errp);

/*
 * stats_reset -- mailstats -p: under the exclusive lock, read the record
 *	into *OLD (its stats_status returned), then truncate the file to
 *	zero bytes, so no count posted meanwhile is lost or counted twice
 *	(a symbolic link is followed here, as the real mailstats does).
 *	An OLD that is not STATS_OK leaves the file untouched.
 * Returns a stats_status, or -1 with errno and *errp.
 */
int	stats_reset(const char *path, struct stats *old, int *versionp,
	    const char **errp);

/* How stats_print prints. */
#define STATS_PR_NAMES	0x01	/* the Mailer column (mailstats without -o) */
#define STATS_PR_PROG	0x02	/* program mode (-P / -p) */

/*
 * stats_print -- the table mailstats 8.17 prints for ST: the header
 *	("Statistics from <ctime>" or, in program mode, "ITIME NOW"), one
 *	row per mailer that counted anything, the totals row T and the
 *	connections row C.  NAMES[i] names mailer i (NULL or "" for none;
 *	used with STATS_PR_NAMES).
 */
void	stats_print(FILE *fp, const struct stats *st,
	    const char *const names[STATS_MAXMAILERS], unsigned flags,
	    time_t now);

/*
 * stats_print_json -- the same numbers as one JSON object, for
 *	monitoring (mailstats -j): start and now as Unix times, every mailer
 *	that counted anything with its number, name and counters, totals and
 *	connections.  Names are escaped as JSON strings.
 */
void	stats_print_json(FILE *fp, const struct stats *st,
	    const char *const names[STATS_MAXMAILERS], time_t now);

#endif
