/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * start.c -- process start-up shared by every mode (see start.h).
 *
 * Public: start_init start_config start_mode.
 * Runs at start, before privileges are given up.
 */
#include "sendmail/start.h"

#include "libsm/date.h"
#include "libsm/debug.h"
#include "libsm/err.h"
#include "libsm/spawn.h"
#include "sendmail/aliasdb.h"
#include "sendmail/class.h"
#include "sendmail/domain.h"
#include "sendmail/macro.h"
#include "sendmail/mailer.h"
#include "sendmail/map.h"
#include "sendmail/msg.h"
#include "sendmail/readcf.h"
#include "sendmail/token.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

static struct domain_self start_ds;

/* Class w gets every name and literal of DS from index FROM on. */
static void
start_add_names(char **names, int from)
{
	int i;

	for (i = from; names != NULL && names[i] != NULL; i++)
		class_add('w', names[i]);
}

/* $j $w $m $k and class w from the host's names. */
static void
start_hostnames(void)
{
	const char *err = NULL;

	if (domain_self(&start_ds, &err) < 0) {
		if (err != NULL)
			msg_syserr("%s", err);
		return;
	}
	if (start_ds.ds_fqdn[0] != '\0') {
		macro_set('w', start_ds.ds_fqdn);
		macro_set('j', start_ds.ds_fqdn);
		if (start_ds.ds_domain[0] != '\0') {
			/* the domain is also class m's member ($=m) */
			macro_set('m', start_ds.ds_domain);
			class_add('m', start_ds.ds_domain);
		}
		macro_set('k', start_ds.ds_node);
	}
	start_add_names(start_ds.ds_names, 0);
	start_add_names(start_ds.ds_addrs, 0);
}

/* -d0.1: the version and what this build has (sendmail's words). */
static void
start_print_version(void)
{
	(void)fprintf(msg_out(), "Version %s\n", START_VERSION);
	(void)fputs(" Compiled with: DNSMAP LOG MAP_REGEX NAMED_BIND NETINET "
	    "NETINET6 NETUNIX\n\t\tNEWDB SCANF XDEBUG\n", msg_out());
}

/* -d0.4: this host's names as found before the cf is read. */
static void
start_print_names(void)
{
	FILE *fp = msg_out();
	char **v;
	int k;

	(void)fprintf(fp, "Canonical name: %s\n UUCP nodename: %s\n",
	    start_ds.ds_fqdn, start_ds.ds_node);
	for (k = 0; k < 2; k++) {
		v = k == 0 ? start_ds.ds_names : start_ds.ds_addrs;
		for (; v != NULL && *v != NULL; v++)
			if (strcasecmp(*v, start_ds.ds_fqdn) != 0 &&
			    strcasecmp(*v, start_ds.ds_node) != 0)
				(void)fprintf(fp, "\ta.k.a.: %s\n", *v);
	}
}

/* -d0.1 (after the cf): $w $j $m $k; -d0.15: the mailers too. */
static void
start_print_identity(void)
{
	static const struct {
		const char *what;
		int	m;
	} ids[] = {
		{ "     (short domain name) $w = ", 'w' },
		{ " (canonical domain name) $j = ", 'j' },
		{ "        (subdomain name) $m = ", 'm' },
		{ "             (node name) $k = ", 'k' },
	};
	FILE *fp = msg_out();
	size_t i;

	(void)fputs("\n============ SYSTEM IDENTITY (after readcf) "
	    "============\n", fp);
	for (i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
		const char *v = macro_get(ids[i].m);

		(void)fprintf(fp, " %s", ids[i].what);
		token_xputs(fp, v != NULL ? v : "<null>");
		(void)putc('\n', fp);
	}
	(void)fputs("========================================================"
	    "\n\n", fp);
	if (sm_tTd(0, 15))
		for (i = 0; i < MAILER_MAX; i++)
			if (mailer_bynum((int)i) != NULL)
				mailer_print(fp, mailer_bynum((int)i));
}

/*
 * sendmail's load average as $&{load_avg} holds it: the first figure of
 * /proc/loadavg, to the nearest whole number ("0" when unreadable).
 */
static void
start_load_avg(void)
{
	FILE *fp = fopen("/proc/loadavg", "r");
	double la = 0;
	char buf[32];

	if (fp != NULL) {
		if (fscanf(fp, "%lf", &la) != 1 || la < 0 || la > 1e6)
			la = 0;
		(void)fclose(fp);
	}
	(void)snprintf(buf, sizeof(buf), "%d", (int)(la + 0.5));
	macro_set(macro_id("{load_avg}", NULL), buf);
}

