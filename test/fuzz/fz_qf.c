/* SPDX-License-Identifier: BSD-3-Clause */
/* fz_qf.c -- queue_parse over arbitrary bytes.  A refusal must say why;
 * what parses must format, and the formatted file must parse again and
 * format to the same bytes (the writer never makes a file that reads back
 * differently). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "libsm/str.h"
#include "sendmail/queue.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	SM_STR *why = sm_str_new(0), *a = sm_str_new(0), *b = sm_str_new(0);
	struct queue_file *qf, *again;

	if (queue_parse((const char *)data, size, "qfFUZZ", &qf, why) < 0) {
		if (sm_str_len(why) == 0 || qf != NULL)
			abort();
	} else {
		if (queue_format(qf, a) < 0 ||
		    queue_parse(sm_str_data(a), sm_str_len(a), "qfA", &again,
		    why) < 0)
			abort();
		if (queue_format(again, b) < 0 || sm_str_len(a) !=
		    sm_str_len(b) || memcmp(sm_str_data(a), sm_str_data(b),
		    sm_str_len(a)) != 0)
			abort();
		queue_file_free(again);
		queue_file_free(qf);
	}
	sm_str_free(why);
	sm_str_free(a);
	sm_str_free(b);
	return 0;
}
