/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * start.c -- process start-up shared by every mode (see start.h).
 *
 * Public: start_macros start_config.
 * Runs at start, before privileges are given up.
 */
#include "sendmail/start.h"

#include "libsm/err.h"
#include "sendmail/class.h"
#include "sendmail/domain.h"
#include "sendmail/macro.h"
#include "sendmail/map.h"
#include "sendmail/msg.h"
#include "sendmail/readcf.h"
#include "sendmail/token.h"

#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>

/* The metasymbols are macros whose values are their internal codes. */
static void
start_metamacros(void)
{
	static const struct {
		char	name;
		unsigned char code;
	} metas[] = {
		{ '*', TOKEN_MATCHZANY }, { '+', TOKEN_MATCHANY },
		{ '-', TOKEN_MATCHONE }, { '=', TOKEN_MATCHCLASS },
		{ '~', TOKEN_MATCHNCLASS }, { '#', TOKEN_CANONNET },
		{ '@', TOKEN_CANONHOST }, { ':', TOKEN_CANONUSER },
		{ '>', TOKEN_CALLSUBR }, { '?', TOKEN_CONDIF },
		{ '|', TOKEN_CONDELSE }, { '.', TOKEN_CONDFI },
		{ '[', TOKEN_HOSTBEGIN }, { ']', TOKEN_HOSTEND },
		{ '(', TOKEN_LOOKUPBEGIN }, { ')', TOKEN_LOOKUPEND },
		{ '&', TOKEN_MACRODEXPAND }, { 0, 0 }
	};
	char v[3];
	int i, c;

	for (i = 0; metas[i].name != 0; i++) {
		v[0] = (char)metas[i].code;
		v[1] = '\0';
		macro_set(metas[i].name, v);
	}
	for (c = '0'; c <= '9'; c++) {
		v[0] = (char)TOKEN_MATCHREPL;
		v[1] = (char)c;
		v[2] = '\0';
		macro_set(c, v);
	}
}

/* $j $w $m $k and class w from the host's names. */
static void
start_hostnames(void)
{
	struct domain_self ds;
	struct utsname u;
	const char *err = NULL;
	char **n;

	memset(&ds, 0, sizeof(ds));
	if (domain_self(&ds, &err) < 0) {
		if (err != NULL)
			msg_syserr("%s", err);
		return;
	}
	if (ds.ds_fqdn[0] != '\0') {
		macro_set('w', ds.ds_fqdn);
		macro_set('j', ds.ds_fqdn);
		class_add('w', ds.ds_fqdn);
		if (ds.ds_domain[0] != '\0')
			macro_set('m', ds.ds_domain);
		if (uname(&u) == 0)
			macro_set('k', u.nodename);
	}
	for (n = ds.ds_names; n != NULL && *n != NULL; n++)
		class_add('w', *n);
	for (n = ds.ds_addrs; n != NULL && *n != NULL; n++)
		class_add('w', *n);
	domain_self_free(&ds);
}

void
start_macros(void)
{
	start_metamacros();
	macro_set('n', "MAILER-DAEMON");
	macro_set('v', START_VERSION);
	start_hostnames();
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
	readcf_init();
	(void)map_declare("host", "host", "-a. -D", NULL, 0, &err);
	st = readcf(cffile, btmode);
	readcf_finish();
	return st;
}
