/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * map.c -- the map registry: K line parsing, the generic map flags,
 * opening on first use, the engine's lookup semantics, -bt's /map, and the
 * maps sendmail adds by itself (host, aliases).
 *
 * Public: map_init map_kline map_declare map_find map_name map_spacesub
 * map_lookup map_bt map_bt_cmd map_host_defaults map_setalias map_store
 * map_set_unsafe_dirpath map_close_all map_free_all (map_setalias is in
 * map_seq.c); for the class files (map_int.h): map_parseargs map_rewrite
 * map_lower map_open map_enter map_class_find map_syserr map_message
 * map_tTd map_dprintf map_macro_set map_spawn_setup map_alias_text
 * map_safefile map_dirpath_fine map_stripquotes map_skipspace map_isspace.
 *
 * Runs in the sendmail process (any mode), with its privileges; the
 * program class forks children.  Process-wide state: the map table and
 * the hooks.
 */
#include "sendmail/map_int.h"

#include "libsm/err.h"
#include "libsm/str.h"
#include "libsm/strl.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

static struct map_hooks map_hk;
static int map_quiet;		/* opening an optional map: no messages */
static MAP *map_list;		/* every declared map, in order */
static MAP *map_list_tail;

/* The classes this build knows, as sendmail 8.17 on Debian does. */
static const struct map_class *const map_classes[] = {
	&map_hash_class, &map_btree_class, &map_text_class,
	&map_implicit_class, &map_user_class, &map_host_class,
	&map_sequence_class, &map_switch_class, &map_null_class,
	&map_syslog_class, &map_macro_class, &map_arith_class,
	&map_arpa_class, &map_socket_class, &map_bestmx_class,
	&map_program_class, &map_regex_class, &map_dequote_class,
	&map_stab_class, &map_nis_class, &map_nisplus_class,
	&map_ldap_class, &map_dns_class, &map_userdb_class,
};

/* The class of a map whose open failed (not optional). */
static char *
map_bogus_lookup(MAP *map, const char *key, const char *const *av,
    int *statp)
{
	(void)map;
	(void)key;
	(void)av;
	*statp = EX_TEMPFAIL;
	return NULL;
}

static const struct map_class map_bogus_class = {
	"bogus", 0, NULL, NULL, map_bogus_lookup, NULL, NULL
};

/* ---- hooks and messages ---------------------------------------------- */

void
map_init(const struct map_hooks *hooks)
{
	if (hooks == NULL)
		memset(&map_hk, 0, sizeof(map_hk));
	else
		map_hk = *hooks;
}

/* A message for the cf's reader, through the hook for its kind (SYSERR:
 * an error, with ERR; else a note), or to stderr; none when quiet. */
static void __attribute__((format(printf, 3, 0)))
map_say(int syserr, int err, const char *fmt, va_list ap)
{
	char text[MAP_MAXLINE];

	if (map_quiet)
		return;
	(void)vsnprintf(text, sizeof(text), fmt, ap);
	if (syserr && map_hk.mh_syserr != NULL)
		map_hk.mh_syserr(err, text);
	else if (!syserr && map_hk.mh_message != NULL)
		map_hk.mh_message(text);
	else
		(void)fprintf(stderr, "%s\n", text);
}

void
map_syserr(int err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	map_say(1, err, fmt, ap);
	va_end(ap);
}

void
map_message(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	map_say(0, 0, fmt, ap);
	va_end(ap);
}

int
map_tTd(int cat, int level)
{
	return map_hk.mh_tTd != NULL && map_hk.mh_tTd(cat, level);
}

void
map_dprintf(const char *fmt, ...)
{
	char text[MAP_MAXLINE];
	va_list ap;

	va_start(ap, fmt);
	(void)vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	if (map_hk.mh_dprint != NULL)
		map_hk.mh_dprint(text);
	else
		(void)fputs(text, stdout);
}

void
map_alias_text(MAP *map, const char *file, FILE *fp)
{
	if (map_hk.mh_alias_text != NULL)
		map_hk.mh_alias_text(map, file, fp);
}

void
map_store(MAP *map, const char *key, const char *value)
{
	if (map->map_db != NULL && (map->map_class == &map_stab_class ||
	    map->map_priv == (void *)&map_stab_class))
		map_stab_store(map, key, value);
}

/* The key in a trace, the way sendmail's xputs shows it. */
static void
map_dxputs(const char *s)
{
	if (map_hk.mh_dxputs != NULL)
		map_hk.mh_dxputs(s);
	else
		map_dprintf("%s", s);
}

