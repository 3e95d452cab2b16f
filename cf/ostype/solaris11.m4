divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl OSTYPE(`solaris11') -- Solaris: helpers in /usr/lib, local delivery over LMTP
dnl with mail.local (FEATURE(`local_lmtp')), IPv4 and IPv6 daemons.
dnl
_T_MODULE
_T_DEFAULT(`UUCP_MAILER_ARGS', `uux - -r -a$g $h!rmail ($u)')
define(`confEBINDIR', `/usr/lib')
define(`confPID_FILE', `/system/volatile/sendmail.pid')
define(`_NETINET6_')
FEATURE(`local_lmtp')
