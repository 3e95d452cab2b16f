/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * parseaddr.c -- addresses through rulesets 3 and 0 (see parseaddr.h).
 *
 * Public: parseaddr_invalid parseaddr parseaddr_free parseaddr_crack
 * parseaddr_remotename.
 * Runs wherever addresses are routed; no privileges needed.
 */
#include "sendmail/parseaddr.h"

#include "libsm/debug.h"
#include "libsm/err.h"
#include "sendmail/macro.h"
#include "sendmail/msg.h"
#include "sendmail/readcf.h"
#include "sendmail/rewrite.h"
#include "sendmail/token.h"

#include <ctype.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#define PA_BADCHAR	'?'	/* sendmail's BAD_CHAR_REPLACEMENT */

int
parseaddr_invalid(char *addr, int isrcpt)
{
	char *p;
	int bad = 0, len = 0;

	for (p = addr; *p != '\0'; p++) {
		if (((unsigned char)*p & 0xe0) == 0x80) {
			msg_setstat(EX_USAGE);
			bad = 1;
			*p = PA_BADCHAR;
		}
		if (++len > TOKEN_MAXNAME - 1) {
			char saved = *p;
			const char *to = msg_set_to(NULL);

			*p = '\0';
			/* sendmail's "to" is this very buffer when parseaddr
			 * calls: it is cut here too */
			(void)msg_set_to(to != NULL &&
			    strncmp(to, addr, (size_t)(p - addr)) == 0 ? addr : to);
			msg_usrerr("553 5.1.0 Address \"%s\" too long (%d bytes "
			    "max)", addr, TOKEN_MAXNAME - 1);
			(void)msg_set_to(to);
			*p = saved;
			return 1;
		}
	}
	if (bad)
		msg_usrerr("501 5.1.%d 8-bit character in mailbox address "
		    "\"%s\"", isrcpt ? 3 : 7, addr);
	return bad;
}


/* ---- helpers ---------------------------------------------------------- */

#define PA_MAXNAME_I	TOKEN_MAXNAME	/* sendmail's MAXNAME_I */

/* sendmail's stripquotes: drop " and the \ of \x, in place. */
static void
pa_stripquotes(char *s)
{
	char *q = s;
	int bslash = 0;

	for (; *s != '\0'; s++) {
		if (!bslash && *s == '\\') {
			bslash = 1;
			continue;
		}
		if (!bslash && *s == '"')
			continue;
		bslash = 0;
		*q++ = *s;
	}
	*q = '\0';
}

/* ASCII lower case in place (sendmail's makelower). */
static void
pa_lower(char *s)
{
	for (; *s != '\0'; s++)
		if (*s >= 'A' && *s <= 'Z')
			*s = (char)(*s - 'A' + 'a');
}

/* Length of an enhanced status code "c.d.d" at S followed by DELIM, or 0
 * (at most three digits per part, as sendmail's isenhsc). */
static int
pa_isenhsc(const char *s, int delim)
{
	int l = 2, h = 0;

	if (s == NULL || (*s != '2' && *s != '4' && *s != '5') || s[1] != '.')
		return 0;
	while (h < 3 && isdigit((unsigned char)s[l + h]))
		h++;
	if (h == 0 || s[l + h] != '.')
		return 0;
	l += h + 1;
	h = 0;
	while (h < 3 && isdigit((unsigned char)s[l + h]))
		h++;
	if (h == 0 || s[l + h] != delim)
		return 0;
	return l + h;
}

