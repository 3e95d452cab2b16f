/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * conf.c -- the option table and its setters (see conf.h for the rules:
 * field names, value types, message kinds, stickiness).
 *
 * Public: conf_init, conf_free, conf_option, conf_option_long, conf_finish,
 * conf_lookup, conf_table, conf_print, conf_convtime.
 *
 * One row per option in the order of sendmail 8.17's own table: that order
 * decides which option an abbreviation means and which two an ambiguous
 * one names ("O M=4" -> "matches MinFreeBlocks and MatchGECOS").  Rows
 * with a default are set through their own setter by conf_init, so the
 * default text is also what -bP and the documentation show.
 *
 * Runs at start in every sendmail process, as the invoking user or root.
 */
#include "sendmail/conf_int.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <grp.h>
#include <limits.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "libsm/err.h"

#define NOFF	CONF_NOFF
#define F(f)	CONF_F(f)

static conf_setter set_bool, set_int, set_long, set_time, set_str,
    set_strnz, set_char, set_mode, set_list, set_strnull, set_expand;

/* Rows: name, letter, code, flags, type, unit, field, default, setter,
 * one line of documentation. */
#define R(n, l, c, fl, t, u, f, d, s, doc) \
	{ n, l, c, fl, CONF_T_##t, u, F(f), d, s, doc }
#define RN(n, l, c, fl, t, s, doc) \
	{ n, l, c, fl, CONF_T_##t, 0, NOFF, NULL, s, doc }
#define SAFE	CONF_F_SAFE
#define SUB	CONF_F_SUBOPT

static const struct conf_entry table[] = {
R("SevenBitInput", '7', '7', SAFE, BOOL, 0, co_sevenbitinput, "F", set_bool,
    "strip input to seven bits"),
R("EightBitMode", '8', '8', SAFE, SPECIAL, 0, co_eightbitmode, "p",
    conf_set_eightbit,
    "undeclared 8-bit data: m mime, p pass, s strict"),
R("AliasFile", 'A', 'A', 0, LIST, 0, co_aliasfile, NULL, conf_set_aliasfile,
    "alias databases, [class:]file, comma-separated"),
R("AliasWait", 'a', 'a', 0, TIME, 'm', co_aliaswait, NULL, set_time,
    "wait this long for @:@ in the alias database"),
R("BlankSub", 'B', 'B', 0, CHAR, 0, co_blanksub, " ", set_char,
    "replaces unquoted spaces in addresses"),
R("MinFreeBlocks", 'b', 'b', SAFE, LONG, 0, co_minfreeblocks, NULL,
    conf_set_minfree,
    "blocks free on the queue file system[/MaxMessageSize]"),
R("CheckpointInterval", 'C', 'C', SAFE, INT, 0, co_checkpointinterval,
    "10", conf_set_checkpoint,
    "checkpoint the queue file every N recipients"),
R("HoldExpensive", 'c', 'c', 0, BOOL, 0, co_holdexpensive, "F", set_bool,
    "queue mail for mailers marked expensive (F=e)"),
R("DeliveryMode", 'd', 'd', SAFE, SPECIAL, 0, co_deliverymode, "b",
    conf_set_dmode,
    "i interactive, b background, q queue, d defer"),
R("ErrorHeader", 'E', 'E', 0, STR, 0, co_errorheader, NULL, set_strnz,
    "text or /file put before error messages"),
R("ErrorMode", 'e', 'e', SAFE, SPECIAL, 0, co_errormode, "p", conf_set_emode,
    "errors: p print, q quiet, m mail, w write, e zero exit"),
R("TempFileMode", 'F', 'F', 0, MODE, 0, co_tempfilemode, NULL, set_mode,
    "mode of transcript, statistics and delivered files"),
R("SaveFromLine", 'f', 'f', 0, BOOL, 0, co_savefromline, "F", set_bool,
    "keep a leading Unix From line"),
R("MatchGECOS", 'G', 'G', 0, BOOL, 0, co_matchgecos, "F", set_bool,
    "match unknown local users against full names"),
R("", 'g', 'g', 0, SPECIAL, 0, co_defaultuser_gid, NULL, conf_set_gid,
    "legacy g: default group id; M: define a macro"),
R("HelpFile", 'H', 'H', 0, STR, 0, co_helpfile, NULL, conf_set_helpfile,
    "the SMTP HELP text file"),
R("MaxHopCount", 'h', 'h', 0, INT, 0, co_maxhopcount, "25", set_int,
    "Received: headers beyond which mail loops"),
R("ResolverOptions", 'I', 'I', 0, FLAGS, 0, co_resolveroptions, NULL,
    conf_set_resolver,
    "[+-]resolver flags, HasWildcardMX, WorkAroundBrokenAAAA"),
R("IgnoreDots", 'i', 'i', SAFE, BOOL, 0, co_ignoredots, "F", set_bool,
    "a lone dot does not end a message (not SMTP)"),
R("ForwardPath", 'J', 'J', 0, STR, 0, co_forwardpath, "$z/.forward",
    set_str,
    "where .forward files are, colon-separated"),
R("SendMimeErrors", 'j', 'j', SAFE, BOOL, 0, co_sendmimeerrors, "T",
    set_bool,
    "MIME-formatted bounces, DSN support"),
R("ConnectionCacheSize", 'k', 'k', 0, INT, 0, co_connectioncachesize, "1",
    conf_set_connsize,
    "outgoing connections kept open"),
R("ConnectionCacheTimeout", 'K', 'K', 0, TIME, 'm',
    co_connectioncachetimeout, "5m", set_time,
    "idle time of a cached connection"),
R("UseErrorsTo", 'l', 'l', CONF_F_DEPRECATED, BOOL, 0, co_useerrorsto, "F",
    set_bool,
    "send bounces to Errors-To: (deprecated)"),
R("LogLevel", 'L', 'L', SAFE, INT, 0, co_loglevel, "9", conf_set_loglevel,
    "how much to log"),
RN("", 'M', 'M', 0, SPECIAL, conf_set_macro,
    "legacy g: default group id; M: define a macro"),
R("MeToo", 'm', 'm', SAFE | CONF_F_DEPRECATED, BOOL, 0, co_metoo, "T", set_bool,
    "keep the sender in its own alias expansion (deprecated)"),
R("CheckAliases", 'n', 'n', 0, BOOL, 0, co_checkaliases, "F", set_bool,
    "check right-hand sides when rebuilding aliases"),
R("OldStyleHeaders", 'o', 'o', SAFE, BOOL, 0, co_oldstyleheaders, "F",
    set_bool,
    "headers may separate addresses by spaces"),
R("DaemonPortOptions", 'O', 'O', 0, LIST, 0, co_daemonportoptions, NULL,
    set_list,
    "one listening socket per setting: Name= Port= ..."),
R("PrivacyOptions", 'p', 'p', SAFE, FLAGS, 0, co_privacyoptions, NULL,
    conf_set_privacy,
    "SMTP restrictions: goaway noexpn novrfy ..."),
R("PostmasterCopy", 'P', 'P', 0, STR, 0, co_postmastercopy, NULL, set_str,
    "who gets a copy of bounces"),
R("QueueFactor", 'q', 'q', 0, LONG, 0, co_queuefactor, "600000", set_int,
    "load-average queueing: priority divisor"),
R("QueueDirectory", 'Q', 'Q', 0, STR, 0, co_queuedirectory, NULL,
    conf_set_queuedir,
    "the queue directory (or dir/prefix*)"),
R("DontPruneRoutes", 'R', 'R', 0, BOOL, 0, co_dontpruneroutes, "F",
    set_bool,
    "keep source routes in bounces"),
{ "Timeout", 'r', 'r', SUB, CONF_T_SPECIAL, 0, NOFF,
    "connect=0,iconnect=0,aconnect=0,initial=5m,helo=5m,mail=10m,rcpt=1h,"
    "datainit=5m,datablock=1h,datafinal=1h,rset=5m,quit=2m,command=1h,"
    "misc=2m,ident=5s,fileopen=60s,control=2m,lhlo=2m,auth=10m,"
    "starttls=1h,hoststatus=30m,queuereturn=5d,queuewarn=0",
    conf_set_timeout, "Timeout.name=time for SMTP and queue timeouts" },
R("StatusFile", 'S', 'S', 0, STR, 0, co_statusfile, NULL, conf_set_statfile,
    "the statistics file for mailstats"),
R("SuperSafe", 's', 's', SAFE, SPECIAL, 0, co_supersafe, "T",
    conf_set_supersafe,
    "write the queue file first: True False Interactive PostMilter"),
RN("QueueTimeout", 'T', 'T', CONF_F_DEPRECATED, SPECIAL, conf_set_queuetimeout,
    "same as Timeout.queuereturn[/queuewarn]"),
R("TimeZoneSpec", 't', 't', 0, STR, 0, co_timezonespec, NULL, set_str,
    "TZ for sendmail and its mailers"),
R("UserDatabaseSpec", 'U', 'U', 0, STR, 0, co_userdatabasespec, NULL,
    set_str,
    "the user database"),
R("DefaultUser", 'u', 'u', 0, SPECIAL, 0, co_defaultuser, NULL,
    conf_set_defuser,
    "user[:group] that mailers run as"),
R("FallbackMXhost", 'V', 'V', 0, STR, 0, co_fallbackmxhost, NULL,
    set_strnz,
    "a last MX for every host"),
R("Verbose", 'v', 'v', SAFE, BOOL, 0, co_verbose, NULL, set_bool,
    "show the delivery (command line only)"),
R("TryNullMXList", 'w', 'w', 0, BOOL, 0, co_trynullmxlist, "F", set_bool,
    "connect directly when we are the best MX"),
R("QueueLA", 'x', 'x', 0, INT, 0, co_queuela, NULL, set_int,
    "load average from which mail is only queued"),
R("RefuseLA", 'X', 'X', 0, INT, 0, co_refusela, NULL, set_int,
    "load average from which connections are refused"),
R("RecipientFactor", 'y', 'y', 0, LONG, 0, co_recipientfactor, "30000",
    set_int,
    "priority penalty per recipient"),
R("ForkEachJob", 'Y', 'Y', 0, BOOL, 0, co_forkeachjob, "F", set_bool,
    "one process per queued message in queue runs"),
R("ClassFactor", 'z', 'z', 0, LONG, 0, co_classfactor, "1800", set_int,
    "priority bonus per Precedence: class"),
R("RetryFactor", 'Z', 'Z', 0, LONG, 0, co_retryfactor, "90000", set_int,
    "priority penalty per delivery attempt"),
R("QueueSortOrder", 0, 0x81, SAFE, SPECIAL, 0, co_queuesortorder,
    "priority", conf_set_sortorder,
    "queue run order: priority host filename time ..."),
R("HostsFile", 0, 0x82, 0, STR, 0, co_hostsfile, "/etc/hosts", set_str,
    "the hosts file for the files method"),
R("MinQueueAge", 0, 0x83, SAFE, TIME, 'm', co_minqueueage, NULL, set_time,
    "skip queued mail younger than this"),
R("DefaultCharSet", 0, 0x85, SAFE, STR, 0, co_defaultcharset, NULL,
    conf_set_charset,
    "charset for 8-bit mail converted to MIME"),
R("ServiceSwitchFile", 0, 0x86, 0, STR, 0, co_serviceswitchfile,
    "/etc/mail/service.switch", set_str,
    "which methods serve hosts and aliases"),
R("DialDelay", 0, 0x87, SAFE, TIME, 's', co_dialdelay, NULL, set_time,
    "sleep before retrying a dial-on-demand connect"),
R("NoRecipientAction", 0, 0x88, SAFE, SPECIAL, 0, co_norecipientaction,
    "none", conf_set_norcpt,
    "no recipient header: none add-to add-bcc ..."),
R("SafeFileEnvironment", 0, 0x89, 0, STR, 0, co_safefileenvironment, NULL,
    conf_set_safefileenv,
    "chroot for deliveries to files"),
R("MaxMessageSize", 0, 0x8a, 0, LONG, 0, co_maxmessagesize, NULL, set_long,
    "largest message accepted (SIZE)"),
R("ColonOkInAddr", 0, 0x8b, SAFE, BOOL, 0, co_colonokinaddr, "T", set_bool,
    "colons allowed in addresses"),
R("MaxQueueRunSize", 0, 0x8c, SAFE, INT, 0, co_maxqueuerunsize, NULL,
    set_int,
    "most messages per queue run"),
R("MaxDaemonChildren", 0, 0x8d, 0, INT, 0, co_maxdaemonchildren, NULL,
    set_int,
    "most daemon children before refusing"),
R("DontExpandCnames", 0, 0x8e, 0, BOOL, 0, co_dontexpandcnames, "F",
    set_bool,
    "keep CNAMEs when canonifying"),
R("MustQuoteChars", 0, 0x8f, 0, STR, 0, co_mustquotechars, ".'",
    conf_set_mustquote,
    "characters quoted in phrases (added to @,;:\()[])"),
R("SmtpGreetingMessage", 0, 0x90, 0, STR, 0, co_smtpgreetingmessage, NULL,
    conf_set_munch,
    "the SMTP greeting ($e)"),
R("UnixFromLine", 0, 0x91, 0, STR, 0, co_unixfromline, NULL, conf_set_munch,
    "the Unix From line format ($l)"),
R("OperatorChars", 0, 0x92, 0, STR, 0, co_operatorchars, NULL, conf_set_opchars,
    "characters that are tokens by themselves ($o)"),
R("DontInitGroups", 0, 0x93, 0, BOOL, 0, co_dontinitgroups, "F", set_bool,
    "do not call initgroups"),
R("SingleLineFromHeader", 0, 0x94, SAFE, BOOL, 0, co_singlelinefromheader,
    "F", set_bool,
    "unfold From: headers"),
R("AllowBogusHELO", 0, 0x95, SAFE, BOOL, 0, co_allowbogushelo, "F",
    set_bool,
    "accept HELO without a host name"),
R("ConnectionRateThrottle", 0, 0x97, 0, INT, 0, co_connectionratethrottle,
    NULL, set_int,
    "connections a second per daemon"),
R("UnsafeGroupWrites", 0, 0x99, CONF_F_DEPRECATED, BOOL, 0,
    co_unsafegroupwrites, NULL, conf_set_ugw,
    "group-writable .forward files are unsafe (deprecated)"),
R("DoubleBounceAddress", 0, 0x9a, 0, STR, 0, co_doublebounceaddress,
    "postmaster", set_str,
    "who gets bounces of bounces"),
R("HostStatusDirectory", 0, 0x9b, 0, STR, 0, co_hoststatusdirectory, NULL,
    set_strnz,
    "persistent host status"),
R("SingleThreadDelivery", 0, 0x9c, 0, BOOL, 0, co_singlethreaddelivery,
    "F", set_bool,
    "one connection per host at a time"),
R("RunAsUser", 0, 0x9d, 0, SPECIAL, 0, co_runasuser, NULL, conf_set_runasuser,
    "user[:group] to run as after start"),
R("RrtImpliesDsn", 0, 0x9e, 0, BOOL, 0, co_rrtimpliesdsn, "F", set_bool,
    "Return-Receipt-To: asks for a DSN"),
R("PidFile", 0, 0x9f, 0, STR, 0, co_pidfile,
    "/var/run/sendmail/mta/sendmail.pid", set_str,
    "the daemon's pid file"),
R("DontBlameSendmail", 0, 0xa0, 0, FLAGS, 0, co_dontblamesendmail, NULL,
    conf_set_dbs,
    "file safety checks to skip"),
R("DontProbeInterfaces", 0, 0xa1, 0, SPECIAL, 0, co_dontprobeinterfaces,
    NULL, conf_set_dpi,
    "do not add interface names to $=w (or loopback)"),
R("MaxRecipientsPerMessage", 0, 0xa2, SAFE, INT, 0,
    co_maxrecipientspermessage, NULL, set_int,
    "most recipients per SMTP transaction"),
R("DeadLetterDrop", 0, 0xa3, 0, STR, 0, co_deadletterdrop, NULL, set_str,
    "system-wide dead.letter"),
R("MaxAliasRecursion", 0, 0xa5, 0, INT, 0, co_maxaliasrecursion, "10",
    set_int,
    "deepest alias expansion"),
R("ConnectOnlyTo", 0, 0xa6, 0, STR, 0, co_connectonlyto, NULL,
    conf_set_conntoonly,
    "connect to this address whatever the host"),
R("TrustedUser", 0, 0xa7, 0, SPECIAL, 0, co_trusteduser, NULL,
    conf_set_trusteduser,
    "user trusted like root for files and the control socket"),
R("MaxMimeHeaderLength", 0, 0xa8, 0, SPECIAL, 0, co_maxmimeheaderlength,
    "2048/1024", conf_set_maxmime,
    "N[/M]: MIME header and parameter limits"),
R("ControlSocketName", 0, 0xa9, 0, STR, 0, co_controlsocketname, NULL,
    set_str,
    "the daemon control socket"),
R("MaxHeadersLength", 0, 0xaa, 0, INT, 0, co_maxheaderslength, "32768",
    conf_set_maxhdrs,
    "total length of all headers"),
R("ProcessTitlePrefix", 0, 0xac, 0, STR, 0, co_processtitleprefix, NULL,
    set_str,
    "prefix of the process title"),
R("DefaultAuthInfo", 0, 0xad, CONF_F_DEPRECATED, STR, 0, co_defaultauthinfo,
    NULL, set_str,
    "AUTH credentials file (deprecated)"),
R("AuthMechanisms", 0, 0xae, 0, STR, 0, co_authmechanisms,
    "EXTERNAL GSSAPI KERBEROS_V4 DIGEST-MD5 CRAM-MD5", set_strnull,
    "SMTP AUTH mechanisms offered"),
R("ClientPortOptions", 0, 0xaf, 0, LIST, 0, co_clientportoptions, NULL,
    set_list,
    "outgoing connection options, per family"),
R("DataFileBufferSize", 0, 0xb0, 0, INT, 0, co_datafilebuffersize, "4096",
    set_int,
    "bytes of a data file kept in memory"),
R("XscriptFileBufferSize", 0, 0xb1, 0, INT, 0, co_xscriptfilebuffersize,
    "4096", set_int,
    "bytes of a transcript kept in memory"),
R("LDAPDefaultSpec", 0, 0xb2, 0, STR, 0, co_ldapdefaultspec, NULL, set_str,
    "default arguments of LDAP maps"),
R("ServerCertFile", 0, 0xb4, 0, STR, 0, co_servercertfile, NULL, set_expand,
    "STARTTLS server certificate"),
R("ServerKeyFile", 0, 0xb5, 0, STR, 0, co_serverkeyfile, NULL, set_expand,
    "STARTTLS server key"),
R("ClientCertFile", 0, 0xb6, 0, STR, 0, co_clientcertfile, NULL, set_expand,
    "STARTTLS client certificate"),
R("ClientKeyFile", 0, 0xb7, 0, STR, 0, co_clientkeyfile, NULL, set_expand,
    "STARTTLS client key"),
R("CACertFile", 0, 0xb8, 0, STR, 0, co_cacertfile, NULL, set_expand,
    "trusted CA certificates"),
R("CACertPath", 0, 0xb9, 0, STR, 0, co_cacertpath, NULL, set_expand,
    "directory of trusted CA certificates"),
R("DHParameters", 0, 0xba, 0, STR, 0, co_dhparameters, NULL, set_expand,
    "Diffie-Hellman parameters: 5 1 2 i none or a file"),
R("InputMailFilters", 0, 0xbb, 0, STR, 0, co_inputmailfilters, NULL,
    set_str,
    "milters for incoming mail, in order"),
RN("Milter", 0, 0xbc, SUB, SPECIAL, conf_set_milter,
    "Milter.LogLevel, Milter.macros.EVENT"),
R("AuthOptions", 0, 0xbd, 0, FLAGS, 0, co_authoptions, NULL, conf_set_authopts,
    "AUTH options: A a c d f m p y"),
R("QueueFileMode", 0, 0xbe, 0, MODE, 0, co_queuefilemode, NULL, set_mode,
    "mode of queue files"),
R("CertFingerprintAlgorithm", 0, 0xbf, 0, STR, 0,
    co_certfingerprintalgorithm, NULL, set_expand,
    "digest for certificate fingerprints"),
R("CipherList", 0, 0xc0, 0, STR, 0, co_cipherlist, NULL, set_expand,
    "TLS cipher list (up to TLSv1.2)"),
R("RandFile", 0, 0xc1, 0, STR, 0, co_randfile, NULL, set_str,
    "random data source (egd: or file:)"),
R("TLSSrvOptions", 0, 0xc2, 0, FLAGS, 0, co_tlssrvoptions, NULL,
    conf_set_tlssrvopts,
    "STARTTLS server options: V C"),
R("BadRcptThrottle", 0, 0xc3, SAFE, INT, 0, co_badrcptthrottle, NULL,
    set_int,
    "slow down after this many bad RCPTs"),
R("DeliverByMin", 0, 0xc4, 0, TIME, 's', co_deliverbymin, NULL, set_time,
    "minimum DELIVERBY time"),
R("MaxQueueChildren", 0, 0xc5, 0, INT, 0, co_maxqueuechildren, NULL,
    set_int,
    "most concurrent queue runners"),
R("MaxRunnersPerQueue", 0, 0xc6, 0, INT, 0, co_maxrunnersperqueue, "1",
    set_int,
    "queue runners per queue group"),
R("DirectSubmissionModifiers", 0, 0xc7, 0, STR, 0,
    co_directsubmissionmodifiers, NULL, set_str,
    "${daemon_flags} for command-line mail"),
R("NiceQueueRun", 0, 0xc8, 0, INT, 0, co_nicequeuerun, NULL, set_int,
    "nice value of queue runners"),
R("SharedMemoryKey", 0, 0xc9, 0, LONG, 0, co_sharedmemorykey, NULL,
    set_long,
    "shared memory key (0: none, -1: choose)"),
R("AuthMaxBits", 0, 0xca, 0, INT, 0, co_authmaxbits, "2147483647", set_int,
    "largest SASL security layer"),
R("MailboxDatabase", 0, 0xcb, 0, STR, 0, co_mailboxdatabase, "pw", set_str,
    "how local mailboxes are looked up (pw)"),
R("UseMSP", 0, 0xcc, 0, BOOL, 0, co_usemsp, "F", set_bool,
    "run as mail submission program"),
R("DelayLA", 0, 0xcd, 0, INT, 0, co_delayla, NULL, set_int,
    "load average from which commands are slowed"),
R("FastSplit", 0, 0xce, 0, INT, 0, co_fastsplit, "1", set_int,
    "skip MX lookups when splitting envelopes"),
R("SoftBounce", 0, 0xcf, 0, BOOL, 0, co_softbounce, "F", set_bool,
    "temporary instead of permanent errors"),
R("SharedMemoryKeyFile", 0, 0xd0, 0, STR, 0, co_sharedmemorykeyfile, NULL,
    set_expand,
    "file holding a chosen shared memory key"),
R("RejectLogInterval", 0, 0xd1, 0, TIME, 'h', co_rejectloginterval, "3h",
    set_time,
    "how often refused connections are logged"),
R("RequiresDirfsync", 0, 0xd2, 0, BOOL, 0, co_requiresdirfsync, "T",
    set_bool,
    "fsync directories after changes"),
R("ConnectionRateWindowSize", 0, 0xd3, 0, TIME, 's',
    co_connectionratewindowsize, "60s", set_time,
    "window of ConnectionRateThrottle"),
R("CRLFile", 0, 0xd4, 0, STR, 0, co_crlfile, NULL, set_expand,
    "certificate revocation list"),
R("FallbackSmartHost", 0, 0xd5, 0, STR, 0, co_fallbacksmarthost, NULL,
    set_strnz,
    "last resort relay for every host"),
R("AuthRealm", 0, 0xd6, 0, STR, 0, co_authrealm, NULL, set_strnull,
    "SASL realm"),
R("CRLPath", 0, 0xd7, 0, STR, 0, co_crlpath, NULL, set_expand,
    "directory of revocation lists"),
R("HeloName", 0, 0xd8, 0, STR, 0, co_heloname, NULL, set_str,
    "name in our HELO/EHLO"),
R("MaxNOOPCommands", 0, 0xdc, 0, INT, 0, co_maxnoopcommands, "20", set_int,
    "useless commands before slowing down"),
R("BadRcptShutdown", 0, 0xe1, SAFE, INT, 0, co_badrcptshutdown, NULL,
    set_int,
    "bad RCPTs that end the session"),
R("BadRcptShutdownGood", 0, 0xe2, SAFE, INT, 0, co_badrcptshutdowngood,
    NULL, set_int,
    "percentage of good RCPTs for that"),
R("ServerSSLOptions", 0, 0xe3, 0, STR, 0, co_serverssloptions, NULL,
    conf_set_ssloptions,
    "OpenSSL options of the server side"),
R("ClientSSLOptions", 0, 0xe4, 0, STR, 0, co_clientssloptions, NULL,
    conf_set_ssloptions,
    "OpenSSL options of the client side"),
R("MaxQueueAge", 0, 0xe5, 0, TIME, 'm', co_maxqueueage, NULL, set_time,
    "longest retry interval"),
R("RejectNUL", 0, 0xe9, SAFE, BOOL, 0, co_rejectnul, "F", set_bool,
    "reject messages containing NUL"),
R("UseCompressedIPv6Addresses", 0, 0xec, 0, BOOL, 0,
    co_usecompressedipv6addresses, "F", set_bool,
    "write IPv6 literals compressed"),
R("SSLEngine", 0, 0xed, 0, STR, 0, co_sslengine, NULL, set_expand,
    "OpenSSL engine"),
R("SSLEnginePath", 0, 0xee, 0, STR, 0, co_sslenginepath, NULL, set_expand,
    "directory of the OpenSSL engine"),
R("TLSFallbacktoClear", 0, 0xef, 0, BOOL, 0, co_tlsfallbacktoclear, "F",
    set_bool,
    "retry without STARTTLS after a TLS failure"),
R("SetCertAltnames", 0, 0xf7, 0, BOOL, 0, co_setcertaltnames, "F", set_bool,
    "check certificate alternative names"),
R("SmtpUTF8", 0, 0xf8, 0, BOOL, 0, co_smtputf8, NULL, conf_set_eai,
    "SMTPUTF8 support (not in this build)"),
R("StrictTransportSecurity", 0, 0xf9, 0, BOOL, 0,
    co_stricttransportsecurity, "F", set_bool,
    "MTA-STS"),
R("CipherSuites", 0, 0xfa, 0, STR, 0, co_ciphersuites, NULL, set_expand,
    "TLSv1.3 cipher suites"),
/* Tern's own: where the built-in local mailer keeps the mailboxes. */
R("MailboxDirectory", 0, 0xfb, CONF_F_TERN, STR, 0, co_mailboxdirectory, "/var/mail",
    set_str,
    "directory of the mbox files of the built-in local mailer (Tern)"),
{ NULL, 0, 0, 0, CONF_T_BOOL, 0, NOFF, NULL, NULL, NULL }
};

/* ---- messages ------------------------------------------------------- */

struct conf_call *conf_cur;

void
conf_say(enum conf_msg kind, const char *fmt, ...)
{
	struct conf *cf;
	char buf[sizeof cf->cf_err];
	va_list ap;

	va_start(ap, fmt);
	(void)vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (conf_cur == NULL)
		return;
	cf = conf_cur->cc_cf;
	if (kind == CONF_MSG_ERROR || kind == CONF_MSG_FATAL) {
		if (conf_cur->cc_nerr++ == 0)
			(void)snprintf(cf->cf_err, sizeof cf->cf_err, "%s",
			    buf);
		if (kind == CONF_MSG_FATAL)
			cf->cf_fatal = EX_USAGE;
	}
	if (cf->cf_hooks.ch_message != NULL)
		cf->cf_hooks.ch_message(cf->cf_hooks.ch_ctx, kind, buf);
}

/* ---- value parsers -------------------------------------------------- */

bool
conf_atobool(const char *s)
{
	return *s == '\0' || strchr("tTyY", *s) != NULL;
}

int
conf_atoi(const char *s)
{
	return (int)strtol(s, NULL, 10);
}

/* octal digits until the first other character */
static long
atooct(const char *s)
{
	long v = 0;

	while (*s >= '0' && *s <= '7' && v < LONG_MAX / 8)
		v = v * 8 + (*s++ - '0');
	return v;
}

static long
unitsecs(char u)
{
	switch (u) {
	case 'w':
		return 7L * 24 * 3600;
	case 's':
		return 1;
	case 'm':
		return 60;
	case 'h':
		return 3600;
	default:		/* 'd' and anything else */
		return 24L * 3600;
	}
}

time_t
conf_convtime(const char *p, char unit, char *note, size_t nsize)
{
	long long r = 0, t;
	bool neg = false;
	char c;

	if (note != NULL && nsize > 0)
		note[0] = '\0';
	if (strcasecmp(p, "now") == 0)
		return CONF_TIME_NOW;
	if (*p == '-') {
		neg = true;
		p++;
	}
	while (*p != '\0') {
		for (t = 0; isdigit((unsigned char)(c = *p++));)
			if (t < LLONG_MAX / 1000000)
				t = t * 10 + (c - '0');
		if (c == '\0') {
			c = unit;
			p--;
		} else if (strchr("wdhms", c) == NULL) {
			if (note != NULL) {
				size_t l = strlen(note);

				(void)snprintf(note + l, nsize - l,
				    "%sInvalid time unit `%c'",
				    l > 0 ? "\n" : "", c);
			}
			c = unit;
		}
		if (t > (LLONG_MAX / 2 - r) / unitsecs(c))
			r = LLONG_MAX / 2;	/* saturate, never overflow */
		else
			r += t * unitsecs(c);
	}
	return (time_t)(neg ? -r : r);
}

time_t
conf_time(const char *val, char unit)
{
	char note[sizeof conf_cur->cc_cf->cf_err];
	char *line, *nl;
	time_t t;

	t = conf_convtime(val, unit, note, sizeof note);
	for (line = note; *line != '\0'; line = nl + 1) {
		if ((nl = strchr(line, '\n')) != NULL)
			*nl = '\0';
		conf_say(CONF_MSG_NOTE, "%s", line);
		if (nl == NULL)
			break;
	}
	return t;
}

/* ---- field access --------------------------------------------------- */

void *
conf_field(struct conf *cf, const struct conf_entry *ce)
{
	SM_ASSERT(ce->ce_off != NOFF);
	return (char *)cf + ce->ce_off;
}

void
conf_strset(char **sp, const char *val)
{
	free(*sp);
	*sp = val == NULL ? NULL : sm_strdup_x(val);
}

void
conf_list_add(struct conf_list *cl, const char *val)
{
	cl->cl_v = sm_reallocarray_x(cl->cl_v, (size_t)cl->cl_n + 2,
	    sizeof *cl->cl_v);
	cl->cl_v[cl->cl_n++] = sm_strdup_x(val);
	cl->cl_v[cl->cl_n] = NULL;
}

static void
list_free(struct conf_list *cl)
{
	for (int i = 0; i < cl->cl_n; i++)
		free(cl->cl_v[i]);
	free(cl->cl_v);
	cl->cl_v = NULL;
	cl->cl_n = 0;
}

/* ---- generic setters ------------------------------------------------ */

static int
set_bool(struct conf *cf, const struct conf_entry *ce, const char *sub,
    const char *val)
{
	(void)sub;
	if (ce->ce_off == F(co_verbose))
		cf->co_verbose = conf_atobool(val) ? 1 : 0;
	else
		*(bool *)conf_field(cf, ce) = conf_atobool(val);
	return 0;
}

static int
set_int(struct conf *cf, const struct conf_entry *ce, const char *sub,
    const char *val)
{
	(void)sub;
	if (ce->ce_type == CONF_T_LONG)	/* sendmail reads these with atoi */
		*(long *)conf_field(cf, ce) = conf_atoi(val);
	else
		*(int *)conf_field(cf, ce) = conf_atoi(val);
	return 0;
}

static int
set_long(struct conf *cf, const struct conf_entry *ce, const char *sub,
    const char *val)
{
	(void)sub;
	*(long *)conf_field(cf, ce) = strtol(val, NULL, 10);
	return 0;
}

static int
set_time(struct conf *cf, const struct conf_entry *ce, const char *sub,
    const char *val)
{
	(void)sub;
	if (ce->ce_off == F(co_aliaswait) && *val == '\0')
		cf->co_aliaswait = 5 * 60;
	else
		*(time_t *)conf_field(cf, ce) = conf_time(val, ce->ce_unit);
	return 0;
}

static int
set_str(struct conf *cf, const struct conf_entry *ce, const char *sub,
    const char *val)
{
	(void)sub;
	conf_strset(conf_field(cf, ce), val);
	return 0;
}

/* an empty value leaves the option alone */
static int
set_strnz(struct conf *cf, const struct conf_entry *ce, const char *sub,
    const char *val)
{
	return *val == '\0' ? 0 : set_str(cf, ce, sub, val);
}

/* an empty value unsets the option */
static int
set_strnull(struct conf *cf, const struct conf_entry *ce, const char *sub,
    const char *val)
{
	(void)sub;
	conf_strset(conf_field(cf, ce), *val == '\0' ? NULL : val);
	return 0;
}

/* macro-expanded when set (the TLS and shared-memory file options) */
static int
set_expand(struct conf *cf, const struct conf_entry *ce, const char *sub,
    const char *val)
{
	char *x = NULL;

	(void)sub;
	if (cf->cf_hooks.ch_expand != NULL)
		x = cf->cf_hooks.ch_expand(cf->cf_hooks.ch_ctx, val);
	conf_strset(conf_field(cf, ce), x != NULL ? x : val);
	free(x);
	return 0;
}

static int
set_char(struct conf *cf, const struct conf_entry *ce, const char *sub,
    const char *val)
{
	(void)sub;
	*(char *)conf_field(cf, ce) = *val != '\0' ? *val : ' ';
	return 0;
}

static int
set_mode(struct conf *cf, const struct conf_entry *ce, const char *sub,
    const char *val)
{
	(void)sub;
	*(mode_t *)conf_field(cf, ce) = (mode_t)(atooct(val) & 0777);
	return 0;
}

static int
set_list(struct conf *cf, const struct conf_entry *ce, const char *sub,
    const char *val)
{
	(void)sub;
	conf_list_add(conf_field(cf, ce), val);
	return 0;
}


/* ---- conf_option ---------------------------------------------------- */

/* the row of legacy letter C (sendmail reads the byte as a signed char:
 * bytes from 0x80 up never match) */
static const struct conf_entry *
by_letter(int c)
{
	if (c <= 0 || c >= 0x80)
		return NULL;
	for (const struct conf_entry *ce = table; ce->ce_name != NULL; ce++)
		if (ce->ce_code == c)
			return ce;
	return NULL;
}

/* The row named NAME: exact, else the one option NAME abbreviates.
 * Reports unknown and ambiguous names. */
static const struct conf_entry *
by_name(const char *name)
{
	const struct conf_entry *ce, *sel = NULL;
	size_t n = strlen(name);

	for (ce = table; ce->ce_name != NULL; ce++) {
		if (strncasecmp(ce->ce_name, name, n) != 0)
			continue;
		/* Tern's own options go by their full name only, so that
		 * sendmail's abbreviations ("Mailbox") mean what they did */
		if ((ce->ce_flags & CONF_F_TERN) && strlen(ce->ce_name) != n)
			continue;
		if (strlen(ce->ce_name) == n) {
			sel = NULL;	/* exact: this is it */
			break;
		}
		if (sel != NULL)
			break;
		sel = ce;
	}
	if (ce->ce_name == NULL && sel != NULL)
		ce = sel;
	else if (ce->ce_name == NULL) {
		conf_say(CONF_MSG_ERROR, "readcf: unknown option name %s",
		    name);
		return NULL;
	} else if (sel != NULL) {
		conf_say(CONF_MSG_ERROR,
		    "readcf: ambiguous option name %s (matches %s and %s)",
		    name, sel->ce_name, ce->ce_name);
		return NULL;
	}
	if (strlen(ce->ce_name) != n)
		conf_say(CONF_MSG_NOTE, "Option %s used as abbreviation for %s",
		    name, ce->ce_name);
	return ce;
}

static bool
sticky_get(const struct conf *cf, int code)
{
	return (cf->cf_sticky[code / 8] >> (code % 8)) & 1;
}

/* apply VAL to CE (SUB: its sub-option or NULL) with stickiness and
 * safety as sendmail does */
static int
apply(struct conf *cf, const struct conf_entry *ce, const char *sub,
    const char *val)
{
	int code = ce->ce_code, rc;

	if (sub != NULL && !(ce->ce_flags & CONF_F_SUBOPT))
		sub = NULL;	/* sendmail ignores ".sub" silently */
	if (!conf_cur->cc_sticky && sticky_get(cf, code))
		return 0;
	if (!conf_cur->cc_safe && !(ce->ce_flags & CONF_F_SAFE) &&
	    !(code == 'M' && (*val == 'r' || *val == 's')))
		cf->cf_unsafe = true;
	rc = ce->ce_set(cf, ce, sub, val);
	/* PrivacyOptions and DontBlameSendmail accumulate; M never sticks;
	 * sub-options stick one by one in their setters */
	if (conf_cur->cc_sticky && !(ce->ce_flags & CONF_F_SUBOPT) &&
	    code != 'p' && code != 'M' && code != 0xa0)
		cf->cf_sticky[code / 8] |= (unsigned char)(1 << (code % 8));
	return rc;
}

/* " Name[.sub][ ]*=[ ]*value" */
static int
long_option(struct conf *cf, const char *text)
{
	const char *eq = strchr(text, '='), *end, *val;
	const struct conf_entry *ce;
	char *name, *sub;
	int rc = -1;

	end = eq != NULL ? eq : text + strlen(text);
	while (end > text && end[-1] == ' ')
		end--;
	if (end == text) {
		conf_say(CONF_MSG_ERROR, "readcf: null option name");
		return -1;
	}
	val = eq != NULL ? eq + 1 : text + strlen(text);
	while (*val == ' ')
		val++;
	name = sm_strndup_x(text, (size_t)(end - text));
	if ((sub = strchr(name, '.')) != NULL)
		*sub++ = '\0';
	if ((ce = by_name(name)) != NULL)
		rc = apply(cf, ce, sub, val);
	free(name);
	return rc;
}

/* the common part of conf_option and conf_option_long: LONGTEXT is the
 * long form without its leading space, or NULL to use TEXT */
static int
option(struct conf *cf, const char *text, const char *longtext,
    int fromcmdline, const char **errp)
{
	struct conf_call call, *saved = conf_cur;
	const struct conf_entry *ce;

	call.cc_cf = cf;
	call.cc_sticky = fromcmdline != 0;
	call.cc_safe = !fromcmdline || cf->cf_rootuser;
	call.cc_nerr = 0;
	cf->cf_err[0] = '\0';
	conf_cur = &call;
	if (longtext != NULL)
		(void)long_option(cf, longtext);
	else if (text[0] == ' ')
		(void)long_option(cf, text + 1);
	else if ((ce = by_letter((signed char)text[0])) == NULL)
		conf_say(CONF_MSG_ERROR, "readcf: unknown option name 0x%x",
		    (unsigned char)text[0]);
	else
		(void)apply(cf, ce, NULL, text + 1);
	conf_cur = saved;
	if (call.cc_nerr == 0)
		return 0;
	if (errp != NULL)
		*errp = cf->cf_err;
	return -1;
}

int
conf_option(struct conf *cf, const char *text, int fromcmdline,
    const char **errp)
{
	return option(cf, text, NULL, fromcmdline, errp);
}

int
conf_option_long(struct conf *cf, const char *nameval, int fromcmdline,
    const char **errp)
{
	return option(cf, NULL, nameval, fromcmdline, errp);
}

/* ---- lookup, init, free --------------------------------------------- */

const struct conf_entry *
conf_table(void)
{
	return table;
}

const struct conf_entry *
conf_lookup(const char *name)
{
	if (name[0] != '\0' && name[1] == '\0')
		return by_letter((signed char)name[0]);
	for (const struct conf_entry *ce = table; ce->ce_name != NULL; ce++)
		if (ce->ce_name[0] != '\0' &&
		    strcasecmp(ce->ce_name, name) == 0)
			return ce;
	return NULL;
}

/* the default user: the first of mailnull, sendmail, daemon that exists
 * and is not root, else uid 1 */
static void
init_defuser(struct conf *cf)
{
	static const char *const names[] = { "mailnull", "sendmail", "daemon" };
	struct passwd *pw;

	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		if ((pw = getpwnam(names[i])) != NULL && pw->pw_uid != 0) {
			cf->co_defaultuser_uid = pw->pw_uid;
			cf->co_defaultuser_gid = pw->pw_gid;
			conf_strset(&cf->co_defaultuser, pw->pw_name);
			return;
		}
	}
	cf->co_defaultuser_uid = 1;
	cf->co_defaultuser_gid = 1;
	pw = getpwuid(1);
	conf_strset(&cf->co_defaultuser, pw != NULL ? pw->pw_name : "nobody");
}

/* the defaults that depend on the machine or the process */
static void
init_runtime(struct conf *cf)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	mode_t mode = getuid() != geteuid() ? 0644 : 0600;

	if (n < 1)
		n = 1;
	cf->co_queuela = (int)(8 * n);
	cf->co_refusela = (int)(12 * n);
	cf->co_tempfilemode = mode;
	cf->co_queuefilemode = mode;
	cf->co_resolveroptions = CONF_RES_RECURSE | CONF_RES_DEFNAMES |
	    CONF_RES_DNSRCH;
	cf->co_milter_loglevel = -1;
	cf->co_timeout_resolver_retrans = -1;
	cf->co_timeout_resolver_retrans_first = -1;
	cf->co_timeout_resolver_retrans_normal = -1;
	cf->co_timeout_resolver_retry = -1;
	cf->co_timeout_resolver_retry_first = -1;
	cf->co_timeout_resolver_retry_normal = -1;
	cf->co_unsafegroupwrites = true;
	init_defuser(cf);
}

