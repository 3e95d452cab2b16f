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
R< $+ >	$1
R $+ @ $+	$: $>AccList <! qgrp> $| <F:$1@$2> <D:$2> <>
ifelse(defn(`_ARG_'), `', `R<?>	$@
', `R<?>	$# 'defn(`_ARG_')`
')dnl
R<$+>	$# $1
_T_POP
