/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * daemon.c -- the SMTP listener and the queue runner (see daemon.h).
 *
 * Public: daemon_port_parse daemon_flags daemon_queue_open
 *	daemon_queue_run daemon_run daemon_fd_peer daemon_xscript.
 * Runs in the daemon process (root or the starting user) and its
 * children: one per connection, one per queue run, one per transcript.
 *
 * As sendmail does: while MaxDaemonChildren children run, the listening
 * sockets are closed (new connections are refused by the kernel) and
 * opened again when a child ends; ConnectionRateThrottle accepts at most
 * N connections a second, the others wait in the backlog.
 */
#include "sendmail/daemon.h"
#include "sendmail/deliver.h"

#include "libsm/err.h"
#include "libsm/log.h"
#include "libsm/str.h"
#include "sendmail/domain.h"
#include "sendmail/macro.h"
#include "sendmail/map.h"
#include "sendmail/readcf.h"
#include "sendmail/srvrsmtp.h"
#include "sendmail/start.h"

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/un.h>
#include <sys/wait.h>

#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>


#define DAEMON_MAXKIDS	4096	/* children tracked */
#define DAEMON_MAXOPEN	10	/* bind retries (sendmail's MAXOPENTRIES) */

/* ---- DaemonPortOptions -------------------------------------------- */

static void
daemon_trim(char *s)
{
	size_t n = strlen(s);
	char *p = s;

	while (n > 0 && isspace((unsigned char)s[n - 1]))
		s[--n] = '\0';
	while (isspace((unsigned char)*p))
		p++;
	memmove(s, p, strlen(p) + 1);
}

static int
daemon_port_family(const char *v, struct daemon_port *p)
{
	if (strcasecmp(v, "inet") == 0)
		p->dp_family = AF_INET;
	else if (strcasecmp(v, "inet6") == 0)
		p->dp_family = AF_INET6;
	else if (strcasecmp(v, "local") == 0 || strcasecmp(v, "unix") == 0)
		p->dp_family = AF_UNIX;
	else
		return -1;
	return 0;
}

static int
daemon_port_number(const char *v, struct daemon_port *p)
{
	struct servent *se;
	char *end;
	long n = strtol(v, &end, 10);

	if (*v != '\0' && *end == '\0') {
		if (n <= 0 || n > 65535)
			return -1;
		p->dp_port = (int)n;
		return 0;
	}
	if ((se = getservbyname(v, "tcp")) == NULL)
		return -1;
	p->dp_port = ntohs((uint16_t)se->s_port);
	return 0;
}

/* One KEY=VALUE of a port; sendmail looks at the key's first letter. */
static int
daemon_port_kv(char *key, char *val, struct daemon_port *p,
    const char **errp)
{
	switch (key[0]) {
	case 'A': case 'a':
		(void)snprintf(p->dp_addr, sizeof(p->dp_addr), "%s", val);
		return 0;
	case 'F': case 'f':
		*errp = "unknown address family";
		return daemon_port_family(val, p);
	case 'P': case 'p':
		*errp = "invalid port number";
		return daemon_port_number(val, p);
	case 'N': case 'n':
		(void)snprintf(p->dp_name, sizeof(p->dp_name), "%s", val);
		return 0;
	case 'M': case 'm':
		(void)snprintf(p->dp_mods, sizeof(p->dp_mods), "%s", val);
		return 0;
	case 'L': case 'l':
		p->dp_backlog = atoi(val);
		if (p->dp_backlog <= 0)
			p->dp_backlog = DAEMON_BACKLOG;
		return 0;
	case 'c':
		p->dp_children = atoi(val);
		return 0;
	case 'D':
		p->dp_dmode = val[0];
		return 0;
	case 'd': case 'q': case 'r': case 'R': case 'S': case 'I':
		return 0;	/* load limits, buffers, milters: not ours */
	default:
		*errp = "unknown port option";
		return -1;
	}
}

int
daemon_port_parse(const char *spec, int n, struct daemon_port *p,
    const char **errp)
{
	char *buf = sm_strdup_x(spec), *f, *next, *eq;
	const char *dummy;
	int rc = 0;

	if (errp == NULL)
		errp = &dummy;
	memset(p, 0, sizeof(*p));
	p->dp_family = AF_INET;
	p->dp_port = 25;
	p->dp_backlog = DAEMON_BACKLOG;
	(void)snprintf(p->dp_name, sizeof(p->dp_name), "Daemon%d", n);
	for (f = buf; rc == 0 && f != NULL; f = next) {
		next = strchr(f, ',');
		if (next != NULL)
			*next++ = '\0';
		daemon_trim(f);
		if (*f == '\0')
			continue;
		if ((eq = strchr(f, '=')) == NULL) {
			*errp = "unknown port option";
			rc = -1;
			break;
		}
		*eq++ = '\0';
		daemon_trim(f);
		daemon_trim(eq);
		rc = daemon_port_kv(f, eq, p, errp);
	}
	free(buf);
	return rc;
}

