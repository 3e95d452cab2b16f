/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * t_spawn.c -- libsm/spawn.c: exit status mapping, exec failures told apart
 * from exit 127, pipes pumped both ways without deadlock, timeouts, and
 * what the child does not inherit (environment, descriptors, signals,
 * identity, directory).
 *
 * The sysexits mapping is sendmail 8.17's (deliver.c endmailer/openmailer,
 * util.c transienterror): signal -> EX_TEMPFAIL, wait timeout ->
 * EX_TEMPFAIL, exec failure -> EX_OSERR if transient or local, else
 * EX_UNAVAILABLE.  Programs run are Debian 12's /bin/sh (dash), cat, env,
 * pwd, ls, id, true.
 */
#include "libsm/date.h"
#include "libsm/spawn.h"
#include "t.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

static char *const no_env[] = { NULL };

/* Run /bin/sh -c SCRIPT with stdout and stderr piped; the exit code. */
static int
run_sh(const char *script, struct sm_spawn_buf *out, struct sm_spawn_buf *err,
    struct sm_spawn *sp)
{
	char *argv[] = { "sh", "-c", (char *)script, NULL };

	sm_spawn_init(sp, "/bin/sh", argv, no_env);
	sp->sp_io[1] = SM_SPAWN_PIPE;
	sp->sp_io[2] = SM_SPAWN_PIPE;
	if (sm_spawn_start(sp, NULL) < 0 ||
	    sm_spawn_pump(sp, NULL, 0, out, err, 5000, NULL) < 0)
		return -1;
	return sm_spawn_wait(sp, 5000);
}

static void
buf_free(struct sm_spawn_buf *b)
{
	free(b->b_data);
	memset(b, 0, sizeof(*b));
}

/* ---- the mapping tables ---------------------------------------------- */

static const struct {
	const char	*name;
	int		status;
	int		ex;
} statuses[] = {
	{ "exit 0", W_EXITCODE(0, 0), EX_OK },
	{ "exit 1", W_EXITCODE(1, 0), 1 },
	{ "EX_USAGE", W_EXITCODE(EX_USAGE, 0), EX_USAGE },
	{ "EX_NOUSER", W_EXITCODE(EX_NOUSER, 0), EX_NOUSER },
	{ "EX_TEMPFAIL", W_EXITCODE(EX_TEMPFAIL, 0), EX_TEMPFAIL },
	{ "EX_CONFIG", W_EXITCODE(EX_CONFIG, 0), EX_CONFIG },
	{ "exit 127", W_EXITCODE(127, 0), 127 },
	{ "exit 255", W_EXITCODE(255, 0), 255 },
	{ "SIGKILL", W_EXITCODE(0, SIGKILL), EX_TEMPFAIL },
	{ "SIGTERM", W_EXITCODE(0, SIGTERM), EX_TEMPFAIL },
	{ "SIGSEGV, core", W_EXITCODE(0, SIGSEGV) | WCOREFLAG, EX_TEMPFAIL },
	{ "stopped", W_STOPCODE(SIGSTOP), EX_TEMPFAIL },
};

static const struct {
	const char	*name;
	int		err, local;
	int		ex;
} execs[] = {
	{ "ENOENT", ENOENT, 0, EX_UNAVAILABLE },
	{ "EACCES", EACCES, 0, EX_UNAVAILABLE },
	{ "ENOEXEC", ENOEXEC, 0, EX_UNAVAILABLE },
	{ "ENOTDIR", ENOTDIR, 0, EX_UNAVAILABLE },
	{ "E2BIG", E2BIG, 0, EX_UNAVAILABLE },
	{ "ELOOP", ELOOP, 0, EX_UNAVAILABLE },
	{ "EAGAIN", EAGAIN, 0, EX_OSERR },
	{ "ENOMEM", ENOMEM, 0, EX_OSERR },
	{ "ETXTBSY", ETXTBSY, 0, EX_OSERR },
	{ "EMFILE", EMFILE, 0, EX_OSERR },
	{ "ENFILE", ENFILE, 0, EX_OSERR },
	{ "EIO", EIO, 0, EX_OSERR },
	{ "ESTALE", ESTALE, 0, EX_OSERR },
	{ "ENOENT, local mailer", ENOENT, 1, EX_OSERR },
	{ "EACCES, local mailer", EACCES, 1, EX_OSERR },
};

