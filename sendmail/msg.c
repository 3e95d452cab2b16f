/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * msg.c -- user-visible error lines and the exit status (see msg.h).
 *
 * Public: msg_set_out msg_out msg_set_to msg_set_place msg_usrerr
 * msg_message msg_syserr msg_note msg_setstat msg_exitstat msg_errors msg_shorten
 * msg_set_verbose msg_info.
 * Runs in every sendmail process; no privileges needed.
 */
#include "sendmail/msg.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <string.h>
#include <sysexits.h>

static FILE	*msg_fp;
static const char *msg_to;
static const char *msg_file;
static int	msg_line;
static int	msg_stat = EX_OK;
static int	msg_nerr;
static int	msg_verbose;	/* start_mode: on for -bt and -v */

void
msg_set_out(FILE *fp)
{
	msg_fp = fp;
}

FILE *
msg_out(void)
{
	return msg_fp != NULL ? msg_fp : stdout;
}

const char *
msg_set_to(const char *to)
{
	const char *old = msg_to;

	msg_to = to;
	return old;
}

void
msg_set_place(const char *file, int line)
{
	msg_file = file;
	msg_line = line;
}

const char *
msg_place(int *linep)
{
	*linep = msg_line;
	return msg_file;
}

/* Does TEXT start with "ddd " (a reply code)? */
static int
msg_has_code(const char *text)
{
	return isdigit((unsigned char)text[0]) &&
	    isdigit((unsigned char)text[1]) &&
	    isdigit((unsigned char)text[2]) &&
	    (text[3] == ' ' || text[3] == '-');
}

/* Length of an enhanced status code "c.d.d " at TEXT, or 0. */
static size_t
msg_enh_len(const char *text)
{
	const char *p = text;
	int part;

	if (*p < '2' || *p > '5' || p[1] != '.')
		return 0;
	p += 2;
	for (part = 0; part < 2; part++) {
		size_t n = 0;

		while (isdigit((unsigned char)p[n]))
			n++;
		if (n == 0 || n > 3)
			return 0;
		p += n;
		if (part == 0 && *p++ != '.')
			return 0;
	}
	if (*p != ' ')
		return 0;
	return (size_t)(p + 1 - text);
}

/* Does sendmail show the address for reply code CODE? */
static int
msg_shows_to(const char *code)
{
	static const char *const codes[] = {
		"050", "250", "252", "450", "550", "553", NULL
	};
	int i;

	for (i = 0; codes[i] != NULL; i++)
		if (strncmp(code, codes[i], 3) == 0)
			return 1;
	return 0;
}

/* Print S with the eighth bit of every byte cleared. */
static void
msg_put7(FILE *fp, const char *s)
{
	for (; *s != '\0'; s++)
		(void)putc(*s & 0177, fp);
}

/* Format and print one message; DEFCODE when TEXT carries none. */
static void msg_emit(const char *defcode, int count, const char *fmt,
    va_list ap) __attribute__((format(printf, 3, 0)));

static void
msg_emit(const char *defcode, int count, const char *fmt, va_list ap)
{
	char text[2048];
	const char *code = defcode, *body = text;
	FILE *fp = msg_out();

	(void)vsnprintf(text, sizeof(text), fmt, ap);
	if (msg_has_code(text)) {
		code = text;
		body = text + 4;
	}
	body += msg_enh_len(body);
	if (msg_file != NULL)
		(void)fprintf(fp, "%s: line %d: ", msg_file, msg_line);
	if (msg_to != NULL && msg_to[0] != '\0' && msg_shows_to(code)) {
		msg_put7(fp, msg_shorten(msg_to, MSG_MAXSHORTSTR));
		(void)fputs("... ", fp);
	}
	msg_put7(fp, body);
	(void)putc('\n', fp);
	msg_nerr += count;
}

void
msg_usrerr(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	msg_emit("553", 1, fmt, ap);
	va_end(ap);
}

void
msg_message(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	msg_emit("050", 0, fmt, ap);
	va_end(ap);
}

int
msg_set_verbose(int on)
{
	int old = msg_verbose;

	msg_verbose = on;
	return old;
}

void
msg_info(const char *fmt, ...)
{
	va_list ap;

	if (!msg_verbose)
		return;
	va_start(ap, fmt);
	msg_emit("050", 0, fmt, ap);
	va_end(ap);
}

void
msg_syserr(const char *fmt, ...)
{
	va_list ap;
	int saved = errno;

	va_start(ap, fmt);
	msg_emit("554", 1, fmt, ap);
	va_end(ap);
	if (msg_stat == EX_OK)
		msg_stat = saved == 0 ? EX_SOFTWARE : EX_OSERR;
	errno = saved;
}

void
msg_note(const char *fmt, ...)
{
	va_list ap;
	FILE *fp = msg_out();

	if (msg_file != NULL)
		(void)fprintf(fp, "%s: line %d: ", msg_file, msg_line);
	va_start(ap, fmt);
	(void)vfprintf(fp, fmt, ap);
	va_end(ap);
	(void)putc('\n', fp);
}

void
msg_setstat(int st)
{
	if (msg_stat == EX_OK || msg_stat == EX_TEMPFAIL)
		msg_stat = st;
}

int
msg_exitstat(void)
{
	return msg_stat;
}

int
msg_errors(void)
{
	return msg_nerr;
}

const char *
msg_shorten(const char *s, size_t m)
{
	static char buf[MSG_MAXSHORTSTR + 1];
	size_t l = strlen(s), half;

	if (l < m)
		return s;
	if (m > MSG_MAXSHORTSTR)
		m = MSG_MAXSHORTSTR;
	if (m < 10) {
		size_t keep = m < 5 ? m : m - 3;

		memcpy(buf, s, keep);
		buf[keep] = '\0';
		if (m >= 5)
			memcpy(buf + keep, "...", 4);
		return buf;
	}
	half = (m - 3) / 2;
	memcpy(buf, s, half);
	memcpy(buf + half, "...", 3);
	memcpy(buf + half + 3, s + l - half, half);
	buf[2 * half + 3] = '\0';
	return buf;
}
