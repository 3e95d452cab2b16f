/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * t_map_net.c -- the map classes that leave the process: program (a
 * child per lookup), socket (sendmail's socketmap protocol, against a
 * scripted server on 127.0.0.1), host and bestmx (over domain.c with a
 * pinned hosts file and "hosts files").  Expected lines as sendmail
 * 8.17.1.9 printed them for the same K lines and /map commands.
 */
#include "sendmail/domain.h"
#include "sendmail/map.h"
#include "sendmail/map_int.h"
#include "t_map_harness.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#define NROWS(r)	(sizeof(r) / sizeof((r)[0]))

static const char *dir;

/* Substitute @D and @P (the socket server's port) in S (static). */
static const char *
subst_dp(const char *s, int port)
{
	static char out[4096];
	char p[16];
	const char *d = h_subst(s, dir), *at;
	size_t n;

	(void)snprintf(p, sizeof(p), "%d", port);
	out[0] = '\0';
	while ((at = strstr(d, "@P")) != NULL) {
		n = strlen(out);
		(void)snprintf(out + n, sizeof(out) - n, "%.*s%s",
		    (int)(at - d), d, p);
		d = at + 2;
	}
	n = strlen(out);
	(void)snprintf(out + n, sizeof(out) - n, "%s", d);
	return out;
}

static void
rows_dp(const char *what, const struct h_row *rows, size_t n, int port)
{
	char want[4096];
	size_t i;

	for (i = 0; i < n; i++) {
		t_begin("%s: /map %s", what, rows[i].args);
		(void)h_take();
		(void)snprintf(want, sizeof(want), "%s",
		    subst_dp(rows[i].want, port));
		t_assert_streq(h_bt(rows[i].args), want);
		t_end();
	}
}

/* ---- program --------------------------------------------------------- */

static const char *const prog_lines[] = {
	"p1 program @D/prog.sh", "p2 program @D/prog.sh -x yy",
	"p3 program @D/prog2.sh", "p4 program @D/prog3.sh",
	"p5 program @D/prog4.sh", "p6 program @D/prog5.sh",
	"p7 program -a! @D/prog.sh", "p8 program -m @D/prog.sh",
	"p9 program /nonexist/prog", "p10 program relative/prog",
	"p12 program -o /nonexist/prog", "p13 program -q /bin/echo",
	"p14 program @D/prog6.sh", NULL
};

static const struct h_row prog_rows[] = {
	{ "p1 Key", "map_lookup: p1 (Key) returns arg1=Key arg2= argc=1 (0)\n" },
	{ "p2 a b", "map_lookup: p2 (a b) returns arg1=-x arg2=yy argc=3 (0)\n" },
	{ "p3 x", "map_lookup: p3 (x) no match (3)\n" },
	{ "p4 x", "map_lookup: p4 (x) returns noeol (0)\n" },
	{ "p5 x", "map_lookup: p5 (x) no match (75)\n" },
	{ "p6 x", "map_lookup: p6 (x) returns AGENT=sendmail pwd=/ stdin=[] "
	    "(0)\n" },
	{ "p7 x", "map_lookup: p7 (x) returns arg1=x arg2= argc=1! (0)\n" },
	{ "p8 x", "map_lookup: p8 (x) returns x (0)\n" },
	{ "p9 x", "map_lookup: p9 (x) no match (78)\n" },
	{ "p10 x", "map_lookup: p10 (x) no match (78)\n" },
	{ "p12 x", "map_lookup: p12 (x) no match (78)\n" },
	{ "p13 \"x\"", "map_lookup: p13 (\"x\") returns \"x\" (0)\n" },
	{ "p13 -n", "map_lookup: p13 (-n) no match (0)\n" },
	{ "p14 x", "map_lookup: p14 (x) returns first (0)\n" },
};

