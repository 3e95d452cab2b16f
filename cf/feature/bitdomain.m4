divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl FEATURE(`bitdomain' [, map]) -- host.BITNET names are looked up in a map
dnl (default hash /etc/mail/bitdomain) to find their Internet names.
dnl
_T_MODULE
define(`_BITDOMAIN_TABLE_', `')
_T_KMAP(`bitdomain', `bitdomain', `bitdomain')
