divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl FEATURE(`genericstable' [, map]) -- rewrite outgoing sender addresses of
dnl this host (and of class G domains) through a map, default
dnl hash /etc/mail/genericstable: user or user@domain -> new address.
dnl
_T_MODULE
define(`_GENERICS_TABLE_', `')
_T_KMAP(`generics', `genericstable', `generics')
