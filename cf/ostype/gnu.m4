divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl OSTYPE(`gnu') -- GNU/Hurd: mail.local and helpers in /libexec.
dnl
_T_MODULE
_T_DEFAULT(`STATUS_FILE', `/var/log/sendmail.st')
_T_DEFAULT(`LOCAL_MAILER_PATH', `/libexec/mail.local')
_T_DEFAULT(`LOCAL_MAILER_ARGS', `mail $u')
define(`confEBINDIR', `/libexec')
