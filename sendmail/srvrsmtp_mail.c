/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * srvrsmtp_mail.c -- the envelope commands of the SMTP server: MAIL and
 * RCPT with their ESMTP parameters (SIZE BODY RET ENVID; NOTIFY ORCPT),
 * VRFY and EXPN, and the check_* rulesets (check_mail, check_rcpt, and
 * smtp_rscheck for the others).
 *
 * Public: smtp_params smtp_rscheck, and for the session smtp_do_mail
 * smtp_do_rcpt smtp_do_vrfy smtp_txn_reset.
 *
 * Reply texts are sendmail 8.17's (recorded, test/protocol/data/smtp/),
 * except where the issue asks for more care: SIZE=abc, and ENVID/ORCPT
 * whose xtext decodes to anything but printable ASCII, are refused with
 * 501 (sendmail accepts them).
 *
 * Runs in the SMTP session process.
 */
#include "sendmail/srvrsmtp_int.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <syslog.h>

#include "libsm/err.h"
#include "libsm/log.h"
#include "libsm/strl.h"
#include "libsm/xtext.h"
#include "sendmail/macro.h"
#include "sendmail/mailer.h"
#include "sendmail/msg.h"
#include "sendmail/parseaddr.h"
#include "sendmail/rewrite.h"
#include "sendmail/token.h"

/* ---- parameters --------------------------------------------------------- */

int
smtp_params(char *p, struct smtp_param *v, int max)
{
	int n = 0;

	for (;;) {
		while (*p == ' ' || *p == '\t')
			*p++ = '\0';
		if (*p == '\0')
			return n;
		if (n == max)
			return -1;
		v[n].sp_key = p;
		v[n].sp_val = NULL;
		while (*p != '\0' && *p != ' ' && *p != '\t' && *p != '=')
			p++;
		if (*p == '=') {
			*p++ = '\0';
			v[n].sp_val = p;
			while (*p != '\0' && *p != ' ' && *p != '\t')
				p++;
		}
		n++;
	}
}

/* Decode xtext VAL; 0 when it is valid and decodes to printable ASCII. */
static int
smtp_xtext_ok(const char *val)
{
	SM_STR *d = sm_str_new(SM_STR_NOMAX);
	int ok = sm_xtext_decode(d, val, strlen(val), SM_XTEXT_LOWERHEX,
	    NULL) == 0 && sm_xtext_printable(d->s_data, d->s_len);

	sm_str_free(d);
	return ok ? 0 : -1;
}

/* ---- messages of the address parser as replies --------------------------- */

/*
 * The address parser reports through msg.h (text without its codes):
 * catch the first line it prints while parsing.
 */
struct smtp_capture {
	FILE	*sc_old;
	FILE	*sc_fp;
	char	*sc_buf;
	size_t	 sc_len;
	int	 sc_errs;
	int	 sc_verbose;	/* msg.h's, put back at the end */
};

static void
smtp_capture_begin(struct smtp_capture *c, const char *to)
{
	c->sc_old = msg_out();
	c->sc_buf = NULL;
	c->sc_len = 0;
	c->sc_fp = open_memstream(&c->sc_buf, &c->sc_len);
	if (c->sc_fp != NULL)
		msg_set_out(c->sc_fp);
	(void)msg_set_to(to);
	c->sc_errs = msg_errors();
	/* informational lines (a deferral's "Transient parse error") are
	 * not the client's: sendmail shows them only with Verbose */
	c->sc_verbose = msg_set_verbose(0);
}

/* End the capture; the first line caught (or "") into BUF. Returns
 * whether an error was counted. */
static bool
smtp_capture_end(struct smtp_capture *c, char *buf, size_t size)
{
	buf[0] = '\0';
	(void)msg_set_to(NULL);
	(void)msg_set_verbose(c->sc_verbose);
	msg_set_out(c->sc_old);
	if (c->sc_fp != NULL) {
		(void)fclose(c->sc_fp);
		if (c->sc_buf != NULL)
			(void)smtp_printable(buf, size, c->sc_buf,
			    strcspn(c->sc_buf, "\n"));
		free(c->sc_buf);
	}
	return msg_errors() != c->sc_errs;
}

/*
 * The reply for an $#error: TEXT ("550 Relaying denied", or a text
 * without a code), STATUS its $@ (NULL: none), WHO the address shown.
 */
