/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * stats.c -- the statistics file, as sendmail 8.17 and mailstats keep it
 * (layout and rules in stats.h).
 *
 * Public: stats_kbytes, stats_init, stats_mark, stats_merge, stats_decode,
 * stats_read, stats_post, stats_update, stats_reset, stats_print,
 * stats_print_json.
 *
 * Runs in the MTA (as root or RunAsUser) and in mailstats.  Locks are
 * flock(2) on the file itself, what the real sendmail takes, so Tern and
 * sendmail processes sharing one file exclude each other.
 */
#include "sendmail/stats.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "libsm/lock.h"

_Static_assert(sizeof(long) != 8 || sizeof(struct stats) == 1448,
    "struct stats must match sendmail 8.17's x86_64 layout");

#define ONE_K	1000

long
stats_kbytes(long long bytes)
{
	if (bytes <= 0)
		return 0;
	if (bytes > (long long)LONG_MAX - (ONE_K - 1))
		return LONG_MAX / ONE_K;
	return (long)((bytes + (ONE_K - 1)) / ONE_K);
}

void
stats_init(struct stats *st, time_t now)
{
	memset(st, 0, sizeof(*st));
	st->stat_magic = STATS_MAGIC;
	st->stat_version = STATS_VERSION;
	st->stat_itime = now;
	st->stat_size = (short)sizeof(*st);
}

int
stats_mark(struct stats *st, enum stats_kind kind, int mailer,
    long long bytes)
{
	int conn = kind == STATS_CONNECT_FROM || kind == STATS_CONNECT_TO;

	if (!conn && (mailer < 0 || mailer >= STATS_MAXMAILERS)) {
		errno = EINVAL;
		return -1;
	}
	switch (kind) {
	case STATS_FROM:
		st->stat_nf[mailer]++;
		st->stat_bf[mailer] += stats_kbytes(bytes);
		break;
	case STATS_TO:
		st->stat_nt[mailer]++;
		st->stat_bt[mailer] += stats_kbytes(bytes);
		break;
	case STATS_REJECT:
		st->stat_nr[mailer]++;
		st->stat_cr++;
		break;
	case STATS_DISCARD:
		st->stat_nd[mailer]++;
		st->stat_cr++;
		break;
	case STATS_QUARANTINE:
		st->stat_nq[mailer]++;
		break;
	case STATS_CONNECT_FROM:
		st->stat_cf++;
		break;
	case STATS_CONNECT_TO:
		st->stat_ct++;
		break;
	default:
		errno = EINVAL;
		return -1;
	}
	return 0;
}

/* Long addition that wraps like sendmail's (no undefined overflow). */
static long
add(long a, long b)
{
	return (long)((unsigned long)a + (unsigned long)b);
}

void
stats_merge(struct stats *dst, const struct stats *src)
{
	int i;

	for (i = 0; i < STATS_MAXMAILERS; i++) {
		dst->stat_nf[i] = add(dst->stat_nf[i], src->stat_nf[i]);
		dst->stat_bf[i] = add(dst->stat_bf[i], src->stat_bf[i]);
		dst->stat_nt[i] = add(dst->stat_nt[i], src->stat_nt[i]);
		dst->stat_bt[i] = add(dst->stat_bt[i], src->stat_bt[i]);
		dst->stat_nr[i] = add(dst->stat_nr[i], src->stat_nr[i]);
		dst->stat_nd[i] = add(dst->stat_nd[i], src->stat_nd[i]);
		dst->stat_nq[i] = add(dst->stat_nq[i], src->stat_nq[i]);
	}
	dst->stat_cf = add(dst->stat_cf, src->stat_cf);
	dst->stat_ct = add(dst->stat_ct, src->stat_ct);
	dst->stat_cr = add(dst->stat_cr, src->stat_cr);
}

/* Does ST count anything? */
static bool
counts(const struct stats *st)
{
	struct stats zero;

	stats_init(&zero, st->stat_itime);
	return memcmp(zero.stat_nf, st->stat_nf,
	    sizeof(*st) - offsetof(struct stats, stat_nf)) != 0 ||
	    st->stat_cf != 0 || st->stat_ct != 0 || st->stat_cr != 0;
}

enum stats_status
stats_decode(const void *buf, size_t len, struct stats *st, int *versionp)
{
	struct stats tmp;

	if (len == 0)
		return STATS_EMPTY;
	memset(&tmp, 0, sizeof(tmp));
	memcpy(&tmp, buf, len < sizeof(tmp) ? len : sizeof(tmp));
	if (len < sizeof(tmp.stat_magic) || tmp.stat_magic != STATS_MAGIC)
		return STATS_BADMAGIC;
	if (len < offsetof(struct stats, stat_itime))
		return STATS_BADSIZE;
	if (tmp.stat_version != STATS_VERSION) {
		if (versionp != NULL)
			*versionp = tmp.stat_version;
		return STATS_BADVERSION;
	}
	if (len != sizeof(tmp) || tmp.stat_size != (short)sizeof(tmp))
		return STATS_BADSIZE;
	*st = tmp;
	return STATS_OK;
}

