/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * t_buf.c -- libsm/buf.c: the bounded line reader, raw reads, timeouts,
 * deadlines, buffered writes, EPIPE without SIGPIPE, the io hooks.
 *
 * Line ends follow RFC 5321 2.3.8 (a line ends with CR LF; CR and LF may
 * appear alone only inside it) and the smuggling defence of DESIGN.md (in
 * strict mode a bare LF or CR never ends a line).  Every table row runs
 * over an in-memory transport cut into reads of 1, 2, 3, 5 and 4096 bytes
 * (so every line end falls across a read boundary somewhere) and over a
 * real pipe; all must give the same lines.
 */
#include "libsm/buf.h"
#include "libsm/date.h"
#include "t.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* ---- helpers ------------------------------------------------------------- */

static void
sleep_ms(int ms)
{
	struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000L };

	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		continue;
}

/* An in-memory transport handing out at most m_chunk bytes per read. */
struct memio {
	const char	*m_p;
	size_t		m_len, m_pos, m_chunk;
};

static ssize_t
mem_read(void *ctx, void *p, size_t len, short *want)
{
	struct memio *m = ctx;
	size_t n = m->m_len - m->m_pos;

	(void)want;
	if (n > m->m_chunk)
		n = m->m_chunk;
	if (n > len)
		n = len;
	memcpy(p, m->m_p + m->m_pos, n);
	m->m_pos += n;
	return (ssize_t)n;
}

static ssize_t
mem_write(void *ctx, const void *p, size_t len, short *want)
{
	(void)ctx, (void)p, (void)len, (void)want;
	errno = EBADF;
	return -1;
}

static const struct sm_buf_io mem_io = { mem_read, mem_write, NULL, 1 };

static const char *
eol_name(enum sm_eol e)
{
	switch (e) {
	case SM_EOL_CRLF:
		return "CRLF";
	case SM_EOL_LF:
		return "LF";
	case SM_EOL_EOF:
		return "EOF";
	case SM_EOL_PARTIAL:
		return "PART";
	}
	return "?";
}

/* Append LN to OUT as "data/END[:flags] " (CR, LF, NUL shown escaped). */
static void
render_line(char *out, size_t size, const struct sm_line *ln)
{
	size_t n = strlen(out), i;

	for (i = 0; i < ln->l_len && n + 4 < size; i++) {
		char c = ln->l_data[i];

		if (c == '\r' || c == '\n' || c == '\0') {
			out[n++] = '\\';
			out[n++] = c == '\r' ? 'r' : c == '\n' ? 'n' : '0';
		} else
			out[n++] = c;
	}
	out[n] = '\0';
	(void)snprintf(out + n, size - n, "/%s%s%s%s%s%s%s ",
	    eol_name(ln->l_end), ln->l_flags ? ":" : "",
	    ln->l_flags & SM_LINE_BARECR ? "C" : "",
	    ln->l_flags & SM_LINE_BARELF ? "L" : "",
	    ln->l_flags & SM_LINE_NUL ? "N" : "",
	    ln->l_flags & SM_LINE_CONT ? "+" : "",
	    ln->l_data[ln->l_len] != '\0' ? "!unterminated" : "");
}

/* Read every line of B into OUT, ending in "#" at EOF or "!errno". */
static void
render_all(SM_BUF *b, size_t max, int flags, char *out, size_t size)
{
	struct sm_line ln;
	int i, r;

	out[0] = '\0';
	for (i = 0; i < 200; i++) {
		r = sm_buf_getline(b, max, flags, &ln);
		if (r <= 0) {
			(void)snprintf(out + strlen(out), size - strlen(out),
			    r == 0 ? "#" : "!%d", errno);
			return;
		}
		if (ln.l_len > max)
			(void)snprintf(out + strlen(out), size - strlen(out),
			    "!toolong ");
		render_line(out, size, &ln);
	}
}

/* ---- the line table ------------------------------------------------------ */

#define ST	SM_LINE_STRICT
#define LF	SM_LINE_LF

