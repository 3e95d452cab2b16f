/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * domain_bt.c -- the part of sendmail -bt that sendmail/domain.c answers,
 * for test/conformance/domain_pinned.sh: reads "/canon HOST", "/mx HOST",
 * "$w", "$j", "$m", "$k" lines and prints what sendmail 8.17 prints for
 * them (without the prompts).  The host identity comes from domain_self.
 *
 * usage: domain_bt [HOSTSFILE [SWITCHFILE]]
 */
#include <stdio.h>
#include <string.h>

#include "sendmail/domain.h"

static struct domain_self self;

static const char *
mydomain(void *ctx)
{
	(void)ctx;
	return self.ds_domain[0] != '\0' ? self.ds_domain : NULL;
}

static void
command(char *line)
{
	line[strcspn(line, "\n")] = '\0';
	if (strncmp(line, "/canon ", 7) == 0)
		domain_bt_canon(stdout, line + 7);
	else if (strncmp(line, "/mx ", 4) == 0)
		domain_bt_mx(stdout, line + 4);
	else if (strcmp(line, "$w") == 0)
		printf("%s\n", self.ds_short);
	else if (strcmp(line, "$j") == 0)
		printf("%s\n", self.ds_fqdn);
	else if (strcmp(line, "$m") == 0)
		printf("%s\n", self.ds_domain);
	else if (strcmp(line, "$k") == 0)
		printf("%s\n", self.ds_node);
}

int
main(int argc, char **argv)
{
	struct domain_conf dc;
	const char *err;
	char line[1024];

	if (domain_self(&self, &err) < 0) {
		fprintf(stderr, "domain_bt: %s\n", err);
		return 1;
	}
	memset(&dc, 0, sizeof dc);
	dc.dc_hostsfile = argc > 1 ? argv[1] : NULL;
	dc.dc_configlevel = 10;
	dc.dc_domain = mydomain;
	dc.dc_myhostname = self.ds_fqdn;
	domain_configure(&dc);
	if (argc > 2)
		domain_set_switch_file(argv[2]);
	while (fgets(line, sizeof line, stdin) != NULL)
		command(line);
	domain_set_switch_file(NULL);
	domain_self_free(&self);
	return 0;
}
