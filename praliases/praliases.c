/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * praliases.c -- sendmail 8.17's praliases over libsm/db.c (the rules are
 * in praliases.h).
 *
 * Public: praliases_split, praliases_one, praliases_run.
 *
 * Runs as the invoking user.
 */
#include "praliases/praliases.h"

#include <ctype.h>
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sysexits.h>
#include <unistd.h>

#include "libsm/db.h"
#include "libsm/err.h"
#include "libsm/strl.h"

#define CF_DEFAULT	"/etc/mail/sendmail.cf"
#define CF_LINE		2048	/* sendmail's MAXLINE */

#define ASPACE(c)	(isascii((unsigned char)(c)) && isspace((unsigned char)(c)))
#define AALNUM(c)	(isascii((unsigned char)(c)) && isalnum((unsigned char)(c)))

char *
praliases_split(char **cursor)
{
	char *p = *cursor, *b, *e;
	bool quoted = false;

	if (p == NULL)
		return NULL;
	while (ASPACE(*p))
		p++;
	if (*p == '\0') {
		*cursor = NULL;
		return NULL;
	}
	b = p;
	if ((p = strpbrk(p, " ,/")) != NULL) {
		for (; *p != '\0'; p++) {
			if (*p == '"')
				quoted = !quoted;
			else if (*p == ',' && !quoted)
				break;
		}
		if (*p == '\0')
			p = NULL;	/* the last spec keeps its end as is */
	}
	if (p != NULL) {
		for (e = p - 1; e > b && ASPACE(*e); e--)
			continue;
		e[1] = '\0';
		*p++ = '\0';
	}
	*cursor = p;
	return b;
}

/* Open NAME as TYPE (NULL: hash, then btree). */
static SM_DB *
open_db(const char *type, const char *name, FILE *err)
{
	struct sm_db_opts o;
	char *path = sm_db_path(name);
	enum sm_db_type t;
	SM_DB *db;

	memset(&o, 0, sizeof(o));
	o.nul = SM_DB_NUL_NEVER;
	if (type == NULL) {
		/* a missing file or one of neither type: "Unknown database
		 * type", as the real one says; other errors as they are */
		db = sm_db_open(path, SM_DB_HASH, SM_DB_READ, &o, NULL);
		if (db == NULL && (errno == ENOENT || errno == EINVAL))
			db = sm_db_open(path, SM_DB_BTREE, SM_DB_READ, &o, NULL);
		if (db == NULL)
			fprintf(err, "praliases: %s: open: %s\n", name,
			    errno == ENOENT || errno == EINVAL ?
			    "Unknown database type" : strerror(errno));
	} else {
		(void)sm_db_type_byname(type, &t);
		if ((db = sm_db_open(path, t, SM_DB_READ, &o, NULL)) == NULL)
			fprintf(err, "praliases: %s: open: %s\n", name,
			    strerror(errno));
	}
	free(path);
	return db;
}

/* Bytes up to a NUL, as the real program's %.*s prints them. */
static void
print_pair(FILE *out, const void *k, size_t kl, const void *v, size_t vl)
{
	fprintf(out, "%.*s:%.*s\n", (int)kl, (const char *)k, (int)vl,
	    (const char *)v);
}

static void
print_all(SM_DB *db, const char *name, FILE *out, FILE *err)
{
	const char *why = NULL;
	const void *k, *v;
	size_t kl, vl;
	int r;

	for (r = sm_db_first(db, &k, &kl, &v, &vl, &why); r == 1;
	    r = sm_db_next(db, &k, &kl, &v, &vl, &why))
		print_pair(out, k, kl, v, vl);
	if (r < 0)
		fprintf(err, "praliases: %s: get value at cursor: %s\n", name,
		    why != NULL ? why : strerror(errno));
}

