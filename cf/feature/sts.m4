divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl FEATURE(`sts' [, map [, `NO_SAN_TST']]) -- MTA-STS (RFC 8461) when
dnl sending: the policy of a recipient's domain comes from the sts map
dnl [socket -d5 -T<TMPF> inet:5461@127.0.0.1, e.g. postfix-mta-sts-resolver]
dnl (O StrictTransportSecurity).  For a domain whose policy says
dnl "secure" the server must present a verified certificate with at least
dnl 128 bits (tls_server, else 454 / 4.7.0 as a TEMP+VERIFY:128 access
dnl entry would), its name must be one of the policy's match= names
dnl (".domain" entries match one level below), and, unless NO_SAN_TST, one
dnl of the certificate's subjectAltNames (O SetCertAltnames).  Failures are
dnl temporary (450 / 4.7.0).
dnl
_T_MODULE
define(`_MTA_STS_', `')
define(`_NEED_MACRO_MAP_', `1')
ifelse(defn(`_ARG2_'), `NO_SAN_TST', `', `define(`_STS_SAN', `1')')
_T_PUSH(11)dnl
O StrictTransportSecurity=true
ifdef(`_STS_SAN', `O SetCertAltnames=true
')dnl
Ksts ifelse(defn(`_ARG_'), `', `socket -d5 -T<TMPF> inet:5461@127.0.0.1', `defn(`_ARG_')')
_T_POP
