/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * mailer.c -- mailer definitions (see mailer.h).
 *
 * Public: mailer_flag mailer_define mailer_builtin mailer_find
 * mailer_bynum mailer_error mailer_print mailer_reset.
 * Runs while the cf is read (getpwnam/getgrnam for U=).
 */
#include "sendmail/mailer.h"

#include "libsm/err.h"
#include "sendmail/msg.h"
#include "sendmail/rewrite.h"
#include "sendmail/token.h"

#include <ctype.h>
#include <grp.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>

#define MAILER_MAXPV	256		/* A= words */

static MAILER	*mailer_tab[MAILER_MAX];
static int	mailer_next;
static MAILER	*mailer_err;

int
mailer_flag(const MAILER *m, int c)
{
	c &= 0xff;
	return (m->m_flags[c >> 5] >> (c & 31)) & 1;
}

static void
mailer_setflag(MAILER *m, int c)
{
	c &= 0xff;
	m->m_flags[c >> 5] |= UINT32_C(1) << (c & 31);
}

/*
 * sendmail's munchstring: the field body at P up to DELIM (outside
 * quotes), with \r \n \f \b and \x escapes, quotes removed.  Returns a
 * malloc'd copy; *ENDP gets the delimiter's place.
 */
static char *
mailer_munch(const char *p, const char **endp, int delim)
{
	char *buf = sm_malloc_x(strlen(p) + 1), *q = buf;
	int bslash = 0, quoted = 0;

	for (; *p != '\0'; p++) {
		if (bslash) {
			bslash = 0;
			*q++ = *p == 'r' ? '\r' : *p == 'n' ? '\n' :
			    *p == 'f' ? '\f' : *p == 'b' ? '\b' : *p;
		} else if (*p == '\\')
			bslash = 1;
		else if (*p == '"')
			quoted = !quoted;
		else if (quoted || *p != delim)
			*q++ = *p;
		else
			break;
	}
	*q = '\0';
	if (endp != NULL)
		*endp = p;
	return buf;
}

/* A= : white-space separated words. */
static char **
mailer_argv(const char *p)
{
	char **av = sm_calloc_x(MAILER_MAXPV + 1, sizeof(*av));
	int i = 0;

	while (*p != '\0' && i < MAILER_MAXPV) {
		const char *q = p;

		while (*p != '\0' && !isspace((unsigned char)*p))
			p++;
		av[i++] = sm_strndup_x(q, (size_t)(p - q));
		while (isspace((unsigned char)*p))
			p++;
	}
	av[i] = NULL;
	return av;
}

static void
mailer_free_argv(char **av)
{
	char **a;

	for (a = av; a != NULL && *a != NULL; a++)
		free(*a);
	free(av);
}

/* S= and R=: "env[/hdr]". */
static int
mailer_rwsets(MAILER *m, int code, const char *p)
{
	const char *end = p;
	int i = rewrite_rsnum(p, &end, 1);

	if (i < 0)
		return -1;
	if (code == 'S')
		m->m_sh_rwset = m->m_se_rwset = i;
	else
		m->m_rh_rwset = m->m_re_rwset = i;
	if (*end++ == '/') {
		i = rewrite_rsnum(end, NULL, 1);
		if (i < 0)
			return -1;
		if (code == 'S')
			m->m_sh_rwset = i;
		else
			m->m_rh_rwset = i;
	}
	return 0;
}

/* T=mta/addr/diag, each defaulting as sendmail's does. */
static void
mailer_types(MAILER *m, const char *p)
{
	char *s = sm_strdup_x(p), *a, *d = NULL;

	free(m->m_mtatype);
	free(m->m_addrtype);
	free(m->m_diagtype);
	a = strchr(s, '/');
	if (a != NULL) {
		*a++ = '\0';
		d = strchr(a, '/');
		if (d != NULL)
			*d++ = '\0';
	}
	m->m_mtatype = sm_strdup_x(*s != '\0' ? s : "dns");
	m->m_addrtype = sm_strdup_x(a != NULL && *a != '\0' ? a : "rfc822");
	m->m_diagtype = sm_strdup_x(d != NULL && *d != '\0' ? d : "smtp");
	free(s);
}

/* The name at *PP: letters, digits and CHARS; *PP moves past it. */
static char *
mailer_word(const char **pp, const char *chars)
{
	const char *p = *pp, *q = p;

	while (*p != '\0' && isascii((unsigned char)*p) &&
	    (isalnum((unsigned char)*p) || strchr(chars, *p) != NULL))
		p++;
	*pp = p;
	return sm_strndup_x(q, (size_t)(p - q));
}

