divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl FEATURE(`relay_based_on_MX') -- relay for any domain whose MX record
dnl points to this host.
dnl
_T_MODULE
define(`_RELAY_MX_SERVED_', `1')
_T_PUSH(11)Kmxserved bestmx -z: -T<TEMP>
_T_POP
