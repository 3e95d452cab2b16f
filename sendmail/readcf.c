/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * readcf.c -- read sendmail.cf (see readcf.h).
 *
 * Public: readcf_config readcf_init readcf readcf_line readcf_translate
 * readcf_env
 * readcf_option readcf_set_fatal readcf_reset readcf_finish.
 * Runs at start in every sendmail process, before privileges are given
 * up; reads the cf and the files its F lines name.
 *
 * Each line is folded (continuation lines start with white space),
 * translated ($x -> internal codes, comments dropped) and dispatched on
 * its first character through a table of small handlers.
 */
#include "sendmail/readcf.h"

#include "libsm/err.h"
#include "sendmail/class.h"
#include "sendmail/headers.h"
#include "sendmail/macro.h"
#include "sendmail/mailer.h"
#include "sendmail/map.h"
#include "sendmail/msg.h"
#include "sendmail/rewrite.h"
#include "sendmail/token.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct config readcf_cf;
static int	readcf_inited;
static void	readcf_env_reset(void);
static void	(*readcf_fatal_fn)(int);	/* tests: instead of exit */

static void	readcf_conf_message(void *ctx, enum conf_msg kind,
		    const char *text);
static void	readcf_conf_define(void *ctx, const char *name,
		    const char *value);
static char	*readcf_conf_expand(void *ctx, const char *text);
static int	readcf_rs = -1;		/* ruleset R lines go to */
static int	readcf_lineno;		/* line being read (for -d21.15) */
static int	readcf_bt;		/* -bt: print the S warnings */

struct config *
readcf_config(void)
{
	return &readcf_cf;
}

void
readcf_reset(void)
{
	int i;

	if (!readcf_inited)
		return;
	conf_free(&readcf_cf.cf_conf);
	free(readcf_cf.cf_vendor);
	for (i = 0; i < readcf_cf.cf_npri; i++)
		free(readcf_cf.cf_pri[i].name);
	memset(&readcf_cf, 0, sizeof(readcf_cf));
	readcf_inited = 0;
	hdr_reset();
}

void
readcf_init(void)
{
	struct conf *co = &readcf_cf.cf_conf;

	readcf_reset();
	hdr_reset();
	readcf_env_reset();
	readcf_inited = 1;
	conf_init(co);
	co->cf_hooks.ch_message = readcf_conf_message;
	co->cf_hooks.ch_define = readcf_conf_define;
	co->cf_hooks.ch_expand = readcf_conf_expand;
	readcf_cf.cf_level = 1;
	readcf_rs = -1;
	token_set_spacesub((unsigned char)co->co_blanksub);
	mailer_builtin();
}

/* ---- $ translation ------------------------------------------------------- */

/* Remove the byte at P from its string. */
static void
readcf_cut(char *p)
{
	memmove(p, p + 1, strlen(p + 1) + 1);
}

/* A '#' at P (not the first byte of LINE): comment, \# or $#. */
static char *
readcf_hash(char *line, char *p)
{
	char *e;

	if ((unsigned char)p[-1] == TOKEN_MACROEXPAND)
		return p;		/* from $# */
	if (p[-1] == '\\') {
		readcf_cut(p - 1);	/* \# is a plain # */
		return p - 1;
	}
	p--;
	while (isspace((unsigned char)*p) && *p != '\n' && p > line)
		p--;
	p++;
	e = strchr(p, '\n');
	if (e != NULL) {
		memmove(p, e, strlen(e) + 1);
		return p - 1;
	}
	*p = '\0';
	return p - 1;
}

void
readcf_translate(char *line)
{
	char *p;

	for (p = line; *p != '\0'; p++) {
		const char *ep;
		int id;

		if (*p == '#' && p > line && readcf_cf.cf_level >= 3) {
			p = readcf_hash(line, p);
			continue;
		}
		if (*p != '$' || p[1] == '\0')
			continue;
		if (p[1] == '$') {
			readcf_cut(p);		/* $$ is a dollar */
			continue;
		}
		*p++ = (char)TOKEN_MACROEXPAND;
		if (*p == '=' || *p == '~' || *p == '&' || *p == '?')
			p++;
		id = macro_id(p, &ep);
		*p = (char)id;
		if (id == 0)
			break;
		if (ep != p + 1)
			memmove(p + 1, ep, strlen(ep) + 1);
	}
	if (p > line)
		for (p = line + strlen(line) - 1; p > line &&
		    isspace((unsigned char)*p); p--)
			*p = '\0';
}

