/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * domain.c -- this host's names, canonical names and MX records, the way
 * sendmail 8.17 finds them.
 *
 * Public: domain_self, domain_self_from, domain_self_free, domain_probe,
 * domain_configure, domain_getcanonname, domain_getmx, domain_getmxrr,
 * domain_freemx, domain_bt_canon, domain_bt_mx, domain_switch,
 * domain_set_switch_file, domain_set_switch_default, domain_usenameserver.
 *
 * The service switch file ("hosts files dns", one service a line, '#'
 * starts a comment, a later line for the same service replaces an earlier
 * one) decides how names are looked up.  "files" is sendmail's own reading
 * of HostsFile: the first line that names the host (any column after the
 * address, case-insensitive) gives the canonical name -- its first name,
 * or the first later one with a dot if the first has none -- and a name
 * still without a dot gets ".$m".  A host in our own domain ($m, or a
 * leading part of it) is also looked for by its first label.  "dns" asks
 * the resolver for AAAA, A and (if allowed) MX records along the search
 * list, following CNAMEs.  MX lookups happen only when "dns" is in the
 * hosts switch; otherwise getmx answers from the name alone.
 *
 * Runs in every sendmail process, unprivileged or root; reads the switch
 * and hosts files, may query DNS.
 */
#include "sendmail/domain.h"

#include <arpa/inet.h>
#include <arpa/nameser.h>
#include <ctype.h>
#include <errno.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netdb.h>
#include <netinet/in.h>
#include <resolv.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/utsname.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

#include "libsm/err.h"

#define MAXLINE		2048	/* sendmail's line buffer for these files */
#define MAXMAPSTACK	12	/* methods per service */
#define MAXCNAMEDEPTH	10
#define MAXDNSRCH	6

static struct domain_conf dconf;

/* ---- service switch ------------------------------------------------- */

struct service {
	char	*sv_name;
	char	*sv_methods[MAXMAPSTACK + 1];
};

static char *switch_default;		/* NULL: /etc/mail/service.switch */
static char *switch_path;		/* to read at the next lookup */
static struct service *services;
static int nservices;
static bool default_read;

static void
switch_clear(void)
{
	for (int i = 0; i < nservices; i++) {
		free(services[i].sv_name);
		for (int j = 0; services[i].sv_methods[j] != NULL; j++)
			free(services[i].sv_methods[j]);
	}
	free(services);
	services = NULL;
	nservices = 0;
	default_read = false;
}

void
domain_set_switch_file(const char *path)
{
	free(switch_path);
	switch_path = NULL;
	if (path == NULL)
		switch_clear();
	else
		switch_path = sm_strdup_x(path);
}

void
domain_set_switch_default(const char *path)
{
	free(switch_default);
	switch_default = path != NULL ? sm_strdup_x(path) : NULL;
	switch_clear();
}

static struct service *
service_find(const char *name)
{
	for (int i = 0; i < nservices; i++)
		if (strcmp(services[i].sv_name, name) == 0)
			return &services[i];
	return NULL;
}

/* one line: "service method method ..." (a line without methods is
 * skipped, as sendmail does after logging it) */
static void
switch_line(char *buf)
{
	struct service *sv;
	char *p, *w;
	int n = 0;

	buf[strcspn(buf, "#\n")] = '\0';
	p = buf + strcspn(buf, " \t");
	if (*p == '\0')
		return;		/* no methods (or an empty line) */
	*p++ = '\0';
	if (buf[0] == '\0')
		return;		/* a line starting with a blank */
	p += strspn(p, " \t\n\r\f\v");
	if (*p == '\0')
		return;
	if ((sv = service_find(buf)) == NULL) {
		services = sm_reallocarray_x(services, (size_t)nservices + 1,
		    sizeof *services);
		sv = &services[nservices++];
		sv->sv_name = sm_strdup_x(buf);
	} else
		for (int j = 0; sv->sv_methods[j] != NULL; j++)
			free(sv->sv_methods[j]);
	while (n < MAXMAPSTACK && *p != '\0') {
		w = p;
		p += strcspn(p, " \t");
		if (*p != '\0')
			*p++ = '\0';
		sv->sv_methods[n++] = sm_strdup_x(w);
		p += strspn(p, " \t\n\r\f\v");
	}
	sv->sv_methods[n] = NULL;
}

/* read PATH on top of what is known (a missing file changes nothing) */
static void
switch_read(const char *path)
{
	char buf[MAXLINE];
	FILE *fp;

	if ((fp = fopen(path, "r")) == NULL)
		return;
	while (fgets(buf, sizeof buf, fp) != NULL)
		switch_line(buf);
	(void)fclose(fp);
}

