/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * mapcf.h -- what makemap reads from sendmail.cf: the TrustedUser option
 * (the owner of maps built as root) and, for the map types "cf" and "CF",
 * the class of the K line that names the map file.
 *
 * This is the real makemap's own small scan, kept as such because its
 * quirks are observable (only "O TrustedUser" with exactly one space
 * counts; the K line must end with the map's path), not sendmail's cf
 * reader.
 *
 * Public functions: mapcf_read, mapcf_kclass.
 *
 * Runs inside makemap; getpwnam(3) for a TrustedUser given by name.
 */
#ifndef TERN_MAPCF_H
#define TERN_MAPCF_H

#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>

struct mapcf {
	uid_t	mc_trusted;		/* TrustedUser's uid, 0 when none */
	bool	mc_found;		/* a K line named the map */
	char	mc_class[2048];		/* its class ("hash", "btree" ...) */
};

/*
 * mapcf_kclass -- if LINE (a K line, its newline cut) declares the map
 *	MAPFILE, copy its class to CLASS (SIZE bytes) and return 1; return 0
 *	when it names another file, -1 when the line has no map name or
 *	class (the real makemap then stops looking: "not found").
 *	FULLPATH ("cf"): MAPFILE must be the line's last word, whole, after
 *	white space.  Otherwise ("CF") MAPFILE is a base name without its
 *	extension and the last word's file name must match it the same way.
 *	LINE is changed.
 */
int	mapcf_kclass(char *line, const char *mapfile, bool fullpath,
	    char *class, size_t size);

/*
 * mapcf_read -- scan the cf CFILE.  MAPNAME (NULL: do not look for a K
 *	line) is the map as given to makemap; with FULLPATH false it is cut
 *	to its base name without extension first.  "TrustedUser: unknown
 *	user NAME" goes to ERR.
 * Returns 0, or EX_NOINPUT after "makemap: CFILE: reason" on ERR when
 *	the cf cannot be opened.
 */
int	mapcf_read(const char *cfile, const char *mapname, bool fullpath,
	    struct mapcf *mc, FILE *err);

#endif
