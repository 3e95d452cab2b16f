divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl FEATURE(`drac' [, map]) -- relay for clients that recently read their
dnl mail with POP/IMAP, listed by the DRAC daemon [hash /etc/mail/drac].
dnl
_T_MODULE
define(`_DRAC_', `')
_T_KMAP(`drac', `drac', `drac')
