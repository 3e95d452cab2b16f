/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * map_builtin.c -- the map classes that need no file: dequote, arith,
 * macro, null, syslog, arpa, user (the password database) and stab (the
 * in-memory table text aliases are read into).
 *
 * dequote, arith, macro and arpa parse their K line as sendmail's
 * dequote_init does: only the first flag counts (-a, -D, -S or -s),
 * anything else on the line is ignored without a message.
 *
 * Public: the classes' structs (map_int.h) and map_stab_store.
 * Runs in the sendmail process.
 */
#include "sendmail/map_int.h"

#include "libsm/err.h"
#include "libsm/log.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <syslog.h>

/* ---- dequote ------------------------------------------------------------ */

/* sendmail's dequote_init: keep quotes, one optional flag. */
static int
map_dequote_parse(MAP *map, char *args)
{
	char *p = map_skipspace(args), *w;

	map->map_mflags |= MAP_F_KEEPQUOTES;
	if (*p != '-')
		return 1;
	switch (*++p) {
	case 'a':
		for (w = ++p; *p != '\0' && !map_isspace((unsigned char)*p);
		    p++)
			continue;
		free(map->map_app);
		map->map_app = sm_strndup_x(w, (size_t)(p - w));
		break;
	case 'D':
		map->map_mflags |= MAP_F_DEFER;
		break;
	case 'S':
	case 's':
		map->map_spacesub = (unsigned char)p[1];
		break;
	}
	return 1;
}

/* Where dequoting stands while scanning a key. */
struct map_dq {
	int	angle, cmnt, quotes, spaces;
	int	quotemode, bslash;
};

/* One byte C of the key; 0 to keep it, 1 to drop it, -1 for no match. */
static int
map_dequote_byte(struct map_dq *dq, int c)
{
	switch (c) {
	case '\\':
		dq->bslash = 1;
		break;
	case '(':
		dq->cmnt++;
		break;
	case ')':
		if (dq->cmnt-- <= 0)
			return -1;
		break;
	case ' ':
	case '\t':
		dq->spaces++;
		break;
	}
	if (dq->cmnt > 0)
		return 0;
	switch (c) {
	case '"':
		dq->quotemode = !dq->quotemode;
		dq->quotes++;
		return 1;
	case '<':
		dq->angle++;
		break;
	case '>':
		if (dq->angle-- <= 0)
			return -1;
		break;
	}
	return 0;
}

/*
 * Strip the double quotes of KEY unless that leaves something a parser
 * would choke on (unbalanced <> or (), an open quote or backslash, a
 * blank) or there were no quotes at all.
 */
static char *
map_dequote_lookup(MAP *map, const char *key, const char *const *av,
    int *statp)
{
	struct map_dq dq = { 0, 0, 0, 0, 0, 0 };
	char *buf = sm_strdup_x(key), *q = buf, *v;
	const char *p;
	int c, r;

	(void)av;
	*statp = EX_OK;
	for (p = key; (c = (unsigned char)*p++) != '\0';) {
		if (dq.bslash) {
			dq.bslash = 0;
			*q++ = (char)c;
			continue;
		}
		if (c == ' ' && map->map_spacesub != 0)
			c = map->map_spacesub;
		if ((r = map_dequote_byte(&dq, c)) < 0)
			goto nomatch;
		if (r == 0)
			*q++ = (char)c;
	}
	if (dq.angle != 0 || dq.cmnt != 0 || dq.bslash || dq.quotemode ||
	    dq.quotes <= 0 || dq.spaces != 0)
		goto nomatch;
	*q = '\0';
	v = map_rewrite(map, buf, strlen(buf), NULL);
	free(buf);
	return v;
nomatch:
	free(buf);
	return NULL;
}

const struct map_class map_dequote_class = {
	"dequote", 0, map_dequote_parse, NULL, map_dequote_lookup, NULL, NULL
};

/* ---- arith ----------------------------------------------------------------- */

