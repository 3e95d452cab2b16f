divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl MAILER(`cyrusv2') -- "cyrusv2": LMTP to the Cyrus IMAP server over a
dnl socket, CYRUSV2_MAILER_ARGS [FILE /var/run/cyrus/socket/lmtp], flags
dnl lsDFMnqXz plus CYRUSV2_MAILER_FLAGS [A@/:|m], CYRUSV2_MAILER_MAXMSGS,
dnl _MAXRCPTS, _CHARSET, _QGRP.
dnl
_T_MODULE
_T_DEFAULT(`_DEF_CYRUSV2_MAILER_FLAGS', `lsDFMnqXz')
_T_DEFAULT(`CYRUSV2_MAILER_FLAGS', `A@/:|m')
_T_DEFAULT(`CYRUSV2_MAILER_ARGS', `FILE /var/run/cyrus/socket/lmtp')
_T_PUSH(19)
Mcyrusv2,	P=[IPC], F=_T_FLAGS(CONCAT(defn(`_DEF_CYRUSV2_MAILER_FLAGS'), defn(`CYRUSV2_MAILER_FLAGS')), `CYRUSV2'),
		S=EnvFromSMTP/HdrFromL, R=EnvToL/HdrToL, E=\r\n,
		_T_OPTIN(`CYRUSV2_MAILER_MAXMSGS', `m=', `, ')_T_OPTIN(`CYRUSV2_MAILER_MAXRCPTS', `r=', `, ')_T_OPTIN(`CYRUSV2_MAILER_CHARSET', `C=', `, ')T=DNS/RFC822/SMTP,ifelse(defn(`CYRUSV2_MAILER_QGRP'), `', `', ` Q=CYRUSV2_MAILER_QGRP,')
		A=CYRUSV2_MAILER_ARGS
_T_POP
