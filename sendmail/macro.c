/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * macro.c -- macro ids, values and expansion (see macro.h).
 *
 * Public: macro_id macro_find_id macro_name macro_get macro_set
 * macro_expand macro_init macro_reset.
 * Runs in every sendmail process; one table per process.
 */
#include "sendmail/macro.h"

#include "libsm/err.h"
#include "sendmail/msg.h"
#include "sendmail/token.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define MACRO_MAXNAMELEN	25	/* longest {name} */

static char	*macro_val[MACRO_NIDS];
static char	*macro_longname[MACRO_NIDS];
static int	macro_nextid = MACRO_FIRSTLONG;

/* The id of long name NAME, entering it when ENTER; 0 if none. */
static int
macro_lookup_long(const char *name, int enter)
{
	int id;

	for (id = MACRO_FIRSTLONG; id < macro_nextid; id++)
		if (macro_longname[id] != NULL &&
		    strcmp(macro_longname[id], name) == 0)
			return id;
	if (!enter)
		return 0;
	if (macro_nextid >= TOKEN_METAQUOTE) {
		msg_syserr("Macro/class {%s}: too many long names", name);
		return 0;
	}
	macro_longname[macro_nextid] = sm_strdup_x(name);
	return macro_nextid++;
}

int
macro_find_id(const char *name)
{
	if (name[0] != '\0' && name[1] == '\0')
		return (unsigned char)name[0];
	return macro_lookup_long(name, 0);
}

/* Read the {name} at P (P points at '{'); *ENDP after it. */
static int
macro_long_id(const char *p, const char **endp)
{
	char mbuf[MACRO_MAXNAMELEN + 1];
	size_t n = 0;

	while (*++p != '\0' && *p != '}' && n < sizeof(mbuf) - 1) {
		if (isascii((unsigned char)*p) &&
		    (isalnum((unsigned char)*p) || *p == '_'))
			mbuf[n++] = *p;
		else
			msg_syserr("Invalid macro/class character %c", *p);
	}
	mbuf[n] = '\0';
	*endp = p;
	if (*p == '\0' || *p != '}') {
		if (*p == '\0')
			msg_syserr("Unbalanced { on %s", mbuf);
		else
			msg_syserr("Macro/class name ({%s}) too long (%d chars "
			    "max)", mbuf, MACRO_MAXNAMELEN);
		msg_syserr("Unable to assign macro/class ID (mid = 0x%x)",
		    0xffffffffu);
		return 0;
	}
	*endp = p + 1;
	if (n == 1 && (unsigned char)mbuf[0] >= 0x20)
		return (unsigned char)mbuf[0];
	return macro_lookup_long(mbuf, 1);
}

int
macro_id(const char *name, const char **endp)
{
	const char *end = name;
	int id;

	if (*name == '\0' || (name[0] == '{' && name[1] == '}')) {
		msg_syserr("Name required for macro/class");
		if (endp != NULL)
			*endp = *name == '\0' ? name : name + 2;
		return 0;
	}
	if (*name != '{') {
		if (endp != NULL)
			*endp = name + 1;
		return (unsigned char)*name;
	}
	id = macro_long_id(name, &end);
	if (endp != NULL)
		*endp = end;
	return id;
}

const char *
macro_name(int id)
{
	static char one[2];

	id &= 0xff;
	if (id >= MACRO_FIRSTLONG && macro_longname[id] != NULL)
		return macro_longname[id];
	one[0] = (char)id;
	one[1] = '\0';
	return one;
}

const char *
macro_get(int id)
{
	return macro_val[id & 0xff];
}

void
macro_set(int id, const char *value)
{
	char *old = macro_val[id & 0xff];

	macro_val[id & 0xff] = value != NULL ? sm_strdup_x(value) : NULL;
	free(old);
}

