/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * domain.h -- host names: this host's identity, canonical names, MX records,
 * honouring the service switch (ServiceSwitchFile, e.g. "hosts files") and
 * no-DNS setups; never blocks when there is no network.
 *
 * The rules are sendmail 8.17's, as observed in the pinned environment of
 * the -bt corpus (see domain.c for the details):
 *  - the "hosts" service switch decides the methods, in order: "files"
 *    reads HostsFile itself (not through the C library), "dns" uses the
 *    resolver, anything else (nis, nisplus, ...) is not available here and
 *    is skipped.  Without any "hosts" line the methods are "dns files".
 *    MX records are looked up only when "dns" is listed.
 *  - a name found without a dot gets ".$m" appended; a trailing dot is
 *    dropped; a name in our own domain is also matched by its first label.
 *
 * Runs in every sendmail process; domain_self at start, the lookups
 * whenever the rewriting engine asks ($[ $], /canon, /mx, delivery).
 */
#ifndef TERN_DOMAIN_H
#define TERN_DOMAIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define DOMAIN_MAXMX	100
#define DOMAIN_MAXNAME	256	/* sendmail's MAXNAME */

/* This host as sendmail sees it at start. */
struct domain_self {
	char	ds_fqdn[256];		/* $j (and $w before the V line) */
	char	ds_short[256];		/* $w (config level >= 5) */
	char	ds_domain[256];		/* $m ("" when the name has no dot) */
	char	ds_node[256];		/* $k: the uname node name */
	bool	ds_qualified;		/* ds_fqdn has a dot */
	char	**ds_names;		/* every name for $=w, in sendmail's
					   order of insertion (fqdn, node name,
					   the host entry's aliases, then names
					   of probed interfaces); NULL-ended */
	char	**ds_addrs;		/* "[a.b.c.d]" literals for $=w: the
					   host entry's addresses, then probed
					   interfaces; NULL-terminated */
};

/*
 * domain_self -- fill DS from the system host name (gethostname) and the
 * host entry the C library gives for it (aliases and IPv4 addresses), as
 * sendmail does before it reads the cf.  An unqualified name stays
 * unqualified (ds_qualified false); unlike sendmail this never sleeps.
 * Returns 0, or -1 with *errp when the host name cannot be had.
 * domain_self_free releases the lists.
 */
int	domain_self(struct domain_self *ds, const char **errp);
void	domain_self_free(struct domain_self *ds);

/*
 * domain_self_from -- the same from given facts (for tests and for a host
 * name set by the command line): HOSTNAME as gethostname gave it, the
 * host entry's official NAME, ALIASES and ADDRS ("1.2.3.4", NULL-
 * terminated; any may be NULL), NODE the uname node name (NULL: the
 * result's fqdn).  Returns 0.
 */
int	domain_self_from(struct domain_self *ds, const char *hostname,
	    const char *name, const char *const *aliases,
	    const char *const *addrs, const char *node);

/*
 * domain_probe -- sendmail's interface probe (DontProbeInterfaces): each
 * IPv4 address of an interface that is up is added to ds_addrs as
 * "[a.b.c.d]" (unless already there or ISLOCAL says it is in $=w), and
 * the names the C library gives for it to ds_names -- except for loopback
 * interfaces when SKIPLOOPBACK.  An interface up with 0.0.0.0 is reported
 * through dc_message ("WARNING: interface eth0 is UP with 0.0.0.0
 * address").  Returns the number of literals added, or -1 when the
 * interfaces cannot be listed.
 */
int	domain_probe(struct domain_self *ds, bool skiploopback,
	    int (*islocal)(void *ctx, const char *word), void *ctx);