static void
smtp_error_reply(const char *text, const char *status, const char *who,
    SM_STR *reply)
{
	char code[4] = "553", shown[SMTP_MAXREPLY], who7[SMTP_MAXREPLY];
	bool temp = status != NULL && status[0] == '4';

	/* the text and the address may hold the client's bytes */
	(void)smtp_printable(shown, sizeof(shown), text, strlen(text));
	text = shown;
	if (who != NULL) {
		(void)smtp_printable(who7, sizeof(who7), who, strlen(who));
		who = who7;
	}

	if (temp)
		(void)sm_strlcpy(code, "451", sizeof(code));
	if (isdigit((unsigned char)text[0]) && isdigit((unsigned char)text[1])
	    && isdigit((unsigned char)text[2]) && (text[3] == ' ' ||
	    text[3] == '\0')) {
		memcpy(code, text, 3);
		text += text[3] == ' ' ? 4 : 3;
	}
	if (status == NULL || !isdigit((unsigned char)status[0]) ||
	    status[1] != '.' || !sm_xtext_printable(status, strlen(status)) ||
	    strchr(status, ' ') != NULL)
		status = code[0] == '4' ? "4.0.0" : "5.0.0";
	sm_str_truncate(reply, 0);
	(void)sm_str_addf(reply, "%s %s ", code, status);
	if (who != NULL && (strcmp(code, "550") == 0 ||
	    strcmp(code, "553") == 0 || strcmp(code, "450") == 0))
		(void)sm_str_addf(reply, "%s... ", who);
	(void)sm_str_adds(reply, text);
}

/* ---- check_* rulesets ---------------------------------------------------- */

/*
 * Drop the double quotes of the text an error mailer's $: gives (quoted
 * pieces and macro values are joined as sendmail joins them: "550 Relaying
 * denied. IP name lookup failed "[127.0.0.2] reads without its quotes); a
 * backslash keeps the quote after it.
 */
static void
smtp_unquote(char *buf, size_t len)
{
	size_t i, o = 0;
	bool esc = false;

	for (i = 0; i < len && buf[i] != '\0'; i++) {
		if (buf[i] == '"' && !esc)
			continue;
		esc = buf[i] == '\\' && !esc;
		buf[o++] = buf[i];
	}
	buf[o] = '\0';
}

/* The tokens from I up to the next $@ / $: / end, joined and unquoted. */
static void
smtp_rs_part(const struct token **pv, int n, int i, char *buf, size_t size)
{
	int j = i;
	size_t len;

	while (j < n && TOKEN_C0(pv[j]) != TOKEN_CANONHOST &&
	    TOKEN_C0(pv[j]) != TOKEN_CANONUSER)
		j++;
	len = token_cat(pv + i, j - i, buf, size, ' ', 1);
	smtp_unquote(buf, len);
}

/* Index of the token after the first one with code C, or -1. */
static int
smtp_rs_after(const struct token **pv, int n, int c)
{
	for (int i = 0; i < n; i++)
		if (TOKEN_C0(pv[i]) == c && pv[i]->t_len == 1)
			return i + 1;
	return -1;
}

int
smtp_rscheck(const char *rsname, const char *arg1, const char *arg2,
    const char *who, SM_STR *reply)
{
	static const struct token *pv[TOKEN_MAXATOM + 1];
	char buf[TOKEN_PSBUFSIZE], text[TOKEN_PSBUFSIZE], status[64];
	int rs = rewrite_rsnum(rsname, NULL, 0), n, i, j;
	struct smtp_capture c;

	if (rs < 0 || !rewrite_rshas_rules(rs))
		return SMTP_RS_OK;
	if (arg2 != NULL)
		(void)snprintf(buf, sizeof(buf), "%s%c%s", arg1,
		    TOKEN_CONDELSE, arg2);
	else
		(void)sm_strlcpy(buf, arg1, sizeof(buf));
	smtp_capture_begin(&c, NULL);
	n = token_scan(buf, '\0', TOKEN_TAB_NOC, 0, pv, TOKEN_MAXATOM, NULL);
	if (n > 0)
		(void)rewrite(pv, &n, TOKEN_MAXATOM, rs, 0);
	(void)smtp_capture_end(&c, text, sizeof(text));
	if (n < 2 || TOKEN_C0(pv[0]) != TOKEN_CANONNET)
		return SMTP_RS_OK;
	if (strcasecmp(pv[1]->t_s, "discard") == 0)
		return SMTP_RS_DISCARD;
	if (strcasecmp(pv[1]->t_s, "error") != 0)
		return SMTP_RS_OK;
	status[0] = '\0';
	if ((i = smtp_rs_after(pv, n, TOKEN_CANONHOST)) > 0)
		smtp_rs_part(pv, n, i, status, sizeof(status));
	j = smtp_rs_after(pv, n, TOKEN_CANONUSER);
	text[0] = '\0';
	if (j > 0)
		smtp_rs_part(pv, n, j, text, sizeof(text));
	smtp_error_reply(text, status[0] != '\0' ? status : NULL, who, reply);
	return SMTP_RS_REJECT;
}

