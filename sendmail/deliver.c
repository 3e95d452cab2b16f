/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * deliver.c -- one delivery attempt of a queued message (see deliver.h).
 *
 * Public: deliver_committed, deliver_queue_entry, deliver_headers.
 * Runs in the committing process (DeliveryMode i), its child (b) or a
 * queue runner, holding the message's lock throughout.
 *
 * An attempt: the macros of the qf are set, the hop count checked
 * (MaxHopCount Received: lines, "554 5.4.6 Too many hops"), every R line
 * expanded into a recipient list (rcpt.c), every leaf delivered by its
 * mailer and logged as sendmail logs it.  Then the outcome: leaves that
 * failed for good become a DSN (to the sender, to owner-LIST for a
 * list's members, to the postmaster when the sender is <>; a failing
 * double bounce is set aside as Qf after sendmail's "savemail: cannot
 * save rejected email anywhere"); leaves that failed for now
 * stay as R lines of a rewritten qf with N, K, P and M updated, unless
 * Timeout.queuereturn has passed (then they bounce, 4.4.7) or
 * Timeout.queuewarn asks for a delay warning first.  A qf with nothing
 * left is removed.
 */
#include "sendmail/deliver.h"

#include "libsm/err.h"
#include "libsm/log.h"
#include "sendmail/dsn.h"
#include "sendmail/headers.h"
#include "sendmail/macro.h"
#include "sendmail/msg.h"
#include "sendmail/parseaddr.h"
#include "sendmail/readcf.h"
#include "sendmail/stats.h"

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <netinet/in.h>

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sysexits.h>
#include <unistd.h>

#define DELIVER_MAXDSN	3	/* DSNs of DSNs delivered in one process */
#define DELIVER_TOOBIG	(-2)	/* deliver_leaf: over the mailer's M= */

/* One attempt. */
struct deliver_att {
	struct queue_msg	*da_m;
	struct queue_file	*da_qf;
	struct rcpt_list	 da_rl;
	struct deliver_msg	 da_dm;
	char			 da_sender[1024];
	time_t			 da_start;	/* this attempt */
	long long		 da_size;	/* of the df */
	struct stats		 da_st;
	bool			 da_counted[MAILER_MAX];
	char			*da_tempmsg;	/* first temporary failure */
	int			 da_depth;	/* of DSNs in this process */
	bool			 da_lose;	/* a double bounce failed */
	const char		*da_dsntext;	/* the DSN log text, if not the
						   first failure's */
	char			 da_fromctl[1100]; /* the sender as
						   controlling user: "rich@localhost
						   (1001/1001)"; "": none */
	bool			 da_fromctl_set;
	char			**da_rstatus;	/* by rcpt index: a local
						   mailer's exit code "67",
						   the DSN's Diagnostic-Code;
						   NULL entries: none */
	size_t			 da_nrstatus;
	struct deliver_xf	 da_xf;		/* the transcript */
	bool			*da_expfail;	/* by rcpt index: failed while
						   expanding (no mailer ran) */
	size_t			 da_nexpfail;
};

static int deliver_now(struct queue_msg *m, struct queue_file *qf,
    int depth);
static void deliver_strip(const char *s, char *buf, size_t size);
static int deliver_by(struct deliver_att *da, const struct deliver_msg *dmp,
    const struct rcpt *r, const MAILER *m, SM_STR *why);

/* ---- headers ------------------------------------------------------------ */


int
deliver_headers(const struct deliver_msg *dm, const MAILER *m, SM_STR *out)
{
	SM_STR *why = sm_str_new(1024);
	int rc = hdr_put(out, dm->dm_qf, m, 0, why);

	if (rc < 0)
		sm_log(LOG_ERR, dm->dm_qid, "headers: %s", why->s_data);
	sm_str_free(why);
	return rc;
}

/* ---- logging and statistics --------------------------------------------- */

/*
 * The envelope sender as the controlling user of a delivery that has no
 * other (a recipient given directly, not expanded from an alias or a
 * .forward): sendmail's setsender gives the sender a uid and gid when it
 * resolves to a mailer with F=w (the local one) and names a login user,
 * and its to= lines then say "ctladdr=rich@localhost (1001/1001)".
 * Computed once per attempt; "" when the sender is no local user.
 */
static const char *
deliver_fromctl(struct deliver_att *da)
{
	const char *from = da->da_qf->qf_sender;
	char *copy;
	FILE *old = msg_out(), *null;
	ADDRESS a;
	struct passwd *pw;

	if (da->da_fromctl_set)
		return da->da_fromctl;
	da->da_fromctl_set = true;
	da->da_fromctl[0] = '\0';
	if (from == NULL || *from == '\0')
		return da->da_fromctl;
	copy = sm_strdup_x(from);
	null = fopen("/dev/null", "w");	/* the parser's complaints */
	if (null != NULL)
		msg_set_out(null);
	memset(&a, 0, sizeof(a));
	if (parseaddr(copy, &a, PA_SENDERADDR) != NULL && !a.q_bad &&
	    a.q_mailer != NULL && mailer_flag(a.q_mailer, 'w') &&
	    a.q_user != NULL && (pw = getpwnam(a.q_user)) != NULL)
		(void)snprintf(da->da_fromctl, sizeof(da->da_fromctl),
		    "%s (%ld/%ld)", from, (long)pw->pw_uid,
		    (long)pw->pw_gid);
	if (null != NULL) {
		msg_set_out(old == stdout ? NULL : old);
		(void)fclose(null);
	}
	parseaddr_free(&a);
	free(copy);
	return da->da_fromctl;
}

/* The to= line of leaf R. */
static void
deliver_log(struct deliver_att *da, const struct rcpt *r, const char *stat,
    time_t xstart)
{
	char reply[256];
	const struct conf *co = &readcf_config()->cf_conf;
	char d1[SM_LOG_DELAYSZ], d2[SM_LOG_DELAYSZ];
	time_t now = time(NULL);
	SM_LOGKV kv;

	sm_logkv_init(&kv);
	(void)sm_logkv_add(&kv, "to", "%s", r->r_addr);
	if (r->r_parent >= 0) {
		const struct rcpt *p = &da->da_rl.rl_v[r->r_parent];

		(void)sm_logkv_add(&kv, "ctladdr", "%s (%ld/%ld)", p->r_addr,
		    (long)(p->r_ctl ? p->r_uid : co->co_defaultuser_uid),
		    (long)(p->r_ctl ? p->r_gid : 0));
	} else if (r->r_ctladdr != NULL)
		(void)sm_logkv_add(&kv, "ctladdr", "%s (%ld/%ld)",
		    r->r_ctladdr, (long)r->r_uid, (long)r->r_gid);
	else if (r->r_mailer != mailer_find("prog") &&
	    r->r_mailer != mailer_find("*file*") &&
	    *deliver_fromctl(da) != '\0')
		(void)sm_logkv_add(&kv, "ctladdr", "%s", deliver_fromctl(da));
	(void)sm_logkv_add(&kv, "delay", "%s", sm_log_delay(d1, sizeof(d1),
	    (long long)(now - da->da_qf->qf_ctime)));
	if (xstart != 0)
		(void)sm_logkv_add(&kv, "xdelay", "%s", sm_log_delay(d2,
		    sizeof(d2), (long long)(now - xstart)));
	if (r->r_mailer != NULL)
		(void)sm_logkv_add(&kv, "mailer", "%s", r->r_mailer->m_name);
	(void)sm_logkv_add(&kv, "pri", "%ld", da->da_qf->qf_priority);
	(void)sm_logkv_add(&kv, "dsn", "%s", r->r_status != NULL ?
	    r->r_status : "2.0.0");
	if (xstart == 0 && r->r_status != NULL) {
		/* a failure found while expanding: the reply it makes */
		(void)snprintf(reply, sizeof(reply), "%d %s %s",
		    rcpt_reply_code(r), r->r_status,
		    r->r_diag != NULL ? r->r_diag : "");
		(void)sm_logkv_add(&kv, "reply", "%s", reply);
	}
	(void)sm_logkv_add(&kv, "stat", "%s", stat);
	sm_log(LOG_INFO, da->da_m->qm_id, "%s", sm_logkv_str(&kv));
}

/* Count one message delivered by mailer M: once per mailer call, as
 * sendmail's markstats -- a mailer with F=m takes all of a message's
 * recipients in one call, others one each. */
static void
deliver_count(struct deliver_att *da, const MAILER *m)
{
	if (m == NULL || m->m_mno < 0 || m->m_mno >= MAILER_MAX ||
	    (da->da_counted[m->m_mno] && mailer_flag(m, 'm')))
		return;
	da->da_counted[m->m_mno] = true;
	(void)stats_mark(&da->da_st, STATS_TO, m->m_mno, da->da_size);
}

/* Post the counts to StatusFile. */
static void
deliver_post_stats(struct deliver_att *da)
{
	const char *path = readcf_config()->cf_conf.co_statusfile, *err = NULL;

	if (path == NULL || *path == '\0')
		return;
	if (stats_post(path, &da->da_st, time(NULL), &err) < 0 &&
	    errno != ENOENT)
		sm_log(LOG_ERR, da->da_m->qm_id, "poststats: %s: %s", path,
		    err != NULL ? err : strerror(errno));
}

/* ---- one leaf ----------------------------------------------------------- */

/* Deliver leaf R by its mailer; the EX_ code, WHY the detail. */
static int
deliver_leaf(struct deliver_att *da, const struct rcpt *r, SM_STR *why)
{
	const MAILER *m = r->r_mailer;
	struct deliver_msg dm = da->da_dm;
	char owner[1024];

	/* a list with an owner: the owner is the envelope sender */
	if (r->r_owner != NULL) {
		deliver_strip(r->r_owner, owner, sizeof(owner));
		dm.dm_sender = owner;
	}
	return deliver_by(da, &dm, r, m, why);
}

/* deliver_leaf with the message DM as it goes to R. */
static int
deliver_by(struct deliver_att *da, const struct deliver_msg *dmp,
    const struct rcpt *r, const MAILER *m, SM_STR *why)
{
	deliver_set_macros(dmp, r);
	if (m != NULL && m->m_maxsize > 0 && da->da_size > m->m_maxsize) {
		/* M=: sendmail's 552 5.2.3 */
		(void)sm_str_addf(why, "Message is too large; %ld bytes max",
		    m->m_maxsize);
		return DELIVER_TOOBIG;
	}
	if (m == mailer_find("*file*"))
		return deliver_file(dmp, r, why);
	if (m == mailer_find("prog"))
		return deliver_prog(dmp, r, why);
	if (m == mailer_find("local")) {
		if (rcpt_builtin_local(m))
			return deliver_mbox(dmp, r, why);
		return deliver_prog(dmp, r, why);
	}
	(void)sm_str_sets(why, "remote delivery is not available yet");
	return EX_TEMPFAIL;
}

/*
 * The stat= text of leaf R after exit code EX: sendmail's text for the
 * code; a program's temporary failure says which mailer exited so
 * ("Deferred: prog mailer (/bin/sh) exited with EX_TEMPFAIL"), one of
 * ours why (a lock, no space); a program's output is not shown.
 */
static void
deliver_stat(const struct rcpt *r, int ex, const char *text,
    const SM_STR *why, char *buf, size_t size)
{
	const MAILER *m = r->r_mailer;
	bool prog = m == mailer_find("prog") || (m == mailer_find("local") &&
	    !rcpt_builtin_local(m));

	if (ex == EX_TEMPFAIL && prog)
		(void)snprintf(buf, size, "%s: %s mailer (%s) exited with "
		    "EX_TEMPFAIL", text, m->m_name, m->m_mailer);
	else if (ex != EX_OK && !prog && why->s_len > 0 &&
	    m != mailer_find("*file*"))	/* recorded: the text alone */
		(void)snprintf(buf, size, "%s: %s", text, why->s_data);
	else
		(void)snprintf(buf, size, "%s", text);
}

/* A per-recipient array V of *NP elements of SIZE, grown (new ones
 * zeroed) to hold index N: as many as the list has, at least N + 1. */
static void *
deliver_grow(void *v, size_t *np, size_t n, size_t listn, size_t size)
{
	size_t k = listn > n ? listn : n + 1;

	if (n < *np)
		return v;
	v = sm_realloc_x(v, k * size);
	memset((char *)v + *np * size, 0, (k - *np) * size);
	*np = k;
	return v;
}

/*
 * Remember that leaf N failed by mailer exit code EX: a mailer that
 * speaks no SMTP says nothing but its code, so sendmail's DSN gives
 * that number as the Diagnostic-Code ("X-Unix; 67"), while the text
 * ("User unknown") stays in the transcript.
 */
static void
deliver_rstatus(struct deliver_att *da, size_t n, int ex)
{
	char code[16];

	da->da_rstatus = deliver_grow(da->da_rstatus, &da->da_nrstatus, n,
	    da->da_rl.rl_n, sizeof(*da->da_rstatus));
	(void)snprintf(code, sizeof(code), "%d", ex);
	da->da_rstatus[n] = sm_rpool_strdup_x(da->da_rl.rl_pool, code);
}

/*
 * The transcript of leaf R after exit code EX: a program's output as it
 * wrote it, then, for a failure, sendmail's line for the code -- with
 * the address when the reply is 550 ("550 5.1.1 \"|exit 67\"... User
 * unknown", "550 5.0.0 /file... Can't create output"), without it
 * otherwise ("554 5.3.0 unknown mailer error 1"); recorded.
 */
static void
deliver_xf_leaf(struct deliver_att *da, const struct rcpt *r, int ex,
    const char *text, const SM_STR *why)
{
	const MAILER *m = r->r_mailer;
	const char *reply = ex == DELIVER_TOOBIG ? "552" :
	    deliver_exit_reply(ex), *status;
	char buf[128];

	if ((m == mailer_find("prog") || (m == mailer_find("local") &&
	    !rcpt_builtin_local(m))) && why->s_len > 0) {
		deliver_xf_add(&da->da_xf, why->s_data, why->s_len);
		deliver_xf_add(&da->da_xf, "\n", 1);
	}
	if (ex == EX_OK)
		return;
	status = r->r_status;
	if (ex != DELIVER_TOOBIG)
		(void)deliver_exit_text(ex, buf, sizeof(buf), &status);
	deliver_xf_line(&da->da_xf, reply, status,
	    strcmp(reply, "550") == 0 || ex == DELIVER_TOOBIG ? r->r_addr :
	    NULL, text);
}

/* Deliver leaf N and record the outcome. */
static void
deliver_one(struct deliver_att *da, size_t n)
{
	SM_STR *why = sm_str_new(1024);
	struct rcpt *r = &da->da_rl.rl_v[n];
	time_t x = time(NULL);
	const char *status;
	char stat[1200], text[128];
	int ex = deliver_leaf(da, r, why);
	bool temp, ran = ex != DELIVER_TOOBIG;

	r = &da->da_rl.rl_v[n];
	if (ex == DELIVER_TOOBIG) {
		ex = EX_DATAERR;
		(void)snprintf(text, sizeof(text), "%s", why->s_data);
		sm_str_truncate(why, 0);
		status = "5.2.3";
		temp = false;
	} else
		temp = deliver_exit_text(ex, text, sizeof(text), &status);
	if (ex == EX_OK) {
		r->r_state = RCPT_SENT;
		deliver_count(da, r->r_mailer);
	} else
		r->r_state = temp ? RCPT_TEMP : RCPT_FAIL;
	r->r_exit = ex;
	r->r_status = sm_rpool_strdup_x(da->da_rl.rl_pool, status);
	deliver_stat(r, ex, text, why, stat, sizeof(stat));
	r->r_diag = sm_rpool_strdup_x(da->da_rl.rl_pool, stat);
	if (ex != EX_OK && ran &&
	    r->r_mailer != NULL &&
	    strcmp(r->r_mailer->m_mailer, "[IPC]") != 0)
		deliver_rstatus(da, n, ex);
	deliver_log(da, r, stat, x);
	deliver_xf_leaf(da, r, ran ? ex : DELIVER_TOOBIG, ran && !temp ?
	    text : stat, why);
	if (r->r_state == RCPT_FAIL && ran)
		r->r_status = sm_rpool_strdup_x(da->da_rl.rl_pool,
		    deliver_exit_dsnstatus(ex));
	sm_str_free(why);
}

/* ---- the recipient list ------------------------------------------------- */

/* The hop count: the trace fields (Received: ...) of the header table. */
static int
deliver_hops(const struct queue_file *qf)
{
	size_t i;
	int n = 0;

	for (i = 0; i < qf->qf_nhdrs; i++)
		if (hdr_flags(qf->qf_hdrs[i].qh_name) & HDR_TRACE)
			n++;
	return n;
}

/* A C line "user:uid:gid:<address>" (or ":address") read back: the
 * controlling user and address of the recipient after it. */
static void
deliver_ctl_read(struct deliver_att *da, struct rcpt *r, const char *ctl)
{
	char *end;
	const char *p = strchr(ctl, ':');
	long uid, gid;

	if (p == NULL)
		return;
	uid = strtol(p + 1, &end, 10);
	if (*end != ':' || end == p + 1)
		goto addr_only;
	gid = strtol(end + 1, &end, 10);
	if (*end != ':')
		goto addr_only;
	r->r_ctl = true;
	r->r_uid = (uid_t)uid;
	r->r_gid = (gid_t)gid;
	r->r_ctladdr = sm_rpool_strdup_x(da->da_rl.rl_pool, end + 1);
	return;
addr_only:
	r->r_ctladdr = sm_rpool_strdup_x(da->da_rl.rl_pool, p + 1);
	r->r_uid = readcf_config()->cf_conf.co_defaultuser_uid;
	r->r_gid = 0;
}

/* Every R line of the qf that is still to do, expanded. */
static void
deliver_expand(struct deliver_att *da)
{
	const struct conf *co = &readcf_config()->cf_conf;
	int hops = deliver_hops(da->da_qf);
	size_t i;

	for (i = 0; i < da->da_qf->qf_nrcpts; i++) {
		const struct queue_rcpt *qr = &da->da_qf->qf_rcpts[i];
		int n = rcpt_add(&da->da_rl, qr->qr_addr, (int)i,
		    qr->qr_ctl != NULL);
		char diag[512];

		if (n >= 0 && qr->qr_ctl != NULL)
			deliver_ctl_read(da, &da->da_rl.rl_v[n], qr->qr_ctl);
		if (n < 0 || hops <= co->co_maxhopcount)
			continue;
		/* sendmail's text names the first recipient for all, and
		 * the client's host ($s) or "localhost" in a queue run */
		(void)snprintf(diag, sizeof(diag),
		    "Too many hops %d (%d max): from %s via %s, to %s", hops,
		    co->co_maxhopcount, da->da_qf->qf_sender,
		    macro_get('s') != NULL ? macro_get('s') : "localhost",
		    da->da_qf->qf_rcpts[0].qr_addr);
		da->da_rl.rl_v[n].r_state = RCPT_FAIL;
		da->da_rl.rl_v[n].r_exit = EX_UNAVAILABLE;
		da->da_rl.rl_v[n].r_status = "5.4.6";
		da->da_rl.rl_v[n].r_diag = sm_rpool_strdup_x(
		    da->da_rl.rl_pool, diag);
	}
}

/*
 * Leaf N failed while the recipients were expanded: its transcript line
 * ("550 5.1.1 nosuchuser8... User unknown"; a loop's "554 5.4.6
 * aliasing/forwarding loop broken (11 aliases deep; 10 max)" names no
 * address -- recorded), and a note for its DSN fields.
 */
static void
deliver_xf_expfail(struct deliver_att *da, size_t n)
{
	const struct rcpt *r = &da->da_rl.rl_v[n];
	char reply[8];

	da->da_expfail = deliver_grow(da->da_expfail, &da->da_nexpfail, n,
	    da->da_rl.rl_n, sizeof(*da->da_expfail));
	da->da_expfail[n] = true;
	(void)snprintf(reply, sizeof(reply), "%d", rcpt_reply_code(r));
	deliver_xf_line(&da->da_xf, reply, r->r_status,
	    strcmp(reply, "550") == 0 ? r->r_addr : NULL,
	    r->r_diag != NULL ? r->r_diag : "failed");
}

/* Deliver every open leaf; log the failures of expansion. */
static void
deliver_all(struct deliver_att *da)
{
	size_t i;

	/* failures of the expansion first, as sendmail logs them then */
	for (i = 0; i < da->da_rl.rl_n; i++) {
		struct rcpt *r = &da->da_rl.rl_v[i];

		if (r->r_state == RCPT_FAIL || r->r_state == RCPT_TEMP) {
			deliver_log(da, r, r->r_diag != NULL ? r->r_diag :
			    "failed", 0);
			deliver_xf_expfail(da, i);
		}
	}
	for (i = 0; i < da->da_rl.rl_n; i++) {
		struct rcpt *r = &da->da_rl.rl_v[i];

		if (r->r_state == RCPT_OPEN && r->r_mailer != NULL)
			deliver_one(da, i);
		r = &da->da_rl.rl_v[i];
		if (r->r_state == RCPT_TEMP && da->da_tempmsg == NULL)
			da->da_tempmsg = r->r_diag;
	}
}

/* ---- DSNs --------------------------------------------------------------- */


/*
 * The "(reason: ...)" and Diagnostic-Code of failed leaf R (index K) as
 * sendmail 8.17 gives them (recorded): a mailer's exit code is the
 * Diagnostic-Code, the reason its sysexits text ("Can't create output")
 * or the bare number for another code ("1"); a failure of the expansion
 * has both "550 5.1.1 User unknown", except a loop, which has neither.
 */
static void
deliver_dsn_reason(struct deliver_att *da, const struct rcpt *r, size_t k,
    struct dsn_rcpt *dr)
{
	char buf[1200];
	const char *st;

	if (dr->dr_code != NULL) {
		if (r->r_exit >= EX__BASE && r->r_exit <= EX__MAX) {
			(void)deliver_exit_text(r->r_exit, buf, sizeof(buf),
			    &st);
			dr->dr_diag = sm_rpool_strdup_x(da->da_rl.rl_pool,
			    buf);
		} else
			dr->dr_diag = dr->dr_code;
		return;
	}
	if (k >= da->da_nexpfail || !da->da_expfail[k] || r->r_diag == NULL)
		return;
	if (strncmp(r->r_diag, "aliasing/forwarding loop", 24) == 0) {
		dr->dr_diag = NULL;
		return;
	}
	(void)snprintf(buf, sizeof(buf), "%d %s %s", rcpt_reply_code(r),
	    r->r_status != NULL ? r->r_status : "5.0.0", r->r_diag);
	dr->dr_diag = sm_rpool_strdup_x(da->da_rl.rl_pool, buf);
}

/* Compose the DSN of kind KIND for V[0..N) into OUT / FD: Final-Recipient
 * is the R line's (its r line) for an address an alias expanded into. */
static int
deliver_dsn_compose(struct deliver_att *da, const struct rcpt *const *v,
    size_t n, int kind, struct queue_file *out, int fd, SM_STR *why)
{
	struct dsn_rcpt *dr = sm_calloc_x(n, sizeof(*dr));
	const char **final = sm_calloc_x(n, sizeof(*final));
	size_t i, k;
	int rc;

	for (i = 0; i < n; i++) {
		const struct queue_rcpt *qr = v[i]->r_qr >= 0 ?
		    &da->da_qf->qf_rcpts[v[i]->r_qr] : NULL;

		dr[i].dr_addr = v[i]->r_addr;
		dr[i].dr_orcpt = qr != NULL ? qr->qr_orcpt : NULL;
		dr[i].dr_status = v[i]->r_status;
		dr[i].dr_action = kind == DSN_FAILED ? "failed" :
		    kind == DSN_DELAYED ? "delayed" : "delivered";
		dr[i].dr_diag = v[i]->r_diag;
		dr[i].dr_mta = NULL;
		k = (size_t)(v[i] - da->da_rl.rl_v);
		dr[i].dr_code = k < da->da_nrstatus ? da->da_rstatus[k] :
		    NULL;
		dr[i].dr_last = da->da_start;
		if (kind == DSN_FAILED)
			deliver_dsn_reason(da, v[i], k, &dr[i]);
		if (qr != NULL && v[i]->r_parent >= 0) {
			final[i] = qr->qr_final != NULL ? qr->qr_final :
			    qr->qr_addr;
			/* recorded: the address it came from, one level
			 * up ("deep11 (expanded from: deep10)") */
			dr[i].dr_expfrom =
			    da->da_rl.rl_v[v[i]->r_parent].r_addr;
		}
	}
	rc = dsn_build_xscript(da->da_qf, da->da_m->qm_id, da->da_dm.dm_dfd,
	    dr, final, n, (enum dsn_kind)kind, deliver_xf_text(&da->da_xf),
	    out, fd, why);
	free(final);
	free(dr);
	return rc;
}

/* A new DSN's P line, from the size of its body on FD. */
static void
deliver_dsn_priority(struct queue_file *out, int fd)
{
	const struct conf *co = &readcf_config()->cf_conf;
	struct stat st;

	out->qf_priority = queue_priority(fstat(fd, &st) == 0 ?
	    (long)st.st_size : 0, 0, 1, co->co_classfactor,
	    co->co_recipientfactor);
}

/* Queue a DSN of KIND about V[0..N) to TO (an address), deliver it. */
static void
deliver_dsn(struct deliver_att *da, const struct rcpt *const *v, size_t n,
    int kind, const char *to, const char *label)
{
	SM_STR *why = sm_str_new(1024);
	struct queue_file *out = queue_file_new();
	struct queue_msg nm;
	int rc;

	if (queue_new(da->da_m->qm_dir, &nm, why) < 0) {
		sm_log(LOG_ERR, da->da_m->qm_id, "DSN: %s", why->s_data);
		goto done;
	}
	out->qf_ctime = time(NULL);
	/* dsn_build takes the DSN's own id from $i */
	macro_set(macro_id("i", NULL), nm.qm_id);
	rc = deliver_dsn_compose(da, v, n, kind, out, nm.qm_dfd, why);
	macro_set(macro_id("i", NULL), da->da_m->qm_id);
	if (rc < 0) {
		sm_log(LOG_ERR, da->da_m->qm_id, "DSN: %s", why->s_data);
		queue_abort(&nm);
		goto done;
	}
	out->qf_flags |= QUEUE_F_RESPONSE;
	deliver_dsn_priority(out, nm.qm_dfd);
	/* where it goes is decided here (owner-, DoubleBounceAddress) */
	out->qf_nrcpts = 0;
	(void)queue_file_add_rcpt(out, to, QUEUE_R_PRIMARY);
	if (queue_commit(&nm, out, why) < 0) {
		sm_log(LOG_ERR, da->da_m->qm_id, "DSN: %s", why->s_data);
		queue_abort(&nm);
		goto done;
	}
	sm_log(LOG_INFO, da->da_m->qm_id, "%s: %s: %s", nm.qm_id, label,
	    da->da_dsntext != NULL ? da->da_dsntext :
	    kind == 2 ? "Return receipt" : v[0]->r_owner != NULL ?
	    "Unable to deliver mail" : v[0]->r_diag != NULL ? v[0]->r_diag :
	    "Unable to deliver mail");
	if (da->da_depth < DELIVER_MAXDSN)
		(void)deliver_now(&nm, out, da->da_depth + 1);
	else
		queue_unlock(&nm);
done:
	queue_file_free(out);
	sm_str_free(why);
}

/* Envelope sender without its <>. */
static void
deliver_strip(const char *s, char *buf, size_t size)
{
	size_t len;

	if (s == NULL)
		s = "";
	while (isspace((unsigned char)*s))
		s++;
	if (*s == '<')
		s++;
	(void)snprintf(buf, size, "%s", s);
	len = strlen(buf);
	while (len > 0 && (buf[len - 1] == '>' || isspace((unsigned char)
	    buf[len - 1])))
		buf[--len] = '\0';
}

/* Is this message a double bounce (a DSN from <> to the postmaster)? */
static bool
deliver_is_double(const struct deliver_att *da, const char *dbl)
{
	char a[1024];

	if (!(da->da_qf->qf_flags & QUEUE_F_RESPONSE) || da->da_sender[0] ||
	    da->da_qf->qf_nrcpts == 0)
		return false;
	deliver_strip(da->da_qf->qf_rcpts[0].qr_addr, a, sizeof(a));
	return strcasecmp(a, dbl) == 0;
}

/* Where the DSN about leaf R goes; NULL: nowhere (dropped). */
static const char *
deliver_dsn_to(const struct deliver_att *da, const struct rcpt *r)
{
	const char *dbl = readcf_config()->cf_conf.co_doublebounceaddress;

	if (dbl == NULL || *dbl == '\0')
		dbl = "postmaster";
	if (r->r_owner != NULL)
		return r->r_owner;
	if (da->da_sender[0] != '\0')
		return da->da_qf->qf_sender;
	if (deliver_is_double(da, dbl))
		return NULL;
	return dbl;
}

/* Does R line flag set FLAGS ask for a DSN of KIND?  Without NOTIFY=,
 * failures and delays are reported. */
static bool
deliver_notify(unsigned flags, int kind)
{
	unsigned want = kind == 0 ? QUEUE_R_FAILURE : kind == 1 ?
	    QUEUE_R_DELAY : QUEUE_R_SUCCESS;

	if (!(flags & QUEUE_R_HASNOTIFY))
		return kind != 2;
	return (flags & want) != 0;
}

/* The name of the user we run as, for SYSERR lines. */
static const char *
deliver_me(void)
{
	struct passwd *pw = getpwuid(geteuid());

	return pw != NULL ? pw->pw_name : "root";
}

/* What the log says a DSN of KIND about R to TO is (sendmail's
 * returntosender notes). */
static const char *
deliver_dsn_label(const struct deliver_att *da, const struct rcpt *r,
    int kind, const char *to)
{
	if (kind == 1)
		return "DSN";
	if (kind == 2)
		return "DSN";
	if (r->r_owner != NULL)
		return "DSN";
	if (to != da->da_qf->qf_sender)
		return "postmaster notify";
	return "return to sender";
}

/* Send the DSNs of KIND for leaves in state ST, one per destination. */
static void
deliver_dsns(struct deliver_att *da, enum rcpt_state st, int kind)
{
	size_t i, j, n = da->da_rl.rl_n;
	const struct rcpt **v = sm_calloc_x(n + 1, sizeof(*v));
	bool *done = sm_calloc_x(n + 1, sizeof(*done));

	for (i = 0; i < n; i++) {
		const struct rcpt *r = &da->da_rl.rl_v[i];
		const char *to = deliver_dsn_to(da, r);
		size_t k = 0;

		if (done[i] || r->r_state != st || r->r_qr < 0 ||
		    !deliver_notify(da->da_qf->qf_rcpts[r->r_qr].qr_flags, kind))
			continue;
		if (to == NULL) {
			if (!da->da_lose)
				sm_log(LOG_CRIT, da->da_m->qm_id,
				    "SYSERR(%s): savemail: cannot save "
				    "rejected email anywhere", deliver_me());
			da->da_lose = true;
			continue;
		}
		for (j = i; j < n; j++) {
			const struct rcpt *o = &da->da_rl.rl_v[j];
			const char *oto = deliver_dsn_to(da, o);

			if (!done[j] && o->r_state == st && o->r_qr >= 0 &&
			    oto != NULL && strcmp(oto, to) == 0 &&
			    deliver_notify(da->da_qf->qf_rcpts[o->r_qr].qr_flags,
			    kind)) {
				done[j] = true;
				v[k++] = o;
			}
		}
		deliver_dsn(da, v, k, kind, to, deliver_dsn_label(da, r, kind,
		    to));
	}
	free(v);
	free(done);
}

/* ---- the outcome -------------------------------------------------------- */

/* The C line of an expanded recipient: "user:uid:gid:<address>" of the
 * address it was expanded from, as sendmail writes it. */
static void
deliver_ctl_line(struct deliver_att *da, const struct rcpt *p,
    struct queue_file *nq, struct queue_rcpt *q)
{
	const struct conf *co = &readcf_config()->cf_conf;
	char ctl[2048];

	(void)da;
	(void)snprintf(ctl, sizeof(ctl), "%s:%ld:%ld:%s", p->r_user,
	    (long)(p->r_ctl ? p->r_uid : co->co_defaultuser_uid),
	    (long)(p->r_ctl ? p->r_gid : 0), p->r_addr);
	q->qr_ctl = queue_file_strdup(nq, ctl);
}

/* The R lines still to do: the original line for a leaf that is its own
 * R line, a new line (with a C line naming the alias) for an expansion. */
static void
deliver_keep(struct deliver_att *da, struct queue_file *nq,
    const struct queue_rcpt *oldv)
{
	size_t i;

	for (i = 0; i < da->da_rl.rl_n; i++) {
		const struct rcpt *r = &da->da_rl.rl_v[i];
		const struct queue_rcpt *o;
		struct queue_rcpt *q;

		if (r->r_state != RCPT_TEMP || r->r_qr < 0)
			continue;
		o = &oldv[r->r_qr];
		q = queue_file_add_rcpt(nq, r->r_addr, r->r_parent < 0 ?
		    o->qr_flags : o->qr_flags | QUEUE_R_ALIAS);
		q->qr_orcpt = queue_file_strdup(nq, o->qr_orcpt);
		q->qr_final = queue_file_strdup(nq, o->qr_final);
		q->qr_xflags = queue_file_strdup(nq, o->qr_xflags);
		if (r->r_parent < 0)
			q->qr_ctl = queue_file_strdup(nq, o->qr_ctl);
		else
			deliver_ctl_line(da, &da->da_rl.rl_v[r->r_parent], nq,
			    q);
	}
}

/* The Precedence: of the message (sendmail's P lines of the cf). */
static int
deliver_precedence(const struct queue_file *qf, const char **priorityp)
{
	const struct config *c = readcf_config();
	size_t i;
	int k;

	*priorityp = NULL;
	for (i = 0; i < qf->qf_nhdrs; i++) {
		const char *v = qf->qf_hdrs[i].qh_value;

		if (v == NULL)
			continue;
		while (isspace((unsigned char)*v))
			v++;
		if (strcasecmp(qf->qf_hdrs[i].qh_name, "Priority") == 0)
			*priorityp = v;
		if (strcasecmp(qf->qf_hdrs[i].qh_name, "Precedence") != 0)
			continue;
		for (k = 0; k < c->cf_npri; k++)
			if (strncasecmp(v, c->cf_pri[k].name,
			    strlen(c->cf_pri[k].name)) == 0)
				return c->cf_pri[k].val;
	}
	return 0;
}

/* Temporary failures past Timeout.queuereturn bounce; past queuewarn a
 * delay DSN goes out once. */
static void
deliver_age(struct deliver_att *da)
{
	struct queue_timeouts t;
	const char *prio;
	int prec = deliver_precedence(da->da_qf, &prio);
	enum queue_toclass toc = queue_toclass(prec, prio,
	    (da->da_qf->qf_flags & QUEUE_F_RESPONSE) != 0);
	enum queue_age age;
	char text[128];
	size_t i;

	queue_timeouts_conf(&t, &readcf_config()->cf_conf);
	age = queue_age_check(&t, toc, da->da_qf->qf_ctime, time(NULL),
	    da->da_qf->qf_flags);
	if (age == QUEUE_AGE_RETURN) {
		(void)queue_return_text(t.qt_return[toc], text, sizeof(text));
		for (i = 0; i < da->da_rl.rl_n; i++) {
			struct rcpt *r = &da->da_rl.rl_v[i];

			if (r->r_state != RCPT_TEMP)
				continue;
			r->r_state = RCPT_FAIL;
			r->r_status = "4.4.7";
			r->r_diag = sm_rpool_strdup_x(da->da_rl.rl_pool, text);
		}
	} else if (age == QUEUE_AGE_WARN) {
		(void)queue_warn_text(t.qt_warn[toc], text, sizeof(text));
		da->da_dsntext = text;
		if (queue_warn_ok(da->da_qf->qf_sender, prec))
			deliver_dsns(da, RCPT_TEMP, 1);
		da->da_dsntext = NULL;
		da->da_qf->qf_flags |= QUEUE_F_WARNING;
	}
}

/* Rewrite the qf with what is left, or remove it. */
static void
deliver_finish(struct deliver_att *da)
{
	struct queue_file *qf = da->da_qf;
	struct queue_rcpt *oldv = qf->qf_rcpts;
	SM_STR *why = sm_str_new(1024);

	deliver_age(da);
	deliver_dsns(da, RCPT_FAIL, 0);
	deliver_dsns(da, RCPT_SENT, 2);
	/* the transcript has served: gone before the lock is */
	deliver_xf_close(&da->da_xf);
	qf->qf_rcpts = NULL;
	qf->qf_nrcpts = 0;
	deliver_keep(da, qf, oldv);
	if (qf->qf_nrcpts == 0 && da->da_lose) {
		/* a double bounce that failed: kept for a human */
		(void)queue_lose(da->da_m, "savemail panic");
	} else if (qf->qf_nrcpts == 0) {
		if (queue_remove(da->da_m, NULL, why) < 0)
			sm_log(LOG_ERR, da->da_m->qm_id, "%s", why->s_data);
	} else {
		qf->qf_ntries++;
		qf->qf_dtime = da->da_start;
		qf->qf_message = queue_file_strdup(qf, da->da_tempmsg);
		if (queue_rewrite(da->da_m, qf, why) < 0)
			sm_log(LOG_ERR, da->da_m->qm_id, "%s", why->s_data);
		queue_unlock(da->da_m);
	}
	free(oldv);
	sm_str_free(why);
}

/* ---- entry points ------------------------------------------------------- */

/* The qf's $ lines become the macros of the delivery. */
static void
deliver_qf_macros(const struct queue_file *qf)
{
	size_t i;

	for (i = 0; i < qf->qf_nmacros; i++) {
		int id = macro_id(qf->qf_macros[i].qv_name, NULL);

		if (id > 0)
			macro_set(id, qf->qf_macros[i].qv_value);
	}
}

/* One attempt on M/QF (locked); releases M. */
static int
deliver_now(struct queue_msg *m, struct queue_file *qf, int depth)
{
	struct deliver_att *da = sm_calloc_x(1, sizeof(*da));
	struct stat st;

	da->da_m = m;
	da->da_qf = qf;
	da->da_depth = depth;
	da->da_start = time(NULL);
	stats_init(&da->da_st, da->da_start);
	deliver_strip(qf->qf_sender, da->da_sender, sizeof(da->da_sender));
	/* a DSN's S line says MAILER-DAEMON: the null sender all the same */
	if ((qf->qf_flags & QUEUE_F_RESPONSE) &&
	    strcasecmp(da->da_sender, "MAILER-DAEMON") == 0)
		da->da_sender[0] = '\0';
	da->da_dm.dm_qf = qf;
	da->da_dm.dm_qid = m->qm_id;
	da->da_dm.dm_sender = da->da_sender;
	da->da_dm.dm_now = da->da_start;
	da->da_dm.dm_qdirfd = m->qm_dir != NULL ? m->qm_dir->qd_fd : -1;
	da->da_dm.dm_dfd = queue_df_open(m);
	if (da->da_dm.dm_dfd < 0) {
		sm_log(LOG_ERR, m->qm_id, "cannot open df%s: %s", m->qm_id,
		    strerror(errno));
		queue_unlock(m);
		free(da);
		return 0;
	}
	if (fstat(da->da_dm.dm_dfd, &st) == 0)
		da->da_size = (long long)st.st_size;
	rcpt_list_init(&da->da_rl);
	da->da_rl.rl_qid = m->qm_id;
	deliver_qf_macros(qf);
	macro_set(macro_id("i", NULL), m->qm_id);
	deliver_xf_open(&da->da_xf, m);
	deliver_expand(da);
	deliver_all(da);
	deliver_finish(da);
	deliver_post_stats(da);
	(void)close(da->da_dm.dm_dfd);
	rcpt_list_free(&da->da_rl);
	free(da->da_rstatus);
	free(da->da_expfail);
	free(da);
	return 0;
}

int
deliver_queue_entry(struct queue_msg *m, struct queue_file *qf, void *ctx)
{
	(void)ctx;
	/* a queue run costs RetryFactor, counted before the attempt (the
	 * to= lines show the new value) */
	qf->qf_priority = queue_priority_retry(qf->qf_priority,
	    readcf_config()->cf_conf.co_retryfactor);
	return deliver_now(m, qf, 0);
}

/*
 * The background child lets go of the client: network sockets are closed
 * and a standard input or output that is a socket or pipe becomes
 * /dev/null, so that the client sees its connection end when the server
 * closes it, not when the delivery is done.  Local sockets (syslog) and
 * files (the lock) stay.
 */
static void
detach_fd(int fd)
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof(ss);
	struct stat st;
	bool net;
	int null;

	if (fstat(fd, &st) < 0)
		return;
	net = S_ISSOCK(st.st_mode) &&
	    getsockname(fd, (struct sockaddr *)&ss, &len) == 0 &&
	    (ss.ss_family == AF_INET || ss.ss_family == AF_INET6);
	if (fd <= 2 && (net || S_ISSOCK(st.st_mode) ||
	    S_ISFIFO(st.st_mode))) {
		null = open("/dev/null", O_RDWR);
		if (null >= 0 && null != fd) {
			(void)dup2(null, fd);
			(void)close(null);
		}
	} else if (net)
		(void)close(fd);
}