void
start_init(void)
{
	readcf_init();
	macro_init();
	/* the long names sendmail enters before the cf, in its order */
	(void)macro_id("{deliveryMode}", NULL);
	start_load_avg();
	macro_set('v', START_VERSION);
	if (sm_tTd(0, 1))
		start_print_version();
	start_hostnames();
	if (sm_tTd(0, 4))
		start_print_names();
}

/* The id of macro NAME ("j" or "{name}"), 0 when it has none; ENTER
 * gives a new long name an id. */
static int
start_macro_name(const char *name, int enter)
{
	char buf[64];
	size_t n;

	if (!enter && name[0] == '{') {
		n = strlen(name);
		if (n < 3 || name[n - 1] != '}' || n - 2 >= sizeof(buf))
			return 0;
		memcpy(buf, name + 1, n - 2);
		buf[n - 2] = '\0';
		return macro_find_id(buf);
	}
	return macro_id(name, NULL);
}

/* Map hooks: macros by name. */
static const char *
start_macro_get(const char *name)
{
	int id = start_macro_name(name, 0);

	return id != 0 ? macro_get(id) : NULL;
}

static int
start_macro_set(const char *name, const char *value)
{
	int id = start_macro_name(name, 1);

	if (id == 0)
		return -1;
	macro_set(id, value);
	return 0;
}

static void
start_map_syserr(int err, const char *text)
{
	errno = err;
	msg_syserr("%s", text);
}

static void
start_map_message(const char *text)
{
	/* the map layer's warnings are sendmail message() lines: shown in
	 * -bt and with -v only (a -bv through an alias file with no
	 * database says nothing of it, recorded); others go out as they are */
	if (strncmp(text, "WARNING: ", 9) == 0) {
		msg_info("%s", text);
		return;
	}
	(void)fprintf(msg_out(), "%s\n", text);
}

static int
start_map_tTd(int cat, int level)
{
	return sm_tTd(cat, level);
}

static void
start_map_dprint(const char *text)
{
	(void)fputs(text, msg_out());
}

static void
start_map_dxputs(const char *s)
{
	token_xputs(msg_out(), s);
}

static int
start_map_defermode(void)
{
	return readcf_config()->cf_conf.co_deliverymode == 'd';
}

/* The program class runs as DefaultUser, in "/", as sendmail's does. */
static void
start_map_spawn(struct sm_spawn *sp)
{
	const struct conf *co = &readcf_config()->cf_conf;

	sp->sp_uid = co->co_defaultuser_uid;
	sp->sp_gid = co->co_defaultuser_gid;
}

/* Domain hooks. */
static const char *
start_domain(void *ctx)
{
	(void)ctx;
	return macro_get('m');
}

static int
start_islocal(void *ctx, const char *word)
{
	(void)ctx;
	return class_has('w', word);
}

static void
start_dsyserr(void *ctx, const char *text)
{
	(void)ctx;
	errno = 0;
	msg_syserr("%s", text);
}

static void
start_dmessage(void *ctx, const char *text)
{
	(void)ctx;
	(void)fprintf(msg_out(), "%s\n", text);
}

/* Tell domain.c what the cf says; probe the interfaces for $=w. */
static void
start_domain_setup(void)
{
	const struct conf *co = &readcf_config()->cf_conf;
	struct domain_conf dc;
	int nn = 0, na = 0;

	memset(&dc, 0, sizeof(dc));
	dc.dc_hostsfile = co->co_hostsfile;
	dc.dc_fallbackmx = co->co_fallbackmxhost;
	dc.dc_haswildcardmx = co->co_resolveroptions_haswildcardmx;
	dc.dc_trynullmxlist = co->co_trynullmxlist;
	dc.dc_dontexpandcnames = co->co_dontexpandcnames;
	dc.dc_configlevel = readcf_config()->cf_level;
	dc.dc_myhostname = macro_get('j');
	dc.dc_domain = start_domain;
	dc.dc_islocal = start_islocal;
	dc.dc_syserr = start_dsyserr;
	dc.dc_message = start_dmessage;
	domain_configure(&dc);
	if (co->co_serviceswitchfile != NULL)
		domain_set_switch_file(co->co_serviceswitchfile);
	if (co->co_dontprobeinterfaces == CONF_DPI_PROBENONE)
		return;
	while (start_ds.ds_names != NULL && start_ds.ds_names[nn] != NULL)
		nn++;
	while (start_ds.ds_addrs != NULL && start_ds.ds_addrs[na] != NULL)
		na++;
	if (domain_probe(&start_ds, co->co_dontprobeinterfaces ==
	    CONF_DPI_SKIPLOOPBACK, start_islocal, NULL) > 0) {
		start_add_names(start_ds.ds_addrs, na);
		start_add_names(start_ds.ds_names, nn);
	}
}

