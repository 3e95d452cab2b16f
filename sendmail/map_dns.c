/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * map_dns.c -- the `dns' map class: one DNS query per lookup.
 *
 *	Kname dns -RTYPE [-BBASEDOMAIN] [-zDELIM] [-ZMAX] [-d..] [-r..] ...
 *
 * TYPE is one of A AAAA AFSDB CNAME MX NS PTR SRV TXT (any case).  The
 * value is the first record's data, or with -z every record's joined by
 * DELIM (at most -Z of them): an address for A/AAAA, a name for CNAME NS
 * PTR and MX (the exchange) and AFSDB, "priority weight port target" for
 * SRV, the text for TXT.  No answer: EX_NOTFOUND; resolver failure (no
 * server, as on a machine without network): EX_TEMPFAIL.  Flags sendmail
 * does not know here are ignored silently; a missing or unknown -R is
 * reported and the map then finds nothing.
 *
 * Public: map_dns_class (map_int.h).  Runs in the sendmail process; the
 * resolver's own timeouts bound a lookup.
 */
#include "sendmail/map_int.h"

#include "libsm/err.h"
#include "libsm/str.h"

#include <arpa/inet.h>
#include <arpa/nameser.h>
#include <netdb.h>
#include <netinet/in.h>
#include <resolv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct map_dns {
	int	type;		/* ns_t_*, 0: none given */
	char	*base;		/* -B */
	int	max;		/* -Z, 0: no limit */
};

static const struct {
	const char	*name;
	int		type;
} map_dns_types[] = {
	{ "A", ns_t_a }, { "AAAA", ns_t_aaaa }, { "AFSDB", ns_t_afsdb },
	{ "CNAME", ns_t_cname }, { "MX", ns_t_mx }, { "NS", ns_t_ns },
	{ "PTR", ns_t_ptr }, { "SRV", ns_t_srv }, { "TXT", ns_t_txt },
};

/* The argument of a flag at P (the rest of its word); *PP after it. */
static char *
map_dns_arg(char *p, char **pp)
{
	char *w = p;

	while (*p != '\0' && !map_isspace((unsigned char)*p))
		p++;
	if (*p != '\0')
		*p++ = '\0';
	*pp = p;
	return w;
}

static void
map_dns_type(MAP *map, struct map_dns *md, const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(map_dns_types) / sizeof(map_dns_types[0]); i++)
		if (strcasecmp(name, map_dns_types[i].name) == 0) {
			md->type = map_dns_types[i].type;
			return;
		}
	map_syserr(0, "dns map %s: wrong type %s", map->map_mname, name);
}

/* One flag at P (after `-'); returns where the next may start. */
static char *
map_dns_flag(MAP *map, struct map_dns *md, char *p)
{
	char c = *p, *w;

	if (c == '\0')		/* a lone "-" at the end */
		return p;
	/* these take their value from the next word when it is apart */
	if (strchr("RBZdr", c) != NULL)
		p = map_skipspace(p + 1) - 1;
	w = map_dns_arg(p + 1, &p);
	switch (c) {
	case 'R':
		map_dns_type(map, md, w);
		break;
	case 'B':
		free(md->base);
		md->base = sm_strdup_x(w);
		break;
	case 'Z':
		md->max = atoi(w);
		break;
	case 'z':
		map->map_coldelim = (unsigned char)*w;
		break;
	case 'a':
		free(map->map_app);
		map->map_app = sm_strdup_x(w);
		break;
	case 'T':
		free(map->map_tapp);
		map->map_tapp = sm_strdup_x(w);
		break;
	case 'o':
		map->map_mflags |= MAP_F_OPTIONAL;
		break;
	case 'm':
		map->map_mflags |= MAP_F_MATCHONLY;
		break;
	case 'D':
		map->map_mflags |= MAP_F_DEFER;
		break;
	case 't':
		map->map_mflags |= MAP_F_NODEFER;
		break;
	case 'q':
		map->map_mflags |= MAP_F_KEEPQUOTES;
		break;
	case 'S':
		map->map_spacesub = (unsigned char)*w;
		break;
	}
	return p;
}

static int
map_dns_parse(MAP *map, char *args)
{
	struct map_dns *md = sm_calloc_x(1, sizeof(*md));
	char *p = args;

	map->map_priv = md;
	for (;;) {
		p = map_skipspace(p);
		if (*p != '-')
			break;
		p = map_dns_flag(map, md, p + 1);
	}
	if (md->type == 0)
		map_syserr(0, "dns map %s: missing -R type", map->map_mname);
	return 1;
}

