/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * t_conf.c -- sendmail/conf.c: the option table, every value type, the
 * messages sendmail 8.17 prints for bad O lines, stickiness, printing.
 *
 * The message texts, their kinds (with or without the "file: line N: "
 * prefix, exit status 70 or not) and the option names and letters were
 * taken from the reference sendmail 8.17.1.9 (Debian) by feeding it the
 * same O lines (see the report of this module); values follow the
 * operations guide (op.me section 5.6) and the real parser's rules.
 */
#include "sendmail/conf.h"
#include "t.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

/* ---- helpers -------------------------------------------------------- */

/* one setting that must be accepted (t_assert_cmp evaluates twice) */
#define OK(cf, text, cmd) \
	t_assert(conf_option((cf), (text), (cmd), NULL) == 0)

static char msgs[4096];		/* messages of the last calls, "K:text\n" */

static void
collect(void *ctx, enum conf_msg kind, const char *text)
{
	static const char kinds[] = "RNEF";
	size_t l = strlen(msgs);

	(void)ctx;
	(void)snprintf(msgs + l, sizeof msgs - l, "%c:%s\n", kinds[kind], text);
}

static void
setup(struct conf *cf)
{
	conf_init(cf);
	cf->cf_hooks.ch_message = collect;
	msgs[0] = '\0';
}

/* conf_print of NAME into a string (static buffer) */
static const char *
printed(const struct conf *cf, const char *name)
{
	static char buf[4096];
	FILE *fp = fmemopen(buf, sizeof buf, "w");

	if (fp == NULL)
		return "(fmemopen failed)";
	if (conf_print(fp, cf, name) < 0)
		fputs("(unknown)", fp);
	fclose(fp);
	return buf;
}

/* ---- one O line: result, messages, value as printed ----------------- */