/* ---- the transaction -------------------------------------------------- */

void
smtp_txn_reset(struct smtp_sess *s)
{
	/* a transaction given up before its message (RSET, QUIT, HELO, a
	 * lost connection) is logged as sendmail does: size=0, no msgid */
	if (s->ss_havemail && s->ss_qf != NULL &&
	    s->ss_qf->qf_sender != NULL) {
		struct collect_result none;

		memset(&none, 0, sizeof(none));
		smtp_log_from(smtp_logid(s), s->ss_qf, &none, s->ss_ntried,
		    NULL, s->ss_relay);
	}
	s->ss_ntried = 0;
	queue_file_free(s->ss_qf);
	s->ss_qf = NULL;
	sm_rpool_free(s->ss_pool);
	s->ss_pool = NULL;
	s->ss_havemail = false;
	s->ss_sender = NULL;
	s->ss_size = 0;
	s->ss_body = SMTP_BODY_NONE;
	s->ss_discard = false;
	s->ss_nrcpts = 0;
	free(s->ss_keys);
	s->ss_keys = NULL;
	s->ss_nkeys = 0;
	smtp_macro("{mail_addr}", NULL);
	smtp_macro("{mail_host}", NULL);
	smtp_macro("{mail_mailer}", NULL);
	smtp_macro("{nrcpts}", NULL);
}

/*
 * "FROM:" / "TO:" at ARG: the address after it (blanks skipped), or NULL
 * after the 501 that names the word found.
 */
static char *
smtp_keyword(struct smtp_sess *s, char *arg, const char *kw)
{
	size_t w = strcspn(arg, ": \t"), k = strlen(kw);
	char word[64];
	char *p = arg + w;

	if (w == k && strncasecmp(arg, kw, k) == 0 && *p == ':') {
		p++;
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p != '\0')
			return p;
	}
	(void)smtp_printable(word, sizeof(word), arg, w);
	smtp_reply(s, "501 5.5.2 Syntax error in parameters scanning \"%s\"",
	    word);
	return NULL;
}

/*
 * The reply and enhanced codes of a message of the address parser (msg.h
 * prints it without them; the codes are those of its format strings,
 * 5.1.3 for a recipient where a sender gets 5.1.7, as recorded).
 */
static const char *
smtp_parse_code(const char *err, int flags)
{
	static const struct {
		const char *text, *code;	/* code "" : 501 5.1.3 / 7 */
	} t[] = {
		{ "Syntax error in mailbox address", "" },
		{ "8-bit character in mailbox address", "" },
		{ "Address too long", "553 5.1.1" },
		{ "prescan: ", "553 5.1.0" },
		{ "Address \"", "553 5.1.0" },
		{ "Invalid sender address", "553 5.1.7" },
	};
	const char *p = strstr(err, "... ");

	p = p != NULL ? p + 4 : err;
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		if (strncmp(p, t[i].text, strlen(t[i].text)) == 0) {
			if (t[i].code[0] != '\0')
				return t[i].code;
			return (flags & PA_SENDERADDR) ? "501 5.1.7" :
			    "501 5.1.3";
		}
	return "553 5.0.0";
}

/*
 * Parse the address at P (to the first blank outside <> and quotes)
 * into A; *RESTP gets the parameters.  Returns 0, 1 when a lookup was
 * deferred (the address is queued), or -1 after the reply.
 */
static int
smtp_parse(struct smtp_sess *s, char *p, ADDRESS *a, int flags,
    char **restp)
{
	struct smtp_capture c;
	char err[SMTP_MAXREPLY], *end = NULL;
	ADDRESS *r;
	bool bad;

	memset(a, 0, sizeof(*a));
	smtp_capture_begin(&c, p);
	r = parseaddr_delim(p, ' ', &end, a, flags);
	bad = smtp_capture_end(&c, err, sizeof(err));
	*restp = end != NULL ? end : p + strlen(p);
	if (r != NULL && r->q_bad == 2 && !bad)
		return 1;	/* a lookup deferred: queue it */
	if (r != NULL && r->q_bad != 0 && r->q_user != NULL &&
	    r->q_mailer == mailer_error()) {
		size_t n = strlen(r->q_user);

		(void)sm_strlcpy(err, r->q_user, sizeof(err));
		if (n >= 2 && n < sizeof(err) && err[0] == '"' &&
		    err[n - 1] == '"') {
			memmove(err, err + 1, n - 2);
			err[n - 2] = '\0';
		}
		smtp_error_reply(err, r->q_status, a->q_paddr, s->ss_reply);
		smtp_reply_str(s, s->ss_reply->s_data);
		return -1;
	}
	if (r == NULL || bad || r->q_bad != 0) {
		smtp_reply(s, "%s %s", smtp_parse_code(err, flags),
		    err[0] != '\0' ? err : "Invalid address");
		return -1;
	}
	return 0;
}

