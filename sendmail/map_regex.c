/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * map_regex.c -- the `regex' map class: a POSIX regular expression on
 * the K line, matched against the key.
 *
 *	Kname regex [-n] [-f] [-b] [-s[N,N...]] [-dDELIM] [-a..] [-m] pattern
 *
 * Extended syntax and case-insensitive unless -b / -f.  A match yields
 * the empty string (plus -a), or with -s the selected parenthesised
 * substrings (all of them when -s has no list; a %1 argument overrides
 * the list at lookup time) joined by DELIM, $| by default.  -n inverts
 * the match.  Unknown flags are ignored without a message, as sendmail
 * does; the pattern is the rest of the line, blanks included.  Selected
 * text that a parser could not scan (unbalanced <> () or quotes, a
 * trailing backslash, a blank) gives no match.
 *
 * Public: map_regex_class (map_int.h).  Runs in the sendmail process.
 */
#include "sendmail/map_int.h"

#include "libsm/err.h"
#include "libsm/str.h"

#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAP_RE_MAXMATCH	32		/* substrings kept per match */
#define MAP_RE_END	(-1)		/* ends a field list */

struct map_re {
	regex_t	re;
	int	fields[MAP_RE_MAXMATCH + 2];
	int	subst;			/* -s given */
	int	compiled;		/* re needs regfree */
	char	*delim;			/* -d, or NULL for $| */
};

/* Parse "1,3,0" into FIELDS (MAP_RE_END-terminated); NSUB substrings
 * exist (0 is the whole match).  -1 after a message. */
static int
map_re_fields(const char *s, int *fields, int nsub)
{
	int n = 0, v;

	for (;;) {
		v = atoi(s);
		if (v < 0 || v >= nsub) {
			map_syserr(0, "field (%d) out of range, only %d "
			    "substrings in pattern", v, nsub);
			return -1;
		}
		if (n < MAP_RE_MAXMATCH)
			fields[n++] = v;
		s = strchr(s, ',');
		if (s == NULL)
			break;
		s++;
	}
	fields[n] = MAP_RE_END;
	return 0;
}

/* The word after a flag letter at P, NUL-terminated; *PP after it. */
static char *
map_re_word(char *p, char **pp)
{
	char *w = p;

	while (*p != '\0' && !map_isspace((unsigned char)*p))
		p++;
	if (*p != '\0')
		*p++ = '\0';
	*pp = p;
	return w;
}

/* One flag at P (after `-'); returns where the next one may start.
 * *SUBP gets -s's list. */
static char *
map_re_flag(MAP *map, struct map_re *mr, int *cflags, char *p, char **subp)
{
	char *w;

	switch (*p) {
	case 'n':
		map->map_mflags |= MAP_F_REGEX_NOT;
		break;
	case 'f':
		*cflags &= ~REG_ICASE;
		break;
	case 'b':
		*cflags &= ~REG_EXTENDED;
		break;
	case 's':
		mr->subst = 1;
		*subp = map_re_word(p + 1, &p);
		return p;
	case 'd':
		w = map_re_word(p + 1, &p);
		free(mr->delim);
		mr->delim = sm_strdup_x(w);
		return p;
	case 'a':
		w = map_re_word(p + 1, &p);
		free(map->map_app);
		map->map_app = sm_strdup_x(w);
		return p;
	case 'm':
		map->map_mflags |= MAP_F_MATCHONLY;
		break;
	case 'q':
		map->map_mflags |= MAP_F_KEEPQUOTES;
		break;
	case 'D':
		map->map_mflags |= MAP_F_DEFER;
		break;
	case 'S':
		map->map_spacesub = (unsigned char)p[1];
		if (p[1] != '\0')
			p++;
		break;
	case 'T':
		w = map_re_word(p + 1, &p);
		free(map->map_tapp);
		map->map_tapp = sm_strdup_x(w);
		return p;
	case 't':
		map->map_mflags |= MAP_F_NODEFER;
		break;
	}
	(void)map_re_word(p, &p);
	return p;
}

static void
map_re_free(MAP *map)
{
	struct map_re *mr = map->map_priv;

	if (mr == NULL)
		return;
	if (mr->compiled)
		regfree(&mr->re);
	free(mr->delim);
	free(mr);
	map->map_priv = NULL;
}

/* Compile PATTERN and set the default field list; 1, or 0 after a
 * message. */
