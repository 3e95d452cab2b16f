divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl FEATURE(`tls_failures') -- gone from sendmail 8.17: the option
dnl TLSFallbacktoClear (confTLS_FALLBACK_TO_CLEAR) does its work.  As
dnl sendmail's package does, the feature is reported and the option turned
dnl on; m4 exits 0.
dnl
_T_MODULE
_T_WARN(`FEATURE(`tls_failures') is replaced by confTLS_FALLBACK_TO_CLEAR (turned on)')
define(`confTLS_FALLBACK_TO_CLEAR', `true')
