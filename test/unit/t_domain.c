/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * t_domain.c -- sendmail/domain.c: the service switch, canonical names from
 * a hosts file, MX answers without DNS, this host's identity, -bt output.
 *
 * The expected answers were printed by the reference sendmail 8.17.1.9
 * (-bt /canon and /mx, with O HostsFile and O ServiceSwitchFile pointing
 * at the same fixture files, $m = example.org) -- see the report of this
 * module; test/conformance/domain_pinned.sh compares the two live.  No
 * case uses DNS or the machine's own hosts file.
 */
#include "sendmail/domain.h"
#include "t.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

static char hostsfile[512], switchfile[512], defaultfile[512];
static const char *mydomain = "example.org";

static const char *
get_domain(void *ctx)
{
	(void)ctx;
	return mydomain;
}

static int
islocal(void *ctx, const char *word)
{
	(void)ctx;
	return strcmp(word, "[10.9.9.9]") == 0;
}

static void
write_file(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");

	if (fp == NULL)
		return;
	fputs(text, fp);
	fclose(fp);
}

/* hosts file and switch in the test's directory; configure domain.c */
static void
setup(const char *switchtext)
{
	struct domain_conf dc;

	(void)snprintf(hostsfile, sizeof hostsfile, "%s/hosts", t_tmpdir());
	(void)snprintf(switchfile, sizeof switchfile, "%s/service.switch",
	    t_tmpdir());
	/* stands for /etc/mail/service.switch; absent unless a test writes
	 * it */
	(void)snprintf(defaultfile, sizeof defaultfile, "%s/default.switch",
	    t_tmpdir());
	write_file(hostsfile,
	    "10.1.1.1 alpha.example.org alpha al\n"
	    "10.1.1.2 beta betaalias\n"
	    "10.1.1.3 gamma g.example.com\n"
	    "# 10.1.1.4 delta\n"
	    "10.1.1.5 eps #eps2\n"
	    "10.2.2.2 dup.example.org\n"
	    "10.2.2.3 dup.example.org other\n"
	    "10.2.2.4\tnodot\tlater.dotted.net  x.y\n"
	    "127.0.0.1 mta.example.org mta localhost\n"
	    "::1 localhost ip6-localhost ip6-loopback\n");
	if (switchtext != NULL)
		write_file(switchfile, switchtext);
	else
		(void)remove(switchfile);
	memset(&dc, 0, sizeof dc);
	dc.dc_hostsfile = hostsfile;
	dc.dc_configlevel = 10;
	dc.dc_domain = get_domain;
	dc.dc_islocal = islocal;
	domain_configure(&dc);
	domain_set_switch_file(NULL);
	domain_set_switch_default(defaultfile);
	domain_set_switch_file(switchfile);
}

/* ---- the service switch --------------------------------------------- */

static const struct {
	const char	*name;
	const char	*file;		/* NULL: no file */
	const char	*service;
	const char	*methods;	/* joined by spaces */
} switches[] = {
	{ "hosts files", "hosts files\n", "hosts", "files" },
	{ "tabs and spaces", "hosts\tdns   files  \n", "hosts", "dns files" },
	{ "comment", "# hosts dns\nhosts nis # dns\n", "hosts", "nis" },
	{ "later line wins", "hosts nis dns\nhosts files dns\n", "hosts",
	  "files dns" },
	{ "line without methods", "hosts\nhosts   \n", "hosts", "dns files" },
	{ "no hosts line", "# nothing\n", "hosts", "dns files" },
	{ "no file", NULL, "hosts", "dns files" },
	{ "aliases default", "hosts dns\n", "aliases", "files" },
	{ "aliases", "aliases nis files\n", "aliases", "nis files" },
	{ "other service", "hosts files\n", "passwd", "" },
	{ "leading blank", " hosts nis\n", "hosts", "dns files" },
	{ "twelve at most", "hosts a b c d e f g h i j k l m n\n", "hosts",
	  "a b c d e f g h i j k l" },
};

