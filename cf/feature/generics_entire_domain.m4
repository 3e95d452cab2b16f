divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl FEATURE(`generics_entire_domain') -- genericstable also applies to
dnl subdomains of the domains in class G.
dnl
_T_MODULE
define(`_GENERICS_ENTIRE_DOMAIN_', `1')
