/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * conf_set.c -- setters of the options whose values need more than a
 * generic type: modes, flag words, users and groups, Timeout.* and
 * Milter.*, and the sendmail quirks of each (what is ignored, which
 * message each mistake gets).  The table in conf.c points here.
 *
 * Public (to conf.c only, through conf_int.h): conf_set_* setters and the
 * word tables privacy_words, resolver_words,
 * dbs_names, conf_set_timeouts.
 *
 * Runs at start in every sendmail process; getpwnam/getgrnam for user and
 * group options.
 */
#include "sendmail/conf_int.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <grp.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "libsm/err.h"


/* AliasFile: each comma-separated spec appends; empty means "aliases" */
int
conf_set_aliasfile(struct conf *cf, const struct conf_entry *ce,
    const char *sub, const char *val)
{
	const char *p, *e;

	(void)ce;
	(void)sub;
	if (*val == '\0') {
		conf_list_add(&cf->co_aliasfile, "aliases");
		return 0;
	}
	for (p = val; *p != '\0'; p = *e == ',' ? e + 1 : e) {
		while (isspace((unsigned char)*p))
			p++;
		if (*p == '\0')
			break;
		e = p + strcspn(p, ",");
		if (e > p) {
			char *spec = sm_strndup_x(p, (size_t)(e - p));

			conf_list_add(&cf->co_aliasfile, spec);
			free(spec);
		}
	}
	return 0;
}

int
conf_set_eightbit(struct conf *cf, const struct conf_entry *ce, const char *sub,
    const char *val)
{
	(void)ce;
	(void)sub;
	if (*val != 'p' && *val != 'm' && *val != 's') {
		conf_say(CONF_MSG_FATAL, "Unknown 8-bit mode %c", *val);
		return -1;
	}
	cf->co_eightbitmode = *val;
	return 0;
}

/* MinFreeBlocks N[/M]: M is MaxMessageSize */
int
conf_set_minfree(struct conf *cf, const struct conf_entry *ce, const char *sub,
    const char *val)
{
	const char *slash = strchr(val, '/');

	(void)ce;
	(void)sub;
	if (slash != NULL)
		cf->co_maxmessagesize = strtol(slash + 1, NULL, 10);
	cf->co_minfreeblocks = strtol(val, NULL, 10);
	return 0;
}

/* an unsafe setter may only lower the checkpoint interval */
int
conf_set_checkpoint(struct conf *cf, const struct conf_entry *ce,
    const char *sub, const char *val)
{
	(void)ce;
	(void)sub;
	if (conf_cur->cc_safe || cf->co_checkpointinterval > conf_atoi(val))
		cf->co_checkpointinterval = conf_atoi(val);
	return 0;
}

/* an unsafe setter may only raise the log level */
int
conf_set_loglevel(struct conf *cf, const struct conf_entry *ce, const char *sub,
    const char *val)
{
	(void)ce;
	(void)sub;
	if (conf_cur->cc_safe || cf->co_loglevel < conf_atoi(val))
		cf->co_loglevel = conf_atoi(val);
	return 0;
}

/* DeliveryMode: empty is interactive; d (defer) q b i */
int
conf_set_dmode(struct conf *cf, const struct conf_entry *ce, const char *sub,
    const char *val)
{
	(void)ce;
	(void)sub;
	if (*val == '\0') {
		cf->co_deliverymode = 'i';
		return 0;
	}
	if (strchr("iqbd", *val) == NULL) {
		conf_say(CONF_MSG_FATAL, "Unknown delivery mode %c", *val);
		return -1;
	}
	cf->co_deliverymode = *val;
	return 0;
}

/* ErrorMode: an unknown letter is ignored silently */
int
conf_set_emode(struct conf *cf, const struct conf_entry *ce, const char *sub,
    const char *val)
{
	(void)ce;
	(void)sub;
	if (*val != '\0' && strchr("pqmwe", *val) != NULL)
		cf->co_errormode = *val;
	return 0;
}

/* the g option, also the ":group" part of DefaultUser (LETTER names the
 * option in the message) */
static int
gid_opt(struct conf *cf, int letter, const char *val)
{
	struct group *gr;

	if (isdigit((unsigned char)*val)) {
		cf->co_defaultuser_gid = (gid_t)conf_atoi(val);
		return 0;
	}
	cf->co_defaultuser_gid = (gid_t)-1;
	if ((gr = getgrnam(val)) == NULL) {
		conf_say(CONF_MSG_ERROR, "readcf: option %c: unknown group %s",
		    letter, val);
		return -1;
	}
	cf->co_defaultuser_gid = gr->gr_gid;
	return 0;
}

int
conf_set_gid(struct conf *cf, const struct conf_entry *ce, const char *sub,
    const char *val)
{
	(void)ce;
	(void)sub;
	return gid_opt(cf, 'g', val);
}

int
conf_set_helpfile(struct conf *cf, const struct conf_entry *ce, const char *sub,
    const char *val)
{
	(void)ce;
	(void)sub;
	conf_strset(&cf->co_helpfile, *val == '\0' ? "helpfile" : val);
	return 0;
}

int
conf_set_statfile(struct conf *cf, const struct conf_entry *ce, const char *sub,
    const char *val)
{
	(void)ce;
	(void)sub;
	conf_strset(&cf->co_statusfile, *val == '\0' ? "statistics" : val);
	return 0;
}

int
conf_set_queuedir(struct conf *cf, const struct conf_entry *ce, const char *sub,
    const char *val)
{
	(void)ce;
	(void)sub;
	conf_strset(&cf->co_queuedirectory, *val == '\0' ? "mqueue" : val);
	return 0;
}

/* Named bits of a flags option. */
struct conf_word {
	const char	*w_name;
	unsigned long	w_bits;
};

static const struct conf_word resolver_words[] = {
	{ "debug", CONF_RES_DEBUG }, { "aaonly", CONF_RES_AAONLY },
	{ "usevc", CONF_RES_USEVC }, { "primary", CONF_RES_PRIMARY },
	{ "igntc", CONF_RES_IGNTC }, { "recurse", CONF_RES_RECURSE },
	{ "defnames", CONF_RES_DEFNAMES }, { "stayopen", CONF_RES_STAYOPEN },
	{ "dnsrch", CONF_RES_DNSRCH }, { "use_edns0", CONF_RES_USE_EDNS0 },
	{ "use_dnssec", CONF_RES_USE_DNSSEC }, { "trustad", CONF_RES_TRUSTAD },
	{ NULL, 0 }
};

