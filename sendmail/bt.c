/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * bt.c -- sendmail -bt, the address test mode (see bt.h).
 *
 * Public: bt_banner bt_run bt_line.
 * Runs in the sendmail process started with -bt.
 *
 * Every answer goes to the message stream, where sendmail 8.17 prints
 * it: stdout, fully buffered, flushed before each read.
 */
#include "sendmail/bt.h"

#include "libsm/debug.h"
#include "libsm/err.h"
#include "sendmail/class.h"
#include "sendmail/domain.h"
#include "sendmail/macro.h"
#include "sendmail/mailer.h"
#include "sendmail/map.h"
#include "sendmail/msg.h"
#include "sendmail/parseaddr.h"
#include "sendmail/readcf.h"
#include "sendmail/rewrite.h"
#include "sendmail/token.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#define BT_LINESIZE	2048	/* sendmail reads -bt lines in MAXLINE pieces */

static int	bt_tryflags;		/* PA_HEADERADDR | PA_SENDERADDR */

static FILE *
bt_out(void)
{
	return msg_out();
}

void
bt_banner(void)
{
	(void)fputs("ADDRESS TEST MODE (ruleset 3 NOT automatically invoked)\n"
	    "Enter <ruleset> <address>\n", bt_out());
}

/* ---- RULESETS ADDRESS ------------------------------------------------------ */

static void
bt_rulesets(char *line)
{
	static const struct token *pv[TOKEN_MAXATOM + 1];
	const char *delim;
	char *p;
	enum token_tab tab = readcf_config()->cf_level >= 9 ? TOKEN_TAB_NOC :
	    TOKEN_TAB_EXT;

	while (isspace((unsigned char)*line))
		line++;
	for (p = line; *p != '\0' && !isspace((unsigned char)*p); p++)
		;
	if (*p == '\0') {
		(void)fputs("No address!\n", bt_out());
		return;
	}
	*p = '\0';
	if (parseaddr_invalid(p + 1, 1))
		return;
	do {
		const char *q = line;
		int n = token_scan(++p, ',', tab, 0, pv, TOKEN_MAXATOM + 1,
		    &delim);

		if (n <= 0)
			continue;
		while (*q != '\0') {
			int rs = rewrite_rsnum(q, NULL, 0), st;

			if (rs < 0) {
				(void)fprintf(bt_out(), "Undefined ruleset %s\n",
				    q);
				break;
			}
			st = rewrite(pv, &n, TOKEN_MAXATOM, rs, 0);
			if (st != EX_OK)
				(void)fprintf(bt_out(), "== Ruleset %s (%d) status "
				    "%d\n", q, rs, st);
			while (*q != '\0' && *q++ != ',')
				;
		}
	} while (*(p = (char *)(uintptr_t)delim) != '\0');
}

/* ---- . = - $ ---------------------------------------------------------------- */

/* A .D value: internal bytes quoted, then $ translated. */
static char *
bt_value(const char *v)
{
	char *out = sm_malloc_x(2 * strlen(v) + 1), *q = out;

	for (; *v != '\0'; v++) {
		unsigned char c = (unsigned char)*v;

		if (TOKEN_ISMETA(c) || c == TOKEN_METAQUOTE)
			*q++ = (char)TOKEN_METAQUOTE;
		*q++ = (char)c;
	}
	*q = '\0';
	readcf_translate(out);
	return out;
}

static void
bt_dot(char *line)
{
	char exbuf[BT_LINESIZE];
	const char *ep;
	char *v;
	int id;

	if (line[1] == 'D' || (line[1] == 'C' && line[2] != '\0')) {
		id = macro_id(line + 2, &ep);
		if (id == 0)
			return;
		v = bt_value(ep);
		if (line[1] == 'D')
			macro_set(id, v);
		else {
			(void)macro_expand(v, exbuf, sizeof(exbuf));
			class_add_words(id, exbuf);
		}
		free(v);
	} else if (line[1] == 'C')
		;
	else if (line[1] == '\0')
		(void)fputs("Usage: .[DC]macro value(s)\n", bt_out());
	else
		(void)fprintf(bt_out(), "Unknown \".\" command %s\n", line);
}

static void
bt_equal(char *line)
{
	int i, rs;

	switch (line[1]) {
	case 'S':
		rs = rewrite_rsnum(line + 2, NULL, 0);
		if (rs < 0) {
			(void)fprintf(bt_out(), "Undefined ruleset %s\n",
			    line + 2);
			return;
		}
		rewrite_dump(bt_out(), rs);
		break;
	case 'M':
		for (i = 0; i < MAILER_MAX; i++)
			if (mailer_bynum(i) != NULL)
				mailer_print(bt_out(), mailer_bynum(i));
		break;
	case '\0':
		(void)fputs("Usage: =Sruleset or =M\n", bt_out());
		break;
	default:
		(void)fprintf(bt_out(), "Unknown \"=\" command %s\n", line);
		break;
	}
}

