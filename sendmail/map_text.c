/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * map_text.c -- the `text' map class: a flat file searched line by line
 * on every lookup (so edits show at once), as sendmail 8.17 does.
 *
 *	Kname text [-kKEYCOL] [-vVALCOL] [-zDELIM] /absolute/file
 *
 * Columns count from 0.  Without -z a column is a run of non-blanks and
 * runs of blanks separate them (blanks before column 0 are skipped);
 * with -z every DELIM byte ends a column.  A line starting with `#' is a
 * comment.  Keys compare without regard to case.  Lines are read in
 * pieces of at most 2047 bytes and a column keeps at most 256 bytes, as
 * sendmail's buffers do.  A miss reports EX_NOTFOUND (68).
 *
 * Public: map_text_class (map_int.h).  Runs in the sendmail process.
 */
#include "sendmail/map_int.h"

#include "libsm/err.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* A column number from -k/-v; -1 (after a message) when not a number. */
static int
map_text_colno(const MAP *map, const char *flag, const char *nm)
{
	if (nm == NULL)
		return 0;
	if (!isdigit((unsigned char)*nm)) {
		map_syserr(0,
		    "text map \"%s\", file %s: -%s should specify a number, "
		    "not %s", map->map_mname, map->map_file, flag, nm);
		return -1;
	}
	return atoi(nm);
}

static int
map_text_open(MAP *map)
{
	const char *why;

	if (map->map_file[0] != '/') {
		map_syserr(0, "text map \"%s\": file name must be fully "
		    "qualified", map->map_mname);
		return 0;
	}
	if (map_safefile(map->map_file, MAP_SFF_REGONLY, &why) != 0) {
		/* sendmail names the error only for a missing file below an
		 * unsafe or missing directory (as observed) */
		if (errno == ENOENT && !map_dirpath_fine(map->map_file))
			map_syserr(ENOENT, "text map \"%s\": unsafe map file "
			    "%s: %s", map->map_mname, map->map_file, why);
		else
			map_syserr(0, "text map \"%s\": unsafe map file %s",
			    map->map_mname, map->map_file);
		return 0;
	}
	map->map_keycolno = map_text_colno(map, "k", map->map_keycolnm);
	if (map->map_keycolno < 0)
		return 0;
	map->map_valcolno = map_text_colno(map, "v", map->map_valcolnm);
	if (map->map_valcolno < 0)
		return 0;
	return 1;
}

/* Where the column after the one at P starts, or NULL. */
static const char *
map_text_next(const char *p, int delim)
{
	if (delim == 0) {
		p = strpbrk(p, "\n\t ");
		if (p == NULL)
			return NULL;
		p++;
		while (*p != '\0' && isascii((unsigned char)*p) &&
		    isspace((unsigned char)*p))
			p++;
		return p;
	}
	p = strchr(p, delim);
	return p == NULL ? NULL : p + 1;
}

/*
 * Column COL of LINE into BUF (BUFLEN bytes, truncated); NULL when the
 * line is empty, has no such column, or column 0 is empty under -z.
 * Mirrors sendmail's get_column, quirks included (with blanks between
 * columns a line's leading blanks make column 1 repeat column 0).
 */
static const char *
map_text_column(const char *line, int col, int delim, char *buf,
    size_t buflen)
{
	const char *begin = line, *end;
	size_t n;
	int i;

	if (*line == '\0' || (delim != 0 && *line == delim && col == 0))
		return NULL;
	if (col == 0 && delim == 0)
		while (*begin != '\0' && isascii((unsigned char)*begin) &&
		    isspace((unsigned char)*begin))
			begin++;
	for (i = 0; i < col; i++)
		if ((begin = map_text_next(begin, delim)) == NULL)
			return NULL;
	end = delim == 0 ? strpbrk(begin, "\n\t ") : strchr(begin, delim);
	n = end == NULL ? strlen(begin) : (size_t)(end - begin);
	if (n >= buflen)
		n = buflen - 1;
	memcpy(buf, begin, n);
	buf[n] = '\0';
	return buf;
}

static char *
map_text_lookup(MAP *map, const char *key, const char *const *av,
    int *statp)
{
	char line[MAP_MAXLINE], col[MAP_MAXNAME + 1], *nl;
	const char *c;
	int found = 0;
	FILE *fp = NULL;

	*statp = EX_OK;
	if (map_safefile(map->map_file, MAP_SFF_REGONLY, &c) == 0)
		fp = fopen(map->map_file, "r");
	if (fp == NULL) {
		map->map_mflags &= ~(MAP_F_VALID | MAP_F_OPEN);
		*statp = EX_UNAVAILABLE;
		return NULL;
	}
	while (fgets(line, sizeof(line), fp) != NULL) {
		if (line[0] == '#')
			continue;
		if ((nl = strchr(line, '\n')) != NULL)
			*nl = '\0';
		c = map_text_column(line, map->map_keycolno,
		    map->map_coldelim, col, sizeof(col));
		if (c != NULL && strcasecmp(c, key) == 0) {
			found = 1;
			break;
		}
	}
	(void)fclose(fp);
	if (!found) {
		*statp = MAP_EX_NOTFOUND;
		return NULL;
	}
	c = map_text_column(line, map->map_valcolno, map->map_coldelim, col,
	    sizeof(col));
	if (c == NULL) {
		*statp = MAP_EX_NOTFOUND;
		return NULL;
	}
	if ((map->map_mflags & MAP_F_MATCHONLY) != 0)
		return map_rewrite(map, key, strlen(key), NULL);
	return map_rewrite(map, c, strlen(c), av);
}

const struct map_class map_text_class = {
	"text", MAP_CF_ALIASOK, map_parseargs, map_text_open, map_text_lookup, NULL, NULL
};
