/* SPDX-License-Identifier: BSD-3-Clause */
/* fz_readcf.c -- the cf reader over arbitrary text: every line goes
 * through readcf_line (translation, every line type), then a few
 * addresses through rulesets 3 and 0 of whatever was defined. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sendmail/macro.h"
#include "sendmail/msg.h"
#include "sendmail/readcf.h"
#include "sendmail/rewrite.h"
#include "sendmail/token.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct token *pv[TOKEN_MAXATOM + 1];
	char *text = malloc(size + 1), *line, *next;
	int n, lineno = 0;

	memcpy(text, data, size);
	text[size] = '\0';
	msg_set_out(fopen("/dev/null", "w"));
	readcf_init();
	macro_init();
	for (line = text; line != NULL; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		readcf_line(line, ++lineno);
	}
	readcf_finish();
	n = token_scan("user@host.example", '\0', TOKEN_TAB_NOC, 0, pv,
	    TOKEN_MAXATOM + 1, NULL);
	(void)rewrite(pv, &n, TOKEN_MAXATOM, 3, 0);
	(void)rewrite(pv, &n, TOKEN_MAXATOM, 0, 0);
	fclose(msg_out());
	msg_set_out(NULL);
	free(text);
	return 0;
}
