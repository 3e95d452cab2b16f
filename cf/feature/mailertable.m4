divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl FEATURE(`mailertable' [, map]) -- route domains by a table (default
dnl hash /etc/mail/mailertable): host or .domain -> mailer:host,
dnl error:code:text, local:[user].
dnl
_T_MODULE
define(`_MAILER_TABLE_', `')
_T_KMAP(`mailertable', `mailertable', `mailer')