void
conf_init(struct conf *cf)
{
	struct conf_call call = { cf, true, false, 0 }, *saved = conf_cur;

	memset(cf, 0, sizeof *cf);
	cf->cf_rootuser = getuid() == 0;
	conf_cur = &call;
	for (const struct conf_entry *ce = table; ce->ce_name != NULL; ce++)
		if (ce->ce_default != NULL)
			(void)ce->ce_set(cf, ce, NULL, ce->ce_default);
	init_runtime(cf);
	conf_cur = saved;
	SM_ASSERT(call.cc_nerr == 0);
}

void
conf_free(struct conf *cf)
{
	char **extra[] = { &cf->co_defaultuser, &cf->co_runasuser,
	    &cf->co_trusteduser, &cf->co_milter_macros_connect,
	    &cf->co_milter_macros_helo, &cf->co_milter_macros_envfrom,
	    &cf->co_milter_macros_envrcpt, &cf->co_milter_macros_data,
	    &cf->co_milter_macros_eom, &cf->co_milter_macros_eoh };

	for (const struct conf_entry *ce = table; ce->ce_name != NULL; ce++) {
		if (ce->ce_type == CONF_T_STR)
			conf_strset(conf_field(cf, ce), NULL);
		else if (ce->ce_type == CONF_T_LIST)
			list_free(conf_field(cf, ce));
	}
	for (size_t i = 0; i < sizeof extra / sizeof extra[0]; i++)
		conf_strset(extra[i], NULL);
}