int
map_macro_set(const char *name, const char *value)
{
	if (map_hk.mh_macro_set == NULL)
		return 0;
	return map_hk.mh_macro_set(name, value);
}

void
map_spawn_setup(struct sm_spawn *sp)
{
	if (map_hk.mh_spawn_setup != NULL)
		map_hk.mh_spawn_setup(sp);
}

/* ---- small string helpers ---------------------------------------------- */

int
map_isspace(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' ||
	    c == '\r';
}

char *
map_skipspace(char *p)
{
	while (map_isspace((unsigned char)*p))
		p++;
	return p;
}

char *
map_lower(const char *s)
{
	char *d = sm_strdup_x(s), *p;

	for (p = d; *p != '\0'; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	return d;
}

void
map_stripquotes(char *s)
{
	char *q = s;

	for (; *s != '\0'; s++) {
		if (*s == '\\') {
			if (*++s == '\0')
				break;
			*q++ = *s;
		} else if (*s != '"')
			*q++ = *s;
	}
	*q = '\0';
}

/* DontBlameSendmail=MapInUnsafeDirPath: unsafe directories only warn. */
static int map_unsafe_dirpath;

void
map_set_unsafe_dirpath(int allow)
{
	map_unsafe_dirpath = allow;
}

/* Check one directory of a path: exists, not group or world writable. */
static int
map_safedir(const char *dir, unsigned flags, const char **whyp)
{
	struct stat st;

	if (stat(dir, &st) != 0) {
		*whyp = strerror(errno);
		return -1;
	}
	if ((st.st_mode & (S_IWOTH | S_IWGRP)) == 0)
		return 0;
	*whyp = (st.st_mode & S_IWOTH) != 0 ? "World writable directory" :
	    "Group writable directory";
	if (map_unsafe_dirpath && (flags & MAP_SFF_ANYDIR) == 0) {
		map_message("WARNING: %s %s", *whyp, dir);
		return 0;
	}
	errno = EPERM;
	return -1;
}

int
map_dirpath_fine(const char *path)
{
	char *dir = sm_strdup_x(path), *p;
	struct stat st;
	int fine = 1;

	for (p = strchr(dir + (dir[0] == '/'), '/'); p != NULL && fine;
	    p = strchr(p + 1, '/')) {
		*p = '\0';
		fine = stat(dir, &st) == 0 &&
		    (st.st_mode & (S_IWOTH | S_IWGRP)) == 0;
		*p = '/';
	}
	free(dir);
	return fine;
}

int
map_safefile(const char *path, unsigned flags, const char **whyp)
{
	char *dir = sm_strdup_x(path), *p;
	struct stat st;
	int rc = 0;

	if (path[0] == '/')
		rc = map_safedir("/", flags, whyp);
	for (p = strchr(dir + (dir[0] == '/'), '/'); p != NULL && rc == 0;
	    p = strchr(p + 1, '/')) {
		*p = '\0';
		rc = map_safedir(dir, flags, whyp);
		*p = '/';
	}
	free(dir);
	if (rc != 0)
		return rc;
	if (stat(path, &st) != 0) {
		*whyp = strerror(errno);
		return -1;
	}
	if ((flags & MAP_SFF_REGONLY) != 0 && !S_ISREG(st.st_mode)) {
		*whyp = "Not a regular file";
		errno = EINVAL;
		return -1;
	}
	return 0;
}

/* ---- the registry ------------------------------------------------------ */

const struct map_class *
map_class_find(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(map_classes) / sizeof(map_classes[0]); i++)
		if (strcasecmp(map_classes[i]->mc_name, name) == 0)
			return map_classes[i];
	return NULL;
}

MAP *
map_find(const char *name)
{
	MAP *m;

	for (m = map_list; m != NULL; m = m->map_next)
		if (strcasecmp(m->map_mname, name) == 0)
			return m;
	return NULL;
}

const char *
map_name(const MAP *map)
{
	return map->map_mname;
}

int
map_spacesub(const MAP *map)
{
	return map->map_spacesub;
}

/* Close MAP if open (its class state goes, parsing data stays). */
static void
map_close1(MAP *map)
{
	const struct map_class *mc = map->map_class;

	if ((map->map_mflags & MAP_F_OPEN) != 0 && mc->mc_close != NULL)
		mc->mc_close(map);
	if (map->map_orgclass != NULL) {
		map->map_class = map->map_orgclass;
		map->map_orgclass = NULL;
	}
	map->map_mflags &= ~(MAP_F_OPEN | MAP_F_BOGUS);
}