/* sendmail's dsntoexitstat: the sysexits code for DSN status S. */
static int
pa_dsnstat(const char *s)
{
	static const int subj1[] = { EX_DATAERR, EX_NOUSER, EX_NOHOST,
	    EX_USAGE, EX_UNAVAILABLE, EX_CONFIG, EX_NOUSER, EX_USAGE,
	    EX_NOHOST };
	static const int subj4[] = { EX_IOERR, EX_TEMPFAIL, EX_IOERR,
	    EX_TEMPFAIL, EX_PROTOCOL, EX_TEMPFAIL, EX_CONFIG, EX_UNAVAILABLE };
	int c2, c3;

	if (*s == '2')
		return EX_OK;
	if (*s == '4')
		return EX_TEMPFAIL;
	if (*s != '5' || s[1] != '.')
		return EX_CONFIG;
	s += 2;
	c2 = atoi(s);
	while (*s != '\0' && *s != '.')
		s++;
	c3 = *s != '\0' ? atoi(s + 1) : 0;
	switch (c2) {
	case 0: return EX_UNAVAILABLE;
	case 1: return c3 >= 0 && c3 <= 8 ? subj1[c3] : EX_CONFIG;
	case 2:
		if (c3 == 3)
			return EX_DATAERR;
		return c3 >= 0 && c3 <= 4 ? EX_UNAVAILABLE : EX_CONFIG;
	case 3:
		if (c3 == 0) return EX_OSERR;
		if (c3 >= 1 && c3 <= 3) return EX_UNAVAILABLE;
		return c3 == 4 ? EX_DATAERR : EX_CONFIG;
	case 4: return c3 >= 0 && c3 <= 7 ? subj4[c3] : EX_CONFIG;
	case 5: return EX_PROTOCOL;
	case 6: return EX_UNAVAILABLE;
	case 7: return EX_DATAERR;
	}
	return EX_CONFIG;
}

/* The exit status an $#error host word names ("nouser", ...). */
static int
pa_errcode(const char *name)
{
	static const struct {
		const char *name;
		int	code;
	} codes[] = {
		{ "usage", EX_USAGE }, { "nouser", EX_NOUSER },
		{ "nohost", EX_NOHOST }, { "unavailable", EX_UNAVAILABLE },
		{ "software", EX_SOFTWARE }, { "tempfail", EX_TEMPFAIL },
		{ "protocol", EX_PROTOCOL }, { "config", EX_CONFIG },
		{ NULL, EX_UNAVAILABLE }
	};
	int i;

	for (i = 0; codes[i].name != NULL; i++)
		if (strcasecmp(codes[i].name, name) == 0)
			break;
	return codes[i].code;
}

/*
 * sendmail's hasctrlchar: control characters outside quotes are
 * replaced by '?' in ADDR (and reported when COMPLAIN); an address longer
 * than 255 bytes, a trailing backslash and an unbalanced quote too.
 * Returns 1 when something was wrong.
 */
static int
pa_hasctrl(char *addr, int isrcpt, int complain)
{
	const char *result = NULL;
	char *p;
	int quoted = 0, len = 0;

	for (p = addr; *p != '\0'; p++) {
		if (++len > TOKEN_MAXNAME - 1) {
			if (complain) {
				addr[TOKEN_MAXNAME - 1] = '\0';
				msg_usrerr("553 5.1.0 Address \"%s\" too long "
				    "(%d bytes max)", addr, TOKEN_MAXNAME - 1);
				return 1;
			}
			result = "too long";
		}
		if (!quoted && ((unsigned char)*p < 32 || *p == 127)) {
			result = "non-printable character";
			*p = PA_BADCHAR;
			continue;
		}
		if (*p == '"')
			quoted = !quoted;
		else if (*p == '\\') {
			if (*++p == '\0') {
				result = "trailing \\ character";
				*--p = PA_BADCHAR;
				break;
			}
			if ((unsigned char)*p < 32 || *p == 127) {
				result = "non-printable character";
				*--p = PA_BADCHAR;
				continue;
			}
		}
	}
	if (quoted)
		result = "unbalanced quote";
	if (result != NULL && complain)
		msg_usrerr("501 5.1.%d Syntax error in mailbox address \"%s\" "
		    "(%s)", isrcpt ? 3 : 7, addr, result);
	return result != NULL;
}

/* ---- buildaddr --------------------------------------------------------- */

/* Index of the first token of PV (N tokens) from I on with code C, or N. */
static int
pa_find(const struct token *const *pv, int n, int i, int c)
{
	while (i < n && TOKEN_C0(pv[i]) != c)
		i++;
	return i;
}

