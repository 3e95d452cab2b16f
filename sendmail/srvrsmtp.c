/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * srvrsmtp.c -- the SMTP server session: the greeting, the command loop
 * and its limits (bad commands, timeouts), HELO/EHLO and the commands
 * that do not touch the envelope (RSET NOOP QUIT HELP ETRN VERB and the
 * refused SEND SOML SAML TURN).  MAIL/RCPT/VRFY/EXPN are in
 * srvrsmtp_mail.c, DATA in srvrsmtp_data.c.
 *
 * Public: smtp_serve smtp_cmd_find smtp_printable smtp_macro, and for the
 * other parts smtp_reply smtp_reply_str.
 *
 * Every reply text was recorded from sendmail 8.17 (-bs in the pinned
 * namespace; test/protocol/data/smtp/, CASE.real).  A client's bytes reach a
 * reply only through smtp_printable.
 *
 * Runs in the daemon's per-connection child or in sendmail -bs, as the
 * user the daemon runs as.
 */
#include "sendmail/srvrsmtp_int.h"

#include <ctype.h>
#include <errno.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <syslog.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

#include "libsm/date.h"
#include "libsm/err.h"
#include "libsm/log.h"
#include "libsm/strl.h"
#include "sendmail/macro.h"
#include "sendmail/msg.h"
#include "sendmail/start.h"

static const struct {
	const char	*name;
	enum smtp_cmd	 cmd;
} smtp_cmds[] = {
	{ "helo", SMTP_C_HELO }, { "ehlo", SMTP_C_EHLO },
	{ "mail", SMTP_C_MAIL }, { "rcpt", SMTP_C_RCPT },
	{ "data", SMTP_C_DATA }, { "rset", SMTP_C_RSET },
	{ "vrfy", SMTP_C_VRFY }, { "expn", SMTP_C_EXPN },
	{ "help", SMTP_C_HELP }, { "noop", SMTP_C_NOOP },
	{ "quit", SMTP_C_QUIT }, { "etrn", SMTP_C_ETRN },
	{ "verb", SMTP_C_VERB }, { "send", SMTP_C_SEND },
	{ "soml", SMTP_C_SOML }, { "saml", SMTP_C_SAML },
	{ "turn", SMTP_C_TURN },
};

enum smtp_cmd
smtp_cmd_find(const char *line, size_t len, const char **argp)
{
	size_t i = 0, w, k;

	while (i < len && (line[i] == ' ' || line[i] == '\t'))
		i++;
	w = i;
	while (i < len && line[i] != ' ' && line[i] != '\t')
		i++;
	k = i;
	while (k < len && (line[k] == ' ' || line[k] == '\t'))
		k++;
	if (argp != NULL)
		*argp = line + k;
	for (size_t c = 0; c < sizeof(smtp_cmds) / sizeof(smtp_cmds[0]); c++)
		if (i - w == 4 && strncasecmp(line + w, smtp_cmds[c].name,
		    4) == 0)
			return smtp_cmds[c].cmd;
	return SMTP_C_UNKNOWN;
}

size_t
smtp_printable(char *dst, size_t size, const char *src, size_t len)
{
	size_t n = 0;

	if (size == 0)
		return 0;
	for (size_t i = 0; i < len && n + 1 < size; i++) {
		/* sendmail clears the eighth bit ("a\351" shows as "ai") */
		unsigned char c = (unsigned char)src[i] & 0x7f;

		if (c >= 0x20 && c < 0x7f)
			dst[n++] = (char)c;
	}
	dst[n] = '\0';
	return n;
}

void
smtp_macro(const char *name, const char *value)
{
	const char *end;
	int id;

	if (name[0] != '{' || name[1] == '\0') {
		macro_set((unsigned char)name[0], value);
		return;
	}
	id = macro_id(name, &end);
	if (id != 0)
		macro_set(id, value);
}

/* ---- replies ------------------------------------------------------------ */

/* A refusal's text without its codes ("550 5.1.1 <x>... User unknown"
 * logs "<x>... User unknown"), at LOG_NOTICE as sendmail logs user errors. */