/* What the lookups need from the configuration and the core. */
struct domain_conf {
	const char	*dc_hostsfile;	/* HostsFile (NULL: /etc/hosts) */
	const char	*dc_fallbackmx;	/* FallbackMXhost or NULL */
	bool		dc_haswildcardmx;	/* HasWildcardMX */
	bool		dc_trynullmxlist;	/* TryNullMXList */
	bool		dc_dontexpandcnames;	/* DontExpandCnames */
	int		dc_configlevel;		/* the V line */
	const char	*dc_myhostname;		/* $j, for messages */
	/* current $m (NULL if unset) */
	const char	*(*dc_domain)(void *ctx);
	/* is WORD in $=w? (NULL: no) */
	int		(*dc_islocal)(void *ctx, const char *word);
	/* report a sendmail syserr ("MX list for x points back to y": the
	 * exit status becomes 70) or message (a warning) */
	void		(*dc_syserr)(void *ctx, const char *text);
	void		(*dc_message)(void *ctx, const char *text);
	void		*dc_ctx;
};

/* domain_configure -- install DC (copied; strings must outlive the run). */
void	domain_configure(const struct domain_conf *dc);

/*
 * domain_getcanonname -- replace HOST (buffer of HSIZE bytes) by its
 * canonical name as sendmail's getcanonname does; TRYMX as there (accept
 * an MX record as proof of existence).  Returns 1 if found (HOST
 * rewritten), 0 if not; *statp gets EX_OK, EX_NOHOST, EX_TEMPFAIL,
 * EX_UNAVAILABLE ... (the last method's status); after a failure h_errno
 * is TRY_AGAIN when any method could not answer now (no name server
 * reachable), else HOST_NOT_FOUND.
 */
int	domain_getcanonname(char *host, size_t hsize, int trymx, int *statp);

/* domain_usenameserver -- is "dns" a "hosts" method (UseNameServer)? */
bool	domain_usenameserver(void);

/* domain_getmx flags */
#define DOMAIN_DROPLOCALHOST	0x01	/* drop MX hosts at or after us */
#define DOMAIN_TRYFALLBACK	0x02	/* append FallbackMXhost */

/*
 * domain_getmx -- MX hosts of HOST, best first, into MX (up to
 * DOMAIN_MAXMX malloc'd strings, names with a trailing dot as sendmail
 * gives them; PREFS may be NULL).  No MX records: 0, or 1 with HOST itself
 * for an address literal "[1.2.3.4]" or a "[name]" that has a canonical
 * name.  Returns the count, -1 on error (*statp EX_TEMPFAIL when DNS could
 * not be asked, EX_CONFIG ...), or -2 for a null MX ("MX 0 .",
 * *statp EX_UNAVAILABLE).  domain_freemx frees them.
 */
int	domain_getmx(const char *host, char **mx, unsigned short *prefs,
	    int flags, int *statp);
/* domain_getmxrr -- domain_getmx as -bt's /mx calls it (TRYFALLBACK) */
int	domain_getmxrr(const char *host, char **mx, int *statp);
void	domain_freemx(char **mx, int n);

/* domain_bt_canon, domain_bt_mx -- -bt's "/canon HOST" and "/mx HOST"
 * output, exactly as sendmail 8.17 prints it */
void	domain_bt_canon(FILE *out, const char *host);
void	domain_bt_mx(FILE *out, const char *host);

/*
 * domain_switch -- the services configured for SERVICE ("hosts",
 * "aliases") by the service switch files read so far, as a NULL-
 * terminated list ("files", "dns", "nis" ...).  A service no file names
 * gets sendmail's fallback: hosts "dns files", aliases "files", others
 * nothing.
 */
const char *const *domain_switch(const char *service);
/*
 * domain_set_switch_file -- the ServiceSwitchFile option's value: read at
 * the next lookup on top of what earlier files said (as in sendmail, a
 * service the new file does not name keeps its old methods; the compiled-
 * in /etc/mail/service.switch is always read first).  NULL forgets every
 * file read so far.
 */
void	domain_set_switch_file(const char *path);
/* domain_set_switch_default -- the file read first instead of
 * /etc/mail/service.switch (NULL: that one again); for tests. */
void	domain_set_switch_default(const char *path);

#endif
