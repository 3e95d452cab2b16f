divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl FEATURE(`relay_entire_domain') -- relay for every host in our domain
dnl (class m), not only for those listed in class R.
dnl
_T_MODULE
define(`_RELAY_ENTIRE_DOMAIN_', `1')
