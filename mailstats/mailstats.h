/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * mailstats.h -- the mailstats program: print (and with -p reset) the
 * statistics file, as sendmail 8.17's mailstats does, plus -j (JSON).
 *
 *	mailstats [-C cf] [-c] [-f file] [-o] [-p] [-P] [-j]
 *
 * Public functions: mailstats_cf_scan, mailstats_run.
 *
 * Runs as whoever calls it (often root from cron); reads the cf and the
 * statistics file, writes the latter only for -p.
 */
#ifndef TERN_MAILSTATS_H
#define TERN_MAILSTATS_H

#include <limits.h>
#include <stdio.h>

#include "sendmail/stats.h"

/* What mailstats takes from the cf. */
struct mailstats_cf {
	char	mc_names[STATS_MAXMAILERS][STATS_MNAMELEN + 1];
	int	mc_nmailers;		/* names used (3 built-ins + M lines) */
	char	mc_statusfile[PATH_MAX];	/* "" when the cf names none */
};

/*
 * mailstats_cf_scan -- read mailer names and the StatusFile from the cf
 *	open on FP, the way the real mailstats does it (not the full cf
 *	reader: TO BE REPLACED by the names readcf gives once readcf.c
 *	lands, keeping the quirks below where they are observable):
 *	the built-ins prog, *file*, *include* come first; each line is cut
 *	at its first '#' and trailing white space; an "M" line adds the name
 *	up to a comma or white space (at most 20 bytes) unless already
 *	there; "O StatusFile=..." (one space, any case) or the old "OS..."
 *	sets the file (the last one wins).  Lines are read in pieces of
 *	2047 bytes, as sendmail's 2048-byte buffer does.
 * Returns 0, or a sysexits code with *errp set: EX_SOFTWARE "Too many
 *	mailers defined, 25 max.", EX_CONFIG "StatusFile filename too long".
 */
int	mailstats_cf_scan(FILE *fp, struct mailstats_cf *mc, const char **errp);

/*
 * mailstats_run -- the whole program for ARGC/ARGV: messages to ERR, the
 *	table (or JSON) to OUT.
 * Returns the exit status (EX_OK, EX_USAGE, EX_NOINPUT, EX_OSFILE,
 *	EX_OSERR for a file of the wrong magic, version or size ...).
 */
int	mailstats_run(int argc, char **argv, FILE *out, FILE *err);

#endif
