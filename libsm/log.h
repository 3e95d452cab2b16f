/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * log.h -- log lines in sendmail's syslog format, and -d debug categories.
 *
 * A line is "QID: text" (sendmail's sm_syslog): QID is the queue id of the
 * envelope the line is about, or NULL for no prefix.  Text of the form
 * "key=value, key=value" is the caller's business (sm_log_kv helps).
 * Lines go to syslog(3) (facility mail) or, for tests and -X style use, to a
 * file or stderr chosen by sm_log_open.  The only global state in libsm.
 */
#ifndef SM_LOG_H
#define SM_LOG_H

#include <stdarg.h>
#include <syslog.h>

/* Where lines go.  SM_LOG_SYSLOG is the default (ident "sendmail"). */
enum sm_log_dest {
	SM_LOG_SYSLOG,
	SM_LOG_STDERR,
	SM_LOG_FILE
};

/* IDENT is the syslog ident / the program name in file lines; PATH for
 * SM_LOG_FILE.  Returns 0, or -1 with errno set (the old destination stays). */
int	sm_log_open(enum sm_log_dest dest, const char *ident, const char *path);
void	sm_log_close(void);
/* Lines with a priority numerically above LEVEL (less important) are
 * dropped; LOG_DEBUG keeps everything.  Default LOG_INFO. */
void	sm_log_level(int level);

void	sm_log(int pri, const char *qid, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
void	sm_vlog(int pri, const char *qid, const char *fmt, va_list ap)
	    __attribute__((format(printf, 3, 0)));

#endif
