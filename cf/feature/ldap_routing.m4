divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl FEATURE(`ldap_routing' [, mailHost map [, mailRoutingAddress map
dnl [, bounce [, detail [, nodomain [, tempfail]]]]]]) -- route recipients of
dnl the domains in class {LDAPRoute} (LDAPROUTE_DOMAIN) by the LDAP
dnl attributes mailRoutingAddress and mailHost.  bounce: `passthru' (default)
dnl or anything else to refuse unknown users (`sendertoo' also senders);
dnl detail: `strip' or `preserve' +detail; nodomain: non-empty skips the
dnl @domain lookup; tempfail: `tempfail' or `queue'.
dnl
_T_MODULE
ifelse(defn(`_ARG1_'), `', `define(`_LDAP_ROUTING_WARN_', `yes')')
ifelse(defn(`_ARG2_'), `', `define(`_LDAP_ROUTING_WARN_', `yes')')
ifelse(defn(`_ARG5_'), `', `', `define(`_LDAP_ROUTE_NODOMAIN_', `yes')')
ifelse(defn(`_ARG3_'), `', `define(`_LDAP_ROUTING_', `_PASS_THROUGH_')',
	defn(`_ARG3_'), `passthru', `define(`_LDAP_ROUTING_', `_PASS_THROUGH_')',
	defn(`_ARG3_'), `sendertoo', `define(`_LDAP_ROUTING_', `_MUST_EXIST_')define(`_LDAP_SENDER_MUST_EXIST_')',
	`define(`_LDAP_ROUTING_', `_MUST_EXIST_')')
ifelse(defn(`_ARG4_'), `', `', defn(`_ARG4_'), `strip', `define(`_LDAP_ROUTE_DETAIL_', `_STRIP_')',
	defn(`_ARG4_'), `preserve', `define(`_LDAP_ROUTE_DETAIL_', `_PRESERVE_')')
ifelse(defn(`_ARG6_'), `', `define(`_LDAP_ROUTE_MAPTEMP_', `_QUEUE_')',
	defn(`_ARG6_'), `tempfail', `define(`_LDAP_ROUTE_MAPTEMP_', `_TEMPFAIL_')',
	defn(`_ARG6_'), `queue', `define(`_LDAP_ROUTE_MAPTEMP_', `_QUEUE_')')
define(`_NEED_SMTPOPMODES_', `1')
_T_PUSH(11)Kldapmh ifelse(defn(`_ARG1_'), `', `ldap -1 -T<TMPF> -v mailHost -k (&(objectClass=inetLocalMailRecipient)(mailLocalAddress=%0))', `defn(`_ARG1_')')
Kldapmra ifelse(defn(`_ARG2_'), `', `ldap -1 -T<TMPF> -v mailRoutingAddress -k (&(objectClass=inetLocalMailRecipient)(mailLocalAddress=%0))', `defn(`_ARG2_')')
_T_POP
