/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * mailstats.c -- sendmail 8.17's mailstats: the cf scan for mailer names
 * and StatusFile, the checks and messages of the real program, and the
 * reset (-p) done under the statistics file's lock.
 *
 * Public: mailstats_cf_scan, mailstats_run.
 *
 * Runs as the invoking user; no privileges of its own.
 */
#include "mailstats/mailstats.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <string.h>
#include <strings.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

#include "libsm/lock.h"
#include "libsm/strl.h"

#define CF_DEFAULT	"/etc/mail/sendmail.cf"
#define CF_SUBMIT	"/etc/mail/submit.cf"
#define CF_LINE		2048	/* sendmail's MAXLINE: pieces of 2047 */

static const char *const builtin[] = { "prog", "*file*", "*include*" };

/* ---- the cf -------------------------------------------------------------- */

/* Cut LINE at its first '#' (else the newline), then trailing space. */
static void
cut_line(char *line)
{
	char *b = strchr(line, '#');

	if (b == NULL)
		b = strchr(line, '\n');
	if (b == NULL)
		b = line + strlen(line);
	while (b > line && isascii((unsigned char)b[-1]) &&
	    isspace((unsigned char)b[-1]))
		b--;
	*b = '\0';
}

/* The value of an O line for StatusFile, or NULL when it is another. */
static const char *
status_value(const char *b)
{
	if (strncasecmp(b, " StatusFile", 11) == 0 &&
	    !(isascii((unsigned char)b[11]) && isalnum((unsigned char)b[11]))) {
		b = strchr(b, '=');
		if (b == NULL)
			return NULL;
		b++;
		while (isascii((unsigned char)*b) && isspace((unsigned char)*b))
			b++;
		return b;
	}
	return *b == 'S' ? b + 1 : NULL;
}

/* An M line: add its name unless known.  0 or EX_SOFTWARE. */
static int
add_mailer(struct mailstats_cf *mc, const char *b, const char **errp)
{
	char name[STATS_MNAMELEN + 1];
	size_t n = 0;
	int i;

	if (mc->mc_nmailers >= STATS_MAXMAILERS) {
		*errp = "Too many mailers defined, 25 max.";
		return EX_SOFTWARE;
	}
	while (b[n] != '\0' && b[n] != ',' && n < STATS_MNAMELEN &&
	    !(isascii((unsigned char)b[n]) && isspace((unsigned char)b[n]))) {
		name[n] = b[n];
		n++;
	}
	name[n] = '\0';
	for (i = 0; i < mc->mc_nmailers; i++)
		if (strcmp(mc->mc_names[i], name) == 0)
			return 0;
	memcpy(mc->mc_names[mc->mc_nmailers++], name, n + 1);
	return 0;
}

/* One piece of a cf line. */
static int
scan_line(struct mailstats_cf *mc, char *line, const char **errp)
{
	const char *v;

	cut_line(line);
	if (line[0] == 'M')
		return add_mailer(mc, line + 1, errp);
	if (line[0] != 'O' || (v = status_value(line + 1)) == NULL)
		return 0;
	if (sm_strlcpy(mc->mc_statusfile, v, sizeof(mc->mc_statusfile)) >=
	    sizeof(mc->mc_statusfile)) {
		*errp = "StatusFile filename too long";
		return EX_CONFIG;
	}
	return 0;
}

int
mailstats_cf_scan(FILE *fp, struct mailstats_cf *mc, const char **errp)
{
	char line[CF_LINE];
	int i, rc;

	memset(mc, 0, sizeof(*mc));
	for (i = 0; i < 3; i++)
		(void)sm_strlcpy(mc->mc_names[i], builtin[i],
		    sizeof(mc->mc_names[i]));
	mc->mc_nmailers = 3;
	while (fgets(line, sizeof(line), fp) != NULL)
		if ((rc = scan_line(mc, line, errp)) != 0)
			return rc;
	return 0;
}

/* ---- the program ----------------------------------------------------------- */

struct args {
	const char	*cf;
	const char	*sfile;
	bool		names;		/* not -o */
	bool		prog;		/* -P or -p */
	bool		reset;		/* -p */
	bool		json;		/* -j */
};

static int
usage(FILE *err)
{
	/* the real text; -j is in the manual page */
	fputs("usage: mailstats [-C cffile] [-c] [-P] [-f stfile] [-o] [-p]\n",
	    err);
	return EX_USAGE;
}

static int
parse_args(int argc, char **argv, struct args *a, FILE *err)
{
	int c;

	memset(a, 0, sizeof(*a));
	a->cf = CF_DEFAULT;
	a->names = true;
	optind = 1;
	while ((c = getopt(argc, argv, "cC:f:opPj")) != -1) {
		switch (c) {
		case 'c': a->cf = CF_SUBMIT; break;
		case 'C': a->cf = optarg; break;
		case 'f': a->sfile = optarg; break;
		case 'o': a->names = false; break;
		case 'p': a->reset = true; a->prog = true; break;
		case 'P': a->prog = true; break;
		case 'j': a->json = true; break;
		default: return usage(err);
		}
	}
	if (optind != argc)
		return usage(err);
	return 0;
}

