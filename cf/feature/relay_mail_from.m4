divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl FEATURE(`relay_mail_from' [, `domain']) -- relay when the sender has a
dnl From: RELAY entry in the access map (with `domain' also its domain).
dnl
_T_MODULE
_T_NEEDACCESS(`relay_mail_from')
_T_WARN(`FEATURE(`relay_mail_from') lets anyone with a forged sender relay')
define(`_RELAY_DB_FROM_', `1')
ifelse(defn(`_ARG_'), `domain', `define(`_RELAY_DB_FROM_DOMAIN_', `1')')
