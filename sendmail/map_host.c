/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * map_host.c -- the `host' map class ($[ host $] and e.g. Kresolve host
 * -a<OKR> -T<TEMP>) and the `bestmx' class, both over domain.c.
 *
 * host: a name is replaced by its canonical name (domain_getcanonname:
 * the hosts file and DNS as the service switch says); an address literal
 * "[a.b.c.d]" or "[IPv6:...]" by the name it maps back to.  A miss is
 * EX_NOHOST (68), a resolver failure EX_TEMPFAIL (with "NAME: Name server
 * timeout" when DNS is a method, shown while msg.h is verbose).  The K line takes
 * sendmail's flags; unknown ones are ignored without a message, and no
 * file argument is needed.  sendmail declares "host host -a. -D" itself
 * (map_host_defaults).
 *
 * bestmx: the best MX host of the key, or with -zDELIM all of them
 * joined by DELIM; none (or no DNS): no match, EX_OK.
 *
 * Public: map_host_class, map_bestmx_class (map_int.h).
 * Runs in the sendmail process; lookups may wait for the resolver (its
 * own timeouts) but never block without a network.
 */
#include "sendmail/map_int.h"

#include "sendmail/domain.h"
#include "sendmail/msg.h"
#include "libsm/err.h"
#include "libsm/str.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>

/* One flag of a host K line at P (after `-'); returns the next word. */
static char *
map_host_flag(MAP *map, char *p)
{
	char *w;

	switch (*p) {
	case 'a':
	case 'T':
		for (w = ++p; *p != '\0' && !map_isspace((unsigned char)*p);
		    p++)
			continue;
		if (*p != '\0')
			*p++ = '\0';
		if (w[-1] == 'a') {
			free(map->map_app);
			map->map_app = sm_strdup_x(w);
		} else {
			free(map->map_tapp);
			map->map_tapp = sm_strdup_x(w);
		}
		return p;
	case 'D':
		map->map_mflags |= MAP_F_DEFER;
		break;
	case 'f':
		map->map_mflags |= MAP_F_NOFOLD;
		break;
	case 'm':
		map->map_mflags |= MAP_F_MATCHONLY;
		break;
	case 'q':
		map->map_mflags |= MAP_F_KEEPQUOTES;
		break;
	case 't':
		map->map_mflags |= MAP_F_NODEFER;
		break;
	case 'S':
		map->map_spacesub = (unsigned char)p[1];
		break;
	}
	while (*p != '\0' && !map_isspace((unsigned char)*p))
		p++;
	return p;
}

/* sendmail's host_map_init: flags only, none of them an error. */
static int
map_host_parse(MAP *map, char *args)
{
	char *p = args;

	for (;;) {
		p = map_skipspace(p);
		if (*p != '-')
			return 1;
		p = map_host_flag(map, p + 1);
	}
}

/* The status of a failed reverse lookup, from the resolver's h_errno
 * (which, as in sendmail, may be left over from an earlier lookup). */
static int
map_host_herrno(void)
{
	switch (h_errno) {
	case HOST_NOT_FOUND:
	case NO_DATA:
		return EX_NOHOST;
	case TRY_AGAIN:
		return EX_TEMPFAIL;
	default:
		return EX_UNAVAILABLE;
	}
}

/*
 * "[a.b.c.d]", "[IPv6:...]" or "[...]" (anything after the first `]' is
 * ignored): the name the address maps back to, into BUF.  No `]' at all:
 * no match with EX_OK; not an address or not found: a status from
 * h_errno.  IPv4 is read as inet_addr(3) reads it ("127.1" too).
 */
static int
map_host_literal(const char *key, char *buf, size_t size, int *statp)
{
	unsigned char a6[16];
	struct in_addr a4;
	char *lit = sm_strdup_x(key + 1), *end = strchr(lit, ']'), *p = lit;
	struct hostent *he = NULL;

	*statp = EX_OK;
	if (end == NULL) {
		free(lit);
		return 0;
	}
	*end = '\0';
	if ((a4.s_addr = inet_addr(p)) != INADDR_NONE)
		he = gethostbyaddr(&a4, sizeof(a4), AF_INET);
	if (strncasecmp(p, "IPv6:", 5) == 0)
		p += 5;
	if (he == NULL && inet_pton(AF_INET6, p, a6) == 1)
		he = gethostbyaddr(a6, sizeof(a6), AF_INET6);
	free(lit);
	if (he == NULL || he->h_name == NULL) {
		*statp = map_host_herrno();
		return 0;
	}
	if (strlen(he->h_name) >= size) {
		*statp = EX_NOHOST;
		return 0;
	}
	memcpy(buf, he->h_name, strlen(he->h_name) + 1);
	return 1;
}

static char *
map_host_lookup(MAP *map, const char *key, const char *const *av,
    int *statp)
{
	char buf[MAP_MAXNAME + 1];
	int found;

	*statp = EX_OK;
	if (strlen(key) >= sizeof(buf) - 1) {
		*statp = EX_NOHOST;
		return NULL;
	}
	if (key[0] == '[')
		found = map_host_literal(key, buf, sizeof(buf), statp);
	else {
		memcpy(buf, key, strlen(key) + 1);
		found = domain_getcanonname(buf, sizeof(buf) - 1, 1, statp);
	}
	if (!found) {
		/* as sendmail: the resolver's word decides, so a hosts file
		 * miss after an unreachable name server is a deferral */
		if (key[0] != '[')
			*statp = *statp != EX_OK && h_errno == TRY_AGAIN ?
			    EX_TEMPFAIL : EX_NOHOST;
		if (*statp == EX_TEMPFAIL && domain_usenameserver())
			msg_info("851 %s: Name server timeout",
			    msg_shorten(key, 33));
		return NULL;
	}
	*statp = EX_OK;
	if ((map->map_mflags & MAP_F_MATCHONLY) != 0)
		return map_rewrite(map, key, strlen(key), NULL);
	return map_rewrite(map, buf, strlen(buf), av);
}

const struct map_class map_host_class = {
	"host", MAP_CF_OPTFILE, map_host_parse, NULL, map_host_lookup, NULL,
	NULL
};

/* ---- bestmx ---------------------------------------------------------------- */

static char *
map_bestmx_lookup(MAP *map, const char *key, const char *const *av,
    int *statp)
{
	char *mx[DOMAIN_MAXMX], *v;
	SM_STR *all;
	int n, i;

	*statp = EX_OK;
	n = domain_getmx(key, mx, NULL, 0, statp);
	if (n <= 0)
		return NULL;
	if ((map->map_mflags & MAP_F_MATCHONLY) != 0)
		v = map_rewrite(map, key, strlen(key), NULL);
	else if (map->map_coldelim == 0)
		v = map_rewrite(map, mx[0], strlen(mx[0]), av);
	else {
		all = sm_str_new(0);
		for (i = 0; i < n; i++) {
			if (i > 0)
				(void)sm_str_addc(all, map->map_coldelim);
			(void)sm_str_adds(all, mx[i]);
		}
		v = map_rewrite(map, sm_str_data(all), sm_str_len(all), av);
		sm_str_free(all);
	}
	domain_freemx(mx, n);
	return v;
}

const struct map_class map_bestmx_class = {
	"bestmx", MAP_CF_OPTFILE, map_parseargs, NULL, map_bestmx_lookup,
	NULL, NULL
};
