/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * map.h -- sendmail.cf maps (K lines) behind one small vtable.
 *
 * The core (readcf.c) declares each K line with map_declare(); the rewriting
 * engine looks keys up with map_lookup() for $( map key $@ arg $: default $)
 * and $[ host $]; -bt's /map calls map_bt().  Each map class lives in its own
 * file (map_db.c: hash btree; map_text.c; map_builtin.c: stab implicit
 * dequote arith macro sequence switch user syslog; map_regex.c; map_prog.c:
 * program; map_socket.c; map_host.c: host) and registers a struct map_class
 * in the table of map.c.
 *
 * The engine talks to the rest of the MTA through struct map_hooks, set once
 * at start (macros for the `macro' class and -T/-a semantics need them).
 */
#ifndef TERN_MAP_H
#define TERN_MAP_H

#include <stddef.h>
#include <stdio.h>

#define MAP_MAXARGS	9	/* %1 .. %9 in values */

typedef struct map MAP;

/* What the map layer needs from the core. */
struct map_hooks {
	/* value of macro NAME ("j" or "{client_addr}" style), NULL if unset */
	const char	*(*mh_macro_get)(const char *name);
	/* set macro NAME to VALUE (NULL: unset) -- the `macro' class */
	void		(*mh_macro_set)(const char *name, const char *value);
};

/* Lookup status: sysexits values, as sendmail's maps report them. */
/* EX_OK (0) found or not found (a miss is a NULL value with EX_OK),
 * EX_TEMPFAIL, EX_UNAVAILABLE, EX_NOTFOUND ... as each class reports */

/*
 * map_init -- install the hooks.  Call once before any declaration.
 */
void	map_init(const struct map_hooks *hooks);

/*
 * map_declare -- a K line: NAME CLASS ARGS (ARGS is the rest of the line:
 * -flags then the file or class arguments).  FILE and LINE name the place
 * for messages.  Returns the map, or NULL with *errp set to sendmail's
 * message text (the caller prefixes "FILE: line N: ").
 */
MAP	*map_declare(const char *name, const char *mclass, const char *args,
	    const char *file, int line, const char **errp);

/* map_find -- the declared map NAME, or NULL. */
MAP	*map_find(const char *name);

/*
 * map_lookup -- look KEY up in MAP as the rewriting engine does: case
 * folding, NUL conventions, -m, -a, %1..%n from ARGS (NARGS of them), -T on
 * a temporary failure, opening the map on first use.
 * Returns a malloc'd value (caller frees), or NULL for no match; *statp gets
 * the status (EX_OK, EX_TEMPFAIL, ...).
 */
char	*map_lookup(MAP *map, const char *key, const char *const *args,
	    int nargs, int *statp);

/*
 * map_bt -- -bt's "/map NAME KEY": prints to OUT exactly what sendmail 8.17
 * prints ("map_lookup: NAME (KEY) returns VALUE (STAT)", "... no match
 * (STAT)", "Map named \"NAME\" not found").
 */
void	map_bt(FILE *out, const char *name, const char *key);

/* map_close_all -- close every open map (at exit and before a re-read). */
void	map_close_all(void);

#endif
