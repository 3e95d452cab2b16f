divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl FEATURE(`preserve_luser_host') -- mail for unknown users sent to
dnl LUSER_RELAY keeps its original host part.
dnl
_T_MODULE
ifdef(`LUSER_RELAY', `', `_T_WARN(`FEATURE(`preserve_luser_host'): define LUSER_RELAY before it')')
define(`_PRESERVE_LUSER_HOST_', `1')
define(`_NEED_MACRO_MAP_', `1')
