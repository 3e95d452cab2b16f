/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * db.c -- the one Berkeley DB 5.3 wrapper (hash and btree map files).
 *
 * The format facts, the API and the guards against damaged files are
 * described in db.h.  Public: sm_db_type_byname, sm_db_type_name,
 * sm_db_path, sm_db_open, sm_db_get, sm_db_put, sm_db_del, sm_db_first, sm_db_next,
 * sm_db_changed, sm_db_close, sm_db_abort.
 *
 * Runs in the MTA (readers, unprivileged or root) and in makemap and
 * newaliases (writers, usually root).  Berkeley DB is used without an
 * environment: no region files, no locking subsystem, nothing written
 * beside the map.  Readers and in-place writers serialise with flock(2)
 * on the map file, as sendmail and makemap do, so a real makemap rewriting
 * a map in place is never read half-way.
 */
#include "db.h"
#include "err.h"

#include <db.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

/* The first page of every Berkeley DB file (DBMETA in its db_page.h). */
#define META_SIZE	512	/* the smallest page */
#define META_MAGIC	12
#define META_VERSION	16
#define META_PAGESIZE	20
#define META_ENCRYPT	24
#define META_TYPE	25
#define META_FLAGS8	26	/* meta-only flags: checksum, partitions */
#define META_FREE	28	/* first page of the free list */
#define META_LASTPGNO	32
#define META_NPARTS	36
#define META_FLAGS	48	/* per access method */
#define BTMETA_ROOT	88	/* btree: the root page */
#define HMETA_MAXBUCKET	72	/* hash: buckets, masks, spares */
#define HMETA_HIGHMASK	76
#define HMETA_LOWMASK	80
#define HMETA_SPARES	96	/* 32 words */

#define PAGE_HASHMETA	8	/* page types of the meta page */
#define PAGE_BTREEMETA	9
#define METAF_CHKSUM	0x01	/* page checksums (a longer page header) */
#define METAF_PARTS	0x06	/* range or callback partitioning */
#define HASHF_SUBDB	0x02	/* several databases in one file */
#define BTF_RECNO	0x02	/* a recno database, not a btree */
#define BTF_SUBDB	0x20
#define BTF_COMPRESS	0x80	/* needs the writer's compression callback */

#define PAGE_MIN	512
#define PAGE_MAX	65536

#define TRY_BARE	0x01	/* look the key up without a NUL */
#define TRY_NUL		0x02	/* and with one */

/* makemap's sizing: a hint of 4096 elements, a 1 MB cache. */
#define HASH_NELEM	4096
#define CACHE_BYTES	(1024 * 1024)

/* A NUL-terminated buffer for keys and values going in or out. */
struct buf {
	unsigned char	*b_data;
	size_t		 b_size;
};

struct sm_db {
	DB		*db_bdb;
	DBC		*db_cursor;
	enum sm_db_how	 db_how;
	enum sm_db_type	 db_type;
	unsigned	 db_flags;	/* SM_DB_F_* */
	enum sm_db_nul	 db_nul;
	int		 db_tries;	/* TRY_*: forms lookups still try */
	int		 db_fd;		/* our descriptor: locks, identity */
	int		 db_walklock;	/* a walk holds the shared lock */
	char		*db_path;	/* the map file (symlinks resolved
					 * for a rebuild) */
	char		*db_tmp;	/* rebuild: the file being built */
	struct stat	 db_st;		/* the file as opened */
	unsigned long long db_steps;	/* pairs walked so far */
	unsigned long long db_maxsteps;
	struct buf	 db_kin, db_vin;	/* keys and values going in */
	struct buf	 db_kout, db_vout;	/* and coming out */
};

static const char *const type_names[] = {
	[SM_DB_HASH] = "hash",
	[SM_DB_BTREE] = "btree",
};

int
sm_db_type_byname(const char *name, enum sm_db_type *typep)
{
	if (strcmp(name, "hash") == 0 || strcmp(name, "implicit") == 0)
		*typep = SM_DB_HASH;
	else if (strcmp(name, "btree") == 0)
		*typep = SM_DB_BTREE;
	else {
		errno = EINVAL;
		return -1;
	}
	return 0;
}

const char *
sm_db_type_name(enum sm_db_type type)
{
	SM_ASSERT(type == SM_DB_HASH || type == SM_DB_BTREE);
	return type_names[type];
}

char *
sm_db_path(const char *name)
{
	size_t n = strlen(name), s = strlen(SM_DB_SUFFIX);
	char *p;

	if (n >= s && strcmp(name + n - s, SM_DB_SUFFIX) == 0)
		return sm_strdup_x(name);
	p = sm_malloc_x(n + s + 1);
	memcpy(p, name, n);
	memcpy(p + n, SM_DB_SUFFIX, s + 1);
	return p;
}

/* Fail with errno E and the static sentence WHY. */
static int
fail(int e, const char *why, const char **errp)
{
	if (errp != NULL)
		*errp = why;
	errno = e;
	return -1;
}

/* Fail after a Berkeley DB call returned RET (an errno value or DB_*). */
static int
bdb_fail(int ret, const char *why, const char **errp)
{
	return fail(ret > 0 ? ret : EIO, why, errp);
}

/* Berkeley DB would print its complaints on stderr; we report our own. */
static void
bdb_quiet_err(const DB_ENV *env, const char *pfx, const char *msg)
{
	(void)env;
	(void)pfx;
	(void)msg;
}

static void
bdb_quiet_msg(const DB_ENV *env, const char *msg)
{
	(void)env;
	(void)msg;
}

static void
buf_need(struct buf *b, size_t len)
{
	if (len + 1 > b->b_size) {
		b->b_size = len + 1 < 256 ? 256 : len + 1;
		b->b_data = sm_realloc_x(b->b_data, b->b_size);
	}
}

/* ---- the first page -------------------------------------------------- */

static uint32_t
get32(const unsigned char *p, int swap)
{
	uint32_t v;

	memcpy(&v, p, sizeof(v));
	return swap ? __builtin_bswap32(v) : v;
}

/* Which type does MAGIC name (either byte order)?  0 when none we know. */
static int
magic_type(uint32_t magic, int *swap)
{
	static const struct {
		uint32_t	magic;
		int		type;
	} known[] = {
		{ DB_HASHMAGIC, SM_DB_HASH },
		{ DB_BTREEMAGIC, SM_DB_BTREE },
	};
	size_t i;

	for (i = 0; i < sizeof(known) / sizeof(known[0]); i++) {
		if (magic == known[i].magic) {
			*swap = 0;
			return known[i].type;
		}
		if (magic == __builtin_bswap32(known[i].magic)) {
			*swap = 1;
			return known[i].type;
		}
	}
	return 0;
}

