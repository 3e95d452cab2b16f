/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * map_int.h -- what map.c shares with the map class files (map_*.c): the
 * MAP structure, the class vtable, the flags of a K line and the helpers
 * every class uses (argument parsing, value rewriting, messages, safe file
 * checks).  Not for use outside sendmail/map*.c.
 */
#ifndef TERN_MAP_INT_H
#define TERN_MAP_INT_H

#include "sendmail/map.h"

#include <stdarg.h>
#include <sysexits.h>

/* sendmail's EX_NOTFOUND: the status of a miss in text, user, null ... */
#define MAP_EX_NOTFOUND	EX_NOHOST

/* The longest value a few classes build in a fixed buffer (MAXNAME). */
#define MAP_MAXNAME	256
/* The line buffer sendmail reads text maps with (MAXLINE). */
#define MAP_MAXLINE	2048
/* Members of a sequence or switch map (MAXMAPSTACK). */
#define MAP_MAXSTACK	12

/* The internal byte of $| (CONDELSE): regex -s joins substrings with it. */
#define MAP_CONDELSE	'\233'

/* map_mflags */
#define MAP_F_VALID	0x00001	/* declared without a fatal error */
#define MAP_F_OPEN	0x00002	/* opened (perhaps as the bogus class) */
#define MAP_F_OPTIONAL	0x00004	/* -o */
#define MAP_F_INCLNULL	0x00008	/* -N given */
#define MAP_F_TRY0NULL	0x00010	/* try keys without a trailing NUL */
#define MAP_F_TRY1NULL	0x00020	/* try keys with a trailing NUL */
#define MAP_F_NOFOLD	0x00040	/* -f */
#define MAP_F_MATCHONLY	0x00080	/* -m */
#define MAP_F_KEEPQUOTES 0x00100	/* -q, and the dequote class */
#define MAP_F_APPEND	0x00200	/* -A */
#define MAP_F_DEFER	0x00400	/* -D */
#define MAP_F_NODEFER	0x00800	/* -t */
#define MAP_F_ALIAS	0x01000	/* an alias database (AliasFile) */
#define MAP_F_BOGUS	0x02000	/* open failed: lookups fail temporarily */
#define MAP_F_REGEX_NOT	0x04000	/* regex -n */

/* map_class.mc_cflags */
#define MAP_CF_OPTFILE	0x01	/* the file argument may be omitted */
#define MAP_CF_ALIASOK	0x02	/* may serve AliasFile */

struct map_class;

struct map {
	char	*map_mname;		/* name as declared */
	const struct map_class *map_class;
	const struct map_class *map_orgclass; /* the class before bogus */
	unsigned map_mflags;		/* MAP_F_* */
	char	*map_file;		/* first argument after the flags */
	char	*map_rebuild;		/* the rest of the line after it */
	char	*map_app;		/* -a: appended to found values */
	char	*map_tapp;		/* -T: appended to the key on tempfail */
	char	*map_keycolnm;		/* -k */
	char	*map_valcolnm;		/* -v */
	int	map_keycolno;
	int	map_valcolno;
	int	map_coldelim;		/* -z; 0: white space */
	int	map_spacesub;		/* -S; 0: none */
	long	map_timeout;		/* -d, seconds; 0: class default */
	void	*map_priv;		/* class data from parsing */
	void	*map_db;		/* class state while open */
	MAP	*map_next;		/* registry, in declaration order */
};

/*
 * A map class.  mc_parse gets a modifiable copy of the K line arguments
 * and returns 1 when the map is usable (valid), 0 after a message.
 * mc_open returns 1, or 0 after its message (the map then goes bogus).
 * mc_lookup returns a malloc'd value or NULL, and sets *statp; KEY is the
 * key as given, AV the %0..%n arguments (AV[0] is the key; AV may be NULL
 * for "no argument processing").  mc_close undoes mc_open, mc_free
 * mc_parse (both may be NULL).
 */
struct map_class {
	const char	*mc_name;
	unsigned	mc_cflags;
	int		(*mc_parse)(MAP *map, char *args);
	int		(*mc_open)(MAP *map);
	char		*(*mc_lookup)(MAP *map, const char *key,
			    const char *const *av, int *statp);
	void		(*mc_close)(MAP *map);
	void		(*mc_free)(MAP *map);
};

