divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl FEATURE(`rhsbl', zone [, message [, `t']]) -- refuse senders whose domain
dnl is listed in the right-hand-side block list zone (after rhs: entries of
dnl the access map, which may accept them).  message replaces "550 Mail from
dnl <domain> refused by blackhole site <zone>"; `t' turns lookup failures
dnl into 451.
dnl
_T_MODULE
ifelse(defn(`_ARG_'), `', `_T_FAIL(`FEATURE(`rhsbl'): the DNS zone is missing')')
ifdef(`_RHSBL_R_', `', `define(`_RHSBL_R_', `')ifdef(`_DNSBL_R_', `', `_T_PUSH(11)Kdnsbl host -T<TMP>
_T_POP')
_T_PUSH(15)
#
# TernRhsDomain: the domain of the envelope sender to look up in the
# right-hand-side block lists, as <domain>; <> when there is none or an
# rhs: entry of the access map accepts the sender
#
STernRhsDomain
dnl the marker in front keeps a $# from CanonAddr from ending this ruleset
R$*	$: <sender> $>CanonAddr $&f
R<sender> $*<@$+.>	$: <$2> $| $>AccList <+ rhs> $| <F:$1@$2> <D:$2> <>
R<$+> $| <$={Accept}>	$@ <>
R<$+> $| $*	$@ <$1>
R$*	$@ <>	no domain, or no usable sender
_T_POP')
_T_PUSH(18)dnl
R$+	$: $>TernRhsDomain
R<>	$: OKSOFAR
R<$+>	$: <?> $(dnsbl $1.`'defn(`_ARG_')`'. $: OK $) $(macro {RHS} $@ $1 $)
R<?> OK	$: OKSOFAR
ifelse(defn(`_ARG3_'), `', `R<?>$+<TMP>	$: TMPOK
', `R<?>$+<TMP>	$#error $@ 4.7.1 $: ifelse(defn(`_ARG3_'), `t', `"451 Temporary lookup failure of " $&{RHS} " at 'defn(`_ARG_')`"', `defn(`_ARG3_')')
')dnl
R<?>$+	$#error $@ 5.7.1 $: ifelse(defn(`_ARG2_'), `', `"550 Mail from " $&{RHS} " refused by blackhole site 'defn(`_ARG_')`"', `defn(`_ARG2_')')
_T_POP
define(`_NEED_MACRO_MAP_', `1')