/* The file is of type FOUND where WANT was asked for. */
static int
wrong_type(int found, enum sm_db_type want, const char **errp)
{
	if (found == 0)
		return fail(EINVAL, "not a Berkeley DB hash or btree file",
		    errp);
	return fail(EINVAL, want == SM_DB_HASH ?
	    "a Berkeley DB btree file, not hash" :
	    "a Berkeley DB hash file, not btree", errp);
}

/*
 * The hash table on the first page: bucket B lives on page B + spares[L],
 * L the bit length of B, for every bucket up to high_mask (a doubling is
 * allocated whole); unused levels are 0.  Damaged values send Berkeley DB,
 * its verifier included, through billions of pages.
 */
static int
hash_meta_ok(const unsigned char *m, int swap, uint64_t npages)
{
	uint32_t maxb = get32(m + HMETA_MAXBUCKET, swap);
	uint32_t high = get32(m + HMETA_HIGHMASK, swap);
	uint32_t low = get32(m + HMETA_LOWMASK, swap);
	uint32_t sp, first, last;
	unsigned lvl, levels = 0;

	if (high > 0x7fffffff || (high & (high + 1)) != 0 || low != high >> 1 ||
	    maxb > high)
		return 0;
	while (levels < 32 && (1u << levels) <= high)
		levels++;
	for (lvl = 0; lvl < 32; lvl++) {
		sp = get32(m + HMETA_SPARES + 4 * lvl, swap);
		if (lvl > levels) {
			if (sp != 0)
				return 0;
			continue;
		}
		first = lvl == 0 ? 0 : 1u << (lvl - 1);
		last = (1u << lvl) - 1;
		if ((uint32_t)(first + sp) == 0 || (first + sp) >= npages ||
		    (uint32_t)(last + sp) == 0 || (last + sp) >= npages)
			return 0;
	}
	return 1;
}

/* What the access method keeps on the first page points inside the file. */
static int
am_meta_ok(const unsigned char *m, int swap, enum sm_db_type type,
    uint64_t npages)
{
	uint32_t root = get32(m + BTMETA_ROOT, swap);

	if (get32(m + META_FREE, swap) >= npages)
		return 0;
	if (type == SM_DB_BTREE)
		return root > 0 && root < npages;
	return hash_meta_ok(m, swap, npages);
}

/* Checks of the meta page that need its byte order sorted out. */
static int
meta_fields(const unsigned char *m, int swap, enum sm_db_type type,
    off_t size, const char **errp)
{
	uint32_t version = get32(m + META_VERSION, swap);
	uint32_t psize = get32(m + META_PAGESIZE, swap);
	uint32_t last = get32(m + META_LASTPGNO, swap);
	uint32_t flags = get32(m + META_FLAGS, swap);
	int ptype = type == SM_DB_HASH ? PAGE_HASHMETA : PAGE_BTREEMETA;
	uint32_t oldest = type == SM_DB_HASH ? DB_HASHOLDVER : DB_BTREEOLDVER;
	uint32_t bad = type == SM_DB_HASH ? HASHF_SUBDB :
	    BTF_RECNO | BTF_SUBDB | BTF_COMPRESS;

	if (m[META_TYPE] != ptype)
		return fail(EINVAL, "Berkeley DB file with a damaged first page",
		    errp);
	if (version < oldest || version > 9)
		return fail(EINVAL, "Berkeley DB file of an unsupported version",
		    errp);
	if (m[META_ENCRYPT] != 0 ||
	    (m[META_FLAGS8] & (METAF_CHKSUM | METAF_PARTS)) != 0 ||
	    get32(m + META_NPARTS, swap) != 0 || (flags & bad) != 0)
		return fail(EINVAL, "Berkeley DB file with features maps do "
		    "not use (encryption, checksums, partitions, subdatabases, "
		    "recno, compression)",
		    errp);
	if (psize < PAGE_MIN || psize > PAGE_MAX || (psize & (psize - 1)) != 0)
		return fail(EINVAL, "Berkeley DB file with a bad page size",
		    errp);
	if (size % psize != 0 || (uint64_t)size / psize < (uint64_t)last + 1)
		return fail(EINVAL, "Berkeley DB file is truncated", errp);
	if (!am_meta_ok(m, swap, type, (uint64_t)size / psize))
		return fail(EINVAL, "Berkeley DB file with a damaged first page",
		    errp);
	return 0;
}

/*
 * The pages after the first.  Berkeley DB trusts them, and so does much of
 * its own verifier (an item running past the end of its page makes
 * DB->verify write out of bounds), so every page is checked here first:
 * a type the map may hold, its own number, items that lie inside the page
 * and page numbers that lie inside the file.  Page layouts are those of
 * Berkeley DB's db_page.h (26-byte header; no checksums or encryption,
 * which meta_fields refused).
 */
#define PG_PGNO		8
#define PG_PREV		12
#define PG_NEXT		16
#define PG_ENTRIES	20
#define PG_HOFFSET	22	/* overflow pages: bytes of data */
#define PG_LEVEL	24	/* trees: leaves 1, their parents 2, ... */
#define PG_TYPE		25
#define PG_HDR		26

enum {
	P_INVALID = 0, P_HASH_UNSORTED = 2, P_IBTREE = 3, P_IRECNO = 4,
	P_LBTREE = 5, P_LRECNO = 6, P_OVERFLOW = 7, P_LDUP = 12, P_HASH = 13
};
enum { B_KEYDATA = 1, B_DUPLICATE = 2, B_OVERFLOW = 3 };	/* btree */
enum { H_KEYDATA = 1, H_DUPLICATE = 2, H_OFFPAGE = 3, H_OFFDUP = 4 };

struct pagechk {
	const unsigned char	*p;	/* the page being checked */
	uint32_t		 psize;
	uint64_t		 npages;
	uint64_t		 fsize;
	int			 swap;
	unsigned char		*ty;	/* per page: its type (0: unused) */
	unsigned char		*lv;	/* per page: its level in a tree */
	uint32_t		*nx;	/* per page: the next page, or 0 */
};

static unsigned
get16(const unsigned char *p, int swap)
{
	uint16_t v;

	memcpy(&v, p, sizeof(v));
	return swap ? __builtin_bswap16(v) : v;
}