static const struct row {
	const char	*name;
	const char	*text;		/* what follows the O */
	int		rc;
	const char	*msgs;		/* "K:text\n"... (R N E F) */
	const char	*opt;		/* printed option, or NULL */
	const char	*value;		/* its conf_print output */
} rows[] = {
	/* names */
	{ "unknown name", " FooBar=1", -1,
	  "E:readcf: unknown option name FooBar\n", NULL, NULL },
	{ "no = : name runs to the end", " LogLevel 12", -1,
	  "E:readcf: unknown option name LogLevel 12\n", NULL, NULL },
	{ "spaces around =", " LogLevel =14", 0, "", "LogLevel",
	  "LogLevel=14\n" },
	{ "space after =", " LogLevel= 13", 0, "", "LogLevel",
	  "LogLevel=13\n" },
	{ "leading spaces stay in the name", "   LogLevel=9", -1,
	  "E:readcf: unknown option name   LogLevel\n", NULL, NULL },
	{ "name with a space", " Log Level=1", -1,
	  "E:readcf: unknown option name Log Level\n", NULL, NULL },
	{ "lower case", " loglevel=16", 0, "", "LogLevel", "LogLevel=16\n" },
	{ "upper case", " LOGLEVEL=17", 0, "", "LogLevel", "LogLevel=17\n" },
	{ "abbreviation", " Log=15", 0,
	  "N:Option Log used as abbreviation for LogLevel\n", "LogLevel",
	  "LogLevel=15\n" },
	{ "ambiguous: table order", " M=4", -1,
	  "E:readcf: ambiguous option name M (matches MinFreeBlocks and "
	  "MatchGECOS)\n", NULL, NULL },
	{ "ambiguous Time", " Time.command=1", -1,
	  "E:readcf: ambiguous option name Time (matches Timeout and "
	  "TimeZoneSpec)\n", NULL, NULL },
	{ "ambiguous Q", " Q=/var/spool", -1,
	  "E:readcf: ambiguous option name Q (matches QueueFactor and "
	  "QueueDirectory)\n", NULL, NULL },
	{ "ambiguous Ss", " Ss=1", -1,
	  "E:readcf: ambiguous option name Ss (matches SSLEngine and "
	  "SSLEnginePath)\n", NULL, NULL },
	{ "null name", " =5", -1, "E:readcf: null option name\n", NULL, NULL },
	{ "nothing after O", "", -1, "E:readcf: unknown option name 0x0\n",
	  NULL, NULL },
	{ "tab after O is a letter", "\tLogLevel=9", -1,
	  "E:readcf: unknown option name 0x9\n", NULL, NULL },
	{ "unknown letter", "W", -1, "E:readcf: unknown option name 0x57\n",
	  NULL, NULL },
	{ "unknown letter %", "%x", -1,
	  "E:readcf: unknown option name 0x25\n", NULL, NULL },
	{ "byte 0x81 is no code", "\x81x", -1,
	  "E:readcf: unknown option name 0x81\n", NULL, NULL },
	{ "sub-option of a plain option ignored", " LogLevel.x=19", 0, "",
	  "LogLevel", "LogLevel=19\n" },
	{ "no value: empty", " LogLevel", 0, "", "LogLevel", "LogLevel=0\n" },
	/* legacy letters */
	{ "letter L", "L18", 0, "", "LogLevel", "LogLevel=18\n" },
	{ "letter L, space kept", "L 18", 0, "", "LogLevel", "LogLevel=18\n" },
	{ "letter 7", "7", 0, "", "SevenBitInput", "SevenBitInput=True\n" },
	{ "letter 8", "8m", 0, "", "EightBitMode", "EightBitMode=m\n" },
	{ "letter A", "A/etc/aliases", 0, "", "AliasFile",
	  "AliasFile=/etc/aliases\n" },
	{ "letter a", "a5", 0, "", "AliasWait", "AliasWait=5m\n" },
	{ "letter B", "B.", 0, "", "BlankSub", "BlankSub=.\n" },
	{ "letter b: blocks/size", "b10/100", 0, "", "MaxMessageSize",
	  "MaxMessageSize=100\n" },
	{ "letter C", "C5", 0, "", "CheckpointInterval",
	  "CheckpointInterval=5\n" },
	{ "letter c", "c", 0, "", "HoldExpensive", "HoldExpensive=True\n" },
	{ "letter d", "dq", 0, "", "DeliveryMode", "DeliveryMode=q\n" },
	{ "letter e", "em", 0, "", "ErrorMode", "ErrorMode=m\n" },
	{ "letter F", "F0640", 0, "", "TempFileMode", "TempFileMode=0640\n" },
	{ "letter h", "h10", 0, "", "MaxHopCount", "MaxHopCount=10\n" },
	{ "letter I", "I+aaonly", 0, "", "ResolverOptions",
	  "ResolverOptions=aaonly,recurse,defnames,dnsrch\n" },
	{ "letter J", "J$z/.forward", 0, "", "ForwardPath",
	  "ForwardPath=$z/.forward\n" },
	{ "letter k", "k2", 0, "", "ConnectionCacheSize",
	  "ConnectionCacheSize=2\n" },
	{ "letter K", "K5", 0, "", "ConnectionCacheTimeout",
	  "ConnectionCacheTimeout=5m\n" },
	{ "letter O", "OName=MTA", 0, "", "DaemonPortOptions",
	  "DaemonPortOptions=Name=MTA\n" },
	{ "letter p", "p goaway", 0, "", "PrivacyOptions",
	  "PrivacyOptions=needmailhelo,needexpnhelo,needvrfyhelo,noexpn,"
	  "novrfy,noverb,authwarnings\n" },
	{ "letter Q", "Q/var/spool/mqueue", 0, "", "QueueDirectory",
	  "QueueDirectory=/var/spool/mqueue\n" },
	{ "letter r", "r5m", 0, "", "Timeout.command", NULL },
	{ "letter s", "sInteractive", 0, "", "SuperSafe",
	  "SuperSafe=Interactive\n" },
	{ "letter T: return/warn", "T5d/4h", 0, "", NULL, NULL },
	{ "letter u", "u1:1", 0, "", "DefaultUser", "DefaultUser=1:1\n" },
	{ "letter x", "x8", 0, "", "QueueLA", "QueueLA=8\n" },
	{ "letter X", "X12", 0, "", "RefuseLA", "RefuseLA=12\n" },
	{ "letter y", "y1", 0, "", "RecipientFactor", "RecipientFactor=1\n" },
	{ "letter z", "z1", 0, "", "ClassFactor", "ClassFactor=1\n" },
	{ "letter Z", "Z1", 0, "", "RetryFactor", "RetryFactor=1\n" },
	{ "letter g: unknown group", "gxx", -1,
	  "E:readcf: option g: unknown group xx\n", NULL, NULL },
	/* booleans */
	{ "bool yes is true", " Verbose=yes", 0, "", "Verbose",
	  "Verbose=True\n" },
	{ "bool on is false", " MeToo=on", 0, "", "MeToo", "MeToo=False\n" },
	{ "bool 1 is false", " MeToo=1", 0, "", "MeToo", "MeToo=False\n" },
	{ "bool empty is true", " DontPruneRoutes", 0, "", "DontPruneRoutes",
	  "DontPruneRoutes=True\n" },
	{ "bool T", " SaveFromLine=T", 0, "", "SaveFromLine",
	  "SaveFromLine=True\n" },
	/* integers */
	{ "int junk is 0", " LogLevel=abc", 0, "", "LogLevel",
	  "LogLevel=0\n" },
	{ "int stops at junk", " MaxHopCount=12x", 0, "", "MaxHopCount",
	  "MaxHopCount=12\n" },
	{ "int negative", " MaxHopCount=-3", 0, "", "MaxHopCount",
	  "MaxHopCount=-3\n" },
	{ "int leading space", " MaxHopCount=  7", 0, "", "MaxHopCount",
	  "MaxHopCount=7\n" },
	{ "long", " MaxMessageSize=10000000000", 0, "", "MaxMessageSize",
	  "MaxMessageSize=10000000000\n" },
	{ "negative cache size is 0", " ConnectionCacheSize=-4", 0, "",
	  "ConnectionCacheSize", "ConnectionCacheSize=0\n" },
	/* times and units */
	{ "time default unit minutes", " MinQueueAge=5", 0, "",
	  "MinQueueAge", "MinQueueAge=5m\n" },
	{ "time default unit seconds", " DialDelay=5", 0, "", "DialDelay",
	  "DialDelay=5s\n" },
	{ "time default unit hours", " RejectLogInterval=1", 0, "",
	  "RejectLogInterval", "RejectLogInterval=1h\n" },
	{ "time sum", " MinQueueAge=2h30", 0, "", "MinQueueAge",
	  "MinQueueAge=2h30m\n" },
	{ "time weeks", " MaxQueueAge=1w", 0, "", "MaxQueueAge",
	  "MaxQueueAge=7d\n" },
	{ "time bad units", " AliasWait=xyz", 0,
	  "N:Invalid time unit `x'\nN:Invalid time unit `y'\n"
	  "N:Invalid time unit `z'\n", "AliasWait", "AliasWait=0s\n" },
	{ "time bad unit then more", " AliasWait=5x3", 0,
	  "N:Invalid time unit `x'\n", "AliasWait", "AliasWait=8m\n" },
	{ "time negative", " DeliverByMin=-1", 0, "", "DeliverByMin",
	  "DeliverByMin=-1s\n" },
	{ "time now", " AliasWait=now", 0, "", "AliasWait",
	  "AliasWait=-1s\n" },
	{ "AliasWait empty is 5m", " AliasWait", 0, "", "AliasWait",
	  "AliasWait=5m\n" },
	/* strings */
	{ "HelpFile empty", " HelpFile", 0, "", "HelpFile",
	  "HelpFile=helpfile\n" },
	{ "StatusFile empty", " StatusFile", 0, "", "StatusFile",
	  "StatusFile=statistics\n" },
	{ "QueueDirectory empty", " QueueDirectory", 0, "",
	  "QueueDirectory", "QueueDirectory=mqueue\n" },
	{ "FallbackMXhost empty ignored", " FallbackMXhost=", 0, "",
	  "FallbackMXhost", "FallbackMXhost=\n" },
	{ "AuthMechanisms empty unsets", " AuthMechanisms=", 0, "",
	  "AuthMechanisms", "AuthMechanisms=\n" },
	{ "SafeFileEnvironment slashes", " SafeFileEnvironment=/safe//",
	  0, "", "SafeFileEnvironment", "SafeFileEnvironment=/safe\n" },
	{ "SafeFileEnvironment /", " SafeFileEnvironment=///", 0, "",
	  "SafeFileEnvironment", "SafeFileEnvironment=\n" },
	{ "munch quotes and escapes", " UnixFromLine=\"From $g\\t\"\\n", 0,
	  "", "UnixFromLine", "UnixFromLine=From $gt\n\n" },
	{ "MustQuoteChars adds", " MustQuoteChars=.", 0, "",
	  "MustQuoteChars", "MustQuoteChars=@,;:\\()[].\n" },
	{ "MustQuoteChars 39 chars", " MustQuoteChars="
	  "012345678901234567890123456789012345678", 0, "", NULL, NULL },
	{ "MustQuoteChars 40 chars", " MustQuoteChars="
	  "0123456789012345678901234567890123456789", 0,
	  "R:Warning: MustQuoteChars too long, ignored.\n",
	  "MustQuoteChars", "MustQuoteChars=@,;:\\()[]\n" },
	{ "BlankSub empty is space", " BlankSub=", 0, "", "BlankSub",
	  "BlankSub= \n" },
	{ "mode is octal", " QueueFileMode=0644", 0, "", "QueueFileMode",
	  "QueueFileMode=0644\n" },
	{ "mode stops at 9", " TempFileMode=6794", 0, "", "TempFileMode",
	  "TempFileMode=0067\n" },
	/* lists */
	{ "AliasFile splits at commas", " AliasFile=a, b ,c", 0, "",
	  "AliasFile", "AliasFile=a\nAliasFile=b \nAliasFile=c\n" },
	{ "AliasFile empty", " AliasFile", 0, "", "AliasFile",
	  "AliasFile=aliases\n" },
	/* modes */
	{ "DeliveryMode empty is i", " DeliveryMode=", 0, "", "DeliveryMode",
	  "DeliveryMode=i\n" },
	{ "DeliveryMode bad: fatal", " DeliveryMode=x", -1,
	  "F:Unknown delivery mode x\n", NULL, NULL },
	{ "EightBitMode bad: fatal", " EightBitMode=z", -1,
	  "F:Unknown 8-bit mode z\n", NULL, NULL },
	{ "ErrorMode bad: ignored", " ErrorMode=z", 0, "", "ErrorMode",
	  "ErrorMode=p\n" },
	{ "QueueSortOrder first letter", " QueueSortOrder=Host", 0, "",
	  "QueueSortOrder", "QueueSortOrder=host\n" },
	{ "QueueSortOrder bad", " QueueSortOrder=zz", -1,
	  "E:Invalid queue sort order \"zz\"\n", NULL, NULL },
	{ "QueueSortOrder empty", " QueueSortOrder=", -1,
	  "E:Invalid queue sort order \"\"\n", NULL, NULL },
	{ "NoRecipientAction case", " NoRecipientAction=ADD-TO", 0, "",
	  "NoRecipientAction", "NoRecipientAction=add-to\n" },
	{ "NoRecipientAction bad", " NoRecipientAction=foo", -1,
	  "E:Invalid NoRecipientAction: foo\n", NULL, NULL },
	{ "SuperSafe PostMilter", " SuperSafe=PostMilter", 0, "", "SuperSafe",
	  "SuperSafe=PostMilter\n" },
	{ "DontProbeInterfaces loopback", " DontProbeInterfaces=loopback", 0,
	  "", "DontProbeInterfaces", "DontProbeInterfaces=loopback\n" },
	/* flag words */
	{ "PrivacyOptions bad words", " PrivacyOptions=goaway,foo bar", -1,
	  "E:readcf: Op line: foo unrecognized\n"
	  "E:readcf: Op line: bar unrecognized\n", NULL, NULL },
	{ "PrivacyOptions punctuation only", " PrivacyOptions=,,;;", 0, "",
	  "PrivacyOptions", "PrivacyOptions=public\n" },
	{ "PrivacyOptions words", " PrivacyOptions=noexpn;NoVrfy", 0, "",
	  "PrivacyOptions", "PrivacyOptions=noexpn,novrfy\n" },
	{ "DontBlameSendmail bad", " DontBlameSendmail=safe,foo", -1,
	  "E:readcf: DontBlameSendmail option: foo unrecognized\n", NULL,
	  NULL },
	{ "DontBlameSendmail words", " DontBlameSendmail=TrustStickyBit,"
	  "GroupWritableDirPathSafe", 0, "", "DontBlameSendmail",
	  "DontBlameSendmail=groupwritabledirpathsafe,truststickybit\n" },
	{ "ResolverOptions bad", " ResolverOptions=+foo", -1,
	  "E:readcf: I option value foo unrecognized\n", NULL, NULL },
	{ "ResolverOptions +-", " ResolverOptions=+AAONLY -dnsrch "
	  "HasWildcardMX", 0, "", "ResolverOptions",
	  "ResolverOptions=aaonly,recurse,defnames HasWildcardMX\n" },
	{ "AuthOptions letters", " AuthOptions=Ax y,p", 0, "", "AuthOptions",
	  "AuthOptions=A,p,y\n" },
	{ "AuthOptions unknown letter", " AuthOptions=A,x", 0,
	  "R:Warning: Option: AuthOptions unknown parameter 'x'\n",
	  "AuthOptions", "AuthOptions=A\n" },
	{ "TLSSrvOptions unknown letter", " TLSSrvOptions=V,Q", 0,
	  "R:Warning: Option: TLSSrvOptions unknown parameter 'Q'\n",
	  "TLSSrvOptions", "TLSSrvOptions=V\n" },
	{ "SSL options bad name", " ServerSSLOptions=+SSL_OP_FOO", -1,
	  "E:readcf: ServerSSLOptions option value SSL_OP_FOO unrecognized\n",
	  NULL, NULL },
	{ "SSL options number junk", " ServerSSLOptions=0x12zz", 0, "", NULL,
	  NULL },
	{ "SSL options empty items", " ServerSSLOptions=-zz,,+", -1,
	  "E:readcf: ServerSSLOptions option value zz unrecognized\n"
	  "E:readcf: ServerSSLOptions option value  unrecognized\n"
	  "E:readcf: ServerSSLOptions option value  unrecognized\n", NULL,
	  NULL },
	{ "SSL options case", " ClientSSLOptions=SSL_OP_ALL,-SSL_OP_NO_SSLv2 "
	  "ssl_op_no_tlsv1", 0, "", NULL, NULL },
	{ "SSL options tab", " ServerSSLOptions=SSL_OP_ALL\tSSL_OP_NO_TICKET",
	  0, "", NULL, NULL },
	/* users */
	{ "TrustedUser unknown", " TrustedUser=nosuch", -1,
	  "E:readcf: option TrustedUser: unknown user nosuch\n", NULL, NULL },
	{ "TrustedUser root", " TrustedUser=root", 0, "", "TrustedUser",
	  "TrustedUser=0\n" },
	{ "RunAsUser unknown", " RunAsUser=nosuch", -1,
	  "E:readcf: option RunAsUser: unknown user nosuch\n", NULL, NULL },
	{ "RunAsUser unknown group", " RunAsUser=root:nosuch", -1,
	  "E:readcf: option RunAsUser: unknown group nosuch\n", NULL, NULL },
	{ "RunAsUser numbers", " RunAsUser=12:34", 0, "", "RunAsUser",
	  "RunAsUser=12:34\n" },
	{ "DefaultUser unknown", " DefaultUser=nosuch", -1,
	  "E:readcf: option u: unknown user nosuch\n", NULL, NULL },
	{ "DefaultUser unknown group", " DefaultUser=1:nosuch", -1,
	  "E:readcf: option u: unknown group nosuch\n", NULL, NULL },
	{ "DefaultUser root.0", " DefaultUser=root.0", 0, "", "DefaultUser",
	  "DefaultUser=0:0\n" },
	/* limits with warnings */
	{ "MaxMimeHeaderLength low", " MaxMimeHeaderLength=100/30", 0,
	  "R:Warning: MaxMimeHeaderLength: header length limit set lower "
	  "than 128\nR:Warning: MaxMimeHeaderLength: field length limit set "
	  "lower than 40\n", "MaxMimeHeaderLength",
	  "MaxMimeHeaderLength=100/30\n" },
	{ "MaxMimeHeaderLength N", " MaxMimeHeaderLength=300", 0, "",
	  "MaxMimeHeaderLength", "MaxMimeHeaderLength=300/150\n" },
	{ "MaxMimeHeaderLength 0", " MaxMimeHeaderLength=0/10", 0,
	  "R:Warning: MaxMimeHeaderLength: field length limit set lower "
	  "than 40\n", "MaxMimeHeaderLength", "MaxMimeHeaderLength=0/10\n" },
	{ "MaxHeadersLength low", " MaxHeadersLength=100", 0,
	  "R:Warning: MaxHeadersLength: headers length limit set lower than "
	  "16384\n", "MaxHeadersLength", "MaxHeadersLength=100\n" },
	{ "MaxHeadersLength negative", " MaxHeadersLength=-5", 0, "",
	  "MaxHeadersLength", "MaxHeadersLength=-5\n" },
	{ "ConnectOnlyTo short IPv4", " ConnectOnlyTo=1.2.3", 0, "",
	  "ConnectOnlyTo", "ConnectOnlyTo=1.2.3\n" },
	{ "ConnectOnlyTo broadcast", " ConnectOnlyTo=255.255.255.255", -1,
	  "E:readcf: option ConnectOnlyTo: invalid IP address "
	  "255.255.255.255\n", NULL, NULL },
	{ "ConnectOnlyTo IPv6", " ConnectOnlyTo=IPv6:::1", 0, "", NULL, NULL },
	{ "ConnectOnlyTo name", " ConnectOnlyTo=example.com", -1,
	  "E:readcf: option ConnectOnlyTo: invalid IP address example.com\n",
	  NULL, NULL },
	{ "SmtpUTF8 true", " SmtpUTF8=true", -1,
	  "E:readcf: option: SmtpUTF8 set but no USE_EAI support\n", NULL,
	  NULL },
	{ "SmtpUTF8 false", " SmtpUTF8=false", 0,
	  "R:Warning: Option: SmtpUTF8 requires USE_EAI support\n", NULL,
	  NULL },
	/* Timeout */
	{ "Timeout sub", " Timeout.Command=25m", 0, "", NULL, NULL },
	{ "Timeout unknown sub", " Timeout.foo=1", -1,
	  "E:settimeout: invalid timeout foo\n", NULL, NULL },
	{ "Timeout list", " Timeout=5x,initial=3,foo=1,junk", -1,
	  "N:Invalid time unit `x'\nE:settimeout: invalid timeout foo\n",
	  NULL, NULL },
	{ "Timeout queuewarn bad unit twice", " Timeout.queuewarn=5x", 0,
	  "N:Invalid time unit `x'\nN:Invalid time unit `x'\n", NULL, NULL },
	{ "Timeout resolver.retry once", " Timeout.resolver.retry=5x", 0,
	  "N:Invalid time unit `x'\n", NULL, NULL },
	{ "QueueTimeout bad units", " QueueTimeout=5x/3z", 0,
	  "N:Invalid time unit `z'\nN:Invalid time unit `z'\n"
	  "N:Invalid time unit `x'\nN:Invalid time unit `x'\n", NULL, NULL },
	/* Milter */
	{ "Milter without sub", " Milter=5", -1,
	  "E:milter_set_option: invalid Milter option, must specify "
	  "suboption\n", NULL, NULL },
	{ "Milter unknown sub", " Milter.foo=5", -1,
	  "E:milter_set_option: invalid Milter option foo\n", NULL, NULL },
	{ "Milter sub too deep", " Milter.macros.connect.x=j", -1,
	  "E:milter_set_option: invalid Milter option macros.connect.x\n",
	  NULL, NULL },
	{ "Milter loglevel case", " Milter.LogLevel=12", 0, "", NULL, NULL },
	/* OperatorChars */
	{ "OperatorChars", " OperatorChars=.:%@", 0, "", "OperatorChars",
	  "OperatorChars=.:%@\n" },
	{ "M defines nothing without a hook", "Mxhello", 0, "", NULL, NULL },
	/* macro names as sendmail parses them */
	{ "M without a name", "M", -1, "E:Name required for macro/class\n",
	  NULL, NULL },
	{ "M {}", "M{}x", -1, "E:Name required for macro/class\n", NULL,
	  NULL },
	{ "M {", "M{", -1, "E:Unbalanced { on \n"
	  "E:Unable to assign macro/class ID (mid = 0xffffffff)\n", NULL,
	  NULL },
	{ "M {abc", "M{abc", -1, "E:Unbalanced { on abc\n"
	  "E:Unable to assign macro/class ID (mid = 0xffffffff)\n", NULL,
	  NULL },
	{ "M {a b}", "M{a b}v", -1, "E:Invalid macro/class character  \n",
	  NULL, NULL },
	{ "M name too long", "M{aaaaaaaaaaaaaaaaaaaaaaaaaaaa}v", -1,
	  "E:Macro/class name ({aaaaaaaaaaaaaaaaaaaaaaaaa}) too long (25 chars "
	  "max)\nE:Unable to assign macro/class ID (mid = 0xffffffff)\n",
	  NULL, NULL },
};

