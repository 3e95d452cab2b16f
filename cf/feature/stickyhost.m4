divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl FEATURE(`stickyhost') -- user@thishost is not the same as user: only a
dnl bare user goes to LOCAL_RELAY, user@thishost is delivered here (or to
dnl MAIL_HUB).
dnl
_T_MODULE
define(`_STICKY_LOCAL_DOMAIN_', `1')