/* May a page of type T appear in a map of TYPE? */
static int
page_type_ok(unsigned t, enum sm_db_type type)
{
	switch (t) {
	case P_OVERFLOW:	/* big items */
	case P_IBTREE:		/* also sorted off-page duplicates */
	case P_IRECNO:		/* unsorted off-page duplicates */
	case P_LRECNO:
	case P_LDUP:
		return 1;
	case P_LBTREE:
		return type == SM_DB_BTREE;
	case P_HASH:
	case P_HASH_UNSORTED:	/* written before Berkeley DB 4.6 */
		return type == SM_DB_HASH;
	default:		/* queue, heap, a second meta page */
		return 0;
	}
}

static int
is_duptree(unsigned t)
{
	return t == P_IBTREE || t == P_IRECNO || t == P_LDUP || t == P_LRECNO;
}

/* An item's page: an overflow page (DUPS 0) or a duplicate tree root. */
static int
ref_ok(const struct pagechk *c, const unsigned char *at, int dups)
{
	uint32_t pg = get32(at, c->swap);

	if (pg == 0 || pg >= c->npages)
		return 0;
	return dups ? is_duptree(c->ty[pg]) : c->ty[pg] == P_OVERFLOW;
}

/*
 * The child of an internal page of type T on LEVEL: one level down, so no
 * path through a tree can come back to a page (Berkeley DB's verifier
 * recurses without end on such a cycle).  Leaves are level 1.
 */
static int
child_ok(const struct pagechk *c, const unsigned char *at, unsigned t,
    unsigned level)
{
	uint32_t pg = get32(at, c->swap);
	unsigned ct;

	if (pg == 0 || pg >= c->npages || level < 2 || c->lv[pg] != level - 1)
		return 0;
	ct = c->ty[pg];
	if (level > 2)
		return ct == t;
	return t == P_IRECNO ? ct == P_LRECNO : ct == P_LBTREE || ct == P_LDUP;
}

/* A BOVERFLOW at OFF (12 bytes: page, total length), DUPS as in ref_ok. */
static int
boverflow_ok(const struct pagechk *c, size_t off, int dups)
{
	return off + 12 <= c->psize && ref_ok(c, c->p + off + 4, dups) &&
	    get32(c->p + off + 8, c->swap) <= c->fsize;
}

/* Btree item at OFF on a page of type T: 1 when it lies inside the page
 * and points where it may. */
static int
bt_item(const struct pagechk *c, size_t off, unsigned t, unsigned level)
{
	unsigned len, type;

	if (off + 3 > c->psize)
		return 0;
	len = get16(c->p + off, c->swap);
	type = c->p[off + 2] & 0x7f;	/* 0x80: deleted */
	if (t == P_IBTREE) {	/* BINTERNAL: 12 bytes, then data */
		if (off + 12 + len > c->psize ||
		    !child_ok(c, c->p + off + 4, t, level))
			return 0;
		if (type == B_OVERFLOW)
			return len >= 12 && boverflow_ok(c, off + 12, 0);
		return type == B_KEYDATA;
	}
	if (type == B_KEYDATA)
		return off + 3 + len <= c->psize;
	if (type == B_OVERFLOW)
		return boverflow_ok(c, off, 0);
	/* only the main tree's leaves hold duplicate trees */
	return type == B_DUPLICATE && t == P_LBTREE && boverflow_ok(c, off, 1);
}

/* On-page duplicates: [len][data][len] repeated, filling LEN bytes. */
static int
hash_dups_ok(const struct pagechk *c, size_t off, size_t len)
{
	size_t pos = 1, l;

	while (pos < len) {
		if (pos + 2 > len)
			return 0;
		l = get16(c->p + off + pos, c->swap);
		if (pos + 4 + l > len || get16(c->p + off + pos + 2 + l,
		    c->swap) != l)
			return 0;
		pos += 4 + l;
	}
	return 1;
}

/* Hash item at OFF, LEN bytes long (up to the previous item). */
static int
hash_item(const struct pagechk *c, size_t off, size_t len)
{
	switch (c->p[off]) {
	case H_KEYDATA:
		return 1;
	case H_DUPLICATE:
		return hash_dups_ok(c, off, len);
	case H_OFFPAGE:		/* type, 3 unused, pgno, total length */
		return len >= 12 && ref_ok(c, c->p + off + 4, 0) &&
		    get32(c->p + off + 8, c->swap) <= c->fsize;
	case H_OFFDUP:		/* type, 3 unused, pgno */
		return len >= 8 && ref_ok(c, c->p + off + 4, 1);
	default:
		return 0;
	}
}

/* The index of a tree or hash page of type T and the items it points at. */
static int
items_ok(const struct pagechk *c, unsigned t, unsigned level)
{
	unsigned n = get16(c->p + PG_ENTRIES, c->swap), i;
	size_t hoff = get16(c->p + PG_HOFFSET, c->swap), off, prev = c->psize;
	size_t lo = PG_HDR + 2 * (size_t)n;
	int hash = t == P_HASH || t == P_HASH_UNSORTED;

	if (hoff < lo || hoff > c->psize ||
	    ((hash || t == P_LBTREE) && n % 2 != 0))
		return 0;
	for (i = 0; i < n; i++) {
		off = get16(c->p + PG_HDR + 2 * i, c->swap);
		if (off < lo || off >= c->psize)
			return 0;
		if (hash) {	/* items are packed from the end down */
			if (off >= prev || !hash_item(c, off, prev - off))
				return 0;
			prev = off;
		} else if (t == P_IRECNO) {	/* RINTERNAL: pgno, count */
			if (off + 8 > c->psize ||
			    !child_ok(c, c->p + off, t, level))
				return 0;
		} else if (!bt_item(c, off, t, level))
			return 0;
	}
	return 1;
}

/* Pass one, the header of page PG: number, type, links; noted in C. */
static int
header_ok(struct pagechk *c, uint64_t pg, const unsigned char *h,
    enum sm_db_type type)
{
	unsigned t = h[PG_TYPE];
	uint32_t next = get32(h + PG_NEXT, c->swap);
	uint32_t prev = get32(h + PG_PREV, c->swap);

	c->ty[pg] = (unsigned char)t;
	c->lv[pg] = h[PG_LEVEL];
	c->nx[pg] = 0;
	if (t == P_INVALID)	/* never written, or free */
		return 1;
	c->nx[pg] = next;
	/* internal pages keep a record count where others link back */
	return get32(h + PG_PGNO, c->swap) == pg && page_type_ok(t, type) &&
	    next < c->npages && (t == P_IBTREE || t == P_IRECNO ||
	    prev < c->npages);
}

