/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * headers.c -- the cf's H templates, the header table, a new message's
 * H lines (hdr_submit), -t recipients and the header a mailer gets
 * (hdr_put).  See headers.h; the facts come from sendmail 8.17.1.9 runs
 * recorded in test/unit/t_headers.c.
 *
 * Public: hdr_define hdr_reset hdr_ntemplates hdr_flags hdr_submit
 * hdr_recipients hdr_put hdr_addrlist.
 * Runs in the SMTP server, submission and delivery processes, as the
 * daemon's user; the template list is process-wide, built by readcf.
 */
#include "sendmail/headers.h"

#include "libsm/err.h"
#include "sendmail/conf.h"
#include "sendmail/macro.h"
#include "sendmail/msg.h"
#include "sendmail/parseaddr.h"
#include "sendmail/readcf.h"
#include "sendmail/token.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- the header table ---------------------------------------------------- */

/* sendmail's header table (conf.c HdrInfo): the facts, not the code. */
static const struct {
	const char	*name;
	unsigned	 flags;
} hdr_table[] = {
	{ "resent-sender",	HDR_FROM | HDR_RESENT },
	{ "resent-from",	HDR_FROM | HDR_RESENT },
	{ "resent-reply-to",	HDR_FROM | HDR_RESENT },
	{ "sender",		HDR_FROM },
	{ "from",		HDR_FROM },
	{ "reply-to",		HDR_FROM },
	{ "errors-to",		HDR_FROM | HDR_ERRORSTO },
	{ "full-name",		HDR_ACHECK },
	{ "return-receipt-to",	HDR_RECEIPTTO },
	{ "delivery-receipt-to", HDR_RECEIPTTO },
	{ "disposition-notification-to", HDR_FROM },
	{ "to",			HDR_RCPT },
	{ "resent-to",		HDR_RCPT | HDR_RESENT },
	{ "cc",			HDR_RCPT },
	{ "resent-cc",		HDR_RCPT | HDR_RESENT },
	{ "bcc",		HDR_RCPT | HDR_BCC },
	{ "resent-bcc",		HDR_RCPT | HDR_BCC | HDR_RESENT },
	{ "apparently-to",	HDR_RCPT },
	{ "message-id",		0 },
	{ "resent-message-id",	HDR_RESENT },
	{ "message",		HDR_EOH },
	{ "text",		HDR_EOH },
	{ "date",		0 },
	{ "resent-date",	HDR_RESENT },
	{ "received",		HDR_TRACE | HDR_FORCE },
	{ "x400-received",	HDR_TRACE | HDR_FORCE },
	{ "via",		HDR_TRACE | HDR_FORCE },
	{ "mail-from",		HDR_TRACE | HDR_FORCE },
	{ "comments",		HDR_FORCE | HDR_ENCODABLE },
	{ "return-path",	HDR_FORCE | HDR_ACHECK | HDR_BINDLATE },
	{ "content-transfer-encoding", HDR_CTE },
	{ "content-type",	HDR_CTYPE },
	{ "content-length",	HDR_ACHECK },
	{ "subject",		HDR_ENCODABLE },
	{ "x-authentication-warning", HDR_FORCE },
};

unsigned
hdr_flags(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(hdr_table) / sizeof(hdr_table[0]); i++)
		if (strcasecmp(name, hdr_table[i].name) == 0)
			return hdr_table[i].flags;
	return 0;
}

/* ---- templates ------------------------------------------------------------ */

struct hdr_tmpl {
	char	*ht_cond;	/* between the ?s, or NULL */
	char	*ht_name;
	char	*ht_value;	/* after the ':', raw (macro codes) */
};

static struct hdr_tmpl *hdr_tmpls;
static size_t	hdr_ntmpl, hdr_atmpl;