static void
bt_dash(char *line)
{
	if (line[1] == 'd') {
		(void)sm_debug_set(line + 2, NULL);
		token_debug_words(line + 2);
	}
	else if (line[1] == '\0')
		(void)fputs("Usage: -d{debug arguments}\n", bt_out());
	else
		(void)fprintf(bt_out(), "Unknown \"-\" command %s\n", line);
}

static void
bt_dollar(char *line)
{
	const char *v;
	int id;

	if (line[1] == '=') {
		id = macro_id(line + 2, NULL);
		if (id != 0)
			class_print(bt_out(), id);
		return;
	}
	id = macro_id(line + 1, NULL);
	if (id == 0)
		return;
	v = macro_get(id);
	if (v == NULL)
		(void)fputs("Undefined\n", bt_out());
	else {
		token_xputs(bt_out(), v);
		(void)putc('\n', bt_out());
	}
}

/* ---- / commands -------------------------------------------------------------- */

static void
bt_mx(char *p)
{
	char *q;

	if (*p == '\0') {
		(void)fputs("Usage: /mx address\n", bt_out());
		return;
	}
	q = strchr(p, ' ');
	if (q != NULL)
		*q = '\0';
	domain_bt_mx(bt_out(), p);
}

static void
bt_canon(char *p)
{
	if (*p == '\0') {
		(void)fputs("Usage: /canon address\n", bt_out());
		return;
	}
	if (strlen(p) >= DOMAIN_MAXNAME) {
		(void)fputs("Name too long\n", bt_out());
		return;
	}
	domain_bt_canon(bt_out(), p);
}

static void
bt_map(char *p)
{
	map_bt_cmd(bt_out(), p);
}

static void
bt_try(char *p)
{
	char *q = strpbrk(p, " \t");
	MAILER *m;
	const char *r;
	int rcode = EX_OK;

	if (q != NULL)
		while (isspace((unsigned char)*q))
			*q++ = '\0';
	if (q == NULL || *q == '\0') {
		(void)fputs("Usage: /try mailer address\n", bt_out());
		return;
	}
	m = mailer_find(p);
	if (m == NULL) {
		(void)fprintf(bt_out(), "Unknown mailer %s\n", p);
		return;
	}
	(void)fprintf(bt_out(), "Trying %s %s address %s for mailer %s\n",
	    (bt_tryflags & PA_HEADERADDR) ? "header" : "envelope",
	    (bt_tryflags & PA_SENDERADDR) ? "sender" : "recipient", q, p);
	r = parseaddr_remotename(q, m, bt_tryflags, &rcode);
	(void)fprintf(bt_out(), "Rcode = %d, addr = %s\n", rcode,
	    r == NULL ? "<NULL>" : r);
	(void)msg_set_to(NULL);
}

static void
bt_tryflags_cmd(char *p)
{
	char v[4];

	if (*p == '\0') {
		(void)fputs("Usage: /tryflags [Hh|Ee][Ss|Rr]\n", bt_out());
		return;
	}
	for (; *p != '\0'; p++)
		switch (*p) {
		case 'H': case 'h': bt_tryflags |= PA_HEADERADDR; break;
		case 'E': case 'e': bt_tryflags &= ~PA_HEADERADDR; break;
		case 'S': case 's': bt_tryflags |= PA_SENDERADDR; break;
		case 'R': case 'r': bt_tryflags &= ~PA_SENDERADDR; break;
		}
	v[0] = (bt_tryflags & PA_HEADERADDR) ? 'h' : 'e';
	v[1] = ' ';
	v[2] = (bt_tryflags & PA_SENDERADDR) ? 's' : 'r';
	v[3] = '\0';
	macro_set(macro_id("{addr_type}", NULL), v);
}

static void
bt_parse(char *p)
{
	ADDRESS a;
	const char *cracked;

	if (*p == '\0') {
		(void)fputs("Usage: /parse address\n", bt_out());
		return;
	}
	cracked = parseaddr_crack(p);
	(void)fputs("Cracked address = ", bt_out());
	token_xputs(bt_out(), cracked);
	(void)fprintf(bt_out(), "\nParsing %s %s address\n",
	    (bt_tryflags & PA_HEADERADDR) ? "header" : "envelope",
	    (bt_tryflags & PA_SENDERADDR) ? "sender" : "recipient");
	memset(&a, 0, sizeof(a));
	if (parseaddr(p, &a, bt_tryflags) == NULL)
		(void)fputs("Cannot parse\n", bt_out());
	else if (a.q_host != NULL && a.q_host[0] != '\0')
		(void)fprintf(bt_out(), "mailer %s, host %s, user %s\n",
		    a.q_mailer->m_name, a.q_host, a.q_user);
	else
		(void)fprintf(bt_out(), "mailer %s, user %s\n",
		    a.q_mailer->m_name, a.q_user);
	parseaddr_free(&a);
	(void)msg_set_to(NULL);
}

static void
bt_expand(char *p)
{
	char exbuf[BT_LINESIZE];

	if (*p == '\0') {
		(void)fputs("Usage: /expand string\n", bt_out());
		return;
	}
	(void)macro_expand(p, exbuf, sizeof(exbuf));
	token_xputs(bt_out(), exbuf);
}

