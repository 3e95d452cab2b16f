/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * map.h -- sendmail.cf maps (K lines) behind one small vtable.
 *
 * The core (readcf.c) declares each K line with map_kline() (or
 * map_declare() when it has split the line itself); the rewriting engine
 * looks keys up with map_lookup() for $( map key $@ arg $: default $) and
 * $[ host $]; -bt's /map calls map_bt_cmd() or map_bt().  Each map class
 * lives in its own file (map_db.c: hash btree; map_text.c; map_builtin.c:
 * dequote arith macro null syslog arpa user stab; map_seq.c: sequence
 * switch implicit; map_regex.c; map_prog.c: program; map_socket.c;
 * map_host.c: host bestmx; map_stub.c: classes sendmail 8.17 on Debian
 * knows but Tern does not serve) and registers a struct map_class in the
 * table of map.c.
 *
 * Maps open on first use, as in sendmail's -bt: a map that cannot be
 * opened reports it once and then fails every lookup temporarily (status
 * EX_TEMPFAIL), or, with -o, is "not open" and behaves as empty.
 *
 * The engine talks to the rest of the MTA through struct map_hooks, set
 * once at start.  Every message of the map layer (sendmail's syserr and
 * message lines) goes through them, in the order sendmail prints them; in
 * -bt they must reach the same stdio stream as map_bt's OUT.
 *
 * Process-wide state (one map table per process, as in sendmail).
 */
#ifndef TERN_MAP_H
#define TERN_MAP_H

#include <stddef.h>
#include <stdio.h>

#define MAP_MAXARGS	9	/* %1 .. %9 in values */

typedef struct map MAP;
struct sm_spawn;

/* What the map layer needs from the core.  Any member may be NULL. */
struct map_hooks {
	/* value of macro NAME ("j" or "{client_addr}" style), NULL if unset
	 * (no class needs it yet) */
	const char	*(*mh_macro_get)(const char *name);
	/* set macro NAME ("x" or "{name}", as the key is written) to VALUE
	 * (NULL: unset) -- the `macro' class.  Returns 0, or -1 when NAME is
	 * not a macro name (after the core's messages): status EX_CONFIG */
	int		(*mh_macro_set)(const char *name, const char *value);
	/* sendmail's syserr(): print TEXT as it is (any ": reason" is in it
	 * already), with the "FILE: line N: " prefix while the cf is read,
	 * and set the exit status if none is set: EX_OSERR when ERR (an
	 * errno value) is not 0, else EX_SOFTWARE.  NULL: TEXT to stderr. */
	void		(*mh_syserr)(int err, const char *text);
	/* sendmail's message(): an informational line.  NULL: stderr. */
	void		(*mh_message)(const char *text);
	/* sm_tTd(CAT, LEVEL): is debug category CAT on at LEVEL? */
	int		(*mh_tTd)(int cat, int level);
	/* print a -d trace piece (no newline added); NULL: stdout */
	void		(*mh_dprint)(const char *text);
	/* print S in a -d trace as sendmail's xputs does (metasymbols as
	 * "$|" ...): the key of "map_lookup(NAME, KEY"; NULL: as is */
	void		(*mh_dxputs)(const char *s);
	/* 1 when the envelope's delivery mode is "defer": maps declared -D
	 * are not looked up (temporary failure instead) */
	int		(*mh_defermode)(void);
	/* the `program' class is about to run SP (libsm/spawn.h, filled
	 * with argv, stdin/stderr /dev/null, cwd "/", environment
	 * "AGENT=sendmail"): set sp_uid/sp_gid/sp_groups to DefaultUser and
	 * sp_envp to the mailers' environment, as sendmail does */
	void		(*mh_spawn_setup)(struct sm_spawn *sp);
	/* a `stab' map (an alias file that has no database) is opened: read
	 * the aliases of FILE (open as FP) into MAP with map_store, with
	 * sendmail's messages; NULL: the map stays empty */
	void		(*mh_alias_text)(MAP *map, const char *file, FILE *fp);
};

/*
 * map_init -- install the hooks (copied; NULL: none).  Call once before
 * any declaration; may be called again (tests).
 */
void	map_init(const struct map_hooks *hooks);

/*
 * map_kline -- a K line: TEXT is the line without its leading `K'
 * ("name class -flags args").  Name and class are split as sendmail does
 * (a name is a letter or digit followed by letters, digits, `_', `.';
 * the byte after it is dropped).  FILE and LINE are unused (messages get
 * their place from the hook) and kept for callers' convenience.
 * Returns the map (possibly not valid: its own messages, such as
 * "No file name for text map x" or "Illegal option q map x", went through
 * mh_syserr and /map then says "not open"), or NULL when no map was
 * declared, with *errp set to sendmail's message ("readcf: config K line:
 * no map name", "readcf: map x: class y not available"); the caller
 * prints that one as a syserr.  *errp points to static storage.
 */