void
hdr_reset(void)
{
	size_t i;

	for (i = 0; i < hdr_ntmpl; i++) {
		free(hdr_tmpls[i].ht_cond);
		free(hdr_tmpls[i].ht_name);
		free(hdr_tmpls[i].ht_value);
	}
	free(hdr_tmpls);
	hdr_tmpls = NULL;
	hdr_ntmpl = hdr_atmpl = 0;
}

size_t
hdr_ntemplates(void)
{
	return hdr_ntmpl;
}

static int
hdr_syntax(const char **errp)
{
	if (errp != NULL)
		*errp = "header syntax error";
	return -1;
}

int
hdr_define(const char *text, const char **errp)
{
	const char *p = text, *cond = NULL, *name;
	size_t condlen = 0, namelen;
	struct hdr_tmpl *t;

	if (*p == '?') {
		cond = ++p;
		if ((p = strchr(p, '?')) == NULL)
			return hdr_syntax(errp);
		condlen = (size_t)(p - cond);
		p++;
	}
	name = p;
	while (*p > ' ' && *p < 0x7f && *p != ':')
		p++;
	namelen = (size_t)(p - name);
	while (*p == ' ' || *p == '\t')
		p++;
	if (namelen == 0 || *p != ':')
		return hdr_syntax(errp);
	if (hdr_ntmpl == hdr_atmpl) {
		hdr_atmpl = hdr_atmpl == 0 ? 16 : hdr_atmpl * 2;
		hdr_tmpls = sm_realloc_x(hdr_tmpls,
		    hdr_atmpl * sizeof(*hdr_tmpls));
	}
	t = &hdr_tmpls[hdr_ntmpl++];
	t->ht_cond = cond == NULL ? NULL : sm_strndup_x(cond, condlen);
	t->ht_name = sm_strndup_x(name, namelen);
	t->ht_value = sm_strdup_x(p + 1);
	return 0;
}

/* ---- helpers -------------------------------------------------------------- */

/* Widest line of an address list (sendmail: 78, or a mailer's L= - 2). */
#define HDR_OMAX	78

int
hdr_addrlist(const char *value,
    int (*fn)(void *ctx, const char *addr, size_t len), void *ctx)
{
	const char *p = value, *start = value;
	int quote = 0, comment = 0, angle = 0, n = 0;

	for (;; p++) {
		if (*p == '\0' || (*p == ',' && !quote && comment == 0 &&
		    angle == 0)) {
			const char *s = start, *e = p;

			while (s < e && (*s == ' ' || *s == '\t' ||
			    *s == '\n' || *s == '\r'))
				s++;
			while (e > s && (e[-1] == ' ' || e[-1] == '\t' ||
			    e[-1] == '\n' || e[-1] == '\r'))
				e--;
			if (e > s) {
				if (fn(ctx, s, (size_t)(e - s)) < 0)
					return -1;
				n++;
			}
			if (*p == '\0')
				return n;
			start = p + 1;
			continue;
		}
		if (*p == '\\' && p[1] != '\0')
			p++;
		else if (*p == '"' && comment == 0)
			quote = !quote;
		else if (quote)
			continue;
		else if (*p == '(')
			comment++;
		else if (*p == ')' && comment > 0)
			comment--;
		else if (comment > 0)
			continue;
		else if (*p == '<')
			angle++;
		else if (*p == '>' && angle > 0)
			angle--;
	}
}

/* Append LEN bytes of ADDR to S, each line break and the white space
 * after it becoming one space. */
static void
hdr_add_unfolded(SM_STR *s, const char *addr, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		if (addr[i] == '\n') {
			while (i + 1 < len && (addr[i + 1] == ' ' ||
			    addr[i + 1] == '\t'))
				i++;
			(void)sm_str_addc(s, ' ');
		} else
			(void)sm_str_addc(s, addr[i]);
	}
}

/* An address list being joined: sendmail's layout puts ", " between
 * addresses and starts a new line of 8 spaces when the line would pass
 * column HJ_OMAX (counted from the field name, "To: " included). */