/* sendmail reads its compiled-in file at start, before the cf can name
 * another, and keeps what it learnt: a later file that does not name a
 * service leaves that service as it was */
static void
switch_load(void)
{
	if (!default_read) {
		default_read = true;
		switch_read(switch_default != NULL ? switch_default :
		    "/etc/mail/service.switch");
	}
	if (switch_path != NULL) {
		switch_read(switch_path);
		free(switch_path);
		switch_path = NULL;
	}
}

const char *const *
domain_switch(const char *service)
{
	static const char *const files[] = { "files", NULL };
	static const char *const dnsfiles[] = { "dns", "files", NULL };
	static const char *const none[] = { NULL };
	struct service *sv;

	switch_load();
	if ((sv = service_find(service)) != NULL)
		return (const char *const *)sv->sv_methods;
	if (strcmp(service, "hosts") == 0)
		return dnsfiles;
	if (strcmp(service, "aliases") == 0)
		return files;
	return none;
}

/* is "dns" one of the hosts methods (sendmail's UseNameServer)? */
bool
domain_usenameserver(void)
{
	for (const char *const *m = domain_switch("hosts"); *m != NULL; m++)
		if (strcmp(*m, "dns") == 0)
			return true;
	return false;
}

/* ---- configuration -------------------------------------------------- */

void
domain_configure(const struct domain_conf *dc)
{
	dconf = *dc;
}

/* current $m, or NULL */
static const char *
local_domain(void)
{
	return dconf.dc_domain != NULL ? dconf.dc_domain(dconf.dc_ctx) : NULL;
}

static bool
is_local(const char *word)
{
	return dconf.dc_islocal != NULL &&
	    dconf.dc_islocal(dconf.dc_ctx, word) != 0;
}

static void __attribute__((format(printf, 2, 3)))
report(bool syserr, const char *fmt, ...)
{
	void (*fn)(void *, const char *) =
	    syserr ? dconf.dc_syserr : dconf.dc_message;
	char buf[MAXLINE];
	va_list ap;

	if (fn == NULL)
		return;
	va_start(ap, fmt);
	(void)vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	fn(dconf.dc_ctx, buf);
}

/* ---- "files": the hosts file ---------------------------------------- */

/*
 * Drop a final dot; if NAME is in our domain ($m, or its name is a
 * leading part of $m ending at a label), cut it after the first label.
 * Returns where the cut was made (the first dot), or NULL.
 */
static char *
shorten(char *name)
{
	const char *mydom = local_domain();
	size_t n = strlen(name), i;
	bool canon = false;
	char *p;

	if (n == 0)
		return NULL;
	if (name[n - 1] == '.') {
		name[n - 1] = '\0';
		canon = true;
	}
	if ((p = strchr(name, '.')) == NULL)
		return NULL;
	if (mydom == NULL)
		mydom = "";
	i = strlen(p + 1);
	if ((canon ? strcasecmp(p + 1, mydom) : strncasecmp(p + 1, mydom, i))
	    != 0)
		return NULL;
	if (strlen(mydom) < i || (mydom[i] != '.' && mydom[i] != '\0'))
		return NULL;
	*p = '\0';
	return p;
}

/*
 * One hosts-file line (comment already cut): does it name NAME (or the
 * full name, DOT put back)?  CBUF gets the line's canonical name.
 */
static bool
hosts_line(char *name, char *dot, char *line, char *cbuf, size_t clen)
{
	char *w, *save = NULL;
	bool found = false;
	int col = 0;
	const char *mydom;

	cbuf[0] = '\0';
	for (w = strtok_r(line, " \t\r\f\v", &save); w != NULL;
	    w = strtok_r(NULL, " \t\r\f\v", &save)) {
		if (col++ == 0)
			continue;	/* the address */
		if (cbuf[0] == '\0' ||
		    (strchr(cbuf, '.') == NULL && strchr(w, '.') != NULL))
			(void)snprintf(cbuf, clen, "%s", w);
		if (strcasecmp(name, w) == 0)
			found = true;
		else if (dot != NULL) {
			*dot = '.';
			found |= strcasecmp(name, w) == 0;
			*dot = '\0';
		}
	}
	mydom = local_domain();
	if (found && strchr(cbuf, '.') == NULL && mydom != NULL &&
	    strlen(cbuf) + strlen(mydom) + 1 < clen) {
		size_t l = strlen(cbuf);

		(void)snprintf(cbuf + l, clen - l, ".%s", mydom);
	}
	return found;
}

