/* SPDX-License-Identifier: BSD-3-Clause */
/* fz_conf.c -- conf_option over arbitrary O lines: each input line is the
 * text after an O (a leading '!' makes it a command-line setting), then
 * conf_finish and conf_print of everything. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sendmail/conf.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
define(void *ctx, const char *name, const char *value)
{
	(void)ctx;
	(void)name;
	(void)value;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1), *line, *next;
	struct conf cf;
	FILE *null;

	if (text == NULL)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	conf_init(&cf);
	cf.cf_hooks.ch_define = define;
	for (line = text; line != NULL; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		if (line[0] == '!')
			(void)conf_option(&cf, line + 1, 1, NULL);
		else
			(void)conf_option(&cf, line, 0, NULL);
	}
	conf_finish(&cf);
	if ((null = fopen("/dev/null", "w")) != NULL) {
		(void)conf_print(null, &cf, NULL);
		fclose(null);
	}
	conf_free(&cf);
	free(text);
	return 0;
}
