divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl MAILER(`fax') -- "fax": user@host.FAX is sent with FAX_MAILER_PATH
dnl [/usr/bin/faxmail] FAX_MAILER_ARGS [faxmail -d $u@$h $f], largest
dnl message FAX_MAILER_MAX [100000], FAX_MAILER_QGRP.  FAX becomes a pseudo
dnl domain (class P).
dnl
_T_MODULE
_T_DEFAULT(`FAX_MAILER_ARGS', `faxmail -d $u@$h $f')
_T_DEFAULT(`FAX_MAILER_PATH', `/usr/bin/faxmail')
_T_DEFAULT(`FAX_MAILER_MAX', `100000')
_T_PUSH(19)
Mfax,	P=FAX_MAILER_PATH, F=DFMhu, S=14, R=24,
		M=FAX_MAILER_MAX, T=X-Phone/X-FAX/X-Unix,ifelse(defn(`FAX_MAILER_QGRP'), `', `', ` Q=FAX_MAILER_QGRP,')
		A=FAX_MAILER_ARGS
_T_POP
_T_PUSH(11)CPFAX
_T_POP
