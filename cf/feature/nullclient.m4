divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl FEATURE(`nullclient', hub) -- a host that sends everything to hub: no
dnl local delivery except through the hub, all addresses masqueraded as hub,
dnl no aliases and no .forward.  Adds MAILER(local) and MAILER(smtp).
dnl
_T_MODULE
ifelse(defn(`_ARG_'), `', `_T_FAIL(`FEATURE(`nullclient') needs the name of the hub')')
define(`_NULL_CLIENT_', defn(`_ARG_'))
undefine(`ALIAS_FILE')
define(`MAIL_HUB', defn(`_NULL_CLIENT_'))
define(`SMART_HOST', defn(`_NULL_CLIENT_'))
define(`confFORWARD_PATH', `')
ifdef(`confFROM_HEADER', `', `define(`confFROM_HEADER', `<$g>')')
define(`_DEF_LOCAL_MAILER_FLAGS', `lsDFM5q')
MASQUERADE_AS(defn(`_NULL_CLIENT_'))
FEATURE(`allmasquerade')
FEATURE(`masquerade_envelope')
MAILER(`local')
MAILER(`smtp')