/* Report the user part UBUF of an $#error (HOST its $@ part or NULL). */
static int
pa_error_message(char *ubuf, const char *host)
{
	char code[4];
	int off;

	if (!(isdigit((unsigned char)ubuf[0]) && isdigit((unsigned char)ubuf[1])
	    && isdigit((unsigned char)ubuf[2]) && (ubuf[3] == ' ' ||
	    ubuf[3] == '-' || ubuf[3] == '\0'))) {
		msg_usrerr("553 5.3.0 %s", ubuf);
		return 0;
	}
	memcpy(code, ubuf, 3);
	code[3] = '\0';
	off = ubuf[3] == '\0' ? 3 : 4;
	/* an enhanced status in the text (or in $@) is not shown */
	(void)host;
	if (ubuf[3] != '\0' && pa_isenhsc(ubuf + 4, ' ') > 0)
		off += pa_isenhsc(ubuf + 4, ' ') + 1;
	msg_usrerr("%s %s", code, ubuf + off);
	return code[0] == '4';
}

/* An $#error triple: fill A, set the exit status, report. */
static void
pa_build_error(ADDRESS *a, char *ubuf, const char *hbuf)
{
	int tempfail;

	a->q_mailer = mailer_error();
	a->q_user = sm_strdup_x(ubuf);
	if (hbuf != NULL) {
		a->q_host = sm_strdup_x(hbuf);
		if (strchr(hbuf, '.') != NULL) {
			a->q_status = sm_strdup_x(hbuf);
			msg_setstat(pa_dsnstat(hbuf));
		} else if (isdigit((unsigned char)hbuf[0]))
			msg_setstat(atoi(hbuf));
		else
			msg_setstat(pa_errcode(hbuf));
	} else
		msg_setstat(EX_UNAVAILABLE);
	pa_stripquotes(ubuf);
	tempfail = pa_error_message(ubuf, hbuf);
	a->q_bad = (msg_exitstat() == EX_TEMPFAIL || tempfail) ? 2 : 1;
}

/* A bad parse: QUEUEUP on a temporary failure, else the error mailer. */
static ADDRESS *
pa_badaddr(ADDRESS *a)
{
	a->q_bad = msg_exitstat() == EX_TEMPFAIL ? 2 : 1;
	if (a->q_bad == 1)
		a->q_mailer = mailer_error();
	return a;
}

/* The mailer called NAME (case-insensitive), sendmail's table order. */
static MAILER *
pa_mailer(const char *name)
{
	int i;

	for (i = 0; i < MAILER_MAX && mailer_bynum(i) != NULL; i++)
		if (strcasecmp(mailer_bynum(i)->m_name, name) == 0)
			return mailer_bynum(i);
	return NULL;
}

/*
 * The user part at PV[U..N) for mailer M: the special forms (@user,
 * |program, /file, :include:) and then rulesets 2, R= and 4.
 */
static void
pa_build_user(ADDRESS *a, MAILER *m, const struct token **pv, int u, int n,
    int flags, char *ubuf, size_t ubsize)
{
	const char *p = ubuf;
	int tn;

	if (mailer_flag(m, '@') && *p == '@') {
		p++;
		u++;
	}
	if (*p == '"')
		p++;
	if (*p == '|' && mailer_flag(m, '|') && mailer_find("prog") != NULL)
		a->q_mailer = m = mailer_find("prog");
	else if (*p == '/' && mailer_flag(m, '/') &&
	    mailer_find("*file*") != NULL)
		a->q_mailer = m = mailer_find("*file*");
	else if (*p == ':' && mailer_flag(m, ':')) {
		pa_stripquotes(ubuf);
		if (strncasecmp(ubuf, ":include:", 9) == 0 &&
		    mailer_find("*include*") != NULL) {
			a->q_mailer = mailer_find("*include*");
			a->q_user = sm_strdup_x(ubuf + 9);
			return;
		}
	}
	macro_set('h', a->q_host);
	tn = u <= n ? n - u : 0;
	if (readcf_config()->cf_level >= 10 ||
	    !(flags & (PA_SENDERADDR | PA_HEADERADDR))) {
		(void)rewrite(pv + u, &tn, TOKEN_MAXATOM - u, 2, 0);
		if (m->m_re_rwset > 0)
			(void)rewrite(pv + u, &tn, TOKEN_MAXATOM - u,
			    m->m_re_rwset, 0);
	}
	(void)rewrite(pv + u, &tn, TOKEN_MAXATOM - u, 4, 0);
	(void)token_cat(pv + u, tn, ubuf, ubsize, '\0', 1);
	a->q_user = sm_strdup_x(ubuf);
	if (a->q_host != NULL && !mailer_flag(m, 'h'))
		pa_lower(a->q_host);
	if (!mailer_flag(m, 'u'))
		pa_lower(a->q_user);
}

