divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl OSTYPE(`debian') -- Debian's layout: files in /etc/mail (text files may
dnl carry # comments), state in /var/lib/sendmail, helpers in
dnl /usr/libexec/sendmail, local delivery through sensible-mda (keeping root,
dnl no LMTP), procmail and inews in /usr/bin.
dnl
_T_MODULE
_T_DEFAULT(`MAIL_SETTINGS_DIR', `/etc/mail/')
define(`_USE_ETC_MAIL_')
define(`confCF_VERSION', `Debian')
define(`confSMTP_LOGIN_MSG', `$j Sendmail $v/$Z; $b; (No UCE/UBE) $?{client_addr}logging access from: ${client_name}(${client_resolve})-$_$.')
define(`confDEAD_LETTER_DROP', `/var/lib/sendmail/dead.letter')
define(`STATUS_FILE', `/var/lib/sendmail/sendmail.st')
define(`confHOST_STATUS_DIRECTORY', `/var/lib/sendmail/host_status')
define(`confCR_FILE', `-o 'MAIL_SETTINGS_DIR`relay-domains %[^\#]')
define(`confCT_FILE', MAIL_SETTINGS_DIR`trusted-users %[^\#]')
define(`confCW_FILE', MAIL_SETTINGS_DIR`local-host-names %[^\#]')
define(`confEBINDIR', `/usr/libexec/sendmail')
changequote([, ])define([confMUST_QUOTE_CHARS], [.'])changequote(`, ')
define(`confME_TOO', `True')
define(`confDEF_USER_ID', `mail:mail')
define(`LOCAL_MAILER_PATH', `/usr/sbin/sensible-mda')
define(`LOCAL_MAILER_ARGS', `sensible-mda $g $u $h ${client_addr}')
MODIFY_MAILER_FLAGS(`LOCAL', `+S')
MODIFY_MAILER_FLAGS(`LOCAL', `-r')
MODIFY_MAILER_FLAGS(`LOCAL', `-m')
define(`PROCMAIL_MAILER_PATH', `/usr/bin/procmail')
define(`PROCMAIL_MAILER_ARGS', `procmail -m $h $f $u')
define(`USENET_MAILER_PATH', `/usr/bin/inews')
define(`UUCP_MAILER_ARGS', `uux - -r -z -a$g -gC $h!rmail ($u)')
define(`confBIND_OPTS', `+WorkAroundBrokenAAAA')
define(`_FFR_MILTER')
define(`_FFR_MAIL_MACRO')