static int
map_re_compile(struct map_re *mr, const char *pattern, int cflags,
    const char *sub)
{
	char err[MAP_MAXLINE];
	int nsub, i, rc;

	rc = regcomp(&mr->re, pattern, cflags);
	if (rc != 0) {
		(void)regerror(rc, &mr->re, err, sizeof(err));
		map_syserr(0, "pattern-compile-error: %s", err);
		return 0;
	}
	mr->compiled = 1;
	nsub = (int)mr->re.re_nsub + 1;
	if (!mr->subst)
		return 1;
	if (sub != NULL && *sub != '\0')
		return map_re_fields(sub, mr->fields, nsub) == 0;
	for (i = 0; i < nsub && i < MAP_RE_MAXMATCH; i++)
		mr->fields[i] = i;
	mr->fields[i] = MAP_RE_END;
	return 1;
}

static int
map_re_parse(MAP *map, char *args)
{
	struct map_re *mr = sm_calloc_x(1, sizeof(*mr));
	int cflags = REG_ICASE | REG_EXTENDED;
	char *p = args, *sub = NULL;

	map->map_priv = mr;
	for (;;) {
		p = map_skipspace(p);
		if (*p != '-')
			break;
		p = map_re_flag(map, mr, &cflags, p + 1, &sub);
	}
	return map_re_compile(mr, p, cflags, sub);
}

/* Tracks what sendmail's prescan would balk at in selected text. */
struct map_re_scan {
	int	angle, cmnt, spaces, quote, bslash;
};

static void
map_re_scan(struct map_re_scan *sc, int c)
{
	if (sc->bslash) {
		sc->bslash = 0;
		return;
	}
	if (sc->quote && c != '"' && c != '\\')
		return;
	switch (c) {
	case '\\':
		sc->bslash = 1;
		break;
	case '(':
		sc->cmnt++;
		break;
	case ')':
		sc->cmnt--;
		break;
	case '<':
		sc->angle++;
		break;
	case '>':
		sc->angle--;
		break;
	case ' ':
		sc->spaces++;
		break;
	case '"':
		sc->quote = !sc->quote;
		break;
	}
}

/* The selected substrings of KEY joined by the delimiter; NULL when
 * the result would not scan. */
static char *
map_re_join(const struct map_re *mr, const int *fields, const char *key,
    const regmatch_t *pm)
{
	struct map_re_scan sc = { 0, 0, 0, 0, 0 };
	static const char dflt[] = { MAP_CONDELSE, '\0' };
	const char *delim = mr->delim != NULL ? mr->delim : dflt;
	SM_STR *out = sm_str_new(MAP_MAXNAME - 1);
	const char *d;
	regoff_t i;
	int f;

	for (f = 0; fields[f] != MAP_RE_END; f++) {
		for (d = delim; f > 0 && *d != '\0'; d++)
			(void)sm_str_addc(out, *d);
		if (fields[f] >= MAP_RE_MAXMATCH || pm[fields[f]].rm_so < 0)
			continue;
		for (i = pm[fields[f]].rm_so; i < pm[fields[f]].rm_eo; i++)
			if (sm_str_addc(out, key[i]) == 0)
				map_re_scan(&sc, (unsigned char)key[i]);
	}
	if (sc.angle != 0 || sc.cmnt != 0 || sc.quote || sc.bslash ||
	    sc.spaces != 0) {
		sm_str_free(out);
		return NULL;
	}
	return sm_str_export(out, NULL);
}

/* The value of a match: S, or the key with -m; -a appended. */
static char *
map_re_value(const MAP *map, const char *s, const char *const *av)
{
	if ((map->map_mflags & MAP_F_MATCHONLY) != 0 && av != NULL)
		return map_rewrite(map, av[0], strlen(av[0]), NULL);
	return map_rewrite(map, s, strlen(s), av);
}

static char *
map_re_lookup(MAP *map, const char *key, const char *const *av,
    int *statp)
{
	struct map_re *mr = map->map_priv;
	regmatch_t pm[MAP_RE_MAXMATCH];
	int fields[MAP_RE_MAXMATCH + 1], rc;
	const int *fl = mr->fields;
	char *j, *v;

	*statp = EX_OK;
	rc = regexec(&mr->re, key, MAP_RE_MAXMATCH, pm, 0);
	if ((map->map_mflags & MAP_F_REGEX_NOT) != 0)
		return rc == REG_NOMATCH ? map_re_value(map, "", av) : NULL;
	if (rc != 0)
		return NULL;
	if (!mr->subst)
		return map_re_value(map, "", av);
	if (av != NULL && av[0] != NULL && av[1] != NULL) {
		if (map_re_fields(av[1], fields, (int)mr->re.re_nsub + 1) != 0) {
			*statp = EX_CONFIG;
			return NULL;
		}
		fl = fields;
	}
	if ((j = map_re_join(mr, fl, key, pm)) == NULL)
		return NULL;
	v = map_re_value(map, j, av);
	free(j);
	return v;
}

const struct map_class map_regex_class = {
	"regex", MAP_CF_OPTFILE, map_re_parse, NULL, map_re_lookup, NULL,
	map_re_free
};