/* A MAIL parameter; 0, or -1 after the reply. */
static int
smtp_mail_param(struct smtp_sess *s, const struct smtp_param *pa)
{
	char shown[128];
	const char *v = pa->sp_val != NULL ? pa->sp_val : "";
	long long max = s->ss_cf->co_maxmessagesize;
	char *end;

	(void)smtp_printable(shown, sizeof(shown), v, strlen(v));
	if (strcasecmp(pa->sp_key, "SIZE") == 0) {
		errno = 0;
		s->ss_size = strtoll(v, &end, 10);
		if (!isdigit((unsigned char)*v) || *end != '\0') {
			smtp_reply(s, "501 5.5.2 Bad argument \"%s\" to SIZE",
			    shown);
			return -1;
		}
		if (errno == ERANGE) {
			smtp_reply(s, "552 5.2.3 Message size exceeds maximum "
			    "value");
			return -1;
		}
		if (max > 0 && s->ss_size > max) {
			smtp_reply(s, "552 5.2.3 Message size exceeds fixed "
			    "maximum message size (%lld)", max);
			return -1;
		}
	} else if (strcasecmp(pa->sp_key, "BODY") == 0) {
		if (strcasecmp(v, "8BITMIME") == 0)
			s->ss_body = SMTP_BODY_8BITMIME;
		else if (strcasecmp(v, "7BIT") == 0)
			s->ss_body = SMTP_BODY_7BIT;
		else {
			smtp_reply(s, "501 5.5.4 Unknown BODY type %s", shown);
			return -1;
		}
	} else if (strcasecmp(pa->sp_key, "RET") == 0) {
		if (s->ss_qf->qf_flags & QUEUE_F_RETPARAM) {
			smtp_reply(s, "501 5.5.0 Duplicate RET parameter");
			return -1;
		}
		if (strcasecmp(v, "HDRS") == 0)
			s->ss_qf->qf_flags |= QUEUE_F_NOBODYRET;
		else if (strcasecmp(v, "FULL") != 0) {
			smtp_reply(s, "501 5.5.2 Bad argument \"%s\" to RET",
			    shown);
			return -1;
		}
		s->ss_qf->qf_flags |= QUEUE_F_RETPARAM;
	} else if (strcasecmp(pa->sp_key, "ENVID") == 0) {
		if (s->ss_qf->qf_envid != NULL) {
			smtp_reply(s, "501 5.5.0 Duplicate ENVID parameter");
			return -1;
		}
		if (*v == '\0' || smtp_xtext_ok(v) != 0) {
			smtp_reply(s, "501 5.5.4 Syntax error in ENVID "
			    "parameter value");
			return -1;
		}
		s->ss_qf->qf_envid = queue_file_strdup(s->ss_qf, v);
	} else {
		(void)smtp_printable(shown, sizeof(shown), pa->sp_key,
		    strlen(pa->sp_key));
		smtp_reply(s, "555 5.5.4 %s parameter unrecognized", shown);
		return -1;
	}
	return 0;
}

/* The MAIL parameters at P; 0, or -1 after the reply. */
static int
smtp_mail_params(struct smtp_sess *s, char *p)
{
	struct smtp_param v[SMTP_MAXPARAMS];
	int n = smtp_params(p, v, SMTP_MAXPARAMS);

	if (n < 0) {
		smtp_reply(s, "501 5.5.4 Too many parameters");
		return -1;
	}
	for (int i = 0; i < n; i++)
		if (smtp_mail_param(s, &v[i]) != 0)
			return -1;
	return 0;
}

/* {mail_*} or {rcpt_*} from A. */
static void
smtp_addr_macros(const char *pfx, const ADDRESS *a)
{
	char name[32];

	(void)snprintf(name, sizeof(name), "{%s_mailer}", pfx);
	smtp_macro(name, a->q_mailer != NULL ? a->q_mailer->m_name : NULL);
	(void)snprintf(name, sizeof(name), "{%s_host}", pfx);
	smtp_macro(name, a->q_host);
	(void)snprintf(name, sizeof(name), "{%s_addr}", pfx);
	smtp_macro(name, a->q_user);
}

