/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * domain.h -- host names: this host's identity, canonical names, MX records,
 * honouring the service switch (ServiceSwitchFile, e.g. "hosts files") and
 * no-DNS setups; never blocks when there is no network.
 */
#ifndef TERN_DOMAIN_H
#define TERN_DOMAIN_H

#include <stddef.h>

#define DOMAIN_MAXMX	100

/* This host as sendmail sees it at start. */
struct domain_self {
	char	ds_fqdn[256];		/* $j */
	char	ds_short[256];		/* $w (config level >= 5) */
	char	ds_domain[256];		/* $m */
	char	**ds_names;		/* every name for $=w, in sendmail's order
					   of insertion; NULL-terminated */
	char	**ds_addrs;		/* "[a.b.c.d]" literals for $=w */
};

/*
 * domain_self -- fill DS from the system host name and the resolver
 * (hosts file per the switch).  Returns 0, or -1 with *errp.
 * domain_self_free releases the lists.
 */
int	domain_self(struct domain_self *ds, const char **errp);
void	domain_self_free(struct domain_self *ds);

/*
 * domain_getcanonname -- replace HOST (buffer of HSIZE bytes) by its
 * canonical name as sendmail's getcanonname does; TRYMX as there.
 * Returns 1 if found (HOST rewritten), 0 if not; *statp gets EX_OK,
 * EX_NOHOST, EX_TEMPFAIL ...
 */
int	domain_getcanonname(char *host, size_t hsize, int trymx, int *statp);

/*
 * domain_getmxrr -- MX hosts of HOST, best first, into MX (up to
 * DOMAIN_MAXMX malloc'd strings).  Returns the count (0 when none or no
 * DNS), or -1 with *statp on error.  domain_freemx frees them.
 */
int	domain_getmxrr(const char *host, char **mx, int *statp);
void	domain_freemx(char **mx, int n);

/* domain_switch -- the services configured for SERVICE ("hosts",
 * "aliases") from the ServiceSwitchFile, as a NULL-terminated list
 * ("files", "dns", "nis" ...). */
const char *const *domain_switch(const char *service);
/* domain_set_switch_file -- the ServiceSwitchFile option's value. */
void	domain_set_switch_file(const char *path);

#endif