/* sendmail's buildaddr: the resolved triple in PV (N tokens) into A. */
static ADDRESS *
pa_build(const struct token **pv, int n, ADDRESS *a, int flags)
{
	char hbuf[TOKEN_MAXNAME + 1], ubuf[PA_MAXNAME_I + 2];
	int h = -1, u;
	const char *mname;
	MAILER *m;

	if (n == 0 || TOKEN_C0(pv[0]) != TOKEN_CANONNET) {
		msg_syserr("554 5.3.5 buildaddr: no mailer in parsed address");
		return pa_badaddr(a);
	}
	mname = n > 1 ? pv[1]->t_s : "";
	if (n > 2 && TOKEN_C0(pv[2]) == TOKEN_CANONHOST)
		h = 3;
	u = pa_find(pv, n, 2, TOKEN_CANONUSER);
	if (u >= n) {
		msg_syserr("554 5.3.5 buildaddr: no user");
		return pa_badaddr(a);
	}
	if (h == u)
		h = -1;
	else if (h >= 0)
		(void)token_cat(pv + h, u - h, hbuf, sizeof(hbuf), '\0', 1);
	u++;
	(void)token_cat(pv + u, n - u, ubuf, sizeof(ubuf), ' ', 0);
	if (strcasecmp(mname, "error") == 0) {
		pa_build_error(a, ubuf, h >= 0 ? hbuf : NULL);
		return a;
	}
	if ((m = pa_mailer(mname)) == NULL) {
		msg_syserr("554 5.3.5 buildaddr: unknown mailer %s", mname);
		return pa_badaddr(a);
	}
	a->q_mailer = m;
	if (h < 0 && !mailer_flag(m, 'l')) {
		msg_syserr("554 5.3.5 buildaddr: no host");
		return pa_badaddr(a);
	}
	a->q_host = h >= 0 ? sm_strdup_x(hbuf) : NULL;
	pa_build_user(a, m, pv, u, n, flags, ubuf, sizeof(ubuf));
	return a;
}

/* ---- parseaddr ---------------------------------------------------------- */

/* The address messages are about after parseaddr: sendmail leaves it. */
static char *pa_to;

static void
pa_set_to(const char *addr)
{
	char *old = pa_to;

	pa_to = sm_strdup_x(addr);
	(void)msg_set_to(pa_to);
	free(old);
}

ADDRESS *
parseaddr_delim(char *addr, int delim, char **endp, ADDRESS *a, int flags)
{
	static const struct token *pv[TOKEN_MAXATOM + 1];
	int n, isrcpt = !(flags & PA_SENDERADDR), qup, bad;
	const char *end = NULL;
	char *e, saved;

	memset(a, 0, sizeof(*a));
	pa_set_to(addr);
	n = token_scan(addr, delim, TOKEN_TAB_EXT, 0, pv, TOKEN_MAXATOM + 1,
	    &end);
	e = addr + (end - addr);
	if (endp != NULL)
		*endp = e;
	if (n == -2 && strlen(addr) > TOKEN_MAXNAME) {
		addr[TOKEN_MAXNAME] = '\0';	/* sendmail cuts it so */
		pa_set_to(addr);
		if (endp != NULL && *endp > addr + TOKEN_MAXNAME)
			*endp = addr + TOKEN_MAXNAME;
	}
	if (n <= 0)
		return NULL;
	saved = *e;
	*e = '\0';		/* the address ends at its delimiter */
	bad = parseaddr_invalid(addr, isrcpt);
	if (!bad && delim != '\0')
		pa_set_to(addr);
	a->q_paddr = sm_strdup_x(addr);
	*e = saved;
	if (bad) {
		free(a->q_paddr);
		a->q_paddr = NULL;
		return NULL;
	}
	qup = rewrite(pv, &n, TOKEN_MAXATOM, 3, 0) == EX_TEMPFAIL;
	if (rewrite(pv, &n, TOKEN_MAXATOM, 0, 0) == EX_TEMPFAIL)
		qup = 1;
	(void)pa_build(pv, n, a, flags);
	if (a->q_user != NULL && pa_hasctrl(a->q_user, isrcpt, 1))
		a->q_bad = 1;
	if (a->q_bad == 1)
		(void)pa_hasctrl(a->q_paddr, isrcpt, 0);
	else if (qup) {
		msg_info("050 Transient parse error -- message queued for "
		    "future delivery");
		a->q_bad = 2;
		free(a->q_status);
		a->q_status = sm_strdup_x("4.4.3");
	}
	if (a->q_user == NULL)
		a->q_user = sm_strdup_x("");
	return a;
}

