divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl FEATURE(`redirect') -- an alias user: newaddr.REDIRECT bounces with
dnl "551 User has moved; please try <newaddr>".
dnl
_T_MODULE
_T_PUSH(13)dnl
R$* < @ $+ .REDIRECT. >	$: $1 < @ $2 . REDIRECT . > < ${opMode} >
R$* < @ $+ .REDIRECT. > <i>	$: $1 < @ $2 . REDIRECT. >
R$* < @ $+ .REDIRECT. > < $- >	$#error $@ 5.1.1 $: "551 User has moved; please try " <$1@$2>
_T_POP
_T_PUSH(11)CPREDIRECT
_T_POP