/* The sender: parse, check_mail.  0 or -1 after the reply. */
static int
smtp_sender(struct smtp_sess *s, char *addr, char **restp)
{
	ADDRESS a;
	int r;

	if (strncmp(addr, "<>", 2) == 0 && (addr[2] == '\0' ||
	    addr[2] == ' ' || addr[2] == '\t')) {
		addr[2] = '\0';
		*restp = addr + 3 - (addr[3 - 1] == '\0' ? 1 : 0);
		s->ss_sender = sm_rpool_strdup_x(s->ss_pool, "<>");
		smtp_macro("{mail_mailer}", "local");
		smtp_macro("{mail_addr}", "");
		smtp_macro("{mail_host}", NULL);
	} else {
		if (smtp_parse(s, addr, &a, PA_SENDERADDR, restp) < 0) {
			parseaddr_free(&a);
			return -1;
		}
		s->ss_sender = sm_rpool_strdup_x(s->ss_pool, a.q_paddr);
		smtp_addr_macros("mail", &a);
		parseaddr_free(&a);
	}
	sm_str_truncate(s->ss_reply, 0);
	r = smtp_rscheck("check_mail", s->ss_sender, NULL, s->ss_sender,
	    s->ss_reply);
	if (r == SMTP_RS_REJECT) {
		sm_log(LOG_NOTICE, NULL, "ruleset=check_mail, arg1=%s, "
		    "relay=%s, reject=%s", s->ss_sender, s->ss_relay,
		    s->ss_reply->s_data);
		smtp_reply_str(s, s->ss_reply->s_data);
		return -1;
	}
	if (r == SMTP_RS_DISCARD)
		s->ss_discard = true;
	return 0;
}

void
smtp_do_mail(struct smtp_sess *s, char *arg)
{
	char *addr, *rest = NULL, shown[SMTP_MAXREPLY];

	if (!s->ss_gothello &&
	    (s->ss_cf->co_privacyoptions & CONF_PRIV_NEEDMAILHELO)) {
		smtp_reply(s, "503 5.0.0 Polite people say HELO first");
		return;
	}
	if (s->ss_havemail) {
		smtp_reply(s, "503 5.5.0 Sender already specified");
		return;
	}
	if ((addr = smtp_keyword(s, arg, "FROM")) == NULL)
		return;
	smtp_txn_reset(s);
	s->ss_pool = sm_rpool_new_x();
	s->ss_qf = queue_file_new();
	if (smtp_sender(s, addr, &rest) != 0 ||
	    smtp_mail_params(s, rest) != 0) {
		smtp_txn_reset(s);
		return;
	}
	s->ss_havemail = true;
	s->ss_qf->qf_sender = queue_file_strdup(s->ss_qf, s->ss_sender);
	(void)smtp_printable(shown, sizeof(shown), s->ss_sender,
	    strlen(s->ss_sender));
	smtp_reply(s, "250 2.1.0 %s... Sender ok", shown);
}

/* ---- RCPT ------------------------------------------------------------- */

/* NOTIFY=V into *FLAGS; 0 or -1 after the reply. */
static int
smtp_notify(struct smtp_sess *s, const char *v, unsigned *flags)
{
	char word[64], shown[64];
	bool never = false, other = false;

	*flags = QUEUE_R_HASNOTIFY;
	while (*v != '\0') {
		size_t n = strcspn(v, ",");

		(void)sm_strlcpy(word, v, n + 1 < sizeof(word) ? n + 1 :
		    sizeof(word));
		v += n + (v[n] == ',');
		if (strcasecmp(word, "NEVER") == 0)
			never = true;
		else if (strcasecmp(word, "SUCCESS") == 0)
			*flags |= QUEUE_R_SUCCESS, other = true;
		else if (strcasecmp(word, "FAILURE") == 0)
			*flags |= QUEUE_R_FAILURE, other = true;
		else if (strcasecmp(word, "DELAY") == 0)
			*flags |= QUEUE_R_DELAY, other = true;
		else {
			(void)smtp_printable(shown, sizeof(shown), word,
			    strlen(word));
			smtp_reply(s, "501 5.5.4 Bad argument \"%s\"  to NOTIFY",
			    shown);
			return -1;
		}
		if (never && other) {
			smtp_reply(s, "501 5.5.4 Bad argument \"NEVER\"  to "
			    "NOTIFY");
			return -1;
		}
	}
	return 0;
}