/*
 * The "next" links (leaf siblings, overflow chains, hash bucket chains)
 * join pages of one kind and never come round in a circle, which would
 * make Berkeley DB walk or look up forever.
 */
static int
chains_ok(const struct pagechk *c)
{
	uint32_t *mark = sm_calloc_x((size_t)c->npages, sizeof(*mark));
	uint64_t start, pg;
	int ok = 1;

	for (pg = 1; pg < c->npages && ok; pg++)
		if (c->nx[pg] != 0 && c->ty[c->nx[pg]] != c->ty[pg] &&
		    !(c->ty[pg] == P_HASH && c->ty[c->nx[pg]] ==
		    P_HASH_UNSORTED) && !(c->ty[pg] == P_HASH_UNSORTED &&
		    c->ty[c->nx[pg]] == P_HASH))
			ok = 0;
	/* each walk marks its pages; meeting its own mark is a circle */
	for (start = 1; start < c->npages && ok; start++) {
		for (pg = start; pg != 0 && mark[pg] == 0; pg = c->nx[pg])
			mark[pg] = (uint32_t)start;
		if (pg != 0 && mark[pg] == start)
			ok = 0;
	}
	free(mark);
	return ok;
}

/* Pass two, the items of page PG (read into c->p). */
static int
page_ok(const struct pagechk *c, uint64_t pg)
{
	unsigned t = c->ty[pg];

	if (t == P_INVALID)
		return 1;
	if (t == P_OVERFLOW)
		return PG_HDR + get16(c->p + PG_HOFFSET, c->swap) <= c->psize;
	return items_ok(c, t, c->lv[pg]);
}

/* Read every page but the first; pass one looks at headers only. */
static int
pages_pass(int fd, struct pagechk *c, int one, enum sm_db_type type,
    unsigned char *page, const char **errp)
{
	size_t len = one ? PG_HDR : c->psize;
	uint64_t pg;

	for (pg = 1; pg < c->npages; pg++) {
		if (pread(fd, page, len, (off_t)(pg * c->psize)) != (ssize_t)len)
			return fail(EIO, "cannot read the map file", errp);
		if (one ? !header_ok(c, pg, page, type) : !page_ok(c, pg))
			return fail(EINVAL, "Berkeley DB file with a damaged "
			    "page", errp);
	}
	return 0;
}

static int
pages_check(int fd, off_t size, uint32_t psize, int swap, uint32_t root,
    enum sm_db_type type, const char **errp)
{
	struct pagechk c;
	unsigned char *page = sm_malloc_x(psize);
	int rc;

	c.p = page;
	c.psize = psize;
	c.npages = (uint64_t)size / psize;
	c.fsize = (uint64_t)size;
	c.swap = swap;
	c.ty = sm_calloc_x((size_t)c.npages, 1);
	c.lv = sm_calloc_x((size_t)c.npages, 1);
	c.nx = sm_calloc_x((size_t)c.npages, sizeof(*c.nx));
	rc = pages_pass(fd, &c, 1, type, page, errp);
	if (rc == 0 && (!chains_ok(&c) || (type == SM_DB_BTREE &&
	    c.ty[root] != P_IBTREE && c.ty[root] != P_LBTREE)))
		rc = fail(EINVAL, "Berkeley DB file with a damaged page", errp);
	if (rc == 0)
		rc = pages_pass(fd, &c, 0, type, page, errp);
	free(c.ty);
	free(c.lv);
	free(c.nx);
	free(page);
	return rc;
}

/* Is the file open on FD a Berkeley DB file of TYPE that looks whole? */
static int
meta_check(int fd, off_t size, enum sm_db_type type, const char **errp)
{
	unsigned char m[META_SIZE];
	ssize_t n;
	int found, swap = 0;

	n = pread(fd, m, sizeof(m), 0);
	if (n < 0)
		return fail(errno, "cannot read the map file", errp);
	if (size < PAGE_MIN || n < (ssize_t)sizeof(m))
		return fail(EINVAL, size == 0 ? "empty file, not a Berkeley DB "
		    "map" : "too short for a Berkeley DB file", errp);
	found = magic_type(get32(m + META_MAGIC, 0), &swap);
	if (found != (int)type)
		return wrong_type(found, type, errp);
	if (meta_fields(m, swap, type, size, errp) < 0)
		return -1;
	return pages_check(fd, size, get32(m + META_PAGESIZE, swap), swap,
	    get32(m + BTMETA_ROOT, swap), type, errp);
}

/* ---- opening --------------------------------------------------------- */

static SM_DB *
handle_new(const char *path, enum sm_db_type type, enum sm_db_how how,
    const struct sm_db_opts *o)
{
	SM_DB *h = sm_calloc_x(1, sizeof(*h));

	h->db_how = how;
	h->db_type = type;
	h->db_fd = -1;
	h->db_path = sm_strdup_x(path);
	if (o != NULL) {
		h->db_flags = o->flags;
		h->db_nul = o->nul;
	}
	h->db_tries = h->db_nul == SM_DB_NUL_ALWAYS ? TRY_NUL :
	    h->db_nul == SM_DB_NUL_NEVER ? TRY_BARE : TRY_BARE | TRY_NUL;
	buf_need(&h->db_kin, 0);
	buf_need(&h->db_vin, 0);
	buf_need(&h->db_kout, 0);
	buf_need(&h->db_vout, 0);
	return h;
}

static void
handle_free(SM_DB *h)
{
	if (h->db_fd >= 0)
		(void)close(h->db_fd);
	free(h->db_path);
	free(h->db_tmp);
	free(h->db_kin.b_data);
	free(h->db_vin.b_data);
	free(h->db_kout.b_data);
	free(h->db_vout.b_data);
	free(h);
}

/* Readers lock around each access; an update holds its lock throughout. */
static int
lock_needed(const SM_DB *h)
{
	return h->db_how == SM_DB_READ && !(h->db_flags & SM_DB_F_NOLOCK);
}

static void
lock_shared(SM_DB *h)
{
	if (lock_needed(h))
		while (flock(h->db_fd, LOCK_SH) < 0 && errno == EINTR)
			continue;
}

static void
unlock(SM_DB *h)
{
	if (lock_needed(h))
		(void)flock(h->db_fd, LOCK_UN);
}

