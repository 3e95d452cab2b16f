divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl OSTYPE(`solaris2') -- older Solaris: mail.local in /usr/lib.
dnl
_T_MODULE
_T_DEFAULT(`LOCAL_MAILER_PATH', `/usr/lib/mail.local')
_T_DEFAULT(`LOCAL_MAILER_FLAGS', `fSmn9')
_T_DEFAULT(`LOCAL_MAILER_ARGS', `mail.local -d $u')
_T_DEFAULT(`UUCP_MAILER_ARGS', `uux - -r -a$g $h!rmail ($u)')
define(`confEBINDIR', `/usr/lib')
