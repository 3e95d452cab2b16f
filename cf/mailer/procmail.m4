divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl MAILER(`procmail') -- "procmail", for mailertable entries such as
dnl procmail:/etc/procmailrcs/lists (the host part names the rc file).
dnl
dnl Defines: PROCMAIL_MAILER_PATH [PROCMAIL_PATH or /usr/local/bin/procmail;
dnl OSTYPE(linux) says /usr/bin/procmail], PROCMAIL_MAILER_FLAGS [SPhnu9],
dnl added to DFM, PROCMAIL_MAILER_ARGS [procmail -Y -m $h $f $u],
dnl PROCMAIL_MAILER_MAX, PROCMAIL_MAILER_QGRP.
dnl
_T_MODULE
ifdef(`PROCMAIL_MAILER_PATH', `',
	`define(`PROCMAIL_MAILER_PATH', ifdef(`PROCMAIL_PATH', `PROCMAIL_PATH', `/usr/local/bin/procmail'))')
_T_DEFAULT(`PROCMAIL_MAILER_FLAGS', `SPhnu9')
_T_DEFAULT(`PROCMAIL_MAILER_ARGS', `procmail -Y -m $h $f $u')
_T_PUSH(19)
Mprocmail,	P=PROCMAIL_MAILER_PATH, F=_T_FLAGS(CONCAT(`DFM', defn(`PROCMAIL_MAILER_FLAGS')), `PROCMAIL'), S=EnvFromSMTP/HdrFromSMTP, R=EnvToSMTP/HdrFromSMTP,
		ifdef(`PROCMAIL_MAILER_MAX', `M=PROCMAIL_MAILER_MAX, ')T=DNS/RFC822/X-Unix,ifelse(defn(`PROCMAIL_MAILER_QGRP'), `', `', ` Q=PROCMAIL_MAILER_QGRP,')
		A=PROCMAIL_MAILER_ARGS
_T_POP
