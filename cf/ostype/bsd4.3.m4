divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl OSTYPE(`bsd4.3') -- 4.3BSD: queue in /usr/spool/mqueue.
dnl
_T_MODULE
_T_DEFAULT(`QUEUE_DIR', `/usr/spool/mqueue')
_T_DEFAULT(`UUCP_MAILER_ARGS', `uux - -r -z -a$g $h!rmail ($u)')