int
stats_read(int fd, struct stats *st, int *versionp)
{
	unsigned char buf[sizeof(struct stats)];
	size_t got = 0;
	ssize_t n;

	if (lseek(fd, 0, SEEK_SET) < 0)
		return -1;
	while (got < sizeof(buf)) {
		n = read(fd, buf + got, sizeof(buf) - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0)
			break;
		got += (size_t)n;
	}
	return (int)stats_decode(buf, got, st, versionp);
}

/* Open PATH for update (an existing regular file; no symbolic link
 * unless FOLLOW) and lock it exclusively. */
static int
open_locked(const char *path, bool follow, const char **errp)
{
	struct stat sb;
	int fd = open(path, O_RDWR | O_NONBLOCK | O_CLOEXEC |
	    (follow ? 0 : O_NOFOLLOW));

	if (fd < 0) {
		*errp = errno == ELOOP ? "the statistics file is a symbolic link"
		    : "cannot open the statistics file";
		return -1;
	}
	if (fstat(fd, &sb) < 0 || !S_ISREG(sb.st_mode)) {
		*errp = "the statistics file is not a regular file";
		(void)close(fd);
		errno = EINVAL;
		return -1;
	}
	if (sm_lock(fd, SM_LOCK_FLOCK, SM_LOCK_EX, -1, errp) < 0) {
		int e = errno;

		(void)close(fd);
		errno = e;
		return -1;
	}
	return fd;
}

/* Write the whole record at offset 0. */
static int
write_record(int fd, const struct stats *st)
{
	const unsigned char *p = (const unsigned char *)st;
	size_t done = 0;
	ssize_t n;

	if (lseek(fd, 0, SEEK_SET) < 0)
		return -1;
	while (done < sizeof(*st)) {
		n = write(fd, p + done, sizeof(*st) - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		done += (size_t)n;
	}
	return 0;
}

int
stats_post(const char *path, const struct stats *delta, time_t now,
    const char **errp)
{
	const char *why = NULL;
	struct stats cur;
	int fd, rc, e;

	if (errp == NULL)
		errp = &why;
	if (!counts(delta))
		return 0;
	if ((fd = open_locked(path, false, errp)) < 0)
		return -1;
	rc = stats_read(fd, &cur, NULL);
	if (rc == STATS_OK)
		stats_merge(&cur, delta);
	else if (rc >= 0) {
		cur = *delta;
		cur.stat_magic = STATS_MAGIC;
		cur.stat_version = STATS_VERSION;
		cur.stat_size = (short)sizeof(cur);
		cur.stat_itime = now;
	}
	if (rc < 0)
		*errp = "cannot read the statistics file";
	else if ((rc = write_record(fd, &cur)) < 0)
		*errp = "cannot write the statistics file";
	e = errno;
	(void)close(fd);
	errno = e;
	return rc < 0 ? -1 : 0;
}

int
stats_update(const char *path, enum stats_kind kind, int mailer,
    long long bytes, const char **errp)
{
	struct stats delta;
	time_t now = time(NULL);

	stats_init(&delta, now);
	if (stats_mark(&delta, kind, mailer, bytes) < 0) {
		if (errp != NULL)
			*errp = "no such mailer or kind of event";
		return -1;
	}
	return stats_post(path, &delta, now, errp);
}

int
stats_reset(const char *path, struct stats *old, int *versionp,
    const char **errp)
{
	const char *why = NULL;
	int fd, rc, e;

	if (errp == NULL)
		errp = &why;
	if ((fd = open_locked(path, true, errp)) < 0)
		return -1;
	rc = stats_read(fd, old, versionp);
	if (rc < 0)
		*errp = "cannot read the statistics file";
	else if ((rc == STATS_OK || rc == STATS_EMPTY) && ftruncate(fd, 0) < 0) {
		*errp = "cannot truncate the statistics file";
		rc = -1;
	}
	e = errno;
	(void)close(fd);
	errno = e;
	return rc;
}

/* ---- printing ---------------------------------------------------------- */

static bool
row_used(const struct stats *st, int i)
{
	return st->stat_nf[i] != 0 || st->stat_nt[i] != 0 ||
	    st->stat_nq[i] != 0 || st->stat_nr[i] != 0 || st->stat_nd[i] != 0;
}

static const char *
mname(const char *const names[STATS_MAXMAILERS], int i)
{
	return names != NULL && names[i] != NULL ? names[i] : "";
}

void
stats_print(FILE *fp, const struct stats *st,
    const char *const names[STATS_MAXMAILERS], unsigned flags, time_t now)
{
	bool prog = (flags & STATS_PR_PROG) != 0;
	const char *k = prog ? "" : "K";
	long t[7] = { 0, 0, 0, 0, 0, 0, 0 };
	time_t itime = st->stat_itime;
	char when[64];
	int i;

	if (prog)
		fprintf(fp, "%ld %ld\n", (long)itime, (long)now);
	else {
		if (ctime_r(&itime, when) == NULL)
			(void)snprintf(when, sizeof(when), "%ld\n", (long)itime);
		fprintf(fp, "Statistics from %s", when);
		fprintf(fp, " M   msgsfr  bytes_from   msgsto    bytes_to"
		    "  msgsrej msgsdis msgsqur%s\n",
		    (flags & STATS_PR_NAMES) ? "  Mailer" : "");
	}
	for (i = 0; i < STATS_MAXMAILERS; i++) {
		if (!row_used(st, i))
			continue;
		fprintf(fp, "%2d %8ld %10ld%s %8ld %10ld%s   %6ld  %6ld  %6ld",
		    i, st->stat_nf[i], st->stat_bf[i], k, st->stat_nt[i],
		    st->stat_bt[i], k, st->stat_nr[i], st->stat_nd[i],
		    st->stat_nq[i]);
		if (flags & STATS_PR_NAMES)
			fprintf(fp, "  %s", mname(names, i));
		fputc('\n', fp);
		t[0] = add(t[0], st->stat_nf[i]);
		t[1] = add(t[1], st->stat_bf[i]);
		t[2] = add(t[2], st->stat_nt[i]);
		t[3] = add(t[3], st->stat_bt[i]);
		t[4] = add(t[4], st->stat_nr[i]);
		t[5] = add(t[5], st->stat_nd[i]);
		t[6] = add(t[6], st->stat_nq[i]);
	}
	if (!prog)
		fprintf(fp, "==================================================="
		    "==================\n");
	fprintf(fp, " T %8ld %10ld%s %8ld %10ld%s   %6ld  %6ld  %6ld\n",
	    t[0], t[1], k, t[2], t[3], k, t[4], t[5], t[6]);
	if (prog)
		fprintf(fp, " C %8ld %8ld %6ld\n", st->stat_cf, st->stat_ct,
		    st->stat_cr);
	else
		fprintf(fp, " C %8ld %10s  %8ld %10s    %6ld\n", st->stat_cf, "",
		    st->stat_ct, "", st->stat_cr);
}

/* A JSON string: quotes, backslashes and control bytes escaped. */
static void
json_str(FILE *fp, const char *s)
{
	const unsigned char *p;

	fputc('"', fp);
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(fp, "\\%c", *p);
		else if (*p < 0x20 || *p == 0x7f)
			fprintf(fp, "\\u%04x", *p);
		else
			fputc(*p, fp);
	}
	fputc('"', fp);
}

