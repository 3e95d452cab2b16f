/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * spawn.c -- fork/exec with a controlled environment, pipes pumped with
 * poll, a wait with a timeout, and sendmail's mapping of the outcome to
 * sysexits codes (spawn.h).
 *
 * Public: sm_spawn_init, sm_spawn_start, sm_spawn_pump, sm_spawn_close,
 * sm_spawn_wait, sm_spawn_exitcode, sm_spawn_execcode.  The parent runs
 * under any privilege; the child changes identity only when root.
 *
 * Facts taken from sendmail 8.17 (deliver.c, util.c): a mailer that dies
 * on a signal is EX_TEMPFAIL ("451 4.3.0 mailer %s died with signal"), as
 * is a mailer wait timeout; a failed wait is EX_SOFTWARE; when execve fails
 * the child exits EX_OSERR if the mailer is local or the errno is in
 * transienterror()'s list, otherwise EX_UNAVAILABLE; a failed setgid or
 * setuid in the child exits EX_TEMPFAIL; failed descriptor plumbing
 * EX_OSERR.  sendmail's child also calls setsid().
 *
 * Between fork and exec the child does only async-signal-safe calls.
 */
#include "spawn.h"
#include "date.h"
#include "err.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

#define GRACE_MS	1000		/* default SIGTERM -> SIGKILL */
#define BUF_MAX		(16 * 1024 * 1024)	/* default sm_spawn_buf cap */
#define CHUNK		65536		/* bytes per read/write in the pump */

/* Where the child failed; what the parent tells the caller. */
enum stage {
	ST_IO = 1, ST_GROUPS, ST_GID, ST_UID, ST_CHDIR, ST_EXEC
};

static const char *const stage_why[] = {
	NULL,
	"cannot set up descriptors",
	"cannot setgroups",
	"cannot setgid",
	"cannot setuid",
	"cannot chdir",
	"cannot exec"
};

struct report {
	int	stage;
	int	err;
};

/* errno values sendmail's transienterror() calls transient */
static const int transient[] = {
	EIO, ENXIO, EAGAIN, ENOMEM, ENODEV, ENFILE, EMFILE, ENOSPC,
	ETIMEDOUT, ESTALE, ENETDOWN, ENETUNREACH, ENETRESET, ECONNABORTED,
	ECONNRESET, ENOBUFS, ESHUTDOWN, ECONNREFUSED, EHOSTDOWN,
	EHOSTUNREACH, EDQUOT, EUSERS, EDEADLK, EISCONN, EINPROGRESS,
	EALREADY, EADDRINUSE, EADDRNOTAVAIL, ETXTBSY, ENOSR, ENOLCK
};

int
sm_spawn_execcode(int err, int local)
{
	size_t i;

	if (local)
		return EX_OSERR;
	for (i = 0; i < sizeof(transient) / sizeof(transient[0]); i++)
		if (err == transient[i])
			return EX_OSERR;
	return EX_UNAVAILABLE;
}

int
sm_spawn_exitcode(int status)
{
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	return EX_TEMPFAIL;
}

void
sm_spawn_init(struct sm_spawn *sp, const char *path, char *const *argv,
    char *const *envp)
{
	memset(sp, 0, sizeof(*sp));
	sp->sp_path = path;
	sp->sp_argv = argv;
	sp->sp_envp = envp;
	sp->sp_uid = SM_SPAWN_NOID;
	sp->sp_gid = (gid_t)SM_SPAWN_NOID;
	sp->sp_fd[0] = sp->sp_fd[1] = sp->sp_fd[2] = -1;
	sp->sp_pipe[0] = sp->sp_pipe[1] = sp->sp_pipe[2] = -1;
}

/* ---- the child --------------------------------------------------------- */

static _Noreturn void
child_fail(int rep, int stage)
{
	struct report r;

	r.stage = stage;
	r.err = errno;
	(void)write(rep, &r, sizeof(r));	/* a pipe: atomic */
	_exit(127);
}

static void
reset_signals(void)
{
	struct sigaction sa;
	sigset_t none;
	int sig;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_DFL;
	(void)sigemptyset(&sa.sa_mask);
	for (sig = 1; sig < NSIG; sig++)
		(void)sigaction(sig, &sa, NULL);	/* KILL, STOP: EINVAL */
	(void)sigemptyset(&none);
	(void)sigprocmask(SIG_SETMASK, &none, NULL);
}

