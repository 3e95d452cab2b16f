divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl FEATURE(`relay_local_from') -- relay when MAIL FROM has a domain of this
dnl host.  Senders are easy to forge: prefer AUTH or STARTTLS.
dnl
_T_MODULE
_T_WARN(`FEATURE(`relay_local_from') lets anyone with a forged sender relay')
define(`_RELAY_LOCAL_FROM_', `1')
