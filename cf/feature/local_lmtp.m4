divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl FEATURE(`local_lmtp' [, path [, args]]) -- deliver local mail over LMTP
dnl with mail.local (default confEBINDIR/mail.local, args "mail.local -l").
dnl
_T_MODULE
ifdef(`_MAILER_local_', `_T_WARN(`FEATURE(`local_lmtp') must come before MAILER(`local')')')
define(`LOCAL_MAILER_PATH', ifelse(defn(`_ARG_'), `', ifdef(`confEBINDIR', `confEBINDIR', `/usr/libexec')`/mail.local', `defn(`_ARG_')'))
define(`LOCAL_MAILER_FLAGS', `PSXmnz9')
define(`LOCAL_MAILER_ARGS', ifelse(defn(`_ARG2_'), `', `mail.local -l', `defn(`_ARG2_')'))
define(`LOCAL_MAILER_DSN_DIAGNOSTIC_CODE', `SMTP')
define(`_LOCAL_LMTP_', `1')
