divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl FEATURE(`ldap_routing' [, mailHost map [, mailRoutingAddress map
dnl [, bounce [, detail [, nodomain [, tempfail]]]]]]) -- route the
dnl recipients of {LDAPRoute} (LDAPROUTE_DOMAIN) and {LDAPRouteEquiv}
dnl (LDAPROUTE_EQUIVALENT) by two lookups, mailHost and mailRoutingAddress
dnl (ruleset LDAPExpand in m4/ldaproute.m4).  Arguments, empty = default:
dnl   maps      map specifications; default an LDAP search of
dnl             inetLocalMailRecipient by mailLocalAddress (then
dnl             confLDAP_DEFAULT_SPEC should say where the server is)
dnl   bounce    `passthru' (default): unknown users go on as they are;
dnl             `sendertoo': unknown recipients and senders are refused;
dnl             any other word: unknown recipients are refused
dnl   detail    `strip': user+detail is also looked up as user;
dnl             `preserve': the same, and the detail is kept in a routing
dnl             address; other words: no special +detail handling
dnl   nodomain  any non-empty word: no @domain lookup
dnl   tempfail  `queue' (default) or `tempfail' (refuse in SMTP)
dnl
_T_MODULE
dnl _T_LR_PICK(value, default, word1, choice1, ...) -- the choice for value
dnl (the default when empty; nothing for a word not listed)
define(`_T_LR_PICK', `ifelse(`$1', `', `$2', `$#', `2', `',
	`$1', `$3', `$4', `_T_LR_PICK(`$1', `$2', shift(shift(shift(shift($@)))))')')
define(`_T_LR_MAP', `ifelse(`$2', `', `define(`_LDAP_ROUTING_WARN_', `yes')ldap -1 -T<TMPF> -v $1 -k (&(objectClass=inetLocalMailRecipient)(mailLocalAddress=%0))', `$2')')
dnl the bounce word: anything but passthru (or nothing) refuses
ifelse(defn(`_ARG3_'), `', `define(`_LDAP_ROUTING_', `_PASS_THROUGH_')',
	defn(`_ARG3_'), `passthru', `define(`_LDAP_ROUTING_', `_PASS_THROUGH_')',
	`define(`_LDAP_ROUTING_', `_MUST_EXIST_')ifelse(defn(`_ARG3_'), `sendertoo',
		`define(`_LDAP_SENDER_MUST_EXIST_', `1')')')
define(`_T_LR_DETAIL', _T_LR_PICK(defn(`_ARG4_'), `', `strip', `_STRIP_', `preserve', `_PRESERVE_'))
ifelse(_T_LR_DETAIL, `', `', `define(`_LDAP_ROUTE_DETAIL_', _T_LR_DETAIL)')
ifelse(defn(`_ARG5_'), `', `', `define(`_LDAP_ROUTE_NODOMAIN_', `yes')')
define(`_T_LR_TEMP', _T_LR_PICK(defn(`_ARG6_'), `_QUEUE_', `tempfail', `_TEMPFAIL_', `queue', `_QUEUE_'))
ifelse(_T_LR_TEMP, `', `', `define(`_LDAP_ROUTE_MAPTEMP_', _T_LR_TEMP)')
define(`_NEED_SMTPOPMODES_', `1')
_T_PUSH(11)# the two lookups of ldap_routing
Kldapmh _T_LR_MAP(`mailHost', defn(`_ARG1_'))
Kldapmra _T_LR_MAP(`mailRoutingAddress', defn(`_ARG2_'))
_T_POP
