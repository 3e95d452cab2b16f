divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl FEATURE(`local_procmail' [, path [, args [, flags]]]) -- procmail as the
dnl local delivery agent (path default PROCMAIL_MAILER_PATH or
dnl /usr/local/bin/procmail, args "procmail -a $h -d $u", flags SPfhn9).
dnl
_T_MODULE
ifdef(`_MAILER_local_', `_T_WARN(`FEATURE(`local_procmail') must come before MAILER(`local')')')
dnl a path of [LOCAL] (Tern's built-in delivery) given before this feature
dnl (OSTYPE linux turns it on) stays; mailer/local.m4 then drops the
dnl procmail arguments and flags set here, remembered in _T_LP_ARGS_ and
dnl _T_LP_FLAGS_
ifelse(defn(`LOCAL_MAILER_PATH'), `[LOCAL]', `',
`define(`LOCAL_MAILER_PATH', ifelse(defn(`_ARG_'), `',
	ifdef(`PROCMAIL_MAILER_PATH', `defn(`PROCMAIL_MAILER_PATH')', `/usr/local/bin/procmail'), `defn(`_ARG_')'))')
define(`LOCAL_MAILER_ARGS', ifelse(defn(`_ARG2_'), `', `procmail -a $h -d $u', `defn(`_ARG2_')'))
define(`LOCAL_MAILER_FLAGS', ifelse(defn(`_ARG3_'), `', `SPfhn9', `defn(`_ARG3_')'))
define(`_T_LP_ARGS_', defn(`LOCAL_MAILER_ARGS'))
define(`_T_LP_FLAGS_', defn(`LOCAL_MAILER_FLAGS'))
undefine(`_LOCAL_LMTP_')
undefine(`LOCAL_MAILER_DSN_DIAGNOSTIC_CODE')