/* Read the cf: names and, unless -f, the statistics file. */
static int
read_cf(struct args *a, struct mailstats_cf *mc, FILE *err)
{
	const char *why = NULL;
	FILE *fp = fopen(a->cf, "r");
	int rc;

	if (fp == NULL) {
		fprintf(err, "mailstats: %s: %s\n", a->cf, strerror(errno));
		return EX_NOINPUT;
	}
	rc = mailstats_cf_scan(fp, mc, &why);
	(void)fclose(fp);
	if (rc == EX_CONFIG)
		fprintf(err, "StatusFile filename too long: %.30s...\n",
		    mc->mc_statusfile);
	else if (rc != 0)
		fprintf(err, "%s\n", why);
	if (rc == 0 && a->sfile == NULL && mc->mc_statusfile[0] != '\0')
		a->sfile = mc->mc_statusfile;
	return rc;
}

/* Read the record without changing the file (a shared lock waits for a
 * writer in the middle of its update, as the real one sleeps a second). */
static int
read_plain(const char *sfile, struct stats *st, int *version, FILE *err)
{
	int fd = open(sfile, O_RDONLY | O_CLOEXEC), rc;

	if (fd < 0) {
		fprintf(err, "mailstats: %s: %s\n", sfile, strerror(errno));
		return -1;
	}
	(void)sm_lock(fd, SM_LOCK_FLOCK, SM_LOCK_SH, 5000, NULL);
	rc = stats_read(fd, st, version);
	if (rc < 0)
		fprintf(err, "mailstats: %s: %s\n", sfile, strerror(errno));
	(void)close(fd);
	return rc;
}

/* -p: read and truncate under the lock; fall back to reading only when
 * the file may not be written (the real mailstats then says nothing). */
static int
read_reset(const char *sfile, struct stats *st, int *version, FILE *err)
{
	const char *why = NULL;
	int rc = stats_reset(sfile, st, version, &why);

	if (rc >= 0)
		return rc;
	if (errno == EACCES || errno == EROFS || errno == EPERM) {
		fprintf(err, "mailstats: cannot reset %s: %s\n", sfile,
		    strerror(errno));
		return read_plain(sfile, st, version, err);
	}
	fprintf(err, "mailstats: %s: %s\n", sfile, strerror(errno));
	return -1;
}

/* The messages of the real program for a record it will not print. */
static int
judge(int rc, const char *sfile, int version, struct stats *st, FILE *err)
{
	switch (rc) {
	case STATS_OK:
		return 0;
	case STATS_EMPTY:
		memset(st, 0, sizeof(*st));
		st->stat_itime = time(NULL);
		return 0;
	case STATS_BADMAGIC:
		fprintf(err, "mailstats: incorrect magic number in %s\n", sfile);
		return EX_OSERR;
	case STATS_BADVERSION:
		fprintf(err, "mailstats version (%d) incompatible with %s "
		    "version (%d)\n", STATS_VERSION, sfile, version);
		return EX_OSERR;
	case STATS_BADSIZE:
		fputs("mailstats: file size changed.\n", err);
		return EX_OSERR;
	default:
		return EX_NOINPUT;
	}
}

int
mailstats_run(int argc, char **argv, FILE *out, FILE *err)
{
	const char *names[STATS_MAXMAILERS];
	struct mailstats_cf mc;
	struct args a;
	struct stats st;
	int rc, version = 0, i;

	if ((rc = parse_args(argc, argv, &a, err)) != 0)
		return rc;
	if ((rc = read_cf(&a, &mc, err)) != 0)
		return rc;
	if (a.sfile == NULL) {
		fputs("mailstats: no statistics file located\n", err);
		return EX_OSFILE;
	}
	rc = a.reset ? read_reset(a.sfile, &st, &version, err) :
	    read_plain(a.sfile, &st, &version, err);
	if (rc < 0)
		return EX_NOINPUT;
	if ((rc = judge(rc, a.sfile, version, &st, err)) != 0)
		return rc;
	for (i = 0; i < STATS_MAXMAILERS; i++)
		names[i] = i < mc.mc_nmailers ? mc.mc_names[i] : "";
	if (a.json)
		stats_print_json(out, &st, names, time(NULL));
	else
		stats_print(out, &st, names, (a.names ? STATS_PR_NAMES : 0) |
		    (a.prog ? STATS_PR_PROG : 0), time(NULL));
	return fflush(out) == 0 ? EX_OK : EX_IOERR;
}