static const struct conf_word privacy_words[] = {
	{ "public", CONF_PRIV_PUBLIC },
	{ "needmailhelo", CONF_PRIV_NEEDMAILHELO },
	{ "needexpnhelo", CONF_PRIV_NEEDEXPNHELO },
	{ "needvrfyhelo", CONF_PRIV_NEEDVRFYHELO },
	{ "noexpn", CONF_PRIV_NOEXPN }, { "novrfy", CONF_PRIV_NOVRFY },
	{ "restrictexpand", CONF_PRIV_RESTRICTEXPAND },
	{ "restrictmailq", CONF_PRIV_RESTRICTMAILQ },
	{ "restrictqrun", CONF_PRIV_RESTRICTQRUN },
	{ "noetrn", CONF_PRIV_NOETRN }, { "noverb", CONF_PRIV_NOVERB },
	{ "authwarnings", CONF_PRIV_AUTHWARNINGS },
	{ "noreceipts", CONF_PRIV_NORECEIPTS },
	{ "nobodyreturn", CONF_PRIV_NOBODYRETURN },
	{ "goaway", CONF_PRIV_GOAWAY },
	{ "noactualrecipient", CONF_PRIV_NOACTUALRECIPIENT },
	{ NULL, 0 }
};

/* DontBlameSendmail names; index = bit number, 0 = "safe" */
static const char *const dbs_names[] = {
	"safe", "assumesafechown", "groupwritabledirpathsafe",
	"groupwritableforwardfilesafe", "groupwritableincludefilesafe",
	"groupwritablealiasfile", "worldwritablealiasfile",
	"forwardfileinunsafedirpath", "mapinunsafedirpath",
	"linkedaliasfileinwritabledir", "linkedclassfileinwritabledir",
	"linkedforwardfileinwritabledir", "linkedincludefileinwritabledir",
	"linkedmapinwritabledir", "linkedserviceswitchfileinwritabledir",
	"filedeliverytohardlink", "filedeliverytosymlink",
	"writemaptohardlink", "writemaptosymlink", "writestatstohardlink",
	"writestatstosymlink", "forwardfileingroupwritabledirpath",
	"includefileingroupwritabledirpath", "classfileinunsafedirpath",
	"errorheaderinunsafedirpath", "helpfileinunsafedirpath",
	"forwardfileinunsafedirpathsafe", "includefileinunsafedirpathsafe",
	"runprograminunsafedirpath", "runwritableprogram",
	"includefileinunsafedirpath", "nonrootsafeaddr", "truststickybit",
	"dontwarnforwardfileinunsafedirpath", "insufficiententropy",
	"groupreadablesasldbfile", "groupwritablesasldbfile",
	"groupwritableforwardfile", "groupwritableincludefile",
	"worldwritableforwardfile", "worldwritableincludefile",
	"groupreadablekeyfile", "groupreadabledefaultauthinfofile",
	NULL
};

static const struct conf_word *
word_find(const struct conf_word *w, const char *name)
{
	for (; w->w_name != NULL; w++)
		if (strcasecmp(w->w_name, name) == 0)
			return w;
	return NULL;
}

/* ResolverOptions: [+-]word ... separated by spaces */
int
conf_set_resolver(struct conf *cf, const struct conf_entry *ce, const char *sub,
    const char *val)
{
	const struct conf_word *w;
	const char *p = val;
	char word[64];
	bool clear;
	int rc = 0;

	(void)ce;
	(void)sub;
	for (;;) {
		size_t n;

		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		clear = *p == '-';
		if (*p == '-' || *p == '+')
			p++;
		n = strcspn(p, " \t\n\r\f\v");
		(void)snprintf(word, sizeof word, "%.*s", (int)n, p);
		p += n;
		if (*p != '\0')
			p++;
		if (strcasecmp(word, "HasWildcardMX") == 0)
			cf->co_resolveroptions_haswildcardmx = !clear;
		else if (strcasecmp(word, "WorkAroundBrokenAAAA") == 0)
			cf->co_resolveroptions_workaroundbrokenaaaa = !clear;
		else if ((w = word_find(resolver_words, word)) == NULL) {
			conf_say(CONF_MSG_ERROR,
			    "readcf: I option value %s unrecognized", word);
			rc = -1;
		} else if (clear)
			cf->co_resolveroptions &= ~w->w_bits;
		else
			cf->co_resolveroptions |= w->w_bits;
	}
	return rc;
}

/* Split VAL into words of letters and digits: white space and punctuation
 * separate them (PrivacyOptions, DontBlameSendmail).  Calls FN for each;
 * returns -1 if any call did. */
static int
each_word(struct conf *cf, const char *val,
    int (*fn)(struct conf *, const char *))
{
	char word[128];
	int rc = 0;

	while (*val != '\0') {
		size_t n;

		while (isspace((unsigned char)*val) ||
		    ispunct((unsigned char)*val))
			val++;
		if (*val == '\0')
			break;
		for (n = 0; isalnum((unsigned char)val[n]); n++)
			continue;
		if (n == 0)	/* a byte >= 0x80 or a control: one word */
			n = 1;
		(void)snprintf(word, sizeof word, "%.*s", (int)n, val);
		val += n;
		if (*val != '\0')
			val++;
		if (fn(cf, word) < 0)
			rc = -1;
	}
	return rc;
}

static int
privacy_word(struct conf *cf, const char *word)
{
	const struct conf_word *w = word_find(privacy_words, word);

	if (w == NULL) {
		conf_say(CONF_MSG_ERROR, "readcf: Op line: %s unrecognized",
		    word);
		return -1;
	}
	cf->co_privacyoptions |= w->w_bits;
	return 0;
}

int
conf_set_privacy(struct conf *cf, const struct conf_entry *ce, const char *sub,
    const char *val)
{
	(void)ce;
	(void)sub;
	return each_word(cf, val, privacy_word);
}

static int
dbs_word(struct conf *cf, const char *word)
{
	for (int i = 0; dbs_names[i] != NULL; i++) {
		if (strcasecmp(dbs_names[i], word) != 0)
			continue;
		if (i == 0)
			cf->co_dontblamesendmail = 0;
		else
			cf->co_dontblamesendmail |= CONF_DBS_BIT(i);
		return 0;
	}
	conf_say(CONF_MSG_ERROR,
	    "readcf: DontBlameSendmail option: %s unrecognized", word);
	return -1;
}

int
conf_set_dbs(struct conf *cf, const struct conf_entry *ce, const char *sub,
    const char *val)
{
	(void)ce;
	(void)sub;
	return each_word(cf, val, dbs_word);
}