ADDRESS *
parseaddr(char *addr, ADDRESS *a, int flags)
{
	return parseaddr_delim(addr, '\0', NULL, a, flags);
}

void
parseaddr_free(ADDRESS *a)
{
	free(a->q_paddr);
	free(a->q_user);
	free(a->q_host);
	free(a->q_status);
	memset(a, 0, sizeof(*a));
}

/* ---- crackaddr ------------------------------------------------------------ */

/*
 * The state of crackaddr: the output template being built, how deep we
 * are in comments, quotes and angle brackets of the input (and of the
 * output), and whether the address part ($g) was written yet.
 */
struct crack {
	char	buf[PA_MAXNAME_I + 1];
	char	*bp, *buflim, *bufhead, *bufend;
	const char *addr, *addrhead, *p;
	int	cmtlev, realcmtlev, anglelev, copylev, bracklev;
	int	addangle, qmode, realqmode, putgmac, quoteit;
	int	gotangle, gotcolon;
	int	toolong;	/* a character found no room: give up */
};

#define CR_ROOM(c)	((c)->bp < (c)->buflim && (c)->buflim <= (c)->bufend)

static void
cr_put(struct crack *c, int ch)
{
	if (CR_ROOM(c))
		*c->bp++ = (char)ch;
	else
		c->toolong = 1;
}

/* Write $g once, outside copied text. */
static void
cr_putg(struct crack *c)
{
	if (c->copylev > 0 || c->putgmac)
		return;
	if (c->bp > c->buf && c->bp[-1] == ')')
		cr_put(c, ' ');
	cr_put(c, TOKEN_MACROEXPAND);
	cr_put(c, 'g');
	c->putgmac = 1;
}

/*
 * A phrase before '<' or ':' (at c->p - 1): restart the output with the
 * phrase from addrhead, quoted when it must be, then the delimiter D.
 */
static void
cr_phrase(struct crack *c, int d)
{
	const char *q;

	c->bp = c->bufhead;
	if (c->quoteit) {
		cr_put(c, '"');
		--c->p;		/* back up over D and any spaces */
		while (c->p > c->addr && isspace((unsigned char)*--c->p))
			;
		c->p++;
	}
	for (q = c->addrhead; q < c->p; q++) {
		if (c->quoteit && *q == '"')
			cr_put(c, '\\');
		cr_put(c, *q);
	}
	if (c->quoteit) {
		if (c->bp == (d == '<' ? &c->buf[1] : &c->bufhead[1]))
			c->bp--;
		else
			cr_put(c, '"');
		while (*c->p != '\0' && *c->p != d)
			cr_put(c, *c->p++);
		if (*c->p == d)
			cr_put(c, *c->p++);
	}
}

/* ':' of a group "name: list;" (or DECnet :: / :.): 1 when handled. */
static int
cr_colon(struct crack *c)
{
	if (*c->p == ':' || *c->p == '.') {
		if (c->cmtlev <= 0 && !c->qmode)
			c->quoteit = 1;
		if (c->copylev > 0) {
			cr_put(c, ':');
			cr_put(c, *c->p);
		}
		c->p++;
		cr_putg(c);
		return 1;
	}
	c->gotcolon = 1;
	cr_phrase(c, ':');
	while (isspace((unsigned char)*c->p))
		cr_put(c, *c->p++);
	c->copylev = 0;
	c->putgmac = c->quoteit = 0;
	c->bufhead = c->bp;
	c->addrhead = c->p;
	return 1;
}

