/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * map_db.c -- the `hash' and `btree' map classes (Berkeley DB files built
 * by makemap).  Placeholder until libsm/db.h is merged: the classes are
 * declared (K lines parse as in sendmail) but their files cannot be opened.
 *
 * Public: map_hash_class, map_btree_class, map_db_open (map_int.h).
 * Runs in the sendmail process.
 */
#include "sendmail/map_int.h"

#include "libsm/err.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The path of MAP's file: the argument, with ".db" unless it has it. */
static char *
map_db_path(const MAP *map)
{
	const char *f = map->map_file;
	size_t n = strlen(f);
	char *p;

	if (n >= 3 && strcmp(f + n - 3, ".db") == 0)
		return sm_strdup_x(f);
	p = sm_malloc_x(n + 4);
	(void)snprintf(p, n + 4, "%s.db", f);
	return p;
}

int
map_db_open(MAP *map, const struct map_class *mc, int quiet)
{
	const char *why = NULL;
	char *path = map_db_path(map);
	int e;

	if (map_safefile(path, 0, &why) != 0) {
		e = errno;
		if (!quiet && e == ENOENT)
			map_syserr(e, "%s map \"%s\": missing map file %s: %s",
			    mc->mc_name, map->map_mname, path, strerror(e));
		else if (!quiet)
			map_syserr(e, "%s map \"%s\": unsafe map file %s: %s",
			    mc->mc_name, map->map_mname, path, why);
	} else if (!quiet)
		map_syserr(ENOSYS, "Cannot open %s database %s: %s",
		    mc->mc_name, path, strerror(ENOSYS));
	free(path);
	return 0;
}

static int
map_hash_open(MAP *map)
{
	return map_db_open(map, map->map_class, 0);
}

static char *
map_db_lookup(MAP *map, const char *key, const char *const *av,
    int *statp)
{
	(void)map;
	(void)key;
	(void)av;
	*statp = EX_TEMPFAIL;
	return NULL;
}

static void
map_db_close(MAP *map)
{
	map->map_db = NULL;
}

const struct map_class map_hash_class = {
	"hash", MAP_CF_ALIASOK, map_parseargs, map_hash_open, map_db_lookup,
	map_db_close, NULL
};

const struct map_class map_btree_class = {
	"btree", MAP_CF_ALIASOK, map_parseargs, map_hash_open, map_db_lookup,
	map_db_close, NULL
};
