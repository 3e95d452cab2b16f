divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl FEATURE(`loose_relay_check') -- do not look inside user%host@thishost
dnl when deciding about relaying.
dnl
_T_MODULE
define(`_LOOSE_RELAY_CHECK_', `1')