static void
test_tables(void)
{
	size_t i;

	for (i = 0; i < sizeof(statuses) / sizeof(statuses[0]); i++) {
		t_begin("spawn: status %s", statuses[i].name);
		t_assert_cmp(sm_spawn_exitcode(statuses[i].status), ==,
		    statuses[i].ex);
		(void)t_end();
	}
	for (i = 0; i < sizeof(execs) / sizeof(execs[0]); i++) {
		t_begin("spawn: exec failure %s", execs[i].name);
		t_assert_cmp(sm_spawn_execcode(execs[i].err, execs[i].local), ==,
		    execs[i].ex);
		(void)t_end();
	}
}

/* ---- real children: exit codes and signals ---------------------------- */

static const struct {
	const char	*script;
	int		ex;
	int		sig;		/* expected WTERMSIG, or 0 */
} runs[] = {
	{ "exit 0", EX_OK, 0 },
	{ "exit 1", 1, 0 },
	{ "exit 64", EX_USAGE, 0 },
	{ "exit 67", EX_NOUSER, 0 },
	{ "exit 69", EX_UNAVAILABLE, 0 },
	{ "exit 75", EX_TEMPFAIL, 0 },
	{ "exit 78", EX_CONFIG, 0 },
	{ "exit 127", 127, 0 },
	{ "exit 255", 255, 0 },
	{ "kill -USR1 $$", EX_TEMPFAIL, SIGUSR1 },
	{ "kill -TERM $$", EX_TEMPFAIL, SIGTERM },
	{ "kill -KILL $$", EX_TEMPFAIL, SIGKILL },
};

static void
test_runs(void)
{
	struct sm_spawn sp;
	size_t i;

	for (i = 0; i < sizeof(runs) / sizeof(runs[0]); i++) {
		t_begin("spawn: sh -c '%s'", runs[i].script);
		t_assert_cmp(run_sh(runs[i].script, NULL, NULL, &sp), ==, runs[i].ex);
		t_assert_cmp(sp.sp_exit, ==, runs[i].ex);
		t_assert_cmp(sp.sp_timedout, ==, 0);
		t_assert_cmp(sp.sp_pid, ==, 0);
		if (runs[i].sig) {
			t_assert(WIFSIGNALED(sp.sp_status));
			t_assert_cmp(WTERMSIG(sp.sp_status), ==, runs[i].sig);
		} else
			t_assert(WIFEXITED(sp.sp_status));
		(void)t_end();
	}
}

/* ---- could not run vs. ran and exited 127 ------------------------------ */

