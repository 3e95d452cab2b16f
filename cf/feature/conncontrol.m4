divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl FEATURE(`conncontrol' [, `nodelay' [, `terminate']]) -- limit the simultaneous connections of a
dnl client by ClientConn: entries of the access map.  `nodelay' checks at once
dnl (needs delay_checks); `terminate' ends the session with 421 instead of 452.
dnl Needs FEATURE(`access_db').
dnl
_T_MODULE
_T_NEEDACCESS(`conncontrol')
define(`_CONN_CONTROL_', `1')
ifelse(defn(`_ARG_'), `', `', strcasecmp(defn(`_ARG_'), `nodelay'), `1',
	`ifdef(`_DELAY_CHECKS_', `define(`_CONN_CONTROL_IMMEDIATE_', `1')define(`_CONTROL_IMMEDIATE_', `1')',
		`_T_FAIL(`FEATURE(`conncontrol', `nodelay') needs FEATURE(`delay_checks') first')')',
	`_T_FAIL(`FEATURE(`conncontrol'): unknown argument `'defn(`_ARG_')`'')')
define(`_FFR_SRCHLIST_A', `1')
ifelse(defn(`_ARG2_'), `', `', defn(`_ARG2_'), `terminate', `define(`_CONN_CONTROL_REPLY', `421')',
	`_T_FAIL(`FEATURE(`conncontrol'): unknown argument `'defn(`_ARG2_')`'')')
_T_DEFAULT(`_CONN_CONTROL_REPLY', `452')
