divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl MAILER(`cyrus') -- "cyrus" and "cyrusbb": delivery to the old Cyrus
dnl server with CYRUS_MAILER_PATH [/usr/sbin/cyrdeliver], CYRUS_MAILER_ARGS
dnl [cyrdeliver -e -m $h -- $u], CYRUS_BB_MAILER_ARGS [cyrdeliver -e -m $u],
dnl as CYRUS_MAILER_USER [cyrus:mail]; flags lsDFMnPq plus CYRUS_MAILER_FLAGS
dnl [Ah5@/:|], lsDFMnP plus CYRUS_BB_MAILER_FLAGS [u].
dnl
_T_MODULE
_T_DEFAULT(`CYRUS_MAILER_FLAGS', `Ah5@/:|')
_T_DEFAULT(`CYRUS_MAILER_PATH', `/usr/sbin/cyrdeliver')
_T_DEFAULT(`CYRUS_MAILER_ARGS', `cyrdeliver -e -m $h -- $u')
_T_DEFAULT(`CYRUS_MAILER_USER', `cyrus:mail')
_T_DEFAULT(`CYRUS_BB_MAILER_FLAGS', `u')
_T_DEFAULT(`CYRUS_BB_MAILER_ARGS', `cyrdeliver -e -m $u')
_T_PUSH(19)
Mcyrus,		P=CYRUS_MAILER_PATH, F=_T_FLAGS(CONCAT(`lsDFMnPq', defn(`CYRUS_MAILER_FLAGS')), `CYRUS'), S=EnvFromL, R=EnvToL/HdrToL,
		ifdef(`CYRUS_MAILER_MAX', `M=CYRUS_MAILER_MAX, ')U=CYRUS_MAILER_USER, T=DNS/RFC822/X-Unix,ifelse(defn(`CYRUS_MAILER_QGRP'), `', `', ` Q=CYRUS_MAILER_QGRP,')
		A=CYRUS_MAILER_ARGS
Mcyrusbb,	P=CYRUS_MAILER_PATH, F=_T_FLAGS(CONCAT(`lsDFMnP', defn(`CYRUS_BB_MAILER_FLAGS')), `CYRUS'), S=EnvFromL, R=EnvToL/HdrToL,
		ifdef(`CYRUS_MAILER_MAX', `M=CYRUS_MAILER_MAX, ')U=CYRUS_MAILER_USER, T=DNS/RFC822/X-Unix,ifelse(defn(`CYRUS_MAILER_QGRP'), `', `', ` Q=CYRUS_MAILER_QGRP,')
		A=CYRUS_BB_MAILER_ARGS
_T_POP
