/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * t_daemon.c -- sendmail/daemon.c's pure parts: DaemonPortOptions values
 * (sendmail's keys, decided by their first letter; the defaults: port
 * 25, family inet, any address, name "Daemon<N>") and ${daemon_flags},
 * whose form ("h EE b CC u" for M=hEbCu: the letters in the order given,
 * upper-case ones twice) was recorded from a qf file sendmail 8.17.1.9
 * wrote for a message received on such a port.
 */
#include "sendmail/daemon.h"
#include "t.h"

#include <string.h>
#include <sys/socket.h>

static const struct port_case {
	const char *name;
	const char *spec;
	int	ok;
	int	family;
	const char *addr;
	int	port;
	const char *pname;
	const char *mods;
	int	backlog;
} ports[] = {
	{ "empty: the defaults", "", 1, AF_INET, "", 25, "Daemon0", "",
	    DAEMON_BACKLOG },
	{ "sendmail.cf's MTA", "Name=MTA", 1, AF_INET, "", 25, "MTA", "",
	    DAEMON_BACKLOG },
	{ "the MSA line", "Port=587, Name=MSA, M=E", 1, AF_INET, "", 587,
	    "MSA", "E", DAEMON_BACKLOG },
	{ "tern-run", "Port=2525, Addr=127.0.0.1, Name=MTA", 1, AF_INET,
	    "127.0.0.1", 2525, "MTA", "", DAEMON_BACKLOG },
	{ "no blanks", "Port=2525,Addr=127.0.0.1,Name=MTA", 1, AF_INET,
	    "127.0.0.1", 2525, "MTA", "", DAEMON_BACKLOG },
	{ "inet6", "Family=inet6, Addr=::1, Port=26", 1, AF_INET6, "::1", 26,
	    "Daemon0", "", DAEMON_BACKLOG },
	{ "local socket", "Family=local, Addr=/run/x.sock", 1, AF_UNIX,
	    "/run/x.sock", 25, "Daemon0", "", DAEMON_BACKLOG },
	{ "Listen backlog", "Listen=10", 1, AF_INET, "", 25, "Daemon0", "",
	    10 },
	{ "Listen 0 keeps the default", "Listen=0", 1, AF_INET, "", 25,
	    "Daemon0", "", DAEMON_BACKLOG },
	{ "first letter decides", "P=2600, N=X, Mod=a", 1, AF_INET, "",
	    2600, "X", "a", DAEMON_BACKLOG },
	{ "lower-case keys", "port=2601, name=Y", 1, AF_INET, "", 2601, "Y",
	    "", DAEMON_BACKLOG },
	{ "service name", "Port=smtp", 1, AF_INET, "", 25, "Daemon0", "",
	    DAEMON_BACKLOG },
	{ "port 0", "Port=0", 0, 0, NULL, 0, NULL, NULL, 0 },
	{ "port past 65535", "Port=65536", 0, 0, NULL, 0, NULL, NULL, 0 },
	{ "port 65535", "Port=65535", 1, AF_INET, "", 65535, "Daemon0", "",
	    DAEMON_BACKLOG },
	{ "unknown family", "Family=ipx", 0, 0, NULL, 0, NULL, NULL, 0 },
	{ "no '='", "Port", 0, 0, NULL, 0, NULL, NULL, 0 },
	{ "unknown key", "Xyz=1", 0, 0, NULL, 0, NULL, NULL, 0 },
	{ "empty items skipped", ", ,Port=27,", 1, AF_INET, "", 27,
	    "Daemon0", "", DAEMON_BACKLOG },
	{ "load limits accepted", "Name=Z, refuseLA=10, delayLA=5, "
	    "queueLA=3, children=4", 1, AF_INET, "", 25, "Z", "",
	    DAEMON_BACKLOG },
};

static void
test_ports(void)
{
	size_t i;

	for (i = 0; i < sizeof(ports) / sizeof(ports[0]); i++) {
		const struct port_case *c = &ports[i];
		struct daemon_port p;
		const char *why = NULL;
		int rc;

		t_begin("port: %s", c->name);
		rc = daemon_port_parse(c->spec, 0, &p, &why);
		if (!c->ok) {
			t_assert_cmp(rc, ==, -1);
			t_assert(why != NULL);
			t_end();
			continue;
		}
		t_assert_cmp(rc, ==, 0);
		t_assert_cmp(p.dp_family, ==, c->family);
		t_assert_streq(p.dp_addr, c->addr);
		t_assert_cmp(p.dp_port, ==, c->port);
		t_assert_streq(p.dp_name, c->pname);
		t_assert_streq(p.dp_mods, c->mods);
		t_assert_cmp(p.dp_backlog, ==, c->backlog);
		t_end();
	}
}

static void
test_port_index(void)
{
	struct daemon_port p;

	t_assert_cmp(daemon_port_parse("Port=1", 3, &p, NULL), ==, 0);
	t_assert_streq(p.dp_name, "Daemon3");
	t_assert_cmp(daemon_port_parse("Port=x1", 0, &p, NULL), ==, -1);
	t_assert_cmp(p.dp_children, ==, 0);
	t_assert_cmp(daemon_port_parse("children=7", 0, &p, NULL), ==, 0);
	t_assert_cmp(p.dp_children, ==, 7);
	t_assert_cmp(daemon_port_parse("DeliveryMode=q", 0, &p, NULL), ==, 0);
	t_assert_cmp(p.dp_dmode, ==, 'q');
}

static const struct flags_case {
	const char *name;
	const char *mods;
	const char *flags;
} flags[] = {
	{ "none", "", "" },
	{ "recorded: M=hEbCu", "hEbCu", "h EE b CC u" },
	{ "recorded: M=uCbEh", "uCbEh", "u CC b EE h" },
	{ "the MSA's E", "E", "EE" },
	{ "lower case once", "a", "a" },
	{ "blanks left out", "a b", "a b" },
};

static void
test_flags(void)
{
	struct daemon_port p;
	char buf[64], small[4];
	size_t i;

	for (i = 0; i < sizeof(flags) / sizeof(flags[0]); i++) {
		t_begin("flags: %s", flags[i].name);
		memset(&p, 0, sizeof(p));
		(void)snprintf(p.dp_mods, sizeof(p.dp_mods), "%s",
		    flags[i].mods);
		t_assert_streq(daemon_flags(&p, buf, sizeof(buf)),
		    flags[i].flags);
		t_end();
	}
	t_begin("flags: cut to the buffer, whole entries only");
	(void)snprintf(p.dp_mods, sizeof(p.dp_mods), "%s", "abE");
	t_assert_streq(daemon_flags(&p, small, sizeof(small)), "a b");
	t_assert_streq(daemon_flags(&p, small, 0), "a b");	/* untouched */
	t_end();
}

int
main(void)
{
	t_run("DaemonPortOptions values", test_ports);
	t_run("port index and extra keys", test_port_index);
	t_run("${daemon_flags}", test_flags);
	return t_done();
}