static void
smtp_log_usrerr(struct smtp_sess *s, const char *line)
{
	const char *t = line + strspn(line, "0123456789");

	t += strspn(t, " -");
	if (isdigit((unsigned char)t[0]) && t[1] == '.')
		t += strcspn(t, " ");
	t += strspn(t, " ");
	sm_log(LOG_NOTICE, smtp_logid(s), "%.900s", t);
}

void
smtp_reply_str(struct smtp_sess *s, const char *line)
{
	if (sm_buf_puts(s->ss_io, line) != 0 ||
	    sm_buf_write(s->ss_io, "\r\n", 2) != 0)
		s->ss_quit = true;
	if (strncmp(line, "421", 3) == 0 && line[3] == ' ')
		s->ss_quit = true;
	if (s->ss_logerrs && (line[0] == '4' || line[0] == '5'))
		smtp_log_usrerr(s, line);
}

void
smtp_reply(struct smtp_sess *s, const char *fmt, ...)
{
	char line[SMTP_MAXREPLY];
	va_list ap;

	va_start(ap, fmt);
	(void)vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	smtp_reply_str(s, line);
}

/* The client's text of a command, made safe and short for a reply. */
static const char *
smtp_shown(const char *line, size_t len, char *buf, size_t size)
{
	(void)smtp_printable(buf, size, line, len);
	return msg_shorten(buf, MSG_MAXSHORTSTR);
}

/* ---- the greeting and HELO/EHLO --------------------------------------- */

/* A cf option text with $x still raw gets its macros translated. */
static void
smtp_expand_opt(const char *val, char *buf, size_t size)
{
	char tmp[MACRO_BUFSIZE];

	(void)sm_strlcpy(tmp, val, sizeof(tmp));
	if (strchr(tmp, '$') != NULL)
		readcf_translate(tmp);
	(void)macro_expand(tmp, buf, size);
}

static void
smtp_greet(struct smtp_sess *s)
{
	const char *g = s->ss_cf->co_smtpgreetingmessage;
	char text[MACRO_BUFSIZE];
	const char *sp;

	smtp_expand_opt(g != NULL ? g : "$j Sendmail $v ready at $b", text,
	    sizeof(text));
	/* sendmail puts "ESMTP" after the first word unless it is there */
	sp = strchr(text, ' ');
	if (strstr(text, "ESMTP") != NULL)
		smtp_reply(s, "220 %s", text);
	else if (sp == NULL)
		smtp_reply(s, "220 %s ESMTP", text);
	else
		smtp_reply(s, "220 %.*s ESMTP%s", (int)(sp - text), text, sp);
}

/* sendmail's check of a HELO name: letters, digits and "[].-_#:" up to
 * the first blank. */
static bool
smtp_helo_ok(const char *p)
{
	for (; *p != '\0' && *p != ' ' && *p != '\t'; p++) {
		unsigned char c = (unsigned char)*p;

		if (c >= 0x80 || (!isalnum(c) && strchr("[].-_#:", c) == NULL))
			return false;
	}
	return true;
}

