/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * aliasdb.c -- newaliases: the aliases text file read as sendmail 8.17's
 * readaliases reads it, stored through libsm/db.c (rules in aliasdb.h).
 *
 * Public: aliasdb_spec_parse, aliasdb_spec_free, aliasdb_read,
 * aliasdb_rebuild.
 *
 * Runs in sendmail -bi (usually root) and in the MTA's automatic
 * rebuilds; holds an exclusive flock(2) on the text file while building.
 */
#include "sendmail/aliasdb.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "libsm/err.h"
#include "libsm/lock.h"

#define ASPACE(c)	(isascii((unsigned char)(c)) && isspace((unsigned char)(c)))

/* ---- the spec ------------------------------------------------------------ */

/* Apply one "-x" flag word of a spec. */
static void
spec_flags(const char *w, size_t n, struct aliasdb_spec *as)
{
	size_t i;

	for (i = 1; i < n; i++) {
		switch (w[i]) {
		case 'N': as->as_nul = true; break;
		case 'A': as->as_append = true; break;
		case 'f': as->as_nofold = true; break;
		case 'o': as->as_optional = true; break;
		default: break;	/* other map flags do not change the file */
		}
		if (strchr("admkvzTD", w[i]) != NULL)
			break;	/* a flag with an argument glued on */
	}
}

/* The class before the colon: hash, implicit (= hash) or btree. */
static int
spec_class(const char *spec, size_t n, struct aliasdb_spec *as)
{
	if ((n == 4 && strncmp(spec, "hash", 4) == 0) ||
	    (n == 8 && strncmp(spec, "implicit", 8) == 0))
		as->as_type = SM_DB_HASH;
	else if (n == 5 && strncmp(spec, "btree", 5) == 0)
		as->as_type = SM_DB_BTREE;
	else
		return -1;
	return 0;
}

int
aliasdb_spec_parse(const char *spec, struct aliasdb_spec *as,
    const char **errp)
{
	const char *colon, *slash, *p, *w;
	size_t n;

	memset(as, 0, sizeof(*as));
	as->as_type = SM_DB_HASH;
	while (ASPACE(*spec))
		spec++;
	colon = strchr(spec, ':');
	slash = strchr(spec, '/');
	p = spec;
	if (colon != NULL && (slash == NULL || colon < slash)) {
		if (spec_class(spec, (size_t)(colon - spec), as) < 0) {
			*errp = "unsupported alias database class";
			return -1;
		}
		p = colon + 1;
	}
	for (;;) {
		while (ASPACE(*p))
			p++;
		if (*p != '-')
			break;
		for (w = p; *p != '\0' && !ASPACE(*p); p++)
			continue;
		spec_flags(w, (size_t)(p - w), as);
	}
	for (n = strlen(p); n > 0 && ASPACE(p[n - 1]); n--)
		continue;
	if (n == 0) {
		*errp = "no alias file name";
		return -1;
	}
	as->as_path = sm_strndup_x(p, n);
	return 0;
}

void
aliasdb_spec_free(struct aliasdb_spec *as)
{
	free(as->as_path);
	as->as_path = NULL;
}

/* ---- reading the text ------------------------------------------------------ */

struct reader {
	FILE		*r_fp;
	const char	*r_name;
	FILE		*r_msg;
	unsigned	r_lineno;
	bool		r_eof;
	char		r_buf[ALIASDB_LINE];
};

static int
rd_getc(struct reader *r)
{
	int c = getc(r->r_fp);

	if (c == EOF)
		r->r_eof = true;
	return c;
}

/* The next character without taking it (sendmail's getc + ungetc). */
static int
rd_peek(struct reader *r)
{
	int c = rd_getc(r);

	if (c != EOF)
		(void)ungetc(c, r->r_fp);
	return c;
}

/* fgets into BUF (SIZE bytes): bytes read, or -1 when none are left. */
static long
rd_gets(struct reader *r, char *buf, size_t size)
{
	size_t n = 0;
	int c = 0;

	if (size <= 1)
		return -1;
	while (n < size - 1 && (c = rd_getc(r)) != EOF) {
		buf[n++] = (char)c;
		if (c == '\n')
			break;
	}
	buf[n] = '\0';
	return n == 0 ? -1 : (long)n;
}

