divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl FEATURE(`lookupdotdomain') -- access map lookups of a host also try
dnl .domain keys.  Needs FEATURE(`access_db').
dnl
_T_MODULE
_T_NEEDACCESS(`lookupdotdomain')
define(`_LOOKUPDOTDOMAIN_', `')
ifdef(`_RELAY_HOSTS_ONLY_', `_T_WARN(`FEATURE(`lookupdotdomain') does not work well with FEATURE(`relay_hosts_only')')')