/* Release everything MAP holds but its name and list link. */
static void
map_clear(MAP *map)
{
	char *name = map->map_mname;
	MAP *next = map->map_next;

	map_close1(map);
	if (map->map_class != NULL && map->map_class->mc_free != NULL)
		map->map_class->mc_free(map);
	free(map->map_file);
	free(map->map_rebuild);
	free(map->map_app);
	free(map->map_tapp);
	free(map->map_keycolnm);
	free(map->map_valcolnm);
	memset(map, 0, sizeof(*map));
	map->map_mname = name;
	map->map_next = next;
}

/*
 * A second K line for a name reuses the map as sendmail does: the class
 * and what the new line sets change, everything else (flags such as -o
 * or -m, -a, -z, -v, the file) stays from the first.  FRESH starts over
 * (AliasFile's maps).
 */
MAP *
map_enter(const char *name, const struct map_class *mc, int fresh)
{
	MAP *m = map_find(name);

	if (m == NULL) {
		m = sm_calloc_x(1, sizeof(*m));
		m->map_mname = sm_strdup_x(name);
		if (map_list_tail == NULL)
			map_list = m;
		else
			map_list_tail->map_next = m;
		map_list_tail = m;
		m->map_mflags = MAP_F_TRY0NULL | MAP_F_TRY1NULL;
	} else if (fresh) {
		map_clear(m);
		m->map_mflags = MAP_F_TRY0NULL | MAP_F_TRY1NULL;
	} else
		map_close1(m);	/* map_declare settles the class data */
	if (strcmp(m->map_mname, name) != 0) {
		free(m->map_mname);	/* the new spelling is the name now */
		m->map_mname = sm_strdup_x(name);
	}
	m->map_class = mc;
	return m;
}

/*
 * After parsing a K line for M: a map that was usable and whose new line
 * failed keeps its old class and data (sendmail keeps a regex that
 * compiled when a second one does not); otherwise the old data goes, and
 * a failed line leaves the map unusable ("not open").
 */
static void
map_declared(MAP *m, int ok, const struct map_class *oldmc, void *old)
{
	const struct map_class *mc = m->map_class;
	void *priv = m->map_priv;

	if (!ok && (m->map_mflags & MAP_F_VALID) != 0 && oldmc != NULL) {
		if (mc->mc_free != NULL)
			mc->mc_free(m);
		m->map_class = oldmc;
		m->map_priv = old;
		return;
	}
	if (old != NULL && oldmc != NULL && oldmc->mc_free != NULL) {
		m->map_priv = old;
		oldmc->mc_free(m);
	}
	m->map_priv = priv;
	if (ok)
		m->map_mflags |= MAP_F_VALID;
	else		/* half-parsed class data is never used */
		m->map_mflags &= ~MAP_F_VALID;
}

MAP *
map_declare(const char *name, const char *mclass, const char *args,
    const char *file, int line, const char **errp)
{
	static char why[MAP_MAXLINE];
	const struct map_class *mc = map_class_find(mclass);
	const struct map_class *oldmc;
	void *old;
	MAP *m;
	char *buf;
	int ok;

	(void)file;
	(void)line;
	if (mc == NULL) {
		(void)snprintf(why, sizeof(why),
		    "readcf: map %s: class %s not available", name, mclass);
		if (errp != NULL)
			*errp = why;
		return NULL;
	}
	m = map_find(name);
	oldmc = m != NULL ? m->map_class : NULL;
	old = m != NULL ? m->map_priv : NULL;
	m = map_enter(name, mc, 0);
	m->map_priv = NULL;
	buf = sm_strdup_x(args != NULL ? args : "");
	ok = mc->mc_parse(m, buf);
	free(buf);
	map_declared(m, ok, oldmc, old);
	return m;
}

static int
map_isnamechar(int c)
{
	return isascii(c) && (isalnum(c) || c == '_' || c == '.');
}

