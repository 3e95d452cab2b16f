divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl OSTYPE(`irix6') -- IRIX 6: mail -s -d $u, local flags Ehmu9, status in
dnl /var/sendmail.st, default user 998:998, local mailer charset
dnl iso-8859-1 (what a generated IRIX cf has always had).
dnl
_T_MODULE
_T_DEFAULT(`LOCAL_MAILER_FLAGS', `Ehmu9')
_T_DEFAULT(`LOCAL_MAILER_ARGS', `mail -s -d $u')
_T_DEFAULT(`QUEUE_DIR', `/var/spool/mqueue')
_T_DEFAULT(`STATUS_FILE', `/var/sendmail.st')
define(`confDEF_USER_ID', `998:998')
define(`confTIME_ZONE', `USE_TZ')
define(`confEBINDIR', `/usr/lib')
define(`LOCAL_MAILER_CHARSET', `iso-8859-1')
