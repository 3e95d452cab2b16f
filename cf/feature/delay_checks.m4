divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl FEATURE(`delay_checks' [, `friend' | `hater' [, `n']]) -- run the
dnl connection and sender checks from check_rcpt, so the recipient is known:
dnl with `friend' a Spam:addr FRIEND entry skips them, with `hater' only
dnl Spam:addr HATER recipients get them.
dnl
_T_MODULE
define(`_DELAY_CHECKS_', `1')
ifelse(defn(`_ARG_'), `', `',
	lower(substr(defn(`_ARG_'), 0, 1)), `f', `define(`_SPAM_FRIEND_', `1')define(`_SPAM_FH_', `1')',
	lower(substr(defn(`_ARG_'), 0, 1)), `h', `define(`_SPAM_HATER_', `1')define(`_SPAM_FH_', `1')',
	`_T_FAIL(`FEATURE(`delay_checks'): unknown argument `'defn(`_ARG_')`' (friend or hater)')')
ifelse(defn(`_ARG2_'), `', `define(`_DELAY_COMPAT_8_10_', `1')')
