/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * t_deliver.c -- sendmail/deliver.c and deliver_local.c: a committed
 * message delivered from the queue.
 *
 * Each case commits a message into a queue in the test directory (as the
 * server does), calls deliver_committed and looks at what is left: the
 * mailbox (MailboxDirectory), files and program output, the queue (qf
 * removed, rewritten with N/K/P/M, a DSN queued from <>), the log lines
 * (sendmail's to=... stat= format) and the statistics file.  Expected
 * values are sendmail 8.17's: mailer exit codes read as its SysExMsg
 * table, the "From " line of the prog mailer (no F=n), RetryFactor added
 * to P per attempt, a bounce of a bounce going to the postmaster.
 */
#include "libsm/log.h"
#include "libsm/strl.h"
#include "sendmail/aliasdb.h"
#include "sendmail/deliver.h"
#include "sendmail/macro.h"
#include "sendmail/map.h"
#include "sendmail/readcf.h"
#include "sendmail/stats.h"
#include "t.h"

#include <sys/stat.h>
#include <sys/wait.h>

#include <dirent.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static char qdir[700], mdir[700], logpath[700], statf[700], dir[512];
static const char *user;
static struct queue_dir qd;
static unsigned rflags;		/* R line flags of the next submit */
static size_t nreceived;		/* Received: lines of the next submit */

static void
put_file(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");

	if (fp == NULL)
		exit(2);
	(void)fputs(text, fp);
	(void)fclose(fp);
}

/* The whole file PATH (malloc'd; "" when missing). */
static char *
get_file(const char *path)
{
	FILE *fp = fopen(path, "r");
	char *buf = calloc(1, 1 << 20);
	size_t n;

	if (buf == NULL)
		exit(2);
	if (fp == NULL)
		return buf;
	n = fread(buf, 1, (1 << 20) - 1, fp);
	buf[n] = '\0';
	(void)fclose(fp);
	return buf;
}

static void
cf_line(const char *line)
{
	static int lineno;
	char buf[2048];

	(void)sm_strlcpy(buf, line, sizeof(buf));
	readcf_line(buf, ++lineno);
}

static void
setup_aliases(void)
{
	char path[1024], text[2048];
	struct aliasdb_spec as;
	struct aliasdb_result res;
	const char *err = NULL;
	FILE *msgs = fopen("/dev/null", "w");

	(void)snprintf(path, sizeof(path), "%s/aliases", dir);
	(void)snprintf(text, sizeof(text),
	    "postmaster: %s\n"
	    "pipe: \"|/bin/cat >%s/out/prog.out\"\n"
	    "fail67: \"|exit 67\"\n"
	    "fail75: \"|exit 75\"\n"
	    "fail1: \"|echo oops; exit 1\"\n"
	    "tofile: %s/file.out\n"
	    "list: %s, nosuchuser9\n"
	    "owner-list: %s\n"
	    "pmloop: nosuchuser9\n",
	    user, dir, dir, user, user);
	put_file(path, text);
	if (aliasdb_spec_parse(path, &as, &err) < 0 ||
	    aliasdb_rebuild(&as, NULL, msgs, &res, &err) != 0)
		exit(2);
	aliasdb_spec_free(&as);
	(void)fclose(msgs);
	(void)snprintf(text, sizeof(text), "Kaliases hash %s", path);
	cf_line(text);
}

static void
setup(void)
{
	char opt[800];
	SM_STR *why = sm_str_new(1024);

	user = getpwuid(getuid())->pw_name;
	(void)sm_strlcpy(dir, t_tmpdir(), sizeof(dir));
	(void)snprintf(qdir, sizeof(qdir), "%s/mqueue", dir);
	(void)snprintf(mdir, sizeof(mdir), "%s/mail", dir);
	(void)snprintf(logpath, sizeof(logpath), "%s/log", dir);
	(void)snprintf(statf, sizeof(statf), "%s/statistics", dir);
	(void)mkdir(qdir, 0700);
	(void)mkdir(mdir, 0700);
	/* programs run as DefaultUser when we are root */
	(void)snprintf(opt, sizeof(opt), "%s/out", dir);
	(void)mkdir(opt, 0777);
	(void)chmod(opt, 0777);
	(void)chmod(dir, 0755);
	put_file(statf, "");
	(void)sm_log_open(SM_LOG_FILE, "sendmail", logpath);

	readcf_init();
	macro_init();
	cf_line("V10/Berkeley");
	/* the checkout may lie below a world-writable directory (/tmp) */
	map_set_unsafe_dirpath(1);	/* DontBlameSendmail=MapInUnsafeDirPath */
	cf_line("Cwlocalhost mta.example.org");
	cf_line("Djmta.example.org");
	cf_line("S3");
	cf_line("R$* < $+ > $*\t$2");
	cf_line("S0");
	cf_line("R$+ @ $=w\t$#local $: $1");
	cf_line("R$+ @ $+\t$#esmtp $@ $2 $: $1 @ $2");
	cf_line("R$+\t$#local $: $1");
	cf_line("Mlocal, P=[LOCAL], F=lsDFMAw5:/|@qSPfhn9, A=mail.local -l");
	cf_line("Mesmtp, P=[IPC], F=mDFMuXa, A=TCP $h");
	setup_aliases();
	(void)snprintf(opt, sizeof(opt), " MailboxDirectory=%s", mdir);
	readcf_option(opt, 0);
	(void)snprintf(opt, sizeof(opt), " StatusFile=%s", statf);
	readcf_option(opt, 0);
	/* as root, programs run as DefaultUser: make that us, since the
	 * test directory's parents may be closed to others */
	(void)snprintf(opt, sizeof(opt), " DefaultUser=%ld:%ld",
	    (long)getuid(), (long)getgid());
	readcf_option(opt, 0);
	readcf_finish();
	if (queue_dir_open(&qd, qdir, 0600, why) < 0)
		exit(2);
	sm_str_free(why);
}

/* Commit a message from SENDER to RCPTS (NULL-terminated) created at
 * CTIME (0: now) and deliver it in MODE. */
static void
submit(const char *sender, const char *const *rcpts, unsigned fflags,
    time_t ctime, int mode)
{
	static const char body[] = "Hello,\nFrom here on\n.\nbye\n";
	struct queue_file *qf = queue_file_new();
	SM_STR *why = sm_str_new(1024);
	struct queue_msg m;
	size_t i;

	if (queue_new(&qd, &m, why) < 0 ||
	    write(m.qm_dfd, body, sizeof(body) - 1) != sizeof(body) - 1)
		exit(2);
	qf->qf_ctime = ctime != 0 ? ctime : time(NULL);
	qf->qf_priority = 30000;
	qf->qf_flags = fflags;
	qf->qf_sender = queue_file_strdup(qf, sender);
	for (i = 0; rcpts[i] != NULL; i++)
		(void)queue_file_add_rcpt(qf, rcpts[i],
		    QUEUE_R_PRIMARY | rflags);
	for (i = 0; i < nreceived; i++)
		(void)queue_file_add_header(qf, NULL, "Received",
		    " from x by y; Sun, 22 Nov 2026 00:00:00 +0000");
	(void)queue_file_add_header(qf, "P", "Return-Path", " <\201g>");
	(void)queue_file_add_header(qf, NULL, "Subject", " test");
	(void)queue_file_add_header(qf, NULL, "Bcc", " hidden@example.com");
	if (queue_commit(&m, qf, why) < 0)
		exit(2);
	(void)deliver_committed(&m, qf, mode);
	queue_file_free(qf);
	sm_str_free(why);
}

/* Remove every file of the queue; return how many qf files there were
 * and parse the first into *QFP (when not NULL). */
static int
queue_drain(struct queue_file **qfp)
{
	DIR *d = opendir(qdir);
	struct dirent *de;
	int n = 0;

	if (qfp != NULL)
		*qfp = NULL;
	while (d != NULL && (de = readdir(d)) != NULL) {
		char path[1200];

		if (de->d_name[0] == '.')
			continue;
		(void)snprintf(path, sizeof(path), "%s/%s", qdir, de->d_name);
		if (de->d_name[0] == 'q') {
			n++;
			if (qfp != NULL && *qfp == NULL) {
				char *text = get_file(path);

				(void)queue_parse(text, strlen(text),
				    de->d_name, qfp, NULL);
				free(text);
			}
		}
		(void)unlink(path);
	}
	if (d != NULL)
		(void)closedir(d);
	return n;
}

/* queue_drain for two control files: both parsed. */
static int
queue_drain_all(struct queue_file **ap, struct queue_file **bp)
{
	DIR *d = opendir(qdir);
	struct dirent *de;
	int n = 0;

	*ap = *bp = NULL;
	while (d != NULL && (de = readdir(d)) != NULL) {
		char path[1200], *text;
		struct queue_file **qp = *ap == NULL ? ap : bp;

		if (de->d_name[0] != 'q')
			continue;
		(void)snprintf(path, sizeof(path), "%s/%s", qdir, de->d_name);
		text = get_file(path);
		if (*qp == NULL)
			(void)queue_parse(text, strlen(text), de->d_name, qp,
			    NULL);
		free(text);
		n++;
	}
	if (d != NULL)
		(void)closedir(d);
	(void)queue_drain(NULL);
	return n;
}

/* The mailbox of the user, emptied. */
static char *
take_mbox(void)
{
	char path[1024];
	char *text;

	(void)snprintf(path, sizeof(path), "%s/%s", mdir, user);
	text = get_file(path);
	(void)unlink(path);
	return text;
}

static char *
take_log(void)
{
	char *text = get_file(logpath), all[1024];
	FILE *fp;

	/* kept whole in log.all for a human looking at a failure */
	(void)snprintf(all, sizeof(all), "%s.all", logpath);
	if ((fp = fopen(all, "a")) != NULL) {
		(void)fputs(text, fp);
		(void)fclose(fp);
	}
	(void)truncate(logpath, 0);
	return text;
}

static void
test_local(void)
{
	const char *rcpts[] = { NULL, NULL };
	char from[256], want[512];
	char *mb, *log;

	rcpts[0] = user;
	submit("<alice@example.org>", rcpts, 0, 0, 'i');
	mb = take_mbox();
	(void)snprintf(from, sizeof(from), "From alice@example.org ");
	t_assert(strncmp(mb, from, strlen(from)) == 0);
	t_assert(strstr(mb, "\nReturn-Path: <alice@example.org>\n"
	    "Subject: test\n\nHello,\n>From here on\n.\nbye\n\n") != NULL);
	t_assert(strstr(mb, "Bcc:") == NULL);
	/* the m4 local mailer's A=mail.local -l (no $u: E= is CR LF, as
	 * for LMTP): the mailbox still gets LF line ends, as mail.local
	 * writes them */
	t_assert(strchr(mb, '\r') == NULL);
	t_assert_cmp(queue_drain(NULL), ==, 0);
	log = take_log();
	(void)snprintf(want, sizeof(want), ": to=%s, delay=00:00:00, "
	    "xdelay=00:00:00, mailer=local, pri=30000, dsn=2.0.0, stat=Sent\n",
	    user);
	t_assert(strstr(log, want) != NULL);
	free(mb);
	free(log);
}

static void
test_unknown(void)
{
	const char *rcpts[] = { "nosuchuser9", NULL };
	struct queue_file *qf;
	char *mb, *log;

	submit("<alice@example.org>", rcpts, 0, 0, 'i');
	mb = take_mbox();
	t_assert_streq(mb, "");
	/* the DSN waits for the (absent) SMTP client in the queue */
	t_assert_cmp(queue_drain(&qf), ==, 1);
	t_require(qf != NULL);
	/* sendmail 8.17 writes a bounce's S line so (dsn.h) */
	t_assert_streq(qf->qf_sender, "MAILER-DAEMON");
	t_assert(qf->qf_flags & QUEUE_F_RESPONSE);
	t_assert_cmp(qf->qf_nrcpts, ==, 1);
	if (qf->qf_nrcpts == 1)
		t_assert_streq(qf->qf_rcpts[0].qr_addr, "<alice@example.org>");
	queue_file_free(qf);
	log = take_log();
	/* as sendmail 8.17 logs a failure found while expanding */
	t_assert(strstr(log, ": to=nosuchuser9, delay=00:00:00, mailer=local, "
	    "pri=30000, dsn=5.1.1, reply=550 5.1.1 User unknown, stat=User "
	    "unknown\n") != NULL);
	t_assert(strstr(log, ": return to sender: User unknown\n") != NULL);
	free(mb);
	free(log);
}

static void
test_tempfail(void)
{
	const char *rcpts[] = { "<bob@example.com>", NULL };
	struct queue_file *qf;
	char *log;

	submit("<alice@example.org>", rcpts, 0, 0, 'i');
	t_assert_cmp(queue_drain(&qf), ==, 1);
	t_require(qf != NULL);
	t_assert_cmp(qf->qf_ntries, ==, 1);
	/* RetryFactor is added by queue runs, not the first attempt */
	t_assert_cmp(qf->qf_priority, ==, 30000);
	t_assert(qf->qf_dtime != 0);
	t_assert(qf->qf_message != NULL &&
	    strncmp(qf->qf_message, "Deferred", 8) == 0);
	t_assert_cmp(qf->qf_nrcpts, ==, 1);
	if (qf->qf_nrcpts == 1) {
		t_assert_streq(qf->qf_rcpts[0].qr_addr, "<bob@example.com>");
		t_assert(qf->qf_rcpts[0].qr_flags & QUEUE_R_PRIMARY);
	}
	queue_file_free(qf);
	log = take_log();
	t_assert(strstr(log, "mailer=esmtp, pri=30000, dsn=4.0.0, "
	    "stat=Deferred") != NULL);
	free(log);
}

/* A queue run on the message left by test_tempfail's kind of failure. */
static void
test_queue_run(void)
{
	const char *rcpts[] = { "<bob@example.com>", NULL };
	struct queue_scan_opts o;
	struct queue_run_stats st;
	struct queue_file *qf;
	SM_STR *why = sm_str_new(1024);

	submit("<alice@example.org>", rcpts, 0, 0, 'i');
	memset(&o, 0, sizeof(o));
	o.qo_la = -1;	/* load average unknown: nothing held */
	t_assert_cmp(queue_run(&qd, &o, deliver_queue_entry, NULL, &st, why),
	    ==, 0);
	t_assert_cmp(st.qr_run, ==, 1);
	t_assert_cmp(queue_drain(&qf), ==, 1);
	t_require(qf != NULL);
	t_assert_cmp(qf->qf_ntries, ==, 2);
	t_assert_cmp(qf->qf_priority, ==, 30000 + 90000);	/* RetryFactor */
	queue_file_free(qf);
	free(take_log());
	sm_str_free(why);
}

static void
test_return(void)
{
	const char *rcpts[] = { "<bob@example.com>", NULL };
	struct queue_file *qf;
	char *log;

	/* older than Timeout.queuereturn (5 days): bounced, 4.4.7 */
	submit("<alice@example.org>", rcpts, 0, time(NULL) - 6 * 86400, 'i');
	t_assert_cmp(queue_drain(&qf), ==, 1);
	t_require(qf != NULL);
	t_assert_streq(qf->qf_sender, "MAILER-DAEMON");
	queue_file_free(qf);
	log = take_log();
	t_assert(strstr(log, "return to sender: Cannot send message for 5 "
	    "days") != NULL);
	free(log);
}

static void
test_prog(void)
{
	const char *rcpts[] = { "pipe", NULL };
	char path[1024], want[1200];
	char *out, *log;

	submit("<alice@example.org>", rcpts, 0, 0, 'i');
	(void)snprintf(path, sizeof(path), "%s/out/prog.out", dir);
	out = get_file(path);
	/* prog has no F=n: a From line first; no F=E: no escaping */
	t_assert(strncmp(out, "From alice@example.org  ", 24) == 0);
	/* no F=P: no Return-Path */
	t_assert(strstr(out, "\nSubject: test\n\nHello,\nFrom here on\n.\n"
	    "bye\n") != NULL);
	t_assert(strstr(out, "Return-Path:") == NULL);
	t_assert_cmp(queue_drain(NULL), ==, 0);
	log = take_log();
	(void)snprintf(want, sizeof(want), ": to=\"|/bin/cat >%s/out/prog.out\", "
	    "ctladdr=pipe (", dir);
	t_assert(strstr(log, want) != NULL);
	t_assert(strstr(log, "mailer=prog, pri=30000, dsn=2.0.0, stat=Sent")
	    != NULL);
	free(out);
	free(log);
}

static void
test_prog_exit(void)
{
	const struct {
		const char *rcpt, *logpart;
		int queued;
	} rows[] = {
		{ "fail67", "dsn=5.1.1, stat=User unknown", 1 },
		{ "fail75", "dsn=4.0.0, stat=Deferred: prog mailer (/bin/sh) "
		    "exited with EX_TEMPFAIL\n", 1 },
		{ "fail1", "dsn=5.3.0, stat=unknown mailer error 1\n", 1 },
	};
	size_t i;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		const char *rcpts[] = { rows[i].rcpt, NULL };
		char *log;

		t_begin("deliver: a program exiting for %s", rows[i].rcpt);
		submit("<alice@example.org>", rcpts, 0, 0, 'i');
		/* a DSN to alice (remote: stays) or the message itself */
		t_assert_cmp(queue_drain(NULL), ==, rows[i].queued);
		log = take_log();
		t_assert(strstr(log, rows[i].logpart) != NULL);
		free(log);
		t_end();
	}
}

