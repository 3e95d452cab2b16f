/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * srvrsmtp_data.c -- DATA: check_data, the 354, collect() into a new
 * queue entry (check_eoh when the header ends, check_eom after), the
 * envelope and headers (hdr_submit), queue_commit, and only then "250
 * 2.0.0 QID Message accepted for delivery"; the from= log line; the
 * hand-over to delivery (deliver_committed, per DeliveryMode).
 *
 * Public: smtp_envelope smtp_hdr_macros smtp_log_from (shared with
 * submit.c: both paths write the qf lines, the header macros and the
 * from= line the same way); for the session smtp_do_data.
 *
 * Runs in the SMTP session process; the queue files are created as the
 * process's user, QueueFileMode.
 */
#include "sendmail/srvrsmtp_int.h"

#include <ctype.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <syslog.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

#include "libsm/date.h"
#include "libsm/err.h"
#include "libsm/log.h"
#include "libsm/strl.h"
#include "sendmail/macro.h"
#include "sendmail/mailer.h"
#include "sendmail/parseaddr.h"

/* Precedence: of the header, by the cf's P lines (0 when none). */
static int
smtp_precedence(const struct collect_hdr *h)
{
	const struct config *cf = readcf_config();

	for (; h != NULL; h = h->h_link) {
		const char *v = h->h_value;

		if (strcasecmp(h->h_field, "Precedence") != 0)
			continue;
		while (*v == ' ' || *v == '\t')
			v++;
		for (int i = 0; i < cf->cf_npri; i++)
			if (strncasecmp(v, cf->cf_pri[i].name,
			    strlen(cf->cf_pri[i].name)) == 0)
				return cf->cf_pri[i].val;
	}
	return 0;
}

/* The value of header NAME in QF (leading blanks skipped), or "". */
static const char *
smtp_qf_header(const struct queue_file *qf, const char *name)
{
	for (size_t i = 0; i < qf->qf_nhdrs; i++) {
		const char *v = qf->qf_hdrs[i].qh_value;

		if (strcasecmp(qf->qf_hdrs[i].qh_name, name) != 0 || v == NULL)
			continue;
		while (*v == ' ' || *v == '\t')
			v++;
		return v;
	}
	return "";
}

void
smtp_envelope(struct queue_file *qf, const struct collect_result *res,
    int nrcpts, const char *body)
{
	const struct conf *co = &readcf_config()->cf_conf;
	static const char *const keep[] = { "_", "r", "s", "{daemon_flags}" };
	char name[8];

	qf->qf_ctime = time(NULL);
	qf->qf_priority = queue_priority((long)res->cr_msgsize,
	    smtp_precedence(res->cr_hdrs), nrcpts, co->co_classfactor,
	    co->co_recipientfactor);
	if (res->cr_8bit)
		qf->qf_flags |= QUEUE_F_8BIT;
	if (body != NULL)
		qf->qf_bodytype = queue_file_strdup(qf, res->cr_8bit ? body :
		    "7BIT");
	for (size_t i = 0; i < sizeof(keep) / sizeof(keep[0]); i++) {
		const char *v;

		if (keep[i][0] == '{') {
			int id = macro_find_id("daemon_flags");

			v = id != 0 ? macro_get(id) : NULL;
		} else
			v = macro_get((unsigned char)keep[i][0]);
		if (v == NULL)
			continue;
		(void)sm_strlcpy(name, keep[i], sizeof(name));
		queue_file_set_macro(qf, keep[i], v);
	}
}

/* The GECOS name of local user USER as sendmail's buildfname makes it
 * (to the first comma, '&' the login capitalised) into BUF; "" if none. */
