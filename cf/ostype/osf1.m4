divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl OSTYPE(`osf1') -- Tru64 (OSF/1): helpers in /usr/lbin, default user daemon.
dnl
_T_MODULE
_T_DEFAULT(`STATUS_FILE', `/usr/adm/sendmail/sendmail.st')
define(`confDEF_USER_ID', `daemon')
define(`confEBINDIR', `/usr/lbin')