/* A Berkeley DB handle for our TYPE, quiet, sized as makemap sizes it. */
static int
bdb_create(SM_DB *h, const char **errp)
{
	int ret = db_create(&h->db_bdb, NULL, 0);

	if (ret != 0) {
		h->db_bdb = NULL;
		return bdb_fail(ret, "cannot create a Berkeley DB handle", errp);
	}
	h->db_bdb->set_errcall(h->db_bdb, bdb_quiet_err);
	h->db_bdb->set_msgcall(h->db_bdb, bdb_quiet_msg);
	if (h->db_how == SM_DB_READ)
		return 0;
	ret = h->db_bdb->set_cachesize(h->db_bdb, 0, CACHE_BYTES, 0);
	if (ret == 0 && h->db_how == SM_DB_REBUILD && h->db_type == SM_DB_HASH)
		ret = h->db_bdb->set_h_nelem(h->db_bdb, HASH_NELEM);
	if (ret == 0 && h->db_how == SM_DB_REBUILD &&
	    (h->db_flags & SM_DB_F_DUPS))
		ret = h->db_bdb->set_flags(h->db_bdb, DB_DUP);
	if (ret != 0)
		return bdb_fail(ret, "cannot set up a Berkeley DB handle", errp);
	return 0;
}

static void
bdb_close(SM_DB *h, u_int32_t flags)
{
	if (h->db_cursor != NULL)
		(void)h->db_cursor->close(h->db_cursor);
	h->db_cursor = NULL;
	if (h->db_bdb != NULL)
		(void)h->db_bdb->close(h->db_bdb, flags);
	h->db_bdb = NULL;
}

/* Open FILE with Berkeley DB (our descriptor is already on it). */
static int
bdb_open(SM_DB *h, const char *file, u_int32_t flags, const char **errp)
{
	DBTYPE t = h->db_type == SM_DB_HASH ? DB_HASH : DB_BTREE;
	int ret;

	if (bdb_create(h, errp) < 0)
		return -1;
	ret = h->db_bdb->open(h->db_bdb, NULL, file, NULL, t, flags, 0600);
	if (ret != 0) {
		bdb_close(h, 0);
		if (ret == DB_OLD_VERSION)
			return fail(EINVAL, "Berkeley DB file of an unsupported "
			    "version", errp);
		return bdb_fail(ret == ENOENT ? EAGAIN : ret,
		    "Berkeley DB cannot open the file", errp);
	}
	return 0;
}

/*
 * After our page checks, Berkeley DB's verifier checks what spans pages
 * (trees, overflow chains, free list; about 5 ms per MB).  Key order is
 * not checked: a misplaced key is merely not found.  The verifier is not
 * safe on pages our checks would refuse, and it consumes its handle.
 */
/*
 * Files that passed the verifier, known by identity and last change: a
 * reader does not verify the same unchanged file twice.  A daemon that
 * opens its maps once before it forks (map_warm) spares every session
 * the cost -- 5 ms per MB, per map, per connection otherwise.  Any
 * rewrite (new inode, or new size or times in place) is verified anew.
 */
#define VERIFIED_MAX	64

struct verified {
	dev_t		v_dev;
	ino_t		v_ino;
	off_t		v_size;
	struct timespec	v_mtime, v_ctime;
};

static struct verified	verified[VERIFIED_MAX];
static size_t		nverified;

static bool
same_stamp(const struct verified *v, const struct stat *st)
{
	return v->v_dev == st->st_dev && v->v_ino == st->st_ino &&
	    v->v_size == st->st_size &&
	    v->v_mtime.tv_sec == st->st_mtim.tv_sec &&
	    v->v_mtime.tv_nsec == st->st_mtim.tv_nsec &&
	    v->v_ctime.tv_sec == st->st_ctim.tv_sec &&
	    v->v_ctime.tv_nsec == st->st_ctim.tv_nsec;
}

static bool
verified_before(const struct stat *st)
{
	size_t i;

	for (i = 0; i < nverified; i++)
		if (same_stamp(&verified[i], st))
			return true;
	return false;
}

static void
remember_verified(const struct stat *st)
{
	struct verified *v;
	size_t i;

	for (i = 0; i < nverified; i++)	/* the same file, changed: replace */
		if (verified[i].v_dev == st->st_dev &&
		    verified[i].v_ino == st->st_ino)
			break;
	if (i == nverified) {
		if (nverified == VERIFIED_MAX)
			return;
		nverified++;
	}
	v = &verified[i];
	v->v_dev = st->st_dev;
	v->v_ino = st->st_ino;
	v->v_size = st->st_size;
	v->v_mtime = st->st_mtim;
	v->v_ctime = st->st_ctim;
}

int
sm_db_verified(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && verified_before(&st);
}

static int
bdb_verify(SM_DB *h, const char **errp)
{
	DB *v;
	int ret;

	if (h->db_flags & SM_DB_F_TRUSTED)
		return 0;
	if (h->db_how == SM_DB_READ && verified_before(&h->db_st))
		return 0;
	ret = db_create(&v, NULL, 0);
	if (ret != 0)
		return bdb_fail(ret, "cannot create a Berkeley DB handle", errp);
	v->set_errcall(v, bdb_quiet_err);
	v->set_msgcall(v, bdb_quiet_msg);
	ret = v->verify(v, h->db_path, NULL, NULL, DB_NOORDERCHK);
	if (ret == ENOENT)
		return fail(EAGAIN, "the map file keeps changing", errp);
	if (ret != 0)
		return fail(EINVAL, "Berkeley DB file is damaged (it fails "
		    "verification)", errp);
	if (h->db_how == SM_DB_READ)
		remember_verified(&h->db_st);
	return 0;
}

/* Does Berkeley DB have the same file open as our descriptor? */
static int
same_file(SM_DB *h)
{
	struct stat st;
	int fd;

	if (h->db_bdb->fd(h->db_bdb, &fd) != 0 || fstat(fd, &st) < 0)
		return 0;
	return st.st_dev == h->db_st.st_dev && st.st_ino == h->db_st.st_ino;
}

