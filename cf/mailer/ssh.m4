divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl MAILER(`ssh') -- "ssh": SMTP over ssh to a host that runs sendmail -bs,
dnl as user SSH_MAILER_USER in directory SSH_MAILER_DIR (both required).
dnl	SSH_MAILER_PATH [SSH_PATH or /usr/bin/ssh]
dnl	SSH_MAILER_HOST [$h]  SSH_REMOTE_COMMAND [/usr/sbin/sendmail -bs]
dnl	SSH_MAILER_ARGS [ssh -o BatchMode=yes -o EscapeChar=none -- host command]
dnl	SSH_MAILER_FLAGS, added to mDFMuX; _MAX, _MAXMSGS, _MAXRCPTS, _CHARSET, _QGRP
dnl Addresses as for the smtp mailers (EnvFromSMTP, EnvToSMTP, HdrFromSMTP).
dnl
_T_MODULE
ifdef(`SSH_MAILER_USER', `', `_T_FAIL(`MAILER(`ssh'): define SSH_MAILER_USER before it')')
ifdef(`SSH_MAILER_DIR', `', `_T_FAIL(`MAILER(`ssh'): define SSH_MAILER_DIR before it')')
_T_DEFAULT(`SSH_MAILER_PATH', ifdef(`SSH_PATH', `defn(`SSH_PATH')', `/usr/bin/ssh'))
_T_DEFAULT(`SSH_REMOTE_COMMAND', `/usr/sbin/sendmail -bs')
_T_DEFAULT(`SSH_MAILER_HOST', `$h')
_T_DEFAULT(`SSH_MAILER_FLAGS', `')
_T_DEFAULT(`SSH_MAILER_ARGS', `ssh -o BatchMode=yes -o EscapeChar=none  -- 'defn(`SSH_MAILER_HOST')` 'defn(`SSH_REMOTE_COMMAND'))
_T_PUSH(19)
Mssh,	P=SSH_MAILER_PATH, F=_T_FLAGS(CONCAT(`mDFMuX', defn(`SSH_MAILER_FLAGS')), `SSH'), S=EnvFromSMTP/HdrFromSMTP, R=ifdef(`_ALL_MASQUERADE_', `EnvToSMTP/HdrFromSMTP', `EnvToSMTP'), E=\r\n, L=990,
		_T_OPTIN(`SSH_MAILER_MAX', `M=', `, ')_T_OPTIN(`SSH_MAILER_MAXMSGS', `m=', `, ')_T_OPTIN(`SSH_MAILER_MAXRCPTS', `r=', `, ')_T_OPTIN(`SSH_MAILER_CHARSET', `C=', `, ')T=DNS/RFC822/SMTP,ifelse(defn(`SSH_MAILER_QGRP'), `', `', ` Q=SSH_MAILER_QGRP,')
		U=SSH_MAILER_USER, D=SSH_MAILER_DIR,
		A=SSH_MAILER_ARGS
_T_POP
