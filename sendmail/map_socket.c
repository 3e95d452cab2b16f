/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * map_socket.c -- the `socket' map class: sendmail's socketmap protocol.
 *
 *	Kname socket [-dTIMEOUT] unix:/path | local:/path | /path
 *	Kname socket inet:PORT@HOST | inet6:PORT@HOST
 *
 * A request is the netstring "NAME KEY" (NAME the map's name, KEY folded
 * to lower case unless -f); the reply a netstring "OK value",
 * "NOTFOUND", "TEMP ...", "TIMEOUT ..." or "PERM ..." (status EX_OK,
 * EX_NOTFOUND, EX_TEMPFAIL twice, EX_UNAVAILABLE; anything else
 * EX_PROTOCOL).  Every read and connect waits at most the -d timeout
 * (default 30 seconds).  Maps with the same endpoint text share one
 * connection.  After a broken reply the connection is closed and the
 * next lookup connects again; a refused connection fails the lookup
 * temporarily without a message, as sendmail does.
 *
 * Public: map_socket_class (map_int.h).  Runs in the sendmail process.
 */
#include "sendmail/map_int.h"

#include "libsm/err.h"
#include "libsm/str.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#define MAP_SOCK_TIMEOUT	30		/* seconds, without -d */
#define MAP_SOCK_MAXREPLY	(1024 * 1024)	/* longest reply accepted */

/* One connection, shared by every map with the same endpoint text. */
struct map_sock {
	char	*spec;
	int	fd;			/* -1: not connected */
	int	refs;
	struct sockaddr_storage addr;
	socklen_t addrlen;
	struct map_sock *next;
};

static struct map_sock *map_socks;

/* Fill MS's address from a "unix:" path; 0, or -1 after a message. */
static int
map_sock_unix(const MAP *map, struct map_sock *ms, const char *path)
{
	struct sockaddr_un *sun = (struct sockaddr_un *)&ms->addr;

	const char *why;

	if (map_safefile(path, MAP_SFF_ANYDIR, &why) != 0) {
		map_syserr(errno, "socket map \"%s\": local socket name %s "
		    "unsafe: %s", map->map_mname, path, why);
		return -1;
	}
	if (strlen(path) >= sizeof(sun->sun_path)) {
		map_syserr(0, "socket map \"%s\": local socket name %s too "
		    "long", map->map_mname, path);
		return -1;
	}
	sun->sun_family = AF_UNIX;
	memcpy(sun->sun_path, path, strlen(path) + 1);
	ms->addrlen = sizeof(*sun);
	return 0;
}

/* The port of "inet:PORT@HOST": a number or a service name; -1. */
static int
map_sock_port(const MAP *map, const char *port)
{
	struct servent *se;
	char *end;
	long n;

	n = strtol(port, &end, 10);
	if (*port != '\0' && *end == '\0' && n > 0 && n < 65536)
		return (int)n;
	se = getservbyname(port, "tcp");
	if (se != NULL)
		return ntohs((unsigned short)se->s_port);
	map_syserr(0, "socket map \"%s\": unknown port name %s",
	    map->map_mname, port);
	return -1;
}

/* Fill MS's address from "PORT@HOST"; 0, or -1 (with a message for a
 * malformed spec, silently for an unknown host). */
static int
map_sock_inet(const MAP *map, struct map_sock *ms, const char *spec,
    int family)
{
	struct addrinfo hints, *ai;
	char *buf = sm_strdup_x(spec), *at = strchr(buf, '@');
	int port, rc = -1;

	if (at == NULL) {
		map_syserr(0, "socket map \"%s\": bad address %s (expected "
		    "port@host)", map->map_mname, spec);
		goto out;
	}
	*at++ = '\0';
	if ((port = map_sock_port(map, buf)) < 0)
		goto out;
	memset(&hints, 0, sizeof(hints));
	hints.ai_family = family;
	hints.ai_socktype = SOCK_STREAM;
	if (getaddrinfo(at, NULL, &hints, &ai) != 0)
		goto out;
	memcpy(&ms->addr, ai->ai_addr, ai->ai_addrlen);
	ms->addrlen = ai->ai_addrlen;
	freeaddrinfo(ai);
	if (family == AF_INET6)
		((struct sockaddr_in6 *)&ms->addr)->sin6_port = htons(port);
	else
		((struct sockaddr_in *)&ms->addr)->sin_port = htons(port);
	rc = 0;
out:
	free(buf);
	return rc;
}

/* Resolve the endpoint text SPEC into MS; 0, or -1. */
static int
map_sock_addr(const MAP *map, struct map_sock *ms, const char *spec)
{
	const char *colon = strchr(spec, ':');
	size_t tl;

	if (colon == NULL)
		return map_sock_unix(map, ms, spec);
	tl = (size_t)(colon - spec);
	if ((tl == 4 && strncasecmp(spec, "unix", 4) == 0) ||
	    (tl == 5 && strncasecmp(spec, "local", 5) == 0))
		return map_sock_unix(map, ms, colon + 1);
	if (tl == 4 && strncasecmp(spec, "inet", 4) == 0)
		return map_sock_inet(map, ms, colon + 1, AF_INET);
	if (tl == 5 && strncasecmp(spec, "inet6", 5) == 0)
		return map_sock_inet(map, ms, colon + 1, AF_INET6);
	map_syserr(EPROTONOSUPPORT, "socket map \"%s\": unknown socket type "
	    "%.*s: %s", map->map_mname, (int)tl, spec,
	    strerror(EPROTONOSUPPORT));
	return -1;
}

/* The map's timeout in milliseconds. */
static int
map_sock_ms(const MAP *map)
{
	long t = map->map_timeout > 0 ? map->map_timeout : MAP_SOCK_TIMEOUT;

	return t > 86400 ? 86400 * 1000 : (int)(t * 1000);
}

/* Connect MS within the map's timeout; 0, or -1 (no message). */
static int
map_sock_connect(const MAP *map, struct map_sock *ms)
{
	struct pollfd pfd;
	socklen_t len = sizeof(int);
	int fd, err = 0;

	fd = socket(ms->addr.ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -1;
	(void)fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
	if (connect(fd, (struct sockaddr *)&ms->addr, ms->addrlen) != 0) {
		if (errno != EINPROGRESS)
			goto fail;
		pfd.fd = fd;
		pfd.events = POLLOUT;
		if (poll(&pfd, 1, map_sock_ms(map)) != 1 ||
		    getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) != 0 ||
		    err != 0)
			goto fail;
	}
	ms->fd = fd;
	return 0;
fail:
	(void)close(fd);
	return -1;
}

static void
map_sock_hangup(struct map_sock *ms)
{
	if (ms->fd >= 0)
		(void)close(ms->fd);
	ms->fd = -1;
}

static int
map_sock_open(MAP *map)
{
	struct map_sock *ms;

	for (ms = map_socks; ms != NULL; ms = ms->next)
		if (strcmp(ms->spec, map->map_file) == 0)
			break;
	if (ms == NULL) {
		ms = sm_calloc_x(1, sizeof(*ms));
		ms->fd = -1;
		if (map_sock_addr(map, ms, map->map_file) != 0) {
			free(ms);
			return 0;
		}
		ms->spec = sm_strdup_x(map->map_file);
		ms->next = map_socks;
		map_socks = ms;
	}
	if (ms->fd < 0 && map_sock_connect(map, ms) != 0)
		return 0;
	ms->refs++;
	map->map_db = ms;
	return 1;
}

static void
map_sock_close(MAP *map)
{
	struct map_sock *ms = map->map_db, **pp;

	map->map_db = NULL;
	if (ms == NULL || --ms->refs > 0)
		return;
	map_sock_hangup(ms);
	for (pp = &map_socks; *pp != NULL; pp = &(*pp)->next)
		if (*pp == ms) {
			*pp = ms->next;
			break;
		}
	free(ms->spec);
	free(ms);
}

/* Wait until FD is readable; 0, or -1 after "read timeout". */
static int
map_sock_wait(const MAP *map, int fd)
{
	struct pollfd pfd;
	int r;

	pfd.fd = fd;
	pfd.events = POLLIN;
	do
		r = poll(&pfd, 1, map_sock_ms(map));
	while (r < 0 && errno == EINTR);
	if (r > 0)
		return 0;
	map_syserr(EAGAIN, "socket_map_lookup(%s): read timeout: %s",
	    map->map_mname, strerror(EAGAIN));
	return -1;
}

/* One byte of the reply; -1 at EOF or error, -2 after a timeout. */
static int
map_sock_getc(const MAP *map, int fd)
{
	unsigned char c;
	ssize_t n;

	if (map_sock_wait(map, fd) != 0)
		return -2;
	do
		n = read(fd, &c, 1);
	while (n < 0 && errno == EINTR);
	return n == 1 ? c : -1;
}

/* Read the reply's length ("123:"); -1 after its message (or silently
 * at end of file), -2 after a timeout. */
static long
map_sock_len(const MAP *map, int fd)
{
	long len = 0;
	int c, digits = 0;

	while ((c = map_sock_getc(map, fd)) >= '0' && c <= '9' && digits < 9) {
		len = len * 10 + (c - '0');
		digits++;
	}
	if (c == -2 || (c == -1 && digits == 0))
		return c == -2 ? -2 : -1;
	if (digits == 0) {
		map_syserr(0, "socket_map_lookup(%s): failed to read length "
		    "parameter of reply %d", map->map_mname, 0);
		return -1;
	}
	if (c != ':') {
		map_syserr(0, "socket_map_lookup(%s): missing ':' in reply",
		    map->map_mname);
		return -1;
	}
	if (len > MAP_SOCK_MAXREPLY) {
		map_syserr(0, "socket_map_lookup(%s): reply too long: %ld",
		    map->map_mname, len);
		return -1;
	}
	return len;
}

/* Read a whole reply netstring; a malloc'd string, or NULL. */
static char *
map_sock_reply(const MAP *map, int fd)
{
	long len = map_sock_len(map, fd), got = 0;
	char *buf;
	ssize_t n;

	if (len < 0)
		return NULL;
	buf = sm_malloc_x((size_t)len + 1);
	while (got < len) {
		if (map_sock_wait(map, fd) != 0)
			goto fail;
		n = read(fd, buf + got, (size_t)(len - got));
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			map_syserr(0, "socket_map_lookup(%s): short reply %ld "
			    "< %ld", map->map_mname, got, len);
			goto fail;
		}
		got += n;
	}
	buf[len] = '\0';
	if (map_sock_getc(map, fd) != ',') {
		map_syserr(0, "socket_map_lookup(%s): missing ',' in reply",
		    map->map_mname);
		goto fail;
	}
	return buf;
fail:
	free(buf);
	return NULL;
}

/* Send the request netstring for KEY; 0, or -1. */
static int
map_sock_send(const MAP *map, int fd, const char *key)
{
	SM_STR *q = sm_str_new(0);
	const char *p;
	size_t left;
	ssize_t n;

	(void)sm_str_addf(q, "%zu:%s %s,", strlen(map->map_mname) + 1 +
	    strlen(key), map->map_mname, key);
	p = sm_str_data(q);
	for (left = sm_str_len(q); left > 0; p += n, left -= (size_t)n) {
		n = send(fd, p, left, MSG_NOSIGNAL);
		if (n < 0 && errno == EINTR)
			n = 0;
		else if (n <= 0)
			break;
	}
	sm_str_free(q);
	return left == 0 ? 0 : -1;
}

/* The status word of a reply (its value after the blank, if any). */
static int
map_sock_status(const char *status)
{
	if (strcmp(status, "OK") == 0)
		return EX_OK;
	if (strcmp(status, "NOTFOUND") == 0)
		return MAP_EX_NOTFOUND;
	if (strcmp(status, "TEMP") == 0 || strcmp(status, "TIMEOUT") == 0)
		return EX_TEMPFAIL;
	if (strcmp(status, "PERM") == 0)
		return EX_UNAVAILABLE;
	return EX_PROTOCOL;
}

static char *
map_sock_lookup(MAP *map, const char *key, const char *const *av,
    int *statp)
{
	struct map_sock *ms = map->map_db;
	char *k, *reply, *val, *v = NULL;

	*statp = EX_TEMPFAIL;
	if (ms->fd < 0 && map_sock_connect(map, ms) != 0)
		return NULL;
	k = (map->map_mflags & MAP_F_NOFOLD) != 0 ? sm_strdup_x(key) :
	    map_lower(key);
	reply = map_sock_send(map, ms->fd, k) == 0 ?
	    map_sock_reply(map, ms->fd) : NULL;
	free(k);
	if (reply == NULL) {
		map_sock_hangup(ms);
		return NULL;
	}
	if ((val = strchr(reply, ' ')) != NULL)
		*val++ = '\0';
	*statp = map_sock_status(reply);
	if (*statp == EX_OK && (map->map_mflags & MAP_F_MATCHONLY) != 0)
		v = map_rewrite(map, key, strlen(key), NULL);
	else if (*statp == EX_OK)
		v = map_rewrite(map, val != NULL ? val : "",
		    val != NULL ? strlen(val) : 0, av);
	free(reply);
	return v;
}

const struct map_class map_socket_class = {
	"socket", MAP_CF_ALIASOK, map_parseargs, map_sock_open,
	map_sock_lookup, map_sock_close, NULL
};