static void
test_switch(void)
{
	for (size_t i = 0; i < sizeof switches / sizeof switches[0]; i++) {
		const char *const *m;
		char got[256] = "";

		t_begin("domain: switch, %s", switches[i].name);
		setup(switches[i].file);
		for (m = domain_switch(switches[i].service); *m != NULL; m++) {
			size_t l = strlen(got);

			(void)snprintf(got + l, sizeof got - l, "%s%s",
			    l > 0 ? " " : "", *m);
		}
		t_assert_streq(got, switches[i].methods);
		t_end();
	}
}

/* a service the cf's file does not name keeps what the compiled-in file
 * said (the reference reads /etc/mail/service.switch before the cf) */
static void
test_switch_merge(void)
{
	setup("# no hosts here\naliases nis\n");
	write_file(defaultfile, "hosts files\naliases files\n");
	domain_set_switch_file(NULL);	/* start over: default, then ours */
	domain_set_switch_file(switchfile);
	t_assert_streq(domain_switch("hosts")[0], "files");
	t_assert(domain_switch("hosts")[1] == NULL);
	t_assert_streq(domain_switch("aliases")[0], "nis");
	/* a later file changes one service only */
	write_file(switchfile, "hosts nis files\n");
	domain_set_switch_file(switchfile);
	t_assert_streq(domain_switch("hosts")[0], "nis");
	t_assert_streq(domain_switch("aliases")[0], "nis");
	(void)remove(defaultfile);
	setup("hosts files\n");
}

/* ---- canonical names ------------------------------------------------ */

static const struct {
	const char	*host;
	const char	*canon;		/* what -bt /canon prints */
	int		found;
	int		stat;
} canons[] = {
	{ "alpha", "alpha.example.org", 1, EX_OK },
	{ "al", "alpha.example.org", 1, EX_OK },
	{ "AL.example.org", "alpha.example.org", 1, EX_OK },
	{ "beta", "beta.example.org", 1, EX_OK },	/* $m appended */
	{ "betaalias", "beta.example.org", 1, EX_OK },
	{ "gamma", "g.example.com", 1, EX_OK },		/* first with a dot */
	{ "g", "g", 0, EX_NOHOST },
	{ "delta", "delta", 0, EX_NOHOST },		/* commented out */
	{ "eps", "eps.example.org", 1, EX_OK },
	{ "eps2", "eps2", 0, EX_NOHOST },		/* after a # */
	{ "al.example.org.", "alpha.example.org", 1, EX_OK },
	{ "al.example", "alpha.example.org", 1, EX_OK },	/* $m prefix */
	{ "al.exam", "al.exam", 0, EX_NOHOST },		/* not at a label */
	{ "dup", "dup", 0, EX_NOHOST },	/* no label match outside $m */
	{ "other", "dup.example.org", 1, EX_OK },
	{ "nodot", "later.dotted.net", 1, EX_OK },
	{ "x.y", "later.dotted.net", 1, EX_OK },
	{ "mta", "mta.example.org", 1, EX_OK },
	{ "localhost", "mta.example.org", 1, EX_OK },
	{ "localhost.", "mta.example.org", 1, EX_OK },
	{ "ip6-localhost", "localhost.example.org", 1, EX_OK },
	{ "MTA.EXAMPLE.ORG", "mta.example.org", 1, EX_OK },
	{ "mta.Example.Org.", "mta.example.org", 1, EX_OK },
	{ "10.1.1.1", "10.1.1.1", 0, EX_NOHOST },	/* no address match */
	{ "[10.1.1.1]", "[10.1.1.1]", 0, EX_NOHOST },
	{ "a b", "a b", 0, EX_NOHOST },
	{ "", "", 0, EX_NOHOST },
	{ "nonexistent.example.invalid", "nonexistent.example.invalid", 0,
	  EX_NOHOST },
};

static void
test_canon(void)
{
	for (size_t i = 0; i < sizeof canons / sizeof canons[0]; i++) {
		char buf[512];
		int st = -1, found;

		t_begin("domain: canon \"%s\"", canons[i].host);
		setup("hosts files\n");
		(void)snprintf(buf, sizeof buf, "%s", canons[i].host);
		found = domain_getcanonname(buf, sizeof buf, 1, &st);
		t_assert_cmp(found, ==, canons[i].found);
		t_assert_cmp(st, ==, canons[i].stat);
		if (found)
			t_assert_streq(buf, canons[i].canon);
		t_end();
	}
}

