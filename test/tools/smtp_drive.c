/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * smtp_drive.c -- an SMTP session on standard input and output without
 * the daemon, for test/protocol/smtp_session.sh:
 *
 *   smtp_drive [-C cf] [-O Name=value] [-oXvalue] [-odX] [-L file] [-bs]
 *
 * reads the cf and the options as sendmail's main does, then
 * smtp_serve(0, 1, NULL) (what "sendmail -bs" does).  -L FILE sends the
 * log lines to FILE (default: standard error).  Exit status: smtp_serve's.
 */
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sysexits.h>

#include "libsm/log.h"
#include "sendmail/map.h"
#include "sendmail/msg.h"
#include "sendmail/readcf.h"
#include "sendmail/srvrsmtp_int.h"
#include "sendmail/start.h"

/*
 * Stand-ins for the other parts of issue 6 (headers.c, deliver.c,
 * rcpt.c) until they are merged: weak, so the real ones win as soon as
 * they are in libsendmail.a.
 */
__attribute__((weak)) int
hdr_submit(struct queue_file *qf, const struct collect_hdr *hdrs,
    unsigned flags, SM_STR *why)
{
	(void)flags;
	(void)why;
	for (; hdrs != NULL; hdrs = hdrs->h_link)
		(void)queue_file_add_header(qf, "", hdrs->h_field,
		    hdrs->h_value);
	return 0;
}

__attribute__((weak)) int
deliver_committed(struct queue_msg *m, struct queue_file *qf, int mode)
{
	(void)m;
	(void)qf;
	(void)mode;
	return 0;
}

__attribute__((weak)) int
rcpt_local_exists(const char *user)
{
	return getpwnam(user) != NULL || strcasecmp(user, "postmaster") == 0 ?
	    0 : -1;
}

int
main(int argc, char **argv)
{
	const char *cf = "/etc/mail/sendmail.cf", *logf = NULL;
	char opt[1024];
	int i, st;

	start_init();
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (strcmp(a, "-C") == 0 && i + 1 < argc)
			cf = argv[++i];
		else if (strcmp(a, "-O") == 0 && i + 1 < argc) {
			(void)snprintf(opt, sizeof(opt), " %s", argv[++i]);
			readcf_option(opt, 1);
		} else if (strncmp(a, "-o", 2) == 0 && a[2] != '\0')
			readcf_option(a + 2, 1);
		else if (strcmp(a, "-L") == 0 && i + 1 < argc)
			logf = argv[++i];
		else if (strcmp(a, "-bs") != 0) {
			(void)fprintf(stderr, "smtp_drive: unknown option %s\n",
			    a);
			return EX_USAGE;
		}
	}
	(void)sm_log_open(logf != NULL ? SM_LOG_FILE : SM_LOG_STDERR,
	    "sendmail", logf);
	msg_set_out(stderr);
	if (start_config(cf, 0) != 0)
		return EX_CONFIG;
	start_mode('s');
	st = smtp_serve(0, 1, NULL);
	map_close_all();
	return st;
}