/* The RCPT parameters at P; 0 or -1 after the reply. */
static int
smtp_rcpt_params(struct smtp_sess *s, char *p, unsigned *flags,
    const char **orcpt)
{
	struct smtp_param v[SMTP_MAXPARAMS];
	int n = smtp_params(p, v, SMTP_MAXPARAMS);
	char shown[128];

	*flags = QUEUE_R_FAILURE | QUEUE_R_DELAY;
	*orcpt = NULL;
	if (n < 0) {
		smtp_reply(s, "501 5.5.4 Too many parameters");
		return -1;
	}
	for (int i = 0; i < n; i++) {
		const char *val = v[i].sp_val != NULL ? v[i].sp_val : "";
		const char *semi = strchr(val, ';');

		if (strcasecmp(v[i].sp_key, "NOTIFY") == 0) {
			if (smtp_notify(s, val, flags) != 0)
				return -1;
		} else if (strcasecmp(v[i].sp_key, "ORCPT") == 0) {
			if (semi == NULL || semi == val ||
			    smtp_xtext_ok(semi + 1) != 0) {
				smtp_reply(s, "501 5.5.4 Syntax error in ORCPT "
				    "parameter value");
				return -1;
			}
			*orcpt = val;
		} else {
			(void)smtp_printable(shown, sizeof(shown),
			    v[i].sp_key, strlen(v[i].sp_key));
			smtp_reply(s, "555 5.5.4 %s parameter unrecognized",
			    shown);
			return -1;
		}
	}
	return 0;
}

/* Compare the host parts (up to \001) of two keys, case aside. */
static int
smtp_key_host_cmp(const char *a, const char *b)
{
	size_t la = strcspn(a, "\001"), lb = strcspn(b, "\001");
	int r = strncasecmp(a, b, la < lb ? la : lb);

	return r != 0 ? r : (la > lb) - (la < lb);
}

void
smtp_rcpt_place(struct queue_file *qf, char **keys, size_t n)
{
	struct queue_rcpt last;
	char *key;
	size_t i = n - 1;

	if (n < 2)
		return;
	last = qf->qf_rcpts[i];
	key = keys[i];
	while (i > 0 && smtp_key_host_cmp(keys[i - 1], key) > 0) {
		qf->qf_rcpts[i] = qf->qf_rcpts[i - 1];
		keys[i] = keys[i - 1];
		i--;
	}
	qf->qf_rcpts[i] = last;
	keys[i] = key;
}

/* The dedup key of A: host, mailer, user. */
static char *
smtp_rcpt_key(struct smtp_sess *s, const ADDRESS *a)
{
	return sm_rpool_printf_x(s->ss_pool, "%s\001%s\001%s",
	    a->q_host != NULL ? a->q_host : "",
	    a->q_mailer != NULL ? a->q_mailer->m_name : "",
	    a->q_user != NULL ? a->q_user : a->q_paddr);
}

/* Local user that does not exist?  Then the 550 is sent (-1); 1 when
 * the alias database is unavailable (the address is queued), else 0. */
static int
smtp_rcpt_unknown(struct smtp_sess *s, const ADDRESS *a)
{
	const MAILER *local = mailer_find("local");
	char shown[SMTP_MAXREPLY];
	int r = 0;

	if (local == NULL || a->q_mailer != local || a->q_user == NULL ||
	    (r = rcpt_local_lookup(a->q_user)) >= 0)
		return local != NULL && a->q_mailer == local &&
		    a->q_user != NULL ? r : 0;
	(void)smtp_printable(shown, sizeof(shown), a->q_paddr,
	    strlen(a->q_paddr));
	smtp_reply(s, "550 5.1.1 %s... User unknown", shown);
	return -1;
}

/* Do keys A and B name the same recipient (the queued mark aside)? */
static bool
smtp_key_same(const char *a, const char *b)
{
	size_t la = strcspn(a, "\002"), lb = strcspn(b, "\002");

	return la == lb && memcmp(a, b, la) == 0;
}

/*
 * Add A to the envelope (once); the address the reply shows.  *QUEUED
 * says whether A was deferred (sendmail's QS_QUEUEUP, "will queue"); for
 * a duplicate both come from the recipient taken first, as sendmail
 * answers with the entry it already has.
 */