static void
test_file(void)
{
	const char *rcpts[] = { "tofile", NULL };
	char path[1024];
	char *out;

	submit("<alice@example.org>", rcpts, 0, 0, 'i');
	(void)snprintf(path, sizeof(path), "%s/file.out", dir);
	out = get_file(path);
	t_assert(strncmp(out, "From alice@example.org ", 23) == 0);
	t_assert(strstr(out, "\nSubject: test\n\nHello,\n>From here on\n")
	    != NULL);
	t_assert_cmp(queue_drain(NULL), ==, 0);
	free(out);
	free(take_log());
}

static void
test_owner(void)
{
	const char *rcpts[] = { "list", NULL };
	struct queue_file *qf;
	char *mb;

	/* the member's failure goes to owner-list, delivered locally */
	submit("<alice@example.org>", rcpts, 0, 0, 'i');
	mb = take_mbox();
	t_assert(strstr(mb, "Subject: test") != NULL);	/* the member */
	{
		char from[256];

		/* the owner is the envelope sender of the list's copy */
		(void)snprintf(from, sizeof(from), "From %s ", user);
		t_assert(strncmp(mb, from, strlen(from)) == 0);
		(void)snprintf(from, sizeof(from), "\nReturn-Path: <%s>\n",
		    user);
		t_assert(strstr(mb, from) != NULL);
	}
	t_assert(strstr(mb, "From MAILER-DAEMON ") != NULL);	/* the DSN */
	t_assert_cmp(queue_drain(&qf), ==, 0);
	queue_file_free(qf);
	free(mb);
	free(take_log());
}