static void
json_counts(FILE *fp, const long v[7])
{
	fprintf(fp, "\"msgs_from\": %ld, \"kbytes_from\": %ld, "
	    "\"msgs_to\": %ld, \"kbytes_to\": %ld, \"msgs_rejected\": %ld, "
	    "\"msgs_discarded\": %ld, \"msgs_quarantined\": %ld",
	    v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
}

void
stats_print_json(FILE *fp, const struct stats *st,
    const char *const names[STATS_MAXMAILERS], time_t now)
{
	long t[7] = { 0, 0, 0, 0, 0, 0, 0 }, v[7];
	int i, j, first = 1;

	fprintf(fp, "{\"start\": %" PRIdMAX ", \"now\": %" PRIdMAX
	    ", \"mailers\": [", (intmax_t)st->stat_itime, (intmax_t)now);
	for (i = 0; i < STATS_MAXMAILERS; i++) {
		if (!row_used(st, i))
			continue;
		v[0] = st->stat_nf[i], v[1] = st->stat_bf[i];
		v[2] = st->stat_nt[i], v[3] = st->stat_bt[i];
		v[4] = st->stat_nr[i], v[5] = st->stat_nd[i];
		v[6] = st->stat_nq[i];
		for (j = 0; j < 7; j++)
			t[j] = add(t[j], v[j]);
		fprintf(fp, "%s\n  {\"mailer\": %d, \"name\": ",
		    first ? "" : ",", i);
		json_str(fp, mname(names, i));
		fputs(", ", fp);
		json_counts(fp, v);
		fputc('}', fp);
		first = 0;
	}
	fprintf(fp, "%s],\n \"total\": {", first ? "" : "\n");
	json_counts(fp, t);
	fprintf(fp, "},\n \"connections\": {\"from\": %ld, \"to\": %ld, "
	    "\"rejected\": %ld}}\n", st->stat_cf, st->stat_ct, st->stat_cr);
}
