divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl FEATURE(`authinfo' [, map]) -- AUTH credentials for outgoing connections
dnl from their own map (default hash /etc/mail/authinfo) instead of AuthInfo:
dnl entries of the access map.
dnl
_T_MODULE
define(`_AUTHINFO_TABLE_', `')
_T_KMAP(`authinfo', `authinfo', `authinfo')
