divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl OSTYPE(`linux') -- GNU/Linux: helpers in /usr/sbin, procmail in
dnl /usr/bin/procmail and used as the local mailer (FEATURE(`local_procmail')).
dnl
_T_MODULE
define(`confEBINDIR', `/usr/sbin')
_T_DEFAULT(`PROCMAIL_MAILER_PATH', `/usr/bin/procmail')
FEATURE(`local_procmail')
