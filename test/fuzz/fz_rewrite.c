/* SPDX-License-Identifier: BSD-3-Clause */
/* fz_rewrite.c -- the rewriting engine over arbitrary addresses: fixed
 * rules with every kind of wildcard, class, $&, $>, $( $) and a loop. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sendmail/macro.h"
#include "sendmail/msg.h"
#include "sendmail/readcf.h"
#include "sendmail/rewrite.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char rules[] = "V10/Berkeley\nO OperatorChars=.:%@!^/[]+\n"
	"DXa.b\nCwa a.b x\nKdequote dequote\nS3\nR$* < $* > $*\t$2\n"
	"R$+ @ $=w\t$@ $1\nR$* $&X $*\t$: $1 < $2 >\nR$- ! $+\t$2 @ $1\n"
	"R$~w . $*\t$1 $2\nR$*\t$: $>sub $1\nSsub\nR$* a $* a $* b\tx $3\n"
	"R$+ + $*\t$: $(dequote $1 $@ $2 $: $1 $)\nS0\nR$* @ $*\t$2 $1\n"
	"R$*\t$#local $: $1\n";

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct token *pv[TOKEN_MAXATOM + 1];
	static int loaded;
	char *text = malloc(size + 1), *line, *next, buf[sizeof(rules)];
	int n;

	msg_set_out(fopen("/dev/null", "w"));
	if (!loaded++) {
		readcf_init();
		macro_init();
		memcpy(buf, rules, sizeof(rules));
		for (line = buf; line != NULL && *line != '\0'; line = next) {
			*(next = strchr(line, '\n')) = '\0';
			readcf_line(line, 1);
			next++;
		}
		readcf_finish();
	}
	memcpy(text, data, size);
	text[size] = '\0';
	n = token_scan(text, '\0', TOKEN_TAB_NOC, 0, pv, TOKEN_MAXATOM + 1,
	    NULL);
	if (n > 0 && rewrite(pv, &n, TOKEN_MAXATOM, 3, 0) >= 0)
		(void)rewrite(pv, &n, TOKEN_MAXATOM, 0, 0);
	fclose(msg_out());
	msg_set_out(NULL);
	free(text);
	return 0;
}