void
conf_finish(struct conf *cf)
{
	struct conf_call call = { cf, true, false, 0 }, *saved = conf_cur;

	conf_cur = &call;
	if (cf->co_hoststatusdirectory != NULL &&
	    cf->co_connectioncachesize == 0) {
		conf_strset(&cf->co_hoststatusdirectory, NULL);
		conf_say(CONF_MSG_RAW, "Warning: HostStatusDirectory disabled "
		    "with ConnectionCacheSize = 0");
	}
	if (cf->co_singlethreaddelivery &&
	    cf->co_hoststatusdirectory == NULL) {
		cf->co_singlethreaddelivery = false;
		conf_say(CONF_MSG_RAW, "Warning: HostStatusDirectory required "
		    "for SingleThreadDelivery");
	}
	conf_cur = saved;
}

/* ---- printing ------------------------------------------------------- */

void
conf_print_time(FILE *fp, time_t t)
{
	static const struct { char u; long s; } units[] = {
		{ 'd', 86400 }, { 'h', 3600 }, { 'm', 60 }, { 's', 1 } };
	long long v = t;

	if (v == 0) {
		fputs("0s", fp);
		return;
	}
	if (v < 0) {
		fputc('-', fp);
		v = -v;
	}
	for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
		if (v >= units[i].s) {
			fprintf(fp, "%lld%c", v / units[i].s, units[i].u);
			v %= units[i].s;
		}
	}
}