/* Open our descriptor on the existing map, lock it and check it. */
static int
open_fd(SM_DB *h, const char **errp)
{
	int rw = h->db_how == SM_DB_UPDATE;

	h->db_fd = open(h->db_path, (rw ? O_RDWR : O_RDONLY) | O_CLOEXEC);
	if (h->db_fd < 0)
		return fail(errno, "cannot open the map file", errp);
	if (fstat(h->db_fd, &h->db_st) < 0)
		return fail(errno, "cannot stat the map file", errp);
	if (!S_ISREG(h->db_st.st_mode))
		return fail(EINVAL, "the map is not a regular file", errp);
	if (rw && !(h->db_flags & SM_DB_F_NOLOCK))
		while (flock(h->db_fd, LOCK_EX) < 0)
			if (errno != EINTR)
				return fail(errno, "cannot lock the map file",
				    errp);
	lock_shared(h);
	/* the size may have changed while we waited for the lock */
	if (fstat(h->db_fd, &h->db_st) < 0)
		return fail(errno, "cannot stat the map file", errp);
	return meta_check(h->db_fd, h->db_st.st_size, h->db_type, errp);
}

/*
 * Open an existing map for reading or update.  A rebuild may rename a new
 * file over the path between our open and Berkeley DB's: then try again,
 * so the file checked is the file read.
 */
static int
open_existing(SM_DB *h, const char **errp)
{
	u_int32_t flags = DB_NOMMAP;
	int tries, rc = -1;

	if (h->db_how == SM_DB_READ)
		flags |= DB_RDONLY;
	for (tries = 0; tries < 3; tries++) {
		rc = open_fd(h, errp);
		if (rc == 0)
			rc = bdb_verify(h, errp);
		if (rc == 0)
			rc = bdb_open(h, h->db_path, flags, errp);
		if (h->db_fd >= 0) {
			int e = errno;

			unlock(h);
			errno = e;
		}
		if (rc == 0 && same_file(h))
			return 0;
		if (rc == 0)
			bdb_close(h, 0);
		else if (errno != EAGAIN)
			return -1;
		(void)close(h->db_fd);
		h->db_fd = -1;
		rc = fail(EAGAIN, "the map file keeps changing", errp);
	}
	return rc;
}

/* Rebuild: where the new file goes, and its mode and owner. */
static void
rebuild_target(SM_DB *h, const struct sm_db_opts *o, mode_t *mode,
    uid_t *uid, gid_t *gid)
{
	struct stat st;
	char *real;

	*mode = 0640;
	*uid = (uid_t)-1;
	*gid = (gid_t)-1;
	/* replace what a symlink points at, not the link */
	if (lstat(h->db_path, &st) == 0 && S_ISLNK(st.st_mode) &&
	    (real = realpath(h->db_path, NULL)) != NULL) {
		free(h->db_path);
		h->db_path = sm_strdup_x(real);
		free(real);
	}
	if (stat(h->db_path, &st) == 0 && S_ISREG(st.st_mode)) {
		*mode = st.st_mode & 07777;
		*uid = st.st_uid;
		*gid = st.st_gid;
	}
	if (o != NULL && o->mode != 0)
		*mode = o->mode & 07777;
	if (o != NULL && (o->flags & SM_DB_F_CHOWN)) {
		*uid = o->uid;
		*gid = o->gid;
	}
}

/* Create the temporary file beside the target, with its mode and owner. */
static int
rebuild_tmp(SM_DB *h, const struct sm_db_opts *o, const char **errp)
{
	size_t len;
	mode_t mode;
	uid_t uid;
	gid_t gid;

	/* may replace db_path by a symlink's longer target: size after it */
	rebuild_target(h, o, &mode, &uid, &gid);
	len = strlen(h->db_path) + sizeof(".XXXXXX");
	h->db_tmp = sm_malloc_x(len);
	if ((size_t)snprintf(h->db_tmp, len, "%s.XXXXXX", h->db_path) >= len)
		return fail(ENAMETOOLONG, "map file name too long", errp);
	h->db_fd = mkostemp(h->db_tmp, O_CLOEXEC);
	if (h->db_fd < 0) {
		free(h->db_tmp);
		h->db_tmp = NULL;
		return fail(errno, "cannot create a temporary map file", errp);
	}
	if (fchmod(h->db_fd, mode) < 0)
		return fail(errno, "cannot set the map file's mode", errp);
	if (geteuid() == 0 && (uid != (uid_t)-1 || gid != (gid_t)-1) &&
	    fchown(h->db_fd, uid, gid) < 0)
		return fail(errno, "cannot set the map file's owner", errp);
	if (fstat(h->db_fd, &h->db_st) < 0)
		return fail(errno, "cannot stat the temporary map file", errp);
	return 0;
}

static int
open_rebuild(SM_DB *h, const struct sm_db_opts *o, const char **errp)
{
	if (rebuild_tmp(h, o, errp) < 0)
		return -1;
	/* Berkeley DB takes an existing empty file as a new database */
	if (bdb_open(h, h->db_tmp, DB_CREATE, errp) < 0) {
		if (errno == EAGAIN)
			errno = EIO;
		return -1;
	}
	return 0;
}

SM_DB *
sm_db_open(const char *path, enum sm_db_type type, enum sm_db_how how,
    const struct sm_db_opts *opts, const char **errp)
{
	SM_DB *h;
	int rc, e;

	SM_ASSERT(path != NULL);
	if (type != SM_DB_HASH && type != SM_DB_BTREE) {
		(void)fail(EINVAL, "unknown map type", errp);
		return NULL;
	}
	h = handle_new(path, type, how, opts);
	if (how == SM_DB_REBUILD)
		rc = open_rebuild(h, opts, errp);
	else
		rc = open_existing(h, errp);
	if (rc == 0)
		return h;
	e = errno;
	bdb_close(h, DB_NOSYNC);
	if (h->db_tmp != NULL)
		(void)unlink(h->db_tmp);
	handle_free(h);
	errno = e;
	return NULL;
}

/* ---- keys and values ------------------------------------------------- */

/* Fill DBT K with KEY as stored: folded as asked, with a NUL if WITH_NUL. */
static int
key_dbt(SM_DB *h, DBT *k, const void *key, size_t klen, int with_nul,
    const char **errp)
{
	unsigned char *p;
	size_t i;

	if (klen >= UINT32_MAX - 1)
		return fail(EINVAL, "key too long", errp);
	if (klen > 0)
		SM_ASSERT(key != NULL);
	buf_need(&h->db_kin, klen + 1);
	p = h->db_kin.b_data;
	if (klen > 0)
		memcpy(p, key, klen);
	if (h->db_flags & SM_DB_F_FOLD)
		for (i = 0; i < klen; i++)
			if (p[i] >= 'A' && p[i] <= 'Z')
				p[i] = (unsigned char)(p[i] - 'A' + 'a');
	p[klen] = '\0';
	memset(k, 0, sizeof(*k));
	k->data = p;
	k->size = (u_int32_t)(klen + (with_nul ? 1 : 0));
	return 0;
}

