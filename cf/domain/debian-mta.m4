divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl DOMAIN(`debian-mta') -- the settings Debian gives its MTA daemon: state
dnl in /var/lib/sendmail, sockets in /var/run/sendmail/mta, short SMTP
dnl timeouts, max hop 100, safe file permissions relaxed as Debian does.
dnl
_T_MODULE
define(`DEBIAN_MTA')
define(`STATUS_FILE', `/var/lib/sendmail/sendmail.st')
define(`confHOST_STATUS_DIRECTORY', `/var/lib/sendmail/host_status')
define(`confPID_FILE', `/var/run/sendmail/mta/sendmail.pid')
define(`confCONTROL_SOCKET_NAME', `/var/run/sendmail/mta/smcontrol')
define(`confPROCESS_TITLE_PREFIX', `MTA')
define(`confMAX_DAEMON_CHILDREN', `0')
define(`confRRT_IMPLIES_DSN', `False')
define(`confSAFE_FILE_ENV', `/')
define(`confSAFE_QUEUE', `True')
define(`confQUEUE_FILE_MODE', `0640')
define(`confTEMP_FILE_MODE', `0640')
define(`confTO_ICONNECT', `2m')
define(`confTO_MAIL', `2m')
define(`confTO_DATAINIT', `2m')
define(`confTO_RSET', `1m')
define(`confTO_QUIT', `2m')
define(`confTO_COMMAND', `5m')
define(`confTO_IDENT', `5s')
define(`confMAX_HOP', `100')
define(`confDONT_BLAME_SENDMAIL', defn(`confDONT_BLAME_SENDMAIL')`,AssumeSafeChown,ForwardFileInGroupWritableDirPath,GroupWritableForwardFileSafe,GroupWritableIncludeFileSafe,IncludeFileInGroupWritableDirPath,DontWarnForwardFileInUnsafeDirPath,TrustStickyBit,NonRootSafeAddr,GroupWritableIncludeFile,GroupReadableDefaultAuthInfoFile')
define(`confPRIVACY_FLAGS', `restrictqrun,restrictexpand')
_T_DEFAULT(`confTRUSTED_USER', `smmta')
define(`confMAX_RUNNERS_PER_QUEUE', `5')
