divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl FEATURE(`notsticky') -- the default: user@thishost and user are the same
dnl (the opposite of stickyhost).  Kept so old .mc files work.
dnl
_T_MODULE
define(`_T_NOTSTICKY_', `1')