MAP *
map_kline(const char *text, const char *file, int line, const char **errp)
{
	static char why[MAP_MAXLINE];
	char *buf = sm_strdup_x(text), *p, *name, *mclass;
	MAP *m = NULL;

	p = map_skipspace(buf);
	if (!isascii((unsigned char)*p) || !isalnum((unsigned char)*p)) {
		(void)snprintf(why, sizeof(why),
		    "readcf: config K line: no map name");
		goto fail;
	}
	name = p;
	while (map_isnamechar((unsigned char)*++p))
		continue;
	if (*p != '\0')
		*p++ = '\0';
	p = map_skipspace(p);
	if (!isascii((unsigned char)*p) || !isalnum((unsigned char)*p)) {
		(void)snprintf(why, sizeof(why),
		    "readcf: config K line, map %s: no map class", name);
		goto fail;
	}
	mclass = p;
	while (isascii((unsigned char)*++p) && isalnum((unsigned char)*p))
		continue;
	if (*p != '\0')
		*p++ = '\0';
	m = map_declare(name, mclass, map_skipspace(p), file, line, errp);
	free(buf);
	return m;
fail:
	free(buf);
	if (errp != NULL)
		*errp = why;
	return NULL;
}

/* ---- the generic flags --------------------------------------------------- */

/* The word at *PP (up to a blank), NUL-terminated; *PP moves past it. */
static char *
map_word(char **pp)
{
	char *w = *pp, *p = w;

	while (*p != '\0' && !map_isspace((unsigned char)*p))
		p++;
	if (*p != '\0')
		*p++ = '\0';
	*pp = p;
	return w;
}

/* -z's argument: one byte, or \n \t; any other escape is a backslash. */
static int
map_delim(const char *p)
{
	if (*p != '\\')
		return (unsigned char)*p;
	switch (p[1]) {
	case 'n':
		return '\n';
	case 't':
		return '\t';
	default:
		return '\\';
	}
}

/* -d's argument: a time (sendmail's convtime, default unit seconds). */
static long
map_convtime(const char *p)
{
	long total = 0, v;
	char *end;

	while (*p != '\0') {
		v = strtol(p, &end, 10);
		switch (*end) {
		case 'w':
			v *= 7;
			/* FALLTHROUGH */
		case 'd':
			v *= 24;
			/* FALLTHROUGH */
		case 'h':
			v *= 60;
			/* FALLTHROUGH */
		case 'm':
			v *= 60;
			/* FALLTHROUGH */
		case 's':
			end++;
			break;
		default:
			if (end == p)
				end++;
			break;
		}
		total += v;
		p = end;
	}
	return total;
}

/*
 * A flag whose argument is a string (-a -k -T -v): *SLOT takes the word at
 * W, replacing what an earlier flag or K line left; returns where it ends.
 */
static char *
map_flag_str(char **slot, char *w)
{
	free(*slot);
	*slot = sm_strdup_x(map_word(&w));
	return w;
}

/* One flag at P (after its `-'); returns where its word ends. */
static char *
map_flag(MAP *map, char *p)
{
	char *w;

	switch (*p) {
	case 'A':
		map->map_mflags |= MAP_F_APPEND;
		break;
	case 'a':
		return map_flag_str(&map->map_app, p + 1);
	case 'D':
		map->map_mflags |= MAP_F_DEFER;
		break;
	case 'd':
		w = p + 1;
		map->map_timeout = map_convtime(map_word(&w));
		return w;
	case 'f':
		map->map_mflags |= MAP_F_NOFOLD;
		break;
	case 'k':
		return map_flag_str(&map->map_keycolnm, map_skipspace(p + 1));
	case 'm':
		map->map_mflags |= MAP_F_MATCHONLY;
		break;
	case 'N':
		map->map_mflags |= MAP_F_INCLNULL;
		map->map_mflags &= ~MAP_F_TRY0NULL;
		break;
	case 'O':
		map->map_mflags &= ~MAP_F_TRY1NULL;
		break;
	case 'o':
		map->map_mflags |= MAP_F_OPTIONAL;
		break;
	case 'q':
		map->map_mflags |= MAP_F_KEEPQUOTES;
		break;
	case 'S':
		map->map_spacesub = (unsigned char)*++p;
		break;
	case 'T':
		return map_flag_str(&map->map_tapp, p + 1);
	case 't':
		map->map_mflags |= MAP_F_NODEFER;
		break;
	case 'v':
		return map_flag_str(&map->map_valcolnm, map_skipspace(p + 1));
	case 'z':
		map->map_coldelim = map_delim(p + 1);
		break;
	default:
		map_syserr(0, "Illegal option %c map %s", *p,
		    map->map_mname);
		break;
	}
	if (*p == '\0')
		return p;
	(void)map_word(&p);
	return p;
}

