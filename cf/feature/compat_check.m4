divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl FEATURE(`compat_check') -- ruleset check_compat looks up
dnl Compat:sender<@>recipient in the access map: DISCARD, TEMP: or ERROR:.
dnl Needs FEATURE(`access_db').
dnl
_T_MODULE
_T_NEEDACCESS(`compat_check')
_T_PUSH(15)
Scheck_compat
dnl each side loses one pair of angle brackets: the pair is turned round
dnl twice, unwrapping the side that moves to the back
R$+ $| $+	$: $2 $| $>TernCompatBare $1
R$+ $| $+	$: $2 $| $>TernCompatBare $1
R$+ $| $+	$: <$(access Compat:$1<@>$2 $: OK $)>
R$* $| $*	$@ ok	an empty side: nothing to look up
R<DISCARD:$*>	$: <DISCARD $1>
R<DISCARD $*>	$#discard $: $1 " - discarded by check_compat"
R<TEMP:$*>	$#error $@ TEMPFAIL $: $1 " error from check_compat. Try again later"
R<ERROR:$*>	$#error $@ UNAVAILABLE $: $1 " error from check_compat"

STernCompatBare
R<$+>	$@ $1
_T_POP