/* Point DBT D at BUF's memory for Berkeley DB to fill. */
static void
out_dbt(DBT *d, struct buf *b)
{
	memset(d, 0, sizeof(*d));
	d->data = b->b_data;
	d->ulen = (u_int32_t)(b->b_size - 1);
	d->flags = DB_DBT_USERMEM;
}

/* Grow the out buffers after DB_BUFFER_SMALL; 1 to retry, 0 not needed. */
static int
out_grow(SM_DB *h, const DBT *k, const DBT *v)
{
	int grew = 0;

	if (k != NULL && k->size > k->ulen) {
		buf_need(&h->db_kout, k->size);
		grew = 1;
	}
	if (v->size > v->ulen) {
		buf_need(&h->db_vout, v->size);
		grew = 1;
	}
	return grew;
}

/*
 * Has someone rewritten the file in place since a reader checked it (the
 * real makemap truncates and refills maps under its exclusive lock)?
 * Berkeley DB's cache would then mix old pages with new ones.
 */
static int
stale(const SM_DB *h)
{
	struct stat st;

	if (h->db_how != SM_DB_READ)
		return 0;
	if (fstat(h->db_fd, &st) < 0)
		return 1;
	return st.st_size != h->db_st.st_size ||
	    st.st_mtim.tv_sec != h->db_st.st_mtim.tv_sec ||
	    st.st_mtim.tv_nsec != h->db_st.st_mtim.tv_nsec;
}

/* Drop one trailing NUL when the convention stores one. */
static size_t
strip_nul(const SM_DB *h, const unsigned char *p, size_t len)
{
	if (h->db_nul != SM_DB_NUL_NEVER && len > 0 && p[len - 1] == '\0')
		return len - 1;
	return len;
}

/* One Berkeley DB lookup of K; 1 found (value in db_vout), 0 absent. */
static int
get_one(SM_DB *h, DBT *k, size_t *vlenp, const char **errp)
{
	DBT v;
	int ret;

	for (;;) {
		out_dbt(&v, &h->db_vout);
		if (!h->db_walklock)	/* a walk holds the lock already */
			lock_shared(h);
		ret = stale(h) ? ESTALE : h->db_bdb->get(h->db_bdb, NULL, k,
		    &v, 0);
		if (!h->db_walklock)
			unlock(h);
		if (ret != DB_BUFFER_SMALL || !out_grow(h, NULL, &v))
			break;
	}
	if (ret == ESTALE)
		return fail(ESTALE, "the map file was changed in place",
		    errp);
	if (ret == DB_NOTFOUND || ret == DB_KEYEMPTY)
		return 0;
	if (ret != 0)
		return bdb_fail(ret, "Berkeley DB lookup failed", errp);
	h->db_vout.b_data[v.size] = '\0';
	*vlenp = v.size;
	return 1;
}

int
sm_db_get(SM_DB *h, const void *key, size_t klen, const void **valp,
    size_t *vlenp, const char **errp)
{
	static const int forms[] = { TRY_BARE, TRY_NUL };
	size_t i, vlen = 0;
	DBT k;
	int rc;

	SM_ASSERT(h != NULL && valp != NULL && vlenp != NULL);
	for (i = 0; i < 2; i++) {
		if (!(h->db_tries & forms[i]))
			continue;
		if (key_dbt(h, &k, key, klen, forms[i] == TRY_NUL, errp) < 0)
			return -1;
		rc = get_one(h, &k, &vlen, errp);
		if (rc < 0)
			return -1;
		if (rc == 1) {
			h->db_tries = forms[i];	/* the first hit decides */
			if (forms[i] == TRY_NUL)
				vlen = strip_nul(h, h->db_vout.b_data, vlen);
			h->db_vout.b_data[vlen] = '\0';
			*valp = h->db_vout.b_data;
			*vlenp = vlen;
			return 1;
		}
	}
	return 0;
}

static int
writable(const SM_DB *h, const char **errp)
{
	if (h->db_how == SM_DB_READ)
		return fail(EBADF, "the map is open read-only", errp);
	return 0;
}

int
sm_db_put(SM_DB *h, const void *key, size_t klen, const void *val,
    size_t vlen, enum sm_db_put how, const char **errp)
{
	int nul = h->db_nul == SM_DB_NUL_ALWAYS;
	DBT k, v;
	int ret;

	SM_ASSERT(h != NULL && (val != NULL || vlen == 0));
	if (writable(h, errp) < 0 || key_dbt(h, &k, key, klen, nul, errp) < 0)
		return -1;
	if (vlen >= UINT32_MAX - 1)
		return fail(EINVAL, "value too long", errp);
	buf_need(&h->db_vin, vlen + 1);
	if (vlen > 0)
		memcpy(h->db_vin.b_data, val, vlen);
	h->db_vin.b_data[vlen] = '\0';
	memset(&v, 0, sizeof(v));
	v.data = h->db_vin.b_data;
	v.size = (u_int32_t)(vlen + (nul ? 1 : 0));
	ret = h->db_bdb->put(h->db_bdb, NULL, &k, &v,
	    how == SM_DB_NOOVERWRITE ? DB_NOOVERWRITE : 0);
	if (ret == DB_KEYEXIST)
		return 1;
	if (ret != 0)
		return bdb_fail(ret, "Berkeley DB store failed", errp);
	return 0;
}

int
sm_db_del(SM_DB *h, const void *key, size_t klen, const char **errp)
{
	int nul = h->db_nul == SM_DB_NUL_ALWAYS;
	DBT k;
	int ret;

	SM_ASSERT(h != NULL);
	if (writable(h, errp) < 0 || key_dbt(h, &k, key, klen, nul, errp) < 0)
		return -1;
	ret = h->db_bdb->del(h->db_bdb, NULL, &k, 0);
	if (ret == DB_NOTFOUND || ret == DB_KEYEMPTY)
		return 1;
	if (ret != 0)
		return bdb_fail(ret, "Berkeley DB delete failed", errp);
	return 0;
}

/* ---- walking --------------------------------------------------------- */

static void
walk_end(SM_DB *h)
{
	if (h->db_cursor != NULL)
		(void)h->db_cursor->close(h->db_cursor);
	h->db_cursor = NULL;
	if (h->db_walklock)
		unlock(h);
	h->db_walklock = 0;
}