static void
test_canon_edges(void)
{
	char buf[512], small[8];
	int st;

	/* switch methods that are not here: skipped, no answer */
	setup("hosts nis nisplus\n");
	(void)snprintf(buf, sizeof buf, "alpha");
	t_assert_cmp(domain_getcanonname(buf, sizeof buf, 1, &st), ==, 0);
	t_assert_cmp(st, ==, EX_UNAVAILABLE);
	t_assert_streq(buf, "alpha");
	/* nis first, then files */
	setup("hosts nis files\n");
	t_assert_cmp(domain_getcanonname(buf, sizeof buf, 1, &st), ==, 1);
	t_assert_streq(buf, "alpha.example.org");
	/* the answer does not fit */
	(void)snprintf(small, sizeof small, "alpha");
	t_assert_cmp(domain_getcanonname(small, sizeof small, 1, &st), ==, 0);
	t_assert_streq(small, "alpha");
	/* no hosts file */
	setup("hosts files\n");
	(void)remove(hostsfile);
	t_assert_cmp(domain_getcanonname(buf, sizeof buf, 1, &st), ==, 0);
	t_assert_cmp(st, ==, EX_UNAVAILABLE);
	/* without $m a single label is no answer */
	setup("hosts files\n");
	mydomain = NULL;
	(void)snprintf(buf, sizeof buf, "beta");
	t_assert_cmp(domain_getcanonname(buf, sizeof buf, 1, &st), ==, 0);
	(void)snprintf(buf, sizeof buf, "alpha");
	t_assert_cmp(domain_getcanonname(buf, sizeof buf, 1, &st), ==, 1);
	t_assert_streq(buf, "alpha.example.org");
	mydomain = "example.org";
	/* a name longer than sendmail's MAXNAME */
	memset(buf, 'a', 300);
	buf[300] = '\0';
	t_assert_cmp(domain_getcanonname(buf, sizeof buf, 1, &st), ==, 0);
	t_assert_cmp(st, ==, EX_UNAVAILABLE);
}

/* ---- MX without DNS ------------------------------------------------- */

static const struct {
	const char	*host;
	const char	*out;		/* domain_bt_mx's output */
} mxs[] = {
	{ "alpha", "getmxrr(alpha) returns 0 value(s):\n" },
	{ "example.com", "getmxrr(example.com) returns 0 value(s):\n" },
	{ "[alpha]", "getmxrr([alpha]) returns 1 value(s):\n"
	  "\talpha.example.org.\n" },
	{ "[beta]", "getmxrr([beta]) returns 1 value(s):\n"
	  "\tbeta.example.org.\n" },
	{ "[nonexist]", "getmxrr([nonexist]) returns 0 value(s):\n" },
	{ "[10.1.1.1]", "getmxrr([10.1.1.1]) returns 1 value(s):\n"
	  "\t[10.1.1.1]\n" },
	{ "[1.2.3]", "getmxrr([1.2.3]) returns 1 value(s):\n\t[1.2.3]\n" },
	{ "[0x7f.1]", "getmxrr([0x7f.1]) returns 1 value(s):\n\t[0x7f.1]\n" },
	{ "[IPv6:::1]", "getmxrr([IPv6:::1]) returns 1 value(s):\n"
	  "\t[IPv6:::1]\n" },
	{ "[IPv6:::1", "getmxrr([IPv6:::1) returns 0 value(s):\n" },
	{ "[", "getmxrr([) returns 0 value(s):\n" },
	{ "[]", "getmxrr([]) returns 0 value(s):\n" },
	{ "[255.255.255.255]",
	  "getmxrr([255.255.255.255]) returns 0 value(s):\n" },
	{ "a  b", "getmxrr(a  b) returns 0 value(s):\n" },
	{ "", "getmxrr() returns 0 value(s):\n" },
};

