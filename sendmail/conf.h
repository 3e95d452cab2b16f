/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * conf.h -- sendmail's options: one typed table (conf.c) that serves the
 * cf's O lines, the command line's -O Name=value and -oXvalue, -bP style
 * printing and -d dumps.  Values live in struct conf.
 *
 * Field names.  Every option Name has a field named co_ + Name in lower
 * case: O MaxMessageSize -> co_maxmessagesize, O ServiceSwitchFile ->
 * co_serviceswitchfile, O OperatorChars -> co_operatorchars.  An option
 * whose value has parts gets one field per part, co_<name>_<part>
 * (co_defaultuser_uid, co_defaultuser_gid, co_runasuser_uid,
 * co_maxmimeheaderlength_field, co_resolveroptions_haswildcardmx).
 * Sub-options follow the same rule with dots and dashes removed from the
 * words: Timeout.command -> co_timeout_command,
 * Timeout.queuereturn.non-urgent -> co_timeout_queuereturn_nonurgent,
 * Milter.macros.connect -> co_milter_macros_connect.  Fields that are not
 * options start with cf_.
 *
 * Value types as sendmail 8.17 reads them (the table in conf.c says which
 * option has which):
 *   bool    true when the value is empty or starts with t T y Y (so "yes"
 *           is true and "on", "1" are false)
 *   int     atoi: leading white space, sign, digits; junk ends the number
 *           silently ("abc" is 0)
 *   long    atol, likewise
 *   time    seconds (time_t); the text is a sequence of NUMBER[UNIT] with
 *           units s m h d w; a number without a unit takes the option's
 *           default unit (minutes for most, see the table); a bad unit
 *           prints "Invalid time unit `c'" and counts as the default unit
 *   string  malloc'd copy, NULL when unset
 *   char    the first byte
 *   mode    octal, masked with 0777
 *   list    each setting appends (DaemonPortOptions, ClientPortOptions;
 *           AliasFile appends each comma-separated spec)
 *   flags   words or letters that set bits (PrivacyOptions,
 *           DontBlameSendmail, ResolverOptions, AuthOptions, TLSSrvOptions)
 *
 * Messages.  sendmail reports option problems in four ways; conf_option
 * passes each message to the message hook with its kind, in order:
 *   CONF_MSG_RAW    printed as is, no "file: line N: " prefix, exit status
 *                   untouched (e.g. "Warning: MustQuoteChars too long,
 *                   ignored.")
 *   CONF_MSG_NOTE   prefixed with "FILE: line N: " while reading a cf (no
 *                   prefix on the command line), exit status untouched
 *                   ("Invalid time unit `x'", "Option Log used as
 *                   abbreviation for LogLevel")
 *   CONF_MSG_ERROR  prefixed likewise; the run's exit status becomes 70
 *                   (EX_SOFTWARE) -- sendmail's syserr
 *   CONF_MSG_FATAL  prefixed likewise; sendmail exits at once with
 *                   cf_fatal (EX_USAGE: "Unknown delivery mode x")
 * Reading always goes on after RAW, NOTE and ERROR.
 *
 * Sticky options.  A setting from the command line (fromcmdline != 0) wins
 * over later cf lines: they are ignored silently (per sub-option for
 * Timeout.*).  PrivacyOptions and DontBlameSendmail accumulate instead,
 * and M (macro) is never sticky.
 *
 * Runs in every sendmail process at start, before privileges are dropped;
 * no I/O except getpwnam/getgrnam for user and group options and the
 * hooks.
 */
#ifndef TERN_CONF_H
#define TERN_CONF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>
#include <time.h>

/* Message kinds (see above). */
enum conf_msg {
	CONF_MSG_RAW,
	CONF_MSG_NOTE,
	CONF_MSG_ERROR,
	CONF_MSG_FATAL
};

/* What conf needs from the core; every member may be NULL. */
struct conf_hooks {
	/* report one message (no trailing newline) */
	void	(*ch_message)(void *ctx, enum conf_msg kind, const char *text);
	/* define macro NAME ("x" or "{name}") to VALUE: the M option
	 * (OMxvalue, -oMxvalue, -MxValue); conf has already checked the
	 * name as sendmail's macid_parse does and reported its errors
	 * ("Name required for macro/class" ...) */
	void	(*ch_define)(void *ctx, const char *name, const char *value);
	/* macro-expand TEXT (TLS file options are expanded when set);
	 * returns a malloc'd string, or NULL to keep TEXT as is */
	char	*(*ch_expand)(void *ctx, const char *text);
	void	*ch_ctx;
};

/* A list option: every setting appends one value. */
struct conf_list {
	char	**cl_v;			/* cl_n strings, then NULL */
	int	cl_n;
};

/* PrivacyOptions bits (sendmail's values; goaway sets every bit of its
 * mask, public none) */
#define CONF_PRIV_PUBLIC		0x00000000UL
#define CONF_PRIV_NEEDMAILHELO		0x00000001UL
#define CONF_PRIV_NEEDEXPNHELO		0x00000002UL
#define CONF_PRIV_NEEDVRFYHELO		0x00000004UL
#define CONF_PRIV_NOEXPN		0x00000008UL
#define CONF_PRIV_NOVRFY		0x00000010UL
#define CONF_PRIV_AUTHWARNINGS		0x00000020UL
#define CONF_PRIV_NOVERB		0x00000040UL
#define CONF_PRIV_RESTRICTMAILQ		0x00010000UL
#define CONF_PRIV_RESTRICTQRUN		0x00020000UL
#define CONF_PRIV_RESTRICTEXPAND	0x00040000UL
#define CONF_PRIV_NOETRN		0x00080000UL
#define CONF_PRIV_NOBODYRETURN		0x00100000UL
#define CONF_PRIV_NORECEIPTS		0x00200000UL
#define CONF_PRIV_NOACTUALRECIPIENT	0x00400000UL
#define CONF_PRIV_GOAWAY		0x0080ffffUL

/* DontBlameSendmail: bit (1 << CONF_DBS_x) of co_dontblamesendmail;
 * "safe" clears them all. */
enum conf_dbs {
	CONF_DBS_ASSUMESAFECHOWN = 1,
	CONF_DBS_GROUPWRITABLEDIRPATHSAFE,
	CONF_DBS_GROUPWRITABLEFORWARDFILESAFE,
	CONF_DBS_GROUPWRITABLEINCLUDEFILESAFE,
	CONF_DBS_GROUPWRITABLEALIASFILE,
	CONF_DBS_WORLDWRITABLEALIASFILE,
	CONF_DBS_FORWARDFILEINUNSAFEDIRPATH,
	CONF_DBS_MAPINUNSAFEDIRPATH,
	CONF_DBS_LINKEDALIASFILEINWRITABLEDIR,
	CONF_DBS_LINKEDCLASSFILEINWRITABLEDIR,
	CONF_DBS_LINKEDFORWARDFILEINWRITABLEDIR,
	CONF_DBS_LINKEDINCLUDEFILEINWRITABLEDIR,
	CONF_DBS_LINKEDMAPINWRITABLEDIR,
	CONF_DBS_LINKEDSERVICESWITCHFILEINWRITABLEDIR,
	CONF_DBS_FILEDELIVERYTOHARDLINK,
	CONF_DBS_FILEDELIVERYTOSYMLINK,
	CONF_DBS_WRITEMAPTOHARDLINK,
	CONF_DBS_WRITEMAPTOSYMLINK,
	CONF_DBS_WRITESTATSTOHARDLINK,
	CONF_DBS_WRITESTATSTOSYMLINK,
	CONF_DBS_FORWARDFILEINGROUPWRITABLEDIRPATH,
	CONF_DBS_INCLUDEFILEINGROUPWRITABLEDIRPATH,
	CONF_DBS_CLASSFILEINUNSAFEDIRPATH,
	CONF_DBS_ERRORHEADERINUNSAFEDIRPATH,
	CONF_DBS_HELPFILEINUNSAFEDIRPATH,
	CONF_DBS_FORWARDFILEINUNSAFEDIRPATHSAFE,
	CONF_DBS_INCLUDEFILEINUNSAFEDIRPATHSAFE,
	CONF_DBS_RUNPROGRAMINUNSAFEDIRPATH,
	CONF_DBS_RUNWRITABLEPROGRAM,
	CONF_DBS_INCLUDEFILEINUNSAFEDIRPATH,
	CONF_DBS_NONROOTSAFEADDR,
	CONF_DBS_TRUSTSTICKYBIT,
	CONF_DBS_DONTWARNFORWARDFILEINUNSAFEDIRPATH,
	CONF_DBS_INSUFFICIENTENTROPY,
	CONF_DBS_GROUPREADABLESASLDBFILE,
	CONF_DBS_GROUPWRITABLESASLDBFILE,
	CONF_DBS_GROUPWRITABLEFORWARDFILE,
	CONF_DBS_GROUPWRITABLEINCLUDEFILE,
	CONF_DBS_WORLDWRITABLEFORWARDFILE,
	CONF_DBS_WORLDWRITABLEINCLUDEFILE,
	CONF_DBS_GROUPREADABLEKEYFILE,
	CONF_DBS_GROUPREADABLEDEFAULTAUTHINFOFILE
};
#define CONF_DBS_BIT(n)		(UINT64_C(1) << (n))

/* ResolverOptions bits (the resolver's RES_ values) */
#define CONF_RES_DEBUG		0x00000002UL
#define CONF_RES_AAONLY		0x00000004UL
#define CONF_RES_USEVC		0x00000008UL
#define CONF_RES_PRIMARY	0x00000010UL
#define CONF_RES_IGNTC		0x00000020UL
#define CONF_RES_RECURSE	0x00000040UL
#define CONF_RES_DEFNAMES	0x00000080UL
#define CONF_RES_STAYOPEN	0x00000100UL
#define CONF_RES_DNSRCH		0x00000200UL
#define CONF_RES_USE_EDNS0	0x00100000UL
#define CONF_RES_USE_DNSSEC	0x00800000UL
#define CONF_RES_TRUSTAD	0x80000000UL

/* AuthOptions letters -> bits */
#define CONF_AUTH_A		0x0001	/* A: AUTH= only when authenticated */
#define CONF_AUTH_NOACTIVE	0x0002	/* a */
#define CONF_AUTH_PASSCRED	0x0004	/* c */
#define CONF_AUTH_NODICT	0x0008	/* d */
#define CONF_AUTH_FWDSECRECY	0x0010	/* f */
#define CONF_AUTH_MUTUAL	0x0020	/* m */
#define CONF_AUTH_NOPLAIN	0x0040	/* p */
#define CONF_AUTH_NOANON	0x0080	/* y */

/* TLSSrvOptions letters -> bits */
#define CONF_TLSSRV_NOVERIFY	0x0001	/* V: don't ask for a client cert */
#define CONF_TLSSRV_NOCERT	0x0002	/* C: server needs no cert */

/* SuperSafe */
enum conf_supersafe {
	CONF_SAFE_NO, CONF_SAFE_REALLY, CONF_SAFE_INTERACTIVE,
	CONF_SAFE_POSTMILTER
};
/* NoRecipientAction */
enum conf_nra {
	CONF_NRA_NONE, CONF_NRA_ADD_TO, CONF_NRA_ADD_APPARENTLY_TO,
	CONF_NRA_ADD_BCC, CONF_NRA_ADD_TO_UNDISCLOSED
};
/* DontProbeInterfaces */
enum conf_dpi {
	CONF_DPI_PROBEALL, CONF_DPI_PROBENONE, CONF_DPI_SKIPLOOPBACK
};

struct conf {
	/* ---- options, in the order of sendmail's table ---- */
	bool	co_sevenbitinput;		/* 7 */
	char	co_eightbitmode;		/* 8: 'm' 'p' 's' */
	struct conf_list co_aliasfile;		/* A */
	time_t	co_aliaswait;			/* a (unit m) */
	char	co_blanksub;			/* B */
	long	co_minfreeblocks;		/* b: N[/MaxMessageSize] */
	int	co_checkpointinterval;		/* C */
	bool	co_holdexpensive;		/* c */
	char	co_deliverymode;		/* d: 'i' 'b' 'q' 'd' */
	char	*co_errorheader;		/* E */
	char	co_errormode;			/* e: 'p' 'q' 'm' 'w' 'e' */
	mode_t	co_tempfilemode;		/* F */
	bool	co_savefromline;		/* f */
	bool	co_matchgecos;			/* G */
	/* g (default gid) sets co_defaultuser_gid */
	char	*co_helpfile;			/* H */
	int	co_maxhopcount;			/* h */
	unsigned long co_resolveroptions;	/* I: CONF_RES_ bits */
	bool	co_resolveroptions_haswildcardmx;
	bool	co_resolveroptions_workaroundbrokenaaaa;
	bool	co_ignoredots;			/* i */
	char	*co_forwardpath;		/* J */
	bool	co_sendmimeerrors;		/* j */
	int	co_connectioncachesize;		/* k */
	time_t	co_connectioncachetimeout;	/* K (unit m) */
	bool	co_useerrorsto;			/* l */
	int	co_loglevel;			/* L */
	/* M defines a macro through ch_define */
	bool	co_metoo;			/* m */
	bool	co_checkaliases;		/* n */
	bool	co_oldstyleheaders;		/* o */
	struct conf_list co_daemonportoptions;	/* O */
	unsigned long co_privacyoptions;	/* p: CONF_PRIV_ bits */
	char	*co_postmastercopy;		/* P */
	long	co_queuefactor;			/* q */
	char	*co_queuedirectory;		/* Q */
	bool	co_dontpruneroutes;		/* R */
	/* r: Timeout.* below */
	char	*co_statusfile;			/* S */
	int	co_supersafe;			/* s: enum conf_supersafe */
	/* T (QueueTimeout) sets co_timeout_queuereturn_* [/queuewarn_*] */
	char	*co_timezonespec;		/* t */
	char	*co_userdatabasespec;		/* U */
	char	*co_defaultuser;		/* u: user name */
	uid_t	co_defaultuser_uid;
	gid_t	co_defaultuser_gid;
	char	*co_fallbackmxhost;		/* V */
	int	co_verbose;			/* v */
	bool	co_trynullmxlist;		/* w */
	int	co_queuela;			/* x */
	int	co_refusela;			/* X */
	long	co_recipientfactor;		/* y */
	bool	co_forkeachjob;			/* Y */
	long	co_classfactor;			/* z */
	long	co_retryfactor;			/* Z */
	char	co_queuesortorder;		/* p h f m t r s n */
	char	*co_hostsfile;
	time_t	co_minqueueage;			/* unit m */
	char	*co_defaultcharset;
	char	*co_serviceswitchfile;
	time_t	co_dialdelay;			/* unit s */
	int	co_norecipientaction;		/* enum conf_nra */
	char	*co_safefileenvironment;
	long	co_maxmessagesize;
	bool	co_colonokinaddr;
	int	co_maxqueuerunsize;
	int	co_maxdaemonchildren;
	bool	co_dontexpandcnames;
	char	*co_mustquotechars;		/* "@,;:\()[]" + the value */
	char	*co_smtpgreetingmessage;
	char	*co_unixfromline;
	char	*co_operatorchars;
	bool	co_dontinitgroups;
	bool	co_singlelinefromheader;
	bool	co_allowbogushelo;
	int	co_connectionratethrottle;
	bool	co_unsafegroupwrites;		/* deprecated: false sets two
						   DontBlameSendmail bits */
	char	*co_doublebounceaddress;
	char	*co_hoststatusdirectory;
	bool	co_singlethreaddelivery;
	char	*co_runasuser;			/* user name, if named */
	uid_t	co_runasuser_uid;
	gid_t	co_runasuser_gid;
	bool	co_rrtimpliesdsn;
	char	*co_pidfile;
	uint64_t co_dontblamesendmail;		/* CONF_DBS_BIT(CONF_DBS_x) */
	int	co_dontprobeinterfaces;		/* enum conf_dpi */
	int	co_maxrecipientspermessage;
	char	*co_deadletterdrop;
	int	co_maxaliasrecursion;
	char	*co_connectonlyto;		/* a valid IPv4/IPv6 address */
	char	*co_trusteduser;
	uid_t	co_trusteduser_uid;
	int	co_maxmimeheaderlength;		/* N of N[/M]; 0: no limit */
	int	co_maxmimeheaderlength_field;	/* M (default N/2) */
	char	*co_controlsocketname;
	int	co_maxheaderslength;
	char	*co_processtitleprefix;
	char	*co_defaultauthinfo;
	char	*co_authmechanisms;
	struct conf_list co_clientportoptions;
	int	co_datafilebuffersize;
	int	co_xscriptfilebuffersize;
	char	*co_ldapdefaultspec;
	char	*co_servercertfile;
	char	*co_serverkeyfile;
	char	*co_clientcertfile;
	char	*co_clientkeyfile;
	char	*co_cacertfile;
	char	*co_cacertpath;
	char	*co_dhparameters;
	char	*co_inputmailfilters;
	/* Milter.* */
	int	co_milter_loglevel;		/* -1: same as LogLevel */
	char	*co_milter_macros_connect;
	char	*co_milter_macros_helo;
	char	*co_milter_macros_envfrom;
	char	*co_milter_macros_envrcpt;
	char	*co_milter_macros_data;
	char	*co_milter_macros_eom;
	char	*co_milter_macros_eoh;
	unsigned co_authoptions;		/* CONF_AUTH_ bits */
	mode_t	co_queuefilemode;
	char	*co_certfingerprintalgorithm;
	char	*co_cipherlist;
	char	*co_randfile;
	unsigned co_tlssrvoptions;		/* CONF_TLSSRV_ bits */
	int	co_badrcptthrottle;
	time_t	co_deliverbymin;		/* unit s; may be negative */
	int	co_maxqueuechildren;
	int	co_maxrunnersperqueue;
	char	*co_directsubmissionmodifiers;
	int	co_nicequeuerun;
	long	co_sharedmemorykey;
	int	co_authmaxbits;
	char	*co_mailboxdatabase;
	bool	co_usemsp;
	int	co_delayla;
	int	co_fastsplit;
	bool	co_softbounce;
	char	*co_sharedmemorykeyfile;
	time_t	co_rejectloginterval;		/* unit h */
	bool	co_requiresdirfsync;
	time_t	co_connectionratewindowsize;	/* unit s */
	char	*co_crlfile;
	char	*co_fallbacksmarthost;
	char	*co_authrealm;
	char	*co_crlpath;
	char	*co_heloname;
	int	co_maxnoopcommands;
	int	co_badrcptshutdown;
	int	co_badrcptshutdowngood;
	char	*co_serverssloptions;		/* as written; TLS parses it */
	char	*co_clientssloptions;
	time_t	co_maxqueueage;			/* unit m */
	bool	co_rejectnul;
	bool	co_usecompressedipv6addresses;
	char	*co_sslengine;
	char	*co_sslenginepath;
	bool	co_tlsfallbacktoclear;
	bool	co_setcertaltnames;
	bool	co_smtputf8;
	bool	co_stricttransportsecurity;
	char	*co_ciphersuites;
	char	*co_mailboxdirectory;		/* Tern: built-in local mailer */

	/* Timeout.* (r); all in seconds; unit m unless noted */
	time_t	co_timeout_initial;
	time_t	co_timeout_mail;
	time_t	co_timeout_rcpt;
	time_t	co_timeout_datainit;
	time_t	co_timeout_datablock;
	time_t	co_timeout_datafinal;
	time_t	co_timeout_command;
	time_t	co_timeout_rset;
	time_t	co_timeout_helo;
	time_t	co_timeout_quit;
	time_t	co_timeout_misc;
	time_t	co_timeout_ident;
	time_t	co_timeout_fileopen;
	time_t	co_timeout_connect;
	time_t	co_timeout_iconnect;
	time_t	co_timeout_aconnect;
	time_t	co_timeout_queuewarn_normal;	/* unit h */
	time_t	co_timeout_queuewarn_urgent;
	time_t	co_timeout_queuewarn_nonurgent;
	time_t	co_timeout_queuewarn_dsn;
	time_t	co_timeout_queuereturn_normal;	/* unit d */
	time_t	co_timeout_queuereturn_urgent;
	time_t	co_timeout_queuereturn_nonurgent;
	time_t	co_timeout_queuereturn_dsn;
	time_t	co_timeout_hoststatus;
	time_t	co_timeout_resolver_retrans;	/* unit s; -1: resolver's */
	time_t	co_timeout_resolver_retrans_first;
	time_t	co_timeout_resolver_retrans_normal;
	int	co_timeout_resolver_retry;	/* a count; -1: resolver's */
	int	co_timeout_resolver_retry_first;
	int	co_timeout_resolver_retry_normal;
	time_t	co_timeout_control;
	time_t	co_timeout_lhlo;
	time_t	co_timeout_auth;
	time_t	co_timeout_starttls;

	/* ---- not options ---- */
	struct conf_hooks cf_hooks;
	bool	cf_rootuser;		/* real uid 0: command-line options
					   count as safe (set by conf_init) */
	bool	cf_unsafe;		/* an unsafe option came from the
					   command line: drop privileges */
	int	cf_fatal;		/* sysexits code after CONF_MSG_FATAL */
	unsigned char cf_sticky[256 / 8];	/* option codes set by -o/-O */
	unsigned char cf_sticky_timeout[64 / 8];
	char	cf_err[512];		/* text of the first error (errp) */
};

/* Option value types (struct conf_entry.ce_type). */
enum conf_type {
	CONF_T_BOOL, CONF_T_INT, CONF_T_LONG, CONF_T_TIME, CONF_T_STR,
	CONF_T_CHAR, CONF_T_MODE, CONF_T_LIST, CONF_T_FLAGS, CONF_T_SPECIAL
};

/* Entry flags. */
#define CONF_F_SAFE	0x01	/* may come from the command line without
				   dropping privileges */
#define CONF_F_SUBOPT	0x02	/* Name.sub=value (Timeout, Milter) */
#define CONF_F_IGNORED	0x04	/* accepted, kept, used by nothing */
#define CONF_F_DEPRECATED 0x08	/* documented as deprecated */
#define CONF_F_TERN	0x10	/* Tern's own option: sendmail 8.17 has none */

struct conf_entry;
typedef int conf_setter(struct conf *cf, const struct conf_entry *ce,
    const char *sub, const char *val);

/* One row of the option table. */
struct conf_entry {
	const char	*ce_name;	/* long name; "" for M and g */
	int		ce_letter;	/* legacy one-letter name, or 0 */
	int		ce_code;	/* sendmail's option code (letter or
					   0x81..), used for stickiness */
	unsigned	ce_flags;	/* CONF_F_ */
	enum conf_type	ce_type;
	char		ce_unit;	/* time: default unit s m h d w */
	size_t		ce_off;		/* offsetof(struct conf, co_...) or
					   (size_t)-1 */
	const char	*ce_default;	/* default as option text, or NULL */
	conf_setter	*ce_set;
	const char	*ce_doc;	/* one line */
};

/*
 * conf_init -- CF gets sendmail 8.17's defaults (as setdefaults() leaves
 * them: LogLevel 9, MaxHopCount 25, QueueLA 8 x CPUs, Timeout.* ...).
 * Hooks are cleared; set cf->cf_hooks afterwards.
 */
void	conf_init(struct conf *cf);

/* conf_free -- release every string and list of CF. */
void	conf_free(struct conf *cf);

/*
 * conf_option -- apply one option setting.
 * TEXT is what follows the O of an O line or -o of the command line:
 * " Name=value" (a space, then a long name) or "Xvalue" (a legacy letter);
 * for -O Name=value pass " " followed by the argument.  FROMCMDLINE makes
 * the setting sticky and unsafe unless cf_rootuser.
 * The long name runs to the first '='; spaces before the '=' and after it
 * are dropped; names are case-insensitive and may be abbreviated to a
 * unique prefix (a NOTE says so).  Name.sub passes "sub" to options that
 * take sub-options (Timeout, Milter) and is ignored by the others.
 * Returns 0 (warnings may have gone to the message hook), or -1 when
 * sendmail would count an error (exit status 70) or stop (cf_fatal set):
 * *errp is then the first such message, exactly as sendmail words it
 * ("readcf: unknown option name FooBar").  Every message of any kind also
 * goes to cf_hooks.ch_message when set.
 */
int	conf_option(struct conf *cf, const char *text, int fromcmdline,
	    const char **errp);

/*
 * conf_finish -- the checks sendmail makes once the cf is read (call it
 * after the last O line and the command line): HostStatusDirectory needs
 * ConnectionCacheSize > 0, SingleThreadDelivery needs
 * HostStatusDirectory; each is switched off with a RAW warning.
 */
void	conf_finish(struct conf *cf);

/* conf_option_long -- conf_option for -O's argument NAMEVAL
 * ("LogLevel=9", no leading space) */
int	conf_option_long(struct conf *cf, const char *nameval, int fromcmdline,
	    const char **errp);

/* conf_lookup -- the table row of long NAME (exact, case-insensitive) or,
 * when NAME is one character, of that legacy letter; NULL if none. */
const struct conf_entry *conf_lookup(const char *name);

/* conf_table -- the whole table (terminated by a row with NULL name). */
const struct conf_entry *conf_table(void);

/*
 * conf_print -- print option NAME (or every option when NAME is NULL) of
 * CF to FP, one "Name=value" line each in table order (times as 1d2h3m4s,
 * flags as their words, unset strings as empty).  Returns 0, or -1 when
 * NAME is unknown.
 */
int	conf_print(FILE *fp, const struct conf *cf, const char *name);

/*
 * conf_convtime -- sendmail's convtime: TEXT as NUMBER[UNIT]... with
 * default unit UNIT ('s' 'm' 'h' 'd' 'w'); "now" (any case) is
 * CONF_TIME_NOW; a leading '-' negates.  A bad unit letter
 * adds "Invalid time unit `c'" (one line each) to the NOTE buffer NOTE
 * (may be NULL; NSIZE bytes) and counts as UNIT.
 */
#define CONF_TIME_NOW	((time_t)-1)	/* "now" (the same as "-1s"): e.g.
					   return queued mail at once */
time_t	conf_convtime(const char *text, char unit, char *note, size_t nsize);

#endif