static void
test_rows(void)
{
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		const struct row *r = &rows[i];
		struct conf cf;
		const char *err = NULL;
		int rc;

		t_begin("conf: %s", r->name);
		setup(&cf);
		rc = conf_option(&cf, r->text, 0, &err);
		t_assert_cmp(rc, ==, r->rc);
		t_assert_streq(msgs, r->msgs);
		if (rc < 0 && err != NULL)	/* errp: the first error */
			t_assert(strstr(r->msgs, err) != NULL);
		if (r->opt != NULL && r->value != NULL)
			t_assert_streq(printed(&cf, r->opt), r->value);
		conf_free(&cf);
		t_end();
	}
}

/* ---- fields that the core reads ------------------------------------ */

static void
test_fields(void)
{
	struct conf cf;

	setup(&cf);
	OK(&cf, " Timeout.queuereturn.urgent=2d", 0);
	t_assert_cmp(cf.co_timeout_queuereturn_urgent, ==, 2 * 86400);
	t_assert_cmp(cf.co_timeout_queuereturn_normal, ==, 5 * 86400);
	OK(&cf, "T3d/4h", 0);
	t_assert_cmp(cf.co_timeout_queuereturn_urgent, ==, 3 * 86400);
	t_assert_cmp(cf.co_timeout_queuewarn_nonurgent, ==, 4 * 3600);
	t_assert_cmp(cf.co_timeout_queuewarn_dsn, ==, 4 * 3600);
	OK(&cf, "r7", 0);
	t_assert_cmp(cf.co_timeout_mail, ==, 7 * 60);
	t_assert_cmp(cf.co_timeout_command, ==, 7 * 60);
	t_assert_cmp(cf.co_timeout_helo, ==, 5 * 60);	/* untouched */
	OK(&cf, " Timeout=rcpt:1h, ident=0", 0);
	t_assert_cmp(cf.co_timeout_rcpt, ==, 3600);
	t_assert_cmp(cf.co_timeout_ident, ==, 0);
	OK(&cf, " Timeout.resolver.retrans=7", 0);
	t_assert_cmp(cf.co_timeout_resolver_retrans_first, ==, 7);
	OK(&cf, " Timeout.resolver.retry.first=3", 0);
	t_assert_cmp(cf.co_timeout_resolver_retry_first, ==, 3);
	t_assert_cmp(cf.co_timeout_resolver_retry_normal, ==, -1);
	OK(&cf, " Timeout.queuereturn=now", 0);
	t_assert_cmp(cf.co_timeout_queuereturn_dsn, ==, CONF_TIME_NOW);
	OK(&cf, " MinFreeBlocks=100/5000", 0);
	t_assert_cmp(cf.co_minfreeblocks, ==, 100);
	t_assert_cmp(cf.co_maxmessagesize, ==, 5000);
	OK(&cf, " PrivacyOptions=goaway", 0);
	t_assert(cf.co_privacyoptions & CONF_PRIV_NOEXPN);
	t_assert(!(cf.co_privacyoptions & CONF_PRIV_NORECEIPTS));
	t_assert(!(cf.co_privacyoptions & CONF_PRIV_RESTRICTQRUN));
	OK(&cf, " UnsafeGroupWrites=false", 0);
	t_assert(cf.co_dontblamesendmail &
	    CONF_DBS_BIT(CONF_DBS_GROUPWRITABLEFORWARDFILESAFE));
	OK(&cf, " DontBlameSendmail=safe", 0);
	t_assert_cmp(cf.co_dontblamesendmail, ==, 0);
	OK(&cf, " Milter.macros.eoh=j, {x}", 0);
	t_require(cf.co_milter_macros_eoh != NULL);
	t_assert_streq(cf.co_milter_macros_eoh, "j, {x}");
	OK(&cf, " DaemonPortOptions=Port=25", 0);
	OK(&cf, "OPort=587, Name=MSA", 0);
	t_assert_cmp(cf.co_daemonportoptions.cl_n, ==, 2);
	t_assert_streq(cf.co_daemonportoptions.cl_v[1], "Port=587, Name=MSA");
	t_assert(cf.co_daemonportoptions.cl_v[2] == NULL);
	conf_free(&cf);
}

