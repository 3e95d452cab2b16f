divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl MAILER(`lmtp') -- "lmtp": delivery to the local mail store over LMTP
dnl (mail.local -l), as a mailer of its own that mailertable entries or
dnl site rules can name (lmtp:host) while "local" stays as it is.  To make
dnl the local mailer itself speak LMTP use FEATURE(`local_lmtp') instead.
dnl This mailer is Tern's; sendmail's package has no MAILER(`lmtp').
dnl
dnl Defines: LMTP_MAILER_PATH [confEBINDIR/mail.local, /usr/libexec],
dnl LMTP_MAILER_ARGS [mail.local -l], LMTP_MAILER_FLAGS [PSXmnz9] added to
dnl lsDFMAw5:/|@q, LMTP_MAILER_MAX, LMTP_MAILER_QGRP;
dnl MODIFY_MAILER_FLAGS(`LMTP', ...).
dnl
_T_MODULE
_T_DEFAULT(`LMTP_MAILER_PATH', ifdef(`confEBINDIR', `confEBINDIR', `/usr/libexec')`/mail.local')
_T_DEFAULT(`LMTP_MAILER_ARGS', `mail.local -l')
_T_DEFAULT(`LMTP_MAILER_FLAGS', `PSXmnz9')
_T_PUSH(19)
Mlmtp,	P=LMTP_MAILER_PATH, F=_T_FLAGS(CONCAT(`lsDFMAw5:/|@q', defn(`LMTP_MAILER_FLAGS')), `LMTP'), S=EnvFromSMTP/HdrFromL, R=EnvToL/HdrToL,
		_T_OPTIN(`LMTP_MAILER_MAX', `M=', `, ')T=DNS/RFC822/SMTP,ifelse(defn(`LMTP_MAILER_QGRP'), `', `', ` Q=LMTP_MAILER_QGRP,')
		A=LMTP_MAILER_ARGS
_T_POP
