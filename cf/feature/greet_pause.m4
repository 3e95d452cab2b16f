divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl FEATURE(`greet_pause' [, milliseconds]) -- wait before the SMTP greeting
dnl and refuse clients that talk first.  GreetPause: entries of the access
dnl map give per-client values; the argument is the default.
dnl
_T_MODULE
ifelse(defn(`_ARG_'), `', `_T_NEEDACCESS(`greet_pause')')
define(`_GREET_PAUSE_', `')
_T_PUSH(15)
SLocal_greet_pause
Sgreet_pause
R$*	$: <$1><?> $| $>"Local_greet_pause" $1
R<$*><?> $| $#$*	$#$2
R<$*><?> $| $*	$: $1
ifdef(`_ACCESS_TABLE_', `dnl
R$+ $| $+	$: $2 $| $>AccHost <! GreetPause> <$1>
R$+ $| <?>	$: $>AccIP <! GreetPause> <$1>
R$+ $| <$*>	$: <$2>
R $| $+	$: $>AccIP <! GreetPause> <$1>
ifelse(defn(`_ARG_'), `', `R<?>	$@
', `R<?>	$# 'defn(`_ARG_')`
')dnl
R<_ATMPF_>	$@
R<$+>	$# $1
', `R$*	$# 'defn(`_ARG_')`
')dnl
_T_POP
