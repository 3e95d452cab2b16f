/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * newaliases.c -- sendmail -bi (see newaliases.h).
 *
 * Public: newaliases_hooks newaliases_run.
 * Runs in sendmail -bi / newaliases.
 */
#include "sendmail/newaliases.h"

#include "libsm/err.h"
#include "sendmail/mailer.h"
#include "sendmail/msg.h"
#include "sendmail/parseaddr.h"
#include "sendmail/readcf.h"

#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

static int newaliases_bad;	/* names sendmail counts as errors */

/* An alias name through rulesets 3 and 0: the local user is the key. */
static int
newaliases_name(void *ctx, const char *name, char **userp, char **paddrp,
    char *why, size_t size)
{
	ADDRESS a, *ap;
	char *copy = sm_strdup_x(name);
	int rc = 0;

	(void)ctx;
	memset(&a, 0, sizeof(a));
	ap = parseaddr(copy, &a, PA_COPYALL);
	if (ap == NULL) {
		/* sendmail complains and keeps the name as written */
		size_t n = strlen(name);

		while (n > 0 && (name[n - 1] == ' ' || name[n - 1] == '\t'))
			n--;
		while (*name == ' ' || *name == '\t')
			name++, n--;
		*userp = sm_strndup_x(name, n);
		newaliases_bad++;
	} else if (ap->q_mailer != mailer_find("local")) {
		(void)snprintf(why, size, "%.40s... cannot alias non-local "
		    "names", name);
		newaliases_bad++;
		rc = -1;
	} else
		*userp = sm_strdup_x(ap->q_user);
	if (ap != NULL)
		parseaddr_free(ap);
	free(copy);
	*paddrp = NULL;
	return rc;
}

const struct aliasdb_hooks *
newaliases_hooks(void)
{
	static const struct aliasdb_hooks h = {
		newaliases_name, NULL, NULL
	};

	return &h;
}

/* One AliasFile spec; returns 0, or 1 when it counts as an error. */
static int
newaliases_one(const char *spec, FILE *out)
{
	struct aliasdb_spec as;
	struct aliasdb_result res;
	const char *why = NULL;
	int rc;

	if (aliasdb_spec_parse(spec, &as, &why) < 0) {
		/* nis, ldap ...: nothing to build, sendmail says nothing */
		if (why != NULL && strstr(why, "unsupported") != NULL)
			return 0;
		(void)fprintf(out, "%s: %s\n", spec, why);
		return 1;
	}
	rc = aliasdb_rebuild(&as, newaliases_hooks(), out, &res, &why);
	aliasdb_spec_free(&as);
	if (rc < 0)
		return 1;
	return rc == 0 && res.ar_errors > 0;
}

int
newaliases_run(FILE *out)
{
	const struct conf_list *al = &readcf_config()->cf_conf.co_aliasfile;
	int i, bad = 0;

	newaliases_bad = 0;
	for (i = 0; i < al->cl_n; i++)
		bad += newaliases_one(al->cl_v[i], out);
	(void)fflush(out);
	return bad > 0 || newaliases_bad > 0 || msg_errors() > 0 ?
	    EX_SOFTWARE : EX_OK;
}
