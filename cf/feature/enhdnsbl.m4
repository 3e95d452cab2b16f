divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl FEATURE(`enhdnsbl', zone [, message [, temporary [, result ...]]]) --
dnl like dnsbl, but only the listed lookup results (default: any) reject;
dnl EDNSBL_TO sets the DNS timeout (default 5).
dnl
_T_MODULE
ifelse(defn(`_ARG_'), `', `_T_FAIL(`FEATURE(`enhdnsbl'): the DNS zone is missing')')
ifdef(`_EDNSBL_R_', `', `define(`_EDNSBL_R_', `')_T_PUSH(11)Kednsbl dns -R A -a. -T<TMP> -r`'ifdef(`EDNSBL_TO', `EDNSBL_TO', `5')
_T_POP`'')
define(`_T_DNSBL_ASK_', `1')
dnl _T_EDNSBL_NO: the reply for a listed client ($' and ` keep $# from m4)
define(`_T_EDNSBL_NO', `ifelse(defn(`_ARG2_'), `quarantine', `$'`#error $'`@ quarantine $'`: 'defn(`_ARG_'),
	defn(`_ARG2_'), `discard', `$'`#discard $'`: discard',
	`$'`#error $'`@ 5.7.1 $'`: 'ifelse(defn(`_ARG2_'), `', `"550 Rejected: " $'`&{client_addr} " listed at 'defn(`_ARG_')`"', `defn(`_ARG2_')'))')
_T_PUSH(18)dnl
R$*	$: $>DnsblAsk <ednsbl> <defn(`_ARG_')> $&{client_addr}
R<OK>	$: OKSOFAR
ifelse(defn(`_ARG3_'), `', `R<TMP>	$: TMPOK	a lookup failure lets the client on
', `R<TMP>	$#error $@ 4.4.3 $: ifelse(defn(`_ARG3_'), `t', `"451 Temporary lookup failure of " $&{client_addr} " at 'defn(`_ARG_')`"', `defn(`_ARG3_')')
')dnl
ifelse(defn(`_ARG4_'), `', `R<$+>	_T_EDNSBL_NO
', `dnl
R<'defn(`_ARG4_')`>	_T_EDNSBL_NO
ifelse(defn(`_ARG5_'), `', `', `R<'defn(`_ARG5_')`>	_T_EDNSBL_NO
')dnl
ifelse(defn(`_ARG6_'), `', `', `R<'defn(`_ARG6_')`>	_T_EDNSBL_NO
')dnl
ifelse(defn(`_ARG7_'), `', `', `R<'defn(`_ARG7_')`>	_T_EDNSBL_NO
')dnl
ifelse(defn(`_ARG8_'), `', `', `R<'defn(`_ARG8_')`>	_T_EDNSBL_NO
')dnl
ifelse(defn(`_ARG9_'), `', `', `R<'defn(`_ARG9_')`>	_T_EDNSBL_NO
')dnl
')dnl
_T_POP