static const struct {
	const char	*name;
	const char	*in;
	size_t		inlen;
	size_t		max;
	int		flags;
	const char	*want;
} rows[] = {
#define IN(s)	s, sizeof(s) - 1
	{ "a command", IN("HELO x\r\n"), 64, ST, "HELO x/CRLF #" },
	{ "empty input", IN(""), 64, ST, "#" },
	{ "empty line", IN("\r\n"), 64, ST, "/CRLF #" },
	{ "several lines", IN("a\r\nb\r\nc\r\n"), 64, ST,
	    "a/CRLF b/CRLF c/CRLF #" },
	{ "bare LF strict: inside the line", IN("a\nb\r\n"), 64, ST,
	    "a\\nb/CRLF:L #" },
	{ "bare LF lenient: a line end", IN("a\nb\r\n"), 64, LF,
	    "a/LF b/CRLF #" },
	{ "bare CR strict", IN("a\rb\r\n"), 64, ST, "a\\rb/CRLF:C #" },
	{ "bare CR lenient", IN("a\rb\r\n"), 64, LF, "a\\rb/CRLF:C #" },
	{ "CR CR LF", IN("a\r\r\n"), 64, ST, "a\\r/CRLF:C #" },
	{ "CR CR LF lenient", IN("a\r\r\n"), 64, LF, "a\\r/CRLF:C #" },
	{ "LF CR", IN("a\n\rb\r\n"), 64, ST, "a\\n\\rb/CRLF:CL #" },
	{ "smuggling: LF.LF is not an end of data",
	    IN("data\n.\nMAIL FROM:<x>\r\n.\r\n"), 64, ST,
	    "data\\n.\\nMAIL FROM:<x>/CRLF:L ./CRLF #" },
	{ "smuggling: LF.CRLF strict", IN("data\n.\r\nRSET\r\n"), 64, ST,
	    "data\\n./CRLF:L RSET/CRLF #" },
	{ "smuggling: CR.CR strict", IN("data\r.\rRSET\r\n"), 64, ST,
	    "data\\r.\\rRSET/CRLF:C #" },
	{ "smuggling: LF.CRLF lenient", IN("data\n.\r\nRSET\r\n"), 64, LF,
	    "data/LF ./CRLF RSET/CRLF #" },
	{ "no end at EOF", IN("abc"), 64, ST, "abc/EOF #" },
	{ "CR at EOF", IN("abc\r"), 64, ST, "abc\\r/EOF:C #" },
	{ "lone CR", IN("\r"), 64, ST, "\\r/EOF:C #" },
	{ "lone LF strict", IN("\n"), 64, ST, "\\n/EOF:L #" },
	{ "lone LF lenient", IN("\n"), 64, LF, "/LF #" },
	{ "NUL inside", IN("a\0b\r\n"), 64, ST, "a\\0b/CRLF:N #" },
	{ "NUL alone", IN("\0"), 64, ST, "\\0/EOF:N #" },
	{ "all flags", IN("\0\rx\n\r\n"), 64, ST,
	    "\\0\\rx\\n/CRLF:CLN #" },
	{ "exactly max", IN("abcde\r\n"), 5, ST, "abcde/CRLF #" },
	{ "one over max", IN("abcdef\r\nx\r\n"), 5, ST,
	    "abcde/PART f/CRLF:+ x/CRLF #" },
	{ "many pieces", IN("abcdefgh\r\nxy\r\n"), 3, ST,
	    "abc/PART def/PART:+ gh/CRLF:+ xy/CRLF #" },
	{ "piece boundary before a bare CR", IN("abcde\rX\r\n"), 5, ST,
	    "abcde/PART \\rX/CRLF:C+ #" },
	{ "exactly max lenient LF", IN("abcde\n"), 5, LF, "abcde/LF #" },
	{ "exactly max lenient CRLF", IN("abcde\r\n"), 5, LF,
	    "abcde/CRLF #" },
	{ "one over lenient", IN("abcdef\n"), 5, LF, "abcde/PART f/LF:+ #" },
	{ "max+1 bytes at EOF", IN("abcd"), 3, ST, "abc/PART d/EOF:+ #" },
	{ "max bytes at EOF", IN("abc"), 3, ST, "abc/EOF #" },
	{ "max 1: empty line", IN("\r\n"), 1, ST, "/CRLF #" },
	{ "max 1: one byte", IN("a\r\n"), 1, ST, "a/CRLF #" },
	{ "max 1: two bytes", IN("ab\r\n"), 1, ST, "a/PART b/CRLF:+ #" },
	{ "max 1: CR LF not split", IN("a\r\r\n"), 1, ST,
	    "a/PART \\r/CRLF:C+ #" },
	{ "CR at max then junk", IN("abc\rd"), 3, ST, "abc/PART \\rd/EOF:C+ #" },
	{ "a continuation flag clears", IN("abcd\r\nef\r\n"), 3, ST,
	    "abc/PART d/CRLF:+ ef/CRLF #" },
	{ "8-bit bytes", IN("caf\xc3\xa9\r\n"), 64, ST,
	    "caf\xc3\xa9/CRLF #" },
#undef IN
};

static void
run_row_mem(size_t i, size_t chunk, char *out, size_t size)
{
	struct memio m = { rows[i].in, rows[i].inlen, 0, chunk };
	SM_BUF *b = sm_buf_new(-1, -1);

	sm_buf_set_io(b, &mem_io, &m);
	render_all(b, rows[i].max, rows[i].flags, out, size);
	sm_buf_free(b);
}

static void
run_row_pipe(size_t i, char *out, size_t size)
{
	int fds[2];
	SM_BUF *b;

	out[0] = '\0';
	if (pipe(fds) < 0)
		return;
	if (write(fds[1], rows[i].in, rows[i].inlen) !=
	    (ssize_t)rows[i].inlen) {
		(void)close(fds[0]);
		(void)close(fds[1]);
		return;
	}
	(void)close(fds[1]);
	b = sm_buf_new(fds[0], -1);
	sm_buf_set_timeout(b, 2000);
	render_all(b, rows[i].max, rows[i].flags, out, size);
	sm_buf_free(b);
	(void)close(fds[0]);
}

