/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * smtp_drive.c -- an SMTP session on standard input and output without
 * the daemon, for test/protocol/smtp_session.sh:
 *
 *   smtp_drive [-C cf] [-O Name=value] [-oXvalue] [-odX] [-L file]
 *	[-P addr [-H name]] [-bs]
 *   smtp_drive [-C cf] [options] -bm|-t [-i] [-f from] [-F name] [-N n]
 *	[-R ret] [-V envid] [-B body] [rcpt...]
 *   smtp_drive [-C cf] [options] -bi
 *
 * reads the cf and the options as sendmail's main does, then
 * smtp_serve(0, 1, NULL) (what "sendmail -bs" does), or submit_stdin(0)
 * (-bm, -t), or newaliases_run (-bi: the test folders build their
 * aliases database with the program under test, as with the real one).
 * -L FILE sends the log lines to FILE (default: standard
 * error).  -P ADDR serves as the daemon does a client from ADDR (-H: named
 * NAME, else "[ADDR]"; ${daemon_flags} empty, daemon "MTA").  Exit
 * status: smtp_serve's or submit_stdin's.
 */
#include <pwd.h>
#include <sys/socket.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sysexits.h>

#include "libsm/log.h"
#include "sendmail/map.h"
#include "sendmail/msg.h"
#include "sendmail/newaliases.h"
#include "sendmail/readcf.h"
#include "sendmail/srvrsmtp_int.h"
#include "sendmail/start.h"
#include "sendmail/submit.h"

/* The submission options; 1 when A (and maybe the next word) was one. */
static int
drive_submit_opt(struct submit_args *sa, char **argv, int *i)
{
	const char *a = argv[*i];
	const char **dst = NULL;

	if (strcmp(a, "-t") == 0)
		sa->sa_tflag = true;
	else if (strcmp(a, "-i") == 0)
		sa->sa_ignoredots = true;
	else if (strcmp(a, "-bm") == 0)
		;
	else if (a[0] == '-' && strchr("fFNRVB", a[1]) != NULL &&
	    a[2] == '\0' && argv[*i + 1] != NULL) {
		switch (a[1]) {
		case 'f': dst = &sa->sa_from; break;
		case 'F': dst = &sa->sa_fullname; break;
		case 'N': dst = &sa->sa_notify; break;
		case 'R': dst = &sa->sa_ret; break;
		case 'V': dst = &sa->sa_envid; break;
		default: dst = &sa->sa_body; break;
		}
		*dst = argv[++*i];
	} else
		return 0;
	return 1;
}

int
main(int argc, char **argv)
{
	const char *cf = "/etc/mail/sendmail.cf", *logf = NULL;
	char opt[1024];
	struct submit_args sa;
	struct smtp_peer peer;
	bool submit = false, daemon = false, bi = false;
	int i, st;

	memset(&sa, 0, sizeof(sa));
	memset(&peer, 0, sizeof(peer));
	peer.sp_daemon = "MTA";
	peer.sp_dflags = "";
	peer.sp_family = AF_INET;
	start_init();
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (a[0] != '-') {
			sa.sa_rcpts = argv + i;
			sa.sa_nrcpts = argc - i;
			submit = true;
			break;
		}
		if (drive_submit_opt(&sa, argv, &i)) {
			submit = true;
			continue;
		}
		if (strcmp(a, "-C") == 0 && i + 1 < argc)
			cf = argv[++i];
		else if (strcmp(a, "-O") == 0 && i + 1 < argc) {
			(void)snprintf(opt, sizeof(opt), " %s", argv[++i]);
			readcf_option(opt, 1);
		} else if (strncmp(a, "-o", 2) == 0 && a[2] != '\0')
			readcf_option(a + 2, 1);
		else if (strcmp(a, "-P") == 0 && i + 1 < argc) {
			peer.sp_addr = argv[++i];
			daemon = true;
		} else if (strcmp(a, "-H") == 0 && i + 1 < argc)
			peer.sp_name = argv[++i];
		else if (strcmp(a, "-L") == 0 && i + 1 < argc)
			logf = argv[++i];
		else if (strcmp(a, "-bi") == 0)
			bi = true;
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
	if (bi) {
		start_mode('i');
		st = newaliases_run(stdout);
		map_close_all();
		return st;
	}
	start_mode(submit ? 'm' : 's');
	if (daemon && peer.sp_name == NULL) {
		(void)snprintf(opt, sizeof(opt), "[%s]", peer.sp_addr);
		peer.sp_name = opt;
	}
	st = submit ? submit_stdin(0, &sa) : smtp_serve(0, 1,
	    daemon ? &peer : NULL);
	map_close_all();
	return st;
}
