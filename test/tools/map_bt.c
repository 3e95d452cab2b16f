/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * map_bt.c -- the part of sendmail -bt that the map layer answers, for
 * test/conformance/map_pinned.sh: reads a tiny cf (K lines; the options
 * AliasFile, ServiceSwitchFile, HostsFile, DontBlameSendmail; anything
 * else is skipped), then "/map ..." lines from stdin, and prints what
 * sendmail 8.17 prints for them (without the prompts).  Messages while
 * the cf is read get the "CF: line N: " prefix, as sendmail's do.
 *
 * usage: map_bt CF
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "libsm/spawn.h"
#include "sendmail/domain.h"
#include "sendmail/map.h"

static const char *cf_file;
static int cf_line;		/* 0 once the cf is read */

static void
print(int err, const char *text)
{
	(void)err;
	if (cf_line > 0)
		printf("%s: line %d: ", cf_file, cf_line);
	printf("%s\n", text);
}

static void
note(const char *text)
{
	print(0, text);
}

/* What the core's macro code says about a bad name (not ours to test). */
static int
macro_set(const char *name, const char *value)
{
	(void)value;
	if (name[0] != '{' || strchr(name, '}') != NULL)
		return 0;
	printf("Unbalanced { on %s\n", name + 1);
	printf("Unable to assign macro/class ID (mid = 0xffffffff)\n");
	return -1;
}

/* The program class runs as DefaultUser, 1:1 by default. */
static void
spawn_setup(struct sm_spawn *sp)
{
	sp->sp_uid = 1;
	sp->sp_gid = 1;
}

static const char *
mydomain(void *ctx)
{
	(void)ctx;
	return "example.org";
}

/* One "O Name=value" line the map layer cares about. */
static void
option(char *o, struct domain_conf *dc)
{
	static char hosts[1024];
	char *v = strchr(o, '=');

	if (v == NULL)
		return;
	*v++ = '\0';
	if (strcasecmp(o, "AliasFile") == 0)
		map_setalias(v);
	else if (strcasecmp(o, "ServiceSwitchFile") == 0)
		domain_set_switch_file(v);
	else if (strcasecmp(o, "HostsFile") == 0) {
		(void)snprintf(hosts, sizeof(hosts), "%s", v);
		dc->dc_hostsfile = hosts;
		domain_configure(dc);
	} else if (strcasecmp(o, "DontBlameSendmail") == 0 &&
	    strcasestr(v, "MapInUnsafeDirPath") != NULL)
		map_set_unsafe_dirpath(1);
}

static void
readcf(FILE *fp, struct domain_conf *dc)
{
	char line[4096];
	const char *why;

	while (fgets(line, sizeof(line), fp) != NULL) {
		cf_line++;
		line[strcspn(line, "\n")] = '\0';
		if (line[0] == 'K' && map_kline(line + 1, cf_file, cf_line,
		    &why) == NULL)
			print(0, why);
		else if (strncmp(line, "O ", 2) == 0)
			option(line + 2, dc);
	}
}

int
main(int argc, char **argv)
{
	static const struct map_hooks hk = { .mh_macro_set = macro_set,
	    .mh_syserr = print, .mh_message = note,
	    .mh_spawn_setup = spawn_setup };
	struct domain_conf dc;
	char line[4096];
	FILE *fp;

	if (argc != 2 || (fp = fopen(argv[1], "r")) == NULL) {
		fprintf(stderr, "usage: map_bt CF\n");
		return 2;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	memset(&dc, 0, sizeof(dc));
	dc.dc_configlevel = 10;
	dc.dc_domain = mydomain;
	domain_configure(&dc);
	map_init(&hk);
	cf_file = argv[1];
	readcf(fp, &dc);
	(void)fclose(fp);
	cf_line = 0;
	map_host_defaults(10);
	while (fgets(line, sizeof(line), stdin) != NULL) {
		line[strcspn(line, "\n")] = '\0';
		while (line[0] != '\0' && strchr(" \t", line[strlen(line) - 1]))
			line[strlen(line) - 1] = '\0';
		if (strncmp(line, "/map", 4) == 0)
			map_bt_cmd(stdout, line + 4 + strspn(line + 4, " \t"));
	}
	map_free_all();
	return 0;
}