static void
bt_sender(char *p)
{
	ADDRESS a;
	const char *user;

	memset(&a, 0, sizeof(a));
	user = parseaddr_sender(p, &a);
	(void)fprintf(bt_out(), "addr=%s\n", user != NULL ? user : "");
	parseaddr_free(&a);
}

/*
 * sendmail's finis as -bt reaches it (end of input, /quit): the -d2.1
 * report, then exit with the session's status.
 */
static void
bt_finis(void)
{
	const struct conf *co = &readcf_config()->cf_conf;
	unsigned long flags = 0;
	int first = 1;

	if (sm_tTd(2, 1)) {
		if (co->co_oldstyleheaders)
			flags |= 0x1;
		if (co->co_metoo)
			flags |= 0x4000;
		(void)fprintf(bt_out(), "\n====finis: stat %d e_id=NOQUEUE "
		    "e_flags=%lx<", msg_exitstat(), flags);
		if (flags & 0x1) {
			(void)fputs("OLDSTYLE", bt_out());
			first = 0;
		}
		if (flags & 0x4000)
			(void)fprintf(bt_out(), "%sMETOO", first ? "" : ",");
		(void)fputs(">\n", bt_out());
	}
	(void)fflush(bt_out());
	map_close_all();
	/* sendmail's finis() turns a temporary failure into success (the
	 * message would be queued): recorded, "/parse" of an address whose
	 * ruleset 0 gives "$#error $@ 4.2.0" prints "stat 75" with -d2.1
	 * and exits 0 */
	exit(msg_exitstat() == EX_TEMPFAIL ? EX_OK : msg_exitstat());
}

static void
bt_quit(char *p)
{
	(void)p;
	bt_finis();
}

static const struct {
	const char *name;
	void	(*fn)(char *);
} bt_slash_cmds[] = {
	{ "quit", bt_quit },
	{ "mx", bt_mx }, { "canon", bt_canon }, { "map", bt_map },
	{ "try", bt_try }, { "tryflags", bt_tryflags_cmd },
	{ "parse", bt_parse }, { "expand", bt_expand },
	{ "sender", bt_sender }, { NULL, NULL }
};

static void
bt_slash(char *line)
{
	char *p = line + strlen(line);
	int i;

	while (--p >= line && isspace((unsigned char)*p))
		*p = '\0';
	p = strpbrk(line, " \t");
	if (p != NULL)
		while (isspace((unsigned char)*p))
			*p++ = '\0';
	else
		p = line + strlen(line);
	if (line[1] == '\0') {
		(void)fputs("Usage: /[canon|map|mx|parse|try|tryflags]\n",
		    bt_out());
		return;
	}
	for (i = 0; bt_slash_cmds[i].name != NULL; i++)
		if (strcasecmp(line + 1, bt_slash_cmds[i].name) == 0) {
			bt_slash_cmds[i].fn(p);
			return;
		}
	(void)fprintf(bt_out(), "Unknown \"/\" command %s\n", line);
}

/*
 * ?: the "-bt" lines of the HelpFile, each shown from past the first
 * blank or tab, as sendmail does.
 */
static void
bt_help(void)
{
	const char *file = readcf_config()->cf_conf.co_helpfile, *why;
	char buf[BT_LINESIZE];
	FILE *fp = file != NULL ? class_safe_open(file, &why) : NULL;
	int found = 0;

	if (fp == NULL) {
		const char *v = macro_get('v');

		(void)fprintf(bt_out(), "Sendmail %s -- HELP not implemented\n",
		    v != NULL ? v : "");
		return;
	}
	while (fgets(buf, sizeof(buf), fp) != NULL) {
		char *p;

		if (strncmp(buf, "-bt", 3) != 0)
			continue;
		found = 1;
		buf[strcspn(buf, "\n")] = '\0';
		p = strpbrk(buf, " \t");
		(void)fprintf(bt_out(), "%s\n", p != NULL ? p + 1 : buf + 3);
	}
	(void)fclose(fp);
	if (found)
		(void)fputs("End of HELP info\n", bt_out());
	else
		(void)fputs("HELP topic \"-bt\" unknown\n", bt_out());
}

void
bt_line(char *line)
{
	errno = 0;	/* a syserr's status (70, not 71) as sendmail's */
	if (line[0] == '#' || line[0] == '\0')
		return;
	while (*line == ' ')
		line++;
	switch (line[0]) {
	case '#': break;
	case '?': bt_help(); break;
	case '.': bt_dot(line); break;
	case '=': bt_equal(line); break;
	case '-': bt_dash(line); break;
	case '$': bt_dollar(line); break;
	case '/': bt_slash(line); break;
	case '\0': break;
	default: bt_rulesets(line); break;
	}
}

int
bt_run(FILE *in)
{
	char buf[BT_LINESIZE];

	for (;;) {
		char *nl;

		(void)fputs("> ", bt_out());
		(void)fflush(bt_out());
		if (fgets(buf, sizeof(buf), in) == NULL)
			break;
		nl = strchr(buf, '\n');
		if (nl != NULL)
			*nl = '\0';
		bt_line(buf);
	}
	bt_finis();
	return msg_exitstat();
}