int
conf_set_connsize(struct conf *cf, const struct conf_entry *ce, const char *sub,
    const char *val)
{
	(void)ce;
	(void)sub;
	cf->co_connectioncachesize = conf_atoi(val) < 0 ? 0 : conf_atoi(val);
	return 0;
}

#define MAXMACNAMELEN	25	/* sendmail's longest {name} */

/*
 * The macro name at the start of P, as sendmail's macid_parse reads it:
 * one byte, or {letters digits _} (other bytes reported and dropped; a
 * one-letter {x} is x).  NAME gets "x" or "{name}"; *EP the byte after.
 * Returns -1 (reported) when there is no usable name.
 */
static int
macro_name(const char *p, char *name, size_t size, const char **ep)
{
	char mbuf[MAXMACNAMELEN + 1];
	size_t n = 0;

	if (*p == '\0' || (p[0] == '{' && p[1] == '}')) {
		conf_say(CONF_MSG_ERROR, "Name required for macro/class");
		return -1;
	}
	if (*p != '{') {
		(void)snprintf(name, size, "%c", *p);
		*ep = p + 1;
		return 0;
	}
	while (*++p != '\0' && *p != '}' && n < sizeof mbuf - 1) {
		if (isalnum((unsigned char)*p) || *p == '_')
			mbuf[n++] = *p;
		else
			conf_say(CONF_MSG_ERROR,
			    "Invalid macro/class character %c", *p);
	}
	mbuf[n] = '\0';
	if (*p != '}') {
		if (*p == '\0')
			conf_say(CONF_MSG_ERROR, "Unbalanced { on %s", mbuf);
		else
			conf_say(CONF_MSG_ERROR, "Macro/class name ({%s}) too "
			    "long (%d chars max)", mbuf, MAXMACNAMELEN);
		conf_say(CONF_MSG_ERROR,
		    "Unable to assign macro/class ID (mid = 0xffffffff)");
		return -1;
	}
	(void)snprintf(name, size, n == 1 ? "%s" : "{%s}", mbuf);
	*ep = p + 1;
	return 0;
}

/* M: define a macro, "x" or "{name}" then the value */
int
conf_set_macro(struct conf *cf, const struct conf_entry *ce,
    const char *sub, const char *val)
{
	char name[MAXMACNAMELEN + 3];
	const char *v;

	(void)ce;
	(void)sub;
	if (macro_name(val, name, sizeof name, &v) < 0)
		return -1;
	if (cf->cf_hooks.ch_define != NULL)
		cf->cf_hooks.ch_define(cf->cf_hooks.ch_ctx, name, v);
	return 0;
}

int
conf_set_supersafe(struct conf *cf, const struct conf_entry *ce,
    const char *sub, const char *val)
{
	(void)ce;
	(void)sub;
	if (tolower((unsigned char)*val) == 'i')
		cf->co_supersafe = CONF_SAFE_INTERACTIVE;
	else if (tolower((unsigned char)*val) == 'p')
		cf->co_supersafe = CONF_SAFE_POSTMILTER;
	else
		cf->co_supersafe = conf_atobool(val) ? CONF_SAFE_REALLY :
		    CONF_SAFE_NO;
	return 0;
}

/* ---- Timeout.* ------------------------------------------------------ */

/* What a Timeout sub-option sets. */
enum to_kind { TO_ONE, TO_WARN, TO_RETURN, TO_RETRANS, TO_RETRY };

static const struct to_row {
	const char	*to_name;
	int		to_code;	/* sendmail's; keys stickiness */
	enum to_kind	to_kind;
	char		to_unit;
	size_t		to_off;		/* TO_ONE, or the single field set */
} to_table[] = {
	{ "initial", 0x01, TO_ONE, 'm', CONF_F(co_timeout_initial) },
	{ "mail", 0x02, TO_ONE, 'm', CONF_F(co_timeout_mail) },
	{ "rcpt", 0x03, TO_ONE, 'm', CONF_F(co_timeout_rcpt) },
	{ "datainit", 0x04, TO_ONE, 'm', CONF_F(co_timeout_datainit) },
	{ "datablock", 0x05, TO_ONE, 'm', CONF_F(co_timeout_datablock) },
	{ "datafinal", 0x06, TO_ONE, 'm', CONF_F(co_timeout_datafinal) },
	{ "command", 0x07, TO_ONE, 'm', CONF_F(co_timeout_command) },
	{ "rset", 0x08, TO_ONE, 'm', CONF_F(co_timeout_rset) },
	{ "helo", 0x09, TO_ONE, 'm', CONF_F(co_timeout_helo) },
	{ "quit", 0x0a, TO_ONE, 'm', CONF_F(co_timeout_quit) },
	{ "misc", 0x0b, TO_ONE, 'm', CONF_F(co_timeout_misc) },
	{ "ident", 0x0c, TO_ONE, 'm', CONF_F(co_timeout_ident) },
	{ "fileopen", 0x0d, TO_ONE, 'm', CONF_F(co_timeout_fileopen) },
	{ "connect", 0x0e, TO_ONE, 'm', CONF_F(co_timeout_connect) },
	{ "iconnect", 0x0f, TO_ONE, 'm', CONF_F(co_timeout_iconnect) },
	{ "queuewarn", 0x10, TO_WARN, 'h', CONF_NOFF },
	{ "queuewarn.*", 0x10, TO_WARN, 'h', CONF_NOFF },
	{ "queuewarn.normal", 0x11, TO_ONE, 'h',
	    CONF_F(co_timeout_queuewarn_normal) },
	{ "queuewarn.urgent", 0x12, TO_ONE, 'h',
	    CONF_F(co_timeout_queuewarn_urgent) },
	{ "queuewarn.non-urgent", 0x13, TO_ONE, 'h',
	    CONF_F(co_timeout_queuewarn_nonurgent) },
	{ "queuereturn", 0x14, TO_RETURN, 'd', CONF_NOFF },
	{ "queuereturn.*", 0x14, TO_RETURN, 'd', CONF_NOFF },
	{ "queuereturn.normal", 0x15, TO_ONE, 'd',
	    CONF_F(co_timeout_queuereturn_normal) },
	{ "queuereturn.urgent", 0x16, TO_ONE, 'd',
	    CONF_F(co_timeout_queuereturn_urgent) },
	{ "queuereturn.non-urgent", 0x17, TO_ONE, 'd',
	    CONF_F(co_timeout_queuereturn_nonurgent) },
	{ "hoststatus", 0x18, TO_ONE, 'm', CONF_F(co_timeout_hoststatus) },
	{ "resolver.retrans", 0x19, TO_RETRANS, 's', CONF_NOFF },
	{ "resolver.retrans.normal", 0x1a, TO_ONE, 's',
	    CONF_F(co_timeout_resolver_retrans_normal) },
	{ "resolver.retrans.first", 0x1b, TO_ONE, 's',
	    CONF_F(co_timeout_resolver_retrans_first) },
	{ "resolver.retry", 0x1c, TO_RETRY, 0, CONF_NOFF },
	{ "resolver.retry.normal", 0x1d, TO_RETRY, 0,
	    CONF_F(co_timeout_resolver_retry_normal) },
	{ "resolver.retry.first", 0x1e, TO_RETRY, 0,
	    CONF_F(co_timeout_resolver_retry_first) },
	{ "control", 0x1f, TO_ONE, 'm', CONF_F(co_timeout_control) },
	{ "lhlo", 0x20, TO_ONE, 'm', CONF_F(co_timeout_lhlo) },
	{ "auth", 0x21, TO_ONE, 'm', CONF_F(co_timeout_auth) },
	{ "starttls", 0x22, TO_ONE, 'm', CONF_F(co_timeout_starttls) },
	{ "aconnect", 0x23, TO_ONE, 'm', CONF_F(co_timeout_aconnect) },
	{ "queuewarn.dsn", 0x24, TO_ONE, 'h',
	    CONF_F(co_timeout_queuewarn_dsn) },
	{ "queuereturn.dsn", 0x25, TO_ONE, 'd',
	    CONF_F(co_timeout_queuereturn_dsn) },
	{ NULL, 0, TO_ONE, 0, CONF_NOFF }
};