/* '<': what came before is a phrase. */
static void
cr_langle(struct crack *c)
{
	if (c->gotangle)
		c->quoteit = 1;
	c->gotangle = 1;
	c->anglelev = 1;
	if (CR_ROOM(c)) {
		if (!c->addangle)
			c->buflim--;
		c->addangle = 1;
	}
	cr_phrase(c, '<');
	c->copylev = 0;
	c->putgmac = c->quoteit = 0;
}

/* '>': 1 when the character is consumed. */
static void
cr_rangle(struct crack *c)
{
	if (c->anglelev > 0) {
		c->anglelev--;
		if (CR_ROOM(c)) {
			if (c->addangle)
				c->buflim++;
			c->addangle = 0;
		}
	} else if (CR_ROOM(c)) {
		if (c->copylev > 0 && c->bp > c->bufhead)
			c->bp--;
		c->quoteit = 1;
		return;
	}
	if (c->copylev++ <= 0)
		cr_put(c, '>');
}

/* A '(' ... ')' comment: 1 when CH belongs to a comment. */
static int
cr_comment(struct crack *c, int ch)
{
	if (ch == '(') {
		c->cmtlev++;
		if (CR_ROOM(c)) {
			c->buflim--;
			c->realcmtlev++;
			if (c->copylev++ <= 0) {
				if (c->bp != c->bufhead)
					cr_put(c, ' ');
				cr_put(c, ch);
			}
		}
	}
	if (c->cmtlev > 0) {
		if (ch == ')') {
			c->cmtlev--;
			c->copylev--;
			if (CR_ROOM(c)) {
				c->realcmtlev--;
				c->buflim++;
			}
		}
		return 1;
	}
	if (ch == ')' && c->copylev > 0 && CR_ROOM(c) && c->bp > c->bufhead)
		c->bp--;	/* unmatched ) */
	return 0;
}

/* One input character CH outside quotes and comments. */
static void
cr_plain(struct crack *c, int ch)
{
	const struct config *cf = readcf_config();
	const char *mq = cf->cf_conf.co_mustquotechars != NULL ?
	    cf->cf_conf.co_mustquotechars : "@,;:\\()[].'";

	if (ch == '[')
		c->bracklev++;
	else if (ch == ']')
		c->bracklev--;
	if (ch == ':' && c->anglelev <= 0 && c->bracklev <= 0 &&
	    !c->gotcolon && !cf->cf_conf.co_colonokinaddr && cr_colon(c))
		return;
	if (ch == ';' && c->copylev <= 0 && !cf->cf_conf.co_colonokinaddr)
		cr_put(c, ch);
	if (strchr(mq, ch) != NULL && c->cmtlev <= 0 && !c->qmode)
		c->quoteit = 1;
	if (ch == '<') {
		cr_langle(c);
		return;
	}
	if (ch == '>') {
		cr_rangle(c);
		return;
	}
	cr_putg(c);
}

/* One input character CH (already taken from c->p). */
static void
cr_char(struct crack *c, int ch)
{
	if (c->copylev > 0)
		cr_put(c, ch);
	if (ch == '\\') {
		if (c->cmtlev <= 0 && !c->qmode)
			c->quoteit = 1;
		if ((ch = (unsigned char)*c->p++) == '\0')
			c->p--;
		else if (c->copylev > 0)
			cr_put(c, ch);
		cr_putg(c);
		return;
	}
	if (ch == '"' && c->cmtlev <= 0) {
		c->qmode = !c->qmode;
		if (c->copylev > 0 && CR_ROOM(c)) {
			if (c->realqmode)
				c->buflim--;
			else
				c->buflim++;
			c->realqmode = !c->realqmode;
		}
		return;
	}
	if (c->qmode) {
		cr_putg(c);
		return;
	}
	if (cr_comment(c, ch))
		return;
	cr_plain(c, ch);
}

static const char *pa_crack(const char *addr);

const char *
parseaddr_crack(const char *addr)
{
	const char *r;

	if (sm_tTd(33, 1))
		(void)fprintf(msg_out(), "crackaddr(%s)\n", addr);
	r = pa_crack(addr);
	if (sm_tTd(33, 1)) {
		(void)fputs("crackaddr=>`", msg_out());
		token_xputs(msg_out(), r);
		(void)fputs("'\n", msg_out());
	}
	return r;
}

