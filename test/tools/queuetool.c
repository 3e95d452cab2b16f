/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * queuetool.c -- sendmail/queue.c from the command line, for
 * test/conformance/queue_real.sh (Tern's sendmail main.c is not here yet):
 *
 *   queuetool mailq [-v] [-s ORDER] [-m MAXRUN] [-a MINAGE] [-qX...] QDIR
 *	print the queue as "sendmail -bp [-v]" does (-qQ[reason]: the
 *	quarantined queue, -qL: the lost one, -q[!]I/R/S/Q: selections)
 *   queuetool copy SRC DST
 *	parse every qf and hf of queue SRC and write it again into DST
 *	(same name), copying each df as it is
 *   queuetool parse FILE
 *	parse a control file, print it as queue_format writes it
 *   queuetool submit QDIR SENDER RCPT... < BODY
 *	queue a message (queue_new, queue_commit) and print its id
 *   queuetool run QDIR
 *	one queue run (queue_run) whose delivery does nothing: prints
 *	"run=N locked=N young=N lost=N" and, per message, "id sender nrcpts"
 *   queuetool id
 *	print a fresh queue id
 * Exit status 0, or 1 with a message on stderr.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "libsm/str.h"
#include "sendmail/queue.h"

static int
usage(void)
{
	fprintf(stderr, "usage: queuetool mailq [-v] [-s order] [-m max] "
	    "[-a minage] [-qX...] qdir\n"
	    "       queuetool copy src dst | parse file | "
	    "submit qdir sender rcpt... | run qdir | id\n");
	return 1;
}

static SM_STR *
read_file(const char *path)
{
	SM_STR *s = sm_str_new(0);
	char buf[65536];
	ssize_t n;
	int fd = open(path, O_RDONLY);

	if (fd < 0) {
		sm_str_free(s);
		return NULL;
	}
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		(void)sm_str_add(s, buf, (size_t)n);
	(void)close(fd);
	return s;
}

static int
write_file(const char *path, const char *data, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	int ok;

	if (fd < 0)
		return -1;
	ok = write(fd, data, len) == (ssize_t)len;
	return close(fd) == 0 && ok ? 0 : -1;
}

/* Read the mailq options ARGV[1..ARGC-2] into O and SEL; 0 or -1. */
static int
mailq_opts(int argc, char **argv, struct queue_scan_opts *o,
    struct queue_select *sel, bool *verbose)
{
	int i;

	for (i = 1; i < argc - 1; i++) {
		if (strcmp(argv[i], "-v") == 0)
			*verbose = true;
		else if (strcmp(argv[i], "-s") == 0 && i + 1 < argc - 1)
			o->qo_sort = argv[++i][0];
		else if (strcmp(argv[i], "-m") == 0 && i + 1 < argc - 1)
			o->qo_maxrun = atoi(argv[++i]);
		else if (strcmp(argv[i], "-a") == 0 && i + 1 < argc - 1)
			o->qo_minqueueage = atol(argv[++i]);
		else if (strcmp(argv[i], "-qL") == 0)
			o->qo_letter = QUEUE_LOST;
		else if (strncmp(argv[i], "-qQ", 3) == 0 ||
		    strncmp(argv[i], "-q!Q", 4) == 0) {
			o->qo_letter = QUEUE_HF;
			if (strcmp(argv[i], "-qQ") != 0)
				(void)queue_select_add(sel, argv[i] + 2);
		} else if (strncmp(argv[i], "-q", 2) != 0 ||
		    queue_select_add(sel, argv[i] + 2) < 0)
			return -1;
	}
	return 0;
}

static int
cmd_mailq(int argc, char **argv)
{
	struct queue_scan_opts o;
	struct queue_select sel = { NULL };
	struct queue_dir qd;
	SM_STR *why;
	bool verbose = false;
	int n = -1;

	memset(&o, 0, sizeof(o));
	o.qo_la = -1;
	if (mailq_opts(argc, argv, &o, &sel, &verbose) < 0) {
		queue_select_free(&sel);
		return usage();
	}
	o.qo_select = &sel;
	why = sm_str_new(0);
	if (queue_dir_open(&qd, argv[argc - 1], 0600, why) == 0) {
		n = queue_print(stdout, &qd, &o, verbose, why);
		if (n >= 0)
			queue_print_total(stdout, n);
		queue_dir_close(&qd);
	}
	if (n < 0)
		fprintf(stderr, "queuetool: %s\n", sm_str_data(why));
	queue_select_free(&sel);
	sm_str_free(why);
	return n < 0;
}

/* Parse SRC/NAME and write it as DST/NAME; copy its df.  0 or -1. */
static int
copy_one(const char *src, const char *dst, const char *name)
{
	char in[4096], out[4096];
	struct queue_file *qf;
	SM_STR *text, *why = sm_str_new(0), *o = sm_str_new(0);
	int rc = -1;

	(void)snprintf(in, sizeof(in), "%s/%s", src, name);
	(void)snprintf(out, sizeof(out), "%s/%s", dst, name);
	if ((text = read_file(in)) == NULL)
		fprintf(stderr, "queuetool: %s: %s\n", in, strerror(errno));
	else if (queue_parse(sm_str_data(text), sm_str_len(text), name, &qf,
	    why) < 0)
		fprintf(stderr, "queuetool: %s\n", sm_str_data(why));
	else {
		(void)queue_format(qf, o);
		queue_file_free(qf);
		rc = write_file(out, sm_str_data(o), sm_str_len(o));
		sm_str_free(text);
		(void)snprintf(in, sizeof(in), "%s/df%s", src, name + 2);
		(void)snprintf(out, sizeof(out), "%s/df%s", dst, name + 2);
		if (rc == 0 && (text = read_file(in)) != NULL)
			rc = write_file(out, sm_str_data(text),
			    sm_str_len(text));
	}
	sm_str_free(text);
	sm_str_free(why);
	sm_str_free(o);
	return rc;
}

static int
cmd_copy(const char *src, const char *dst)
{
	DIR *d = opendir(src);
	struct dirent *de;
	int rc = 0;

	if (d == NULL) {
		fprintf(stderr, "queuetool: %s: %s\n", src, strerror(errno));
		return 1;
	}
	while ((de = readdir(d)) != NULL)
		if ((de->d_name[0] == 'q' || de->d_name[0] == 'h') &&
		    de->d_name[1] == 'f' && copy_one(src, dst, de->d_name) < 0)
			rc = 1;
	(void)closedir(d);
	return rc;
}

static int
cmd_parse(const char *path)
{
	SM_STR *text = read_file(path), *why = sm_str_new(0), *o;
	struct queue_file *qf;
	int rc = 1;

	if (text == NULL) {
		fprintf(stderr, "queuetool: %s: %s\n", path, strerror(errno));
		sm_str_free(why);
		return 1;
	}
	if (queue_parse(sm_str_data(text), sm_str_len(text), path, &qf,
	    why) < 0)
		fprintf(stderr, "queuetool: %s\n", sm_str_data(why));
	else {
		o = sm_str_new(0);
		(void)queue_format(qf, o);
		fwrite(sm_str_data(o), 1, sm_str_len(o), stdout);
		sm_str_free(o);
		queue_file_free(qf);
		rc = 0;
	}
	sm_str_free(text);
	sm_str_free(why);
	return rc;
}

/* Queue the body on stdin from SENDER to the RCPTs in QD; prints the id. */
static int
submit(struct queue_dir *qd, int argc, char **argv, SM_STR *why)
{
	struct queue_msg m;
	struct queue_file *qf;
	char buf[65536];
	ssize_t n;
	long size = 0;
	int i, rc;

	if (queue_new(qd, &m, why) < 0)
		return -1;
	while ((n = read(0, buf, sizeof(buf))) > 0) {
		if (write(m.qm_dfd, buf, (size_t)n) != n)
			break;
		size += n;
	}
	qf = queue_file_new();
	qf->qf_ctime = time(NULL);
	qf->qf_priority = queue_priority(size, 0, argc - 3, 1800, 30000);
	qf->qf_sender = queue_file_strdup(qf, argv[2]);
	for (i = 3; i < argc; i++)
		(void)queue_file_add_rcpt(qf, argv[i], QUEUE_R_PRIMARY |
		    QUEUE_R_FAILURE | QUEUE_R_DELAY);
	(void)queue_file_add_header(qf, "P", "Return-Path", " <\201g>");
	rc = queue_commit(&m, qf, why);
	if (rc == 0)
		printf("%s\n", m.qm_id);
	queue_abort(&m);	/* after a commit: just unlocks */
	queue_file_free(qf);
	return rc;
}

static int
cmd_submit(int argc, char **argv)
{
	struct queue_dir qd;
	SM_STR *why = sm_str_new(0);
	int rc = -1;

	if (queue_dir_open(&qd, argv[1], 0600, why) == 0) {
		rc = submit(&qd, argc, argv, why);
		queue_dir_close(&qd);
	}
	if (rc < 0)
		fprintf(stderr, "queuetool: %s\n", sm_str_data(why));
	sm_str_free(why);
	return rc < 0;
}

/* The delivery of "queuetool run": say what was read, change nothing. */
static int
show(struct queue_msg *m, struct queue_file *qf, void *ctx)
{
	(void)ctx;
	printf("%s %s %zu\n", m->qm_id, qf->qf_sender, qf->qf_nrcpts);
	return 0;
}

static int
cmd_run(const char *dir)
{
	struct queue_scan_opts o;
	struct queue_run_stats st;
	struct queue_dir qd;
	SM_STR *why = sm_str_new(0);
	int rc = -1;

	memset(&o, 0, sizeof(o));
	o.qo_la = -1;
	o.qo_sort = 'f';
	if (queue_dir_open(&qd, dir, 0600, why) == 0) {
		rc = queue_run(&qd, &o, show, NULL, &st, why);
		if (rc == 0)
			printf("run=%d locked=%d young=%d lost=%d\n", st.qr_run,
			    st.qr_locked, st.qr_young, st.qr_lost);
		queue_dir_close(&qd);
	}
	if (rc < 0)
		fprintf(stderr, "queuetool: %s\n", sm_str_data(why));
	sm_str_free(why);
	return rc != 0;
}

int
main(int argc, char **argv)
{
	char id[QUEUE_ID_SIZE];

	if (argc < 2)
		return usage();
	if (strcmp(argv[1], "mailq") == 0 && argc >= 3)
		return cmd_mailq(argc - 1, argv + 1);
	if (strcmp(argv[1], "copy") == 0 && argc == 4)
		return cmd_copy(argv[2], argv[3]);
	if (strcmp(argv[1], "parse") == 0 && argc == 3)
		return cmd_parse(argv[2]);
	if (strcmp(argv[1], "submit") == 0 && argc >= 5)
		return cmd_submit(argc - 1, argv + 1);
	if (strcmp(argv[1], "run") == 0 && argc == 3)
		return cmd_run(argv[2]);
	if (strcmp(argv[1], "id") == 0) {
		queue_id_new(id, sizeof(id));
		printf("%s\n", id);
		return 0;
	}
	return usage();
}