static bool
bit_get(const unsigned char *map, int n)
{
	return (map[n / 8] >> (n % 8)) & 1;
}

static void
bit_set(unsigned char *map, int n)
{
	map[n / 8] |= (unsigned char)(1 << (n % 8));
}

#define TSET(cf, f)	(*(time_t *)((char *)(cf) + (f)))

static void
to_apply(struct conf *cf, const struct to_row *to, const char *val)
{
	time_t t;

	switch (to->to_kind) {
	case TO_WARN:
		t = conf_time(val, 'h');
		cf->co_timeout_queuewarn_normal = t;
		cf->co_timeout_queuewarn_urgent = t;
		cf->co_timeout_queuewarn_nonurgent = t;
		cf->co_timeout_queuewarn_dsn = t;
		break;
	case TO_RETURN:
		t = conf_time(val, 'd');
		cf->co_timeout_queuereturn_normal = t;
		cf->co_timeout_queuereturn_urgent = t;
		cf->co_timeout_queuereturn_nonurgent = t;
		cf->co_timeout_queuereturn_dsn = t;
		break;
	case TO_RETRANS:
		t = conf_time(val, 's');
		cf->co_timeout_resolver_retrans = t;
		cf->co_timeout_resolver_retrans_first = t;
		cf->co_timeout_resolver_retrans_normal = t;
		break;
	case TO_RETRY:
		if (to->to_off != CONF_NOFF) {
			*(int *)((char *)cf + to->to_off) = conf_atoi(val);
			break;
		}
		cf->co_timeout_resolver_retry = conf_atoi(val);
		cf->co_timeout_resolver_retry_first = conf_atoi(val);
		cf->co_timeout_resolver_retry_normal = conf_atoi(val);
		break;
	case TO_ONE:
		TSET(cf, to->to_off) = conf_time(val, to->to_unit);
		break;
	}
}

/* one Timeout.NAME=VAL */
static int
settimeout(struct conf *cf, const char *name, const char *val)
{
	const struct to_row *to;
	int extra;

	for (to = to_table; to->to_name != NULL; to++)
		if (strcasecmp(to->to_name, name) == 0)
			break;
	if (to->to_name == NULL) {
		conf_say(CONF_MSG_ERROR, "settimeout: invalid timeout %s",
		    name);
		return -1;
	}
	if (!conf_cur->cc_sticky && bit_get(cf->cf_sticky_timeout, to->to_code))
		return 0;
	/* sendmail converts with minutes first, whatever the sub-option:
	 * a bad unit is reported twice for the hour and day ones */
	if (to->to_unit != 'm')
		(void)conf_time(val, 'm');
	to_apply(cf, to, val);
	/* the "all" forms stick their first three codes */
	extra = to->to_kind != TO_ONE && to->to_off == CONF_NOFF ? 2 : 0;
	if (conf_cur->cc_sticky)
		for (int i = 0; i <= extra; i++)
			bit_set(cf->cf_sticky_timeout, to->to_code + i);
	return 0;
}

/* Timeout=N (the six SMTP command timeouts) or a list of name=value or
 * name:value separated by commas */
static int
inittimeouts(struct conf *cf, const char *val)
{
	static const int old[] = { 0x02, 0x03, 0x04, 0x05, 0x06, 0x07 };
	char item[CONF_MAXLINE];
	int rc = 0;

	while (*val != '\0') {
		size_t n;
		char *q;

		while (isspace((unsigned char)*val))
			val++;
		if (*val == '\0')
			break;
		n = strcspn(val, ",");
		(void)snprintf(item, sizeof item, "%.*s", (int)n, val);
		val += n;
		if (*val == ',')
			val++;
		if (isdigit((unsigned char)item[0])) {
			time_t t = conf_time(item, 'm');

			for (size_t i = 0; i < sizeof old / sizeof *old; i++) {
				TSET(cf, to_table[old[i] - 1].to_off) = t;
				if (conf_cur->cc_sticky)
					bit_set(cf->cf_sticky_timeout, old[i]);
			}
			continue;
		}
		if ((q = strchr(item, ':')) == NULL &&
		    (q = strchr(item, '=')) == NULL)
			continue;	/* sendmail ignores it */
		*q++ = '\0';
		if (settimeout(cf, item, q) < 0)
			rc = -1;
	}
	return rc;
}

int
conf_set_timeout(struct conf *cf, const struct conf_entry *ce, const char *sub,
    const char *val)
{
	(void)ce;
	return sub == NULL ? inittimeouts(cf, val) : settimeout(cf, sub, val);
}

/* QueueTimeout (T): RETURN[/WARN] */
int
conf_set_queuetimeout(struct conf *cf, const struct conf_entry *ce,
    const char *sub, const char *val)
{
	const char *slash = strchr(val, '/');
	char ret[CONF_MAXLINE];
	int rc = 0;

	(void)ce;
	(void)sub;
	if (slash != NULL && settimeout(cf, "queuewarn", slash + 1) < 0)
		rc = -1;
	(void)snprintf(ret, sizeof ret, "%.*s",
	    (int)(slash != NULL ? (size_t)(slash - val) : strlen(val)), val);
	if (settimeout(cf, "queuereturn", ret) < 0)
		rc = -1;
	return rc;
}