/* sendmail's text_getcanonname: look HOST up in HostsFile */
static bool
files_canon(char *host, size_t hsize, int *statp)
{
	char nbuf[DOMAIN_MAXNAME + 1], cbuf[DOMAIN_MAXNAME + 1];
	char line[MAXLINE], *dot;
	bool found = false;
	FILE *fp;

	if (strlen(host) >= sizeof nbuf) {
		*statp = EX_UNAVAILABLE;
		return false;
	}
	(void)snprintf(nbuf, sizeof nbuf, "%s", host);
	dot = shorten(nbuf);
	fp = fopen(dconf.dc_hostsfile != NULL ? dconf.dc_hostsfile :
	    "/etc/hosts", "r");
	if (fp == NULL) {
		*statp = EX_UNAVAILABLE;
		return false;
	}
	while (!found && fgets(line, sizeof line, fp) != NULL) {
		line[strcspn(line, "#\n")] = '\0';
		if (line[0] != '\0')
			found = hosts_line(nbuf, dot, line, cbuf, sizeof cbuf);
	}
	(void)fclose(fp);
	if (!found) {
		*statp = EX_NOHOST;
		return false;
	}
	if (strlen(cbuf) >= hsize) {
		*statp = EX_UNAVAILABLE;
		return false;
	}
	(void)snprintf(host, hsize, "%s", cbuf);
	*statp = EX_OK;
	return true;
}

/* ---- "dns" ---------------------------------------------------------- */

static bool res_ready;

static bool
res_ok(void)
{
	if (!res_ready && res_init() == 0)
		res_ready = true;
	return res_ready;
}

/* What one answer says about the name asked. */
struct answer {
	bool	a_addr;			/* A or AAAA */
	bool	a_mx;
	char	a_cname[NS_MAXDNAME];	/* target of a CNAME, or "" */
};

static void
parse_answer(const unsigned char *buf, int len, struct answer *an)
{
	ns_msg msg;
	ns_rr rr;

	memset(an, 0, sizeof *an);
	if (ns_initparse(buf, len, &msg) < 0)
		return;
	for (int i = 0; i < ns_msg_count(msg, ns_s_an); i++) {
		if (ns_parserr(&msg, ns_s_an, i, &rr) < 0)
			break;
		switch (ns_rr_type(rr)) {
		case ns_t_a:
		case ns_t_aaaa:
			an->a_addr = true;
			break;
		case ns_t_mx:
			an->a_mx = true;
			break;
		case ns_t_cname:
			if (an->a_cname[0] == '\0' &&
			    dn_expand(ns_msg_base(msg), ns_msg_end(msg),
			    ns_rr_rdata(rr), an->a_cname,
			    sizeof an->a_cname) < 0)
				an->a_cname[0] = '\0';
			break;
		default:
			break;
		}
	}
}

/* the domains to try for HOST (sendmail's search list) */
static int
search_list(char *host, const char **list)
{
	size_t n = strlen(host);
	int sli = 0;

	if (strchr(host, '.') != NULL)
		list[sli++] = "";
	if (n > 0 && host[n - 1] != '.' && (_res.options & RES_DNSRCH)) {
		for (int i = 0; i < MAXDNSRCH && _res.dnsrch[i] != NULL; i++)
			list[sli++] = _res.dnsrch[i];
	} else if (strchr(host, '.') == NULL &&
	    (_res.options & RES_DEFNAMES))
		list[sli++] = _res.defdname;
	else if (n > 0 && host[n - 1] == '.')
		host[n - 1] = '\0';
	list[sli] = NULL;
	return sli;
}

/* the next query type after QTYPE failed or said nothing definite for
 * domain DP, or 0 to go on with the next domain */
static int
next_type(int qtype, bool gotmx, int trymx, const char *dp)
{
	if (qtype == ns_t_aaaa)
		return ns_t_a;
	if (qtype == ns_t_a && !gotmx && (trymx || *dp == '\0'))
		return ns_t_mx;
	return 0;
}

/*
 * sendmail's dns_getcanonname: ask for AAAA, A, then MX along the search
 * list; an address (or an MX, unless HasWildcardMX and a domain was
 * appended) proves the name; a CNAME is followed unless DontExpandCnames.
 */