static void
test_double_bounce(void)
{
	const char *rcpts[] = { "nosuchuser9", NULL };
	const char *pm[] = { "<pmloop>", NULL };
	char *mb, *log;

	/* from <>: the failure goes to the postmaster (here the user) */
	submit("<>", rcpts, QUEUE_F_RESPONSE, 0, 'i');
	mb = take_mbox();
	t_assert(strncmp(mb, "From MAILER-DAEMON ", 19) == 0);
	t_assert_cmp(queue_drain(NULL), ==, 0);
	free(mb);
	free(take_log());

	/* a double bounce that fails is dropped, with a log line */
	readcf_option(" DoubleBounceAddress=pmloop", 0);
	submit("<>", pm, QUEUE_F_RESPONSE, 0, 'i');
	mb = take_mbox();
	t_assert_streq(mb, "");
	t_assert_cmp(queue_drain(NULL), ==, 0);
	log = take_log();
	t_assert(strstr(log, ": SYSERR(") != NULL &&
	    strstr(log, "): savemail: cannot save rejected email anywhere\n")
	    != NULL);
	t_assert(strstr(log, ": savemail panic\n") != NULL);
	readcf_option(" DoubleBounceAddress=postmaster", 0);
	free(mb);
	free(log);
}

static void
test_modes(void)
{
	const char *rcpts[] = { NULL, NULL };
	char *mb;
	int i;

	rcpts[0] = user;
	submit("<alice@example.org>", rcpts, 0, 0, 'q');
	t_assert_cmp(queue_drain(NULL), ==, 1);
	mb = take_mbox();
	t_assert_streq(mb, "");
	free(mb);

	submit("<alice@example.org>", rcpts, 0, 0, 'b');
	for (i = 0; i < 200; i++) {
		(void)waitpid(-1, NULL, WNOHANG);
		mb = take_mbox();
		if (mb[0] != '\0')
			break;
		free(mb);
		mb = NULL;
		(void)usleep(50000);
	}
	t_assert(mb != NULL && strstr(mb, "Subject: test") != NULL);
	free(mb);
	(void)waitpid(-1, NULL, 0);
	t_assert_cmp(queue_drain(NULL), ==, 0);
	free(take_log());
}