char *
daemon_flags(const struct daemon_port *p, char *buf, size_t size)
{
	const char *m;
	size_t len = 0;

	if (size == 0)
		return buf;
	buf[0] = '\0';
	for (m = p->dp_mods; *m != '\0'; m++) {
		int c = (unsigned char)*m;
		int twice = isupper(c) != 0;

		if (!isalnum(c))
			continue;
		if (len + 3 + (size_t)twice > size)
			break;
		if (len > 0)
			buf[len++] = ' ';
		buf[len++] = (char)c;
		if (twice)
			buf[len++] = (char)c;
		buf[len] = '\0';
	}
	return buf;
}

/* ---- the queue ---------------------------------------------------- */

int
daemon_queue_open(struct queue_dir *qd)
{
	const struct conf *co = &readcf_config()->cf_conf;
	const char *path = co->co_queuedirectory != NULL ?
	    co->co_queuedirectory : "/var/spool/mqueue";
	SM_STR *why = sm_str_new(0);
	int rc = EX_OK;

	if (queue_dir_open(qd, path, co->co_queuefilemode != 0 ?
	    co->co_queuefilemode : 0600, why) < 0) {
		(void)printf("can not chdir(%s/): %s\n", path, strerror(errno));
		(void)fflush(stdout);
		sm_log(LOG_ERR, NULL, "can not chdir(%s/): %s", path,
		    strerror(errno));
		rc = EX_CONFIG;
	}
	sm_str_free(why);
	return rc;
}

int
daemon_queue_run(const struct queue_scan_opts *o)
{
	struct queue_scan_opts def;
	struct queue_run_stats st;
	struct queue_dir qd;
	SM_STR *why;
	int rc;

	if (o == NULL) {
		memset(&def, 0, sizeof(def));
		def.qo_la = -1;
		o = &def;
	}
	if ((rc = daemon_queue_open(&qd)) != EX_OK)
		return rc;
	why = sm_str_new(0);
	memset(&st, 0, sizeof(st));
	if (queue_run(&qd, o, deliver_queue_entry, NULL, &st, why) < 0) {
		sm_log(LOG_ERR, NULL, "queue run: %s", sm_str_data(why));
		rc = EX_OSERR;
	}
	sm_str_free(why);
	queue_dir_close(&qd);
	return rc;
}

/* ---- the listener ------------------------------------------------- */

struct daemon_sock {
	struct daemon_port ds_port;
	int	ds_fd;			/* -1 while closed */
	char	ds_flags[64];		/* ${daemon_flags} */
};

/* What the signal handlers tell the loop. */
static volatile sig_atomic_t daemon_term, daemon_hup, daemon_chld;

static void
daemon_sig(int sig)
{
	if (sig == SIGTERM || sig == SIGINT)
		daemon_term = 1;
	else if (sig == SIGHUP)
		daemon_hup = 1;
	else if (sig == SIGCHLD)
		daemon_chld = 1;
}

static void
daemon_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = daemon_sig;
	(void)sigemptyset(&sa.sa_mask);
	(void)sigaction(SIGTERM, &sa, NULL);
	(void)sigaction(SIGINT, &sa, NULL);
	(void)sigaction(SIGHUP, &sa, NULL);
	(void)sigaction(SIGCHLD, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	(void)sigaction(SIGPIPE, &sa, NULL);
}

/* A child starts with the default signal handling. */
static void
daemon_child_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_DFL;
	(void)sigaction(SIGTERM, &sa, NULL);
	(void)sigaction(SIGINT, &sa, NULL);
	(void)sigaction(SIGHUP, &sa, NULL);
	(void)sigaction(SIGCHLD, &sa, NULL);
}

/* The socket address of port P into SS; 0 or -1. */
static int
daemon_sockaddr(const struct daemon_port *p, struct sockaddr_storage *ss,
    socklen_t *len)
{
	memset(ss, 0, sizeof(*ss));
	if (p->dp_family == AF_UNIX) {
		struct sockaddr_un *un = (struct sockaddr_un *)ss;

		un->sun_family = AF_UNIX;
		if (strlen(p->dp_addr) >= sizeof(un->sun_path))
			return -1;
		memcpy(un->sun_path, p->dp_addr, strlen(p->dp_addr) + 1);
		*len = sizeof(*un);
	} else if (p->dp_family == AF_INET6) {
		struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)ss;

		s6->sin6_family = AF_INET6;
		s6->sin6_port = htons((uint16_t)p->dp_port);
		if (p->dp_addr[0] != '\0' &&
		    inet_pton(AF_INET6, p->dp_addr, &s6->sin6_addr) != 1)
			return -1;
		*len = sizeof(*s6);
	} else {
		struct sockaddr_in *s4 = (struct sockaddr_in *)ss;

		s4->sin_family = AF_INET;
		s4->sin_port = htons((uint16_t)p->dp_port);
		if (p->dp_addr[0] != '\0' &&
		    inet_pton(AF_INET, p->dp_addr, &s4->sin_addr) != 1)
			return -1;
		*len = sizeof(*s4);
	}
	return 0;
}

