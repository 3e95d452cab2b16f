divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl OSTYPE(`mklinux') -- MkLinux: as linux, status in /var/log.
dnl
_T_MODULE
define(`confEBINDIR', `/usr/sbin')
_T_DEFAULT(`STATUS_FILE', `/var/log/sendmail.st')
_T_DEFAULT(`PROCMAIL_MAILER_PATH', `/usr/bin/procmail')
FEATURE(`local_procmail')