/*
 * Visit only the descriptors that are open (/proc/self/fd): probing every
 * possible number costs thousands of system calls per message.  The list
 * is read whole before any descriptor changes, so closing one cannot
 * disturb the walk.
 */
static void
deliver_detach(void)
{
	int fds[256], n = 0, i, fd, max;
	struct dirent *de;
	DIR *d;

	if ((d = opendir("/proc/self/fd")) != NULL) {
		while ((de = readdir(d)) != NULL && n < (int)(sizeof(fds) /
		    sizeof(fds[0]))) {
			if (de->d_name[0] < '0' || de->d_name[0] > '9')
				continue;
			fd = atoi(de->d_name);
			if (fd != dirfd(d))
				fds[n++] = fd;
		}
		if (de == NULL) {
			(void)closedir(d);
			for (i = 0; i < n; i++)
				detach_fd(fds[i]);
			return;
		}
		(void)closedir(d);	/* too many: probe them all */
	}
	max = (int)sysconf(_SC_OPEN_MAX);
	if (max < 0 || max > 4096)
		max = 4096;
	for (fd = 0; fd < max; fd++)
		detach_fd(fd);
}

int
deliver_committed(struct queue_msg *m, struct queue_file *qf, int mode)
{
	pid_t pid;

	switch (mode) {
	case 'i':
	case 'I':
		return deliver_now(m, qf, 0);
	case 'b':
	case 'B':
		pid = fork();
		if (pid == 0) {
			deliver_detach();
			(void)deliver_now(m, qf, 0);
			_exit(EX_OK);
		}
		if (pid < 0)
			sm_log(LOG_ERR, m->qm_id, "cannot fork to deliver: %s",
			    strerror(errno));
		queue_unlock(m);
		return 0;
	default:
		queue_unlock(m);
		return 0;
	}
}