/* ---- Milter.* ------------------------------------------------------- */

static const struct {
	const char	*mo_name;
	size_t		mo_off;		/* CONF_NOFF: the log level */
} milter_table[] = {
	{ "macros.connect", CONF_F(co_milter_macros_connect) },
	{ "macros.helo", CONF_F(co_milter_macros_helo) },
	{ "macros.envfrom", CONF_F(co_milter_macros_envfrom) },
	{ "macros.envrcpt", CONF_F(co_milter_macros_envrcpt) },
	{ "macros.data", CONF_F(co_milter_macros_data) },
	{ "macros.eom", CONF_F(co_milter_macros_eom) },
	{ "macros.eoh", CONF_F(co_milter_macros_eoh) },
	{ "loglevel", CONF_NOFF },
	{ NULL, 0 }
};
#define MILTER_STICKY	48	/* past the timeout codes */

int
conf_set_milter(struct conf *cf, const struct conf_entry *ce, const char *sub,
    const char *val)
{
	int i;

	(void)ce;
	if (sub == NULL) {
		conf_say(CONF_MSG_ERROR, "milter_set_option: invalid Milter "
		    "option, must specify suboption");
		return -1;
	}
	for (i = 0; milter_table[i].mo_name != NULL; i++)
		if (strcasecmp(milter_table[i].mo_name, sub) == 0)
			break;
	if (milter_table[i].mo_name == NULL) {
		conf_say(CONF_MSG_ERROR,
		    "milter_set_option: invalid Milter option %s", sub);
		return -1;
	}
	if (!conf_cur->cc_sticky &&
	    bit_get(cf->cf_sticky_timeout, MILTER_STICKY + i))
		return 0;
	if (conf_cur->cc_sticky)
		bit_set(cf->cf_sticky_timeout, MILTER_STICKY + i);
	if (milter_table[i].mo_off == CONF_NOFF)
		cf->co_milter_loglevel = conf_atoi(val);
	else
		conf_strset((char **)((char *)cf + milter_table[i].mo_off),
		    val);
	return 0;
}

/* ---- users and groups ----------------------------------------------- */

/* split "user[.:/]group": the length of the user part */
static size_t
user_len(const char *val)
{
	return strcspn(val, ".:/");
}

/* DefaultUser (u): a number or a name, then optionally a group */
int
conf_set_defuser(struct conf *cf, const struct conf_entry *ce,
    const char *sub, const char *val)
{
	size_t n = user_len(val);
	char user[256];

	(void)ce;
	(void)sub;
	(void)snprintf(user, sizeof user, "%.*s", (int)n, val);
	if (isdigit((unsigned char)*user)) {
		struct passwd *pw;

		cf->co_defaultuser_uid = (uid_t)conf_atoi(user);
		pw = getpwuid(cf->co_defaultuser_uid);
		conf_strset(&cf->co_defaultuser,
		    pw != NULL ? pw->pw_name : "nobody");
	} else {
		struct passwd *pw = getpwnam(user);

		cf->co_defaultuser_uid = (uid_t)-1;
		if (pw == NULL) {
			conf_say(CONF_MSG_ERROR,
			    "readcf: option u: unknown user %s", user);
			return -1;
		}
		cf->co_defaultuser_uid = pw->pw_uid;
		cf->co_defaultuser_gid = pw->pw_gid;
		conf_strset(&cf->co_defaultuser, pw->pw_name);
	}
	if (val[n] == '\0' || val[n + 1] == '\0')
		return 0;
	return gid_opt(cf, 'u', val + n + 1);
}

/* the group part of RunAsUser */
static int
runas_group(struct conf *cf, const char *grp, bool can_setuid)
{
	gid_t gid;

	if (isdigit((unsigned char)*grp))
		gid = (gid_t)conf_atoi(grp);
	else {
		struct group *gr = getgrnam(grp);

		if (gr == NULL) {
			conf_say(CONF_MSG_ERROR,
			    "readcf: option RunAsUser: unknown group %s", grp);
			return -1;
		}
		gid = gr->gr_gid;
	}
	if (can_setuid || getegid() == gid)
		cf->co_runasuser_gid = gid;
	return 0;
}

/* RunAsUser: like DefaultUser; only the first non-root setting counts */
int
conf_set_runasuser(struct conf *cf, const struct conf_entry *ce,
    const char *sub, const char *val)
{
	bool can_setuid = cf->co_runasuser_uid == 0;
	size_t n = user_len(val);
	char user[256];

	(void)ce;
	(void)sub;
	(void)snprintf(user, sizeof user, "%.*s", (int)n, val);
	if (isdigit((unsigned char)*user)) {
		if (can_setuid)
			cf->co_runasuser_uid = (uid_t)conf_atoi(user);
	} else {
		struct passwd *pw = getpwnam(user);

		if (pw == NULL) {
			conf_say(CONF_MSG_ERROR,
			    "readcf: option RunAsUser: unknown user %s", user);
			return -1;
		}
		if (can_setuid) {
			if (val[n] == '\0')
				conf_strset(&cf->co_runasuser, user);
			cf->co_runasuser_uid = pw->pw_uid;
			cf->co_runasuser_gid = pw->pw_gid;
		} else if (getegid() == pw->pw_gid)
			cf->co_runasuser_gid = pw->pw_gid;
	}
	if (val[n] == '\0' || val[n + 1] == '\0')
		return 0;
	return runas_group(cf, val + n + 1, can_setuid);
}

int
conf_set_trusteduser(struct conf *cf, const struct conf_entry *ce,
    const char *sub, const char *val)
{
	struct passwd *pw;

	(void)ce;
	(void)sub;
	if (isdigit((unsigned char)*val)) {
		cf->co_trusteduser_uid = (uid_t)conf_atoi(val);
		conf_strset(&cf->co_trusteduser, val);
		return 0;
	}
	cf->co_trusteduser_uid = 0;
	if ((pw = getpwnam(val)) == NULL) {
		conf_say(CONF_MSG_ERROR,
		    "readcf: option TrustedUser: unknown user %s", val);
		return -1;
	}
	cf->co_trusteduser_uid = pw->pw_uid;
	conf_strset(&cf->co_trusteduser, val);
	return 0;
}

/* ---- words and letters ---------------------------------------------- */

int
conf_set_sortorder(struct conf *cf, const struct conf_entry *ce,
    const char *sub, const char *val)
{
	int c = tolower((unsigned char)*val);

	(void)ce;
	(void)sub;
	if (c == '\0' || strchr("fhmptrsn", c) == NULL) {
		conf_say(CONF_MSG_ERROR, "Invalid queue sort order \"%s\"",
		    val);
		return -1;
	}
	cf->co_queuesortorder = (char)c;
	return 0;
}