static void
smtp_do_helo(struct smtp_sess *s, const char *arg, bool ehlo)
{
	const char *name = ehlo ? "EHLO" : "HELO";
	unsigned long priv = s->ss_cf->co_privacyoptions;
	char host[256];

	if (*arg == '\0') {
		smtp_reply(s, "501 5.0.0 %s requires domain address", name);
		return;
	}
	if (!s->ss_cf->co_allowbogushelo && !smtp_helo_ok(arg)) {
		smtp_reply(s, "501 5.0.0 Invalid domain name");
		return;
	}
	(void)smtp_printable(host, sizeof(host), arg, strcspn(arg, " \t"));
	smtp_txn_reset(s);
	smtp_macro("s", host);
	smtp_macro("r", ehlo ? "ESMTP" : "SMTP");
	s->ss_gothello = true;
	if (!ehlo) {
		smtp_reply(s, "250 %s Hello %s, pleased to meet you",
		    s->ss_host, s->ss_hello);
		return;
	}
	smtp_reply(s, "250-%s Hello %s, pleased to meet you", s->ss_host,
	    s->ss_hello);
	/* refused by check_relay: nothing else is offered (recorded) */
	if (s->ss_refused != NULL) {
		smtp_reply(s, "250 ENHANCEDSTATUSCODES");
		return;
	}
	smtp_reply(s, "250-ENHANCEDSTATUSCODES");
	smtp_reply(s, "250-PIPELINING");
	/* sendmail offers VERB only along with EXPN */
	if (!(priv & CONF_PRIV_NOEXPN)) {
		smtp_reply(s, "250-EXPN");
		if (!(priv & CONF_PRIV_NOVERB))
			smtp_reply(s, "250-VERB");
	}
	if (!s->ss_cf->co_sevenbitinput)
		smtp_reply(s, "250-8BITMIME");
	if (s->ss_cf->co_maxmessagesize > 0)
		smtp_reply(s, "250-SIZE %ld", s->ss_cf->co_maxmessagesize);
	else
		smtp_reply(s, "250-SIZE");
	if (!(priv & CONF_PRIV_NORECEIPTS))
		smtp_reply(s, "250-DSN");
	if (!(priv & CONF_PRIV_NOETRN))
		smtp_reply(s, "250-ETRN");
	if (s->ss_cf->co_deliverbymin > 0)
		smtp_reply(s, "250-DELIVERBY %ld",
		    (long)s->ss_cf->co_deliverbymin);
	else
		smtp_reply(s, "250-DELIVERBY");
	smtp_reply(s, "250 HELP");
}

const char *
smtp_logid(struct smtp_sess *s)
{
	if (s->ss_logid[0] == '\0')
		queue_id_new(s->ss_logid, sizeof(s->ss_logid));
	return s->ss_logid;
}

/* ---- HELP, ETRN, VERB --------------------------------------------------- */

/* One help file line for TOPIC (lower case): its text, or NULL. */
static const char *
smtp_help_match(char *line, const char *topic)
{
	size_t n = strlen(topic);

	line[strcspn(line, "\n")] = '\0';
	if (strncasecmp(line, topic, n) != 0 || line[n] != '\t')
		return NULL;
	return line + n + 1;
}

static void
smtp_do_help(struct smtp_sess *s, const char *arg)
{
	const char *file = s->ss_cf->co_helpfile;
	char topic[64], line[1024], text[MACRO_BUFSIZE], tmp[MACRO_BUFSIZE];
	const char *t;
	bool found = false;
	FILE *fp;

	fp = file != NULL && *file != '\0' ? fopen(file, "r") : NULL;
	if (fp == NULL) {
		smtp_reply(s, "502 5.3.0 Sendmail %s -- HELP not implemented",
		    START_VERSION);
		return;
	}
	(void)smtp_printable(topic, sizeof(topic), arg, strcspn(arg, " \t"));
	for (char *p = topic; *p != '\0'; p++)	/* sendmail's answers name */
		*p = (char)tolower((unsigned char)*p);	/* the topic in lower case */
	if (topic[0] == '\0')
		(void)sm_strlcpy(topic, "smtp", sizeof(topic));
	while (fgets(line, sizeof(line), fp) != NULL) {
		if ((t = smtp_help_match(line, topic)) == NULL)
			continue;
		/* a help line is a cf value: \# is a #, $v the version */
		(void)sm_strlcpy(tmp, t, sizeof(tmp));
		readcf_translate(tmp);
		(void)macro_expand(tmp, text, sizeof(text));
		smtp_reply(s, "214-2.0.0 %s", text);
		found = true;
	}
	(void)fclose(fp);
	if (found)
		smtp_reply(s, "214 2.0.0 End of HELP info");
	else
		smtp_reply(s, "504 5.3.0 HELP topic \"%.10s\" unknown", topic);
}

/*
 * The queue run ETRN asks for, in a grandchild so the session neither
 * waits nor leaves a zombie: recipients at NODE ("host", "@domain" for
 * the domain and below; "#queue" runs the whole queue).
 */
