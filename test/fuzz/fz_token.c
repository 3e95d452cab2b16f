/* SPDX-License-Identifier: BSD-3-Clause */
/* fz_token.c -- the tokenizer over arbitrary bytes: the first byte picks
 * the table and the delimiter, the rest is the address; then the tokens
 * are printed and joined as -bt and the engine would. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sendmail/msg.h"
#include "sendmail/token.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct token *av[TOKEN_MAXATOM + 1];
	static const int delims[] = { '\0', ',', ' ', '\t' };
	char *text, join[TOKEN_MAXNAME + 1];
	FILE *null = fopen("/dev/null", "w");
	const char *end = NULL;
	int n;

	if (size == 0 || null == NULL) {
		if (null != NULL)
			fclose(null);
		return 0;
	}
	text = malloc(size);
	memcpy(text, data + 1, size - 1);
	text[size - 1] = '\0';
	msg_set_out(null);
	token_set_operators(".:%@!^/[]+");
	n = token_scan(text, delims[data[0] & 3], (enum token_tab)(data[0] >> 2
	    & 1 ? TOKEN_TAB_EXT : (data[0] >> 3 & 1) ? TOKEN_TAB_INT :
	    TOKEN_TAB_NOC), data[0] >> 4 & 1, av, TOKEN_MAXATOM + 1, &end);
	if (n > 0) {
		token_printav(null, av, n);
		(void)token_cat(av, n, join, sizeof(join), data[0] >> 5 & 1 ?
		    ' ' : '\0', 1);
	}
	msg_set_out(NULL);
	fclose(null);
	free(text);
	return 0;
}