static void
print_keys(SM_DB *db, int nkeys, char **keys, FILE *out, FILE *err)
{
	const char *why = NULL;
	const void *v;
	size_t vl, kl;
	int i, r;

	for (i = 0; i < nkeys; i++) {
		kl = strlen(keys[i]);
		r = sm_db_get(db, keys[i], kl, &v, &vl, &why);
		if (r == 0)	/* the key as newaliases -N stores it */
			r = sm_db_get(db, keys[i], kl + 1, &v, &vl, &why);
		if (r == 1)
			print_pair(out, keys[i], kl, v, vl);
		else if (r == 0)
			fprintf(out, "%s: No such key\n", keys[i]);
		else
			fprintf(err, "praliases: %s: %s\n", keys[i],
			    why != NULL ? why : strerror(errno));
	}
}

void
praliases_one(char *spec, int nkeys, char **keys, FILE *out, FILE *err)
{
	char *colon = strchr(spec, ':'), *name = spec, *type = NULL;
	SM_DB *db;

	if (colon != NULL) {
		*colon = '\0';
		type = spec;
		name = colon + 1;
	}
	for (;;) {	/* skip map flags ("-N -A ...") */
		while (ASPACE(*name))
			name++;
		if (*name != '-')
			break;
		while (*name != '\0' && !ASPACE(*name))
			name++;
	}
	if (type != NULL && *type != '\0' && strcmp(type, "hash") != 0 &&
	    strcmp(type, "btree") != 0)
		fprintf(err, "praliases: Skipping non-file based alias type "
		    "%s\n", type);
	else if (*name == '\0' || (type != NULL && *type == '\0')) {
		if (colon != NULL)
			*colon = ':';
		fprintf(err, "praliases: illegal alias specification: %s\n",
		    spec);
	} else if ((db = open_db(type, name, err)) != NULL) {
		if (nkeys == 0)
			print_all(db, name, out, err);
		else
			print_keys(db, nkeys, keys, out, err);
		sm_db_abort(db);
	}
	if (colon != NULL)
		*colon = ':';
}

/* An O line (B after the O): the AliasFile value, or NULL. */
static char *
alias_value(char *b)
{
	if (strncasecmp(b, " AliasFile", 10) == 0 && !AALNUM(b[10])) {
		if ((b = strchr(b, '=')) == NULL)
			return NULL;
		b++;
		while (ASPACE(*b))
			b++;
		return b;
	}
	return *b == 'A' ? b + 1 : NULL;
}

static int
from_cf(const char *cfile, int nkeys, char **keys, FILE *out, FILE *err)
{
	char line[CF_LINE], value[CF_LINE], *v, *cur, *spec;
	FILE *fp = fopen(cfile, "r");

	if (fp == NULL) {
		fprintf(err, "praliases: %s: %s\n", cfile, strerror(errno));
		return EX_NOINPUT;
	}
	while (fgets(line, sizeof(line), fp) != NULL) {
		if ((v = strchr(line, '\n')) != NULL)
			*v = '\0';
		if (line[0] != 'O' || (v = alias_value(line + 1)) == NULL)
			continue;
		if (sm_strlcpy(value, v, sizeof(value)) >= sizeof(value)) {
			fprintf(err, "praliases: AliasFile filename too long: "
			    "%.30s\n", v);
			(void)fclose(fp);
			return EX_CONFIG;
		}
		for (cur = value; (spec = praliases_split(&cur)) != NULL;)
			praliases_one(spec, nkeys, keys, out, err);
	}
	(void)fclose(fp);
	return EX_OK;
}

int
praliases_run(int argc, char **argv, FILE *out, FILE *err)
{
	const char *cfile = CF_DEFAULT;
	char *file = NULL;
	int c, rc;

	optind = 1;
	while ((c = getopt(argc, argv, "C:f:")) != -1) {
		switch (c) {
		case 'C': cfile = optarg; break;
		case 'f': file = optarg; break;
		default:
			fputs("usage: praliases [-C cffile] [-f aliasfile] "
			    "[key ...]\n", err);
			return EX_USAGE;
		}
	}
	if (file != NULL) {
		file = sm_strdup_x(file);
		praliases_one(file, argc - optind, argv + optind, out, err);
		free(file);
		rc = EX_OK;
	} else
		rc = from_cf(cfile, argc - optind, argv + optind, out, err);
	if (fflush(out) != 0)
		return EX_IOERR;
	return rc;
}