/* Descriptor SRC[i] (or /dev/null) becomes i.  Every source is first
 * copied above 2, so that no dup2 clobbers a source still needed. */
static int
child_io(const struct sm_spawn *sp, const int *src)
{
	int lifted[3], i, fd;

	for (i = 0; i < 3; i++) {
		lifted[i] = -1;
		if (sp->sp_io[i] == SM_SPAWN_INHERIT)
			continue;
		fd = src[i];
		if (sp->sp_io[i] == SM_SPAWN_NULL &&
		    (fd = open("/dev/null", O_RDWR | O_CLOEXEC)) < 0)
			return -1;
		lifted[i] = fcntl(fd, F_DUPFD_CLOEXEC, 3);
		if (lifted[i] < 0)
			return -1;
	}
	for (i = 0; i < 3; i++)		/* dup2 clears close-on-exec */
		if (lifted[i] >= 0 && dup2(lifted[i], i) < 0)
			return -1;
	return 0;
}

/* setgroups, setgid, setuid -- in that order, while we still may. */
static int
child_ids(const struct sm_spawn *sp, int *stage)
{
	if (sp->sp_uid == SM_SPAWN_NOID && sp->sp_gid == (gid_t)SM_SPAWN_NOID)
		return 0;
	if (geteuid() != 0) {		/* we can only stay who we are */
		*stage = ST_GID;
		if (sp->sp_gid != (gid_t)SM_SPAWN_NOID &&
		    sp->sp_gid != getegid())
			goto eperm;
		*stage = ST_UID;
		if (sp->sp_uid != SM_SPAWN_NOID && sp->sp_uid != geteuid())
			goto eperm;
		return 0;
	}
	*stage = ST_GROUPS;
	if (setgroups((size_t)(sp->sp_ngroups > 0 ? sp->sp_ngroups : 0),
	    sp->sp_ngroups > 0 ? sp->sp_groups : NULL) < 0)
		return -1;
	*stage = ST_GID;
	if (setresgid(sp->sp_gid, sp->sp_gid, sp->sp_gid) < 0)
		return -1;
	*stage = ST_UID;
	if (sp->sp_uid != SM_SPAWN_NOID &&
	    setresuid(sp->sp_uid, sp->sp_uid, sp->sp_uid) < 0)
		return -1;
	return 0;
eperm:
	errno = EPERM;
	return -1;
}

/* Every descriptor above 2 closes at exec (the report pipe already does). */
static void
close_others(void)
{
	struct rlimit rl;
	rlim_t fd, max;

	if (close_range(3, ~0U, CLOSE_RANGE_CLOEXEC) == 0)
		return;
	max = getrlimit(RLIMIT_NOFILE, &rl) == 0 &&
	    rl.rlim_cur != RLIM_INFINITY ? rl.rlim_cur : 65536;
	for (fd = 3; fd < max; fd++)
		(void)fcntl((int)fd, F_SETFD, FD_CLOEXEC);
}

static _Noreturn void
child(const struct sm_spawn *sp, const int *src, int rep)
{
	static char *const no_env[] = { NULL };
	int stage = ST_IO;

	reset_signals();
	(void)setsid();
	if (rep < 3) {			/* keep it clear of 0-2 */
		int high = fcntl(rep, F_DUPFD_CLOEXEC, 3);

		if (high < 0)
			child_fail(rep, ST_IO);
		rep = high;
	}
	if (child_io(sp, src) < 0)
		child_fail(rep, ST_IO);
	if (child_ids(sp, &stage) < 0)
		child_fail(rep, stage);
	if (sp->sp_cwd != NULL && chdir(sp->sp_cwd) < 0)
		child_fail(rep, ST_CHDIR);
	close_others();
	(void)execve(sp->sp_path, sp->sp_argv,
	    sp->sp_envp != NULL ? sp->sp_envp : no_env);
	child_fail(rep, ST_EXEC);
}

/* ---- the parent -------------------------------------------------------- */

