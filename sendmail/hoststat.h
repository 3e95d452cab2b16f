/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * hoststat.h -- the persistent host status of O HostStatusDirectory, as
 * sendmail 8.17 keeps it: one small file per host (its name's labels
 * reversed into directories, "org./example./mx"; "[1.2.3.4]" as is) with
 * the lines V (version 0), E (errno), H (h_errno), S (exit status), D
 * (DSN status), R (the host's last reply), U (time of the last use) and
 * "." at the end.  hoststat (-bh) prints them, purgestat (-bH) removes
 * the stale ones.  Delivery does not write them yet (no SMTP client).
 *
 * Runs in the sendmail process of -bh / -bH, as the invoking user.
 */
#ifndef TERN_HOSTSTAT_H
#define TERN_HOSTSTAT_H

#include <stdbool.h>
#include <stdio.h>
#include <time.h>

/*
 * hoststat_print -- -bh: every status file below DIR, in directory
 *	order, as sendmail prints them: once a heading, then per host the
 *	mark ('*' while a process holds the file's lock), the name, how long
 *	ago it was used (now - U, "HH:MM:SS" or "D+HH:MM:SS") and the
 *	result (R, "Deferred: errno text", the exit status's text, or "OK"),
 *	cut at 25 characters (78 with VERBOSE).  A file that cannot be read
 *	is reported on OUT with sendmail's line number: CFLINE (the lines
 *	of the cf) until a file was read, then that file's line count.
 * Returns the number of hosts printed.
 */
int	hoststat_print(FILE *out, const char *dir, bool verbose, time_t now,
	    int cfline);

/*
 * hoststat_purge -- -bH: remove the status files below DIR not modified
 *	within TIMEOUT seconds before NOW (Timeout.hoststatus); directories
 *	stay, as with sendmail.
 * Returns the number of files removed.
 */
int	hoststat_purge(const char *dir, time_t timeout, time_t now);

#endif