static void
smtp_etrn_run(struct smtp_sess *s, const char *node)
{
	struct queue_select sel = { NULL };
	struct queue_scan_opts o;
	struct queue_run_stats st;
	SM_STR *why;
	char arg[300];
	pid_t pid;

	if (!s->ss_qdopen || (pid = fork()) < 0)
		return;
	if (pid > 0) {
		(void)waitpid(pid, NULL, 0);
		return;
	}
	if (fork() != 0)
		_exit(0);
	memset(&o, 0, sizeof(o));
	(void)snprintf(arg, sizeof(arg), "R%s%s", node[0] == '@' ? "" : "@",
	    node);
	if (node[0] != '#' && queue_select_add(&sel, arg) == 0)
		o.qo_select = &sel;
	o.qo_sort = s->ss_cf->co_queuesortorder;
	o.qo_minqueueage = s->ss_cf->co_minqueueage;
	o.qo_maxqueueage = s->ss_cf->co_maxqueueage;
	o.qo_maxrun = s->ss_cf->co_maxqueuerunsize;
	o.qo_la = -1;
	why = sm_str_new(SM_STR_NOMAX);
	(void)queue_run(&s->ss_qd, &o, deliver_queue_entry, NULL, &st, why);
	_exit(0);
}

static void
smtp_do_etrn(struct smtp_sess *s, const char *arg, size_t len)
{
	char node[256];

	if (s->ss_cf->co_privacyoptions & CONF_PRIV_NOETRN) {
		smtp_reply(s, "502 5.7.0 Sorry, we do not allow this operation");
		return;
	}
	(void)smtp_printable(node, sizeof(node), arg, len);
	if (node[0] == '\0') {
		smtp_reply(s, "500 5.5.2 Parameter required");
		return;
	}
	sm_log(LOG_INFO, NULL, "%s: ETRN %s", s->ss_relay, node);
	smtp_reply(s, "250 2.0.0 Queuing for node %s started", node);
	(void)sm_buf_flush(s->ss_io);
	smtp_etrn_run(s, node);
}

static void
smtp_do_verb(struct smtp_sess *s)
{
	if (s->ss_cf->co_privacyoptions &
	    (CONF_PRIV_NOVERB | CONF_PRIV_NOEXPN)) {
		smtp_reply(s, "502 5.7.0 Verbose unavailable");
		return;
	}
	s->ss_verbose = true;
	smtp_reply(s, "250 2.0.0 Verbose mode");
}

/* ---- the command loop ------------------------------------------------- */

/* sendmail's limits on commands that do not move a message on: from the
 * Nth of a kind in a session, each waits before its reply (1 s, then
 * doubling), and the Nth is logged as a possible attack. */
#define SMTP_MAXNOOP	20	/* NOOP, VERB */
#define SMTP_MAXHELO	3	/* HELO, EHLO */
#define SMTP_MAXVRFY	6	/* VRFY, EXPN */
#define SMTP_MAXETRN	8	/* ETRN */
#define SMTP_MAXDELAY	240	/* seconds, at most */

static void
smtp_attack(struct smtp_sess *s, int *count, int max, const char *name)
{
	unsigned over, t;

	if (++*count < max)
		return;
	if (*count == max)
		sm_log(LOG_INFO, smtp_logid(s), "%s: possible SMTP attack: "
		    "command=%s, count=%d", s->ss_hello, name, *count);
	over = (unsigned)(*count - max);
	t = over == 0 ? 1 : over > 8 ? SMTP_MAXDELAY : 1u << (over - 1);
	if (t > SMTP_MAXDELAY)
		t = SMTP_MAXDELAY;
	(void)sm_buf_flush(s->ss_io);	/* earlier replies go out first */
	(void)sleep(t);
}