static void
close_fd(int *fdp)
{
	if (*fdp >= 0) {
		(void)close(*fdp);
		*fdp = -1;
	}
}

/* Pipes for the SM_SPAWN_PIPE slots: child ends in SRC, ours in sp_pipe. */
static int
make_pipes(struct sm_spawn *sp, int *src)
{
	int i, p[2];

	for (i = 0; i < 3; i++) {
		src[i] = sp->sp_io[i] == SM_SPAWN_FD ? sp->sp_fd[i] : -1;
		if (sp->sp_io[i] != SM_SPAWN_PIPE)
			continue;
		if (pipe2(p, O_CLOEXEC) < 0)
			return -1;
		src[i] = i == 0 ? p[0] : p[1];
		sp->sp_pipe[i] = i == 0 ? p[1] : p[0];
	}
	return 0;
}

/* The child's report: 1 and *r filled if it failed, 0 if exec worked. */
static int
read_report(int fd, struct report *r)
{
	size_t got = 0;
	ssize_t n;

	while (got < sizeof(*r)) {
		n = read(fd, (char *)r + got, sizeof(*r) - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	return got == sizeof(*r);
}

/* The sysexits code for a child that failed at R's stage (sendmail's). */
static int
stage_exit(const struct sm_spawn *sp, const struct report *r)
{
	switch (r->stage) {
	case ST_EXEC:
		return sm_spawn_execcode(r->err, sp->sp_flags & SM_SPAWN_LOCAL);
	case ST_GROUPS:
	case ST_GID:
	case ST_UID:
		return EX_TEMPFAIL;
	default:
		return EX_OSERR;
	}
}

/* Undo a start that did not happen; errno is preserved. */
static int
start_failed(struct sm_spawn *sp, int *src, int ex, const char *why,
    const char **errp)
{
	int save = errno, i;

	for (i = 0; i < 3; i++) {
		if (sp->sp_io[i] == SM_SPAWN_PIPE)
			close_fd(&src[i]);
		close_fd(&sp->sp_pipe[i]);
	}
	sp->sp_exit = ex;
	if (errp != NULL)
		*errp = why;
	errno = save;
	return -1;
}

int
sm_spawn_start(struct sm_spawn *sp, const char **errp)
{
	struct report r;
	int src[3] = { -1, -1, -1 }, rep[2], i, failed;
	pid_t pid;

	SM_ASSERT(sp->sp_path != NULL && sp->sp_argv != NULL);
	sp->sp_pid = 0;
	sp->sp_exit = EX_OK;
	sp->sp_status = sp->sp_timedout = 0;
	for (i = 0; i < 3; i++)
		sp->sp_pipe[i] = -1;
	if (sp->sp_uid != SM_SPAWN_NOID && sp->sp_gid == (gid_t)SM_SPAWN_NOID) {
		errno = EINVAL;
		return start_failed(sp, src, EX_SOFTWARE, "uid without gid",
		    errp);
	}
	if (make_pipes(sp, src) < 0)
		return start_failed(sp, src, EX_OSERR, "cannot create pipe",
		    errp);
	if (pipe2(rep, O_CLOEXEC) < 0)
		return start_failed(sp, src, EX_OSERR, "cannot create pipe",
		    errp);
	pid = fork();
	if (pid == 0)
		child(sp, src, rep[1]);
	(void)close(rep[1]);
	for (i = 0; i < 3; i++)
		if (sp->sp_io[i] == SM_SPAWN_PIPE)
			close_fd(&src[i]);
	if (pid < 0) {
		(void)close(rep[0]);
		return start_failed(sp, src, EX_OSERR, "cannot fork", errp);
	}
	failed = read_report(rep[0], &r);
	(void)close(rep[0]);
	if (!failed) {
		sp->sp_pid = pid;
		return 0;
	}
	while (waitpid(pid, NULL, 0) < 0 && errno == EINTR)
		continue;
	if (r.stage < ST_IO || r.stage > ST_EXEC)
		r.stage = ST_IO;
	errno = r.err;
	return start_failed(sp, src, stage_exit(sp, &r), stage_why[r.stage],
	    errp);
}

void
sm_spawn_close(struct sm_spawn *sp)
{
	int i;

	for (i = 0; i < 3; i++)
		close_fd(&sp->sp_pipe[i]);
}

/* ---- waiting ------------------------------------------------------------ */

/* Reap PID within MS (< 0: forever).  1 reaped, 0 still running, -1 error. */
static int
reap_within(pid_t pid, int ms, int *status)
{
	long long deadline = sm_date_monotonic_ms() + (ms > 0 ? ms : 0);
	struct timespec nap = { 0, 1000000 };
	pid_t rc;

	for (;;) {
		rc = waitpid(pid, status, ms < 0 ? 0 : WNOHANG);
		if (rc == pid)
			return 1;
		if (rc < 0 && errno != EINTR)
			return -1;
		if (rc == 0 && sm_date_monotonic_ms() >= deadline)
			return 0;
		if (rc == 0) {
			(void)nanosleep(&nap, NULL);
			if (nap.tv_nsec < 16000000)
				nap.tv_nsec *= 2;
		}
	}
}

/* Signal the child's process group (it ran setsid) and the child. */
static void
signal_child(pid_t pid, int sig)
{
	(void)kill(-pid, sig);
	(void)kill(pid, sig);
}

int
sm_spawn_wait(struct sm_spawn *sp, int timeout_ms)
{
	int rc, status = 0;

	sm_spawn_close(sp);
	if (sp->sp_pid <= 0)
		return sp->sp_exit = EX_SOFTWARE;
	rc = reap_within(sp->sp_pid, timeout_ms, &status);
	if (rc == 0) {
		sp->sp_timedout = 1;
		signal_child(sp->sp_pid, SIGTERM);
		rc = reap_within(sp->sp_pid, sp->sp_grace_ms > 0 ?
		    sp->sp_grace_ms : GRACE_MS, &status);
		if (rc == 0) {
			signal_child(sp->sp_pid, SIGKILL);
			rc = reap_within(sp->sp_pid, -1, &status);
		}
	}
	sp->sp_pid = 0;
	if (rc < 0)
		return sp->sp_exit = EX_SOFTWARE;
	sp->sp_status = status;
	sp->sp_exit = sp->sp_timedout ? EX_TEMPFAIL : sm_spawn_exitcode(status);
	return sp->sp_exit;
}

/* ---- pumping ------------------------------------------------------------ */

static void
buf_add(struct sm_spawn_buf *b, const char *data, size_t n)
{
	size_t max = b->b_max > 0 ? b->b_max : BUF_MAX;

	if (b->b_len + n > max) {
		b->b_truncated = 1;
		n = max - b->b_len;
	}
	if (b->b_data == NULL || b->b_len + n + 1 > b->b_size) {
		while (b->b_size < b->b_len + n + 1)
			b->b_size = b->b_size ? b->b_size * 2 : 4096;
		b->b_data = sm_realloc_x(b->b_data, b->b_size);
	}
	memcpy(b->b_data + b->b_len, data, n);
	b->b_len += n;
	b->b_data[b->b_len] = '\0';
}

/* Feed the child's stdin from IN; the pipe is closed when all is written
 * or the child stopped reading.  -1 only on a real write error. */
static int
pump_in(struct sm_spawn *sp, const char *in, size_t inlen, size_t *off)
{
	size_t n = inlen - *off < CHUNK ? inlen - *off : CHUNK;
	ssize_t w = write(sp->sp_pipe[0], in + *off, n);

	if (w < 0 && (errno == EAGAIN || errno == EINTR))
		return 0;
	if (w < 0 && errno != EPIPE)
		return -1;
	if (w > 0)
		*off += (size_t)w;
	if (w < 0 || *off == inlen)
		close_fd(&sp->sp_pipe[0]);
	return 0;
}

/* Drain pipe I into B (NULL: discard); closed at end of file. */
static int
pump_out(struct sm_spawn *sp, int i, struct sm_spawn_buf *b)
{
	char chunk[CHUNK];
	ssize_t n = read(sp->sp_pipe[i], chunk, sizeof(chunk));

	if (n < 0 && (errno == EAGAIN || errno == EINTR))
		return 0;
	if (n < 0)
		return -1;
	if (n == 0)
		close_fd(&sp->sp_pipe[i]);
	else if (b != NULL)
		buf_add(b, chunk, (size_t)n);
	return 0;
}

/* One poll round over the open pipes; 0 done/progress, -1 error. */
static int
pump_round(struct sm_spawn *sp, const char *in, size_t inlen, size_t *off,
    struct sm_spawn_buf **bufs, int ms)
{
	struct pollfd p[3];
	int slot[3], n = 0, i, rc;

	for (i = 0; i < 3; i++)
		if (sp->sp_pipe[i] >= 0) {
			p[n].fd = sp->sp_pipe[i];
			p[n].events = i == 0 ? POLLOUT : POLLIN;
			p[n].revents = 0;
			slot[n++] = i;
		}
	rc = poll(p, (nfds_t)n, ms);
	if (rc < 0)
		return errno == EINTR ? 0 : -1;
	if (rc == 0) {
		errno = ETIMEDOUT;
		return -1;
	}
	for (i = 0; i < n; i++) {
		if (p[i].revents == 0)
			continue;
		rc = slot[i] == 0 ? pump_in(sp, in, inlen, off) :
		    pump_out(sp, slot[i], bufs[slot[i]]);
		if (rc < 0)
			return -1;
	}
	return 0;
}

static void
set_nonblock(int fd)
{
	int fl = fcntl(fd, F_GETFL);

	if (fl >= 0)
		(void)fcntl(fd, F_SETFL, fl | O_NONBLOCK);
}

/* Block SIGPIPE; *was_pending tells whether one was already waiting. */
static void
hold_sigpipe(sigset_t *old, int *was_pending)
{
	sigset_t pipe_set, pending;

	(void)sigemptyset(&pipe_set);
	(void)sigaddset(&pipe_set, SIGPIPE);
	(void)sigprocmask(SIG_BLOCK, &pipe_set, old);
	*was_pending = sigpending(&pending) == 0 &&
	    sigismember(&pending, SIGPIPE);
}

/* Swallow a SIGPIPE our writes raised, then restore the mask. */
static void
release_sigpipe(const sigset_t *old, int was_pending)
{
	static const struct timespec zero = { 0, 0 };
	sigset_t pipe_set, pending;

	(void)sigemptyset(&pipe_set);
	(void)sigaddset(&pipe_set, SIGPIPE);
	if (!was_pending && sigpending(&pending) == 0 &&
	    sigismember(&pending, SIGPIPE))
		(void)sigtimedwait(&pipe_set, NULL, &zero);
	(void)sigprocmask(SIG_SETMASK, old, NULL);
}

int
sm_spawn_pump(struct sm_spawn *sp, const void *in, size_t inlen,
    struct sm_spawn_buf *out, struct sm_spawn_buf *err, int timeout_ms,
    const char **errp)
{
	struct sm_spawn_buf *bufs[3] = { NULL, out, err };
	long long deadline = sm_date_monotonic_ms();
	size_t off = 0;
	sigset_t old;
	int i, rc = 0, pending, ms;

	deadline += timeout_ms > 0 ? timeout_ms : 0;
	for (i = 1; i < 3; i++)
		if (bufs[i] != NULL)
			buf_add(bufs[i], "", 0);	/* "" rather than NULL */
	if (sp->sp_pipe[0] >= 0 && inlen == 0)
		close_fd(&sp->sp_pipe[0]);
	for (i = 0; i < 3; i++)
		if (sp->sp_pipe[i] >= 0)
			set_nonblock(sp->sp_pipe[i]);
	hold_sigpipe(&old, &pending);
	while (rc == 0 && (sp->sp_pipe[0] >= 0 || sp->sp_pipe[1] >= 0 ||
	    sp->sp_pipe[2] >= 0)) {
		ms = timeout_ms < 0 ? -1 :
		    (int)(deadline - sm_date_monotonic_ms());
		if (timeout_ms >= 0 && ms < 0)
			ms = 0;
		rc = pump_round(sp, in, inlen, &off, bufs, ms);
	}
	i = errno;
	release_sigpipe(&old, pending);
	if (rc < 0 && errp != NULL)
		*errp = i == ETIMEDOUT ? "timed out talking to the program" :
		    "pipe error";
	errno = i;
	return rc;
}
