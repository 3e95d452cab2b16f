divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl FEATURE(`msp' [, MTA host [, `MSA']]) -- a mail submission program
dnl configuration (submit.cf): everything is relayed to the MTA on this host
dnl (default [localhost]; with `MSA' to port 587), the queue is
dnl /var/spool/clientmqueue, sendmail runs as smmsp.
dnl
_T_MODULE
define(`_T_MSP_HOST', ifelse(defn(`_ARG_'), `', `[localhost]', `defn(`_ARG_')'))
ifelse(defn(`_ARG2_'), `MSA', `define(`RELAY_MAILER_ARGS', `TCP $h 587')')
undefine(`ALIAS_FILE')
define(`confDELIVERY_MODE', `i')
define(`confUSE_MSP', `True')
define(`confFORWARD_PATH', `')
define(`confPRIVACY_FLAGS', `goaway,noetrn,restrictqrun')
define(`confDONT_PROBE_INTERFACES', `True')
_T_DEFAULT(`confRUN_AS_USER', `smmsp')
ifdef(`confTRUSTED_USER', `', `define(`confTRUSTED_USER',
	ifelse(index(confRUN_AS_USER, `:'), `-1', `confRUN_AS_USER', `substr(confRUN_AS_USER, 0, index(confRUN_AS_USER, `:'))'))')
define(`QUEUE_DIR', ifdef(`MSP_QUEUE_DIR', `MSP_QUEUE_DIR', `/var/spool/clientmqueue'))
ifdef(`confPID_FILE', `', `define(`confPID_FILE', QUEUE_DIR`/sm-client.pid')')
define(`confQUEUE_FILE_MODE', `0660')
ifdef(`STATUS_FILE',
	`define(`STATUS_FILE', ifelse(index(STATUS_FILE, `sendmail.st'), `-1', `STATUS_FILE',
		`substr(STATUS_FILE, 0, index(STATUS_FILE, `sendmail.st'))sm-client.st'))',
	`define(`STATUS_FILE', QUEUE_DIR`/sm-client.st')')
dnl addresses of this host are qualified with $j, or $M when masquerading
dnl the envelope
define(`_T_MSP_FQHN', ifdef(`MASQUERADE_NAME', ifdef(`_MASQUERADE_ENVELOPE_', `$M', `$j'), `$j'))
FEATURE(`no_default_msa')
ifelse(defn(`_DPO_'), `', `DAEMON_OPTIONS(`Name=NoMTA, Addr=127.0.0.1, M=E')')
define(`_DEF_LOCAL_MAILER_FLAGS', `')
define(`_DEF_LOCAL_SHELL_FLAGS', `')
define(`LOCAL_MAILER_PATH', `[IPC]')
define(`LOCAL_MAILER_FLAGS', `lmDFMuXkw5')
define(`LOCAL_MAILER_ARGS', `TCP $h')
define(`LOCAL_MAILER_DSN_DIAGNOSTIC_CODE', `SMTP')
define(`LOCAL_SHELL_PATH', `[IPC]')
define(`LOCAL_SHELL_FLAGS', `lmDFMuXk5')
define(`LOCAL_SHELL_ARGS', `TCP $h')
MODIFY_MAILER_FLAGS(`SMTP', `+k5')
MODIFY_MAILER_FLAGS(`ESMTP', `+k5')
MODIFY_MAILER_FLAGS(`DSMTP', `+k5')
MODIFY_MAILER_FLAGS(`SMTP8', `+k5')
MODIFY_MAILER_FLAGS(`RELAY', `+k')
MAILER(`local')
MAILER(`smtp')
_T_PUSH(11)D{MTAHost}defn(`_T_MSP_HOST')
_T_POP
dnl every recipient, local or not, goes to the MTA (ruleset 5)
_T_PUSH(15)
SLocal_localaddr
R$+	$: $>RcptDest $1
R$* < @ $+ > $*	$#relay $@ ${MTAHost} $: $1 < @ $2 > $3
ifdef(`_USE_DECNET_SYNTAX_', `R$+ :: $+	$#relay $@ ${MTAHost} $: $1 :: $2
')dnl
R$*	$#relay $@ ${MTAHost} $: $1 < @ _T_MSP_FQHN >
_T_POP