static void
test_exec_failures(void)
{
	char *argv[] = { "prog", NULL };
	char bad[PATH_MAX];
	struct sm_spawn sp;
	const char *why;
	int fd;

	sm_spawn_init(&sp, "/nonexistent/prog", argv, no_env);
	sp.sp_io[1] = SM_SPAWN_PIPE;
	why = NULL;
	errno = 0;
	t_assert_cmp(sm_spawn_start(&sp, &why), ==, -1);
	t_assert_cmp(errno, ==, ENOENT);
	t_assert_cmp(sp.sp_exit, ==, EX_UNAVAILABLE);
	t_assert_streq(why, "cannot exec");
	t_assert_cmp(sp.sp_pid, ==, 0);
	t_assert_cmp(sp.sp_pipe[1], ==, -1);
	/* the same for a local delivery agent is a system error */
	sp.sp_flags = SM_SPAWN_LOCAL;
	t_assert_cmp(sm_spawn_start(&sp, &why), ==, -1);
	t_assert_cmp(sp.sp_exit, ==, EX_OSERR);
	/* not executable (even root needs an x bit) */
	(void)snprintf(bad, sizeof(bad), "%s/noexec", t_tmpdir());
	fd = open(bad, O_WRONLY | O_CREAT, 0644);
	t_require(fd >= 0);
	t_assert_cmp(write(fd, "\x01\x02\x03\x04", 4), ==, 4);
	(void)close(fd);
	sm_spawn_init(&sp, bad, argv, no_env);
	t_assert_cmp(sm_spawn_start(&sp, &why), ==, -1);
	t_assert_cmp(errno, ==, EACCES);
	t_assert_cmp(sp.sp_exit, ==, EX_UNAVAILABLE);
	/* executable but no format the kernel knows */
	t_assert_cmp(chmod(bad, 0755), ==, 0);
	t_assert_cmp(sm_spawn_start(&sp, &why), ==, -1);
	t_assert_cmp(errno, ==, ENOEXEC);
	t_assert_cmp(sp.sp_exit, ==, EX_UNAVAILABLE);
	/* whereas a program that exits 127 started fine */
	t_assert_cmp(run_sh("exit 127", NULL, NULL, &sp), ==, 127);
	t_assert(WIFEXITED(sp.sp_status));
}

/* ---- pipes ------------------------------------------------------------- */

/* 3 MB of every byte value through cat: both pipes far past their size. */
static void
test_cat_large(void)
{
	char *argv[] = { "cat", NULL };
	struct sm_spawn_buf out, err;
	struct sm_spawn sp;
	size_t n = 3 * 1024 * 1024 + 17, i;
	unsigned char *in = malloc(n);
	unsigned int x = 12345;

	t_require(in != NULL);
	for (i = 0; i < n; i++) {
		x = x * 1103515245 + 12345;
		in[i] = (unsigned char)(x >> 16);
	}
	memset(&out, 0, sizeof(out));
	memset(&err, 0, sizeof(err));
	sm_spawn_init(&sp, "/bin/cat", argv, no_env);
	sp.sp_io[0] = sp.sp_io[1] = sp.sp_io[2] = SM_SPAWN_PIPE;
	t_assert_cmp(sm_spawn_start(&sp, NULL), ==, 0);
	t_assert_cmp(sm_spawn_pump(&sp, in, n, &out, &err, 10000, NULL), ==, 0);
	t_assert_cmp(sm_spawn_wait(&sp, 5000), ==, EX_OK);
	t_assert_memeq(out.b_data, out.b_len, in, n);
	t_assert_cmp(out.b_truncated, ==, 0);
	t_assert_streq(err.b_data, "");
	buf_free(&out);
	buf_free(&err);
	free(in);
}

static void
test_out_err(void)
{
	struct sm_spawn_buf out, err;
	struct sm_spawn sp;

	memset(&out, 0, sizeof(out));
	memset(&err, 0, sizeof(err));
	t_assert_cmp(run_sh("echo out; echo err >&2; echo more; exit 3", &out, &err,
	    &sp), ==, 3);
	t_assert_streq(out.b_data, "out\nmore\n");
	t_assert_streq(err.b_data, "err\n");
	buf_free(&out);
	buf_free(&err);
}

/* A cap on what is kept; the child is still drained and exits. */
static void
test_truncate(void)
{
	struct sm_spawn_buf out;
	struct sm_spawn sp;

	memset(&out, 0, sizeof(out));
	out.b_max = 1000;
	t_assert_cmp(run_sh("i=0; while [ $i -lt 2000 ]; do "
	    "echo 0123456789012345678901234567890123456789012345678; "
	    "i=$((i+1)); done", &out, NULL, &sp), ==, EX_OK);
	t_assert_cmp(out.b_len, ==, 1000);
	t_assert_cmp(out.b_truncated, ==, 1);
	t_assert_cmp(strlen(out.b_data), ==, 1000);
	t_assert(strncmp(out.b_data, "0123456789", 10) == 0);
	buf_free(&out);
}

