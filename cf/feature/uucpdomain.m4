divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl FEATURE(`uucpdomain' [, map]) -- host.UUCP names are looked up in a map
dnl (default hash /etc/mail/uudomain) to find their Internet names.
dnl
_T_MODULE
define(`_UUDOMAIN_TABLE_', `')
_T_KMAP(`uudomain', `uudomain', `uucpdomain')
