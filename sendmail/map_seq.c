/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * map_seq.c -- maps made of other maps: `sequence' (members named on the
 * K line), `switch' (members NAME.SERVICE in the order the service
 * switch lists the services), `implicit' (a hash file, else for alias
 * databases the text file), and the alias maps sendmail declares itself
 * (AliasFile, aliases.files, aliases).
 *
 * Members are looked up in order; the first value wins.  A member that
 * fails temporarily is remembered: a later miss then reports EX_TEMPFAIL
 * instead of EX_NOTFOUND.  Members open on first use, so a switch's
 * members may be declared after it.
 *
 * Public: the classes' structs and map_setalias, map_alias_defaults.
 * Runs in the sendmail process.
 */
#include "sendmail/map_int.h"

#include "sendmail/domain.h"
#include "libsm/err.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The member list of a sequence or switch map. */
struct map_stack {
	MAP	*maps[MAP_MAXSTACK];
	int	n;
};

static struct map_stack *
map_stack_of(MAP *map)
{
	if (map->map_priv == NULL)
		map->map_priv = sm_calloc_x(1, sizeof(struct map_stack));
	return map->map_priv;
}

static void
map_stack_free(MAP *map)
{
	free(map->map_priv);
	map->map_priv = NULL;
}

/* Add MEMBER to MAP's stack; KIND names the class for messages. */
static void
map_stack_add(MAP *map, const char *kind, const char *member)
{
	struct map_stack *st = map_stack_of(map);
	MAP *m = map_find(member);

	if (m == NULL)
		map_syserr(0, "%s map %s: unknown member map %s", kind,
		    map->map_mname, member);
	else if (st->n >= MAP_MAXSTACK)
		map_syserr(0, "%s map %s: too many member maps (%d max)",
		    kind, map->map_mname, MAP_MAXSTACK);
	else
		st->maps[st->n++] = m;
}

/* ---- sequence -------------------------------------------------------- */

static int
map_seq_namechar(int c)
{
	return isascii(c) && (isalnum(c) || c == '_' || c == '.');
}

/* Member names are runs of letters, digits, `_' and `.'; anything else
 * separates them (sendmail reads no flags here). */
static int
map_seq_parse(MAP *map, char *args)
{
	char *ap = args, *p;

	(void)map_stack_of(map);
	while (*ap != '\0') {
		ap = map_skipspace(ap);
		for (p = ap; map_seq_namechar((unsigned char)*p); p++)
			continue;
		if (*p != '\0')
			*p++ = '\0';
		while (*p != '\0' && (!isascii((unsigned char)*p) ||
		    !isalnum((unsigned char)*p)))
			p++;
		if (*ap != '\0')
			map_stack_add(map, "Sequence", ap);
		ap = p;
	}
	return 1;
}

static char *
map_seq_lookup(MAP *map, const char *key, const char *const *av,
    int *statp)
{
	struct map_stack *st = map->map_priv;
	int i, tempfail = 0;
	char *v;

	*statp = EX_OK;
	for (i = 0; st != NULL && i < st->n; i++) {
		MAP *m = st->maps[i];

		if (!map_open(m))	/* optional, or declared badly */
			continue;
		v = m->map_class->mc_lookup(m, key, av, statp);
		if (v != NULL)
			return v;
		if (*statp == EX_TEMPFAIL)
			tempfail = 1;
	}
	if (tempfail)
		*statp = EX_TEMPFAIL;
	else if (*statp == EX_OK)
		*statp = MAP_EX_NOTFOUND;
	return NULL;
}

const struct map_class map_sequence_class = {
	"sequence", MAP_CF_ALIASOK, map_seq_parse, NULL, map_seq_lookup, NULL,
	map_stack_free
};

/* ---- switch ------------------------------------------------------------ */

/* The services for SERVICE: the switch files', or sendmail's defaults. */
static const char *const *
map_services(const char *service)
{
	return domain_switch(service);
}

static int
map_switch_open(MAP *map)
{
	const char *const *svc = map_services(map->map_file);
	char name[MAP_MAXLINE];
	int i;

	if (svc == NULL || svc[0] == NULL)
		return 0;
	map_stack_free(map);
	(void)map_stack_of(map);
	for (i = 0; svc[i] != NULL; i++) {
		(void)snprintf(name, sizeof(name), "%s.%s", map->map_mname,
		    svc[i]);
		map_stack_add(map, "Switch", name);
	}
	return 1;
}

const struct map_class map_switch_class = {
	"switch", 0, map_parseargs, map_switch_open, map_seq_lookup, NULL,
	map_stack_free
};

/* ---- implicit ---------------------------------------------------------- */

/* A hash file; failing that, an alias database is read from the text
 * file into a stab map (no message otherwise). */
