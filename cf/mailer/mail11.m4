divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl MAILER(`mail11') -- DECnet mail through the mail11 program: host.DECNET
dnl and node::user addresses (turns on the DECnet syntax).  The .DECNET
dnl names of this host stay local.
dnl	MAIL11_MAILER_PATH [/usr/etc/mail11]  MAIL11_MAILER_FLAGS [nsFx]
dnl	MAIL11_MAILER_ARGS [mail11 $g $x $h $u]  MAIL11_MAILER_QGRP
dnl Rulesets Mail11To (recipients as node::user) and Mail11From.
dnl
_T_MODULE
_T_DEFAULT(`MAIL11_MAILER_PATH', `/usr/etc/mail11')
_T_DEFAULT(`MAIL11_MAILER_FLAGS', `nsFx')
_T_DEFAULT(`MAIL11_MAILER_ARGS', `mail11 $g $x $h $u')
define(`_USE_DECNET_SYNTAX_', `1')
_T_PUSH(11)CPDECNET
_T_POP
_T_PUSH(17)dnl
R$* < @ $=w .DECNET. >	$#`'ifdef(`confLOCAL_MAILER', `confLOCAL_MAILER', `local') $: $1	a DECnet name of this host
R$+ < @ $+ .DECNET. >	$#mail11 $@ $2 $: $1
_T_POP
_T_PUSH(19)

#
# mail11: addresses in DECnet form, node::user
#
SMail11To
R$+ < @ $- .UUCP >	$: $2 ! $1
R$+ < @ $- .DECNET >	$: $2 :: $1
R$+ < @ $- .LOCAL >	$: $2 :: $1
R$+ < @ $=w. >	$: $2 :: $1
R$=w :: $+	$2	our own node name goes
R$+ :: $+	$@ $1 :: $2

SMail11From
R$+	$: $>Mail11To $1
R$w :: $+	$@ $w :: $1

Mmail11, P=MAIL11_MAILER_PATH, F=_T_FLAGS(defn(`MAIL11_MAILER_FLAGS'), `MAIL11'), S=Mail11From, R=Mail11To,
		T=DNS/X-DECnet/X-Unix,ifelse(defn(`MAIL11_MAILER_QGRP'), `', `', ` Q=MAIL11_MAILER_QGRP,')
		A=MAIL11_MAILER_ARGS
_T_POP