static const char *
smtp_rcpt_add(struct smtp_sess *s, const ADDRESS *a, unsigned flags,
    const char *orcpt, bool *queued)
{
	struct queue_rcpt *r;
	char *key = smtp_rcpt_key(s, a);
	const char *host = macro_get('j');
	const char *user = a->q_user != NULL ? a->q_user : a->q_paddr;

	for (size_t i = 0; i < s->ss_nkeys; i++)
		if (smtp_key_same(s->ss_keys[i], key)) {
			*queued = strchr(s->ss_keys[i], '\002') != NULL;
			return s->ss_qf->qf_rcpts[i].qr_addr;
		}
	if (*queued) {	/* marked after the user part */
		size_t n = strlen(a->q_paddr);

		key = sm_rpool_printf_x(s->ss_pool, "%s\002", key);
		/* its Final-Recipient is the address as given (recorded:
		 * "@[192.0.2.9]:nobody@mta.example.org" stays so) */
		if (n >= 2 && a->q_paddr[0] == '<' && a->q_paddr[n - 1] == '>')
			user = sm_rpool_strndup_x(s->ss_pool, a->q_paddr + 1,
			    n - 2);
		else
			user = a->q_paddr;
	}
	r = queue_file_add_rcpt(s->ss_qf, a->q_paddr, QUEUE_R_PRIMARY | flags);
	s->ss_keys = sm_reallocarray_x(s->ss_keys, s->ss_nkeys + 1,
	    sizeof(*s->ss_keys));
	s->ss_keys[s->ss_nkeys++] = key;
	if (orcpt != NULL)
		r->qr_orcpt = queue_file_strdup(s->ss_qf, orcpt);
	if (strchr(user, '@') != NULL || host == NULL)
		r->qr_final = sm_rpool_printf_x(s->ss_qf->qf_pool,
		    "RFC822; %s", user);
	else
		r->qr_final = sm_rpool_printf_x(s->ss_qf->qf_pool,
		    "RFC822; %s@%s", user, host);
	smtp_rcpt_place(s->ss_qf, s->ss_keys, s->ss_nkeys);
	return a->q_paddr;
}

/* check_rcpt for the address as given; 0 or -1 after the reply. */
static int
smtp_rcpt_check(struct smtp_sess *s, const char *paddr)
{
	int r;

	sm_str_truncate(s->ss_reply, 0);
	r = smtp_rscheck("check_rcpt", paddr, NULL, paddr, s->ss_reply);
	if (r == SMTP_RS_REJECT) {
		sm_log(LOG_NOTICE, NULL, "ruleset=check_rcpt, arg1=%s, "
		    "relay=%s, reject=%s", paddr, s->ss_relay,
		    s->ss_reply->s_data);
		smtp_reply_str(s, s->ss_reply->s_data);
		return -1;
	}
	if (r == SMTP_RS_DISCARD)
		s->ss_discard = true;
	return 0;
}

/*
 * Does a daemon's client hear "(will queue)"?  With DeliveryMode queue
 * or defer, for every recipient (recorded with the real daemon; -bs
 * says it only for an address whose lookup was deferred).
 */
static bool
smtp_will_queue(const struct smtp_sess *s)
{
	int mode = s->ss_cf->co_deliverymode;

	return s->ss_peer != NULL && s->ss_peer->sp_addr != NULL &&
	    (mode == 'q' || mode == 'd');
}

void
smtp_do_rcpt(struct smtp_sess *s, char *arg)
{
	char *addr, *rest = NULL, shown[SMTP_MAXREPLY], n[16];
	const char *orcpt, *as;
	unsigned flags;
	int max = s->ss_cf->co_maxrecipientspermessage;
	ADDRESS a;
	int pr, known = 0;
	bool queued;

	if (!s->ss_havemail) {
		smtp_reply(s, "503 5.0.0 Need MAIL before RCPT");
		return;
	}
	if ((addr = smtp_keyword(s, arg, "TO")) == NULL)
		return;
	if (max > 0 && s->ss_nrcpts >= max) {
		smtp_reply(s, "452 4.5.3 Too many recipients");
		return;
	}
	if ((pr = smtp_parse(s, addr, &a, 0, &rest)) < 0) {
		parseaddr_free(&a);
		return;
	}
	s->ss_ntried++;
	smtp_addr_macros("rcpt", &a);
	/* a deferred address is queued as it is: no user lookup now */
	if (smtp_rcpt_params(s, rest, &flags, &orcpt) != 0 ||
	    smtp_rcpt_check(s, a.q_paddr) != 0 ||
	    (pr != 1 && (known = smtp_rcpt_unknown(s, &a)) < 0)) {
		parseaddr_free(&a);
		return;
	}
	queued = pr == 1 || known == 1;
	as = smtp_rcpt_add(s, &a, flags, orcpt, &queued);
	s->ss_nrcpts++;
	(void)snprintf(n, sizeof(n), "%d", s->ss_nrcpts);
	smtp_macro("{nrcpts}", n);
	(void)smtp_printable(shown, sizeof(shown), as, strlen(as));
	smtp_reply(s, "250 2.1.5 %s... Recipient ok%s", shown,
	    queued || smtp_will_queue(s) ? " (will queue)" : "");
	parseaddr_free(&a);
}

