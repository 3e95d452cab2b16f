/* SPDX-License-Identifier: BSD-3-Clause */
/* fz_readcf.c -- the cf reader over arbitrary text: every line goes
 * through readcf_line (translation, every line type), then an address
 * through rulesets 3 and 0 of whatever was defined. */
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sendmail/class.h"
#include "sendmail/macro.h"
#include "sendmail/mailer.h"
#include "sendmail/map.h"
#include "sendmail/msg.h"
#include "sendmail/readcf.h"
#include "sendmail/rewrite.h"
#include "sendmail/token.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static jmp_buf fz_fatal_jmp;

/* An option error sendmail ends on: stop this run, not the fuzzer. */
static void
fz_fatal(int status)
{
	(void)status;
	longjmp(fz_fatal_jmp, 1);
}

/* Read TEXT as a cf, then route an address with what it defined. */
static void
fz_run(char *text)
{
	static const struct token *pv[TOKEN_MAXATOM + 1];
	char *line, *next;
	int n, lineno = 0;

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
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char *text;

	text = malloc(size + 1);
	memcpy(text, data, size);
	text[size] = '\0';
	msg_set_out(fopen("/dev/null", "w"));
	readcf_set_fatal(fz_fatal);
	readcf_init();
	macro_init();
	if (setjmp(fz_fatal_jmp) == 0)
		fz_run(text);
	fclose(msg_out());
	msg_set_out(NULL);
	free(text);
	/* forget it all: each run starts afresh (and allocations balance,
	 * which keeps libFuzzer's leak checks rare and the runs fast) */
	rewrite_reset();
	class_reset();
	mailer_reset();
	map_free_all();
	macro_reset();
	readcf_reset();
	return 0;
}
