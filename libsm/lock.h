/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * lock.h -- locks for mailboxes, queue files and maps: kernel locks on an
 * open file (fcntl or flock) and "PATH.lock" dot-locks.
 *
 *	sm_lock() / sm_unlock()		fcntl or flock lock on a whole file
 *	sm_dotlock() / sm_dotunlock()	PATH.lock, NFS-safe, stale ones broken
 *	sm_dotlock_touch()		keep a long-held dot-lock fresh
 *	sm_lock_byte() / sm_unlock_byte()	one byte of a lock file: a
 *					queue for waiters of one program
 *
 * Waiting never uses SIGALRM: a bounded wait retries a non-blocking attempt
 * with short sleeps, so it mixes with any signal handling of the caller.
 * No global state: a process may hold any number of locks at once, on
 * different files or through different descriptors, and releasing one
 * never releases another (see SM_LOCK_FCNTL).  Runs under any privilege;
 * a dot-lock needs write permission on the directory.
 */
#ifndef SM_LOCK_H
#define SM_LOCK_H

#include <sys/types.h>

/*
 * Kinds of kernel lock.
 * SM_LOCK_FCNTL: a whole-file record lock, what mail.local, procmail and
 *	mutt take on a mailbox.  We use open-file-description locks
 *	(F_OFD_SETLK, Linux 3.15): they conflict with every other process's
 *	classic fcntl locks, so interoperation holds, but they belong to the
 *	open file rather than to the process -- closing some other descriptor
 *	of the same file (a library reading it, say) does not drop them, and
 *	two descriptors of one process exclude each other.  Falls back to
 *	classic F_SETLK where the kernel lacks them.  Works over NFS.
 * SM_LOCK_FLOCK: flock(2), what sendmail uses on queue files and maps.
 *	Kernels emulate it with fcntl locks over NFS.
 */
enum sm_lock_kind {
	SM_LOCK_FCNTL,
	SM_LOCK_FLOCK
};

/* Lock modes. */
#define SM_LOCK_SH	0	/* shared: readers */
#define SM_LOCK_EX	1	/* exclusive: a writer (fd open for writing
				 * for SM_LOCK_FCNTL) */

/*
 * sm_lock -- lock the whole file open on FD.
 * Parameters: kind (above); mode SM_LOCK_SH or SM_LOCK_EX (taking the
 *	other mode on a held lock converts it); timeout_ms: 0 try once,
 *	> 0 retry for up to that long, < 0 wait as long as it takes;
 *	errp, if not NULL, gets a static reason on failure.
 * Returns: 0, or -1 with errno: EWOULDBLOCK when another holder kept the
 *	lock for the whole timeout; anything else is a real error (EBADF,
 *	ENOLCK, ...).
 */
int	sm_lock(int fd, enum sm_lock_kind kind, int mode, int timeout_ms,
	    const char **errp);

/*
 * sm_unlock -- release a lock sm_lock took on FD with the same KIND.
 * Returns: 0, or -1 with errno.
 */
int	sm_unlock(int fd, enum sm_lock_kind kind);

/*
 * sm_lock_byte -- exclusive fcntl (OFD) lock on byte OFF of the file open
 *	for writing on FD, a lock file private to one program.  Waiters
 *	sleep in the kernel and are woken the moment the holder lets go,
 *	where polling a dot-lock wakes them late: many processes of ours
 *	that want one mailbox queue here first and then find its dot-lock
 *	free.  WAIT != 0 blocks without a time limit, so every holder must
 *	keep it only for a bounded time; 0 tries once.
 * Returns: 0, or -1 with errno (EWOULDBLOCK: held, when not waiting).
 */
int	sm_lock_byte(int fd, off_t off, int wait);
int	sm_unlock_byte(int fd, off_t off);

/*
 * Age in seconds after which an existing PATH.lock is taken for the
 * leftover of a dead process and removed: mail.local's LOCKTO_RM (5
 * minutes).  procmail waits longer (1024 s); a writer that holds a lock
 * that long should call sm_dotlock_touch now and then.
 */
#define SM_DOTLOCK_STALE	300

/* A held dot-lock.  Fill it with sm_dotlock; it owns dl_path. */
struct sm_dotlock {
	char	*dl_path;	/* "PATH.lock" */
	dev_t	dl_dev;		/* the file we created and the pid written */
	ino_t	dl_ino;		/* in it, so that unlocking never removes a */
	pid_t	dl_pid;		/* lock someone else made (inodes get reused) */
};

/*
 * sm_dotlock -- create PATH.lock for a file PATH (a mailbox), the
 *	convention mail readers share.  Made NFS-safe the way open(2)
 *	recommends: a unique file is linked to the lock name and success is
 *	judged by its link count, so a lost NFS reply cannot fool us (where
 *	hard links are not supported, O_CREAT|O_EXCL is used instead).  An
 *	existing lock older than STALE_SECS -- judged by the file server's
 *	clock, not ours -- is removed (logged at LOG_NOTICE) and the attempt
 *	repeated.
 * Parameters: dl receives the lock; path the file to protect; timeout_ms
 *	as for sm_lock; stale_secs <= 0 never breaks a lock (use
 *	SM_DOTLOCK_STALE for the customary 5 minutes); errp a static reason.
 * Returns: 0 with *dl filled, or -1 with errno (EWOULDBLOCK: held by
 *	another for the whole timeout; EACCES etc.: cannot create files in
 *	the directory).
 */
int	sm_dotlock(struct sm_dotlock *dl, const char *path, int timeout_ms,
	    int stale_secs, const char **errp);

/*
 * sm_dotlock_touch -- set the lock's time to now, so that others do not
 *	take a long-held lock for stale.
 * Returns: 0, or -1 with errno.
 */
int	sm_dotlock_touch(const struct sm_dotlock *dl);

/*
 * sm_dotunlock -- remove the lock if it is still the one we made, and free
 *	*dl's memory (always; *dl is cleared).
 * Returns: 0; or -1 with errno ENOENT (the lock was removed by someone
 *	else) or ESTALE (it was broken and is now another's, left in place).
 */
int	sm_dotunlock(struct sm_dotlock *dl);

#endif
