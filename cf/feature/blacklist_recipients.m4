divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl FEATURE(`blacklist_recipients') -- the old name of blocklist_recipients.
dnl
_T_MODULE
_T_WARN(`FEATURE(`blacklist_recipients') is the old name of FEATURE(`blocklist_recipients')')
_T_NEEDACCESS(`blacklist_recipients')
define(`_BLOCKLIST_RCPT_', `1')