static void
test_defaults(void)
{
	struct conf cf;

	setup(&cf);
	t_assert_cmp(cf.co_loglevel, ==, 9);
	t_assert_cmp(cf.co_maxhopcount, ==, 25);
	t_assert_cmp(cf.co_checkpointinterval, ==, 10);
	t_assert_cmp(cf.co_deliverymode, ==, 'b');
	t_assert_cmp(cf.co_errormode, ==, 'p');
	t_assert_cmp(cf.co_eightbitmode, ==, 'p');
	t_assert_cmp(cf.co_blanksub, ==, ' ');
	t_assert(cf.co_metoo);
	t_assert(cf.co_sendmimeerrors);
	t_assert(cf.co_colonokinaddr);
	t_assert_cmp(cf.co_supersafe, ==, CONF_SAFE_REALLY);
	t_assert_cmp(cf.co_queuesortorder, ==, 'p');
	t_assert_cmp(cf.co_queuefactor, ==, 600000);
	t_assert_cmp(cf.co_recipientfactor, ==, 30000);
	t_assert_cmp(cf.co_classfactor, ==, 1800);
	t_assert_cmp(cf.co_retryfactor, ==, 90000);
	t_assert_cmp(cf.co_connectioncachesize, ==, 1);
	t_assert_cmp(cf.co_connectioncachetimeout, ==, 300);
	t_assert_cmp(cf.co_maxaliasrecursion, ==, 10);
	t_assert_cmp(cf.co_maxheaderslength, ==, 32768);
	t_assert_cmp(cf.co_maxmimeheaderlength, ==, 2048);
	t_assert_cmp(cf.co_maxmimeheaderlength_field, ==, 1024);
	t_assert_cmp(cf.co_maxnoopcommands, ==, 20);
	t_assert_cmp(cf.co_fastsplit, ==, 1);
	t_assert_cmp(cf.co_datafilebuffersize, ==, 4096);
	t_assert_cmp(cf.co_rejectloginterval, ==, 3 * 3600);
	t_assert_cmp(cf.co_connectionratewindowsize, ==, 60);
	t_assert_cmp(cf.co_maxrunnersperqueue, ==, 1);
	t_assert(cf.co_queuela >= 8 && cf.co_queuela % 8 == 0);
	t_assert_cmp(cf.co_refusela * 2, ==, cf.co_queuela * 3);
	t_assert_streq(cf.co_serviceswitchfile, "/etc/mail/service.switch");
	t_assert_streq(cf.co_hostsfile, "/etc/hosts");
	t_assert_streq(cf.co_doublebounceaddress, "postmaster");
	t_assert_streq(cf.co_mustquotechars, "@,;:\\()[].'");
	t_assert(cf.co_operatorchars == NULL);
	t_assert(cf.co_queuedirectory == NULL);
	t_assert_cmp(cf.co_privacyoptions, ==, CONF_PRIV_PUBLIC);
	t_assert_cmp(cf.co_timeout_initial, ==, 300);
	t_assert_cmp(cf.co_timeout_mail, ==, 600);
	t_assert_cmp(cf.co_timeout_rcpt, ==, 3600);
	t_assert_cmp(cf.co_timeout_quit, ==, 120);
	t_assert_cmp(cf.co_timeout_ident, ==, 5);
	t_assert_cmp(cf.co_timeout_fileopen, ==, 60);
	t_assert_cmp(cf.co_timeout_hoststatus, ==, 1800);
	t_assert_cmp(cf.co_timeout_queuereturn_normal, ==, 5 * 86400);
	t_assert_cmp(cf.co_timeout_queuewarn_normal, ==, 0);
	t_assert_cmp(cf.co_timeout_connect, ==, 0);
	t_assert_cmp(cf.co_milter_loglevel, ==, -1);
	t_assert(cf.co_defaultuser != NULL);
	t_assert_streq(msgs, "");
	conf_free(&cf);
}