/* Open, bind and listen on D; 0 or -1 (logged, and said on stderr
 * when ECHO). */
static int
daemon_listen(struct daemon_sock *d, int echo)
{
	const struct daemon_port *p = &d->ds_port;
	struct sockaddr_storage ss;
	socklen_t len = 0;
	int fd, on = 1;

	if (daemon_sockaddr(p, &ss, &len) < 0) {
		errno = EINVAL;
		goto fail;
	}
	fd = socket(p->dp_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		goto fail;
	(void)setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on));
	if (p->dp_family == AF_UNIX)
		(void)unlink(p->dp_addr);
	if (bind(fd, (struct sockaddr *)&ss, len) < 0 ||
	    listen(fd, p->dp_backlog) < 0) {
		int e = errno;

		(void)close(fd);
		errno = e;
		goto fail;
	}
	(void)fcntl(fd, F_SETFL, O_NONBLOCK);
	d->ds_fd = fd;
	return 0;
fail:
	sm_log(LOG_CRIT, NULL, "opendaemonsocket: daemon %s: cannot bind: %m",
	    p->dp_name);
	if (echo) {
		(void)printf("451 4.0.0 opendaemonsocket: daemon %s: cannot "
		    "bind: %s\n", p->dp_name, strerror(errno));
		(void)fflush(stdout);
	}
	return -1;
}

/* The ports of the config: every DaemonPortOptions, or port 25. */
static int
daemon_ports(struct daemon_sock *v)
{
	const struct conf_list *l =
	    &readcf_config()->cf_conf.co_daemonportoptions;
	const char *why = NULL;
	int i, n = 0;

	for (i = 0; i < l->cl_n && n < DAEMON_MAXPORTS; i++) {
		if (daemon_port_parse(l->cl_v[i], n, &v[n].ds_port, &why) < 0) {
			(void)printf("DaemonPortOptions %s: %s\n", l->cl_v[i],
			    why);
			continue;
		}
		n++;
	}
	if (l->cl_n == 0)
		(void)daemon_port_parse("Name=MTA", 0, &v[n++].ds_port, NULL);
	for (i = 0; i < n; i++) {
		v[i].ds_fd = -1;
		(void)daemon_flags(&v[i].ds_port, v[i].ds_flags,
		    sizeof(v[i].ds_flags));
	}
	return n;
}

/* State of the daemon's loop. */
struct daemon_state {
	const struct daemon_opts *st_o;
	struct daemon_sock st_sock[DAEMON_MAXPORTS];
	int	st_nsock;
	pid_t	st_kids[DAEMON_MAXKIDS];	/* connection children */
	int	st_kidport[DAEMON_MAXKIDS];	/* the port each came on */
	int	st_nkids;
	pid_t	st_runner;		/* the queue run going on, or 0 */
	bool	st_closed;		/* listeners closed at the limit */
	time_t	st_next_run;		/* next queue run */
	time_t	st_sec;			/* ConnectionRateThrottle second */
	int	st_insec;		/* connections accepted in it */
	pid_t	st_spare;		/* a child forked ahead, or 0 */
	int	st_sparefd;		/* our end of its socket pair, -1 */
};

static void
daemon_close_all(struct daemon_state *s)
{
	int i;

	for (i = 0; i < s->st_nsock; i++)
		if (s->st_sock[i].ds_fd >= 0) {
			(void)close(s->st_sock[i].ds_fd);
			s->st_sock[i].ds_fd = -1;
		}
	if (s->st_sparefd >= 0) {	/* the spare sees the end, exits */
		(void)close(s->st_sparefd);
		s->st_sparefd = -1;
		s->st_spare = 0;
	}
}

static void
daemon_reap(struct daemon_state *s)
{
	pid_t pid;
	int i, status;

	daemon_chld = 0;
	while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
		if (pid == s->st_runner)
			s->st_runner = 0;
		for (i = 0; i < s->st_nkids; i++)
			if (s->st_kids[i] == pid) {
				s->st_nkids--;
				s->st_kids[i] = s->st_kids[s->st_nkids];
				s->st_kidport[i] = s->st_kidport[s->st_nkids];
				break;
			}
	}
}

/* A port's children=: its listener closed at its limit, like the
 * daemon's at MaxDaemonChildren. */