/* Count C against its limit (before it runs). */
static void
smtp_count(struct smtp_sess *s, enum smtp_cmd c)
{
	switch (c) {
	case SMTP_C_NOOP:
		smtp_attack(s, &s->ss_nnoop, SMTP_MAXNOOP, "NOOP");
		break;
	case SMTP_C_VERB:
		smtp_attack(s, &s->ss_nnoop, SMTP_MAXNOOP, "VERB");
		break;
	case SMTP_C_HELO:
	case SMTP_C_EHLO:
		smtp_attack(s, &s->ss_nhelo, SMTP_MAXHELO, "HELO/EHLO");
		break;
	case SMTP_C_VRFY:
		smtp_attack(s, &s->ss_nvrfy, SMTP_MAXVRFY, "VRFY");
		break;
	case SMTP_C_EXPN:
		smtp_attack(s, &s->ss_nvrfy, SMTP_MAXVRFY, "EXPN");
		break;
	case SMTP_C_ETRN:
		smtp_attack(s, &s->ss_netrn, SMTP_MAXETRN, "ETRN");
		break;
	default:
		break;
	}
}

static void
smtp_unknown(struct smtp_sess *s, const char *line, size_t len)
{
	char buf[SMTP_MAXREPLY];

	if (++s->ss_nbad > SMTP_MAXBADCOMMANDS) {
		smtp_reply(s, "421 4.7.0 %s Too many bad commands; closing "
		    "connection", s->ss_host);
		sm_log(LOG_INFO, NULL, "%s: possible SMTP attack: command=%s, "
		    "count=%d", s->ss_relay, "UNKNOWN", s->ss_nbad);
		return;
	}
	smtp_reply(s, "500 5.5.1 Command unrecognized: \"%s\"",
	    smtp_shown(line, len, buf, sizeof(buf)));
}

/* One command line (no line end) of LEN bytes. */
static void
smtp_command(struct smtp_sess *s, char *line, size_t len)
{
	char buf[SMTP_MAXREPLY];
	const char *arg;
	enum smtp_cmd c = smtp_cmd_find(line, len, &arg);
	size_t alen = len - (size_t)(arg - line);

	/* sendmail drops blanks at the end of the argument */
	while (alen > 0 && (arg[alen - 1] == ' ' || arg[alen - 1] == '\t'))
		line[(arg - line) + (ptrdiff_t)--alen] = '\0';
	if (c == SMTP_C_MAIL || c == SMTP_C_VRFY || c == SMTP_C_EXPN ||
	    c == SMTP_C_ETRN)
		s->ss_issued = true;
	/* a client check_relay refused gets its reply to all but these */
	if (s->ss_refused != NULL && c != SMTP_C_HELO && c != SMTP_C_EHLO &&
	    c != SMTP_C_NOOP && c != SMTP_C_RSET && c != SMTP_C_QUIT) {
		smtp_reply_str(s, s->ss_refused);
		return;
	}
	smtp_count(s, c);
	switch (c) {
	case SMTP_C_HELO:
	case SMTP_C_EHLO:
		smtp_do_helo(s, arg, c == SMTP_C_EHLO);
		break;
	case SMTP_C_MAIL:
		smtp_do_mail(s, line + (arg - line));
		break;
	case SMTP_C_RCPT:
		s->ss_logerrs = s->ss_havemail;
		smtp_do_rcpt(s, line + (arg - line));
		s->ss_logerrs = false;
		break;
	case SMTP_C_DATA:
		smtp_do_data(s);
		break;
	case SMTP_C_RSET:
		smtp_txn_reset(s);
		smtp_reply(s, "250 2.0.0 Reset state");
		break;
	case SMTP_C_VRFY:
	case SMTP_C_EXPN:
		smtp_do_vrfy(s, line + (arg - line), c == SMTP_C_EXPN);
		break;
	case SMTP_C_HELP:
		smtp_do_help(s, arg);
		break;
	case SMTP_C_NOOP:
		smtp_reply(s, "250 2.0.0 OK");
		break;
	case SMTP_C_QUIT:
		smtp_reply(s, "221 2.0.0 %s closing connection", s->ss_host);
		s->ss_quit = true;
		break;
	case SMTP_C_ETRN:
		smtp_do_etrn(s, arg, alen);
		break;
	case SMTP_C_VERB:
		smtp_do_verb(s);
		break;
	case SMTP_C_SEND:
	case SMTP_C_SOML:
	case SMTP_C_SAML:
	case SMTP_C_TURN:
		smtp_reply(s, "502 5.5.1 Command not implemented: \"%s\"",
		    smtp_shown(line, len, buf, sizeof(buf)));
		break;
	case SMTP_C_UNKNOWN:
		smtp_unknown(s, line, len);
		break;
	}
}

