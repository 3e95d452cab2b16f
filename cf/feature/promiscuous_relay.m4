divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl FEATURE(`promiscuous_relay') -- relay for anyone.  Never on a host that
dnl the Internet can reach.
dnl
_T_MODULE
_T_WARN(`FEATURE(`promiscuous_relay') makes an open relay')
define(`_PROMISCUOUS_RELAY_', `1')
