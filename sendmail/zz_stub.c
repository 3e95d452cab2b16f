/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * zz_stub.c -- TEMPORARY stand-ins for map.c (helper h6) and domain.c
 * (helper h7) until their branches are merged; deleted then.
 */
#include "libsm/err.h"
#include "sendmail/domain.h"
#include "sendmail/map.h"

#include <netdb.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct map {
	char	*name;
	struct map *next;
};

static struct map *stub_maps;

void
map_init(const struct map_hooks *hooks)
{
	(void)hooks;
}

MAP *
map_declare(const char *name, const char *mclass, const char *args,
    const char *file, int line, const char **errp)
{
	struct map *m = map_find(name);

	(void)mclass; (void)args; (void)file; (void)line; (void)errp;
	if (m != NULL)
		return m;
	m = sm_calloc_x(1, sizeof(*m));
	m->name = sm_strdup_x(name);
	m->next = stub_maps;
	stub_maps = m;
	return m;
}

MAP *
map_find(const char *name)
{
	struct map *m;

	for (m = stub_maps; m != NULL; m = m->next)
		if (strcasecmp(m->name, name) == 0)
			return m;
	return NULL;
}

char *
map_lookup(MAP *map, const char *key, const char *const *args, int nargs,
    int *statp)
{
	(void)map; (void)key; (void)args; (void)nargs;
	*statp = 0;
	return NULL;
}

void
map_bt(FILE *out, const char *name, const char *key)
{
	if (map_find(name) == NULL) {
		(void)fprintf(out, "Map named \"%s\" not found\n", name);
		return;
	}
	(void)fprintf(out, "map_lookup: %s (%s) no match (0)\n", name, key);
}

void
map_close_all(void)
{
}

int
domain_self(struct domain_self *ds, const char **errp)
{
	char host[256];
	struct hostent *h;
	char *dot;
	int n = 0, i;

	(void)errp;
	memset(ds, 0, sizeof(*ds));
	if (gethostname(host, sizeof(host)) < 0)
		return -1;
	host[sizeof(host) - 1] = '\0';
	h = gethostbyname(host);
	if (h != NULL)
		(void)snprintf(host, sizeof(host), "%s", h->h_name);
	(void)snprintf(ds->ds_fqdn, sizeof(ds->ds_fqdn), "%s", host);
	(void)snprintf(ds->ds_short, sizeof(ds->ds_short), "%s", host);
	dot = strchr(ds->ds_short, '.');
	if (dot != NULL) {
		*dot = '\0';
		(void)snprintf(ds->ds_domain, sizeof(ds->ds_domain), "%s",
		    dot + 1);
	}
	ds->ds_names = sm_calloc_x(34, sizeof(char *));
	for (i = 0; h != NULL && h->h_aliases[i] != NULL && n < 32; i++)
		ds->ds_names[n++] = sm_strdup_x(h->h_aliases[i]);
	ds->ds_addrs = sm_calloc_x(2, sizeof(char *));
	ds->ds_addrs[0] = sm_strdup_x("[127.0.0.1]");
	return 0;
}

void
domain_self_free(struct domain_self *ds)
{
	char **p;

	for (p = ds->ds_names; p != NULL && *p != NULL; p++)
		free(*p);
	for (p = ds->ds_addrs; p != NULL && *p != NULL; p++)
		free(*p);
	free(ds->ds_names);
	free(ds->ds_addrs);
}

int
domain_getcanonname(char *host, size_t hsize, int trymx, int *statp)
{
	struct hostent *h = gethostbyname(host);

	(void)trymx;
	*statp = 0;
	if (h == NULL)
		return 0;
	(void)snprintf(host, hsize, "%s", h->h_name);
	return 1;
}

int
domain_getmxrr(const char *host, char **mx, int *statp)
{
	(void)host; (void)mx;
	*statp = 0;
	return 0;
}

void
domain_freemx(char **mx, int n)
{
	int i;

	for (i = 0; i < n; i++)
		free(mx[i]);
}
