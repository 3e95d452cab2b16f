divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl FEATURE(`accept_unresolvable_domains') -- the domain of MAIL FROM need not
dnl resolve in the DNS (no "resolve" map is declared).
dnl
_T_MODULE
define(`_ACCEPT_UNRESOLVABLE_DOMAINS_', `1')
