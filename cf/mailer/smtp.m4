divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl MAILER(`smtp') -- the SMTP mailers: smtp (plain SMTP), esmtp (tries
dnl EHLO; the default for remote mail), smtp8 (8-bit as is), dsmtp (ETRN
dnl on-demand delivery, flag %) and relay (to a smart host or hub: the
dnl addresses are not rewritten for the outside world).
dnl
dnl Defines read here (defaults in brackets):
dnl	SMTP_MAILER_FLAGS [], added to mDFMuX; RELAY_MAILER_FLAGS [= SMTP's]
dnl	SMTP_MAILER_ARGS, ESMTP_MAILER_ARGS, SMTP8_MAILER_ARGS,
dnl	DSMTP_MAILER_ARGS, RELAY_MAILER_ARGS [TCP $h]
dnl	SMTP_MAILER_LL [990]  RELAY_MAILER_LL [2040]
dnl	SMTP_MAILER_MAX, _MAXMSGS, _MAXRCPTS, _CHARSET; RELAY_MAILER_MAXMSGS,
dnl	RELAY_MAILER_CHARSET; xxx_MAILER_QGRP for each of the five
dnl MODIFY_MAILER_FLAGS(`SMTP' | `ESMTP' | `SMTP8' | `DSMTP' | `RELAY', ...)
dnl
_T_MODULE
_T_DEFAULT(`_DEF_SMTP_MAILER_FLAGS', `mDFMuX')
_T_DEFAULT(`SMTP_MAILER_FLAGS', `')
_T_DEFAULT(`SMTP_MAILER_LL', `990')
_T_DEFAULT(`RELAY_MAILER_LL', `2040')
_T_DEFAULT(`RELAY_MAILER_FLAGS', defn(`SMTP_MAILER_FLAGS'))
_T_DEFAULT(`SMTP_MAILER_ARGS', `TCP $h')
_T_DEFAULT(`ESMTP_MAILER_ARGS', `TCP $h')
_T_DEFAULT(`SMTP8_MAILER_ARGS', `TCP $h')
_T_DEFAULT(`DSMTP_MAILER_ARGS', `TCP $h')
_T_DEFAULT(`RELAY_MAILER_ARGS', `TCP $h')
dnl _T_SMTPM(name, extra flags, NAME) -- one SMTP-family M line
define(`_T_SMTPM', `M$1,	P=[IPC], F=_T_FLAGS(CONCAT(defn(`_DEF_SMTP_MAILER_FLAGS'), `$2', defn(`SMTP_MAILER_FLAGS')), `$3'), S=EnvFromSMTP/HdrFromSMTP, R=ifdef(`_ALL_MASQUERADE_', `EnvToSMTP/HdrFromSMTP', `EnvToSMTP'), E=\r\n, L=SMTP_MAILER_LL,
		_T_OPTIN(`SMTP_MAILER_MAX', `M=', `, ')_T_OPTIN(`SMTP_MAILER_MAXMSGS', `m=', `, ')_T_OPTIN(`SMTP_MAILER_MAXRCPTS', `r=', `, ')_T_OPTIN(`SMTP_MAILER_CHARSET', `C=', `, ')T=DNS/RFC822/SMTP,ifelse(defn(`$3_MAILER_QGRP'), `', `', ` Q='defn(`$3_MAILER_QGRP')`,')
		A=$3_MAILER_ARGS
')
_T_PUSH(19)

#
# SMTP mailers: addresses as the rest of the Internet must see them
#
SMasqSMTP
R$* < @ $* > $*	$@ $1 < @ $2 > $3	already qualified
R$+	$@ $1 < @ *LOCAL* >

SPseudoToReal
R< @ $+ > $*	$@ < @ $1 > $2	route address
ifdef(`BITNET_RELAY', `dnl
R$+ <@ $+ .BITNET. >	$: $1 % $2 .BITNET < @ $B >
R$+.BITNET <@ $~[ $*:$+ >	$: $1 .BITNET < @ $4 >
')dnl
ifdef(`_NO_UUCP_', `', `dnl
# host.UUCP names: "host $| user", then a bang path relative to the host
# we hand the message to ($h), or through the UUCP relay ($Y)
R$+ < @ $+ .UUCP. >	$: $2 $| $1
R$+ < @ $* > $*	$@ $1 < @ $2 > $3
R$&h $| $- ! $+	$@ $2 < @ $1 .UUCP. >
R$&h $| $-.$+ ! $+	$@ $3 < @ $1.$2 >
R$&h $| $+	$@ $1 < @ $&h .UUCP. >
R$+ $| $+	$: $1 ! $2 < @ $Y >
R$+ < @ $~[ $* : $+ >	$@ $1 < @ $4 >	no mailer: part
R$+ < @ >	$: $1 < @ *LOCAL* >	no UUCP relay
')dnl

# envelope senders: qualified with *LOCAL*, then masqueraded (MasqEnv)
SEnvFromSMTP
R$+	$: $>PseudoToReal $1
R$* :; <@>	$@	list:;
R$* < @ $* > $*	$@ $>MasqEnv $1 < @ $2 > $3
R$+	$@ $>MasqEnv $1 < @ *LOCAL* >

# envelope recipients: qualified with $j
SEnvToSMTP
R$+	$: $>PseudoToReal $1
R$* < @ *LOCAL* > $*	$@ $1 < @ $j . > $2
R$* < @ $* > $*	$@ $1 < @ $2 > $3
R$+	$@ $1 < @ $j . >

# header addresses: qualified, then masqueraded (MasqHdr); the null host
# and route addresses pass as they are
SHdrFromSMTP
R$+	$: $>PseudoToReal $1
R:; <@>	$@
R$* <@> $*	$@ $1 <@> $2
R< @ $* > $*	$@ < @ $1 > $2
R$* < @ $* > $*	$@ $>MasqHdr $1 < @ $2 > $3
R$+	$@ $>MasqHdr $1 < @ *LOCAL* >

# relay: header addresses masqueraded, envelope only qualified (MasqSMTP)
SMasqRelay
R$* < @ $* > $*	$@ $>MasqHdr $1 < @ $2 > $3
R$+	$@ $>MasqHdr $1 < @ *LOCAL* >

_T_SMTPM(`smtp', `', `SMTP')dnl
_T_SMTPM(`esmtp', `a', `ESMTP')dnl
_T_SMTPM(`smtp8', `8', `SMTP8')dnl
_T_SMTPM(`dsmtp', `a%', `DSMTP')dnl
Mrelay,	P=[IPC], F=_T_FLAGS(CONCAT(defn(`_DEF_SMTP_MAILER_FLAGS'), `a8', defn(`RELAY_MAILER_FLAGS')), `RELAY'), S=EnvFromSMTP/HdrFromSMTP, R=ifdef(`_ALL_MASQUERADE_', `MasqSMTP/MasqRelay', `MasqSMTP'), E=\r\n, L=RELAY_MAILER_LL,
		_T_OPTIN(`RELAY_MAILER_CHARSET', `C=', `, ')_T_OPTIN(`RELAY_MAILER_MAXMSGS', `m=', `, ')_T_OPTIN(`SMTP_MAILER_MAXRCPTS', `r=', `, ')T=DNS/RFC822/SMTP,ifelse(defn(`RELAY_MAILER_QGRP'), `', `', ` Q=RELAY_MAILER_QGRP,')
		A=RELAY_MAILER_ARGS
_T_POP