struct hdr_join {
	SM_STR	*hj_out;
	size_t	 hj_col;	/* column after the last address */
	size_t	 hj_omax;
	bool	 hj_first;
};

static void
hdr_join_add(struct hdr_join *j, const char *addr, size_t len)
{
	if (j->hj_first)
		j->hj_col += len;
	else if (j->hj_col + 2 + len > j->hj_omax) {
		(void)sm_str_adds(j->hj_out, ",\n        ");
		j->hj_col = 8 + len;
	} else {
		(void)sm_str_adds(j->hj_out, ", ");
		j->hj_col += 2 + len;
	}
	(void)sm_str_add(j->hj_out, addr, len);
	j->hj_first = false;
}

/* hdr_addrlist callback: join the pieces as above; a line break inside
 * an address stays (recorded: "Bob\n Smith <b@x.org>" is kept). */
static int
hdr_join_cb(void *ctx, const char *addr, size_t len)
{
	hdr_join_add(ctx, addr, len);
	return 0;
}

/* Is a field named NAME among HDRS, SKIP (may be NULL) not counted? */
static bool
hdr_has_but(const struct collect_hdr *hdrs, const char *name,
    const struct collect_hdr *skip)
{
	for (; hdrs != NULL; hdrs = hdrs->h_link)
		if (hdrs != skip && strcasecmp(hdrs->h_field, name) == 0)
			return true;
	return false;
}

/* Is a field named NAME among HDRS? */
static bool
hdr_has(const struct collect_hdr *hdrs, const char *name)
{
	return hdr_has_but(hdrs, name, NULL);
}

/* Does HDRS hold any field whose flags have all of ALL and none of NONE? */
static bool
hdr_any(const struct collect_hdr *hdrs, unsigned all, unsigned none)
{
	unsigned f;

	for (; hdrs != NULL; hdrs = hdrs->h_link) {
		f = hdr_flags(hdrs->h_field);
		if ((f & all) == all && (f & none) == 0)
			return true;
	}
	return false;
}

