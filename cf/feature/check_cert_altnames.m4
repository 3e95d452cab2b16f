divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl FEATURE(`check_cert_altnames') -- TLS_Rcpt CN: requirements also match
dnl the subjectAltNames of the certificate (O SetCertAltnames=true).
dnl
_T_MODULE
define(`_FFR_TLS_ALTNAMES', `1')
_T_PUSH(11)O SetCertAltnames=true
_T_POP