/* One cursor step; 1 with the pair in db_kout / db_vout, 0 at the end. */
static int
walk_step(SM_DB *h, u_int32_t how, size_t *klenp, size_t *vlenp,
    const char **errp)
{
	DBT k, v;
	int ret;

	do {
		out_dbt(&k, &h->db_kout);
		out_dbt(&v, &h->db_vout);
		ret = h->db_cursor->get(h->db_cursor, &k, &v, how);
	} while (ret == DB_BUFFER_SMALL && out_grow(h, &k, &v));
	if (ret == DB_NOTFOUND) {
		walk_end(h);
		return 0;
	}
	if (ret != 0) {
		walk_end(h);
		return bdb_fail(ret, "Berkeley DB walk failed", errp);
	}
	if (++h->db_steps > h->db_maxsteps) {
		walk_end(h);
		return fail(EINVAL, "Berkeley DB file is damaged (the walk "
		    "does not end)", errp);
	}
	*klenp = strip_nul(h, h->db_kout.b_data, k.size);
	*vlenp = strip_nul(h, h->db_vout.b_data, v.size);
	h->db_kout.b_data[*klenp] = '\0';
	h->db_vout.b_data[*vlenp] = '\0';
	return 1;
}

static int
walk(SM_DB *h, u_int32_t how, const void **keyp, size_t *klenp,
    const void **valp, size_t *vlenp, const char **errp)
{
	int rc;

	SM_ASSERT(keyp != NULL && klenp != NULL && valp != NULL &&
	    vlenp != NULL);
	rc = walk_step(h, how, klenp, vlenp, errp);
	if (rc == 1) {
		*keyp = h->db_kout.b_data;
		*valp = h->db_vout.b_data;
	}
	return rc;
}

int
sm_db_first(SM_DB *h, const void **keyp, size_t *klenp, const void **valp,
    size_t *vlenp, const char **errp)
{
	struct stat st;
	int ret;

	SM_ASSERT(h != NULL);
	walk_end(h);
	lock_shared(h);
	h->db_walklock = 1;
	/* every pair takes more than one byte of the file */
	if (fstat(h->db_fd, &st) < 0 || stale(h)) {
		walk_end(h);
		return fail(ESTALE, "the map file was changed in place",
		    errp);
	}
	h->db_maxsteps = (unsigned long long)st.st_size;
	h->db_steps = 0;
	ret = h->db_bdb->cursor(h->db_bdb, NULL, &h->db_cursor, 0);
	if (ret != 0) {
		h->db_cursor = NULL;
		walk_end(h);
		return bdb_fail(ret, "Berkeley DB cannot walk the map", errp);
	}
	return walk(h, DB_FIRST, keyp, klenp, valp, vlenp, errp);
}

int
sm_db_next(SM_DB *h, const void **keyp, size_t *klenp, const void **valp,
    size_t *vlenp, const char **errp)
{
	SM_ASSERT(h != NULL);
	if (h->db_cursor == NULL)
		return sm_db_first(h, keyp, klenp, valp, vlenp, errp);
	return walk(h, DB_NEXT, keyp, klenp, valp, vlenp, errp);
}

/* ---- closing --------------------------------------------------------- */

int
sm_db_changed(const SM_DB *h)
{
	struct stat st;

	SM_ASSERT(h != NULL);
	if (h->db_how == SM_DB_REBUILD)
		return 0;
	if (stat(h->db_path, &st) < 0)
		return 1;
	return st.st_dev != h->db_st.st_dev || st.st_ino != h->db_st.st_ino ||
	    st.st_size != h->db_st.st_size ||
	    st.st_mtim.tv_sec != h->db_st.st_mtim.tv_sec ||
	    st.st_mtim.tv_nsec != h->db_st.st_mtim.tv_nsec;
}

/* fsync the directory holding PATH, so a rename survives a crash. */
static int
sync_dir(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir;
	int fd, rc;

	if (slash == NULL)
		dir = sm_strdup_x(".");
	else
		dir = sm_strndup_x(path, slash == path ? 1 : (size_t)(slash - path));
	fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	free(dir);
	if (fd < 0)
		return -1;
	rc = fsync(fd);
	(void)close(fd);
	return rc;
}

/* Finish a rebuild: flush, fsync, rename over the target. */
static int
commit(SM_DB *h, const char **errp)
{
	int ret = h->db_bdb->sync(h->db_bdb, 0);
	int ret2;

	walk_end(h);
	ret2 = h->db_bdb->close(h->db_bdb, 0);
	h->db_bdb = NULL;
	if (ret != 0 || ret2 != 0)
		return bdb_fail(ret ? ret : ret2, "Berkeley DB cannot write "
		    "the map", errp);
	if (fsync(h->db_fd) < 0)
		return fail(errno, "cannot fsync the new map", errp);
	if (rename(h->db_tmp, h->db_path) < 0)
		return fail(errno, "cannot rename the new map into place", errp);
	free(h->db_tmp);
	h->db_tmp = NULL;
	if (sync_dir(h->db_path) < 0)
		return fail(errno, "cannot fsync the map's directory", errp);
	return 0;
}

int
sm_db_close(SM_DB *h, const char **errp)
{
	int rc = 0, ret, e;

	if (h == NULL)
		return 0;
	if (h->db_how == SM_DB_REBUILD) {
		rc = commit(h, errp);
	} else {
		walk_end(h);
		ret = h->db_how == SM_DB_UPDATE ?
		    h->db_bdb->sync(h->db_bdb, 0) : 0;
		if (h->db_bdb->close(h->db_bdb, 0) != 0 && ret == 0)
			ret = EIO;
		h->db_bdb = NULL;
		if (ret != 0)
			rc = bdb_fail(ret, "Berkeley DB cannot write the map",
			    errp);
	}
	e = errno;
	bdb_close(h, DB_NOSYNC);
	if (h->db_tmp != NULL)
		(void)unlink(h->db_tmp);
	handle_free(h);
	errno = e;
	return rc;
}

void
sm_db_abort(SM_DB *h)
{
	int e = errno;

	if (h == NULL)
		return;
	walk_end(h);
	bdb_close(h, h->db_how == SM_DB_REBUILD ? DB_NOSYNC : 0);
	if (h->db_tmp != NULL)
		(void)unlink(h->db_tmp);
	handle_free(h);
	errno = e;
}