/* A binary operation of the arith map; 0, or -1 for "no value". */
static int
map_arith_op(int op, long a, long b, long *r)
{
	unsigned long ua = (unsigned long)a, ub = (unsigned long)b;

	switch (op) {
	case '|':
		*r = a | b;
		return 0;
	case '&':
		*r = a & b;
		return 0;
	case '+':
		*r = (long)(ua + ub);
		return 0;
	case '-':
		*r = (long)(ua - ub);
		return 0;
	case '*':
		*r = (long)(ua * ub);
		return 0;
	case '/':
	case '%':
		if (b == 0)
			return -1;
		if (b == -1)	/* LONG_MIN / -1 would trap */
			*r = op == '/' ? (long)(0 - ua) : 0;
		else
			*r = op == '/' ? a / b : a % b;
		return 0;
	case 'r':
		if (b < a || (unsigned long)(ub - ua) >= LONG_MAX)
			return -1;
		*r = a + (long)((unsigned long)random() % (ub - ua + 1));
		return 0;
	}
	return -1;
}

/*
 * The operator is the key, the operands %1 and %2 (strtol, base 0, so
 * "0x10" is 16 and "010" is 8).  "l" and "=" give TRUE or FALSE.  An
 * unknown operator or fewer than two operands: EX_CONFIG; division by
 * zero or an empty random range: no value, EX_OK.
 */
static char *
map_arith_lookup(MAP *map, const char *key, const char *const *av,
    int *statp)
{
	char buf[32];
	long v[2], r = 0;
	int n = 0;

	(void)map;
	*statp = EX_OK;
	for (; av != NULL && n < 2 && av[n + 1] != NULL; n++)
		v[n] = strtol(av[n + 1], NULL, 0);
	if (n < 2 || key == NULL) {
		*statp = EX_CONFIG;
		return NULL;
	}
	switch (*key) {
	case 'l':
		return sm_strdup_x(v[0] < v[1] ? "TRUE" : "FALSE");
	case '=':
		return sm_strdup_x(v[0] == v[1] ? "TRUE" : "FALSE");
	case '|': case '&': case '+': case '-': case '*': case '/': case '%':
	case 'r':
		if (map_arith_op(*key, v[0], v[1], &r) != 0)
			return NULL;
		(void)snprintf(buf, sizeof(buf), "%ld", r);
		return sm_strdup_x(buf);
	}
	*statp = EX_CONFIG;
	return NULL;
}

const struct map_class map_arith_class = {
	"arith", 0, map_dequote_parse, NULL, map_arith_lookup, NULL, NULL
};

/* ---- macro ----------------------------------------------------------------- */

/* Set macro KEY to %1, or clear it without one; the value is empty. */
static char *
map_macro_lookup(MAP *map, const char *key, const char *const *av,
    int *statp)
{
	(void)map;
	*statp = EX_OK;
	if (key == NULL || *key == '\0')
		return NULL;
	if (map_macro_set(key, av != NULL ? av[1] : NULL) != 0) {
		*statp = EX_CONFIG;
		return NULL;
	}
	return sm_strdup_x("");
}

const struct map_class map_macro_class = {
	"macro", 0, map_dequote_parse, NULL, map_macro_lookup, NULL, NULL
};

/* ---- null ------------------------------------------------------------------ */

static char *
map_null_lookup(MAP *map, const char *key, const char *const *av,
    int *statp)
{
	(void)map;
	(void)key;
	(void)av;
	*statp = MAP_EX_NOTFOUND;
	return NULL;
}

const struct map_class map_null_class = {
	"null", MAP_CF_OPTFILE | MAP_CF_ALIASOK, map_parseargs, NULL,
	map_null_lookup, NULL, NULL
};

/* ---- syslog ---------------------------------------------------------------- */

static const struct {
	const char	*name;
	int		pri;
} map_syslog_pris[] = {
	{ "EMERG", LOG_EMERG }, { "ALERT", LOG_ALERT }, { "CRIT", LOG_CRIT },
	{ "ERR", LOG_ERR }, { "WARNING", LOG_WARNING },
	{ "NOTICE", LOG_NOTICE }, { "INFO", LOG_INFO }, { "DEBUG", LOG_DEBUG },
};

/* The priority NAME ("err", "LOG_ERR"), or -1. */
static int
map_syslog_pri(const char *name)
{
	size_t i;

	if (strncasecmp(name, "LOG_", 4) == 0)
		name += 4;
	for (i = 0; i < sizeof(map_syslog_pris) / sizeof(map_syslog_pris[0]);
	    i++)
		if (strcasecmp(name, map_syslog_pris[i].name) == 0)
			return map_syslog_pris[i].pri;
	return -1;
}

