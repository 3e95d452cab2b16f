divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl OSTYPE(`qnx') -- QNX: /usr/bin/mailx as the local mailer.
dnl
_T_MODULE
define(`QUEUE_DIR', `/usr/spool/mqueue')
define(`LOCAL_MAILER_ARGS', `mail $u')
_T_DEFAULT(`LOCAL_MAILER_FLAGS', `Sh')
define(`LOCAL_MAILER_PATH', `/usr/bin/mailx')
define(`UUCP_MAILER_ARGS', `uux - -r -z -a$f $h!rmail ($u)')
