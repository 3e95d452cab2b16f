/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * daemon.h -- the long-running parts of sendmail: the SMTP listener
 * (-bd, -bD) with one child per connection, the queue runner (-q, -qN)
 * and the DaemonPortOptions they listen on.
 *
 *	daemon_port_parse()	one DaemonPortOptions value
 *	daemon_flags()		${daemon_flags} of a port's M= modifiers
 *	daemon_run()		listen, accept, fork; run the queue every N
 *	daemon_queue_run()	one pass over QueueDirectory (-q)
 *	daemon_queue_open()	QueueDirectory opened, or sendmail's message
 *	daemon_pidfile()	PidFile: our pid, then the command line
 *	daemon_fd_peer()	the client of -bs on an inetd socket
 *
 * Runs in the sendmail process started with -bd/-bD/-q, as root or as
 * the user that started it (then no privileged port, no setuid).  The
 * listener forks: children serve one connection (smtp_serve) or one
 * queue run (queue_run with deliver_queue_entry) and exit.
 */
#ifndef TERN_DAEMON_H
#define TERN_DAEMON_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/socket.h>
#include <time.h>

#include "sendmail/queue.h"

/* Default listen(2) backlog: a burst of 200 connections must all be
 * queued by the kernel until the listener accepts them (the kernel cuts
 * this to net.core.somaxconn). */
#define DAEMON_BACKLOG	1024
#define DAEMON_MAXPORTS	16	/* DaemonPortOptions lines kept */

/* One DaemonPortOptions value (sendmail's keys, first letter decides). */
struct daemon_port {
	char	dp_name[64];		/* Name= ("Daemon0" ... when absent) */
	int	dp_family;		/* Family=: AF_INET, AF_INET6, AF_UNIX
					   (local) */
	char	dp_addr[256];		/* Addr= ("" any; a path for local) */
	int	dp_port;		/* Port= (25) */
	int	dp_backlog;		/* Listen= (DAEMON_BACKLOG) */
	char	dp_mods[64];		/* M= letters, as given */
	int	dp_children;		/* children= per port; 0: no limit */
	char	dp_dmode;		/* DeliveryMode=; 0: the option's */
};

/*
 * daemon_port_parse -- SPEC ("Port=2525, Addr=127.0.0.1, Name=MTA,
 *	M=E") into P; N is the port's index (default name "Daemon<N>", the
 *	name sendmail gives an unnamed one).
 * Returns 0, or -1 with *ERRP a static reason ("unknown address family
 *	X", "invalid port number X", "unknown port option X").
 */
int	daemon_port_parse(const char *spec, int n, struct daemon_port *p,
	    const char **errp);

/*
 * daemon_flags -- ${daemon_flags} for port P as sendmail 8.17 sets it:
 *	the M= letters in the order given, separated by single spaces, an
 *	upper-case letter written twice ("M=hEbCu" gives "h EE b CC u"),
 *	into BUF (SIZE bytes).
 * Returns BUF.
 */
char	*daemon_flags(const struct daemon_port *p, char *buf, size_t size);

/*
 * daemon_pidfile -- write PidFile (macros expanded) as sendmail does:
 *	the pid on the first line, ARGV joined by spaces on the second.
 *	No PidFile: nothing.  A failure is logged, never fatal.
 */
void	daemon_pidfile(char *const *argv);

/*
 * daemon_queue_open -- open QueueDirectory into QD.  On failure prints
 *	sendmail's "can not chdir(PATH/): reason" to standard output.
 * Returns 0, or EX_CONFIG.
 */
int	daemon_queue_open(struct queue_dir *qd);

/*
 * daemon_queue_run -- one queue run over QueueDirectory selecting as O
 *	says (NULL: everything), each message handed to deliver_queue_entry.
 * Returns an exit status (EX_OK, EX_CONFIG without a queue directory).
 */
int	daemon_queue_run(const struct queue_scan_opts *o);

/* How daemon_run runs. */
struct daemon_opts {
	bool	do_listen;		/* -bd/-bD: accept SMTP connections */
	bool	do_detach;		/* -bd, -qN alone: go to background */
	time_t	do_qintvl;		/* -qN: fork a queue run every N s */
	const struct queue_scan_opts *do_qopts;	/* what the runs select */
	char	**do_argv;		/* for the pid file and SIGHUP */
	const char *do_xscript;		/* -X FILE: transcript of SMTP */
};

/*
 * daemon_run -- the daemon: bind every DaemonPortOptions port (port 25
 *	on every address when there is none), write the PidFile, then
 *	accept connections, each served by a child (smtp_serve) within
 *	MaxDaemonChildren and ConnectionRateThrottle, and fork a queue run
 *	every O->do_qintvl.  SIGTERM ends it (children are told too),
 *	SIGHUP re-executes O->do_argv, SIGCHLD reaps.
 * Returns an exit status when it stops (EX_OK after SIGTERM, EX_OSERR
 *	when no port could be bound, EX_CONFIG without a queue).
 */
int	daemon_run(const struct daemon_opts *o);

struct smtp_peer;

/*
 * daemon_fd_peer -- sendmail -bs started by inetd: when FD is a TCP
 *	socket, fill P with its client as the daemon would (address, port,
 *	name by reverse lookup or "[addr]"; ADDR and NAME are the buffers,
 *	ASIZE and NSIZE bytes).  Daemon name and flags stay NULL.
 * Returns 0, or -1 when FD is no TCP socket (a pipe, a terminal).
 */
int	daemon_fd_peer(int fd, struct smtp_peer *p, char *addr, size_t asize,
	    char *name, size_t nsize);

/*
 * daemon_xscript -- -X FILE: from now on, what this process reads from
 *	*INFD and writes to *OUTFD is also appended to FILE as sendmail
 *	does ("PID <<< line", "PID >>> line"); a relay process is put in
 *	between and *INFD / *OUTFD replaced.  Returns 0, or -1 with errno.
 */
int	daemon_xscript(const char *file, int *infd, int *outfd);

#endif