static void
test_stats(void)
{
	struct stats st;
	int fd = open(statf, O_RDONLY);
	const MAILER *local = mailer_find("local");

	t_require(fd >= 0);
	t_assert_cmp(stats_read(fd, &st, NULL), ==, STATS_OK);
	(void)close(fd);
	t_require(local != NULL);
	/* test_local, test_owner (2: member + DSN), test_double_bounce,
	 * test_modes (b) */
	t_assert_cmp(st.stat_nt[local->m_mno], >=, 4);
	t_assert_cmp(st.stat_bt[local->m_mno], >=, 4);
	t_assert_cmp(st.stat_nt[mailer_find("prog")->m_mno], ==, 1);
}

static void
test_hops(void)
{
	const char *rcpts[] = { NULL, NULL };
	char *mb, *log;

	rcpts[0] = user;
	nreceived = 26;		/* MaxHopCount 25 */
	submit("<alice@example.org>", rcpts, 0, 0, 'i');
	nreceived = 0;
	mb = take_mbox();
	t_assert_streq(mb, "");
	t_assert_cmp(queue_drain(NULL), ==, 1);	/* the DSN, for later */
	log = take_log();
	t_assert(strstr(log, "dsn=5.4.6, reply=554 5.4.6 Too many hops 26 "
	    "(25 max): from <alice@example.org> via localhost, to ") != NULL);
	free(mb);
	free(log);

	nreceived = 25;
	submit("<alice@example.org>", rcpts, 0, 0, 'i');
	nreceived = 0;
	mb = take_mbox();
	t_assert(strstr(mb, "Subject: test") != NULL);
	t_assert_cmp(queue_drain(NULL), ==, 0);
	free(mb);
	free(take_log());
}