int
map_parseargs(MAP *map, char *args)
{
	char *p = args;

	for (;;) {
		p = map_skipspace(p);
		if (*p != '-')
			break;
		p = map_flag(map, p + 1);
	}
	if (*p != '\0') {
		free(map->map_file);
		map->map_file = sm_strdup_x(map_word(&p));
	}
	p = map_skipspace(p);
	if (*p != '\0') {
		free(map->map_rebuild);
		map->map_rebuild = sm_strdup_x(p);
	}
	if (map->map_file == NULL &&
	    (map->map_class->mc_cflags & MAP_CF_OPTFILE) == 0) {
		map_syserr(0, "No file name for %s map %s",
		    map->map_class->mc_name, map->map_mname);
		return 0;
	}
	return 1;
}

/* ---- values -------------------------------------------------------------- */

/* The AV entry for %D, or NULL when there are fewer arguments. */
static const char *
map_arg(const char *const *av, int d)
{
	int i;

	for (i = 0; i < d; i++)
		if (av[i] == NULL)
			return NULL;
	return av[d];
}

char *
map_rewrite(const MAP *map, const char *s, size_t len,
    const char *const *av)
{
	SM_STR *out = sm_str_new(0);
	const char *a;
	size_t i;

	for (i = 0; i < len; i++) {
		if (s[i] != '%' || av == NULL) {
			(void)sm_str_addc(out, s[i]);
			continue;
		}
		if (++i >= len) {
			(void)sm_str_addc(out, '%');
			break;
		}
		if (s[i] >= '0' && s[i] <= '9') {
			a = map_arg(av, s[i] - '0');
			if (a != NULL)
				(void)sm_str_adds(out, a);
		} else if (s[i] == '%')
			(void)sm_str_addc(out, '%');
		else {
			(void)sm_str_addc(out, '%');
			(void)sm_str_addc(out, s[i]);
		}
	}
	if (map->map_app != NULL)
		(void)sm_str_adds(out, map->map_app);
	return sm_str_export(out, NULL);
}

/* ---- opening ----------------------------------------------------------- */

/* The class's open; an optional map's failure is silent, as in
 * sendmail, where every open error is guarded by "not optional". */
static int
map_class_open(MAP *map)
{
	int ok, quiet = map_quiet;

	if (map->map_class->mc_open == NULL)
		return 1;
	if ((map->map_mflags & MAP_F_OPTIONAL) != 0)
		map_quiet = 1;
	ok = map->map_class->mc_open(map);
	map_quiet = quiet;
	return ok;
}

int
map_open(MAP *map)
{
	if ((map->map_mflags & MAP_F_VALID) == 0)
		return 0;
	if ((map->map_mflags & MAP_F_OPEN) != 0)
		return 1;
	if (map_class_open(map))
		map->map_mflags |= MAP_F_OPEN;
	else if ((map->map_mflags & MAP_F_OPTIONAL) == 0) {
		map->map_orgclass = map->map_class;
		map->map_class = &map_bogus_class;
		map->map_mflags |= MAP_F_OPEN | MAP_F_BOGUS;
	} else
		map->map_mflags &= ~MAP_F_VALID;
	return (map->map_mflags & MAP_F_OPEN) != 0;
}

void
map_close_all(void)
{
	MAP *m;

	for (m = map_list; m != NULL; m = m->map_next)
		map_close1(m);
}

void
map_warm(void)
{
	MAP *m;

	for (m = map_list; m != NULL; m = m->map_next)
		if ((m->map_mflags & MAP_F_VALID) != 0 &&
		    m->map_file != NULL && (m->map_class == &map_hash_class ||
		    m->map_class == &map_btree_class ||
		    m->map_class == &map_implicit_class))
			map_db_warm(m);
}

void
map_free_all(void)
{
	MAP *m, *next;

	for (m = map_list; m != NULL; m = next) {
		next = m->map_next;
		map_clear(m);
		free(m->map_mname);
		free(m);
	}
	map_list = map_list_tail = NULL;
}

/* ---- the engine's lookup ----------------------------------------------- */

/* The -d60.5 part of the trace: ", %0=key, %1=arg ...". */
static void
map_trace_args(const char *const *av)
{
	int i;

	if (!map_tTd(60, 5))
		return;
	for (i = 0; av[i] != NULL; i++)
		map_dprintf(", %%%d=%s", i, av[i]);
}

