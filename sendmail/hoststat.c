/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * hoststat.c -- hoststat (-bh) and purgestat (-bH) over the status files
 * of HostStatusDirectory, in sendmail 8.17's format (recorded from it:
 * test/protocol/queue_ops.sh).
 *
 * Public: hoststat_print hoststat_purge.
 * Runs in the sendmail process of -bh / -bH, as the invoking user.
 */
#include "sendmail/hoststat.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>

#include "libsm/lock.h"
#include "sendmail/queue.h"

#define HS_PATH		4096
#define HS_HEADING	" -------------- Hostname --------------- " \
			"How long ago ---------Results---------\n"

/* One status file. */
struct hs_entry {
	int	 exitstat, err;
	time_t	 lastuse;
	char	 rstatus[1024];
};

/* sendmail's texts for the exit statuses (sysexits.h), with the DSN
 * code it prints them with. */
static const char *const hs_exmsg[] = {
	"5.0.0 Command line usage error",	/* 64 EX_USAGE */
	"5.6.0 Data format error",		/* 65 EX_DATAERR */
	"5.3.0 Cannot open input",		/* 66 EX_NOINPUT */
	"5.1.1 User unknown",			/* 67 EX_NOUSER */
	"5.1.2 Host unknown",			/* 68 EX_NOHOST */
	"5.0.0 Service unavailable",		/* 69 EX_UNAVAILABLE */
	"5.3.0 Internal error",			/* 70 EX_SOFTWARE */
	"4.0.0 Operating system error",		/* 71 EX_OSERR */
	"5.3.5 System file missing",		/* 72 EX_OSFILE */
	"5.0.0 Can't create output",		/* 73 EX_CANTCREAT */
	"4.0.0 I/O error",			/* 74 EX_IOERR */
	"4.0.0 Deferred",			/* 75 EX_TEMPFAIL */
	"5.5.0 Remote protocol error",		/* 76 EX_PROTOCOL */
	"5.0.0 Insufficient permission",	/* 77 EX_NOPERM */
	"5.3.5 Local configuration error",	/* 78 EX_CONFIG */
};

/* Parse FP into E.  A version above 0 is reported (sendmail goes on);
 * an unknown line or an empty file makes it unreadable (-1). */
static int
hs_read(FILE *out, FILE *fp, const char *path, struct hs_entry *e,
    int *linesp)
{
	char line[1100];
	int n = 0;

	memset(e, 0, sizeof(*e));
	while (fgets(line, sizeof(line), fp) != NULL) {
		n++;
		line[strcspn(line, "\n")] = '\0';
		switch (line[0]) {
		case 'V':
			if (atoi(line + 1) > 0)
				(void)fprintf(out, "%s: line %d: Unknown host "
				    "status version %d: 0 max\n", path, n,
				    atoi(line + 1));
			break;
		case 'E': e->err = atoi(line + 1); break;
		case 'H': break;	/* h_errno: not shown */
		case 'S': e->exitstat = atoi(line + 1); break;
		case 'D': break;	/* the text carries its own code */
		case 'R':
			(void)snprintf(e->rstatus, sizeof(e->rstatus), "%.*s",
			    (int)sizeof(e->rstatus) - 1, line + 1);
			break;
		case 'U': e->lastuse = (time_t)atoll(line + 1); break;
		case '.':
			*linesp = n;
			return line[1] == '\0' ? 0 : -1;
		default:
			return -1;
		}
	}
	*linesp = n;
	return n > 0 ? 0 : -1;	/* the "." may be missing, not all */
}

/* The result column of E, at most W characters. */
static void
hs_result(FILE *out, const struct hs_entry *e, int w)
{
	if (e->rstatus[0] != '\0')
		(void)fprintf(out, "%.*s\n", w, e->rstatus);
	else if (e->exitstat == EX_TEMPFAIL && e->err != 0)
		(void)fprintf(out, "Deferred: %.*s\n", w - 10,
		    strerror(e->err));
	else if (e->exitstat >= EX_USAGE && e->exitstat <= EX_CONFIG)
		(void)fprintf(out, "%.*s\n", w,
		    hs_exmsg[e->exitstat - EX_USAGE]);
	else if (e->exitstat != 0)
		(void)fprintf(out, "Unknown mailer error %d\n", e->exitstat);
	else if (e->err != 0)
		(void)fprintf(out, "OK: %.*s\n", w - 4, strerror(e->err));
	else
		(void)fputs("OK\n", out);
}

