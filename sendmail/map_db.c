/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * map_db.c -- the `hash' and `btree' map classes: Berkeley DB files built
 * by makemap, read through libsm's one wrapper (libsm/db.h).
 *
 *	Kname hash [-N|-O] [-f] [-m] [-a.] /etc/mail/file	(file.db)
 *
 * Keys are folded to lower case unless -f.  The trailing-NUL convention
 * is adaptive without -N/-O: a key is tried without, then with a NUL,
 * and the first hit fixes the convention for the map's life; -N only
 * with, -O only without, both: nothing ever matches (as in sendmail).
 * A miss is "no match" with status EX_OK.  A file replaced under a running
 * map (makemap renames a new one over it) is reopened at the next lookup.
 *
 * Public: map_hash_class, map_btree_class, map_db_open (map_int.h; the
 * implicit class opens a hash file quietly through it).
 * Runs in the sendmail process, reading only (shared locks).
 */
#include "sendmail/map_int.h"

#include "libsm/db.h"
#include "libsm/err.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A good file of the other type: Berkeley DB's own complaint, which
 * sendmail lets through before its message. */
static void
map_db_othertype(const char *path, enum sm_db_type type)
{
	const char *why;
	SM_DB *db = sm_db_open(path, type == SM_DB_HASH ? SM_DB_BTREE :
	    SM_DB_HASH, SM_DB_READ, NULL, &why);

	if (db == NULL)
		return;
	sm_db_abort(db);
	map_message("BDB0641 __db_meta_setup: %s: unexpected file type or "
	    "format", path);
}

int
map_db_open(MAP *map, const struct map_class *mc, int quiet)
{
	enum sm_db_type type = mc == &map_btree_class ? SM_DB_BTREE :
	    SM_DB_HASH;
	/* keys go to the file exactly as map_db_try makes them */
	static const struct sm_db_opts raw = { 0, SM_DB_NUL_NEVER, 0, 0, 0 };
	const char *why = NULL;
	char *path = sm_db_path(map->map_file);
	SM_DB *db;
	int e;

	quiet |= (map->map_mflags & MAP_F_OPTIONAL) != 0;
	if (map_safefile(path, 0, &why) != 0) {
		e = errno;
		if (!quiet && e == ENOENT)
			map_syserr(e, "%s map \"%s\": missing map file %s: %s",
			    mc->mc_name, map->map_mname, path, strerror(e));
		else if (!quiet)
			map_syserr(e, "%s map \"%s\": unsafe map file %s: %s",
			    mc->mc_name, map->map_mname, path, why);
		free(path);
		return 0;
	}
	db = sm_db_open(path, type, SM_DB_READ, &raw, &why);
	if (db == NULL) {
		e = errno;
		if (!quiet && e == EINVAL)
			map_db_othertype(path, type);
		if (!quiet)
			map_syserr(e, "Cannot open %s database %s: %s",
			    mc->mc_name, path, strerror(e));
		free(path);
		return 0;
	}
	free(path);
	map->map_db = db;
	return 1;
}

void
map_db_warm(MAP *map)
{
	static const struct sm_db_opts raw = { 0, SM_DB_NUL_NEVER, 0, 0, 0 };
	enum sm_db_type type = map->map_class == &map_btree_class ?
	    SM_DB_BTREE : SM_DB_HASH;
	const char *why = NULL;
	char *path = sm_db_path(map->map_file);
	SM_DB *db;

	if (map_safefile(path, 0, &why) == 0 &&
	    (db = sm_db_open(path, type, SM_DB_READ, &raw, &why)) != NULL)
		(void)sm_db_close(db, &why);
	free(path);
}

static int
map_hash_open(MAP *map)
{
	return map_db_open(map, map->map_class, 0);
}

/* Look K (KLEN bytes) up; 1 found (*vp, *vlenp), 0 not, -1 error. */
static int
map_db_get(MAP *map, const char *k, size_t klen, const void **vp,
    size_t *vlenp)
{
	const char *why;

	return sm_db_get(map->map_db, k, klen, vp, vlenp, &why);
}

/* Try KEY (folded) without and with a trailing NUL as the flags say. */
static int
map_db_try(MAP *map, const char *key, const void **vp, size_t *vlenp)
{
	size_t klen = strlen(key);
	int r = 0;

	if ((map->map_mflags & MAP_F_TRY0NULL) != 0) {
		r = map_db_get(map, key, klen, vp, vlenp);
		if (r == 1)
			map->map_mflags &= ~MAP_F_TRY1NULL;
	}
	if (r != 1 && (map->map_mflags & MAP_F_TRY1NULL) != 0) {
		r = map_db_get(map, key, klen + 1, vp, vlenp);
		if (r == 1)
			map->map_mflags &= ~MAP_F_TRY0NULL;
	}
	return r;
}

/* Open MAP's file again; 0, or -1 (the map is unusable now). */
static int
map_db_reopen(MAP *map)
{
	const struct map_class *mc = map->map_class;

	if (map->map_db != NULL)
		sm_db_abort(map->map_db);
	map->map_db = NULL;
	return map_db_open(map, mc == &map_btree_class ? mc : &map_hash_class,
	    0) ? 0 : -1;
}

/* Reopen when makemap replaced the file; 0, or -1 (map unusable now). */
static int
map_db_fresh(MAP *map)
{
	if (map->map_db == NULL || !sm_db_changed(map->map_db))
		return 0;
	return map_db_reopen(map);
}

static char *
map_db_lookup(MAP *map, const char *key, const char *const *av,
    int *statp)
{
	const void *v = NULL;
	size_t vlen = 0;
	char *k;
	int r;

	*statp = EX_OK;
	if (map->map_db == NULL || map_db_fresh(map) != 0) {
		*statp = EX_TEMPFAIL;
		return NULL;
	}
	k = (map->map_mflags & MAP_F_NOFOLD) != 0 ? sm_strdup_x(key) :
	    map_lower(key);
	r = map_db_try(map, k, &v, &vlen);
	if (r < 0 && errno == ESTALE && map_db_reopen(map) == 0)
		r = map_db_try(map, k, &v, &vlen);	/* rewritten in place */
	free(k);
	if (r < 0) {
		*statp = EX_TEMPFAIL;
		return NULL;
	}
	if (r == 0)
		return NULL;
	if ((map->map_mflags & MAP_F_MATCHONLY) != 0)
		return map_rewrite(map, key, strlen(key), NULL);
	return map_rewrite(map, v, strnlen(v, vlen), av);
}

static void
map_db_close(MAP *map)
{
	if (map->map_db != NULL) {
		const char *why;

		(void)sm_db_close(map->map_db, &why);
	}
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