static void
daemon_limit_port(struct daemon_state *s, int port)
{
	struct daemon_sock *d = &s->st_sock[port];
	int i, n = 0;

	if (d->ds_port.dp_children <= 0)
		return;
	for (i = 0; i < s->st_nkids; i++)
		n += s->st_kidport[i] == port;
	if (n >= d->ds_port.dp_children && d->ds_fd >= 0) {
		(void)close(d->ds_fd);
		d->ds_fd = -1;
	} else if (n < d->ds_port.dp_children && d->ds_fd < 0)
		(void)daemon_listen(d, 0);
}

/* MaxDaemonChildren: close the listeners at the limit, reopen below. */
static void
daemon_limit(struct daemon_state *s)
{
	int max = readcf_config()->cf_conf.co_maxdaemonchildren;
	int i;

	if (max > 0 && s->st_nkids >= max && !s->st_closed) {
		sm_log(LOG_INFO, NULL, "rejecting connections on daemon %s: "
		    "%d children, max %d", s->st_sock[0].ds_port.dp_name,
		    s->st_nkids, max);
		daemon_close_all(s);
		s->st_closed = true;
	} else if (s->st_closed && (max <= 0 || s->st_nkids < max)) {
		s->st_closed = false;
		for (i = 0; i < s->st_nsock; i++)
			if (s->st_sock[i].ds_port.dp_children <= 0)
				(void)daemon_listen(&s->st_sock[i], 0);
	}
	for (i = 0; !s->st_closed && i < s->st_nsock; i++)
		daemon_limit_port(s, i);
}

/* Does the "hosts" service switch list dns? */
static bool
daemon_usedns(void)
{
	const char *const *v = domain_switch("hosts");

	for (; v != NULL && *v != NULL; v++)
		if (strcasecmp(*v, "dns") == 0)
			return true;
	return false;
}

/* Without dns in the switch: ADDR's first name in HostsFile, into NAME. */
static int
daemon_hosts_name(const char *addr, char *name, size_t nsize)
{
	const char *hf = readcf_config()->cf_conf.co_hostsfile;
	char line[1024], *a, *n;
	FILE *fp = fopen(hf != NULL ? hf : "/etc/hosts", "r");
	int found = -1;

	if (fp == NULL)
		return -1;
	while (found < 0 && fgets(line, sizeof(line), fp) != NULL) {
		line[strcspn(line, "#\n")] = '\0';
		a = line + strspn(line, " \t");
		n = a + strcspn(a, " \t");
		if (*n == '\0')
			continue;
		*n++ = '\0';
		n += strspn(n, " \t");
		n[strcspn(n, " \t")] = '\0';
		if (*n != '\0' && strcmp(a, addr) == 0 &&
		    strlen(n) < nsize) {
			memcpy(name, n, strlen(n) + 1);
			found = 0;
		}
	}
	(void)fclose(fp);
	return found;
}

/* The client's name: a reverse lookup (the C library's, or HostsFile
 * alone when the service switch has no dns), else "[addr]". */
static void
daemon_peer_name(const struct sockaddr_storage *ss, socklen_t len,
    const char *host, char *name, size_t nsize)
{
	int rc;

	if (daemon_usedns())
		rc = getnameinfo((const struct sockaddr *)ss, len, name,
		    (socklen_t)nsize, NULL, 0, NI_NAMEREQD);
	else
		rc = daemon_hosts_name(host, name, nsize);
	if (rc != 0 && snprintf(name, nsize, "[%s%.100s]",
	    ss->ss_family == AF_INET6 ? "IPv6:" : "", host) < 0)
		name[0] = '\0';
}

/* The client at SS for smtp_serve (no daemon name or flags yet). */
static void
daemon_sockpeer(const struct sockaddr_storage *ss, socklen_t len,
    struct smtp_peer *p, char *addr, size_t asize, char *name, size_t nsize)
{
	char host[NI_MAXHOST], serv[NI_MAXSERV];

	memset(p, 0, sizeof(*p));
	p->sp_family = ss->ss_family;
	if (ss->ss_family == AF_UNIX) {
		(void)snprintf(addr, asize, "%s", "localhost");
		(void)snprintf(name, nsize, "%s", "localhost");
	} else {
		if (getnameinfo((const struct sockaddr *)ss, len, host,
		    sizeof(host), serv, sizeof(serv),
		    NI_NUMERICHOST | NI_NUMERICSERV) != 0)
			(void)snprintf(host, sizeof(host), "0.0.0.0");
		else
			p->sp_port = atoi(serv);
		if (strlen(host) >= asize)
			host[asize - 1] = '\0';
		memcpy(addr, host, strlen(host) + 1);
		daemon_peer_name(ss, len, host, name, nsize);
	}
	p->sp_addr = addr;
	p->sp_name = name;
}

