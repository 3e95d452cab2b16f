divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl MAILER(`pop') -- "pop": user@POP is delivered to the POP spool with
dnl POP_MAILER_PATH [/usr/lib/mh/spop] POP_MAILER_ARGS [pop $u], flags lsDFMq
dnl plus POP_MAILER_FLAGS [Penu], POP_MAILER_QGRP.  POP becomes a pseudo
dnl domain (class P).
dnl
_T_MODULE
_T_DEFAULT(`POP_MAILER_PATH', `/usr/lib/mh/spop')
_T_DEFAULT(`POP_MAILER_FLAGS', `Penu')
_T_DEFAULT(`POP_MAILER_ARGS', `pop $u')
_T_PUSH(19)
Mpop,	P=POP_MAILER_PATH, F=_T_FLAGS(CONCAT(`lsDFMq', defn(`POP_MAILER_FLAGS')), `POP'), S=EnvFromL, R=EnvToL/HdrToL,
		T=DNS/RFC822/X-Unix,ifelse(defn(`POP_MAILER_QGRP'), `', `', ` Q=POP_MAILER_QGRP,')
		A=POP_MAILER_ARGS
_T_POP
_T_PUSH(11)CPPOP
_T_POP
