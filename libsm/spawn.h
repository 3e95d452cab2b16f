/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * spawn.h -- run a program (a mailer, a |program alias, a map program)
 * with exactly the argv, environment, identity and descriptors the caller
 * names, and turn its end into a sysexits(3) code the way sendmail does.
 *
 *	sm_spawn_init()		a request with safe defaults
 *	sm_spawn_start()	fork + exec; setup/exec errors reach the parent
 *	sm_spawn_pump()		feed stdin and drain stdout/stderr together
 *	sm_spawn_wait()		wait with a timeout, then SIGTERM, SIGKILL
 *	sm_spawn_close()	close the parent's pipe ends
 *	sm_spawn_exitcode()	wait status -> EX_* (sendmail's endmailer)
 *	sm_spawn_execcode()	exec errno -> EX_* (sendmail's openmailer)
 *
 * No shell: argv goes to execve(2) as is (pass "/bin/sh", "-c", ... to get
 * one), and PATH is not searched.  Nothing is inherited by accident: the
 * child gets the caller's environment array and nothing else, descriptors
 * 0-2 as configured and no others, default signal handling with nothing
 * blocked, and its own session (setsid), so that a timeout can kill the
 * whole process group.  Changing uid/gid needs root; the parent may run
 * under any privilege.  Single-threaded callers (the child of a fork in a
 * threaded program does only async-signal-safe work, but SIGCHLD must not
 * be ignored, or there is no status to collect).
 */
#ifndef SM_SPAWN_H
#define SM_SPAWN_H

#include <stddef.h>
#include <sys/types.h>

/* What the child's descriptor 0, 1 or 2 is. */
enum sm_spawn_io {
	SM_SPAWN_INHERIT = 0,	/* the parent's own descriptor (default) */
	SM_SPAWN_NULL,		/* /dev/null */
	SM_SPAWN_PIPE,		/* a pipe to the parent: sp_pipe[i] */
	SM_SPAWN_FD		/* the caller's descriptor sp_fd[i] */
};

/* sp_flags */
#define SM_SPAWN_LOCAL	0x01	/* a local delivery agent: every exec
				 * failure is EX_OSERR (sendmail's F=l) */

#define SM_SPAWN_NOID	((uid_t)-1)	/* leave uid or gid alone */

/*
 * One child.  sm_spawn_init it, adjust the inputs, call sm_spawn_start.
 * sp_uid / sp_gid: SM_SPAWN_NOID to keep the current ones; a uid needs a
 * gid too (else root's group would stay).  When they are set and we are
 * root, the child calls setgroups(sp_ngroups, sp_groups) (none: an empty
 * list -- root's groups never leak), then setgid, then setuid, each
 * setting real, effective and saved ids, and only then chdir, so the
 * directory is entered with the new identity.  When not root, a request
 * for ids other than our own fails with EPERM.
 */
struct sm_spawn {
	/* inputs */
	const char	*sp_path;	/* program to execve */
	char *const	*sp_argv;	/* its argv, NULL-terminated */
	char *const	*sp_envp;	/* its whole environment (NULL: empty) */
	const char	*sp_cwd;	/* directory to run in (NULL: ours) */
	uid_t		sp_uid;
	gid_t		sp_gid;
	const gid_t	*sp_groups;	/* supplementary groups */
	int		sp_ngroups;
	enum sm_spawn_io sp_io[3];	/* stdin, stdout, stderr */
	int		sp_fd[3];	/* for SM_SPAWN_FD */
	int		sp_flags;
	int		sp_grace_ms;	/* SIGTERM to SIGKILL on a timeout
					 * (0: 1000 ms) */
	/* outputs */
	pid_t		sp_pid;		/* the child, until reaped; or 0 */
	int		sp_pipe[3];	/* parent's ends (-1: none): [0] is
					 * written, [1] and [2] are read */
	int		sp_exit;	/* EX_* once known (start failure or
					 * sm_spawn_wait) */
	int		sp_status;	/* raw wait status */
	int		sp_timedout;	/* sm_spawn_wait had to kill it */
};

/*
 * sm_spawn_init -- fill SP for running PATH with ARGV and ENVP (NULL:
 *	empty environment): descriptors inherited, no identity change, the
 *	caller's directory, no pipes.
 */
void	sm_spawn_init(struct sm_spawn *sp, const char *path,
	    char *const *argv, char *const *envp);

/*
 * sm_spawn_start -- fork and exec SP->sp_path.  The child reports any
 *	failure of its setup (dup2, /dev/null, chdir, setgroups/setgid/setuid)
 *	or of execve over a close-on-exec pipe, so that "could not run" is
 *	told apart from "ran and exited 127".
 * Returns: 0 when the program is running (sp_pid, sp_pipe set); -1 with
 *	errno the child's (or fork/pipe's) and sp_exit a sysexits code:
 *	exec failure -> sm_spawn_execcode; setgroups/setgid/setuid ->
 *	EX_TEMPFAIL; other setup and fork/pipe failures -> EX_OSERR.  The
 *	child is reaped, no descriptors are left open.
 *	errp gets a static reason ("cannot exec", "cannot chdir", ...).
 *	A uid without a gid is refused (EINVAL) before forking.
 */
int	sm_spawn_start(struct sm_spawn *sp, const char **errp);

/* A growable output buffer for sm_spawn_pump; zero it before use.  At most
 * b_max bytes are kept (0: 16 MB); the rest is read and dropped, so the
 * child never blocks on a full pipe, and b_truncated is set. */
struct sm_spawn_buf {
	char	*b_data;	/* malloc'd, NUL-terminated; free() it */
	size_t	b_len;
	size_t	b_max;
	int	b_truncated;
	size_t	b_size;		/* allocated (private) */
};

/*
 * sm_spawn_pump -- write IN to the child's stdin pipe (then close it) while
 *	reading its stdout and stderr pipes into OUT and ERR, with poll(2),
 *	so neither side can deadlock on a full pipe.  Pipes the child does
 *	not have are skipped; OUT/ERR may be NULL to discard.  A child that
 *	stops reading early is not an error (its stdin pipe is closed; the
 *	rest of IN is dropped; SIGPIPE is kept from us).
 * Parameters: timeout_ms for the whole exchange (< 0: none).
 * Returns: 0 at end of file on every output pipe; -1 with errno (ETIMEDOUT
 *	when time ran out -- then sm_spawn_wait(sp, 0) ends the child).
 */
int	sm_spawn_pump(struct sm_spawn *sp, const void *in, size_t inlen,
	    struct sm_spawn_buf *out, struct sm_spawn_buf *err,
	    int timeout_ms, const char **errp);

/*
 * sm_spawn_close -- close the parent's pipe ends still open (stdin first,
 *	so that the child sees end of file).  Idempotent.
 */
void	sm_spawn_close(struct sm_spawn *sp);

/*
 * sm_spawn_wait -- close the pipes (sm_spawn_close), wait up to
 *	timeout_ms (< 0: forever; 0: no wait) for the child, and on expiry
 *	send its process group SIGTERM, then after sp_grace_ms SIGKILL, and
 *	reap it.  Sets sp_status, sp_timedout, sp_exit; sp_pid becomes 0.
 * Returns: the sysexits code: sm_spawn_exitcode(status), EX_TEMPFAIL
 *	after a timeout (sendmail: "wait timeout"), EX_SOFTWARE if waitpid
 *	failed.
 */
int	sm_spawn_wait(struct sm_spawn *sp, int timeout_ms);

/*
 * sm_spawn_exitcode -- a wait(2) status as sendmail's endmailer sees it:
 *	an exit status is returned as is (0..255: EX_* pass through); death
 *	by a signal is EX_TEMPFAIL ("mailer died with signal": try again).
 */
int	sm_spawn_exitcode(int status);

/*
 * sm_spawn_execcode -- the exit code sendmail's child uses when execve
 *	fails with ERR: EX_OSERR if the error is transient (EAGAIN, ENOMEM,
 *	ETXTBSY, EMFILE, ... -- sendmail's transienterror list) or if LOCAL
 *	(a local mailer), else EX_UNAVAILABLE (ENOENT, EACCES, ENOEXEC ...).
 */
int	sm_spawn_execcode(int err, int local);

#endif