static bool
dns_canon(char *host, size_t hsize, int trymx, int *statp)
{
	unsigned char buf[NS_PACKETSZ * 4];
	const char *list[MAXDNSRCH + 3], *match = NULL;
	struct answer an;
	int sli, qtype, loops = 0;
	bool gotmx = false;

	if (!res_ok()) {
		*statp = EX_UNAVAILABLE;
		return false;
	}
	*statp = EX_OK;
restart:
	(void)search_list(host, list);
	for (sli = 0, qtype = ns_t_aaaa; list[sli] != NULL && match == NULL;) {
		const char *dp = list[sli];
		int n;

		if (qtype == ns_t_aaaa)
			gotmx = false;
		n = res_querydomain(host, dp, ns_c_in, qtype, buf, sizeof buf);
		if (n <= 0) {
			if (errno == ECONNREFUSED || h_errno == TRY_AGAIN) {
				*statp = EX_TEMPFAIL;
				if (*dp != '\0')
					return false;
			}
			if (h_errno != HOST_NOT_FOUND &&
			    (qtype = next_type(qtype, gotmx, trymx, dp)) != 0)
				continue;
			sli++;
			qtype = ns_t_aaaa;
			continue;
		}
		parse_answer(buf, n < (int)sizeof buf ? n : (int)sizeof buf,
		    &an);
		gotmx |= an.a_mx;
		if (an.a_cname[0] != '\0' && !an.a_addr) {
			if (dconf.dc_dontexpandcnames) {
				match = dp;
				break;
			}
			if (loops++ > MAXCNAMEDEPTH) {
				report(false, "DNS failure: CNAME loop for %s",
				    host);
				*statp = EX_CONFIG;
				return false;
			}
			(void)snprintf(host, hsize, "%s", an.a_cname);
			goto restart;
		}
		if (an.a_addr ||
		    (an.a_mx && !(*dp != '\0' && dconf.dc_haswildcardmx)))
			match = dp;
		else if ((qtype = next_type(qtype, gotmx, trymx, dp)) == 0) {
			qtype = ns_t_aaaa;
			sli++;
		}
	}
	if (match == NULL) {
		if (*statp == EX_OK)
			*statp = EX_NOHOST;
		return false;
	}
	if (*match != '\0') {
		size_t l = strlen(host);

		(void)snprintf(host + l, hsize > l ? hsize - l : 0, ".%s",
		    match);
	}
	*statp = EX_OK;
	return true;
}

/* ---- getcanonname --------------------------------------------------- */

int
domain_getcanonname(char *host, size_t hsize, int trymx, int *statp)
{
	const char *const *m;
	const char *d;
	bool found = false, tempfail = false;
	int st = EX_UNAVAILABLE;

	for (m = domain_switch("hosts"); *m != NULL; m++) {
		if (strcmp(*m, "files") == 0)
			found = files_canon(host, hsize, &st);
		else if (strcmp(*m, "dns") == 0)
			found = dns_canon(host, hsize, trymx, &st);
		else {
			found = false;	/* nis, nisplus ...: not here */
			st = EX_UNAVAILABLE;
		}
		/* without $m (very early), a name without a dot is no answer */
		if (found && (local_domain() != NULL || strchr(host, '.')))
			break;
		tempfail |= st == EX_TEMPFAIL;
	}
	*statp = st;
	if (!found) {
		/* the status is the last method's, but a method that could
		 * not answer now makes the failure temporary for the host
		 * map, which asks h_errno (as sendmail's getcanonname) */
		if (tempfail)	/* else h_errno stays as the methods left
				 * it: later address literals read it */
			h_errno = TRY_AGAIN;
		return 0;
	}
	/* a single-label answer gets $m */
	if ((d = strchr(host, '.')) == NULL || d[1] == '\0') {
		const char *mydom = local_domain();
		size_t l = strlen(host);

		if (mydom == NULL || hsize <= l + strlen(mydom) + 1)
			return 0;
		(void)snprintf(host + l, hsize - l, "%s%s",
		    l > 0 && host[l - 1] == '.' ? "" : ".", mydom);
	}
	return 1;
}

/* ---- MX records ----------------------------------------------------- */

/* sendmail's mxrand: a repeatable order among equal preferences */
static int
mxrand(const char *host)
{
	static unsigned seed;
	unsigned h;

	if (seed == 0)
		seed = ((unsigned)time(NULL) & 0xffff) | 1;
	for (h = seed; *host != '\0'; host++)
		h = ((h << 1) ^ (unsigned)tolower((unsigned char)*host)) % 2003;
	return (int)(h & 0xff) + 1;
}