/* The host of the status file REL (its path below the directory):
 * the components reversed, each without its trailing dot. */
static void
hs_hostname(const char *rel, char *buf, size_t size)
{
	const char *end = rel + strlen(rel), *p;
	size_t n = 0;

	buf[0] = '\0';
	while (end > rel) {
		size_t len;

		for (p = end; p > rel && p[-1] != '/'; p--)
			;
		len = (size_t)(end - p);
		if (len > 0 && p[len - 1] == '.')
			len--;
		if (n > 0 && n + 1 < size)
			buf[n++] = '.';
		if (n + len >= size)
			len = size - n - 1;
		memcpy(buf + n, p, len);
		n += len;
		buf[n] = '\0';
		end = p > rel ? p - 1 : rel;
	}
}

struct hs_walk {
	FILE	*out;
	bool	 verbose, purge, heading;
	time_t	 now, timeout;
	int	 line;		/* sendmail's line number: the cf's, then
				   the lines of the last file read well */
	int	 count;
	size_t	 rootlen;
};

/* One status file at PATH (FD open). */
static void
hs_print_one(struct hs_walk *w, const char *path, int fd)
{
	struct hs_entry e;
	char host[HS_PATH], ago[64];
	FILE *fp = fdopen(fd, "r");
	bool locked;
	int n = 0;

	if (fp == NULL) {
		(void)close(fd);
		return;
	}
	if (!w->heading)
		(void)fputs(HS_HEADING, w->out);
	w->heading = true;
	locked = sm_lock(fd, SM_LOCK_FLOCK, SM_LOCK_SH, 0, NULL) < 0;
	if (hs_read(w->out, fp, path, &e, &n) < 0) {
		(void)fprintf(w->out, "%s: line %d: %s: could not read status "
		    "file\n", path, w->line, path);
		(void)fclose(fp);
		return;
	}
	(void)fclose(fp);
	w->line = n;
	hs_hostname(path + w->rootlen, host, sizeof(host));
	(void)queue_interval(w->now - e.lastuse, true, ago, sizeof(ago));
	(void)fprintf(w->out, "%c%-39s %12s ", locked ? '*' : ' ', host, ago);
	hs_result(w->out, &e, w->verbose ? 78 : 25);
	w->count++;
}

static void
hs_walk_dir(struct hs_walk *w, char *path, size_t len)
{
	DIR *d = opendir(path);
	struct dirent *de;
	struct stat st;

	if (d == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		size_t n = strlen(de->d_name);
		int fd;

		if (de->d_name[0] == '.' || len + 1 + n >= HS_PATH)
			continue;
		path[len] = '/';
		memcpy(path + len + 1, de->d_name, n + 1);
		if (lstat(path, &st) < 0)
			continue;
		if (S_ISDIR(st.st_mode))
			hs_walk_dir(w, path, len + 1 + n);
		else if (S_ISREG(st.st_mode) && w->purge) {
			if (w->now - st.st_mtime > w->timeout &&
			    unlink(path) == 0)
				w->count++;
		} else if (S_ISREG(st.st_mode) &&
		    (fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)) >= 0)
			hs_print_one(w, path, fd);
		path[len] = '\0';
	}
	(void)closedir(d);
}

static int
hs_walk(struct hs_walk *w, const char *dir)
{
	char path[HS_PATH];

	(void)snprintf(path, sizeof(path), "%s", dir);
	w->rootlen = strlen(path) + 1;
	hs_walk_dir(w, path, strlen(path));
	return w->count;
}

int
hoststat_print(FILE *out, const char *dir, bool verbose, time_t now,
    int cfline)
{
	struct hs_walk w;

	memset(&w, 0, sizeof(w));
	w.out = out;
	w.verbose = verbose;
	w.now = now;
	w.line = cfline;
	return hs_walk(&w, dir);
}

int
hoststat_purge(const char *dir, time_t timeout, time_t now)
{
	struct hs_walk w;

	memset(&w, 0, sizeof(w));
	w.purge = true;
	w.now = now;
	w.timeout = timeout;
	return hs_walk(&w, dir);
}
