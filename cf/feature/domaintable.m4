divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl FEATURE(`domaintable' [, map]) -- map old domain names to new ones
dnl (default hash /etc/mail/domaintable), applied while canonifying.
dnl
_T_MODULE
define(`_DOMAIN_TABLE_', `')
_T_KMAP(`domaintable', `domaintable', `domain')