static void
test_notify(void)
{
	const char *rcpts[] = { "nosuchuser9", NULL };
	const char *ok[] = { NULL, NULL };
	char *mb, *log;

	/* NOTIFY=NEVER: the failure is only logged */
	rflags = QUEUE_R_HASNOTIFY;
	submit("<alice@example.org>", rcpts, 0, 0, 'i');
	t_assert_cmp(queue_drain(NULL), ==, 0);
	free(take_log());

	/* NOTIFY=SUCCESS: a return receipt */
	ok[0] = user;
	rflags = QUEUE_R_HASNOTIFY | QUEUE_R_SUCCESS;
	submit("<alice@example.org>", ok, 0, 0, 'i');
	rflags = 0;
	mb = take_mbox();
	t_assert(strstr(mb, "Subject: test") != NULL);
	t_assert_cmp(queue_drain(NULL), ==, 1);	/* the receipt to alice */
	log = take_log();
	t_assert(strstr(log, ": DSN: Return receipt\n") != NULL);
	free(mb);
	free(log);
}

static void
test_warn(void)
{
	const char *rcpts[] = { "<bob@example.com>", NULL };
	struct queue_file *qf, *first = NULL;
	int n = 0;
	char *log;

	/* past Timeout.queuewarn (4 hours, as the m4 cf sets it): a
	 * warning once, flag w */
	readcf_option(" Timeout.queuewarn=4h", 0);
	submit("<alice@example.org>", rcpts, 0, time(NULL) - 5 * 3600, 'i');
	log = take_log();
	t_assert(strstr(log, ": DSN: Warning: could not send message for "
	    "past 4 hours\n") != NULL);
	/* the message (flag w) and the warning (from MAILER-DAEMON) */
	n = queue_drain_all(&first, &qf);
	t_assert_cmp(n, ==, 2);
	t_require(first != NULL && qf != NULL);
	t_assert(((first->qf_flags | qf->qf_flags) & QUEUE_F_WARNING) != 0);
	t_assert(strcmp(first->qf_sender, "MAILER-DAEMON") == 0 ||
	    strcmp(qf->qf_sender, "MAILER-DAEMON") == 0);
	queue_file_free(first);
	queue_file_free(qf);
	free(log);
}