/* One flag of a syslog K line at P (after `-'); 0, or -1 to give up. */
static int
map_syslog_flag(MAP *map, char **pp)
{
	char *p = *pp, *w;
	int pri;

	switch (*p) {
	case 'D':
		map->map_mflags |= MAP_F_DEFER;
		break;
	case 'S':
		map->map_spacesub = (unsigned char)*++p;
		break;
	case 'L':
		w = map_skipspace(p + 1);
		for (p = w; *p != '\0' && !map_isspace((unsigned char)*p); p++)
			continue;
		if (*p != '\0')
			*p++ = '\0';
		if ((pri = map_syslog_pri(w)) < 0) {
			map_syserr(0, "syslog_map_parseargs: Unknown priority "
			    "%s", w);
			return -1;
		}
		map->map_priv = (void *)(long)(pri + 1);
		*pp = p;
		return 0;
	default:
		map_syserr(0, "Illegal option %c map syslog", *p);
		break;
	}
	while (*p != '\0' && !map_isspace((unsigned char)*p))
		p++;
	*pp = p;
	return 0;
}

static int
map_syslog_parse(MAP *map, char *args)
{
	char *p = args;

	for (;;) {
		p = map_skipspace(p);
		if (*p != '-')
			return 1;
		p++;
		if (map_syslog_flag(map, &p) != 0)
			return 0;
	}
}

/* Log the key (the -S byte back to blanks); the value is empty. */
static char *
map_syslog_lookup(MAP *map, const char *key, const char *const *av,
    int *statp)
{
	long pri = (long)map->map_priv - 1;
	char *k = sm_strdup_x(key), *p;

	(void)av;
	*statp = EX_OK;
	if (map->map_spacesub != 0)
		for (p = k; *p != '\0'; p++)
			if ((unsigned char)*p == map->map_spacesub)
				*p = ' ';
	sm_log(pri < 0 ? LOG_NOTICE : (int)pri, NULL, "%s", k);
	free(k);
	return sm_strdup_x("");
}

const struct map_class map_syslog_class = {
	"syslog", 0, map_syslog_parse, NULL, map_syslog_lookup, NULL, NULL
};

/* ---- arpa ------------------------------------------------------------------ */

/* "IPv6:addr" -> the 32 nibbles of addr, last first, dot-separated. */
static int
map_arpa6(const char *s, char *out, size_t size)
{
	static const char hex[] = "0123456789abcdef";
	unsigned char a[16];
	size_t n = 0;
	int i;

	if (inet_pton(AF_INET6, s, a) != 1 || size < 64)
		return -1;
	for (i = 15; i >= 0; i--) {
		out[n++] = hex[a[i] & 0xf];
		out[n++] = '.';
		out[n++] = hex[a[i] >> 4];
		out[n++] = i > 0 ? '.' : '\0';
	}
	return 0;
}

/* The reverse name of an IP address without in-addr.arpa / ip6.arpa;
 * not an address: no match, EX_DATAERR. */
static char *
map_arpa_lookup(MAP *map, const char *key, const char *const *av,
    int *statp)
{
	char out[80];
	unsigned char a[4];

	(void)av;
	*statp = EX_OK;
	if (strncasecmp(key, "IPv6:", 5) == 0) {
		if (map_arpa6(key + 5, out, sizeof(out)) == 0)
			return map_rewrite(map, out, strlen(out), av);
	} else if (inet_pton(AF_INET, key, a) == 1) {
		(void)snprintf(out, sizeof(out), "%u.%u.%u.%u", a[3], a[2],
		    a[1], a[0]);
		return map_rewrite(map, out, strlen(out), av);
	}
	*statp = EX_DATAERR;
	return NULL;
}

const struct map_class map_arpa_class = {
	"arpa", 0, map_dequote_parse, NULL, map_arpa_lookup, NULL, NULL
};

/* ---- user ------------------------------------------------------------------ */

static const char *const map_user_cols[] = {
	"name", "passwd", "uid", "gid", "gecos", "dir", "shell"
};

static int
map_user_open(MAP *map)
{
	size_t i;

	map->map_valcolno = 0;
	if (map->map_valcolnm == NULL)
		return 1;
	for (i = 0; i < sizeof(map_user_cols) / sizeof(map_user_cols[0]); i++)
		if (strcasecmp(map->map_valcolnm, map_user_cols[i]) == 0) {
			map->map_valcolno = (int)i + 1;
			return 1;
		}
	map_syserr(0, "User map %s: unknown column name %s", map->map_mname,
	    map->map_valcolnm);
	return 0;
}