int
conf_set_norcpt(struct conf *cf, const struct conf_entry *ce,
    const char *sub, const char *val)
{
	static const char *const names[] = { "none", "add-to",
	    "add-apparently-to", "add-bcc", "add-to-undisclosed", NULL };

	(void)ce;
	(void)sub;
	for (int i = 0; names[i] != NULL; i++) {
		if (strcasecmp(names[i], val) == 0) {
			cf->co_norecipientaction = i;
			return 0;
		}
	}
	conf_say(CONF_MSG_ERROR, "Invalid NoRecipientAction: %s", val);
	return -1;
}

int
conf_set_dpi(struct conf *cf, const struct conf_entry *ce, const char *sub,
    const char *val)
{
	(void)ce;
	(void)sub;
	if (strcasecmp(val, "loopback") == 0)
		cf->co_dontprobeinterfaces = CONF_DPI_SKIPLOOPBACK;
	else if (conf_atobool(val))
		cf->co_dontprobeinterfaces = CONF_DPI_PROBENONE;
	else
		cf->co_dontprobeinterfaces = CONF_DPI_PROBEALL;
	return 0;
}

/* Walk a list of one-letter flags separated by spaces, tabs or commas:
 * only the first letter of each item counts.  LETTERS[i] sets bit 1 << i;
 * another letter is reported (RAW) as sendmail does. */
static unsigned
letter_flags(const char *name, const char *letters, const char *val,
    unsigned bits)
{
	while (val != NULL && *val != '\0') {
		const char *l = strchr(letters, *val);

		if (l != NULL)
			bits |= 1U << (l - letters);
		else if (*val != ' ' && *val != '\t' && *val != ',')
			conf_say(CONF_MSG_RAW,
			    "Warning: Option: %s unknown parameter '%c'", name,
			    isprint((unsigned char)*val) ? *val : '?');
		val = strpbrk(val + 1, ", \t");
		if (val != NULL)
			val++;
	}
	return bits;
}

int
conf_set_authopts(struct conf *cf, const struct conf_entry *ce,
    const char *sub, const char *val)
{
	(void)sub;
	cf->co_authoptions = letter_flags(ce->ce_name, "Aacdfmpy", val,
	    cf->co_authoptions);
	return 0;
}

int
conf_set_tlssrvopts(struct conf *cf, const struct conf_entry *ce,
    const char *sub, const char *val)
{
	(void)sub;
	cf->co_tlssrvoptions = letter_flags(ce->ce_name, "VC", val,
	    cf->co_tlssrvoptions);
	return 0;
}

/* the OpenSSL option names sendmail 8.17 (OpenSSL 3) knows */
static const char *const ssl_names[] = {
	"SSL_OP_ALL", "SSL_OP_ALLOW_NO_DHE_KEX",
	"SSL_OP_ALLOW_UNSAFE_LEGACY_RENEGOTIATION",
	"SSL_OP_CIPHER_SERVER_PREFERENCE", "SSL_OP_CISCO_ANYCONNECT",
	"SSL_OP_COOKIE_EXCHANGE", "SSL_OP_CRYPTOPRO_TLSEXT_BUG",
	"SSL_OP_DONT_INSERT_EMPTY_FRAGMENTS", "SSL_OP_ENABLE_MIDDLEBOX_COMPAT",
	"SSL_OP_EPHEMERAL_RSA", "SSL_OP_LEGACY_SERVER_CONNECT",
	"SSL_OP_MICROSOFT_BIG_SSLV3_BUFFER", "SSL_OP_MICROSOFT_SESS_ID_BUG",
	"SSL_OP_MSIE_SSLV2_RSA_PADDING", "SSL_OP_NETSCAPE_CA_DN_BUG",
	"SSL_OP_NETSCAPE_CHALLENGE_BUG",
	"SSL_OP_NETSCAPE_DEMO_CIPHER_CHANGE_BUG",
	"SSL_OP_NETSCAPE_REUSE_CIPHER_CHANGE_BUG", "SSL_OP_NO_ANTI_REPLAY",
	"SSL_OP_NO_COMPRESSION", "SSL_OP_NO_ENCRYPT_THEN_MAC",
	"SSL_OP_NO_QUERY_MTU", "SSL_OP_NO_RENEGOTIATION",
	"SSL_OP_NO_SESSION_RESUMPTION_ON_RENEGOTIATION", "SSL_OP_NO_SSLv2",
	"SSL_OP_NO_SSLv3", "SSL_OP_NO_TICKET", "SSL_OP_NO_TLSv1",
	"SSL_OP_NO_TLSv1_1", "SSL_OP_NO_TLSv1_2", "SSL_OP_NO_TLSv1_3",
	"SSL_OP_PKCS1_CHECK_1", "SSL_OP_PKCS1_CHECK_2",
	"SSL_OP_PRIORITIZE_CHACHA", "SSL_OP_SINGLE_DH_USE",
	"SSL_OP_SINGLE_ECDH_USE", "SSL_OP_SSLEAY_080_CLIENT_DH_BUG",
	"SSL_OP_SSLREF2_REUSE_CERT_TYPE_BUG", "SSL_OP_TLSEXT_PADDING",
	"SSL_OP_TLS_BLOCK_PADDING_BUG", "SSL_OP_TLS_D5_BUG",
	"SSL_OP_TLS_ROLLBACK_BUG", NULL
};

/* Server/ClientSSLOptions: [+-]name or number; items end at white space
 * or a comma, white space before an item is skipped (so ",x" holds an
 * empty item, which sendmail reports).  The text is kept; the TLS layer
 * computes the mask. */
int
conf_set_ssloptions(struct conf *cf, const struct conf_entry *ce,
    const char *sub, const char *val)
{
	const char *p = val;
	int rc = 0;

	(void)sub;
	for (;;) {
		size_t n;
		int i;

		while (isspace((unsigned char)*p))
			p++;
		if (*p == '\0')
			break;
		if (*p == '+' || *p == '-')
			p++;
		for (n = 0; p[n] != '\0' && p[n] != ',' &&
		    !isspace((unsigned char)p[n]); n++)
			continue;
		for (i = 0; ssl_names[i] != NULL; i++)
			if (strncasecmp(ssl_names[i], p, n) == 0 &&
			    ssl_names[i][n] == '\0')
				break;
		if (!isdigit((unsigned char)*p) && ssl_names[i] == NULL) {
			conf_say(CONF_MSG_ERROR,
			    "readcf: %s option value %.*s unrecognized",
			    ce->ce_name, (int)n, p);
			rc = -1;
		}
		p += n;
		if (*p != '\0')
			p++;
	}
	conf_strset(conf_field(cf, ce), val);
	return rc;
}

