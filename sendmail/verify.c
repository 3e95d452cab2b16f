/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * verify.c -- sendmail -bv (see verify.h).
 *
 * Public: verify_run.
 * Runs in the sendmail process started with -bv.
 *
 * As sendmail does: each argument is a comma-separated list whose
 * addresses are parsed in order (parse errors show then) and queued in
 * reverse order; an address that is a program, file or :include: given
 * directly is refused; duplicates are dropped; at the end every good
 * address is reported, the queue stably sorted by host (none first).
 */
#include "sendmail/verify.h"

#include "libsm/err.h"
#include "sendmail/mailer.h"
#include "sendmail/msg.h"
#include "sendmail/parseaddr.h"
#include "sendmail/readcf.h"

#include <sys/stat.h>

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

struct verify_q {
	ADDRESS		*q;
	size_t		n, size;
};

static void
verify_push(struct verify_q *vq, ADDRESS *a)
{
	if (vq->n == vq->size) {
		vq->size = vq->size == 0 ? 16 : vq->size * 2;
		vq->q = sm_reallocarray_x(vq->q, vq->size, sizeof(*vq->q));
	}
	vq->q[vq->n++] = *a;
}

/* Same delivery: mailer, host and user (sendmail's sameaddr). */
static int
verify_same(const ADDRESS *a, const ADDRESS *b)
{
	if (a->q_mailer != b->q_mailer)
		return 0;
	if ((a->q_host == NULL) != (b->q_host == NULL))
		return 0;
	if (a->q_host != NULL && strcasecmp(a->q_host, b->q_host) != 0)
		return 0;
	return strcmp(a->q_user, b->q_user) == 0;
}

/* The reason a directly given address cannot be sent to, or NULL. */
static const char *
verify_direct(const ADDRESS *a)
{
	if (a->q_mailer == mailer_find("prog"))
		return "programs";
	if (a->q_mailer == mailer_find("*file*"))
		return "files";
	if (a->q_mailer == mailer_find("*include*"))
		return ":include:s";
	return NULL;
}

/* sendmail's recipient(): refuse, drop duplicates, queue. */
static void
verify_recipient(struct verify_q *vq, ADDRESS *a)
{
	const char *why = verify_direct(a);
	size_t i;

	if (why != NULL) {
		(void)msg_set_to(a->q_paddr);
		msg_usrerr("550 5.7.1 Cannot mail directly to %s", why);
		parseaddr_free(a);
		return;
	}
	for (i = 0; i < vq->n; i++)
		if (verify_same(&vq->q[i], a)) {
			parseaddr_free(a);
			return;
		}
	verify_push(vq, a);
}

/* sendtolist(): one argument's addresses, parsed in order, queued in
 * reverse order. */
static void
verify_list(struct verify_q *vq, const char *list)
{
	char *copy = sm_strdup_x(list), *p = copy;
	struct verify_q al = { NULL, 0, 0 };
	size_t i;

	while (*p != '\0') {
		ADDRESS a;
		char *end = NULL;

		while (*p != '\0' && (isspace((unsigned char)*p) || *p == ','))
			p++;
		if (*p == '\0')
			break;
		if (parseaddr_delim(p, ',', &end, &a, 0) != NULL) {
			if (a.q_bad == 1)
				parseaddr_free(&a);
			else
				verify_push(&al, &a);
		}
		if (end == NULL || end <= p)
			break;
		p = end;
	}
	for (i = al.n; i > 0; i--)
		verify_recipient(vq, &al.q[i - 1]);
	free(al.q);
	free(copy);
}

/* Host order of the final report: none first, then by name. */
static int
verify_cmp(const void *x, const void *y)
{
	const ADDRESS *a = x, *b = y;

	if (a->q_host == NULL || b->q_host == NULL)
		return (a->q_host != NULL) - (b->q_host != NULL);
	return strcasecmp(a->q_host, b->q_host);
}

/* A stable sort of the queue by host. */
static void
verify_sort(struct verify_q *vq)
{
	size_t i, j;

	for (i = 1; i < vq->n; i++) {
		ADDRESS t = vq->q[i];

		for (j = i; j > 0 && verify_cmp(&vq->q[j - 1], &t) > 0; j--)
			vq->q[j] = vq->q[j - 1];
		vq->q[j] = t;
	}
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
	struct verify_q vq = { NULL, 0, 0 };
	size_t i;
	int k;

	if ((k = verify_queuedir()) != 0)
		return k;
	if (n == 0) {
		(void)fputs("Recipient names must be specified\n", msg_out());
		return EX_USAGE;
	}
	for (k = 0; k < n; k++)
		verify_list(&vq, addrs[k]);
	verify_sort(&vq);
	for (i = 0; i < vq.n; i++) {
		ADDRESS *a = &vq.q[i];

		(void)msg_set_to(a->q_paddr);
		if (a->q_host != NULL && a->q_host[0] != '\0')
			msg_message("deliverable: mailer %s, host %s, user %s",
			    a->q_mailer->m_name, a->q_host, a->q_user);
		else
			msg_message("deliverable: mailer %s, user %s",
			    a->q_mailer->m_name, a->q_user);
		(void)msg_set_to(NULL);
		parseaddr_free(a);
	}
	free(vq.q);
	if (msg_errors() > 0)
		msg_setstat(EX_USAGE);
	return msg_exitstat();
}