/* ---- line handlers -------------------------------------------------------- */

/* V: config level and vendor. */
static void
readcf_v(char *bp)
{
	char *p = bp + 1, *ep, *w;
	const char *sw;

	while (isspace((unsigned char)*p))
		p++;
	if (!isdigit((unsigned char)*p)) {
		msg_syserr("invalid argument to V line: \"%.20s\"", bp + 1);
		return;
	}
	readcf_cf.cf_level = (int)strtol(p, &ep, 10);
	if (readcf_cf.cf_level >= 5 && (sw = macro_get('w')) != NULL &&
	    strchr(sw, '.') != NULL) {
		char *s = sm_strdup_x(sw);

		*strchr(s, '.') = '\0';
		macro_set('w', s);
		free(s);
	}
	if (readcf_cf.cf_level >= 6)
		readcf_cf.cf_conf.co_colonokinaddr = false;
	if (*ep++ != '/')
		return;
	for (w = ep; isalpha((unsigned char)*w); w++)
		;
	*w = '\0';
	if (strcasecmp(ep, "Berkeley") != 0 && strcasecmp(ep, "Sendmail") != 0) {
		msg_syserr("invalid V line vendor code: \"%s\"", ep);
		return;
	}
	free(readcf_cf.cf_vendor);
	readcf_cf.cf_vendor = sm_strdup_x(ep);
}

/* D: macro definition (the value is munched, not expanded). */
static void
readcf_d(char *bp)
{
	const char *ep;
	int id = macro_id(bp + 1, &ep);
	char *v, *q;
	int bslash = 0, quoted = 0;

	if (id == 0)
		return;
	v = q = sm_malloc_x(strlen(ep) + 1);
	for (; *ep != '\0'; ep++) {
		if (bslash) {
			bslash = 0;
			*q++ = *ep == 'r' ? '\r' : *ep == 'n' ? '\n' :
			    *ep == 'f' ? '\f' : *ep == 'b' ? '\b' : *ep;
		} else if (*ep == '\\')
			bslash = 1;
		else if (*ep == '"')
			quoted = !quoted;
		else
			*q++ = *ep;
	}
	*q = '\0';
	macro_set(id, v);
	free(v);
}

/* C and T: words into a class (C expands macros first). */
static void
readcf_c(char *bp)
{
	char exbuf[READCF_MAXLINE];
	const char *ep;
	int id;

	if (bp[0] == 'T') {
		class_add_words('t', bp + 1);
		return;
	}
	id = macro_id(bp + 1, &ep);
	if (id == 0)
		return;
	(void)macro_expand(ep, exbuf, sizeof(exbuf));
	class_add_words(id, exbuf);
}

/* F: words from a file (or program, or map). */
static void
readcf_f(char *bp)
{
	const char *ep;
	char *p, *file, *fmt;
	int id = macro_id(bp + 1, &ep), optional = 0;

	if (id == 0)
		return;
	p = (char *)(bp + (ep - bp));
	while (isspace((unsigned char)*p))
		p++;
	if (p[0] == '-' && p[1] == 'o') {
		optional = 1;
		while (*p != '\0' && !isspace((unsigned char)*p))
			p++;
		while (isspace((unsigned char)*p))
			p++;
	}
	if (p[0] == '@' && strchr(p, ':') != NULL)
		return;		/* words from a map: not served */
	file = p;
	while (*p != '\0' && !isspace((unsigned char)*p))
		p++;
	fmt = NULL;
	if (*p != '\0') {
		*p++ = '\0';
		while (isspace((unsigned char)*p))
			p++;
		if (*p != '\0')
			fmt = p;
	}
	if (file[0] == '|')
		(void)class_program(id, file + 1, fmt);
	else
		(void)class_file(id, file, fmt, optional);
}

/* S: select (and name) the ruleset for the R lines that follow. */
static void
readcf_s(char *bp)
{
	char exbuf[READCF_MAXLINE];

	(void)macro_expand(bp + 1, exbuf, sizeof(exbuf));
	readcf_rs = rewrite_rsnum(exbuf, NULL, 1);
	if (readcf_rs < 0)
		return;
	if (rewrite_rshas_rules(readcf_rs) && readcf_bt)
		(void)fprintf(msg_out(), "WARNING: Ruleset %s has multiple "
		    "definitions\n", bp + 1);
}