/* A list under construction. */
struct mxlist {
	char		*ml_host[DOMAIN_MAXMX];
	unsigned short	ml_pref[DOMAIN_MAXMX];
	int		ml_weight[DOMAIN_MAXMX];
	int		ml_n;
	bool		ml_seenlocal;	/* we are one of the MX hosts */
};

/* add NAME (a trailing dot is added when missing) */
static void
mx_add(struct mxlist *ml, const char *name, unsigned short pref, int weight)
{
	size_t l = strlen(name);
	char *h;

	if (ml->ml_n >= DOMAIN_MAXMX - 1)
		return;
	h = sm_malloc_x(l + 2);
	(void)snprintf(h, l + 2, "%s%s", name,
	    l > 0 && name[l - 1] == '.' ? "" : ".");
	ml->ml_host[ml->ml_n] = h;
	ml->ml_pref[ml->ml_n] = pref;
	ml->ml_weight[ml->ml_n++] = weight;
}

static void
mx_swap(struct mxlist *ml, int i, int j)
{
	char *h = ml->ml_host[i];
	unsigned short p = ml->ml_pref[i];
	int w = ml->ml_weight[i];

	ml->ml_host[i] = ml->ml_host[j];
	ml->ml_pref[i] = ml->ml_pref[j];
	ml->ml_weight[i] = ml->ml_weight[j];
	ml->ml_host[j] = h;
	ml->ml_pref[j] = p;
	ml->ml_weight[j] = w;
}

/* sort by preference and weight; cut at our own preference (SEENLOCAL);
 * drop duplicates */
static void
mx_sort(struct mxlist *ml, bool seenlocal, unsigned short localpref)
{
	for (int i = 0; i < ml->ml_n; i++) {
		for (int j = i + 1; j < ml->ml_n; j++)
			if (ml->ml_pref[i] > ml->ml_pref[j] ||
			    (ml->ml_pref[i] == ml->ml_pref[j] &&
			    ml->ml_weight[i] > ml->ml_weight[j]))
				mx_swap(ml, i, j);
		if (seenlocal && ml->ml_pref[i] >= localpref) {
			for (int k = i; k < ml->ml_n; k++)
				free(ml->ml_host[k]);
			ml->ml_n = i;
		}
	}
	for (int i = 0; i < ml->ml_n - 1;) {
		if (strcasecmp(ml->ml_host[i], ml->ml_host[i + 1]) != 0) {
			i++;
			continue;
		}
		free(ml->ml_host[i + 1]);
		for (int j = i + 1; j < ml->ml_n - 1; j++) {
			ml->ml_host[j] = ml->ml_host[j + 1];
			ml->ml_pref[j] = ml->ml_pref[j + 1];
			ml->ml_weight[j] = ml->ml_weight[j + 1];
		}
		ml->ml_n--;
	}
}

/* The MX records of a DNS answer into ML.  Returns 1 for a null MX. */
static int
mx_parse(const unsigned char *buf, int len, int flags, struct mxlist *ml,
    bool *seenlocal, unsigned short *localpref)
{
	char name[NS_MAXDNAME];
	bool nullmx = false;
	ns_msg msg;
	ns_rr rr;

	if (ns_initparse(buf, len, &msg) < 0)
		return 0;
	for (int i = 0; i < ns_msg_count(msg, ns_s_an); i++) {
		unsigned short pref;

		if (ns_parserr(&msg, ns_s_an, i, &rr) < 0)
			break;
		if (ns_rr_type(rr) != ns_t_mx || ns_rr_rdlen(rr) < 3)
			continue;
		pref = ns_get16(ns_rr_rdata(rr));
		if (dn_expand(ns_msg_base(msg), ns_msg_end(msg),
		    ns_rr_rdata(rr) + 2, name, sizeof name) < 0)
			break;
		if (pref == 0 && name[0] == '\0')
			nullmx = true;
		if (is_local(name)) {
			if (flags & DOMAIN_DROPLOCALHOST) {
				if (!*seenlocal || pref < *localpref)
					*localpref = pref;
				*seenlocal = true;
				continue;
			}
			mx_add(ml, name, pref, 0);
		} else
			mx_add(ml, name, pref, mxrand(name));
	}
	return nullmx && ml->ml_n == 1;
}

/* "[...]": an address literal counts as the one MX host; a bracketed
 * name is replaced by its canonical name (if any) */