int
daemon_fd_peer(int fd, struct smtp_peer *p, char *addr, size_t asize,
    char *name, size_t nsize)
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof(ss);

	memset(&ss, 0, sizeof(ss));
	if (getpeername(fd, (struct sockaddr *)&ss, &len) < 0 ||
	    (ss.ss_family != AF_INET && ss.ss_family != AF_INET6))
		return -1;
	daemon_sockpeer(&ss, len, p, addr, asize, name, nsize);
	return 0;
}

/* In the child: one SMTP session on FD, then exit. */
static void
daemon_serve(struct daemon_state *s, const struct daemon_sock *d, int fd,
    const struct sockaddr_storage *ss, socklen_t len)
{
	struct smtp_peer peer;
	char addr[NI_MAXHOST], name[NI_MAXHOST];
	int in = fd, out = fd, st;

	daemon_child_signals();
	daemon_close_all(s);
	(void)fcntl(fd, F_SETFL, 0);
	if (d->ds_port.dp_dmode != 0)	/* DeliveryMode= of this port */
		readcf_config()->cf_conf.co_deliverymode = d->ds_port.dp_dmode;
	daemon_sockpeer(ss, len, &peer, addr, sizeof(addr), name,
	    sizeof(name));
	peer.sp_daemon = d->ds_port.dp_name;
	peer.sp_dflags = d->ds_flags;
	peer.sp_nconn = s->st_nkids + 1;
	if (s->st_o->do_xscript != NULL &&
	    daemon_xscript(s->st_o->do_xscript, &in, &out) < 0)
		sm_log(LOG_ERR, NULL, "cannot open %s: %m",
		    s->st_o->do_xscript);
	st = smtp_serve(in, out, &peer);
	_exit(st);
}

/* ConnectionRateThrottle: may one more connection be taken now? */
static bool
daemon_throttle_ok(struct daemon_state *s)
{
	int max = readcf_config()->cf_conf.co_connectionratethrottle;
	time_t now = time(NULL);

	if (now != s->st_sec) {
		s->st_sec = now;
		s->st_insec = 0;
	}
	return max <= 0 || s->st_insec < max;
}

/*
 * The spare.  A fork costs the connection that waits for it a good part of
 * its greeting's delay, so the daemon forks one child ahead: it waits on a
 * socket pair, and the next accepted connection is passed to it (with its
 * peer address and port) while a new spare is forked behind it.  The
 * session itself runs exactly as in a child forked for it.  Should the
 * hand-over fail, the connection gets a child of its own as before.
 */
struct daemon_handoff {
	struct sockaddr_storage	h_ss;
	socklen_t		h_len;
	int			h_port;		/* index in st_sock */
	int			h_nconn;	/* children, this one included */
};

/* The message: H, and room for one descriptor in CTL. */
union daemon_fdctl {
	struct cmsghdr	c;
	char		b[CMSG_SPACE(sizeof(int))];
};

static void
daemon_handoff_msg(struct msghdr *mh, struct iovec *iov,
    struct daemon_handoff *h, union daemon_fdctl *ctl)
{
	memset(mh, 0, sizeof(*mh));
	memset(ctl, 0, sizeof(*ctl));
	iov->iov_base = h;
	iov->iov_len = sizeof(*h);
	mh->msg_iov = iov;
	mh->msg_iovlen = 1;
	mh->msg_control = ctl->b;
	mh->msg_controllen = sizeof(ctl->b);
}

/* In the spare: wait for a connection, then serve it; the daemon's end
 * closing (a stop, a restart) ends the spare. */
static void
daemon_spare_run(struct daemon_state *s, int fd)
{
	struct daemon_handoff h;
	union daemon_fdctl ctl;
	struct iovec iov;
	struct msghdr mh;
	struct cmsghdr *c;
	ssize_t n;
	int conn = -1;

	daemon_child_signals();
	daemon_close_all(s);
	daemon_handoff_msg(&mh, &iov, &h, &ctl);
	while ((n = recvmsg(fd, &mh, MSG_CMSG_CLOEXEC)) < 0 && errno == EINTR)
		continue;
	c = n == (ssize_t)sizeof(h) ? CMSG_FIRSTHDR(&mh) : NULL;
	if (c != NULL && c->cmsg_level == SOL_SOCKET &&
	    c->cmsg_type == SCM_RIGHTS && c->cmsg_len == CMSG_LEN(sizeof(int)))
		memcpy(&conn, CMSG_DATA(c), sizeof(int));
	(void)close(fd);
	if (conn < 0 || h.h_port < 0 || h.h_port >= s->st_nsock)
		_exit(EX_OK);
	s->st_nkids = h.h_nconn - 1;
	daemon_serve(s, &s->st_sock[h.h_port], conn, &h.h_ss, h.h_len);
}

/* Fork a spare when there is none (not with -X: its transcript wants
 * the connection's own child). */