/* aliasdb_read's store: one alias into the stab map CTX. */
static int
start_alias_store(void *ctx, const char *key, const char *paddr,
    const char *value, unsigned lineno)
{
	(void)paddr;
	(void)lineno;
	map_store(ctx, key, value);
	return 0;
}

/* An aliases text file without its database: sendmail reads the text
 * (keys folded to lower case) into memory. */
static void
start_map_alias_text(MAP *map, const char *file, FILE *fp)
{
	struct aliasdb_result res;

	memset(&res, 0, sizeof(res));
	(void)aliasdb_read(fp, file, true, NULL, start_alias_store, map, NULL,
	    &res);
}

/* The maps sendmail adds after the cf: aliases, host. */
static void
start_maps(void)
{
	const struct conf *co = &readcf_config()->cf_conf;
	int i;

	map_set_unsafe_dirpath((co->co_dontblamesendmail &
	    CONF_DBS_BIT(CONF_DBS_MAPINUNSAFEDIRPATH)) != 0);
	for (i = 0; i < co->co_aliasfile.cl_n; i++)
		map_setalias(co->co_aliasfile.cl_v[i]);
	map_host_defaults(readcf_config()->cf_level);
}

int
start_config(const char *cffile, int btmode)
{
	struct map_hooks hooks;
	int st;

	memset(&hooks, 0, sizeof(hooks));
	hooks.mh_macro_get = start_macro_get;
	hooks.mh_macro_set = start_macro_set;
	hooks.mh_syserr = start_map_syserr;
	hooks.mh_message = start_map_message;
	hooks.mh_tTd = start_map_tTd;
	hooks.mh_dprint = start_map_dprint;
	hooks.mh_dxputs = start_map_dxputs;
	hooks.mh_defermode = start_map_defermode;
	hooks.mh_spawn_setup = start_map_spawn;
	hooks.mh_alias_text = start_map_alias_text;
	map_init(&hooks);
	st = readcf(cffile, btmode);
	start_domain_setup();
	start_maps();
	readcf_finish();
	/* and those it enters after (the ids show under -d84.1) */
	(void)macro_id("{checkMIMEFieldHeaders}", NULL);
	(void)macro_id("{checkMIMETextHeaders}", NULL);
	(void)macro_id("{checkMIMEHeaders}", NULL);
	(void)macro_id("{persistentMacros}", NULL);
	macro_set(macro_id("{quarantine}", NULL), "");
	(void)macro_id("{addr_type}", NULL);
	domain_self_free(&start_ds);
	if (sm_tTd(0, 1))
		start_print_identity();
	return st;
}

/* sendmail's base 60 digits of a queue id */
static const char start_base60[] =
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwx";

/*
 * $i as sendmail names an envelope: year (mod 60), month, day, hour,
 * minute and second in base 60, two more digits that vary from run to
 * run, and the process id in six digits.
 */
static void
start_queue_id(time_t now)
{
	struct tm *tm = localtime(&now);
	unsigned int r = ((unsigned int)now ^ (unsigned int)getpid()) *
	    2654435761u;
	char id[32];

	if (tm == NULL)
		return;
	(void)snprintf(id, sizeof(id), "%c%c%c%c%c%c%c%c%06d",
	    start_base60[tm->tm_year % 60], start_base60[tm->tm_mon],
	    start_base60[tm->tm_mday], start_base60[tm->tm_hour],
	    start_base60[tm->tm_min], start_base60[tm->tm_sec % 60],
	    start_base60[(r / 60) % 60], start_base60[r % 60], (int)getpid());
	macro_set('i', id);
}

void
start_mode(int mode)
{
	char b[SM_DATE_BUFSIZE], m[2];
	time_t now = time(NULL);

	m[0] = (char)mode;
	m[1] = '\0';
	macro_set(MACRO_OPMODE, m);
	/* the delivery mode for these: interactive, verify */
	macro_set(macro_id("{deliveryMode}", NULL), mode == 'v' ? "v" : "i");
	if (sm_arpadate(now, b, sizeof(b)) == 0)
		macro_set('b', b);
	start_queue_id(now);
	if (mode == 't')
		macro_set(macro_id("{addr_type}", NULL), "e r");
	/* sendmail's Verbose: -v, and always in -bt ("Transient parse
	 * error", "NAME: Name server timeout" show only then) */
	(void)msg_set_verbose(mode == 't' ||
	    readcf_config()->cf_conf.co_verbose != 0);
}
