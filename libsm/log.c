/* SPDX-License-Identifier: BSD-3-Clause */
/* log.c -- placeholder: lines to stderr (log.h).  Replaced by the full module. */
#include "log.h"

#include <stdio.h>

int
sm_log_open(enum sm_log_dest dest, const char *ident, const char *path)
{
	(void)dest; (void)ident; (void)path;
	return 0;
}

void
sm_log_close(void)
{
}

void
sm_log_level(int level)
{
	(void)level;
}

void
sm_vlog(int pri, const char *qid, const char *fmt, va_list ap)
{
	(void)pri;
	if (qid != NULL)
		fprintf(stderr, "%s: ", qid);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void
sm_log(int pri, const char *qid, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	sm_vlog(pri, qid, fmt, ap);
	va_end(ap);
}