static void
daemon_spare_make(struct daemon_state *s)
{
	int sv[2];
	pid_t pid;

	if (s->st_sparefd >= 0 || s->st_closed || s->st_o->do_xscript != NULL ||
	    socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) < 0)
		return;
	if ((pid = fork()) == 0) {
		(void)close(sv[0]);
		daemon_spare_run(s, sv[1]);
	}
	(void)close(sv[1]);
	if (pid < 0) {
		(void)close(sv[0]);
		return;
	}
	s->st_spare = pid;
	s->st_sparefd = sv[0];
}

/* Pass connection FD to the spare; its pid, or -1 (no spare, or the
 * hand-over failed: that spare is let go). */
static pid_t
daemon_spare_give(struct daemon_state *s, int port, int fd,
    const struct sockaddr_storage *ss, socklen_t len)
{
	struct daemon_handoff h;
	union daemon_fdctl ctl;
	struct iovec iov;
	struct msghdr mh;
	struct cmsghdr *c;
	pid_t pid = s->st_spare;
	ssize_t n;

	if (s->st_sparefd < 0)
		return -1;
	memset(&h, 0, sizeof(h));
	memcpy(&h.h_ss, ss, len);
	h.h_len = len;
	h.h_port = port;
	h.h_nconn = s->st_nkids + 1;
	daemon_handoff_msg(&mh, &iov, &h, &ctl);
	c = CMSG_FIRSTHDR(&mh);
	c->cmsg_level = SOL_SOCKET;
	c->cmsg_type = SCM_RIGHTS;
	c->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(c), &fd, sizeof(int));
	while ((n = sendmsg(s->st_sparefd, &mh, MSG_NOSIGNAL)) < 0 &&
	    errno == EINTR)
		continue;
	(void)close(s->st_sparefd);
	s->st_sparefd = -1;
	s->st_spare = 0;
	return n == (ssize_t)sizeof(h) ? pid : -1;
}

/* Accept what waits on D and hand each to a child. */
static void
daemon_accept(struct daemon_state *s, struct daemon_sock *d)
{
	struct sockaddr_storage ss;
	socklen_t len;
	pid_t pid;
	int fd, port = (int)(d - s->st_sock);

	while (!s->st_closed && d->ds_fd >= 0 && daemon_throttle_ok(s)) {
		len = sizeof(ss);
		fd = accept4(d->ds_fd, (struct sockaddr *)&ss, &len,
		    SOCK_CLOEXEC);
		if (fd < 0)
			break;
		s->st_insec++;
		if ((pid = daemon_spare_give(s, port, fd, &ss, len)) < 0 &&
		    (pid = fork()) == 0)
			daemon_serve(s, d, fd, &ss, len);
		if (pid < 0)
			sm_log(LOG_ERR, NULL, "daemon %s: cannot fork: %m",
			    d->ds_port.dp_name);
		else if (s->st_nkids < DAEMON_MAXKIDS) {
			s->st_kidport[s->st_nkids] = port;
			s->st_kids[s->st_nkids++] = pid;
		}
		(void)close(fd);
		daemon_limit(s);
	}
	daemon_spare_make(s);
}

/* A queue run in a child, every -qN, never two at once. */
static void
daemon_queue_child(struct daemon_state *s)
{
	const struct daemon_opts *o = s->st_o;
	time_t now = time(NULL);
	pid_t pid;

	if (o->do_qintvl <= 0 || now < s->st_next_run)
		return;
	s->st_next_run = now + o->do_qintvl;
	if (s->st_runner != 0)
		return;		/* the last run goes on: no second one */
	if ((pid = fork()) == 0) {
		daemon_child_signals();
		daemon_close_all(s);
		_exit(daemon_queue_run(o->do_qopts));
	}
	if (pid < 0)
		sm_log(LOG_ERR, NULL, "queue run: cannot fork: %m");
	else
		s->st_runner = pid;
}

/* PidFile: our pid, then the command line, as sendmail writes it. */
void
daemon_pidfile(char *const *argv)
{
	const char *pf = readcf_config()->cf_conf.co_pidfile;
	char path[1024];
	FILE *fp;
	int i;

	if (pf == NULL || *pf == '\0')
		return;
	(void)macro_expand(pf, path, sizeof(path));
	if ((fp = fopen(path, "w")) == NULL) {
		sm_log(LOG_ERR, NULL, "unable to write pid to %s: %m", path);
		return;
	}
	(void)fprintf(fp, "%ld\n", (long)getpid());
	for (i = 0; argv != NULL && argv[i] != NULL; i++)
		(void)fprintf(fp, "%s%s", i > 0 ? " " : "", argv[i]);
	(void)fputc('\n', fp);
	if (fclose(fp) != 0)
		sm_log(LOG_ERR, NULL, "unable to write pid to %s: %m", path);
}