static void
test_lines(void)
{
	static const size_t chunks[] = { 1, 2, 3, 5, 4096 };
	char got[1024];
	size_t i, c;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		t_begin("buf: line: %s", rows[i].name);
		for (c = 0; c < sizeof(chunks) / sizeof(chunks[0]); c++) {
			run_row_mem(i, chunks[c], got, sizeof(got));
			if (!t_assert_streq(got, rows[i].want))
				break;
		}
		run_row_pipe(i, got, sizeof(got));
		t_assert_streq(got, rows[i].want);
		t_end();
	}
}

/* ---- real descriptors ------------------------------------------------------ */

struct step {
	int		s_sleep;	/* ms before writing */
	const char	*s_data;
};

/* Fork a writer: each step sleeps then writes; then the child exits
 * (closing FD).  CLOSE_FD is closed in the child (the reader's end). */
static pid_t
writer(int fd, int close_fd, const struct step *steps)
{
	pid_t pid = fork();

	if (pid != 0)
		return pid;
	(void)close(close_fd);
	for (; steps->s_data != NULL; steps++) {
		sleep_ms(steps->s_sleep);
		if (write(fd, steps->s_data, strlen(steps->s_data)) < 0)
			_exit(1);
	}
	_exit(0);
}

/* A writer sending S one byte every MS milliseconds. */
static pid_t
trickle(int fd, int close_fd, const char *s, int ms)
{
	pid_t pid = fork();

	if (pid != 0)
		return pid;
	(void)close(close_fd);
	for (; *s != '\0'; s++) {
		sleep_ms(ms);
		if (write(fd, s, 1) != 1)
			_exit(1);
	}
	_exit(0);
}