/* sendmail's crackaddr: ADDR with the address proper replaced by $g. */
static const char *
pa_crack(const char *addr)
{
	static struct crack c;
	int ch;

	memset(&c, 0, sizeof(c));
	c.bp = c.buf;
	c.buflim = c.bufend = &c.buf[sizeof(c.buf) - 1];
	while (*addr != '\0' && isspace((unsigned char)*addr))
		cr_put(&c, *addr++);
	c.bufhead = c.bp;
	c.addr = c.addrhead = c.p = addr;
	while (!c.toolong && (ch = (unsigned char)*c.p++) != '\0')
		cr_char(&c, ch);
	if (c.realqmode && c.bp < c.bufend)
		*c.bp++ = '"';
	while (c.realcmtlev-- > 0 && c.bp < c.bufend)
		*c.bp++ = ')';
	if (c.addangle && c.bp < c.bufend)
		*c.bp++ = '>';
	*c.bp = '\0';
	if (c.toolong || c.bp >= c.bufend)
		memcpy(c.buf, "<\201g>", 5);	/* sendmail gives up so */
	return c.buf;
}

/* ---- remotename and the sender ----------------------------------------- */

/* $g is set to VALUE while the template is expanded. */
static void
pa_expand_with_g(const char *tmpl, const char *g, char *buf, size_t size)
{
	const char *old = macro_get('g');
	char *saved = old != NULL ? sm_strdup_x(old) : NULL;

	macro_set('g', g);
	(void)macro_expand(tmpl, buf, size);
	macro_set('g', saved);
	free(saved);
}

const char *
parseaddr_remotename(const char *name, const MAILER *m, int flags,
    int *rcode)
{
	static char buf[PA_MAXNAME_I + 1];
	static const struct token *pv[TOKEN_MAXATOM + 1];
	char lbuf[PA_MAXNAME_I + 1], addrtype[4], *fancy;
	int rwset, n;

	if (sm_tTd(12, 1)) {
		(void)fputs("remotename(", msg_out());
		token_xputs(msg_out(), name);
		(void)fputs(")\n", msg_out());
	}
	if (flags & PA_SENDERADDR)
		rwset = (flags & PA_HEADERADDR) ? m->m_sh_rwset : m->m_se_rwset;
	else
		rwset = (flags & PA_HEADERADDR) ? m->m_rh_rwset : m->m_re_rwset;
	if (rwset < 0)
		return name;
	addrtype[0] = (flags & PA_HEADERADDR) ? 'h' : 'e';
	addrtype[1] = ' ';
	addrtype[2] = (flags & PA_SENDERADDR) ? 's' : 'r';
	addrtype[3] = '\0';
	macro_set(macro_id("{addr_type}", NULL), addrtype);
	fancy = sm_strdup_x((flags & PA_CANONICAL) || mailer_flag(m, 'c') ?
	    "\201g" : parseaddr_crack(name));
	n = token_scan(name, '\0', TOKEN_TAB_EXT, 0, pv, TOKEN_MAXATOM + 1,
	    NULL);
	if (n <= 0) {
		free(fancy);
		if (n == -2 && strlen(name) > TOKEN_MAXNAME) {
			memcpy(buf, name, TOKEN_MAXNAME);
			buf[TOKEN_MAXNAME] = '\0';
			return buf;
		}
		return name;
	}
	if (rewrite(pv, &n, TOKEN_MAXATOM, 3, 0) == EX_TEMPFAIL)
		*rcode = EX_TEMPFAIL;
	if (rewrite(pv, &n, TOKEN_MAXATOM, (flags & PA_SENDERADDR) ? 1 : 2,
	    0) == EX_TEMPFAIL)
		*rcode = EX_TEMPFAIL;
	if (rwset > 0 && rewrite(pv, &n, TOKEN_MAXATOM, rwset, 0) ==
	    EX_TEMPFAIL)
		*rcode = EX_TEMPFAIL;
	if (rewrite(pv, &n, TOKEN_MAXATOM, 4, 0) == EX_TEMPFAIL)
		*rcode = EX_TEMPFAIL;
	(void)token_cat(pv, n, lbuf, sizeof(lbuf), '\0', 0);
	if ((flags & PA_CANONICAL) && lbuf[0] == '@')
		pa_expand_with_g("<\201g>", lbuf, buf, sizeof(buf));
	else
		pa_expand_with_g(fancy, lbuf, buf, sizeof(buf));
	free(fancy);
	if (sm_tTd(12, 1)) {
		(void)fputs("remotename => `", msg_out());
		token_xputs(msg_out(), buf);
		(void)fprintf(msg_out(), "', stat=%d\n", *rcode);
	}
	return buf;
}