static void
test_maxsize(void)
{
	const char *rcpts[] = { NULL, NULL };
	char *log;

	rcpts[0] = user;
	cf_line("Mlocal, P=[LOCAL], F=lsDFMAw5:/|@qSPfhn9, M=10, A=mail $u");
	submit("<alice@example.org>", rcpts, 0, 0, 'i');
	cf_line("Mlocal, P=[LOCAL], F=lsDFMAw5:/|@qSPfhn9, A=mail.local -l");
	free(take_mbox());
	t_assert_cmp(queue_drain(NULL), ==, 1);	/* the DSN to alice */
	log = take_log();
	t_assert(strstr(log, "mailer=local, pri=30000, dsn=5.2.3, "
	    "stat=Message is too large; 10 bytes max\n") != NULL);
	free(log);
}

static void
test_exit_text(void)
{
	const struct {
		int ex;
		const char *text, *status;
		bool temp;
	} rows[] = {
		{ 0, "Sent", "2.0.0", false },
		{ 64, "Command line usage error", "5.0.0", false },
		{ 67, "User unknown", "5.1.1", false },
		{ 69, "Service unavailable", "5.0.0", false },
		{ 71, "Operating system error", "4.0.0", true },
		{ 73, "Can't create output", "5.0.0", false },
		{ 75, "Deferred", "4.0.0", true },
		{ 78, "Local configuration error", "5.3.5", false },
		{ 1, "unknown mailer error 1", "5.3.0", false },
		{ 79, "unknown mailer error 79", "5.3.0", false },
	};
	size_t i;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		char buf[128];
		const char *st = NULL;
		bool temp;

		t_begin("deliver: exit code %d", rows[i].ex);
		temp = deliver_exit_text(rows[i].ex, buf, sizeof(buf), &st);
		t_assert_streq(buf, rows[i].text);
		t_assert_streq(st, rows[i].status);
		t_assert_cmp(temp, ==, rows[i].temp);
		t_end();
	}
}

