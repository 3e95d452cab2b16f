divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl FEATURE(`queuegroup' [, default group]) -- pick the queue group of a
dnl recipient from qgrp: entries of the access map (full address, then
dnl domain).  Needs FEATURE(`access_db').
dnl
_T_MODULE
_T_NEEDACCESS(`queuegroup')
_T_PUSH(15)
Squeuegroup
R$*	$: $>TernQgrpBare $1
R$+ @ $+	$: $>AccList <! qgrp> $| <F:$1@$2> <D:$2> <>
dnl no qgrp: entry: the default group of the FEATURE, if it names one
R<?>	ifelse(defn(`_ARG_'), `', `$@', `$: <'defn(`_ARG_')`>')
R<$+>	$# $1

STernQgrpBare
R<$+>	$1	as many pairs as there are
_T_POP