static void
test_program(void)
{
	(void)h_file(dir, "prog.sh", "#!/bin/sh\n"
	    "echo \"arg1=$1 arg2=$2 argc=$#\"\necho second line\n", 0755);
	(void)h_file(dir, "prog2.sh", "#!/bin/sh\nexit 3\n", 0755);
	(void)h_file(dir, "prog3.sh", "#!/bin/sh\nprintf 'noeol'\n", 0755);
	(void)h_file(dir, "prog4.sh", "#!/bin/sh\necho out; exit 75\n", 0755);
	(void)h_file(dir, "prog5.sh", "#!/bin/sh\nread x\n"
	    "echo \"$(env | grep -v '^PWD=\\|^SHLVL=\\|^_=' | tr '\\n' ' ')"
	    "pwd=$(pwd) stdin=[$x]\"; echo err >&2\n", 0755);
	(void)h_file(dir, "prog6.sh", "#!/bin/sh\necho first\n"
	    "i=0; while [ $i -lt 2000 ]; do echo more; i=$((i+1)); done\n",
	    0755);
	(void)h_take();
	h_klines(prog_lines, dir);
	t_begin("program: declared quietly");
	t_assert_streq(h_take(), "");
	t_end();
	rows_dp("program", prog_rows, NROWS(prog_rows), 0);
}

/* ---- socket ------------------------------------------------------------ */

/* Read one netstring from FD into BUF; its length, or -1. */
static int
srv_read(int fd, char *buf, size_t size)
{
	size_t len = 0, got = 0;
	char c;
	ssize_t n;

	while (read(fd, &c, 1) == 1 && c != ':')
		len = len * 10 + (size_t)(c - '0');
	if (len + 1 > size)
		return -1;
	while (got < len + 1 && (n = read(fd, buf + got, len + 1 - got)) > 0)
		got += (size_t)n;
	if (got != len + 1)
		return -1;
	buf[len] = '\0';
	return (int)len;
}

static void
srv_send(int fd, const char *s)
{
	char buf[4200];
	int n = snprintf(buf, sizeof(buf), "%zu:%s,", strlen(s), s);

	(void)!write(fd, buf, (size_t)n);
}

/* The answer to request Q ("name key"); 1 to hang up after it. */
static int
srv_answer(int fd, const char *q)
{
	const char *k = strchr(q, ' ');
	char out[4200];

	k = k != NULL ? k + 1 : "";
	if (strncmp(k, "ok", 2) == 0) {
		(void)snprintf(out, sizeof(out), "OK val-%s", k);
		srv_send(fd, out);
	} else if (strcmp(k, "big") == 0) {
		memset(out, 'x', 4000);
		memcpy(out, "OK ", 3);
		out[4000] = '\0';
		srv_send(fd, out);
	} else if (strncmp(k, "nf", 2) == 0)
		srv_send(fd, "NOTFOUND");
	else if (strncmp(k, "temp", 4) == 0)
		srv_send(fd, "TEMP some reason");
	else if (strncmp(k, "timeout", 7) == 0)
		srv_send(fd, "TIMEOUT reason");
	else if (strncmp(k, "perm", 4) == 0)
		srv_send(fd, "PERM bad thing");
	else if (strcmp(k, "bogus") == 0)
		srv_send(fd, "WHAT is this");
	else if (strcmp(k, "lower") == 0)
		srv_send(fd, "ok lower");
	else if (strcmp(k, "badns") == 0)
		(void)!write(fd, "abc", 3);
	else if (strcmp(k, "nocomma") == 0)
		(void)!write(fd, "5:OK ab;", 8);
	else if (strcmp(k, "close") == 0)
		return 1;
	else if (strcmp(k, "sleep") == 0)
		(void)sleep(3);
	else {
		(void)snprintf(out, sizeof(out), "OK echo-%s", q);
		srv_send(fd, out);
	}
	return strcmp(k, "badns") == 0 || strcmp(k, "nocomma") == 0;
}

/* The server: a child per connection, until killed (its group). */
static void
srv_loop(int ls)
{
	char q[4096];
	int fd;

	(void)signal(SIGCHLD, SIG_IGN);
	for (;;) {
		fd = accept(ls, NULL, NULL);
		if (fd < 0)
			continue;
		if (fork() == 0) {
			while (srv_read(fd, q, sizeof(q)) >= 0)
				if (srv_answer(fd, q))
					break;
			_exit(0);
		}
		(void)close(fd);
	}
}

