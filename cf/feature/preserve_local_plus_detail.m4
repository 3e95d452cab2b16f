divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl FEATURE(`preserve_local_plus_detail') -- hand user+detail to the local
dnl mailer unchanged.
dnl
_T_MODULE
define(`_PRESERVE_LOCAL_PLUS_DETAIL_', `1')
