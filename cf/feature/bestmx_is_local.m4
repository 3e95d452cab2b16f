divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl FEATURE(`bestmx_is_local' [, domain ...]) -- mail for a host whose best
dnl MX record is this host is delivered here.  With arguments only for hosts
dnl under the given domains (class B).
dnl
_T_MODULE
define(`_BESTMX_IS_LOCAL_', defn(`_ARG_'))
_T_PUSH(11)Kbestmx bestmx
ifelse(defn(`_ARG_'), `', `', `CB`'defn(`_ARG_')
')_T_POP
define(`_LOCAL_RULES_', `1')
_T_PUSH(16)ifelse(defn(`_ARG_'), `', `R$* < @ $* > $*	$: $1 < @ $2 @@ $(bestmx $2 $) > $3
', `R$* < @ $* $=B . > $*	$: $1 < @ $2 $3 . @@ $(bestmx $2 $3 . $) > $4
')dnl
R$* $=O $* < @ $* @@ $=w . > $*	$@ $>Recurse $1 $2 $3
R< @ $* @@ $=w . > : $*	$@ $>Recurse $3
R$* < @ $* @@ $=w . > $*	$@ $>CanonLocal < $1 >
R$* < @ $* @@ $* > $*	$: $1 < @ $2 > $4
_T_POP
