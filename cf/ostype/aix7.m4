divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl OSTYPE(`aix7') -- AIX: bellmail as the local mailer, helpers in /usr/lib,
dnl the time zone from TZ.
dnl
_T_MODULE
_T_DEFAULT(`LOCAL_MAILER_PATH', `/bin/bellmail')
_T_DEFAULT(`LOCAL_MAILER_ARGS', `mail -F $g $u')
_T_DEFAULT(`LOCAL_MAILER_FLAGS', `mn9')
define(`confEBINDIR', `/usr/lib')
define(`confTIME_ZONE', `USE_TZ')
