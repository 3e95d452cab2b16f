divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl MAILER(`uucp') -- the UUCP mailers, all through uux:
dnl	uucp, uucp-old	one recipient per call, bang-path addresses
dnl	suucp, uucp-new	several recipients per call (flag m)
dnl	uucp-dom	domain-style addresses (needs MAILER(smtp) first)
dnl	uucp-uudom	domain-style recipients, bang-path senders
dnl Hosts in class U go with uucp-old, Y with uucp-new, Z with uucp-uudom
dnl (SITECONFIG); other host.UUCP names with confUUCP_MAILER [uucp-old].
dnl
dnl Defines: UUCP_MAILER_PATH [/usr/bin/uux], UUCP_MAILER_ARGS
dnl [uux - -r -a$g -gC $h!rmail ($u)], UUCP_MAILER_FLAGS [] added to
dnl DFMhuUd (mDFMhuUd, mDFMhud), UUCP_MAILER_MAX [UUCP_MAX_SIZE or 100000],
dnl UUCP_MAILER_CHARSET, UUCP_MAILER_QGRP; MODIFY_MAILER_FLAGS(`UUCP', ...).
dnl
_T_MODULE
_T_DEFAULT(`UUCP_MAILER_PATH', `/usr/bin/uux')
_T_DEFAULT(`UUCP_MAILER_ARGS', `uux - -r -a$g -gC $h!rmail ($u)')
_T_DEFAULT(`UUCP_MAILER_FLAGS', `')
_T_DEFAULT(`UUCP_MAILER_MAX', ifdef(`UUCP_MAX_SIZE', `UUCP_MAX_SIZE', `100000'))
dnl _T_UUCPM(name, flags, S=, R=) -- one UUCP M line
define(`_T_UUCPM', `M$1,	P=UUCP_MAILER_PATH, F=_T_FLAGS(CONCAT(`$2', defn(`UUCP_MAILER_FLAGS')), `UUCP'), S=$3, R=$4,
		M=UUCP_MAILER_MAX, _T_OPTIN(`UUCP_MAILER_CHARSET', `C=', `, ')T=X-UUCP/X-UUCP/X-Unix,ifelse(defn(`UUCP_MAILER_QGRP'), `', `', ` Q=UUCP_MAILER_QGRP,')
		A=UUCP_MAILER_ARGS
')
ifdef(`_MAILER_smtp_', `',
	`_T_WARN(`MAILER(`uucp') before MAILER(`smtp'): no uucp-dom and uucp-uudom mailers')')
dnl routing by class, inside Parse1
_T_PUSH(17)dnl
R$* < @ $=Z . UUCP. > $*	$#uucp-uudom $@ $2 $: $1 < @ $2 .UUCP. > $3
R$* < @ $=Y . UUCP. > $*	$#uucp-new $@ $2 $: $1 < @ $2 .UUCP. > $3
R$* < @ $=U . UUCP. > $*	$#uucp-old $@ $2 $: $1 < @ $2 .UUCP. > $3
_T_POP
_T_PUSH(19)

#
# UUCP mailers: bang paths relative to the next hop
#
# recipients: the host to the front, host!user; headers also relative to
# the next hop ($h), or starting with our UUCP name; senders as headers
SEnvToU
R:; <@>	$@
R$* < @ $* . > $*	$1 < @ $2 > $3
R$* < @ $=w >	$1	this host
R<@ $- . UUCP > : $+	$1 ! $2
R<@ $+ > : $+	$1 ! $2
R$* < @ $- . UUCP >	$2 ! $1
R$* < @ $+ >	$2 ! $1

SHdrToU
R$*	$: $>EnvToU $1
R$&h ! $+ ! $+	$@ $1 ! $2	relative to the next hop
R$&h ! $+	$@ $&h ! $1
R$+	$: $U ! $1	from us
R! $+	$: $k ! $1	no UUCP name: use $k

SFromU
R<@>	$n
R$*	$: $>HdrToU $1

ifdef(`_MAILER_smtp_', `dnl
SEnvFromUD
R<@>	$n
R$*	$@ $>EnvFromSMTP $1

SEnvFromUUD
R<@>	$n
R$*	$: $>EnvFromSMTP $1
R$* < @ $* . > $*	$1 < @ $2 > $3
R<@ $- . UUCP > : $+	$@ $1 ! $2
R<@ $+ > : $+	$@ $1 ! $2
R$* < @ $- . UUCP >	$@ $2 ! $1
R$* < @ $+ >	$@ $2 ! $1
')dnl

_T_UUCPM(`uucp', `DFMhuUd', `FromU', `EnvToU/HdrToU')dnl
_T_UUCPM(`uucp-old', `DFMhuUd', `FromU', `EnvToU/HdrToU')dnl
_T_UUCPM(`suucp', `mDFMhuUd', `FromU', `EnvToU/HdrToU')dnl
_T_UUCPM(`uucp-new', `mDFMhuUd', `FromU', `EnvToU/HdrToU')dnl
ifdef(`_MAILER_smtp_', `dnl
_T_UUCPM(`uucp-dom', `mDFMhud', `EnvFromUD/HdrFromSMTP', ifdef(`_ALL_MASQUERADE_', `EnvToSMTP/HdrFromSMTP', `EnvToSMTP'))dnl
_T_UUCPM(`uucp-uudom', `mDFMhud', `EnvFromUUD/HdrFromSMTP', ifdef(`_ALL_MASQUERADE_', `EnvToSMTP/HdrFromSMTP', `EnvToSMTP'))dnl
')dnl
_T_POP
