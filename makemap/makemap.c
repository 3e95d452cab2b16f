/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * makemap.c -- sendmail 8.17's makemap over libsm/db.c: the input line
 * rules, the options, the messages and exit statuses of the real program
 * (makemap.h lists them).
 *
 * Public: makemap_parse_line, makemap_reader_init, makemap_read_line,
 * makemap_run.
 *
 * Runs as the invoking user; as root it reads the cf for TrustedUser and
 * gives the map to that user.
 */
#include "makemap/makemap.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>

#include "libsm/db.h"
#include "libsm/err.h"
#include "makemap/mapcf.h"

#define CF_DEFAULT	"/etc/mail/sendmail.cf"

#define ASPACE(c)	(isascii((unsigned char)(c)) && isspace((unsigned char)(c)))
#define ISSEP(sx, c)	((sx)->ms_sep == '\0' ? ASPACE(c) : (c) == (sx)->ms_sep)

/* ---- input ------------------------------------------------------------- */

enum makemap_line
makemap_parse_line(char *line, const struct makemap_syntax *sx, char **keyp,
    char **valp)
{
	char *p;

	if (line[0] == '\0' || line[0] == sx->ms_comment)
		return MAKEMAP_SKIP;
	if (sx->ms_sep == '\0' && ASPACE(line[0]))
		return MAKEMAP_LEADSPACE;
	for (p = line; *p != '\0' && !ISSEP(sx, *p); p++)
		if (sx->ms_fold && *p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	*keyp = line;
	if (*p != '\0')
		*p++ = '\0';
	while (*p != '\0' && ISSEP(sx, *p))
		p++;
	*valp = p;
	if (!sx->ms_allowempty && *p == '\0')
		return MAKEMAP_NORHS;
	return MAKEMAP_PAIR;
}

void
makemap_reader_init(struct makemap_reader *mr, FILE *fp)
{
	mr->mr_fp = fp;
	mr->mr_lineno = 0;
	mr->mr_eof = false;
}

int
makemap_read_line(struct makemap_reader *mr, char *buf)
{
	size_t n = 0;
	int c = EOF;
	char *nl;

	while (n < MAKEMAP_LINE - 1 && (c = getc(mr->mr_fp)) != EOF) {
		buf[n++] = (char)c;
		if (c == '\n')
			break;
	}
	if (c == EOF)
		mr->mr_eof = true;
	buf[n] = '\0';
	if (n == 0)
		return 0;
	mr->mr_lineno++;
	/* the real program looks for the newline with strchr */
	if ((nl = strchr(buf, '\n')) != NULL)
		*nl = '\0';
	else if (!mr->mr_eof)
		return 2;
	return 1;
}

/* ---- options ------------------------------------------------------------ */

struct opts {
	const char	*cfile;
	const char	*fallback;	/* -i */
	const char	*type;
	char		*map;
	struct makemap_syntax sx;
	bool		inclnull;	/* -N */
	bool		dups;		/* -d */
	bool		replace;	/* -r */
	bool		append;		/* -o */
	bool		unmake;		/* -u */
	bool		verbose;	/* -v */
	bool		safe;		/* -s: links allowed */
};

static int
usage(const char *prog, FILE *err)
{
	int w = (int)strlen(prog);

	fprintf(err, "Usage: %s [-C cffile] [-N] [-c cachesize] "
	    "[-D commentchar]\n", prog);
	fprintf(err, "       %*s [-d] [-e] [-f] [-i type] [-l] [-o] [-r] "
	    "[-s] [-t delimiter]\n", w, "");
	fprintf(err, "       %*s [-u] [-v] type mapname\n", w, "");
	return EX_USAGE;
}

/* -l, -L, -x: the types this makemap has, in the real one's words. */
static void
list_types(FILE *out, int how)
{
	if (how == 'L')
		fputs("cf\nCF\n", out);
	if (how == 'x')
		fputs("hash:db\nbtree:db\nimplicit:\n", out);
	else
		fputs("hash\nbtree\nimplicit\n", out);
}

/* One option letter; returns -1 to go on, else an exit status. */
static int
option(int c, struct opts *o, const char *prog, FILE *out, FILE *err)
{
	switch (c) {
	case 'C': o->cfile = optarg; break;
	case 'N': o->inclnull = true; break;
	case 'c': break;		/* cache size: Berkeley DB's default */
	case 'd': o->dups = true; break;
	case 'e': o->sx.ms_allowempty = true; break;
	case 'f': o->sx.ms_fold = false; break;
	case 'i': o->fallback = optarg; break;
	case 'D': o->sx.ms_comment = *optarg; break;
	case 'L': case 'l': case 'x':
		list_types(out, c);
		return EX_OK;
	case 'o': o->append = true; break;
	case 'r': o->replace = true; break;
	case 's': o->safe = true; break;
	case 't':
		if (*optarg == '\0')
			fputs("Invalid separator\n", err);
		else
			o->sx.ms_sep = *optarg;
		break;
	case 'u': o->unmake = true; break;
	case 'v': o->verbose = true; break;
	default: return usage(prog, err);
	}
	return -1;
}

static int
parse_opts(int argc, char **argv, struct opts *o, FILE *out, FILE *err)
{
	const char *prog = strrchr(argv[0], '/');
	int c, rc;

	prog = prog != NULL ? prog + 1 : argv[0];
	memset(o, 0, sizeof(*o));
	o->cfile = CF_DEFAULT;
	o->sx.ms_comment = '#';
	o->sx.ms_fold = true;
	optind = 1;
	while ((c = getopt(argc, argv, "C:D:Nc:defi:Llorst:uvx")) != -1)
		if ((rc = option(c, o, prog, out, err)) >= 0)
			return rc;
	if (argc - optind != 2)
		return usage(prog, err);
	o->type = argv[optind];
	o->map = sm_strdup_x(argv[optind + 1]);
	return -1;
}

/* ---- the map file --------------------------------------------------------- */

/* Read the cf as the real makemap does: as root, or for type cf/CF.
 * Sets o->type from the K line for cf/CF.  -1 to go on, else a status. */
static int
read_cf(struct opts *o, uid_t *trusted, FILE *err)
{
	bool fromcf = strcasecmp(o->type, "cf") == 0;
	bool full = strcmp(o->type, "cf") == 0;
	static struct mapcf mc;
	int rc;

	*trusted = 0;
	if (!fromcf && geteuid() != 0)
		return -1;
	if ((rc = mapcf_read(o->cfile, fromcf ? o->map : NULL, full, &mc,
	    err)) != 0)
		return rc;
	*trusted = mc.mc_trusted;
	if (!fromcf)
		return -1;
	if (mc.mc_found && mc.mc_class[0] != '\0') {
		o->type = mc.mc_class;
		return -1;
	}
	if (o->fallback == NULL || *o->fallback == '\0') {
		fprintf(err, "makemap: mapfile %s: not found in %s\n", o->map,
		    o->cfile);
		return EX_DATAERR;
	}
	if (o->verbose)
		fprintf(err, "makemap: mapfile %s: not found in %s, using "
		    "fallback %s\n", o->map, o->cfile, o->fallback);
	o->type = o->fallback;
	return -1;
}

static int
open_error(const struct opts *o, const char *why, FILE *err)
{
	fprintf(err, "makemap: error opening type %s map %s: %s\n", o->type,
	    o->map, why);
	return EX_CANTCREAT;
}

/* The type's Berkeley DB kind; -1 to go on, else the exit status. */
static int
map_type(const struct opts *o, enum sm_db_type *tp, FILE *err)
{
	if (sm_db_type_byname(o->type, tp) == 0)
		return -1;
	if (strcmp(o->type, "dbm") == 0 || strcmp(o->type, "cdb") == 0) {
		fprintf(err, "makemap: Need to recompile with -D%s for %s "
		    "support\n", o->type[0] == 'd' ? "NDBM" : "CDB", o->type);
		return EX_CANTCREAT;
	}
	return open_error(o, "Unknown database type", err);
}

/* The real makemap's safety checks on the file (without -s: no links). */
static const char *
unsafe(const struct opts *o, const char *path, struct stat *sb, bool *exists)
{
	*exists = lstat(path, sb) == 0;
	if (!*exists)
		return NULL;
	if (S_ISLNK(sb->st_mode)) {
		if (!o->safe)
			return "Symbolic links not allowed";
		*exists = stat(path, sb) == 0;
		if (!*exists)
			return NULL;
	}
	if (!S_ISREG(sb->st_mode))
		return "Regular files only";
	if (sb->st_nlink > 1 && !o->safe)
		return "Hard links not allowed";
	return NULL;
}

/* ---- building and dumping ------------------------------------------------- */

/* A key and value as the real program prints them (%.*s: up to a NUL). */
static void
print_pair(FILE *out, const void *k, size_t kl, char sep, const void *v,
    size_t vl)
{
	fprintf(out, "%.*s%c%.*s\n", (int)kl, (const char *)k, sep, (int)vl,
	    (const char *)v);
}

static int
dump(const struct opts *o, SM_DB *db, FILE *out, FILE *err)
{
	const char *why = NULL;
	const void *k, *v;
	size_t kl, vl;
	int r;

	for (r = sm_db_first(db, &k, &kl, &v, &vl, &why); r == 1;
	    r = sm_db_next(db, &k, &kl, &v, &vl, &why))
		print_pair(out, k, kl, o->sx.ms_sep ? o->sx.ms_sep : '\t', v,
		    vl);
	sm_db_abort(db);
	if (r == 0)
		return fflush(out) == 0 ? EX_OK : EX_IOERR;
	fprintf(err, "makemap: %s: cannot read the map: %s\n", o->map,
	    why != NULL ? why : strerror(errno));
	return EX_SOFTWARE;
}

/* Store one parsed pair; returns the line's exit status. */
static int
store(const struct opts *o, SM_DB *db, unsigned lineno, const char *key,
    const char *val, FILE *out, FILE *err)
{
	enum sm_db_put how = o->dups || o->replace ? SM_DB_OVERWRITE :
	    SM_DB_NOOVERWRITE;
	const char *why = NULL;
	int r;

	if (o->verbose)
		fprintf(out, "key=`%s', val=`%s'\n", key, val);
	r = sm_db_put(db, key, strlen(key), val, strlen(val), how, &why);
	if (r == 1) {
		fprintf(err, "makemap: %s: line %u: key %s: duplicate key\n",
		    o->map, lineno, key);
		return EX_DATAERR;
	}
	if (r < 0) {
		fprintf(err, "makemap: %s: line %u: key %s: put error: %s\n",
		    o->map, lineno, key, strerror(errno));
		return EX_IOERR;
	}
	return EX_OK;
}

/* One input line; returns its exit status (EX_OK when fine). */
static int
one_line(const struct opts *o, SM_DB *db, struct makemap_reader *mr,
    char *buf, int r, FILE *out, FILE *err)
{
	char *key = NULL, *val = NULL;

	if (r == 2) {
		fprintf(err, "makemap: %s: line %u: line too long (%d bytes "
		    "max)\n", o->map, mr->mr_lineno, MAKEMAP_LINE);
		return EX_DATAERR;
	}
	switch (makemap_parse_line(buf, &o->sx, &key, &val)) {
	case MAKEMAP_SKIP:
		return EX_OK;
	case MAKEMAP_LEADSPACE:
		fprintf(err, "makemap: %s: line %u: syntax error (leading "
		    "space)\n", o->map, mr->mr_lineno);
		return EX_DATAERR;
	case MAKEMAP_NORHS:
		fprintf(err, "makemap: %s: line %u: no RHS for LHS %s\n",
		    o->map, mr->mr_lineno, key);
		return EX_DATAERR;
	case MAKEMAP_PAIR:
		break;
	}
	return store(o, db, mr->mr_lineno, key, val, out, err);
}

static int
build(const struct opts *o, SM_DB *db, FILE *in, FILE *out, FILE *err)
{
	struct makemap_reader mr;
	char buf[MAKEMAP_LINE];
	const char *why = NULL;
	int r, st, rc = EX_OK;

	makemap_reader_init(&mr, in);
	while ((r = makemap_read_line(&mr, buf)) != 0)
		if ((st = one_line(o, db, &mr, buf, r, out, err)) != EX_OK)
			rc = st;
	if (ferror(in)) {
		fprintf(err, "makemap: %s: reading the input: %s\n", o->map,
		    strerror(errno));
		sm_db_abort(db);
		return EX_IOERR;
	}
	if (sm_db_close(db, &why) < 0) {
		fprintf(err, "makemap: close(%s): %s\n", o->map,
		    strerror(errno));
		return EX_IOERR;
	}
	return rc;
}

/* Open the map for -u, -o or a rebuild, with the owner rules. */
static SM_DB *
open_map(const struct opts *o, enum sm_db_type type, const char *path,
    uid_t trusted, FILE *err, int *rcp)
{
	struct sm_db_opts dbo;
	const char *why;
	struct stat sb;
	bool exists;
	SM_DB *db;

	memset(&dbo, 0, sizeof(dbo));
	/* -u shows the stored bytes (printing stops at a NUL, as the real
	 * one's does), so it never strips one */
	dbo.nul = o->inclnull && !o->unmake ? SM_DB_NUL_ALWAYS :
	    SM_DB_NUL_NEVER;
	if (o->dups)
		dbo.flags |= SM_DB_F_DUPS;
	if ((why = unsafe(o, path, &sb, &exists)) != NULL) {
		*rcp = open_error(o, why, err);
		return NULL;
	}
	if (!o->unmake && !o->append && trusted != 0 && geteuid() == 0) {
		dbo.flags |= SM_DB_F_CHOWN;
		dbo.uid = trusted;
		dbo.gid = exists ? sb.st_gid : (gid_t)-1;
	}
	db = sm_db_open(path, type, o->unmake ? SM_DB_READ : o->append ?
	    SM_DB_UPDATE : SM_DB_REBUILD, &dbo, &why);
	if (db == NULL)
		*rcp = open_error(o, strerror(errno), err);
	return db;
}

static int
run(struct opts *o, FILE *in, FILE *out, FILE *err)
{
	enum sm_db_type type;
	uid_t trusted = 0;
	char *path, *real;
	SM_DB *db;
	int rc;

	if ((rc = read_cf(o, &trusted, err)) >= 0)
		return rc;
	if ((rc = map_type(o, &type, err)) >= 0)
		return rc;
	path = sm_db_path(o->map);
	if (o->safe && (real = realpath(path, NULL)) != NULL) {
		/* -s: write what a symbolic link points at */
		free(path);
		path = real;
	}
	db = open_map(o, type, path, trusted, err, &rc);
	if (db != NULL && o->unmake)
		rc = dump(o, db, out, err);
	else if (db != NULL) {
		rc = build(o, db, in, out, err);
		if (o->append && trusted != 0 && geteuid() == 0)
			(void)chown(path, trusted, (gid_t)-1);
	}
	free(path);
	return rc;
}

int
makemap_run(int argc, char **argv, FILE *in, FILE *out, FILE *err)
{
	struct opts o;
	int rc;

	if ((rc = parse_opts(argc, argv, &o, out, err)) >= 0)
		return rc;
	rc = run(&o, in, out, err);
	free(o.map);
	return rc;
}