/* P: a precedence name. */
static void
readcf_p(char *bp)
{
	char *p;
	struct config *cf = &readcf_cf;

	if (cf->cf_npri >= READCF_MAXPRIORITIES) {
		msg_syserr("too many %c lines, %d max", 'P',
		    READCF_MAXPRIORITIES);
		return;
	}
	p = strchr(bp + 1, '=');
	if (p == NULL) {
		msg_syserr("unknown configuration line \"%s\"", bp);
		return;
	}
	*p = '\0';
	cf->cf_pri[cf->cf_npri].name = sm_strdup_x(bp + 1);
	cf->cf_pri[cf->cf_npri].val = atoi(p + 1);
	cf->cf_npri++;
}

/* K: a map declaration (macros expanded). */
static void
readcf_k(char *bp)
{
	char exbuf[READCF_MAXLINE];
	const char *err = NULL;
	MAP *map;

	(void)macro_expand(bp + 1, exbuf, sizeof(exbuf));
	map = map_kline(exbuf, NULL, 0, &err);
	if (map != NULL)
		rewrite_map_blanksub(map, token_spacesub());
	else if (err != NULL)
		msg_syserr("%s", err);
}

/* M: a mailer. */
static void
readcf_m(char *bp)
{
	(void)mailer_define(bp + 1);
}

/* O: an option. */
static void
readcf_o(char *bp)
{
	readcf_option(bp + 1, 0);
}

/*
 * E lines: the environment of the programs mailers run.  sendmail 8.17
 * gives them AGENT=sendmail and nothing else of its own environment
 * (recorded: a |program's env shows AGENT and the PWD its shell sets);
 * "ENAME=value" adds NAME, "ENAME" copies NAME from the environment the
 * MTA was started with when it is set there (recorded: ETZ, ELANG).  A
 * later line for the same NAME replaces the earlier one.
 */
#define READCF_MAXENV	64
static char	*readcf_envv[READCF_MAXENV + 2];
static int	 readcf_nenv;

/* Put "NAME=value" VAR in the list, replacing one of the same NAME. */
static void
readcf_env_put(const char *var)
{
	size_t nl = strcspn(var, "=");
	int i;

	for (i = 0; i < readcf_nenv; i++)
		if (strncmp(readcf_envv[i], var, nl) == 0 &&
		    readcf_envv[i][nl] == '=') {
			free(readcf_envv[i]);
			readcf_envv[i] = sm_strdup_x(var);
			return;
		}
	if (readcf_nenv >= READCF_MAXENV) {
		msg_syserr("too many E lines (%d max)", READCF_MAXENV);
		return;
	}
	readcf_envv[readcf_nenv++] = sm_strdup_x(var);
	readcf_envv[readcf_nenv] = NULL;
}

/* Back to AGENT=sendmail alone. */
static void
readcf_env_reset(void)
{
	while (readcf_nenv > 0)
		free(readcf_envv[--readcf_nenv]);
	readcf_envv[0] = NULL;
	readcf_env_put("AGENT=sendmail");
}

char *const *
readcf_env(void)
{
	if (readcf_nenv == 0)
		readcf_env_reset();
	return readcf_envv;
}

static void
readcf_e(char *bp)
{
	const char *p = bp + 1, *v;
	char *var;
	size_t len;

	while (isspace((unsigned char)*p))
		p++;
	if (*p == '\0' || *p == '=')
		return;
	if (readcf_nenv == 0)
		readcf_env_reset();
	if (strchr(p, '=') != NULL) {
		readcf_env_put(p);
		return;
	}
	if ((v = getenv(p)) == NULL)
		return;
	len = strlen(p) + strlen(v) + 2;
	var = sm_malloc_x(len);
	(void)snprintf(var, len, "%s=%s", p, v);
	readcf_env_put(var);
	free(var);
}

/* The ?flags? or ?$x? part of an H line at P; the text after it, or NULL
 * for a syntax error. */