void
macro_init(void)
{
	static const struct {
		char	name;
		unsigned char code;
	} metas[] = {
		{ '*', TOKEN_MATCHZANY }, { '+', TOKEN_MATCHANY },
		{ '-', TOKEN_MATCHONE }, { '=', TOKEN_MATCHCLASS },
		{ '~', TOKEN_MATCHNCLASS }, { '#', TOKEN_CANONNET },
		{ '@', TOKEN_CANONHOST }, { ':', TOKEN_CANONUSER },
		{ '>', TOKEN_CALLSUBR }, { '?', TOKEN_CONDIF },
		{ '|', TOKEN_CONDELSE }, { '.', TOKEN_CONDFI },
		{ '[', TOKEN_HOSTBEGIN }, { ']', TOKEN_HOSTEND },
		{ '(', TOKEN_LOOKUPBEGIN }, { ')', TOKEN_LOOKUPEND },
		{ '&', TOKEN_MACRODEXPAND }, { 0, 0 }
	};
	char v[3];
	int i, c;

	for (i = 0; metas[i].name != 0; i++) {
		v[0] = (char)metas[i].code;
		v[1] = '\0';
		macro_set(metas[i].name, v);
	}
	for (c = '0'; c <= '9'; c++) {
		v[0] = (char)TOKEN_MATCHREPL;
		v[1] = (char)c;
		v[2] = '\0';
		macro_set(c, v);
	}
	macro_set('n', "MAILER-DAEMON");
}

void
macro_reset(void)
{
	int id;

	for (id = 0; id < MACRO_NIDS; id++) {
		free(macro_val[id]);
		macro_val[id] = NULL;
		free(macro_longname[id]);
		macro_longname[id] = NULL;
	}
	macro_nextid = MACRO_FIRSTLONG;
}

/* ---- expansion ----------------------------------------------------------- */

struct expand {
	char	*xp, *xend;	/* output position and last usable byte */
	int	iflev, skiplev, skipping, recurse;
};

/* $? $| $.: returns 1 when C was a conditional code it consumed. */
static int
expand_cond(struct expand *x, int c, const unsigned char **sp)
{
	switch (c) {
	case TOKEN_CONDIF:
		x->iflev++;
		c = *++*sp;
		if (x->skipping)
			x->skiplev++;
		else {
			const char *mv = c != '\0' ? macro_get(c) : NULL;

			x->skipping = mv == NULL || *mv == '\0';
		}
		if (c == '\0')
			--*sp;
		return 1;
	case TOKEN_CONDELSE:
		if (x->iflev == 0)
			return 0;
		if (x->skiplev == 0)
			x->skipping = !x->skipping;
		return 1;
	case TOKEN_CONDFI:
		if (x->iflev == 0)
			return 0;
		x->iflev--;
		if (x->skiplev == 0)
			x->skipping = 0;
		if (x->skipping)
			x->skiplev--;
		return 1;
	}
	return 0;
}

/* Copy a macro value into the output; note metasymbols in it. */
static void
expand_value(struct expand *x, const char *q)
{
	int quoted = 0;

	for (; *q != '\0' && x->xp < x->xend; q++) {
		unsigned char c = (unsigned char)*q;

		if (!quoted && TOKEN_ISMETA(c))
			x->recurse = 1;
		*x->xp++ = (char)c;
		quoted = c == TOKEN_METAQUOTE;
	}
}

/* One pass of expansion of S into XBUF; returns 1 when another is due. */
static int
expand_pass(const char *str, char *xbuf, size_t xsize)
{
	const unsigned char *s = (const unsigned char *)str;
	struct expand x = { xbuf, xbuf + xsize - 1, 0, 0, 0, 0 };

	for (; *s != '\0'; s++) {
		int c = *s;
		const char *q = NULL;

		if (expand_cond(&x, c, &s))
			continue;
		if (c == TOKEN_MACROEXPAND) {
			c = *++s;
			if (c == '\0') {
				s--;
				continue;
			}
			q = macro_get(c);
			if (q == NULL)
				continue;
		}
		if (x.skipping || x.xp >= x.xend)
			continue;
		if (q == NULL)
			*x.xp++ = (char)c;
		else
			expand_value(&x, q);
	}
	*x.xp = '\0';
	return x.recurse;
}

/* Expansion at depth LEVEL. */
static size_t
expand_level(const char *s, char *buf, size_t size, int level)
{
	char *xbuf = sm_malloc_x(MACRO_BUFSIZE);
	size_t len;

	if (expand_pass(s, xbuf, MACRO_BUFSIZE)) {
		if (level < MACRO_MAXRECURSION) {
			len = expand_level(xbuf, buf, size, level + 1);
			free(xbuf);
			return len;
		}
		msg_syserr("expand: recursion too deep (%d max)",
		    MACRO_MAXRECURSION);
	}
	len = strlen(xbuf);
	if (size == 0)
		len = 0;
	else if (len >= size)
		len = size - 1;
	if (size != 0) {
		memcpy(buf, xbuf, len);
		buf[len] = '\0';
	}
	free(xbuf);
	return len;
}

size_t
macro_expand(const char *s, char *buf, size_t size)
{
	return expand_level(s, buf, size, 0);
}