/* U=user[:group] or uid[:gid]. */
static void
mailer_user(MAILER *m, const char *p)
{
	char *name;

	if (!isdigit((unsigned char)*p)) {
		struct passwd *pw;

		name = mailer_word(&p, "-_.");
		if (*name == '\0' || (pw = getpwnam(name)) == NULL) {
			if (*name == '\0')
				msg_syserr("mailer %s: null user name",
				    m->m_name);
			else
				msg_syserr("readcf: mailer U= flag: unknown "
				    "user %s", name);
			free(name);
			return;		/* the group is not read then */
		}
		m->m_uid = pw->pw_uid;
		m->m_gid = pw->pw_gid;
		free(name);
	} else {
		char *end;

		m->m_uid = (uid_t)strtol(p, &end, 0);
		p = end;
	}
	while (isspace((unsigned char)*p))
		p++;
	if (*p == '\0')
		return;
	p++;			/* the ':' (or whatever separates) */
	while (isspace((unsigned char)*p))
		p++;
	if (*p == '\0')
		return;
	if (!isdigit((unsigned char)*p)) {
		struct group *gr;

		name = mailer_word(&p, "-_.");
		if (*name == '\0')
			msg_syserr("mailer %s: null group name", m->m_name);
		else if ((gr = getgrnam(name)) == NULL)
			msg_syserr("readcf: mailer U= flag: unknown group %s",
			    name);
		else
			m->m_gid = gr->gr_gid;
		free(name);
	} else
		m->m_gid = (gid_t)strtol(p, NULL, 0);
}

/* Seconds in a W= value ("5m", "30"; default unit s). */
static long
mailer_time(const char *p)
{
	long total = 0;

	while (*p != '\0') {
		long n = strtol(p, (char **)&p, 10);
		long unit = 1;

		switch (*p) {
		case 'w': unit = 7 * 24 * 3600; p++; break;
		case 'd': unit = 24 * 3600; p++; break;
		case 'h': unit = 3600; p++; break;
		case 'm': unit = 60; p++; break;
		case 's': p++; break;
		case '\0': break;
		default: p++; break;
		}
		total += n * unit;
	}
	return total;
}

/* Set a string field, with sendmail's complaint when it is empty. */
static void
mailer_str(MAILER *m, char **field, const char *v, const char *what)
{
	if (*v == '\0') {
		msg_syserr("mailer %s: null %s", m->m_name, what);
		return;
	}
	free(*field);
	*field = sm_strdup_x(v);
}

/* One field CODE=V; returns -1 when the mailer is unusable. */
static int
mailer_field(MAILER *m, int code, const char *v)
{
	switch (code) {
	case 'P':
		if (*v != '\0')
			mailer_str(m, &m->m_mailer, v, "path");
		break;
	case 'F':
		for (; *v != '\0'; v++)
			if (!isspace((unsigned char)*v))
				mailer_setflag(m, (unsigned char)*v);
		break;
	case 'S':
	case 'R':
		return mailer_rwsets(m, code, v);
	case 'E':
		if (*v == '\0')
			msg_syserr("mailer %s: null end-of-line string",
			    m->m_name);
		else
			mailer_str(m, &m->m_eol, v, "end-of-line string");
		break;
	case 'A':
		if (*v != '\0') {
			mailer_free_argv(m->m_argv);
			m->m_argv = mailer_argv(v);
		}
		break;
	case 'M': m->m_maxsize = atol(v); break;
	case 'm': m->m_maxdeliveries = atoi(v); break;
	case 'r': m->m_maxrcpt = atoi(v); break;
	case 'L':
		m->m_linelimit = atoi(v);
		if (m->m_linelimit < 0)
			m->m_linelimit = 0;
		break;
	case 'N': m->m_nice = atoi(v); break;
	case 'D': mailer_str(m, &m->m_execdir, v, "working directory"); break;
	case 'C': mailer_str(m, &m->m_defcharset, v, "charset"); break;
	case 'Q': mailer_str(m, &m->m_qgrp, v, "queue"); break;
	case 'T': mailer_types(m, v); break;
	case 'U': mailer_user(m, v); break;
	case 'W': m->m_wait = mailer_time(v); break;
	case '/': mailer_str(m, &m->m_rootdir, v, "root directory"); break;
	default:
		msg_syserr("M%s: unknown mailer equate %c=", m->m_name, code);
		break;
	}
	return 0;
}

static void
mailer_free(MAILER *m)
{
	if (m == NULL)
		return;
	mailer_free_argv(m->m_argv);
	free(m->m_name);
	free(m->m_mailer);
	free(m->m_mtatype);
	free(m->m_addrtype);
	free(m->m_diagtype);
	free(m->m_eol);
	free(m->m_execdir);
	free(m->m_rootdir);
	free(m->m_defcharset);
	free(m->m_qgrp);
	free(m);
}