/* ---- VRFY / EXPN ----------------------------------------------------- */

/*
 * The lines of OUT (each ending in '\n') as replies: PREFIX before each
 * ("250-2.1.5 ", the last "250 2.1.5 " when LASTPREFIX), or as they are
 * (NULL: whole failure replies from rcpt_expand / rcpt_verify).
 */
static void
smtp_vrfy_lines(struct smtp_sess *s, const SM_STR *out, const char *prefix,
    const char *lastprefix)
{
	const char *p = out->s_data, *nl;
	char shown[SMTP_MAXREPLY];

	for (; p != NULL && *p != '\0'; p = nl + 1) {
		nl = strchr(p, '\n');
		if (nl == NULL)
			nl = p + strlen(p) - 1;
		(void)smtp_printable(shown, sizeof(shown), p, (size_t)(nl - p +
		    (*nl != '\n')));
		if (prefix == NULL)
			smtp_reply(s, "%s", shown);
		else
			smtp_reply(s, "%s%s", nl[1] == '\0' ? lastprefix :
			    prefix, shown);
	}
}

/* VRFY/EXPN when queueing: nothing is looked up (recorded, daemon -odq). */
static void
smtp_vrfy_queued(struct smtp_sess *s, char *arg)
{
	const MAILER *local = mailer_find("local");
	char *rest, shown[SMTP_MAXREPLY];
	ADDRESS a;

	if (smtp_parse(s, arg, &a, 0, &rest) < 0) {
		parseaddr_free(&a);
		return;
	}
	(void)smtp_printable(shown, sizeof(shown), a.q_paddr,
	    strlen(a.q_paddr));
	if (a.q_mailer == local && local != NULL)
		smtp_reply(s, "250 2.1.5 <%s@%s>", a.q_user != NULL ?
		    a.q_user : shown, s->ss_host);
	else
		smtp_reply(s, "252 2.1.5 <%s>", shown);
	parseaddr_free(&a);
}

void
smtp_do_vrfy(struct smtp_sess *s, char *arg, bool expn)
{
	unsigned long priv = s->ss_cf->co_privacyoptions;
	SM_STR *out;
	char *rest;
	ADDRESS a;
	int rc;

	if (expn && (priv & CONF_PRIV_NOEXPN)) {
		smtp_reply(s, "502 5.7.0 Sorry, we do not allow this operation");
		return;
	}
	if (!expn && (priv & CONF_PRIV_NOVRFY)) {
		smtp_reply(s, "252 2.5.2 Cannot VRFY user; try RCPT to attempt "
		    "delivery (or try finger)");
		return;
	}
	if (!s->ss_gothello && (priv & (expn ? CONF_PRIV_NEEDEXPNHELO :
	    CONF_PRIV_NEEDVRFYHELO))) {
		smtp_reply(s, "503 5.0.0 I demand that you introduce yourself "
		    "first");
		return;
	}
	{
		char shown[204];	/* sendmail shortens the line so */

		(void)smtp_printable(shown, sizeof(shown), arg, strlen(arg));
		sm_log(LOG_INFO, smtp_logid(s), "%s: %s %s", s->ss_relay,
		    expn ? "EXPN" : "VRFY", shown);
	}
	if (*arg == '\0') {
		smtp_reply(s, "501 5.5.2 Argument required");
		return;
	}
	if (smtp_will_queue(s)) {
		smtp_vrfy_queued(s, arg);
		return;
	}
	/* an address that does not parse is answered as for RCPT */
	if (smtp_parse(s, arg, &a, 0, &rest) < 0) {
		parseaddr_free(&a);
		return;
	}
	parseaddr_free(&a);
	/* rcpt.c words the lines (sendmail's printvrfyaddr), we add the
	 * codes: EXPN always 250, VRFY 252 for a mailer without F=q */
	out = sm_str_new(SM_STR_NOMAX);
	if (expn)
		rc = rcpt_expand(arg, out) < 0 ? -1 : 250;
	else
		rc = rcpt_verify(arg, out);
	if (rc < 0)
		smtp_vrfy_lines(s, out, NULL, NULL);
	else if (out->s_len == 0)
		smtp_reply(s, "554 5.5.2 Nothing to %s", expn ? "EXPN" : "VRFY");
	else
		smtp_vrfy_lines(s, out, rc == 252 ? "252-2.1.5 " : "250-2.1.5 ",
		    rc == 252 ? "252 2.1.5 " : "250 2.1.5 ");
	sm_str_free(out);
}