static void
smtp_gecos(const char *user, char *buf, size_t size)
{
	const struct passwd *pw = getpwnam(user);
	size_t n = 0;

	buf[0] = '\0';
	if (pw == NULL || pw->pw_gecos == NULL)
		return;
	for (const char *g = pw->pw_gecos; *g != '\0' && *g != ',' &&
	    n + 1 < size; g++) {
		if (*g != '&') {
			buf[n++] = *g;
			continue;
		}
		for (const char *u = pw->pw_name; *u != '\0' && n + 1 < size;
		    u++)
			buf[n++] = u == pw->pw_name ?
			    (char)toupper((unsigned char)*u) : *u;
	}
	buf[n] = '\0';
}

/* $x: FULLNAME, or the GECOS name when SENDER is a local user. */
static void
smtp_fullname_macro(const char *sender, const char *fullname)
{
	const MAILER *local = mailer_find("local");
	char *copy, name[256];
	ADDRESS a;

	name[0] = '\0';
	if (fullname == NULL && *sender != '\0' && local != NULL) {
		copy = sm_strdup_x(sender);
		memset(&a, 0, sizeof(a));
		if (parseaddr(copy, &a, PA_SENDERADDR) != NULL && !a.q_bad &&
		    a.q_mailer == local && a.q_user != NULL)
			smtp_gecos(a.q_user, name, sizeof(name));
		parseaddr_free(&a);
		free(copy);
	}
	smtp_macro("x", fullname != NULL ? fullname :
	    name[0] != '\0' ? name : NULL);
}

/* The value of collected field NAME (leading blanks cut), or NULL. */
static const char *
smtp_hdr_value(const struct collect_hdr *h, const char *name)
{
	for (; h != NULL; h = h->h_link)
		if (strcasecmp(h->h_field, name) == 0) {
			const char *v = h->h_value;

			while (*v == ' ' || *v == '\t')
				v++;
			return v;
		}
	return NULL;
}

void
smtp_hdr_macros(const struct queue_file *qf,
    const struct collect_result *res, const char *fullname, int nrcpts)
{
	const char *sender = qf->qf_sender != NULL ? qf->qf_sender : "";
	const char *date;
	char g[1024], t[32];
	size_t n;
	time_t now = time(NULL);
	struct tm tm;

	while (*sender == '<')
		sender++;
	n = strlen(sender);
	while (n > 0 && sender[n - 1] == '>')
		n--;
	(void)snprintf(g, sizeof(g), "%.*s", (int)n, sender);
	smtp_macro("g", g);
	smtp_fullname_macro(g, fullname);
	date = smtp_hdr_value(res->cr_hdrs, "Posted-Date");
	if (date == NULL)
		date = smtp_hdr_value(res->cr_hdrs, "Date");
	smtp_macro("a", date != NULL ? date : macro_get('b'));
	if (gmtime_r(&now, &tm) != NULL &&
	    strftime(t, sizeof(t), "%Y%m%d%H%M", &tm) > 0)
		smtp_macro("t", t);
	smtp_macro("u", nrcpts == 1 && qf->qf_nrcpts == 1 ?
	    qf->qf_rcpts[0].qr_addr : NULL);
}

void
smtp_log_from(const char *qid, const struct queue_file *qf,
    const struct collect_result *res, int nrcpts, const char *body,
    const char *relay)
{
	SM_LOGKV kv;
	const char *msgid = smtp_qf_header(qf, "Message-Id");
	const char *proto = macro_get('r');
	int id = macro_find_id("daemon_name");

	sm_logkv_init(&kv);
	(void)sm_logkv_add(&kv, "from", "%.200s", qf->qf_sender);
	(void)sm_logkv_add(&kv, "size", "%lld", res->cr_msgsize);
	(void)sm_logkv_add(&kv, "class", "%d", smtp_precedence(res->cr_hdrs));
	(void)sm_logkv_add(&kv, "nrcpts", "%d", nrcpts);
	if (*msgid != '\0')
		(void)sm_logkv_add(&kv, "msgid", "%.100s", msgid);
	if (body != NULL)
		(void)sm_logkv_add(&kv, "bodytype", "%s", body);
	if (proto != NULL)
		(void)sm_logkv_add(&kv, "proto", "%s", proto);
	if (id != 0 && macro_get(id) != NULL && proto != NULL)
		(void)sm_logkv_add(&kv, "daemon", "%s", macro_get(id));
	(void)sm_logkv_add(&kv, "relay", "%s", relay);
	sm_log(LOG_INFO, qid, "%s", sm_logkv_str(&kv));
}

