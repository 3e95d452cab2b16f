divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl FEATURE(`relay_hosts_only') -- entries of class R and of the access map
dnl name hosts, not domains with all their subdomains.
dnl
_T_MODULE
define(`_RELAY_HOSTS_ONLY_', `1')