static void
print_entry(FILE *fp, const struct conf *cf, const struct conf_entry *ce)
{
	const void *p = ce->ce_off == NOFF ? NULL :
	    (const char *)cf + ce->ce_off;

	if (ce->ce_type == CONF_T_FLAGS || ce->ce_type == CONF_T_SPECIAL) {
		conf_set_print(fp, cf, ce);
		return;
	}
	if (ce->ce_type == CONF_T_LIST) {	/* one line per setting */
		const struct conf_list *cl = p;

		for (int i = 0; i < cl->cl_n; i++)
			fprintf(fp, "%s=%s\n", ce->ce_name, cl->cl_v[i]);
		return;
	}
	fprintf(fp, "%s=", ce->ce_name);
	switch (ce->ce_type) {
	case CONF_T_BOOL:
		if (ce->ce_off == F(co_verbose))
			fputs(cf->co_verbose ? "True" : "False", fp);
		else
			fputs(*(const bool *)p ? "True" : "False", fp);
		break;
	case CONF_T_INT:
		fprintf(fp, "%d", *(const int *)p);
		break;
	case CONF_T_LONG:
		fprintf(fp, "%ld", *(const long *)p);
		break;
	case CONF_T_TIME:
		conf_print_time(fp, *(const time_t *)p);
		break;
	case CONF_T_STR:
		if (*(char *const *)p != NULL)
			fputs(*(char *const *)p, fp);
		break;
	case CONF_T_CHAR:
		fputc(*(const char *)p, fp);
		break;
	case CONF_T_MODE:
		fprintf(fp, "0%03o", (unsigned)*(const mode_t *)p);
		break;
	default:
		break;
	}
	fputc('\n', fp);
}

int
conf_print(FILE *fp, const struct conf *cf, const char *name)
{
	const struct conf_entry *ce;

	if (name != NULL) {
		if ((ce = conf_lookup(name)) == NULL)
			return -1;
		print_entry(fp, cf, ce);
		return 0;
	}
	for (ce = table; ce->ce_name != NULL; ce++)
		if (ce->ce_name[0] != '\0')
			print_entry(fp, cf, ce);
	return 0;
}