/* The BODY= parameter given, or NULL. */
static const char *
smtp_body_name(const struct smtp_sess *s)
{
	return s->ss_body == SMTP_BODY_8BITMIME ? "8BITMIME" :
	    s->ss_body == SMTP_BODY_7BIT ? "7BIT" : NULL;
}

/* c_eoh: check_eoh with the header count and length. */
static int
smtp_eoh(void *ctx, const struct collect_result *res)
{
	struct smtp_sess *s = ctx;
	char n[16], len[24];

	(void)snprintf(n, sizeof(n), "%d", res->cr_nhdrs);
	(void)snprintf(len, sizeof(len), "%ld", res->cr_hdrslen);
	smtp_macro("{hdr_count}", n);
	smtp_macro("{hdrlen}", len);
	sm_str_truncate(s->ss_reply, 0);
	switch (smtp_rscheck("check_eoh", n, len, NULL, s->ss_reply)) {
	case SMTP_RS_REJECT:
		return -1;
	case SMTP_RS_DISCARD:
		s->ss_discard = true;
		break;
	default:
		break;
	}
	return 0;
}

/* The checks before the 354: 0 to go on, -1 after the reply. */
static int
smtp_data_ok(struct smtp_sess *s)
{
	char n[16];

	if (!s->ss_havemail) {
		smtp_reply(s, "503 5.0.0 Need MAIL command");
		return -1;
	}
	if (s->ss_nrcpts == 0) {
		smtp_reply(s, "503 5.0.0 Need RCPT (recipient)");
		return -1;
	}
	(void)snprintf(n, sizeof(n), "%d", s->ss_nrcpts);
	sm_str_truncate(s->ss_reply, 0);
	if (smtp_rscheck("check_data", n, NULL, NULL, s->ss_reply) ==
	    SMTP_RS_REJECT) {
		smtp_reply_str(s, s->ss_reply->s_data);
		return -1;
	}
	return 0;
}

/* Read the message into M's df.  0, or -1 after the reply. */
static int
smtp_collect(struct smtp_sess *s, struct queue_msg *m,
    struct collect_result *res)
{
	struct collect_opts o;
	char reply[SMTP_MAXREPLY], dfname[256];
	SM_BUF *df = sm_buf_new(-1, m->qm_dfd);
	int r;

	memset(&o, 0, sizeof(o));
	o.c_mode = COLLECT_SMTP;
	o.c_flags = s->ss_cf->co_sevenbitinput ? COLLECT_F_7BIT : 0;
	o.c_maxmsgsize = s->ss_cf->co_maxmessagesize;
	o.c_maxhdrslen = s->ss_cf->co_maxheaderslength;
	o.c_timeout_ms = s->ss_cf->co_timeout_datablock > 0 ?
	    (int)(s->ss_cf->co_timeout_datablock * 1000) : -1;
	o.c_eoh = smtp_eoh;
	o.c_eohctx = s;
	memset(res, 0, sizeof(*res));
	r = collect(s->ss_io, &o, s->ss_pool, df, res);
	sm_buf_free(df);
	if (r == 0 && res->cr_status == COLLECT_OK)
		return 0;
	if (res->cr_status == COLLECT_REJECTED)
		smtp_reply_str(s, s->ss_reply->s_data);
	else {
		(void)snprintf(dfname, sizeof(dfname), "%s/df%s",
		    s->ss_qd.qd_path, m->qm_id);
		smtp_reply_str(s, collect_reply(res, s->ss_relay,
		    s->ss_sender, dfname, reply, sizeof(reply)));
	}
	if (r != 0 || collect_must_close(res))
		s->ss_quit = true;
	return -1;
}

