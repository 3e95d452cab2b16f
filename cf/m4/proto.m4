divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl proto.m4 -- writes the sendmail.cf.  Run by m4wrap once the whole .mc
dnl has been read, so every define of the .mc is known here.  Order of the
dnl output: version line, local information (macros, classes, maps),
dnl options, queue groups, precedences, trusted users, headers, the address
dnl rulesets (rules.m4), the anti-spam rulesets (checks.m4), TLS and AUTH
dnl rulesets (tls.m4), the site's LOCAL_RULESETS, mail filters, mailers.
dnl

dnl ---------------------------------------------- last-minute defaults
ifdef(`_MAILER_local_', `', `MAILER(`local')')
ifdef(`__OSTYPE__', `',
	`errprint(`cf: warning: no OSTYPE in the .mc file; using sendmail defaults
')')
_T_DEFAULT(`confSMTP_MAILER', `esmtp')
_T_DEFAULT(`confLOCAL_MAILER', `local')
dnl the relay mailer is "relay" when MAILER(smtp) is there; otherwise there is
dnl no relay mailer and mail for a relay host fails with an unknown mailer
_T_DEFAULT(`confRELAY_MAILER', ifdef(`_MAILER_smtp_', `relay', `unknown'))
_T_DEFAULT(`confUUCP_MAILER', `uucp-old')
define(`_SMTP_', `confSMTP_MAILER')
define(`_LOCAL_', `confLOCAL_MAILER')
define(`_RELAY_', `confRELAY_MAILER')
define(`_UUCP_', `confUUCP_MAILER')
ifdef(`confRELAY_MSG', `', `define(`confRELAY_MSG',
	ifdef(`_USE_AUTH_', `"550 Relaying denied. Proper authentication required."',
		`"550 Relaying denied"'))')
ifdef(`confRCPTREJ_MSG', `', `define(`confRCPTREJ_MSG', `"550 Mailbox disabled for this recipient"')')
dnl old spellings that no longer work
ifdef(`confDEF_GROUP_ID', `_T_WARN(`confDEF_GROUP_ID is obsolete: put "user:group" in confDEF_USER_ID')')
ifdef(`confREAD_TIMEOUT', `_T_WARN(`confREAD_TIMEOUT is obsolete: use the confTO_* timeouts')')
ifdef(`confAUTO_REBUILD', `_T_WARN(`confAUTO_REBUILD is no longer supported')')
ifelse(defn(`confDAEMON_OPTIONS'), `', `',
	`_T_WARN(`confDAEMON_OPTIONS is obsolete: use DAEMON_OPTIONS()')DAEMON_OPTIONS(defn(`confDAEMON_OPTIONS'))')
ifelse(defn(`confCLIENT_OPTIONS'), `', `',
	`_T_WARN(`confCLIENT_OPTIONS is obsolete: use CLIENT_OPTIONS()')CLIENT_OPTIONS(defn(`confCLIENT_OPTIONS'))')
dnl confMESSAGE_TIMEOUT: "return[/warn]"
ifdef(`confMESSAGE_TIMEOUT', `ifelse(index(confMESSAGE_TIMEOUT, `/'), `-1',
	`define(`confTO_QUEUERETURN', confMESSAGE_TIMEOUT)',
	`define(`confTO_QUEUERETURN', substr(confMESSAGE_TIMEOUT, 0, index(confMESSAGE_TIMEOUT, `/')))dnl
define(`confTO_QUEUEWARN', substr(confMESSAGE_TIMEOUT, incr(index(confMESSAGE_TIMEOUT, `/'))))')')
ifdef(`confLDAP_DEFAULT_SPEC', `', `ifdef(`_LDAP_ROUTING_WARN_',
	`_T_WARN(`FEATURE(ldap_routing) with its default maps needs confLDAP_DEFAULT_SPEC')')')
ifelse(substr(confDELIVERY_MODE, 0, 1), `d',
	`_T_WARN(`deferred delivery mode: the anti-spam rulesets do nothing')')
dnl the check_* rulesets are renamed when delay_checks calls them itself
define(`_U_', ifdef(`_DELAY_CHECKS_', `', `_'))
ifdef(`_ACCESS_TABLE_', `define(`_FULL_TLS_CONNECTION_CHECK_', `1')')
ifdef(`_MTA_STS_', `define(`_FULL_TLS_CONNECTION_CHECK_', `1')')
_T_DEFAULT(`_TAG_DELIM_', `:')
define(`_RES_OK_', `OKR')
define(`TLS_SRV_TAG', `"TLS_Srv"')
define(`TLS_CLT_TAG', `"TLS_Clt"')
define(`TLS_RCPT_TAG', `"TLS_Rcpt"')
define(`TLS_TRY_TAG', `"Try_TLS"')
define(`SRV_FEAT_TAG', `"Srv_Features"')
define(`CLT_FEAT_TAG', `"Clt_Features"')

divert(0)dnl
#
# sendmail.cf written by the m4 configuration package of Tern (cf/).
# Edit the .mc file and run m4 again rather than editing this file.
#
V`'CF_LEVEL`'ifdef(`NO_VENDOR', `', `/ifdef(`VENDOR_NAME', `VENDOR_NAME', `Berkeley')')

ifdef(`confDONT_BLAME_SENDMAIL', `O DontBlameSendmail=confDONT_BLAME_SENDMAIL
')dnl
ifdef(`confLDAP_DEFAULT_SPEC', `O LDAPDefaultSpec=confLDAP_DEFAULT_SPEC
')dnl
ifdef(`confLDAP_CLUSTER', `D{sendmailMTACluster}`'confLDAP_CLUSTER
')dnl
#
# This host: names, relays, classes and maps
#
Cwlocalhost
ifdef(`USE_CW_FILE', `Fw`'confCW_FILE
')dnl
ifdef(`confDOMAIN_NAME', `Dj`'confDOMAIN_NAME
')dnl
CP.
ifdef(`UUCP_RELAY', `DY`'UUCP_RELAY
CPUUCP
')dnl
ifdef(`BITNET_RELAY', `DB`'BITNET_RELAY
CPBITNET
')dnl
ifdef(`DECNET_RELAY', `define(`_USE_DECNET_SYNTAX_', `1')DC`'DECNET_RELAY
CPDECNET
')dnl
ifdef(`FAX_RELAY', `DF`'FAX_RELAY
CPFAX
')dnl
DS`'ifdef(`SMART_HOST', `SMART_HOST')
ifdef(`LUSER_RELAY', `Kuser user -m -a<>
DL`'LUSER_RELAY
')dnl
CO @ ifdef(`_NO_PERCENTHACK_', `', `%') ifdef(`_NO_UUCP_', `', `!')
C..
C[[
ifdef(`_ACCESS_TABLE_', `C{Accept}OK RELAY
ifdef(`_DELAY_COMPAT_8_10_', `ifdef(`_BLOCKLIST_RCPT_', `C{SpamTag}SPAMFRIEND SPAMHATER
')')')dnl
ifdef(`_ACCEPT_UNRESOLVABLE_DOMAINS_', `', `Kresolve host -a<_RES_OK_> -T<TEMP>
')dnl
C{ResOk}_RES_OK_
ifdef(`_NEED_MACRO_MAP_', `ifdef(`_MACRO_MAP_', `', `define(`_MACRO_MAP_', `1')Kmacro macro
')')dnl
ifdef(`confCR_FILE', `FR`'confCR_FILE
')dnl
ifdef(`_ARITH_MAP_', `', `define(`_ARITH_MAP_', `1')Karith arith
')dnl
ifdef(`_FULL_TLS_CONNECTION_CHECK_', `ifdef(`_MACRO_MAP_', `', `define(`_MACRO_MAP_', `1')Kmacro macro
')C{Tls}VERIFY ENCR
C{TlsVerified}OK TRUSTED
')dnl
ifdef(`_CERT_REGEX_ISSUER_', `KCERTIssuer regex _CERT_REGEX_ISSUER_
')dnl
ifdef(`_CERT_REGEX_SUBJECT_', `KCERTSubject regex _CERT_REGEX_SUBJECT_
')dnl
ifdef(`_MTA_STS_', `Kstsxsni regex -a: -s3 (.*)(servername=)(.*)
Kstsxsni2 regex -a: -s2 (.*)(servername=.*)
Kstsxmatch regex -a: -s2 (match=)(.*)
Kstsxnodaneflag regex -a@ -s3 (.*)(flags=)([^;]*d)(.*)
')dnl
ifdef(`LOCAL_RELAY', `DR`'LOCAL_RELAY
')dnl
ifdef(`MAIL_HUB', `DH`'MAIL_HUB
')dnl
Kdequote dequote`'ifdef(`confDEQUOTE_OPTS', ` confDEQUOTE_OPTS')
# classes from the .mc: E exposed users, L local users, M masqueraded
# domains, N domains never masqueraded, R relay domains, ...
undivert(12)dnl
ifdef(`_VIRTHOSTS_', `CR$={VirtHost}
')dnl
ifdef(`MASQUERADE_NAME', `DM`'MASQUERADE_NAME
')dnl
ifdef(`confMAILER_NAME', `Dn`'confMAILER_NAME
')dnl
# site configuration and the maps of the features
undivert(11)dnl
DZ8.17.1.9`'ifdef(`confCF_VERSION', `/confCF_VERSION')

#
# Options
#
include(_CF_DIR_`m4/options.m4')dnl
O HelpFile=ifdef(`HELP_FILE', `HELP_FILE', `MAIL_SETTINGS_DIR`'helpfile')
O QueueDirectory=ifdef(`QUEUE_DIR', `QUEUE_DIR', `/var/spool/mqueue')
ifelse(confTIME_ZONE, `USE_SYSTEM', `',
	confTIME_ZONE, `USE_TZ', `O TimeZoneSpec=
',
	`O TimeZoneSpec=confTIME_ZONE
')dnl
ifelse(defn(`_DPO_'), `',
	`ifdef(`_NETINET6_', `O DaemonPortOptions=Name=MTA-v4, Family=inet
O DaemonPortOptions=Name=MTA-v6, Family=inet6', `O DaemonPortOptions=Name=MTA')',
	`substr(defn(`_DPO_'), 1)')
ifdef(`_NO_MSA_', `', `O DaemonPortOptions=Port=587, Name=MSA, M=E
')dnl
ifelse(defn(`_CPO_'), `', `', `substr(defn(`_CPO_'), 1)
')dnl
ifdef(`_T_HAVE_MILTER_', `_T_OPT(`Milter.LogLevel', `confMILTER_LOG_LEVEL')dnl
_T_OPT(`Milter.macros.connect', `confMILTER_MACROS_CONNECT')dnl
_T_OPT(`Milter.macros.helo', `confMILTER_MACROS_HELO')dnl
_T_OPT(`Milter.macros.envfrom', `confMILTER_MACROS_ENVFROM')dnl
_T_OPT(`Milter.macros.envrcpt', `confMILTER_MACROS_ENVRCPT')dnl
_T_OPT(`Milter.macros.eom', `confMILTER_MACROS_EOM')dnl
_T_OPT(`Milter.macros.eoh', `confMILTER_MACROS_EOH')dnl
_T_OPT(`Milter.macros.data', `confMILTER_MACROS_DATA')')dnl
ifdef(`_NEED_SMTPOPMODES_', `C{SMTPOpModes} s d D
')dnl

#
# Queue groups
#
ifelse(defn(`_QUEUE_GROUP_'), `', `', `substr(defn(`_QUEUE_GROUP_'), 1)
')dnl

#
# Precedences
#
Pfirst-class=0
Pspecial-delivery=100
Plist=-30
Pbulk=-60
Pjunk=-100

#
# Trusted users (class t)
#
ifdef(`_USE_CT_FILE_', `Ft`'ifdef(`confCT_FILE', `confCT_FILE', `MAIL_SETTINGS_DIR`'trusted-users')
')dnl
Troot
Tdaemon
ifdef(`_NO_UUCP_', `', `Tuucp
')dnl
ifdef(`confTRUSTED_USERS', `T`'confTRUSTED_USERS
')dnl

#
# Headers
#
ifdef(`confFROM_HEADER', `', `define(`confFROM_HEADER', `$?x$x <$g>$|$g$.')')dnl
ifdef(`confMESSAGEID_HEADER', `', `define(`confMESSAGEID_HEADER', `<$t.$i@$j>')')dnl
H?P?Return-Path: <$g>
HReceived: confRECEIVED_HEADER
H?D?Resent-Date: $a
H?D?Date: $a
H?F?Resent-From: confFROM_HEADER
H?F?From: confFROM_HEADER
H?x?Full-Name: $x
H?M?Resent-Message-Id: confMESSAGEID_HEADER
H?M?Message-Id: confMESSAGEID_HEADER

include(_CF_DIR_`m4/rules.m4')dnl
include(_CF_DIR_`m4/checks.m4')dnl
include(_CF_DIR_`m4/tls.m4')dnl

#
# rulesets of the site and of the features
#
undivert(15)dnl

#
# Mail filters
#
ifelse(defn(`_MAIL_FILTERS_'), `', `', `substr(defn(`_MAIL_FILTERS_'), 1)
')dnl

#
# Mailers
#
undivert(19)dnl
