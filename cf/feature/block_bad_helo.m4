divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl FEATURE(`block_bad_helo') -- with delay_checks, refuse clients that are
dnl neither authenticated nor local when their HELO name is ours or is not a
dnl dotted name.  Adds 127.0.0.1 and ::1 to classes R and w.
dnl
_T_MODULE
define(`_BLOCK_BAD_HELO_', `')
RELAY_DOMAIN(`127.0.0.1')
RELAY_DOMAIN(`IPv6:0:0:0:0:0:0:0:1 IPv6:::1')
LOCAL_DOMAIN(`[127.0.0.1]')
LOCAL_DOMAIN(`[IPv6:0:0:0:0:0:0:0:1] [IPv6:::1]')
