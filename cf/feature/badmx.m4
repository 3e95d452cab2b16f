divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl FEATURE(`badmx' [, regex]) -- check_mail refuses sender domains whose MX
dnl records point to bad hosts (a dotted quad, or an address matching regex,
dnl default ^(127\.|10\.|0\.0\.0\.0)).
dnl
_T_MODULE
define(`_BADMX_CHK_', `1')
_T_PUSH(11)Kmxlist bestmx -z: -T<TEMP>
Kbadmx regex -a<BADMX> ^(([0-9]{1,3}\.){3}[0-9]){0,1}\.$
KdnsA dns -R A -a. -T<TEMP>
KBadMXIP regex -a<BADMXIP> ifelse(defn(`_ARG_'), `', `^(127\.|10\.|0\.0\.0\.0)', `defn(`_ARG_')')
_T_POP