/* Recorded from sendmail 8.17, a "|exit N" alias each: the transcript's
 * reply code and the DSN's Status: (test/protocol/deliver_extra.sh). */
static void
test_exit_dsn(void)
{
	const struct {
		int ex;
		const char *reply, *dsn;
	} rows[] = {
		{ 1, "554", "5.0.0" }, { 64, "500", "5.5.4" },
		{ 65, "501", "5.5.2" }, { 66, "550", "5.3.0" },
		{ 67, "550", "5.1.1" }, { 69, "554", "5.5.0" },
		{ 70, "554", "5.5.0" }, { 72, "554", "5.5.0" },
		{ 73, "550", "5.3.0" }, { 76, "554", "5.5.0" },
		{ 77, "550", "5.3.0" }, { 78, "554", "5.5.0" },
		{ 99, "554", "5.0.0" },
	};
	size_t i;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		t_begin("deliver: exit %d in a DSN", rows[i].ex);
		t_assert_streq(deliver_exit_reply(rows[i].ex), rows[i].reply);
		t_assert_streq(deliver_exit_dsnstatus(rows[i].ex),
		    rows[i].dsn);
		t_end();
	}
}

/* Does the queue hold xfID? */
static bool
xf_exists(const char *id)
{
	char p[1024];
	struct stat st;

	(void)snprintf(p, sizeof(p), "%s/xf%s", qdir, id);
	return stat(p, &st) == 0;
}