/* -T: the key with the tempfail string appended. */
static char *
map_tempfail_value(const MAP *map, const char *key)
{
	size_t n = strlen(key) + strlen(map->map_tapp) + 1;
	char *v = sm_malloc_x(n);

	(void)snprintf(v, n, "%s%s", key, map->map_tapp);
	if (map_tTd(60, 4))
		map_dprintf("map_lookup tempfail: returning \"%s\"\n", v);
	return v;
}

char *
map_lookup(MAP *map, const char *key, const char *const *args, int nargs,
    int *statp)
{
	const char *av[MAP_MAXARGS + 2];
	char *k, *v;
	int i, st = EX_OK;

	*statp = EX_OK;
	if (map == NULL || !map_open(map))
		return NULL;
	if ((map->map_mflags & MAP_F_DEFER) != 0 && map_hk.mh_defermode != NULL &&
	    map_hk.mh_defermode()) {
		if (map_tTd(60, 1))
			map_dprintf("map_lookup(%s, %s) => DEFERRED\n",
			    map->map_mname, key);
		*statp = EX_TEMPFAIL;
		return NULL;
	}
	k = sm_strdup_x(key);
	if ((map->map_mflags & MAP_F_KEEPQUOTES) == 0)
		map_stripquotes(k);
	av[0] = k;
	for (i = 0; i < nargs && i < MAP_MAXARGS; i++)
		av[i + 1] = args[i];
	av[i + 1] = NULL;
	if (map_tTd(60, 1)) {
		map_dprintf("map_lookup(%s, ", map->map_mname);
		map_dxputs(k);
		map_trace_args(av);
		map_dprintf(") => ");
	}
	v = map->map_class->mc_lookup(map, k, av, &st);
	if (map_tTd(60, 1))
		map_dprintf("%s (%d), ad=0\n", v == NULL ? "NOT FOUND" : v, st);
	if (st == EX_TEMPFAIL && (map->map_mflags & MAP_F_NODEFER) == 0) {
		*statp = EX_TEMPFAIL;
		if (map_tTd(60, 1))
			map_dprintf("map_lookup(%s, %s) tempfail: errno=%d\n",
			    map->map_mname, k, 0);
	}
	if (st == EX_TEMPFAIL && map->map_tapp != NULL) {
		free(v);
		v = map_tempfail_value(map, k);
	}
	free(k);
	return v;
}

/* ---- -bt ------------------------------------------------------------------ */

void
map_bt(FILE *out, const char *name, const char *key)
{
	const char *av[2];
	MAP *m = map_find(name);
	char *k, *v;
	int st = EX_OK;

	if (m == NULL) {
		(void)fprintf(out, "Map named \"%s\" not found\n", name);
		return;
	}
	if (!map_open(m)) {
		(void)fprintf(out, "Map named \"%s\" not open\n", name);
		return;
	}
	(void)fprintf(out, "map_lookup: %s (%s) ", name, key);
	k = sm_strdup_x(key);
	av[0] = k;
	av[1] = NULL;
	v = m->map_class->mc_lookup(m, k, av, &st);
	if (v == NULL)
		(void)fprintf(out, "no match (%d)\n", st);
	else
		(void)fprintf(out, "returns %s (%d)\n", v, st);
	free(v);
	free(k);
}

void
map_bt_cmd(FILE *out, const char *args)
{
	const char *q;
	char *name;

	if (*args == '\0') {
		(void)fprintf(out, "Usage: /map mapname key\n");
		return;
	}
	for (q = args; *q != '\0' && !map_isspace((unsigned char)*q); q++)
		continue;
	if (*q == '\0') {
		(void)fprintf(out, "No key specified\n");
		return;
	}
	name = sm_strndup_x(args, (size_t)(q - args));
	map_bt(out, name, q + 1);
	free(name);
}

/* ---- maps sendmail makes itself --------------------------------------- */

/* Declare from a K-line text; messages as for the cf. */
static MAP *
map_kline_quiet(const char *text)
{
	const char *why = NULL;
	MAP *m = map_kline(text, NULL, 0, &why);

	if (m == NULL && why != NULL)
		map_syserr(0, "%s", why);
	return m;
}

void
map_host_defaults(int cflevel)
{
	if (map_find("host") == NULL)
		(void)map_kline_quiet(cflevel >= 2 ? "host host -a. -D" :
		    "host host");
	map_alias_defaults();
	if (map_find("aliases") == NULL)
		(void)map_kline_quiet("aliases switch aliases");
}