static void
mx_literal(const char *host, struct mxlist *ml)
{
	char buf[DOMAIN_MAXNAME * 2], *end;
	struct in6_addr a6;
	int st;

	(void)snprintf(buf, sizeof buf, "%s", host + 1);
	if ((end = strchr(buf, ']')) == NULL)
		return;
	*end = '\0';
	if (inet_addr(buf) != INADDR_NONE ||
	    inet_pton(AF_INET6, strncasecmp(buf, "IPv6:", 5) == 0 ?
	    buf + 5 : buf, &a6) == 1) {
		ml->ml_host[0] = sm_strdup_x(host);
		ml->ml_pref[0] = 0;
		ml->ml_n = 1;
		return;
	}
	if (domain_getcanonname(buf, sizeof buf - 2, 0, &st))
		mx_add(ml, buf, 0, 0);
}

/* what to do when DNS gave no usable MX: sendmail's "punt" */
static int
mx_punt(const char *host, struct mxlist *ml, bool trycanon, bool seenlocal,
    int *statp)
{
	char buf[DOMAIN_MAXNAME * 2];
	int st;

	if (seenlocal && !dconf.dc_trynullmxlist) {
		report(true, "MX list for %s points back to %s", host,
		    dconf.dc_myhostname != NULL ? dconf.dc_myhostname : "");
		*statp = EX_CONFIG;
		return -1;
	}
	if (strlen(host) >= sizeof buf - 2) {
		report(true, "Host name %.203s too long", host);
		*statp = EX_CONFIG;
		return -1;
	}
	if (host[0] == '[') {
		mx_literal(host, ml);
		return ml->ml_n;
	}
	(void)snprintf(buf, sizeof buf, "%s", host);
	if (trycanon && domain_getcanonname(buf, sizeof buf - 2, 0, &st))
		mx_add(ml, buf, 0, 0);
	return ml->ml_n;
}

/* FallbackMXhost appended at the end (its own MX hosts unless it is an
 * address literal) */
static void
mx_fallback(struct mxlist *ml)
{
	char *fb[DOMAIN_MAXMX];
	int n, st;

	if (dconf.dc_fallbackmx[0] == '[') {
		fb[0] = sm_strdup_x(dconf.dc_fallbackmx);
		n = 1;
	} else if ((n = domain_getmx(dconf.dc_fallbackmx, fb, NULL, 0,
	    &st)) < 0)
		return;
	for (int i = 0; i < n; i++) {
		if (ml->ml_n < DOMAIN_MAXMX - 1) {
			ml->ml_pref[ml->ml_n] = ml->ml_n > 0 ?
			    (unsigned short)(ml->ml_pref[ml->ml_n - 1] + 1) : 0;
			ml->ml_weight[ml->ml_n] = 0;
			ml->ml_host[ml->ml_n++] = fb[i];
		} else
			free(fb[i]);
	}
}

/* ask DNS; returns the count, -1 on error, -2 for a null MX */
static int
mx_dns(const char *host, int flags, struct mxlist *ml, int *statp)
{
	unsigned char buf[NS_PACKETSZ * 4];
	unsigned short localpref = 256;
	bool seenlocal = false;
	int n;

	if (!res_ok())
		return mx_punt(host, ml, false, false, statp);
	if (dconf.dc_haswildcardmx && dconf.dc_configlevel >= 6)
		n = res_query(host, ns_c_in, ns_t_mx, buf, sizeof buf);
	else
		n = res_search(host, ns_c_in, ns_t_mx, buf, sizeof buf);
	if (n < 0) {
		switch (h_errno) {
		case NO_DATA:
			return mx_punt(host, ml, true, false, statp);
		case NO_RECOVERY:
			return mx_punt(host, ml, false, false, statp);
		case HOST_NOT_FOUND:
			*statp = EX_NOHOST;
			return mx_punt(host, ml, true, false, statp);
		default:	/* TRY_AGAIN, no server */
			if (dconf.dc_fallbackmx != NULL &&
			    (flags & DOMAIN_TRYFALLBACK)) {
				mx_fallback(ml);
				ml->ml_seenlocal = true; /* no 2nd fallback */
				return ml->ml_n;
			}
			*statp = EX_TEMPFAIL;
			return -1;
		}
	}
	if (mx_parse(buf, n < (int)sizeof buf ? n : (int)sizeof buf, flags,
	    ml, &seenlocal, &localpref)) {
		*statp = EX_UNAVAILABLE;
		return -2;
	}
	mx_sort(ml, seenlocal, localpref);
	ml->ml_seenlocal = seenlocal;
	if (ml->ml_n == 0)
		return mx_punt(host, ml, false, seenlocal, statp);
	return ml->ml_n;
}

