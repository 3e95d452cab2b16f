divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl FEATURE(`nodns') -- this host does not use the DNS (a UUCP-only or smart
dnl host site): no canonification of host names (as FEATURE(`nocanonify')),
dnl no DNS check of sender domains (as accept_unresolvable_domains); remote
dnl mail goes to SMART_HOST.  sendmail 8.17 dropped this feature; Tern keeps
dnl its old meaning so old .mc files work.
dnl
_T_MODULE
ifelse(defn(`_ARG_'), `', `', `_T_FAIL(`FEATURE(`nodns') takes no argument')')
define(`_NO_CANONIFY_', `1')
define(`_T_NODNS_', `1')
define(`_ACCEPT_UNRESOLVABLE_DOMAINS_', `1')
