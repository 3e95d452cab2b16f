divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl FEATURE(`blocklist_recipients') -- To: entries of the access map can
dnl refuse mail for local users, user@ or whole domains.  Needs
dnl FEATURE(`access_db') first.
dnl
_T_MODULE
_T_NEEDACCESS(`blocklist_recipients')
define(`_BLOCKLIST_RCPT_', `1')
