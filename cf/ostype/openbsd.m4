divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl OSTYPE(`openbsd') -- mail.local in /usr/libexec, status file in /var/log.
dnl
_T_MODULE
_T_DEFAULT(`STATUS_FILE', `/var/log/sendmail.st')
_T_DEFAULT(`LOCAL_MAILER_PATH', `/usr/libexec/mail.local')
_T_DEFAULT(`LOCAL_MAILER_FLAGS', `rmn9S')
_T_DEFAULT(`UUCP_MAILER_ARGS', `uux - -r -z -a$g $h!rmail ($u)')