/* A child that never reads its input: no SIGPIPE for us, no error. */
static void
test_child_ignores_input(void)
{
	char *argv[] = { "true", NULL };
	struct sm_spawn sp;
	size_t n = 1024 * 1024;
	char *in = calloc(1, n);

	t_require(in != NULL);
	sm_spawn_init(&sp, "/bin/true", argv, no_env);
	sp.sp_io[0] = SM_SPAWN_PIPE;
	t_assert_cmp(sm_spawn_start(&sp, NULL), ==, 0);
	t_assert_cmp(sm_spawn_pump(&sp, in, n, NULL, NULL, 5000, NULL), ==, 0);
	t_assert_cmp(sp.sp_pipe[0], ==, -1);
	t_assert_cmp(sm_spawn_wait(&sp, 5000), ==, EX_OK);
	free(in);
}

/* Our descriptors 0-2 closed: the pipes land there, and still work. */
static void
test_low_descriptors(void)
{
	char *argv[] = { "cat", NULL };
	struct sm_spawn_buf out;
	struct sm_spawn sp;
	int saved = dup(0), rc;

	t_require(saved >= 0);
	(void)close(0);
	memset(&out, 0, sizeof(out));
	sm_spawn_init(&sp, "/bin/cat", argv, no_env);
	sp.sp_io[0] = sp.sp_io[1] = SM_SPAWN_PIPE;
	rc = sm_spawn_start(&sp, NULL);
	(void)dup2(saved, 0);
	(void)close(saved);
	t_require(rc == 0);
	t_assert_cmp(sm_spawn_pump(&sp, "abc\n", 4, &out, NULL, 5000, NULL), ==, 0);
	t_assert_cmp(sm_spawn_wait(&sp, 5000), ==, EX_OK);
	t_assert_streq(out.b_data, "abc\n");
	buf_free(&out);
}