/* ---- the table against the reference binary's option names ---------- */

static const char *const binary_names[] = {
	"SevenBitInput", "EightBitMode", "AliasFile", "AliasWait", "BlankSub",
	"MinFreeBlocks", "CheckpointInterval", "HoldExpensive", "DeliveryMode",
	"ErrorHeader", "ErrorMode", "TempFileMode", "SaveFromLine",
	"MatchGECOS", "HelpFile", "MaxHopCount", "ResolverOptions",
	"IgnoreDots", "ForwardPath", "SendMimeErrors", "ConnectionCacheSize",
	"ConnectionCacheTimeout", "UseErrorsTo", "LogLevel", "MeToo",
	"CheckAliases", "OldStyleHeaders", "DaemonPortOptions",
	"PrivacyOptions", "PostmasterCopy", "QueueFactor", "QueueDirectory",
	"DontPruneRoutes", "Timeout", "StatusFile", "SuperSafe",
	"QueueTimeout", "TimeZoneSpec", "UserDatabaseSpec", "DefaultUser",
	"FallbackMXhost", "Verbose", "TryNullMXList", "QueueLA", "RefuseLA",
	"RecipientFactor", "ForkEachJob", "ClassFactor", "RetryFactor",
	"QueueSortOrder", "HostsFile", "MinQueueAge", "DefaultCharSet",
	"ServiceSwitchFile", "DialDelay", "NoRecipientAction",
	"SafeFileEnvironment", "MaxMessageSize", "ColonOkInAddr",
	"MaxQueueRunSize", "MaxDaemonChildren", "DontExpandCnames",
	"MustQuoteChars", "SmtpGreetingMessage", "UnixFromLine",
	"OperatorChars", "DontInitGroups", "SingleLineFromHeader",
	"AllowBogusHELO", "ConnectionRateThrottle", "UnsafeGroupWrites",
	"DoubleBounceAddress", "HostStatusDirectory", "SingleThreadDelivery",
	"RunAsUser", "RrtImpliesDsn", "PidFile", "DontBlameSendmail",
	"DontProbeInterfaces", "MaxRecipientsPerMessage", "DeadLetterDrop",
	"MaxAliasRecursion", "ConnectOnlyTo", "TrustedUser",
	"MaxMimeHeaderLength", "ControlSocketName", "MaxHeadersLength",
	"ProcessTitlePrefix", "DefaultAuthInfo", "AuthMechanisms",
	"ClientPortOptions", "DataFileBufferSize", "XscriptFileBufferSize",
	"LDAPDefaultSpec", "ServerCertFile", "ServerKeyFile",
	"ClientCertFile", "ClientKeyFile", "CACertFile", "CACertPath",
	"DHParameters", "InputMailFilters", "Milter", "AuthOptions",
	"QueueFileMode", "CertFingerprintAlgorithm", "CipherList",
	"RandFile", "TLSSrvOptions", "BadRcptThrottle", "DeliverByMin",
	"MaxQueueChildren", "MaxRunnersPerQueue",
	"DirectSubmissionModifiers", "NiceQueueRun", "SharedMemoryKey",
	"AuthMaxBits", "MailboxDatabase", "UseMSP", "DelayLA", "FastSplit",
	"SoftBounce", "SharedMemoryKeyFile", "RejectLogInterval",
	"RequiresDirfsync", "ConnectionRateWindowSize", "CRLFile",
	"FallbackSmartHost", "AuthRealm", "CRLPath", "HeloName",
	"MaxNOOPCommands", "BadRcptShutdown", "BadRcptShutdownGood",
	"ServerSSLOptions", "ClientSSLOptions", "MaxQueueAge", "RejectNUL",
	"UseCompressedIPv6Addresses", "SSLEngine", "SSLEnginePath",
	"TLSFallbacktoClear", "SetCertAltnames", "SmtpUTF8",
	"StrictTransportSecurity", "CipherSuites", NULL
};