/* Start the server; its pid, *portp its port. */
static pid_t
srv_start(int *portp)
{
	struct sockaddr_in sin;
	socklen_t len = sizeof(sin);
	int ls = socket(AF_INET, SOCK_STREAM, 0);
	pid_t pid;

	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (ls < 0 || bind(ls, (struct sockaddr *)&sin, sizeof(sin)) != 0 ||
	    listen(ls, 5) != 0 ||
	    getsockname(ls, (struct sockaddr *)&sin, &len) != 0)
		return -1;
	*portp = ntohs(sin.sin_port);
	pid = fork();
	if (pid == 0) {
		(void)setpgid(0, 0);
		srv_loop(ls);
	}
	(void)close(ls);
	return pid;
}

static const char *const sock_lines[] = {
	"su socket inet:@P@127.0.0.1", "sa socket -a! inet:@P@127.0.0.1",
	"sm socket -m inet:@P@127.0.0.1", "sf socket -f inet:@P@127.0.0.1",
	"sd socket -d1 inet:@P@localhost", "sx socket bogus:foo",
	"si3 socket inet:@P", "si5 socket inet:notaport@127.0.0.1",
	"sn socket unix:@D/nosock", "sy socket @D/nosock", "sz socket",
	"sc socket inet:1@127.0.0.1", NULL
};

static const struct h_row sock_rows[] = {
	{ "su okA", "map_lookup: su (okA) returns val-oka (0)\n" },
	{ "su Mixed Case", "map_lookup: su (Mixed Case) returns echo-su mixed "
	    "case (0)\n" },
	{ "su nf", "map_lookup: su (nf) no match (68)\n" },
	{ "su temp", "map_lookup: su (temp) no match (75)\n" },
	{ "su timeout", "map_lookup: su (timeout) no match (75)\n" },
	{ "su perm", "map_lookup: su (perm) no match (69)\n" },
	{ "su bogus", "map_lookup: su (bogus) no match (76)\n" },
	{ "su lower", "map_lookup: su (lower) no match (76)\n" },
	{ "sa ok", "map_lookup: sa (ok) returns val-ok! (0)\n" },
	{ "sa nf", "map_lookup: sa (nf) no match (68)\n" },
	{ "sm ok", "map_lookup: sm (ok) returns ok (0)\n" },
	{ "sf OK", "map_lookup: sf (OK) returns echo-sf OK (0)\n" },
	{ "su \"q\"", "map_lookup: su (\"q\") returns echo-su \"q\" (0)\n" },
	{ "su ok after", "map_lookup: su (ok after) returns val-ok after "
	    "(0)\n" },
	{ "su badns", "map_lookup: su (badns) socket_map_lookup(su): failed "
	    "to read length parameter of reply 0\nno match (75)\n" },
	{ "su ok2", "map_lookup: su (ok2) returns val-ok2 (0)\n" },
	{ "su nocomma", "map_lookup: su (nocomma) socket_map_lookup(su): "
	    "missing ',' in reply\nno match (75)\n" },
	{ "su ok3", "map_lookup: su (ok3) returns val-ok3 (0)\n" },
	{ "su close", "map_lookup: su (close) no match (75)\n" },
	{ "su ok4", "map_lookup: su (ok4) returns val-ok4 (0)\n" },
	{ "sd sleep", "map_lookup: sd (sleep) socket_map_lookup(sd): read "
	    "timeout: Resource temporarily unavailable\nno match (75)\n" },
	{ "sx x", "socket map \"sx\": unknown socket type bogus: Protocol not "
	    "supported\nmap_lookup: sx (x) no match (75)\n" },
	{ "si3 x", "socket map \"si3\": bad address @P (expected port@host)\n"
	    "map_lookup: si3 (x) no match (75)\n" },
	{ "si5 x", "socket map \"si5\": unknown port name notaport\n"
	    "map_lookup: si5 (x) no match (75)\n" },
	{ "sz x", "Map named \"sz\" not open\n" },
	{ "sc x", "map_lookup: sc (x) no match (75)\n" },
};

