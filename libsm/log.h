/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * log.h -- log lines in sendmail's syslog format.
 *
 *	sm_log_open(), sm_log_close(), sm_log_level(), sm_log_wants()
 *	sm_log(), sm_vlog()		one line "QID: text"
 *	sm_logkv_*()			build "key=value, key=value" texts
 *	sm_log_delay()			sendmail's delay= format
 *	sm_log_prt()			client bytes made printable, as sendmail
 *					logs SMTP commands
 *
 * A line is "QID: text" (sendmail's sm_syslog): QID is the queue id of the
 * envelope the line is about, or NULL for no prefix (sendmail's NOQID;
 * callers pass "NOQUEUE" themselves where sendmail prints it).  Lines go to
 * syslog(3) (facility mail, with the pid) or, for tests and foreground use,
 * to a file or stderr chosen by sm_log_open.  The log destination and level
 * are the only global state in libsm besides the debug vector (debug.h):
 * set them while single-threaded; sm_log itself may be called from threads.
 *
 * What a line looks like (all destinations get the same text):
 *   - Control characters (0x00-0x1f, 0x7f) in the text or the QID never
 *     reach the log as such: they are written as sendmail's str2prt() does,
 *     \t \n \r, and \ooo (three octal digits) for the others.  Backslashes
 *     and 8-bit bytes are left alone (an address may hold either); use
 *     sm_log_prt() for raw client input to escape those too.
 *   - The text (after escaping) is at most SM_LOG_MAX - 1 bytes; a longer
 *     one is cut and ends in "...".
 *   - A long text is split the way sendmail 8.17 splits it (observed on
 *     the real binary with ident "sendmail"): when it is longer than
 *     SM_LOG_SPLIT - strlen(QID) bytes it goes out in parts
 *     "QID[1]: part ...", "QID[2]: part ...", ..., "QID[n]: last part"
 *     ("[1]: ..." without a QID), until what is left fits that size.
 *     With W = SM_LOG_PART - strlen(QID), a part ends just after the last
 *     space among the next W + 1 bytes, or, with no space there, after W
 *     bytes.
 *   - File and stderr lines get a syslog-like prefix,
 *     "Mon DD HH:MM:SS host ident[pid]: ", local time, host name cut at
 *     its first dot, and are written with one write(2) each (O_APPEND),
 *     so processes sharing the file do not interleave within a line.
 *   - errno is preserved across every call (and %m works: glibc).
 */
#ifndef SM_LOG_H
#define SM_LOG_H

#include <stdarg.h>
#include <stddef.h>
#include <syslog.h>

/* Longest text of one sm_log call, after escaping (bytes). */
#define SM_LOG_MAX	8192
/* Texts longer than SM_LOG_SPLIT - strlen(qid) are split into parts ... */
#define SM_LOG_SPLIT	980
/* ... of at most SM_LOG_PART - strlen(qid) bytes (+1 for a final space). */
#define SM_LOG_PART	970

/* Where lines go.  SM_LOG_SYSLOG is the default (ident "sendmail"). */
enum sm_log_dest {
	SM_LOG_SYSLOG,
	SM_LOG_STDERR,
	SM_LOG_FILE
};

/*
 * sm_log_open -- choose where lines go.
 *	IDENT is the syslog ident / the program name in file lines (NULL:
 *	"sendmail"; at most 63 bytes kept).  PATH is the file for
 *	SM_LOG_FILE, opened O_APPEND|O_CREAT (mode 0640 before umask).
 * Returns 0, or -1 with errno set (the old destination stays).
 * Side effects: closes the previous destination; for syslog, openlog()
 *	with LOG_PID|LOG_NDELAY and facility LOG_MAIL, so the log socket is
 *	open before a chroot or privilege change.
 */
int	sm_log_open(enum sm_log_dest dest, const char *ident, const char *path);

/* Close the destination; later lines go to syslog again (ident kept). */
void	sm_log_close(void);

/* Lines with a priority numerically above LEVEL (less important) are
 * dropped; LOG_DEBUG keeps everything.  Default LOG_INFO. */
void	sm_log_level(int level);

/* Would a line of priority PRI be written?  (To skip costly formatting.) */
int	sm_log_wants(int pri);

/*
 * sm_log -- log one line "QID: text" at priority PRI (LOG_ERR ...).
 *	QID may be NULL (no prefix).  FMT is printf(3) with glibc's %m.
 * Side effects: one or more lines to the destination (see above); a
 *	failed write is ignored (there is nowhere to report it).
 */
void	sm_log(int pri, const char *qid, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
void	sm_vlog(int pri, const char *qid, const char *fmt, va_list ap)
	    __attribute__((format(printf, 3, 0)));

/*
 * SM_LOGKV -- a "key=value, key=value" text in a fixed buffer, as in
 *	"to=<u@h>, delay=00:00:01, xdelay=00:00:01, mailer=local, pri=30000,
 *	relay=local, dsn=2.0.0, stat=Sent".
 *	A pair that does not fit whole is dropped (never half written) and
 *	kv_trunc is set; later, shorter pairs may still go in.  Bound long
 *	values yourself ("%.100s") as sendmail does.
 *
 *	SM_LOGKV kv;
 *	sm_logkv_init(&kv);
 *	sm_logkv_add(&kv, "to", "%s", rcpt);
 *	sm_logkv_add(&kv, "delay", "%s", sm_log_delay(d, sizeof(d), secs));
 *	sm_log(LOG_INFO, qid, "%s", sm_logkv_str(&kv));
 */
typedef struct sm_logkv {
	char	kv_buf[SM_LOG_MAX];
	size_t	kv_len;
	int	kv_trunc;
} SM_LOGKV;

void	sm_logkv_init(SM_LOGKV *kv);
/* Append "KEY=value" (", " before it unless first).  Returns 0, or -1 if
 * the pair did not fit and was dropped. */
int	sm_logkv_add(SM_LOGKV *kv, const char *key, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
/* The text so far (NUL-terminated, "" when empty). */
const char *sm_logkv_str(const SM_LOGKV *kv);

/* Size enough for any sm_log_delay() text. */
#define SM_LOG_DELAYSZ	32

/*
 * sm_log_delay -- format SECS as sendmail's delay=/xdelay= values:
 *	"HH:MM:SS", or "D+HH:MM:SS" from one day on ("2+03:04:05").
 *	A negative SECS (clock stepped back) prints as 00:00:00.
 * Returns BUF (SIZE >= SM_LOG_DELAYSZ always suffices; a smaller SIZE
 *	truncates).
 */
char	*sm_log_delay(char *buf, size_t size, long long secs);

/*
 * sm_log_prt -- make LEN raw client bytes printable, as sendmail logs an
 *	SMTP command line ("<-- NOOP a\001b"): printable ASCII stays,
 *	backslash becomes \\, tab/LF/CR \t \n \r, every other byte (control
 *	or 8-bit) \ooo in octal.
 * Returns DST, always NUL-terminated when SIZE > 0; a result that does
 *	not fit is cut before an escape, never inside one.
 */
char	*sm_log_prt(char *dst, size_t size, const char *src, size_t len);

#endif