/* the binary's legacy letters and the long names they stand for ("" for
 * g and M, which have none) */
static const struct {
	char		letter;
	const char	*name;
} binary_letters[] = {
	{ '7', "SevenBitInput" }, { '8', "EightBitMode" }, { 'A', "AliasFile" },
	{ 'a', "AliasWait" }, { 'B', "BlankSub" }, { 'b', "MinFreeBlocks" },
	{ 'C', "CheckpointInterval" }, { 'c', "HoldExpensive" },
	{ 'd', "DeliveryMode" }, { 'E', "ErrorHeader" }, { 'e', "ErrorMode" },
	{ 'F', "TempFileMode" }, { 'f', "SaveFromLine" }, { 'G', "MatchGECOS" },
	{ 'g', "" }, { 'H', "HelpFile" }, { 'h', "MaxHopCount" },
	{ 'I', "ResolverOptions" }, { 'i', "IgnoreDots" },
	{ 'J', "ForwardPath" }, { 'j', "SendMimeErrors" },
	{ 'k', "ConnectionCacheSize" }, { 'K', "ConnectionCacheTimeout" },
	{ 'l', "UseErrorsTo" }, { 'L', "LogLevel" }, { 'M', "" },
	{ 'm', "MeToo" }, { 'n', "CheckAliases" }, { 'o', "OldStyleHeaders" },
	{ 'O', "DaemonPortOptions" }, { 'p', "PrivacyOptions" },
	{ 'P', "PostmasterCopy" }, { 'q', "QueueFactor" },
	{ 'Q', "QueueDirectory" }, { 'R', "DontPruneRoutes" },
	{ 'r', "Timeout" }, { 'S', "StatusFile" }, { 's', "SuperSafe" },
	{ 'T', "QueueTimeout" }, { 't', "TimeZoneSpec" },
	{ 'U', "UserDatabaseSpec" }, { 'u', "DefaultUser" },
	{ 'V', "FallbackMXhost" }, { 'v', "Verbose" }, { 'w', "TryNullMXList" },
	{ 'x', "QueueLA" }, { 'X', "RefuseLA" }, { 'y', "RecipientFactor" },
	{ 'Y', "ForkEachJob" }, { 'z', "ClassFactor" }, { 'Z', "RetryFactor" },
};

