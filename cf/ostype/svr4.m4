divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl OSTYPE(`svr4') -- System V release 4: /usr/ucblib/binmail.
dnl
_T_MODULE
define(`LOCAL_MAILER_PATH', `/usr/ucblib/binmail')
define(`LOCAL_SHELL_FLAGS', `ehuP')
define(`UUCP_MAILER_ARGS', `uux - -r -a$g -gmedium $h!rmail ($u)')
define(`confEBINDIR', `/usr/ucblib')