/* The envelope and headers of the collected message into s->ss_qf. */
static int
smtp_fill(struct smtp_sess *s, const struct queue_msg *m,
    const struct collect_result *res, SM_STR *why)
{
	struct queue_file *qf = s->ss_qf;
	char b[64];
	int r;

	smtp_macro("i", m->qm_id);
	if (sm_arpadate(time(NULL), b, sizeof(b)) == 0)
		smtp_macro("b", b);
	(void)snprintf(b, sizeof(b), "%lld", res->cr_msgsize);
	smtp_macro("{msg_size}", b);
	qf->qf_flags |= QUEUE_F_SPLIT;
	smtp_envelope(qf, res, (int)qf->qf_nrcpts, smtp_body_name(s));
	smtp_hdr_macros(qf, res, NULL, s->ss_nrcpts);
	r = hdr_submit(qf, res->cr_hdrs, 0, why) < 0 ? -1 : 0;
	smtp_macro("u", NULL);
	return r;
}

/* check_eom; 0 to go on, -1 after the reply. */
static int
smtp_eom(struct smtp_sess *s, const struct collect_result *res)
{
	char size[24];

	(void)snprintf(size, sizeof(size), "%lld", res->cr_msgsize);
	sm_str_truncate(s->ss_reply, 0);
	switch (smtp_rscheck("check_eom", size, NULL, NULL, s->ss_reply)) {
	case SMTP_RS_REJECT:
		smtp_reply_str(s, s->ss_reply->s_data);
		return -1;
	case SMTP_RS_DISCARD:
		s->ss_discard = true;
		break;
	default:
		break;
	}
	return 0;
}

/*
 * Background delivery without a fork of its own.  Most clients end the
 * session right after the 250 (QUIT, or the connection closes): then the
 * session's process, which has nothing else to do, delivers the message
 * itself once the client is gone.  So the message stays locked and held
 * until the client's next move; anything but QUIT, RSET or NOOP, or
 * SMTP_HOLD_MS of silence, hands it to a background child as usual.
 * The delay is invisible to the client: the 250 was sent before.
 * Network sessions only: -bs ends when its caller is done with it.  Not
 * under MaxDaemonChildren either: the daemon counts its session
 * processes, and one that delivers would hold a slot that sendmail's
 * delivery child (never counted) leaves free.
 */
#define SMTP_HOLD_MS	1000

static bool
smtp_hold(struct smtp_sess *s, struct queue_msg *m)
{
	if (s->ss_peer == NULL || s->ss_peer->sp_addr == NULL ||
	    s->ss_heldqf != NULL || s->ss_cf->co_maxdaemonchildren > 0)
		return false;
	s->ss_held = *m;
	s->ss_heldqf = s->ss_qf;
	s->ss_qf = NULL;
	return true;
}

/* Deliver the held message per MODE ('b' forks, 'i' here and now). */
static void
smtp_held_release(struct smtp_sess *s, int mode)
{
	struct queue_file *qf = s->ss_heldqf;

	if (qf == NULL)
		return;
	s->ss_heldqf = NULL;
	(void)deliver_committed(&s->ss_held, qf, mode);
	queue_unlock(&s->ss_held);
	queue_file_free(qf);
}

/* Before the client's command CMD runs. */
void
smtp_held_before(struct smtp_sess *s, const char *cmd, size_t len)
{
	static const char *const keep[] = { "QUIT", "RSET", "NOOP" };
	size_t i;

	if (s->ss_heldqf == NULL)
		return;
	for (i = 0; i < sizeof(keep) / sizeof(keep[0]); i++)
		if (len >= 4 && strncasecmp(cmd, keep[i], 4) == 0 &&
		    (len == 4 || cmd[4] == ' '))
			return;
	smtp_held_release(s, 'b');
}

