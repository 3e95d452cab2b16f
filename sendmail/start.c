/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * start.c -- process start-up shared by every mode (see start.h).
 *
 * Public: start_init start_config.
 * Runs at start, before privileges are given up.
 */
#include "sendmail/start.h"

#include "libsm/debug.h"
#include "libsm/err.h"
#include "sendmail/class.h"
#include "sendmail/domain.h"
#include "sendmail/macro.h"
#include "sendmail/mailer.h"
#include "sendmail/map.h"
#include "sendmail/msg.h"
#include "sendmail/readcf.h"
#include "sendmail/token.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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
		if (start_ds.ds_domain[0] != '\0')
			macro_set('m', start_ds.ds_domain);
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

void
start_init(void)
{
	readcf_init();
	macro_init();
	macro_set('v', START_VERSION);
	if (sm_tTd(0, 1))
		start_print_version();
	start_hostnames();
	if (sm_tTd(0, 4))
		start_print_names();
}

/* Map hooks: macros by name ("j" or "{name}"). */
static const char *
start_macro_get(const char *name)
{
	int id = macro_id(name, NULL);

	return id != 0 ? macro_get(id) : NULL;
}

static void
start_macro_set(const char *name, const char *value)
{
	int id = macro_id(name, NULL);

	if (id != 0)
		macro_set(id, value);
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

int
start_config(const char *cffile, int btmode)
{
	struct map_hooks hooks;
	const char *err = NULL;
	int st;

	memset(&hooks, 0, sizeof(hooks));
	hooks.mh_macro_get = start_macro_get;
	hooks.mh_macro_set = start_macro_set;
	map_init(&hooks);
	(void)map_declare("host", "host", "-a. -D", NULL, 0, &err);
	st = readcf(cffile, btmode);
	start_domain_setup();
	readcf_finish();
	domain_self_free(&start_ds);
	if (sm_tTd(0, 1))
		start_print_identity();
	return st;
}
