/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * submit.c -- a message from the command line: sendmail -bm (recipients
 * are the arguments) and -t (recipients from To/Cc/Bcc).  Reads standard
 * input with collect() (COLLECT_STDIN, -i), builds the envelope as
 * sendmail 8.17 writes it for a local submission (S the sender as given,
 * A the sender with @$j, $_ user@localhost, ${daemon_flags} "c u", R
 * lines with P and the -N flags, F b for -t), runs the headers through
 * hdr_submit, commits to the queue and hands over to delivery.
 *
 * Public: submit_stdin.
 *
 * Observed from the real program (sendmail -bm / -t into a temp queue,
 * -odq): "Recipient names must be specified" and exit 64 without
 * arguments; "No recipient addresses found in header" and exit 0 for -t
 * without recipients; a bad address is reported ("a@b@c... Invalid route
 * address"), the others still get the message, exit 64.
 *
 * Runs in the sendmail process of the user who submits.
 */
#include "sendmail/submit.h"

#include <ctype.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <syslog.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

#include "libsm/buf.h"
#include "libsm/date.h"
#include "libsm/err.h"
#include "libsm/log.h"
#include "libsm/rpool.h"
#include "libsm/strl.h"
#include "sendmail/class.h"
#include "sendmail/macro.h"
#include "sendmail/mailer.h"
#include "sendmail/msg.h"
#include "sendmail/parseaddr.h"
#include "sendmail/srvrsmtp_int.h"

struct submit_ctx {
	const struct submit_args *sc_args;
	struct queue_file *sc_qf;
	unsigned	 sc_rflags;	/* R flags from -N */
	char		**sc_keys;	/* per R line: mailer, host, user */
	size_t		 sc_nkeys;
	int		 sc_status;	/* EX_USAGE after a bad address */
};

/* -N into R line flags (sendmail's default: FAILURE and DELAY, no N). */
static unsigned
submit_notify(const char *n)
{
	unsigned f = QUEUE_R_HASNOTIFY;

	if (n == NULL || *n == '\0')
		return QUEUE_R_FAILURE | QUEUE_R_DELAY;
	while (*n != '\0') {
		size_t len = strcspn(n, ",");

		if (len == 7 && strncasecmp(n, "success", 7) == 0)
			f |= QUEUE_R_SUCCESS;
		else if (len == 7 && strncasecmp(n, "failure", 7) == 0)
			f |= QUEUE_R_FAILURE;
		else if (len == 5 && strncasecmp(n, "delay", 5) == 0)
			f |= QUEUE_R_DELAY;
		n += len + (n[len] == ',');
	}
	return f;
}

/* Add one address (a list item) as a recipient; messages go to stderr. */
static void
submit_one(struct submit_ctx *c, char *addr)
{
	ADDRESS a;
	const char *host = macro_get('j'), *user;
	struct queue_rcpt *r;
	char *key;

	memset(&a, 0, sizeof(a));
	if (parseaddr(addr, &a, 0) == NULL || (a.q_bad == 1)) {
		c->sc_status = EX_USAGE;
		parseaddr_free(&a);
		return;
	}
	user = a.q_user != NULL ? a.q_user : a.q_paddr;
	key = sm_rpool_printf_x(c->sc_qf->qf_pool, "%s\001%s\001%s",
	    a.q_host != NULL ? a.q_host : "",
	    a.q_mailer != NULL ? a.q_mailer->m_name : "", user);
	for (size_t i = 0; i < c->sc_nkeys; i++)
		if (strcmp(c->sc_keys[i], key) == 0) {
			parseaddr_free(&a);
			return;
		}
	c->sc_keys = sm_reallocarray_x(c->sc_keys, c->sc_nkeys + 1,
	    sizeof(*c->sc_keys));
	c->sc_keys[c->sc_nkeys++] = key;
	r = queue_file_add_rcpt(c->sc_qf, a.q_paddr,
	    QUEUE_R_PRIMARY | c->sc_rflags);
	r->qr_final = strchr(user, '@') != NULL || host == NULL ?
	    sm_rpool_printf_x(c->sc_qf->qf_pool, "RFC822; %s", user) :
	    sm_rpool_printf_x(c->sc_qf->qf_pool, "RFC822; %s@%s", user, host);
	smtp_rcpt_place(c->sc_qf, c->sc_keys, c->sc_nkeys);
	parseaddr_free(&a);
}

/* The addresses of one list (or one header field), in order. */
struct submit_items {
	char	**si_v;
	size_t	 si_n;
	SM_RPOOL *si_pool;
};

/* hdr_recipients' callback: keep ADDR for submit_items_add. */
static int
submit_gather(void *ctx, const char *addr)
{
	struct submit_items *it = ctx;

	it->si_v = sm_reallocarray_x(it->si_v, it->si_n + 1,
	    sizeof(*it->si_v));
	it->si_v[it->si_n++] = sm_rpool_strdup_x(it->si_pool, addr);
	return 0;
}

/*
 * Add the gathered addresses, last first: sendmail's sendtolist gathers
 * a list's addresses in reverse before it adds them (recorded: "To: a, b"
 * gives R b before R a within a host), for an argument and for each
 * header field of -t alike.
 */
static void
submit_items_add(struct submit_ctx *c, struct submit_items *it)
{
	while (it->si_n > 0)
		submit_one(c, it->si_v[--it->si_n]);
	free(it->si_v);
	it->si_v = NULL;
}

/* Split the comma-separated LIST into IT. */
static void
submit_split(struct submit_items *it, const char *list)
{
	char *copy = sm_rpool_strdup_x(it->si_pool, list), *p = copy;

	while (*p != '\0') {
		char *end = p, *item;
		int depth = 0, quote = 0;

		for (; *end != '\0'; end++) {
			if (*end == '"' && (end == p || end[-1] != '\\'))
				quote = !quote;
			else if (!quote && (*end == '<' || *end == '('))
				depth++;
			else if (!quote && (*end == '>' || *end == ')') &&
			    depth > 0)
				depth--;
			else if (!quote && depth == 0 && *end == ',')
				break;
		}
		item = p;
		p = *end == ',' ? end + 1 : end;
		*end = '\0';
		while (isspace((unsigned char)*item))
			item++;
		if (*item != '\0')
			(void)submit_gather(it, item);
	}
}

/* -t: the recipient fields one at a time (Resent- ones when there are
 * any), each as one sendtolist call. */
static void
submit_hdr_rcpts(struct submit_ctx *c, const struct collect_hdr *hdrs,
    SM_RPOOL *pool)
{
	struct submit_items it = { NULL, 0, pool };
	const struct collect_hdr *h;
	struct collect_hdr one;
	bool resent = false;

	for (h = hdrs; h != NULL; h = h->h_link)
		if (hdr_flags(h->h_field) & HDR_RESENT)
			resent = true;
	for (h = hdrs; h != NULL; h = h->h_link) {
		unsigned f = hdr_flags(h->h_field);

		if (!(f & HDR_RCPT) || resent != ((f & HDR_RESENT) != 0))
			continue;
		one = *h;
		one.h_link = NULL;
		(void)hdr_recipients(&one, submit_gather, &it);
		submit_items_add(c, &it);
	}
}

/* May USER set the sender (-f)?  root, class t, TrustedUser. */
static bool
submit_trusted(const char *user)
{
	const struct conf *co = &readcf_config()->cf_conf;

	return getuid() == 0 || class_has('t', user) ||
	    (co->co_trusteduser != NULL &&
	    strcmp(co->co_trusteduser, user) == 0);
}

/*
 * An untrusted -f: sendmail's X-Authentication-Warning, placed (as there)
 * after the cf's header templates and before the message's own fields,
 * by handing it to hdr_submit as the first collected field.
 */
static void
submit_authwarn(const struct submit_args *a, const char *user,
    SM_RPOOL *pool, struct collect_result *res)
{
	const struct conf *co = &readcf_config()->cf_conf;
	const char *host = macro_get('j');
	struct collect_hdr *h;

	if (a->sa_from == NULL || submit_trusted(user) ||
	    !(co->co_privacyoptions & CONF_PRIV_AUTHWARNINGS))
		return;
	h = sm_rpool_zalloc_x(pool, sizeof(*h));
	h->h_field = sm_rpool_strdup_x(pool, "X-Authentication-Warning");
	h->h_value = sm_rpool_printf_x(pool, " %s: %s set sender to %s using "
	    "-f", host != NULL ? host : "localhost", user, a->sa_from);
	h->h_link = res->cr_hdrs;
	res->cr_hdrs = h;
	res->cr_nhdrs++;
}

/* The envelope of the new message before its recipients. */
static void
submit_head(const struct submit_args *a, struct queue_file *qf,
    const char *user)
{
	const char *host = macro_get('j');
	const char *from = a->sa_from != NULL ? a->sa_from : user;
	char b[300];

	qf->qf_sender = queue_file_strdup(qf, from);
	/* A (AUTH=): the sender, only when the user may set it (recorded) */
	if (a->sa_from == NULL || submit_trusted(user))
		qf->qf_auth = strchr(from, '@') != NULL || host == NULL ?
		    queue_file_strdup(qf, from) :
		    sm_rpool_printf_x(qf->qf_pool, "%s@%s", from, host);
	if (a->sa_envid != NULL)
		qf->qf_envid = queue_file_strdup(qf, a->sa_envid);
	if (a->sa_ret != NULL) {
		qf->qf_flags |= QUEUE_F_RETPARAM;
		if (strcasecmp(a->sa_ret, "hdrs") == 0)
			qf->qf_flags |= QUEUE_F_NOBODYRET;
	}
	qf->qf_flags |= QUEUE_F_SPLIT | (a->sa_tflag ? QUEUE_F_DELETEBCC : 0);
	(void)snprintf(b, sizeof(b), "%s@localhost", user);
	smtp_macro("_", b);
	smtp_macro("{daemon_flags}", "c u");
	smtp_macro("r", NULL);
	smtp_macro("s", NULL);
}

/* Read the message from FD into M's df. */
static int
submit_collect(int fd, const struct submit_args *a, struct queue_msg *m,
    SM_RPOOL *pool, struct collect_result *res)
{
	const struct conf *co = &readcf_config()->cf_conf;
	struct collect_opts o;
	SM_BUF *in = sm_buf_new(fd, -1), *df = sm_buf_new(-1, m->qm_dfd);
	int r;

	memset(&o, 0, sizeof(o));
	o.c_mode = COLLECT_STDIN;
	o.c_flags = (a->sa_ignoredots || co->co_ignoredots ?
	    COLLECT_F_IGNOREDOTS : 0) | (co->co_savefromline ?
	    COLLECT_F_SAVEFROM : 0) | (co->co_sevenbitinput ?
	    COLLECT_F_7BIT : 0);
	o.c_maxmsgsize = co->co_maxmessagesize;
	o.c_maxhdrslen = co->co_maxheaderslength;
	o.c_timeout_ms = -1;
	r = collect(in, &o, pool, df, res);
	sm_buf_free(df);
	sm_buf_free(in);
	return r;
}

/* The recipients: the arguments, or (-t) the header's. */
static int
submit_rcpts(struct submit_ctx *c, const struct collect_result *res)
{
	const struct submit_args *a = c->sc_args;
	SM_RPOOL *pool = sm_rpool_new_x();
	struct submit_items it = { NULL, 0, pool };

	if (a->sa_tflag)
		submit_hdr_rcpts(c, res->cr_hdrs, pool);
	for (int i = 0; i < a->sa_nrcpts; i++) {
		submit_split(&it, a->sa_rcpts[i]);
		submit_items_add(c, &it);
	}
	sm_rpool_free(pool);
	if (c->sc_qf->qf_nrcpts > 0)
		return 0;
	if (a->sa_tflag)
		(void)fprintf(stderr, "No recipient addresses found in "
		    "header\n");
	return -1;
}

/* Queue the collected message; its status. */
static int
submit_queue(struct submit_ctx *c, struct queue_msg *m,
    const struct collect_result *res, const char *relay)
{
	const struct conf *co = &readcf_config()->cf_conf;
	struct queue_file *qf = c->sc_qf;
	SM_STR *why = sm_str_new(SM_STR_NOMAX);
	char b[64];
	int r, mode = c->sc_args->sa_mode != 0 ? c->sc_args->sa_mode :
	    co->co_deliverymode != 0 ? co->co_deliverymode : 'b';

	smtp_macro("i", m->qm_id);
	if (sm_arpadate(time(NULL), b, sizeof(b)) == 0)
		smtp_macro("b", b);
	smtp_envelope(qf, res, (int)qf->qf_nrcpts, c->sc_args->sa_body);
	smtp_hdr_macros(qf, res, c->sc_args->sa_fullname,
	    (int)qf->qf_nrcpts);
	r = hdr_submit(qf, res->cr_hdrs, c->sc_args->sa_tflag ? HDR_F_TFLAG :
	    0, why);
	smtp_macro("u", NULL);
	if (r < 0 || queue_commit(m, qf, why) != 0) {
		(void)fprintf(stderr, "queue: %s\n", why->s_data);
		sm_log(LOG_ERR, m->qm_id, "SYSERR: queue: %s", why->s_data);
		queue_abort(m);
		sm_str_free(why);
		return EX_TEMPFAIL;
	}
	sm_str_free(why);
	smtp_log_from(m->qm_id, qf, res, (int)qf->qf_nrcpts,
	    c->sc_args->sa_body, relay);
	(void)deliver_committed(m, qf, mode);
	queue_unlock(m);
	return c->sc_status;
}

/* The name of the invoking user. */
static void
submit_user(char *buf, size_t size)
{
	const struct passwd *pw = getpwuid(getuid());
	const char *l = getenv("USER");

	if (pw != NULL)
		(void)sm_strlcpy(buf, pw->pw_name, size);
	else
		(void)sm_strlcpy(buf, l != NULL ? l : "nobody", size);
}

int
submit_stdin(int fd, const struct submit_args *a)
{
	const struct conf *co = &readcf_config()->cf_conf;
	struct submit_ctx c;
	struct queue_dir qd;
	struct queue_msg m;
	struct collect_result res;
	SM_RPOOL *pool;
	SM_STR *why;
	char user[256], relay[300];
	int st;

	if (!a->sa_tflag && a->sa_nrcpts == 0) {
		(void)fprintf(stderr, "Recipient names must be specified\n");
		return EX_USAGE;
	}
	why = sm_str_new(SM_STR_NOMAX);
	if (co->co_queuedirectory == NULL || queue_dir_open(&qd,
	    co->co_queuedirectory, co->co_queuefilemode != 0 ?
	    co->co_queuefilemode : 0600, why) != 0 ||
	    queue_new(&qd, &m, why) != 0) {
		(void)fprintf(stderr, "%s\n", why->s_len > 0 ? why->s_data :
		    "QueueDirectory not set");
		sm_str_free(why);
		return EX_CANTCREAT;
	}
	sm_str_free(why);
	memset(&c, 0, sizeof(c));
	c.sc_args = a;
	c.sc_qf = queue_file_new();
	c.sc_rflags = submit_notify(a->sa_notify);
	c.sc_status = EX_OK;
	pool = sm_rpool_new_x();
	submit_user(user, sizeof(user));
	(void)snprintf(relay, sizeof(relay), "%s@localhost", user);
	submit_head(a, c.sc_qf, user);
	memset(&res, 0, sizeof(res));
	if (submit_collect(fd, a, &m, pool, &res) != 0 ||
	    res.cr_status != COLLECT_OK) {
		(void)fprintf(stderr, "collect: %s\n", collect_reply(&res,
		    "localhost", c.sc_qf->qf_sender, "df", relay,
		    sizeof(relay)));
		queue_abort(&m);
		st = EX_DATAERR;
	} else if (submit_authwarn(a, user, pool, &res),
	    submit_rcpts(&c, &res) != 0) {
		queue_abort(&m);
		st = a->sa_tflag ? EX_OK : EX_USAGE;
	} else
		st = submit_queue(&c, &m, &res, relay);
	queue_file_free(c.sc_qf);
	free(c.sc_keys);
	sm_rpool_free(pool);
	queue_dir_close(&qd);
	return st;
}