/* Read and run commands until the session ends. */
static void
smtp_loop(struct smtp_sess *s)
{
	struct sm_line ln;
	int r;

	while (!s->ss_quit) {
		/* PIPELINING: answer in one write when the client waits */
		if (sm_buf_pending(s->ss_io) == 0 &&
		    sm_buf_flush(s->ss_io) != 0) {
			s->ss_status = EX_IOERR;
			return;
		}
		smtp_held_wait(s);
		sm_buf_set_timeout(s->ss_io,
		    (int)(s->ss_cf->co_timeout_command > 0 ?
		    s->ss_cf->co_timeout_command * 1000 : -1));
		r = sm_buf_getline(s->ss_io, SMTP_MAXCMD, SM_LINE_LF, &ln);
		if (r <= 0) {
			/* sendmail closes without a word, exit 0 (recorded
			 * with Timeout.command=2s) */
			if (r < 0 && errno == ETIMEDOUT)
				sm_log(LOG_NOTICE, NULL, "timeout waiting for "
				    "input from %s during server cmd read",
				    s->ss_relay);
			s->ss_status = r < 0 && errno != ETIMEDOUT ? EX_IOERR :
			    EX_OK;
			break;
		}
		if (ln.l_end == SM_EOL_PARTIAL) {
			smtp_reply(s, "421 4.7.0 %s Command too long, possible "
			    "attack %s", s->ss_host, s->ss_hello);
			sm_log(LOG_NOTICE, NULL, "%s: SMTP command too long",
			    s->ss_relay);
			break;
		}
		if (ln.l_len > 0 && ln.l_data[ln.l_len - 1] == '\r')
			ln.l_data[--ln.l_len] = '\0';
		smtp_held_before(s, ln.l_data, ln.l_len);
		smtp_command(s, ln.l_data, ln.l_len);
	}
	(void)sm_buf_flush(s->ss_io);
}

/* ---- the session -------------------------------------------------------- */

/* $_ and the "Hello" text: "user@localhost" for -bs, "name [addr]". */
static void
smtp_who(struct smtp_sess *s)
{
	const struct smtp_peer *p = s->ss_peer;
	struct passwd *pw;

	if (p == NULL || p->sp_addr == NULL) {
		pw = getpwuid(getuid());
		(void)snprintf(s->ss_hello, sizeof(s->ss_hello),
		    "%s@localhost", pw != NULL ? pw->pw_name : "root");
		(void)sm_strlcpy(s->ss_relay, "localhost",
		    sizeof(s->ss_relay));
	} else if (p->sp_name == NULL || p->sp_name[0] == '[') {
		(void)snprintf(s->ss_hello, sizeof(s->ss_hello), "[%s]",
		    p->sp_addr);
		(void)sm_strlcpy(s->ss_relay, s->ss_hello,
		    sizeof(s->ss_relay));
	} else {
		(void)snprintf(s->ss_hello, sizeof(s->ss_hello), "%s [%s]",
		    p->sp_name, p->sp_addr);
		(void)sm_strlcpy(s->ss_relay, s->ss_hello,
		    sizeof(s->ss_relay));
	}
	smtp_macro("_", s->ss_hello);
}

/* The connection macros, as sendmail sets them. */
static void
smtp_conn_macros(struct smtp_sess *s)
{
	const struct smtp_peer *p = s->ss_peer;
	char port[16], b[64];

	smtp_macro("{daemon_flags}", p != NULL && p->sp_dflags != NULL ?
	    p->sp_dflags : "c u");
	/* -bs has no daemon: no daemon= in the from= line (recorded) */
	smtp_macro("{daemon_name}", p != NULL && p->sp_daemon != NULL ?
	    p->sp_daemon : NULL);
	if (p != NULL && p->sp_addr != NULL) {
		(void)snprintf(port, sizeof(port), "%d", p->sp_port);
		smtp_macro("{client_addr}", p->sp_addr);
		smtp_macro("{client_port}", port);
		smtp_macro("{client_name}", p->sp_name != NULL ? p->sp_name :
		    "");
		smtp_macro("{client_ptr}", p->sp_name != NULL ? p->sp_name :
		    "");
		smtp_macro("{client_resolve}", p->sp_name != NULL &&
		    p->sp_name[0] != '[' ? "OK" : "FAIL");
	} else {
		smtp_macro("{client_addr}", NULL);
		smtp_macro("{client_name}", "localhost");
	}
	if (sm_arpadate(time(NULL), b, sizeof(b)) == 0)
		smtp_macro("b", b);
	smtp_macro("r", NULL);
	smtp_macro("s", NULL);
}