/* ---- strings with a twist ------------------------------------------- */

/* DefaultCharSet: line breaks become spaces */
int
conf_set_charset(struct conf *cf, const struct conf_entry *ce,
    const char *sub, const char *val)
{
	(void)ce;
	(void)sub;
	conf_strset(&cf->co_defaultcharset, val);
	for (char *p = cf->co_defaultcharset; *p != '\0'; p++)
		if (*p == '\n' || *p == '\r')
			*p = ' ';
	return 0;
}

/* SafeFileEnvironment: trailing slashes go; empty is ignored; "/" becomes
 * "" (as sendmail 8.17 keeps it): no chroot, but regular files only */
int
conf_set_safefileenv(struct conf *cf, const struct conf_entry *ce,
    const char *sub, const char *val)
{
	size_t n = strlen(val);

	(void)ce;
	(void)sub;
	while (n > 0 && val[n - 1] == '/')
		n--;
	if (n == 0 && val[0] != '/')
		return 0;
	free(cf->co_safefileenvironment);
	cf->co_safefileenvironment = sm_strndup_x(val, n);
	return 0;
}

/* MustQuoteChars: always "@,;:\()[]" plus the value, unless too long */
int
conf_set_mustquote(struct conf *cf, const struct conf_entry *ce,
    const char *sub, const char *val)
{
	char buf[50];

	(void)ce;
	(void)sub;
	(void)snprintf(buf, sizeof buf, "@,;:\\()[]");
	if (strlen(val) < sizeof buf - 10)
		(void)snprintf(buf + 9, sizeof buf - 9, "%s", val);
	else
		conf_say(CONF_MSG_RAW,
		    "Warning: MustQuoteChars too long, ignored.");
	conf_strset(&cf->co_mustquotechars, buf);
	return 0;
}

/* sendmail's munchstring: quotes vanish, \r \n \f \b are escapes, any
 * other backslashed byte is itself */
static char *
munch(const char *p)
{
	char *buf = sm_malloc_x(CONF_MAXLINE), *q = buf;
	bool bs = false, quoted = false;

	for (; *p != '\0' && q < buf + CONF_MAXLINE - 1; p++) {
		if (bs) {
			bs = false;
			*q++ = *p == 'r' ? '\r' : *p == 'n' ? '\n' :
			    *p == 'f' ? '\f' : *p == 'b' ? '\b' : *p;
		} else if (*p == '\\')
			bs = true;
		else if (*p == '"')
			quoted = !quoted;
		else
			*q++ = *p;
	}
	*q = '\0';
	return buf;
}

int
conf_set_munch(struct conf *cf, const struct conf_entry *ce,
    const char *sub, const char *val)
{
	char *m = munch(val);

	(void)sub;
	conf_strset(conf_field(cf, ce), m);
	free(m);
	return 0;
}

int
conf_set_opchars(struct conf *cf, const struct conf_entry *ce,
    const char *sub, const char *val)
{
	if (cf->co_operatorchars != NULL)
		conf_say(CONF_MSG_RAW, "Warning: OperatorChars is being "
		    "redefined.\n         It should only be set before "
		    "ruleset definitions.");
	return conf_set_munch(cf, ce, sub, val);
}

/* UnsafeGroupWrites=false: group-writable .forward and :include: files
 * are safe */
int
conf_set_ugw(struct conf *cf, const struct conf_entry *ce, const char *sub,
    const char *val)
{
	(void)ce;
	(void)sub;
	cf->co_unsafegroupwrites = conf_atobool(val);
	if (!cf->co_unsafegroupwrites)
		cf->co_dontblamesendmail |=
		    CONF_DBS_BIT(CONF_DBS_GROUPWRITABLEFORWARDFILESAFE) |
		    CONF_DBS_BIT(CONF_DBS_GROUPWRITABLEINCLUDEFILESAFE);
	return 0;
}

/* ConnectOnlyTo: an IPv6 address, or IPv4 as inet_addr reads it */
int
conf_set_conntoonly(struct conf *cf, const struct conf_entry *ce,
    const char *sub, const char *val)
{
	struct in6_addr a6;
	struct in_addr a4;
	const char *v6 = strncasecmp(val, "IPv6:", 5) == 0 ? val + 5 : val;

	(void)ce;
	(void)sub;
	if (inet_pton(AF_INET6, v6, &a6) != 1 &&
	    (inet_aton(val, &a4) == 0 || a4.s_addr == INADDR_NONE)) {
		conf_say(CONF_MSG_ERROR,
		    "readcf: option ConnectOnlyTo: invalid IP address %s", val);
		return -1;
	}
	conf_strset(&cf->co_connectonlyto, val);
	return 0;
}

/* MaxMimeHeaderLength N[/M]: M defaults to N/2; kept as written (sendmail
 * adds one to each internally) */
int
conf_set_maxmime(struct conf *cf, const struct conf_entry *ce,
    const char *sub, const char *val)
{
	const char *slash = strchr(val, '/');
	int n = conf_atoi(val), m;

	(void)ce;
	(void)sub;
	m = slash != NULL && slash[1] != '\0' ? conf_atoi(slash + 1) : n / 2;
	if (n <= 0)
		n = 0;
	else if (n < 128)
		conf_say(CONF_MSG_RAW, "Warning: MaxMimeHeaderLength: header "
		    "length limit set lower than 128");
	if (m <= 0)
		m = 0;
	else if (m < 40)
		conf_say(CONF_MSG_RAW, "Warning: MaxMimeHeaderLength: field "
		    "length limit set lower than 40");
	cf->co_maxmimeheaderlength = n;
	cf->co_maxmimeheaderlength_field = m;
	return 0;
}

int
conf_set_maxhdrs(struct conf *cf, const struct conf_entry *ce,
    const char *sub, const char *val)
{
	(void)ce;
	(void)sub;
	cf->co_maxheaderslength = conf_atoi(val);
	if (cf->co_maxheaderslength > 0 &&
	    cf->co_maxheaderslength < CONF_MAXHDRSLEN / 2)
		conf_say(CONF_MSG_RAW, "Warning: MaxHeadersLength: headers "
		    "length limit set lower than %d", CONF_MAXHDRSLEN / 2);
	return 0;
}