/* Parse the fields after the name; 0, or -1 when the mailer is bad. */
static int
mailer_fields(MAILER *m, const char *p)
{
	while (*p != '\0') {
		const char *end;
		char *v;
		int code, st;

		while (*p == ',' || isspace((unsigned char)*p))
			p++;
		if (*p == '\0')
			break;
		code = (unsigned char)*p;
		while (*p != '\0' && *p != '=' && *p != ',')
			p++;
		if (*p++ != '=') {
			msg_syserr("mailer %s: `=' expected", m->m_name);
			return -1;
		}
		while (isspace((unsigned char)*p))
			p++;
		v = mailer_munch(p, &end, ',');
		st = mailer_field(m, code, v);
		free(v);
		if (st < 0)
			return -1;
		p = end;
	}
	return 0;
}

/* Does some A= word hold $u? */
static int
mailer_has_u(char *const *av)
{
	const char *p;

	for (; *av != NULL; av++)
		for (p = *av; *p != '\0'; p++)
			if ((unsigned char)*p == TOKEN_MACROEXPAND && p[1] == 'u')
				return 1;
	return 0;
}

/* sendmail's rationality checks of P= and A=; 0 when usable. */
static int
mailer_check(MAILER *m)
{
	char **av = m->m_argv;

	if (av == NULL) {
		msg_syserr("M%s: A= argument required", m->m_name);
		return -1;
	}
	if (m->m_mailer == NULL) {
		msg_syserr("M%s: P= argument required", m->m_name);
		return -1;
	}
	if (strcmp(m->m_mailer, "[TCP]") == 0) {
		msg_syserr("M%s: P=[TCP] must be replaced by P=[IPC]",
		    m->m_name);
		return -1;
	}
	if (strcmp(m->m_mailer, "[IPC]") == 0) {
		if (av[0] == NULL || av[1] == NULL || av[1][0] == '\0') {
			msg_syserr("M%s: too few parameters for %s mailer",
			    m->m_name, m->m_mailer);
			return -1;
		}
		if (strcmp(av[0], "TCP") != 0 && strcmp(av[0], "FILE") != 0)
			(void)fprintf(msg_out(), "M%s: Warning: first argument "
			    "in %s mailer must be %s\n", m->m_name,
			    m->m_mailer, "TCP or FILE");
		if (m->m_mtatype == NULL)
			m->m_mtatype = sm_strdup_x("dns");
		if (m->m_addrtype == NULL)
			m->m_addrtype = sm_strdup_x("rfc822");
		if (m->m_diagtype == NULL)
			m->m_diagtype = sm_strdup_x(strcmp(av[0], "FILE") == 0 ?
			    "x-unix" : "smtp");
	} else if (strcmp(m->m_mailer, "[FILE]") == 0) {
		if (av[0] == NULL || av[1] == NULL || av[2] != NULL) {
			msg_syserr("M%s: too %s parameters for [FILE] mailer",
			    m->m_name, (av[0] == NULL || av[1] == NULL) ?
			    "few" : "many");
			return -1;
		}
		if (strcmp(av[0], "FILE") != 0) {
			msg_syserr("M%s: first argument in [FILE] mailer must "
			    "be FILE", m->m_name);
			return -1;
		}
	}
	return 0;
}

/* Put M in the table, replacing a mailer of the same name. */
static MAILER *
mailer_enter(MAILER *m)
{
	int i;

	for (i = 0; i < mailer_next; i++)
		if (mailer_tab[i] != NULL &&
		    strcmp(mailer_tab[i]->m_name, m->m_name) == 0) {
			mailer_free(mailer_tab[i]);
			break;
		}
	if (i == mailer_next) {
		if (mailer_next >= MAILER_MAX) {
			msg_syserr("too many mailers defined (%d max)",
			    MAILER_MAX);
			mailer_free(m);
			return NULL;
		}
		mailer_next++;
	}
	mailer_tab[i] = m;
	m->m_mno = i;
	return m;
}

/* A fresh mailer called NAME with sendmail's defaults. */
static MAILER *
mailer_new(const char *name)
{
	MAILER *m = sm_calloc_x(1, sizeof(*m));

	m->m_name = sm_strdup_x(name);
	m->m_uid = (uid_t)-1;
	m->m_gid = (gid_t)-1;
	return m;
}