static void
test_socket(void)
{
	const char *const *l;
	const char *v, *why;
	pid_t pid;
	int port = 0;

	pid = srv_start(&port);
	t_begin("socket: a server to talk to");
	t_require(pid > 0);
	t_end();
	(void)h_take();
	for (l = sock_lines; *l != NULL; l++)
		(void)map_kline(subst_dp(*l, port), "cf", 1, &why);
	t_begin("socket: declared");
	t_assert_streq(h_take(), "No file name for socket map sz\n");
	t_end();
	rows_dp("socket", sock_rows, NROWS(sock_rows), port);
	t_begin("socket: a long value");
	(void)h_take();
	v = h_bt("su big");
	t_assert_cmp(strlen(v), ==, strlen("map_lookup: su (big) returns  "
	    "(0)\n") + 3997);
	t_end();
	t_begin("socket: unix sockets below an unsafe directory");
	v = h_bt("sn x");
	t_assert(strstr(v, "socket map \"sn\": local socket name ") == v);
	t_assert(strstr(v, "unsafe: ") != NULL);
	t_assert(strstr(v, "map_lookup: sn (x) no match (75)\n") != NULL);
	t_assert_cmp(h_lasterr, !=, 0);
	t_end();
	(void)kill(-pid, SIGKILL);
	(void)kill(pid, SIGKILL);
	(void)waitpid(pid, NULL, 0);
}

/* ---- host, bestmx -------------------------------------------------------- */

static const char *
h_domain(void *ctx)
{
	(void)ctx;
	return "example.org";
}

static const struct h_row host_rows[] = {
	{ "host www", "map_lookup: host (www) returns www.example.com. (0)\n" },
	{ "host WWW.example.com", "map_lookup: host (WWW.example.com) returns "
	    "www.example.com. (0)\n" },
	{ "host www.example.com.", "map_lookup: host (www.example.com.) "
	    "returns www.example.com. (0)\n" },
	{ "host www.", "map_lookup: host (www.) returns www.example.com. "
	    "(0)\n" },
	{ "host mailhub", "map_lookup: host (mailhub) returns "
	    "mailhub.example.net. (0)\n" },
	{ "host nonexist", "map_lookup: host (nonexist) no match (68)\n" },
	{ "host [1.2.3", "map_lookup: host ([1.2.3) no match (0)\n" },
	{ "host [127.0.0.1", "map_lookup: host ([127.0.0.1) no match (0)\n" },
	{ "resolve www.example.com", "map_lookup: resolve (www.example.com) "
	    "returns www.example.com<OKR> (0)\n" },
	{ "resolve nonexistent.invalid", "map_lookup: resolve "
	    "(nonexistent.invalid) no match (68)\n" },
	{ "hm www", "map_lookup: hm (www) returns www (0)\n" },
	{ "hf WWW", "map_lookup: hf (WWW) returns www.example.com (0)\n" },
	{ "bm example.com", "map_lookup: bm (example.com) no match (0)\n" },
	{ "bm localhost", "map_lookup: bm (localhost) no match (0)\n" },
};

static void
test_host(void)
{
	struct domain_conf dc;

	memset(&dc, 0, sizeof(dc));
	dc.dc_hostsfile = h_file(dir, "hosts", "127.0.0.1\tmta.example.org mta "
	    "localhost\n192.0.2.10\twww.example.com www\n"
	    "192.0.2.50\tmailhub.example.net mailhub\n", 0644);
	dc.dc_hostsfile = strdup(dc.dc_hostsfile);
	dc.dc_configlevel = 10;
	dc.dc_domain = h_domain;
	domain_configure(&dc);
	domain_set_switch_default(h_file(dir, "service.switch",
	    "hosts files\naliases files\n", 0644));
	(void)h_take();
	(void)map_kline("resolve host -a<OKR> -T<TEMP>", "cf", 1, NULL);
	(void)map_kline("hm host -m", "cf", 2, NULL);
	(void)map_kline("hf host -f -x -y", "cf", 3, NULL);
	(void)map_kline("bm bestmx", "cf", 4, NULL);
	(void)map_kline("bm2 bestmx -x", "cf", 5, NULL);
	map_host_defaults(10);
	t_begin("host: declared, flags never wrong");
	t_assert_streq(h_take(), "Illegal option x map bm2\n");
	t_end();
	h_rows("host", host_rows, NROWS(host_rows));
}

int
main(void)
{
	dir = t_tmpdir();
	h_init();
	test_program();
	map_free_all();
	test_socket();
	map_free_all();
	test_host();
	map_free_all();
	return t_done();
}
