divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl MAILER(`usenet') -- "usenet": mail to group.name.USENET is posted to
dnl the news group with inews.
dnl
dnl Defines: USENET_MAILER_PATH [/usr/lib/news/inews], USENET_MAILER_FLAGS
dnl [rsDFMmn], USENET_MAILER_ARGS [inews -m -h -n], USENET_MAILER_MAX,
dnl USENET_MAILER_QGRP.
dnl
_T_MODULE
_T_DEFAULT(`USENET_MAILER_PATH', `/usr/lib/news/inews')
_T_DEFAULT(`USENET_MAILER_FLAGS', `rsDFMmn')
_T_DEFAULT(`USENET_MAILER_ARGS', `inews -m -h -n')
_T_PUSH(19)
Musenet,	P=USENET_MAILER_PATH, F=_T_FLAGS(defn(`USENET_MAILER_FLAGS'), `USENET'), S=EnvFromL, R=EnvToL,
		_T_OPTIN(`USENET_MAILER_MAX', `M=', `, ')T=X-Usenet/X-Usenet/X-Unix,ifelse(defn(`USENET_MAILER_QGRP'), `', `', ` Q=USENET_MAILER_QGRP,')
		A=USENET_MAILER_ARGS $u
_T_POP