/* SmtpUTF8: this sendmail is built without EAI support */
int
conf_set_eai(struct conf *cf, const struct conf_entry *ce, const char *sub,
    const char *val)
{
	(void)sub;
	cf->co_smtputf8 = conf_atobool(val);
	if (!cf->co_smtputf8) {
		conf_say(CONF_MSG_RAW, "Warning: Option: %s requires USE_EAI "
		    "support", ce->ce_name);
		return 0;
	}
	conf_say(CONF_MSG_ERROR, "readcf: option: %s set but no USE_EAI "
	    "support", ce->ce_name);
	return -1;
}

/* ---- printing ------------------------------------------------------- */

static void
print_words(FILE *fp, const struct conf_word *w, unsigned long bits,
    const char *none)
{
	const char *sep = "";

	for (; w->w_name != NULL; w++) {
		if (w->w_bits == 0 || w->w_bits == CONF_PRIV_GOAWAY ||
		    (bits & w->w_bits) != w->w_bits)
			continue;
		fprintf(fp, "%s%s", sep, w->w_name);
		sep = ",";
	}
	if (*sep == '\0')
		fputs(none, fp);
}

static void
print_letters(FILE *fp, const char *letters, unsigned bits)
{
	const char *sep = "";

	for (int i = 0; letters[i] != '\0'; i++)
		if (bits & (1U << i)) {
			fprintf(fp, "%s%c", sep, letters[i]);
			sep = ",";
		}
}

static void
print_timeouts(FILE *fp, const struct conf *cf)
{
	for (const struct to_row *to = to_table; to->to_name != NULL; to++) {
		if (to->to_off == CONF_NOFF)
			continue;
		fprintf(fp, "Timeout.%s=", to->to_name);
		if (to->to_kind == TO_RETRY)
			fprintf(fp, "%d",
			    *(const int *)((const char *)cf + to->to_off));
		else
			conf_print_time(fp,
			    *(const time_t *)((const char *)cf + to->to_off));
		fputc('\n', fp);
	}
}

static void
print_milter(FILE *fp, const struct conf *cf)
{
	for (int i = 0; milter_table[i].mo_name != NULL; i++) {
		const char *v;

		if (milter_table[i].mo_off == CONF_NOFF) {
			fprintf(fp, "Milter.LogLevel=%d\n",
			    cf->co_milter_loglevel);
			continue;
		}
		v = *(char *const *)((const char *)cf + milter_table[i].mo_off);
		fprintf(fp, "Milter.%s=%s\n", milter_table[i].mo_name,
		    v != NULL ? v : "");
	}
}

static const char *
sortorder_name(char c)
{
	static const char *const names[] = { "filename", "host",
	    "modification", "priority", "time", "random", "shuffle", "none" };
	const char *p = strchr("fhmptrsn", c);

	return p != NULL && c != '\0' ? names[p - "fhmptrsn"] : "";
}

/* the value of a SPECIAL option that is printed as one word or number */
static void
print_special(FILE *fp, const struct conf *cf, const struct conf_entry *ce)
{
	static const char *const safe[] = { "False", "True", "Interactive",
	    "PostMilter" };
	static const char *const nra[] = { "none", "add-to",
	    "add-apparently-to", "add-bcc", "add-to-undisclosed" };
	static const char *const dpi[] = { "False", "True", "loopback" };
	size_t off = ce->ce_off;

	if (off == CONF_F(co_supersafe))
		fputs(safe[cf->co_supersafe & 3], fp);
	else if (off == CONF_F(co_norecipientaction))
		fputs(nra[cf->co_norecipientaction % 5], fp);
	else if (off == CONF_F(co_dontprobeinterfaces))
		fputs(dpi[cf->co_dontprobeinterfaces % 3], fp);
	else if (off == CONF_F(co_queuesortorder))
		fputs(sortorder_name(cf->co_queuesortorder), fp);
	else if (off == CONF_F(co_defaultuser))
		fprintf(fp, "%ld:%ld", (long)cf->co_defaultuser_uid,
		    (long)cf->co_defaultuser_gid);
	else if (off == CONF_F(co_runasuser))
		fprintf(fp, "%ld:%ld", (long)cf->co_runasuser_uid,
		    (long)cf->co_runasuser_gid);
	else if (off == CONF_F(co_trusteduser))
		fprintf(fp, "%ld", (long)cf->co_trusteduser_uid);
	else if (off == CONF_F(co_maxmimeheaderlength))
		fprintf(fp, "%d/%d", cf->co_maxmimeheaderlength,
		    cf->co_maxmimeheaderlength_field);
	else if (off != CONF_NOFF && ce->ce_type == CONF_T_SPECIAL)
		fputc(*((const char *)cf + off), fp);	/* the mode letters */
}

static void
print_flags(FILE *fp, const struct conf *cf, const struct conf_entry *ce)
{
	size_t off = ce->ce_off;

	if (off == CONF_F(co_privacyoptions))
		print_words(fp, privacy_words, cf->co_privacyoptions,
		    "public");
	else if (off == CONF_F(co_resolveroptions)) {
		print_words(fp, resolver_words, cf->co_resolveroptions,
		    "");
		if (cf->co_resolveroptions_haswildcardmx)
			fputs(" HasWildcardMX", fp);
		if (cf->co_resolveroptions_workaroundbrokenaaaa)
			fputs(" WorkAroundBrokenAAAA", fp);
	} else if (off == CONF_F(co_dontblamesendmail)) {
		const char *sep = "";

		for (int i = 1; dbs_names[i] != NULL; i++)
			if (cf->co_dontblamesendmail & CONF_DBS_BIT(i)) {
				fprintf(fp, "%s%s", sep, dbs_names[i]);
				sep = ",";
			}
		if (*sep == '\0')
			fputs("safe", fp);
	} else if (off == CONF_F(co_authoptions))
		print_letters(fp, "Aacdfmpy", cf->co_authoptions);
	else if (off == CONF_F(co_tlssrvoptions))
		print_letters(fp, "VC", cf->co_tlssrvoptions);
}

void
conf_set_print(FILE *fp, const struct conf *cf, const struct conf_entry *ce)
{
	if (ce->ce_set == conf_set_timeout) {
		print_timeouts(fp, cf);
		return;
	}
	if (ce->ce_set == conf_set_milter) {
		print_milter(fp, cf);
		return;
	}
	if (ce->ce_set == conf_set_queuetimeout || ce->ce_name[0] == '\0')
		return;		/* an alias of Timeout.queuereturn; g; M */
	fprintf(fp, "%s=", ce->ce_name);
	if (ce->ce_type == CONF_T_FLAGS)
		print_flags(fp, cf, ce);
	else
		print_special(fp, cf, ce);
	fputc('\n', fp);
}