/* RunAsUser, when root: give up root after binding. */
static int
daemon_runas(void)
{
	const struct conf *co = &readcf_config()->cf_conf;

	if (geteuid() != 0 || co->co_runasuser == NULL)
		return 0;
	if (setgroups(0, NULL) < 0 || setgid(co->co_runasuser_gid) < 0 ||
	    setuid(co->co_runasuser_uid) < 0) {
		sm_log(LOG_CRIT, NULL, "RunAsUser %s: %m", co->co_runasuser);
		return -1;
	}
	return 0;
}

/* -bd: into the background, away from the terminal. */
static void
daemon_detach(void)
{
	pid_t pid;
	int fd;

	(void)fflush(stdout);
	if ((pid = fork()) < 0)
		sm_fatal(EX_OSERR, "cannot fork: %s", strerror(errno));
	if (pid > 0)
		_exit(EX_OK);
	(void)setsid();
	if ((fd = open("/dev/null", O_RDWR)) >= 0) {
		(void)dup2(fd, 0);
		(void)dup2(fd, 1);
		(void)dup2(fd, 2);
		if (fd > 2)
			(void)close(fd);
	}
}

/* SIGHUP: start again with the same command line. */
static void
daemon_restart(struct daemon_state *s)
{
	char *const *argv = s->st_o->do_argv;

	sm_log(LOG_INFO, NULL, "restarting %s due to signal",
	    argv != NULL && argv[0] != NULL ? argv[0] : "sendmail");
	daemon_close_all(s);
	if (argv == NULL)
		return;
	daemon_child_signals();
	if (argv[0][0] == '/')
		(void)execv(argv[0], argv);
	(void)execv("/proc/self/exe", argv);
	sm_log(LOG_ALERT, NULL, "could not exec %s: %m", argv[0]);
	daemon_signals();
}

/* Wait for a connection, a signal or the next queue run. */
static void
daemon_wait(struct daemon_state *s)
{
	struct pollfd pf[DAEMON_MAXPORTS];
	int i, n = 0, tmo = 1000;

	for (i = 0; i < s->st_nsock; i++)
		if (s->st_sock[i].ds_fd >= 0) {
			pf[n].fd = s->st_sock[i].ds_fd;
			pf[n].events = POLLIN;
			n++;
		}
	if (n > 0 && !daemon_throttle_ok(s))
		n = 0;		/* wait for the next second */
	if (poll(pf, (nfds_t)n, tmo) <= 0)
		return;
	for (i = 0; i < s->st_nsock; i++)
		if (s->st_sock[i].ds_fd >= 0)
			daemon_accept(s, &s->st_sock[i]);
}

static int
daemon_loop(struct daemon_state *s)
{
	while (!daemon_term) {
		if (daemon_hup) {
			daemon_hup = 0;
			daemon_restart(s);
		}
		if (daemon_chld)
			daemon_reap(s);
		daemon_limit(s);
		daemon_queue_child(s);
		if (s->st_nsock > 0) {
			daemon_spare_make(s);
			daemon_wait(s);
		}
		else
			(void)poll(NULL, 0, 1000);
	}
	sm_log(LOG_INFO, NULL, "stopping daemon, reason=signal");
	daemon_close_all(s);
	return EX_OK;
}

/* Bind D as sendmail does: 11 tries 5 seconds apart, each failure said
 * with 451, then "server SMTP socket wedged" and EX_OSERR. */
static int
daemon_bind(struct daemon_sock *d)
{
	int tries;

	for (tries = 1; daemon_listen(d, 1) < 0; tries++) {
		if (tries > DAEMON_MAXOPEN) {
			(void)printf("421 4.0.0 opendaemonsocket: daemon %s: "
			    "server SMTP socket wedged: exiting\n",
			    d->ds_port.dp_name);
			(void)fflush(stdout);
			sm_log(LOG_CRIT, NULL, "opendaemonsocket: daemon %s: "
			    "server SMTP socket wedged: exiting",
			    d->ds_port.dp_name);
			return EX_OSERR;
		}
		(void)sleep(5);
		if (daemon_term)
			return EX_OK;
	}
	return EX_OK;
}

/* sendmail's "starting daemon (8.17.1.9): SMTP+queueing@00:30:00". */
static void
daemon_log_start(const struct daemon_opts *o)
{
	char ivl[64];

	ivl[0] = '\0';
	if (o->do_qintvl > 0)
		(void)queue_interval(o->do_qintvl, true, ivl, sizeof(ivl));
	sm_log(LOG_INFO, NULL, "starting daemon (%s): %s%s%s%s",
	    START_VERSION, o->do_listen ? "SMTP" : "",
	    o->do_listen && o->do_qintvl > 0 ? "+" : "",
	    o->do_qintvl > 0 ? "queueing@" : "", ivl);
}

