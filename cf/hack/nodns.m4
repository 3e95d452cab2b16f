divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl HACK(`nodns') -- as FEATURE(`nodns'): no name server lookups.
dnl
_T_MODULE
FEATURE(`nodns')
