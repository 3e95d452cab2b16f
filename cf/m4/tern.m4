divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl tern.m4 -- the vocabulary of a .mc file (OSTYPE, DOMAIN, FEATURE, HACK,
dnl MAILER, the LOCAL_* sections, the class helpers, the defaults of every
dnl define) and the m4wrap that writes the sendmail.cf at the end of input.
dnl
dnl Everything here is in diversion -1: nothing is written until proto.m4
dnl runs.  Names of our own helpers start with _T_; names that .mc files
dnl and third-party feature files use (_ARG_, _ARG2_, _MAILER_smtp_,
dnl MODIFY_MAILER_FLAGS, ...) keep the names sendmail's package gives them.
dnl
dnl Diversions used (undiverted by proto.m4 at the right places):
dnl	11 LOCAL_CONFIG and the map declarations of features
dnl	12 class lines (EXPOSED_USER, RELAY_DOMAIN, ...)
dnl	13 LOCAL_RULE_0 (ruleset ParseLocal)
dnl	14 LOCAL_RULE_3 (inside Canonify2)
dnl	15 LOCAL_RULESETS, LOCAL_RULE_1/2, Local_* hooks of features
dnl	16 LOCAL_NET_CONFIG (Parse1, before the smart host)
dnl	17 LOCAL_UUCP and the UUCP mailer's routing rules (Parse1)
dnl	18 LOCAL_DNSBL and dnsbl/enhdnsbl rules (Basic_check_relay)
dnl	19 mailer definitions and their rulesets
dnl
dnl # is an ordinary character from here on: sendmail.cf text is full of it.
changecom()
undefine(`format')

dnl ----------------------------------------------------------- diagnostics
dnl _T_WARN(text) -- a warning on stderr; m4 still exits 0.
define(`_T_WARN', `errprint(`cf: warning: '__file__:__line__`: $1
')')
dnl _T_FAIL(text) -- an error on stderr; m4 exits 1 at once.
define(`_T_FAIL', `errprint(`cf: error: '__file__:__line__`: $1
')m4exit(`1')')