MAP	*map_kline(const char *text, const char *file, int line,
	    const char **errp);

/*
 * map_declare -- as map_kline, with the name, the class and the rest of
 * the line (ARGS: -flags then the file or class arguments) already split.
 * A second declaration of a name replaces the first in place (a MAP
 * pointer stays valid).  Returns NULL only for an unknown class.
 */
MAP	*map_declare(const char *name, const char *mclass, const char *args,
	    const char *file, int line, const char **errp);

/* map_find -- the declared map NAME (case-insensitive), or NULL. */
MAP	*map_find(const char *name);

/* map_name -- the name MAP was declared with. */
const char *map_name(const MAP *map);

/*
 * map_spacesub -- the byte the engine puts between key tokens that
 * sendmail separates by a blank when it builds a lookup key: the map's
 * -S character, or 0 when none was given (then the BlankSub option's).
 */
int	map_spacesub(const MAP *map);

/*
 * map_lookup -- look KEY up in MAP as the rewriting engine does: open the
 * map on first use (a map that cannot be opened and is optional gives no
 * match), -D in defer mode, dequoting of the key unless -q, the class
 * lookup (case folding, NUL conventions, -m, -a, %0 = the key, %1..%n =
 * ARGS, NARGS of them), -T on a temporary failure, the -d60 traces.
 * Returns a malloc'd value (caller frees), or NULL for no match.  *statp
 * gets EX_TEMPFAIL on a temporary failure (unless the map has -t), else
 * EX_OK; on EX_TEMPFAIL the caller may note "NAME map: lookup (KEY):
 * deferred" as sendmail does.  With -T the key plus that string is the
 * value and *statp is still EX_TEMPFAIL.
 */
char	*map_lookup(MAP *map, const char *key, const char *const *args,
	    int nargs, int *statp);

/*
 * map_bt -- -bt's "/map NAME KEY": prints to OUT exactly what sendmail 8.17
 * prints ("map_lookup: NAME (KEY) returns VALUE (STAT)", "... no match
 * (STAT)", "Map named \"NAME\" not found", "... not open").  The class
 * lookup is called directly, as there: no dequoting, no -T.
 */
void	map_bt(FILE *out, const char *name, const char *key);

/*
 * map_bt_cmd -- the whole argument text of "/map" (after "/map" and the
 * blanks following it, trailing blanks already removed): prints "Usage:
 * /map mapname key" when empty, "No key specified" when there is no
 * blank after the name, else splits at the first blank (exactly one blank
 * is dropped: "/map t  k" looks up " k") and calls map_bt.
 */
void	map_bt_cmd(FILE *out, const char *args);

/*
 * map_host_defaults -- what sendmail adds after reading the cf: the map
 * "host" (class host, with "-a. -D" at config level >= 2) unless one was
 * declared, "aliases.files" (class null) when the service switch lists
 * "files" for aliases and no such map exists, and "aliases" (switch over
 * the aliases service) unless declared.  Call once after the cf is read
 * (and after map_setalias for the AliasFile option).
 */
void	map_host_defaults(int cflevel);

/*
 * map_setalias -- the AliasFile option: SPEC is a comma list of
 * "[class:]file" (class implicit when omitted).  Declares the sequence
 * map "aliases.files" and its members "Alias0", "Alias1", ... as
 * sendmail does; messages through mh_syserr.
 */
void	map_setalias(const char *spec);

/*
 * map_set_unsafe_dirpath -- DontBlameSendmail=MapInUnsafeDirPath: map
 * files below a group or world writable directory are used after a
 * "WARNING: World writable directory DIR" message instead of refused.
 */
void	map_set_unsafe_dirpath(int allow);

/*
 * map_store -- add KEY -> VALUE to a `stab' map (the alias reader, from
 * mh_alias_text); keys compare without regard to case.  Other classes
 * ignore it.
 */
void	map_store(MAP *map, const char *key, const char *value);

/* map_close_all -- close every open map (at exit and before a re-read);
 * the next lookup opens it again. */
void	map_close_all(void);

/*
 * map_warm -- before a daemon forks its sessions: check every hash and
 * btree map file once (Berkeley DB's verifier, libsm/db.c), so that the
 * processes forked after it find the unchanged files already checked.
 * No map is left open and no map's state changes; failures are silent
 * (each process reports them at first use, as before).
 */
void	map_warm(void);

/* map_free_all -- close and forget every map (tests, config re-read). */
void	map_free_all(void);

#endif
