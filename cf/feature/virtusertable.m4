divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl FEATURE(`virtusertable' [, map]) -- virtual users (default
dnl hash /etc/mail/virtusertable): user@domain, user+*@domain, @domain ->
dnl local user, remote address or error:code text.  The domains are those
dnl of this host (class w) and of class {VirtHost} (VIRTUSER_DOMAIN).
dnl
_T_MODULE
define(`_VIRTUSER_TABLE_', `')
_T_KMAP(`virtuser', `virtusertable', `virtuser')
