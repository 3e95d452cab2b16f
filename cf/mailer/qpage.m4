divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl MAILER(`qpage') -- "qpage": pager messages with QPAGE_MAILER_PATH
dnl [/usr/local/bin/qpage] QPAGE_MAILER_ARGS [qpage -l0 -m -P$u], flags
dnl QPAGE_MAILER_FLAGS [mDFMs], largest message QPAGE_MAILER_MAX [4096].
dnl
_T_MODULE
_T_DEFAULT(`QPAGE_MAILER_PATH', `/usr/local/bin/qpage')
_T_DEFAULT(`QPAGE_MAILER_FLAGS', `mDFMs')
_T_DEFAULT(`QPAGE_MAILER_ARGS', `qpage -l0 -m -P$u')
_T_DEFAULT(`QPAGE_MAILER_MAX', `4096')
_T_PUSH(19)
Mqpage, P=QPAGE_MAILER_PATH, F=_T_FLAGS(defn(`QPAGE_MAILER_FLAGS'), `QPAGE'),
	M=QPAGE_MAILER_MAX,  T=DNS/RFC822/X-Unix,ifelse(defn(`QPAGE_MAILER_QGRP'), `', `', ` Q=QPAGE_MAILER_QGRP,')
	A=QPAGE_MAILER_ARGS
_T_POP
