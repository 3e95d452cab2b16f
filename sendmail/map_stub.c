/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * map_stub.c -- map classes sendmail 8.17 on Debian is built with but
 * Tern does not serve: nis, nisplus, ldap, userdb.  Their K lines are
 * accepted with the same checks and messages, and lookups fail the way
 * the real binary's do on a host without NIS or an LDAP server: nis says
 * "NIS map X specified, but NIS not running", nisplus fails quietly,
 * ldap cannot bind ("ldap_init/ldap_bind failed to HOST in map X"),
 * userdb finds nothing.  All of them fail temporarily (EX_TEMPFAIL)
 * after the message, as a map that cannot be opened does.
 *
 * Public: map_nis_class, map_nisplus_class, map_ldap_class,
 * map_userdb_class (map_int.h).  Runs in the sendmail process.
 */
#include "sendmail/map_int.h"

#include "libsm/err.h"

#include <errno.h>
#include <netdb.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>

/* ---- nis, nisplus ---------------------------------------------------- */

static int
map_nis_open(MAP *map)
{
	if ((map->map_mflags & MAP_F_OPTIONAL) == 0)
		map_syserr(0, "NIS map %s specified, but NIS not running",
		    map->map_file);
	return 0;
}

static char *
map_none_lookup(MAP *map, const char *key, const char *const *av,
    int *statp)
{
	(void)map;
	(void)key;
	(void)av;
	*statp = EX_OK;
	return NULL;
}

static int
map_quiet_fail(MAP *map)
{
	(void)map;
	return 0;
}

const struct map_class map_nis_class = {
	"nis", MAP_CF_ALIASOK, map_parseargs, map_nis_open, map_none_lookup,
	NULL, NULL
};

const struct map_class map_nisplus_class = {
	"nisplus", MAP_CF_ALIASOK, map_parseargs, map_quiet_fail,
	map_none_lookup, NULL, NULL
};

/* ---- userdb ------------------------------------------------------------ */

const struct map_class map_userdb_class = {
	"userdb", 0, map_parseargs, NULL, map_none_lookup, NULL, NULL
};

/* ---- ldap -------------------------------------------------------------- */

/* The ldap K line: the server and whether a filter (-k) was given. */
struct map_ldap {
	char	*server;		/* -h hosts or -H URI */
	int	uri;			/* -H */
};

/* Flags ldapmap_parseargs knows besides the generic ones. */
static const char map_ldap_flags[] = "AaDdfhHkmNOoqSTtvzcRnVrsbpZlMPw1Kx";

/* One ldap flag at P (after `-'); its argument (the rest of the word, or
 * the next word) is taken for the value flags.  Returns the next word. */
static char *
map_ldap_flag(MAP *map, struct map_ldap *ml, char *p)
{
	char c = *p, *w;
	int quoted;

	if (c == '\0' || strchr(map_ldap_flags, c) == NULL) {
		map_syserr(0, "Illegal option %c map %s", c, map->map_mname);
		while (*p != '\0' && !map_isspace((unsigned char)*p))
			p++;
		return p;
	}
	if (strchr("ADfmNOoqtnR1Kx", c) != NULL) {
		if (c == 'o')
			map->map_mflags |= MAP_F_OPTIONAL;
		while (*p != '\0' && !map_isspace((unsigned char)*p))
			p++;
		return p;
	}
	w = map_skipspace(p + 1);
	quoted = *w == '"';
	if (quoted)
		w++;
	for (p = w; *p != '\0' && (quoted ? *p != '"' :
	    !map_isspace((unsigned char)*p)); p++)
		continue;
	if (*p != '\0')
		*p++ = '\0';
	if (c == 'k') {
		free(map->map_keycolnm);
		map->map_keycolnm = sm_strdup_x(w);
	} else if (c == 'h' || c == 'H') {
		free(ml->server);
		ml->server = sm_strdup_x(w);
		ml->uri = c == 'H';
	} else if (c == 'a') {
		free(map->map_app);
		map->map_app = sm_strdup_x(w);
	} else if (c == 'T') {
		free(map->map_tapp);
		map->map_tapp = sm_strdup_x(w);
	}
	return p;
}

static int
map_ldap_parse(MAP *map, char *args)
{
	struct map_ldap *ml = sm_calloc_x(1, sizeof(*ml));
	char *p = args;

	map->map_priv = ml;
	for (;;) {
		p = map_skipspace(p);
		if (*p != '-')
			break;
		p = map_ldap_flag(map, ml, p + 1);
	}
	if (map->map_keycolnm == NULL) {
		map_syserr(0, "No filter given in map %s", map->map_mname);
		return 0;
	}
	return 1;
}

/* Cannot bind: the host names an address (the connection fails: errno
 * ENOTCONN, as libldap reports it) or not (no errno). */
static int
map_ldap_open(MAP *map)
{
	struct map_ldap *ml = map->map_priv;
	const char *host = ml->server != NULL ? ml->server : "localhost";
	struct addrinfo hints, *ai = NULL;
	int err = 0;

	if ((map->map_mflags & MAP_F_OPTIONAL) != 0)
		return 0;
	memset(&hints, 0, sizeof(hints));
	hints.ai_socktype = SOCK_STREAM;
	if (!ml->uri && getaddrinfo(host, NULL, &hints, &ai) == 0) {
		err = ENOTCONN;
		freeaddrinfo(ai);
	}
	if (err != 0)
		map_syserr(err, "ldap_init/ldap_bind failed to %s in map %s: "
		    "%s", host, map->map_mname, strerror(err));
	else
		map_syserr(0, "ldap_init/ldap_bind failed to %s in map %s",
		    host, map->map_mname);
	return 0;
}

static void
map_ldap_free(MAP *map)
{
	struct map_ldap *ml = map->map_priv;

	if (ml != NULL)
		free(ml->server);
	free(ml);
	map->map_priv = NULL;
}

const struct map_class map_ldap_class = {
	"ldap", MAP_CF_ALIASOK | MAP_CF_OPTFILE, map_ldap_parse, map_ldap_open,
	map_none_lookup, NULL, map_ldap_free
};
