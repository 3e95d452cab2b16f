/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * dbtool.c -- a tiny command line over libsm/db.c for the conformance
 * tests (test/conformance/db_makemap.sh): what Tern writes must be read by
 * the real makemap -u and praliases, and the other way round.
 *
 *	dbtool write [-Nfdro] [-m MODE] TYPE FILE   key<TAB>value lines on stdin
 *	dbtool dump [-N|-O] TYPE FILE               key<TAB>value lines out
 *	dbtool get [-N|-O] [-f] TYPE FILE KEY...    one value per line
 *
 * Flags mean what they mean to makemap and on a sendmail K line: keys are
 * folded to lower case unless -f; -N: keys and values carry a trailing
 * NUL; -O: never (dump shows the stored bytes as they are; without either
 * a trailing NUL is not shown and get tries both forms); -d: duplicates;
 * -r: replace existing keys; -o: update the file in place instead of
 * rebuilding it; -m: the new file's mode (octal).
 * A line without a TAB is a key with an empty value.  Exit 0, 1 (a key not
 * found, or a duplicate refused), 2 (error).  Runs unprivileged.
 */
#include "libsm/db.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct args {
	struct sm_db_opts	o;
	enum sm_db_type		type;
	enum sm_db_put		put;
	int			update;
	const char		*file;
};

static void
usage(void)
{
	fprintf(stderr, "usage: dbtool write|dump|get [-NOfdro] [-m mode] "
	    "hash|btree FILE [KEY...]\n");
	exit(2);
}

static int
die(const char *file, const char *why)
{
	fprintf(stderr, "dbtool: %s: %s: %s\n", file, why ? why : "error",
	    strerror(errno));
	return 2;
}

/* Parse options and TYPE FILE; returns the index of the first KEY. */
static int
parse(int argc, char **argv, struct args *a)
{
	int c;

	memset(a, 0, sizeof(*a));
	a->o.flags = SM_DB_F_FOLD;
	a->put = SM_DB_NOOVERWRITE;
	while ((c = getopt(argc, argv, "NOfdrom:")) != -1) {
		switch (c) {
		case 'N': a->o.nul = SM_DB_NUL_ALWAYS; break;
		case 'O': a->o.nul = SM_DB_NUL_NEVER; break;
		case 'f': a->o.flags &= ~SM_DB_F_FOLD; break;
		case 'd': a->o.flags |= SM_DB_F_DUPS; a->put = SM_DB_OVERWRITE; break;
		case 'r': a->put = SM_DB_OVERWRITE; break;
		case 'o': a->update = 1; break;
		case 'm': a->o.mode = (mode_t)strtoul(optarg, NULL, 8); break;
		default: usage();
		}
	}
	if (argc - optind < 2 || sm_db_type_byname(argv[optind], &a->type) < 0)
		usage();
	a->file = argv[optind + 1];
	return optind + 2;
}

static int
cmd_write(struct args *a)
{
	const char *why = NULL;
	char *line = NULL, *tab;
	size_t cap = 0;
	ssize_t n;
	int rc = 0, r;
	SM_DB *db = sm_db_open(a->file, a->type,
	    a->update ? SM_DB_UPDATE : SM_DB_REBUILD, &a->o, &why);

	if (db == NULL)
		return die(a->file, why);
	while ((n = getline(&line, &cap, stdin)) > 0) {
		if (line[n - 1] == '\n')
			line[--n] = '\0';
		tab = memchr(line, '\t', (size_t)n);
		r = sm_db_put(db, line, tab ? (size_t)(tab - line) : (size_t)n,
		    tab ? tab + 1 : "", tab ? (size_t)(line + n - tab - 1) : 0,
		    a->put, &why);
		if (r < 0) {
			free(line);
			rc = die(a->file, why);
			sm_db_abort(db);
			return rc;
		}
		if (r == 1) {
			fprintf(stderr, "dbtool: %s: duplicate key %.*s\n",
			    a->file, (int)(tab ? tab - line : n), line);
			rc = 1;
		}
	}
	free(line);
	if (sm_db_close(db, &why) < 0)
		return die(a->file, why);
	return rc;
}

static int
cmd_dump(struct args *a)
{
	const char *why = NULL;
	const void *k, *v;
	size_t kl, vl;
	int r;
	SM_DB *db = sm_db_open(a->file, a->type, SM_DB_READ, &a->o, &why);

	if (db == NULL)
		return die(a->file, why);
	for (r = sm_db_first(db, &k, &kl, &v, &vl, &why); r == 1;
	    r = sm_db_next(db, &k, &kl, &v, &vl, &why)) {
		(void)fwrite(k, 1, kl, stdout);
		(void)putchar('\t');
		(void)fwrite(v, 1, vl, stdout);
		(void)putchar('\n');
	}
	if (r < 0) {
		r = die(a->file, why);
		sm_db_abort(db);
		return r;
	}
	return sm_db_close(db, &why) < 0 ? die(a->file, why) : 0;
}

static int
cmd_get(struct args *a, int argc, char **argv, int i)
{
	const char *why = NULL;
	const void *v;
	size_t vl;
	int r, rc = 0;
	SM_DB *db = sm_db_open(a->file, a->type, SM_DB_READ, &a->o, &why);

	if (db == NULL)
		return die(a->file, why);
	for (; i < argc && rc < 2; i++) {
		r = sm_db_get(db, argv[i], strlen(argv[i]), &v, &vl, &why);
		if (r == 1) {
			(void)fwrite(v, 1, vl, stdout);
			(void)putchar('\n');
		} else if (r == 0) {
			printf("%s: not found\n", argv[i]);
			rc = 1;
		} else
			rc = die(a->file, why);
	}
	sm_db_abort(db);
	return rc;
}

int
main(int argc, char **argv)
{
	struct args a;
	const char *cmd;
	int i;

	if (argc < 2)
		usage();
	cmd = argv[1];
	i = parse(argc - 1, argv + 1, &a) + 1;
	if (strcmp(cmd, "write") == 0 && i == argc)
		return cmd_write(&a);
	if (strcmp(cmd, "dump") == 0 && i == argc)
		return cmd_dump(&a);
	if (strcmp(cmd, "get") == 0)
		return cmd_get(&a, argc, argv, i);
	usage();
	return 2;
}
