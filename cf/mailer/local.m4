divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl MAILER(`local') -- the local delivery agent ("local") and the shell
dnl for |program recipients ("prog").  Always present: proto.m4 adds it
dnl when the .mc does not name it.
dnl
dnl Defines read here (defaults in brackets):
dnl	LOCAL_MAILER_PATH [/bin/mail]	LOCAL_MAILER_ARGS [mail -d $u]
dnl	LOCAL_MAILER_FLAGS [Prmn9], added to lsDFMAw5:/|@q
dnl	LOCAL_MAILER_EOL, _MAX, _MAXMSGS, _MAXRCPTS, _CHARSET, _QGRP
dnl	LOCAL_MAILER_DSN_DIAGNOSTIC_CODE [X-Unix]
dnl	LOCAL_SHELL_PATH [/bin/sh]	LOCAL_SHELL_ARGS [sh -c $u]
dnl	LOCAL_SHELL_FLAGS [eu9], added to lsDFMoq	LOCAL_SHELL_DIR [$z:/]
dnl	LOCAL_PROG_QGRP
dnl MODIFY_MAILER_FLAGS(`LOCAL', ...) and (`SHELL', ...) edit the flags.
dnl
_T_MODULE
dnl LOCAL_MAILER_PATH [LOCAL]: Tern's built-in mbox delivery.  It takes
dnl mail.local's arguments and flags, not procmail's (which OSTYPE linux's
dnl local_procmail set unless the .mc gave its own)
ifelse(defn(`LOCAL_MAILER_PATH'), `[LOCAL]', `dnl
ifelse(defn(`LOCAL_MAILER_ARGS'), defn(`_T_LP_ARGS_'), `define(`LOCAL_MAILER_ARGS', `mail -d $u')')dnl
ifelse(defn(`LOCAL_MAILER_FLAGS'), defn(`_T_LP_FLAGS_'), `define(`LOCAL_MAILER_FLAGS', `Prmn9')')dnl
')
_T_DEFAULT(`_DEF_LOCAL_MAILER_FLAGS', `lsDFMAw5:/|@q')
_T_DEFAULT(`LOCAL_MAILER_FLAGS', `Prmn9')
_T_DEFAULT(`LOCAL_MAILER_PATH', `/bin/mail')
_T_DEFAULT(`LOCAL_MAILER_ARGS', `mail -d $u')
_T_DEFAULT(`LOCAL_MAILER_DSN_DIAGNOSTIC_CODE', `X-Unix')
_T_DEFAULT(`_DEF_LOCAL_SHELL_FLAGS', `lsDFMoq')
_T_DEFAULT(`LOCAL_SHELL_FLAGS', `eu9')
_T_DEFAULT(`LOCAL_SHELL_PATH', `/bin/sh')
_T_DEFAULT(`LOCAL_SHELL_ARGS', `sh -c $u')
_T_DEFAULT(`LOCAL_SHELL_DIR', `$z:/')
_T_PUSH(19)

#
# local and prog: addresses as the local mail store and .forward see them
#
SEnvFromL
R<@>	$n	bounces come from the mailer daemon
R@ <@ $*>	$n
R$+	$: $>AddDomain $1
ifdef(`_LOCAL_NO_MASQUERADE_', `', `R$*	$: $>MasqEnv $1
')dnl

SEnvToL
R$+ < @ $* >	$: $1	only the user
ifdef(`confUSERDB_SPEC', `', `dnl
# a sender keeps no +detail
R$+ + $*	$: $&{addr_type} $| $1 + $2
Re s $| $+ + $*	$@ $1
R$* $| $+	$@ $2
')dnl

SHdrFromL
R<@>	$n
R@ <@ $*>	$n
R$+	$: $>AddDomain $1
ifdef(`_LOCAL_NO_MASQUERADE_', `', `R$*	$: $>MasqHdr $1
')dnl

SHdrToL
R$+	$: $>AddDomain $1
ifdef(`_ALL_MASQUERADE_', `ifdef(`_LOCAL_NO_MASQUERADE_', `', `R$*	$: $>MasqHdr $1
')', `R$* < @ *LOCAL* > $*	$: $1 < @ $j . > $2
')dnl

SAddDomain
ifdef(`_ALWAYS_ADD_DOMAIN_', `dnl
R$* < @ $* > $*	$@ $1 < @ $2 > $3
ifelse(defn(`_ALWAYS_ADD_DOMAIN_'), `', `R$+	$@ $1 < @ *LOCAL* >
', `R$+	$@ $1 < @ _ALWAYS_ADD_DOMAIN_ >
')')dnl

Mlocal,	P=LOCAL_MAILER_PATH, F=_T_FLAGS(CONCAT(defn(`_DEF_LOCAL_MAILER_FLAGS'), defn(`LOCAL_MAILER_FLAGS')), `LOCAL'), ifdef(`_LOCAL_LMTP_', `S=EnvFromSMTP/HdrFromL', `S=EnvFromL/HdrFromL'), R=EnvToL/HdrToL,_T_OPTIN(`LOCAL_MAILER_EOL', ` E=', `,')
		_T_OPTIN(`LOCAL_MAILER_MAX', `M=', `, ')_T_OPTIN(`LOCAL_MAILER_MAXMSGS', `m=', `, ')_T_OPTIN(`LOCAL_MAILER_MAXRCPTS', `r=', `, ')_T_OPTIN(`LOCAL_MAILER_CHARSET', `C=', `, ')T=DNS/RFC822/LOCAL_MAILER_DSN_DIAGNOSTIC_CODE,ifelse(defn(`LOCAL_MAILER_QGRP'), `', `', ` Q=LOCAL_MAILER_QGRP,')
		A=LOCAL_MAILER_ARGS
Mprog,	P=LOCAL_SHELL_PATH, F=_T_FLAGS(CONCAT(defn(`_DEF_LOCAL_SHELL_FLAGS'), defn(`LOCAL_SHELL_FLAGS')), `SHELL'), S=EnvFromL/HdrFromL, R=EnvToL/HdrToL, D=LOCAL_SHELL_DIR,
		_T_OPTIN(`LOCAL_MAILER_MAX', `M=', `, ')T=X-Unix/X-Unix/X-Unix,ifelse(defn(`LOCAL_PROG_QGRP'), `', `', ` Q=LOCAL_PROG_QGRP,')
		A=LOCAL_SHELL_ARGS
_T_POP