MAILER *
mailer_define(const char *line)
{
	const char *p = line;
	char *name;
	MAILER *m;

	while (*p != '\0' && *p != ',' && !isspace((unsigned char)*p))
		p++;
	name = sm_strndup_x(line, (size_t)(p - line));
	if (*p != '\0')
		p++;
	if (name[0] == '\0') {
		msg_syserr("name required for mailer");
		free(name);
		return NULL;
	}
	m = mailer_new(name);
	free(name);
	if (mailer_fields(m, p) < 0 || mailer_check(m) < 0) {
		mailer_free(m);
		return NULL;
	}
	if (m->m_maxrcpt <= 0)
		m->m_maxrcpt = MAILER_DEFAULT_RCPT;
	if (m->m_eol == NULL)
		m->m_eol = sm_strdup_x(mailer_has_u(m->m_argv) ? "\n" : "\r\n");
	if (strcmp(m->m_name, "prog") == 0)
		m->m_flags['m' >> 5] &= ~(UINT32_C(1) << ('m' & 31));
	return mailer_enter(m);
}

void
mailer_builtin(void)
{
	(void)mailer_define("prog, P=/bin/sh, F=lsouDq9, "
	    "T=X-Unix/X-Unix/X-Unix, A=sh -c \201u");
	(void)mailer_define("*file*, P=[FILE], F=lsDFMPEouq9, "
	    "T=X-Unix/X-Unix/X-Unix, A=FILE \201u");
	(void)mailer_define("*include*, P=/dev/null, F=su, A=INCLUDE \201u");
	mailer_free(mailer_err);
	mailer_err = mailer_new("*error*");
	mailer_err->m_mailer = sm_strdup_x("[ERROR]");
	mailer_err->m_eol = sm_strdup_x("\n");
	mailer_err->m_maxrcpt = MAILER_DEFAULT_RCPT;
	mailer_setflag(mailer_err, 'l');
}

MAILER *
mailer_find(const char *name)
{
	int i;

	for (i = 0; i < mailer_next; i++)
		if (mailer_tab[i] != NULL &&
		    strcmp(mailer_tab[i]->m_name, name) == 0)
			return mailer_tab[i];
	return NULL;
}

MAILER *
mailer_bynum(int i)
{
	return i >= 0 && i < mailer_next ? mailer_tab[i] : NULL;
}

MAILER *
mailer_error(void)
{
	return mailer_err;
}

/* A ruleset's name, or its number. */
static void
mailer_put_rs(FILE *fp, int rs, const char *after)
{
	const char *name = rewrite_rsname(rs);

	if (name == NULL)
		(void)fprintf(fp, "%d%s", rs, after);
	else
		(void)fprintf(fp, "%s%s", name, after);
}

void
mailer_print(FILE *fp, const MAILER *m)
{
	int c;

	(void)fprintf(fp, "mailer %d (%s): P=%s S=", m->m_mno, m->m_name,
	    m->m_mailer);
	mailer_put_rs(fp, m->m_se_rwset, "/");
	mailer_put_rs(fp, m->m_sh_rwset, " R=");
	mailer_put_rs(fp, m->m_re_rwset, "/");
	mailer_put_rs(fp, m->m_rh_rwset, " ");
	(void)fprintf(fp, "M=%ld U=%d:%d F=", m->m_maxsize, (int)m->m_uid,
	    (int)m->m_gid);
	for (c = 0; c < 0x80; c++)
		if (mailer_flag(m, c))
			(void)putc(c, fp);
	(void)fprintf(fp, " L=%d E=", m->m_linelimit);
	token_xputs(fp, m->m_eol);
	if (m->m_defcharset != NULL)
		(void)fprintf(fp, " C=%s", m->m_defcharset);
	(void)fprintf(fp, " T=%s/%s/%s",
	    m->m_mtatype == NULL ? "<undefined>" : m->m_mtatype,
	    m->m_addrtype == NULL ? "<undefined>" : m->m_addrtype,
	    m->m_diagtype == NULL ? "<undefined>" : m->m_diagtype);
	(void)fprintf(fp, " r=%d", m->m_maxrcpt);
	if (m->m_argv != NULL) {
		char **a;

		(void)fputs(" A=", fp);
		for (a = m->m_argv; *a != NULL; a++) {
			if (a != m->m_argv)
				(void)putc(' ', fp);
			token_xputs(fp, *a);
		}
	}
	(void)putc('\n', fp);
}

void
mailer_reset(void)
{
	int i;

	for (i = 0; i < MAILER_MAX; i++) {
		mailer_free(mailer_tab[i]);
		mailer_tab[i] = NULL;
	}
	mailer_next = 0;
	mailer_free(mailer_err);
	mailer_err = NULL;
}