/* A continuation follows the text in LINE: where to read it, or NULL. */
static char *
contline(struct reader *r, char *line)
{
	char *p = strchr(line, '\n');
	int c;

	if (p != NULL && p > line && p[-1] == '\\') {
		*p = '\0';
		*--p = '\0';
		return p;
	}
	c = rd_peek(r);
	if (c != ' ' && c != '\t')
		return NULL;
	p = line + strlen(line);
	if (p > line && p[-1] == '\n')
		*--p = '\0';
	return p;
}

/* Skip the rest of a logical line that did not fit. */
static void
flush_line(struct reader *r)
{
	int c, prev = '\0';
	bool cl;

	do {
		while ((c = rd_getc(r)) != EOF && c != '\n')
			prev = c;
		cl = prev == '\\' && c == '\n';
		if (!cl) {
			c = rd_peek(r);
			cl = c == ' ' || c == '\t';
		}
	} while (cl);
}

static void msg(struct reader *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* One message, "FILE: line N: text". */
static void
msg(struct reader *r, const char *fmt, ...)
{
	va_list ap;

	if (r->r_msg == NULL)
		return;
	fprintf(r->r_msg, "%s: line %u: ", r->r_name, r->r_lineno);
	va_start(ap, fmt);
	vfprintf(r->r_msg, fmt, ap);
	va_end(ap);
	fputc('\n', r->r_msg);
}

/* The next logical line in r_buf: 1, 0 at the end, 2 when too long. */
static int
next_line(struct reader *r)
{
	char *line = r->r_buf, *p;

	if (rd_gets(r, line, sizeof(r->r_buf)) < 0)
		return 0;
	r->r_lineno++;
	while ((p = contline(r, line)) != NULL) {
		if (rd_gets(r, p, sizeof(r->r_buf) - (size_t)(p - line)) < 0)
			break;
		r->r_lineno++;
	}
	if ((p = strchr(line, '\n')) != NULL)
		*p = '\0';
	else if (!r->r_eof) {
		flush_line(r);
		return 2;
	}
	return 1;
}

/* The name without a hook: its surrounding white space cut. */
static int
plain_name(const char *name, char **userp, char **paddrp)
{
	size_t n;

	while (ASPACE(*name))
		name++;
	for (n = strlen(name); n > 0 && ASPACE(name[n - 1]); n--)
		continue;
	if (n == 0)
		return -1;
	*userp = sm_strndup_x(name, n);
	*paddrp = sm_strndup_x(name, n);
	return 0;
}

/* Work out the key of the name before the colon at COLON. */
static int
lhs(struct reader *r, const struct aliasdb_hooks *h, char *colon,
    char **userp, char **paddrp)
{
	char why[512], save = *colon;
	int rc;

	*userp = *paddrp = NULL;
	*colon = '\0';
	why[0] = '\0';
	if (h != NULL && h->ah_name != NULL)
		rc = h->ah_name(h->ah_ctx, r->r_buf, userp, paddrp, why,
		    sizeof(why));
	else
		rc = plain_name(r->r_buf, userp, paddrp);
	*colon = save;
	if (rc < 0) {
		if (why[0] != '\0')
			msg(r, "%s", why);
		else
			msg(r, "%.40s... illegal alias name", r->r_buf);
		free(*userp);
		free(*paddrp);
		*userp = *paddrp = NULL;
		return -1;
	}
	return 0;
}

static void
fold(char *s, bool all)
{
	bool pm = strcasecmp(s, "postmaster") == 0;

	for (; *s != '\0'; s++)
		if ((all || pm) && *s >= 'A' && *s <= 'Z')
			*s = (char)(*s - 'A' + 'a');
}

/* One logical line that is neither comment nor continuation. */
static int
one_alias(struct reader *r, bool dofold, const struct aliasdb_hooks *h,
    aliasdb_store_fn *store, void *sctx, struct aliasdb_result *res)
{
	char *p, *rhs, *user, *paddr, prefix[600];
	int rc = 0;

	for (p = r->r_buf; *p != '\0' && *p != ':' && *p != '\n'; p++)
		continue;
	if (*p != ':') {
		msg(r, "missing colon");
		res->ar_errors++;
		return 0;
	}
	if (lhs(r, h, p, &user, &paddr) < 0) {
		res->ar_errors++;
		return 0;
	}
	for (rhs = p + 1; ASPACE(*rhs); rhs++)
		continue;
	if (h != NULL && h->ah_check != NULL && r->r_msg != NULL) {
		(void)snprintf(prefix, sizeof(prefix), "%s: line %u: ",
		    r->r_name, r->r_lineno);
		(void)h->ah_check(h->ah_ctx, rhs, r->r_msg, prefix);
	}
	fold(user, dofold);
	if (*rhs == '\0') {
		msg(r, "%.40s... missing value for alias", r->r_buf);
		res->ar_errors++;
	} else if ((rc = store(sctx, user, paddr != NULL ? paddr : user, rhs,
	    r->r_lineno)) == 0) {
		res->ar_naliases++;
		res->ar_bytes += (long)(strlen(user) + strlen(rhs));
		if ((long)strlen(rhs) > res->ar_longest)
			res->ar_longest = (long)strlen(rhs);
	}
	free(user);
	free(paddr);
	return rc;
}

int
aliasdb_read(FILE *fp, const char *fname, bool dofold,
    const struct aliasdb_hooks *hooks, aliasdb_store_fn *store, void *sctx,
    FILE *msgfp, struct aliasdb_result *res)
{
	struct reader *r = sm_calloc_x(1, sizeof(*r));
	bool skipping = false;
	int got, rc = 0;

	memset(res, 0, sizeof(*res));
	r->r_fp = fp;
	r->r_name = fname;
	r->r_msg = msgfp;
	while (rc == 0 && (got = next_line(r)) != 0) {
		if (got == 2) {
			msg(r, "alias line too long");
			res->ar_errors++;
			continue;
		}
		switch (r->r_buf[0]) {
		case '#':
		case '\0':
			skipping = false;
			continue;
		case ' ':
		case '\t':
			if (!skipping) {
				msg(r, "Non-continuation line starts with "
				    "space");
				res->ar_errors++;
			}
			skipping = true;
			continue;
		}
		skipping = false;
		rc = one_alias(r, dofold, hooks, store, sctx, res);
	}
	free(r);
	return rc;
}

/* ---- building the database ------------------------------------------------- */

struct writer {
	SM_DB		*w_db;
	bool		w_append;
	const char	*w_name;
	FILE		*w_msg;
	const char	*w_why;
};

/* -A: store "new,old". */
static int
append(struct writer *w, const char *key, const char *value)
{
	const void *old;
	size_t olen, vlen = strlen(value);
	char *both;
	int rc;

	if (sm_db_get(w->w_db, key, strlen(key), &old, &olen, &w->w_why) != 1)
		return -1;
	both = sm_malloc_x(vlen + 1 + olen + 1);
	memcpy(both, value, vlen);
	both[vlen] = ',';
	memcpy(both + vlen + 1, old, olen);
	rc = sm_db_put(w->w_db, key, strlen(key), both, vlen + 1 + olen,
	    SM_DB_OVERWRITE, &w->w_why);
	free(both);
	return rc;
}

static int
store_db(void *ctx, const char *key, const char *paddr, const char *value,
    unsigned lineno)
{
	struct writer *w = ctx;
	size_t kl = strlen(key), vl = strlen(value);
	int rc;

	rc = sm_db_put(w->w_db, key, kl, value, vl, SM_DB_NOOVERWRITE,
	    &w->w_why);
	if (rc == 1 && w->w_append)
		rc = append(w, key, value);
	else if (rc == 1) {
		if (w->w_msg != NULL)
			fprintf(w->w_msg, "%s: line %u: %s... Warning: "
			    "duplicate alias name %s\n", w->w_name, lineno,
			    paddr, key);
		rc = sm_db_put(w->w_db, key, kl, value, vl, SM_DB_OVERWRITE,
		    &w->w_why);
	}
	return rc < 0 ? -1 : 0;
}

/* Open and lock the text file; -1 (said why) when it cannot be had. */
static int
open_text(const struct aliasdb_spec *as, FILE *msgfp)
{
	struct stat sb;
	int fd = open(as->as_path, O_RDWR | O_CLOEXEC), e;

	if (fd < 0 && (errno == EACCES || errno == EROFS)) {
		e = errno;
		fd = open(as->as_path, O_RDONLY | O_CLOEXEC);
		if (fd >= 0 && msgfp != NULL && (fstat(fd, &sb) < 0 ||
		    (sb.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) != 0))
			fprintf(msgfp, "warning: cannot lock %s: %s\n",
			    as->as_path, strerror(e));
		return fd;
	}
	if (fd < 0) {
		if (!as->as_optional && msgfp != NULL)
			fprintf(msgfp, "newaliases: cannot open %s: %s\n",
			    as->as_path, strerror(errno));
		return -1;
	}
	if (sm_lock(fd, SM_LOCK_FLOCK, SM_LOCK_EX, 0, NULL) < 0) {
		if (msgfp != NULL)
			fprintf(msgfp, "Alias file %s is locked (maybe being "
			    "rebuilt)\n", as->as_path);
		(void)close(fd);
		return -1;
	}
	return fd;
}

static SM_DB *
open_db(const struct aliasdb_spec *as, const char **errp)
{
	struct sm_db_opts o;
	size_t n = strlen(as->as_path);
	char *path = sm_malloc_x(n + sizeof(SM_DB_SUFFIX));
	SM_DB *db;

	memcpy(path, as->as_path, n);
	memcpy(path + n, SM_DB_SUFFIX, sizeof(SM_DB_SUFFIX));
	memset(&o, 0, sizeof(o));
	o.nul = as->as_nul ? SM_DB_NUL_ALWAYS : SM_DB_NUL_NEVER;
	db = sm_db_open(path, as->as_type, SM_DB_REBUILD, &o, errp);
	free(path);
	return db;
}

/* Read the text into the open database and finish it. */
static int
fill(const struct aliasdb_spec *as, const struct aliasdb_hooks *hooks,
    int fd, struct writer *w, struct aliasdb_result *res)
{
	FILE *fp;
	int dfd = dup(fd), rc;

	if (dfd < 0 || (fp = fdopen(dfd, "r")) == NULL) {
		if (dfd >= 0)
			(void)close(dfd);
		w->w_why = "cannot read the alias file";
		return -1;
	}
	rc = aliasdb_read(fp, as->as_path, !as->as_nofold, hooks, store_db,
	    w, w->w_msg, res);
	(void)fclose(fp);
	if (rc == 0 && w->w_msg != NULL)
		fprintf(w->w_msg, "%s: %ld aliases, longest %ld bytes, %ld "
		    "bytes total\n", as->as_path, res->ar_naliases,
		    res->ar_longest, res->ar_bytes);
	if (rc == 0)
		rc = sm_db_put(w->w_db, SM_DB_ALIAS_MARK, 1, SM_DB_ALIAS_MARK,
		    1, SM_DB_OVERWRITE, &w->w_why) < 0 ? -1 : 0;
	return rc;
}

int
aliasdb_rebuild(const struct aliasdb_spec *as,
    const struct aliasdb_hooks *hooks, FILE *msgfp,
    struct aliasdb_result *res, const char **errp)
{
	struct writer w;
	int fd, rc;

	memset(res, 0, sizeof(*res));
	memset(&w, 0, sizeof(w));
	if ((fd = open_text(as, msgfp)) < 0)
		return 1;
	w.w_append = as->as_append;
	w.w_name = as->as_path;
	w.w_msg = msgfp;
	if ((w.w_db = open_db(as, &w.w_why)) == NULL)
		rc = -1;
	else if ((rc = fill(as, hooks, fd, &w, res)) < 0)
		sm_db_abort(w.w_db);
	else
		rc = sm_db_close(w.w_db, &w.w_why);
	(void)close(fd);
	if (rc < 0) {
		if (msgfp != NULL)
			fprintf(msgfp, "Cannot create database for alias file "
			    "%s: %s\n", as->as_path,
			    w.w_why != NULL ? w.w_why : strerror(errno));
		if (errp != NULL)
			*errp = w.w_why != NULL ? w.w_why :
			    "cannot build the alias database";
		return -1;
	}
	return 0;
}
