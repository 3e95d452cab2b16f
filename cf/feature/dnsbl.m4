divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl FEATURE(`dnsbl', zone [, message [, temporary]]) -- refuse clients whose
dnl address is listed in the DNS block list zone.  message replaces the
dnl default 550 text (`quarantine' and `discard' act instead); with `t' as
dnl third argument a lookup failure is a 451, otherwise it is ignored.
dnl DNSBL_MAP and DNSBL_MAP_OPT change the map.
dnl
_T_MODULE
ifelse(defn(`_ARG_'), `', `_T_FAIL(`FEATURE(`dnsbl'): the DNS zone is missing')')
_T_DEFAULT(`DNSBL_MAP', `dns -R A')
ifdef(`_DNSBL_R_', `', `define(`_DNSBL_R_', `')_T_PUSH(11)Kdnsbl DNSBL_MAP -T<TMP>`'ifdef(`DNSBL_MAP_OPT', ` DNSBL_MAP_OPT')
_T_POP`'')
define(`_T_DNSBL_ASK_', `1')
_T_PUSH(18)dnl
R$*	$: $>DnsblAsk <dnsbl> <defn(`_ARG_')> $&{client_addr}
R<OK>	$: OKSOFAR
ifelse(defn(`_ARG3_'), `', `R<TMP>	$: TMPOK	a lookup failure lets the client on
', `R<TMP>	$#error $@ 4.4.3 $: ifelse(defn(`_ARG3_'), `t', `"451 Temporary lookup failure of " $&{client_addr} " at 'defn(`_ARG_')`"', `defn(`_ARG3_')')
')dnl
ifelse(defn(`_ARG2_'), `quarantine', `R<$+>	$#error $@ quarantine $: 'defn(`_ARG_')`
', defn(`_ARG2_'), `discard', `R<$+>	$#discard $: 'defn(`_ARG_')`
', `R<$+>	$#error $@ 5.7.1 $: ifelse(defn(`_ARG2_'), `', `"550 Rejected: " $&{client_addr} " listed at 'defn(`_ARG_')`"', `defn(`_ARG2_')')
')dnl
_T_POP