/* Field COL (1..7) of PW as text into BUF. */
static const char *
map_user_field(const struct passwd *pw, int col, char *buf, size_t size)
{
	switch (col) {
	case 2:
		return pw->pw_passwd;
	case 3:
		(void)snprintf(buf, size, "%d", (int)pw->pw_uid);
		return buf;
	case 4:
		(void)snprintf(buf, size, "%d", (int)pw->pw_gid);
		return buf;
	case 5:
		return pw->pw_gecos;
	case 6:
		return pw->pw_dir;
	case 7:
		return pw->pw_shell;
	default:
		return pw->pw_name;
	}
}

/* A user of the password database; unknown: EX_NOUSER. */
static char *
map_user_lookup(MAP *map, const char *key, const char *const *av,
    int *statp)
{
	char *k, buf[32];
	const char *f;
	struct passwd *pw;

	*statp = EX_OK;
	k = (map->map_mflags & MAP_F_NOFOLD) != 0 ? sm_strdup_x(key) :
	    map_lower(key);
	pw = getpwnam(k);
	if (pw == NULL) {
		free(k);
		*statp = EX_NOUSER;
		return NULL;
	}
	if ((map->map_mflags & MAP_F_MATCHONLY) != 0 || map->map_valcolno == 0)
		f = map_rewrite(map, k, strlen(k), NULL);
	else {
		f = map_user_field(pw, map->map_valcolno, buf, sizeof(buf));
		f = map_rewrite(map, f != NULL ? f : "", f != NULL ?
		    strlen(f) : 0, av);
	}
	free(k);
	return (char *)f;
}

const struct map_class map_user_class = {
	"user", MAP_CF_OPTFILE, map_parseargs, map_user_open, map_user_lookup,
	NULL, NULL
};

/* ---- stab ------------------------------------------------------------------ */

/* The stab map's table: pairs in a growing array (aliases read from a
 * text file; small). */
struct map_stab {
	char	**keys;
	char	**vals;
	size_t	n, size;
};

static int
map_stab_open(MAP *map)
{
	const char *why;
	FILE *fp;

	if (map_safefile(map->map_file, MAP_SFF_REGONLY, &why) != 0)
		return 0;
	fp = fopen(map->map_file, "r");
	if (fp == NULL)
		return 0;
	if (map->map_db == NULL)
		map->map_db = sm_calloc_x(1, sizeof(struct map_stab));
	map_alias_text(map, map->map_file, fp);
	(void)fclose(fp);
	return 1;
}

void
map_stab_store(MAP *map, const char *key, const char *value)
{
	struct map_stab *st = map->map_db;

	if (st == NULL)
		st = map->map_db = sm_calloc_x(1, sizeof(*st));
	if (st->n == st->size) {
		st->size = st->size == 0 ? 16 : st->size * 2;
		st->keys = sm_reallocarray_x(st->keys, st->size,
		    sizeof(char *));
		st->vals = sm_reallocarray_x(st->vals, st->size,
		    sizeof(char *));
	}
	st->keys[st->n] = map_lower(key);
	st->vals[st->n++] = sm_strdup_x(value);
}

static char *
map_stab_lookup(MAP *map, const char *key, const char *const *av,
    int *statp)
{
	struct map_stab *st = map->map_db;
	size_t i;

	*statp = EX_OK;
	for (i = 0; st != NULL && i < st->n; i++)
		if (strcasecmp(st->keys[i], key) == 0) {
			if ((map->map_mflags & MAP_F_MATCHONLY) != 0)
				return map_rewrite(map, key, strlen(key), NULL);
			return map_rewrite(map, st->vals[i],
			    strlen(st->vals[i]), av);
		}
	return NULL;
}

static void
map_stab_close(MAP *map)
{
	struct map_stab *st = map->map_db;
	size_t i;

	if (st == NULL)
		return;
	for (i = 0; i < st->n; i++) {
		free(st->keys[i]);
		free(st->vals[i]);
	}
	free(st->keys);
	free(st->vals);
	free(st);
	map->map_db = NULL;
}

const struct map_class map_stab_class = {
	"stab", MAP_CF_ALIASOK, map_parseargs, map_stab_open, map_stab_lookup,
	map_stab_close, NULL
};
