/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * main.c -- sendmail's command line: parse the arguments, run the
 * start-up, dispatch to the mode (-bt address test, -bv verify).
 *
 * Everything else lives in modules that unit tests link.
 */
#include "libsm/debug.h"
#include "sendmail/bt.h"
#include "sendmail/macro.h"
#include "sendmail/map.h"
#include "sendmail/msg.h"
#include "sendmail/readcf.h"
#include "sendmail/rewrite.h"
#include "sendmail/start.h"
#include "sendmail/verify.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#define MAIN_DEFAULT_CF	"/etc/mail/sendmail.cf"

struct main_args {
	int		mode;		/* the letter after -b */
	const char	*cf;		/* -C */
	char		**opts;		/* -O and -o, in order */
	int		nopts;
	char		**rest;		/* addresses */
	int		nrest;
};

/* Options that take an argument (attached or as the next word). */
#define MAIN_ARGOPTS	"BCdFfhLNOoRrVX"

static void
main_usage(const char *what)
{
	(void)fprintf(stderr, "sendmail: %s\n", what);
	exit(EX_USAGE);
}

/* Keep an -O (long) or -o (letter) option as readcf_option text. */
static void
main_keep_opt(struct main_args *a, int letter, const char *v)
{
	size_t len = strlen(v) + 3;
	char *t = malloc(len);

	if (t == NULL)
		exit(EX_OSERR);
	(void)snprintf(t, len, "%s%s", letter == 'O' ? " " : "", v);
	a->opts = realloc(a->opts, (size_t)(a->nopts + 1) * sizeof(*a->opts));
	if (a->opts == NULL)
		exit(EX_OSERR);
	a->opts[a->nopts++] = t;
}

/* One option C with its argument V (NULL when it takes none). */
static void
main_opt(struct main_args *a, int c, const char *v)
{
	switch (c) {
	case 'b':
		a->mode = v != NULL && *v != '\0' ? *v : 'm';
		break;
	case 'C':
		a->cf = v;
		break;
	case 'd':
		(void)sm_debug_set(v, NULL);
		break;
	case 'O':
	case 'o':
		main_keep_opt(a, c, v);
		break;
	default:
		break;		/* accepted, not used in these modes */
	}
}

static void
main_parse(int argc, char **argv, struct main_args *a)
{
	int i;

	for (i = 1; i < argc; i++) {
		char *p = argv[i];
		int c;

		if (p[0] != '-' || p[1] == '\0')
			break;
		if (strcmp(p, "--") == 0) {
			i++;
			break;
		}
		c = (unsigned char)p[1];
		if (c == 'b') {
			main_opt(a, c, p + 2);
			continue;
		}
		if (strchr(MAIN_ARGOPTS, c) == NULL) {
			main_opt(a, c, NULL);
			continue;
		}
		if (p[2] != '\0')
			main_opt(a, c, p + 2);
		else if (i + 1 < argc)
			main_opt(a, c, argv[++i]);
		else
			main_usage("option requires an argument");
	}
	a->rest = argv + i;
	a->nrest = argc - i;
}

int
main(int argc, char **argv)
{
	static char obuf[BUFSIZ * 4];
	struct main_args a;
	int i, st;

	memset(&a, 0, sizeof(a));
	a.mode = 'm';
	main_parse(argc, argv, &a);
	(void)setvbuf(stdout, obuf, _IOFBF, sizeof(obuf));
	msg_set_out(stdout);
	start_init();
	for (i = 0; i < a.nopts; i++)
		readcf_option(a.opts[i], 1);
	(void)start_config(a.cf != NULL ? a.cf : MAIN_DEFAULT_CF, a.mode == 't');
	/* sendmail's delivery mode for these: interactive, verify */
	macro_set(macro_id("{deliveryMode}", NULL), a.mode == 'v' ? "v" : "i");
	switch (a.mode) {
	case 't':
		rewrite_set_trace(1);
		bt_banner();
		st = bt_run(stdin);
		break;
	case 'v':
		errno = 0;	/* a syserr's status as sendmail's (70) */
		st = verify_run(a.rest, a.nrest);
		break;
	default:
		(void)fprintf(stderr, "sendmail: mode -b%c is not served yet\n",
		    a.mode);
		st = EX_UNAVAILABLE;
		break;
	}
	(void)fflush(stdout);
	map_close_all();
	for (i = 0; i < a.nopts; i++)
		free(a.opts[i]);
	free(a.opts);
	return st;
}