static int
wait_exit(pid_t pid)
{
	int st = 0;

	(void)waitpid(pid, &st, 0);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

static void
test_trickle(void)
{
	char got[256];
	int fds[2];
	pid_t pid;
	SM_BUF *b;

	t_require(pipe(fds) == 0);
	pid = trickle(fds[1], fds[0], "HELO trickle\r\nQUIT\r\n", 1);
	(void)close(fds[1]);
	b = sm_buf_new(fds[0], -1);
	sm_buf_set_timeout(b, 2000);
	render_all(b, 64, SM_LINE_STRICT, got, sizeof(got));
	t_assert_streq(got, "HELO trickle/CRLF QUIT/CRLF #");
	t_assert_cmp(wait_exit(pid), ==, 0);
	sm_buf_free(b);
	(void)close(fds[0]);
}

/* A line, and its CRLF, split across reads of a socket. */
static void
test_split_reads(void)
{
	static const struct step steps[] = {
		{ 0, "HEL" }, { 20, "O x\r" }, { 20, "\nQU" }, { 20, "IT\r" },
		{ 20, "\n" }, { 0, NULL }
	};
	char got[256];
	int sv[2];
	pid_t pid;
	SM_BUF *b;

	t_require(socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0);
	pid = writer(sv[1], sv[0], steps);
	(void)close(sv[1]);
	b = sm_buf_new(sv[0], sv[0]);
	sm_buf_set_timeout(b, 2000);
	render_all(b, 64, SM_LINE_STRICT, got, sizeof(got));
	t_assert_streq(got, "HELO x/CRLF QUIT/CRLF #");
	t_assert_cmp(wait_exit(pid), ==, 0);
	sm_buf_free(b);
	(void)close(sv[0]);
}

/* A silent peer: the per-wait timeout fires. */
static void
test_timeout(void)
{
	struct sm_line ln;
	int fds[2];
	long long t0, dt;
	SM_BUF *b;

	t_require(pipe(fds) == 0);
	b = sm_buf_new(fds[0], -1);
	sm_buf_set_timeout(b, 50);
	t0 = sm_date_monotonic_ms();
	errno = 0;
	t_assert_cmp(sm_buf_getline(b, 64, SM_LINE_STRICT, &ln), ==, -1);
	dt = sm_date_monotonic_ms() - t0;
	t_assert_cmp(errno, ==, ETIMEDOUT);
	t_assert_cmp(dt, >=, 45);
	t_assert_cmp(dt, <, 1000);
	/* data that comes later is still read */
	t_assert_cmp(write(fds[1], "late\r\n", 6), ==, 6);
	t_assert_cmp(sm_buf_getline(b, 64, SM_LINE_STRICT, &ln), ==, 1);
	t_assert_streq(ln.l_data, "late");
	sm_buf_free(b);
	(void)close(fds[0]);
	(void)close(fds[1]);
}

/* A trickling peer beats the per-wait timeout but not the deadline; the
 * bytes read before the deadline are kept. */
static void
test_deadline(void)
{
	struct sm_line ln;
	int fds[2];
	long long t0, dt;
	pid_t pid;
	SM_BUF *b;

	t_require(pipe(fds) == 0);
	pid = trickle(fds[1], fds[0], "abcdefghij\r\n", 10);
	(void)close(fds[1]);
	b = sm_buf_new(fds[0], -1);
	sm_buf_set_timeout(b, 500);
	sm_buf_set_deadline(b, 40);
	t0 = sm_date_monotonic_ms();
	errno = 0;
	t_assert_cmp(sm_buf_getline(b, 64, SM_LINE_STRICT, &ln), ==, -1);
	dt = sm_date_monotonic_ms() - t0;
	t_assert_cmp(errno, ==, ETIMEDOUT);
	t_assert_cmp(dt, >=, 35);
	t_assert_cmp(dt, <, 500);
	/* past the deadline even ready data is refused */
	sleep_ms(15);
	t_assert_cmp(sm_buf_getline(b, 64, SM_LINE_STRICT, &ln), ==, -1);
	t_assert_cmp(errno, ==, ETIMEDOUT);
	sm_buf_set_deadline(b, -1);
	t_assert_cmp(sm_buf_getline(b, 64, SM_LINE_STRICT, &ln), ==, 1);
	t_assert_streq(ln.l_data, "abcdefghij");
	t_assert_cmp(ln.l_end, ==, SM_EOL_CRLF);
	t_assert_cmp(wait_exit(pid), ==, 0);
	sm_buf_free(b);
	(void)close(fds[0]);
}

/* A silent peer: the deadline cuts a long per-wait timeout short; on a
 * socket (read before polling) ready data past the deadline is refused. */
static void
test_deadline_short(void)
{
	struct sm_line ln;
	int sv[2];
	long long t0, dt;
	SM_BUF *b;

	t_require(socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0);
	b = sm_buf_new(sv[0], sv[0]);
	sm_buf_set_timeout(b, 5000);
	sm_buf_set_deadline(b, 40);
	t0 = sm_date_monotonic_ms();
	errno = 0;
	t_assert_cmp(sm_buf_getline(b, 64, SM_LINE_STRICT, &ln), ==, -1);
	dt = sm_date_monotonic_ms() - t0;
	t_assert_cmp(errno, ==, ETIMEDOUT);
	t_assert_cmp(dt, >=, 35);
	t_assert_cmp(dt, <, 1000);
	t_require(write(sv[1], "RSET\r\n", 6) == 6);
	errno = 0;
	t_assert_cmp(sm_buf_getline(b, 64, SM_LINE_STRICT, &ln), ==, -1);
	t_assert_cmp(errno, ==, ETIMEDOUT);
	t_assert_cmp(sm_buf_puts(b, "451 4.4.2 timeout\r\n"), ==, 0);
	t_assert_cmp(sm_buf_flush(b), ==, -1);
	t_assert_cmp(errno, ==, ETIMEDOUT);
	sm_buf_set_deadline(b, -1);
	t_assert_cmp(sm_buf_flush(b), ==, 0);
	t_assert_cmp(sm_buf_getline(b, 64, SM_LINE_STRICT, &ln), ==, 1);
	t_assert_streq(ln.l_data, "RSET");
	sm_buf_free(b);
	(void)close(sv[0]);
	(void)close(sv[1]);
}

static volatile sig_atomic_t alarms;

static void
on_alarm(int sig)
{
	(void)sig;
	alarms++;
}

/* Signals without SA_RESTART interrupt poll and read: retried. */
static void
test_eintr(void)
{
	static const struct step steps[] = { { 60, "PING\r\n" }, { 0, NULL } };
	struct itimerval it = { { 0, 5000 }, { 0, 5000 } }, off = { { 0, 0 },
	    { 0, 0 } };
	struct sigaction sa, old;
	struct sm_line ln;
	int fds[2];
	pid_t pid;
	SM_BUF *b;

	t_require(pipe(fds) == 0);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;
	(void)sigemptyset(&sa.sa_mask);
	(void)sigaction(SIGALRM, &sa, &old);
	pid = writer(fds[1], fds[0], steps);
	(void)close(fds[1]);
	b = sm_buf_new(fds[0], -1);
	sm_buf_set_timeout(b, 2000);
	alarms = 0;
	(void)setitimer(ITIMER_REAL, &it, NULL);
	t_assert_cmp(sm_buf_getline(b, 64, SM_LINE_STRICT, &ln), ==, 1);
	(void)setitimer(ITIMER_REAL, &off, NULL);
	(void)sigaction(SIGALRM, &old, NULL);
	t_assert_streq(ln.l_data, "PING");
	t_assert_cmp(alarms, >, 0);
	t_assert_cmp(wait_exit(pid), ==, 0);
	sm_buf_free(b);
	(void)close(fds[0]);
}

/* EOF is 0, and stays 0; a bad descriptor is an error. */
static void
test_eof_error(void)
{
	struct sm_line ln;
	char c;
	int fds[2];
	SM_BUF *b;

	t_require(pipe(fds) == 0);
	t_require(write(fds[1], "abc", 3) == 3);
	(void)close(fds[1]);
	b = sm_buf_new(fds[0], -1);
	t_assert_cmp(sm_buf_getline(b, 64, SM_LINE_LF, &ln), ==, 1);
	t_assert_streq(ln.l_data, "abc");
	t_assert_cmp(ln.l_end, ==, SM_EOL_EOF);
	t_assert_cmp(sm_buf_getline(b, 64, SM_LINE_LF, &ln), ==, 0);
	t_assert_cmp(sm_buf_getline(b, 64, SM_LINE_LF, &ln), ==, 0);
	t_assert_cmp(sm_buf_read(b, &c, 1), ==, 0);
	sm_buf_free(b);
	(void)close(fds[0]);

	b = sm_buf_new(-1, -1);
	errno = 0;
	t_assert_cmp(sm_buf_getline(b, 64, SM_LINE_LF, &ln), ==, -1);
	t_assert_cmp(errno, ==, EBADF);
	t_assert_cmp(sm_buf_puts(b, "x"), ==, 0);
	t_assert_cmp(sm_buf_flush(b), ==, -1);
	t_assert_cmp(errno, ==, EBADF);
	t_assert_cmp(sm_buf_outpending(b), ==, 1);
	sm_buf_free(b);

	t_require(pipe(fds) == 0);
	b = sm_buf_new(fds[0], -1);
	(void)close(fds[0]);
	(void)close(fds[1]);
	errno = 0;
	t_assert_cmp(sm_buf_getline(b, 64, SM_LINE_LF, &ln), ==, -1);
	t_assert_cmp(errno, ==, EBADF);
	sm_buf_free(b);
}

/* "500 line too long", then in step again. */
static void
test_skipline(void)
{
	static char big[3100];
	struct sm_line ln;
	enum sm_eol end = SM_EOL_PARTIAL;
	int sv[2];
	SM_BUF *b;

	t_require(socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0);
	memset(big, 'X', 3000);
	memcpy(big + 3000, "\r\nQUIT\r\nzzzz", 12);
	t_require(write(sv[1], big, 3012) == 3012);
	(void)close(sv[1]);
	b = sm_buf_new(sv[0], sv[0]);
	sm_buf_set_timeout(b, 2000);
	t_assert_cmp(sm_buf_getline(b, 512, SM_LINE_LF, &ln), ==, 1);
	t_assert_cmp(ln.l_end, ==, SM_EOL_PARTIAL);
	t_assert_cmp(ln.l_len, ==, 512);
	t_assert_cmp(sm_buf_skipline(b, SM_LINE_LF, &end), ==, 1);
	t_assert_cmp(end, ==, SM_EOL_CRLF);
	t_assert_cmp(sm_buf_getline(b, 512, SM_LINE_LF, &ln), ==, 1);
	t_assert_streq(ln.l_data, "QUIT");
	t_assert(!(ln.l_flags & SM_LINE_CONT));
	/* skipping a line that ends at EOF, then nothing is left */
	t_assert_cmp(sm_buf_skipline(b, SM_LINE_LF, &end), ==, 1);
	t_assert_cmp(end, ==, SM_EOL_EOF);
	t_assert_cmp(sm_buf_skipline(b, SM_LINE_LF, &end), ==, 0);
	sm_buf_free(b);
	(void)close(sv[0]);
}

/* BDAT: a command line, then raw bytes, then lines again. */
static void
test_raw(void)
{
	struct sm_line ln;
	char data[16];
	int sv[2];
	SM_BUF *b;

	t_require(socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0);
	t_require(write(sv[1], "BDAT 7\r\n12\r\n\0" "45MAIL\r\n", 21) == 21);
	(void)close(sv[1]);
	b = sm_buf_new(sv[0], sv[0]);
	t_assert_cmp(sm_buf_getline(b, 64, SM_LINE_STRICT, &ln), ==, 1);
	t_assert_streq(ln.l_data, "BDAT 7");
	t_assert_cmp(sm_buf_readn(b, data, 7), ==, 7);
	t_assert_memeq(data, 7, "12\r\n\0" "45", 7);
	t_assert_cmp(sm_buf_getline(b, 64, SM_LINE_STRICT, &ln), ==, 1);
	t_assert_streq(ln.l_data, "MAIL");
	t_assert_cmp(sm_buf_readn(b, data, 7), ==, 0);
	sm_buf_free(b);
	(void)close(sv[0]);
}

/* A raw read after a PARTIAL piece gets the hidden byte back. */
static void
test_raw_after_partial(void)
{
	struct memio m = { "abcdefgh", 8, 0, 4096 };
	struct sm_line ln;
	char data[8];
	SM_BUF *b = sm_buf_new(-1, -1);

	sm_buf_set_io(b, &mem_io, &m);
	t_assert_cmp(sm_buf_getline(b, 3, SM_LINE_STRICT, &ln), ==, 1);
	t_assert_streq(ln.l_data, "abc");
	t_assert_cmp(sm_buf_pending(b), ==, 5);
	t_assert_cmp(sm_buf_read(b, data, sizeof(data)), ==, 5);
	t_assert_memeq(data, 5, "defgh", 5);
	sm_buf_free(b);
}

/* Big raw reads (past the buffer size) straight from a writer. */
static void
test_raw_big(void)
{
	static char pat[50000], got[50000];
	struct sm_line ln;
	size_t i;
	int sv[2];
	pid_t pid;
	SM_BUF *b;

	for (i = 0; i < sizeof(pat); i++)
		pat[i] = (char)('a' + i % 23);
	t_require(socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0);
	if ((pid = fork()) == 0) {
		(void)close(sv[0]);
		_exit(write(sv[1], pat, sizeof(pat)) == (ssize_t)sizeof(pat) ?
		    0 : 1);
	}
	(void)close(sv[1]);
	b = sm_buf_new(sv[0], sv[0]);
	sm_buf_set_timeout(b, 2000);
	t_assert_cmp(sm_buf_readn(b, got, 100), ==, 100);
	t_assert_cmp(sm_buf_readn(b, got + 100, sizeof(got) - 100), ==,
	    sizeof(got) - 100);
	t_assert(memcmp(got, pat, sizeof(pat)) == 0);
	t_assert_cmp(sm_buf_getline(b, 64, SM_LINE_STRICT, &ln), ==, 0);
	t_assert_cmp(wait_exit(pid), ==, 0);
	sm_buf_free(b);
	(void)close(sv[0]);
}

/* Pipelining before STARTTLS: what is buffered can be seen and dropped. */
static void
test_pending(void)
{
	struct sm_line ln;
	int sv[2];
	long long t0;
	SM_BUF *b;

	t_require(socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0);
	b = sm_buf_new(sv[0], sv[0]);
	t0 = sm_date_monotonic_ms();
	t_assert_cmp(sm_buf_wait_input(b, 30), ==, 0);
	t_assert_cmp(sm_date_monotonic_ms() - t0, >=, 25);
	t_assert_cmp(sm_buf_wait_input(b, 0), ==, 0);
	t_require(write(sv[1], "STARTTLS\r\nMAIL FROM:<a>\r\n", 25) == 25);
	t_assert_cmp(sm_buf_wait_input(b, 1000), ==, 1);
	t_assert_cmp(sm_buf_pending(b), ==, 0);
	t_assert_cmp(sm_buf_getline(b, 64, SM_LINE_LF, &ln), ==, 1);
	t_assert_streq(ln.l_data, "STARTTLS");
	t_assert_cmp(sm_buf_pending(b), ==, 15);
	t_assert_cmp(sm_buf_wait_input(b, 0), ==, 1);
	t_assert_cmp(sm_buf_drop_input(b), ==, 15);
	t_assert_cmp(sm_buf_pending(b), ==, 0);
	t_assert_cmp(sm_buf_wait_input(b, 0), ==, 0);
	sm_buf_set_deadline(b, 0);
	errno = 0;
	t_assert_cmp(sm_buf_wait_input(b, 1000), ==, -1);
	t_assert_cmp(errno, ==, ETIMEDOUT);
	sm_buf_free(b);
	(void)close(sv[0]);
	(void)close(sv[1]);
}

/* Output waits in the buffer until a flush. */
static void
test_write_flush(void)
{
	char got[2048], big[1000];
	ssize_t n;
	int sv[2];
	SM_BUF *b;

	t_require(socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0);
	b = sm_buf_new(sv[0], sv[0]);
	t_assert_cmp(sm_buf_puts(b, "220 mta ESMTP\r\n"), ==, 0);
	t_assert_cmp(sm_buf_outpending(b), ==, 15);
	errno = 0;
	t_assert_cmp(recv(sv[1], got, sizeof(got), MSG_DONTWAIT), ==, -1);
	t_assert(errno == EAGAIN || errno == EWOULDBLOCK);
	t_assert_cmp(sm_buf_flush(b), ==, 0);
	t_assert_cmp(sm_buf_outpending(b), ==, 0);
	n = recv(sv[1], got, sizeof(got), 0);
	t_assert_memeq(got, n, "220 mta ESMTP\r\n", 15);
	memset(big, 'y', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	t_assert_cmp(sm_buf_printf(b, "250-%s\r\n250 %d\r\n", big, 8), ==, 0);
	t_assert_cmp(sm_buf_flush(b), ==, 0);
	t_assert_cmp(sm_buf_flush(b), ==, 0);
	n = 0;
	while (n < 1012) {
		ssize_t r = recv(sv[1], got + n, sizeof(got) - (size_t)n, 0);

		if (r <= 0)
			break;
		n += r;
	}
	t_assert_cmp(n, ==, 4 + 999 + 2 + 7);
	t_assert_memeq(got, 4, "250-", 4);
	t_assert_memeq(got + 1005, 7, "250 8\r\n", 7);
	sm_buf_free(b);
	(void)close(sv[0]);
	(void)close(sv[1]);
}

/* A peer that never reads: the write times out, the process goes on. */
static void
test_write_timeout(void)
{
	static char block[65536];
	int sv[2], i, r = 0;
	long long t0;
	SM_BUF *b;

	t_require(socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0);
	b = sm_buf_new(sv[0], sv[0]);
	sm_buf_set_timeout(b, 50);
	t0 = sm_date_monotonic_ms();
	errno = 0;
	for (i = 0; i < 400 && r == 0; i++)
		r = sm_buf_write(b, block, sizeof(block));
	t_assert_cmp(r, ==, -1);
	t_assert_cmp(errno, ==, ETIMEDOUT);
	t_assert_cmp(sm_date_monotonic_ms() - t0, <, 1500);
	t_assert_cmp(sm_buf_outpending(b), >, 0);
	sm_buf_free(b);
	(void)close(sv[0]);
	(void)close(sv[1]);
}

static int
sigpipe_pending(void)
{
	sigset_t set;

	(void)sigemptyset(&set);
	(void)sigpending(&set);
	return sigismember(&set, SIGPIPE) == 1;
}

/* The peer is gone: EPIPE, and SIGPIPE (default: die) never delivered. */
static void
test_epipe(void)
{
	void (*old)(int) = signal(SIGPIPE, SIG_DFL);
	int sv[2], fds[2];
	SM_BUF *b;

	t_require(socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0);
	(void)close(sv[1]);
	b = sm_buf_new(sv[0], sv[0]);
	t_assert_cmp(sm_buf_puts(b, "221 bye\r\n"), ==, 0);
	errno = 0;
	t_assert_cmp(sm_buf_flush(b), ==, -1);
	t_assert_cmp(errno, ==, EPIPE);
	sm_buf_free(b);
	(void)close(sv[0]);

	t_require(pipe(fds) == 0);
	(void)close(fds[0]);
	b = sm_buf_new(-1, fds[1]);
	t_assert_cmp(sm_buf_puts(b, "to a dead pipe\n"), ==, 0);
	errno = 0;
	t_assert_cmp(sm_buf_flush(b), ==, -1);
	t_assert_cmp(errno, ==, EPIPE);
	t_assert(!sigpipe_pending());
	sm_buf_free(b);
	(void)close(fds[1]);
	(void)signal(SIGPIPE, old);
}

/* A SIGPIPE pending from before stays pending (not ours to take). */
static void
test_epipe_pending(void)
{
	sigset_t set, oldset;
	struct timespec zero = { 0, 0 };
	int fds[2];
	SM_BUF *b;

	(void)sigemptyset(&set);
	(void)sigaddset(&set, SIGPIPE);
	(void)sigprocmask(SIG_BLOCK, &set, &oldset);
	(void)raise(SIGPIPE);
	t_require(pipe(fds) == 0);
	(void)close(fds[0]);
	b = sm_buf_new(-1, fds[1]);
	(void)sm_buf_puts(b, "x");
	t_assert_cmp(sm_buf_flush(b), ==, -1);
	t_assert_cmp(errno, ==, EPIPE);
	t_assert(sigpipe_pending());
	(void)sigtimedwait(&set, NULL, &zero);
	t_assert(!sigpipe_pending());
	(void)sigprocmask(SIG_SETMASK, &oldset, NULL);
	sm_buf_free(b);
	(void)close(fds[1]);
}

/* A megabyte through a pipe to a slow reader, in PIPE_BUF pieces. */
static void
test_pipe_bulk(void)
{
	static char block[4000];
	int fds[2], i;
	pid_t pid;
	SM_BUF *b;

	t_require(pipe(fds) == 0);
	if ((pid = fork()) == 0) {
		char buf[1000];
		long total = 0;
		ssize_t n;

		(void)close(fds[1]);
		sleep_ms(20);
		while ((n = read(fds[0], buf, sizeof(buf))) > 0)
			total += n;
		_exit(total == 250L * 4000 ? 0 : 1);
	}
	(void)close(fds[0]);
	memset(block, 'q', sizeof(block));
	b = sm_buf_new(-1, fds[1]);
	sm_buf_set_timeout(b, 2000);
	for (i = 0; i < 250; i++)
		t_assert_cmp(sm_buf_write(b, block, sizeof(block)), ==, 0);
	t_assert_cmp(sm_buf_flush(b), ==, 0);
	sm_buf_free(b);
	(void)close(fds[1]);
	t_assert_cmp(wait_exit(pid), ==, 0);
}

/* A regular file written, then read back leniently (a config file). */
static void
test_file(void)
{
	char path[600], got[256];
	int fd;
	SM_BUF *b;

	(void)snprintf(path, sizeof(path), "%s/cf", t_tmpdir());
	fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	t_require(fd >= 0);
	b = sm_buf_new(fd, fd);
	t_assert_cmp(sm_buf_printf(b, "V10\nDj%s\r\n\nR$*\t$@", "x.y"), ==, 0);
	t_assert_cmp(sm_buf_flush(b), ==, 0);
	t_require(lseek(fd, 0, SEEK_SET) == 0);
	render_all(b, 64, SM_LINE_LF, got, sizeof(got));
	t_assert_streq(got, "V10/LF Djx.y/CRLF /LF R$*\t$@/EOF #");
	sm_buf_free(b);
	(void)close(fd);
}

/* ---- the io hooks ----------------------------------------------------------- */

/* A layer like SSL: bytes decoded ahead (io_pending), EAGAIN with a wish
 * to wait for POLLIN, and its own writes. */
struct fakessl {
	int	f_fd;
	char	f_stash[16];
	size_t	f_stashed;
	int	f_eagain;		/* fail the next read with EAGAIN */
	int	f_reads, f_writes;
	char	f_out[64];
	size_t	f_outlen;
};

static ssize_t
fake_read(void *ctx, void *p, size_t len, short *want)
{
	struct fakessl *f = ctx;
	ssize_t n;

	f->f_reads++;
	if (f->f_stashed > 0) {
		n = (ssize_t)(len < f->f_stashed ? len : f->f_stashed);
		memcpy(p, f->f_stash, (size_t)n);
		memmove(f->f_stash, f->f_stash + n, f->f_stashed - (size_t)n);
		f->f_stashed -= (size_t)n;
		return n;
	}
	if (f->f_eagain) {
		f->f_eagain = 0;
		*want = POLLIN;
		errno = EAGAIN;
		return -1;
	}
	return read(f->f_fd, p, len);
}

static ssize_t
fake_write(void *ctx, const void *p, size_t len, short *want)
{
	struct fakessl *f = ctx;

	(void)want;
	f->f_writes++;
	if (len > sizeof(f->f_out) - f->f_outlen)
		len = sizeof(f->f_out) - f->f_outlen;
	memcpy(f->f_out + f->f_outlen, p, len);
	f->f_outlen += len;
	return (ssize_t)len;
}

static size_t
fake_pending(void *ctx)
{
	return ((struct fakessl *)ctx)->f_stashed;
}

static const struct sm_buf_io fake_io = {
	fake_read, fake_write, fake_pending, 0
};

static void
test_io_hooks(void)
{
	struct fakessl f;
	struct sm_line ln;
	int fds[2];
	SM_BUF *b;

	memset(&f, 0, sizeof(f));
	t_require(pipe(fds) == 0);
	f.f_fd = fds[0];
	memcpy(f.f_stash, "EHLO s\r\n", 8);
	f.f_stashed = 8;
	/* reads never poll (polling -1 would fail: EBADF); writes poll the
	 * pipe's write end, then go to the layer */
	b = sm_buf_new(-1, fds[1]);
	sm_buf_set_io(b, &fake_io, &f);
	sm_buf_set_timeout(b, 2000);
	t_assert_cmp(sm_buf_pending(b), ==, 8);
	t_assert_cmp(sm_buf_getline(b, 64, SM_LINE_STRICT, &ln), ==, 1);
	t_assert_streq(ln.l_data, "EHLO s");
	t_assert_cmp(sm_buf_puts(b, "250 ok\r\n"), ==, 0);
	t_assert_cmp(sm_buf_flush(b), ==, 0);
	t_assert_memeq(f.f_out, f.f_outlen, "250 ok\r\n", 8);
	t_assert_cmp(f.f_writes, ==, 1);
	sm_buf_free(b);

	/* EAGAIN: the buffer polls the read fd and calls again */
	b = sm_buf_new(fds[0], -1);
	sm_buf_set_io(b, &fake_io, &f);
	sm_buf_set_timeout(b, 2000);
	f.f_eagain = 1;
	f.f_reads = 0;
	t_require(write(fds[1], "QUIT\r\n", 6) == 6);
	t_assert_cmp(sm_buf_getline(b, 64, SM_LINE_STRICT, &ln), ==, 1);
	t_assert_streq(ln.l_data, "QUIT");
	t_assert_cmp(f.f_reads, ==, 2);
	/* back to the plain descriptor */
	sm_buf_set_io(b, NULL, NULL);
	t_require(write(fds[1], "NOOP\r\n", 6) == 6);
	t_assert_cmp(sm_buf_getline(b, 64, SM_LINE_STRICT, &ln), ==, 1);
	t_assert_streq(ln.l_data, "NOOP");
	t_assert_cmp(f.f_reads, ==, 2);
	sm_buf_free(b);
	(void)close(fds[0]);
	(void)close(fds[1]);
}

/* ---- programming errors ------------------------------------------------------ */

static void
bad_max(void)
{
	struct memio m = { "x", 1, 0, 1 };
	struct sm_line ln;
	SM_BUF *b = sm_buf_new(-1, -1);

	(void)close(2);
	sm_buf_set_io(b, &mem_io, &m);
	(void)sm_buf_getline(b, 0, SM_LINE_STRICT, &ln);
	_exit(0);
}

static void
test_bad_max(void)
{
	int st = 0;
	pid_t pid = fork();

	if (pid == 0)
		bad_max();
	(void)waitpid(pid, &st, 0);
	t_assert(WIFSIGNALED(st) && WTERMSIG(st) == SIGABRT);
}

int
main(void)
{
	test_lines();
	t_run("buf: writer trickling one byte at a time", test_trickle);
	t_run("buf: line and CRLF split across reads", test_split_reads);
	t_run("buf: per-wait timeout, then late data", test_timeout);
	t_run("buf: deadline beats a trickler, bytes kept", test_deadline);
	t_run("buf: deadline shorter than the timeout; socket past deadline",
	    test_deadline_short);
	t_run("buf: EINTR retried", test_eintr);
	t_run("buf: EOF is 0, bad descriptors EBADF", test_eof_error);
	t_run("buf: skipline after a too long line", test_skipline);
	t_run("buf: raw bytes between lines (BDAT)", test_raw);
	t_run("buf: raw read after a partial line", test_raw_after_partial);
	t_run("buf: big raw reads", test_raw_big);
	t_run("buf: pending input, wait, drop (STARTTLS)", test_pending);
	t_run("buf: buffered writes and flush", test_write_flush);
	t_run("buf: write timeout on a stuck peer", test_write_timeout);
	t_run("buf: EPIPE, no SIGPIPE (socket and pipe)", test_epipe);
	t_run("buf: an older pending SIGPIPE is left alone",
	    test_epipe_pending);
	t_run("buf: bulk write through a pipe", test_pipe_bulk);
	t_run("buf: regular file, lenient lines", test_file);
	t_run("buf: io hooks: pending, EAGAIN, write, back to plain",
	    test_io_hooks);
	t_run("buf: max 0 is a programming error", test_bad_max);
	return t_done();
}