int
daemon_run(const struct daemon_opts *o)
{
	static struct daemon_state s;
	struct queue_dir qd;
	int i, rc;

	memset(&s, 0, sizeof(s));
	s.st_o = o;
	s.st_sparefd = -1;
	if ((rc = daemon_queue_open(&qd)) != EX_OK)
		return rc;
	queue_dir_close(&qd);
	daemon_signals();
	if (o->do_listen) {
		s.st_nsock = daemon_ports(s.st_sock);
		for (i = 0; i < s.st_nsock; i++)
			if ((rc = daemon_bind(&s.st_sock[i])) != EX_OK)
				return rc;
	}
	(void)fflush(stdout);
	if (o->do_detach)
		daemon_detach();
	daemon_pidfile(o->do_argv);	/* still privileged: /run is root's */
	if (daemon_runas() < 0)
		return EX_OSERR;
	map_warm();		/* checked once here, not in every session */
	daemon_log_start(o);
	return daemon_loop(&s);
}

/* ---- -X: the transcript ------------------------------------------- */

/* Lines of one direction, "PID <<< " or "PID >>> " before each. */
struct daemon_xdir {
	int	xd_from, xd_to;
	char	xd_buf[4096];
	size_t	xd_len;
	const char *xd_tag;
};

static void
daemon_xline(FILE *x, long pid, struct daemon_xdir *d, bool flush)
{
	char *nl;
	size_t n;

	while ((nl = memchr(d->xd_buf, '\n', d->xd_len)) != NULL ||
	    (flush && d->xd_len > 0) || d->xd_len == sizeof(d->xd_buf)) {
		size_t body;

		n = nl != NULL ? (size_t)(nl - d->xd_buf) + 1 : d->xd_len;
		body = n - (nl != NULL);
		if (nl != NULL && body > 0 && d->xd_buf[body - 1] == '\r')
			body--;
		(void)fprintf(x, "%05ld %s ", pid, d->xd_tag);
		(void)fwrite(d->xd_buf, 1, body, x);
		(void)fputc('\n', x);
		memmove(d->xd_buf, d->xd_buf + n, d->xd_len - n);
		d->xd_len -= n;
	}
	(void)fflush(x);
}

/* Copy what is there on D; false at its end. */
static bool
daemon_xcopy(FILE *x, long pid, struct daemon_xdir *d)
{
	ssize_t n = read(d->xd_from, d->xd_buf + d->xd_len,
	    sizeof(d->xd_buf) - d->xd_len);
	size_t off = 0;

	if (n <= 0) {
		daemon_xline(x, pid, d, true);
		return false;
	}
	while (off < (size_t)n) {
		ssize_t w = write(d->xd_to, d->xd_buf + d->xd_len + off,
		    (size_t)n - off);

		if (w <= 0)
			break;
		off += (size_t)w;
	}
	d->xd_len += (size_t)n;
	daemon_xline(x, pid, d, false);
	return true;
}

/* The relay process: until the session's output ends. */
static void
daemon_xrelay(FILE *x, long pid, struct daemon_xdir *in,
    struct daemon_xdir *out)
{
	struct pollfd pf[2];

	for (;;) {
		pf[0].fd = out->xd_from;
		pf[0].events = POLLIN;
		pf[1].fd = in->xd_from;
		pf[1].events = POLLIN;
		if (poll(pf, in->xd_from >= 0 ? 2 : 1, -1) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (pf[0].revents != 0 && !daemon_xcopy(x, pid, out))
			break;
		if (in->xd_from >= 0 && pf[1].revents != 0 &&
		    !daemon_xcopy(x, pid, in)) {
			(void)close(in->xd_to);
			in->xd_from = -1;
		}
	}
	(void)fclose(x);
	_exit(0);
}

int
daemon_xscript(const char *file, int *infd, int *outfd)
{
	static struct daemon_xdir in, out;
	int ip[2] = { -1, -1 }, op[2];
	long pid = (long)getpid();
	FILE *x = fopen(file, "a");
	pid_t kid;

	if (x == NULL)
		return -1;
	if ((*infd >= 0 && pipe(ip) < 0) || pipe(op) < 0) {
		(void)fclose(x);
		return -1;
	}
	if ((kid = fork()) < 0) {
		(void)fclose(x);
		return -1;
	}
	if (kid == 0) {
		in.xd_from = *infd >= 0 ? *infd : -1;
		in.xd_to = ip[1];
		in.xd_tag = "<<<";
		out.xd_from = op[0];
		out.xd_to = *outfd;
		out.xd_tag = ">>>";
		if (ip[0] >= 0)
			(void)close(ip[0]);
		(void)close(op[1]);
		daemon_xrelay(x, pid, &in, &out);
	}
	(void)fclose(x);
	if (*infd >= 0) {
		(void)close(ip[1]);
		*infd = ip[0];
	}
	(void)close(op[0]);
	*outfd = op[1];
	return 0;
}