static char *
readcf_hcond(char *p)
{
	char *q = strchr(++p, '?');

	if (q == NULL)
		return NULL;
	*q = '\0';
	if ((unsigned char)*p == TOKEN_MACROEXPAND) {
		if (*++p == '\0' || *++p != '\0') {
			*q = '?';
			return NULL;
		}
	} else
		for (; *p != '\0'; p++)
			if ((unsigned char)*p >= 0x80) {
				*q = '?';
				return NULL;
			}
	*q = '?';
	return q + 1;
}

/* H: a header template, kept by headers.c for new messages. */
static void
readcf_h(char *bp)
{
	char *line = bp + 1, *p = line, *name;

	if (*p == '?' && (p = readcf_hcond(p)) == NULL) {
		msg_syserr("553 5.3.0 header syntax error, line \"%s\"", line);
		return;
	}
	name = p;
	while (*p > ' ' && *p < 0x7f && *p != ':')
		p++;
	if (p == name) {
		msg_syserr("553 5.3.0 header syntax error, line \"%s\"", line);
		return;
	}
	while (isspace((unsigned char)*p))
		p++;
	if (*p != ':') {
		msg_syserr("553 5.3.0 header syntax error, line \"%s\"", line);
		return;
	}
	(void)hdr_define(line, NULL);
}

/* Q and X: queue groups and mail filters need a name. */
static void
readcf_named(char *bp)
{
	const char *p = bp + 1;

	while (isspace((unsigned char)*p))
		p++;
	if (*p == '\0' || *p == ',')
		msg_syserr("name required for %s", bp[0] == 'Q' ? "queue" :
		    "mail filter");
}

static void
readcf_unknown(char *bp)
{
	msg_syserr("unknown configuration line \"%s\"", bp);
}

static void	readcf_r(char *bp);

static const struct {
	char	c;
	void	(*fn)(char *);
} readcf_handlers[] = {
	{ 'V', readcf_v }, { 'D', readcf_d }, { 'C', readcf_c },
	{ 'T', readcf_c }, { 'F', readcf_f }, { 'S', readcf_s },
	{ 'R', readcf_r }, { 'P', readcf_p }, { 'K', readcf_k },
	{ 'M', readcf_m }, { 'O', readcf_o }, { 'H', readcf_h },
	{ 'E', readcf_e }, { 'Q', readcf_named },
	{ 'X', readcf_named }, { 0, NULL }
};

void
readcf_line(char *bp, int lineno)
{
	int i;

	readcf_lineno = lineno;
	if (bp[0] == '#')
		return;
	readcf_translate(bp);
	if (bp[0] == '\0' || bp[0] == '#')
		return;
	for (i = 0; readcf_handlers[i].c != 0; i++)
		if (readcf_handlers[i].c == bp[0]) {
			readcf_handlers[i].fn(bp);
			return;
		}
	readcf_unknown(bp);
}

/* ---- rules ---------------------------------------------------------------- */

/* The name of a metasymbol misused on one side, or NULL. */
static const char *
readcf_botch(int c, int lhs)
{
	static const struct {
		int	code;
		const char *name;
		int	lhs;	/* 1: bad on LHS, 0: bad on RHS */
	} bad[] = {
		{ TOKEN_MATCHREPL, "$1-$9", 1 }, { TOKEN_CANONUSER, "$:", 1 },
		{ TOKEN_CALLSUBR, "$>", 1 }, { TOKEN_CONDIF, "$?", 1 },
		{ TOKEN_CONDFI, "$.", 1 }, { TOKEN_HOSTBEGIN, "$[", 1 },
		{ TOKEN_HOSTEND, "$]", 1 }, { TOKEN_LOOKUPBEGIN, "$(", 1 },
		{ TOKEN_LOOKUPEND, "$)", 1 }, { TOKEN_MATCHZANY, "$*", 0 },
		{ TOKEN_MATCHANY, "$+", 0 }, { TOKEN_MATCHONE, "$-", 0 },
		{ TOKEN_MATCHCLASS, "$=", 0 }, { TOKEN_MATCHNCLASS, "$~", 0 },
		{ 0, NULL, 0 }
	};
	int i;

	for (i = 0; bad[i].name != NULL; i++)
		if (bad[i].code == c && bad[i].lhs == lhs)
			return bad[i].name;
	return NULL;
}