/* Before reading a command: a client that stays silent gets no hold. */
void
smtp_held_wait(struct smtp_sess *s)
{
	if (s->ss_heldqf != NULL && sm_buf_pending(s->ss_io) == 0 &&
	    sm_buf_wait_input(s->ss_io, SMTP_HOLD_MS) == 0)
		smtp_held_release(s, 'b');
}

/*
 * The session is over: let go of the connection (the client sees it end
 * now; the descriptors stay valid, on /dev/null, for the caller to close)
 * and deliver in this process.
 */
void
smtp_held_end(struct smtp_sess *s)
{
	int null;

	if (s->ss_heldqf == NULL)
		return;
	(void)sm_buf_flush(s->ss_io);
	null = open("/dev/null", O_RDWR | O_CLOEXEC);
	if (null < 0) {
		smtp_held_release(s, 'b');
		return;
	}
	(void)dup2(null, s->ss_infd);
	if (s->ss_outfd != s->ss_infd)
		(void)dup2(null, s->ss_outfd);
	(void)close(null);
	smtp_held_release(s, 'i');
}

/* Commit M and answer; then delivery. */
static void
smtp_commit(struct smtp_sess *s, struct queue_msg *m,
    const struct collect_result *res)
{
	SM_STR *why = sm_str_new(SM_STR_NOMAX);
	int mode = s->ss_cf->co_deliverymode != 0 ?
	    s->ss_cf->co_deliverymode : 'b';

	if (smtp_fill(s, m, res, why) != 0 || s->ss_discard ||
	    queue_commit(m, s->ss_qf, why) != 0) {
		if (s->ss_discard) {
			sm_log(LOG_INFO, m->qm_id, "discarded");
			smtp_reply(s, "250 2.0.0 %s Message accepted for "
			    "delivery", m->qm_id);
		} else {
			sm_log(LOG_ERR, m->qm_id, "SYSERR: queue: %s",
			    why->s_data);
			smtp_reply(s, "451 4.3.0 Temporary system failure. "
			    "Please try again later.");
		}
		queue_abort(m);
		sm_str_free(why);
		return;
	}
	sm_str_free(why);
	smtp_log_from(m->qm_id, s->ss_qf, res, (int)s->ss_qf->qf_nrcpts,
	    smtp_body_name(s), s->ss_hello);
	smtp_reply(s, "250 2.0.0 %s Message accepted for delivery", m->qm_id);
	(void)sm_buf_flush(s->ss_io);
	if ((mode == 'b' || mode == 'B') && smtp_hold(s, m))
		return;
	(void)deliver_committed(m, s->ss_qf, mode);
	queue_unlock(m);
}

void
smtp_do_data(struct smtp_sess *s)
{
	struct queue_msg m;
	struct collect_result res;
	SM_STR *why;

	if (smtp_data_ok(s) != 0)
		return;
	why = sm_str_new(SM_STR_NOMAX);
	if (!s->ss_qdopen || queue_new(&s->ss_qd, &m, why) != 0) {
		sm_log(LOG_ERR, NULL, "SYSERR: queue_new: %s", why->s_data);
		sm_str_free(why);
		smtp_reply(s, "451 4.3.0 Temporary system failure. Please try "
		    "again later.");
		return;
	}
	sm_str_free(why);
	smtp_reply(s, "354 End data with <CR><LF>.<CR><LF>");
	if (sm_buf_flush(s->ss_io) != 0) {
		queue_abort(&m);
		s->ss_quit = true;
		return;
	}
	if (smtp_collect(s, &m, &res) != 0 || smtp_eom(s, &res) != 0)
		queue_abort(&m);
	else
		smtp_commit(s, &m, &res);
	s->ss_havemail = false;		/* its from= line is logged */
	smtp_txn_reset(s);
}
