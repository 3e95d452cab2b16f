/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * verify.c -- sendmail -bv (see verify.h).
 *
 * Public: verify_run.
 * Runs in the sendmail process started with -bv, as the invoking user;
 * reads the alias maps, include and forward files and the password
 * database (through rcpt.c).
 *
 * As sendmail 8.17 does: each argument is a comma-separated list whose
 * addresses are parsed in order (parse errors show then) and handed to
 * the recipient list in reverse order, where they are expanded as for
 * delivery (aliases, :include:, owner- lists, ~/.forward; duplicates
 * dropped; a program, file or :include: given directly refused).  Each
 * failure shows when its argument is done ("x... User unknown", the loop
 * message without an address); at the end every address left to deliver
 * -- deferred ones too ("will queue") -- is reported, stably sorted by
 * host (none first).  Exit status: 67 after an unknown user, else 64
 * after any error, else 0.  Informational lines (a deferral's "Transient
 * parse error") show only with -v.
 */
#include "sendmail/verify.h"

#include "libsm/err.h"
#include "libsm/str.h"
#include "sendmail/mailer.h"
#include "sendmail/msg.h"
#include "sendmail/parseaddr.h"
#include "sendmail/rcpt.h"
#include "sendmail/readcf.h"

#include <sys/stat.h>

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sysexits.h>
#include <unistd.h>

/*
 * One argument: parse its addresses in order (the parser prints what is
 * wrong), then add the good ones to RL last first (sendmail's sendtolist
 * queues a list so).
 */
static void
verify_list(struct rcpt_list *rl, const char *list)
{
	char *copy = sm_strdup_x(list), *p = copy, **good = NULL;
	size_t n = 0;

	while (*p != '\0') {
		ADDRESS a;
		char *end = NULL;

		while (*p != '\0' && (isspace((unsigned char)*p) || *p == ','))
			p++;
		if (*p == '\0')
			break;
		if (parseaddr_delim(p, ',', &end, &a, 0) != NULL) {
			if (a.q_bad != 1) {
				good = sm_reallocarray_x(good, n + 1,
				    sizeof(*good));
				good[n++] = sm_strdup_x(a.q_paddr);
			}
			parseaddr_free(&a);
		}
		if (end == NULL || end <= p)
			break;
		p = end;
	}
	while (n > 0) {
		(void)rcpt_add(rl, good[--n], -1, false);
		free(good[n]);
	}
	free(good);
	free(copy);
}

/* One failure, as sendmail prints it. */
static void
verify_failure(const struct rcpt *r)
{
	const char *diag = r->r_diag != NULL ? r->r_diag : "failed";

	(void)msg_set_to(r->r_addr);
	if (r->r_exit == EX_DATAERR)	/* the parser's own line */
		msg_usrerr("553 %s", diag);
	else if (r->r_status != NULL && strcmp(r->r_status, "5.4.6") == 0)
		msg_usrerr("554 %s", diag);	/* no address shown */
	else
		msg_usrerr("550 %s", diag);
	if (r->r_exit == EX_NOUSER)
		msg_setstat(EX_NOUSER);
	(void)msg_set_to(NULL);
}

/*
 * The failures of entries FROM.. of RL in the order they happened; an
 * alias naming itself that is no user fails twice in sendmail's -bv
 * (recorded: "self: self, root" says "self... User unknown" two times).
 */
static void
verify_failures(const struct rcpt_list *rl, size_t from)
{
	unsigned seq = 0;

	for (;;) {
		const struct rcpt *next = NULL;

		for (size_t i = from; i < rl->rl_n; i++) {
			const struct rcpt *r = &rl->rl_v[i];

			if (r->r_state == RCPT_FAIL && r->r_seq > seq &&
			    (next == NULL || r->r_seq < next->r_seq))
				next = r;
		}
		if (next == NULL)
			return;
		verify_failure(next);
		if (next->r_selfref)
			verify_failure(next);
		seq = next->r_seq;
	}
}

/* Is entry R one to report as deliverable? */
static bool
verify_left(const struct rcpt *r)
{
	return r->r_mailer != NULL && (r->r_state == RCPT_OPEN ||
	    r->r_state == RCPT_TEMP || r->r_state == RCPT_SENT);
}

/* Host order of the final report: none first, then by name. */
static int
verify_cmp(const struct rcpt *a, const struct rcpt *b)
{
	if (a->r_host == NULL || b->r_host == NULL)
		return (a->r_host != NULL) - (b->r_host != NULL);
	return strcasecmp(a->r_host, b->r_host);
}

/* "ADDR... deliverable: mailer M, host H, user U" for entry R. */
static void
verify_deliverable(const struct rcpt *r)
{
	const char *bs = r->r_noalias && r->r_addr[0] == '\\' ? "\\" : "";

	(void)msg_set_to(r->r_addr);
	if (r->r_host != NULL && r->r_host[0] != '\0')
		msg_message("deliverable: mailer %s, host %s, user %s%s",
		    r->r_mailer->m_name, r->r_host, bs, r->r_user);
	else
		msg_message("deliverable: mailer %s, user %s%s",
		    r->r_mailer->m_name, bs, r->r_user);
	(void)msg_set_to(NULL);
}

/* Report what RL leaves to deliver, stably sorted by host. */
static void
verify_report(const struct rcpt_list *rl)
{
	const struct rcpt **v = sm_calloc_x(rl->rl_n + 1, sizeof(*v));
	size_t i, j, k = 0;

	for (i = 0; i < rl->rl_n; i++) {
		const struct rcpt *t = &rl->rl_v[i];

		if (!verify_left(t))
			continue;
		for (j = k; j > 0 && verify_cmp(v[j - 1], t) > 0; j--)
			v[j] = v[j - 1];
		v[j] = t;
		k++;
	}
	for (i = 0; i < k; i++)
		verify_deliverable(v[i]);
	free(v);
}

/*
 * Does BASE (a directory path ending in '/') hold a directory whose name
 * starts with PREFIX?  ("." does when PREFIX is empty.)
 */
static int
verify_has_qdir(const char *base, const char *prefix)
{
	DIR *d = opendir(base);
	struct dirent *de;
	size_t len = strlen(prefix);
	int found = 0;

	if (d == NULL)
		return 0;
	while (!found && (de = readdir(d)) != NULL) {
		char path[4096 + 256];
		struct stat st;

		if (strncmp(de->d_name, prefix, len) != 0)
			continue;
		(void)snprintf(path, sizeof(path), "%s%s", base, de->d_name);
		found = stat(path, &st) == 0 && S_ISDIR(st.st_mode);
	}
	(void)closedir(d);
	return found;
}

/*
 * sendmail's queue set-up before -bv: the QueueDirectory option must be
 * set and be a directory one can enter ("/var/spool/mq*": several queue
 * directories under the part before the last '/').  Returns 0 or
 * EX_CONFIG after sendmail's message.
 */
static int
verify_queuedir(void)
{
	const char *qd = readcf_config()->cf_conf.co_queuedirectory;
	char base[4096], prefix[4096];
	const char *slash, *star;
	size_t len;

	if (qd == NULL) {
		(void)fputs("QueueDirectory (Q) option must be set\n",
		    msg_out());
		return EX_CONFIG;
	}
	len = strlen(qd);
	slash = strrchr(qd, '/');
	star = len > 0 && qd[len - 1] == '*' ? qd + len - 1 : NULL;
	prefix[0] = '\0';
	if (star != NULL && slash == NULL) {
		(void)fprintf(msg_out(), "QueueDirectory: can not wildcard "
		    "relative path \"%s\"\n", qd);
		return EX_CONFIG;
	}
	if (star != NULL) {
		size_t blen = (size_t)(slash - qd) + 1;

		(void)snprintf(base, sizeof(base), "%.*s", (int)blen, qd);
		(void)snprintf(prefix, sizeof(prefix), "%.*s",
		    (int)(star - qd - blen), qd + blen);
	} else {
		while (len > 1 && qd[len - 1] == '/')
			len--;
		(void)snprintf(base, sizeof(base), "%.*s/", (int)len, qd);
	}
	if (chdir(base) < 0) {
		int err = errno;

		(void)fprintf(msg_out(), "can not chdir(%s): %s\n", base,
		    strerror(err));
		return EX_CONFIG;
	}
	if (star != NULL && !verify_has_qdir(base, prefix)) {
		(void)fprintf(msg_out(), "can not opendir(%s%s): %s\n", base,
		    prefix, strerror(ENOENT));
		return EX_CONFIG;
	}
	return 0;
}

int
verify_run(char **addrs, int n)
{
	struct rcpt_list rl;
	size_t done = 0;
	int k, verbose;

	if ((k = verify_queuedir()) != 0)
		return k;
	if (n == 0) {
		(void)fputs("Recipient names must be specified\n", msg_out());
		return EX_USAGE;
	}
	verbose = msg_set_verbose(readcf_config()->cf_conf.co_verbose != 0);
	rcpt_list_init(&rl);
	for (k = 0; k < n; k++) {
		verify_list(&rl, addrs[k]);
		verify_failures(&rl, done);
		done = rl.rl_n;
	}
	verify_report(&rl);
	rcpt_list_free(&rl);
	(void)msg_set_verbose(verbose);
	if (msg_errors() > 0)
		msg_setstat(EX_USAGE);
	return msg_exitstat();
}