/* Check a LHS; returns the number of wildcards. */
static int
readcf_check_lhs(const struct token *const *av, int n)
{
	int i, nfuzzy = 0;

	for (i = 0; i < n; i++) {
		int c = TOKEN_C0(av[i]);
		const char *botch = readcf_botch(c, 1);

		if (c == TOKEN_MATCHZANY || c == TOKEN_MATCHANY ||
		    c == TOKEN_MATCHONE || c == TOKEN_MATCHCLASS ||
		    c == TOKEN_MATCHNCLASS)
			nfuzzy++;
		if (botch != NULL)
			msg_syserr("Inappropriate use of %s on LHS", botch);
	}
	return nfuzzy;
}

/* Check a RHS against NFUZZY wildcards. */
static void
readcf_check_rhs(const struct token *const *av, int n, int nfuzzy)
{
	int i, inmap = 0, args = 0, endcode = 0;

	for (i = 0; i < n; i++) {
		int c = TOKEN_C0(av[i]);
		const char *botch = readcf_botch(c, 0);

		if (c == TOKEN_MATCHREPL && (av[i]->t_s[1] <= '0' ||
		    av[i]->t_s[1] > '0' + nfuzzy))
			msg_syserr("replacement $%c out of bounds",
			    av[i]->t_s[1]);
		else if (c == TOKEN_CANONHOST && inmap &&
		    ++args >= REWRITE_MAXMAPARGS)
			msg_syserr("too many arguments for map lookup");
		else if (c == TOKEN_HOSTBEGIN || c == TOKEN_LOOKUPBEGIN) {
			endcode = c == TOKEN_HOSTBEGIN ? TOKEN_HOSTEND :
			    TOKEN_LOOKUPEND;
			if (inmap)
				msg_syserr("cannot nest map lookups");
			inmap = 1;
			args = 0;
		} else if ((c == TOKEN_HOSTEND || c == TOKEN_LOOKUPEND) &&
		    c == endcode) {
			inmap = 0;
			endcode = 0;
		}
		if (botch != NULL)
			msg_syserr("Inappropriate use of %s on RHS", botch);
	}
}

/*
 * Hand the operator characters to the tokenizer: OperatorChars, or $o
 * for configs before level 7; the tokenizer keeps the set it has at its
 * first scan.
 */
static void
readcf_operators(void)
{
	char buf[256];
	const char *ops = readcf_cf.cf_conf.co_operatorchars;

	if (ops == NULL && readcf_cf.cf_level < 7)
		ops = macro_get('o');
	if (ops == NULL) {
		token_set_operators(NULL);
		return;
	}
	(void)macro_expand(ops, buf, sizeof(buf));
	token_set_operators(buf);
}

/* Tokenize one side of a rule (macros expanded first). */
static int
readcf_side(const char *text, const struct token **av)
{
	char exbuf[READCF_MAXLINE];
	int n;

	readcf_operators();
	(void)macro_expand(text, exbuf, sizeof(exbuf));
	n = token_scan(exbuf, '\t', readcf_cf.cf_level >= 9 ?
	    TOKEN_TAB_NOC : TOKEN_TAB_INT, 1, av, TOKEN_MAXATOM + 1, NULL);
	return n < 0 ? 0 : n;
}

/* R: a rule "LHS<tab>RHS[<tab>comment]". */
static void
readcf_r(char *bp)
{
	static const struct token *lhs[TOKEN_MAXATOM + 1];
	static const struct token *rhs[TOKEN_MAXATOM + 1];
	char *p, *q;
	int nl, nr, nfuzzy;

	if (readcf_rs < 0) {
		msg_syserr("missing valid ruleset for \"%s\"", bp);
		return;
	}
	for (p = bp + 1; *p != '\0' && *p != '\t'; p++)
		;
	if (*p == '\0') {
		msg_syserr("invalid rewrite line \"%s\" (tab expected)", bp);
		return;
	}
	*p = '\0';
	nl = readcf_side(bp + 1, lhs);
	if (nl == 0)
		msg_syserr("R line: null LHS");
	nfuzzy = readcf_check_lhs(lhs, nl);
	if (nfuzzy > REWRITE_MAXMATCH) {
		msg_syserr("R line: too many wildcards");
		nl = 0;
	}
	while (*++p == '\t')
		;
	q = p;
	while (*p != '\0' && *p != '\t')
		p++;
	*p = '\0';
	nr = readcf_side(q, rhs);
	if (nr == 0)
		msg_syserr("R line: null RHS");
	else
		readcf_check_rhs(rhs, nr, nfuzzy);
	rewrite_add_rule(readcf_rs, lhs, nl, rhs, nr, readcf_lineno);
}