int
domain_getmx(const char *host, char **mx, unsigned short *prefs, int flags,
    int *statp)
{
	struct mxlist ml;
	int n;

	ml.ml_n = 0;
	ml.ml_seenlocal = false;
	*statp = EX_OK;
	if (*host == '\0')
		return 0;
	if (dconf.dc_fallbackmx != NULL && (flags & DOMAIN_DROPLOCALHOST) &&
	    is_local(dconf.dc_fallbackmx))
		flags &= ~DOMAIN_TRYFALLBACK;
	if (host[0] == '[' || !domain_usenameserver())
		n = mx_punt(host, &ml, false, false, statp);
	else
		n = mx_dns(host, flags, &ml, statp);
	if (n >= 0 && dconf.dc_fallbackmx != NULL &&
	    (flags & DOMAIN_TRYFALLBACK) && !ml.ml_seenlocal)
		mx_fallback(&ml);
	if (n < 0) {
		domain_freemx(ml.ml_host, ml.ml_n);
		return n;
	}
	for (int i = 0; i < ml.ml_n; i++) {
		mx[i] = ml.ml_host[i];
		if (prefs != NULL)
			prefs[i] = ml.ml_pref[i];
	}
	return ml.ml_n;
}

int
domain_getmxrr(const char *host, char **mx, int *statp)
{
	return domain_getmx(host, mx, NULL, DOMAIN_TRYFALLBACK, statp);
}

void
domain_freemx(char **mx, int n)
{
	for (int i = 0; i < n; i++) {
		free(mx[i]);
		mx[i] = NULL;
	}
}

/* ---- -bt ------------------------------------------------------------ */

void
domain_bt_canon(FILE *out, const char *host)
{
	char buf[DOMAIN_MAXNAME * 2];
	int st;

	(void)snprintf(buf, sizeof buf, "%s", host);
	(void)domain_getcanonname(buf, sizeof buf, 1, &st);
	fprintf(out, "getcanonname(%s) returns %s\n", host, buf);
}

void
domain_bt_mx(FILE *out, const char *host)
{
	char *mx[DOMAIN_MAXMX];
	int st, n;

	n = domain_getmxrr(host, mx, &st);
	fprintf(out, "getmxrr(%s) returns %d value(s):\n", host, n);
	for (int i = 0; i < n; i++)
		fprintf(out, "\t%s\n", mx[i]);
	if (n > 0)
		domain_freemx(mx, n);
}

/* ---- this host ------------------------------------------------------ */

static bool
list_has(char **list, const char *word)
{
	for (; list != NULL && *list != NULL; list++)
		if (strcasecmp(*list, word) == 0)
			return true;
	return false;
}

/* append a copy of WORD to the NULL-terminated *LISTP */
static void
list_add(char ***listp, const char *word)
{
	size_t n = 0;

	while (*listp != NULL && (*listp)[n] != NULL)
		n++;
	*listp = sm_reallocarray_x(*listp, n + 2, sizeof **listp);
	(*listp)[n] = sm_strdup_x(word);
	(*listp)[n + 1] = NULL;
}

static void
list_free(char ***listp)
{
	for (size_t i = 0; *listp != NULL && (*listp)[i] != NULL; i++)
		free((*listp)[i]);
	free(*listp);
	*listp = NULL;
}

void
domain_self_free(struct domain_self *ds)
{
	list_free(&ds->ds_names);
	list_free(&ds->ds_addrs);
}

/*
 * sendmail's myhostname, from facts: the host entry's name replaces the
 * host name when it has a dot or the host name has none; still no dot:
 * the first alias with one.
 */
int
domain_self_from(struct domain_self *ds, const char *hostname,
    const char *name, const char *const *aliases, const char *const *addrs,
    const char *node)
{
	const char *fq = hostname != NULL && *hostname != '\0' ? hostname :
	    "localhost", *dot;

	memset(ds, 0, sizeof *ds);
	if (name != NULL && (strchr(name, '.') != NULL ||
	    strchr(fq, '.') == NULL))
		fq = name;
	for (size_t i = 0; strchr(fq, '.') == NULL && aliases != NULL &&
	    aliases[i] != NULL; i++)
		if (strchr(aliases[i], '.') != NULL)
			fq = aliases[i];
	(void)snprintf(ds->ds_fqdn, sizeof ds->ds_fqdn, "%s", fq);
	(void)snprintf(ds->ds_short, sizeof ds->ds_short, "%.*s",
	    (int)strcspn(ds->ds_fqdn, "."), ds->ds_fqdn);
	dot = strchr(ds->ds_fqdn, '.');
	ds->ds_qualified = dot != NULL && dot[1] != '\0';
	if (ds->ds_qualified)
		(void)snprintf(ds->ds_domain, sizeof ds->ds_domain, "%s",
		    dot + 1);
	(void)snprintf(ds->ds_node, sizeof ds->ds_node, "%s",
	    node != NULL ? node : ds->ds_fqdn);
	list_add(&ds->ds_names, ds->ds_fqdn);
	list_add(&ds->ds_names, ds->ds_node);
	for (size_t i = 0; aliases != NULL && aliases[i] != NULL; i++)
		list_add(&ds->ds_names, aliases[i]);
	for (size_t i = 0; addrs != NULL && addrs[i] != NULL; i++) {
		char lit[64];

		(void)snprintf(lit, sizeof lit, "[%s]", addrs[i]);
		list_add(&ds->ds_addrs, lit);
	}
	if (ds->ds_addrs == NULL)	/* never NULL for the caller */
		ds->ds_addrs = sm_calloc_x(1, sizeof *ds->ds_addrs);
	return 0;
}

