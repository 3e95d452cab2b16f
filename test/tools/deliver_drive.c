/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * deliver_drive.c -- run Tern's delivery over a queue directory, for the
 * shell tests (until the sendmail binary's -q lands): one queue run with
 * deliver_queue_entry, as sendmail -q does.
 *
 *	deliver_drive CF QUEUEDIR LOGFILE [Name=value ...]
 *
 * CF is read as sendmail reads its configuration; each Name=value is a
 * -O option; log lines go to LOGFILE.  Exits 0 after the run, 2 when the
 * configuration or the queue cannot be read.
 */
#include "libsm/log.h"
#include "sendmail/deliver.h"
#include "sendmail/map.h"
#include "sendmail/readcf.h"
#include "sendmail/start.h"

#include <stdio.h>
#include <string.h>

int
main(int argc, char **argv)
{
	struct queue_scan_opts o;
	struct queue_run_stats st;
	struct queue_dir qd;
	SM_STR *why = sm_str_new(1024);
	char opt[1024];
	int i, rc;

	if (argc < 4) {
		(void)fprintf(stderr, "usage: deliver_drive CF QUEUEDIR LOG "
		    "[Name=value ...]\n");
		return 2;
	}
	if (sm_log_open(SM_LOG_FILE, "sendmail", argv[3]) < 0)
		return 2;
	start_init();
	for (i = 4; i < argc; i++) {
		(void)snprintf(opt, sizeof(opt), " %s", argv[i]);
		readcf_option(opt, 1);
	}
	if (start_config(argv[1], 0) < 0)
		return 2;
	start_mode('q');
	if (queue_dir_open(&qd, argv[2], 0600, why) < 0) {
		(void)fprintf(stderr, "%s\n", why->s_data);
		return 2;
	}
	memset(&o, 0, sizeof(o));
	o.qo_la = -1;
	rc = queue_run(&qd, &o, deliver_queue_entry, NULL, &st, why);
	if (rc < 0)
		(void)fprintf(stderr, "%s\n", why->s_data);
	(void)printf("run %d locked %d young %d lost %d\n", st.qr_run,
	    st.qr_locked, st.qr_young, st.qr_lost);
	queue_dir_close(&qd);
	map_free_all();
	sm_str_free(why);
	return rc < 0 ? 2 : 0;
}