/* ---- options ------------------------------------------------------------ */

/* conf's messages, printed the way sendmail prints each kind. */
static void
readcf_conf_message(void *ctx, enum conf_msg kind, const char *text)
{
	(void)ctx;
	switch (kind) {
	case CONF_MSG_RAW:
		(void)fprintf(msg_out(), "%s\n", text);
		break;
	case CONF_MSG_NOTE:
		msg_note("%s", text);
		break;
	case CONF_MSG_ERROR:
	case CONF_MSG_FATAL:
		errno = 0;
		msg_syserr("%s", text);
		break;
	}
}

/* conf's M option: define a macro. */
static void
readcf_conf_define(void *ctx, const char *name, const char *value)
{
	int id = macro_id(name, NULL);

	(void)ctx;
	if (id != 0)
		macro_set(id, value);
}

/* conf's expansion of file names. */
static char *
readcf_conf_expand(void *ctx, const char *text)
{
	char buf[READCF_MAXLINE];

	(void)ctx;
	(void)macro_expand(text, buf, sizeof(buf));
	return sm_strdup_x(buf);
}

void
readcf_set_fatal(void (*fn)(int status))
{
	readcf_fatal_fn = fn;
}

void
readcf_option(const char *text, int fromcmd)
{
	struct conf *co = &readcf_cf.cf_conf;
	const char *err = NULL;
	int old = co->co_blanksub;

	(void)conf_option(co, text, fromcmd, &err);
	if (co->cf_fatal != 0) {
		int st = co->cf_fatal;

		(void)fflush(msg_out());
		co->cf_fatal = 0;
		if (readcf_fatal_fn != NULL)
			readcf_fatal_fn(st);
		exit(st);
	}
	if (co->co_blanksub != old)
		token_set_spacesub((unsigned char)co->co_blanksub);
}

/* ---- reading -------------------------------------------------------------- */

/*
 * Read one folded line from FP into *BUF (grown as needed): physical
 * lines that start with a blank continue it, joined by their newline.
 * *LINENO counts physical lines.  Returns 0 at end of file.
 */
static int
readcf_getline(FILE *fp, char **buf, size_t *size, int *lineno)
{
	size_t n = 0;
	int c;

	if (feof(fp))
		return 0;
	while ((c = getc(fp)) != EOF) {
		if (c == '\r') {
			int d = getc(fp);

			if (d != '\n' && d != EOF)
				(void)ungetc(d, fp);
			c = d == '\n' ? '\n' : '\r';
		}
		if (c == '\n') {
			int d;

			(*lineno)++;
			d = getc(fp);
			if (d != EOF)
				(void)ungetc(d, fp);
			if (d != ' ' && d != '\t')
				break;
		}
		if (n + 2 >= *size) {
			*size = *size == 0 ? 256 : *size * 2;
			*buf = sm_realloc_x(*buf, *size);
		}
		(*buf)[n++] = (char)c;
	}
	if (c == EOF && n == 0)
		return 0;
	if (*buf == NULL)
		*buf = sm_malloc_x(*size = 256);
	(*buf)[n] = '\0';
	return 1;
}

int
readcf(const char *file, int btmode)
{
	FILE *fp;
	char *buf = NULL;
	size_t size = 0;
	int lineno = 0;

	readcf_bt = btmode;
	fp = fopen(file, "r");
	if (fp == NULL) {
		msg_syserr("cannot open %s: %s", file, strerror(errno));
		return -1;
	}
	while (readcf_getline(fp, &buf, &size, &lineno)) {
		msg_set_place(file, lineno);
		readcf_line(buf, lineno);
	}
	msg_set_place(NULL, 0);
	free(buf);
	(void)fclose(fp);
	return 0;
}

void
readcf_finish(void)
{
	conf_finish(&readcf_cf.cf_conf);
	readcf_operators();
	if (mailer_find("local") == NULL)
		msg_syserr("No local mailer defined");
}