/*
 * check_relay at connect.  A refusal does not end the session: sendmail
 * greets as usual and answers the refusal to every command but HELO,
 * EHLO, NOOP, RSET and QUIT (recorded with the real daemon).
 */
static void
smtp_check_relay(struct smtp_sess *s)
{
	const struct smtp_peer *p = s->ss_peer;

	if (p == NULL || p->sp_addr == NULL)
		return;
	sm_str_truncate(s->ss_reply, 0);
	if (smtp_rscheck("check_relay", p->sp_name != NULL ? p->sp_name :
	    "", p->sp_addr, NULL, s->ss_reply) != SMTP_RS_REJECT)
		return;
	s->ss_refused = sm_strdup_x(s->ss_reply->s_data);
	sm_log(LOG_NOTICE, NULL, "ruleset=check_relay, arg1=%s, arg2=%s, "
	    "relay=%s, reject=%s", p->sp_name != NULL ? p->sp_name : "",
	    p->sp_addr, s->ss_relay, s->ss_refused);
}

static void
smtp_sess_init(struct smtp_sess *s, int infd, int outfd,
    const struct smtp_peer *peer)
{
	memset(s, 0, sizeof(*s));
	s->ss_io = sm_buf_new(infd, outfd);
	s->ss_infd = infd;
	s->ss_outfd = outfd;
	s->ss_peer = peer;
	s->ss_cf = &readcf_config()->cf_conf;
	s->ss_status = EX_OK;
	s->ss_reply = sm_str_new(SMTP_MAXREPLY);
	s->ss_host = macro_get('j') != NULL ? macro_get('j') : "localhost";
	smtp_who(s);
	smtp_conn_macros(s);
}

int
smtp_serve(int infd, int outfd, const struct smtp_peer *peer)
{
	struct smtp_sess s;
	SM_STR *why = sm_str_new(SM_STR_NOMAX);
	const char *qdir;

	smtp_sess_init(&s, infd, outfd, peer);
	qdir = s.ss_cf->co_queuedirectory;
	if (qdir != NULL && queue_dir_open(&s.ss_qd, qdir,
	    s.ss_cf->co_queuefilemode != 0 ? s.ss_cf->co_queuefilemode :
	    0600, why) == 0)
		s.ss_qdopen = true;
	else
		sm_log(LOG_ERR, NULL, "SYSERR: %s", why->s_len > 0 ?
		    why->s_data : "QueueDirectory not set");
	smtp_check_relay(&s);
	smtp_greet(&s);
	smtp_loop(&s);
	if (!s.ss_issued)
		sm_log(LOG_INFO, smtp_logid(&s), "%s did not issue MAIL/EXPN/VRFY/ETRN "
		    "during connection to %s", s.ss_relay, peer != NULL &&
		    peer->sp_daemon != NULL ? peer->sp_daemon : "MTA");
	(void)sm_buf_flush(s.ss_io);
	smtp_held_end(&s);
	/* -bs exits as sendmail does: 64 after an $#error address */
	if (s.ss_status == EX_OK && peer == NULL)
		s.ss_status = msg_exitstat();
	smtp_txn_reset(&s);
	if (s.ss_qdopen)
		queue_dir_close(&s.ss_qd);
	sm_buf_free(s.ss_io);
	sm_str_free(s.ss_reply);
	free(s.ss_refused);
	sm_str_free(why);
	return s.ss_status;
}