/* The name of the user running us (sendmail's RealUserName). */
static const char *
pa_realname(void)
{
	static char name[64];
	struct passwd *pw = getpwuid(getuid());

	(void)snprintf(name, sizeof(name), "%s", pw != NULL ? pw->pw_name :
	    "postmaster");
	return name;
}

/* Parse FROM as the sender into A; 1 when it is usable (a queued one
 * is; a program, file or :include: is not, and says so). */
static int
pa_sender_ok(const char *from, ADDRESS *a, int flags)
{
	char *copy = sm_strdup_x(from);
	ADDRESS *r;

	parseaddr_free(a);
	r = parseaddr(copy, a, flags);
	free(copy);
	if (r == NULL || a->q_bad == 1)
		return 0;
	if (a->q_mailer != NULL && (a->q_mailer == mailer_find("prog") ||
	    a->q_mailer == mailer_find("*file*") ||
	    a->q_mailer == mailer_find("*include*"))) {
		msg_usrerr("553 5.1.7 Invalid sender address");
		return 0;
	}
	return 1;
}

const char *
parseaddr_sender(const char *from, ADDRESS *a)
{
	static const struct token *pv[TOKEN_MAXATOM + 1];
	char buf[PA_MAXNAME_I + 2], nbuf[100];
	const char *realname = pa_realname();
	int n;

	if (sm_tTd(45, 1))
		(void)fprintf(msg_out(), "setsender(%s)\n", from);
	memset(a, 0, sizeof(*a));
	macro_set(macro_id("{addr_type}", NULL), "e s");
	if (*from == '\0' || !pa_sender_ok(from, a, PA_SENDERADDR)) {
		if (strcmp(from, realname) == 0 ||
		    !pa_sender_ok(from = realname, a, PA_SENDERADDR)) {
			(void)macro_expand("\201n", nbuf, sizeof(nbuf));
			from = nbuf;
			if (!pa_sender_ok(from, a, 0) &&
			    !pa_sender_ok(from = "postmaster", a, 0))
				msg_syserr("553 5.3.0 setsender: can't even "
				    "parse postmaster!");
		}
	}
	if (sm_tTd(28, 1) && a->q_mailer != NULL &&
	    mailer_flag(a->q_mailer, '@'))	/* no user database here */
		(void)fprintf(msg_out(), "udbmatch(%s, mailname)\n",
		    a->q_user != NULL ? a->q_user : "");
	n = token_scan(from, '\0', TOKEN_TAB_INT, 0, pv, TOKEN_MAXATOM + 1,
	    NULL);
	if (n <= 0) {
		macro_set(macro_id("{addr_type}", NULL), NULL);
		return a->q_user;
	}
	(void)rewrite(pv, &n, TOKEN_MAXATOM, 3, 0);
	(void)rewrite(pv, &n, TOKEN_MAXATOM, 1, 0);
	(void)rewrite(pv, &n, TOKEN_MAXATOM, 4, 0);
	buf[0] = '<';
	(void)token_cat(pv, n, buf + 1, sizeof(buf) - 2, '\0', 0);
	if (buf[1] == '@' && a->q_mailer != NULL &&
	    !mailer_flag(a->q_mailer, '<')) {
		size_t l = strlen(buf);

		if (l + 1 < sizeof(buf)) {
			buf[l] = '>';
			buf[l + 1] = '\0';
		}
	} else
		memmove(buf, buf + 1, strlen(buf + 1) + 1);
	macro_set('f', buf);
	macro_set(macro_id("{addr_type}", NULL), NULL);	/* as sendmail */
	return a->q_user;
}
