/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * db.h -- the one Berkeley DB 5.3 wrapper: hash and btree map files.
 *
 * sendmail's map code (hash, btree), makemap, praliases and newaliases all
 * go through this file, so the on-disk format is written in one place and
 * stays readable by the real sendmail 8.17 tools (makemap -u, praliases)
 * and the other way round.  The format facts it keeps:
 *
 *  - Plain Berkeley DB 5.3 files (no environment, no encryption), type
 *    hash or btree; makemap names them "hash" and "btree" ("implicit"
 *    means hash).  The path is the file itself: callers add ".db".
 *  - A map built with -N stores every key and every value with one
 *    trailing NUL byte; without -N neither carries one.  A sendmail K line
 *    with -N looks keys up with the NUL, with -O without it, and with
 *    neither it tries without the NUL first, then with it, and the first
 *    hit decides for the rest of the map's life (SM_DB_NUL_ADAPT).
 *  - Keys are folded to lower case (ASCII letters only, as makemap and
 *    sendmail do) unless -f; values never are.
 *  - newaliases (sendmail 8.17 on Debian) stores the aliases without NUL
 *    bytes and ends with the pair "@" -> "@" (SM_DB_ALIAS_MARK), which a
 *    reader takes as "this alias database is complete".
 *  - makemap creates hash files with an expected-element hint of 4096 and
 *    new files with mode 0640.
 *
 * Public functions: sm_db_type_byname, sm_db_type_name, sm_db_open,
 * sm_db_get, sm_db_put, sm_db_del, sm_db_first, sm_db_next, sm_db_changed,
 * sm_db_close, sm_db_abort.
 *
 * Runs in any process: the MTA reads maps (SM_DB_READ: read-only, never
 * creates, takes shared flock(2) locks only), makemap/newaliases write them
 * (usually as root, SM_DB_REBUILD: a temporary file in the same directory,
 * fsync'd and renamed over the target, so a reader never sees half a map).
 * A handle is used by one thread and is not shared across fork().
 *
 * Berkeley DB trusts its files: a damaged page makes it read or write
 * outside its buffers, and its own verifier (DB->verify) is not safe on
 * every damaged file either.  So before Berkeley DB opens a file for
 * reading or update, the wrapper checks, with plain reads:
 *  - the first page: the magic number and version of the expected type
 *    (either byte order), a page size that is a power of two in
 *    512..65536, no encryption, checksums, partitions, subdatabases,
 *    recno or compression, a file size that is a whole number of pages and
 *    reaches the last page named, a btree root and a hash table (bucket
 *    masks, the "spares" that place buckets on pages) inside the file;
 *  - every other page: a type the map may hold (hash or btree pages,
 *    overflow pages, off-page duplicates), its own page number, an item
 *    index and items that lie inside the page, item lengths that fit the
 *    file, and page numbers that lead to pages of the right kind: a tree
 *    page's children one level down, overflow items to overflow pages,
 *    "next" links to pages of the same kind and never round in a circle;
 * and then runs DB->verify (about 5 ms per MB; SM_DB_F_TRUSTED skips it).
 * A reader also refuses to go on (ESTALE) when the file was rewritten in
 * place after those checks (as the real makemap does), and a walk stops
 * with an error after more steps than the file has bytes (a page cycle).
 * The fuzz target test/fuzz/fz_db.c holds the wrapper to this.
 */
#ifndef SM_DB_H
#define SM_DB_H

#include <stddef.h>
#include <sys/types.h>

typedef struct sm_db SM_DB;

enum sm_db_type {
	SM_DB_HASH = 1,
	SM_DB_BTREE = 2
};

/* How the handle is opened. */
enum sm_db_how {
	SM_DB_READ,		/* read-only; the file must exist */
	SM_DB_REBUILD,		/* a new file replaces the target at close */
	SM_DB_UPDATE		/* read-write in place; the file must exist */
};

/* The trailing NUL convention (sendmail's K line -N / -O, makemap -N). */
enum sm_db_nul {
	SM_DB_NUL_ADAPT = 0,	/* lookups: without NUL, then with; the
				 * first hit decides.  Stores: no NUL. */
	SM_DB_NUL_NEVER,	/* -O: keys and values without NUL */
	SM_DB_NUL_ALWAYS	/* -N: keys and values with one NUL */
};

/* sm_db_opts.flags */
#define SM_DB_F_FOLD	0x01	/* lower-case keys (get, put, del) */
#define SM_DB_F_DUPS	0x02	/* rebuild: allow duplicate keys (-d) */
#define SM_DB_F_NOLOCK	0x04	/* read/update: take no flock(2) locks */
#define SM_DB_F_CHOWN	0x08	/* rebuild: give the file to uid/gid */
#define SM_DB_F_TRUSTED	0x10	/* read/update: skip the page verification
				 * (only for files no one untrusted could
				 * have written or damaged) */

/* Options; a zeroed struct (or NULL) means: no folding, adaptive NUL,
 * locks taken, mode and owner kept from the old file or 0640. */
struct sm_db_opts {
	unsigned	flags;		/* SM_DB_F_* */
	enum sm_db_nul	nul;
	mode_t		mode;		/* rebuild: permission bits, 0: default */
	uid_t		uid;		/* with SM_DB_F_CHOWN, applied as root */
	gid_t		gid;
};

/* sm_db_put: what to do when the key is already there. */
enum sm_db_put {
	SM_DB_NOOVERWRITE,	/* keep the old pair, return 1 */
	SM_DB_OVERWRITE		/* replace it; with SM_DB_F_DUPS: add a
				 * duplicate after it */
};

/* The key and value newaliases stores last, marking a complete database. */
#define SM_DB_ALIAS_MARK	"@"
/* What sendmail and makemap add to a map name to get the file name. */
#define SM_DB_SUFFIX		".db"

/*
 * sm_db_path -- the file of map NAME: NAME with SM_DB_SUFFIX added,
 *	unless NAME already ends with it (as sendmail, makemap and
 *	praliases name the file of a hash or btree map).
 * Returns: the path, malloc'd (never NULL).
 */
char	*sm_db_path(const char *name);

/*
 * sm_db_type_byname -- the type makemap calls NAME ("hash", "btree",
 *	"implicit" = hash).
 * Returns 0 and sets *typep, or -1 (errno EINVAL) for an unknown name.
 */
int	sm_db_type_byname(const char *name, enum sm_db_type *typep);

/* sm_db_type_name -- "hash" or "btree". */
const char *sm_db_type_name(enum sm_db_type type);

/*
 * sm_db_open -- open the map file PATH.
 *	type: what the file must be; a file of another type is an error.
 *	how: SM_DB_READ (ENOENT if missing, no write lock, nothing created),
 *	  SM_DB_REBUILD (an empty map in "PATH.XXXXXX" beside PATH; PATH is
 *	  untouched until sm_db_close renames it over; mode: opts->mode, else
 *	  the old file's, else 0640; owner: opts uid/gid with SM_DB_F_CHOWN,
 *	  else the old file's; ownership only changes when running as root),
 *	  SM_DB_UPDATE (in place, exclusive flock held until close: makemap -o).
 *	opts: may be NULL.
 * Returns a handle, or NULL with errno set and *errp (if errp is not NULL)
 * a static sentence saying what went wrong (EINVAL: not a usable map file
 * of this type).
 */
SM_DB	*sm_db_open(const char *path, enum sm_db_type type, enum sm_db_how how,
	    const struct sm_db_opts *opts, const char **errp);

/*
 * sm_db_get -- look KEY (KLEN bytes) up, folded and NUL-extended as the
 *	handle's options say.
 * Returns 1 and sets *valp / *vlenp (without the stored trailing NUL when
 * the convention has one; the bytes stay valid until the next call on the
 * handle and are followed by a NUL byte), 0 when the key is absent, -1 on
 * error (errno, *errp; ESTALE: the file was rewritten in place since it
 * was opened -- close and open it again).
 */
int	sm_db_get(SM_DB *db, const void *key, size_t klen, const void **valp,
	    size_t *vlenp, const char **errp);

/*
 * sm_db_put -- store KEY -> VAL (writers only); keys are folded and both
 *	get a trailing NUL as the options say.
 * Returns 0 when stored, 1 when HOW is SM_DB_NOOVERWRITE and the key was
 * there (nothing changed), -1 on error.
 */
int	sm_db_put(SM_DB *db, const void *key, size_t klen, const void *val,
	    size_t vlen, enum sm_db_put how, const char **errp);

/*
 * sm_db_del -- remove KEY and all its duplicates (writers only).
 * Returns 0 when removed, 1 when absent, -1 on error.
 */
int	sm_db_del(SM_DB *db, const void *key, size_t klen, const char **errp);

/*
 * sm_db_first, sm_db_next -- walk every pair (makemap -u, praliases), in
 *	the database's order (btree: sorted by key bytes; hash: any).  With
 *	SM_DB_NUL_ALWAYS or SM_DB_NUL_ADAPT one trailing NUL of key and of
 *	value is not shown.  Keys are shown as stored (never folded).
 * Return 1 with the pair set (valid until the next call on the handle,
 * each followed by a NUL byte), 0 at the end, -1 on error.  sm_db_next
 * without sm_db_first starts at the first pair.
 */
int	sm_db_first(SM_DB *db, const void **keyp, size_t *klenp,
	    const void **valp, size_t *vlenp, const char **errp);
int	sm_db_next(SM_DB *db, const void **keyp, size_t *klenp,
	    const void **valp, size_t *vlenp, const char **errp);

/*
 * sm_db_changed -- has PATH been replaced or modified since the handle
 *	was opened (a rebuild renamed a new file over it, or a writer changed
 *	it in place)?  The map layer then reopens.
 * Returns 1 changed (or gone), 0 the same file.
 */
int	sm_db_changed(const SM_DB *db);

/*
 * sm_db_verified -- has the file now at PATH, unchanged, passed Berkeley
 *	DB's verifier in this process (or in its parent before the fork)?
 *	Readers skip the verifier for such a file; any change to it (a new
 *	inode, size or time) makes it unverified again.
 * Returns 1 yes, 0 no (or PATH cannot be looked at).
 */
int	sm_db_verified(const char *path);

/*
 * sm_db_close -- finish with the handle.  Writers are synced; a rebuild is
 *	fsync'd (its mode and owner were set at open), renamed over PATH
 *	and the directory fsync'd; if a step before the rename fails the temporary
 *	file is removed and PATH is left as it was (a failed fsync of the
 *	directory is reported too, with the new map already in place).
 * Returns 0, or -1 (errno, *errp).  The handle is freed either way.
 */
int	sm_db_close(SM_DB *db, const char **errp);

/*
 * sm_db_abort -- give up: a rebuild's temporary file is removed and PATH
 *	left untouched; an update is closed (what was stored stays).
 * The handle is freed.
 */
void	sm_db_abort(SM_DB *db);

#endif