static void
test_mx(void)
{
	for (size_t i = 0; i < sizeof mxs / sizeof mxs[0]; i++) {
		char buf[1024] = "";
		FILE *fp;

		t_begin("domain: mx \"%s\"", mxs[i].host);
		setup("hosts files\n");
		fp = fmemopen(buf, sizeof buf, "w");
		t_require(fp != NULL);
		domain_bt_mx(fp, mxs[i].host);
		fclose(fp);
		t_assert_streq(buf, mxs[i].out);
		t_end();
	}
}

static void
test_mx_fallback(void)
{
	struct domain_conf dc;
	char *mx[DOMAIN_MAXMX];
	unsigned short prefs[DOMAIN_MAXMX];
	int st, n;

	setup("hosts files\n");
	memset(&dc, 0, sizeof dc);
	dc.dc_hostsfile = hostsfile;
	dc.dc_domain = get_domain;
	dc.dc_islocal = islocal;
	dc.dc_fallbackmx = "[10.9.9.8]";
	domain_configure(&dc);
	n = domain_getmx("[alpha]", mx, prefs, DOMAIN_TRYFALLBACK, &st);
	t_require(n == 2);
	t_assert_streq(mx[0], "alpha.example.org.");
	t_assert_streq(mx[1], "[10.9.9.8]");
	t_assert_cmp(prefs[1], ==, prefs[0] + 1);
	domain_freemx(mx, n);
	/* a name: no MX without DNS, the fallback alone */
	n = domain_getmx("alpha", mx, NULL, DOMAIN_TRYFALLBACK, &st);
	t_require(n == 1);
	t_assert_streq(mx[0], "[10.9.9.8]");
	domain_freemx(mx, n);
	n = domain_getmx("alpha", mx, NULL, 0, &st);
	t_assert_cmp(n, ==, 0);
	/* the fallback is us: not used when dropping local hosts */
	dc.dc_fallbackmx = "[10.9.9.9]";
	domain_configure(&dc);
	n = domain_getmx("alpha", mx, NULL,
	    DOMAIN_TRYFALLBACK | DOMAIN_DROPLOCALHOST, &st);
	t_assert_cmp(n, ==, 0);
	/* a fallback name is replaced by its MX hosts (none here) */
	dc.dc_fallbackmx = "alpha";
	domain_configure(&dc);
	n = domain_getmx("[10.1.1.1]", mx, NULL, DOMAIN_TRYFALLBACK, &st);
	t_require(n == 1);
	t_assert_streq(mx[0], "[10.1.1.1]");
	domain_freemx(mx, n);
	setup("hosts files\n");
}

static void
test_bt_canon(void)
{
	char buf[512] = "";
	FILE *fp;

	setup("hosts files\n");
	fp = fmemopen(buf, sizeof buf, "w");
	t_require(fp != NULL);
	domain_bt_canon(fp, "mta.");
	domain_bt_canon(fp, "nonexistent.example.invalid");
	domain_bt_canon(fp, "a b");
	fclose(fp);
	t_assert_streq(buf, "getcanonname(mta.) returns mta.example.org\n"
	    "getcanonname(nonexistent.example.invalid) returns "
	    "nonexistent.example.invalid\n"
	    "getcanonname(a b) returns a b\n");
}

/* ---- this host ------------------------------------------------------ */

static void
join(char **list, char *out, size_t size)
{
	out[0] = '\0';
	for (; list != NULL && *list != NULL; list++) {
		size_t l = strlen(out);

		(void)snprintf(out + l, size - l, "%s%s", l > 0 ? " " : "",
		    *list);
	}
}

