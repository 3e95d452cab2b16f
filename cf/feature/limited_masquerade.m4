divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl FEATURE(`limited_masquerade') -- only the domains of class M are
dnl masqueraded, not the names of this host (class w).
dnl
_T_MODULE
define(`_LIMITED_MASQUERADE_', `1')
