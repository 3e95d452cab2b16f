divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl OSTYPE(`hpux10') -- HP-UX 10: as hpux11.
dnl
_T_MODULE
_T_DEFAULT(`QUEUE_DIR', `/var/spool/mqueue')
_T_DEFAULT(`LOCAL_MAILER_PATH', `/usr/bin/rmail')
_T_DEFAULT(`LOCAL_MAILER_FLAGS', `m9')
_T_DEFAULT(`LOCAL_MAILER_ARGS', `rmail -d $u')
_T_DEFAULT(`LOCAL_SHELL_PATH', `/usr/bin/sh')
_T_DEFAULT(`UUCP_MAILER_ARGS', `uux - -r -a$g -gC $h!rmail ($u)')
define(`confTIME_ZONE', `USE_TZ')