int
domain_self(struct domain_self *ds, const char **errp)
{
	char host[256], a[INET_ADDRSTRLEN];
	const char *addrs[DOMAIN_MAXMX + 1];
	struct utsname un;
	struct hostent *hp;
	size_t n = 0;

	if (gethostname(host, sizeof host) < 0) {
		memset(ds, 0, sizeof *ds);
		*errp = "cannot get the host name";
		return -1;
	}
	host[sizeof host - 1] = '\0';
	hp = gethostbyname(host[0] != '\0' ? host : "localhost");
	for (; hp != NULL && hp->h_addrtype == AF_INET && hp->h_length == 4 &&
	    hp->h_addr_list[n] != NULL && n < DOMAIN_MAXMX; n++) {
		(void)inet_ntop(AF_INET, hp->h_addr_list[n], a, sizeof a);
		addrs[n] = sm_strdup_x(a);
	}
	addrs[n] = NULL;
	(void)domain_self_from(ds, host, hp != NULL ? hp->h_name : NULL,
	    hp != NULL ? (const char *const *)hp->h_aliases : NULL, addrs,
	    uname(&un) == 0 ? un.nodename : NULL);
	for (size_t i = 0; i < n; i++)
		free((char *)addrs[i]);
	return 0;
}

/* the names the C library gives for address A (sendmail's add_hostnames) */
static void
probe_names(struct domain_self *ds, const struct in_addr *a,
    int (*islocal)(void *, const char *), void *ctx)
{
	struct hostent *hp = gethostbyaddr(a, sizeof *a, AF_INET);

	if (hp == NULL)
		return;
	if (!list_has(ds->ds_names, hp->h_name) &&
	    (islocal == NULL || !islocal(ctx, hp->h_name)))
		list_add(&ds->ds_names, hp->h_name);
	for (char **al = hp->h_aliases; al != NULL && *al != NULL; al++)
		if (!list_has(ds->ds_names, *al) &&
		    (islocal == NULL || !islocal(ctx, *al)))
			list_add(&ds->ds_names, *al);
}

int
domain_probe(struct domain_self *ds, bool skiploopback,
    int (*islocal)(void *ctx, const char *word), void *ctx)
{
	struct ifaddrs *ifap, *ifa;
	int added = 0;

	if (getifaddrs(&ifap) < 0)
		return -1;
	for (ifa = ifap; ifa != NULL; ifa = ifa->ifa_next) {
		struct in_addr a;
		char lit[INET_ADDRSTRLEN + 2];

		if (ifa->ifa_addr == NULL || ifa->ifa_addr->sa_family !=
		    AF_INET || !(ifa->ifa_flags & IFF_UP))
			continue;
		a = ((struct sockaddr_in *)(void *)ifa->ifa_addr)->sin_addr;
		if (a.s_addr == INADDR_ANY || a.s_addr == INADDR_NONE) {
			report(false, "WARNING: interface %s is UP with %s "
			    "address", ifa->ifa_name, inet_ntoa(a));
			continue;
		}
		(void)snprintf(lit, sizeof lit, "[%s]", inet_ntoa(a));
		if (!list_has(ds->ds_addrs, lit) &&
		    (islocal == NULL || !islocal(ctx, lit))) {
			list_add(&ds->ds_addrs, lit);
			added++;
		}
		if (skiploopback && (ifa->ifa_flags & IFF_LOOPBACK))
			continue;
		probe_names(ds, &a, islocal, ctx);
	}
	freeifaddrs(ifap);
	return added;
}
