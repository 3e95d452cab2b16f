/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * t_map_harness.h -- what the map unit tests (t_map*.c) share: hooks
 * that capture every message, trace and /map line into one buffer (as
 * -bt writes them all to stdout), fixture files under t_tmpdir(), and
 * table runners: K lines declared from text with "@D" standing for the
 * fixture directory, then "/map ..." commands compared with what
 * sendmail 8.17 printed for them.
 */
#ifndef TERN_T_MAP_HARNESS_H
#define TERN_T_MAP_HARNESS_H

#include "sendmail/map.h"
#include "t.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static FILE	*h_out;
static char	*h_buf;
static size_t	 h_len;
static int	 h_nsyserr;	/* syserr calls since the last capture */
static int	 h_lasterr;	/* their last ERR */
static int	 h_debug;	/* -d60.N level */
static int	 h_defer;	/* delivery mode defer */
static char	 h_macname[64], h_macval[256];
static int	 h_macset;	/* 1 set, 2 cleared, 0 untouched */

static inline void
h_open(void)
{
	if (h_out == NULL)
		h_out = open_memstream(&h_buf, &h_len);
}

static inline void
h_syserr(int err, const char *text)
{
	h_open();
	(void)fprintf(h_out, "%s\n", text);
	h_nsyserr++;
	h_lasterr = err;
}

static inline void
h_message(const char *text)
{
	h_open();
	(void)fprintf(h_out, "%s\n", text);
}

static inline int
h_tTd(int cat, int level)
{
	return cat == 60 && level <= h_debug;
}

static inline void
h_dprint(const char *text)
{
	h_open();
	(void)fputs(text, h_out);
}

static inline int
h_defermode(void)
{
	return h_defer;
}

/* The macro hook: remembers the last call; "{bad" is refused. */
static inline int
h_macro_set(const char *name, const char *value)
{
	if (name[0] == '{' && strchr(name, '}') == NULL)
		return -1;
	(void)snprintf(h_macname, sizeof(h_macname), "%s", name);
	(void)snprintf(h_macval, sizeof(h_macval), "%s",
	    value != NULL ? value : "");
	h_macset = value != NULL ? 1 : 2;
	return 0;
}

/* The alias reader: "key: value" lines, nothing more (enough for the
 * stab class; the real reader belongs to the alias code). */
static inline void
h_alias_text(MAP *map, const char *file, FILE *fp)
{
	char line[1024], *v;

	(void)file;
	while (fgets(line, sizeof(line), fp) != NULL) {
		line[strcspn(line, "\n")] = '\0';
		if ((v = strchr(line, ':')) == NULL)
			continue;
		*v++ = '\0';
		map_store(map, line, v + strspn(v, " \t"));
	}
}

static inline void
h_init(void)
{
	static const struct map_hooks hk = {
		.mh_macro_set = h_macro_set, .mh_syserr = h_syserr,
		.mh_message = h_message, .mh_tTd = h_tTd,
		.mh_dprint = h_dprint, .mh_defermode = h_defermode,
		.mh_alias_text = h_alias_text,
	};

	map_init(&hk);
	map_set_unsafe_dirpath(1);	/* fixtures live below /tmp */
}

/* Drop the warnings the unsafe fixture directory causes (wherever they
 * start: a lookup may print one in the middle of a /map line). */
static inline void
h_filter(char *s)
{
	static const char *const drop[] = {
		"WARNING: World writable directory ",
		"WARNING: Group writable directory ",
	};
	char *p, *nl;
	size_t i;

	for (i = 0; i < sizeof(drop) / sizeof(drop[0]); i++)
		while ((p = strstr(s, drop[i])) != NULL) {
			nl = strchr(p, '\n');
			nl = nl != NULL ? nl + 1 : p + strlen(p);
			memmove(p, nl, strlen(nl) + 1);
		}
}

/* Everything captured since the last call (static, valid until next). */
static inline const char *
h_take(void)
{
	static char *last;

	free(last);
	h_open();
	(void)fclose(h_out);
	h_out = NULL;
	last = h_buf;
	h_buf = NULL;
	h_filter(last);
	return last;
}

/* TEXT with every "@D" replaced by DIR (static). */
static inline const char *
h_subst(const char *text, const char *dir)
{
	static char buf[4096];
	size_t n = 0, dl = strlen(dir);

	for (; *text != '\0' && n + dl + 1 < sizeof(buf); text++) {
		if (text[0] == '@' && text[1] == 'D') {
			memcpy(buf + n, dir, dl);
			n += dl;
			text++;
		} else
			buf[n++] = *text;
	}
	buf[n] = '\0';
	return buf;
}

/* Declare every K line of LINES (NULL-terminated, "@D" = DIR); the
 * messages, and "ERR: why" for lines that declared nothing, captured. */
static inline void
h_klines(const char *const *lines, const char *dir)
{
	const char *why;
	int i;

	for (i = 0; lines[i] != NULL; i++) {
		why = NULL;
		if (map_kline(h_subst(lines[i], dir), "cf", i + 1, &why) ==
		    NULL) {
			h_open();
			(void)fprintf(h_out, "ERR: %s\n", why);
		}
	}
}

/* One "/map ..." command's output, as -bt prints it. */
static inline const char *
h_bt(const char *args)
{
	h_open();
	map_bt_cmd(h_out, args);
	return h_take();
}

/* A row: a /map argument text and what sendmail 8.17 printed. */
struct h_row {
	const char	*args;
	const char	*want;
};

static inline void
h_rows(const char *what, const struct h_row *rows, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		t_begin("%s: /map %s", what, rows[i].args);
		(void)h_take();
		t_assert_streq(h_bt(rows[i].args), rows[i].want);
		t_end();
	}
}

/* Write a fixture file DIR/NAME with CONTENT; returns its path (static). */
static inline const char *
h_file(const char *dir, const char *name, const char *content, int mode)
{
	static char path[1024];
	FILE *fp;

	(void)snprintf(path, sizeof(path), "%s/%s", dir, name);
	fp = fopen(path, "w");
	if (fp == NULL) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		exit(2);
	}
	(void)fputs(content, fp);
	(void)fclose(fp);
	(void)chmod(path, (mode_t)mode);
	return path;
}

#endif