/* The transcript: in memory up to XscriptFileBufferSize (4096), then on
 * disk as xfID with all of it; removed when the attempt ends. */
static void
test_xf(void)
{
	struct queue_msg m;
	struct deliver_xf xf;
	SM_STR *why = sm_str_new(1024);
	char line[100], p[1024];
	int i;
	char *got;

	t_require(queue_new(&qd, &m, why) == 0);
	deliver_xf_open(&xf, &m);
	t_assert(deliver_xf_text(&xf) == NULL);
	deliver_xf_line(&xf, "550", "5.1.1", "nosuchuser8", "User unknown");
	deliver_xf_line(&xf, "554", "5.3.0", NULL, "unknown mailer error 1");
	t_assert_streq(deliver_xf_text(&xf), "550 5.1.1 nosuchuser8... User "
	    "unknown\n554 5.3.0 unknown mailer error 1\n");
	t_assert(!xf_exists(m.qm_id));
	for (i = 0; i < 200; i++) {
		(void)snprintf(line, sizeof(line), "%039d\n", i);
		deliver_xf_add(&xf, line, strlen(line));
	}
	t_assert(xf_exists(m.qm_id));
	(void)snprintf(p, sizeof(p), "%s/xf%s", qdir, m.qm_id);
	got = get_file(p);
	t_assert_streq(got, deliver_xf_text(&xf));
	t_assert_cmp(strlen(got), ==, (size_t)(200 * 40 + 38 + 33));
	free(got);
	deliver_xf_close(&xf);
	t_assert(!xf_exists(m.qm_id));
	deliver_xf_close(&xf);		/* twice is harmless */
	queue_abort(&m);
	sm_str_free(why);
}

int
main(void)
{
	setup();
	t_run("deliver: local mbox", test_local);
	t_run("deliver: unknown user bounces", test_unknown);
	t_run("deliver: temporary failure stays queued", test_tempfail);
	t_run("deliver: a queue run", test_queue_run);
	t_run("deliver: queuereturn bounces", test_return);
	t_run("deliver: prog mailer", test_prog);
	t_run("deliver: prog exit codes", test_prog_exit);
	t_run("deliver: file", test_file);
	t_run("deliver: owner- gets the errors", test_owner);
	t_run("deliver: double bounces", test_double_bounce);
	t_run("deliver: delivery modes", test_modes);
	t_run("deliver: statistics", test_stats);
	t_run("deliver: exit codes", test_exit_text);
	t_run("deliver: MaxHopCount", test_hops);
	t_run("deliver: NOTIFY", test_notify);
	t_run("deliver: queuewarn", test_warn);
	t_run("deliver: the mailer's M=", test_maxsize);
	t_run("deliver: exit codes in a DSN", test_exit_dsn);
	t_run("deliver: the transcript file", test_xf);
	queue_dir_close(&qd);
	map_free_all();
	return t_done();
}