static void
map_dns_free(MAP *map)
{
	struct map_dns *md = map->map_priv;

	if (md != NULL)
		free(md->base);
	free(md);
	map->map_priv = NULL;
}

/* The text of one answer record RR of MSG into OUT. */
static void
map_dns_rdata(ns_msg *msg, ns_rr *rr, SM_STR *out)
{
	const unsigned char *rd = ns_rr_rdata(*rr);
	char name[NS_MAXDNAME], addr[INET6_ADDRSTRLEN];
	unsigned n = ns_rr_rdlen(*rr), i, l;

	switch (ns_rr_type(*rr)) {
	case ns_t_a:
	case ns_t_aaaa:
		if (inet_ntop(n == 4 ? AF_INET : AF_INET6, rd, addr,
		    sizeof(addr)) != NULL)
			(void)sm_str_adds(out, addr);
		break;
	case ns_t_mx:
	case ns_t_afsdb:
		if (n > 2 && dn_expand(ns_msg_base(*msg), ns_msg_end(*msg),
		    rd + 2, name, sizeof(name)) >= 0)
			(void)sm_str_adds(out, name);
		break;
	case ns_t_srv:
		if (n > 6 && dn_expand(ns_msg_base(*msg), ns_msg_end(*msg),
		    rd + 6, name, sizeof(name)) >= 0)
			(void)sm_str_addf(out, "%u %u %u %s", ns_get16(rd),
			    ns_get16(rd + 2), ns_get16(rd + 4), name);
		break;
	case ns_t_txt:
		for (i = 0; i < n; i += l + 1) {
			l = rd[i];
			if (i + 1 + l > n)
				break;
			(void)sm_str_add(out, rd + i + 1, l);
		}
		break;
	default:
		if (dn_expand(ns_msg_base(*msg), ns_msg_end(*msg), rd, name,
		    sizeof(name)) >= 0)
			(void)sm_str_adds(out, name);
		break;
	}
}

/* Collect the answers of type TYPE from the reply ANS (LEN bytes). */
static int
map_dns_answers(const MAP *map, const struct map_dns *md,
    const unsigned char *ans, int len, SM_STR *out)
{
	ns_msg msg;
	ns_rr rr;
	int i, got = 0;

	if (ns_initparse(ans, len, &msg) < 0)
		return 0;
	for (i = 0; i < ns_msg_count(msg, ns_s_an); i++) {
		if (ns_parserr(&msg, ns_s_an, i, &rr) < 0)
			break;
		if ((int)ns_rr_type(rr) != md->type)
			continue;
		if (got > 0 && map->map_coldelim == 0)
			break;
		if (got > 0)
			(void)sm_str_addc(out, map->map_coldelim);
		map_dns_rdata(&msg, &rr, out);
		if (++got == md->max)
			break;
	}
	return got;
}

static char *
map_dns_lookup(MAP *map, const char *key, const char *const *av,
    int *statp)
{
	struct map_dns *md = map->map_priv;
	unsigned char ans[NS_PACKETSZ * 4];
	SM_STR *q = sm_str_new(0), *out = sm_str_new(0);
	char *v = NULL;
	int n;

	*statp = MAP_EX_NOTFOUND;
	if (md->type == 0)
		goto done;
	(void)sm_str_adds(q, key);
	if (md->base != NULL)
		(void)sm_str_addf(q, ".%s", md->base);
	n = res_search(sm_str_data(q), ns_c_in, md->type, ans, sizeof(ans));
	if (n < 0) {
		if (h_errno == TRY_AGAIN || h_errno == NO_RECOVERY)
			*statp = EX_TEMPFAIL;
		goto done;
	}
	if (map_dns_answers(map, md, ans, n < (int)sizeof(ans) ? n :
	    (int)sizeof(ans), out) == 0)
		goto done;
	*statp = EX_OK;
	if ((map->map_mflags & MAP_F_MATCHONLY) != 0)
		v = map_rewrite(map, key, strlen(key), NULL);
	else
		v = map_rewrite(map, sm_str_data(out), sm_str_len(out), av);
done:
	sm_str_free(q);
	sm_str_free(out);
	return v;
}

const struct map_class map_dns_class = {
	"dns", MAP_CF_OPTFILE, map_dns_parse, NULL, map_dns_lookup, NULL,
	map_dns_free
};
