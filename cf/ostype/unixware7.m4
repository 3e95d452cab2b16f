divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl OSTYPE(`unixware7') -- UnixWare 7: /etc/mail/slocal "slocal -user $u".
dnl
_T_MODULE
_T_DEFAULT(`QUEUE_DIR', `/var/spool/mqueue')
define(`confEBINDIR', `/usr/lib')
define(`confTIME_ZONE', `USE_TZ')
_T_DEFAULT(`LOCAL_MAILER_PATH', `/etc/mail/slocal')
_T_DEFAULT(`LOCAL_MAILER_FLAGS', `Puho9')
_T_DEFAULT(`LOCAL_MAILER_ARGS', `slocal -user $u')
_T_DEFAULT(`LOCAL_SHELL_FLAGS', `Peu')