static void
test_table(void)
{
	const struct conf_entry *tab = conf_table(), *ce;
	size_t n = 0, i;

	for (i = 0; binary_names[i] != NULL; i++) {
		ce = conf_lookup(binary_names[i]);
		if (!t_assert(ce != NULL))
			continue;
		t_assert_streq(ce->ce_name, binary_names[i]);
		/* same order as the binary: abbreviations depend on it */
		while (tab[n].ce_name != NULL && tab[n].ce_name[0] == '\0')
			n++;
		t_assert_streq(tab[n].ce_name, binary_names[i]);
		n++;
	}
	/* Tern's own options come after sendmail's, full names only */
	while (tab[n].ce_name != NULL && (tab[n].ce_flags & CONF_F_TERN))
		n++;
	t_assert(tab[n].ce_name == NULL);
	for (i = 0; i < sizeof binary_letters / sizeof binary_letters[0];
	    i++) {
		char l[2] = { binary_letters[i].letter, '\0' };

		ce = conf_lookup(l);
		if (t_assert(ce != NULL))
			t_assert_streq(ce->ce_name, binary_letters[i].name);
	}
	/* every letter that is no option */
	for (int c = 1; c < 0x80; c++) {
		char l[2] = { (char)c, '\0' };
		bool known = false;

		for (i = 0; i < sizeof binary_letters / sizeof *binary_letters;
		    i++)
			known |= binary_letters[i].letter == c;
		if (!known)
			t_assert(conf_lookup(l) == NULL);
	}
	t_assert(conf_lookup("loglevel") == conf_lookup("L"));
	t_assert(conf_lookup("LogLev") == NULL);	/* exact only */
	t_assert(conf_lookup("") == NULL);
	for (ce = tab; ce->ce_name != NULL; ce++)
		t_assert(ce->ce_set != NULL);
}

/* ---- command line: stickiness, safety -------------------------------- */

static void
test_sticky(void)
{
	struct conf cf;

	setup(&cf);
	cf.cf_rootuser = true;
	OK(&cf, " LogLevel=5", 1);
	OK(&cf, " LogLevel=12", 0);
	t_assert_cmp(cf.co_loglevel, ==, 5);	/* the cf line is ignored */
	OK(&cf, "L7", 0);
	t_assert_cmp(cf.co_loglevel, ==, 5);
	OK(&cf, "L8", 1);
	t_assert_cmp(cf.co_loglevel, ==, 8);	/* command line again */
	t_assert(conf_option_long(&cf, "LogLevel=11", 1, NULL) == 0);
	t_assert_cmp(cf.co_loglevel, ==, 11);	/* -O LogLevel=11 */
	t_assert(conf_option_long(&cf, "NoSuch=1", 1, NULL) < 0);
	t_assert_streq(cf.cf_err, "readcf: unknown option name NoSuch");
	/* per sub-option */
	OK(&cf, " Timeout.command=1m", 1);
	OK(&cf, " Timeout.command=9m", 0);
	OK(&cf, " Timeout.mail=9m", 0);
	t_assert_cmp(cf.co_timeout_command, ==, 60);
	t_assert_cmp(cf.co_timeout_mail, ==, 9 * 60);
	/* PrivacyOptions accumulate */
	OK(&cf, " PrivacyOptions=noexpn", 1);
	OK(&cf, " PrivacyOptions=novrfy", 0);
	t_assert_cmp(cf.co_privacyoptions, ==,
	    CONF_PRIV_NOEXPN | CONF_PRIV_NOVRFY);
	t_assert(!cf.cf_unsafe);
	conf_free(&cf);
}

static void
test_unsafe(void)
{
	struct conf cf;

	setup(&cf);
	cf.cf_rootuser = false;
	OK(&cf, " LogLevel=3", 1);
	t_assert_cmp(cf.co_loglevel, ==, 9);	/* may only raise */
	OK(&cf, " LogLevel=14", 1);
	t_assert_cmp(cf.co_loglevel, ==, 14);
	OK(&cf, "C50", 1);
	t_assert_cmp(cf.co_checkpointinterval, ==, 10);	/* only lower */
	OK(&cf, "C2", 1);
	t_assert_cmp(cf.co_checkpointinterval, ==, 2);
	t_assert(!cf.cf_unsafe);		/* both are safe options */
	OK(&cf, "Mrsmtp", 1);
	t_assert(!cf.cf_unsafe);		/* $r and $s are safe */
	OK(&cf, " QueueDirectory=/tmp", 1);
	t_assert(cf.cf_unsafe);
	conf_free(&cf);
}

/* ---- hooks ---------------------------------------------------------- */

static char defined[256];

static void
define(void *ctx, const char *name, const char *value)
{
	size_t l = strlen(defined);

	(void)ctx;
	(void)snprintf(defined + l, sizeof defined - l, "%s=%s;", name, value);
}

static char *
expand(void *ctx, const char *text)
{
	char *out = malloc(strlen(text) + 3);

	(void)ctx;
	if (out != NULL)
		(void)snprintf(out, strlen(text) + 3, "<%s>", text);
	return out;
}