static void
test_self_from(void)
{
	static const char *const aliases[] = { "mta", "localhost", NULL };
	static const char *const addrs[] = { "127.0.0.1", NULL };
	static const char *const dotted[] = { "x", "box.example.net", NULL };
	struct domain_self ds;
	char names[512];

	/* the pinned environment: what sendmail -d0.4 shows there */
	domain_self_from(&ds, "mta.example.org", "mta.example.org", aliases,
	    addrs, "mta.example.org");
	t_assert_streq(ds.ds_fqdn, "mta.example.org");
	t_assert_streq(ds.ds_short, "mta");
	t_assert_streq(ds.ds_domain, "example.org");
	t_assert_streq(ds.ds_node, "mta.example.org");
	t_assert(ds.ds_qualified);
	join(ds.ds_names, names, sizeof names);
	t_assert_streq(names, "mta.example.org mta.example.org mta localhost");
	join(ds.ds_addrs, names, sizeof names);
	t_assert_streq(names, "[127.0.0.1]");
	domain_self_free(&ds);
	/* a short host name takes the entry's dotted name */
	domain_self_from(&ds, "mta", "mta.example.org", NULL, NULL, "mta");
	t_assert_streq(ds.ds_fqdn, "mta.example.org");
	t_assert_streq(ds.ds_node, "mta");
	join(ds.ds_addrs, names, sizeof names);
	t_assert_streq(names, "");
	domain_self_free(&ds);
	/* the entry's dotted name wins over a dotted host name */
	domain_self_from(&ds, "a.b.c", "other.example.org", NULL, NULL, NULL);
	t_assert_streq(ds.ds_fqdn, "other.example.org");
	t_assert_streq(ds.ds_domain, "example.org");
	t_assert_streq(ds.ds_node, "other.example.org");
	domain_self_free(&ds);
	/* but not an undotted one */
	domain_self_from(&ds, "a.b.c", "abc", NULL, NULL, NULL);
	t_assert_streq(ds.ds_fqdn, "a.b.c");
	t_assert_streq(ds.ds_domain, "b.c");
	domain_self_free(&ds);
	/* still no dot: the first dotted alias */
	domain_self_from(&ds, "box", "box", dotted, NULL, NULL);
	t_assert_streq(ds.ds_fqdn, "box.example.net");
	domain_self_free(&ds);
	/* nothing qualifies it */
	domain_self_from(&ds, "box", NULL, NULL, NULL, NULL);
	t_assert_streq(ds.ds_fqdn, "box");
	t_assert(!ds.ds_qualified);
	t_assert_streq(ds.ds_domain, "");
	domain_self_free(&ds);
	/* no host name at all */
	domain_self_from(&ds, "", NULL, NULL, NULL, NULL);
	t_assert_streq(ds.ds_fqdn, "localhost");
	domain_self_free(&ds);
	/* a trailing dot is no domain */
	domain_self_from(&ds, "box.", NULL, NULL, NULL, NULL);
	t_assert(!ds.ds_qualified);
	domain_self_free(&ds);
}

static void
test_self_machine(void)
{
	struct domain_self ds;
	const char *err = NULL;
	int n, before = 0;

	t_require(domain_self(&ds, &err) == 0);
	t_assert(ds.ds_fqdn[0] != '\0');
	t_require(ds.ds_names != NULL && ds.ds_names[0] != NULL);
	t_assert_streq(ds.ds_names[0], ds.ds_fqdn);
	t_require(ds.ds_addrs != NULL);
	while (ds.ds_addrs[before] != NULL)
		before++;
	n = domain_probe(&ds, true, islocal, NULL);
	t_assert(n >= -1);
	for (int i = 0; ds.ds_addrs[i] != NULL; i++) {
		size_t l = strlen(ds.ds_addrs[i]);

		t_assert(ds.ds_addrs[i][0] == '[' && ds.ds_addrs[i][l - 1] ==
		    ']');
		for (int j = 0; j < i; j++)	/* no literal twice */
			t_assert(strcmp(ds.ds_addrs[i], ds.ds_addrs[j]) != 0);
	}
	/* probing again adds nothing */
	t_assert_cmp(domain_probe(&ds, false, NULL, NULL), <=, 0);
	domain_self_free(&ds);
	t_assert(ds.ds_names == NULL && ds.ds_addrs == NULL);
}

int
main(void)
{
	test_switch();
	t_run("domain: switch files add up", test_switch_merge);
	test_canon();
	t_run("domain: canon edge cases", test_canon_edges);
	test_mx();
	t_run("domain: FallbackMXhost", test_mx_fallback);
	t_run("domain: -bt /canon output", test_bt_canon);
	t_run("domain: identity from given facts", test_self_from);
	t_run("domain: identity of this machine", test_self_machine);
	domain_set_switch_file(NULL);
	domain_set_switch_default(NULL);
	return t_done();
}
