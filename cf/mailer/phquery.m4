divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl MAILER(`phquery') -- "ph": recipients looked up in a CCSO name server
dnl (ph) by the phquery program, for site rules and mailertable entries.
dnl	PH_MAILER_PATH [/usr/local/etc/phquery]  PH_MAILER_ARGS [phquery -- $u]
dnl	PH_MAILER_FLAGS [ehmu], added to nrDFM  PH_MAILER_QGRP
dnl
_T_MODULE
_T_DEFAULT(`PH_MAILER_PATH', `/usr/local/etc/phquery')
_T_DEFAULT(`PH_MAILER_FLAGS', `ehmu')
_T_DEFAULT(`PH_MAILER_ARGS', `phquery -- $u')
_T_PUSH(19)
Mph,	P=PH_MAILER_PATH, F=_T_FLAGS(CONCAT(`nrDFM', defn(`PH_MAILER_FLAGS')), `PH'), S=EnvFromL, R=EnvToL/HdrToL,
		T=DNS/RFC822/X-Unix,ifelse(defn(`PH_MAILER_QGRP'), `', `', ` Q=PH_MAILER_QGRP,')
		A=PH_MAILER_ARGS
_T_POP