static void
test_hooks(void)
{
	struct conf cf;

	setup(&cf);
	cf.cf_hooks.ch_define = define;
	cf.cf_hooks.ch_expand = expand;
	defined[0] = '\0';
	OK(&cf, "Mxhello world", 0);
	OK(&cf, "M{client_addr}1.2.3.4", 0);
	t_assert(conf_option(&cf, "M", 0, NULL) < 0);
	OK(&cf, "M{y}why", 0);
	OK(&cf, "M x", 0);
	/* an error, yet the macro is defined (as {ab}) */
	t_assert(conf_option(&cf, "M{a b}v", 0, NULL) < 0);
	t_assert_streq(defined, "x=hello world;{client_addr}=1.2.3.4;y=why;"
	    " =x;{ab}=v;");
	OK(&cf, " ServerCertFile=$j.pem", 0);
	t_require(cf.co_servercertfile != NULL);
	t_assert_streq(cf.co_servercertfile, "<$j.pem>");
	conf_free(&cf);
}

/* ---- conf_finish, conf_print, conf_convtime -------------------------- */

static void
test_finish(void)
{
	struct conf cf;

	setup(&cf);
	(void)conf_option(&cf, " SingleThreadDelivery", 0, NULL);
	conf_finish(&cf);
	t_assert_streq(msgs, "R:Warning: HostStatusDirectory required for "
	    "SingleThreadDelivery\n");
	t_assert(!cf.co_singlethreaddelivery);
	msgs[0] = '\0';
	(void)conf_option(&cf, " HostStatusDirectory=/x", 0, NULL);
	(void)conf_option(&cf, " ConnectionCacheSize=0", 0, NULL);
	conf_finish(&cf);
	t_assert_streq(msgs, "R:Warning: HostStatusDirectory disabled with "
	    "ConnectionCacheSize = 0\n");
	t_assert(cf.co_hoststatusdirectory == NULL);
	msgs[0] = '\0';
	conf_finish(&cf);
	t_assert_streq(msgs, "");
	conf_free(&cf);
}

static void
test_print(void)
{
	struct conf cf;
	const char *all;

	setup(&cf);
	t_assert_streq(printed(&cf, "NoSuchOption"), "(unknown)");
	t_assert_streq(printed(&cf, "h"), "MaxHopCount=25\n");
	t_assert_streq(printed(&cf, "maxhop"), "(unknown)"); /* exact only */
	t_assert_streq(printed(&cf, "Timeout") + strlen("Timeout.initial=5m\n"
	    "Timeout.mail=10m\n"), "Timeout.rcpt=1h\n"
	    "Timeout.datainit=5m\nTimeout.datablock=1h\nTimeout.datafinal=1h\n"
	    "Timeout.command=1h\nTimeout.rset=5m\nTimeout.helo=5m\n"
	    "Timeout.quit=2m\nTimeout.misc=2m\nTimeout.ident=5s\n"
	    "Timeout.fileopen=1m\nTimeout.connect=0s\nTimeout.iconnect=0s\n"
	    "Timeout.queuewarn.normal=0s\nTimeout.queuewarn.urgent=0s\n"
	    "Timeout.queuewarn.non-urgent=0s\nTimeout.queuereturn.normal=5d\n"
	    "Timeout.queuereturn.urgent=5d\nTimeout.queuereturn.non-urgent=5d\n"
	    "Timeout.hoststatus=30m\nTimeout.resolver.retrans.normal=-1s\n"
	    "Timeout.resolver.retrans.first=-1s\n"
	    "Timeout.resolver.retry.normal=-1\n"
	    "Timeout.resolver.retry.first=-1\nTimeout.control=2m\n"
	    "Timeout.lhlo=2m\nTimeout.auth=10m\nTimeout.starttls=1h\n"
	    "Timeout.aconnect=0s\nTimeout.queuewarn.dsn=0s\n"
	    "Timeout.queuereturn.dsn=5d\n");
	all = printed(&cf, NULL);
	t_assert(strncmp(all, "SevenBitInput=False\nEightBitMode=p\n", 35) ==
	    0);
	t_assert(strstr(all, "\nPrivacyOptions=public\n") != NULL);
	t_assert(strstr(all, "\nMilter.LogLevel=-1\n") != NULL);
	t_assert(strstr(all, "\nDontBlameSendmail=safe\n") != NULL);
	conf_free(&cf);
}

static const struct {
	const char	*text;
	char		unit;
	long long	secs;
	const char	*note;
} times[] = {
	{ "", 'm', 0, "" },
	{ "10", 'm', 600, "" },
	{ "10", 's', 10, "" },
	{ "10", 'h', 36000, "" },
	{ "10", 'd', 864000, "" },
	{ "2", 'w', 1209600, "" },
	{ "1w1d1h1m1s", 's', 694861, "" },
	{ "3d12h", 'm', 302400, "" },
	{ "5m5", 'h', 300 + 18000, "" },
	{ "-90", 's', -90, "" },
	{ "NOW", 'd', -1, "" },
	{ "q", 'm', 0, "Invalid time unit `q'" },
	{ "1q2r", 's', 3, "Invalid time unit `q'\nInvalid time unit `r'" },
	{ "1 m", 's', 1, "Invalid time unit ` '" },
	{ "99999999999999999999999w", 's', 0, NULL },	/* no overflow trap */
};

static void
test_convtime(void)
{
	for (size_t i = 0; i < sizeof times / sizeof times[0]; i++) {
		char note[128];
		time_t t;

		t_begin("conf: convtime \"%s\" unit %c", times[i].text,
		    times[i].unit);
		t = conf_convtime(times[i].text, times[i].unit, note,
		    sizeof note);
		if (times[i].note != NULL) {
			t_assert_cmp(t, ==, times[i].secs);
			t_assert_streq(note, times[i].note);
		} else
			t_assert(t > 0);
		t_end();
	}
	t_begin("conf: convtime without a note buffer");
	t_assert_cmp(conf_convtime("5x", 's', NULL, 0), ==, 5);
	t_end();
}

int
main(void)
{
	test_rows();
	t_run("conf: fields the core reads", test_fields);
	t_run("conf: defaults of sendmail 8.17", test_defaults);
	t_run("conf: table has every option of the binary", test_table);
	t_run("conf: command line is sticky", test_sticky);
	t_run("conf: unsafe command line", test_unsafe);
	t_run("conf: macro hooks", test_hooks);
	t_run("conf: checks after reading", test_finish);
	t_run("conf: printing", test_print);
	test_convtime();
	return t_done();
}