/* The classes (one file per family). */
extern const struct map_class map_text_class;
extern const struct map_class map_dequote_class, map_arith_class,
    map_macro_class, map_null_class, map_syslog_class, map_arpa_class,
    map_user_class, map_stab_class;
extern const struct map_class map_sequence_class, map_switch_class,
    map_implicit_class;
extern const struct map_class map_regex_class;
extern const struct map_class map_program_class;
extern const struct map_class map_socket_class;
extern const struct map_class map_host_class, map_bestmx_class;
extern const struct map_class map_hash_class, map_btree_class;
extern const struct map_class map_nis_class, map_nisplus_class,
    map_ldap_class, map_dns_class, map_userdb_class;

/* map.c: the generic K line flags; 1 valid, 0 after "No file name". */
int	map_parseargs(MAP *map, char *args);
/* map.c: skip blanks (sendmail's isspace on ASCII) */
char	*map_skipspace(char *p);
int	map_isspace(int c);

/*
 * map_rewrite -- sendmail's map_rewrite: S (LEN bytes) with %0..%9
 * replaced by AV[n] (missing: nothing), "%%" by "%", then -a appended.
 * With AV NULL the text is copied as is.  Returns a malloc'd string.
 */
char	*map_rewrite(const MAP *map, const char *s, size_t len,
	    const char *const *av);

/* map_lower -- a malloc'd copy of S with ASCII upper case folded. */
char	*map_lower(const char *s);

/* map_db_warm -- open MAP's database file and close it again, quietly,
 * leaving MAP as it was: only libsm/db.c's memory of verified files
 * changes (see map_warm). */
void	map_db_warm(MAP *map);

/* map_open -- sendmail's openmap: 1 open (maybe bogus), 0 not usable. */
int	map_open(MAP *map);

/* map_enter -- the map NAME for class MC: created, or an existing one
 * kept as it is (a K line declaring a name again) or emptied (FRESH). */
MAP	*map_enter(const char *name, const struct map_class *mc, int fresh);

/* map_class_find -- the class NAME (case-insensitive), or NULL. */
const struct map_class *map_class_find(const char *name);

/* Messages through the hooks.  map_syserr's ERR only chooses the exit
 * status (EX_OSERR when not 0): the text says the reason itself. */
void	map_syserr(int err, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
void	map_message(const char *fmt, ...)
	    __attribute__((format(printf, 1, 2)));
int	map_tTd(int cat, int level);
void	map_dprintf(const char *fmt, ...)
	    __attribute__((format(printf, 1, 2)));
int	map_macro_set(const char *name, const char *value);
void	map_spawn_setup(struct sm_spawn *sp);
void	map_alias_text(MAP *map, const char *file, FILE *fp);

/*
 * map_safefile -- sendmail's safefile() as the map classes use it: every
 * directory above PATH must exist and be neither group nor world
 * writable (after map_set_unsafe_dirpath(1) such a directory only gives
 * "WARNING: World writable directory DIR", unless FLAGS has
 * MAP_SFF_ANYDIR); with MAP_SFF_REGONLY, PATH must be a regular file
 * (symbolic links are followed).  Returns 0, or -1 with *whyp set ("World
 * writable directory", "Group writable directory" or strerror(errno)) and
 * errno.
 */
#define MAP_SFF_REGONLY	0x01
#define MAP_SFF_ANYDIR	0x02
int	map_safefile(const char *path, unsigned flags, const char **whyp);

/* map_db.c: open MAP's Berkeley DB file as class MC (hash or btree);
 * QUIET: no messages (the implicit class).  1, or 0. */
int	map_db_open(MAP *map, const struct map_class *mc, int quiet);

/* map_builtin.c: add KEY -> VALUE to a stab map (the alias reader). */
void	map_stab_store(MAP *map, const char *key, const char *value);

/* map_seq.c: "aliases.files" as a null map when the switch lists files. */
void	map_alias_defaults(void);

/* map_dirpath_fine -- every directory above PATH exists and is neither
 * group nor world writable (whatever map_set_unsafe_dirpath says). */
int	map_dirpath_fine(const char *path);

/* map_stripquotes -- remove unescaped double quotes from S in place. */
void	map_stripquotes(char *s);

#endif
