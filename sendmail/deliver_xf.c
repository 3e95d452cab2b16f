/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * deliver_xf.c -- the transcript of one delivery attempt (see deliver.h):
 * what the mailers said and the errors, in the words a DSN's "Transcript
 * of session follows" section gives them.
 *
 * Public: deliver_xf_open, deliver_xf_add, deliver_xf_line,
 * deliver_xf_text, deliver_xf_close.
 *
 * As sendmail 8.17 does (recorded, test/protocol/deliver_extra.sh), the
 * text stays in memory up to XscriptFileBufferSize bytes (4096) and only
 * a longer one goes to the queue file xfID, which exists from then until
 * the end of the attempt, whatever its outcome.  Tern keeps the memory
 * copy too (the DSN reads it); the xf is what a human or a crash
 * leaves to look at, and queue_clean removes an xf without its qf.
 * Runs in the delivery process, as the queue's owner.
 */
#include "sendmail/deliver.h"

#include "libsm/err.h"
#include "libsm/log.h"
#include "sendmail/readcf.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define DELIVER_XF_MAX	(1024 * 1024)	/* memory copy kept at most */

void
deliver_xf_open(struct deliver_xf *xf, struct queue_msg *m)
{
	int lim = readcf_config()->cf_conf.co_xscriptfilebuffersize;

	memset(xf, 0, sizeof(*xf));
	xf->xf_m = m;
	xf->xf_fd = -1;
	xf->xf_limit = lim > 0 ? (size_t)lim : 4096;
	xf->xf_text = sm_str_new(DELIVER_XF_MAX);
}

/* Write all of P[0..N) to the xf; a failure stops further writes. */
static void
deliver_xf_write(struct deliver_xf *xf, const char *p, size_t n)
{
	ssize_t w;

	while (n > 0 && xf->xf_fd >= 0) {
		w = write(xf->xf_fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			sm_log(LOG_ERR, xf->xf_m->qm_id, "xf%s: write: %s",
			    xf->xf_m->qm_id, strerror(errno));
			(void)close(xf->xf_fd);
			xf->xf_fd = -2;		/* no further attempt */
			return;
		}
		p += w;
		n -= (size_t)w;
	}
}

void
deliver_xf_add(struct deliver_xf *xf, const char *p, size_t n)
{
	size_t had;

	if (xf->xf_text == NULL || n == 0)
		return;
	had = sm_str_len(xf->xf_text);
	if (sm_str_add(xf->xf_text, p, n) < 0)
		xf->xf_lost = true;
	if (xf->xf_fd >= 0) {
		deliver_xf_write(xf, p, n);
		return;
	}
	if (xf->xf_fd != -1 || had + n <= xf->xf_limit)
		return;
	/* over the memory limit: on disk from now on, all of it */
	xf->xf_fd = queue_xf_open(xf->xf_m);
	if (xf->xf_fd < 0) {
		sm_log(LOG_ERR, xf->xf_m->qm_id, "cannot create xf%s: %s",
		    xf->xf_m->qm_id, strerror(errno));
		xf->xf_fd = -2;
		return;
	}
	deliver_xf_write(xf, sm_str_data(xf->xf_text),
	    sm_str_len(xf->xf_text));
}

void
deliver_xf_line(struct deliver_xf *xf, const char *reply, const char *status,
    const char *addr, const char *text)
{
	SM_STR *l = sm_str_new(SM_STR_NOMAX);

	if (reply != NULL && *reply != '\0')
		(void)sm_str_addf(l, "%s ", reply);
	if (status != NULL && *status != '\0')
		(void)sm_str_addf(l, "%s ", status);
	if (addr != NULL && *addr != '\0')
		(void)sm_str_addf(l, "%s... ", addr);
	(void)sm_str_addf(l, "%s\n", text != NULL ? text : "");
	deliver_xf_add(xf, sm_str_data(l), sm_str_len(l));
	sm_str_free(l);
}

const char *
deliver_xf_text(const struct deliver_xf *xf)
{
	if (xf->xf_text == NULL || sm_str_len(xf->xf_text) == 0)
		return NULL;
	return sm_str_data(xf->xf_text);
}

void
deliver_xf_close(struct deliver_xf *xf)
{
	char name[QUEUE_ID_SIZE + 2];

	if (xf->xf_fd != -1) {
		if (xf->xf_fd >= 0)
			(void)close(xf->xf_fd);
		/* the attempt is over: its transcript goes, whatever the
		 * outcome (sendmail 8.17 leaves no xf after a deferral) */
		if (queue_name(name, sizeof(name), QUEUE_XF,
		    xf->xf_m->qm_id) == 0 &&
		    unlinkat(xf->xf_m->qm_dir->qd_xffd, name, 0) < 0 &&
		    errno != ENOENT)
			sm_log(LOG_ERR, xf->xf_m->qm_id, "cannot remove %s: %s",
			    name, strerror(errno));
	}
	xf->xf_fd = -1;
	sm_str_free(xf->xf_text);
	xf->xf_text = NULL;
}