static int
map_impl_open(MAP *map)
{
	if (map_db_open(map, &map_hash_class, 1))
		return 1;
	if ((map->map_mflags & MAP_F_ALIAS) == 0)
		return 0;
	map_message("WARNING: cannot open alias database %s; reading text "
	    "version", map->map_file);
	map->map_priv = (void *)&map_stab_class;	/* before: map_store */
	if (map_stab_class.mc_open(map))
		return 1;
	map->map_priv = NULL;
	return 0;
}

static char *
map_impl_lookup(MAP *map, const char *key, const char *const *av,
    int *statp)
{
	if (map->map_priv == (void *)&map_stab_class)
		return map_stab_class.mc_lookup(map, key, av, statp);
	return map_hash_class.mc_lookup(map, key, av, statp);
}

static void
map_impl_close(MAP *map)
{
	if (map->map_priv == (void *)&map_stab_class)
		map_stab_class.mc_close(map);
	else
		map_hash_class.mc_close(map);
	map->map_priv = NULL;
}

const struct map_class map_implicit_class = {
	"implicit", MAP_CF_ALIASOK, map_parseargs, map_impl_open,
	map_impl_lookup, map_impl_close, NULL
};

/* ---- alias maps ---------------------------------------------------------- */

static int map_nalias;		/* Alias0, Alias1, ... declared so far */

/* One "[class:]file" of AliasFile; P is its text (modifiable). */
static void
map_setalias1(MAP *seq, char *spec)
{
	const struct map_class *mc;
	char name[32], *p, *mclass = "implicit";
	MAP *m;

	p = strpbrk(spec, " ,/:");
	if (p != NULL && *p == ':') {
		*p++ = '\0';
		mclass = spec;
		spec = p;
	}
	/* the entry exists even when unusable: /map says "not open" */
	(void)snprintf(name, sizeof(name), "Alias%d", map_nalias);
	mc = map_class_find(mclass);
	m = map_enter(name, mc, 1);
	if (mc == NULL) {
		map_syserr(0, "setalias: unknown alias class %s", mclass);
		return;
	}
	if ((mc->mc_cflags & MAP_CF_ALIASOK) == 0) {
		map_syserr(0, "setalias: map class %s can't handle aliases",
		    mclass);
		return;
	}
	m->map_mflags |= MAP_F_ALIAS;
	if (mc->mc_parse(m, spec)) {
		m->map_mflags |= MAP_F_VALID;
		map_stack_add(seq, "Sequence", name);
		map_nalias++;
	}
}

/* The end of one comma-separated entry at P (quotes protect commas). */
static char *
map_alias_end(char *p)
{
	int quoted = 0;

	for (; *p != '\0'; p++) {
		if (*p == '"')
			quoted = !quoted;
		else if (*p == ',' && !quoted)
			break;
	}
	if (*p != '\0')
		*p++ = '\0';
	return p;
}

void
map_setalias(const char *spec)
{
	char *buf = sm_strdup_x(spec), *p = buf, *entry;
	MAP *seq = map_find("aliases.files");

	if (seq == NULL || seq->map_class != &map_sequence_class) {
		seq = map_enter("aliases.files", &map_sequence_class, 1);
		seq->map_mflags |= MAP_F_VALID;
		map_nalias = 0;
	}
	while (*p != '\0') {
		p = map_skipspace(p);
		if (*p == ',') {
			p++;
			continue;
		}
		if (*p == '\0')
			break;
		if (map_stack_of(seq)->n >= MAP_MAXSTACK) {
			map_syserr(0, "Too many alias databases defined, %d max",
			    MAP_MAXSTACK);
			break;
		}
		entry = p;
		p = map_alias_end(p);
		map_setalias1(seq, entry);
	}
	free(buf);
}

/* The map sendmail declares for an aliases service, as a K line. */
static const struct {
	const char	*service, *kline;
} map_alias_svcs[] = {
	{ "files", "aliases.files null" },
	{ "nisplus", "aliases.nisplus nisplus -kalias -vexpansion "
	    "mail_aliases.org_dir" },
	{ "nis", "aliases.nis nis mail.aliases" },
};

void
map_alias_defaults(void)
{
	const char *const *svc = map_services("aliases");
	char name[64];
	size_t j;
	int i;

	for (i = 0; svc != NULL && svc[i] != NULL; i++) {
		(void)snprintf(name, sizeof(name), "aliases.%s", svc[i]);
		if (map_find(name) != NULL)
			continue;
		for (j = 0; j < sizeof(map_alias_svcs) /
		    sizeof(map_alias_svcs[0]); j++)
			if (strcmp(svc[i], map_alias_svcs[j].service) == 0)
				(void)map_kline(map_alias_svcs[j].kline, NULL, 0,
				    NULL);
	}
}