/* /dev/null and a caller's descriptor as the child's stdio. */
static void
test_null_and_fd(void)
{
	char *cat[] = { "cat", NULL };
	char *sh[] = { "sh", "-c", "echo to-file; echo to-err >&2", NULL };
	char path[PATH_MAX], got[64];
	struct sm_spawn_buf out;
	struct sm_spawn sp;
	ssize_t n;
	int fd;

	memset(&out, 0, sizeof(out));
	sm_spawn_init(&sp, "/bin/cat", cat, no_env);
	sp.sp_io[0] = SM_SPAWN_NULL;
	sp.sp_io[1] = SM_SPAWN_PIPE;
	t_assert_cmp(sm_spawn_start(&sp, NULL), ==, 0);
	t_assert_cmp(sm_spawn_pump(&sp, NULL, 0, &out, NULL, 5000, NULL), ==, 0);
	t_assert_cmp(sm_spawn_wait(&sp, 5000), ==, EX_OK);
	t_assert_streq(out.b_data, "");
	buf_free(&out);
	(void)snprintf(path, sizeof(path), "%s/out", t_tmpdir());
	fd = open(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	t_require(fd >= 0);
	sm_spawn_init(&sp, "/bin/sh", sh, no_env);
	sp.sp_io[1] = SM_SPAWN_FD;
	sp.sp_fd[1] = fd;
	sp.sp_io[2] = SM_SPAWN_NULL;
	t_assert_cmp(sm_spawn_start(&sp, NULL), ==, 0);
	t_assert_cmp(sm_spawn_wait(&sp, 5000), ==, EX_OK);
	n = pread(fd, got, sizeof(got) - 1, 0);
	got[n > 0 ? n : 0] = '\0';
	t_assert_streq(got, "to-file\n");
	(void)close(fd);
}

/* ---- timeouts ---------------------------------------------------------- */

static void
test_timeout(void)
{
	struct sm_spawn_buf out;
	struct sm_spawn sp;
	char *argv[] = { "sh", "-c", "sleep 10 & echo $!; wait", NULL };
	const char *why = NULL;
	long long t0, took;
	pid_t grand;
	int st = 0;

	/* grandchildren come back to us, so we can see how they ended */
	(void)prctl(PR_SET_CHILD_SUBREAPER, 1);
	memset(&out, 0, sizeof(out));
	sm_spawn_init(&sp, "/bin/sh", argv, no_env);
	sp.sp_io[1] = SM_SPAWN_PIPE;
	t0 = sm_date_monotonic_ms();
	t_assert_cmp(sm_spawn_start(&sp, NULL), ==, 0);
	errno = 0;
	t_assert_cmp(sm_spawn_pump(&sp, NULL, 0, &out, NULL, 150, &why), ==, -1);
	t_assert_cmp(errno, ==, ETIMEDOUT);
	t_assert_streq(why, "timed out talking to the program");
	grand = (pid_t)atol(out.b_data);
	t_assert_cmp(sm_spawn_wait(&sp, 0), ==, EX_TEMPFAIL);
	took = sm_date_monotonic_ms() - t0;
	t_assert_cmp(sp.sp_timedout, ==, 1);
	t_assert(WIFSIGNALED(sp.sp_status));
	t_assert_cmp(WTERMSIG(sp.sp_status), ==, SIGTERM);
	t_assert_cmp(took, <, 1000);
	/* the whole process group got the signal: sleep died of it too */
	t_require(grand > 1);
	t_assert_cmp(waitpid(grand, &st, 0), ==, grand);
	t_assert(WIFSIGNALED(st) && WTERMSIG(st) == SIGTERM);
	(void)prctl(PR_SET_CHILD_SUBREAPER, 0);
	buf_free(&out);
}

/* A child deaf to SIGTERM gets SIGKILL after the grace period. */
static void
test_timeout_kill(void)
{
	char *argv[] = { "sh", "-c", "trap '' TERM; echo ready; "
	    "while :; do sleep 1; done", NULL };
	struct sm_spawn_buf out;
	struct sm_spawn sp;
	long long t0, took;
	char c;

	memset(&out, 0, sizeof(out));
	sm_spawn_init(&sp, "/bin/sh", argv, no_env);
	sp.sp_io[1] = SM_SPAWN_PIPE;
	sp.sp_grace_ms = 100;
	t0 = sm_date_monotonic_ms();
	t_assert_cmp(sm_spawn_start(&sp, NULL), ==, 0);
	/* wait until the trap is set */
	t_assert_cmp(read(sp.sp_pipe[1], &c, 1), ==, 1);
	t_assert_cmp(sm_spawn_wait(&sp, 100), ==, EX_TEMPFAIL);
	took = sm_date_monotonic_ms() - t0;
	t_assert_cmp(sp.sp_timedout, ==, 1);
	t_assert(WIFSIGNALED(sp.sp_status));
	t_assert_cmp(WTERMSIG(sp.sp_status), ==, SIGKILL);
	t_assert_cmp(took, >=, 200);
	t_assert_cmp(took, <, 1000);
}

/* sm_spawn_wait closes stdin first: cat sees end of file and exits. */
static void
test_wait_closes(void)
{
	char *argv[] = { "cat", NULL };
	struct sm_spawn sp;
	long long t0;

	sm_spawn_init(&sp, "/bin/cat", argv, no_env);
	sp.sp_io[0] = sp.sp_io[1] = SM_SPAWN_PIPE;
	t_assert_cmp(sm_spawn_start(&sp, NULL), ==, 0);
	t0 = sm_date_monotonic_ms();
	t_assert_cmp(sm_spawn_wait(&sp, 3000), ==, EX_OK);
	t_assert_cmp(sm_date_monotonic_ms() - t0, <, 1000);
	t_assert_cmp(sp.sp_pipe[0], ==, -1);
	t_assert_cmp(sp.sp_pipe[1], ==, -1);
	sm_spawn_close(&sp);		/* idempotent */
	t_assert_cmp(sm_spawn_wait(&sp, 0), ==, EX_SOFTWARE);	/* no child */
}

/* ---- what the child does not inherit ---------------------------------- */

static const struct {
	const char	*name;
	char *const	*envp;
	const char	*want;
} envs[] = {
	{ "given", (char *const[]){ "A=1", "B=two words", "EMPTY=", NULL },
	    "A=1\nB=two words\nEMPTY=\n" },
	{ "empty array", (char *const[]){ NULL }, "" },
	{ "NULL", NULL, "" },
};

static void
test_env(void)
{
	char *argv[] = { "env", NULL };
	struct sm_spawn_buf out;
	struct sm_spawn sp;
	size_t i;

	(void)setenv("T_SPAWN_LEAK", "must not show", 1);
	for (i = 0; i < sizeof(envs) / sizeof(envs[0]); i++) {
		t_begin("spawn: environment %s", envs[i].name);
		memset(&out, 0, sizeof(out));
		sm_spawn_init(&sp, "/usr/bin/env", argv, envs[i].envp);
		sp.sp_io[1] = SM_SPAWN_PIPE;
		t_assert_cmp(sm_spawn_start(&sp, NULL), ==, 0);
		t_assert_cmp(sm_spawn_pump(&sp, NULL, 0, &out, NULL, 5000, NULL), ==,
		    0);
		t_assert_cmp(sm_spawn_wait(&sp, 5000), ==, EX_OK);
		t_assert_streq(out.b_data, envs[i].want);
		buf_free(&out);
		(void)t_end();
	}
	(void)unsetenv("T_SPAWN_LEAK");
}

static void
test_cwd(void)
{
	char *argv[] = { "pwd", NULL };
	char real[PATH_MAX], want[PATH_MAX + 2], missing[PATH_MAX];
	struct sm_spawn_buf out;
	struct sm_spawn sp;
	const char *why = NULL;

	t_require(realpath(t_tmpdir(), real) != NULL);
	(void)snprintf(want, sizeof(want), "%s\n", real);
	memset(&out, 0, sizeof(out));
	sm_spawn_init(&sp, "/bin/pwd", argv, no_env);
	sp.sp_io[1] = SM_SPAWN_PIPE;
	sp.sp_cwd = t_tmpdir();
	t_assert_cmp(sm_spawn_start(&sp, NULL), ==, 0);
	t_assert_cmp(sm_spawn_pump(&sp, NULL, 0, &out, NULL, 5000, NULL), ==, 0);
	t_assert_cmp(sm_spawn_wait(&sp, 5000), ==, EX_OK);
	t_assert_streq(out.b_data, want);
	buf_free(&out);
	(void)snprintf(missing, sizeof(missing), "%s/missing", t_tmpdir());
	sp.sp_cwd = missing;
	errno = 0;
	t_assert_cmp(sm_spawn_start(&sp, &why), ==, -1);
	t_assert_cmp(errno, ==, ENOENT);
	t_assert_streq(why, "cannot chdir");
	t_assert_cmp(sp.sp_exit, ==, EX_OSERR);
	t_assert_cmp(sp.sp_pipe[1], ==, -1);
}

/* Only 0, 1, 2 reach the child (3 is the directory ls itself opens). */
static void
test_fds_closed(void)
{
	char *argv[] = { "ls", "-1", "/proc/self/fd", NULL };
	struct sm_spawn_buf out;
	struct sm_spawn sp;
	int a = open("/dev/null", O_RDONLY), b = dup2(a, 42), c = dup(1);

	t_require(a >= 0 && b == 42 && c >= 0);
	memset(&out, 0, sizeof(out));
	sm_spawn_init(&sp, "/bin/ls", argv, no_env);
	sp.sp_io[1] = SM_SPAWN_PIPE;
	t_assert_cmp(sm_spawn_start(&sp, NULL), ==, 0);
	t_assert_cmp(sm_spawn_pump(&sp, NULL, 0, &out, NULL, 5000, NULL), ==, 0);
	t_assert_cmp(sm_spawn_wait(&sp, 5000), ==, EX_OK);
	t_assert_streq(out.b_data, "0\n1\n2\n3\n");
	buf_free(&out);
	(void)close(a);
	(void)close(b);
	(void)close(c);
}

static void
noop(int sig)
{
	(void)sig;
}

/* Blocked, ignored and caught signals of ours: all default in the child. */
static void
test_signals_reset(void)
{
	char *argv[] = { "cat", "/proc/self/status", NULL };
	struct sigaction ign, catch, old_int, old_term;
	sigset_t block, old_mask;
	struct sm_spawn_buf out;
	struct sm_spawn sp;

	memset(&ign, 0, sizeof(ign));
	ign.sa_handler = SIG_IGN;
	memset(&catch, 0, sizeof(catch));
	catch.sa_handler = noop;
	(void)sigaction(SIGINT, &ign, &old_int);
	(void)sigaction(SIGTERM, &catch, &old_term);
	(void)sigemptyset(&block);
	(void)sigaddset(&block, SIGUSR1);
	(void)sigaddset(&block, SIGHUP);
	(void)sigprocmask(SIG_BLOCK, &block, &old_mask);
	memset(&out, 0, sizeof(out));
	sm_spawn_init(&sp, "/bin/cat", argv, no_env);
	sp.sp_io[1] = SM_SPAWN_PIPE;
	t_assert_cmp(sm_spawn_start(&sp, NULL), ==, 0);
	t_assert_cmp(sm_spawn_pump(&sp, NULL, 0, &out, NULL, 5000, NULL), ==, 0);
	t_assert_cmp(sm_spawn_wait(&sp, 5000), ==, EX_OK);
	(void)sigprocmask(SIG_SETMASK, &old_mask, NULL);
	(void)sigaction(SIGINT, &old_int, NULL);
	(void)sigaction(SIGTERM, &old_term, NULL);
	t_require(out.b_data != NULL);
	t_assert(strstr(out.b_data, "\nSigBlk:\t0000000000000000\n") != NULL);
	t_assert(strstr(out.b_data, "\nSigIgn:\t0000000000000000\n") != NULL);
	buf_free(&out);
}

/* ---- identity ----------------------------------------------------------- */

static void
test_identity_root(void)
{
	static const gid_t groups[] = { 65534, 100 };
	struct sm_spawn_buf out;
	struct sm_spawn sp;
	char *argv[] = { "sh", "-c", "id -u; id -g; id -G", NULL };
	char dir[PATH_MAX];
	const char *why = NULL;

	if (geteuid() != 0) {
		t_skip("not root");
		return;
	}
	memset(&out, 0, sizeof(out));
	sm_spawn_init(&sp, "/bin/sh", argv, no_env);
	sp.sp_io[1] = SM_SPAWN_PIPE;
	sp.sp_uid = 65534;
	sp.sp_gid = 65534;
	sp.sp_groups = groups;
	sp.sp_ngroups = 2;
	t_assert_cmp(sm_spawn_start(&sp, NULL), ==, 0);
	t_assert_cmp(sm_spawn_pump(&sp, NULL, 0, &out, NULL, 5000, NULL), ==, 0);
	t_assert_cmp(sm_spawn_wait(&sp, 5000), ==, EX_OK);
	t_assert_streq(out.b_data, "65534\n65534\n65534 100\n");
	buf_free(&out);
	/* no list: no supplementary groups at all (root's 0 must not stay) */
	sp.sp_ngroups = 0;
	t_assert_cmp(sm_spawn_start(&sp, NULL), ==, 0);
	t_assert_cmp(sm_spawn_pump(&sp, NULL, 0, &out, NULL, 5000, NULL), ==, 0);
	t_assert_cmp(sm_spawn_wait(&sp, 5000), ==, EX_OK);
	t_assert_streq(out.b_data, "65534\n65534\n65534\n");
	buf_free(&out);
	/* the directory is entered as the new user: a 0700 root one fails */
	(void)snprintf(dir, sizeof(dir), "%s/private", t_tmpdir());
	t_assert_cmp(mkdir(dir, 0700), ==, 0);
	sp.sp_cwd = dir;
	errno = 0;
	t_assert_cmp(sm_spawn_start(&sp, &why), ==, -1);
	t_assert_cmp(errno, ==, EACCES);
	t_assert_streq(why, "cannot chdir");
}

/* Without root, asking for another identity fails in the child with
 * EPERM, reported as a temporary failure (sendmail: setuid failed). */
static void
test_identity_unprivileged(void)
{
	char *argv[] = { "true", NULL };
	struct sm_spawn sp;
	const char *why = NULL;
	int st = 0;
	pid_t pid;

	(void)fflush(stdout);
	pid = fork();
	if (pid == 0) {
		if (geteuid() == 0 && (setgroups(0, NULL) < 0 ||
		    setresgid(65534, 65534, 65534) < 0 ||
		    setresuid(65534, 65534, 65534) < 0))
			_exit(10);
		sm_spawn_init(&sp, "/bin/true", argv, no_env);
		sp.sp_uid = 0;
		sp.sp_gid = 0;
		if (sm_spawn_start(&sp, &why) != -1)
			_exit(11);
		if (errno != EPERM || sp.sp_exit != EX_TEMPFAIL ||
		    strcmp(why, "cannot setgid") != 0)
			_exit(12);
		/* our own ids are fine */
		sp.sp_uid = geteuid();
		sp.sp_gid = getegid();
		if (sm_spawn_start(&sp, &why) != 0 ||
		    sm_spawn_wait(&sp, 5000) != EX_OK)
			_exit(13);
		_exit(0);
	}
	t_require(pid > 0);
	t_assert_cmp(waitpid(pid, &st, 0), ==, pid);
	t_assert(WIFEXITED(st));
	t_assert_cmp(WEXITSTATUS(st), ==, 0);
	/* and a uid without a gid is refused before any fork */
	sm_spawn_init(&sp, "/bin/true", argv, no_env);
	sp.sp_uid = 65534;
	errno = 0;
	t_assert_cmp(sm_spawn_start(&sp, &why), ==, -1);
	t_assert_cmp(errno, ==, EINVAL);
	t_assert_streq(why, "uid without gid");
}

int
main(void)
{
	test_tables();
	test_runs();
	(void)t_run("spawn: exec failures vs exit 127", test_exec_failures);
	(void)t_run("spawn: 3 MB through cat, both pipes", test_cat_large);
	(void)t_run("spawn: stdout and stderr apart", test_out_err);
	(void)t_run("spawn: output cap, child drained", test_truncate);
	(void)t_run("spawn: child ignores its input",
	    test_child_ignores_input);
	(void)t_run("spawn: our 0-2 closed", test_low_descriptors);
	(void)t_run("spawn: /dev/null and given descriptors",
	    test_null_and_fd);
	(void)t_run("spawn: timeout kills the process group", test_timeout);
	(void)t_run("spawn: SIGKILL after the grace period",
	    test_timeout_kill);
	(void)t_run("spawn: wait closes stdin first", test_wait_closes);
	test_env();
	(void)t_run("spawn: working directory", test_cwd);
	(void)t_run("spawn: other descriptors closed", test_fds_closed);
	(void)t_run("spawn: signal mask and dispositions reset",
	    test_signals_reset);
	(void)t_run("spawn: uid, gid, groups as root", test_identity_root);
	(void)t_run("spawn: identity without privilege",
	    test_identity_unprivileged);
	return t_done();
}