/* Only white space in S? */
static bool
hdr_blank(const char *s)
{
	for (; *s != '\0'; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n')
			return false;
	return true;
}

/* sendmail's qf keeps a message's bytes 0x80-0x9f and 0xff behind a 0xff,
 * so that none reads back as a macro code (recorded: "a\200b" is stored
 * "a\377\200b", 0xa0-0xfe as they are). */
static bool
hdr_needs_quote(unsigned char c)
{
	return (c >= 0x80 && c <= 0x9f) || c == 0xff;
}

static void
hdr_quote(SM_STR *dst, const char *src)
{
	for (; *src != '\0'; src++) {
		if (hdr_needs_quote((unsigned char)*src))
			(void)sm_str_addc(dst, 0xff);
		(void)sm_str_addc(dst, (unsigned char)*src);
	}
}

/* The value of a qf H line as the message had it: the 0xff quotes off. */
static void
hdr_unquote(SM_STR *dst, const char *src)
{
	for (; *src != '\0'; src++) {
		if ((unsigned char)*src == 0xff && src[1] != '\0')
			src++;
		(void)sm_str_addc(dst, (unsigned char)*src);
	}
}

/* A qf cond for template cond COND: mailer flags as they are, a macro
 * code as "${name}" (recorded: "H?${client_addr}?X-Client: ..."). */
static void
hdr_cond_text(SM_STR *dst, const char *cond)
{
	if ((unsigned char)cond[0] == TOKEN_MACROEXPAND && cond[1] != '\0')
		(void)sm_str_addf(dst, "${%s}",
		    macro_name((unsigned char)cond[1]));
	else
		(void)sm_str_adds(dst, cond);
}

/* ---- hdr_submit ----------------------------------------------------------- */

/* Template T for a message whose fields are HDRS (RESENT: it has a
 * Resent- field): add it to QF if it applies.  Returns 1 when a trace
 * field was added (it counts as a hop), else 0. */
static int
hdr_submit_tmpl(struct queue_file *qf, const struct hdr_tmpl *t,
    const struct collect_hdr *hdrs, bool resent,
    const struct collect_hdr *drop)
{
	unsigned f = hdr_flags(t->ht_name);
	char buf[MACRO_BUFSIZE];
	SM_STR *cond;
	int hop = 0;

	if ((f & HDR_RESENT) && !resent)
		return 0;
	if (!(f & HDR_FORCE) && hdr_has_but(hdrs, t->ht_name, drop))
		return 0;
	cond = sm_str_new(0);
	if (t->ht_cond != NULL)
		hdr_cond_text(cond, t->ht_cond);
	if (f & HDR_BINDLATE)
		(void)queue_file_add_header(qf, sm_str_data(cond),
		    t->ht_name, t->ht_value);
	else {
		(void)macro_expand(t->ht_value, buf, sizeof(buf));
		if (!hdr_blank(buf)) {
			(void)queue_file_add_header(qf, sm_str_data(cond),
			    t->ht_name, buf);
			hop = (f & HDR_TRACE) ? 1 : 0;
		}
	}
	sm_str_free(cond);
	return hop;
}

/*
 * The white space between an address field's colon and its first
 * address, kept as the field had it: sendmail lays the list out again
 * but leaves "To:rich" without a space (recorded lecture 5.5/5.6, raw
 * mbox of 8.17.1.9: "To:rich", "cc:jessica", "From:\"Rich Blum\"
 * <rich@mta.example.org>").  A value that starts on the next line gets
 * one space.
 */
static void
hdr_add_lead(SM_STR *out, const char *value)
{
	size_t n = strspn(value, " \t");

	if (n == 0 && value[0] == '\n')
		(void)sm_str_addc(out, ' ');
	else
		(void)sm_str_add(out, value, n);
}

/* The message's own field H, as the qf keeps it: address fields as a
 * list laid out again. */
static void
hdr_submit_field(struct queue_file *qf, const struct collect_hdr *h)
{
	unsigned f = hdr_flags(h->h_field);
	struct hdr_join j;
	SM_STR *q = sm_str_new(0);

	if (!(f & (HDR_FROM | HDR_RCPT)) || hdr_blank(h->h_value)) {
		hdr_quote(q, h->h_value);
		(void)queue_file_add_header(qf, "", h->h_field, sm_str_data(q));
		sm_str_free(q);
		return;
	}
	j.hj_out = sm_str_new(0);
	hdr_add_lead(j.hj_out, h->h_value);
	j.hj_col = strlen(h->h_field) + 1 + sm_str_len(j.hj_out);
	j.hj_omax = HDR_OMAX;
	j.hj_first = true;
	(void)hdr_addrlist(h->h_value, hdr_join_cb, &j);
	hdr_quote(q, sm_str_data(j.hj_out));
	(void)queue_file_add_header(qf, "", h->h_field, sm_str_data(q));
	sm_str_free(j.hj_out);
	sm_str_free(q);
}

/* NoRecipientAction for a message without recipient fields: 8.17 adds
 * one field per recipient, the last R line first, or a single one. */
static void
hdr_submit_norcpt(struct queue_file *qf)
{
	const struct conf *co = &readcf_config()->cf_conf;
	SM_STR *v;
	size_t i;

	switch (co->co_norecipientaction) {
	case CONF_NRA_ADD_TO:
	case CONF_NRA_ADD_APPARENTLY_TO:
		v = sm_str_new(0);
		for (i = qf->qf_nrcpts; i-- > 0;) {
			(void)sm_str_sets(v, " ");
			(void)sm_str_adds(v, qf->qf_rcpts[i].qr_addr);
			(void)queue_file_add_header(qf, "",
			    co->co_norecipientaction == CONF_NRA_ADD_TO ?
			    "To" : "Apparently-To", sm_str_data(v));
		}
		sm_str_free(v);
		break;
	case CONF_NRA_ADD_BCC:
		(void)queue_file_add_header(qf, "", "Bcc", "  ");
		break;
	case CONF_NRA_ADD_TO_UNDISCLOSED:
		(void)queue_file_add_header(qf, "", "To",
		    " undisclosed-recipients:;");
		break;
	default:
		break;
	}
}

/* Is VALUE (white space around it cut) the string S? */
static bool
hdr_value_is(const char *value, const char *s)
{
	size_t len;

	while (*value == ' ' || *value == '\t' || *value == '\n')
		value++;
	len = strlen(value);
	while (len > 0 && (value[len - 1] == ' ' || value[len - 1] == '\t' ||
	    value[len - 1] == '\n'))
		len--;
	return strlen(s) == len && strncmp(value, s, len) == 0;
}

/*
 * The message's own From: (Resent-From: in a resent message) when it
 * says no more than what the cf's From template would make: sendmail
 * drops it when the envelope sender goes by a local mailer (F=l) and
 * the field's value is the sender as given or its user part (as MH
 * writes "From: rich"), so the template puts in the full name:
 * recorded lecture 5.5, "From:rich" from rich@localhost became "From:
 * Rich Blum <rich@mta.example.org>" in the template's place.  NULL: none.
 */
static const struct collect_hdr *
hdr_dropfrom(const struct queue_file *qf, const struct collect_hdr *hdrs,
    bool resent)
{
	const struct collect_hdr *h, *drop = NULL;
	const char *name = resent ? "resent-from" : "from";
	char *copy;
	ADDRESS a;
	FILE *old = msg_out(), *null;
	char br[1100];

	for (h = hdrs; h != NULL && drop == NULL; h = h->h_link)
		if (strcasecmp(h->h_field, name) == 0)
			drop = h;
	if (drop == NULL || qf->qf_sender == NULL || *qf->qf_sender == '\0')
		return NULL;
	(void)snprintf(br, sizeof(br), "<%s>", qf->qf_sender);
	copy = sm_strdup_x(qf->qf_sender);
	null = fopen("/dev/null", "w");	/* the parser's complaints */
	if (null != NULL)
		msg_set_out(null);
	memset(&a, 0, sizeof(a));
	if (parseaddr(copy, &a, PA_SENDERADDR) == NULL || a.q_bad ||
	    a.q_mailer == NULL || !mailer_flag(a.q_mailer, 'l') ||
	    !(hdr_value_is(drop->h_value, qf->qf_sender) ||
	    hdr_value_is(drop->h_value, br) ||
	    (a.q_user != NULL && hdr_value_is(drop->h_value, a.q_user))))
		drop = NULL;
	if (null != NULL) {
		msg_set_out(old == stdout ? NULL : old);
		(void)fclose(null);
	}
	parseaddr_free(&a);
	free(copy);
	return drop;
}

int
hdr_submit(struct queue_file *qf, const struct collect_hdr *hdrs,
    unsigned flags, SM_STR *why)
{
	const struct collect_hdr *h, *drop;
	bool resent = hdr_any(hdrs, HDR_RESENT, 0);
	int hops = 0;
	size_t i;

	(void)why;
	drop = hdr_dropfrom(qf, hdrs, resent);
	for (i = 0; i < hdr_ntmpl; i++)
		hops += hdr_submit_tmpl(qf, &hdr_tmpls[i], hdrs, resent, drop);
	for (h = hdrs; h != NULL; h = h->h_link) {
		if (hdr_flags(h->h_field) & HDR_TRACE)
			hops++;
		if (h != drop)
			hdr_submit_field(qf, h);
	}
	/* sendmail 8.17 sets 'b' when a To, Cc or Apparently-To names
	 * recipients, unless a Bcc came without -t (twelve recorded runs) */
	if (hdr_any(hdrs, HDR_RCPT, HDR_BCC | HDR_RESENT) &&
	    ((flags & HDR_F_TFLAG) || !hdr_has(hdrs, "bcc")))
		qf->qf_flags |= QUEUE_F_DELETEBCC;
	/* Bcc counts here, Resent- fields do not (recorded) */
	if (!hdr_any(hdrs, HDR_RCPT, HDR_RESENT))
		hdr_submit_norcpt(qf);
	return hops;
}

/* ---- hdr_recipients ------------------------------------------------------- */

struct hdr_rcpt_ctx {
	int	(*add)(void *ctx, const char *addr);
	void	*ctx;
};

static int
hdr_rcpt_cb(void *ctx, const char *addr, size_t len)
{
	struct hdr_rcpt_ctx *rc = ctx;
	SM_STR *s = sm_str_new(0);
	int r;

	hdr_add_unfolded(s, addr, len);
	r = rc->add(rc->ctx, sm_str_data(s));
	sm_str_free(s);
	return r < 0 ? -1 : 0;
}

int
hdr_recipients(const struct collect_hdr *hdrs,
    int (*add)(void *ctx, const char *addr), void *ctx)
{
	struct hdr_rcpt_ctx rc = { add, ctx };
	bool resent = hdr_any(hdrs, HDR_RESENT, 0);
	const struct collect_hdr *h;
	unsigned f;
	int n = 0, k;

	for (h = hdrs; h != NULL; h = h->h_link) {
		f = hdr_flags(h->h_field);
		if (!(f & HDR_RCPT) || resent != ((f & HDR_RESENT) != 0))
			continue;
		if ((k = hdr_addrlist(h->h_value, hdr_rcpt_cb, &rc)) < 0)
			return -1;
		n += k;
	}
	return n;
}

/* ---- hdr_put -------------------------------------------------------------- */

/* Does the ?COND? of a qf line let it go to mailer M? */
static bool
hdr_cond_ok(const char *cond, const MAILER *m)
{
	const char *v;

	if (cond == NULL || *cond == '\0')
		return true;
	if ((unsigned char)cond[0] == TOKEN_MACROEXPAND && cond[1] != '\0') {
		v = macro_get((unsigned char)cond[1]);
		return v != NULL && *v != '\0';
	}
	if (cond[0] == '$') {
		int id = 0;

		if (cond[1] == '{' && cond[2] != '\0') {
			char name[128];
			size_t n = strcspn(cond + 2, "}");

			if (n < sizeof(name)) {
				memcpy(name, cond + 2, n);
				name[n] = '\0';
				id = n == 1 ? (unsigned char)name[0] :
				    macro_find_id(name);
			}
		} else if (cond[1] != '\0')
			id = (unsigned char)cond[1];
		v = id > 0 ? macro_get(id) : NULL;
		return v != NULL && *v != '\0';
	}
	if (m == NULL)
		return true;
	for (; *cond != '\0'; cond++)
		if (mailer_flag(m, (unsigned char)*cond))
			return true;
	return false;
}

/* Append VALUE to OUT, its line breaks becoming EOL. */
static void
hdr_put_value(SM_STR *out, const char *value, const char *eol)
{
	const char *nl;

	while ((nl = strchr(value, '\n')) != NULL) {
		(void)sm_str_add(out, value, (size_t)(nl - value));
		(void)sm_str_adds(out, eol);
		value = nl + 1;
	}
	(void)sm_str_adds(out, value);
}

struct hdr_put_ctx {
	struct hdr_join	 join;
	const MAILER	*m;
	int		 flags;		/* PA_ flags for remotename */
};

static int
hdr_put_addr_cb(void *ctx, const char *addr, size_t len)
{
	struct hdr_put_ctx *pc = ctx;
	SM_STR *a = sm_str_new(0);
	const char *r;
	int rcode = 0;

	if (pc->m != NULL) {
		hdr_add_unfolded(a, addr, len);
		r = parseaddr_remotename(sm_str_data(a), pc->m, pc->flags,
		    &rcode);
	} else {
		(void)sm_str_add(a, addr, len);
		r = sm_str_data(a);
	}
	hdr_join_add(&pc->join, r, strlen(r));
	sm_str_free(a);
	return 0;
}

/* One H line H to OUT for M. */
static void
hdr_put_one(SM_STR *out, const struct queue_header *h, const MAILER *m,
    unsigned flags, const char *eol)
{
	unsigned f = hdr_flags(h->qh_name);
	char buf[MACRO_BUFSIZE];
	const char *value = h->qh_value == NULL ? "" : h->qh_value;
	struct hdr_put_ctx pc;
	SM_STR *uq = sm_str_new(0);

	/* a cf template's macros ($g of Return-Path) get their values now */
	if (h->qh_cond != NULL && *h->qh_cond != '\0') {
		(void)macro_expand(value, buf, sizeof(buf));
		value = buf;
	}
	hdr_unquote(uq, value);
	value = sm_str_data(uq);
	(void)sm_str_adds(out, h->qh_name);
	(void)sm_str_addc(out, ':');
	if ((f & (HDR_FROM | HDR_RCPT)) && !hdr_blank(value)) {
		size_t before = sm_str_len(out);

		pc.join.hj_out = sm_str_new(0);
		hdr_add_lead(out, value);
		pc.join.hj_col = strlen(h->qh_name) + 1 +
		    (sm_str_len(out) - before);
		pc.join.hj_omax = m != NULL && m->m_linelimit > 0 &&
		    m->m_linelimit < 2048 ? (size_t)m->m_linelimit - 2 :
		    HDR_OMAX;
		pc.join.hj_first = true;
		pc.m = (flags & HDR_P_RAW) ? NULL : m;
		pc.flags = PA_HEADERADDR |
		    ((f & HDR_FROM) ? PA_SENDERADDR : 0);
		(void)hdr_addrlist(value, hdr_put_addr_cb, &pc);
		hdr_put_value(out, sm_str_data(pc.join.hj_out), eol);
		sm_str_free(pc.join.hj_out);
	} else
		hdr_put_value(out, value, eol);
	(void)sm_str_adds(out, eol);
	sm_str_free(uq);
}

int
hdr_put(SM_STR *out, const struct queue_file *qf, const MAILER *m,
    unsigned flags, SM_STR *why)
{
	const char *eol = m != NULL && m->m_eol != NULL ? m->m_eol : "\n";
	const struct queue_header *h;
	SM_STR *tmp = sm_str_new(0);
	size_t i;
	unsigned f;
	int rc = 0;

	for (i = 0; i < qf->qf_nhdrs; i++) {
		h = &qf->qf_hdrs[i];
		if (!hdr_cond_ok(h->qh_cond, m))
			continue;
		f = hdr_flags(h->qh_name);
		/* Bcc never reaches a mailer (recorded with and without
		 * the qf's 'b' flag) */
		if ((f & HDR_BCC) && !(flags & HDR_P_KEEPBCC))
			continue;
		/* the message's own Return-Path, Full-Name, Content-Length
		 * are dropped: only the cf's conditional ones go out */
		if ((f & HDR_ACHECK) && (h->qh_cond == NULL ||
		    *h->qh_cond == '\0'))
			continue;
		hdr_put_one(tmp, h, m, flags, eol);
	}
	/* built apart, so that OUT's maximum fails the whole header */
	if (sm_str_add(out, sm_str_data(tmp), sm_str_len(tmp)) < 0) {
		if (why != NULL)
			(void)sm_str_sets(why, "header too long for output");
		rc = -1;
	}
	sm_str_free(tmp);
	return rc;
}
