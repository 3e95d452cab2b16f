divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl FEATURE(`allmasquerade') -- masquerade recipient header addresses too
dnl (with MASQUERADE_AS): the SMTP, procmail and uucp-dom mailers get a
dnl header recipient ruleset.  Must come before the MAILER lines.
dnl
_T_MODULE
ifdef(`_MAILER_local_', `_T_WARN(`FEATURE(`allmasquerade') must come before MAILER(`local')')')
ifdef(`_MAILER_uucp_', `_T_WARN(`FEATURE(`allmasquerade') must come before MAILER(`uucp')')')
define(`_ALL_MASQUERADE_', `1')