dnl ------------------------------------------------------ diversion stack
define(`_T_PUSH', `pushdef(`_T_DSTACK_', divnum)divert($1)')
define(`_T_POP', `divert(_T_DSTACK_)popdef(`_T_DSTACK_')')
dnl the names sendmail's own feature files use for the same thing
define(`PUSHDIVERT', `_T_PUSH($1)')
define(`POPDIVERT', `_T_POP`'')

dnl ------------------------------------------------------- small helpers
define(`lower', `translit(`$1', `ABCDEFGHIJKLMNOPQRSTUVWXYZ',
	`abcdefghijklmnopqrstuvwxyz')')
define(`strcasecmp', `ifelse(lower($1), lower($2), `1', `0')')
dnl _T_DEFAULT(name, value) -- define name unless the .mc already did
define(`_T_DEFAULT', `ifdef(`$1', `', `define(`$1', `$2')')')
define(`_DEFIFNOT', `_T_DEFAULT(`$1', `$2')')
dnl _T_SET(name) -- true (1) when name is defined and not empty
define(`_T_SET', `ifelse(ifdef(`$1', `defn(`$1')', `'), `', `0', `1')')
dnl _T_OPTIN(name, before, after) -- "before<value>after" if name is defined
define(`_T_OPTIN', `ifdef(`$1', `$2$1$3')')
define(`_OPTINS', `_T_OPTIN(`$1', `$2', `$3')')
define(`CONCAT', `$1$2$3$4$5$6$7')
define(`DOL', ``$'$1')
define(`VERSIONID', ``#	$1'')
define(`CF_LEVEL', `10')
define(`_CODE553', `553')
dnl _TMPFMSG_ -- the text of a temporary failure of a map lookup
ifdef(`_USETMPFTOKEN_',
	`define(`_TMPFMSG_', `"451 Temporary system failure $1. Please try again later."')',
	`define(`_TMPFMSG_', `"451 Temporary system failure. Please try again later."')')

dnl _T_NAMEOK(kind, name) -- fail unless name is a plain file name
define(`_T_NAMEOK', `ifelse(regexp(`$2', `^[A-Za-z0-9_][A-Za-z0-9_.+-]*$'), `0', `',
	`_T_FAIL(`$1(`$2'): not a valid name')')')

dnl _T_LOAD(dir, name, macro) -- read dir/name.m4 of the tree in diversion
dnl -1.  Our module files start with _T_MODULE; a file that does not (one
dnl written for sendmail's package) is looked for on disk before the
dnl name is called unknown.
define(`_T_MODULE', `define(`_T_LOADED_', `1')')
define(`_T_LOAD', `_T_NAMEOK(`$3', `$2')_T_PUSH(-1)undefine(`_T_LOADED_')dnl
sinclude(_CF_DIR_`$1/$2.m4')dnl
ifdef(`_T_LOADED_', `', `syscmd(`test -r "'_CF_DIR_`$1/$2.m4"')ifelse(sysval, `0', `',
	`_T_FAIL(`$3(`$2'): unknown $3 (no file '_CF_DIR_`$1/$2.m4)')')')dnl
_T_POP`'')

dnl _T_ARGS(args...) -- set _ARG_ .. _ARG9_ (and _ARGS_) for a module:
dnl _ARG_ and _ARG1_ are the first argument after the name of the module.
define(`_T_ARGS', `define(`_ARG_', `$1')define(`_ARG1_', `$1')dnl
define(`_ARG2_', `$2')define(`_ARG3_', `$3')define(`_ARG4_', `$4')dnl
define(`_ARG5_', `$5')define(`_ARG6_', `$6')define(`_ARG7_', `$7')dnl
define(`_ARG8_', `$8')define(`_ARG9_', `$9')')

dnl ------------------------------------------------------ the main verbs
define(`OSTYPE', `ifdef(`__OSTYPE__', `_T_WARN(`OSTYPE(`$1'): a second OSTYPE; the first was '__OSTYPE__)')dnl
define(`__OSTYPE__', `$1')_T_ARGS(shift($@))_T_LOAD(`ostype', `$1', `OSTYPE')')
define(`DOMAIN', `_T_ARGS(shift($@))_T_LOAD(`domain', `$1', `DOMAIN')')
define(`HACK', `_T_ARGS(shift($@))_T_LOAD(`hack', `$1', `HACK')')
define(`FEATURE', `ifdef(`_MAILER_DEFINED_',
	`_T_WARN(`FEATURE(`$1') after a MAILER line: the mailers already written do not see it')')dnl
_T_ARGS(shift($@))_T_LOAD(`feature', `$1', `FEATURE')')
dnl MAILER(name [, alias]) -- a second MAILER of the same name is ignored
define(`MAILER', `_T_NAMEOK(`MAILER', `$1')dnl
ifdef(`_MAILER_'ifelse(`$2', `', `$1', `$2')`_',
	`_T_WARN(`MAILER(`$1'): already included')',
	`define(`_MAILER_'ifelse(`$2', `', `$1', `$2')`_', `')define(`_MAILER_DEFINED_', `1')dnl
_T_ARGS(shift($@))_T_LOAD(`mailer', `$1', `MAILER')')')

dnl ----------------------------------------------- sections of the .mc file
define(`LOCAL_CONFIG', `divert(11)')
define(`LOCAL_RULE_0', `divert(13)')
define(`LOCAL_RULE_3', `divert(14)')
define(`LOCAL_RULESETS', `divert(15)
')
define(`LOCAL_RULE_1', `divert(15)
Ssender=1
')
define(`LOCAL_RULE_2', `divert(15)
Srecipient=2
')
define(`LOCAL_NET_CONFIG', `define(`_LOCAL_RULES_', `1')divert(16)')
define(`LOCAL_UUCP', `divert(17)')
define(`LOCAL_DNSBL', `divert(18)')
define(`MAILER_DEFINITIONS', `divert(19)')
dnl LOCAL_xxx hooks for the TLS/feature rulesets: the site's rules become
dnl ruleset Local_xxx, which ours call first.
define(`_T_HOOK', `define(`_LOCAL_$2_', `1')divert(15)
SLocal_$1
')
define(`LOCAL_SRV_FEATURES', `_T_HOOK(`srv_features', `SRV_FEATURES')')
define(`LOCAL_CLT_FEATURES', `_T_HOOK(`clt_features', `CLT_FEATURES')')
define(`LOCAL_TRY_TLS', `_T_HOOK(`try_tls', `TRY_TLS')')
define(`LOCAL_TLS_RCPT', `_T_HOOK(`tls_rcpt', `TLS_RCPT')')
define(`LOCAL_TLS_CLIENT', `_T_HOOK(`tls_client', `TLS_CLIENT')')
define(`LOCAL_TLS_SERVER', `_T_HOOK(`tls_server', `TLS_SERVER')')

dnl ----------------------------------------------------- class helpers
dnl _T_CLASS(C|F, name, value) -- one class line in diversion 12
define(`_T_CLASS', `_T_PUSH(12)$1`'$2`'$3
_T_POP`'')
define(`EXPOSED_USER', `_T_CLASS(`C', `{E}', `$1')')
define(`EXPOSED_USER_FILE', `_T_CLASS(`F', `{E}', `$1')')
define(`LOCAL_USER', `_T_CLASS(`C', `{L}', `$1')')
define(`LOCAL_USER_FILE', `_T_CLASS(`F', `{L}', `$1')')
define(`MASQUERADE_DOMAIN', `_T_CLASS(`C', `{M}', `$1')')
define(`MASQUERADE_DOMAIN_FILE', `_T_CLASS(`F', `{M}', `$1')')
define(`MASQUERADE_EXCEPTION', `_T_CLASS(`C', `{N}', `$1')')
define(`MASQUERADE_EXCEPTION_FILE', `_T_CLASS(`F', `{N}', `$1')')
define(`LOCAL_DOMAIN', `_T_CLASS(`C', `{w}', `$1')')
define(`CANONIFY_DOMAIN', `_T_CLASS(`C', `{Canonify}', `$1')')
define(`CANONIFY_DOMAIN_FILE', `_T_CLASS(`F', `{Canonify}', `$1')')
define(`GENERICS_DOMAIN', `_T_CLASS(`C', `{G}', `$1')')
define(`GENERICS_DOMAIN_FILE', `_T_CLASS(`F', `{G}', `$1')')
define(`LDAPROUTE_DOMAIN', `_T_CLASS(`C', `{LDAPRoute}', `$1')')
define(`LDAPROUTE_DOMAIN_FILE', `_T_CLASS(`F', `{LDAPRoute}', `$1')')
define(`LDAPROUTE_EQUIVALENT', `_T_CLASS(`C', `{LDAPRouteEquiv}', `$1')')
define(`LDAPROUTE_EQUIVALENT_FILE', `_T_CLASS(`F', `{LDAPRouteEquiv}', `$1')')
define(`VIRTUSER_DOMAIN', `define(`_VIRTHOSTS_', `1')_T_CLASS(`C', `{VirtHost}', `$1')')
define(`VIRTUSER_DOMAIN_FILE', `define(`_VIRTHOSTS_', `1')_T_CLASS(`F', `{VirtHost}', `$1')')
define(`RELAY_DOMAIN', `_T_CLASS(`C', `{R}', `$1')')
define(`RELAY_DOMAIN_FILE', `_T_CLASS(`F', `{R}', `$1')')
define(`TRUST_AUTH_MECH', `_T_DEFAULT(`_USE_AUTH_', `1')_T_CLASS(`C', `{TrustAuthMech}', `$1')')
define(`MASQUERADE_AS', `define(`MASQUERADE_NAME', `$1')')

dnl --------------------------------------- options that may be repeated
dnl Each call adds one line; proto.m4 writes the collected lines.
define(`_T_APPEND', `define(`$1', defn(`$1')`$2')')
define(`_DPO_', `')
define(`DAEMON_OPTIONS', `_T_APPEND(`_DPO_', `
O DaemonPortOptions=$1')')
define(`_CPO_', `')
define(`CLIENT_OPTIONS', `_T_APPEND(`_CPO_', `
O ClientPortOptions=$1')')
define(`_MAIL_FILTERS_', `')
define(`MAIL_FILTER', `_T_APPEND(`_MAIL_FILTERS_', `
X$1, $2')define(`_T_HAVE_MILTER_', `1')')
define(`INPUT_MAIL_FILTER', `MAIL_FILTER(`$1', `$2')dnl
ifelse(defn(`confINPUT_MAIL_FILTERS'), `',
	`define(`confINPUT_MAIL_FILTERS', `$1')',
	`define(`confINPUT_MAIL_FILTERS', defn(`confINPUT_MAIL_FILTERS')`, $1')')')
define(`_QUEUE_GROUP_', `')
define(`QUEUE_GROUP', `_T_APPEND(`_QUEUE_GROUP_', `
Q$1, $2')')

dnl ------------------------------------------------- mailer flag editing
dnl MODIFY_MAILER_FLAGS(NAME, flags): "+xy" adds x and y, "-xy" removes them,
dnl anything else replaces the whole set.  Mailer files apply the result
dnl with _T_FLAGS(default flags, NAME).
define(`MODIFY_MAILER_FLAGS', `ifelse(substr(`$2', 0, 1), `+',
	`_T_APPEND(`_T_MF_ADD_$1', substr(`$2', 1))',
	substr(`$2', 0, 1), `-',
	`_T_APPEND(`_T_MF_DEL_$1', substr(`$2', 1))',
	`define(`_T_MF_SET_$1', `$2')define(`_T_MF_ADD_$1', `')define(`_T_MF_DEL_$1', `')')')
define(`_T_DELCH', `ifelse(index(`$1', `$2'), `-1', `$1',
	`substr(`$1', 0, index(`$1', `$2'))`'substr(`$1', incr(index(`$1', `$2')))')')
define(`_T_ADDCH', `ifelse(index(`$1', `$2'), `-1', `$1$2', `$1')')
dnl _T_EACH(op, acc, chars) -- fold op over the characters
define(`_T_EACH', `ifelse(`$3', `', `$2',
	`_T_EACH(`$1', $1(`$2', substr(`$3', 0, 1)), substr(`$3', 1))')')
define(`_T_FLAGS', `ifdef(`_T_MF_SET_$2', `defn(`_T_MF_SET_$2')',
	`_T_EACH(`_T_ADDCH', _T_EACH(`_T_DELCH', `$1', defn(`_T_MF_DEL_$2')),
		defn(`_T_MF_ADD_$2'))')')
dnl the sendmail package's name for the same
define(`_MODMF_', `_T_FLAGS(`$1', `$2')')

dnl ------------------------------------------------------- feature maps
dnl _T_KMAP(map, file, ldap name) -- the K line of a map feature in
dnl LOCAL_CONFIG: no argument gives DATABASE_MAP_TYPE MAIL_SETTINGS_DIR<file>,
dnl `LDAP' the sendmailMTAMap schema, anything else is taken as the map
dnl type and arguments.
define(`_T_KMAP', `_T_PUSH(11)K$1 ifelse(defn(`_ARG_'), `', `DATABASE_MAP_TYPE MAIL_SETTINGS_DIR`'$2',
	defn(`_ARG_'), `LDAP', `_T_LDAPSPEC(`$3')', `defn(`_ARG_')')
_T_POP`'')
define(`_T_LDAPSPEC', `ldap -1 -v sendmailMTAMapValue,sendmailMTAMapSearch:FILTER:sendmailMTAMapObject,sendmailMTAMapURL:URL:sendmailMTAMapObject -k (&(objectClass=sendmailMTAMapObject)(|(sendmailMTACluster=${sendmailMTACluster})(sendmailMTAHost=$j))(sendmailMTAMapName=$1)(sendmailMTAKey=%0))')
dnl _T_NEEDACCESS(feature) -- fail unless FEATURE(access_db) came first
define(`_T_NEEDACCESS', `ifdef(`_ACCESS_TABLE_', `',
	`_T_FAIL(`FEATURE(`$1') needs FEATURE(`access_db') before it')')')
dnl _T_BEFORELOCAL(feature) -- warn when MAILER(local) came first
define(`_T_BEFORELOCAL', `ifdef(`_MAILER_local_',
	`_T_WARN(`FEATURE(`$1') must come before MAILER(`local')')')')

dnl ------------------------------------------------ UUCP site configuration
define(`UUCPSMTP', `R DOL(*) < @ $1 .UUCP > DOL(*)	DOL(1) < @ $2 > DOL(2)')
dnl SITECONFIG(file, uucp name, class): this host is known as <uucp name>
dnl in UUCP class <class> (U, V, W, X, Y or Z); the file lists its
dnl neighbours with SITE(name ...).
define(`SITECONFIG', `_T_PUSH(12)D$3$2
ifelse(`$3', `U', `Cw$2 $2.UUCP
')_T_POP`'define(`_CLASS_$3_', `')define(`_T_SITECLASS_', `$3')dnl
sinclude(_CF_DIR_`siteconfig/$1.m4')')
define(`SITE', `_T_PUSH(12)ifelse(`$2'_T_SITECLASS_, `SU', `CY$1', `C'_T_SITECLASS_`$1')
_T_POP`'')

dnl ----------------------------------------------------------- defaults
dnl The values a generated cf gets when the .mc says nothing (sendmail's
dnl documented defaults of its m4 package); a define in the .mc wins.
ifdef(`MAIL_SETTINGS_DIR', `', `define(`MAIL_SETTINGS_DIR', `/etc/mail/')')
define(`DATABASE_MAP_TYPE', `hash')
define(`ALIAS_FILE', `MAIL_SETTINGS_DIR`'aliases')
define(`confMAILER_NAME', ``MAILER-DAEMON'')
define(`confFROM_LINE', `From $g $d')
define(`confOPERATORS', `.:%@!^/[]+')
define(`confSMTP_LOGIN_MSG', `$j Sendmail $v/$Z; $b')
define(`_REC_AUTH_', `$.$?{auth_type}(authenticated')
define(`_REC_FULL_AUTH_', `$.$?{auth_type}(user=${auth_authen} $?{auth_author}author=${auth_author} $.mech=${auth_type}')
define(`_REC_HDR_', `$?sfrom $s $.$?_($?s$|from $.$_)')
define(`_REC_END_', `for $u; $|;
	$.$b')
define(`_REC_TLS_', `(version=${tls_version} cipher=${cipher} bits=${cipher_bits} verify=${verify})$.$?u')
define(`_REC_BY_', `$.by $j ($v/$Z)$?r with $r$. id $i$?{tls_version}')
define(`confRECEIVED_HEADER', `_REC_HDR_
	_REC_AUTH_$?{auth_ssf} bits=${auth_ssf}$.)
	_REC_BY_
	_REC_TLS_
	_REC_END_')
define(`confSEVEN_BIT_INPUT', `False')
define(`confALIAS_WAIT', `10')
define(`confMIN_FREE_BLOCKS', `100')
define(`confBLANK_SUB', `.')
define(`confCON_EXPENSIVE', `False')
define(`confDELIVERY_MODE', `background')
define(`confTEMP_FILE_MODE', `0600')
define(`confMCI_CACHE_SIZE', `2')
define(`confMCI_CACHE_TIMEOUT', `5m')
define(`confUSE_ERRORS_TO', `False')
define(`confLOG_LEVEL', `9')
define(`confCHECK_ALIASES', `False')
define(`confOLD_STYLE_HEADERS', `True')
define(`confPRIVACY_FLAGS', `authwarnings')
define(`confSAFE_QUEUE', `True')
define(`confTO_QUEUERETURN', `5d')
define(`confTO_QUEUEWARN', `4h')
define(`confTIME_ZONE', `USE_SYSTEM')
define(`confCW_FILE', `MAIL_SETTINGS_DIR`'local-host-names')
define(`confMIME_FORMAT_ERRORS', `True')
define(`confFORWARD_PATH', `$z/.forward.$w:$z/.forward')
define(`confCR_FILE', `-o MAIL_SETTINGS_DIR`'relay-domains')
define(`confMILTER_MACROS_CONNECT', ``j, _, {daemon_name}, {if_name}, {if_addr}'')
define(`confMILTER_MACROS_HELO', ``{tls_version}, {cipher}, {cipher_bits}, {cert_subject}, {cert_issuer}'')
define(`confMILTER_MACROS_ENVFROM', ``i, {auth_type}, {auth_authen}, {auth_ssf}, {auth_author}, {mail_mailer}, {mail_host}, {mail_addr}'')
define(`confMILTER_MACROS_ENVRCPT', ``{rcpt_mailer}, {rcpt_host}, {rcpt_addr}'')
define(`confMILTER_MACROS_EOM', `{msg_id}')

dnl the cf is written when the whole .mc has been read
m4wrap(`include(_CF_DIR_`m4/proto.m4')')
