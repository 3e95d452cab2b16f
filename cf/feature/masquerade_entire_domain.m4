divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl FEATURE(`masquerade_entire_domain') -- subdomains of class M domains are
dnl masqueraded too.
dnl
_T_MODULE
define(`_MASQUERADE_ENTIRE_DOMAIN_', `1')
