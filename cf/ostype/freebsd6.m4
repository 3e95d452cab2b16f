divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl OSTYPE(`freebsd6') -- mail.local in /usr/libexec (flag S: it keeps root),
dnl uux in /usr/local/bin, status file in /var/log.
dnl
_T_MODULE
_T_DEFAULT(`STATUS_FILE', `/var/log/sendmail.st')
MODIFY_MAILER_FLAGS(`LOCAL', `+S')
_T_DEFAULT(`LOCAL_MAILER_PATH', `/usr/libexec/mail.local')
_T_DEFAULT(`LOCAL_MAILER_ARGS', `mail $u')
_T_DEFAULT(`UUCP_MAILER_PATH', `/usr/local/bin/uux')
_T_DEFAULT(`UUCP_MAILER_ARGS', `uux - -r -z -a$g $h!rmail ($u)')
