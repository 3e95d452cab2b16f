divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl FEATURE(`nocanonify' [, `canonify_hosts']) -- no name server lookups to
dnl canonify host names, except names in class {Canonify} (CANONIFY_DOMAIN) and
dnl on daemons with the c modifier; `canonify_hosts' still looks up names
dnl without a dot.
dnl
_T_MODULE
define(`_NO_CANONIFY_', `1')
ifelse(defn(`_ARG_'), `', `', strcasecmp(defn(`_ARG_'), `canonify_hosts'), `1', `define(`_CANONIFY_HOSTS_', `1')',
	`_T_FAIL(`FEATURE(`nocanonify'): unknown argument `'defn(`_ARG_')`'')')
